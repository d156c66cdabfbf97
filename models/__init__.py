"""Lexicons and patterns read by claimcheck's spaCy components (data, not code).

Installed as the ``claimcheck.models`` package so the components find them wherever
claimcheck is installed.
"""
