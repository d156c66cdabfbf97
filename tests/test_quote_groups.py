"""Which quote parts make one quotation (one ``group``), on invented sentences."""

from __future__ import annotations

import pytest

from attribution_helpers import content, paraphrases, quote_of, reported


@pytest.mark.parametrize(("text", "first", "second"), [
    pytest.param(
        "“Who will pay more?” asked Ann Ruiz, the chief strategist of the county campaign four years "
        "ago. “Nobody in this town will pay more than a neighbour.”",
        "Who will pay", "Nobody in this town",
        id="a long description of the speaker between the parts"),
    pytest.param(
        "Tom Bell called the budget “a reckless gamble” and “a gift to the lobbyists.”",
        "reckless gamble", "gift to the lobbyists",
        id="two quoted phrases one verb reports"),
])
def test_parts_with_one_cue_are_one_quotation(nlp, text, first, second):
    doc = nlp(text)
    assert quote_of(doc, first)["group"] == quote_of(doc, second)["group"]


def test_quotes_with_their_own_cues_stay_apart(nlp):
    doc = nlp("“We will win,” Ann Ruiz said on Monday.\n\n“They will lose,” Tom Bell said.")
    assert quote_of(doc, "We will win")["group"] != quote_of(doc, "They will lose")["group"]


def test_a_part_with_another_speaker_starts_a_quotation(nlp):
    doc = nlp("“We are farmers,” Ann Ruiz said. “We are not thieves.” Tom Bell said: “The fire was "
              "set by vandals. We are running from them too.”")
    assert quote_of(doc, "We are farmers")["group"] == quote_of(doc, "not thieves")["group"]
    assert quote_of(doc, "not thieves")["group"] != quote_of(doc, "set by vandals")["group"]


def test_reported_content_runs_to_the_end_of_its_quotation(nlp):
    doc = nlp("Ann Ruiz said the council would “raise the levy in May. It is time to pay for the roads” "
              "after the vote.")
    said = reported(doc, "said")
    assert content(doc, said) == "the council would “raise the levy in May. It is time to pay for the roads”"


def test_content_that_is_all_quotation_is_left_to_the_quote(nlp):
    doc = nlp("Ann Ruiz said that “the levy is fair. Nobody in the town will pay more.”")
    assert quote_of(doc, "levy is fair")["speaker"]["name"] == "Ann Ruiz"
    assert not paraphrases(doc)


@pytest.mark.parametrize(("text", "words"), [
    pytest.param(
        "Ruiz said their father “could be harsh,” and that Tom had struggled with his criticism of the farm.",
        "their father “could be harsh,” and that Tom had struggled with his criticism of the farm",
        id="a that-conjunct after a closing mark"),
    pytest.param(
        "Ruiz said her colleague is ready to “take on the cartel,” secure the border, and improve health "
        "care for veterans.",
        "her colleague is ready to “take on the cartel,” secure the border, and improve health care "
        "for veterans",
        id="a second complement after a closing mark"),
])
def test_reported_clause_runs_on_past_a_quote(nlp, text, words):
    doc = nlp(text)
    assert content(doc, reported(doc, "said")) == words
