"""The claims index: one SQLite file holding documents, their claims and an FTS5 index.

Why it is shaped this way:

* The claim JSON is stored verbatim (``claims.json``) so ``find``/``export`` return exactly
  what ``extract`` produced; a few columns are copied out of it for filtering and FTS.
* Documents keep their text, so every offset can be re-checked against the source.
* The schema has a version in ``meta``; older indexes are migrated on open by an ordered
  list of migrations, newer ones are refused rather than misread.
* WAL mode lets ``find``/``check`` read while ``extract`` writes. One writer at a time is
  enforced with an OS file lock on ``INDEX.lock`` that the kernel drops when the process
  dies, even by ``kill -9``; every document is written in one transaction, so a crash
  leaves an index holding every document that finished.
"""

from __future__ import annotations

import contextlib
import json
import os
import queue
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from claimcheck import __version__
from claimcheck.validation import validate_claim

SCHEMA_VERSION = 2
BUSY_TIMEOUT_S = 10.0
LOCK_TIMEOUT_S = 10.0
IMPORT_BATCH = 10_000
IMPORT_CACHE_KIB = 256 * 1024
MAX_REPORTED_ERRORS = 100
_SQLITE_MAGIC = b"SQLite format 3\x00"
_IN_CHUNK = 500  # ids per "IN (...)" query, well under SQLite's variable limit


class IndexError_(Exception):  # trailing underscore: do not shadow the builtin IndexError
    """Base of every index problem the CLI reports with a clear message."""


class IndexMissingError(IndexError_):
    """The index file does not exist and we were told not to create it."""


class IndexCorruptError(IndexError_):
    """The file is not a SQLite database, is damaged, or is not a claimcheck index."""


class IndexVersionError(IndexError_):
    """The index was written by a newer claimcheck (or cannot be migrated read-only)."""


class IndexLockedError(IndexError_):
    """Another process holds the index for writing (or SQLite stayed busy past the timeout)."""


@dataclass
class InvalidRecord:
    line: int | None
    error: str

    def to_json(self) -> dict[str, Any]:
        return {"line": self.line, "error": self.error}


@dataclass
class ImportResult:
    """Counts of an import; ``errors`` keeps the first few invalid records with their line numbers."""

    imported: int = 0
    duplicates: int = 0
    invalid: int = 0
    errors: list[InvalidRecord] = field(default_factory=list)
    seconds: float = 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "imported": self.imported,
            "duplicates": self.duplicates,
            "invalid": self.invalid,
            "errors": [e.to_json() for e in self.errors],
            "seconds": round(self.seconds, 3),
        }


# --------------------------------------------------------------------------- schema + migrations

_V1_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE files(
    path TEXT PRIMARY KEY,
    sha256 TEXT NOT NULL,
    size INTEGER,
    mtime REAL,
    indexed_at TEXT
);
CREATE TABLE documents(
    doc_id TEXT PRIMARY KEY,
    path TEXT NOT NULL,
    key TEXT NOT NULL DEFAULT '',
    sha256 TEXT NOT NULL DEFAULT '',
    title TEXT, outlet TEXT, author TEXT, published TEXT, url TEXT,
    text TEXT,
    indexed_at TEXT
);
CREATE INDEX documents_path ON documents(path);
CREATE TABLE claims(
    rowid INTEGER PRIMARY KEY,
    id TEXT UNIQUE NOT NULL,
    doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('quote', 'paraphrase', 'figure')),
    text TEXT NOT NULL,
    sentence TEXT,
    speaker TEXT,
    start INTEGER,
    "end" INTEGER,
    json TEXT NOT NULL
);
CREATE INDEX claims_doc_id ON claims(doc_id);
CREATE INDEX claims_speaker ON claims(speaker COLLATE NOCASE);
CREATE INDEX claims_kind ON claims(kind);
CREATE VIRTUAL TABLE claims_fts USING fts5(
    text, sentence, speaker,
    content='claims', content_rowid='rowid',
    tokenize='unicode61 remove_diacritics 2', detail=full
);
CREATE VIRTUAL TABLE claims_vocab USING fts5vocab(claims_fts, row);
CREATE TRIGGER claims_ai AFTER INSERT ON claims BEGIN
    INSERT INTO claims_fts(rowid, text, sentence, speaker)
    VALUES (new.rowid, new.text, new.sentence, new.speaker);
