"""Reported clauses that carry a short quotation: the quote and the paraphrase around it both count."""

from __future__ import annotations

import pytest

from attribution_helpers import content, hand_parsed, mention, reported


@pytest.mark.parametrize(("text", "words", "who"), [
    ('The collapse of the merger signals "the start of the slide" for the region, said Mara Olsen, '
     "head of the regional trade board.",
     'The collapse of the merger signals "the start of the slide" for the region', "Mara Olsen"),
    ('The closing of the plant signals "a hard winter" for the valley, said Tom Hale, a union organizer.',
     'The closing of the plant signals "a hard winter" for the valley', "Tom Hale"),
])
def test_clause_misread_as_the_cues_subject_is_reported_by_the_name_after_it(nlp, text, words, who):
    doc = nlp(text)
    a = reported(doc, "said")
    assert content(doc, a) == words
    assert mention(a) == who


def test_postposed_source_of_a_misread_clause():
    from spacy.vocab import Vocab

    from claimcheck.components.reported_speech import _inverted_tail, _postposed_subject
    from claimcheck.components.sources import _DocView

    doc = hand_parsed(Vocab(), r"""
        The      1  det     DET   DT
        vote     9  nsubj   NOUN  NN
        signals  1  appos   NOUN  NNS
        a        4  det     DET   DT
        turn     2  dobj    NOUN  NN
        for      4  prep    ADP   IN
        the      7  det     DET   DT
        party    5  pobj    NOUN  NN
        ,        9  punct   PUNCT ,
        said     9  ROOT    VERB  VBD
        Berg     9  nsubj   PROPN NNP
        .        9  punct   PUNCT .
    """)
    view = _DocView(doc, [], doc.text)
    assert _inverted_tail(doc, doc[9]) == (0, 8)
    assert _postposed_subject(doc[9], view).text == "Berg"


def test_a_subject_set_off_by_a_comma_is_the_cues_own():
    """"Ruiz, in an interview, said …": the subject before the comma is the source, not content."""
    from spacy.vocab import Vocab

    from claimcheck.components.reported_speech import _inverted_tail, _postposed_subject
    from claimcheck.components.sources import _DocView

    doc = hand_parsed(Vocab(), r"""
        Ruiz       5  nsubj   PROPN NNP
        ,          0  punct   PUNCT ,
        in         0  prep    ADP   IN
        interviews 2  pobj    NOUN  NNS
        ,          5  punct   PUNCT ,
        said       5  ROOT    VERB  VBD
        Berg       5  nsubj   PROPN NNP
        .          5  punct   PUNCT .
    """)
    view = _DocView(doc, [], doc.text)
    assert _inverted_tail(doc, doc[5]) is None
    assert _postposed_subject(doc[5], view) is None


@pytest.mark.parametrize(("text", "cue", "words", "who"), [
    ("Ruiz greeted the ruling as a “win for renters.”", "greeted",
     "the ruling as a “win for renters.”", "Ruiz"),
    ("Lee summed up the plan as “a mess.”", "summed", "the plan as “a mess.”", "Lee"),
    ("Ruiz painted her rival as “reckless” with a “taste for chaos.”", "painted",
     "her rival as “reckless” with a “taste for chaos.”", "Ruiz"),
])
def test_a_quoted_label_put_on_an_object_through_as_is_reported(nlp, text, cue, words, who):
    doc = nlp(text)
    a = reported(doc, cue)
    assert content(doc, a) == words
    assert mention(a) == who
