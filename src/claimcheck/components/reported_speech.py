"""Reported speech: ``paraphrase`` records whose span is what a source is reported to say.

* a cue verb with a source and a complement clause ("X said (that) …", "X believes …",
  "according to X, …"); the span is the reported content, with what the verb says of its
  object ("described the delay as …") and without a trailing relative clause (", which …")
  or participle (", pointing to …"). Only verbs that are cues in a good share of their uses
  report through an object ("denounced the deal", "declined to comment"); content mostly
  inside quote marks is left to the quote, and content that opens a quotation runs to its
  closing mark (a parse cut at a sentence end inside the marks) and over a clause the parse
  hung on the cue right after it ("said X “…,” and that Y"); content stays in the cue's
  paragraph;
* a reporting noun with an owner and a complement reports too ("the mayor's claim that …",
  "her criticism of the budget"); "As X reported, …" sources its main clause; a speech
  verb closing its sentence reports its host clause (", she said.", ", as Ruiz noted"), so
  does one set off by commas, and a one-word answer ("said yes");
* a strong cue verb with a clause and no source in view ("it was announced that …")
  reports with no speaker; one the parse left without a subject takes the noun phrase just
  before it (also a name hung on a preposition: "In an interview with the Post, Ruiz has not
  said …"); a pronoun reporting inside a report is named after the reporter;
* whose view: a verb joined to a reported clause that repeats the reporter's pronoun is the
  reporter's ("He said he would … but did not suggest …"); a cue completing a causative reports
  for its object ("led Ruiz to declare"), one completing an adjective for the copula's subject
  ("voters are more likely to say"); a participle whose climb ends across a line break takes
  the nearest subject on its line;
* a participle with no subject reports for the nearest clause up from it that is not itself
  reported ("argued the law would …, saying" is the arguer's), for the noun it is predicated of
  ("ended with Ruiz saying", "left voters wondering"), or for the clause subject past a scene
  noun ("spent much of the hearing defending"); a verb joined inside a reported clause that
  cannot share its verb's tense, auxiliary or subject is the main clause's ("said the plan had
  failed and urged …"); an aside "X, a top aide said, …" and a name before a participle aside
  are the speaker; a reporting noun's own owner comes before the subject of the verb over it;
* shapes derived from train counts (``frames``, ``noun_frames``, ``weak_routes`` in
  ``models/cues.json``): a verb or noun reports through the shapes that often carry an
  attribution in annotated news ("backs tougher rules", "plans to …", "was rejected by …",
  "is expected to …" with no source, "voiced support for …", "made the case that …"; the
  active subject of "favors …", "wants to …" holds the view); shapes a cue verb seldom
  reports through, or whose matches other records make anyway, are skipped; a line opened
  by a name and a colon ("Ruiz: Taxes will rise.") reports the rest, so does a headline line whose
  label opens with a name and says more of it ("Ruiz camp: …", "Kim at the forum: …"), and each turn of a
  transcript of "Q:" and "A:" lines (by nobody named), a poll cited with "in"
  its clause ("In a new poll, …"), and so does an adverb of hearsay ("reportedly");
* a passive cue with "as" reports what its subject is held to be ("the toll was seen by many as a
  tax"); a that-clause the parse hung on the noun after the verb is the verb's ("said at the
  hearing that …"); a clause of time or reason the parse took for a complement ("… after she
  read it") is not what was said; the object before a reported infinitive is reported with it
  ("urged the board to repave the road"); the "at" phrase of a blow ("took aim at", "took a swipe at",
  "fired back at", "scoffed at") is what the speaker criticised ("has a shot at" is a chance), the "with"
  phrase of "took issue with" what they dispute, the "to"
  phrase of "drew attention to", "paid tribute to" what they speak of; a clause
  before a dash or semicolon the parse hung on a cue with its own complement is not what it reports;
  a cue tagged as a noun with a subject and a complement is a verb ("Ruiz Blasts Council"); examples
  after a comma ("…, including …", "…, especially …") the parse hung on the verb belong to its object,
  and so does a second object the parse joined to the verb ("questioned her record and her readiness");
  an "if" clause after a verb of asking is the question, not a condition ("asked Ruiz if she would run");
  a person named by the stance they hold reports its object ("a critic of the deal", "an advocate for"),
  and so does an adjective of stance for its holder (``stances``: "has been critical of the deal");
  what follows a colon right after a reported object spells it out ("mocked a familiar target: …");
  a name the parse hung as an appositive on an opening phrase of time or place is the subject of a
  finite verb left without one ("On June 4, Ruiz, who had stayed neutral, endorsed …"); making a
  clause clear, plain or known, or making the case that it holds, is saying it ("made clear that …");
  a speech verb the parse gave a one-word complement in a headline's capitals reports the rest of its line.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Any

import numpy as np
from spacy.attrs import LEMMA, LOWER
from spacy.strings import hash_string
from spacy.tokens import Doc, Token

from claimcheck.components import stances
from claimcheck.components.lexicon import STRONG, WEAK, Lexicon
from claimcheck.components.names import NameBook
from claimcheck.components.sources import (
    _DASHES,
    _STOP,
    SUBJECTS,
    _antecedent,
    _by_agent,
    _can_speak,
    _cue_span,
    _DocView,
    _mention,
    _name,
    _nearby_subject,
    _newline_between,
    _span_dict,
    _speaker_record,
    _subject,
    _trimmed,
)

_MIN_OBJECT = 2  # tokens: a one-word object ("praised Kim", "found food") is a target, not a claim
_ABOUT_PREPS = {"about", "for", "to", "of", "on", "against"}
_LABEL_REACH = 4  # steps from a quoted word up to the "as" of its label ("as a “very big” win")
_QUOTED_CONTENT = 0.9  # reported content quoted beyond this share is the quote's own claim


def _scan(doc: Doc, lemmas: np.ndarray, lex: Lexicon, key: str) -> list[Token]:
    """Tokens whose lemma is in the lexicon's list ``key``."""
    hashes = (lex.word_hashes or {}).get(key)
    if hashes is None or not len(hashes):
        return []
    return [doc[int(i)] for i in np.flatnonzero(np.isin(lemmas, hashes))]


def _paraphrases(doc: Doc, view: _DocView, lex: Lexicon, book: NameBook) -> list[dict[str, Any]]:
    """Reported speech: a cue with a source and a complement clause; span = the content."""
    lemmas = doc.to_array([LEMMA]).reshape(-1).astype(np.uint64)
    hits = np.flatnonzero(np.isin(lemmas, lex.cue_hashes) & ~view.in_quote[: len(doc)])
    out: list[dict[str, Any]] = []
    done: set[int] = set()  # cue tokens that reported something
    for i in hits:
        tok = doc[int(i)]
        if tok.pos_ not in ("VERB", "AUX") and tok.lower_ != "according" and not _verb_in_use(tok):
            continue  # "the state of Ohio": the noun that shares a cue verb's lemma reports nothing
        route: list[str] = []
        polled = _poll_subject(tok, lex)
        content = _content(doc, tok, polled or lex.share.get(tok.lemma_, 0.0) >= _TOPIC_SHARE, route,
                           lex.strength.get(tok.lemma_, 0.0))
        if content is None or content[1] - content[0] < _MIN_HEADLINE:
            content = _headline_rest(doc, tok, lex, route) or content
        weak = bool(route) and f"{tok.lemma_.lower()} {route[0]}" in lex.weak_routes
        if content is None or (weak and not polled):
            continue  # "continued to struggle": a shape the verb seldom reports through in annotated news
        if route[:1] == ["ccomp"]:
            content = (content[0], _next_report_cut(tok, *_run_on_clauses(tok, *content), lex))
        cs, ce = _same_paragraph(doc, tok, *content, view.text)
        # content already inside a quote is the quote's
        if ce <= cs or view.in_quote[cs:ce].mean() > _QUOTED_CONTENT:
            continue
        subj = _paraphrase_subject(tok, view, lex)
        if subj is None:
            if (lex.share.get(tok.lemma_, 0.0) < _UNNAMED_SHARE or not _reports_clause(tok, cs)) and \
                    not _agentless_passive(tok, route):
                continue
        elif (subj.i in range(cs, ce) and tok.i not in range(cs, ce)) or view.in_quote[_antecedent(subj).i]:
            continue  # a source inside quote marks is a quoted word (the many “defectors” who …)
        elif lex.strength.get(tok.lemma_, 0.0) < WEAK and (
            subj.pos_ in ("VERB", "AUX")
            or (route[:1] != ["ccomp"] and not _can_speak(_antecedent(subj), lex))
        ):
            # "an annual session to discuss …", "Complicating matters, …": no source; a complement
            # clause is reported by any noun subject ("the line at the door showed that …")
            continue
        agent = _stray_agent(tok, cs, ce, lex)
        if agent is not None:
            ce = agent.head.i
        while cs < ce and doc[cs].dep_ == "mark" and doc[cs].lower_ == "that":
            cs += 1
        if cs >= ce:
            continue
        chars = _content_chars(doc, view, cs, ce)
        if chars is None:
            continue
        a, b = chars
        if subj is None:
            subj = agent if agent is not None else _unparsed_source(doc, view, lex, tok, cs, ce)
        out.append({"kind": "paraphrase", "start": a, "end": b, "group": None,
                    "cue": _cue_span(doc, view.text, tok),
                    "speaker": _source_record(doc, view, subj, book) if subj is not None else None})
        done.add(tok.i)
    if lex.noun_cues:
        out.extend(_nominal_paraphrases(doc, view, lex, book, lemmas))
    if lex.noun_frames:
        nouns = {r["cue"]["start"] for r in out}
        out.extend(_noun_frame_paraphrases(doc, view, lex, book, nouns, lemmas))
    if lex.frames:
        out.extend(_frame_paraphrases(doc, view, lex, book, done, lemmas))
    spans = {(r["start"], r["end"]) for r in out}
    out.extend(r for r in _passive_as_paraphrases(doc, view, lex, book, hits, done)
               if (r["start"], r["end"]) not in spans)  # "is expected to …" is a derived frame's already
    out.extend(_blow_paraphrases(doc, view, lex, book, lemmas, done))
    out.extend(_stance_holder_paraphrases(doc, view, book, lemmas))
    out.extend(stances.stance_paraphrases(doc, view, lex, book, lemmas, out))  # "was wary of …"
    out.extend(_label_paraphrases(doc, view, book))
    out.extend(_made_plain_paraphrases(doc, view, lex, book, lemmas, done))
    out.extend(_out_against_paraphrases(doc, view, lex, book, lemmas, done))
    cued = {r["cue"]["start"] for r in out if r["cue"]}
    out.extend(r for r in _quoted_label_paraphrases(doc, view, lex, book, done)
               if r["cue"]["start"] not in cued)  # a derived "as" frame may have read the label already
    out.extend(_hearsay_paraphrases(doc, view))
    if lex.in_sources:
        out.extend(_in_source_paraphrases(doc, view, lex, book, lemmas))
    return _distinct([r for r in out if not _only_a_time(doc, r["start"], r["end"])])


