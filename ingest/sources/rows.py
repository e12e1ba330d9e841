"""Turning one dict row (a JSON object or a CSV row) into a PaperRecord.

Shared by the JSON, JSONL and CSV readers so that the same column names and
the same `field_map` mean the same thing in every tabular format.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from ingest.dates import parse_date
from ingest.identity import paper_id
from ingest.records import PaperRecord, Problem, SourceResult

# Record field -> column names looked for, in order, case-insensitively.
FIELD_COLUMNS: dict[str, tuple[str, ...]] = {
    "title": ("title",),
    "abstract": ("abstract", "summary"),
    "id": ("id", "arxiv_id", "doi"),
    "published": ("published", "date"),
    "authors": ("authors",),
    "authors_count": ("authors_count",),
    "url": ("url",),
    "upvotes": ("upvotes",),
    "organization": ("organization",),
}
_AUTHOR_SEPARATORS = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")


def check_field_map(field_map: Mapping[str, str] | None) -> dict[str, str]:
    """The field map as a dict; ValueError naming the fields when a key is not one."""
    field_map = dict(field_map or {})
    unknown = sorted(set(field_map) - set(FIELD_COLUMNS))
    if unknown:
        raise ValueError(f"unknown field(s) in field map: {', '.join(unknown)}; "
                         f"fields are: {', '.join(FIELD_COLUMNS)}")
    return field_map


def columns_for(names: Iterable[str], field_map: Mapping[str, str]) -> dict[str, list[str]]:
    """Record field -> the columns among `names` that hold it. A field named
    in `field_map` is read from that column only."""
    by_folded = {}
    for name in names:
        by_folded.setdefault(name.strip().casefold(), name)
    found: dict[str, list[str]] = {}
    for field, candidates in FIELD_COLUMNS.items():
        wanted = (field_map[field],) if field in field_map else candidates
        found[field] = [by_folded[c.casefold()] for c in wanted if c.casefold() in by_folded]
    return found


def record_from_row(row: Mapping[str, Any], *, path: str, line: int | None,
                    field_map: Mapping[str, str]) -> tuple[PaperRecord | None, list[Problem]]:
    """The row as a record (None when it has no title) and what was wrong with it."""
    columns = columns_for(row.keys(), field_map)

    def first(field: str) -> Any:
        return next((row[c] for c in columns[field] if _text(row[c])), None)

    problems: list[Problem] = []
    title = " ".join(_text(first("title")).split())
    if not title:
        return None, [Problem(path, "record has no title; skipped", line)]

    shown_date = _text(first("published"))
    published = parse_date(shown_date)
    if shown_date and published is None:
        problems.append(Problem(path, f"date {shown_date!r} not understood; left empty", line))
    upvotes = _whole_number(first("upvotes"), "upvotes", path, line, problems)
    authors = _authors(first("authors"))
    authors_count = _whole_number(first("authors_count"), "authors_count", path, line, problems)
    url = _text(first("url")) or None

    record = PaperRecord(
        id=paper_id(title, *(_text(row[c]) for c in columns["id"]), url),
        title=title,
        abstract=_text(first("abstract")),
        published=published,
        upvotes=upvotes,
        authors=authors,
        authors_count=authors_count if authors_count is not None else (len(authors) or None),
        organization=_text(first("organization")) or None,
        url=url,
        sources=(f"{path}:{line}" if line is not None else path,),
    )
    return record, problems


def add_row(result: SourceResult, row: Mapping[str, Any], *, line: int | None,
            field_map: Mapping[str, str]) -> None:
    """Append the row's record, if it has a title, and its problems to `result`."""
    record, problems = record_from_row(row, path=result.path, line=line, field_map=field_map)
    result.problems.extend(problems)
    if record:
        result.records.append(record)


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _whole_number(value: Any, name: str, path: str, line: int | None,
                  problems: list[Problem]) -> int | None:
    if value is None:
        return None
    try:
        return int(float(_text(value)))
    except (ValueError, OverflowError):
        problems.append(Problem(path, f"{name} {_text(value)!r} is not a number; left empty", line))
        return None


def _authors(value: Any) -> tuple[str, ...]:
    """Names from a list (of strings or {"name": ...} objects) or from a
    string such as "A, B and C" or "A; B"."""
    if value is None:
        return ()
    if isinstance(value, list):
        names = [item.get("name") if isinstance(item, dict) else item for item in value]
    else:
        text = _text(value)
        names = text.split(";") if ";" in text else _AUTHOR_SEPARATORS.split(text)
    return tuple(name for name in (_text(n) for n in names) if name)
