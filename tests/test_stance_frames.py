"""Stances held through a copula (``components/stances.py``): each derived shape on a sentence written
for these tests, the lexicon fields that hold the shapes, and how ``derive_cues.py`` selects them."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from attribution_helpers import content, mention, paraphrases, reported, speaker
from claimcheck.components.lexicon import load_lexicon

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))


def test_lexicon_has_stance_shapes():
    lex = load_lexicon()
    assert lex.adj_frames and lex.copular_frames, "derive_cues.py writes adj_frames and copular_frames"
    assert all(":" in f for shapes in lex.adj_frames.values() for f in shapes)
    assert "*" in lex.adj_frames, "shapes pooled over rarely seen adjectives"
    assert len(lex.word_hashes["adj_frames"]) and len(lex.word_hashes["copular_frames"])


@pytest.mark.parametrize(("text", "cue", "words", "who"), [
    pytest.param("Ann Ruiz was adamant that the council should delay the vote.", "adamant",
                 "the council should delay the vote", "Ann Ruiz", id="clause the parse hung on the copula"),
    pytest.param("Tom Kim is passionate about public transit in rural towns.", "passionate",
                 "public transit in rural towns", "Tom Kim", id="pooled shape with about"),
    pytest.param("The union leaders remain leery of the new pension plan.", "leery",
                 "the new pension plan", "The union leaders", id="pooled shape with of"),
    pytest.param("Ann Ruiz is eager to meet the new governor.", "eager",
                 "to meet the new governor", "Ann Ruiz", id="infinitive"),
    pytest.param("Ann Ruiz is familiar with the details of the lawsuit.", "familiar",
                 "the details of the lawsuit", "Ann Ruiz", id="word's own shape with with"),
    pytest.param("Tom Kim has been vocal in his opposition to the casino.", "vocal",
                 "his opposition to the casino", "Tom Kim", id="word's own shape with in"),
    pytest.param("Ann Ruiz is devoted to protecting the river.", "devoted",
                 "protecting the river", "Ann Ruiz", id="word's own shape with to"),
    pytest.param("The problem is that the bridge needs repairs.", "problem",
                 "the bridge needs repairs", None, id="noun with no owner"),
    pytest.param("Her answer was that the city could not afford a new stadium.", "answer",
                 "the city could not afford a new stadium", "Her", id="owned noun, pooled shape"),
])
def test_stance_reports_for_its_holder(nlp, text, cue, words, who):
    """A predicate adjective reports for the copula's subject; a copular noun for its owner, or nobody."""
    doc = nlp(text)
    a = reported(doc, cue)
    assert content(doc, a) == words
    assert mention(a) == who
    assert who is not None or speaker(a) is None


def test_expletive_it_with_an_infinitive_is_held_by_nobody_named(nlp):
    doc = nlp("It is worth noting that the tax was cut twice.")
    a = reported(doc, "worth")
    assert content(doc, a) == "noting that the tax was cut twice"
    assert a["speaker"] is None


def test_expletive_it_is_no_holder_of_a_pooled_shape(nlp):
    doc = nlp("It was clear that the plan had failed.")
    assert not [a for a in paraphrases(doc) if a["cue"]["text"] == "clear"]


def test_a_stance_inside_reported_content_is_left_to_the_report(nlp):
    doc = nlp("Ann Ruiz said she was wary of the deal.")
    assert not [a for a in paraphrases(doc) if a["cue"]["text"] == "wary"]
    assert content(doc, reported(doc, "said")) == "she was wary of the deal"


def test_stance_shapes_are_selected_per_word_with_a_pooled_fallback():
    from derive_cues import select_stance_frames

    counts = {
        "keen subj:xcomp": [10, 8],  # judged alone: kept
        "likely subj:xcomp": [10, 1],  # judged alone: dropped, rare shapes pooled
        "likely subj:ccomp": [1, 1],
        "adamant subj:ccomp": [2, 2],
        "glum subj:ccomp": [2, 1],
        "glum subj:prep_in": [2, 0],
    }
    frames = select_stance_frames(counts, min_uses=3, min_ratio=0.5, min_pooled=4)
    assert frames["*"] == ["subj:ccomp"]  # 4 of 5 rare uses match
    assert frames["keen"] == ["subj:xcomp", "subj:ccomp"]
    assert "likely" not in frames and "adamant" not in frames  # the fallback covers them as it is
