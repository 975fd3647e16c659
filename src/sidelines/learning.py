"""Learn titles and spellings from documents, with the evidence that taught them.

Reading "Indian External Affairs Minister Dr. S. Jaishankar" teaches that the KB's S. Jaishankar
is also written "Dr. S. Jaishankar" and is called "External Affairs Minister" on that date;
"Minister of Industry and Trade Denis Manturov" teaches a person the KB did not know, with a
title and a country. ``sidelines kb learn PATH...`` prints what it learned and saves it with
:func:`sidelines.kb.learned.save`. Learning parses documents (the core) or reads a corpus
database (the store), so it comes after both.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.language import Language
from sqlalchemy import select

from sidelines.core import parse_many, resolve_mentions
from sidelines.kb import KnowledgeBase, office_of_title
from sidelines.kb.learned import Learned
from sidelines.names import fold, name_key
from sidelines.store import Store
from sidelines.store.schema import (
    ActorRow,
    DocumentRow,
    MeetingSourceRow,
    ParticipantRow,
    RoleRow,
)
from sidelines.types import Document

__all__ = ["learn", "learn_from_corpus"]


def learn(
    documents: Iterable[Document], nlp: Language | None = None, kb: KnowledgeBase | None = None
) -> list[Learned]:
    """Everything the documents teach that the knowledge base does not know yet (once each)."""
    kb = kb or KnowledgeBase.default()
    found: dict[tuple[str, str, str], Learned] = {}
    # the resolve stage is what teaches; meetings and statements are not needed
    for document, doc in parse_many(documents, nlp, disable=("sl_meetings", "sl_statements")):
        _resolver, resolved = resolve_mentions(document, doc, kb)
        source = document.path or document.url
        dated = bool(document.published)  # a title is learned as held on the document's date
        for item in resolved:
            mention, party = item.mention, item.party
            if (
                party is None
                or party.kind != "person"
                or mention.kind != "name"
                or not mention.name
            ):
                continue
            if not _looks_like_name(mention.name):
                continue
            actor = kb.actors.get(party.actor_id) if party.actor_id else None
            if actor is not None:
                known = {name_key(n) for n in [actor.name, *actor.aliases, *actor.short]}
                if name_key(mention.name) not in known:
                    _keep(
                        found,
                        Learned(
                            "alias",
                            actor.id,
                            actor.name,
                            mention.name,
                            party.country,
                            document.published,
                            mention.text,
                            source,
                        ),
                    )
                titles = {fold(r.title) for r in actor.roles}
                offices = {r.office for r in actor.roles}
                title = _clean_title(mention.title)
                named_office = office_of_title(title) if title else None
                office = named_office[0] if named_office else None
                if (
                    title
                    and dated
                    and office not in offices  # "Russian Foreign Minister" is the known office
                    and not any(fold(title) in t or t in fold(title) for t in titles)
                ):
                    _keep(
                        found,
                        Learned(
                            "title",
                            actor.id,
                            actor.name,
                            title,
                            party.country,
                            document.published,
                            mention.text,
                            source,
                        ),
                    )
            else:
                title = _clean_title(mention.title)
                if title and party.country and dated:
                    _keep(
                        found,
                        Learned(
                            "person",
                            None,
                            mention.name,
                            title,
                            party.country,
                            document.published,
                            mention.text,
                            source,
                        ),
                    )
    return list(found.values())


def learn_from_corpus(store: Store, kb: KnowledgeBase | None = None) -> list[Learned]:
    """What a corpus database teaches without parsing again: the spellings its documents gave
    known actors, the titles they gave them on dated pages, and titled people the KB lacks."""
    kb = kb or KnowledgeBase.default()
    found: dict[tuple[str, str, str], Learned] = {}
    with store.sessions() as session:
        for actor_row in session.scalars(select(ActorRow).order_by(ActorRow.id)):
            actor = kb.actors.get(actor_row.id) if actor_row.in_kb else None
            if actor is not None:
                known = {name_key(n) for n in [actor.name, *actor.aliases, *actor.short]}
                for spelling in [actor_row.name, *actor_row.aliases]:
                    if name_key(spelling) in known or not _looks_like_name(spelling):
                        continue
                    source = session.execute(
                        select(DocumentRow.path, DocumentRow.url, DocumentRow.published)
                        .join(MeetingSourceRow, MeetingSourceRow.document_id == DocumentRow.id)
                        .join(
                            ParticipantRow, ParticipantRow.meeting_id == MeetingSourceRow.meeting_id
                        )
                        .where(ParticipantRow.name == spelling)
                        .limit(1)
                    ).first()
                    _keep(
                        found,
                        Learned(
                            "alias",
                            actor.id,
                            actor.name,
                            spelling,
                            actor_row.country,
                            source[2] if source else None,
                            spelling,
                            (source[0] or source[1]) if source else None,
                        ),
                    )
            roles = session.execute(
                select(RoleRow, DocumentRow.path, DocumentRow.url)
                .outerjoin(DocumentRow, DocumentRow.id == RoleRow.document_id)
                .where(RoleRow.actor_id == actor_row.id, RoleRow.first_seen.is_not(None))
            ).all()
            for role, path, url in roles:
                title = _clean_title(role.title)
                if not title:
                    continue
                if actor is not None:
                    titles = {fold(r.title) for r in actor.roles}
                    named_office = office_of_title(title)
                    office = named_office[0] if named_office else None
                    if office in {r.office for r in actor.roles} or any(
                        fold(title) in t or t in fold(title) for t in titles
                    ):
                        continue
                    kind, actor_id, name = "title", actor.id, actor.name
                elif (
                    actor_row.in_kb or not actor_row.country or not _looks_like_name(actor_row.name)
                ):
                    continue
                else:
                    kind, actor_id, name = "person", None, actor_row.name
                _keep(
                    found,
                    Learned(
                        kind,
                        actor_id,
                        name,
                        title,
                        actor_row.country,
                        role.first_seen,
                        f"{role.title} {actor_row.name}",
                        path or url,
                    ),
                )
    return list(found.values())


def _keep(found: dict[tuple[str, str, str], Learned], item: Learned) -> None:
    found.setdefault((item.kind, item.actor_id or fold(item.name), fold(item.value)), item)


def _looks_like_name(name: str) -> bool:
    words = name.split()
    return 2 <= len(words) <= 5 and all(
        w[:1].isupper() or w.lower() in {"bin", "al", "de", "van", "von", "der"} for w in words
    )


#: a learned title must name an office
_OFFICE_WORD = re.compile(
    r"\b(?:minister|president|premier|chancellor|secretary|senator|governor|ambassador|envoy|"
    r"leader|advis[eo]r|director|speaker|mayor|chair(?:man|woman|person)?|king|queen|emir|"
    r"prince|commissioner|representative|councill?or|chief|head|deputy|spokes(?:person|man))\b",
    re.IGNORECASE,
)


def _clean_title(title: str | None) -> str | None:
    if not title:
        return None
    text = re.sub(r"^(?:the|his|her)\s+", "", title.strip(" ,"), flags=re.IGNORECASE)
    text = re.sub(r"[\s,]+(?:Dr|Mr|Mrs|Ms|H\.E)\.?$", "", re.sub(r"\s+", " ", text)).strip(" ,")
    if "counterpart" in text.lower() or not _OFFICE_WORD.search(text):
        return None
    return text if 2 < len(text) <= 120 and text[:1].isupper() else None
