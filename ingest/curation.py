"""Human corrections to entity resolution, kept in a TOML file so they
survive re-ingestion. A name means the entity extraction keys it to
(`curation_key`), so any surface form of an entity can be written.

    # curation.toml
    [merge]                      # merge X into Y
    "Segment Anything" = "SAM"
    "resnet50" = "ResNet-50"

    [drop]                       # never store these
    names = ["our approach", "baseline"]

    [keep]                       # show these, whatever the confidence rules say
    names = ["optical flow"]

    [relabel]                    # force a label (METHOD, DATASET, BENCHMARK, TASK, METRIC)
    "MMLU" = "BENCHMARK"

    [variant]                    # X is a version or variant of Y: (X)-[:VARIANT_OF]->(Y)
    "COCO 2014" = "COCO"

A missing file is an empty curation. Merge, drop and relabel decide each
paper's links, so changing them re-extracts the papers (they are part of
the extraction id); a variant only links two entities and a kept name only
confirms an entity, so both are applied to the graph after every ingest
without re-extracting anything.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Mapping

from ingest.mentions import LABELS

SECTIONS = ("merge", "drop", "keep", "relabel", "variant")


def curation_key(name: str) -> str:
    """The key of the entity a name in the curation file means: the key
    extraction gives the name (`gazetteer.canonical`: its alias_key, or its
    known entry's), so that a line keeps naming its entity when the
    knowledge base learns the name ("large language models", written under
    [relabel], is LLM's key since session 37 made LLM a known name)."""
    from ingest.extract.gazetteer import canonical  # at call time: it imports normalize, which imports this module

    return canonical(name)


class CurationError(ValueError):
    """A curation file that cannot be applied; the message names file and line."""


@dataclass(frozen=True)
class Curation:
    merges: Mapping[str, str] = field(default_factory=dict)  # curation_key -> curation_key of target
    dropped: frozenset[str] = frozenset()
    labels: Mapping[str, str] = field(default_factory=dict)
    # curation_key of a variant -> curation_key of its base; not per paper, so not in the extraction id
    variants: Mapping[str, str] = field(default_factory=dict, metadata={"per_paper": False})
    # curation_keys a person confirmed as entities (shown below the confidence threshold); not per paper either
    kept: frozenset[str] = field(default=frozenset(), metadata={"per_paper": False})

    @classmethod
    def empty(cls) -> "Curation":
        return cls()

    @classmethod
    def load(cls, path: str | Path) -> "Curation":
        path = Path(path)
        if not path.exists():
            return cls.empty()
        text = path.read_text(encoding="utf-8")
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            found = re.search(r"line (\d+)", str(exc))
            line = found.group(1) if found else len(text.splitlines())
            raise CurationError(f"{path}:{line}: not valid TOML: {exc}") from None
        return cls.from_mapping(data, _Locator(path, text))

    @classmethod
    def from_mapping(cls, data: Mapping, where: "_Locator | None" = None) -> "Curation":
        where = where or _Locator(Path("<curation>"), "")
        for section, body in data.items():
            if section not in SECTIONS:
                raise CurationError(where.error(None, section, f"unknown section [{section}]; expected one of {', '.join(SECTIONS)}"))
            if not isinstance(body, dict):
                raise CurationError(where.error(None, section, f"{section} must be a [{section}] table, not a {_kind(body)}"))
        merges, merge_names = {}, {}
        for source, target in data.get("merge", {}).items():
            if not isinstance(target, str):
                raise CurationError(where.error("merge", source, f"merge target of {source!r} must be a name in quotes, not a {_kind(target)}"))
            if not curation_key(target) or not curation_key(source):
                raise CurationError(where.error("merge", source, f"merge {source!r} = {target!r}: both sides must be non-empty names"))
            if curation_key(source) != curation_key(target):  # "resnet50" = "ResNet-50" is already one entity
                merges[curation_key(source)] = curation_key(target)
                merge_names[curation_key(source)] = source
        for source in merges:
            cycle = _cycle(merges, source)
            if cycle:
                names = " -> ".join(merge_names.get(key, key) for key in cycle)
                raise CurationError(where.error("merge", merge_names[source], f"merges form a cycle ({names}); each name must end at one entity"))
        names, kept = (_names(data, section, where) for section in ("drop", "keep"))
        labels = {}
        for name, label in data.get("relabel", {}).items():
            if label not in LABELS:
                raise CurationError(where.error("relabel", name, f"label {label!r} for {name!r} is not one of {', '.join(LABELS)}"))
            labels[curation_key(name)] = label
        variants = {}
        for variant, base in data.get("variant", {}).items():
            if not isinstance(base, str) or not curation_key(base) or not curation_key(variant):
                raise CurationError(where.error("variant", variant, f"variant {variant!r} needs the name of its base in quotes, not {base!r}"))
            if curation_key(variant) == curation_key(base):
                raise CurationError(where.error("variant", variant, f"{variant!r} cannot be a variant of itself ({base!r})"))
            variants[curation_key(variant)] = curation_key(base)
        dropped = frozenset(curation_key(n) for n in names)
        return cls(merges, dropped, labels, variants, frozenset(curation_key(n) for n in kept) - dropped)

    def target(self, key: str) -> str:
        """The key `key` is merged into (following chains), or `key` itself."""
        seen = {key}
        while key in self.merges and self.merges[key] not in seen:
            key = self.merges[key]
            seen.add(key)
        return key

    def is_dropped(self, key: str) -> bool:
        return key in self.dropped

    def is_kept(self, key: str) -> bool:
        """A person confirmed entity `key` (or a name merged into it) as an entity."""
        return key in self.kept_keys

    @cached_property
    def kept_keys(self) -> frozenset[str]:
        """The entities kept: each kept name followed through the merges (asked of every entity a write scores)."""
        return frozenset(self.target(key) for key in self.kept)

    def label_for(self, key: str, label: str) -> str:
        return self.labels.get(key, label)

    def variant_links(self) -> set[tuple[str, str]]:
        """(variant key, base key) pairs, each side taken to the entity it is merged into."""
        return {(self.target(v), self.target(b)) for v, b in self.variants.items() if self.target(v) != self.target(b)}


def _names(data: Mapping, section: str, where: "_Locator") -> list[str]:
    """The names of a list section ([drop], [keep]): `names = [...]`."""
    body = data.get(section, {})
    for key in body:
        if key != "names":
            raise CurationError(where.error(section, key, f"unknown key {key!r} in [{section}]; the only key is names = [...]"))
    names = body.get("names", [])
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise CurationError(where.error(section, "names", f"[{section}] names must be a list of strings, not a {_kind(names)}"))
    return names


def _cycle(merges: Mapping[str, str], start: str) -> list[str]:
    """The keys of a merge chain from `start` that comes back to `start`, else []."""
    chain, key = [start], merges[start]
    while key in merges and key not in chain:
        chain.append(key)
        key = merges[key]
    return chain + [start] if key == start else []


def _kind(value: object) -> str:
    return {str: "string", int: "number", float: "number", bool: "boolean", list: "list", dict: "table"}.get(type(value), type(value).__name__)


@dataclass(frozen=True)
class _Locator:
    """Finds the line a key is written on, for messages naming file and line
    (tomllib gives positions for syntax errors only)."""

    path: Path
    text: str

    def error(self, section: str | None, key: str, message: str) -> str:
        line = self._line(section, key)
        return f"{self.path}:{line}: {message}" if line else f"{self.path}: {message}"

    def _line(self, section: str | None, key: str) -> int | None:
        written = rf"(?:{re.escape(key)}|\"{re.escape(key)}\"|'{re.escape(key)}')"
        current = None
        for number, line in enumerate(self.text.splitlines(), 1):
            header = re.match(r"\s*\[\s*([^\]]+?)\s*\]", line)
            if header:
                current = header.group(1).strip("\"'")
                if section is None and current == key:
                    return number
            elif re.match(rf"\s*{written}\s*=", line) and current == section:
                return number
        return None
