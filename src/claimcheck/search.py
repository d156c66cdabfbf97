"""``find``: fuzzy look-up of claims, fast enough to run as a fresh process on a million-claim index.

Two stages, because neither alone is both fast and forgiving:

1. **Candidates from FTS5.** The query is normalised the way the index tokenizer sees text
   (``unicode61 remove_diacritics 2``: lower case, no accents, punctuation and curly or
   straight quotes are separators) and every FTS5 query is built only from those word
   tokens, each double-quoted, so no user text can reach FTS5 syntax. Words are weighed by
   document frequency from a small ``search_vocab`` table: the rarest words carry the
   query, common ones ("the", "said") would only make the match slow. Words the index
   does not know are typos until proven otherwise and are widened to close vocabulary
   words (same first or last three letters, small edit distance). We OR the rarest words
   up to a postings budget and let bm25 order the hits; a query made only of common
   words ANDs them instead.
2. **Rescoring with rapidfuzz** on a few hundred candidates: ``partial_ratio`` (the
   query may be a fragment of the claim) blended with a little ``ratio`` so that, among
   claims containing the phrase, the one closest to the whole query wins, and claims
   much shorter than the query are discounted (a one-word claim is not a good hit for a
   sentence). When the query is longer than the claim, the claim's sentence is scored
   too: a pasted sentence finds the quote inside it.

Only light imports (sqlite3, re, unicodedata, rapidfuzz): ``claimcheck find`` must start
in a fraction of a second, so spaCy is never imported here.
"""

from __future__ import annotations

import json
import re
import sqlite3
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

MAX_QUERY_CHARS = 2000  # longer queries are cut (a draft paragraph is plenty to find a claim)
MAX_QUERY_TERMS = 48  # distinct words considered for candidate retrieval
CANDIDATES = 200  # claims rescored with rapidfuzz per query
POSTINGS_BUDGET = 12_000  # documents an OR query may touch before bm25 sorting gets slow
MIN_OR_TERMS = 2  # always OR at least this many of the rarest words, budget or not
SMALL_INDEX = 5_000  # below this many claims a query with no FTS hits falls back to a full scan
TYPO_MIN_LEN = 4  # shorter unknown words are not corrected (too many neighbours)
TYPO_ALTERNATIVES = 3
TYPO_MIN_SIMILARITY = 0.7
SENTENCE_WEIGHT = 0.95  # a hit in the claim's sentence counts a little less than in the claim
RATIO_WEIGHT = 0.1  # share of plain ratio in the score: prefers the claim closest to the query

_VOCAB_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS search_vocab("
    "term TEXT PRIMARY KEY, df INTEGER NOT NULL, rterm TEXT NOT NULL) WITHOUT ROWID",
    "CREATE INDEX IF NOT EXISTS search_vocab_rterm ON search_vocab(rterm)",
    "CREATE TABLE IF NOT EXISTS search_state(key TEXT PRIMARY KEY, value) WITHOUT ROWID",
)
_FTS_VOCAB = "claims_vocab"  # fts5vocab(claims_fts, row), created by the store


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
_ASCII_NON_WORD = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=65536)
def normalize(text: str) -> str:
    """Lower case, accents and punctuation removed, single spaces: the tokenizer's view of ``text``.

    Curly and straight quotes, dashes and apostrophes all become separators, as in FTS5's
    ``unicode61`` tokenizer, so "don’t" and "don't" normalise alike.
    """
    if text.isascii():
        return _ASCII_NON_WORD.sub(" ", text.lower()).strip()
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NON_WORD.sub(" ", stripped.lower()).strip()


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
    conn = _connection(store)
    if not _has_vocab(conn):
        return False
    row = conn.execute("SELECT value FROM search_state WHERE key = 'fts_stamp'").fetchone()
    return row is not None and row[0] == _fts_stamp(conn)


