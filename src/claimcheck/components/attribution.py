"""Who said what: a speaker and cue for every quote, and reported speech (paraphrases).

Runs after ``claimcheck_quotes`` on the parse spaCy already made (no second pass):

* the cue is a speech verb or phrase from ``models/cues.json`` (derived from annotated
  news: said, told, added, wrote, tweeted, called, according to, …) found outside the
  quote marks in the words around the quote, up to the sentence or paragraph end; candidates
  are ranked by their evidence, in a fixed order of weight (``_cue_key``: a source,
  "according to", not inside a clause another verb reports (a relative clause that holds
  the quote is its own), a verb that cues quotes at all, tied to the quote by the parse, a
  name, pronoun or common noun that heads sources as subject, a common speech verb ("as X
  put it" too), before the quote, near); the search stops at a quoted sentence end (“….”
  Ruiz fired back); a reporting noun with an owner whose phrase holds the quote beats a verb
  that does not act on it ("go beyond Ruiz's pledge to stay “neutral”");
  the speaker is its grammatical subject (the nearer one on the verb's line), also when it
  follows the verb ("says Robert King", after a comma only for verbs that mostly report
  speech; a common noun fronted before it is what is talked about), hides behind an aside
  ("X, who replaced Y, said"; "Trump, in Kentucky, said" when the parse gives no subject),
  belongs to the main clause of a participle ("…, adding") or
  of a passive it is joined to ("X was booed and said") or that controls it ("X was prompted
  to say", "X was quick to add"), is the agent of a passive cue ("called “…” by X"), is the
  reporter of a clause the parser hung it in ("said it was early but added"), or
  is the name the parser made the root ("Bell, a coach, compared …");
* "“…” — Name" names the speaker (also with the dash glued to the quote mark); a past tense
  read as an adjective ("Trump blasted Disney") or a capitalised modal ("“…,” Will wrote")
  before a subjectless cue is the name it follows;
* a quote with no cue of its own takes the speaker of the quotation it continues (same
  group, same paragraph — a quoted clause closing its sentence too — or the paragraph
  before), or of a colon/dash introduction; a name
  alone before a colon ("Ann Ruiz: “…”", "… - Ann Ruiz: “…”" — after a dash any capitalised
  words, "… - Pew Research: “…”" —, "“….” Tom Bell: “…”", before
  any verb cue; also "From the report: “…”", "Said Ruiz: “…”") or an upper-case label opening the quoted line
  (“RUIZ: …”) names the speaker of a transcript; "“…,” the editorial read." names its source
  whatever the parser tagged "read"; a quote after a sentence whose subject is a named person
  (or he/she) doing what a cue verb does ("Ruiz praised the plan. “…”") takes that person;
  last, a quote inside a clause whose subject is a named person takes that person whatever
  the verb ("Bell pondered who might “…”"), unless it looks like a title or a scare quote;
* a verb that seldom cues speech does not make a speaker of a subject that never speaks
  (a common noun that does not head sources in annotated news: "his determination to …");
* "In a poll, 62 percent of voters said “…”": the poll is the source of the share that speaks;
* a quoted title after a preposition or a possessive (on NBC's “Meet the Press”) is a
  name, nobody's words: it keeps no speaker;
* names are resolved inside the document (:mod:`claimcheck.components.names`); "they"
  names the group that is the subject earlier in its sentence; a relative word's mention
  runs from its antecedent ("a sign that");
* paraphrases: a cue verb with a source and a complement clause ("X said (that) …",
  "X believes …", "according to X, …"); the span is the reported content, with what the
  verb says of its object ("described the delay as …") and without a trailing relative
  clause (", which …"). Only verbs that are cues in a good share of their uses report
  through an object ("denounced the deal", "rejected the plan", "declined to comment"); content
  mostly inside quote marks is left to the quote; a reporting noun with an owner and a
  complement reports too ("the mayor's claim that …", "her criticism of the budget");
  "As X reported, …" sources its main clause; a relative clause ends the content only when
  it closes it, and so does a trailing participle (", pointing to …"); a strong cue verb
  with a clause and no source in view ("it was announced that …") reports with no speaker,
  one the parse left without a subject takes the noun phrase just before it; a speech verb
  closing its sentence reports its host clause (", she said.", ", as Ruiz noted"), so does one
  set off by commas ("…, an aide said, on condition …"), and a one-word answer ("said yes");
  content stays in the cue's paragraph; a pronoun reporting inside a report is named after
  the reporter ("the firm announced it plans …");
* shapes derived from train counts (``frames``, ``noun_frames``, ``weak_routes`` in
  ``models/cues.json``): a verb or noun reports through the shapes that often carry an
  attribution in annotated news ("backs tougher rules", "plans to …", "was rejected by …",
  "is expected to …" with no source, "voiced support for …", "Republican criticism of …",
  "made the case that …"; the active subject of "favors …", "wants to …" holds the view);
  shapes a cue verb seldom reports through, or whose matches other records make anyway, are
  skipped ("continue" with an object or an infinitive); a line opened by a name and a colon
  ("Ruiz: Taxes will rise.") reports the rest, a poll cited with "in" its clause ("In a new
  poll, …", "Ruiz slipped in the polls"), and so does an adverb of hearsay ("reportedly");
* a cue inside the clause or object a stronger speech verb reports is part of the report: the
  quote belongs to the outer speaker ("Bell explained that … the firm that described it as “…”").

``doc._.attributions`` is a list of plain dicts, offsets into ``doc.text``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from spacy.attrs import DEP, IDX, LEMMA, LOWER, SENT_START, TAG
from spacy.language import Language
from spacy.tokens import Doc, Token

from claimcheck.components.names import PRONOUNS, NameBook, office_trim
from claimcheck.components.quotes import find_quotes, is_quoted_name, looks_like_scare_quote, looks_like_title

Doc.set_extension("attributions", default=None, force=True)

SUBJECTS = {"nsubj", "csubj"}  # a passive subject is what was talked about ("rights were discussed")
# children that describe the speaker rather than name them
DESCRIPTIVE = {"appos", "relcl", "acl", "advcl", "parataxis", "punct", "cc", "prep"}
_MIN_OBJECT = 2  # tokens: a one-word object ("praised Kim", "found food") is a target, not a claim
_WHEN = {"DATE", "TIME"}  # "said Tuesday": a time, never a speaker
# verbs whose object is the person spoken to: "…, told AFP" is not an inverted "said Ramos"
_PERSON_OBJECT = {"tell", "ask", "urge", "thank", "remind", "assure", "warn", "inform", "email", "call",
                  "accuse", "blame", "praise", "criticize", "invite", "brief", "advise", "text"}
_DASHES = {"\u2014", "\u2013", "\u2015", "-", "--"}
_ABOUT_PREPS = {"about", "for", "to", "of", "on", "against"}
_NAMING_PREPS = {"of", "for", "at", "from", "with"}
CLIMB = {"advcl", "xcomp", "conj", "pcomp", "ccomp", "acl", "dep", "prep", "pobj"}
RELATIVE = {"who", "that", "which", "whom"}
_PUNCT_TRIM = " ,;:\u2014\u2013-\"'\u201c\u201d\n\t()"


def _models_path() -> Path:
    try:
        from claimcheck.resources import models_path
    except ImportError:  # pragma: no cover - resources.py absent in a bare checkout
        return Path(__file__).resolve().parents[3] / "models"
    return models_path()


@dataclass(frozen=True)
class Lexicon:
    """Cue words read from ``models/cues.json``."""

    quote_cues: frozenset[str]
    paraphrase_cues: frozenset[str]
    cues: frozenset[str]  # both: a verb that reports speech may introduce a quoted fragment too
    titles: frozenset[str]
    cue_hashes: np.ndarray  # lemma hashes of the verbs that start a paraphrase
    strength: dict[str, float]  # share of a lemma's verb uses that cue a direct quote in annotated news
    share: dict[str, float]  # share of a lemma's verb uses inside any cue (quote or reported speech)
    source_nouns: frozenset[str] = frozenset()  # common nouns that head sources (official, poll, campaign)
    noun_cues: frozenset[str] = frozenset()  # nouns that report what their owner said ("her claim that …")
    frames: dict[str, tuple[str, ...]] | None = None  # verb lemma -> shapes it reports through (_frame_span)
    in_sources: frozenset[str] = frozenset()  # documents an "in" phrase cites ("In a new poll, …")
    noun_frames: dict[str, tuple[str, ...]] | None = None  # noun lemma -> "source:complement" shapes
    weak_routes: frozenset[str] = frozenset()  # "lemma shape" pairs of cue verbs that seldom report so
    word_hashes: dict[str, np.ndarray] | None = None  # lemma hashes of each word list above, for a fast scan


_REPORTING = 0.2  # a quote cue that is a cue in this share of all its uses reports speech by itself


@lru_cache(maxsize=4)
def load_lexicon(path: str | None = None) -> Lexicon:
    """The cue lexicon (cached: every pipeline in a process shares it)."""
    data = json.loads(Path(path or _models_path() / "cues.json").read_text(encoding="utf-8"))
    from spacy.strings import hash_string

    quote = frozenset(data["quote_cues"])
    para = frozenset(data["paraphrase_cues"])
    # verbs that report through an object ("rejected the deal") are looked for like paraphrase cues
    objective = frozenset(data.get("object_cues", ()))
    # quote cues that are cues in most of their uses also report speech without quote marks
    support = data.get("support", {})
    reporting = frozenset(
        w for w in quote if w in support and support[w][0] / max(support[w][2], 1) >= _REPORTING
    )
    return Lexicon(
        quote_cues=quote,
        paraphrase_cues=para,
        cues=quote | para,
        titles=frozenset(t.lower() for t in data.get("titles", [])),
        cue_hashes=np.array(sorted(hash_string(w) for w in para | reporting | objective | {"accord"}),
                            dtype=np.uint64),
        strength={w: v[1] / max(v[2], 1) for w, v in support.items()},
        share={w: v[0] / max(v[2], 1) for w, v in support.items()},
        source_nouns=frozenset(data.get("source_nouns", [])),
        noun_cues=frozenset(data.get("noun_cues", {})),
        frames={w: tuple(f) for w, f in data.get("frames", {}).items()},
        in_sources=frozenset(data.get("in_sources", {})),
        noun_frames={w: tuple(f) for w, f in data.get("noun_frames", {}).items()},
        weak_routes=frozenset(data.get("weak_routes", ())),
        word_hashes={key: _lemma_hashes(data.get(key, ())) for key in ("noun_cues", "frames", "noun_frames",
                                                                       "in_sources")},
    )


# ---------------------------------------------------------------------------- helpers


def _span_dict(text: str, start: int, end: int) -> dict[str, Any]:
    return {"text": text[start:end], "start": start, "end": end}


def _trimmed(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in _PUNCT_TRIM:
        s += 1
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


# --------------------------------------------------------------------------- speakers


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
            lex.strength.get(cue.lemma_, 0.0) >= _WEAK:
        agent = _passive_agent(cue, in_quote)
        if agent is not None:
            return agent
    participle = cue.tag_ == "VBG"
    tok = cue
    shared = False  # reached through "and": "X was forced to retreat and said …" — X said it
    controlled = False  # reached through "to": "X was prompted to say", "X is reported to have called"
    if cue.dep_ == "conj" and lex is not None and lex.strength.get(cue.lemma_, 0.0) >= _STRONG and \
            cue.head.dep_ == "ccomp" and cue.head.head.lemma_ in cues and cue.head.head.i < cue.head.i and \
            not any(c.dep_ in SUBJECTS for c in cue.children):
        tok = cue.head.head  # "Ruiz said it was early but added, “…”": "added" hung inside the report
    for _ in range(5):
        subj = None
        for child in tok.children:
            passive = child.dep_ == "nsubjpass" and (tok.lemma_ == "quote" or shared or controlled)
            if (child.dep_ in SUBJECTS or passive) and (in_quote is None or not in_quote[child.i]):
                if subj is not None and (child.i > tok.i or _newline_between(child, tok)):
                    continue
                subj = child  # of two, the one nearer before the verb ("6:50 p.m. \n … Ana Ruiz has told")
        if subj is None:
            # "by" agent of a passive cue: "was described by X as"
            for child in tok.children:
                if child.dep_ == "agent":
                    for obj in child.children:
                        if obj.dep_ == "pobj":
                            subj = obj
        if subj is not None and subj.lower_ in ("that", "which") and tok.dep_ == "relcl" and \
                tok.head.dep_ == "dobj" and tok.head.head.pos_ == "VERB":
            tok = tok.head.head  # "Trump released a video that said …": who released it speaks
            continue
        # "…, adding": a participle reports for the main clause, not for a clause in between
        # (a clause hung from the quote's words is the main clause: the parser made the quote the root)
        if subj is not None and not (participle and tok.i != cue.i and tok.dep_ in CLIMB
                                      and tok.lemma_ not in cues
                                      and not (in_quote is not None and in_quote[tok.head.i])):
            if _newline_between(subj, cue):
                return None
            return subj
        # (or the parser made the name the root and hung the verb from it: "Bell, a coach, compared …")
        hung = tok.i == cue.i and tok.pos_ == "VERB" and tok.head.dep_ == "ROOT"
        if (tok.dep_ in ("relcl", "acl") or hung) and tok.head.pos_ in ("PROPN", "NOUN", "PRON") \
                and tok.head.i < tok.i:
            noun = tok.head
            if tok.dep_ == "acl" and noun.dep_ in ("dobj", "pobj") and noun.head.pos_ == "VERB":
                # "she issued a statement saying …": the one who issued it speaks
                tok = noun.head
                continue
            return noun  # "Mitt Romney, the nominee, tweeted": the verb hangs off its subject
        # (for a quote, also up from an adjective: "Trump was quick to add that …")
        if (tok.dep_ not in CLIMB and not (tok.dep_ == "acomp" and lex is not None)) or tok.head.i == tok.i:
            return subj
        shared = tok.dep_ == "conj" and tok.i == cue.i and view is not None
        controlled = tok.dep_ == "xcomp" and tok.i == cue.i and view is not None and (
            lex is None or lex.strength.get(cue.lemma_, 0.0) >= _WEAK)
        tok = tok.head
    return None


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
            for agent in child.children:
                if agent.dep_ == "agent":
                    for obj in agent.children:
                        if obj.dep_ == "pobj":
                            return obj
    return noun


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
    if j < n and not in_quote[j] and doc[j].pos_ in ("PROPN", "NOUN") and doc[j].ent_type_ not in _WHEN:
        while j + 1 < n and doc[j].dep_ in ("compound", "flat") and doc[j].head.i > j and not in_quote[j + 1]:
            j = doc[j].head.i
        return doc[j]
    return None


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
            right = child.right_edge.i  # "a spokesperson for the agency", "Zornick of The Nation"
            continue
        if child.dep_ == "appos":
            a, b = child.left_edge.idx, child.right_edge.idx + len(child.right_edge)
            a, b = _trimmed(view.text, a, b)
            if b > a and description is None:
                description = view.text[a:b]
            break
        if child.dep_ in DESCRIPTIVE or child.is_punct or view.in_quote[child.i]:
            break
        right = child.right_edge.i
    # a comma inside the span ends the name ("Smith, 54,")
    for i in range(head.i + 1, right + 1):
        if doc[i].text == ",":
            right = i - 1
            break
    start = doc[left].idx
    end = doc[right].idx + len(doc[right])
    start, end = _trimmed(view.text, start, end)
    return start, end, description


def _group_antecedent(doc: Doc, pron: Token, book: NameBook, view: _DocView) -> str | None:
    """"they" in "an army of supporters … against what they call": the group that is the
    subject earlier in the same sentence (a plural noun or an organisation), if there is one."""
    for i in range(pron.i - 1, int(view.sent_start[pron.i]) - 1, -1):
        tok = doc[i]
        if tok.dep_ != "nsubj" or view.in_quote[i] or tok.pos_ == "PRON":
            continue
        if tok.tag_ in ("NNS", "NNPS") or tok.ent_type_ in ("ORG", "NORP"):
            start, end, _ = _mention(doc, tok, view)
            return _name(doc, tok, start, end, book, view)
    return None


def _name(doc: Doc, head: Token, start: int, end: int, book: NameBook, view: _DocView) -> str | None:
    low = head.lower_
    if low == "they":
        return _group_antecedent(doc, head, book, view)
    if head.pos_ == "PRON" or low in PRONOUNS:
        return book.resolve_pronoun(low, head.idx)
    if head.pos_ != "PROPN":
        for child in head.rights:  # "the engineer Ada Brandt"
            if child.dep_ in ("appos", "compound") and child.pos_ == "PROPN" and child.idx < end:
                head = child
                break
    if head.pos_ == "PROPN" or (head.text[:1].isupper() and head.i > view.sent_start[head.i]):
        # the run of proper nouns around the head ("President Donald Trump")
        i, j = head.i, head.i
        while i - 1 >= 0 and doc[i - 1].pos_ == "PROPN" and doc[i - 1].idx >= start:
            i -= 1
        while j + 1 < len(doc) and doc[j + 1].pos_ == "PROPN" and doc[j + 1].idx < end:
            j += 1
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
_STRONG = 0.2  # cueing a quote in this share of its uses: a speech verb proper (say, tell, add, write)
_WEAK = 0.04  # below: a verb that only now and then introduces a quote (make, take, hold)
_MAX_TAIL = 120  # characters of "he said in an interview." between a quote and the next paragraph
_LEFT_WINDOW = 60
_RIGHT_WINDOW = 40


def _find_cue(doc: Doc, view: _DocView, lex: Lexicon, ts: int, te: int) -> _Found | None:
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
    best: tuple[tuple, _Found] | None = None
    linked: set[int] | None = None
    for dist, i in candidates:
        tok = doc[i]
        according = tok.lower_ == "according"
        if not according and (tok.lemma_ not in lex.cues or tok.pos_ not in ("VERB", "AUX")):
            continue
        if linked is None:
            linked = _linked_tokens(doc, ts, te)
            governing = _governing_cues(doc, view, lex, ts, te)
        subj = _subject(tok, view, lex.cues, lex) or _nearby_subject(doc, tok, view)
        share = 1.0 if according else lex.strength.get(tok.lemma_, 0.0)
        if _as_put_it(tok):
            share = 1.0  # "as Ann Ruiz put it, …": an idiom that only ever introduces someone's words
            if subj is not None and subj.lower_ == "it":
                subj = _nearby_subject(doc, tok, view)
        if share < _WEAK and not according and subj is not None and not _can_speak(subj, lex):
            subj = None  # "his determination to turn …": a rare cue and a subject that never speaks
        if subj is not None:
            subj = _poll_source(tok, subj)
        found = _Found(tok, subj)
        score = _cue_key(found, view, lex, share, dist, i >= te, i in linked, according, i in governing)
        if best is None or score > best[0]:
            best = (score, found)
    if best is None:
        return None
    return _outer_cue(best[1], view, lex) or best[1]


def _as_put_it(tok: Token) -> bool:
    """"As Ann Ruiz put it, …", "as the memo puts it": the verb "put" with "it" in a clause opened by "as"."""
    if tok.lemma_ != "put":
        return False
    children = list(tok.children)
    return any(c.lower_ == "it" for c in children) and (
        any(c.lower_ == "as" and c.dep_ in ("mark", "advmod", "prep") for c in children)
        or tok.left_edge.lower_ == "as")


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
    return subj


def _ends_sentence(doc: Doc, i: int) -> bool:
    """A closing quote mark after a full stop (“… a failed candidate.”): the sentence ends there."""
    return doc[i].text in _CLOSING and i > 0 and doc[i - 1].text == "." and (
        i + 1 >= len(doc) or doc[i + 1].is_title or doc[i + 1].is_space)


_PERSONAL = {"he", "she", "i", "we", "they", "you", "it"}


def _cue_key(found: _Found, view: _DocView, lex: Lexicon, share: float, dist: int, after: bool,
             linked: bool, according: bool, governs: bool = False) -> tuple:
    """How likely a candidate cue is the quote's own, as a sort key: evidence in order of weight.

    A cue with a source first, "according to X" above all (it names the source of the whole
    sentence); not a cue inside a clause another verb reports ("said the group had called …")
    or a relative clause; a verb that cues quotes at least now and then; a cue the parse ties
    to the quote; a name or a pronoun or a common noun that heads sources in news as its
    subject rather than another noun or a relative word; a common speech verb; a cue before
    the quote; the nearest.
    """
    tok, subj = found.cue, found.subject
    strong = 2 if share >= _STRONG else 1 if share >= _WEAK else 0
    if subj is None:
        return (False, False, False, strong >= 1, linked, 0, strong == 2, strong, not after, -dist)
    subj = _antecedent(subj)  # "Tom Bell, who said": ranked as the name
    low = subj.lower_
    if subj.pos_ == "PROPN" or low in _PERSONAL:
        who = 2
    elif subj.pos_ == "NOUN" and low not in RELATIVE and lex.source_nouns:
        who = 2 if subj.lemma_.lower() in lex.source_nouns else 0  # "a man yelled", "the study concluded"
    elif subj.pos_ == "NOUN" and low not in RELATIVE:
        who = 1  # no nouns known to head sources: any common noun may
    else:
        who = 0
    embedded = tok.dep_ in ("ccomp", "relcl") and not according and _outer_cue(found, view, lex) is None
    # a clause that holds the quote is its own cue when it is a relative clause ("Beck, who said
    # there were “…”") or no speech verb reports it ("he hopes voters will call it “…”")
    if embedded and governs:
        embedded = tok.dep_ != "relcl" and any(
            a.pos_ == "VERB" and a.lemma_ in lex.cues and not view.in_quote[a.i] for a in tok.ancestors)
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
        if tok.dep_ in _REPORTED_DEPS and head.pos_ in ("VERB", "AUX") and head.lemma_ in lex.cues and \
                lex.strength.get(head.lemma_, 0.0) > share:
            subj = _subject(head, view, lex.cues)
            return _Found(head, subj) if subj is not None else None
        tok = head
    return None


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
    if cue.lower_ == "according" or cue.tag_ in ("VBG", "VBN"):
        return None  # participles are handled by climbing to their clause
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
            return tok
        if not (tok.is_punct or tok.pos_ in ("NUM", "ADV", "AUX", "PART")):
            return None
        i -= 1
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


def _governing_cues(doc: Doc, view: _DocView, lex: Lexicon, ts: int, te: int) -> set[int]:
    """The nearest cue verbs above the quote in the parse: the verbs whose clauses hold the quote.

    A quote closing on a comma with a cue after it that holds it ("“…,” the paper reported")
    is that cue's, whatever the parser hung from a cue before it.
    """
    out: set[int] = set()
    for tok in doc[ts:te]:
        head = tok.head
        if ts <= head.i < te or head.i == tok.i:
            continue
        for _ in range(4):
            if view.in_quote[head.i]:
                break
            if head.pos_ == "VERB" and head.lemma_ in lex.cues:
                out.add(head.i)
                break
            if head.head.i == head.i:
                break
            head = head.head
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


def _dash_speaker(doc: Doc, view: _DocView, te: int) -> Token | None:
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
            return None
        if view.in_quote[i] or tok.pos_ != "VERB" or tok.lemma_ not in lex.cues:
            continue
        subj = _subject(tok, view, lex.cues, lex)
        if subj is not None and subj.i >= p0 and (
            lex.strength.get(tok.lemma_, 0.0) >= _STRONG or _person(subj)
        ):
            return _Found(tok, subj)
    return None


def _person(tok: Token) -> bool:
    """A name or a personal pronoun: someone who may go on to speak in the next quote."""
    return tok.lower_ in ("he", "she") or (tok.pos_ == "PROPN" and tok.ent_type_ in ("PERSON", ""))


def _label_speaker(doc: Doc, view: _DocView, colon: int) -> Token | None:
    """"Name: “…”" — a name alone before a colon labels the quote (transcripts, round-ups).

    The name (a run of proper nouns, maybe followed by a parenthesis such as a party tag)
    must open its line or follow a dash, so that "… as the report by Smith: “…”" stays a clause.
    """
    j = colon - 1
    if doc[j].text == ")":
        while j > 0 and doc[j].text != "(" and colon - j < 12:
            j -= 1
        j -= 1
    if j < 0 or doc[j].pos_ != "PROPN" or view.in_quote[j]:
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


def _colon_label(doc: Doc, view: _DocView, ts: int) -> _Found | None:
    """"Pollsters agree - Carl Bialik: “…”": a name labelling the quote beats any verb before it."""
    i = ts - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    if i > 0 and doc[i].text == ":" and not view.in_quote[i]:
        label = _label_speaker(doc, view, i) or _dash_label(doc, view, i)
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
    "catchphrase",
})


def _owned_noun_cue(doc: Doc, view: _DocView, lex: Lexicon, ts: int, te: int) -> _Found | None:
    """A quote inside the phrase of a reporting noun with an owner: "Clinton's assertion of a
    “claim of right”", "their chants of “Lock her up!”": the owner said it, no verb needed."""
    i = ts - 1
    while i >= 0 and ts - i < _LEFT_WINDOW:
        tok = doc[i]
        if "\n" in tok.text or (tok.text in _STOP and not view.in_quote[i]):
            break
        if not view.in_quote[i] and tok.pos_ == "NOUN" and (
                tok.lemma_.lower() in lex.noun_cues or tok.lemma_.lower() in _SPEECH_NOUNS) \
                and tok.left_edge.i <= ts and te - 1 <= tok.right_edge.i + 1:
            owner = next((c for c in tok.children if c.dep_ == "poss" and not view.in_quote[c.i]), None)
            if owner is not None:
                return _Found(tok, owner)
        i -= 1
    return None


