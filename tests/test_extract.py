"""The shipped extraction pipeline on real and adversarial text."""
from __future__ import annotations

import json

import pytest

from ingest.extract import ExtractInputError, extract_jsonl, load_extractor
from ingest.extract.corpora import read_gold
from ingest.evaluate import score
from ingest.normalize import alias_key
from tests.conftest import GOLD


@pytest.fixture(scope="module")
def extractor():
    return load_extractor("fast")


def extract_one(extractor, text):
    (doc,) = extractor.extract([("t", text)])
    return doc


def by_text(doc):
    return {m.text: m for m in doc.mentions}


ADVERSARIAL = [
    "",
    "   \n\t  ",
    "(((( ))))",
    "<p>We use <b>BERT</b> on the <a href='x'>GLUE</a> benchmark.</p>&nbsp;&amp;",
    "Nous proposons un nouveau modèle (NNM) évalué sur ImageNet. 我们在 CIFAR-10 上评估 GPT-4。",
    "Ｕｎｉｃｏｄｅ ＢＥＲＴ ﬁne-tuning\u200b zero\u200dwidth\u00a0nbsp 𝔽𝕒𝕟𝕔𝕪 🤖 (🤖) e\u0301",
    "A (B) (C (D)) [[E]] GPT-4o-mini-2024 (GPT-4o-mini-2024) ((",
    "\u0000\u0001 control \ufffd replacement \ud7ff",
    "word " * 10_000 + "We evaluate ResNet-50 on ImageNet.",
    "x" * 30_000 + " We propose Llama-3-8B-Instruct (L3I).",
]


@pytest.mark.parametrize("text", ADVERSARIAL, ids=range(len(ADVERSARIAL)))
def test_offsets_always_index_the_text(extractor, text):
    doc = extract_one(extractor, text)
    for m in doc.mentions:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
        assert m.sentence_start <= m.start and m.end <= m.sentence_end


def test_long_text_keeps_entities_after_the_cut(extractor):
    doc = extract_one(extractor, ADVERSARIAL[8])
    assert {"ResNet-50", "ImageNet"} <= set(by_text(doc))


def test_documents_come_back_in_order(extractor):
    ids = [str(i) for i in range(150)]
    out = [d.id for d in extractor.extract(((i, f"Doc {i} uses BERT.") for i in ids), batch_size=16)]
    assert out == ids


def test_acronym_definition_links_both_forms(extractor):
    doc = extract_one(extractor, "We present the Segment Anything Model (SAM) for segmentation. SAM is promptable.")
    found = by_text(doc)
    assert found["Segment Anything Model"].aliases == ("SAM",)
    assert found["SAM"].canonical == found["Segment Anything Model"].canonical
    assert sum(m.text == "SAM" for m in doc.mentions) == 2
    assert found["Segment Anything Model"].label == found["SAM"].label == "METHOD"


@pytest.mark.parametrize("text", [
    "Title\n\nPseudo-Label Selection (PLS): a selection method for removing low-quality pseudo-labeled images.",
    "We add Pseudo-Label Selection (PLS); it removes low-quality pseudo-labeled images.",
])
def test_a_definition_closed_by_a_colon_is_a_definition(extractor, text):
    """spaCy keeps "):" whole as an emoticon; the paper's PLS is its own
    definition, not the knowledge base's partial least squares."""
    found = by_text(extract_one(extractor, text))
    assert found["PLS"].canonical == found["Pseudo-Label Selection"].canonical == "pseudolabelselection"


def test_unknown_acronym_takes_label_of_its_long_form(extractor):
    doc = extract_one(extractor, "We study Error Feedback Optimization (EFO) in distributed training.")
    found = by_text(doc)
    assert "EFO" in found and found["EFO"].canonical == found["Error Feedback Optimization"].canonical


