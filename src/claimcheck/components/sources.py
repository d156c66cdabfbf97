"""Who a cue's source is, and how the record names them.

Shared by quotes (:mod:`claimcheck.components.attribution`) and reported speech
(:mod:`claimcheck.components.reported_speech`):

* the source of a cue verb is its grammatical subject (the nearer one on the verb's line),
  also when it follows the verb ("says Robert King", after a comma only for verbs that
  mostly report speech; a common noun fronted before it is what is talked about), hides
  behind an aside ("X, who replaced Y, said"; "Trump, in Kentucky, said" when the parse
  gives no subject; "Trump, the front-runner …, said"), belongs to the main clause of a
  participle ("…, adding"; not past a line break) or of a passive it is joined to ("X was
  booed and said") or that controls it ("X was prompted to say"), to the verb a preposition
  hangs a participle from ("After saying …, she was taken"; "…, at one point calling …"), to a
  nearer clause (or a person above) when the main clause's subject never speaks or is a
  placeholder ("It was …, as Clinton echoed it, saying"), to the sentence before when the
  parser cut one at a comma, to the verb whose audience it hangs from ("an email to
  supporters stating"), is the object
  of a verb like "prompt" ("prompted Rubio to call …"), is the agent of a passive cue
  ("called “…” by X"), or is the noun (or noun-like adjective: "the 43-year-old asked") the
  parser hung the verb from ("Bell, a coach, compared …"); "according to X" names X (or who
  made X);
* a name on the cue's own line beats a subject the parser found on a header line above;
* a past tense read as an adjective ("Trump blasted Disney") or as a participle with no
  auxiliary ("And Skelly called Braynard"), a capitalised modal
  ("“…,” Will wrote") before a subjectless cue, or a capitalised word read as an adverb
  after an inverted one ("said Skelly,") or before a cue, when the document tags it a proper
  noun elsewhere ("And Skelly called"), is the name it is; a name the NER calls a person
  elsewhere is a person where it mislabels it;
* a verb that seldom cues speech does not make a speaker of a subject that never speaks
  (a common noun that does not head sources in annotated news: "his determination to …");
* the mention is the noun phrase without its asides (running on to a name that closes a
  coordinated title: "Vice President for news and talk Dave Gorab"); names are resolved inside the
  document (:mod:`claimcheck.components.names`); "they" ("it") names the group (the
  organisation) that is the subject earlier in its sentence; a relative word's mention runs
  from its antecedent.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from spacy.attrs import IDX, SENT_START
from spacy.tokens import Doc, Token

from claimcheck.components.lexicon import STRONG, WEAK, Lexicon
from claimcheck.components.names import PRONOUNS, NameBook, glued_hyphen, name_end, name_start, office_trim
from claimcheck.components.quotes import marked_extent
from claimcheck.components.roles import definite_role, person_noun

SUBJECTS = {"nsubj", "csubj"}  # a passive subject is what was talked about ("rights were discussed")
# children that describe the speaker rather than name them
DESCRIPTIVE = {"appos", "relcl", "acl", "advcl", "parataxis", "punct", "cc", "prep"}
_WHEN = {"DATE", "TIME"}  # "said Tuesday": a time, never a speaker
# verbs whose object is the person spoken to: "…, told AFP" is not an inverted "said Ramos"
_PERSON_OBJECT = {"tell", "ask", "urge", "thank", "remind", "assure", "warn", "inform", "email", "call",
                  "accuse", "blame", "praise", "criticize", "invite", "brief", "advise", "text"}
_DASHES = {"\u2014", "\u2013", "\u2015", "-", "--"}
_NAMING_PREPS = {"of", "for", "at", "from", "with"}
CLIMB = {"advcl", "xcomp", "conj", "pcomp", "ccomp", "acl", "dep", "prep", "pobj", "advmod"}
RELATIVE = {"who", "that", "which", "whom"}
_PERSONAL = {"he", "she", "they", "we", "i"}  # pronouns that stand for someone who may speak
_PLACEHOLDERS = {"it", "this", "that", "there"}  # subjects that stand for a situation, not a speaker
# verbs whose object is the subject of their "to" clause ("prompted Rubio to call …")
_OBJECT_CONTROL = {"prompt", "urge", "ask", "tell", "force", "lead", "push", "encourage", "invite",
                   "persuade", "convince", "inspire", "pressure", "compel", "cause", "drive", "press",
                   "challenge", "dare", "implore", "beg", "spur", "provoke", "goad"}
_PUNCT_TRIM = " ,;:\u2014\u2013-\"'\u201c\u201d\n\t()"


def _span_dict(text: str, start: int, end: int) -> dict[str, Any]:
    return {"text": text[start:end], "start": start, "end": end}


def _cue_span(doc: Doc, text: str, cue: Token) -> dict[str, Any]:
    """The cue's words: one token, or "according to"."""
    end = cue.idx + len(cue)
    if cue.lower_ == "according" and cue.i + 1 < len(doc):
        end = doc[cue.i + 1].idx + len(doc[cue.i + 1])
    return _span_dict(text, cue.idx, end)


def _trimmed(text: str, s: int, e: int, name: bool = False) -> tuple[int, int]:
    """The span without punctuation at its ends, except the parenthesis that closes one it opened:
    "Sen. Mitch McConnell (R-Ky.)", not "… (R-Ky.". A ``name`` (a speaker's mention) never leaves one
    open: it takes the closing parenthesis right after it, or ends before the one it opened."""
    while s < e and (text[s] in _PUNCT_TRIM or text[s] == "."):  # (". Rand Paul": "Sens." split)
        s += 1
    end = e
    while e > s and text[e - 1] in _PUNCT_TRIM:
        e -= 1
    if text.count("(", s, e) > text.count(")", s, e):
        # the parenthesis that closes it, in the span (or, for a name, right after it: "(D-Ohio" + ") said")
        closing = text.find(")", e, max(end, e + 1) if name else end)
        if closing >= 0:
            e = closing + 1
        elif name:  # else the name without the parenthesis it opened
            e = text.rfind("(", s, e)
            while e > s and text[e - 1] in _PUNCT_TRIM:
                e -= 1
    return s, e


