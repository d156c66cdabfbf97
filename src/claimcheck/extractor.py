"""The extractor fingerprint: what produced the claims an index holds for a document.

An index outlives the claimcheck that built it. When the components, their lexicons, the
claim schema or the spaCy pipeline change, the claims of a document whose text did not
change are stale all the same. Each document is stored with the fingerprint of the
extractor that read it, and ``extract`` reads again every document an earlier extractor
produced, rather than keeping its old claims because the bytes are the same.

Computing it reads a few hundred kilobytes of source and lexicon and imports nothing heavy,
so a no-op ``extract`` stays fast.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from claimcheck import __version__
from claimcheck.claims import SCHEMA_VERSION
from claimcheck.resources import models_path

# The modules whose code decides what a document's claims are (the CLI, the store and search do not).
_EXTRACTION_CODE = ("claims.py", "assemble.py", "pipeline.py", "tokenizing.py", "components")


@lru_cache(maxsize=8)
def fingerprint(model: str) -> str:
    """A short hash of claimcheck's version, the claim schema, the spaCy pipeline ``model`` (name and
    installed version), spaCy's version, and the bytes of the extraction code and lexicons."""
    digest = hashlib.sha256()
    for part in (__version__, SCHEMA_VERSION, model, _installed(model), _installed("spacy")):
        digest.update(part.encode("utf-8") + b"\0")
    for path in _extraction_files():
        digest.update(path.name.encode("utf-8") + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _extraction_files() -> list[Path]:
    package = Path(__file__).resolve().parent
    files: list[Path] = []
    for name in _EXTRACTION_CODE:
        path = package / name
        files.extend(sorted(path.glob("*.py")) if path.is_dir() else [path] if path.is_file() else [])
    files.extend(sorted(models_path().glob("*.json")))
    return files


def _installed(name: str) -> str:
    """The installed version of a distribution (``en_core_web_sm`` → ``en-core-web-sm``), else ""."""
    for candidate in (name, name.replace("_", "-")):
        try:
            return metadata.version(candidate)
        except (metadata.PackageNotFoundError, ValueError):
            continue
    return ""
