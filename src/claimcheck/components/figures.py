"""Figures: the numbers an article rests on, normalised so they can be compared.

``83%``, ``83 percent``, ``$1.2 billion``, ``five books``, ``36-year-old`` and ``180 days``
become ``{"text", "value", "unit", "start", "end"}`` records on ``doc._.figures``, with
``unit`` one of percent | count | money | age | duration | quantity. Money carries
``"currency"`` (ISO 4217) when the text names one; durations, ages, quantities and counts
carry ``"per"``, what one unit of ``value`` is ("day", "mile", "book").

The component reads the tokens, tags, parse and entities spaCy already made, so it costs
one pass over the tokens. Entities help (DATE/TIME tell a year or "Sept. 11" from a count)
but are not required: a number the NER missed is still found from the tokens. Years and
calendar dates are left to ``claimcheck_dates``; ordinals ("first") are not figures.

Sentences that say where their figures come from ("The latest KEI survey ... found that
83% ...", "according to the census") get a record on ``doc._.figure_sources`` naming the
source (the subject of the reporting verb, or the object of "according to") and the cue.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

Doc.set_extension("figures", default=None, force=True)
Doc.set_extension("figure_sources", default=None, force=True)

# Digits as newsrooms write them: 7, 3,200, 1.5, .5; and with a glued scale: 5bn, 3m, 20k.
_DIGITS = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?$")
_GLUED_SCALE = re.compile(r"^(\d+(?:\.\d+)?)(k|m|mn|bn|b|tn)$", re.IGNORECASE)
_YEAR = re.compile(r"^(1[0-9]{3}|20[0-9]{2})$")
_ORDINAL = re.compile(r"^\d+(st|nd|rd|th)$", re.IGNORECASE)
_NAME_ENTS = {"PERSON", "ORG", "GPE", "FAC", "PRODUCT", "EVENT", "LAW", "WORK_OF_ART", "LOC", "NORP"}
_CALENDAR_ENTS = {"DATE", "TIME"}
_MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec",
}
# A number word after "the" points back at things already named ("the two leaders"), and a
# lone "one" is usually a pronoun ("it's one that ..."): neither is a figure in its own right.
_SMALL_WORDS = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}
_DEFINITE = {"the", "these", "those", "both", "all"}
_PRONOUNS = {"PRON"}
_HYPHENS = {"-", "–", "—"}
_FRACTIONS = {"half", "halves", "third", "thirds", "quarter", "quarters", "fifth", "fifths", "tenth"}
_RANGE_JOINERS = {"-", "–", "—", "to", "and", "or"}


def _models_path() -> Path:
    try:
        from claimcheck.resources import models_path
    except ImportError:  # pragma: no cover - only in a partial checkout
        return Path(__file__).resolve().parents[3] / "models"
    return models_path()


@lru_cache(maxsize=1)
def lexicon() -> dict[str, Any]:
    """Units, currencies, scales and reporting verbs (``models/figures.json``)."""
    with open(_models_path() / "figures.json", encoding="utf-8") as handle:
        data = json.load(handle)
    data["percent_words"] = set(data["percent_words"])
    data["age_cues_before"] = set(data["age_cues_before"])
    data["finding_verbs"] = set(data["finding_verbs"])
    data["speech_verbs"] = set(data["speech_verbs"])
    return data


@Language.factory("claimcheck_figures")
def make_figures(nlp: Language, name: str) -> FigureFinder:
    """spaCy factory: add with ``nlp.add_pipe("claimcheck_figures")`` after ``ner``."""
    return FigureFinder(lexicon())


class FigureFinder:
    """Sets ``doc._.figures`` and ``doc._.figure_sources``."""

    def __init__(self, lex: dict[str, Any]) -> None:
        self.lex = lex

    def __call__(self, doc: Doc) -> Doc:
        found = find_figures(doc, self.lex)
        doc._.figures = [record for record, _ in found]
        doc._.figure_sources = figure_sources(doc, found, self.lex)
        return doc


# --------------------------------------------------------------------------- numbers


def _number_word(token: Token) -> bool:
    """A spelled-out cardinal ("five", "hundred", "million"); spaCy's like_num also admits ordinals."""
    if not token.is_alpha or not token.like_num:
        return False
    from text_to_num import text2num

    try:
        text2num(token.lower_, "en")
    except ValueError:
        return token.lower_ in lexicon()["scales"]
    return True


