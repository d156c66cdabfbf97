"""Direct quotes found by scanning quotation marks character by character.

Tokenizers split marks inconsistently (``''``, ``"`` glued to words, curly marks used
backwards), so quotes are found on the raw text, paragraph by paragraph:

* double marks only: curly “ ”, straight ``"``, doubled ``''`` and ``````; single
  marks (’) are apostrophes or nested quotes (it’s, ’90s, rock ’n’ roll, ‘inner’) and
  never open or close a top-level quote;
* a straight (or misused curly) mark opens or closes according to its neighbours;
* a quote still open at a paragraph end stays open (``close`` None) and, when the next
  paragraph opens with a mark, the two paragraphs share a ``group`` (the news
  convention for a quotation running over paragraphs);
* parts interrupted by an attribution (“X,” he said, “Y.”, or a cue with a long description
  of its speaker) share a ``group``.

``doc._.quotes`` is a list of plain dicts (see :func:`find_quotes`).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from claimcheck.components.quote_style import read_primary_marks
from claimcheck.tokenizing import split_glued_quotes

Doc.set_extension("quotes", default=None, force=True)

_MARK = re.compile("``|''|[\u201c\u201d\u201e\u201f\"\u00ab\u00bb]")
OPENERS = {"\u201c", "\u201e", "\u201f", "``", "\u00ab"}
CLOSERS = {"\u201d", "\u00bb"}
# characters after which a mark reads as an opener (start of a word group)
_OPEN_BEFORE = set(" \t\n\r([{\u2014\u2013-/:;") | {""}
# characters before which a mark reads as a closer
_CLOSE_AFTER = set(" \t\n\r)]}.,;:!?\u2014\u2013-/") | {""}
_MAX_INTERRUPTION = 200  # characters between two parts of one quotation: a cue, its speaker described
_PARA = re.compile(r"[^\n]+")
# markup left in scraped text: <tweet id="…">, also with its last attribute's value broken off by a
# line break before the closing mark (<tweet date="May 9, 2016\n">)
_TAG = re.compile(r"<[A-Za-z/][^<>\n]{0,400}(?:\n[ \t]*\"?[ \t]*)?>")


def _paragraphs(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _PARA.finditer(text) if m.group().strip()]


def _neighbour(text: str, i: int, step: int, lo: int, hi: int) -> str:
    """The character next to a mark at ``i`` (``step`` -1 before, 1 after) as the pairing rules read
    it: invisible format characters (a left-to-right mark pasted from social media) are looked past
    and any space (a no-break space) is a space; "" at the paragraph's edge."""
    while lo <= i < hi and unicodedata.category(text[i]) == "Cf":
        i += step
    if not lo <= i < hi:
        return ""
    return " " if text[i].isspace() else text[i]


def _is_partial(text: str, para_start: int, open_at: int, start: int, end: int) -> bool:
    """A fragment inside a sentence (called “Little Rocket Man”), not a quoted sentence."""
    i = open_at - 1
    while i >= para_start and (text[i].isspace() or unicodedata.category(text[i]) == "Cf"):
        i -= 1
    if i < para_start:
        return False
    prev = text[i]
    if prev == "." and i - 1 >= para_start and text[i - 1].isupper() and (
            i - 2 < para_start or not text[i - 2].isalpha()):
        return True  # after an initial ("Robert C. “Bobby” Scott"): inside the sentence
    if prev in ":.?!":
        return False
    if prev.isalnum() or prev in ")%$":
        return True
    # after a comma, a dash or another quote: a fragment when it starts in lower case
    # ("called him “nasty,” “unstable” and “sick”")
    first = text[start:end].lstrip()[:1]
    return bool(first) and first.islower()