def _distinct(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One claim per content and source: "said in a statement that …" is read through the verb and
    through the noun; the first reading (the verb's, with its subject) stands, and a second with
    no source or the same source says nothing new."""
    names: dict[tuple[int, int], set[str | None]] = {}  # the sources already kept for each content
    out: list[dict[str, Any]] = []
    for r in records:
        name = (r["speaker"] or {}).get("name")
        kept = names.setdefault((r["start"], r["end"]), set())
        if kept and (name is None or name in kept):
            continue
        kept.add(name)
        out.append(r)
    return out


_TIMES = {"DATE", "TIME"}


def _only_a_time(doc: Doc, a: int, b: int) -> bool:
    """"held rates steady on Wednesday", "over the years": a content that is nothing but a time says
    when something happened, never what was said."""
    span = doc.char_span(a, b, alignment_mode="expand")
    words = [t for t in span if not (t.is_punct or t.is_space)] if span is not None else []
    return bool(words) and all(t.ent_type_ in _TIMES for t in words)


def _time_tail_cut(doc: Doc, cue: Token, a: int, b: int) -> int:
    """"endorsed Trump in early June": a phrase of time closing what the cue acts on, hung from the
    cue, says when it was said or done, not what."""
    while b - a > 2:
        prep = next((c for c in cue.rights if c.dep_ in ("prep", "npadvmod") and c.right_edge.i == b - 1
                     and c.left_edge.i > a), None)
        if prep is None:
            break
        words = [t for t in doc[prep.left_edge.i:b] if t.pos_ not in ("ADP", "DET", "PUNCT")]
        if not words or any(t.ent_type_ not in _TIMES for t in words):
            break
        b = prep.left_edge.i
    return b


def _verb_in_use(tok: Token) -> bool:
    """"Republican assails elites", "Ruiz Claims He Won": a cue the tagger took for a noun or an
    adjective (a headline's capitals, a plural-looking verb) that heads its sentence or has a subject
    before it, and has a complement after it, is used as a verb."""
    if tok.pos_ not in ("NOUN", "PROPN", "ADJ"):
        return False
    subject = tok.dep_ == "ROOT" or any(c.dep_ == "nsubj" and c.i < tok.i for c in tok.children)
    return subject and any(c.dep_ in ("dobj", "ccomp", "xcomp") and c.i > tok.i for c in tok.children)


_TITLE_SHARE = 0.8  # a line whose longer words are capitalized beyond this share is a headline
_MIN_HEADLINE = 2  # tokens: a one-word complement found in a headline's capitals is a misparse
_HEADLINE_OPENERS = {"ADP", "PART", "SCONJ", "PUNCT", "SPACE"}


def _headline_rest(doc: Doc, cue: Token, lex: Lexicon, route: list[str]) -> tuple[int, int] | None:
    """"Ruiz Says Levy Will Pass In Fall", "Kim Asks Voters To Stay Home": in a headline's capitals the
    parse seldom finds the complement; a speech verb with a subject before it reports the rest of its line,
    up to a dash ("… – It Might Surprise You"), unless a preposition or a particle opens it ("Ruiz Speaks
    About Taxes" is what it is about)."""
    if not cue.text[:1].isupper() or cue.pos_ != "VERB" or lex.share.get(cue.lemma_, 0.0) < _UNNAMED_SHARE \
            or not any(c.dep_ in _SUBJECT_DEPS for c in cue.lefts):
        return None
    a, b = cue.i, cue.i + 1
    while a > 0 and "\n" not in doc[a - 1].text and doc[a - 1].text not in _STOP:
        a -= 1
    while b < len(doc) and "\n" not in doc[b].text and doc[b].text not in _STOP:
        b += 1
    words = [t for t in doc[a:b] if t.is_alpha and len(t) > 3]
    b = next((t.i for t in doc[cue.i + 1 : b] if t.text in _BREAKS), b)  # "… – It Might Surprise You"
    if len(words) < 4 or sum(t.text[0].isupper() for t in words) < _TITLE_SHARE * len(words):
        return None
    while b > cue.i + 1 and (doc[b - 1].is_punct or doc[b - 1].is_space):
        b -= 1
    if b - cue.i < 3 or doc[cue.i + 1].pos_ in _HEADLINE_OPENERS:
        return None
    route[:] = ["headline"]
    return (cue.i + 1, b)


def _poll_subject(cue: Token, lex: Lexicon) -> bool:
    """"A new poll finds voters split", "the survey puts her lead at six points": a poll or survey (the
    nouns that source a clause with "in", ``in_sources``) reports what the verb's object says of it, through
    shapes the verb seldom reports through with other subjects."""
    return bool(lex.in_sources) and any(
        c.dep_ == "nsubj" and c.lemma_.lower() in lex.in_sources for c in cue.children)


def _passive_as_paraphrases(doc: Doc, view: _DocView, lex: Lexicon, book: NameBook, hits: np.ndarray,
                            done: set[int]) -> list[dict[str, Any]]:
    """"The change was seen by some as a demotion", "the mill was once thought to be a gold mine": a
    passive cue verb with an "as" phrase or a complement reports what its subject is held to be; the
    content runs from the subject through that phrase, and the "by" agent, if any, is the source."""
    out: list[dict[str, Any]] = []
    for i in hits:
        tok = doc[int(i)]
        if tok.i in done or tok.pos_ != "VERB" or tok.tag_ != "VBN":
            continue
        span = _passive_as_span(tok)
        if span is None:
            continue
        span = _reportable(doc, view, tok, *span)
        if span is None:
            continue
        cs, ce = span
        agent = _by_agent(tok)
        speaker = None
        if agent is not None and not view.in_quote[agent.i] and _can_speak(_antecedent(agent), lex):
            speaker = _source_record(doc, view, agent, book)
        stray = _stray_agent(tok, cs, ce, lex)
        if stray is not None:
            ce = stray.head.i
            speaker = speaker or _source_record(doc, view, stray, book)
        rec = _content_record(doc, view, tok, cs, ce, speaker)
        if rec is not None:
            out.append(rec)
    return out


_HELD_AS = {"xcomp", "oprd"}  # "was thought to be …", "was projected the winner"


def _passive_as_span(verb: Token) -> tuple[int, int] | None:
    """Token range from a passive verb's subject through its "as" phrase, or None; a participle after
    a noun ("a state seen as critical") holds that noun to be something just as a passive verb does."""
    subj = next((c for c in verb.lefts if c.dep_ == "nsubjpass"), None)
    prep = next((c for c in verb.rights if (c.dep_ == "prep" and c.lower_ == "as" and any(
        o.dep_ in ("pobj", "pcomp", "amod", "acomp") for o in c.children)) or c.dep_ in _HELD_AS), None)
    if subj is None and verb.dep_ == "acl" and verb.head.i < verb.i and verb.head.pos_ in ("NOUN", "PROPN") \
            and prep is not None and prep.dep_ == "prep":
        subj = verb.head  # "a state seen as critical", "Ruiz, long viewed as a rival,"
        if prep.i > verb.i + 6 or _newline_between(subj, verb):
            return None
        return (subj.left_edge.i, prep.right_edge.i + 1)
    if subj is None or prep is None or _newline_between(subj, verb) or prep.i > verb.i + 6:
        return None
    return (subj.left_edge.i, prep.right_edge.i + 1)


def _source_record(doc: Doc, view: _DocView, head: Token, book: NameBook) -> dict[str, Any]:
    """:func:`_speaker_record` for a paraphrase; a mention never reaches back over a line break
    (a time stamp the parse hung on the name: "9:30 p.m. / Ann Ruiz says …")."""
    rec = _speaker_record(doc, view, head, book)
    outer = _reporter(head, view) if head.lower_ in _AGREEING else None
    if outer is not None:
        # "the campaign said it hired …": the pronoun in a reported clause is the reporter
        o_start, o_end, _ = _mention(doc, outer, view)
        rec["name"] = _name(doc, outer, o_start, o_end, book, view) or rec["name"]
    mention = rec.get("mention")
    if mention and "\n" in mention["text"]:
        cut = mention["start"] + mention["text"].rfind("\n") + 1
        a, b = _trimmed(view.text, cut, mention["end"], name=True)
        if b > a:
            rec["mention"] = _span_dict(view.text, a, b)
    return rec


_UNNAMED_SHARE = 0.5  # a verb reporting in this share of its uses reports a clause with no source in view


def _agentless_passive(cue: Token, route: list[str]) -> bool:
    """"Ruiz was asked about the budget", "the plan was criticized for its cost": a passive cue with no
    agent reports what its phrase is about, by nobody named; so does a verb of asking its question ("was
    asked if she would run", "was asked a question about taxes")."""
    asked = cue.lemma_.lower() in _ASKING and route[:1] in (["ccomp"], ["dobj"])
    return (route[:1] == ["prep"] or asked) and any(c.dep_ == "auxpass" for c in cue.lefts) and \
        not any(c.dep_ == "agent" for c in cue.rights)


def _reports_clause(cue: Token, cs: int) -> bool:
    """The content is a complement clause after the verb ("it was announced that …")."""
    return cue.lower_ != "according" and any(c.dep_ == "ccomp" and c.i > cue.i for c in cue.children) \
        and cs > cue.i


def _paraphrase_subject(cue: Token, view: _DocView, lex: Lexicon) -> Token | None:
    """Who holds the view a cue reports: first the shapes where that is not the subject the parse gives
    (a causative's object, the noun a participle is predicated of, a main clause past a reported one,
    an aside), then :func:`_subject` with a participle's own climb, corrected for a dateline, a time or
    an opening participle the parse made the subject; else the verb's own subject nearest before it on
    its line: a time stamp the parse made a second subject ("9:30 p.m. / Ruiz says …") does not hide
    the speaker."""
    controller = _object_controller(cue, view) or _participle_holder(cue, view) or \
        _setting_subject(cue, view, lex) or _outer_conjunct_subject(cue, view, lex) or \
        _infinitive_user(cue, view, lex) or _aside_speaker(cue, view) or _subordinated_subject(cue, view) or \
        _opening_appositive(cue, view) or _postposed_subject(cue, view)
    if controller is not None:
        return controller
    subj = _participle_clause_subject(cue, view, lex) or _subject(cue, view, lex.cues) or \
        _auxiliary_subject(cue, view)
    if subj is not None:
        return _outer_pronoun(cue, subj, view, lex) or _past_time(subj) or \
            _past_opening_participle(subj, cue) or _past_dateline(subj)
    held = _adjective_subject(cue, view)
    if held is not None:
        return held
    near = [c for c in cue.lefts
            if c.dep_ in SUBJECTS and not view.in_quote[c.i] and not _newline_between(c, cue)]
    if near:
        return near[-1]
    if cue.tag_ == "VBG":
        # "Democrats are drawing plans …, saying …" under a headline the parse made its main clause:
        # the nearest clause up from the participle with a subject on its line
        tok = cue
        for _ in range(3):
            if tok.head.i == tok.i or tok.dep_ not in ("advcl", "conj", "xcomp", "ccomp"):
                break
            tok = tok.head
            up = next((c for c in tok.lefts if c.dep_ in SUBJECTS), None)
            if up is not None:
                if view.in_quote[up.i] or _newline_between(up, cue):
                    break
                return up
    if cue.dep_ != "ROOT" or not any(c.dep_ == "ccomp" and c.i > cue.i for c in cue.children):
        return None
    # "Ann Ruiz, a Fresno teacher active in the union, said …" that the parse took for a clause:
    # the subject that opens the sentence
    i = int(view.sent_start[cue.i])
    while i < cue.i and (view.doc[i].is_punct or view.doc[i].is_space):
        i += 1
    for tok in view.doc[i : cue.i]:
        if tok.dep_ in SUBJECTS and tok.left_edge.i == i and tok.pos_ in ("PROPN", "PRON", "NOUN") \
                and not view.in_quote[tok.i] and not _newline_between(tok, cue):
            return tok
    return None


_SUBORDINATORS = {"after", "before", "since", "until", "as", "while", "because", "when", "once"}


def _subordinated_subject(cue: Token, view: _DocView) -> Token | None:
    """"… after Chairman Ann Ruiz earlier in the day touted …": a finite verb with no subject, after a
    conjunction the parse read as a preposition with the verb's subject for its object."""
    if cue.tag_ not in _FINITE or cue.dep_ != "advcl" or any(c.dep_ in SUBJECTS for c in cue.children):
        return None
    conj = next((c for c in reversed(list(cue.head.children)) if c.dep_ == "prep" and c.i < cue.i), None)
    if conj is None or conj.lower_ not in _SUBORDINATORS:
        return None
    obj = next((o for o in conj.children if o.dep_ == "pobj"), None)
    if obj is None or obj.pos_ not in ("PROPN", "NOUN", "PRON") or view.in_quote[obj.i] or \
            any(t.pos_ in ("VERB", "AUX") for t in view.doc[obj.i + 1 : cue.i]):
        return None
    return obj


_NAMED = {"PERSON", "ORG", "NORP", "GPE"}


def _opening_appositive(cue: Token, view: _DocView) -> Token | None:
    """"On June 4, Ruiz, who had stayed neutral, endorsed …", "In Fresno, Ruiz said …": a finite verb
    with no subject whose opening phrase of time or place the parse gave the name as an appositive; the
    last name so hung, set off by a comma, is the verb's subject."""
    if cue.tag_ not in _FINITE or any(c.dep_ in SUBJECTS for c in cue.children):
        return None
    best = None
    for left in cue.lefts:
        if left.dep_ not in ("prep", "npadvmod", "advcl", "advmod"):
            continue
        for tok in left.subtree:
            end = tok.right_edge.i  # the closing comma, hung on the name or after it
            if tok.dep_ == "appos" and tok.pos_ == "PROPN" and tok.ent_type_ in _NAMED \
                    and end < cue.i and "," in (view.doc[end].text, view.doc[end + 1].text) \
                    and not view.in_quote[tok.i] and not _newline_between(tok, cue):
                best = tok
    return best


def _auxiliary_subject(cue: Token, view: _DocView) -> Token | None:
    """"Trump wasn't so much saying that …": a subject the parse hung on the verb's auxiliary."""
    for aux in cue.lefts:
        if aux.dep_ in ("aux", "auxpass"):
            subj = next((c for c in aux.children if c.dep_ in SUBJECTS and c.i < aux.i), None)
            if subj is not None and not view.in_quote[subj.i] and not _newline_between(subj, cue):
                return subj
    return None


def _past_time(subj: Token) -> Token | None:
    """"released her records in July, which showed …": a relative pronoun the parse tied to a time
    stands for the noun the time phrase follows."""
    clause = subj.head
    if subj.lower_ not in ("which", "that") or clause.dep_ != "relcl" or \
            clause.head.ent_type_ not in ("DATE", "TIME"):
        return None
    when = clause.head
    if when.dep_ != "pobj" or when.head.dep_ != "prep":
        return None
    owner = when.head.head
    if owner.pos_ in ("NOUN", "PROPN") and owner.i < when.i:
        return owner
    # "released her records in July": the time phrase hangs on the verb; its object is meant
    return next((c for c in owner.children if c.dep_ == "dobj" and c.i < when.i), None) \
        if owner.pos_ == "VERB" else None


def _past_opening_participle(subj: Token, cue: Token) -> Token | None:
    """"Making her way around the diner, Ruiz thanked …": a sentence-opening participle the parse made
    the subject, with the real one after its comma hung inside it; the noun after the comma speaks."""
    if subj.dep_ != "csubj" or subj.tag_ != "VBG" or subj.left_edge.i != subj.i:
        return None
    doc = subj.doc
    comma = next((t.i for t in doc[subj.i : cue.i] if t.text == ","), None)
    if comma is None or comma + 1 >= cue.i:
        return None
    tok = doc[comma + 1]
    while tok.dep_ in ("compound", "flat", "amod", "det") and subj.i < tok.head.i < cue.i:
        tok = tok.head
    return tok if tok.pos_ in ("PROPN", "NOUN", "PRON") else None


def _past_dateline(subj: Token) -> Token:
    """"CLEVELAND, July 19 (UPI) — Ann Ruiz told …": the parse made the dateline's place the subject
    and hung the speaker on it after the dash; the name after the dash speaks."""
    if subj.pos_ != "PROPN":
        return subj
    dash = next((c for c in subj.rights if c.text in _DASHES and c.dep_ == "punct"), None)
    if dash is None:
        return subj
    return next((c for c in subj.rights if c.dep_ == "appos" and c.i > dash.i and c.pos_ == "PROPN"), subj)


# verbs that bring their object to do something ("led Ruiz to say"); "asked Kim to …" is the asker's
_CAUSING = {"lead", "prompt", "cause", "drive", "spur", "push", "force", "inspire", "provoke", "move",
            "leave", "send"}


_QUANTIFIERS = {"many", "some", "most", "few", "several", "others", "all", "both"}  # "left many to wonder"


def _object_controller(cue: Token, view: _DocView) -> Token | None:
    """"The win led Ruiz to declare …", "That prompted Kim to call …": a cue completing a verb
    with an object before it reports for that object, not for the verb's subject."""
    tok = cue
    while tok.dep_ == "conj" and tok.head.i != tok.i and tok.head.pos_ in ("VERB", "AUX"):
        tok = tok.head  # "prompted Kim to make a joke and call …"
    if tok.dep_ != "xcomp" or tok.head.i == tok.i or tok.head.i > tok.i or tok.head.lemma_ not in _CAUSING:
        return None
    obj = next((c for c in tok.head.children if c.dep_ == "dobj" and tok.head.i < c.i < tok.i), None)
    if obj is None or view.in_quote[obj.i] or (obj.pos_ not in ("PROPN", "PRON", "NOUN") and
                                               obj.lower_ not in _QUANTIFIERS):
        return None
    return obj


# "with Ruiz saying …", "despite critics warning …", "asked about Ruiz calling …": the noun before the
# participle is its subject
_ABSOLUTE = {"with", "without", "despite", "about", "of"}
# "left voters wondering …", "found most saying …": the verb's object holds the participle's view
_LEAVING = {"leave", "have", "keep", "find", "send", "set", "get"}


def _participle_holder(cue: Token, view: _DocView) -> Token | None:
    """The noun a subjectless participle is predicated of, not the clause it hangs on: the object of
    "with" in an absolute phrase, or the object of a verb that leaves it in a state ("left 60% saying")."""
    if cue.tag_ != "VBG" or any(c.dep_ in SUBJECTS for c in cue.children) or cue.head.i == cue.i:
        return None
    head = cue.head
    if cue.dep_ == "pcomp" and head.lower_ in _ABSOLUTE:
        # "with about three in 10 saying": the parse hung the noun on the participle
        noun = next((c for c in cue.lefts if c.pos_ in ("NOUN", "PROPN", "PRON", "NUM")), None)
    elif cue.dep_ in ("advcl", "ccomp", "xcomp", "dep"):
        objs = [c for c in head.children if c.i < cue.i and (
            (c.dep_ == "dobj" and head.lemma_ in _LEAVING)
            or (c.dep_ == "prep" and c.lower_ in _ABSOLUTE and c.i > head.i))]
        last = objs[-1] if objs else None
        noun = last if last is None or last.dep_ == "dobj" else next(
            (o for o in last.children if o.dep_ == "pobj"), None)
        if noun is not None and noun.right_edge.i != cue.i - 1:
            noun = None  # "responded with vitriol, promoting …": after a comma, the clause subject holds it
    else:
        return None
    if noun is None or view.in_quote[noun.i] or _newline_between(noun, cue):
        return None
    return noun


_PARTICIPLE_CLIMB = {"advcl", "conj", "xcomp", "pcomp", "prep", "pobj"}
# past a reported or relative clause to the one it is in, or an adjective to its copula ("able to …")
_CLAUSE_CLIMB = {"ccomp", "acl", "relcl", "dobj", "acomp"}
_CLIMB_SUBJECTS = SUBJECTS | {"nsubjpass"}


def _participle_clause_subject(cue: Token, view: _DocView, lex: Lexicon) -> Token | None:
    """A subjectless participle reports for the nearest clause up from it with a subject, unless that
    clause is itself reported ("Ruiz argued the plan would fail, saying …": Ruiz, not the plan), also
    when its verb is a cue ("after Ruiz entered the race, calling …", "Ruiz walked in, saying …")."""
    if cue.tag_ != "VBG" or cue.lower_ == "according" or cue.dep_ not in _PARTICIPLE_CLIMB or \
            any(c.dep_ in SUBJECTS for c in cue.children):
        return None
    tok = cue
    for _ in range(6):
        if tok.dep_ not in _PARTICIPLE_CLIMB | _CLAUSE_CLIMB or tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.pos_ not in ("VERB", "AUX", "ADJ"):
            continue  # (an adjective with a subject is a clause too: "Ruiz, who was quick …")
        # (the subject of a passive too: "Ruiz was booed by the crowd after telling …", "Ruiz was
        # criticized for claiming …": Ruiz told, Ruiz claimed)
        subj = next((c for c in reversed(list(tok.lefts)) if c.dep_ in _CLIMB_SUBJECTS), None) or \
            next((c for c in tok.rights if c.dep_ in SUBJECTS), None)  # "…, Ruiz added, saying …"
        if subj is None and any(c.dep_ == "expl" for c in tok.lefts):
            subj = next((c for c in tok.rights if c.dep_ == "attr"), None)  # "there were emails showing …"
        if subj is None and tok.dep_ == "acl":
            return None  # "voters with … speaking and talking …": the noun the first participle is on
        if subj is None or (_reported_clause(tok, subj, view, lex)
                            and lex.strength.get(tok.lemma_, 0.0) < STRONG):
            continue  # (a speech verb reports itself: "… that “…,” Ruiz added, saying …")
        if view.in_quote[subj.i] or _newline_between(subj, cue):
            return None
        return subj
    return None


# prepositions that set a scene, not a party: "at one point", "in much of the hour", "over the data"
_SETTING_PREPS = {"in", "at", "on", "of", "over", "during", "throughout"}


def _setting_subject(cue: Token, view: _DocView, lex: Lexicon) -> Token | None:
    """"spent much of the debate defending …", "at one point calling …": a participle on a common noun
    under a preposition that sets the scene reports for the subject of the clause; a noun that can be a
    source ("in a statement saying …", "groups backing …") reports itself."""
    noun = cue.head
    if cue.tag_ != "VBG" or cue.dep_ != "acl" or noun.i >= cue.i or noun.pos_ != "NOUN" or \
            noun.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or noun.lemma_.lower() in lex.source_nouns:
        return None
    if noun.dep_ == "pobj" and noun.head.lower_ not in _SETTING_PREPS:
        return None
    tok, hops = noun, 0
    while tok.dep_ in ("pobj", "prep") and tok.head.i != tok.i and hops < 6:
        tok, hops = tok.head, hops + 1
        if tok.dep_ == "dobj" and hops > 1:
            tok = tok.head  # "spent much of the hour praising …"
    if tok is noun or tok.pos_ not in ("VERB", "AUX"):
        return None
    subj = next((c for c in reversed(list(tok.lefts)) if c.dep_ in SUBJECTS), None)
    if subj is None or view.in_quote[subj.i] or _newline_between(subj, cue):
        return None
    return subj


_FINITE = {"VBD", "VBZ", "VBP"}
_EMBEDDED = {"ccomp", "acl", "xcomp"}


def _outer_conjunct_subject(cue: Token, view: _DocView, lex: Lexicon) -> Token | None:
    """"Ruiz said the plan had failed and urged …", "Kim forecast that prices would fall and praised …":
    a verb with no subject the parse joined to a verb inside a reported clause belongs to the main
    clause when it cannot share that verb's tense (its own tense against an auxiliary or another tense),
    or is a speech verb: the main clause's subject holds it."""
    if cue.dep_ != "conj" or any(c.dep_ in SUBJECTS for c in cue.children):
        return None
    first = cue
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    if first.dep_ not in _EMBEDDED or first.head.i > first.i or first.pos_ not in ("VERB", "AUX") or \
            not any(c.dep_ in SUBJECTS for c in first.children):
        return None
    own = {c.lemma_ for c in cue.children if c.dep_ == "aux" and c.lower_ != "to"}
    if own:
        # its own auxiliary against another (or none): "… the party must be …, and has championed …"
        apart = own != {c.lemma_ for c in first.children if c.dep_ == "aux"}
    elif cue.tag_ not in _FINITE | {"VB"}:
        return None
    elif cue.tag_ == "VB":
        # a bare verb shares a modal ("would fall and rise") but not a tense ("has joined … and admit")
        apart = first.tag_ in ("VBN", "VBG", "VBD", "VBZ")
    else:
        apart = first.tag_ != cue.tag_ or any(c.dep_ in ("aux", "auxpass") for c in first.children) or \
            lex.strength.get(cue.lemma_, 0.0) >= STRONG
    if not (apart or _names_as_object(cue, first)):
        return None
    main = first
    for _ in range(8):
        if main.head.i == main.i or (main is not first and main.pos_ in ("VERB", "AUX")
                                     and main.dep_ not in _EMBEDDED and main.dep_ != "conj"):
            break
        main = main.head
    if main.pos_ not in ("VERB", "AUX"):
        return None
    subj = next((c for c in reversed(list(main.lefts)) if c.dep_ in SUBJECTS), None)
    if subj is None or view.in_quote[subj.i] or _newline_between(subj, cue):
        return None
    return subj


def _run_on_clauses(cue: Token, cs: int, ce: int) -> tuple[int, int]:
    """"said their father “could be harsh,” and that Tom had struggled", "said she is ready to “fight
    the cartel,” secure the border …": the parse often hangs the rest of the reported clause on the
    cue (a closing mark after a comma does it most); a clause there right after the content, with
    only punctuation or "and" between (a "that" conjunct, a second complement), is still content."""
    doc = cue.doc
    for clause in cue.rights:
        marked = any(c.dep_ == "mark" for c in clause.children)
        if clause.i < ce or clause.pos_ not in ("VERB", "AUX") or not (
                clause.dep_ == "ccomp" or (clause.dep_ == "conj" and marked)):
            continue
        start = clause.left_edge.i
        while start < clause.i and doc[start].is_punct:
            start += 1  # the closing mark may hang on the clause after it
        gap = doc[ce:start]
        if all(t.is_punct or t.dep_ == "cc" for t in gap):
            ce = clause.right_edge.i + 1
    return cs, ce


def _next_report_cut(cue: Token, cs: int, ce: int, lex: Lexicon) -> int:
    """"Ruiz conceded the plan had failed but added that …", "… said taxes would rise and vowed to …":
    a speech verb with no subject that the parse joined to the verb of the reported clause is the
    speaker's next report, with content of its own; the first report ends before its conjunction."""
    clause = next((c for c in cue.rights if c.dep_ == "ccomp" and cs <= c.i < ce), None)
    if clause is None:
        return ce
    doc = cue.doc
    for conj in clause.rights:
        if conj.dep_ != "conj" or conj.i >= ce or lex.strength.get(conj.lemma_, 0.0) < STRONG or \
                any(c.dep_ in SUBJECTS for c in conj.children):
            continue
        end = conj.left_edge.i
        while end > cs and (doc[end - 1].dep_ == "cc" or doc[end - 1].is_punct):
            end -= 1
        return end if end > cs else ce
    return ce


def _infinitive_user(cue: Token, view: _DocView, lex: Lexicon) -> Token | None:
    """"has nothing but praise to offer", "went out of his way to say …", "used the bill to portray …":
    an infinitive on a thing that cannot speak, object of a verb, reports for that verb's subject, or
    for the one the verb gives the thing to ("gave Kim new reason to oppose …")."""
    if cue.tag_ != "VB" or cue.dep_ not in ("relcl", "acl") or cue.head.i > cue.i or \
            not any(c.dep_ == "aux" and c.lower_ == "to" for c in cue.children) or \
            any(c.dep_ in SUBJECTS for c in cue.children):
        return None
    noun = cue.head
    if noun.dep_ not in ("dobj", "pobj") or noun.pos_ != "NOUN" or _can_speak(noun, lex):
        return None
    tok = noun.head if noun.dep_ == "dobj" else noun.head.head  # "in a bid to …": up past the preposition
    if noun.dep_ == "pobj" and tok.dep_ == "prep" and noun.head.dep_ == "prep":
        tok = tok.head  # "went out of his way to …"
    if tok.pos_ not in ("VERB", "AUX") or (noun.dep_ == "pobj" and noun.head.dep_ != "prep"):
        return None
    # "gave Beck new impetus to oppose …": the one given it
    given = next((c for c in tok.children if c.dep_ == "dative" and c.pos_ in ("PROPN", "PRON", "NOUN")),
                 None)
    subj = given or next((c for c in reversed(list(tok.lefts)) if c.dep_ in SUBJECTS), None)
    if subj is None or view.in_quote[subj.i] or _newline_between(subj, cue):
        return None
    return subj


def _aside_speaker(cue: Token, view: _DocView) -> Token | None:
    """"Clinton, a top aide said, “is …”": a speech verb set off by commas right after a noun phrase
    with no comma of its own, which the parse made an apposition of the verb's subject, is an aside:
    that noun phrase is its speaker ("Ruiz, a top aide, said …" keeps Ruiz)."""
    subj = next((c for c in cue.lefts if c.dep_ in SUBJECTS), None)
    if subj is None or cue.i + 1 >= len(view.doc) or view.doc[cue.i + 1].text != ",":
        return None
    tok = view.doc[cue.i - 1]
    while tok.dep_ in ("compound", "amod", "det", "poss", "nummod") and tok.head.i > tok.i:
        tok = tok.head
    if tok.dep_ != "appos" or tok.head.i != subj.i or tok.right_edge.i != cue.i - 1 or \
            view.doc[tok.left_edge.i - 1].text != "," or view.in_quote[tok.i]:
        return None
    return tok


_OBJECT_PRONOUNS = {"him": "person", "her": "person", "them": "group"}


def _names_as_object(verb: Token, clause: Token) -> bool:
    """"Khan said Trump was ignorant and criticized him": a verb whose object pronoun can stand for the
    clause's subject does not have that subject (it would say "himself")."""
    subj = next((c for c in clause.children if c.dep_ in SUBJECTS), None)
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.lower_ in _OBJECT_PRONOUNS), None)
    if subj is None or obj is None:
        return False
    kind = _OBJECT_PRONOUNS[obj.lower_]
    return _fits(kind, subj) if subj.pos_ != "PRON" else _AGREEING.get(subj.lower_) == kind


def _reported_clause(verb: Token, subj: Token, view: _DocView, lex: Lexicon) -> bool:
    """The verb heads (or is joined to) a clause that is another's content or describes a thing: the
    complement of a verb or noun ("said the plan would …", "the idea that he would …"), a relative
    clause on a thing ("a moment that could …"; not "in which he …", "Ruiz, who …")."""
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    if verb.dep_ == "relcl":
        return subj.lower_ in ("that", "which") and not _can_speak(_antecedent(subj), lex)
    if verb.dep_ == "acl" or any(c.dep_ == "mark" and c.lower_ in ("that", "whether")
                                 for c in verb.children):
        return True
    if verb.tag_ == "VBG" and not any(c.dep_ == "aux" for c in verb.children):
        return False  # a scene, not a report: "remember Carter going on TV, declaring …"
    return verb.dep_ == "ccomp" and verb.head.i < verb.i and verb.head.is_alpha and \
        not view.in_quote[verb.head.i]


def _adjective_subject(cue: Token, view: _DocView) -> Token | None:
    """"Voters are more likely to say …", "Ruiz is convinced that …", "aides were quick to point out …":
    the subject of the copula whose adjective the cue completes."""
    tok, seen = cue, False
    for _ in range(3):
        if tok.dep_ not in ("xcomp", "acomp") or tok.head.i == tok.i:
            break
        seen = seen or tok.dep_ == "acomp"
        tok = tok.head
    if not seen:
        return None
    return _nominal_subject(tok, cue, view)


def _nominal_subject(verb: Token, cue: Token, view: _DocView) -> Token | None:
    """The noun or pronoun subject before ``verb``, outside quote marks and on the cue's line."""
    subj = next((c for c in verb.lefts if c.dep_ == "nsubj"), None)
    if subj is None or view.in_quote[subj.i] or _newline_between(subj, cue) or \
            subj.pos_ not in ("PROPN", "PRON", "NOUN"):
        return None
    return subj


def _outer_pronoun(cue: Token, subj: Token, view: _DocView, lex: Lexicon) -> Token | None:
    """"He said that he would … but did not suggest …": a verb joined to a reported clause,
    with no subject of its own, whose clause subject repeats the reporter's pronoun, is the
    reporter's: the outer pronoun is its source."""
    if subj.pos_ != "PRON" or any(c.dep_ in SUBJECTS for c in cue.children):
        return None
    tok = cue
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    if tok is cue or subj.head.i != tok.i or tok.dep_ != "ccomp" or tok.head.lemma_ not in lex.cues:
        return None
    outer = next((c for c in tok.head.children if c.dep_ == "nsubj" and c.i < tok.i), None)
    if outer is None or outer.lower_ != subj.lower_ or view.in_quote[outer.i] or _newline_between(outer, cue):
        return None
    return outer


_NOUN_PREPS = {"of", "for", "on", "about", "against", "to"}


def _nominal_paraphrases(doc: Doc, view: _DocView, lex: Lexicon, book: NameBook,
                         lemmas: np.ndarray | None = None) -> list[dict[str, Any]]:
    """"Smith's claim that …", "her attack on the plan": a reporting noun, its owner, its complement.
    A that-clause on the noun reports with no owner too ("backed away from a suggestion that …"):
    the clause is what the noun says, whoever said it."""
    out: list[dict[str, Any]] = []
    if lemmas is None:
        lemmas = doc.to_array([LEMMA]).reshape(-1).astype(np.uint64)
    for tok in _scan(doc, lemmas, lex, "noun_cues"):
        if tok.pos_ != "NOUN" or view.in_quote[tok.i] or tok.lemma_.lower() not in lex.noun_cues:
            continue
        owner = next((c for c in tok.children if c.dep_ == "poss" and not view.in_quote[c.i]), None)
        if owner is None and not _unowned_reports(tok):
            continue
        span = None
        for child in tok.rights:
            if child.dep_ == "prep" and child.lower_ in _NOUN_PREPS and owner is not None:
                obj = next((o for o in child.children if o.dep_ in ("pobj", "pcomp")), None)
                if obj is not None:
                    span = (obj.left_edge.i, obj.right_edge.i + 1)
            elif child.dep_ in ("acl", "ccomp", "relcl") and any(
                    m.dep_ == "mark" and m.lower_ == "that" for m in child.children):
                span = (child.left_edge.i, child.right_edge.i + 1)
            if span is not None:
                break
        if span is None:
            continue
        cs, ce = span
        if view.in_quote[cs:ce].mean() > _QUOTED_CONTENT:
            continue
        while cs < ce and doc[cs].dep_ == "mark" and doc[cs].lower_ == "that":
            cs += 1
        if cs >= ce:
            continue
        a, b = _trimmed(view.text, doc[cs].idx, doc[ce - 1].idx + len(doc[ce - 1]))
        if b <= a:
            continue
        out.append({"kind": "paraphrase", "start": a, "end": b, "group": None,
                    "cue": _span_dict(view.text, tok.idx, tok.idx + len(tok)),
                    "speaker": _speaker_record(doc, view, _owner_subject(owner, tok, view) or owner, book)
                    if owner is not None else None})
    return out


def _unowned_reports(noun: Token) -> bool:
    """A reporting noun with no owner reports its that-clause where a clause governs it ("backed away
    from a suggestion that …", "rejected the notion that …"); as the subject of its clause, or heading
    a fragment, ("The claim that … angered residents") it names a topic and reports nothing."""
    return noun.dep_ not in ("nsubj", "nsubjpass", "csubj", "ROOT")


_POSSESSIVE = {"his": "he", "her": "she", "its": "it", "their": "they", "our": "we"}


def _owner_subject(owner: Token, noun: Token, view: _DocView) -> Token | None:
    """"Republicans were unsparing in their criticism of …", "she stepped up her attacks on …": a
    possessive pronoun owning a reporting noun stands for the subject of the clause the noun is in,
    when that subject can be what the pronoun stands for; the subject names the source."""
    pron = _POSSESSIVE.get(owner.lower_)
    if pron is None:
        return None
    tok = noun
    for _ in range(4):
        if tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i or tok.dep_ not in ("dobj", "pobj", "prep",
                                                                                  "acomp"):
            break
        tok = tok.head
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    subj = next((c for c in reversed(list(tok.lefts)) if c.dep_ == "nsubj"), None)
    if subj is None or view.in_quote[subj.i] or _newline_between(subj, noun):
        return None
    if subj.pos_ == "PRON":
        return subj if subj.lower_ == pron else None
    if pron not in _AGREEING or not _fits(_AGREEING[pron], subj):
        return None
    # another name in between the pronoun could stand for ("Ruiz faulted Kim's plans, in particular his …")
    between = view.doc[subj.right_edge.i + 1 : owner.i]
    rival = any(t.pos_ == "PROPN" and (t.dep_ == "poss" or _fits(_AGREEING[pron], t)) for t in between)
    return None if rival else subj


# one-word answers a speech verb reports ("said yes", "would not say so", "said that")
_SHORT_REPORTS = {"yes", "no", "so", "thanks", "goodbye", "sorry", "otherwise", "nothing", "that", "this",
                  "it"}
_TOPIC_SHARE = 0.3  # a verb reporting what it is about, not a clause, must be a cue in this share of its uses


def _content(doc: Doc, cue: Token, topical: bool = True, route: list[str] | None = None,
             strength: float = 1.0) -> tuple[int, int] | None:
    """Token range of what the cue reports: its complement clause, or the main clause of "according to".

    Only a verb that is a cue in most of its uses (``topical``: "denounced the deal",
    "urged them to …") reports through an object or an infinitive; for the others
    ("find", "look", "discuss") an object is just what the verb acts on. ``route`` gets the
    shape the content was read from (ccomp, xcomp, dobj, prep, parataxis).
    """
    if cue.lower_ == "according":
        head = cue.head
        sent = cue.sent
        if head.i == cue.i:
            return _rooted_according(doc, cue)
        # the sentence the "according to X" phrase sources, on the longer side of the phrase
        lo, hi = sent.start, sent.end
        a, b = cue.left_edge.i, cue.right_edge.i + 1
        lo = _open_parenthesis(doc, lo, a)  # "Iowa (93 percent were white, according to exit polls)"
        lo, b = _same_paragraph(doc, cue, lo, b)  # "…, according to the F.A.A. / Most owners …"
        hi = max(_same_paragraph(doc, cue, cue.i, hi)[1], b)
        if a - lo >= hi - b:
            return (lo, a)
        return (b, hi)
    by_dep: dict[str, Token] = {}
    for child in cue.children:
        if child.i < cue.i and _newline_between(child, cue):
            continue
        known = by_dep.get(child.dep_)
        if known is None or known.i < cue.i < child.i:  # the complement after the verb wins
            by_dep[child.dep_] = child
    # what was said: a clause ("said (that) …", "…, she noted"), else what the verb is about:
    # an infinitive ("urged them to …"), an object ("denounced the deal"), "talked about …"
    if "ccomp" not in by_dep:
        question = _if_question(cue)
        if question is not None:
            by_dep["ccomp"] = question
    told = _told_tail(doc, cue, by_dep)
    if told is not None:
        if route is not None:
            route.append("tail")
        return told
    for dep in ("ccomp", "xcomp", "dobj"):
        child = by_dep.get(dep)
        if child is None or (dep != "ccomp" and (child.i < cue.i or not topical)):
            continue
        if dep == "ccomp" and _adverbial_mark(child):
            continue  # "walked back his comments after he said them": a time or reason, not what was said
        if dep == "ccomp" and _split_off(cue, child):
            continue
        if dep != "ccomp" and _aside_cue(doc, cue, child):
            break  # "…, he said, on condition of anonymity to speak freely": the host clause is the report
        a, b = child.left_edge.i, child.right_edge.i + 1
        if dep == "ccomp" and a < cue.i < child.i:
            a = cue.i + 1  # "which she said was unfair": the relative word is fronted over the cue
        if dep == "ccomp" and "dobj" in by_dep:
            a = _misread_object_start(by_dep["dobj"], child, a)
        if dep == "dobj":
            b = _predicate_end(cue, child, b)
        if dep == "xcomp":
            a = _controlled_object_start(cue, child, a)
        b = _inverted_condition_end(cue, _own_predicate_cut(cue, child, b))
        if dep == "ccomp" and child.i > cue.i:
            b = _joined_report(cue, child, b)
        short = strength >= STRONG and child.lower_ in _SHORT_REPORTS
        if dep == "dobj" and b - a < _MIN_OBJECT and not short:
            continue  # "praised Kim": a target, not something reported
        if route is not None:
            route.append(dep)
        b = _colon_end(cue, b)
        if dep != "ccomp":
            b = _time_tail_cut(doc, cue, a, b)
        return (a, _nonrestrictive_cut(doc, a, _instances_end(cue, b)))
    stranded = _stranded_that_clause(cue) if "ccomp" not in by_dep else None
    if stranded is not None:
        if route is not None:
            route.append("ccomp")
        return stranded
    target = _attack_target(cue)
    if target is not None:
        if route is not None:
            route.append("at")
        return target
    word = next((c for c in cue.rights if c.dep_ in ("intj", "advmod", "dobj") and c.lower_ in _SHORT_REPORTS
                 and c.i <= cue.i + 2), None)
    if word is not None and strength >= STRONG:
        # "75 percent said yes", "neither side would say so"
        if route is not None:
            route.append("word")
        return (word.i, word.i + 1)
    prep = _about_prep(cue) if topical else None
    if prep is not None:
        for obj in prep.children:
            if obj.dep_ in ("pobj", "pcomp"):
                if route is not None:
                    route.append("prep")
                return (obj.left_edge.i, _as_predicate_end(cue, obj.right_edge.i + 1))
    if cue.dep_ == "advcl" and cue.head.i > cue.i and any(
            c.dep_ == "mark" and c.lower_ == "as" for c in cue.children):
        # "As The Times reported, the firm …": the clause the aside sources
        head = cue.head
        a, b = cue.left_edge.i, cue.right_edge.i + 1
        if route is not None:
            route.append("as")
        return (b, head.right_edge.i + 1)
    tail = _tail_report(doc, cue, strength)
    if tail is not None:
        if route is not None:
            route.append("tail")
        return tail
    if cue.dep_ == "parataxis":
        # "Otherwise, she said, countries may …": the clause around the parenthetical; when the aside
        # splits a clause ("This plan, she said, is doomed") the content spans both sides of it
        head = cue.head
        a, b = cue.left_edge.i, cue.right_edge.i + 1
        lo, hi = head.left_edge.i, head.right_edge.i + 1
        if route is not None:
            route.append("parataxis")
        if lo < a < b < hi and doc[a].text == "," and doc[b - 1].text == "," and head.i >= b and \
                any(c.dep_ in _SUBJECT_DEPS and c.i < a for c in head.children):
            return (lo, hi)  # the aside stands between the clause's subject and its verb
        if lo < a < b < hi and doc[a].text == "," and doc[b - 1].text == "," and head.i < a:
            return (lo, hi)  # "Nor does she have plans, aides say, to …": the aside after the verb
        if lo == a and head.i >= b and _fronted_onto_aside(doc, cue):
            return (lo, hi)
        return (lo, a) if a - lo >= hi - b else (b, hi)
    return None


def _rooted_according(doc: Doc, cue: Token) -> tuple[int, int] | None:
    """"According to a study by …, voters who are Hispanic skew younger.": the parser made "According"
    the root and hung the sentence on it; what the phrase sources runs from the comma after its
    source to the sentence end."""
    to = next((c for c in cue.children if c.lower_ == "to"), None)
    obj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    if obj is None:
        return None
    comma = obj.right_edge.i + 1
    if comma >= len(doc) or doc[comma].text != ",":
        return None
    end = cue.sent.end
    while end > comma + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return (comma + 1, end) if end - comma > 3 else None


def _open_parenthesis(doc: Doc, lo: int, a: int) -> int:
    """The start of what an aside sources: right after a parenthesis still open before it."""
    for k in range(a - 1, lo - 1, -1):
        if doc[k].text == ")":
            return lo
        if doc[k].text == "(":
            return k + 1
    return lo


_INVERTING_AUX = {"should", "had", "were"}


def _misread_object_start(obj: Token, clause: Token, a: int) -> int:
    """"warned the walkout would cost …": the parser may take the clause's subject for the verb's
    object and leave the clause without one; the object right before a subjectless clause is its
    subject, and the content starts there."""
    if obj.i > clause.i or any(c.dep_ in _SUBJECT_DEPS for c in clause.children):
        return a
    k = obj.right_edge.i + 1
    # ("showed the party with the highest turnout won …": the parser hung the subject's phrase on the verb)
    for prep in obj.head.rights:
        if prep.dep_ == "prep" and prep.left_edge.i == k and prep.right_edge.i < a:
            k = prep.right_edge.i + 1
    return obj.left_edge.i if k == a else a


def _inverted_condition_end(cue: Token, b: int) -> int:
    """"promised to act should she win", "said he would serve had he been asked": a condition with its
    auxiliary before its subject right after the content, which the parse hung on the cue, is part of
    what is reported."""
    doc = cue.doc
    if b >= len(doc) or doc[b].lower_ not in _INVERTING_AUX or doc[b].dep_ not in ("aux", "auxpass"):
        return b
    verb = doc[b].head  # the parse hangs it on the cue, or the cue on it
    if not (verb.head.i == cue.i or cue.head.i == verb.i) or \
            any(c.i < b and c.i != cue.i for c in verb.lefts) or \
            not any(c.dep_ in SUBJECTS or c.dep_ == "nsubjpass" for c in verb.children if c.i > b):
        return b
    end = verb.right_edge.i + 1
    while end > b and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1  # (the cue's head closes the sentence)
    return end


def _own_predicate_cut(cue: Token, clause: Token, b: int) -> int:
    """"vowed to repave the road and thanked the crew", "was posting that it was a mistake and asking …": a
    verb the parse joined to the reported clause's head with no subject of its own, in a form that cannot
    share that head's (a finite verb after an infinitive, a participle like the cue's after a clause), is a
    second predicate of the cue's subject; the content ends before it."""
    if clause.dep_ == "xcomp" and clause.tag_ == "VB":
        forms = {"VBD", "VBZ"}  # (a base verb the parse may tag VBP)
    elif cue.tag_ == "VBG" and clause.tag_ != "VBG":
        forms = {"VBG"}
    else:
        return b
    for conj in clause.rights:
        if conj.dep_ == "conj" and conj.i < b and conj.tag_ in forms and \
                not any(c.dep_ in SUBJECTS or c.dep_ in ("expl", "mark") for c in conj.children):
            k = conj.left_edge.i
            while k > clause.i + 1 and (cue.doc[k - 1].dep_ == "cc" or cue.doc[k - 1].is_punct):
                k -= 1
            return min(b, k)
    return b


def _controlled_object_start(cue: Token, clause: Token, a: int) -> int:
    """"asked the court to intervene", "urged voters to stay home": the object right before the
    infinitive is who is to do it, part of what is reported."""
    obj = next((c for c in cue.rights if c.dep_ in ("dobj", "dative") and c.right_edge.i + 1 == a), None)
    return obj.left_edge.i if obj is not None and obj.i > cue.i else a


# "took aim at", "took a swipe at": nouns of a blow that make the "at" phrase what is criticised
_BLOWS = ("aim", "shot", "swipe", "swing", "jab", "dig", "potshot", "whack", "stab", "broadside")
# "drew attention to", "paid tribute to": nouns whose "to" phrase is what the subject speaks of
_POINTERS = ("attention", "tribute")
# "took issue with", "took exception to": nouns with no determiner whose phrase is what the subject disputes
_QUARRELS = ("issue", "exception")
_BLOW_HASHES = np.array(sorted(hash_string(w) for w in _BLOWS + _POINTERS + _QUARRELS), dtype=np.uint64)
_CHANCES = {"have", "get", "stand", "give", "deserve"}  # "has a shot at the nomination": a chance, no blow
# "scoffed at", "fired back at", "lashed out at": verbs whose "at" phrase is what they criticise
_BLOW_VERBS = {"scoff", "snipe", "sneer", "jab", "swipe", "lash", "fire", "hit", "strike"}


def _attack_target(cue: Token, blow: Token | None = None) -> tuple[int, int] | None:
    """"Ruiz took aim at the tax plan", "Kim fired back at his critics": the "at" phrase of a verb of
    striking, or of a verb whose object is a blow, is what the speaker criticised; the "with" phrase of
    "took issue with" what the speaker disputes."""
    if blow is None and cue.lemma_.lower() not in _BLOW_VERBS:
        return None
    kind = blow.lemma_.lower() if blow is not None else ""
    words = ("to",) if kind in _POINTERS else ("with", "to") if kind in _QUARRELS else ("at",)
    if kind in _QUARRELS and (blow.lower_ != kind or any(c.dep_ == "det" for c in blow.children)):
        return None  # "raised the issue with reporters", "carved out exceptions for": no dispute
    for holder in (cue, blow):
        for prep in holder.rights if holder is not None else ():
            if prep.dep_ == "prep" and prep.lower_ in words and prep.i <= cue.i + 8:
                obj = next((o for o in prep.children if o.dep_ in ("pobj", "pcomp")), None)
                if obj is not None:
                    return (obj.left_edge.i, obj.right_edge.i + 1)
    return None


def _blow_paraphrases(doc: Doc, view: _DocView, lex: Lexicon, book: NameBook, lemmas: np.ndarray,
                      done: set[int]) -> list[dict[str, Any]]:
    """"Ruiz took a swipe at the mayor's plan": a verb whose object is a blow reports what its "at"
    phrase names as the target of its subject's criticism, whatever the verb ("took", "landed"); one
    whose object is attention or tribute ("drew attention to the delays") what its "to" phrase names."""
    out: list[dict[str, Any]] = []
    for i in np.flatnonzero(np.isin(lemmas, _BLOW_HASHES)):
        blow = doc[int(i)]
        verb = blow.head
        if blow.dep_ != "dobj" or verb.pos_ != "VERB" or verb.lemma_.lower() in _CHANCES or verb.i in done \
                or view.in_quote[verb.i]:
            continue
        span = _attack_target(verb, blow)
        subj = _speaking_subject(verb, view, lex) if span is not None else None
        if span is None or subj is None:
            continue
        span = _reportable(doc, view, verb, *span)
        if span is None:
            continue
        cs, ce = span
        rec = _content_record(doc, view, verb, cs, ce, _source_record(doc, view, subj, book))
        if rec is not None:
            out.append(rec)
            done.add(verb.i)
    return out


_BREAKS = {"-", "--", "\u2014", "\u2013", ";"}


def _split_off(cue: Token, clause: Token) -> bool:
    """"She drew his ire - he called her weak": a clause before the cue with a dash or semicolon
    between them is a sentence of its own that the parse hung on the cue, not what it reports, when the
    cue has a complement of its own after it."""
    return clause.i < cue.i and any(t.text in _BREAKS for t in cue.doc[clause.right_edge.i + 1 : cue.i]) \
        and any(c.dep_ in ("dobj", "xcomp", "ccomp", "prep", "dative") for c in cue.rights)


_INSTANCES = {"including", "especially", "particularly", "notably"}


def _instances_end(cue: Token, b: int) -> int:
    """"unveiled a list of mayors, including Ann Ruiz": examples after a comma belong to what is reported,
    also when the parse hung them on the verb rather than on its object."""
    doc = cue.doc
    if b + 1 >= len(doc) or doc[b].text != "," or doc[b + 1].text.lower() not in _INSTANCES:
        return b
    word = doc[b + 1]
    if word.head.i > word.i and word.head.left_edge.i == word.i:
        word = word.head  # "especially on taxes": the adverb on the phrase it opens
    if not (word.head.i == cue.i or cue.left_edge.i <= word.head.i < b) or word.right_edge.i <= b + 1:
        return b
    return word.right_edge.i + 1


_ASKING = {"ask", "wonder", "inquire", "question", "query"}


def _if_question(cue: Token) -> Token | None:
    """"asked Ruiz if she would run": after a verb of asking, a clause opened by "if" or "whether" that
    the parse took for a condition is the question asked."""
    if cue.lemma_.lower() not in _ASKING:
        return None
    return next((c for c in cue.rights if c.dep_ == "advcl" and any(
        m.dep_ == "mark" and m.text.lower() in ("if", "whether") and m.i == c.left_edge.i
        for m in c.children)), None)


# nouns for a person by the stance they hold: "a supporter of the plan", "a critic of Ruiz"
_HOLDERS = ("supporter", "proponent", "opponent", "critic", "advocate", "backer", "defender")
_HOLDER_HASHES = np.array(sorted(hash_string(w) for w in _HOLDERS), dtype=np.uint64)  # lemmas
_HOLDER_PREPS = {"of", "for"}


def _stance_holder_paraphrases(doc: Doc, view: _DocView, book: NameBook,
                               lemmas: np.ndarray) -> list[dict[str, Any]]:
    """"Ruiz, a critic of the deal, …", "a longtime advocate for rail": a noun naming a person by the stance
    they hold reports what its "of"/"for" phrase names, and the noun is its source. (A plural, "supporters
    of the levy", mostly names a crowd the writer counts, not a view anyone voices.)"""
    out: list[dict[str, Any]] = []
    for i in np.flatnonzero(np.isin(lemmas, _HOLDER_HASHES)):
        noun = doc[int(i)]
        if noun.tag_ != "NN" or view.in_quote[noun.i]:
            continue
        prep = next((c for c in noun.rights if c.dep_ == "prep" and c.text.lower() in _HOLDER_PREPS
                     and c.i == noun.i + 1), None)
        obj = next((o for o in prep.children if o.dep_ == "pobj"), None) if prep is not None else None
        if obj is None:
            continue
        span = _reportable(doc, view, noun, obj.left_edge.i, obj.right_edge.i + 1)
        if span is None:
            continue
        cs, ce = span
        holder = noun.head if noun.dep_ == "appos" and noun.head.pos_ == "PROPN" else noun  # "Kim, a critic"
        rec = _content_record(doc, view, noun, cs, ce, _source_record(doc, view, holder, book))
        if rec is not None:
            out.append(rec)
    return out


def _colon_end(cue: Token, b: int) -> int:
    """"spelled out her plan: a new tax on …", "said it fails for one reason: the toll …": what follows a
    colon right after the reported object or clause spells it out."""
    doc = cue.doc
    sent_end = cue.sent.end
    if doc[b - 1].text == ":":
        b -= 1  # (the parse may hang the colon on the last word before it)
    if b + 1 >= sent_end or doc[b].text != ":" or "\n" in doc[b].text_with_ws:
        return b
    end = sent_end
    while end > b + 1 and doc[end - 1].is_punct:
        end -= 1
    return end if end > b + 2 else b


_JOINING = {"and", "but"}


def _joined_report(cue: Token, clause: Token, b: int) -> int:
    """"Ruiz predicted that wages would fall, but that overtime would make up for it": a second
    that-clause the parse joined to the cue itself, after a comma and "and"/"but", is a second
    complement of the cue; the content runs to its end (``b`` is the end of the first clause). So is
    a verb with no subject and a modal ("said she liked it, but could not vote for it"): the modal is
    the reported clause's, not the narrative's. (Another joined clause may be the writer's: "…, but
    she left early".)"""
    conj = next((c for c in cue.rights if c.dep_ == "conj" and c.i > clause.right_edge.i), None)
    if conj is None or conj.pos_ not in ("VERB", "AUX") or conj.left_edge.i < b + 2:
        return b
    doc = cue.doc
    if doc[b].text != "," or doc[b + 1].lower_ not in _JOINING:
        return b
    modal = not any(c.dep_ in SUBJECTS for c in conj.lefts) and any(
        c.dep_ == "aux" and c.tag_ == "MD" for c in conj.lefts)  # "…, but could not bear to …"
    if doc[b + 2].lower_ != "that" and not modal:
        return b  # ("that" the parse may take for a determiner: "but that ridership would hold")
    return conj.right_edge.i + 1


_ABOUT_REACH = 6  # tokens: "spoke at length about …", "spoke with reporters about …"


def _about_prep(cue: Token) -> Token | None:
    """The phrase saying what a verb is about: right after it ("talked about …"), or after an adverb
    or another phrase of the verb with no comma between ("spoke with reporters about …")."""
    for prep in cue.rights:
        if prep.i > cue.i + _ABOUT_REACH or any(t.text in _ASIDE_MARKS for t in cue.doc[cue.i + 1 : prep.i]):
            return None
        if prep.dep_ == "prep" and prep.lower_ in _ABOUT_PREPS and not any(
                o.ent_type_ in ("DATE", "TIME") for o in prep.children):
            return prep  # ("talked for years", "looked to 2015": when, not what about)
        if prep.dep_ not in ("prep", "advmod", "npadvmod", "prt"):
            return None
        hung = _hung_about(prep)
        if hung is not None:
            return hung
    return None


def _hung_about(prep: Token) -> Token | None:
    """"asked at a briefing about the plan", "talked at the rally about jobs": an "about" phrase the parse
    hung on the object of the verb's phrase of place or time is the verb's."""
    obj = next((o for o in prep.children if o.dep_ == "pobj"), None)
    about = next((c for c in obj.rights if c.dep_ == "prep" and c.lower_ == "about"), None) if obj else None
    if about is None or about.i > prep.head.i + _ABOUT_REACH or any(
            t.text in _ASIDE_MARKS for t in prep.doc[prep.i : about.i]):
        return None
    return about


def _as_predicate_end(cue: Token, b: int) -> int:
    """"referred to Ruiz as a fraud", "spoke of the plan as a trap": what the verb says of the object
    of its phrase, an "as" phrase of the verb right after it, belongs to what is reported."""
    for child in cue.rights:
        if child.dep_ == "prep" and child.lower_ == "as" and child.left_edge.i == b:
            return child.right_edge.i + 1
    return b


def _stranded_that_clause(cue: Token) -> tuple[int, int] | None:
    """"Kasich predicted at the debate that Republicans will …", "said in a statement that …": the parse
    hung the verb's that-clause on the noun of a phrase right after it, as if a relative clause; a
    clause opened by "that" as a conjunction (not a relative pronoun standing for the noun) is the
    verb's complement."""
    for prep in cue.rights:
        if prep.dep_ != "prep" or prep.i > cue.i + 6:
            continue
        # (the noun may sit deeper in the phrase: "said in one of a series of messages that …")
        for obj in prep.subtree:
            if obj.dep_ != "pobj":
                continue
            for clause in obj.rights:
                first = clause.doc[clause.left_edge.i]
                closes = clause.right_edge.i >= prep.right_edge.i - 1  # (the phrase ends with the clause)
                if clause.dep_ == "relcl" and first.lower_ == "that" and \
                        _conjunction(first, clause) and clause.right_edge.i > first.i and closes:
                    return (first.i + 1, clause.right_edge.i + 1)
    return None


def _conjunction(that: Token, clause: Token) -> bool:
    """"that" opens a clause as a conjunction, not as a relative pronoun: the parse says so, or the
    role it gave "that" is already filled ("that Republicans will take every state": two objects)."""
    return that.dep_ == "mark" or any(c.dep_ == that.dep_ and c.i != that.i for c in clause.children)


# subordinators that open a clause of time, reason or concession, never a reported one
_ADVERBIAL_MARKS = {"after", "before", "while", "when", "because", "since", "until", "although", "though",
                    "once", "unless", "whereas"}


def _adverbial_mark(clause: Token) -> bool:
    """A clause the parse took for a complement but that opens with a subordinator of time or reason
    ("walked back his comments after he said them"): the verb's object, not this clause, is reported."""
    return any(c.dep_ == "mark" and c.lower_ in _ADVERBIAL_MARKS and c.i == clause.left_edge.i
               for c in clause.children)


def _ends_sentence_at(doc: Doc, end: int) -> bool:
    """Whether token ``end`` closes the sentence: a stop, a line break or the document's end."""
    return end >= len(doc) or doc[end].text in _STOP or "\n" in doc[end].text


def _tail_report(doc: Doc, cue: Token, strength: float) -> tuple[int, int] | None:
    """"Taxes will rise, she said." and "… changed, as Ruiz has acknowledged": a cue the parse hung
    as an adverbial clause after what it reports; the content is its host clause up to the cue."""
    head = cue.head
    if strength < STRONG or (head.i >= cue.i and cue.dep_ != "ROOT"):
        return None
    inverted = _inverted_tail(doc, cue)
    if inverted is not None or head.i >= cue.i:
        return inverted
    subj = next((c for c in cue.lefts if c.dep_ in SUBJECTS), None)
    if cue.dep_ != "advcl" or subj is None:
        return None  # "as the party looks to …", "as it goes": a time, not a report
    a = cue.left_edge.i
    marked = doc[a].dep_ == "mark" and doc[a].lower_ == "as" and doc[a].head.i == cue.i
    if not marked:
        # "…, she said.": the subject right after a comma, the sentence ending after the verb
        # (the parse may have hung an earlier clause on the verb: its left edge is not the comma)
        a = subj.left_edge.i
        end = cue.right_edge.i + 1
        closing = _ends_sentence_at(doc, end)
        if not closing or a == 0 or doc[a - 1].text != ",":
            return None
        a -= 1
    if any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in cue.rights):
        return None
    while head.pos_ not in ("VERB", "AUX") and head.dep_ != "ROOT":
        head = head.head
    lo = max(head.left_edge.i, cue.sent.start)
    if a - lo < 3:
        return None
    return (lo, a)


_LISTENER_VERBS = {"tell", "assure", "remind", "inform", "brief"}


def _told_tail(doc: Doc, cue: Token, by_dep: dict[str, Token]) -> tuple[int, int] | None:
    """"This includes a special force, Defense Secretary Ash Carter told a Senate panel Wednesday.": a
    verb whose object is its listener, its subject right after a comma and closing the sentence with
    it, reports the clause before the comma (the parser hangs it there as a conjunct or a clause)."""
    if cue.lemma_ not in _LISTENER_VERBS or "ccomp" in by_dep or "xcomp" in by_dep or "dobj" not in by_dep:
        return None
    head = cue.head
    subj = next((c for c in cue.lefts if c.dep_ in SUBJECTS), None)
    if cue.dep_ not in ("conj", "advcl", "parataxis") or head.i > cue.i or subj is None:
        return None
    a = subj.left_edge.i
    if a < 1 or doc[a - 1].text != "," or any(c.i < a for c in cue.lefts if c.dep_ not in ("punct", "cc")):
        return None
    end = max([c.right_edge.i for c in cue.rights if c.dep_ != "punct"] + [cue.i]) + 1
    if not _ends_sentence_at(doc, end):
        return None  # the sentence ends with the report
    lo = max(head.left_edge.i, cue.sent.start)
    return (lo, a - 1) if a - 1 - lo >= 3 else None


def _inverted_tail(doc: Doc, cue: Token) -> tuple[int, int] | None:
    """"Plants are struggling, said the chief executive.": a cue right after a comma whose subject
    follows it and closes the sentence reports everything before the comma. The parse hangs such a
    verb on the host clause in several ways (conj, advcl, parataxis), or makes it the root when it
    misread the host clause (:func:`_misread_content_subject`)."""
    if cue.dep_ not in ("conj", "advcl", "parataxis", "ROOT") or cue.i == 0 or doc[cue.i - 1].text != ",":
        return None
    early = [c for c in cue.children if c.i < cue.i - 1]
    if early and (cue.dep_ != "ROOT" or not _misread_content_subject(doc, early)):
        return None
    subj = next((c for c in cue.rights if c.dep_ in SUBJECTS), None)
    if subj is None or any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in cue.rights):
        return None
    end = subj.right_edge.i + 1
    if not _ends_sentence_at(doc, end):
        return None  # the sentence must end with the source
    lo = cue.sent.start
    return (lo, cue.i - 1) if cue.i - 1 - lo >= 3 else None