class _DocView:
    """Per-document lookups built once: token ranges of quotes and the inside-quote mask."""

    def __init__(self, doc: Doc, quotes: list[dict[str, Any]], text: str) -> None:
        self.doc = doc
        self.text = text  # Doc.text is rebuilt from the tokens on every access: keep one copy
        n = len(doc)
        self.in_quote = np.zeros(n + 1, dtype=bool)
        self.in_fragment = np.zeros(n + 1, dtype=bool)  # inside a partial quote ("called “X”")
        self.quote_tokens: list[tuple[int, int]] = []
        # closed quotes, opening mark to just past the closing one
        self.quote_marks = [marked_extent(text, q) for q in quotes if q["close"] is not None]
        self.quote_opens = [qa for qa, _ in self.quote_marks]
        self.token_starts = doc.to_array([IDX]).reshape(-1).astype(np.int64) if n else np.zeros(0, np.int64)
        for q in quotes:
            a = q["open"]
            b = (q["close"] + 1) if q["close"] is not None else q["end"]
            ts, te = self.tokens_for(a, b)
            self.quote_tokens.append((ts, te))
            self.in_quote[ts:te] = True
            if q["partial"]:
                self.in_fragment[ts:te] = True
        # sentence start of every token, from the parser's boundaries, without building Span objects
        starts = np.flatnonzero(doc.to_array([SENT_START]).reshape(-1) == 1) if n else np.zeros(0, np.int64)
        if n and (len(starts) == 0 or starts[0] != 0):
            starts = np.concatenate(([0], starts))
        owner = np.searchsorted(starts, np.arange(n), side="right") - 1
        self.sent_start = starts[owner] if n else np.zeros(0, np.int64)

    def tokens_for(self, a: int, b: int) -> tuple[int, int]:
        """Token range covering characters [a, b)."""
        ts = int(np.searchsorted(self.token_starts, a, side="right")) - 1
        te = int(np.searchsorted(self.token_starts, b, side="left"))
        return max(ts, 0), max(te, ts + 1)


def _subject(cue: Token, view: _DocView | None = None, cues: frozenset[str] = frozenset(),
             lex: Lexicon | None = None) -> Token | None:
    """The source of a cue verb: its subject, or the subject of the clause it hangs from.

    With ``lex`` (quotes), only a verb that reports speech in most of its uses is read as
    inverted after a plain comma ("…, said Ruiz"; not "Kall, the director, compared Trump to …").
    """
    in_quote = view.in_quote if view is not None else None
    if cue.lower_ == "according":
        for child in cue.children:
            if child.lower_ == "to":
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        return _author(obj)
        return None
    if in_quote is not None and cue.tag_ != "VBG":
        inverted = _inverted_subject(cue, in_quote, lex)
        if inverted is not None:
            return inverted
    if lex is not None and in_quote is not None and cue.tag_ == "VBN" and \
            lex.strength.get(cue.lemma_, 0.0) >= WEAK:
        agent = _passive_agent(cue, in_quote)
        if agent is not None:
            return agent
    if cue.dep_ == "conj" and not any(c.dep_ in SUBJECTS for c in cue.children):
        taken = _object_taken_subject(cue, in_quote)
        if taken is not None:
            return taken
    aside = _aside_speaker(cue, in_quote)
    if aside is not None:
        return aside
    participle = cue.tag_ == "VBG"
    if participle and lex is not None:
        shown = _shown_speaker(cue, in_quote, lex) or _scene_subject(cue, in_quote)
        if shown is not None:
            return shown
    tok = cue
    shared = False  # reached through "and": "X was forced to retreat and said …" — X said it
    controlled = False  # reached through "to": "X was prompted to say", "X is reported to have called"
    own_clause = -1  # the verb whose prepositional phrase the participle hangs from: its subject speaks
    if cue.dep_ == "conj" and lex is not None and lex.strength.get(cue.lemma_, 0.0) >= STRONG and \
            cue.head.dep_ == "ccomp" and cue.head.head.lemma_ in cues and cue.head.head.i < cue.head.i and \
            not any(c.dep_ in SUBJECTS for c in cue.children):
        tok = cue.head.head  # "Ruiz said it was early but added, “…”": "added" hung inside the report
    for _ in range(5):
        # "After saying …, she was whisked off", "X was mocked for calling …": the verb a preposition
        # hangs the participle from has its subject, passive or not (not "X was faulted for not calling
        # it “…”": words someone did not say are the critic's)
        adjunct = participle and cue.dep_ == "pcomp" and cue.head.dep_ == "prep" and \
            tok.i == cue.head.head.i and not any(c.dep_ == "neg" for c in cue.children)
        subj = None
        for child in tok.children:
            passive = child.dep_ == "nsubjpass" and (tok.lemma_ == "quote" or shared or controlled or adjunct)
            if (child.dep_ in SUBJECTS or passive) and (in_quote is None or not in_quote[child.i]):
                # of two, the one nearer before the verb ("6:50 p.m. \n … Ana Ruiz has told"), and one on the
                # verb's own line over one the parser reached back a paragraph for ("\n X, says Ann Ruiz, …")
                across = subj is not None and _newline_between(subj, tok) and not _newline_between(child, tok)
                if subj is not None and (child.i > tok.i or _newline_between(child, tok)) and not across:
                    continue
                subj = child
        if subj is not None and subj.pos_ == "ADP":
            # "Of Carson, Levine, who …, said": the parser made the preposition the subject; its object,
            # the name after the fronted phrase, is the one who speaks (a name it mistags, "From said",
            # has no object and stays)
            subj = next((c for c in subj.children if c.dep_ == "pobj" and not (
                in_quote is not None and in_quote[c.i])), subj)
            # (read as "Of [Carson, Levine]": the name set off after the fronted one is the speaker)
            subj = next((c for c in subj.children if c.dep_ == "appos" and c.pos_ == "PROPN"), subj)
        if subj is None and adjunct and tok.dep_ == "conj":
            # "X was booed and shouted down by fans after telling them …": the verbs share X, who told
            subj = next((c for c in tok.head.children if c.dep_ in SUBJECTS or c.dep_ == "nsubjpass"), None)
            if subj is not None and in_quote is not None and in_quote[subj.i]:
                subj = None
        if subj is None and not adjunct:
            subj = _by_agent(tok)  # a passive cue: "was described by X as" (not "booed by X after telling")
        if subj is not None and subj.lower_ in ("that", "which") and tok.dep_ == "relcl" and \
                tok.head.dep_ == "dobj" and tok.head.head.pos_ == "VERB":
            tok = tok.head.head  # "Trump released a video that said …": who released it speaks
            continue
        if subj is not None and participle and tok.i != cue.i and _dashed_aside(tok, cue) and \
                tok.head.i != tok.i:
            tok = tok.head  # "the stadium - where the Dragons played - while chanting …": not the aside's
            continue
        # "…, adding": a participle reports for the main clause, not for a clause in between
        # (a clause hung from the quote's words, or from a clause past a line break, is the main
        # clause: the parser made the quote the root, or ran on into the next paragraph)
        if subj is not None and not (participle and not adjunct and tok.i not in (cue.i, own_clause)
                                      and tok.dep_ in CLIMB
                                      and tok.lemma_ not in cues
                                      and not (in_quote is not None and in_quote[tok.head.i])
                                      and not _newline_between(tok, tok.head)):
            if _newline_between(subj, cue):
                return _line_subject(tok, in_quote)
            # (nor "it", "this": "It was a potent punch, as Clinton echoed the charge, saying …")
            if participle and lex is not None and (not _can_speak(subj, lex) or subj.lower_ in _PLACEHOLDERS):
                return _nearer_speaker(cue, subj, lex, in_quote) or subj
            return subj
        # (or the parser made the name the root and hung the verb from it: "Bell, a coach, compared …")
        hung = tok.i == cue.i and tok.pos_ == "VERB" and tok.head.dep_ == "ROOT"
        nominal = tok.head.pos_ in ("PROPN", "NOUN", "PRON") or (  # (or "the 43-year-old asked")
            tok.head.pos_ == "ADJ" and any(c.dep_ == "det" for c in tok.head.children))
        if (tok.dep_ in ("relcl", "acl") or hung) and nominal and tok.head.i < tok.i:
            noun = tok.head
            if tok.dep_ == "acl" and noun.dep_ in ("dobj", "pobj") and noun.head.pos_ == "VERB":
                # "she issued a statement saying …": the one who issued it speaks
                tok = noun.head
                continue
            if lex is not None and tok.dep_ == "acl" and tok.tag_ == "VBG" and noun.dep_ == "pobj" and \
                    noun.head.dep_ in ("prep", "dative") and noun.head.head.pos_ == "VERB" and \
                    noun.ent_type_ == "" and \
                    (noun.tag_ == "NNS" or not _can_speak(noun, lex)):
                # "her campaign blasted out an email to supporters stating …": not the audience; "he has
                # battled the mayor, at one point calling him …": a noun that never speaks is a time or place
                tok = noun.head.head
                own_clause = tok.i
                continue
            # "Mitt Romney, the nominee, tweeted": the verb hangs off its subject
            return _object_relative_subject(noun, tok) or noun
        # (for a quote, also up from an adjective: "Trump was quick to add that …")
        if participle and tok.i == cue.i and tok.head.i == tok.i and subj is None:
            before = _cut_sentence_root(tok)
            if before is not None:
                tok = before  # "X trashed Y on “Morning Joe,” calling it …": one sentence, cut in two
                continue
        if (tok.dep_ not in CLIMB and not (tok.dep_ == "acomp" and lex is not None)) or tok.head.i == tok.i:
            return subj
        if tok.dep_ == "xcomp" and lex is not None and tok.head.lemma_ in _OBJECT_CONTROL:
            # "That prompted Rubio to make a joke and call Trump “…”": the object speaks
            obj = next((c for c in tok.head.children if c.dep_ == "dobj" and c.i < tok.i), None)
            if obj is not None and obj.pos_ in ("PROPN", "NOUN", "PRON") and \
                    not (in_quote is not None and in_quote[obj.i]):
                return obj
        shared = tok.dep_ == "conj" and tok.i == cue.i and view is not None
        controlled = tok.dep_ == "xcomp" and tok.i == cue.i and view is not None and (
            lex is None or lex.strength.get(cue.lemma_, 0.0) >= WEAK)
        tok = tok.head
    return None


