"""COINED_TWICE_RULE (ingest/confidence.py): a name two papers each give
their own work in their titles stands for several things. Real ingests on
the embedded store; the papers are written for the test."""
from __future__ import annotations

from dataclasses import replace

import pytest

from graph import StoreConfig, open_store, views
from graph.settings import MIN_CONFIDENCE
from ingest.curation import Curation
from ingest.extract import load_extractor
from ingest.load import load_records
from ingest.normalize import introduces_name, title_coins
from ingest.records import PaperRecord


def test_a_title_coins_the_name_it_opens_with():
    assert title_coins("PRISM: Probing Reasoning in Sparse Models", ("PRISM",))
    assert title_coins("X$^{2}$-Gaussian: 4D Radiative Gaussian Splatting", ("X2-Gaussian",))  # read as extraction reads it
    assert title_coins("MOSAIC : Scenes from Many Views", ("MOSAIC", "Mosaic"))
    assert not title_coins("Probing PRISM: what it learns", ("PRISM",))  # named, not coined
    assert not title_coins("PRISMA: A Survey", ("PRISM",)) and not title_coins(None, ("PRISM",))


def paper(n: int, title: str, abstract: str) -> PaperRecord:
    return PaperRecord(id=f"coin:{n}", title=title, abstract=abstract, published=f"2025-04-{n:02d}", upvotes=0, sources=("test",))


PAPERS = [
    paper(1, "VoxTrail: Streaming Depth Fusion for Mobile Robots",
          "We present VoxTrail, a method that fuses depth streams on mobile robots, and train it with Adam on ImageNet."),
    paper(2, "VoxTrail: Sparse Attention for Long Video Models",
          "We present VoxTrail, a sparse attention method for long videos, and train it with Adam on ImageNet."),
    paper(3, "Depth fusion revisited",
          "We compare our depth fusion method with VoxTrail and report results on ImageNet with Adam."),
]


@pytest.fixture
def coined_store(paperkg_home):
    with open_store(StoreConfig(backend="falkordb", home=paperkg_home, graph_name="coined_test")) as store:
        store.reset()
        yield store


def voxtrail(store):
    return store.read("MATCH (e:Entity {key: 'voxtrail'}) RETURN e.coined_papers, e.paper_count, e.confidence").rows[0]


def test_a_name_two_papers_coin_in_their_titles_is_held_back_until_the_field_uses_it(coined_store):
    from app.components.details import _confidence

    extract = load_extractor("fast").extract
    load_records(coined_store, PAPERS, extract=extract, extraction="test", curation=Curation.empty())
    coined, papers, confidence = voxtrail(coined_store)
    assert (coined, papers) == (2, 3) and confidence < MIN_CONFIDENCE
    shown = str(_confidence(views.entity_details(coined_store, "voxtrail").entity).children)
    assert "2 of its 3 papers, by different authors, each name their own work VoxTrail in a title or an abstract" in shown
    assert "voxtrail" not in {e.key for e in views.top_entities(coined_store, "Method", 50)}

    # Extracted again (another extraction id): each link is taken back with its paper's stored title.
    load_records(coined_store, PAPERS, extract=extract, extraction="test-2", curation=Curation.empty())
    assert tuple(voxtrail(coined_store)[:2]) == (2, 3)
    # A name that many more papers use than title it is the field's.
    users = [paper(n, f"Depth study {n}", f"We compare our method {n} with VoxTrail on ImageNet.") for n in range(4, 22)]
    load_records(coined_store, users[:17], extract=extract, extraction="test-2", curation=Curation.empty())
    coined, papers, confidence = voxtrail(coined_store)
    assert (coined, papers) == (2, 20) and confidence < MIN_CONFIDENCE  # a tenth still title it
    load_records(coined_store, users[17:], extract=extract, extraction="test-2", curation=Curation.empty())
    coined, papers, confidence = voxtrail(coined_store)
    assert (coined, papers) == (2, 21) and confidence >= MIN_CONFIDENCE


