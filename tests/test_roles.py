"""A role standing for a person named earlier: "the minister" → Helga Brandt, and when it must not."""

from __future__ import annotations

import pytest

from attribution_helpers import mention, quote_of, speaker


@pytest.mark.parametrize(("text", "words", "who"), [
    pytest.param(
        "Foreign Minister Helga Brandt arrived in Seoul on Monday.\n\n"
        "\u201cWe will not yield to pressure,\u201d the minister told reporters at the airport.",
        "not yield", "Helga Brandt", id="a title in the name"),
    pytest.param(
        "The talks come after the company's chief executive, Mark Ellison, warned of job cuts.\n\n"
        "\u201cWe cannot wait forever,\u201d the CEO said on Friday.",
        "wait forever", "Mark Ellison", id="an appositive, and CEO for chief executive"),
    pytest.param(
        "Ann Ruiz, the county's longest-serving senator, opposed the bill.\n\n"
        "\u201cIt is a giveaway,\u201d the senator said.",
        "giveaway", "Ann Ruiz", id="a name with its role after it"),
    pytest.param(
        "The plan was drafted by spokesman Tobias Lang and two aides.\n\n"
        "\u201cIt is ready,\u201d the spokesman said.",
        "is ready", "Tobias Lang", id="a role noun right before the name"),
    pytest.param(
        "Texas Lt. Gov. Dan Patrick opened the session.\n\n"
        "\u201cWe start today,\u201d the lieutenant governor said.",
        "start today", "Dan Patrick", id="an abbreviated title and the modifier before it"),
])
def test_a_definite_role_names_the_person_who_carried_it(nlp, text, words, who):
    quote = quote_of(nlp(text), words)
    assert speaker(quote) == who
    assert mention(quote).lower().startswith("the")  # the mention stays what the text says


@pytest.mark.parametrize(("text", "words"), [
    pytest.param(
        "Foreign Minister Helga Brandt met Defence Minister Omar Haddad in Seoul.\n\n"
        "\u201cWe agree on most things,\u201d the minister said.",
        "agree on most", id="two ministers in view: the role stays as written"),
    pytest.param(
        "The federal judge Trump was referring to is Gonzalo Curiel.\n\n"
        "\u201cThe ruling stands,\u201d the judge said.",
        "ruling stands", id="a noun before a bare surname is not its role"),
    pytest.param(
        "Senator Ann Ruiz and Senator Tom Bell voted no.\n\n\u201cWe were ignored,\u201d the senators said.",
        "were ignored", id="a plural role is more than one person"),
    pytest.param(
        "Foreign Minister Helga Brandt arrived in Seoul on Monday.\n\n"
        "\u201cThe talks went well,\u201d a minister said.",
        "talks went well", id="an indefinite role is someone else"),
])
def test_a_role_is_left_as_written_when_it_could_be_someone_else(nlp, text, words):
    quote = quote_of(nlp(text), words)
    assert speaker(quote) == mention(quote)  # (a role tagged a proper noun is no name either)


def test_someone_named_since_keeps_the_role_as_written(nlp):
    text = ("Obama played golf with World Bank President Jim Yong Kim on Saturday.\n\n"
            "Obama said the accord would spur investment.\n\n"
            "\u201cWe can do this,\u201d the president said.")
    quote = quote_of(nlp(text), "can do this")
    assert speaker(quote) != "Jim Yong Kim"


def test_the_role_reaches_a_few_paragraphs_only(nlp):
    filler = "The weather in the capital stayed mild and the markets were calm all week.\n\n" * 30
    text = ("Foreign Minister Helga Brandt arrived in Seoul on Monday.\n\n" + filler +
            "\u201cWe will not yield,\u201d the minister said.")
    quote = quote_of(nlp(text), "not yield")
    assert speaker(quote) == "the minister"


def test_check_credits_a_quote_to_the_person_behind_the_role(tmp_path):
    import json

    from typer.testing import CliRunner

    from claimcheck.cli import app

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "talks.txt").write_text(
        "Foreign Minister Helga Brandt arrived in Seoul on Monday for two days of talks.\n\n"
        "\u201cWe will not yield to pressure,\u201d the minister told reporters at the airport.\n",
        encoding="utf-8")
    index = str(tmp_path / "index.db")
    runner = CliRunner()
    assert runner.invoke(app, ["extract", str(corpus), "--index", index]).exit_code == 0
    table = runner.invoke(app, ["find", "We will not yield to pressure", "--index", index]).stdout
    assert "Helga Brandt" in table and "as \u201cthe minister\u201d" in table  # the name is read, not written
    draft = "Helga Brandt said: \u201cWe will not yield to pressure.\u201d\n"
    checked = runner.invoke(app, ["check", "-", "--index", index, "--json"], input=draft)
    (result,) = [r for r in json.loads(checked.stdout)["drafts"][0]["results"] if r["kind"] == "quote"]
    assert result["verdict"] == "verified" and result["speaker_match"] is True
    assert result["speaker_found"] == "Helga Brandt"


def test_a_name_in_an_object_since_does_not_take_the_roles_place(nlp):
    # the last subject is still the person who carried the role; a family named as an object is not them
    text = ("President Ana Ruiz gave most of her speech to the housing crisis. Ruiz called the Bell family "
            "\u201cproof that the system fails.\u201d\n\nThe president also introduced Tom Lee as "
            "\u201canother face of the crisis.\u201d")
    assert speaker(quote_of(nlp(text), "another face")) == "Ana Ruiz"
