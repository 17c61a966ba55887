"""Writing a situation report: Markdown here, HTML in :mod:`eventwire.report.page`, PDF from that HTML.

* Markdown: the images are written next to the output (``<stem>_map.png``,
  ``<stem>_timeline.png``) and linked relatively; article text is backslash-escaped so that no
  Markdown or HTML in it takes effect.
* HTML: one self-contained file (see :mod:`eventwire.report.page`).
* PDF: the same HTML laid out by WeasyPrint (the ``pdf`` extra), A4 with page numbers.
"""

from __future__ import annotations

import re
from pathlib import Path

from eventwire.merge import MergedEvent, Report
from eventwire.report import phrases as say
from eventwire.report.charts import map_png, timeline_png
from eventwire.report.data import SituationReport
from eventwire.report.page import html_page

FORMATS = ("html", "md", "pdf")
PDF_HINT = "pip install 'eventwire[pdf]'"
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|&~])")
_TABLE_HEAD = "| {} | Events before | Events now | Change | Fatalities before | Fatalities now | Change |"


def write_report(report: SituationReport, fmt: str, target: Path) -> list[Path]:
    """Write the report in ``fmt`` (one of FORMATS) to ``target``; return every file written."""
    images = {"map": map_png(report.events), "timeline": timeline_png(report.events, report.period)}
    drawn = {k: png for k, png in images.items() if png is not None}
    if fmt != "md":
        page = html_page(report, drawn)
        if fmt == "pdf":
            from weasyprint import HTML

            HTML(string=page).write_pdf(target)
        else:
            target.write_text(page, encoding="utf-8")
        return [target]
    written = [target]
    names: dict[str, str] = {}
    for key, png in drawn.items():
        image = target.with_name(f"{target.stem}_{key}.png")
        image.write_bytes(png)
        names[key] = image.name
        written.append(image)
    target.write_text(markdown(report, names), encoding="utf-8")
    return written


def md(text: str) -> str:
    """Text made inert in Markdown: one line, every character that could start markup escaped
    (``[`` and ``]`` too, so no link or image can form; each line starts with our own words)."""
    return _MD_SPECIAL.sub(r"\\\1", re.sub(r"\s+", " ", text))


def markdown(r: SituationReport, images: dict[str, str]) -> str:
    """The report as Markdown; ``images`` maps "map"/"timeline" to file names beside it."""
    out = [f"# {md(say.title(r))}", "", f"**Scope:** {md(say.scope(r))}  ",
           f"**Period:** {md(say.period_note(r))}", "", "## Key figures", ""]
    if r.events:
        out += [f"- **{label}:** {md(text)}" for label, text in say.key_figures(r)]
    else:
        out.append(md(say.empty_note(r)))
    out += ["", "## What changed since the previous period", ""] + _changes(r)
    if "map" in images:
        out += ["## Map", "", f"![Map of the events]({images['map']})", "", f"*{md(say.map_caption(r))}*", ""]
    if "timeline" in images:
        out += ["## Events per day", "", f"![Events per day by type]({images['timeline']})", "",
                f"*{md(say.timeline_caption(r))}*", ""]
    if r.top:
        out += ["## Top events", ""]
        for rank, e in enumerate(r.top, 1):
            out += _event(rank, e)
    out += ["## Methods and caveats", ""]
    for line in say.caveats(r):
        out += [md(line), ""]
    return "\n".join(out).rstrip() + "\n"


def _changes(r: SituationReport) -> list[str]:
    out = [md(say.overall_change(r)), ""]
    if r.increases:
        out += ["**Biggest increases:**", ""] + [f"- {md(say.increase(i))}" for i in r.increases] + [""]
    out += [f"**New countries** (none in the previous period): {md(say.new_countries(r))}  ",
            f"**New actors** (not named in the previous period): {md(say.new_actors(r))}", ""]
    for kind, rows in (("type", r.by_type), ("country", r.by_country)):
        if not rows:
            continue
        out += [_TABLE_HEAD.format(kind.capitalize()), "|---|--:|--:|--:|--:|--:|--:|"]
        out += [f"| {md(say.change_label(c, kind))} | {c.before.events} | {c.now.events} | "
                f"{say.signed(c.events_delta)} | {c.before.fatalities} | {c.now.fatalities} | "
                f"{say.signed(c.fatalities_delta)} |" for c in rows]
        out.append("")
    return out


def _event(rank: int, e: MergedEvent) -> list[str]:
    flag = f" — **{say.status(e)}**" if e.status != "occurred" else ""
    out = [f"### {rank}. {md(say.event_type(e))}: {md(say.who(e))}{flag}", ""]
    out += [f"- **{label}:** {md(text)}" for label, text in say.facts(e)] + [""]
    found, more = say.quotes(e)
    for q in found:
        trigger = f"**{md(q.trigger)}**" if q.trigger else ""
        out.append(f"> {md(q.before)}{trigger}{md(q.after)}  ")
        out += [f"> — {_source(rep)}  " for rep in q.reports] + [""]
    if more:
        out += [f"*…and {more} more evidence sentence(s).*", ""]
    return out


def _source(rep: Report) -> str:
    parts = []
    for kind, text in say.source_parts(rep):
        url = say.safe_url(text) if kind == "url" else None
        if url and "<" not in url and ">" not in url:
            parts.append(f"<{url}>")
        elif kind == "title":
            parts.append(f"“{md(text)}”")
        else:
            parts.append(md(text))
    return ", ".join(parts)
