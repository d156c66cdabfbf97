"""Property-based tests: whatever text comes in, the components never raise and every
offset they give slices the document exactly. Plus long texts cut into pieces."""

from __future__ import annotations

import hashlib
import itertools

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from claimcheck import pipeline
from claimcheck.assemble import claims_from_doc
from claimcheck.components.quote_style import primary_view
from claimcheck.documents import make_document

PIECES = [
    "“", "”", '"', "''", "‘", "’", "'", "—", "–", ": ", ", ", ". ", "\n", "\n\n", "\r\n", " ",
    "said", "says", "told reporters", "according to", "he", "she", "they", "It’s", "’90s",
    "Maria Lopez", "Lopez", "Mr. Burman", "President Donald Trump", "the spokesperson",
    "83%", "$1.5 million", "three", "2004", "June", "last week", "(", ")", "…", "🙂", "\u200f",
    "Sifton", "adding", "who replaced him", "We will win", "not", "never", "Ji", "ا", "ß",
]

_MARKS = set("\u201c\u201d\u2018\u2019'\"")
texts = st.lists(st.sampled_from(PIECES) | st.text(max_size=8), min_size=0, max_size=60).map("".join)

SETTINGS = settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _check_offsets(text: str, records: list[dict], *keys: str) -> None:
    for record in records:
        assert 0 <= record["start"] <= record["end"] <= len(text), record
        if "text" in record:
            assert text[record["start"] : record["end"]] == record["text"], record
        for key in keys:
            inner = record.get(key)
            if isinstance(inner, dict) and "start" in inner:
                assert text[inner["start"] : inner["end"]] == inner["text"], record


@SETTINGS
@given(text=texts)
@example(text='told reporters"A')  # a title-looking quote whose mark is glued inside the last token
def test_components_never_raise_and_offsets_slice(nlp, text):
    doc = nlp(text)
    view = primary_view(text)  # the Doc reads single-mark copy with the marks traded, offset for offset
    assert doc.text == view and len(view) == len(text)
    for quote in doc._.quotes or []:
        assert 0 <= quote["start"] <= quote["end"] <= len(text)
    for attribution in doc._.attributions or []:
        assert 0 <= attribution["start"] <= attribution["end"] <= len(text)
        _check_offsets(view, [attribution["cue"]] if attribution.get("cue") else [])
        speaker = attribution.get("speaker") or {}
        if speaker.get("mention"):
            _check_offsets(view, [speaker["mention"]])
    _check_offsets(view, doc._.figures or [])
    _check_offsets(view, doc._.dates or [])


@SETTINGS
@given(text=texts)
def test_the_primary_mark_view_changes_quotation_marks_only(text):
    view = primary_view(text)
    assert len(view) == len(text)
    assert all(a == b or (a in _MARKS and b in _MARKS) for a, b in zip(text, view, strict=True))


@SETTINGS
@given(text=texts)
def test_claims_slice_the_document(nlp, text):
    document = make_document(text, "/virtual/doc.txt")
    for claim in claims_from_doc(nlp(document.text), document):
        data = claim.to_json()
        assert document.text[claim.start : claim.end] == claim.text
        assert claim.text and claim.text == claim.text.strip()
        assert document.text[claim.sentence_start : claim.sentence_end] == claim.sentence
        assert claim.sentence_start <= claim.start <= claim.end <= claim.sentence_end
        assert data["selector"]["exact"] == claim.text


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=3000), limit=st.integers(min_value=20, max_value=500))
def test_chunk_bounds_cover_the_text_exactly(text, limit):
    bounds = pipeline.chunk_bounds(text, limit)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    for (_, end), (start, _) in itertools.pairwise(bounds):
        assert end == start
    assert all(end - start <= limit for start, end in bounds)


def test_long_document_is_processed_in_pieces_with_exact_offsets(nlp, monkeypatch):
    paragraph = (
        "“The bridge will reopen in June 2021,” said Maria Lopez, the city engineer. "
        "She added that repairs cost $4.5 million, 12% over budget.\n\n"
    )
    text = "".join(paragraph.replace("bridge", f"bridge {n}") for n in range(60))
    monkeypatch.setattr(pipeline, "CHUNK_CHARS", 1500)
    document = make_document(text, "/virtual/long.txt")
    assert len(pipeline.chunk_bounds(text, pipeline.CHUNK_CHARS)) > 5
    [result] = pipeline.annotate_batch(nlp, [document])
    assert result.error is None
    quotes = [c for c in result.claims if c.kind == "quote"]
    assert len(quotes) == 60
    for claim in result.claims:
        assert text[claim.start : claim.end] == claim.text
        for figure in claim.figures:
            assert text[figure.start : figure.end] == figure.text
    assert {c.speaker.name for c in quotes if c.speaker} == {"Maria Lopez"}
    assert len({c.id for c in result.claims}) == len(result.claims)
    assert hashlib.sha256(text.encode()).hexdigest() == document.sha256
