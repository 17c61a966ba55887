// Evidence highlighting: a text plus character-offset spans becomes text nodes and nested
// <mark> elements (built with createElement / textContent only; the text is untrusted).
//
// Spans that nest (an actor inside an evidence sentence) become nested marks; a span that
// crosses the end of an enclosing one cannot be drawn as a mark and is returned in `dropped`.

const KIND_ORDER = ["evidence", "trigger", "actor", "recipient", "place", "date"];

function byPosition(a, b) {
  return a.start - b.start || b.end - a.end || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind);
}

/** Nest spans into a tree under a root covering [start, end). */
function nest(spans, start, end) {
  const root = { start, end, children: [] };
  const stack = [root];
  const dropped = [];
  for (const span of [...spans].sort(byPosition)) {
    if (!(span.start >= start && span.end <= end && span.end > span.start)) {
      dropped.push(span);
      continue;
    }
    while (stack.length > 1 && stack[stack.length - 1].end <= span.start) stack.pop();
    const parent = stack[stack.length - 1];
    if (span.end > parent.end) {
      dropped.push(span);
      continue;
    }
    const node = { ...span, children: [] };
    parent.children.push(node);
    stack.push(node);
  }
  return { root, dropped };
}

function render(node, text, base, makeMark) {
  const parts = [];
  let cursor = node.start;
  for (const child of node.children) {
    if (child.start > cursor) {
      parts.push(document.createTextNode(text.slice(cursor - base, child.start - base)));
    }
    const mark = makeMark(child);
    mark.append(...render(child, text, base, makeMark));
    parts.push(mark);
    cursor = child.end;
  }
  if (node.end > cursor) parts.push(document.createTextNode(text.slice(cursor - base, node.end - base)));
  return parts;
}

function defaultMark(span) {
  const mark = document.createElement("mark");
  mark.className = `hl hl-${span.kind}`;
  mark.dataset.kind = span.kind;
  if (span.kind !== "evidence") mark.title = `${span.kind}: ${span.text}`;
  return mark;
}

/**
 * Highlight `text` (which starts at article offset `base`) with `spans` in article offsets.
 * Returns {fragment, dropped}; `makeMark(span)` may build a custom element for a span.
 */
export function highlight(text, base, spans, makeMark = defaultMark) {
  const { root, dropped } = nest(spans, base, base + text.length);
  const fragment = document.createDocumentFragment();
  fragment.append(...render(root, text, base, makeMark));
  return { fragment, dropped };
}
