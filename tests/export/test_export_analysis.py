"""Exports as analysts read them (issue 13): dyadic PLOVER/POLECAT with the body's sentence and a
context from the content, typed tables that pandas and pyarrow read back, and actor networks with
stable ids, kinds, modes and time intervals. The corpus is a few facts of our own, stored
directly (no extraction), so each expectation is known."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import networkx as nx
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from sidelines.errors import SidelinesError
from sidelines.export import CSV_PARTICIPANT_COLUMNS, POLECAT_COLUMNS, export
from sidelines.export.tables import sorted_by_date
from sidelines.store import Store
from sidelines.types import Document, Evidence, Extraction, Meeting, Participant, Statement

TITLE = "Talks in Astana and calls"
BODY = (
    "Vladimir Putin, Recep Tayyip Erdogan and Ebrahim Raisi met in Astana to discuss trade. "
    "Recep Tayyip Erdogan arrived in Moscow on a visit. "
    "Joe Biden spoke with Olaf Scholz by telephone about energy. "
    "Vladimir Putin met Vladimir Potanin. "
    "Putin said terrorism must be fought together."
)
TEXT = f"{TITLE}\n\n{BODY}"


def span(sentence: str) -> Evidence:
    start = TEXT.index(sentence)
    return Evidence(start, start + len(sentence), sentence)


def person(name: str, actor_id: str | None, country: str, side: str | None = None) -> Participant:
    return Participant(name=name, actor_id=actor_id, country=country, role="President", side=side)


PUTIN = person("Vladimir Putin", "vladimir-putin", "RUS")
ERDOGAN = person("Recep Tayyip Erdogan", "recep-tayyip-erdogan", "TUR")
RAISI = person("Ebrahim Raisi", "ebrahim-raisi", "IRN")
BIDEN = person("Joe Biden", "joe-biden", "USA")
SCHOLZ = person("Olaf Scholz", "olaf-scholz", "DEU")
HEADLINE = Evidence(0, len(TITLE), TITLE)


def meeting(number: int, parties: list[Participant], **fields: object) -> Meeting:
    return Meeting(id=f"m{number}", status="held", participants=parties, **fields)  # type: ignore[arg-type]


MEETINGS = [
    meeting(
        1,
        [PUTIN, ERDOGAN, RAISI],
        mode="in_person",
        date="2023-07-19",
        place="Astana",
        country="KAZ",
        topics=["Syria", "trade"],
        cameo="040",
        plover={"event": "CONSULT", "mode": "multilateral", "context": "diplomatic"},
        evidence=[HEADLINE, span(BODY.split(". ")[0])],
    ),
    meeting(
        2,
        [PUTIN, ERDOGAN],  # the host named first: the visitor is still the actor
        mode="in_person",
        date="2022-08-05",
        place="Moscow",
        country="RUS",
        cameo="042",
        plover={"event": "CONSULT", "mode": "visit", "actor_side": "TUR", "recipient_side": "RUS"},
        evidence=[span("Recep Tayyip Erdogan arrived in Moscow on a visit")],
    ),
    meeting(
        3,
        [BIDEN, SCHOLZ],
        mode="phone",
        date="2023-01-10",
        topics=["energy"],
        cameo="041",
        plover={"event": "CONSULT", "mode": "phone", "context": "diplomatic"},
        evidence=[HEADLINE, span("Joe Biden spoke with Olaf Scholz by telephone about energy")],
    ),
    meeting(
        4,
        [
            person("Vladimir Putin", "vladimir-putin", "RUS", side="a"),
            Participant(name="Vladimir Potanin", country="RUS", side="b"),
        ],
        mode="in_person",
        country="RUS",
        cameo="040",
        plover={"event": "CONSULT", "mode": "", "context": "diplomatic"},
        evidence=[span("Vladimir Putin met Vladimir Potanin")],
    ),
]
STATEMENT = Statement(
    id="s1",
    speakers=[PUTIN],
    cue="said",
    text="terrorism must be fought together",
    topics=["terrorism"],
    meeting_id="m1",
    cameo="030",
    plover={"event": "AGREE", "mode": "", "context": "diplomatic"},
    evidence=[span("Putin said terrorism must be fought together")],
)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    opened = Store.open(f"sqlite:///{tmp_path_factory.mktemp('analysis') / 'corpus.db'}")
    document = Document(
        text=TEXT,
        title=TITLE,
        published="2023-07-20",
        url="https://example.org/talks",
        publisher="Example Wire",
    )
    opened.save(Extraction(document, meetings=MEETINGS, statements=[STATEMENT]))
    return opened


def plover(store: Store, tmp_path: Path, **filters: str) -> list[dict[str, object]]:
    out = tmp_path / "events.jsonl"
    export(store, "plover-jsonl", out, **filters)
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def codes(parties: object) -> list[str]:
    assert isinstance(parties, list)
    return [p["code"] for p in parties]


# --- PLOVER and POLECAT --------------------------------------------------------------------------
def test_plover_is_one_record_per_pair_of_opposite_sides(store: Store, tmp_path: Path) -> None:
    records = plover(store, tmp_path, what="meetings")
    assert all(r["actor"] and r["recipient"] for r in records)  # no empty recipient
    by_id = {r["id"]: r for r in records}
    three = [by_id["m1"], by_id["m1:1"], by_id["m1:2"]]  # three sides: three dyads
    assert [(codes(r["actor"]), codes(r["recipient"])) for r in three] == [
        (["RUS"], ["TUR"]),
        (["RUS"], ["IRN"]),
        (["TUR"], ["IRN"]),
    ]
    assert (codes(by_id["m2"]["actor"]), codes(by_id["m2"]["recipient"])) == (["TUR"], ["RUS"])
    # a domestic meeting of two sides is a dyad too; a person the KB does not know keeps the
    # store's id for them
    domestic = by_id["m4"]
    assert [a["actor_id"] for a in domestic["actor"] + domestic["recipient"]] == [
        "vladimir-putin",
        "name:vladimir-potanin",
    ]


def test_event_text_is_the_body_sentence_not_the_headline(store: Store, tmp_path: Path) -> None:
    by_id = {r["id"]: r for r in plover(store, tmp_path)}
    assert by_id["m3"]["event_text"] == "Joe Biden spoke with Olaf Scholz by telephone about energy"
    assert by_id["m1"]["event_text"].startswith("Vladimir Putin, Recep Tayyip Erdogan")
    assert all(r["event_text"] != TITLE for r in by_id.values())


def test_context_comes_from_the_content(store: Store, tmp_path: Path) -> None:
    by_id = {r["id"]: r for r in plover(store, tmp_path)}
    assert by_id["m1"]["context"] == ["economic"]  # trade
    assert by_id["m3"]["context"] == ["economic", "resource"]  # energy
    assert by_id["s1"]["context"] == ["terrorism"]
    assert by_id["m2"]["context"] == ["diplomatic"]  # nothing said about what: two countries
    assert by_id["m4"]["context"] == ["government"]  # ... or one country


def test_polecat_has_one_country_per_cell(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "events.tsv"
    export(store, "polecat-tsv", out)
    header, *rows = [line.split("\t") for line in out.read_text(encoding="utf-8").splitlines()]
    column = {name: i for i, name in enumerate(POLECAT_COLUMNS)}
    assert tuple(header) == POLECAT_COLUMNS
    pairs = {
        (r[column["Event ID"]], r[column["Actor Country"]], r[column["Recipient Country"]])
        for r in rows
    }
    assert {("m1", "RUS", "TUR"), ("m1:1", "RUS", "IRN"), ("m1:2", "TUR", "IRN")} <= pairs
    assert all(";" not in r[column["Actor Country"]] + r[column["Recipient Country"]] for r in rows)
    assert {r[column["Contexts"]] for r in rows if r[column["Event ID"]] == "m3"} == {
        "economic;resource"
    }


# --- CSV, Parquet and the tidy participants table ------------------------------------------------
def test_csv_keeps_codes_as_text_sorted_by_date_with_ids_and_evidence(
    store: Store, tmp_path: Path
) -> None:
    out = tmp_path / "meetings.csv"
    export(store, "csv", out)
    frame = pd.read_csv(out, dtype=str, keep_default_na=False)  # as the README says
    assert list(frame["cameo"]) == ["042", "041", "040", "040"]  # never 42
    # by date; the undated meeting sorts by its source's publication date
    assert list(frame["id"]) == ["m2", "m3", "m1", "m4"]
    assert list(frame["date"]) == ["2022-08-05", "2023-01-10", "2023-07-19", ""]
    visit = frame.set_index("id").loc["m2"]
    assert (visit["side_a_ids"], visit["side_b_ids"]) == ("recep-tayyip-erdogan", "vladimir-putin")
    assert visit["evidence_text"] == "Recep Tayyip Erdogan arrived in Moscow on a visit"
    trilateral = frame.set_index("id").loc["m1"]
    assert trilateral["other_ids"] == "ebrahim-raisi"
    with out.open(encoding="utf-8", newline="") as handle:
        assert next(csv.reader(handle))[:3] == ["id", "date", "first_published"]


def test_parquet_has_dates_and_lists(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "meetings.parquet"
    export(store, "parquet", out)
    table = pq.read_table(out)
    assert table.schema.field("date").type == pa.date32()
    assert table.schema.field("topics").type == pa.list_(pa.string())
    assert pa.types.is_list(table.schema.field("participants").type)
    rows = {row["id"]: row for row in table.to_pylist()}
    assert rows["m1"]["topics"] == ["Syria", "trade"]
    assert [p["actor_id"] for p in rows["m1"]["participants"]] == [
        "vladimir-putin",
        "recep-tayyip-erdogan",
        "ebrahim-raisi",
    ]
    assert str(rows["m3"]["date"]) == "2023-01-10" and rows["m4"]["date"] is None
    assert table.column("cameo").to_pylist() == ["042", "041", "040", "040"]


def test_participants_table_one_row_per_meeting_and_participant(
    store: Store, tmp_path: Path
) -> None:
    tidy = store.meetings().participants()
    assert len(tidy) == sum(len(m.participants) for m in MEETINGS)
    frame = tidy.to_pandas()
    assert tuple(frame.columns) == CSV_PARTICIPANT_COLUMNS
    assert sorted(frame.loc[frame["meeting_id"] == "m1", "country"]) == ["IRN", "RUS", "TUR"]
    assert "name:vladimir-potanin" in set(frame["actor_id"])
    with pytest.raises(SidelinesError, match="tabulates meetings"):
        store.statements().participants()
    out = tmp_path / "participants.csv"
    report = export(store, "csv", out, what="participants")
    assert report.written == len(tidy)
    assert list(pd.read_csv(out, dtype=str).columns) == list(CSV_PARTICIPANT_COLUMNS)


# --- networks ------------------------------------------------------------------------------------
def test_gexf_has_stable_ids_kinds_and_a_timeline(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "actors.gexf"
    export(store, "gexf", out)
    assert 'mode="dynamic"' in out.read_text(encoding="utf-8")
    graph = nx.read_gexf(out)
    assert set(graph.nodes) == {
        "vladimir-putin",
        "recep-tayyip-erdogan",
        "ebrahim-raisi",
        "joe-biden",
        "olaf-scholz",
        "name:vladimir-potanin",
    }
    putin = graph.nodes["vladimir-putin"]
    assert (putin["country"], putin["kind"], putin["meetings"]) == ("RUS", "person", 3)
    edge = graph.edges["vladimir-putin", "recep-tayyip-erdogan"]
    assert (edge["count"], edge["mode"]) == (2, "in_person")
    assert (edge["start"], edge["end"]) == ("2022-08-05", "2023-07-19")
    assert (edge["first_date"], edge["last_date"]) == ("2022-08-05", "2023-07-19")
    call = graph.edges["joe-biden", "olaf-scholz"]
    assert (call["mode"], call["count"]) == ("phone", 1)


def test_graphml_joins_only_opposite_sides(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "actors.graphml"
    export(store, "graphml", out)
    graph = nx.read_graphml(out)
    assert graph.number_of_edges() == 5  # 3 in Astana, the call, Putin-Potanin
    assert graph.edges["vladimir-putin", "name:vladimir-potanin"]["weight"] == 1
    assert graph.nodes["name:vladimir-potanin"]["kind"] == "person"


def test_plover_fields_follow_the_manual(store: Store, tmp_path: Path) -> None:
    # EVENT-STANDARDS.md: required fields, then the optional ones, in this order
    manual = (
        "id date actor event has_event time enddate endtime recipient event_loc event_text "
        "quad_code event_scale mode context link text text_info cite_info coder coded_date "
        "coded_time comment"
    ).split()
    record = plover(store, tmp_path)[0]
    assert list(record)[:4] == ["id", "date", "actor", "event"]
    assert list(record) == [name for name in manual if name in record]
    entity = record["actor"][0]
    assert list(entity)[:4] == ["code", "sector", "entity_text", "identifier_id"]


def test_sorting_spills_runs_and_merges_them_in_order() -> None:
    rows = [
        {"id": f"r{n}", "date": date}
        for n, date in enumerate(["2024-05-01", None, "2021-01-02", "2024-05-01", "2019-12-31"])
    ]
    rows.append({"id": "r9", "date": None, "first_published": "2020-06-01"})
    merged = list(sorted_by_date(rows, run=2))  # three runs on disk
    assert [r["id"] for r in merged] == ["r4", "r9", "r2", "r0", "r3", "r1"]
    assert merged == list(sorted_by_date(rows, run=100))  # the same as sorting in memory


def test_a_side_of_several_countries_is_a_dyad_per_country(tmp_path: Path) -> None:
    # the extractor's side "b": the leaders a president met at a summit, of three countries
    leaders = [
        person("Olaf Scholz", "olaf-scholz", "DEU", side="b"),
        person("Annalena Baerbock", "annalena-baerbock", "DEU", side="b"),
        person("Emmanuel Macron", "emmanuel-macron", "FRA", side="b"),
        Participant(name="Charles Michel", actor_id="charles-michel", side="b"),
    ]
    summit = meeting(
        9,
        [person("Joe Biden", "joe-biden", "USA", side="a"), *leaders],
        mode="in_person",
        date="2023-06-01",
        cameo="040",
        plover={"event": "CONSULT", "mode": "multilateral", "context": "diplomatic"},
        evidence=[span(BODY.split(". ")[0])],
    )
    store = Store.open(f"sqlite:///{tmp_path / 'summit.db'}")
    store.save(Extraction(Document(text=TEXT, title=TITLE, published="2023-06-02"), [summit]))
    records = plover(store, tmp_path, what="meetings")
    pairs = [(codes(r["actor"]), [p["entity_text"] for p in r["recipient"]]) for r in records]
    assert pairs == [
        (["USA"], ["Olaf Scholz", "Annalena Baerbock"]),  # a delegation stays one side
        (["USA"], ["Emmanuel Macron"]),
        (["USA"], ["Charles Michel"]),
    ]
    assert [r["id"] for r in records] == ["m9", "m9:1", "m9:2"]
    out = tmp_path / "events.tsv"
    export(store, "polecat-tsv", out)
    _, *rows = [line.split("\t") for line in out.read_text(encoding="utf-8").splitlines()]
    column = {name: i for i, name in enumerate(POLECAT_COLUMNS)}
    assert [r[column["Recipient Country"]] for r in rows] == ["DEU", "FRA", ""]


def test_event_text_of_a_hard_wrapped_page_is_one_line(tmp_path: Path) -> None:
    # a readout wrapped at a fixed width breaks lines inside its sentences
    title = "Readout of a call"
    sentence = "Joe Biden spoke with Olaf Scholz\nby telephone about\nenergy"
    text = f"{title}\n\n{sentence}."
    start = text.index(sentence)
    call = meeting(
        7,
        [BIDEN, SCHOLZ],
        mode="phone",
        date="2023-01-10",
        cameo="041",
        plover={"event": "CONSULT", "mode": "phone", "context": "diplomatic"},
        evidence=[Evidence(start, start + len(sentence), sentence)],
    )
    store = Store.open(f"sqlite:///{tmp_path / 'wrapped.db'}")
    store.save(Extraction(Document(text=text, title=title, published="2023-01-10"), [call]))
    [record] = plover(store, tmp_path, what="meetings")
    assert record["event_text"] == "Joe Biden spoke with Olaf Scholz by telephone about energy"
    export(store, "csv", tmp_path / "m.csv")
    frame = pd.read_csv(tmp_path / "m.csv", dtype=str, keep_default_na=False)
    assert list(frame["evidence_text"]) == [record["event_text"]]