def test_an_abstract_names_its_own_work_right_after_a_verb_of_making_or_as_a_novelty():
    assert introduces_name("To this end, we introduce MINT (Multimodal Integrated kNowledge Transfer), a framework that"
                           " aligns decoders.", ("MINT", "Multimodal Integrated kNowledge Transfer"))
    assert introduces_name("This paper introduces UniGen, the first multi-agent framework for games.", ("UniGen",))
    assert introduces_name("We propose a new benchmark called MotionBench to probe motion.", ("MotionBench",))
    assert introduces_name("OASIS, a novel sample selection approach, adapts per batch.", ("OASIS",))
    # set off after "our" and a word for a work, or called so inside a parenthesis (session 53)
    assert introduces_name("Our proposed framework, QuillNet, comprises three modules.", ("QuillNet",))
    assert introduces_name("We first build a medical knowledge graph (termed MedKGX) from reports.", ("MedKGX",))
    assert not introduces_name("We compare with our strong baseline model, BERT, on GLUE.", ("BERT",))
    # "the proposed" as "our", and a definite work called so (session 56)
    assert introduces_name("The proposed method, SEMCLIPX, strengthens visual understanding.", ("SEMCLIPX",))
    assert introduces_name("The resulting dataset, CultGround, holds 22 million pairs.", ("CultGround",))
    assert introduces_name("The approach, called SemClipX, moves captions toward their images.", ("SemClipX",))
    assert not introduces_name("The previous method, called ResNeXt, fails on it.", ("ResNeXt",))
    assert not introduces_name("The proposed YOLOv7 with ConSinGAN is superior.", ("YOLOv7",))
    # a new work's word set off before the name (session 67)
    assert introduces_name("We then construct a new benchmark, FEAQuizX, of annotated faces.", ("FEAQuizX",))
    assert introduces_name("We release a novel multilingual dataset, PolyVoxA, for speech.", ("PolyVoxA",))
    assert not introduces_name("We fine-tune a new baseline model, BERT, on GLUE.", ("BERT",))
    assert introduces_name("We collect a new loop closure dataset, coined LoopSetX, from drives.", ("LoopSetX",))
    # a benchmark's name right after a verb of making, whatever follows but a noun it modifies
    assert introduces_name("Thirdly, we curate SAGEX-Bench with clips longer than 700 seconds.", ("SAGEX-Bench",))
    assert introduces_name("In addition, we develop a TCGXBench to facilitate the study of it.", ("TCGXBench",))
    assert not introduces_name("We present VBench results for all models.", ("VBench",))
    assert not introduces_name("We introduce the MT-Bench protocol to compare chat models.", ("MT-Bench",))
    # The known work described, used, or a lower-case phrase of the field.
    assert not introduces_name("HealthBench, an open-source benchmark, measures safety.", ("HealthBench",))
    assert not introduces_name("We build on GRPO, a widely used algorithm.", ("GRPO",))
    assert not introduces_name("It uses a therapeutic approach called Motivational Interviewing (MI), a ...",
                               ("Motivational Interviewing", "MI"))
    assert not introduces_name("We evaluate on MINT, a suite of tasks.", ("MINT",))
    assert not introduces_name("We represent CLIP, a model of images.", ("CLIP",))
    assert not introduces_name("We introduce intent detection, a task of dialogue systems.", ("intent detection",))


ABSTRACT_COINED_PAPERS = [
    paper(41, "Knowledge transfer from multimodal models",
          "We study transfer to text models. We introduce MINTRA, a framework that aligns decoders with"
          " multimodal teachers, and train it with Adam on ImageNet."),
    paper(42, "Machine text detectors are membership inference attacks",
          "Both fields lack shared tools. To this end we present MINTRA, a unified evaluation suite for"
          " both tasks, and report results on ImageNet."),
    paper(43, "Transfer revisited", "We compare our transfer method with MINTRA on ImageNet."),
]


def test_a_name_two_abstracts_introduce_as_their_own_work_is_held_back(coined_store):
    """Two papers that each introduce their own MINTRA ("we introduce
    MINTRA, a ...") with no title opening with it mean two things by it,
    as two titles "MINTRA: ..." do; the introducing sentence is the
    link's evidence."""
    from app.components.details import _confidence

    extract = load_extractor("fast").extract
    load_records(coined_store, ABSTRACT_COINED_PAPERS, extract=extract, extraction="test", curation=Curation.empty())
    coined, papers, confidence = coined_store.read(
        "MATCH (e:Entity {key: 'mintra'}) RETURN e.coined_papers, e.paper_count, e.confidence").rows[0]
    assert (coined, papers) == (2, 3) and confidence < MIN_CONFIDENCE
    evidence = dict(coined_store.read(
        "MATCH (p:Paper)-[m:MENTIONS]->(:Entity {key: 'mintra'}) RETURN p.id, m.evidence").rows)
    assert evidence["coin:42"].startswith("To this end we present MINTRA, a unified evaluation suite")
    shown = str(_confidence(views.entity_details(coined_store, "mintra").entity).children)
    assert "2 of its 3 papers, by different authors, each name their own work MINTRA in a title or an abstract" in shown


