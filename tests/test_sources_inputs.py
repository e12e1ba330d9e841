"""Format detection, dispatch, input collection and unreadable input."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import SEEDS
from ingest.sources import (FORMATS, collect_inputs, detect_format, read_csv, read_hf_daily,
                            read_json, read_jsonl, read_path)

DATA = Path(__file__).parent / "data"


@pytest.mark.parametrize("name, expected", [
    ("daily_page.txt", "hf_daily"),
    ("papers.json", "json"),
    ("papers.jsonl", "jsonl"),
    ("papers.csv", "csv"),
    ("custom_columns.csv", "csv"),
])
def test_detect_format_of_fixtures(name, expected):
    assert detect_format(DATA / name) == expected


@pytest.mark.parametrize("content, expected", [
    ('[{"title": "A"}]', "json"),
    ('{"title": "A"}\n{"title": "B"}\n', "jsonl"),
    ("title,abstract\nA,B\n", "csv"),
    ("A Title\n\nAn abstract.\n\n  • 2 authors\n·\nFeb 1, 2024\n", "hf_daily"),
])
def test_detect_format_uses_content_not_extension(tmp_path, content, expected):
    path = tmp_path / "input.dat"
    path.write_text(content, encoding="utf-8")
    assert detect_format(path) == expected
    misnamed = tmp_path / "input.txt" if expected != "hf_daily" else tmp_path / "input.json"
    misnamed.write_text(content, encoding="utf-8")
    assert detect_format(misnamed) == expected


def test_seed_pages_are_detected_as_daily_papers():
    assert {detect_format(path) for path in SEEDS.glob("*.txt")} == {"hf_daily"}


def test_read_path_dispatches_and_rejects_unknown_formats():
    assert [r.title for r in read_path(DATA / "papers.jsonl").records][0] == "Line One Paper"
    assert len(read_path(DATA / "daily_page.txt", year=2020).records) == 4
    mapped = read_path(DATA / "custom_columns.csv", field_map={"title": "heading", "abstract": "paper_text"})
    assert [r.title for r in mapped.records] == ["Mapped Column Paper"]
    with pytest.raises(ValueError) as error:
        read_path(DATA / "papers.csv", format="xml")
    assert all(name in str(error.value) for name in FORMATS)


def test_collect_inputs_expands_directories_sorted_skipping_hidden(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.jsonl").write_text("{}", encoding="utf-8")
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("x", encoding="utf-8")
    (tmp_path / ".cache").mkdir()
    (tmp_path / ".cache" / "c.csv").write_text("x", encoding="utf-8")
    (tmp_path / "notes.md").write_text("x", encoding="utf-8")
    named = tmp_path / "notes.md"
    files, problems = collect_inputs([str(tmp_path), str(named)])
    assert files == [tmp_path / "a.txt", tmp_path / "b" / "z.jsonl", named]
    assert problems == []


def test_missing_path_and_empty_directory_are_problems(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    missing = tmp_path / "missing.txt"
    files, problems = collect_inputs([str(missing), str(empty)])
    assert files == []
    assert [p.path for p in problems] == [str(missing), str(empty)]
    assert "no such file" in problems[0].message
    assert "no input files" in problems[1].message


READERS = [read_hf_daily, read_json, read_jsonl, read_csv]


@pytest.mark.parametrize("reader", READERS)
def test_empty_file_is_one_problem(tmp_path, reader):
    path = tmp_path / "empty"
    path.write_bytes(b"\n  \n")
    result = reader(path)
    assert result.records == []
    assert [(p.path, p.message) for p in result.problems] == [(str(path), "empty file")]


@pytest.mark.parametrize("reader", READERS)
def test_binary_file_is_one_problem(tmp_path, reader):
    path = tmp_path / "image.bin"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    result = reader(path)
    assert result.records == []
    (problem,) = result.problems
    assert problem.path == str(path) and "binary" in problem.message


def test_invalid_utf8_is_reported_at_its_line_and_good_records_kept(tmp_path):
    path = tmp_path / "latin1.jsonl"
    path.write_bytes('{"title": "Good One"}\n{"title": "Caf\xe9 Paper"}\n{"title": "Good Two"}\n'
                     .encode("latin-1"))
    result = read_jsonl(path)
    (problem,) = result.problems
    assert (problem.path, problem.line) == (str(path), 2)
    assert "UTF-8" in problem.message
    assert [r.title for r in result.records] == ["Good One", "Caf\ufffd Paper", "Good Two"]


def test_invalid_utf8_in_a_daily_page(tmp_path):
    path = tmp_path / "page.txt"
    path.write_bytes(b"A Title\n\nAn abstract with a bad byte \xff here.\n\n  \xe2\x80\xa2 2 authors\n")
    result = read_hf_daily(path)
    assert [(p.path, p.line) for p in result.problems] == [(str(path), 3)]
    assert [(r.title, r.authors_count) for r in result.records] == [("A Title", 2)]