@pytest.mark.parametrize("text, long_form, acronym, spelled", [
    ("Retrieval over structured knowledge graphs (KGs) helps. KGs are sparse.", "structured knowledge graphs", "KGs",
     "knowledge graphs"),
    ("We study Video Moment Retrieval (MR) on long videos.", "Video Moment Retrieval", "MR", "Moment Retrieval"),
    # the letters spell the whole, the field knows the whole, or a dimension sets it apart: the whole is the name
    ("We study person re-identification (ReID) in crowds.", "person re-identification", "ReID",
     "person re-identification"),
    ("We study 3D human pose estimation (HPE) from video.", "3D human pose estimation", "HPE",
     "3D human pose estimation"),
    ("We apply Sequential Minimal Optimization (SMO) to the dual.", "Sequential Minimal Optimization", "SMO",
     "Sequential Minimal Optimization"),
    # every word's initial: the whole, though the letters also open one word ("ADAptation")
    ("Active Domain Adaptation (ADA) adapts models to target domains by selective labels.", "Active Domain Adaptation",
     "ADA", "Active Domain Adaptation"),
])
def test_a_definition_is_keyed_by_the_words_its_acronym_spells(extractor, text, long_form, acronym, spelled):
    """The span keeps a kind's words before the long form; the pair is the
    entity the letters name (`acronyms.spelled_part`)."""
    found = by_text(extract_one(extractor, text))
    assert long_form in found and found[long_form].canonical == found[acronym].canonical == alias_key(spelled)


@pytest.mark.parametrize("text, long_form, acronym, kind", [
    ("We study medical question answering (QA) with LLMs. QA systems err.", "medical question answering", "QA",
     "medical question answering"),
    ("Retrieval is central to multi-hop question answering (QA). Downstream QA models then read less.",
     "multi-hop question answering", "QA", "multi-hop question answering"),
])
def test_a_kinds_acronym_the_knowledge_base_knows_for_its_last_words_is_theirs(extractor, text, long_form, acronym,
                                                                                kind):
    """Session 62: "multi-hop question answering (QA)" had made the paper's
    bare QA ("downstream QA models") multi-hop QA's, and "QA" one of its forms
    (80 papers of the 40k graph, merged wrongly to both judges of seed 102)."""
    doc = extract_one(extractor, text)
    found = by_text(doc)
    assert found[long_form].canonical == alias_key(kind), found[long_form]
    assert {m.canonical for m in doc.mentions if m.text == acronym} == {alias_key("question answering")}


def test_versions_stay_distinct(extractor):
    text = "We compare GPT-3, GPT-4 and Llama-2-7B with ResNet-50 and ResNet-101 on CIFAR-10 and CIFAR-100."
    doc = extract_one(extractor, text)
    found = by_text(doc)
    for name in ("GPT-3", "GPT-4", "Llama-2-7B", "ResNet-50", "ResNet-101", "CIFAR-10", "CIFAR-100"):
        assert name in found, name
    assert len({found[n].canonical for n in found}) == len(found)


def test_a_version_is_of_a_name_the_field_versions(extractor):
    """Tasks have no versions, and a generic word is no name to version (session 30): MT2IE is
    coined on machine translation's letters, and Human3.6M is no version of "Human" (a gold
    corpus's human baseline, once a knowledge-base row)."""
    found = {m.text: m.label for m in extract_one(extractor, "We propose MT2IE, a fast parser, and compare it with GPT-4.").mentions}
    assert found.get("MT2IE") == "METHOD" and found.get("GPT-4") == "METHOD", found
    doc = extract_one(extractor, "Extensive evaluations on the Human3.6M and MPI-INF-3DHP benchmark datasets show gains.")
    assert {m.text: m.label for m in doc.mentions}.get("Human3.6M") in ("DATASET", "BENCHMARK")

def test_a_family_word_glued_after_a_known_name_is_part_of_the_name(extractor):
    """The model misses "Qwen2-Audio" whole and the gazetteer found the known Qwen2 in it: five
    models under one node (session 28's outside judge). Adjectives made of a name stay out."""
    doc = extract_one(extractor, "Compared to its base model, Qwen2-VL-2B, our model beats Qwen2-Audio and "
                                 "Qwen2.5-Omni, a BERT-Based model and a Quantization-Aware GPT-4.")
    texts = {m.text for m in doc.mentions}
    assert {"Qwen2-VL-2B", "Qwen2-Audio", "Qwen2.5-Omni"} <= texts, texts
    assert not texts & {"Qwen2", "Qwen2.5", "BERT-Based", "Quantization-Aware"}, texts



