"""neo4j-admin import CSV from the real embedded store: the seed graph is
exported, read back, and checked against the store (counts, headers,
values, every relationship end a node), as neo4j-admin would read it."""
from __future__ import annotations

import csv

import pytest

from graph import open_store
from graph.export.neo4j_admin import ARRAY_DELIMITER, ImportCsvError, write_import_csv


def _read(path):
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    return rows[0], rows[1:]


def _typed(column: str, cell: str):
    """A cell as neo4j-admin reads it: empty is no property, arrays split on the delimiter."""
    if cell == "":
        return None
    kind = column.partition(":")[2]
    parse = {"long": int, "double": float, "boolean": lambda text: text == "true"}.get(kind.removesuffix("[]"), str)
    return [parse(part) for part in cell.split(ARRAY_DELIMITER)] if kind.endswith("[]") else parse(cell)


@pytest.fixture(scope="module")
def exported(seed_graph, tmp_path_factory):
    out = tmp_path_factory.mktemp("neo4j_import")
    with open_store() as store:
        files = write_import_csv(store, out)
        counts = {
            "Paper": store.scalar("MATCH (p:Paper) RETURN count(p)"),
            "Entity": store.scalar("MATCH (e:Entity) RETURN count(e)"),
            **{kind: store.scalar(f"MATCH ()-[r:{kind}]->() RETURN count(r)") for kind in ("MENTIONS", "PROPOSES", "CO_OCCURS", "VARIANT_OF")},
        }
        sample = store.read("MATCH (p:Paper) RETURN properties(p) ORDER BY size(keys(p)) DESC, p.id LIMIT 1").rows[0][0]
        entity = store.read("MATCH (e:Entity) WHERE size(e.aliases) > 1 RETURN properties(e), labels(e) ORDER BY e.paper_count DESC LIMIT 1").rows[0]
    return files, counts, sample, entity


def test_headers_are_neo4j_admin_headers(exported):
    files, *_ = exported
    paper_header, _ = _read(files.nodes["Paper"])
    assert paper_header[:2] == ["id:ID(Paper)", ":LABEL"]
    assert {"authors:string[]", "sources:string[]", "title", "published", "upvotes:long"} <= set(paper_header)
    entity_header, _ = _read(files.nodes["Entity"])
    assert entity_header[:2] == ["key:ID(Entity)", ":LABEL"]
    assert {"aliases:string[]", "paper_count:long", "mention_count:long", "name", "label"} <= set(entity_header)
    mentions_header, _ = _read(files.relationships["MENTIONS"])
    assert mentions_header[:3] == [":START_ID(Paper)", ":END_ID(Entity)", ":TYPE"]
    assert {"count:long", "surfaces:string[]", "evidence", "label"} <= set(mentions_header)
    co_header, _ = _read(files.relationships["CO_OCCURS"])
    assert co_header == [":START_ID(Entity)", ":END_ID(Entity)", ":TYPE", "papers:long"]


def test_counts_match_the_store(exported):
    files, counts, *_ = exported
    assert counts["Paper"] == 307 and counts["MENTIONS"] > 1000 and counts["CO_OCCURS"] > 1000
    for space, path in {**files.nodes, **files.relationships}.items():
        _, rows = _read(path)
        assert len(rows) == counts[space] == files.counts[space], space


def test_values_read_back_as_stored(exported):
    files, _, sample, (entity, labels) = exported
    header, rows = _read(files.nodes["Paper"])
    row = next(r for r in rows if r[0] == sample["id"])
    read = {column.partition(":")[0]: _typed(column, cell) for column, cell in zip(header[2:], row[2:])}
    assert row[1] == "Paper"
    assert {k: v for k, v in read.items() if v is not None} == {k: v for k, v in sample.items() if k != "id" and v not in (None, [])}
    header, rows = _read(files.nodes["Entity"])
    row = next(r for r in rows if r[0] == entity["key"])
    assert row[1].split(ARRAY_DELIMITER) == ["Entity", entity["label"]] and set(labels) == {"Entity", entity["label"]}
    read = {column.partition(":")[0]: _typed(column, cell) for column, cell in zip(header[2:], row[2:])}
    assert read["aliases"] == entity["aliases"] and read["paper_count"] == entity["paper_count"]


def test_every_relationship_end_is_an_exported_node(exported):
    files, *_ = exported
    ids = {space: {row[0] for row in _read(path)[1]} for space, path in files.nodes.items()}
    for kind, path in files.relationships.items():
        header, rows = _read(path)
        start, end = (column.partition("(")[2].rstrip(")") for column in header[:2])
        assert all(r[0] in ids[start] and r[1] in ids[end] and r[2] == kind for r in rows), kind


def test_text_with_quotes_commas_and_newlines_round_trips(store, tmp_path):
    title = 'A "quoted", comma\nand newline; title'
    store.write("CREATE (:Paper {id: $id, title: $title, authors: $authors})", {"id": "arxiv:1", "title": title, "authors": ["O'Brien, A.", 'B "Bo" C']})
    files = write_import_csv(store, tmp_path)
    header, rows = _read(files.nodes["Paper"])
    assert header == ["id:ID(Paper)", ":LABEL", "authors:string[]", "title"]
    assert rows == [["arxiv:1", "Paper", f"O'Brien, A.{ARRAY_DELIMITER}B \"Bo\" C", title]]
    assert "--array-delimiter=U+001F" in files.command() and "--multiline-fields=true" in files.command()


def test_an_array_holding_the_delimiter_is_refused(store, tmp_path):
    store.write("CREATE (:Paper {id: $id, authors: $authors})", {"id": "arxiv:2", "authors": [f"A{ARRAY_DELIMITER}B"]})
    with pytest.raises(ImportCsvError, match="arxiv:2.*authors.*U\\+001F"):
        write_import_csv(store, tmp_path)


def test_mixed_types_in_one_property_are_refused(store, tmp_path):
    store.write("UNWIND $rows AS row CREATE (:Paper {id: row.id, upvotes: row.upvotes})",
                {"rows": [{"id": "a", "upvotes": 3}, {"id": "b", "upvotes": "three"}]})
    with pytest.raises(ImportCsvError, match="upvotes.*long.*string|upvotes.*string.*long"):
        write_import_csv(store, tmp_path)


def test_the_command_writes_the_files_and_prints_the_import(exported, tmp_path):
    from typer.testing import CliRunner

    from app.cli import cli

    result = CliRunner().invoke(cli, ["export-import-csv", "--out", str(tmp_path), "--database", "papers"])
    assert result.exit_code == 0, result.output
    files, counts, *_ = exported
    assert f"{counts['Paper']} Paper, {counts['Entity']} Entity, {counts['MENTIONS']} MENTIONS" in result.output
    assert "neo4j-admin database import full" in result.output and result.output.rstrip().endswith("papers")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in [*files.nodes.values(), *files.relationships.values()])
