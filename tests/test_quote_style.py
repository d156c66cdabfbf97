"""British-style copy, which quotes with single marks: the document's primary marks and the view
the pipeline reads, then quotes, speakers and checks end to end."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from claimcheck.cli import app
from claimcheck.components.quote_style import primary_marks, primary_view

BRITISH = (
    "Council tax will rise by 4 per cent, the finance chief confirmed on Tuesday.\n\n"
    "'We have no choice,' said Margaret Okafor, the council's head of finance. "
    "'The grant from Whitehall has been cut by £12m since 2019.'\n\n"
    "Opposition leader Tom Haines disagreed. 'This is a tax on families,' he told reporters. "
    "'Residents were promised a freeze, and the ministers' pay rose again.'\n\n"
    "Asked whether the rise could be avoided, Okafor replied: 'Not without closing libraries. "
    "People tell me \"cut the waste\", but there isn't any left.'\n\n"
    "Haines, who has led the opposition since the '90s, called the budget 'a betrayal'.\n\n"
    "\u2018We will publish the figures next week,\u2019 a spokesman said.\n"
)

AMERICAN = (
    "Trump calls Kim 'Little Rocket Man' again.\n\n"
    "\u201cHe told me, \u2018we will never talk,\u2019 and I believed him,\u201d said Ann Ruiz. "
    "\u201cIt\u2019s the ranchers\u2019 land,\u201d she added.\n"
)


@pytest.mark.parametrize(
    ("text", "marks"),
    [
        pytest.param(BRITISH, "single", id="British copy quotes with single marks"),
        pytest.param(AMERICAN, "double", id="American copy with a single-marked headline and nested quote"),
        pytest.param("It's the ministers' pay, O'Neill said of the '90s and rock 'n' roll.", "double",
                     id="apostrophes alone open nothing"),
        pytest.param("No quotation here at all.", "double", id="no marks"),
        pytest.param("Ruiz called the plan 'a gift to landlords' and left.", "single",
                     id="a lone single-marked quotation is the document's quotation"),
        pytest.param("Critics speak of 'the deep state', 'the media in the capital' and 'the swamp in "
                     "Washington'. \"We will fight back,\" said Ann Ruiz. Later, \"We always have,\" Tom "
                     "Bell added.", "double", id="single-marked terms beside double-marked speech"),
        pytest.param("Critics call it the 'deep state', the 'swamp', the 'elite' and the 'blob'. \"We will "
                     "fight,\" said Ann Ruiz.", "double", id="scare-quoted words are not speech"),
    ],
)
def test_primary_marks(text, marks):
    assert primary_marks(text) == marks


def test_a_closing_mark_after_s_closes_when_another_quotation_opens_next():
    from claimcheck.components.quote_style import _single_pairs

    text = "It is 'the media that lies' and 'the swamp in Washington', 'the ministers' pay' too."
    quoted = [text[a + 1 : b] for a, b in _single_pairs(text)]
    assert quoted == ["the media that lies", "the swamp in Washington", "the ministers' pay"]


def test_the_view_trades_marks_and_keeps_apostrophes_and_offsets():
    view = primary_view(BRITISH)
    assert len(view) == len(BRITISH)
    assert "\u201cWe have no choice,\u201d said Margaret Okafor, the council's head" in view
    assert "the ministers' pay rose again.\u201d" in view  # a plural possessive stays an apostrophe
    assert "tell me \u2018cut the waste\u2019, but there isn't" in view  # the nested quote becomes single
    assert "since the '90s, called the budget \u201ca betrayal\u201d." in view
    assert "\u201cWe will publish the figures next week,\u201d a spokesman" in view
    changed = [i for i, (a, b) in enumerate(zip(BRITISH, view, strict=True)) if a != b]
    assert all(BRITISH[i] in "'\"\u2018\u2019" for i in changed)


def test_american_copy_is_read_as_it_is():
    assert primary_view(AMERICAN) is AMERICAN


def _quotes(nlp, text):
    from claimcheck.assemble import claims_from_doc
    from claimcheck.documents import make_document

    document = make_document(text, None)
    claims = claims_from_doc(nlp(text), document)
    return [c for c in claims if c.kind == "quote"]


def test_british_quotes_get_their_speakers_and_keep_their_own_text(nlp):
    quotes = {c.text: c for c in _quotes(nlp, BRITISH)}
    names = {text: claim.speaker.name for text, claim in quotes.items()}
    assert names["We have no choice,"] == "Margaret Okafor"
    assert names["The grant from Whitehall has been cut by £12m since 2019."] == "Margaret Okafor"
    assert names["This is a tax on families,"] == "Tom Haines"
    assert names["Residents were promised a freeze, and the ministers' pay rose again."] == "Tom Haines"
    replied = next(c for text, c in quotes.items() if text.startswith("Not without closing libraries."))
    assert replied.text.endswith('People tell me "cut the waste", but there isn\'t any left.')
    assert replied.speaker.name == "Margaret Okafor" and replied.cue.text == "replied"
    assert quotes["a betrayal"].speaker.name == "Tom Haines"
    assert quotes["We will publish the figures next week,"].speaker.mention.text == "a spokesman"
    for claim in quotes.values():  # every span, sentence and mention is the article's own text
        assert BRITISH[claim.start : claim.end] == claim.text
        assert BRITISH[claim.sentence_start : claim.sentence_end] == claim.sentence
        mention = claim.speaker.mention
        assert BRITISH[mention.start : mention.end] == mention.text


def test_a_quotation_running_over_paragraphs_in_single_marks(nlp):
    text = (
        "Senator Ruth Calder spoke at length on Thursday.\n\n"
        "'I have read every page of this bill. It does not do what its sponsors claim.\n\n"
        "'And it leaves the families who need help most with nothing,' she said.\n"
    )
    quotes = _quotes(nlp, text)
    assert [c.text for c in quotes] == [
        "I have read every page of this bill. It does not do what its sponsors claim.",
        "And it leaves the families who need help most with nothing,",
    ]
    assert {c.speaker.name for c in quotes} == {"Ruth Calder"}
    assert quotes[0].group is not None and quotes[0].group == quotes[1].group


def test_cli_finds_and_checks_british_quotes(tmp_path):
    runner = CliRunner()
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "council.txt").write_text(BRITISH, encoding="utf-8")
    index = str(tmp_path / "index.db")
    assert runner.invoke(app, ["extract", str(corpus), "--index", index]).exit_code == 0
    found = runner.invoke(app, ["find", "grant from Whitehall has been cut", "--index", index, "--json"])
    quote = next(c["claim"] for c in json.loads(found.stdout)["citations"] if c["claim"]["kind"] == "quote")
    assert quote["text"] == "The grant from Whitehall has been cut by £12m since 2019."
    assert quote["speaker"]["name"] == "Margaret Okafor"
    draft = "Tom Haines said: 'This is a tax on families.'\n"
    checked = runner.invoke(app, ["check", "-", "--index", index, "--json"], input=draft)
    (result,) = [r for r in json.loads(checked.stdout)["drafts"][0]["results"] if r["kind"] == "quote"]
    assert result["verdict"] == "verified" and result["speaker_match"] is True


def test_a_sentence_never_runs_over_a_blank_line(nlp):
    # the parser may carry a paragraph's closing mark and the next paragraph into one sentence
    text = (
        "Asked whether the rise could be avoided, Okafor replied: \u201cNot without closing libraries. "
        "People tell me \u2018cut the waste\u2019, but there isn\u2019t any left.\u201d\n\n"
        "Haines, who has led the opposition since 1990, called the budget \u201ca betrayal\u201d.\n"
    )
    from claimcheck.assemble import claims_from_doc
    from claimcheck.documents import make_document

    claims = claims_from_doc(nlp(text), make_document(text, None))
    assert claims and all("\n\n" not in claim.sentence for claim in claims)
    (figure,) = [c for c in claims if c.kind == "figure"]
    assert figure.sentence.startswith("Haines, who has led")


def test_figures_and_dates_in_a_quote_are_its_speakers(nlp):
    from claimcheck.assemble import claims_from_doc
    from claimcheck.documents import make_document

    text = ("\u201cThe grant has been cut by \u00a312m since 2019,\u201d said Ann Ruiz, the finance chief. "
            "\u201cAnother 300 jobs will go.\u201d\n\n"
            "\u201cWe were promised a freeze in 2023,\u201d Ruiz told reporters. "
            "\u201cThat was broken.\u201d\n\n"
            "Tom Bell runs 40 shops.\n")
    claims = claims_from_doc(nlp(text), make_document(text, None))
    figures = {c.sentence: c for c in claims if c.kind == "figure"}
    # no speech verb in the sentence: the quote's speaker said it, with the quote's cue
    second = figures["\u201cAnother 300 jobs will go.\u201d"]
    quote = next(c for c in claims if c.kind == "quote" and c.text.startswith("Another 300"))
    assert second.speaker.name == "Ann Ruiz" and second.cue == quote.cue
    dated = next(c for sentence, c in figures.items() if "2023" in sentence)  # a dated fact, no figure
    assert dated.speaker.name == "Ann Ruiz"
    assert figures["Tom Bell runs 40 shops."].speaker is None  # a figure outside any quote has no source
