"""``check``: a draft's quotes and figures against the claims index, one verdict each.

A newsroom asks two questions of every quote in a draft: are these the words the source
printed, and did the person the draft names say them? Both are answered on normalised
word sequences (case, curly vs straight marks, dashes and whitespace do not count; an
ellipsis in the draft is a cut, so the pieces around it must appear in order), so the
verdict never hinges on typography. Candidates come from :func:`claimcheck.search.find`;
the decision and the word-level diff are made here, on the words themselves.

Rendering lives elsewhere (``report.py``, ``output.py``): this module only returns data.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import TYPE_CHECKING, Any

from rapidfuzz.distance import Indel

from claimcheck.claims import INFERRED_BASES, Claim

if TYPE_CHECKING:
    from spacy.language import Language

    from claimcheck.documents import Document
    from claimcheck.store import Store

VERIFIED = "verified"
ALTERED = "altered"
MISATTRIBUTED = "misattributed"
UNSOURCED = "unsourced"
FIGURE_MISMATCH = "figure_mismatch"
VERDICTS = (VERIFIED, ALTERED, MISATTRIBUTED, UNSOURCED, FIGURE_MISMATCH)
FINDINGS = frozenset(VERDICTS) - {VERIFIED}

DEFAULT_MIN_SCORE = 60.0  # below this the closest indexed quote is too far to call "altered"
FIGURE_MIN_SCORE = 70.0  # a figure sentence must match more closely: it is compared out of quotes
QUOTE_CANDIDATES = 12
FIGURE_CANDIDATES = 6
SHORT_QUOTE_WORDS = 3  # fewer words than this: common phrases ("human rights") match anyone
MIN_FIGURE_CONTEXT = 4  # words, besides the figures, a figure sentence must share with its source

NOTE_NO_SPEAKER = "draft names no speaker"
NOTE_SOURCE_NO_SPEAKER = "the source does not name the speaker"

_WORD = re.compile(r"[^\W_]+(?:['’‘ʼ][^\W_]+)*|%")
_CUT = re.compile(r"\.\s?\.\s?\.(?:\s?\.)?|…|\[[^\]\n]{0,80}\]")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})
_TITLES = frozenset(
    {
        *("mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lord", "lady"),
        *("president", "vice", "sen", "sens", "senator", "rep", "reps", "representative", "gov", "governor"),
        *("secretary", "gen", "general", "col", "lt", "sgt", "minister", "prime", "ambassador", "judge"),
        *("justice", "chairman", "chairwoman", "chair", "ceo", "former", "acting", "rev", "father", "pope"),
        *("jr", "sr", "ii", "iii", "iv", "a", "an", "the"),
    }
)


class DraftError(Exception):
    """A draft the pipeline could not process (the CLI reports it and exits 2)."""


# ---------------------------------------------------------------- words


@dataclass(frozen=True)
class Word:
    """One word of a text, normalised for comparison, with its place in the document."""

    norm: str
    start: int  # absolute offsets (document or draft)
    end: int
    piece: int = 0  # which source claim the word comes from (a quote told in parts)


def words(text: str, base: int = 0, piece: int = 0) -> list[Word]:
    """The words of ``text``; ``%`` counts as the word "percent" so 83% equals 83 percent."""
    found = []
    for match in _WORD.finditer(text):
        token = match.group()
        norm = "percent" if token == "%" else token.casefold().translate(_APOSTROPHES)
        found.append(Word(norm, base + match.start(), base + match.end(), piece))
    return found


def source_words(text: str, base: int = 0, piece: int = 0) -> list[Word]:
    """Words of a quote as printed, without the editor's bracketed insertions ("he [Kim] would")."""
    kept = []
    brackets = [m.span() for m in re.finditer(r"\[[^\]\n]{0,80}\]", text)]
    for word in words(text, base, piece):
        rel = word.start - base
        if not any(lo <= rel < hi for lo, hi in brackets):
            kept.append(word)
    return kept


def draft_parts(text: str, base: int = 0) -> tuple[list[list[Word]], list[str]]:
    """A draft quote cut at ellipses and bracketed insertions, which the source need not contain."""
    parts: list[list[Word]] = []
    notes: list[str] = []
    pos = 0
    for cut in _CUT.finditer(text):
        parts.append(words(text[pos : cut.start()], base + pos))
        if cut.group().startswith("["):
            notes.append(f"editorial insertion {cut.group()} not compared")
        pos = cut.end()
    parts.append(words(text[pos:], base + pos))
    return [part for part in parts if part], notes


