"""A re-ingest with nothing new writes nothing and reads no stored paper
whole: each unchanged paper is told by its stored digest (`record_hash`,
sources, extraction id, title key). A changed listing is still written, and
a graph stored without digests gets them from one re-ingest. On real arXiv
listings (the first lines of the shared corpus, with their real repeats)."""
from __future__ import annotations

import gzip
import json
from itertools import islice

import pytest

from graph import queries
from ingest.run import IngestOptions, ingest_paths
from tests.conftest import CORPUS

PAPERS = "MATCH (p:Paper) RETURN p.id AS id, properties(p) AS paper ORDER BY id"
OPTIONS = IngestOptions(workers=1, batch_size=16)


def listings(count: int) -> list[dict]:
    with gzip.open(CORPUS, "rt", encoding="utf-8") as stream:
        return [json.loads(line) for line in islice(stream, count)]


def arxiv(item: dict) -> str:
    return f"arxiv:{item['id']}"


def write(path, items: list[dict]) -> str:
    with gzip.open(path, "wt", encoding="utf-8") as out:
        out.writelines(json.dumps(item) + "\n" for item in items)
    return str(path)


def stored(store) -> dict[str, dict]:
    return {paper_id: paper for paper_id, paper in store.read(PAPERS).rows}


class Spy:
    """The store's reads and writes, as (query, params), while installed."""

    def __init__(self, store, monkeypatch):
        self.reads, self.writes = [], []
        for name, calls in (("read", self.reads), ("write", self.writes)):
            monkeypatch.setattr(store, name, self._recording(getattr(store, name), calls))

    @staticmethod
    def _recording(method, calls):
        def recorded(query, params=None, **options):
            calls.append((query, params or {}))
            return method(query, params, **options)
        return recorded

    def paper_writes(self) -> list[str]:
        return [row["id"] for query, params in self.writes if query == queries.WRITE_BATCH for row in params["papers"]]

    def ids_read_whole(self) -> list[str]:
        return [value for query, params in self.reads
                if query in (queries.STORED_PAPERS, queries.STORED_PAPERS_BY_TITLE_KEY)
                for value in params.get("ids", params.get("keys", []))]


@pytest.fixture(scope="module")
def corpus_head():
    """30 papers in 40 listings: the corpus lists its first papers again
    from line 138 on (a later day's listing)."""
    items = listings(147)
    head = items[:30] + items[137:147]
    assert {arxiv(item) for item in items[137:147]} <= {arxiv(item) for item in items[:30]}
    return head


def test_nothing_new_writes_nothing_and_reads_no_paper_whole(store, tmp_path, monkeypatch, corpus_head):
    path = write(tmp_path / "listings.jsonl.gz", corpus_head)
    first = ingest_paths(store, [path], OPTIONS)
    assert first.load.papers_new == first.papers
    before = stored(store)

    spy = Spy(store, monkeypatch)
    again = ingest_paths(store, [path], OPTIONS)
    assert (again.load.papers_new, again.load.papers_updated, again.load.papers_extracted) == (0, 0, 0)
    assert again.load.papers_unchanged == first.papers == len(before)
    assert spy.paper_writes() == []
    assert spy.ids_read_whole() == []  # every paper told apart by its digest alone
    assert stored(store) == before


def test_a_changed_listing_is_still_written(store, tmp_path, corpus_head):
    path = tmp_path / "listings.jsonl.gz"
    write(path, corpus_head)
    ingest_paths(store, [str(path)], OPTIONS)
    before = stored(store)

    reworded, dated, recategorised, repeated = (dict(item) for item in corpus_head[3:7])
    reworded["summary"] += " We also release the code."
    dated["published"] = "2025-03-14"
    recategorised["categories"] = [*recategorised["categories"], "stat.ML"]
    changed = [reworded, dated, recategorised]
    write(path, [*corpus_head[:3], *changed, *corpus_head[6:]])  # the same lines, three changed
    report = ingest_paths(store, [str(path)], OPTIONS)

    after = stored(store)
    ids = [arxiv(item) for item in changed]
    assert (report.load.papers_updated, report.load.papers_new, report.load.papers_extracted) == (3, 0, 3)
    assert after[ids[0]]["abstract"].endswith("We also release the code.")
    assert (after[ids[1]]["published"], after[ids[1]]["published_approximate"]) == ("2025-03-14", False)
    assert after[ids[2]]["categories"][-1] == "stat.ML"
    assert {paper_id for paper_id in after if after[paper_id] != before[paper_id]} == set(ids)

    # The same listing read from another file: the paper gains that source.
    other = write(tmp_path / "again.jsonl.gz", [repeated])
    report = ingest_paths(store, [other], OPTIONS)
    paper = stored(store)[arxiv(repeated)]
    assert report.load.papers_unchanged == 1 and f"{other}:1" in paper["sources"]


def test_a_graph_stored_without_digests_gets_them_from_one_reingest(store, tmp_path, monkeypatch, corpus_head):
    path = write(tmp_path / "listings.jsonl.gz", corpus_head[:20])
    first = ingest_paths(store, [path], OPTIONS)
    hashes = dict(store.read("MATCH (p:Paper) RETURN p.id, p.record_hash").rows)
    store.write("MATCH (p:Paper) REMOVE p.record_hash")  # as written before papers carried one

    spy = Spy(store, monkeypatch)
    again = ingest_paths(store, [path], OPTIONS)
    assert again.load.papers_unchanged == first.papers and again.load.papers_extracted == 0
    assert sorted(spy.paper_writes()) == sorted(hashes)  # read whole, found equal, written for the digest
    assert dict(store.read("MATCH (p:Paper) RETURN p.id, p.record_hash").rows) == hashes

    spy = Spy(store, monkeypatch)
    ingest_paths(store, [path], OPTIONS)
    assert spy.paper_writes() == [] and spy.ids_read_whole() == []
