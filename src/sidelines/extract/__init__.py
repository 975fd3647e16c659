"""Extract stage: meetings, statements and topics from a parsed, resolved document."""

from sidelines.extract.candidates import MeetingCandidate
from sidelines.extract.meetings import MeetingExtractor
from sidelines.extract.merging import merge_candidates
from sidelines.extract.statement_candidates import StatementCandidate, merge_statements
from sidelines.extract.statements import StatementExtractor
from sidelines.extract.topics import tag_topics

__all__ = [
    "MeetingCandidate",
    "MeetingExtractor",
    "StatementCandidate",
    "StatementExtractor",
    "merge_candidates",
    "merge_statements",
    "tag_topics",
]
