"""The scorer lines the attribution benchmark writes: one per claim, plus one per quotation."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import json

from attribution import predictions, pronoun_speakers, speaker_by_basis

TEXT = "“We will build it,” the mayor said on Monday. “Nobody can stop us.” Then “soon” came."


def _quote(words: str, group: int, speaker: dict | None) -> dict:
    start = TEXT.index(words)
    return {"kind": "quote", "start": start, "end": start + len(words), "group": group,
            "cue": None, "speaker": speaker}


def test_a_quotation_in_two_parts_is_also_scored_whole():
    at = TEXT.index("the mayor")
    mayor = {"name": "the mayor", "mention": {"text": "the mayor", "start": at, "end": at + 9},
             "description": None}
    parts = [_quote("We will build it,", 0, mayor), _quote("Nobody can stop us.", 0, None),
             _quote("soon", 1, None)]
    lines = predictions("doc", TEXT, parts)
    direct = [line for line in lines if line["kind"] == "direct"]
    assert [TEXT[line["start"] : line["end"]] for line in direct] == [
        "We will build it,", "Nobody can stop us."]
    whole = [line for line in lines if line["kind"] == "content" and line["end"] - line["start"] > 10]
    assert len(whole) == 1
    assert TEXT[whole[0]["start"] : whole[0]["end"]].startswith("“We will build it,")
    assert TEXT[whole[0]["start"] : whole[0]["end"]].endswith("Nobody can stop us.”")
    assert whole[0]["speaker"] == "the mayor"
    assert whole[0]["speaker_start"] == TEXT.index("the mayor")


def test_the_whole_quotation_takes_doubled_closing_marks():
    text = "''We will build it,'' the mayor said. ''Nobody can stop us.''"
    parts = [{"kind": "quote", "start": text.index(w), "end": text.index(w) + len(w), "group": 0,
              "cue": None, "speaker": None} for w in ("We will build it,", "Nobody can stop us.")]
    whole = [line for line in predictions("doc", text, parts) if line["kind"] == "content"]
    assert (whole[0]["start"], whole[0]["end"]) == (0, len(text))


def test_a_one_part_quote_gets_no_extra_line():
    lines = predictions("doc", TEXT, [_quote("Nobody can stop us.", 3, None)])
    assert len(lines) == 1


def test_a_headline_before_its_byline_is_no_direct_quote():
    text = "\u2014\"Museum picks a new director,\" by the Ledger's Ana Ruiz: \"The museum chose a chief.\""
    parts = [{"kind": "quote", "start": text.index(w), "end": text.index(w) + len(w), "group": None,
              "cue": None, "speaker": None} for w in ("Museum picks a new director,", "The museum chose")]
    kinds = [line["kind"] for line in predictions("doc", text, parts)]
    assert kinds == ["content", "direct"]


def test_pronoun_speakers_counts_the_named_ones(nlp):
    doc = nlp("Lena Moss was asked about the plant. \u201cIt will stay open,\u201d she said. "
              "\u201cWe agree,\u201d they said.")
    assert pronoun_speakers([doc]) == (1, 1)  # "she" is Lena Moss; "they" is not counted


def test_speaker_accuracy_is_split_by_basis(tmp_path, eval_dir):
    # (the scorer's own matching and test: score_quotes.py ships with the PolNeAR files)
    text = "\u201cWe will build it,\u201d Ann Ruiz said. Tom Bell spoke next. \u201cNobody can stop us.\u201d"
    ruiz, bell = text.index("Ann Ruiz"), text.index("Tom Bell")

    def span(words: str) -> list[int]:
        return [text.index(words), text.index(words) + len(words)]

    gold = {"id": "d", "text": text, "attributions": [
        {"quotes": [span("We will build it,")], "content": [span("We will build it,")],
         "source": [[ruiz, ruiz + 8]], "source_text": "Ann Ruiz", "cue": [span("said")]},
        {"quotes": [span("Nobody can stop us.")], "content": [span("Nobody can stop us.")],
         "source": [[ruiz, ruiz + 8]], "source_text": "Ann Ruiz", "cue": []},
    ]}
    at = {"Ann Ruiz": ruiz, "Tom Bell": bell}

    def quote(words: str, name: str, basis: str) -> dict:
        start = text.index(words)
        return {"kind": "quote", "start": start, "end": start + len(words), "group": None, "cue": None,
                "speaker": {"name": name, "mention": {"text": name, "start": at[name], "end": at[name] + 8},
                            "description": None, "basis": basis}}

    lines = predictions("d", text, [quote("We will build it,", "Ann Ruiz", "cue"),
                                    quote("Nobody can stop us.", "Tom Bell", "previous_sentence")])
    assert [line["basis"] for line in lines] == ["cue", "previous_sentence"]
    gold_path, pred_path = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    gold_path.write_text(json.dumps(gold) + "\n", encoding="utf-8")
    pred_path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    assert speaker_by_basis(gold_path, pred_path) == {"cue": (1, 1), "previous_sentence": (0, 1)}
