"""Finding and reading corpus files: the only place claimcheck touches raw bytes.

Archives are messy (legacy encodings, binaries dropped in the folder, exports that are
half broken, symlink farms), so nothing here raises for a bad file: every failure becomes
a :class:`Skipped` with a short human reason, and the good files still get read.

Two paths are kept for every file, because identity and display have different needs:

* ``path``: the absolute, symlink-resolved path. It is stable whatever the working
  directory, so it keys the index (``files.path``) and feeds ``Document.doc_id``.
* ``display`` / ``display_path``: the path as the user gave it, joined with the subpath
  found under a folder (``corpus/000_x.txt``). Use it in tables, citations and messages.

Formats (chosen by extension, case-insensitive):

* ``.txt``: the whole file is the text. An optional sidecar ``NAME.meta.yml`` (or
  ``.meta.yaml``) next to ``NAME.txt`` gives title, outlet, author, published, url; its
  bytes count in ``SourceFile.sha256`` so editing the metadata re-indexes the file.
  Sidecars are never documents themselves.
* ``.md`` / ``.markdown``: optional YAML front matter between ``---`` lines; the document
  text is the body after it, so claim offsets are into the body.
* ``.html`` / ``.htm``: trafilatura's main article text (no script, style or navigation)
  and metadata: title, author, sitename -> outlet, date -> published, url.
* ``.json``: an object with a ``"text"`` string, a list of such objects, or an object
  holding that list under ``"articles"``, ``"documents"`` or ``"records"``.
* ``.jsonl``: one such object per line; a malformed line is skipped with its line number.

Record fields read: ``text``; ``title`` (or ``headline``); ``outlet`` (or ``publisher``,
``source``, ``sitename``); ``author`` (or ``authors``, ``byline``); ``published`` (or
``date``); ``url`` (or ``link``); ``id`` becomes ``Document.key``.

Published dates are ISO strings ("2019", "2019-02", "2019-02-11") when the metadata fixes
them, else None: a date is never invented.
"""

from __future__ import annotations

import codecs
import datetime as dt
import errno
import hashlib
import json
import logging
import os
import re
import stat
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO, Any

import yaml

log = logging.getLogger(__name__)

MB = 1024 * 1024
DEFAULT_MAX_BYTES = 20 * MB
MAX_BYTES_ENV = "CLAIMCHECK_MAX_BYTES"
STDIN_PATH = "-"

FORMATS = {
    ".txt": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".jsonl": "jsonl",
}
SIDECAR_SUFFIXES = (".meta.yml", ".meta.yaml")
LIST_KEYS = ("articles", "documents", "records")
FIELD_ALIASES = {
    "title": ("title", "headline"),
    "outlet": ("outlet", "publisher", "source", "sitename", "site_name"),
    "author": ("author", "authors", "byline"),
    "published": ("published", "date", "published_at", "publication_date"),
    "url": ("url", "link"),
}
_DATE_PARSERS = ["custom-formats", "absolute-time"]  # no "relative-time": it would invent dates
_CHUNK = 1 << 20
_SURROGATE = re.compile("[\ud800-\udfff]")
_ISO_DATE = re.compile(r"^\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ][0-9:.+\-Z ]*)?\s*$")


class DocumentError(Exception):
    """A file that cannot be read as a document; the message is the human reason."""


@dataclass(frozen=True)
class Document:
    """One article: the text exactly as decoded (BOM removed, newlines as in the file).

    ``path`` is the absolute resolved source path ("-" for stdin) and, with ``key``, makes
    ``doc_id``; ``display_path`` is the path to show. Claim offsets index into ``text``.
    """

    text: str
    path: str
    key: str
    doc_id: str
    sha256: str
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None
    url: str | None = None
    encoding: str = "utf-8"
    display_path: str = ""

    def __post_init__(self) -> None:
        if not self.display_path:
            object.__setattr__(self, "display_path", self.path)


