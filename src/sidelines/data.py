"""The bundled data files (``kb/data``: seed knowledge base, patterns, coding tables, page parts)
and the one way to read a YAML file. Every stage that reads data files starts here, so none of
them needs the knowledge base to find its files."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from sidelines.errors import KnowledgeBaseError

__all__ = ["YAML_LOADER", "data_dir", "read_yaml"]


def data_dir() -> Path:
    """The folder of the bundled seed data."""
    return Path(str(resources.files("sidelines.kb") / "data"))


#: libyaml's safe loader when PyYAML was built with it (about 4 times faster), else PyYAML's own;
#: both read every data file alike (``tests/kb/test_compiled.py`` holds it)
YAML_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path) -> Any:
    """Read one YAML file, turning a syntax error into a :class:`KnowledgeBaseError`."""
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.load(handle, Loader=YAML_LOADER)
    except (OSError, yaml.YAMLError) as err:
        raise KnowledgeBaseError(f"cannot read knowledge-base file {path}: {err}") from err
