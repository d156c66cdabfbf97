"""The command line end to end, through typer's CliRunner, asserting on parsed JSON."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck.cli import app

runner = CliRunner()


def invoke(*args: str, input: str | None = None):
    return runner.invoke(app, list(args), input=input, catch_exceptions=False)


def find_json(index: Path, query: str, *extra: str) -> tuple[int, dict]:
    result = invoke("find", query, "--index", str(index), "--json", *extra)
    return result.exit_code, (json.loads(result.stdout) if result.stdout.strip() else {})


@pytest.fixture()
def corpus_copy(tmp_path, corpus_dir) -> Path:
    target = tmp_path / "corpus"
    shutil.copytree(corpus_dir, target, ignore=shutil.ignore_patterns("__pycache__"))
    return target


def test_find_little_rocket_man(indexed_corpus, corpus_dir):
    code, data = find_json(indexed_corpus, "Little Rocket Man")
    assert code == 0
    first = data["citations"][0]
    claim = first["claim"]
    assert claim["kind"] == "quote"
    assert claim["text"] == "Little Rocket Man"
    assert claim["speaker"]["name"] == "Donald Trump"
    assert claim["source"]["outlet"] == "Mother Jones"
    assert Path(claim["source"]["path"]).name == "000_201d7bc35c407f49.txt"
    file_text = (corpus_dir / "000_201d7bc35c407f49.txt").read_text(encoding="utf-8")
    span = claim["span"]
    assert file_text[span["start"] : span["end"]] == "Little Rocket Man"
    assert first["rank"] == 1 and 0 < first["score"] <= 100


def test_find_is_fuzzy(indexed_corpus):
    code, data = find_json(indexed_corpus, "litle rocket mann")
    assert code == 0
    assert data["citations"][0]["claim"]["text"] == "Little Rocket Man"
    code, data = find_json(indexed_corpus, '"Everyone says they care about human rights in North Korea')
    assert code == 0
    assert data["citations"][0]["claim"]["speaker"]["name"] == "John Sifton"


def test_find_filters_and_jsonl(indexed_corpus):
    code, data = find_json(indexed_corpus, "human rights", "--speaker", "Sifton", "--limit", "50")
    assert code == 0 and data["citations"]
    assert {c["claim"]["speaker"]["name"] for c in data["citations"]} == {"John Sifton"}
    result = invoke("find", "human rights", "--index", str(indexed_corpus), "--kind", "quote", "--jsonl")
    assert result.exit_code == 0
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert lines and all(line["claim"]["kind"] == "quote" for line in lines)


def test_find_nothing_and_bad_usage(indexed_corpus):
    code, data = find_json(indexed_corpus, "zzzqqq xxyyzz")
    assert code == 1 and data["citations"] == []
    result = invoke("find", "x", "--index", str(indexed_corpus), "--kind", "poem")
    assert result.exit_code == 2
    result = invoke("find", "x", "--index", str(indexed_corpus), "--json", "--jsonl")
    assert result.exit_code == 2


def test_find_without_index_is_a_clear_error(tmp_path):
    result = invoke("find", "anything", "--index", str(tmp_path / "missing.db"))
    assert result.exit_code == 3
    assert "Traceback" not in result.output
    assert "missing.db" in result.stderr


NOT_AN_INDEX = [b"this is not a database at all", b"SQLite format 3\x00" + b"\x07" * 3000]


@pytest.mark.parametrize("content", NOT_AN_INDEX)
def test_corrupt_index_exits_3(tmp_path, content):
    index = tmp_path / "bad.db"
    index.write_bytes(content)
    for args in (("find", "x"), ("export",), ("speakers",), ("extract", str(tmp_path / "nothing"))):
        result = invoke(*args, "--index", str(index))
        assert result.exit_code == 3, (args, result.output)
        assert "Traceback" not in result.output


def test_extract_json_summary_and_incremental_rerun(tmp_path, corpus_copy):
    index = tmp_path / "index.db"
    result = invoke("extract", str(corpus_copy), "--index", str(index), "--json")
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["documents"]["processed"] == 2
    assert summary["claims"]["by_kind"]["quote"] >= 10
    assert summary["skipped"] == []

    again = json.loads(invoke("extract", str(corpus_copy), "--index", str(index), "--json").stdout)
    assert again["documents"]["processed"] == 0
    assert again["files"]["unchanged"] == 2
    assert again["index_totals"]["claims"] == summary["index_totals"]["claims"]

    # A changed file replaces its claims; a removed one drops them.
    mj = corpus_copy / "000_201d7bc35c407f49.txt"
    mj.write_text(mj.read_text(encoding="utf-8") + '\n“We will never stop,” said Jane Roe, a spokeswoman.\n',
                  encoding="utf-8")
    changed = json.loads(invoke("extract", str(corpus_copy), "--index", str(index), "--json").stdout)
    assert changed["documents"]["processed"] == 1 and changed["files"]["unchanged"] == 1
    code, data = find_json(index, "We will never stop")
    assert code == 0 and data["citations"][0]["claim"]["speaker"]["name"] == "Jane Roe"

    (corpus_copy / "004_5d45fc59e64c4a29.txt").unlink()
    removed = json.loads(invoke("extract", str(corpus_copy), "--index", str(index), "--json").stdout)
    assert removed["files"]["removed"] == 1
    assert removed["index_totals"]["documents"] == 1
    code, data = find_json(index, "83% of respondents believe the US should push")
    assert all("004_" not in c["claim"]["source"]["path"] for c in data.get("citations", []))


def test_noop_rerun_does_not_import_spacy(tmp_path, indexed_corpus, corpus_dir):
    index = tmp_path / "index.db"
    shutil.copy(indexed_corpus, index)
    corpus = indexed_corpus.parent / "corpus"
    script = (
        "import sys\n"
        "from claimcheck.extract import run_extract\n"
        f"s = run_extract([{str(corpus)!r}], {str(index)!r})\n"
        "assert s.documents_processed == 0 and s.files_unchanged == 2, s.to_json()\n"
        "assert 'spacy' not in sys.modules, 'spaCy was imported on a no-op re-run'\n"
    )
    subprocess.run([sys.executable, "-c", script], check=True)


def test_extract_from_stdin(tmp_path):
    index = tmp_path / "index.db"
    text = "“Prices will fall by 5% next year,” the minister, Ana Lopez, told reporters on Monday.\n"
    result = invoke("extract", "-", "--index", str(index), "--json", input=text)
    assert result.exit_code == 0, result.output
    code, data = find_json(index, "Prices will fall")
    assert code == 0
    claim = data["citations"][0]["claim"]
    assert claim["speaker"]["name"] == "Ana Lopez"
    assert text[claim["span"]["start"] : claim["span"]["end"]] == claim["text"]


def test_export_validates_against_schema(indexed_corpus):
    import jsonschema

    from claimcheck.resources import schema_path

    schema = json.loads(schema_path().read_text(encoding="utf-8"))
    result = invoke("export", "--index", str(indexed_corpus))
    assert result.exit_code == 0
    claims = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(claims) >= 20
    for claim in claims:
        jsonschema.validate(claim, schema)
    assert {c["kind"] for c in claims} == {"quote", "paraphrase", "figure"}


def test_export_by_surname_finds_the_full_name(indexed_corpus):
    result = invoke("export", "--index", str(indexed_corpus), "--speaker", "sifton", "--kind", "quote")
    assert result.exit_code == 0
    claims = [json.loads(line) for line in result.stdout.splitlines()]
    assert claims and {c["speaker"]["name"] for c in claims} == {"John Sifton"}
    assert any("one hand behind your back" in c["text"] for c in claims)


def test_speakers(indexed_corpus):
    result = invoke("speakers", "--index", str(indexed_corpus), "--json")
    assert result.exit_code == 0
    names = {row["name"]: row["claims"] for row in json.loads(result.stdout)}
    for name in ("Donald Trump", "John Sifton", "Robert King"):
        assert names.get(name, 0) >= 1, names


def test_import_roundtrip_with_bad_lines(tmp_path, indexed_corpus):
    exported = invoke("export", "--index", str(indexed_corpus)).stdout.splitlines()
    lines = [*exported, "{not json", json.dumps({"kind": "quote"}), exported[0]]
    target = tmp_path / "copy.db"
    data_file = tmp_path / "claims.jsonl"
    data_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = invoke("import", str(data_file), "--index", str(target), "--json")
    assert result.exit_code == 1
    summary = json.loads(result.stdout)
    assert summary["imported"] == len(exported)
    assert summary["duplicates"] == 1
    assert summary["invalid"] == 2
    assert {e["line"] for e in summary["errors"]} == {len(exported) + 1, len(exported) + 2}
    again = invoke("export", "--index", str(target)).stdout.splitlines()
    assert sorted(json.loads(x)["id"] for x in again) == sorted(json.loads(x)["id"] for x in exported)
    # The same claims through a pipe are all duplicates now.
    piped = invoke("import", "-", "--index", str(target), "--json", input="\n".join(exported) + "\n")
    assert piped.exit_code == 0 and json.loads(piped.stdout)["duplicates"] == len(exported)


def test_hostile_corpus_names_every_bad_file(tmp_path):
    import os

    from hostile_corpus import build_hostile_corpus

    root = tmp_path / "hostile"
    expected = build_hostile_corpus(root)
    index = tmp_path / "index.db"
    result = invoke("extract", str(root), "--index", str(index), "--json")
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    summary = json.loads(result.stdout)
    skipped = {(Path(s["path"]).name, s.get("line")) for s in summary["skipped"]}
    readable = os.access(root / expected["unreadable"], os.R_OK)  # root reads anything
    for rel in expected["bad"]:
        if rel == expected["unreadable"] and readable:
            continue
        assert (Path(rel).name, None) in skipped, (rel, summary["skipped"])
    for rel, lines in expected["bad_lines"].items():
        for line in lines:
            assert (Path(rel).name, line) in skipped, (rel, line, summary["skipped"])
    good = sum(len(docs) for docs in expected["good"].values()) + (1 if readable else 0)
    assert summary["documents"]["processed"] == good
    with sqlite3.connect(index) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    # Offsets are exact into the text as read, whatever the encoding or line ends.
    for line in invoke("export", "--index", str(index)).stdout.splitlines():
        claim = json.loads(line)
        text = _document_text(index, claim["source"]["doc_id"])
        assert text[claim["span"]["start"] : claim["span"]["end"]] == claim["text"]


def _document_text(index: Path, doc_id: str) -> str:
    from claimcheck.store import Store

    store = Store.open(index, create=False, readonly=True)
    try:
        return store.document_text(doc_id)
    finally:
        store.close()


def test_nothing_readable_exits_2(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = invoke("extract", str(empty), "--index", str(tmp_path / "i.db"), "--json")
    assert result.exit_code == 2
    assert json.loads(result.stdout)["skipped"][0]["path"].endswith("empty.txt")


def test_unknown_model_is_a_clear_error(tmp_path, corpus_dir):
    result = invoke(
        "extract", str(corpus_dir), "--index", str(tmp_path / "i.db"), "--model", "no_such_pipeline_xyz"
    )
    assert result.exit_code == 2
    assert "no_such_pipeline_xyz" in result.stderr
    assert "Traceback" not in result.output


def test_python_dash_m_and_version():
    done = subprocess.run(
        [sys.executable, "-m", "claimcheck", "--version"], capture_output=True, text=True, check=True
    )
    assert done.stdout.startswith("claimcheck ")


def test_index_from_a_newer_claimcheck_is_refused(tmp_path, indexed_corpus):
    index = tmp_path / "newer.db"
    shutil.copy(indexed_corpus, index)
    with sqlite3.connect(index) as conn:
        conn.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    for args in (("find", "Little Rocket Man"), ("export",), ("extract", str(tmp_path / "none"))):
        result = invoke(*args, "--index", str(index))
        assert result.exit_code == 3, (args, result.output)
        assert "99" in result.stderr and "Traceback" not in result.output
