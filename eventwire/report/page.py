"""The report as one self-contained HTML page (also the input WeasyPrint turns into the PDF).

Images are embedded as ``data:`` URIs and the stylesheet sits in a ``<style>`` element: the file
can be mailed or archived alone. Every piece of text goes through :func:`esc` (``html.escape``),
whether it comes from an article or from us, and only http(s) URLs become links.
"""

from __future__ import annotations

import base64
import html

from eventwire.merge import MergedEvent, Report
from eventwire.report import phrases as say
from eventwire.report.charts import colour
from eventwire.report.data import Change, SituationReport
from eventwire.report.style import CSS


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def _img(png: bytes, alt: str) -> str:
    data = base64.b64encode(png).decode("ascii")
    return f'<img src="data:image/png;base64,{data}" alt="{esc(alt)}">'


def _section(heading: str, *body: str) -> str:
    return f"<section><h2>{esc(heading)}</h2>{''.join(body)}</section>"


def html_page(r: SituationReport, images: dict[str, bytes]) -> str:
    """The whole page; ``images`` maps "map"/"timeline" to PNG bytes (either may be absent)."""
    parts = [
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{esc(say.title(r))}</title><style>{CSS}</style></head><body><main>",
        f'<header><p class="kicker">eventwire · situation report · {esc(say.scope(r))}</p>',
        f'<h1>{esc(say.title(r))}</h1><p class="period">{esc(say.period_note(r))}</p></header>',
        _figures(r),
        _section("What changed since the previous period", _changes(r)),
    ]
    if "map" in images:
        parts.append(_section("Map", "<figure>", _img(images["map"], "Map of the events"),
                              f"<figcaption>{esc(say.map_caption(r))}</figcaption></figure>"))
    if "timeline" in images:
        parts.append(_section("Events per day", "<figure>",
                              _img(images["timeline"], "Events per day by type"),
                              f"<figcaption>{esc(say.timeline_caption(r))}</figcaption></figure>"))
    if r.top:
        parts.append(_section("Top events", *(_event(i, e) for i, e in enumerate(r.top, 1))))
    parts.append("<footer><h2>Methods and caveats</h2>")
    parts += [f"<p>{esc(line)}</p>" for line in say.caveats(r)]
    parts.append("</footer></main></body></html>\n")
    return "\n".join(parts)


def _figures(r: SituationReport) -> str:
    if not r.events:
        return _section("Key figures", f'<p class="none">{esc(say.empty_note(r))}</p>')
    n, now, before = len(r.events), r.now.all, r.before.all
    named = [say.country_name(c.key) for c in r.by_country if c.now.events and c.key]
    cards = [
        ("Events", str(n), f"previous period {before.events} ({say.signed(n - before.events)})"),
        ("Fatalities", str(now.fatalities) if now.stated else "–",
         (f"range {now.low}–{now.high}; " if now.stated else "") + f"stated for {now.stated} of {n} events"),
        ("Countries", str(len(named)), ", ".join(named)),
        ("Uncertain", say.share(r.now.uncertain, n),
         f"{r.now.uncertain} of {n} events not reported as occurred"),
    ]
    out = ['<div class="cards">']
    out += [f'<div class="card"><div class="label">{esc(label)}</div><div class="value">{esc(value)}</div>'
            f'<div class="note">{esc(note)}</div></div>' for label, value, note in cards]
    out.append('</div><p class="types">')
    out += [f'<span class="chip"><i style="background:{colour(c.key)}"></i>{esc(c.key)} '
            f"<b>{c.now.events}</b></span>" for c in r.by_type if c.now.events]
    statuses = ", ".join(f"{s} {k}" for s, k in r.now.by_status.items() if s != "occurred")
    if statuses:
        out.append(f'<span class="muted">uncertain: {esc(statuses)}</span>')
    out.append("</p>")
    return _section("Key figures", *out)


def _changes(r: SituationReport) -> str:
    out = [f"<p>{esc(say.overall_change(r))}</p>"]
    if r.increases:
        out.append("<p><b>Biggest increases</b></p><ul>")
        out += [f"<li>{esc(say.increase(i))}</li>" for i in r.increases]
        out.append("</ul>")
    out += [f'<p><b>New countries</b> <span class="muted">(none in the previous period)</span>: '
            f"{esc(say.new_countries(r))}<br>",
            f'<b>New actors</b> <span class="muted">(not named in the previous period)</span>: '
            f"{esc(say.new_actors(r))}</p>"]
    out += [_table(kind, rows) for kind, rows in (("type", r.by_type), ("country", r.by_country)) if rows]
    return "".join(out)


def _table(kind: str, rows: tuple[Change, ...]) -> str:
    heads = (kind.capitalize(), "Events before", "Events now", "Change", "Fatalities before",
             "Fatalities now", "Change")
    out = ["<table><thead><tr>", *(f"<th>{h}</th>" for h in heads), "</tr></thead><tbody>"]
    for c in rows:
        swatch = f'<i class="dot" style="background:{colour(c.key)}"></i>' if kind == "type" else ""
        out.append(
            f"<tr><td>{swatch}{esc(say.change_label(c, kind))}</td><td>{c.before.events}</td>"
            f"<td>{c.now.events}</td>{_delta(c.events_delta)}<td>{c.before.fatalities}</td>"
            f"<td>{c.now.fatalities}</td>{_delta(c.fatalities_delta)}</tr>")
    return "".join(out) + "</tbody></table>"


def _delta(n: int) -> str:
    cls = "up" if n > 0 else "down" if n < 0 else "same"
    return f'<td class="{cls}">{esc(say.signed(n))}</td>'


def _event(rank: int, e: MergedEvent) -> str:
    badge = f'<span class="badge {"warn" if e.status != "occurred" else "ok"}">{esc(say.status(e))}</span>'
    out = [f'<article class="event" style="border-left-color:{colour(e.type)}">',
           f'<h3><span class="rank">{rank}</span>{esc(say.event_type(e))}: {esc(say.who(e))} {badge}</h3>',
           "<dl>"]
    out += [f"<dt>{esc(label)}</dt><dd>{esc(text)}</dd>" for label, text in say.facts(e)]
    out.append("</dl>")
    found, more = say.quotes(e)
    for q in found:
        trigger = f"<mark>{esc(q.trigger)}</mark>" if q.trigger else ""
        out.append(f"<blockquote><p>{esc(q.before)}{trigger}{esc(q.after)}</p>")
        out += [f"<cite>{_source(rep)}</cite>" for rep in q.reports]
        out.append("</blockquote>")
    if more:
        out.append(f'<p class="muted">…and {more} more evidence sentence(s).</p>')
    return "".join(out) + "</article>"


def _source(rep: Report) -> str:
    parts = []
    for kind, text in say.source_parts(rep):
        url = say.safe_url(text) if kind == "url" else None
        if url:
            parts.append(f'<a href="{esc(url)}">{esc(text)}</a>')
        elif kind == "title":
            parts.append(f"“{esc(text)}”")
        elif kind == "outlet":
            parts.append(f"<b>{esc(text)}</b>")
        else:
            parts.append(esc(text))
    return "— " + ", ".join(parts)
