"""Errors with a code, so a user can look one up and a CLI can print it in one line.

:data:`ERROR_CODES` is the one table of codes and what each means; an error class whose code is
not in it cannot be defined (``tests/test_errors.py`` also holds every code written in the source
and the README to it).
"""

from __future__ import annotations

from typing import Any

#: every error code sidelines gives, and what it means; codes are grouped by stage
ERROR_CODES: dict[str, str] = {
    "E000": "an error of sidelines without a more specific code",
    # ingest
    "E001": "an input item cannot be read: missing, empty, binary, undecodable or too large",
    "E002": "the input's format is not one sidelines reads (PDF, DOCX, images, ...)",
    "E003": "an HTML page without an article body (an index page, a form)",
    "E004": "the document is not in English",
    # nlp
    "E010": "the requested spaCy pipeline is not installed (the message lists those that are)",
    # knowledge base
    "E020": "a knowledge-base data file is malformed, or a user's file cannot be added",
    "E021": "a date option is not YYYY-MM-DD",
    # store
    "E030": "the database refuses a write or cannot be opened",
    "E031": "a filter names nothing: an unknown country, counterpart, scope or occasion",
    # export
    "E040": "an export cannot be made: an unknown format, kind or filter, or a file not written",
    "E041": "an export format's optional dependency is not installed",
    # engines
    "E050": "an engine cannot run: an unknown name, Ray not installed, or its workers lost",
    "E052": "extracting one document failed in an engine (the batch goes on)",
    # api
    "E060": "the API's optional dependencies are not installed",
    "E061": "the bundled sample documents are not where sidelines looks for them",
    "E062": "the address serve or demo was asked to listen on is taken",
    # reviews
    "E070": "a review names an unknown action or field, or gives a value of the wrong kind",
    "E071": "a reviewed fact is not stored",
    # settings
    "E090": "the settings file cannot be read, or names a setting that does not exist",
    "E099": "a capability that is planned but not built yet",
}


class SidelinesError(Exception):
    """Base of every error sidelines raises on purpose. ``str(err)`` is one line: ``[Ecode] msg``."""

    code = "E000"

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if cls.code not in ERROR_CODES:
            raise TypeError(
                f"{cls.__name__}: code {cls.code} is not in sidelines.errors.ERROR_CODES"
            )

    def __init__(self, message: str) -> None:
        super().__init__(f"[{self.code}] {message}")
        self.message = message


class InputError(SidelinesError):
    """An input item cannot be read: missing, empty, binary, undecodable."""

    code = "E001"


class UnsupportedFormatError(InputError):
    """The input's format is not one sidelines reads."""

    code = "E002"


class NoArticleError(InputError):
    """An HTML page without an article body."""

    code = "E003"


class LanguageError(InputError):
    """The document is not in a language the extractor handles."""

    code = "E004"


class ModelError(SidelinesError):
    """The requested spaCy pipeline is not installed."""

    code = "E010"


class KnowledgeBaseError(SidelinesError):
    """A knowledge-base data file is malformed."""

    code = "E020"


class ExtractionError(SidelinesError):
    """Extracting one document failed in an engine (recorded; the batch goes on)."""

    code = "E052"


class NotYetError(SidelinesError):
    """A capability that is planned but not built yet."""

    code = "E099"
