"""Reading inputs: files, directories, JSONL dumps, gzip and stdin into ``Article`` records.

:func:`read_inputs` is the entry point. It streams: one file (or one JSONL line) is in memory at a
time, and bad input never raises - each unusable item becomes one ``Rejected`` record with a code
from :data:`eventwire.errors.REJECTION_CODES` and a reason a user can act on, and the run goes on.

Formats, chosen by file suffix (``.gz`` versions of each are read transparently; gzip is also
detected by its magic bytes):

* ``.txt`` / ``.text``: a scraped plain-text article, cleaned by
  :func:`eventwire.text.clean_plain_text`.
* ``.html`` / ``.htm`` / ``.xhtml``: a web page, main text by :func:`eventwire.text.extract_html`.
* ``.jsonl`` / ``.ndjson``: one JSON object per line with ``text`` or ``html`` and optional ``id``,
  ``url``, ``title``, ``published`` (date or date-time string), ``source``; origin ``"path:LINE"``.
  A broken line is rejected and the following lines still go through.
* a directory: every file with one of the suffixes above, recursively, names sorted, depth first;
  hidden files are skipped.
* ``-``: standard input, sniffed as JSONL (first character ``{``), HTML (a tag such as
  ``<html``/``<!doctype``/``<div`` first) or plain text. A file with an unknown suffix named
  explicitly is sniffed the same way.

Publication date precedence: an item's own date beats the run-wide ``published`` argument (the
CLI's ``--published``), which is only a fallback. In order: JSONL ``published`` field, then the
HTML page's metadata (trafilatura), then ``published``. A plain ``.txt`` file carries no date, so
``--published`` is what it gets. Reason: a run over a folder of mixed pages should not stamp one
date on all of them, while a date the item states is specific to it. An invalid JSONL date is
rejected (``E_DATE``) rather than silently replaced.

Decoding: a byte-order mark decides first (UTF-8, UTF-16, UTF-32); then NUL bytes or many control
characters mean binary (``E_BINARY``); then strict UTF-8; then the charset an HTML page declares;
then cp1252 (Windows Western), accepted only when the result looks like text (few control or
unassigned characters). Anything else is ``E_ENCODING``. Common UTF-8-read-as-cp1252 punctuation
("â€œ") is repaired by the text cleaner.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import gzip
import io
import json
import os
import re
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import BinaryIO, TextIO

from .errors import REJECTION_CODES
from .records import Article, Rejected
from .text import CleanText, article_id, clean_plain_text, extract_html, looks_english

TEXT_SUFFIXES: tuple[str, ...] = (".txt", ".text")
HTML_SUFFIXES: tuple[str, ...] = (".html", ".htm", ".xhtml")
JSONL_SUFFIXES: tuple[str, ...] = (".jsonl", ".ndjson")
META_FIELDS: tuple[str, ...] = ("id", "url", "title", "published", "source")
_GZIP_MAGIC = b"\x1f\x8b"
_BINARY_MAGIC: tuple[bytes, ...] = (b"%PDF", b"PK\x03\x04", b"\x89PNG", b"GIF8", b"\xff\xd8\xff")
_READ_ERRORS = (OSError, EOFError, zlib.error)


@dataclass(frozen=True, slots=True)
class RawItem:
    """One input item before cleaning: exactly one of ``text`` / ``html`` is set."""

    origin: str
    text: str | None = None
    html: str | None = None
    meta: tuple[tuple[str, str], ...] = ()  # (field, value) pairs from JSONL, in META_FIELDS

    def get(self, key: str) -> str | None:
        return next((v for k, v in self.meta if k == key), None)


def _reject(origin: str, code: str, reason: str, stage: str = "ingest") -> Rejected:
    assert code in REJECTION_CODES, code
    return Rejected(item=origin, stage=stage, code=code, reason=reason)


# --- decoding ------------------------------------------------------------------------------------

_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"),
)
_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f]")
_META_CHARSET = re.compile(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_.:-]+)", re.I)
_ODD = re.compile(r"[\x80-\x9f\ufffd]|[\x00-\x08\x0e-\x1f]")


def looks_binary(data: bytes) -> bool:
    """NUL bytes, a known binary signature, or more than 5% control characters."""
    sample = data[:65536]
    if sample.startswith(_BINARY_MAGIC) or b"\x00" in sample:
        return True
    return len(_CONTROL.findall(sample)) > 0.05 * max(1, len(sample))


def decode_bytes(data: bytes, declared: str | None = None) -> str | None:
    """Text of ``data`` (see module docstring for the order tried), or None when undecodable."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                return None
    for codec in ("utf-8", declared or ""):
        if codec:
            try:
                return data.decode(codec)
            except (UnicodeDecodeError, LookupError):
                continue
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    return text if len(_ODD.findall(text)) <= 0.01 * max(1, len(text)) else None


