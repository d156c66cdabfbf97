"""Shared fixtures: spaCy is loaded once per test session, the sample corpus indexed once."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "corpus"
EVAL_DIR = REPO.parent / "shared" / "eval"


@pytest.fixture(scope="session")
def nlp():
    """claimcheck's full pipeline (spaCy's English model plus claimcheck's components)."""
    from claimcheck.pipeline import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return CORPUS


@pytest.fixture(scope="session")
def eval_dir() -> Path:
    """The PolNeAR files; tests that need them skip where they are absent (a user's machine)."""
    if not (EVAL_DIR / "gold-dev.jsonl").exists():
        pytest.skip(f"PolNeAR gold files not found in {EVAL_DIR}")
    return EVAL_DIR


@pytest.fixture(scope="session")
def indexed_corpus(tmp_path_factory, nlp) -> Path:
    """An index built from a copy of the sample corpus, through the library's extract."""
    from claimcheck.extract import run_extract

    root = tmp_path_factory.mktemp("indexed")
    corpus = root / "corpus"
    shutil.copytree(CORPUS, corpus, ignore=shutil.ignore_patterns("__pycache__"))
    index = root / "index.db"
    summary = run_extract([str(corpus)], index)
    assert summary.documents_processed == 2, summary.to_json()
    return index


@pytest.fixture(scope="session")
def corpus_claims(indexed_corpus) -> list[dict]:
    """Every claim of the sample corpus, in the export JSON form."""
    from claimcheck.store import Store

    store = Store.open(indexed_corpus, create=False)
    try:
        return [json.loads(json.dumps(c)) for c in store.iter_claims()]
    finally:
        store.close()
