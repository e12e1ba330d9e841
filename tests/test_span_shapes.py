"""Span shapes that are never an entity, whatever the model says, and span
forms that belong to another entity's key. Invented minimal examples."""
from __future__ import annotations

import pytest
from spacy.tokens import Span

from ingest import kb
from ingest.extract import gazetteer, load_extractor
from ingest.extract.sanity import _adjective_base, checked_label, is_junk
from ingest.extract.span_filter import clean_span, is_name


@pytest.fixture(scope="module")
def nlp():
    return load_extractor("fast").nlp


def test_a_span_cut_inside_quotes_is_not_a_name(nlp):
    doc = nlp.make_doc('We report "few-shot" evaluation and "few-shot evaluation" here.')
    assert not is_name(doc[3:7])  # few-shot " evaluation
    assert is_name(doc[10:13])  # few-shot evaluation
    doc = nlp.make_doc("We use the “Focus Small” strategy.")  # curly quotes, as arXiv's `` '' are read
    assert not is_name(doc[4:8]) and is_name(doc[3:7])  # Focus Small” strategy; “Focus Small”


def test_a_verb_before_its_object_is_no_name(nlp):
    """Session 57: "minimizing the KL divergence" was a visible Metric of the 40k graph."""
    for text in ("minimizing the KL divergence", "boosting the model", "upsampling the lesions"):
        doc = nlp.make_doc(text)
        assert not is_name(doc[0 : len(doc)]), text
    for text in ("learning rate warmup", "Boosting the Model"):  # no determiner after it, or a title's capitals
        doc = nlp.make_doc(text)
        assert is_name(doc[0 : len(doc)]), text


def test_what_a_model_has_is_no_name_but_a_persons_measure_is(nlp):
    """Session 58: "Transformer's attention" and "MLLMs' understanding" were visible entities of the 40k graph."""
    for text in ("Transformer's attention", "MLLMs' understanding", "U-Net's spatial downsampling", "SAM2's memory"):
        doc = nlp.make_doc(text)
        assert not is_name(doc[0 : len(doc)]), text
    for text in ("Kendall's tau", "McDiarmid's inequality", "Bayes' theorem", "OpenAI's o1",
                 "RWKV-7's linear-complexity Weighted Key-Value", "Humanity's Last Exam"):
        doc = nlp.make_doc(text)
        assert is_name(doc[0 : len(doc)]), text
    (doc,) = load_extractor("fast").extract([("t", "We probe the Transformer's attention maps.")], workers=1)
    assert {m.text for m in doc.mentions} == {"Transformer"}, doc.mentions


@pytest.mark.parametrize("text,kept", [
    ("Feather-SQL improves SQL executability", "Feather-SQL"),
    ("FDConv seamlessly integrates", "FDConv"),
    ("SG-Tailor not only infers inter-object relationships", "SG-Tailor"),
    ("the energy-overloading attack that reduces speed", "energy-overloading attack"),
    ("hierarchical prompting module pre-aligns prompts", "hierarchical prompting module pre-aligns prompts"),
    ("crop yields", "crop yields"),  # a noun spelled like a verb
])
def test_a_name_ends_before_a_verb_it_ran_on_into(nlp, text, kept):
    doc = nlp.make_doc(text)
    assert clean_span(Span(doc, 0, len(doc), label="METHOD")).text == kept


@pytest.mark.parametrize("text,start,end,kept", [
    ("Transformer-based encoders", 0, 3, "Transformer"),  # a known name
    ("QuoxNet-driven agents", 0, 3, "QuoxNet"),  # a name-shaped one
    ("data-driven control", 0, 3, None),  # nothing name-like before the hyphen
    ("FooBench-guided", 0, 3, "FooBench"),
    ("privacy-preserving", 0, 3, None),  # an adjective's tail, not a participle
    ("model-agnostic", 0, 3, None),
    ("QuoxNet-free", 0, 3, "QuoxNet"),
    ("English-centric", 0, 3, None),  # a language
    ("LiDAR-based", 0, 3, None), ("UAV-based", 0, 3, None),  # a modality, a device (session 57: LiDAR, 11 papers)
    ("ID-preserving", 0, 3, None),  # two letters: identity
    ("self-attention", 0, 3, "self-attention"),  # not a participle: untouched
    ("Hybrid Net", 0, 2, "Hybrid Net"),
])
def test_a_name_turned_adjective_is_its_name_or_nothing(nlp, text, start, end, kept):
    doc = nlp.make_doc(text)
    found = _adjective_base(doc, Span(doc, start, end, label="METHOD"))
    assert (found.text if found is not None else None) == kept


def test_two_letters_turned_adjective_are_a_name_where_the_text_names_them_alone(nlp):
    doc = nlp.make_doc("GS-based agents beat other GS methods")
    assert _adjective_base(doc, Span(doc, 0, 3, label="METHOD")) is None
    doc.ents = [Span(doc, 6, 7, label="METHOD")]
    assert _adjective_base(doc, Span(doc, 0, 3, label="METHOD")).text == "GS"
    doc = nlp.make_doc("RL-based agents beat others")  # known: reinforcement learning (session 37)
    assert _adjective_base(doc, Span(doc, 0, 3, label="METHOD")).text == "RL"


def test_a_definition_kept_as_one_span_is_the_long_forms_entity():
    assert gazetteer.canonical("natural language processing (NLP)") == gazetteer.canonical("natural language processing")
    assert gazetteer.canonical("Quox Retrieval Engine (QRE)") == gazetteer.canonical("Quox Retrieval Engine")
    # a parenthesis that does not abbreviate the name stays part of it
    assert gazetteer.canonical("ResNet (ours)") != gazetteer.canonical("ResNet")


def test_a_field_with_a_generic_head_is_the_field():
    # "deep learning models (DLMs)" held 155 papers of the 10k arXiv graph beside "deep learning"
    assert gazetteer.canonical("deep learning models") == gazetteer.canonical("deep learning")
    assert gazetteer.canonical("Machine Learning model") == gazetteer.canonical("machine learning")
    assert gazetteer.canonical("deep learning theory") != gazetteer.canonical("deep learning")
    # "the Deep Learning field" (both judges of session 54's sample): the field too
    assert gazetteer.canonical("Deep Learning field") == gazetteer.canonical("deep learning")
    assert gazetteer.canonical("deep learning domains") == gazetteer.canonical("deep learning")


