"""Building a PaperRecord from fields a reader has already picked out.

Every reader ends here, so titles are folded, ids chosen, approximate dates
derived and author counts filled the same way whatever the format.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from ingest.dates import month_number, parse_date
from ingest.identity import arxiv_id, doi, paper_id
from ingest.records import PaperRecord, Problem, SourceResult

# New-style arXiv ids start with the year and month they were submitted in.
_NEW_STYLE_ARXIV = re.compile(r"^arxiv:(\d{2})(\d{2})\.\d{4,5}$")
# DataCite's DOIs for arXiv papers: 10.48550/arXiv.2104.12255 is arXiv 2104.12255.
_ARXIV_DOI = re.compile(r"^10\.48550/arxiv\.(.+)$")


def text(value: Any) -> str:
    """The value as one line of text: None is empty, hard line breaks and runs of space fold."""
    return "" if value is None else " ".join(str(value).split())


def arxiv_month(record_id: str) -> str | None:
    """`YYYY-MM-01` for a new-style arXiv id (`arxiv:2503.11731` -> 2025-03-01), else None."""
    match = _NEW_STYLE_ARXIV.match(record_id)
    if not match or not 1 <= int(match[2]) <= 12:
        return None
    return f"20{match[1]}-{match[2]}-01"


def whole_number(value: Any, name: str, problems: list[Problem], path: str,
                 line: int | None) -> int | None:
    """`value` as an int; None, with a problem noted, when it is not a number."""
    if value is None or text(value) == "":
        return None
    try:
        return int(float(text(value)))
    except (ValueError, OverflowError):
        problems.append(Problem(path, f"{name} {text(value)!r} is not a number; left empty", line))
        return None


def iso_date(value: Any, name: str, problems: list[Problem], path: str,
             line: int | None) -> str | None:
    """`value` (an ISO date or time, or a date as listings show it) as
    YYYY-MM-DD; None, with a problem noted, when it is not a date."""
    shown = text(value)
    found = parse_date(shown)
    if shown and found is None:
        problems.append(Problem(path, f"{name} {shown!r} is not a date; left empty", line))
    return found


# RIS's own date form: year/month/day/other, any part but the year may be empty.
_SLASHED = re.compile(r"(\d{4})/(\d{0,2})/(\d{0,2})(?:/.*)?")
_MONTH_YEAR = re.compile(r"([A-Za-z]{3,9})\.?,? (\d{4})")
_DAY_RANGE = re.compile(r"(\d{1,2})\s*[-\u2013]\s*\d{1,2} ([A-Za-z]{3,9})\.?,? (\d{4})")  # a conference's days


def free_date(value: Any) -> str | None:
    """A date as bibliographies write it, to what `new_record` takes: an
    ISO day for a full date (`2021/03/15/`, `2021-03-15`, `15 Mar 2021`, a
    conference's `4-8 Aug. 2020` as its first day), `YYYY-MM` for a month
    (`2021/03//`, `March 2021`, `Mar. 2017`), `YYYY` for a year (`2021`,
    `2021///`); None when it is none of these."""
    shown = text(value)
    if match := _SLASHED.fullmatch(shown):
        year, month, day = match[1], match[2], match[3]
        if month and day:
            return parse_date(f"{year}-{month}-{day}")
        return f"{year}-{int(month):02d}" if month and 1 <= int(month) <= 12 else None if month else year
    if match := _DAY_RANGE.fullmatch(shown):
        shown = f"{match[1]} {match[2]} {match[3]}"
    if found := parse_date(shown):
        return found
    if (match := _MONTH_YEAR.fullmatch(shown)) and (month := month_number(match[1])):
        return f"{match[2]}-{month:02d}"
    return shown if re.fullmatch(r"\d{4}", shown) else None


def record_id(title: str, *, arxiv: Iterable[str | None] = (), dois: Iterable[str | None] = (),
              ids: Iterable[str | None] = ()) -> str:
    """`arxiv:<id>` from the first arXiv id in `arxiv`, else `doi:<doi>`
    from the first DOI in `dois`, else whatever `ids` (fields that may hold
    either, or URLs) give, else the title's key. Fields known to be DOIs are
    never searched for an arXiv id: `10.1111/8888.2022.777` is not arXiv 8888.2022."""
    for value in arxiv:
        if found := arxiv_id(value):
            return f"arxiv:{found}"
    for value in dois:
        if found := doi(value):
            on_arxiv = _ARXIV_DOI.match(found)
            return f"arxiv:{on_arxiv[1]}" if on_arxiv else f"doi:{found}"
    return paper_id(title, *ids)


def new_record(*, title: Any, path: str, line: int | None, arxiv: Iterable[str | None] = (),
               dois: Iterable[str | None] = (), ids: Iterable[str | None] = (),
               abstract: Any = None, published: str | None = None, year: Any = None,
               authors: Iterable[Any] = (), authors_count: int | None = None,
               url: str | None = None, **optional: Any) -> PaperRecord:
    """A record keyed by `record_id`. When no `published` date is given it is
    the month of a new-style arXiv id, else the first day of `year` (`YYYY`
    or `YYYY-MM`), either flagged approximate. `optional` holds the other PaperRecord fields
    (upvotes, organization, categories, listed, ...). The caller has checked
    that the title is not empty."""
    title = text(title)
    authors = tuple(name for name in (text(a) for a in authors) if name)
    key = record_id(title, arxiv=arxiv, dois=dois, ids=ids)
    approximate = None
    if published is None:
        approximate = arxiv_month(key) or _first_day(text(year))
    return PaperRecord(
        id=key,
        title=title,
        abstract=text(abstract),
        published=approximate or published,
        published_approximate=approximate is not None,
        authors=authors,
        authors_count=authors_count if authors_count is not None else (len(authors) or None),
        url=url or _id_url(key),
        sources=(f"{path}:{line}" if line is not None else path,),
        **optional,
    )


def _id_url(key: str) -> str | None:
    """The page an arXiv id or DOI resolves to, for a record that names no URL."""
    scheme, _, value = key.partition(":")
    return {"arxiv": f"https://arxiv.org/abs/{value}", "doi": f"https://doi.org/{value}"}.get(scheme)


def _first_day(year: str) -> str | None:
    if re.fullmatch(r"\d{4}", year):
        return f"{year}-01-01"
    if (match := re.fullmatch(r"(\d{4})-(\d{2})", year)) and 1 <= int(match[2]) <= 12:
        return f"{year}-01"
    return None


def note_missing_abstracts(result: SourceResult) -> None:
    """One problem for the file when some of its papers have no abstract:
    they load, but only their titles are searched for entities."""
    missing = sum(1 for record in result.records if not record.abstract)
    if missing:
        result.problems.append(Problem(result.path, (
            f"{missing} of {len(result.records)} papers have no abstract; "
            "they load with only their titles searched for entities")))
