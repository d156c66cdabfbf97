"""Quote marks glued to words split off as tokens of their own.

News copy drops spaces around quotation marks ("…mean-spirited,”Clinton said",
"Ryan said,“Look…"). spaCy's English tokenizer keeps such a mark inside the word
(``spirited,”Clinton``), so the quote's edge falls inside a token and the name next
to it is lost to the parser. The rules added here split those marks, the comma, colon or
stop glued before them (and a party tag's parenthesis: "Rep. Ann Ruiz (D-Ohio):"I …"), and
a dash touching a curly mark ("act—“My plan!”—is"), wherever they sit between two non-space
characters. A curly double mark is never part of a word; a straight one is split only between
a letter or a parenthesis with its punctuation and a letter, so inches (6'3") stay whole. The
emoticon "):" is no longer a token of its own, so it cannot glue a tag to its colon.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

GLUED_QUOTE_INFIXES = (
    "(?<=\\S)[\u201c\u201d](?=\\S)",  # a curly double mark between two non-space characters
    '(?<=[A-Za-z)][,.!?:])"(?=[A-Za-z])',  # a straight mark after a word's closing punctuation
    '(?<=[A-Za-z)])[,.!?;:](?=["\u201c\u201d]\\S)',  # the punctuation before such a glued mark
    '(?<=\\S)\\)(?=[,.!?;:]["\u201c\u201d]\\S)',  # and a parenthesis before it: "(R-Ky.):“We won”"
    "(?<=[\u201c\u201d])[-\u2013\u2014]+|[-\u2013\u2014]+(?=[\u201c\u201d])",  # a dash touching a curly mark
)


def split_glued_quotes(nlp: Language) -> Language:
    """Add the glued-quote rules to ``nlp``'s tokenizer (once; the pipeline's own rules are kept)."""
    tokenizer = nlp.tokenizer
    finder = getattr(tokenizer, "infix_finditer", None)
    old = getattr(getattr(finder, "__self__", None), "pattern", None)
    if old is None or GLUED_QUOTE_INFIXES[0] in old:
        return nlp
    extra = "|".join(GLUED_QUOTE_INFIXES)
    tokenizer.infix_finditer = re.compile(f"{old}|{extra}" if old else extra).finditer
    rules = getattr(tokenizer, "rules", None)
    if rules and "):" in rules:
        # the emoticon "):" would glue a party tag's parenthesis to a label's colon: "(R-Ky.):“…”"
        tokenizer.rules = {text: tokens for text, tokens in rules.items() if text != "):"}
    return nlp
