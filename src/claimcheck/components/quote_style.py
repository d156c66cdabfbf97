"""Which quotation marks a document quotes with: double (US style) or single (British style).

American copy quotes with double marks and nests with single ones; British copy (BBC, The
Guardian, Reuters UK) does the reverse: ``'We have no choice,' said Ann Ruiz.`` The quote
scanner and the attribution rules read double marks as quotations and single marks as
apostrophes or nested quotes, so a British article would lose its quotes. Rather than teach
every rule both conventions, a document whose primary marks are single is read through a
*view* in which the two kinds trade places, character for character:

* a single mark that opens or closes a quotation becomes the double mark of the same shape
  (‘ → “, ’ → ”, ' → "), and a double mark becomes a single one (“ → ‘, ” → ’, " → ');
* apostrophes stay as they are (it's, O'Neill, the '90s, rock 'n' roll, the ministers' pay);
* every offset of the view is the text's own, so spans found on the view are spans of the
  text, and claims quote the text itself.

:class:`PrimaryMarkTokenizer` applies the view in front of spaCy's tokenizer, so every Doc
of the pipeline is parsed with the quotation marks the parser knows best. (A document too long
for one Doc is decided piece by piece; each piece is 100,000 characters or more.)
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

_SINGLE = re.compile("[\u2018\u2019']")
_DOUBLE = re.compile('[\u201c\u201d"]')
# what may stand before a quotation's opening mark: the start, a space, a bracket, a dash, a slash,
# or a double mark (a single quotation nested in a double one)
_OPEN_AFTER = set(" \t\n\r([{\u2014\u2013-/:;\u201c\u201d\"") | {""}
# what may follow its closing mark
_CLOSE_BEFORE = set(" \t\n\r)]}.,;:!?\u2014\u2013-/\u201c\u201d\"\u2026") | {""}
# a mark at a word's start that is an elision, not an opening quotation mark
_ELISION = re.compile(r"[\u2018\u2019'](?:tis\b|twas\b|em\b|n[\u2018\u2019']|cause\b|til\b|\d\d)",
                      re.IGNORECASE)
_SWAP = str.maketrans({"\u201c": "\u2018", "\u201d": "\u2019", '"': "'"})
_MARK_AT = re.compile("``|''|.", re.S)


def _single_pairs(text: str) -> list[tuple[int, int | None]]:
    """Opening and closing offsets of quotations marked with single marks (close None: left open
    at the end of its paragraph, as a quotation running over paragraphs is)."""
    pairs: list[tuple[int, int | None]] = []
    open_at: int | None = None
    paragraph_end = -1
    marks = list(_SINGLE.finditer(text))
    for index, m in enumerate(marks):
        i = m.start()
        before = text[i - 1] if i > 0 else ""
        after = text[i + 1] if i + 1 < len(text) else ""
        if open_at is not None and i > paragraph_end:
            pairs.append((open_at, None))
            open_at = None
        if open_at is None:
            if m.group() != "\u2019" and before in _OPEN_AFTER and (after.isalnum() or after in "[\u2026.") \
                    and not _ELISION.match(text, i):
                open_at = i
                paragraph_end = text.find("\n", i)
                paragraph_end = len(text) if paragraph_end == -1 else paragraph_end
            continue
        if before.isspace() or after not in _CLOSE_BEFORE or i == open_at + 1:
            continue  # not a closing mark (an apostrophe inside a word, or a mark at a word's start)
        if before in "sS" and after.isspace() and _closes_later(text, marks, index):
            continue  # "the ministers' pay": a plural possessive, with the quotation's end still to come
        pairs.append((open_at, i))
        open_at = None
    if open_at is not None:
        pairs.append((open_at, None))
    return pairs


def _closes_later(text: str, marks: list[re.Match[str]], index: int) -> bool:
    """Whether a later mark in the same paragraph could close the quotation instead, before any
    mark that opens another ("'the media that lies' and 'the swamp'": the first one closes)."""
    end = text.find("\n", marks[index].start())
    end = len(text) if end == -1 else end
    for m in marks[index + 1 :]:
        j = m.start()
        if j >= end:
            return False
        after = text[j + 1] if j + 1 < len(text) else ""
        if text[j - 1] in _OPEN_AFTER and after.isalnum():
            return False
        if not text[j - 1].isspace() and after in _CLOSE_BEFORE:
            return True
    return False


def _double_spans(quotes: list[dict[str, Any]]) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Double-marked quotations (``find_quotes``): each part from its opening mark to its closing one
    (or to its end when it runs on with no closing mark), and each quotation whole, its parts joined."""
    parts: list[tuple[int, int]] = []
    whole: dict[int, tuple[int, int]] = {}
    for q in quotes:
        end = q["close"] if q["close"] is not None else q["end"]
        parts.append((q["open"], end))
        start = whole.get(q["group"], (q["open"], end))[0]
        whole[q["group"]] = (start, end)
    return parts, sorted(whole.values())


