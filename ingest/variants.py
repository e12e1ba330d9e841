"""Corpus-level structure, kept in line with the entities after every load.

Versions and variants as structure: ImageNet-1K, "COCO 2014", HumanEval+,
GPT-4o and Llama-2-7B keep entities of their own (their results are not
their base's) and are linked `(variant)-[:VARIANT_OF]->(base)` to the
nearest base the graph holds: ImageNet, COCO, HumanEval, GPT-4, Llama 2.

A base is found by peeling one variant mark off the end of the display name
at a time; each peeled name is looked up by its `alias_key`, so "Llama-2"
and "Llama 2" are one base.

Display names are made unique: entities sharing one (an acronym defined
differently in different papers), or names a reader does not tell apart
("PLM" and "PLMs"), get a qualifier (`qualified_names`).

Incremental by construction: both depend on entities a load did not touch
(a new "GPT-4" is the base of a stored "GPT-4o"), but only through two
indexed properties every entity stores beside its name (`name_properties`):
`name_clash`, its name as a reader tells it apart (the entities a touched
entity's name clashes with), and `base_keys`, the keys it may hang under (the stored
variants of a touched base). `refresh(store, touched)` therefore reads the
touched entities and their neighbours in this sense only, and leaves what a
refresh over all entities (`refresh(store)`) leaves.
"""
from __future__ import annotations

import hashlib
import inspect
import json
import os
import re
import textwrap
import time
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from graph import queries
from graph.store import GraphStore
from ingest.faults import kill_point
from ingest.fingerprint import code_digest
from ingest.lock import lock_path
from ingest.normalize import abbreviates, alias_key, without_definition

_SUFFIX_WORDS = (r"(?:Instruct|Chat|Base|Large|Small|Tiny|Mini|Medium|XL|XXL|Turbo|Pro|"
                 r"Plus|Lite|Flash|Ultra|Max|Verified|Hard|Preview|Vision|VL|Audio|Omni|Code|Coder|Math|Distill)")
# A language's edition of a benchmark or data set ("BrowseComp-en" beside
# BrowseComp, which both judges of seed 122 had called a duplicate of it).
# Two codes only: the field's editions are English and Chinese, and other
# codes end names that are no editions ("CMA-ES").
_LANGUAGE_CODES = r"(?:en|zh|cn)"
# One mark at the end of a name, each needing a separator (or a "v") so that
# GSM8K or T5 are not read as "GSM" or "T" plus a number.
_MARKS = (
    re.compile(r"^(?P<base>.+?)\s*\++$"),  # HumanEval+, MBPP++
    re.compile(r"^(?P<base>.*[A-Za-z].*?)[-\s_]+(?:19|20)\d\d$"),  # COCO 2014, WMT-2016
    re.compile(r"^(?P<base>.*[A-Za-z].*?)[-\s_]+\d{2,4}[xX×]\d{2,4}$"),  # ImageNet 64x64
    re.compile(r"^(?P<base>.*[A-Za-z].*?)[-\s_]+\d+(?:\.\d+)?[KkMBT]$"),  # ImageNet-1K, Llama-2-7B, Qwen2.5 72B
    re.compile(r"^(?P<base>.*[A-Za-z].*?)[-\s_]+" + _SUFFIX_WORDS + "$", re.I),
    re.compile(r"^(?P<base>.*[A-Za-z].*?)[-_]" + _LANGUAGE_CODES + "$", re.I),  # BrowseComp-ZH, GEdit-Bench-EN
    re.compile(r"^(?P<base>.*[A-Za-z].*?\d)[a-z]{1,2}$"),  # GPT-4o, GPT-4V is upper: see next
    re.compile(r"^(?P<base>.*[A-Za-z].*?\d)V$"),  # GPT-4V
    re.compile(r"^(?P<base>.*[A-Za-z]{2}.*?)(?:[-\s_]+v?|v)\d+(?:\.\d+)*$"),  # GPT-4 -> GPT, YOLOv8, Llama 2
    re.compile(r"^(?P<base>.*[A-Za-z]{3})\d+(?:\.\d+)*$"),  # Qwen2.5, Llama3
)
# What every mark needs: a digit, a trailing "+" or a suffix word after a
# separator. Most names have none, and the marks' backtracking costs them
# 0.1-3 ms each (more the longer the name); this one pass tells them first.
_MAY_BE_MARKED = re.compile(r"\d|\+$|[-\s_]" + _SUFFIX_WORDS + "$|[-_]" + _LANGUAGE_CODES + "$", re.I)


