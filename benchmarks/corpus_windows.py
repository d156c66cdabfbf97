"""Benchmark claims and queries built from real news text, never stored in the repo.

A million-claim index needs a million claim texts that read like real quotes. We take
word windows of the PolNeAR train articles (``../shared/eval/gold-train.jsonl``, kept
outside the repo for copyright): each window is a valid claim in the export JSON form, with
exact offsets into its article and a made-up but valid source and speaker. Windows overlap
(a few MB of text become a million claims), as the same quote does across wire copies, so
the benchmark also reports a "lenient" recall: the top hit contains the words the query was
made from, which is an equally correct citation.

Queries are made from random claims the way people type them: typos, dropped words,
short and long partial phrases, lower case, curly or straight quotes, lost punctuation.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from claimcheck.claims import SCHEMA_VERSION, claim_id

EVAL_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "eval"
TRAIN_FILE = EVAL_DIR / "gold-train.jsonl"

_WORD = re.compile(r"\S+")
_FIRST = ("Robert", "Maria", "James", "Aisha", "Chen", "Olga", "Samuel", "Fatima", "Pierre", "Nadia",
          "Kwame", "Elena", "Tomás", "Ingrid", "Yusuf", "Grace", "Diego", "Hana", "Lars", "Priya")
_LAST = ("King", "Lopez", "Okafor", "Novak", "Schmidt", "Tanaka", "Haddad", "Murphy", "Rossi", "Kowalski",
         "Nguyen", "Silva", "Jensen", "Dubois", "Ivanova", "Mensah", "Park", "Cohen", "Abara", "Walsh")
_OUTLETS = ("Daily Ledger", "The Courier", "Metro Times", "Evening Post", None)
KINDS = ("quote", "quote", "quote", "paraphrase", "paraphrase", "figure")


@dataclass(frozen=True)
class Article:
    key: str
    text: str
    words: list[tuple[int, int]]  # (start, end) of each whitespace-separated word


def load_articles(path: Path = TRAIN_FILE) -> list[Article]:
    """The articles of the PolNeAR train compartment, with word offsets."""
    articles = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            text = record["text"]
            words = [(m.start(), m.end()) for m in _WORD.finditer(text)]
            if len(words) >= 20:
                articles.append(Article(record["id"], text, words))
    return articles


def _window_length(rng: random.Random) -> int:
    """Quote lengths in words: many short ones, most of a sentence, some long passages."""
    r = rng.random()
    if r < 0.25:
        return rng.randint(3, 8)
    if r < 0.8:
        return rng.randint(9, 25)
    return rng.randint(26, 60)


def iter_claims(articles: list[Article], n: int, seed: int = 7) -> Iterator[dict]:
    """``n`` distinct claims (export JSON form) from word windows of the articles."""
    rng = random.Random(seed)
    speakers = [f"{f} {last}" for f in _FIRST for last in _LAST]
    seen: set[tuple[int, int, int]] = set()
    made = 0
    while made < n:
        a = rng.randrange(len(articles))
        art = articles[a]
        length = min(_window_length(rng), len(art.words))
        first = rng.randrange(len(art.words) - length + 1)
        start, end = art.words[first][0], art.words[first + length - 1][1]
        kind = rng.choice(KINDS)
        if (a, start, end) in seen:
            continue
        seen.add((a, start, end))
        made += 1
        s_first = max(0, first - rng.randint(0, 8))
        s_last = min(len(art.words) - 1, first + length - 1 + rng.randint(0, 8))
        s_start, s_end = art.words[s_first][0], art.words[s_last][1]
        doc_id = f"bench{a:05d}"
        name = rng.choice(speakers) if rng.random() < 0.85 else None
        yield {
            "schema_version": SCHEMA_VERSION,
            "id": claim_id(doc_id, kind, start, end),
            "kind": kind,
            "text": art.text[start:end],
            "span": {"start": start, "end": end},
            "speaker": {"name": name, "mention": None, "description": None},
            "cue": None,
            "group": None,
            "sentence": art.text[s_start:s_end],
            "sentence_span": {"start": s_start, "end": s_end},
            "selector": {
                "type": "TextQuoteSelector",
                "exact": art.text[start:end],
                "prefix": art.text[max(0, start - 32) : start],
                "suffix": art.text[end : end + 32],
            },
            "dates": [],
            "figures": [],
            "source": {
                "doc_id": doc_id,
                "path": f"archive/{art.key[:60]}.txt",
                "title": None,
                "outlet": _OUTLETS[a % len(_OUTLETS)],
                "author": None,
                "published": None,
                "url": None,
            },
        }


# ----------------------------------------------------------------------------- queries

_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_STRAIGHT_TO_CURLY = str.maketrans({'"': "“", "'": "’"})
_CURLY_TO_STRAIGHT = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})


@dataclass(frozen=True)
class Query:
    text: str  # what the user types
    phrase: str  # the clean words of the claim it was made from
    source_id: str
    source_text: str
    style: str  # full | dropped | long | short


def _typo(word: str, rng: random.Random) -> str:
    """One keyboard slip: swap, drop, double or replace a letter (words of 4+ letters)."""
    if len(word) < 4:
        return word
    i = rng.randrange(1, len(word) - 1)
    op = rng.randrange(4)
    if op == 0:
        return word[: i - 1] + word[i] + word[i - 1] + word[i + 1 :]
    if op == 1:
        return word[:i] + word[i + 1 :]
    if op == 2:
        return word[:i] + word[i] + word[i:]
    return word[:i] + rng.choice(_LETTERS) + word[i + 1 :]


def _add_typos(words: list[str], count: int, rng: random.Random) -> list[str]:
    words = list(words)
    long_ones = [i for i, w in enumerate(words) if len(w) >= 4]
    for i in rng.sample(long_ones, min(count, len(long_ones))):
        words[i] = _typo(words[i], rng)
    return words


def _restyle(text: str, rng: random.Random) -> str:
    r = rng.random()
    if r < 0.25:
        text = text.lower()
    elif r < 0.4:
        text = re.sub(r"[^\w\s']", "", text)
    if rng.random() < 0.3:
        text = text.translate(_CURLY_TO_STRAIGHT if rng.random() < 0.5 else _STRAIGHT_TO_CURLY)
    return text


def make_queries(claims: list[dict], n: int, seed: int = 11) -> list[Query]:
    """``n`` queries from random claims: a quarter each of full, dropped-word, long and short phrases."""
    rng = random.Random(seed)
    styles = ("full", "dropped", "long", "short")
    queries: list[Query] = []
    while len(queries) < n:
        claim = rng.choice(claims)
        words = claim["text"].split()
        style = styles[len(queries) % len(styles)]
        if style == "full":
            phrase = words
            typed = _add_typos(phrase, rng.randint(1, 2), rng)
        elif style == "dropped":
            if len(words) < 6:
                continue
            phrase = words
            drop = set(rng.sample(range(len(words)), rng.randint(1, max(1, len(words) // 6))))
            typed = _add_typos([w for i, w in enumerate(words) if i not in drop], rng.randint(0, 1), rng)
        elif style == "long":
            if len(words) < 12:
                continue
            size = max(6, int(len(words) * rng.uniform(0.5, 0.85)))
            first = rng.randrange(len(words) - size + 1)
            phrase = words[first : first + size]
            typed = _add_typos(phrase, rng.randint(1, 2), rng)
        else:
            if len(words) < 5:
                continue
            size = rng.randint(3, min(6, len(words)))
            first = rng.randrange(len(words) - size + 1)
            phrase = words[first : first + size]
            typed = _add_typos(phrase, rng.randint(0, 1), rng)
        text = _restyle(" ".join(typed), rng)
        if not re.search(r"\w{3}", text):
            continue
        queries.append(Query(text, " ".join(phrase), claim["id"], claim["text"], style))
    return queries