def test_a_variant_word_or_a_data_sets_resolution_after_a_space_is_part_of_the_name(extractor):
    """The model stops before "Pro"; 20 of 28 data names an annotator marked in
    40 seed abstracts were matched exactly with these, 15 without."""
    doc = extract_one(extractor, "We evaluate on HumanEval Pro and MBPP Pro, train on ImageNet 32x32, "
                                 "and compare Gemini 2.5 Pro with GPT-4 Turbo on the MMLU-Pro benchmarks.")
    found = {m.text: m.label for m in doc.mentions}
    assert {"HumanEval Pro", "MBPP Pro", "ImageNet 32x32", "Gemini 2.5 Pro", "GPT-4 Turbo", "MMLU-Pro"} <= set(found)
    # A title-cased name keeps its head; a campaign's edition is no data set of its own.
    doc = extract_one(extractor, "We pre-train on the Colossal Clean Crawled Corpus and took part in SemEval 2025.")
    found = {m.text for m in doc.mentions}
    assert "Colossal Clean Crawled Corpus" in found and "SemEval 2025" not in found


def test_a_task_of_a_shared_task_edition_is_one_name(extractor):
    """"SemEval-2025 Task 2" is one data set; "SemEval-2025" alone names the
    edition's ten tasks, and a task number without an edition is no name."""
    doc = extract_one(extractor, "HausaNLP at SemEval-2025 Task 2: Entity-Aware Fine-tuning in Machine Translation. "
                                 "We evaluate on SemEval-2014 Task 4 and on SemEval 2010 Task 8.")
    found = {m.text: m.label for m in doc.mentions}
    assert {"SemEval-2025 Task 2", "SemEval-2014 Task 4", "SemEval 2010 Task 8"} <= set(found)
    assert found["SemEval-2025 Task 2"] in ("DATASET", "BENCHMARK")
    assert len({m.canonical for m in doc.mentions if m.text.startswith("SemEval")}) == 3


def test_dataset_phrase_and_benchmark_rule(extractor):
    text = ("We collect the FooCorp dataset for training. We evaluate on the BarQA benchmark and on MMLU. "
            "Our model also beats baselines on VideoBench.")
    labels = {m.text: m.label for m in extract_one(extractor, text).mentions}
    assert labels["FooCorp"] == "DATASET"
    assert labels["BarQA"] == "BENCHMARK"
    assert labels["MMLU"] == "BENCHMARK"
    assert labels["VideoBench"] == "BENCHMARK"


def test_dataset_used_for_results_is_a_benchmark_throughout_the_abstract(extractor):
    text = "We pretrain on ImageNet. We report state-of-the-art results on ImageNet and COCO."
    labels = {(m.text, m.label) for m in extract_one(extractor, text).mentions}
    assert ("ImageNet", "BENCHMARK") in labels and ("ImageNet", "DATASET") not in labels


def test_training_data_stays_a_dataset(extractor):
    labels = {m.text: m.label for m in extract_one(extractor, "The model is trained on LAION-5B.").mentions}
    assert labels.get("LAION-5B") == "DATASET"


def test_proposed_entity_is_marked(extractor):
    doc = extract_one(extractor, "In this paper, we propose FlowNet-X, a network for optical flow. We compare with RAFT.")
    proposed = {m.text for m in doc.mentions if m.proposed}
    assert "FlowNet-X" in proposed


def test_generic_heads_are_not_entities(extractor):
    doc = extract_one(extractor, "Our approach and the proposed method outperform the model. A novel framework is built.")
    assert not {m.text.lower() for m in doc.mentions} & {"approach", "our approach", "method", "the model", "model",
                                                         "novel framework", "framework", "proposed method"}


def test_unknown_model_is_a_clear_error():
    with pytest.raises(ValueError, match="unknown extraction model 'huge'"):
        load_extractor("huge")


