"""Merging copies of the same paper."""
from __future__ import annotations

from ingest.dedupe import dedupe
from ingest.identity import paper_id
from ingest.records import PaperRecord


def record(title, **fields):
    return PaperRecord(id=paper_id(title), title=title, **fields)


def test_merges_by_id_keeping_the_best_of_each_field_in_first_seen_order():
    records = [
        record("Alpha", abstract="short", upvotes=2, sources=("a.txt:1",)),
        record("Beta", sources=("a.txt:5",)),
        record("ALPHA!", abstract="the longer abstract", upvotes=None, published="2025-03-04",
               authors_count=3, sources=("b.txt:9",)),
        record("alpha", abstract="mid", upvotes=5, published="2024-03-04",
               organization="Lab", sources=("a.txt:1", "c.txt:2")),
    ]
    alpha, beta = dedupe(records)
    assert (alpha.title, beta.title) == ("Alpha", "Beta")
    assert alpha.abstract == "the longer abstract"
    assert alpha.upvotes == 5
    assert alpha.published == "2024-03-04"  # the inferred-year copy is the later one
    assert (alpha.authors_count, alpha.organization) == (3, "Lab")
    assert alpha.sources == ("a.txt:1", "b.txt:9", "c.txt:2")


def test_distinct_papers_are_left_alone():
    records = [record("One"), record("Two"), record("Three")]
    assert dedupe(records) == records


def test_arxiv_id_merges_differently_titled_copies():
    first = PaperRecord(id=paper_id("Old Title", "2401.00001"), title="Old Title")
    second = PaperRecord(id=paper_id("New Title", "arXiv:2401.00001v3"), title="New Title")
    (merged,) = dedupe([first, second])
    assert merged.id == "arxiv:2401.00001"
    assert dedupe([second, first]) == [merged]  # the title is picked by value, not by order


def test_one_policy_whatever_the_order_of_merging_and_merging_again_changes_nothing():
    from itertools import permutations

    from ingest.dedupe import merge

    copies = [
        record("Gamma", abstract="short", upvotes=4, published="2025-03-01", published_approximate=True,
               sources=("a.jsonl:1",)),
        record("Gamma", abstract="a longer abstract", published="2025-03-17", url="https://x/1",
               sources=("b.jsonl:7",)),
        record("Gamma", abstract="mid one", upvotes=9, published="2025-03-20", authors=("A. B",),
               sources=("c.jsonl:2",)),
    ]
    merged = merge(merge(copies[0], copies[1]), copies[2])
    assert merge(copies[0], merge(copies[1], copies[2])) == merged  # a stored paper merges like a run
    for copy in copies:
        assert merge(merged, copy) == merged  # a rerun reading the same listing changes nothing
    assert (merged.abstract, merged.upvotes, merged.url, merged.authors) == (
        "a longer abstract", 9, "https://x/1", ("A. B",))
    assert (merged.published, merged.published_approximate) == ("2025-03-17", False)  # exact beats approximate
    for order in permutations(copies):
        other = merge(merge(order[0], order[1]), order[2])
        assert (other.abstract, other.upvotes, other.published) == (merged.abstract, merged.upvotes, merged.published)
