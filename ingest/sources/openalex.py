"""OpenAlex works JSON: one work (`/works/W...`) or a results page
(`{"meta": ..., "results": [...]}`).

The abstract is rebuilt from `abstract_inverted_index` (word -> positions);
the id is the arXiv id found in `ids.arxiv` or in a location on arxiv.org,
else `doi`/`ids.doi`; `publication_date`, else `publication_year`
(approximate); `authorships[].author.display_name`; `cited_by_count` kept;
the URL is the primary location's landing page, else the DOI link.
"""
from __future__ import annotations

from typing import Any

from ingest.records import PaperRecord, Problem
from ingest.sources.build import iso_date, new_record, text, whole_number

_WORK_ID_PREFIX = "https://openalex.org/W"


def recognises(document: Any) -> bool:
    items = document.get("results") if isinstance(document, dict) and "results" in document else [document]
    return (isinstance(items, list) and bool(items)
            and all(isinstance(item, dict) and text(item.get("id")).startswith(_WORK_ID_PREFIX) for item in items))


def papers_key(document: Any) -> str | None:
    return "results" if isinstance(document, dict) and "results" in document else None


def abstract_text(inverted_index: dict[str, list[int]] | None) -> str:
    """The abstract an inverted index (word -> positions) was made from."""
    positions = {position: word for word, found in (inverted_index or {}).items() for position in found}
    return " ".join(positions[p] for p in sorted(positions))


def to_record(item: dict, path: str, line: int | None) -> tuple[PaperRecord | None, list[Problem]]:
    title = text(item.get("title") or item.get("display_name"))
    if not title:
        return None, [Problem(path, f"work {item.get('id')} has no title; skipped", line)]
    problems: list[Problem] = []
    ids = item.get("ids") or {}
    locations = [item.get("primary_location") or {}, *(item.get("locations") or ())]
    arxiv = [ids.get("arxiv")] + [
        url for location in locations for url in (location.get("landing_page_url"), location.get("pdf_url"))
        if url and "arxiv.org/" in url]
    return new_record(
        title=title,
        path=path,
        line=line,
        arxiv=arxiv,
        dois=[item.get("doi"), ids.get("doi")],
        abstract=abstract_text(item.get("abstract_inverted_index")),
        published=iso_date(item.get("publication_date"), "publication_date", problems, path, line),
        year=item.get("publication_year"),
        authors=[(a.get("author") or {}).get("display_name") for a in item.get("authorships") or ()],
        url=text(locations[0].get("landing_page_url") or item.get("doi")) or None,
        cited_by_count=whole_number(item.get("cited_by_count"), "cited_by_count", problems, path, line),
        links=(text(item.get("id")),),
    ), problems
