"""The corpus-level refresh is incremental (it reads the entities a load
touched and those their change concerns) and leaves exactly what a refresh
over every entity leaves: after each of several real ingests, a crashed
run's rerun, a base that arrives after its variants and one that goes away,
a full refresh finds nothing to change."""
from __future__ import annotations

import json

import pytest

from graph import queries
from ingest import variants
from ingest.curation import Curation
from ingest.extract import load_extractor
from ingest.fingerprint import extraction_fingerprint
from ingest.load import Loader, load_records
from ingest.records import PaperRecord
from ingest.run import IngestOptions, ingest_paths
from ingest.sources import read_path
from ingest.text import paper_text
from ingest.variants import display_fold
from tests.conftest import SEEDS


def corpus_structure(store) -> tuple[dict, set]:
    names = {key: name for key, name in store.read("MATCH (e:Entity) RETURN e.key, e.name").rows}
    links = {tuple(row) for row in store.read(queries.VARIANT_LINKS).rows}
    return names, links


def assert_as_full_refresh_leaves(store) -> None:
    """A refresh over every entity changes nothing: the incremental ones
    before it left the same names and links."""
    names, links = corpus_structure(store)
    assert len({display_fold(name) for name in names.values()}) == len(names), "two entities' display names read as one"
    done = variants.refresh(store)
    assert done.full
    after_names, after_links = corpus_structure(store)
    assert {k: (names[k], after_names[k]) for k in names if names[k] != after_names[k]} == {}
    assert (links - after_links, after_links - links) == (set(), set())
    assert (done.renamed, done.linked, done.unlinked) == (0, 0, 0)


def paper(n: int, title: str, abstract: str) -> PaperRecord:
    return PaperRecord(id=f"inc:{n}", title=title, abstract=abstract, published=f"2025-03-{n:02d}", sources=("test",))


def seed_records(path) -> list[PaperRecord]:
    return [r for r in read_path(path).records if r.abstract]


def test_incremental_refreshes_leave_what_a_full_refresh_leaves(store, tmp_path):
    extractor = load_extractor("fast")
    seeds = sorted(SEEDS.glob("*.txt"))
    curation = Curation.empty()

    def load(records):
        load_records(store, records, extract=extractor.extract, extraction="test", curation=curation, batch_size=40)

    ingest_paths(store, [str(seeds[0])], IngestOptions(workers=1))
    assert_as_full_refresh_leaves(store)

    # Variants first, their bases later: the stored variants find their new base.
    load([paper(1, "Coding agents", "We evaluate GPT-4o and Llama-2-7B-Chat on HumanEval+ and MBPP."),
          paper(2, "Vision", "We train on ImageNet-1K and report results on COCO 2014.")])
    assert_as_full_refresh_leaves(store)
    load([paper(3, "Baselines", "Our baselines are GPT-4 and Llama 2, evaluated on HumanEval."),
          paper(4, "More vision", "We pre-train on ImageNet and evaluate on COCO.")])
    names, links = corpus_structure(store)
    assert {("gpt-4-o", "gpt-4"), ("imagenet-1-k", "imagenet"), ("coco-14", "coco")} <= links
    assert_as_full_refresh_leaves(store)

    # An interrupted run: two batches written, no refresh (the process died);
    # the rerun over the same and more input refreshes what both wrote.
    crashed = seed_records(seeds[1])[:60]
    loader = Loader(store, extraction_fingerprint("fast", curation), curation)
    for start in (0, 30):
        plan = loader.plan(crashed[start:start + 30])
        docs = list(extractor.extract((r.id, paper_text(r)) for r in plan.to_extract))
        loader.written(plan, loader.write(plan, loader.resolve(docs)))
    due = variants.DueRefresh.of(store)
    assert due.keys(store), "the written batches' entities are listed as due"
    listing = tmp_path / "rerun.jsonl"
    listing.write_text("".join(json.dumps({"id": r.id, "title": r.title, "abstract": r.abstract, "published": r.published}) + "\n"
                               for r in seed_records(seeds[1])[:90]))
    report = ingest_paths(store, [str(listing)], IngestOptions(workers=1))
    assert report.load.papers_unchanged >= 60 and not due.path.exists()
    assert_as_full_refresh_leaves(store)

    # Bases that go away: entities only paper 3 named, some of them bases
    # (Llama 2 of Llama-2-7B-Chat): their variants go to the next base, if any.
    only_3 = {key for (key,) in store.read(
        "MATCH (e:Entity)<-[:MENTIONS]-(:Paper {id: 'inc:3'}) WHERE e.paper_count = 1 RETURN e.key").rows}
    assert only_3 & {base for _, base in corpus_structure(store)[1]}
    load([paper(3, "Baselines", "Our baselines are strong models of many kinds, evaluated at length on HumanEval and MBPP."),
          paper(5, "Names", "We define reinforcement learning (RL) for robots. RL needs rewards."),
          paper(6, "Meta", "We study meta-reinforcement learning (RL). Our RL agent adapts.")])
    names, links = corpus_structure(store)
    assert not only_3 & set(names) and not only_3 & {base for _, base in links}
    assert_as_full_refresh_leaves(store)

    # One acronym, two senses, in two loads: the stored entity that shares
    # the new one's name is found by its name and qualified. (An acronym the
    # knowledge base knows, such as SMA, names neither: OTHERS_ACRONYM_RULE.)
    load([paper(7, "Attention", "We propose sparse zone attention (SZA). SZA is fast. SZA scales. With SZA, models train faster.")])
    load([paper(8, "Trading", "We smooth prices with a simple zonal average (SZA). SZA lags. SZA is cheap. SZA beats noise.")])
    names, _ = corpus_structure(store)
    assert names["sparsezoneattention"] == "SZA (sparse zone attention)" and names["simplezonalaverage"] == "SZA"
    assert_as_full_refresh_leaves(store)

    # Names a reader does not tell apart, in two loads: "PLM" and "PLMs".
    load([paper(9, "Ranking", "We fine-tune pretrained language models (PLM) for retrieval. The PLM ranks passages. Our PLM is small.")])
    load([paper(10, "Proteins", "We train protein language models (PLMs) on sequences. PLMs predict structure. PLMs scale.")])
    names, _ = corpus_structure(store)
    assert {names["pretrainedlanguagemodel"], names["proteinlanguagemodel"]} == {"PLM", "PLMs (protein language models)"}
    assert_as_full_refresh_leaves(store)

    ingest_paths(store, [str(seeds[2])], IngestOptions(workers=1))
    assert_as_full_refresh_leaves(store)


