"""A blank line ends a sentence: set before the parser, which keeps the boundaries it is given.

Headlines, bylines and datelines carry no full stop ("Mayor Defends Budget\\n\\nBy Staff
Writer\\n\\nMayor Ann Ruiz met …"), and the parser, left alone, reads them into the sentence of the
next paragraph: the first paragraph's subject then hangs from "By", and nobody is its speaker or
the person a later "she" means. News never runs a sentence over a blank line, so the first word
after one starts a sentence, decided before the parser runs. So does the first word after a
dateline ("RENO, Nev. (AP) — Ann Ruiz said …"), which the parser otherwise takes for the subject.
"""

from __future__ import annotations

import re

import numpy as np
from spacy.attrs import IDX
from spacy.language import Language
from spacy.tokens import Doc

_BLANK_LINE = re.compile(r"\n[ \t\u00a0\r\f\v]*\n\s*")
# a dateline opening a paragraph: "WASHINGTON —", "RENO, Nev. (AP) —", "MACAU (Reuters) --"
_DATELINE = re.compile(
    r"[A-Z][A-Z.'\u2019-]+(?:[ ,]+[A-Z][A-Za-z.'\u2019-]*){0,3}[ \t]*(?:\([^()\n]{1,40}\)[ \t]*)?"
    r"(?:--|\u2014|\u2013|[ \t]-)[ \t]*")


def mark_paragraph_starts(doc: Doc) -> Doc:
    """Mark the first token after each blank line, and after a dateline opening a paragraph, as a
    sentence start (the text is not changed)."""
    text = doc.text
    if len(doc) < 2:
        return doc
    starts = np.asarray(doc.to_array([IDX])).reshape(-1)
    for paragraph in [0, *(match.end() for match in _BLANK_LINE.finditer(text))]:
        dateline = _DATELINE.match(text, paragraph)
        for at in (paragraph, dateline.end() if dateline else None):
            k = -1 if at is None else int(np.searchsorted(starts, at))
            if 0 < k < len(doc) and starts[k] == at:
                doc[k].is_sent_start = True
    return doc


class ParagraphBreaks:
    """spaCy component: paragraph breaks are sentence boundaries (goes before the parser)."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        return mark_paragraph_starts(doc)


@Language.factory("claimcheck_paragraphs")
def make_paragraphs(nlp: Language, name: str) -> ParagraphBreaks:
    return ParagraphBreaks(nlp, name)
