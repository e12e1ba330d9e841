"""Human corrections to entity resolution, kept in a TOML file so they
survive re-ingestion. Names are compared by their `alias_key`, so any
surface form of an entity can be written.

    # curation.toml
    [merge]                      # merge X into Y
    "Segment Anything" = "SAM"
    "resnet50" = "ResNet-50"

    [drop]                       # never store these
    names = ["our approach", "baseline"]

    [relabel]                    # force a label (METHOD, DATASET, BENCHMARK, TASK, METRIC)
    "MMLU" = "BENCHMARK"

A missing file is an empty curation.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping

from ingest.mentions import LABELS

SECTIONS = ("merge", "drop", "relabel")


class CurationError(ValueError):
    """A curation file that cannot be applied; the message names file and line."""


@dataclass(frozen=True)
class Curation:
    merges: Mapping[str, str] = field(default_factory=dict)  # alias_key -> alias_key of target
    dropped: frozenset[str] = frozenset()
    labels: Mapping[str, str] = field(default_factory=dict)

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
        from ingest.normalize import alias_key

        where = where or _Locator(Path("<curation>"), "")
        for section in data:
            if section not in SECTIONS:
                raise CurationError(where.error(section, f"unknown section [{section}]; expected one of {SECTIONS}"))
        merges = {}
        for source, target in data.get("merge", {}).items():
            if not isinstance(target, str) or not alias_key(target) or not alias_key(source):
                raise CurationError(where.error(source, f"merge target of {source!r} must be a non-empty name"))
            merges[alias_key(source)] = alias_key(target)
        names = data.get("drop", {}).get("names", [])
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            raise CurationError(where.error("names", "[drop] names must be a list of strings"))
        labels = {}
        for name, label in data.get("relabel", {}).items():
            if label not in LABELS:
                raise CurationError(where.error(name, f"label {label!r} for {name!r} is not one of {LABELS}"))
            labels[alias_key(name)] = label
        return cls(merges, frozenset(alias_key(n) for n in names), labels)

    def target(self, key: str) -> str:
        """The key `key` is merged into (following chains), or `key` itself."""
        seen = {key}
        while key in self.merges and self.merges[key] not in seen:
            key = self.merges[key]
            seen.add(key)
        return key

    def is_dropped(self, key: str) -> bool:
        return key in self.dropped

    def label_for(self, key: str, label: str) -> str:
        return self.labels.get(key, label)


@dataclass(frozen=True)
class _Locator:
    path: Path
    text: str

    def error(self, needle: str, message: str) -> str:
        for line_no, line in enumerate(self.text.splitlines(), 1):
            if needle in line:
                return f"{self.path}:{line_no}: {message}"
        return f"{self.path}: {message}"