def test_extract_jsonl_round_trip(tmp_path):
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    rows = [{"id": "a", "title": "BERT: transformers", "text": "We fine-tune BERT on SQuAD."}, {"id": 2, "text": ""}]
    src.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    assert extract_jsonl(src, out, progress=False) == 2
    written = [json.loads(line) for line in out.read_text().splitlines()]
    assert [w["id"] for w in written] == ["a", "2"]
    for row, result in zip(rows, written):
        for ent in result["entities"]:
            source = row["title"] if ent["field"] == "title" else row["text"]
            assert source[ent["start"] : ent["end"]] == ent["text"]
            assert set(ent) >= {"start", "end", "label", "text", "canonical", "score"}


@pytest.mark.parametrize("line", ['{"id": "x"}', "not json", '["a"]', '{"id": "x", "text": 5}'])
def test_extract_jsonl_names_the_bad_line(tmp_path, line):
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "ok", "text": "fine"}\n\n' + line + "\n")
    with pytest.raises(ExtractInputError, match=r"in\.jsonl:3"):
        extract_jsonl(src, tmp_path / "out.jsonl", progress=False)
    assert not (tmp_path / "out.jsonl").exists()


# Floors sit well under the measured dev scores (docs/extraction.md), so they
# catch a broken model or rule, not ordinary noise.
GOLD_FLOORS = [("scierc.dev.jsonl", "scierc", 25, 0.25), ("gsap_ner.dev.jsonl", "gsap", 150, 0.50),
               ("scier.dev.jsonl", "scier", 3, 0.55)]


@pytest.mark.parametrize("file,corpus,limit,floor", GOLD_FLOORS)
def test_f1_on_gold_dev_records_is_above_floor(extractor, file, corpus, limit, floor):
    path = GOLD / file
    if not path.exists():
        pytest.skip(f"{path} not available")
    records = list(read_gold(path))[:limit]
    f1 = score(records, corpus, extractor).micro("exact").f1
    assert f1 >= floor, f"{corpus} F1 {f1:.3f} below {floor}"


@pytest.mark.parametrize("text,junk", [
    ("Extensive experiments on 16 datasets and 6 benchmarks show gains.", {"16", "6"}),
    ("This approach allowed us to train on a curated 1M dataset with INT8 weights.", {"1M", "INT8"}),
    ("We combine public-domain and permissively licensed text (e.g., CC-BY/Apache).", {"CC-BY", "CC-BY/Apache"}),
    ("The bounds scale as C_Psi / n, where C_Psi is a complexity measure.", {"C_Psi"}),
    ("Fine-tuning is the standard method for achieving state-of-the-art performance on NLP benchmarks.", {"NLP"}),
    ("Accompanied by SwissNYF, a comprehensive suite, we study tool planning.", {"Accompanied"}),
    # hardware: seeds 75 and 77's outside judges rejected ARM CPU (a Method) and H100 (a Benchmark)
    ("Our results on H100 and A100 show that Mamba runs faster than ResNet-50 on an ARM CPU and an RTX 3090 GPU.",
     {"H100", "A100", "ARM CPU", "RTX 3090 GPU"}),
])
def test_shape_filters_drop_non_entities(extractor, text, junk):
    found = {m.text for m in extract_one(extractor, text).mentions if m.label != "TASK" or m.text not in ("NLP",)}
    assert not found & junk


def test_natural_languages_are_not_data_sets(extractor):
    """The model reads languages evaluated on as data sets; the ISO 639-1 list
    (kb.language_names) drops them, and a variety named by plain words too.
    A name before the language keeps its benchmark."""
    (a, b, c) = extractor.extract([
        ("a", "We fine-tune the model on Hindi and Bengali and evaluate it on Modern Standard Arabic, "
              "where it improves accuracy on XNLI."),
        ("b", "Experiments on Basque, Galician and Traditional Chinese show that the method transfers across "
              "languages, and we test on the CLUE Chinese benchmark."),
        ("c", "We evaluate the model on Modern Standard Arabic (MSA) and Egyptian Arabic, and compare with PaLI."),
    ])
    found = {m.text for d in (a, b, c) for m in d.mentions}
    assert not found & {"Hindi", "Bengali", "Modern Standard Arabic", "Basque", "Galician", "Traditional Chinese",
                        "Modern Standard Arabic (MSA)", "MSA", "Egyptian Arabic"}
    assert "XNLI" in found and any(t.startswith("CLUE Chinese") for t in found)
    assert "PaLI" in found  # a model; Pali is a language


