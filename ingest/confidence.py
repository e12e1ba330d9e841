"""How much an entity deserves to be shown: a `confidence` in [0, 1] from
its evidence across the graph.

    knowledge base names it           +0.6
    papers mentioning it: 2 / 3+      +0.3 / +0.4
    a paper defines it ("Long Form (LF)")   +0.1
    name shape (inner capital, digit)      +0.1
    all of it times (0.5 + 0.5 * type agreement), agreement being the
    share of its papers that give it its label
    a research field read as a Task or Metric, or the discipline itself
    ("machine learning") read as a Method: at most FIELD_CEILING
    a lower-case phrase read as a Method or a data set, neither in the
    knowledge base nor defined ("fine-tuning strategies", "map consistency",
    "breast cancer"): at most DESCRIPTIVE_CEILING

An entity below `graph.settings.MIN_CONFIDENCE` (0.3) is a candidate:
searchable and shown on its paper, but left out of top lists, trending,
co-occurrence edges and the default canvas. One paper without the knowledge
base scores at most 0.2, so a name needs a second paper (with a consistent
type) or the knowledge base to become visible.

Each entity stores the id of the rules it was scored with
(`fingerprint.confidence_rules_id`, derived from this file): after a change
here the next ingest or load scores every stored entity again from its
stored tally (`load.rescore_stale`), without re-extracting any paper.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from ingest import kb
from ingest.extract.vocab import FIELD_TERMS
from ingest.normalize import abbreviates

KB_WEIGHT = 0.6
SECOND_PAPER = 0.3
THIRD_PAPER = 0.4
DEFINED = 0.1
NAME_SHAPE = 0.1
# Below graph.settings.MIN_CONFIDENCE, as one paper without the knowledge base.
FIELD_CEILING = 0.2
FIELD_HIDDEN_LABELS = ("Task", "Metric")

# A lower-case phrase of several words without a name's shape ("fine-tuning
# strategies", "temporal modeling", "inference engines", "map consistency",
# "extract embeddings") says what kind of thing a paper uses or does, not
# which one: an outside judge's random sample of the 40k graph (session 16)
# found 17 of 18 visible lower-case multi-word Methods outside the knowledge
# base unacceptable. Session 16 capped only phrases ending in a class noun
# (strategy, framework, encoder ...); the judge's other failures had other
# heads or none. Such a phrase becomes visible only through the knowledge
# base or a paper that names it ("Long Form (LF)"), however many papers use
# it. One word ("co-attention", "encoder-decoder") and names with a capital
# or an inner digit keep the usual rules. Data sets have names too: "breast
# cancer" (18 papers, the outside judge's 40k Dataset top 40, session 20) is
# what a paper's data is about; 2 visible data sets of the 40k graph had
# this shape.
DESCRIPTIVE_CEILING = FIELD_CEILING
DESCRIPTIVE_LABELS = ("Method", "Dataset", "Benchmark")


@dataclass(frozen=True)
class Evidence:
    in_kb: bool
    papers: int
    label_agreement: float  # share of papers using the entity's label, in (0, 1]
    defined: bool
    name_shaped: bool
    field: bool = False  # a research field read as a Task or Metric (`field_reading`)
    descriptive: bool = False  # a descriptive phrase read as a Method or data (`descriptive_phrase`)


def confidence(evidence: Evidence) -> float:
    support = THIRD_PAPER if evidence.papers >= 3 else SECOND_PAPER if evidence.papers == 2 else 0.0
    score = (
        (KB_WEIGHT if evidence.in_kb else 0.0) + support
        + (DEFINED if evidence.defined else 0.0) + (NAME_SHAPE if evidence.name_shaped else 0.0)
    )
    ceiling = 1.0
    if evidence.field:
        ceiling = FIELD_CEILING
    elif evidence.descriptive and not evidence.in_kb and not evidence.defined:
        ceiling = DESCRIPTIVE_CEILING
    return round(min(ceiling, score * (0.5 + 0.5 * evidence.label_agreement)), 3)


def field_reading(key: str, label: str) -> bool:
    """The entity names a research field and is labelled a task or a metric,
    or names the discipline itself ("machine learning", "deep learning", "AI":
    `vocab.FIELD_TERMS`) and is labelled a method: papers say what they work
    in, not what they use (an outside judge's 10k Method top 40, session 21;
    "reinforcement learning", a field of the KB too, is also a method)."""
    return label in FIELD_HIDDEN_LABELS and kb.is_field(key) or label == "Method" and key in FIELD_TERMS


def descriptive_phrase(name: str, label: str, aliases: Sequence[str] = ()) -> bool:
    """The entity, labelled a method or a data set, is named by a phrase of
    several words without a name's shape that papers write in lower case: its
    name, or the same words in lower case beside a sentence-initial capital
    ("Training object detectors" / "training object detectors")."""
    lower = name.lower()
    written_lower = name == lower or (name[1:] == lower[1:] and lower in aliases)
    return label in DESCRIPTIVE_LABELS and " " in name.strip() and written_lower and not name_shaped(name)


def name_shaped(name: str) -> bool:
    """A coined name rather than a phrase: a capital after a word's first
    letter or a digit (ResNet, GPT-4, WMT 2014), or an all-caps acronym."""
    words = name.split()
    return any(any(c.isupper() or c.isdigit() for c in w[1:]) or (len(w) > 1 and w.isupper()) for w in words)


def defined(aliases: Sequence[str]) -> bool:
    """Some paper wrote it as "Long Form (LF)": one alias abbreviates another."""
    return any(abbreviates(a, b) for a in aliases for b in aliases if a != b)
