"""JSON records: one object, arrays, JSON lines (plain and gzip)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from ingest_samples import GERMAN_TEXT, READOUT_TEXT

from sidelines.errors import InputError, LanguageError
from sidelines.ingest import iter_documents, load_document, parse_json, record_to_document
from sidelines.types import Document

RECORD = {
    "id": "vel-1234",
    "url": "https://president.example.org/news/1234",
    "title": "Telephone conversation with Prime Minister of Norland Tomas Reyk",
    "published": "2021-03-04T10:00:00+03:00",
    "publisher": "Office of the President of Veloria",
    "text": READOUT_TEXT.replace("\n\n", "\r\n\r\n"),
}


def _lines(*records: object) -> str:
    return "".join(json.dumps(r) + "\n" for r in records)


def test_record_fields() -> None:
    document = record_to_document(RECORD, "news.jsonl", 3)
    assert document.path == "news.jsonl#vel-1234"
    assert document.title == RECORD["title"]
    assert document.published == "2021-03-04"
    assert document.url == RECORD["url"]
    assert document.publisher == "Office of the President of Veloria"
    assert document.text == READOUT_TEXT  # \r\n normalised


def test_record_without_id_is_named_by_position_and_publisher_falls_back_to_host() -> None:
    record = {"text": READOUT_TEXT, "url": "https://www.example.net/a", "date": "2020-05-01"}
    document = record_to_document(record, "news.jsonl", 7)
    assert document.path == "news.jsonl#7"
    assert document.publisher == "example.net"
    assert document.published == "2020-05-01"


@pytest.mark.parametrize("record", [{"title": "No text"}, {"text": "  "}, {"text": 5}, ["text"]])
def test_record_without_text_is_an_input_error(record: object) -> None:
    with pytest.raises(InputError, match=r"news\.jsonl:2"):
        record_to_document(record, "news.jsonl", 2)


def test_json_object_file(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    path.write_text(json.dumps(RECORD), encoding="utf-8")
    document = load_document(str(path))
    assert document.path == f"{path}#vel-1234"
    assert document.title == RECORD["title"]


def test_json_array_yields_each_record_and_bad_ones_as_errors() -> None:
    text = json.dumps([RECORD, {"title": "empty"}, {**RECORD, "id": "vel-2"}])
    results = parse_json(text, "many.json")
    assert [type(r) for r in results] == [Document, InputError, Document]
    assert "many.json:2" in str(results[1])


def test_invalid_json_is_an_input_error() -> None:
    with pytest.raises(InputError, match=r"bad\.json: invalid JSON"):
        parse_json("{not json", "bad.json")


def test_jsonl_file_yields_documents_and_errors_per_line(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl"
    german = {**RECORD, "id": "vel-de", "text": GERMAN_TEXT}
    path.write_text(
        _lines(RECORD, {"id": "vel-empty"})
        + "\n{broken\n"
        + _lines({**RECORD, "id": "vel-3"}, german),
        encoding="utf-8",
    )
    results = list(iter_documents([str(path)]))
    assert len(results) == 5
    first, empty, broken, third, german_result = results
    assert isinstance(first, Document) and first.path == f"{path}#vel-1234"
    assert isinstance(empty, InputError)
    assert "news.jsonl:2 (id vel-empty): record has no text" in str(empty)
    assert isinstance(broken, InputError) and "news.jsonl:4: invalid JSON" in str(broken)
    assert isinstance(third, Document) and third.path == f"{path}#vel-3"
    assert isinstance(german_result, LanguageError) and "#vel-de: not English" in str(german_result)


def test_gzipped_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as stream:
        stream.write(_lines(RECORD, {**RECORD, "id": "vel-2"}))
    results = list(iter_documents([str(path)]))
    assert [r.path for r in results if isinstance(r, Document)] == [
        f"{path}#vel-1234",
        f"{path}#vel-2",
    ]


def test_broken_gzip_is_an_error_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl.gz"
    path.write_bytes(gzip.compress(_lines(RECORD).encode())[:30])
    results = list(iter_documents([str(path)]))
    assert isinstance(results[-1], InputError)
    assert str(path) in str(results[-1])


def test_empty_jsonl_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "none.jsonl"
    path.write_text("\n\n", encoding="utf-8")
    (result,) = list(iter_documents([str(path)]))
    assert isinstance(result, InputError) and "empty" in str(result)


def test_load_document_refuses_many_records(tmp_path: Path) -> None:
    path = tmp_path / "two.jsonl"
    path.write_text(_lines(RECORD, RECORD), encoding="utf-8")
    with pytest.raises(InputError, match="more than one record; use iter_documents"):
        load_document(str(path))


def test_load_document_reads_a_single_record_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "one.jsonl"
    path.write_text(_lines(RECORD), encoding="utf-8")
    assert load_document(str(path)).path == f"{path}#vel-1234"