def test_another_spelling_of_a_known_model_or_benchmark_is_it():
    # both judges of session 54's sample: duplicates of GPT-4V and GPQA-Diamond
    assert gazetteer.canonical("GPT-4 Vision") == gazetteer.canonical("GPT-4V")
    assert gazetteer.canonical("GPQA-D") == gazetteer.canonical("GPQA Diamond") != gazetteer.canonical("GPQA")
    # a model at a reasoning effort, a measure per class (both judges of session 54's seed 87)
    assert gazetteer.canonical("GPT-5-high") == gazetteer.canonical("GPT-5 (high)") == gazetteer.canonical("GPT-5")
    assert gazetteer.canonical("o4-mini-high") == gazetteer.canonical("o4-mini")
    assert gazetteer.canonical("per-class recall") == gazetteer.canonical("recall")
    assert gazetteer.canonical("class-wise accuracy") == gazetteer.canonical("accuracy")
    assert gazetteer.canonical("mean per-class accuracy") != gazetteer.canonical("accuracy")
    assert gazetteer.canonical("CIFAR-10-low") != gazetteer.canonical("CIFAR-10")  # no model


def _entities(nlp, text):
    doc = nlp.make_doc(text)
    for name, pipe in nlp.pipeline:
        if name != "paperkg_lighten":  # keep the Doc's tokens to read the spans
            doc = pipe(doc)
    return {(e.text, e.label_) for e in doc.ents}


def test_a_quality_is_a_metric_only_with_a_value_reported_for_it(nlp):
    found = _entities(nlp, "Our model improves robustness and reduces complexity. "
                           "It reaches a sensitivity of 92.1% and a specificity of 88%.")
    assert {("sensitivity", "METRIC"), ("specificity", "METRIC")} <= found
    assert not {t for t, label in found if t in ("robustness", "complexity")}


def _span(nlp, sentence: str, text: str, label: str) -> Span:
    doc = nlp.make_doc(sentence)
    start = sentence.index(text)
    span = doc.char_span(start, start + len(text), label=label)
    assert span is not None, (sentence, text)
    return span


@pytest.mark.parametrize("sentence,text", [
    ("Gains were significant at p<0.001 over the baseline.", "p<0.001"),  # a statistic (a "data set" twice at 10k)
    ("We set k=5 for retrieval.", "k=5"),
    ("Our method makes fewer errors than the baseline.", "errors"),  # the knowledge base's "Error" column, in prose
])
def test_comparisons_and_plain_errors_are_no_names(nlp, sentence, text):
    assert is_junk(_span(nlp, sentence, text, "METRIC"))


@pytest.mark.parametrize("text,label", [
    ("vision-language-action models", "METHOD"),  # what does a task (a "Task" in 4 papers at 10k)
    ("Text-to-video generative models", "METHOD"),
    ("object detection models", "TASK"),  # the task's models: the head is cut, the task stays
])
def test_models_of_a_kind_are_methods_and_a_tasks_models_are_the_task(nlp, text, label):
    span = _span(nlp, f"We study {text} in this work.", text, "TASK")
    assert checked_label(span.doc, span, {}, set(), {}) == label


def test_a_modality_written_with_its_acronym_is_still_a_modality(nlp):
    # "a Task" in 14 papers of the 10k graph, the model's span taking the definition in
    sentence = "Scans were taken with Magnetic Resonance Imaging (MRI) at 3T."
    assert is_junk(_span(nlp, sentence, "Magnetic Resonance Imaging (MRI)", "TASK"))
    assert not is_junk(_span(nlp, "We train Vision Transformers (ViT) on it.", "Vision Transformers (ViT)", "METHOD"))
    assert is_junk(_span(nlp, "We record IMU data from 12 subjects.", "IMU data", "DATASET"))  # judged a modality
    # an acronym first, its long form in parentheses: the acronym's other sense is not the modality
    assert not is_junk(_span(nlp, "We model CT (consistency training) for it.", "CT (consistency training)", "METHOD"))


@pytest.mark.parametrize("text,label", [
    ("few-shot object detection", "TASK"),  # a kind of a task the curated knowledge base names
    ("Few-Shot Object Detection", "TASK"),
    ("self-supervised depth estimation", "TASK"),
    ("explicit reasoning", "METHOD"),  # a bare head says how, not which task
    ("autoregressive video generation model", "METHOD"),  # ends in no task's word
])
def test_a_method_reading_of_a_kind_of_known_task_is_the_task(nlp, text, label):
    span = _span(nlp, f"We study {text} in this work.", text, "METHOD")
    assert checked_label(span.doc, span, {}, set(), {}) == label


@pytest.mark.parametrize("text,label", [
    ("agent-based retrieval-augmented generation", "METHOD"),  # a kind of a method the curated knowledge base names
    ("personalized federated learning", "METHOD"),
    ("referring image segmentation", "TASK"),  # no method's name at its end
])
def test_a_task_reading_of_a_kind_of_known_method_is_the_method(nlp, text, label):
    span = _span(nlp, f"We study {text} in this work.", text, "TASK")
    assert checked_label(span.doc, span, {}, set(), {}) == label


def test_a_platform_data_is_taken_from_is_no_data_set_but_a_corpus_named_like_one_is(nlp):
    assert is_junk(_span(nlp, "We collect 5,000 clips from YouTube for training.", "YouTube", "DATASET"))
    assert not is_junk(_span(nlp, "We evaluate on the arXiv and PubMed datasets.", "PubMed", "DATASET"))
    # arXiv, Twitter and the Wall Street Journal were mostly rejected as data sets (session 53)
    assert is_junk(_span(nlp, "We collect abstracts from arXiv for training.", "arXiv", "DATASET"))
    assert not is_junk(_span(nlp, "Node classification on Reddit improves.", "Reddit", "DATASET"))
    # the services and literature databases a review searches (session 46)
    assert is_junk(_span(nlp, "We searched Scopus and Web of Science for studies.", "Web of Science", "DATASET"))
    assert is_junk(_span(nlp, "We use listings from Airbnb in three cities.", "Airbnb", "DATASET"))
    # operating systems an agent runs on (an "IOS" Benchmark of the 40k graph, session 58)
    for system in ("iOS", "Android", "macOS"):
        assert is_junk(_span(nlp, "Agents act on iOS, Android and macOS devices.", system, "BENCHMARK")), system
    assert not is_junk(_span(nlp, "Agents are scored on AndroidWorld.", "AndroidWorld", "BENCHMARK"))
    # a social platform and a notebook environment (both judges of session 58's seed 95)
    assert is_junk(_span(nlp, "We analyse posts from RedNote in 2024.", "RedNote", "METHOD"))
    assert is_junk(_span(nlp, "Students write code in a Jupyter Notebook each week.", "Jupyter Notebook", "METHOD"))


