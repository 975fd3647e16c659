"""The corpus store: ingest, idempotence, cross-document identity, queries, errors, kill -9."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlalchemy
from spacy.language import Language
from sqlalchemy.exc import SQLAlchemyError

import sidelines
from sidelines.corpus import IngestReport, ingest_documents, read_items
from sidelines.store import Store

from ..conftest import SAMPLES
from .conftest import NewDatabase

READOUT_A = """---
title: Readout of the Foreign Minister's meeting with the Foreign Minister of Norway
date: 2023-03-02
publisher: Example Ministry
---
Japanese Foreign Minister Yoshimasa Hayashi met with Norwegian Foreign Minister Anniken Huitfeldt in Tokyo on March 2.
Hayashi stressed that the two countries share a commitment to maritime security.
"""
READOUT_B = """---
title: Norway and Japan discuss Arctic cooperation
date: 2023-03-03
publisher: Example News
---
Norwegian Foreign Minister Anniken Huitfeldt met Japanese Foreign Minister Yoshimasa Hayashi in Tokyo on Thursday, March 2.
Huitfeldt welcomed closer cooperation on Arctic research.
"""


def run_ingest(items: list[str], store: Store, nlp: Language) -> IngestReport:
    report = IngestReport()
    documents = read_items(items, store, report)
    return ingest_documents(documents, store, report, nlp=nlp)


def test_ingest_samples_is_idempotent(tmp_path: Path, nlp: Language, new_db: NewDatabase) -> None:
    store = Store.open(new_db("s"))
    first = run_ingest([str(SAMPLES)], store, nlp)
    assert first.stored >= 4 and not first.failed
    counts = store.counts()
    again = run_ingest([str(SAMPLES)], store, nlp)
    assert again.stored == 0 and again.skipped == first.stored
    assert store.counts() == counts
    assert store.migrate() == []  # migrations are applied once


def test_same_meeting_from_two_documents_is_one(
    tmp_path: Path, nlp: Language, new_db: NewDatabase
) -> None:
    for name, text in (("a.md", READOUT_A), ("b.md", READOUT_B)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    store = Store.open(new_db("x"))
    run_ingest([str(tmp_path / "a.md"), str(tmp_path / "b.md")], store, nlp)
    [meeting] = store.meetings(actor="Hayashi")
    assert meeting["sources"] == 2 and len(meeting["documents"]) == 2
    assert {p["country"] for p in meeting["participants"]} == {"JPN", "NOR"}
    assert store.counts()["statements"] >= 2


def test_two_meetings_of_one_document_stay_two(
    tmp_path: Path, nlp: Language, new_db: NewDatabase
) -> None:
    text = (
        "---\ntitle: A busy week\ndate: 2023-03-03\n---\n"
        "Japanese Foreign Minister Yoshimasa Hayashi met with Norwegian Foreign Minister Anniken "
        "Huitfeldt in Tokyo on March 1. Hayashi also met with Huitfeldt in Osaka on March 2.\n"
    )
    (tmp_path / "week.md").write_text(text, encoding="utf-8")
    store = Store.open(new_db("w"))
    report = run_ingest([str(tmp_path / "week.md")], store, nlp)
    assert report.stored == 1 and not report.failed
    meetings = store.meetings(actor="Hayashi")
    assert len(meetings) == 2 and all(m["sources"] == 1 for m in meetings)


def test_queries_filter_by_actor_country_dates_mode_topic(
    tmp_path: Path, nlp: Language, new_db: NewDatabase
) -> None:
    store = sidelines.open(new_db("q"))
    run_ingest([str(SAMPLES)], store, nlp)
    everything = store.meetings()
    assert everything and all(m["status"] == "held" for m in everything)
    dates = [m["date"] for m in everything if m["date"]]
    assert dates == sorted(dates, reverse=True)
    lavrov = store.meetings(actor="Sergey Lavrov")
    assert lavrov and all(
        any(p["name"] == "Sergey Lavrov" for p in m["participants"]) for m in lavrov
    )
    assert store.meetings(country="RUS", with_="CHN")
    assert all(m["mode"] == "phone" for m in store.meetings(mode="phone"))
    assert all(m["date"] >= "2023-01-01" for m in store.meetings(since="2023-01-01"))
    assert store.statements(speaker="Wang Yi")
    assert store.meetings(actor="x' OR '1'='1") == []  # filters are bound parameters
    assert store.statements(topic="%' --") == []


def test_bad_items_are_recorded_and_the_batch_goes_on(
    tmp_path: Path, nlp: Language, new_db: NewDatabase
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    store = Store.open(new_db("e"))
    report = run_ingest([str(empty), str(tmp_path / "missing.txt"), str(SAMPLES)], store, nlp)
    assert len(report.failed) == 2 and report.stored >= 4
    assert store.counts()["ingest_errors"] == 2
    again = run_ingest([str(empty), str(tmp_path / "missing.txt"), str(SAMPLES)], store, nlp)
    assert len(again.failed) == 2 and again.stored == 0
    assert store.counts()["ingest_errors"] == 2  # a rerun reports them again, stores them once


@pytest.mark.slow
def test_kill_9_then_rerun_equals_a_clean_run(
    tmp_path: Path, nlp: Language, new_db: NewDatabase
) -> None:
    items = [str(SAMPLES)]
    clean = Store.open(new_db("clean"))
    run_ingest(items, clean, nlp)
    killed_db = new_db("killed")
    command = [sys.executable, "-m", "sidelines", "ingest", *items, "--db", killed_db]
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline and proc.poll() is None:
        if _documents_in(killed_db) >= 1:
            break  # killed after its first commit, before the last
        time.sleep(0.05)
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    resumed = Store.open(killed_db)
    run_ingest(items, resumed, nlp)
    strip = {"ingest_errors"}
    assert {k: v for k, v in resumed.counts().items() if k not in strip} == {
        k: v for k, v in clean.counts().items() if k not in strip
    }


def _documents_in(url: str) -> int:
    connect_args = {"timeout": 0.1} if url.startswith("sqlite") else {}
    engine = sqlalchemy.create_engine(url, connect_args=connect_args)
    try:
        with engine.connect() as connection:
            count = connection.execute(sqlalchemy.text("SELECT count(*) FROM documents"))
            return int(count.scalar_one())
    except SQLAlchemyError:
        return 0
    finally:
        engine.dispose()


def test_unopenable_database_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(sidelines.store.StoreError, match="E030"):
        Store.open("nosuchdialect://x")


def test_items_are_read_lazily_and_counted_without_parsing(tmp_path: Path) -> None:
    from sidelines.corpus import estimate_total, iter_items

    records = tmp_path / "wire.jsonl"
    records.write_text(
        "\n".join(json.dumps({"text": f"Report number {n} of the day."}) for n in range(5)) + "\n",
        encoding="utf-8",
    )
    from sidelines.ingest import iter_documents

    assert estimate_total([str(SAMPLES)]) == sum(1 for _ in iter_documents([str(SAMPLES)]))
    assert estimate_total([str(records), str(tmp_path / "missing.txt")]) == 6
    assert estimate_total(["https://example.org/feed.rss"]) is None
    store = Store.open(f"sqlite:///{tmp_path / 'lazy.db'}")
    report = IngestReport()
    documents = iter_items([str(records), str(tmp_path / "missing.txt")], store, report)
    assert report.failed == []  # nothing is read before it is asked for
    first = next(documents)
    assert first.text.startswith("Report number 0") and report.failed == []
    assert len(list(documents)) == 4 and len(report.failed) == 1
