"""Reader for JSON Lines: one paper object per line. A malformed line is
reported with its line number and the other lines are still read.

The file is read as a stream (`iter_jsonl`), a chunk of lines at a time, so
a corpus of any size is read in constant memory."""
from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from os import PathLike
from pathlib import Path

from ingest.records import Problem, SourceResult
from ingest.sources.rows import check_field_map, add_row
from ingest.sources.text import iter_lines

CHUNK_LINES = 1000


def read_jsonl(path: str | PathLike, *, field_map: Mapping[str, str] | None = None) -> SourceResult:
    result = SourceResult(str(path))
    for chunk in iter_jsonl(path, field_map=field_map):
        result.records.extend(chunk.records)
        result.problems.extend(chunk.problems)
    return result


def iter_jsonl(path: str | PathLike, *, field_map: Mapping[str, str] | None = None,
               chunk_lines: int = CHUNK_LINES) -> Iterator[SourceResult]:
    """The file's records and problems, in results of at most `chunk_lines` lines each."""
    field_map = check_field_map(field_map)
    path = Path(path)
    result = SourceResult(str(path))
    for number, line, read_to in iter_lines(path, result):
        if line.strip():
            _add_line(result, line, number, field_map)
        if number % chunk_lines == 0:
            result.read_to = read_to
            yield result
            result = SourceResult(str(path))
    yield result


def _add_line(result: SourceResult, line: str, number: int, field_map: Mapping[str, str]) -> None:
    try:
        item = json.loads(line)
    except json.JSONDecodeError as error:
        result.problems.append(Problem(
            result.path, f"not valid JSON ({error.msg} at column {error.colno}); line skipped", number))
        return
    if not isinstance(item, dict):
        result.problems.append(Problem(
            result.path, "expected one paper object per line; line skipped", number))
        return
    add_row(result, item, line=number, field_map=field_map)