@pytest.mark.parametrize("sentence,text,label", [
    ("We classify chest X-rays from COVID-19 patients.", "COVID-19", "BENCHMARK"),
    ("Cortical surfaces were extracted with FreeSurfer.", "FreeSurfer", "DATASET"),
    ("We restore UHD images at 30 fps.", "UHD", "TASK"),
    ("The policy is trained with an accuracy reward and a format reward.", "accuracy reward", "METRIC"),
    ("High-Accuracy maps from sparse scans.", "High-Accuracy", "TASK"),
    ("It improves the precision-recall trade-off.", "precision-recall", "METRIC"),
    ("We report BLEU on English-Chinese and German to English.", "English-Chinese", "BENCHMARK"),
    ("We report BLEU on English-Chinese and German to English.", "German to English", "DATASET"),
    ("Targets are given in SAR images of ports.", "SAR images", "DATASET"),
    ("Plans are written in PDDL and code in C++.", "C++", "DATASET"),
    ("We rank first in Subtask 1 of the shared task.", "Subtask 1", "DATASET"),  # a shared task's part by number
    ("Models are served with SGLang on one GPU.", "SGLang", "DATASET"),  # a serving engine (session 44's seed 56)
])
def test_a_disease_a_resolution_a_tool_or_a_reward_term_is_no_entity(nlp, sentence, text, label):
    """Both of session 43's outside judges rejected each of them (5, 2, 11 and 6 papers of the 40k graph;
    an adjective, a trade-off and a translation direction in its final sample)."""
    assert is_junk(_span(nlp, sentence, text, label))


@pytest.mark.parametrize("sentence,text,label,junk", [
    ("Tracts were traced with Diffusion Tensor Imaging in 40 subjects.", "Diffusion Tensor Imaging", "METHOD", True),
    ("Dose is reduced in Low-Dose CT while keeping detail.", "Low-Dose CT", "METHOD", True),
    ("We screen for Diabetic retinopathy from fundus photos.", "Diabetic retinopathy", "METHOD", True),
    ("Patients with Parkinson's disease were recorded.", "Parkinson's disease", "TASK", True),
    ("Images were taken from an Unmanned Aerial Vehicle at noon.", "Unmanned Aerial Vehicle", "METHOD", True),
    ("We denoise Synthetic Aperture Radar images.", "Synthetic Aperture Radar", "METHOD", True),
    ("Gestures are sensed from radio frequency reflections.", "radio frequency", "METHOD", True),
    ("We segment tumours in BraTS MRI volumes.", "BraTS MRI", "DATASET", False),  # a name before the head
    ("We improve MRI reconstruction at 4x.", "MRI reconstruction", "TASK", False),  # a task's head
])
def test_a_modality_or_a_condition_named_by_its_head_is_no_entity(nlp, sentence, text, label, junk):
    assert is_junk(_span(nlp, sentence, text, label)) is junk


def test_an_acronym_its_paper_spells_out_as_a_modality_or_condition_is_no_entity():
    extractor = load_extractor("fast")
    (doc,) = extractor.extract([("p", "Diffusion Tensor Imaging (DTI) and Post-Traumatic Stress Disorder (PTSD) are "
                                      "studied with QuoxNet. DTI scans of PTSD patients are classified by QuoxNet.")], workers=1)
    texts = {m.text for m in doc.mentions}
    assert not texts & {"DTI", "PTSD", "Diffusion Tensor Imaging", "Post-Traumatic Stress Disorder"}, texts


def test_an_acronym_its_paper_spells_out_as_no_entity_is_none():
    """"question-answer (QA) pairs": QA is what the data is made of there, and
    bare QA elsewhere stays question answering (session 41: 52 papers of the
    40k graph had given QA a sense of its own, which took bare QA in others)."""
    extractor = load_extractor("fast")
    (pairs, task) = extractor.extract([
        ("p", "We construct question-answer (QA) pairs from manuals. The QA pairs train the retriever."),
        ("q", "We build QA datasets in native languages for question answering."),
    ], workers=1)
    assert not pairs.mentions
    assert {m.canonical for m in task.mentions} == {"questionanswering"}


def test_software_a_method_is_built_with_is_no_method(nlp):
    assert is_junk(_span(nlp, "The model is implemented in PyTorch and deployed with TensorRT.", "TensorRT", "METHOD"))
    assert is_junk(_span(nlp, "The model is implemented in PyTorch and deployed with TensorRT.", "PyTorch", "METHOD"))
    assert is_junk(_span(nlp, "The system employs a UAV with a camera.", "UAV", "METHOD"))  # hardware
    # session 41: frameworks and serving libraries outside judges met as Methods
    assert is_junk(_span(nlp, "A lightweight module built on the MindSpore framework.", "MindSpore", "METHOD"))
    assert is_junk(_span(nlp, "We serve the model with vLLM and train it with DeepSpeed.", "DeepSpeed", "METHOD"))
    # not vLLM, whose key is that of VLLMs (vision LLMs)
    assert not is_junk(_span(nlp, "Vision large language models (VLLMs) describe images.", "VLLMs", "METHOD"))
    # what QA data is made of is not question answering
    assert is_junk(_span(nlp, "We generate Question-Answer pairs from the documents.", "Question-Answer", "TASK"))
    # session 60: graphics interfaces, an annotation tool, a web security test (both judges of seed 100)
    assert is_junk(_span(nlp, "The viewer renders splats with WebGL in the browser.", "WebGL", "METHOD"))
    assert is_junk(_span(nlp, "Boxes were drawn with LabelImg by two annotators.", "LabelImg", "METHOD"))
    assert is_junk(_span(nlp, "Agents must solve a CAPTCHA to log in.", "CAPTCHA", "METHOD"))