@dataclass(frozen=True)
class SourceFile:
    """A file found by :func:`discover`, ready for :func:`read_source`.

    ``sha256`` covers the raw bytes plus the sidecar's bytes ("" when discover ran with
    ``hash_files=False``); ``mtime`` is the later of the two. ``kind`` is the format
    ("txt", "md", "html", "json", "jsonl"), taken from the name the user sees.
    """

    path: str
    size: int
    mtime: float
    sha256: str
    display: str = ""
    kind: str = ""
    sidecar: str | None = None

    def __post_init__(self) -> None:
        if not self.display:
            object.__setattr__(self, "display", self.path)
        if not self.kind:
            object.__setattr__(self, "kind", FORMATS.get(Path(self.display).suffix.lower(), ""))


@dataclass(frozen=True)
class Skipped:
    """A file (or one record of it, with its 1-based ``line``) that was not read, and why."""

    path: str
    reason: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.reason}"


# --------------------------------------------------------------------------- limits


def resolve_max_bytes(max_bytes: int | None = None) -> int:
    """The size limit: the argument, else ``$CLAIMCHECK_MAX_BYTES`` (e.g. 50000000, 50MB), else 20 MB."""
    if max_bytes is not None:
        return int(max_bytes)
    raw = os.environ.get(MAX_BYTES_ENV, "").strip()
    if not raw:
        return DEFAULT_MAX_BYTES
    m = re.fullmatch(r"(\d+(?:\.\d+)?)\s*([kmg]i?b?|b)?", raw, re.IGNORECASE)
    if not m:
        log.warning("ignoring %s=%r: expected bytes like 20000000 or 20MB", MAX_BYTES_ENV, raw)
        return DEFAULT_MAX_BYTES
    unit = (m.group(2) or "b")[0].lower()
    return int(float(m.group(1)) * {"b": 1, "k": 1024, "m": MB, "g": 1024 * MB}[unit])


def _limit_text(limit: int) -> str:
    return f"{limit / MB:g} MB" if limit >= MB else f"{limit} bytes"


def _too_large(size: int, limit: int) -> str:
    shown = f"{size / MB:.1f} MB" if limit >= MB else f"{size} bytes"
    return f"too large ({shown} > {_limit_text(limit)} limit)"


# --------------------------------------------------------------------------- discover


def discover(
    paths: Sequence[str | os.PathLike[str]],
    *,
    hash_files: bool = True,
    max_bytes: int | None = None,
) -> Iterator[SourceFile | Skipped]:
    """Files to read under ``paths``, in a stable order, each at most once.

    Folders are walked recursively in name order; hidden entries, sidecars and files
    with unknown extensions are ignored silently there, but a file named directly is
    always answered (read or skipped with a reason). Symlinks are followed; a folder
    reached twice (a symlink loop) is walked once. Nothing is parsed here, so a re-run
    over an unchanged archive costs a stat and a hash per file. ``"-"`` (stdin) is not
    handled here: give stdin to :func:`read_stdin`.
    """
    limit = resolve_max_bytes(max_bytes)
    seen_files: set[str] = set()
    seen_dirs: set[tuple[int, int]] = set()
    for given in paths:
        given = os.fspath(given)
        try:
            st = os.stat(given)
        except OSError as exc:
            yield Skipped(given, _missing_reason(given, exc))
            continue
        if stat.S_ISDIR(st.st_mode):
            yield from _walk(given, seen_dirs, seen_files, hash_files, limit)
            continue
        kind = _kind_of(given)
        if _is_sidecar(given):
            yield Skipped(given, "metadata sidecar, not a document (it is read with its .txt file)")
        elif not kind:
            yield Skipped(given, "unsupported file type")
        else:
            yield from _source(given, given, st, kind, None, seen_files, hash_files, limit)