def _aside_speaker(cue: Token, in_quote: np.ndarray | None) -> Token | None:
    """"Bell, a senior aide said, “is sure of the result”": a cue set off inside the sentence whose subject
    the parser took for an appositive of the sentence's subject; with no comma before the cue, the noun
    right before it is who speaks (not "Bell, a senior aide, said")."""
    doc = cue.doc
    if cue.dep_ != "parataxis" or cue.i + 1 >= len(doc) or doc[cue.i + 1].text != ",":
        return None
    for subj in cue.children:
        if subj.dep_ not in SUBJECTS or subj.i > cue.i:
            continue
        appos = next((c for c in subj.children if c.dep_ == "appos" and c.right_edge.i == cue.i - 1), None)
        if appos is not None and doc[appos.left_edge.i - 1].text == "," and \
                not (in_quote is not None and in_quote[appos.i]):
            return appos
    return None


_SCENE_WORDS = {"where", "when"}  # and a preposition with "which" or "whom": "in which", "at which"
_SCENE_RELATIVES = {"which", "whom"}


def _scene_subject(cue: Token, in_quote: np.ndarray | None) -> Token | None:
    """"Ruiz spoke near the mill, where 40 workers had gathered, chanting …": a participle right after a
    clause that sets a scene ("where", "when", "in which") is what that clause's subject was doing; the
    parser hangs it from the main verb, whose subject only stood nearby."""
    doc = cue.doc
    comma = cue.i - 1
    if comma < 1 or doc[comma].text != "," or any(c.dep_ in SUBJECTS for c in cue.children):
        return None
    clause = next((t for t in doc[comma - 1].ancestors if t.dep_ == "relcl"), None)
    if clause is None or clause.right_edge.i != comma - 1 or clause.head.i >= clause.i:
        return None
    opener = doc[clause.left_edge.i]
    if opener.lower_ not in _SCENE_WORDS and not (opener.dep_ == "prep" and clause.left_edge.i + 1 < clause.i
                                                  and doc[clause.left_edge.i + 1].lower_ in _SCENE_RELATIVES):
        return None  # (not "the voters, whom Ruiz had courted, chanting …": who chanted is unclear)
    subj = next((c for c in clause.children if c.dep_ in SUBJECTS), None)
    if subj is None or subj.lower_ in RELATIVE or (in_quote is not None and in_quote[subj.i]):
        return None  # ("the voters who had waited, chanting …": who chanted is the sentence's to say)
    return subj