def _clause_speaker(doc: Doc, view: _DocView, ts: int, te: int, lex: Lexicon) -> _Found | None:
    """A quote left without a speaker inside a clause whose subject is a person ("Bell pondered
    who might “…”") or a noun that heads sources ("the ad"): whatever the verb, the words are theirs."""
    for tok in doc[ts:te]:
        head = tok.head
        if ts <= head.i < te or head.i == tok.i:
            continue
        for _ in range(3):  # the nearest verb above the quote, outside it
            if head.pos_ in ("VERB", "AUX") or head.head.i == head.i:
                break
            head = head.head
        if head.pos_ not in ("VERB", "AUX") or view.in_quote[head.i] or int(view.sent_start[head.i]) != \
                int(view.sent_start[min(ts, len(doc) - 1)]):
            return None
        subj = _subject(head, view)
        source = subj is not None and subj.pos_ in ("NOUN", "PROPN") and \
            subj.lemma_.lower() in lex.source_nouns
        if subj is not None and not view.in_quote[subj.i] and (_person(subj) or source):
            return _Found(head, subj)
        return None
    return None


def _frame_cue(doc: Doc, view: _DocView, ts: int, te: int, lex: Lexicon | None = None) -> _Found | None:
    """A quote with no speech verb near it, framed the way news frames one anyway.

    * "X <verb> …: “…”" — the clause before a colon introduces the quote (also from the
      end of the paragraph before);
    * "“…,” X <verb>." — a quoted sentence ending in a comma, ?, ! is followed by its
      attribution whatever the verb ("Trump barked").
    """
    n = len(doc)
    i = ts - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    if i > 0 and doc[i].text == ":" and not view.in_quote[i]:
        label = _label_speaker(doc, view, i)
        if label is not None:
            return _Found(doc[i], label)
        root = doc[int(view.sent_start[i - 1])].sent.root
        verb = doc[i - 1]
        while verb.head.i != verb.i and verb.head.i < i:
            verb = verb.head
        for head in (verb, root):
            subj = _subject(head, view)
            if subj is not None and subj.i < i:
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
                    return _Found(tok, subj)
                break
        if lex is not None:
            return _tagged_tail(doc, view, lex, te)
    return None


