"""Reported speech: routes from a cue verb to what it reports, where the parse hides the complement."""

from __future__ import annotations

import pytest

from attribution_helpers import content, reported


def test_a_clause_marked_by_that_alone_is_a_complement():
    import spacy

    from attribution_helpers import hand_parsed
    from claimcheck.components.reported_speech import _that_clause

    doc = hand_parsed(spacy.blank("en").vocab, r"""
        Kim    1  nsubj PROPN
        made   1  ROOT  VERB
        it     3  nsubj PRON
        clear  1  ccomp ADJ
        that   6  mark  SCONJ
        she    6  nsubj PRON
        stays  3  advcl VERB
        so     10 advmod ADV
        that   10 mark  SCONJ
        we     10 nsubj PRON
        win    6  advcl VERB
    """)
    assert _that_clause(doc[6])
    assert not _that_clause(doc[10])  # "so that we win": a purpose, not a report


@pytest.mark.parametrize(("text", "words"), [
    pytest.param("During an interview in May, the actress was asked if she had ever been snubbed.",
                 "if she had ever been snubbed", id="a passive verb of asking reports its if-question"),
    pytest.param("Kim was asked a pointed question about the levy.", "a pointed question about the levy",
                 id="a passive verb of asking reports the question it names"),
])
def test_an_agentless_question_is_reported_by_nobody(nlp, text, words):
    doc = nlp(text)
    a = reported(doc, "asked")
    assert content(doc, a) == words
    assert a["speaker"] is None
