"""Writing extractions: one document's meetings, participants, statements, topics and evidence,
in the caller's transaction. A meeting another document already reported (same principals and
status, dates at most a day apart, the same mode) gains a source instead of a second row."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from sidelines.errors import SidelinesError
from sidelines.store.actors import identify, observe_role
from sidelines.store.aggregates import meetings_counted, statements_counted
from sidelines.store.schema import (
    ActorRow,
    DocumentRow,
    EvidenceRow,
    IngestErrorRow,
    MeetingRow,
    MeetingSourceRow,
    MeetingTopicRow,
    ParticipantRow,
    StatementRow,
    StatementSpeakerRow,
    StatementTopicRow,
    TopicRow,
)
from sidelines.store.scope import meeting_scope
from sidelines.store.search import index_texts
from sidelines.types import Evidence, Extraction, Meeting, Participant

__all__ = [
    "SAME_MEETING_DAYS",
    "StoreError",
    "link_speakers",
    "link_topics",
    "record_error",
    "save_extraction",
]

#: two reports of one meeting may date it a day apart (time zones, "yesterday")
SAME_MEETING_DAYS = 1


class StoreError(SidelinesError):
    """The database cannot be opened or written."""

    code = "E030"


def save_extraction(session: Session, extraction: Extraction) -> bool:
    """Write one document's extraction in ``session``; False if the document is stored already
    (cross-document identity: a meeting another document reported gains a source)."""
    doc = extraction.document
    if session.get(DocumentRow, doc.id) is not None:
        return False
    session.add(_document_row(extraction))
    session.flush()
    meeting_ids: dict[str, str] = {}
    meeting_dates = {m.id: m.date for m in extraction.meetings}
    for meeting in extraction.meetings:
        parties = [*meeting.participants, *meeting.accompanying]
        keys = [identify(session, party) for party in parties]
        counted = set(meeting_ids.values())  # stored meetings whose share is out of the counts
        row = _same_meeting(session, meeting, doc.id, counted) or _new_meeting(
            session, meeting, keys
        )
        if row.id not in meeting_ids.values():  # two reports in one document: one source
            session.add(MeetingSourceRow(meeting_id=row.id, document_id=doc.id))
        meeting_ids[meeting.id] = row.id
        for party, key in zip(parties, keys, strict=True):
            observe_role(session, key, party.role, meeting.date, doc.id)
        link_topics(session, MeetingTopicRow, "meeting_id", row.id, meeting.topics)
        session.add_all(_evidence_rows(doc.id, meeting.evidence, meeting_id=row.id))
    for statement in extraction.statements:
        session.add(
            StatementRow(
                id=statement.id,
                document_id=doc.id,
                meeting_id=meeting_ids.get(statement.meeting_id or ""),
                speakers=[
                    {"name": p.name, "actor_id": p.actor_id, "country": p.country}
                    for p in statement.speakers
                ],
                speaker_names=" | ".join(p.name for p in statement.speakers),
                speaker_countries=" | ".join(p.country or "" for p in statement.speakers),
                cue=statement.cue,
                text=statement.text,
                topics=list(statement.topics),
                cameo=statement.cameo,
                plover=statement.plover,
                # an undated page's statement is dated by the meeting it was made at
                date=doc.published or meeting_dates.get(statement.meeting_id or ""),
            )
        )
        session.flush()
        session.add_all(_evidence_rows(doc.id, statement.evidence, statement_id=statement.id))
        link_speakers(session, statement.id, statement.speakers)
        link_topics(session, StatementTopicRow, "statement_id", statement.id, statement.topics)
    meetings_counted(session, meeting_ids.values(), +1)
    statements_counted(session, [st.id for st in extraction.statements], +1)
    index_texts(
        session,
        [("document", doc.id, doc.title or "", doc.text)]
        + [
            ("statement", st.id, " | ".join(p.name for p in st.speakers), st.text)
            for st in extraction.statements
        ]
        + [
            (
                "meeting",
                meeting_ids[m.id],
                " | ".join(p.name for p in [*m.participants, *m.accompanying]),
                f"{m.place or ''} {m.occasion or ''}",
            )
            for m in extraction.meetings
        ],
    )
    return True


def record_error(session: Session, item: str, code: str, message: str) -> None:
    """Record why ``item`` could not be ingested (once: a rerun adds no second row)."""
    known = session.scalars(
        select(IngestErrorRow.id).where(
            IngestErrorRow.item == item,
            IngestErrorRow.code == code,
            IngestErrorRow.message == message,
        )
    ).first()
    if known is None:
        session.add(IngestErrorRow(item=item, code=code, message=message))


def _evidence_rows(
    document_id: str,
    evidence: list[Evidence],
    meeting_id: str | None = None,
    statement_id: str | None = None,
) -> list[EvidenceRow]:
    return [
        EvidenceRow(
            document_id=document_id,
            meeting_id=meeting_id,
            statement_id=statement_id,
            start=ev.start,
            end=ev.end,
            text=ev.text,
        )
        for ev in evidence
    ]


def _document_row(extraction: Extraction) -> DocumentRow:
    doc = extraction.document
    return DocumentRow(
        id=doc.id,
        path=doc.path,
        url=doc.url,
        title=doc.title,
        published=doc.published,
        publisher=doc.publisher,
        original_source=doc.original_source,
        location=doc.location,
        language=doc.language,
        text=doc.text,
        sections=[{"kind": s.kind, "start": s.start, "end": s.end} for s in doc.sections],
    )


def _party_key(meeting: Meeting) -> str:
    return " | ".join(sorted(p.key for p in meeting.participants))


def _same_meeting(
    session: Session, meeting: Meeting, document_id: str, counted: set[str]
) -> MeetingRow | None:
    """A stored meeting another document already reported: same principals and status,
    dates at most a day apart, the same mode (cross-document identity). Two meetings one
    document tells apart stay apart. Its share of the aggregates is taken out before it
    changes (unless it is one of the ``counted`` ones, out already), to go back with the
    document's other meetings."""
    if meeting.date is None:
        return None
    day = dt.date.fromisoformat(meeting.date)
    window = [
        (day + dt.timedelta(days=d)).isoformat()
        for d in range(-SAME_MEETING_DAYS, SAME_MEETING_DAYS + 1)
    ]
    found = session.scalars(
        select(MeetingRow).where(
            MeetingRow.party_key == _party_key(meeting),
            MeetingRow.status == meeting.status,
            MeetingRow.date.in_(window),
            ~exists().where(
                MeetingSourceRow.meeting_id == MeetingRow.id,
                MeetingSourceRow.document_id == document_id,
            ),
        )
    ).first()
    if found is None or found.mode != meeting.mode:
        return None
    if found.id not in counted:
        meetings_counted(session, [found.id], -1)
    for attr in ("place", "country", "occasion"):
        if getattr(found, attr) is None and getattr(meeting, attr) is not None:
            setattr(found, attr, getattr(meeting, attr))
    found.topics = list(dict.fromkeys([*found.topics, *meeting.topics]))
    return found