def _misread_content_subject(doc: Doc, early: list[Token]) -> bool:
    """"The vote marks a turn for the party, said Berg.": the parse took the reported clause's verb for
    a noun and hung its subject on the cue; such a subject runs on into the clause, while the cue's
    own subject is set off by a comma ("Ruiz, in an interview, said")."""
    return len(early) == 1 and early[0].dep_ in SUBJECTS and \
        early[0].i + 1 < len(doc) and doc[early[0].i + 1].text != ","


def _postposed_subject(cue: Token, view: _DocView) -> Token | None:
    """The source after a cue whose other subject is the misread head of what it reports."""
    early = [c for c in cue.children if c.i < cue.i - 1]
    if cue.dep_ != "ROOT" or not early or view.doc[cue.i - 1].text != "," or \
            not _misread_content_subject(view.doc, early):
        return None
    return next((c for c in cue.rights if c.dep_ in SUBJECTS and not view.in_quote[c.i]), None)


def _fronted_onto_aside(doc: Doc, cue: Token) -> bool:
    """"After the court ruled, Hebert said, most laws …": the parse hung the host clause's fronted
    adjunct on the parenthetical cue; the aside proper starts at the comma before its subject."""
    subj = next((c for c in cue.lefts if c.dep_ in SUBJECTS), None)
    if subj is None:
        return False
    k = subj.left_edge.i - 1
    return k > cue.left_edge.i and doc[k].text == "," and doc[cue.right_edge.i].text == ","