def _object_taken_subject(verb: Token, in_quote: np.ndarray | None) -> Token | None:
    """"The Ledger will brand you a liar and WXYZ News will accuse you …": the parser joined the name
    after "and" to the object before it; right before the second verb (and its auxiliaries) it is that
    verb's subject."""
    doc = verb.doc
    k = verb.i - 1
    while k >= 0 and doc[k].head.i == verb.i and doc[k].dep_ in ("aux", "neg", "advmod"):
        k -= 1
    if k < 1 or (in_quote is not None and in_quote[k]):
        return None
    noun = doc[k]
    if noun.pos_ not in ("PROPN", "NOUN") or noun.dep_ != "conj" or \
            noun.head.pos_ not in ("NOUN", "PROPN", "PRON") or noun.head.i > noun.i or \
            noun.head.head.i != verb.head.i:
        return None
    cc = noun.left_edge.i - 1
    return noun if cc >= 0 and doc[cc].lower_ in ("and", "but") else None


def _shown_speaker(cue: Token, in_quote: np.ndarray | None, lex: Lexicon) -> Token | None:
    """"The ad uses footage of Ann Ruiz saying, “…”", "a clip of him asking …": a speech participle
    right after the object of "of" is what that person is shown or heard doing; the footage, and the ad
    that uses it, say nothing. (The parser hangs the participle from the footage or from the verb.)"""
    if cue.i == 0 or any(c.dep_ in SUBJECTS for c in cue.children):
        return None
    before = cue.doc[cue.i - 1]
    if before.dep_ != "pobj" or before.head.lower_ != "of" or before.head.head.pos_ not in ("NOUN", "PROPN"):
        return None
    if in_quote is not None and in_quote[before.i]:
        return None
    speaks = before.pos_ == "PROPN" or before.lower_ in ("him", "her", "them") or (
        before.pos_ == "NOUN" and before.lemma_.lower() in lex.source_nouns)
    return before if speaks else None


def _dashed_aside(verb: Token, cue: Token) -> bool:
    """Whether ``verb``'s clause is an aside set off by dashes that closes before ``cue``."""
    doc = verb.doc
    left = verb.left_edge.i

    def dash(k: int) -> bool:
        return 0 <= k < len(doc) and doc[k].text in _DASHES and bool(doc[k].whitespace_)

    return dash(left - 1) and any(dash(k) for k in range(verb.i + 1, cue.i))


def _object_relative_subject(noun: Token, verb: Token) -> Token | None:
    """"Ruiz, who Bell on Monday called “…”": a relative pronoun followed by a name or a personal pronoun
    opens a clause whose object is ``noun``; that name, not ``noun``, is the verb's subject."""
    doc = noun.doc
    for k in range(noun.i + 1, verb.i - 1):
        if doc[k].lower_ not in ("who", "whom", "which"):  # not "the notion that Obama was …"
            continue
        nxt = doc[k + 1]
        if nxt.lower_ in _PERSONAL or (nxt.pos_ == "PROPN" and nxt.ent_type_ not in _WHEN):
            while nxt.dep_ in ("compound", "flat") and k + 1 < nxt.head.i < verb.i:
                nxt = nxt.head
            return nxt
        return None
    return None


def _nearer_speaker(cue: Token, subj: Token, lex: Lexicon, in_quote: np.ndarray | None) -> Token | None:
    """"The incident came at a rally, when protesters interrupted her, shouting “…”": a participle whose
    main clause has a subject that never speaks belongs to the nearest clause before it with one that does,
    else to the nearest clause above it with one."""
    doc = cue.doc

    def speaks(tok: Token) -> bool:
        quoted = in_quote is not None and in_quote[tok.i]
        return tok.dep_ in SUBJECTS and not quoted and tok.pos_ in ("NOUN", "PROPN", "PRON") and \
            _can_speak(tok, lex)

    for i in range(cue.i - 1, subj.i, -1):
        if subj.i < doc[i].head.i < cue.i and speaks(doc[i]):
            return doc[i]
    # "Bennett denied the notion that a shakeup is coming, explaining …": a person subject above it
    for verb in cue.ancestors:
        found = next((c for c in verb.children if c.i != subj.i and speaks(c) and _person(c)), None)
        if found is not None:
            return found
    return None


def _cut_sentence_root(root: Token) -> Token | None:
    """The root of the sentence before, when the parser cut a sentence where no sentence ends: the
    participle that roots the second half ("… on “Morning Joe,” calling it …") belongs to the first."""
    doc = root.doc
    i = root.sent.start - 1
    while i >= 0 and (doc[i].is_quote or doc[i].is_space) and "\n" not in doc[i].text:
        i -= 1
    if i <= 0 or doc[i].text in (".", "?", "!", ":", ";") or "\n" in doc[i].text:
        return None
    return doc[i].sent.root


def _line_subject(verb: Token, in_quote: np.ndarray | None) -> Token | None:
    """"9:34 p.m. \n\n Donald Trump has delivered …": the parser took a header line above for the
    subject; the name that opens the verb's own line, right before it (and its auxiliaries), is."""
    doc = verb.doc
    i = verb.i - 1
    while i >= 0 and doc[i].pos_ in ("AUX", "PART", "ADV") and "\n" not in doc[i].text:
        i -= 1
    if i < 0 or doc[i].pos_ not in ("PROPN", "NOUN", "PRON") or (in_quote is not None and in_quote[i]):
        return None
    return doc[i]


def _passive_agent(cue: Token, in_quote: np.ndarray) -> Token | None:
    """"… has been called “strategic ambiguity” by Ann Ruiz", "labeled a “witch hunt” by critics":
    the agent of a passive cue, also when the parser hung "by" from the quoted words."""
    children = list(cue.children)
    if any(c.dep_ == "aux" and c.lemma_ == "have" for c in children) and not any(
            c.dep_ == "auxpass" for c in children):
        return None  # "has called": active
    for t in cue.subtree:
        if t.i <= cue.i or t.i - cue.i > 15:
            continue
        if t.lower_ == "by" and t.dep_ in ("prep", "agent") and not in_quote[t.i] and (
                t.head.i == cue.i or t.head.pos_ != "VERB"):
            obj = next((o for o in t.children if o.dep_ == "pobj"), None)
            if obj is not None and obj.pos_ in ("PROPN", "NOUN", "PRON") and not in_quote[obj.i] \
                    and obj.ent_type_ not in _WHEN:
                return obj
    return None


