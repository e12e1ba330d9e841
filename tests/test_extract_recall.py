"""Recall rules (issue 8 item 5): dataset and benchmark names in result
statements and lists, metrics with values, and names a paper introduces.
The sentences are written for these tests; the names are made up where the
rule must work without any name list."""
from __future__ import annotations

import pytest
from spacy.tokens import Span

from ingest.extract import load_extractor
from ingest.extract.pipeline import RULES
from ingest.extract.span_filter import clean_span


@pytest.fixture(scope="module")
def extractor():
    return load_extractor("fast")


def labels(extractor, text):
    (doc,) = extractor.extract([("t", text)], workers=1)
    return {m.text: m.label for m in doc.mentions}


def test_recall_components_are_registered_with_their_knobs_in_the_config(extractor):
    nlp = extractor.nlp
    for name in ("paperkg_result_lists", "paperkg_metric_values", "paperkg_introduced_names"):
        assert name in RULES and name in nlp.pipe_names
        meta = nlp.get_pipe_meta(name)
        assert "doc.ents" in meta.assigns and "doc.ents" in meta.requires
    assert nlp.config["components"]["paperkg_result_lists"]["max_items"] == 12
    assert nlp.config["components"]["paperkg_metric_values"]["verb_window"] == 8


def test_a_list_with_one_dataset_is_a_list_of_datasets(extractor):
    found = labels(extractor, "The tracker is strong across four datasets: Waymo, NuScenes, Quorvex, and PandaSet.")
    assert found.get("Quorvex") in ("DATASET", "BENCHMARK")
    assert found.get("Waymo") == found.get("Quorvex")


def test_name_reported_on_after_an_evaluation_cue(extractor):
    found = labels(extractor, "Our matcher reaches state-of-the-art on ZPair-91k with a 3-point margin.")
    assert found.get("ZPair-91k") == "BENCHMARK"  # a dataset results are reported on is a benchmark


def test_list_after_datasets_such_as(extractor):
    found = labels(extractor, "Prior work is mostly tested on small datasets, such as Multi-QUX and Trovel-3K.")
    assert found.get("Multi-QUX") in ("DATASET", "BENCHMARK") and found.get("Trovel-3K") in ("DATASET", "BENCHMARK")


def test_a_list_its_head_names_as_data_sets_is_data_whatever_the_model_read(extractor):
    # The model alone reads COESOT as a method here (the 10k arXiv graph held it as one).
    found = labels(extractor, "Extensive experiments on three RGB-Event tracking datasets, i.e., COESOT, FE108, and "
                              "VisEvent, show clear gains.")
    assert found.get("COESOT") == found.get("FE108") == found.get("VisEvent") == "DATASET"
    # "our method" further on does not make a listed name a method (sanity's "X, a new class of methods").
    found = labels(extractor, "Results on mathematical reasoning benchmarks, including GSM8K, MATH, and GAOKAO, show "
                              "the superiority of our method.")
    assert found.get("GAOKAO") in ("DATASET", "BENCHMARK")
    found = labels(extractor, "We fine-tune LoRA and QLoRA adapters on several datasets such as Alpaca.")
    assert found.get("LoRA") == found.get("QLoRA") == "METHOD"  # the head is no list's
    found = labels(extractor, "Hard negatives are mined from the corpus via methods like BM25 or cross-encoders.")
    assert found.get("BM25") not in ("DATASET", "BENCHMARK")  # "corpus" is not the list's head: "methods" is
    found = labels(extractor, "We compare LLM and VLM benchmarks built in the last year.")
    assert found.get("LLM") == "METHOD"  # the knowledge base knows it as a method


def test_what_the_text_calls_a_benchmark_or_data_set_is_one_whatever_its_shape_or_the_models_reading(extractor):
    # Session 28's outside judge found each of these typed Method or Task on the 10k arXiv graph.
    found = labels(extractor, "The encoder outperforms prior work on the MMVP-VLM benchmark by 6 points.")
    assert found.get("MMVP-VLM") == "BENCHMARK"  # not a method for its "VLM"
    found = labels(extractor, "Our tracker reaches the highest precision on the PTB-TIR and LSOTB-TIR benchmarks.")
    assert found.get("LSOTB-TIR") == "BENCHMARK"  # the model read "LSOTB-TIR benchmarks" as a method
    found = labels(extractor, "Tests on the LSOTB-TIR, PTB-TIR, VOT-TIR2015, and VOT-TIR2017 benchmarks show that "
                              "our tracker wins.")
    assert found.get("LSOTB-TIR") in ("DATASET", "BENCHMARK")  # the model read it as a task
    found = labels(extractor, "Tests on tracking datasets - including VOT-TIR, PTB-TIR, and LSOTB-TIR, show that our "
                              "tracker wins.")
    assert found.get("LSOTB-TIR") in ("DATASET", "BENCHMARK")  # a list after a dash
    found = labels(extractor, "We report results on image classification and object detection benchmarks.")
    assert "BENCHMARK" not in found.values()  # tasks in a list of benchmarks stay tasks
    found = labels(extractor, "We parse the Penn Treebank and rank models on Chatbot Arena.")
    assert found.get("Penn Treebank") == "DATASET" and "Chatbot Arena" in found  # a capitalised head is the name's
    # so is a coined name before a word for what the data is (session 62: CytoImageNet a Method at 40k, seed 112)
    found = labels(extractor, "We demonstrate our method on the CytoImageNet microscopy dataset and show gains.")
    assert found.get("CytoImageNet") == "DATASET"


