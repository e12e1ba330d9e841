"""The parameters a load sends to FalkorDB: graph/falkor.py writes the
`CYPHER name=value` header itself (the client's recursive builder was a
fifth of the batch writer's CPU). The text must be the client's, and the
values must arrive as sent, on the real embedded server."""
from __future__ import annotations

import pytest
from falkordb.graph import Graph

from graph.falkor import _params_header

TRICKY = ["", 'say "hi"', "back\\slash \\\" both", "line\nbreak\ttab", "é ü 🙂 中文", "`tick`", "{not: a map}", "'single'"]
PARAMS = {
    "texts": TRICKY,
    "numbers": [0, -7, 10**18, 0.1, -2.5e-9, 1e300, True, False, None],
    "rows": [{"key": "a-b", "properties": {"aliases": ["A", "a b"], "paper_count": 3, "kb_id": None, "nested": [[1, "x"], []]}}],
    "empty": {},
    "tuple": ("t", 1),
}


def test_the_header_is_the_clients_text():
    assert _params_header(PARAMS) == Graph._build_params_header(None, PARAMS)
    assert _params_header({}) == Graph._build_params_header(None, {})


@pytest.mark.parametrize("name", ["", "a`b", 3])
def test_a_name_cypher_cannot_hold_is_refused(name):
    with pytest.raises(ValueError):
        _params_header({"rows": [{name: 1}]})


def test_values_arrive_as_sent(store):
    store.write("CREATE (:Paper {id: 'p', texts: $texts, numbers: $numbers})", {"texts": TRICKY, "numbers": [0, -7, 10**18, 0.1, -2.5e-9]})
    assert store.read("MATCH (p:Paper {id: 'p'}) RETURN p.texts, p.numbers").rows == [[TRICKY, [0, -7, 10**18, 0.1, -2.5e-9]]]
    assert store.read("RETURN $rows", {"rows": PARAMS["rows"]}).rows == [[PARAMS["rows"]]]
