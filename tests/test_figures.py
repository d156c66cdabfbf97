"""Figures: normalised values and units, what is not a figure, and where figures come from."""

from __future__ import annotations

from pathlib import Path

import pytest

from spacy_helpers import annotate


def figures(nlp, text: str) -> list[tuple[str, object, str]]:
    doc = annotate(nlp, text)
    for record in doc._.figures:
        assert text[record["start"] : record["end"]] == record["text"]
    return [(f["text"], f["value"], f["unit"]) for f in doc._.figures]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Support rose to 83% this year.", ("83%", 83, "percent")),
        ("Support rose to 83 percent.", ("83 percent", 83, "percent")),
        ("Support rose to 20 per cent.", ("20 per cent", 20, "percent")),
        ("Inflation reached 3.5% in the spring.", ("3.5%", 3.5, "percent")),
        ("Turnout fell 3 percentage points.", ("3 percentage points", 3, "percent")),
    ],
)
def test_percent_forms(nlp, text, expected):
    assert expected in figures(nlp, text)


@pytest.mark.parametrize(
    ("text", "expected", "currency"),
    [
        ("The program cost $1.2 billion.", ("$1.2 billion", 1_200_000_000, "money"), "USD"),
        ("They paid 5 million dollars for it.", ("5 million dollars", 5_000_000, "money"), "USD"),
        ("The fund holds $5bn in assets.", ("$5bn", 5_000_000_000, "money"), "USD"),
        ("The jet costs £80 million each.", ("£80 million", 80_000_000, "money"), "GBP"),
        ("Workers earn 50 cents an hour.", ("50 cents", 0.5, "money"), "USD"),
        ("The ticket cost $300.", ("$300", 300, "money"), "USD"),
    ],
)
def test_money(nlp, text, expected, currency):
    doc = annotate(nlp, text)
    found = {(f["text"], f["value"], f["unit"]): f for f in doc._.figures}
    assert expected in found
    assert found[expected]["currency"] == currency


@pytest.mark.parametrize(
    ("text", "expected", "per"),
    [
        ("He has authored five books on the subject.", ("five books", 5, "count"), "book"),
        ("The agency hired 3,200 people.", ("3,200 people", 3200, "count"), "people"),
        ("The book sold 1.5 million copies.", ("1.5 million", 1_500_000, "count"), None),
        ("A million people left.", ("A million people", 1_000_000, "count"), "people"),
        ("One hundred and five people died.", ("One hundred and five", 105, "count"), None),
        ("There were 1500 protesters outside.", ("1500 protesters", 1500, "count"), "protester"),
    ],
)
def test_counts(nlp, text, expected, per):
    doc = annotate(nlp, text)
    found = {(f["text"], f["value"], f["unit"]): f for f in doc._.figures}
    assert expected in found
    if per:
        assert found[expected]["per"] == per


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Trump wanted to challenge the 36-year-old ruler.", ("36-year-old", 36, "age")),
        ("The ruler is 36 years old.", ("36 years old", 36, "age")),
        ("Volunteers aged 36 took part.", ("36", 36, "age")),
        ("A 3-month-old baby survived.", ("3-month-old", 3, "age")),
    ],
)
def test_ages(nlp, text, expected):
    assert expected in figures(nlp, text)


@pytest.mark.parametrize(
    ("text", "expected", "per"),
    [
        ("The report is due no later than 180 days after enactment.", ("180 days", 180, "duration"), "day"),
        ("The post has been vacant for more than two years.", ("two years", 2, "duration"), "year"),
        ("Three days after the speech, Trump met defectors.", ("Three days", 3, "duration"), "day"),
        ("He worked there for twenty-five years.", ("twenty-five years", 25, "duration"), "year"),
        ("The march covered 5 miles.", ("5 miles", 5, "quantity"), "mile"),
    ],
)
def test_durations_and_quantities(nlp, text, expected, per):
    doc = annotate(nlp, text)
    found = {(f["text"], f["value"], f["unit"]): f for f in doc._.figures}
    assert expected in found
    assert found[expected]["per"] == per