def _is_number(token: Token) -> bool:
    text = token.text
    if text[:1].isdigit() or (text[:1] == "." and text[1:2].isdigit()):
        return bool(_DIGITS.match(text) or _GLUED_SCALE.match(text))
    return _number_word(token)


def _number_run(doc: Doc, i: int) -> int:
    """End (exclusive) of the number starting at token ``i``: "1.5 million", "twenty-five", "3m"."""
    scales = lexicon()["scales"]
    j = i + 1
    while j < len(doc):
        tok = doc[j]
        prev = doc[j - 1]
        if tok.lower_ in scales and ((tok.is_alpha and len(tok) > 2) or not prev.whitespace_):
            j += 1  # "1.5 million", and "3 m" only when glued ("3m" split by the tokenizer)
        elif _number_word(tok) and _number_word(prev):
            j += 1  # "three thousand two hundred"
        elif (
            tok.text in _HYPHENS
            and not prev.whitespace_
            and j + 1 < len(doc)
            and not tok.whitespace_
            and _number_word(prev)
            and _number_word(doc[j + 1])
        ):
            j += 2  # "twenty-five"
        elif (
            tok.lower_ == "and"
            and prev.lower_ in ("hundred", "thousand", "million", "billion")
            and j + 1 < len(doc)
            and _number_word(doc[j + 1])
        ):
            j += 2  # "one hundred and five"
        else:
            break
    return j


def _as_number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def parse_number(words: list[str]) -> Decimal | None:
    """The value of a number run: digits with an optional scale, or words via text2num."""
    scales = lexicon()["scales"]
    if not words:
        return None
    head = words[0].replace(",", "")
    glued = _GLUED_SCALE.match(head)
    try:
        if glued:
            return Decimal(glued.group(1)) * scales[glued.group(2).lower()]
        if head[:1].isdigit() or head[:1] == ".":
            value = Decimal(head)
            for word in words[1:]:
                value *= scales.get(word.lower(), 1)
            return value
    except InvalidOperation:
        return None
    from text_to_num import text2num

    phrase = " ".join(words).replace(" - ", "-").lower()
    try:
        return Decimal(text2num(phrase, "en"))
    except ValueError:
        if len(words) == 1 and phrase in scales:
            return Decimal(scales[phrase])
        return None


# --------------------------------------------------------------------------- context


def _lower(doc: Doc, i: int) -> str:
    return doc[i].lower_ if 0 <= i < len(doc) else ""


def _match_phrase(doc: Doc, i: int, phrases: dict[str, Any] | set[str]) -> tuple[str, int] | None:
    """Longest lexicon phrase (one or two tokens) starting at token ``i``."""
    if i >= len(doc):
        return None
    two = f"{_lower(doc, i)} {_lower(doc, i + 1)}"
    if i + 1 < len(doc) and two in phrases:
        return two, i + 2
    if doc[i].lower_ in phrases:
        return doc[i].lower_, i + 1
    return None


def _currency_before(doc: Doc, i: int, lex: dict[str, Any]) -> tuple[str | None, int] | None:
    """A currency sign right before the number: "$", "US$", "£"."""
    if i <= 0:
        return None
    prev = doc[i - 1]
    code = lex["currency_symbols"].get(prev.lower_)
    if code or prev.tag_ == "$":
        return code, i - 1
    return None


