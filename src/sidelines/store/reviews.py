"""Analyst review of stored facts: confirm, correct or annotate a meeting or a statement, and
merge two reports of one meeting or split a meeting that joined two.

A correction changes the stored fact and keeps an audit row (who, when, the value before and
after), so nothing an analyst changes is lost: a meeting that did not happen is corrected to the
status ``not_held`` (queries and exports list held meetings unless asked), its participants can
be replaced, a merge keeps the merged meeting's whole record in its audit row; :func:`export_gold` writes reviewed meetings and
statements as gold files (``../shared/eval/README.md``) that ``sidelines evaluate --gold`` reads.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

import yaml
from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session, selectinload

from sidelines.errors import SidelinesError
from sidelines.filters import STATUSES
from sidelines.pairing import sides
from sidelines.store.actors import identify
from sidelines.store.aggregates import meetings_counted, statements_counted
from sidelines.store.db import Store
from sidelines.store.schema import (
    ActorRow,
    DocumentRow,
    EvidenceRow,
    MeetingRow,
    MeetingSourceRow,
    MeetingTopicRow,
    ParticipantRow,
    ReviewRow,
    StatementRow,
    StatementTopicRow,
)
from sidelines.store.scope import meeting_scope
from sidelines.store.write import link_topics
from sidelines.types import Participant

__all__ = [
    "CORRECTABLE",
    "FactNotFoundError",
    "ReviewError",
    "export_gold",
    "record_review",
    "reviews",
]

FactType = Literal["meeting", "statement"]
Action = Literal["confirm", "correct", "annotate", "merge", "split"]
ACTIONS: tuple[str, ...] = ("confirm", "correct", "annotate", "merge", "split")


class ReviewError(SidelinesError):
    """A review that cannot be recorded: an unknown field, a value of the wrong kind."""

    code = "E070"


class FactNotFoundError(ReviewError):
    """The reviewed meeting or statement is not in the store."""

    code = "E071"


def _optional_text(value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise ReviewError("expected a non-empty string or null")
    return value.strip()


def _date(value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ReviewError("expected an ISO date (YYYY-MM-DD) or null")
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise ReviewError(f"not an ISO date (YYYY-MM-DD): {value!r}") from None


def _country(value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not re.fullmatch(r"[A-Za-z]{3}", value):
        raise ReviewError("expected an ISO 3166-1 alpha-3 code or null")
    return value.upper()


def _one_of(*choices: str) -> Callable[[Any], str]:
    def check(value: Any) -> str:
        if value not in choices:
            raise ReviewError(f"expected one of {', '.join(choices)}; got {value!r}")
        return str(value)

    return check


def _topics(value: Any) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ReviewError("expected a list of non-empty strings")
    return list(dict.fromkeys(v.strip() for v in value))


def _participants(value: Any) -> list[dict[str, Any]]:
    """A meeting's principals: names, or ``{name, country, side, role}`` objects."""
    if not isinstance(value, list) or not value:
        raise ReviewError("expected a non-empty list of participants (names or objects)")
    parties = []
    for item in value:
        party = {"name": item} if isinstance(item, str) else item
        if not isinstance(party, dict) or not isinstance(party.get("name"), str):
            raise ReviewError(f"a participant needs a name; got {item!r}")
        name = party["name"].strip()
        if not name:
            raise ReviewError("a participant's name is empty")
        country = _country(party.get("country") or None)
        parties.append(
            {
                "name": name,
                "country": country,
                "side": _optional_text(party.get("side") or None) or country,
                "role": _optional_text(party.get("role") or None),
                "actor_id": _optional_text(party.get("actor_id") or None),
            }
        )
    return parties


def _text(value: Any) -> str:
    text = _optional_text(value)
    if text is None:
        raise ReviewError("expected a non-empty string")
    return text


#: the fields an analyst may correct, per fact type, with the check of a new value
CORRECTABLE: dict[str, dict[str, Callable[[Any], Any]]] = {
    "meeting": {
        "date": _date,
        "place": _optional_text,
        "country": _country,
        "occasion": _optional_text,
        "mode": _one_of("in_person", "phone", "video"),
        "status": _one_of(*STATUSES),
        "topics": _topics,
        "participants": _participants,
    },
    "statement": {"text": _text, "topics": _topics, "cue": _text},
}


