"""What follows a load's batch writes (`ingest.load.finish_batches`): bare
acronyms are absorbed by looking at what the load wrote only, and nothing is
read when it wrote nothing; stale confidences are rescored a page at a time.
On the real embedded FalkorDB server, through `load_records`."""
from __future__ import annotations

from graph import queries
from ingest import load
from ingest.curation import Curation
from ingest.load import _LINKS_OF, BatchPlan, Loader, finish_batches, load_records
from ingest.mentions import ExtractedDoc, Mention
from ingest.normalize import alias_key
from ingest.records import PaperRecord

ENTITIES = """MATCH (e:Entity) OPTIONAL MATCH (e)<-[:MENTIONS]-(p:Paper) WITH e, p ORDER BY p.id
RETURN e.key, e.paper_count, collect(p.id)"""


def mention(text: str, surface: str, canonical: str, aliases: tuple[str, ...] = (), label: str = "DATASET") -> Mention:
    at = text.index(surface)
    return Mention(at, at + len(surface), label, surface, canonical, aliases=aliases, sentence_end=len(text))


def defining(paper_id: str, text: str, long_form: str) -> ExtractedDoc:
    """A paper that pairs `long_form` with the acronym ZWS."""
    key = alias_key(long_form)
    return ExtractedDoc(paper_id, text, [mention(text, long_form, key, ("ZWS",)), mention(text, "ZWS", key, (long_form,))])


def zonal(*paper_ids: str) -> list[ExtractedDoc]:
    """Papers that define ZWS as "zonal wave scans": two make it the acronym's
    sense elsewhere (`normalize.DEFINING_PAPERS`)."""
    return [defining(paper_id, f"We collect zonal wave scans (ZWS) from glarp sensor {n}.", "zonal wave scans")
            for n, paper_id in enumerate(paper_ids)]


def bare(paper_id: str, label: str = "DATASET") -> ExtractedDoc:
    """A paper that writes ZWS bare, and the words of "zonal wave scans": two
    papers' sense of three letters follows them (`normalize.RARE_SENSE_RULE`)."""
    text = "We denoise ZWS zonal scans with a quox filter."
    return ExtractedDoc(paper_id, text, [mention(text, "ZWS", "zws", label=label)])


def plain(paper_id: str, text: str, name: str) -> ExtractedDoc:
    return ExtractedDoc(paper_id, text, [mention(text, name, alias_key(name))])


def run(store, docs: list[ExtractedDoc]) -> list[tuple]:
    by_id = {d.id: d for d in docs}
    records = [PaperRecord(id=d.id, title=f"Quox {d.id}", abstract=d.text, published="2025-01-01", sources=("t",)) for d in docs]
    load_records(store, records, extract=lambda pairs: [by_id[i] for i, _ in pairs], extraction="t",
                 curation=Curation.empty(), batch_size=2)
    return sorted((key, papers, tuple(sorted(ids))) for key, papers, ids in store.read(ENTITIES).rows)


def in_each_order(paperkg_home, prefix: str, orders, expected: list[tuple], load=run) -> None:
    """Load each of `orders` (lists of docs) into a graph of its own on the real server: each ends as `expected`."""
    from graph import StoreConfig, open_store

    for n, docs in enumerate(orders):
        with open_store(StoreConfig(backend="falkordb", home=paperkg_home, graph_name=f"{prefix}_{n}")) as graph:
            graph.reset()
            try:
                assert load(graph, docs) == expected, [d.id for d in docs]
            finally:
                graph.drop_graph()


