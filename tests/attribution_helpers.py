"""Reading ``doc._.attributions`` in tests: the quote or paraphrase wanted, its speaker and mention."""

from __future__ import annotations


def quotes(doc) -> list[dict]:
    return [a for a in doc._.attributions if a["kind"] == "quote"]


def paraphrases(doc) -> list[dict]:
    return [a for a in doc._.attributions if a["kind"] == "paraphrase"]


def quote_of(doc, words: str) -> dict:
    """The quote whose words hold ``words``."""
    for a in quotes(doc):
        if words in doc.text[a["start"] : a["end"]]:
            return a
    raise AssertionError(f"no quote containing {words!r} in {doc._.attributions}")


def reported(doc, cue: str) -> dict:
    """The paraphrase cued by the word ``cue``."""
    for a in paraphrases(doc):
        if a["cue"]["text"] == cue:
            return a
    raise AssertionError(f"no paraphrase cued by {cue!r} in {paraphrases(doc)}")


def content(doc, a: dict) -> str:
    return doc.text[a["start"] : a["end"]]


def speaker(a: dict) -> str | None:
    return (a["speaker"] or {}).get("name")


def mention(a: dict) -> str | None:
    return ((a["speaker"] or {}).get("mention") or {}).get("text")


def hand_parsed(vocab, table: str, **extra):
    """A Doc with the parse written out row by row: ``word head dep pos [tag]``.

    Rules that mend one parser misreading are tested on that misreading, whatever the model
    makes of the sentence. A ``\\n`` in a word stands for a line break.
    """
    from spacy.tokens import Doc

    rows = [line.split() for line in table.strip().splitlines()]
    columns = {
        "words": [r[0].replace("\\n", "\n") for r in rows],
        "heads": [int(r[1]) for r in rows],
        "deps": [r[2] for r in rows],
        "pos": [r[3] for r in rows],
    }
    if all(len(r) > 4 for r in rows):
        columns["tags"] = [r[4] for r in rows]
    return Doc(vocab, **columns, **extra)
