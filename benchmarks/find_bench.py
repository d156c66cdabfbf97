"""Benchmark ``find`` on a million-claim index against a full rapidfuzz scan.

Builds (at run time, into a temporary folder or ``--index PATH``; never committed) an index of
word windows of the PolNeAR train articles through the store's bulk import, makes queries
with typos, dropped words and short and long partial phrases from random claims (seeded),
and prints a table of figure / goal / measured / baseline:

* in-process latency of ``find`` (p50, p95) and recall@1: the query's source claim (or a
  claim with identical text) ranked first; "lenient" also counts a top claim that contains
  the words the query was made from (windows overlap, so several claims are right answers);
* the baseline: ``rapidfuzz.process.extractOne`` with ``partial_ratio`` over every claim text
  (pre-processed once, not timed), on a sample of the queries because it takes seconds each;
* a fresh ``claimcheck find`` process (file cache warm) against ``claimcheck --help``;
* import speed (claims/s), index bytes per claim, peak RSS of a fresh ``find`` process.

    PYTHONPATH=src python benchmarks/find_bench.py [--claims 1000000] [--queries 200] [--index PATH]

Skips (exit 0) when the PolNeAR file is absent, as on a user's machine.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
SRC = Path(__file__).resolve().parents[1] / "src"
if str(SRC) not in sys.path:
    sys.path.insert(0, str(SRC))

from rapidfuzz import fuzz, process, utils  # noqa: E402

from claimcheck.search import find, normalize, refresh_vocab  # noqa: E402
from claimcheck.store import Store  # noqa: E402
from corpus_windows import TRAIN_FILE, Query, iter_claims, load_articles, make_queries  # noqa: E402


def build(path: Path, n: int) -> dict[str, float]:
    """Import ``n`` window claims; return import speed and size figures."""
    articles = load_articles()
    started = time.perf_counter()
    with Store.open(path) as store:
        result = store.import_claims(iter_claims(articles, n))
        imported = time.perf_counter() - started
        t = time.perf_counter()
        store.optimize()
        optimize_s = time.perf_counter() - t
        t = time.perf_counter()
        refresh_vocab(store, force=True)
        vocab_s = time.perf_counter() - t
    print(f"imported {result.imported:,} claims in {imported:.1f} s; optimize {optimize_s:.1f} s; "
          f"vocabulary {vocab_s:.1f} s", file=sys.stderr)
    return {"claims_per_s": result.imported / imported, "optimize_s": optimize_s, "vocab_s": vocab_s}


def index_size(path: Path) -> int:
    return sum(p.stat().st_size for p in (path, Path(f"{path}-wal")) if p.exists())


def sample_claims(store: Store, n: int, seed: int) -> list[dict]:
    total = store.conn.execute("SELECT max(rowid) FROM claims").fetchone()[0]
    rowids = random.Random(seed).sample(range(1, total + 1), min(n, total))
    return [{"id": i, "text": t} for i, t in store.conn.execute(
        f"SELECT id, text FROM claims WHERE rowid IN ({','.join(map(str, rowids))})")]


def is_hit(query: Query, text: str | None, claim_id: str | None) -> tuple[bool, bool]:
    """(strict, lenient) correctness of a top answer."""
    if text is None:
        return False, False
    strict = claim_id == query.source_id or normalize(text) == normalize(query.source_text)
    return strict, strict or normalize(query.phrase) in normalize(text)


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def run_find(store: Store, queries: list[Query]) -> dict:
    for q in queries[:5]:  # warm the page cache and the planner
        find(store, q.text)
    times, strict, lenient = [], [], []
    misses: Counter = Counter()
    for q in queries:
        t = time.perf_counter()
        hits = find(store, q.text, limit=10)
        times.append(time.perf_counter() - t)
        top = hits[0].claim if hits else None
        s, le = is_hit(q, top and top["text"], top and top["id"])
        strict.append(s)
        lenient.append(le)
        if not s:
            misses[q.style] += 1
    return {"times": times, "strict": strict, "lenient": lenient, "misses": misses}


def run_scan(store: Store, queries: list[Query]) -> dict:
    """The baseline: one extractOne(partial_ratio) over every claim text per query."""
    ids, texts = [], []
    for claim_id, text in store.conn.execute("SELECT id, text FROM claims ORDER BY rowid"):
        ids.append(claim_id)
        texts.append(utils.default_process(text))
    times, strict, lenient = [], [], []
    for q in queries:
        t = time.perf_counter()
        needle = utils.default_process(q.text)
        best = process.extractOne(needle, texts, scorer=fuzz.partial_ratio, processor=None)
        times.append(time.perf_counter() - t)
        index = best[2] if best else None
        row = store.conn.execute("SELECT text FROM claims WHERE id = ?", (ids[index],)).fetchone()
        s, le = is_hit(q, row[0] if row else None, ids[index] if index is not None else None)
        strict.append(s)
        lenient.append(le)
    return {"times": times, "strict": strict, "lenient": lenient}


def fresh_process(index: Path, query: str, runs: int = 7) -> dict[str, float]:
    """Median wall time of ``claimcheck find`` and ``claimcheck --help`` as new processes, and find's RSS."""
    env_cmd = [sys.executable, "-m", "claimcheck"]

    def wall(args: list[str]) -> float:
        samples = []
        for _ in range(runs):
            t = time.perf_counter()
            subprocess.run(env_cmd + args, capture_output=True, check=False, env=_env())
            samples.append(time.perf_counter() - t)
        return statistics.median(samples)

    find_args = ["find", query, "--index", str(index), "--json"]
    probe = subprocess.run(env_cmd + find_args, capture_output=True, text=True, env=_env())
    out = {"cli_ok": float(probe.returncode in (0, 1) and '"citations"' in probe.stdout)}
    if out["cli_ok"]:
        out["find_s"], out["help_s"] = wall(find_args), wall(["--help"])
    # Peak RSS from VmHWM: ru_maxrss would carry over this (large) process's peak through fork + exec.
    code = (
        "import sys; from claimcheck.store import Store; from claimcheck.search import find; "
        f"s = Store.open({str(index)!r}, readonly=True); find(s, sys.argv[1]); "
        "print(0, [l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM')][0])"
    )
    samples, rss = [], 0.0
    for _ in range(runs):
        t = time.perf_counter()
        res = subprocess.run([sys.executable, "-c", code, query], capture_output=True, text=True, env=_env())
        samples.append(time.perf_counter() - t)
        rss = float(res.stdout.split()[1]) / 1024 if res.returncode == 0 else float("nan")
    out["library_s"] = statistics.median(samples)
    out["rss_mb"] = rss
    samples = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], capture_output=True, env=_env())
        samples.append(time.perf_counter() - t)
    out["python_s"] = statistics.median(samples)
    return out