def _walk(
    root: str, seen_dirs: set[tuple[int, int]], seen_files: set[str], hash_files: bool, limit: int
) -> Iterator[SourceFile | Skipped]:
    """Depth-first, name-sorted walk with an explicit stack (no recursion limit to hit).

    Only folders and files with a known extension cost a stat; the real path of a plain
    (non-link) file is its folder's real path plus its name, so there is no realpath per file.
    """
    # each level: the folder's entries still to visit, the names in it, its real path
    stack: list[tuple[Iterator[os.DirEntry[str] | str], set[str], str]] = [(iter([root]), set(), "")]
    while stack:
        pending, names, real_dir = stack[-1]
        entry = next(pending, None)
        if entry is None:
            stack.pop()
            continue
        if isinstance(entry, str):  # the root itself
            path, name, is_dir = entry, os.path.basename(entry), True
        else:
            path, name = entry.path, entry.name
            try:
                is_dir = entry.is_dir()
            except OSError:  # a symlink loop: let the stat below name it if it matters
                is_dir = False
        kind = "" if is_dir or _is_sidecar(name) else _kind_of(name)
        if not is_dir and not kind:
            continue  # unknown extensions, sidecars, broken links to them: not ours
        try:
            st = os.stat(path)
        except OSError as exc:
            yield Skipped(_display(path), _missing_reason(path, exc))
            continue
        if stat.S_ISDIR(st.st_mode):
            if (st.st_dev, st.st_ino) in seen_dirs:
                continue
            seen_dirs.add((st.st_dev, st.st_ino))
            try:
                with os.scandir(path) as it:
                    entries = sorted((e for e in it if not e.name.startswith(".")), key=lambda e: e.name)
            except OSError as exc:
                yield Skipped(_display(path), _os_reason(exc))
                continue
            stack.append((iter(entries), {e.name for e in entries}, os.path.realpath(path)))
            continue
        real = None if isinstance(entry, str) or entry.is_symlink() else os.path.join(real_dir, name)
        sidecar = _find_sidecar(path, names)
        yield from _source(path, _display(path), st, kind, sidecar, seen_files, hash_files, limit, real)


def _source(
    path: str,
    display: str,
    st: os.stat_result,
    kind: str,
    sidecar: str | None,
    seen_files: set[str],
    hash_files: bool,
    limit: int,
    real: str | None = None,
) -> Iterator[SourceFile | Skipped]:
    real = real or os.path.realpath(path)
    if real in seen_files:
        return
    seen_files.add(real)
    if not stat.S_ISREG(st.st_mode):
        yield Skipped(display, "not a regular file")
        return
    if st.st_size > limit:
        yield Skipped(display, _too_large(st.st_size, limit))
        return
    if sidecar is None and kind == "txt":
        sidecar = _find_sidecar(path, None)
    mtime = st.st_mtime
    if sidecar is not None:
        sidecar = os.path.abspath(sidecar)
        try:
            mtime = max(mtime, os.stat(sidecar).st_mtime)
        except OSError:
            sidecar = None
    digest = ""
    if hash_files:
        try:
            digest = file_sha256(path, sidecar)
        except OSError as exc:
            yield Skipped(display, _os_reason(exc))
            return
    yield SourceFile(real, st.st_size, mtime, digest, display, kind, sidecar)


