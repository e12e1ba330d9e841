"""Reader for CSV (or tab/semicolon separated) tables of papers with a
header row. Column names are matched case-insensitively (see
`ingest.sources.rows.FIELD_COLUMNS`); `field_map` names other columns."""
from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from os import PathLike
from pathlib import Path

from ingest.records import Problem, SourceResult
from ingest.sources.rows import add_row, check_field_map, columns_for
from ingest.sources.text import open_source

DELIMITERS = ",\t;"


def read_csv(path: str | PathLike, *, field_map: Mapping[str, str] | None = None) -> SourceResult:
    field_map = check_field_map(field_map)
    path = Path(path)
    result, text = open_source(path)
    if text is None:
        return result
    header = text.lstrip("\n").split("\n", 1)[0]
    reader = csv.DictReader(io.StringIO(text), delimiter=header_delimiter(header))
    columns = [name for name in reader.fieldnames or [] if name.strip()]
    found = columns_for(columns, field_map)
    missing = [field for field in ("title", "abstract") if not found[field]]
    if missing:
        wanted = " and ".join(field_map.get(field, field) for field in missing)
        result.problems.append(Problem(str(path), (
            f"no {wanted} column; the columns are: {', '.join(columns) or '(none)'} "
            "(name others with a field map, e.g. abstract=<column>)"), 1))
        return result

    row_start = reader.line_num + 1
    for row in reader:
        add_row(result, {name: value for name, value in row.items() if name is not None},
                line=row_start, field_map=field_map)
        row_start = reader.line_num + 1
    return result


def header_delimiter(header: str) -> str:
    """The separator used most in the header line; "," when none is."""
    return max(DELIMITERS, key=header.count) if any(d in header for d in DELIMITERS) else ","
