"""How the knowledge base weighs in on an entity's type and identity across
papers: a prior, not a dictator, and only for what it actually knows.
Minimal invented examples plus the shipped knowledge base itself."""
from __future__ import annotations

import re

import pytest

from ingest import kb
from ingest.extract import gazetteer
from ingest.kb.build import KB_DIR, gold_names, paper_of
from ingest.corpus_labels import corpus_label
from ingest.normalize import alias_key


def test_knowledge_base_type_stands_against_scattered_misreadings():
    # a known data set most papers read right, some as a method
    assert corpus_label({"Method": 4, "Dataset": 10, "Benchmark": 6}, "Dataset") == "Dataset"
    # papers that use it for results make it a benchmark, unless a curated KB calls it a collection of data
    assert corpus_label({"Dataset": 3, "Benchmark": 9}, "Dataset") == "Benchmark"
    assert corpus_label({"Dataset": 3, "Benchmark": 9}, "Dataset", kb_curated=True) == "Dataset"
    assert corpus_label({"Dataset": 9, "Benchmark": 3}, "Benchmark", kb_curated=True) == "Benchmark"
    assert corpus_label({"Method": 4, "Dataset": 3, "Benchmark": 9}, "Dataset", kb_curated=True) == "Dataset"
    # half the papers disagree: still the KB's
    assert corpus_label({"Method": 5, "Dataset": 5}, "Dataset") == "Dataset"
    # one paper alone never outvotes the KB
    assert corpus_label({"Task": 1}, "Method") == "Method"


def test_papers_outvote_the_knowledge_base_when_they_clearly_mean_something_else():
    # a leaderboard's data set named like a common word, read as a method by 60 papers of 62
    assert corpus_label({"Method": 60, "Dataset": 2}, "Dataset") == "Method"
    # an acronym a leaderboard uses for a data set and most papers for a task
    assert corpus_label({"Method": 10, "Dataset": 21, "Task": 92, "Metric": 3}, "Dataset") == "Task"
    # without a KB entry: the majority
    assert corpus_label({"Method": 2, "Task": 3}) == "Task"


def scored_entity(key: str, surfaces: dict[str, int], labels: dict[str, int]) -> tuple[str, dict]:
    """The node label and stored properties of an entity of `key` its papers write as `surfaces` and read as `labels`."""
    from collections import Counter

    from ingest.load import EntityTally, entity_properties

    papers = sum(labels.values())
    return entity_properties(EntityTally(key, papers, papers, Counter(labels), Counter(surfaces), Counter()))


def scored(key: str, surfaces: dict[str, int], labels: dict[str, int]) -> dict:
    """The stored properties of an entity of `key` its papers write as `surfaces` and read as `labels`."""
    return scored_entity(key, surfaces, labels)[1]


def test_a_knowledge_base_sense_the_papers_outvote_is_no_evidence_for_theirs():
    """The leaderboards' task heading "Multimodal" was the kb_id of a Method
    the 40k graph's papers wrote 173 times as an adjective, and their metric
    column "Joint" of "joint framework": both shown with confidence 1.0.
    (Session 45's judges left "Multimodal" out of the knowledge base; its
    heading "Parsing" stands in for it here.)"""
    from graph.settings import MIN_CONFIDENCE

    other_sense = scored("parsing", {"parsing": 170, "Parsing": 3}, {"Method": 173})
    assert other_sense["kb_id"] is None and other_sense["confidence"] < MIN_CONFIDENCE
    task = scored("parsing", {"parsing": 10}, {"Task": 10})
    assert task["kb_id"] == "pwc-task:parsing" and task["confidence"] >= MIN_CONFIDENCE
    assert kb.lookup("Multimodal") is None  # a heading, no task (judge-40k-s45-kb-multimodal*.tsv)
    assert scored("joint", {"joint framework": 2, "joint-architecture": 1}, {"Method": 3})["kb_id"] is None


def test_a_part_every_model_has_is_no_known_method():
    """Papers with Code's "Linear Layer" was a visible Method of 10 papers of
    the 40k graph; both judges of session 55's seed 89 found a part every
    model has. The name review leaves it out, and a layer is held back."""
    from graph.settings import MIN_CONFIDENCE

    assert kb.lookup("Linear Layer") is None
    assert scored("linearlayer", {"linear layer": 8, "linear layers": 2}, {"Method": 10})["confidence"] < MIN_CONFIDENCE


@pytest.mark.parametrize("form, shared_task", [
    ("SemEval-2025 Task 5", True), ("SemEval 2025 Task 11", True), ("DCASE Challenge Task 1", True),
    ("WMT24 shared task", True), ("Mu-SHROOM shared task", True), ("SemEval-2025 Shared Task", True),
    ("Multilingual Shared Task", False), ("Dialogue Evaluation shared task", False), ("multi-task", False),
    ("Track-ID task", False), ("GLUE", False),
])
def test_an_evaluation_campaigns_task_is_named_so(form, shared_task):
    from ingest.corpus_labels import campaign_task

    assert campaign_task([form]) is shared_task


def test_an_evaluation_campaigns_task_is_a_benchmark_whatever_its_papers_read():
    """SHARED_TASK_RULE: the 10k graph's SemEval-2025 tasks were Datasets at
    confidence 0.40-0.50, their papers split between data, task and method."""
    from collections import Counter

    from graph.settings import MIN_CONFIDENCE
    from ingest.load import EntityTally, entity_properties

    tally = EntityTally("semeval-25-task-5", 6, 6, Counter({"Dataset": 3, "Task": 2, "Method": 1}),
                        Counter({"SemEval-2025 Task 5": 6}), Counter())
    label, properties = entity_properties(tally)
    assert label == "Benchmark" and properties["confidence"] >= MIN_CONFIDENCE
    # the same readings of another name: half the papers are not enough for data, and the name waits
    label, properties = entity_properties(EntityTally("corpusx", 6, 6, tally.labels, Counter({"CorpusX": 6}), Counter()))
    assert label == "Task" and properties["confidence"] < MIN_CONFIDENCE


@pytest.mark.parametrize("surfaces,labels,expected", [
    ({"UniDA": 4, "Universal Domain Adaptation": 2}, {"Method": 2, "Task": 1}, "Task"),
    ({"CTTA": 20, "Continual Test-Time Adaptation": 9}, {"Method": 8, "Task": 6}, "Task"),
    # no paper reads it as a task: the name decides, not the readings (FORCED_LABEL_RULE, session 60)
    ({"OSDG": 3, "Open-Set Domain Generalization": 2}, {"Method": 2}, "Task"),
    # a form built on a name, and a name the papers read as data, keep their type
    ({"VDiT": 9, "vDiT-based video generation": 1}, {"Method": 9}, "Method"),
    ({"ARC": 4, "Abstraction and Reasoning Corpus": 2}, {"Dataset": 5, "Method": 1}, "Dataset"),
    # no definition: a description of the task, not a name of its setting
    ({"open-set domain generalization": 3}, {"Method": 2, "Task": 1}, "Method"),
])
def test_a_method_defined_by_a_known_tasks_words_is_a_setting_of_the_task(surfaces, labels, expected):
    """KIND_OF_KNOWN_TASK_RULE (session 59): outside judges typed UniDA, OSDG and ADA, Methods of
    the 40k graph, Task; the name forces the type, so split readings do not hide it."""
    from graph.settings import MIN_CONFIDENCE

    label, properties = scored_entity(alias_key(max(surfaces, key=len)), surfaces, labels)
    assert label == expected
    if expected == "Task":
        assert properties["confidence"] >= MIN_CONFIDENCE


