"""Reader for a JSON document of papers: an array of objects, an object
holding one such array (`{"papers": [...]}`), or a single paper object; and
for the API answers whose shape it recognises (Hugging Face papers API,
Semantic Scholar, OpenAlex: one module each), read with that API's fields.

Records are located by line: the array is walked element by element with the
standard decoder so each paper's `sources` entry and problems point at the
line where its object starts.
"""
from __future__ import annotations

import json
from collections.abc import Mapping
from os import PathLike
from pathlib import Path
from types import ModuleType
from typing import Any

from ingest.records import Problem, SourceResult
from ingest.sources import hf_api, openalex, semantic_scholar
from ingest.sources.build import note_missing_abstracts
from ingest.sources.rows import check_field_map, columns_for, add_row
from ingest.sources.text import open_source

# format name -> module with recognises(document), papers_key(document), to_record(item, path, line)
API_FORMATS: dict[str, ModuleType] = {
    "hf_api": hf_api,
    "semantic_scholar": semantic_scholar,
    "openalex": openalex,
}
_DECODER = json.JSONDecoder()


def api_format(document: Any) -> str | None:
    """The API whose answer `document` is, or None for a plain list of papers."""
    return next((name for name, module in API_FORMATS.items() if module.recognises(document)), None)


def read_json(path: str | PathLike, *, field_map: Mapping[str, str] | None = None,
              api: str | None = None) -> SourceResult:
    """Papers from the JSON file at `path`: read as the answer of `api` (a
    key of API_FORMATS) when given or recognised, else as plain paper objects."""
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
    api = api or api_format(document)
    add_document(result, document, text, field_map=field_map, api=api)
    if api:
        note_missing_abstracts(result)
    return result


def add_document(result: SourceResult, document: Any, text: str | None, *,
                 field_map: Mapping[str, str], api: str | None, line: int | None = None) -> None:
    """Add the papers of a parsed JSON `document` to `result`. Their lines
    are found in `text`, the document's source; when that is None (a body
    embedded in another file) every paper gets `line`."""
    path = result.path
    module = API_FORMATS[api] if api else None
    if module:
        key = module.papers_key(document)
        container = document if key is None else document.get(key) or []
        if key is None and isinstance(document, dict):
            container = [document]
    else:
        keys = _paper_array_keys(document) if isinstance(document, dict) else []
        key = keys[0] if len(keys) == 1 else None
        container = document.get(key) if key else document
        if isinstance(document, dict) and key is None:
            if not columns_for(document, field_map)["title"]:
                result.problems.append(Problem(path, (
                    "expected an array of paper objects, or an object holding exactly one; "
                    f"found {_describe(document)}"), line))
                return
            container = [document]
    if not isinstance(container, list):
        result.problems.append(Problem(path, f"expected an array of papers, found {_describe(container)}", line))
        return
    if text is None:
        items = [(line, item) for item in container]
    elif isinstance(document, list):
        items = _located_items(text, _skip_space(text, 0))
    elif key is not None:
        items = _located_items(text, _value_start(text, key))
    else:
        items = [(_line_at(text, _skip_space(text, 0)), document)]

    for item_line, item in items:
        if item is None and module is semantic_scholar:
            result.problems.append(Problem(path, "null in a batch answer: that id was not found; skipped", item_line))
        elif not isinstance(item, dict):
            result.problems.append(Problem(
                path, f"expected a paper object, found {_describe(item)}; skipped", item_line))
        elif module:
            record, problems = module.to_record(item, path, item_line)
            result.problems.extend(problems)
            if record:
                result.records.append(record)
        else:
            add_row(result, item, line=item_line, field_map=field_map)


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
