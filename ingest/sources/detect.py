"""Telling input formats apart by content, with the extension as a tiebreak."""
from __future__ import annotations

import json
import re
from os import PathLike
from pathlib import Path

from ingest.sources.arxiv_atom import looks_like_atom
from ingest.sources.bibtex import looks_like_bibtex
from ingest.sources.csv_file import header_delimiter
from ingest.sources.hf_daily import PAGE_HEADER_LINES
from ingest.sources.http_cassette import looks_like_cassette
from ingest.sources.json_file import api_format
from ingest.sources.ris import looks_like_ris
from ingest.sources.rows import FIELD_COLUMNS
from ingest.sources.text import READ_ERRORS, format_suffix, read_head

FORMAT_EXTENSIONS = {
    ".txt": "hf_daily",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".tsv": "csv",
    ".xml": "arxiv_atom",
    ".atom": "arxiv_atom",
    ".bib": "bibtex",
    ".bibtex": "bibtex",
    ".ris": "ris",
    ".yaml": "http_cassette",
    ".yml": "http_cassette",
}
# Enough to tell any format apart; a bigger JSON document is told by its extension.
DETECT_BYTES = 8 << 20
_HF_DETAIL_LINE = re.compile(r"^(?:\s*•\s*\d+\s+authors?|·)$", re.M)
_KNOWN_COLUMNS = {column for columns in FIELD_COLUMNS.values() for column in columns}


def detect_format(path: str | PathLike) -> str:
    """The name of the file's format (see `ingest.sources.readers.FORMATS`).

    An Atom feed is arXiv's; a YAML document of `interactions` an HTTP
    cassette. JSON when the whole text parses: the answer of the API whose
    shape it has (`hf_api`, `semantic_scholar`, `openalex`), else `json`;
    JSON Lines when it starts with an object on its own line; RIS when a
    line starts `TY  - `; BibTeX when a line starts `@type{`; Daily Papers
    when page header or paper detail lines are present; CSV when the first
    line is a delimited header naming a known column. Otherwise (including
    unreadable files) the extension decides, and plain text is read as Daily
    Papers."""
    path = Path(path)
    by_extension = FORMAT_EXTENSIONS.get(format_suffix(path), "hf_daily")
    try:
        text = read_head(path, DETECT_BYTES).decode("utf-8-sig", errors="replace").strip()
    except READ_ERRORS:
        return by_extension
    if not text or "\0" in text:
        return by_extension
    if text[0] == "<":
        return "arxiv_atom" if looks_like_atom(text) else by_extension
    if looks_like_cassette(text):
        return "http_cassette"
    if text[0] in "[{":
        try:
            return api_format(json.loads(text)) or "json"
        except json.JSONDecodeError:
            if _is_json_object(text.split("\n", 1)[0]):
                return "jsonl"
    if looks_like_ris(text):
        return "ris"
    if looks_like_bibtex(text):
        return "bibtex"
    first_lines = text.split("\n", 20)[:20]
    if _HF_DETAIL_LINE.search(text) or any(line.strip() in PAGE_HEADER_LINES for line in first_lines):
        return "hf_daily"
    if _is_csv_header(first_lines[0]):
        return "csv"
    return by_extension


def _is_json_object(line: str) -> bool:
    try:
        return isinstance(json.loads(line), dict)
    except json.JSONDecodeError:
        return False


def _is_csv_header(line: str) -> bool:
    names = [name.strip().strip('"').casefold() for name in line.split(header_delimiter(line))]
    return len(names) > 1 and any(name in _KNOWN_COLUMNS for name in names)
