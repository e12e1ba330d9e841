"""Confidence and the candidate threshold: candidates stay searchable and on
their papers, but out of top lists, trending and co-occurrence views."""
from __future__ import annotations

from dataclasses import replace

import pytest

from graph import views
from graph.settings import MIN_CONFIDENCE
from graph.views.model import Entity, NodeRef
from ingest.confidence import (Evidence, confidence, defined, described, descriptive_phrase, kind_of_class, name_shaped,
                               needs_third_paper, object_named, operation_named, spelled_as_no_method, spelled_in_one_word,
                               unnamed_task)
from ingest.curation import Curation
from ingest.extract import load_extractor
from ingest.load import load_records
from ingest.records import PaperRecord


def evidence(in_kb=False, papers=1, agreement=1.0, is_defined=False, shaped=False) -> Evidence:
    return Evidence(in_kb, papers, agreement, is_defined, shaped)


def test_one_paper_without_the_knowledge_base_is_a_candidate_whatever_its_shape():
    assert confidence(evidence(is_defined=True, shaped=True)) < MIN_CONFIDENCE


@pytest.mark.parametrize("made", [evidence(in_kb=True), evidence(papers=2), evidence(papers=3, agreement=0.7)])
def test_the_knowledge_base_or_a_second_consistent_paper_confirms(made):
    assert confidence(made) >= MIN_CONFIDENCE


def test_a_name_the_curation_file_keeps_is_shown_whatever_holds_it_back():
    from dataclasses import replace

    held_back = replace(evidence(papers=5), descriptive=True)
    assert confidence(held_back) < MIN_CONFIDENCE <= confidence(replace(held_back, kept=True))


def test_type_disagreement_and_more_papers_move_confidence_the_right_way():
    assert confidence(evidence(papers=2, agreement=0.5)) < MIN_CONFIDENCE <= confidence(evidence(papers=2))
    assert confidence(evidence(papers=3)) > confidence(evidence(papers=2)) and confidence(evidence(in_kb=True, papers=9, is_defined=True, shaped=True)) == 1.0


def test_a_name_its_papers_split_on_waits_for_a_majority_or_the_knowledge_base():
    """SPLIT_READING_RULE: a named, defined name in four papers, two of which
    read it as another type, stays a candidate; a majority, the knowledge
    base or the curation file's label lifts it."""
    split = dict(papers=4, agreement=0.5, is_defined=True, shaped=True)
    assert confidence(evidence(**split)) < MIN_CONFIDENCE
    assert confidence(evidence(**{**split, "agreement": 0.75})) >= MIN_CONFIDENCE
    assert confidence(evidence(**{**split, "in_kb": True})) >= MIN_CONFIDENCE
    assert confidence(Evidence(False, 4, 0.5, True, True, label_forced=True)) >= MIN_CONFIDENCE


def test_a_forced_label_is_not_scored_against_its_papers_readings():
    """FORCED_LABEL_RULE: a two-paper Method a person relabels a Task in the
    curation file (or whose name makes it one) is scored as if its papers
    read it so; they decide nothing about its type."""
    from collections import Counter

    from ingest.load import EntityTally, entity_properties

    tally = EntityTally("glarpnet", 2, 2, Counter({"Method": 2}), Counter({"GlarpNet": 2}))
    label, as_read = entity_properties(tally)
    relabelled, forced = entity_properties(tally, curated_label="Task")
    assert (label, relabelled) == ("Method", "Task") and forced["confidence"] == as_read["confidence"] >= MIN_CONFIDENCE
    assert forced["label_forced"] is True and as_read["label_forced"] is None  # stored for the details panel
    assert confidence(Evidence(False, 2, 0.0, True, True, label_forced=True)) == \
        confidence(Evidence(False, 2, 1.0, True, True, label_forced=True))


@pytest.mark.parametrize("name, expected", [
    ("pose accuracy", True), ("localization precision", True), ("human accuracy", True), ("inference speed", True),
    ("pixel-level accuracy", True),
    # a statistic's word makes another measure; an error is a measure of its own; one word is the measure
    ("balanced accuracy", False), ("pixel accuracy", False), ("macro precision", False),
    ("reconstruction error", False), ("accuracy", False), ("Top-1 accuracy", False),
])
def test_a_metric_named_by_what_it_is_taken_of_is_described(name, expected):
    assert described(name, "Metric", [name], in_kb=False) is expected
    assert not described(name, "Metric", [name], in_kb=True)


@pytest.mark.parametrize("name, expected", [
    ("approximation error", True), ("truncation error", True), ("discretization error", True),
    ("estimation error", True), ("model error", True),
    # named only by how errors are summed up (session 44)
    ("average error", True), ("maximum error", True), ("absolute error", True), ("residual errors", True),
    # the step it arises in, or the bare quantity (session 46: 0 of 35 verdicts on file)
    ("distance error", True), ("time error", True), ("measurement error", True), ("detection errors", True),
    ("displacement error", True), ("boundary error", True),  # session 61, both judges of seed 102
    ("classification error", True), ("segmentation errors", True),  # session 62, 0 of 4 verdicts on file each
    # named by what is evaluated, or by a word before the source
    ("test error", False), ("reconstruction error", False), ("generalization error", False),
    ("rotation error", False), ("pose estimation error", False), ("mean absolute error", False),
    ("translation error", False), ("reprojection error", False), ("mean distance error", False),
    ("average displacement error", False),
])
def test_an_error_named_by_its_source_is_a_term_of_analysis_not_a_metric(name, expected):
    """ERROR_SOURCE_RULE: the seeds' Metric top 40 held four such terms, rejected by outside judges."""
    assert described(name, "Metric", [name], in_kb=False) is expected


@pytest.mark.parametrize("name, expected", [
    ("high correlation", True), ("large margin", True), ("significant margin", True), ("high usability rate", True),
    ("average performance", True),
    # what came out or what it cost (session 53)
    ("perceptual quality", True), ("computational consumption", True), ("average speedup", True),
    ("false positives", True), ("false positive rate", False),
    ("interactive rates", True),  # how fast it ran (session 61)
    # a statistic's word before a measure names the measure; a name keeps its shape
    ("average calibration error", False), ("top-1 accuracy", False), ("mean reciprocal rank", False),
])
def test_how_a_result_came_out_names_no_metric(name, expected):
    """RESULT_PHRASE_RULE: the 20 verdicts on file for such visible Metrics of the 40k graph rejected them."""
    assert described(name, "Metric", [name], in_kb=False) is expected
    assert not described("Large Margin Score", "Metric", ["Large Margin Score", "LMS"], in_kb=False)


@pytest.mark.parametrize("name, expected", [
    ("lightweight CNN", True), ("generative LLM", True), ("text-based RAG", True), ("autoregressive LLM", True),
    # a name's shape stays: a digit, a capital word, the acronym alone
    ("3D CNN", False), ("SAM 2", False), ("Graph RAG", False), ("RS MLLMs", False),
])
def test_a_known_methods_acronym_inside_a_phrase_is_no_names_shape(name, expected):
    """ACRONYM_INSIDE_RULE: the phrase is read as it spells out."""
    assert described(name, "Method", [name], in_kb=False) is expected


@pytest.mark.parametrize("name, expected", [
    ("pretrained CLIP", True), ("vanilla UNet", True), ("sparse Transformer", True), ("lightweight SR", True),
    ("hybrid CNN-ViT", True), ("denoising UNet", True),
    # a name's own words come first, or a dimension, or the words are a name's
    ("3D U-Net", False), ("Graph RAG", False), ("Swin Transformer", False), ("RS MLLMs", False),
    ("multi-scale feature fusion", True),  # all lower case: the lower-case rule's, as before
])
def test_plain_words_before_a_name_say_which_use_of_it_is_meant(name, expected):
    """QUALIFIED_NAME_RULE: 42 visible Methods of the 40k graph, 3 of 16 verdicts on file acceptable.
    A definition or the knowledge base still names one. A title's capitals
    do not hide the words a paper writes in lower case (session 46)."""
    assert described(name, "Method", [name], in_kb=False) is expected
    titled = " ".join(w[:1].upper() + w[1:] for w in name.split())
    if titled != name:
        assert described(titled, "Method", [titled, name], in_kb=False) is expected
    assert not described(name, "Method", [name], in_kb=True)
    assert not described("visual AR", "Method", ["visual AR", "visual autoregressive models", "VAR"], in_kb=False)
    assert not described("closed-book QA", "Task", ["closed-book QA"], in_kb=False)
    if name != name.lower():  # nor the words a paper writes before a class noun the key leaves out (session 62)
        assert described(titled, "Method", [titled, name + " frameworks"], in_kb=False) is expected


@pytest.mark.parametrize("name, aliases, expected", [
    # an adjective made from a name keeps its capital in any phrase (EPONYM_RULE, session 53)
    ("Bayesian approximation", ("Bayesian approximation", "Bayesian Approximation"), True),
    ("Gaussian sampling", ("Gaussian sampling",), True),
    ("Riemannian metric", ("Riemannian metric",), True),
    ("Newtonian mechanics", ("Newtonian mechanics",), True),
    ("dynamic Gaussian splatting", ("dynamic Gaussian splatting",), False),  # a known name it opens stays one
    ("Bayesian-LoRA", ("Bayesian-LoRA",), False),
    ("Bayesian Flow Networks", ("Bayesian Flow Networks",), False),  # a name's capitals elsewhere
    ("Korean LLM", ("Korean LLM",), False),
])
def test_an_adjective_made_from_a_name_gives_a_phrase_no_names_shape(name, aliases, expected):
    assert described(name, "Method", aliases, in_kb=False) is expected
    assert not described(name, "Method", aliases, in_kb=True)


