"""(text, date) → person: the time-aware resolution behind ``sidelines kb resolve`` and extraction.

``FACTS`` are written by hand from public knowledge and check the data as much as the resolver
(office changes: China's foreign minister in 2022-2023, the UK prime minister through 2022, Japan
2020-2024). ``generated_queries`` asks, for every term in the seed, who held that office halfway
through it, phrased as a reader would ("the Kenyan president", "Prime Minister of Japan"); it checks
that titles, country words and dates resolve, across every country the seed covers.
"""

from __future__ import annotations

import datetime as dt

import pytest

from sidelines.kb import KnowledgeBase, office_of_title
from sidelines.kb.query import resolve_text
from sidelines.names import fold

FACTS: list[tuple[str, str, str]] = [
    ("the Chinese foreign minister", "2022-06-01", "Wang Yi"),
    ("the Chinese foreign minister", "2023-03-15", "Qin Gang"),
    ("the Chinese foreign minister", "2023-08-01", "Wang Yi"),
    ("Prime Minister of the United Kingdom", "2022-06-01", "Boris Johnson"),
    ("British Prime Minister", "2022-10-01", "Liz Truss"),
    ("the UK prime minister", "2022-11-15", "Rishi Sunak"),
    ("British Prime Minister", "2024-08-01", "Keir Starmer"),
    ("Prime Minister of Japan", "2020-06-01", "Shinzo Abe"),
    ("Japan's prime minister", "2021-01-01", "Yoshihide Suga"),
    ("the Japanese prime minister", "2022-01-01", "Fumio Kishida"),
    ("Prime Minister of Japan", "2024-11-01", "Shigeru Ishiba"),
    ("President of the United States", "2016-06-01", "Barack Obama"),
    ("President of the United States", "2018-06-01", "Donald Trump"),
    ("the US President", "2022-06-01", "Joe Biden"),
    ("Secretary of State", "2010-06-01", "Hillary Clinton"),
    ("US Secretary of State", "2014-06-01", "John Kerry"),
    ("US Secretary of State", "2018-08-01", "Mike Pompeo"),
    ("US Secretary of State", "2022-06-01", "Antony Blinken"),
    ("US Secretary of State", "2025-06-01", "Marco Rubio"),
    ("Russian President", "2010-06-01", "Dmitry Medvedev"),
    ("President of Russia", "2015-06-01", "Vladimir Putin"),
    ("Prime Minister of Russia", "2010-06-01", "Vladimir Putin"),
    ("Russian Prime Minister", "2021-06-01", "Mikhail Mishustin"),
    ("Prime Minister of India", "2010-06-01", "Manmohan Singh"),
    ("the Indian prime minister", "2016-06-01", "Narendra Modi"),
    ("Indian External Affairs Minister", "2020-06-01", "Jaishankar"),
    ("German Chancellor", "2010-06-01", "Angela Merkel"),
    ("German Chancellor", "2022-06-01", "Olaf Scholz"),
    ("German Chancellor", "2025-07-01", "Friedrich Merz"),
    ("German Foreign Minister", "2019-06-01", "Heiko Maas"),
    ("German Foreign Minister", "2023-06-01", "Annalena Baerbock"),
    ("French President", "2010-06-01", "Nicolas Sarkozy"),
    ("President of France", "2015-06-01", "Francois Hollande"),
    ("President of France", "2020-06-01", "Emmanuel Macron"),
    ("the Emir of Qatar", "2012-06-01", "Hamad bin Khalifa"),
    ("Emir of Qatar", "2015-06-01", "Tamim bin Hamad"),
    ("King of Saudi Arabia", "2014-06-01", "Abdullah"),
    ("the Saudi King", "2016-06-01", "Salman"),
    ("President of Ukraine", "2012-06-01", "Viktor Yanukovych"),
    ("Ukrainian President", "2016-06-01", "Petro Poroshenko"),
    ("Ukrainian President", "2020-06-01", "Zelensky"),
    ("Turkish Foreign Minister", "2019-06-01", "Cavusoglu"),
    ("Turkish Foreign Minister", "2024-06-01", "Hakan Fidan"),
    ("Israeli Prime Minister", "2020-06-01", "Netanyahu"),
    ("Israeli Prime Minister", "2022-01-15", "Naftali Bennett"),
    ("Israeli Prime Minister", "2022-09-15", "Yair Lapid"),
    ("President of Brazil", "2012-06-01", "Dilma Rousseff"),
    ("Brazilian President", "2020-06-01", "Jair Bolsonaro"),
    ("Brazilian President", "2024-06-01", "Lula"),
    ("South Korean President", "2018-06-01", "Moon Jae-in"),
    ("President of the Republic of Korea", "2023-06-01", "Yoon Suk Yeol"),
    ("Australian Prime Minister", "2016-06-01", "Malcolm Turnbull"),
    ("Australian Prime Minister", "2020-06-01", "Scott Morrison"),
    ("Prime Minister of Australia", "2023-06-01", "Anthony Albanese"),
    ("Canadian Prime Minister", "2012-06-01", "Stephen Harper"),
    ("Prime Minister of Canada", "2020-06-01", "Justin Trudeau"),
    ("Prime Minister of Canada", "2025-07-01", "Mark Carney"),
    ("Italian Prime Minister", "2019-06-01", "Giuseppe Conte"),
    ("Italian Prime Minister", "2021-06-01", "Mario Draghi"),
    ("Italian Prime Minister", "2023-06-01", "Giorgia Meloni"),
    ("Mexican President", "2016-06-01", "Pena Nieto"),
    ("President of Mexico", "2020-06-01", "Lopez Obrador"),
    ("President of Mexico", "2025-06-01", "Claudia Sheinbaum"),
    ("Indonesian President", "2016-06-01", "Joko Widodo"),
    ("President of Indonesia", "2025-06-01", "Prabowo Subianto"),
    ("NATO Secretary General", "2016-06-01", "Jens Stoltenberg"),
    ("Secretary General of NATO", "2025-06-01", "Mark Rutte"),
    ("UN Secretary-General", "2010-06-01", "Ban Ki-moon"),
    ("Secretary-General of the United Nations", "2020-06-01", "Guterres"),
    ("Zelenskyy", "2023-01-01", "Zelensky"),
    ("Sergei Lavrov", "2022-11-15", "Sergey Lavrov"),
    ("Çavuşoğlu", "2019-06-01", "Cavusoglu"),
    ("MBS", "2020-06-01", "Mohammed bin Salman"),
    ("Lavrov", "2015-06-01", "Sergey Lavrov"),
]