_PHRASE_POS = {"DET", "ADJ", "NOUN", "PROPN", "PRON"}


def _tagged_tail(doc: Doc, view: _DocView, lex: Lexicon, te: int) -> _Found | None:
    """"“…,” the editorial read.": a noun phrase and a cue word closing the sentence, whatever
    the parser took the cue word for (a noun, an adjective)."""
    n = len(doc)
    j = te
    while j < n and j - te < 7 and doc[j].pos_ in _PHRASE_POS and not view.in_quote[j]:
        j += 1
    if j - te < 2 or (j < n and doc[j].text not in _STOP and "\n" not in doc[j].text):
        return None  # a phrase and the cue word, ending the sentence
    cue, head = doc[j - 1], doc[j - 2]
    said = cue.lower_ in lex.quote_cues or cue.lemma_ in lex.quote_cues
    if said and (head.pos_ in ("NOUN", "PROPN", "PRON") or (head.pos_ == "ADJ" and doc[j - 3].pos_ == "DET")):
        return _Found(cue, head)
    return None


# ------------------------------------------------------------------------- component


class Attributor:
    """spaCy component: sets ``doc._.attributions`` (quotes with speakers, paraphrases)."""

    def __init__(self, nlp: Language, name: str, lexicon_path: str | None = None,
                 paraphrases: bool = True) -> None:
        self.name = name
        self.lexicon = load_lexicon(lexicon_path)
        self.paraphrases = paraphrases

    def __call__(self, doc: Doc) -> Doc:
        quotes = doc._.quotes
        if quotes is None:
            quotes = doc._.quotes = find_quotes(doc.text)
        doc._.attributions = attribute(doc, quotes, self.lexicon, paraphrases=self.paraphrases)
        return doc


