"""The review loop: one correction to an entity (merge it into another,
relabel it, drop it, keep it, mark it a variant of another), written to the
curation file and applied to the graph at once.

    apply(store, curation_path, Action("merge", "coco-14", "coco"))
    uncertain(store, limit=20)          # what to review first

An action means exactly what the same line written into the curation file
by hand means (see ingest/curation.py), and leaves the graph exactly as
editing the file and re-ingesting would:

- merge, relabel and drop decide papers' links, so the papers linked to the
  entity are re-extracted under the new curation through the ingest's own
  Loader (counts, labels, display names, CO_OCCURS, orphans: all as an
  ingest writes them); every other paper would come out of a re-ingest as
  it is, so its extraction id is moved to the new curation's. A later
  ingest therefore re-extracts nothing for the action (and would redo it
  whole, not twice, if the graph missed it).
- a variant links two entities and is not part of the extraction id:
  `apply_variants` makes the curated VARIANT_OF links those the file
  names, here and after every ingest. A kept name is not part of it either:
  `load.apply_kept` scores the entities the file keeps, or stopped keeping,
  again from their stored tallies.

The file is changed under a lock and replaced atomically (written beside
it, then renamed), keeping its comments and layout (tomlkit), so two app
workers and a person editing it do not lose each other's lines. The graph
part holds the ingest lock: it never runs beside an ingest or another action.
"""
from __future__ import annotations

import fcntl
import os
import re
import tempfile
import time
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterator

import tomlkit

from graph import queries
from graph.dialect import ENTITY_LABELS
from graph.settings import MIN_CONFIDENCE
from graph.store import GraphStore
from ingest import variants
from ingest.confidence import field_reading
from ingest.corpus_labels import label_agreement
from ingest.curation import Curation, CurationError, curation_key
from ingest.extract import load_extractor
from ingest.fingerprint import extraction_fingerprint
from ingest.load import apply_kept, load_records, stored_record
from ingest.lock import IngestLocked, ingest_lock
from ingest.normalize import merge_candidates

KINDS = ("merge", "relabel", "drop", "keep", "variant")
LOCK_WAIT = 30.0  # seconds an action waits for a running ingest or action before giving up

ENTITY = """
MATCH (e:Entity {key: $key})
RETURN e.key AS key, e.name AS name, e.label AS label, e.aliases AS aliases, e.paper_count AS papers
"""

LINKED_PAPERS = "MATCH (p:Paper)-[:MENTIONS]->(:Entity {key: $key}) RETURN properties(p) AS paper"

EXTRACTION_IDS = "MATCH (p:Paper) RETURN p.extraction_id AS id, count(*) AS papers ORDER BY papers DESC"

RESTAMP = """
MATCH (p:Paper) WHERE p.extraction_id = $old
SET p.extraction_id = $new
RETURN count(p) AS papers
"""

EXISTING_KEYS = "UNWIND $keys AS key MATCH (e:Entity {key: key}) RETURN e.key AS key"

# VARIANT_OF only ever links two entities; without end labels the stores
# find curated links by the relationship index on `curated` (with them
# FalkorDB scanned every Entity: 1.9 s on the 40k graph for 1,406 links).
CURATED_VARIANT_LINKS = "MATCH (a)-[r:VARIANT_OF]->(b) WHERE r.curated = true RETURN a.key AS variant, b.key AS base"

WRITE_CURATED_VARIANTS = """
UNWIND $rows AS row
MATCH (a:Entity {key: row.variant}), (b:Entity {key: row.base})
MERGE (a)-[r:VARIANT_OF]->(b)
SET r.curated = true
"""

DELETE_VARIANT_LINKS_OF = """
UNWIND $rows AS row
MATCH (:Entity {key: row.variant})-[r:VARIANT_OF]->(:Entity)
DELETE r
"""

ENTITY_NAMES_OF = """
UNWIND $keys AS key
MATCH (e:Entity {key: key})
RETURN e.key AS key, coalesce(e.name, e.key) AS name, e.label AS label
"""

REVIEW_ENTITIES = """
MATCH (e:Entity)
WHERE e.confidence < $threshold OR e.paper_count >= 2
RETURN e.key AS key, e.label AS label, e.name AS name, e.aliases AS aliases, e.paper_count AS papers,
       e.confidence AS confidence, e.kb_id AS kb_id, e.label_votes AS votes, e.umbrella AS umbrella
"""

ALL_ENTITIES = """
MATCH (e:Entity)
RETURN e.key AS key, e.label AS label, e.name AS name, e.aliases AS aliases, e.paper_count AS papers
"""
# Near-duplicate names are looked for among entities whose keys start alike
# (all pairs of 100k entities would take minutes).
BLOCK_PREFIX = 2


