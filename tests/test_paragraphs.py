"""A blank line ends a sentence before the parser runs: headlines and bylines stay out of the first
paragraph's sentence."""

from __future__ import annotations

from attribution_helpers import quote_of, speaker

ARTICLE = (
    "Mayor Defends Budget as Council Balks\n\n"
    "By Staff Writer\n\n"
    "Mayor Ann Ruiz and Councilman Tom Bell met for two hours on Monday. She left first.\n\n"
    "\u201cI am not going to cut the fire department,\u201d she said.\n"
)


def test_the_pipeline_puts_paragraph_breaks_before_the_parser(nlp):
    names = nlp.pipe_names
    assert names.index("claimcheck_paragraphs") < names.index("parser")


def test_each_paragraph_starts_a_sentence(nlp):
    doc = nlp(ARTICLE)
    firsts = {s[0].text for s in doc.sents}
    assert {"Mayor", "By", "\u201c"} <= firsts
    byline = next(s for s in doc.sents if s[0].text == "By")
    assert "Ruiz" not in byline.text


def test_the_subject_after_a_byline_is_who_a_pronoun_means(nlp):
    """Read into the byline's sentence, "Mayor Ann Ruiz" hung from "By" and "she" found no one
    but the headline's "Defends Budget"."""
    doc = nlp(ARTICLE)
    assert speaker(quote_of(doc, "fire department")) == "Ann Ruiz"


def test_marking_keeps_the_text_and_needs_no_parser():
    import spacy

    from claimcheck.components.paragraphs import mark_paragraph_starts

    blank = spacy.blank("en")
    text = "Headline Here\n \nFirst line of text\nsame paragraph.\n\n\nNext one."
    doc = mark_paragraph_starts(blank(text))
    assert doc.text == text
    starts = [t.text for t in doc if t.is_sent_start]
    assert starts == ["Headline", "First", "Next"]  # (a single newline starts nothing)
    assert mark_paragraph_starts(blank("")).text == ""


def test_a_dateline_is_not_the_subject_of_the_first_sentence():
    import spacy

    from claimcheck.components.paragraphs import mark_paragraph_starts

    blank = spacy.blank("en")
    for text, first in [
        ("RENO, Nev. (AP) \u2014 Gov. Ann Ruiz said it would pass.", "Gov."),
        ("Headline\n\nWASHINGTON -- President Tom Bell, speaking Saturday, said so.", "President"),
        ("NEW YORK - The mayor said so.", "The"),
    ]:
        assert first in [t.text for t in mark_paragraph_starts(blank(text)) if t.is_sent_start]
    for text in ("AP-GfK Poll: Voters see it.", "US-China talks - and more - went on.", "I think - no."):
        assert [t.i for t in mark_paragraph_starts(blank(text)) if t.is_sent_start] == [0]


def test_a_dateline_leaves_the_speaker_after_it(nlp):
    doc = nlp("WASHINGTON -- President Tom Bell, dedicating a museum on Saturday, said it would tell "
              "\u201can American story.\u201d")
    assert speaker(quote_of(doc, "American story")) == "Tom Bell"