def _antecedent(tok: Token) -> Token:
    """The noun a relative pronoun stands for ("Obama, who said …" → Obama), else the token itself."""
    if tok.lower_ in RELATIVE and tok.head.dep_ == "relcl" and tok.head.head.i < tok.i:
        return tok.head.head
    return tok


def _speaker_record(doc: Doc, view: _DocView, head: Token, book: NameBook) -> dict[str, Any]:
    if head.lower_ in RELATIVE and head.head.dep_ == "relcl" and head.head.head.i < head.i:
        # "Obama, who called him …": the mention is "who", the name is Obama's
        antecedent = head.head.head
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
                i, j = child.i, child.i
                while i - 1 > head.i and doc[i - 1].pos_ == "PROPN":
                    i -= 1
                while j + 1 < len(doc) and doc[j + 1].pos_ == "PROPN":
                    j += 1
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


def attribute(doc: Doc, quotes: list[dict[str, Any]], lex: Lexicon, paraphrases: bool = True
              ) -> list[dict[str, Any]]:
    """Attribution records for ``doc``: one per quote, in order, then the paraphrases."""
    text = doc.text
    book = NameBook.from_doc(doc, lex.titles)
    view = _DocView(doc, quotes, text)
    _note_subjects(doc, book)
    records: list[dict[str, Any]] = []
    for q, (ts, te) in zip(quotes, view.quote_tokens, strict=True):
        rec: dict[str, Any] = {"kind": "quote", "start": q["start"], "end": q["end"], "group": q["group"],
                               "cue": None, "speaker": None}
        label = _SPEAKER_LABEL.match(text, q["start"], q["end"])
        if label is not None:
            # a transcript line quoted whole: “SMITH: Well, …” names its speaker
            rec["cue"] = _span_dict(text, label.end(1), label.end(1) + 1)
            name = book.canonical(label.group(1).title().split()) or label.group(1)
            rec["speaker"] = {"name": name, "mention": _span_dict(text, label.start(1), label.end(1)),
                              "description": None}
        elif len(doc) and ts < len(doc):
            found = _colon_label(doc, view, ts) or _find_cue(doc, view, lex, ts, min(te, len(doc)))
            owned = _owned_noun_cue(doc, view, lex, ts, min(te, len(doc))) if found is not None else None
            if owned is not None and found.cue.lower_ != "according" and not (
                    owned.cue.left_edge.i <= found.cue.i <= owned.cue.right_edge.i) and \
                    not _acts_on(found.cue, owned.cue) and not (ts > 0 and doc[ts - 1].lower_ == "as"):
                found = owned  # "worries expressed by X go beyond Ruiz's pledge to stay “neutral”"
            if found is not None:
                c = found.cue
                cue_end = c.idx + len(c)
                if c.lower_ == "according" and c.i + 1 < len(doc):
                    cue_end = doc[c.i + 1].idx + len(doc[c.i + 1])
                rec["cue"] = _span_dict(view.text, c.idx, cue_end)
                if found.subject is not None:
                    rec["speaker"] = _speaker_record(doc, view, found.subject, book)
            else:
                dash = _dash_speaker(doc, view, min(te, len(doc)))
                framed = _frame_cue(doc, view, ts, min(te, len(doc)), lex) if dash is None else None
                if dash is not None:
                    rec["speaker"] = _speaker_record(doc, view, dash, book)
                elif framed is not None:
                    c = framed.cue
                    rec["cue"] = _span_dict(view.text, c.idx, c.idx + len(c))
                    rec["speaker"] = _speaker_record(doc, view, framed.subject, book)
                else:
                    owned = _owned_noun_cue(doc, view, lex, ts, min(te, len(doc)))
                    if owned is not None:
                        c = owned.cue
                        rec["cue"] = _span_dict(view.text, c.idx, c.idx + len(c))
                        rec["speaker"] = _speaker_record(doc, view, owned.subject, book)
        records.append(rec)
    named = {k for k, q in enumerate(quotes) if is_quoted_name(text, q)}
    for k in named:
        records[k]["speaker"] = records[k]["cue"] = None  # the name of a show or a book is nobody's words
    _propagate(records, quotes, text, named)
    for rec, q, (ts, _te) in zip(records, quotes, view.quote_tokens, strict=True):
        if rec["speaker"] is None and not q["partial"] and ts < len(doc):
            found = _previous_sentence_cue(doc, view, lex, ts)
            if found is not None and lex.strength.get(found.cue.lemma_, 0.0) < _STRONG and \
                    looks_like_title(text[q["start"] : q["end"]]):
                found = None  # a title after "X praised the book.": a name, not X's words
            if found is not None:
                rec["cue"] = _span_dict(view.text, found.cue.idx, found.cue.idx + len(found.cue))
                rec["speaker"] = _speaker_record(doc, view, found.subject, book)
    for k, (rec, q, (ts, te)) in enumerate(zip(records, quotes, view.quote_tokens, strict=True)):
        words = text[q["start"] : q["end"]]
        if rec["speaker"] is None and k not in named and ts < len(doc) and \
                not looks_like_scare_quote(words, q["partial"]) and not looks_like_title(words):
            found = _clause_speaker(doc, view, ts, min(te, len(doc)), lex)
            if found is not None:
                rec["cue"] = _span_dict(view.text, found.cue.idx, found.cue.idx + len(found.cue))
                rec["speaker"] = _speaker_record(doc, view, found.subject, book)
    if paraphrases and len(doc):
        records.extend(_paraphrases(doc, view, lex, book))
    return records