def _author(noun: Token) -> Token:
    """"according to calculations by Ann Ruiz", "a filing made by the firm": who made the source."""
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "by":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
        if child.dep_ == "acl" and child.tag_ == "VBN":
            obj = _by_agent(child)
            if obj is not None:
                return obj
    return noun


def _by_agent(verb: Token) -> Token | None:
    """The object of a passive verb's "by" phrase ("was seen by some")."""
    by = next((c for c in verb.children if c.dep_ == "agent"), None)
    return next((o for o in by.children if o.dep_ == "pobj"), None) if by is not None else None


def _newline_between(a: Token, b: Token) -> bool:
    lo, hi = (a, b) if a.i < b.i else (b, a)
    return any("\n" in t.text for t in a.doc[lo.i : hi.i])


_INVERTING = 0.5  # share of a verb's uses that are cues for "…, <verb> Name" to read as inverted


def _inverted_subject(cue: Token, in_quote: np.ndarray, lex: Lexicon | None = None) -> Token | None:
    """“…,” wrote a supporter / …, said Geert Wilders: the parser often makes the speaker an object."""
    doc = cue.doc
    i = cue.i - 1
    while i >= 0 and doc[i].is_punct and not in_quote[i] and doc[i].text != ",":
        i -= 1
    if i < 0 or not (in_quote[i] or (doc[i].text == "," and cue.lemma_ not in _PERSON_OBJECT and (
            lex is None or lex.share.get(cue.lemma_, 0.0) >= _INVERTING))):
        return None  # "Ramos, 58, told AFP": after a plain comma, "told X" names the listener
    subjects = [c for c in cue.children if c.dep_ in SUBJECTS and not in_quote[c.i]]
    if subjects and not _fronted(subjects, cue):
        return None
    for child in cue.rights:
        if in_quote[child.i]:
            continue
        if child.dep_ in {"dobj", "attr", "dep", "nsubjpass", "appos", "oprd", "nsubj"} and \
                child.pos_ in ("PROPN", "NOUN", "PRON") and child.ent_type_ not in _WHEN:
            return child
        if child.dep_ not in {"prt", "advmod", "punct", "npadvmod"}:
            break
    # the parser hung the speaker elsewhere: take the noun phrase right after the verb
    j, n = cue.i + 1, len(doc)
    while j < n and not in_quote[j] and doc[j].pos_ in ("DET", "ADJ", "NUM") and j - cue.i < 4:
        j += 1
    # (not the first word of a hyphenated adverb: "said matter-of-factly")
    hyphenated = j + 1 < n and doc[j].is_lower and doc[j + 1].text == "-" and not doc[j].whitespace_
    if j < n and not in_quote[j] and (doc[j].pos_ in ("PROPN", "NOUN") or _mistagged_name(doc, j)) and \
            doc[j].ent_type_ not in _WHEN and not hyphenated:
        while j + 1 < n and doc[j].dep_ in ("compound", "flat") and doc[j].head.i > j and not in_quote[j + 1]:
            j = doc[j].head.i
        # (the whole name decides: "said Mr. Trump was …" is what was said, whatever "Mr." is)
        return None if _reported_subject(doc[j], cue) else doc[j]
    return None


def _reported_subject(tok: Token, cue: Token) -> bool:
    """", said the message was that …": the subject of the clause the cue reports is what was said,
    not who said it (not ", said the woman, who did not want …": a relative clause the parser misread)."""
    verb = tok.head
    return tok.dep_ in SUBJECTS and verb.dep_ == "ccomp" and verb.head.i == cue.i and verb.i > tok.i and \
        not any(t.text == "," for t in tok.doc[tok.i : verb.i])


def _mistagged_name(doc: Doc, j: int) -> bool:
    """"“…,” said Skelly, explaining …": a capitalised word the tagger took for an adverb or an
    adjective, alone between the inverted cue and the end of the clause, is the speaker's name."""
    tok = doc[j]
    after = doc[j + 1].text if j + 1 < len(doc) else "."
    return tok.is_title and tok.pos_ in ("ADV", "ADJ", "VERB", "X") and after in (",", ".", ";")


def _fronted(subjects: list[Token], cue: Token) -> bool:
    """"The flaw in the plan, says Ann Ruiz, is …": the parser took a phrase fronted before the
    comma for the subject of an inverted cue; a common noun there is what is talked about."""
    doc = cue.doc
    j = cue.i + 1
    while j < len(doc) and doc[j].pos_ == "PROPN" and doc[j].ent_type_ not in _WHEN:
        j += 1
    if j == cue.i + 1 or j >= len(doc) or doc[j].text not in (",", ".", ";"):
        return False  # "…, said Nunberg was bound": the name opens the reported clause
    before = [s for s in subjects if s.i < cue.i]  # a subject after the verb is the name itself
    return bool(before) and all(
        s.pos_ == "NOUN" and s.ent_type_ not in ("PERSON", "ORG", "NORP")
        and not any(c.dep_ in ("appos", "relcl", "acl") for c in s.children) for s in before)


def _edge_before_clause(tok: Token) -> int:
    """The last token of ``tok``'s phrase before a clause hung on a noun in it: "of supporters"
    in "an army of supporters planning protests against …" (the clause says what they do, not
    who they are)."""
    for sub in tok.subtree:
        if sub.i > tok.i and sub.dep_ in ("acl", "relcl") and sub.head.i != tok.i:
            return max(tok.i, sub.left_edge.i - 1)
    return tok.right_edge.i


