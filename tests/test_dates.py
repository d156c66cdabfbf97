"""Dates: ISO values as precise as the text and the publication date allow, never invented."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck.components.dates import normalise, parse_published
from spacy_helpers import annotate

PUBLISHED = "2019-02-15"



def dates(nlp, text: str, published: str | None = None) -> dict[str, str | None]:
    doc = annotate(nlp, text, published)
    for record in doc._.dates:
        assert text[record["start"] : record["end"]] == record["text"]
    return {d["text"]: d["value"] for d in doc._.dates}


@pytest.mark.parametrize(
    ("text", "mention", "value"),
    [
        ("Congress created the position in 2004.", "2004", "2004"),
        ("He spoke to the issue in January 2018.", "January 2018", "2018-01"),
        ("She arrived on June 12, 2018.", "June 12, 2018", "2018-06-12"),
        ("From 2014-2017 the United States led efforts.", "2014-2017", "2014/2017"),
        ("Prices rose from 2014 to 2017.", "2014 to 2017", "2014/2017"),
        ("He survived the famine of the 1990s.", "the 1990s", "1990/1999"),
        ("In the autumn of 2018, the effort was halfhearted.", "the autumn of 2018", "2018-09/2018-11"),
    ],
)
def test_explicit_dates_need_no_publication_date(nlp, text, mention, value):
    assert dates(nlp, text)[mention] == value


@pytest.mark.parametrize(
    ("text", "mention", "without", "with_published"),
    [
        ("He met Kim in June.", "June", None, "2018-06"),
        ("The attacks of Sept. 11 changed everything.", "Sept. 11", None, "2018-09-11"),
        ("He announced last week that he will go.", "last week", None, "2019-02-04/2019-02-10"),
        ("That deadline passed last month.", "last month", None, "2019-01"),
        ("He was more inclined eight months ago.", "eight months ago", None, "2018-06"),
        ("On the campaign trail this fall, he praised Kim.", "this fall", None, "2018-09/2018-11"),
        ("It was vacant for the past two years.", "the past two years", None, "2017-02/2019-02"),
        ("He spoke yesterday.", "yesterday", None, "2019-02-14"),
        ("The summit is set for the end of February.", "the end of February", None, "2019-02"),
    ],
)
def test_relative_dates(nlp, text, mention, without, with_published):
    assert dates(nlp, text)[mention] == without
    assert dates(nlp, text, PUBLISHED)[mention] == with_published


def test_future_tense_points_forward(nlp):
    assert dates(nlp, "He will visit Seoul in June.", PUBLISHED)["June"] == "2019-06"


def test_month_takes_the_one_year_of_its_sentence(nlp):
    assert dates(nlp, "In 2016, the vote came in June.")["June"] == "2016-06"


def test_month_does_not_take_a_year_from_another_sentence(nlp):
    found = dates(nlp, "Congress mandated it in 2008. In July, the House reaffirmed it.")
    assert found["2008"] == "2008"
    assert found["July"] is None


def test_story_relative_dates_stay_unresolved(nlp):
    found = dates(nlp, "Four months later, Trump met Kim in Singapore.", PUBLISHED)
    assert found == {"Four months later": None}


@pytest.mark.parametrize(
    "text",
    [
        "The post has been vacant for more than two years.",
        "The report is due no later than 180 days after enactment.",
        "Trump wanted to challenge the 36-year-old ruler.",
        "Support rose to 83% and 3,200 people joined.",
    ],
)
def test_durations_are_not_dates(nlp, text):
    assert dates(nlp, text, PUBLISHED) == {}


def test_publication_precision_limits_resolution():
    month_only = parse_published("2019-02")
    assert normalise("last month", month_only) == "2019-01"
    assert normalise("last week", month_only) is None
    assert parse_published(None) is None
    assert parse_published("not a date") is None


def test_clock_times_are_not_dates():
    assert normalise("the 90s", None) == "1990/1999"
    assert normalise("Tuesday", None) is None


def test_published_extension_defaults_to_none(nlp):
    assert nlp.make_doc("No date here.")._.published is None


def test_corpus_dates(nlp, corpus_dir: Path):
    [mother_jones] = corpus_dir.glob("000_*.txt")
    found = dates(nlp, mother_jones.read_text(encoding="utf-8"))
    assert found["2004"] == "2004"
    assert found["2008"] == "2008"
    assert found["2016"] == "2016"
    assert found["June"] is None  # the article carries no date
    [asia_times] = corpus_dir.glob("004_*.txt")
    found = dates(nlp, asia_times.read_text(encoding="utf-8"))
    assert found["2014"] == "2014"
    assert found["January 2018"] == "2018-01"
    assert found["March 2018"] == "2018-03"
    assert found["2014-2017"] == "2014/2017"


@pytest.mark.parametrize(
    ("text", "mention", "value"),
    [
        ("Voters go to the polls on Nov. 8.", "Nov. 8", "2016-11-08"),  # no tense: nearest publication
        ("It happened last December.", "last December", "2015-12"),
        ("He met Kim in June.", "June", "2016-06"),
    ],
)
def test_yearless_dates_follow_tense(nlp, text, mention, value):
    assert dates(nlp, text, "2016-09-27")[mention] == value
