"""Read Markdown, with or without YAML front matter.

The front matter gives the metadata (``title``, ``date``, ``source_url``, ``publisher``); the body
becomes the text with Markdown markup lightly removed (escapes such as ``\\###`` and ``\\_``, link
targets, heading marks, bold marks), so that sentences read as prose. The front-matter title is not
added to the text.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from sidelines.errors import InputError
from sidelines.ingest.dates import iso_date
from sidelines.ingest.normalise import LOCATION_KEYS, normalise_line, normalise_text, optional_line
from sidelines.ingest.text import find_title_line
from sidelines.ingest.url import url_hostname
from sidelines.types import Document

TITLE_KEYS = ("title", "headline")
DATE_KEYS = ("date", "published", "published_time", "date_published", "pubdate", "pubDate")
URL_KEYS = ("source_url", "url", "canonical_url", "link")
PUBLISHER_KEYS = ("publisher", "site_name", "sitename", "site")
LANGUAGE_KEYS = ("language", "lang")

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_IMAGE_OR_LINK = re.compile(
    r"(?<!\\)!?\[(?P<label>[^\]\n]*)\]\((?P<target>[^)\s]*)(?:\s+\"[^\"]*\")?\)"
)
_AUTOLINK = re.compile(r"<(?P<target>(?:https?|mailto):[^>\s]+)>")
_ATX_HEADING = re.compile(
    r"^(?P<indent>[ ]{0,3})#{1,6}[ \t]+(?P<title>.*?)(?:[ \t]+#+)?[ \t]*$", re.MULTILINE
)
_STRONG = re.compile(
    r"(?<![\\\w*_])(?P<mark>\*\*|__)(?=\S)(?P<inner>.+?)(?<=\S)(?P=mark)(?![\w*_])"
)
_ESCAPE = re.compile(r"\\(?P<char>[\\`*_{}\[\]()#+\-.!|<>~])")


def split_front_matter(text: str, name: str) -> tuple[dict[str, Any], str]:
    """Split Markdown into its YAML front matter (a mapping, empty when absent) and its body.

    Raises:
        InputError: ``[E001]`` when the front matter is not valid YAML or not a mapping.
    """
    match = _FRONT_MATTER.match(text)
    if match is None:
        return {}, text
    try:
        meta = yaml.safe_load(match.group("yaml") or "") or {}
    except yaml.YAMLError as exc:
        problem = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise InputError(f"{name}: invalid YAML front matter ({problem})") from exc
    if not isinstance(meta, dict):
        raise InputError(f"{name}: YAML front matter is not a mapping of fields")
    return {str(key): value for key, value in meta.items()}, text[match.end() :]


def markdown_to_text(body: str) -> str:
    """Return Markdown ``body`` as plain text: comments dropped, links and images reduced to their
    label, heading and bold marks removed, backslash escapes resolved. Lists, line breaks and
    everything else stay as written."""
    body = _COMMENT.sub("", body)
    body = _IMAGE_OR_LINK.sub(lambda m: m.group("label"), body)
    body = _AUTOLINK.sub(lambda m: m.group("target"), body)
    body = _ATX_HEADING.sub(lambda m: m.group("indent") + m.group("title"), body)
    body = _STRONG.sub(lambda m: m.group("inner"), body)
    return _ESCAPE.sub(lambda m: m.group("char"), body)


def _first(meta: dict[str, Any], keys: tuple[str, ...]) -> Any:
    for key in keys:
        value = meta.get(key)
        if value not in (None, ""):
            return value
    return None


def _first_date(meta: dict[str, Any]) -> str | None:
    for key in DATE_KEYS:
        published = iso_date(meta.get(key))
        if published is not None:
            return published
    return None


def parse_markdown(text: str, path: str | None = None) -> Document:
    """Return a :class:`Document` for Markdown text (with optional YAML front matter).

    Metadata: ``title`` (else the first short line, usually a heading, which stays in the text);
    ``date``, ``published`` or ``published_time`` (a YAML date or a string) as an ISO date;
    ``source_url`` or ``url``; ``publisher`` or ``site_name`` (else the URL's host name); a declared
    ``language``.

    Raises:
        InputError: ``[E001]`` when the front matter is not a valid YAML mapping.
    """
    name = path or "markdown input"
    meta, body = split_front_matter(normalise_text(text), name)
    content = normalise_text(markdown_to_text(body))
    title = optional_line(_first(meta, TITLE_KEYS))
    title_span: tuple[int, int] | None = None
    if title is None:
        title_span = find_title_line(content)
        if title_span is not None:
            title = normalise_line(content[title_span[0] : title_span[1]])
    language = optional_line(_first(meta, LANGUAGE_KEYS))
    url = optional_line(_first(meta, URL_KEYS))
    return Document(
        text=content,
        path=path,
        url=url,
        title=title,
        published=_first_date(meta),
        publisher=optional_line(_first(meta, PUBLISHER_KEYS)) or url_hostname(url),
        language=language.lower() if language else "en",
        location=optional_line(_first(meta, LOCATION_KEYS)),
        title_span=title_span,
    )
