"""Clean text: main text, headline and standfirst out of scraped plain text or HTML.

Two entry points produce a :class:`CleanText`:

* :func:`clean_plain_text` for scraped plain text: splits glued sentences ("difference.The"),
  recognises the headline and standfirst, and drops news boilerplate (donation and subscription
  appeals, comment prompts, share / newsletter / cookie / "Read more" / "Advertisement" lines,
  bylines, copyright notices) at paragraph level and at sentence level inside a paragraph.
* :func:`extract_html` for HTML pages: trafilatura finds the main text and metadata.

Boilerplate is recognised by signals, not by a list of known sentences. Each sentence gets:

* ``strong``: appeal vocabulary phrased as an appeal ("your support", "support our journalism",
  "subscribe now", "paywalls", "our newsletter", "join the conversation", ...);
* ``voice``: the outlet talking to its readers - unquoted *you/your* and *we/our/us*, or an
  imperative opening ("Join", "Subscribe", "Sign up", "Follow", ...);
* ``weak``: journalism and engagement vocabulary ("reporters", "the story", "readers", "replies").

A sentence is boilerplate when ``strong >= 2`` and it has a voice and the total is at least 3
(or ``strong >= 4``); fixed page furniture (a short line "Comments", "Advertisement",
"Read more", a byline, a copyright line) is boilerplate on its own. A paragraph goes when most of
it is boilerplate, when its other sentences speak in the same voice, or when it is a short run of
we/you paragraphs sandwiched between boilerplate paragraphs (the middle of a donation appeal).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from .records import content_id


@dataclass(frozen=True, slots=True)
class CleanText:
    """Main text (paragraphs joined by ``"\\n"``) and what was recognised around it."""

    body: str
    title: str | None
    summary: str | None
    published: dt.date | None = None
    url: str | None = None
    source: str | None = None


# --- ids and normalisation -----------------------------------------------------------------------

_WS = re.compile(r"\s+")


def normalise_for_id(text: str) -> str:
    """NFKC, lower-cased, all whitespace runs collapsed to one space, trimmed."""
    return _WS.sub(" ", unicodedata.normalize("NFKC", text).lower()).strip()


def article_id(body: str) -> str:
    """Stable id of an article: a hash of its normalised main text."""
    return content_id(normalise_for_id(body))


# UTF-8 punctuation read as cp1252 (a common scraping accident); only unambiguous sequences.
_MOJIBAKE: tuple[tuple[str, str], ...] = (
    ("â€œ", "“"), ("â€\x9d", "”"), ("â€�", "”"), ("â€˜", "‘"), ("â€™", "’"), ("â€”", "—"),
    ("â€“", "–"), ("â€¦", "…"), ("Â ", " "), ("Ã©", "é"), ("Ã¨", "è"), ("Ã¶", "ö"), ("Ã¼", "ü"),
)


def repair_mojibake(text: str) -> str:
    """Undo the commonest UTF-8-as-cp1252 punctuation damage ("â€œ" -> "“"); else unchanged."""
    if "â€" not in text and "Ã" not in text and "Â" not in text:
        return text
    for bad, good in _MOJIBAKE:
        text = text.replace(bad, good)
    return text


# --- glued sentences and sentence splitting ------------------------------------------------------

_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st jr sr gen col lt sgt capt maj cmdr adm rep sen gov prof rev vs etc inc co "
    "corp ltd no nos mt ft fig al jan feb mar apr jun jul aug sep sept oct nov dec e.g i.e approx "
    "dept est govt pres brig".split()
)
_URLISH = re.compile(r"://|www\.|@|\.(?:com|org|net|gov|edu|co|uk|io|info|int)\b", re.I)
_GLUE = re.compile(r"(?<=[a-z0-9%)\]])([.!?]+['\"”’]?)(?=[\"“‘]?[A-Z][a-z])")


def _token_before(text: str, end: int) -> str:
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return text[start:end]


def _token_around(text: str, pos: int) -> str:
    end = pos
    while end < len(text) and not text[end].isspace():
        end += 1
    return _token_before(text, pos) + text[pos:end]


def _glued_at(text: str, match: re.Match[str]) -> bool:
    word = _token_before(text, match.start()).lower().strip("\"“‘'(")
    if word in _ABBREVIATIONS or "." in word:
        return False  # "Gen.Smith" is rare, "U.S.Army"/"e.g.The" are ambiguous: leave them
    return not _URLISH.search(_token_around(text, match.start()))


def split_glued(text: str) -> str:
    """Insert the missing space in "difference.The" / "now!Click"; leaves U.S., 3.5, URLs alone."""
    out: list[str] = []
    last = 0
    for match in _GLUE.finditer(text):
        if _glued_at(text, match):
            out.append(text[last:match.end()])
            out.append(" ")
            last = match.end()
    out.append(text[last:])
    return "".join(out)


_BOUNDARY = re.compile(r"(?<=[.!?])['\"”’)\]]*\s+(?=['\"“‘(\[]*[A-Z0-9])")


def sentence_spans(paragraph: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of one paragraph (heuristic, whitespace trimmed).

    Never splits after an abbreviation (Mr., Nov.), a dotted token (U.S., a.m.) or an initial (J.).
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(paragraph):
        word = _token_before(paragraph, match.start()).rstrip(".!?").lower().strip("\"“‘'(")
        if word in _ABBREVIATIONS or "." in word or (len(word) == 1 and word.isalpha()):
            continue
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(paragraph)))
    return [_trim(paragraph, a, b) for a, b in spans if paragraph[a:b].strip()]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_sentences(paragraph: str) -> list[str]:
    """The sentences of one paragraph as strings (see :func:`sentence_spans`)."""
    return [paragraph[a:b] for a, b in sentence_spans(paragraph)]


# --- boilerplate signals -------------------------------------------------------------------------

_I = re.IGNORECASE
_STRONG: tuple[tuple[re.Pattern[str], int], ...] = tuple(
    (re.compile(p, _I), w)
    for p, w in (
        (r"\byour (?:continued |ongoing )?(?:support|donations?|contributions?|subscriptions?|"
         r"membership|gift|generosity)\b", 2),
        (r"\bregistered (?:users|readers|members)\b|\bkeep (?:the )?comments civil\b", 2),
        (r"\b(?:support|fund|back|help)(?:ing)? (?:us|our (?:work|journalism|reporting|newsroom|"
         r"mission|journalists))\b", 2),
        (r"\b(?:independent|quality|trusted|public[- ]interest|fearless|local) "
         r"(?:journalism|reporting)\b", 2),
        (r"\bpaywalls?\b", 3),
        (r"\b(?:donate|donating|make a (?:donation|contribution|gift)|"
         r"contribute (?:now|today|to us))\b", 2),
        (r"\bsubscri(?:be|ption)s? (?:now|today|here|for (?:free|just|only|as little)|to (?:our|"
         r"this))\b", 2),
        (r"\b(?:already|existing) (?:a )?(?:subscriber|member)s?\b", 2),
        (r"\bsign(?:[- ]?up| in| on)\b", 2),
        (r"\b(?:log(?:[- ]?in)?|register) (?:now|today|here|for free|to (?:continue|read|comment))"
         r"\b", 2),
        (r"\bcreate (?:a|an|your) (?:free )?account\b", 2),
        (r"\bnewsletters?\b|\bin your inbox\b|\bpush (?:alerts|notifications)\b", 2),
        (r"\bbecome a (?:member|subscriber|supporter|patron|friend)\b", 2),
        (r"\b(?:unlimited|full|digital|premium) (?:digital )?access\b|\bfree trial\b|"
         r"\bad-free\b", 2),
        (r"\bour (?:reporting|journalism|journalists|reporters|newsroom|coverage|readers|website|"
         r"site|app|podcasts?|team|mission|work|latest (?:documentary|podcast|investigation)|"
         r"editors?|stories|content)\b", 2),
        (r"\bcomment(?:ing|s)? (?:section|forum|thread|policy|guidelines)\b|\bcommenting\b", 2),
        (r"\bjoin (?:the|our) (?:conversation|discussion|debate|community|forum)\b", 2),
        (r"\bthought-provoking\b|\bmost (?:read|popular|viewed|shared)\b", 2),
        (r"\b(?:follow|like) us (?:on|for|at|@)|"
         r"\bshare (?:this|on) (?:article|story|page|facebook|twitter|x)\b", 2),
        (r"\bdownload (?:our|the) app\b|\bturn on notifications\b", 2),
        (r"\b(?:use|uses|using) cookies\b|\baccept (?:all )?cookies\b|\bprivacy (?:policy|notice|"
         r"settings)\b|\bterms (?:of (?:use|service)|and conditions)\b", 2),
        (r"\btell (?:the|this|these|your) stor(?:y|ies)\b|\bmakes? all the difference\b", 1),
    )
)
# one search over all of them first: most sentences of news match none, and then none is counted
_ANY_STRONG = re.compile("|".join(f"(?:{p.pattern})" for p, _ in _STRONG), _I)
_WEAK = re.compile(
    r"\b(?:journalis\w*|reporters?|newsroom|news (?:outlets?|organi[sz]ations?)|the story|"
    r"readers?|coverage|editorial|afford|conversations?|repl(?:y|ies)|comments?|forum|"
    r"community|followers?|notifications?|alerts?|facts)\b",
    _I,
)
_VOICE = re.compile(  # case-sensitive "us": "the US" is a country
    r"\b(?:[Yy]ou|[Yy]our|[Yy]ours|[Yy]ourself|[Ww]e|us|[Oo]ur|[Oo]urs|[Oo]urselves)\b")
_IMPERATIVE = re.compile(  # unambiguous calls to action
    r"^(?:subscribe|sign up|donate|click (?:here|to)|tap (?:here|to)|register (?:now|here|for|to)|"
    r"download (?:our|the|it|now)|share (?:this|on|via|the (?:story|article))|log in|"
    r"get (?:our|the latest|unlimited)|don['’]t miss)(?![\w-])", _I)
_SOFT_IMPERATIVE = re.compile(r"^(?:join|follow|please|see more)(?![\w-])", _I)  # news uses them
_QUOTED = re.compile(r"“[^”]*(?:”|$)|\"[^\"]*(?:\"|$)|«[^»]*(?:»|$)")

# Page furniture: boilerplate on its own when the line is short.
_MONTHS = "jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"
_FURNITURE = re.compile(
    r"^(?:\d+\s+)?(?:comments?|advertisement|advert|sponsored(?: content)?|read more|"
    r"continue reading|read next|(?:read more|read also|see also|related|watch|listen|more)\s*:.*|"
    r"related(?: articles| stories| content| topics| coverage)?|"
    r"recommended(?: for you| stories| reading)?|more (?:on this|stories|from)\b.*|"
    r"share(?: this)?(?: article| story| page)?|tweet|print|email|e-mail|close|menu|"
    r"skip to (?:main )?content|top stories|trending|watch|listen|show comments|view comments|"
    r"load comments|leave a (?:comment|reply)|post a comment|most (?:read|popular|viewed)|"
    r"(?:follow|find) us on .*|(?:image|photo|photograph|picture)(?: copyright| credit)?: .*|"
    r"(?:image|photo) (?:copyright|credit) .*|this article is more than .* old|"
    r"(?-i:By [A-Z][\w.'’-]+(?: (?:[A-Z][\w.'’-]+|and|de|van|al-\w+)){1,4}"
    r"(?:,? (?:[A-Z][\w&.'’-]*\s?)+)?)|"
    r"(?:published|updated|posted|first published|last (?:updated|modified))(?: on| at)?:?\s+"
    r"(?:[a-z]+,?\s+)?"
    rf"(?:\d{{1,4}}|{_MONTHS})[\w\s,:./-]*|"
    r"this (?:story|article) (?:is from|was (?:first |originally )?published|appeared) .*)$",
    _I,
)
_LEGAL = re.compile(  # legal small print: boilerplate in any sentence of up to 40 words
    r"all rights reserved|©|\bcopyright (?:©\s*)?\d{4}|\bmay not be (?:published|broadcast|"
    r"rewritten|redistributed|reproduced)|\(getty images\)|\bimage copyright\b|"
    r"^\(?(?:additional )?(?:reporting|writing|editing)(?: and \w+)? by\b",
    _I,
)
_COMMENT_HEADER = re.compile(
    r"^(?:\d+\s+)?comments?(?:\s*\(\d+\))?$|^(?:show|view|load|read) (?:all )?(?:\d+ )?comments$|"
    r"^leave a (?:comment|reply)$|^post a comment$|^join the (?:conversation|discussion|debate)$|"
    r"^have your say$|^reader comments$",
    _I,
)


MAX_APPEAL_WORDS = 60


@dataclass(frozen=True, slots=True)
class Signals:
    """Boilerplate evidence found in one sentence."""

    strong: int
    voice: int
    weak: int
    furniture: bool
    words: int = 0

    @property
    def total(self) -> int:
        return self.strong + self.voice + self.weak

    @property
    def boilerplate(self) -> bool:
        if self.furniture:
            return True
        if self.words > MAX_APPEAL_WORDS:  # appeals are short; long runs are unsplit prose
            return False
        return (self.strong >= 2 and self.voice >= 1 and self.total >= 3) or self.strong >= 4


def mask_quotes(text: str) -> str:
    """``text`` with quoted passages blanked (same length), so that quoted "we" is not the outlet.

    A paragraph that opens a quotation and never closes it (continued in the next paragraph) is
    blanked whole.
    """
    stripped = text.lstrip()
    if stripped[:1] in "“\"«" and not re.search(r"[”\"»]", stripped[1:]):
        return " " * len(text)
    return _QUOTED.sub(lambda m: " " * len(m.group()), text)


def signals(sentence: str, plain: str | None = None) -> Signals:
    """Score one sentence (or a short line) for boilerplate evidence.

    ``plain`` is the sentence with quotations blanked (see :func:`mask_quotes`); computed from
    ``sentence`` when not given.
    """
    plain = mask_quotes(sentence) if plain is None else plain
    strong = sum(w * len(p.findall(plain)) for p, w in _STRONG) if _ANY_STRONG.search(plain) else 0
    opening = plain.strip(" -•*|\"'“‘")
    imperative = 2 * bool(_IMPERATIVE.match(opening)) or int(bool(_SOFT_IMPERATIVE.match(opening)))
    voice = min(3, len(_VOICE.findall(plain)) + imperative)
    strong += imperative
    weak = min(3, len(_WEAK.findall(plain)))
    n_words = len(sentence.split())
    furniture = (n_words <= 10 and bool(_FURNITURE.match(sentence.strip(" .:|-•*")))) or (
        n_words <= 40 and bool(_LEGAL.search(sentence)))
    return Signals(strong, voice, weak, furniture, n_words)


# --- paragraph-level filtering -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Verdict:
    """One paragraph after filtering: ``kept`` text ("" when all of it is boilerplate)."""

    kept: str
    dropped: bool
    score: int  # total signals of the kept part (used by the sandwich rule)
    voiced: bool


def judge_paragraph(paragraph: str) -> Verdict:
    """Drop the paragraph, or only its boilerplate sentences."""
    text = split_glued(paragraph)
    plain = mask_quotes(text)
    scored = [(text[a:b], signals(text[a:b], plain[a:b])) for a, b in sentence_spans(text)]
    bad = [s for s, sig in scored if sig.boilerplate]
    good = [(s, sig) for s, sig in scored if not sig.boilerplate]
    if not good:
        return Verdict("", True, 0, False)
    total = sum(sig.total for _, sig in good)
    voiced = all(sig.voice > 0 for _, sig in good)
    if bad and (sum(map(len, bad)) >= sum(len(s) for s, _ in good) or voiced):
        return Verdict("", True, total, voiced)
    return Verdict(" ".join(s for s, _ in good), False, total, voiced)


def _sandwiched(verdicts: list[Verdict], max_run: int = 2) -> list[Verdict]:
    """Drop short runs of voiced paragraphs between two dropped ones (the middle of an appeal)."""
    out = list(verdicts)
    i = 0
    while i < len(out):
        if out[i].dropped:
            i += 1
            continue
        j = i
        while j < len(out) and not out[j].dropped:
            j += 1
        run = out[i:j]
        inside = i > 0 and j < len(out)
        if inside and len(run) <= max_run and all(v.score >= 2 and v.voiced for v in run):
            for k in range(i, j):
                out[k] = Verdict("", True, out[k].score, True)
        i = j
    return out


def _cut_comment_section(paragraphs: list[str]) -> list[str]:
    """Everything from a "Comments" header in the second half of the text on is reader talk."""
    for i, para in enumerate(paragraphs):
        if i >= len(paragraphs) // 2 and _COMMENT_HEADER.match(para.strip(" .:")):
            return paragraphs[:i]
    return paragraphs


def filter_boilerplate(paragraphs: Sequence[str], *, context: bool = True) -> list[str]:
    """Paragraphs without boilerplate; ``context`` enables the comment-cut and sandwich rules."""
    paras = _cut_comment_section(list(paragraphs)) if context else list(paragraphs)
    verdicts = [judge_paragraph(p) for p in paras]
    if context:
        verdicts = _sandwiched(verdicts)
    return [v.kept for v in verdicts if not v.dropped and v.kept]


# --- paragraphs, headline and standfirst ---------------------------------------------------------

_TERMINAL = re.compile(r"[.!?:;]['\"”’)\]]*$")


def _hard_wrapped(blocks: list[list[str]]) -> bool:
    """Blank-line paragraphs whose lines are cut at a fixed width (MUC, e-mail, some wires)."""
    multi = [b for b in blocks if len(b) >= 2]
    lines = [ln for b in multi for ln in b[:-1]]
    if len(multi) < 2 or len(lines) < 3:
        return False
    open_ended = sum(not _TERMINAL.search(ln) for ln in lines)
    median = sorted(len(ln) for ln in lines)[len(lines) // 2]
    return open_ended >= 0.6 * len(lines) and 40 <= median <= 100


def paragraphs(raw: str) -> list[str]:
    """Paragraphs of a plain text: one per line, or per blank-line block if hard-wrapped."""
    text = repair_mojibake(raw.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.replace("\u00a0", " ").replace("\u200b", "").replace("\ufeff", "")
    blocks = [
        [ln.strip() for ln in block.split("\n") if ln.strip()]
        for block in re.split(r"\n[ \t]*\n", text)
    ]
    blocks = [b for b in blocks if b]
    if _hard_wrapped(blocks):
        units = [" ".join(b) for b in blocks]
    else:
        units = [ln for b in blocks for ln in b]
    return [re.sub(r"[ \t]+", " ", u).strip() for u in units]


def _is_heading(para: str, max_words: int) -> bool:
    words = para.split()
    return (
        0 < len(words) <= max_words
        and len(para) <= 300
        and not para.rstrip("’'\"”").endswith((".", ",", ";", ":"))
        and any(c.isalpha() for c in para)
        and not signals(para).boilerplate
    )


def split_heading(paras: list[str]) -> tuple[str | None, str | None, list[str]]:
    """Headline = first short line without a final period; standfirst = the next such line.

    Page furniture before the headline (bylines, "This story is from ...") is skipped. A text of
    one paragraph has no headline. A second line ending with a period is body, not standfirst.
    """
    rest = list(paras)
    while rest and signals(rest[0]).furniture:
        rest.pop(0)
    if len(rest) < 2 or not _is_heading(rest[0], 25):
        return None, None, rest
    title = rest.pop(0)
    while len(rest) > 1 and signals(rest[0]).furniture:
        rest.pop(0)
    summary = None
    if len(rest) >= 2 and len(rest[0].split()) >= 4 and _is_heading(rest[0], 60):
        summary = rest.pop(0)
    return title, summary, rest


def clean_plain_text(raw: str) -> CleanText:
    """Main text, headline and standfirst of a scraped plain-text news article."""
    title, summary, rest = split_heading(paragraphs(raw))
    body = "\n".join(filter_boilerplate(rest))
    return CleanText(body=body, title=title, summary=summary)


# --- HTML ----------------------------------------------------------------------------------------

def _parse_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _teaser(description: str | None, body: str) -> str | None:
    """The page description as standfirst, unless it merely repeats the opening of the body."""
    if not description or not description.strip():
        return None
    head = normalise_for_id(description).rstrip(".… ")
    if head[:60] and head[:60] in normalise_for_id(body[: len(description) + 200]):
        return None
    return description.strip()


def _post_filter(text: str) -> str:
    """Boilerplate filter for extracted HTML text: page-furniture lines and comment sections only.

    The full sentence-level appeal filter lowers F1 on the article-extraction set (it removes
    consumer-advice prose addressed to "you"), so HTML gets only the furniture part.
    """
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    return "\n".join(ln for ln in _cut_comment_section(lines) if not signals(ln).furniture)


def _without_title_line(body: str, title: str | None) -> str:
    """Drop a first line that repeats the page title (trafilatura keeps the <h1>)."""
    first, _, rest = body.partition("\n")
    head, name = normalise_for_id(first), normalise_for_id(title or "")
    if not head or not name:
        return body
    suffix = name[len(head):len(head) + 3].strip()
    same = head == name or (len(head.split()) >= 3 and name.startswith(head)
                            and suffix in ("|", "-", "–", "—", ":"))
    return rest if same else body


def extract_html(html: str, url: str | None = None) -> CleanText:
    """Main text and metadata of an HTML page: trafilatura, then furniture and title-line removal.

    trafilatura runs with ``include_comments=False, favor_precision=True``, chosen on the
    article-extraction development set (``eventwire evaluate extract``): favor_precision raises F1
    over default trafilatura; favor_recall, fast, deduplicate and include_tables=False lower it.
    ``published`` is the page's metadata date, ``source`` its site name. Returns an empty body
    when trafilatura finds no main text.
    """
    import trafilatura
    from trafilatura.settings import Document
    from trafilatura.utils import normalize_unicode

    doc = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, favor_precision=True)
    if not isinstance(doc, Document) or not doc.text:
        return CleanText(body="", title=None, summary=None, url=url)
    body = _without_title_line(_post_filter(normalize_unicode(doc.text)), doc.title)
    return CleanText(
        body=body,
        title=doc.title or None,
        summary=_teaser(doc.description, body),
        published=_parse_date(doc.date),
        url=doc.url or url,
        source=doc.sitename or None,
    )


# --- language ------------------------------------------------------------------------------------

_STOPWORDS: dict[str, frozenset[str]] = {
    lang: frozenset(words.split())
    for lang, words in {
        "en": "the and of to in is was that for on with as by at from his her he she it they "
              "have has had were been said which an are be this not but or their who will would "
              "after its than also into when there what about more one over said",
        "fr": "le la les des du de et un une est dans pour que qui sur pas au aux avec ce il elle "
              "ont été par son sa ses mais ou comme plus cette sont nous vous leur",
        "es": "el la los las de del y en que por con para una un es se su al lo como más fue "
              "pero sus le ha este esta según entre sobre también",
        "de": "der die das und ist nicht mit den dem ein eine zu von im auf für sich auch des es "
              "wurde nach bei aus wie hat sind oder einer werden",
        "pt": "o a os as de do da dos das e em que por com para uma um é se seu sua ao no na foi "
              "mas não",
        "it": "il lo la gli le di del della e che per con una un è si suo sua al nel alla sono "
              "ma non anche",
        "nl": "de het een en van in is dat op te met voor zijn niet aan er ook door bij om maar",
        "id": "yang dan di ke dari ini itu dengan untuk tidak dalam akan pada juga ada adalah "
              "karena kita saya mereka sudah",
        "pl": "i w z na nie się do że jest jak po ale co tak od za przez oraz jego",
        "tr": "ve bir bu da için ile olarak çok daha gibi olan ama değil",
        "sv": "och att det som är en på för med har inte av till den jag",
    }.items()
}
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_NON_LATIN = re.compile("[^\x00-\u024f]")


def looks_english(text: str, *, sample_chars: int = 20_000) -> bool:
    """Cheap check: Latin script, and English function words outnumber those of ten other languages.

    Case-insensitive (ALL-CAPS and lower-cased texts pass); texts of fewer than 8 words pass.
    """
    words = [w.lower() for w in _WORD.findall(text[:sample_chars])]
    if len(words) < 8:
        return True
    letters = "".join(words)
    latin = len(letters) - len(_NON_LATIN.findall(letters))
    if latin < 0.7 * len(letters):
        return False
    counts = Counter(words)
    ratios = {lang: sum(counts[w] for w in sw) / len(words) for lang, sw in _STOPWORDS.items()}
    english = ratios.pop("en")
    other = max(ratios.values())
    # lists and recipes have few function words at all: then English must dominate clearly
    return (english >= 0.12 and english >= other) or (english >= 0.04 and english >= 4 * other)


__all__ = [
    "CleanText", "Signals", "Verdict", "article_id", "clean_plain_text",
    "extract_html", "filter_boilerplate", "judge_paragraph", "looks_english", "normalise_for_id",
    "paragraphs", "repair_mojibake", "signals", "split_glued", "split_heading", "split_sentences",
]