@pytest.mark.parametrize("coined, papers, used_apart, expected", [
    (1, 2, True, True), (1, 4, True, True),  # the coiner's work and the earlier one: half the papers
    (1, 5, True, False), (1, 2, False, False),
    (2, 17, True, True),  # two coiners hold a name back whatever the earlier use adds (FLAIR, PAN)
    (2, 17, False, True),
])
def test_an_earlier_use_adds_a_work_and_never_takes_one_away(coined, papers, used_apart, expected):
    from ingest.confidence import coined_apart

    assert coined_apart(coined, papers, False, 0, used_apart) is expected


@pytest.mark.parametrize("aliases, papers, in_kb, expected", [
    (("KernelFusion", "kernel fusion"), 4, False, True),  # a work's coinage beside the phrase (GLUED_NAME_RULE)
    (("GaussianFusion", "Gaussian fusion"), 2, False, True),
    (("GraphSearch", "graph-search"), 3, False, True),
    (("KernelFusion",), 4, False, False),  # glued only: one name
    (("KernelFusion", "Kernel Fusion"), 4, False, False),  # a title's capitals: the same name
    (("CrossAttention", "cross-attention"), 272, False, False),  # a phrase one paper glues
    (("KernelFusion", "kernel fusion"), 4, True, False),
    (("LLaMA3.2", "Llama 3.2"), 2, False, False),  # a version, not glued words
])
def test_a_glued_name_and_the_phrase_of_its_words_are_two_works(aliases, papers, in_kb, expected):
    from ingest.confidence import glued_apart

    assert glued_apart(aliases, papers, in_kb) is expected


@pytest.mark.parametrize("name, expected", [
    ("LLM-based QA", True), ("KG-based RAG", True), ("CLIP-based CIL", True), ("LLM-based Rerankers", True),
    ("KG-augmented LLM", True), ("Vision Transformer-based encoder", True), ("Transformer-based ASR", True),
    ("LLM-Guided Planning", True), ("LLM-Based Evaluation", True), ("RLHF-Aligned Language Models", True),
    ("Physics-Informed Neural Networks", False),
    # a plain word before the participle names a kind of method; a name's own hyphen is no participle; a qualifier's
    # words are no name built on
    ("Energy-Based Models", False), ("GPT-4o", False), ("Mask R-CNN", False), ("GraphRAG (Graph-based RAG)", False),
])
def test_a_method_named_by_what_is_built_on_a_name_is_described(name, expected):
    """BUILT_ON_RULE: 16 visible Methods of the 40k graph (session 47), 2 of 7 verdicts on file acceptable."""
    assert described(name, "Method", [name], in_kb=False) is expected
    assert not described(name, "Method", [name], in_kb=True)


@pytest.mark.parametrize("name, aliases, defining, papers, expected", [
    ("vision encoder", ("vision encoder", "VE"), 1, 184, True),
    ("deep learning approaches", ("deep learning approaches", "DLA"), 1, 129, True),
    ("vision model", ("vision model", "VM"), 1, 57, True),
    ("spoken language model", ("spoken language model", "SLM"), 17, 18, False),  # most papers define it
    ("conditional diffusion model", ("conditional diffusion model", "CDM"), 3, 30, False),  # one in ten
    ("cross-attention", ("cross-attention", "CA"), 1, 272, False),  # a technique's head: the definition names it
    ("vision encoder", ("vision encoder",), 0, 184, True),  # undefined: described as before
])
def test_a_kind_of_method_that_few_of_its_papers_define_is_still_described(name, aliases, defining, papers, expected):
    """RARELY_DEFINED_RULE: one paper's "vision encoder (VE)" of 184 made a visible Method of the 40k graph."""
    assert described(name, "Method", aliases, False, defining, papers) is expected
    assert not described(name, "Method", aliases, True, defining, papers)


@pytest.mark.parametrize("name, aliases, papers, expected", [
    ("ZPD", ("ZPD", "Zone of Proximal Development"), 2, True),
    ("SIC", ("SIC", "sea ice concentration"), 2, True),
    ("PSM", ("PSM", "PSMs", "pressure-sensitive mats", "pressure-sensitive mats (PSM)"), 2, True),
    ("RAS", ("RAS", "robot-assisted surgery"), 3, True),
    ("SIC", ("SIC", "sea ice concentration"), 4, False),  # in more papers the letters may be the field's own
    # a method's head: a network, an operator, a "-ization", a gerund, an analysis, a head before a preposition
    ("FNO", ("FNO", "Fourier Neural Operators"), 3, False),
    ("ACO", ("ACO", "Ant Colony Optimization (ACO)", "Ant Colony Optimization"), 2, False),
    ("DSC", ("DSC", "deep subspace clustering"), 2, False),
    ("MCA", ("MCA", "Morphological Component Analysis"), 3, False),
    ("LTE", ("LTE", "Learning to Edit"), 2, False),
    ("GTR", ("GTR",), 2, True),  # never spelled out: BARE_ACRONYM_RULE, not this one
    # the letters shown beside another sense of them
    ("LC (Long COVID)", ("LC", "Long COVID"), 2, True),
    ("SOC (stochastic optimal control)", ("SOC", "stochastic optimal control"), 2, False),
    # a long form shown as the name is left to the other rules
    ("Cloud Optical Thickness", ("COT", "Cloud Optical Thickness"), 2, False),
])
def test_letters_spelled_out_as_no_method_name_no_method(name, aliases, papers, expected):
    """SPELLED_HEAD_RULE: 49 visible Methods of the 40k graph (session 48), 2 of 20 verdicts on file acceptable."""
    assert spelled_as_no_method(name, "Method", aliases, papers) is (expected and name != "GTR")
    assert described(name, "Method", aliases, False, 0, papers) is expected
    assert not described(name, "Method", aliases, True, 0, papers)
    assert not spelled_as_no_method(name, "Task", aliases, papers)


@pytest.mark.parametrize("name, label, expected", [
    ("Findings", "Method", True), ("Orchestrator", "Method", True), ("Bangladesh", "Method", True),
    ("Protein", "Dataset", True), ("Challenge", "Dataset", True), ("Web", "Benchmark", True),
    # coined words, names the field capitalises, a task named by an ordinary word, several words
    ("Imagenette", "Dataset", False), ("Middlebury", "Dataset", False), ("Wanda", "Method", False),
    ("Canny", "Method", False), ("Lemmatization", "Task", False), ("Medical Segmentation Decathlon", "Dataset", False),
    # a numbered step, not what a data set holds
    ("Phase-1", "Dataset", True), ("Stage-2", "Method", True), ("Office-31", "Benchmark", False),
    ("Urban100", "Dataset", False),
])
def test_one_capitalised_word_the_field_writes_in_lower_case_names_nothing(name, label, expected):
    """ORDINARY_WORD_RULE: 36 visible entities of the 40k graph (session 48), 8 of 52 verdicts on file acceptable."""
    assert described(name, label, [name], in_kb=False) is expected
    assert not described(name, label, [name], in_kb=True)


def test_evidence_from_names():
    assert name_shaped("ResNet") and name_shaped("GPT-4") and name_shaped("BERT") and not name_shaped("neural network")
    assert defined(["SAM", "Segment Anything Model"]) and not defined(["SAM", "ResNet"])


