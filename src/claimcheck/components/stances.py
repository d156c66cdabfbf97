"""Stances held through a copula: predicate adjectives ("Ruiz was wary of the deal", "aides are well
aware that …", "Kim, long skeptical of the plan, …") and copular noun subjects ("her answer was
that …", "the plan is for …").

Which adjective or noun reports through which shape is derived from train counts (``adj_frames``
and ``copular_frames`` in ``models/cues.json``, written by ``benchmarks/derive_cues.py``): a shape
is kept when the span it gives matches an annotated content often enough. A shape is
"HOLDER:COMPLEMENT":

* HOLDER ``subj``: the copula's subject (a name, a pronoun or a noun that heads sources) holds the
  stance; ``noun``: the noun the adjective describes ("Kim, long wary of …"); ``it``: an
  expletive "it" ("it was doubtful that …"), held by nobody named; ``poss``: a copular noun's owner
  ("her answer was that …"); ``none``: a copular noun with no owner ("a common refrain is that …");
* COMPLEMENT ``prep_P``: the object of preposition P after the word ("wary of …", "the plan is
  for …"); ``ccomp``: its clause ("aware that …", "was that …"); ``xcomp``: its infinitive ("careful
  not to …", "the aim is to …").
"""

from __future__ import annotations

from typing import Any

import numpy as np
from spacy.attrs import DEP, POS
from spacy.tokens import Doc, Token

from claimcheck.components import reported_speech as rs
from claimcheck.components.lexicon import Lexicon
from claimcheck.components.names import NameBook
from claimcheck.components.sources import _antecedent, _can_speak, _DocView, _newline_between

ADJ_HOLDERS = ("subj", "noun", "it")
NOUN_HOLDERS = ("poss", "none")
_NEAR = 4  # tokens: a preposition farther from the word is about something else
_COPULAS = {"be", "seem", "remain", "become", "appear", "sound", "look", "grow", "stay", "feel"}


def adj_complements(adj: Token) -> list[str]:
    """The complement shapes ``adj`` has (what :func:`adj_frame_span` can read)."""
    return [shape for shape, _c in _complement_heads(adj)]


def noun_complements(noun: Token) -> list[str]:
    """The complement shapes of the copula ``noun`` is the subject of ("her view was that …")."""
    cop = _copula_of(noun)
    return [shape for shape, _c in _complement_heads(cop, noun)] if cop is not None else []


def _predicate(adj: Token) -> Token | None:
    """The word whose subject holds the stance of a predicate adjective: the copula it completes ("was
    wary of"), or the adjective itself when the parse read it as a passive ("is terrified of")."""
    if adj.dep_ == "acomp" and adj.head.lemma_.lower() in _COPULAS:
        return adj.head
    if adj.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in adj.children) and \
            not any(c.dep_ == "agent" for c in adj.children):
        return adj
    return None


def _complement_heads(word: Token, after: Token | None = None) -> list[tuple[str, Token]]:
    """``word``'s complements after it, by shape; an adjective's include those the parse hung on its
    copula after it ("was adamant that …": the clause is the copula's)."""
    after = after or word
    kids = list(word.rights)
    pred = _predicate(word) if after is word else None
    if pred is not None and pred is not word:
        kids += [c for c in pred.rights if c.i > word.i]
    out = []
    for c in kids:
        if c.dep_ == "prep" and c.i <= after.i + _NEAR and c.lower_.isalpha():
            out.append(("prep_" + c.lower_, c))
        elif c.dep_ in ("ccomp", "xcomp") and c.i > after.i:
            out.append((c.dep_, c))
    return out


def _complement(word: Token, comp: str, after: Token | None = None) -> tuple[int, int] | None:
    """Token range of ``word``'s complement of shape ``comp``."""
    c = next((c for shape, c in _complement_heads(word, after) if shape == comp), None)
    if c is None:
        return None
    if c.dep_ == "prep":
        obj = next((o for o in c.children if o.dep_ in ("pobj", "pcomp")), None)
        return (obj.left_edge.i, obj.right_edge.i + 1) if obj is not None else None
    if rs._adverbial_mark(c):
        return None  # "was angry because …": a reason, not a stance
    return (c.left_edge.i, c.right_edge.i + 1)


def _copula_of(noun: Token) -> Token | None:
    """The copula ``noun`` is the subject of ("her answer was that …")."""
    if noun.dep_ != "nsubj" or noun.head.lemma_.lower() != "be" or noun.head.i < noun.i:
        return None
    return noun.head


