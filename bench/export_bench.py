"""Export benchmark: N synthetic event reports to CSV and Parquet (target: < 60 s each for 1M).

    python bench/export_bench.py                 # 1,000,000 events
    python bench/export_bench.py --n 100000 --out /tmp/bench

Events are generated lazily (a small pool of realistic templates, each copy with its own id, date,
place and toll) and streamed through :func:`eventwire.export.export`, the same code path as
``eventwire export``; the reported seconds include generating the records, and the time to only
generate them is printed too, so the writer's own cost can be read off.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from eventwire.export import export
from eventwire.merge import Report
from eventwire.records import Actor, Event, Evidence, Place, TimeRef

ACTORS = (
    Actor("Islamic State", "Isis", "rebel group"), Actor("Kurdish Peshmerga", "peshmerga", "state forces", "IRQ"),
    Actor("US-led coalition", "coalition", "international"), Actor("civilians", "villagers", "civilians"),
    Actor("protesters", "demonstrators", "protesters"), Actor("Police", "police", "state forces"),
)
PLACES = (
    Place("Sinjar", "Sinjār", geonameid=99062, lat=36.32, lon=41.88, country="IQ", admin1="Ninawa"),
    Place("Kabul", "Kabul", geonameid=1138958, lat=34.53, lon=69.17, country="AF", admin1="Kabul"),
    Place("Mopti", "Mopti", geonameid=2453348, lat=14.49, lon=-4.20, country="ML", admin1="Mopti"),
    Place("Nairobi", "Nairobi", geonameid=184745, lat=-1.28, lon=36.82, country="KE", admin1="Nairobi"),
)
KINDS = (
    ("ASSAULT", "aerial", "Explosions/Remote violence", "Air/drone strike", "19"),
    ("ASSAULT", "explosives", "Explosions/Remote violence", "Remote explosive/landmine/IED", "18"),
    ("COERCE", "seize", "Battles", "Government regains territory", "19"),
    ("PROTEST", None, "Protests", "Peaceful protest", "14"),
)
SENTENCE = "Kurdish peshmerga fighters recaptured the town of Sinjar from Islamic State militants on Friday."


def synthetic(n: int) -> Iterator[Report]:
    start = dt.date(2015, 1, 1)
    for i in range(n):
        kind = KINDS[i % len(KINDS)]
        day = start + dt.timedelta(days=i % 3000)
        event = Event(
            id=f"{i:016x}", article_id=f"a{i // 5:015x}", type=kind[0], mode=kind[1],
            actor=ACTORS[i % len(ACTORS)], recipient=ACTORS[(i + 1) % len(ACTORS)],
            location=PLACES[i % len(PLACES)],
            date=TimeRef("on Friday", day.isoformat(), "day", earliest=day, latest=day),
            status="occurred", evidence=Evidence(f"a{i // 5:015x}", i % 40, 0, len(SENTENCE), SENTENCE),
            fatalities=i % 17 or None, confidence=0.75, acled_event_type=kind[2],
            acled_sub_event_type=kind[3], cameo_root=kind[4],
        )
        yield Report(event, source="Example Wire", published=day)


def run(n: int, out_dir: Path) -> dict[str, float]:
    timings: dict[str, float] = {}
    t = time.perf_counter()
    for _ in synthetic(n):
        pass
    timings["generate_only_s"] = round(time.perf_counter() - t, 1)
    for fmt, name in (("csv", "events.csv"), ("parquet", "events.parquet")):
        path = out_dir / name
        t = time.perf_counter()
        count = export(synthetic(n), fmt, path)
        timings[f"{fmt}_s"] = round(time.perf_counter() - t, 1)
        timings[f"{fmt}_mb"] = round(path.stat().st_size / 1e6, 1)
        assert count == n, (fmt, count)
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1_000_000)
    parser.add_argument("--out", type=Path, default=None, help="Directory for the files (default: a temp dir).")
    args = parser.parse_args()
    if args.out is not None:
        args.out.mkdir(parents=True, exist_ok=True)
        print(json.dumps({"events": args.n, **run(args.n, args.out)}))
        return
    with tempfile.TemporaryDirectory() as tmp:
        print(json.dumps({"events": args.n, **run(args.n, Path(tmp))}))


if __name__ == "__main__":
    main()
