"""Totals computed once and kept until the store changes: a list's number of matches (the
``count`` of a page), the rows per table.

Every write transaction raises the one number of ``store_version`` (:func:`bump`, called by
:meth:`sidelines.store.Store.session` and the migrations); a kept total is used while that number
is the one it was computed at, so a total is exact whichever process wrote last. Reading the
number is one primary-key lookup; counting a million rows is not.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from sqlalchemy import select, update

from sidelines.store.schema import Base, StoreVersionRow

__all__ = ["Totals", "bump", "version"]

T = TypeVar("T")
#: the one row of ``store_version``
ROW = 1


def version(connection: Any) -> int:
    """The store's version: raised by every write (0 before the first)."""
    found = connection.scalar(select(StoreVersionRow.version).where(StoreVersionRow.id == ROW))
    return int(found or 0)


def bump(connection: Any) -> None:
    """Raise the store's version, in the caller's transaction (a session or a connection)."""
    table = Base.metadata.tables[StoreVersionRow.__tablename__]
    done = connection.execute(
        update(table).where(table.c.id == ROW).values(version=table.c.version + 1)
    )
    if not done.rowcount:
        connection.execute(table.insert().values(id=ROW, version=1))


class Totals:
    """Totals of one process, each kept with the store version it was computed at (the
    ``size`` most recently used)."""

    def __init__(self, size: int = 2048) -> None:
        self.size = size
        self._kept: OrderedDict[Hashable, tuple[int, Any]] = OrderedDict()
        self._lock = threading.Lock()
        #: one lock per total being computed: concurrent first requests wait for one count
        self._computing: dict[Hashable, threading.Lock] = {}

    def _kept_at(self, key: Hashable, now: int) -> tuple[bool, Any]:
        with self._lock:
            kept = self._kept.get(key)
            if kept is not None and kept[0] == now:
                self._kept.move_to_end(key)
                return True, kept[1]
            return False, None

    def get(self, connection: Any, key: Hashable, compute: Callable[[], T]) -> T:
        """The total ``key`` at the store's version now: kept, or ``compute()``-d and kept."""
        now = version(connection)  # read first: a total computed after is at least this new
        found, value = self._kept_at(key, now)
        if found:
            return value  # type: ignore[no-any-return]
        with self._lock:
            computing = self._computing.setdefault(key, threading.Lock())
        with computing:
            found, value = self._kept_at(key, now)  # another request counted it meanwhile
            if found:
                return value  # type: ignore[no-any-return]
            value = compute()
            with self._lock:
                self._kept[key] = (now, value)
                self._kept.move_to_end(key)
                while len(self._kept) > self.size:
                    self._kept.popitem(last=False)
                self._computing.pop(key, None)
        return value