# an upper-case speaker label opening a quoted transcript line: “SMITH: …”, “MR. SMITH: …”
_SPEAKER_LABEL = re.compile(r"([A-Z][A-Z.'\u2019-]*[A-Z](?: [A-Z][A-Z.'\u2019-]*[A-Z]){0,2}):\s")


def _note_subjects(doc: Doc, book: NameBook) -> None:
    """Singular proper-noun subjects are who a later "he"/"she" most likely means."""
    strings = doc.vocab.strings
    arr = doc.to_array([DEP, TAG])
    for k in np.flatnonzero((arr[:, 0] == strings["nsubj"]) & (arr[:, 1] == strings["NNP"])):
        tok = doc[int(k)]
        i = tok.i
        while i - 1 >= 0 and doc[i - 1].pos_ == "PROPN":
            i -= 1
        name = book.canonical(list(doc[i : tok.i + 1]))
        if name:
            book.note_person(tok.idx, name)
    lower = doc.to_array([LOWER]).reshape(-1)
    pronoun_subjects = (arr[:, 0] == strings["nsubj"]) & np.isin(lower, [strings["he"], strings["she"]])
    for k in np.flatnonzero(pronoun_subjects):
        tok = doc[int(k)]
        book.vote_gender(tok.lower_, tok.idx)
    book.settle_genders()


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
                    p["speaker"], p["cue"] = rec["speaker"], rec["cue"]
            pending = [p for p in pending if p["speaker"] is None]
        elif rec["group"] in last_in_group:
            src = last_in_group[rec["group"]]
            rec["speaker"], rec["cue"] = src["speaker"], src["cue"]
        else:
            pending.append(rec)
    para_of = [text.rfind("\n", 0, q["open"]) + 1 for q in quotes]
    for k in range(1, len(records)):
        rec, q = records[k], quotes[k]
        prev = records[k - 1]
        if rec["speaker"] is not None or prev["speaker"] is None or (
                q["partial"] and not (para_of[k] == para_of[k - 1] and _closing_clause(text, q, k in named))):
            continue
        same_paragraph = para_of[k] == para_of[k - 1]
        if same_paragraph or (q["open"] == para_of[k] and _adjacent(text, quotes[k - 1], q, prev)):
            rec["speaker"], rec["cue"] = prev["speaker"], prev["cue"]
    for k in range(len(records) - 2, -1, -1):
        rec, q = records[k], quotes[k]
        nxt = records[k + 1]
        if rec["speaker"] is not None or q["partial"] or nxt["speaker"] is None:
            continue
        if para_of[k] == para_of[k + 1] and _adjacent(text, q, quotes[k + 1]):
            rec["speaker"], rec["cue"] = nxt["speaker"], nxt["cue"]


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
    if not between.strip(" \n\t.,"):
        return True
    if a_rec is None or len(between) > _MAX_TAIL:
        return False
    # the tail of a's sentence holds a's own cue and speaker
    spans = [a_rec.get("cue"), (a_rec.get("speaker") or {}).get("mention")]
    return any(s is not None and end_a <= s["start"] < b["open"] for s in spans) and \
        between.rstrip().endswith((".", ":"))