def test_where_data_comes_from_or_a_setting_across_data_sets_is_not_a_data_set(extractor):
    """Session 47's 40k samples: "Social Media" (6 papers), STEM and "Cross-dataset" (15, with
    "Cross-corpus (CC)" and "Cross-Task") were visible Datasets; outside judges rejected each."""
    (a, b) = extractor.extract([
        ("a", "We collect posts from social media (SM) platforms and from STEM courses. SM data is noisy."),
        ("b", "Results in the Cross-corpus (CC) setting and in Cross-dataset experiments show that transfer is hard."),
    ])
    labels = {m.text: m.label for d in (a, b) for m in d.mentions}
    assert not {text for text, label in labels.items() if label in ("DATASET", "BENCHMARK")}, labels



def test_software_file_formats_properties_and_devices_are_not_methods(extractor):
    """Visible Methods of the 40k graph every verdict on file rejected (session 47): MediaPipe (10 papers),
    PDF (6), FOV (13), VHR (6), ME "micro-expression" (12), HMD "head-mounted displays" (9)."""
    (doc,) = extractor.extract([("a", "We track faces with MediaPipe, parse PDF files, widen the field of view (FOV) of "
                                      "very-high-resolution (VHR) images and render micro-expressions (MEs) on "
                                      "head-mounted displays (HMDs).")])
    assert not [m.text for m in doc.mentions if m.label == "METHOD"], [(m.text, m.label) for m in doc.mentions]



def test_a_property_a_prompts_word_and_what_a_sensor_measures_are_no_entities(extractor):
    """Session 47's fourth 40k sample (seed 65): both judges rejected robustness (a Metric, 13 papers), "Think" (a
    Method, 5), heart rate (HR, 6), ground sampling distance (4) and "3D LiDAR point clouds" (a Task)."""
    (doc, other) = extractor.extract([("a", "Think step by step improves robustness. We estimate heart rate (HR) at a ground "
                                      "sampling distance (GSD) of 0.3 m from 3D LiDAR point clouds."),
                                ("b", "We map the low-quality (LQ) inputs and their high-quality (HQ) pairs, as decoding "
                                      "grows the Key-Value (KV) cache.")])
    assert not doc.mentions, [(m.text, m.label) for m in doc.mentions]
    assert not other.mentions, [(m.text, m.label) for m in other.mentions]


def test_libraries_and_pretrained_models_are_no_methods(extractor):
    """Session 47's samples: Hugging Face Transformers, OpenSearch and PTM "pretrained models" (10 papers) were visible
    Methods both judges rejected."""
    (doc,) = extractor.extract([("a", "We fine-tune pretrained models (PTMs) with Hugging Face Transformers and index the "
                                      "documents in OpenSearch. PTMs are strong baselines.")])
    assert not doc.mentions, [(m.text, m.label) for m in doc.mentions]


def test_a_scene_graph_is_a_structure_and_chair_a_measure(extractor):
    """Session 49's paper-weighted sample: both judges rejected "scene graphs" as a Task (14 papers of the 40k graph)
    and CHAIR, the caption hallucination measure, as a Benchmark (15); the word "chair" stays a chair."""
    (doc,) = extractor.extract([("a", "We build scene graphs of each image and score hallucination with CHAIR and POPE. "
                                      "A chair is generated.")])
    labels = {m.text: m.label for m in doc.mentions}
    assert labels == {"CHAIR": "METRIC", "POPE": "BENCHMARK"}, labels


def test_a_known_names_lower_case_that_is_an_english_word_is_the_word(extractor):
    """The model reads the verb "map" as mAP (11 papers of the 40k graph's mean average precision, session 47)."""
    (doc,) = extractor.extract([("a", "We restore images and map the low-quality inputs to a clean image. The detector "
                                      "reaches 45.2 mAP on COCO, and fasttext embeddings help.")])
    found = {m.text: m.label for m in doc.mentions}
    assert "map" not in found and found.get("mAP") == "METRIC", found