def _declared_charset(data: bytes) -> str | None:
    found = _META_CHARSET.search(data[:4096])
    return found.group(1).decode("ascii") if found else None


def _has_bom(data: bytes) -> bool:
    return any(data.startswith(bom) for bom, _ in _BOMS)


# --- sniffing ------------------------------------------------------------------------------------

_HTML_START = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?<(?:!doctype html|html|head|body|meta|div|"
                         rb"article|section|p|title|!--)[\s>]", re.I)


def kind_of(path: str) -> str | None:
    """"text", "html", "jsonl" from the suffix (ignoring ``.gz``), or None when unknown."""
    name = path.lower().removesuffix(".gz")
    for kind, suffixes in (("text", TEXT_SUFFIXES), ("html", HTML_SUFFIXES),
                           ("jsonl", JSONL_SUFFIXES)):
        if name.endswith(suffixes):
            return kind
    return None


def sniff(head: bytes) -> str:
    """Guess "jsonl", "html" or "text" from the first bytes of a stream."""
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"{"):
        return "jsonl"
    if _HTML_START.match(stripped) or b"<html" in stripped[:2048].lower():
        return "html"
    return "text"


# --- streams -------------------------------------------------------------------------------------


def _maybe_gunzip(stream: io.BufferedIOBase) -> io.BufferedIOBase:
    if stream.peek(2)[:2] == _GZIP_MAGIC:  # type: ignore[attr-defined]
        return io.BufferedReader(gzip.GzipFile(fileobj=stream))  # type: ignore[arg-type]
    return stream


def _bounded_lines(stream: io.BufferedIOBase, limit: int) -> Iterator[bytes | None]:
    """Lines of a binary stream; a line longer than ``limit`` bytes is skipped and yields None."""
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith(b"\n"):
            while (chunk := stream.readline(1 << 20)) and not chunk.endswith(b"\n"):
                pass
            yield None
        else:
            yield line


def _read_stream(stream: io.BufferedIOBase, origin: str, kind: str | None,
                 max_bytes: int) -> Iterator[RawItem | Rejected]:
    """Items of one (possibly gzipped) stream of known or sniffed kind."""
    try:
        stream = _maybe_gunzip(stream)
        kind = kind or sniff(stream.peek(4096)[:4096])  # type: ignore[attr-defined]
        if kind == "jsonl":
            yield from _read_jsonl(stream, origin, max_bytes)
            return
        data = stream.read(max_bytes + 1)
    except _READ_ERRORS as e:
        yield _reject(origin, "E_UNREADABLE", f"cannot read: {e}")
        return
    if len(data) > max_bytes:
        yield _reject(origin, "E_TOO_LARGE", f"larger than the limit of {max_bytes:,} bytes")
        return
    yield _bytes_to_item(data, origin, kind)


def _bytes_to_item(data: bytes, origin: str, kind: str) -> RawItem | Rejected:
    if not data.strip():
        return _reject(origin, "E_EMPTY", "the file is empty")
    if not _has_bom(data) and looks_binary(data):
        return _reject(origin, "E_BINARY", "binary data (NUL or control bytes), not text")
    declared = _declared_charset(data) if kind == "html" else None
    text = decode_bytes(data, declared)
    if text is None:
        return _reject(origin, "E_ENCODING", "bytes are neither UTF-8/UTF-16 nor cp1252 text")
    if not text.strip():
        return _reject(origin, "E_EMPTY", "the file holds only whitespace")
    if kind == "html":
        return RawItem(origin=origin, html=text)
    return RawItem(origin=origin, text=text)


# --- JSONL ---------------------------------------------------------------------------------------


