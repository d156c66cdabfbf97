"""``check``: verdicts on a draft's quotes and figures, the diff, the JSON shape, the exit code.

Most tests run the checker on hand-made claims in a real index (no spaCy), so each verdict is
pinned down exactly; the must-show tests at the end run the whole pipeline on the sample corpus,
the library and the command line (file and stdin).
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from claimcheck.check import (
    ALTERED,
    FIGURE_MISMATCH,
    MISATTRIBUTED,
    NOTE_NO_SPEAKER,
    UNSOURCED,
    VERIFIED,
    Checker,
    CheckReport,
    align,
    draft_parts,
    exit_code,
    jsonl_records,
    name_tokens,
    reports_json,
    same_speaker,
    words,
)
from claimcheck.claims import Claim, FigureRef, Mention, Source, Speaker, selector_context
from claimcheck.documents import Document
from claimcheck.store import Store

REPO = Path(__file__).resolve().parents[1]
DRAFTS = Path(__file__).resolve().parent / "drafts"
SCHEMA = REPO / "src" / "claimcheck" / "schema" / "claim.schema.json"

# Two invented articles: the index the hand-made tests check drafts against.
ARTICLE_A = (
    "Bridges first, says the mayor\n\n"
    "“We will rebuild every bridge in this county before the winter comes,” Mayor Jane Alvarez "
    "told reporters on Monday. “We cannot fix everything at once,” Alvarez said, “but we can start "
    "with the bridges.”\n\n"
    "A city survey found that 62% of residents rate the roads as poor, up from 48% in 2019.\n"
)
ARTICLE_B = (
    "Audit row deepens\n\n"
    "“Nobody in this office has seen the audit,” a city spokesperson said on Tuesday. "
    "Council member Tom Baker disagreed: “The audit was shared with every department in March.”\n"
)


def _document(text: str, path: str, outlet: str) -> Document:
    sha = hashlib.sha256(text.encode()).hexdigest()
    doc_id = hashlib.sha256(f"{path}#".encode()).hexdigest()[:16]
    return Document(text=text, path=path, key="", doc_id=doc_id, sha256=sha, outlet=outlet)


def _claim(
    document: Document | str,
    words_: str,
    kind: str = "quote",
    speaker: str | None = None,
    description: str | None = None,
    group: str | None = None,
    figures: tuple[str, ...] = (),
) -> Claim:
    """A claim over the first occurrence of ``words_`` (a figure claim: the whole sentence)."""
    text = document if isinstance(document, str) else document.text
    start = text.index(words_)
    end = start + len(words_)
    if isinstance(document, str):
        source = Source(doc_id="draft", path="-")
    else:
        source = Source(doc_id=document.doc_id, path=document.path, outlet=document.outlet)
    refs = []
    for figure in figures:
        at = text.index(figure, start)
        value = float(figure.rstrip("%"))
        refs.append(
            FigureRef(
                figure, int(value), "percent" if figure.endswith("%") else "count", at, at + len(figure)
            )
        )
    prefix, suffix = selector_context(text, start, end)
    who = None
    if speaker or description:
        mention = speaker.split()[-1] if speaker else description
        at = text.find(mention, end) if mention in text[end:] else text.find(mention)
        who = Speaker(speaker, Mention(mention, at, at + len(mention)) if at >= 0 else None, description)
    return Claim(
        kind=kind,  # type: ignore[arg-type]
        text=words_,
        start=start,
        end=end,
        source=source,
        sentence=words_,
        sentence_start=start,
        sentence_end=end,
        speaker=who,
        group=group,
        figures=refs,
        prefix=prefix,
        suffix=suffix,
    )


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    doc_a = _document(ARTICLE_A, "news/bridges.txt", "City Herald")
    doc_b = _document(ARTICLE_B, "news/audit.txt", "City Ledger")
    group = f"{doc_a.doc_id}:0:7"
    claims_a = [
        _claim(
            doc_a,
            "We will rebuild every bridge in this county before the winter comes",
            speaker="Jane Alvarez",
        ),
        _claim(doc_a, "We cannot fix everything at once,", speaker="Jane Alvarez", group=group),
        _claim(doc_a, "but we can start with the bridges.", speaker="Jane Alvarez", group=group),
        _claim(
            doc_a,
            "A city survey found that 62% of residents rate the roads as poor, up from 48% in 2019.",
            kind="figure",
            figures=("62%", "48%"),
        ),
    ]
    claims_b = [
        _claim(doc_b, "Nobody in this office has seen the audit,", description="a city spokesperson"),
        _claim(doc_b, "The audit was shared with every department in March.", speaker="Tom Baker"),
    ]
    index = Store.open(tmp_path_factory.mktemp("check") / "index.db")
    index.put_document(doc_a, claims_a)
    index.put_document(doc_b, claims_b)
    yield index
    index.close()


def _check(store, draft: str, *claims: Claim, min_score: float | None = None) -> CheckReport:
    checker = Checker(store) if min_score is None else Checker(store, min_score=min_score)
    return checker.check_claims(draft, list(claims), path="draft.txt")


def _one(store, draft: str, quote: str, speaker: str | None = None, **kwargs):
    report = _check(store, draft, _claim(draft, quote, speaker=speaker), **kwargs)
    assert len(report.results) == 1, report.to_json()
    return report.results[0]


# ---------------------------------------------------------------- normalisation


def test_words_ignore_case_marks_and_dashes():
    a = [w.norm for w in words("Don’t stop—NOW, 83%")]
    b = [w.norm for w in words("don't  stop - now 83 percent")]
    assert a == b == ["don't", "stop", "now", "83", "percent"]


def test_ellipsis_and_brackets_cut_a_draft_quote():
    parts, notes = draft_parts("We will rebuild … before the winter [she said] comes")
    assert [[w.norm for w in p] for p in parts] == [
        ["we", "will", "rebuild"],
        ["before", "the", "winter"],
        ["comes"],
    ]
    assert notes and "[she said]" in notes[0]
    parts, _ = draft_parts("one. . . two...three")
    assert [[w.norm for w in p] for p in parts] == [["one"], ["two"], ["three"]]


def test_align_exact_in_order_only():
    source = ["a", "b", "c", "d", "e", "f"]
    assert align([["b", "c"], ["e"]], source).exact
    assert not align([["e"], ["b", "c"]], source).exact


@pytest.mark.parametrize(
    ("named", "found", "same"),
    [
        ("King", "Robert King", True),
        ("Mr. King", "Robert R King", True),
        ("robert king", "Robert King", True),
        ("President Trump", "Donald Trump", True),
        ("Kim", "Kim Jong Un", True),
        ("Robert King", "John Sifton", False),
        ("Robert King", "a State Department spokesperson", False),
        ("a State Department spokesperson", "State Department spokesperson", True),
        (None, "John Sifton", None),
        ("Sifton", None, None),
    ],
)
def test_same_speaker(named, found, same):
    assert same_speaker(named, found) is same


def test_name_tokens_drop_titles_initials_possessives():
    assert name_tokens("Sen. Marco Rubio's") == ["marco", "rubio"]
    assert name_tokens("Robert R. King") == ["robert", "king"]


# ---------------------------------------------------------------- verdicts


def test_verified_exact_ignoring_case_marks_and_spaces(store):
    draft = 'Alvarez said: "we will  REBUILD every bridge in this county before the winter comes."'
    result = _one(
        store, draft, "we will  REBUILD every bridge in this county before the winter comes.", "Alvarez"
    )
    assert result.verdict == VERIFIED
    assert result.score == 100.0 and result.diff == []
    assert result.speaker_found == "Jane Alvarez" and result.speaker_match is True
    assert result.citation["source"]["path"] == "news/bridges.txt"
    assert (result.start, result.end) == (15, 84)
    assert draft[result.start : result.end] == result.text


def test_verified_fragment_of_a_longer_quote(store):
    draft = "The mayor promised to fix “every bridge in this county” soon, Mayor Alvarez said."
    result = _one(store, draft, "every bridge in this county", "Mayor Alvarez")
    assert result.verdict == VERIFIED
    assert result.source_excerpt["text"] == "every bridge in this county"


def test_verified_with_ellipsis_cut(store):
    draft = "“We will rebuild every bridge … before the winter comes,” said Jane Alvarez."
    result = _one(store, draft, "We will rebuild every bridge … before the winter comes,", "Jane Alvarez")
    assert result.verdict == VERIFIED
    assert result.diff == []


def test_ellipsis_parts_out_of_order_are_not_verified(store):
    draft = "“before the winter comes … We will rebuild every bridge,” said Jane Alvarez."
    result = _one(store, draft, "before the winter comes … We will rebuild every bridge,", "Jane Alvarez")
    assert result.verdict != VERIFIED


def test_verified_across_the_parts_of_an_interrupted_quote(store):
    draft = "“We cannot fix everything at once, but we can start with the bridges,” Alvarez said."
    result = _one(
        store, draft, "We cannot fix everything at once, but we can start with the bridges,", "Alvarez"
    )
    assert result.verdict == VERIFIED
    assert any("2 parts of one quotation" in note for note in result.notes)


def test_altered_gives_a_word_level_diff(store):
    draft = "“We will rebuild every road in this county before the snow comes,” Alvarez said."
    result = _one(store, draft, "We will rebuild every road in this county before the snow comes,", "Alvarez")
    assert result.verdict == ALTERED
    assert 60 <= result.score < 100
    ops = [(d["op"], d["draft"], d["source"]) for d in result.diff]
    assert ops == [("replace", "road", "bridge"), ("replace", "snow", "winter")]
    first = result.diff[0]
    assert draft[first["draft_span"]["start"] : first["draft_span"]["end"]] == "road"
    assert ARTICLE_A[first["source_span"]["start"] : first["source_span"]["end"]] == "bridge"


def test_altered_insert_and_delete(store):
    draft = "“We will quickly rebuild every bridge in this county before winter comes,” Alvarez said."
    quote = "We will quickly rebuild every bridge in this county before winter comes,"
    result = _one(store, draft, quote, "Alvarez")
    assert result.verdict == ALTERED
    ops = [(d["op"], d["draft"], d["source"]) for d in result.diff]
    assert ("insert", "quickly", "") in ops
    assert ("delete", "", "the") in ops


def test_misattributed_names_the_real_speaker(store):
    draft = "“The audit was shared with every department in March,” Alvarez said."
    result = _one(store, draft, "The audit was shared with every department in March,", "Alvarez")
    assert result.verdict == MISATTRIBUTED
    assert result.speaker_named == "Alvarez"
    assert result.speaker_found == "Tom Baker" and result.speaker_match is False
    assert result.citation["source"]["path"] == "news/audit.txt"


def test_misattributed_to_an_unnamed_spokesperson(store):
    draft = "“Nobody in this office has seen the audit,” Tom Baker said."
    result = _one(store, draft, "Nobody in this office has seen the audit,", "Tom Baker")
    assert result.verdict == MISATTRIBUTED
    assert result.speaker_found == "a city spokesperson"


def test_a_quote_inside_a_report_of_the_named_speaker_is_theirs(tmp_path):
    # the quote is credited to the outlet that reports it; the report of what Ruiz called the plan holds it
    text = "Ann Ruiz called the plan \u201ca gift to landlords,\u201d the Valley Times reported.\n"
    doc = _document(text, "news/plan.txt", "Valley Herald")
    claims = [
        _claim(doc, "a gift to landlords", speaker="Valley Times"),
        _claim(doc, "the plan \u201ca gift to landlords,\u201d", kind="paraphrase", speaker="Ann Ruiz"),
    ]
    with Store.open(tmp_path / "index.db") as index:
        index.put_document(doc, claims)
        draft = "Ann Ruiz called it \u201ca gift to landlords.\u201d"
        result = _one(index, draft, "a gift to landlords.", "Ann Ruiz")
        assert result.verdict == VERIFIED and result.speaker_match is True
        assert result.speaker_found == "Ann Ruiz"
        assert any("inside a claim of Ann Ruiz" in note for note in result.notes)
        result = _one(index, "Tom Baker called it \u201ca gift to landlords.\u201d", "a gift to landlords.",
                      "Tom Baker")
        assert result.verdict == MISATTRIBUTED and result.speaker_found == "Valley Times"


def test_no_speaker_named_is_said_not_guessed(store):
    draft = (
        "Critics recalled the promise: “We will rebuild every bridge in this county before the winter comes.”"
    )
    result = _one(store, draft, "We will rebuild every bridge in this county before the winter comes.")
    assert result.verdict == VERIFIED
    assert result.speaker_named is None and result.speaker_match is None
    assert result.speaker_found == "Jane Alvarez"
    assert NOTE_NO_SPEAKER in result.notes


def test_unsourced_invented_quote(store):
    draft = "“Taxes will be cut in half by next spring,” Alvarez said."
    result = _one(store, draft, "Taxes will be cut in half by next spring,", "Alvarez")
    assert result.verdict == UNSOURCED
    assert result.citation is None and result.diff == []
    assert result.score < 60


def test_min_score_decides_altered_or_unsourced(store):
    draft = "“We will rebuild a bridge in the city before the spring,” Alvarez said."
    quote = "We will rebuild a bridge in the city before the spring,"
    loose = _one(store, draft, quote, "Alvarez", min_score=40)
    strict = _one(store, draft, quote, "Alvarez", min_score=95)
    assert loose.verdict == ALTERED
    assert strict.verdict == UNSOURCED


def _figure_draft(value: str) -> tuple[str, Claim]:
    draft = f"Roads are a worry: a city survey found that {value} of residents rate the roads as poor."
    sentence = draft[draft.index("a city") :]
    claim = _claim(draft, sentence, kind="figure", figures=(value,))
    return draft, claim


def test_figure_mismatch_reports_both_values(store):
    draft, claim = _figure_draft("64%")
    report = _check(store, draft, claim)
    (result,) = report.results
    assert result.kind == "figure" and result.verdict == FIGURE_MISMATCH
    (pair,) = result.figures
    assert pair["draft"]["text"] == "64%" and pair["source"]["text"] == "62%"
    assert pair["match"] is False
    assert result.diff[0]["draft"] == "64%" and result.diff[0]["source"] == "62%"
    assert report.has_findings


def test_figure_that_agrees_is_verified(store):
    draft, claim = _figure_draft("62%")
    (result,) = _check(store, draft, claim).results
    assert result.verdict == VERIFIED and result.figures[0]["match"] is True


def test_figures_of_unrelated_sentences_are_not_reported(store):
    draft = "The stadium sold 30% more tickets than the season before last."
    claim = _claim(draft, draft, kind="figure", figures=("30%",))
    assert _check(store, draft, claim).results == []


def test_figures_inside_a_quote_are_left_to_the_quote(store):
    draft = "“A city survey found that 70% of residents rate the roads as poor,” Alvarez said."
    quote = _claim(
        draft, "A city survey found that 70% of residents rate the roads as poor,", speaker="Alvarez"
    )
    figure = _claim(draft, draft, kind="figure", figures=("70%",))
    report = _check(store, draft, quote, figure)
    assert [r.kind for r in report.results] == ["quote"]


# ---------------------------------------------------------------- report, JSON, exit code


def _validator():
    jsonschema = pytest.importorskip("jsonschema")
    if not SCHEMA.exists():
        pytest.skip("claim schema not published yet")
    return jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text()))


def test_json_shape_and_citations_follow_the_claim_schema(store):
    draft = (
        "“We will rebuild every road in this county before the winter comes,” Alvarez said. "
        "“The audit was shared with every department in March,” Alvarez added. "
        "“Taxes will be cut,” she said."
    )
    report = _check(
        store,
        draft,
        _claim(
            draft, "We will rebuild every road in this county before the winter comes,", speaker="Alvarez"
        ),
        _claim(draft, "The audit was shared with every department in March,", speaker="Alvarez"),
        _claim(draft, "Taxes will be cut,", speaker="Alvarez"),
    )
    data = json.loads(json.dumps(report.to_json()))
    assert data["path"] == "draft.txt" and data["has_findings"] is True
    assert data["counts"] == {
        "verified": 0,
        "altered": 1,
        "misattributed": 1,
        "unsourced": 1,
        "figure_mismatch": 0,
    }
    validator = _validator()
    keys = {
        "kind", "verdict", "text", "span", "score", "speaker_named", "speaker_found", "speaker_match",
        "diff", "figures", "notes", "source_excerpt", "citation",
    }  # fmt: skip
    for result in data["results"]:
        assert set(result) == keys
        assert draft[result["span"]["start"] : result["span"]["end"]] == result["text"]
        for op in result["diff"]:
            assert op["op"] in {"replace", "insert", "delete"} and {"draft", "source"} <= set(op)
        if result["citation"] is not None:
            validator.validate(result["citation"])
    assert [r["verdict"] for r in data["results"]] == [ALTERED, MISATTRIBUTED, UNSOURCED]


def test_exit_code_and_combined_json(store):
    clean = "“We will rebuild every bridge in this county before the winter comes,” Jane Alvarez said."
    good = _check(
        store,
        clean,
        _claim(
            clean,
            "We will rebuild every bridge in this county before the winter comes,",
            speaker="Jane Alvarez",
        ),
    )
    bad_text = "“Taxes will be cut,” Alvarez said."
    bad = _check(store, bad_text, _claim(bad_text, "Taxes will be cut,", speaker="Alvarez"))
    assert not good.has_findings and bad.has_findings
    assert exit_code([good]) == 0 and exit_code([good, bad]) == 1 and exit_code([]) == 0
    combined = reports_json([good, bad])
    assert combined["has_findings"] is True and len(combined["drafts"]) == 2
    assert combined["counts"]["verified"] == 1 and combined["counts"]["unsourced"] == 1
    lines = list(jsonl_records([good, bad]))
    assert [line["path"] for line in lines] == ["draft.txt", "draft.txt"]
    assert [line["verdict"] for line in lines] == [VERIFIED, UNSOURCED]


# ---------------------------------------------------------------- must show: the sample corpus


MUST_SHOW = DRAFTS / "draft_with_problems.txt"


def _expectations(text: str) -> dict[str, tuple[str, str]]:
    """Quote openings in the test draft and the verdict each must get."""
    return {
        "It's almost like fighting": (VERIFIED, "Sifton"),
        "No regime has oppressed": (ALTERED, "Trump"),
        "Although the Administration": (MISATTRIBUTED, "State Department"),
        "We will raise the camps": (UNSOURCED, ""),
    }


def _assert_must_show(data: dict, text: str) -> None:
    results = data["results"]
    quotes = [r for r in results if r["kind"] == "quote"]
    for opening, (verdict, speaker) in _expectations(text).items():
        found = [r for r in quotes if r["text"].startswith(opening)]
        assert len(found) == 1, (opening, quotes)
        result = found[0]
        assert result["verdict"] == verdict, result
        assert text[result["span"]["start"] : result["span"]["end"]] == result["text"]
        if speaker:
            assert speaker in (result["speaker_found"] or ""), result
    altered = next(r for r in quotes if r["verdict"] == ALTERED)
    assert [(d["op"], d["draft"], d["source"]) for d in altered["diff"]] == [
        ("replace", "people", "citizens")
    ]
    wrong = next(r for r in quotes if r["verdict"] == MISATTRIBUTED)
    assert wrong["speaker_named"] == "Robert King"
    assert wrong["citation"]["source"]["path"].endswith("000_201d7bc35c407f49.txt")
    figures = [r for r in results if r["verdict"] == FIGURE_MISMATCH]
    assert len(figures) == 1, results
    pair = next(p for p in figures[0]["figures"] if p["match"] is False)
    assert pair["draft"]["value"] == 84 and pair["source"]["value"] == 83
    assert data["has_findings"] is True
    validator = _validator()
    for result in results:
        if result["citation"] is not None:
            validator.validate(result["citation"])


def test_must_show_draft_through_the_library(nlp, indexed_corpus):
    from claimcheck.check import check_text

    text = MUST_SHOW.read_text(encoding="utf-8")
    with Store.open(indexed_corpus, create=False, readonly=True) as index:
        report = check_text(text, index, nlp, path=str(MUST_SHOW))
    _assert_must_show(report.to_json(), text)
    assert exit_code([report]) == 1


def test_markdown_and_piped_drafts_keep_offsets_into_their_text(nlp, indexed_corpus, tmp_path):
    """A Markdown draft's front matter is not part of the text the offsets point into; stdin works too."""
    import io

    from claimcheck.check import check_document
    from claimcheck.documents import read_path, read_stdin

    body = MUST_SHOW.read_text(encoding="utf-8")
    draft = tmp_path / "draft.md"
    draft.write_text(f"---\ntitle: Rights slip\nauthor: Desk\n---\n{body}", encoding="utf-8")
    (document,) = read_path(draft)
    (piped,) = read_stdin(io.BytesIO(body.encode("utf-8")))
    with Store.open(indexed_corpus, create=False, readonly=True) as index:
        from_md = check_document(document, index, nlp)
        from_pipe = check_document(piped, index, nlp)
    assert from_pipe.path == "-"
    for report in (from_md, from_pipe):
        _assert_must_show(report.to_json(), report.text)
        assert report.text.startswith("Human rights slip")