@pytest.mark.parametrize("name, label, expected", [
    ("fine-tuning strategies", "Method", True), ("training-free framework", "Method", True),
    ("vision encoder", "Method", True), ("temporal modeling", "Method", True), ("deep learning-based method", "Method", True),
    # no class noun at the end: the outside judge's generic phrases and verb fragments of session 16
    ("inference engines", "Method", True), ("map consistency", "Method", True), ("extract embeddings", "Method", True),
    ("prompt tuning", "Method", True),  # a real method, but only the KB or a definition says so
    # one lower-case word (session 24's blind split: 2 of 18 acceptable); "encoder-decoder" stays visible
    # through the knowledge base (a gold-train name), as "dropout" and "pruning" do
    ("encoder", "Method", True), ("encoder-decoder", "Method", True), ("co-attention", "Method", True),
    ("neural", "Method", True), ("guidance", "Method", True), ("Guidance", "Method", False),
    ("Transformer", "Method", False), ("RoPE", "Method", False), ("reasoning", "Task", False), ("wikipedia", "Dataset", False),
    ("Fusion Module", "Method", False),  # not a lower-case phrase
    ("ResNet architecture", "Method", True),  # a name and a lower-case word (NAME_HEAD_RULE); the KB keeps ResNet visible
    ("top-5 sampling", "Method", False),  # an inner digit is a name's shape
    # a task is named by a task's head; a class of tasks, a verb phrase, an area or a quality is described
    # (the outside judges' uniform 10k samples, sessions 23 and 24)
    ("open-ended tasks", "Task", True), ("logical reasoning problems", "Task", True), ("fusion strategies", "Task", True),
    ("generating high-quality images", "Task", True), ("modeling long-range dependencies", "Task", True),
    ("visual perception", "Task", True), ("text processing", "Task", True), ("image fidelity", "Task", True),
    ("security surveillance", "Task", True), ("text-image alignment", "Task", True),
    ("streaming video understanding", "Task", False), ("referring image segmentation", "Task", False),
    ("surgical phase recognition", "Task", False), ("depth estimation", "Task", False), ("multi-label classification", "Task", False),
    ("image classification", "Task", False), ("Text-to-SQL tasks", "Task", False), ("reasoning", "Task", False),
    # restoring or aligning a signal names a task too (session 57: these were held back at 40k)
    ("image registration", "Task", False), ("image denoising", "Task", False), ("human mesh recovery", "Task", False),
    # one hyphenated word is a modifier cut from a phrase unless a task's head ends it or it maps X to Y (session 27)
    ("high-resolution", "Task", True), ("multi-task", "Task", True), ("cross-domain", "Task", True),
    ("decision-making", "Task", True), ("geo-localization", "Task", False), ("image-to-video", "Task", False),
    ("text-to-motion", "Task", False), ("clustering", "Task", False), ("multi-task", "Method", True),
    # a task's head after words that only say how well (MANNER_RULE, session 29); a noun before the head names one
    ("precise segmentation", "Task", True), ("nuanced reasoning", "Task", True), ("real-time detection", "Task", True),
    ("multiple object tracking", "Task", False), ("test generation", "Task", False),
    # or when (session 38); a noun after the time word names the task
    ("early detection", "Task", True), ("online detection", "Task", True), ("online action detection", "Task", False),
    # or at what grain (session 62); a noun after the grain word names the task
    ("token-level prediction", "Task", True), ("coarse-grained segmentation", "Task", True),
    ("token-level sentiment classification", "Task", False),
    # a word that praises how well, before any task phrase (EVALUATIVE_MODIFIERS, session 52); a kind of task stays
    ("complex video reasoning", "Task", True), ("robust medical image segmentation", "Task", True),
    ("controllable video generation", "Task", False), ("real-time object detection", "Task", False),
    # whatever the case (session 63: title phrases, both judges of seed 116)
    ("High-Fidelity 3D Generation", "Task", True), ("Robust ASR", "Task", True),
    ("Controllable Video Generation", "Task", False),
    # the dimension an operation is done in (DIMENSION_OPERATION_RULE, session 51); abilities and places stay
    ("visual classification", "Task", True), ("temporal generation", "Task", True), ("spatial reconstruction", "Task", True),
    ("spatial reasoning", "Task", False), ("visual localization", "Task", False), ("image segmentation", "Task", False),
    ("temporal action segmentation", "Task", False),
    # a dimension is no name's shape for these rules (session 29): "3D vision" is written like "image analysis"
    ("3D vision", "Task", True), ("3D applications", "Task", True), ("2D medical image analysis", "Task", True),
    ("3D object detection", "Task", False), ("3D human pose estimation", "Task", False), ("3D-CNN", "Method", False),
    ("3D Morphable Model", "Method", False), ("3D Gaussian avatars", "Method", True),  # a name with a dimension stays one
    # data sets have names: what a paper's data is about is not one (the outside judge's 40k Dataset top 40)
    ("breast cancer", "Dataset", True), ("Breast cancer", "Dataset", False), ("Waymo Open Dataset", "Benchmark", False),
])
def test_descriptive_phrases_are_told_by_case_and_words(name, label, expected):
    assert descriptive_phrase(name, label) is expected


@pytest.mark.parametrize("name, label, aliases, expected", [
    # bare capitals for a Method: each paper coins its own (session 25's blind split: 2 of 19 Methods acceptable)
    ("GTR", "Method", ("GTR",), True), ("HALO", "Method", ("HALO", "HALOs"), True),
    # a long form among its forms says what the letters stand for; another shape is a coined name
    ("GTR", "Method", ("GTR", "Graph Transformer Reasoner"), False), ("xLSTM", "Method", ("xLSTM",), False),
    # the letters inside a longer form or in other capitals spell nothing out (session 43)
    ("DSO", "Method", ("DSO", "DSO framework"), True), ("HDC", "Method", ("HDC", "HDC-based modules"), True),
    ("SOS", "Method", ("SOS", "SoS"), True), ("MOCHA", "Method", ("MOCHA", "MoCha"), True),
    ("SD", "Method", ("SD", "StarDist"), False), ("PLM", "Method", ("PLMs", "pre-trained language models"), False),
    # ... and for a Task (session 47: OOD, 39 papers of the 40k graph, 0 of 8 verdicts acceptable); Benchmarks keep theirs
    ("OOD", "Task", ("OOD", "OoD", "OOD methods"), True), ("IMDL", "Task", ("IMDL",), True),
    ("OOD", "Task", ("OOD", "out-of-distribution detection"), False), ("BIRD", "Benchmark", ("BIRD",), False),
    ("ColBERT", "Method", ("ColBERT",), False), ("VGG19", "Method", ("VGG19",), False),
    # letters joined by "&" (session 54: "H&E", the stain, as a Method); spelled out, they are named
    ("H&E", "Method", ("H&E",), True), ("E&E", "Task", ("E&E", "exploration-exploitation"), False),
    # data sets so written are mostly kinds of data or fields (7 of 18 acceptable: "WSI", "STEM" were not);
    # benchmarks mostly names (29 of 37: "PACS", "BIRD")
    ("WSI", "Dataset", ("WSI",), True), ("PACS", "Benchmark", ("PACS",), False), ("BIRD", "Benchmark", ("BIRD",), False),
    # ... but two letters are too few for a benchmark's name (session 62: IN, UP, UK on the 40k graph)
    ("IN", "Benchmark", ("IN",), True), ("UP", "Benchmark", ("UP", "Up"), True),
    ("PU", "Benchmark", ("PU", "Pavia University"), False), ("EX", "Metric", ("EX", "execution accuracy"), False),
    # a name and a lower-case word is what is done with the name (session 25's blind split: 2 of 30 acceptable)
    ("ViT encoder", "Method", ("ViT encoder",), True), ("LLM post-training", "Method", ("LLM post-training",), True),
    ("LLM based pipeline", "Method", (), True), ("CLIP adaptation", "Method", (), True),
    # in a title's capitals where a paper writes the lower-case word
    ("LLM Assistance", "Method", ("LLM Assistance", "LLM assistance"), True),
    ("DiT Acceleration", "Method", ("DiT Acceleration", "DiT acceleration"), True),
    ("Swin Transformer", "Method", ("Swin Transformer", "Swin transformer"), False),  # no name before the head
    ("3D Morphable Model", "Method", ("3D Morphable Model", "3D morphable Model"), False),  # a dimension is no name
    # whatever hyphens, number and capitals the paper's lower-case form has (session 46)
    ("LLM-Based Agents", "Method", ("LLM-Based Agents", "LLM based agents"), True),
    ("LiDAR-Camera Fusion", "Method", ("LiDAR-Camera Fusion", "LiDAR-camera fusion approaches", "LiDAR-camera fusion"), True),
    ("Monte Carlo method", "Method", ("Monte Carlo method", "Monte-Carlo methods"), False),  # an eponym's words
    ("GPT-3.5 Turbo", "Method", ("GPT-3.5 Turbo", "GPT-3.5-turbo"), False),  # a version's name
    ("Gemini 2.0 Flash", "Method", (), False), ("Swin Transformer", "Method", (), False), ("YOLOv9", "Method", (), False),
    ("LLM reasoning", "Task", (), False),  # a Task keeps the task-head rule
    # data of a kind that comes from the name (session 45: 7 of 41 verdicts acceptable); a data set's head is its own
    ("YouTube comments", "Dataset", (), True), ("KITTI sequences", "Dataset", (), True), ("RS data", "Dataset", (), True),
    ("USIS10K datasets", "Dataset", (), False), ("Stanford Drone datasets", "Dataset", (), False),
    # ... and so is a Benchmark's split or part (session 47: 1 of 6 verdicts acceptable); a shared task is a campaign's
    ("MOSE test set", "Benchmark", (), True), ("KITTI outdoor scenes", "Benchmark", (), True),
    ("BIG-Bench tasks", "Benchmark", (), True), ("MEDIQA-OE 2025 shared task", "Benchmark", (), False),
    ("KITTI benchmark", "Benchmark", (), False),
    # a class noun after plain words, whatever their capitals (session 26's blind split: 3 of 15 acceptable)
    ("Bayesian approach", "Method", ("Bayesian approach",), True), ("Universal Models", "Method", (), True),
    ("Transformer-based foundation model", "Method", (), True),
    ("Flux model", "Method", ("Flux model", "FLUX model"), False),  # a form with a name's shape names it
    ("Gaussian Splatting", "Method", (), False), ("Universal Approach", "Task", (), False),
])
def test_bare_capitals_and_a_name_with_a_lower_case_head_are_described(name, label, aliases, expected):
    assert descriptive_phrase(name, label, aliases) is expected