def file_sha256(path: str, sidecar: str | None = None) -> str:
    """sha256 of a file's bytes, then (if any) a separator and its sidecar's bytes."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(_CHUNK):
            h.update(chunk)
    if sidecar is not None:
        try:
            with open(sidecar, "rb") as fh:
                data = fh.read()
        except OSError:
            data = b""
        h.update(b"\0claimcheck-sidecar\0")
        h.update(data)
    return h.hexdigest()


def _kind_of(name: str) -> str:
    return FORMATS.get(os.path.splitext(name)[1].lower(), "")


def _is_sidecar(name: str) -> bool:
    return name.lower().endswith(SIDECAR_SUFFIXES)


def _find_sidecar(path: str, names: set[str] | None) -> str | None:
    if _kind_of(path) != "txt":
        return None
    folder, base = os.path.split(path)
    stem = os.path.splitext(base)[0]
    for suffix in SIDECAR_SUFFIXES:
        candidate = stem + suffix
        if names is not None:
            if candidate in names:
                return os.path.join(folder, candidate)
        elif os.path.isfile(os.path.join(folder, candidate)):
            return os.path.join(folder, candidate)
    return None


def _display(path: str) -> str:
    return os.path.normpath(path)


def _missing_reason(path: str, exc: OSError) -> str:
    if os.path.islink(path):
        if exc.errno == errno.ELOOP:
            return "symlink loop"
        return "broken symlink (its target does not exist)"
    return _os_reason(exc)


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, FileNotFoundError):
        return "no such file or directory"
    if isinstance(exc, IsADirectoryError):
        return "is a directory"
    return f"cannot read ({exc.strerror or exc})"


# --------------------------------------------------------------------------- reading


def read_source(src: SourceFile, *, max_bytes: int | None = None) -> Iterator[Document | Skipped]:
    """The documents in one file (a JSON/JSONL file may give many, with skips per record)."""
    limit = resolve_max_bytes(max_bytes)
    try:
        data = _read_bytes(src.path, limit)
        meta: dict[str, Any] = _read_sidecar(src.sidecar) if src.sidecar else {}
        yield from _parse(data, src.kind, src.path, src.display, meta)
    except DocumentError as exc:
        yield Skipped(src.display, str(exc))
    except Exception as exc:  # the promise: one bad file never stops a run
        log.debug("unexpected error reading %s", src.display, exc_info=True)
        yield Skipped(src.display, f"internal error: {type(exc).__name__}: {exc}")


def read_paths(
    paths: Sequence[str | os.PathLike[str]], *, max_bytes: int | None = None
) -> Iterator[Document | Skipped]:
    """discover + read_source in one go, for callers that do not keep an index."""
    for item in discover(paths, hash_files=False, max_bytes=max_bytes):
        if isinstance(item, Skipped):
            yield item
        else:
            yield from read_source(item, max_bytes=max_bytes)


def read_path(path: str | os.PathLike[str], *, max_bytes: int | None = None) -> list[Document | Skipped]:
    """Everything one path (file or folder) holds, as a list: handy in tests and scripts."""
    return list(read_paths([path], max_bytes=max_bytes))


def read_stdin(
    stream: IO[str] | IO[bytes], *, max_bytes: int | None = None, name: str = STDIN_PATH
) -> Iterator[Document | Skipped]:
    """Documents piped in: JSON or JSONL when the input parses as such, HTML when it looks
    like a page, else text (Markdown front matter honoured when it starts with ``---``)."""
    limit = resolve_max_bytes(max_bytes)
    try:
        raw = getattr(stream, "buffer", stream).read(limit + 1)
        data = raw.encode("utf-8", "surrogatepass") if isinstance(raw, str) else bytes(raw)
        if len(data) > limit:
            raise DocumentError(f"too large (over the {_limit_text(limit)} limit)")
        text, encoding = decode_bytes(data)
        for item in _parse_text(text, encoding, sniff_format(text), name, name, {}):
            yield _keyed_by_content(item)
    except DocumentError as exc:
        yield Skipped(name, str(exc))
    except Exception as exc:
        log.debug("unexpected error reading stdin", exc_info=True)
        yield Skipped(name, f"internal error: {type(exc).__name__}: {exc}")


def _keyed_by_content(item: Document | Skipped) -> Document | Skipped:
    """Piped texts have no file name, so their identity is their content: two different
    texts piped one after the other are two documents, and the same text piped twice is one."""
    if not isinstance(item, Document) or item.key:
        return item  # records carry their own id or number
    key = item.sha256[:16]
    doc_id = hashlib.sha256(f"{item.path}#{key}".encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return replace(item, key=key, doc_id=doc_id)


def sniff_format(text: str) -> str:
    """Guess the format of unnamed input (stdin): "json", "jsonl", "html", "md" or "txt"."""
    head = text.lstrip()
    if head[:1] in "[{" and head:
        try:
            value = json.loads(text)
        except (ValueError, RecursionError):
            value = None
        if isinstance(value, (dict, list)):
            return "json"
        first = head.split("\n", 1)[0]
        try:
            if isinstance(json.loads(first), dict):
                return "jsonl"
        except (ValueError, RecursionError):
            pass
    lowered = head[:1024].lower()
    if lowered.startswith(("<!doctype html", "<html")) or ("<html" in lowered and head.startswith("<")):
        return "html"
    if _front_matter_split(text) is not None:
        return "md"
    return "txt"


def _read_bytes(path: str, limit: int) -> bytes:
    try:
        with open(path, "rb") as fh:
            if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
                raise DocumentError("not a regular file")
            data = fh.read(limit + 1)
    except OSError as exc:
        raise DocumentError(_os_reason(exc)) from exc
    if len(data) > limit:
        size = os.path.getsize(path) if os.path.exists(path) else len(data)
        raise DocumentError(_too_large(size, limit))
    return data


def _read_sidecar(path: str) -> dict[str, Any]:
    try:
        with open(path, "rb") as fh:
            text, _ = decode_bytes(fh.read(MB))
        value = yaml.safe_load(text)
    except (OSError, DocumentError, yaml.YAMLError) as exc:
        log.warning("%s: metadata ignored (%s)", path, exc)
        return {}
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        log.warning("%s: metadata ignored (not a mapping)", path)
        return {}
    return normalize_metadata(value)


def _parse(
    data: bytes, kind: str, path: str, display: str, meta: dict[str, Any]
) -> Iterator[Document | Skipped]:
    if not kind:
        raise DocumentError("unsupported file type")
    text, encoding = decode_bytes(data)
    yield from _parse_text(text, encoding, kind, path, display, meta)


def _parse_text(
    text: str, encoding: str, kind: str, path: str, display: str, meta: dict[str, Any]
) -> Iterator[Document | Skipped]:
    if not text.strip():
        raise DocumentError("empty file")
    if kind == "txt":
        yield make_document(text, path, display_path=display, encoding=encoding, **meta)
    elif kind == "md":
        yield _markdown(text, path, display, encoding)
    elif kind == "html":
        yield _html(text, path, display, encoding)
    elif kind == "json":
        yield from _json(text, path, display, encoding)
    elif kind == "jsonl":
        yield from _jsonl(text, path, display, encoding)
    else:
        raise DocumentError("unsupported file type")


def make_document(
    text: str,
    path: str,
    key: str = "",
    *,
    display_path: str | None = None,
    encoding: str = "utf-8",
    **meta: Any,
) -> Document:
    """A Document with its ids computed: doc_id from (path, key), sha256 from the text."""
    text = _clean_str(text)
    doc_id = hashlib.sha256(f"{path}#{key}".encode("utf-8", "surrogatepass")).hexdigest()[:16]
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    fields = {k: meta.get(k) for k in FIELD_ALIASES}
    display = display_path or path
    return Document(text, path, key, doc_id, sha, encoding=encoding, display_path=display, **fields)


# --------------------------------------------------------------------------- decoding


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_LEGACY_WESTERN = ("cp1252", "latin-1")


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Text and encoding name of a file's bytes; DocumentError when it is not text.

    UTF-8 first (a BOM is stripped; UTF-16/32 with a BOM too). Otherwise, for mostly
    ASCII bytes (English archives), Windows-1252, which is Latin-1 plus curly quotes and
    dashes; else charset-normalizer's best guess. A NUL byte or a decoded text heavy with
    control characters is taken as binary.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise DocumentError(
                    f"binary or undecodable file (not valid {encoding} despite its BOM)"
                ) from exc
            if "\x00" in text or _control_share(text) > 0.01:
                raise DocumentError("binary file (control characters after a byte-order mark)")
            return text, encoding
    if b"\0" in data:
        utf16 = _bomless_utf16(data)
        if utf16 is None:
            raise DocumentError("binary file (contains NUL bytes)")
        return utf16
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    ascii_share = sum(b < 0x80 for b in data[: 1 << 16]) / max(1, min(len(data), 1 << 16))
    candidates: list[tuple[str, str]] = []
    if ascii_share >= 0.8:
        for encoding in _LEGACY_WESTERN:
            try:
                candidates.append((data.decode(encoding), encoding))
            except UnicodeDecodeError:
                continue
    guess = _charset_guess(data)
    if guess is not None:
        candidates.append(guess)
    for text, encoding in candidates:
        if _control_share(text) <= 0.01:
            return text, encoding
    raise DocumentError("binary or undecodable file (not UTF-8 or a known text encoding)")


def _bomless_utf16(data: bytes) -> tuple[str, str] | None:
    """UTF-16 text saved without a BOM shows NULs in every other byte."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    half = len(data) // 2
    if odd > 0.5 * half and even == 0:
        encoding = "utf-16-le"
    elif even > 0.5 * half and odd == 0:
        encoding = "utf-16-be"
    else:
        return None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    return (text, encoding) if _control_share(text) <= 0.01 else None


