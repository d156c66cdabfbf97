"""The ``claimcheck`` command line: parse options, call the library, hand results to ``output``.

Heavy imports live inside the commands, so ``find`` and ``--help`` never import spaCy.
Exit codes: 0 ok; 1 findings or nothing found (like a linter); 2 usage or input errors;
3 the index cannot be used (missing, corrupt, from a newer version, locked).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from claimcheck import __version__, output

if TYPE_CHECKING:
    from claimcheck.store import Store

DEFAULT_INDEX = "claimcheck.db"
EXIT_INDEX = 3

app = typer.Typer(
    name="claimcheck",
    help="Build a claims index from news archives (who said what, where, with which dates and figures), "
    "search it, and check drafts against it.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

IndexOption = Annotated[
    Optional[Path],  # noqa: UP045  (typer reads the annotation at run time on Python 3.10)
    typer.Option(
        "--index",
        "-i",
        help=f"The index file. Default: $CLAIMCHECK_INDEX, else ./{DEFAULT_INDEX}.",
        show_default=False,
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON on stdout.")]
JsonlOption = Annotated[bool, typer.Option("--jsonl", help="Print JSON Lines on stdout, one record a line.")]
ModelOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option("--model", help="spaCy pipeline to load. Default: $CLAIMCHECK_MODEL, else en_core_web_sm."),
]


KindOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option("--kind", help="Only this kind: quote, paraphrase or figure."),
]
SpeakerOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option("--speaker", help="Only claims by this speaker (King matches Robert King)."),
]


def index_path(index: Path | None) -> Path:
    """``--index``, else ``$CLAIMCHECK_INDEX``, else ``claimcheck.db`` in the current folder."""
    return index or Path(os.environ.get("CLAIMCHECK_INDEX") or DEFAULT_INDEX)


@contextmanager
def index_errors() -> Iterator[None]:
    """Index and model problems become one clear line on stderr and an exit code, never a traceback."""
    from claimcheck.errors import ModelNotFoundError
    from claimcheck.store import IndexError_

    try:
        yield
    except IndexError_ as exc:
        output.error(str(exc))
        raise typer.Exit(EXIT_INDEX) from None
    except ModelNotFoundError as exc:
        output.error(str(exc))
        raise typer.Exit(2) from None


@contextmanager
def reading_index(index: Path | None) -> Iterator[Store]:
    """The index opened read-only (readers never block a running extract), closed afterwards."""
    from claimcheck.store import Store

    with index_errors():
        store = Store.open(index_path(index), create=False, readonly=True)
        with store:
            yield store


def _exclusive(json_flag: bool, jsonl_flag: bool) -> None:
    if json_flag and jsonl_flag:
        output.error("choose one of --json and --jsonl")
        raise typer.Exit(2)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"claimcheck {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """claimcheck: a claims index for newsroom archives."""
    output.reset_consoles()


@app.command()
def extract(
    paths: Annotated[
        list[str], typer.Argument(help="Files and folders to index (recursively); - reads stdin.")
    ],
    index: IndexOption = None,
    workers: Annotated[int, typer.Option("--workers", "-w", min=1, help="Processes running spaCy.")] = 1,
    model: ModelOption = None,
    json_out: JsonOption = False,
) -> None:
    """Build or update the claims index from files and folders (txt, md, html, json, jsonl)."""
    from claimcheck.extract import run_extract

    with index_errors(), output.progress_reporter(enabled=True) as progress:
        summary = run_extract(paths, index_path(index), model=model, workers=workers, progress=progress)
    result = summary.to_json()
    if json_out:
        output.write_json(result)
    output.extract_summary(result)
    raise typer.Exit(summary.exit_code)


@app.command()
def find(
    query: Annotated[
        str, typer.Argument(help="Words to look for: a quote, part of one, with typos if need be.")
    ],
    index: IndexOption = None,
    speaker: SpeakerOption = None,
    kind: KindOption = None,
    limit: Annotated[int, typer.Option(min=1, help="At most this many citations.")] = 10,
    min_score: Annotated[
        float, typer.Option(min=0, max=100, help="Drop citations scoring below this (0-100).")
    ] = 50.0,
    json_out: JsonOption = False,
    jsonl_out: JsonlOption = False,
) -> None:
    """Fuzzy search of the index: ranked, sourced citations."""
    from claimcheck.claims import CLAIM_KINDS
    from claimcheck.search import find as search

    _exclusive(json_out, jsonl_out)
    if kind is not None and kind not in CLAIM_KINDS:
        output.error(f"--kind must be one of {', '.join(CLAIM_KINDS)}")
        raise typer.Exit(2)
    with reading_index(index) as store:
        found = search(store, query, speaker=speaker, kind=kind, limit=limit, min_score=min_score)
        citations = [citation.to_json() for citation in found]
    for rank, citation in enumerate(citations, 1):
        citation["rank"] = rank
    if json_out:
        output.write_json({"query": query, "count": len(citations), "citations": citations})
    elif jsonl_out:
        output.write_jsonl(citations)
    elif citations:
        output.citations_table(query, citations)
    else:
        output.err().print("no citations found", highlight=False)
    raise typer.Exit(0 if citations else 1)


@app.command()
def check(
    paths: Annotated[
        list[str], typer.Argument(help="Drafts to check (txt, md, html; folders too); - reads stdin.")
    ],
    index: IndexOption = None,
    json_out: JsonOption = False,
    jsonl_out: JsonlOption = False,
    html: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--html", help="Also write an HTML report (one self-contained page)."),
    ] = None,
    min_score: Annotated[
        float,
        typer.Option(
            min=0, max=100, help="How close (0-100) an indexed quote must be to call a draft quote altered."
        ),
    ] = 60.0,
    model: ModelOption = None,
) -> None:
    """Check drafts' quotes and figures against the index: verified, altered, misattributed, unsourced."""
    from claimcheck.check import DraftError, check_document, exit_code, jsonl_records, reports_json
    from claimcheck.documents import Skipped, read_paths, read_stdin
    from claimcheck.pipeline import load_pipeline
    from claimcheck.report import render_check_table, write_html

    _exclusive(json_out, jsonl_out)
    documents, skipped = [], []
    for path in paths:
        for item in read_stdin(sys.stdin) if path == "-" else read_paths([path]):
            (skipped if isinstance(item, Skipped) else documents).append(item)
    for item in skipped:
        output.error(str(item))
    if skipped or not documents:
        if not skipped:
            output.error("no drafts to check")
        raise typer.Exit(2)
    with reading_index(index) as store:
        try:
            nlp = load_pipeline(model)
            reports = [check_document(d, store, nlp, min_score=min_score) for d in documents]
        except DraftError as exc:
            output.error(str(exc))
            raise typer.Exit(2) from None
    if html is not None:
        try:
            write_html(reports, str(html))
        except OSError as exc:
            output.error(f"cannot write {html}: {exc.strerror or exc}")
            raise typer.Exit(2) from None
    if json_out:
        output.write_json(reports_json(reports))
    elif jsonl_out:
        output.write_jsonl(jsonl_records(reports))
    else:
        for report in reports:
            render_check_table(report, output.out())
    raise typer.Exit(exit_code(reports))


