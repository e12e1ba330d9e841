"""Corpus-level structure, recomputed after every load from all entities.

Versions and variants as structure: ImageNet-1K, "COCO 2014", HumanEval+,
GPT-4o and Llama-2-7B keep entities of their own (their results are not
their base's) and are linked `(variant)-[:VARIANT_OF]->(base)` to the
nearest base the graph holds: ImageNet, COCO, HumanEval, GPT-4, Llama 2.

A base is found by peeling one variant mark off the end of the display name
at a time; each peeled name is looked up by its `alias_key`, so "Llama-2"
and "Llama 2" are one base.

Display names are made unique: entities sharing one (an acronym defined
differently in different papers) get a qualifier (`normalize.qualified_names`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Iterator

from graph import queries
from graph.store import GraphStore
from ingest.normalize import NamedEntity, alias_key, qualified_names

# One mark at the end of a name, each needing a separator (or a "v") so that
# GSM8K or T5 are not read as "GSM" or "T" plus a number.
_MARKS = (
    re.compile(r"^(?P<base>.+?)\s*\++$"),  # HumanEval+, MBPP++
    re.compile(r"^(?P<base>.*[A-Za-z].*?)[-\s_]+(?:19|20)\d\d$"),  # COCO 2014, WMT-2016
    re.compile(r"^(?P<base>.*[A-Za-z].*?)[-\s_]+\d+(?:\.\d+)?[KkMBT]$"),  # ImageNet-1K, Llama-2-7B, Qwen2.5 72B
    re.compile(r"^(?P<base>.*[A-Za-z].*?)[-\s_]+(?:Instruct|Chat|Base|Large|Small|Tiny|Mini|Medium|XL|XXL|Turbo|Pro|"
               r"Plus|Lite|Flash|Ultra|Max|Verified|Hard|Lite|Preview|Vision|Code|Coder|Math|Distill)$", re.I),
    re.compile(r"^(?P<base>.*[A-Za-z].*?\d)[a-z]{1,2}$"),  # GPT-4o, GPT-4V is upper: see next
    re.compile(r"^(?P<base>.*[A-Za-z].*?\d)V$"),  # GPT-4V
    re.compile(r"^(?P<base>.*[A-Za-z]{2}.*?)(?:[-\s_]+v?|v)\d+(?:\.\d+)*$"),  # GPT-4 -> GPT, YOLOv8, Llama 2
    re.compile(r"^(?P<base>.*[A-Za-z]{3})\d+(?:\.\d+)*$"),  # Qwen2.5, Llama3
)


def peeled(name: str) -> Iterator[str]:
    """The names left after taking variant marks off `name`, one at a time,
    nearest first: Llama-2-7B-Chat -> Llama-2-7B, Llama-2, Llama."""
    current = name.strip()
    while True:
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


CURATED_VARIANT_LINKS = """
MATCH (a:Entity)-[r:VARIANT_OF]->(b:Entity) WHERE r.curated = true
RETURN a.key AS variant, b.key AS base
"""


def refresh(store: GraphStore) -> None:
    """Bring VARIANT_OF links and display-name qualifiers in line with the
    entities the graph holds now (both depend on entities a load did not
    touch: a new "GPT-4" is the base of a stored "GPT-4o")."""
    entities = [
        NamedEntity(r["key"], r["name"] or r["key"], r["label"], r["papers"] or 0, tuple(r["aliases"] or ()))
        for r in store.read(queries.ENTITY_NAMES).records()
    ]
    # A link the curation file names (ingest/review.py writes it `curated`) stays,
    # and replaces its variant's automatic one.
    curated = {(variant, base) for variant, base in store.read(CURATED_VARIANT_LINKS).rows}
    overridden = {variant for variant, _ in curated}
    want = {(link.variant, link.base) for link in variant_links((e.key, e.name, e.label) for e in entities)
            if link.variant not in overridden} | curated
    have = {(variant, base) for variant, base in store.read(queries.VARIANT_LINKS).rows}
    store.write_rows(queries.DELETE_VARIANT_OF, [{"variant": v, "base": b} for v, b in sorted(have - want)])
    store.write_rows(queries.WRITE_VARIANT_OF, [{"variant": v, "base": b} for v, b in sorted(want - have)])
    renamed = qualified_names(entities)
    store.write_rows(queries.SET_ENTITY_NAMES, [{"key": k, "name": n} for k, n in sorted(renamed.items())])