def test_a_known_phrase_without_its_hyphens_is_the_known_name(extractor):
    """Session 48: "retrieval augmented generation" lost its first word to the NER ("augmented generation", a Task of 8
    papers on the 40k graph); titles write "Class Incremental Learning" and "Vision Language Model"."""
    (doc,) = extractor.extract([("a", "Baselines include retrieval augmented generation over scientific literature. "
                                      "We study class incremental learning with a vision language model.")])
    found = {m.text: (m.label, m.canonical) for m in doc.mentions}
    assert found.get("retrieval augmented generation") == ("METHOD", "retrievalaugmentedgeneration"), found
    assert found.get("class incremental learning", ("",))[0] == "TASK", found
    assert found.get("vision language model", ("",))[0] == "METHOD", found


def test_a_known_name_glued_before_another_names_capitals_is_part_of_that_name(extractor):
    """Session 48's judges: Meta's OPT (12 papers of the 40k graph) held a paper on the OPT-RSVG remote-sensing data,
    which the NER had missed. A size or a title's capitalised word after the hyphen leaves the name alone."""
    (doc, other) = extractor.extract([
        ("a", "Our model performs well on the DIOR-RSVG and OPT-RSVG datasets. Swin-UNETR gave a cross-check."),
        ("b", "Transformer-Based Retrieval. We test Llama-3.1-8B/70B and OPT on question answering.")])
    found = {m.text for m in doc.mentions}
    assert "OPT" not in found and "Swin" not in found, found
    assert {"Transformer", "OPT", "Llama-3.1"} <= {m.text for m in other.mentions}, [m.text for m in other.mentions]


def test_session_48s_rejected_names_and_missed_data(extractor):
    """Both judges of a session 48 sample rejected these as Methods or a Dataset of the 40k graph, or typed them
    otherwise: MedDRA is a terminology resource, Manga109 and AutoLaparo data sets, SummaC a measure."""
    (doc,) = extractor.extract([("a", "We map terms to MedDRA and test on Manga109 and AutoLaparo, scoring with SummaC. "
                                      "BI-RADS scores, MetaHuman avatars, Printed Circuit Boards (PCBs), a digital twin "
                                      "(DT) and Canny edges are the inputs.")])
    found = {m.text: m.label for m in doc.mentions}
    assert found == {"MedDRA": "DATASET", "Manga109": "BENCHMARK", "AutoLaparo": "BENCHMARK", "SummaC": "METRIC",
                     "Canny": "METHOD"}, found  # the edge detector, not its edges as data
    # seed 69: a problem read as a Method (33 papers), an ontology's box read as data, a measure's short form apart
    (doc,) = extractor.extract([("b", "We study compositional generalization with the TBox and report the JS divergence "
                                      "and the Jensen-Shannon divergence.")])
    found = {m.text: (m.label, m.canonical) for m in doc.mentions}
    assert found == {"compositional generalization": ("TASK", "compositionalgeneralization"),
                     "JS divergence": ("METRIC", "jensenshannondivergence"),
                     "Jensen-Shannon divergence": ("METRIC", "jensenshannondivergence")}, found
    from ingest.confidence import field_reading

    assert field_reading("lowlevelvision", "Task", "low-level vision")  # an area, as "medical imaging" is
    (doc,) = extractor.extract([("c", "Results on 512x512 show gains over ImageNet 256x256.")])
    assert [m.text for m in doc.mentions] == ["ImageNet 256x256"], doc.mentions  # a resolution alone is no benchmark
    # the paper-weighted sample: SAM's data read as a method, a reward model as data, a guideline, bare HD, a step
    (doc,) = extractor.extract([("d", "We use SA-1B and ImageReward, follow PRISMA, enter SemEval-2025 Task 11, build HD "
                                      "maps through an intermediate representation and report the Hausdorff distance (HD).")])
    found = {m.text: m.label for m in doc.mentions}
    assert found == {"SA-1B": "DATASET", "ImageReward": "METHOD", "SemEval-2025 Task 11": "DATASET",
                     "Hausdorff distance": "METRIC", "HD": "METRIC"}, found
    (doc,) = extractor.extract([("e", "We generate High-Definition (HD) videos.")])
    assert not doc.mentions, doc.mentions  # a property of the output, read as a Task of 7 papers


