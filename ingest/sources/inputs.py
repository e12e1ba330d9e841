"""Expanding command-line paths into input files and reading each one with
the reader for its format."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from os import PathLike
from pathlib import Path

from ingest.records import Problem, SourceResult
from ingest.sources.csv_file import read_csv
from ingest.sources.detect import FORMAT_EXTENSIONS, detect_format
from ingest.sources.hf_daily import read_hf_daily
from ingest.sources.json_file import read_json
from ingest.sources.jsonl_file import read_jsonl

FORMATS = ("hf_daily", "json", "jsonl", "csv")


def read_path(path: str | PathLike, *, format: str | None = None,
              field_map: Mapping[str, str] | None = None, year: int | None = None) -> SourceResult:
    """Read one file as `format`, or as the format its content shows.

    `year` applies to Daily Papers text only; `field_map` to the tabular formats."""
    format = format or detect_format(path)
    if format == "hf_daily":
        return read_hf_daily(path, year=year)
    if format == "json":
        return read_json(path, field_map=field_map)
    if format == "jsonl":
        return read_jsonl(path, field_map=field_map)
    if format == "csv":
        return read_csv(path, field_map=field_map)
    raise ValueError(f"unknown input format {format!r}; formats are: {', '.join(FORMATS)}")


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
                and candidate.suffix.lower() in FORMAT_EXTENSIONS
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
