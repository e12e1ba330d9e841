"""Scoring rules of `paperkg eval`: label maps, dropped labels, exact vs overlap."""
from __future__ import annotations

import json

import pytest

from ingest.evaluate import evaluate, resolve_map


def gold_file(tmp_path, records):
    path = tmp_path / "gold.jsonl"
    rows = []
    for i, (text, entities) in enumerate(records):
        ents = []
        for surface, label in entities:
            start = text.index(surface)
            ents.append({"start": start, "end": start + len(surface), "label": label, "text": surface})
        rows.append(json.dumps({"id": str(i), "source": "t", "split": "dev", "text": text, "entities": ents}))
    path.write_text("\n".join(rows) + "\n")
    return path


def test_material_matches_dataset_or_benchmark_and_unmapped_labels_are_ignored(tmp_path):
    path = gold_file(tmp_path, [
        ("We report results on GLUE with BERT and measure accuracy.",
         [("GLUE", "Material"), ("BERT", "Method"), ("accuracy", "Metric"), ("results", "Generic")]),
    ])
    report = evaluate(path, "scierc")
    exact = report.as_dict()["exact"]
    assert exact["DATASET"]["tp"] == 1  # predicted BENCHMARK counts for Material
    assert exact["METHOD"]["tp"] == 1 and exact["METRIC"]["tp"] == 1
    assert report.micro().fn == 0  # the Generic span is not expected


def test_predictions_of_labels_the_corpus_lacks_are_dropped(tmp_path):
    # SciER annotates no metrics: the predicted METRIC "accuracy" must not count as a false positive.
    path = gold_file(tmp_path, [("BERT reaches high accuracy on SQuAD.", [("BERT", "Method"), ("SQuAD", "Dataset")])])
    report = evaluate(path, "scier")
    assert "METRIC" not in report.exact
    assert report.micro().fp == 0 and report.micro().tp == 2


def test_overlap_credits_partial_spans(tmp_path):
    # No prediction starts with a preposition, so this gold span can only overlap.
    path = gold_file(tmp_path, [("We evaluate on the ImageNet-1K dataset.", [("on the ImageNet-1K dataset", "Material")])])
    report = evaluate(path, "scirex")
    assert report.micro("exact").tp == 0
    assert report.micro("overlap").tp == 1
    assert "micro" in report.format() and report.to_rich_table().row_count == len(report.exact) + 1


def test_unknown_map_is_a_clear_error():
    with pytest.raises(ValueError, match="unknown label map 'nope'"):
        resolve_map("nope")
    assert resolve_map("gsap_ner") == "gsap"
