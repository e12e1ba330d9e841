"""Semantic Scholar Graph API JSON: a paper object (`/graph/v1/paper/{id}`),
a search page (`{"total", "offset"|"token", "next", "data": [...]}`), or a
batch answer (`/paper/batch`: a list with null where an id was not found).

`externalIds.ArXiv`, then `externalIds.DOI`, give the id; `abstract` may be
null (the paper is still a node; extraction then reads only its title);
`publicationDate`, else `year` (approximate); `authors[].name`;
`citationCount` becomes `cited_by_count`; `url` is the semanticscholar.org
page (built from `paperId` when the answer has no `url`). A paper object's `citations` and `references` are not read: they are
other papers, usually with only an id and a title.
"""
from __future__ import annotations

from typing import Any

from ingest.records import PaperRecord, Problem
from ingest.sources.build import iso_date, new_record, text, whole_number

_PAPER_PAGE = "https://www.semanticscholar.org/paper/"


def recognises(document: Any) -> bool:
    if isinstance(document, dict) and "total" in document and "paperId" not in document:
        # a search page; the last (or an empty) one may have no `data` at all
        return all(isinstance(item, dict) and "paperId" in item for item in document.get("data") or ())
    items = document if isinstance(document, list) else [document]
    found = [item for item in items if item is not None]
    return bool(found) and all(isinstance(item, dict) and "paperId" in item for item in found)


def papers_key(document: Any) -> str | None:
    return "data" if isinstance(document, dict) and "paperId" not in document else None


def to_record(item: dict, path: str, line: int | None) -> tuple[PaperRecord | None, list[Problem]]:
    title = text(item.get("title"))
    if not title:
        return None, [Problem(path, f"paper {item.get('paperId')} has no title (not asked for?); skipped", line)]
    problems: list[Problem] = []
    external = item.get("externalIds") or {}
    return new_record(
        title=title,
        path=path,
        line=line,
        arxiv=[external.get("ArXiv")],
        dois=[external.get("DOI")],
        abstract=item.get("abstract"),
        published=iso_date(item.get("publicationDate"), "publicationDate", problems, path, line),
        year=item.get("year"),
        authors=[a.get("name") for a in item.get("authors") or () if isinstance(a, dict)],
        url=text(item.get("url")) or (f"{_PAPER_PAGE}{item['paperId']}" if item.get("paperId") else None),
        cited_by_count=whole_number(item.get("citationCount"), "citationCount", problems, path, line),
    ), problems