def _aside_cue(doc: Doc, cue: Token, child: Token) -> bool:
    """"…, he said, on condition …": a cue set off by commas inside its host clause, whose object or
    infinitive comes only after the closing comma."""
    return cue.dep_ == "parataxis" and cue.left_edge.i > 0 and doc[cue.left_edge.i].text == "," and any(
        t.text == "," for t in doc[cue.i + 1 : child.left_edge.i])


def _reportable(doc: Doc, view: _DocView, cue: Token, cs: int, ce: int) -> tuple[int, int] | None:
    """The content kept in the cue's paragraph, or None when nothing is left or it is the quote's own
    claim (quoted beyond ``_QUOTED_CONTENT``)."""
    cs, ce = _same_paragraph(doc, cue, cs, ce, view.text)
    if ce <= cs or view.in_quote[cs:ce].mean() > _QUOTED_CONTENT:
        return None
    return cs, ce


def _same_paragraph(doc: Doc, cue: Token, cs: int, ce: int, text: str | None = None) -> tuple[int, int]:
    """The content stays in the cue's paragraph: a parse that ran over a line break (a quote in the
    paragraph before, "…” / That will be true, said Ruiz.") keeps only the cue's side.
    With ``text`` (the document's, as ``doc.text`` rebuilds it on every call) the break is looked
    up in the characters; without, token by token (a short range)."""
    if text is None:
        for i in range(min(ce, cue.i) - 1, cs - 1, -1):
            if "\n" in doc[i].text_with_ws:
                cs = i + 1
                break
        for i in range(max(cs, cue.i + 1), ce):
            if "\n" in doc[i].text_with_ws:
                return cs, i + (not doc[i].is_space)
        return cs, ce
    n = len(doc)

    def start(i: int) -> int:
        return doc[i].idx if i < n else len(text)

    stop = min(ce, cue.i)
    if cs < stop:
        k = text.rfind("\n", start(cs), start(stop))
        if k >= 0:
            cs = _token_at(doc, k) + 1
    first = max(cs, cue.i + 1)
    if first < ce:
        k = text.find("\n", start(first), start(ce))
        if k >= 0:
            i = _token_at(doc, k)
            ce = i + (not doc[i].is_space)
    return cs, ce