def test_names_results_are_reported_on_are_data_whatever_the_model_read(extractor):
    """RESULTS_ON_RULE (session 30): the model alone reads DAVIS-17, MathVision and FLARE2021
    here as methods (the 10k arXiv graph held each as one); baselines beaten "over", known
    models evaluated "on", and a lone name without a score keep the model's reading."""
    found = labels(extractor, "Through extensive experiments on DAVIS-17 and MOSE, we find that diffusion models trained "
                              "on ImageNet outperform others.")
    assert found.get("DAVIS-17") in ("DATASET", "BENCHMARK")
    found = labels(extractor, "It achieves scores of 61.7 on MMMU, 36.8 on MathVision, and 71.3 on MathVista while "
                              "maintaining the compact size of the model.")
    assert found.get("MathVision") in ("DATASET", "BENCHMARK")
    found = labels(extractor, "Evaluations on BraTS2023, FLARE2021, and KiTS2023 demonstrate performance on par with "
                              "state-of-the-art methods.")
    assert found.get("FLARE2021") in ("DATASET", "BENCHMARK")
    found = labels(extractor, "Experiments on Qwen2.5-Instruct models across MATH500, AIME24, and GPQA-Diamond "
                              "demonstrate that R1-Compress significantly reduces token usage.")
    assert found.get("GPQA-Diamond") in ("DATASET", "BENCHMARK")  # the list ends before its verb
    found = labels(extractor, "Experiments on AIME 2024, AIME 2025, AIMO 2025, and GPQA Diamond show that LeaP provides "
                              "substantial improvements.")
    assert found.get("GPQA Diamond") in ("DATASET", "BENCHMARK")  # an edition's year continues the list
    found = labels(extractor, "We report results on Llama-2-7B, Mistral-7B and Qwen2.5-7B.")
    assert found.get("Llama-2-7B") == found.get("Mistral-7B") == "METHOD"
    # a gain after a score is a score (session 56: MME-RealWorld, a Method of 3 papers on the 40k graph)
    found = labels(extractor, "For example, it achieves a substantial 16.45% improvement on MME-RealWorld under 2-bit "
                              "quantization.")
    assert found.get("MME-RealWorld") in ("DATASET", "BENCHMARK")
    found = labels(extractor, "The method achieves a 5% improvement on ResNet-50 backbones.")
    assert found.get("ResNet-50") == "METHOD"  # a known model
    found = labels(extractor, "Our codec is benchmarked against neural codecs and yields savings of 15.9% over VTM and "
                              "DCVC-FM.")
    assert found.get("DCVC-FM") not in ("DATASET", "BENCHMARK")


def test_a_data_set_in_a_list_its_head_names_stays_data_whatever_follows(extractor):
    """Session 30: sanity made each of these a method, for a size in millions ("-1M" is as often
    a data set's) or for a method noun later in the sentence; the list's head says data."""
    found = labels(extractor, "We experimentally evaluate our performance across benchmark TSR datasets including "
                              "PubTabNet, FinTabNet, and PubTables-1M.")
    assert found.get("PubTables-1M") in ("DATASET", "BENCHMARK")
    found = labels(extractor, "LatentSeek is evaluated on a range of reasoning benchmarks, including GSM8K, MATH-500, "
                              "and AIME2024, across multiple LLM architectures.")
    assert found.get("MATH-500") in ("DATASET", "BENCHMARK") and found.get("AIME2024") in ("DATASET", "BENCHMARK")
    found = labels(extractor, "Extensive experiments on three benchmarks, namely CIFAR100, miniImageNet, and CUB200, "
                              "demonstrate that incorporating our ADBS method with existing FSCIL methods helps.")
    assert found.get("CUB200") in ("DATASET", "BENCHMARK")
    found = labels(extractor, "We validate our method using RSNA, MIMIC-CXR-JPG and JSRT datasets, demonstrating "
                              "superior translation quality.")  # not "method using X" naming a method
    assert found.get("MIMIC-CXR-JPG") == "DATASET"
    found = labels(extractor, "MultiNeRF is validated on the NeRF-Synthetic and LLFF datasets, with statistically "
                              "significant improvements in robust capacity.")  # not a kind of NeRF
    assert found.get("NeRF-Synthetic") in ("DATASET", "BENCHMARK")
    # a model's size in billions, a method named after a method noun, stay methods
    found = labels(extractor, "We present a tracking framework built on YOLOv12 and BoT-SORT, enhanced with tailored "
                              "training and inference strategies, and distil Llama-2-7B.")
    assert found.get("BoT-SORT") == found.get("Llama-2-7B") == "METHOD"