def test_gold_records_count_once_per_paper():
    assert paper_of("gsap", "00003_2103_00020.txt|text_unit_7") == "00003_2103_00020.txt"
    assert paper_of("cmu", "cmu2023-someone-emnlp-00012") == "cmu2023-someone-emnlp-00012"  # ids name no paper
    assert paper_of("tdmsci", "tdmsci-train-0001") == "tdmsci-train-0001"  # no paper given: the record


@pytest.mark.skipif(not KB_DIR.exists(), reason="needs ../shared/gold")
def test_one_papers_notation_is_not_knowledge_of_the_field():
    """GSAP-NER marks "D LM" as a data set in three paragraphs of one paper;
    as a KB entry it took every "deep learning models (DLMs)" of 40k arXiv
    papers (451 papers) and made them a data set."""
    names = {e.name for e in gold_names()}
    assert "D LM" not in names
    assert kb.lookup("D LM") is None


def test_a_short_form_known_only_as_a_bare_name_does_not_capture_definitions():
    # the KB (leaderboards) knows "SST" only as a data set; a paper's "sea surface temperature (SST)" is its own entity
    entry = kb.lookup("SST")
    assert entry is not None and entry.source != "paperkg" and not entry.aliases
    assert gazetteer.definition_key("sea surface temperature", "SST") == "seasurfacetemperature"
    # forms the knowledge base knows as one entry, or a curated short form, keep the known key
    assert gazetteer.definition_key("Contrastive Language-Image Pre-training", "CLIP") == gazetteer.canonical("CLIP")
    assert gazetteer.definition_key("Frechet Inception Distance", "FID") == gazetteer.canonical("FID")


def test_a_definition_inside_a_name_is_read_where_its_letters_run_on_in_the_long_form():
    """"KL" is inside "kullbackleibler" and "NTK" inside "tangentkernel": the
    letters alone read as a part of the name, the initials as its acronym.
    Without them the 40k graph had "Kullback-Leibler (KL) divergence" (7
    papers) apart from KL divergence, and an outside judge called it a duplicate."""
    from ingest.normalize import without_definition

    assert without_definition("Kullback-Leibler (KL) divergence") == "Kullback-Leibler divergence"
    assert without_definition("neural tangent kernel (NTK)") == "neural tangent kernel"
    assert without_definition("HSI (human-scene interaction)") is None and without_definition("ViT (ours)") is None
    kl = gazetteer.canonical("KL divergence")
    assert gazetteer.canonical("Kullback-Leibler (KL) divergence") == gazetteer.canonical("Kullback-Leibler divergence") == kl
    assert gazetteer.definition_key("Kullback-Leibler divergence", "KLD") == kl


def test_a_definition_by_another_known_names_letters_is_that_known_name():
    """A paper's "Large Reconstruction Model (LRM)" is the known large
    reconstruction model, not the reasoning models the field's LRM means (13
    papers of the 40k graph were merged, to an outside judge), and its
    "multimodal large language model (LLM)" the known MLLM."""
    assert gazetteer.definition_key("Large Reconstruction Model", "LRM") == gazetteer.canonical("large reconstruction models")
    assert gazetteer.definition_key("Large Reasoning Models", "LRMs") == gazetteer.canonical("LRM")
    assert gazetteer.definition_key("multimodal large language model", "LLM") == gazetteer.canonical("MLLM")
    assert gazetteer.definition_key("large language model", "LLM") == gazetteer.canonical("LLM")


@pytest.mark.parametrize("long_form, short, own", [
    # other works' letters, each merged into the known name on the 40k graph until session 44
    ("Multi-Encoder collaboraTivE tOken pRuning", "METEOR", True), ("Pluralistic Off-Policy Evaluation", "POPE", True),
    ("Causal Inference Distiller", "CIDer", True), ("Object Perception Token", "OPT", True),
    ("denoising anchor boxes", "DINO", True),
    # a known word's letters written as an acronym (session 46: PHI 10 papers into the Phi models at 40k)
    ("protected health information", "PHI", True), ("Contrastive Relevance Aggregation", "CoRA", True),
    ("Large Language Model Meta AI", "LLaMA", False),
    # the known names spelled out, however written
    ("Metric for Evaluation of Translation with Explicit Ordering", "METEOR", False),
    ("Polling-based Object Probing Evaluation", "POPE", False), ("generative pre-trained transformers", "GPT", False),
    ("large language and visual assistant", "LLaVA", False), ("Reasoning and Acting", "ReAct", False),
])
def test_a_curated_acronyms_long_form_tells_its_spelling_from_another_works(long_form, short, own):
    assert gazetteer.redefines(long_form, short) is own
    assert (gazetteer.definition_key(long_form, short) == gazetteer.canonical(short)) is not own


def test_a_curated_measure_with_the_word_rate_is_the_measure():
    """"recall rate" (14 papers of the 40k graph) was a duplicate of recall
    to both judges of session 44's sample; a rate that is its own measure
    has no curated measure before the word."""
    assert gazetteer.canonical("recall rate") == gazetteer.canonical("recall")
    assert gazetteer.canonical("accuracy rates") == gazetteer.canonical("accuracy")
    assert gazetteer.canonical("error rate") == "errorrate" and gazetteer.canonical("success rate") == "successrate"
    # with its unit (session 45: "F1 points", a duplicate to both judges)
    assert gazetteer.canonical("F1 points") == gazetteer.canonical("F1")
    assert gazetteer.canonical("BLEU points") == gazetteer.canonical("BLEU")
    assert gazetteer.canonical("key points") == alias_key("key points")


@pytest.mark.parametrize("forms", [
    ("coefficient of determination", "R2", "R^2", "R2 score", "R-squared"),
    ("Cohen's kappa", "Kappa Score", "kappa", "Cohen's Kappa"),
    ("mean absolute error", "Mean Average Error", "mean average error"),  # both judges of seed 77: a duplicate
    ("inter-annotator agreement", "IAA", "Inter-rater agreement"),  # both judges of seed 78: a duplicate
    ("FPS", "FPS inference speed", "frames per second"),  # both judges of seeds 77 and 80: a duplicate
])
def test_a_measure_is_one_entity_however_written(forms):
    """"R2 score" and "Kappa Score" were duplicates of R² and Cohen's kappa to
    both judges of session 45's 40k sample; gFID is FID's variant (FID of
    generated samples), not a measure the graph knows nothing of. Not rFID:
    keys are case-free, and RFID tags (radio-frequency identification)
    joined it."""
    assert len({gazetteer.canonical(form) for form in forms}) == 1
    assert kb.lookup(forms[-1]).name == forms[0] and kb.lookup(forms[-1]).label == "METRIC"
    assert gazetteer.canonical("gFID score") == gazetteer.canonical("gFID") != gazetteer.canonical("FID")
    assert kb.lookup("gFID").label == "METRIC" and gazetteer.canonical("Fleiss' kappa") != gazetteer.canonical("kappa")
    # RFID is radio-frequency identification (3 papers of the 40k graph), whose key rFID's would be
    assert kb.lookup("RFID") is None


