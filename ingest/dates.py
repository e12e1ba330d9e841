"""Lenient date parsing to ISO `YYYY-MM-DD`, and the year rule for dates
that listings show without a year."""
from __future__ import annotations

import re
from datetime import date

_MONTHS = ("january", "february", "march", "april", "may", "june", "july",
           "august", "september", "october", "november", "december")
_ISO = re.compile(r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:$|[T ])")  # time part, if any, is dropped
_MONTH_DAY_YEAR = re.compile(r"([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})")
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2}) ([A-Za-z]{3,9})\.?,? (\d{4})")


def month_number(name: str) -> int | None:
    """1-12 for an English month name or an abbreviation of at least three letters."""
    name = name.casefold()
    for number, month in enumerate(_MONTHS, start=1):
        if len(name) >= 3 and month.startswith(name):
            return number
    return None


def parse_date(text: str | None) -> str | None:
    """ISO date for `2024-02-16`, `2024-02-16T10:00:00Z`, `2024/02/16`,
    `Feb 16, 2024`, `February 16 2024` or `16 Feb 2024`; None otherwise."""
    text = (text or "").strip()
    if match := _ISO.match(text):
        year, month, day = (int(part) for part in match.groups())
    elif match := _MONTH_DAY_YEAR.fullmatch(text):
        year, month, day = int(match[3]), month_number(match[1]), int(match[2])
    elif match := _DAY_MONTH_YEAR.fullmatch(text):
        year, month, day = int(match[3]), month_number(match[2]), int(match[1])
    else:
        return None
    try:
        return date(year, month, day).isoformat() if month else None
    except ValueError:
        return None


def month_index(iso: str | None) -> int | None:
    """Months since year 0 of an ISO date, "YYYY-MM..." (arXiv's listings
    give the month); None for anything else."""
    if not iso or len(iso) < 7 or not (iso[:4] + iso[5:7]).isdigit():
        return None
    return int(iso[:4]) * 12 + int(iso[5:7])


def latest_on_or_before(month: int, day: int, reference: date) -> date:
    """The latest date with this month and day that is not after `reference`.

    Raises ValueError when no year has that day (e.g. Feb 30)."""
    # Eight years back always reaches a leap year, so Feb 29 resolves too.
    for year in range(reference.year, reference.year - 9, -1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate <= reference:
            return candidate
    raise ValueError(f"month {month} has no day {day}")
