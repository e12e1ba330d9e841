"""The command line on the real seeds and the real embedded store."""
from __future__ import annotations

import json

import networkx as nx
import pytest
from typer.testing import CliRunner

from app.cli import cli
from graph import open_store
from tests.conftest import SEEDS

runner = CliRunner()


def run(*args: str, code: int = 0):
    result = runner.invoke(cli, list(args))
    assert result.exit_code == code, result.output
    return result


def graph_counts() -> dict:
    with open_store() as store:
        return {
            "papers": store.scalar("MATCH (p:Paper) RETURN count(p)"),
            "entities": store.read("MATCH (e:Entity) RETURN e.label, count(e) ORDER BY e.label").rows,
            "mentions": store.scalar("MATCH ()-[m:MENTIONS]->() RETURN count(m)"),
            "co_occurs": store.scalar("MATCH ()-[c:CO_OCCURS]->() RETURN count(c)"),
            "proposes": store.scalar("MATCH ()-[r:PROPOSES]->() RETURN count(r)"),
        }


def test_seeds_give_307_papers_and_every_entity_type_twice_over(seed_graph):
    first = graph_counts()
    assert first["papers"] == 307
    assert {label for label, _ in first["entities"]} == {"Benchmark", "Dataset", "Method", "Metric", "Task"}
    assert first["mentions"] > 300 and first["co_occurs"] > 0
    result = run("ingest", str(SEEDS))
    assert "new 0, updated 0, unchanged 307" in " ".join(result.stdout.split())
    assert graph_counts() == first


def test_paper_fields_from_the_seeds(seed_graph):
    rows = json.loads(
        run(
            "query",
            "MATCH (p:Paper) WHERE p.title STARTS WITH $prefix RETURN p.published AS published, p.authors_count AS authors, size(p.sources) AS sources",
            "--param", "prefix=Error Feedback Reloaded",
            "--format", "json",
        ).stdout
    )
    assert rows == [{"published": "2024-02-16", "authors": 3, "sources": 2}]


def test_write_queries_are_refused_and_change_nothing(seed_graph):
    before = graph_counts()
    for query in ("CREATE (:X)", "MATCH (p:Paper) DETACH DELETE p", "MATCH (e:Entity) SET e.name = 'x'"):
        result = run("query", query, code=1)
        assert "read-only" in result.stderr and "Nothing was changed" in result.stderr
    assert graph_counts() == before
    assert json.loads(run("query", "MATCH (n:X) RETURN count(n) AS n", "--format", "json").stdout) == [{"n": 0}]


def test_query_formats_limit_and_errors(seed_graph):
    rows = json.loads(run("query", "MATCH (p:Paper) RETURN p.id AS id", "--format", "json", "--limit", "5").stdout)
    assert len(rows) == 5 and all(set(row) == {"id"} for row in rows)
    csv_out = run("query", "MATCH (e:Method) RETURN e.name AS name LIMIT 3", "--format", "csv").stdout.splitlines()
    assert csv_out[0] == "name" and len(csv_out) == 4
    nodes = json.loads(run("query", "MATCH (e:Benchmark) RETURN e LIMIT 1", "--format", "json").stdout)
    assert nodes[0]["e"]["_labels"] == ["Entity", "Benchmark"] or "Benchmark" in nodes[0]["e"]["_labels"]
    assert "error" in run("query", "MATCH (n RETURN n", code=1).stderr


def test_entity_export_round_trips_through_networkx(seed_graph, tmp_path):
    top = json.loads(run("query", "MATCH (e:Method) RETURN e.name AS name ORDER BY e.paper_count DESC LIMIT 1", "--format", "json").stdout)[0]["name"]
    out = tmp_path / "top.graphml"
    result = run("export", "--entity", top, "--hops", "2", "--format", "graphml", "--out", str(out))
    written_nodes, written_edges = (int(w) for w in result.stdout.split()[1:4:2])
    graph = nx.read_graphml(out, force_multigraph=True)
    assert (graph.number_of_nodes(), graph.number_of_edges()) == (written_nodes, written_edges)
    assert written_nodes > 10
    types = nx.get_node_attributes(graph, "type")
    assert "Paper" in types.values() and types[next(n for n in graph if n.startswith("entity:"))] != "Paper"


def test_export_needs_exactly_one_selection(seed_graph, tmp_path):
    assert "exactly one" in run("export", "--format", "json", "--out", str(tmp_path / "x.json"), code=1).stderr
    assert "no entity named" in run("export", "--entity", "No Such Thing", "--format", "json", "--out", str(tmp_path / "x.json"), code=1).stderr


def test_stopped_store_comes_back_with_its_data(seed_graph):
    before = graph_counts()
    assert "stopped" in run("db", "stop").stdout
    assert graph_counts() == before
    status = run("db", "status").stdout
    assert "FalkorDB" in status and "papers 307" in status


def test_serving_beyond_loopback_requires_credentials():
    assert "--auth" in run("serve", "--host", "0.0.0.0", code=1).stderr


@pytest.fixture
def scratch_graph(monkeypatch, request):
    """Bad-input tests write into a graph of their own, not the seed graph."""
    name = f"cli_{request.node.name[:40]}"
    monkeypatch.setenv("PAPERKG_GRAPH", name)
    yield name
    with open_store() as store:
        store.drop_graph()


GOOD_JSONL = '{"title": "A study of sparse routing", "abstract": "We evaluate the Transformer on GLUE."}\n'