def _inside(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    """Whether ``span`` lies inside one of ``spans`` (which are in text order and never overlap, so
    only the last one opening before it can hold it)."""
    k = bisect.bisect_left(spans, (span[0], -1)) - 1
    return k >= 0 and spans[k][1] > span[1]


def primary_marks(text: str) -> str:
    """``"single"`` when the text quotes with single marks (more than twice as many single-marked
    quotations outside double ones as double-marked outside single ones), else ``"double"``."""
    return "double" if _single_reading(text) is None else "single"


def _single_reading(text: str) -> tuple[list[tuple[int, int | None]], list[dict[str, Any]]] | None:
    """For a text that quotes with single marks, its single-marked quotations and its double-marked
    ones (what the view trades); None for a text that quotes with double marks."""
    from claimcheck.components.quotes import find_quotes  # (quotes imports this module)

    if "\u2018" not in text and not re.search(r"(?:^|[\s(\[\u2014\u2013\"\u201c])'\w", text):
        return None  # no single mark opens anything: the common case, decided without a scan
    pairs = _single_pairs(text)
    singles = [(a, b) for a, b in pairs if b is not None]
    if not any(_speechlike(text, a, b) for a, b in singles):
        return None
    quotes = find_quotes(text)
    doubles, quotations = _double_spans(quotes)
    # quotations that read as speech, not a scare-quoted term ('deep state'): American copy may
    # mark those with single quotes and still quote people with double ones
    singles_outside = sum(1 for s in singles if _speechlike(text, *s) and not _inside(s, quotations))
    doubles_outside = sum(1 for d in doubles if _speechlike(text, *d) and not _inside(d, singles))
    # British copy nests its few double marks inside single ones; copy that mixes the two freely
    # stays double, the common case
    return (pairs, quotes) if singles_outside > 2 * doubles_outside else None


def _speechlike(text: str, open_at: int, close_at: int) -> bool:
    """Three words or more, or a sentence's end inside the marks ("'We lost,' she said")."""
    inner = text[open_at + 1 : close_at].strip()
    return inner.count(" ") >= 2 or inner[-1:] in ",.?!"


def primary_view(text: str) -> str:
    """``text`` as the pipeline reads it: unchanged, or with single and double quotation marks
    traded when the text quotes with single marks. Same length, same offsets.

    The traded marks are curly, opening or closing as they were found to, so a straight mark's
    direction, which the parser would have to guess, is already settled."""
    reading = _single_reading(text)
    if reading is None:
        return text
    pairs, quotes = reading
    chars = list(text)
    for m in _DOUBLE.finditer(text):
        chars[m.start()] = m.group().translate(_SWAP)
    for q in quotes:
        start, end = q["open"], q["close"]
        if len(_MARK_AT.match(text, start).group()) == 1:
            chars[start] = "\u2018"
        if end is not None and len(_MARK_AT.match(text, end).group()) == 1:
            chars[end] = "\u2019"
    for start, end in pairs:
        chars[start] = "\u201c"
        if end is not None:
            chars[end] = "\u201d"
    return "".join(chars)


class PrimaryMarkTokenizer:
    """A tokenizer that reads :func:`primary_view` of its text; everything else is the wrapped
    tokenizer's (its rules, its vocab), so other components can still adjust it."""

    def __init__(self, inner: Any) -> None:
        object.__setattr__(self, "inner", inner)

    def __call__(self, text: str) -> Doc:
        return self.inner(primary_view(text))

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def __setattr__(self, name: str, value: Any) -> None:
        setattr(self.inner, name, value)


def read_primary_marks(nlp: Language) -> Language:
    """Put :class:`PrimaryMarkTokenizer` in front of ``nlp``'s tokenizer (once)."""
    if not isinstance(nlp.tokenizer, PrimaryMarkTokenizer):
        nlp.tokenizer = PrimaryMarkTokenizer(nlp.tokenizer)
    return nlp
