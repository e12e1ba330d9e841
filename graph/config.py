"""Where the graph lives, read from the environment.

`NEO4J_URI` set → Neo4j (with `NEO4J_USERNAME`, `NEO4J_PASSWORD`,
`NEO4J_DATABASE`, named as Neo4j's own tools name them). Unset → the
embedded FalkorDB server that paperkg runs itself under `PAPERKG_HOME`,
which can hold several graphs (`PAPERKG_GRAPH`, default "paperkg").
"""
from __future__ import annotations

import os
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import platformdirs

GRAPH_NAME = "paperkg"
# Everything under PAPERKG_HOME is the user's alone: paper titles, the graph's
# password and its data are not for other local users.
PRIVATE_UMASK = 0o077


@contextmanager
def private_files() -> Iterator[None]:
    """Files and directories created inside are 0600 / 0700 from the moment
    they exist (the umask is set first; a chmod afterwards leaves a window)."""
    previous = os.umask(PRIVATE_UMASK)
    try:
        yield
    finally:
        os.umask(previous)


def private_dir(path: Path) -> Path:
    """`path` and any parents it needs, created private."""
    with private_files():
        path.mkdir(parents=True, exist_ok=True)
    return path


def paperkg_home() -> Path:
    configured = os.environ.get("PAPERKG_HOME")
    if configured:
        return Path(configured).expanduser().absolute()
    return Path(platformdirs.user_data_dir("paperkg", appauthor=False))


@dataclass(frozen=True)
class StoreConfig:
    backend: str  # "falkordb" | "neo4j"
    home: Path
    graph_name: str = GRAPH_NAME
    neo4j_uri: str | None = None
    neo4j_username: str = "neo4j"
    neo4j_password: str | None = None
    neo4j_database: str | None = None

    @classmethod
    def from_env(cls, graph_name: str | None = None) -> "StoreConfig":
        uri = os.environ.get("NEO4J_URI") or None
        return cls(
            backend="neo4j" if uri else "falkordb",
            home=paperkg_home(),
            graph_name=graph_name or os.environ.get("PAPERKG_GRAPH") or GRAPH_NAME,
            neo4j_uri=uri,
            neo4j_username=os.environ.get("NEO4J_USERNAME", "neo4j"),
            neo4j_password=os.environ.get("NEO4J_PASSWORD"),
            neo4j_database=os.environ.get("NEO4J_DATABASE") or None,
        )

    @property
    def curation_path(self) -> Path:
        return Path(os.environ.get("PAPERKG_CURATION", self.home / "curation.toml"))
