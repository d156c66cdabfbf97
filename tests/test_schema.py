"""The published claim schema: it accepts what Claim.to_json() produces and rejects broken claims."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck import claims as claims_mod
from claimcheck.claims import Claim, DateRef, FigureRef, Mention, Source, Speaker
from claimcheck.validation import is_valid_claim, load_schema, schema_id, validate_claim

SCHEMA_FILE = Path(__file__).resolve().parents[1] / "src" / "claimcheck" / "schema" / "claim.schema.json"
TEXT = "“We will not back down,” Robert King said on Monday, adding that 83% of members agreed in June 2018."


def _source(**kw: Any) -> Source:
    base = {"doc_id": "0123456789abcdef", "path": "corpus/king.txt", "title": "Strike vote",
            "outlet": "The Daily", "author": None, "published": "2018-06-12", "url": "https://example.org/king"}
    base.update(kw)
    return Source(**base)


def _mention(words: str) -> Mention:
    return Mention(words, TEXT.index(words), TEXT.index(words) + len(words))


def _date(words: str, value: str | None) -> DateRef:
    return DateRef(words, value, TEXT.index(words), TEXT.index(words) + len(words))


def quote_claim() -> Claim:
    start, end = 1, TEXT.index(",”")
    return Claim(
        kind="quote", text=TEXT[start:end], start=start, end=end, source=_source(),
        sentence=TEXT, sentence_start=0, sentence_end=len(TEXT),
        speaker=Speaker("Robert King", _mention("Robert King"), "union leader"),
        cue=_mention("said"), group="g0",
        dates=[_date("Monday", "2018-06-11"), _date("June 2018", "2018-06")],
        figures=[FigureRef("83%", 83, "percent", TEXT.index("83%"), TEXT.index("83%") + 3)],
        prefix="", suffix=TEXT[end : end + 32],
    )


def figure_claim() -> Claim:
    """No speaker, no cue, a float figure and a date the text does not fix."""
    text = "Turnout fell to 41.5% last spring."
    return Claim(kind="figure", text=text, start=10, end=10 + len(text), source=_source(title=None, url=None),
                 sentence=text, sentence_start=10, sentence_end=10 + len(text),
                 dates=[DateRef("last spring", None, 32, 43)],
                 figures=[FigureRef("41.5%", 41.5, "percent", 26, 31)])


def paraphrase_claim() -> Claim:
    return Claim(kind="paraphrase", text="the talks had failed", start=200, end=220, source=_source(),
                 sentence="A State Department spokesperson said the talks had failed.", sentence_start=164,
                 sentence_end=222,
                 speaker=Speaker(None, Mention("A State Department spokesperson", 164, 195), "State Dept."),
                 cue=Mention("said", 196, 200), prefix="spokesperson said ", suffix=".")


HAND_BUILT = [quote_claim, figure_claim, paraphrase_claim]


@pytest.fixture(scope="module")
def validator() -> jsonschema.protocols.Validator:
    schema = load_schema()
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def test_schema_is_draft_2020_12_and_versioned() -> None:
    schema = load_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert jsonschema.validators.validator_for(schema) is jsonschema.Draft202012Validator
    assert schema_id().endswith(":" + claims_mod.SCHEMA_VERSION)
    # the packaged resource is the file in the repository
    assert json.loads(SCHEMA_FILE.read_text(encoding="utf-8")) == schema


def test_schema_describes_every_field_of_to_json() -> None:
    """Drift guard: a field added to Claim.to_json() must be added to the schema too."""
    schema = load_schema()
    produced = quote_claim().to_json()
    assert set(schema["properties"]) == set(produced) == set(schema["required"])
    for name in ("speaker", "selector", "source"):
        assert set(schema["properties"][name]["properties"]) == set(produced[name])
    defs = schema["$defs"]
    assert set(defs["span"]["properties"]) == set(produced["span"])
    assert set(defs["mention_or_null"]["properties"]) == set(produced["cue"])
    assert set(defs["date"]["properties"]) == set(produced["dates"][0])
    assert set(defs["figure"]["properties"]) == set(produced["figures"][0])


@pytest.mark.parametrize("make", HAND_BUILT, ids=lambda f: f.__name__)
def test_to_json_output_is_valid(make, validator) -> None:
    record = make().to_json()
    validator.validate(record)
    validate_claim(record)
    validate_claim(json.loads(json.dumps(record)))  # and after a trip through JSON text


def test_the_schema_names_every_speaker_basis() -> None:
    """Drift guard: the bases the components give are the ones the schema lists."""
    enum = load_schema()["properties"]["speaker"]["properties"]["basis"]["enum"]
    assert enum == [None, *claims_mod.SPEAKER_BASES]


def test_a_claim_from_an_index_of_schema_1_0_is_still_valid(validator) -> None:
    """1.1 added speaker.basis as optional data: claims stored before it read back unchanged."""
    record = quote_claim().to_json()
    assert record["speaker"]["basis"] is None and record["schema_version"] == claims_mod.SCHEMA_VERSION
    del record["speaker"]["basis"]
    record["schema_version"] = "1.0"
    validator.validate(record)
    validate_claim(record)


def _set(path: str, value: Any):
    def mutate(record: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        node: Any = record
        for p in parents:
            node = node[int(p)] if isinstance(node, list) else node[p]
        if value is _DELETE:
            del node[last]
        else:
            node[int(last) if isinstance(node, list) else last] = value
    return mutate


_DELETE = object()

# (mutation, path the error must name): rejected by the JSON Schema itself, in both validators.
SCHEMA_BREAKS = [
    (_set("id", _DELETE), "(claim)"),
    (_set("kind", "tweet"), "kind"),
    (_set("text", ""), "text"),
    (_set("text", None), "text"),
    (_set("span.start", -1), "span.start"),
    (_set("span.end", "12"), "span.end"),
    (_set("span.start", True), "span.start"),
    (_set("span", {"start": 1}), "span"),
    (_set("speaker", None), "speaker"),
    (_set("speaker.name", 7), "speaker.name"),
    (_set("speaker.mention", {"text": "he", "start": 3}), "speaker.mention"),
    (_set("speaker.basis", "hunch"), "speaker.basis"),
    (_set("cue.start", -5), "cue.start"),
    (_set("schema_version", "2.0"), "schema_version"),
    (_set("id", "not-a-hash"), "id"),
    (_set("selector.type", "TextPositionSelector"), "selector.type"),
    (_set("dates.0.value", "June"), "dates.0.value"),
    (_set("figures.0.value", "83"), "figures.0.value"),
    (_set("figures.0.end", 1.5), "figures.0.end"),
    (_set("source.path", _DELETE), "source"),
    (_set("source.doc_id", None), "source.doc_id"),
    (_set("sentence_span.end", None), "sentence_span.end"),
    (_set("surprise", 1), "(claim)"),
    (_set("dates", None), "dates"),
]


@pytest.mark.parametrize(("mutate", "where"), SCHEMA_BREAKS)
def test_broken_claims_are_rejected(mutate, where, validator) -> None:
    record = quote_claim().to_json()
    mutate(record)
    errors = list(validator.iter_errors(record))
    assert errors, "jsonschema accepted a broken claim"
    with pytest.raises(ValueError) as info:
        validate_claim(record)
    assert str(info.value).startswith(where + ":"), str(info.value)


# Rules JSON Schema cannot state; only validate_claim checks them.
SEMANTIC_BREAKS = [
    (_set("span.start", 3.0), "span.start: must be an integer"),
    (_set("span", {"start": 20, "end": 10}), "span: end (10) is before start (20)"),
    (_set("selector.exact", "something else"), "selector.exact"),
    (_set("text", "We will not"), "selector.exact"),
    (_set("source.doc_id", "ffffffffffffffff"), "id:"),
]


@pytest.mark.parametrize(("mutate", "message"), SEMANTIC_BREAKS)
def test_semantic_rules(mutate, message) -> None:
    record = quote_claim().to_json()
    mutate(record)
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        validate_claim(record)
    assert not is_valid_claim(record)


@pytest.mark.parametrize("value", [None, [], "claim", 3])
def test_non_objects_are_rejected(value) -> None:
    with pytest.raises(ValueError, match="JSON object"):
        validate_claim(value)


def test_validation_does_not_mutate_or_fill_defaults() -> None:
    record = quote_claim().to_json()
    before = copy.deepcopy(record)
    validate_claim(record)
    assert record == before


_offsets = st.integers(min_value=0, max_value=10**7)
_opt_text = st.none() | st.text(max_size=20)


@st.composite
def claims(draw) -> Claim:
    start = draw(_offsets)
    text = draw(st.text(min_size=1, max_size=60))
    mention = st.builds(Mention, text=st.text(max_size=15), start=_offsets, end=_offsets)
    return Claim(
        kind=draw(st.sampled_from(claims_mod.CLAIM_KINDS)), text=text, start=start, end=start + len(text),
        source=draw(st.builds(Source, doc_id=st.text(min_size=1, max_size=16),
                              path=st.text(min_size=1, max_size=30), title=_opt_text, outlet=_opt_text,
                              author=_opt_text, published=_opt_text, url=_opt_text)),
        sentence=draw(st.text(max_size=80)), sentence_start=start, sentence_end=start + len(text),
        speaker=draw(st.none() | st.builds(Speaker, name=st.none() | st.text(min_size=1, max_size=20),
                                           mention=st.none() | mention, description=_opt_text)),
        cue=draw(st.none() | mention), group=draw(st.none() | st.text(max_size=5)),
        dates=draw(st.lists(st.builds(DateRef, text=st.text(min_size=1, max_size=10),
                                      value=st.none() | st.from_regex(r"\A[0-9]{4}(-[0-9]{2}){0,2}\Z"),
                                      start=_offsets, end=_offsets), max_size=3)),
        figures=draw(st.lists(st.builds(FigureRef, text=st.text(min_size=1, max_size=10),
                                        value=st.none() | st.integers() | st.floats(allow_nan=False,
                                                                                   allow_infinity=False),
                                        unit=st.none() | st.sampled_from(["percent", "count", "money"]),
                                        start=_offsets, end=_offsets), max_size=3)),
        prefix=draw(st.text(max_size=32)), suffix=draw(st.text(max_size=32)),
    )


@settings(max_examples=150, deadline=None)
@given(claims())
def test_any_well_formed_claim_passes_the_schema(claim: Claim) -> None:
    record = claim.to_json()
    jsonschema.Draft202012Validator(load_schema()).validate(record)
    # the extra semantic rules only add span order: mentions/dates drawn above may be reversed
    try:
        validate_claim(record)
    except ValueError as exc:
        assert "is before start" in str(exc)
