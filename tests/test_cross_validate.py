"""The lexicon's cross-validation benchmark: halves, derivation on one, scores on the other."""

from __future__ import annotations

import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))

import cross_validate  # noqa: E402

TEXT = "Ruiz said the bridge was unsafe. The bridge opened in May."


def _paraphrase(words: str) -> dict:
    start = TEXT.index(words)
    return {"kind": "paraphrase", "start": start, "end": start + len(words)}


def test_paraphrase_precision_counts_spans_covering_an_annotated_content():
    content = TEXT.index("the bridge was unsafe")
    span = [content, content + len("the bridge was unsafe")]
    record = {"text": TEXT, "attributions": [{"content": [span]}]}
    predicted = [_paraphrase("the bridge was unsafe"), _paraphrase("The bridge opened in May"),
                 {"kind": "quote", "start": 0, "end": 4}]
    # one of the two paraphrases covers the content; the quote is not a paraphrase
    assert cross_validate.paraphrase_precision([record], [predicted]) == 0.5
    assert cross_validate.paraphrase_precision([record], [[]]) == 0.0


def test_a_missing_gold_file_skips_cleanly(tmp_path, capsys):
    assert cross_validate.main([str(tmp_path / "absent.jsonl")]) == 0
    assert "skipped" in capsys.readouterr().out


def test_two_folds_on_a_slice_of_train(eval_dir, tmp_path, capsys):
    """Each half derives a lexicon the other half is scored with; the table has both folds."""
    lines = []
    with (eval_dir / "gold-train.jsonl").open(encoding="utf-8") as stream:
        for line in stream:
            lines.append(line)
            if len(lines) == 6:
                break
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(lines), encoding="utf-8")
    assert cross_validate.main([str(gold), "--keep", str(tmp_path / "cv")]) == 0
    out = capsys.readouterr().out
    row = next(line for line in out.splitlines() if line.startswith("speaker_acc"))
    fold0, fold1, mean = (float(v) for v in row.split()[1:])
    assert 0.0 <= fold0 <= 1.0 and 0.0 <= fold1 <= 1.0 and abs(mean - (fold0 + fold1) / 2) < 1e-4
    for fold in ("fold0", "fold1"):
        derived = json.loads((tmp_path / "cv" / fold / "cues.json").read_text(encoding="utf-8"))
        assert derived["quote_cues"], "each half derives its own quote cues"
        scored = (tmp_path / "cv" / fold / "scored.jsonl").read_text(encoding="utf-8").splitlines()
        assert len(scored) == 3  # the other half
