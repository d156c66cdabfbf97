"""Where claimcheck's data files live, installed or in a source checkout."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def models_path() -> Path:
    """The ``models/`` folder: lexicons and patterns the components read.

    The repo's ``models/`` is installed as the ``claimcheck.models`` package, so an
    installed claimcheck and a source checkout read the very same files.
    """
    try:
        from importlib.resources import files

        path = Path(str(files("claimcheck.models")))
        if path.is_dir():
            return path
    except (ModuleNotFoundError, TypeError):
        pass
    return Path(__file__).resolve().parents[2] / "models"


def schema_path() -> Path:
    """The published JSON Schema of a claim."""
    return Path(__file__).resolve().parent / "schema" / "claim.schema.json"