@pytest.mark.parametrize("text,label", [
    ("multi-scale feature fusion", "METHOD"), ("bundle adjustment", "METHOD"), ("Chain-of-Thought prompting", "METHOD"),
    ("multi-focus image fusion", "TASK"), ("image fusion", "TASK"),  # fusing images is the task
])
def test_a_technique_read_as_a_task_is_a_method(nlp, text, label):
    span = _span(nlp, f"We study {text} in this work.", text, "TASK")
    assert checked_label(span.doc, span, {}, set(), {}) == label


def test_two_tasks_said_at_once_are_no_task_name(nlp):
    span = _span(nlp, "We study image and video generation here.", "image and video generation", "TASK")
    assert checked_label(span.doc, span, {}, set(), {}) is None
    span = _span(nlp, "We evaluate on Tanks and Temples.", "Tanks and Temples", "BENCHMARK")  # a name with "and"
    assert checked_label(span.doc, span, {}, set(), {}) == "BENCHMARK"


@pytest.mark.parametrize("text, kept", [
    ("We unify image and video generation in one model.", {"video generation"}),
    ("We study 2D and 3D anomaly detection on industrial parts.", {"anomaly detection"}),
    ("It does well on generative and classification tasks.", set()),  # kinds of task, not one
    ("We study tracking and reconstruction of hands.", set()),  # no known tail of two words or more
])
def test_of_two_tasks_said_at_once_the_known_last_one_stays(text, kept):
    (doc,) = load_extractor("fast").extract([("p", text)], workers=1)
    assert {m.text for m in doc.mentions if m.label == "TASK"} == kept


def test_a_listed_acronym_a_paper_spells_out_as_its_own_name_stays_there():
    extractor = load_extractor("fast")
    (doc,) = extractor.extract([("p", "We study geometry problem solving (GPS) with LLMs. GPS needs diagrams.")], workers=1)
    assert {m.canonical for m in doc.mentions if m.text == "GPS"} == {"geometryproblemsolving"}
    (doc,) = extractor.extract([("p", "We fuse GPS and IMU signals for localization.")], workers=1)
    assert not any(m.text == "GPS" for m in doc.mentions)  # the sensor


def test_a_known_name_ending_a_longer_hyphenated_name_is_not_that_name():
    extractor = load_extractor("fast")
    (doc,) = extractor.extract([("p", "We evaluate Tiny-ImageNet and DASH-OPT beside OPT and a low-latency GPT-4.")], workers=1)
    texts = {m.text for m in doc.mentions}
    assert "Tiny-ImageNet" in texts and "ImageNet" not in texts  # not the known ImageNet
    assert sum(m.text == "OPT" for m in doc.mentions) == 1  # the bare OPT, not DASH-OPT's
    assert "latency" not in texts and "GPT-4" in texts  # an adjective's part; a version stays joined


@pytest.mark.parametrize("sentence,found,not_found", [
    ("Extensive experiments on the standard benchmarks CIFAR-100 and Tiny ImageNet show that our method helps.",
     {"Tiny ImageNet"}, {"ImageNet"}),
    ("We evaluate our model in four highly competitive benchmarks (Moving MNIST, Human3.6M, Weather, KITTI).",
     {"Moving MNIST"}, {"MNIST"}),
    # a language's edition, a maker's name and a title's capitals leave the known name alone
    ("We train our models on the English Wikipedia and on Microsoft COCO for several epochs.",
     {"Wikipedia", "Microsoft COCO"}, {"English Wikipedia"}),
    ("Beyond ImageNet: A Study of Robust Training\nWe study robustness.", {"ImageNet"}, {"Beyond ImageNet"}),
    ("Our system took second place in the Interspeech 2025 ML-SUPERB 2.0 Challenge on speech.",
     {"2025 ML-SUPERB 2.0"}, {"Interspeech 2025 ML-SUPERB 2.0"}),  # a series before its edition's year
    # an abstract's sentence of names is no title, however many capitals it has
    ("Model Merging\nWe merge WizardLM, WizardMath, and Code Alpaca based on Llama 2.", {"Code Alpaca"}, {"Alpaca"}),
])
def test_a_capitalised_word_before_a_known_data_set_names_another_data_set(sentence, found, not_found):
    (doc,) = load_extractor("fast").extract([("p", sentence)], workers=1)
    texts = {m.text for m in doc.mentions}
    assert found <= texts and not (not_found & texts)


def test_a_capitalised_word_before_a_known_data_set_and_task_names_a_task():
    sentence = "In this paper, we rethink the Video TextVQA task from the view of each text instance in a clip."
    (doc,) = load_extractor("fast").extract([("p", sentence)], workers=1)
    assert {(m.text, m.label) for m in doc.mentions} == {("Video TextVQA", "TASK")}
    sentence = ("The video text-based visual question answering (Video TextVQA) task answers questions on clips. "
                "We study how Video TextVQA models read the text in every frame.")
    (doc,) = load_extractor("fast").extract([("p", sentence)], workers=1)
    assert {m.label for m in doc.mentions if m.text == "Video TextVQA"} == {"TASK"}  # said a task once: the task


@pytest.mark.parametrize("sentence,found,not_found", [
    ("Unsafe rates drop on MM-SafetyBench and Video-SafetyBench.", {"MM-SafetyBench", "Video-SafetyBench"}, {"SafetyBench"}),
    ("We compare with T2I-CompBench scores.", {"T2I-CompBench"}, {"CompBench"}),
    ("Traffic grows on 5G networks this year.", set(), {"G networks"}),  # a piece of a word
    # ending inside a word, or on a year without the series it is an edition of (session 30)
    ("Automatic evaluation benchmarks such as MT-Bench, Arena-Hard, and Auto-Arena are seeing growing adoption.",
     {"Auto-Arena", "Arena-Hard"}, {"Auto-"}),
    ("DSCLoRA ranked first in the Overall Performance Track of the NTIRE 2025 Efficient Super-Resolution Challenge.",
     {"NTIRE 2025 Efficient Super-Resolution"}, {"2025 Efficient Super-Resolution"}),
])
def test_a_span_cut_inside_a_word_or_a_name_is_the_longer_name_or_nothing(sentence, found, not_found):
    (doc,) = load_extractor("fast").extract([("p", sentence)], workers=1)
    texts = {m.text for m in doc.mentions}
    assert found <= texts and not texts & not_found, texts


def test_a_name_the_field_writes_with_a_capital_used_as_a_common_noun_is_no_name():
    (doc,) = load_extractor("fast").extract([("p", "Since the inception of CNNs, Inception and ResNet improved detection.")], workers=1)
    assert [m.text for m in doc.mentions if m.canonical == "inception"] == ["Inception"]


