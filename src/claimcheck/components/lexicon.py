"""The cue lexicon: which words report speech, and how often, read from ``models/cues.json``.

``benchmarks/derive_cues.py`` derives the file from the train split of annotated news
(PolNeAR): speech-cue lemmas with their support counts, the common nouns that head sources,
reporting nouns, and the shapes through which a verb or noun reports (``frames``,
``noun_frames``, ``weak_routes``) or a stance is held through a copula (``adj_frames``,
``copular_frames``). Words and counts only, never text. Every pipeline in a
process shares one cached :class:`Lexicon`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np


def _models_path() -> Path:
    try:
        from claimcheck.resources import models_path
    except ImportError:  # pragma: no cover - resources.py absent in a bare checkout
        return Path(__file__).resolve().parents[3] / "models"
    return models_path()


@dataclass(frozen=True)
class Lexicon:
    """Cue words read from ``models/cues.json``."""

    quote_cues: frozenset[str]
    paraphrase_cues: frozenset[str]
    cues: frozenset[str]  # both: a verb that reports speech may introduce a quoted fragment too
    titles: frozenset[str]
    cue_hashes: np.ndarray  # lemma hashes of the verbs that start a paraphrase
    strength: dict[str, float]  # share of a lemma's verb uses that cue a direct quote in annotated news
    share: dict[str, float]  # share of a lemma's verb uses inside any cue (quote or reported speech)
    source_nouns: frozenset[str] = frozenset()  # common nouns that head sources (official, poll, campaign)
    noun_cues: frozenset[str] = frozenset()  # nouns that report what their owner said ("her claim that …")
    frames: dict[str, tuple[str, ...]] | None = None  # verb lemma -> shapes it reports through (_frame_span)
    in_sources: frozenset[str] = frozenset()  # documents an "in" phrase cites ("In a new poll, …")
    noun_frames: dict[str, tuple[str, ...]] | None = None  # noun lemma -> "source:complement" shapes
    weak_routes: frozenset[str] = frozenset()  # "lemma shape" pairs of cue verbs that seldom report so
    adj_frames: dict[str, tuple[str, ...]] | None = None  # adjective -> "holder:complement" ("wary of")
    copular_frames: dict[str, tuple[str, ...]] | None = None  # copular noun subject ("her view was that")
    word_hashes: dict[str, np.ndarray] | None = None  # lemma hashes of each word list above, for a fast scan


_REPORTING = 0.2  # a quote cue that is a cue in this share of all its uses reports speech by itself


@lru_cache(maxsize=4)
def load_lexicon(path: str | None = None) -> Lexicon:
    """The cue lexicon (cached: every pipeline in a process shares it)."""
    data = json.loads(Path(path or _models_path() / "cues.json").read_text(encoding="utf-8"))
    from spacy.strings import hash_string

    quote = frozenset(data["quote_cues"])
    para = frozenset(data["paraphrase_cues"])
    # verbs that report through an object ("rejected the deal") are looked for like paraphrase cues
    objective = frozenset(data.get("object_cues", ()))
    # quote cues that are cues in most of their uses also report speech without quote marks
    support = data.get("support", {})
    reporting = frozenset(
        w for w in quote if w in support and support[w][0] / max(support[w][2], 1) >= _REPORTING
    )
    return Lexicon(
        quote_cues=quote,
        paraphrase_cues=para,
        cues=quote | para,
        titles=frozenset(t.lower() for t in data.get("titles", [])),
        cue_hashes=np.array(sorted(hash_string(w) for w in para | reporting | objective | {"accord"}),
                            dtype=np.uint64),
        strength={w: _smoothed_strength(v[1], v[2]) for w, v in support.items()},
        share={w: v[0] / max(v[2], 1) for w, v in support.items()},
        source_nouns=frozenset(data.get("source_nouns", [])),
        noun_cues=frozenset(data.get("noun_cues", {})),
        frames={w: tuple(f) for w, f in data.get("frames", {}).items()},
        in_sources=frozenset(data.get("in_sources", {})),
        noun_frames={w: tuple(f) for w, f in data.get("noun_frames", {}).items()},
        weak_routes=frozenset(data.get("weak_routes", ())),
        adj_frames={w: tuple(f) for w, f in data.get("adj_frames", {}).items()},
        copular_frames={w: tuple(f) for w, f in data.get("copular_frames", {}).items()},
        word_hashes={key: lemma_hashes(data.get(key, ())) for key in (
            "noun_cues", "frames", "noun_frames", "in_sources", "adj_frames", "copular_frames")},
    )


# a strength read off a handful of uses is pulled toward a small prior (as if every verb had also been
# seen _PRIOR_USES more times, cueing a quote in _PRIOR_SHARE of them): one quote in three uses of
# "pounce" does not make it a speech verb proper, while 2 in 2 ("bark") still does
_PRIOR_USES = 3
_PRIOR_SHARE = 0.05


def _smoothed_strength(quotes: int, uses: int) -> float:
    """The share of a lemma's verb uses that cue a direct quote, smoothed toward the prior."""
    return (quotes + _PRIOR_USES * _PRIOR_SHARE) / (uses + _PRIOR_USES)


STRONG = 0.2  # cueing a quote in this share of its uses: a speech verb proper (say, tell, add, write)
WEAK = 0.04  # below: a verb that only now and then introduces a quote (make, take, hold)


def lemma_hashes(words: Any) -> np.ndarray:
    """Hashes of the lemmas (as written and capitalised: a headline's "Poll") for ``np.isin`` scans."""
    from spacy.strings import hash_string

    return np.array(sorted({hash_string(v) for w in words for v in (w, w.capitalize())}), dtype=np.uint64)