def _read_jsonl(stream: io.BufferedIOBase, origin: str,
                max_bytes: int) -> Iterator[RawItem | Rejected]:
    lineno = 0
    try:
        for lineno, line in enumerate(_bounded_lines(stream, max_bytes), 1):
            where = f"{origin}:{lineno}"
            if line is None:
                yield _reject(where, "E_TOO_LARGE",
                              f"line {lineno}: longer than the limit of {max_bytes:,} bytes")
            elif line.strip():
                yield parse_jsonl_line(line, where, lineno)
    except _READ_ERRORS as e:
        yield _reject(f"{origin}:{lineno + 1}", "E_UNREADABLE",
                      f"line {lineno + 1}: the file is cut off or damaged here: {e}")


def parse_jsonl_line(line: bytes, origin: str, lineno: int) -> RawItem | Rejected:
    """One JSONL line -> RawItem, or Rejected with a reason naming the line."""
    try:
        text = line.decode("utf-8-sig" if lineno == 1 else "utf-8")
    except UnicodeDecodeError as e:
        return _reject(origin, "E_ENCODING", f"line {lineno}: not valid UTF-8 (byte {e.start})")
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as e:
        return _reject(origin, "E_JSONL", f"line {lineno}: not valid JSON: {e.msg} "
                                          f"(column {e.colno})")
    if not isinstance(obj, dict):
        return _reject(origin, "E_JSONL", f"line {lineno}: expected a JSON object, "
                                          f"got {type(obj).__name__}")
    return _item_from_object(obj, origin, lineno)


def _item_from_object(obj: dict[str, object], origin: str, lineno: int) -> RawItem | Rejected:
    body = {k: obj.get(k) for k in ("text", "html") if obj.get(k) is not None}
    if not body:
        return _reject(origin, "E_JSONL", f"line {lineno}: no 'text' or 'html' field")
    bad = [k for k, v in body.items() if not isinstance(v, str)]
    if bad:
        return _reject(origin, "E_JSONL", f"line {lineno}: field '{bad[0]}' is not a string")
    if not any(str(v).strip() for v in body.values()):
        return _reject(origin, "E_EMPTY", f"line {lineno}: the '{next(iter(body))}' field is empty")
    meta = tuple((k, str(obj[k])) for k in META_FIELDS if obj.get(k) not in (None, ""))
    text, html = body.get("text"), body.get("html")
    if isinstance(text, str) and text.strip():
        return RawItem(origin=origin, text=text, meta=meta)
    return RawItem(origin=origin, html=str(html), meta=meta)


# --- files, directories, stdin -------------------------------------------------------------------


def iter_files(directory: str) -> Iterator[str]:
    """Supported files under ``directory``: recursive, depth first, sorted, no hidden files."""
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and kind_of(name) is not None:
                yield os.path.join(root, name)


def _read_file(path: str, max_bytes: int) -> Iterator[RawItem | Rejected]:
    kind = kind_of(path)
    try:
        size = os.path.getsize(path)
        handle = open(path, "rb")  # noqa: SIM115 - closed below, generator-safe
    except OSError as e:
        yield _reject(path, "E_UNREADABLE", f"cannot open: {e.strerror or e}")
        return
    with handle:
        if kind != "jsonl" and not path.lower().endswith(".gz") and size > max_bytes:
            yield _reject(path, "E_TOO_LARGE",
                          f"{size:,} bytes, larger than the limit of {max_bytes:,}")
            return
        yield from _read_stream(handle, path, kind, max_bytes)


def _binary_stdin(stdin: TextIO | BinaryIO | None, max_bytes: int) -> io.BufferedIOBase:
    stream = sys.stdin if stdin is None else stdin
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        stream = buffer
    if isinstance(stream, io.TextIOBase):
        return io.BufferedReader(io.BytesIO(stream.read(max_bytes + 1).encode("utf-8")))
    if isinstance(stream, io.BufferedReader):
        return stream
    return io.BufferedReader(stream)  # type: ignore[arg-type,type-var]


def read_raw(paths: Iterable[str], *, max_bytes: int = 5_000_000,
             stdin: TextIO | BinaryIO | None = None) -> Iterator[RawItem | Rejected]:
    """Raw items of every path in order: files, directories (recursive) and ``-`` for stdin."""
    for path in paths:
        if path == "-":
            yield from _read_stream(_binary_stdin(stdin, max_bytes), "-", None, max_bytes)
        elif os.path.isdir(path):
            for name in iter_files(path):
                yield from _read_file(name, max_bytes)
        else:
            yield from _read_file(path, max_bytes)


