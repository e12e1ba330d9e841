"""The review loop (ingest/review.py): an action from the app is written to
the curation file and applied to the graph, leaving exactly the graph that
editing the file by hand and re-ingesting leaves; a re-ingest afterwards
extracts nothing; the file is written atomically under a lock."""
from __future__ import annotations

import json
import multiprocessing
import uuid

import pytest

from graph import StoreConfig, open_store
from graph.settings import MIN_CONFIDENCE
from ingest import review
from ingest.curation import Curation
from ingest.review import Action, ReviewError, apply, uncertain, write_action
from ingest.run import IngestOptions, ingest_paths
from tests.conftest import SEEDS

SEED = SEEDS / "001_3dcd3517898918cb.txt"  # holds COCO and COCO 2014, DPM++2m, HumanEval+ and HumanEval
NAMED = ("COCO", "DPM++2m", "MNIST <", "HumanEval")
OTHERS = 13  # papers naming none of them, for co-occurrences and counts the actions must leave alone
ACTIONS = [
    Action("merge", "coco-14", "coco"),  # one of its papers names COCO as well
    Action("relabel", "dpm-2-m++", "Method"),  # DPM++'s, before its version (session 44's keys)
    Action("drop", "modelagnosticmeasure"),  # in the paper of "MNIST < CIFAR10 < Imagenet", no name since session 28
    Action("variant", "humaneval+", "humaneval"),  # a Method and a Benchmark: never linked automatically
]
BY_HAND = """# written by a person
[merge]
"COCO 2014" = "COCO"

[relabel]
"DPM++2m" = "METHOD"

[drop]
names = ["model-agnostic measure"]

[variant]
"HumanEval+" = "HumanEval"
"""

NODES = "MATCH (n) RETURN labels(n) AS labels, properties(n) AS props"
EDGES = """
MATCH (a)-[r]->(b)
RETURN coalesce(a.key, a.id) AS a, type(r) AS type, coalesce(b.key, b.id) AS b, properties(r) AS props
"""


def dump(store) -> tuple[list, list]:
    """Every node and relationship with all its properties, in a stable order."""
    nodes = sorted(repr((sorted(labels), sorted(props.items()))) for labels, props in store.read(NODES, limit=10**6).rows)
    edges = sorted(repr((a, t, b, sorted(props.items()))) for a, t, b, props in store.read(EDGES, limit=10**6).rows)
    return nodes, edges


@pytest.fixture(scope="module")
def listing(tmp_path_factory):
    """The seed file's papers that name the entities acted on, and a few
    others, as a JSON Lines listing (a fifth of the file: the test stays fast)."""
    from ingest.sources.inputs import iter_path

    records = [r for result in iter_path(SEED) for r in result.records]
    named = [r for r in records if any(n in f"{r.title} {r.abstract}" for n in NAMED)]
    chosen = named + [r for r in records if r not in named][:OTHERS]
    path = tmp_path_factory.mktemp("review") / "papers.jsonl"
    fields = ("title", "abstract", "published", "upvotes", "authors", "url")
    path.write_text("".join(json.dumps({f: getattr(r, f) for f in fields}) + "\n" for r in chosen))
    return str(path)


def ingest(store, curation_path, listing):
    return ingest_paths(store, [listing], IngestOptions(curation_path=curation_path, workers=1))


@pytest.fixture
def graph(paperkg_home):
    opened = []

    def make():
        store = open_store(StoreConfig.from_env(graph_name=f"review_{uuid.uuid4().hex[:8]}"))
        opened.append(store)
        return store

    yield make
    for store in opened:
        store.drop_graph()
        store.close()