def _mention(doc: Doc, head: Token, view: _DocView) -> tuple[int, int, str | None]:
    """Character span naming the speaker, and the appositive description if any."""
    left = head.left_edge.i
    for i in range(left, head.i):
        if doc[i].text in _DASHES and doc[i].whitespace_ and i > 0 and doc[i - 1].whitespace_:
            left = i + 1  # "… skew young - Pew Research": a mention never runs over a spaced dash
    while left < head.i and (view.in_quote[left] or doc[left].is_punct):
        left += 1
    right = head.i
    description = None
    for child in head.rights:
        if child.dep_ == "case":
            break  # "the mayor's claim": the owner, without the possessive ending
        if child.is_punct and child.text in ",\u2014\u2013-(":
            continue
        if child.dep_ in ("appos", "compound") and child.pos_ == "PROPN" and child.left_edge.i == right + 1:
            right = child.right_edge.i  # "the engineer Ada Brandt": the name is part of the mention
            continue
        if child.dep_ == "prep" and child.lower_ in _NAMING_PREPS and not view.in_quote[child.i]:
            right = _edge_before_clause(child)  # "a spokesperson for the agency", "Zornick of The Nation"
            continue
        if child.dep_ == "appos":
            a, b = child.left_edge.idx, child.right_edge.idx + len(child.right_edge)
            a, b = _trimmed(view.text, a, b, name=True)
            if b > a and description is None:
                description = view.text[a:b]
            break
        if child.dep_ == "cc" and any(c.dep_ == "conj" and c.pos_ == "PROPN" and c.i > child.i and
                                      c.right_edge.i == head.right_edge.i for c in head.rights):
            right = head.right_edge.i  # "the vice president for news and talk Dave Gorab": the name closes it
            break
        if child.dep_ in DESCRIPTIVE or child.is_punct or view.in_quote[child.i]:
            break
        right = child.right_edge.i
    # "Bashar al-Assad" with "al" for head: a name the parser split at its hyphen goes on after it
    while right + 2 < len(doc) and glued_hyphen(doc, right + 1) and not view.in_quote[right + 2]:
        right = name_end(doc, right + 2)
    # a comma inside the span ends the name ("Smith, 54,")
    for i in range(head.i + 1, right + 1):
        if doc[i].text == ",":
            right = i - 1
            break
    start = doc[left].idx
    end = doc[right].idx + len(doc[right])
    start, end = _trimmed(view.text, start, end, name=True)
    return start, end, description


# nouns for a body of people, which English refers back to as "they" ("the campaign … what they call")
_COLLECTIVES = {"campaign", "team", "group", "army", "party", "administration", "government", "committee",
                "council", "staff", "crowd", "company", "organization", "organisation", "coalition", "union",
                "board", "panel", "agency", "department", "network", "movement", "audience", "family",
                "delegation", "caucus", "majority", "minority", "leadership", "management", "firm"}


def _plural_group(tok: Token) -> bool:
    """A plural noun, a collective one, or a noun of a plural ("a group of voters")."""
    if tok.tag_ in ("NNS", "NNPS") or tok.lemma_.lower() in _COLLECTIVES:
        return True
    return any(o.dep_ == "pobj" and o.tag_ in ("NNS", "NNPS")
               for prep in tok.rights if prep.dep_ == "prep" and prep.lower_ == "of" for o in prep.children)


def _group_antecedent(doc: Doc, pron: Token, book: NameBook, view: _DocView) -> str | None:
    """"they" in "an army of supporters … against what they call", "it" in "the Council pledged
    sanctions against what it called …": the group that is the subject earlier in the same sentence
    (a plural or collective noun or an organisation for "they", an organisation for "it"), if any."""
    plural = pron.lower_ == "they"
    for i in range(pron.i - 1, int(view.sent_start[pron.i]) - 1, -1):
        tok = doc[i]
        if tok.dep_ != "nsubj" or view.in_quote[i] or tok.pos_ == "PRON":
            continue
        if (plural and _plural_group(tok)) or (tok.ent_type_ in ("ORG", "NORP") and
                                               (plural or tok.tag_ in ("NN", "NNP"))):
            start, end, _ = _mention(doc, tok, view)
            return _name(doc, tok, start, end, book, view)
    return None


def _name(doc: Doc, head: Token, start: int, end: int, book: NameBook, view: _DocView) -> str | None:
    low = head.lower_
    if low in ("they", "it"):
        return _group_antecedent(doc, head, book, view)
    if head.pos_ == "PRON" or low in PRONOUNS:
        return book.resolve_pronoun(low, head.idx)
    role = definite_role(head) if book.roles else None
    if role:
        person = book.resolve_role(role, head.idx)
        if person:
            return person  # "the minister" → the one minister named before
    if head.pos_ != "PROPN":
        for child in head.rights:  # "the engineer Ada Brandt"
            if child.dep_ in ("appos", "compound") and child.pos_ == "PROPN" and child.idx < end:
                head = child
                break
        else:
            owner = head.head  # "Ada Brandt, the engineer who built it, said": the name it describes
            # set off on both sides: a comma or a relative clause after it ("Ruiz, a top aide said, …" and
            # "with Tom Bell and Ann Ruiz, the candidate stated …" are misparsed subjects, not descriptions)
            after = head.right_edge.i + 1
            set_off = any(c.dep_ == "relcl" for c in head.children) or (
                after < len(doc) and (doc[after].text in (",", ")") or doc[after].text in _DASHES))
            if head.dep_ == "appos" and owner.pos_ == "PROPN" and owner.i < head.i and set_off and \
                    head.tag_ != "NNS" and owner.ent_type_ not in ("GPE", "LOC", "FAC") and \
                    not view.in_quote[owner.i] and \
                    not any(doc[k].text in _STOP for k in range(owner.i, head.i)):
                name = book.canonical(list(doc[name_start(doc, owner.i) : owner.i + 1]))
                # (a word for a person describes a person: "a young woman" is no city)
                if name and (name in book.persons or not person_noun(head.lemma_.lower())):
                    return name
    # "the minister", "a neophyte" tagged proper nouns are no names
    proper = head.pos_ == "PROPN" and not (head.is_lower and any(c.dep_ == "det" for c in head.children))
    # (a capital mid-sentence is a name, and so is one opening a sentence that is a surname of the document:
    # the tagger reads "Reyes said …" as a common noun)
    if proper or (head.text[:1].isupper() and (
            head.i > view.sent_start[head.i] or head.text in book.full_by_last)):
        # the run of proper nouns around the head ("President Donald Trump")
        lo = next((k for k in range(head.i, -1, -1) if doc[k].idx < start), -1) + 1
        hi = next((k for k in range(head.i, len(doc)) if doc[k].idx >= end), len(doc)) - 1
        i, j = name_start(doc, head.i, lo), name_end(doc, head.i, hi)
        i = min(office_trim(doc, i, j + 1), head.i)
        name = book.canonical(list(doc[i : j + 1]))
        if name:
            return name
    return view.text[start:end] or None


