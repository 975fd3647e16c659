"""The search page keeps its words, finds meetings too, counts results per kind and per facet
(as the meetings page does), narrows by a facet and undoes it, sorts, and downloads its results
as CSV."""

from __future__ import annotations

import csv
import html as html_lib
import io
import re

import pytest
from fastapi.testclient import TestClient

from sidelines.web import search

from .test_browse import facet_links


def kinds_and_dates(html: str) -> list[tuple[str, str]]:
    items = html.split('<ul class="results', 1)[1].split("</ul>", 1)[0]
    return re.findall(
        r'<span class="tag">(\w+)</span> (?:<span class="nowrap muted">([\d-]+))?', items
    )


def listed(html: str) -> list[tuple[str, str]]:
    """(kind, id) of every result the page lists, in its order."""
    items = html.split('<ul class="results', 1)[1].split("</ul>", 1)[0]
    return re.findall(r'<a href="/(\w+)s/([^"]+)">', items)


def total(html: str) -> int:
    found = re.search(r'role="status">(\d+) results? for', html)
    assert found, "the summary line says how many results there are"
    return int(found.group(1))


def kind_counts(html: str) -> dict[str, int]:
    section = html.split('data-facet="kind"', 1)[1].split("</section>", 1)[0]
    return {k: int(n) for n, k in re.findall(r'data-count="(\d+)">(\w+)s</a>', section)}


def test_search_keeps_its_words_and_finds_meetings(client: TestClient) -> None:
    html = client.get("/search?q=Lavrov").text
    assert 'id="site-search" type="search" name="q" value="Lavrov"' in html
    assert 'name="q" value="Lavrov" id="search-words"' in html  # and in the page's own form
    found = kinds_and_dates(html)
    assert {"meeting", "statement"} <= {k for k, _ in found}


def test_search_counts_filters_and_sorts(client: TestClient) -> None:
    html = client.get("/search?q=Lavrov").text
    counts = kind_counts(html)
    assert set(counts) == {"meeting", "statement", "document"}
    assert total(html) == sum(counts.values())
    for kind, n in counts.items():
        only = client.get(f"/search?q=Lavrov&kind={kind}").text
        assert [k for k, _ in kinds_and_dates(only)] == [kind] * n
    newest = [d for _, d in kinds_and_dates(client.get("/search?q=Lavrov&sort=newest").text) if d]
    oldest = [d for _, d in kinds_and_dates(client.get("/search?q=Lavrov&sort=oldest").text) if d]
    assert newest == sorted(newest, reverse=True) and oldest == sorted(oldest) and len(newest) > 1
    assert "sorted by newest" in client.get("/search?q=Lavrov&sort=newest&kind=bogus").text


QUERIES = [
    "q=Lavrov",
    "q=minister",
    "q=minister&kind=document",
    "q=minister&kind=statement&sort=newest",
    "q=summit&country=RUS",
    "q=the&mode=in_person&sort=oldest",
    "q=the&since=2024-01-01&until=2024-12-31",
    "q=minister&actor=sergey-lavrov",
]


@pytest.mark.parametrize("query", QUERIES)
def test_every_search_facet_link_lists_as_many_results_as_it_counts(
    client: TestClient, query: str
) -> None:
    html = client.get(f"/search?{query}").text
    links = [(f, href, n) for f, href, n in facet_links(html) if f != "kind"]
    assert "country" in {f for f, _, _ in links}, query
    params = dict(p.split("=", 1) for p in query.split("&"))
    for facet, href, count in links:
        # the link keeps the words, the kind and the sort
        for name in ("q", "kind", "sort"):
            if name in params:
                assert f"{name}={params[name]}" in href, (facet, href)
        assert total(client.get("/search" + href).text) == count, (query, facet, href)


def test_facets_count_every_result_and_add_up(client: TestClient) -> None:
    html = client.get("/search?q=minister").text
    found = {f: [n for ff, _, n in facet_links(html) if ff == f] for f in ("year", "mode")}
    undated = re.search(r'undated <span class="count">(\d+)</span>', html)
    assert sum(found["year"]) + (int(undated.group(1)) if undated else 0) == total(html)
    assert all(n <= total(html) for n in found["mode"])


def test_a_chosen_facet_is_marked_and_can_be_removed(client: TestClient) -> None:
    start = client.get("/search?q=minister&sort=newest").text
    [(href, count)] = [(h, n) for f, h, n in facet_links(start) if f == "country"][:1]
    chosen = client.get("/search" + href).text
    assert total(chosen) == count < total(start)
    section = chosen.split('data-facet="country"', 1)[1].split("</section>", 1)[0]
    assert section.count('class="chosen"') == 1
    remove = re.search(r'<a class="facet-remove" href="([^"]+)"', section)
    assert remove, "the chosen value has a link that removes it"
    undone = html_lib.unescape(remove.group(1))
    assert "country=" not in undone and "q=minister" in undone and "sort=newest" in undone
    assert total(client.get("/search" + undone).text) == total(start)
    # the form keeps the filter when the words or the sort change; "clear" drops it
    assert re.search(r'<input type="hidden" name="country" value="\w+">', chosen)
    clear = re.search(r'<a href="([^"]+)" class="clear-facets">', chosen)
    assert clear and total(client.get("/search" + html_lib.unescape(clear.group(1))).text) == (
        total(start)
    )


def test_a_country_that_names_nothing_says_so(client: TestClient) -> None:
    response = client.get("/search?q=minister&country=Atlantis")
    assert response.status_code == 422 and "unknown country" in response.text
    assert client.get("/search.csv?q=minister&country=Atlantis").status_code == 422


def csv_rows(client: TestClient, query: str) -> list[dict[str, str]]:
    response = client.get(f"/search.csv?{query}")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert 'filename="search.csv"' in response.headers["content-disposition"]
    reader = csv.DictReader(io.StringIO(response.text))
    assert tuple(reader.fieldnames or ()) == search.SEARCH_COLUMNS
    return list(reader)


@pytest.mark.parametrize("query", QUERIES)
def test_the_csv_holds_the_page_s_results_in_its_order(client: TestClient, query: str) -> None:
    html = client.get(f"/search?{query}").text
    assert f'href="/search.csv?{html_lib.escape(query)}"' in html
    rows = csv_rows(client, query)
    assert [(r["kind"], r["id"]) for r in rows] == listed(html)
    assert len(rows) == total(html)
    # each row says what the page says of it
    shown = dict(zip(listed(html), kinds_and_dates(html), strict=True))
    for row in rows:
        assert (row["date"] or "") == (shown[(row["kind"], row["id"])][1] or "")
        assert row["url"].endswith(f"/{row['kind']}s/{row['id']}")


def test_the_csv_has_every_result_when_the_page_lists_the_first(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search, "SEARCH_LIMIT", 1)
    html = client.get("/search?q=minister&sort=newest").text
    assert "The first 1 of each kind are listed; the CSV has them all." in html
    rows = csv_rows(client, "q=minister&sort=newest")
    assert len(rows) == total(html) > len(listed(html))
    # the page lists the first of each kind in the CSV's order
    first = {}
    for row in rows:
        first.setdefault(row["kind"], (row["kind"], row["id"]))
    assert listed(html) == [
        key for key in ((r["kind"], r["id"]) for r in rows) if key in first.values()
    ]
    dates = [r["date"] for r in rows if r["date"]]
    assert dates == sorted(dates, reverse=True)