def test_bare_tracking_is_no_task_but_its_kinds_are():
    (doc,) = load_extractor("fast").extract(
        [("p", "We improve visual object tracking on LaSOT; tracking under occlusion remains hard for eye tracking.")],
        workers=1)
    texts = {m.text for m in doc.mentions}
    assert "tracking" not in texts and "visual object tracking" in texts, texts


def test_a_board_a_model_runs_on_a_study_design_and_a_field_are_no_entities():
    # session 61: ESP32-CAM (a Method) and Jetson AGX Orin (a Benchmark), 2 papers each of the 40k graph; both
    # judges of seed 105 rejected ESP32-CAM, NeuroAI and "randomized controlled trial"
    (doc,) = load_extractor("fast").extract(
        [("p", "We deploy YOLOv8 on an ESP32-CAM and a Jetson AGX Orin, and run a randomized controlled trial. "
               "NeuroAI bridges neuroscience and AI.")], workers=1)
    texts = {m.text for m in doc.mentions}
    assert not texts & {"ESP32-CAM", "Jetson AGX Orin", "randomized controlled trial", "NeuroAI"} and "YOLOv8" in texts, texts


def test_software_a_technology_and_lip_sync_measures_are_what_judges_read():
    # session 61: both judges of seed 106 (and of seed 98 for LSE-D)
    (doc,) = load_extractor("fast").extract(
        [("p", "Slides made in PowerPoint describe Vehicle-to-Everything (V2X) systems tested on V2X-Sim; "
               "our talking-face model lowers LSE-D and raises LSE-C.")], workers=1)
    found = {m.text: m.label for m in doc.mentions}
    assert not set(found) & {"PowerPoint", "Vehicle-to-Everything", "V2X"} and "V2X-Sim" in found, found
    assert found.get("LSE-D") == "METRIC" and found.get("LSE-C") in (None, "METRIC"), found


def test_bare_guidance_is_no_entity_but_its_kinds_are():
    # session 61: read as a Task by 12 of its 21 papers of the 40k graph, a method by 9; no entity to both
    # judges of seeds 102 and 105
    for text in ("We discuss using CLIP as a guidance mechanism during generative processes, such as style transfer.",
                 "The module serves as an implicit regularization for guidance, struggling with region-level features."):
        (doc,) = load_extractor("fast").extract([("p", text)], workers=1)
        assert not {m.text for m in doc.mentions} & {"guidance", "guidance mechanism"}, doc.mentions
    (doc,) = load_extractor("fast").extract([("p", "We add classifier-free guidance to the sampler.")], workers=1)
    assert "classifier-free guidance" in {m.text for m in doc.mentions}


@pytest.mark.parametrize("text,acronym,key", [
    # a data set's letters spelled out as another name, a task or a method are that paper's (session 29)
    ("We propose Controlling Large Language Models with Latent Actions (CoLA). CoLA helps.", "CoLA",
     "controllingllmlatentaction"),
    ("We integrate Chart Question Answering (ChartQA) with grounding. ChartQA needs charts.", "ChartQA",
     "chartquestionanswering"),
    ("We adopt Grouped-Query Attention (GQA) to cut memory. GQA keeps accuracy.", "GQA", "groupedqueryattention"),
    # elsewhere they are the data sets
    ("Results on GLUE tasks including SST-2, MRPC and CoLA improve.", "CoLA", "cola"),
    ("It scores 66.7 on ChartQA and 75.9 on DocVQA.", "ChartQA", "chartqa"),
])
def test_a_data_sets_acronym_spelled_out_as_something_else_is_that_papers(text, acronym, key):
    (doc,) = load_extractor("fast").extract([("p", text)], workers=1)
    assert {m.canonical for m in doc.mentions if m.text == acronym} == {key}


def test_a_known_short_name_inside_a_longer_known_name_is_the_longer_one():
    """MVTec is MVTec AD's short name; "MVTec LOCO AD" and "MVTec 3D" are other data sets (session 43)."""
    (doc,) = load_extractor("fast").extract([("p", "We evaluate on MVTec LOCO AD, MVTec 3D and MVTec, and on Real3D-AD.")],
                                            workers=1)
    assert {m.canonical for m in doc.mentions} == {"mvteclocoad", "mvtec-3-dad", "mvtecad", "real-3-dad"}


def test_a_domain_is_no_data_set():
    """"RS domain", "RAW domain": where data comes from (session 43's outside sample of the 40k graph)."""
    (doc,) = load_extractor("fast").extract([("p", "We adapt CogVideoX from the RS domain to the RAW domain on Office-Home.")],
                                            workers=1)
    assert {m.text for m in doc.mentions if m.label in ("DATASET", "BENCHMARK")} == {"Office-Home"}



@pytest.mark.parametrize("title,text,kept", [
    ("Occlusion Robust Network for Accurate 3D Interacting Hand-Object Pose Estimation", "3D Interacting", False),
    ("AIM2PC: Aerial Image to 3D Building Point Cloud Reconstruction", "3D Building", False),
    ("Open-Vocabulary 3D Scene Understanding With Gaussian Fields", "Open-Vocabulary 3D Scene Understanding", True),
    ("Fast 4D Generation for Dynamic Scenes", "4D Generation", True),
    ("Scaling GPT-4 Agents Beyond Chat", "GPT-4 Agents", True),  # a name's shape besides the dimension
    ("We study 3D building reconstruction from aerial images.", "3D building", True),  # no title
])
def test_a_title_phrase_the_model_cut_after_a_dimension_is_no_name(nlp, title, text, kept):
    """Session 59: "3D Interacting", "3D Building", "4D Driving" were visible Tasks of the 40k graph,
    each made of two papers' titles the model cut short; a dimension is no name's shape there."""
    doc = nlp.make_doc(title)
    for name in ("sentencizer", "paperkg_line_breaks"):
        doc = nlp.get_pipe(name)(doc)
    start = title.index(text)
    doc.ents = [doc.char_span(start, start + len(text), label="TASK")]
    assert bool(nlp.get_pipe("paperkg_span_filter")(doc).ents) == kept