def _fact(session: Session, fact_type: str, fact_id: str) -> MeetingRow | StatementRow:
    row: MeetingRow | StatementRow | None
    if fact_type == "meeting":
        row = session.get(MeetingRow, fact_id)
    elif fact_type == "statement":
        row = session.get(StatementRow, fact_id)
    else:
        raise ReviewError(f"unknown fact type {fact_type!r}; expected meeting or statement")
    if row is None:
        raise FactNotFoundError(f"no {fact_type} with id {fact_id!r}")
    return row


def _relink_topics(session: Session, row: MeetingRow | StatementRow, topics: list[str]) -> None:
    """Keep the topic tables (what topic filters and counts read) in step with a correction."""
    link: type[MeetingTopicRow] | type[StatementTopicRow]
    if isinstance(row, MeetingRow):
        link, column = MeetingTopicRow, "meeting_id"
    else:
        link, column = StatementTopicRow, "statement_id"
    session.execute(delete(link).where(getattr(link, column) == row.id))
    session.flush()
    link_topics(session, link, column, row.id, topics)


def _utc(moment: dt.datetime) -> dt.datetime:
    """SQLite forgets the time zone of a stored time; every review time is UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _review_dict(row: ReviewRow) -> dict[str, Any]:
    return {
        "id": row.id,
        "fact_type": row.fact_type,
        "fact_id": row.fact_id,
        "action": row.action,
        "field": row.field,
        "before": row.before,
        "after": row.after,
        "note": row.note,
        "reviewer": row.reviewer,
        "at": _utc(row.at).isoformat() if row.at else None,
    }


def record_review(
    store: Store,
    fact_type: str,
    fact_id: str,
    action: str,
    field: str | None = None,
    value: Any = None,
    note: str | None = None,
    reviewer: str | None = None,
) -> dict[str, Any]:
    """Record a review of a stored fact and return it as a dict.

    ``confirm`` marks the fact (or one ``field`` of it) as right; ``correct`` sets ``field`` to
    ``value`` in the store and keeps the value before and after; ``annotate`` attaches a ``note``.
    The change and its audit row are written in one transaction.

    Raises:
        FactNotFoundError: ``[E071]`` when the fact is not stored.
        ReviewError: ``[E070]`` for an unknown action or field, or a value of the wrong kind.
    """
    if action not in ACTIONS:
        raise ReviewError(f"unknown action {action!r}; expected one of {', '.join(ACTIONS)}")
    if action in ("merge", "split"):
        if fact_type != "meeting":
            raise ReviewError(f"only meetings can be {action}d, not a {fact_type}")
        return _merge_or_split(store, action, fact_id, value, note, reviewer)
    fields = CORRECTABLE.get(fact_type)
    if fields is None:
        raise ReviewError(f"unknown fact type {fact_type!r}; expected meeting or statement")
    if field is not None and field not in fields:
        raise ReviewError(
            f"{fact_type} field {field!r} cannot be reviewed; choose from {', '.join(fields)}"
        )
    if action == "correct" and field is None:
        raise ReviewError("a correction names the field it corrects")
    if action == "annotate" and not (note and note.strip()):
        raise ReviewError("an annotation needs a note")
    with store.session() as session:
        row = _fact(session, fact_type, fact_id)
        counted = meetings_counted if isinstance(row, MeetingRow) else statements_counted
        if action == "correct":  # its share of the aggregates goes back as corrected
            counted(session, [row.id], -1)
        before: Any
        after: Any
        if field == "participants" and isinstance(row, MeetingRow):
            before = _principals(row)
            after = before
            if action == "correct":
                after = fields[field](value)
                _replace_principals(session, row, after)
        else:
            before = getattr(row, field) if field else None
            after = before
            if action == "correct" and field is not None:
                after = fields[field](value)
                setattr(row, field, after)
                if field == "topics":
                    _relink_topics(session, row, after)
        if action == "correct":
            counted(session, [row.id], +1)
        review = ReviewRow(
            fact_type=fact_type,
            fact_id=fact_id,
            action=action,
            field=field,
            before=before,
            after=after if action != "annotate" else None,
            note=note,
            reviewer=reviewer,
            at=dt.datetime.now(dt.UTC),
        )
        session.add(review)
        session.flush()
        return _review_dict(review)


def _principals(row: MeetingRow) -> list[dict[str, Any]]:
    return [
        {"name": p.name, "country": p.country, "side": p.side, "role": p.role,
         "actor_id": p.actor_id}
        for p in row.participants
        if not p.accompanying
    ]  # fmt: skip


def _recount(session: Session, keys: set[str]) -> None:
    """Set the meeting counts of the actors ``keys`` (all and international) from their
    participant rows."""

    session.flush()
    for key in keys:
        actor = session.get(ActorRow, key)
        if actor is None:
            continue
        met = select(func.count(func.distinct(ParticipantRow.meeting_id))).where(
            ParticipantRow.actor_key == key, ParticipantRow.accompanying.is_(False)
        )
        actor.meetings = int(session.scalar(met) or 0)
        international = met.join(MeetingRow, MeetingRow.id == ParticipantRow.meeting_id).where(
            MeetingRow.scope == "international"
        )
        actor.international = int(session.scalar(international) or 0)


def _rescope(row: MeetingRow) -> set[str]:
    """Set a meeting's scope from its principals now; the actors whose counts it touches."""
    principals = [p for p in row.participants if not p.accompanying]
    row.scope = meeting_scope(principals)
    return {p.actor_key for p in principals if p.actor_key}