@pytest.mark.parametrize("forms, label", [
    (("top-1 accuracy", "Acc@1", "Top-1 Acc"), "METRIC"),
    (("expected calibration error", "ECE", "calibration error"), "METRIC"),
    (("FPS", "frames per second"), "METRIC"),
    (("latency", "computational latency"), "METRIC"),
    (("3D object detection", "3D detection", "3D Detection"), "TASK"),
    (("medical image segmentation", "medical segmentation"), "TASK"),
    (("video generation", "video synthesis"), "TASK"),
    (("VLA", "vision-language-action models", "VLAs"), "METHOD"),
    (("vision-language pre-training", "VLP", "vision-language pretraining"), "METHOD"),
    (("Deformable DETR", "DDETR"), "METHOD"),
    (("ADMM", "Alternating Direction Method of Multipliers"), "METHOD"),
    # data sets whose names end in a measure's word, read as measures (0 of 9 verdicts on file)
    (("CT-RATE", "CT RATE"), "DATASET"),
    (("AP-10K",), "DATASET"),
    # seed 61: duplicates to outside judges
    (("continual pre-training", "continued pretraining", "continuous pre-training"), "METHOD"),
    (("PASCAL VOC", "PASCAL"), "DATASET"),
    # session 47's samples: a method read as a task (19 papers) and a task read as a method (9), a data set
    # only its long form's fragment named, and benchmarks written in another order
    (("REPA",), "METHOD"), (("function calling", "Function Calling"), "TASK"), (("LongWriter", "Long Writer"), "METHOD"),
    (("OASIS", "Open Access Series of Imaging Studies"), "DATASET"),
    (("VQA-RAD", "RAD-VQA", "RadVQA"), "BENCHMARK"), (("Encyclopedic-VQA", "Encyclopedic VQA", "E-VQA"), "BENCHMARK"),
    (("V*Bench",), "BENCHMARK"),
    # real names the rules for qualified names and fusion steps held back (sessions 45-46)
    (("Probabilistic U-Net", "probabilistic U-Net"), "METHOD"), (("reciprocal rank fusion", "RRF"), "METHOD"),
    (("linear SVM", "Linear SVM"), "METHOD"), (("naive RAG", "Naive RAG"), "METHOD"),
    # session 47's second sample (seed 64): a measure typed Method, a task's acronym and a spelling of VQA
    (("SPL", "Success weighted by Path Length"), "METRIC"), (("fake news detection", "FND"), "TASK"),
    (("visual question answering", "Visual Question Answer"), "TASK"),
    # problem settings read as Methods at 40k, rejected as such by every verdict on file (session 47)
    (("class-incremental learning",), "TASK"), (("few-shot class-incremental learning", "FSCIL"), "TASK"),
    (("generalized category discovery", "GCD"), "TASK"), (("source-free domain adaptation", "SFDA"), "TASK"),
    (("stereo matching",), "TASK"), (("virtual try-on", "VTON"), "TASK"),
    (("no-reference image quality assessment", "NR-IQA"), "TASK"), (("FPR95", "FPR@95"), "METRIC"),
    (("Mu-SHROOM",), "BENCHMARK"), (("The Cancer Imaging Archive", "TCIA"), "DATASET"),
    # seed 65: a fragment of a measure's name, a duplicate of a task, a model read as data, a technique read as data
    (("Pearson correlation", "Pearson"), "METRIC"), (("sentiment analysis", "sentiment prediction"), "TASK"),
    # session 54's seed 87: training objectives read as Tasks (71 and 38 papers of the 40k graph, both judges: Method)
    (("next-token prediction", "next token prediction"), "METHOD"), (("preference alignment",), "METHOD"),
    (("Virchow",), "METHOD"), (("dataset distillation", "dataset condensation"), "METHOD"),
    # session 49's seed 72: image-quality measures read as a benchmark, duplicates of a data set and of GCN
    (("Pearson correlation", "PLCC"), "METRIC"), (("Spearman correlation", "SROCC", "SRCC"), "METRIC"),
    (("Kendall's tau", "KROCC", "Kendall"), "METRIC"), (("Conceptual Captions", "CC3M"), "DATASET"),
    (("GCN", "graph convolutional neural network"), "METHOD"),
    # seed 73 (paper-weighted): a task shown by a benchmark's letters, a training objective read as a task
    (("text-to-video retrieval", "text-video retrieval"), "TASK"), (("multi-token prediction",), "METHOD"),
])
def test_what_outside_judges_read_as_another_name_is_that_name(forms, label):
    """Session 46's 40k sample (seed 59) and the verdicts on file: Acc@1,
    "calibration error" (13 of 15 verdicts), "computational latency", "3D
    detection" (29 papers) and "medical segmentation" were duplicates of the
    usual name; VLA (99 papers) and VLP, read as tasks, are model families
    and ways of training (every verdict on file)."""
    assert len({gazetteer.canonical(form) for form in forms}) == 1
    assert kb.lookup(forms[-1]).name == forms[0] and kb.lookup(forms[-1]).label == label
    assert gazetteer.canonical("monocular 3D object detection") != gazetteer.canonical("3D object detection")
    assert kb.lookup("CLIP-T").label == "METRIC"


def test_chain_of_thought_reasoning_is_the_method_not_a_task():
    """The 40k graph had "CoT reasoning" (41 papers) and "Chain-of-Thought
    reasoning" (36) as Tasks beside the chain-of-thought Method (1,150);
    outside judges typed both the method."""
    cot = gazetteer.canonical("chain-of-thought")
    assert gazetteer.canonical("CoT reasoning") == gazetteer.canonical("Chain-of-Thought (CoT) reasoning") == cot
    assert gazetteer.canonical("Long CoT reasoning") != cot


@pytest.mark.parametrize("acronym_form, long_form", [
    ("medical QA", "medical question answering"), ("open-domain QA", "open-domain question answering"),
    ("3D VQA", "3D visual question answering"), ("multilingual ASR", "multilingual speech recognition"),
    ("biomedical NER", "biomedical named entity recognition"), ("Zero-Shot TTS", "zero-shot text-to-speech"),
    # the leaderboards' "Relationship Extraction" (RE) is the gazetteer's relation extraction
    ("document-level RE", "document-level relation extraction"),
])
def test_a_kind_of_a_task_written_with_the_tasks_acronym_is_that_kind(acronym_form, long_form):
    """TASK_ACRONYM_RULE: the 40k graph had "medical QA" (17 papers) beside
    "medical question answering" (36), "open-domain QA" (11) beside its long form (28)."""
    assert gazetteer.canonical(acronym_form) == gazetteer.canonical(long_form)


def test_only_the_gazetteers_task_acronyms_are_read_as_their_tasks():
    # a method's acronym, an acronym not at the end
    assert gazetteer.canonical("Graph RAG") == alias_key("Graph RAG")
    assert gazetteer.canonical("QA pairs") == alias_key("QA pairs")
    assert gazetteer.canonical("visual SLAM") == alias_key("visual SLAM")
    # after a name, or joined to it, the acronym is part of a benchmark's name (NExT-QA: 9 papers of the 10k graph)
    for name in ("NExT-QA", "ActivityNet-QA", "OpenBook QA", "CLEVR QA"):
        assert gazetteer.canonical(name) == alias_key(name)


@pytest.mark.parametrize("made, product", [
    ("OpenAI GPT-4o", "GPT-4o"), ("Google Gemini", "Gemini"), ("OpenAI ChatGPT", "ChatGPT"),
    ("OpenAI's GPT-4", "GPT-4"), ("Meta-Llama-3-8B-Instruct", "Llama-3-8B-Instruct"), ("Meta Llama 3", "Llama 3"),
    ("Microsoft COCO", "COCO"), ("Alibaba Qwen2.5-7B", "Qwen2.5-7B"),
])
def test_a_model_named_with_its_maker_is_the_model(made, product):
    """MAKER_RULE: the 40k graph had "OpenAI GPT-4o" (7 papers) beside GPT-4o,
    "Google Gemini" (6) beside Gemini: duplicates to an outside judge."""
    assert gazetteer.canonical(made) == gazetteer.canonical(product)


