"""An entity's type across the graph: every paper's reading of it (kept as a
tally on the entity, so the type is recomputed as papers arrive), weighed
against the knowledge base's type.

Corpus-level, not per paper: a change here re-derives stored entities'
labels from their tallies (`fingerprint.confidence_rules_id` hashes this
file; `load.rescore_stale`), and no paper is re-extracted. A paper's own
reading is `normalize.paper_label`."""
from __future__ import annotations

import re
from collections import Counter
from typing import Mapping, Sequence

from ingest import kb
from ingest.normalize import abbreviates, alias_key


# Ties between labels go to the more specific reading: a resource called a
# benchmark anywhere is a benchmark.
LABEL_PREFERENCE = ("Benchmark", "Dataset", "Method", "Task", "Metric")
_DATASET_GROUP = ("Benchmark", "Dataset")


# The knowledge base's type is a prior worth this share of an entity's papers
# (and one paper more): it stands against scattered model misreadings and
# yields only when more than two thirds of the papers read the name as one
# other type. Names are ambiguous across a field: a leaderboard's "CR"
# (customer reviews) is "causal reasoning" in 90 arXiv papers.
KB_PRIOR_SHARE = 1 / 3


# A name the knowledge base does not know is a data set (or benchmark) only
# when at least this share of its papers read it as one. Measured on the first
# 10k arXiv papers (names in 4+ papers): named data sets are read as data in
# all or nearly all their papers (ImageNet-100, MVTec-AD, SemanticKITTI: 93-100
# %), while those read otherwise in a third or more were modalities and sensors
# (MRI, CT, RGB-D, whole-slide images, ECG, LiDAR data), models (GroundingDINO,
# BiomedCLIP, MUSE) and a metric (KID); two real data sets were in that band
# too (FashionIQ 60 %, BOP 62 %). The model reads any name after "on" / "from"
# as data; it reads a data set's name as something else far less often.
DATA_MIN_SHARE = 2 / 3


def corpus_label(papers_by_label: Mapping[str, int], kb_label: str | None = None, kb_curated: bool = False) -> str:
    """An entity's node label: the majority of its papers' readings (a data set
    only with DATA_MIN_SHARE of them), with the knowledge base's type as a
    prior for a name it knows (see KB_PRIOR_SHARE).

    Whether a data set is a benchmark: a curated knowledge base (`kb_curated`:
    the gazetteer and Papers with Code, not a gold corpus's spans) tells a
    collection of data (COCO, nuScenes, CIFAR-100) from an evaluation suite or
    leaderboard (GLUE, MMLU), and a collection stays a Dataset in papers that
    call it "the COCO benchmark": both of session 21's outside judges found
    ten such collections in the 10k Benchmark top 40 ("swap"), while its
    Dataset top 40 reached down to names in four papers. Otherwise the
    papers decide: a name they mostly use as a benchmark is a Benchmark."""
    votes: Counter = Counter({label: n for label, n in papers_by_label.items() if n})
    data = votes["Dataset"] + votes["Benchmark"]
    if not kb_label and data:
        if data >= DATA_MIN_SHARE * sum(votes.values()):
            return "Benchmark" if votes["Benchmark"] >= votes["Dataset"] else "Dataset"
        del votes["Dataset"], votes["Benchmark"]
    if kb_label:
        if kb_label in _DATASET_GROUP:
            group = votes.pop("Benchmark", 0) + votes.pop("Dataset", 0)
            if not kb_curated:
                kb_label = "Benchmark" if papers_by_label.get("Benchmark", 0) > papers_by_label.get("Dataset", 0) else "Dataset"
            votes[kb_label] = group  # the papers' Dataset and Benchmark readings both back a KB data set
        votes[kb_label] += KB_PRIOR_SHARE * sum(papers_by_label.values()) + 1
    return max(votes, key=lambda label: (votes[label], -LABEL_PREFERENCE.index(label)))


# SHARED_TASK_RULE: a task of an evaluation campaign ("SemEval-2025 Task 5",
# "DCASE Challenge Task 1", "WMT24 shared task") is a benchmark: a test set
# with a leaderboard that teams enter. Papers enter it "for" or "at" the task
# and the model reads it as data, a task or a method: on the 10k graph the
# six visible SemEval-2025 tasks were Datasets at confidence 0.40-0.50, their
# papers split. Every outside judge who met one (nine verdicts, sessions
# 25-35) typed it a Benchmark. Its name says what it is, so its papers'
# readings do not decide its type. A campaign's name before "Task N" or
# "shared task" has a name's shape (a capital inside or a digit): "the
# Multilingual Shared Task" names no campaign.
_CAMPAIGN_TASK = re.compile(r"^(?P<campaign>.*\S)\s+(?:Task\s+\d+[A-Za-z]?|[Ss]hared[- ][Tt]asks?)$")


def campaign_task(forms: Sequence[str]) -> bool:
    """A form of the name is an evaluation campaign's task (see SHARED_TASK_RULE)."""
    for form in forms:
        match = _CAMPAIGN_TASK.match(form.strip())
        if match and any(c.isdigit() or c.isupper() for word in match["campaign"].split() for c in word[1:]):
            return True
    return False


# KIND_OF_KNOWN_TASK_RULE: an entity its papers read as a Method that a paper
# defines by words ending in a task the knowledge base knows by two words or
# more is a setting of that task, and a Task whatever its papers read, as a
# campaign's task is a Benchmark: "Universal Domain Adaptation (UniDA)",
# "Open-Set Domain Generalization (OSDG)", "active domain adaptation (ADA)"
# were Methods of the 40k graph that outside judges (sessions 54-59) typed
# Task; 8 visible Methods of it are so named. A form built on a name
# ("vDiT-based video generation") is what the name is used for, and is not read.
def known_task_kind(aliases: Sequence[str]) -> bool:
    for form in aliases:
        words = form.split()
        if len(words) < 3 or "-based" in form:
            continue
        tails = (kb.lookup_key(alias_key(" ".join(words[start:]))) for start in range(1, len(words) - 1))
        if any(entry is not None and entry.label == "TASK" and " " in entry.name for entry in tails) \
                and any(a != form and abbreviates(a, form) for a in aliases):
            return True
    return False


def label_agreement(papers_by_label: Mapping[str, int], label: str) -> float:
    """Share of papers reading the entity as `label` (Dataset and Benchmark
    agree with each other)."""
    total = sum(papers_by_label.values())
    return sum(n for reading, n in papers_by_label.items() if same_kind(label, reading)) / total if total else 0.0


def same_kind(label: str, other: str) -> bool:
    """The same type, a Dataset and a Benchmark being one kind of data."""
    return label == other or label in _DATASET_GROUP and other in _DATASET_GROUP