# Session 59: outside judges found each of these data sets typed Method on the 40k graph
# (HCSTVG, RAGChecker, MMLU-Redux, UAV-Human, AI-TOD-V2, DnD, DOTA-v1.0, STAR-1,
# RWTH-PHOENIX-Weather, Hyperspectral City v2).
@pytest.mark.parametrize("sentence,names", [
    # a plural head right before a list, with nothing opening it
    ("TubeRMC outperforms existing methods on two public benchmarks VidSTG and HCSTVG.", ["HCSTVG"]),
    ("Extensive experiments on two LFQA benchmarks LongFact and RAGChecker demonstrate the effectiveness of the "
     "proposed method.", ["RAGChecker"]),
    ("We study LLMs answering questions from the multiple-choice benchmarks MMLU-Redux and MedQA at several "
     "temperatures.", ["MMLU-Redux"]),
    # a number the model left out of a name, an adverb before the list's verb
    ("Comprehensive evaluations on five benchmarks, including NTU RGB+D, NTU RGB+D 120, Kinetics-Skeleton, FineGYM, "
     "and UAV-Human, demonstrate that our model wins.", ["UAV-Human", "NTU RGB+D 120"]),
    ("Extensive experiments on several benchmarks namely NTU RGB+D 60, NTU RGB+D 120, Toyota-Smarthome and UAV-Human "
     "consistently verify the effectiveness of our HP-Net.", ["UAV-Human"]),
    # a score before a measure, "and others", a list between dashes
    ("Dome-DETR achieves state-of-the-art performance (+3.3 AP on AI-TOD-V2 and +2.5 AP on VisDrone) while keeping a "
     "compact model.", ["AI-TOD-V2"]),
    ("Experiments on DOTA-v1.0 and others demonstrate the superiority of our detector.", ["DOTA-v1.0"]),
    ("To support research in this area, we introduce two datasets -- DnD and ELIP -- and benchmark a variety of "
     "alignment techniques on them.", ["DnD", "ELIP"]),
    # an appositive whose adjectives a comma parts
    ("This paper introduces STAR-1, a high-quality, just-1k-scale safety dataset designed for reasoning models.",
     ["STAR-1"]),
    # a name longer than five tokens, a bracketed short form, before the head
    ("For our evaluation data, we use the RWTH-PHOENIX-Weather-2014T dataset, a German sign language corpus.",
     ["RWTH-PHOENIX-Weather-2014T"]),
    ("We segment pedestrians using the Hyperspectral City v2 (H-City) dataset.", ["Hyperspectral City v2", "H-City"]),
    ("We fine-tune on the Web of Science (WoS-46985) dataset.", ["WoS-46985"]),
    ("We introduce the Aerial Traffic Atomic Activity Recognition and Segmentation (ATARS) dataset, the first aerial "
     "dataset of its kind.", ["ATARS"]),
])
def test_data_sets_in_lists_and_before_their_head_are_data_whatever_the_model_read(extractor, sentence, names):
    found = labels(extractor, sentence)
    assert all(found.get(name) in ("DATASET", "BENCHMARK") for name in names), found


@pytest.mark.parametrize("sentence,name", [
    ("This paper benchmarks GPT-4o and ClaudeX on reasoning.", "ClaudeX"),  # "benchmarks" as a verb
    ("We introduce Quoxel, a simple, fast method for segmentation.", "Quoxel"),
    ("We fine-tune on the Web of Science (WoS-46985) dataset.", "Science"),  # a name cut at "of" is none
    # what plural resources are for, and a task a dataset is of, stay tasks
    ("Facial Expression Recognition (FER) datasets are small.", "FER"),
    ("A Knowledge Graph Question Answering (KGQA) dataset can be built from Wikidata.", "KGQA"),
])
def test_the_new_list_and_head_rules_leave_other_names_alone(extractor, sentence, name):
    assert labels(extractor, sentence).get(name) not in ("DATASET", "BENCHMARK")


