"""Every Cypher statement paperkg sends, linted as Neo4j 5 Cypher by Neo4j's
own linter (@neo4j-cypher/language-support: the parser and the server's
semantic analysis), so a statement FalkorDB accepts but Neo4j 5.26 rejects
fails here rather than on a user's server.

The statements are collected from the code itself, not from a list kept by
hand: every string constant in graph/, app/ and ingest/ that starts like a
Cypher statement, every such string a module builds at import (formatted
templates, WRITE_BATCH, the canned queries), the Neo4j dialect, and every
f-string built inside a function, rendered with a sample value for each of
its holes (SAMPLES): a new hole without a sample fails the test, so no
query escapes. FalkorDB-only code (graph/falkor.py, graph/embedded.py, the
FALKORDB dialect) is left out.

Errors fail; warnings (deprecations, names not in the schema) are allowed
and printed. Needs node and `npm ci --prefix tests/cypher_lint` (tests/run.sh
does both); without them the test is skipped, saying so.
"""
from __future__ import annotations

import ast
import dataclasses
import functools
import importlib
import itertools
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from graph.dialect import ENTITY_LABELS, FALKORDB, NEO4J, Dialect

ROOT = Path(__file__).resolve().parent.parent
LINTER = ROOT / "tests" / "cypher_lint"
PACKAGES = ("graph", "app", "ingest")
FALKORDB_ONLY = {"graph/falkor.py", "graph/embedded.py", "graph/dialect.py"}  # dialect.py: NEO4J taken below
CYPHER_START = re.compile(r"^\s*(MATCH|OPTIONAL\s+MATCH|UNWIND|CALL|CREATE|MERGE|WITH|RETURN|DROP|SHOW)\b[\s(]")

# A sample value per f-string hole (its source text), as the code fills it on Neo4j.
SAMPLES: dict[str, list[str]] = {
    "store.dialect.node_id": ["elementId"],
    "_quoted(label)": ["`Method`"],
    "_quoted(kind)": ["`CO_OCCURS`"],
    "proc": ["labels", "relationshipTypes", "propertyKeys"],
    "SCHEMA_SAMPLE": ["5"],
    "label": ["Method"],
    "others": [":Dataset:Benchmark:Task:Metric"],
    "name": ["paperkg-demo"],
    "hops": ["3"],
}

# Functions that exist in every Neo4j 5 release. The linter's catalogue comes
# from a newer server, so a function added after 5.26 would pass it: anything
# outside this list needs a look at the 5.26 manual before it goes here.
NEO4J_5_FUNCTIONS = {
    "avg", "coalesce", "collect", "count", "elementId", "head", "id", "keys", "labels", "last", "max", "min",
    "nodes", "properties", "range", "relationships", "size", "split", "sum", "toFloat", "toInteger", "toLower",
    "toString", "toUpper", "trim", "type", "startNode", "endNode", "exists", "length", "allShortestPaths",
    "shortestPath", "reduce", "any", "all", "none", "abs", "round", "replace", "substring", "left", "right",
    "isEmpty", "reverse", "tail", "log", "log10", "exp", "sqrt", "ceil", "floor",
}

GRAPH_SCHEMA = {
    "labels": ["Paper", "Entity", *ENTITY_LABELS],
    "relationshipTypes": ["MENTIONS", "PROPOSES", "CO_OCCURS", "VARIANT_OF"],
    "propertyKeys": [
        "id", "title", "abstract", "published", "published_approximate", "upvotes", "authors", "authors_count",
        "organization", "url", "links", "categories", "listed", "cited_by_count", "sources", "title_key", "record_hash",
        "extraction_id", "key", "name", "label", "aliases", "paper_count", "mention_count", "first_seen",
        "last_seen", "kb_id", "confidence", "search_text", "label_votes", "alias_weights", "alias_keys",
        "count", "evidence", "surfaces", "papers", "curated",
    ],
}


def _source_files() -> list[Path]:
    return sorted(
        path for package in PACKAGES for path in (ROOT / package).rglob("*.py")
        if path.relative_to(ROOT).as_posix() not in FALKORDB_ONLY
    )


def _is_cypher(text: str) -> bool:
    return bool(CYPHER_START.match(text))


def _constants_and_fstrings(path: Path) -> tuple[list[str], list[ast.JoinedStr]]:
    """Plain Cypher string constants anywhere in the file (templates with
    `{{` excepted: their formatted results are module globals), and the
    Cypher f-strings inside functions (module-level ones are globals too)."""
    tree = ast.parse(path.read_text(), str(path))
    in_fstring = {id(part) for node in ast.walk(tree) if isinstance(node, ast.JoinedStr) for part in ast.walk(node)}
    # "sep".join(steps) and "template".format(...): pieces of a statement, not one.
    pieces = {
        id(node.func.value) for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("join", "format")
    }
    constants = [
        node.value for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in in_fstring | pieces
        and _is_cypher(node.value) and "{{" not in node.value
    ]
    fstrings = [
        node for function in ast.walk(tree) if isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef))
        for node in ast.walk(function)
        if isinstance(node, ast.JoinedStr) and node.values
        and isinstance(node.values[0], ast.Constant) and _is_cypher(node.values[0].value)
    ]
    return constants, fstrings


def _renderings(node: ast.JoinedStr, path: Path) -> list[str]:
    """The f-string once per combination of its distinct holes' samples (a
    hole used twice gets the same value both times, as in the code)."""
    holes = sorted({ast.unparse(part.value) for part in node.values if isinstance(part, ast.FormattedValue)})
    for hole in holes:
        if hole not in SAMPLES:
            pytest.fail(f"{path.relative_to(ROOT)}:{node.lineno}: f-string hole {{{hole}}} in a Cypher statement has no "
                        "sample value: add one to SAMPLES in tests/test_cypher_lint.py so the statement is linted")
    return [
        "".join(part.value if isinstance(part, ast.Constant) else values[ast.unparse(part.value)] for part in node.values)
        for values in (dict(zip(holes, combination)) for combination in itertools.product(*(SAMPLES[h] for h in holes)))
    ]


