"""Exports load back in networkx with the node and edge counts written."""
from __future__ import annotations

import csv
import json

import networkx as nx
import pytest

from graph.export import FORMATS, write
from graph.export.select import NotFound, find_entity, from_query, neighbourhood, paper_subgraph
from tests.graphdata import load_small_graph


def read_back(format: str, path):
    if format == "graphml":
        return nx.read_graphml(path, force_multigraph=True)
    if format == "gexf":
        return nx.read_gexf(path)
    if format == "json":
        return nx.node_link_graph(json.loads(path.read_text()), edges="edges")
    if format == "cytoscape":
        return nx.cytoscape_graph(json.loads(path.read_text()))
    raise AssertionError(format)


@pytest.mark.parametrize("format", [f for f in FORMATS if f != "csv"])
def test_entity_export_round_trips(store, tmp_path, format):
    load_small_graph(store)
    graph = neighbourhood(store, find_entity(store, "transformer"), hops=2).to_networkx()
    # Transformer → p1, p2 → GLUE, accuracy, ImageNet
    assert set(graph.nodes) == {
        "entity:transformer", "paper:p1", "paper:p2", "entity:glue", "entity:accuracy", "entity:imagenet",
    }
    assert graph.number_of_edges() == 6
    path = tmp_path / f"out.{format}"
    write(graph, format, path)
    loaded = read_back(format, path)
    assert (loaded.number_of_nodes(), loaded.number_of_edges()) == (6, 6)
    assert loaded.nodes["entity:glue"]["type"] == "Benchmark"


def test_csv_export_writes_nodes_and_edges(store, tmp_path):
    load_small_graph(store)
    graph = paper_subgraph(store, "p3").to_networkx()
    nodes_file, edges_file = write(graph, "csv", tmp_path / "csv")
    nodes = list(csv.DictReader(nodes_file.open()))
    edges = list(csv.DictReader(edges_file.open()))
    assert {n["Id"] for n in nodes} == {"paper:p3", "entity:resnet-50", "entity:imagenet", "entity:accuracy"}
    imagenet = next(n for n in nodes if n["Id"] == "entity:imagenet")
    assert (imagenet["Label"], imagenet["type"], json.loads(imagenet["aliases"])) == ("ImageNet", "Dataset", ["ImageNet"])
    assert next(n for n in nodes if n["Id"] == "paper:p3")["paper_id"] == "p3"
    assert len(edges) == 3 and {(e["Type"], e["relation"]) for e in edges} == {("Directed", "MENTIONS")}
    assert {e["Source"] for e in edges} == {"paper:p3"}


def test_cypher_export_fetches_relationship_ends(store):
    load_small_graph(store)
    subgraph = from_query(store, "MATCH (:Paper)-[r:MENTIONS]->(:Benchmark) RETURN r")
    graph = subgraph.to_networkx()
    assert graph.number_of_edges() == 2
    assert set(graph.nodes) == {"paper:p1", "paper:p2", "entity:glue"}


def test_unknown_entity_is_a_clear_error(store):
    load_small_graph(store)
    with pytest.raises(NotFound, match="no entity named 'nope'"):
        find_entity(store, "nope")


def test_entity_found_by_alias_name(store):
    load_small_graph(store)
    assert find_entity(store, "ResNet-50").properties["key"] == "resnet-50"
    assert find_entity(store, "imagenet").properties["name"] == "ImageNet"
