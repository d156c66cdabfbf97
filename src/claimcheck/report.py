"""Showing ``check`` results to an editor: one self-contained HTML page, and a terminal table.

The page needs nothing but a browser: CSS is inline, there is no script and no network
asset, so it can be mailed, archived or opened from a CMS attachment. Every verdict is told
by a symbol and a word as well as a colour (and a distinct underline in the draft), so it
reads in greyscale, in print and to a screen reader. Everything from a draft or the archive
is HTML-escaped.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from html import escape
from typing import TYPE_CHECKING, Any

from claimcheck.check import (
    ALTERED,
    FIGURE_MISMATCH,
    MISATTRIBUTED,
    UNSOURCED,
    VERDICTS,
    VERIFIED,
    CheckReport,
)

if TYPE_CHECKING:
    from rich.console import Console

# verdict -> (symbol, label, rich style)
VERDICT_LOOK: dict[str, tuple[str, str, str]] = {
    VERIFIED: ("✓", "Verified", "bold green"),
    ALTERED: ("≠", "Altered", "bold yellow"),
    MISATTRIBUTED: ("⚠", "Misattributed", "bold magenta"),
    UNSOURCED: ("✗", "Unsourced", "bold red"),
    FIGURE_MISMATCH: ("±", "Figure mismatch", "bold dark_orange"),
}
_CSS_CLASS = {verdict: "v-" + verdict.replace("_", "-") for verdict in VERDICTS}


def verdict_label(verdict: str) -> str:
    """Symbol and word, e.g. "≠ Altered": never colour alone."""
    symbol, label, _ = VERDICT_LOOK.get(verdict, ("?", verdict, ""))
    return f"{symbol} {label}"


# ---------------------------------------------------------------- terminal


def _shorten(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _source_label(citation: dict[str, Any] | None) -> str:
    if not citation:
        return "—"
    source = citation.get("source") or {}
    name = (source.get("path") or "?").replace("\\", "/").rsplit("/", 1)[-1]
    where = source.get("outlet") or source.get("title")
    return f"{where}\n{name}" if where else name


def render_check_table(report: CheckReport, console: Console) -> None:
    """A rich table of one draft's verdicts: quote, verdict, speaker named vs found, source."""
    from rich.table import Table
    from rich.text import Text

    table = Table(title=report.path, title_justify="left", expand=console.width < 140)
    table.add_column("#", justify="right", style="dim", no_wrap=True)
    table.add_column("Verdict", no_wrap=True)
    table.add_column("Quote", overflow="fold", ratio=4, min_width=24)
    table.add_column("Named → found", overflow="fold", ratio=2)
    table.add_column("Source", overflow="fold", ratio=2)
    for number, result in enumerate(report.results, 1):
        symbol, label, style = VERDICT_LOOK.get(result.verdict, ("?", result.verdict, ""))
        quote = Text(_shorten(result.text, 100))
        details = _change_summary(result.to_json())
        if details:
            quote.append("\n" + "\n".join(details), style="italic")
        if result.kind == "figure":
            who = f"{result.speaker_named or '—'} → {result.speaker_found or '—'}"
        else:
            who = f"{result.speaker_named or '(none named)'} → {result.speaker_found or '—'}"
        table.add_row(
            str(number),
            Text(f"{symbol} {label}", style=style),
            quote,
            Text(who),
            Text(_source_label(result.citation)),
        )
    console.print(table)
    counts = ", ".join(f"{n} {verdict_label(v).lower()}" for v, n in report.counts.items() if n)
    console.print(counts or "no quotes found", highlight=False)


def _change_summary(result: dict[str, Any]) -> list[str]:
    """The differences in words ('changed “citizens” to “people”', 'dropped “the”'), then the notes."""
    lines = []
    if result["kind"] != "figure":  # a figure's notes already say "draft says 84% where the source says 83%"
        for op in result.get("diff") or []:
            if op["op"] == "replace":
                lines.append(f"changed “{op['source']}” to “{op['draft']}”")
            elif op["op"] == "insert":
                lines.append(f"added “{op['draft']}”")
            else:
                lines.append(f"dropped “{op['source']}”")
    return lines + list(result.get("notes") or [])


# ---------------------------------------------------------------- HTML

_CSS = """
:root {
  --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --paper: #ffffff; --page: #f6f8fa;
  --ok: #1a7f37; --ok-bg: #dafbe1; --alt: #7d4e00; --alt-bg: #fff8c5; --mis: #6639ba; --mis-bg: #fbefff;
  --uns: #b3261e; --uns-bg: #ffebe9; --fig: #953800; --fig-bg: #fff1e5;
  --serif: "Liberation Serif", "DejaVu Serif", Georgia, serif;
  --sans: "Liberation Sans", "DejaVu Sans", Arial, Helvetica, sans-serif;
  --mono: "DejaVu Sans Mono", "Liberation Mono", Menlo, monospace;
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--page); color: var(--ink); font: 16px/1.55 var(--sans); }
header.page { background: #24292f; color: #fff; padding: 20px 32px; }
header.page h1 { margin: 0 0 4px; font-size: 22px; }
header.page p { margin: 0; color: #d0d7de; font-size: 14px; }
.legend { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 12px; }
main { max-width: 1240px; margin: 0 auto; padding: 24px 24px 48px; }
section.draft {
  background: var(--paper); border: 1px solid var(--line); border-radius: 10px; margin-bottom: 28px;
  box-shadow: 0 1px 2px rgba(31, 35, 40, .06);
}
section.draft > header {
  padding: 16px 24px; border-bottom: 1px solid var(--line);
  display: flex; flex-wrap: wrap; align-items: center; gap: 8px 16px;
}
section.draft > header h2 { margin: 0; font: 600 17px/1.3 var(--mono); word-break: break-all; }
.counts { display: flex; flex-wrap: wrap; gap: 6px; }
.status { font-size: 14px; font-weight: 700; }
.status.bad { color: var(--uns); } .status.good { color: var(--ok); }
.row {
  display: grid; grid-template-columns: minmax(0, 1.05fr) minmax(0, 1fr); gap: 24px;
  padding: 14px 24px; border-top: 1px solid #eef1f4;
}
.row:first-of-type { border-top: 0; }
.text { align-self: start; position: sticky; top: 8px; }
.text p { margin: 0; font: 17px/1.75 var(--serif); }
.cards { display: flex; flex-direction: column; gap: 12px; }
.badge {
  display: inline-flex; align-items: center; gap: 4px; padding: 1px 9px; border-radius: 999px;
  font-size: 13px; font-weight: 700; border: 1px solid currentColor; white-space: nowrap;
  color: var(--c); background: var(--bg);
}
.badge .n { font-weight: 400; }
.v-verified { --c: var(--ok); --bg: var(--ok-bg); }
.v-altered { --c: var(--alt); --bg: var(--alt-bg); }
.v-misattributed { --c: var(--mis); --bg: var(--mis-bg); }
.v-unsourced { --c: var(--uns); --bg: var(--uns-bg); }
.v-figure-mismatch { --c: var(--fig); --bg: var(--fig-bg); }
header.page .badge { background: #fff; }
mark.q {
  background: var(--bg); color: inherit; border-radius: 3px; padding: 1px 2px;
  text-decoration-line: underline; text-decoration-color: var(--c); text-decoration-thickness: 2px;
  text-underline-offset: 4px; -webkit-box-decoration-break: clone; box-decoration-break: clone;
}
mark.v-verified { text-decoration-style: solid; }
mark.v-altered { text-decoration-style: wavy; }
mark.v-misattributed { text-decoration-style: double; }
mark.v-unsourced { text-decoration-style: dashed; }
mark.v-figure-mismatch { text-decoration-style: dotted; text-decoration-thickness: 3px; }
mark.q a.tag {
  font: 700 11px/1 var(--sans); color: #fff; background: var(--c); border-radius: 4px;
  padding: 2px 4px; margin-left: 3px; vertical-align: 2px; text-decoration: none; white-space: nowrap;
}
article.card {
  border: 1px solid var(--line); border-left: 5px solid var(--c); border-radius: 8px;
  padding: 10px 14px; background: #fff; scroll-margin-top: 12px;
}
article.card:target { box-shadow: 0 0 0 3px var(--bg), 0 0 0 4px var(--c); }
article.card > header {
  display: flex; flex-wrap: wrap; align-items: center; gap: 6px 10px; margin-bottom: 4px;
}
article.card .num { font-weight: 700; color: var(--c); }
article.card .score, article.card .off { color: var(--muted); font-size: 13px; }
article.card .off a { color: var(--muted); }
.label {
  display: block; font-size: 11.5px; text-transform: uppercase; letter-spacing: .6px; color: var(--muted);
  margin-top: 6px;
}
blockquote {
  margin: 2px 0 0; padding: 6px 10px; border-radius: 6px; background: #f6f8fa;
  font: 15.5px/1.6 var(--serif);
}
blockquote .ctx { color: #818b98; }
del, ins { padding: 0 2px; border-radius: 3px; text-decoration-thickness: 2px; }
del { background: #ffd7d5; color: #82071e; text-decoration-line: line-through; }
ins { background: #ccffd8; color: #055d20; text-decoration-line: underline; }
.sr {
  position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap;
}
dl.facts {
  display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 8px 0 0; font-size: 14px;
}
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
.yes { color: var(--ok); font-weight: 700; }
.no { color: var(--uns); font-weight: 700; }
ul.notes { margin: 6px 0 0; padding-left: 18px; font-size: 14px; }
ul.notes li.change { font-weight: 700; }
.none { color: var(--muted); font-style: italic; }
footer { color: var(--muted); font-size: 13px; text-align: center; padding: 8px 24px 24px; }
@media (max-width: 860px) { .row { grid-template-columns: 1fr; } .text { position: static; } }
@media print {
  body { background: #fff; }
  header.page { background: #fff; color: #000; border-bottom: 2px solid #000; }
  header.page p { color: #000; }
  section.draft { box-shadow: none; }
  .text { position: static; }
}
"""


def _badge(verdict: str, count: int | None = None) -> str:
    symbol, label, _ = VERDICT_LOOK.get(verdict, ("?", verdict, ""))
    tail = f' <span class="n">{count}</span>' if count is not None else ""
    return (
        f'<span class="badge {_CSS_CLASS.get(verdict, "")}"><span aria-hidden="true">{symbol}</span> '
        f"{escape(label)}{tail}</span>"
    )


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Non-blank lines of the draft, as (start, end) offsets: a draft's paragraphs."""
    spans = []
    for match in re.finditer(r"[^\n]+", text):
        if match.group().strip():
            spans.append((match.start(), match.end()))
    return spans


def _highlights(results: Sequence[dict[str, Any]]) -> list[tuple[int, int, int]]:
    """Draft ranges to mark, (start, end, result number): a quote's words, or a sentence's figures."""
    marks = []
    for number, result in enumerate(results, 1):
        if result["kind"] == "figure":
            pairs = [p for p in result["figures"] if p.get("source") is not None]
            wrong = [p for p in pairs if p.get("match") is False] or pairs
            marks.extend((p["draft"]["start"], p["draft"]["end"], number) for p in wrong)
        else:
            marks.append((result["span"]["start"], result["span"]["end"], number))
    marks.sort()
    kept: list[tuple[int, int, int]] = []
    for start, end, number in marks:
        if end > start and (not kept or start >= kept[-1][1]):
            kept.append((start, end, number))
    return kept


def _draft_html(
    text: str,
    start: int,
    end: int,
    marks: list[tuple[int, int, int]],
    results: Sequence[dict[str, Any]],
    draft: int,
) -> str:
    out, pos = [], start
    for m_start, m_end, number in marks:
        lo, hi = max(m_start, start), min(m_end, end)
        if hi <= lo:
            continue
        result = results[number - 1]
        verdict = result["verdict"]
        symbol, label, _ = VERDICT_LOOK.get(verdict, ("?", verdict, ""))
        out.append(escape(text[pos:lo]))
        tag = ""
        if hi == min(m_end, end):  # the label goes at the end of the mark (once per paragraph piece)
            tag = (
                f'<a class="tag" href="#r{draft}-{number}" aria-label="result {number}: {escape(label)}">'
                f"{symbol}&#8239;{number}</a>"
            )
        out.append(
            f'<mark class="q {_CSS_CLASS.get(verdict, "")}" id="q{draft}-{number}" '
            f'data-verdict="{escape(verdict)}" title="{escape(label)}">{escape(text[lo:hi])}{tag}</mark>'
        )
        pos = hi
    out.append(escape(text[pos:end]))
    return "".join(out)


def _source_html(result: dict[str, Any]) -> str:
    """The citation's words, the matched part emphasised, the draft's changes marked <del>/<ins>."""
    citation = result.get("citation")
    excerpt = result.get("source_excerpt")
    if not citation:
        return ""
    ctext, cstart = citation["text"], citation["span"]["start"]
    cend = cstart + len(ctext)
    single = excerpt and len(excerpt["text"]) == excerpt["end"] - excerpt["start"]
    if not (single and cstart <= excerpt["start"] and excerpt["end"] <= cend):
        return escape(excerpt["text"] if excerpt else ctext)
    lo, hi = excerpt["start"], excerpt["end"]
    ops = sorted(
        (
            op
            for op in result.get("diff") or []
            if lo <= op["source_span"]["start"] <= op["source_span"]["end"] <= hi
        ),
        key=lambda op: (op["source_span"]["start"], op["source_span"]["end"]),
    )
    inner, pos = [], lo
    for op in ops:
        s, e = op["source_span"]["start"], op["source_span"]["end"]
        if s < pos:
            continue
        inner.append(escape(ctext[pos - cstart : s - cstart]))
        if op["op"] in ("replace", "delete"):
            inner.append(
                f'<del><span class="sr">[source: </span>{escape(ctext[s - cstart : e - cstart])}'
                '<span class="sr">]</span></del>'
            )
        if op["op"] in ("replace", "insert"):
            inner.append(
                ("" if op["op"] == "replace" else " ")
                + f'<ins><span class="sr">[draft: </span>{escape(op["draft"])}'
                + '<span class="sr">]</span></ins>'
            )
        pos = e
    inner.append(escape(ctext[pos - cstart : hi - cstart]))
    before, after = ctext[: lo - cstart], ctext[hi - cstart :]
    parts = []
    if before:
        parts.append(f'<span class="ctx">{escape(before)}</span>')
    parts.append(f'<span class="hit">{"".join(inner)}</span>')
    if after:
        parts.append(f'<span class="ctx">{escape(after)}</span>')
    return "".join(parts)


def _draft_words_html(result: dict[str, Any]) -> str:
    """The draft's words; in a figure sentence, the figures that differ from the source are struck."""
    text, base = result["text"], result["span"]["start"]
    wrong = sorted(
        (p["draft"]["start"] - base, p["draft"]["end"] - base)
        for p in result.get("figures") or []
        if p.get("match") is False and base <= p["draft"]["start"] <= p["draft"]["end"] <= base + len(text)
    )
    out, pos = [], 0
    for start, end in wrong:
        if start < pos:
            continue
        out.append(escape(text[pos:start]))
        out.append(
            f'<ins><span class="sr">[draft: </span>{escape(text[start:end])}<span class="sr">]</span></ins>'
        )
        pos = end
    out.append(escape(text[pos:]))
    return "".join(out)


def _article(source: dict[str, Any]) -> str:
    bits = []
    if source.get("outlet"):
        bits.append(f"<strong>{escape(source['outlet'])}</strong>")
    if source.get("title"):
        bits.append(f"“{escape(source['title'])}”")
    if source.get("published"):
        bits.append(escape(source["published"]))
    path = escape(source.get("path") or "?")
    if source.get("url"):
        url = source["url"]
        if re.match(r"https?://", url):
            path = f'<a href="{escape(url)}">{path}</a>'
    bits.append(f"<code>{path}</code>")
    return " · ".join(bits)


def _match_mark(match: bool | None) -> str:
    if match is True:
        return ' <span class="yes">✓ same person</span>'
    if match is False:
        return ' <span class="no">✗ different person</span>'
    return ""


def _card(result: dict[str, Any], number: int, draft: int) -> str:
    verdict = result["verdict"]
    cls = _CSS_CLASS.get(verdict, "")
    span = result["span"]
    head = (
        f'<header><span class="num">{number}</span>{_badge(verdict)}'
        f'<span class="score">score {result["score"]:.0f}</span>'
        f'<span class="off"><a href="#q{draft}-{number}">draft {span["start"]}–{span["end"]}</a></span>'
        "</header>"
    )
    what = "Draft sentence" if result["kind"] == "figure" else "Draft quote"
    body = [f'<span class="label">{what}</span><blockquote>{_draft_words_html(result)}</blockquote>']
    citation = result.get("citation")
    facts = []
    if citation:
        body.append(f'<span class="label">Source says</span><blockquote>{_source_html(result)}</blockquote>')
    named = (
        escape(result["speaker_named"]) if result["speaker_named"] else '<span class="none">none named</span>'
    )
    facts.append(f"<dt>Speaker in draft</dt><dd>{named}</dd>")
    if citation:
        found = (
            escape(result["speaker_found"])
            if result["speaker_found"]
            else '<span class="none">not named</span>'
        )
        facts.append(f"<dt>Speaker in source</dt><dd>{found}{_match_mark(result['speaker_match'])}</dd>")
        facts.append(f"<dt>Article</dt><dd>{_article(citation.get('source') or {})}</dd>")
        cspan = (result.get("source_excerpt") or {}) or citation["span"]
        facts.append(
            f"<dt>Offsets</dt><dd>source {cspan['start']}–{cspan['end']} · claim "
            f"<code>{escape(citation['id'])}</code></dd>"
        )
    else:
        facts.append('<dt>Source</dt><dd><span class="none">nothing in the index comes close</span></dd>')
    body.append(f'<dl class="facts">{"".join(facts)}</dl>')
    changes = _change_summary(result)
    emphasised = len(changes) - len(result.get("notes") or [])
    if result["kind"] == "figure":
        emphasised = sum(1 for line in changes if line.startswith("draft says"))
    items = [
        f'<li class="change">{escape(line)}</li>' if i < emphasised else f"<li>{escape(line)}</li>"
        for i, line in enumerate(changes)
    ]
    if items:
        body.append(f'<ul class="notes">{"".join(items)}</ul>')
    return (
        f'<article class="card {cls}" id="r{draft}-{number}" aria-label="result {number}: '
        f'{escape(VERDICT_LOOK.get(verdict, ("", verdict, ""))[1])}">{head}{"".join(body)}</article>'
    )


def _draft_section(report: CheckReport, draft: int) -> str:
    results = [r.to_json() for r in report.results]
    marks = _highlights(results)
    counts = (
        "".join(_badge(v, n) for v, n in report.counts.items() if n) or '<span class="none">no quotes</span>'
    )
    paragraphs = _paragraphs(report.text) or [(0, len(report.text))]
    starts = [start for start, _ in paragraphs]
    by_paragraph: dict[int, list[int]] = {}
    for number, result in enumerate(results, 1):
        at = max(0, bisect_right(starts, result["span"]["start"]) - 1)
        by_paragraph.setdefault(at, []).append(number)
    rows = []
    for index, (p_start, p_end) in enumerate(paragraphs):
        cards = "".join(_card(results[i - 1], i, draft) for i in by_paragraph.get(index, []))
        text = _draft_html(report.text, p_start, p_end, marks, results, draft)
        rows.append(
            f'<div class="row"><div class="text"><p>{text}</p></div><div class="cards">{cards}</div></div>'
        )
    status = (
        '<span class="status bad">needs attention</span>'
        if report.has_findings
        else '<span class="status good">✓ every quote verified</span>'
    )
    return (
        f'<section class="draft" aria-label="{escape(report.path)}"><header><h2>{escape(report.path)}</h2>'
        f'<div class="counts">{counts}</div>{status}</header>'
        f"{''.join(rows)}</section>"
    )


def render_html(reports: Iterable[CheckReport], *, title: str = "claimcheck report") -> str:
    """One self-contained page: each draft with its quotes highlighted and, beside them, the evidence."""
    reports = list(reports)
    total = {v: sum(r.counts[v] for r in reports) for v in VERDICTS}
    findings = sum(n for v, n in total.items() if v != VERIFIED)
    summary = (
        f"{len(reports)} draft{'s' if len(reports) != 1 else ''} · "
        f"{sum(total.values())} checked · {findings} finding{'s' if findings != 1 else ''}"
    )
    legend = "".join(_badge(v) for v in VERDICTS)
    sections = "".join(_draft_section(report, i) for i, report in enumerate(reports, 1))
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{_CSS}</style></head><body>"
        f'<header class="page"><h1>{escape(title)}</h1><p>{escape(summary)}</p>'
        f'<div class="legend" aria-label="legend">{legend}</div></header>'
        f"<main>{sections or '<p class=none>No drafts.</p>'}</main>"
        "<footer>Quotes are compared word for word, ignoring case, quotation marks, dashes and spacing; "
        "an ellipsis marks a cut.</footer></body></html>\n"
    )


def write_html(reports: Iterable[CheckReport], path: str) -> None:
    """Write the page (UTF-8); the CLI's ``--html REPORT.html``."""
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(render_html(reports))