# ---------------------------------------------------------------- speakers


def name_tokens(name: str | None) -> list[str]:
    """A name's tokens without titles, initials and possessives: "Mr. Robert R. King's" -> robert, king."""
    if not name:
        return []
    tokens = [w.norm for w in words(name)]
    tokens = [t[:-2] if t.endswith("'s") else t for t in tokens]
    return [t for t in tokens if t not in _TITLES and len(t) > 1]


def same_speaker(named: str | None, found: str | None) -> bool | None:
    """Whether two names are one person: surname match, or one name's words within the other's.

    None when either side has no name, because nothing can be said then.
    """
    a, b = name_tokens(named), name_tokens(found)
    if not a or not b:
        return None
    if a[-1] == b[-1]:
        return True
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return set(small) <= set(large)


def speaker_label(speaker: dict[str, Any] | None) -> str | None:
    """The name a reader sees: the resolved name, else the description ("a State Department spokesperson")."""
    if not speaker:
        return None
    return speaker.get("name") or speaker.get("description") or None


# ---------------------------------------------------------------- results


@dataclass
class CheckResult:
    """The verdict on one draft quote (or one draft sentence's figures) and the evidence for it."""

    kind: str  # "quote" | "figure"
    verdict: str
    text: str
    start: int
    end: int
    score: float = 0.0
    speaker_named: str | None = None
    speaker_found: str | None = None
    speaker_match: bool | None = None
    diff: list[dict[str, Any]] = field(default_factory=list)
    figures: list[dict[str, Any]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    citation: dict[str, Any] | None = None
    source_excerpt: dict[str, Any] | None = None

    @property
    def is_finding(self) -> bool:
        return self.verdict in FINDINGS

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "verdict": self.verdict,
            "text": self.text,
            "span": {"start": self.start, "end": self.end},
            "score": round(self.score, 1),
            "speaker_named": self.speaker_named,
            "speaker_found": self.speaker_found,
            "speaker_match": self.speaker_match,
            "diff": self.diff,
            "figures": self.figures,
            "notes": self.notes,
            "source_excerpt": self.source_excerpt,
            "citation": self.citation,
        }


@dataclass
class CheckReport:
    """All verdicts for one draft; ``text`` is kept for renderers that show the draft."""

    path: str
    text: str
    results: list[CheckResult] = field(default_factory=list)

    @property
    def has_findings(self) -> bool:
        return any(result.is_finding for result in self.results)

    @property
    def counts(self) -> dict[str, int]:
        counted = Counter(result.verdict for result in self.results)
        return {verdict: counted.get(verdict, 0) for verdict in VERDICTS}

    def to_json(self, include_text: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "path": self.path,
            "has_findings": self.has_findings,
            "counts": self.counts,
            "results": [result.to_json() for result in self.results],
        }
        if include_text:
            out["text"] = self.text
        return out


def exit_code(reports: Iterable[CheckReport]) -> int:
    """0 when every quote is verified, 1 when any result is a finding (usage errors, 2, are the CLI's)."""
    return 1 if any(report.has_findings for report in reports) else 0


def reports_json(reports: Sequence[CheckReport]) -> dict[str, Any]:
    """The ``check --json`` document: totals over all drafts, then each draft's report."""
    counts: Counter[str] = Counter()
    for report in reports:
        counts.update(report.counts)
    return {
        "has_findings": any(report.has_findings for report in reports),
        "counts": {verdict: counts.get(verdict, 0) for verdict in VERDICTS},
        "drafts": [report.to_json() for report in reports],
    }


def jsonl_records(reports: Iterable[CheckReport]) -> Iterator[dict[str, Any]]:
    """The ``check --jsonl`` records: one result per line, each naming its draft."""
    for report in reports:
        for result in report.results:
            yield {"path": report.path, **result.to_json()}


# ---------------------------------------------------------------- alignment


@dataclass
class _Candidate:
    """An indexed quote (or the parts of one quotation, joined) to compare a draft quote with."""

    claims: list[dict[str, Any]]
    words: list[Word]

    @property
    def primary(self) -> dict[str, Any]:
        return self.claims[0]


@dataclass
class _Alignment:
    exact: bool
    score: float
    windows: list[tuple[int, int]]  # source word range per draft part
    opcodes: list[list[tuple[str, int, int, int, int]]]  # per part, on (source window, draft part)