def peeled(name: str) -> Iterator[str]:
    """The names left after taking variant marks off `name`, one at a time,
    nearest first: Llama-2-7B-Chat -> Llama-2-7B, Llama-2, Llama."""
    current = name.strip()
    while _MAY_BE_MARKED.search(current):
        for mark in _MARKS:
            found = mark.match(current)
            if found and found.group("base").strip(" -_"):
                current = found.group("base").strip(" -_")
                yield current
                break
        else:
            return


def base_keys(name: str) -> list[str]:
    """Keys a variant named `name` may hang under, nearest first."""
    return list(_base_keys(name))


@lru_cache(maxsize=200_000)  # every refresh peels every name; an app applying review actions refreshes often
def _base_keys(name: str) -> tuple[str, ...]:
    own = alias_key(name)
    keys: list[str] = []
    for candidate in peeled(name):
        key = alias_key(candidate)
        if key and key != own and key not in keys:
            keys.append(key)
    return tuple(keys)


@dataclass(frozen=True)
class VariantLink:
    variant: str  # entity key
    base: str


_GROUP = {"Benchmark": "Dataset"}  # a benchmark's variant may be a dataset and back


def variant_links(entities: Iterable[tuple[str, str, str]]) -> list[VariantLink]:
    """For (key, display name, label) of every entity, a link from each
    variant to the nearest base of the same type among those entities (a
    model Math-7B is no variant of the benchmark MATH)."""
    entities = list(entities)
    group = {key: _GROUP.get(label, label) for key, _, label in entities}
    links = []
    for key, name, label in entities:
        own = _GROUP.get(label, label)
        base = next((b for b in base_keys(name or key) if group.get(b) == own and b != key), None)
        if base:
            links.append(VariantLink(key, base))
    return links



@dataclass(frozen=True)
class NamedEntity:
    key: str
    name: str
    label: str
    papers: int
    aliases: tuple[str, ...] = ()


# Two display names read as one when they differ only in case, spacing,
# hyphens or a plural: "PLM" and "PLMs" (pretrained and protein language
# models), "Graph RAG" and "GraphRAG", "R-D" and "RD" (session 38: 6 such
# pairs among the visible entities of the 10k graph, none told apart). A
# capital "S" is a letter of the name (SDS is not SD's plural, nor ViT-S
# ViT's), and a lower-case word's "s" a plural unless it ends "ss", "us" or
# "is" ("loss", "Focus", "analysis").
_FOLD_SEPARATORS = re.compile(r"[\s_\-]+")
_FOLD_PLURAL = re.compile(r"(?:(?<=[A-Z])s|(?<=[a-z]{3})(?<![siu])s)$")


def display_fold(name: str) -> str:
    """A display name as a reader tells it apart: without case, spacing,
    hyphens or a plural "s". Not `alias_key`, which also drops what a reader
    does see: a qualifier's parentheses ("APA (Method)" keys as "APA"), a
    leading word ("A-LAMP" as "LaMP")."""
    return _FOLD_SEPARATORS.sub("", _FOLD_PLURAL.sub("", name.strip())).casefold()


