"""Which records are one paper, and what that paper says: ONE policy, used
within a run (`dedupe`, `PaperIndex`) and against the paper already stored
(`ingest.load.Loader.plan`), so reading the same listings in one run, in
several runs, in any order, or again after an interruption gives the same
paper.

Identity. Records with the same id (`arxiv:`, `doi:`, else the `title:` key
of the normalised title) are one paper. A title-keyed record (a Daily Papers
dump entry, a BibTeX entry without DOI) also joins a paper with an arXiv id
or DOI whose title has the same key; when several do, the one `_id_rank`
puts first. So an arXiv id or DOI always wins, and a stored title-keyed
paper is retired (merged in, then deleted) once its arXiv copy turns up.
Two different arXiv ids or DOIs are never merged, even with equal titles.

Fields. `merge` keeps, field by field:

- id: an arXiv id, then a DOI, then the title key;
- url: an arxiv.org page, then a doi.org one, then any other;
- published: an exact date over an approximate one (a month derived from
  the arXiv id, a year), then the earliest (listings disagree on an exact
  date only when one had to infer a missing year, and the inference picks
  the latest year possible);
- upvotes, cited_by_count, authors_count: the highest (counts only grow);
- listed: the earliest day a listing showed it;
- abstract, organization: the longest (pages sometimes truncate);
- title: a mixed-case one over an all-caps or all-lowercase one, then the
  longest; authors: the longest list;
- sources: all of them, sorted; links, categories: all of them, the longer
  list first (so arXiv's primary category stays first), then the other's.

Ties go to the value that sorts first. Every scalar rule picks by the value
alone, so merging is commutative, associative and idempotent: a stored
paper (the merge of every copy read before) merged with a new copy is what
one run over all copies gives, whatever the order.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields, replace
from typing import Any

from ingest.records import PaperRecord


def _id_rank(paper_id: str) -> tuple:
    return ({"arxiv": 0, "doi": 1}.get(paper_id.partition(":")[0], 2), paper_id)


def _url_rank(url: str) -> tuple:
    host = url.split("://", 1)[-1]
    return (0 if host.startswith(("arxiv.org/", "www.arxiv.org/")) else 1 if host.startswith("doi.org/") else 2, url)


def _title_rank(title: str) -> tuple:
    return (title.isupper() or title.islower(), -len(title), title)


def _longest(value: Any) -> tuple:
    return (-len(value), value)


def _date_rank(record: PaperRecord) -> tuple:
    return (record.published_approximate, record.published)


# Field -> the key whose smallest value wins (among copies that have the field).
_PICK: dict[str, Callable[[Any], Any]] = {
    "id": _id_rank,
    "url": _url_rank,
    "title": _title_rank,
    "abstract": _longest,
    "organization": _longest,
    "authors": _longest,
    "listed": lambda day: day,
}
_HIGHEST = ("upvotes", "cited_by_count", "authors_count")
_LONGER_FIRST = ("links", "categories")
_DATE = ("published", "published_approximate")


def merge(first: PaperRecord, other: PaperRecord) -> PaperRecord:
    """`first` and `other`, two copies of one paper, as one record; the
    same whichever is which."""
    changes: dict[str, Any] = {}
    for name in (f.name for f in fields(first)):
        a, b = getattr(first, name), getattr(other, name)
        if name in _DATE or a == b:
            continue
        if name in _PICK:
            value = min((v for v in (a, b) if _filled(v)), key=_PICK[name], default=a)
        elif name in _HIGHEST:
            value = max((v for v in (a, b) if v is not None), default=None)
        elif name == "sources":
            value = tuple(sorted(set(a) | set(b)))
        elif name in _LONGER_FIRST:
            lead, rest = sorted((tuple(a), tuple(b)), key=_longest)
            value = lead + tuple(v for v in rest if v not in lead)
        else:
            raise TypeError(f"no merge rule for PaperRecord.{name}")
        if value != a:
            changes[name] = value
    dated = [r for r in (first, other) if r.published]
    if dated:
        best = min(dated, key=_date_rank)
        if (best.published, best.published_approximate) != (first.published, first.published_approximate):
            changes.update(published=best.published, published_approximate=best.published_approximate)
    return replace(first, **changes) if changes else first


def is_title_keyed(paper_id: str) -> bool:
    return paper_id.startswith("title:")


@dataclass(frozen=True)
class Added:
    """What `PaperIndex.add` did: the merged paper, what was known of it
    before (None: nothing), and the title-keyed paper it absorbed."""

    paper: PaperRecord
    base: PaperRecord | None
    absorbed: str | None


@dataclass
class PaperIndex:
    """Papers merged so far, by id and by title key (the within-run half of
    the identity rule; the loader adds the stored papers to it)."""

    papers: dict[str, PaperRecord] = field(default_factory=dict)
    # title key -> ids with an arXiv id or DOI whose title has that key
    strong: dict[str, set[str]] = field(default_factory=dict)

    def target(self, record: PaperRecord) -> str:
        """The id `record` is merged under: a title-keyed record joins a
        known paper with an arXiv id or DOI and the same title key."""
        if is_title_keyed(record.id) and (ids := self.strong.get(record.title_key)):
            return min(ids, key=_id_rank)
        return record.id

    def add(self, record: PaperRecord) -> "Added":
        """Merge `record` in: under its own id, or the id of the paper with
        an arXiv id or DOI it joins; such a paper absorbs the title-keyed
        paper of its title (which stops being a paper of its own)."""
        if (target := self.target(record)) != record.id:
            record = replace(record, id=target)
        base, absorbed = self.papers.get(record.id), None
        if not is_title_keyed(record.id) and record.title_key in self.papers:
            absorbed = record.title_key
            retired = self.papers.pop(absorbed)
            base = retired if base is None else merge(base, retired)
        merged = record if base is None else merge(base, record)
        self.put(merged)
        return Added(merged, base, absorbed)

    def put(self, record: PaperRecord) -> None:
        old = self.papers.get(record.id)
        if old is not None and old.title_key != record.title_key:
            self.strong.get(old.title_key, set()).discard(record.id)
        self.papers[record.id] = record
        if not is_title_keyed(record.id):
            self.strong.setdefault(record.title_key, set()).add(record.id)


def dedupe(records: Iterable[PaperRecord]) -> list[PaperRecord]:
    """The papers among `records`, merged copies first-seen order."""
    index = PaperIndex()
    for record in records:
        index.add(record)
    return list(index.papers.values())


def _filled(value: Any) -> bool:
    return value is not None and value != "" and value != ()
