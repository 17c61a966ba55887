"""The stylesheet of the HTML (and PDF) report: print-friendly, no web fonts, no external files."""

from __future__ import annotations

CSS = """
@page { size: A4; margin: 16mm 14mm 18mm 14mm;
  @bottom-left { content: "eventwire situation report"; font: 8pt sans-serif; color: #78909c; }
  @bottom-right { content: "page " counter(page) " of " counter(pages); font: 8pt sans-serif;
    color: #78909c; } }
* { box-sizing: border-box; }
body { margin: 0; background: #eef1f4; color: #263238;
  font: 14px/1.5 "Helvetica Neue", Helvetica, Arial, "DejaVu Sans", sans-serif; }
main { max-width: 980px; margin: 24px auto; background: #fff; padding: 0 40px 28px;
  box-shadow: 0 1px 4px rgba(0,0,0,.12); }
header { background: #1f2d3a; color: #fff; margin: 0 -40px 8px; padding: 22px 40px 18px;
  border-bottom: 4px solid #c62828; }
header h1 { margin: 2px 0 6px; font-size: 26px; font-weight: 700; letter-spacing: -.01em; }
.kicker { margin: 0; text-transform: uppercase; letter-spacing: .12em; font-size: 11px; color: #b0bec5; }
.period { margin: 0; color: #cfd8dc; font-size: 13px; }
h2 { font-size: 15px; text-transform: uppercase; letter-spacing: .06em; color: #37474f;
  border-bottom: 1px solid #cfd8dc; padding-bottom: 4px; margin: 26px 0 12px; }
section { page-break-inside: auto; }
.cards { display: flex; gap: 12px; }
.card { flex: 1 1 0; border: 1px solid #dfe5e9; border-top: 3px solid #37474f; padding: 10px 12px;
  background: #fafbfc; }
.card .label { font-size: 11px; text-transform: uppercase; letter-spacing: .08em; color: #607d8b; }
.card .value { font-size: 28px; font-weight: 700; line-height: 1.2; color: #1f2d3a; }
.card .note { font-size: 11.5px; color: #546e7a; }
.types { margin: 12px 0 0; }
.chip { display: inline-block; margin: 0 10px 4px 0; font-size: 12.5px; }
.chip i, i.dot { display: inline-block; width: 10px; height: 10px; border-radius: 50%;
  margin-right: 6px; vertical-align: -1px; }
.muted { color: #78909c; font-size: 12.5px; }
.none { font-size: 18px; font-weight: 600; color: #37474f; }
table { border-collapse: collapse; width: 100%; margin: 10px 0 14px; font-size: 12.5px; }
th { text-align: right; font-weight: 600; color: #546e7a; background: #f3f5f7; padding: 5px 8px;
  border-bottom: 1px solid #cfd8dc; }
td { text-align: right; padding: 4px 8px; border-bottom: 1px solid #eceff1; }
th:first-child, td:first-child { text-align: left; }
td.up { color: #b71c1c; font-weight: 600; }
td.down { color: #2e7d32; font-weight: 600; }
td.same { color: #90a4ae; }
ul { margin: 4px 0 10px; padding-left: 20px; }
figure { margin: 0; }
figure img { width: 100%; height: auto; border: 1px solid #dfe5e9; }
figcaption { font-size: 11.5px; color: #607d8b; margin-top: 4px; }
article.event { border: 1px solid #dfe5e9; border-left: 5px solid #757575; padding: 10px 14px 6px;
  margin: 0 0 12px; page-break-inside: avoid; background: #fff; }
article.event h3 { margin: 0 0 6px; font-size: 15px; }
.rank { display: inline-block; min-width: 22px; height: 22px; line-height: 22px; text-align: center;
  border-radius: 11px; background: #37474f; color: #fff; font-size: 12px; margin-right: 8px; }
.badge { display: inline-block; font-size: 10.5px; letter-spacing: .08em; padding: 1px 7px;
  border-radius: 3px; vertical-align: 2px; margin-left: 6px; }
.badge.warn { background: #ffecb3; color: #8d4b00; border: 1px solid #ffb300; font-weight: 700; }
.badge.ok { background: #eceff1; color: #546e7a; border: 1px solid #cfd8dc; }
dl { display: grid; grid-template-columns: 80px 1fr; margin: 0 0 6px; font-size: 12.5px; }
dt { color: #78909c; }
dd { margin: 0; }
blockquote { margin: 8px 0; padding: 6px 12px; background: #f6f8f9; border-left: 3px solid #b0bec5;
  font-size: 13px; }
blockquote p { margin: 0 0 3px; font-style: italic; }
mark { background: #fff3c4; padding: 0 1px; font-style: normal; font-weight: 600; }
cite { display: block; font-style: normal; font-size: 11.5px; color: #546e7a; word-break: break-word; }
cite a { color: #1565c0; text-decoration: none; }
footer { margin-top: 26px; font-size: 11.5px; color: #546e7a; }
footer p { margin: 0 0 5px; }
@media print { body { background: #fff; } main { box-shadow: none; margin: 0; max-width: none; padding: 0; }
  header { margin: 0 0 8px; padding: 16px 18px 14px; } }
"""