def test_an_acronym_whose_sense_moves_when_another_entity_gives_up_its_name_is_absorbed(store):
    """ZWS is stored bare; three papers then define it as the "zwsum
    transform" (its letters run on in the first word: it spells the name)
    and two as "zonal wave scans". The bare ZWS joins the sense of most
    papers, as a bare ZWS read after them does. When the three papers are
    taken back (as a title-keyed copy is, once merged into its arXiv
    paper), "zwsum transform" gives the name up, its sense moves to "zonal
    wave scans", and the bare ZWS joins that, although neither it nor its
    new sense was written then."""
    zwsum, zonal_key = alias_key("zwsum transform"), alias_key("zonal wave scans")
    run(store, [bare("acr:bare")])
    paired = [defining(f"acr:q{n}", f"Glarp {n} uses the zwsum transform (ZWS).", "zwsum transform") for n in (1, 2, 3)]
    assert run(store, [*paired, *zonal("acr:z1", "acr:z2")]) == [
        (zonal_key, 2, ("acr:z1", "acr:z2")), (zwsum, 4, ("acr:bare", "acr:q1", "acr:q2", "acr:q3"))]
    loader = Loader(store, "t", Curation.empty())
    loader.write(BatchPlan(retired=["acr:q1", "acr:q2", "acr:q3"]), [])
    finish_batches(store, Curation.empty(), loader)
    assert sorted(store.read(ENTITIES).rows) == [[zonal_key, 3, ["acr:bare", "acr:z1", "acr:z2"]]]


def test_a_load_that_writes_nothing_reads_no_alias_and_no_acronym(store, monkeypatch):
    docs = [*zonal("acr:z1", "acr:z2"), bare("acr:bare")]
    first = run(store, docs)
    reads = []
    read = store.read
    monkeypatch.setattr(store, "read", lambda query, params=None, **options: reads.append(query) or read(query, params, **options))
    assert run(store, docs) == first
    assert queries.DEFINED_ALIASES not in reads and _LINKS_OF not in reads
    assert reads  # the spy saw the load's own reads (its digests)


def test_stale_confidences_are_rescored_a_batch_at_a_time(store, monkeypatch):
    """The stale keys are read once, then rescored one statement per batch;
    with nothing stale, only the one-row probe is read."""
    docs = [plain(f"acr:p{n}", f"Glarp {n} runs the {name}.", name) for n, name in enumerate(("quux transform", "glarp net", "zonal scan"))]
    run(store, docs)
    scored = "MATCH (e:Entity) RETURN e.key, e.confidence, e.confidence_rules ORDER BY e.key"
    before = store.read(scored).rows
    store.write("MATCH (e:Entity) SET e.confidence_rules = 'older rules', e.confidence = 0.01")
    monkeypatch.setattr(load, "READ_BATCH", 1)
    reads, writes = [], []
    read, write = store.read, store.write
    monkeypatch.setattr(store, "read", lambda query, params=None, **options: reads.append(query) or read(query, params, **options))
    monkeypatch.setattr(store, "write", lambda query, params=None, **options: writes.append(query) or write(query, params, **options))
    assert load.rescore_stale(store, Curation.empty()) == 3
    assert reads.count(load.STALE_CONFIDENCE) == 1 and writes == [queries.WRITE_BATCH] * 3
    assert store.read(scored).rows == before
    reads.clear()
    assert load.rescore_stale(store, Curation.empty()) == 0
    assert reads == [load.ANY_STALE_CONFIDENCE]  # nothing stale: no read of every entity


def test_a_batch_reads_the_claims_of_its_own_names_only(store, monkeypatch):
    """A later load resolves a bare ZWS to the sense stored by an earlier
    one, reading the entities that claim the names its docs write (by
    index), not every claim in the graph."""
    # Other entities, so that what the second load touches is under half of
    # the graph (from half on, one read of every entity is the cheaper one).
    others = [plain(f"acr:g{n}", f"Glarp nets run the {name}.", name)
              for n, name in enumerate(("quux transform", "blorp filter", "snark encoder", "frob decoder"))]
    defined = run(store, [*zonal("acr:z1", "acr:z2"), *others])
    reads = []
    read = store.read
    monkeypatch.setattr(store, "read", lambda query, params=None, **options: reads.append((query, params)) or read(query, params, **options))
    zonal_key = alias_key("zonal wave scans")
    assert run(store, [bare("acr:bare")]) == sorted(
        [row for row in defined if row[0] != zonal_key] + [(zonal_key, 3, ("acr:bare", "acr:z1", "acr:z2"))])
    asked = [params["keys"] for query, params in reads if query == store.dialect.alias_claims]
    assert asked[0] == ["zws"]  # the batch's one name; then, absorbing, the entities it touched and their names
    assert set().union(*asked) == {"zws", zonal_key}
    assert queries.DEFINED_ALIASES not in [query for query, _ in reads]


