"""Quote marks glued to words are tokens of their own, and nothing else changes."""

from __future__ import annotations

import pytest

from claimcheck.tokenizing import split_glued_quotes


@pytest.mark.parametrize(("text", "tokens"), [
    ("it was over,\u201dOlsen said.", ["it", "was", "over", ",", "\u201d", "Olsen", "said", "."]),
    ("Olsen said,\u201cLook here.\u201d", ["Olsen", "said", ",", "\u201c", "Look", "here", ".", "\u201d"]),
    ("it was over.\u201dOlsen left.", ["it", "was", "over", ".", "\u201d", "Olsen", "left", "."]),
    ('it was over."Olsen left.', ["it", "was", "over", ".", '"', "Olsen", "left", "."]),
    ('Olsen said,"Look here."', ["Olsen", "said", ",", '"', "Look", "here", ".", '"']),
    ('Rep. Ann Ruiz (D-Ohio):"I have not."',
     ["Rep.", "Ann", "Ruiz", "(", "D", "-", "Ohio", ")", ":", '"', "I", "have", "not", ".", '"']),
    ("Ruiz (R-Ky.):\u201cWe won.\u201d",
     ["Ruiz", "(", "R", "-", "Ky.", ")", ":", "\u201c", "We", "won", ".", "\u201d"]),
    ("his plan\u2014\u201cNo cuts!\u201d\u2014won",
     ["his", "plan", "\u2014", "\u201c", "No", "cuts", "!", "\u201d", "\u2014", "won"]),
])
def test_glued_marks_split(nlp, text, tokens):
    assert [t.text for t in nlp.tokenizer(text)] == tokens


def test_inches_and_spaced_marks_unchanged(nlp):
    import spacy

    stock = spacy.blank("en")
    texts = ("He is 6'3\" tall.", "\u201cNo,\u201d she said.", "He said \"yes\" twice.",
             "rock \u2019n\u2019 roll")
    for text in texts:
        assert [t.text for t in nlp.tokenizer(text)] == [t.text for t in stock.tokenizer(text)]


def test_splitting_twice_changes_nothing(nlp):
    finder = nlp.tokenizer.infix_finditer
    split_glued_quotes(nlp)
    assert nlp.tokenizer.infix_finditer == finder