@pytest.mark.parametrize("name, label, aliases, expected", [
    # a paper writes the words in lower case: the capitals of a title or an emphasis make no name
    ("Temporal Consistency Learning", "Method", ("Temporal Consistency Learning", "temporal consistency learning"), True),
    ("Feature Alignment Module", "Method", ("Feature Alignment Module", "feature alignment modules"), True),
    ("Sparse-view sampling", "Method", ("Sparse-view sampling", "sparse view sampling"), True),
    # a title's capitals after a hyphen are no name's shape either (session 45)
    ("Long-Horizon Memory", "Method", ("Long-Horizon Memory", "long-horizon memory"), True),
    ("Domain-Aware Adapter", "Method", ("Domain-Aware Adapter", "domain-aware adapter"), True),
    # only ever capitalised, or a name's shape in the lower-case form too: a name
    ("Temporal Consistency Learning", "Method", ("Temporal Consistency Learning",), False),
    ("Llama 3.2", "Method", ("Llama 3.2", "llama3.2"), False), ("ResNet", "Method", ("ResNet", "resnet"), False),
    ("3D Morphable Model", "Method", ("3D Morphable Model", "3D morphable model"), False),
    # data sets and tasks are left to their own rules
    ("Speech Enhancement", "Task", ("Speech Enhancement", "speech enhancement"), False),
    ("Open Images", "Dataset", ("Open Images", "open images"), False),
])
def test_a_method_some_paper_writes_in_lower_case_is_a_phrase(name, label, aliases, expected):
    """WRITTEN_LOWER_RULE."""
    assert descriptive_phrase(name, label, aliases) is expected


@pytest.mark.parametrize("name, aliases, in_kb, expected", [
    # every form ends in a word for a thing that is no method, defined or not (OBJECT_HEAD_RULE)
    ("PSF", ("PSF", "Point Spread Function", "point-spread function"), False, True),
    ("LTL", ("LTL", "Linear Temporal Logic"), False, True),
    ("HEB", ("HEB", "High-Frequency Enhancement Block", "high-frequency enhancement block"), False, True),
    ("Color Consistency Loss", ("Color Consistency Loss", "CCL"), False, True),
    ("LLM-Generated Code", ("LLM-Generated Code", "LLM-generated codes"), False, True),
    ("multi-agent system", ("MAS", "multi-agent systems"), False, True),
    ("3D Gaussian", ("3D Gaussians", "3D Gaussian", "3D Gaussian models"), False, True),  # the primitives
    ("3DGS", ("3DGS", "3D Gaussian Splatting", "3D Gaussians"), False, False),  # the method
    # a task's head names the task; a model's name with a digit is the model's (session 45)
    ("LJP", ("LJP", "Legal Judgment Prediction", "legal judgment prediction"), False, True),
    # an agent is a system's part or a kind of system, a consistency a property (session 46)
    ("Critique Agent", ("Critique Agent",), False, True),
    ("LLM-Based Web Agents", ("LLM-Based Web Agents", "LLM-based Web Agents"), False, True),
    ("TAC", ("TAC", "Think Answer Consistency", "Think-Answer Consistency"), False, True),
    ("temporal consistency", ("temporal consistency", "TC"), False, True),
    ("self-reconstruction", ("self-reconstruction", "SR"), False, True),
    ("Phi-4-Mini-Reasoning", ("Phi-4-Mini-Reasoning", "Phi4-mini-Reasoning"), False, False),
    # a region, a range, a space, a rate, a question format, an interface (session 47: 17 visible Methods at 40k)
    ("ROI", ("ROI", "region of interest", "region-of-interest"), False, True),
    ("HDR", ("HDR", "high dynamic range", "High Dynamic Range"), False, True),
    ("MCQ", ("MCQ", "MCQs", "Multiple Choice Question"), False, True),
    ("Pareto frontier", ("Pareto frontier",), False, True), ("learning rate", ("LR", "learning rate"), False, True),
    ("GUI", ("GUI", "Graphical User Interface"), False, True),
    # a clinical procedure (session 61)
    ("Stereotactic Radiosurgery", ("Stereotactic Radiosurgery", "SRS"), False, True),
    ("minimally invasive surgery", ("minimally invasive surgery", "MIS"), False, True),
    ("Neural Distance Fields", ("Neural Distance Fields", "NDF"), False, False),  # fields are not read
    # one form headed otherwise names a method; the knowledge base's name stands
    ("DIP", ("DIP", "Deep Image Prior", "DIP network"), False, False),
    ("SSD", ("SSD", "Single Shot Detector"), True, False),
    # "X-based modules" names what is built on X, no object; the letters it leaves unexplained are
    # the bare-acronym rule's (session 43), and a form that spells them out names the method
    ("HDC", ("HDC", "HDC-based modules"), False, True), ("GTR", ("GTR",), False, True),
    ("HDC", ("HDC", "HDC-based modules", "hyperdimensional computing"), False, False),
    # built on something else: read ("systems built on LLMs" are systems)
    ("LLM-based Multi-Agent Systems", ("LLM-based Multi-Agent Systems",), False, True),
    # a form that is another form and more words, or a definition written whole, is not read
    ("KG", ("KG", "knowledge graphs", "Knowledge Graph (KG)", "KG-augmented evaluation pipeline"), False, True),
    ("Mamba", ("Mamba", "Mamba module", "Mamba blocks"), False, False),
    # the head comes before a preposition, and "X-to-Y" is one modifier
    ("SfM", ("SfM", "Structure-from-Motion"), False, False),
    ("HDBSCAN", ("HDBSCAN", "Hierarchical Density-Based Spatial Clustering of Applications with Noise"), False, False),
    ("Text-to-Image Diffusion Transformer", ("Text-to-Image Diffusion Transformer",), False, False),
    ("end-to-end system", ("end-to-end systems",), False, True),
    ("Graph Transformer", ("Graph Transformer",), False, False),
    # a product of operands is a mathematical object; a product "of" something is read before "of" (session 56)
    ("Hadamard product", ("Hadamard product",), False, True),
    ("Hessian-vector product", ("Hessian-vector product", "Hessian-vector products"), False, True),
    ("Product of Experts", ("Product of Experts", "PoE"), False, False),
])
def test_a_method_named_by_a_thing_is_described(name, aliases, in_kb, expected):
    assert described(name, "Method", aliases, in_kb) is expected
    assert not object_named(name, "Dataset", aliases)  # data sets are named by their data


@pytest.mark.parametrize("name, aliases, expected", [
    ("multi-scale feature fusion", ("multi-scale feature fusion", "Multi-Scale Feature Fusion", "MSFF"), True),
    ("modality fusion", ("modality fusion", "MoF"), True),
    ("cross-modality alignment", ("cross-modality alignment", "CMA", "Cross Modality Alignment"), True),
    ("multi-level feature aggregation", ("multi-level feature aggregation", "MFA"), True),
    # a coined word, or a name only ever capitalised, keeps the usual rules
    ("KernelFusion", ("KernelFusion", "kernel fusion"), False),
    ("Kinect Fusion", ("Kinect Fusion", "KinectFusion"), False),
    ("Centered Kernel Alignment", ("Centered Kernel Alignment", "CKA"), False),
    # another head names another thing
    ("feature pyramid network", ("feature pyramid network", "FPN"), False),
])
def test_a_defined_phrase_for_a_step_every_model_takes_is_described(name, aliases, expected):
    """OPERATION_HEAD_RULE: 19 visible Methods of the 40k graph, 0 of 22 verdicts on file acceptable (session 46)."""
    assert operation_named(name, "Method", aliases) is expected
    assert described(name, "Method", aliases, in_kb=False) is expected
    assert not described(name, "Method", aliases, in_kb=True)
    assert not operation_named(name, "Task", aliases)


def test_capitals_spelling_the_initials_of_a_phrase_define_it():
    """"PT" runs on inside "promPTuning", which `abbreviates` read as a part
    of the name; prompt tuning (18 papers of the 10k graph, defined so) was
    held back as an undefined phrase."""
    assert defined(["prompt tuning", "PT"]) and defined(["domain adaptation", "DA"])
    assert defined(["neural tangent kernel", "NTK"]) and defined(["Kullback-Leibler divergence", "KLD"])
    assert not defined(["YOLOv5", "YOLOv5 Approach"]) and not defined(["Samba", "SAM"])
    assert not described("prompt tuning", "Method", ["prompt tuning", "PT"], in_kb=False)
    # a definition names a phrase, not a modifier the model cut from one
    assert described("high-resolution", "Task", ["high-resolution", "HR"], in_kb=False)
    assert described("real-time", "Task", ["real-time", "RT"], in_kb=False)
    assert not described("image restoration", "Task", ["image restoration", "IR"], in_kb=False)


def test_a_task_the_knowledge_base_names_stays_visible_whatever_its_shape():
    """"reading comprehension" starts with a gerund and ends in no task head,
    but the KB names it: the ceiling is for phrases nothing vouches for."""
    assert descriptive_phrase("reading comprehension", "Task")
    assert described("reading comprehension", "Task", [], in_kb=False)
    assert not described("reading comprehension", "Task", [], in_kb=True)
    assert confidence(evidence(in_kb=True, papers=3)) >= MIN_CONFIDENCE
    assert confidence(Evidence(in_kb=False, papers=9, label_agreement=1.0, defined=False, name_shaped=False,
                               descriptive=True)) < MIN_CONFIDENCE


def test_a_disease_read_as_data_is_no_data_set_name():
    """"Breast cancer" (sentence-initial) and "breast cancer" in 18 papers of the
    40k graph, read as a Dataset: a description, not a named data set."""
    assert descriptive_phrase("Breast cancer", "Dataset", ["Breast cancer", "breast cancer"])


