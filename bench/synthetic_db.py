"""Grow a corpus database to a given size with synthetic meetings, for query benchmarks.

The rows follow the store's schema exactly (documents, actors, meetings, sources, participants,
topics, statements, evidence) and their distributions are loosely those of the real corpus: a
few busy actors and many rare ones, most meetings bilateral, a fifth at a named occasion. The
text is synthetic ("Synthetic report N"); nothing here is real reporting. Not a test.

    python bench/synthetic_db.py --db sqlite:///big.db --meetings 1000000
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import random
import sys
import time
from collections.abc import Iterator
from typing import Any, NamedTuple

import pycountry
from sqlalchemy import Table

from sidelines.store import Store, aggregates
from sidelines.store.actors import key_rows
from sidelines.store.migrations import recount_actors, recount_international
from sidelines.store.schema import (
    ActorKeyRow,
    ActorRow,
    DocumentRow,
    EvidenceRow,
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
from sidelines.store.search import create_search_index
from sidelines.store.totals import bump

TOPICS = [
    "Ukraine", "Korean Peninsula", "Iranian nuclear issue", "climate", "trade", "energy",
    "Middle East", "Afghanistan", "security", "health", "migration", "investment",
]  # fmt: skip
OCCASIONS = [
    "G20 summit", "UN General Assembly", "BRICS summit", "SCO summit", "ASEAN summit",
    "NATO summit", "APEC summit", "COP", "Munich Security Conference", "G7 summit",
]  # fmt: skip
MODES = ["in_person"] * 7 + ["phone"] * 2 + ["video"]
CUES = ["said", "stressed", "reaffirmed", "expressed", "welcomed", "urged", "agreed"]
CHUNK = 20_000


class Principal(NamedTuple):
    """What a meeting's scope is computed from."""

    country: str | None
    actor_id: str | None


