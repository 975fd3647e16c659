"""Read documents given as JSON records: one object, an array of objects, or JSON lines.

A record has ``text`` (required) and optionally ``title``, ``published`` (or ``date``), ``url``,
``publisher`` (else the URL's host name) and ``id``. A record's ``path`` is ``<source>#<id>`` when
it has an id, else ``<source>#<line or position>``, so every document of a batch can be traced back
to its record.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from sidelines.errors import InputError
from sidelines.ingest.dates import iso_date
from sidelines.ingest.normalise import LOCATION_KEYS, normalise_text, optional_line
from sidelines.ingest.url import url_hostname
from sidelines.types import Document

DATE_KEYS = ("published", "date", "published_time", "date_published")
PUBLISHER_KEYS = ("publisher", "site_name", "sitename", "source")
LANGUAGE_KEYS = ("language", "lang")


def _first(record: dict[str, Any], keys: tuple[str, ...]) -> Any:
    for key in keys:
        value = record.get(key)
        if value not in (None, ""):
            return value
    return None


def record_to_document(record: object, source: str, position: int | None = None) -> Document:
    """Return the :class:`Document` that one JSON record describes.

    ``source`` names the file (or URL, or ``-``) the record came from; ``position`` is its line
    number (JSON lines) or 1-based index (JSON array), ``None`` for a file that holds one object.

    Raises:
        InputError: ``[E001]`` when the record is not an object or has no non-empty ``text``.
    """
    where = source if position is None else f"{source}:{position}"
    if isinstance(record, dict) and optional_line(record.get("id")):
        where = f"{where} (id {optional_line(record.get('id'))})"
    if not isinstance(record, dict):
        raise InputError(f"{where}: a record must be a JSON object, got {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(f"{where}: record has no text (a non-empty string 'text' is required)")
    record_id = optional_line(record.get("id"))
    if record_id is not None:
        path = f"{source}#{record_id}"
    elif position is not None:
        path = f"{source}#{position}"
    else:
        path = source
    published = None
    for key in DATE_KEYS:
        published = iso_date(record.get(key))
        if published is not None:
            break
    language = optional_line(_first(record, LANGUAGE_KEYS))
    url = optional_line(record.get("url"))
    return Document(
        text=normalise_text(text),
        path=path,
        url=url,
        title=optional_line(record.get("title")),
        published=published,
        publisher=optional_line(_first(record, PUBLISHER_KEYS)) or url_hostname(url),
        language=language.lower() if language else "en",
        location=optional_line(_first(record, LOCATION_KEYS)),
    )


def parse_json(text: str, source: str) -> list[Document | InputError]:
    """Return the documents of a JSON file: one for an object, one per element for an array.

    A bad element becomes an :class:`InputError` in the list, so the rest still load.

    Raises:
        InputError: ``[E001]`` when the text is not valid JSON or not an object or array.
    """
    try:
        value = json.loads(text)
    except ValueError as exc:
        raise InputError(f"{source}: invalid JSON ({exc})") from exc
    if isinstance(value, dict):
        return [record_to_document(value, source)]
    if not isinstance(value, list):
        raise InputError(f"{source}: JSON input must be an object or an array of objects")
    if not value:
        raise InputError(f"{source}: empty (a JSON array without records)")
    results: list[Document | InputError] = []
    for index, element in enumerate(value, start=1):
        try:
            results.append(record_to_document(element, source, index))
        except InputError as exc:
            results.append(exc)
    return results


def iter_jsonl(lines: Iterable[str | bytes], source: str) -> Iterator[Document | InputError]:
    """Yield one :class:`Document` per JSON line, or an :class:`InputError` for a bad line (named by
    its line number) so that the other lines still load. Blank lines are skipped."""
    for number, raw in enumerate(lines, start=1):
        if isinstance(raw, bytes):
            try:
                line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError:
                yield InputError(f"{source}:{number}: line is not valid UTF-8")
                continue
        else:
            line = raw.lstrip("\ufeff") if number == 1 else raw
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError as exc:
            yield InputError(f"{source}:{number}: invalid JSON ({exc})")
            continue
        try:
            yield record_to_document(record, source, number)
        except InputError as exc:
            yield exc