def _scan_paragraph(text: str, ps: int, pe: int, tags: list[tuple[int, int]]) -> list[dict[str, Any]]:
    """Quotes of one paragraph; the last one may be unclosed (close None). Marks inside ``tags``
    (markup, which may run over into the next paragraph) are not quote marks."""
    quotes: list[dict[str, Any]] = []
    open_at: int | None = None
    open_len = 0
    nested_until: int | None = None  # past the closing mark of a quote nested in the open one
    tags = [(ts, te) for ts, te in tags if ts < pe and te > ps]
    for m in _MARK.finditer(text, ps, pe):
        mark = m.group()
        s, e = m.start(), m.end()
        if tags and any(ts < s < te for ts, te in tags):
            continue  # attribute values of markup are not quotes
        before = _neighbour(text, s - 1, -1, ps, pe)
        after = _neighbour(text, e, 1, ps, pe)
        opens = before in _OPEN_BEFORE or mark in OPENERS
        closes = after in _CLOSE_AFTER or after in "\"'\u2019\u201d" or mark in CLOSERS
        if open_at is None:
            if mark in CLOSERS and before not in _OPEN_BEFORE:
                continue  # a stray closer
            if after in " \t" and before not in _OPEN_BEFORE and mark not in OPENERS:
                continue  # a mark glued to the previous word and followed by space: stray closer
            if opens or not closes:
                open_at, open_len = s, len(mark)
            continue
        # inside a quote: a clear opener (space before, word after) means the previous one
        # was never closed; anything else closes it
        if mark in OPENERS and before in " \t" and after not in _CLOSE_AFTER and s > open_at + open_len:
            if nested_until is None and _nested(text, e, pe):
                nested_until = _nested(text, e, pe)
                continue  # “… even when “your team” needs it …”: a quote inside the quote, same marks
            quotes.append({"open": open_at, "close": None, "start": open_at + open_len, "end": s})
            open_at, open_len = s, len(mark)
            continue
        if nested_until is not None and s < nested_until:
            continue  # the inner quote's closing mark
        nested_until = None
        if e - open_at - open_len - len(mark) <= 0 and not closes:
            continue
        quotes.append({"open": open_at, "close": s, "start": open_at + open_len, "end": s})
        open_at = None
    if open_at is not None and pe > open_at + open_len:
        quotes.append({"open": open_at, "close": None, "start": open_at + open_len, "end": pe})
    for q in quotes:
        q["start"], q["end"] = _strip(text, q["start"], q["end"])
    return [q for q in quotes if q["end"] > q["start"]]


def _nested(text: str, after: int, pe: int) -> int | None:
    """Where the closing mark of a quote nested in an open one ends, when a curly opener at ``after``
    is followed by two curly closers before any other opener in the paragraph (“… when “your team”
    needs it …”); None when it is not (the open quote was never closed, and this one starts anew)."""
    first_close: int | None = None
    for m in _MARK.finditer(text, after, pe):
        if m.group() not in CLOSERS:
            return None
        if first_close is not None:
            return first_close
        first_close = m.end()
    return None