@pytest.mark.parametrize("forms", [
    ("OpenAI o1", "OpenAI-o1", "o1", "GPT-o1", "OpenAI's o1"),
    ("OpenAI o3", "OpenAI-o3", "o3", "GPT-o3"),
    ("OpenAI o4-mini", "o4-mini", "O4-mini", "GPT-o4-mini"),
])
def test_openais_reasoning_models_are_one_entity_however_written(forms):
    """The 40k graph had "OpenAI-o1" (63 papers), "GPT-o3" (14, a duplicate of
    OpenAI o3 to both outside judges of session 45's sample), "OpenAI-o3" (10)
    and "GPT-o4-mini" (8) beside "OpenAI o4-mini" (7) and "O4-mini" (7)."""
    assert len({gazetteer.canonical(form) for form in forms}) == 1
    assert kb.lookup(forms[-1]).name == forms[0]
    assert gazetteer.canonical("OpenAI o3-mini") == gazetteer.canonical("o3-mini") != gazetteer.canonical("o3")


def test_a_model_is_displayed_without_its_maker_where_papers_write_it_so():
    from collections import Counter

    from ingest.normalize import display_name

    forms = Counter({"Meta-Llama-3-8B-Instruct": 3, "Llama-3-8B-Instruct": 2, "LLaMA-3-8B-Instruct": 2})
    assert display_name(forms) == "LLaMA-3-8B-Instruct"
    assert display_name(Counter({"Google Earth Engine": 3, "GEE": 1})) == "Google Earth Engine"


def test_a_makers_own_product_and_a_meta_method_stay_whole():
    for name in ("Google Earth Engine", "OpenAI Gym", "Google Translate", "Meta RL", "Meta-SGD", "Meta-Transformer",
                 "Meta-World", "OpenAI o1"):
        assert gazetteer.canonical(name) == alias_key(name)


@pytest.mark.parametrize("long_form_inside, acronym_inside", [
    ("3D Convolutional Neural Network", "3D CNN"), ("deep convolutional neural networks", "deep CNN"),
    ("multimodal retrieval-augmented generation", "multimodal RAG"), ("few-shot in-context learning", "few-shot ICL"),
    ("Graph Retrieval-Augmented Generation", "GraphRAG"), ("long chain-of-thought reasoning", "Long CoT"),
    ("sparse mixture of experts", "sparse MoE"), ("pre-trained Vision Transformers", "pre-trained ViT"),
])
def test_a_known_methods_long_form_inside_a_name_is_its_acronym(long_form_inside, acronym_inside):
    """LONG_FORM_INSIDE_RULE: the 40k graph had "3D CNN" (25 papers) beside
    "3D Convolutional Neural Network" (18), "multimodal RAG" (17) beside its long form (22)."""
    assert gazetteer.canonical(long_form_inside) == gazetteer.canonical(acronym_inside)


@pytest.mark.parametrize("synonym_edition, name_edition", [
    ("VOC2012", "PASCAL VOC 2012"), ("VOC 2007", "Pascal VOC2007"), ("MS COCO 2017", "COCO 2017"),
    ("MS-COCO 2014", "COCO2014"),
])
def test_a_data_sets_edition_written_with_a_synonym_is_the_names_edition(synonym_edition, name_edition):
    """EDITION_SYNONYM_RULE: the 40k graph kept "VOC2012" (4 papers) apart from "PASCAL VOC 2012" (9)."""
    assert gazetteer.canonical(synonym_edition) == gazetteer.canonical(name_edition)


def test_a_metrics_name_with_the_word_metric_is_the_metric():
    """"perplexity metrics" was a duplicate of perplexity to both judges of session 43's 40k sample."""
    assert gazetteer.canonical("perplexity metrics") == gazetteer.canonical("perplexity")
    assert gazetteer.canonical("BLEU metric") == gazetteer.canonical("BLEU score") == gazetteer.canonical("BLEU")
    assert gazetteer.canonical("evaluation metrics") != gazetteer.canonical("evaluation")  # no metric's name


def test_a_methods_name_and_a_number_is_no_edition_of_a_synonym():
    assert gazetteer.canonical("mT5") == alias_key("mT5")  # no version of MT
    assert gazetteer.canonical("COCO 2017") != gazetteer.canonical("COCO 2014") != gazetteer.canonical("COCO")


def test_a_long_form_that_is_the_whole_name_or_not_spelled_by_the_acronym_stays():
    assert gazetteer.canonical("convolutional neural networks") == gazetteer.canonical("CNN")
    # a long form the knowledge base knows with its own acronym is that entry, not a kind of CNN (session 43:
    # with "convolutional networks" CNN's synonym, the 10k graph's FCN became "fully CNN")
    assert gazetteer.canonical("Fully Convolutional Networks") == gazetteer.canonical("FCN")
    assert gazetteer.canonical("4D Gaussian Splatting") == alias_key("4D Gaussian Splatting")  # 3DGS spells no "GS" alone
    assert gazetteer.canonical("medical question answering") == alias_key("medical question answering")  # a task
    # a phrase about another name keeps that name's key (40k graph: 6 papers left GRPO)
    assert gazetteer.canonical("GRPO-based reinforcement learning") == gazetteer.canonical("GRPO")


def test_a_generic_head_joins_a_known_name_only_after_a_name():
    assert gazetteer.canonical("the Pile dataset".removeprefix("the ")) == gazetteer.canonical("Pile")
    # "Yelp methods" are not the Yelp data set; "Yelp dataset" is
    assert kb.lookup("Yelp").label == "DATASET"
    assert gazetteer.canonical("Yelp methods") != gazetteer.canonical("Yelp") == gazetteer.canonical("Yelp dataset")
    # the leaderboard split called "Supervised" is no name at all (a generic word, session 30)
    assert kb.lookup("Supervised") is None


def test_an_unknown_name_is_a_data_set_only_when_most_papers_clearly_read_one():
    # a modality: the model reads "on X" / "from X" as data in half its papers
    assert corpus_label({"Method": 9, "Dataset": 13, "Benchmark": 2, "Task": 4}) == "Method"
    assert corpus_label({"Method": 6, "Dataset": 7}) == "Method"
    # a named data set: read as data in (nearly) all its papers; results on it make it a benchmark
    assert corpus_label({"Method": 1, "Dataset": 4, "Benchmark": 13}) == "Benchmark"
    assert corpus_label({"Dataset": 5, "Benchmark": 1}) == "Dataset"
    assert corpus_label({"Dataset": 1}) == "Dataset"  # one paper's reading is all there is


def test_a_class_a_name_describes_is_no_entity_of_the_graph():
    from ingest.mentions import ExtractedDoc, Mention
    from ingest.normalize import alias_key, resolve

    text = "Quoxformer-based models beat QuoxNet and CNN-driven methods and LLM based pipelines."
    spans = [("Quoxformer-based models", "METHOD"), ("QuoxNet", "METHOD"), ("CNN-driven methods", "METHOD"),
             ("LLM based pipelines", "METHOD")]  # session 63: without the hyphen too (both judges of seed 121)
    mentions = [Mention(text.index(s), text.index(s) + len(s), label, s, alias_key(s)) for s, label in spans]
    links = resolve([ExtractedDoc("p1", text, mentions)], {})
    assert [link.key for link in links] == [alias_key("QuoxNet")]