@pytest.mark.parametrize(
    "text",
    [
        "Congress created the position in 2004.",
        "From 2014-2017 the United States led efforts.",
        "Trump's first secretary of state came second.",
        "He remembered Sept. 11, 2001 and the meeting at 10 a.m.",
        "Covid-19 spread fast.",
        "The two leaders met in Hanoi.",
        "Eight months ago he changed his mind.",
        "Two-thirds of them were children.",
        "It is not an issue North Korea wants raised, but it is one that Americans support.",
    ],
)
def test_not_figures(nlp, text):
    assert figures(nlp, text) == []


def test_value_is_int_when_integral(nlp):
    [(_, value, _)] = figures(nlp, "Support stood at 83%.")
    assert isinstance(value, int)


def test_ranges_share_the_unit(nlp):
    found = figures(nlp, "Between 5-10% of residents moved away.")
    assert ("5", 5, "percent") in found
    assert ("10%", 10, "percent") in found


def test_source_of_a_survey_finding(nlp):
    text = "The latest KEI survey of American attitudes found that 83% of respondents agree, with 50% sure."
    doc = annotate(nlp, text)
    [source] = doc._.figure_sources
    assert source["cue"]["text"] == "found"
    mention = source["speaker"]["mention"]
    assert mention["text"] == "The latest KEI survey of American attitudes"
    assert text[mention["start"] : mention["end"]] == mention["text"]
    assert "KEI survey" in source["speaker"]["name"]
    assert (source["sent_start"], source["sent_end"]) == (0, len(text))


@pytest.mark.parametrize(
    ("text", "name", "cue"),
    [
        ("According to the census, 3,200 people left the city.", "census", "According to"),
        ("Unemployment fell to 4.1 percent, the Labor Department reported.", "Labor Department", "reported"),
        ("Robert King, a diplomat, estimated that 120,000 people are held.", "Robert King", "estimated"),
    ],
)
def test_sources(nlp, text, name, cue):
    doc = annotate(nlp, text)
    [source] = doc._.figure_sources
    assert source["speaker"]["name"] == name
    assert source["cue"]["text"] == cue


def test_no_source_when_the_figure_is_what_was_done(nlp):
    doc = annotate(nlp, "He wrote five books. Some 53% approve of providing aid.")
    assert doc._.figure_sources == []


def test_records_are_plain_json(nlp):
    import json

    doc = annotate(nlp, "The survey found that 83% agree and $1.2 billion was spent over two years.")
    json.dumps(doc._.figures)
    json.dumps(doc._.figure_sources)


def test_corpus_percentages(nlp, corpus_dir: Path):
    [path] = corpus_dir.glob("004_*.txt")
    text = path.read_text(encoding="utf-8")
    doc = annotate(nlp, text)
    percents = {f["text"]: f["value"] for f in doc._.figures if f["unit"] == "percent"}
    for value in (83, 50, 33, 7, 53, 19, 47, 32, 22, 85, 88):
        assert percents.get(f"{value}%") == value
    assert not any(f["text"] in ("2014", "2018", "2019") for f in doc._.figures)
    assert ("five books", 5, "count") in [(f["text"], f["value"], f["unit"]) for f in doc._.figures]
    [source] = [s for s in doc._.figure_sources if s["sent_start"] <= text.index("83%") < s["sent_end"]]
    assert source["speaker"]["mention"]["text"] == "The latest KEI survey of American attitudes"


def test_corpus_age_and_durations(nlp, corpus_dir: Path):
    [path] = corpus_dir.glob("000_*.txt")
    doc = annotate(nlp, path.read_text(encoding="utf-8"))
    found = [(f["text"], f["value"], f["unit"]) for f in doc._.figures]
    assert ("36-year-old", 36, "age") in found
    assert ("180 days", 180, "duration") in found
    assert not any(f["text"] in ("2004", "2008", "2016") for f in doc._.figures)
