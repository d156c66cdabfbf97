"""A guard on extraction quality over real news: a slice of PolNeAR dev, scored by its scorer.

The floors sit a few points under what this slice measures (direct F1 0.92, speaker accuracy
0.89, attribution recall 0.76, with the speaker right 0.71), so a regression in quote finding
or attribution fails here long before anyone runs the benchmark. Skips where the PolNeAR
files are absent.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ARTICLES = 16
REPO = Path(__file__).resolve().parents[1]


def test_dev_slice_scores(nlp, eval_dir, tmp_path):
    sys.path.insert(0, str(REPO / "benchmarks"))
    sys.path.insert(0, str(eval_dir))
    from score_quotes import score

    from attribution import predictions

    gold_path = tmp_path / "gold.jsonl"
    pred_path = tmp_path / "pred.jsonl"
    records = []
    with (eval_dir / "gold-dev.jsonl").open(encoding="utf-8") as stream:
        for line in stream:
            records.append(json.loads(line))
            if len(records) == ARTICLES:
                break
    gold_path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    with pred_path.open("w", encoding="utf-8") as out:
        for record, doc in zip(records, nlp.pipe(r["text"] for r in records), strict=True):
            assert doc.text == record["text"]
            for line in predictions(record["id"], doc.text, doc._.attributions):
                out.write(json.dumps(line) + "\n")
    result = score(str(gold_path), str(pred_path))
    assert result["gold_quotes"] > 50
    assert result["direct_f1"] >= 0.89, result
    assert result["speaker_acc"] >= 0.87, result
    assert result["attribution_recall"] >= 0.73, result
    assert result["attribution_speaker_recall"] >= 0.68, result