@pytest.mark.parametrize("text,language", [
    ("Hindi", True), ("ENGLISH", True), ("Scottish Gaelic", True), ("Modern Standard Arabic", True),
    ("PaLI", False), ("CLUE Chinese", False), ("Chinese Treebank", False), ("Java", False),
    # a language family, and "language" after a name (session 47: "Slavic languages" was a Dataset of the 40k graph)
    ("Slavic languages", True), ("Slavic language", True), ("Hindi language", True), ("Python language", False),
    ("Sign Language", False),
])
def test_what_names_a_natural_language(text, language):
    from ingest.extract.sanity import natural_language

    assert natural_language(text) is language


def test_metric_names_used_as_methods_become_methods(extractor):
    doc = extract_one(extractor, "Error Feedback (EF) is a popular mechanism. EF is combined with TopK compression. "
                                 "We measure the FID of the samples.")
    labels = {m.text: m.label for m in doc.mentions}
    assert labels.get("EF") in (None, "METHOD") and labels.get("Error Feedback") in (None, "METHOD")
    assert labels.get("FID") == "METRIC"


def test_known_long_forms_and_acronyms_share_a_canonical_key(extractor):
    (a, b) = extractor.extract([
        ("a", "We report the Frechet Inception Distance (FID) of our samples."),
        ("b", "Our model improves FID by two points on math reasoning and mathematical reasoning tasks."),
    ])
    keys = {m.text: m.canonical for d in (a, b) for m in d.mentions}
    assert keys["Frechet Inception Distance"] == keys["FID"]
    assert keys.get("math reasoning", "mathematicalreasoning") == keys.get("mathematical reasoning", "mathematicalreasoning")


def test_an_acronym_the_text_defines_otherwise_keeps_its_own_meaning(extractor):
    doc = extract_one(extractor, "Probabilistic programming languages (PPLs) make inference easy. PPLs are used widely.")
    for m in doc.mentions:
        if m.text == "PPLs":
            assert m.label != "METRIC" and m.canonical != "perplexity"


@pytest.mark.parametrize("name,alias,same", [
    ("FID", "Frechet Inception Distance", True),
    ("mathematical reasoning", "math reasoning", True),
    ("language modeling", "language modelling", True),
    ("CNN", "ConvNet", True),
    ("GPT", "GPT-4", False),
    ("Llama", "Llama 2", False),
    ("BERT", "BioBERT", False),
    ("Stable Diffusion", "SDXL", False),
    ("GPT", "ChatGPT", False),
    ("ROUGE", "ROUGE-L", False),
    ("AlphaGo", "MuZero", False),
])
def test_gazetteer_synonyms_are_not_versions_or_variants(name, alias, same):
    from ingest.extract.gazetteer import is_synonym

    assert is_synonym(name, alias) is same


def test_method_head_nouns_are_trimmed_unless_the_name_keeps_them(extractor):
    from spacy.tokens import Span

    from ingest.extract.sanity import _trim_method_head

    nlp = extractor.nlp
    doc = nlp.make_doc("The cross-attention mechanism and the gradient harmonizing mechanism help.")
    ent = Span(doc, 1, 5, label="METHOD")  # cross - attention mechanism
    assert _trim_method_head(doc, ent, {}).text == "cross-attention"
    long_form = Span(doc, 7, 10, label="METHOD")  # gradient harmonizing mechanism (GHM)
    assert _trim_method_head(doc, long_form, {"gradient harmonizing mechanism": "GHM"}) is long_form
    known = nlp.make_doc("attention mechanism")
    assert _trim_method_head(known, Span(known, 0, 2, label="METHOD"), {}).text == "attention mechanism"
    in_kb = nlp.make_doc("self-attention mechanism")  # a knowledge-base name (gold train) keeps its head
    assert _trim_method_head(in_kb, Span(in_kb, 0, 4, label="METHOD"), {}).text == "self-attention mechanism"