class ReviewError(ValueError):
    """An action that cannot be applied (unknown entity, bad target, a
    cycle of merges); the message says why."""


@dataclass(frozen=True)
class Action:
    kind: str  # one of KINDS
    entity: str  # the entity's key
    target: str | None = None  # merge, variant: the other entity's key; relabel: a node label ("Benchmark")


@dataclass(frozen=True)
class Applied:
    action: Action
    line: str  # what was written into the curation file
    papers_reextracted: int
    papers_restamped: int
    selected: str | None  # the entity to show afterwards (the merge target; None after a drop)


# ---------------------------------------------------------------- the file


def curation_line(kind: str, name: str, target: str | None) -> str:
    """The line an action writes, as a person would write it."""
    if kind in _LISTS:
        return f'[{kind}] names = [..., {_quoted(name)}]'
    return f"[{kind}] {_quoted(name)} = {_quoted(target or '')}"


def write_action(path: str | Path, kind: str, name: str, target: str | None = None) -> Curation:
    """Add one entry to the curation file at `path` (created if missing) and
    return the curation it now holds. Under an exclusive lock the file is
    read again, changed, checked (a cycle of merges is refused and nothing
    is written) and replaced atomically, keeping its comments."""
    if kind not in KINDS:
        raise ReviewError(f"unknown action {kind!r}; use one of {', '.join(KINDS)}")
    path = Path(path)
    with _file_lock(path):
        text = path.read_text(encoding="utf-8") if path.exists() else ""
        Curation.load(path)  # a file broken by hand is reported as it is, not overwritten
        document = tomlkit.parse(text)
        if kind in _LISTS:
            for other in (section for section in _LISTS if section != kind):  # dropped or kept: the last decision
                names = document.get(other, {}).get("names", [])
                for index in reversed([i for i, n in enumerate(names) if curation_key(n) == curation_key(name)]):
                    del names[index]
            table = document.setdefault(kind, tomlkit.table())
            names = table.setdefault("names", tomlkit.array())
            if curation_key(name) not in {curation_key(n) for n in names}:
                names.append(name)
        else:
            table = document.setdefault(kind, tomlkit.table())
            for written in [k for k in table if curation_key(k) == curation_key(name)]:
                del table[written]  # the newest decision about a name replaces the older one
            table[name] = target
        new_text = tomlkit.dumps(document)
        try:
            curation = Curation.from_mapping(tomlkit.parse(new_text).unwrap())
        except CurationError as error:
            raise ReviewError(f"{path}: not written: {str(error).split(': ', 1)[-1]}") from None
        _replace(path, new_text)
    return curation


_LISTS = ("drop", "keep")  # the sections that are a list of names


@contextmanager
def _file_lock(path: Path) -> Iterator[None]:
    lock = path.with_name(path.name + ".lock")
    lock.parent.mkdir(parents=True, exist_ok=True)
    with os.fdopen(os.open(lock, os.O_RDWR | os.O_CREAT, 0o600), "a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _replace(path: Path, text: str) -> None:
    """Write `text` to a file beside `path` and rename it over `path`: a
    reader sees the old file or the new one, never half of one."""
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        if path.exists():
            os.chmod(temp, path.stat().st_mode & 0o777)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    directory = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)


def _quoted(name: str) -> str:
    return tomlkit.string(name).as_string()


# ---------------------------------------------------------------- the graph


@dataclass(frozen=True)
class _Entity:
    key: str
    name: str
    label: str
    aliases: tuple[str, ...]
    papers: int

    def written(self) -> str:
        """A name for it in the curation file: one that means it (`curation_key`:
        its display name if it does, else an alias, else the key itself)."""
        for form in (self.name, *self.aliases, self.key):
            if form and curation_key(form) == self.key:
                return form
        raise ReviewError(f"{self.name!r} ({self.key}) cannot be named in the curation file")


def _entity(store: GraphStore, key: str | None) -> _Entity:
    rows = store.read(ENTITY, {"key": key}).records() if key else []
    if not rows:
        raise ReviewError(f"no entity {key!r} in the graph (any more)")
    row = rows[0]
    return _Entity(row["key"], row["name"] or row["key"], row["label"], tuple(row["aliases"] or ()), row["papers"] or 0)


