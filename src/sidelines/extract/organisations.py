"""Organisations named beside a person's title: the person's employer, not a party of its own
("World Bank President Ajay Banga"), or the party an unnamed official stands for ("met the Deputy
Secretary-General of NATO"). The words are ``meeting_rules.yaml``'s ``roles`` section."""

from __future__ import annotations

from spacy.tokens import Doc

from sidelines.kb.lexicon import MeetingRules
from sidelines.nlp.mentions import ActorMention


def employer_of(doc: Doc, mention: ActorMention, people: list[ActorMention]) -> bool:
    """The organisation modifies a person's title ("World Bank President Ajay Banga", "the
    European Union's ambassador to Kenya, Henriette Geiger"): a short climb from its head
    through modifiers reaches a token of a person's mention."""
    node = doc[mention.head_token] if mention.head_token >= 0 else doc[mention.token_start]
    for _ in range(3):
        if node.dep_ not in {"compound", "poss", "nmod", "amod", "pobj", "prep"}:
            return False
        node = node.head
        # the title's own word, or a title whose person stands in apposition after it ("The
        # new EU ambassador, Ingrid Solberg-Dahl, ...")
        words = [node, *(c for c in node.children if c.dep_ == "appos")]
        if any(
            p.token_start <= w.i < p.token_end and p is not mention for p in people for w in words
        ):
            return True
    return False


def stands_for_official(doc: Doc, mention: ActorMention, rules: MeetingRules) -> bool:
    """An organisation right after the title of one of its officials, no name between ("met the
    Deputy Secretary-General of NATO"): the organisation stands for the official."""
    i = mention.token_start - 1
    while i >= 0 and doc[i].lower_ in rules.roles.title_connectors:
        i -= 1
    return i >= 0 and doc[i].lower_ in rules.roles.official_titles