END;
CREATE TRIGGER claims_ad AFTER DELETE ON claims BEGIN
    INSERT INTO claims_fts(claims_fts, rowid, text, sentence, speaker)
    VALUES ('delete', old.rowid, old.text, old.sentence, old.speaker);
END;
CREATE TRIGGER claims_au AFTER UPDATE OF text, sentence, speaker ON claims BEGIN
    INSERT INTO claims_fts(claims_fts, rowid, text, sentence, speaker)
    VALUES ('delete', old.rowid, old.text, old.sentence, old.speaker);
    INSERT INTO claims_fts(rowid, text, sentence, speaker)
    VALUES (new.rowid, new.text, new.sentence, new.speaker);
END;
"""

# Same text as in _V1_SCHEMA: bulk imports drop it and fill the FTS table set-wise instead.
_INSERT_TRIGGER = """
CREATE TRIGGER claims_ai AFTER INSERT ON claims BEGIN
    INSERT INTO claims_fts(rowid, text, sentence, speaker)
    VALUES (new.rowid, new.text, new.sentence, new.speaker);
END;
"""


def _execute_script(conn: sqlite3.Connection, script: str) -> None:
    """Run statements one by one: ``executescript`` would COMMIT our migration transaction."""
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            conn.execute(statement)
            statement = ""
    if statement.strip():
        raise ValueError(f"incomplete SQL statement: {statement!r}")


def _migrate_to_1(conn: sqlite3.Connection) -> None:
    """Version 0 is an empty database: create the first schema."""
    _execute_script(conn, _V1_SCHEMA)


def _migrate_to_2(conn: sqlite3.Connection) -> None:
    """Version 2 records which extractor read each document and file (``extractor.fingerprint``). An
    index from before has '' there, so the next extract reads its documents again with the current
    components instead of keeping claims an older claimcheck found."""
    conn.execute("ALTER TABLE documents ADD COLUMN extractor TEXT NOT NULL DEFAULT ''")
    conn.execute("ALTER TABLE files ADD COLUMN extractor TEXT NOT NULL DEFAULT ''")


# MIGRATIONS[i] takes an index from version i to version i + 1, inside one transaction.
# To change the schema: append a function, bump SCHEMA_VERSION, never edit an old one.
MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [_migrate_to_1, _migrate_to_2]


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _attr(obj: Any, name: str, default: Any = None) -> Any:
    if isinstance(obj, dict):
        return obj.get(name, default)
    return getattr(obj, name, default)


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _claim_row(doc_id: str, record: dict[str, Any]) -> tuple[Any, ...]:
    speaker = record.get("speaker") or {}
    span = record["span"]
    return (
        record["id"], doc_id, record["kind"], record["text"], record.get("sentence"),
        speaker.get("name"), span["start"], span["end"], _dumps(record),
    )


_INSERT_CLAIM = (
    'INSERT OR IGNORE INTO claims(id, doc_id, kind, text, sentence, speaker, start, "end", json) '
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def _chunks(items: Sequence[Any], size: int = _IN_CHUNK) -> Iterator[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


# --------------------------------------------------------------------------- writer lock


class _FileLock:
    """An exclusive OS lock on a side file; the kernel releases it when the process dies."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None
        self._depth = 0

    def acquire(self, timeout: float) -> None:
        if self._depth:
            self._depth += 1
            return
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o666)
        deadline = time.monotonic() + timeout
        while True:
            if _try_lock(fd):
                break
            if time.monotonic() >= deadline:
                os.close(fd)
                raise IndexLockedError(
                    f"index {self.path.with_suffix('')} is being written by another claimcheck process "
                    f"(extract or import); waited {timeout:g} s for it to finish. Try again later."
                )
            time.sleep(0.05)
        self._fd = fd
        self._depth = 1
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
            os.write(fd, f"{os.getpid()}\n".encode())

    def release(self) -> None:
        if not self._depth:
            return
        self._depth -= 1
        if self._depth == 0 and self._fd is not None:
            _unlock(self._fd)
            os.close(self._fd)
            self._fd = None


