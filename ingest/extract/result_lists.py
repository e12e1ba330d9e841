"""Dataset and benchmark names in lists and result statements, which the
NER often misses one by one:

  * a list with one dataset or benchmark in it is a list of them: "on Waymo,
    NuScenes, Quorvex and PandaSet" labels Quorvex like its neighbours;
  * a list after "datasets / benchmarks such as / including / like / e.g.",
    or two names or more before "datasets / benchmarks" ("on CIRR and
    FashionIQ datasets"), takes the head noun's label;
  * what results are reported on: an evaluation cue earlier in the sentence
    ("results", "outperforms", "accuracy", ...) and a name (or a list of
    them) as the object of "on / across / over": "accuracy on ZPair-91k",
    "results on Trovel-3K and CLUTRR";
  * what a result beats is a list of methods: "improved performance over
    DeBERTaV3", "better than FasterViT and LongViT" (BEATEN_RULE).

Only free tokens are filled (the model's and the gazetteer's spans stay), a
list holding a method is left alone, and a lone name needs a strong name
shape (inner capital, digit, all caps) unless it sits in a list. The one
exception is a list its head noun names as resources: there the model's
method readings of names the knowledge base does not know as methods are
data too ("benchmarks, including GSM8K, MATH, and GAOKAO"; "datasets, i.e.,
COESOT, FE108, and VisEvent"): data sets read as methods were a measured
class of the graph's wrong Methods; and so are its task readings of
name-shaped names it does not know ("on LSOTB-TIR, PTB-TIR and VOT-TIR2017
benchmarks"). Likewise, in a sentence reporting results, name-shaped names
the model read as methods are data where they are what results are reported
on ("experiments on DAVIS-17 and MOSE", "36.8 on MathVision"), unless the
gazetteer knows one of them as a method (`ResultLists._results_on`)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span

from ingest.extract import gazetteer
from ingest.extract.benchmarks import bench_token, evaluation_cue
from ingest.extract.doc_state import (DATASET_GROUP, held_tokens, place_spans, span_text, title_cased, token_lowers,
                                      token_texts)
from ingest.extract.name_runs import capitalised, name_run, strongly_named
from ingest.extract.versions import known_label
from ingest.extract.vocab import BENCHMARK_HEADS, METHOD_NOUNS, RESOURCE_HEADS

_SEPARATORS = {",", "and", "or", "&", ";"}
_OBJECT_MARKERS = {"on", "across", "over"}
# Not "over": "22.5% savings over VTM and DCVC-FM" names the baselines beaten (BEATEN_RULE).
_RESULT_MARKERS = {"on", "across"}
_LIST_OPENERS = {"such", "as", "including", "like", "e.g.", "e.g", "eg", ",", ":", "(", "namely", "i.e.", "-", "--", "–", "—"}
# Words a name may be followed by and still be a list item or an object.
_ITEM_ENDS = {",", ".", ";", ":", "and", "or", "&", ")", "(", "[", "--", "–", "—", "\n"}
_YEAR = re.compile(r"^(?:19|20)\d\d[a-z]?$")
_NUMBER = re.compile(r"^\d{1,4}$")
# Verbs whose subject is a sentence's list of results: "experiments on A and B demonstrate ...".
_REPORTING_VERB = re.compile(r"^(?:demonstrate|show|confirm|reveal|indicate|validate|verif(?:y|ies)|highlight|suggest|prove)s?$")
_LEADING = {"the", "both", "all"}
_PLURAL_HEADS = {"datasets", "corpora", "benchmarks"}


@dataclass(frozen=True)
class Item:
    start: int
    end: int
    label: str | None  # the entity's label, None for a free name run
    grown: bool = False  # the entity's span and a number after it ("NTU RGB+D 120")


@Language.factory(
    "paperkg_result_lists",
    assigns=["doc.ents"],
    requires=["doc.ents", "doc.sents"],
    default_config={"max_name_tokens": 4, "max_items": 12},
)
def make_result_lists(nlp: Language, name: str, max_name_tokens: int, max_items: int) -> "ResultLists":
    return ResultLists(max_name_tokens, max_items)


class ResultLists:
    def __init__(self, max_name_tokens: int, max_items: int):
        self.max_name_tokens = max_name_tokens
        self.max_items = max_items

    def __call__(self, doc: Doc) -> Doc:
        texts, lowers = token_texts(doc), token_lowers(doc)
        ents = {ent.start: ent for ent in doc.ents}
        taken = held_tokens(doc)
        # Only a capitalised word no entity holds can become a new name.
        free_names = [not held and capitalised(text) for text, held in zip(texts, taken)]
        overrulable = [False] * len(doc)  # where a list's head may overrule the model
        for ent in doc.ents:
            overrulable[ent.start] = ent.label_ in ("METHOD", "TASK") \
                or ent.label_ in DATASET_GROUP and _beaten(doc, ent.start, ent.sent.start)  # BEATEN_RULE
        spans, relabelled = [], []
        for sent in doc.sents:
            if title_cased(sent) or not any(free_names[sent.start + 1 : sent.end]) \
                    and not any(overrulable[sent.start : sent.end]):
                continue
            cue_seen = False
            i = sent.start
            while i < sent.end:
                cue_seen = cue_seen or evaluation_cue(lowers, i)
                items = self._list_at(doc, i, sent, ents) if i in ents or free_names[i] else []
                if not items:
                    i += 1
                    continue
                if len(items) > 2 and items[0].label and lowers[items[0].end - 1] in _PLURAL_HEADS:
                    # "two UAV benchmarks, VisDrone2019 and UAVDT": the first item
                    # names what the others are.
                    items = items[1:]
                headed = self._headed(doc, items, items[0].start, sent.start)
                models: list[Item] = []
                if headed:
                    relabelled += [Span(doc, it.start, it.end, label=headed) for it in items
                                   if it.label == "METHOD" and not self._known_method(doc, it)
                                   or it.label == "TASK" and self._unknown_name(doc, it)]
                elif _beaten(doc, items[0].start, sent.start):
                    models = items
                    relabelled += [Span(doc, it.start, it.end, label="METHOD") for it in self._models_read_as_data(doc, items)]
                elif cue_seen and (data := self._results_on(doc, items, sent.start)):
                    relabelled += [Span(doc, it.start, it.end, label=data) for it in items if it.label == "METHOD"]
                else:
                    models = self._model_list(doc, items, sent.start)
                    relabelled += [Span(doc, it.start, it.end, label="METHOD") for it in self._models_read_as_data(doc, models)]
                    if data := self._data_list(doc, items):
                        relabelled += [Span(doc, it.start, it.end, label=data) for it in items
                                       if it.label == "METHOD" and self._unknown_name(doc, it)]
                moved = {(span.start, span.end) for span in relabelled}
                relabelled += [Span(doc, it.start, it.end, label=it.label) for it in items
                               if it.grown and (it.start, it.end) not in moved]
                label = headed or self._label(doc, items, items[0].start, sent.start, cue_seen) \
                    if any(it.label is None for it in items) else None
                free = [it for it in items if it.label is None and not any(taken[it.start : it.end])
                        and not citation(doc, it.start, it.end)]
                if models and not headed and not _bracketed(doc, items):
                    # a model list's free names are models: "baselines such as GPT-4o and OmniGen2"
                    spans += [Span(doc, it.start, it.end, label="METHOD") for it in free
                              if it in models and _model_name(span_text(Span(doc, it.start, it.end)))]
                elif label:
                    spans += [Span(doc, it.start, it.end, label=label) for it in free]
                i = items[-1].end
        place_spans(doc, relabelled, override=True)
        place_spans(doc, spans, override=False)
        return doc

    @staticmethod
    def _headed(doc: Doc, items: list[Item], start: int, sent_start: int) -> str | None:
        """The label a plural resource head gives the whole list: "datasets
        such as A, B" just before it ("methods like BM25 or CE on the corpus"
        is no list of corpora), or "A and B datasets" after two items or more
        (also when the model's last span took the head in: "B datasets")."""
        head = _opening_noun(doc, start, sent_start) or _bare_head(doc, items, start, sent_start)
        if head not in _PLURAL_HEADS:
            lowers = token_lowers(doc)
            last = lowers[items[-1].end - 1]
            after = last if last in _PLURAL_HEADS else lowers[items[-1].end] if items[-1].end < len(lowers) else ""
            head = after if len(items) > 1 and after in _PLURAL_HEADS else None
        if head is None:
            return None
        return "BENCHMARK" if head in BENCHMARK_HEADS else "DATASET"

    def _results_on(self, doc: Doc, items: list[Item], sent_start: int) -> str | None:
        """The data label of names results are reported on that the model read
        as methods: "Experiments on DAVIS-17 and MOSE", "36.8 on MathVision",
        "Evaluations on BraTS2023, FLARE2021, and KiTS2023" (RESULTS_ON_RULE).
        A list holding a task, or a method the gazetteer knows, or a version of
        one ("results on Llama-2 and Mistral"), is a list of what is evaluated,
        and is left alone; so is a lone name without a score before it."""
        before = _words_before(doc, items[0].start, sent_start)
        methods = [it for it in items if it.label == "METHOD"]
        if not before or before[-1] not in _RESULT_MARKERS or not methods or any(it.label == "TASK" for it in items):
            return None
        texts = token_texts(doc)
        for it in methods:
            name = span_text(Span(doc, it.start, it.end))
            if not strongly_named(texts[it.start : it.end]) or known_label(name, None) == "METHOD":
                return None
        marker = next(i for i in range(items[0].start - 1, sent_start - 1, -1) if token_lowers(doc)[i] in _RESULT_MARKERS)
        if len(items) == 1 and not _scored_before(doc, marker, sent_start) and not _and_others(doc, items[0].end):
            return None
        data = {it.label for it in items if it.label in DATASET_GROUP}
        return "BENCHMARK" if data == {"BENCHMARK"} else "DATASET"

    @staticmethod
    def _model_list(doc: Doc, items: list[Item], sent_start: int) -> list[Item]:
        """The items of a list of models (MODEL_LIST_RULE), or none: a name the
        gazetteer knows as a method, or a version of one, is in the list
        ("using YOLOv11, RT-DETRv2, and APGCC"), or a plural method noun or a
        known class of models opens it ("frameworks such as DOME, Plan&Write,
        and Long Writer"; "medical LVLMs such as MAIRA-2 and CheXagent", a
        Dataset of 3 papers of the 40k graph, a model to both judges of seed
        108). A list with a name the gazetteer knows as data is none, and one
        runs to its first task or measure ("using A, B, and C; and
        segmentation ...")."""
        items = items[: next((n for n, it in enumerate(items) if it.label in ("TASK", "METRIC")), len(items))]
        if not items:
            return []
        known = [known_label(span_text(Span(doc, it.start, it.end)), None) if it.label else None for it in items]
        if set(known) & set(DATASET_GROUP) or not (
                len(items) > 1 and "METHOD" in known
                or (opening := _opening_noun(doc, items[0].start, sent_start)).endswith("s")
                and (opening in METHOD_NOUNS or gazetteer.lookup(opening) == "METHOD")):
            return []
        return items

    @staticmethod
    def _models_read_as_data(doc: Doc, items: list[Item]) -> list[Item]:
        """A model list's name-shaped data readings the gazetteer does not know (MODEL_LIST_RULE)."""
        texts = token_texts(doc)
        return [it for it in items if it.label in DATASET_GROUP and known_label(span_text(Span(doc, it.start, it.end)), None) is None
                and strongly_named(texts[it.start : it.end])]

    @staticmethod
    def _data_list(doc: Doc, items: list[Item]) -> str | None:
        """The data label of a list whose names the model read as data are as
        many as those it read as methods, one of them a data set the gazetteer
        knows or a bench name (DATA_LIST_RULE): "Objaverse, GSO and ShapeNet",
        "ST-WebAgentBench and AgentHarm". The model's data readings alone were
        no evidence: in the first 8,000 corpus abstracts they turned "FRESCO
        and ControlVideo", "M2I2, MUMC, and BiomedGPT" into data. A list
        holding a task or a measure, or a method the gazetteer knows, is no
        list of data."""
        if len(items) < 2 or any(it.label in ("TASK", "METRIC") for it in items):
            return None
        names = [span_text(Span(doc, it.start, it.end)) for it in items]
        known = [known_label(name, None) for name in names]
        if "METHOD" in known:
            return None
        texts = token_texts(doc)
        # A bench name is a benchmark before `benchmark_rule` labels it.
        benches = [bench_token(name) for name in names]
        read = [it.label or ("BENCHMARK" if bench else None) for it, bench in zip(items, benches)]
        data = [label for it, label in zip(items, read)
                if label in DATASET_GROUP and strongly_named(texts[it.start : it.end])]
        if not data or len(data) < read.count("METHOD") or not (set(known) & set(DATASET_GROUP) or any(benches)):
            return None
        return "BENCHMARK" if set(data) == {"BENCHMARK"} else "DATASET"

    @staticmethod
    def _known_method(doc: Doc, item: Item) -> bool:
        return gazetteer.lookup(span_text(Span(doc, item.start, item.end))) == "METHOD"

    @staticmethod
    def _unknown_name(doc: Doc, item: Item) -> bool:
        """A name-shaped item the gazetteer does not know ("LSOTB-TIR" read as a
        task before "... benchmarks"); "VQA" and lower-case task phrases stay tasks."""
        text = span_text(Span(doc, item.start, item.end))
        return strongly_named(token_texts(doc)[item.start : item.end]) and gazetteer.lookup(text) is None

    def _label(self, doc: Doc, items: list[Item], start: int, sent_start: int, cue_seen: bool) -> str | None:
        """The label the list's free names take, or None."""
        labels = {it.label for it in items if it.label}
        if labels - set(DATASET_GROUP):
            return None  # a list with a method or task in it: not a list of resources
        if labels:
            return "BENCHMARK" if labels == {"BENCHMARK"} else "DATASET"
        before = _words_before(doc, start, sent_start)
        head = next((w for w in reversed(before) if w in RESOURCE_HEADS or w in BENCHMARK_HEADS), None)
        if head and before and before[-1] in _LIST_OPENERS:
            return "BENCHMARK" if head in BENCHMARK_HEADS else "DATASET"
        if cue_seen and before and before[-1] in _OBJECT_MARKERS:
            texts = token_texts(doc)
            if len(items) > 1 or strongly_named(texts[items[0].start : items[0].end]):
                return "DATASET"
        return None

    @staticmethod
    def _item_end(doc: Doc, i: int, dashed: bool = False) -> bool:
        """A name followed by doc[i] can be a whole item: punctuation, a
        function word ("on ZPair-91k by 3 points"), a resource head noun, or
        the verb a list of results is the subject of ("on MATH500, AIME24,
        and GPQA-Diamond demonstrate that ..."); in a list a dash after its
        head opened (`dashed`), the dash that closes it ("- E2E, Rotowire,
        and Livesum - using"). Elsewhere a spaced hyphen may be a tokenised
        word's ("Chi - nese", "Tobacco - 3482" in the gold corpora)."""
        lowers = token_lowers(doc)
        text, lower = token_texts(doc)[i], lowers[i]
        closing_dash = dashed and text == "-"
        return text in _ITEM_ENDS or closing_dash or lower in RESOURCE_HEADS or lower in BENCHMARK_HEADS \
            or doc.vocab[lower].is_stop or bool(_REPORTING_VERB.match(lower)) \
            or lower.endswith("ly") and i + 1 < len(doc) and bool(_REPORTING_VERB.match(lowers[i + 1]))  # "consistently verify"

    def _list_at(self, doc: Doc, start: int, sent: Span, ents: dict[int, Span]) -> list[Item]:
        """Items of a list (or a single item) starting at `start`: entity
        spans or free name runs joined by commas / and / or."""
        texts, lowers = token_texts(doc), token_lowers(doc)
        end = sent.end
        items: list[Item] = []
        # "three benchmarks - E2E, Rotowire, and Livesum - using ...", "datasets - including A, B, and C -
        # demonstrate", "two benchmark datasets-HateXplain and HSOL-demonstrate": a dash after the head opens it
        opened = start - 1
        while opened > sent.start and lowers[opened] in _LIST_OPENERS and texts[opened] != "-":
            opened -= 1
        dashed = opened > sent.start and texts[opened] == "-" and lowers[opened - 1] in _PLURAL_HEADS
        i = start
        while i < end and len(items) < self.max_items:
            ent = ents.get(i)
            if ent is not None and ent.end <= end:
                item = Item(ent.start, ent.end, ent.label_)
            else:
                run_end = name_run(doc, i, end, self.max_name_tokens)
                if run_end == i or i == sent.start or texts[i - 1] == "-" and not (i - 1 == opened and dashed):
                    break  # no name, a sentence opener, or the tail of "fs - PASCAL" (not "benchmarks - E2E")
                item = Item(i, run_end, None)
            # "NTU RGB+D 120": a number the model left out of a name is the name's (not a
            # footnote's, "error rate 0", "Transformer distillation 5")
            if item.label is not None and item.end + 1 < end and _NUMBER.match(texts[item.end]) \
                    and not _YEAR.match(texts[item.end]) and strongly_named(texts[item.start : item.end]) \
                    and self._item_end(doc, item.end + 1):
                item = Item(item.start, item.end + 1, item.label, grown=True)
            # "AIME 2024, MATH-500": an edition's year after a name (not part of the name) continues the list
            follows = item.end + 1 if item.end < end and _YEAR.match(texts[item.end]) else item.end
            if follows < end and not self._item_end(doc, follows, dashed) and lowers[item.end - 1] not in _PLURAL_HEADS:
                break  # "Atari games", "ImageNet classification": a modifier, not an item ("C benchmarks" ends a list)
            items.append(item)
            j = follows
            while j < end and lowers[j] in _SEPARATORS:
                j += 1
            if j == item.end:
                break
            i = j
        return items


# Words for a gain a score comes before: "a 16.45% improvement on X", "3.2 points on X".
_GAINS = {"improvement", "improvements", "gain", "gains", "increase", "boost", "point", "points"}


def _scored_before(doc: Doc, marker: int, sent_start: int) -> bool:
    """A score right before the result marker ("36.8 on MathVision"), or a
    gain after a score ("a 16.45% improvement on MME-RealWorld", "3.2
    points on X"): what a lone name is scored on (RESULTS_ON_RULE)."""
    def scored(i: int) -> bool:
        return i >= sent_start and (doc[i].like_num or doc[i].text == "%")

    if marker - 1 >= sent_start and doc[marker - 1].ent_type_ == "METRIC":
        # "+3.3 AP on AI-TOD-V2": the score is the measure's
        first = marker - 1
        while doc[first].ent_iob_ == "I":
            first -= 1
        return scored(first - 1)
    return scored(marker - 1) or marker - 1 >= sent_start and doc[marker - 1].lower_ in _GAINS \
        and any(scored(i) for i in range(marker - 2, marker - 5, -1))


def _and_others(doc: Doc, end: int) -> bool:
    """A lone name the list of others goes on from: "Experiments on DOTA-v1.0 and others demonstrate"."""
    after = token_lowers(doc)[end : end + 3]
    return after[:2] == ["and", "others"] or after[:3] == [",", "and", "others"] or after[:1] == ["etc"] or after[:2] == [",", "etc"]


def _model_name(text: str) -> bool:
    """A free name a model list may hold: three letters, or two and a digit
    ("SD3", "QwQ-32B"), and no suspended prefix ("MIL- and VLM-based"). Fewer
    letters are a variant's or a measure's ("B0, B1, B4" of EfficientNet beside
    BLEU's "B-4"; "DT, GB, RF" among classifiers, GB a gigabyte elsewhere)."""
    letters = sum(c.isalpha() for c in text)
    return (letters >= 3 or letters == 2 and any(c.isdigit() for c in text)) and not text.endswith("-") \
        and strongly_named(text.split())


def _bracketed(doc: Doc, items: list[Item]) -> bool:
    """A lone name in brackets: the letters of the words before ("diffusion
    large language models (dLLMs)"), which `acronyms` reads, not a model a
    list names (the model list's free names made 32 papers' dLLMs an entity
    beside diffusion LLMs on the 40k graph, session 62)."""
    texts = token_texts(doc)
    return len(items) == 1 and items[0].start > 0 and texts[items[0].start - 1] == "(" \
        and items[0].end < len(doc) and texts[items[0].end] == ")"


def _opening_noun(doc: Doc, start: int, sent_start: int) -> str:
    """The word just before what opens the list, lower-cased ("datasets" of
    "datasets such as A, B", "frameworks" of "frameworks, e.g., A"), or ""
    when nothing opens it."""
    before = _words_before(doc, start, sent_start)
    opened = len(before)
    while opened and before[opened - 1] in _LIST_OPENERS:
        opened -= 1
    return before[opened - 1] if 0 < opened < len(before) else ""


# What makes "benchmarks" before a list a noun, not a verb ("two public
# benchmarks VidSTG and HCSTVG", not "This paper benchmarks GPT-4o and Claude").
_HEAD_MARKERS = {"on", "across", "of", "from", "in", "two", "three", "four", "five", "six", "several", "multiple", "many", "various"}


def _bare_head(doc: Doc, items: list[Item], start: int, sent_start: int) -> str:
    """A plural resource head right before a list of two names or more, with
    nothing opening it: "on two public benchmarks VidSTG and HCSTVG", "from
    the multiple-choice benchmarks MMLU-Redux and MedQA"; "" otherwise."""
    lowers = token_lowers(doc)
    if len(items) < 2 or start - 1 < sent_start or lowers[start - 1] not in _PLURAL_HEADS:
        return ""
    marked = any(lowers[i] in _HEAD_MARKERS or doc[i].like_num for i in range(max(sent_start, start - 5), start - 1))
    return lowers[start - 1] if marked else ""


# BEATEN_RULE (session 64): what a result is better "than", or a gain
# "over", is the baselines beaten: "superior performance over both SA3D and
# FruitNeRF on ... datasets" names two methods, which the model and the
# list's labels had made benchmarks (FruitNeRF a Benchmark of 2 papers of the
# 40k graph, a method to both judges of seed 126); "improved performance
# over DeBERTaV3 on several benchmarks" too. The gain is among the four words
# before "over": further back, "over" may say what the gain is measured on
# ("3.1% improvement in object-level AUROC over Real3D-AD and
# Anomaly-ShapeNet"), and a list of names after it stays data, as before. A
# list headed as data ("over the A and B datasets") stays data too.
_COMPARISONS = {"performance", "improvement", "improvements", "gain", "gains", "advantage", "advantages", "better",
                "superior", "superiority", "speedup", "speedups", "improves", "improve", "improved", "outperforms",
                "outperform", "outperforming"}


def _beaten(doc: Doc, start: int, sent_start: int) -> bool:
    """A list of what a result is compared with and beats (BEATEN_RULE)."""
    before = _words_before(doc, start, sent_start)
    return len(before) > 1 and before[-1] in ("over", "than") and any(w in _COMPARISONS for w in before[:-1])


def _words_before(doc: Doc, start: int, sent_start: int) -> list[str]:
    """The four words before a list in its sentence, lower-cased, without "the", "both", "all"."""
    return [w for w in token_lowers(doc)[max(sent_start, start - 4) : start] if w not in _LEADING]


def citation(doc: Doc, start: int, end: int) -> bool:
    """Authors of a reference, not a name: "(Jo and Bengio, 2017)", "Waseem
    (2016)", "Conneau et al."."""
    texts = token_texts(doc)
    after = texts[end : end + 3]
    if after[:2] == ["et", "al"] or after[:1] == ["et"] or len(after) > 1 and after[0] in ("(", ",") and _YEAR.match(after[1]):
        return True
    opening = next((i for i in range(start - 1, max(-1, start - 12), -1) if texts[i] in ("(", ")")), None)
    if opening is None or texts[opening] != "(":
        return False
    for i in range(end, min(len(texts), end + 12)):
        if texts[i] == ")":
            return False
        if _YEAR.match(texts[i]):
            return True
    return False
