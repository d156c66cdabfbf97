"""A corpus of the files real archives contain, built fresh in a temporary folder.

``build_hostile_corpus(root)`` writes good documents in every format next to binaries,
empty files, legacy encodings, a broken JSON export, a half-broken JSONL file, a file
over the size limit, symlink loops, a dangling link and an unreadable file, and returns
what a correct reader must make of them. All keys are paths relative to ``root``.

Returned dict:

* ``good``: ``{relpath: [expectation, ...]}``, one per document the file holds, in order.
  An expectation has ``key`` and may have ``text`` (exact), ``contains`` (substrings),
  ``encoding`` and ``meta`` (title/outlet/author/published/url that must match).
* ``bad``: ``{relpath: reason substring}`` for files that must be skipped whole.
* ``bad_lines``: ``{relpath: {line: reason substring}}`` for JSONL records skipped by line.
* ``ignored``: relpaths that must not be mentioned at all (hidden, unsupported, sidecars).
* ``never_in_text``: strings from script/style/nav blocks that no document may contain.
* ``unreadable``: relpath of the file whose permissions forbid reading (root can still
  read it, so tests simulate the failure when ``os.access`` says it is readable).
"""

from __future__ import annotations

import json
import os
import random
from pathlib import Path
from typing import Any

MB = 1024 * 1024

CP1252_TEXT = "“Zoë’s café is closed,” the owner said — a €5 coffee is gone.\n"
LATIN1_TEXT = "Señor Núñez said the crème brûlée cost £4 and was très bon.\n"
CRLF_TEXT = "“We will appeal,” said Ana Diaz.\r\nThe court ruled on Monday.\r\n"
PLAIN_TEXT = "“The budget is balanced,” said Mayor Robert King. Critics disagreed.\n"
SIDECAR_TEXT = "The council voted 7-2 on Tuesday, the clerk said.\n"

HTML_PAGE = """<!DOCTYPE html>
<html><head><title>Schools budget row | Daily Planet</title>
<meta name="author" content="Jane Doe">
<meta property="og:site_name" content="Daily Planet">
<meta property="article:published_time" content="2019-02-11T10:00:00Z">
<link rel="canonical" href="https://example.org/schools-budget">
<style>.lede { color: red } STYLE_SECRET_TOKEN</style>
<script>var SCRIPT_SECRET_TOKEN = 1;</script>
</head><body>
<nav><a href="/">Home</a> <a href="/nav">NAV_SECRET_TOKEN</a></nav>
<article><h1>Schools budget row</h1>
<p>“We will not cut the schools budget,” said Mayor Robert King on Monday, adding that 83% of
residents agreed with the plan his office published last week.</p>
<script>document.write("INLINE_SCRIPT_SECRET_TOKEN");</script>
<p>The council voted 7-2 on the plan. Opponents said the figures did not add up and called for an
independent audit of the city accounts before the next budget round in the spring.</p>
</article>
<footer>Copyright Daily Planet</footer>
</body></html>
"""
SECRETS = ["STYLE_SECRET_TOKEN", "SCRIPT_SECRET_TOKEN", "NAV_SECRET_TOKEN", "INLINE_SCRIPT_SECRET_TOKEN"]


