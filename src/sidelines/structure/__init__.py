"""Structure stage: tell the parts of a page apart (preface, original, body, boilerplate)."""

from sidelines.structure.sections import split_sections

__all__ = ["split_sections"]
