"""A synthetic paperkg graph: invented papers whose entity mentions follow
the shape of real ML literature (a few methods and benchmarks everywhere,
a long tail of one-paper entities), for developing and benchmarking the app
without the extraction model.

It writes through the real loader (`ingest.load`), so the graph has
exactly the schema ingest produces: papers, MENTIONS with evidence and
surfaces, PROPOSES, entity properties and CO_OCCURS.

    PAPERKG_HOME=/tmp/kg python -m benchmarks.synthetic_graph --papers 10000
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import time
from dataclasses import dataclass, field, replace
from typing import Iterable, Sequence

from graph.store import GraphStore
from ingest.curation import Curation
from ingest.load import load_records
from ingest.mentions import ExtractedDoc, Mention
from ingest.records import PaperRecord

# Papers per entity of each type, and how many of each a paper mentions.
POOL_DIVISOR = {"Method": 3, "Dataset": 12, "Benchmark": 15, "Task": 40, "Metric": 150}
PER_PAPER = {"Method": (2, 5), "Dataset": (0, 2), "Benchmark": (1, 3), "Task": (1, 2), "Metric": (0, 2)}
ZIPF_EXPONENT = 1.0
ZIPF_OFFSET = 5  # Zipf-Mandelbrot: the most common method is in ~10% of papers, not half
FIRST_DAY = dt.date(2023, 1, 2)
DAYS = 3 * 365

_SYLLABLES = ("flex", "orca", "tri", "vex", "lum", "qua", "zen", "mor", "pix", "nova", "kai", "dra", "sol", "ter", "bri", "hex")
_SUFFIX = {
    "Method": ("Former", "Net", "LM", "Diff", "-RL", "Attn", "GPT", "Mix"),
    "Dataset": ("Corpus", "QA", "Set", "-1M", "Text", "Vision"),
    "Benchmark": ("Bench", "Eval", "-Hard", "Arena", "Suite"),
    "Task": (" retrieval", " segmentation", " reasoning", " generation", " translation", " detection"),
    "Metric": (" score", " accuracy", " F1", " recall", " error"),
}
_SENTENCES = {
    "Method": ("We build on {s} to improve sample efficiency.", "Our approach extends {s} with a sparse router.", "{s} serves as the backbone of our model."),
    "Dataset": ("We train on {s} and release our splits.", "Experiments use the {s} collection."),
    "Benchmark": ("We evaluate on {s}, where we set a new state of the art.", "Results on {s} show consistent gains."),
    "Task": ("We study {s} under distribution shift.", "The target problem is {s} at scale."),
    "Metric": ("Performance is reported in {s}.", "We measure {s} on held-out data."),
}


@dataclass(frozen=True)
class SyntheticEntity:
    key: str
    name: str
    label: str
    acronym: str | None = None


@dataclass
class SyntheticPaper:
    id: str
    title: str
    abstract: str
    published: str
    upvotes: int
    mentions: list[tuple[SyntheticEntity, str, str]] = field(default_factory=list)  # entity, surface, evidence sentence
    proposes: list[str] = field(default_factory=list)  # entity keys
    authors: tuple[str, ...] = ()


def entity_pool(label: str, size: int, rng: random.Random) -> list[SyntheticEntity]:
    names: dict[str, SyntheticEntity] = {}
    while len(names) < size:
        stem = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(1, 3))).capitalize()
        name = stem + rng.choice(_SUFFIX[label])
        if rng.random() < 0.3:
            name += f"-{rng.randint(2, 9)}"
        key = name.casefold()
        if key not in names:
            acronym = "".join(w[0] for w in name.split()).upper() if label == "Task" and " " in name else None
            names[key] = SyntheticEntity(key=key, name=name, label=label, acronym=acronym)
    return list(names.values())


def generate(papers: int, seed: int = 0) -> list[SyntheticPaper]:
    rng = random.Random(seed)
    pools = {label: entity_pool(label, max(5, papers // divisor), rng) for label, divisor in POOL_DIVISOR.items()}
    weights = {label: [1 / (rank + ZIPF_OFFSET) ** ZIPF_EXPONENT for rank in range(len(pool))] for label, pool in pools.items()}
    out = []
    titled: set[str] = set()  # methods a title has named
    for index in range(papers):
        chosen: list[SyntheticEntity] = []
        for label, (low, high) in PER_PAPER.items():
            count = rng.randint(low, high)
            picks = rng.choices(pools[label], weights=weights[label], k=count)
            chosen.extend(dict.fromkeys(picks))  # no duplicates, order kept
        day = FIRST_DAY + dt.timedelta(days=int(DAYS * rng.random() ** 0.7))  # more papers lately
        out.append(_paper(index, chosen, day, rng, titled))
    # Papers are dated in the order they were made, so the paper that proposes
    # a method comes first: another author's earlier use would make its name
    # two works (USED_APART_RULE).
    return [replace(paper, published=day) for paper, day in zip(out, sorted(p.published for p in out))]


def _paper(index: int, entities: Sequence[SyntheticEntity], day: dt.date, rng: random.Random,
           titled: set[str]) -> SyntheticPaper:
    methods = [e for e in entities if e.label == "Method"]
    tasks = [e for e in entities if e.label == "Task"]
    new_method = methods[0] if methods and rng.random() < 0.4 else None
    first = new_method is not None and new_method.key not in titled
    if new_method is None:
        title_subject = rng.choice(("Scaling", "Rethinking", "Efficient", "Robust")) + " " + rng.choice(_SYLLABLES).capitalize()
    elif new_method.key in titled:
        # Only the first paper opens its title with the name: papers that each
        # did would coin one name for several things (COINED_TWICE_RULE).
        title_subject = f"Revisiting {new_method.name}"
    else:
        title_subject = new_method.name
        titled.add(new_method.key)
    title = f"{title_subject}: {rng.choice(('Towards', 'Better', 'Fast', 'Simple'))} {tasks[0].name if tasks else 'learning'}"
    mentions, sentences = [], []
    for entity in entities:
        surface = entity.name
        sentence = rng.choice(_SENTENCES[entity.label]).format(s=surface)
        if entity.acronym:
            sentence = sentence.replace(surface, f"{surface} ({entity.acronym})")
        if entity is new_method:
            # Likewise in the abstract ("we propose X, a ..." names the paper's own work): later papers extend it.
            sentence = (f"We propose {surface}, a new architecture. " if first else f"We extend {surface}. ") + sentence
        sentences.append(sentence)
        mentions.append((entity, surface, sentence))
    rng.shuffle(sentences)
    return SyntheticPaper(
        id=f"syn.{index:06d}",
        title=title,
        abstract=" ".join(sentences),
        published=day.isoformat(),
        upvotes=int(rng.paretovariate(1.3)) - 1,
        mentions=mentions,
        proposes=[new_method.key] if new_method else [],
        authors=tuple(f"Author {rng.randint(1, 5000)}" for _ in range(rng.randint(1, 6))),
    )


def load(store: GraphStore, papers: Sequence[SyntheticPaper]) -> None:
    """Write papers through the real loader, their invented mentions standing in for extraction."""
    store.setup_schema()
    by_id = {paper.id: paper for paper in papers}

    def extract(docs: Iterable[tuple[str, str]]) -> Iterable[ExtractedDoc]:
        for paper_id, text in docs:
            paper = by_id[paper_id]
            mentions = []
            for entity, surface, sentence in paper.mentions:
                sentence_start = max(text.find(sentence), 0)
                for form in (surface, entity.acronym) if entity.acronym else (surface,):
                    start = text.find(form, sentence_start)
                    mentions.append(Mention(
                        start, start + len(form), entity.label.upper(), form, entity.key,
                        proposed=entity.key in paper.proposes, sentence_start=sentence_start,
                        sentence_end=sentence_start + len(sentence)))
            yield ExtractedDoc(paper_id, text, mentions)

    records = [
        PaperRecord(id=p.id, title=p.title, abstract=p.abstract, published=p.published, upvotes=p.upvotes,
                    authors=p.authors, authors_count=len(p.authors), url=f"https://example.org/papers/{p.id}",
                    sources=("synthetic",))
        for p in papers
    ]
    load_records(store, records, extract=extract, extraction="synthetic", curation=Curation.empty())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--papers", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--graph", default="paperkg", help="graph name (FalkorDB) to fill; it is emptied first")
    args = parser.parse_args()
    from graph import open_store
    from graph.config import StoreConfig

    started = time.perf_counter()
    with open_store(StoreConfig.from_env(graph_name=args.graph), setup=False) as store:
        if hasattr(store, "drop_graph"):
            store.drop_graph()
        load(store, generate(args.papers, args.seed))
        print(f"{args.papers} synthetic papers loaded into {store.describe()} in {time.perf_counter() - started:.1f}s")


if __name__ == "__main__":
    main()