# ----------------------------------------------------------------------- paraphrases


_QUOTED_CONTENT = 0.9  # reported content quoted beyond this share is the quote's own claim


def _lemma_hashes(words: Any) -> np.ndarray:
    """Hashes of the lemmas (as written and capitalised: a headline's "Poll") for ``np.isin`` scans."""
    from spacy.strings import hash_string

    return np.array(sorted({hash_string(v) for w in words for v in (w, w.capitalize())}), dtype=np.uint64)


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
        if tok.pos_ not in ("VERB", "AUX") and tok.lower_ != "according":
            continue  # "the state of Ohio": the noun that shares a cue verb's lemma reports nothing
        route: list[str] = []
        content = _content(doc, tok, lex.share.get(tok.lemma_, 0.0) >= _TOPIC_SHARE, route,
                           lex.strength.get(tok.lemma_, 0.0))
        if content is None or (route and f"{tok.lemma_.lower()} {route[0]}" in lex.weak_routes):
            continue  # "continued to struggle": a shape the verb seldom reports through in annotated news
        cs, ce = _same_paragraph(doc, tok, *content, view.text)
        # content already inside a quote is the quote's
        if ce <= cs or view.in_quote[cs:ce].mean() > _QUOTED_CONTENT:
            continue
        subj = _paraphrase_subject(tok, view, lex)
        if subj is None:
            if lex.share.get(tok.lemma_, 0.0) < _UNNAMED_SHARE or not _reports_clause(tok, cs):
                continue
        elif subj.i in range(cs, ce) or view.in_quote[_antecedent(subj).i]:
            continue  # a source inside quote marks is a quoted word (the many “defectors” who …)
        elif lex.strength.get(tok.lemma_, 0.0) < _WEAK and (
            subj.pos_ in ("VERB", "AUX") or not _can_speak(_antecedent(subj), lex)
        ):
            continue  # "an annual session to discuss …", "Complicating matters, …": no source
        while cs < ce and doc[cs].dep_ == "mark" and doc[cs].lower_ == "that":
            cs += 1
        if cs >= ce:
            continue
        a, b = _trimmed(view.text, doc[cs].idx, doc[ce - 1].idx + len(doc[ce - 1]))
        while b > a and view.text[b - 1] in ".!?":
            b -= 1
        if b <= a:
            continue
        cue_end = tok.idx + len(tok)
        if tok.lower_ == "according" and tok.i + 1 < len(doc):
            cue_end = doc[tok.i + 1].idx + len(doc[tok.i + 1])
        if subj is None:
            subj = _unparsed_source(doc, view, lex, tok, cs, ce)
        out.append({"kind": "paraphrase", "start": a, "end": b, "group": None,
                    "cue": _span_dict(view.text, tok.idx, cue_end),
                    "speaker": _source_record(doc, view, subj, book) if subj is not None else None})
        done.add(tok.i)
    if lex.noun_cues:
        out.extend(_nominal_paraphrases(doc, view, lex, book, lemmas))
    if lex.noun_frames:
        nouns = {r["cue"]["start"] for r in out}
        out.extend(_noun_frame_paraphrases(doc, view, lex, book, nouns, lemmas))
    if lex.frames:
        out.extend(_frame_paraphrases(doc, view, lex, book, done, lemmas))
    out.extend(_label_paraphrases(doc, view, book))
    out.extend(_hearsay_paraphrases(doc, view))
    if lex.in_sources:
        out.extend(_in_source_paraphrases(doc, view, lex, book, lemmas))
    return out


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
        a, b = _trimmed(view.text, cut, mention["end"])
        if b > a:
            rec["mention"] = _span_dict(view.text, a, b)
    return rec


_UNNAMED_SHARE = 0.5  # a verb reporting in this share of its uses reports a clause with no source in view


def _reports_clause(cue: Token, cs: int) -> bool:
    """The content is a complement clause after the verb ("it was announced that …")."""
    return cue.lower_ != "according" and any(c.dep_ == "ccomp" and c.i > cue.i for c in cue.children) \
        and cs > cue.i


def _paraphrase_subject(cue: Token, view: _DocView, lex: Lexicon) -> Token | None:
    """:func:`_subject`, else the verb's own subject nearest before it on its line: a dateline or a
    time stamp the parse made a second subject ("9:30 p.m. / Ruiz says …") does not hide the speaker."""
    subj = _subject(cue, view, lex.cues)
    if subj is not None:
        return subj
    near = [c for c in cue.lefts
            if c.dep_ in SUBJECTS and not view.in_quote[c.i] and not _newline_between(c, cue)]
    if near:
        return near[-1]
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


_NOUN_PREPS = {"of", "for", "on", "about", "against", "to"}


