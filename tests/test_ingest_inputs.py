"""What ingest reads: compressed files through every reader, bad characters
and wrongly typed fields as per-record problems, and the merge policy that
keeps the stored abstract and the extracted text the same text."""
from __future__ import annotations

import bz2
import gzip
import json
import lzma
import shutil

import pytest
import zstandard

from ingest.run import IngestOptions, ingest_paths
from ingest.sources import collect_inputs, read_path
from ingest.sources.inputs import iter_path
from tests.conftest import SEEDS

COMPRESSORS = {
    ".gz": gzip.compress,
    ".bz2": bz2.compress,
    ".xz": lzma.compress,
    ".zst": lambda data: zstandard.ZstdCompressor().compress(data),
}
SEED = sorted(SEEDS.glob("*.txt"))[0]


def seed_rows(n):
    return [{"title": r.title, "abstract": r.abstract, "published": r.published}
            for r in read_path(SEED).records[:n]]


@pytest.mark.parametrize("suffix", COMPRESSORS)
def test_compressed_files_read_as_the_plain_ones_in_every_format(tmp_path, suffix):
    jsonl = tmp_path / "papers.jsonl"
    jsonl.write_text("".join(json.dumps(row) + "\n" for row in seed_rows(20)))
    for plain in (jsonl, SEED):
        packed = tmp_path / "packed" / (plain.name + suffix)
        packed.parent.mkdir(exist_ok=True)
        packed.write_bytes(COMPRESSORS[suffix](plain.read_bytes()))
        expected = read_path(plain)
        got = read_path(packed)
        assert [r.title for r in got.records] == [r.title for r in expected.records] and got.records
        assert [r.abstract for r in got.records] == [r.abstract for r in expected.records]
        assert not got.problems
    files, problems = collect_inputs([tmp_path / "packed"])
    assert sorted(f.name for f in files) == sorted([f"papers.jsonl{suffix}", f"{SEED.name}{suffix}"]) and not problems


def test_a_cut_short_compressed_file_is_a_problem_not_a_crash(tmp_path):
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(gzip.compress(b"".join(json.dumps(r).encode() + b"\n" for r in seed_rows(30)))[:-200])
    chunks = list(iter_path(path))
    problems = [p for c in chunks for p in c.problems]
    assert any("corrupt or cut short" in p.message for p in problems)
    assert sum(len(c.records) for c in chunks) > 0  # what came before the cut still counts


def test_control_characters_and_wrong_types_are_per_record_problems(tmp_path, store):
    rows = seed_rows(6)
    rows[1]["title"] += "\u0000"
    rows[1]["abstract"] = "\u0007" + rows[1]["abstract"] + "\u0000 end"
    rows[2]["abstract"] = ["a", "list"]
    rows[3]["abstract"] = 42
    rows[4]["title"] = {"an": "object"}
    path = tmp_path / "mixed.jsonl"
    path.write_text("".join(json.dumps(row) + "\n" for row in rows))
    report = ingest_paths(store, [str(path)], IngestOptions(workers=1))
    messages = {str(p) for p in report.problems}
    assert f"{path}:2: control characters removed from title, abstract" in messages
    assert f"{path}:3: abstract is a list, not text; left empty" in messages
    assert f"{path}:4: abstract is a number, not text; left empty" in messages
    assert f"{path}:5: title is an object, not text; record skipped" in messages
    assert report.total_papers == 5  # every good record, the cleaned one and the two without abstract
    stored = store.read("MATCH (p:Paper) RETURN p.title, p.abstract").rows
    assert not any("\u0000" in (t + (a or "")) or "\u0007" in (a or "") for t, a in stored)
    assert (rows[1]["title"][:-1], rows[1]["abstract"][1:].replace("\u0000", "")) in [tuple(r) for r in stored]


def test_stored_abstract_is_the_text_links_come_from_when_a_shorter_copy_follows(tmp_path, store):
    (row,) = seed_rows(1)
    longer = dict(row, abstract=row["abstract"] + " We compare against BERT on ImageNet.")
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    first.write_text(json.dumps(longer) + "\n")
    second.write_text(json.dumps(dict(row, abstract=row["abstract"][:60])) + "\n")
    ingest_paths(store, [str(first)], IngestOptions(workers=1))
    before = store.read("MATCH (p:Paper)-[m:MENTIONS]->(e:Entity) RETURN e.key, m.evidence").rows
    report = ingest_paths(store, [str(second)], IngestOptions(workers=1))
    assert report.load.papers_extracted == 0
    (abstract,) = store.read("MATCH (p:Paper) RETURN p.abstract").rows[0]
    assert abstract == longer["abstract"]
    after = store.read("MATCH (p:Paper)-[m:MENTIONS]->(e:Entity) RETURN e.key, m.evidence").rows
    assert sorted(after) == sorted(before) and any(key == "imagenet" for key, _ in after)
    assert all(evidence in longer["title"] + "\n\n" + abstract for _, evidence in after)


def test_the_same_paper_in_one_run_or_in_two_gives_the_same_node(tmp_path, store, paperkg_home):
    from graph import StoreConfig, open_store

    rows = seed_rows(3)
    early = dict(rows[0], published=None, upvotes=3)
    late = dict(rows[0], abstract=rows[0]["abstract"] + " More.", published="2024-02-02", upvotes=9)
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    a.write_text(json.dumps(early) + "\n" + json.dumps(rows[1]) + "\n")
    b.write_text(json.dumps(late) + "\n" + json.dumps(rows[2]) + "\n")
    ingest_paths(store, [str(a), str(b)], IngestOptions(workers=1, batch_size=1))
    with open_store(StoreConfig.from_env(graph_name=store.graph_name + "_2")) as other:
        try:
            ingest_paths(other, [str(a)], IngestOptions(workers=1))
            ingest_paths(other, [str(b)], IngestOptions(workers=1))
            query = "MATCH (p:Paper) RETURN p.id, p.abstract, p.published, p.upvotes, p.sources ORDER BY p.id"
            assert store.read(query).rows == other.read(query).rows
            entities = "MATCH (e:Entity) RETURN e.key, e.paper_count, e.aliases, e.first_seen ORDER BY e.key"
            assert store.read(entities).rows == other.read(entities).rows
        finally:
            other.drop_graph()
    (published, upvotes, sources), = store.read(
        "MATCH (p:Paper {id: $id}) RETURN p.published, p.upvotes, p.sources", {"id": read_path(SEED).records[0].id}).rows
    assert (published, upvotes) == ("2024-02-02", 9) and sources == [f"{a}:1", f"{b}:1"]
    shutil.rmtree(tmp_path)
