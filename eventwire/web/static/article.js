// The article reader: the full cleaned text of one article in a modal dialog, every evidence
// sentence marked, the one being read emphasised (with its trigger, actor, place... marked)
// and scrolled into view. Other evidence sentences open their own event when clicked.

import { h, safeHref } from "./dom.js";
import { sourceName } from "./format.js";
import { highlight } from "./highlight.js";

const INNER_KINDS = new Set(["trigger", "actor", "recipient", "place", "date"]);

/**
 * Spans to draw: all evidence sentences (merged when several events share one), plus the
 * inner spans of the report being read (`focusId`).
 */
function spansToDraw(article, focusId) {
  const evidence = new Map();
  const inner = [];
  for (const span of article.spans || []) {
    if (span.kind === "evidence") {
      const key = `${span.start}:${span.end}`;
      if (!evidence.has(key)) evidence.set(key, { ...span, eventIds: [] });
      evidence.get(key).eventIds.push(span.event_id);
    } else if (span.event_id === focusId && INNER_KINDS.has(span.kind)) {
      inner.push(span);
    }
  }
  return [...evidence.values(), ...inner];
}

export function renderArticle(dialog, article, { focusId, onOpenEvent }) {
  const mergedOf = new Map((article.events || []).map((e) => [e.id, e]));
  const makeMark = (span) => {
    const mark = document.createElement("mark");
    mark.dataset.kind = span.kind;
    if (span.kind !== "evidence") {
      mark.className = `hl hl-${span.kind}`;
      mark.title = `${span.kind}: ${span.text}`;
      return mark;
    }
    const current = span.eventIds.includes(focusId);
    mark.className = current ? "hl hl-evidence current" : "hl hl-evidence";
    mark.dataset.eventIds = span.eventIds.join(" ");
    const events = span.eventIds.map((id) => mergedOf.get(id)).filter(Boolean);
    mark.title = events.map((e) => `${e.type} (${e.status})`).join(", ");
    const target = events.find((e) => e.merged_id);
    if (!current && target) {
      mark.tabIndex = 0;
      mark.classList.add("linked");
      const open = () => onOpenEvent(target.merged_id, target.id);
      mark.addEventListener("click", open);
      mark.addEventListener("keydown", (e) => {
        if (e.key === "Enter") open();
      });
    }
    return mark;
  };
  const { fragment } = highlight(article.text, 0, spansToDraw(article, focusId), makeMark);
  dialog.querySelector("#article-title").textContent = article.title || "(untitled article)";
  const meta = dialog.querySelector("#article-meta");
  const href = safeHref(article.url);
  meta.replaceChildren(
    [sourceName(article.source, article.url), article.published || "no date",
      `${(article.events || []).length} event report(s)`].join(" · "),
    href ? " · " : "",
    href ? h("a", { href, target: "_blank", rel: "noopener noreferrer nofollow", text: "original" }) : "");
  dialog.querySelector("#article-legend").replaceChildren(
    h("mark", { className: "hl hl-evidence current", text: "this report's sentence" }), " ",
    h("mark", { className: "hl hl-evidence", text: "other events (click to open)" }), " ",
    ...[...INNER_KINDS].flatMap((k) => [h("mark", { className: `hl hl-${k}`, text: k }), " "]));
  const body = dialog.querySelector("#article-text");
  body.replaceChildren(fragment);
  body.dataset.articleId = article.id;
  if (!dialog.open) dialog.showModal();
  const current = body.querySelector("mark.current");
  if (current) current.scrollIntoView({ block: "center" });
  else body.scrollTop = 0;
  return current;
}
