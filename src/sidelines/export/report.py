"""What an export wrote, and why it could not."""

from __future__ import annotations

from dataclasses import dataclass, field

from sidelines.errors import SidelinesError

__all__ = ["ExportError", "ExportReport", "MissingExtraError"]


class ExportError(SidelinesError):
    """An export cannot be made as asked (unknown format, a binary format to stdout ...)."""

    code = "E040"


class MissingExtraError(ExportError):
    """A format needs an optional dependency that is not installed."""

    code = "E041"


@dataclass
class ExportReport:
    """What an export wrote: ``written`` records (edges for graphs), ``skipped`` ones and why."""

    format: str
    out: str
    written: int = 0
    skipped: int = 0
    unit: str = "records"
    notes: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """One line for the user: ``wrote 12 records to out.jsonl (skipped 3: ...)``."""
        where = "standard output" if self.out == "-" else self.out
        line = f"wrote {self.written} {self.unit} to {where}"
        if self.skipped:
            line += f" (skipped {self.skipped}: {', '.join(self.notes)})"
        return line

    def skip(self, count: int, why: str) -> None:
        """Count ``count`` records left out for the reason ``why``."""
        if count:
            self.skipped += count
            self.notes.append(f"{count} {why}")
