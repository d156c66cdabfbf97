"""``find``: fuzzy look-up of claims, fast enough to run as a fresh process on a million-claim index.

Two stages, because neither alone is both fast and forgiving:

1. **Candidates from FTS5.** The query is normalised the way the index tokenizer sees text
   (``unicode61 remove_diacritics 2``: lower case, no accents, punctuation and curly or
   straight quotes are separators) and every FTS5 query is built only from those word
   tokens, each double-quoted, so no user text can reach FTS5 syntax. Words are weighed by
   document frequency from a small ``search_vocab`` table (rebuilt by :func:`refresh_vocab`
   after writes): rare words find the claim, common ones ("the", "said") only cost time.
   A word the index does not know is taken for a typo and widened to close vocabulary
   words (same first or last letters, one or two edits, a swap counting as one). Rare
   words are read one by one up to a postings budget; pairs of more common words are
   intersected when rare ones are few (so one wrong word cannot lose the claim); claims
   are ranked by the summed idf of the words they hold, and ties at the cut are broken by
   intersecting further words. No bm25: it costs microseconds per matching row.
2. **Rescoring with rapidfuzz** on about a hundred candidates: ``partial_ratio`` (the
   query may be a fragment of the claim), a claim shorter than the query counting only for
   its share of it (a one-word claim is not a good hit for a sentence), plus a little plain
   ``ratio`` so that, among claims holding the phrase, the one closest to the whole query
   wins. ``partial_ratio`` is slow on long strings, so long queries first rank candidates
   by a one-pass LCS proxy. When the query is longer than the claim, the claim's sentence
   is scored too: a pasted sentence finds the quote inside it.

Only light imports (sqlite3, re, unicodedata, rapidfuzz): ``claimcheck find`` must start
in a fraction of a second, so spaCy is never imported here.
"""

from __future__ import annotations

import contextlib
import heapq
import json
import math
import re
import sqlite3
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA, LCSseq
from rapidfuzz.utils import default_process

MAX_QUERY_CHARS = 1000  # longer queries are cut (a draft paragraph is plenty to find a claim)
MAX_QUERY_TERMS = 48  # distinct words considered for candidate retrieval
CANDIDATES = 100  # claims rescored with rapidfuzz per query
KIND_FACTOR = 4  # with a kind filter, this many times more candidates are read and filtered
SINGLE_BUDGET = 1_500  # a word in more claims than this is "common": used only to narrow, never to widen
POSTINGS_BUDGET = 3_000  # total postings of the rare words read one by one
AND_LIMIT = 4_000  # claims read from the intersection of common words
REFINE_WORDS = 3  # common words intersected with the candidates to break ties
COMMON_SHARE = 0.15  # words in more claims than this ("the", "to") are never intersected: too slow
SMALL_INDEX = 5_000  # below this many claims a query with no FTS hits falls back to a full scan
TYPO_MIN_LEN = 4  # shorter unknown words are not corrected (too many neighbours)
TYPO_ALTERNATIVES = 3
TYPO_MIN_SIMILARITY = 0.7
SENTENCE_WEIGHT = 0.95  # a hit in the claim's sentence counts a little less than in the claim
SHORT_QUERY = 24  # up to this many characters partial_ratio is cheap enough for every candidate
RESCORE_TOP = 20  # longer queries: partial_ratio only on the best candidates by an LCS proxy
RATIO_WEIGHT = 0.1  # share of plain ratio in the score: prefers the claim closest to the query

_VOCAB_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS search_vocab("
    "term TEXT PRIMARY KEY, df INTEGER NOT NULL, rterm TEXT NOT NULL) WITHOUT ROWID",
    "CREATE INDEX IF NOT EXISTS search_vocab_rterm ON search_vocab(rterm)",
    "CREATE TABLE IF NOT EXISTS search_state(key TEXT PRIMARY KEY, value) WITHOUT ROWID",
)
# FTS5's own vocabulary, as a temp table so it works on read-only connections too.
_FTS_VOCAB = "temp.claimcheck_fts_vocab"
_FTS_VOCAB_DDL = f"CREATE VIRTUAL TABLE IF NOT EXISTS {_FTS_VOCAB} USING fts5vocab(main, claims_fts, row)"


