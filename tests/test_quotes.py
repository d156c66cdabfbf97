"""The quote scanner: marks, apostrophes, partial quotes, interrupted and multi-paragraph quotes."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.components.quotes import find_quotes


def texts(text: str) -> list[str]:
    return [text[q["start"] : q["end"]] for q in find_quotes(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The mayor said, \u201cWe will rebuild the bridge.\u201d", ["We will rebuild the bridge."]),
        ('The mayor said, "We will rebuild the bridge."', ["We will rebuild the bridge."]),
        ("The mayor said, ''We will rebuild the bridge.''", ["We will rebuild the bridge."]),
        ("The mayor said, ``We will rebuild the bridge.''", ["We will rebuild the bridge."]),
    ],
)
def test_every_kind_of_double_mark(text, expected):
    assert texts(text) == expected


def test_offsets_exclude_marks_and_point_into_the_text():
    text = "Ms. Ortega said \u201cthe plan is dead\u201d on Monday."
    (q,) = find_quotes(text)
    assert text[q["open"]] == "\u201c" and text[q["close"]] == "\u201d"
    assert text[q["start"] : q["end"]] == "the plan is dead"
    assert q["open"] < q["start"] <= q["end"] <= q["close"]


@pytest.mark.parametrize(
    "text",
    [
        "It\u2019s the ranchers\u2019 land, and Pello\u2019s farm dates from the \u201990s.",
        "The band played rock \u2019n\u2019 roll until the town\u2019s curfew.",
        "It's the ranchers' land, and Pello's farm dates from the '90s.",
        "She liked the word \u2018grit\u2019 and used it often.",
    ],
)
def test_apostrophes_and_single_marks_are_not_quotes(text):
    assert find_quotes(text) == []


def test_nested_single_quotes_stay_inside_the_quote():
    text = "\u201cHe told me \u2018never again,\u2019 and he meant it,\u201d said Ortega."
    assert texts(text) == ["He told me \u2018never again,\u2019 and he meant it,"]


def test_a_quote_nested_with_the_same_curly_marks_stays_inside_the_quote():
    text = ("Ruiz wrote, \u201cYou have to care even when \u201cyour team\u201d needs to be held to account. "
            "Otherwise it rings hollow.\u201d Bell disagreed.")
    assert texts(text) == ["You have to care even when \u201cyour team\u201d needs to be held to account. "
                           "Otherwise it rings hollow."]


def test_an_opening_mark_inside_an_unclosed_quote_starts_a_new_one():
    # the first quote never closed: the second opener is followed by one closer only
    text = "He said \u201cit is over, and then \u201cwe start again\u201d said Bell."
    assert texts(text) == ["it is over, and then", "we start again"]


def test_apostrophes_inside_a_quote_do_not_end_it():
    text = "\u201cIt\u2019s Pello\u2019s call, not ours,\u201d she said."
    assert texts(text) == ["It\u2019s Pello\u2019s call, not ours,"]


def test_partial_quote_inside_a_sentence():
    text = (
        "The senator dismissed the bill as \u201ca paper tiger\u201d in a speech. "
        "\u201cIt will fail,\u201d he said."
    )
    quotes = find_quotes(text)
    assert [q["partial"] for q in quotes] == [True, False]


def test_interrupted_quote_shares_a_group():
    text = "\u201cThe river is rising,\u201d the engineer said, \u201cand the levee will not hold.\u201d"
    a, b = find_quotes(text)
    assert a["group"] == b["group"]
    text2 = "\u201cThe river is rising.\u201d\n\nA different story ran the next day. \u201cNo comment.\u201d"
    c, d = find_quotes(text2)
    assert c["group"] != d["group"]


def test_quote_interrupted_by_a_long_description_of_its_speaker_shares_a_group():
    text = (
        "\u201cThe river is rising,\u201d said Ann Ruiz, who ran the county's water board for a decade "
        "before she retired to a farm upstream last spring. \u201cThe levee will not hold.\u201d"
    )
    a, b = find_quotes(text)
    assert len(text[a["end"] + 1 : b["start"] - 1]) > 90
    assert a["group"] == b["group"]


def test_quote_running_over_paragraphs():
    text = (
        "The engineer was blunt. \u201cThe river is rising. We have sandbags for two days.\n\n"
        "\u201cAfter that, the town is on its own,\u201d she said.\n\n"
        "The council met at noon."
    )
    first, second = find_quotes(text)
    assert first["close"] is None  # the paragraph ends without a closing mark
    assert text[first["start"] : first["end"]] == "The river is rising. We have sandbags for two days."
    assert second["group"] == first["group"]
    assert text[second["start"] : second["end"]] == "After that, the town is on its own,"


def test_quotation_running_over_paragraphs_past_a_quote_nested_in_it():
    # a block quote in straight marks with a curly quote inside: the next paragraph reopening with
    # a straight mark runs the quotation on, and the nested quote is part of it
    text = (
        'As the museum\'s guide explains:\n\n'
        '"In 1901 the mill closed. Workers called it \u201cthe long winter,\u201d and many left.\n\n'
        '"By 1910 the town had half its people."\n\n'
        'The guide is sold at the door.'
    )
    outer, nested, rest = find_quotes(text)
    assert text[nested["start"] : nested["end"]] == "the long winter,"
    assert outer["group"] == nested["group"] == rest["group"]


def test_a_quote_nested_in_a_paragraph_that_closes_later_runs_nothing_on():
    closed = (
        '\u201cI would rather live in what he calls \u201chell\u201d than see it.\u201d \u2015 Ann Ruiz\n'
        '\u201cHe answers to no one.\u201d \u2015 Tom Bell'
    )
    reopened_otherwise = (
        '"The crowd went quiet, then chanted \u201cfour more years!\u201d\n\n'
        '\u201cThat is the spirit,\u201d she said.'
    )
    for text in (closed, reopened_otherwise):
        quotes = find_quotes(text)
        assert quotes[-1]["group"] != quotes[0]["group"]


def test_unclosed_quote_stops_at_the_paragraph_end():
    text = "He said \u201cthis never ends\n\nThe next paragraph is plain."
    (q,) = find_quotes(text)
    assert q["close"] is None
    assert text[q["start"] : q["end"]] == "this never ends"


def test_markup_attributes_are_not_quotes():
    text = '<tweet id="12345" author="@someone">Great day in Ohio!</tweet> "Thanks," she wrote.'
    assert texts(text) == ["Thanks,"]


def test_markup_whose_last_attribute_breaks_over_a_line_is_no_quote():
    text = ("Bell took it in stride.\n\n<tweet tweet-author=\"@annruiz\" tweet-date=\"January 19, 2016\n\">"
            "I love this state. \"We won,\" she said.</tweet>\n\nThen \"more\" came.")
    assert [text[q["start"] : q["end"]] for q in find_quotes(text)] == ["We won,", "more"]


def test_an_invisible_format_character_before_a_mark_is_looked_past():
    # a left-to-right embedding pasted from social media before a closing-style mark used to open
    text = ("Readers replied.\n\n\u202a\u201dWe will be there, all of us,\u201d wrote Ana Ruiz.\n\n"
            "\u202a\u201dSo will we,\u201d posted Tom Bell.")
    assert [text[q["start"] : q["end"]] for q in find_quotes(text)] == ["We will be there, all of us,",
                                                                        "So will we,"]


def test_component_sets_plain_dicts(nlp):
    doc = nlp("The mayor called it \u201ca bridge to nowhere\u201d on Tuesday.")
    assert isinstance(doc._.quotes, list)
    (q,) = doc._.quotes
    assert set(q) == {"start", "end", "open", "close", "group", "partial"}
    assert doc.text[q["start"] : q["end"]] == "a bridge to nowhere"


def test_looks_like_title():
    from claimcheck.components.quotes import looks_like_title

    assert looks_like_title("The Long Winter")
    assert looks_like_title("Little Rocket Man")
    assert not looks_like_title("a paper tiger")
    assert not looks_like_title("We will rebuild the bridge by the end of the year.")


_PIECES = ["said", "he", " ", "\n", "\n\n", "\u201c", "\u201d", '"', "''", "'", "\u2019", ",", ".", ":",
           "Ortega", "the plan", "<a b=\"c\">", "\u2014"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=60))
def test_scanner_never_breaks_on_odd_text(pieces):
    text = "".join(pieces)
    quotes = find_quotes(text)
    groups = [q["group"] for q in quotes]
    assert groups == sorted(groups)
    last_end = -1
    for q in quotes:
        assert 0 <= q["open"] < q["start"] <= q["end"] <= len(text)
        assert q["close"] is None or q["end"] <= q["close"] < len(text)
        assert q["open"] >= last_end  # quotes do not overlap
        last_end = q["close"] if q["close"] is not None else q["end"]
        assert "\n" not in text[q["start"] : q["end"]]  # a quote part never crosses a paragraph


def test_looks_like_scare_quote():
    from claimcheck.components.quotes import looks_like_scare_quote

    assert looks_like_scare_quote("reform", True)
    assert looks_like_scare_quote("fair share", True)
    assert not looks_like_scare_quote("fair share", False)  # a quoted sentence of its own
    assert not looks_like_scare_quote("a plan that works for everyone", True)


def test_is_quoted_name():
    from claimcheck.components.quotes import is_quoted_name

    text = "She spoke on \u201cMorning Round\u201d and called it \u201cThe Big Lie\u201d twice."
    names = [is_quoted_name(text, q) for q in find_quotes(text)]
    assert names == [True, False]
    # a song, a poem or a column is named after the noun for it, wherever the sentence goes on
    text = ("The band's anthem \u201cRoll On Home\u201d blared as she added, \u201cThank You All.\u201d "
            "His column \u201cA Town Adrift\u201d ran Sunday.")
    assert [is_quoted_name(text, q) for q in find_quotes(text)] == [True, False, True]


def test_a_title_before_a_byline_is_a_name():
    from claimcheck.components.quotes import is_bylined, is_quoted_name

    text = ("READING LIST:\n\n\u2014\"Museum picks a new director after a long search,\" by the Ledger's "
            "Ana Ruiz: \"The city museum chose a fundraiser.\"\n\nShe read ''The Long Road,'' by Tom Bell, "
            "twice. Bell called the ruling the \"worst of the year,\" by his count, and the \"ugliness of "
            "the debate,\" by Ruiz's account. \"We won,\" Bell said.")
    found = find_quotes(text)
    assert [is_bylined(text, q) for q in found] == [True, False, True, False, False, False]
    assert [is_quoted_name(text, q) for q in found][:3] == [True, False, True]


def test_a_nickname_between_name_words_is_a_name():
    from claimcheck.components.quotes import is_quoted_name

    text = ("Robert \u201cBobby\u201d Stone said he would run. His rival called him \u201cSlow Bob\u201d "
            "Stone. Then he said \u201cNever\u201d Monday.")
    assert [is_quoted_name(text, q) for q in find_quotes(text)] == [True, False, False]
    headline = "Mayor Explains Why Voters Feel \u201cIgnored\u201d In The Suburbs\nShe spoke on Monday."
    assert [is_quoted_name(headline, q) for q in find_quotes(headline)] == [False]



def test_a_nickname_after_an_initial_and_a_work_named_by_a_number_are_names():
    from claimcheck.components.quotes import is_quoted_name

    text = "Rep. Robert C. \u201cBobby\u201d Stone threw open his yard. He said it was \u201cfine.\u201d"
    nickname, said = find_quotes(text)
    assert nickname["partial"] and is_quoted_name(text, nickname)  # the initial's stop ends no sentence
    assert not is_quoted_name(text, said)
    text = ("Watch the documentary, \u201c13th,\u201d below. He called it \u201c13 times worse\u201d "
            "than before.")
    assert [is_quoted_name(text, q) for q in find_quotes(text)] == [True, False]
