"""Code stage: CAMEO and PLOVER codes for meetings and statements."""

from sidelines.code.events import code_meeting, code_statement

__all__ = ["code_meeting", "code_statement"]
