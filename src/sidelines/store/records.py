"""Query results as plain records: a list of dicts that becomes a DataFrame or a tidy table."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from sidelines.errors import SidelinesError
from sidelines.store.keys import actor_key

__all__ = ["Records", "participant_rows"]


class Records(list[Mapping[str, Any]]):
    """Query results: a list of plain dicts, which ``to_pandas()`` turns into a DataFrame."""

    def participants(self) -> Records:
        """Meetings as their tidy table: one record per meeting and participant (principals,
        then companions; ``principal`` tells which), with the meeting's date, mode, place and
        occasion: ``corpus.meetings(...).participants().to_pandas()``."""
        if any("participants" not in record for record in self):
            raise SidelinesError("participants() tabulates meetings: corpus.meetings(...)")
        return Records(row for meeting in self for row in participant_rows(meeting))

    def to_pandas(self) -> Any:
        """A ``pandas.DataFrame`` with one row per record (nested lists and dicts kept as
        objects)."""
        try:
            import pandas
        except ImportError as err:
            raise SidelinesError(
                'to_pandas() needs pandas: pip install "sidelines[pandas]"'
            ) from err
        return pandas.DataFrame.from_records(list(self))


def participant_rows(meeting: Mapping[str, Any]) -> Iterator[dict[str, Any]]:
    """The tidy rows of a meeting: one per participant (principals, then companions)."""
    shared = {
        "meeting_id": meeting["id"],
        "date": meeting["date"],
        "mode": meeting["mode"],
        "place": meeting["place"],
        "meeting_country": meeting["country"],
        "occasion": meeting["occasion"],
    }
    for principal, parties in ((True, meeting["participants"]), (False, meeting["accompanying"])):
        for p in parties:
            yield {
                **shared,
                "actor_id": actor_key(p),
                "name": p["name"],
                "country": p.get("country"),
                "role": p.get("role"),
                "side": p.get("side"),
                "principal": principal,
            }