def test_papers_that_share_an_author_name_one_work(coined_store):
    """A paper and its extended version (or a data set and its authors'
    next paper) each introduce the name: one work, so the name is shown; a
    paper by other authors that introduces it too makes it several. The
    stored tally keeps who named it, so a paper taken back is counted out."""
    extract = load_extractor("fast").extract
    first, second, user = ABSTRACT_COINED_PAPERS
    same_work = [replace(first, authors=("Ana Ruiz", "Li Wei")), replace(second, authors=("Li Wei", "Omar Haddad")), user]
    load_records(coined_store, same_work, extract=extract, extraction="test", curation=Curation.empty())
    mintra = "MATCH (e:Entity {key: 'mintra'}) RETURN e.coined_papers, e.paper_count, e.confidence, e.coining_authors"
    coined, papers, confidence, coiners = coined_store.read(mintra).rows[0]
    assert (coined, papers) == (1, 3) and confidence >= MIN_CONFIDENCE
    assert sorted(coiners) == ["Ana Ruiz; Li Wei", "Li Wei; Omar Haddad"]
    other = paper(44, "Membership inference at scale",
                  "We introduce MINTRA, a toolkit for membership inference, and report results on ImageNet.")
    load_records(coined_store, [replace(other, authors=("Kenji Sato",))], extract=extract, extraction="test",
                 curation=Curation.empty())
    coined, papers, confidence, _ = coined_store.read(mintra).rows[0]
    assert (coined, papers) == (2, 4) and confidence < MIN_CONFIDENCE
    # Extracted again (another extraction id): each link is taken back with its paper's stored authors.
    load_records(coined_store, [*same_work, replace(other, authors=("Kenji Sato",))], extract=extract,
                 extraction="test-2", curation=Curation.empty())
    assert tuple(coined_store.read(mintra).rows[0][:2]) == (2, 4)
    # A tally stored before it kept who named the work is rebuilt from the papers.
    coined_store.write("MATCH (e:Entity {key: 'mintra'}) REMOVE e.coining_authors SET e.confidence_rules = 'old'")
    load_records(coined_store, [], extract=extract, extraction="test-2", curation=Curation.empty())
    coined, papers, confidence, coiners = coined_store.read(mintra).rows[0]
    assert (coined, papers) == (2, 4) and len(coiners) == 3


KNOWN_NAME_PAPERS = [
    # Titles that do not spell the name out: one that does defines its own long form and leaves the
    # known name (`acronyms._loosely_spelled_end`, session 49).
    paper(31, "SPADE: Planning Routes for Aerial Drones",
          "We present SPADE, a planner for aerial drones, and train it with Adam on ImageNet."),
    paper(32, "SPADE: Diffusion for Speech with Adaptive Experts",
          "We present SPADE, a diffusion method for speech, and train it with Adam on ImageNet."),
    paper(33, "Image synthesis revisited",
          "We compare our generator with SPADE and report results on ImageNet with Adam."),
]


def test_a_known_name_other_titles_give_their_own_work_is_held_back_until_the_field_uses_it(coined_store):
    """Papers with Code knows SPADE (2019, introduced by another paper):
    papers that title their own SPADE are keyed apart by their titles
    (`kb.introduced_elsewhere`), and count as naming other works by the
    letters (TITLE_DEFINED_ELSEWHERE_RULE). While they are half the name's
    uses it stands for several things (KB_COINED_MIN_SHARE); the known
    method keeps the bare display name, a new work is qualified."""
    from app.components.details import _confidence

    extract = load_extractor("fast").extract
    load_records(coined_store, KNOWN_NAME_PAPERS, extract=extract, extraction="test", curation=Curation.empty())
    rows = coined_store.read("MATCH (e:Entity) WHERE e.name STARTS WITH 'SPADE' RETURN e.key, e.name, e.kb_id, e.paper_count").rows
    assert sorted(rows) == [["spade", "SPADE", "pwc-method:spade", 1],
                            ["spadediffusionspeechadaptiveexpert", "SPADE (Method)", None, 1],
                            ["spadeplanningrouteaerialdrone", "SPADE (Method, spadeplanningrouteaerialdrone)", None, 1]]
    elsewhere, confidence = coined_store.read(
        "MATCH (e:Entity {key: 'spade'}) RETURN e.coined_elsewhere, e.confidence").rows[0]
    assert elsewhere == 2 and confidence < MIN_CONFIDENCE
    shown = str(_confidence(views.entity_details(coined_store, "spade").entity).children)
    assert "2 other titles give the letters to a work of its own" in shown and "until the knowledge base" not in shown
    users = [paper(n, f"Synthesis study {n}", f"We compare our generator {n} with SPADE on ImageNet.") for n in (34, 35)]
    load_records(coined_store, users, extract=extract, extraction="test", curation=Curation.empty())
    papers, confidence = coined_store.read("MATCH (e:Entity {key: 'spade'}) RETURN e.paper_count, e.confidence").rows[0]
    assert papers == 3 and confidence >= MIN_CONFIDENCE