@dataclass
class _Found:
    cue: Token
    subject: Token | None


_STOP = {".", "?", "!"}


def _can_speak(tok: Token, lex: Lexicon) -> bool:
    """Whether a subject can be a source: a name, a pronoun, or a common noun that heads sources in news."""
    if tok.pos_ != "NOUN" or tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return True
    if not lex.source_nouns or tok.lemma_.lower() in lex.source_nouns:
        return True
    # "83% of respondents", "a majority of voters": the part speaks for the whole
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(
        o.dep_ == "pobj" and (o.pos_ != "NOUN" or o.lemma_.lower() in lex.source_nouns) for o in c.children
    ) for c in tok.children)


def _nearby_subject(doc: Doc, cue: Token, view: _DocView) -> Token | None:
    """The noun phrase just before a subjectless cue ("…,” Ramos, 58, told AFP): a misparse fallback."""
    before = doc[cue.i - 1] if cue.i > 0 else cue
    if before.tag_ == "MD" and before.text[:1].isupper() and before.i > view.sent_start[before.i] and \
            not view.in_quote[before.i] and before.head.i == cue.i:
        return before  # "…,” Will wrote.": a name the parser took for a modal
    if cue.tag_ == "VBN" and cue.dep_ == "amod" and cue.i > 0 and doc[cue.i - 1].pos_ == "PROPN" \
            and not view.in_quote[cue.i - 1]:
        return doc[cue.i - 1]  # "Trump blasted Disney": a past tense the parser read as an adjective
    if cue.tag_ == "VBN" and cue.dep_ == "amod":
        # "who has in the past described Trump as …": the parser made "has" the verb and read the
        # participle as an adjective on its object; the subject of "has" spoke
        for k in range(cue.i - 1, max(-1, cue.i - 6), -1):
            have = doc[k]
            if view.in_quote[k] or have.text in _STOP:
                break
            if have.lemma_ == "have" and have.head.i != cue.i:
                subj = next((c for c in have.children if c.dep_ in SUBJECTS and not view.in_quote[c.i]), None)
                if subj is not None:
                    return subj
                break
    if cue.tag_ == "VBN" and cue.dep_ in ("conj", "ROOT") and cue.i > 0 and not view.in_quote[cue.i - 1] \
            and not any(c.dep_ in ("aux", "auxpass") for c in cue.children):
        # "And Skelly called Braynard …": a past tense the tagger took for a participle
        before = doc[cue.i - 1]
        if before.pos_ == "PROPN" or (
                before.is_title and before.pos_ in ("ADV", "ADJ") and _named_elsewhere(before)):
            return before
    # "…,” Nate Silver, the guru who founded the site tweeted on Wednesday.": a past tense the tagger took for
    # a participle, with no auxiliary, no agent and nothing it could modify, is a finite verb here
    finite_read = cue.tag_ == "VBN" and cue.dep_ not in ("acl", "amod", "relcl", "advcl", "xcomp") and \
        not any(c.dep_ in ("aux", "auxpass", "agent") for c in cue.children)
    if cue.lower_ == "according" or cue.tag_ == "VBG" or (cue.tag_ == "VBN" and not finite_read):
        return None  # participles are handled by climbing to their clause
    named = _described_name(doc, cue, view.in_quote) or _relative_antecedent(doc, cue, view.in_quote) or \
        _closed_relative_antecedent(doc, cue, view.in_quote)
    if named is not None:
        return named
    i = cue.i - 1
    reach = 8
    while i >= 0 and cue.i - i <= reach and not view.in_quote[i]:
        tok = doc[i]
        if tok.text in _STOP or "\n" in tok.text:
            return None
        if tok.pos_ in ("PROPN", "NOUN", "PRON"):
            while tok.dep_ in ("compound", "flat") and tok.head.i < cue.i and tok.head.i > tok.i:
                tok = tok.head
            aside = _aside_start(doc, tok, cue, view.in_quote)
            if aside is not None:  # "Trump, in Kentucky, said": step over the aside
                i = aside - 1
                reach = cue.i - i + 3
                continue
            if _object_of_another(tok, cue):
                return None
            return tok
        if i == cue.i - 1 and tok.is_title and tok.pos_ in ("ADV", "ADJ") and _named_elsewhere(tok):
            return tok  # "And Skelly called …": a name the tagger took for an adverb here only
        if not (tok.is_punct or tok.pos_ in ("NUM", "ADV", "AUX", "PART")):
            return None
        i -= 1
    return None


def _object_of_another(tok: Token, cue: Token) -> bool:
    """A common noun the parse makes the object of another word ("cast doubt on the rate of 4.9
    percent, suggested …"): what that phrase is about, not who speaks (but "for voters to call it"
    names who calls it)."""
    return tok.pos_ == "NOUN" and tok.dep_ in ("pobj", "dobj") and tok.head.i != cue.i and \
        tok.head.lower_ != "for"


def _named_elsewhere(tok: Token) -> bool:
    """Whether the document tags the same capitalised word as a proper noun somewhere else."""
    return any(t.text == tok.text and t.pos_ == "PROPN" for t in tok.doc if t.i != tok.i)


def _described_name(doc: Doc, cue: Token, in_quote: np.ndarray) -> Token | None:
    """"Trump, the front-runner and poll leader after winning the primaries, said", "Obama, opening
    the museum on Saturday, said": a name before a comma, then a description up to the comma before
    the cue that hangs from the name or from a single word outside it."""
    if cue.i < 2 or doc[cue.i - 1].text != ",":
        return None
    for c in range(cue.i - 2, max(cue.i - 40, 0), -1):
        if in_quote[c] or doc[c].text in _STOP or "\n" in doc[c].text:
            return None
        if doc[c].text != ",":
            continue
        name = doc[c - 1]  # the first comma back: a description with no comma of its own
        if name.pos_ != "PROPN" or name.ent_type_ in ("GPE", "LOC") or in_quote[name.i] or c + 1 >= cue.i - 1:
            return None
        exits = {doc[k].head.i for k in range(c + 1, cue.i - 1)} - set(range(c + 1, cue.i - 1))
        return name if len(exits - {name.i}) <= 1 and not exits & {cue.i} else None
    return None


