"""Every dashboard page renders real sample content; unknown ids are a 404 page; text is escaped."""

from __future__ import annotations

import html as html_lib
import re
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from sidelines.store import Store
from sidelines.store.reviews import record_review
from sidelines.web import pages
from sidelines.web.highlight import span_anchor

from ..api.conftest import copy_store
from ..store.test_aggregates import LAVROV_AND_THREE
from .conftest import make_app

OUR_SCRIPT = re.compile(
    r'<script (?:src="/static/[a-z]+\.js"|src="/vendor/plotly\.min\.js"|id="[a-z]+-data" '
    r'type="application/json")'
)


def assert_only_our_scripts(html: str) -> None:
    """Every <script> tag is one of ours: our files or a JSON data block."""
    tags = re.findall(r"<script[^>]*>", html, flags=re.IGNORECASE)
    assert tags, "the page loads app.js"
    for tag in tags:
        assert OUR_SCRIPT.match(tag), tag
    # no tag carries an event handler attribute (escaped text such as "&lt;img onerror=" is fine)
    assert not re.search(r"<[a-z][^<>]*\son[a-z]+\s*=", html, flags=re.IGNORECASE)


def tables(html: str) -> str:
    """The tables of a page (not its filter form, whose options name every place)."""
    return " ".join(re.findall(r"<table.*?</table>", html, flags=re.DOTALL))