def test_a_tally_stored_before_titles_were_counted_is_rebuilt_from_the_papers(coined_store):
    extract = load_extractor("fast").extract
    load_records(coined_store, PAPERS, extract=extract, extraction="test", curation=Curation.empty())
    coined_store.write("MATCH (e:Entity {key: 'voxtrail'}) REMOVE e.coined_papers SET e.confidence = 1.0, e.confidence_rules = 'old'")
    load_records(coined_store, [], extract=extract, extraction="test", curation=Curation.empty())
    coined, papers, confidence = voxtrail(coined_store)
    assert (coined, papers) == (2, 3) and confidence < MIN_CONFIDENCE


TITLE_DEFINED_PAPERS = [
    paper(41, "VorTA: Variable Ordered Routing of Token Attention for Long Contexts",
          "We present VorTA, which routes tokens by variable ordered attention, and train it with Adam on ImageNet."),
    paper(42, "VorTA: Teaching Legged Robots to Climb Stairs",
          "We present VorTA, a method that teaches legged robots to climb stairs, and train it with Adam on ImageNet."),
    paper(43, "Stair climbing revisited",
          "We compare our climbing method with VorTA and report results on ImageNet with Adam."),
    paper(44, "Stair climbing at scale",
          "We compare our climbing method with VorTA and report results on ImageNet with Adam."),
]


def vorta(store):
    return store.read("MATCH (e:Entity {key: 'vorta'}) RETURN e.coined_papers, e.coined_elsewhere, e.paper_count, e.confidence").rows[0]


def test_a_title_that_spells_the_letters_out_for_its_own_work_still_coins_them(coined_store):
    """TITLE_DEFINED_ELSEWHERE_RULE: the first title defines VorTA for its own
    paper, whose link goes to the long form's entity; the bare letters'
    entity is still named by two works, and is held back until that title
    no longer coins them."""
    from app.components.details import _confidence

    extract = load_extractor("fast").extract
    load_records(coined_store, TITLE_DEFINED_PAPERS, extract=extract, extraction="test", curation=Curation.empty())
    spelled = coined_store.read("MATCH (:Paper {id: 'coin:41'})-[:MENTIONS]->(e:Entity) WHERE e.key STARTS WITH 'variableorderedrouting'"
                                " RETURN e.key").rows
    assert spelled, "the title's definition gives the paper its own entity"
    coined, elsewhere, papers, confidence = vorta(coined_store)
    assert (coined, elsewhere, papers) == (1, 1, 3) and confidence < MIN_CONFIDENCE
    shown = str(_confidence(views.entity_details(coined_store, "vorta").entity).children)
    assert "1 other title gives the letters to a work of its own" in shown
    assert "vorta" not in {e.key for e in views.top_entities(coined_store, "Method", 50)}

    # Read again: the count stays.
    load_records(coined_store, TITLE_DEFINED_PAPERS, extract=extract, extraction="test-2", curation=Curation.empty())
    assert tuple(vorta(coined_store)[:3]) == (1, 1, 3)
    # The count is the graph's, read after every load: without the defining paper, the name has one coiner.
    coined_store.write("MATCH (p:Paper {id: 'coin:41'}) DETACH DELETE p")
    load_records(coined_store, [], extract=extract, extraction="test-2", curation=Curation.empty())
    coined, elsewhere, papers, confidence = vorta(coined_store)
    assert (coined, elsewhere, papers) == (1, None, 3) and confidence >= MIN_CONFIDENCE


def dated(n: int, published: str, authors: tuple[str, ...], abstract: str) -> PaperRecord:
    return replace(paper(n, f"Paper {n} on planning", abstract), published=published, authors=authors)


EARLIER_USER = dated(51, "2025-03-05", ("Ana Ruiz",),
                     "We compare our robot policy with QuillNet and report results on ImageNet with Adam.")
