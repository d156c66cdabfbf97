"""``find``: fuzzy claim look-up over a small index built with the real store."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimcheck import search
from claimcheck.claims import Claim, Source, Speaker
from claimcheck.search import Citation, find, normalize, refresh_vocab, vocab_is_current
from claimcheck.store import Store

# (speaker, kind, claim text, sentence around it); invented text, written for these tests.
CLAIMS = [
    ("Donald Trump", "quote", "Little Rocket Man",
     "He mockingly called the leader “Little Rocket Man” on Twitter."),
    ("Robert King", "quote",
     "We are not going to raise taxes on working families, not this year and not next year",
     "“We are not going to raise taxes on working families, not this year and not next year,” King said."),
    ("Robert King", "paraphrase", "the budget would be balanced by the end of the decade",
     "King said the budget would be balanced by the end of the decade."),
    ("Maria Lopez", "quote", "I don’t think the bridge will open before the winter",
     "“I don’t think the bridge will open before the winter,” Lopez told reporters."),
    ("Maria Lopez", "figure", "Unemployment fell to 4.2 percent in March, the lowest rate since 2008.",
     "Unemployment fell to 4.2 percent in March, the lowest rate since 2008."),
    ("Elena Kingsley", "quote", "The café on Rue Saint-Denis stays open",
     "“The café on Rue Saint-Denis stays open,” said Elena Kingsley."),
    (None, "quote", "We will", "“We will,” the crowd chanted."),
    ("Samuel Okafor", "quote", "We will build a wall of schools, not a wall of prisons",
     "“We will build a wall of schools, not a wall of prisons,” Okafor said."),
    ("Chen Tanaka", "quote", "Nobody expected the harbour authority to approve the expansion so quickly",
     "“Nobody expected the harbour authority to approve the expansion so quickly,” Tanaka said."),
    ("Aisha Haddad", "paraphrase",
     "the council had ignored repeated warnings about flooding in the lower town",
     "Haddad said the council had ignored repeated warnings about flooding in the lower town."),
]
FILLER = [
    "the mayor said the plan was a good plan for the city",
    "we are going to keep working on it",
    "the minister told reporters that talks would continue next week",
    "officials said the report would be published in the spring",
    "he said that it was not the right time to talk about it",
]


def _claims(doc_id: str, rows: list[tuple[str | None, str, str, str]]) -> tuple[str, list[Claim]]:
    text, claims = "", []
    source = Source(doc_id=doc_id, path=f"{doc_id}.txt")
    for name, kind, quote, sentence in rows:
        offset = len(text)
        text += sentence + "\n\n"
        start = offset + sentence.index(quote)
        claims.append(Claim(
            kind=kind, text=quote, start=start, end=start + len(quote), source=source, sentence=sentence,
            sentence_start=offset, sentence_end=offset + len(sentence),
            speaker=Speaker(name) if name else None,
        ))
    return text, claims


def _put(store: Store, doc_id: str, rows: list[tuple[str | None, str, str, str]]) -> None:
    text, claims = _claims(doc_id, rows)
    store.put_document({"doc_id": doc_id, "path": f"{doc_id}.txt", "sha256": doc_id, "text": text}, claims)


@pytest.fixture(scope="module")
def index_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("search") / "index.db"
    with Store.open(path) as store:
        _put(store, "doc1", CLAIMS)
        filler = [(f"Person {i}", "paraphrase", s, s + ".") for i, s in enumerate(FILLER * 6)]
        _put(store, "doc2", filler)
        refresh_vocab(store)
    return path


@pytest.fixture()
def store(index_path: Path):
    with Store.open(index_path) as s:
        yield s


def top(store: Store, query: str, **kw) -> str | None:
    hits = find(store, query, **kw)
    return hits[0].claim["text"] if hits else None


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Little Rocket Man", "Little Rocket Man"),
        ("LITTLE ROCKET MAN", "Little Rocket Man"),  # case
        ("litle rockett man", "Little Rocket Man"),  # typos
        ("I don't think the bridge will open", CLAIMS[3][2]),  # straight for curly apostrophe
        ("“I don’t think the bridge will open before the winter”", CLAIMS[3][2]),  # with the marks
        ("raise taxes on working famillies", CLAIMS[1][2]),  # partial phrase with a typo
        # dropped words and a typo
        ("we are not gonig to raise taxes on families not this year and not next year", CLAIMS[1][2]),
        ("harbor authority approve expansion", CLAIMS[8][2]),  # US spelling, words dropped
        ("cafe on rue saint denis", CLAIMS[5][2]),  # accents and hyphen
        ("CAFÉ ON RUE SAINT DENIS", CLAIMS[5][2]),
        ("unemployment fell to 4.2 percent", CLAIMS[4][2]),  # figure with a decimal point
        ("ignored warnings about floods", CLAIMS[9][2]),
    ],
)
def test_fuzzy_hits(store: Store, query: str, expected: str) -> None:
    assert top(store, query) == expected


def test_typos_are_corrected_through_the_vocabulary(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """With the small-index full scan off, only FTS5 and the typo neighbours can find these."""
    monkeypatch.setattr(search, "SMALL_INDEX", 0)
    assert top(store, "Littel Rokcet Man") == "Little Rocket Man"
    assert top(store, "harbuor authroity expansoin") == CLAIMS[8][2]
    assert top(store, "wlil build a wall of schools") == CLAIMS[7][2]  # swap inside a 4-letter word
    assert find(store, "qqqqqq zzzzzz") == []


def test_pasted_sentence_finds_the_quote_inside_it(store: Store) -> None:
    hits = find(store, "He mockingly called the leader Little Rocket Man on Twitter", limit=3)
    assert hits[0].claim["text"] == "Little Rocket Man"
    assert hits[0].score >= 80


def test_whole_claim_beats_a_short_claim_of_common_words(store: Store) -> None:
    """The token_set pitfall: "We will" holds every word of its own, but is not what was asked."""
    hits = find(store, "we will build a wall of schools", limit=5)
    texts = [h.claim["text"] for h in hits]
    assert texts[0] == CLAIMS[7][2]
    if "We will" in texts:
        assert texts.index("We will") > 0


def test_exact_match_scores_100_and_scores_are_ordered(store: Store) -> None:
    hits = find(store, "Little Rocket Man", limit=10)
    assert hits[0].score == 100.0
    scores = [h.score for h in hits]
    assert scores == sorted(scores, reverse=True)
    assert all(0.0 <= s <= 100.0 for s in scores)


def test_unrelated_query_scores_low(store: Store) -> None:
    hits = find(store, "Little Rocket Man", limit=10)
    assert all(h.score < 60 for h in hits[1:])


def test_limit_and_min_score(store: Store) -> None:
    assert len(find(store, "the plan said", limit=3)) <= 3
    assert find(store, "said", limit=0) == []
    hits = find(store, "Little Rocket Man", limit=10, min_score=90)
    assert [h.claim["text"] for h in hits] == ["Little Rocket Man"]


def test_speaker_filter_matches_name_words(store: Store) -> None:
    hits = find(store, "raise taxes", speaker="King")
    assert hits and all(h.claim["speaker"]["name"] == "Robert King" for h in hits)
    assert top(store, "the budget balanced", speaker="robert KING") == CLAIMS[2][2]
    assert find(store, "raise taxes", speaker="Lopez") == [] or all(
        h.claim["speaker"]["name"] == "Maria Lopez" for h in find(store, "raise taxes", speaker="Lopez")
    )
    # "King" is a word of the name: it must not match "Kingsley".
    assert all(h.claim["speaker"]["name"] != "Elena Kingsley" for h in find(store, "cafe", speaker="King"))
    assert find(store, "Little Rocket Man", speaker="Nobody Known") == []


def test_kind_filter(store: Store) -> None:
    hits = find(store, "King said the budget would be balanced", kind="paraphrase")
    assert hits and all(h.claim["kind"] == "paraphrase" for h in hits)
    assert find(store, "Little Rocket Man", kind="figure", min_score=90) == []
    assert top(store, "unemployment fell", kind="figure") == CLAIMS[4][2]


def test_citation_json(store: Store) -> None:
    hit = find(store, "Little Rocket Man")[0]
    assert isinstance(hit, Citation)
    data = hit.to_json()
    assert set(data) == {"score", "claim"}
    assert data["claim"]["source"]["doc_id"] == "doc1"
    assert data["claim"]["speaker"]["name"] == "Donald Trump"


HOSTILE = [
    "", " ", "\u200f\u200e", "😀🚀", '"', '""', "'", "*", "NEAR(a b)", "a NEAR b", "-", "^", ":", "{text}: x",
    "AND OR NOT", 'rocket" OR "man', "rocket*", "text:rocket", "(((", "\x00", "a" * 5000,
    "rocket " * 1000, "\u202eLittle Rocket Man\u202c", "Lіttle Rоcket Man",  # Cyrillic look-alikes
    "٠١٢ صاروخ", "小火箭人", "_", "rocket_man",
    "\ud800".encode("utf-8", "surrogatepass").decode("utf-8", "replace"), "\ud800",
]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_never_raise(store: Store, query: str) -> None:
    for hit in find(store, query, speaker=query or None):
        assert 0 <= hit.score <= 100


def test_fts_syntax_is_not_interpreted(store: Store) -> None:
    assert top(store, '"Little" NEAR("Rocket") Man*') == "Little Rocket Man"
    assert top(store, "little-rocket-man") == "Little Rocket Man"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.text(max_size=200), speaker=st.one_of(st.none(), st.text(max_size=20)))
def test_any_text_is_a_safe_query(store: Store, query: str, speaker: str | None) -> None:
    hits = find(store, query, speaker=speaker, limit=5)
    assert len(hits) <= 5
    assert all(0 <= h.score <= 100 for h in hits)


@settings(max_examples=100, deadline=None)
@given(text=st.text(max_size=100))
def test_normalize_is_idempotent_and_plain(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once
    assert once == once.strip() and "  " not in once


def test_stale_vocabulary_still_finds_new_claims(tmp_path: Path) -> None:
    path = tmp_path / "index.db"
    with Store.open(path) as store:
        _put(store, "doc1", CLAIMS[:3])
        assert find(store, "Little Rocket Man")[0].claim["text"] == "Little Rocket Man"
        assert vocab_is_current(store)
        new = ("Olga Novak", "quote", "Zanzibar flotilla regatta", "“Zanzibar flotilla regatta.”")
        _put(store, "doc2", [new])
        assert not vocab_is_current(store)
        assert top(store, "zanzibar flotila") == "Zanzibar flotilla regatta"
        assert refresh_vocab(store) is True
        assert vocab_is_current(store)
        assert top(store, "zanzibar flotila") == "Zanzibar flotilla regatta"


def test_read_only_index_without_vocabulary(tmp_path: Path) -> None:
    path = tmp_path / "index.db"
    with Store.open(path) as store:
        _put(store, "doc1", CLAIMS)
    with Store.open(path, readonly=True) as store:
        assert top(store, "raise taxes on working famillies") == CLAIMS[1][2]
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT name FROM sqlite_master WHERE name = 'search_vocab'").fetchone() is None


def test_find_does_not_import_spacy(index_path: Path) -> None:
    code = (
        "import sys; from claimcheck.store import Store; from claimcheck.search import find; "
        f"find(Store.open({str(index_path)!r}, readonly=True), 'rocket'); "
        "print('spacy' in sys.modules)"
    )
    src = Path(__file__).resolve().parents[1] / "src"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={"PYTHONPATH": str(src), "PATH": ""})
    assert out.stdout.strip() == "False"
