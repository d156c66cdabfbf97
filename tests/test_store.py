"""The SQLite claims index: schema, versions, atomic writes, concurrency, import."""

from __future__ import annotations

import hashlib
import inspect
import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from types import SimpleNamespace

import pytest

from claimcheck import store as store_mod
from claimcheck.claims import Claim, FigureRef, Mention, Source, Speaker
from claimcheck.store import (
    ImportResult,
    IndexCorruptError,
    IndexError_,
    IndexLockedError,
    IndexMissingError,
    IndexVersionError,
    Store,
)

SRC = Path(__file__).resolve().parents[1] / "src"


# ----------------------------------------------------------------------------- builders


def make_doc(path: str, text: str, key: str = "", **meta) -> SimpleNamespace:
    """Shaped like documents.Document (the store only reads these attributes)."""
    doc_id = hashlib.sha256(f"{path}#{key}".encode()).hexdigest()[:16]
    return SimpleNamespace(text=text, path=path, key=key, doc_id=doc_id,
                           sha256=hashlib.sha256(text.encode()).hexdigest(),
                           title=meta.get("title"), outlet=meta.get("outlet"), author=meta.get("author"),
                           published=meta.get("published"), url=meta.get("url"))


def make_src(path: str, sha: str = "f" * 64) -> SimpleNamespace:
    return SimpleNamespace(path=path, sha256=sha, size=123, mtime=1.5)


def claim_for(doc: SimpleNamespace, words: str, *, kind: str = "quote", speaker: str | None = None) -> Claim:
    start = doc.text.index(words)
    return Claim(
        kind=kind, text=words, start=start, end=start + len(words),
        source=Source(doc.doc_id, doc.path, doc.title, doc.outlet, doc.author, doc.published, doc.url),
        sentence=doc.text, sentence_start=0, sentence_end=len(doc.text),
        speaker=Speaker(speaker, Mention(speaker, 0, len(speaker)) if speaker else None),
        cue=Mention("said", 0, 4) if speaker else None,
        figures=[FigureRef("83%", 83, "percent", 0, 3)] if kind == "figure" else [],
    )


KING = "Robert King said “the strike will go on” and that “nobody is backing down”; 83% voted yes."
LEE = "Mayor Ann Lee said “the budget is balanced” and that cafés will reopen."


def put_king(s: Store, path: str = "/news/king.txt") -> SimpleNamespace:
    doc = make_doc(path, KING, title="Strike")
    s.put_document(doc, [claim_for(doc, "the strike will go on", speaker="Robert King"),
                         claim_for(doc, "nobody is backing down", speaker="Robert King"),
                         claim_for(doc, "83% voted yes", kind="figure")])
    return doc


def fts(s: Store, query: str) -> list[int]:
    return [r[0] for r in s.conn.execute("SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?", (query,))]


@pytest.fixture
def index(tmp_path: Path) -> Path:
    return tmp_path / "sub" / "claims.db"


@pytest.fixture
def store(index: Path):
    s = Store.open(index)
    yield s
    s.close()


# ----------------------------------------------------------------------------- schema


def test_creates_the_schema(store: Store, index: Path) -> None:
    names = {r[0]: r[1] for r in store.conn.execute("SELECT name, type FROM sqlite_master")}
    for table in ("meta", "files", "documents", "claims", "claims_fts", "claims_vocab"):
        assert names.get(table) == "table", table
    for idx in ("claims_doc_id", "claims_speaker", "claims_kind", "documents_path"):
        assert names.get(idx) == "index", idx
    for trigger in ("claims_ai", "claims_ad", "claims_au"):
        assert names.get(trigger) == "trigger", trigger
    fts_sql = store.conn.execute("SELECT sql FROM sqlite_master WHERE name = 'claims_fts'").fetchone()[0]
    assert "remove_diacritics 2" in fts_sql and "content='claims'" in fts_sql
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert store.conn.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL
    assert store.conn.execute("PRAGMA busy_timeout").fetchone()[0] == 10_000
    assert store.stats()["schema_version"] == store_mod.SCHEMA_VERSION == 2
    assert index.exists()  # parent directory was created


def test_missing_index(tmp_path: Path) -> None:
    for kw in ({"create": False}, {"readonly": True}):
        with pytest.raises(IndexMissingError, match="no claims index"):
            Store.open(tmp_path / "nope.db", **kw)
    assert not (tmp_path / "nope.db").exists()