LATER_COINER = dated(52, "2025-07-10", ("Kenji Sato",),
                     "We propose QuillNet, a novel framework for table parsing, and train it with Adam on ImageNet.")


def quillnet(store):
    return store.read("MATCH (e:Entity {key: 'quillnet'}) RETURN e.coined_papers, e.paper_count, e.used_apart, "
                      "e.confidence").rows[0]


def test_a_name_other_authors_used_months_before_its_coiner_stands_for_two_works(coined_store):
    """USED_APART_RULE: a paper that proposes QuillNet in July is not what
    other authors meant by QuillNet in March. The earlier paper may arrive
    in a later load: the mark is read from the graph after every load."""
    from app.components.details import _confidence

    extract = load_extractor("fast").extract
    load_records(coined_store, [LATER_COINER], extract=extract, extraction="test", curation=Curation.empty())
    load_records(coined_store, [EARLIER_USER], extract=extract, extraction="test", curation=Curation.empty())
    coined, papers, used, confidence = quillnet(coined_store)
    assert (coined, papers, used) == (1, 2, True) and confidence < MIN_CONFIDENCE
    shown = str(_confidence(views.entity_details(coined_store, "quillnet").entity).children)
    assert ("1 of its 2 papers names its own work QuillNet in a title or an abstract, while papers by other authors"
            " meant something else by it (the name months before, its words as a plain phrase, or its letters in another"
            " case)") in shown


@pytest.mark.parametrize("earlier", [
    dated(51, "2025-03-05", ("Ana Ruiz", "Kenji Sato"), EARLIER_USER.abstract),  # a coiner's co-author: one work
    dated(51, "2025-06-20", ("Ana Ruiz",), EARLIER_USER.abstract),  # a month before: a release before its report
    dated(51, "2025-03-05", (), EARLIER_USER.abstract),  # authors unknown: nothing to tell works apart by
])
def test_an_earlier_use_by_a_coauthor_or_a_month_before_is_the_same_work(coined_store, earlier):
    extract = load_extractor("fast").extract
    load_records(coined_store, [earlier, LATER_COINER], extract=extract, extraction="test", curation=Curation.empty())
    coined, papers, used, confidence = quillnet(coined_store)
    assert (coined, papers) == (1, 2) and not used and confidence >= MIN_CONFIDENCE


def test_an_earlier_paper_writing_the_coiners_phrase_means_the_same_thing():
    """A survey titled "Formal Concept Analysis: ..." names the field that
    earlier papers wrote the same words for: no second work."""
    from ingest.load import Contribution, used_apart

    def link(published, authors, surfaces, title=None, evidence=None):
        return Contribution("fca", "Task", surfaces, 1, published, title, evidence, authors)

    survey = link("2025-08-01", ("Kenji Sato",), ("Formal Concept Analysis", "FCA"),
                  title="Formal Concept Analysis: a Structural Framework for Variability")
    assert not used_apart([link("2025-04-01", ("Ana Ruiz",), ("Formal Concept Analysis", "FCA")), survey])
    assert used_apart([link("2025-04-01", ("Ana Ruiz",), ("FCA",)), survey])
    assert not used_apart([link("2025-04-01", ("Ana Ruiz",), ("FCA",))])  # no coiner


def test_a_coinage_beside_the_plain_phrase_of_its_words_is_two_things():
    """USED_APART_RULE: "SoFt Attention (SoFA)" names one paper's work; "soft
    attention", in lower case in another paper by other authors, is the
    field's phrase, whenever it was written."""
    from ingest.load import Contribution, used_apart

    def link(authors, surfaces, evidence=None):
        return Contribution("softattention", "Method", surfaces, 1, "2025-06-01", "A paper", evidence, authors)

    coiner = link(("Kenji Sato",), ("SoFA", "SoFt Attention"), "We propose SoFt Attention (SoFA), a new module.")
    assert used_apart([coiner, link(("Ana Ruiz",), ("soft attention",))])
    assert not used_apart([coiner, link(("Ana Ruiz",), ("Soft Attention",))])  # a capital: perhaps the work
    assert not used_apart([coiner, link(("Kenji Sato",), ("soft attention",))])  # the coiner's co-author
    lower = link(("Kenji Sato",), ("soft attention",), "We propose soft attention, a new module.")
    assert not used_apart([lower, link(("Ana Ruiz",), ("soft attention",))])  # no capitals to coin with


