"""BENCHMARK vs DATASET. A dataset-like resource is a BENCHMARK in an
abstract when any of its mentions there
  1. is a known evaluation suite in the gazetteer (GLUE, MMLU, HumanEval...),
  2. has a bench name (MT-Bench, VBench, SWE-bench),
  3. is called a benchmark ("the X benchmark", "benchmarks such as X"), or
  4. is what results are reported on: an evaluation cue (evaluate, results,
     outperform, accuracy...) earlier in the sentence and the mention is the
     object of "on"/"across" ("we report results on X and Y").
Otherwise it is a DATASET. Labels are then made consistent per resource, so
a resource keeps one label per abstract. Names with a bench suffix that the
model labelled as something else become BENCHMARK too."""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from ingest.extract import gazetteer
from ingest.extract.doc_state import DATASET_GROUP, place_spans, sentence_start, span_text, token_lowers, token_texts
from ingest.extract.vocab import BENCHMARK_HEADS
from ingest.normalize import alias_key

_BENCH_NAME = re.compile(r"bench(?:mark)?\b|bench$", re.I)
_BENCH_TOKEN = re.compile(r"^[A-Z][\w.\-]*(?:Bench|-bench)$")
EVALUATION_CUES = {
    "evaluate", "evaluates", "evaluated", "evaluating", "evaluation", "evaluations", "results",
    "performance", "performances", "outperform", "outperforms", "outperforming", "achieve",
    "achieves", "achieving", "achieved", "state-of-the-art", "sota", "accuracy", "benchmarked",
    "tested", "test", "experiments", "surpasses", "surpassing", "scores", "score", "gains",
    "improvements", "improves", "validated", "validate",
}
_LIST_FILLERS = {",", "and", "or", "the", "both", "as", "well", "including", "such", "like", "(", ")", "&"}


def _called_benchmark(doc: Doc, ent: Span) -> bool:
    lowers = token_lowers(doc)
    if ent.end < len(doc) and lowers[ent.end] in BENCHMARK_HEADS:
        return True
    window = lowers[max(sentence_start(doc, ent.start), ent.start - 4) : ent.start]
    return any(lower in BENCHMARK_HEADS for lower in window)


def _reported_on(doc: Doc, ent: Span) -> bool:
    lowers = token_lowers(doc)
    sent_start = sentence_start(doc, ent.start)
    i = ent.start - 1
    while i >= sent_start and (lowers[i] in _LIST_FILLERS or doc[i].ent_type_ in DATASET_GROUP or doc[i].like_num):
        i -= 1
    if i < sent_start or lowers[i] not in ("on", "across", "over"):
        return False
    return any(evaluation_cue(lowers, j) for j in range(sent_start, i))


def evaluation_cue(lowers: list[str], i: int) -> bool:
    """Word i says results are reported ("state-of-the-art" is split into
    words by the tokenizer, so its "art" counts after a hyphen)."""
    return lowers[i] in EVALUATION_CUES or lowers[i] == "art" and i > 0 and lowers[i - 1] == "-"


def is_benchmark_mention(doc: Doc, ent: Span) -> bool:
    return (
        gazetteer.lookup(span_text(ent)) == "BENCHMARK"
        or bool(_BENCH_NAME.search(span_text(ent)))
        or _called_benchmark(doc, ent)
        or _reported_on(doc, ent)
    )


def bench_token(text: str) -> bool:
    """A capitalised one-token name ending in "Bench" / "-bench" (VBench, SWE-bench)."""
    return text.endswith(("Bench", "-bench")) and bool(_BENCH_TOKEN.match(text))


@Language.component("paperkg_benchmark_rule")
def benchmark_rule(doc: Doc) -> Doc:
    bench_tokens = [
        Span(doc, i, i + 1, label="BENCHMARK")
        for i, text in enumerate(token_texts(doc)) if bench_token(text)
    ]
    place_spans(doc, bench_tokens, override=False)
    ents = list(doc.ents)
    benchmarks = set()
    for ent in ents:
        if (ent.label_ in DATASET_GROUP or _BENCH_NAME.search(span_text(ent))) and is_benchmark_mention(doc, ent):
            benchmarks.add(alias_key(span_text(ent)))
    for long_form, short in doc._.paperkg_aliases or ():
        if alias_key(long_form) in benchmarks or alias_key(short) in benchmarks:
            benchmarks |= {alias_key(long_form), alias_key(short)}
    relabelled, changed = [], False
    for ent in ents:
        if ent.label_ in DATASET_GROUP or alias_key(span_text(ent)) in benchmarks:
            label = "BENCHMARK" if alias_key(span_text(ent)) in benchmarks else "DATASET"
            if label != ent.label_:
                ent, changed = Span(doc, ent.start, ent.end, label=label), True
        relabelled.append(ent)
    if changed:
        doc.ents = relabelled
    return doc
