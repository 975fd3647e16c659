"""``POST /ingest``: extract one document (a URL or a text) into the store (needs the token)."""

from __future__ import annotations

import dataclasses
import threading
from typing import Any

from fastapi import APIRouter, Depends, Request

from sidelines.api.deps import StoreDep, knowledge_base_loaded, require_token
from sidelines.api.errors import ERROR_RESPONSES, api_error
from sidelines.api.models import IngestIn, IngestPublic
from sidelines.api.routes.reviews import WRITE_RESPONSES
from sidelines.corpus import IngestReport, ingest_documents
from sidelines.errors import InputError, SidelinesError
from sidelines.ingest.core import RawInput, iter_documents, parse_raw
from sidelines.ingest.title import attach_title
from sidelines.nlp import load_pipeline
from sidelines.types import Document

router = APIRouter(prefix="/ingest", tags=["ingest"], responses=ERROR_RESPONSES)

#: one spaCy pipeline per process, used by one request at a time
_PIPELINE_LOCK = threading.Lock()


def _read(body: IngestIn) -> Document:
    if bool(body.url) == bool(body.text):
        raise api_error(422, "give either url or text, not both and not neither", "bad_ingest")
    try:
        if body.url:
            if not body.url.startswith(("http://", "https://")):
                raise api_error(422, "url must start with http:// or https://", "bad_ingest")
            items = list(iter_documents([body.url]))
        else:
            assert body.text is not None
            items = list(parse_raw(RawInput("api", body.text.encode("utf-8"))))
    except InputError as err:
        raise api_error(422, err.message, "unreadable") from None
    if len(items) != 1:
        raise api_error(422, f"expected one document, read {len(items)}", "bad_ingest")
    [item] = items
    if isinstance(item, InputError):
        raise api_error(422, item.message, "unreadable")
    if body.text:
        item = dataclasses.replace(item, path=None)
    if body.title:  # attached as ingest attaches a document's own title: the id is fixed here
        item = attach_title(dataclasses.replace(item, title=body.title))
    return item


@router.post(
    "",
    response_model=IngestPublic,
    status_code=201,
    summary="Ingest one document",
    dependencies=[Depends(require_token)],
    responses=WRITE_RESPONSES,
)
def ingest(request: Request, store: StoreDep, body: IngestIn) -> dict[str, Any]:
    """Fetch a URL (or take a text), extract its meetings and statements and store them.
    A document already stored (same text) is not stored again: ``stored`` is then false."""
    document = _read(body)
    knowledge_base_loaded()
    document_id = document.id
    report = IngestReport()
    with _PIPELINE_LOCK:
        nlp = getattr(request.app.state, "nlp", None)
        if nlp is None:
            nlp = request.app.state.nlp = load_pipeline()
        try:
            ingest_documents([document], store, report, nlp=nlp)
        except SidelinesError as err:
            raise api_error(500, err.message, "ingest_failed") from None
    if report.failed:
        message, code = report.failed[0]
        raise api_error(422, message, f"ingest_{code}")
    stored = store.document(document_id)
    return {
        "document_id": document_id,
        "stored": report.stored == 1,
        "meetings": len(stored["meetings"]) if stored else 0,
        "statements": len(stored["statements"]) if stored else 0,
    }
