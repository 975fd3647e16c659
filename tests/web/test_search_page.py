"""The search page keeps its words, finds meetings too, counts results per kind and sorts."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient


def kinds_and_dates(html: str) -> list[tuple[str, str]]:
    items = html.split('<ul class="results', 1)[1].split("</ul>", 1)[0]
    return re.findall(
        r'<span class="tag">(\w+)</span> (?:<span class="nowrap muted">([\d-]+))?', items
    )


def test_search_keeps_its_words_and_finds_meetings(client: TestClient) -> None:
    html = client.get("/search?q=Lavrov").text
    assert 'id="site-search" type="search" name="q" value="Lavrov"' in html
    assert 'name="q" value="Lavrov" id="search-words"' in html  # and in the page's own form
    found = kinds_and_dates(html)
    assert {"meeting", "statement"} <= {k for k, _ in found}


def test_search_counts_filters_and_sorts(client: TestClient) -> None:
    html = client.get("/search?q=Lavrov").text
    counts = dict(re.findall(r'data-count="(\d+)">(\w+)s</a>', html))
    counts = {kind: int(n) for n, kind in counts.items()}
    for kind, n in counts.items():
        only = client.get(f"/search?q=Lavrov&kind={kind}").text
        assert [k for k, _ in kinds_and_dates(only)] == [kind] * n
    newest = [d for _, d in kinds_and_dates(client.get("/search?q=Lavrov&sort=newest").text) if d]
    oldest = [d for _, d in kinds_and_dates(client.get("/search?q=Lavrov&sort=oldest").text) if d]
    assert newest == sorted(newest, reverse=True) and oldest == sorted(oldest) and len(newest) > 1
    assert "sorted by newest" in client.get("/search?q=Lavrov&sort=newest&kind=bogus").text