def _replace_principals(session: Session, row: MeetingRow, parties: list[dict[str, Any]]) -> None:
    """Replace a meeting's principals (companions stay), each identified as a corpus actor."""

    touched = {p.actor_key for p in row.participants if p.actor_key and not p.accompanying}
    for old in [p for p in row.participants if not p.accompanying]:
        row.participants.remove(old)
    session.flush()
    for party in parties:
        key = identify(
            session,
            Participant(name=party["name"], actor_id=party["actor_id"], country=party["country"]),
        )
        touched.add(key)
        row.participants.append(
            ParticipantRow(
                name=party["name"],
                actor_id=party["actor_id"],
                country=party["country"],
                role=party["role"],
                side=party["side"],
                accompanying=False,
                actor_key=key,
            )
        )
    touched |= _rescope(row)
    _recount(session, touched)


def _snapshot(session: Session, row: MeetingRow) -> dict[str, Any]:
    """Everything stored of a meeting, to keep in the audit row of a merge."""
    return {
        "id": row.id,
        **{c: getattr(row, c) for c in ("status", "mode", "date", "place", "country",
                                       "occasion", "topics", "cameo", "plover", "party_key")},
        "participants": [
            {"name": p.name, "country": p.country, "side": p.side, "role": p.role,
             "actor_id": p.actor_id, "accompanying": p.accompanying}
            for p in row.participants
        ],
        "documents": sorted(s.document_id for s in row.sources),
        "statements": sorted(session.scalars(
            select(StatementRow.id).where(StatementRow.meeting_id == row.id))),
        "evidence": [
            {"document_id": e.document_id, "start": e.start, "end": e.end}
            for e in session.scalars(select(EvidenceRow).where(EvidenceRow.meeting_id == row.id))
        ],
    }  # fmt: skip


def _move_reports(
    session: Session, source: MeetingRow, target: MeetingRow, documents: set[str]
) -> None:
    """Move the reports of ``documents`` (sources, evidence, statements) from one meeting to
    another."""

    have = {s.document_id for s in target.sources}
    for link in [s for s in source.sources if s.document_id in documents]:
        source.sources.remove(link)
        if link.document_id not in have:
            target.sources.append(MeetingSourceRow(document_id=link.document_id))
    session.flush()
    for model in (EvidenceRow, StatementRow):
        session.execute(
            update(model)
            .where(model.meeting_id == source.id, model.document_id.in_(documents))
            .values(meeting_id=target.id)
        )


