"""Finding and reading corpus files, including everything a messy archive throws at us."""

from __future__ import annotations

import builtins
import hashlib
import io
import json
import os
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimcheck.documents import (
    DEFAULT_MAX_BYTES,
    MAX_BYTES_ENV,
    Document,
    Skipped,
    SourceFile,
    decode_bytes,
    discover,
    file_sha256,
    normalize_date,
    read_path,
    read_source,
    read_stdin,
    resolve_max_bytes,
    sniff_format,
)

try:
    from tests.hostile_corpus import build_hostile_corpus
except ImportError:  # tests/ is not a package: pytest puts it on sys.path itself
    from hostile_corpus import build_hostile_corpus

REPO = Path(__file__).resolve().parents[1]
SAMPLE_CORPUS = REPO / "corpus"


def _rel(root: Path, display: str) -> str:
    return Path(os.path.relpath(display, root)).as_posix()


@pytest.fixture
def hostile(tmp_path, monkeypatch):
    """The hostile corpus, with the unreadable file unreadable even for root."""
    spec = build_hostile_corpus(tmp_path / "archive")
    blocked = str((spec["root"] / spec["unreadable"]).resolve())
    if os.access(blocked, os.R_OK):  # running as root: chmod 000 does not bite
        real_open = builtins.open

        def guarded_open(file, *args, **kwargs):
            if isinstance(file, (str, os.PathLike)) and os.path.realpath(file) == blocked:
                raise PermissionError(13, "Permission denied", os.fspath(file))
            return real_open(file, *args, **kwargs)

        monkeypatch.setattr(builtins, "open", guarded_open)
    monkeypatch.delenv(MAX_BYTES_ENV, raising=False)
    return spec


def _read_all(paths, **kwargs):
    docs, skipped = [], []
    for item in discover(paths, **kwargs):
        if isinstance(item, Skipped):
            skipped.append(item)
            continue
        for got in read_source(item):
            (docs if isinstance(got, Document) else skipped).append(got)
    return docs, skipped


# --------------------------------------------------------------------------- hostile corpus


def test_hostile_corpus_good_documents_are_read_exactly(hostile):
    root = hostile["root"]
    docs, _ = _read_all([str(root)])
    by_file: dict[str, list[Document]] = {}
    for doc in docs:
        by_file.setdefault(_rel(root, doc.display_path), []).append(doc)
    assert set(by_file) == set(hostile["good"])
    for rel, expectations in hostile["good"].items():
        got = by_file[rel]
        assert [d.key for d in got] == [e["key"] for e in expectations], rel
        for doc, exp in zip(got, expectations, strict=True):
            if "text" in exp:
                assert doc.text == exp["text"], rel
            for piece in exp.get("contains", []):
                assert piece in doc.text, rel
            if "encoding" in exp:
                assert doc.encoding == exp["encoding"], rel
            for field, value in exp.get("meta", {}).items():
                assert getattr(doc, field) == value, (rel, field)
            assert doc.path == str((root / rel).resolve())
            assert doc.sha256 == hashlib.sha256(doc.text.encode("utf-8")).hexdigest()
            assert doc.doc_id == hashlib.sha256(f"{doc.path}#{doc.key}".encode()).hexdigest()[:16]


def test_hostile_corpus_bad_files_are_skipped_with_reasons(hostile):
    root = hostile["root"]
    _, skipped = _read_all([str(root)])
    whole = {_rel(root, s.path): s.reason for s in skipped if s.line is None}
    assert set(whole) == set(hostile["bad"])
    for rel, reason in hostile["bad"].items():
        assert reason in whole[rel], (rel, whole[rel])
    by_line = {(_rel(root, s.path), s.line): s.reason for s in skipped if s.line is not None}
    expected = {(rel, n): r for rel, lines in hostile["bad_lines"].items() for n, r in lines.items()}
    assert set(by_line) == set(expected)
    for where, reason in expected.items():
        assert reason in by_line[where], (where, by_line[where])