def test_seed_107s_misses_are_what_the_judges_read():
    # session 62: both judges of seed 107 (and of seed 102 for Optical-SAR, of seed 106 for fractional anisotropy)
    texts = ["We quantize Llama-2-7B to W4A4 settings.", "We fuse LiDAR-Camera data.", "LiDAR-Camera methods are strong.",
             "We align Optical-SAR images.", "Long-context (LC) models are strong.", "We study English translation.",
             "Outputs are scored by an LLM judge.", "We compute fractional anisotropy maps from DTI.",
             "We compare with Delta Denoising Score."]
    docs = load_extractor("fast").extract([(str(i), text) for i, text in enumerate(texts)], workers=1)
    found = {m.text: m for doc in docs for m in doc.mentions}
    assert not [text for text in found if any(word in text for word in (
        "W4A4", "LiDAR-Camera", "Optical-SAR", "Long-context", "LC", "English"))] and "Llama-2-7B" in found, found
    assert found["LLM judge"].canonical == gazetteer.canonical("LLM-as-a-Judge"), found["LLM judge"]
    assert found["fractional anisotropy"].label == "METRIC", found
    assert found["Delta Denoising Score"].label == "METHOD", found


def test_seed_108s_misses_are_what_the_judges_read():
    # session 62: both judges of seed 108 (and of seeds 105 and 107 for the scores and accuracies)
    texts = ["We use Extreme Gradient Boosting and XGBoost.", "Expression recognition from faces is hard.",
             "We report AI accuracy, ASR accuracy and the LLM-as-a-Judge score.", "LegalAI systems matter.",
             "The FAIRness of data matters.", "The confidence score of the model was 0.9."]
    docs = load_extractor("fast").extract([(str(i), text) for i, text in enumerate(texts)], workers=1)
    found = {m.text: m for doc in docs for m in doc.mentions}
    assert found["Extreme Gradient Boosting"].canonical == found["XGBoost"].canonical, found
    assert found["Expression recognition"].canonical == gazetteer.canonical("facial expression recognition"), found
    assert not set(found) & {"AI accuracy", "ASR accuracy", "LLM-as-a-Judge score", "LegalAI", "FAIRness",
                             "confidence score"}, found


@pytest.mark.parametrize("sentence,text,label", [
    # session 62: both judges of seed 109 (and of seed 106 for PASC and supervised classification)
    ("Patients with Post-Acute Sequelae of COVID-19 were followed.", "Post-Acute Sequelae of COVID-19", "DATASET"),
    ("Patients with PASC were followed.", "PASC", "DATASET"), ("We train on Synthetic data.", "Synthetic data", "DATASET"),
    ("We compare supervised classification and clustering.", "supervised classification", "TASK"),
    ("Models quantized to W4A4/A8 keep accuracy.", "W4A4/A8", "BENCHMARK"), ("Weights are in NF4.", "NF4", "METHOD"),
    ("Models of 1B--7B parameters are compared.", "1B--7B", "METHOD"),
    # seeds 99 and 106: a language with its noun-class prefix, a trade body, software, cells, a material
    ("We translate into Isi-Xhosa.", "Isi-Xhosa", "METHOD"), ("We use the Interactive Advertising Bureau taxonomy.", "Interactive Advertising Bureau", "METHOD"),
    ("Data is kept in SQLite.", "SQLite", "DATASET"), ("We count WBC in smears.", "WBC", "DATASET"),
    ("We grow MoS2 films.", "MoS2", "METHOD"),
    # seed 110: a venue, an input setting, a property
    ("Accepted at ACM MM 25.", "ACM MM 25", "METHOD"), ("We render from Sparse RGB Views.", "Sparse RGB Views", "DATASET"),
    ("We report complexity of 3.2.", "complexity", "METRIC"),
    # seed 111: a word for made-up data, a trade-off, an annotation phenomenon, a step, a kind of embedding
    ("We train on SYNthetic and real scans.", "SYNthetic", "DATASET"),
    ("Agents balance the exploration-exploitation trade-off.", "exploration-exploitation trade-off", "TASK"),
    ("We model human label variation.", "human label variation", "METHOD"),
    ("A multimodal parsing step follows.", "multimodal parsing", "TASK"),
    ("We learn vision-language representations.", "vision-language representations", "TASK"),
])
def test_judged_non_entities_of_session_62_are_no_names(nlp, sentence, text, label):
    assert is_junk(_span(nlp, sentence, text, label))


def test_a_suspended_prefix_in_a_list_of_models_is_no_name():
    (doc,) = load_extractor("fast").extract(
        [("p", "Baselines such as GPT-4o, FLUX.1 and OmniGen2 are compared, and MIL- and VLM-based methods fail.")], workers=1)
    found = {m.text for m in doc.mentions}
    assert "OmniGen2" in found and "MIL-" not in found, found


