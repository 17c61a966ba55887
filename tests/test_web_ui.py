"""The web UI, end to end: a real headless Chromium on the real app over a real SQLite database.

The database is built once per module by processing the bundled examples plus one hostile article
(its event sentence carries ``<script>`` and ``<img onerror>`` markup, stored verbatim) through
eventwire's pipeline; the app (``create_app``) is served by uvicorn on a free local port in a
background thread. Map tiles are blocked, as when offline: the country outlines must show instead.

Needs Chromium (``/usr/bin/chromium``, or ``EVENTWIRE_CHROMIUM``) and the ``playwright`` package
(its own browser downloads are not used); skips, saying why, without them. Screenshots are written
to ``$EVENTWIRE_ARTIFACTS`` (default ``tests/artifacts/``).
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest

from eventwire.ingest import read_inputs
from eventwire.runner import process
from eventwire.store import open_store
from support import EXAMPLES, REPO, pipeline

pytestmark = pytest.mark.slow

sync_api = pytest.importorskip("playwright.sync_api",
                               reason="playwright is not installed: pip install playwright")

ARTIFACTS = Path(os.environ.get("EVENTWIRE_ARTIFACTS", REPO / "tests" / "artifacts"))
SCRIPT_MARKUP = "<script>window.__pwned=1</script>"
IMG_MARKUP = '<img src=x onerror="window.__pwned=1">'
HOSTILE_ARTICLE = (
    "Checkpoint attack near Kandahar\n"
    f"Gunmen attacked a police checkpoint near Kandahar on Monday, killing four officers {SCRIPT_MARKUP} "
    f"and wounding two others {IMG_MARKUP}, officials said.\n"
    "Residents said the fighting lasted for about an hour.\n"
)
READY = "document.body.dataset.state === 'ready'"  # wait_for_function needs "() => ..." (CSP: no eval)


def chromium_binary() -> str:
    for candidate in (os.environ.get("EVENTWIRE_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium"),
                      shutil.which("chromium-browser")):
        if candidate and Path(candidate).is_file():
            return candidate
    pytest.skip("no Chromium binary found (apt-get install chromium, or set EVENTWIRE_CHROMIUM)")


# --- fixtures: database, server, browser --------------------------------------------------------


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("web_ui")
    hostile = folder / "kandahar_checkpoint.txt"
    hostile.write_text(HOSTILE_ARTICLE, encoding="utf-8")
    path = str(folder / "ui.db")
    with open_store(path) as store:
        summary = process(read_inputs([str(EXAMPLES)]), store, make_pipeline=pipeline)
        extra = process(read_inputs([str(hostile)], published=dt.date(2024, 5, 6)), store,
                        make_pipeline=pipeline)
    assert summary.new >= 5 and summary.events >= 10, summary.to_dict()
    assert extra.new == 1 and extra.events >= 1, extra.to_dict()
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def base_url(db: str) -> Iterator[str]:
    import uvicorn

    from eventwire.web.api import create_app

    port = free_port()
    app = create_app(db, make_pipeline=pipeline)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    executable = chromium_binary()
    with sync_api.sync_playwright() as p:
        try:
            launched = p.chromium.launch(executable_path=executable, headless=True)
        except Exception as e:  # an unusable binary: say why rather than fail every test
            pytest.skip(f"Chromium at {executable} cannot be driven by Playwright: {e}")
        yield launched
        launched.close()


@dataclass
class UI:
    """One browser page on the app, with what it logged: uncaught errors and CSP violations."""

    page: Any
    base_url: str
    errors: list[str] = field(default_factory=list)
    csp: list[str] = field(default_factory=list)

    def open(self, query: str = "") -> Any:
        response = self.page.goto(f"{self.base_url}/{query}")
        self.page.wait_for_function("() => ['ready', 'error'].includes(document.body.dataset.state)")
        return response

    def wait_ready(self, url_part: str = "") -> None:
        self.page.wait_for_function(
            f"part => decodeURIComponent(location.search).includes(part) && {READY}", arg=url_part)

    def api(self, path: str) -> Any:
        response = self.page.request.get(f"{self.base_url}{path}")
        assert response.ok, (path, response.status, response.text())
        return response.json()

    def query(self) -> dict[str, str]:
        return {k: v[0] for k, v in parse_qs(urlparse(self.page.url).query).items()}

    def row_ids(self) -> list[str]:
        return self.page.eval_on_selector_all(".event-row", "rows => rows.map(r => r.dataset.id)")

    def assert_clean(self) -> None:
        violations = self.csp + self.page.evaluate("window.__cspViolations || []")
        assert not violations, f"Content-Security-Policy violations: {violations}"
        assert not self.errors, f"uncaught errors in the page: {self.errors}"

    def screenshot(self, name: str) -> Path:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / name
        self.page.screenshot(path=str(path), full_page=True)
        return path


CSP_LISTENER = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation',
  e => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
"""