def _same_person(found: str, expected: str) -> bool:
    return fold(expected) in fold(found) or fold(found) in fold(expected)


@pytest.mark.parametrize(("text", "day", "expected"), FACTS)
def test_known_office_holders(kb: KnowledgeBase, text: str, day: str, expected: str) -> None:
    found = resolve_text(kb, text, dt.date.fromisoformat(day), country="USA")
    assert found, f"{text} on {day}: nothing"
    assert _same_person(found[0].name, expected), f"{text} on {day}: {found[0].name}"


def generated_queries(kb: KnowledgeBase) -> list[tuple[str, dt.date, str, str]]:
    """(text, day, expected actor id, country) for the midpoint of every seed term since 2001."""
    queries = []
    for actor in kb.actors.values():
        for role in actor.roles:
            code = role.country
            if (
                not code
                or code not in kb.countries
                or role.office not in {"head_of_state", "head_of_government", "foreign_minister"}
            ):
                continue
            start = role.start or dt.date(2000, 1, 1)
            end = role.end or dt.date(2026, 11, 1)
            if start < dt.date(2001, 1, 1) or (end - start).days < 90:
                continue
            day = start + (end - start) / 2
            country = kb.countries[code]
            phrases = [f"{role.title} of {country.name}"]
            if country.demonyms:
                phrases.append(f"the {country.demonyms[0]} {role.title.split(' of ')[0]}")
            for phrase in phrases:
                found = office_of_title(phrase)
                if found is None or found[0] != role.office:
                    continue  # a title the office table reads as another office
                queries.append((phrase, day, actor.id, code))
    return queries


@pytest.mark.slow
def test_generated_queries_across_the_world(kb: KnowledgeBase) -> None:
    queries = generated_queries(kb)
    countries = {q[3] for q in queries}
    assert len(queries) >= 300 and len(countries) >= 80, (len(queries), len(countries))
    wrong = []
    for text, day, expected, _code in queries:
        found = resolve_text(kb, text, day)
        holders = {
            a.id
            for a in kb.actors.values()
            for r in a.roles
            if r.country == _code and r.holds_on(day) and office_of_title(r.title) is not None
        }
        if not found or (found[0].actor_id != expected and found[0].actor_id not in holders):
            wrong.append(f"{text} on {day}: {found[0].name if found else None} (want {expected})")
    # a few titles are genuinely ambiguous (two offices with one title word); no more than 2%
    assert len(wrong) <= 0.02 * len(queries), "\n".join(wrong[:40])