def _merge_or_split(
    store: Store, action: str, fact_id: str, value: Any, note: str | None, reviewer: str | None
) -> dict[str, Any]:
    """``merge``: the meeting ``value`` (an id) is the same meeting as ``fact_id``; its reports,
    companions and missing fields move to ``fact_id`` and it is removed (its whole record is kept
    in the audit row). ``split``: the reports of the documents ``value`` (ids of some of the
    meeting's sources) are another meeting, created with the same fields and participants."""

    with store.session() as session:
        row = _fact(session, "meeting", fact_id)
        assert isinstance(row, MeetingRow)
        if action == "merge":
            if not isinstance(value, str) or not value.strip():
                raise ReviewError("a merge names the id of the meeting to merge into this one")
            if value.strip() == fact_id:
                raise ReviewError("a meeting cannot be merged with itself")
            other = _fact(session, "meeting", value.strip())
            assert isinstance(other, MeetingRow)
            meetings_counted(session, [row.id, other.id], -1)
            before: Any = _snapshot(session, other)
            _move_reports(session, other, row, {s.document_id for s in other.sources})
            keys = {(p.actor_key, p.accompanying) for p in row.participants}
            for p in other.participants:
                if (p.actor_key, p.accompanying) not in keys:
                    keys.add((p.actor_key, p.accompanying))
                    row.participants.append(
                        ParticipantRow(name=p.name, actor_id=p.actor_id, country=p.country,
                                       role=p.role, side=p.side, accompanying=p.accompanying,
                                       actor_key=p.actor_key)
                    )  # fmt: skip
            for column in ("date", "place", "country", "occasion", "cameo", "plover"):
                if getattr(row, column) is None:
                    setattr(row, column, getattr(other, column))
            topics = list(dict.fromkeys([*row.topics, *other.topics]))
            if topics != list(row.topics):
                row.topics = topics
                _relink_topics(session, row, topics)
            _relink_topics(session, other, [])
            touched = {p.actor_key for p in other.participants if p.actor_key} | _rescope(row)
            session.delete(other)
            _recount(session, touched)
            meetings_counted(session, [row.id], +1)
            after: Any = {"merged": other.id, "into": row.id}
        else:
            documents = value if isinstance(value, list) else None
            sources = {s.document_id for s in row.sources}
            if not documents or not all(isinstance(d, str) for d in documents):
                raise ReviewError("a split names the ids of the source documents to move")
            moving = set(documents)
            if not moving <= sources:
                raise ReviewError(f"not sources of this meeting: {sorted(moving - sources)}")
            if moving == sources:
                raise ReviewError("a split leaves at least one source with the meeting")
            meetings_counted(session, [row.id], -1)
            new_id = hashlib.sha256(f"{row.id}|{sorted(moving)}".encode()).hexdigest()[:32]
            new = MeetingRow(
                id=new_id,
                **{c: getattr(row, c) for c in ("status", "mode", "date", "place", "country",
                                               "occasion", "cameo", "plover", "scope",
                                               "party_key")},
                topics=list(row.topics),
                participants=[
                    ParticipantRow(name=p.name, actor_id=p.actor_id, country=p.country,
                                   role=p.role, side=p.side, accompanying=p.accompanying,
                                   actor_key=p.actor_key)
                    for p in row.participants
                ],
            )  # fmt: skip
            session.add(new)
            session.flush()
            _relink_topics(session, new, list(row.topics))
            _move_reports(session, row, new, moving)
            _recount(session, {p.actor_key for p in row.participants if p.actor_key})
            meetings_counted(session, [row.id, new_id], +1)
            before = {"documents": sorted(sources)}
            after = {"new_meeting": new_id, "documents": sorted(moving)}
        review = ReviewRow(
            fact_type="meeting",
            fact_id=fact_id,
            action=action,
            field=None,
            before=before,
            after=after,
            note=note,
            reviewer=reviewer,
            at=dt.datetime.now(dt.UTC),
        )
        session.add(review)
        session.flush()
        return _review_dict(review)


def reviews(
    store: Store, fact_id: str | None = None, limit: int | None = None, offset: int = 0
) -> list[dict[str, Any]]:
    """Reviews, newest first; of one fact when ``fact_id`` is given."""
    query = select(ReviewRow).order_by(ReviewRow.at.desc(), ReviewRow.id.desc())
    if fact_id is not None:
        query = query.where(ReviewRow.fact_id == fact_id)
    query = query.offset(offset)
    if limit:
        query = query.limit(limit)
    with store.sessions() as session:
        return [_review_dict(row) for row in session.scalars(query)]


def count_reviews(store: Store, fact_id: str | None = None) -> int:
    """How many reviews (of one fact when ``fact_id`` is given)."""
    query = select(func.count()).select_from(ReviewRow)
    if fact_id is not None:
        query = query.where(ReviewRow.fact_id == fact_id)
    with store.sessions() as session:
        return int(session.scalar(query) or 0)