@dataclass(frozen=True)
class Citation:
    """A claim found for a query, with how well it matches (0-100)."""

    score: float
    claim: dict[str, Any]

    def to_json(self) -> dict[str, Any]:
        """``{"score", "claim"}``: the claim stays a valid claim under the published schema."""
        return {"score": self.score, "claim": self.claim}


# ----------------------------------------------------------------------------- normalisation

_NON_WORD = re.compile(r"[\W_]+")
# Combining marks of Latin, Greek and Cyrillic letters after NFKD: what remove_diacritics drops.
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


@lru_cache(maxsize=65536)
def normalize(text: str) -> str:
    """Lower case, accents and punctuation removed, single spaces: the tokenizer's view of ``text``.

    Curly and straight quotes, dashes and apostrophes all become separators, as in FTS5's
    ``unicode61`` tokenizer, so "don’t" and "don't" normalise alike. rapidfuzz's C
    ``default_process`` does the bulk; only text with non-ASCII letters takes the slow path.
    """
    fast = " ".join(default_process(text).split())
    if fast.isascii():
        return fast
    stripped = unicodedata.normalize("NFC", _COMBINING.sub("", unicodedata.normalize("NFKD", fast)))
    return " ".join(_NON_WORD.sub(" ", stripped.lower()).split())


def _terms(normalized: str) -> list[str]:
    """Distinct words in first-seen order."""
    return list(dict.fromkeys(normalized.split()))


def _quote(term: str) -> str:
    # Terms only hold letters and digits after normalize(); doubling quotes keeps that a guarantee.
    return '"' + term.replace('"', '""') + '"'


# ----------------------------------------------------------------------------- vocabulary


def _connection(store: Any) -> sqlite3.Connection:
    return store.conn if hasattr(store, "conn") else store


def _fts_stamp(conn: sqlite3.Connection) -> bytes | None:
    """FTS5's averages record (row count and token totals): it changes on every insert or delete."""
    row = conn.execute("SELECT block FROM claims_fts_data WHERE id = 1").fetchone()
    return bytes(row[0]) if row and row[0] is not None else None


def _has_vocab(conn: sqlite3.Connection) -> bool:
    row = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'search_state'").fetchone()
    return row is not None


def vocab_is_current(store: Any) -> bool:
    """True when ``search_vocab`` was built from the FTS index as it is now."""
    conn = _connection(store)
    if not _has_vocab(conn):
        return False
    row = conn.execute("SELECT value FROM search_state WHERE key = 'fts_stamp'").fetchone()
    return row is not None and row[0] == _fts_stamp(conn)


def refresh_vocab(store: Any, *, force: bool = False) -> bool:
    """Rebuild ``search_vocab`` (word -> number of claims) from the FTS index when it is stale.

    Call after writing claims (extract, import). ``find`` builds it only when it is missing
    and the store is writable; a stale table still works (new words are looked up as typed).
    One pass over FTS5's own vocabulary: 1.5-3 s for a million claims. Needs a writable store.
    Returns True when it rebuilt.
    """
    conn = _connection(store)
    if not force and vocab_is_current(conn):
        return False
    own_tx = not conn.in_transaction
    if own_tx:
        conn.execute("BEGIN IMMEDIATE")
    try:
        for statement in _VOCAB_SCHEMA:
            conn.execute(statement)
        conn.execute("DELETE FROM search_vocab")
        conn.execute(_FTS_VOCAB_DDL)
        conn.create_function("claimcheck_reverse", 1, lambda s: s[::-1], deterministic=True)
        conn.execute(
            f"INSERT INTO search_vocab(term, df, rterm) "
            f"SELECT term, doc, claimcheck_reverse(term) FROM {_FTS_VOCAB}"
        )
        conn.execute(
            "INSERT OR REPLACE INTO search_state(key, value) VALUES ('fts_stamp', ?), ('claims', ?)",
            (_fts_stamp(conn), conn.execute("SELECT count(*) FROM claims").fetchone()[0]),
        )
        if own_tx:
            conn.execute("COMMIT")
    except BaseException:
        if own_tx:
            conn.execute("ROLLBACK")
        raise
    return True