# --- cleaning into articles ----------------------------------------------------------------------


def parse_published(value: str) -> dt.date:
    """A date from "2015-11-12", an ISO date-time ("2025-03-14 20:30:26Z") or an RFC 2822 date.

    The calendar date as written is kept (no time-zone conversion). Raises ValueError.
    """
    value = value.strip()
    try:
        return dt.datetime.fromisoformat(value).date()
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError) as e:
        raise ValueError(f"not a date: {value!r}") from e


def _clean(raw: RawItem) -> CleanText | Rejected:
    if raw.html is not None:
        cleaned = extract_html(raw.html, url=raw.get("url"))
        if not cleaned.body.strip():
            return _reject(raw.origin, "E_HTML", "no main text found in the HTML", "clean")
        return cleaned
    cleaned = clean_plain_text(raw.text or "")
    if not cleaned.body.strip():
        return _reject(raw.origin, "E_TOO_SHORT",
                       "no main text left after removing headline and boilerplate", "clean")
    return cleaned


def _date_of(raw: RawItem, cleaned: CleanText, fallback: dt.date | None) -> dt.date | None:
    stated = raw.get("published")
    if stated is not None:
        return parse_published(stated)
    return cleaned.published or fallback


def to_article(raw: RawItem, *, published: dt.date | None = None,
               min_words: int = 8) -> Article | Rejected:
    """Clean one raw item into an Article, or say why not (never raises)."""
    try:
        cleaned = _clean(raw)
        if isinstance(cleaned, Rejected):
            return cleaned
        n_words = len(cleaned.body.split())
        if n_words < min_words:
            return _reject(raw.origin, "E_TOO_SHORT",
                           f"main text has {n_words} words; at least {min_words} needed", "clean")
        if not looks_english(cleaned.body):
            return _reject(raw.origin, "E_LANGUAGE",
                           "the text does not look like English (too few English function words)",
                           "clean")
        try:
            date = _date_of(raw, cleaned, published)
        except ValueError:
            return _reject(raw.origin, "E_DATE",
                           f"'published' is not a date: {raw.get('published')!r}")
        url = raw.get("url") or cleaned.url
        return Article(
            id=article_id(cleaned.body), text=cleaned.body,
            title=raw.get("title") or cleaned.title, summary=cleaned.summary,
            url=url, source=raw.get("source") or cleaned.source or outlet_of(url),
            published=date, origin=raw.origin,
        )
    except Exception as e:  # noqa: BLE001 - bad input must become a record, not a crash
        return _reject(raw.origin, "E_INTERNAL", f"{type(e).__name__}: {e}", "clean")


def outlet_of(url: str | None) -> str | None:
    """The outlet a URL belongs to, when nothing names it: its host without "www."
    ("https://www.voanews.com/a/x.html" -> "voanews.com"), so that three stories of one outlet
    count as one source when reports are merged."""
    if not url:
        return None
    from urllib.parse import urlsplit

    try:
        host = (urlsplit(url.strip()).hostname or "").lower()
    except ValueError:
        return None
    host = host.removeprefix("www.")
    return host if "." in host else None


def read_inputs(paths: Iterable[str], *, published: dt.date | None = None,
                max_bytes: int = 5_000_000, stdin: TextIO | BinaryIO | None = None,
                min_words: int = 8) -> Iterator[Article | Rejected]:
    """Articles (or rejections) from files, directories, JSONL and ``-`` (stdin), streamed.

    ``published`` is the fallback publication date (see the module docstring for precedence);
    ``max_bytes`` limits each file and each JSONL line; ``min_words`` is the shortest main text
    kept. Never raises for bad input.
    """
    for raw in read_raw(paths, max_bytes=max_bytes, stdin=stdin):
        if isinstance(raw, Rejected):
            yield raw
        else:
            yield to_article(raw, published=published, min_words=min_words)


__all__ = [
    "HTML_SUFFIXES", "JSONL_SUFFIXES", "META_FIELDS", "RawItem", "TEXT_SUFFIXES", "decode_bytes",
    "iter_files", "kind_of", "looks_binary", "parse_jsonl_line", "parse_published", "read_inputs",
    "read_raw", "sniff", "to_article",
]
