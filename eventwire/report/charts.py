"""The report's two images, as PNG bytes: a map of the events and events per day by type.

matplotlib is imported only here and only when a chart is drawn (``eventwire --help`` stays
fast), through its object API with the Agg canvas: no pyplot, no global figure state. The map
is a plain longitude/latitude projection, corrected for latitude, over the offline country
outlines of :mod:`eventwire.outlines`, zoomed to the events with some padding.
"""

from __future__ import annotations

import io
import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from eventwire.merge import MergedEvent
from eventwire.report.data import Period, is_uncertain

INSTALL_HINT = "pip install 'matplotlib>=3.8' (a dependency of eventwire: reinstall it)"
# The web UI's palette (eventwire/web/static/format.js), so a type has one colour everywhere.
TYPE_COLOURS: dict[str, str] = {
    "ASSAULT": "#c62828", "COERCE": "#ef6c00", "MOBILIZE": "#8d6e63", "SANCTION": "#b08900",
    "THREATEN": "#d81b60", "PROTEST": "#7b1fa2", "ACCUSE": "#6d4c41", "REJECT": "#546e7a",
    "AGREE": "#2e7d32", "CONSULT": "#558b2f", "SUPPORT": "#1565c0", "CONCEDE": "#4fc3f7",
    "COOPERATE": "#00897b", "AID": "#00acc1", "RETREAT": "#5c6bc0", "REQUEST": "#9ccc65",
}
OTHER_COLOUR = "#757575"
OCEAN, LAND, AFFECTED, BORDER, INK = "#dce8f1", "#f5f3ee", "#ece2cf", "#a39e95", "#263238"
MIN_SPAN_DEG = 8.0
PAD = 0.15  # share of the events' span added on each side of the map
MAX_LABELS = 12


def colour(event_type: str) -> str:
    return TYPE_COLOURS.get(event_type, OTHER_COLOUR)


def require_matplotlib() -> None:
    """Raise ImportError with the install command when matplotlib is missing."""
    try:
        import matplotlib  # noqa: F401
    except ImportError as e:
        raise ImportError(f"the report's charts need matplotlib: {INSTALL_HINT}") from e


def _figure(width: float, height: float) -> Any:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), dpi=150)
    FigureCanvasAgg(fig)
    return fig


def _png(fig: Any) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", bbox_inches="tight", pad_inches=0.08, facecolor="white")
    return buf.getvalue()


def _types_by_count(events: Sequence[MergedEvent]) -> list[str]:
    counts = Counter(e.type for e in events)
    return sorted(counts, key=lambda t: (-counts[t], t))


# --- map ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Dot:
    """A located event and where its marker goes."""

    event: MergedEvent
    name: str
    country: str | None
    lon: float
    lat: float


def _dots(events: Sequence[MergedEvent]) -> list[_Dot]:
    """Located events, biggest toll first (so small markers are drawn on top)."""
    dots = [_Dot(e, e.location.name, e.location.country, e.location.lon, e.location.lat)
            for e in events if e.location is not None and e.location.lat is not None
            and e.location.lon is not None]
    return sorted(dots, key=lambda d: -(d.event.fatalities.best or 0))


def extent(lons: Sequence[float], lats: Sequence[float],
           ratio: float = 1.6) -> tuple[float, float, float, float]:
    """(west, east, south, north) around the points: PAD padding each side, at least MIN_SPAN_DEG wide,
    widened so that its on-screen width / height (longitude shrunk by cos(latitude)) is ``ratio``."""
    west, east, south, north = min(lons), max(lons), min(lats), max(lats)
    cx, cy = (west + east) / 2, (south + north) / 2
    half_x = max(east - west, MIN_SPAN_DEG) * (0.5 + PAD)
    half_y = max(north - south, MIN_SPAN_DEG * 0.6) * (0.5 + PAD)
    k = max(math.cos(math.radians(cy)), 0.2)
    if half_x * k < half_y * ratio:
        half_x = half_y * ratio / k
    else:
        half_y = half_x * k / ratio
    half_x, half_y = min(half_x, 180.0), min(half_y, 85.0)
    cx = min(max(cx, -180.0 + half_x), 180.0 - half_x)
    cy = min(max(cy, -85.0 + half_y), 85.0 - half_y)
    return cx - half_x, cx + half_x, cy - half_y, cy + half_y


def _spread(dots: list[_Dot], radius: float) -> list[tuple[float, float]]:
    """Marker positions; events at the same spot are set around a small circle so each shows."""
    groups: dict[tuple[float, float], list[int]] = defaultdict(list)
    for i, d in enumerate(dots):
        groups[(round(d.lon, 3), round(d.lat, 3))].append(i)
    out: list[tuple[float, float]] = [(d.lon, d.lat) for d in dots]
    for members in groups.values():
        if len(members) > 1:
            for k, i in enumerate(members):
                angle = 2 * math.pi * k / len(members)
                out[i] = (dots[i].lon + radius * math.cos(angle), dots[i].lat + radius * math.sin(angle))
    return out