def _chunks(rows: Iterator[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= CHUNK:
            yield batch
            batch = []
    if batch:
        yield batch


def _insert(store: Store, table: Table, rows: Iterator[dict[str, Any]]) -> int:
    count = 0
    for batch in _chunks(rows):
        with store.engine.begin() as connection:
            connection.execute(table.insert(), batch)
        count += len(batch)
    return count


def grow(store: Store, meetings: int, seed: int = 7) -> dict[str, int]:
    """Add ``meetings`` synthetic meetings (and their documents, actors, statements)."""
    rng = random.Random(seed)
    countries = [c.alpha_3 for c in pycountry.countries][:190]
    actors = [
        {
            "id": f"syn:{n}",
            "name": f"Synthetic Person {n}",
            "country": countries[n % len(countries)],
            "aliases": [],
            "in_kb": False,
        }
        for n in range(max(200, meetings // 250))
    ]
    # a few busy actors, many rare ones (Zipf-like weights)
    weights = [1 / (1 + n) ** 0.8 for n in range(len(actors))]
    # accumulated once: choices() would add up all the weights again for every meeting
    cumulative = list(itertools.accumulate(weights))
    documents = max(1, meetings // 2)
    start = dt.date(2000, 1, 1).toordinal()
    span = dt.date(2026, 11, 1).toordinal() - start
    added: dict[str, int] = {}
    added["actors"] = _insert(store, ActorRow.__table__, iter(actors))  # type: ignore[arg-type]
    added["actor_keys"] = _insert(
        store,
        ActorKeyRow.__table__,  # type: ignore[arg-type]
        (row for actor in actors for row in key_rows(str(actor["id"]), [str(actor["name"])])),
    )
    added["topics"] = _insert(store, TopicRow.__table__, ({"name": t} for t in TOPICS))  # type: ignore[arg-type]
    added["documents"] = _insert(
        store,
        DocumentRow.__table__,  # type: ignore[arg-type]
        (
            {
                "id": f"syn-doc-{n}",
                "path": None,
                "url": f"https://example.org/synthetic/{n}",
                "title": f"Synthetic report {n}",
                "published": dt.date.fromordinal(start + rng.randrange(span)).isoformat(),
                "publisher": "Synthetic",
                "text": f"Synthetic report {n}.",
                "sections": [],
                "ingested_at": dt.datetime.now(dt.UTC),
            }
            for n in range(documents)
        ),
    )
    plan = []
    for n in range(meetings):
        size = 2 if rng.random() < 0.85 else rng.randint(3, 5)
        parties = list(
            dict.fromkeys(rng.choices(range(len(actors)), cum_weights=cumulative, k=size))
        )
        if len(parties) < 2:
            parties.append((parties[0] + 1) % len(actors))
        plan.append((n, parties))

    def meeting_rows() -> Iterator[dict[str, Any]]:
        for n, parties in plan:
            host = actors[parties[0]]["country"]
            principals = [Principal(str(actors[p]["country"]), None) for p in parties]
            yield {
                "id": f"syn-m-{n}",
                "status": "held" if rng.random() < 0.95 else "planned",
                "mode": rng.choice(MODES),
                "date": dt.date.fromordinal(start + rng.randrange(span)).isoformat(),
                "place": f"City {rng.randrange(500)}",
                "country": host,
                "occasion": rng.choice(OCCASIONS) if rng.random() < 0.2 else None,
                "topics": rng.sample(TOPICS, rng.randint(0, 3)),
                "cameo": "040",
                "plover": {"event": "CONSULT"},
                "party_key": " | ".join(sorted(f"syn:{p}" for p in parties)),
                "scope": meeting_scope(principals),
            }

    added["meetings"] = _insert(store, MeetingRow.__table__, meeting_rows())  # type: ignore[arg-type]
    added["participants"] = _insert(
        store,
        ParticipantRow.__table__,  # type: ignore[arg-type]
        (
            {
                "meeting_id": f"syn-m-{n}",
                "name": actors[p]["name"],
                "actor_id": None,
                "actor_key": actors[p]["id"],
                "country": actors[p]["country"],
                "role": "Minister",
                "side": actors[p]["country"],
                "accompanying": False,
            }
            for n, parties in plan
            for p in parties
        ),
    )
    added["meeting_sources"] = _insert(
        store,
        MeetingSourceRow.__table__,  # type: ignore[arg-type]
        (
            {"meeting_id": f"syn-m-{n}", "document_id": f"syn-doc-{d}"}
            for n, _ in plan
            for d in {rng.randrange(documents) for _ in range(rng.choice([1, 1, 1, 2, 3]))}
        ),
    )
    with store.engine.connect() as connection:
        topic_rows = connection.execute(
            MeetingRow.__table__.select().with_only_columns(MeetingRow.id, MeetingRow.topics)  # type: ignore[attr-defined]
        ).all()
    added["meeting_topics"] = _insert(
        store,
        MeetingTopicRow.__table__,  # type: ignore[arg-type]
        ({"meeting_id": m, "topic": t} for m, topics in topic_rows for t in topics),
    )
    statements = meetings // 2
    said = [(n, plan[n % len(plan)]) for n in range(statements)]
    with store.engine.connect() as connection:
        dates = dict(
            connection.execute(
                MeetingRow.__table__.select().with_only_columns(MeetingRow.id, MeetingRow.date)  # type: ignore[attr-defined]
            ).all()
        )
    added["statements"] = _insert(
        store,
        StatementRow.__table__,  # type: ignore[arg-type]
        (
            {
                "id": f"syn-s-{n}",
                "document_id": f"syn-doc-{n % documents}",
                "meeting_id": f"syn-m-{m}",
                "speakers": [{"name": actors[parties[0]]["name"], "actor_id": None}],
                "speaker_names": actors[parties[0]]["name"],
                "speaker_countries": actors[parties[0]]["country"],
                "cue": rng.choice(CUES),
                "text": f"synthetic statement {n}",
                "topics": [rng.choice(TOPICS)],
                "cameo": "010",
                "plover": None,
                "date": dates.get(f"syn-m-{m}"),
            }
            for n, (m, parties) in said
        ),
    )
    added["statement_speakers"] = _insert(
        store,
        StatementSpeakerRow.__table__,  # type: ignore[arg-type]
        ({"statement_id": f"syn-s-{n}", "actor_key": actors[p[0]]["id"]} for n, (_, p) in said),
    )
    added["statement_topics"] = _insert(
        store,
        StatementTopicRow.__table__,  # type: ignore[arg-type]
        (
            {"statement_id": f"syn-s-{n}", "topic": TOPICS[n % len(TOPICS)]}
            for n in range(statements)
        ),
    )
    added["evidence"] = _insert(
        store,
        EvidenceRow.__table__,  # type: ignore[arg-type]
        (
            {
                "document_id": f"syn-doc-{n % documents}",
                "meeting_id": f"syn-m-{n}",
                "statement_id": None,
                "start": 0,
                "end": 10,
                "text": "Synthetic",
            }
            for n in range(meetings)
        ),
    )
    added["evidence"] += _insert(
        store,
        EvidenceRow.__table__,  # type: ignore[arg-type]
        (
            {
                "document_id": f"syn-doc-{n % documents}",
                "meeting_id": None,
                "statement_id": f"syn-s-{n}",
                "start": 0,
                "end": 10,
                "text": "Synthetic",
            }
            for n in range(statements)
        ),
    )
    with store.engine.begin() as connection:  # the counts and the text index every write keeps
        recount_actors(connection)
        recount_international(connection)
        aggregates.rebuild(connection)
        create_search_index(connection)
        bump(connection)
    return added


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--db", required=True, help="database URL (a new or existing store)")
    parser.add_argument("--meetings", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    store = Store.open(args.db)
    began = time.perf_counter()
    added = grow(store, args.meetings, args.seed)
    if store.engine.dialect.name == "sqlite":
        with store.engine.connect() as connection:
            connection.exec_driver_sql("ANALYZE")
    elapsed = time.perf_counter() - began
    print(", ".join(f"{k} +{v:,}" for k, v in added.items()), file=sys.stderr)
    print(f"grown in {elapsed:.0f} s; now {store.counts()}")


if __name__ == "__main__":
    main()