def test_a_bare_acronym_read_as_a_measure_follows_no_sense_that_is_not_one(store):
    """ZWS read as a measure, stored bare before and written bare after two
    papers defined it as "zonal wave scans" (a dataset), stays its own
    entity both ways (neither absorbed nor resolved into the sense), while
    ZWS read as a dataset joins the sense (as "FPS", frames per second in
    100 papers of the 40k graph, must not join farthest point sampling)."""
    zonal_key = alias_key("zonal wave scans")
    run(store, [bare("acr:m1", "METRIC")])
    assert run(store, zonal("acr:z1", "acr:z2")) == [(zonal_key, 2, ("acr:z1", "acr:z2")), ("zws", 1, ("acr:m1",))]
    assert run(store, [bare("acr:m2", "METRIC"), bare("acr:d", "DATASET")]) == [
        (zonal_key, 3, ("acr:d", "acr:z1", "acr:z2")), ("zws", 2, ("acr:m1", "acr:m2"))]
    assert dict(store.read("MATCH (e:Entity) RETURN e.key, e.label").rows) == {zonal_key: "Dataset", "zws": "Metric"}


def test_a_data_set_acronym_spelled_out_as_a_description_is_another_sense(store):
    """Papers that write "grouped-query attention (GQA)" mean the attention
    method, not the GQA benchmark of the knowledge base: through the real
    extractor their long form and acronym key on the method (on the 40k
    arXiv graph 13 of the benchmark's 34 papers were these), and the
    benchmark keeps every paper that uses its bare name, before and after
    such a definition is stored, unabsorbed."""
    from ingest.extract.extractor import load_extractor

    texts = {
        "gqa:b1": "We evaluate compositional reasoning on GQA and VQAv2.",
        "gqa:m1": "We replace multi-head attention with grouped-query attention (GQA) to shrink the KV cache.",
        "gqa:m2": "Our decoder uses grouped-query attention (GQA) with rotary embeddings.",
        "gqa:b2": "Accuracy on GQA rises by three points over the baseline.",
    }
    extractor = load_extractor()
    docs = {d.id: d for d in extractor.extract(list(texts.items()), workers=1)}
    for ids in (["gqa:b1"], ["gqa:m1", "gqa:m2"], ["gqa:b2"]):
        run(store, [docs[i] for i in ids])
    held = {key: ids for key, _, ids in run(store, [])}
    assert held["gqa"] == ("gqa:b1", "gqa:b2")
    assert held[alias_key("grouped-query attention")] == ("gqa:m1", "gqa:m2")
    labels = dict(store.read("MATCH (e:Entity) RETURN e.key, e.label").rows)
    assert (labels["gqa"], labels[alias_key("grouped-query attention")]) == ("Benchmark", "Method")


def test_a_name_claimed_under_other_rules_is_not_followed(store):
    """After an upgrade the stored entity still claims ZWS by the old rules
    (here: one paper's definition, which the current rules do not count as
    a sense). A later paper's bare ZWS must not follow that claim, and the
    rescoring at the end of the load derives the claims again: none."""
    zonal_key = alias_key("zonal wave scans")
    run(store, zonal("acr:z1"))
    store.write("MATCH (e:Entity {key: $k}) SET e.alias_keys = ['zws'], e.confidence_rules = 'older rules'", {"k": zonal_key})
    assert run(store, [bare("acr:bare")]) == [(zonal_key, 1, ("acr:z1",)), ("zws", 1, ("acr:bare",))]
    assert store.read("MATCH (e:Entity {key: $k}) RETURN e.alias_keys", {"k": zonal_key}).rows == [[None]]


