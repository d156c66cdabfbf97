"""``import``: claims extracted elsewhere, from JSON Lines, into an index.

Lines are read one at a time (a million-claim file never sits in memory); a line that is
not JSON, or not a valid claim, is reported by its line number and skipped.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from claimcheck.search import refresh_vocab
from claimcheck.store import MAX_REPORTED_ERRORS, ImportResult, InvalidRecord, Store


@dataclass
class ImportSummary:
    """The store's counts plus the lines that were not JSON at all."""

    source: str
    result: ImportResult
    unreadable: list[InvalidRecord] = field(default_factory=list)
    unreadable_count: int = 0

    @property
    def exit_code(self) -> int:
        bad = self.result.invalid + self.unreadable_count
        if not bad:
            return 0
        return 1 if (self.result.imported or self.result.duplicates) else 2

    def to_json(self) -> dict[str, Any]:
        data = self.result.to_json()
        data["source"] = self.source
        data["invalid"] += self.unreadable_count
        errors = [e.to_json() for e in self.unreadable] + data["errors"]
        data["errors"] = sorted(errors, key=lambda e: e["line"] or 0)[:MAX_REPORTED_ERRORS]
        return data


def _lines(stream: TextIO) -> Iterator[str]:
    """Lines of a stream; some wrapped stdins (test runners, pipes) signal the end with EOFError."""
    try:
        yield from stream
    except EOFError:
        return


def _records(stream: TextIO, summary: ImportSummary) -> Iterator[tuple[int, Any]]:
    for line_no, line in enumerate(_lines(stream), 1):
        if not line.strip():
            continue
        try:
            yield line_no, json.loads(line)
        except json.JSONDecodeError as exc:
            summary.unreadable_count += 1
            if len(summary.unreadable) < MAX_REPORTED_ERRORS:
                reason = f"not JSON: {exc.msg} at column {exc.colno}"
                summary.unreadable.append(InvalidRecord(line_no, reason))


def import_jsonl(source: str, index_path: str | Path, *, stdin: TextIO | None = None) -> ImportSummary:
    """Import a JSON Lines file (``-`` for ``stdin``) into the index; raises OSError if unreadable."""
    summary = ImportSummary(source, ImportResult())
    store = Store.open(index_path, create=True)
    try:
        if source == "-":
            if stdin is None:
                raise OSError("no standard input")
            summary.result = store.import_claims(_records(stdin, summary))
        else:
            with open(source, encoding="utf-8", errors="replace") as stream:
                summary.result = store.import_claims(_records(stream, summary))
        if summary.result.imported:
            with store.writer_lock():
                refresh_vocab(store)  # word frequencies that find plans its queries with
    finally:
        store.close()
    return summary