def test_a_footnotes_number_after_a_lower_case_phrase_is_not_the_phrases(extractor):
    found = labels(extractor, "Word error rate 7 and accuracy are reported on LibriSpeech and TED-LIUM.")
    assert not any(name.endswith(" 7") for name in found)


def test_list_rules_leave_modifiers_methods_and_citations_alone(extractor):
    found = labels(extractor, "Results on Atari games are reported by earlier studies (Jo and Bengio, 2017).")
    assert "Jo" not in found and "Bengio" not in found
    found = labels(extractor, "Our agent outperforms GPT-4o and Zarnok on every task.")
    assert found.get("Zarnok") not in ("DATASET", "BENCHMARK")
    found = labels(extractor, "In our experiments, we evaluate on Hebrew.")  # a lone plain word is not enough
    assert "Hebrew" not in found


def test_a_list_with_a_known_method_or_after_a_method_noun_is_a_list_of_methods(extractor):
    # The model alone reads the unknown names here as data sets (RT-DETRv2 was a Dataset of the 40k graph,
    # 4 papers; LongWriter 2): a list with a method the gazetteer knows, or opened by "frameworks such as",
    # names models.
    found = labels(extractor, "We compare detectors for counting people on platforms using YOLOv11, RT-DETRv2, "
                              "and APGCC; crowd levels are then classified.")
    assert found.get("RT-DETRv2") == found.get("APGCC") == "METHOD"
    found = labels(extractor, "While frameworks such as DOME, Plan&Write, and Long Writer have improved coherence, "
                              "they target short novels.")
    assert found.get("DOME") == "METHOD"
    # a known class of models opens one too, and the list's names no entity holds are models (session 62:
    # CheXagent a Dataset of 3 papers of the 40k graph, a model to both judges of seed 108; OmniGen2 unread)
    found = labels(extractor, "Notably, RadEyeVideo enhanced an open-domain LVLM model, LLaVA-OneVision, to surpass "
                              "task-specific medical LVLMs such as MAIRA-2 and CheXagent, trained on large Chest X-ray data.")
    assert found.get("MAIRA-2") == found.get("CheXagent") == "METHOD"
    found = labels(extractor, "We compare with baselines such as GPT-4o, FLUX.1 and OmniGen2 on GenEval.")
    assert found.get("OmniGen2") == "METHOD" and found.get("GenEval") == "BENCHMARK"
    # ... but not letters in brackets after the words they shorten, nor a variant's or a measure's letters
    found = labels(extractor, "Diffusion large language models (dLLMs) are compelling alternatives to "
                              "autoregressive (AR) models.")
    assert "dLLMs" not in found
    found = labels(extractor, "We evaluated variants of EfficientNet architectures (i.e., B0, B1, B2, B3, B4).")
    assert not {"B0", "B4"} & set(found)
    # a name the gazetteer knows as data keeps the list data: what is listed is evaluated on
    found = labels(extractor, "We train on ImageNet, Zorvex-21K and Places365 with a ViT backbone.")
    assert found.get("Zorvex-21K") in ("DATASET", "BENCHMARK")


def test_what_a_result_beats_is_a_list_of_baselines(extractor):
    # BEATEN_RULE (session 64): the names a gain is "over" or a result better "than" are methods, which the
    # model and the list's labels had read as data (FruitNeRF a Benchmark of 2 papers of the 40k graph)
    found = labels(extractor, "Although the authors of ModernBERT report improved performance over DeBERTaV3 on "
                              "several benchmarks, the training data differ.")
    assert found.get("DeBERTaV3") == "METHOD"
    found = labels(extractor, "Atlas is 2.95x faster and 7.38% better than FasterViT, 2.25x faster and 4.96% better "
                              "than LongViT.")
    assert found.get("FasterViT") == found.get("LongViT") == "METHOD"
    found = labels(extractor, "With only 3.1 bits we obtain a 5.25% absolute improvement over SPQR.")
    assert found.get("SPQR") == "METHOD"
    # ... but a list headed as data stays data, and so do names results are reported on
    found = labels(extractor, "Our method shows gains over the CIFAR-10 and SVHN datasets.")
    assert found.get("SVHN") in ("DATASET", "BENCHMARK")


@pytest.mark.parametrize("sentence,label", [
    ("Our model reduces the MAE to 0.42 and the RMSE to 0.61 on the test set.", "METRIC"),
    ("PolyRad outperforms existing methods by 30.3% in MAE and 37.2% in RMSE on nuScenes.", "METRIC"),
    ("The regressor predicts age (MAE: 4.1 years) from scans.", "METRIC"),
    ("It yields a 0.059 decrease in MAE over the previous best method.", "METRIC"),
    ("It reaches a depth MAE of 2.55 mm, and improves crowd counting by -3.14 MAE on SHA.", "METRIC"),
    ("We pre-train a ViT with MAE and fine-tune it on ImageNet.", "METHOD"),  # the masked autoencoder
    ("It surpasses the recent MAE by 1.1% in ImageNet-1K classification.", "METHOD"),
])
def test_a_measures_acronym_that_also_names_a_method_is_the_measure_with_a_value(extractor, sentence, label):
    assert labels(extractor, sentence).get("MAE") == label