@pytest.fixture
def ui(browser: Any, base_url: str) -> Iterator[UI]:
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    context.route("**/*.tile.openstreetmap.org/**", lambda route: route.abort("internetdisconnected"))
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.add_init_script(CSP_LISTENER)
    state = UI(page, base_url)
    page.on("pageerror", lambda e: state.errors.append(str(e)))
    page.on("console", lambda m: state.csp.append(m.text) if "Content Security Policy" in m.text else None)
    yield state
    context.close()


def located(items: list[dict[str, Any]]) -> int:
    return sum(1 for e in items if e["place"] and e["place"]["lat"] is not None)


def markers_on_map(page: Any) -> int:
    """Single markers drawn plus the counts shown on cluster icons."""
    return int(page.evaluate("""() => {
      const dots = document.querySelectorAll('.leaflet-marker-pane .ew-dot').length;
      const clustered = [...document.querySelectorAll('.leaflet-marker-pane .ew-cluster-ring span')]
        .reduce((n, s) => n + Number(s.textContent), 0);
      return dots + clustered;
    }"""))


# --- tests --------------------------------------------------------------------------------------


def test_page_loads_with_markers_on_an_offline_map(ui: UI) -> None:
    response = ui.open()
    csp = response.headers.get("content-security-policy", "")
    assert "script-src 'self'" in csp and "style-src 'self'" in csp and "object-src 'none'" in csp
    everything = ui.api("/api/events?page_size=500")
    assert everything["total"] >= 10
    page = ui.page
    assert len(ui.row_ids()) == everything["total"]
    page.wait_for_selector("#map[data-basemap='outlines'][data-outlines]")
    assert int(page.get_attribute("#map", "data-outlines")) > 100
    assert page.locator(".leaflet-outlines-pane path").count() > 100
    assert page.is_visible(".ew-basemap-note")
    assert int(page.get_attribute("#map", "data-markers")) == located(everything["items"])
    page.wait_for_timeout(300)  # cluster icons are drawn after the fit animation
    assert markers_on_map(page) == located(everything["items"])
    legend = page.inner_text(".ew-legend")
    for kind in ui.api("/api/stats")["by_type"]:
        assert kind in legend
    assert page.locator(".tl-bar").count() > 0
    unit = page.get_attribute("#timeline svg", "data-unit")
    assert page.inner_text("#timeline-title").lower() == f"events per {unit}"  # not "per day" for months
    assert page.inner_text("#result-count").startswith(f"{everything['total']} events")
    ui.screenshot("ui-overview.png")
    ui.assert_clean()


def test_filter_by_type_narrows_map_and_list_and_lives_in_the_url(ui: UI) -> None:
    ui.open()
    everything = ui.api("/api/events?page_size=500")
    coerce = ui.api("/api/events?type=COERCE&page_size=500")
    assert 0 < coerce["total"] < everything["total"]
    ui.page.select_option("#f-type", "COERCE")
    ui.wait_ready("type=COERCE")
    assert sorted(ui.row_ids()) == sorted(e["id"] for e in coerce["items"])
    assert set(ui.page.eval_on_selector_all(".event-row", "rs => rs.map(r => r.dataset.type)")) == {"COERCE"}
    assert int(ui.page.get_attribute("#map", "data-markers")) == located(coerce["items"])
    shared = ui.page.url
    ui.page.goto(shared)  # a shared link reproduces the view
    ui.wait_ready("type=COERCE")
    assert ui.page.input_value("#f-type") == "COERCE"
    assert sorted(ui.row_ids()) == sorted(e["id"] for e in coerce["items"])
    ui.assert_clean()