def _strip(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _interrupted(text: str, a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Whether ``b`` continues ``a`` across a short attribution: “X,” he said, “Y.”."""
    if a["close"] is None:
        return False
    between = text[a["close"] + 1 : b["open"]]
    if len(between) > _MAX_INTERRUPTION or "\n" in between or not between.strip():
        return False
    tail = text[a["start"] : a["end"]].rstrip()[-1:]
    between = between.strip()
    # “X,” he said, “Y” / “X” — he said — “Y” / “X,” he said. “Y.”
    return (tail in ",\u2014\u2013-" or between[-1:] in ",:\u2014\u2013") or (
        tail in ".?!" and between.endswith(".") and between.count(" ") <= 8
    )


def find_quotes(text: str) -> list[dict[str, Any]]:
    """All quotes of ``text``: {start, end, open, close, group, partial}, in text order."""
    quotes: list[dict[str, Any]] = []
    group = -1
    prev: dict[str, Any] | None = None
    # where a quotation left open at the end of the paragraph before starts: its last quote if
    # that never closed, or else the quote that opened the paragraph and never closed, with what
    # was quoted inside it ("\"In 1960 … Written “at this time,” the statement …")
    running: int | None = None
    tags = [(t.start(), t.end()) for t in _TAG.finditer(text)] if "<" in text else []
    for ps, pe in _paragraphs(text):
        para_quotes = _scan_paragraph(text, ps, pe, tags)
        first = len(quotes)
        for i, q in enumerate(para_quotes):
            continues = False
            if i == 0 and running is not None:
                # the paragraph ran on without a closing mark (past a quote nested in it, the next one
                # reopens with the same mark)
                continues = q["open"] == _first_char(text, ps) and (
                    running == len(quotes) - 1 or _same_mark(text, quotes[running]["open"], q["open"]))
                if continues:
                    for earlier in quotes[running:]:
                        earlier["group"] = quotes[running]["group"]
            elif i > 0 and prev is not None:
                continues = _interrupted(text, prev, q)
            if not continues:
                group += 1
            q["group"] = quotes[-1]["group"] if continues else group
            q["partial"] = _is_partial(text, ps, q["open"], q["start"], q["end"])
            quotes.append(q)
            prev = q
        running = None
        if para_quotes and quotes[-1]["close"] is None:
            running = len(quotes) - 1
        elif para_quotes and quotes[first]["close"] is None and \
                quotes[first]["open"] == _first_char(text, ps) and \
                _MARK.search(text, quotes[-1]["close"] + 1, pe) is None:
            running = first  # (a mark left after the nested quote closed it: "… president.” ― Ann Ruiz")
    return [
        {k: q[k] for k in ("start", "end", "open", "close", "group", "partial")} for q in quotes
    ]


_MARK_KIND = {"\u201d": "\u201c", "\u201f": "\u201c", "\u201e": "\u201c", "''": "``"}


def _same_mark(text: str, a: int, b: int) -> bool:
    """Whether the quote marks at ``a`` and ``b`` are of one kind (straight, curly, doubled)."""
    mark_a, mark_b = _MARK.match(text, a), _MARK.match(text, b)
    if mark_a is None or mark_b is None:
        return False
    return _MARK_KIND.get(mark_a.group(), mark_a.group()) == _MARK_KIND.get(mark_b.group(), mark_b.group())


_WORD = re.compile(r"[^\W\d_][\w'\u2019-]*")


def marked_extent(text: str, quote: dict[str, Any]) -> tuple[int, int]:
    """A closed quote's extent with its marks, opening to just past the closing one (a doubled ``''``
    is two characters); an unclosed quote runs from its mark to its end."""
    close = quote["close"]
    if close is None:
        return quote["open"], quote["end"]
    return quote["open"], close + (2 if text.startswith("''", close) else 1)


def looks_like_title(text: str) -> bool:
    """Title-case words with no sentence in them: a work, a show, a nickname (“Morning Joe”)."""
    words = _WORD.findall(text)
    if not words or len(words) > 10:
        return False
    return all(w[0].isupper() for k, w in enumerate(words) if k == 0 or len(w) > 3)


_SCARE_WORDS = 2
_NAME_BEFORE = re.compile(r"(?:\b(?:on|in|of|from|at|with|for|by)|['\u2019]s)\s*$", re.IGNORECASE)
# a noun for a work right before the quote: "the documentary “Weiner”", "the book ''Strangers No More''"
_WORK_BEFORE = re.compile(
    r"\b(?:book|film|movie|show|series|documentary|program|programme|podcast|play|memoir|album|song|"
    r"novel|musical|sitcom|episode|reboot|sequel|biography|autobiography|opera|ad|drama|comedy|"
    r"anthem|hymn|poem|essay|column|op-ed|commentary|skit|sketch|segment)s?,?\s*$",
    re.IGNORECASE)
# a word for who makes or stars in a work right after it: "“Broad City” star Arturo Castro"
_WORK_AFTER = re.compile(
    r"[ \t]+(?:co-)?(?:star|host|creator|showrunner|actor|actress|author|producer|director)s?\b")


# a work's name that opens with a number: the documentary “13th”, “60 Minutes”
_NUMBERED_TITLE = re.compile(r"\d[\w'\u2019-]*(?:\s+[A-Z0-9][\w'\u2019-]*){0,4}")
_NAME_WORD_BEFORE = re.compile(r"\b[A-Z][\w.'\u2019-]*[ \t]+$")
_NAME_WORD_AFTER = re.compile(r"[ \t]+[A-Z][a-z]")
_NICKNAME_WORDS = 3


def _title_case_line(line: str) -> bool:
    long_words = [w for w in _WORD.findall(line) if len(w) > 3]
    return len(long_words) >= 4 and sum(w[0].isupper() for w in long_words) >= 0.8 * len(long_words)


# a byline right after a quote closed by a comma: “Museum names a new director,” by the Ledger's Ana Ruiz
_BYLINE_AFTER = re.compile(r",?[ \t]+by[ \t]+(?:the[ \t]+)?[A-Z]")


def is_bylined(text: str, quote: dict[str, Any]) -> bool:
    """A quote set off by a comma and followed by "by" and a name: the title of a piece or a book
    with its author (newsletters list links this way), which names the piece and quotes nobody.

    Inside a sentence only a title-case one: "the “ugliness of his words,” by Ruiz's account"
    quotes words, "a new book, “The Long Road,” by Ana Ruiz" names one.
    """
    words = text[quote["start"] : quote["end"]]
    if quote["close"] is None or (quote["partial"] and not looks_like_title(words)):
        return False
    end = marked_extent(text, quote)[1]
    comma = words.rstrip().endswith(",") or text.startswith(",", end)
    return comma and _BYLINE_AFTER.match(text, end) is not None


def is_quoted_name(text: str, quote: dict[str, Any]) -> bool:
    """A quote that names rather than quotes: nobody is quoted saying it.

    A quote set off by a comma before a byline ("“…,” by Ana Ruiz") is a piece's or a book's title.
    After a noun for a work, or before a word for who stars in or makes one, it names the work,
    even when it closes the sentence (his memoir, “A Long Way Home.”; the “Broad City” star). A
    fragment inside a sentence names a work or a show after a preposition or a possessive (said
    on NBC's “Meet the Press”, a fan of “Star Wars”), and between two words of a name it is a
    nickname (Gov. Robert “Bobby” Stone).
    """
    words = text[quote["start"] : quote["end"]]
    close = quote["close"]
    if is_bylined(text, quote):
        return True
    if not looks_like_title(words) and not _NUMBERED_TITLE.fullmatch(words.strip(" ,.")):
        return False
    if _WORK_BEFORE.search(text, max(0, quote["open"] - 16), quote["open"]) or (
            close is not None and _WORK_AFTER.match(text, marked_extent(text, quote)[1])):
        return True
    if not looks_like_title(words):
        return False
    if not quote["partial"]:
        return False
    if _NAME_BEFORE.search(text, max(0, quote["open"] - 12), quote["open"]):
        return True
    line_start = text.rfind("\n", 0, quote["open"]) + 1
    line_end = text.find("\n", quote["open"])
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    return (
        close is not None
        and not _title_case_line(line)  # a headline: She Felt “Invisible” As A Child
        and words[-1:].isalpha()  # “Invisible.” ends a sentence, a nickname does not
        and len(_WORD.findall(words)) <= _NICKNAME_WORDS
        and _NAME_WORD_BEFORE.search(text, max(0, quote["open"] - 30), quote["open"]) is not None
        and _NAME_WORD_AFTER.match(text, close + 1) is not None
    )


_SO_CALLED = re.compile(r"\bso[- ]called[ \t]*$", re.IGNORECASE)


def is_so_called(text: str, quote: dict[str, Any]) -> bool:
    """A phrase after "so-called" (the so-called “reform law”): a label the writer holds at arm's
    length, which nobody is reported saying."""
    return quote["partial"] and _SO_CALLED.search(text, max(0, quote["open"] - 12), quote["open"]) is not None


def looks_like_scare_quote(text: str, partial: bool) -> bool:
    """A word or two quoted inside a sentence (the “experts”, a “deal”): a term held at arm's length.

    Only meaningful for a quote nobody is said to have spoken (no cue, no speaker):
    news marks such words to distance itself from them, not to report what was said.
    """
    return partial and 0 < len(_WORD.findall(text)) <= _SCARE_WORDS


def _first_char(text: str, ps: int) -> int:
    i = ps
    while i < len(text) and text[i] in " \t":
        i += 1
    return i


class QuoteFinder:
    """spaCy component: sets ``doc._.quotes``."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.quotes = find_quotes(doc.text)
        return doc


@Language.factory("claimcheck_quotes")
def make_quotes(nlp: Language, name: str) -> QuoteFinder:
    # quote marks glued to words must be tokens for the quote's edges and its speaker to be found:
    # whatever pipeline this component joins gets the tokenizer rule too
    split_glued_quotes(nlp)
    # and reads a document that quotes with single marks (British style) with the marks traded
    read_primary_marks(nlp)
    return QuoteFinder(nlp, name)
