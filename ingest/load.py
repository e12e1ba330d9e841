"""Loading: records → extraction → entity links → the graph.

Re-ingesting is safe and cheap: a paper whose record and extraction setup
(model and curation) are unchanged is neither re-extracted nor rewritten
beyond its `sources`; a changed one has its links replaced. Entity
properties and co-occurrence are then recomputed for the entities touched.
"""
from __future__ import annotations

import hashlib
import json
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass
from typing import Callable, Iterable, Sequence

from graph import queries
from graph.schema import NODE_LABEL
from graph.store import GraphStore
from ingest.curation import Curation
from ingest.mentions import EntityLink, ExtractedDoc
from ingest.normalize import alias_key, resolve
from ingest.records import PaperRecord

KEY_BATCH = 200
Progress = Callable[[int], None]


@dataclass
class LoadSummary:
    papers_new: int = 0
    papers_updated: int = 0
    papers_unchanged: int = 0
    papers_extracted: int = 0


def paper_text(record: PaperRecord) -> str:
    """What extraction reads: the title, then the abstract."""
    return f"{record.title}\n\n{record.abstract}" if record.abstract else record.title


def record_hash(record: PaperRecord) -> str:
    fields = asdict(record)
    fields.pop("sources")  # where it was read from is not what it says
    return hashlib.sha1(json.dumps(fields, sort_keys=True).encode()).hexdigest()[:16]


def extraction_id(pipeline: str, curation: Curation) -> str:
    """What decides a paper's links besides its text: the pipeline (name and
    version) and the curation. A change to either re-extracts every paper."""
    rules = json.dumps(
        [sorted(curation.merges.items()), sorted(curation.dropped), sorted(curation.labels.items())]
    )
    return f"{pipeline}:{hashlib.sha1(rules.encode()).hexdigest()[:12]}"


def load_records(
    store: GraphStore,
    records: Sequence[PaperRecord],
    *,
    extract: Callable[[Iterable[tuple[str, str]]], Iterable[ExtractedDoc]],
    extraction: str,
    curation: Curation,
    on_extracted: Progress | None = None,
) -> LoadSummary:
    summary = LoadSummary()
    existing = {
        row["id"]: row
        for batch in _batches([r.id for r in records], KEY_BATCH)
        for row in store.read(queries.EXISTING_PAPERS, {"ids": batch}).records()
    }
    hashes = {r.id: record_hash(r) for r in records}
    to_extract: list[PaperRecord] = []
    for record in records:
        before = existing.get(record.id)
        if before is None:
            summary.papers_new += 1
        elif before["record_hash"] != hashes[record.id]:
            summary.papers_updated += 1
        else:
            summary.papers_unchanged += 1
        if before is None or before["record_hash"] != hashes[record.id] or before["extraction_id"] != extraction:
            to_extract.append(record)

    store.write_rows(queries.UPSERT_PAPERS, [_paper_row(r, hashes[r.id]) for r in records])

    docs = []
    for doc in extract((r.id, paper_text(r)) for r in to_extract):
        docs.append(doc)
        if on_extracted:
            on_extracted(1)
    links = resolve(docs, known_aliases(store), curation)
    summary.papers_extracted = len(to_extract)

    ids = [r.id for r in to_extract]
    touched = {row[0] for batch in _batches(ids, KEY_BATCH) for row in store.read(queries.LINKED_ENTITY_KEYS, {"ids": batch}).rows}
    for batch in _batches(ids, KEY_BATCH):
        store.write(queries.CLEAR_PAPER_LINKS, {"ids": batch})
    store.write_rows(queries.WRITE_MENTIONS, [_link_row(link) for link in links])
    store.write_rows(queries.WRITE_PROPOSES, [_link_row(link) for link in links if link.proposed])
    for batch in _batches(ids, KEY_BATCH):
        store.write(queries.MARK_EXTRACTED, {"ids": batch, "extraction_id": extraction})
    touched |= {link.key for link in links}
    refresh_entities(store, sorted(touched))
    return summary


def known_aliases(store: GraphStore) -> dict[str, str]:
    """Alias normal form → entity key, so an acronym defined in an earlier
    run joins the entity it was defined for."""
    table: dict[str, str] = {}
    for key, aliases in store.read(queries.KNOWN_ALIASES).rows:
        for alias in aliases or ():
            table.setdefault(alias_key(alias), key)
    return table


def refresh_entities(store: GraphStore, keys: Sequence[str]) -> None:
    """Recompute the derived properties and co-occurrence edges of `keys`."""
    for batch in _batches(list(keys), KEY_BATCH):
        store.write(queries.DELETE_ORPHAN_ENTITIES, {"keys": batch})
        rows_by_label: dict[str, list[dict]] = defaultdict(list)
        for row in _entity_rows(store.read(queries.ENTITY_MENTIONS, {"keys": batch}).records()):
            rows_by_label[row.pop("node_label")].append(row)
        for label, rows in rows_by_label.items():
            store.write_rows(queries.UPDATE_ENTITIES[label], rows)
        store.write(queries.CLEAR_CO_OCCURRENCE, {"keys": batch})
        store.write(queries.WRITE_CO_OCCURRENCE, {"keys": batch})


def _entity_rows(mentions: Iterable[dict]) -> list[dict]:
    by_key: dict[str, list[dict]] = defaultdict(list)
    for mention in mentions:
        by_key[mention["key"]].append(mention)
    rows = []
    for key, found in by_key.items():
        labels = Counter()
        surfaces = Counter()
        for mention in found:
            labels[mention["label"]] += 1
            for rank, surface in enumerate(mention["surfaces"] or ()):
                # The paper's most frequent form counts fully, its other forms a little,
                # so a long form spelled out once does not outvote the usual acronym.
                surfaces[surface] += mention["count"] if rank == 0 else 1
        dates = sorted(m["published"] for m in found if m["published"])
        name = surfaces.most_common(1)[0][0] if surfaces else key
        aliases = sorted(surfaces, key=lambda s: (-surfaces[s], s))
        rows.append(
            {
                "key": key,
                "node_label": _majority_label(labels),
                "name": name,
                "aliases": aliases,
                "paper_count": len(found),
                "mention_count": sum(m["count"] for m in found),
                "first_seen": dates[0] if dates else None,
                "last_seen": dates[-1] if dates else None,
                "search_text": " | ".join(aliases),
            }
        )
    return rows


def _majority_label(labels: Counter) -> str:
    # Ties go to the more specific reading: a resource called a benchmark
    # anywhere is a benchmark.
    preference = ("Benchmark", "Dataset", "Method", "Task", "Metric")
    return max(labels, key=lambda label: (labels[label], -preference.index(label)))


def _paper_row(record: PaperRecord, digest: str) -> dict:
    return {
        "id": record.id,
        "title": record.title,
        "abstract": record.abstract,
        "published": record.published,
        "upvotes": record.upvotes,
        "authors": list(record.authors),
        "authors_count": record.authors_count,
        "organization": record.organization,
        "url": record.url,
        "sources": list(record.sources),
        "record_hash": digest,
    }


def _link_row(link: EntityLink) -> dict:
    return {
        "paper_id": link.paper_id,
        "key": link.key,
        "label": NODE_LABEL[link.label],
        "surfaces": list(link.surfaces),
        "count": link.count,
        "evidence": link.evidence,
    }


def _batches(items: list, size: int) -> Iterable[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
