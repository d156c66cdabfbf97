"""Extraction speed, parallelism, incremental re-runs and memory, each beside its baseline.

    python benchmarks/extract_bench.py [--eval-dir ../shared/eval] [--skip-rss] [--skip-workers]

Rows (issue: performance at archive scale):
- words/s of claimcheck's extraction vs bare ``nlp.pipe`` with the same model, same texts, same run;
- ``extract --workers 2`` vs one worker, wall time on the same corpus;
- a no-op re-extract of an unchanged 1,000-document corpus vs its first extract (and whether
  spaCy was imported);
- peak RSS of ``extract`` on a corpus and on ten times that corpus.

The texts are PolNeAR's (``gold-dev.jsonl`` / ``gold-train.jsonl``), written to a temporary
folder at run time and never kept.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_EVAL = REPO.parent / "shared" / "eval"


def load_texts(path: Path, limit: int | None = None) -> list[str]:
    texts = []
    with path.open(encoding="utf-8") as stream:
        for line in stream:
            texts.append(json.loads(line)["text"])
            if limit and len(texts) >= limit:
                break
    return texts


def as_documents(texts: list[str], prefix: str = "bench"):
    from claimcheck.documents import Document

    return [
        Document(
            text=t, path=f"{prefix}/{i}.txt", key="",
            doc_id=hashlib.sha256(f"{prefix}/{i}".encode()).hexdigest()[:16],
            sha256=hashlib.sha256(t.encode()).hexdigest(),
        )
        for i, t in enumerate(texts)
    ]


def words(texts: list[str]) -> int:
    return sum(len(t.split()) for t in texts)


def bench_throughput(texts: list[str], rounds: int = 2) -> dict:
    """Best of ``rounds`` alternating runs, so both sides see the same machine state."""
    import spacy

    from claimcheck.pipeline import BATCH_SIZE, annotate, load_pipeline, resolve_model

    bare = spacy.load(resolve_model())
    full = load_pipeline()
    documents = as_documents(texts)
    n_words = words(texts)
    bare_best = full_best = float("inf")
    claims = 0
    for _ in range(rounds):
        started = time.perf_counter()
        for _doc in bare.pipe(texts, batch_size=BATCH_SIZE):
            pass
        bare_best = min(bare_best, time.perf_counter() - started)
        started = time.perf_counter()
        claims = sum(len(a.claims) for a in annotate(documents, nlp=full))
        full_best = min(full_best, time.perf_counter() - started)
    return {
        "words": n_words,
        "bare_wps": n_words / bare_best,
        "claimcheck_wps": n_words / full_best,
        "ratio": bare_best / full_best,
        "claims": claims,
    }


def write_corpus(root: Path, texts: list[str]) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(texts):
        (root / f"doc_{i:05d}.txt").write_text(text, encoding="utf-8")
    return root


def run_cli(args: list[str]) -> tuple[float, dict, int]:
    """Wall time, JSON summary and peak RSS (KiB) of one ``claimcheck`` process."""
    code = (
        "import resource, sys, json\n"
        "from claimcheck.cli import main\n"
        "sys.argv = ['claimcheck'] + json.loads(sys.argv[1])\n"
        "try:\n    main()\n"
        "except SystemExit:\n    pass\n"
        # VmHWM, not ru_maxrss: Linux carries ru_maxrss over exec from the (large) parent
        "hwm = [l for l in open('/proc/self/status') if l.startswith('VmHWM')]\n"
        "rss = int(hwm[0].split()[1]) if hwm else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "sys.stderr.write('RSS=%d\\n' % rss)\n"
        "sys.stderr.write('SPACY=%d\\n' % ('spacy' in sys.modules))\n"
    )
    started = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", code, json.dumps(args)], capture_output=True, text=True,
        env={**os.environ, "NO_COLOR": "1"},
    )
    wall = time.perf_counter() - started
    rss = int(next(line[4:] for line in proc.stderr.splitlines() if line.startswith("RSS=")))
    spacy_loaded = next(line[6:] for line in proc.stderr.splitlines() if line.startswith("SPACY=")) == "1"
    summary = json.loads(proc.stdout) if proc.stdout.strip() else {}
    summary["_spacy_imported"] = spacy_loaded
    return wall, summary, rss


def split_into_documents(texts: list[str], n: int, words_each: int = 300) -> list[str]:
    """``n`` documents of about ``words_each`` words, cut from real articles at paragraph breaks."""
    documents: list[str] = []
    for text in texts:
        current: list[str] = []
        count = 0
        for paragraph in text.split("\n"):
            current.append(paragraph)
            count += len(paragraph.split())
            if count >= words_each:
                documents.append("\n".join(current))
                current, count = [], 0
                if len(documents) >= n:
                    return documents
    return documents


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL)
    parser.add_argument("--skip-workers", action="store_true")
    parser.add_argument("--skip-rss", action="store_true")
    parser.add_argument("--skip-noop", action="store_true")
    args = parser.parse_args()
    dev = args.eval_dir / "gold-dev.jsonl"
    train = args.eval_dir / "gold-train.jsonl"
    if not dev.exists() or not train.exists():
        print(f"PolNeAR gold files not found in {args.eval_dir}: nothing to benchmark.")
        return 0
    rows: list[tuple[str, str, str, str]] = []
    dev_texts = load_texts(dev)

    t = bench_throughput(dev_texts)
    rows.append((
        "extraction words/s (gold-dev texts)",
        f"{t['claimcheck_wps']:,.0f} w/s = {t['ratio']:.2f}x bare",
        ">= 0.85x",
        f"bare nlp.pipe {t['bare_wps']:,.0f} w/s",
    ))
    print(f"throughput: {t}", flush=True)

    with tempfile.TemporaryDirectory(prefix="claimcheck-bench-") as tmp:
        tmpdir = Path(tmp)
        if not args.skip_workers:
            corpus = write_corpus(tmpdir / "workers", load_texts(train, 240))
            one, _, _ = run_cli(["extract", str(corpus), "--index", str(tmpdir / "w1.db"), "--json"])
            two, _, _ = run_cli(
                ["extract", str(corpus), "--index", str(tmpdir / "w2.db"), "--workers", "2", "--json"]
            )
            rows.append(("extract --workers 2 (240 articles)", f"{two:.1f} s = {one / two:.2f}x", ">= 1.6x",
                         f"one worker {one:.1f} s"))
            print(rows[-1], flush=True)

        if not args.skip_noop:
            thousand = split_into_documents(load_texts(train), 1000)
            corpus = write_corpus(tmpdir / "thousand", thousand)
            index = tmpdir / "thousand.db"
            first, _, _ = run_cli(["extract", str(corpus), "--index", str(index), "--workers", "2", "--json"])
            noop, summary, _ = run_cli(["extract", str(corpus), "--index", str(index), "--json"])
            rows.append((
                f"no-op re-extract, {len(thousand)} documents",
                f"{noop:.2f} s wall (spaCy imported: {summary['_spacy_imported']})",
                "< 1 s, no spaCy",
                f"first extract {first:.1f} s",
            ))
            print(rows[-1], flush=True)

        if not args.skip_rss:
            base = dev_texts[:40]  # more than one batch, so the 1x run is already streaming
            small = write_corpus(tmpdir / "rss1", base)
            large = write_corpus(
                tmpdir / "rss10", [f"{t}\n\nCopy {k}." for k in range(10) for t in base]
            )
            _, _, rss1 = run_cli(["extract", str(small), "--index", str(tmpdir / "r1.db"), "--json"])
            _, _, rss10 = run_cli(["extract", str(large), "--index", str(tmpdir / "r10.db"), "--json"])
            rows.append(("peak RSS of extract, 10x corpus", f"{rss10 / 1024:.0f} MB = {rss10 / rss1:.2f}x",
                         "< 1.5x", f"1x corpus {rss1 / 1024:.0f} MB"))
            print(rows[-1], flush=True)

    width = max(len(r[0]) for r in rows)
    print()
    print(f"{'figure'.ljust(width)}  | measured | goal | baseline (same run)")
    for name, measured, goal, baseline in rows:
        print(f"{name.ljust(width)}  | {measured} | {goal} | {baseline}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
