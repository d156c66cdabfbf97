"""Errors the command line turns into one clear line and an exit code (kept import-light)."""

from __future__ import annotations


class ModelNotFoundError(RuntimeError):
    """No usable spaCy pipeline: claimcheck never downloads one at run time."""
