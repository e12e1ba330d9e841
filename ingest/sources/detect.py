"""Telling input formats apart by content, with the extension as a tiebreak."""
from __future__ import annotations

import json
import re
from os import PathLike
from pathlib import Path

from ingest.sources.csv_file import header_delimiter
from ingest.sources.hf_daily import PAGE_HEADER_LINES
from ingest.sources.rows import FIELD_COLUMNS

FORMAT_EXTENSIONS = {
    ".txt": "hf_daily",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".tsv": "csv",
}
_HF_DETAIL_LINE = re.compile(r"^(?:\s*•\s*\d+\s+authors?|·)$", re.M)
_KNOWN_COLUMNS = {column for columns in FIELD_COLUMNS.values() for column in columns}


def detect_format(path: str | PathLike) -> str:
    """"hf_daily", "json", "jsonl" or "csv".

    JSON when the whole text parses; JSON Lines when it starts with an object
    on its own line; Daily Papers when page header or paper detail lines are
    present; CSV when the first line is a delimited header naming a known
    column. Otherwise (including unreadable files) the extension decides,
    and plain text is read as Daily Papers."""
    path = Path(path)
    by_extension = FORMAT_EXTENSIONS.get(path.suffix.lower(), "hf_daily")
    try:
        text = path.read_bytes().decode("utf-8-sig", errors="replace").strip()
    except OSError:
        return by_extension
    if not text or "\0" in text:
        return by_extension
    if text[0] in "[{":
        try:
            json.loads(text)
            return "json"
        except json.JSONDecodeError:
            if _is_json_object(text.split("\n", 1)[0]):
                return "jsonl"
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
