"""The claim: claimcheck's unit of record and its JSON contract with editorial tools.

Everything that leaves claimcheck (``find``, ``export``, ``check``) is a claim in the
JSON form built here, and the published schema (``schema/claim.schema.json``) is checked
against it in the tests. Offsets are Python ``str`` indices into the document text
exactly as read, so ``document_text[claim.start:claim.end] == claim.text``.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any, Literal, get_args

SCHEMA_VERSION = "1.1"
CLAIM_KINDS = ("quote", "paraphrase", "figure")
ClaimKind = Literal["quote", "paraphrase", "figure"]
# How a speaker was found, most direct first (the schema's speaker.basis says what each means). A
# fact-checker reads a speaker carried over from another quote, or inferred from the sentence before,
# with more care than one named by "said" next to the words.
SpeakerBasis = Literal["cue", "label", "dash", "frame", "quotation", "previous_quote", "next_quote",
                       "previous_sentence", "clause"]
SPEAKER_BASES: tuple[str, ...] = get_args(SpeakerBasis)
# Bases that infer the speaker rather than read it off a cue next to the words: measured on annotated
# news (README), each is right less often than a cue; ``check`` says so when a verdict rests on one.
INFERRED_BASES = {
    "previous_quote": "carried over from the quote before",
    "next_quote": "carried back from the quote after",
    "previous_sentence": "read from the sentence before",
    "frame": "read from a clause with no speech verb",
    "clause": "the subject of the clause around the quote",
}
SELECTOR_CONTEXT = 32  # characters of prefix/suffix kept to re-anchor a quote


@dataclass(frozen=True)
class Mention:
    """Words at an exact place in the document ("he", "told reporters")."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Speaker:
    """Who a claim is attributed to: the resolved name and the words that named them."""

    name: str | None
    mention: Mention | None = None
    description: str | None = None
    basis: SpeakerBasis | None = None


@dataclass(frozen=True)
class DateRef:
    """A date in the claim's sentence; ``value`` is ISO (2018, 2018-06, 2018-06-12) or None."""

    text: str
    value: str | None
    start: int
    end: int


@dataclass(frozen=True)
class FigureRef:
    """A figure in the claim's sentence, normalised: 83% -> value 83, unit "percent"."""

    text: str
    value: float | int | None
    unit: str | None
    start: int
    end: int


@dataclass(frozen=True)
class Source:
    """The document a claim comes from."""

    doc_id: str
    path: str
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None
    url: str | None = None


@dataclass
class Claim:
    """A quote, paraphrase or figure statement with its speaker and exact source span."""

    kind: ClaimKind
    text: str
    start: int
    end: int
    source: Source
    sentence: str = ""
    sentence_start: int = 0
    sentence_end: int = 0
    speaker: Speaker | None = None
    cue: Mention | None = None
    group: str | None = None
    dates: list[DateRef] = field(default_factory=list)
    figures: list[FigureRef] = field(default_factory=list)
    prefix: str = ""
    suffix: str = ""

    @property
    def id(self) -> str:
        return claim_id(self.source.doc_id, self.kind, self.start, self.end)

    def to_json(self) -> dict[str, Any]:
        """The JSON form published in ``schema/claim.schema.json``."""
        no_speaker = {"name": None, "mention": None, "description": None, "basis": None}
        speaker = asdict(self.speaker) if self.speaker else no_speaker
        return {
            "schema_version": SCHEMA_VERSION,
            "id": self.id,
            "kind": self.kind,
            "text": self.text,
            "span": {"start": self.start, "end": self.end},
            "speaker": speaker,
            "cue": asdict(self.cue) if self.cue else None,
            "group": self.group,
            "sentence": self.sentence,
            "sentence_span": {"start": self.sentence_start, "end": self.sentence_end},
            "selector": {
                "type": "TextQuoteSelector",
                "exact": self.text,
                "prefix": self.prefix,
                "suffix": self.suffix,
            },
            "dates": [asdict(d) for d in self.dates],
            "figures": [asdict(f) for f in self.figures],
            "source": asdict(self.source),
        }


def claim_id(doc_id: str, kind: str, start: int, end: int) -> str:
    """Stable id: the same span of the same document always gets the same id."""
    return hashlib.sha256(f"{doc_id}:{kind}:{start}:{end}".encode()).hexdigest()[:20]


def selector_context(text: str, start: int, end: int, width: int = SELECTOR_CONTEXT) -> tuple[str, str]:
    """Prefix and suffix around a span, for the W3C TextQuoteSelector."""
    return text[max(0, start - width) : start], text[end : end + width]
