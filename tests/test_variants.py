"""Variants as structure (VARIANT_OF), merges of mere spelling variants, and
display names no two entities share."""
from __future__ import annotations

import pytest

from graph import queries
from ingest.curation import Curation
from ingest.extract import gazetteer, load_extractor
from ingest.load import load_records
from ingest.normalize import alias_key
from ingest.records import PaperRecord
from ingest.variants import NamedEntity, base_keys, qualified_names, variant_links


@pytest.mark.parametrize("variant,base", [
    ("ImageNet-1K", "ImageNet"), ("COCO 2014", "COCO"), ("HumanEval+", "HumanEval"), ("ImageNet 32x32", "ImageNet"),
    ("HumanEval Pro", "HumanEval"), ("Gemini 1.5 Pro", "Gemini 1.5"),
    ("GPT-4o", "GPT-4"), ("Llama-2-7B", "Llama 2"), ("Qwen2.5-7B-Instruct", "Qwen2.5-7B"), ("YOLOv8", "YOLO"),
    ("Qwen2-Audio", "Qwen2"), ("Qwen2-VL-2B", "Qwen2-VL"), ("Qwen2.5-Omni", "Qwen2.5"),
    ("BrowseComp-en", "BrowseComp"), ("BrowseComp-ZH", "BrowseComp"), ("GEdit-Bench-EN", "GEdit-Bench"),
])
def test_the_nearest_base_comes_first(variant, base):
    assert base_keys(variant)[0] == alias_key(base)


@pytest.mark.parametrize("name", ["GSM8K", "T5", "BERT", "MMLU", "F1", "word2vec", "CMA-ES", "Dynamic En"])
def test_names_with_a_number_inside_are_no_variants(name):
    assert base_keys(name) == []


def test_a_variant_links_to_the_nearest_base_the_graph_holds():
    entities = [("gpt-4-o", "GPT-4o", "Method"), ("gpt", "GPT", "Method"), ("llama-2-7-b", "Llama-2-7B", "Method"),
                ("llama", "Llama", "Method"), ("math-7-b", "Math-7B", "Method"), ("math", "MATH", "Benchmark"),
                ("coco-14", "COCO 2014", "Dataset"), ("coco", "COCO", "Benchmark")]
    assert {(link.variant, link.base) for link in variant_links(entities)} == {
        ("gpt-4-o", "gpt"), ("llama-2-7-b", "llama"), ("coco-14", "coco")}  # a model is no variant of a benchmark
    entities.append(("gpt-4", "GPT-4", "Method"))
    assert ("gpt-4-o", "gpt-4") in {(link.variant, link.base) for link in variant_links(entities)}


@pytest.mark.parametrize("forms", [
    ("Transformer", "Transformers", "transformer model", "Transformer architecture"),
    ("COCO", "COCO dataset", "the COCO benchmark", "MS-COCO"), ("pre-training", "pretraining", "pre training"),
])
def test_plural_hyphen_spacing_and_generic_heads_merge_outright(forms):
    assert len({gazetteer.canonical(f) for f in forms}) == 1


def test_entities_sharing_a_display_name_get_a_qualifier():
    renamed = qualified_names([
        NamedEntity("reinforcementlearning", "RL", "Method", 30, ("RL", "reinforcement learning")),
        NamedEntity("metareinforcementlearning", "RL", "Method", 2, ("RL", "meta-reinforcement learning")),
        NamedEntity("sft", "SFT", "Method", 5), NamedEntity("sft-task", "SFT", "Task", 1),
    ])
    assert renamed == {"metareinforcementlearning": "RL (meta-reinforcement learning)", "sft-task": "SFT (Task)"}
    # the long form the acronym abbreviates, not the next form by count (the 10k graph's "OOD (OoDD)")
    renamed = qualified_names([
        NamedEntity("ood", "OOD", "Task", 10, ("OOD",)),
        NamedEntity("outofdistributiondetection", "OOD", "Task", 8,
                    ("OOD", "OoDD", "Out-of-distribution (OOD) detection", "Out-of-distribution detection")),
    ])
    assert renamed == {"outofdistributiondetection": "OOD (Out-of-distribution detection)"}


def test_names_a_reader_does_not_tell_apart_get_a_qualifier():
    """Case, spacing, hyphens and a plural "s" do not tell two names apart;
    a capital letter does ("SDS" is not SD's plural)."""
    renamed = qualified_names([
        NamedEntity("pretrainedlanguagemodel", "PLM", "Method", 30, ("PLM", "pretrained language models")),
        NamedEntity("proteinlanguagemodel", "PLMs", "Method", 2, ("PLMs", "protein language models")),
        NamedEntity("graphrag", "Graph RAG", "Method", 10, ("Graph RAG", "GraphRAG")),
        NamedEntity("graphbasedrag", "GraphRAG", "Method", 3, ("GraphRAG", "graph-based retrieval-augmented generation")),
        NamedEntity("sds", "SDS", "Method", 13), NamedEntity("stardist", "SD", "Method", 2),
        NamedEntity("vit", "ViT", "Method", 205), NamedEntity("vitsmall", "ViT-S", "Method", 2),
        NamedEntity("loss", "loss", "Metric", 5), NamedEntity("lo", "Lo", "Method", 2),
        NamedEntity("reasoninglanguagemodel", "RLM", "Method", 4, ("RLMs", "reasoning language models", "RLM")),
        NamedEntity("reasoningllm", "RLMs", "Method", 3, ("RLMs", "RLLMs", "Reasoning LLMs", "reasoning-LLM")),
    ])
    assert renamed == {"proteinlanguagemodel": "PLMs (protein language models)",
                       "graphbasedrag": "GraphRAG (graph-based retrieval-augmented generation)",
                       "reasoningllm": "RLMs (Reasoning LLMs)"}  # words, not the next form's letters