def test_hostile_corpus_ignored_files_are_not_mentioned(hostile):
    root = hostile["root"]
    docs, skipped = _read_all([str(root)])
    mentioned = {_rel(root, d.display_path) for d in docs} | {_rel(root, s.path) for s in skipped}
    assert not mentioned & set(hostile["ignored"])


def test_html_script_style_and_nav_never_reach_the_text(hostile):
    docs, _ = _read_all([str(hostile["root"])])
    for doc in docs:
        for secret in hostile["never_in_text"]:
            assert secret not in doc.text


def test_legacy_encodings_decode_non_ascii_correctly(hostile):
    root = hostile["root"]
    [cp] = read_path(root / "enc/cp1252.txt")
    assert "“Zoë’s café" in cp.text and "€5" in cp.text and "—" in cp.text
    [l1] = read_path(root / "enc/latin1.txt")
    assert "Señor Núñez" in l1.text and "crème brûlée" in l1.text and "£4" in l1.text
    assert l1.encoding in {"cp1252", "latin-1"}


def test_bom_is_stripped_and_crlf_kept(hostile):
    root = hostile["root"]
    [bom] = read_path(root / "enc/bom.txt")
    assert not bom.text.startswith("\ufeff")
    [crlf] = read_path(root / "enc/crlf.txt")
    assert crlf.text.count("\r\n") == 2
    start = crlf.text.index("The court")
    assert crlf.text[start : start + 9] == "The court"


def test_huge_file_skipped_by_default_and_readable_with_a_higher_limit(hostile, monkeypatch):
    huge = str(hostile["root"] / "bad/huge.txt")
    [item] = list(discover([huge]))
    assert isinstance(item, Skipped) and item.reason == "too large (50.0 MB > 20 MB limit)"
    [item] = list(discover([huge], max_bytes=1024))
    assert item.reason == f"too large ({50 * 1024 * 1024} bytes > 1024 bytes limit)"
    monkeypatch.setenv(MAX_BYTES_ENV, "60MB")
    [src] = list(discover([huge], hash_files=False))
    assert isinstance(src, SourceFile)
    [got] = list(read_source(src))
    assert isinstance(got, Skipped) and "binary" in got.reason  # sparse zeros: NUL bytes


def test_read_source_rechecks_the_limit(tmp_path):
    path = tmp_path / "grew.txt"
    path.write_text("x" * 100)
    [src] = list(discover([str(path)]))
    [got] = list(read_source(src, max_bytes=10))
    assert isinstance(got, Skipped) and got.reason.startswith("too large")


def test_max_bytes_resolution(monkeypatch):
    monkeypatch.delenv(MAX_BYTES_ENV, raising=False)
    assert resolve_max_bytes() == DEFAULT_MAX_BYTES == 20 * 1024 * 1024
    assert resolve_max_bytes(5) == 5
    for raw, want in [("1000", 1000), ("2MB", 2 * 1024 * 1024), ("1.5k", 1536), ("3G", 3 * 1024**3)]:
        monkeypatch.setenv(MAX_BYTES_ENV, raw)
        assert resolve_max_bytes() == want, raw
    monkeypatch.setenv(MAX_BYTES_ENV, "lots")
    assert resolve_max_bytes() == DEFAULT_MAX_BYTES


def test_unreadable_file_is_skipped_at_read_time_too(hostile):
    """discover may have hashed before permissions changed: read_source must cope."""
    path = hostile["root"] / hostile["unreadable"]
    src = SourceFile(str(path.resolve()), 10, 0.0, "", display="x/unreadable.txt")
    [got] = list(read_source(src))
    assert got == Skipped("x/unreadable.txt", "permission denied")


def test_symlink_loops_do_not_hang(hostile):
    start = time.perf_counter()
    items = list(discover([str(hostile["root"] / "links")]))
    assert time.perf_counter() - start < 5
    reasons = {Path(i.path).name: i.reason for i in items if isinstance(i, Skipped)}
    assert reasons["loop_a.txt"] == "symlink loop"
    assert reasons["dangling.txt"].startswith("broken symlink")
    # up -> .. walks the whole archive once; plain.txt comes once although two routes lead to it
    plain = [i for i in items if isinstance(i, SourceFile) and i.path.endswith("good/plain.txt")]
    assert len(plain) == 1


