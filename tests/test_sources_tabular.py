"""JSON, JSON Lines and CSV readers and the field map they share."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from ingest.sources import read_csv, read_json, read_jsonl

DATA = Path(__file__).parent / "data"


def test_json_object_holding_an_array():
    path = DATA / "papers.json"
    result = read_json(path)
    pebbles, revisited = result.records
    assert pebbles.id == "arxiv:2401.00001"
    assert pebbles.abstract == "A synthetic abstract about pebbles."  # from "summary"
    assert pebbles.published == "2024-01-03"
    assert pebbles.authors == ("Ada Example", "Bo Sample") and pebbles.authors_count == 2
    assert pebbles.upvotes == 7
    assert pebbles.sources == (f"{path}:4",)  # where its object opens
    assert revisited.id == "doi:10.1234/pebbles.2"  # from the url
    assert revisited.published == "2024-02-16"
    assert revisited.authors == ("Cy Tester", "Di Dummy", "Ed Mock")
    assert [(p.path, p.line) for p in result.problems] == [(str(path), 12)]
    assert "no title" in result.problems[0].message


def test_json_top_level_array_and_single_object(tmp_path):
    array = tmp_path / "array.json"
    array.write_text('[\n {"title": "A"},\n\n {"title": "B", "upvotes": "x"}\n]', encoding="utf-8")
    result = read_json(array)
    assert [(r.title, r.sources) for r in result.records] == [
        ("A", (f"{array}:2",)), ("B", (f"{array}:4",))]
    assert [(p.line, "upvotes 'x'" in p.message) for p in result.problems] == [(4, True)]

    single = tmp_path / "single.json"
    single.write_text('{"title": "Only One", "abstract": "x"}', encoding="utf-8")
    assert [r.title for r in read_json(single).records] == ["Only One"]


def test_json_syntax_error_and_unexpected_shape(tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text('[\n{"title": "A"},\n{"title": }\n]', encoding="utf-8")
    result = read_json(broken)
    assert result.records == []
    assert [(p.path, p.line) for p in result.problems] == [(str(broken), 3)]

    shapeless = tmp_path / "shapeless.json"
    shapeless.write_text('{"count": 2, "note": "no papers here"}', encoding="utf-8")
    problems = read_json(shapeless).problems
    assert len(problems) == 1 and "count, note" in problems[0].message


def test_jsonl_malformed_line_is_reported_and_the_rest_read():
    path = DATA / "papers.jsonl"
    result = read_jsonl(path)
    assert [r.title for r in result.records] == ["Line One Paper", "Line Three Paper"]
    assert [(p.path, p.line) for p in result.problems] == [(str(path), 2)]
    assert "not valid JSON" in result.problems[0].message
    three = result.records[1]
    assert three.authors == ("Fay Fake", "Gus Guess") and three.upvotes == 4
    assert three.sources == (f"{path}:3",)


def test_csv_with_known_columns():
    path = DATA / "papers.csv"
    result = read_csv(path)
    grids, again = result.records
    assert grids.id == "arxiv:2402.01234"
    assert grids.abstract == "A synthetic abstract, with a comma."
    assert grids.published == "2024-02-16"
    assert grids.authors == ("Hal Hypo", "Ivy Idea")
    assert (grids.upvotes, grids.organization) == (3, "Toy Lab")
    assert grids.sources == (f"{path}:2",)
    assert again.id.startswith("title:") and again.sources == (f"{path}:4",)
    assert [(p.path, p.line) for p in result.problems] == [(str(path), 3)]


def test_csv_without_a_needed_column_names_file_and_columns():
    path = DATA / "no_abstract_column.csv"
    result = read_csv(path)
    assert result.records == []
    (problem,) = result.problems
    assert problem.path == str(path)
    assert "abstract" in problem.message and "title, venue" in problem.message


def test_csv_tab_separated(tmp_path):
    path = tmp_path / "papers.tsv"
    path.write_text("title\tabstract\nTabbed, Title\tTabbed abstract.\n", encoding="utf-8")
    assert [r.title for r in read_csv(path).records] == ["Tabbed, Title"]


def test_field_map_names_other_columns():
    field_map = {"title": "heading", "abstract": "paper_text", "published": "when"}
    (record,) = read_csv(DATA / "custom_columns.csv", field_map=field_map).records
    assert record.title == "Mapped Column Paper"
    assert record.abstract == "Synthetic text in a custom column."
    assert record.published == "2022-12-31"
    problems = read_csv(DATA / "custom_columns.csv").problems
    assert "heading, paper_text, when" in problems[0].message


def test_field_map_applies_to_json_and_jsonl(tmp_path):
    rows = [{"name": "Mapped", "body": "Mapped abstract.", "abstract": "not this one"}]
    jsonl = tmp_path / "mapped.jsonl"
    jsonl.write_text('{"name": "Mapped", "body": "Mapped abstract.", "abstract": "not this one"}\n',
                     encoding="utf-8")
    json_file = tmp_path / "mapped.json"
    json_file.write_text(json.dumps(rows), encoding="utf-8")
    field_map = {"title": "name", "abstract": "body"}
    for result in (read_jsonl(jsonl, field_map=field_map), read_json(json_file, field_map=field_map)):
        assert [(r.title, r.abstract) for r in result.records] == [("Mapped", "Mapped abstract.")]


def test_field_map_with_an_unknown_field_is_an_error():
    with pytest.raises(ValueError, match="titel"):
        read_csv(DATA / "papers.csv", field_map={"titel": "Title"})