def _new_meeting(session: Session, meeting: Meeting, keys: list[str]) -> MeetingRow:
    """A meeting row with its participants then companions, ``keys`` their corpus actors."""
    row = MeetingRow(
        id=meeting.id,
        status=meeting.status,
        mode=meeting.mode,
        date=meeting.date,
        place=meeting.place,
        country=meeting.country,
        occasion=meeting.occasion,
        topics=list(meeting.topics),
        cameo=meeting.cameo,
        plover=meeting.plover,
        scope=meeting_scope(meeting.participants),
        party_key=_party_key(meeting),
    )
    companions = [(p, False) for p in meeting.participants] + [
        (p, True) for p in meeting.accompanying
    ]
    for (party, accompanying), key in zip(companions, keys, strict=True):
        row.participants.append(
            ParticipantRow(
                name=party.name,
                actor_id=party.actor_id,
                country=party.country,
                role=party.role,
                side=party.side,
                accompanying=accompanying,
                actor_key=key,
            )
        )
    session.add(row)
    session.flush()
    principals = {p.actor_key for p in row.participants if not p.accompanying and p.actor_key}
    for key in principals:
        counts = _counted(session, key)
        counts.meetings += 1
        if row.scope == "international":
            counts.international += 1
    return row


def _counted(session: Session, key: str) -> ActorRow:
    row = session.get(ActorRow, key)
    if row is None:  # identify() made it in this session
        raise StoreError(f"actor {key!r} vanished while writing")
    return row


def link_speakers(session: Session, statement_id: str, speakers: list[Participant]) -> None:
    for key in dict.fromkeys(identify(session, party) for party in speakers):
        if session.get(StatementSpeakerRow, (statement_id, key)) is None:
            session.add(StatementSpeakerRow(statement_id=statement_id, actor_key=key))
            _counted(session, key).statements += 1


def link_topics(session: Session, model: Any, column: str, fact_id: str, topics: list[str]) -> None:
    for topic in dict.fromkeys(topics):
        if session.get(TopicRow, topic) is None:
            session.add(TopicRow(name=topic))
            session.flush()
        if session.get(model, (fact_id, topic)) is None:
            session.add(model(**{column: fact_id, "topic": topic}))