def test_sorting_the_list_by_fatalities(ui: UI) -> None:
    ui.open()
    ui.page.select_option("#f-sort", "-fatalities")
    ui.wait_ready("sort=-fatalities")
    expected = ui.api("/api/events?sort=-fatalities&page_size=500")["items"]
    assert ui.row_ids() == [e["id"] for e in expected]
    deadliest = max(e["fatalities"]["best"] or 0 for e in expected)
    assert expected[0]["fatalities"]["best"] == deadliest
    assert f"✝ {deadliest}" in ui.page.locator(".event-row").first.inner_text()
    ui.assert_clean()


def test_clicking_a_timeline_bar_sets_the_date_filter(ui: UI) -> None:
    ui.open()
    bar = ui.page.evaluate_handle(
        "[...document.querySelectorAll('rect.tl-bar')].find(r => r.dataset.start <= '2023-03-08' "
        "&& r.dataset.end >= '2023-03-08')")
    start, end = bar.get_attribute("data-start"), bar.get_attribute("data-end")
    box = bar.bounding_box()
    ui.page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    ui.wait_ready(f"until={end}")
    assert ui.query()["since"] == start and ui.query()["until"] == end
    assert ui.page.input_value("#f-since") == start and ui.page.input_value("#f-until") == end
    expected = ui.api(f"/api/events?since={start}&until={end}&page_size=500")
    assert 0 < expected["total"] < ui.api("/api/events")["total"]
    assert sorted(ui.row_ids()) == sorted(e["id"] for e in expected["items"])
    assert ui.page.locator(".tl-sel").count() == 1
    ui.page.click("#tl-clear")
    ui.page.wait_for_function(f"() => !location.search.includes('since') && {READY}")
    assert len(ui.row_ids()) == ui.api("/api/events")["total"]
    ui.assert_clean()


TIMELINE_RANGE = """async () => {
  const { defaultRange, dayNum, isoDay } = await import('/static/timeline.js');
  const rows = [{ date: '1960-01-01', type: 'AID', count: 1 }, { date: '2050-01-01', type: 'THREATEN', count: 1 }];
  for (let d = 0; d < 100; d++) rows.push({ date: isoDay(dayNum('2025-01-01') + d), type: 'ASSAULT', count: 1 });
  const shown = (r) => ({ lo: isoDay(r.lo), hi: isoDay(r.hi), before: r.before, after: r.after });
  return [shown(defaultRange(rows)), shown(defaultRange(rows.slice(2, 40)))];
}"""


def test_timeline_axis_is_not_stretched_by_a_few_far_dates(ui: UI) -> None:
    """A war recalled from 1960 and a 2050 target do not squeeze 100 days of news into one bar."""
    ui.open()
    stragglers, plain = ui.page.evaluate(TIMELINE_RANGE)
    assert "2025-01-01" <= stragglers["lo"] <= stragglers["hi"] <= "2025-04-10"
    assert stragglers["before"] >= 1 and stragglers["after"] >= 1
    assert plain == {"lo": "2025-01-01", "hi": "2025-02-07", "before": 0, "after": 0}
    ui.assert_clean()


