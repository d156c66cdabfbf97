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