def _write(root: Path, rel: str, data: bytes | str) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def build_hostile_corpus(root: Path) -> dict[str, Any]:
    """Write the corpus under ``root`` and return the expectations (see module docstring)."""
    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    good: dict[str, list[dict[str, Any]]] = {}
    bad: dict[str, str] = {}

    # --- good documents, every format
    _write(root, "good/plain.txt", PLAIN_TEXT)
    good["good/plain.txt"] = [{"key": "", "text": PLAIN_TEXT, "encoding": "utf-8"}]

    _write(root, "good/with_meta.txt", SIDECAR_TEXT)
    _write(
        root,
        "good/with_meta.meta.yml",
        "title: Council vote\noutlet: City Ledger\nauthor: Sam Lee\npublished: 2019-02-11\n"
        "url: https://example.org/vote\n",
    )
    good["good/with_meta.txt"] = [
        {
            "key": "",
            "text": SIDECAR_TEXT,
            "meta": {
                "title": "Council vote",
                "outlet": "City Ledger",
                "author": "Sam Lee",
                "published": "2019-02-11",
                "url": "https://example.org/vote",
            },
        }
    ]

    body = "“It is over,” she said.\n\nThe end.\n"
    _write(
        root,
        "good/front.md",
        "---\ntitle: Front matter\noutlet: The Wire\npublished: 2018-06-12\n"
        f"author: [Ann Bo, Cy Dee]\n---\n{body}",
    )
    good["good/front.md"] = [
        {
            "key": "",
            "text": body,
            "meta": {
                "title": "Front matter",
                "outlet": "The Wire",
                "published": "2018-06-12",
                "author": "Ann Bo, Cy Dee",
            },
        }
    ]

    _write(root, "good/deeper/inner/page.html", HTML_PAGE)
    good["good/deeper/inner/page.html"] = [
        {
            "key": "",
            "contains": ["We will not cut the schools budget", "The council voted 7-2"],
            "meta": {
                "title": "Schools budget row",
                "author": "Jane Doe",
                "outlet": "Daily Planet",
                "published": "2019-02-11",
                "url": "https://example.org/schools-budget",
            },
        }
    ]

    records = [
        {
            "id": "a1",
            "text": "First record text.",
            "title": "One",
            "publisher": "Wire Service",
            "date": "2020-03-04",
        },
        {"text": "Second record, no id.", "source": "Other Wire", "published": "March 2020"},
    ]
    _write(root, "good/records.json", json.dumps(records))
    good["good/records.json"] = [
        {
            "key": "a1",
            "text": "First record text.",
            "meta": {"title": "One", "outlet": "Wire Service", "published": "2020-03-04"},
        },
        {
            "key": "2",
            "text": "Second record, no id.",
            "meta": {"outlet": "Other Wire", "published": "2020-03"},
        },
    ]

    _write(root, "good/articles.json", json.dumps({"articles": [{"text": "Wrapped article.", "id": 7}]}))
    good["good/articles.json"] = [{"key": "7", "text": "Wrapped article."}]

    _write(root, "good/single.json", json.dumps({"text": "A single object.", "url": "https://example.org/s"}))
    good["good/single.json"] = [
        {"key": "", "text": "A single object.", "meta": {"url": "https://example.org/s"}}
    ]

    # --- JSONL with bad lines among good ones
    lines = [
        json.dumps({"id": "r1", "text": "Good line one."}),  # 1
        '{"id": "r2", "text": "unterminated',  # 2 malformed
        json.dumps({"text": "Good line three.", "author": "Kim Park"}),  # 3
        json.dumps({"id": "r4", "title": "no text here"}),  # 4 no text
        "",  # 5 blank: ignored
        json.dumps({"id": "r6", "text": 42}),  # 6 text not a string
        json.dumps(["not", "an", "object"]),  # 7
        json.dumps({"id": "r1", "text": "Duplicate id."}),  # 8
        json.dumps({"id": "r9", "text": "   "}),  # 9 empty text
        json.dumps({"id": "r10", "text": "Good line ten, “curly”."}),  # 10
    ]
    _write(root, "mixed.jsonl", "\n".join(lines) + "\n")
    good["mixed.jsonl"] = [
        {"key": "r1", "text": "Good line one."},
        {"key": "3", "text": "Good line three.", "meta": {"author": "Kim Park"}},
        {"key": "r10", "text": "Good line ten, “curly”."},
    ]
    bad_lines = {
        "mixed.jsonl": {
            2: "malformed JSON",
            4: 'no "text" string',
            6: 'no "text" string',
            7: "not a JSON object",
            8: "duplicate id",
            9: "empty text",
        }
    }

    # --- encodings and line ends
    _write(root, "enc/cp1252.txt", CP1252_TEXT.encode("cp1252"))
    good["enc/cp1252.txt"] = [{"key": "", "text": CP1252_TEXT, "encoding": "cp1252"}]
    _write(root, "enc/latin1.txt", LATIN1_TEXT.encode("latin-1"))
    good["enc/latin1.txt"] = [{"key": "", "text": LATIN1_TEXT}]
    _write(root, "enc/bom.txt", b"\xef\xbb\xbf" + PLAIN_TEXT.encode("utf-8"))
    good["enc/bom.txt"] = [{"key": "", "text": PLAIN_TEXT}]
    _write(root, "enc/crlf.txt", CRLF_TEXT.encode("utf-8"))
    good["enc/crlf.txt"] = [{"key": "", "text": CRLF_TEXT}]
    _write(root, "enc/utf16.txt", "\ufeff".encode("utf-16-le") + PLAIN_TEXT.encode("utf-16-le"))
    good["enc/utf16.txt"] = [{"key": "", "text": PLAIN_TEXT}]

    # --- files that must be skipped whole
    rng = random.Random(20240501)
    _write(root, "bad/binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + rng.randbytes(2048))
    bad["bad/binary.txt"] = "binary"
    _write(root, "bad/undecodable.txt", bytes(b or 1 for b in rng.randbytes(4096)))
    bad["bad/undecodable.txt"] = "binary or undecodable"
    _write(root, "bad/empty.txt", b"")
    bad["bad/empty.txt"] = "empty"
    _write(root, "bad/blank.md", " \n\t\r\n   \n")
    bad["bad/blank.md"] = "empty"
    _write(root, "bad/broken.json", '{"text": "cut off in the middle",')
    bad["bad/broken.json"] = "malformed JSON"
    _write(root, "bad/no_text.json", json.dumps({"headline": "no text field"}))
    bad["bad/no_text.json"] = "no documents in JSON"
    _write(
        root, "bad/empty_page.html", "<html><head><script>var NOPE = 1;</script></head><body></body></html>"
    )
    bad["bad/empty_page.html"] = "no article text"
    huge = root / "bad/huge.txt"
    with open(huge, "wb") as fh:  # sparse: 50 MB on paper, nothing on disk
        fh.truncate(50 * MB)
    bad["bad/huge.txt"] = "too large (50.0 MB > 20 MB limit)"
    unreadable = _write(root, "bad/unreadable.txt", "You should not be able to read this.\n")
    os.chmod(unreadable, 0)
    bad["bad/unreadable.txt"] = "permission denied"

    # --- links: a folder loop, a file loop, a dangling link, a duplicate route to a file
    (root / "links").mkdir()
    os.symlink("..", root / "links/up")  # folder loop back to the corpus root
    os.symlink("loop_b.txt", root / "links/loop_a.txt")
    os.symlink("loop_a.txt", root / "links/loop_b.txt")
    bad["links/loop_a.txt"] = "symlink loop"
    bad["links/loop_b.txt"] = "symlink loop"
    os.symlink("missing_target.txt", root / "links/dangling.txt")
    bad["links/dangling.txt"] = "broken symlink"
    os.symlink("../good/plain.txt", root / "links/same_as_plain.txt")  # read once, under good/

    # --- ignored silently inside folders
    _write(root, ".git/config", "[core]\n")
    _write(root, ".hidden/secret.txt", "hidden text\n")
    _write(root, "good/.draft.txt", "hidden draft\n")
    _write(root, "notes.docx", rng.randbytes(512))
    _write(root, "data.bin", b"\x00\x01\x02")
    os.symlink("nowhere.docx", root / "dangling.docx")
    ignored = [
        ".git/config",
        ".hidden/secret.txt",
        "good/.draft.txt",
        "notes.docx",
        "data.bin",
        "dangling.docx",
        "good/with_meta.meta.yml",
        "links/same_as_plain.txt",
    ]
    return {
        "root": root,
        "good": good,
        "bad": bad,
        "bad_lines": bad_lines,
        "ignored": ignored,
        "never_in_text": SECRETS,
        "unreadable": "bad/unreadable.txt",
    }
