"""What extraction hands to normalisation and loading."""
from __future__ import annotations

from dataclasses import dataclass, field

LABELS = ("METHOD", "DATASET", "BENCHMARK", "TASK", "METRIC")
DATASET_GROUP = ("DATASET", "BENCHMARK")  # the two kinds of data most rules treat alike


@dataclass(frozen=True)
class Mention:
    """One entity span in a text. Offsets are character indices into the
    text that was extracted from (end exclusive)."""

    start: int
    end: int
    label: str  # one of LABELS
    text: str
    canonical: str  # normalised key of the entity this span names
    score: float = 1.0
    proposed: bool = False  # the text introduces it ("we propose X")
    sentence_start: int = 0  # the sentence holding the span, for evidence
    sentence_end: int = 0
    aliases: tuple[str, ...] = ()  # other surface forms linked in this text (acronym <-> long form)
    # The label the text itself gave the span (the model and the context
    # rules) where a label derived from the knowledge base replaced it; ""
    # when they agree. `label` stays the span's label; the paper's vote on
    # the entity's type is this reading (normalize.paper_label), so the
    # knowledge base is a prior across papers, not an override in each.
    reading: str = ""

    def as_json(self) -> dict:
        return {
            "start": self.start,
            "end": self.end,
            "label": self.label,
            "text": self.text,
            "canonical": self.canonical,
            "score": round(self.score, 4),
        }


@dataclass
class ExtractedDoc:
    id: str
    text: str
    mentions: list[Mention] = field(default_factory=list)


@dataclass(frozen=True)
class EntityLink:
    """One paper's link to one canonical entity, after normalisation: what
    the loader writes as a MENTIONS (and maybe PROPOSES) relationship."""

    paper_id: str
    key: str  # canonical entity key, label-free (e.g. "gpt-4", "imagenet")
    label: str  # one of LABELS, as this paper uses it
    surfaces: tuple[str, ...]  # surface forms in this paper, most frequent first (acronym and long form both)
    count: int  # number of mentions in this paper
    evidence: str  # the sentence of the first mention, or of the first that names it as a task or introduces it (`normalize._evidence`)
    proposed: bool = False
