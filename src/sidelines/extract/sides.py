"""Who is on which side of a meeting trigger when the parse alone does not say: headings read
by position, a "with" phrase the parser attached elsewhere, lists after "between", "of" or
"including", the story's first two people, and side labels by country or position."""

from __future__ import annotations

from spacy.tokens import Span, Token

from sidelines.extract.candidates import unique_parties
from sidelines.kb.lexicon import MeetingRules
from sidelines.resolve import ResolvedMention
from sidelines.types import Participant


def heading_parties(
    sent: Span,
    trigger: Token,
    by_token: dict[int, ResolvedMention],
    side_a: list[Participant],
    rules: MeetingRules,
) -> tuple[list[Participant], list[Participant]]:
    """Sides of a heading read by position: "[A's] <trigger> with|between B [and C]"."""
    words = rules.roles
    named = {
        id(r): r
        for i, r in by_token.items()
        if sent.start <= i < sent.end
        and r.party is not None
        and r.mention.kind in {"name", "title", "organisation"}
    }
    before = [r.party for r in named.values() if r.mention.token_end <= trigger.i and r.party]
    after = [r for r in named.values() if r.mention.token_start > trigger.i and r.party]
    side_b: list[Participant] = []
    doc = sent.doc
    for item in after:
        between = doc[trigger.i + 1 : item.mention.token_start]
        said = {t.lower_ for t in between}
        if not said & words.heading_prepositions or any(t.pos_ == "VERB" for t in between):
            continue
        if (
            item.mention.kind == "organisation"
            and between
            and between[-1].lower_ in words.title_connectors
        ):
            continue  # "Secretary General of NATO": the title's organisation
        if item.party is not None:
            side_b.append(item.party)
    return unique_parties(side_a or before), unique_parties(side_b)


def named_so_far(resolved: list[ResolvedMention], sent: Span) -> list[Participant]:
    """The first two people of different countries named before ``sent`` (with no meeting
    reported yet, "the two leaders" are the story's two protagonists)."""
    people: list[Participant] = []
    for item in resolved:
        party = item.party
        if item.mention.start >= sent.start_char:
            break
        if party is None or party.kind != "person" or item.mention.kind not in {"name", "title"}:
            continue
        if party.country and all(p.country and p.country != party.country for p in people):
            people.append(party)
        if len(people) == 2:
            return people
    return []


def lists_parties(trigger: Token, rules: MeetingRules) -> bool:
    """A noun trigger whose parties are listed after "between", "of" or "including"."""
    if trigger.pos_ not in {"NOUN", "PROPN"}:
        return False
    if any(
        (c.dep_ == "prep" and c.lower_ in rules.roles.list_prepositions) or is_including(c)
        for c in trigger.children
    ):
        return True
    # "A meeting is being held, including A, B and C", "Talks were held on Monday between A and
    # B": the list hangs from the subject's verb
    between = rules.roles.list_prepositions & rules.roles.noun_prepositions
    return trigger.dep_ in {"nsubj", "nsubjpass"} and any(
        is_including(c) or (c.dep_ == "prep" and c.lower_ in between) for c in trigger.head.children
    )


def is_including(token: Token) -> bool:
    """ "including ..." / "which included ..." hanging from a meeting noun."""
    return token.lemma_.lower() == "include" and token.dep_ in {"prep", "relcl", "acl"}


def with_party(
    sent: Span, trigger: Token, by_token: dict[int, ResolvedMention], side_a: list[Participant]
) -> list[Participant]:
    """The party of a "with" phrase the parser attached elsewhere ("held talks with her
    Australian counterpart Claire Fielding" parsed as a clause): the first party named after
    "with" in the trigger's clause, no verb or clause break between."""
    doc = sent.doc
    keys = {p.key for p in side_a}
    for i in range(trigger.i + 1, min(sent.end, trigger.i + 6)):
        if doc[i].lower_ != "with":
            if doc[i].pos_ in {"VERB", "AUX"} or doc[i].text in {";", ".", ":"}:
                return []
            continue
        for j in range(i + 1, min(sent.end, i + 10)):
            token = doc[j]
            if token.pos_ in {"VERB", "AUX"} or token.text in {";", ".", ":"}:
                return []
            item = by_token.get(j)
            if (
                item is not None
                and item.party is not None
                and item.mention.kind
                in {
                    "name",
                    "title",
                    "organisation",
                }
            ):
                return [] if item.party.key in keys else [item.party]
        return []
    return []


def assign_sides(
    side_a: list[Participant], side_b: list[Participant], together: bool = False
) -> dict[str, str]:
    """Side labels: by country where parties differ in country, else by position (a/b). Parties
    listed as one group that met together ("A, B and C held a trilateral meeting") are each a
    side of their own, by country where known."""
    everyone = unique_parties(side_a + side_b)
    countries = {p.country for p in everyone}
    sides: dict[str, str] = {}
    if None not in countries and len(countries) >= 2:
        for party in everyone:
            sides[party.key] = str(party.country)
        return sides
    if together and len(everyone) > 2:
        for n, party in enumerate(everyone):
            sides[party.key] = party.country or chr(ord("a") + n % 26)
        return sides
    b_keys = {p.key for p in side_b}
    a_countries = {p.country for p in side_a if p.country}
    if len(countries - {None}) <= 1:
        # a domestic meeting (or parties of unknown country): the sentence's positions decide
        a_keys = {p.key for p in side_a}
        for party in everyone:
            key = party.key
            sides[key] = "a" if key in a_keys or key not in b_keys else "b"
        return sides
    b_countries = {p.country for p in side_b if p.country} - a_countries
    # a party of unknown country listed with others of one country is on their side ("met with
    # U.S. Vice President X and Tesla's CEO Y")
    b_default = str(next(iter(b_countries))) if len(b_countries) == 1 else "b"
    a_default = str(next(iter(a_countries))) if len(a_countries) == 1 else "a"
    for party in everyone:
        key = party.key
        if party.country and party.country in a_countries and key in b_keys and len(countries) > 1:
            sides[key] = str(party.country)
        elif key in b_keys and key not in {p.key for p in side_a}:
            sides[key] = party.country or b_default
        else:
            sides[key] = party.country or a_default
    # two parties labelled alike by country fallbacks but placed on opposite sides stay apart
    if len(set(sides.values())) < 2 and side_a and side_b:
        for party in side_b:
            sides[party.key] = (party.country or "b") + "#b"
    return sides


def named_forum(
    trigger: Token, by_token: dict[int, ResolvedMention], rules: MeetingRules
) -> str | None:
    """A meeting noun that names its forum: "the Quad Foreign Ministers meeting", "the ASEAN
    foreign ministers' meeting" (a proper name among its modifiers, no person's name)."""
    if trigger.lower_ not in rules.occasion.forum_nouns:
        return None
    mods = [
        t
        for t in trigger.lefts
        if t.dep_ in {"compound", "nmod", "amod", "poss"} and t.i not in by_token
    ]
    manner = rules.occasion.manner_words
    if not any(t.pos_ == "PROPN" and t.lower_ not in manner for t in mods):
        return None  # "Secretary Blinken's Virtual Meeting With ...": a manner, no forum
    start = min(t.left_edge.i for t in mods)
    span = trigger.doc[start : trigger.i + 1]
    if any(t.i in by_token for t in span) or len(span) > 7:
        return None
    return span.text