def _token_at(doc: Doc, char: int) -> int:
    """Index of the token whose text or trailing space holds character ``char``."""
    lo, hi = 0, len(doc) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if doc[mid].idx <= char:
            lo = mid
        else:
            hi = mid - 1
    return lo


_PREDICATE_DEPS = {"oprd", "xcomp", "ccomp", "acomp", "prep", "advcl"}


def _subordinate(clause: Token) -> bool:
    """A clause opened by a subordinating word ("because …", "while …", "as …")."""
    return any(c.dep_ == "mark" and c.pos_ == "SCONJ" and c.i < clause.i for c in clause.children)


def _predicate_end(cue: Token, obj: Token, b: int) -> int:
    """End of "called the lines “unacceptable”", "described X as Y": what the verb says of its object.

    The verb's complements right after the object belong to what is reported; a comma ends them.
    """
    for child in cue.rights:
        if child.i < b:
            continue
        if child.left_edge.i != b or child.dep_ not in _PREDICATE_DEPS:
            break  # the complement must start right after the object ("call it the enforcement of …")
        if (child.dep_ == "advcl" and _subordinate(child)) or \
                (child.dep_ == "ccomp" and _adverbial_mark(child)):
            break  # "backs Ruiz because he …", "praised it as she left": why or when, not what
        b = child.right_edge.i + 1
    return _second_object_end(cue, b)


