"""The bundled corpus, indexed through the library: the speakers, figures and dates a reader expects."""

from __future__ import annotations

import sys

import pytest

MOTHER_JONES = "000_201d7bc35c407f49.txt"
ASIA_TIMES = "004_5d45fc59e64c4a29.txt"


def quote_starting(claims: list[dict], words: str) -> dict:
    for claim in claims:
        if claim["kind"] == "quote" and claim["text"].startswith(words):
            return claim
    raise AssertionError(f"no quote starts with {words!r}: {[c['text'][:40] for c in claims]}")


def from_file(claims: list[dict], name: str) -> list[dict]:
    return [c for c in claims if c["source"]["path"].endswith(name)]


@pytest.mark.parametrize(
    ("file", "words", "speaker"),
    [
        (MOTHER_JONES, "Little Rocket Man", "Donald Trump"),
        (MOTHER_JONES, "sees raising the human rights issue in transactional terms", "Robert King"),
        (MOTHER_JONES, "Everyone says they care about human rights in North Korea", "John Sifton"),
        (MOTHER_JONES, "It’s almost like fighting with one hand behind your back", "John Sifton"),
        (MOTHER_JONES, "It will be discussed more in the future", "Donald Trump"),
        (MOTHER_JONES, "Although the Administration has not yet", "a State Department spokesperson"),
        (ASIA_TIMES, "No regime has oppressed its own citizens", "Donald Trump"),
        (ASIA_TIMES, "I did speak about it", "Donald Trump"),
    ],
)
def test_quote_speakers(corpus_claims, file, words, speaker):
    claim = quote_starting(from_file(corpus_claims, file), words)
    assert claim["speaker"]["name"] == speaker, claim["speaker"]


def test_robert_king_keeps_his_description(corpus_claims):
    claim = quote_starting(from_file(corpus_claims, MOTHER_JONES), "sees raising the human rights")
    description = claim["speaker"]["description"] or ""
    assert description.startswith("a career diplomat who served as")
    assert "special envoy" in description
    mention = claim["speaker"]["mention"]
    assert mention and "King" in mention["text"]


def test_paraphrase_texts_read_as_whole_phrases(corpus_claims):
    """No reported content ends on a dangling conjunction or opens a quotation it does not close."""
    texts = [c["text"] for c in corpus_claims if c["kind"] == "paraphrase"]
    assert texts
    for text in texts:
        assert not text.endswith((" and", " or", " but")), text
        assert text.count("\u201c") == text.count("\u201d"), text


def test_spans_slice_the_files(corpus_claims, corpus_dir):
    texts = {p.name: p.read_text(encoding="utf-8") for p in corpus_dir.glob("*.txt")}
    for claim in corpus_claims:
        text = texts[claim["source"]["path"].rsplit("/", 1)[-1]]
        assert text[claim["span"]["start"] : claim["span"]["end"]] == claim["text"]
        mention = (claim["speaker"] or {}).get("mention")
        if mention:
            assert text[mention["start"] : mention["end"]] == mention["text"]
        for item in claim["dates"] + claim["figures"]:
            assert text[item["start"] : item["end"]] == item["text"]


def test_survey_percentages_are_figures(corpus_claims):
    figures = [
        f for c in from_file(corpus_claims, ASIA_TIMES) if c["kind"] == "figure" for f in c["figures"]
    ]
    percents = {f["value"] for f in figures if f["unit"] == "percent"}
    for value in (83, 50, 33, 7, 53, 19, 47, 32, 22, 85, 88):
        assert value in percents, (value, sorted(percents))


def test_survey_figure_names_its_source(corpus_claims):
    claim = next(
        c for c in from_file(corpus_claims, ASIA_TIMES)
        if c["kind"] == "figure" and any(f["text"].startswith("83") for f in c["figures"])
    )
    assert claim["speaker"] and "KEI" in (claim["speaker"]["name"] or "")


def test_years_are_normalised(corpus_claims):
    values = {d["value"] for c in corpus_claims for d in c["dates"]}
    for year in ("2004", "2008", "2014", "2016"):
        assert year in values, sorted(v for v in values if v)


def test_month_with_year_in_sentence(corpus_claims):
    dates = {(d["text"], d["value"]) for c in from_file(corpus_claims, ASIA_TIMES) for d in c["dates"]}
    assert ("January 2018", "2018-01") in dates
    assert ("March 2018", "2018-03") in dates


def test_undated_article_keeps_yearless_month_unresolved(corpus_claims):
    dates = [d for c in from_file(corpus_claims, MOTHER_JONES) for d in c["dates"] if d["text"] == "June"]
    assert dates and all(d["value"] is None for d in dates)


def test_find_does_not_import_spacy(indexed_corpus):
    import subprocess

    script = (
        "import sys\n"
        "from claimcheck.store import Store\nfrom claimcheck.search import find\n"
        f"s = Store.open({str(indexed_corpus)!r}, create=False, readonly=True)\n"
        "assert find(s, 'Little Rocket Man')\n"
        "import claimcheck.cli\n"
        "assert 'spacy' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", script], check=True)
