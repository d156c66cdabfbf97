"""``extract``: bring an index up to date with a set of files and folders.

Incremental at two levels, so a re-run costs almost nothing: a file whose bytes are
unchanged is not even parsed, and a document whose text is unchanged is not sent through
spaCy (which is then never imported), unless an earlier claimcheck extracted it: each
document keeps the fingerprint of the extractor that read it (``extractor.py``), and one
read by other components, lexicons or pipeline is extracted again. Every document is
written in its own transaction and a file is marked done only after all its documents are
in, so an interrupted run loses at most the document in flight and the next run completes
the rest.
"""

from __future__ import annotations

import itertools
import os
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from claimcheck.documents import Document, Skipped, SourceFile, discover, read_source, read_stdin
from claimcheck.extractor import fingerprint
from claimcheck.pipeline import resolve_model
from claimcheck.store import LOCK_TIMEOUT_S, Store

if TYPE_CHECKING:
    from claimcheck.pipeline import Annotated

ProgressCallback = Callable[[str, int], None]


@dataclass
class ExtractSummary:
    """What a run did: the figures an editor checks after indexing a folder."""

    index: str
    documents_processed: int = 0
    documents_unchanged: int = 0
    documents_reextracted: int = 0  # text unchanged, but an earlier extractor read it (counted as processed)
    files_unchanged: int = 0
    files_removed: int = 0
    claims: Counter = field(default_factory=Counter)
    skipped: list[Skipped] = field(default_factory=list)
    seconds: float = 0.0
    index_totals: dict[str, Any] = field(default_factory=dict)

    @property
    def exit_code(self) -> int:
        """0 when everything went in, 1 when some inputs were skipped, 2 when nothing could be read."""
        if not self.skipped:
            return 0
        read_anything = self.documents_processed or self.documents_unchanged or self.files_unchanged
        return 1 if read_anything else 2

    def to_json(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "documents": {
                "processed": self.documents_processed,
                "unchanged": self.documents_unchanged,
                "reextracted": self.documents_reextracted,
            },
            "files": {"unchanged": self.files_unchanged, "removed": self.files_removed},
            "claims": {"added": sum(self.claims.values()), "by_kind": dict(sorted(self.claims.items()))},
            "skipped": [
                {"path": s.path, "line": s.line, "reason": s.reason} if s.line is not None
                else {"path": s.path, "reason": s.reason}
                for s in self.skipped
            ],
            "index_totals": self.index_totals,
            "seconds": round(self.seconds, 3),
        }


@dataclass
class _FileWork:
    """A file whose documents are in flight: it is marked done when the last one is stored."""

    source: SourceFile | None  # None for stdin
    doc_ids: list[str] = field(default_factory=list)
    remaining: int = 0
    failed: bool = False  # a file with a failed document is retried on the next run


def lock_timeout() -> float:
    """Seconds a second writer waits for the index: $CLAIMCHECK_LOCK_TIMEOUT, else the store's default."""
    try:
        return float(os.environ.get("CLAIMCHECK_LOCK_TIMEOUT", LOCK_TIMEOUT_S))
    except ValueError:
        return LOCK_TIMEOUT_S


def run_extract(
    paths: Sequence[str],
    index_path: str | Path,
    *,
    model: str | None = None,
    workers: int = 1,
    stdin: TextIO | None = None,
    progress: ProgressCallback | None = None,
) -> ExtractSummary:
    """Index ``paths`` (files, folders, or ``-`` for ``stdin``) into the index at ``index_path``."""
    started = time.perf_counter()
    summary = ExtractSummary(index=str(index_path))
    store = Store.open(index_path, create=True)
    try:
        with store.writer_lock(timeout=lock_timeout()):
            _Run(store, summary, progress, fingerprint(resolve_model(model))).run(
                paths, model, workers, stdin or sys.stdin)
            summary.index_totals = store.stats()
    finally:
        store.close()
    summary.seconds = time.perf_counter() - started
    return summary