def qualified_names(entities: Sequence[NamedEntity]) -> dict[str, str]:
    """Display names for entities that share one with another entity (as a
    reader tells them apart: `display_fold`): the one in most papers keeps
    it, each other gets a qualifier, its long form ("RL (meta-reinforcement
    learning)", the one its name abbreviates where a paper wrote one) or
    else its type and key, so no two entities read the same. Returns only
    the names that change."""
    by_name: dict[str, list[NamedEntity]] = defaultdict(list)
    for entity in entities:
        by_name[display_fold(entity.name)].append(entity)
    taken = set(by_name)
    renamed = {}
    for clash in by_name.values():
        if len(clash) < 2:
            continue
        for entity in sorted(clash, key=lambda e: (-e.papers, e.key))[1:]:
            longer = [a for a in entity.aliases if alias_key(a) != alias_key(entity.name) and len(a) > len(entity.name)]
            # words before letters: "RLMs (Reasoning LLMs)", not "RLMs (RLLMs)", its next form by count
            longer.sort(key=lambda a: " " not in a.strip())
            # the long form the name abbreviates, where a paper wrote one: "OOD (Out-of-distribution
            # detection)", not "OOD (OoDD)", the next form by count
            spelled = [without_definition(a) or a for a in longer if abbreviates(entity.name, a)]
            options = [f"{entity.name} ({q})" for q in (*(spelled or longer)[:1], entity.label, f"{entity.label}, {entity.key}")]
            name = next(o for o in options if display_fold(o) not in taken or o == options[-1])
            taken.add(display_fold(name))
            renamed[entity.key] = name
    return renamed


def name_properties(name: str) -> dict:
    """What an entity stores beside its display name so that refreshes
    find it by name: its case-folded name, the name as a reader tells it
    apart from others (`display_fold`: the entities it clashes
    with), and the keys it may hang under (None when none: most names have
    no variant mark), peeled by the marks `MARKS_ID` names."""
    return {"name": name, "name_fold": name.casefold(), "name_clash": display_fold(name), "base_keys": base_keys(name) or None,
            "variant_marks": MARKS_ID}


# What an entity's name properties were derived with: the marks its
# base_keys were peeled with (and the test that tells a name may carry one),
# the fold of its name_clash, and the functions that derive them and qualify
# display names (as parsed: `fingerprint.code_digest`). Every write of a name writes them all
# (`name_properties`), so an entity whose stored id is this one needs no
# other check. A change to any makes every entity's stale, and the next
# refresh one over every entity; none of it decides a paper's links, so
# nothing is re-extracted (a change to alias_key changes the extraction id
# instead: every paper is re-extracted).
MARKS_ID = hashlib.sha1(json.dumps([
    [(mark.pattern, mark.flags) for mark in _MARKS], _MAY_BE_MARKED.pattern, _FOLD_SEPARATORS.pattern, _FOLD_PLURAL.pattern,
    [code_digest(textwrap.dedent(inspect.getsource(part))) for part in (name_properties, base_keys, display_fold, qualified_names)],
]).encode()).hexdigest()[:12]


_FIELDS = "e.key AS key, e.name AS name, e.label AS label, e.paper_count AS papers, e.aliases AS aliases"
# The stored name properties are not read back (see MARKS_ID): on the 40k
# graph, reading name_clash too held 49 MB more at the peak of a refresh.
ENTITIES = f"MATCH (e:Entity) RETURN {_FIELDS}, e.variant_marks AS marks"
ENTITIES_BY_KEY = f"UNWIND $keys AS key MATCH (e:Entity {{key: key}}) RETURN {_FIELDS}"
ENTITIES_BY_NAME = f"UNWIND $folds AS fold MATCH (e:Entity {{name_clash: fold}}) RETURN {_FIELDS}"
# Entities whose name properties are missing (written by an older version)
# or derived by other rules (MARKS_ID): the graph gets one refresh over all entities.
STALE_NAME_PROPERTIES = "MATCH (e:Entity) WHERE e.variant_marks IS NULL OR e.variant_marks <> $marks RETURN e.key LIMIT 1"
SET_NAME_PROPERTIES = """
UNWIND $rows AS row
MATCH (e:Entity {key: row.key})
SET e += row.properties
"""
LINKS = "MATCH (a:Entity)-[r:VARIANT_OF]->(b:Entity) RETURN a.key AS variant, b.key AS base, r.curated AS curated"
LINKS_OF = """
UNWIND $keys AS key
MATCH (a:Entity {key: key})-[r:VARIANT_OF]->(b:Entity)
RETURN a.key AS variant, b.key AS base, r.curated AS curated
"""