def _nominal_paraphrases(doc: Doc, view: _DocView, lex: Lexicon, book: NameBook,
                         lemmas: np.ndarray | None = None) -> list[dict[str, Any]]:
    """"Smith's claim that …", "her attack on the plan": a reporting noun, its owner, its complement."""
    out: list[dict[str, Any]] = []
    if lemmas is None:
        lemmas = doc.to_array([LEMMA]).reshape(-1).astype(np.uint64)
    for tok in _scan(doc, lemmas, lex, "noun_cues"):
        if tok.pos_ != "NOUN" or view.in_quote[tok.i] or tok.lemma_.lower() not in lex.noun_cues:
            continue
        owner = next((c for c in tok.children if c.dep_ == "poss" and not view.in_quote[c.i]), None)
        if owner is None:
            continue
        span = None
        for child in tok.rights:
            if child.dep_ == "prep" and child.lower_ in _NOUN_PREPS:
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
                    "speaker": _speaker_record(doc, view, owner, book)})
    return out


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
        if head.i == cue.i:
            return None
        sent = cue.sent
        # the sentence the "according to X" phrase sources, on the longer side of the phrase
        lo, hi = sent.start, sent.end
        a, b = cue.left_edge.i, cue.right_edge.i + 1
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
    for dep in ("ccomp", "xcomp", "dobj"):
        child = by_dep.get(dep)
        if child is None or (dep != "ccomp" and (child.i < cue.i or not topical)):
            continue
        if dep != "ccomp" and _aside_cue(doc, cue, child):
            break  # "…, he said, on condition of anonymity to speak freely": the host clause is the report
        a, b = child.left_edge.i, child.right_edge.i + 1
        if dep == "ccomp" and a < cue.i < child.i:
            a = cue.i + 1  # "which she said was unfair": the relative word is fronted over the cue
        if dep == "dobj":
            b = _predicate_end(cue, child, b)
        short = strength >= _STRONG and child.lower_ in _SHORT_REPORTS
        if dep == "dobj" and b - a < _MIN_OBJECT and not short:
            continue  # "praised Kim": a target, not something reported
        if route is not None:
            route.append(dep)
        return (a, _nonrestrictive_cut(doc, a, b))
    word = next((c for c in cue.rights if c.dep_ in ("intj", "advmod", "dobj") and c.lower_ in _SHORT_REPORTS
                 and c.i <= cue.i + 2), None)
    if word is not None and strength >= _STRONG:
        # "75 percent said yes", "neither side would say so"
        if route is not None:
            route.append("word")
        return (word.i, word.i + 1)
    prep = by_dep.get("prep")
    if topical and prep is not None and prep.lower_ in _ABOUT_PREPS and prep.i == cue.i + 1:
        for obj in prep.children:
            if obj.dep_ in ("pobj", "pcomp"):
                if route is not None:
                    route.append("prep")
                return (obj.left_edge.i, obj.right_edge.i + 1)
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
        # "Otherwise, she said, countries may …": the clause around the parenthetical
        head = cue.head
        a, b = cue.left_edge.i, cue.right_edge.i + 1
        lo, hi = head.left_edge.i, head.right_edge.i + 1
        if route is not None:
            route.append("parataxis")
        return (lo, a) if a - lo >= hi - b else (b, hi)
    return None


def _tail_report(doc: Doc, cue: Token, strength: float) -> tuple[int, int] | None:
    """"Taxes will rise, she said." and "… changed, as Ruiz has acknowledged": a cue the parse hung
    as an adverbial clause after what it reports; the content is its host clause up to the cue."""
    head = cue.head
    subj = next((c for c in cue.lefts if c.dep_ in SUBJECTS), None)
    if cue.dep_ != "advcl" or head.i >= cue.i or subj is None or strength < _STRONG:
        return None  # "as the party looks to …", "as it goes": a time, not a report
    a = cue.left_edge.i
    marked = doc[a].dep_ == "mark" and doc[a].lower_ == "as" and doc[a].head.i == cue.i
    if not marked:
        # "…, she said.": the subject right after a comma, the sentence ending after the verb
        # (the parse may have hung an earlier clause on the verb: its left edge is not the comma)
        a = subj.left_edge.i
        end = cue.right_edge.i + 1
        closing = end >= len(doc) or doc[end].text in _STOP or "\n" in doc[end].text
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


def _aside_cue(doc: Doc, cue: Token, child: Token) -> bool:
    """"…, he said, on condition …": a cue set off by commas inside its host clause, whose object or
    infinitive comes only after the closing comma."""
    return cue.dep_ == "parataxis" and cue.left_edge.i > 0 and doc[cue.left_edge.i].text == "," and any(
        t.text == "," for t in doc[cue.i + 1 : child.left_edge.i])


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


def _predicate_end(cue: Token, obj: Token, b: int) -> int:
    """End of "called the lines “unacceptable”", "described X as Y": what the verb says of its object.

    The verb's complements right after the object belong to what is reported; a comma ends them.
    """
    for child in cue.rights:
        if child.i < b:
            continue
        if child.left_edge.i != b or child.dep_ not in _PREDICATE_DEPS:
            break  # the complement must start right after the object ("call it the enforcement of …")
        b = child.right_edge.i + 1
    return b


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


# ------------------------------------------------------------------ reporting frames