def test_metrics_with_values(extractor):
    found = labels(extractor, "Our tokenizer achieves an sFID score of 4.2 and an IS of 290.1 on ImageNet.")
    assert found.get("sFID score") == "METRIC" and found.get("IS") == "METRIC"
    # a name the gazetteer knows is read as itself (session 45: gFID, FID's variant)
    assert labels(extractor, "Our tokenizer achieves a gFID score of 1.7.").get("gFID") == "METRIC"
    found = labels(extractor, "The segmenter obtains a Dice Similarity Coefficient (DSC) of 81.2% on held-out scans.")
    assert found.get("DSC") == "METRIC" and found.get("Dice Similarity Coefficient") == "METRIC"
    found = labels(extractor, "We report pass@1, Pass@10, mAP@50, Hits@10 and NDCG@10.")
    assert all(found.get(m) == "METRIC" for m in ("pass@1", "Pass@10", "mAP@50", "Hits@10", "NDCG@10"))


def test_a_kind_of_error_is_a_measure_but_not_what_is_done_to_errors(extractor):
    found = labels(extractor, "We bound the approximation error of the scheme, and our tracker lowers the mean angular "
                              "error on every sequence.")
    assert found.get("approximation error") == "METRIC" and found.get("mean angular error") == "METRIC"
    found = labels(extractor, "Minimizing error matters, and error estimates guide state-of-the-art error control.")
    assert not any(label == "METRIC" and "error" in text for text, label in found.items()), found


def test_hyperparameters_and_counts_are_not_metrics(extractor):
    found = labels(extractor, "We train with a learning rate of 0.001 and a batch size of 64 for 10 epochs.")
    assert not any(label == "METRIC" for label in found.values())
    found = labels(extractor, "This paper reports the discursive usage of 6 Chinese punctuation marks.")
    assert "discursive usage" not in found


def test_a_measures_name_used_as_a_verb_or_for_what_everything_costs_is_no_metric(extractor):
    # Both were in the seed graph's Metric list, judged not entities (session 22).
    found = labels(extractor, "Prompting guides the model to recall and apply domain-relevant information.")
    assert found.get("recall") != "METRIC"
    found = labels(extractor, "Our models match GPT-4 at a much lower computational cost.")
    assert "computational cost" not in found
    found = labels(extractor, "We trade precision for recall, and our detector can recall 92% of the objects at a recall of 0.9.")
    assert found.get("precision") == "METRIC" and found.get("recall") == "METRIC"


def test_a_gerund_with_its_object_is_the_verb_not_the_task(extractor):
    (doc,) = extractor.extract([("t", "Without tracking these events, dialogue systems lose the thread.")], workers=1)
    assert not [m for m in doc.mentions if m.text == "tracking"]
    found = labels(extractor, "We study multi-object tracking and tracking in crowded scenes.")
    assert found.get("multi-object tracking") == "TASK"


def test_introduced_resource_takes_its_head_nouns_label(extractor):
    found = labels(extractor, "We build VelQor -- a new Welsh-to-Irish shop-listing translation dataset with photos.")
    assert found.get("VelQor") == "DATASET"
    (doc,) = extractor.extract([("t", "We release Zentrix-Bench, a spatial grounding benchmark of 2,000 rooms.")], workers=1)
    (zentrix,) = [m for m in doc.mentions if m.text == "Zentrix-Bench"]
    assert zentrix.label == "BENCHMARK" and zentrix.proposed
    found = labels(extractor, "Quillbook: A Benchmark for Word Puzzles\n\nWe release Quillbook, a corpus of 80k riddles.")
    assert found.get("Quillbook") in ("DATASET", "BENCHMARK")


