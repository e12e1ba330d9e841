"""The knowledge base: what it ships, how names link to it, and that the
graph stores the link (kb_id, canonical name, type)."""
from __future__ import annotations

from collections import Counter

import pytest

from graph import queries
from ingest import identity, kb
from ingest.curation import Curation
from ingest.extract import load_extractor
from ingest.kb import KB_PATH, KbEntry, KnowledgeBase
from ingest.kb.build import (KB_DIR, derived, fields_tsv, gold_names, kb_papers_tsv, name_review, pwc_method_papers,
                             pwc_methods, research_fields, reviewed, sota_extractor)
from ingest.load import load_records
from ingest.normalize import alias_key
from ingest.records import PaperRecord


def test_shipped_list_is_sourced_sized_and_licensed():
    entries = kb.read_kb()
    sources = Counter(e.source for e in entries)
    assert sources["pwc-methods"] > 1800 and sources["sota-extractor"] > 300 and sources["gold-train"] > 270
    assert len({e.kb_id for e in entries}) == len(entries)
    attribution = (KB_PATH.parent / "ATTRIBUTION.md").read_text(encoding="utf-8")
    assert "CC BY-SA 4.0" in attribution and "Apache-2.0" in attribution and "kb.tsv" in attribution


@pytest.mark.skipif(not KB_DIR.exists(), reason="needs ../shared/kb")
def test_shipped_list_is_what_the_build_derives():
    """Nobody edits kb.tsv by hand: it is exactly the build's output."""
    built = derived(KB_DIR)
    shipped = [line for line in KB_PATH.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    assert built.as_tsv("").splitlines() == shipped


@pytest.mark.skipif(not KB_DIR.exists(), reason="needs ../shared/kb")
def test_shipped_introducing_papers_are_what_the_build_derives():
    """kb_papers.tsv: the title keys of the papers Papers with Code says
    introduced the shipped methods, derived, never edited by hand."""
    papers = pwc_method_papers(KB_DIR, {e.kb_id for e in kb.read_kb()})
    assert kb.KB_PAPERS_PATH.read_text(encoding="utf-8") == kb_papers_tsv(papers)
    assert len(papers) > 1600 and set(papers) <= {e.kb_id for e in kb.read_kb() if e.source == "pwc-methods"}
    original = "Rethinking Semantic Segmentation from a Sequence-to-Sequence Perspective with Transformers"
    assert identity.title_hash(original) in kb.introducing_titles()["pwc-method:setr"]
    attribution = (KB_PATH.parent / "ATTRIBUTION.md").read_text(encoding="utf-8")
    assert "kb_papers.tsv" in attribution


@pytest.mark.skipif(not KB_DIR.exists(), reason="needs ../shared/kb")
def test_shipped_fields_are_what_the_build_derives_from_the_sources_taxonomies():
    fields = research_fields(KB_DIR)
    assert kb.FIELDS_PATH.read_text(encoding="utf-8") == fields_tsv(fields)
    # PwC's method areas and the leaderboards' categories, and arXiv's subject classes
    assert "pwc-methods" in fields["Computer Vision"] and "sota-extractor" in fields["Computer Vision"]
    assert fields["NLP"] == ["sota-extractor"] and fields["Robotics"] == ["arxiv"] and "General" not in fields


def test_shipped_languages_are_what_the_build_derives_from_iso_639():
    pytest.importorskip("pycountry")
    from ingest.kb.build import languages_tsv, natural_languages

    languages = natural_languages()
    assert kb.LANGUAGES_PATH.read_text(encoding="utf-8") == languages_tsv(languages)
    assert languages["Hindi"] == "hi" and languages["Swahili"] == "sw" and "Even" not in languages
    assert {"hindi", "basque", "scottish gaelic"} <= kb.language_names()


def test_shipped_ordinary_words_are_what_the_build_derives_from_the_corpus():
    """The list ORDINARY_WORD_RULE reads is derived, not kept by hand (`python -m ingest.kb.build`)."""
    pytest.importorskip("pycountry")
    from ingest.kb.build import CORPUS, ordinary_words, ordinary_words_txt

    if not CORPUS.exists():
        pytest.skip(f"{CORPUS} not here")
    words = ordinary_words(CORPUS)
    assert kb.ORDINARY_WORDS_PATH.read_text(encoding="utf-8") == ordinary_words_txt(words)
    assert {"findings", "orchestrator", "bangladesh"} <= kb.ordinary_words()
    assert not {"canny", "middlebury", "imagenette", "transformer"} & kb.ordinary_words()
    from ingest import fingerprint  # the confidence rules' id hashes the list where it is read

    assert fingerprint.INGEST_DIR / fingerprint.ORDINARY_WORDS == kb.ORDINARY_WORDS_PATH


@pytest.mark.parametrize("name,field", [
    ("computer vision", True), ("Natural Language Processing", True), ("NLP", True), ("robotics", True),
    ("CV", True), ("AR/VR", True), ("virtual reality", True),  # application areas of vocab.AREA_TERMS
    ("text mining", True), ("drug discovery", True), ("visual generation", True),  # outside judges' areas (session 43)
    ("knowledge representation", True), ("vision-language", True), ("Vision and Language", True),  # seed 77
    ("process mining", True), ("Process Mining", True),  # session 52, seed 82
    ("Human-AI Collaboration", True), ("Human-Robot Collaboration", True), ("Requirements engineering", True),  # s60
    ("computational linguistics", True), ("human-robot handover", False),
    ("object detection", False), ("vision-language navigation", False), ("question answering", False), ("Transfer Learning", False),
])

def test_fields_are_known_by_their_names(name, field):
    assert kb.is_field(alias_key(name)) is field


@pytest.mark.skipif(not KB_DIR.exists(), reason="needs ../shared/kb")
def test_leaderboard_tasks_have_a_leaderboard():
    """EFF progress-list headings with no data set or subtask anywhere ("Vision", "Transfer
    Learning", "Video Games") are goals, not tasks; the gold splits call transfer learning a method."""
    names = {e.name for e in sota_extractor(KB_DIR) if e.label == "TASK"}
    assert "Question Answering" in names and not names & {"Vision", "Transfer Learning", "Video Games"}
    assert kb.lookup("Vision") is None and kb.lookup("Transfer Learning").label == "METHOD"


def test_a_bare_task_acronym_is_the_one_task_it_spells():
    tasks = [KbEntry("t:1", "TASK", "quox answering", (), "a"), KbEntry("t:2", "TASK", "image retrieval", (), "a"),
             KbEntry("t:3", "TASK", "information retrieval", (), "a"), KbEntry("m:1", "METHOD", "auto encoder", (), "a")]
    bare = [KbEntry("g:qa", "TASK", "QA", (), "b"), KbEntry("g:ir", "TASK", "IR", (), "b"), KbEntry("g:ae", "METHOD", "AE", (), "b")]
    base = KnowledgeBase.build([tasks, bare])
    assert base.by_key["qa"].kb_id == "t:1" and "QA" in base.by_key["qa"].aliases
    assert base.by_key["ir"].kb_id == "g:ir"  # two tasks spell it: neither
    assert base.by_key["ae"].kb_id == "g:ae"  # method acronyms are coined names, not folded
    # the shipped KB: the seed graph's "QA" beside "question answering" is one task now
    assert kb.lookup("QA").kb_id == kb.lookup("question answering").kb_id


@pytest.mark.parametrize("surface,name,label", [
    ("Residual Networks", "ResNet", "METHOD"),  # gazetteer synonym
    ("MS-COCO", "COCO", "DATASET"),  # declared synonym in the gazetteer
    ("Contrastive Language-Image Pre-training", "CLIP", "METHOD"),  # PwC full_name <-> name
    ("Weighted finite state transducer", "WFST", "METHOD"),  # PwC only
    ("Transformers", "Transformer", "METHOD"),  # plural
    ("automatic speech recognition", "speech recognition", "TASK"),
    # one metric however written (an outside judge's uniform sample of the 10k graph, session 28)
    ("mean IoU", "mIoU", "METRIC"),
    ("F1-macro score", "macro-F1", "METRIC"),
    ("AUC-ROC", "AUC", "METRIC"),
    ("ROC-AUC", "AUC", "METRIC"),
    ("Dice score", "Dice coefficient", "METRIC"),
    ("mean square error", "mean squared error", "METRIC"),
    ("R@5", "Recall@5", "METRIC"),
    ("F1 measure", "F1", "METRIC"),
    ("autoregressive", "autoregressive model", "METHOD"), ("auto-regressive models", "autoregressive model", "METHOD"),
    ("denoising diffusion models", "diffusion model", "METHOD"),
    ("BLEU score", "BLEU", "METRIC"),  # the leaderboards' "BLEU score" is no metric of its own
    # one metric however written (session 41: outside judges' duplicates)
    ("AP50", "mAP50", "METRIC"), ("chrF2", "chrF", "METRIC"), ("R@1", "Recall@1", "METRIC"),
    ("diffusion probabilistic models", "diffusion model", "METHOD"), ("parameter-efficient tuning", "PEFT", "METHOD"),
    # established methods the Papers with Code list lacks (session 41)
    ("Random Sample Consensus", "RANSAC", "METHOD"), ("Kalman filter", "Kalman filter", "METHOD"),
    ("Hungarian matching", "Hungarian algorithm", "METHOD"), ("3DMM", "3D morphable model", "METHOD"),
    ("Density-Based Spatial Clustering of Applications with Noise", "DBSCAN", "METHOD"),
    # benchmarks of 2023-2025 the leaderboards lack; the curated name wins over PwC's 2022 method "Tofu"
    ("HLE", "Humanity's Last Exam", "BENCHMARK"), ("TOFU", "TOFU", "BENCHMARK"), ("BFCL", "Berkeley Function Calling Leaderboard", "BENCHMARK"),
    ("MIMIC-CXR", "MIMIC-CXR", "DATASET"),
    # named losses and constraints OBJECT_HEAD_RULE would hold back as parts of a model (session 42)
    ("contrastive losses", "contrastive loss", "METHOD"), ("BCE", "binary cross-entropy", "METHOD"),
    ("CBFs", "control barrier function", "METHOD"),
    # one RoPE however spelled out (Papers with Code's "Rotary Embeddings" lacks "positional")
    ("Rotary Positional Embeddings", "RoPE", "METHOD"), ("Rotary Embeddings", "RoPE", "METHOD"),
    ("test-time adaptation", "test-time adaptation", "TASK"),  # a setting, as domain adaptation is (session 42)
    # split from their usual node, or read under another type, by session 43's outside judges
    ("MVTec", "MVTec AD", "DATASET"), ("NTU", "NTU RGB+D", "DATASET"), ("ILSVRC", "ImageNet", "DATASET"),
    ("MVTec 3D", "MVTec 3D-AD", "DATASET"), ("MVTec LOCO AD", "MVTec LOCO AD", "DATASET"),  # MVTec's other sets
    ("5-fold cross-validation", "k-fold cross-validation", "METHOD"), ("inpainting", "image inpainting", "TASK"),
    ("MoCap", "motion capture", "TASK"), ("LLMs4Subjects", "LLMs4Subjects", "BENCHMARK"),
    # the gazetteer's census (session 43): tasks, a duplicate, a data set's long form that named a task
    ("generative modeling", "generative modeling", "TASK"), ("MVS", "multi-view stereo", "TASK"),
    ("text summarization", "summarization", "TASK"), ("Microsoft Machine Reading Comprehension", "MS MARCO", "DATASET"),
    # duplicates to both judges of session 43's final sample
    ("image synthesis", "image generation", "TASK"), ("super-resolution reconstruction", "super-resolution", "TASK"),
    # established methods held back as bare capitals no paper spelled out (session 43)
    ("SIFT", "SIFT", "METHOD"), ("EMA", "exponential moving average", "METHOD"), ("SMC", "sequential Monte Carlo", "METHOD"),
    ("Sentence-BERT", "SBERT", "METHOD"), ("DAPO", "DAPO", "METHOD"), ("VQ-GAN", "VQGAN", "METHOD"),
    ("COMET", "COMET", "METRIC"), ("PLS", "partial least squares", "METHOD"),
    # 2023-2025 models and a metric the model read as data sets at 40k (session 43's sample there)
    ("CogVideoX", "CogVideoX", "METHOD"), ("DeepL", "DeepL", "METHOD"), ("AlignScore", "AlignScore", "METRIC"),
    ("language translation", "machine translation", "TASK"), ("Earth Mover Distance", "Earth Mover's Distance", "METRIC"),
    # duplicates to both judges of session 44's 40k sample (31 and 4 papers)
    ("deep convolutional neural networks", "CNN", "METHOD"), ("contrastive representation learning", "contrastive learning", "METHOD"),
    # the task, not STS-B: a data set's long form keyed without its head would be the task's name
    ("Semantic Textual Similarity", "Semantic Textual Similarity", "TASK"),
    # models and a tool of 2024-2025 the model read as data at 40k (FLUX.1-dev 13 papers a Benchmark, session 44)
    ("FLUX.1-dev", "FLUX.1-dev", "METHOD"), ("FLUX", "FLUX", "METHOD"), ("LLaDA", "LLaDA", "METHOD"),
    ("COLMAP", "COLMAP", "METHOD"),
    # a duplicate and a product read as data by both judges of session 44's seed 56
    ("RL from human feedback", "RLHF", "METHOD"), ("NotebookLM", "NotebookLM", "METHOD"),
])
def test_names_and_synonyms_link_to_one_entry(surface, name, label):
    entry = kb.lookup(surface)
    assert entry is not None and (entry.name, entry.label) == (name, label)


def test_a_bare_acronym_of_two_senses_is_no_synonym():
    # "AR model" has bare AR's key, which is augmented reality as often as autoregressive
    assert kb.lookup("AR") is None


def test_versions_are_entries_of_their_own():
    assert kb.lookup("GPT-4").kb_id != kb.lookup("GPT").kb_id
    assert kb.lookup("HumanEval+") is None or kb.lookup("HumanEval+").kb_id != kb.lookup("HumanEval").kb_id


def test_a_synonym_two_entries_claim_names_neither_and_the_earlier_source_wins():
    first = [KbEntry("a:1", "METHOD", "Alpha Net", ("AN",), "a"), KbEntry("a:2", "METHOD", "Another Norm", ("AN",), "a")]
    later = [KbEntry("b:1", "DATASET", "Alpha Net", ("Alpha Network",), "b"), KbEntry("b:2", "TASK", "Beta", (), "b")]
    base = KnowledgeBase.build([first, later])
    assert "an" not in base.by_key  # ambiguous: two meanings
    alpha = base.by_key["alphanet"]
    assert (alpha.kb_id, alpha.label) == ("a:1", "METHOD") and alpha.aliases == ("Alpha Network",)
    assert base.by_key["alphanetwork"] is alpha and base.by_key["beta"].kb_id == "b:2"


def test_an_entry_spelled_out_as_an_earlier_entrys_name_is_that_entry():
    """Papers with Code lists "AE" (full name "Autoencoders") beside
    "AutoEncoder": one method, which the 10k graph showed twice."""
    assert kb.lookup("AE").kb_id == kb.lookup("autoencoder").kb_id == "pwc-method:autoencoder"
    assert kb.lookup("ECANet").name == "Efficient Channel Attention"
    assert kb.lookup("Relationship Extraction").name == "relation extraction"
    first = [KbEntry("a:1", "METHOD", "AutoEncoder", (), "a"), KbEntry("a:2", "METHOD", "AE", ("Autoencoders",), "a"),
             KbEntry("a:3", "DATASET", "AN", ("AutoEncoder",), "a")]
    base = KnowledgeBase.build([first])
    assert base.by_key["ae"].kb_id == "a:1" and base.by_key["ae"].aliases == ("AE",)
    assert base.by_key["an"].kb_id == "a:3"  # another label: a name of its own
    # the gazetteer's own entries are left as written
    gazetteer = [KbEntry("g:1", "TASK", "machine translation", (), kb.GAZETTEER_SOURCE),
                 KbEntry("g:2", "TASK", "NMT", ("machine translation",), kb.GAZETTEER_SOURCE)]
    assert KnowledgeBase.build([gazetteer]).by_key["nmt"].kb_id == "g:2"


@pytest.fixture(scope="module")
def extractor():
    return load_extractor("fast")


def test_extraction_keys_a_synonym_on_its_entry(extractor):
    text = "We compare Residual Networks with a Vision Transformer on MS-COCO."
    (doc,) = extractor.extract([("p", text)])
    keys = {m.text: m.canonical for m in doc.mentions}
    assert keys.get("Residual Networks") == "resnet"
    assert keys.get("MS-COCO") == "coco"


def record(n: int, title: str, abstract: str) -> PaperRecord:
    return PaperRecord(id=f"kb:{n}", title=title, abstract=abstract, published=f"2025-01-{n:02d}", sources=("test",))


def test_graph_entities_carry_kb_id_canonical_name_and_type(store, extractor):
    records = [
        record(1, "Residual Networks for tiny images", "We train Residual Networks on MS-COCO and report accuracy."),
        record(2, "Scaling ResNets", "We scale ResNets and evaluate them on COCO."),
    ]
    load_records(store, records, extract=extractor.extract, extraction="test", curation=Curation.empty())
    rows = {r["key"]: r for r in store.read(queries.ENTITY_NAMES).records()}
    props = {r[0]: r for r in store.read("MATCH (e:Entity) RETURN e.key, e.kb_id, e.name, e.label, e.paper_count").rows}
    assert props["resnet"][1:] == ["paperkg:resnet", "ResNet", "Method", 2]
    assert props["coco"][1] == "paperkg:coco" and props["coco"][2] == "COCO" and props["coco"][4] == 2
    assert set(rows["resnet"]["aliases"]) >= {"Residual Networks", "ResNets"}


def test_a_gold_name_that_is_a_known_name_and_its_class_noun_is_that_name():
    """"neural network architecture" (a gold span) is the neural networks entry,
    not one beside it; curated entries keep their own names."""
    assert kb.lookup_key("neuralnetworkarchitecture").kb_id == kb.lookup_key("neuralnetwork").kb_id
    assert kb.lookup_key("machinelearningalgorithm").kb_id == kb.lookup_key("machinelearning").kb_id
    assert kb.lookup_key("languagemodel").name == "language model"  # no class noun: its own entry
    assert not any(e.name == "neural network architecture" for e in kb.knowledge_base().entries)


def test_a_gold_name_that_is_the_bare_verb_of_another_entrys_gerund_is_that_entry():
    """"we pretrain X" (43 papers of the 10k graph) is pre-training, not a Method of its own."""
    assert kb.lookup("pretrain").name == kb.lookup("pre-train").name == "pre-training"
    assert kb.lookup("ensemble").name == "ensemble"  # a noun; "ensembling" is no other entry's name


def test_what_a_method_is_made_of_or_does_is_no_gold_name():
    # session 28's census of the 10k graph's plain gold-only names (judge-10k-s28-gold-plain.tsv)
    for word in ("generator", "classifier", "augmenting", "filtering", "convolutional layers", "attention heads",
                 "word representations", "pre-trained"):
        assert kb.lookup(word) is None, word
    for name in ("fine-tuning", "encoder-decoder", "meta-learning", "data augmentation", "reasoning"):
        assert kb.lookup(name) is not None, name
    assert kb.lookup("transfer the knowledge") is None  # a clause (an article inside), not a name


def test_a_gold_name_both_outside_judges_rejected_is_no_entry():
    # NAME_REVIEW (judge-gold-names-s42*.tsv): a role, an object, a tool, a class, a property, a verb
    for name in ("adversary", "random noise", "CoreNLP", "crowdworkers", "NLP tasks", "robustness", "optimize"):
        assert kb.lookup(name) is None, name
    assert kb.lookup("phrase-based statistical machine translation").label == "METHOD"  # both: an approach
    for name in ("fine-tuning", "transfer learning", "backpropagation"):  # kept
        assert kb.lookup(name) is not None, name


def test_a_name_of_any_source_both_outside_judges_rejected_in_its_papers_is_no_entry():
    """NAME_REVIEW, session 43 (judge-10k-s43-kb-census*.tsv): each visible
    entity of the 10k graph a derived entry named, judged with its papers' sentences."""
    for name in ("Visual Attention", "Sparse Transformer", "PnP", "Disentanglement", "knowledge transfer",
                 "contextual embeddings", "random sampling"):
        assert kb.lookup(name) is None, name
    for name, label in (("domain generalization", "TASK"), ("Causal Inference", "TASK"), ("multi-task learning", "METHOD"),
                        ("MUSIQ", "METRIC"), ("VOS", "TASK"), ("cosine similarity", "METRIC")):
        assert kb.lookup(name).label == label, name
    # duplicates are the usual name's synonyms; names another thing's capitals joined stay
    for name, usual in (("Adam optimizer", "Adam"), ("self-attention mechanism", "self-attention"),
                        ("supervised training", "supervised learning"), ("crossentropy", "cross-entropy loss")):
        assert kb.lookup(name).name == usual, name
    for name in ("SchNet", "CvT", "XSum"):
        assert kb.lookup(name) is not None, name


@pytest.mark.skipif(not KB_DIR.exists(), reason="needs ../shared/kb")
def test_the_review_leaves_out_or_relabels_a_derived_entry_of_any_source():
    names = {e.name: e.label for e in reviewed(pwc_methods(KB_DIR), {alias_key("Visual Attention"): "reject",
                                                                     alias_key("Colorization"): "TASK"})}
    assert "Visual Attention" not in names and names["Colorization"] == "TASK" and names["Dropout"] == "METHOD"
    # a rejected alias leaves its entry, which stays (session 62: "lightweight convolution" is no LightConv)
    entries = {e.name: e for e in reviewed(pwc_methods(KB_DIR), {alias_key("Lightweight Convolution"): "reject"})}
    assert entries["LightConv"].aliases == () and "Lightweight Convolution" not in entries
    assert kb.lookup("lightweight convolution") is None and kb.lookup("LightConv") is not None
    # session 63: the sota-extractor's data set SemEval is the series of shared evaluation tasks
    assert kb.lookup("SemEval").label == "BENCHMARK"


def test_a_malformed_name_review_line_names_its_file_and_line(tmp_path):
    review = tmp_path / "name_review.tsv"
    review.write_text("# name, verdict\nadversary\treject\nrandom noise\tnoise\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"name_review.tsv:3: expected name<TAB>reject or name<TAB>LABEL"):
        name_review(review)
    review.write_text("adversary\treject\nGLUE\tBENCHMARK\n", encoding="utf-8")
    assert name_review(review) == {"adversary": "reject", "glue": "BENCHMARK"}


@pytest.mark.skipif(not KB_DIR.exists(), reason="needs ../shared/kb")
def test_capitals_a_methods_full_name_does_not_spell_are_no_entry():
    """RAM ("Recurrent models of visual attention") and TS ("Spatio-temporal
    stability analysis"): no paper defines the letters so; GLU and NICE stay."""
    names = {entry.name for entry in pwc_methods(KB_DIR)}
    assert not {"RAM", "TS"} & names
    assert {"GLU", "NICE", "SSD"} <= names
    assert kb.lookup_key("ram") is None


@pytest.mark.parametrize("form,standard", [
    # spellings both outside judges of sessions 58 and 60 filed as duplicates of the standard name
    ("NL2SQL", "Text-to-SQL"), ("NL-to-SQL", "Text-to-SQL"), ("Text2SQL", "Text-to-SQL"),
    ("Text-to-SQL Parsing", "Text-to-SQL"), ("text-to-SQL translation", "Text-to-SQL"), ("SQL parsing", "Text-to-SQL"),
    ("Natural Language to SQL", "Text-to-SQL"),
    ("Segment Anything", "SAM"),
])
def test_judged_spellings_are_the_standard_names(form, standard):
    from ingest.extract import gazetteer

    assert gazetteer.canonical(form) == gazetteer.canonical(standard)
    assert kb.lookup(form) == kb.lookup(standard) is not None
