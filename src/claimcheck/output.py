"""Every renderer in one place: JSON and JSON Lines on stdout, rich tables for people.

Data goes to stdout and nothing else does; summaries, progress and errors go to stderr.
rich already honours ``NO_COLOR`` and drops colour when the stream is not a terminal.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from claimcheck.claims import INFERRED_BASES

if TYPE_CHECKING:  # rich is imported on first use: `find --json` never pays for it
    from rich.console import Console

_stdout: Console | None = None
_stderr: Console | None = None


def out() -> Console:
    global _stdout
    if _stdout is None:
        from rich.console import Console

        _stdout = Console(soft_wrap=False)
    return _stdout


def err() -> Console:
    global _stderr
    if _stderr is None:
        from rich.console import Console

        _stderr = Console(stderr=True)
    return _stderr


def escape(text: str) -> str:
    """Text shown literally inside rich markup."""
    from rich.markup import escape as rich_escape

    return rich_escape(text)


def reset_consoles() -> None:
    """Forget the consoles (tests swap sys.stdout/sys.stderr between runs)."""
    global _stdout, _stderr
    _stdout = _stderr = None


def write_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    sys.stdout.flush()


def write_jsonl(records: Iterable[Any]) -> int:
    count = 0
    for record in records:
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    sys.stdout.flush()
    return count


def error(message: str) -> None:
    err().print(f"[bold red]error:[/] {escape(message)}", highlight=False)


def warn(message: str) -> None:
    err().print(f"[yellow]warning:[/] {escape(message)}", highlight=False)


def _shorten(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _source_label(source: dict[str, Any]) -> str:
    parts = [source.get("outlet") or source.get("title") or source.get("path") or "?"]
    if source.get("published"):
        parts.append(source["published"])
    return " · ".join(parts)


def citations_table(query: str, citations: list[dict[str, Any]]) -> None:
    """The ``find`` results for a person at a terminal."""
    from rich.table import Table

    table = Table(title=f"Citations for {query!r}", show_lines=True, expand=False)
    table.add_column("#", justify="right", style="dim")
    table.add_column("score", justify="right")
    table.add_column("claim")
    table.add_column("speaker")
    table.add_column("source")
    table.add_column("span", style="dim")
    for rank, citation in enumerate(citations, 1):
        claim = citation["claim"]
        speaker = claim.get("speaker") or {}
        who = speaker.get("name") or "[dim]unattributed[/]"
        if speaker.get("description"):
            who = f"{who}\n[dim]{escape(_shorten(speaker['description'], 60))}[/]"
        written = _written_as(speaker)
        if written:
            who = f"{who}\n[dim]as \u201c{escape(_shorten(written, 40))}\u201d[/]"
        if speaker.get("name") and speaker.get("basis") in INFERRED_BASES:
            who = f"{who}\n[dim italic]inferred: {INFERRED_BASES[speaker['basis']]}[/]"
        span = claim["span"]
        table.add_row(
            str(rank),
            f"{citation['score']:.1f}",
            f"[bold]{escape(_shorten(claim['text'], 160))}[/]\n[dim]{claim['kind']}[/]",
            who,
            escape(_source_label(claim["source"])) + f"\n[dim]{escape(claim['source'].get('path') or '')}[/]",
            f"{span['start']}–{span['end']}",
        )
    out().print(table)


def _written_as(speaker: dict[str, Any]) -> str | None:
    """The mention, when it does not say the name it was resolved to ("he", "the minister"): the
    reader sees that the name is read from the article, not written beside the words."""
    name, mention = speaker.get("name"), (speaker.get("mention") or {}).get("text")
    if not name or not mention:
        return None
    words = {w.strip(".,").lower() for w in mention.split()}
    return None if any(w.strip(".,").lower() in words for w in name.split()) else mention.strip()


def speakers_table(speakers: list[dict[str, Any]]) -> None:
    from rich.table import Table

    table = Table(title="Speakers")
    table.add_column("speaker")
    table.add_column("claims", justify="right")
    table.add_column("by kind")
    for row in speakers:
        kinds = ", ".join(f"{kind} {count}" for kind, count in sorted(row.get("kinds", {}).items()))
        table.add_row(escape(row["name"]), str(row["claims"]), kinds)
    out().print(table)


def extract_summary(summary: dict[str, Any]) -> None:
    """The end-of-run summary, on stderr so stdout stays clean for data."""
    console = err()
    docs, claims, files = summary["documents"], summary["claims"], summary["files"]
    kinds = ", ".join(f"{count} {kind}" for kind, count in claims["by_kind"].items()) or "none"
    console.print(
        f"[bold]{docs['processed']}[/] documents processed, {docs['unchanged']} unchanged, "
        f"{files['unchanged']} files unchanged, {files['removed']} removed "
        f"in {summary['seconds']:.1f}s",
        highlight=False,
    )
    if docs.get("reextracted"):
        console.print(f"{docs['reextracted']} of them unchanged but extracted again: claimcheck's "
                      "components changed since they were indexed", highlight=False)
    console.print(f"claims added: {claims['added']} ({kinds})", highlight=False)
    totals = summary.get("index_totals") or {}
    if totals:
        console.print(
            f"index {escape(summary['index'])}: {totals.get('documents', 0)} documents, "
            f"{totals.get('claims', 0)} claims, {totals.get('speakers', 0)} speakers",
            highlight=False,
        )
    for skipped in summary["skipped"]:
        where = skipped["path"] + (f":{skipped['line']}" if skipped.get("line") else "")
        console.print(f"[yellow]skipped[/] {escape(where)}: {escape(skipped['reason'])}", highlight=False)


def import_summary(summary: dict[str, Any]) -> None:
    console = err()
    console.print(
        f"imported {summary['imported']} claims from {escape(summary['source'])}, "
        f"{summary['duplicates']} duplicates, {summary['invalid']} invalid in {summary['seconds']:.1f}s",
        highlight=False,
    )
    for problem in summary["errors"]:
        console.print(f"[yellow]line {problem['line']}[/]: {escape(problem['error'])}", highlight=False)


@contextmanager
def progress_reporter(enabled: bool) -> Iterator[Any]:
    """A live counter on stderr while ``extract`` runs; a no-op when stderr is not a terminal."""
    if not enabled or not err().is_terminal:
        yield None
        return
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    counts = {"processed": 0, "unchanged": 0, "skipped": 0}
    with Progress(
        SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(), console=err(), transient=True
    ) as progress:
        task = progress.add_task("reading…")

        def update(event: str, n: int) -> None:
            counts[event] = counts.get(event, 0) + n
            progress.update(
                task,
                description=(
                    f"{counts['processed']} processed, {counts['unchanged']} unchanged, "
                    f"{counts['skipped']} skipped"
                ),
            )

        yield update
