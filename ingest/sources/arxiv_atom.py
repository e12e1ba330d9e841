"""Reader for arXiv API responses (`export.arxiv.org/api/query`): an Atom
feed whose entries are papers.

Per entry: the arXiv id from `<id>` (versionless, so `2104.12255v1` keys the
same paper as `2104.12255`), title and summary with hard line breaks folded,
`published` (first version's date), authors, the `rel="alternate"` link as
the URL (the PDF link goes to `links`), categories with
`arxiv:primary_category` first, and `arxiv:doi` kept for identity only (the
arXiv id wins). An error entry (`<id>` under `/api/errors`, the API's way of
answering a malformed query) is reported and skipped; an empty feed is a
problem-free file with no papers.

Parsed with the standard library's ElementTree: it never fetches external
entities or DTDs, and the expat it runs on (>= 2.4.1, bundled with every
supported Python) refuses entity-expansion bombs, which covers what
defusedxml would add for these responses.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from os import PathLike
from pathlib import Path

from ingest.records import Problem, SourceResult
from ingest.sources.build import iso_date, new_record, text
from ingest.sources.text import open_source

ATOM = "{http://www.w3.org/2005/Atom}"
ARXIV = "{http://arxiv.org/schemas/atom}"
_ENTRY_START = re.compile(r"<(?:atom:)?entry[\s>]")


def looks_like_atom(text_start: str) -> bool:
    """True for the start of an Atom feed (what the arXiv API answers)."""
    return "<feed" in text_start[:2000] and "http://www.w3.org/2005/Atom" in text_start[:2000]


def read_arxiv_atom(path: str | PathLike) -> SourceResult:
    path = Path(path)
    result, body = open_source(path)
    if body is not None:
        add_feed(result, body)
    return result


def add_feed(result: SourceResult, body: str, *, line: int | None = None) -> None:
    """Add the papers of the Atom feed `body` to `result`. Their lines are
    found in `body`, unless it is embedded in another file: then every
    paper gets `line`."""
    try:
        feed = ET.fromstring(body.encode("utf-8"))
    except ET.ParseError as error:
        at_line, column = error.position
        result.problems.append(Problem(result.path, f"not valid XML ({error.msg.split(':')[0]} at column {column})",
                                       line or at_line))
        return
    if feed.tag != f"{ATOM}feed":
        result.problems.append(Problem(result.path, f"expected an Atom <feed>, found <{feed.tag}>", line))
        return
    # ElementTree keeps no line numbers; entries never nest, so the n-th
    # "<entry" in the text is the n-th entry element.
    lines = [body.count("\n", 0, m.start()) + 1 for m in _ENTRY_START.finditer(body)]
    for number, entry in enumerate(feed.iter(f"{ATOM}entry")):
        _add_entry(result, entry, line or (lines[number] if number < len(lines) else None))


def _add_entry(result: SourceResult, entry: ET.Element, line: int | None) -> None:
    entry_id = text(entry.findtext(f"{ATOM}id"))
    title = text(entry.findtext(f"{ATOM}title"))
    if "/api/errors" in entry_id:
        message = text(entry.findtext(f"{ATOM}summary")) or entry_id
        result.problems.append(Problem(result.path, f"the arXiv API answered with an error: {message}; skipped", line))
        return
    if not title:
        result.problems.append(Problem(result.path, "entry has no title; skipped", line))
        return
    links = {link.get("title") or link.get("rel"): link.get("href") for link in entry.iter(f"{ATOM}link")}
    primary = entry.find(f"{ARXIV}primary_category")
    categories = [primary.get("term")] if primary is not None else []
    categories += [c.get("term") for c in entry.iter(f"{ATOM}category") if c.get("term") not in categories]
    published = iso_date(entry.findtext(f"{ATOM}published"), "published", result.problems, result.path, line)
    result.records.append(new_record(
        title=title,
        path=result.path,
        line=line,
        arxiv=[entry_id],
        dois=[entry.findtext(f"{ARXIV}doi")],
        abstract=entry.findtext(f"{ATOM}summary"),
        published=published,
        authors=[author.findtext(f"{ATOM}name") for author in entry.iter(f"{ATOM}author")],
        url=_versionless(links.get("alternate") or entry_id),
        categories=tuple(c for c in categories if c),
        links=tuple(_versionless(links[k]) for k in ("pdf",) if links.get(k)),
    ))


def _versionless(url: str) -> str:
    """The arXiv URL of the paper rather than of one version of it (older
    answers write http://, the same page)."""
    return re.sub(r"^http://(?:www\.)?arxiv\.org/", "https://arxiv.org/", re.sub(r"v\d+$", "", url))