@pytest.mark.parametrize("name, aliases, expected", [
    ("PV", ("PV", "photovoltaic"), True), ("GBM", ("GBM", "Glioblastoma", "glioblastoma"), True),
    ("DB", ("DB", "Database"), True),
    # a name's other spelling, hyphenated words, a mapping: a name's words
    ("TRELLIS", ("TRELLIS", "Trellis"), False), ("ARAP", ("ARAP", "As-Rigid-As-Possible"), False),
    ("STT", ("STT", "speech-to-text"), False), ("AG", ("AG", "Auto-Guidance", "autoguidance"), False),
])
def test_letters_spelled_out_as_one_plain_word_shorten_the_word(name, aliases, expected):
    """ONE_WORD_SPELLED_RULE (session 61)."""
    assert spelled_in_one_word(name, aliases) is expected
    if expected:
        assert described(name, "Method", aliases, False) and not described(name, "Method", aliases, True)


def test_a_pipeline_step_or_a_capability_is_held_back_even_where_a_paper_defines_it():
    """PIPELINE_STEP_RULE (session 29): "feature extraction" and "decision-making" (281 papers of the 40k
    graph, lifted by one paper's "decision-making (DM)") are no tasks; "relation extraction" is one."""
    assert described("feature extraction", "Task", ["feature extraction"], False)
    assert described("multi-scale feature extraction", "Task", ["multi-scale feature extraction"], False)
    assert described("decision-making", "Task", ["decision-making", "DM"], False)
    assert not described("relation extraction", "Task", ["relation extraction"], False)
    # words before the capability name none either, whatever the type (session 61)
    assert described("LLM-based Decision-Making", "Method", ["LLM-based Decision-Making", "LDM"], False)
    assert described("medical decision-making", "Task", ["medical decision-making"], False)


def test_letters_alone_are_no_link_to_the_knowledge_bases_name():
    """ABC is Approximate Bayesian Computation in Papers with Code; a paper
    writing only "ABC" (a CAD data set, judged) gives no evidence it means
    that. Its long form in some paper, the curated gazetteer's acronyms and
    a name PwC writes as itself keep the link."""
    from collections import Counter

    from ingest.load import EntityTally, entity_properties

    def stored(key: str, papers: int, *surfaces: str) -> dict:
        tally = EntityTally(key, papers, papers, Counter({"Method": papers}), Counter({s: papers for s in surfaces}))
        return entity_properties(tally)[1]

    letters = stored("abc", 2, "ABC")
    assert letters["kb_id"] is None and letters["confidence"] < MIN_CONFIDENCE  # bare capitals, nowhere spelled out
    spelled = stored("abc", 2, "ABC", "approximate Bayesian computation")
    assert spelled["kb_id"] == "pwc-method:abc" and spelled["confidence"] >= MIN_CONFIDENCE
    assert stored("ssd", 1, "SSD")["kb_id"] == "pwc-method:ssd"  # PwC's name is the letters themselves
    assert stored("vit", 1, "ViT")["kb_id"] is not None  # the curated gazetteer's acronym
    # a short word papers write in lower case only is not a name the field writes in capitals
    assert stored("drop", 1, "drop")["kb_id"] is None  # "a drop-in head", not the DROP benchmark
    assert stored("drop", 1, "DROP")["kb_id"] == "paperkg:drop"
    assert stored("dropout", 1, "dropout")["kb_id"] is not None
    # a name with capitals after a small letter, its letters all written in another case (OTHER_CASE_RULE, session 60)
    tucker = stored("tucker", 2, "Tucker")
    assert tucker["kb_id"] is None and tucker["name"] == "Tucker"  # Tucker decomposition, not the TuckER model
    assert stored("palm", 2, "PALM", "Palm")["kb_id"] is None
    assert stored("tucker", 2, "Tucker", "TuckER")["kb_id"] is not None  # a paper writes the field's shape
    assert stored("palm", 1, "PaLM")["kb_id"] is not None
    assert stored("roberta", 1, "RoBERTa", "ROBERTA")["kb_id"] is not None
    assert stored("giouloss", 1, "GIoU Loss")["kb_id"] is not None  # a plain word's capital: the same name
    assert stored("webshop", 1, "Webshop")["kb_id"] is not None  # capitalised words glued, written loosely


def test_a_descriptive_method_needs_the_knowledge_base_or_a_definition_however_many_papers():
    """"fine-tuning strategies" in 33 papers of the 10k graph said what kind of
    thing, not which; "temporal modeling" in 60 of the 40k graph the same: they
    stay candidates; a definition or the KB lifts such a phrase."""
    from collections import Counter

    from ingest.load import EntityTally, entity_properties

    def scored(name: str, papers: int = 30, *surfaces: str, defining: int = 0) -> float:
        tally = EntityTally(name.replace(" ", ""), papers, papers, Counter({"Method": papers}),
                            Counter({name: papers, **{s: 1 for s in surfaces}}), Counter({s: defining for s in surfaces}))
        return entity_properties(tally)[1]["confidence"]

    assert scored("fine-tuning strategies") < MIN_CONFIDENCE and scored("two-stage framework", 200) < MIN_CONFIDENCE
    assert scored("autoregressive reasoning", 60) < MIN_CONFIDENCE and scored("temporal modeling") < MIN_CONFIDENCE
    assert scored("knowledge distillation") >= MIN_CONFIDENCE  # the KB knows it
    assert scored("progressive distillation framework", 30, "PDF", defining=3) >= MIN_CONFIDENCE  # papers named it (PDF)
    # ... but not one of 30: a class noun that few of its papers define (RARELY_DEFINED_RULE)
    assert scored("progressive distillation framework", 30, "PDF", defining=1) < MIN_CONFIDENCE
    assert scored("Prompt-SVD", 2) >= MIN_CONFIDENCE  # a name's shape: the usual rules
    # a sentence-initial capital on a phrase papers also write in lower case (the judge's sample of session 16)
    assert scored("Training object detectors", 2, "training object detectors") < MIN_CONFIDENCE
    # capitalised beyond the first word, until a paper writes it all in lower case (WRITTEN_LOWER_RULE); several
    # words need a third paper (SEVERAL_WORDS_RULE)
    assert scored("Greedy Matching", 3) >= MIN_CONFIDENCE
    assert scored("Greedy Matching", 3, "greedy matching") < MIN_CONFIDENCE
    # a definition names it
    assert not described("progressive distillation framework", "Method", ["progressive distillation framework", "PDF"], False)


def record(n: int, title: str, abstract: str) -> PaperRecord:
    return PaperRecord(id=f"conf:{n}", title=title, abstract=abstract, published=f"2025-03-{n:02d}", upvotes=n, sources=("test",))


@pytest.fixture(scope="module")
def candidate_graph(paperkg_home):
    """Entities known to the KB or in two papers, and candidates in one paper."""
    from graph import StoreConfig, open_store

    records = [
        record(1, "Flows on graphs", "We propose Quorvex Flow Networks (QFN) and train them with Adam on ImageNet."),
        record(2, "Graphs again", "We train a ResNet with Adam on ImageNet and report accuracy."),
        record(3, "Scaling Zentrix", "We introduce Zentrix-Net, evaluate ResNet on ImageNet and report accuracy."),
    ]
    with open_store(StoreConfig(backend="falkordb", home=paperkg_home, graph_name="confidence_test")) as store:
        store.reset()
        extractor = load_extractor("fast")
        load_records(store, records, extract=extractor.extract, extraction="test", curation=Curation.empty())
        yield store


def test_entities_carry_confidence_and_the_threshold_splits_them(candidate_graph):
    rows = candidate_graph.read("MATCH (e:Entity) RETURN e.key, e.name, e.confidence, e.paper_count, e.kb_id").rows
    assert all(row[2] is not None for row in rows)
    candidates = [row for row in rows if row[2] < MIN_CONFIDENCE]
    assert candidates and all(row[3] == 1 and row[4] is None for row in candidates)
    confident = {row[0] for row in rows if row[2] >= MIN_CONFIDENCE}
    assert {"imagenet", "resnet", "adam"} <= confident


def test_views_leave_candidates_out_but_search_and_papers_show_them(candidate_graph):
    store = candidate_graph
    candidates = {row[0]: row[1] for row in store.read(
        "MATCH (e:Entity) WHERE e.confidence < $min RETURN e.key, e.name", {"min": MIN_CONFIDENCE}).rows}
    assert candidates
    for label in ("Method", "Dataset", "Benchmark", "Task", "Metric"):
        assert not {e.key for e in views.top_entities(store, label, 50)} & set(candidates)
    _, ranked = views.trending(store, days=3650, limit=50, min_papers=1)
    assert ranked and not {r.entity.key for r in ranked} & set(candidates)
    for focus in ("imagenet", "resnet"):
        view = views.explore(store, NodeRef.entity(focus), views.ViewFilters())
        assert not {n.ref.key for n in view.nodes if n.ref.kind == "e"} & set(candidates)
    key, name = next(iter(candidates.items()))
    assert key in {s.ref.key for s in views.search(store, name, kinds=("e",))}
    paper = store.read("MATCH (p:Paper)-[:MENTIONS]->(:Entity {key: $key}) RETURN p.id", {"key": key}).rows[0][0]
    shown = views.explore(store, NodeRef.paper(paper), views.ViewFilters())
    assert key in {n.ref.key for n in shown.nodes}


