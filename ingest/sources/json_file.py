"""Reader for a JSON document of papers: an array of objects, an object
holding one such array (`{"papers": [...]}`), or a single paper object.

Records are located by line: the array is walked element by element with the
standard decoder so each paper's `sources` entry and problems point at the
line where its object starts.
"""
from __future__ import annotations

import json
from collections.abc import Mapping
from os import PathLike
from pathlib import Path
from typing import Any

from ingest.records import Problem, SourceResult
from ingest.sources.rows import check_field_map, columns_for, add_row
from ingest.sources.text import open_source

_DECODER = json.JSONDecoder()


def read_json(path: str | PathLike, *, field_map: Mapping[str, str] | None = None) -> SourceResult:
    field_map = check_field_map(field_map)
    path = Path(path)
    result, text = open_source(path)
    if text is None:
        return result
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        result.problems.append(Problem(str(path), f"not valid JSON: {error.msg}", error.lineno))
        return result

    if isinstance(document, list):
        items = _located_items(text, _skip_space(text, 0))
    elif isinstance(document, dict) and len(keys := _paper_array_keys(document)) == 1:
        items = _located_items(text, _value_start(text, keys[0]))
    elif isinstance(document, dict) and columns_for(document, field_map)["title"]:
        items = [(_line_at(text, _skip_space(text, 0)), document)]
    else:
        result.problems.append(Problem(str(path), (
            "expected an array of paper objects, or an object holding exactly one; "
            f"found {_describe(document)}")))
        return result

    for line, item in items:
        if not isinstance(item, dict):
            result.problems.append(Problem(
                str(path), f"expected a paper object, found {_describe(item)}; skipped", line))
            continue
        add_row(result, item, line=line, field_map=field_map)
    return result


def _paper_array_keys(document: dict) -> list[str]:
    return [key for key, value in document.items()
            if isinstance(value, list) and all(isinstance(v, dict) for v in value)]


def _located_items(text: str, start: int) -> list[tuple[int, Any]]:
    """(line, element) for the array whose "[" is at `start` in valid JSON `text`."""
    items = []
    line, counted_to = _line_at(text, start), start
    position = _skip_space(text, start + 1)
    while text[position] != "]":
        item, end = _DECODER.raw_decode(text, position)
        line += text.count("\n", counted_to, position)  # counted incrementally: big arrays stay linear
        counted_to = position
        items.append((line, item))
        position = _skip_space(text, end)
        if text[position] == ",":
            position = _skip_space(text, position + 1)
    return items


def _value_start(text: str, wanted: str) -> int:
    """Where the value of top-level key `wanted` starts in valid JSON object `text`."""
    position = _skip_space(text, _skip_space(text, 0) + 1)  # past "{"
    while True:
        key, end = _DECODER.raw_decode(text, position)
        position = _skip_space(text, _skip_space(text, end) + 1)  # past ":"
        if key == wanted:
            return position
        _, end = _DECODER.raw_decode(text, position)
        position = _skip_space(text, _skip_space(text, end) + 1)  # past ","


def _skip_space(text: str, position: int) -> int:
    while text[position] in " \t\n":
        position += 1
    return position


def _line_at(text: str, position: int) -> int:
    return text.count("\n", 0, position) + 1


def _describe(value: Any) -> str:
    if isinstance(value, dict):
        return f"an object with keys {', '.join(map(str, value)) or '(none)'}"
    return {list: "an array", str: "a string", bool: "a boolean", type(None): "null"}.get(
        type(value), "a number")
