"""Every export writes through one atomic helper: the file appears under its name only when
complete, and a failed export leaves the old file (and no partial one) behind."""

from __future__ import annotations

from pathlib import Path

import pytest

from sidelines.export.files import atomic_path, text_output


def test_a_complete_write_replaces_the_file(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_text("old\n", encoding="utf-8")
    with text_output(str(target)) as stream:
        stream.write("new\n")
        assert target.read_text(encoding="utf-8") == "old\n"  # not yet
    assert target.read_text(encoding="utf-8") == "new\n"
    assert list(tmp_path.iterdir()) == [target]


def test_a_failed_write_keeps_the_old_file_and_no_partial(tmp_path: Path) -> None:
    target = tmp_path / "out.parquet"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError), atomic_path(target) as partial:
        partial.write_bytes(b"half")
        raise RuntimeError("interrupted")
    assert target.read_bytes() == b"old"
    assert list(tmp_path.iterdir()) == [target]