READ_BATCH = 1000  # keys or names per lookup


@dataclass
class Refreshed:
    """What a refresh read and changed, and where its time went."""

    full: bool
    touched: int = 0  # entities the caller named (all: a full refresh)
    read: int = 0  # entity rows read
    renamed: int = 0
    linked: int = 0
    unlinked: int = 0
    names_seconds: float = 0.0
    links_seconds: float = 0.0

    def summary(self) -> str:
        return (f"corpus refresh ({'every entity' if self.full else 'incremental'}): {self.touched:,} entities touched, "
                f"{self.read:,} read · names {self.names_seconds:.2f} s ({self.renamed:,} qualified) · "
                f"variant links {self.links_seconds:.2f} s (+{self.linked:,} -{self.unlinked:,})")


def refresh(store: GraphStore, touched: Iterable[str] | None = None) -> Refreshed:
    """Bring display-name qualifiers and VARIANT_OF links in line with the
    entities the graph holds, for the entities `touched` (created, renamed,
    relabelled or deleted since the last refresh) and those their change
    concerns; for every entity when `touched` is None (or an entity's name
    properties are missing or were peeled with other marks)."""
    if touched is not None:
        touched = set(touched)
        if not touched:  # batches that wrote papers' properties only
            return Refreshed(full=False)
        if store.read(STALE_NAME_PROPERTIES, {"marks": MARKS_ID}).rows:
            touched = None
    done = Refreshed(full=touched is None)
    started = time.perf_counter()
    if touched is None:
        rows = store.read(ENTITIES).records()
        pool = {row["key"]: _named(row) for row in rows}
        stale = {row["key"] for row in rows if row["marks"] != MARKS_ID}
        done.touched = len(pool)
    else:
        keys = sorted(touched)
        done.touched = len(keys)
        pool = {e.key: e for e in _lookup(store, ENTITIES_BY_KEY, "keys", keys)}
        pool.update((e.key, e) for e in _lookup(store, ENTITIES_BY_NAME, "folds", sorted({display_fold(e.name) for e in pool.values()})))
        stale = set()
    renamed = _qualified_names(store, pool, full=touched is None)
    stale |= set(renamed)
    store.write_rows(SET_NAME_PROPERTIES, [{"key": key, "properties": name_properties(renamed.get(key, pool[key].name))}
                                           for key in sorted(stale)])
    done.read, done.renamed = len(pool), len(renamed)
    done.names_seconds = time.perf_counter() - started

    started = time.perf_counter()
    names = {key: (renamed.get(key, e.name), e.label) for key, e in pool.items()}
    if touched is None:
        have = store.read(LINKS).rows
    else:
        changed = sorted(set(keys) | set(renamed))
        concerned = sorted({key for key in changed if key in pool} |
                           {key for (key,) in store.read_batched(store.dialect.variants_of_bases, "keys", changed,
                                                                 batch_size=READ_BATCH).rows})
        for e in _lookup(store, ENTITIES_BY_KEY, "keys", sorted(set(concerned) - set(names))):
            names[e.key] = (e.name, e.label)
        bases = sorted({base for key in concerned for base in base_keys(names[key][0])} - set(names))
        for e in _lookup(store, ENTITIES_BY_KEY, "keys", bases):
            names[e.key] = (e.name, e.label)
        have = store.read_batched(LINKS_OF, "keys", concerned, batch_size=READ_BATCH).rows
        done.read = len(names)
    variants = names if touched is None else {key: names[key] for key in concerned}
    curated = {(variant, base) for variant, base, is_curated in have if is_curated}
    # A link the curation file names (ingest/review.py writes it `curated`)
    # stays, and replaces its variant's automatic one.
    overridden = {variant for variant, _ in curated}
    found = variant_links((key, name, label) for key, (name, label) in names.items())
    want = {(link.variant, link.base) for link in found if link.variant in variants and link.variant not in overridden}
    want |= curated
    have = {(variant, base) for variant, base, _ in have}
    store.write_rows(queries.DELETE_VARIANT_OF, [{"variant": v, "base": b} for v, b in sorted(have - want)])
    store.write_rows(queries.WRITE_VARIANT_OF, [{"variant": v, "base": b} for v, b in sorted(want - have)])
    done.unlinked, done.linked = len(have - want), len(want - have)
    done.links_seconds = time.perf_counter() - started
    return done