def _module_strings(value, seen: set[int]) -> list[str]:
    """Cypher strings reachable from a module global (containers and dataclasses)."""
    if id(value) in seen or value is FALKORDB:
        return []
    seen.add(id(value))
    if isinstance(value, str):
        return [value] if _is_cypher(value) and "{{" not in value else []  # a template: its renderings are globals
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, (list, tuple, set, frozenset)):
        return [s for item in value for s in _module_strings(item, seen)]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [s for field in dataclasses.fields(value) for s in _module_strings(getattr(value, field.name), seen)]
    return []


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@functools.cache
def collect_statements() -> dict[str, str]:
    """Every statement, with where it comes from."""
    found: dict[str, str] = {}

    def add(text: str, origin: str) -> None:
        found.setdefault(text.strip(), origin)

    for path in _source_files():
        where = path.relative_to(ROOT).as_posix()
        constants, fstrings = _constants_and_fstrings(path)
        for text in constants:
            add(text, where)
        for node in fstrings:
            for text in _renderings(node, path):
                add(text, f"{where}:{node.lineno}")
        module = importlib.import_module(_module_name(path))
        seen: set[int] = set()
        for name, value in vars(module).items():
            if not name.startswith("__") and not isinstance(value, Dialect):
                for text in _module_strings(value, seen):
                    add(text, f"{where} {name}")
    for field in ("schema", "entity_search", "entity_search_by_papers", "paper_search"):
        for text in _module_strings(getattr(NEO4J, field), set()):
            add(text, f"graph/dialect.py NEO4J.{field}")
    for hops in (1, 3):
        add(NEO4J.shortest_paths(hops), "graph/dialect.py NEO4J.shortest_paths")
    return found


def _lint(statements: list[str]) -> list[list[dict]]:
    run = subprocess.run(
        ["node", str(LINTER / "lint.mjs")], input=json.dumps({"queries": statements, "schema": GRAPH_SCHEMA}),
        capture_output=True, text=True, timeout=900, check=False,
    )
    assert run.returncode == 0, run.stderr
    return [result["diagnostics"] for result in json.loads(run.stdout)]


@pytest.fixture(scope="module")
def linter_available() -> None:
    if shutil.which("node") is None or not (LINTER / "node_modules" / "@neo4j-cypher" / "language-support").is_dir():
        pytest.skip("Neo4j's Cypher linter is not installed: apt-get install nodejs npm && npm ci --prefix tests/cypher_lint")


def test_collects_the_statements_paperkg_sends():
    statements = collect_statements()
    texts = set(statements)
    # A sample of what must be there, from each kind of source, so a broken collector cannot pass empty.
    from app.components.canned import CANNED
    from graph import queries
    from graph.views import link, lookup

    assert queries.WRITE_BATCH.strip() in texts
    assert all(c.query.strip() in texts for c in CANNED)
    assert all(q.strip() in texts for q in link.SHARED_PAPERS.values())
    assert lookup.FIND_ENTITY.strip() in texts
    assert "MATCH (n) WHERE elementId(n) IN $ids RETURN n" in texts  # an f-string inside a function
    assert "MATCH (n:`Method`) RETURN count(n)" in texts
    assert not any("{{" in text or text == "WITH count(*) AS done" for text in texts), "templates and pieces are not statements"
    assert all(s.strip() in texts for s in NEO4J.schema)
    assert not any("db.idx.fulltext" in text for text in texts), "FalkorDB-only statements are not Neo4j's"
    assert len(statements) > 60


def test_every_statement_is_valid_neo4j_5_cypher(linter_available):
    statements = collect_statements()
    texts = list(statements)
    errors, warnings = [], []
    for text, diagnostics in zip(texts, _lint(texts)):
        for d in diagnostics:
            line = f"{statements[text]} (statement line {d['line']}, column {d['column']}): {d['message']}\n    {' '.join(text.split())[:160]}"
            (errors if d["severity"] == "error" else warnings).append(line)
    if warnings:
        print(f"\n{len(warnings)} warning(s), allowed:\n" + "\n".join(warnings))
    assert not errors, f"{len(errors)} statement(s) Neo4j 5 would reject:\n" + "\n".join(errors)


def test_functions_exist_in_neo4j_5():
    """The linter's catalogue is a newer server's: functions are also checked against 5.0's."""
    used = {
        name for text in collect_statements()
        for name in re.findall(r"(?<![.\w$])([A-Za-z_]\w*)\s*\(", re.sub(r"'[^']*'", "''", text))
    }
    unknown = {name for name in used if not name.isupper()} - NEO4J_5_FUNCTIONS  # upper case: keywords, `MATCH (`
    assert not unknown, f"functions not in Neo4j 5.0's list, check them against the 5.26 manual: {sorted(unknown)}"


def test_linter_rejects_what_neo4j_rejects(linter_available):
    """The linter itself: errors Neo4j 5 reports, and FalkorDB-only syntax."""
    bad = [
        "MATCH (n RETURN n",
        "MATCH (n) RETURN m",
        "CALL db.idx.fulltext.queryNodes('Entity', $q) YIELD node RETURN node",  # FalkorDB's procedure
        "MATCH (n) RETURN apoc.text.join([], '')",  # a plugin paperkg must not need
    ]
    assert all(any(d["severity"] == "error" for d in diagnostics) for diagnostics in _lint(bad))
    assert _lint(["MATCH (p:Paper {id: $id}) RETURN p"]) == [[]]