def adj_frame_span(adj: Token, frame: str, view: _DocView, lex: Lexicon
                   ) -> tuple[Token | None, int, int] | None:
    """Holder (None: nobody named) and content range of a predicate adjective in one shape."""
    holder_kind, comp = frame.split(":", 1)
    span = _complement(adj, comp)
    if span is None:
        return None
    holder = None
    pred = _predicate(adj)
    if pred is not None:
        subj = next((c for c in pred.lefts if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
        if subj is None or view.in_quote[subj.i] or _newline_between(subj, adj):
            return None
        expletive = subj.lower_ == "it" and comp in ("ccomp", "xcomp")
        if holder_kind == "it" and expletive:
            return None, *span
        if holder_kind != "subj" or expletive or subj.pos_ not in ("PROPN", "PRON", "NOUN"):
            return None
        holder = subj
    elif adj.dep_ in ("amod", "appos") and adj.head.i < adj.i and holder_kind == "noun":
        holder = adj.head  # "Kim, long skeptical of the plan, …"
    if holder is None or not _can_speak(_antecedent(holder), lex) or holder.i in range(*span):
        return None
    return holder, *span


def noun_frame_span(noun: Token, frame: str, view: _DocView) -> tuple[Token | None, int, int] | None:
    """Holder (None: nobody named) and content range of a copular noun subject in one shape."""
    holder_kind, comp = frame.split(":", 1)
    cop = _copula_of(noun)
    span = _complement(cop, comp, noun) if cop is not None else None
    if span is None or noun.i in range(*span):
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if holder_kind == "none":
        return (None, *span) if owner is None else None
    if owner is None or view.in_quote[owner.i]:
        return None
    return owner, *span


def _record(doc: Doc, view: _DocView, book: NameBook, word: Token,
            found: tuple[Token | None, int, int] | None) -> dict[str, Any] | None:
    if found is None:
        return None
    holder, cs, ce = found
    span = rs._reportable(doc, view, word, cs, ce)
    if span is None:
        return None
    cs, ce = span
    speaker = rs._source_record(doc, view, holder, book) if holder is not None else None
    return rs._content_record(doc, view, word, cs, ce, speaker)


def adj_frame_record(doc: Doc, view: _DocView, lex: Lexicon, book: NameBook, adj: Token,
                     frame: str) -> dict[str, Any] | None:
    """The paraphrase a predicate adjective reports through ``frame``, with its holder, or None."""
    return _record(doc, view, book, adj, adj_frame_span(adj, frame, view, lex))


def noun_frame_record(doc: Doc, view: _DocView, book: NameBook, noun: Token,
                      frame: str) -> dict[str, Any] | None:
    """The paraphrase a copular noun subject reports through ``frame``, with its owner, or None."""
    return _record(doc, view, book, noun, noun_frame_span(noun, frame, view))


def reported_within(tok: Token, reported: list[dict[str, Any]]) -> bool:
    """Whether ``tok`` is inside content already reported ("she said she was wary of …"): the stance is
    part of what the outer report says, and annotated news seldom reports it again on its own."""
    return any(r["start"] <= tok.idx < r["end"] for r in reported)


def stance_paraphrases(doc: Doc, view: _DocView, lex: Lexicon, book: NameBook, lemmas: np.ndarray,
                       reported: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Predicate adjectives and copular noun subjects in the shapes derived for them, first shape
    that applies (best first), outside the content of the ``reported`` records. A word the lexicon
    does not list takes the shapes pooled over rarely seen words (key "*")."""
    out: list[dict[str, Any]] = []
    adj_frames, noun_frames = lex.adj_frames or {}, lex.copular_frames or {}
    for tok in _candidates(doc, lemmas, lex, "adj_frames", "ADJ", "acomp"):
        if tok.pos_ not in ("ADJ", "VERB") or view.in_quote[tok.i] or \
                (_predicate(tok) is None and tok.dep_ not in ("amod", "appos")) or \
                reported_within(tok, reported):
            continue
        shapes = adj_frames.get(tok.lemma_.lower(), adj_frames.get("*", ()))
        out.extend(_first(shapes, lambda f, t=tok: adj_frame_record(doc, view, lex, book, t, f)))
    for tok in _candidates(doc, lemmas, lex, "copular_frames", "NOUN", "nsubj"):
        if tok.pos_ != "NOUN" or view.in_quote[tok.i] or _copula_of(tok) is None or \
                reported_within(tok, reported):
            continue
        shapes = noun_frames.get(tok.lemma_.lower(), noun_frames.get("*", ()))
        out.extend(_first(shapes, lambda f, t=tok: noun_frame_record(doc, view, book, t, f)))
    return out


def _candidates(doc: Doc, lemmas: np.ndarray, lex: Lexicon, key: str, pos: str, dep: str) -> list[Token]:
    """Words the lexicon lists under ``key`` and, when it has pooled shapes ("*"), every word of part of
    speech ``pos`` in relation ``dep`` (a predicate adjective, a noun subject): found by array scans."""
    found = {t.i for t in rs._scan(doc, lemmas, lex, key)}
    if "*" in (getattr(lex, key) or {}) and len(doc):
        tags = doc.to_array([POS, DEP])
        strings = doc.vocab.strings
        found.update(np.flatnonzero((tags[:, 0] == strings[pos]) & (tags[:, 1] == strings[dep])).tolist())
    return [doc[i] for i in sorted(found)]


def _first(frames: tuple[str, ...], record) -> list[dict[str, Any]]:
    """The record of the first shape that applies (shapes come best first), as a list of none or one."""
    for frame in frames:
        rec = record(frame)
        if rec is not None:
            return [rec]
    return []
