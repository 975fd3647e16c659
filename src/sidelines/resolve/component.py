"""The resolve stage as a spaCy component: every actor mention of a Doc resolved to a party on
its document's date (``doc._.sl_resolved``), with the resolver that did it (``doc._.sl_resolver``,
which the extract stage asks again for parties it finds)."""

from __future__ import annotations

import datetime as dt

from spacy.language import Language
from spacy.tokens import Doc

from sidelines.kb import KnowledgeBase
from sidelines.nlp.pipeline import KB_CONFIG
from sidelines.resolve.actors import ActorResolver, ResolvedMention
from sidelines.structure.dateline import release_date
from sidelines.types import Document

__all__ = ["MentionResolver", "document_day", "resolve_mentions"]

for _name in ("sl_resolver", "sl_resolved"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def document_day(document: Document) -> dt.date | None:
    """The day a document's "today" means: the date line of the release it carries (a readout
    republished a day later), else the day it was published, when that is an ISO date."""
    published = None
    if document.published:
        try:
            published = dt.date.fromisoformat(document.published[:10])
        except ValueError:
            published = None
    return release_date(document.text, published) or published


def resolve_mentions(
    document: Document, doc: Doc, kb: KnowledgeBase
) -> tuple[ActorResolver, list[ResolvedMention]]:
    """Every actor mention of a parsed document resolved to a party on its date."""
    publisher = kb.publisher(document.publisher, document.url)
    resolver = ActorResolver(kb, document_day(document), publisher)
    resolved: list[ResolvedMention] = []
    for mention in doc._.sl_actors or []:
        resolved.append(ResolvedMention(mention, resolver.resolve(mention, resolved)))
    resolver.resolve_ahead(resolved)
    return resolver, resolved


@Language.factory(
    "sidelines_resolve_v1",
    requires=["doc._.sl_document", "doc._.sl_actors"],
    assigns=["doc._.sl_resolver", "doc._.sl_resolved"],
    default_config=KB_CONFIG,
)
def make_mention_resolver(nlp: Language, name: str, kb: KnowledgeBase) -> MentionResolver:
    """Factory of the resolve component (see :class:`MentionResolver`)."""
    return MentionResolver(kb)


class MentionResolver:
    """Resolve a Doc's actor mentions against the knowledge base, at its document's date and
    with its publisher's profile (the document is ``doc._.sl_document``)."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb

    def __call__(self, doc: Doc) -> Doc:
        doc._.sl_resolver, doc._.sl_resolved = resolve_mentions(doc._.sl_document, doc, self.kb)
        return doc
