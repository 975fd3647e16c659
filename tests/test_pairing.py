"""One pairing rule: sides (side, else country, else the party itself), the dyads of opposite
sides with the visitor first, and the visitors of a meeting in one party's country."""

from __future__ import annotations

from sidelines.pairing import dyads, meeting_dyads, opposite_pairs, side_key, sides, visitors
from sidelines.types import Participant


def test_a_side_is_the_side_else_the_country_else_the_party() -> None:
    assert side_key({"side": "RUS", "country": "BLR", "name": "Lukashenko"}) == "RUS"
    assert side_key({"country": "FRA", "name": "Macron"}) == "FRA"
    assert side_key({"key": "name:x", "actor_id": "x-id", "name": "X"}) == "name:x"
    assert side_key({"actor_id": "x-id", "name": "X"}) == "x-id"
    # a Participant of the extractor reads the same way as a stored record
    assert side_key(Participant("Wang Yi", "wang-yi", "CHN")) == "CHN"
    assert side_key(Participant("Someone")) == Participant("Someone").key  # its identity


def test_a_delegation_is_one_side_and_its_members_no_pair() -> None:
    parties = [
        {"name": "Lavrov", "country": "RUS"},
        {"name": "Shoigu", "country": "RUS"},
        {"name": "Wang Yi", "country": "CHN"},
    ]
    assert [[p["name"] for p in side] for side in sides(parties)] == [
        ["Lavrov", "Shoigu"],
        ["Wang Yi"],
    ]
    assert [(a["name"], b["name"]) for a, b in opposite_pairs(parties)] == [
        ("Lavrov", "Wang Yi"),
        ("Shoigu", "Wang Yi"),
    ]


def test_the_visitor_comes_first_else_the_order_of_the_report() -> None:
    host = [{"name": "Yoon", "country": "KOR"}]
    guest = [{"name": "Harris", "country": "USA"}]
    assert dyads([host, guest], ["KOR"]) == [(guest, host)]
    assert dyads([host, guest]) == [(host, guest)]
    meeting = {"participants": [*host, *guest], "country": "KOR", "plover": None}
    assert meeting_dyads(meeting) == [(guest, host)]
    # the host the coder recorded wins over the place's country
    coded = {**meeting, "country": "JPN", "plover": {"recipient_side": "USA"}}
    assert meeting_dyads(coded) == [(host, guest)]
    alone = {"participants": host, "country": None, "plover": None}
    assert meeting_dyads(alone) == [(host, [])]


def test_visitors_are_the_other_countries() -> None:
    assert visitors({"KOR", "USA", "JPN"}, "KOR") == ["JPN", "USA"]
    assert visitors({"KOR"}, "KOR") == []