def test_a_bare_name_ends_with_the_sense_most_papers_give_it_whatever_the_order(store, paperkg_home):
    """Two papers define ZWS as "zonal wave scans", five as "zigzag wave
    sampling"; two write it bare. However the papers arrive, and whether
    each is its own load or all are one, the bare ZWS ends with the sense
    of five papers: a link stored under the name itself, or under the
    sense that led when its paper was read, is read again once another
    sense leads (a re-extraction of the 40k graph had moved 13 papers'
    "VLLMs" from vision to video LLMs, which a fresh build left)."""
    from graph import StoreConfig, open_store

    zigzag = [defining(f"acr:g{n}", f"Glarp {n} applies zigzag wave sampling (ZWS).", "zigzag wave sampling") for n in range(5)]
    zonal_docs, bares = zonal("acr:z1", "acr:z2"), [bare("acr:b1"), bare("acr:b2")]
    expected = [(alias_key("zigzag wave sampling"), 7, ("acr:b1", "acr:b2", *(f"acr:g{n}" for n in range(5)))),
                (alias_key("zonal wave scans"), 2, ("acr:z1", "acr:z2"))]
    orders = {
        "bare first": [*bares, *zonal_docs, *zigzag],
        "bare after the first sense": [*zonal_docs, bares[0], *zigzag, bares[1]],
        "bare last": [*zigzag, *zonal_docs, *bares],
    }
    for n, (order, docs) in enumerate(orders.items()):
        with open_store(StoreConfig(backend="falkordb", home=paperkg_home, graph_name=f"order_{n}")) as one_load, \
                open_store(StoreConfig(backend="falkordb", home=paperkg_home, graph_name=f"order_{n}_each")) as each:
            one_load.reset()
            each.reset()
            try:
                assert run(one_load, docs) == expected, order
                for doc in docs:
                    result = run(each, [doc])
                assert result == expected, order
            finally:
                one_load.drop_graph()
                each.drop_graph()


def test_two_bare_letters_follow_a_sense_only_where_the_paper_writes_its_words(store, paperkg_home):
    """Two papers define ZW as "zonal waves"; a third writes ZW bare beside
    "zonal", two more beside nothing of the long form. However the papers
    arrive, the third joins the sense and the others keep the letters (as
    "ME", micro-expression and motion estimation, had joined mutual
    exclusivity on the 40k graph: BARE_CONTEXT_RULE)."""
    texts = {f"zw:d{n}": f"Glarp {n} records zonal waves (ZW) at dawn." for n in range(2)}
    definers = [ExtractedDoc(i, t, [mention(t, "zonal waves", "zonalwave", ("ZW",)), mention(t, "ZW", "zonalwave", ("zonal waves",))])
                for i, t in texts.items()]
    near = "Zonal sensors in the valley report ZW after rain."
    far = "We denoise ZW with a quox filter."
    bares = [ExtractedDoc("zw:near", near, [mention(near, "ZW", "zw")]),
             *(ExtractedDoc(f"zw:far{n}", far, [mention(far, "ZW", "zw")]) for n in range(2))]
    # the letters' own entity, three papers before the sense has two, does not keep the sense from the paper that writes its words
    expected = [("zonalwave", 3, ("zw:d0", "zw:d1", "zw:near")), ("zw", 2, ("zw:far0", "zw:far1"))]
    in_each_order(paperkg_home, "context", ([*bares, *definers], [*definers, *bares], [definers[0], *bares, definers[1]]),
                  expected)