def refresh_vocab(store: Any, *, force: bool = False) -> bool:
    """Rebuild ``search_vocab`` (word -> number of claims) from the FTS index when it is stale.

    Call after writing claims (extract, import); ``find`` also calls it when it can write.
    One pass over FTS5's own vocabulary: about a second per few hundred thousand claims.
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
        table, column = ("search_vocab", "df") if self.table else (_FTS_VOCAB, "doc")
        rows = self.conn.execute(f"SELECT term, {column} FROM {table} WHERE term IN ({marks})", list(terms))
        return dict(rows)

    def neighbours(self, term: str) -> list[tuple[str, int]]:
        """Known words one or two edits from ``term``, most similar (then most frequent) first."""
        if not self.table or len(term) < TYPO_MIN_LEN:
            return []
        found: dict[str, int] = {}
        head, tail = term[:3], term[::-1][:3]
        for column, prefix in (("term", head), ("rterm", tail)):
            rows = self.conn.execute(
                f"SELECT term, df FROM search_vocab WHERE {column} >= ? AND {column} < ? "
                f"AND length(term) BETWEEN ? AND ? LIMIT 20000",
                (prefix, prefix + "\U0010ffff", len(term) - 2, len(term) + 2),
            )
            found.update(rows)
        scored = []
        for word, df in found.items():
            similarity = Levenshtein.normalized_similarity(term, word, score_cutoff=TYPO_MIN_SIMILARITY)
            if similarity:
                scored.append((similarity, df, word))
        scored.sort(reverse=True)
        return [(word, df) for _, df, word in scored[:TYPO_ALTERNATIVES]]


# ----------------------------------------------------------------------------- candidates


@dataclass
class _Group:
    """One query word and the index words that stand for it (itself and/or typo corrections)."""

    word: str
    alternatives: list[str]
    df: int

    def fts(self) -> str:
        if len(self.alternatives) == 1:
            return _quote(self.alternatives[0])
        return "(" + " OR ".join(_quote(a) for a in self.alternatives) + ")"


def _groups(vocab: _Vocab, terms: list[str]) -> list[_Group]:
    known = vocab.df(terms)
    groups = []
    for term in terms:
        df = known.get(term, 0)
        alternatives = [term] if df or not vocab.current else []
        if not df or df <= 2:  # unknown, or so rare it may itself be a typo of a common word
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
    return " AND ({speaker} : (" + " AND ".join(_quote(w) for w in words) + "))"


def _fts_rowids(conn: sqlite3.Connection, match: str, kind: str | None, limit: int, ranked: bool) -> list[int]:
    order = " ORDER BY bm25(claims_fts, 1.0, 0.4, 0.0)" if ranked else ""
    if kind is None:
        sql = f"SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?{order} LIMIT ?"
        params: tuple[Any, ...] = (match, limit)
    else:
        sql = (
            "SELECT claims_fts.rowid FROM claims_fts JOIN claims ON claims.rowid = claims_fts.rowid "
            f"WHERE claims_fts MATCH ? AND claims.kind = ?{order} LIMIT ?"
        )
        params = (match, kind, limit)
    return [r[0] for r in conn.execute(sql, params)]


def _candidates(
    conn: sqlite3.Connection, groups: list[_Group], speaker: str | None, kind: str | None
) -> list[int]:
    """Rowids of claims worth rescoring: the rarest words ORed (bm25 order) or, if all are common, ANDed."""
    ranked = sorted(groups, key=lambda g: g.df)
    who = _speaker_filter(speaker)
    chosen: list[_Group] = []
    postings = 0
    for group in ranked:
        if len(chosen) >= MIN_OR_TERMS and postings + group.df > POSTINGS_BUDGET:
            break
        chosen.append(group)
        postings += group.df
    if postings <= POSTINGS_BUDGET * 2:
        match = "{text sentence} : (" + " OR ".join(g.fts() for g in chosen) + ")" + who
        return _fts_rowids(conn, match, kind, CANDIDATES, ranked=True)
    # Only common words: every word must be there; no bm25 (its statistics would scan huge doclists).
    for size in (len(ranked), max(1, len(ranked) // 2)):
        match = "{text sentence} : (" + " AND ".join(g.fts() for g in ranked[:size]) + ")" + who
        rowids = _fts_rowids(conn, match, kind, CANDIDATES * 4, ranked=False)
        if rowids:
            return rowids
    return []


# ----------------------------------------------------------------------------- rescoring


def _score(query: str, text: str) -> float:
    """How well normalised ``text`` holds normalised ``query``, 0-100."""
    if not text:
        return 0.0
    partial = fuzz.partial_ratio(query, text)
    score = (1 - RATIO_WEIGHT) * partial + RATIO_WEIGHT * fuzz.ratio(query, text)
    coverage = len(text) / len(query)
    if coverage < 0.9:  # the claim is a small part of the query: only a partial answer
        score *= (coverage / 0.9) ** 0.5
    return score


def _rescore(query: str, rows: Iterable[tuple[int, str, str | None]]) -> list[tuple[float, int]]:
    scored = []
    for rowid, text, sentence in rows:
        t = normalize(text)
        score = _score(query, t)
        if sentence and len(query) > 1.2 * len(t) and len(sentence) > len(text):
            score = max(score, SENTENCE_WEIGHT * _score(query, normalize(sentence)))
        scored.append((score, rowid))
    return scored


def _rows(conn: sqlite3.Connection, rowids: list[int]) -> list[tuple[int, str, str | None]]:
    out: list[tuple[int, str, str | None]] = []
    for i in range(0, len(rowids), 500):
        chunk = rowids[i : i + 500]
        marks = ",".join("?" * len(chunk))
        out.extend(conn.execute(f"SELECT rowid, text, sentence FROM claims WHERE rowid IN ({marks})", chunk))
    return out


def _scan(conn: sqlite3.Connection, speaker: str | None, kind: str | None) -> list[int]:
    """Every rowid (small indexes only): the last resort when no word of the query is indexed."""
    sql, params = "SELECT rowid FROM claims", []
    if kind is not None:
        sql += " WHERE kind = ?"
        params.append(kind)
    return [r[0] for r in conn.execute(sql, params)]


def _speaker_matches(wanted: list[str], name: str | None) -> bool:
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
        try:
            refresh_vocab(conn)
        except sqlite3.OperationalError:  # read-only file or busy writer: FTS5's vocabulary will do
            pass
    vocab = _Vocab(conn)
    rowids = _candidates(conn, _groups(vocab, terms), speaker, kind)
    if not rowids and vocab.claim_count() <= SMALL_INDEX:
        rowids = _scan(conn, speaker, kind)
    if not rowids:
        return []
    scored = _rescore(q, _rows(conn, rowids))
    scored.sort(key=lambda s: (-s[0], s[1]))
    wanted_speaker = _terms(normalize(speaker)) if speaker else []
    results: list[Citation] = []
    for start in range(0, len(scored), max(limit * 2, 20)):
        batch = [(s, r) for s, r in scored[start : start + max(limit * 2, 20)] if s >= min_score]
        if not batch:
            break
        claims = dict(_claim_json(conn, [r for _, r in batch]))
        for score, rowid in batch:
            claim = claims.get(rowid)
            if claim is None or not _speaker_matches(wanted_speaker, (claim.get("speaker") or {}).get("name")):
                continue
            results.append(Citation(round(min(100.0, score), 1), claim))
            if len(results) >= limit:
                return results
    return results


def _claim_json(conn: sqlite3.Connection, rowids: list[int]) -> Iterable[tuple[int, dict[str, Any]]]:
    marks = ",".join("?" * len(rowids))
    for rowid, text in conn.execute(f"SELECT rowid, json FROM claims WHERE rowid IN ({marks})", rowids):
        yield rowid, json.loads(text)
