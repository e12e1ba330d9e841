"""Merging the copies of a paper that several listings show.

Records with the same id (arXiv id, DOI, else normalised-title hash) become
one, in the order papers were first seen:

- title, authors, authors count, organisation, url: the first non-empty;
- abstract: the longest (pages sometimes truncate);
- upvotes: the highest (counts only grow);
- published: the earliest. Listings disagree on a paper's date only when one
  of them had to infer a missing year, and the inference picks the latest
  year possible, so the earliest date is the one that showed its year;
- sources: all of them, in order, without repeats.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from ingest.records import PaperRecord


def dedupe(records: Iterable[PaperRecord]) -> list[PaperRecord]:
    merged: dict[str, PaperRecord] = {}
    for record in records:
        seen = merged.get(record.id)
        merged[record.id] = record if seen is None else _merge(seen, record)
    return list(merged.values())


def _merge(first: PaperRecord, other: PaperRecord) -> PaperRecord:
    return replace(
        first,
        abstract=max(first.abstract, other.abstract, key=len),
        published=min(filter(None, (first.published, other.published)), default=None),
        upvotes=max((v for v in (first.upvotes, other.upvotes) if v is not None), default=None),
        authors=first.authors or other.authors,
        authors_count=first.authors_count if first.authors_count is not None else other.authors_count,
        organization=first.organization or other.organization,
        url=first.url or other.url,
        sources=first.sources + tuple(s for s in other.sources if s not in first.sources),
    )
