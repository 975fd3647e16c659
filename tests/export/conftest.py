"""Exports are tested on both back ends, with the store tests' databases."""

from __future__ import annotations

from ..store.conftest import module_db, new_db

__all__ = ["module_db", "new_db"]