def test_a_refresh_reads_the_touched_entities_and_their_neighbours_only(store):
    load_records(store, [paper(n, f"Paper {n}", text) for n, text in enumerate([
        "We evaluate GPT-4o, Llama-2-7B and Qwen2.5-7B-Instruct on HumanEval+ and MMLU.",
        "Results on ImageNet-1K, ImageNet-21K, COCO 2014 and CIFAR-10 with ResNet-50 and ViT-B.",
        "BERT, RoBERTa and T5 on GLUE and SuperGLUE; GPT-2 as a baseline.",
    ], start=1)], extract=load_extractor("fast").extract, extraction="test", curation=Curation.empty())
    total = store.scalar("MATCH (e:Entity) RETURN count(e)")
    done = variants.refresh(store, ["gpt-4"])  # a base that is not there: its variants are looked at, nothing else
    assert not done.full and done.read <= 3 < total
    assert (done.renamed, done.linked, done.unlinked) == (0, 0, 0)
    # A graph written before entities stored name_fold, one whose base keys
    # were peeled with other marks, or a marker an older version left
    # (empty, no header), gets one refresh over every entity.
    store.write("MATCH (e:Entity) REMOVE e.name_fold, e.name_clash, e.base_keys, e.variant_marks")
    done = variants.refresh(store, ["gpt-4"])
    assert done.full and store.scalar("MATCH (e:Entity) WHERE e.name_fold IS NULL OR e.name_clash IS NULL RETURN count(e)") == 0
    store.write("MATCH (e:Entity {key: 'gpt-4-o'}) SET e.base_keys = ['gpt'], e.variant_marks = 'older marks'")
    assert variants.refresh(store, ["gpt-4"]).full
    assert store.scalar("MATCH (e:Entity {key: 'gpt-4-o'}) RETURN e.base_keys") == variants.base_keys("GPT-4o")
    due = variants.DueRefresh.of(store)
    due.path.parent.mkdir(parents=True, exist_ok=True)
    due.path.write_text("")
    assert due.keys(store) is None and due.run(store).full and not due.path.exists()
    # Keys due for half the graph's entities or more (a first load) ask for
    # one read of every entity; fewer, for those keys.
    keys = sorted(key for (key,) in store.read("MATCH (e:Entity) RETURN e.key").rows)
    due.add(keys[:len(keys) // 2 - 1])
    assert due.keys(store) == set(keys[:len(keys) // 2 - 1]) and not due.run(store).full
    due.add(keys[:(len(keys) + 1) // 2])
    assert due.keys(store) is None and due.run(store).full


@pytest.mark.parametrize("query", [variants.ENTITIES_BY_KEY, variants.ENTITIES_BY_NAME, variants.LINKS_OF, "variants_of_bases"])
def test_the_refresh_lookups_start_from_an_index(store, query):
    """On the real FalkorDB server's plans (GRAPH.EXPLAIN): every lookup of
    an incremental refresh is an index seek, none a scan of every entity."""
    operations = str(store._graph.explain(getattr(store.dialect, query, query)))
    assert "Index Scan" in operations and "Label Scan" not in operations and "All Node Scan" not in operations, operations
