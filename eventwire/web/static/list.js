// The event list: one row per merged event, a keyboard-usable listbox (arrow keys, Home/End,
// Enter or Space opens the event; one row is in the tab order at a time).

import { h } from "./dom.js";
import { dateRange, direction, placeLabel, toll, typeColor, typeLabel } from "./format.js";

function deathToll(ev) {
  const text = `✝ ${toll(ev.fatalities)}`;
  return h("span", { className: "row-dead", title: "fatalities: best (low–high)", text });
}

function row(ev) {
  const swatch = h("span", { className: "swatch", "aria-hidden": "true" });
  swatch.style.background = typeColor(ev.type);
  const dead = ev.fatalities && ev.fatalities.best !== null && ev.fatalities.best !== undefined;
  return h("li", {
    className: ev.uncertain ? "event-row uncertain" : "event-row",
    role: "option", tabindex: "-1", id: `row-${ev.id}`, "aria-selected": "false",
    title: ev.headline || null,
    dataset: {
      id: ev.id, type: ev.type, status: ev.status,
      earliest: ev.date_earliest || "", latest: ev.date_latest || "",
    },
  },
  h("div", { className: "row-line1" },
    swatch,
    h("span", { className: "row-type", text: typeLabel(ev) }),
    h("span", { className: "row-date", text: dateRange(ev) })),
  h("div", { className: "row-line2", text: direction(ev) }),
  h("div", { className: "row-line3" },
    h("span", { className: "row-place", text: placeLabel(ev.place) }),
    ev.uncertain ? h("span", { className: "badge status", text: ev.status }) : null,
    dead ? deathToll(ev) : null,
    h("span", { className: "row-conf", title: "confidence", text: `${Math.round(ev.confidence * 100)}%` }),
    h("span", { className: "row-src", title: "sources", text: `${ev.n_sources} src` })));
}

export function createList(ul, { onSelect }) {
  let rows = [];

  function current() {
    return ul.querySelector('[aria-selected="true"]') || ul.querySelector('[tabindex="0"]');
  }

  function setActive(li, { focus = true } = {}) {
    for (const other of ul.querySelectorAll('.event-row[tabindex="0"]')) other.tabIndex = -1;
    if (!li) {
      ul.tabIndex = 0;
      return;
    }
    ul.tabIndex = -1;
    li.tabIndex = 0;
    if (focus) li.focus();
    li.scrollIntoView({ block: "nearest" });
  }

  function render(items, selectedId) {
    rows = items.map(row);
    ul.replaceChildren(...rows);
    select(selectedId, { focus: false });
    if (!ul.querySelector('[tabindex="0"]') && rows.length) rows[0].tabIndex = 0;
    ul.tabIndex = rows.length ? -1 : 0;
  }

  /** Mark a row as the open event (without opening it again). */
  function select(id, { focus = false } = {}) {
    for (const li of rows) li.setAttribute("aria-selected", li.dataset.id === id ? "true" : "false");
    const li = id ? rows.find((r) => r.dataset.id === id) : null;
    if (li) setActive(li, { focus });
  }

  ul.addEventListener("click", (e) => {
    const li = e.target.closest(".event-row");
    if (!li) return;
    setActive(li);
    onSelect(li.dataset.id);
  });
  ul.addEventListener("focus", () => {
    if (rows.length) setActive(current() || rows[0]);
  });
  ul.addEventListener("keydown", (e) => {
    if (!rows.length) return;
    const li = e.target.closest(".event-row") || current() || rows[0];
    const i = rows.indexOf(li);
    const moves = {
      ArrowDown: i + 1, ArrowUp: i - 1, Home: 0, End: rows.length - 1, PageDown: i + 10, PageUp: i - 10,
    };
    if (e.key in moves) {
      e.preventDefault();
      setActive(rows[Math.max(0, Math.min(rows.length - 1, moves[e.key]))]);
    } else if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      onSelect(li.dataset.id);
    }
  });

  return { render, select };
}
