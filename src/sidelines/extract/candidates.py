"""A meeting as one phrase reports it, before the repeated reports of it are merged."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Span

from sidelines.types import Evidence, MeetingMode, MeetingStatus, Participant


@dataclass
class MeetingCandidate:
    """A meeting as found in one phrase, before merging repeated reports of it."""

    parties: list[Participant]
    accompanying: list[Participant]
    status: MeetingStatus
    mode: MeetingMode
    date: dt.date | None
    place: str | None
    country: str | None
    occasion: str | None
    evidence: list[Evidence]
    main: bool  # reported as the document's own event (title, heading, lead verb)
    weak_mode: bool  # the mode is a default, not said ("spoke with", "talks")
    verb_trigger: bool  # reported by a verb ("met"), not a noun ("the meeting")
    past_reference: bool  # explicitly an earlier meeting ("last year", "previous meeting")
    sides: dict[str, str] = field(default_factory=dict)  # party key → side label
    #: the parties were named as one group ("A and B spoke", "talks between A, B and C")
    together: bool = False
    #: undated, yet its clause names a time that is no day ("in October 2023", "last month"):
    #: another time than the day the story fixes
    other_time: bool = False
    #: the date is the document's day by default ("holds talks" in a headline), not written:
    #: a written date of the same meeting a day or two earlier wins
    date_by_default: bool = False

    def party_keys(self) -> frozenset[str]:
        return frozenset(p.key for p in self.parties)

    @classmethod
    def main_report(
        cls,
        sent: Span,
        parties: list[Participant],
        sides: dict[str, str],
        *,
        mode: MeetingMode,
        date: dt.date | None,
        weak_mode: bool,
        verb_trigger: bool,
    ) -> MeetingCandidate:
        """The document's own held meeting, reported by one sentence that places it nowhere
        (the place and occasion come later, from the page or the merged reports)."""
        return cls(
            parties=list(parties),
            accompanying=[],
            status="held",
            mode=mode,
            date=date,
            place=None,
            country=None,
            occasion=None,
            evidence=[Evidence(sent.start_char, sent.end_char, sent.text)],
            main=True,
            weak_mode=weak_mode,
            verb_trigger=verb_trigger,
            past_reference=False,
            sides=sides,
        )


def to_meeting_fields(candidate: MeetingCandidate) -> dict[str, Any]:
    """Participants with their side labels, companions excluded from the principals."""
    principals = []
    for party in candidate.parties:
        principals.append(
            Participant(
                name=party.name,
                actor_id=party.actor_id,
                country=party.country,
                role=party.role,
                side=candidate.sides.get(party.key),
                kind=party.kind,
            )
        )
    return {"participants": principals, "accompanying": candidate.accompanying}


def unique_parties(parties: list[Participant]) -> list[Participant]:
    seen: dict[str, Participant] = {}
    for party in parties:
        seen.setdefault(party.key, party)
    return list(seen.values())