def _cli(args: list[str], stdin: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO / "src"), "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "claimcheck", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )


@pytest.mark.slow
def test_must_show_draft_through_the_cli_file_and_stdin(indexed_corpus, tmp_path):
    text = MUST_SHOW.read_text(encoding="utf-8")
    html = tmp_path / "report.html"
    by_file = _cli(["check", str(MUST_SHOW), "--index", str(indexed_corpus), "--json", "--html", str(html)])
    assert by_file.returncode == 1, by_file.stderr
    by_pipe = _cli(["check", "-", "--index", str(indexed_corpus), "--json"], stdin=text)
    assert by_pipe.returncode == 1, by_pipe.stderr
    file_data, pipe_data = json.loads(by_file.stdout), json.loads(by_pipe.stdout)
    (file_report,) = file_data["drafts"]
    (pipe_report,) = pipe_data["drafts"]
    _assert_must_show(file_report, text)
    _assert_must_show(pipe_report, text)
    assert [(r["verdict"], r["span"]) for r in file_report["results"]] == [
        (r["verdict"], r["span"]) for r in pipe_report["results"]
    ]
    page = html.read_text(encoding="utf-8")
    assert "misattributed" in page and "citizens" in page


def test_cli_usage_errors_exit_2(indexed_corpus, tmp_path):
    missing = _cli(["check", str(tmp_path / "nope.txt"), "--index", str(indexed_corpus)])
    assert missing.returncode == 2, missing.stderr
    no_index = _cli(["check", str(MUST_SHOW), "--index", str(tmp_path / "none.db")])
    from claimcheck.cli import EXIT_INDEX

    assert no_index.returncode == EXIT_INDEX, no_index.stderr
