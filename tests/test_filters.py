"""One list of filters: the CLI's options, the API's query parameters and the exports' filters
are the fields of MeetingFilter and StatementFilter, with the names users already type."""

from __future__ import annotations

import dataclasses
from typing import Annotated

import typer
from fastapi import Depends, FastAPI
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from sidelines.api.deps import query_filters
from sidelines.cli import app
from sidelines.cli_options import filter_options
from sidelines.filters import EXPORT_FILTERS, STATUSES, MeetingFilter, StatementFilter

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
        "--mode", "--status", "--scope", "--held-in", "--place",
    ]  # fmt: skip
    assert statement_flags == [
        "--speaker", "--country", "--since", "--until", "--topic", "--with", "--occasion",
        "--mode", "--scope", "--held-in", "--place",
    ]  # fmt: skip
    assert _options("meetings")[: len(meeting_flags)] == meeting_flags
    assert _options("statements")[: len(statement_flags)] == statement_flags
    # an export writes held meetings: every filter but the status
    exported = _options("export")
    assert [o for o in exported if o in meeting_flags] == [
        o for o in meeting_flags if o != "--status"
    ]
    assert list(EXPORT_FILTERS) == [
        f.name
        for f in dataclasses.fields(MeetingFilter)
        if f.metadata["cli"] and f.name != "status"
    ]


def _cli_filter(*options: str) -> tuple[int, MeetingFilter | None, str]:
    """The filter a command made by filter_options hands its body for ``options``."""
    seen: list[MeetingFilter] = []
    command = typer.Typer()

    @command.command()
    @filter_options(MeetingFilter)
    def meetings(filters: MeetingFilter) -> None:
        seen.append(filters)

    result = runner.invoke(command, list(options))
    return result.exit_code, seen[-1] if seen else None, result.output


def test_the_status_takes_every_stored_status_or_any() -> None:
    assert STATUSES == ("held", "planned", "not_held")
    assert _cli_filter() == (0, MeetingFilter(), "")  # held meetings by default
    assert _cli_filter("--status", "not_held")[1] == MeetingFilter(status="not_held")
    assert _cli_filter("--status", "Planned")[1] == MeetingFilter(status="planned")
    assert _cli_filter("--status", "any")[1] == MeetingFilter(status=None)
    code, chosen, output = _cli_filter("--status", "cancelled")
    assert code == 2 and chosen is None
    assert all(s in output for s in STATUSES)  # the error lists what is valid
    code, _, output = _cli_filter("--mode", "carrier-pigeon")
    assert code == 2 and "in_person" in output
    assert _cli_filter("--held-in", "Kazakhstan", "--place", "Astana")[1] == MeetingFilter(
        held_in="Kazakhstan", place="Astana"
    )


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
    for status in STATUSES:
        assert client.get(f"/m?status={status}").status_code == 200
        assert seen[-1] == MeetingFilter(status=status)
    assert client.get("/m?status=cancelled").status_code == 422
    assert client.get("/m?held_in=kaz&place=Astana").status_code == 200
    assert seen[-1] == MeetingFilter(held_in="kaz", place="Astana")
    names = {p["name"] for p in api.openapi()["paths"]["/m"]["get"]["parameters"]}
    assert names == {
        "actor", "country", "with", "since", "until", "occasion", "topic", "mode", "status",
        "scope", "held_in", "place",
    }  # fmt: skip


def test_an_export_reads_statements_by_the_meeting_filters() -> None:
    meetings = MeetingFilter(actor="Lavrov", country="RUS", with_="CHN", topic="Ukraine")
    said = StatementFilter.said_at(meetings)
    assert (said.actor, said.country, said.with_, said.topic) == ("Lavrov", "RUS", "CHN", "Ukraine")
    assert said.speaker is None
    held = StatementFilter.said_at(MeetingFilter(held_in="KAZ", place="Astana"))
    assert (held.held_in, held.place) == ("KAZ", "Astana")
