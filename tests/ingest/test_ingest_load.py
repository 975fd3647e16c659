"""load_document and iter_documents: files, directories, stdin, and bad items in a batch."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest
from ingest_samples import GERMAN_TEXT, READOUT_PARAGRAPHS, READOUT_TEXT, TITLE, readout_page

from sidelines.core import prepare
from sidelines.errors import InputError, LanguageError, NoArticleError, UnsupportedFormatError
from sidelines.ingest import iter_documents, load_document
from sidelines.types import Document

MARKDOWN = f"---\ntitle: Solen speaks with Reyk\ndate: 2021-03-04\n---\n{READOUT_TEXT}\n"
NO_ARTICLE_PAGE = (
    "<!DOCTYPE html><html><head><title>Index</title></head><body>"
    "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav></body></html>"
)


def _write(path: Path, content: str | bytes) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return str(path)


def test_load_each_format(tmp_path: Path) -> None:
    html = load_document(_write(tmp_path / "page.html", readout_page()))
    assert html.title == TITLE and html.published == "2021-03-04"
    markdown = load_document(_write(tmp_path / "r.md", MARKDOWN))
    assert markdown.title == "Solen speaks with Reyk"
    # the title is part of the text from ingest on: the id (the text's hash) is fixed here
    assert markdown.text == "Solen speaks with Reyk\n\n" + READOUT_TEXT
    assert markdown.title_span == (0, len(markdown.title))
    text = load_document(_write(tmp_path / "r.txt", "Solen speaks with Reyk\n\n" + READOUT_TEXT))
    assert text.title == "Solen speaks with Reyk"
    record = load_document(_write(tmp_path / "r.json", json.dumps({"text": READOUT_TEXT})))
    assert record.text == READOUT_TEXT
    for document in (html, markdown, text, record):
        assert document.language == "en"


def test_path_is_kept_as_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _write(tmp_path / "sub" / "r.txt", READOUT_TEXT)
    monkeypatch.chdir(tmp_path)
    assert load_document("sub/r.txt").path == "sub/r.txt"


def test_detection_by_content_with_wrong_extension(tmp_path: Path) -> None:
    page = load_document(_write(tmp_path / "page.txt", readout_page()))
    assert page.title == TITLE
    assert "<p>" not in page.text
    markdown = load_document(_write(tmp_path / "readout.data", MARKDOWN))
    assert markdown.published == "2021-03-04"
    records = list(
        iter_documents(
            [
                _write(
                    tmp_path / "records.txt",
                    json.dumps({"text": READOUT_TEXT})
                    + "\n"
                    + json.dumps({"text": READOUT_PARAGRAPHS[0]})
                    + "\n",
                )
            ]
        )
    )
    assert [type(r) for r in records] == [Document, Document]


def test_gzipped_single_document(tmp_path: Path) -> None:
    import gzip

    path = _write(tmp_path / "r.md.gz", gzip.compress(MARKDOWN.encode()))
    assert load_document(path).title == "Solen speaks with Reyk"


def test_directory_expands_to_supported_files_in_sorted_order(tmp_path: Path) -> None:
    root = tmp_path / "docs"
    _write(root / "b.txt", READOUT_TEXT)
    _write(root / "a.md", MARKDOWN)
    _write(root / "sub" / "c.html", readout_page())
    _write(root / "sub" / "d.jsonl", json.dumps({"id": "x1", "text": READOUT_TEXT}) + "\n")
    _write(root / "image.png", b"\x89PNG\r\n\x1a\n\x00\x00")  # unsupported: skipped
    _write(root / "notes.docx", b"PK\x03\x04")  # unsupported: skipped
    _write(root / ".hidden.txt", READOUT_TEXT)  # hidden: skipped
    _write(root / ".git" / "x.txt", READOUT_TEXT)  # hidden directory: skipped
    results = list(iter_documents([str(root)]))
    assert all(isinstance(r, Document) for r in results)
    assert [r.path for r in results if isinstance(r, Document)] == [
        str(root / "a.md"),
        str(root / "b.txt"),
        str(root / "sub" / "c.html"),
        f"{root / 'sub' / 'd.jsonl'}#x1",
    ]


def test_directory_without_supported_files(tmp_path: Path) -> None:
    _write(tmp_path / "empty" / "x.png", b"\x89PNG")
    (result,) = list(iter_documents([str(tmp_path / "empty")]))
    assert isinstance(result, InputError) and "no supported files" in str(result)


def test_load_document_refuses_a_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a directory"):
        load_document(str(tmp_path))


def test_stdin_text(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("Solen speaks with Reyk\n" + READOUT_TEXT))
    document = load_document("-")
    assert document.title == "Solen speaks with Reyk"
    assert document.path == "-"


def test_stdin_bytes_html(monkeypatch: pytest.MonkeyPatch) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(readout_page().encode("utf-8")), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    (document,) = list(iter_documents(["-"]))
    assert isinstance(document, Document) and document.title == TITLE


def test_stdin_jsonl_expands(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = "".join(json.dumps({"id": f"r{i}", "text": READOUT_TEXT}) + "\n" for i in range(3))
    monkeypatch.setattr(sys, "stdin", io.StringIO(lines))
    results = list(iter_documents(["-"]))
    assert [r.path for r in results if isinstance(r, Document)] == ["-#r0", "-#r1", "-#r2"]


def test_empty_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("  \n"))
    with pytest.raises(InputError, match=r"stdin: empty"):
        load_document("-")


def test_batch_goes_on_past_bad_items(tmp_path: Path) -> None:
    good_first = _write(tmp_path / "good1.txt", READOUT_TEXT)
    missing = str(tmp_path / "missing.txt")
    empty = _write(tmp_path / "empty.txt", " \n\t\n")
    binary = _write(tmp_path / "binary.txt", b"\x00\x01\x02\x03binary\x00")
    undecodable = _write(tmp_path / "latin.txt", bytes(range(0x80, 0x100)) * 3)
    german = _write(tmp_path / "german.txt", GERMAN_TEXT)
    no_article = _write(tmp_path / "index.html", NO_ARTICLE_PAGE)
    pdf = _write(tmp_path / "report.pdf", b"%PDF-1.4\n%binary")
    good_last = _write(tmp_path / "good2.md", MARKDOWN)
    sources = [good_first, missing, empty, binary, undecodable, german, no_article, pdf, good_last]

    results = list(iter_documents(sources))

    assert len(results) == len(sources)
    assert isinstance(results[0], Document) and results[0].path == good_first
    assert isinstance(results[-1], Document) and results[-1].path == good_last
    expected: list[tuple[type[InputError], str]] = [
        (InputError, "no such file"),
        (InputError, "empty"),
        (InputError, "binary file"),
        (InputError, "not valid UTF-8"),
        (LanguageError, "not English"),
        (NoArticleError, "no article text"),
        (UnsupportedFormatError, "PDF is not supported"),
    ]
    for result, source, (error_type, words) in zip(
        results[1:-1], sources[1:-1], expected, strict=True
    ):
        assert isinstance(result, error_type), (source, result)
        assert source in str(result)  # the message names the item
        assert words in str(result)
        assert str(result).startswith(f"[{error_type.code}] ")


@pytest.mark.parametrize(
    ("content", "error_type"),
    [
        (b"", InputError),
        (b"\x00\x00\x00", InputError),
        (GERMAN_TEXT.encode(), LanguageError),
        (NO_ARTICLE_PAGE.encode(), NoArticleError),
    ],
)
def test_load_document_raises_for_a_bad_item(
    tmp_path: Path, content: bytes, error_type: type[InputError]
) -> None:
    path = _write(tmp_path / "bad.html", content)
    with pytest.raises(error_type, match=r"bad\.html"):
        load_document(path)


def test_load_document_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"\[E001\] .*nope\.txt: no such file"):
        load_document(str(tmp_path / "nope.txt"))


def test_declared_language_other_than_english_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path / "fr.md", f"---\ntitle: T\nlanguage: fr\n---\n{READOUT_TEXT}\n")
    with pytest.raises(LanguageError, match="declared language 'fr'"):
        load_document(path)


def test_markdown_with_only_front_matter_is_empty(tmp_path: Path) -> None:
    path = _write(tmp_path / "only.md", "---\ntitle: Nothing here\n---\n\n")
    with pytest.raises(InputError, match="empty"):
        load_document(path)


def test_the_id_is_fixed_at_ingest(tmp_path: Path) -> None:
    document = load_document(_write(tmp_path / "r.md", MARKDOWN))
    assert prepare(document).id == document.id  # the structure stage leaves the text alone