def _gold_meeting(row: MeetingRow) -> dict[str, Any]:
    principals = [p for p in row.participants if not p.accompanying]
    return {
        "sides": [
            [{"name": p.name, "aliases": [], "country": p.country} for p in side]
            for side in sides(principals)  # the one side rule of sidelines.pairing
        ],
        "status": row.status,
        "mode": row.mode,
        "date": row.date,
        "place": row.place,
        "country": row.country,
        "occasion": row.occasion,
    }


def _anchor(text: str) -> str:
    """A short exact prefix of a statement's text (the gold format asks for 4-10 words)."""
    match = re.match(r"\s*((?:\S+\s+){0,7}\S+)", text)
    return match.group(1) if match else text


def _write_document(doc: DocumentRow, docs_dir: Path, taken: set[str]) -> str:
    """Put a reviewed document into ``docs_dir`` under a name not yet taken; return the name."""
    original = Path(doc.path) if doc.path and "#" not in doc.path else None
    if original is not None and original.is_file():
        name = original.name
        data = original.read_bytes()
    else:
        name = f"{doc.id[:16]}.md"
        header = {"title": doc.title, "date": doc.published, "publisher": doc.publisher}
        header = {key: value for key, value in header.items() if value}
        front = yaml.safe_dump(header, allow_unicode=True, sort_keys=False) if header else ""
        data = (f"---\n{front}---\n" if front else "").encode() + doc.text.encode("utf-8")
    if name in taken:
        name = f"{doc.id[:8]}-{name}"
    taken.add(name)
    (docs_dir / name).write_bytes(data)
    return name


def export_gold(store: Store, out_dir: Path) -> list[Path]:
    """Write a gold file per document for the facts an analyst confirmed or corrected.

    A document's gold file ``OUT_DIR/<doc>.json`` lists only its reviewed facts (in their
    corrected form); facts nobody reviewed are left out, since nobody vouched for them, so
    precision measured against it is a lower bound. Annotations alone do not make a fact gold.
    The documents go to ``OUT_DIR/docs/``: a copy of the original file when it still exists,
    else (a JSON-lines record, a text sent to the API) the stored text as Markdown with its
    title and date, so ``sidelines evaluate --gold OUT_DIR --docs OUT_DIR/docs`` runs as is.
    Returns the gold files written.
    """
    docs_dir = out_dir / "docs"
    docs_dir.mkdir(parents=True, exist_ok=True)
    taken: set[str] = set()
    with store.sessions() as session:
        reviewed = session.execute(
            select(ReviewRow.fact_type, ReviewRow.fact_id)
            .where(ReviewRow.action.in_(("confirm", "correct")))
            .distinct()
        ).all()
        meeting_ids = sorted({i for kind, i in reviewed if kind == "meeting"})
        statement_ids = sorted({i for kind, i in reviewed if kind == "statement"})
        by_document: dict[str, dict[str, Any]] = {}

        def gold_for(document_id: str) -> dict[str, Any]:
            if document_id not in by_document:
                doc = session.get(DocumentRow, document_id)
                assert doc is not None  # sources and statements point at stored documents
                name = _write_document(doc, docs_dir, taken)
                by_document[document_id] = {
                    "doc": name,
                    "published": doc.published,
                    "meetings": [],
                    "statements": [],
                }
            return by_document[document_id]

        meetings = session.scalars(
            select(MeetingRow)
            .where(MeetingRow.id.in_(meeting_ids))
            .options(selectinload(MeetingRow.participants))
        ).all()
        for meeting in meetings:
            sources = session.scalars(
                select(MeetingSourceRow.document_id).where(
                    MeetingSourceRow.meeting_id == meeting.id
                )
            ).all()
            for document_id in sources:  # a meeting reported by two documents is gold in each
                gold_for(document_id)["meetings"].append(_gold_meeting(meeting))
        statements = session.scalars(
            select(StatementRow).where(StatementRow.id.in_(statement_ids))
        ).all()
        for statement in statements:
            gold_for(statement.document_id)["statements"].append(
                {
                    "speakers": [s["name"] for s in statement.speakers],
                    "anchor": _anchor(statement.text),
                    "topics": list(statement.topics),
                }
            )
    written = []
    for gold in sorted(by_document.values(), key=lambda g: str(g["doc"])):
        path = out_dir / f"{gold['doc']}.json"
        path.write_text(json.dumps(gold, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        written.append(path)
    return written
