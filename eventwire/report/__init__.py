"""Situation reports on merged events: ``eventwire report`` (see docs/report.md).

    data      which merged events fall in a period, their totals, the comparison with the
              previous period and the top events (pure, apart from two store reads)
    phrases   the sentences both output formats use (dates, tolls, places, caveats)
    charts    the map and the events-per-day chart (matplotlib, imported only when drawing)
    page      the self-contained HTML page (also the PDF's source)
    render    writing Markdown (images beside it), HTML or PDF (WeasyPrint) files
    command   the click command

Importing this package loads neither matplotlib nor WeasyPrint.
"""

from __future__ import annotations

from eventwire.report.command import report_command

__all__ = ["report_command"]