def test_a_resource_named_by_a_verb_or_a_relative_clause_takes_its_head_nouns_label(extractor):
    # LoopDB was a visible Method of the 40k graph though both its papers say
    # "a ... dataset, coined LoopDB" and "LoopDB, which is a ... dataset" (session 58)
    for text in ("We introduce a new loop closure benchmarking dataset, coined Vorlup, which is available online.",
                 "In this study, we introduce Vorlup, which is a challenging loop closure dataset of 1000 images."):
        (doc,) = extractor.extract([("t", text)], workers=1)
        (vorlup,) = [m for m in doc.mentions if m.text == "Vorlup"]
        assert vorlup.label == "DATASET" and vorlup.proposed, text
    assert labels(extractor, "We construct a new benchmark termed QUENDAL for hallucinations.").get("QUENDAL") == "BENCHMARK"
    assert labels(extractor, "We derive a dataset named Zorvel Wired\nTable (ZWT).").get("Zorvel Wired") != "DATASET"
    # a run of capitals cut short, or the first word of a phrase, is no name
    found = labels(extractor, "We build a dataset called Multi-target tracking scenes and a dataset called Diverse scenes.")
    assert not {"Multi", "Diverse"} & set(found), found
    found = labels(extractor, "We release a dataset named Trelvan Scenes on Frozen Lakes (TSFL) and a benchmark called QX-bench.")
    assert found.get("Trelvan Scenes") != "DATASET" and found.get("QX") != "BENCHMARK", found
    assert labels(extractor, "We propose a method called Vorlup that is fast.").get("Vorlup") != "DATASET"


def test_a_kind_of_data_is_not_a_dataset(extractor):
    # Unknown names only ever in front of a data noun are modalities or sensors
    # (the noisy Dataset top-40 at 10k papers: MRI, SAR, IMU, RGB-D).
    found = labels(extractor, "We segment tumours in MRI scans and fuse SAR images with IMU readings from RGB-D frames.")
    assert not any(label in ("DATASET", "BENCHMARK") for label in found.values())
    # ... and so is such a modality with a data noun, or RGB (the outside judge's uniform 10k sample, session 23)
    for text in ("We train on fMRI data from 40 subjects and test on the HCP-YA dataset.",
                 "We fuse RGB and depth maps on three datasets: NYUv2, SUN RGB-D and ScanNet."):
        found = labels(extractor, text)
        assert not {"fMRI data", "RGB"} & {t for t, label in found.items() if label in ("DATASET", "BENCHMARK")}, found
    found = labels(extractor, "We evaluate on KITTI and on the Zorblat dataset. Zorblat images are sharp.")
    assert found.get("KITTI") == "BENCHMARK" and found.get("Zorblat") in ("DATASET", "BENCHMARK")
    found = labels(extractor, "We train on 3D data and 2D images. Supervised training on Supervised data uses KITTI.")
    assert not {"3D", "3D data", "2D images", "Supervised"} & {t for t, label in found.items() if label in ("DATASET", "BENCHMARK")}
    assert labels(extractor, "We evaluate on 3D-FRONT and Ego4D.").get("3D-FRONT") == "BENCHMARK"
    # infrared imagery, defined by its letters, is a modality too (a 20-paper Task of the 40k graph, session 47)
    assert not labels(extractor, "The system employs separate detectors trained on RGB and infrared (IR) images to work at "
                                 "night.")
    # ... and a modality with a data set's head, singular, is the modality (fMRI a 2-paper Dataset of the 40k graph,
    # both judges of session 49's seed 72; "SAR image dataset" too)
    found = labels(extractor, "We analyse brain responses using an fMRI dataset (Pereira et al., 2018) and a SAR image "
                              "dataset, and the BraTS dataset.")
    assert set(found) == {"BraTS"}, found


def test_a_kind_of_data_set_is_not_a_data_set(extractor):
    # A named data set is one thing: an unknown name before a plural resource
    # head, or after "a"/"an", says what kind of data sets are meant (the
    # outside judge's 40k Dataset top 40, session 20: Arabic, fMRI, RGB).
    for text in ("We detect entities in an Arabic dataset without tuning.",
                 "Models struggle despite strong results on standard Quenyan benchmarks.",
                 "We evaluate CP-SSM on two benchmark fMRI datasets.",
                 "We introduce SSL4Eco, a multi-date Sentinel-9 dataset, for pre-training."):
        found = labels(extractor, text)
        assert not {"Arabic", "Quenyan", "fMRI", "Sentinel-9"} & {t for t, label in found.items() if label in ("DATASET", "BENCHMARK")}, text
    assert labels(extractor, "We introduce SSL4Eco, a multi-date Sentinel-9 dataset.").get("SSL4Eco") == "DATASET"
    # Names: coordinated, a definite family, or introduced ("a new X dataset", "we build a X dataset").
    assert set(labels(extractor, "Results on the Zorblat-3 and Zorblat-4 datasets improve.")) >= {"Zorblat-3", "Zorblat-4"}
    assert "Zorblat" in labels(extractor, "We report accuracy on the Zorblat datasets.")
    assert "Zorblat-360" in labels(extractor, "We collect a new Zorblat-360 dataset.")
    assert "Quenyan" in labels(extractor, "We build a Quenyan dataset.")