def apply(store: GraphStore, curation_path: str | Path, action: Action, model: str | None = None) -> Applied:
    """Write `action` to the curation file and apply it to the graph."""
    entity = _entity(store, action.entity)
    if action.kind in ("merge", "variant"):
        other = _entity(store, action.target)
        if other.key == entity.key:
            raise ReviewError(f"{entity.name!r} cannot be {'merged into' if action.kind == 'merge' else 'a variant of'} itself")
        target = other.written()
    elif action.kind == "relabel":
        if action.target not in ENTITY_LABELS:
            raise ReviewError(f"label {action.target!r} is not one of {', '.join(ENTITY_LABELS)}")
        target = action.target.upper()
    elif action.kind in _LISTS:
        target = None
    else:
        raise ReviewError(f"unknown action {action.kind!r}; use one of {', '.join(KINDS)}")
    name = entity.written()
    model = model or stored_model(store)
    path = Path(curation_path)
    with _graph_lock(store):
        old = Curation.load(path)
        before = path.read_text(encoding="utf-8") if path.exists() else None
        new = write_action(path, action.kind, name, target)
        try:
            reextracted = restamped = 0
            if action.kind not in ("variant", "keep"):
                reextracted, restamped = _relink(store, entity.key, old, new, model)
            apply_variants(store, new)
            apply_kept(store, new)
        except BaseException:
            _take_back(path, before, new)
            raise
    selected = {"merge": new.target(entity.key), "drop": None}.get(action.kind, entity.key)
    return Applied(action, curation_line(action.kind, name, target), reextracted, restamped, selected)


def _take_back(path: Path, before: str | None, written: Curation) -> None:
    """The graph could not be changed: put the file back as it was, unless
    someone changed it since (the graph is then made whole by the next
    ingest, which finds the curation changed)."""
    with _file_lock(path):
        if Curation.load(path) != written:
            return
        if before is None:
            path.unlink(missing_ok=True)
        else:
            _replace(path, before)


@contextmanager
def _graph_lock(store: GraphStore) -> Iterator[None]:
    """The ingest lock, waited for at most LOCK_WAIT seconds: a web request
    must not hang behind a long ingest."""
    deadline = time.monotonic() + LOCK_WAIT
    while True:
        try:
            with ingest_lock(store, wait=False):
                yield
            return
        except IngestLocked:
            if time.monotonic() > deadline:
                raise ReviewError("an ingest into this graph is running; nothing was changed, try again when it is done") from None
            time.sleep(0.2)


def _relink(store: GraphStore, key: str, old: Curation, new: Curation, model: str) -> tuple[int, int]:
    """Re-extract the papers linked to `key` under `new`, then move every
    paper stamped with the old curation's extraction id to the new one."""
    old_id, new_id = extraction_fingerprint(model, old), extraction_fingerprint(model, new)
    papers = sorted((paper for (paper,) in store.read(LINKED_PAPERS, {"key": key}).rows), key=lambda p: p["id"])
    records = [stored_record(paper) for paper in papers]
    load_records(store, records, extract=lambda texts: _extractor(model).extract(texts, workers=1),
                 extraction=new_id, curation=new)
    restamped = store.write(RESTAMP, {"old": old_id, "new": new_id}).rows[0][0] if old_id != new_id else 0
    return len(records), restamped


@lru_cache(maxsize=2)
def _extractor(model: str):
    """Loaded once per process (a few seconds), on the first action that needs it."""
    return load_extractor(model)


def stored_model(store: GraphStore) -> str:
    """The extraction model most of the graph's papers were extracted with
    (an extraction id starts with it: "fast:..."; before fingerprints, "fast@0.5.2")."""
    rows = store.read(EXTRACTION_IDS, limit=1).rows
    return re.split(r"[:@]", rows[0][0] or "fast", maxsplit=1)[0] if rows else "fast"


def apply_variants(store: GraphStore, curation: Curation) -> bool:
    """Make the graph's curated VARIANT_OF links (`curated: true`) those the
    curation names between entities the graph holds. A curated link replaces
    its variant's automatic one; a curated link taken away gives the variant
    its automatic link back: what `variants.refresh` would leave, for the
    variants concerned only. Returns whether anything changed."""
    want = curation.variant_links()
    keys = sorted({key for pair in want for key in pair})
    existing = {row[0] for row in store.read(EXISTING_KEYS, {"keys": keys}).rows} if keys else set()
    want = {(v, b) for v, b in want if v in existing and b in existing}
    have = {(v, b) for v, b in store.read(CURATED_VARIANT_LINKS).rows}
    if want == have:
        return False
    changed = sorted({v for v, _ in want ^ have})
    store.write_rows(DELETE_VARIANT_LINKS_OF, [{"variant": v} for v in changed])
    curated = [{"variant": v, "base": b} for v, b in sorted(want) if v in changed]
    store.write_rows(WRITE_CURATED_VARIANTS, curated)
    released = [v for v in changed if v not in {row["variant"] for row in curated}]
    store.write_rows(queries.WRITE_VARIANT_OF, [{"variant": link.variant, "base": link.base}
                                                for link in _automatic_links(store, released)])
    return True