def test_a_shot_setting_is_no_task_but_a_shot_task_is():
    from ingest.mentions import ExtractedDoc, Mention
    from ingest.normalize import alias_key, resolve

    text = "In the zero-shot setting, zero-shot and 5-shot accuracy on quox few-shot classification and zero-shot learning."
    spans = ["zero-shot setting", "zero-shot", "5-shot", "few-shot classification", "zero-shot learning"]
    mentions = [Mention(text.index(s), text.index(s) + len(s), "TASK", s, alias_key(s)) for s in spans]
    links = resolve([ExtractedDoc("p1", text, mentions)], {})
    assert sorted(link.key for link in links) == sorted(alias_key(s) for s in spans[-2:])


def test_a_degree_word_before_a_known_task_is_that_task():
    from ingest.mentions import ExtractedDoc, Mention
    from ingest.normalize import alias_key, resolve

    text = "Complex reasoning, automated code generation, visual reasoning and complex quoxing; complex reasoning again."
    spans = ["Complex reasoning", "automated code generation", "visual reasoning", "complex quoxing"]
    mentions = [Mention(text.index(s), text.index(s) + len(s), "TASK", s, alias_key(s)) for s in spans]
    mentions.append(Mention(text.rindex("complex reasoning"), text.rindex("complex reasoning") + 17, "METHOD",
                            "complex reasoning", "complexreasoning"))
    keys = {link.key: link for link in resolve([ExtractedDoc("p1", text, mentions)], {})}
    # The known tasks take the phrases; a kind of reasoning and an unknown task keep their own keys.
    assert set(keys) >= {"reasoning", "codegeneration", alias_key("visual reasoning"), "complexquoxing"}
    assert "Complex reasoning" in keys["reasoning"].surfaces
    assert "complexreasoning" in keys  # read as a method here: no task to name


def test_a_task_said_with_its_verb_is_the_task_and_its_quality_a_degree():
    """"generating high-quality images" is image generation (two Task nodes of 6 and 204 papers on the
    10k graph); "controllable image generation" is a kind of it."""
    from ingest.mentions import ExtractedDoc, Mention
    from ingest.normalize import alias_key, resolve

    text = "Generating high-quality images; detecting anomalies; controllable image generation."
    spans = ["Generating high-quality images", "detecting anomalies", "controllable image generation"]
    mentions = [Mention(text.index(s), text.index(s) + len(s), "TASK", s, alias_key(s)) for s in spans]
    keys = {link.key for link in resolve([ExtractedDoc("p1", text, mentions)], {})}
    assert keys == {"imagegeneration", "anomalydetection", "controllableimagegeneration"}


def test_a_model_performing_a_known_task_names_that_task():
    """"LLM reasoning" (read as a method in titles) is reasoning, whoever performs it;
    a model before something that is no known task keeps its own name."""
    from ingest.mentions import ExtractedDoc, Mention
    from ingest.normalize import alias_key, resolve

    text = "RL for LLM Reasoning; MLLMs' reasoning and model reasoning; LLM quoxing; AI reasoning."
    spans = [("LLM Reasoning", "METHOD"), ("MLLMs' reasoning", "METHOD"), ("model reasoning", "TASK"), ("LLM quoxing", "METHOD"),
             ("AI reasoning", "TASK")]  # session 63: both judges of seed 118
    mentions = [Mention(text.index(s), text.index(s) + len(s), label, s, alias_key(s)) for s, label in spans]
    keys = {link.key: link for link in resolve([ExtractedDoc("p1", text, mentions)], {})}
    assert set(keys) == {"reasoning", alias_key("LLM quoxing")}
    assert {"LLM Reasoning", "MLLMs' reasoning", "model reasoning", "AI reasoning"} <= set(keys["reasoning"].surfaces)


def test_a_known_name_built_on_a_known_method_is_that_name():
    """"Transformer-based language model" (41 papers on the 40k graph) is the
    language model, "diffusion-based video generation" the task; what the
    data is names a kind ("skeleton-based action recognition"), and a name of
    another type than the phrase's reading stays apart (session 44)."""
    from ingest.mentions import ExtractedDoc, Mention
    from ingest.normalize import alias_key, resolve

    text = ("Transformer-based language model; diffusion-based video generation; skeleton-based action recognition; "
            "LLM-based QA; NeRF-based quoxing; Transformer-based MIL (TransMIL).")
    spans = [("Transformer-based language model", "METHOD"), ("diffusion-based video generation", "TASK"),
             ("skeleton-based action recognition", "TASK"), ("LLM-based QA", "METHOD"), ("NeRF-based quoxing", "METHOD")]
    mentions = [Mention(text.index(s), text.index(s) + len(s), label, s, alias_key(s)) for s, label in spans]
    # a long form paired with its acronym names that work, not the name it is built on
    defined = "Transformer-based MIL"
    mentions.append(Mention(text.index(defined), text.index(defined) + len(defined), "METHOD", defined,
                            alias_key(defined), aliases=("TransMIL",)))
    keys = {link.key for link in resolve([ExtractedDoc("p1", text, mentions)], {})}
    assert keys == {"languagemodel", "videogeneration", alias_key("skeleton-based action recognition"),
                    alias_key("LLM-based QA"), alias_key("NeRF-based quoxing"), alias_key(defined)}


def test_a_titles_verb_before_a_name_names_what_it_works_on():
    """"Enhancing MLLMs" (7 papers at 40k, a Method), "Advancing LLM
    Reasoning" (a Task) are title fragments about MLLMs and reasoning; before
    words the knowledge base does not name ("scaling laws") the verb stays (session 44)."""
    from ingest.mentions import ExtractedDoc, Mention
    from ingest.normalize import alias_key, resolve

    text = "Enhancing MLLMs; Advancing LLM Reasoning; Scaling RL; scaling laws; Scaling Long-horizon LLM Agents."
    spans = [("Enhancing MLLMs", "METHOD"), ("Advancing LLM Reasoning", "TASK"), ("Scaling RL", "METHOD"),
             ("scaling laws", "TASK"), ("Scaling Long-horizon LLM Agents", "METHOD")]
    mentions = [Mention(text.index(s), text.index(s) + len(s), label, s, alias_key(s)) for s, label in spans]
    keys = {link.key: link.surfaces for link in resolve([ExtractedDoc("p1", text, mentions)], {})}
    # what the verb works on is a name the knowledge base knows, or the phrase stays whole
    assert set(keys) == {"mllm", "reasoning", "reinforcementlearning", "scalinglaw",
                         alias_key("Scaling Long-horizon LLM Agents")}
    assert keys["mllm"] == ("Enhancing MLLMs",)


def test_an_objective_on_a_measure_names_the_measure():
    """"minimizing the KL divergence" was a Metric of 5 papers of the 40k
    graph (both judges of session 55's seed 88: no measure)."""
    from ingest.mentions import ExtractedDoc, Mention
    from ingest.normalize import resolve

    text = "We train by minimizing the KL divergence to the teacher."
    phrase = "minimizing the KL divergence"
    mention = Mention(text.index(phrase), text.index(phrase) + len(phrase), "METRIC", phrase, alias_key(phrase))
    assert [link.key for link in resolve([ExtractedDoc("p1", text, [mention])], {})] == ["kldivergence"]


@pytest.mark.parametrize("surface, label", [("Recall@3", "METRIC"), ("NDCG@20", "METRIC"), ("quox@3", None)])
def test_a_known_measure_at_a_cut_off_is_a_measure(surface, label):
    """"Recall@3" was a Method of 3 papers of the 40k graph (both judges of session 55's seed 88)."""
    from ingest.extract import gazetteer

    assert gazetteer.lookup(surface) == label


