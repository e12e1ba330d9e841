"""Expanding command-line paths into input files and reading each one with
the reader for its format."""
from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator, Mapping, Sequence
from os import PathLike
from pathlib import Path

from ingest.records import PaperRecord, Problem, SourceResult
from ingest.sources.detect import FORMAT_EXTENSIONS, detect_format
from ingest.sources.jsonl_file import iter_jsonl
from ingest.sources.readers import FORMATS, read_as
from ingest.sources.text import format_suffix

# C0 and C1 control characters other than tab and newline: a NUL in a JSON
# string ("\u0000") is valid JSON but no store accepts it in a property.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def iter_path(path: str | PathLike, *, format: str | None = None,
              field_map: Mapping[str, str] | None = None, year: int | None = None) -> Iterator[SourceResult]:
    """`read_path`, as a stream of partial results: a JSON Lines file of any
    size comes a chunk of lines at a time. Control characters are stripped
    from every record, each record that had some named as a problem."""
    format = format or detect_format(path)
    results = iter_jsonl(path, field_map=field_map) if format == "jsonl" else iter(
        [read_path(path, format=format, field_map=field_map, year=year)])
    for result in results:
        result.records = [_without_control_characters(record, result) for record in result.records]
        yield result


def _without_control_characters(record: PaperRecord, result: SourceResult) -> PaperRecord:
    changed = {}
    for name, value in vars(record).items():
        if isinstance(value, str):
            if _CONTROL.search(value):
                changed[name] = _CONTROL.sub("", value)
        elif isinstance(value, tuple) and any(isinstance(v, str) and _CONTROL.search(v) for v in value):
            changed[name] = tuple(_CONTROL.sub("", v) if isinstance(v, str) else v for v in value)
    if not changed:
        return record
    where, _, line = record.sources[0].rpartition(":") if record.sources else ("", "", "")
    result.problems.append(Problem(
        result.path, f"control characters removed from {', '.join(changed)}",
        int(line) if line.isdigit() and where == result.path else None))
    return dataclasses.replace(record, **changed)


def read_path(path: str | PathLike, *, format: str | None = None,
              field_map: Mapping[str, str] | None = None, year: int | None = None) -> SourceResult:
    """Read one file as `format`, or as the format its content shows.

    `year` applies to Daily Papers text only; `field_map` to the tabular formats."""
    return read_as(format or detect_format(path), path, field_map=field_map, year=year)


def collect_inputs(paths: Sequence[str | PathLike]) -> tuple[list[Path], list[Problem]]:
    """The files to read, in order. A directory stands for the input files
    under it (those with an extension in `FORMAT_EXTENSIONS`), recursively and sorted, skipping
    hidden files and directories; a file named directly is always taken."""
    files: list[Path] = []
    problems: list[Problem] = []
    for given in paths:
        path = Path(given)
        if path.is_file():
            files.append(path)
        elif path.is_dir():
            found = sorted(
                candidate for candidate in path.rglob("*")
                if candidate.is_file()
                and format_suffix(candidate) in FORMAT_EXTENSIONS
                and not any(part.startswith(".") for part in candidate.relative_to(path).parts))
            if not found:
                problems.append(Problem(str(path), (
                    "directory holds no input files "
                    f"({', '.join(sorted(FORMAT_EXTENSIONS))})")))
            files.extend(found)
        elif path.exists():
            problems.append(Problem(str(path), "not a regular file or directory"))
        else:
            problems.append(Problem(str(path), "no such file or directory"))
    return files, problems
