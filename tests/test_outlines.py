"""Country outlines: the offline base map for the web UI and the situation report."""

from __future__ import annotations

from eventwire.outlines import country_outlines, outline_rings


def _inside(lon: float, lat: float, ring: list[tuple[float, float]]) -> bool:
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
        if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def test_outlines_are_a_feature_collection_of_most_countries() -> None:
    fc = country_outlines()
    assert fc["type"] == "FeatureCollection"
    isos = {f["properties"]["iso2"] for f in fc["features"]}
    assert len(isos) >= 150
    assert {"IQ", "SY", "UA", "NG", "FR"} <= isos


def test_coordinates_are_lon_lat_and_contain_the_capital() -> None:
    baghdad = (44.36, 33.31)  # lon, lat
    assert any(_inside(*baghdad, ring) for ring in outline_rings("IQ"))
    assert not any(_inside(*baghdad, ring) for ring in outline_rings("SY"))


def test_callers_cannot_corrupt_the_cache() -> None:
    fc = country_outlines()
    fc["features"].clear()
    assert country_outlines()["features"]