def test_the_coiners_letters_in_another_case_shape_are_another_work():
    """USED_APART_RULE (session 56): a title's "DiGIT" names one paper's
    work; "DIGIT", a tactile sensor in papers by other authors, is another.
    Shapes that differ in one capital inside a glued name are one name
    written loosely ("QuoxTwin", "QuoxTWin")."""
    from ingest.load import Contribution, used_apart

    def link(authors, surfaces, title="A paper"):
        return Contribution("digit", "Method", surfaces, 1, "2025-06-01", title, None, authors)

    coiner = link(("Kenji Sato",), ("DiGIT",), "DiGIT: Gated Encoders for Action Detection")
    assert used_apart([coiner, link(("Ana Ruiz",), ("DIGIT",))])
    assert not used_apart([coiner, link(("Ana Ruiz",), ("DiGIT",))])  # the coiners' shape: perhaps the work
    assert not used_apart([coiner, link(("Kenji Sato",), ("DIGIT",))])  # the coiner's co-author
    twin = link(("Kenji Sato",), ("QuoxTwin",), "QuoxTwin: A Benchmark for Twin Arms")
    assert not used_apart([twin, link(("Ana Ruiz",), ("QuoxTWin",))])
    # session 63: a word in capitals beside the same word capitalised (MERLIN and Merlin, both judges of seed 115)
    word = link(("Kenji Sato",), ("QUOXEL",), "QUOXEL: A Testbed for Entity Linking")
    assert used_apart([word, link(("Ana Ruiz",), ("Quoxel",))])
    assert not used_apart([word, link(("Ana Ruiz",), ("QUOXEL",))])


def test_a_glued_name_beside_the_phrase_of_its_words_is_held_back(coined_store):
    """GLUED_NAME_RULE on the real papers: KernelFusion, a super-resolution
    method's title, and "kernel fusion", which three papers on GPU and
    accelerator code write, were one entity of the 40k graph."""
    from tests.conftest import corpus_records

    records = corpus_records("2503.16709", "2503.21907", "2506.13472", "2510.25977")
    load_records(coined_store, list(records.values()), extract=load_extractor("fast").extract, extraction="test",
                 curation=Curation.empty())
    papers, confidence = coined_store.read(
        "MATCH (e:Entity {key: 'kernelfusion'}) RETURN e.paper_count, e.confidence").rows[0]
    assert papers == 4 and confidence < MIN_CONFIDENCE


@pytest.mark.parametrize("first, second, shared, works", [
    (4, 8, 1, 1),  # a data set's authors and their next paper: one name in common
    (10, 10, 2, 1),  # two names in common
    (107, 10, 1, 2),  # one name among a hundred ("TTRL", session 53)
    (7, 8, 1, 2),  # one common name between two groups of seven ("GraphRAG-Bench", both judges: two works)
])
def test_one_author_in_common_joins_short_lists_only(first, second, shared, works):
    from collections import Counter

    from ingest.load import AUTHOR_SEPARATOR, EntityTally

    common = [f"Common {i}" for i in range(shared)]
    one = common + [f"First {i}" for i in range(first - shared)]
    other = common + [f"Second {i}" for i in range(second - shared)]
    tally = EntityTally("x", coiners=Counter({AUTHOR_SEPARATOR.join(sorted(one)): 1,
                                              AUTHOR_SEPARATOR.join(sorted(other)): 1}))
    assert tally.coined == works


def test_a_name_introduced_in_a_sentence_the_model_read_no_mention_in_is_the_papers_own(coined_store):
    """Two real papers each introduce their own CoRL ("we introduce CoRL, a
    co-reinforcement learning framework", "we propose CoRL, a reinforcement
    learning framework"); the model reads no CoRL in the second's sentence,
    only in a later one. The introducing sentence is the link's evidence
    all the same, and the name is held back (both judges of seed 99 had
    found the two merged)."""
    from tests.conftest import corpus_records

    records = corpus_records("2505.17534", "2511.02755")
    load_records(coined_store, list(records.values()), extract=load_extractor("fast").extract, extraction="test",
                 curation=Curation.empty())
    coined, papers, confidence = coined_store.read(
        "MATCH (e:Entity {key: 'corl'}) RETURN e.coined_papers, e.paper_count, e.confidence").rows[0]
    assert (coined, papers) == (2, 2) and confidence < MIN_CONFIDENCE
    evidence = dict(coined_store.read("MATCH (p:Paper)-[m:MENTIONS]->(:Entity {key: 'corl'}) RETURN p.id, m.evidence").rows)
    assert evidence["arxiv:2511.02755"].startswith("To this end, we propose CoRL, a reinforcement learning framework")
