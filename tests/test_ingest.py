"""Reading inputs: every format in, Articles out, bad input as Rejected records (never raised)."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.errors import REJECTION_CODES
from eventwire.ingest import RawItem, kind_of, read_inputs, sniff
from eventwire.records import Article, Rejected
from eventwire.text import article_id

DATA = Path(__file__).parent / "data" / "ingest"
PUBLISHED = dt.date(2015, 11, 12)

STORY = ("Gunmen attacked a police checkpoint outside the town of Korvala on Sunday, killing "
         "three officers and wounding five others, the interior ministry said.\n"
         "The attackers fled on motorcycles toward the border, the ministry said in a statement.")
HEADED = "Gunmen kill three police officers in Korvala\n" + STORY
HTML = (DATA / "article.html").read_text(encoding="utf-8")


def _read(*paths: Path | str, **kwargs) -> list[Article | Rejected]:
    return list(read_inputs([str(p) for p in paths], **kwargs))


def _one(*paths: Path | str, **kwargs) -> Article | Rejected:
    out = _read(*paths, **kwargs)
    assert len(out) == 1, out
    return out[0]


def _rejected(record: Article | Rejected, code: str) -> Rejected:
    assert isinstance(record, Rejected), record
    assert record.code == code, record
    assert record.code in REJECTION_CODES and record.reason
    return record


# --- plain text, HTML, JSONL ---------------------------------------------------------------------


def test_txt_file_becomes_article_with_cli_date(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(HEADED, encoding="utf-8")
    art = _one(path, published=PUBLISHED)
    assert isinstance(art, Article)
    assert art.title == "Gunmen kill three police officers in Korvala"
    assert art.text == STORY
    assert art.id == article_id(STORY)
    assert art.published == PUBLISHED
    assert art.origin == str(path)


def test_same_article_from_txt_and_jsonl_has_same_id(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(HEADED, encoding="utf-8")
    line = {"id": "x1", "text": HEADED, "url": "https://wire.example/1", "source": "Wire"}
    (tmp_path / "b.jsonl").write_text(json.dumps(line) + "\n", encoding="utf-8")
    txt, jsonl = _read(tmp_path / "a.txt", tmp_path / "b.jsonl")
    assert isinstance(txt, Article) and isinstance(jsonl, Article)
    assert txt.id == jsonl.id
    assert jsonl.origin == f"{tmp_path / 'b.jsonl'}:1"
    assert (jsonl.url, jsonl.source) == ("https://wire.example/1", "Wire")


def test_seed_fixture_texts_are_cleaned_on_ingest() -> None:
    out = _read(DATA / "membership_appeal.txt")
    assert isinstance(out[0], Article)
    assert "newsletter" not in out[0].text and out[0].title.startswith("Floods cut off")


def test_html_file_uses_page_metadata(tmp_path: Path) -> None:
    art = _one(DATA / "article.html", published=PUBLISHED)
    assert isinstance(art, Article)
    assert art.title == "Ceasefire holds in Darrow Valley for third day"
    assert art.source == "The Valley Courier"
    assert art.published == dt.date(2024, 5, 6)  # the page's own date beats --published
    assert art.text.startswith("A ceasefire between government troops")


def test_html_without_date_falls_back_to_cli_date(tmp_path: Path) -> None:
    path = tmp_path / "page.htm"
    path.write_text(f"<html><body><article><p>{STORY}</p></article></body></html>",
                    encoding="utf-8")
    art = _one(path, published=PUBLISHED)
    assert isinstance(art, Article) and art.published == PUBLISHED


def test_jsonl_fields_and_date_precedence(tmp_path: Path) -> None:
    rows = [
        {"text": STORY, "published": "2025-03-14 20:30:26Z", "title": "T1"},
        {"text": STORY + " More.", "published": "2024-01-02"},
        {"text": STORY + " Again.", "published": "Thu, 12 Nov 2015 10:00:00 GMT"},
        {"text": STORY + " Still."},
        {"html": f"<html><body><article><p>{STORY} Html.</p></article></body></html>"},
    ]
    path = tmp_path / "items.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = _read(path, published=PUBLISHED)
    assert all(isinstance(a, Article) for a in out), out
    assert [a.published for a in out] == [
        dt.date(2025, 3, 14), dt.date(2024, 1, 2), dt.date(2015, 11, 12), PUBLISHED, PUBLISHED]
    assert out[0].title == "T1"
    assert out[4].text.endswith("Html.")


def test_broken_jsonl_line_is_rejected_and_others_go_through(tmp_path: Path) -> None:
    good = json.dumps({"text": STORY})
    lines = [good, '{"text": "Gunmen attacked" "x"}', "", "[1, 2]", '{"title": "no body"}',
             json.dumps({"text": 5}), json.dumps({"text": STORY, "published": "last Tuesday"}),
             json.dumps({"text": "   "}), good.replace("Sunday", "Monday")]
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = _read(path)
    assert [type(r).__name__ for r in out] == [
        "Article", "Rejected", "Rejected", "Rejected", "Rejected", "Rejected", "Rejected",
        "Article"]
    bad = _rejected(out[1], "E_JSONL")
    assert bad.item == f"{path}:2"
    assert bad.reason.startswith("line 2: not valid JSON: Expecting ',' delimiter")
    assert "expected a JSON object" in _rejected(out[2], "E_JSONL").reason
    assert "no 'text' or 'html'" in _rejected(out[3], "E_JSONL").reason
    _rejected(out[4], "E_JSONL")
    assert "last Tuesday" in _rejected(out[5], "E_DATE").reason
    _rejected(out[6], "E_EMPTY")
    assert out[7].origin == f"{path}:9"


def test_oversized_jsonl_line_is_skipped_alone(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    big = json.dumps({"text": STORY * 50})
    path.write_text("\n".join([big, json.dumps({"text": STORY})]) + "\n", encoding="utf-8")
    first, second = _read(path, max_bytes=2_000)
    assert "line 1" in _rejected(first, "E_TOO_LARGE").reason
    assert isinstance(second, Article)


# --- gzip ----------------------------------------------------------------------------------------


def test_gzipped_inputs_are_read(tmp_path: Path) -> None:
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(HEADED.encode()))
    (tmp_path / "b.html.gz").write_bytes(gzip.compress(HTML.encode()))
    (tmp_path / "c.jsonl.gz").write_bytes(gzip.compress(json.dumps({"text": STORY}).encode()))
    out = _read(tmp_path)
    assert [type(r).__name__ for r in out] == ["Article"] * 3
    assert out[0].title == "Gunmen kill three police officers in Korvala"
    assert out[1].source == "The Valley Courier"


def test_truncated_gzip_jsonl_keeps_earlier_lines(tmp_path: Path) -> None:
    lines = "".join(json.dumps({"text": STORY + f" Line {i}."}) + "\n" for i in range(200))
    data = gzip.compress(lines.encode())
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    out = _read(path)
    assert isinstance(out[0], Article)
    last = _rejected(out[-1], "E_UNREADABLE")
    assert "cut off" in last.reason
    assert all(isinstance(a, Article) for a in out[:-1])


def test_not_really_gzip_is_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "fake.txt.gz"
    path.write_bytes(b"\x1f\x8bthis is not gzip at all")
    _rejected(_one(path), "E_UNREADABLE")


# --- bad files -------------------------------------------------------------------------------------


def test_empty_file(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"  \n\n\t ")
    for record in _read(tmp_path):
        _rejected(record, "E_EMPTY")


@pytest.mark.parametrize("data", [
    b"Gunmen attacked\x00\x00\x00 the town" * 10,
    b"\x89PNG\r\n\x1a\n" + b"IHDR" * 30,
    bytes(range(1, 32)) * 20,
])
def test_binary_file(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes(data)
    _rejected(_one(path), "E_BINARY")


def test_utf16_and_cp1252_are_decoded(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(STORY.encode("utf-16"))
    cp = STORY.replace("said.", "said, \u201cshocking\u201d caf\u00e9 owners said.")
    (tmp_path / "b.txt").write_bytes(cp.encode("cp1252"))
    a, b = _read(tmp_path)
    assert isinstance(a, Article) and a.text == STORY
    assert isinstance(b, Article) and "\u201cshocking\u201d caf\u00e9" in b.text


def test_undecodable_bytes(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(STORY.encode() + b" \x81\x8d\x90\x9d \xff\xfe garbage")
    _rejected(_one(path), "E_ENCODING")


def test_oversized_file(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text(STORY * 100, encoding="utf-8")
    assert "larger than the limit" in _rejected(_one(path, max_bytes=1_000), "E_TOO_LARGE").reason
    gz = tmp_path / "big.txt.gz"
    gz.write_bytes(gzip.compress((STORY * 100).encode()))
    _rejected(_one(gz, max_bytes=1_000), "E_TOO_LARGE")


def test_missing_path_is_unreadable(tmp_path: Path) -> None:
    record = _rejected(_one(tmp_path / "nope.txt"), "E_UNREADABLE")
    assert record.item == str(tmp_path / "nope.txt")


def test_non_english_too_short_and_empty_html(tmp_path: Path) -> None:
    (tmp_path / "a_fr.txt").write_text(
        "Les forces de sécurité ont arrêté trois hommes dans la nuit de dimanche à lundi près de "
        "la frontière, selon le ministère de l'Intérieur qui a confirmé leur transfert.",
        encoding="utf-8")
    (tmp_path / "b_short.txt").write_text("Gunmen attacked.", encoding="utf-8")
    (tmp_path / "c_script.html").write_text(
        "<html><head><script>var x = 1;</script></head><body><script>y()</script></body></html>",
        encoding="utf-8")
    (tmp_path / "d_appeal.txt").write_text(
        "Support our journalism\nSubscribe now for unlimited digital access.\n"
        "Your donation keeps our reporters on the ground.\n", encoding="utf-8")
    fr, short, html, appeal = _read(tmp_path)
    assert _rejected(fr, "E_LANGUAGE").stage == "clean"
    assert "words" in _rejected(short, "E_TOO_SHORT").reason
    _rejected(html, "E_HTML")
    _rejected(appeal, "E_TOO_SHORT")


# --- directories and stdin ----------------------------------------------------------------------


def test_directory_is_recursive_sorted_and_skips_other_files(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a").mkdir()
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "b" / "2.txt").write_text(STORY + " Two.", encoding="utf-8")
    (tmp_path / "a" / "1.txt").write_text(STORY + " One.", encoding="utf-8")
    (tmp_path / "0.txt").write_text(STORY + " Zero.", encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / ".hidden" / "x.txt").write_text(STORY, encoding="utf-8")
    shutil.copy(DATA / "wire_copyright.txt", tmp_path / "a" / "3.text")
    out = _read(tmp_path)
    assert [Path(a.origin).relative_to(tmp_path).as_posix() for a in out] == [
        "0.txt", "a/1.txt", "a/3.text", "b/2.txt"]
    assert _read(tmp_path) == out  # stable


def test_stdin_text_html_and_jsonl_are_sniffed() -> None:
    text = _one("-", stdin=io.StringIO(HEADED), published=PUBLISHED)
    assert isinstance(text, Article) and text.origin == "-" and text.published == PUBLISHED
    html = _one("-", stdin=io.BytesIO(HTML.encode()))
    assert isinstance(html, Article) and html.source == "The Valley Courier"
    lines = (json.dumps({"text": STORY}) + "\nnot json\n").encode()
    ok, bad = _read("-", stdin=io.BytesIO(lines))
    assert isinstance(ok, Article) and ok.origin == "-:1"
    assert _rejected(bad, "E_JSONL").item == "-:2"
    gz = _one("-", stdin=io.BytesIO(gzip.compress(HEADED.encode())))
    assert isinstance(gz, Article) and gz.text == STORY


def test_sniff_and_kind_of() -> None:
    assert sniff(b'  {"text": "x"}') == "jsonl"
    assert sniff(b"<!DOCTYPE html><html>") == "html"
    assert sniff(b"\n<div class='a'>x</div>") == "html"
    assert sniff(b"Gunmen attacked <b>") == "text"
    assert kind_of("A/B.HTML.GZ") == "html" and kind_of("x.ndjson") == "jsonl"
    assert kind_of("x.pdf") is None


def test_raw_item_meta_lookup() -> None:
    item = RawItem(origin="x", text="t", meta=(("url", "u"), ("title", "T")))
    assert item.get("title") == "T" and item.get("published") is None


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=400), suffix=st.sampled_from([".txt", ".html", ".jsonl", ".dat"]))
def test_arbitrary_bytes_never_raise(tmp_path: Path, data: bytes, suffix: str) -> None:
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(data)
    for record in read_inputs([str(path)]):
        assert isinstance(record, Article | Rejected)
        if isinstance(record, Rejected):
            assert record.code in REJECTION_CODES and record.code != "E_INTERNAL", record


def test_outlet_defaults_to_the_url_host_when_no_source_is_given(tmp_path: Path) -> None:
    body = STORY
    lines = [
        {"text": body, "url": "https://www.voanews.com/a/story/123.html"},
        {"text": body + " More.", "url": "https://www.voanews.com/a/story/456.html", "source": "Voice of America"},
        {"text": body + " Again.", "url": "not a url"},
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    found = [a for a in _read(path) if isinstance(a, Article)]
    assert [a.source for a in found] == ["voanews.com", "Voice of America", None]