if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        with contextlib.suppress(OSError):
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


class _BatchWriter:
    """Runs ``write(rows, docs, result)`` for each batch on one background thread, in order.

    The producer blocks when two batches are waiting (bounded memory); an error in the writer
    is re-raised in the producer at its next ``put`` or at exit. If the producer fails, the
    batches it handed over are still written (each was complete); on Ctrl-C those not yet
    started are dropped, so the import stops at once with every committed batch kept.
    """

    def __init__(self, write: Callable[..., None], result: ImportResult) -> None:
        self._write = write
        self._result = result
        self._queue: queue.Queue[tuple[Any, Any] | None] = queue.Queue(maxsize=2)
        self._error: BaseException | None = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="claimcheck-import", daemon=True)

    def __enter__(self) -> _BatchWriter:
        self._thread.start()
        return self

    def _run(self) -> None:
        while (item := self._queue.get()) is not None:
            if self._stop.is_set() or self._error is not None:
                continue  # drain without writing
            try:
                self._write(*item, self._result)
            except BaseException as exc:  # handed to the producer thread
                self._error = exc

    def put(self, rows: list[tuple[Any, ...]], docs: dict[str, tuple[Any, ...]]) -> None:
        if self._error is not None:
            raise self._error
        self._queue.put((rows, docs))

    def __exit__(self, exc_type: type[BaseException] | None, exc: object, tb: object) -> None:
        if exc_type is not None and not issubclass(exc_type, Exception):  # KeyboardInterrupt, SystemExit
            self._stop.set()
        self._queue.put(None)
        self._thread.join()
        if self._error is not None and exc_type is None:
            raise self._error


# --------------------------------------------------------------------------- the store