def test_actions_give_the_graph_a_hand_edit_and_reingest_gives(graph, tmp_path, listing, monkeypatch):
    in_app, by_hand = graph(), graph()
    app_file, hand_file = tmp_path / "app.toml", tmp_path / "hand.toml"
    ingest(in_app, None, listing)
    ingest(by_hand, None, listing)
    assert dump(in_app) == dump(by_hand)

    # the candidate in most papers (ties by key), to keep
    kept, kept_name = in_app.read("MATCH (e:Entity) WHERE e.confidence < $m RETURN e.key, e.name "
                                  "ORDER BY e.paper_count DESC, e.key LIMIT 1", {"m": MIN_CONFIDENCE}).rows[0]
    results = [apply(in_app, app_file, action) for action in [*ACTIONS, Action("keep", kept)]]
    hand_file.write_text(BY_HAND + f"\n[keep]\nnames = [{json.dumps(kept_name)}]\n")
    again = ingest(by_hand, hand_file, listing)

    assert Curation.load(app_file) == Curation.load(hand_file)
    assert again.load.papers_extracted == again.papers  # by hand, every paper is re-extracted
    assert [r.papers_reextracted for r in results] == [1, 1, 1, 0, 0]  # in the app, only the entity's papers
    after = dump(in_app)
    assert after == dump(by_hand)

    entity = lambda key: in_app.read("MATCH (e:Entity {key: $key}) RETURN properties(e)", {"key": key}).rows
    assert not entity("coco-14") and not entity("modelagnosticmeasure")
    assert entity("dpm-2-m++")[0][0]["label"] == "Method"
    assert "COCO 2014" in entity("coco")[0][0]["aliases"]
    variant_of = in_app.read("MATCH (:Entity {key: 'humaneval+'})-[r:VARIANT_OF]->(b) RETURN b.key, r.curated").rows
    assert variant_of == [["humaneval", True]]
    assert results[0].selected == "coco" and results[2].selected is None
    assert entity(kept)[0][0]["confidence"] == 1.0 and entity(kept)[0][0]["kept"] is True
    cooccurs = "MATCH (:Entity {key: $key})-[c:CO_OCCURS]-() RETURN count(c)"
    assert in_app.read(cooccurs, {"key": kept}).rows[0][0] > 0  # shown now: in co-occurrence

    # A re-ingest after the actions extracts nothing and changes nothing.
    report = ingest(in_app, app_file, listing)
    assert report.load.papers_extracted == 0
    assert dump(in_app) == after
    # The same action again neither duplicates its line nor changes the graph.
    with pytest.raises(ReviewError, match="no entity 'coco-14'"):
        apply(in_app, app_file, ACTIONS[0])
    apply(in_app, app_file, ACTIONS[3])
    assert app_file.read_text().count("HumanEval+") == 1
    assert dump(in_app) == after
    # Deleting the variant line by hand takes its link back at the next ingest.
    app_file.write_text(app_file.read_text().replace('"HumanEval+" = "HumanEval"', ""))
    ingest(in_app, app_file, listing)
    assert not in_app.read("MATCH ()-[r:VARIANT_OF]->() WHERE r.curated = true RETURN r").rows
    # Likewise the kept name: a candidate again, out of co-occurrence.
    app_file.write_text(app_file.read_text().replace(f"[keep]\nnames = [{json.dumps(kept_name)}]", ""))
    ingest(in_app, app_file, listing)
    assert entity(kept)[0][0]["confidence"] < MIN_CONFIDENCE and "kept" not in entity(kept)[0][0]
    assert in_app.read(cooccurs, {"key": kept}).rows[0][0] == 0

    # A graph change that fails puts the file back as it was.
    text, before = app_file.read_text(), dump(in_app)

    def store_gone(*args):
        raise ConnectionError("the store went away")

    monkeypatch.setattr(review, "_relink", store_gone)
    with pytest.raises(ConnectionError):
        apply(in_app, app_file, Action("drop", "dpm-2-m++"))
    assert app_file.read_text() == text
    assert dump(in_app) == before