class _Run:
    """The bookkeeping of one extract run."""

    def __init__(self, store: Store, summary: ExtractSummary, progress: ProgressCallback | None,
                 extractor: str = "") -> None:
        self.store = store
        self.extractor = extractor  # fingerprint of the components about to read (extractor.fingerprint)
        self.summary = summary
        self.notify = progress or (lambda _event, _n: None)
        self.seen_files: set[str] = set()
        self.files: dict[str, _FileWork] = {}
        self.file_of_doc: dict[str, str] = {}

    def run(self, paths: Sequence[str], model: str | None, workers: int, stdin: TextIO) -> None:
        todo = _peek(self._documents_to_process(paths, stdin))
        if todo is not None:
            from claimcheck.pipeline import annotate

            for result in annotate(todo, model=model, workers=workers):
                self._store(result)
        for key in list(self.files):
            self._finish(key)
        self.summary.files_removed = self._drop_removed(paths)
        if self.summary.documents_processed or self.summary.files_removed:
            from claimcheck.search import refresh_vocab

            refresh_vocab(self.store)  # word frequencies that find plans its queries with

    def _skip(self, skipped: Skipped) -> None:
        self.summary.skipped.append(skipped)
        self.notify("skipped", 1)

    def _documents_to_process(self, paths: Sequence[str], stdin: TextIO) -> Iterator[Document]:
        """Documents whose text is new or changed; everything else is counted and passed over."""
        for path in paths:
            if path == "-":
                yield from self._changed(None, "-", read_stdin(stdin))
                continue
            for entry in discover([path]):
                if isinstance(entry, Skipped):
                    self._skip(entry)
                    continue
                self.seen_files.add(entry.path)
                if self.store.file_state(entry.path) == (entry.sha256, self.extractor):
                    self.summary.files_unchanged += 1
                    self.notify("unchanged", 1)
                    continue
                yield from self._changed(entry, entry.path, read_source(entry))

    def _changed(
        self, source: SourceFile | None, key: str, records: Iterator[Document | Skipped]
    ) -> Iterator[Document]:
        work = self.files[key] = _FileWork(source)
        changed: list[Document] = []
        for record in records:
            if isinstance(record, Skipped):
                self._skip(record)
                continue
            work.doc_ids.append(record.doc_id)
            state = self.store.document_state(record.doc_id)
            if state == (record.sha256, self.extractor):
                self.summary.documents_unchanged += 1
                self.notify("unchanged", 1)
            else:
                if state is not None and state[0] == record.sha256:
                    self.summary.documents_reextracted += 1  # claims an earlier claimcheck found
                changed.append(record)
                self.file_of_doc[record.doc_id] = key
        work.remaining = len(changed)
        if not changed:
            self._finish(key)
        yield from changed

    def _store(self, result: Annotated) -> None:
        document = result.document
        if result.error:
            self._skip(Skipped(document.display_path, result.error))
        else:
            try:
                self.store.put_document(document, result.claims, extractor=self.extractor)
            except ValueError as exc:  # a claim that breaks the schema: name the document, go on
                result = replace(result, error=f"invalid claim: {exc}")
                self._skip(Skipped(document.display_path, result.error))
                self._file_done(document, failed=True)
                return
            self.summary.documents_processed += 1
            self.summary.claims.update(claim.kind for claim in result.claims)
            self.notify("processed", 1)
        self._file_done(document, failed=bool(result.error))

    def _file_done(self, document: Document, *, failed: bool) -> None:
        key = self.file_of_doc.pop(document.doc_id, None)
        work = self.files.get(key) if key else None
        if work is not None:
            work.failed = work.failed or failed
            work.remaining -= 1
            if work.remaining <= 0:
                self._finish(key)

    def _finish(self, key: str) -> None:
        work = self.files.pop(key, None)
        if work is not None and work.source is not None and not work.failed:
            self.store.finish_file(work.source, work.doc_ids, extractor=self.extractor)

    def _drop_removed(self, paths: Sequence[str]) -> int:
        """Files indexed earlier under a folder named in this run, and gone from it now."""
        roots = [str(Path(p).resolve()) for p in paths if p != "-" and Path(p).is_dir()]
        removed = 0
        for path in self.store.files_under(roots) if roots else []:
            if path not in self.seen_files and not Path(path).exists():
                self.store.remove_file(path)
                removed += 1
        return removed


def _peek(documents: Iterator[Document]) -> Iterator[Document] | None:
    """The same iterator, or None when it is empty (so spaCy is loaded only when needed)."""
    first = next(documents, None)
    if first is None:
        return None
    return itertools.chain([first], documents)