def test_details_show_confidence_and_no_candidate_neighbours(candidate_graph):
    from app.components.details import _confidence

    details = views.entity_details(candidate_graph, "imagenet")
    assert details.entity.confidence >= MIN_CONFIDENCE and details.entity.kb_id == "paperkg:imagenet"
    assert all(n.entity.confidence >= MIN_CONFIDENCE for neighbours in details.related.values() for n in neighbours)
    assert "knowledge base: paperkg:imagenet" in str(_confidence(details.entity).children)
    key = candidate_graph.read("MATCH (e:Entity) WHERE e.confidence < $min RETURN e.key LIMIT 1", {"min": MIN_CONFIDENCE}).rows[0][0]
    shown = str(_confidence(views.entity_details(candidate_graph, key).entity).children)
    assert "candidate" in shown and "not in the knowledge base" in shown


def test_a_research_field_read_as_a_task_or_metric_stays_a_candidate():
    from ingest.confidence import field_reading

    assert field_reading("computervision", "Task") and field_reading("robotic", "Task") and field_reading("nlp", "Metric")
    assert not field_reading("computervision", "Method") and not field_reading("objectdetection", "Task")
    # research areas outside judges rejected as tasks (session 42)
    assert field_reading("patternrecognition", "Task") and field_reading("multimodallearning", "Task")
    assert field_reading("humanrobotinteraction", "Task") and not field_reading("multimodallearning", "Method")
    # The discipline itself is no method; a field of study that is also a method family stays one.
    assert field_reading("deeplearning", "Method") and field_reading("machinelearning", "Method")
    assert field_reading("agi", "Method") and field_reading("genai", "Method")  # the field's goal and branch
    assert field_reading("computationalfluiddynamic", "Method", "CFD")  # a discipline of simulation (session 56)
    assert not field_reading("reinforcementlearning", "Method")
    # plain words before a field's name make a kind of the field (KIND_OF_FIELD_RULE, session 29)
    assert field_reading("embodiedai", "Task", "embodied AI") and field_reading("generativeai", "Method", "Generative AI")
    assert field_reading("clinicalnlp", "Method", "Clinical NLP")
    # a dimension is no name before a field (both judges of session 55's seed 88)
    assert field_reading("3-ddeeplearning", "Method", "3D Deep Learning")
    assert not field_reading("deepreinforcementlearning", "Method", "deep reinforcement learning")
    assert not field_reading("llmbasedmultiagentsystem", "Method", "LLM-Based Multi Agent Systems")  # a name's shape
    many = evidence(in_kb=True, papers=300, is_defined=True)
    assert confidence(many) == 1.0
    assert confidence(Evidence(True, 300, 1.0, True, False, field=True)) < MIN_CONFIDENCE


@pytest.fixture(scope="module")
def field_graph(paperkg_home):
    """Invented abstracts naming fields where tasks are expected, beside real tasks."""
    from graph import StoreConfig, open_store

    texts = [
        "Object detection is central to computer vision. We study object detection in cluttered scenes and robotics.",
        "We revisit semantic segmentation, a core computer vision problem, with applications in robotics.",
        "Computer vision and natural language processing (NLP) meet in visual question answering; we study NLP tasks too.",
        "We improve object detection and semantic segmentation for robotics and computer vision.",
    ]
    records = [record(10 + n, f"Field paper {n}", text) for n, text in enumerate(texts)]
    with open_store(StoreConfig(backend="falkordb", home=paperkg_home, graph_name="field_test")) as store:
        store.reset()
        load_records(store, records, extract=load_extractor("fast").extract, extraction="test", curation=Curation.empty())
        yield store


def test_fields_stay_out_of_the_task_list_and_tasks_stay_in(field_graph):
    rows = {row[0]: row[1:] for row in field_graph.read(
        "MATCH (e:Entity) RETURN e.key, e.label, e.confidence, e.paper_count").rows}
    fields = {key: row for key, row in rows.items() if key in ("computervision", "robotic", "naturallanguageprocessing", "nlp")}
    assert fields and all(conf < MIN_CONFIDENCE for label, conf, _ in fields.values() if label in ("Task", "Metric"))
    assert rows["computervision"][2] >= 3  # still counted on every paper naming it, and searchable
    top = {e.key for e in views.top_entities(field_graph, "Task", 50)}
    assert {"objectdetection", "semanticsegmentation"} <= top and not top & set(fields)
    # "NLP tasks" names the field's tasks as a whole, not a task of its own (outside judges rejected the
    # gold corpora's "NLP tasks" as a knowledge-base name, NAME_REVIEW)
    assert "nlptask" not in rows and rows.get("nlp", ("Task",))[0] == "Task"


def test_details_say_a_hidden_field_is_a_field(field_graph):
    from app.components.details import _confidence

    shown = str(_confidence(views.entity_details(field_graph, "computervision").entity).children)
    assert "research field" in shown


def test_review_does_not_suggest_dropping_a_field(field_graph):
    from ingest.review import uncertain

    # candidates in hundreds of papers would lead the list with "drop it if it is noise"
    assert not {i.key for i in uncertain(field_graph, 100)} & {"computervision", "robotic", "nlp"}


def test_umbrella_terms_are_those_whose_kinds_outnumber_them():
    from ingest.confidence import umbrella_keys

    entities = [
        ("detection", "detection", "Task", 411), ("objectdetection", "object detection", "Task", 879),
        ("anomalydetection", "Anomaly-Detection", "Task", 363), ("3dobjectdetection", "3D object detection", "Task", 105),
        ("summarization", "summarization", "Task", 386), ("textsummarization", "text summarization", "Task", 53),
        ("neuralnetwork", "neural networks", "Method", 488), ("deepneuralnetwork", "deep neural network", "Method", 347),
        ("lightweightneuralnetwork", "lightweight neural networks", "Method", 18),
        ("convolutionalneuralnetwork", "Convolutional Neural Networks", "Method", 150),
        ("gnn", "GNN", "Method", 221),  # a kind named by its acronym is not seen as one
        ("coco", "COCO", "Dataset", 40), ("mscoco", "MS COCO", "Dataset", 90),  # data sets are names, not kinds
        ("segmentation", "segmentation", "Task", 5), ("imagesegmentation", "image segmentation", "Method", 9),  # other label
    ]
    # "object detection" (105 in its kinds) stays; the hyphen and the plural make no other word
    assert umbrella_keys(entities) == {"detection", "neuralnetwork"}
    assert umbrella_keys([("x", "detection", "Task", 1), ("y", "object detection", "Task", 1)]) == set()  # one paper counts nothing


def test_a_kind_named_with_a_methods_acronym_inside_is_a_kind_of_its_long_form():
    """"Deep CNN" and "deep convolutional neural networks" are one entity
    (LONG_FORM_INSIDE_RULE) and either may name it: read either way it is a
    kind of neural network. On the 10k graph, the merge named three kinds
    so and "neural networks" (165 papers) stopped being an umbrella term."""
    from ingest.confidence import umbrella_keys

    term = ("neuralnetwork", "neural networks", "Method", 10)
    kinds = [("deepcnn", "Deep CNN", "Method", 6), ("3dcnn", "3D CNNs", "Method", 5)]
    assert umbrella_keys([term, *kinds]) == {"neuralnetwork"}
    assert umbrella_keys([("cnn", "CNN", "Method", 10), *kinds]) == {"cnn"}  # and a kind of CNN
    assert umbrella_keys([term, ("cnn", "CNN", "Method", 20)]) == set()  # a bare acronym is a name, as before


def test_a_closing_parenthesis_is_not_among_the_words_a_kind_is_read_by():
    """A display name's qualifier, which the refresh after every load gives
    and a rescore takes away, changes no umbrella mark: on the 40k graph
    seven entities ("VAD (Voice Activity Detection)", "HOI (3D human-object
    interaction)") had flipped theirs whenever the pass ran after the
    qualifier came back. Nor does an acronym a name defines at its end."""
    from ingest.confidence import umbrella_keys

    kinds = [("personalvad", "personal VAD", "Task", 3)]
    assert umbrella_keys([("vad", "VAD", "Task", 2), *kinds]) == {"vad"}
    assert umbrella_keys([("vad", "VAD (Voice Activity Detection)", "Task", 2), *kinds]) == {"vad"}
    assert umbrella_keys([("vad", "VAD (Task, voiceactivitydetection)", "Task", 2), *kinds]) == {"vad"}
    assert umbrella_keys([("gai", "GAI (generative AI (GAI) techniques)", "Method", 2),
                          ("opengai", "open GAI", "Method", 3)]) == {"gai"}
    nlp = ("nlp", "natural language processing", "Task", 2)
    assert umbrella_keys([nlp, ("clinicalnlp", "Clinical natural language processing (NLP)", "Task", 3)]) == {"nlp"}
    assert umbrella_keys([nlp, ("nlpx", "natural language processing (NLP)", "Task", 3)]) == set()  # its own words, not a kind


