"""``kill -9`` in the middle of ``extract`` must leave a sound index that a re-run completes.

A real subprocess is killed while it writes; the index must pass SQLite's integrity check,
hold only whole documents, let readers in while the writer works, and, after a re-run, be
exactly what a clean run gives.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

SPEAKERS = ["Maria Alvarez", "Tom Becker", "Lena Okafor", "Samir Haddad", "Grace Liu", "Piotr Nowak"]
DOCUMENTS = 48


def write_corpus(root: Path) -> None:
    """Articles written for this test: quotes, speakers, figures, dates."""
    root.mkdir(parents=True)
    for n in range(DOCUMENTS):
        paragraphs = []
        for k in range(12):
            who = SPEAKERS[(n + k) % len(SPEAKERS)]
            surname = who.split()[-1]
            paragraphs.append(
                f"“The budget for item {n}-{k} rose {k + 3}% since {2001 + k},” {who}, a council member, "
                f"told reporters in March. “We will vote on it again next week,” {surname} added. "
                f"The committee said the plan would cost ${k + 1}.5 million over {k + 2} years."
            )
        (root / f"article_{n:03d}.txt").write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")


def extract_cmd(corpus: Path, index: Path) -> list[str]:
    return [sys.executable, "-m", "claimcheck", "extract", str(corpus), "--index", str(index), "--json"]


def start_extract(corpus: Path, index: Path, env: dict[str, str]) -> subprocess.Popen:
    pipe = subprocess.PIPE
    return subprocess.Popen(extract_cmd(corpus, index), stdout=pipe, stderr=pipe, env=env)


def count(index: Path, table: str) -> int:
    if not index.exists():
        return 0
    conn = sqlite3.connect(f"file:{index}?mode=ro", uri=True, timeout=5)
    try:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    except sqlite3.OperationalError:
        return 0
    finally:
        conn.close()


def export(index: Path) -> list[dict]:
    out = subprocess.run(
        [sys.executable, "-m", "claimcheck", "export", "--index", str(index)],
        check=True, capture_output=True, text=True,
    ).stdout
    return sorted((json.loads(line) for line in out.splitlines()), key=lambda c: c["id"])


@pytest.mark.slow
def test_kill_during_extract_then_rerun_matches_clean_run(tmp_path):
    corpus = tmp_path / "corpus"
    write_corpus(corpus)
    index = tmp_path / "killed.db"
    env = {**os.environ, "NO_COLOR": "1"}
    proc = start_extract(corpus, index, env)
    try:
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline and proc.poll() is None:
            if index.exists() and count(index, "documents") >= 3:
                break
            time.sleep(0.02)
        assert proc.poll() is None, "extract finished before it could be interrupted"
        # A reader gets in while the writer works.
        found = subprocess.run(
            [sys.executable, "-m", "claimcheck", "find", "budget rose", "--index", str(index), "--json"],
            capture_output=True, text=True, env=env,
        )
        assert found.returncode in (0, 1), found.stderr
        assert "Traceback" not in found.stderr
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()

    conn = sqlite3.connect(index)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        done = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        empty = conn.execute(
            "SELECT count(*) FROM documents d "
            "WHERE NOT EXISTS (SELECT 1 FROM claims c WHERE c.doc_id = d.doc_id)"
        ).fetchone()[0]
    finally:
        conn.close()
    assert 1 <= done < DOCUMENTS
    assert empty == 0, "a document was stored without its claims"

    rerun = subprocess.run(extract_cmd(corpus, index), capture_output=True, text=True, env=env, check=True)
    summary = json.loads(rerun.stdout)
    finished_before = summary["documents"]["unchanged"] + summary["files"]["unchanged"]
    assert summary["documents"]["processed"] + finished_before == DOCUMENTS
    assert finished_before >= done - 1
    assert summary["documents"]["processed"] <= DOCUMENTS - done + 1

    clean = tmp_path / "clean.db"
    subprocess.run(extract_cmd(corpus, clean), capture_output=True, text=True, env=env, check=True)
    assert export(index) == export(clean)


@pytest.mark.slow
def test_second_writer_gets_a_clear_message(tmp_path):
    corpus = tmp_path / "corpus"
    write_corpus(corpus)
    index = tmp_path / "index.db"
    env = {**os.environ, "NO_COLOR": "1", "CLAIMCHECK_LOCK_TIMEOUT": "0.5"}
    first = start_extract(corpus, index, env)
    try:
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline and first.poll() is None and count(index, "documents") < 1:
            time.sleep(0.02)
        assert first.poll() is None
        second = subprocess.run(extract_cmd(corpus, index), capture_output=True, text=True, env=env)
        assert second.returncode == 3
        assert "Traceback" not in second.stderr
        assert "another" in second.stderr.lower() or "locked" in second.stderr.lower()
    finally:
        first.kill()
        first.wait()
    conn = sqlite3.connect(index)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()