def test_missing_path_and_empty_directory_fail_with_their_names(scratch_graph, tmp_path):
    missing = tmp_path / "nope.txt"
    assert str(missing) in run("ingest", str(missing), code=1).stderr
    empty = tmp_path / "empty_dir"
    empty.mkdir()
    assert str(empty) in run("ingest", str(empty), code=1).stderr


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("empty.jsonl", b"", "empty"),
        ("binary.txt", b"\x00\x01\x02GIF89a\x00\x00", "binary"),
        ("nocols.csv", b"name,year\nfoo,2020\n", "title"),
    ],
)
def test_unreadable_files_are_named_and_good_files_still_load(scratch_graph, tmp_path, name, content, message):
    bad = tmp_path / name
    bad.write_bytes(content)
    good = tmp_path / "good.jsonl"
    good.write_text(GOOD_JSONL)
    assert run("ingest", str(bad), code=1).stderr.count(str(bad)) >= 1
    result = run("ingest", str(bad), str(good))
    assert str(bad) in result.stderr and message in result.stderr.lower()
    assert graph_counts()["papers"] == 1
    run("ingest", "--strict", str(bad), str(good), code=1)


def test_bad_lines_are_reported_with_file_and_line(scratch_graph, tmp_path):
    jsonl = tmp_path / "mixed.jsonl"
    jsonl.write_text(GOOD_JSONL + '{"title": "broken\n' + '{"title": "Second paper", "abstract": "On ImageNet."}\n')
    latin = tmp_path / "latin1.jsonl"
    latin.write_bytes('{"title": "Caf\xe9 networks", "abstract": "R\xe9sum\xe9 of methods."}\n'.encode("latin-1"))
    result = run("ingest", str(jsonl), str(latin))
    assert f"{jsonl}:2" in result.stderr
    assert str(latin) in result.stderr and "utf-8" in result.stderr.lower()
    assert graph_counts()["papers"] == 3


def test_field_map_reads_other_columns(scratch_graph, tmp_path):
    table = tmp_path / "papers.csv"
    table.write_text("headline,body,when\nRouting at scale,We train a Transformer on C4.,2024-05-01\n")
    run("ingest", str(table), "--map", "title=headline", "--map", "abstract=body", "--map", "published=when")
    rows = json.loads(run("query", "MATCH (p:Paper) RETURN p.title AS t, p.published AS d", "--format", "json").stdout)
    assert rows == [{"t": "Routing at scale", "d": "2024-05-01"}]


def test_demo_loads_the_bundled_sample_into_its_own_graph(seed_graph):
    result = run("demo", "--no-serve")
    assert "demo graph: 30 papers" in result.stdout
    assert graph_counts()["papers"] == 307  # the default graph is untouched


def test_installed_command_explains_itself():
    import subprocess

    help_text = subprocess.run(["paperkg", "--help"], capture_output=True, text=True, check=True).stdout
    for command in ("ingest", "query", "export", "serve", "demo", "extract", "eval", "entities", "db"):
        assert command in help_text
    ingest_help = subprocess.run(["paperkg", "ingest", "--help"], capture_output=True, text=True, check=True).stdout
    assert "--map" in ingest_help and "--strict" in ingest_help


def test_entities_lists_and_merge_candidates(seed_graph):
    listing = run("entities", "--type", "Benchmark", "--limit", "5").stdout
    assert "Benchmark" in listing and "Method" not in listing
    candidates = run("entities", "--merge-candidates", "--limit", "10")
    assert "looks like" in candidates.stdout


def test_extract_and_eval_without_a_database(tmp_path):
    from tests.conftest import GOLD

    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join((GOLD / "scier.dev.jsonl").read_text().splitlines(keepends=True)[:2]))
    texts = tmp_path / "in.jsonl"
    texts.write_text("".join(json.dumps({"id": r["id"], "text": r["text"]}) + "\n" for r in map(json.loads, gold.read_text().splitlines())))
    out = tmp_path / "out.jsonl"
    assert "wrote 2 records" in run("extract", str(texts), "-o", str(out)).stdout
    for line, source in zip(out.read_text().splitlines(), texts.read_text().splitlines()):
        record, text = json.loads(line), json.loads(source)["text"]
        assert record["entities"] and all(text[e["start"]:e["end"]] == e["text"] for e in record["entities"])
    scores = json.loads(run("eval", str(gold), "--map", "scier", "--json").stdout)
    assert scores["documents"] == 2 and 30 < scores["exact"]["micro"]["f1"] <= 100  # percentages
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "text": "fine"}\n{"id": "b", "text": \n')
    assert f"{bad}:2" in run("extract", str(bad), "-o", str(tmp_path / "x.jsonl"), code=1).stderr


def test_serve_answers_over_http_and_asks_for_credentials(seed_graph):
    import socket
    import subprocess
    import time
    import urllib.error
    import urllib.request
    from base64 import b64encode

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        ["paperkg", "serve", "--port", str(port), "--auth", "reader:s3cret"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    url = f"http://127.0.0.1:{port}/explore"
    signed = urllib.request.Request(url, headers={"Authorization": "Basic " + b64encode(b"reader:s3cret").decode()})
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(signed, timeout=5) as response:
                    assert response.status == 200 and b"paperkg" in response.read()
                    break
            except urllib.error.URLError:
                assert time.monotonic() < deadline and server.poll() is None, "paperkg serve did not come up"
                time.sleep(0.5)
        try:
            urllib.request.urlopen(url, timeout=5)
            raise AssertionError("served without credentials")
        except urllib.error.HTTPError as refused:
            assert refused.code == 401
    finally:
        server.terminate()
        server.wait(timeout=10)
