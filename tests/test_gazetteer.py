"""The offline gazetteer: lookups, curated regions, demonyms, countries, cache handling."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from eventwire.gazetteer import Gazetteer, _is_current, distance_km, normalize


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def test_lookup_is_case_and_accent_insensitive(gaz: Gazetteer) -> None:
    upper = gaz.lookup("MOSUL")
    assert upper and upper[0].country == "IQ"
    assert [c.geonameid for c in gaz.lookup("mosul")] == [c.geonameid for c in upper]
    assert normalize("Nīnawá") == "ninawa"


def test_sinai_is_the_egyptian_peninsula_first(gaz: Gazetteer) -> None:
    top = gaz.lookup("Sinai")[0]
    assert (top.name, top.country, top.precision) == ("Sinai Peninsula", "EG", "region")
    assert distance_km(top.lat, top.lon, 29.5, 33.8) < 100


def test_small_russian_village_is_indexed_with_its_republic(gaz: Gazetteer) -> None:
    village = gaz.lookup("Kantyshevo")
    assert village and village[0].country == "RU"
    assert "Ingush" in (village[0].admin1 or "")


def test_countries_states_and_counties(gaz: Gazetteer) -> None:
    assert gaz.country("EG").name == "Egypt"  # type: ignore[union-attr]
    assert gaz.country("Russia").country == "RU"  # type: ignore[union-attr]
    assert gaz.country("Atlantis") is None
    texas = next(c for c in gaz.lookup("Texas") if c.precision == "admin1")
    assert texas.country == "US" and distance_km(texas.lat, texas.lon, 31.25, -99.25) < 200
    parish = gaz.lookup("Rapides Parish")[0]
    assert (parish.precision, parish.admin1) == ("admin2", "Louisiana")


def test_demonyms(gaz: Gazetteer) -> None:
    assert gaz.demonym("Turkish") == "TR"
    assert gaz.demonym("Russian") == "RU"
    assert gaz.demonym("Americans") == "US"
    assert gaz.demonym("Yazidi") is None
    assert gaz.demonym("Kurdish") is None  # Kurds live in four states: no single country


def test_haversine() -> None:
    assert distance_km(0, 0, 0, 0) == 0
    assert abs(distance_km(0, 0, 0, 180) - 20015) < 30  # half the equator
    assert abs(distance_km(51.5074, -0.1278, 48.8566, 2.3522) - 344) < 5  # London-Paris


def test_load_and_lookup_are_fast(gaz: Gazetteer) -> None:
    start = time.perf_counter()
    again = Gazetteer.load(gaz.path.parent)
    assert time.perf_counter() - start < 1.0
    start = time.perf_counter()
    for _ in range(200):
        again.lookup("Alexandria")
    assert (time.perf_counter() - start) / 200 < 0.005


def test_a_corrupt_or_foreign_cache_file_is_stale(tmp_path: Path) -> None:
    bad = tmp_path / "gazetteer.sqlite"
    bad.write_bytes(b"not a database")
    assert not _is_current(bad)
    assert not _is_current(tmp_path / "missing.sqlite")


def test_gazetteer_pickles_by_path(gaz: Gazetteer) -> None:
    import pickle

    copy = pickle.loads(pickle.dumps(gaz))
    assert copy.lookup("Raqqa")[0].country == "SY"


def test_abbreviated_generic_words_match_the_full_name(gaz: Gazetteer) -> None:
    assert any(c.name == "Mount Vernon" and c.admin1 == "Virginia" for c in gaz.lookup("Mt. Vernon"))
    assert any(c.name == "Fort Worth" for c in gaz.lookup("Ft. Worth"))
    assert gaz.lookup("Loudon Co.")[0].precision == "admin2"


@pytest.mark.parametrize("name", ["Atlantic Ocean", "Pacific Ocean", "Dead Sea", "Arabian Sea", "Mississippi River"])
def test_major_water_bodies_are_indexed(gaz: Gazetteer, name: str) -> None:
    (water,) = [c for c in gaz.lookup(name) if c.precision == "region"]
    assert water.feature in ("OCN", "SEA", "LK", "STM")