def test_a_name_written_without_capitals_joins_the_sense_defined_after_it(store):
    """"GlarpQMs" (like "VideoLLMs": its letters are not mostly capitals, so
    it spells "Glarp Quox Models" but does not abbreviate it) is written
    bare by one paper before two define it: it joins their entity, as the
    same name read after them does (on the 40k graph 2 papers' "VideoLLMs"
    had stayed apart in a fresh build and joined in a re-extraction)."""
    def doc(paper_id: str, text: str, forms: list[tuple[str, str, tuple[str, ...]]]) -> ExtractedDoc:
        return ExtractedDoc(paper_id, text, [mention(text, form, key, aliases, label="METHOD") for form, key, aliases in forms])

    long_key = alias_key("Glarp Quox Models")
    docs = [doc("qm:b1", "We compare GlarpQMs on zonal scans.", [("GlarpQMs", "glarpqm", ())]),
            *(doc(f"qm:d{n}", f"Glarp Quox Models (GlarpQMs) of paper {n} run fast.",
                  [("Glarp Quox Models", long_key, ("GlarpQMs",)), ("GlarpQMs", long_key, ("Glarp Quox Models",))])
              for n in (1, 2)),
            doc("qm:b2", "GlarpQMs run on quox chips.", [("GlarpQMs", "glarpqm", ())])]
    assert run(store, docs) == [(long_key, 4, ("qm:b1", "qm:b2", "qm:d1", "qm:d2"))]


def test_a_name_the_papers_title_opens_with_follows_no_other_papers_sense_whatever_the_order(store, paperkg_home):
    """Two papers define ZWS as "zonal wave scans"; a paper titled "ZWS: ..."
    writes it bare, and so does an untitled one. However the papers arrive,
    the titled paper keeps the name for its own work and the other joins the
    sense (27 papers of the 40k graph whose titles coin a name, "MOLE:",
    "SGM:", had joined another paper's definition: TITLE_COINED_RULE). The
    load reads the stored title of a link it moves again."""
    from ingest.text import paper_text

    coining = PaperRecord(id="zws:title", title="ZWS: Quox Filters for Rain", abstract="We denoise ZWS with a quox filter.",
                          published="2025-01-01", sources=("t",))
    text = paper_text(coining)
    at = text.rindex("ZWS")
    titled = ExtractedDoc(coining.id, text, [Mention(at, at + 3, "METHOD", "ZWS", "zws", sentence_start=at - 11,
                                                     sentence_end=len(text))])
    docs = {d.id: d for d in [*zonal("acr:z1", "acr:z2"), bare("acr:bare"), titled]}
    records = {d.id: PaperRecord(id=d.id, title=f"Quox {d.id}", abstract=d.text, published="2025-01-01", sources=("t",))
               for d in docs.values()} | {coining.id: coining}
    expected = [(alias_key("zonal wave scans"), 3, ("acr:bare", "acr:z1", "acr:z2")), ("zws", 1, ("zws:title",))]
    def titled_run(graph, order: list[ExtractedDoc]) -> list[tuple]:
        load_records(graph, [records[d.id] for d in order], extract=lambda pairs: [docs[i] for i, _ in pairs],
                     extraction="t", curation=Curation.empty(), batch_size=2)
        return sorted((key, papers, tuple(sorted(ids))) for key, papers, ids in graph.read(ENTITIES).rows)

    orders = (["zws:title", "acr:bare", "acr:z1", "acr:z2"], ["acr:z1", "acr:z2", "zws:title", "acr:bare"])
    in_each_order(paperkg_home, "coined", [[docs[i] for i in order] for order in orders], expected, titled_run)


def test_letters_a_paper_spells_out_otherwise_or_introduces_keep_their_own_entity_whatever_the_order(store, paperkg_home):
    """Two papers define ZWS as "zonal wave scans"; another spells it out
    as "zenith wobble scans", with no entity read in those words, and
    writes it bare after; another introduces its own ZWS; a fifth writes it
    bare only. However the papers arrive, the fifth joins the sense and the
    others keep the letters (SPELLED_HERE_RULE: "finite element analysis
    (FEA)" had joined facial emotion analysis on the 40k graph;
    TITLE_COINED_RULE: "We propose DSM, a novel framework ..." had joined
    the digital surface model). The load reads the stored abstract of a
    link it moves again."""
    def bare_in(paper_id: str, text: str) -> ExtractedDoc:
        at = text.rindex("ZWS")
        return ExtractedDoc(paper_id, text, [Mention(at, at + 3, "DATASET", "ZWS", "zws", sentence_end=len(text))])

    own = bare_in("zws:own", "We measure the zenith wobble scans (ZWS) of glarps. We denoise ZWS with a quox filter.")
    introduced = bare_in("zws:intro", "We propose ZWS, a novel quox filter for glarps.")
    definers = zonal("acr:z1", "acr:z2")
    expected = [(alias_key("zonal wave scans"), 3, ("acr:bare", "acr:z1", "acr:z2")), ("zws", 2, ("zws:intro", "zws:own"))]
    # (the letters' own entity grown larger than the sense first would keep the bare one: a known weakness)
    in_each_order(paperkg_home, "spelled", ([own, introduced, *definers, bare("acr:bare")],
                                            [*definers, bare("acr:bare"), own, introduced]), expected)


