"""Turning one dict row (a JSON object or a CSV row) into a PaperRecord.

Shared by the JSON, JSONL and CSV readers so that the same column names and
the same `field_map` mean the same thing in every tabular format.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any

from ingest.dates import parse_date
from ingest.records import PaperRecord, Problem, SourceResult
from ingest.sources.build import new_record, text, whole_number

# Record field -> column names looked for, in order, case-insensitively.
FIELD_COLUMNS: dict[str, tuple[str, ...]] = {
    "title": ("title",),
    "abstract": ("abstract", "summary"),
    "id": ("id", "arxiv_id", "doi"),
    "published": ("published", "date"),
    "authors": ("authors",),
    "authors_count": ("authors_count",),
    "url": ("url", "abs"),  # arXiv listing crawlers name the abstract page `abs`
    "upvotes": ("upvotes",),
    "organization": ("organization",),
    "categories": ("categories",),
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
    return {field: list(columns) for field, columns in _columns(tuple(names), tuple(field_map.items())).items()}


@lru_cache(maxsize=256)  # the rows of a file mostly share one set of names: worked out once, not per row
def _columns(names: tuple[str, ...], field_map: tuple[tuple[str, str], ...]) -> dict[str, tuple[str, ...]]:
    field_map = dict(field_map)
    by_folded = {}
    for name in names:
        by_folded.setdefault(name.strip().casefold(), name)
    found: dict[str, tuple[str, ...]] = {}
    for field, candidates in FIELD_COLUMNS.items():
        wanted = (field_map[field],) if field in field_map else candidates
        found[field] = tuple(by_folded[c.casefold()] for c in wanted if c.casefold() in by_folded)
    return found


def record_from_row(row: Mapping[str, Any], *, path: str, line: int | None,
                    field_map: Mapping[str, str]) -> tuple[PaperRecord | None, list[Problem]]:
    """The row as a record (None when it has no title) and what was wrong with it."""
    columns = _columns(tuple(row), tuple(field_map.items()))

    def first(field: str) -> Any:
        for column in columns[field]:
            if _present(value := row[column]):
                return value
        return None

    problems: list[Problem] = []
    if not _is_text(first("title")):
        return None, [Problem(path, f"title is {_kind(first('title'))}, not text; record skipped", line)]
    title = text(first("title"))
    if not title:
        return None, [Problem(path, "record has no title; skipped", line)]
    abstract = first("abstract")
    if not _is_text(abstract):
        problems.append(Problem(path, f"abstract is {_kind(abstract)}, not text; left empty", line))
        abstract = None

    shown_date = text(first("published"))
    published = parse_date(shown_date)
    if shown_date and published is None:
        problems.append(Problem(path, f"date {shown_date!r} not understood; left empty", line))
    record = new_record(
        title=title,
        path=path,
        line=line,
        dois=[row[c] for c in columns["id"] if c.casefold() == "doi"],
        ids=[*(text(row[c]) for c in columns["id"] if c.casefold() != "doi"), text(first("url"))],
        abstract=abstract,
        published=published,
        authors=_authors(first("authors")),
        authors_count=whole_number(first("authors_count"), "authors_count", problems, path, line),
        url=text(first("url")),
        upvotes=whole_number(first("upvotes"), "upvotes", problems, path, line),
        organization=text(first("organization")) or None,
        categories=_categories(first("categories")),
    )
    return record, problems


def _is_text(value: Any) -> bool:
    """A string (or nothing): a number, list or object where text belongs is
    a mistake in the input, not something to stringify."""
    return value is None or isinstance(value, str)


def _kind(value: Any) -> str:
    return {dict: "an object", list: "a list", bool: "a boolean"}.get(type(value), "a number")


def add_row(result: SourceResult, row: Mapping[str, Any], *, line: int | None,
            field_map: Mapping[str, str]) -> None:
    """Append the row's record, if it has a title, and its problems to `result`."""
    record, problems = record_from_row(row, path=result.path, line=line, field_map=field_map)
    result.problems.extend(problems)
    if record:
        result.records.append(record)


def _present(value: Any) -> bool:
    """Whether a cell holds something: cheaper than folding it with `text`."""
    return bool(value.strip()) if isinstance(value, str) else value is not None and value != []


def _authors(value: Any) -> tuple[str, ...]:
    """Names from a list (of strings or {"name": ...} objects) or from a
    string such as "A, B and C" or "A; B"."""
    if value is None:
        return ()
    if isinstance(value, list):
        names = [item.get("name") if isinstance(item, dict) else item for item in value]
    else:
        value = str(value).strip()
        names = value.split(";") if ";" in value else _AUTHOR_SEPARATORS.split(value)
    return tuple(name for name in (text(n) for n in names) if name)


def _categories(value: Any) -> tuple[str, ...]:
    """Categories from a list or a space-separated string (`cs.CV cs.RO`), primary first."""
    if value is None:
        return ()
    return tuple(filter(None, map(text, value))) if isinstance(value, list) else tuple(str(value).split())