def test_an_umbrella_term_yields_its_place_while_its_kinds_outnumber_it(paperkg_home):
    """"detection" in two papers beside "object detection" and "anomaly detection"
    in two each is an umbrella term (kept out of the task list, said so in its
    details, not offered for dropping); when later papers name it more often
    than its kinds, it is a task of its own again."""
    from app.components.details import _confidence, entity_panel
    from app.urls import State
    from graph import StoreConfig, open_store
    from ingest.load import mark_umbrellas
    from ingest.review import uncertain

    first = [
        "We study object detection in aerial images with a new detector.",
        "We propose a method for anomaly detection in surveillance video.",
        "Object detection and anomaly detection share a backbone in our model.",
        "Our backbone improves detection and segmentation on standard benchmarks.",
        "We evaluate the model on detection, tracking and segmentation.",
    ]
    later = [
        "Detection in the dark is hard; our detection pipeline improves detection recall.",
        "Our backbone improves detection in crowded scenes on standard benchmarks.",
        "We evaluate the model on the detection task under heavy occlusion.",  # a paper names it as a task (TASK_NAMED_RULE)
    ]
    extract = load_extractor("fast").extract
    with open_store(StoreConfig(backend="falkordb", home=paperkg_home, graph_name="umbrella_test")) as store:
        store.reset()

        def detection():
            return views.entity_details(store, "detection").entity

        load_records(store, [record(n + 1, f"Umbrella {n}", t) for n, t in enumerate(first)],
                     extract=extract, extraction="test", curation=Curation.empty())
        counts = dict(store.read("MATCH (e:Task) RETURN e.key, e.paper_count").rows)
        assert (counts["detection"], counts["objectdetection"], counts["anomalydetection"]) == (2, 2, 2)
        assert detection().umbrella and detection().confidence < MIN_CONFIDENCE
        top = {e.key for e in views.top_entities(store, "Task", 50)}
        assert {"objectdetection", "anomalydetection"} <= top and "detection" not in top
        assert "umbrella term" in str(_confidence(detection()).children)
        # its details lead to its kinds, which the views show in its place
        details = views.entity_details(store, "detection")
        assert [k.key for k in details.kinds] == sorted(["objectdetection", "anomalydetection"])
        panel = str(entity_panel(details, State(), "explore"))
        assert "its kinds: " in panel and "object detection" in panel and "its kinds, above" in panel
        assert "detection" not in {i.key for i in uncertain(store, 100)}
        assert mark_umbrellas(store, Curation.empty()) == 0  # what a load leaves is settled

        load_records(store, [record(n + 10, f"Umbrella later {n}", t) for n, t in enumerate(later)],
                     extract=extract, extraction="test", curation=Curation.empty())
        assert detection().paper_count >= 4 and not detection().umbrella  # as many as its kinds: no longer outnumbered
        assert views.entity_details(store, "detection").kinds == []
        assert detection().confidence >= MIN_CONFIDENCE and "detection" in {e.key for e in views.top_entities(store, "Task", 50)}


@pytest.mark.parametrize("entity, shown", [
    (Entity("gtr", "GTR", "Method", ("GTR",), 5, confidence=0.2), "its letters are spelled out nowhere"),
    (Entity("vitencoder", "ViT encoder", "Method", ("ViT encoder",), 3, confidence=0.2), "a description rather than a name"),
    (Entity("psf", "PSF", "Method", ("PSF", "Point Spread Function"), 3, confidence=0.2),
     "every form of its name is headed by a word for a thing that is no method (data, an equation or a product of operands,"
     " a space, a rate, a module, a loss, a system or its agents, a property, a task, a clinical procedure), "
     "until the knowledge base knows it"),
    # a definition lifts the ceiling: a candidate for want of a second paper says no more
    (Entity("msff", "multi-scale feature fusion", "Method", ("multi-scale feature fusion", "MSFF"), 20, confidence=0.2),
     "candidate: a phrase for a step nearly every model takes (fusion, alignment, aggregation), whose letters label one"
     " model's module"),
    (Entity("gtr", "GTR", "Method", ("GTR", "Graph Transformer Reasoner"), 1, confidence=0.2), "confidence 0.20 · candidate · not"),
    (Entity("bird", "BIRD", "Benchmark", ("BIRD",), 7, confidence=0.5), "confidence 0.50 · not"),
    (Entity("human36m", "Human3.6M", "Method", ("Human3.6M",), 4, confidence=0.2, label_votes=(2, 1, 1, 0, 0)),
     "candidate: its papers disagree on its type (Method in 2 papers, Dataset in 1 paper, Benchmark in 1 paper)"),
    (Entity("motionunderstanding", "motion understanding", "Task", ("motion understanding",), 2, confidence=0.0,
            task_named_papers=2), "candidate: a phrase that names an ability as often as a task, until a third paper"),
    (Entity("motionunderstanding", "motion understanding", "Task", ("motion understanding",), 5, confidence=0.2,
            task_named_papers=1), "candidate: a phrase that names an ability as often as a task, which only one paper names"
                                  " as a task, until a second paper does"),
    (Entity("semanticunderstanding", "semantic understanding", "Task", ("semantic understanding",), 108,
            confidence=0.2, task_named_papers=9),
     "candidate: only 9 papers of its 108 name it as a task, fewer than one in 10: a phrase said in passing"),
    (Entity("tokengeneration", "token generation", "Task", ("token generation",), 3, confidence=0.2),
     'candidate: no paper names it as a task, in its title or as "the token generation task", until one does'),
    # one paper's letters for a kind of method that 183 others write as a description (session 47)
    (Entity("visionencoder", "vision encoder", "Method", ("vision encoder", "VE"), 184, confidence=0.2, defining_papers=1),
     "candidate: a description rather than a name, which only 1 paper of its 184 defines, fewer than one in 10, until more"),
    (Entity("visionmodel", "vision model", "Method", ("vision model", "VM"), 57, confidence=0.2, defining_papers=2),
     "which only 2 papers of its 57 define, fewer than one in 10"),
    (Entity("findings", "Findings", "Method", ("Findings",), 3, confidence=0.2),
     "candidate: one capitalised word that papers of the field write in lower case (or a country's name), so a"
     " sentence's or a title's first word or a numbered step, until the knowledge base knows it · not"),
    (Entity("zpd", "ZPD", "Method", ("ZPD", "Zone of Proximal Development"), 2, confidence=0.2),
     "candidate: its papers spell its letters out as words for no method (a place, a quantity, a device, a"
     " condition), until more than 3 papers use it or the knowledge base knows it · not"),
    # a coinage and the phrase of its words (GLUED_NAME_RULE, session 53)
    (Entity("kernelfusion", "KernelFusion", "Method", ("KernelFusion", "kernel fusion"), 4, confidence=0.2),
     "candidate: written both as one glued name, a work's coinage, and as a phrase of its words that any paper may"
     " write, so KernelFusion stands for several things, until the knowledge base knows it"),
    # a pipeline step is held back whatever defines it: the panel does not promise that a definition helps
    (Entity("decisionmaking", "decision-making", "Task", ("decision-making", "DM"), 40, confidence=0.2),
     "candidate: a step of every pipeline or a capability of every system, not a task · not"),
    # letters a paper defines by one word: a definition does not help, the panel does not promise it (session 61)
    (Entity("gbm", "GBM", "Method", ("GBM", "glioblastoma"), 7, confidence=0.2, defining_papers=3),
     "candidate: its papers spell its letters out as one plain word, which the letters shorten, not a name, until the"
     " knowledge base knows it · not"),
])
def test_the_details_panel_says_why_a_described_entity_is_a_candidate(entity, shown):
    from app.components.details import _confidence

    assert shown in str(_confidence(entity).children)


def test_the_details_panel_blames_no_split_reading_where_the_type_is_forced():
    """A Task the curation file relabels (or its name makes one) is a
    candidate for want of a second paper, not because its papers read it as
    a method: the panel reads the stored `label_forced`, not the name."""
    from app.components.details import _confidence

    votes = (1, 0, 0, 0, 0)  # one paper, read as a Method
    relabelled = Entity("glarpnet", "GlarpNet", "Task", ("GlarpNet",), 1, confidence=0.2, label_votes=votes)
    assert "disagree on its type" in str(_confidence(relabelled).children)
    assert "disagree on its type" not in str(_confidence(replace(relabelled, label_forced=True)).children)


@pytest.mark.parametrize("task_named, ability, in_kb, expected", [
    (0, False, False, True), (1, False, False, False),
    # an ability phrase needs two papers naming it a task (1 of 7 acceptable with one, 11 of 12 with two; session 43)
    (1, True, False, True), (2, True, False, False), (1, True, True, False),
])
def test_a_task_is_shown_once_papers_name_it_so(task_named, ability, in_kb, expected):
    assert unnamed_task("Task", task_named, in_kb, ability=ability) is expected
    assert not unnamed_task("Method", task_named, in_kb, ability=ability)


@pytest.mark.parametrize("task_named, papers, ability, expected", [
    # one paper in ten or more (session 45: "semantic understanding", 9 of 108 papers)
    (1, 10, False, False), (1, 11, False, True), (2, 11, False, False), (9, 108, False, True), (11, 108, False, False),
    (2, 20, True, False), (2, 21, True, True), (1, 5, True, True),
])
def test_a_task_few_of_its_papers_name_so_is_said_in_passing(task_named, papers, ability, expected):
    assert unnamed_task("Task", task_named, False, ability=ability, papers=papers) is expected
    assert not unnamed_task("Task", task_named, True, ability=ability, papers=papers)


