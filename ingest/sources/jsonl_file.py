"""Reader for JSON Lines: one paper object per line. A malformed line is
reported with its line number and the other lines are still read."""
from __future__ import annotations

import json
from collections.abc import Mapping
from os import PathLike
from pathlib import Path

from ingest.records import Problem, SourceResult
from ingest.sources.rows import check_field_map, add_row
from ingest.sources.text import open_source


def read_jsonl(path: str | PathLike, *, field_map: Mapping[str, str] | None = None) -> SourceResult:
    field_map = check_field_map(field_map)
    path = Path(path)
    result, text = open_source(path)
    if text is None:
        return result
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as error:
            result.problems.append(Problem(
                str(path), f"not valid JSON ({error.msg} at column {error.colno}); line skipped",
                number))
            continue
        if not isinstance(item, dict):
            result.problems.append(Problem(
                str(path), "expected one paper object per line; line skipped", number))
            continue
        add_row(result, item, line=number, field_map=field_map)
    return result