def _classify(doc: Doc, start: int, end: int, lex: dict[str, Any]) -> dict[str, Any] | None:
    """Unit and extent of the figure whose number is ``doc[start:end]``; None when it is no figure."""
    sign = _currency_before(doc, start, lex)
    nxt = end
    if sign is not None:
        code, first = sign
        record: dict[str, Any] = {"unit": "money", "first": first, "last": end}
        word = _match_phrase(doc, nxt, lex["currency_words"])
        if word:
            record["last"] = word[1]
        if code:
            record["currency"] = code
        return record
    # "36-year-old", "36 years old", "a 36-year career"
    hyphen = nxt < len(doc) and doc[nxt].text in _HYPHENS
    unit_at = nxt + 1 if hyphen else nxt
    unit_word = _lower(doc, unit_at)
    if unit_word in lex["time_units"]:
        per = lex["time_units"][unit_word]
        after = unit_at + 1
        if _lower(doc, after) in _HYPHENS and _lower(doc, after + 1) == "old":
            return {"unit": "age", "per": per, "first": start, "last": after + 2}
        if _lower(doc, after) == "old":
            return {"unit": "age", "per": per, "first": start, "last": after + 1}
        if _lower(doc, after) in lex["date_relative_after"]:
            return None  # "eight months ago" is a date
        return {"unit": "duration", "per": per, "first": start, "last": after}
    if _lower(doc, start - 1) in lex["age_cues_before"]:
        return {"unit": "age", "per": "year", "first": start, "last": end}
    percent = _match_phrase(doc, nxt, lex["percent_words"])
    if percent and (percent[0] != "points" or _lower(doc, nxt - 1) != "percentage"):
        return {"unit": "percent", "first": start, "last": percent[1]}
    money = _match_phrase(doc, nxt, lex["currency_words"])
    if money and not (money[0] == "won" and doc[nxt].pos_ in ("VERB", "AUX")):
        code = lex["currency_words"][money[0]]
        return {"unit": "money", "first": start, "last": money[1], "currency": code}
    measure = _match_phrase(doc, nxt, lex["measures"])
    if measure:
        return {"unit": "quantity", "per": lex["measures"][measure[0]], "first": start, "last": measure[1]}
    return {"unit": "count", "first": start, "last": end}


def _not_a_count(doc: Doc, start: int, end: int) -> bool:
    """Numbers that name or date rather than count: years, "Sept. 11", "F-35", "the two leaders"."""
    first = doc[start]
    words = [t.lower_ for t in doc[start:end]]
    counts_a_noun = first.dep_ == "nummod" and first.head.pos_ == "NOUN"
    if end - start == 1 and _YEAR.match(first.text) and not counts_a_noun:
        return True  # "in 2004", but "1500 protesters" is a count
    if first.ent_type_ in _CALENDAR_ENTS or first.ent_type_ in _NAME_ENTS:
        return True
    if _lower(doc, start - 1).rstrip(".") in _MONTHS or _lower(doc, end).rstrip(".") in _MONTHS:
        return True
    if start > 0 and doc[start - 1].text in _HYPHENS and not doc[start - 1].whitespace_:
        return True  # "MiG-29", "Covid - 19"
    label = _lower(doc, start - 1)
    if label == "." and start > 1 and not doc[start - 2].whitespace_:
        label = _lower(doc, start - 2) + "."  # "No. 10" tokenized as "No", "."
    if label in ("no.", "no", "#", "number", "page", "section", "article", "chapter", "title", "item"):
        return True
    return words == ["one"] or (words[0] in _SMALL_WORDS and _lower(doc, start - 1) in _DEFINITE)


def _is_fraction(doc: Doc, end: int) -> bool:
    """ "two-thirds", "three-quarters": a share, not a count of thirds."""
    return (
        end + 1 < len(doc)
        and doc[end].text in _HYPHENS
        and doc[end + 1].lower_ in _FRACTIONS
        and not doc[end - 1].whitespace_
    )


