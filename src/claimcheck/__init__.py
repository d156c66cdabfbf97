"""claimcheck: a claims index for newsroom archives (who said what, where, with which figures)."""

__version__ = "0.1.0"