# --------------------------------------------------------------------------- discover


def test_named_paths_are_always_answered(tmp_path):
    (tmp_path / "a.docx").write_bytes(b"PK")
    (tmp_path / "a.meta.yml").write_text("title: x\n")
    items = list(
        discover([str(tmp_path / "missing.txt"), str(tmp_path / "a.docx"), str(tmp_path / "a.meta.yml")])
    )
    assert [i.reason for i in items] == [
        "no such file or directory",
        "unsupported file type",
        "metadata sidecar, not a document (it is read with its .txt file)",
    ]


def test_discover_order_paths_and_dedup(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    for name in ["b.txt", "a.md", "sub/c.txt", "sub/a.json", "A.TXT"]:
        (corpus / name).parent.mkdir(parents=True, exist_ok=True)
        (corpus / name).write_text('{"text": "x"}' if name.endswith("json") else "text")
    monkeypatch.chdir(tmp_path)
    first = list(discover(["corpus", "corpus/b.txt", "./corpus/sub"]))
    assert [s.display for s in first] == [
        "corpus/A.TXT",
        "corpus/a.md",
        "corpus/b.txt",
        "corpus/sub/a.json",
        "corpus/sub/c.txt",
    ]
    assert [s.kind for s in first] == ["txt", "md", "txt", "json", "txt"]
    assert all(s.path == str((tmp_path / s.display).resolve()) for s in first)
    assert list(discover(["corpus"])) == first  # deterministic
    monkeypatch.chdir(corpus)
    again = list(discover(["."]))
    assert [s.path for s in again] == [s.path for s in first]  # identity does not depend on cwd
    assert [s.display for s in again] == ["A.TXT", "a.md", "b.txt", "sub/a.json", "sub/c.txt"]


def test_sidecar_bytes_count_in_the_hash(tmp_path):
    txt, meta = tmp_path / "story.txt", tmp_path / "story.meta.yml"
    txt.write_text("Some text.\n")
    [bare] = list(discover([str(txt)]))
    assert bare.sidecar is None and bare.sha256 == hashlib.sha256(txt.read_bytes()).hexdigest()
    meta.write_text("title: First\n")
    [one] = list(discover([str(tmp_path)]))
    meta.write_text("title: Second\n")
    [two] = list(discover([str(txt)]))
    assert one.sidecar == two.sidecar == str(meta.resolve())
    assert len({bare.sha256, one.sha256, two.sha256}) == 3
    assert two.sha256 == file_sha256(str(txt), str(meta))
    [doc] = list(read_source(two))
    assert doc.title == "Second" and doc.text == "Some text.\n"


def test_broken_sidecar_keeps_the_text(tmp_path):
    (tmp_path / "s.txt").write_text("Words.\n")
    (tmp_path / "s.meta.yml").write_text("title: [unclosed\n")
    [doc] = read_path(tmp_path)
    assert doc.text == "Words.\n" and doc.title is None


def test_no_op_rerun_over_1000_small_files_is_fast(tmp_path):
    for i in range(1000):
        (tmp_path / f"{i:04d}.txt").write_text(f"Article {i}: “quote,” said someone.\n" * 5)
    list(discover([str(tmp_path)]))  # warm the page cache like a re-run would find it
    start = time.perf_counter()
    found = list(discover([str(tmp_path)]))
    elapsed = time.perf_counter() - start
    assert len(found) == 1000 and all(isinstance(f, SourceFile) and f.sha256 for f in found)
    assert elapsed < 0.5, f"discover took {elapsed:.3f}s for 1,000 files"


# --------------------------------------------------------------------------- formats


def test_sample_corpus_reads_with_sidecar_metadata():
    if not SAMPLE_CORPUS.is_dir():
        pytest.skip("no sample corpus")
    items = read_path(SAMPLE_CORPUS)
    assert items and all(isinstance(d, Document) for d in items)
    assert all(d.outlet for d in items)  # every sample has a sidecar naming its outlet
    assert all(d.display_path.endswith(".txt") for d in items)


def test_markdown_front_matter_variants(tmp_path):
    cases = {
        "none.md": ("# Title\n\nBody.\n", "# Title\n\nBody.\n", None),
        "crlf.md": ("---\r\ntitle: CRLF\r\n---\r\nBody.\r\n", "Body.\r\n", "CRLF"),
        "dots.md": ("---\ntitle: Dots\n...\nBody.\n", "Body.\n", "Dots"),
        "unclosed.md": ("---\ntitle: Open\nBody.\n", "---\ntitle: Open\nBody.\n", None),
        "badyaml.md": ("---\ntitle: [oops\n---\nBody.\n", "Body.\n", None),
        "scalar.md": ("---\njust a string\n---\nBody.\n", "Body.\n", None),
    }
    for name, (raw, _, _) in cases.items():
        (tmp_path / name).write_text(raw, newline="")
    for name, (_, text, title) in cases.items():
        [doc] = read_path(tmp_path / name)
        assert (doc.text, doc.title) == (text, title), name
    (tmp_path / "only.md").write_text("---\ntitle: Nothing else\n---\n\n")
    [skip] = read_path(tmp_path / "only.md")
    assert isinstance(skip, Skipped) and "no text" in skip.reason


def test_json_edge_cases(tmp_path):
    (tmp_path / "sur.json").write_text('{"text": "bad \\ud800 surrogate", "title": "t\\udfff"}')
    [doc] = read_path(tmp_path / "sur.json")
    assert doc.text == "bad \ufffd surrogate" and doc.title == "t\ufffd"
    doc.text.encode("utf-8")  # storable
    (tmp_path / "deep.json").write_text("[" * 100_000 + "]" * 100_000)
    [skip] = read_path(tmp_path / "deep.json")
    assert isinstance(skip, Skipped) and "malformed JSON" in skip.reason
    (tmp_path / "list.json").write_text(json.dumps([{"text": "ok"}, "nope", {"text": None}]))
    got = read_path(tmp_path / "list.json")
    assert [type(g).__name__ for g in got] == ["Document", "Skipped", "Skipped"]
    assert got[1].reason == "record 2: not a JSON object" and got[1].line is None
    (tmp_path / "num.json").write_text("42")
    [skip] = read_path(tmp_path / "num.json")
    assert "no documents in JSON" in skip.reason


def test_normalize_date_never_invents():
    assert normalize_date("2019-02-11") == "2019-02-11"
    assert normalize_date("2019-02-11T10:00:00Z") == "2019-02-11"
    assert normalize_date("2019-02") == "2019-02"
    assert normalize_date(2019) == "2019"
    assert normalize_date("February 11, 2019") == "2019-02-11"
    assert normalize_date("February 2019") == "2019-02"
    for vague in ["yesterday", "Monday", "March 5", "last week", "2019-13-45", "", None, True, "summer"]:
        assert normalize_date(vague) is None, vague


def test_decode_bytes():
    assert decode_bytes("héllo".encode("utf-16")) == ("héllo", "utf-16-le")
    assert decode_bytes("plain words".encode("utf-16-le")) == ("plain words", "utf-16-le")
    assert decode_bytes(b"\xef\xbb\xbfabc") == ("abc", "utf-8")
    with pytest.raises(Exception, match="binary"):
        decode_bytes(b"abc\x00def")


# --------------------------------------------------------------------------- stdin


@pytest.mark.parametrize(
    ("payload", "fmt"),
    [
        ('{"text": "one"}', "json"),
        ('[{"text": "one"}, {"text": "two"}]', "json"),
        ('{"text": "one"}\n{"text": "two"}\n', "jsonl"),
        ("---\ntitle: T\n---\nBody.\n", "md"),
        ("<!DOCTYPE html><html><body><p>x</p></body></html>", "html"),
        ("[Editor's note] A plain draft.", "txt"),
        ("“Quote,” she said.", "txt"),
        ("42", "txt"),
    ],
)
def test_sniff_format(payload, fmt):
    assert sniff_format(payload) == fmt


def test_read_stdin_text_and_bytes_streams():
    class FakeStdin(io.StringIO):
        buffer = io.BytesIO("“Quote,” she said.\r\n".encode("cp1252"))

    [doc] = list(read_stdin(FakeStdin()))
    assert doc.text == "“Quote,” she said.\r\n" and doc.path == "-" == doc.display_path
    got = list(read_stdin(io.BytesIO(b'{"id": "x", "text": "one"}\nnot json\n{"text": "three"}\n')))
    assert [(type(g).__name__, getattr(g, "line", None)) for g in got] == [
        ("Document", None),
        ("Skipped", 2),
        ("Document", None),
    ]
    assert got[0].key == "x" and got[2].key == "3"
    [doc] = list(read_stdin(io.StringIO("---\ntitle: Draft\n---\nThe body.\n")))
    assert (doc.title, doc.text) == ("Draft", "The body.\n")
    [skip] = list(read_stdin(io.BytesIO(b"x" * 100), max_bytes=10))
    assert isinstance(skip, Skipped) and "too large" in skip.reason
    [skip] = list(read_stdin(io.BytesIO(b"  \n")))
    assert skip == Skipped("-", "empty file")


# --------------------------------------------------------------------------- properties

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _read_bytes_as(tmp_path: Path, suffix: str, data: bytes) -> list[Document | Skipped]:
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(data)
    out = read_path(path)
    assert out, "a named file is always answered"
    for item in out:
        assert isinstance(item, (Document, Skipped))
        if isinstance(item, Skipped):
            assert not item.reason.startswith("internal error"), item.reason
        else:
            assert item.text.strip()
            item.text.encode("utf-8")
    return out


@FUZZ
@given(data=st.binary(max_size=2048), suffix=st.sampled_from([".txt", ".md", ".json", ".jsonl"]))
def test_any_bytes_never_raise(tmp_path, data, suffix):
    _read_bytes_as(tmp_path, suffix, data)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    data=st.one_of(
        st.binary(max_size=1024),
        st.text(max_size=300).map(
            lambda t: f"<html><body><p>{t}</p><script>{t}</script></body></html>".encode()
        ),
    )
)
def test_any_bytes_into_html_never_raise(tmp_path, data):
    _read_bytes_as(tmp_path, ".html", data)