def test_empty_file_is_created_only_when_asked(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    path.touch()
    with pytest.raises(IndexMissingError, match="empty"):
        Store.open(path, create=False)
    with Store.open(path) as s:
        assert s.stats()["schema_version"] == store_mod.SCHEMA_VERSION


@pytest.mark.parametrize(
    "content",
    [os.urandom(8192), b"just some notes\nnot an index\n" * 50, b"SQLite format 3\x00" + os.urandom(4096)],
    ids=["random-bytes", "text-file", "bad-pages"],
)
def test_corrupt_file_is_refused(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "claims.db"
    path.write_bytes(content)
    with pytest.raises(IndexCorruptError, match=str(path)):
        Store.open(path)
    with pytest.raises(IndexCorruptError):
        Store.open(path, readonly=True)
    assert path.read_bytes() == content  # never "repaired" by overwriting


def test_other_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE recipes(name TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(IndexCorruptError, match="not a claimcheck index"):
        Store.open(path)


def test_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(IndexCorruptError, match="directory"):
        Store.open(tmp_path)


# ----------------------------------------------------------------------------- versions


def _set_version(path: Path, version: int) -> None:
    conn = sqlite3.connect(path)
    conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(version),))
    conn.commit()
    conn.close()


def test_newer_index_is_refused(index: Path) -> None:
    with Store.open(index) as s:
        put_king(s)
    _set_version(index, 99)
    for kw in ({}, {"readonly": True}):
        with pytest.raises(IndexVersionError, match=r"schema version 99.*newer claimcheck"):
            Store.open(index, **kw)


def _add_tags_column(conn: sqlite3.Connection) -> None:
    conn.execute("ALTER TABLE claims ADD COLUMN tags TEXT")
    conn.execute("UPDATE claims SET tags = kind")


def test_older_index_is_migrated(index: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with Store.open(index) as s:
        put_king(s)
    current = store_mod.SCHEMA_VERSION
    monkeypatch.setattr(store_mod, "MIGRATIONS", [*store_mod.MIGRATIONS, _add_tags_column])
    monkeypatch.setattr(store_mod, "SCHEMA_VERSION", current + 1)
    with pytest.raises(IndexVersionError, match="needs an upgrade"):
        Store.open(index, readonly=True)  # a reader cannot migrate
    with Store.open(index) as s:
        assert s.stats()["schema_version"] == current + 1
        assert sorted(r[0] for r in s.conn.execute("SELECT tags FROM claims")) == ["figure", "quote", "quote"]
        assert len(list(s.iter_claims())) == 3
    with Store.open(index, readonly=True) as s:  # now current
        assert s.stats()["claims"] == 3


def test_failed_migration_leaves_the_index_as_it_was(index: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with Store.open(index) as s:
        put_king(s)

    def broken(conn: sqlite3.Connection) -> None:
        _add_tags_column(conn)
        raise RuntimeError("migration bug")

    current = store_mod.SCHEMA_VERSION
    monkeypatch.setattr(store_mod, "MIGRATIONS", [*store_mod.MIGRATIONS, broken])
    monkeypatch.setattr(store_mod, "SCHEMA_VERSION", current + 1)
    with pytest.raises(RuntimeError, match="migration bug"):
        Store.open(index)
    monkeypatch.undo()
    with Store.open(index) as s:
        assert s.stats()["schema_version"] == current
        assert "tags" not in [r[1] for r in s.conn.execute("PRAGMA table_info(claims)")]
        assert s.stats()["claims"] == 3


def test_migrations_run_in_order_from_any_version(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[int] = []

    def step(n: int):
        def migrate(conn: sqlite3.Connection) -> None:
            seen.append(n)
        return migrate

    current = store_mod.SCHEMA_VERSION
    later = [step(current + 1), step(current + 2)]
    monkeypatch.setattr(store_mod, "MIGRATIONS", [*store_mod.MIGRATIONS, *later])
    monkeypatch.setattr(store_mod, "SCHEMA_VERSION", current + 2)
    with Store.open(tmp_path / "new.db") as s:  # from nothing, through every migration in order
        assert s.stats()["schema_version"] == current + 2
    assert seen == [current + 1, current + 2]


# ----------------------------------------------------------------------------- documents


def test_put_stores_exact_claim_json_and_text(store: Store) -> None:
    doc = make_doc("/news/king.txt", KING, title="Strike")
    claims = [claim_for(doc, "the strike will go on", speaker="Robert King")]
    assert store.put_document(doc, claims) == 1
    assert list(store.iter_claims()) == [claims[0].to_json()]
    assert store.document_text(doc.doc_id) == KING
    assert store.document_sha(doc.doc_id) == doc.sha256
    assert store.document(doc.doc_id)["title"] == "Strike"
    assert store.claim(claims[0].id) == claims[0].to_json()
    stored = json.loads(store.conn.execute("SELECT json FROM claims").fetchone()[0])
    text = store.document_text(stored["source"]["doc_id"])
    assert text[stored["span"]["start"] : stored["span"]["end"]] == stored["text"]


def test_put_replaces_claims_and_fts(store: Store) -> None:
    doc = put_king(store)
    assert len(fts(store, "text : backing")) == 1
    assert store.put_document(doc, [claim_for(doc, "the strike will go on", speaker="Robert King")]) == 1
    assert [c["text"] for c in store.iter_claims()] == ["the strike will go on"]
    assert fts(store, "text : backing") == [] and len(fts(store, "text : strike")) == 1
    assert store.integrity_check() == []


def test_invalid_claims_are_refused_before_writing(store: Store) -> None:
    doc = put_king(store)
    bad = claim_for(doc, "the strike will go on").to_json()
    bad["dates"] = [{"text": "June", "value": "in June", "start": 0, "end": 4}]
    with pytest.raises(ValueError, match=r"/news/king.txt: dates.0.value"):
        store.put_document(doc, [claim_for(doc, "nobody is backing down"), bad])
    lee = make_doc("/news/lee.txt", LEE)
    with pytest.raises(ValueError, match=r"source\.doc_id"):
        store.put_document(doc, [claim_for(lee, "the budget is balanced")])
    assert store.stats()["claims"] == 3


def test_a_put_failing_midway_is_rolled_back(store: Store) -> None:
    doc = put_king(store)
    store.conn.execute(
        "CREATE TEMP TRIGGER boom BEFORE INSERT ON main.claims WHEN new.text = 'nobody is backing down' "
        "BEGIN SELECT RAISE(ABORT, 'boom'); END"
    )
    with pytest.raises(sqlite3.IntegrityError, match="boom"):
        store.put_document(doc, [claim_for(doc, "the strike will go on"),
                                 claim_for(doc, "nobody is backing down")])
    store.conn.execute("DROP TRIGGER temp.boom")
    assert [c["text"] for c in store.iter_claims()] == ["the strike will go on", "nobody is backing down",
                                                        "83% voted yes"]
    assert store.integrity_check() == []


def test_duplicate_claims_in_one_document_are_stored_once(store: Store) -> None:
    doc = make_doc("/news/king.txt", KING)
    claim = claim_for(doc, "the strike will go on")
    assert store.put_document(doc, [claim, claim]) == 1


def test_fts_folds_case_and_diacritics(store: Store) -> None:
    doc = make_doc("/news/lee.txt", LEE)
    store.put_document(doc, [claim_for(doc, "cafés will reopen", kind="paraphrase", speaker="Ann Lee")])
    assert len(fts(store, "text : CAFES")) == 1
    assert len(fts(store, "speaker : lee")) == 1
    vocab = {t: (d, c) for t, d, c in store.conn.execute("SELECT term, doc, cnt FROM claims_vocab")}
    assert vocab["cafes"] == (1, 2)  # one claim, in its text and its sentence
    assert vocab["lee"] == (1, 2)


def test_finish_file_records_sha_and_drops_stale_documents(store: Store) -> None:
    path = "/news/feed.jsonl"
    docs = [make_doc(path, KING, key="1"), make_doc(path, LEE, key="2")]
    for d in docs:
        store.put_document(d, [claim_for(d, d.text.split("“")[1].split("”")[0])])
    assert store.finish_file(make_src(path, "a" * 64), [d.doc_id for d in docs]) == 0
    assert store.file_sha(path) == "a" * 64
    # the file changed: record 2 is gone
    assert store.finish_file(make_src(path, "b" * 64), [docs[0].doc_id]) == 1
    assert store.file_sha(path) == "b" * 64
    assert store.document_text(docs[1].doc_id) is None
    assert {c["source"]["doc_id"] for c in store.iter_claims()} == {docs[0].doc_id}
    assert store.stats()["files"] == 1
    assert store.integrity_check() == []


def test_remove_file(store: Store) -> None:
    doc = put_king(store)
    store.finish_file(make_src(doc.path), [doc.doc_id])
    other = put_king(store, "/news/other.txt")
    assert store.remove_file(doc.path) == 1
    assert store.file_sha(doc.path) is None and store.document_text(doc.doc_id) is None
    assert {c["source"]["doc_id"] for c in store.iter_claims()} == {other.doc_id}
    assert store.claims_by_rowid(fts(store, "text : strike"))[0]["source"]["path"] == "/news/other.txt"
    assert len(fts(store, "text : strike")) == 1
    assert store.remove_file("/never/indexed.txt") == 0


def test_files_under(store: Store) -> None:
    for p in ("/x/corpus/a.txt", "/x/corpus/sub/b.txt", "/x/corpus2/c.txt", "/x/other.txt", "/x/corpus.txt"):
        store.finish_file(make_src(p), [])
    assert store.files_under(["/x/corpus"]) == ["/x/corpus/a.txt", "/x/corpus/sub/b.txt"]
    assert store.files_under(["/x/corpus/"]) == ["/x/corpus/a.txt", "/x/corpus/sub/b.txt"]
    assert store.files_under(["/x/other.txt", "/x/corpus/sub"]) == ["/x/corpus/sub/b.txt", "/x/other.txt"]
    assert store.files_under(["/y"]) == []


# ----------------------------------------------------------------------------- reading


def test_iter_claims_filters_and_streams(store: Store) -> None:
    put_king(store)
    lee = make_doc("/news/lee.txt", LEE)
    store.put_document(lee, [claim_for(lee, "the budget is balanced", speaker="Ann Lee")])
    it = store.iter_claims()
    assert inspect.isgenerator(it)
    assert len(list(it)) == 4
    assert [c["text"] for c in store.iter_claims(kind="figure")] == ["83% voted yes"]
    assert len(list(store.iter_claims(speaker="robert KING"))) == 2
    assert len(list(store.iter_claims(kind="quote", speaker="Ann Lee"))) == 1
    assert next(store.iter_claims(doc_id=lee.doc_id, raw=True)).startswith('{"schema_version":')
    assert list(store.iter_claims(speaker="Nobody")) == []
    assert len(list(store.iter_claims(speaker="king"))) == 2  # a surname finds the full name
    assert list(store.iter_claims(speaker="King Lee")) == []  # every word must be in one name
    assert list(store.iter_claims(speaker=" .. ")) == []


def test_claims_by_rowid_keeps_the_order_asked(store: Store) -> None:
    put_king(store)
    rowids = [r[0] for r in store.conn.execute("SELECT rowid FROM claims ORDER BY rowid")]
    got = store.claims_by_rowid([rowids[2], 999, rowids[0], rowids[2]])
    assert [c["kind"] for c in got] == ["figure", "quote"]
    assert store.claims_by_rowid([]) == []


def test_speakers_and_stats(store: Store) -> None:
    doc = put_king(store)
    lee = make_doc("/news/lee.txt", LEE)
    store.put_document(lee, [claim_for(lee, "the budget is balanced", speaker="Ann Lee"),
                             claim_for(lee, "cafés will reopen", kind="paraphrase", speaker="ann lee")])
    store.finish_file(make_src(doc.path), [doc.doc_id])
    speakers = store.speakers()
    assert [s["name"].casefold() for s in speakers] == ["ann lee", "robert king"]
    assert speakers[0]["claims"] == 2 and speakers[0]["kinds"] == {"quote": 1, "paraphrase": 1}
    assert speakers[1]["kinds"] == {"quote": 2}
    stats = store.stats()
    assert stats["documents"] == 2 and stats["files"] == 1 and stats["claims"] == 5 and stats["speakers"] == 2
    assert stats["claims_by_kind"] == {"quote": 3, "paraphrase": 1, "figure": 1}
    assert stats["size_bytes"] > 0


# ----------------------------------------------------------------------------- concurrency


def test_readers_see_committed_state_during_a_write(index: Path) -> None:
    with Store.open(index) as writer:
        put_king(writer)
        reader = Store.open(index, readonly=True)
        other = Store.open(index)
        try:
            with writer._transaction() as c:
                c.execute("DELETE FROM claims")
                # mid-transaction: both readers still see the last committed state, without waiting
                start = time.monotonic()
                assert reader.stats()["claims"] == 3
                assert len(list(other.iter_claims())) == 3
                assert time.monotonic() - start < 2
            assert reader.stats()["claims"] == 0
        finally:
            reader.close()
            other.close()


def test_readonly_store_refuses_writes(index: Path) -> None:
    Store.open(index).close()
    with Store.open(index, readonly=True) as s:
        with pytest.raises(IndexError_, match="read-only"):
            put_king(s)
        with pytest.raises(IndexError_, match="read-only"), s.writer_lock():
            pass


def test_second_writer_waits_then_gives_up(index: Path) -> None:
    with Store.open(index) as first, Store.open(index) as second:
        with first.writer_lock():
            with first.writer_lock():  # reentrant
                pass
            start = time.monotonic()
            with pytest.raises(IndexLockedError, match="another claimcheck process"):
                second.writer_lock(timeout=0.3).__enter__()
            assert 0.25 <= time.monotonic() - start < 5
        with second.writer_lock(timeout=0.3):  # released: the second writer gets it
            pass


def test_import_waits_for_the_writer_lock(index: Path) -> None:
    with (
        Store.open(index) as first,
        Store.open(index, lock_timeout=0.2) as second,
        first.writer_lock(),
        pytest.raises(IndexLockedError),
    ):
        second.import_claims([])


def _child(code: str, index: Path) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    script = "import sys, hashlib\nfrom claimcheck.store import Store\n" + textwrap.dedent(code)
    args = [sys.executable, "-c", script, str(index)]
    return subprocess.Popen(args, stdout=subprocess.PIPE, text=True, env=env)


@pytest.mark.skipif(os.name == "nt", reason="kill -9 is POSIX")
def test_writer_lock_dies_with_a_killed_process(index: Path) -> None:
    Store.open(index).close()
    child = _child("""
        s = Store.open(sys.argv[1])
        with s.writer_lock():
            print("locked", flush=True)
            __import__("time").sleep(60)
    """, index)
    try:
        assert child.stdout.readline().strip() == "locked"
        with Store.open(index) as s:
            with pytest.raises(IndexLockedError), s.writer_lock(timeout=0.2):
                pass
            child.send_signal(signal.SIGKILL)
            child.wait(10)
            with s.writer_lock(timeout=5):
                pass
    finally:
        child.kill()
        child.wait()


@pytest.mark.skipif(os.name == "nt", reason="kill -9 is POSIX")
def test_kill_during_writes_keeps_every_finished_document(index: Path) -> None:
    Store.open(index).close()
    child = _child("""
        from types import SimpleNamespace
        from claimcheck.claims import Claim, Source
        s = Store.open(sys.argv[1])
        with s.writer_lock():
            for i in range(100000):
                text = f"Document {i} says “quote number {i} is here” and more. " * 20
                doc_id = hashlib.sha256(f"/k/{i}.txt#".encode()).hexdigest()[:16]
                doc = SimpleNamespace(text=text, path=f"/k/{i}.txt", key="", doc_id=doc_id, sha256="x")
                start = text.index("quote")
                claims = [Claim(kind="quote", text=text[start + j:start + j + 8], start=start + j,
                                end=start + j + 8, source=Source(doc_id, doc.path)) for j in range(30)]
                s.put_document(doc, claims)
                s.finish_file(SimpleNamespace(path=doc.path, sha256="x", size=1, mtime=0.0), [doc_id])
                print(doc_id, flush=True)
    """, index)
    finished: list[str] = []
    try:
        deadline = time.monotonic() + 60
        while len(finished) < 25 and time.monotonic() < deadline:
            finished.append(child.stdout.readline().strip())
        time.sleep(0.137)  # land somewhere inside a later transaction
        child.send_signal(signal.SIGKILL)
        child.wait(10)
    finally:
        child.kill()
        child.wait()
    assert len(finished) == 25
    with Store.open(index) as s:
        assert s.integrity_check() == []
        for doc_id in finished:
            assert len(list(s.iter_claims(doc_id=doc_id))) == 30
        stats = s.stats()
        assert stats["claims"] == 30 * stats["documents"]  # no half-written document


# ----------------------------------------------------------------------------- import


def _records(store_doc: SimpleNamespace) -> list[dict]:
    return [claim_for(store_doc, w, speaker="Robert King").to_json()
            for w in ("the strike will go on", "nobody is backing down")] + [
        claim_for(store_doc, "83% voted yes", kind="figure").to_json()]


def test_import_dedups_and_reports_invalid_lines(store: Store) -> None:
    doc = make_doc("corpus/king.txt", KING, title="Strike", outlet="Daily")
    good = _records(doc)
    bad = dict(good[0], kind="tweet")
    result = store.import_claims([(1, good[0]), (2, good[1]), (3, bad), (4, good[0]), (5, "nonsense"),
                                  (6, good[2])], batch_size=2)
    assert isinstance(result, ImportResult)
    assert (result.imported, result.duplicates, result.invalid) == (3, 1, 2)
    assert [(e.line, e.error.split(":")[0]) for e in result.errors] == [
        (3, "kind"), (5, "claim must be a JSON object, not str")]
    again = store.import_claims(good)  # plain dicts work too
    assert (again.imported, again.duplicates, again.invalid) == (0, 3, 0)
    assert list(store.iter_claims()) == good
    assert store.document_text(doc.doc_id) is None and store.document_sha(doc.doc_id) == ""
    assert store.document(doc.doc_id)["path"] == "corpus/king.txt"
    assert store.document(doc.doc_id)["outlet"] == "Daily"
    assert len(fts(store, "text : backing")) == 1 and len(fts(store, "text : voted")) == 1
    assert store.integrity_check() == []
    json.dumps(result.to_json())


def test_import_keeps_extracted_text_and_fts_triggers(store: Store) -> None:
    doc = put_king(store)
    lee = make_doc("/news/lee.txt", LEE)
    result = store.import_claims([*_records(doc), claim_for(lee, "the budget is balanced").to_json()])
    assert (result.imported, result.duplicates) == (1, 3)
    assert store.document_text(doc.doc_id) == KING  # an import never drops extracted text
    # the per-row FTS trigger is back after a bulk import
    store.put_document(lee, [claim_for(lee, "cafés will reopen")])
    assert len(fts(store, "text : cafes")) == 1 and fts(store, "text : budget") == []
    assert store.integrity_check() == []


def test_error_list_is_capped(store: Store) -> None:
    result = store.import_claims(((i, {"bad": i}) for i in range(1, 501)), max_errors=10)
    assert result.invalid == 500 and len(result.errors) == 10 and result.errors[-1].line == 10


def test_import_stopped_midway_keeps_committed_batches(store: Store) -> None:
    doc = make_doc("corpus/king.txt", KING)
    records = _records(doc)

    def feed():
        yield from records[:2]
        yield from records[:2]  # duplicates: still a full batch
        raise RuntimeError("reader failed")

    with pytest.raises(RuntimeError, match="reader failed"):
        store.import_claims(feed(), batch_size=2)
    assert store.stats()["claims"] == 2
    assert store.integrity_check() == []
    triggers = store.conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall()
    assert sorted(t[0] for t in triggers) == ["claims_ad", "claims_ai", "claims_au"]


def test_import_write_errors_reach_the_caller(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    doc = make_doc("corpus/king.txt", KING)
    calls = []
    original = Store._import_batch

    def failing(self, rows, docs, result):
        calls.append(len(rows))
        if len(calls) == 2:
            raise sqlite3.OperationalError("disk I/O error")
        original(self, rows, docs, result)

    monkeypatch.setattr(Store, "_import_batch", failing)
    with pytest.raises(sqlite3.OperationalError, match="disk I/O"):
        store.import_claims(_records(doc), batch_size=1)
    assert store.stats()["claims"] == 1
    assert store.integrity_check() == []


def test_interrupted_import_leaves_a_consistent_index(store: Store) -> None:
    doc = make_doc("corpus/king.txt", KING)

    def feed():
        yield from _records(doc)
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        store.import_claims(feed(), batch_size=1)
    assert store.stats()["claims"] <= 3
    assert store.integrity_check() == []
    assert len(list(store.iter_claims())) == len(fts(store, "text : the OR text : nobody OR text : voted"))
    store.import_claims(_records(doc))  # and the writer lock was released
    assert store.stats()["claims"] == 3