def _range_unit(doc: Doc, end: int, lex: dict[str, Any]) -> dict[str, Any] | None:
    """The unit of "5-10%" or "three to four years" applies to the first number too."""
    if _lower(doc, end) not in _RANGE_JOINERS or end + 1 >= len(doc) or not _is_number(doc[end + 1]):
        return None
    run_end = _number_run(doc, end + 1)
    shape = _classify(doc, end + 1, run_end, lex)
    if shape and shape["unit"] in ("percent", "duration", "quantity"):
        return shape
    return None


def find_figures(doc: Doc, lex: dict[str, Any] | None = None) -> list[tuple[dict[str, Any], Span]]:
    """Every figure in ``doc`` as (record, span): the record goes on the Doc, the span is for the parse."""
    lex = lex or lexicon()
    found: list[tuple[dict[str, Any], Span]] = []
    i = 0
    while i < len(doc):
        token = doc[i]
        if _ORDINAL.match(token.text) or not _is_number(token):
            i += 1
            continue
        a_scale = i > 0 and doc[i - 1].lower_ in ("a", "an") and token.lower_ in lex["scales"]
        start = i - 1 if a_scale else i  # "a million people"
        end = _number_run(doc, i)
        if _is_fraction(doc, end):
            i = end + 2
            continue
        words = [t.text for t in doc[i:end] if t.text not in _HYPHENS and t.lower_ != "and"]
        value = parse_number(words)
        shape = _classify(doc, i, end, lex) if value is not None else None
        if shape is not None and shape["unit"] == "count":
            ranged = _range_unit(doc, end, lex)
            if ranged is not None:
                shape = {**ranged, "first": i, "last": end}
            elif _not_a_count(doc, i, end):
                shape = None
        if shape is None or value is None:
            i = end
            continue
        first, last = min(shape.pop("first"), start), shape.pop("last")
        unit = shape["unit"]
        if unit == "money":
            value = value * Decimal(str(lex["currency_fraction"].get(_lower(doc, last - 1), 1)))
        if unit == "count":
            head = doc[i].head
            if head.i == last and head.pos_ in ("NOUN", "PROPN") and doc[i].dep_ == "nummod":
                last = head.i + 1
                shape["per"] = head.lemma_.lower()
            elif head.pos_ == "NOUN" and doc[i].dep_ == "nummod" and head.i > i:
                shape["per"] = head.lemma_.lower()
        span = doc[first:last]
        record = {"text": span.text, "value": _as_number(value), **shape, "start": span.start_char,
                  "end": span.end_char}
        found.append((record, span))
        i = max(end, last)
    return found


# --------------------------------------------------------------------------- sources


def _phrase_span(head: Token) -> Span:
    """The noun phrase a head stands for, without appositions and relative clauses after it."""
    doc = head.doc
    end = head.i + 1
    for child in head.rights:
        if child.dep_ in ("appos", "relcl", "acl", "punct", "cc", "conj"):
            break
        end = child.right_edge.i + 1
    return doc[head.left_edge.i : end]


def _speaker(head: Token) -> dict[str, Any]:
    """``{name, mention, description, basis}`` for the source named by a subject or object head."""
    mention = _phrase_span(head)
    if head.pos_ in _PRONOUNS:
        name = None
    else:
        left = head.i
        while left > mention.start and head.doc[left - 1].dep_ in ("compound", "flat") and (
            head.doc[left - 1].head.i >= left
        ):
            left -= 1
        name = head.doc[left : head.i + 1].text
    description = None
    for child in head.rights:
        if child.dep_ == "appos":
            description = head.doc[child.left_edge.i : child.right_edge.i + 1].text
            break
    return {
        "name": name,
        "mention": {"text": mention.text, "start": mention.start_char, "end": mention.end_char},
        "description": description,
        "basis": "cue",  # the subject or object of a speech verb, "according to" in the figure's sentence
    }


