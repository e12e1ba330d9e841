"""Reader for Hugging Face Daily Papers pages saved as plain text.

A page is blank-line separated paragraphs. After a page header ("new",
"Subscribe", "Daily Papers", ..., and a bare page date such as `Nov 4`)
each paper is

    Title
    Abstract (may be missing)
      • 3 authors          <- or an organisation line, e.g. `ontocord Ontocord.AI`
    ·
    Feb 16, 2024           <- or `Sep 29`, optionally followed by upvotes: `Sep 29 3`

where the last three lines form one paragraph and may be missing altogether.
A text paragraph that follows a title is its abstract unless it looks like a
title itself (short, no final full stop), in which case the first title had
no abstract.

Year rule for dates shown without a year (`Sep 29`): use the `year` argument
when given; otherwise the latest year that does not put the date after the
reference date. The page omits the year only for dates in the year it was
viewed, and shows it for every older date, so the page's year is after every
year it shows; the default reference date is therefore the end of the year
after the latest shown year (2024 shown → 2025-12-31), or the file's
modification date if that is earlier. So on a page showing `Feb 16, 2024`,
`Sep 29` is 2025-09-29; with a reference date of 2025-11-04, `Dec 8` is
2024-12-08.

`upvotes` is None when the page shows no count; `organization` is the
organisation line verbatim (account name, then display name).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from os import PathLike
from pathlib import Path

from ingest.dates import latest_on_or_before, month_number
from ingest.identity import paper_id
from ingest.records import PaperRecord, Problem, SourceResult
from ingest.sources.text import open_source

PAGE_HEADER_LINES = frozenset({
    "new",
    "Get trending papers in your email inbox!",
    "Subscribe",
    "Daily Papers",
    "byAK and the research community",
})
_SEPARATOR = "·"
_AUTHORS = re.compile(r"•\s*(\d+)\s+authors?")
_DATE = re.compile(r"([A-Z][a-z]{2}) (\d{1,2})(?:, (\d{4}))?(?: (\d+))?")
_TITLE_MAX_LENGTH = 300  # abstracts on these pages run 1000+ characters


@dataclass
class _Entry:
    title: str
    line: int
    abstract: str | None = None
    published: str | None = None
    upvotes: int | None = None
    authors_count: int | None = None
    organization: str | None = None


def read_hf_daily(path: str | PathLike, *, year: int | None = None,
                  reference_date: date | None = None) -> SourceResult:
    path = Path(path)
    result, text = open_source(path)
    if text is None:
        return result
    if reference_date is None:
        reference_date = _page_reference_date(text, date.fromtimestamp(path.stat().st_mtime))

    entries: list[_Entry] = []
    open_entry: _Entry | None = None  # the paper whose abstract or details may follow
    for line, lines in _paragraphs(text):
        if _is_metadata(lines):
            if open_entry is None:
                result.problems.append(Problem(
                    str(path), "paper details with no title before them; ignored", line))
            else:
                _read_metadata(open_entry, lines, line, year, reference_date, result)
            open_entry = None
        elif len(lines) == 1 and (lines[0] in PAGE_HEADER_LINES or _DATE.fullmatch(lines[0])):
            continue
        else:
            paragraph = " ".join(lines)
            if open_entry and open_entry.abstract is None and not _looks_like_title(paragraph):
                open_entry.abstract = paragraph
            else:
                open_entry = _Entry(title=paragraph, line=line)
                entries.append(open_entry)

    if not entries:
        result.problems.append(Problem(str(path), "no papers found in this Daily Papers text"))
    result.records.extend(_record(entry, path) for entry in entries)
    return result


def _paragraphs(text: str) -> list[tuple[int, list[str]]]:
    """(line number of first line, stripped lines) for each paragraph."""
    paragraphs: list[tuple[int, list[str]]] = []
    after_blank = True
    for number, raw in enumerate(text.split("\n"), start=1):
        stripped = raw.strip()
        if stripped and after_blank:
            paragraphs.append((number, [stripped]))
        elif stripped:
            paragraphs[-1][1].append(stripped)
        after_blank = not stripped
    return paragraphs


def _is_metadata(lines: list[str]) -> bool:
    return any(line == _SEPARATOR or _AUTHORS.fullmatch(line) for line in lines)


def _looks_like_title(paragraph: str) -> bool:
    return len(paragraph) <= _TITLE_MAX_LENGTH and not paragraph.endswith(".")


def _read_metadata(entry: _Entry, lines: list[str], first_line: int, year: int | None,
                   reference_date: date, result: SourceResult) -> None:
    for number, line in enumerate(lines, start=first_line):
        if line == _SEPARATOR:
            continue
        if authors := _AUTHORS.fullmatch(line):
            entry.authors_count = int(authors[1])
        elif shown := _DATE.fullmatch(line):
            month_name, day, shown_year, upvotes = shown.groups()
            try:
                entry.published = _resolve_date(month_name, int(day), shown_year, year,
                                                 reference_date).isoformat()
            except ValueError:
                result.problems.append(Problem(
                    result.path, f"{line!r} is not a calendar date; date left empty", number))
            entry.upvotes = int(upvotes) if upvotes else None
        elif entry.organization is None:
            entry.organization = line
        else:
            result.problems.append(Problem(
                result.path, f"unrecognised line in paper details: {line!r}", number))


def _page_reference_date(text: str, modified: date) -> date:
    shown = (_DATE.fullmatch(line.strip()) for line in text.splitlines())
    shown_years = [int(m[3]) for m in shown if m and m[3]]
    if not shown_years:
        return modified
    return min(modified, date(max(shown_years) + 1, 12, 31))


def _resolve_date(month_name: str, day: int, shown_year: str | None, year: int | None,
                  reference_date: date) -> date:
    month = month_number(month_name)
    if month is None:
        raise ValueError(month_name)
    if shown_year or year:
        return date(int(shown_year or year), month, day)
    return latest_on_or_before(month, day, reference_date)


def _record(entry: _Entry, path: Path) -> PaperRecord:
    return PaperRecord(
        id=paper_id(entry.title),
        title=entry.title,
        abstract=entry.abstract or "",
        published=entry.published,
        upvotes=entry.upvotes,
        authors_count=entry.authors_count,
        organization=entry.organization,
        sources=(f"{path}:{entry.line}",),
    )
