"""Who said what: a speaker and cue for every quote, then reported speech (paraphrases).

Runs after ``claimcheck_quotes`` on the parse spaCy already made (no second pass):

* the cue is a speech verb or phrase from ``models/cues.json`` (derived from annotated
  news: said, told, added, wrote, tweeted, called, according to, …) found outside the
  quote marks in the words around the quote, up to the sentence or paragraph end; candidates
  are ranked by their evidence, in a fixed order of weight (``_cue_key``: a source,
  "according to" (or a sentence-closing "…, the Post reported.", never part of a report the
  parser hung it under, or "As the Post reported, …" set off before the clause it credits), not
  negated nor inside a
  clause another verb reports (a relative clause that holds the quote or that the quote
  closes is its own; a complement clause is reported only by a verb that cues quotes, never
  from the next paragraph), a verb that cues quotes at all,
  tied to the quote by the parse or by standing right next to it with its own subject (a verb
  that seldom cues quotes gives no speaker for a subject that points at a thing or asks: "That
  makes her “…”"), a
  name, pronoun or common noun that heads sources as subject, a common speech verb ("as X
  put it" too), before the quote, near); the search stops at a quoted sentence end (“….”
  Ruiz fired back); a reporting noun with an owner whose phrase holds the quote beats a verb
  that does not act on it ("go beyond Ruiz's pledge to stay “neutral”"); the speaker is the
  cue's source (:mod:`claimcheck.components.sources`);
* a cue inside the clause or object a stronger speech verb reports is part of the report: the
  quote belongs to the outer speaker ("Bell explained that … the firm that described it as “…”");
  not a cue with its own subject in an adverbial clause ("… when he called for “…”") or
  hung from a verb in the next paragraph, nor a relative clause whose pronoun subject calls its
  antecedent something ("Ruiz said she backs a bill on the boards, which she called “…”");
* a speech verb with its own subject set off by commas inside the clause that holds the cue
  reports that clause: "The council, Ruiz said, called the plan “…”" is Ruiz's report;
* "in the words of X" right before a quote names X; so does "X's claim was that “…”" (a speech
  noun with an owner, "is"/"was", then "that" or a colon: not "X's remarks were “false”"), and
  "X's claim that … “…”" (the clause a speech noun with an owner opens, a short phrase between
  allowed: "X's claim during the hearing that …"; over any cue but
  "according to" or a speech verb proper with its own subject);
* "“…” — Name" names the speaker (also with the dash glued to the quote mark, or a hyphen
  glued to the name on the next line: "-Ann Ruiz, Portland.");
* a quote with no cue of its own takes the speaker of the quotation it continues (same
  group, same paragraph — a quoted clause closing its sentence too — or the paragraph
  before), or of a colon/dash introduction; a name alone before a colon ("Ann Ruiz: “…”",
  "… - Pew Research: “…”", "“….” Tom Bell: “…”", before any verb cue; also "From the
  report: “…”", "Said Ruiz: “…”") or an upper-case label opening the quoted line
  (“RUIZ: …”) names the speaker of a transcript; "“…,” the editorial read." names its source
  whatever the parser tagged "read" (so does "“…,” a voice-over in the ad states."); a quote
  after a sentence whose subject is a named person (or he/she) doing what a cue verb does
  ("Ruiz praised the plan. “…”"), or whose main clause
  has a person for subject whatever the verb, takes that person;
  last, a quote inside a clause whose subject is a named person takes that person whatever
  the verb ("Bell pondered who might “…”"; from a complement clause, the subject of the verb
  above: "she vented that it would be “…”"), unless it looks like a title or a scare quote;
* "he"/"she" means the nearest earlier name that is a subject, preferring a main clause's
  subject over a name in a clause below it in the same sentence; not a name inside quote
  marks (someone's words about a third person), but a surname the tagger read as a plural
  ("Sanders") when the document calls it a person;
* "In a poll, 62 percent of voters said “…”": the poll is the source of the share that speaks;
* a quoted title after a preposition or a possessive (on NBC's “Meet the Press”) or a
  nickname inside a name is nobody's words: it keeps no speaker (but one between two quotes of
  one speaker in a paragraph, "“…,” Ruiz said on CBS's “Face the Voters.” “…”", is in her report
  and takes her name); so is a quote fragment
  inside the noun phrase of its cue's own source, with no speech verb of its own ("The
  “Moon River” star said", "Ruiz, who starred in “X,” said", "the hacker known as “X” said"),
  and a quoted title in the subject phrase of a clause no speech verb reports ("Ruiz, star of
  “X,” is not sure she …");
* quotes next to each other in one paragraph with the same cue make one quotation (one
  ``group``) whatever lies between: "“…?” asked Ruiz, the chief strategist of the campaign four
  years ago. “…”", "called it “…” and “…”"; a part whose speaker is not the part's before it
  starts a quotation of its own ("“…,” Ruiz said. “…” Bell said: “…”");
* paraphrases come from :mod:`claimcheck.components.reported_speech`.

``doc._.attributions`` is a list of plain dicts, offsets into ``doc.text``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Iterator
from typing import Any

import numpy as np
from spacy.attrs import DEP, LOWER, TAG
from spacy.language import Language
from spacy.tokens import Doc, Token

from claimcheck.claims import INFERRED_BASES
from claimcheck.components.lexicon import STRONG, WEAK, Lexicon, load_lexicon
from claimcheck.components.names import NameBook, name_end, name_start
from claimcheck.components.quotes import (
    find_quotes,
    is_quoted_name,
    is_so_called,
    looks_like_scare_quote,
    looks_like_title,
)
from claimcheck.components.reported_speech import _labelled_object, _paraphrase_subject, _paraphrases
from claimcheck.components.roles import definite_role
from claimcheck.components.sources import (
    _DASHES,
    _STOP,
    RELATIVE,
    _antecedent,
    _can_speak,
    _cue_span,
    _DocView,
    _Found,
    _nearby_subject,
    _newline_between,
    _person,
    _personal_head,
    _span_dict,
    _speaker_record,
    _subject,
)

Doc.set_extension("attributions", default=None, force=True)
_MAX_TAIL = 120  # characters of "he said in an interview." between a quote and the next paragraph
_LEFT_WINDOW = 60
_RIGHT_WINDOW = 40


def _find_cue(doc: Doc, view: _DocView, lex: Lexicon, ts: int, te: int, whole: bool = False) -> _Found | None:
    """The speech cue for the quote tokens [ts, te): the nearest cue outside quote marks.

    The search runs over the words around the quote up to the sentence end, the paragraph
    end or another quote; sentence ends are read off the punctuation, because the parser
    often cuts “X.” from "he said." that follows it.
    """
    n = len(doc)
    candidates: list[tuple[int, int]] = []  # (distance, token index)
    in_quote, in_fragment = view.in_quote, view.in_fragment
    # quote fragments in the same sentence are stepped over, whole quoted sentences end the search
    i = te
    nxt = te
    while nxt < n and doc[nxt].is_space and "\n" not in doc[nxt].text:
        nxt += 1
    if te - 2 >= ts and doc[te - 2].text == "." and nxt < n and doc[nxt].is_title:
        i = n  # “… regime.” Ji lost his leg: a new sentence
    while i < n and i - te < _RIGHT_WINDOW and (not in_quote[i] or in_fragment[i]):
        tok = doc[i]
        if in_quote[i] and _ends_sentence(doc, i):
            break
        if "\n" in tok.text or (tok.text in _STOP and not in_quote[i]):
            break
        if not in_quote[i]:
            candidates.append((i - te, i))
        i += 1
    i = ts - 1
    crossed = False
    while i >= 0 and ts - i < _LEFT_WINDOW and (not in_quote[i] or in_fragment[i]):
        tok = doc[i]
        if in_quote[i] and _ends_sentence(doc, i):
            break  # "… calling him “a failed candidate.” Ruiz fired back, …": the sentence before
        if "\n" in tok.text:
            # a quote opening its paragraph after "He said:" at the end of the one before
            if crossed or i != ts - 1 or i == 0 or doc[i - 1].text != ":":
                break
            crossed = True
        elif tok.text in _STOP and not in_quote[i]:
            break
        elif not in_quote[i]:
            candidates.append((ts - 1 - i, i))
        i -= 1
    best: tuple[tuple, _Found, bool] | None = None  # (rank, cue, whether it trails the quote's sentence)
    linked: set[int] | None = None
    outers: dict[int, _Found | None] = {}  # _outer_cue depends on the cue alone: one climb per cue

    def outer_of(found: _Found) -> _Found | None:
        if found.cue.i not in outers:
            outers[found.cue.i] = _outer_cue(found, view, lex)
        return outers[found.cue.i]

    own = _own_clause_verb(doc, view, lex, ts, te)
    # ("Ruiz said: “…,” the Gazette reported.": the report closing the sentence outranks the colon's lead)
    reported_after = whole and any(
        i >= te and doc[i].lemma_ == "report" and _closing_report(doc, view, doc[i]) for _, i in candidates)
    for dist, i in candidates:
        tok = doc[i]
        according = tok.lower_ == "according"
        if not according and (tok.lemma_ not in lex.cues or tok.pos_ not in ("VERB", "AUX")):
            continue
        if own is not None and _conjoined(tok, own):
            continue  # "Ruiz proposed a debate - but the Bell campaign rejected it as “ludicrous”"
        if tok.lemma_ == "put" and not any(c.lower_ == "it" for c in tok.children):
            continue  # "put" reports words only as "put it" ("as Ruiz put it"), not "to put together “…”"
        if linked is None:
            linked = _linked_tokens(doc, ts, te)
            governing = _governing_cues(doc, view, lex, ts, te)
        subj = _subject(tok, view, lex.cues, lex) or _nearby_subject(doc, tok, view)
        if tok.lemma_ == "quote" and subj is not None and subj.lower_ in ("i", "we") and \
                tok.i + 1 < n and doc[tok.i + 1].text in (",", ":"):
            continue  # "Bell said, and I quote, “…”": the writer quoting the speaker, no speaker itself
        share = 1.0 if according else lex.strength.get(tok.lemma_, 0.0)
        if _as_put_it(tok):
            share = 1.0  # "as Ann Ruiz put it, …": an idiom that only ever introduces someone's words
            if subj is not None and subj.lower_ == "it":
                subj = _nearby_subject(doc, tok, view)
            subj = subj or _as_object(tok, view)
        if share < WEAK and not according and subj is not None and not _can_speak(subj, lex):
            subj = None  # "his determination to turn …": a rare cue and a subject that never speaks
        if share < WEAK and not according and subj is not None and subj.pos_ == "PRON" and \
                subj.lower_ in _NOT_SPEAKERS and tok.dep_ != "relcl":
            subj = None  # "That makes her “…”": a rare cue whose subject points at a thing, not a speaker
        if subj is not None:
            subj = _poll_source(tok, subj)
        found = _Found(tok, subj)
        tied = i in linked or _abuts(doc, found, ts, te)
        # (a relative clause whose words run over the quote holds it, however deep the parse put it)
        holds = i in governing or (tok.dep_ == "relcl" and tok.left_edge.i <= ts and (
            te - 1 <= tok.right_edge.i or all(doc[k].is_punct for k in range(tok.right_edge.i + 1, ts))))
        closing = i >= te and subj is not None and _closing_report(doc, view, tok)
        closing = closing or (subj is not None and share >= WEAK and i < ts and _as_reported(doc, tok)
                              and lex.share.get(tok.lemma_, 0.0) >= _AS_REPORTS)
        # ("…, as a Treasury memo put it": the idiom sources the words it follows, as "as X reported" does,
        # unless a speech verb proper reports them: "saying he would “…,” as Ruiz put it in her memoir")
        closing = closing or (subj is not None and i >= te and _as_put_it(tok) and not any(
            lex.strength.get(doc[g].lemma_, 0.0) >= STRONG for g in governing))
        # (after a fragment only a verb that mostly cues quotes: not "…,” the crowd applauded")
        trails = _trailing_cue(doc, view, found, te) and (whole or share >= STRONG)
        closing = closing or trails or (whole and _colon_lead(doc, found, ts) and not reported_after)
        score = _cue_key(found, view, lex, share, dist, i >= te, tied, according or closing, holds, outer_of)
        if best is None or score > best[0]:
            best = (score, found, trails)
    if best is None:
        return None
    _, found, trails = best
    if _own_pronoun(found) or trails or (found.cue.i >= te and _closing_report(doc, view, found.cue)):
        return found  # ("…,” the Post reported." ending the sentence reports all of it, whatever the parse)
    found = outer_of(found) or found
    return _parenthetical_report(doc, view, lex, found.cue) or found


def _parenthetical_report(doc: Doc, view: _DocView, lex: Lexicon, cue: Token) -> _Found | None:
    """"The council, Ruiz said, called the plan “a gift”": a speech verb with its own subject set
    off by commas inside the clause (the parser hangs it as parataxis) reports the whole clause, the
    cue in it included."""
    tok = cue
    for _ in range(3):
        if view.in_quote[tok.i]:
            return None
        for child in tok.children:
            if child.dep_ != "parataxis" or child.i == cue.i or child.pos_ != "VERB" or \
                    view.in_quote[child.i] or lex.strength.get(child.lemma_, 0.0) < STRONG:
                continue
            subj = next((c for c in child.children if c.dep_ == "nsubj" and c.i < child.i), None)
            if subj is None:
                continue
            # the subject and the verb alone between the commas (an adverb or a time may follow the verb)
            lo = subj.left_edge.i
            hi = max([c.right_edge.i for c in child.rights if c.dep_ != "punct"] + [child.i])
            if lo < 1 or hi - lo > 8 or doc[lo - 1].text != "," or hi + 1 >= len(doc) or \
                    doc[hi + 1].text != "," or any(view.in_quote[k] for k in range(lo, hi + 1)):
                continue
            if any(doc[k].text in _STOP for k in range(min(hi, cue.i), max(lo, cue.i))):
                continue  # a sentence the parser ran on into the next one
            return _Found(child, subj)
        if tok.head.i == tok.i or tok.dep_ == "conj":
            return None  # a clause joined by "and" is beyond it ("…, she said, it helped and she admitted")
        tok = tok.head
    return None


# pronouns that point at a thing or ask, when they do not open a relative clause (there the antecedent speaks)
_NOT_SPEAKERS = {"this", "that", "these", "those", "which", "who", "whom", "what", "you"}
_SPEAKING_PRONOUNS = {"he", "she", "they", "we", "i"}


def _own_pronoun(found: _Found) -> bool:
    """A relative clause inside a report that calls its antecedent something, with a personal pronoun for
    subject ("Ruiz said she backs a bill on the boards, which she called “a racket”"): the pronoun names
    who called it so, and the clause's verb is the quote's own cue rather than the verb that reports the
    clause around it."""
    cue, subj = found.cue, found.subject
    return subj is not None and subj.lower_ in _SPEAKING_PRONOUNS and subj.head.i == cue.i and \
        cue.dep_ == "relcl" and any(c.lower_ in RELATIVE and c.dep_ == "dobj" for c in cue.children)


def _closing_report(doc: Doc, view: _DocView, cue: Token) -> bool:
    """"…, Right Wing Watch first reported.", "…, reported the Washington Examiner.": news credits the
    outlet a whole sentence comes from with "reported" after a comma, its words ending the sentence;
    that reports all of it, like "according to"."""
    if cue.lemma_ != "report" or cue.tag_ not in ("VBD", "VBZ"):
        return False
    # the comma before its subject, if the subject comes first (inside the quote marks of a quote
    # that ends there: "“No comment,” The Miami Herald reported.")
    i = min([c.left_edge.i for c in cue.lefts if c.dep_ in ("nsubj", "nsubjpass")] + [cue.i]) - 1
    while i >= 0 and doc[i].is_quote:
        i -= 1
    if i < 0 or doc[i].text != "," or (view.in_quote[i] and not doc[i + 1].is_quote):
        return False
    j = _clause_end(doc, view, cue.i + 1)
    return j is not None and j < len(doc) and doc[j].text in _STOP and all(
        cue.left_edge.i <= k <= cue.right_edge.i or doc[k].is_quote for k in range(i + 1, j))


def _clause_end(doc: Doc, view: _DocView, j: int) -> int | None:
    """Where the sentence ends after token ``j`` (its stop, a line break or the document's end), or
    None when a quote, a comma, a semicolon or a colon comes first: the cue says more than its words."""
    while j < len(doc) and doc[j].text not in _STOP and "\n" not in doc[j].text:
        if view.in_quote[j] or doc[j].text in (",", ";", ":"):
            return None
        j += 1
    return j


_CUE_SETTINGS = {"prep", "npadvmod", "advmod"}  # phrases of the cue's own time and place ("saying in May")


def _abuts(doc: Doc, found: _Found, ts: int, te: int) -> bool:
    """A cue with its own subject right next to the quote ("a man yelled “…”", "“…?” he urged them"):
    tied to the quote whatever the parser hung the quote from; only punctuation, or the subject, between."""
    cue, subj = found.cue, found.subject
    # its own subject, or the noun a finite verb was hung from ("a man yelled" read as "the man who yelled");
    # a subject borrowed from a clause above is no tie ("…,” saying …")
    finite = cue.tag_ in ("VBD", "VBZ", "VBP")
    if subj is None or not (subj.head.i == cue.i or (finite and cue.head.i == subj.i == cue.i - 1)):
        return False
    if cue.i >= te and te < len(doc) and doc[te].is_title and doc[te].pos_ not in ("PROPN", "PRON"):
        return False  # "“…!” A new ad accuses …": a new sentence
    lo, hi = (cue.i + 1, ts) if cue.i < ts else (te, cue.i)
    own = set(range(subj.left_edge.i, subj.right_edge.i + 1))
    if cue.i < ts:
        # "Ruiz saying during the debate last week, “…”": a time or a place said of the cue itself
        for child in cue.rights:
            if child.dep_ in _CUE_SETTINGS and child.right_edge.i < ts:
                own.update(range(child.left_edge.i, child.right_edge.i + 1))
    return all(doc[k].is_punct or k in own for k in range(lo, hi))



# "as X <verb>," credits X with the sentence only for a verb that reports speech in most of its uses
# (its share of uses inside any cue): "as the Gazette reported", not "as Tom stumbled"
_AS_REPORTS = 0.5


def _trailing_cue(doc: Doc, view: _DocView, found: _Found, te: int) -> bool:
    """"“…,” he claimed.": a cue after the quote whose own subject follows the quote with only punctuation
    between, and which ends the sentence, is the quote's attribution whatever framed it before
    ("Ruiz asserted that …: “…,” she said")."""
    cue, subj = found.cue, found.subject
    if subj is None or cue.i < te or subj.head.i != cue.i or not te <= subj.i < cue.i or \
            subj.lower_ in RELATIVE:
        return False
    if any(c.dep_ in ("ccomp", "xcomp", "dobj", "attr", "oprd") and c.i > cue.i for c in cue.children):
        return False  # a clause of its own after the quote: "…,” one of the prosecutors said the cases …"
    last = te - 1
    while last > 0 and doc[last].is_quote:
        last -= 1
    if doc[last].text not in (",", "?", "!"):
        return False  # (a quoted sentence closes on its own comma: not "… a “bully” who made …")
    if any(not doc[k].is_punct for k in range(te, subj.left_edge.i)):
        return False
    return _clause_end(doc, view, cue.i + 1) is not None


def _colon_lead(doc: Doc, found: _Found, ts: int) -> bool:
    """"… as the heckler yelled: “You suck!”": a cue with its own subject before it, right before the
    colon that opens a quoted sentence, introduces that sentence, whatever cue came earlier."""
    cue, subj = found.cue, found.subject
    if subj is None or cue.i >= ts or subj.head.i != cue.i or subj.i > cue.i or subj.lower_ in RELATIVE:
        return False  # (not "as one who believes: “…”": who that is, the sentence around it says)
    between = range(cue.i + 1, ts)
    return any(doc[k].text == ":" for k in between) and all(doc[k].is_punct for k in between)


def _as_reported(doc: Doc, tok: Token) -> bool:
    """"As the Gazette reported, the mayor …", "as Ann Ruiz observed, the winner was …": a
    speech verb in a clause opened by "as", with its own subject and nothing said after it, credits
    its subject with the sentence it hangs on, like "according to"."""
    as_ = next((c for c in tok.children if c.lower_ == "as" and c.i < tok.i and c.dep_ in ("mark", "advmod")),
               None)
    if tok.dep_ != "advcl" or as_ is None or tok.head.i < tok.i or \
            any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "oprd", "agent") for c in tok.children):
        return False
    # set off before the clause it credits: opening the sentence, or between commas or dashes
    before = as_.i - 1
    after = max([c.right_edge.i for c in tok.rights if c.dep_ != "punct"] + [tok.i]) + 1
    opens = before < 0 or doc[before].text == "," or doc[before].text in _DASHES or \
        doc[before].is_space or doc[before].text in _STOP
    return opens and after < len(doc) and (doc[after].text == "," or doc[after].text in _DASHES)


def _as_put_it(tok: Token) -> bool:
    """"As Ann Ruiz put it, …", "as the memo puts it": the verb "put" with "it" in a clause opened by "as"."""
    if tok.lemma_ != "put":
        return False
    children = list(tok.children)
    return any(c.lower_ == "it" for c in children) and (
        any(c.lower_ == "as" and c.dep_ in ("mark", "advmod", "prep") for c in children)
        or tok.left_edge.lower_ == "as")


def _as_object(put: Token, view: _DocView) -> Token | None:
    """"As Ann Ruiz, author of “…,” put it": the parser read "as" as a preposition and its subject as the
    object; that object is who put it so."""
    for child in put.children:
        if child.lower_ == "as" and child.i < put.i:
            obj = next((o for o in child.children if o.dep_ == "pobj" and not view.in_quote[o.i]), None)
            if obj is not None:
                return obj
    return None


_POLLS = {"poll", "survey"}
_SHARES = {"percent", "%", "majority", "third", "quarter", "half", "most", "many", "few"}


def _poll_source(cue: Token, subj: Token) -> Token:
    """"In a CNN poll, 31% of voters said …": the respondents speak through the poll, its source."""
    if not (subj.like_num or subj.lower_ in _SHARES or any(c.like_num or c.lower_ in _SHARES
                                                          for c in subj.children)):
        return subj
    for prep in cue.children:
        if prep.dep_ == "prep" and prep.lower_ == "in" and prep.i < subj.i:
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.lemma_.lower() in _POLLS:
                    return obj
    # "The poll also finds that, while 37 percent say …": the poll whose finding the share is in
    for verb in list(cue.ancestors)[:3]:
        poll = next((c for c in verb.children if c.dep_ == "nsubj" and c.lemma_.lower() in _POLLS), None)
        if poll is not None:
            return poll
    return subj


def _ends_sentence(doc: Doc, i: int) -> bool:
    """A closing quote mark after a full stop (“… a failed candidate.”): the sentence ends there."""
    return doc[i].text in _CLOSING and i > 0 and doc[i - 1].text == "." and (
        i + 1 >= len(doc) or doc[i + 1].is_title or doc[i + 1].is_space)


_PERSONAL = {"he", "she", "i", "we", "they", "you", "it"}


def _cue_key(found: _Found, view: _DocView, lex: Lexicon, share: float, dist: int, after: bool,
             linked: bool, according: bool, governs: bool = False,
             outer_of: Callable[[_Found], _Found | None] | None = None) -> tuple:
    """How likely a candidate cue is the quote's own, as a sort key: evidence in order of weight.

    A cue with a source first, "according to X" above all (it names the source of the whole
    sentence); not a cue inside a clause another verb reports ("said the group had called …")
    or a relative clause; a verb that cues quotes at least now and then; a cue the parse ties
    to the quote; a name or a pronoun or a common noun that heads sources in news as its
    subject rather than another noun or a relative word; a common speech verb; a cue before
    the quote; the nearest.
    """
    tok, subj = found.cue, found.subject
    strong = 2 if share >= STRONG else 1 if share >= WEAK else 0
    if subj is None:
        return (False, False, False, strong >= 1, linked, 0, strong == 2, strong, not after, -dist)
    # "Tom Bell, who said": ranked as the name ("who" as the person a phrase the parser hung it from is on)
    subj = _personal_head(_antecedent(subj)) if subj.lower_ in ("who", "whom") else _antecedent(subj)
    low = subj.lower_
    if subj.pos_ == "PROPN" or low in _PERSONAL:
        who = 2
    elif subj.pos_ == "NOUN" and low not in RELATIVE and lex.source_nouns:
        who = 2 if subj.lemma_.lower() in lex.source_nouns else 0  # "a man yelled", "the study concluded"
    elif subj.pos_ == "NOUN" and low not in RELATIVE:
        who = 1  # no nouns known to head sources: any common noun may
    else:
        who = 0
    outer = outer_of or (lambda f: _outer_cue(f, view, lex))
    embedded = tok.dep_ in ("ccomp", "relcl") and not according and outer(found) is None and \
        not _newline_between(tok, tok.head)  # (a verb in the next paragraph reports nothing of this one)
    # a clause that holds the quote is its own cue when it is a relative clause ("Beck, who said
    # there were “…”") or no speech verb reports it ("he hopes voters will call it “…”"); a complement
    # clause is part of a report only under a verb that cues quotes now and then ("made sure X said")
    if embedded and (governs or tok.dep_ == "ccomp"):
        # (up through complements only: "said he expected that Americans will say “no”" reports it, but
        # "…, meddling the congressman said is …" hangs from a clause beside the cue further up)
        embedded = False
        inner = tok
        while tok.dep_ != "relcl" and inner.dep_ in ("ccomp", "xcomp", "relcl") and inner.head.i != inner.i:
            a = inner.head
            if a.pos_ == "VERB" and not view.in_quote[a.i] and lex.strength.get(a.lemma_, 0.0) >= (
                    WEAK if a.i < tok.i else STRONG):
                embedded = True
                break
            inner = a
    # words someone "cannot say" or "never called" it are not theirs: a negated cue ranks with embedded ones
    embedded = embedded or any(c.dep_ == "neg" for c in tok.children)
    # a verb that cues quotes at all, then the parse, then who speaks, then how often the verb cues
    return (True, according, not embedded, strong >= 1, linked, who, strong == 2, strong, not after, -dist)


_OUTER_STEPS = 8
# how a clause hangs inside what a verb reports: its complement, or its object ("told them about a
# memo that described …") and the clauses on that object
_REPORTED_DEPS = {"ccomp", "dobj", "pobj", "prep", "acl", "relcl"}


def _outer_cue(found: _Found, view: _DocView, lex: Lexicon) -> _Found | None:
    """A cue inside the clause a stronger speech verb reports is part of what is reported.

    "He said the group that has declared a “caliphate” …", "she told them about a memo that
    described it as “…”": the words are his, hers (a weaker cue inside what a stronger one reports).
    """
    cue = found.cue
    share = lex.strength.get(cue.lemma_, 0.0)
    if cue.lower_ == "according":
        return None
    tok = cue
    for _ in range(_OUTER_STEPS):
        head = tok.head
        if head.i == tok.i or view.in_quote[head.i]:
            return None
        # a cue with its own subject is not reported by a verb in the next paragraph, nor by one whose
        # adverbial clause holds it ("they feared a speech like his, when he called for “…”"; a participle
        # there shares the reporter's subject)
        side = tok.dep_ == "advcl" and cue.tag_ != "VBG"
        if found.subject is not None and (side or _newline_between(tok, head)):
            return None
        if tok.dep_ in _REPORTED_DEPS and head.pos_ in ("VERB", "AUX") and head.lemma_ in lex.cues and \
                lex.strength.get(head.lemma_, 0.0) > share:
            subj = _subject(head, view, lex.cues)
            return _Found(head, subj) if subj is not None else None
        tok = head
    return None


def _heads_above(doc: Doc, view: _DocView, ts: int, te: int, steps: int = 4) -> Iterator[list[Token]]:
    """For each word of the quote [ts, te) whose head lies outside it, the heads above it: at most
    ``steps``, up to the root, and none inside quote marks."""
    for tok in doc[ts:te]:
        head = tok.head
        if ts <= head.i < te or head.i == tok.i:
            continue
        chain: list[Token] = []
        for _ in range(steps):
            if view.in_quote[head.i]:
                break
            chain.append(head)
            if head.head.i == head.i:
                break
            head = head.head
        yield chain


def _own_clause_verb(doc: Doc, view: _DocView, lex: Lexicon, ts: int, te: int) -> Token | None:
    """The verb whose clause holds the quote when it is no cue and has a subject of its own
    ("the Bell campaign rejected the idea as “ludicrous”"): the quote is said within that clause,
    so a cue of a clause joined to it by "and" or "but" is not the quote's."""
    chain = next(_heads_above(doc, view, ts, te), [])
    verb = next((head for head in chain if head.pos_ == "VERB"), None)
    # (a verb that cues quotes too seldom to outrank another is as much the quote's own: "the paper ruled
    # that the claim is “true,” but they could not resist pointing out …")
    if verb is None or (verb.lemma_ in lex.cues and lex.strength.get(verb.lemma_, 0.0) >= WEAK):
        return None
    has_subject = any(c.dep_ in ("nsubj", "nsubjpass") and not view.in_quote[c.i] for c in verb.children)
    return verb if has_subject else None


def _conjoined(a: Token, b: Token) -> bool:
    """Two verbs of coordinate clauses: one is the other's conjunct, or ``a`` hangs in a clause that is
    ("…, but they could not resist pointing out": "pointing" is in the clause joined by "but")."""
    if b.dep_ == "conj" and b.head.i == a.i:
        return True
    for _ in range(3):
        if a.dep_ == "conj" and a.head.i == b.i:
            return True
        if a.dep_ not in ("xcomp", "ccomp") or a.head.i == a.i:
            return False
        a = a.head
    return False


def _governing_cues(doc: Doc, view: _DocView, lex: Lexicon, ts: int, te: int) -> set[int]:
    """The nearest cue verbs above the quote in the parse: the verbs whose clauses hold the quote.

    A quote closing on a comma with a cue after it that holds it ("“…,” the paper reported")
    is that cue's, whatever the parser hung from a cue before it.
    """
    out: set[int] = set()
    for chain in _heads_above(doc, view, ts, te):
        cue = next((head for head in chain if head.pos_ == "VERB" and head.lemma_ in lex.cues), None)
        if cue is not None:
            out.add(cue.i)
    if te - 2 >= ts and doc[te - 2].text == "," and any(i >= te for i in out):
        return {i for i in out if i >= te}
    return out


def _linked_tokens(doc: Doc, ts: int, te: int) -> set[int]:
    """Tokens the parse ties to the quote: ancestors of its words and the words it hangs from."""
    out: set[int] = set()
    for tok in doc[ts:te]:
        head = tok.head
        if ts <= head.i < te:
            continue
        # a word of the quote whose head is outside: the head and its ancestors up to the root
        for _ in range(len(doc)):  # up to the root
            out.add(head.i)
            if head.head.i == head.i:
                break
            head = head.head
        # the quote as the main clause with the cue hanging from it (“X,” he said)
        for child in tok.children:
            if not ts <= child.i < te:
                out.add(child.i)
    return out


def _words_of(doc: Doc, view: _DocView, ts: int) -> _Found | None:
    """"Ruiz was, in the words of a senior adviser, “the torchbearer”": "in the words of X" right before
    the quote names its source, like "according to X"; so does "in X's words", "in her own words"."""
    for i in range(ts - 1, max(ts - 12, 3), -1):
        if view.in_quote[i] or doc[i].text in _STOP:
            return None
        if doc[i].lower_ == "of" and doc[i - 1].lower_ == "words" and doc[i - 3].lower_ == "in":
            obj = next((o for o in doc[i].children if o.dep_ == "pobj"), None)
            if obj is None or any(not doc[k].is_punct for k in range(obj.right_edge.i + 1, ts)):
                return None
            return _Found(doc[i - 1], obj)
        if doc[i].lower_ == "words" and all(doc[k].is_punct for k in range(i + 1, ts)):
            owner = _words_owner(doc, i)
            return _Found(doc[i], owner) if owner is not None and not view.in_quote[owner.i] else None
    return None


_POSSESSIVES = {"his", "her", "their", "its", "my", "our"}
_GENITIVE = {"'s", "\u2019s", "'", "\u2019"}


# "by her own admission": a noun that, owned and after "by", sources the clause it hangs on
_OWN_ACCOUNTS = {"admission", "account", "reckoning", "estimate", "estimation", "telling"}


def _own_account(doc: Doc, view: _DocView, ts: int) -> _Found | None:
    """"By his own admission, the issue was raised only “briefly.”", "The move, by her own account, was
    a “mistake”": the owner of the admission or account is the source of the clause, like X in
    "according to X"; the quote must lie in the clause the phrase modifies."""
    for i in range(ts - 1, int(view.sent_start[ts]) - 1, -1):
        tok = doc[i]
        if view.in_quote[i] or tok.text in _STOP:
            return None
        if tok.lower_ not in _OWN_ACCOUNTS or tok.head.lower_ != "by" or tok.dep_ != "pobj":
            continue
        clause = tok.head.head
        while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
            clause = clause.head  # (hung on the subject: "The move by her own admission was …")
        owner = _words_owner(doc, i, "by")
        if owner is not None and not view.in_quote[owner.i] and \
                clause.left_edge.i <= ts <= clause.right_edge.i:
            return _Found(tok, owner)
    return None


def _words_owner(doc: Doc, words: int, prep: str = "in") -> Token | None:
    """Whose "words" in "in X's (own) words" / "in her words" (or whose account in "by her own
    account", with ``prep``), read off the tokens (the parser often takes "Forbes’" for a noun of its
    own)."""
    k = words - 1
    if k > 0 and doc[k].lower_ == "own":
        k -= 1
    if k > 0 and doc[k].lower_ in _POSSESSIVES:
        owner, first = doc[k], k
    elif k > 1 and doc[k].text in _GENITIVE and doc[k - 1].pos_ in ("PROPN", "NOUN"):
        owner, first = doc[k - 1], k - 1
        while first > 1 and doc[first - 1].pos_ == "PROPN" and owner.pos_ == "PROPN":
            first -= 1
    else:
        return None
    return owner if first > 0 and doc[first - 1].lower_ == prep else None


def _dash_speaker(doc: Doc, te: int) -> Token | None:
    """“…” — Robert King: a name right after a dash that follows the quote (or opens the next line)."""
    i, n = te, len(doc)
    while i < n and doc[i].is_space:
        i += 1
    glued = te > 0 and len(doc[te - 1].text) > 1 and doc[te - 1].text[-1] in _DASHES  # the token “”―”
    if glued or (i + 1 < n and doc[i].text in _DASHES):
        j = i if glued else i + 1
        while j < n and doc[j].is_space:
            j += 1
        if j < n and doc[j].pos_ == "PROPN":
            return doc[name_end(doc, j)]
    # "“…”\n\n-Ann Ruiz, Portland.": a hyphen for the dash, glued to the name by the tokenizer
    # (the tagger may take the glued token for punctuation: the name then goes on in the next one)
    if i < n and len(doc[i].text) > 2 and doc[i].text[0] == "-" and doc[i].text[1:].istitle() and (
            doc[i].pos_ == "PROPN" or (i + 1 < n and doc[i + 1].pos_ == "PROPN")):
        j = i
        while j + 1 < n and doc[j + 1].pos_ == "PROPN":
            j += 1
        return doc[j]
    return None


def _previous_sentence_cue(doc: Doc, view: _DocView, lex: Lexicon, ts: int) -> _Found | None:
    """“…” after "Omar Haddad said the vote had been rushed.": the speaker of the sentence before.

    Only a speech verb proper (say, tell, add …) with a subject, in the same paragraph.
    """
    s0 = int(view.sent_start[ts])
    # a quote that opens its paragraph may follow its speaker's last words in the one before
    opens_paragraph = ts == 0 or "\n" in doc[ts - 1].text
    while s0 > 0 and opens_paragraph and doc[s0 - 1].is_space:
        s0 -= 1
    if s0 == 0:
        return None
    p0 = int(view.sent_start[s0 - 1])
    for i in range(s0 - 1, p0 - 1, -1):
        tok = doc[i]
        if "\n" in tok.text:
            p0 = i + 1  # the sentence the parser ran on from the paragraph before starts on this line
            break
        if view.in_quote[i] or tok.pos_ != "VERB" or tok.lemma_ not in lex.cues:
            continue
        subj = _subject(tok, view, lex.cues, lex)
        if subj is not None and subj.i >= p0 and (
            lex.strength.get(tok.lemma_, 0.0) >= STRONG or _person(subj)
        ):
            return _Found(tok, subj)
    return _previous_person(doc, view, p0, s0)


def _previous_person(doc: Doc, view: _DocView, p0: int, s0: int) -> _Found | None:
    """“…” after "Ann Ruiz, who lost the race, identified fatigue as the reason.": a quoted sentence
    standing alone after a sentence whose main clause has a person for its subject continues with that
    person's words, whatever the main verb (news introduces a quote by what its speaker did)."""
    root = doc[s0 - 1]
    while root.head.i != root.i:
        root = root.head
    if not p0 <= root.i < s0 or root.pos_ not in ("VERB", "AUX") or view.in_quote[root.i]:
        return None
    subj = _subject(root, view)
    if subj is None or not p0 <= subj.i or view.in_quote[subj.i] or not _person(subj):
        return None
    return _Found(root, subj)


def _label_speaker(doc: Doc, view: _DocView, colon: int, surnames: Container[str] = ()) -> Token | None:
    """"Name: “…”" — a name alone before a colon labels the quote (transcripts, round-ups).

    The name (a run of proper nouns, maybe followed by a parenthesis such as a party tag)
    must open its line or follow a dash, so that "… as the report by Smith: “…”" stays a clause.
    A surname of the document (``surnames``) is a name even where the tagger read it as a common
    noun, as it does at the start of a headline ("Ruiz: “We Will Win”").
    """
    j = colon - 1
    if doc[j].text == ")":
        while j > 0 and doc[j].text != "(" and colon - j < 12:
            j -= 1
        j -= 1
    if j < 0 or view.in_quote[j] or not (doc[j].pos_ == "PROPN" or doc[j].text in surnames):
        return None
    last = j
    while j - 1 >= 0 and not view.in_quote[j - 1] and (
        doc[j - 1].pos_ == "PROPN"
        or (doc[j - 1].lower_ in ("and", "&") and j >= 2 and doc[j - 2].pos_ == "PROPN")
    ):
        j -= 1  # "Ann Ruiz and Tom Bell:" — a label may name two people
    k = j - 1
    while k >= 0 and doc[k].is_space and "\n" not in doc[k].text:
        k -= 1
    if k < 0 or "\n" in doc[k].text or doc[k].text in _DASHES:
        return doc[last]
    if doc[k].lower_ in _INVERTED_OPENERS and doc[k].text[:1].isupper() and (
            k == 0 or "\n" in doc[k - 1].text or doc[k - 1].text in _STOP or view.in_quote[k - 1]):
        return doc[last]  # "Said Ellis: “…”", "Continued Ruiz: “…”"
    if view.in_quote[k] and doc[k].text in _CLOSING and k >= 1 and doc[k - 1].text in _STOP:
        return doc[last]  # “… ISIS.” Bush: “…” — the next speaker of a round-up
    return None


def _dash_label(doc: Doc, view: _DocView, colon: int) -> Token | None:
    """"… are problematic - Pew Research: “…”": after a dash, capitalised words before a colon name
    the source whatever the parser tagged them (a common noun, "Research")."""
    j = colon - 1
    if j < 0 or not doc[j].is_title or view.in_quote[j]:
        return None
    last = j
    while j - 1 >= 0 and doc[j - 1].is_title and not view.in_quote[j - 1] and colon - j < 4:
        j -= 1
    k = j - 1
    while k >= 0 and doc[k].is_space and "\n" not in doc[k].text:
        k -= 1
    if k >= 0 and doc[k].text in _DASHES and not view.in_quote[k]:
        return doc[last]
    return None


_CLOSING = {"\u201d", '"', "''"}
# speech verbs that open a sentence before the speaker's name and a colon ("Said Ellis: “…”")
_INVERTED_OPENERS = {"said", "says", "added", "adds", "continued", "continues", "wrote", "writes",
                     "explained", "noted", "asked", "replied", "responded", "concluded", "tweeted",
                     "recalled", "warned"}


def _colon_label(doc: Doc, view: _DocView, ts: int, surnames: Container[str] = ()) -> _Found | None:
    """"Pollsters agree - Carl Bialik: “…”": a name labelling the quote beats any verb before it."""
    i = ts - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    if i > 0 and doc[i].text == ":" and not view.in_quote[i]:
        label = _label_speaker(doc, view, i, surnames) or _dash_label(doc, view, i)
        if label is not None:
            return _Found(doc[i], label)
        # "- More from Jones: “…”", "From the report: “…”": the source follows "from"
        obj = doc[i - 1]
        while obj.dep_ in ("compound", "flat") and obj.head.i > obj.i:
            obj = obj.head
        prep = obj.head
        if obj.dep_ == "pobj" and prep.lower_ == "from" and prep.i < obj.i and not view.in_quote[prep.i]:
            k = prep.i - 1
            if k >= 0 and doc[k].lower_ == "more":
                k -= 1
            while k >= 0 and doc[k].is_space and "\n" not in doc[k].text:
                k -= 1
            if k < 0 or "\n" in doc[k].text or doc[k].text in _DASHES or doc[k].text in _STOP:
                return _Found(doc[i], obj)
    return None


def _dashed_owner(doc: Doc, view: _DocView, ts: int, te: int) -> _Found | None:
    """"… including the former candidate Ann Ruiz -- “It is disqualifying …” -- and Tom Bell": a quote
    set off by dashes right after a person's name is that person's (the dash is its cue)."""
    i = ts - 1
    while i >= 0 and doc[i].is_space and "\n" not in doc[i].text:
        i -= 1
    j = te
    while j < len(doc) and doc[j].is_space and "\n" not in doc[j].text:
        j += 1
    if i < 1 or j >= len(doc) or doc[i].text not in _DASHES or doc[j].text not in _DASHES:
        return None
    name = doc[i - 1]
    if view.in_quote[name.i] or name.pos_ != "PROPN" or not _person(name):
        return None
    return _Found(doc[i], name)


_SIDE_CLAUSES = {"advcl", "relcl", "acl", "conj", "parataxis", "appos"}


def _acts_on(verb: Token, noun: Token) -> bool:
    """Whether ``noun`` is what ``verb`` acts on or reports ("called Trump's remarks “racist”",
    "said Clinton's call to “…” was …"): a few steps down the verb's own clause, no side clause between."""
    tok = noun
    for _ in range(4):
        if tok.head.i == tok.i or tok.dep_ in _SIDE_CLAUSES:
            return False
        tok = tok.head
        if tok.i == verb.i:
            return True
    return False


# nouns for what someone said (general English), whose owner is the speaker of a quote in their phrase
_SPEECH_NOUNS = frozenset({
    "statement", "remark", "comment", "word", "warning", "pledge", "promise", "claim", "assertion", "vow",
    "declaration", "threat", "insistence", "argument", "accusation", "boast", "quip", "joke", "admission",
    "complaint", "demand", "plea", "prediction", "characterization", "mantra", "slogan", "tweet", "refrain",
    "reply", "retort", "suggestion", "criticism", "denial", "description", "phrase", "rhetoric",
    "catchphrase", "answer", "response",
})


def _owned_noun_cue(doc: Doc, view: _DocView, lex: Lexicon, ts: int, te: int) -> _Found | None:
    """A quote inside the phrase of a reporting noun with an owner: "Clinton's assertion of a
    “claim of right”", "their chants of “Lock her up!”": the owner said it, no verb needed."""
    i = ts - 1
    while i >= 0 and ts - i < _LEFT_WINDOW:
        tok = doc[i]
        if "\n" in tok.text or (tok.text in _STOP and not view.in_quote[i]):
            break
        if not view.in_quote[i] and _speech_noun(tok, lex) and tok.left_edge.i <= ts and \
                te - 1 <= tok.right_edge.i + 1:
            owner = next((c for c in tok.children if c.dep_ == "poss" and not view.in_quote[c.i]), None)
            if owner is not None:
                return _Found(tok, owner)
        i -= 1
    return None


def _copular_owner(doc: Doc, view: _DocView, lex: Lexicon, ts: int) -> _Found | None:
    """"Ruiz's favourite line was that the council “never reads its own mail”", "Bell's answer was:
    “…”": a speech noun with an owner, "is"/"was", then "that" or a colon opening what was said: the
    owner said it (not "Ruiz's remarks were “false”", a verdict on the words by whoever reports it)."""
    lo = max(int(view.sent_start[ts]), ts - 14)
    for i in range(ts - 1, lo, -1):
        be = doc[i]
        if view.in_quote[i] or doc[i].text in _STOP:
            return None
        if be.lemma_ != "be" or i + 1 >= ts or doc[i + 1].lower_ not in ("that", ":"):
            continue
        noun = next((c for c in be.children if c.dep_ == "nsubj" and c.i < be.i), None)
        if noun is None or view.in_quote[noun.i] or not _speech_noun(noun, lex):
            return None
        owner = next((c for c in noun.children if c.dep_ == "poss" and not view.in_quote[c.i]), None)
        return _Found(be, owner) if owner is not None else None
    return None


def _noun_content_owner(doc: Doc, view: _DocView, lex: Lexicon, ts: int) -> _Found | None:
    """"Her remark that “…”", "his warning on Monday that the deal would go to the “back of the
    queue”": a clause opened by "that" right after a speech noun with an owner is what the owner
    said, whatever verb the noun phrase hangs from ("fanned a row over her remark that …")."""
    lo = max(int(view.sent_start[ts]), ts - 14)
    for k in range(ts - 1, lo, -1):
        tok = doc[k]
        if view.in_quote[k] or tok.text in _STOP or tok.text == ";":
            return None
        if tok.lower_ != "that":
            continue
        clause = tok.head  # the verb of the clause "that" opens: the quote must be inside it
        if tok.dep_ != "mark" or not clause.left_edge.i <= ts <= clause.right_edge.i:
            return None
        noun = doc[k - 1]
        prep = noun.head
        if not _speech_noun(noun, lex) and noun.dep_ == "pobj" and prep.dep_ == "prep" and k - prep.i <= 5:
            # "his statement on Wednesday that …", "her claim during the debate that …" (wherever the
            # parser hung the phrase in between)
            noun = prep.head if prep.head.pos_ == "NOUN" else doc[prep.i - 1]
        if view.in_quote[noun.i] or not _speech_noun(noun, lex):
            return None
        owner = next((c for c in noun.children if c.dep_ == "poss" and not view.in_quote[c.i]), None)
        return _Found(noun, owner) if owner is not None else None
    return None


def _speech_noun(tok: Token, lex: Lexicon) -> bool:
    """A noun for what someone said: "claim", "remark" and the reporting nouns of the lexicon."""
    return tok.pos_ == "NOUN" and (tok.lemma_.lower() in lex.noun_cues or tok.lemma_.lower() in _SPEECH_NOUNS)


def _yields_to_content(found: _Found, content: _Found, lex: Lexicon) -> bool:
    """Whether the cue found gives way to the owner of a speech noun whose "that" clause holds the
    quote: unless it is "according to" or a speech verb proper with its own subject ("she recalled
    his claim that …" stays hers); a cue inside the clause itself always does."""
    cue = found.cue
    if content.cue.i < cue.i <= content.cue.right_edge.i:
        return True
    return cue.lower_ != "according" and (found.subject is None or lex.strength.get(cue.lemma_, 0.0) < STRONG)


def _verb_above(doc: Doc, view: _DocView, ts: int, te: int) -> Token | None:
    """The nearest verb above the quote [ts, te) in the parse, outside quote marks and in its sentence."""
    for tok in doc[ts:te]:
        head = tok.head
        before = _clause_before(tok, view, ts) if head.i == tok.i and tok.pos_ in ("VERB", "AUX") else None
        if before is not None:
            head = before  # the quote is the root of its sentence, the clause before it hung below
        elif ts <= head.i < te or head.i == tok.i:
            continue
        for _ in range(3):  # the nearest verb above the quote, outside it
            if head.pos_ in ("VERB", "AUX") or head.head.i == head.i:
                break
            head = head.head
        if head.pos_ not in ("VERB", "AUX") or view.in_quote[head.i] or int(view.sent_start[head.i]) != \
                int(view.sent_start[min(ts, len(doc) - 1)]):
            return None
        return head
    return None


def _clause_before(verb: Token, view: _DocView, ts: int) -> Token | None:
    """"Ruiz had one answer—“We will rebuild it.”": the parser made the quote the root and hung the
    clause before it from the quote's verb; that clause, outside the marks, is the one above the quote."""
    for child in verb.children:
        if child.i < ts and child.dep_ in ("ccomp", "parataxis", "advcl") and child.pos_ in ("VERB", "AUX") \
                and not view.in_quote[child.i]:
            return child
    return None


def _clause_speaker(doc: Doc, view: _DocView, ts: int, te: int, lex: Lexicon) -> _Found | None:
    """A quote left without a speaker inside a clause whose subject is a person ("Bell pondered
    who might “…”") or a noun that heads sources ("the ad"): whatever the verb, the words are theirs.
    A complement clause whose subject is neither ("she vented that it would be “…”") is what the
    subject of the verb above it told."""
    head = _verb_above(doc, view, ts, te)
    for _ in range(2):  # "she vented to him that it would be “…”": up from a complement clause to its teller
        if head is None:
            return None
        subj = _subject(head, view)
        source = subj is not None and subj.pos_ in ("NOUN", "PROPN") and \
            subj.lemma_.lower() in lex.source_nouns
        if subj is not None and not view.in_quote[subj.i] and (_person(subj) or source):
            return _Found(head, subj)
        if head.dep_ != "ccomp" or view.in_quote[head.head.i] or head.head.pos_ not in ("VERB", "AUX"):
            return None
        head = head.head
    return None


def _frame_cue(doc: Doc, view: _DocView, ts: int, te: int, lex: Lexicon | None = None,
               named: bool = False) -> _Found | None:
    """A quote with no speech verb near it, framed the way news frames one anyway.

    * "X <verb> …: “…”" — the clause before a colon introduces the quote (also from the
      end of the paragraph before);
    * "“…,” X <verb>." — a quoted sentence ending in a comma, ?, ! is followed by its
      attribution whatever the verb ("Trump barked"), unless the quote reads as a name (a
      title-case ``named`` quote) and the verb is no speech verb: "“Prison Break,” a series
      that first aired in 2005, returns" names a show.
    """
    n = len(doc)
    i = ts - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    if i > 0 and doc[i].text == ":" and not view.in_quote[i]:  # (a label there was _colon_label's)
        root = doc[int(view.sent_start[i - 1])].sent.root
        verb = doc[i - 1]
        while verb.head.i != verb.i and verb.head.i < i:
            verb = verb.head
        for head in (verb, root):
            subj = _subject(head, view)
            if subj is not None and subj.i < i:
                if lex is not None and _speech_noun(subj, lex):
                    # "The mayor's response was blunt: “No.”": whose response it was
                    owner = (c for c in subj.children if c.dep_ == "poss" and not view.in_quote[c.i])
                    subj = next(owner, subj)
                return _Found(head if head.pos_ in ("VERB", "AUX") else doc[i], subj)
    last = doc[te - 1].text if te - 1 < n else ""
    if te < n and last in {"\u201d", '"', "''"} and te - 2 >= ts and doc[te - 2].text in {",", "?", "!"}:
        for j in range(te, min(n, te + 8)):
            tok = doc[j]
            if view.in_quote[j] or tok.text in _STOP or "\n" in tok.text:
                break
            if tok.pos_ == "VERB":
                subj = _subject(tok, view)
                if subj is not None and te <= subj.i < j + 4:
                    if named and (lex is None or lex.strength.get(tok.lemma_, 0.0) < STRONG):
                        return None
                    return _Found(tok, subj)
                break
        if lex is not None:
            return _tagged_tail(doc, view, lex, te)
    return None


def _bare_report(doc: Doc, view: _DocView, lex: Lexicon, ts: int, te: int) -> _Found | None:
    """"“… are missing.” Trump said.": a sentence that is only a noun phrase and a speech verb says
    who spoke the quote before it, whatever stop the writer put inside the marks."""
    n = len(doc)
    if not (ts <= te - 2 < n and doc[te - 2].text == "." and doc[te - 1].text in _CLOSING):
        return None
    j = te
    while j < n and j - te < 6 and not view.in_quote[j] and doc[j].pos_ in _PHRASE_POS:
        j += 1
    if j == te or j >= n or doc[j].pos_ != "VERB" or lex.strength.get(doc[j].lemma_, 0.0) < STRONG:
        return None
    end = j + 1
    if end < n and doc[end].text not in _STOP and "\n" not in doc[end].text:
        return None  # the verb says more ("Trump said so too"): not a bare attribution
    subj = _subject(doc[j], view)
    return _Found(doc[j], subj) if subj is not None and te <= subj.i < j else None


_PHRASE_POS = {"DET", "ADJ", "NOUN", "PROPN", "PRON"}


def _tagged_tail(doc: Doc, view: _DocView, lex: Lexicon, te: int) -> _Found | None:
    """"“…,” the editorial read.", "“…,” a voice-over in the ad states.": a noun phrase (its head before
    any preposition) and a cue word closing the sentence, whatever the parser took the cue word for (a
    noun, an adjective); a cue word read as a noun may also close a parenthesis ("“…,” the memo states,
    becomes …")."""
    n = len(doc)
    j = te
    prep = None
    while j < n and j - te < 8 and not view.in_quote[j] and (
            doc[j].pos_ in _PHRASE_POS or (doc[j].pos_ == "ADP" and j > te) or _inner_hyphen(doc, j)):
        if doc[j].pos_ == "ADP" and prep is None:
            prep = j
        j += 1
    if j - te < 2 or (prep is not None and j - prep < 3):
        return None
    cue = doc[j - 1]
    if j < n and doc[j].text not in _STOP and "\n" not in doc[j].text and not (
            doc[j].text == "," and cue.pos_ == "NOUN"):
        return None  # a phrase and the cue word, ending the sentence
    head = doc[prep - 1] if prep is not None else doc[j - 2]
    said = cue.lower_ in lex.quote_cues or cue.lemma_ in lex.quote_cues
    if said and (head.pos_ in ("NOUN", "PROPN", "PRON") or (
            prep is None and head.pos_ == "ADJ" and doc[j - 3].pos_ == "DET")):
        return _Found(cue, head)
    return None


def _inner_hyphen(doc: Doc, j: int) -> bool:
    """A hyphen inside a word ("voice-over"), which the tokenizer splits off."""
    return doc[j].text == "-" and j > 0 and not doc[j - 1].whitespace_ and not doc[j].whitespace_


class Attributor:
    """spaCy component: sets ``doc._.attributions`` (quotes with speakers, paraphrases)."""

    def __init__(self, nlp: Language, name: str, lexicon_path: str | None = None,
                 paraphrases: bool = True) -> None:
        self.name = name
        self.lexicon = load_lexicon(lexicon_path)
        self.paraphrases = paraphrases
        self.verbs = verb_lemmas(nlp)

    def __call__(self, doc: Doc) -> Doc:
        quotes = doc._.quotes
        if quotes is None:
            quotes = doc._.quotes = find_quotes(doc.text)
        doc._.attributions = attribute(doc, quotes, self.lexicon, paraphrases=self.paraphrases,
                                       verbs=self.verbs)
        return doc


def verb_lemmas(nlp: Language) -> frozenset[str]:
    """The base forms of English verbs the pipeline's lemmatizer knows (its rule tables); empty when
    the pipeline has none (names then keep a capitalised verb in -ing)."""
    try:
        index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
        return frozenset(index["verb"])
    except (KeyError, AttributeError):
        return frozenset()


def attribute(doc: Doc, quotes: list[dict[str, Any]], lex: Lexicon, paraphrases: bool = True,
              verbs: frozenset[str] = frozenset()) -> list[dict[str, Any]]:
    """Attribution records for ``doc``: one per quote, in order, then the paraphrases."""
    text = doc.text
    book = NameBook.from_doc(doc, lex.titles, verbs)
    view = _DocView(doc, quotes, text)
    _note_subjects(doc, book, view)
    records: list[dict[str, Any]] = []
    inside: set[int] = set()
    for q, (ts, te) in zip(quotes, view.quote_tokens, strict=True):
        rec: dict[str, Any] = {"kind": "quote", "start": q["start"], "end": q["end"], "group": q["group"],
                               "cue": None, "speaker": None}
        label = _SPEAKER_LABEL.match(text, q["start"], q["end"])
        if label is not None:
            # a transcript line quoted whole: “SMITH: Well, …” names its speaker
            rec["cue"] = _span_dict(text, label.end(1), label.end(1) + 1)
            name = book.canonical(label.group(1).title().split()) or label.group(1)
            rec["speaker"] = {"name": name, "mention": _span_dict(text, label.start(1), label.end(1)),
                              "description": None, "basis": "label"}
        elif len(doc) and ts < len(doc):
            found = _colon_label(doc, view, ts, book.full_by_last) or \
                _dashed_owner(doc, view, ts, min(te, len(doc))) or _words_of(doc, view, ts) or \
                _own_account(doc, view, ts) or \
                _copular_owner(doc, view, lex, ts) or \
                _find_cue(doc, view, lex, ts, min(te, len(doc)), whole=not q["partial"])
            owned = _owned_noun_cue(doc, view, lex, ts, min(te, len(doc))) if found is not None else None
            if owned is not None and found.cue.lower_ != "according" and not (
                    owned.cue.left_edge.i <= found.cue.i <= owned.cue.right_edge.i) and \
                    not _acts_on(found.cue, owned.cue) and not (ts > 0 and doc[ts - 1].lower_ == "as"):
                found = owned  # "worries expressed by X go beyond Ruiz's pledge to stay “neutral”"
            content = _noun_content_owner(doc, view, lex, ts)
            if content is not None and (found is None or _yields_to_content(found, content, lex)):
                found = content  # "they fanned a row over her remark that “…”": the remark is hers
            if found is not None and q["partial"] and (
                    _inside_source(found, lex, ts, min(te, len(doc))) or (
                        looks_like_title(text[q["start"] : q["end"]]) and _in_subject_phrase(doc, lex, ts))):
                inside.add(len(records))
            elif found is not None:
                rec["cue"] = _cue_span(doc, view.text, found.cue)
                if found.subject is not None:
                    rec["speaker"] = _based(_speaker_record(doc, view, found.subject, book), "cue")
            else:
                dash = _dash_speaker(doc, min(te, len(doc)))
                bare = _bare_report(doc, view, lex, ts, min(te, len(doc))) if dash is None else None
                framed = None if dash is not None or bare is not None else \
                    _frame_cue(doc, view, ts, min(te, len(doc)), lex,
                               named=looks_like_title(text[q["start"] : q["end"]]))
                if dash is not None:
                    rec["speaker"] = _based(_speaker_record(doc, view, dash, book), "dash")
                elif bare is not None:
                    rec["cue"] = _cue_span(doc, view.text, bare.cue)
                    rec["speaker"] = _based(_speaker_record(doc, view, bare.subject, book), "cue")
                elif framed is not None:
                    c = framed.cue
                    rec["cue"] = _span_dict(view.text, c.idx, c.idx + len(c))
                    rec["speaker"] = _based(_speaker_record(doc, view, framed.subject, book), "frame")
                else:
                    owned = _owned_noun_cue(doc, view, lex, ts, min(te, len(doc)))
                    if owned is not None:
                        c = owned.cue
                        rec["cue"] = _span_dict(view.text, c.idx, c.idx + len(c))
                        rec["speaker"] = _based(_speaker_record(doc, view, owned.subject, book), "cue")
        records.append(rec)
    named = {k for k, q in enumerate(quotes) if is_quoted_name(text, q) or is_so_called(text, q)} | inside
    for k in named:
        # the name of a show or a book, or a so-called label, is nobody's words
        records[k]["speaker"] = records[k]["cue"] = None
    _propagate(records, quotes, text, named)
    for k, (rec, q, (ts, _te)) in enumerate(zip(records, quotes, view.quote_tokens, strict=True)):
        if rec["speaker"] is None and k not in named and not q["partial"] and ts < len(doc):
            found = _previous_sentence_cue(doc, view, lex, ts)
            if found is not None and lex.strength.get(found.cue.lemma_, 0.0) < STRONG and \
                    looks_like_title(text[q["start"] : q["end"]]):
                found = None  # a title after "X praised the book.": a name, not X's words
            if found is not None:
                rec["cue"] = _span_dict(view.text, found.cue.idx, found.cue.idx + len(found.cue))
                rec["speaker"] = _based(_speaker_record(doc, view, found.subject, book), "previous_sentence")
    for k, (rec, q, (ts, _te)) in enumerate(zip(records, quotes, view.quote_tokens, strict=True)):
        # (a title is a name, not a label: "named the mayor its “Person of the Year”")
        if rec["speaker"] is None and k not in named and q["partial"] and ts < len(doc) and \
                not looks_like_title(text[q["start"] : q["end"]]):
            found = _as_label_speaker(doc, view, lex, ts)
            if found is not None:
                rec["cue"] = _span_dict(view.text, found.cue.idx, found.cue.idx + len(found.cue))
                rec["speaker"] = _based(_speaker_record(doc, view, found.subject, book), "frame")
    for k, (rec, q, (ts, te)) in enumerate(zip(records, quotes, view.quote_tokens, strict=True)):
        words = text[q["start"] : q["end"]]
        if rec["speaker"] is None and k not in named and ts < len(doc) and \
                not looks_like_scare_quote(words, q["partial"]) and not looks_like_title(words):
            found = _clause_speaker(doc, view, ts, min(te, len(doc)), lex)
            if found is not None:
                rec["cue"] = _span_dict(view.text, found.cue.idx, found.cue.idx + len(found.cue))
                rec["speaker"] = _based(_speaker_record(doc, view, found.subject, book), "clause")
    _propagate(records, quotes, text, named)  # (what the sentence before gave a quote, its quotation shares)
    _title_in_report(records, quotes, text, named)
    _tie_parts(records, quotes, text, named)
    if paraphrases and len(doc):
        records.extend(_paraphrases(doc, view, lex, book))
    for rec in records:
        if rec["speaker"] is not None and "basis" not in rec["speaker"]:
            rec["speaker"] = _based(rec["speaker"], "cue")
    return records


def _as_label_speaker(doc: Doc, view: _DocView, lex: Lexicon, ts: int) -> _Found | None:
    """"Ruiz has been pounding her rival as a “career politician”", "the board waved off the request as
    “absurd”": a quoted label that a verb with a subject puts on its object through "as" is the
    subject's word for it, whatever the verb (a speech verb would have been found as a cue); the
    paraphrase side reads the same label as what the subject said of the object."""
    labelled = _labelled_object(doc, view, ts)
    if labelled is None:
        return None
    verb = labelled[0]
    subj = _paraphrase_subject(verb, view, lex)
    if subj is None or view.in_quote[subj.i] or not subj.i < verb.i:
        return None
    return _Found(verb, subj)


def _based(speaker: dict[str, Any], basis: str) -> dict[str, Any]:
    """A copy of ``speaker`` that says how it was found (the copy: a speaker passed on to the next
    quote keeps its own basis)."""
    return {**speaker, "basis": basis}


def _carried(speaker: dict[str, Any], basis: str) -> dict[str, Any]:
    """``speaker`` passed on from another quote: carried as ``basis``, unless the quote it comes from
    had it by inference already (a quotation whose first part took its speaker from the sentence
    before is all inferred)."""
    own = speaker.get("basis")
    return _based(speaker, own if own in INFERRED_BASES else basis)


# an upper-case speaker label opening a quoted transcript line: “SMITH: …”, “MR. SMITH: …”
_SPEAKER_LABEL = re.compile(r"([A-Z][A-Z.'\u2019-]*[A-Z](?: [A-Z][A-Z.'\u2019-]*[A-Z]){0,2}):\s")


def _note_subjects(doc: Doc, book: NameBook, view: _DocView) -> None:
    """Singular proper-noun subjects outside quote marks are who a later "he"/"she" most likely means,
    active or passive ("Ruiz was asked about the plan. “…,” she said").

    Of those in one sentence, the subject of the main clause (outside quote marks): a name in a
    clause below it ("Bell predicted a loss if Haddad wins. “…,” he said") is not what the
    sentence is about, and a pronoun after it means the main clause's subject.
    """
    strings = doc.vocab.strings
    arr = doc.to_array([DEP, TAG])
    main_subject = -1  # the last proper-noun subject of a main clause
    proper = np.isin(arr[:, 1], [strings["NNP"], strings["NNPS"], strings["NNS"], strings["NN"]])
    # a surname the tagger took for another word ("Jolly, who …, doesn't see …"), checked below
    misread = np.isin(arr[:, 1], [strings["JJ"], strings["RB"], strings["VB"], strings["VBD"]])
    proper |= misread
    subjects = np.isin(arr[:, 0], [strings["nsubj"], strings["nsubjpass"]])
    hung = (arr[:, 0] == strings["ROOT"]) & (arr[:, 1] == strings["NNP"])
    for k in np.flatnonzero((subjects & proper) | hung):
        tok = doc[int(k)]
        if misread[k] and not (tok.is_title and tok.text in book.full_by_last):
            continue
        if tok.dep_ == "ROOT" and not (tok.ent_type_ == "PERSON" and any(
                c.dep_ == "relcl" and c.pos_ in ("VERB", "AUX") for c in tok.children) and not any(
                c.dep_ == "conj" for c in tok.children)):
            continue  # (a name the parser made the root and hung the sentence's verb from: "Ann Ruiz,
            # who …, made …"; not a headline's name)
        # a common noun counts through the name beside it ("Her colleague, Tom Bell, nodded")
        owner = _owner_name(tok) if tok.tag_ in ("NN", "NNS") and not view.in_quote[tok.i] else None
        if owner is not None and _main_clause(tok.head):
            name = book.canonical(list(doc[name_start(doc, owner.i) : owner.i + 1]))
            if name:
                book.owners.append((owner.idx, tok.sent.end_char, name))
        person = _appositive_name(tok) if tok.tag_ == "NN" else tok
        if person is None and tok.is_title and tok.text in book.full_by_last:
            person = tok  # a surname of the document the tagger read as a common noun ("Trump blamed …")
        if person is None and tok.tag_ == "NN" and book.roles and _main_clause(tok.head) and \
                not view.in_quote[tok.i]:
            role = definite_role(tok)
            holder = book.resolve_role(role, tok.idx) if role else None
            if holder:  # "the businessman has insisted …": the one person named with that role
                book.note_person(tok.idx, holder)
            continue
        if person is None or (tok.tag_ in ("NNS", "NNPS") and not _plural_tagged_name(tok, book)):
            continue  # "Democrats said", "voters said": a group, not someone a "he" points back to
        if view.in_quote[tok.i] or (tok.dep_ == "nsubjpass" and not _main_clause(tok.head)):
            continue  # ("Ruiz was asked about it" is about her; "if Ruiz is elected, he …" is not)
        if tok.dep_ == "nsubj" and tok.head.pos_ in ("ADJ", "NOUN") and tok.head.dep_ in ("ccomp", "xcomp"):
            continue  # a small clause's subject is what a verb acts on: "to make Clinton more relatable"
        if _main_clause(tok.head):
            main_subject = tok.i
        elif main_subject >= view.sent_start[tok.i]:
            continue  # a name below the main clause's subject in its sentence
        name = book.canonical(list(doc[name_start(doc, person.i) : person.i + 1]))
        if name:
            book.note_person(person.idx, name)
    lower = doc.to_array([LOWER]).reshape(-1)
    pronoun_subjects = (arr[:, 0] == strings["nsubj"]) & np.isin(lower, [strings["he"], strings["she"]])
    for k in np.flatnonzero(pronoun_subjects):
        tok = doc[int(k)]
        book.vote_gender(tok.lower_, tok.idx)
    book.settle_genders()


def _inside_source(found: _Found, lex: Lexicon, ts: int, te: int) -> bool:
    """The quote's words lie in the phrase of its cue's source, with no speech verb of their own
    between: "the “X” star said", "Ruiz, who starred in “X,” said" name a work, they quote nobody."""
    subj = found.subject
    if subj is None:
        return False
    lo, hi = subj.left_edge.i, subj.right_edge.i
    words = [t.i for t in found.cue.doc[ts:te] if not t.is_punct] or [ts]
    if not (lo <= words[0] and words[-1] <= hi) or lo <= found.cue.i <= hi:
        return False
    doc = found.cue.doc
    if found.cue.lower_ == "according" and any(doc[k].text == "," for k in range(subj.i + 1, ts)):
        return False  # "According to Bell, the plan reeks of “fear”": the parser ran the name into the clause
    tok = doc[words[0]]
    while tok.i != subj.i and tok.head.i != tok.i:
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX") and lex.strength.get(tok.lemma_, 0.0) >= WEAK:
            return False  # "Ruiz, who called it “X,” said": the quote has a cue of its own
    return True


def _in_subject_phrase(doc: Doc, lex: Lexicon, ts: int) -> bool:
    """The quote's words lie in the subject phrase of a clause no speech verb reports ("the “Avatar”
    star posted a message", "Ruiz, star of “Night Train,” is not sure"): a title there names a work
    or a group; in what someone is said to have said ("he said the “Remain” camp had failed") it
    stays a quote."""
    if ts + 1 >= len(doc):
        return False  # (a mark glued inside the last token: no word after it)
    tok = doc[ts + 1]
    while tok.head.i != tok.i:
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.pos_ in ("NOUN", "PROPN"):
            return not any(a.pos_ in ("VERB", "AUX") and a.lemma_ in lex.cues for a in tok.head.ancestors)
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            return False  # in a clause of its own, not in a noun phrase
    return False


def _appositive_name(noun: Token) -> Token | None:
    """The name set beside a common-noun subject ("Her colleague, Dev Patel, nodded"): the person
    the sentence is about."""
    return next((c for c in noun.rights if c.dep_ == "appos" and c.tag_ == "NNP"), None)


def _owner_name(noun: Token) -> Token | None:
    """"Ruiz's remarks", "Ann Ruiz's advice": the name that owns a common noun."""
    return next((c for c in noun.children if c.dep_ == "poss" and c.tag_ == "NNP"), None)


def _plural_tagged_name(tok: Token, book: NameBook) -> bool:
    """A surname ending in -s that the tagger took for a plural noun ("Sanders", "Ailes"): the
    NER calls it a person here, or it is the last word of a full name the document calls a person."""
    if not tok.is_title:
        return False
    if tok.ent_type_ == "PERSON":
        return True
    name = book.canonical([tok])
    return name is not None and name != tok.text and name in book.persons


def _main_clause(verb: Token) -> bool:
    """A sentence's root, or a verb joined to it by "and"."""
    return verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")


def _propagate(records: list[dict[str, Any]], quotes: list[dict[str, Any]], text: str,
               named: set[int] | None = None) -> None:
    """Quotes with no cue of their own take the speaker of the quotation they belong to.

    In order: the other parts of the same group; the quote before it in the same
    paragraph (“X,” he said. “Y.”); for a paragraph that opens with a quote, the last quote
    of the paragraph before when nothing but quotes lie between (news style for one
    speaker over several paragraphs); the quote right after it in the same paragraph.
    Quoted names (``named``: on NBC's “Meet the Press”) neither give nor take a speaker:
    the comma after a show's name does not make it part of the next quotation.
    """
    named = named or set()
    last_in_group: dict[int, dict[str, Any]] = {}
    pending: list[dict[str, Any]] = []
    for k, rec in enumerate(records):  # the nearest part before, else the first part after
        if k in named:
            continue
        if rec["speaker"] is not None:
            last_in_group[rec["group"]] = rec
            for p in pending:
                if p["group"] == rec["group"] and p["speaker"] is None:
                    p["speaker"], p["cue"] = _carried(rec["speaker"], "quotation"), rec["cue"]
            pending = [p for p in pending if p["speaker"] is None]
        elif rec["group"] in last_in_group:
            src = last_in_group[rec["group"]]
            rec["speaker"], rec["cue"] = _carried(src["speaker"], "quotation"), src["cue"]
        else:
            pending.append(rec)
    para_of = [text.rfind("\n", 0, q["open"]) + 1 for q in quotes]
    for k in range(1, len(records)):
        rec, q = records[k], quotes[k]
        j = k - 1
        while j > 0 and j in named and para_of[j - 1] == para_of[k]:
            j -= 1  # (a show's name between: “…,” Ruiz told “Face the Voters.” “…”)
        prev = records[j]
        if k in named or rec["speaker"] is not None or prev["speaker"] is None or (
                q["partial"] and not (para_of[k] == para_of[j] and _closing_clause(text, q, k in named))):
            continue
        same_paragraph = para_of[k] == para_of[j]
        if same_paragraph or (q["open"] == para_of[k] and _adjacent(text, quotes[j], q, prev)):
            rec["speaker"], rec["cue"] = _carried(prev["speaker"], "previous_quote"), prev["cue"]
    for k in range(len(records) - 2, -1, -1):
        rec, q = records[k], quotes[k]
        nxt = records[k + 1]
        if k in named or rec["speaker"] is not None or q["partial"] or nxt["speaker"] is None:
            continue
        if para_of[k] == para_of[k + 1] and _adjacent(text, q, quotes[k + 1]):
            rec["speaker"], rec["cue"] = _carried(nxt["speaker"], "next_quote"), nxt["cue"]


def _tie_parts(records: list[dict[str, Any]], quotes: list[dict[str, Any]], text: str,
               named: set[int]) -> None:
    """Neighbouring quotes in a paragraph with one cue are one quotation; a new speaker starts one.

    The marks alone do not tie "“…,” said Ann Ruiz, the chief strategist of the campaign four
    years ago. “…”" (a long description between) or two quoted phrases one verb reports
    ("called it “…” and “…”"); the shared cue does. A colon after a cue ties the marks too, but
    a part whose speaker differs from the part before it is someone else's quotation.
    """
    fresh = max((r["group"] for r in records), default=0) + 1
    for k in range(1, len(records)):
        rec, prev = records[k], records[k - 1]
        if rec["group"] == prev["group"] and rec["speaker"] and prev["speaker"] and \
                rec["speaker"].get("basis") == "frame" and prev["speaker"].get("basis") == "cue":
            # “X,” he tweeted. “Y!” Bell broke down …: read without a speech verb, the words after
            # the part say less than the cue of the quotation it continues
            rec["speaker"], rec["cue"] = _carried(prev["speaker"], "quotation"), prev["cue"]
            continue
        if rec["group"] == prev["group"] and rec["speaker"] and prev["speaker"] and \
                rec["speaker"]["name"] != prev["speaker"]["name"]:
            _regroup(records[k:], rec["group"], fresh)
            fresh += 1
            continue
        if k in named or k - 1 in named or rec["cue"] is None or rec["cue"] != prev["cue"] or \
                rec["group"] == prev["group"] or "\n" in text[quotes[k - 1]["end"] : quotes[k]["start"]]:
            continue
        _regroup(records[k:], rec["group"], prev["group"])


def _regroup(records: list[dict[str, Any]], old: int, new: int) -> None:
    """Move the parts of group ``old`` among ``records`` to group ``new``."""
    for rec in records:
        if rec["group"] == old:
            rec["group"] = new


def _title_in_report(records: list[dict[str, Any]], quotes: list[dict[str, Any]], text: str,
                     named: set[int]) -> None:
    """"“…,” Ruiz said on CBS's “Face the Voters.” “…”": a quoted name between two quotes of one
    speaker in a paragraph lies inside that speaker's report (news annotation counts it among the quoted
    words); it takes the speaker last, so it never passes one on."""
    for k in sorted(named):
        if k == 0 or k + 1 >= len(records) or {k - 1, k + 1} & named:
            continue
        prev, nxt = records[k - 1], records[k + 1]
        if prev["speaker"] is None or nxt["speaker"] is None or \
                prev["speaker"]["name"] != nxt["speaker"]["name"] or \
                "\n" in text[quotes[k - 1]["end"] : quotes[k + 1]["start"]]:
            continue
        records[k]["speaker"], records[k]["cue"] = _carried(prev["speaker"], "quotation"), prev["cue"]


def _closing_clause(text: str, q: dict[str, Any], named: bool) -> bool:
    """A quoted clause that ends its sentence ("…, but only when “the truth is sexier than the lie.”"):
    the words of whoever spoke last in the paragraph, not a term held at arm's length."""
    words = text[q["start"] : q["end"]]
    end = q["close"] + 1 if q["close"] is not None else q["end"]
    ends = words.rstrip().endswith((".", "?", "!")) or text[end : end + 1] in (".", "?", "!")
    return ends and not named and not looks_like_scare_quote(words, True) and not looks_like_title(words)


def _adjacent(text: str, a: dict[str, Any], b: dict[str, Any], a_rec: dict[str, Any] | None = None) -> bool:
    """Only white space, or the attribution of ``a`` ("he said."), lies between quotes ``a`` and ``b``."""
    end_a = a["close"] + 1 if a["close"] is not None else a["end"]
    between = text[end_a : b["open"]]
    if between.count("\n") > 2:
        return False
    if all(c.isspace() or c in ".," for c in between):  # (a no-break space before a line break too)
        return True
    if a_rec is None or len(between) > _MAX_TAIL:
        return False
    # the tail of a's sentence holds a's own cue and speaker
    spans = [a_rec.get("cue"), (a_rec.get("speaker") or {}).get("mention")]
    return any(s is not None and end_a <= s["start"] < b["open"] for s in spans) and \
        between.rstrip().endswith((".", ":"))


@Language.factory("claimcheck_attribution", default_config={"lexicon_path": None, "paraphrases": True})
def make_attribution(nlp: Language, name: str, lexicon_path: str | None = None,
                     paraphrases: bool = True) -> Attributor:
    return Attributor(nlp, name, lexicon_path=lexicon_path, paraphrases=paraphrases)


__all__ = ["Attributor", "Lexicon", "attribute", "load_lexicon", "make_attribution", "verb_lemmas"]