def test_a_lower_case_phrase_headed_by_a_measure_is_a_metric_not_a_task(extractor):
    # The model reads both as tasks; "pixel-level accuracy" was a Task of the
    # outside judges' uniform sample of the 10k graph (session 23).
    found = labels(extractor, "Our segmenter improves pixel-level accuracy on fundus images by 3 points.")
    assert found.get("pixel-level accuracy") == "METRIC"
    found = labels(extractor, "We report pixel-level accuracy and boundary F-score on three retinal datasets.")
    assert found.get("pixel-level accuracy") == "METRIC"
    found = labels(extractor, "We evaluate the encoder on semantic textual similarity and natural language inference.")
    assert found.get("semantic textual similarity") == "TASK"  # "similarity" names a task too


def test_a_name_headed_by_a_distance_or_a_ratio_is_a_metric_not_a_method(extractor):
    # The model read "Chamfer distance" as a method in all six papers of the
    # 10k graph; the acronym its long form defines is the measure too.
    found = labels(extractor, "Compared to strong baselines, our method is more accurate in terms of Chamfer distance.")
    assert found.get("Chamfer distance") == "METRIC"
    found = labels(extractor, "Our method reduces the Chamfer Distance (CD) by 30% and improves signal-to-noise ratio.")
    assert found.get("Chamfer Distance") == found.get("CD") == found.get("signal-to-noise ratio") == "METRIC"
    assert labels(extractor, "We train with mixed precision.").get("mixed precision", "METHOD") == "METHOD"


def test_an_acronym_spelling_a_problem_is_a_task_unless_the_paper_introduces_it(extractor):
    # PROBLEM_ACRONYM_RULE: outside judges typed KGC, UIE and PAD, visible Methods of the 10k graph, Tasks.
    found = labels(extractor, "Knowledge Graph Completion (KGC) aims to infer missing links. KGC remains hard.")
    assert found.get("Knowledge Graph Completion (KGC)") == found.get("KGC") == "TASK"  # one span: the model's
    found = labels(extractor, "Graphs are sparse. Knowledge Graph Completion (KGC) infers missing links.")
    assert found.get("Knowledge Graph Completion", found.get("Knowledge Graph Completion (KGC)")) == "TASK"
    found = labels(extractor, "Underwater image enhancement (UIE) is hard. UIE methods restore colour.")
    assert found.get("underwater image enhancement", found.get("Underwater image enhancement")) == found.get("UIE") == "TASK"
    # A paper's method named after its task, a hyphenated coinage, and a statistical estimator stay methods.
    found = labels(extractor, "We propose a Context-Aware Boundary Localization (CABL) module. CABL sharpens boxes.")
    assert found.get("CABL") == "METHOD"
    assert labels(extractor, "We train with Noise Contrastive Estimation (NCE) on images.").get("NCE") == "METHOD"
    # A method the field names after a problem is in the gazetteer (it made a Task of the 10k graph).
    found = labels(extractor, "Speech models train with Connectionist Temporal Classification (CTC). CTC aligns frames.")
    assert found.get("Connectionist Temporal Classification") == found.get("CTC") == "METHOD"


def test_a_span_ending_in_a_conjunction_or_preposition_is_no_name(extractor):
    # The model's span stops at a line break inside a phrase ("empirical analysis of", "zero-shot or",
    # "MSCOCO and": 45 such spans in the first 3,000 unique arXiv abstracts).
    (doc,) = extractor.extract([("t", "We present an empirical analysis of\nsparse attention in long-context models.")], workers=1)
    assert [m.text for m in doc.mentions] == ["sparse attention"]
    for text in ("Virtual Try-On", "a parameter-efficient plug-in"):  # a word ends them, not the preposition
        tokens = extractor.nlp.make_doc(text)
        assert clean_span(Span(tokens, 0, len(tokens), label="METHOD")) is not None
    tokens = extractor.nlp.make_doc("empirical analysis of")
    assert clean_span(Span(tokens, 0, len(tokens), label="METHOD")) is None


@pytest.mark.parametrize("text, names", [
    # The model reads the three as one span, which the span rules then drop whole.
    ("The measure orders the data sets as expected: MNIST < CIFAR10 < Imagenet.", ("MNIST", "CIFAR10", "Imagenet")),
    # Read as one task; the known name gives the list its kind.
    ("Our model reaches state-of-the-art results on both CUB-200-2011 and ILSVRC.", ("CUB-200-2011", "ILSVRC")),
])
def test_one_span_over_a_list_of_known_names_is_the_names(extractor, text, names):
    found = labels(extractor, text)
    assert all(found.get(name) in ("DATASET", "BENCHMARK") for name in names), found


