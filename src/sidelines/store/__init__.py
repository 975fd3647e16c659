"""The corpus store: ingest documents into a database and query meetings and statements."""

from sidelines.store.db import DEFAULT_URL, Store, StoreError

__all__ = ["DEFAULT_URL", "Store", "StoreError"]
