"""Extract stage: meetings, statements and topics from a parsed, resolved document."""

from sidelines.extract.candidates import MeetingCandidate
from sidelines.extract.meetings import MeetingExtractor
from sidelines.extract.merging import merge_candidates
from sidelines.extract.statements import StatementCandidate, StatementExtractor, merge_statements
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