_NOMINAL = {"NOUN", "PROPN", "PRON"}


def _second_object_end(cue: Token, b: int) -> int:
    """"questioned her record and her readiness to lead": a noun after "and"/"or" that the parse joined
    to the verb instead of to its object is a second object, reported with the first."""
    doc = cue.doc
    k = b
    while k < len(doc) and doc[k].is_quote:
        k += 1  # ("… “New York values” and …": the closing mark of a quoted object)
    if k + 1 >= len(doc) or doc[k].dep_ != "cc" or doc[k].head.i != cue.i:
        return b
    conj = next((c for c in cue.rights if c.dep_ == "conj" and c.left_edge.i == k + 1), None)
    if conj is None or conj.pos_ not in _NOMINAL or conj.tag_ in ("WP", "WDT") or \
            any(c.dep_ in ("dobj", "ccomp", "nsubj") for c in conj.children):
        return b  # ("endorses Ruiz and whom …", "chides Kim and praises Ruiz": no second object)
    return conj.right_edge.i + 1


_ASIDE_DEPS = {"relcl"}
_TRAILING_DEPS = {"advcl", "acl"}
_TRAILING_TAGS = {"VBG"}
_ASIDE_MARKS = {",", "(", "\u2014", "\u2013", "--", ";"}


def _nonrestrictive_cut(doc: Doc, a: int, b: int) -> int:
    """Content ends before a relative clause set off by a comma, dash or parenthesis
    (", which …", "— whom …"): the writer's comment on what was said, not part of it."""
    for i in range(a + 2, b - 1):
        if doc[i].text not in _ASIDE_MARKS:
            continue
        tok = doc[i + 1]
        if doc[i + 1].lower_ == "even" and i + 2 < b and doc[i + 2].lower_ in ("as", "though", "while"):
            return i  # "…, even as the rival closed in": the writer's setting, not what was said
        for _ in range(3):  # the clause that starts right after the mark
            if tok.left_edge.i != i + 1 or tok.i >= b:
                break
            if tok.dep_ in _ASIDE_DEPS and tok.head.i < i and tok.right_edge.i >= b - 2:
                return i
            if tok.dep_ in _TRAILING_DEPS and tok.tag_ in _TRAILING_TAGS and tok.head.i < i and \
                    tok.right_edge.i >= b - 2:
                return i  # "…, pointing to …" closing the content: what the speaker did while saying it
            tok = tok.head
    return b


def _noun_frame_span(noun: Token, frame: str, view: _DocView, lex: Lexicon
                     ) -> tuple[Token, int, int] | None:
    """Source and content range of a reporting noun in one shape "SOURCE:COMPLEMENT".

    SOURCE: ``poss`` (her criticism), ``by`` (criticism by the mayor), ``verb`` (the subject of the
    verb the noun is the object of: "Ruiz voiced support for …"), ``pverb`` (… of a preposition
    after the verb: "came out in support of …"), ``mod`` (a name or group before the noun:
    "Republican criticism of …"); COMPLEMENT: ``prep_P`` (support for …), ``that`` (the claim
    that …), ``to`` (a decision to …).
    """
    src_kind, comp_kind = frame.split(":", 1)
    comp = None
    for child in noun.rights:
        if comp_kind.startswith("prep_") and child.dep_ == "prep" and child.lower_ == comp_kind[5:]:
            comp = next((o for o in child.children if o.dep_ in ("pobj", "pcomp")), None)
        elif (comp_kind == "that" and child.dep_ in ("acl", "ccomp", "relcl") and any(
                m.dep_ == "mark" and m.lower_ == "that" for m in child.children)) or (
                comp_kind == "to" and child.dep_ == "acl" and any(
                m.dep_ == "aux" and m.lower_ == "to" for m in child.children)):
            comp = child
        if comp is not None:
            break
    if comp is None:
        return None
    src = None
    if src_kind == "poss":
        src = next((c for c in noun.children if c.dep_ == "poss"), None)
    elif src_kind == "by":
        by = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("by", "from")), None)
        src = next((o for o in by.children if o.dep_ == "pobj"), None) if by is not None else None
    elif src_kind == "verb" and noun.dep_ == "dobj" and noun.head.pos_ == "VERB":
        # (an owner the noun marks itself comes first: "blunted Republicans' demands for …")
        src = _marked_owner(noun, view, lex) or _subject(noun.head, view, lex.cues)
    elif src_kind == "pverb" and noun.dep_ == "pobj" and noun.head.head.pos_ == "VERB":
        # "came out in support of …"
        src = _marked_owner(noun, view, lex) or _subject(noun.head.head, view, lex.cues)
    elif src_kind == "mod":  # "Republican criticism of …", "the Senate vote on …"
        src = next((c for c in noun.lefts if c.dep_ in ("compound", "amod")
                    and (c.pos_ == "PROPN" or c.ent_type_ in ("NORP", "ORG", "PERSON", "GPE"))), None)
    if src is None or view.in_quote[src.i] or src.pos_ in ("VERB", "AUX") or \
            not _can_speak(_antecedent(src), lex):
        return None
    a, b = comp.left_edge.i, comp.right_edge.i + 1
    if src.i in range(a, b):
        return None
    return src, a, b


def _marked_owner(noun: Token, view: _DocView, lex: Lexicon) -> Token | None:
    """The owner a reporting noun marks itself: a possessor that is not a pronoun ("Republicans' demands")
    or a name or group before it ("Republican calls for …"), unless the verb over the noun is itself
    one of speech: "the IMF pointed to Britain's decision …" is the IMF's."""
    verb = noun.head if noun.dep_ == "dobj" else noun.head.head
    if verb.lemma_ in lex.cues:
        return None
    for c in noun.lefts:
        if view.in_quote[c.i]:
            continue
        if (c.dep_ == "poss" and c.pos_ != "PRON") or (c.dep_ in ("compound", "amod") and (
                c.pos_ == "PROPN" or c.ent_type_ in ("NORP", "ORG", "PERSON", "GPE"))):
            return c
    return None


def _noun_frame_paraphrases(doc: Doc, view: _DocView, lex: Lexicon, book: NameBook,
                            skip: set[int], lemmas: np.ndarray) -> list[dict[str, Any]]:
    """Reporting nouns in the shapes that often carry an attribution in annotated news (``noun_frames``
    in ``models/cues.json``, derived from train counts): "voiced support for …", "criticism by …".
    A noun that reports through a that-clause and has no source in any of its shapes reports the
    clause by nobody named ("the notion that …")."""
    frames = lex.noun_frames or {}
    out: list[dict[str, Any]] = []
    for tok in _scan(doc, lemmas, lex, "noun_frames"):
        if tok.pos_ != "NOUN" or tok.idx in skip or view.in_quote[tok.i]:
            continue
        shapes = frames.get(tok.lemma_.lower(), ())
        for frame in shapes:
            rec = _noun_frame_record(doc, view, lex, book, tok, frame)
            if rec is not None:
                out.append(rec)
                break
        else:
            if any(f.endswith(":that") for f in shapes) and _unowned_reports(tok):
                rec = _unowned_that_record(doc, view, tok)
                if rec is not None:
                    out.append(rec)
    return out