def test_a_name_in_a_latex_command_is_the_name(extractor):
    (doc,) = extractor.extract([("t", r"In this paper, we propose \textbf{APHQ-ViT}, a post-training quantization method.")],
                               workers=1)
    assert [(m.text, m.proposed) for m in doc.mentions if "APHQ" in m.text] == [("APHQ-ViT", True)]


@pytest.mark.parametrize("text, measure", [
    (r"Our autofocus reaches a Mean Absolute Error of 0.0226 \textmu m on the test set.", "Mean Absolute Error"),
    ("It reaches a Pearson correlation coefficient of r = 0.993 with human scores.", "Pearson correlation coefficient"),
    (r"It improves by +14.17\% PSNR over the baseline.", "PSNR"),
])
def test_a_measure_whose_span_runs_into_its_value_is_the_measure(extractor, text, measure):
    assert labels(extractor, text).get(measure) == "METRIC"


def test_a_number_joined_to_a_measure_is_its_name(extractor):
    found = labels(extractor, "We report ROUGE-1 and ROUGE-2 gains.")
    assert found.get("ROUGE-1") == found.get("ROUGE-2") == "METRIC" and "ROUGE" not in found


def test_a_latex_accent_reads_as_its_letter(extractor):
    (doc,) = extractor.extract([("t", r"We report the Fr\'echet Inception Distance of our samples.")], workers=1)
    assert [(m.label, m.canonical) for m in doc.mentions] == [("METRIC", "fid")]  # not "Inception Distance", a method


@pytest.mark.parametrize("text, name", [
    ("MoST: Efficient Sparse Tuning for Point Clouds\n\nWe introduce MoST, a tuning method.", "MoST"),  # "most"
    ("FiVE: A Video Editing Benchmark\n\nWe present FiVE, a benchmark for editing.", "FiVE"),  # "five"
])
def test_a_coined_name_spelled_like_a_word_is_a_name(extractor, text, name):
    (doc,) = extractor.extract([("t", text)], workers=1)
    assert any(m.text == name and m.proposed for m in doc.mentions)
    assert not labels(extractor, "Most methods fail on five benchmarks.")  # the words stay words


@pytest.mark.parametrize("sentence,names", [
    # a data set the gazetteer knows, or a bench name, beside a name the model read as a method
    ("We train on a mix of Objaverse, GSO and ShapeNet, and test on novel objects.", ["GSO"]),
    ("Measured on ST-WebAgentBench and AgentHarm, our guard improves accuracy.", ["AgentHarm"]),
    # a list between spaced dashes after its head
    ("We compare decoding strategies across three benchmarks - E2E, Rotowire, and Livesum - using open LLMs.",
     ["E2E", "Livesum"]),
    ("Experiments on benchmark datasets - including VOT-TIR, PTB-TIR, and LSOTB-TIR - demonstrate that our tracker "
     "wins.", ["LSOTB-TIR"]),
])
def test_a_name_listed_with_known_data_is_data_whatever_the_model_read(extractor, sentence, names):
    # Session 61: both outside judges of seeds 101-102 typed AgentHarm and LiveSum data, the graph Method.
    found = labels(extractor, sentence)
    assert all(found.get(name) in ("DATASET", "BENCHMARK") for name in names), found


def test_a_spaced_hyphen_inside_a_tokenised_word_ends_no_list_item(extractor):
    # the gold corpora write "Chi - nese": only a dash that opened the list closes it
    found = labels(extractor, "The parser improves dependency parsing on both English and Chi - nese datasets.")
    assert "Chi" not in found, found


def test_a_list_of_the_models_data_readings_alone_stays_what_the_model_read(extractor):
    # no name of the list is known data or a bench name: the model's data readings decide nothing
    found = labels(extractor, "V-Stylist surpasses FRESCO and ControlVideo by 6.05% and 4.51% respectively.")
    assert found.get("FRESCO") not in ("DATASET", "BENCHMARK")


def test_a_name_glued_onto_score_is_a_measure(extractor):
    found = labels(extractor, "We score images with PickScore and ImageReward.")
    assert found.get("PickScore") == "METRIC"
    # what the text calls a benchmark stays one
    assert labels(extractor, "We introduce the SciScore benchmark.").get("SciScore") == "BENCHMARK"


@pytest.mark.parametrize("sentence,name", [
    ("On COCO, our detector reaches 44.3% mAP, outperforming YOLOv12-N by 3.7% and YOLOv13-N by 2.7%.", "YOLOv13-N"),
    ("We prune Phi-4-reasoning and LLaMA-3.2-Vision with our method.", "LLaMA-3.2-Vision"),
])
def test_a_known_models_version_with_a_size_or_variant_after_it_is_a_method(extractor, sentence, name):
    assert labels(extractor, sentence).get(name) == "METHOD"
