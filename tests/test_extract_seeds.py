"""Entity lists on the real seed abstracts, without a database: extract every
seed paper (title + abstract, as the loader does), resolve, and check what a
researcher would see at the top of each type."""
from __future__ import annotations

import re
from collections import Counter, defaultdict

import pytest

from ingest.dedupe import dedupe
from ingest.extract import gazetteer, load_extractor
from ingest.extract.sanity import measure_like
from ingest.extract.vocab import AREA_TERMS, FIELD_TERMS, GENERIC_TERMS, ORGANISATIONS
from ingest.normalize import alias_key, resolve
from ingest.sources import read_hf_daily
from tests.conftest import SEEDS

TOP = 50
LABELS = ("METHOD", "DATASET", "BENCHMARK", "TASK", "METRIC")


@pytest.fixture(scope="module")
def seed_entities():
    """label -> [(paper_count, name, key, surfaces)], most papers first, with
    the loader's choices: majority label across papers, most used surface."""
    records = dedupe(r for path in sorted(SEEDS.glob("*.txt")) for r in read_hf_daily(path).records)
    assert len(records) > 200
    extractor = load_extractor("fast")
    docs = list(extractor.extract((r.id, f"{r.title}\n\n{r.abstract}" if r.abstract else r.title) for r in records))
    by_key = defaultdict(list)
    for link in resolve(docs, {}):
        by_key[link.key].append(link)
    table = defaultdict(list)
    for key, links in by_key.items():
        labels = Counter(link.label for link in links)
        surfaces = Counter()
        for link in links:
            for rank, surface in enumerate(link.surfaces):
                surfaces[surface] += link.count if rank == 0 else 1
        label = max(labels, key=lambda lab: (labels[lab], -LABELS.index(lab)))
        table[label].append((len(links), surfaces.most_common(1)[0][0], key, set(surfaces)))
    return {label: sorted(rows, key=lambda r: (-r[0], r[1])) for label, rows in table.items()}


def top(seed_entities, label, n=TOP):
    return seed_entities.get(label, [])[:n]


NUMBER_OR_SIZE = re.compile(r"^[\d.,]+\s*[kKmMbBxX%]?$")


@pytest.mark.parametrize("label", LABELS)
def test_no_numbers_sizes_or_generic_terms_at_the_top(seed_entities, label):
    for _, name, key, _ in top(seed_entities, label):
        assert not NUMBER_OR_SIZE.match(name), (label, name)
        assert key not in GENERIC_TERMS and key not in ORGANISATIONS, (label, name)
        if label != "METHOD":
            assert key not in FIELD_TERMS, (label, name)
        if label != "TASK":
            assert key not in AREA_TERMS, (label, name)


def test_metrics_at_the_top_look_like_measures(seed_entities):
    for _, name, _, surfaces in top(seed_entities, "METRIC"):
        assert any(measure_like(s) or gazetteer.lookup(s) == "METRIC" for s in surfaces), name


@pytest.mark.parametrize("label,names", [
    ("BENCHMARK", {"16", "6", "NLP", "Training Algorithms"}),
    ("DATASET", {"1M", "Accompanied", "CC-BY", "CMOS", "C_Psi", "INT8", "TypeScript"}),
    ("TASK", {"next-generation", "AI systems", "Error analysis", "retraining", "machine learning"}),
    ("METRIC", {"XLA", "CLIP", "EF", "Parseval identity", "computational capabilities", "PPLs"}),
])
def test_reported_junk_is_gone(seed_entities, label, names):
    found = {name for _, name, _, surfaces in seed_entities.get(label, []) for name in surfaces}
    assert not found & names


def key_of(seed_entities, surface):
    keys = {key for rows in seed_entities.values() for _, _, key, surfaces in rows if surface in surfaces}
    assert len(keys) == 1, (surface, keys)
    return keys.pop()


def test_acronyms_and_long_forms_share_an_entity(seed_entities):
    assert key_of(seed_entities, "FID") == key_of(seed_entities, "Frechet Inception Distance")
    assert key_of(seed_entities, "math reasoning") == key_of(seed_entities, "mathematical reasoning")
    assert key_of(seed_entities, "Llama2") == alias_key("Llama 2") != alias_key("LLaMA")


def test_top_entities_are_the_expected_ones(seed_entities):
    keys = {label: {key for _, _, key, _ in top(seed_entities, label, 20)} for label in LABELS}
    # Papers' readings alone split a data set from a benchmark here (ImageNet is read as a benchmark in
    # more of the seeds' papers); the graph tells them apart with the knowledge base (`corpus_label`).
    keys["DATASET"] = keys["BENCHMARK"] = keys["DATASET"] | keys["BENCHMARK"]

    def expect(label, *names):
        assert {alias_key(n) for n in names} <= keys[label], label

    expect("METHOD", "fine-tuning", "Transformer", "GPT-4")
    expect("DATASET", "ImageNet", "MNIST")
    expect("BENCHMARK", "HumanEval", "MBPP", "GSM8K")
    expect("TASK", "code generation", "mathematical reasoning")
    expect("METRIC", "accuracy", "FID", "latency")