def _relative_antecedent(doc: Doc, cue: Token, in_quote: np.ndarray) -> Token | None:
    """"One attendee, who spoke on condition of anonymity, said": the parser took the relative clause
    for a clause of its own and left the cue without a subject; the noun before ", who" (past an
    adverb aside: "Ruiz, meanwhile, who …") is the one the clause describes, and speaks."""
    if cue.i < 3 or doc[cue.i - 1].text != ",":
        return None
    for c in range(cue.i - 2, max(cue.i - 40, 1), -1):
        if in_quote[c] or doc[c].text in _STOP or "\n" in doc[c].text:
            return None
        if doc[c].lower_ != "who" or doc[c - 1].text != ",":
            continue
        k = c - 1
        while k > 0 and (doc[k].text == "," or doc[k].pos_ == "ADV"):
            k -= 1
        noun = doc[k]
        if noun.pos_ not in ("PROPN", "NOUN") or in_quote[k]:
            return None
        while noun.dep_ in ("compound", "flat") and k < noun.head.i < c:
            noun = noun.head
        return noun
    return None


def _closed_relative_antecedent(doc: Doc, cue: Token, in_quote: np.ndarray) -> Token | None:
    """"Silver, the guru who founded the site tweeted": a relative clause that ends right before the
    subjectless cue (the writer left out the comma) describes who spoke: its antecedent."""
    if cue.i < 2 or in_quote[cue.i - 1]:
        return None
    tok = doc[cue.i - 1]
    for _ in range(4):
        if tok.dep_ == "relcl" and tok.right_edge.i == cue.i - 1 and tok.head.i < tok.i and \
                tok.head.pos_ in ("NOUN", "PROPN") and not in_quote[tok.head.i]:
            return tok.head
        if tok.head.i == tok.i or tok.head.i >= cue.i:
            return None
        tok = tok.head
    return None


def _aside_start(doc: Doc, tok: Token, cue: Token, in_quote: np.ndarray | None = None) -> int | None:
    """Where the aside ``tok`` sits in opens (", in Kentucky,", "who … strategy"), if it is in one.

    A noun the parser hung from the quote before it (“…” the paper's editor Ann Ruiz responded)
    is in no aside: the quote is not part of the sentence around the cue.
    """
    head = tok
    for _ in range(6):
        if head.head.i == head.i or head.head.i >= cue.i or (in_quote is not None and in_quote[head.head.i]):
            return None
        if head.dep_ in ("prep", "relcl", "acl") and head.head.pos_ in ("PROPN", "NOUN", "PRON") \
                and head.left_edge.i > 0 and doc[head.left_edge.i - 1].text == "," \
                and head.head.i < head.left_edge.i:
            return head.left_edge.i - 1
        if head.dep_ == "relcl" and head.head.i < head.i:
            return head.left_edge.i
        head = head.head
    return None


def _person(tok: Token) -> bool:
    """A name or a personal pronoun: someone who may go on to speak in the next quote."""
    if tok.lower_ in ("he", "she"):
        return True
    # (a name the NER mislabels here, "Valastro praised …", and calls a person elsewhere)
    return tok.pos_ == "PROPN" and (tok.ent_type_ in ("PERSON", "") or any(
        e.label_ == "PERSON" and tok.text in e.text.split() for e in tok.doc.ents))


def _antecedent(tok: Token) -> Token:
    """The noun a relative pronoun stands for ("Obama, who said …" → Obama), else the token itself."""
    if tok.lower_ in RELATIVE and tok.head.dep_ == "relcl" and tok.head.head.i < tok.i:
        return tok.head.head
    return tok


def _personal_head(noun: Token) -> Token:
    """"one Democrat familiar with the discussion, who added": "who" stands for a person, and the
    parser hung it from the object of a phrase on that person; climb out of the phrase."""
    for _ in range(3):
        if noun.pos_ != "NOUN" or noun.dep_ != "pobj" or noun.ent_type_ in ("PERSON", "ORG", "NORP"):
            return noun
        up = noun.head.head  # the word the "of"/"with" phrase hangs from
        if up.pos_ == "ADJ" and up.dep_ == "amod":
            up = up.head  # "familiar with …"
        if up.pos_ not in ("NOUN", "PROPN") or up.i > noun.i:
            return noun
        noun = up
    return noun


def _misread_relative(head: Token) -> Token:
    """"which the company's chief executive, Ann Ruiz, called …": the parser made "which" the subject
    and hung the real one from it; the noun after the relative word speaks, not what it stands for."""
    if head.lower_ in ("which", "that"):
        for child in head.rights:
            if child.dep_ == "nsubj" and child.pos_ in ("NOUN", "PROPN"):
                return child
    return head


def _speaker_record(doc: Doc, view: _DocView, head: Token, book: NameBook) -> dict[str, Any]:
    head = _misread_relative(head)
    antecedent = _antecedent(head)
    if antecedent.i != head.i:
        # "Obama, who called him …": the mention is "who", the name is Obama's
        a_start, a_end, description = _mention(doc, antecedent, view)
        name = _name(doc, antecedent, a_start, a_end, book, view)
        # the mention runs from the antecedent to the relative word ("a sign that"): either may be
        # read as the source, and a thing that speaks ("a headline that said") has no name
        start = min(a_start, head.idx)
        return {"name": name, "mention": _span_dict(view.text, start, head.idx + len(head)),
                "description": description}
    start, end, description = _mention(doc, head, view)
    name = _name(doc, head, start, end, book, view)
    if head.pos_ == "NOUN":
        # "the minister, Ana Lopez, told …": the appositive names whom the noun describes
        for child in head.rights:
            if child.dep_ == "appos" and child.pos_ == "PROPN" and not view.in_quote[child.i]:
                i, j = name_start(doc, child.i, head.i + 1), name_end(doc, child.i)
                proper = book.canonical(list(doc[i : j + 1]))
                if proper:
                    name, description = proper, view.text[start:end]
                break
    if name and head.pos_ != "PRON" and head.lower_ not in PRONOUNS and (
        head.pos_ == "PROPN" or name != view.text[start:end]
    ):
        book.note_person(start, name)
    elif name and head.lower_ in ("he", "she"):
        book.learn_gender(name, head.lower_)
    return {"name": name, "mention": _span_dict(view.text, start, end), "description": description}