def marker_size(fatalities: int | None) -> float:
    """Marker area (points²): grows with the square root of the toll, capped."""
    return 36.0 if not fatalities else min(36.0 + 26.0 * math.sqrt(fatalities), 900.0)


View = tuple[float, float, float, float]  # west, east, south, north
Box = tuple[float, float, float, float]  # x0, x1, y0, y1


def _draw_countries(ax: Any, affected: set[str], view: View) -> None:
    """Land in light grey, countries with events a shade warmer, names of the larger ones in view."""
    from matplotlib.collections import PolyCollection

    from eventwire.outlines import country_outlines

    plain, marked, names = [], [], []
    for feature in country_outlines()["features"]:
        geometry = feature["geometry"]
        polygons = geometry["coordinates"]
        if geometry["type"] == "Polygon":
            polygons = [polygons]
        rings = [polygon[0] for polygon in polygons if polygon]
        (marked if feature["properties"].get("iso2") in affected else plain).extend(rings)
        if rings and feature["properties"].get("name"):
            names.append((feature["properties"]["name"].upper(), max(rings, key=_ring_area)))
    for rings, fill in ((plain, LAND), (marked, AFFECTED)):
        ax.add_collection(PolyCollection(rings, facecolors=fill, edgecolors=BORDER, linewidths=0.5, zorder=1))
    _country_labels(ax, names, view)


def _ring_area(ring: Sequence[Sequence[float]]) -> float:
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:]))) / 2


def _country_labels(ax: Any, names: list[tuple[str, Sequence[Sequence[float]]]], view: View) -> None:
    """Country names inside the visible part of their largest polygon, biggest first, never
    overlapping one another, and none for countries that show only as a sliver."""
    west, east, south, north = view
    placed: list[Box] = []
    candidates = []
    for name, ring in names:
        xs, ys = [p[0] for p in ring], [p[1] for p in ring]
        box = (max(min(xs), west), min(max(xs), east), max(min(ys), south), min(max(ys), north))
        if box[1] - box[0] >= (east - west) * 0.08 and box[3] - box[2] >= (north - south) * 0.06:
            candidates.append(((box[1] - box[0]) * (box[3] - box[2]), name, ring, box))
    for _, name, ring, box in sorted(candidates, key=lambda c: -c[0]):
        spot = _label_spot(ring, box)
        if spot is None:
            continue
        half_w, half_h = len(name) * (east - west) * 0.0042, (north - south) * 0.014
        label = (spot[0] - half_w, spot[0] + half_w, spot[1] - half_h, spot[1] + half_h)
        if any(label[0] < b[1] and b[0] < label[1] and label[2] < b[3] and b[2] < label[3] for b in placed):
            continue
        placed.append(label)
        ax.text(spot[0], spot[1], name, fontsize=6.5, color="#9e9689", ha="center", va="center",
                zorder=2, clip_on=True)


def _label_spot(ring: Sequence[Sequence[float]], box: Box) -> tuple[float, float] | None:
    """The centre of the visible box if it falls inside the polygon, else its full box's centre."""
    from matplotlib.path import Path

    path = Path(ring)
    xs, ys = [p[0] for p in ring], [p[1] for p in ring]
    for x, y in (((box[0] + box[1]) / 2, (box[2] + box[3]) / 2),
                 ((min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2)):
        if box[0] < x < box[1] and box[2] < y < box[3] and path.contains_point((x, y)):
            return x, y
    return None


def _legends(ax: Any, dots: Sequence[_Dot]) -> None:
    """Below the map: event types (and the hollow marker) on the left, fatality sizes on the right."""
    from matplotlib.lines import Line2D

    events = [d.event for d in dots]
    handles = [Line2D([], [], marker="o", linestyle="", markersize=8, markerfacecolor=colour(t),
                      markeredgecolor="white", label=t) for t in _types_by_count(events)]
    if any(is_uncertain(e) for e in events):
        handles.append(Line2D([], [], marker="o", linestyle="", markersize=8, markerfacecolor="white",
                              markeredgecolor=INK, markeredgewidth=1.6, label="uncertain status"))
    first = ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(0.0, -0.07), fontsize=7.5,
                      frameon=False, ncols=min(len(handles), 5), handletextpad=0.3, columnspacing=1.2)
    top = max((e.fatalities.best or 0) for e in events)
    if top:
        ax.add_artist(first)  # the next legend replaces ax.legend_; keep this one drawn
        sizes = [n for n in (1, 10, 100, 1000) if n <= top] or [1]
        dots_ = [Line2D([], [], marker="o", linestyle="", markersize=math.sqrt(marker_size(n)),
                        markerfacecolor="#b0bec5", markeredgecolor="white", label=f"{n}") for n in sizes]
        ax.legend(handles=dots_, loc="upper right", bbox_to_anchor=(1.0, -0.07), fontsize=7.5,
                  frameon=False, title="fatalities", title_fontsize=7.5, ncols=len(dots_),
                  handletextpad=0.3, columnspacing=1.0, alignment="right")


