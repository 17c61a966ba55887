"""Country outlines as GeoJSON, offline: the base layer when map tiles cannot load.

The outlines come from the ``countryinfo`` package (a core dependency; its country files carry
Natural Earth low-resolution boundaries for about 170 countries). They are coarse on purpose:
enough to see where an event is, small enough (~300 kB) to send to a browser or draw in a report.
"""

from __future__ import annotations

import copy
import functools
from typing import Any

from eventwire.gazetteer import _countryinfo


@functools.lru_cache(maxsize=1)
def _outlines() -> dict[str, Any]:
    features: list[dict[str, Any]] = []
    for iso2, data in sorted(_countryinfo().items()):
        geo = data.get("geoJSON") or {}
        iso = data.get("ISO") or {}
        for feature in geo.get("features") or ():
            geometry = feature.get("geometry") or {}
            if geometry.get("type") not in ("Polygon", "MultiPolygon"):
                continue
            features.append({
                "type": "Feature",
                "id": iso2,
                "properties": {"iso2": iso2, "iso3": iso.get("alpha3"), "name": data.get("name")},
                "geometry": geometry,
            })
    return {"type": "FeatureCollection", "features": features}


def country_outlines() -> dict[str, Any]:
    """A GeoJSON FeatureCollection, one feature per country, properties ``iso2``, ``iso3``, ``name``.

    Coordinates are [lon, lat]. The caller gets its own copy; building it takes a few tens of ms
    once per process.
    """
    return copy.deepcopy(_outlines())


def outline_rings(iso2: str | None = None) -> list[list[tuple[float, float]]]:
    """Exterior and interior rings as lists of (lon, lat), for drawing (all countries by default)."""
    rings: list[list[tuple[float, float]]] = []
    for feature in _outlines()["features"]:
        if iso2 is not None and feature["properties"]["iso2"] != iso2.upper():
            continue
        geometry = feature["geometry"]
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        for polygon in polygons:
            rings.extend([(float(x), float(y)) for x, y in ring] for ring in polygon)
    return rings