def _find_run(hay: Sequence[str], needle: Sequence[str], lo: int) -> int:
    n = len(needle)
    for i in range(lo, len(hay) - n + 1):
        if hay[i : i + n] == needle:
            return i
    return -1


def _contained(parts: list[list[str]], source: list[str]) -> list[tuple[int, int]] | None:
    """Where each part occurs, in order, as a run of source words (earliest fit); None if one does not."""
    spans, pos = [], 0
    for part in parts:
        at = _find_run(source, part, pos)
        if at < 0:
            return None
        spans.append((at, at + len(part)))
        pos = at + len(part)
    return spans


def _best_window(part: list[str], source: list[str], lo: int) -> tuple[int, int, float]:
    """The run of source words (from ``lo``) most like ``part``: lengths around the part's own."""
    n = len(source)
    if lo >= n:
        return lo, lo, 0.0
    slack = max(2, len(part) // 4)
    best = (lo, lo, -1.0)
    for length in range(max(1, len(part) - slack), min(n - lo, len(part) + slack) + 1):
        for i in range(lo, n - length + 1):
            sim = Indel.normalized_similarity(part, source[i : i + length])
            if sim > best[2] + 1e-9:
                best = (i, i + length, sim)
    return best


def align(parts: list[list[str]], source: list[str]) -> _Alignment:
    """Compare a draft quote's parts with a source's words: exact containment, else closest runs."""
    spans = _contained(parts, source)
    if spans is not None:
        opcodes = [[("equal", i, j, 0, j - i)] for i, j in spans]
        return _Alignment(True, 100.0, spans, opcodes)
    windows, pos = [], 0
    for part in parts:
        i, j, _ = _best_window(part, source, pos)
        windows.append((i, j))
        pos = max(pos, j)
    draft_all = [w for part in parts for w in part]
    source_all = [w for i, j in windows for w in source[i:j]]
    score = 100.0 * Indel.normalized_similarity(draft_all, source_all)
    opcodes = [
        SequenceMatcher(None, source[i:j], part, autojunk=False).get_opcodes()
        for part, (i, j) in zip(parts, windows, strict=True)
    ]
    return _Alignment(False, score, windows, opcodes)


# ---------------------------------------------------------------- the checker


def _claim_words(claim: dict[str, Any], piece: int, masked: bool = False) -> list[Word]:
    found = source_words(claim["text"], claim["span"]["start"], piece)
    if masked:
        found = _mask(found, claim.get("figures") or [])
    return found


def _mask(found: list[Word], figures: Iterable[Any]) -> list[Word]:
    """Replace the words of figures by one placeholder, so sentences align whatever their numbers."""
    spans = [(_get(f, "start"), _get(f, "end")) for f in figures]
    return [
        Word("#", w.start, w.end, w.piece) if any(lo <= w.start < hi for lo, hi in spans) else w
        for w in found
    ]


def _get(obj: Any, key: str) -> Any:
    return obj[key] if isinstance(obj, dict) else getattr(obj, key)


def _citations(store: Store, query: str, kind: str, limit: int) -> list[dict[str, Any]]:
    from claimcheck.search import find

    claims = []
    for hit in find(store, query, kind=kind, limit=limit):
        claim = hit["claim"] if isinstance(hit, dict) else hit.claim
        claims.append(claim)
    return claims


def _candidates(claims: list[dict[str, Any]], masked: bool = False) -> list[_Candidate]:
    """One candidate per indexed quote, plus one per quotation told in parts ("X," he said, "Y.")."""
    out = [_Candidate([c], _claim_words(c, 0, masked)) for c in claims]
    groups: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for claim in claims:
        if claim.get("group"):
            groups.setdefault((claim["source"]["doc_id"], claim["group"]), []).append(claim)
    for members in groups.values():
        if len(members) > 1:
            members = sorted(members, key=lambda c: c["span"]["start"])
            joined = [w for piece, c in enumerate(members) for w in _claim_words(c, piece, masked)]
            out.append(_Candidate(members, joined))
    return out


class _Text:
    """Slices of the texts a result quotes from: the draft and the candidate's claims."""

    def __init__(self, draft: str, candidate: _Candidate) -> None:
        self.draft = draft
        self.candidate = candidate

    def source(self, ws: Sequence[Word]) -> str:
        """Source words as printed (punctuation between them kept), joined with … across parts."""
        chunks = []
        for piece in sorted({w.piece for w in ws}):
            run = [w for w in ws if w.piece == piece]
            claim = self.candidate.claims[piece]
            base = claim["span"]["start"]
            chunks.append(claim["text"][run[0].start - base : run[-1].end - base])
        return " … ".join(chunks)

    def draft_slice(self, ws: Sequence[Word]) -> str:
        return self.draft[ws[0].start : ws[-1].end] if ws else ""


def _diff(text: _Text, parts: list[list[Word]], alignment: _Alignment) -> list[dict[str, Any]]:
    """Word-level differences, from the draft's side: what it replaced, added (insert) or dropped (delete)."""
    src = text.candidate.words
    ops = []
    for part, (wi, _wj), opcodes in zip(parts, alignment.windows, alignment.opcodes, strict=True):
        for tag, i1, i2, j1, j2 in opcodes:
            if tag == "equal":
                continue
            s_words, d_words = src[wi + i1 : wi + i2], part[j1:j2]
            if s_words:
                s_span = {"start": s_words[0].start, "end": s_words[-1].end}
            else:  # an insertion: the place in the source where the draft's words were added
                at = src[wi + i1 - 1].end if wi + i1 > 0 else (src[0].start if src else 0)
                s_span = {"start": at, "end": at}
            if d_words:
                d_span = {"start": d_words[0].start, "end": d_words[-1].end}
            else:
                at = part[j1 - 1].end if j1 > 0 else part[0].start
                d_span = {"start": at, "end": at}
            ops.append(
                {
                    "op": {"replace": "replace", "insert": "insert", "delete": "delete"}[tag],
                    "draft": text.draft_slice(d_words),
                    "source": text.source(s_words) if s_words else "",
                    "draft_span": d_span,
                    "source_span": s_span,
                }
            )
    return ops


def _excerpt(text: _Text, alignment: _Alignment) -> dict[str, Any] | None:
    """The source words the draft quote was matched with (cut words included), with document offsets."""
    spans = [(i, j) for i, j in alignment.windows if j > i]
    if not spans:
        return None
    run = text.candidate.words[spans[0][0] : spans[-1][1]]
    return {"text": text.source(run), "start": run[0].start, "end": run[-1].end}


class Checker:
    """Checks drafts against one index; holds the search settings so a CLI run reuses them."""

    def __init__(self, store: Store, *, min_score: float = DEFAULT_MIN_SCORE) -> None:
        self.store = store
        self.min_score = min_score

    # -- quotes

    def check_quote(self, text: str, claim: Claim) -> CheckResult | None:
        parts, notes = draft_parts(claim.text, claim.start)
        if not parts:
            return None
        named = (claim.speaker.name or claim.speaker.description) if claim.speaker else None
        result = CheckResult("quote", UNSOURCED, claim.text, claim.start, claim.end, speaker_named=named)
        result.notes.extend(notes)
        if named is None:
            result.notes.append(NOTE_NO_SPEAKER)
        query = " ".join(w.norm for part in parts for w in part)
        claims = _citations(self.store, query, "quote", QUOTE_CANDIDATES)
        norms = [[w.norm for w in part] for part in parts]
        scored = []
        reporters: dict[str, str | None] = {}
        for candidate in _candidates(claims):
            if not candidate.words:
                continue
            alignment = align(norms, [w.norm for w in candidate.words])
            found = speaker_label(candidate.primary.get("speaker"))
            match = same_speaker(named, found)
            if match is False:
                key = candidate.primary["id"]
                if key not in reporters:
                    reporters[key] = self._enclosing_speaker(candidate.primary, named)
                if reporters[key] is not None:
                    match = True
            scored.append((candidate, alignment, found, match))
        if not scored:
            return result

        exact = [s for s in scored if s[1].exact]
        if exact:
            # Prefer the printing by the person the draft names; then one whose speaker is unknown.
            rank = {True: 0, None: 1, False: 2}
            candidate, alignment, found, match = min(exact, key=lambda s: (rank[s[3]], len(s[0].claims)))
            if named is not None and match is False:
                result.verdict = MISATTRIBUTED
                result.notes.append(f"the source attributes these words to {found}")
                if sum(len(part) for part in parts) < SHORT_QUOTE_WORDS:
                    result.notes.append("a short phrase: others may have said it too")
            else:
                result.verdict = VERIFIED
                if named is not None and found is None:
                    result.notes.append(NOTE_SOURCE_NO_SPEAKER)
        else:
            candidate, alignment, found, match = max(
                scored, key=lambda s: (round(s[1].score, 1), s[3] is True, -len(s[0].claims))
            )
            if alignment.score < self.min_score:
                result.score = alignment.score
                return result
            result.verdict = ALTERED
            if named is not None and match is False:
                result.notes.append(f"the closest source attributes these words to {found}")
        enclosing = reporters.get(candidate.primary["id"])
        if enclosing is not None:
            result.notes.append(f"the source credits these words to {found}, inside a claim of {enclosing}")
            found = enclosing
        basis = (candidate.primary.get("speaker") or {}).get("basis")
        if enclosing is None and found is not None and basis in INFERRED_BASES:
            # the verdict on the speaker rests on an inference the index made, not on a cue by the words
            result.notes.append(f"the source's speaker, {found}, is inferred ({INFERRED_BASES[basis]}), "
                                "not named by a cue beside the words: confirm it in the article")
        texts = _Text(text, candidate)
        result.score = alignment.score
        result.speaker_found = found
        result.speaker_match = match
        result.citation = candidate.primary
        result.diff = [] if alignment.exact else _diff(texts, parts, alignment)
        result.source_excerpt = _excerpt(texts, alignment)
        if len(candidate.claims) > 1:
            result.notes.append(
                f"the source prints these words in {len(candidate.claims)} parts of one quotation"
            )
        return result

    def _enclosing_speaker(self, quote: dict[str, Any], named: str | None) -> str | None:
        """The speaker the draft names, when a claim of theirs in the same article holds the quote.

        News nests reports: in "Kim called him a “dotard,” state media reported" the quote is
        credited to the outlet, and Kim's claim holds it; a draft quoting Kim is right. The same holds
        the other way round (a quote credited to Kim inside the outlet's report).
        """
        source, span = quote.get("source") or {}, quote.get("span") or {}
        if named is None or "doc_id" not in source or "start" not in span:
            return None
        for claim in self.store.claims_around(source["doc_id"], span["start"], span["end"]):
            label = speaker_label(claim.get("speaker"))
            if claim.get("id") != quote.get("id") and same_speaker(named, label):
                return label
        return None

    # -- figures

    def check_figures(
        self, text: str, claim: Claim, quote_spans: list[tuple[int, int]]
    ) -> CheckResult | None:
        """Compare the figures of a draft sentence with the sentence of the archive it restates.

        Figures inside quotes are left to the quote's own diff; a sentence nothing in the index
        resembles is not reported (a draft's own figures are not findings).
        """
        figures = [
            f for f in claim.figures if not any(lo <= f.start and f.end <= hi for lo, hi in quote_spans)
        ]
        if not figures:
            return None
        draft_words = _mask(words(claim.text, claim.start), claim.figures)
        if sum(w.norm != "#" for w in draft_words) < MIN_FIGURE_CONTEXT:
            return None
        query = " ".join(w.norm for w in draft_words if w.norm != "#")
        claims = _citations(self.store, query, "figure", FIGURE_CANDIDATES)
        best = None
        norms = [w.norm for w in draft_words]
        for candidate in _candidates(claims, masked=True)[: len(claims)]:  # figure claims come whole
            alignment = align([norms], [w.norm for w in candidate.words])
            shared = sum(i2 - i1 for tag, i1, i2, _, _ in alignment.opcodes[0] if tag == "equal") - sum(
                1 for w in draft_words if w.norm == "#"
            )
            if alignment.score < max(self.min_score, FIGURE_MIN_SCORE) or shared < MIN_FIGURE_CONTEXT:
                continue
            if best is None or alignment.score > best[1].score:
                best = (candidate, alignment)
        if best is None:
            return None
        candidate, alignment = best
        pairs = _pair_figures(draft_words, figures, candidate, alignment)
        checked = [p for p in pairs if p["source"] is not None]
        if not checked:
            return None
        source_claim = candidate.primary
        result = CheckResult(
            "figure",
            FIGURE_MISMATCH if any(not p["match"] for p in checked) else VERIFIED,
            claim.text,
            claim.start,
            claim.end,
            score=alignment.score,
            speaker_named=claim.speaker.name if claim.speaker else None,
            speaker_found=speaker_label(source_claim.get("speaker")),
            figures=pairs,
            citation=source_claim,
            source_excerpt=_excerpt(_Text(text, candidate), alignment),
        )
        result.speaker_match = same_speaker(result.speaker_named, result.speaker_found)
        for pair in checked:
            if not pair["match"]:
                d, s = pair["draft"], pair["source"]
                result.diff.append(
                    {
                        "op": "replace",
                        "draft": d["text"],
                        "source": s["text"],
                        "draft_span": {"start": d["start"], "end": d["end"]},
                        "source_span": {"start": s["start"], "end": s["end"]},
                    }
                )
                result.notes.append(f"draft says {d['text']} where the source says {s['text']}")
        return result

    # -- a whole draft

    def check_claims(self, text: str, claims: Sequence[Claim], path: str = "-") -> CheckReport:
        """Verdicts for the quotes and figure sentences the pipeline found in a draft."""
        report = CheckReport(path=path, text=text)
        quotes = [c for c in claims if c.kind == "quote"]
        spans = [(c.start, c.end) for c in quotes]
        for claim in quotes:
            result = self.check_quote(text, claim)
            if result is not None:
                report.results.append(result)
        for claim in claims:
            if claim.kind == "figure":
                result = self.check_figures(text, claim, spans)
                if result is not None:
                    report.results.append(result)
        report.results.sort(key=lambda r: (r.start, r.end, r.kind))
        return report


def _pair_figures(
    draft_words: list[Word], figures: list[Any], candidate: _Candidate, alignment: _Alignment
) -> list[dict[str, Any]]:
    """Each draft figure with the source figure standing in the same place of the aligned sentence."""
    wi, _ = alignment.windows[0]
    where: dict[int, int] = {}  # draft word index -> source word index
    for tag, i1, i2, j1, j2 in alignment.opcodes[0]:
        if tag in ("equal", "replace"):
            for k in range(min(i2 - i1, j2 - j1)):
                where[j1 + k] = wi + i1 + k
    source_figures = candidate.primary.get("figures") or []
    pairs = []
    for figure in figures:
        index = next((k for k, w in enumerate(draft_words) if figure.start <= w.start < figure.end), None)
        source = None
        if index is not None and index in where:
            at = candidate.words[where[index]].start
            source = next((s for s in source_figures if s["start"] <= at < s["end"]), None)
        draft = {
            "text": figure.text,
            "value": figure.value,
            "unit": figure.unit,
            "start": figure.start,
            "end": figure.end,
        }
        pairs.append(
            {
                "draft": draft,
                "source": source,
                "match": None if source is None else _same_figure(draft, source),
            }
        )
    return pairs


def _same_figure(a: dict[str, Any], b: dict[str, Any]) -> bool:
    if a.get("value") is not None and b.get("value") is not None:
        same_value = abs(float(a["value"]) - float(b["value"])) < 1e-9
        return same_value and (a.get("unit") == b.get("unit") or None in (a.get("unit"), b.get("unit")))
    return [w.norm for w in words(a["text"])] == [w.norm for w in words(b["text"])]


# ---------------------------------------------------------------- entry points


def draft_document(text: str, path: str = "-") -> Document:
    """A draft as a :class:`Document`, so it runs through exactly the pipeline ``extract`` uses."""
    from claimcheck.documents import Document

    sha = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    doc_id = hashlib.sha256(f"{path}#".encode()).hexdigest()[:16]
    return Document(text=text, path=path, key="", doc_id=doc_id, sha256=sha)


def draft_claims(document: Document, nlp: Language) -> list[Claim]:
    """The draft's quotes (with the speakers it names) and figure sentences, as ``extract`` finds them."""
    from claimcheck.pipeline import annotate_batch

    (annotated,) = annotate_batch(nlp, [document])
    if annotated.error:
        raise DraftError(f"{document.path}: {annotated.error}")
    return annotated.claims


def check_document(
    document: Document, store: Store, nlp: Language, *, min_score: float = DEFAULT_MIN_SCORE
) -> CheckReport:
    """Check one draft read by :mod:`claimcheck.documents` (txt, md, html, stdin)."""
    claims = draft_claims(document, nlp)
    return Checker(store, min_score=min_score).check_claims(document.text, claims, path=document.path)


def check_text(
    text: str, store: Store, nlp: Language, *, path: str = "-", min_score: float = DEFAULT_MIN_SCORE
) -> CheckReport:
    """Check a draft given as text: every quote gets a verdict, every restated figure a comparison."""
    return check_document(draft_document(text, path), store, nlp, min_score=min_score)