def _cue(tokens: list[Token]) -> dict[str, Any]:
    doc = tokens[0].doc
    span = doc[tokens[0].i : tokens[-1].i + 1]
    return {"text": span.text, "start": span.start_char, "end": span.end_char}


def _can_be_source(token: Token) -> bool:
    """A noun or personal pronoun; not a relative pronoun ("which notes") or a stray clitic."""
    return token.pos_ in ("NOUN", "PROPN", "PRON") and token.tag_ not in ("WDT", "WP") and token.is_alpha


def _source_in(sent: Span, figure_tokens: list[Token], lex: dict[str, Any]) -> dict[str, Any] | None:
    """The source a sentence gives for its figures: "according to X", or X <reporting verb> ..."""
    for token in sent:
        if token.lower_ == "according" and token.i + 1 < sent.end and token.doc[token.i + 1].lower_ == "to":
            to = token.doc[token.i + 1]
            objects = [c for c in to.children if c.dep_ == "pobj"]
            if objects:
                return {"speaker": _speaker(objects[0]), "cue": _cue([token, to])}
    for token in sent:
        lemma = token.lemma_.lower()
        finding = lemma in lex["finding_verbs"]
        if not (finding or lemma in lex["speech_verbs"]) or token.pos_ not in ("VERB", "AUX"):
            continue
        links = [_link(figure, token) for figure in figure_tokens]
        if not any(link in _REPORTED or (finding and link in ("dobj", "attr")) for link in links):
            continue  # "He wrote five books": the figure is what was written, not what was reported
        subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass") and _can_be_source(c)]
        if not subjects:
            continue
        cue = [token] + [c for c in token.children if c.dep_ == "prt" and c.i == token.i + 1]
        return {"speaker": _speaker(subjects[0]), "cue": _cue(cue)}
    return None


_REPORTED = {"", "ccomp", "xcomp", "advcl", "parataxis", "conj", "prep", "npadvmod", "advmod", "ROOT"}


def _link(figure: Token, verb: Token) -> str | None:
    """How a figure hangs from a verb: the relation of the verb's child on the way up.

    None when the verb does not govern the figure at all, "" for the verb itself; a verb
    that governs nothing of the figure but is the sentence root counts as "ROOT".
    """
    if figure.i == verb.i:
        return ""
    child = figure
    for ancestor in figure.ancestors:
        if ancestor.i == verb.i:
            return child.dep_
        child = ancestor
    return "ROOT" if verb.dep_ == "ROOT" else None


def _resolved_name(doc: Doc, mention: dict[str, Any]) -> str | None:
    """The name the attribution component resolved for the same mention ("she said 40% ...")."""
    if not Doc.has_extension("attributions"):
        return None
    for record in doc._.attributions or []:
        speaker = record.get("speaker") or {}
        other = speaker.get("mention") or {}
        if other.get("start") == mention["start"] and other.get("end") == mention["end"]:
            return speaker.get("name")
    return None


def figure_sources(
    doc: Doc, found: list[tuple[dict[str, Any], Span]], lex: dict[str, Any] | None = None
) -> list[dict[str, Any]]:
    """One record per sentence whose figures it attributes to a source."""
    lex = lex or lexicon()
    by_sentence: dict[int, tuple[Span, list[Token]]] = {}
    for _, span in found:
        sent = span.sent
        by_sentence.setdefault(sent.start, (sent, []))[1].append(span.root)
    sources = []
    for sent, tokens in by_sentence.values():
        source = _source_in(sent, tokens, lex)
        if source is None:
            continue
        speaker = source["speaker"]
        # the attribution component's name for the same mention, resolved inside the document ("she",
        # "the company's chief executive, Mark Ellison"), before this sentence's own words
        resolved = _resolved_name(doc, speaker["mention"])
        if resolved and (speaker["name"] is None or resolved != speaker["mention"]["text"]):
            speaker["name"] = resolved
        sources.append({"sent_start": sent.start_char, "sent_end": sent.end_char, **source})
    return sources