@app.command()
def export(
    index: IndexOption = None,
    kind: KindOption = None,
    speaker: SpeakerOption = None,
) -> None:
    """Write every claim as JSON Lines on stdout (the published claim schema)."""

    with reading_index(index) as store:
        output.write_jsonl(store.iter_claims(kind=kind, speaker=speaker))


@app.command("import")
def import_claims(
    file: Annotated[
        str, typer.Argument(help="A JSON Lines file of claims in the export format; - reads stdin.")
    ],
    index: IndexOption = None,
    json_out: JsonOption = False,
) -> None:
    """Load claims extracted elsewhere (JSON Lines, validated line by line, deduplicated by id)."""
    from claimcheck.importer import import_jsonl

    with index_errors():
        try:
            result = import_jsonl(file, index_path(index), stdin=sys.stdin)
        except OSError as exc:
            output.error(f"cannot read {file}: {exc.strerror or exc}")
            raise typer.Exit(2) from None
    summary = result.to_json()
    if json_out:
        output.write_json(summary)
    output.import_summary(summary)
    raise typer.Exit(result.exit_code)


@app.command()
def speakers(index: IndexOption = None, json_out: JsonOption = False) -> None:
    """Speakers in the index with their claim counts."""

    with reading_index(index) as store:
        rows = store.speakers()
    if json_out:
        output.write_json(rows)
    else:
        output.speakers_table(rows)


def main() -> None:
    """Console-script entry point: no traceback reaches a user unless they ask for it."""
    try:
        app(prog_name="claimcheck")
    except KeyboardInterrupt:
        output.error("interrupted")
        sys.exit(130)
    except BrokenPipeError:  # `claimcheck export | head`: the reader left, which is fine
        sys.stderr.close()
        sys.exit(0)
    except Exception as exc:
        if os.environ.get("CLAIMCHECK_DEBUG"):
            raise
        output.error(f"unexpected {type(exc).__name__}: {exc} (set CLAIMCHECK_DEBUG=1 for the traceback)")
        sys.exit(70)


if __name__ == "__main__":
    main()
