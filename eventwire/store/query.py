"""Event filters: SQL conditions shared by both backends, plus the exact distance check.

``near=(lat, lon, km)`` becomes a bounding box in SQL (an index range on lat, lon) and then an
exact great-circle (haversine) check in Python on the rows the box lets through.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import Any

import pycountry

from eventwire.errors import StoreError
from eventwire.gazetteer import EARTH_RADIUS_KM
from eventwire.gazetteer import distance_km as haversine_km


# Codes GeoNames uses that ISO 3166 (and so pycountry) lacks.
_EXTRA_ALPHA3 = {"XKX": "XK"}


@dataclass(frozen=True, slots=True)
class Near:
    lat: float
    lon: float
    km: float

    def contains(self, lat: float | None, lon: float | None) -> bool:
        if lat is None or lon is None:
            return False
        return haversine_km(self.lat, self.lon, lat, lon) <= self.km


@dataclass(frozen=True, slots=True)
class EventFilter:
    """WHERE conditions (with ``?`` placeholders) and their parameters."""

    conditions: tuple[str, ...] = ()
    params: tuple[Any, ...] = ()
    near: Near | None = None

    def where(self) -> str:
        return " WHERE " + " AND ".join(self.conditions) if self.conditions else ""


def country_alpha2(code: str) -> str:
    """ISO 3166-1 alpha-2 for an alpha-2 or alpha-3 code (any case)."""
    value = code.strip().upper()
    if len(value) == 2 and value.isalpha():
        return value
    if value in _EXTRA_ALPHA3:
        return _EXTRA_ALPHA3[value]
    country = pycountry.countries.get(alpha_3=value) if len(value) == 3 else None
    if country is None:
        raise StoreError(
            f"unknown country code {code!r}: give an ISO 3166-1 alpha-2 or alpha-3 code",
            code="E_QUERY",
        )
    return str(country.alpha_2)


MAX_NEAR_KM = 20_100  # half the Earth's circumference: every point is nearer than that


def parse_near(text: str) -> tuple[float, float, float]:
    """``"LAT,LON,KM"`` (as the CLI and the HTTP API take it) as numbers, checked; StoreError if not."""
    try:
        lat, lon, km = (float(x) for x in text.split(","))
    except ValueError:
        raise StoreError(f"near must be LAT,LON,KM, e.g. 36.32,41.87,50; got {text!r}", code="E_QUERY") from None
    checked = _check_near((lat, lon, km))
    if not 0 < checked.km <= MAX_NEAR_KM:
        raise StoreError(f"near: KM must be in (0, {MAX_NEAR_KM}], got {km}", code="E_QUERY")
    return checked.lat, checked.lon, checked.km


def _check_near(near: tuple[float, float, float]) -> Near:
    try:
        lat, lon, km = (float(v) for v in near)
    except (TypeError, ValueError) as e:
        raise StoreError("near must be (lat, lon, km)", code="E_QUERY") from e
    if not (-90 <= lat <= 90 and -180 <= lon <= 180 and km >= 0 and math.isfinite(km)):
        raise StoreError(
            f"near=({lat}, {lon}, {km}) is out of range: lat in [-90, 90], lon in [-180, 180], "
            "km >= 0", code="E_QUERY",
        )
    return Near(lat, lon, km)


def bounding_box(near: Near) -> tuple[str, tuple[float, ...]]:
    """SQL condition selecting a lat/lon box that contains the whole circle."""
    r = near.km / EARTH_RADIUS_KM  # angular radius, radians
    pad = 1e-9
    dlat = math.degrees(r) + pad
    cond = "e.lat BETWEEN ? AND ?"
    params: tuple[float, ...] = (near.lat - dlat, near.lat + dlat)
    cos_lat = math.cos(math.radians(near.lat))
    if near.lat + dlat >= 90 or near.lat - dlat <= -90 or math.sin(r) >= cos_lat:
        return cond + " AND e.lon IS NOT NULL", params  # circle reaches a pole: all longitudes
    dlon = math.degrees(math.asin(math.sin(r) / cos_lat)) + pad
    lo, hi = near.lon - dlon, near.lon + dlon
    if lo < -180:
        return cond + " AND (e.lon >= ? OR e.lon <= ?)", (*params, lo + 360, hi)
    if hi > 180:
        return cond + " AND (e.lon >= ? OR e.lon <= ?)", (*params, lo, hi - 360)
    return cond + " AND e.lon BETWEEN ? AND ?", (*params, lo, hi)


# actor rows whose name contains a pattern: matched over the distinct names (table ``actor_names``),
# then read through the ``actors (search, event_id)`` index; one ``?``, a ``like_pattern``
ACTORS_MATCHING = (
    "SELECT a.event_id FROM actors a WHERE a.search IN "
    "(SELECT n.search FROM actor_names n WHERE n.search LIKE ? ESCAPE '\\')"
)
ACTOR_ROWS_MATCHING = f"SELECT COUNT(*) FROM ({ACTORS_MATCHING}) matching"


def like_pattern(text: str) -> str:
    """Case-insensitive substring pattern over the casefolded ``actors.search`` column."""
    escaped = text.casefold().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def build_filter(
    *,
    type: str | None = None,
    actor: str | None = None,
    country: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    near: tuple[float, float, float] | None = None,
    dump_date: Any = None,
    walk_order: bool = False,
) -> EventFilter:
    """Conditions over ``events e``; dates go through ``dump_date`` for the backend.
    ``walk_order`` (SQLite only) tests actor membership while walking the result order."""
    conds: list[str] = []
    params: list[Any] = []
    if type is not None:
        conds.append("e.type = ?")
        params.append(type)
    if actor is not None:
        # "+" keeps SQLite from driving the query by the id list: for a frequent actor, walking
        # the result order and testing membership finds the first page sooner (see Store.events)
        conds.append(("+" if walk_order else "") + f"e.id IN ({ACTORS_MATCHING})")
        params.append(like_pattern(actor))
    if country is not None:
        conds.append("e.country = ?")
        params.append(country_alpha2(country))
    if since is not None:
        conds.append("e.date_latest >= ?")
        params.append(dump_date(since) if dump_date else since)
    if until is not None:
        conds.append("e.date_earliest <= ?")
        params.append(dump_date(until) if dump_date else until)
    checked = _check_near(near) if near is not None else None
    if checked is not None:
        cond, box = bounding_box(checked)
        conds.append(cond)
        params.extend(box)
    return EventFilter(tuple(conds), tuple(params), checked)
