"""Running claimcheck's pipeline on a text the way ``extract`` does (publication date set first)."""

from __future__ import annotations


def annotate(nlp, text: str, published: str | None = None):
    """The Doc after every pipeline component, with ``doc._.published`` set before they run."""
    doc = nlp.make_doc(text)
    doc._.published = published
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc
