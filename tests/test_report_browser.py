"""The HTML report: escaped, self-contained, and showing every verdict when a real browser renders it.

The browser tests run headless Chromium (or Chrome) on the page built for the test draft and
read back the DOM it rendered; they skip where no such browser is installed.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from claimcheck.check import (
    ALTERED,
    FIGURE_MISMATCH,
    MISATTRIBUTED,
    UNSOURCED,
    VERDICTS,
    VERIFIED,
    CheckReport,
    CheckResult,
)
from claimcheck.report import render_check_table, render_html, verdict_label, write_html

DRAFT = Path(__file__).resolve().parent / "drafts" / "draft_with_problems.txt"
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")

HOSTILE = '<script>alert("x")</script> & “quoted” <img src=x onerror=alert(1)>'


def _citation(text: str, start: int, path: str = "news/a.txt", name: str | None = "Jane Alvarez") -> dict:
    return {
        "schema_version": "1.0",
        "id": "0" * 20,
        "kind": "quote",
        "text": text,
        "span": {"start": start, "end": start + len(text)},
        "speaker": {"name": name, "mention": None, "description": None},
        "cue": None,
        "group": None,
        "sentence": text,
        "sentence_span": {"start": start, "end": start + len(text)},
        "selector": {"type": "TextQuoteSelector", "exact": text, "prefix": "", "suffix": ""},
        "dates": [],
        "figures": [],
        "source": {
            "doc_id": "d1",
            "path": path,
            "title": "<Title>",
            "outlet": "Herald & Co",
            "author": None,
            "published": None,
            "url": "javascript:alert(1)",
        },
    }


def _hostile_report() -> CheckReport:
    text = f"Intro {HOSTILE}\n“We fix <b>bridges</b> & roads,” Alvarez said."
    start = text.index("We fix")
    quote = "We fix <b>bridges</b> & roads,"
    source_text = "We mend <b>bridges</b> & roads"
    result = CheckResult(
        "quote",
        ALTERED,
        quote,
        start,
        start + len(quote),
        score=80.0,
        speaker_named="<Alvarez>",
        speaker_found="Jane <Alvarez>",
        speaker_match=True,
        diff=[
            {
                "op": "replace",
                "draft": "fix",
                "source": "mend",
                "draft_span": {"start": start + 3, "end": start + 6},
                "source_span": {"start": 103, "end": 107},
            }
        ],
        notes=[HOSTILE],
        citation=_citation(source_text, 100, path='x"><script>alert(2)</script>'),
        source_excerpt={"text": source_text, "start": 100, "end": 100 + len(source_text)},
    )
    return CheckReport(path="<draft>.txt", text=text, results=[result])


def test_html_escapes_draft_archive_and_paths():
    page = render_html([_hostile_report()])
    assert "<script" not in page and "<img" not in page and "<b>" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert "&lt;draft&gt;.txt" in page and "Herald &amp; Co" in page
    assert 'href="javascript:' not in page  # only http(s) source URLs become links
    assert "<del>" in page and "mend" in page and "<ins>" in page


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def test_html_is_self_contained():
    page = render_html([_hostile_report()])
    parsed = _Tags()
    parsed.feed(page)
    names = {tag for tag, _ in parsed.tags}
    assert not names & {"script", "link", "img", "iframe", "object", "embed"}
    for _, attrs in parsed.tags:
        assert "src" not in attrs and not any(key.startswith("on") for key in attrs)
        assert attrs.get("href", "#").startswith(("#", "http://", "https://"))
    assert "url(" not in page and "@import" not in page
    assert page.lower().startswith("<!doctype html>") and '<meta charset="utf-8">' in page


def test_every_verdict_has_a_symbol_and_a_word():
    labels = [verdict_label(v) for v in VERDICTS]
    assert len(set(labels)) == len(VERDICTS)
    for label in labels:
        symbol, word = label.split(" ", 1)
        assert symbol and not symbol.isalnum() and word[0].isupper()


def test_write_html_and_terminal_table(tmp_path):
    from rich.console import Console

    report = _hostile_report()
    out = tmp_path / "r.html"
    write_html([report], str(out))
    assert out.read_text(encoding="utf-8") == render_html([report])
    console = Console(record=True, width=160, color_system=None)
    render_check_table(report, console)
    table = console.export_text()
    assert "≠ Altered" in table and "<Alvarez> → Jane <Alvarez>" in table
    assert "changed “mend” to “fix”" in table


# ---------------------------------------------------------------- a real browser


def _browser() -> str:
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("no Chromium/Chrome browser installed")


def _run_browser(browser: str, profile: Path, *args: str) -> subprocess.CompletedProcess:
    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
    ]
    return subprocess.run([browser, *flags, *args], capture_output=True, text=True, timeout=180, check=False)


class _Marks(HTMLParser):
    """The highlighted quotes (<mark data-verdict>) and result cards of a rendered page."""

    def __init__(self) -> None:
        super().__init__()
        self.marks: list[tuple[str, str]] = []
        self.cards: list[str] = []
        self._open: str | None = None
        self._text: list[str] = []
        self._in_tag = 0
        self.dels: list[str] = []
        self.inss: list[str] = []
        self._diff: str | None = None
        self._text_diff: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "mark" and "data-verdict" in attrs:
            self._open, self._text = attrs["data-verdict"], []
        elif tag == "a" and self._open and "tag" in (attrs.get("class") or ""):
            self._in_tag += 1
        elif tag == "article" and "card" in (attrs.get("class") or ""):
            self.cards.append(attrs.get("id") or "")
        elif tag in ("del", "ins"):
            self._diff, self._text_diff = tag, []

    def handle_endtag(self, tag):
        if tag == "mark" and self._open:
            self.marks.append((self._open, "".join(self._text)))
            self._open = None
        elif tag == "a" and self._in_tag:
            self._in_tag -= 1
        elif tag in ("del", "ins") and self._diff == tag:
            (self.dels if tag == "del" else self.inss).append("".join(self._text_diff))
            self._diff = None

    def handle_data(self, data):
        if self._open and not self._in_tag:
            self._text.append(data)
        if self._diff:
            self._text_diff.append(data)


@pytest.fixture(scope="module")
def rendered(nlp, indexed_corpus, tmp_path_factory):
    """The test draft checked against the indexed sample corpus, rendered to a page on disk."""
    from claimcheck.check import check_text
    from claimcheck.store import Store

    text = DRAFT.read_text(encoding="utf-8")
    with Store.open(indexed_corpus, create=False, readonly=True) as index:
        report = check_text(text, index, nlp, path="tests/drafts/draft_with_problems.txt")
    page = tmp_path_factory.mktemp("report") / "report.html"
    write_html([report], str(page))
    return report, page


def test_browser_renders_every_quote_highlighted(rendered, tmp_path):
    browser = _browser()
    report, page = rendered
    done = _run_browser(browser, tmp_path / "profile", "--dump-dom", page.as_uri())
    assert done.returncode == 0, done.stderr[-2000:]
    dom = _Marks()
    dom.feed(done.stdout)
    quotes = [r for r in report.results if r.kind == "quote"]
    marked = {text for _, text in dom.marks}
    for result in quotes:  # every quote is highlighted, with its verdict, in the rendered page
        assert (result.verdict, result.text) in dom.marks, (result.verdict, result.text, dom.marks)
    assert {v for v, _ in dom.marks} >= {VERIFIED, ALTERED, MISATTRIBUTED, UNSOURCED, FIGURE_MISMATCH}
    assert "84%" in marked
    assert len(dom.cards) == len(report.results)
    assert any("citizens" in d for d in dom.dels) and any("people" in i for i in dom.inss)
    assert any("83%" in d for d in dom.dels) and any("84%" in i for i in dom.inss)


def test_browser_screenshot(rendered, tmp_path):
    browser = _browser()
    _, page = rendered
    shot = tmp_path / "report.png"
    done = _run_browser(
        browser, tmp_path / "profile", f"--screenshot={shot}", "--window-size=1280,1600", page.as_uri()
    )
    assert done.returncode == 0 and shot.exists(), done.stderr[-2000:]
    header = shot.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", header[16:24])
    assert (width, height) == (1280, 1600)
    assert shot.stat().st_size > 20_000  # a blank page compresses to a few KB
