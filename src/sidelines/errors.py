"""Errors with a code, so a user can look one up and a CLI can print it in one line."""

from __future__ import annotations


class SidelinesError(Exception):
    """Base of every error sidelines raises on purpose. ``str(err)`` is one line: ``[Ecode] msg``."""

    code = "E000"

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


class NotYetError(SidelinesError):
    """A capability that is planned but not built yet."""

    code = "E099"