class _Vocab:
    """Document frequencies and typo neighbours of words, from ``search_vocab`` or FTS5 directly."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.table = _has_vocab(conn)
        # A stale table misses new words: then unknown words are kept as they are, not only corrected.
        self.current = not self.table or vocab_is_current(conn)

    def claim_count(self) -> int:
        if self.table:
            row = self.conn.execute("SELECT value FROM search_state WHERE key = 'claims'").fetchone()
            if row is not None:
                return int(row[0])
        return self.conn.execute("SELECT max(rowid) FROM claims").fetchone()[0] or 0

    def df(self, terms: Sequence[str]) -> dict[str, int]:
        if not terms:
            return {}
        marks = ",".join("?" * len(terms))
        if not self.table:
            self.conn.execute(_FTS_VOCAB_DDL)
        table, column = ("search_vocab", "df") if self.table else (_FTS_VOCAB, "doc")
        rows = self.conn.execute(f"SELECT term, {column} FROM {table} WHERE term IN ({marks})", list(terms))
        return dict(rows)

    def neighbours(self, term: str) -> list[tuple[str, int]]:
        """Known words one or two edits from ``term``, most similar (then most frequent) first."""
        if not self.table or len(term) < TYPO_MIN_LEN:
            return []
        found: dict[str, int] = {}
        # A slip rarely hits both ends of a word: probe the first and the last letters. In a
        # four-letter word a swap of the middle two breaks both, so also probe letters 1 and 3.
        size = 2 if len(term) <= 7 else 3
        probes = [("term", term[:size]), ("rterm", term[::-1][:size])]
        if len(term) == 4:
            probes.append(("term", term[0] + term[2]))
        for column, prefix in probes:
            rows = self.conn.execute(
                f"SELECT term, df FROM search_vocab WHERE {column} >= ? AND {column} < ? "
                f"AND length(term) BETWEEN ? AND ? LIMIT 20000",
                (prefix, prefix + "\U0010ffff", len(term) - 2, len(term) + 2),
            )
            found.update(rows)
        scored = []
        for word, df in found.items():
            # OSA: a swap of two neighbouring letters is one edit, as typists make it.
            if OSA.normalized_similarity(term, word, score_cutoff=TYPO_MIN_SIMILARITY):
                scored.append((OSA.distance(term, word), -df, word))
        scored.sort()  # fewest edits, then the most frequent word: "sadi" is "said" before "saudi"
        return [(word, -df) for _, df, word in scored[:TYPO_ALTERNATIVES]]


# ----------------------------------------------------------------------------- candidates


@dataclass
class _Group:
    """One query word and the index words that stand for it (itself and/or typo corrections)."""

    word: str
    alternatives: list[str]
    df: int

    def fts(self) -> str:
        """FTS5 expression: any of the alternatives in the claim text or its sentence."""
        words = [f"{{text sentence}} : {_quote(a)}" for a in self.alternatives]
        return words[0] if len(words) == 1 else "(" + " OR ".join(words) + ")"


def _groups(vocab: _Vocab, terms: list[str]) -> list[_Group]:
    known = vocab.df(terms)
    groups = []
    for term in terms:
        df = known.get(term, 0)
        alternatives = [term] if df or not vocab.current else []
        if df <= 2:  # unknown, or so rare it may itself be a typo of a common word
            for word, word_df in vocab.neighbours(term):
                if word != term and word_df > df:
                    alternatives.append(word)
                    df += word_df
        if alternatives:
            groups.append(_Group(term, alternatives, max(df, 1)))
    return groups


def _speaker_filter(speaker: str | None) -> str:
    if not speaker:
        return ""
    words = _terms(normalize(speaker))
    if not words:
        return ""
    return " AND (" + " AND ".join("{speaker} : " + _quote(w) for w in words) + ")"


def _rowids(conn: sqlite3.Connection, match: str, limit: int = -1) -> list[int]:
    sql = "SELECT rowid FROM claims_fts WHERE claims_fts MATCH ? LIMIT ?"
    return [r[0] for r in conn.execute(sql, (match, limit))]


def _candidates(
    conn: sqlite3.Connection,
    groups: list[_Group],
    speaker: str | None,
    total: int,
    wanted: int = CANDIDATES,
) -> list[int]:
    """Rowids of the claims worth rescoring, best first by the idf of the query words they hold.

    Rare words (within the postings budget) are looked up one by one. When fewer than three
    words are rare, pairs of the next, more common words are intersected too (FTS5 seeks
    through long doclists), so one wrong or missing word cannot lose the claim. While more
    claims tie than we can rescore, further words are intersected with that set to break ties.
    Each claim's score is the summed idf of the query words it was seen with.
    """
    ranked = sorted(groups, key=lambda g: g.df)
    who = _speaker_filter(speaker)
    n = max(total, 1)
    idf = [math.log(1 + n / g.df) for g in ranked]
    seen: dict[int, int] = {}  # rowid -> bit mask of the ranked groups it holds

    def add(rowids: list[int], mask: int) -> None:
        for rowid in rowids:
            seen[rowid] = seen.get(rowid, 0) | mask

    rare, postings = 0, 0
    for group in ranked:
        if group.df > SINGLE_BUDGET or postings + group.df > POSTINGS_BUDGET:
            break
        rare += 1
        postings += group.df
    for i in range(rare):
        add(_rowids(conn, ranked[i].fts() + who), 1 << i)
    used = rare
    if rare < 3:  # three words (three pairs) when none is rare, else two (one pair)
        pool = [i for i in range(rare, len(ranked)) if ranked[i].df <= COMMON_SHARE * n][: 3 - min(rare, 1)]
        pairs = [(a, b) for k, a in enumerate(pool) for b in pool[k + 1 :]]
        if not pairs and not rare and pool:  # a single usable word
            add(_rowids(conn, ranked[pool[0]].fts() + who, AND_LIMIT), 1 << pool[0])
        for a, b in pairs:
            pair = f"{ranked[a].fts()} AND {ranked[b].fts()}{who}"
            add(_rowids(conn, pair, AND_LIMIT), (1 << a) | (1 << b))
        used = max([used, *(i + 1 for i in pool)])
    if not seen and ranked:  # only very common words: the first claims holding the rarest two will do
        add(_rowids(conn, " AND ".join(g.fts() for g in ranked[:2]) + who, wanted), 3)
        used = max(used, min(2, len(ranked)))
    if not seen:
        return []
    cache: dict[int, float] = {}

    def score(mask: int) -> float:
        if mask not in cache:
            cache[mask] = sum(w for i, w in enumerate(idf) if mask >> i & 1)
        return cache[mask]

    refiners = [i for i in range(used, len(ranked)) if ranked[i].df <= COMMON_SHARE * n][:REFINE_WORDS]
    by_mask = _by_mask(seen)
    for i in refiners:
        boundary = _boundary(by_mask, score, wanted)
        if boundary is None:
            break
        # Only the claims that tie at the cut need telling apart: intersect just their words.
        # Very common words (from the last-resort lookup) are left out: FTS5 would read huge doclists.
        words = [k for k in range(len(ranked)) if boundary >> k & 1 and ranked[k].df <= COMMON_SHARE * n]
        base = " AND ".join(ranked[k].fts() for k in words)
        if not base:
            break
        tied = set(by_mask.pop(boundary))
        hits = [r for r in _rowids(conn, f"{base} AND {ranked[i].fts()}{who}") if r in tied]
        if hits:
            by_mask[boundary | 1 << i] = hits
        if len(hits) < len(tied):
            by_mask[boundary] = list(tied.difference(hits))
    out: list[int] = []
    for mask in sorted(by_mask, key=score, reverse=True):
        out.extend(by_mask[mask][: wanted - len(out)])
        if len(out) >= wanted:
            break
    return out


def _by_mask(seen: dict[int, int]) -> dict[int, list[int]]:
    groups: dict[int, list[int]] = {}
    for rowid, mask in seen.items():
        groups.setdefault(mask, []).append(rowid)
    return groups


def _boundary(by_mask: dict[int, list[int]], score: Any, wanted: int) -> int | None:
    """The word set (mask) of the claims straddling the candidate cut, or None when all fit."""
    kept = 0
    for mask in sorted(by_mask, key=score, reverse=True):
        kept += len(by_mask[mask])
        if kept > wanted:
            return mask if kept - len(by_mask[mask]) < wanted else None
    return None


# ----------------------------------------------------------------------------- rescoring


def _score(query: str, text: str) -> float:
    """How well normalised ``text`` holds normalised ``query``, 0-100.

    ``partial_ratio`` finds the query inside a longer claim. A claim shorter than the query
    only explains its own share of it (else every short claim inside a pasted sentence would
    score 100). A little plain ``ratio`` prefers, among claims holding the phrase, the one
    closest to the whole query.
    """
    if not text:
        return 0.0
    ratio = fuzz.ratio(query, text)
    if len(text) >= len(query):
        base = fuzz.partial_ratio(query, text)
    else:  # sliding the claim over the query: windows lose the query's ends, so plain ratio counts too
        base = max(ratio, fuzz.partial_ratio(query, text) * len(text) / len(query))
    return (1 - RATIO_WEIGHT) * base + RATIO_WEIGHT * ratio


def _proxy(query: str, text: str) -> float:
    """Cheap stand-in for :func:`_score` (one bit-parallel LCS): share of the query found in order."""
    if not text:
        return 0.0
    common = LCSseq.similarity(query, text)
    coverage = min(1.0, len(text) / len(query))
    return (common / len(query)) * coverage**0.5 + RATIO_WEIGHT * 2 * common / (len(query) + len(text))


def _rescore(query: str, rows: Sequence[tuple[int, str, str | None]]) -> list[tuple[float, int]]:
    """Scores of the candidates; ``partial_ratio`` (slow on long strings) only on the proxy's best."""
    texts = [normalize(text) for _, text, _ in rows]
    # When the query is longer than the claim, the claim's sentence may hold the rest of it.
    sentences = [
        normalize(sentence) if sentence and len(query) > 1.2 * len(t) and len(sentence) > len(text) else ""
        for t, (_, text, sentence) in zip(texts, rows, strict=True)
    ]
    order: Sequence[int] = range(len(rows))
    # partial_ratio costs grow with the square of the length, while the proxy grows more reliable.
    top = RESCORE_TOP if len(query) <= 100 else max(5, RESCORE_TOP * 100 // len(query))
    if len(query) > SHORT_QUERY and len(rows) > top:
        proxies = [
            max(_proxy(query, t), SENTENCE_WEIGHT * _proxy(query, s) if s else 0.0)
            for t, s in zip(texts, sentences, strict=True)
        ]
        order = heapq.nlargest(top, order, key=proxies.__getitem__)
    scored = []
    for i in order:
        score = _score(query, texts[i])
        if sentences[i]:
            score = max(score, SENTENCE_WEIGHT * _score(query, sentences[i]))
        scored.append((score, rows[i][0]))
    return scored


def _rows(
    conn: sqlite3.Connection, rowids: list[int], kind: str | None
) -> list[tuple[int, str, str | None]]:
    """(rowid, text, sentence) of the candidates, in candidate order, of the wanted kind."""
    found: dict[int, tuple[int, str, str | None]] = {}
    for i in range(0, len(rowids), 500):
        chunk = rowids[i : i + 500]
        marks = ",".join("?" * len(chunk))
        sql = f"SELECT rowid, text, sentence, kind FROM claims WHERE rowid IN ({marks})"
        for rowid, text, sentence, k in conn.execute(sql, chunk):
            if kind is None or k == kind:
                found[rowid] = (rowid, text, sentence)
    return [found[r] for r in rowids if r in found]


def _scan(conn: sqlite3.Connection) -> list[int]:
    """Every rowid (small indexes only): the last resort when no word of the query is indexed."""
    return [r[0] for r in conn.execute("SELECT rowid FROM claims")]


def speaker_matches(wanted: list[str], name: str | None) -> bool:
    """Whether the speaker ``name`` holds every word of ``wanted`` (normalised): "king" finds Robert King."""
    if not wanted:
        return True
    have = set(normalize(name or "").split())
    return all(w in have for w in wanted)


def find(
    store: Any,
    query: str,
    *,
    speaker: str | None = None,
    kind: str | None = None,
    limit: int = 10,
    min_score: float = 0.0,
) -> list[Citation]:
    """Claims matching ``query`` best first, as :class:`Citation` (score 0-100).

    ``store`` is a :class:`claimcheck.store.Store` (or a ``sqlite3.Connection`` to an index).
    ``speaker`` keeps claims whose speaker name holds all its words ("King" finds
    "Robert King"); ``kind`` keeps one claim kind. Any text is a safe query: one without
    a word (empty, punctuation, emoji) finds nothing.
    """
    if limit <= 0 or not isinstance(query, str):
        return []
    conn = _connection(store)
    q = normalize(query[:MAX_QUERY_CHARS])
    terms = _terms(q)[:MAX_QUERY_TERMS]
    if not terms:
        return []
    if not getattr(store, "readonly", False) and not _has_vocab(conn):
        with contextlib.suppress(sqlite3.OperationalError):  # read-only file or busy writer: FTS5's will do
            refresh_vocab(conn)
    vocab = _Vocab(conn)
    total = vocab.claim_count()
    # A kind filter is applied to the candidates, so fetch more of them (kinds are not in FTS5).
    wanted = CANDIDATES if kind is None else CANDIDATES * KIND_FACTOR
    rowids = _candidates(conn, _groups(vocab, terms), speaker, total, wanted)
    if not rowids and total <= SMALL_INDEX:
        rowids = _scan(conn)
    wanted_speaker = _terms(normalize(speaker)) if speaker else []
    rows = _rows(conn, rowids, kind)[:CANDIDATES]
    scored = sorted(_rescore(q, rows), key=lambda s: -s[0])  # stable: ties keep candidate order
    results: list[Citation] = []
    step = max(limit * 2, 20)
    for start in range(0, len(scored), step):
        batch = [(s, r) for s, r in scored[start : start + step] if s >= min_score]
        if not batch:
            break
        claims = _claim_json(conn, [r for _, r in batch])
        for score, rowid in batch:
            claim = claims.get(rowid)
            name = (claim or {}).get("speaker") or {}
            if claim is None or not speaker_matches(wanted_speaker, name.get("name")):
                continue
            results.append(Citation(round(min(100.0, score), 1), claim))
            if len(results) >= limit:
                return results
    return results


def _claim_json(conn: sqlite3.Connection, rowids: list[int]) -> dict[int, dict[str, Any]]:
    marks = ",".join("?" * len(rowids))
    rows = conn.execute(f"SELECT rowid, json FROM claims WHERE rowid IN ({marks})", rowids)
    return {rowid: json.loads(text) for rowid, text in rows}