class Store:
    """A claims index. Open with :meth:`open`; use as a context manager to close it."""

    def __init__(self, conn: sqlite3.Connection, path: Path, *, readonly: bool, lock_timeout: float) -> None:
        self.conn = conn
        self.path = path
        self.readonly = readonly
        self.lock_timeout = lock_timeout
        self._lock = _FileLock(Path(f"{path}.lock"))
        self._in_tx = False
        self._create = True

    # -- opening ------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: str | Path,
        *,
        create: bool = True,
        readonly: bool = False,
        busy_timeout: float = BUSY_TIMEOUT_S,
        lock_timeout: float = LOCK_TIMEOUT_S,
    ) -> Store:
        """Open (creating or migrating) an index; raise an ``IndexError_`` subclass when impossible."""
        path = Path(path)
        exists = path.exists()
        if not exists and (readonly or not create):
            raise IndexMissingError(f"no claims index at {path} (run `claimcheck extract` to build one)")
        if exists:
            _check_header(path)
        elif create:
            path.parent.mkdir(parents=True, exist_ok=True)
        try:
            if readonly:
                conn = sqlite3.connect(
                    f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=busy_timeout,
                    isolation_level=None, check_same_thread=False,
                )
            else:
                conn = sqlite3.connect(
                    path, timeout=busy_timeout, isolation_level=None, check_same_thread=False
                )
        except sqlite3.Error as exc:
            raise IndexCorruptError(f"cannot open index {path}: {exc}") from exc
        store = cls(conn, path, readonly=readonly, lock_timeout=lock_timeout)
        store._create = create
        try:
            store._configure(busy_timeout)
            store._upgrade()
        except sqlite3.DatabaseError as exc:
            conn.close()
            if isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc):
                raise IndexLockedError(f"index {path} is busy: {exc}") from exc
            raise IndexCorruptError(f"index {path} is not a usable claims index: {exc}") from exc
        except BaseException:
            conn.close()
            raise
        return store

    def _configure(self, busy_timeout: float) -> None:
        c = self.conn
        c.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
        c.execute("PRAGMA foreign_keys = ON")
        if not self.readonly:
            mode = c.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() != "wal":  # pragma: no cover - e.g. a filesystem without shared memory
                raise IndexCorruptError(f"index {self.path}: cannot switch to WAL journal mode (got {mode})")
            c.execute("PRAGMA synchronous = NORMAL")
        c.execute("PRAGMA cache_size = -32768")  # 32 MiB

    def _version(self) -> int:
        tables = {r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "meta" not in tables:
            if tables:
                names = ", ".join(sorted(tables))
                raise IndexCorruptError(f"{self.path} is a SQLite database, not a claimcheck index ({names})")
            return 0
        row = self.conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        try:
            return int(row[0]) if row else 0
        except ValueError:
            raise IndexCorruptError(f"index {self.path}: bad schema_version {row[0]!r} in meta") from None

    def _upgrade(self) -> None:
        version = self._version()
        if version > SCHEMA_VERSION:
            raise IndexVersionError(
                f"index {self.path} has schema version {version}, written by a newer claimcheck; "
                f"this claimcheck ({__version__}) reads up to version {SCHEMA_VERSION}. "
                "Upgrade claimcheck, or rebuild the index with this version."
            )
        if version == SCHEMA_VERSION:
            return
        if version == 0 and (self.readonly or not self._create):
            raise IndexMissingError(f"{self.path} is an empty file, not a claims index")
        if self.readonly:
            raise IndexVersionError(
                f"index {self.path} has schema version {version} and needs an upgrade to {SCHEMA_VERSION}; "
                "open it for writing once (any extract or import does it)"
            )
        while True:
            with self._transaction():
                version = self._version()  # again, inside the lock: another process may have migrated
                if version >= SCHEMA_VERSION:
                    break
                MIGRATIONS[version](self.conn)
                self.conn.execute(
                    "INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', ?), "
                    "('claimcheck_version', ?)",
                    (str(version + 1), __version__),
                )
                if version == 0:
                    self.conn.execute("INSERT INTO meta(key, value) VALUES ('created_at', ?)", (_now(),))

    def close(self) -> None:
        self._lock.release()
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- transactions and the writer lock ---------------------------------------------

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE ... COMMIT; rolled back on any error. Not nestable, on purpose."""
        if self.readonly:
            raise IndexError_(f"index {self.path} is open read-only")
        if self._in_tx:
            raise RuntimeError("nested Store transaction")
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                raise IndexLockedError(f"index {self.path} stayed busy past the timeout: {exc}") from exc
            raise
        self._in_tx = True
        try:
            yield self.conn
            self.conn.execute("COMMIT")
        except BaseException as exc:
            with contextlib.suppress(sqlite3.Error):
                self.conn.execute("ROLLBACK")
            if type(exc) is sqlite3.DatabaseError:  # SQLite's word for a damaged file ("malformed")
                raise IndexCorruptError(f"index {self.path} is damaged: {exc}") from exc
            raise
        finally:
            self._in_tx = False

    @contextlib.contextmanager
    def writer_lock(self, timeout: float | None = None) -> Iterator[Store]:
        """Hold the index for one writer (extract/import); wait up to ``timeout`` s, then IndexLockedError.

        Reentrant within one Store. The lock is an OS lock on ``INDEX.lock``: it dies with the process.
        """
        if self.readonly:
            raise IndexError_(f"index {self.path} is open read-only")
        self._lock.acquire(self.lock_timeout if timeout is None else timeout)
        try:
            yield self
        finally:
            self._lock.release()

    # -- files and documents ------------------------------------------------------------

    def file_sha(self, path: str) -> str | None:
        state = self.file_state(path)
        return state[0] if state else None

    def file_state(self, path: str) -> tuple[str, str] | None:
        """(sha256, extractor fingerprint) the file was last indexed with, or None."""
        row = self.conn.execute("SELECT sha256, extractor FROM files WHERE path = ?", (path,)).fetchone()
        return (row[0], row[1]) if row else None

    def files_under(self, roots: Sequence[str]) -> list[str]:
        """Indexed file paths equal to a root or inside a root directory (for pruning deleted files)."""
        found: set[str] = set()
        for root in roots:
            root = os.path.normpath(root)
            found.update(r[0] for r in self.conn.execute("SELECT path FROM files WHERE path = ?", (root,)))
            prefix = root if root.endswith(os.sep) else root + os.sep
            # Range scan on the primary key: strings starting with prefix sort in [prefix, prefix + U+10FFFF).
            rows = self.conn.execute(
                "SELECT path FROM files WHERE path >= ? AND path < ?", (prefix, prefix + "\U0010ffff")
            )
            found.update(r[0] for r in rows)
        return sorted(found)

    def document_sha(self, doc_id: str) -> str | None:
        state = self.document_state(doc_id)
        return state[0] if state else None

    def document_state(self, doc_id: str) -> tuple[str, str] | None:
        """(sha256 of the text, extractor fingerprint) the document was stored with, or None."""
        row = self.conn.execute(
            "SELECT sha256, extractor FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        return (row[0], row[1]) if row else None

    def document_text(self, doc_id: str) -> str | None:
        row = self.conn.execute("SELECT text FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        return row[0] if row else None

    def document(self, doc_id: str) -> dict[str, Any] | None:
        """A document's metadata (no text) as a dict, or None."""
        cur = self.conn.execute(
            "SELECT doc_id, path, key, sha256, title, outlet, author, published, url, indexed_at "
            "FROM documents WHERE doc_id = ?",
            (doc_id,),
        )
        row = cur.fetchone()
        return dict(zip([d[0] for d in cur.description], row, strict=True)) if row else None

    def put_document(self, document: Any, claims: Iterable[Any], *, validate: bool = True,
                     extractor: str = "") -> int:
        """Store a document (with its text) and replace its claims, in one transaction.

        ``claims`` are ``Claim`` objects or their JSON dicts; each is checked against the published
        schema first (``ValueError`` naming the claim and field), so whatever ``extract`` stores
        ``export`` can hand to ``import``. ``extractor`` is the fingerprint of what found them.
        Returns the number of claims stored (a claim repeated with the same id is stored once).
        """
        doc_id = _attr(document, "doc_id")
        records = [c.to_json() if hasattr(c, "to_json") else c for c in claims]
        for record in records:
            where = f"claim {record.get('id')!r} of {_attr(document, 'path')}"
            if validate:
                try:
                    validate_claim(record)
                except ValueError as exc:
                    raise ValueError(f"{where}: {exc}") from None
            if record["source"]["doc_id"] != doc_id:
                raise ValueError(f"{where}: source.doc_id {record['source']['doc_id']!r} is not {doc_id!r}")
        rows = [_claim_row(doc_id, r) for r in records]
        with self._transaction() as c:
            c.execute(
                "INSERT INTO documents(doc_id, path, key, sha256, title, outlet, author, published, url, "
                "text, indexed_at, extractor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT(doc_id) DO UPDATE SET path = excluded.path, key = excluded.key, "
                "sha256 = excluded.sha256, title = excluded.title, outlet = excluded.outlet, "
                "author = excluded.author, published = excluded.published, url = excluded.url, "
                "text = excluded.text, indexed_at = excluded.indexed_at, extractor = excluded.extractor",
                (
                    doc_id, _attr(document, "path"), _attr(document, "key", "") or "",
                    _attr(document, "sha256", "") or "", _attr(document, "title"), _attr(document, "outlet"),
                    _attr(document, "author"), _attr(document, "published"), _attr(document, "url"),
                    _attr(document, "text"), _now(), extractor,
                ),
            )
            c.execute("DELETE FROM claims WHERE doc_id = ?", (doc_id,))
            c.executemany(_INSERT_CLAIM, rows)
            return c.execute("SELECT count(*) FROM claims WHERE doc_id = ?", (doc_id,)).fetchone()[0]

    def finish_file(self, src: Any, doc_ids: Iterable[str], *, extractor: str = "") -> int:
        """Record a file as indexed (its sha, and the fingerprint of the extractor that read all its
        documents) and drop its documents no longer in it; one transaction.

        Returns the number of stale documents removed.
        """
        path = _attr(src, "path")
        keep = set(doc_ids)
        with self._transaction() as c:
            c.execute(
                "INSERT INTO files(path, sha256, size, mtime, indexed_at, extractor) "
                "VALUES (?, ?, ?, ?, ?, ?) "
                "ON CONFLICT(path) DO UPDATE SET sha256 = excluded.sha256, size = excluded.size, "
                "mtime = excluded.mtime, indexed_at = excluded.indexed_at, extractor = excluded.extractor",
                (path, _attr(src, "sha256"), _attr(src, "size"), _attr(src, "mtime"), _now(), extractor),
            )
            rows = c.execute("SELECT doc_id FROM documents WHERE path = ?", (path,)).fetchall()
            stale = [r[0] for r in rows if r[0] not in keep]
            c.executemany("DELETE FROM documents WHERE doc_id = ?", [(d,) for d in stale])
        return len(stale)

    def remove_file(self, path: str) -> int:
        """Forget a file: its row and all its documents and claims. Returns documents removed."""
        with self._transaction() as c:
            removed = c.execute("DELETE FROM documents WHERE path = ?", (path,)).rowcount
            c.execute("DELETE FROM files WHERE path = ?", (path,))
        return removed

    # -- import -------------------------------------------------------------------------

    def import_claims(
        self,
        records: Iterable[dict[str, Any] | tuple[int, Any]],
        *,
        batch_size: int = IMPORT_BATCH,
        max_errors: int = MAX_REPORTED_ERRORS,
    ) -> ImportResult:
        """Import claim JSON (dicts or ``(line_no, dict)`` pairs): validate, dedup by id, batch transactions.

        Each claim's ``source`` creates its ``documents`` row (no text, key "", sha256 "") or updates
        its metadata. Takes the writer lock. Each batch of ``batch_size`` claims is one transaction,
        written by a background thread while this one parses and validates the next batch (SQLite
        releases the GIL while it works). For speed the FTS index is filled per batch with one
        set-wise INSERT instead of the per-row trigger (same transaction, so a crash cannot desync it).
        """
        result = ImportResult()
        started = time.perf_counter()
        batch: list[tuple[Any, ...]] = []
        docs: dict[str, tuple[Any, ...]] = {}
        with self.writer_lock(), self._big_cache(), _BatchWriter(self._import_batch, result) as writer:
            for item in records:
                line, record = item if isinstance(item, tuple) else (None, item)
                try:
                    validate_claim(record)
                except ValueError as exc:
                    result.invalid += 1
                    if len(result.errors) < max_errors:
                        result.errors.append(InvalidRecord(line, str(exc)))
                    continue
                source = record["source"]
                docs[source["doc_id"]] = (
                    source["doc_id"], source["path"], source["title"], source["outlet"],
                    source["author"], source["published"], source["url"],
                )
                batch.append(_claim_row(source["doc_id"], record))
                if len(batch) >= batch_size:
                    writer.put(batch, docs)
                    batch, docs = [], {}
            if batch:
                writer.put(batch, docs)
        result.seconds = time.perf_counter() - started
        return result

    @contextlib.contextmanager
    def _big_cache(self, kib: int = IMPORT_CACHE_KIB) -> Iterator[None]:
        """A larger page cache while bulk loading: random claim ids and FTS merges touch many pages."""
        old = self.conn.execute("PRAGMA cache_size").fetchone()[0]
        self.conn.execute(f"PRAGMA cache_size = -{int(kib)}")
        try:
            yield
        finally:
            self.conn.execute(f"PRAGMA cache_size = {int(old)}")

    def _import_batch(
        self, rows: list[tuple[Any, ...]], docs: dict[str, tuple[Any, ...]], result: ImportResult
    ) -> None:
        with self._transaction() as c:
            c.executemany(
                "INSERT INTO documents(doc_id, path, key, sha256, title, outlet, author, published, url, "
                "indexed_at) VALUES (?1, ?2, '', '', ?3, ?4, ?5, ?6, ?7, ?8) "
                "ON CONFLICT(doc_id) DO UPDATE SET "
                "title = coalesce(excluded.title, title), outlet = coalesce(excluded.outlet, outlet), "
                "author = coalesce(excluded.author, author), "
                "published = coalesce(excluded.published, published), url = coalesce(excluded.url, url)",
                [(*d, _now()) for d in docs.values()],
            )
            first = (c.execute("SELECT max(rowid) FROM claims").fetchone()[0] or 0) + 1
            c.execute("DROP TRIGGER claims_ai")
            cur = c.executemany(_INSERT_CLAIM, rows)
            inserted = cur.rowcount
            c.execute(
                "INSERT INTO claims_fts(rowid, text, sentence, speaker) "
                "SELECT rowid, text, sentence, speaker FROM claims WHERE rowid >= ?",
                (first,),
            )
            _execute_script(c, _INSERT_TRIGGER)
        result.imported += inserted
        result.duplicates += len(rows) - inserted

    # -- reading ------------------------------------------------------------------------

    def iter_claims(
        self,
        kind: str | None = None,
        speaker: str | None = None,
        *,
        doc_id: str | None = None,
        raw: bool = False,
    ) -> Iterator[Any]:
        """Stream claim JSON dicts (or compact JSON strings with ``raw``) in index order.

        ``speaker`` keeps claims whose resolved name holds all its words, ignoring case and
        accents ("king" finds Robert King, as ``find --speaker`` does).
        """
        from claimcheck.search import normalize, speaker_matches  # light: rapidfuzz and the stdlib only

        where, params = [], []
        wanted: list[str] = []
        matches: dict[str, bool] = {}  # per distinct name: a speaker has many claims
        if kind is not None:
            where.append("kind = ?")
            params.append(kind)
        if speaker is not None:
            wanted = normalize(speaker).split()
            if not wanted:
                return
            where.append("speaker IS NOT NULL")
        if doc_id is not None:
            where.append("doc_id = ?")
            params.append(doc_id)
        condition = " WHERE " + " AND ".join(where) if where else ""
        sql = f"SELECT json, speaker FROM claims{condition} ORDER BY rowid"
        cur = self.conn.execute(sql, params)
        try:
            while rows := cur.fetchmany(1000):
                for text, name in rows:
                    if wanted:
                        if name not in matches:
                            matches[name] = speaker_matches(wanted, name)
                        if not matches[name]:
                            continue
                    yield text if raw else json.loads(text)
        finally:
            cur.close()

    def claim(self, claim_id: str) -> dict[str, Any] | None:
        row = self.conn.execute("SELECT json FROM claims WHERE id = ?", (claim_id,)).fetchone()
        return json.loads(row[0]) if row else None

    def claims_by_rowid(self, rowids: Iterable[int]) -> list[dict[str, Any]]:
        """Claim JSON for FTS hits, in the order asked (unknown rowids are skipped)."""
        wanted = list(dict.fromkeys(int(r) for r in rowids))
        found: dict[int, str] = {}
        for chunk in _chunks(wanted):
            marks = ",".join("?" * len(chunk))
            found.update(self.conn.execute(f"SELECT rowid, json FROM claims WHERE rowid IN ({marks})", chunk))
        return [json.loads(found[r]) for r in wanted if r in found]

    def claims_around(self, doc_id: str, start: int, end: int) -> list[dict[str, Any]]:
        """Claims of one document whose span holds [start, end): the reports a quote sits inside
        ("Kim called him a “dotard,” state media reported": Kim's claim holds the quote)."""
        rows = self.conn.execute(
            'SELECT json FROM claims WHERE doc_id = ? AND start <= ? AND "end" >= ? ORDER BY rowid',
            (doc_id, start, end),
        )
        return [json.loads(row[0]) for row in rows]

    def speakers(self) -> list[dict[str, Any]]:
        """Named speakers with claim counts per kind, most quoted first."""
        by_name: dict[str, dict[str, Any]] = {}
        rows = self.conn.execute(
            "SELECT speaker, kind, count(*) FROM claims WHERE speaker IS NOT NULL "
            "GROUP BY speaker COLLATE NOCASE, kind ORDER BY speaker COLLATE NOCASE"
        )
        for name, kind, n in rows:
            entry = by_name.setdefault(name.casefold(), {"name": name, "claims": 0, "kinds": {}})
            entry["claims"] += n
            entry["kinds"][kind] = entry["kinds"].get(kind, 0) + n
        return sorted(by_name.values(), key=lambda e: (-e["claims"], e["name"].casefold()))

    def stats(self) -> dict[str, Any]:
        c = self.conn
        kinds = dict(c.execute("SELECT kind, count(*) FROM claims GROUP BY kind").fetchall())
        meta = dict(c.execute("SELECT key, value FROM meta").fetchall())
        size = sum(p.stat().st_size for p in (self.path, Path(f"{self.path}-wal")) if p.exists())
        return {
            "path": str(self.path),
            "schema_version": int(meta.get("schema_version", 0)),
            "claimcheck_version": meta.get("claimcheck_version"),
            "files": c.execute("SELECT count(*) FROM files").fetchone()[0],
            "documents": c.execute("SELECT count(*) FROM documents").fetchone()[0],
            "claims": sum(kinds.values()),
            "claims_by_kind": {k: kinds.get(k, 0) for k in ("quote", "paraphrase", "figure")},
            "speakers": c.execute(
                "SELECT count(DISTINCT speaker COLLATE NOCASE) FROM claims WHERE speaker IS NOT NULL"
            ).fetchone()[0],
            "size_bytes": size,
        }

    def integrity_check(self) -> list[str]:
        """SQLite's integrity check plus the FTS index's own; an empty list means healthy.

        The FTS check is issued as an INSERT command, so a read-only store skips it.
        """
        problems = [r[0] for r in self.conn.execute("PRAGMA integrity_check") if r[0] != "ok"]
        if self.readonly:
            return problems
        try:
            self.conn.execute("INSERT INTO claims_fts(claims_fts, rank) VALUES ('integrity-check', 1)")
        except sqlite3.DatabaseError as exc:
            problems.append(f"claims_fts: {exc}")
        return problems

    def optimize(self) -> None:
        """Merge FTS segments and refresh planner statistics (worth it after a big extract/import)."""
        with self._transaction() as c:
            c.execute("INSERT INTO claims_fts(claims_fts) VALUES ('optimize')")
        self.conn.execute("PRAGMA optimize")


def _check_header(path: Path) -> None:
    """Refuse what is plainly not SQLite before sqlite3 sees it (its errors name no file)."""
    if path.is_dir():
        raise IndexCorruptError(f"index path {path} is a directory, not a claims index file")
    try:
        with path.open("rb") as fh:
            head = fh.read(len(_SQLITE_MAGIC))
    except OSError as exc:
        raise IndexCorruptError(f"cannot read index {path}: {exc.strerror or exc}") from exc
    if head and head != _SQLITE_MAGIC:
        raise IndexCorruptError(f"{path} is not a claims index (not a SQLite database)")
