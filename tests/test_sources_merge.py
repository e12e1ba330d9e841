"""Identity across sources: the same paper read from a seed Daily Papers
dump (no arXiv id) and from an arXiv API answer (arXiv id) becomes one node
after `ingest`, with the arXiv id, the exact date, the URL and both sources.
The dump entry is built at test time from the real seed file (its text is
not copied into the repo); the arXiv entry around it is written here."""
from __future__ import annotations

import json
import signal
import uuid
from xml.sax.saxutils import escape

import pytest

from ingest.run import IngestOptions, ingest_paths
from ingest.sources import read_hf_daily
from tests.conftest import SEEDS
from tests.graphdata import graph_contents


def test_a_seed_dump_entry_and_an_arxiv_entry_of_one_paper_are_one_node(store, tmp_path):
    seed = read_hf_daily(SEEDS / "000_ccec4b8567bd1336.txt").records[0]
    dump = tmp_path / "dump.txt"
    dump.write_text(f"Daily Papers\n\n{seed.title}\n\n{seed.abstract}\n\n  • 3 authors\n·\nFeb 16, 2024 7\n")
    feed = tmp_path / "arxiv.xml"
    feed.write_text(f"""<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom">
  <entry>
    <id>http://arxiv.org/abs/2402.10774v2</id>
    <title>{escape(seed.title)}</title>
    <summary>{escape(seed.abstract)}</summary>
    <published>2024-02-16T11:00:00Z</published>
    <author><name>First Author</name></author>
    <arxiv:primary_category term="cs.LG"/>
    <link href="http://arxiv.org/abs/2402.10774v2" rel="alternate" type="text/html"/>
  </entry>
</feed>
""")
    report = ingest_paths(store, [str(dump), str(feed)], IngestOptions())
    assert report.problems == []
    rows = store.read("MATCH (p:Paper) RETURN properties(p) AS p").records()
    assert len(rows) == 1
    paper = rows[0]["p"]
    assert paper["id"] == "arxiv:2402.10774"
    assert paper["title"] == seed.title
    assert paper["published"] == "2024-02-16" and paper["upvotes"] == 7
    assert paper["url"] == "https://arxiv.org/abs/2402.10774"
    assert paper["categories"] == ["cs.LG"]
    assert sorted(paper["sources"]) == sorted([f"{dump}:3", f"{feed}:3"])


@pytest.fixture
def other_store(paperkg_home):
    """A second fresh graph, to compare with `store`."""
    from graph import StoreConfig, open_store

    extra = open_store(StoreConfig.from_env(graph_name=f"test_{uuid.uuid4().hex[:10]}"))
    yield extra
    extra.drop_graph()
    extra.close()


@pytest.fixture(scope="module")
def two_sources(tmp_path_factory):
    """A Daily Papers dump (two papers, no ids, upvotes, full abstracts) and
    an arXiv answer (one of them, with a shortened abstract, and a third paper)."""
    folder = tmp_path_factory.mktemp("two_sources")
    first, second, third = [r for r in read_hf_daily(SEEDS / "000_ccec4b8567bd1336.txt").records if r.abstract][:3]
    dump = folder / "dump.txt"
    dump.write_text("Daily Papers\n\n" + "".join(
        f"{r.title}\n\n{r.abstract}\n\n  • 3 authors\n·\nFeb 16, 2024 {n}\n\n" for n, r in ((7, first), (2, second))))
    feed = folder / "arxiv.xml"
    entries = "".join(f"""  <entry>
    <id>http://arxiv.org/abs/{arxiv}v1</id>
    <title>{escape(r.title.upper() if r is first else r.title)}</title>
    <summary>{escape(r.abstract[:60])}</summary>
    <published>2024-02-1{n}T11:00:00Z</published>
    <author><name>First Author</name></author>
    <arxiv:primary_category term="cs.CL"/><category term="cs.CL"/><category term="cs.AI"/>
  </entry>
""" for n, (arxiv, r) in enumerate((("2402.00001", first), ("2402.00003", third)), start=5))
    feed.write_text(f"""<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom">
{entries}</feed>
""")
    return dump, feed, first