def _noun_frame_span(doc: Doc, noun: Token, frame: str, view: _DocView, lex: Lexicon
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
        src = _subject(noun.head, view, lex.cues)
    elif src_kind == "pverb" and noun.dep_ == "pobj" and noun.head.head.pos_ == "VERB":
        src = _subject(noun.head.head, view, lex.cues)  # "came out in support of …"
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


def _noun_frame_paraphrases(doc: Doc, view: _DocView, lex: Lexicon, book: NameBook,
                            skip: set[int], lemmas: np.ndarray) -> list[dict[str, Any]]:
    """Reporting nouns in the shapes that often carry an attribution in annotated news (``noun_frames``
    in ``models/cues.json``, derived from train counts): "voiced support for …", "criticism by …"."""
    frames = lex.noun_frames or {}
    out: list[dict[str, Any]] = []
    for tok in _scan(doc, lemmas, lex, "noun_frames"):
        if tok.pos_ != "NOUN" or tok.idx in skip or view.in_quote[tok.i]:
            continue
        for frame in frames.get(tok.lemma_.lower(), ()):
            rec = _noun_frame_record(doc, view, lex, book, tok, frame)
            if rec is not None:
                out.append(rec)
                break
    return out


NOUN_SOURCES = ("poss", "by", "verb", "pverb", "mod")


def _noun_frame_record(doc: Doc, view: _DocView, lex: Lexicon, book: NameBook, tok: Token,
                       frame: str) -> dict[str, Any] | None:
    found = _noun_frame_span(doc, tok, frame, view, lex)
    if found is None:
        return None
    src, cs, ce = found
    cs, ce = _same_paragraph(doc, tok, cs, ce, view.text)
    if ce <= cs or view.in_quote[cs:ce].mean() > _QUOTED_CONTENT:
        return None
    ce = _nonrestrictive_cut(doc, cs, ce)
    while cs < ce and doc[cs].dep_ == "mark" and doc[cs].lower_ == "that":
        cs += 1
    if cs >= ce:
        return None
    a, b = _trimmed(view.text, doc[cs].idx, doc[ce - 1].idx + len(doc[ce - 1]))
    while b > a and view.text[b - 1] in ".!?":
        b -= 1
    if b <= a:
        return None
    return {"kind": "paraphrase", "start": a, "end": b, "group": None,
            "cue": _span_dict(view.text, tok.idx, tok.idx + len(tok)),
            "speaker": _source_record(doc, view, src, book)}


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
        s, e = _trimmed(view.text, doc[cs].idx, doc[ce - 1].idx + len(doc[ce - 1]))
        while e > s and view.text[e - 1] in ".!?":
            e -= 1
        if e <= s:
            continue
        out.append({"kind": "paraphrase", "start": s, "end": e, "group": None,
                    "cue": _span_dict(view.text, prep.idx, prep.idx + len(prep)),
                    "speaker": _source_record(doc, view, tok, book)})
    return out


_HEARSAY = ("reportedly", "allegedly", "purportedly", "reputedly", "supposedly")
_HEARSAY_HASHES = _lemma_hashes(_HEARSAY)


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
        a, b = _trimmed(view.text, doc[cs].idx, doc[ce - 1].idx + len(doc[ce - 1]))
        while b > a and view.text[b - 1] in ".!?":
            b -= 1
        if b > a:
            out.append({"kind": "paraphrase", "start": a, "end": b, "group": None,
                        "cue": _span_dict(view.text, tok.idx, tok.idx + len(tok)), "speaker": None})
    return out


# a line opened by a name and a colon: "Ruiz: Taxes will rise." (a headline, a transcript turn)
_LABEL_LINE = re.compile(r"^([A-Z][\w.'\u2019-]*(?: [A-Z][\w.'\u2019-]*){0,3}):[ \t]+(\S[^\n]*)", re.M)
_LABEL_MAX = 600  # characters: a longer turn is cut at a sentence end


def _label_paraphrases(doc: Doc, view: _DocView, book: NameBook) -> list[dict[str, Any]]:
    """"Name: what they said" without quote marks: the label's words are the content."""
    out: list[dict[str, Any]] = []
    text = view.text
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
        if len(m.group(1)) < 2 or any(t.pos_ not in ("PROPN", "NOUN") for t in doc[ls:le] if not t.is_punct):
            continue  # "Q:", "Correction:", "Revealed:" open lines that nobody is named to say
        name = book.canonical(list(doc[ls:le])) or m.group(1)
        out.append({"kind": "paraphrase", "start": a, "end": b, "group": None,
                    "cue": _span_dict(text, m.end(1), m.end(1) + 1),
                    "speaker": {"name": name, "mention": _span_dict(text, m.start(1), m.end(1)),
                                "description": None}})
    return out


_SUBJECT_DEPS = ("nsubj", "nsubjpass")


def _frame_span(doc: Doc, cue: Token, frame: str) -> tuple[int, int] | None:
    """Token range a verb reports through one shape (``frame``), or None when the verb lacks it.

    ``ccomp``/``xcomp``/``advcl``/``oprd``/``acomp``: that complement ("plans to …", "seen as …");
    ``ccomp_before``: a clause before the verb ("Taxes will rise, Ruiz predicted");
    ``dobj``: the object with what the verb says of it; ``dobj_xcomp``: "urged them to …";
    ``prep_P``: the object of preposition P right after the verb ("spoke about …", "called for …");
    ``subjpass``: the subject of a passive verb whose agent is the source ("was denounced by …");
    ``subj_X``: the subject through complement X, for verbs whose subject is part of what is
    reported, by nobody named ("Ruiz is expected to win", "the plan seemed doomed").
    """
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
    if frame == "subjpass":  # "the plan was denounced by the mayor": the agent speaks of the subject
        if subj is None or subj.dep_ != "nsubjpass" or _newline_between(subj, cue):
            return None
        return (subj.left_edge.i, subj.right_edge.i + 1)
    if frame.startswith("subj_"):
        comp = kids.get(frame[5:])
        if subj is None or comp is None or _newline_between(subj, cue):
            return None
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
        return (obj.left_edge.i, obj.right_edge.i + 1)
    a, b = child.left_edge.i, child.right_edge.i + 1
    if frame == "dobj":
        b = _predicate_end(cue, child, b)
    return (a, b)


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
        for frame in shapes:
            rec = _frame_record(doc, view, lex, book, tok, frame)
            if rec is not None:
                out.append(rec)
                break
    return out


FRAMES = ("ccomp", "ccomp_before", "xcomp", "advcl", "oprd", "acomp", "dobj", "dobj_xcomp", "subjpass",
          "subj_xcomp", "subj_oprd", "subj_acomp")


def _frame_record(doc: Doc, view: _DocView, lex: Lexicon, book: NameBook, tok: Token,
                  frame: str) -> dict[str, Any] | None:
    """The paraphrase ``tok`` reports through ``frame``, with its source, or None."""
    span = _frame_span(doc, tok, frame)
    if span is None:
        return None
    cs, ce = _same_paragraph(doc, tok, *span, view.text)
    if ce <= cs or view.in_quote[cs:ce].mean() > _QUOTED_CONTENT:
        return None
    speaker = None
    if not frame.startswith("subj_"):
        subj = _paraphrase_subject(tok, view, lex)
        if subj is None or subj.i in range(cs, ce) or view.in_quote[_antecedent(subj).i] or \
                subj.pos_ in ("VERB", "AUX") or not _can_speak(_antecedent(subj), lex):
            return None
        speaker = _source_record(doc, view, subj, book)
    else:
        holder = _holder(tok, view, lex)
        if holder is not None:
            speaker = _source_record(doc, view, holder, book)
    ce = _nonrestrictive_cut(doc, cs, ce)
    while cs < ce and doc[cs].dep_ == "mark" and doc[cs].lower_ == "that":
        cs += 1
    if cs >= ce:
        return None
    a, b = _trimmed(view.text, doc[cs].idx, doc[ce - 1].idx + len(doc[ce - 1]))
    while b > a and view.text[b - 1] in ".!?":
        b -= 1
    if b <= a:
        return None
    return {"kind": "paraphrase", "start": a, "end": b, "group": None,
            "cue": _span_dict(view.text, tok.idx, tok.idx + len(tok)), "speaker": speaker}


# verbs whose subject is what is reported on, not who holds the view ("the plan seems doomed")
_RAISING = {"seem", "appear", "become", "look", "sound", "prove", "tend", "happen", "remain", "turn",
            "end", "exist", "cost", "lead", "mean", "bind", "design", "combine", "bring", "register"}


def _holder(verb: Token, view: _DocView, lex: Lexicon) -> Token | None:
    """The subject of an active verb of wanting or planning ("who wanted to …", "Ruiz plans to …"):
    whose view the complement is. A passive ("is expected to") or a raising verb has none."""
    if verb.lemma_.lower() in _RAISING or any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return None
    subj = next((c for c in verb.lefts if c.dep_ == "nsubj"), None)
    if subj is None or view.in_quote[subj.i] or _newline_between(subj, verb) or \
            subj.pos_ not in ("PROPN", "PRON", "NOUN") or not _can_speak(_antecedent(subj), lex):
        return None
    return subj


def _unparsed_source(doc: Doc, view: _DocView, lex: Lexicon, cue: Token, cs: int, ce: int) -> Token | None:
    """A cue the parse left without a subject ("Shaw said Clinton …" misread): the noun phrase
    just before it on its line, when it can speak and is not part of the content."""
    near = _nearby_subject(doc, cue, view)
    if near is None or cs <= near.i < ce or not _can_speak(_antecedent(near), lex):
        return None
    return near


# a pronoun subject of a reported clause -> the reporters it can stand for
_AGREEING = {"he": "person", "she": "person", "it": "thing", "they": "group", "we": "group"}


def _agrees(pron: Token, noun: Token) -> bool:
    kind = _AGREEING[pron.lower_]
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


@Language.factory("claimcheck_attribution", default_config={"lexicon_path": None, "paraphrases": True})
def make_attribution(nlp: Language, name: str, lexicon_path: str | None = None,
                     paraphrases: bool = True) -> Attributor:
    return Attributor(nlp, name, lexicon_path=lexicon_path, paraphrases=paraphrases)


__all__ = ["Attributor", "Lexicon", "attribute", "load_lexicon", "make_attribution"]
