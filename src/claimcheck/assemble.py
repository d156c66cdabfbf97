"""Turning a processed spaCy ``Doc`` into claims.

The components leave plain records on the Doc (``doc._.attributions``, ``doc._.figures``,
``doc._.dates``, ``doc._.figure_sources``); this module joins them with the document's
sentences and metadata into :class:`~claimcheck.claims.Claim` objects. ``offset`` maps the
offsets of a piece of a long document back into the whole text.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from claimcheck.claims import Claim, DateRef, FigureRef, Mention, Source, Speaker, selector_context

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from claimcheck.documents import Document


class _Sentences:
    """Sentence boundaries of a Doc, looked up by character offset. (A blank line always ends one:
    ``claimcheck_paragraphs`` sets that before the parser runs.)"""

    def __init__(self, doc: Doc) -> None:
        text = doc.text
        spans = [(sent.start_char, sent.end_char) for sent in doc.sents]
        self.spans = [(s, e) for s, e in spans if text[s:e].strip()] or [(0, len(text))]
        self.starts = [start for start, _ in self.spans]

    def index(self, char: int) -> int:
        return max(0, bisect_right(self.starts, char) - 1)

    def covering(self, start: int, end: int) -> tuple[int, int]:
        first = self.spans[self.index(start)]
        last = self.spans[self.index(max(start, end - 1))]
        return first[0], last[1]


def source_of(document: Document) -> Source:
    return Source(
        doc_id=document.doc_id,
        path=document.display_path,
        title=document.title,
        outlet=document.outlet,
        author=document.author,
        published=document.published,
        url=document.url,
    )


def _mention(record: dict[str, Any] | None, offset: int, text: str) -> Mention | None:
    """A span of the document's own text (the Doc may read a view of it, see ``quote_style``)."""
    if not record:
        return None
    start, end = record["start"] + offset, record["end"] + offset
    return Mention(text[start:end], start, end)


def _speaker(record: dict[str, Any] | None, offset: int, text: str) -> Speaker | None:
    if not record or not (record.get("name") or record.get("mention")):
        return None
    mention = _mention(record.get("mention"), offset, text)
    return Speaker(record.get("name"), mention, record.get("description"), record.get("basis"))


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def claims_from_doc(doc: Doc, document: Document, offset: int = 0) -> list[Claim]:
    """Every claim the components found in ``doc``, with offsets into ``document.text``."""
    text = document.text
    source = source_of(document)
    sentences = _Sentences(doc)
    dates = [
        DateRef(text[d["start"] + offset : d["end"] + offset], d.get("value"),
                d["start"] + offset, d["end"] + offset)
        for d in (getattr(doc._, "dates", None) or [])
    ]
    figures = [
        FigureRef(text[f["start"] + offset : f["end"] + offset], f.get("value"), f.get("unit"),
                  f["start"] + offset, f["end"] + offset)
        for f in (getattr(doc._, "figures", None) or [])
    ]

    def build(kind: str, start: int, end: int, **fields: Any) -> Claim:
        start, end = _strip(text, start, end)
        sent_start, sent_end = sentences.covering(start - offset, end - offset)
        sent_start, sent_end = _strip(text, sent_start + offset, sent_end + offset)
        sent_start, sent_end = min(sent_start, start), max(sent_end, end)
        prefix, suffix = selector_context(text, start, end)
        return Claim(
            kind=kind,  # type: ignore[arg-type]
            text=text[start:end],
            start=start,
            end=end,
            source=source,
            sentence=text[sent_start:sent_end],
            sentence_start=sent_start,
            sentence_end=sent_end,
            dates=[d for d in dates if sent_start <= d.start and d.end <= sent_end],
            figures=[f for f in figures if sent_start <= f.start and f.end <= sent_end],
            prefix=prefix,
            suffix=suffix,
            **fields,
        )

    claims: list[Claim] = []
    records = [r for r in getattr(doc._, "attributions", None) or [] if r["end"] > r["start"]]
    group_sizes = Counter(r.get("group") for r in records if r.get("group") is not None)
    for record in records:
        group = record.get("group") if group_sizes[record.get("group")] > 1 else None
        claims.append(
            build(
                record["kind"],
                record["start"] + offset,
                record["end"] + offset,
                speaker=_speaker(record.get("speaker"), offset, text),
                cue=_mention(record.get("cue"), offset, text),
                group=f"{document.doc_id}:{offset}:{group}" if group is not None else None,
            )
        )
    claims.extend(_figure_claims(doc, text, figures, dates, sentences, offset, build))
    claims = [claim for claim in claims if claim.end > claim.start]
    claims.sort(key=lambda claim: (claim.start, claim.end, claim.kind))
    return _unique(claims)


def _figure_claims(
    doc: Doc,
    text: str,
    figures: list[FigureRef],
    dates: list[DateRef],
    sentences: _Sentences,
    offset: int,
    build: Callable[..., Claim],
) -> list[Claim]:
    """One ``figure`` claim per sentence stating figures or a dated fact ("in 2004"), with its
    source: the one the sentence names, or else the speaker of the quote or paraphrase that holds
    all its figures and dates (the second sentence of a quotation names no one, but its numbers are
    the speaker's). These are the numbers a fact-checker verifies."""
    sources = {}
    for record in getattr(doc._, "figure_sources", None) or []:
        sources[sentences.index(record["sent_start"])] = record
    anchors = [*figures, *(d for d in dates if d.value and any(ch.isdigit() for ch in d.text))]
    by_sentence: dict[int, list[FigureRef | DateRef]] = {}
    for anchor in sorted(anchors, key=lambda a: a.start):
        by_sentence.setdefault(sentences.index(anchor.start - offset), []).append(anchor)
    records = getattr(doc._, "attributions", None) or []
    claims = []
    for index, held in by_sentence.items():
        start, end = sentences.spans[index]
        attributed = sources.get(index) or _holder(records, held, offset) or {}
        claims.append(
            build(
                "figure",
                start + offset,
                end + offset,
                speaker=_speaker(attributed.get("speaker"), offset, text),
                cue=_mention(attributed.get("cue"), offset, text),
            )
        )
    return claims


def _holder(records: list[dict[str, Any]], anchors: list[FigureRef | DateRef], offset: int
            ) -> dict[str, Any] | None:
    """The speaker and cue of the quote or paraphrase that holds every one of ``anchors`` (the
    innermost, when one holds another)."""
    holders = [r for r in records if (r.get("speaker") or {}).get("name") and all(
        r["start"] + offset <= a.start and a.end <= r["end"] + offset for a in anchors)]
    return min(holders, key=lambda r: r["end"] - r["start"], default=None)


def _unique(claims: list[Claim]) -> list[Claim]:
    seen: set[str] = set()
    unique = []
    for claim in claims:
        if claim.id not in seen:
            seen.add(claim.id)
            unique.append(claim)
    return unique
