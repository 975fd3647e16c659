"""``/documents``: stored documents, and one with its text, sections and evidence."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path

from sidelines.api.deps import PageDep, StoreDep, newest_first_key
from sidelines.api.errors import ERROR_RESPONSES, api_error
from sidelines.api.models import DocumentDetailPublic, DocumentsPublic
from sidelines.store.read.results import DocumentDetail

router = APIRouter(prefix="/documents", tags=["documents"], responses=ERROR_RESPONSES)


@router.get("", response_model=DocumentsPublic, summary="List documents")
def list_documents(store: StoreDep, page: PageDep) -> dict[str, Any]:
    """Stored documents (without their text), a page at a time."""
    data = store.documents(limit=page.limit, offset=page.offset, after=page.after)
    count = store.count_documents()
    return {
        "data": data,
        "count": count,
        "next_cursor": page.next_cursor(len(data), count, newest_first_key(data, "published")),
    }


@router.get("/{document_id}", response_model=DocumentDetailPublic, summary="One document")
def get_document(
    store: StoreDep, document_id: Annotated[str, Path(max_length=64)]
) -> DocumentDetail:
    """A document with its text, sections, the facts it reports and their evidence spans.

    The text is returned as a JSON string, exactly as stored; a client that shows it in a page
    must escape it (the dashboard does)."""
    document = store.document(document_id)
    if document is None:
        raise api_error(404, f"no document with id {document_id!r}")
    return document
