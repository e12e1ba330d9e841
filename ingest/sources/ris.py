"""RIS files (EndNote, Zotero, IEEE, JSTOR, Scopus exports), parsed by rispy.

The file is first cut into records (`TY  -` to `ER  -`) so each paper and
each problem is located by line; each record's fields are then rispy's.
Per record: `TI`/`T1` title, `AB`/`N2` abstract, `AU`/`A1` authors, `DO`
DOI, `UR` URL (an arxiv.org one gives the arXiv id), and the most precise of
`DA`, `PY`, `Y1` as the date, free text included (`2021/03/15/`, `2021///`,
`March 2021`, `4-8 Aug. 2020`); a month or a year alone is approximate.
`Y2` (JSTOR's access date) is not a publication date and is not read. A record left open (no `ER` before the next `TY` or the
end) is still read, and reported; a line that looks like a field but is
malformed (`KW - x`, `PMID - 1`) is reported and ignored with the lines
continuing it. Text outside records (JSTOR's `Provider:` header,
comments) is ignored.
"""
from __future__ import annotations

import re
from os import PathLike
from pathlib import Path

import rispy

from ingest.records import Problem, SourceResult
from ingest.sources.build import free_date, new_record, note_missing_abstracts, text
from ingest.sources.text import open_source

_TAG_LINE = re.compile(r"^([A-Z][A-Z0-9])  - ?(.*)$")
_BROKEN_TAG_LINE = re.compile(r"^[A-Z][A-Z0-9]{1,3} {0,3}- ")


def looks_like_ris(text_start: str) -> bool:
    return re.search(r"^TY  - ", text_start, re.M) is not None


def read_ris(path: str | PathLike) -> SourceResult:
    path = Path(path)
    result, body = open_source(path)
    if body is None:
        return result
    records = _records(body, result)
    if not records:
        result.problems.append(Problem(str(path), "no RIS records (lines starting `TY  - `) found"))
    for line, lines in records:
        entry = rispy.loads("\n".join([*lines, "ER  - "]))[0]
        _add_record(result, entry, line)
    note_missing_abstracts(result)
    return result


def _records(body: str, result: SourceResult) -> list[tuple[int, list[str]]]:
    """(first line number, field lines) of each record, malformed lines reported and dropped."""
    records: list[tuple[int, list[str]]] = []
    current: list[str] | None = None
    dropping = False  # inside the continuation of a malformed line
    for number, raw in enumerate(body.split("\n"), start=1):
        line = raw.rstrip()
        tag = _TAG_LINE.match(line)
        if tag and tag[1] == "TY":
            if current is not None:
                result.problems.append(Problem(result.path, (
                    f"record not closed with `ER  - ` before the next one (line {number}); read up to there"),
                    records[-1][0]))
            current, dropping = [line], False
            records.append((number, current))
        elif current is None or not line.strip():
            continue
        elif tag and tag[1] == "ER":
            current = None
        elif tag:
            current.append(line)
            dropping = False
        elif _BROKEN_TAG_LINE.match(line):
            result.problems.append(Problem(result.path, f"malformed field line {line!r} (want `XX  - value`); ignored", number))
            dropping = True
        elif not dropping:
            current.append(line)  # continues the field above
    if current is not None:
        result.problems.append(Problem(result.path, "last record not closed with `ER  - `; read to the end", records[-1][0]))
    return records


def _add_record(result: SourceResult, entry: dict, line: int) -> None:
    title = text(entry.get("title") or entry.get("primary_title"))
    if not title:
        result.problems.append(Problem(result.path, "record has no title (TI or T1); skipped", line))
        return
    urls = [text(url) for url in entry.get("urls") or () if text(url)]
    when = _date(entry, result, line)
    result.records.append(new_record(
        title=title,
        path=result.path,
        line=line,
        arxiv=[url for url in urls if "arxiv.org/" in url],
        dois=[entry.get("doi")],
        abstract=entry.get("abstract") or entry.get("notes_abstract"),
        published=when if when and len(when) == 10 else None,
        year=when if when and len(when) < 10 else None,
        authors=[*(entry.get("authors") or ()), *(entry.get("first_authors") or ())],
        url=urls[0] if urls else None,
    ))


def _date(entry: dict, result: SourceResult, line: int) -> str | None:
    """The most precise of `DA`, `PY` and `Y1` (a day over a month over a
    year; on a tie in that order), as `free_date` gives it. A value that is
    no date is reported and left out."""
    found = []
    for tag, name in (("DA", "date"), ("PY", "year"), ("Y1", "publication_year")):
        shown = text(entry.get(name))
        if not shown:
            continue
        if (value := free_date(shown)) is None:
            result.problems.append(Problem(result.path, f"{tag} {shown!r} is not a date; left out", line))
        else:
            found.append(value)
    return max(found, key=len, default=None)
