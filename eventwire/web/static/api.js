// Calls to the eventwire HTTP API. Errors come back as {"error": {status, code, message, detail}}
// and are raised as ApiError so that every view can show the same message.

export class ApiError extends Error {
  constructor(status, code, message, detail = null) {
    super(message);
    this.status = status;
    this.code = code;
    this.detail = detail;
  }
}

/** Query string from a plain object, leaving out empty values. */
export function queryString(params) {
  const qs = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === null || value === undefined || value === "") continue;
    qs.set(key, String(value));
  }
  return qs.toString();
}

export async function getJSON(path, params = {}, signal = undefined) {
  const qs = queryString(params);
  let response;
  try {
    response = await fetch(qs ? `${path}?${qs}` : path, { signal, headers: { Accept: "application/json" } });
  } catch (e) {
    if (e.name === "AbortError") throw e;
    throw new ApiError(0, "E_NETWORK", `cannot reach the server (${e.message})`);
  }
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok) {
    const err = body && body.error;
    if (err) {
      throw new ApiError(err.status || response.status, err.code || "E_HTTP", err.message || "", err.detail);
    }
    throw new ApiError(response.status, "E_HTTP", `${response.status} ${response.statusText}`);
  }
  if (body === null) {
    throw new ApiError(response.status, "E_BAD_JSON", "the server sent a response that is not JSON");
  }
  return body;
}

const PAGE_SIZE = 500;
export const MAX_EVENTS = 2000;

/** Events matching the filters: up to MAX_EVENTS, fetched in pages of 500. */
export async function fetchEvents(filters, signal) {
  const first = await getJSON("/api/events", { ...filters, page: 1, page_size: PAGE_SIZE }, signal);
  const items = [...first.items];
  const pages = Math.min(Math.ceil(first.total / PAGE_SIZE), MAX_EVENTS / PAGE_SIZE);
  const rest = [];
  for (let page = 2; page <= pages; page += 1) {
    rest.push(getJSON("/api/events", { ...filters, page, page_size: PAGE_SIZE }, signal));
  }
  for (const more of await Promise.all(rest)) items.push(...more.items);
  return { total: first.total, items };
}