def _env() -> dict[str, str]:
    import os

    env = dict(os.environ)
    env["PYTHONPATH"] = str(SRC) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    return env


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--scan-queries", type=int, default=40, help="queries for the (slow) full scan")
    parser.add_argument("--index", type=Path, help="index file to build, or to reuse when it exists")
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    if not TRAIN_FILE.exists():
        print(f"skipped: {TRAIN_FILE} is absent (the PolNeAR texts are not part of the repo)")
        return 0
    tmp = None
    if args.index is None:
        tmp = tempfile.TemporaryDirectory(prefix="claimcheck-find-bench-")
        args.index = Path(tmp.name) / "index.db"
    built: dict[str, float] = {}
    if not args.index.exists():
        built = build(args.index, args.claims)
    with Store.open(args.index) as store:
        refresh_vocab(store)  # no-op when current
    store = Store.open(args.index, readonly=True)
    total = store.conn.execute("SELECT count(*) FROM claims").fetchone()[0]
    queries = make_queries(sample_claims(store, args.queries * 3, args.seed), args.queries, args.seed)
    print(f"index {args.index}: {total:,} claims; {len(queries)} queries "
          f"({', '.join(f'{k} {v}' for k, v in sorted(Counter(q.style for q in queries).items()))})",
          file=sys.stderr)
    ours = run_find(store, queries)
    scan_sample = random.Random(args.seed).sample(range(len(queries)), min(args.scan_queries, len(queries)))
    scan_queries = [queries[i] for i in scan_sample]
    print(f"full scan on {len(scan_queries)} queries ...", file=sys.stderr)
    scan = run_scan(store, scan_queries) if scan_queries else None
    fresh = fresh_process(args.index, queries[0].text)
    store.close()

    def pct(xs: list[bool]) -> str:
        return f"{sum(xs) / len(xs):.3f}" if xs else "-"

    ms = [t * 1000 for t in ours["times"]]
    rows = [
        ("claims in index", "1,000,000", f"{total:,}", ""),
        ("find p50 (in process)", "<= 10 ms", f"{percentile(ms, 50):.1f} ms",
         f"{percentile([t * 1000 for t in scan['times']], 50):,.0f} ms" if scan else ""),
        ("find p95 (in process)", "<= 30 ms", f"{percentile(ms, 95):.1f} ms",
         f"{percentile([t * 1000 for t in scan['times']], 95):,.0f} ms" if scan else ""),
        ("find max", "", f"{max(ms):.1f} ms", ""),
        (f"recall@1, all {len(queries)} queries", ">= scan", pct(ours["strict"]), ""),
        (f"recall@1, lenient, all {len(queries)}", "", pct(ours["lenient"]), ""),
    ]
    if scan:
        rows += [
            (f"recall@1, scan sample ({len(scan_queries)})", ">= scan",
             pct([ours["strict"][i] for i in scan_sample]), pct(scan["strict"])),
            (f"recall@1 lenient, scan sample ({len(scan_queries)})", ">= scan",
             pct([ours["lenient"][i] for i in scan_sample]), pct(scan["lenient"])),
        ]
    if fresh.get("cli_ok"):
        rows += [
            ("fresh `claimcheck find` wall", "<= 0.2 s", f"{fresh['find_s']:.3f} s", ""),
            ("fresh `claimcheck --help` wall", "", f"{fresh['help_s']:.3f} s", ""),
        ]
    else:
        rows.append(("fresh `claimcheck find`", "<= 0.2 s", "CLI not usable", ""))
    rows += [
        ("fresh python -c find (library)", "<= 0.2 s", f"{fresh['library_s']:.3f} s", ""),
        ("fresh python -c pass", "", f"{fresh['python_s']:.3f} s", ""),
        ("peak RSS, fresh find", "", f"{fresh['rss_mb']:.0f} MB", ""),
        ("index bytes per claim", "", f"{index_size(args.index) / max(total, 1):,.0f}", ""),
    ]
    if built:
        rows += [
            ("import (validated, bulk)", "", f"{built['claims_per_s']:,.0f} claims/s", ""),
            ("optimize + vocabulary build", "",
             f"{built['optimize_s']:.1f} s + {built['vocab_s']:.1f} s", ""),
        ]
    width = max(len(r[0]) for r in rows)
    print(f"{'figure':<{width}}  {'goal':<10}  {'find':<14}  full rapidfuzz scan")
    for name, goal, value, base in rows:
        print(f"{name:<{width}}  {goal:<10}  {value:<14}  {base}")
    styles = Counter(q.style for q in queries)
    print("recall@1 by query style: " + ", ".join(
        f"{s} {1 - ours['misses'][s] / n:.2f}" for s, n in sorted(styles.items())))
    if tmp is not None:
        tmp.cleanup()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
