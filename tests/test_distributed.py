"""Extraction on a Dask LocalCluster (2 worker processes) writes the same
mentions file as one process, and `paperkg load` of it builds the same
graph as `paperkg ingest` of the listings, idempotently."""
from __future__ import annotations

import json
import uuid

import pytest
from typer.testing import CliRunner

from app.cli import cli
from graph import StoreConfig, open_store
from ingest.fingerprint import extractor_fingerprint
from tests.conftest import SEEDS
from tests.graphdata import graph_contents

LISTING = SEEDS / "000_ccec4b8567bd1336.txt"  # 88 real papers
runner = CliRunner()


def run(*args: str) -> str:
    result = runner.invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return " ".join(result.stdout.split())


@pytest.fixture(scope="module")
def mentions_files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("mentions")
    here, cluster = folder / "here.jsonl", folder / "cluster.jsonl"
    run("extract", str(LISTING), "--papers", "--workers", "1", "-o", str(here))
    # 20 papers a task: five partitions over two workers, written back in order.
    said = run("extract", str(LISTING), "--cluster", "local", "--workers", "2", "--partition-size", "20", "-o", str(cluster))
    assert "2 workers" in said
    return here, cluster


@pytest.fixture
def graph_name(monkeypatch):
    """Point the CLI at a fresh graph; dropped afterwards."""
    names = []

    def use(name: str | None = None) -> str:
        name = name or f"test_{uuid.uuid4().hex[:10]}"
        monkeypatch.setenv("PAPERKG_GRAPH", name)
        names.append(name)
        return name

    yield use
    for name in names:
        with open_store(StoreConfig.from_env(graph_name=name)) as store:
            store.drop_graph()


def test_a_local_cluster_writes_what_one_process_writes(mentions_files):
    here, cluster = mentions_files
    assert cluster.read_bytes() == here.read_bytes()
    lines = [json.loads(line) for line in cluster.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 88 and len({line["id"] for line in lines}) == 88
    assert all(line["paper"]["id"] == line["id"] and line["text"].startswith(line["paper"]["title"]) for line in lines)
    assert {line["extractor"] for line in lines} == {extractor_fingerprint("fast")}
    assert sum(len(line["entities"]) for line in lines) > 300
    for line in lines[:10]:
        for entity in line["entities"]:
            assert line["text"][entity["start"] : entity["end"]] == entity["text"]


def snapshot(name: str) -> dict:
    with open_store(StoreConfig.from_env(graph_name=name)) as store:
        return graph_contents(store)


def test_load_builds_the_graph_ingest_builds(mentions_files, graph_name):
    _, cluster = mentions_files
    loaded = graph_name()
    said = run("load", str(cluster))
    assert "new 88" in said and "linked 88" in said
    ingested = graph_name()
    run("ingest", str(LISTING))
    expected = snapshot(ingested)
    assert len(expected["papers"]) == 88 and len(expected["mentions"]) > 200
    assert snapshot(loaded) == expected

    graph_name(loaded)
    assert "unchanged 88) · linked 0" in run("load", str(cluster))
    # Same code, same model: ingest finds every paper extracted already.
    assert "extracted 0" in run("ingest", str(LISTING))
    assert snapshot(loaded) == expected


def test_a_bad_line_is_named(tmp_path, mentions_files, graph_name):
    _, cluster = mentions_files
    bad = tmp_path / "bad.jsonl"
    lines = cluster.read_text(encoding="utf-8").splitlines()
    bad.write_text("\n".join(lines[:2] + ['{"id": "x", "entities": []}'] + lines[2:]) + "\n", encoding="utf-8")
    graph_name()
    result = runner.invoke(cli, ["load", str(bad)])
    assert result.exit_code != 0
    assert f"{bad}:3: not a mentions line" in " ".join(result.output.split())
