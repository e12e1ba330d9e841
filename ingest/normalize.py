"""From mentions to entities: one normal form per name, and one EntityLink
per (paper, entity).

`alias_key` is the normal form every comparison uses. It folds case, accents,
hyphens, spaces and plural endings, and strips a trailing generic head after
a proper name ("COCO dataset" -> "coco"), but keeps digits, so versions stay
distinct ("gpt-3" != "gpt-4", "resnet-50" != "resnet-101").
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Mapping, Sequence

from ingest.curation import Curation
from ingest.mentions import EntityLink, ExtractedDoc, Mention

_PARTS = re.compile(r"[^\W_]+")
_LETTER_DIGIT = re.compile(r"(?<=[a-z])(?=\d)|(?<=\d)(?=[a-z])")
# Removed after a name-like part only: "ImageNet dataset" -> "ImageNet", but
# "language model" stays as it is.
_RESOURCE_HEADS = {
    "dataset", "datasets", "benchmark", "benchmarks", "corpus", "corpora", "suite", "challenge",
    "leaderboard", "database", "collection", "task",
}
# Only after a proper name with inner capitals or digits ("BERT model"), so
# that "Segment Anything Model" keeps its head.
# "score" is not one: "CLIP score" is a metric, CLIP a model (the gazetteer
# joins "BLEU score" to BLEU instead).
_MODEL_HEADS = {"model", "models", "framework", "method", "algorithm", "architecture", "network", "metric"}
_LEADING_WORDS = {"the", "a", "an", "our", "their", "its", "this", "these", "those"}
_NOT_PLURAL_ENDINGS = ("ss", "us", "is", "os", "as")


@lru_cache(maxsize=200_000)  # called for every mention by several rules
def alias_key(surface: str) -> str:
    """Case-, accent-, separator- and plural-insensitive form of a name:
    "Pre-trained Transformers" -> "pretrainedtransformer", "ResNet50" ->
    "resnet-50", "the COCO dataset" -> "coco"."""
    text = unicodedata.normalize("NFKD", surface)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    original = _PARTS.findall(text)
    parts = [p.casefold() for p in original]
    while len(parts) > 1 and parts[0] in _LEADING_WORDS:
        parts, original = parts[1:], original[1:]
    if len(parts) > 1 and _strippable_head(parts[-1], original[:-1]):
        parts, original = parts[:-1], original[:-1]
    if parts:
        parts[-1] = _singular(parts[-1], original[-1] if original else "")
    # Words are joined without separators so "pre-training", "pre training"
    # and "pretraining" meet; digits stay fenced off so versions stay apart.
    joined = ""
    for part in parts:
        joined += (" " if joined[-1:].isdigit() and part[:1].isdigit() else "") + part
    return "-".join(_LETTER_DIGIT.sub(" ", joined).split())


def _strippable_head(head: str, before: Sequence[str]) -> bool:
    if head in _RESOURCE_HEADS:
        return any(p[:1].isupper() or p[:1].isdigit() for p in before)
    return head in _MODEL_HEADS and any(any(ch.isupper() or ch.isdigit() for ch in p[1:]) or p.isupper() for p in before)


def _singular(word: str, original: str) -> str:
    if original[-1:] == "s" and original[:-1].isupper() and len(original) > 2:
        return word[:-1]  # acronym plural: LLMs, CNNs
    if len(word) > 3 and word.endswith("s") and not word.endswith(_NOT_PLURAL_ENDINGS) and word.isalpha():
        return word[:-3] + "y" if word.endswith("ies") else word[:-1]
    return word


def resolve(
    docs: Sequence[ExtractedDoc], known_aliases: Mapping[str, str], curation: Curation | None = None
) -> list[EntityLink]:
    """One EntityLink per (paper, entity). Acronyms defined in any of `docs`
    (or, through `known_aliases`, in an earlier run) join their long form."""
    curation = curation or Curation.empty()
    aliases = dict(known_aliases)
    for doc in docs:  # definitions anywhere in this batch apply to all of it
        for mention in doc.mentions:
            if mention.aliases:
                aliases.setdefault(alias_key(mention.text), mention.canonical)
    links: list[EntityLink] = []
    for doc in docs:
        links.extend(_paper_links(doc, aliases, curation))
    return links


def _entity_key(mention: Mention, aliases: Mapping[str, str]) -> str:
    surface = alias_key(mention.text)
    if mention.canonical and mention.canonical != surface:
        return mention.canonical  # linked inside this text: its own definition wins
    return aliases.get(surface, mention.canonical or surface)


def _paper_links(doc: ExtractedDoc, aliases: Mapping[str, str], curation: Curation) -> list[EntityLink]:
    groups: dict[str, list[Mention]] = defaultdict(list)
    for mention in doc.mentions:
        key = curation.target(_entity_key(mention, aliases))
        if key and not curation.is_dropped(key):
            groups[key].append(mention)
    links = []
    for key, mentions in groups.items():
        first = min(mentions, key=lambda m: m.start)
        surfaces = Counter(m.text for m in mentions)
        links.append(
            EntityLink(
                paper_id=doc.id,
                key=key,
                label=curation.label_for(key, paper_label(mentions)),
                surfaces=tuple(s for s, _ in surfaces.most_common()),
                count=len(mentions),
                evidence=doc.text[first.sentence_start : first.sentence_end].strip(),
                proposed=any(m.proposed for m in mentions),
            )
        )
    return links


def paper_label(mentions: Sequence[Mention]) -> str:
    """One label per entity per paper: the most frequent, with BENCHMARK
    winning over DATASET once the paper treats the resource as one."""
    labels = Counter(m.label for m in mentions)
    if labels["BENCHMARK"] and labels["DATASET"]:
        labels["BENCHMARK"] += labels.pop("DATASET")
    return labels.most_common(1)[0][0]


@dataclass(frozen=True)
class MergeCandidate:
    """Two stored entities whose names are near-duplicates, for a human to
    merge (via curation) or dismiss."""

    key: str
    other_key: str
    label: str
    name: str
    other_name: str
    score: float
    papers: int  # papers mentioning either

    def as_row(self) -> tuple[str, str, str, str]:
        """(entity, looks like, similarity, why) for a terminal table."""
        return (
            self.name,
            self.other_name,
            f"{self.score:.0f}",
            f"both {self.label}, spelled alike ({self.key} ~ {self.other_key}), {self.papers} papers",
        )


_DIGITS = re.compile(r"\d+")
MERGE_SCORE_CUTOFF = 90.0


def _short_acronym(form: str) -> bool:
    """"RL", "SFT": the same letters stand for different things in different
    papers, so two entities sharing one are no evidence of a duplicate."""
    letters = [c for c in form if c.isalpha()]
    return len(letters) <= 5 and sum(c.isupper() for c in letters) >= len(letters) - 1


def _modified(a: str, b: str) -> bool:
    """One name is the other with a word added ("deep reinforcement
    learning") or changed by a prefix or suffix that changes its meaning
    ("supervised" / "unsupervised", "GD" / "SGD"); a plural ending does not
    count."""
    wa, wb = _PARTS.findall(a.casefold()), _PARTS.findall(b.casefold())
    if len(wa) != len(wb):  # a word added: "deep reinforcement learning", "online ... problems"
        short_words, long_words = sorted((wa, wb), key=len)
        n = len(short_words)
        return any(long_words[k : k + n] == short_words for k in range(len(long_words) - n + 1))
    diffs = [(x, y) for x, y in zip(wa, wb) if x != y]
    if len(diffs) != 1:
        return False
    short, long = sorted(diffs[0], key=len)
    return long not in (short + "s", short + "es") and short in long


def merge_candidates(
    entities: Sequence[tuple[str, str, str, Sequence[str], int]], score_cutoff: float = MERGE_SCORE_CUTOFF
) -> list[MergeCandidate]:
    """Pairs of same-label entities (key, label, name, aliases, paper_count)
    whose names or aliases are near-duplicates by rapidfuzz, best first.
    Names differing in a number (versions: GPT-3 / GPT-4) are never proposed."""
    from rapidfuzz import fuzz, process

    by_label: dict[str, list[int]] = defaultdict(list)
    for index, entity in enumerate(entities):
        by_label[entity[1]].append(index)
    best: dict[tuple[str, str], MergeCandidate] = {}
    for label, indices in by_label.items():
        forms = [(i, form) for i in indices for form in {entities[i][2], *entities[i][3]} if form]
        texts = [" ".join(alias_key(form).split("-")) for _, form in forms]
        scores = process.cdist(texts, texts, scorer=fuzz.ratio, score_cutoff=score_cutoff, workers=-1)
        for a, b in zip(*scores.nonzero()):
            i, j = forms[a][0], forms[b][0]
            if i >= j or _DIGITS.findall(texts[a]) != _DIGITS.findall(texts[b]):
                continue
            if _short_acronym(forms[a][1]) and _short_acronym(forms[b][1]) or _modified(forms[a][1], forms[b][1]):
                continue
            key_i, key_j = entities[i][0], entities[j][0]
            candidate = MergeCandidate(
                key_i, key_j, label, entities[i][2], entities[j][2], float(scores[a, b]), entities[i][4] + entities[j][4]
            )
            if (key_i, key_j) not in best or best[(key_i, key_j)].score < candidate.score:
                best[(key_i, key_j)] = candidate
    return sorted(best.values(), key=lambda c: (-c.score, -c.papers, c.key))