def test_letters_in_another_case_shape_keep_their_own_entity_whatever_the_order(store, paperkg_home):
    """Two papers define "Mixture of Quox Experts (MoQE)"; one writes MOQE
    bare, another MoQE. However the papers arrive, MoQE joins the sense and
    MOQE keeps its letters (CASE_SHAPE_RULE: the MOLE benchmark had joined
    the mixture of LoRA experts on the 40k graph)."""

    def doc(paper_id: str, text: str, written: str, canonical: str, aliases: tuple[str, ...] = ()) -> ExtractedDoc:
        mentions = [mention(text, written, canonical, aliases, label="METHOD")]
        if aliases:
            mentions.append(mention(text, aliases[0], canonical, (written,), label="METHOD"))
        return ExtractedDoc(paper_id, text, mentions)

    key = alias_key("Mixture of Quox Experts")
    definers = [doc(f"mq:d{n}", f"Glarp {n} uses a Mixture of Quox Experts (MoQE).", "MoQE", key, ("Mixture of Quox Experts",))
                for n in range(2)]
    shouting = doc("mq:caps", "We extract glarps with MOQE.", "MOQE", "moqe")
    cased = doc("mq:cased", "We route glarps with MoQE.", "MoQE", "moqe")
    expected = [(key, 3, ("mq:cased", "mq:d0", "mq:d1")), ("moqe", 1, ("mq:caps",))]
    in_each_order(paperkg_home, "cased", ([shouting, cased, *definers], [*definers, shouting, cased]), expected)


def test_hyphenated_letters_a_paper_puts_after_other_words_keep_their_own_entity_whatever_the_order(store, paperkg_home):
    """One paper defines "Segmented Quox Tuning (S-QT)", which makes it the
    letters' sense (`normalize.HYPHENATED_DEFINING_PAPERS`); another writes
    "QT on glarps (S-QT)", words that do not spell the letters, and S-QT
    bare after; a third writes S-QT bare only. However the papers arrive,
    the third joins the sense and the second keeps its letters (SPELLED_HERE_RULE,
    session 60: "SFT on solutions (S-SFT)" had joined Segmented Supervised
    Fine-Tuning on the 40k graph)."""
    key = alias_key("Segmented Quox Tuning")
    text = "We tune glarps with Segmented Quox Tuning (S-QT)."
    definer = ExtractedDoc("sqt:def", text, [mention(text, "Segmented Quox Tuning", key, ("S-QT",), label="METHOD"),
                                             mention(text, "S-QT", key, ("Segmented Quox Tuning",), label="METHOD")])

    def bare_in(paper_id: str, text: str) -> ExtractedDoc:
        at = text.rindex("S-QT")
        return ExtractedDoc(paper_id, text, [Mention(at, at + 4, "METHOD", "S-QT", "sqt", sentence_end=len(text))])

    own = bare_in("sqt:own", "We compare two ways: QT on glarps (S-QT) and QT on quoxes. S-QT wins on glarps.")
    user = bare_in("sqt:user", "We improve S-QT on glarps.")
    expected = [(key, 2, ("sqt:def", "sqt:user")), ("sqt", 1, ("sqt:own",))]
    # (the letters' own entity grown larger than the sense first would keep the bare one, as above)
    in_each_order(paperkg_home, "hyphenated", ([own, definer, user], [definer, user, own]), expected)
