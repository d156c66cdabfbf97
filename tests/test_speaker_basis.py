"""How a speaker was found (``speaker.basis``): set by the components, kept in the index, shown by
``find`` and read by ``check``, which warns when a verdict rests on an inferred speaker."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from attribution_helpers import quote_of, quotes, speaker
from claimcheck.claims import INFERRED_BASES, SPEAKER_BASES
from claimcheck.cli import app


@pytest.mark.parametrize(("text", "words", "name", "basis"), [
    pytest.param("\u201cWe will win,\u201d said Ana Ruiz.", "We will win", "Ana Ruiz", "cue", id="cue"),
    pytest.param("\u201cWe will win,\u201d said Ana Ruiz. \u201cIt is over.\u201d", "It is over",
                 "Ana Ruiz", "quotation", id="quotation"),
    pytest.param("The mayor spoke on Monday. \u201cWe will rebuild the bridge,\u201d Ana Ruiz said.\n\n"
                 "\u201cIt will take two years.\u201d", "two years", "Ana Ruiz", "previous_quote",
                 id="previous-quote"),
    pytest.param("\u201cIt is over.\u201d \u201cWe will win the next one,\u201d said Ana Ruiz.", "It is over",
                 "Ana Ruiz", "next_quote", id="next-quote"),
    pytest.param("\u201cWe will rebuild it.\u201d \u2014 Ana Ruiz", "rebuild it", "Ana Ruiz", "dash",
                 id="dash"),
    pytest.param("Ana Ruiz had one answer: \u201cWe will rebuild it.\u201d", "rebuild it", "Ana Ruiz",
                 "frame", id="frame"),
    pytest.param("Ana Ruiz spoke to reporters on Monday about the bridge. \u201cWe will rebuild it and it "
                 "will be better than before.\u201d", "better than before", "Ana Ruiz", "previous_sentence",
                 id="previous-sentence"),
    pytest.param("Ana Ruiz remains the one who will \u201crebuild the bridge before winter.\u201d",
                 "before winter", "Ana Ruiz", "clause", id="clause"),
    pytest.param("\u201cRUIZ: We will rebuild it.\u201d", "rebuild it", "Ruiz", "label", id="label"),
])
def test_each_speaker_says_how_it_was_found(nlp, text, words, name, basis):
    a = quote_of(nlp(text), words)
    assert speaker(a) == name
    assert a["speaker"]["basis"] == basis


def test_a_carried_speaker_is_a_copy_with_its_own_basis(nlp):
    doc = nlp("\u201cWe will win,\u201d said Ana Ruiz. \u201cIt is over.\u201d")
    first, second = quotes(doc)
    assert first["speaker"]["basis"] == "cue" and second["speaker"]["basis"] == "quotation"
    assert first["speaker"] is not second["speaker"]


def test_a_speaker_inferred_for_one_quote_passes_on_as_inferred(nlp):
    # the sentence before gives the first quote its speaker; the quote after it shares it, and stays
    # marked as inferred (not as "the quote before", which is right more often)
    doc = nlp("Ana Ruiz spoke to reporters on Monday about the old bridge.\n\n\u201cWe will rebuild it and "
              "it will be better than before.\u201d \u201cIt will take two years.\u201d")
    first, second = quotes(doc)
    assert speaker(first) == speaker(second) == "Ana Ruiz"
    assert first["speaker"]["basis"] == second["speaker"]["basis"] == "previous_sentence"


def test_every_basis_is_one_the_schema_names(nlp, corpus_claims):
    schema_bases = set(SPEAKER_BASES)
    assert set(INFERRED_BASES) <= schema_bases
    seen = {c["speaker"]["basis"] for c in corpus_claims if c["speaker"]["name"] or c["speaker"]["mention"]}
    assert seen and seen <= schema_bases
    # a paraphrase or a figure statement names its source with a cue in its sentence
    assert {c["speaker"]["basis"] for c in corpus_claims
            if c["kind"] != "quote" and c["speaker"]["name"]} <= {"cue", "label"}
    assert all(c["speaker"]["basis"] is None for c in corpus_claims
               if not (c["speaker"]["name"] or c["speaker"]["mention"]))


def test_find_shows_the_basis_and_check_warns_when_it_is_inferred(tmp_path):
    runner = CliRunner()
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "bridge.txt").write_text(
        "Bridge to reopen\n\nAna Ruiz spoke to reporters on Monday about the old bridge. \u201cWe "
        "will rebuild it and it will be better than it was before the flood.\u201d\n\n\u201cThe levy is "
        "fair,\u201d said Tom Bell, who chairs the council.\n", encoding="utf-8")
    index = str(tmp_path / "index.db")
    assert runner.invoke(app, ["extract", str(corpus), "--index", index, "--json"]).exit_code == 0
    found = json.loads(runner.invoke(app, ["find", "better than it was before the flood", "--index", index,
                                           "--json"]).stdout)
    claim = found["citations"][0]["claim"]
    assert claim["speaker"]["name"] == "Ana Ruiz" and claim["speaker"]["basis"] == "previous_sentence"

    draft = ("Ana Ruiz said: \u201cWe will rebuild it and it will be better than it was before the "
             "flood.\u201d Tom Bell said: \u201cThe levy is fair.\u201d")
    result = runner.invoke(app, ["check", "-", "--index", index, "--json"], input=draft)
    (report,) = json.loads(result.stdout)["drafts"]
    by_text = {r["text"]: r for r in report["results"] if r["kind"] == "quote"}
    inferred = next(r for t, r in by_text.items() if "before the flood" in t)
    assert inferred["verdict"] == "verified" and inferred["speaker_match"] is True
    assert any("is inferred (read from the sentence before)" in note for note in inferred["notes"])
    cued = next(r for t, r in by_text.items() if "levy is fair" in t)
    assert cued["verdict"] == "verified"
    assert not any("inferred" in note for note in cued["notes"])
