"""Where downloads go, and writing them so an interrupted fetch never leaves
a half file that a resumed one would take as done."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from graph.config import paperkg_home


def downloads_dir(service: str) -> Path:
    """`$PAPERKG_HOME/downloads/<service>` (the user data dir by default)."""
    return paperkg_home() / "downloads" / service


def write_atomically(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.partial")
    partial.write_bytes(data)
    os.replace(partial, path)


@dataclass
class FetchReport:
    downloaded: list[Path] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)  # there from an earlier fetch
    papers: int = 0  # in the files downloaded now

    @property
    def files(self) -> list[Path]:
        """Every file this fetch covers, downloaded now or before, in order."""
        return sorted(self.downloaded + self.skipped)