def get_page(client: TestClient, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    assert response.headers["content-type"].startswith("text/html")
    assert "default-src 'self'" in response.headers["content-security-policy"]
    assert_only_our_scripts(response.text)
    return response.text


@pytest.fixture(scope="module")
def lavrov_meeting(web_store: Store) -> dict[str, Any]:
    [meeting] = web_store.meetings(actor="sergey-lavrov", limit=1)
    found = web_store.meeting(meeting["id"])
    assert found is not None
    return found


def test_home_shows_counts_latest_meetings_actors_and_occasions(client: TestClient) -> None:
    html = get_page(client, "/")
    assert "Latest meetings" in html and "Busiest actors" in html and "Occasions" in html
    assert "Sergey Lavrov" in html and "SCO summit in Astana" in html
    assert 'href="#main"' in html  # skip link


def test_timeline_lists_meetings_and_filters_by_actor(client: TestClient) -> None:
    everything = get_page(client, "/meetings")
    assert "Vladivostok" in tables(everything) and "Astana" in tables(everything)
    assert 'id="timeline-data"' in everything  # chart data for app.js
    lavrov = get_page(client, "/meetings?actor=Sergey+Lavrov&country=&topic=&mode=")
    assert "Astana" in tables(lavrov) and "Vladivostok" not in tables(lavrov)
    assert "1 meeting matches" in lavrov
    assert 'value="Sergey Lavrov"' in lavrov  # the form shows the filter in force
    phone = tables(get_page(client, "/meetings?mode=phone&status=any"))
    assert "Riyadh" not in phone and "phone" in phone
    dated = tables(get_page(client, "/meetings?since=2023-01-01&until=2023-12-31"))
    assert "Riyadh" in dated and "Astana" not in dated


def test_dashboard_filters_take_spellings_country_names_and_scope(client: TestClient) -> None:
    lavrov = tables(get_page(client, "/meetings?actor=Sergei+Lavrov"))
    assert "Astana" in lavrov and "Vladivostok" not in lavrov
    russia = tables(get_page(client, "/meetings?country=Russia"))
    assert "Astana" in russia and "Riyadh" not in russia
    domestic = get_page(client, "/meetings?scope=domestic")
    assert "Astana" not in tables(domestic) and "selected>domestic<" in domestic
    network = tables(get_page(client, "/network?scope=international&with=Russian"))
    assert "Wang Yi" in network and "Blinken" not in network
    bad = client.get("/meetings?country=Rusia")
    assert bad.status_code == 422 and "unknown country" in bad.text and "Russia" in bad.text


def test_timeline_pages_with_offset(client: TestClient, web_store: Store) -> None:
    total = web_store.count_meetings()
    html = get_page(client, f"/meetings?offset={total}")
    assert "No meetings match." in html and "Newer" in html


def test_network_has_nodes_edges_and_actor_links(client: TestClient) -> None:
    html = get_page(client, "/network")
    assert 'id="network-data"' in html
    assert 'href="/actors/sergey-lavrov"' in html and 'href="/actors/wang-yi"' in html


def test_actor_pages(client: TestClient) -> None:
    listing = get_page(client, "/actors?country=RUS")
    assert "Sergey Lavrov" in tables(listing) and "Wang Yi" not in tables(listing)
    html = get_page(client, "/actors/sergey-lavrov")
    for heading in ("Roles over time", "Counterparts", "Stance over time", "Statements by topic"):
        assert heading in html
    assert "Wang Yi" in html and "Minister of Foreign Affairs" in html
    assert get_page(client, "/actors/Sergey%20Lavrov")  # a name works as well as an id


def counterparts_shown(html: str) -> tuple[list[str], str]:
    """The names in an actor page's counterparts table, and the rest of its section."""
    section = html.split('id="counterparts-h"', 1)[1].split("</section>", 1)[0]
    names = re.findall(r'<td><a href="/actors/[^"]*">([^<]*)</a>', section)
    return [html_lib.unescape(name) for name in names], section


def test_actor_page_pages_its_counterparts(
    web_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = copy_store(Path(str(web_store.engine.url.database)), tmp_path / "copy.db")
    [meeting] = store.meetings(actor="sergey-lavrov", limit=1)
    record_review(store, "meeting", meeting["id"], "correct", "participants", LAVROV_AND_THREE)
    found = store.counterparts("sergey-lavrov")
    assert found is not None
    everyone, total = found
    assert total == len(everyone) >= 3
    client = TestClient(make_app(store))
    names, section = counterparts_shown(get_page(client, "/actors/sergey-lavrov"))
    assert names == [c["name"] for c in everyone] and "Met less" not in section
    monkeypatch.setattr(pages, "PAGE_SIZE", 1)  # one counterpart a page
    shown = []
    for offset in range(total):
        names, section = counterparts_shown(
            get_page(client, f"/actors/sergey-lavrov?offset={offset}")
        )
        assert f"{offset + 1}–{offset + 1} of {total} counterparts" in section
        assert ("Met less" in section) == (offset + 1 < total)
        shown += names
    assert shown == [c["name"] for c in everyone]
    store.engine.dispose()


def test_meeting_page_has_sides_statements_and_every_source(
    client: TestClient, lavrov_meeting: dict[str, Any]
) -> None:
    html = get_page(client, f"/meetings/{lavrov_meeting['id']}")
    assert "Sides" in html and "RUS" in html and "CHN" in html
    assert "SCO summit in Astana" in html and "2024-07-03" in html
    for doc in lavrov_meeting["source_documents"]:
        assert f'href="/documents/{doc["id"]}#ev-' in html
    statement = lavrov_meeting["statements"][0]
    assert statement["text"] in html


def test_document_page_marks_every_evidence_span(
    client: TestClient, lavrov_meeting: dict[str, Any], web_store: Store
) -> None:
    doc_id = lavrov_meeting["source_documents"][0]["id"]
    document = web_store.document(doc_id)
    assert document is not None
    html = get_page(client, f"/documents/{doc_id}")
    for ev in document["evidence"]:
        assert f'data-span="{span_anchor(ev["start"], ev["end"])}"' in html
    assert 'class="sec sec-preface"' in html and 'class="sec sec-original"' in html
    assert 'class="fact-link"' in html


def test_documents_list_search_and_statement_redirect(
    client: TestClient, lavrov_meeting: dict[str, Any]
) -> None:
    assert "Lavrov and Wang Yi compare notes in Astana" in get_page(client, "/documents")
    found = get_page(client, "/search?q=Lavrov")
    assert f'href="/meetings/{lavrov_meeting["id"]}"' in found and "/statements/" in found
    assert "Type a name" in get_page(client, "/search?q=")
    statement = lavrov_meeting["statements"][0]
    response = client.get(f"/statements/{statement['id']}", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"].startswith(f"/documents/{statement['document_id']}#ev-")


def test_review_pages(client: TestClient, lavrov_meeting: dict[str, Any]) -> None:
    html = get_page(client, f"/review/meeting/{lavrov_meeting['id']}")
    assert 'id="review-form"' in html and "Audit trail" in html and "/static/review.js" in html
    statement = lavrov_meeting["statements"][0]
    assert statement["text"] in get_page(client, f"/review/statement/{statement['id']}")


@pytest.mark.parametrize(
    "url",
    [
        "/meetings/nosuchmeeting",
        "/actors/nobody-at-all",
        "/documents/0000",
        "/statements/nosuchstatement",
        "/review/meeting/nosuchmeeting",
        "/review/treaty/x",
    ],
)
def test_unknown_ids_are_a_404_page(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 404
    assert "Not found" in response.text and 'href="/"' in response.text


def test_static_files_and_plotly_are_served(client: TestClient) -> None:
    assert client.get("/static/app.css").status_code == 200
    assert client.get("/static/app.js").status_code == 200
    assert client.get("/static/review.js").status_code == 200
    script = client.get("/vendor/plotly.min.js")
    assert script.status_code == 200 and "javascript" in script.headers["content-type"]


def test_hostile_document_text_is_rendered_escaped(
    client: TestClient, hostile_document: dict[str, Any], web_store: Store
) -> None:
    doc_id = hostile_document["id"]
    pages = [
        f"/documents/{doc_id}",
        "/documents",
        "/search?q=script",
        "/search?q=%3Cscript%3Ewindow.__xss%3D1%3C%2Fscript%3E",
        *(f"/meetings/{m}" for m in hostile_document["meetings"]),
        *(f"/review/statement/{s}" for s in hostile_document["statements"]),
    ]
    for url in pages:
        html = get_page(client, url)
        assert "<script>window.__xss" not in html and "<img src=x" not in html
    document_html = get_page(client, f"/documents/{doc_id}")
    shown = html_lib.unescape(re.sub(r"<[^>]+>", "", document_html))
    assert "<script>window.__xss=2</script>" in shown  # shown as text, to be read
    assert '<img src=x onerror="window.__xss=3">' in shown
    assert "<mark" in document_html


def test_without_plotly_charts_give_way_to_tables(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pages, "plotly_js", lambda: None)
    for url in ("/meetings", "/network", "/actors/sergey-lavrov"):
        html = get_page(client, url)
        assert "/vendor/plotly.min.js" not in html and "-data" not in html.split("<main", 1)[1]
        assert "<table" in html
    assert client.get("/vendor/plotly.min.js").status_code == 404


def test_an_empty_store_renders_every_list_page(tmp_path: Path) -> None:
    empty = TestClient(make_app(Store.open(f"sqlite:///{tmp_path / 'empty.db'}")))
    for url, text in (
        ("/", "No actors yet."),
        ("/meetings", "No meetings match."),
        ("/network", "No meetings match."),
        ("/actors", "No actors match."),
        ("/documents", "No documents stored yet."),
        ("/search?q=x", "0 results"),
    ):
        assert text in get_page(empty, url), url


def test_a_reviewed_meeting_shows_its_reviews(
    client: TestClient, web_store: Store, lavrov_meeting: dict[str, Any]
) -> None:
    from sidelines.store.reviews import record_review

    before = get_page(client, f"/meetings/{lavrov_meeting['id']}")
    note = "Checked against the <ministry> readout"
    record_review(
        web_store, "meeting", lavrov_meeting["id"], "annotate", note=note, reviewer="analyst-7"
    )
    after = get_page(client, f"/meetings/{lavrov_meeting['id']}")
    assert html_lib.escape(note) not in before  # other tests may have reviewed it already
    assert "Reviewed by an analyst" in after and "analyst-7" in after
    assert html_lib.escape(note) in after and note not in after


def test_document_page_labels_each_fact_beside_its_evidence(
    client: TestClient, lavrov_meeting: dict[str, Any], web_store: Store
) -> None:
    doc_id = lavrov_meeting["source_documents"][0]["id"]
    document = web_store.document(doc_id)
    assert document is not None
    html = get_page(client, f"/documents/{doc_id}")
    text = html.split('<div class="text">', 1)[1].split("</article>", 1)[0]
    meetings = document["meetings"]
    for number, meeting_id in enumerate(meetings, 1):
        assert f'href="/meetings/{meeting_id}" title="M{number}: meeting' in text
    for number in range(1, len(document["statements"]) + 1):
        assert re.search(rf'<a class="ev-label fact-\d" href="[^"]+" title="S{number}: ', text)
    for mark in re.findall(r"<mark [^>]*>", text):
        assert re.search(r'class="ev[^"]* fact-\d"', mark) and 'title="' in mark, mark
    aside = html.split('<aside class="doc-facts"', 1)[1]
    assert '<span class="ev-label fact-0">M1</span>' in aside