def _charset_guess(data: bytes) -> tuple[str, str] | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - a declared dependency
        return None
    best = from_bytes(data).best()
    if best is None:
        return None
    return str(best), best.encoding


def _control_share(text: str) -> float:
    """Share of C0/C1 control characters other than ordinary whitespace."""
    if not text:
        return 0.0
    bad = sum(1 for ch in text if (ch < " " and ch not in "\t\n\r\f\v") or "\x7f" <= ch < "\xa0")
    return bad / len(text)


# --------------------------------------------------------------------------- metadata


def normalize_metadata(record: Mapping[str, Any]) -> dict[str, Any]:
    """title/outlet/author/published/url from a record, front matter or sidecar."""
    lowered = {str(k).lower(): v for k, v in record.items()}
    out: dict[str, Any] = {}
    for name, aliases in FIELD_ALIASES.items():
        value = next((lowered[a] for a in aliases if lowered.get(a) not in (None, "", [])), None)
        out[name] = normalize_date(value) if name == "published" else _meta_str(value)
    return out


def _meta_str(value: Any) -> str | None:
    if value is None or isinstance(value, (dict, bool)):
        return None
    if isinstance(value, (list, tuple)):
        parts = [s for s in (_meta_str(v) for v in value) if s]
        return ", ".join(parts) or None
    if isinstance(value, Mapping):
        return None
    text = _clean_str(str(value)).strip()
    return text or None