def test_a_named_data_sets_data_or_split_is_the_data_set():
    """"MIMIC-IV data", "COCO validation set" (outside judges' duplicates at
    40k, session 44) are the data sets; kinds of data and another type's
    name stay what they are."""
    from ingest.mentions import ExtractedDoc, Mention
    from ingest.normalize import alias_key, resolve

    text = ("MIMIC-IV data; COCO validation set; Sentinel-1 data; RAW data; GPT-4 data; 3D spatial data; "
            "MiniF2F-Test; miniF2F-test benchmark; COCO images; X-ray images.")
    spans = ["MIMIC-IV data", "COCO validation set", "Sentinel-1 data", "RAW data", "GPT-4 data", "3D spatial data",
             "MiniF2F-Test", "miniF2F-test benchmark", "COCO images", "X-ray images"]
    mentions = [Mention(text.index(s), text.index(s) + len(s), "DATASET", s, alias_key(s)) for s in spans]
    links = {link.key: link.surfaces for link in resolve([ExtractedDoc("p1", text, mentions)], {})}
    assert set(links) == {"mimiciv", "coco", "sentinel-1", alias_key("miniF2F"), alias_key("RAW data"),
                          alias_key("GPT-4 data"), alias_key("3D spatial data"), alias_key("X-ray images")}
    assert set(links["coco"]) == {"COCO validation set", "COCO images"}
    assert set(links[alias_key("miniF2F")]) == {"MiniF2F-Test", "miniF2F-test benchmark"}


def test_accuracy_on_a_task_is_accuracy():
    from ingest.mentions import ExtractedDoc, Mention
    from ingest.normalize import alias_key, resolve

    text = "detection accuracy, classification accuracy, top-1 accuracy, pixel accuracy and balanced accuracy"
    spans = [part.strip() for part in re.split(r",| and ", text)]
    mentions = [Mention(text.index(s), text.index(s) + len(s), "METRIC", s, alias_key(s)) for s in spans]
    keys = {link.key: link.surfaces for link in resolve([ExtractedDoc("p1", text, mentions)], {})}
    # A gold corpus's span ("classification accuracy") is no curated name; measures of another unit stay.
    assert set(keys["accuracy"]) == {"detection accuracy", "classification accuracy"}
    assert {"top-1-accuracy", "pixelaccuracy", "balancedaccuracy"} <= set(keys)


def test_recall_precision_and_map_of_retrieval_or_detection_are_those_measures():
    # session 63: "retrieval recall" and "detection mAP" were duplicates to both judges of seed 112 and five before
    from ingest.mentions import ExtractedDoc, Mention
    from ingest.normalize import alias_key, resolve

    text = "retrieval recall, detection mAP, retrieval precision, registration recall and localization precision"
    spans = [part.strip() for part in re.split(r",| and ", text)]
    mentions = [Mention(text.index(s), text.index(s) + len(s), "METRIC", s, alias_key(s)) for s in spans]
    keys = {link.key: link.surfaces for link in resolve([ExtractedDoc("p1", text, mentions)], {})}
    assert keys["recall"] == ("retrieval recall",) and keys[alias_key("mean average precision")] == ("detection mAP",), keys
    assert keys["precision"] == ("retrieval precision",), keys
    # a task that names a measure of its own keeps it
    assert {alias_key("registration recall"), alias_key("localization precision")} <= set(keys)


def test_a_property_is_a_metric_with_a_value_and_a_change_never():
    from ingest.mentions import ExtractedDoc, Mention
    from ingest.normalize import alias_key, resolve

    text = ("We raise quox efficiency and glarp efficiency of 91.2 %, an average improvement of 4 %, "
            "lower test perplexity, a lower quox distance and better zorb quality.")
    spans = ["quox efficiency", "glarp efficiency", "average improvement", "test perplexity", "quox distance", "zorb quality"]
    mentions = [Mention(text.index(s), text.index(s) + len(s), "METRIC", s, alias_key(s)) for s in spans]
    links = resolve([ExtractedDoc("p1", text, mentions)], {})
    # a value makes a property a measure; the leaderboards' "Test perplexity" is one without
    # (a distance is a computed quantity, not a quality)
    assert sorted(link.key for link in links) == sorted(alias_key(s) for s in ("glarp efficiency", "test perplexity", "quox distance"))
    text = ("It cuts computational cost, computational time and false positives and widens coverage, at a quox cost of "
            "3.2 GFLOPs, a false positive rate of 2 % and a zorb coverage of 90 %.")
    spans = ["computational cost", "computational time", "false positives", "coverage", "quox cost", "false positive rate",
             "zorb coverage"]
    mentions = [Mention(text.index(s), text.index(s) + len(s), "METRIC", s, alias_key(s)) for s in spans]
    # a cost and counted errors are properties too; with a value, or as a rate, they are measures
    assert sorted(link.key for link in resolve([ExtractedDoc("p2", text, mentions)], {})) == sorted(
        alias_key(s) for s in ("quox cost", "false positive rate", "zorb coverage"))


def test_a_kind_of_measure_is_no_metric_but_a_known_measure_named_so_is():
    from ingest.mentions import ExtractedDoc, Mention
    from ingest.normalize import alias_key, resolve

    text = "We report quox retrieval metrics, a glarp similarity measure, accuracy metrics, the F1 measure and F-measure."
    spans = ["quox retrieval metrics", "glarp similarity measure", "accuracy metrics", "F1 measure", "F-measure"]
    mentions = [Mention(text.index(s), text.index(s) + len(s), "METRIC", s, alias_key(s)) for s in spans]
    links = resolve([ExtractedDoc("p1", text, mentions)], {})
    assert sorted(link.key for link in links) == sorted(alias_key(s) for s in spans[2:])


@pytest.mark.parametrize("text,linked", [
    ("Training in half precision and mixed precision keeps quox stable.", False),
    ("Quox reaches a precision of 91 % on the glarp set.", True),
    ("Quox improves precision and recall on glarp.", True),
    ("Quox keeps a precision of 0.91 (recall 0.88) on glarp.", True),
    # a number format, whatever follows it: the seeds' outside judge (session 20)
    ("Double precision (52 significant bits) is standard; we find single precision enough.", False),
    ("The overhead translates to an effective precision of INT2.1 for quox.", False),
    ("Quox trains at 4-bit precision and keeps full-precision (32-bit) weights, with recall intact.", False),
])
def test_precision_is_the_measure_with_a_value_or_its_partner(text, linked):
    from ingest.mentions import ExtractedDoc, Mention
    from ingest.normalize import resolve

    mentions = [Mention(m.start(), m.end(), "METRIC", "precision", "precision") for m in re.finditer("precision", text)]
    assert bool(resolve([ExtractedDoc("p1", text, mentions)], {})) is linked


def test_a_generic_head_joins_a_known_name_of_its_kind():
    # a method head after a method, a data head after a data set
    assert gazetteer.canonical("transformer model") == gazetteer.canonical("Transformer")
    assert gazetteer.canonical("ImageNet dataset") == gazetteer.canonical("ImageNet")
    # a method head after a data set's name is something else ("models trained on it")
    assert kb.lookup("Wikipedia").label == "DATASET"
    assert gazetteer.canonical("Wikipedia models") != gazetteer.canonical("Wikipedia")


