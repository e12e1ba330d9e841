"""Which entity an acronym joins when several stored entities were defined with it."""
from __future__ import annotations

from ingest.load import AliasIndex


def test_the_sense_most_papers_use_wins_not_the_smaller_key():
    # At 10k arXiv papers one paper's over-long definition ("Adapting large
    # language models (LLMs)") took the acronym from the sense hundreds of
    # papers define, because its key sorts first.
    index = AliasIndex([("adapting-large-language-model", ["llm"], 1, "Method"), ("large-language-model", ["llm"], 300, "Method")])
    assert index.mapping()["llm"] == "large-language-model"


def test_the_index_follows_counts_as_batches_are_written():
    index = AliasIndex([("a-model", ["am"], 2, "Method"), ("b-model", ["am"], 1, "Method")])
    assert index.mapping()["am"] == "a-model"
    index.set("b-model", ["am"], 5, "Method")
    assert index.mapping()["am"] == "b-model"
    index.set("b-model", None, 0)  # gone from the graph
    assert index.mapping()["am"] == "a-model"


def test_equal_counts_fall_back_to_the_smaller_key():
    index = AliasIndex([("zeta-net", ["zn"], 3, "Method"), ("zen-net", ["zn"], 3, "Method")])
    assert index.mapping()["zn"] == "zen-net"