@pytest.mark.parametrize("sentence,text,label", [
    # session 63: both judges of seeds 112, 114 and 115, and the verdicts on file for each
    ("A video DeepFake benchmark is built.", "DeepFake", "BENCHMARK"), ("Images are ultra-high resolution.", "ultra-high resolution", "TASK"),
    ("We tile UHR images.", "UHR", "TASK"), ("Answers are multiple choice.", "multiple choice", "TASK"),
    ("Each Bounding Box is drawn.", "Bounding Box", "METHOD"), ("It improves natural language reasoning.", "natural language reasoning", "TASK"),
    ("We study sequential prediction.", "sequential prediction", "TASK"), ("We follow PRISMA-ScR.", "PRISMA-ScR", "DATASET"),
    ("Designs are written in UML.", "UML", "METHOD"), ("Code-switching is common in speech.", "Code-switching", "METHOD"),
    ("Inversion of the image follows.", "Inversion", "TASK"), ("It improves zero-shot reasoning.", "zero-shot reasoning", "TASK"),
    ("It improves multi-turn reasoning.", "multi-turn reasoning", "TASK"), ("Depth from RGB and NIR images.", "NIR", "BENCHMARK"),
    ("Robots navigate GNSS-denied environments.", "GNSS-denied environments", "TASK"),
    ("We speed up indexing of videos.", "indexing", "TASK"), ("We run a bias analysis.", "bias analysis", "TASK"),
    ("AI-Powered tutors help.", "AI-Powered", "METHOD"), ("The detection time is 3 ms.", "detection time", "METRIC"),
    ("Long-Context Transformer Models are slow.", "Long-Context Transformer Models", "METHOD"),
    ("We study reasoning generation.", "reasoning generation", "TASK"),
    ("It eases MLOps for teams.", "MLOps", "TASK"), ("Triples are stored in RDF.", "RDF", "METHOD"),
    ("We follow human-centered AI.", "human-centered AI", "METHOD"), ("Radios follow O-RAN.", "O-RAN", "METHOD"),
    ("We detect AI-generated text.", "AI-generated text", "DATASET"), ("MIL advanced WSI analysis.", "WSI analysis", "TASK"),
    ("It improves vision-language modeling.", "vision-language modeling", "TASK"),
    ("It improves visual-textual alignment.", "visual-textual alignment", "TASK"),
    ("We run issue detection.", "issue detection", "TASK"), ("We run interaction detection.", "interaction detection", "TASK"),
    ("We run dense segmentation.", "dense segmentation", "TASK"), ("The retrieval time is 3 ms.", "retrieval time", "METRIC"),
    ("We segment FLAIR MRI scans.", "FLAIR MRI", "METHOD"), ("A Digital Terrain Model is built.", "Digital Terrain Model", "METHOD"),
    ("We model multivariate time series.", "multivariate time series", "METHOD"),
    ("Semantic similarity measures are used.", "Semantic similarity measures", "METHOD"),
    ("We avoid English-centric training.", "English-centric training", "METHOD"),
    ("Data come from San Francisco.", "San Francisco", "DATASET"), ("We audit LLM applications.", "LLM applications", "TASK"),
    ("The service is RESTful.", "RESTful", "METHOD"), ("We answer competency questions.", "competency questions", "DATASET"),
    ("We upscale low-resolution images.", "low-resolution images", "TASK"), ("We read Manchu texts.", "Manchu", "DATASET"),
    ("We track Sustainable Development Goals.", "Sustainable Development Goals", "METHOD"),
    ("We screen abdominal aortic aneurysms.", "abdominal aortic aneurysms", "METHOD"),
    ("The interpupillary distance was set.", "interpupillary distance", "METRIC"), ("TinyML devices run it.", "TinyML", "METHOD"),
    ("We segment Cardiac Magnetic Resonance images.", "Cardiac Magnetic Resonance", "TASK"),
    ("It improves hierarchical reasoning.", "hierarchical reasoning", "TASK"), ("LLMs show deception.", "deception", "TASK"),
    # session 64: both judges of seeds 124 and 125, and every verdict on file for each
    ("Features show neural collapse.", "neural collapse", "METHOD"), ("Data come from NASA.", "NASA", "BENCHMARK"),
    ("The QU-NLP team ranked first.", "QU-NLP", "METHOD"), ("Results of the Live Challenge Day follow.", "Live Challenge Day", "BENCHMARK"),
    ("Results on MATH and Olympiad improve.", "Olympiad", "BENCHMARK"), ("We speed up mask generation.", "mask generation", "TASK"),
    ("We run spatial selection.", "spatial selection", "TASK"), ("We advance Multi-Modal Medical AI.", "Multi-Modal Medical AI", "TASK"),
    ("We run Object Presence Detection.", "Object Presence Detection", "TASK"),
    ("We animate 3D Gaussian Avatars.", "3D Gaussian Avatars", "METHOD"),
    ("We compare Data-Driven and RL Strategies.", "Data-Driven and RL Strategies", "METHOD"),
    ("We study severity prediction.", "severity prediction", "TASK"),
    ("We study zero-shot detection.", "zero-shot detection", "TASK"), ("We study cross-domain detection.", "cross-domain detection", "TASK"),
    ("The service is API-first.", "API-first", "METHOD"), ("We advance fMRI analysis.", "fMRI analysis", "TASK"),
    ("We generate a Digital Surface Model.", "Digital Surface Model", "METHOD"),
    ("We run a human-in-the-loop pipeline.", "human-in-the-loop pipeline", "METHOD"),
    ("We add token-level reconstruction.", "token-level reconstruction", "TASK"), ("A SolverLLM answers.", "SolverLLM", "METHOD"),
    ("We run point detection.", "point detection", "TASK"), ("The map accuracy rises.", "map accuracy", "METRIC"),
    ("We treat acute ischemic stroke.", "acute ischemic stroke", "METHOD"), ("We study Affective Computing.", "Affective Computing", "METHOD"),
    ("We use an LLM-in-the-Loop design.", "LLM-in-the-Loop", "METHOD"), ("Lightweight LLMs run on phones.", "Lightweight LLMs", "METHOD"),
    ("We render PBR materials.", "PBR materials", "DATASET"), ("We help document editing.", "document editing", "TASK"),
    ("We run video detection.", "video detection", "TASK"), ("We run vector extraction.", "vector extraction", "TASK"),
    ("The LLM score rises.", "LLM score", "METRIC"),
    ("We evaluate Clay V1.5 on floods.", "V1.5", "METHOD"),  # a bare release (session 64)
    # session 64's final samples (seeds 130 and 131)
    ("CAD models use Boundary Representation.", "Boundary Representation", "METHOD"),
    ("We segment the Circle of Willis.", "Circle of Willis", "METHOD"), ("We map land use and land cover.", "land use and land cover", "METHOD"),
    ("We study Discrete Optimization.", "Discrete Optimization", "TASK"), ("It improves Augmented Generation.", "Augmented Generation", "TASK"),
    ("We run Real-world Simulation.", "Real-world Simulation", "TASK"), ("We study adaptive planning.", "adaptive planning", "TASK"),
    ("We study Chinese question answering.", "Chinese question answering", "TASK"),
    ("We study data reconstruction.", "data reconstruction", "TASK"), ("We add a Context-Aware MoE.", "Context-Aware MoE", "METHOD"),
    ("We build SfM-free 3D Gaussian Splatting.", "SfM-free 3D Gaussian Splatting", "METHOD"),
])
def test_judged_non_entities_of_sessions_63_and_64_are_no_names(nlp, sentence, text, label):
    assert is_junk(_span(nlp, sentence, text, label))


def test_seed_114s_and_115s_known_names():
    # session 63: both judges of seeds 113 and 114 (2D object detection, facial recognition), 112 (sparse and
    # multi-vector retrieval), 114 (temporal point processes) and 115 (visual parsing)
    assert gazetteer.canonical("2D object detection") == gazetteer.canonical("object detection")
    assert gazetteer.canonical("facial recognition") == gazetteer.canonical("face recognition")
    assert {name: gazetteer.lookup(name) for name in ("sparse retrieval", "multi-vector retrieval", "temporal point process",
                                                      "visual parsing")} == {
        "sparse retrieval": "METHOD", "multi-vector retrieval": "METHOD", "temporal point process": "METHOD",
        "visual parsing": "TASK"}