def _sanity_doc(text: str, spans: list[tuple[str, str]]):
    """`text` through the sanity check with `spans` labelled as the model would."""
    import spacy
    from spacy.tokens import Span

    from ingest.extract import sanity

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp(text)
    doc.ents = [Span(doc, *_token_range(doc, text.index(s), len(s)), label=label) for s, label in spans]
    return sanity.sanity(doc)


def _token_range(doc, start: int, length: int) -> tuple[int, int]:
    span = doc.char_span(start, start + length)
    return span.start, span.end


def test_the_text_keeps_its_reading_of_a_name_the_knowledge_base_labels_otherwise():
    from ingest.extract.extractor import find_mentions

    # ZuCo is a data set of the gold train splits; this text uses it as a method
    doc = _sanity_doc("We fine-tune ZuCo to predict quox labels.", [("ZuCo", "METHOD")])
    (mention,) = find_mentions(doc)
    assert (mention.label, mention.reading) == ("DATASET", "METHOD")  # the span keeps the KB label (span F1 unchanged)
    # a curated gazetteer name is checked by a person: its label stays a label
    doc = _sanity_doc("We fine-tune ImageNet to predict quox labels.", [("ImageNet", "METHOD")])
    assert [(m.label, m.reading) for m in find_mentions(doc)] == [("DATASET", "")]
    # agreeing, or a data set read as a benchmark, is no other reading
    doc = _sanity_doc("Results on ZuCo and with QHAdam.", [("ZuCo", "BENCHMARK"), ("QHAdam", "METHOD")])
    assert [m.reading for m in find_mentions(doc)] == ["", ""]


def _papers_reading(name: str, readings: list[str], kb_label: str, start: int = 0):
    from ingest.mentions import ExtractedDoc, Mention
    from ingest.normalize import alias_key

    docs = []
    for n, reading in enumerate(readings, start):
        text = f"Paper {n} uses {name} for quox."
        at = text.index(name)
        mention = Mention(at, at + len(name), kb_label, name, alias_key(name), reading="" if reading == kb_label else reading,
                          sentence_end=len(text))
        docs.append(ExtractedDoc(f"vote:{n}", text, [mention]))
    return docs


def test_a_knowledge_base_label_is_a_vote_the_papers_can_outvote(store):
    """Through the loader on a real graph: the papers' readings decide the
    node label, the knowledge base's type a prior worth a third of them plus one."""
    from ingest.curation import Curation
    from ingest.load import load_records
    from ingest.records import PaperRecord

    docs = {d.id: d for d in [
        *_papers_reading("ZuCo", ["METHOD"] * 5 + ["DATASET"], "DATASET"),  # read as a method by 5 of 6 papers
        *_papers_reading("QHAdam", ["METHOD"] * 4 + ["DATASET"] * 2, "METHOD", start=10),  # 2 of 6 misread it
    ]}
    records = [PaperRecord(id=i, title=f"Quox {i}", abstract=d.text, published="2025-01-01", sources=("test",)) for i, d in docs.items()]
    load_records(store, records, extract=lambda pairs: [docs[i] for i, _ in pairs], extraction="test", curation=Curation.empty())
    labels = dict(store.read("MATCH (e:Entity) RETURN e.key, e.label").rows)
    assert labels == {"zuco": "Method", "qhadam": "Method"}
    # each paper's link says how that paper reads it
    per_paper = store.read("MATCH (p:Paper)-[m:MENTIONS]->(:Entity {key: 'zuco'}) RETURN m.label, count(*)").rows
    assert dict(per_paper) == {"Method": 5, "Dataset": 1}


def test_two_known_names_read_as_one_span_are_the_two_names():
    """Session 46: "CER/WER", "PSNR/SSIM", "LLM/VLM", "Flickr30K and MS-COCO"
    were entities of their own at 40k (outside judges: merged wrongly)."""
    doc = _sanity_doc("We report CER/WER and PSNR/SSIM scores.", [("CER/WER", "METRIC"), ("PSNR/SSIM", "METHOD")])
    assert [(e.text, e.label_) for e in doc.ents] == [("CER", "METRIC"), ("WER", "METRIC"), ("PSNR", "METRIC"), ("SSIM", "METRIC")]
    doc = _sanity_doc("Results on Flickr30K and MS-COCO improve.", [("Flickr30K and MS-COCO", "BENCHMARK")])
    assert [e.text for e in doc.ents] == ["Flickr30K", "MS-COCO"]
    # a name with a joint inside has a side nobody knows
    doc = _sanity_doc("We test on CNN/Daily Mail and Tanks and Temples.", [("CNN/Daily Mail", "DATASET"), ("Tanks and Temples", "BENCHMARK")])
    assert [e.text for e in doc.ents] == ["CNN/Daily Mail", "Tanks and Temples"]


def test_two_plain_words_joined_as_one_name_are_one_data_set():
    doc = _sanity_doc("Results on the Forts and Castles benchmark improve.", [("Forts", "BENCHMARK"), ("Castles", "BENCHMARK")])
    assert [(e.text, e.label_) for e in doc.ents] == [("Forts and Castles", "BENCHMARK")]
    doc = _sanity_doc("We test on Forts & Castles today.", [("Forts", "DATASET"), ("Castles", "BENCHMARK")])
    assert [(e.text, e.label_) for e in doc.ents] == [("Forts & Castles", "BENCHMARK")]
    # a list of two stays two
    doc = _sanity_doc("We test on Quoxscapes and Glarpillary datasets.", [("Quoxscapes", "DATASET"), ("Glarpillary", "DATASET")])
    assert [e.text for e in doc.ents] == ["Quoxscapes", "Glarpillary"]


def test_a_name_with_and_inside_a_list_that_goes_on_is_one_data_set():
    """A prose list says "and" once, before its last item: a second "and", or
    a comma after "A and B", puts that "and" inside a name."""
    spans = [("ETH9D", "BENCHMARK"), ("Forts", "BENCHMARK"), ("Castles", "BENCHMARK"), ("QTU", "BENCHMARK")]
    doc = _sanity_doc("We evaluate on ETH9D, Forts and Castles and QTU today.", spans)
    assert [e.text for e in doc.ents] == ["ETH9D", "Forts and Castles", "QTU"]
    doc = _sanity_doc("We evaluate on Forts and Castles, QTU and ETH9D today.", [spans[1], spans[2], spans[3], spans[0]])
    assert [e.text for e in doc.ents] == ["Forts and Castles", "QTU", "ETH9D"]
    doc = _sanity_doc("We evaluate on ETH9D and Forts and Castles today.", spans[:3])
    assert [e.text for e in doc.ents] == ["ETH9D", "Forts and Castles"]
    # the list's own last "and" stays a list, and so does "A and B, respectively"
    doc = _sanity_doc("We evaluate on QTU, Forts and Castles today.", [spans[3], spans[1], spans[2]])
    assert [e.text for e in doc.ents] == ["QTU", "Forts", "Castles"]
    doc = _sanity_doc("Scores on Forts and Castles, respectively, rise.", [spans[1], spans[2]])
    assert [e.text for e in doc.ents] == ["Forts", "Castles"]


def test_a_word_capitalised_by_its_sentence_before_data_is_no_data_set():
    doc = _sanity_doc("Synthetic datasets help. Quoxscapes dataset helps too.", [("Synthetic", "DATASET"), ("Quoxscapes", "DATASET")])
    assert [e.text for e in doc.ents] == ["Quoxscapes"]


