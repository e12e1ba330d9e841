"""The gold corpora in `shared/gold/`: where they are, how their labels map
onto paperkg's, and which slice of each is used for training or scoring.

Training and evaluation share these maps so a model is trained on exactly
the label meaning it is later scored against.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from ingest.extract.jsonl import json_objects

GOLD_DIR = Path(os.environ.get("PAPERKG_GOLD_DIR", Path(__file__).resolve().parents[3] / "shared" / "gold"))

# Corpora with no dev split are scored on a held-out slice of train: every
# HOLDOUT_EVERY-th record, never trained on.
HOLDOUT_EVERY = 5

# paperkg labels a corpus label stands for. DATASET and BENCHMARK are one
# group: no corpus separates them, so both count as a match for a corpus's
# dataset-like label. Labels absent from a map (Generic, OtherScientificTerm,
# ReferenceLink, ...) are ignored in scoring and training.
DATASETISH = ("DATASET", "BENCHMARK")
LABEL_MAPS: dict[str, dict[str, tuple[str, ...]]] = {
    "scierc": {"Method": ("METHOD",), "Task": ("TASK",), "Metric": ("METRIC",), "Material": DATASETISH},
    "scirex": {"Method": ("METHOD",), "Task": ("TASK",), "Metric": ("METRIC",), "Material": DATASETISH},
    "tdmsci": {"TASK": ("TASK",), "DATASET": DATASETISH, "METRIC": ("METRIC",)},
    "cmu": {"MethodName": ("METHOD",), "DatasetName": DATASETISH, "TaskName": ("TASK",), "MetricName": ("METRIC",)},
    "scier": {"Method": ("METHOD",), "Dataset": DATASETISH, "Task": ("TASK",)},
    "gsap": {
        "Method": ("METHOD",),
        "MLModel": ("METHOD",),
        "ModelArchitecture": ("METHOD",),
        "Dataset": DATASETISH,
        "Task": ("TASK",),
    },
    # SemEval-2017: Process is methods and physical processes alike, Material
    # is mostly substances; only Task is comparable.
    "scienceie": {"Task": ("TASK",), "Process": ("METHOD",), "Material": DATASETISH},
}

FILES = {
    "scierc": "scierc",
    "scirex": "scirex",
    "tdmsci": "tdmsci",
    "cmu": "cmu_sciner",
    "scier": "scier",
    "gsap": "gsap_ner",
    "scienceie": "scienceie2017",
}


@dataclass(frozen=True)
class GoldEntity:
    start: int
    end: int
    label: str
    text: str


@dataclass(frozen=True)
class GoldRecord:
    id: str
    text: str
    entities: tuple[GoldEntity, ...]


def read_gold(path: str | Path) -> Iterator[GoldRecord]:
    """The records of a gold JSONL file; a line that is no JSON object or no
    gold record raises a ValueError naming the file and line."""
    for line_no, row in json_objects(path):
        try:
            entities = tuple(
                GoldEntity(e["start"], e["end"], e["label"], e.get("text", row["text"][e["start"] : e["end"]]))
                for e in row.get("entities", ())
            )
            record = GoldRecord(str(row.get("id", line_no)), row["text"], entities)
        except (KeyError, TypeError) as exc:
            raise ValueError(f"{path}:{line_no}: not a gold record ({exc})") from exc
        yield record


def split_records(corpus: str, split: str) -> list[GoldRecord]:
    """`split` is "train", "dev", or for corpora without a dev file "train"
    minus the held-out slice and "heldout" for that slice."""
    stem = FILES[corpus]
    dev_file = GOLD_DIR / f"{stem}.dev.jsonl"
    if split == "dev" and dev_file.exists():
        return list(read_gold(dev_file))
    records = list(read_gold(GOLD_DIR / f"{stem}.train.jsonl"))
    if dev_file.exists():
        if split != "train":
            raise ValueError(f"{corpus} has a dev split; use split='dev'")
        return records
    held = [r for i, r in enumerate(records) if i % HOLDOUT_EVERY == 0]
    kept = [r for i, r in enumerate(records) if i % HOLDOUT_EVERY != 0]
    if split in ("dev", "heldout"):
        return held
    return kept


def eval_split(corpus: str) -> str:
    return "dev" if (GOLD_DIR / f"{FILES[corpus]}.dev.jsonl").exists() else "heldout"