def _unowned_that_record(doc: Doc, view: _DocView, noun: Token) -> dict[str, Any] | None:
    """"the belief that …" with no source in view: a noun that reports through a that-clause reports
    it by nobody named (as a reporting noun with no owner does)."""
    clause = next((c for c in noun.rights if c.dep_ in ("acl", "ccomp", "relcl") and any(
        m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
    if clause is None:
        return None
    span = _reportable(doc, view, noun, clause.left_edge.i, clause.right_edge.i + 1)
    if span is None:
        return None
    cs, ce = span
    return _content_record(doc, view, noun, cs, ce, None)


NOUN_SOURCES = ("poss", "by", "verb", "pverb", "mod")


def _noun_frame_record(doc: Doc, view: _DocView, lex: Lexicon, book: NameBook, tok: Token,
                       frame: str) -> dict[str, Any] | None:
    found = _noun_frame_span(tok, frame, view, lex)
    if found is None:
        return None
    src, cs, ce = found
    span = _reportable(doc, view, tok, cs, ce)
    if span is None:
        return None
    cs, ce = span
    return _content_record(doc, view, tok, cs, ce, _source_record(doc, view, src, book))



def _content_chars(doc: Doc, view: _DocView, cs: int, ce: int) -> tuple[int, int] | None:
    """Character span of content tokens [cs, ce): no edge punctuation, no sentence-final stop, and
    no quotation cut at its mark (the content "called it “a disgrace”" keeps both marks)."""
    while ce - cs > 1 and (doc[ce - 1].dep_ == "cc" or doc[ce - 1].is_punct):
        ce -= 1  # "… is “very important” and": a conjunction whose conjunct the parse hung elsewhere
    a, b = _trimmed(view.text, doc[cs].idx, doc[ce - 1].idx + len(doc[ce - 1]))
    while b > a and view.text[b - 1] in ".!?":
        b -= 1
    if b <= a:
        return None
    return _whole_quotation(view, *_balanced(view.text, a, b))


def _whole_quotation(view: _DocView, a: int, b: int) -> tuple[int, int] | None:
    """Widen [a, b) to the closing mark of a quotation it opens: a parse cut at a sentence end
    inside the marks ("said he would “raise the levy. It is time.”") reports the whole quotation;
    one that is then all but the quotation is the quote's own claim."""
    k = bisect_left(view.quote_opens, b) - 1  # the last quotation opened before the content ends
    if k < 0:
        return a, b
    qa, qb = view.quote_marks[k]
    if a <= qa + 2 and b < qb - 1:  # opened inside, or at the start with its mark trimmed
        a = min(a, qa)
        return (a, qb) if qb - qa <= _QUOTED_CONTENT * (qb - a) else None
    return a, b


_OPENING_MARKS = "\u201c"
_CLOSING_MARKS = "\u201d"


def _balanced(text: str, a: int, b: int) -> tuple[int, int]:
    """Widen [a, b) over the quote mark that trimming took off one end while its partner is inside:
    a claim's text never opens a quotation it does not close."""
    inside = text[a:b]
    opened = sum(inside.count(m) for m in _OPENING_MARKS) - sum(inside.count(m) for m in _CLOSING_MARKS)
    straight = inside.count('"') % 2
    if opened > 0 or straight:
        j = b
        while j < len(text) and j - b < 2 and text[j] in ".,!?;:":
            j += 1  # "… “fell in love.”": the stop inside the quotation belongs to it
        if j < len(text) and (text[j] in _CLOSING_MARKS or (straight and text[j] == '"')):
            return a, j + 1
    if (opened < 0 or straight) and a > 0 and (
            text[a - 1] in _OPENING_MARKS or (straight and text[a - 1] == '"')):
        return a - 1, b
    return a, b


_AMOUNTS = {"DATE", "TIME", "CARDINAL", "PERCENT", "MONEY", "QUANTITY"}


def _stray_agent(cue: Token, cs: int, ce: int, lex: Lexicon) -> Token | None:
    """"was called “a trap” by Tom Lee", "was asked to keep the files by the board": the parse may hang a
    passive cue's "by" phrase on the word before it; closing the content, it names who spoke, not what
    was said ("play by the rules", "by 2020": no one who could speak). The object of that "by", or None."""
    doc = cue.doc
    if cue.tag_ != "VBN" or not any(c.dep_ in ("auxpass", "nsubjpass") for c in cue.children) or \
            any(c.dep_ == "agent" for c in cue.children):
        return None
    end = ce
    while end > cs and doc[end - 1].is_punct:
        end -= 1
    for k in range(max(cs, cue.i + 1), end):
        by = doc[k]
        if by.lower_ == "by" and by.dep_ == "prep" and by.right_edge.i + 1 >= end and cs <= by.head.i < k:
            obj = next((o for o in by.children if o.dep_ == "pobj"), None)
            if obj is not None and obj.pos_ in _NOMINAL and obj.ent_type_ not in _AMOUNTS and \
                    _can_speak(_antecedent(obj), lex):
                return obj
    return None


def _speaking_subject(cue: Token, view: _DocView, lex: Lexicon) -> Token | None:
    """The cue's subject when it (or what a relative word stands for) is outside quote marks and can speak."""
    subj = _paraphrase_subject(cue, view, lex)
    if subj is None or view.in_quote[_antecedent(subj).i] or not _can_speak(_antecedent(subj), lex):
        return None
    return subj


def _content_record(doc: Doc, view: _DocView, cue: Token, cs: int, ce: int,
                    speaker: dict[str, Any] | None) -> dict[str, Any] | None:
    """The paraphrase record for content tokens [cs, ce) of a one-word cue: no trailing
    relative clause, no leading "that", no sentence-final punctuation."""
    ce = _nonrestrictive_cut(doc, cs, ce)
    while cs < ce and doc[cs].dep_ == "mark" and doc[cs].lower_ == "that":
        cs += 1
    if cs >= ce:
        return None
    chars = _content_chars(doc, view, cs, ce)
    if chars is None:
        return None
    a, b = chars
    return {"kind": "paraphrase", "start": a, "end": b, "group": None,
            "cue": _span_dict(view.text, cue.idx, cue.idx + len(cue)), "speaker": speaker}


def _in_source_paraphrases(doc: Doc, view: _DocView, lex: Lexicon, book: NameBook,
                           lemmas: np.ndarray) -> list[dict[str, Any]]:
    """"In a new poll, 40% of voters …": the document an "in" phrase cites sources its clause."""
    out: list[dict[str, Any]] = []
    for tok in _scan(doc, lemmas, lex, "in_sources"):
        prep = tok.head
        if tok.dep_ != "pobj" or prep.lower_ != "in" or tok.lemma_.lower() not in lex.in_sources or \
                view.in_quote[tok.i]:
            continue
        head, sent = prep.head, tok.sent
        b = prep.right_edge.i + 1
        if prep.i > head.i and head.pos_ in ("VERB", "AUX"):
            # "Ruiz has sagged in the polls": the clause up to the phrase
            cs, ce = max(sent.start, head.left_edge.i), prep.i
        elif b < len(doc) and doc[b].text == ",":
            cs, ce = b + 1, sent.end  # a fronted phrase set off by a comma sources the sentence
        else:
            continue
        if ce - cs < 3 or view.in_quote[cs:ce].mean() > _QUOTED_CONTENT:
            continue
        chars = _content_chars(doc, view, cs, ce)
        if chars is None:
            continue
        s, e = chars
        out.append({"kind": "paraphrase", "start": s, "end": e, "group": None,
                    "cue": _span_dict(view.text, prep.idx, prep.idx + len(prep)),
                    "speaker": _source_record(doc, view, tok, book)})
    return out


_PLAIN = {"clear", "plain", "known", "obvious"}
_MAKE = np.array([hash_string("make")], dtype=np.uint64)


def _made_plain_paraphrases(doc: Doc, view: _DocView, lex: Lexicon, book: NameBook, lemmas: np.ndarray,
                            done: set[int]) -> list[dict[str, Any]]:
    """"Ruiz made clear that she would run", "made it plain they disagreed", "made the case to donors that
    …": making a clause plain or known, or making the case for it, is saying it; the clause is reported by
    the verb's subject ("make" reports nothing in most of its uses, so it is no cue of its own)."""
    out: list[dict[str, Any]] = []
    for i in np.flatnonzero(np.isin(lemmas, _MAKE)):
        cue = doc[int(i)]
        if cue.i in done or cue.pos_ != "VERB" or view.in_quote[cue.i]:
            continue
        plain = next((c for c in cue.rights if (c.lower_ in _PLAIN and c.i <= cue.i + 2)
                      or (c.lower_ == "case" and c.dep_ == "dobj" and c.i <= cue.i + 3)), None)
        if plain is None:
            continue
        # the clause on the verb or on the word, or a that-clause the parse hung on "case" as a relative
        clause = next((c for c in list(cue.rights) + list(plain.rights)
                       if c.pos_ in ("VERB", "AUX") and c.i > plain.i and
                       (c.dep_ == "ccomp" or (c.dep_ == "acl" and c.left_edge.lower_ == "that")
                        or _that_clause(c))), None)
        if clause is None:
            continue
        subj = _speaking_subject(cue, view, lex)
        if subj is None:
            continue
        cs, ce = _same_paragraph(doc, cue, clause.left_edge.i, clause.right_edge.i + 1, view.text)
        if ce - cs < 3 or view.in_quote[cs:ce].mean() > _QUOTED_CONTENT:
            continue
        while cs < ce and doc[cs].lower_ == "that":
            cs += 1
        rec = _content_record(doc, view, cue, cs, ce, _source_record(doc, view, subj, book))
        if rec is not None:
            out.append(rec)
    return out


def _that_clause(clause: Token) -> bool:
    """"made it clear to members that she …": a clause marked by "that" alone is a complement even where
    the parse took it for an adverbial clause (no adverbial clause opens with a bare "that")."""
    marks = [m.lower_ for m in clause.children if m.dep_ == "mark"]
    return clause.dep_ == "advcl" and marks == ["that"] and clause.left_edge.lower_ == "that"


_OUT = np.array([hash_string("out")], dtype=np.uint64)


def _out_against_paraphrases(doc: Doc, view: _DocView, lex: Lexicon, book: NameBook, lemmas: np.ndarray,
                             done: set[int]) -> list[dict[str, Any]]:
    """"Ruiz came out against the levy": a verb with the particle "out" and an "against" phrase declares
    its subject's opposition to what the phrase names (a cue verb's own routes read "spoke out against")."""
    out: list[dict[str, Any]] = []
    for i in np.flatnonzero(np.isin(lemmas, _OUT)):
        verb = doc[int(i)].head
        if doc[int(i)].dep_ not in ("prt", "advmod") or verb.i != i - 1 or verb.pos_ != "VERB" or \
                verb.i in done or view.in_quote[verb.i] or np.isin(lemmas[verb.i], lex.cue_hashes):
            continue
        prep = next((c for c in verb.rights if c.dep_ == "prep" and c.lower_ == "against"
                     and c.i <= verb.i + 4), None)
        obj = next((o for o in prep.children if o.dep_ in ("pobj", "pcomp")), None) if prep else None
        subj = _speaking_subject(verb, view, lex) if obj is not None else None
        if subj is None:
            continue
        span = _reportable(doc, view, verb, obj.left_edge.i, obj.right_edge.i + 1)
        if span is None:
            continue
        cs, ce = span
        rec = _content_record(doc, view, verb, cs, ce, _source_record(doc, view, subj, book))
        if rec is not None:
            out.append(rec)
    return out


_HEARSAY = ("reportedly", "allegedly", "purportedly", "reputedly", "supposedly")
_HEARSAY_HASHES = np.array(sorted(hash_string(w) for w in _HEARSAY), dtype=np.uint64)  # lower case


def _label_as(word: Token) -> Token | None:
    """The "as" a quoted word hangs from within a few steps ("as a “breakthrough”", "as “kind”")."""
    tok = word
    for _ in range(_LABEL_REACH):
        if tok.dep_ == "prep" and tok.lower_ == "as":
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _labelled_object(doc: Doc, view: _DocView, ts: int) -> tuple[Token, Token, Token] | None:
    """For the quote opening at token ``ts``: the verb, its object and the "as" through which the verb
    puts the quoted label on the object ("hailed the deal as a “breakthrough”"); None for a likeness
    ("as in …") or a verb or object inside quote marks."""
    if ts + 1 >= len(doc):
        return None
    prep = _label_as(doc[ts + 1])
    verb = prep.head if prep is not None else None
    if verb is None or verb.pos_ != "VERB" or view.in_quote[verb.i] or doc[prep.i + 1].pos_ == "ADP":
        return None
    obj = next((c for c in verb.rights if c.dep_ == "dobj" and c.i < prep.i), None)
    if obj is None or view.in_quote[obj.i]:
        return None
    return verb, obj, prep


def _label_end(view: _DocView, verb: Token, prep: Token) -> int:
    """Where the label ends: past the "as" phrase, a quotation opened in it and a further phrase of the
    verb that carries a quotation ("as “kind” with a “big heart”")."""
    b = prep.right_edge.i + 1
    for c in verb.rights:
        if c.i > prep.i and c.dep_ != "punct" and view.in_quote[c.left_edge.i : c.right_edge.i + 1].any():
            b = max(b, c.right_edge.i + 1)
    for ts, te in view.quote_tokens:
        if prep.i < ts < b:
            b = max(b, te)
    return b


def _quoted_label_paraphrases(doc: Doc, view: _DocView, lex: Lexicon, book: NameBook,
                              done: set[int]) -> list[dict[str, Any]]:
    """"Ruiz hailed the deal as a “breakthrough”": a quoted label that a verb puts on its object through
    "as" is the subject's characterisation; the object with its label is what was said of it."""
    out: list[dict[str, Any]] = []
    seen: set[int] = set()
    for ts, te in view.quote_tokens:
        if ts + 1 >= min(te, len(doc)):
            continue
        labelled = _labelled_object(doc, view, ts)
        if labelled is None or labelled[0].i in done or labelled[0].i in seen:
            continue
        verb, obj, prep = labelled
        seen.add(verb.i)
        span = _reportable(doc, view, verb, obj.left_edge.i, _label_end(view, verb, prep))
        if span is None:
            continue
        cs, ce = span
        subj = _paraphrase_subject(verb, view, lex)
        if subj is not None and (subj.i in range(cs, ce) or view.in_quote[_antecedent(subj).i]):
            continue
        record = _content_record(doc, view, verb, cs, ce,
                                 _source_record(doc, view, subj, book) if subj is not None else None)
        if record is not None:
            out.append(record)
    return out


def _hearsay_paraphrases(doc: Doc, view: _DocView) -> list[dict[str, Any]]:
    """"Ruiz reportedly plans to sell": an adverb of hearsay reports its clause, by nobody named."""
    out: list[dict[str, Any]] = []
    lower = doc.to_array([LOWER]).reshape(-1).astype(np.uint64)
    for i in np.flatnonzero(np.isin(lower, _HEARSAY_HASHES)):
        tok = doc[int(i)]
        if tok.dep_ != "advmod" or view.in_quote[tok.i]:
            continue
        head = tok.head
        sent_start = int(view.sent_start[tok.i])
        cs, ce = max(head.left_edge.i, sent_start), head.right_edge.i + 1
        if ce - cs < 3 or view.in_quote[cs:ce].mean() > _QUOTED_CONTENT:
            continue
        chars = _content_chars(doc, view, cs, ce)
        if chars is not None:
            out.append({"kind": "paraphrase", "start": chars[0], "end": chars[1], "group": None,
                        "cue": _span_dict(view.text, tok.idx, tok.idx + len(tok)), "speaker": None})
    return out


# a line opened by a name and a colon: "Ruiz: Taxes will rise." (a headline, a transcript turn)
_LABEL_LINE = re.compile(r"^([A-Z][\w.'\u2019-]*(?: [A-Z][\w.'\u2019-]*){0,3}):[ \t]+(\S[^\n]*)", re.M)
# a headline credited before a colon with more words than a name: "Ruiz camp: Taxes will rise."
_HEADLINE_LABEL = re.compile(
    r"^([A-Z][\w.'\u2019-]*(?: [\w.'\u2019-]+){1,5}):[ \t]+(\S[^\n]{0,160})$", re.M)
_LABEL_WORDS = ("PROPN", "NOUN", "ADP", "DET", "ADJ", "PART")
_TURN = re.compile(r"^Q:[ \t]", re.M)  # a transcript of questions and answers
_ANSWER = re.compile(r"^A:[ \t]", re.M)
_LABEL_MAX = 600  # characters: a longer turn is cut at a sentence end


def _label_paraphrases(doc: Doc, view: _DocView, book: NameBook) -> list[dict[str, Any]]:
    """"Name: what they said" without quote marks: the label's words are the content."""
    out: list[dict[str, Any]] = []
    text = view.text
    question, answer = _TURN.search(text), _ANSWER.search(text)
    interview = question is not None and answer is not None
    # the answers of a transcript are the interviewee's: the person its introduction names most
    interviewee = book.most_named(min(question.start(), answer.start())) if question and answer else None
    seen: set[int] = set()
    for m in _LABEL_LINE.finditer(text):
        a, b = _trimmed(text, m.start(2), m.end(2))
        if b - a > _LABEL_MAX:
            cut = max(text.rfind(". ", a, a + _LABEL_MAX), text.rfind("? ", a, a + _LABEL_MAX))
            b = cut + 1 if cut > a else a + _LABEL_MAX
        while b > a and text[b - 1] in ".!?":
            b -= 1
        ts, te = view.tokens_for(a, b)
        if b <= a or te - ts < 3 or view.in_quote[ts:te].mean() > _QUOTED_CONTENT:
            continue
        ls, le = view.tokens_for(m.start(1), m.end(1))
        if interview and m.group(1) in ("Q", "A"):
            # a transcript's turns: the question and the answer are each what their speaker said
            # (a question is the interviewer's, whom the label alone names)
            label = _span_dict(text, m.start(1), m.end(1))
            speaker = {"name": interviewee if m.group(1) == "A" else None, "mention": label,
                       "description": None, "basis": "label"}
            out.append({"kind": "paraphrase", "start": a, "end": b, "group": None,
                        "cue": _span_dict(text, m.end(1), m.end(1) + 1), "speaker": speaker})
            continue
        if len(m.group(1)) < 2 or any(t.pos_ not in ("PROPN", "NOUN") for t in doc[ls:le] if not t.is_punct):
            continue  # "Q:", "Correction:", "Revealed:" open lines that nobody is named to say
        name = book.canonical(list(doc[ls:le])) or m.group(1)
        seen.add(m.start())
        out.append({"kind": "paraphrase", "start": a, "end": b, "group": None,
                    "cue": _span_dict(text, m.end(1), m.end(1) + 1),
                    "speaker": {"name": name, "mention": _span_dict(text, m.start(1), m.end(1)),
                                "description": None, "basis": "label"}})
    for m in _HEADLINE_LABEL.finditer(text):
        if m.start() in seen:
            continue
        a, b = _trimmed(text, m.start(2), m.end(2))
        while b > a and text[b - 1] in ".!?":
            b -= 1
        ts, te = view.tokens_for(a, b)
        ls, le = view.tokens_for(m.start(1), m.end(1))
        if b <= a or te - ts < 3 or view.in_quote[ts:te].mean() > _QUOTED_CONTENT or le <= ls:
            continue
        label = [t for t in doc[ls:le] if not t.is_punct]
        if not label or label[0].pos_ != "PROPN" or any(t.pos_ not in _LABEL_WORDS for t in label):
            continue  # the label opens with a name, then says what of it ("Ruiz camp", "Kim at the forum")
        who = [label[0]]
        for t in label[1:]:
            if t.pos_ != "PROPN":
                break
            who.append(t)
        mention = _span_dict(text, who[0].idx, who[-1].idx + len(who[-1]))
        out.append({"kind": "paraphrase", "start": a, "end": b, "group": None,
                    "cue": _span_dict(text, m.end(1), m.end(1) + 1),
                    "speaker": {"name": book.canonical(who) or mention["text"], "mention": mention,
                                "description": None, "basis": "label"}})
    return out


_SUBJECT_DEPS = ("nsubj", "nsubjpass")


def _frame_parts(cue: Token) -> tuple[Token | None, dict[str, Token]]:
    """A verb's subject before it and its dependents keyed by shape ("dobj", "prep_about",
    "ccomp_before"): what :func:`_frame_span` reads."""
    kids: dict[str, Token] = {}
    subj = None
    for child in cue.children:
        if child.dep_ in _SUBJECT_DEPS and child.i < cue.i:
            subj = child
        elif child.dep_ == "ccomp" and child.i < cue.i and not _newline_between(child, cue):
            kids["ccomp_before"] = child  # "Taxes will rise, Ruiz predicted"
        elif child.i > cue.i:
            key = "prep_" + child.lower_ if child.dep_ == "prep" else child.dep_
            kids.setdefault(key, child)
    return subj, kids


# what a participle after a cue needs to state something: an object or a clause ("adding that …",
# "calling it …", "recalling a visit")
_STATED = {"dobj", "ccomp", "xcomp", "attr", "oprd", "dative", "acomp"}


def _manner_participle(clause: Token | None, lex: Lexicon) -> bool:
    """"she said, laughing", "he said, looking off into the distance": a participle after a cue
    that is no speech verb and states nothing (no object, no clause) tells how it was said, not
    what; "referring to Cruz" (a verb that mostly cues speech) and "adding that …" still report."""
    if clause is None or clause.tag_ != "VBG" or any(c.dep_ in _STATED for c in clause.children):
        return False
    lemma = clause.lemma_.lower()
    return lemma not in lex.paraphrase_cues and lex.strength.get(lemma, 0.0) < STRONG


def _frame_span(cue: Token, frame: str,
                parts: tuple[Token | None, dict[str, Token]] | None = None) -> tuple[int, int] | None:
    """Token range a verb reports through one shape (``frame``), or None when the verb lacks it.

    ``ccomp``/``xcomp``/``advcl``/``oprd``/``acomp``: that complement ("plans to …", "seen as …");
    ``ccomp_before``: a clause before the verb ("Taxes will rise, Ruiz predicted");
    ``dobj``: the object with what the verb says of it; ``dobj_xcomp``: "urged them to …";
    ``prep_P``: the object of preposition P right after the verb ("spoke about …", "called for …");
    ``subjpass``: the subject of a passive verb whose agent is the source ("was denounced by …");
    ``subj_X``: the subject through complement X, for verbs whose subject is part of what is
    reported, by nobody named ("Ruiz is expected to win", "the plan seemed doomed").
    ``parts`` is :func:`_frame_parts` of the cue, read once for all the shapes tried on it.
    """
    subj, kids = parts if parts is not None else _frame_parts(cue)
    if frame == "subjpass":  # "the plan was denounced by the mayor": the agent speaks of the subject
        if subj is None or subj.dep_ != "nsubjpass" or _newline_between(subj, cue):
            return None
        return (subj.left_edge.i, subj.right_edge.i + 1)
    if frame.startswith("subj_"):
        comp = kids.get(frame[5:])
        if subj is None or comp is None or _newline_between(subj, cue) or \
                any(c.dep_ == "dobj" for c in cue.children):
            return None  # a verb with an object ("whom he called “X”") has an agent for a subject
        return (subj.left_edge.i, comp.right_edge.i + 1)
    if frame == "dobj_xcomp":
        obj, comp = kids.get("dobj"), kids.get("xcomp")
        if obj is None or comp is None:
            return None
        return (obj.left_edge.i, comp.right_edge.i + 1)
    child = kids.get(frame)
    if child is None:
        return None
    if frame.startswith("prep_"):
        if child.i > cue.i + 4:
            return None  # a preposition far from the verb is about something else
        obj = next((o for o in child.children if o.dep_ in ("pobj", "pcomp")), None)
        if obj is None:
            return None
        return (obj.left_edge.i, _instances_end(cue, obj.right_edge.i + 1))
    if frame in ("advcl", "ccomp") and _adverbial_mark(child):
        return None  # "walked back his comments after he said them"
    a, b = child.left_edge.i, child.right_edge.i + 1
    if frame == "dobj":
        b = _predicate_end(cue, child, b)
    return (a, _instances_end(cue, b))


def _frame_paraphrases(doc: Doc, view: _DocView, lex: Lexicon, book: NameBook,
                       done: set[int], lemmas: np.ndarray) -> list[dict[str, Any]]:
    """Verbs that report through a shape that often carries an attribution in annotated news (``frames``
    in ``models/cues.json``, derived from train counts): "backs tougher rules", "plans to …",
    "is expected to …". A verb that already reported a clause is left alone."""
    frames = lex.frames or {}
    out: list[dict[str, Any]] = []
    for tok in _scan(doc, lemmas, lex, "frames"):
        if tok.pos_ not in ("VERB", "AUX") or tok.i in done or view.in_quote[tok.i]:
            continue
        shapes = frames.get(tok.lemma_.lower())
        if not shapes:
            continue
        parts = _frame_parts(tok)
        for frame in shapes:
            rec = _frame_record(doc, view, lex, book, tok, frame, parts)
            if rec is not None:
                out.append(rec)
                break
    return out


FRAMES = ("ccomp", "ccomp_before", "xcomp", "advcl", "oprd", "acomp", "dobj", "dobj_xcomp", "subjpass",
          "subj_xcomp", "subj_oprd", "subj_acomp")


def _frame_record(doc: Doc, view: _DocView, lex: Lexicon, book: NameBook, tok: Token, frame: str,
                  parts: tuple[Token | None, dict[str, Token]] | None = None) -> dict[str, Any] | None:
    """The paraphrase ``tok`` reports through ``frame``, with its source, or None."""
    parts = parts if parts is not None else _frame_parts(tok)
    if frame == "advcl" and _manner_participle(parts[1].get("advcl"), lex):
        return None
    span = _frame_span(tok, frame, parts)
    if span is None:
        return None
    span = _reportable(doc, view, tok, *span)
    if span is None:
        return None
    cs, ce = span
    speaker = None
    if not frame.startswith("subj_"):
        subj = _paraphrase_subject(tok, view, lex)
        if subj is None or subj.i in range(cs, ce) or view.in_quote[_antecedent(subj).i] or \
                subj.pos_ in ("VERB", "AUX") or not _can_speak(_antecedent(subj), lex):
            return None
        speaker = _source_record(doc, view, subj, book)
    else:
        holder = _holder(tok, view)
        if holder is not None:
            speaker = _source_record(doc, view, holder, book)
    stray = _stray_agent(tok, cs, ce, lex)
    if stray is not None:
        ce = stray.head.i
        speaker = speaker or _source_record(doc, view, stray, book)
    return _content_record(doc, view, tok, cs, ce, speaker)


# verbs whose subject is what is reported on, not who holds the view ("the plan seems doomed")
_RAISING = {"seem", "appear", "become", "look", "sound", "prove", "tend", "happen", "remain", "turn",
            "end", "exist", "cost", "lead", "mean", "bind", "design", "combine", "bring", "register"}


def _holder(verb: Token, view: _DocView) -> Token | None:
    """The subject of an active verb of wanting or planning ("who wanted to …", "Ruiz plans to …"):
    whose view the complement is, also a document's or a body's ("her plan promises to …", "the
    rules require …"). A passive ("is expected to") or a raising verb has none."""
    if verb.lemma_.lower() in _RAISING or any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return None
    return _nominal_subject(verb, verb, view)


def _unparsed_source(doc: Doc, view: _DocView, lex: Lexicon, cue: Token, cs: int, ce: int) -> Token | None:
    """A cue the parse left without a subject ("Shaw said Clinton …" misread): the noun phrase
    just before it on its line, when it can speak and is not part of the content."""
    near = _aside_subject(doc, view, cue) or _nearby_subject(doc, cue, view) or \
        _stranded_subject(doc, cue, view)
    if near is None or cs <= near.i < ce or not _can_speak(_antecedent(near), lex):
        return None
    return near


def _aside_subject(doc: Doc, view: _DocView, cue: Token) -> Token | None:
    """"Sen. Ann Ruiz, facing a challenge in Iowa, a swing state, said …": the name before a participle
    aside set off by commas just before the cue (not a noun inside the aside)."""
    if cue.i < 4 or doc[cue.i - 1].text != ",":
        return None
    for i in range(cue.i - 2, max(int(view.sent_start[cue.i]), cue.i - 25), -1):
        part = doc[i]
        if part.tag_ == "VBG" and doc[i - 1].text == "," and part.right_edge.i == cue.i - 2:
            name = doc[i - 2]
            while name.dep_ in ("compound", "flat") and name.head.i > name.i and name.head.i < i:
                name = name.head
            if name.pos_ not in ("PROPN", "NOUN", "PRON") or view.in_quote[name.i] or \
                    _newline_between(name, cue):
                return None
            return name
    return None


def _stranded_subject(doc: Doc, cue: Token, view: _DocView) -> Token | None:
    """"In an interview with the Post, Lewandowski continued to assert …": a name just before the
    subjectless verb the cue hangs from, that the parse hung on a preposition before it."""
    tok = cue
    for _ in range(4):
        if any(c.dep_ in SUBJECTS or c.dep_ == "nsubjpass" for c in tok.children):
            return None
        if tok.dep_ not in ("xcomp", "advcl", "conj") or tok.head.i == tok.i or tok.head.i > tok.i:
            break
        tok = tok.head
    first = min([c.i for c in tok.lefts if c.dep_ in ("aux", "neg", "advmod", "auxpass")] + [tok.i])
    if first == 0:
        return None
    name = doc[first - 1]
    if name.pos_ != "PROPN" or name.dep_ not in ("pobj", "compound", "appos", "dobj") or \
            view.in_quote[name.i] or _newline_between(name, cue):
        return None
    return name


# a pronoun subject of a reported clause -> the reporters it can stand for
_AGREEING = {"he": "person", "she": "person", "it": "thing", "they": "group", "we": "group"}


def _agrees(pron: Token, noun: Token) -> bool:
    return _fits(_AGREEING[pron.lower_], noun)


def _fits(kind: str, noun: Token) -> bool:
    """Whether ``noun`` can be what a pronoun of ``kind`` (person, thing, group) stands for."""
    if kind == "person":
        return noun.pos_ == "PROPN" and noun.tag_ == "NNP" and noun.ent_type_ in ("PERSON", "")
    if kind == "thing":
        return noun.tag_ in ("NN", "NNP") and noun.ent_type_ != "PERSON"
    return noun.tag_ in ("NNS", "NNPS") or noun.ent_type_ in ("ORG", "NORP") or noun.tag_ == "NN"


def _reporter(pron: Token, view: _DocView) -> Token | None:
    """The named subject of the verb whose complement clause has ``pron`` for subject
    ("Ruiz said she would …", "the firm announced it had …"), if the pronoun can stand for it."""
    if pron.dep_ != "nsubj":
        return None
    tok = pron.head
    for _ in range(3):
        if tok.dep_ not in ("ccomp", "xcomp", "conj") or tok.head.i == tok.i:
            return None
        was_clause = tok.dep_ == "ccomp"
        tok = tok.head
        if not was_clause:
            continue
        subj = next((c for c in tok.lefts if c.dep_ == "nsubj"), None)
        if subj is None or subj.pos_ == "PRON" or view.in_quote[subj.i] or _newline_between(subj, pron):
            return None
        return subj if _agrees(pron, subj) else None
    return None
