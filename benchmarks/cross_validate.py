#!/usr/bin/env python3
"""Two-fold cross-validation of the cue lexicon inside the train split: how well it carries to unseen news.

Usage: cross_validate.py GOLD-train.jsonl [--docbin PARSED.spacy] [--keep DIR] [-- DERIVE_CUES_OPTIONS …]

The lexicon in ``models/cues.json`` is counted on the train split, so scoring train with it
flatters it (a verb seen cueing a quote once is known for that very quote), and the dev split
is too small to choose thresholds on (one error moves speaker accuracy by 0.1 point). This
splits train into two halves of articles (alternating, in file order), derives a lexicon
on each half with ``derive_cues.py`` (any options after ``--`` are passed on, to compare
settings) and scores the other half with it, then prints the scorer's figures per fold and
their mean, with the paraphrase precision (the share of predicted paraphrases that cover an
annotated content by the scorer's rule). Half the data makes each lexicon smaller than the
shipped one: compare settings with each other, not with the dev figures.

``--docbin`` reuses a parse of the gold texts (a spaCy DocBin in gold order, with entities);
without it the texts are parsed once with the bare model. A missing gold file is not an
error (exit 0): the annotated corpus is not shipped with claimcheck.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import attribution as bench  # noqa: E402  (the benchmark's prediction lines and scorer)
import derive_cues  # noqa: E402

FIGURES = ("direct_f1", "speaker_acc", "e2e_f1", "attribution_recall", "attribution_speaker_recall",
           "paraphrase_precision")


def write_half(records: list[dict], docs: list, folder: Path) -> tuple[Path, Path]:
    """One half as a gold file and a DocBin, for ``derive_cues.py``."""
    from spacy.tokens import DocBin

    gold = bench.write_jsonl(folder / "gold.jsonl", records)
    parsed = DocBin()
    for doc in docs:
        parsed.add(doc)
    parsed.to_disk(folder / "parsed.spacy")
    return gold, folder / "parsed.spacy"


def paraphrase_precision(records: list[dict], attributions: list[list[dict]]) -> float:
    """Share of predicted paraphrases covering >= half of an annotated content (and of themselves)."""
    total = hits = 0
    for rec, atts in zip(records, attributions, strict=True):
        for p in atts:
            if p["kind"] != "paraphrase":
                continue
            total += 1
            for a in rec["attributions"]:
                gold_len = sum(e - s for s, e in a["content"])
                inter = sum(max(0, min(p["end"], e) - max(p["start"], s)) for s, e in a["content"])
                if inter >= 0.5 * max(gold_len, p["end"] - p["start"]):
                    hits += 1
                    break
    return round(hits / total, 4) if total else 0.0


def score_half(records: list[dict], docs: list, lexicon: Path, folder: Path) -> dict:
    """The scorer's figures for ``records`` with the components reading ``lexicon``."""
    sys.path.insert(0, str(bench.ROOT / "src"))
    from claimcheck.components.attribution import attribute
    from claimcheck.components.lexicon import load_lexicon
    from claimcheck.components.quotes import find_quotes

    lex = load_lexicon(str(lexicon))
    attributions = [attribute(doc, find_quotes(rec["text"]), lex)
                    for rec, doc in zip(records, docs, strict=True)]
    preds = bench.write_jsonl(folder / "pred.jsonl", [
        line for rec, atts in zip(records, attributions, strict=True)
        for line in bench.predictions(rec["id"], rec["text"], atts)])
    result = bench.score(bench.write_jsonl(folder / "scored.jsonl", records), preds)
    result["paraphrase_precision"] = paraphrase_precision(records, attributions)
    return result


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    extra = argv[argv.index("--") + 1:] if "--" in argv else []
    argv = argv[: argv.index("--")] if "--" in argv else argv
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", type=Path)
    ap.add_argument("--docbin", type=Path,
                    help="the gold texts already parsed (a spaCy DocBin, in gold order)")
    ap.add_argument("--keep", type=Path, help="keep the halves, lexicons and predictions in this folder")
    args = ap.parse_args(argv)
    if not args.gold.exists():
        print(f"skipped: gold file {args.gold} not found (the annotated corpus is not part of claimcheck)")
        return 0
    records = bench.load_gold(args.gold, None)
    docs = derive_cues.parse_gold(records, args.docbin, bench.MODEL)
    work = args.keep or Path(tempfile.mkdtemp(prefix="claimcheck-cv-"))
    halves = [[k for k in range(len(records)) if k % 2 == fold] for fold in (0, 1)]
    results = []
    for fold, (derive_on, score_on) in enumerate((halves, halves[::-1])):
        folder = work / f"fold{fold}"
        gold, parsed = write_half([records[k] for k in derive_on], [docs[k] for k in derive_on], folder)
        lexicon = folder / "cues.json"
        shutil.copy(bench.ROOT / "models" / "cues.json", lexicon)  # the hand-kept fields (titles) carry over
        derive_cues.main([str(gold), "--docbin", str(parsed), "--out", str(lexicon), *extra])
        scored = [records[k] for k in score_on]
        results.append(score_half(scored, [docs[k] for k in score_on], lexicon, folder))
    print(f"{'figure':28s} {'fold 0':>8s} {'fold 1':>8s} {'mean':>8s}")
    for key in FIGURES:
        a, b = results[0][key], results[1][key]
        print(f"{key:28s} {a:8.4f} {b:8.4f} {(a + b) / 2:8.4f}")
    print(f"derive_cues options: {' '.join(extra) or '(defaults)'}; halves and predictions in {work}")
    if args.keep is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