@FUZZ
@given(text=st.text(max_size=500))
def test_txt_round_trips_any_utf8_text(tmp_path, text):
    out = _read_bytes_as(tmp_path, ".txt", text.encode("utf-8"))
    expected = text.removeprefix("\ufeff")
    if "\x00" in text:
        assert isinstance(out[0], Skipped) and "binary" in out[0].reason
    elif not expected.strip():
        assert out == [Skipped(str(tmp_path / "fuzz.txt"), "empty file")]
    else:
        [doc] = out
        assert doc.text == expected and doc.encoding == "utf-8"


@FUZZ
@given(texts=st.lists(st.text(max_size=100), max_size=5))
def test_jsonl_round_trips_record_text(tmp_path, texts):
    lines = "\n".join(json.dumps({"text": t}) for t in texts)
    out = _read_bytes_as(tmp_path, ".jsonl", lines.encode("utf-8")) if texts else []
    wanted = [t for t in texts if t.strip()]
    assert [d.text for d in out if isinstance(d, Document)] == wanted
    assert all(s.line is not None for s in out if isinstance(s, Skipped))


def test_unlistable_folder_is_skipped_and_the_rest_read(tmp_path, monkeypatch):
    (tmp_path / "open").mkdir()
    (tmp_path / "open/a.txt").write_text("Readable.\n")
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked/b.txt").write_text("Hidden behind permissions.\n")
    real_scandir = os.scandir

    def scandir(path):
        if os.path.basename(path) == "locked":
            raise PermissionError(13, "Permission denied", path)
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    items = list(discover([str(tmp_path)]))
    assert [type(i).__name__ for i in items] == ["Skipped", "SourceFile"]
    assert items[0].reason == "permission denied" and items[0].path.endswith("locked")
    assert items[1].display.endswith("open/a.txt")