def _qualified_names(store: GraphStore, pool: dict[str, NamedEntity], full: bool) -> dict[str, str]:
    """`qualified_names` over `pool`, whose entities come with every entity
    sharing their name. A qualifier is chosen among names no entity has: in
    an incremental refresh, the entities holding a chosen name are looked up
    and the choice made again until it names none the pool lacks."""
    looked_up = {display_fold(e.name) for e in pool.values()}
    while True:
        renamed = qualified_names(list(pool.values()))
        missing = sorted({display_fold(name) for name in renamed.values()} - looked_up)
        if full or not missing:
            return renamed
        looked_up.update(missing)
        pool.update((e.key, e) for e in _lookup(store, ENTITIES_BY_NAME, "folds", missing))


def _named(row) -> NamedEntity:
    return NamedEntity(row["key"], row["name"] or row["key"], row["label"], row["papers"] or 0, tuple(row["aliases"] or ()))


def _lookup(store: GraphStore, query: str, param: str, values: list) -> list[NamedEntity]:
    return [_named(row) for row in store.read_batched(query, param, values, batch_size=READ_BATCH).records()]


class DueRefresh:
    """The keys of the entities whose corpus-level refresh is due, in a file
    beside the graph's ingest lock: a batch's keys are appended (and synced)
    before the batch is written, and the file is removed once the refresh is
    done. A run after an interrupted one finds it and refreshes what the
    interrupted run wrote too. A file without the header line (an older
    version only created it) asks for a refresh of every entity."""

    HEADER = "# paperkg: keys of the entities due a corpus-level refresh, one a line"

    def __init__(self, path: Path):
        self.path = path

    @classmethod
    def of(cls, store: GraphStore) -> "DueRefresh":
        return cls(lock_path(store).with_suffix(".refresh-due"))

    def add(self, keys: Sequence[str]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fresh = not self.path.exists()
        with open(self.path, "a", encoding="utf-8") as out:
            out.write((self.HEADER + "\n" if fresh else "") + "".join(f"{key}\n" for key in keys))
            out.flush()
            os.fsync(out.fileno())

    def keys(self, store: GraphStore) -> set[str] | None:
        """The keys due, or None for every entity: when the file asks for
        every one, and when the keys due are at least half of the graph's
        entities (a first load): then one read of every entity costs less
        than looking up each key and each name (the refresh after 40k new
        papers, 172k keys: 21 s -> ~10 s; the acronyms' 8 s -> 0.6 s), and
        leaves the same graph. None too when nothing is due."""
        lines = self.path.read_text(encoding="utf-8").splitlines() if self.path.exists() else []
        if lines[:1] != [self.HEADER]:
            return None
        keys = set(lines[1:]) - {""}
        if len(keys) * 2 >= max(store.scalar(queries.ENTITY_TOTAL) or 0, 1):
            return None
        return keys

    def run(self, store: GraphStore) -> Refreshed | None:
        """Refresh what is due, if anything is."""
        if not self.path.exists():
            return None
        done = refresh(store, self.keys(store))
        kill_point("refreshed")
        self.path.unlink()
        return done
