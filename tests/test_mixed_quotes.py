"""A clause the parse misread as the subject of a closing "…, said X", on hand-built parses."""

from __future__ import annotations

from attribution_helpers import hand_parsed


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
