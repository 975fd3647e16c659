"""Code stage: CAMEO and PLOVER codes, Goldstein weights and PLOVER intensities for meetings and
statements (tables in ``kb/data/cameo.yaml``)."""

from sidelines.code.events import code_meeting
from sidelines.code.scales import CodingTables, coding_tables
from sidelines.code.statements import EventCode, classify_text, code_statement, plover_record

__all__ = [
    "CodingTables",
    "EventCode",
    "classify_text",
    "code_meeting",
    "code_statement",
    "coding_tables",
    "plover_record",
]
