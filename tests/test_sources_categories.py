"""arXiv categories kept (primary first) and filterable at ingest:
`paperkg ingest --category cs.SE --category quant-ph` keeps the papers in
any of them, on the real arXiv API answers in ../shared/formats."""
from __future__ import annotations

import uuid

from typer.testing import CliRunner

from app.cli import cli
from graph import StoreConfig, open_store
from ingest.records import PaperRecord
from ingest.sources import read_path
from tests.conftest import SHARED

ATOM = SHARED / "formats" / "arxiv-atom"


def test_a_paper_is_in_a_category_or_its_archive_case_aside():
    paper = PaperRecord(id="arxiv:2501.00001", title="T", categories=("cs.CL", "stat.ML"))
    assert paper.in_categories(["cs.cl"]) and paper.in_categories(["stat"]) and paper.in_categories(["q-bio", "cs.CL"])
    assert not paper.in_categories(["cs.LG"]) and not paper.in_categories(["c"])
    assert not PaperRecord(id="title:x", title="T").in_categories(["cs.CL"])


def test_ingest_category_keeps_papers_in_any_of_the_categories(paperkg_home):
    records = [r for path in sorted(ATOM.glob("*.xml")) for r in read_path(path).records]
    assert all(r.categories for r in records)  # every arXiv entry carries them, primary first
    wanted = {r.id for r in records if {"cs.SE", "quant-ph"} & set(r.categories)}
    assert 0 < len(wanted) < len({r.id for r in records})
    graph = f"test_{uuid.uuid4().hex[:10]}"
    try:
        result = CliRunner().invoke(cli, ["ingest", str(ATOM), "--category", "cs.SE", "--category", "quant-ph",
                                          "--workers", "1"], env={"PAPERKG_GRAPH": graph})
        assert result.exit_code == 0, result.output
        outside = sum(1 for r in records if not {"cs.SE", "quant-ph"} & set(r.categories))
        assert f"({outside} outside --category)" in result.stdout
        with open_store(StoreConfig.from_env(graph_name=graph), setup=False) as store:
            stored = store.read("MATCH (p:Paper) RETURN p.id AS id, p.categories AS categories").records()
            assert {row["id"] for row in stored} == wanted
            first = next(r for r in records if r.id == "arxiv:2202.12139")
            assert next(row["categories"] for row in stored if row["id"] == first.id) == list(first.categories)
    finally:
        with open_store(StoreConfig.from_env(graph_name=graph), setup=False) as store:
            store.drop_graph()
