"""Every input format paperkg reads, by name: the one table `--format`,
detection and reading go through."""
from __future__ import annotations

from collections.abc import Callable, Mapping
from os import PathLike
from pathlib import Path

from ingest.records import SourceResult
from ingest.sources.arxiv_atom import read_arxiv_atom
from ingest.sources.bibtex import read_bibtex
from ingest.sources.csv_file import read_csv
from ingest.sources.hf_daily import read_hf_daily
from ingest.sources.http_cassette import read_http_cassette
from ingest.sources.json_file import read_json
from ingest.sources.jsonl_file import read_jsonl
from ingest.sources.ris import read_ris

# name -> reader(path, field_map, year); `field_map` applies to the tabular
# formats (json, jsonl, csv), `year` to Daily Papers text.
_READERS: dict[str, Callable[[Path, Mapping[str, str] | None, int | None], SourceResult]] = {
    "hf_daily": lambda path, field_map, year: read_hf_daily(path, year=year),
    "json": lambda path, field_map, year: read_json(path, field_map=field_map),
    "jsonl": lambda path, field_map, year: read_jsonl(path, field_map=field_map),
    "csv": lambda path, field_map, year: read_csv(path, field_map=field_map),
    "hf_api": lambda path, field_map, year: read_json(path, api="hf_api"),
    "semantic_scholar": lambda path, field_map, year: read_json(path, api="semantic_scholar"),
    "openalex": lambda path, field_map, year: read_json(path, api="openalex"),
    "arxiv_atom": lambda path, field_map, year: read_arxiv_atom(path),
    "bibtex": lambda path, field_map, year: read_bibtex(path),
    "ris": lambda path, field_map, year: read_ris(path),
    "http_cassette": lambda path, field_map, year: read_http_cassette(path),
}
FORMATS = tuple(_READERS)


def read_as(format: str, path: str | PathLike, *, field_map: Mapping[str, str] | None = None,
            year: int | None = None) -> SourceResult:
    """Read the file at `path` as `format` (one of FORMATS)."""
    reader = _READERS.get(format)
    if reader is None:
        raise ValueError(f"unknown input format {format!r}; formats are: {', '.join(FORMATS)}")
    return reader(Path(path), field_map, year)