def normalize_date(value: Any) -> str | None:
    """ISO date ("2019", "2019-02", "2019-02-11") when the value fixes one, else None."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int) and 1000 <= value <= 9999:
        return str(value)
    if not isinstance(value, str) or not value.strip() or len(value) > 100:
        return None
    m = _ISO_DATE.match(value)
    if m:
        year, month, day = m.groups()
        try:
            if day:
                return dt.date(int(year), int(month), int(day)).isoformat()
            if month:
                return dt.date(int(year), int(month), 1).isoformat()[:7]
            return year
        except ValueError:
            return None
    return _parse_loose_date(value)


def _parse_loose_date(value: str) -> str | None:
    """'February 11, 2019' -> '2019-02-11'; 'February 2019' -> '2019-02'. Parts not
    written are never filled in (dateparser would use today's), and relative dates
    ("yesterday") are refused: metadata has no reference date to resolve them from."""
    try:
        import dateparser
    except ImportError:  # pragma: no cover - a declared dependency
        return None
    for parts, width in ((["day", "month", "year"], 10), (["month", "year"], 7), (["year"], 4)):
        try:
            parsed = dateparser.parse(value, settings={"REQUIRE_PARTS": parts, "PARSERS": _DATE_PARSERS})
        except Exception:  # dateparser raises assorted errors on odd input
            parsed = None
        if parsed is not None:
            return parsed.date().isoformat()[:width]
    return None


def _clean_str(text: str) -> str:
    """Lone surrogates (from JSON escapes) cannot be stored as UTF-8: make them U+FFFD."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


# --------------------------------------------------------------------------- formats


def _front_matter_split(text: str) -> tuple[str, int] | None:
    """(YAML source, body start) when ``text`` opens with ``---`` front matter that closes."""
    first = text.find("\n")
    if first < 0 or text[:first].rstrip("\r \t") != "---":
        return None
    pos = first + 1
    while pos <= len(text):
        nl = text.find("\n", pos)
        end = len(text) if nl < 0 else nl
        if text[pos:end].rstrip("\r \t") in ("---", "..."):
            return text[first + 1 : pos], (len(text) if nl < 0 else nl + 1)
        if nl < 0:
            break
        pos = nl + 1
    return None


def _markdown(text: str, path: str, display: str, encoding: str) -> Document:
    meta: dict[str, Any] = {}
    split = _front_matter_split(text)
    if split is not None:
        source, body_start = split
        try:
            value = yaml.safe_load(source)
        except yaml.YAMLError as exc:
            log.warning("%s: front matter ignored (not valid YAML: %s)", display, exc)
            value = None
        if isinstance(value, Mapping):
            meta = normalize_metadata(value)
        elif value is not None:
            log.warning("%s: front matter ignored (not a mapping)", display)
        text = text[body_start:]
        if not text.strip():
            raise DocumentError("no text after the front matter")
    return make_document(text, path, display_path=display, encoding=encoding, **meta)


def _html(text: str, path: str, display: str, encoding: str) -> Document:
    try:
        import trafilatura
    except ImportError as exc:
        raise DocumentError(f"HTML support unavailable (trafilatura: {exc})") from exc
    result = trafilatura.bare_extraction(
        text,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if result is None:
        raise DocumentError("no article text found in HTML")
    found = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    body = found.get("text") or ""
    if not body.strip():
        raise DocumentError("no article text found in HTML")
    meta = normalize_metadata(
        {
            k: found.get(src)
            for k, src in (
                ("title", "title"),
                ("author", "author"),
                ("outlet", "sitename"),
                ("published", "date"),
                ("url", "url"),
            )
        }
    )
    return make_document(body, path, display_path=display, encoding=encoding, **meta)


def _record_document(
    record: Any, key: str, path: str, display: str, encoding: str, line: int | None, where: str
) -> Document | Skipped:
    if not isinstance(record, dict):
        return Skipped(display, f"{where}not a JSON object", line=line)
    text = record.get("text")
    if not isinstance(text, str):
        return Skipped(display, f'{where}no "text" string', line=line)
    if not text.strip():
        return Skipped(display, f"{where}empty text", line=line)
    meta = normalize_metadata(record)
    return make_document(text, path, key, display_path=display, encoding=encoding, **meta)


def _record_key(record: Any, fallback: str) -> str:
    rid = record.get("id") if isinstance(record, dict) else None
    if isinstance(rid, (str, int)) and not isinstance(rid, bool) and str(rid).strip():
        return _clean_str(str(rid).strip())
    return fallback


def _json(text: str, path: str, display: str, encoding: str) -> Iterator[Document | Skipped]:
    try:
        value = json.loads(text)
    except ValueError as exc:
        msg = getattr(exc, "msg", str(exc))
        raise DocumentError(f"malformed JSON ({msg}, line {getattr(exc, 'lineno', '?')})") from exc
    except RecursionError as exc:
        raise DocumentError("malformed JSON (nested too deeply)") from exc
    if isinstance(value, dict) and "text" in value:
        yield _record_document(value, _record_key(value, ""), path, display, encoding, None, "")
        return
    if isinstance(value, dict):
        value = next((value[k] for k in LIST_KEYS if isinstance(value.get(k), list)), None)
    if not isinstance(value, list):
        raise DocumentError(
            'no documents in JSON (expected {"text": ...}, a list of them, or {"articles": [...]})'
        )
    yield from _records(((n, r, None) for n, r in enumerate(value, 1)), path, display, encoding, "record")


def _jsonl(text: str, path: str, display: str, encoding: str) -> Iterator[Document | Skipped]:
    def records() -> Iterator[tuple[int, Any, int | None]]:
        for lineno, line in enumerate(text.split("\n"), 1):
            if not line.strip():
                continue
            try:
                yield lineno, json.loads(line), lineno
            except ValueError as exc:
                yield lineno, _Malformed(getattr(exc, "msg", str(exc))), lineno
            except RecursionError:
                yield lineno, _Malformed("nested too deeply"), lineno

    yield from _records(records(), path, display, encoding, "line")


@dataclass
class _Malformed:
    msg: str = field(default="")


def _records(
    items: Iterable[tuple[int, Any, int | None]], path: str, display: str, encoding: str, label: str
) -> Iterator[Document | Skipped]:
    """Documents from numbered records; bad or duplicate records become Skipped."""
    keys: set[str] = set()
    for number, record, line in items:
        where = "" if line is not None else f"{label} {number}: "
        if isinstance(record, _Malformed):
            yield Skipped(display, f"malformed JSON ({record.msg})", line=line)
            continue
        key = _record_key(record, str(number))
        if key in keys:
            yield Skipped(display, f"{where}duplicate id {key!r}", line=line)
            continue
        item = _record_document(record, key, path, display, encoding, line, where)
        if isinstance(item, Document):
            keys.add(key)
        yield item