@pytest.mark.parametrize("name, label, aliases, in_kb, expected", [
    ("motion understanding", "Task", (), False, True),
    ("hierarchical reasoning", "Task", (), False, True),
    ("aspect extraction", "Task", (), False, False),  # extraction and reconstruction name tasks too
    ("3D shape reconstruction", "Task", (), False, False),
    ("3D reasoning", "Task", (), False, True),  # a dimension is no name's shape
    ("Motion Understanding", "Task", ("Motion Understanding", "motion understanding"), False, True),  # a title's capitals
    ("Motion Understanding", "Task", ("Motion Understanding",), False, False),  # only ever capitalised
    ("video understanding", "Task", (), True, False),  # the knowledge base knows it
    ("semantic segmentation", "Task", (), False, False),  # a task's head
    ("MVBench reasoning", "Task", (), False, False),  # a name's shape
    ("reasoning", "Task", (), False, False),  # one word: the umbrella rule's
    ("knowledge extraction", "Method", (), False, True),  # several words (SEVERAL_WORDS_RULE)
    # KIND_OF_CLASS_RULE: words before a class of models
    ("Dual LLM", "Method", ("Dual LLM",), False, True),
    ("Dual-Branch CNN", "Method", ("Dual-Branch CNN", "dual-branch convolutional neural network"), False, True),
    ("sparse-reward Reinforcement Learning", "Method", ("sparse-reward RL",), False, True),
    ("LoRA SFT", "Method", ("LoRA SFT",), False, True),
    ("Small VLMs", "Method", ("Small Vision-Language Models", "SVLMs"), False, False),  # its own letters defined
    ("DocRAG", "Method", ("DocRAG",), False, False),  # glued: a coinage
    ("Multimodal LLMs", "Method", ("MLLMs",), True, False),  # the knowledge base knows it
    ("Neural Language Models", "Method", (), False, True),  # not the class, but several words
    ("Dual LLM", "Task", (), False, False),
])
def test_an_ability_needs_a_third_paper(name, label, aliases, in_kb, expected):
    assert needs_third_paper(name, label, aliases, in_kb) is expected
    held = Evidence(in_kb, 2, 1.0, False, False, third_paper=expected)
    assert (confidence(held) < MIN_CONFIDENCE) is expected
    assert confidence(Evidence(in_kb, 3, 1.0, False, False, third_paper=expected)) >= MIN_CONFIDENCE


def test_a_name_read_as_a_method_and_as_data_waits_for_its_papers_to_agree(paperkg_home):
    """Real extraction: one paper reads MotionBERT as the method it beats,
    another as data results are reported on. Split half and half it stays a
    candidate, and the review list asks for its type; a third paper that
    reads it as a method makes the majority."""
    from app.components.details import _confidence
    from graph import StoreConfig, open_store
    from ingest.review import uncertain

    def motionbert(store):
        return store.read("MATCH (e:Entity {key: 'motionbert'}) RETURN e.label, e.label_votes, e.confidence").rows[0]

    extract = load_extractor("fast").extract
    with open_store(StoreConfig(backend="falkordb", home=paperkg_home, graph_name="split_reading_test")) as store:
        store.reset()
        load_records(store, [record(11, "Lifting poses", "Our method surpasses MotionBERT and PoseFormer on MPI-INF-3DHP."),
                             record(12, "Pose lifting at scale", "Experiments on MotionBERT and MPI-INF-3DHP show gains.")],
                     extract=extract, extraction="test", curation=Curation.empty())
        label, votes, score = motionbert(store)
        assert (label, sorted(votes)) == ("Method", [0, 0, 0, 1, 1]) and score < MIN_CONFIDENCE
        assert "motionbert" not in {e.key for e in views.top_entities(store, "Method", 50)}
        shown = str(_confidence(views.entity_details(store, "motionbert").entity).children)
        assert "its papers disagree on its type (Method in 1 paper, Benchmark in 1 paper)" in shown
        assert any(item.key == "motionbert" and item.action.kind == "relabel" for item in uncertain(store))
        load_records(store, [record(13, "Pose lifting revisited", "Our method surpasses MotionBERT and PoseFormer on Human3.6M.")],
                     extract=extract, extraction="test", curation=Curation.empty())
        label, votes, score = motionbert(store)
        assert label == "Method" and score >= MIN_CONFIDENCE
        assert "motionbert" in {e.key for e in views.top_entities(store, "Method", 50)}


def test_an_ability_waits_for_a_third_paper_and_a_second_that_names_it_a_task(paperkg_home):
    """Real extraction: "motion understanding" in two papers is a candidate
    that the details panel explains; a third that uses it in passing leaves
    it one (ABILITY_TASK_NAMED, session 43), and a second paper naming it a
    task makes it a listed Task."""
    from app.components.details import _confidence
    from graph import StoreConfig, open_store

    extract = load_extractor("fast").extract
    with open_store(StoreConfig(backend="falkordb", home=paperkg_home, graph_name="ability_test")) as store:
        store.reset()

        def listed():
            return "motionunderstanding" in {e.key for e in views.top_entities(store, "Task", 50)}

        def load(*papers):
            load_records(store, list(papers), extract=extract, extraction="test", curation=Curation.empty())
            return views.entity_details(store, "motionunderstanding").entity

        load(record(21, "A motion benchmark", "Our benchmark evaluates motion understanding of video language models."),
             record(22, "Motion recipes", "We improve motion understanding with a new training recipe on HumanML3D."))
        entity = load(record(23, "Motion Understanding in long videos",  # named as a task (TASK_NAMED_RULE)
                             "We study motion understanding in long videos with a new model."))
        assert (entity.label, entity.paper_count, entity.task_named_papers) == ("Task", 3, 1)
        assert entity.confidence < MIN_CONFIDENCE and not listed()
        assert "which only one paper names as a task, until a second paper does" in str(_confidence(entity).children)
        entity = load(record(24, "Motion Understanding from sparse keyframes", "We study motion understanding from keyframes."))
        assert entity.task_named_papers == 2 and entity.confidence >= MIN_CONFIDENCE and listed()


@pytest.mark.parametrize("name, expected", [
    ("Reasoning Tree", True), ("Platt scaling", True), ("3D Gaussian Head Avatars", True), ("Greedy Matching", True),
    ("10-fold stratified cross-validation", True), ("4-bit PTQ", True),  # a quantity is no version
    # one word, a version, or a qualifier that tells two senses apart
    ("FlashAttention", False), ("Claude 4.5", False), ("3D ResNet-18", False), ("HunyuanImage 2.1", False),
    ("SoT (Method)", False), ("Prompt-SVD", False),
])
def test_a_method_of_several_words_waits_for_a_third_paper(name, expected):
    """SEVERAL_WORDS_RULE: of 30 such visible Methods of the 40k graph in two papers, 9 acceptable (session 58)."""
    assert needs_third_paper(name, "Method", [name], in_kb=False) is expected
    assert not needs_third_paper(name, "Method", [name], in_kb=True)
    assert not needs_third_paper(name, "Dataset", [name], in_kb=False)
    # a paper's definition names it ("Tensor-Train Decomposition (TTD)": 9 of 10 so defined acceptable)
    assert needs_third_paper("Tensor-Train Decomposition", "Method", ["Tensor-Train Decomposition"], in_kb=False)
    assert not needs_third_paper("Tensor-Train Decomposition", "Method", ["Tensor-Train Decomposition", "TTD"], in_kb=False)
    # a kind of a class of models with its own letters defined, or of language models of any kind, is none
    # (KIND_OF_CLASS_RULE), but its words are several
    assert not kind_of_class("Small VLMs", ("Small Vision-Language Models", "SVLMs"))
    assert not kind_of_class("Neural Language Models", ())


@pytest.mark.parametrize("key, name, why", [
    ("dualbranchcnn", "a Dual-Branch CNN", "a kind of a class of models"),  # KIND_OF_CLASS_RULE
    ("greedyquoxelsampling", "Greedy Quoxel Sampling", "a name of several words"),  # SEVERAL_WORDS_RULE
])
def test_a_method_a_second_paper_does_not_support_waits_for_a_third(paperkg_home, key, name, why):
    """Real extraction: "Dual-Branch CNN" (a kind of CNN) or "Greedy Quoxel
    Sampling" (several words) in two papers is a candidate the details panel
    explains; a third paper lists it."""
    from app.components.details import _confidence
    from graph import StoreConfig, open_store

    extract = load_extractor("fast").extract
    with open_store(StoreConfig(backend="falkordb", home=paperkg_home, graph_name=f"third_paper_{key}")) as store:
        store.reset()

        def load(*papers):
            load_records(store, list(papers), extract=extract, extraction="test", curation=Curation.empty())
            return views.entity_details(store, key).entity

        def listed():
            return key in {e.key for e in views.top_entities(store, "Method", 50)}

        entity = load(record(31, "Leaf disease", f"We classify leaf disease with {name} on PlantVillage."),
                      record(32, "Gait", f"We apply {name} to read gait from radar signals."))
        assert (entity.label, entity.paper_count) == ("Method", 2)
        assert entity.confidence < MIN_CONFIDENCE and not listed()
        assert why in str(_confidence(entity).children)
        entity = load(record(33, "Fault diagnosis", f"We train {name} for bearing fault diagnosis."))
        assert entity.paper_count == 3 and entity.confidence >= MIN_CONFIDENCE and listed()