def test_dragging_across_the_timeline_selects_a_date_range(ui: UI) -> None:
    ui.open()
    bars = ui.page.locator("rect.tl-bar")
    first = min((bars.nth(i).bounding_box() for i in range(bars.count())), key=lambda b: b["x"])
    y = first["y"] + first["height"] / 2
    ui.page.mouse.move(first["x"] - 6, y)
    ui.page.mouse.down()
    ui.page.mouse.move(first["x"] + first["width"] / 2, y, steps=3)
    ui.page.mouse.move(first["x"] + first["width"] + 6, y, steps=3)
    ui.page.mouse.up()
    ui.wait_ready("until=")
    since, until = ui.query()["since"], ui.query()["until"]
    assert since < until
    expected = ui.api(f"/api/events?since={since}&until={until}&page_size=500")
    assert expected["total"] >= 1
    assert sorted(ui.row_ids()) == sorted(e["id"] for e in expected["items"])
    assert len(ui.row_ids()) < ui.api("/api/events")["total"]
    ui.assert_clean()


def find_event(ui: UI, sentence_start: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """The merged event with a report whose evidence sentence starts so, and that report."""
    for item in ui.api("/api/events?page_size=500")["items"]:
        event = ui.api(f"/api/events/{item['id']}")
        for report in event["reports"]:
            if report["evidence"]["sentence"].startswith(sentence_start):
                return event, report
    raise AssertionError(f"no event reported by a sentence starting {sentence_start!r}")


def open_event(ui: UI, event_id: str) -> None:
    ui.page.click(f"#row-{event_id}")
    ui.page.wait_for_selector(f"#panel[data-state='ready'] .event-detail[data-id='{event_id}']")


def test_event_panel_highlights_the_evidence(ui: UI) -> None:
    ui.open()
    event, ambush = find_event(ui, "Gunmen ambushed a Malian army patrol")
    assert {"trigger", "actor", "recipient", "place"} <= {s["kind"] for s in ambush["spans"]}
    open_event(ui, event["id"])
    assert ui.query()["event"] == event["id"]
    panel = ui.page.locator("#panel")
    facts = panel.locator(".facts").inner_text()
    assert event["type"] in facts and event["place"]["name"] in facts
    assert event["actor"]["name"] in facts and event["recipient"]["name"] in facts
    assert event["acled_event_type"] in facts
    for report in event["reports"]:
        quote = panel.locator(f"blockquote.evidence[data-event-id='{report['event_id']}']")
        assert quote.evaluate("q => [...q.childNodes].filter(n => !n.classList || n.tagName === 'MARK')"
                              ".map(n => n.textContent).join('')") == report["evidence"]["sentence"]
        for kind in {s["kind"] for s in report["spans"]}:
            shown = quote.locator(f"mark[data-kind='{kind}']").all_inner_texts()
            assert sorted(shown) == sorted(s["text"] for s in report["spans"] if s["kind"] == kind)
    ui.page.wait_for_selector(f".ew-dot.selected[data-id='{event['id']}']")
    ui.page.wait_for_timeout(400)  # let the map finish zooming to the marker
    path = ui.screenshot("ui-event.png")
    assert path.stat().st_size > 10_000
    ui.assert_clean()


def test_article_view_marks_the_evidence_and_scrolls_to_it(ui: UI) -> None:
    ui.open()
    event, report = find_event(ui, "Gunmen ambushed a Malian army patrol")
    open_event(ui, event["id"])
    ui.page.click(f".report[data-event-id='{report['event_id']}'] .open-article")
    ui.page.wait_for_selector("#article-dialog[open][data-state='ready']")
    assert ui.query()["article"] == report["article_id"]
    current = ui.page.locator("#article-text mark.current")
    assert current.count() == 1
    assert current.inner_text() == report["evidence"]["sentence"]
    trigger = next(s for s in report["spans"] if s["kind"] == "trigger")
    assert current.locator("mark[data-kind='trigger']").inner_text() == trigger["text"]
    article = ui.api(f"/api/articles/{report['article_id']}")
    assert ui.page.inner_text("#article-title") == article["title"]
    assert ui.page.locator("#article-text").evaluate("e => e.textContent") == article["text"]
    box, mark = ui.page.locator("#article-text").bounding_box(), current.bounding_box()
    assert box["y"] <= mark["y"] and mark["y"] + mark["height"] <= box["y"] + box["height"]
    ui.page.keyboard.press("Escape")
    ui.page.wait_for_function(
        "() => !document.getElementById('article-dialog').open && !location.search.includes('article')")
    ui.assert_clean()


def test_uncertain_events_look_different(ui: UI) -> None:
    ui.open("?status=claimed")
    claimed = ui.api("/api/events?status=claimed")["items"]
    assert claimed and all(e["uncertain"] for e in claimed)
    row = ui.page.locator(f"#row-{claimed[0]['id']}")
    assert "uncertain" in row.get_attribute("class")
    assert row.locator(".badge.status").inner_text() == "claimed"
    assert row.locator(".row-line2").evaluate("e => getComputedStyle(e).fontStyle") == "italic"
    open_event(ui, claimed[0]["id"])
    assert ui.page.inner_text("#panel .facts .badge.status.uncertain") == "claimed"
    dot = ui.page.wait_for_selector(f".ew-dot.uncertain[data-id='{claimed[0]['id']}']")
    assert dot.evaluate("e => getComputedStyle(e).borderStyle") == "dashed"
    ui.assert_clean()


def test_untrusted_article_markup_is_shown_as_text(ui: UI) -> None:
    ui.open("?q=Kandahar")
    (item,) = ui.api("/api/events?q=Kandahar")["items"]
    event = ui.api(f"/api/events/{item['id']}")
    sentence = event["reports"][0]["evidence"]["sentence"]
    assert SCRIPT_MARKUP in sentence and IMG_MARKUP in sentence  # stored verbatim
    assert ui.row_ids() == [item["id"]]
    open_event(ui, item["id"])
    quote = ui.page.locator("#panel blockquote.evidence").inner_text()
    assert SCRIPT_MARKUP in quote and IMG_MARKUP in quote
    ui.page.click("#panel .open-article")
    ui.page.wait_for_selector("#article-dialog[open][data-state='ready']")
    text = ui.page.inner_text("#article-text")
    assert SCRIPT_MARKUP in text and IMG_MARKUP in text
    ui.page.wait_for_timeout(200)
    assert ui.page.evaluate("typeof window.__pwned") == "undefined"
    injected = "#panel script, #panel img, #article-dialog script, #article-dialog img"
    assert ui.page.locator(injected).count() == 0
    assert ui.page.locator("img[src='x']").count() == 0
    ui.assert_clean()


def test_api_errors_and_empty_results_are_shown(ui: UI) -> None:
    ui.open("?country=ZZZ")
    ui.page.wait_for_function("() => document.body.dataset.state === 'error'")
    banner = ui.page.locator("#error-banner")
    assert banner.is_visible()
    error = ui.page.request.get(f"{ui.base_url}/api/events?country=ZZZ").json()["error"]
    assert error["message"] in banner.inner_text() and error["code"] in banner.inner_text()
    assert ui.page.is_visible("#list-empty")
    ui.open("?q=no-such-words-anywhere")
    ui.wait_ready("no-such-words")
    assert not banner.is_visible()
    assert ui.row_ids() == []
    assert ui.page.is_visible("#list-empty") and ui.page.is_visible("#map-empty")
    assert "No events match" in ui.page.inner_text("#list-empty")
    ui.page.click("#empty-clear")
    ui.page.wait_for_function(f"() => location.search === '' && {READY}")
    assert len(ui.row_ids()) == ui.api("/api/events")["total"]
    ui.assert_clean()


def test_keyboard_opens_events_from_the_list_and_inputs_are_labelled(ui: UI) -> None:
    ui.open()
    unlabelled = ui.page.evaluate(
        "[...document.querySelectorAll('input, select')].filter(e => !e.labels?.length).map(e => e.id)")
    assert unlabelled == []
    ids = ui.row_ids()
    ui.page.focus(f"#row-{ids[0]}")
    ui.page.keyboard.press("ArrowDown")
    ui.page.keyboard.press("Enter")
    ui.page.wait_for_selector(f"#panel[data-state='ready'] .event-detail[data-id='{ids[1]}']")
    assert ui.page.evaluate("document.activeElement.dataset.id") == ids[1]
    ui.page.keyboard.press("Escape")
    ui.page.wait_for_selector("#panel .overview")
    ui.assert_clean()