def test_a_then_b_b_then_a_and_both_at_once_give_the_same_graph(store, other_store, two_sources):
    dump, feed, first = two_sources
    one_run = _ingest(store, dump, feed)
    assert (one_run.records_read, one_run.papers, one_run.load.papers_new) == (4, 3, 3)
    together = graph_contents(store)
    merged = [p for p in store.read("MATCH (p:Paper) RETURN properties(p) AS p").records()
              if p["p"]["id"] == "arxiv:2402.00001"][0]["p"]
    # the dump's upvotes, listing title and full abstract; arXiv's id, URL, date and categories
    assert (merged["upvotes"], merged["title"], merged["abstract"]) == (7, first.title, first.abstract)
    assert (merged["url"], merged["published"], merged["categories"]) == (
        "https://arxiv.org/abs/2402.00001", "2024-02-15", ["cs.CL", "cs.AI"])
    assert merged["sources"] == sorted([f"{dump}:3", f"{feed}:3"])
    assert len(together["papers"]) == 3

    _ingest(other_store, dump)
    _ingest(other_store, feed)  # the arXiv copy retires the stored title-keyed node
    assert graph_contents(other_store) == together
    rerun = _ingest(other_store, dump, feed)
    assert (rerun.load.papers_unchanged, rerun.load.papers_extracted) == (3, 0)
    assert graph_contents(other_store) == together

    other_store.write("MATCH (n) DETACH DELETE n")
    _ingest(other_store, feed)
    _ingest(other_store, dump)  # the dump entry joins the stored arXiv paper by its title key
    assert graph_contents(other_store) == together

    other_store.write("MATCH (n) DETACH DELETE n")
    _ingest(other_store, dump, feed, batch_size=1)  # copies in different batches of one run
    assert graph_contents(other_store) == together


def _ingest(store, *paths, batch_size=200):
    report = ingest_paths(store, [str(p) for p in paths], IngestOptions(batch_size=batch_size))
    assert report.problems == []
    return report


def test_an_ingest_killed_while_retiring_a_title_keyed_node_leaves_the_paper_once(store, paperkg_home, two_sources):
    """The arXiv copy's batch retires the dump's node in the same statement
    that writes the arXiv node: killed just before it, the dump's node is
    still the paper, and the rerun ends as one uninterrupted run."""
    from graph import StoreConfig, open_store
    from tests.test_ingest_crash import finished, ingest

    dump, feed, first = two_sources
    _ingest(store, dump, feed)
    together = graph_contents(store)
    graph = f"test_{uuid.uuid4().hex[:10]}"
    with open_store(StoreConfig.from_env(graph_name=graph)) as crashed:
        try:
            _ingest(crashed, dump)
            killed = finished(ingest(feed, graph, paperkg_home, kill_at="before_write:1"))
            assert killed.returncode == -signal.SIGKILL
            assert ids_titled(crashed, first.title) == {first.title_key}
            assert finished(ingest(feed, graph, paperkg_home)).returncode == 0
            assert ids_titled(crashed, first.title) == {"arxiv:2402.00001"}
            assert graph_contents(crashed) == together
        finally:
            crashed.drop_graph()


def ids_titled(store, title: str) -> set[str]:
    return {row[0] for row in store.read("MATCH (p:Paper) WHERE p.title = $title RETURN p.id", {"title": title}).rows}


def test_two_records_of_a_batch_joining_one_stored_paper_write_it_once(store, tmp_path):
    """A stored arXiv paper; then, in one batch, a title-only copy of it
    (joins by the stored title's key) and an arXiv copy under a longer
    title (joins by id): one node, its links written once."""
    abstract = "We fine-tune BERT on ImageNet and report accuracy on GLUE."
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    first.write_text(json.dumps({"id": "2401.00007", "title": "Alpha Beta Gamma", "summary": abstract}) + "\n")
    second.write_text(json.dumps({"title": "alpha beta gamma", "abstract": abstract + " Longer.", "upvotes": 4}) + "\n"
                      + json.dumps({"id": "2401.00007", "title": "Alpha Beta Gamma: the Extended Study",
                                    "summary": abstract}) + "\n")
    _ingest(store, first)
    report = _ingest(store, second)
    assert (report.papers, report.load.papers_updated, report.load.papers_extracted) == (1, 1, 1)
    paper, = [row["p"] for row in store.read("MATCH (p:Paper) RETURN properties(p) AS p").records()]
    assert (paper["id"], paper["upvotes"], paper["title"]) == ("arxiv:2401.00007", 4, "Alpha Beta Gamma: the Extended Study")
    assert paper["abstract"].endswith("Longer.") and len(paper["sources"]) == 3
    doubled = store.scalar("MATCH (p:Paper)-[m:MENTIONS]->(e:Entity) WITH e, count(m) AS n WHERE n > 1 RETURN count(e)")
    assert doubled == 0 and store.scalar("MATCH (:Paper)-[m:MENTIONS]->() RETURN count(m)") > 0


def test_a_paper_stored_before_title_keys_existed_is_found_by_its_title(store, two_sources):
    dump, _, first = two_sources
    store.write("CREATE (:Paper {id: 'arxiv:2402.00001', title: $title, sources: ['old.jsonl:1']})",
                {"title": first.title.upper()})
    _ingest(store, dump)
    ids = {row[0] for row in store.read("MATCH (p:Paper) RETURN p.id").rows}
    assert "arxiv:2402.00001" in ids and first.title_key not in ids and len(ids) == 2