def _labels(ax: Any, dots: list[_Dot]) -> None:
    """Names of the places with the most events and fatalities, with a white halo."""
    import matplotlib.patheffects as pe

    weight: Counter[tuple[str, float, float]] = Counter()
    for d in dots:
        weight[(d.name, d.lon, d.lat)] += 1 + (d.event.fatalities.best or 0)
    halo = [pe.withStroke(linewidth=2.6, foreground="white")]
    for (name, lon, lat), _ in weight.most_common(MAX_LABELS):
        ax.annotate(name, (lon, lat), xytext=(7, 5), textcoords="offset points", fontsize=7.5,
                    color=INK, path_effects=halo, zorder=5, annotation_clip=True)


def _degrees(positive: str, negative: str) -> Any:
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda v, _: f"{abs(v):.0f}°{positive if v > 0 else negative if v < 0 else ''}")


def map_png(events: Sequence[MergedEvent]) -> bytes | None:
    """A map of the located events, coloured by type and sized by fatalities; None if none."""
    dots = _dots(events)
    if not dots:
        return None
    view = extent([d.lon for d in dots], [d.lat for d in dots])
    west, east, south, north = view
    fig = _figure(9.0, 5.6)
    ax = fig.add_subplot()
    ax.set_facecolor(OCEAN)
    _draw_countries(ax, {d.country for d in dots if d.country}, view)
    spots = _spread(dots, radius=(east - west) * 0.012)
    hollow = [is_uncertain(d.event) for d in dots]
    ax.scatter(
        [p[0] for p in spots], [p[1] for p in spots], s=[marker_size(d.event.fatalities.best) for d in dots],
        c=["white" if h else colour(d.event.type) for d, h in zip(dots, hollow)],
        edgecolors=[colour(d.event.type) if h else "white" for d, h in zip(dots, hollow)],
        linewidths=[1.8 if h else 0.8 for h in hollow], alpha=0.9, zorder=4,
    )
    _labels(ax, dots)
    ax.set_xlim(west, east)
    ax.set_ylim(south, north)
    ax.set_aspect(1 / max(math.cos(math.radians((south + north) / 2)), 0.2), adjustable="box")
    ax.xaxis.set_major_formatter(_degrees("E", "W"))
    ax.yaxis.set_major_formatter(_degrees("N", "S"))
    ax.tick_params(labelsize=7, colors="#607d8b", length=0)
    ax.grid(color="white", linewidth=0.6, alpha=0.7, zorder=2)
    for spine in ax.spines.values():
        spine.set_color("#b0bec5")
    _legends(ax, dots)
    ax.text(0.995, 0.005, "Outlines: Natural Earth (via countryinfo)", transform=ax.transAxes,
            ha="right", va="bottom", fontsize=6, color="#78909c", zorder=6)
    return _png(fig)


# --- events per day ----------------------------------------------------------------------------


def timeline_png(events: Sequence[MergedEvent], period: Period) -> bytes | None:
    """Events per day, stacked by type, over every day of the period; None if no events."""
    if not events:
        return None
    from matplotlib.ticker import MaxNLocator

    days = period.each_day()
    index = {d: i for i, d in enumerate(days)}
    types = _types_by_count(events)
    counts = {t: [0] * len(days) for t in types}
    for e in events:
        counts[e.type][index[period.day_of(e)]] += 1
    fig = _figure(9.0, 2.6)
    ax = fig.add_subplot()
    bottom = [0] * len(days)
    for t in types:
        ax.bar(range(len(days)), counts[t], bottom=bottom, color=colour(t), width=0.72, label=t,
               edgecolor="white", linewidth=0.6, zorder=3)
        bottom = [b + c for b, c in zip(bottom, counts[t])]
    step = max(1, math.ceil(len(days) / 14))
    ticks = list(range(0, len(days), step))
    ax.set_xticks(ticks, [days[i].strftime("%a\n%d %b") for i in ticks], fontsize=7)
    ax.set_xlim(-0.6, len(days) - 0.4)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.tick_params(axis="y", labelsize=7)
    ax.set_ylabel("events", fontsize=8, color="#455a64")
    ax.grid(axis="y", color="#eceff1", zorder=0)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        ax.spines[side].set_color("#b0bec5")
    ax.legend(loc="lower left", bbox_to_anchor=(0, 1.0), ncols=min(len(types), 6), fontsize=7.5,
              frameon=False, handlelength=1.2, columnspacing=1.2)
    return _png(fig)