def test_seed_116s_and_117s_known_names():
    # session 63: both judges of seeds 116 and 117
    assert {name: gazetteer.lookup(name) for name in (
        "emotional support conversation", "root cause analysis", "SOTOPIA", "DreamSim", "Microsoft Copilot", "LeWiDi-2025",
        "NW-UCLA")} == {
        "emotional support conversation": "TASK", "root cause analysis": "TASK", "SOTOPIA": "BENCHMARK", "DreamSim": "METRIC",
        "Microsoft Copilot": "METHOD", "LeWiDi-2025": "BENCHMARK", "NW-UCLA": "DATASET"}
    assert gazetteer.canonical("NW-UCLA") == gazetteer.canonical("Northwestern-UCLA")
    assert gazetteer.canonical("large foundation models") == gazetteer.canonical("foundation model")
    assert kb.lookup("Auxiliary Classifier") is None  # a part many models have (name review)
    assert kb.lookup("Primer") is None  # a kind of article (name review, seed 119)
    assert gazetteer.lookup("RETFound") == "METHOD"  # read as data (seed 119)
    # seeds 120 and 121: a task, a training approach, a challenge, a measure and its plural, large reasoning models
    # (multi-dataset training, a method here, is no entity since session 66: tests/test_judged_census.py)
    assert {name: gazetteer.lookup(name) for name in ("fact checking", "MLC-SLM", "SNR")} == {
        "fact checking": "TASK", "MLC-SLM": "BENCHMARK", "SNR": "METRIC"}
    assert gazetteer.canonical("signal-to-noise ratios") == gazetteer.canonical("SNR")
    assert gazetteer.canonical("large reasoning language models") == gazetteer.canonical("LRM")
    assert gazetteer.canonical("SSv2") == gazetteer.canonical("Something-Something V2")  # seed 122
    (doc,) = load_extractor("fast").extract([("p", "It works under low signal-to-noise ratios (SNRs) at long range.")], workers=1)
    assert {(m.text, m.label) for m in doc.mentions} == {("signal-to-noise ratios", "METRIC"), ("SNRs", "METRIC")}


def test_a_makers_possessive_is_no_part_of_a_models_name():
    # session 63: "OpenAI's text-embedding-3-large" was a Method of its own (a duplicate to both judges of seed 122)
    (doc,) = load_extractor("fast").extract([("p", "We embed with OpenAI's text-embedding-3-large and Google's Vertex AI, "
                                                   "use OpenAI's o1 and MLLM's GRPO, and report Kendall's tau.")], workers=1)
    found = {m.text for m in doc.mentions}
    assert {"text-embedding-3-large", "Vertex AI", "OpenAI's o1", "GRPO", "Kendall's tau"} <= found, found
    assert not {"OpenAI's text-embedding-3-large", "Google's Vertex AI", "MLLM's GRPO"} & found, found


def test_seed_124s_and_125s_known_names():
    # session 64: both judges of seeds 124 and 125 (and the verdicts on file)
    assert {name: gazetteer.lookup(name) for name in (
        "speech translation", "cross-attention", "CKA", "RadImageNet", "Montreal Forced Aligner", "multi-view clustering",
        "CAPT", "RGB-D SLAM", "LVU")} == {
        "speech translation": "TASK", "cross-attention": "METHOD", "CKA": "METRIC", "RadImageNet": "DATASET",
        "Montreal Forced Aligner": "METHOD", "multi-view clustering": "TASK", "CAPT": "TASK", "RGB-D SLAM": "TASK",
        "LVU": "BENCHMARK"}
    assert gazetteer.canonical("speech-to-text translation") == gazetteer.canonical("speech translation")
    assert gazetteer.canonical("cross-attention modules") == gazetteer.canonical("cross-attention")
    # seeds 126 and 127
    assert {name: gazetteer.lookup(name) for name in ("STRIPS", "SceneScript", "FruitNeRF", "Diffusion Policy", "RS VQA")} == {
        "STRIPS": "METHOD", "SceneScript": "METHOD", "FruitNeRF": "METHOD", "Diffusion Policy": "METHOD", "RS VQA": "TASK"}
    assert gazetteer.canonical("image QA") == gazetteer.canonical("VQA")
    assert kb.lookup("SWAG") is None  # the data set's only paper meant SWA-Gaussian (name review, seed 126)
    # seeds 128 and 129
    # (selective retrieval, a method here, is no entity since session 66: tests/test_judged_census.py)
    assert {name: gazetteer.lookup(name) for name in ("AgentHarm", "MedXpert")} == {
        "AgentHarm": "BENCHMARK", "MedXpert": "BENCHMARK"}
    assert gazetteer.canonical("MedXpert") == gazetteer.canonical("MedXpertQA")
    assert gazetteer.canonical("text-to-SQL reasoning") == gazetteer.canonical("Text-to-SQL")
    assert gazetteer.canonical("text-based QA") == gazetteer.canonical("question answering")
    # the final samples (seeds 130 and 131)
    assert {name: gazetteer.lookup(name) for name in ("G2P", "NRC VAD Lexicon", "Cell Painting", "minimum mean squared error")} == {
        "G2P": "TASK", "NRC VAD Lexicon": "DATASET", "Cell Painting": "METHOD", "minimum mean squared error": "METHOD"}
    assert gazetteer.canonical("medical imaging segmentation") == gazetteer.canonical("medical image segmentation")
    assert gazetteer.canonical("Atari 2600 games") == gazetteer.canonical("Atari games") == gazetteer.canonical(
        "Arcade Learning Environment")  # a judge of seed 125: a duplicate
    (doc,) = load_extractor("fast").extract([("p", "It reaches an Olympiad-level score on OlympiadBench.")], workers=1)
    assert "Olympiad" not in {m.text for m in doc.mentions}


def test_seed_110s_known_names():
    # session 62: both judges of seed 110 (and of seeds 107 and 109 for iterative retrieval)
    assert gazetteer.lookup("DOTA-v1.5") == "DATASET" and gazetteer.lookup("iterative retrieval") == "METHOD"
    assert gazetteer.canonical("2WikiMultiHop") == gazetteer.canonical("2WikiMultiHopQA")