@pytest.mark.parametrize("short, long, spelled", [
    ("KNN", "K-nearest neighbours", True), ("GPT", "Generative Pre-trained Transformer", True),
    ("ViT", "Vision Transformer", True), ("LoRA", "Low-Rank Adaptation", True), ("3DGS", "3D Gaussian Splatting", True),
    ("GANs", "generative adversarial networks", True), ("RLHF", "reinforcement learning from human feedback", True),
    ("BiLSTM", "Bidirectional LSTM", True), ("MoE", "mixture of experts", True),
    ("DTU", "Detection Unit", False), ("FTN", "Fused Transformer Network", True), ("FTN", "Feature Network", False),
])
def test_an_acronym_spells_its_long_forms_initials(short, long, spelled):
    from ingest.normalize import spells_initials

    assert spells_initials(short, long) is spelled


def _defining(paper: str, long: str, short: str, key: str):
    from ingest.mentions import ExtractedDoc, Mention

    text = f"We build a {long} ({short}) for it."
    a, b = text.index(long), text.index(f"({short})") + 1
    return ExtractedDoc(paper, text, [Mention(a, a + len(long), "METHOD", long, key, aliases=(short,), sentence_end=len(text)),
                                      Mention(b, b + len(short), "METHOD", short, key, aliases=(long,), sentence_end=len(text))])


def _bare(paper: str, short: str, words: str = ""):
    from ingest.mentions import ExtractedDoc, Mention
    from ingest.normalize import alias_key

    text = f"We evaluate {words} on {short} as others do." if words else f"We evaluate on {short} as others do."
    a = text.index(short)
    return ExtractedDoc(paper, text, [Mention(a, a + len(short), "DATASET", short, alias_key(short), sentence_end=len(text))])


def _alias_keys(key: str, surfaces: dict[str, int], definitions: dict[str, int]) -> list[str] | None:
    from collections import Counter

    from ingest.load import EntityTally, entity_properties

    tally = EntityTally(key, 2, 2, Counter({"Method": 2}), Counter(surfaces), Counter(definitions))
    return entity_properties(tally)[1]["alias_keys"]


def test_an_acronym_one_paper_pairs_with_a_long_form_it_does_not_spell_leads_nowhere_else():
    """One paper's "Detection Unit (DTU)" keeps its pairing in that paper, but
    neither the batch nor the stored entity sends another paper's bare "DTU"
    (a benchmark) there; "Whole Slide Images (WSI)", defined so by two
    papers, does send a bare "WSI" whose paper writes its words
    (RARE_SENSE_RULE), and by three papers every bare "WSI"."""
    from ingest.normalize import resolve

    docs = [_defining("p1", "Detection Unit", "DTU", "detectionunit"), _bare("p2", "DTU"),
            _defining("p3", "Whole Slide Images", "WSI", "wholeslideimage"), _bare("p4", "WSI", "whole slide scans"),
            _defining("p5", "Whole Slide Images", "WSI", "wholeslideimage"), _bare("p6", "WSI")]
    keys = {(link.paper_id, link.key) for link in resolve(docs, {})}
    assert ("p1", "detectionunit") in keys and ("p2", "dtu") in keys
    assert ("p4", "wholeslideimage") in keys and ("p6", "wsi") in keys
    keys = {(link.paper_id, link.key) for link in resolve([*docs, _defining("p7", "whole slide images", "WSI", "wholeslideimage")], {})}
    assert ("p6", "wholeslideimage") in keys

    assert _alias_keys("detectionunit", {"DTU": 2, "Detection Unit": 2}, {"DTU": 2}) is None
    assert _alias_keys("wholeslideimage", {"WSI": 2, "Whole Slide Images": 2}, {"WSI": 2}) == ["wsi"]


def test_an_acronym_one_paper_defines_is_that_papers_unless_the_field_knows_the_sense():
    """"Key Point Selection (KPS)" in one paper leaves another paper's bare
    KPS alone (session 24's outside judge: such joins were wrong 20 times in
    30), in the batch and as stored; a second paper defining it so, or a
    sense the knowledge base knows ("knowledge distillation"), sends
    it there (two papers: where its paper writes the words, RARE_SENSE_RULE). A paper writing one acronym twice, "LLM" and "LLMs", is one
    definition."""
    from ingest.load import Contribution, EntityTally
    from ingest.normalize import paired_acronyms, resolve

    one = [_defining("p1", "Key Point Selection", "KPS", "keypointselection"), _bare("p2", "KPS", "point selection"),
           _defining("p3", "Knowledge Distillation", "KD", "knowledgedistillation"), _bare("p4", "KD")]
    keys = {(link.paper_id, link.key) for link in resolve(one, {})}
    assert {("p1", "keypointselection"), ("p2", "kps"), ("p4", "knowledgedistillation")} <= keys
    two = [*one, _defining("p5", "key point selection", "KPS", "keypointselection")]
    assert ("p2", "keypointselection") in {(link.paper_id, link.key) for link in resolve(two, {})}

    assert _alias_keys("keypointselection", {"KPS": 2, "Key Point Selection": 2}, {"KPS": 1}) is None
    assert _alias_keys("keypointselection", {"KPS": 2, "Key Point Selection": 2}, {"KPS": 2}) == ["kps"]
    assert _alias_keys("knowledgedistillation", {"KD": 2, "Knowledge Distillation": 2}, {"KD": 1}) == ["kd"]

    # An acronym in hyphenated parts is coined for one compound: one paper's definition leads there.
    hyphenated = [_defining("p1", "differentially private stochastic gradient descent", "DP-SGD",
                            "differentiallyprivatestochasticgradientdescent"), _bare("p2", "DP-SGD")]
    assert ("p2", "differentiallyprivatestochasticgradientdescent") in {
        (link.paper_id, link.key) for link in resolve(hyphenated, {})}
    assert _alias_keys("differentiallyprivatestochasticgradientdescent",
                       {"DP-SGD": 2, "differentially private stochastic gradient descent": 2}, {"DP-SGD": 1}) == ["dpsgd"]

    # An acronym no paper defines leads nowhere: "ResNet50" on an entity one
    # paper keyed by a garbled long form drew 9 papers' ResNet50 on the 10k graph.
    assert _alias_keys("researchemployedmultiplemodel", {"ResNet50": 9, "ResNet-50": 4}, {}) is None
    assert paired_acronyms(("ET", "Eye tracking")) == ["ET"]  # spelled, though "et" is inside "eyetracking"
    assert paired_acronyms(("RL", "online reinforcement learning")) == []
    assert paired_acronyms(("ResNet50", "ResNet-50")) == paired_acronyms(("YOLOv8", "YOLO v8")) == []  # one name, two spellings

    tally = EntityTally("largelanguagemodel")
    tally.add(Contribution("largelanguagemodel", "Method", ("LLMs", "large language models", "LLM"), 3, None))
    tally.add(Contribution("largelanguagemodel", "Method", ("LLMs",), 1, None))
    assert tally.definitions == {"LLMs": 1}
    tally.add(Contribution("largelanguagemodel", "Method", ("LLMs", "large language models", "LLM"), 3, None), -1)
    assert not tally.definitions


def test_a_kinetics_release_is_one_entity_under_its_short_name():
    """"K-600" is Kinetics-600 (both judges of seed 79's paper-weighted sample:
    a Benchmark of 2 papers beside it), a version of Kinetics, not Kinetics."""
    assert {gazetteer.canonical(form) for form in ("Kinetics-600", "K-600", "K600")} == {gazetteer.canonical("Kinetics 600")}
    assert gazetteer.canonical("K-400") == gazetteer.canonical("Kinetics-400") != gazetteer.canonical("Kinetics")
    assert kb.lookup("K-700").name == "Kinetics-700" and kb.lookup("K-700").label == "DATASET"