@pytest.mark.parametrize("text,name,label", [
    ("We compare ALiBi with sinusoidal position embeddings.", "ALiBi", "METHOD"),
    ("EBMs are trained with contrastive divergence.", "EBMs", "METHOD"),
    ("We evaluate on NomBank and CCGbank.", "CCGbank", "DATASET"),
    ("The parser reaches a LAS of 91.2.", "LAS", "METRIC"),
    # the model cut "Large Reasoning" off its head, a Task of 19 papers at 40k (session 44)
    ("Large Reasoning Models like DeepSeek-R1 think longer.", "Large Reasoning Models", "METHOD"),
])
def test_added_gazetteer_names_are_found(extractor, text, name, label):
    found = by_text(extract_one(extractor, text))
    assert name in found and found[name].label in ({label, "BENCHMARK"} if label == "DATASET" else {label})


def test_a_capitalised_name_in_lower_case_is_the_ordinary_word(extractor):
    found = by_text(extract_one(extractor, "Since its inception, work on particle kinetics across the stack has grown."))
    assert "inception" not in found and "kinetics" not in found and "the stack" not in found
    found = by_text(extract_one(extractor, "We train Inception on Kinetics and the Stack and add a transformer."))
    assert found["Inception"].label == "METHOD" and found["Kinetics"].label == found["the Stack"].label == "DATASET"
    assert found["transformer"].label == "METHOD"  # the field writes this name in lower case too


def test_a_known_definition_is_never_one_span(extractor):
    found = by_text(extract_one(extractor, "We evaluate on Big-Bench Hard (BBH) and report results. BBH is hard."))
    assert "Big-Bench Hard (BBH)" not in found
    assert found["Big-Bench Hard"].aliases == ("BBH",) and found["BBH"].label == found["Big-Bench Hard"].label


@pytest.mark.parametrize("bad, message", [
    ('{"id": "b"}', "not a gold record ('text')"),
    ('{"text": "ab", "entities": [{"start": 0}]}', "not a gold record ('end')"),
    ('["text"]', "expected a JSON object"),
    ('{"text": ', "not valid JSON"),
])
def test_a_bad_gold_line_is_named_by_file_and_line(tmp_path, bad, message):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"text": "BERT on GLUE", "entities": [{"start": 0, "end": 4, "label": "Method"}]})
                    + "\n\n" + bad + "\n")
    records = read_gold(path)
    assert next(records).entities[0].text == "BERT"
    with pytest.raises(ValueError) as raised:
        next(records)
    assert str(raised.value).startswith(f"{path}:3: {message}")


@pytest.mark.parametrize("text", ADVERSARIAL[:8] + ["Title Line\n\nFirst sentence. Second one?\nA new line. (Quoted. Text) ends"])
def test_cached_doc_text_and_sentences_are_spacys(extractor, text):
    """The rules read a doc's text and a span's sentence from per-doc lists
    (doc_state), not from spaCy's per-call scans: the same values, on the
    pipeline's own sentence starts (punctuation and line breaks)."""
    from spacy.tokens import Span

    from ingest.extract.doc_state import doc_text, sentence_bounds

    nlp = extractor.nlp
    with nlp.select_pipes(enable=["sentencizer", "paperkg_line_breaks"]):
        doc = nlp(text)
    assert doc_text(doc) == doc.text
    for start in range(len(doc)):
        for end in range(start + 1, min(len(doc), start + 6) + 1):
            sent = Span(doc, start, end).sent  # a span across sentences has its first one
            assert sentence_bounds(doc, start) == (sent.start, sent.end)


def test_a_word_of_the_language_is_not_the_name_the_field_writes_in_capitals():
    """The real paper: "a 41.3% drop in mAP" was a mention of the DROP
    benchmark on the 40k graph (both judges of session 53's seed 85); the
    capitals still name it."""
    from ingest.text import paper_text
    from tests.conftest import corpus_records

    (record,) = corpus_records("2511.04347").values()
    (doc,) = load_extractor("fast").extract([(record.id, paper_text(record))], workers=1)
    assert "drop" not in {m.canonical for m in doc.mentions}
    (named,) = load_extractor("fast").extract([("t", "We evaluate on DROP and MATH, and solve math problems.")], workers=1)
    assert {m.text for m in named.mentions} == {"DROP", "MATH"}
    (measured,) = load_extractor("fast").extract([("t", "Our tracker runs at 30 fps on one GPU.")], workers=1)
    assert {m.canonical for m in measured.mentions if m.text == "fps"} == {"fps"}