def test_write_keeps_comments_and_refuses_a_cycle(tmp_path):
    path = tmp_path / "curation.toml"
    path.write_text('# my corrections\n[merge]\n"BERT base" = "BERT"  # same model\n')
    write_action(path, "merge", "RoBERTa-base", "RoBERTa")
    write_action(path, "drop", "our approach")
    text = path.read_text()
    assert "# my corrections" in text and "# same model" in text
    assert Curation.load(path).merges == {"bertbase": "bert", "robertabase": "roberta"}
    with pytest.raises(ReviewError, match="cycle"):
        write_action(path, "merge", "BERT", "BERT base")
    assert path.read_text() == text  # refused: nothing written
    assert not list(tmp_path.glob(".curation.toml.*.tmp"))


def test_a_name_is_dropped_or_kept_whichever_was_decided_last(tmp_path):
    path = tmp_path / "curation.toml"
    write_action(path, "drop", "optical flow")
    write_action(path, "keep", "Optical Flow")
    assert (Curation.load(path).dropped, Curation.load(path).kept) == (frozenset(), {"opticalflow"})
    write_action(path, "drop", "optical-flow")
    assert (Curation.load(path).dropped, Curation.load(path).kept) == ({"opticalflow"}, frozenset())


def _write_many(path, worker, count):
    for i in range(count):
        write_action(path, "drop", f"noise {worker} {i}")


def test_two_writers_at_once_lose_no_line(tmp_path):
    path = tmp_path / "curation.toml"
    context = multiprocessing.get_context("fork")  # separate processes, each taking the lock itself
    workers = [context.Process(target=_write_many, args=(path, w, 25)) for w in range(2)]
    for process in workers:
        process.start()
    for process in workers:
        process.join(60)
        assert process.exitcode == 0
    assert len(Curation.load(path).dropped) == 50


def test_variant_is_not_part_of_the_extraction_id():
    from ingest.fingerprint import curation_digest

    with_variant = Curation.from_mapping({"variant": {"COCO 2014": "COCO"}})
    assert curation_digest(with_variant) == curation_digest(Curation.empty())
    assert curation_digest(Curation.from_mapping({"drop": {"names": ["x"]}})) != curation_digest(Curation.empty())
    assert curation_digest(Curation.from_mapping({"keep": {"names": ["x"]}})) == curation_digest(Curation.empty())


def test_review_list_on_the_seed_graph(seed_graph):
    with open_store() as store:
        items = uncertain(store, limit=80)  # the seeds' 2-3-paper descriptive candidates come first
    assert len(items) == 80
    assert [i.papers for i in items] == sorted((i.papers for i in items), reverse=True)
    assert len({i.key for i in items}) == len(items)
    kinds = {i.action.kind for i in items}
    assert {"merge", "relabel"} <= kinds
    for item in items:
        assert item.line.startswith(f"[{item.action.kind}]")


def test_entities_review_command_prints_one_line_each(seed_graph):
    from typer.testing import CliRunner

    from app.cli import cli

    result = CliRunner().invoke(cli, ["entities", "--review", "--limit", "12"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert len(lines) == 12
    papers = [int(line.split()[0]) for line in lines]
    assert papers == sorted(papers, reverse=True)
    assert all("  ->  [" in line for line in lines)



def test_review_list_names_what_an_older_release_keyed_as_it_cannot_be_named(graph):
    """A graph keyed before British spellings met American ones (session 35)
    holds "surrogate modelling" under a key nothing written gives any more:
    the list shows the merge until the next ingest re-keys it, rather than
    failing."""
    store = graph()
    store.write("UNWIND $rows AS row CREATE (e:Entity:Method) SET e = row", {"rows": [
        {"key": "surrogatemodelling", "name": "surrogate modelling", "label": "Method", "paper_count": 9, "aliases": []},
        {"key": "surrogatemodel", "name": "surrogate model", "label": "Method", "paper_count": 2, "aliases": []}]})
    (item,) = [i for i in uncertain(store) if i.action.kind == "merge"]
    assert (item.key, item.action.target) == ("surrogatemodel", "surrogatemodelling")
    assert item.line == "(cannot be named in the curation file)"
