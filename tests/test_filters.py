"""One list of filters: the CLI's options, the API's query parameters and the exports' filters
are the fields of MeetingFilter and StatementFilter, with the names users already type."""

from __future__ import annotations

import dataclasses
from typing import Annotated

from fastapi import Depends, FastAPI
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from sidelines.api.deps import query_filters
from sidelines.cli import app
from sidelines.filters import EXPORT_FILTERS, MeetingFilter, StatementFilter

runner = CliRunner()


def _options(command: str) -> list[str]:
    """The long options ``sidelines COMMAND --help`` lists, in order."""
    out = runner.invoke(app, [command, "--help"], terminal_width=250).output
    return [w for line in out.splitlines() for w in line.split() if w.startswith("--")]


def test_the_cli_options_are_the_filter_fields() -> None:
    meeting_flags = [
        f.metadata["cli"] for f in dataclasses.fields(MeetingFilter) if f.metadata["cli"]
    ]
    statement_flags = [
        f.metadata["cli"] for f in dataclasses.fields(StatementFilter) if f.metadata["cli"]
    ]
    assert meeting_flags == [
        "--actor", "--country", "--with", "--since", "--until", "--occasion", "--topic",
        "--mode", "--scope",
    ]  # fmt: skip
    assert statement_flags == [
        "--speaker", "--country", "--since", "--until", "--topic", "--with", "--occasion",
        "--mode", "--scope",
    ]  # fmt: skip
    assert _options("meetings")[: len(meeting_flags)] == meeting_flags
    assert _options("statements")[: len(statement_flags)] == statement_flags
    exported = _options("export")
    assert [o for o in exported if o in meeting_flags] == meeting_flags
    assert list(EXPORT_FILTERS) == [
        f.name for f in dataclasses.fields(MeetingFilter) if f.metadata["cli"]
    ]


def test_the_api_parameters_build_the_filter() -> None:
    api = FastAPI()
    seen: list[MeetingFilter] = []

    @api.get("/m")
    def read(
        filters: Annotated[MeetingFilter, Depends(query_filters(MeetingFilter))],
    ) -> dict[str, str]:
        seen.append(filters)
        return {}

    client = TestClient(api)
    assert client.get("/m?with=China&since=2022-11-15&status=any&mode=phone").status_code == 200
    assert seen[-1] == MeetingFilter(with_="China", since="2022-11-15", status=None, mode="phone")
    assert client.get("/m").status_code == 200
    assert seen[-1] == MeetingFilter()  # held meetings by default
    assert client.get("/m?since=15.11.2022").status_code == 422
    assert client.get("/m?mode=carrier-pigeon").status_code == 422
    assert client.get("/m?actor=" + "x" * 201).status_code == 422
    names = {p["name"] for p in api.openapi()["paths"]["/m"]["get"]["parameters"]}
    assert names == {
        "actor", "country", "with", "since", "until", "occasion", "topic", "mode", "status",
        "scope",
    }  # fmt: skip


def test_an_export_reads_statements_by_the_meeting_filters() -> None:
    meetings = MeetingFilter(actor="Lavrov", country="RUS", with_="CHN", topic="Ukraine")
    said = StatementFilter.said_at(meetings)
    assert (said.actor, said.country, said.with_, said.topic) == ("Lavrov", "RUS", "CHN", "Ukraine")
    assert said.speaker is None