def _automatic_links(store: GraphStore, keys: list[str]) -> list[variants.VariantLink]:
    """The automatic VARIANT_OF links of the entities `keys`, found among
    their possible bases the graph holds."""
    if not keys:
        return []
    own = store.read(ENTITY_NAMES_OF, {"keys": keys}).rows
    bases = sorted({b for _, name, _ in own for b in variants.base_keys(name)})
    found = store.read(ENTITY_NAMES_OF, {"keys": bases}).rows if bases else []
    return [link for link in variants.variant_links([tuple(r) for r in own + found]) if link.variant in keys]


# ---------------------------------------------------------------- what to review


@dataclass(frozen=True)
class ReviewItem:
    """An uncertain entity, what fixing it would mean, and how many papers
    that fix would change."""

    papers: int
    key: str
    name: str
    label: str
    reason: str
    action: Action
    line: str  # the curation line that would apply the suggestion

    def as_row(self) -> tuple[str, ...]:
        return (str(self.papers), self.name, self.label, self.reason, self.line)


def uncertain(store: GraphStore, limit: int = 50) -> list[ReviewItem]:
    """Uncertain entities ranked by how many papers fixing them would change
    (whose links the fix rewrites): suspected duplicates (near-identical
    names, by rapidfuzz; the one in fewer papers merged into the other: its
    papers), entities whose papers disagree on their type (relabelled as
    most papers read it: the papers reading it otherwise), candidates that
    look like a variant of a stored entity, and other candidates (their
    papers). One item per entity, its fix that changes most papers."""
    pool = [tuple(r) for r in store.read(ALL_ENTITIES).rows]
    by_key = {row[0]: _Entity(row[0], row[2] or row[0], row[1], tuple(row[3] or ()), row[4] or 0) for row in pool}
    blocks: dict[str, list[tuple]] = {}
    for row in pool:
        blocks.setdefault(row[0][:BLOCK_PREFIX], []).append(row)
    items: list[ReviewItem] = []
    for candidate in (c for block in blocks.values() if len(block) > 1 for c in merge_candidates(block)):
        a, b = by_key[candidate.key], by_key[candidate.other_key]
        small, big = sorted((a, b), key=lambda e: (e.papers, e.key))
        items.append(_item(small, small.papers, f"spelled like {big.name} ({big.papers} papers)",
                           Action("merge", small.key, big.key), big))
    rows = store.read(REVIEW_ENTITIES, {"threshold": MIN_CONFIDENCE}).records()
    linked = {variant for variant, _ in store.read(queries.VARIANT_LINKS).rows}
    for row in rows:
        entity = _Entity(row["key"], row["name"] or row["key"], row["label"], tuple(row["aliases"] or ()), row["papers"] or 0)
        votes = Counter(dict(zip(ENTITY_LABELS, row["votes"] or ())))
        agreeing = round(label_agreement(votes, entity.label) * sum(votes.values()))
        if not row["kb_id"] and entity.papers >= 2 and agreeing < sum(votes.values()):
            readings = ", ".join(f"{label} {n}" for label, n in votes.most_common() if n)
            items.append(_item(entity, sum(votes.values()) - agreeing, f"its papers disagree on its type ({readings})",
                               Action("relabel", entity.key, entity.label), entity.label.upper()))
        elif (row["confidence"] is not None and row["confidence"] < MIN_CONFIDENCE
              and not field_reading(entity.key, entity.label, entity.name) and not row["umbrella"]):  # hidden by rule, not in doubt
            base = None if entity.key in linked else \
                next((by_key[k] for k in variants.base_keys(entity.name) if k in by_key and k != entity.key), None)
            if base:
                items.append(_item(entity, entity.papers, f"candidate; looks like a variant of {base.name} ({base.label})",
                                   Action("variant", entity.key, base.key), base))
            else:
                items.append(_item(entity, entity.papers, f"candidate (confidence {row['confidence'] or 0:.2f}); "
                                   f"drop it if it is noise, or keep it ([keep]) if it names one thing",
                                   Action("drop", entity.key), None))
    best: dict[str, ReviewItem] = {}
    for item in sorted(items, key=lambda i: (-i.papers, _KIND_ORDER[i.action.kind], i.name)):
        best.setdefault(item.key, item)
    return list(best.values())[:limit]


_KIND_ORDER = {"merge": 0, "variant": 1, "relabel": 2, "drop": 3}


def _item(entity: _Entity, papers: int, reason: str, action: Action, target: _Entity | str | None) -> ReviewItem:
    try:  # a graph keyed by an older release names some entities so no more, until the next ingest re-keys them
        line = curation_line(action.kind, entity.written(), target.written() if isinstance(target, _Entity) else target)
    except ReviewError:
        line = "(cannot be named in the curation file)"
    return ReviewItem(papers, entity.key, entity.name, entity.label, reason, action, line)
