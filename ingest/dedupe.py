"""Merging the copies of a paper that several listings show: ONE policy,
used within a run and against the paper already stored, so reading the same
listings in one run, in several runs, or again after an interruption gives
the same paper.

Records with the same id (arXiv id, DOI, else normalised-title hash) become
one, the earlier (or stored) copy first. Field by field, the precedence is:

- abstract: the longest (pages sometimes truncate); on a tie the earlier;
- published: an exact date over an approximate one (a month derived from
  the arXiv id, a year), then the earliest. Listings disagree on an exact
  date only when one of them had to infer a missing year, and the inference
  picks the latest year possible, so the earliest date is the one that
  showed its year;
- upvotes, cited_by_count: the highest (counts only grow);
- sources, links, categories: all of them, in order, without repeats;
- every other field (title, authors, url, ...): the first non-empty.

Each rule is a join: merging is associative, and merging a copy that was
already merged in changes nothing. That is what makes streaming exact (the
stored paper is the merge of every copy read before) and a rerun idempotent.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import fields, replace
from typing import Any

from ingest.records import PaperRecord

_HIGHEST = ("upvotes", "cited_by_count")
_UNION = ("sources", "links", "categories")
_DATE = ("published", "published_approximate")


def dedupe(records: Iterable[PaperRecord]) -> list[PaperRecord]:
    merged: dict[str, PaperRecord] = {}
    for record in records:
        seen = merged.get(record.id)
        merged[record.id] = record if seen is None else merge(seen, record)
    return list(merged.values())


def merge(first: PaperRecord, other: PaperRecord) -> PaperRecord:
    """`first` (the earlier or stored copy) and `other` as one record."""
    changes: dict[str, Any] = {}
    for field in fields(first):
        name = field.name
        a, b = getattr(first, name), getattr(other, name)
        if name in _DATE:
            continue
        if name == "abstract":
            value = a if len(a or "") >= len(b or "") else b
        elif name in _HIGHEST:
            value = max((v for v in (a, b) if v is not None), default=None)
        elif name in _UNION:
            value = tuple(a) + tuple(v for v in b if v not in a)
        else:
            value = a if _filled(a) else b
        if value != a:
            changes[name] = value
    dated = [r for r in (first, other) if r.published]
    if dated:
        best = min(dated, key=lambda r: (r.published_approximate, r.published))
        changes.update(published=best.published, published_approximate=best.published_approximate)
    return replace(first, **changes) if changes else first


def _filled(value: Any) -> bool:
    return value is not None and value != "" and value != ()