def record(n: int, title: str, abstract: str) -> PaperRecord:
    return PaperRecord(id=f"var:{n}", title=title, abstract=abstract, published=f"2025-02-{n:02d}", sources=("test",))


def test_a_version_one_paper_links_to_its_base_keeps_its_own_papers(store):
    """One paper's "generative pre-trained transformer (GPT-3.5-turbo)" linked
    that form to GPT; GPT then claimed the name, and every GPT-3.5 Turbo read
    later joined GPT (37 papers of the 40k graph in a re-extraction)."""
    from ingest.mentions import ExtractedDoc, Mention

    def doc(n: int, forms: list[tuple[str, str]]) -> ExtractedDoc:
        text = f"Paper {n}: " + " and ".join(form for form, _ in forms) + "."
        return ExtractedDoc(f"ver:{n}", text, [Mention(text.index(f), text.index(f) + len(f), "METHOD", f, key,
                                                        sentence_end=len(text)) for f, key in forms])

    first = doc(1, [("GPT", "gpt"), ("GPT-3.5-turbo", "gpt")])
    later = [doc(n, [("GPT-3.5 Turbo", "gpt-3-5-turbo")]) for n in (2, 3, 4)]
    docs = {d.id: d for d in (first, *later)}
    records = [PaperRecord(id=i, title=f"Versions {i}", abstract=d.text, published="2025-01-01", sources=("t",))
               for i, d in docs.items()]
    for batch in (records[:1], records[1:]):
        load_records(store, batch, extract=lambda pairs: [docs[i] for i, _ in pairs], extraction="t",
                     curation=Curation.empty())
    papers = dict(store.read("MATCH (e:Entity) RETURN e.key, e.paper_count").rows)
    assert papers.get("gpt-3-5-turbo") == 3 and papers["gpt"] == 1


def test_ingest_links_variants_and_keeps_display_names_unique(store):
    records = [
        record(1, "Coding with GPT-4o", "We evaluate GPT-4o and GPT-4 on HumanEval+ and HumanEval."),
        record(2, "Vision at scale", "We pre-train on ImageNet-1K and report results on ImageNet and COCO 2014."),
        record(3, "Meta-learning agents", "We study meta-reinforcement learning (RL). Our RL agent adapts fast."),
        record(4, "Policies", "Reinforcement learning (RL) trains policies. RL is sample hungry."),
        record(5, "More policies", "Reinforcement learning (RL) again. We apply RL to robots."),
    ]
    extractor = load_extractor("fast")
    load_records(store, records, extract=extractor.extract, extraction="test", curation=Curation.empty())
    links = {tuple(row) for row in store.read("MATCH (a:Entity)-[:VARIANT_OF]->(b:Entity) RETURN a.name, b.name").rows}
    assert {("GPT-4o", "GPT-4"), ("HumanEval+", "HumanEval"), ("ImageNet-1K", "ImageNet")} <= links
    names = [row[0].casefold() for row in store.read("MATCH (e:Entity) RETURN e.name").rows]
    assert len(names) == len(set(names))
    rows = {r["key"]: r["name"] for r in store.read(queries.ENTITY_NAMES).records()}
    assert rows[alias_key("reinforcement learning")] == "reinforcement learning"  # the knowledge base's name
    meta = store.read("MATCH (p:Paper {id: 'var:3'})-[m:MENTIONS]->(e:Entity) WHERE 'RL' IN m.surfaces RETURN e.key").rows
    assert meta == [[alias_key("meta-reinforcement learning")]]  # the meta-RL paper's RL is its own entity


def test_details_roll_variants_up_under_their_base(store):
    from graph import views

    records = [record(6, "Pre-training at scale", "We pre-train on ImageNet-1K and ImageNet-21K and test on ImageNet.")]
    extractor = load_extractor("fast")
    load_records(store, records, extract=extractor.extract, extraction="test", curation=Curation.empty())
    base = views.entity_details(store, "imagenet")
    assert {"ImageNet-1K", "ImageNet-21K"} <= {e.name for e in base.variants} and base.variant_of == []
    variant = views.entity_details(store, alias_key("ImageNet-1K"))
    assert [e.key for e in variant.variant_of] == ["imagenet"]
