"""Which entity an acronym joins when several stored entities were defined with it."""
from __future__ import annotations

from ingest.load import AliasIndex


def test_the_sense_most_papers_use_wins_not_the_smaller_key():
    # At 10k arXiv papers one paper's over-long definition ("Adapting large
    # language models (LLMs)") took the acronym from the sense hundreds of
    # papers define, because its key sorts first.
    index = AliasIndex([("adapting-large-language-model", ["llm"], 1, "Method", [1], None), ("large-language-model", ["llm"], 300, "Method", [1], None)])
    assert index.mapping()["llm"] == "large-language-model"


def test_the_index_follows_counts_as_batches_are_written():
    index = AliasIndex([("a-model", ["am"], 2, "Method", None, None), ("b-model", ["am"], 1, "Method", None, None)])
    assert index.mapping()["am"] == "a-model"
    index.set("b-model", ["am"], 5, "Method")
    assert index.mapping()["am"] == "b-model"
    index.set("b-model", None, 0)  # gone from the graph
    assert index.mapping()["am"] == "a-model"


def test_equal_counts_fall_back_to_the_smaller_key():
    index = AliasIndex([("zeta-net", ["zn"], 3, "Method", [2], None), ("zen-net", ["zn"], 3, "Method", [2], None)])
    assert index.mapping()["zn"] == "zen-net"


def test_the_sense_more_papers_define_the_name_for_wins_over_a_larger_entity():
    # On the 40k graph mIoU (252 papers) claims "IoU" because 10 papers write
    # the two together; Intersection over Union (250 papers) is what 60
    # papers define it as. Bare "IoU" is Intersection over Union.
    index = AliasIndex([("miou", ["iou", "meaniou"], 252, "Metric", [1, 5], None),
                        ("intersectionoverunion", ["iou"], 250, "Metric", [60], None)])
    assert index.mapping()["iou"] == "intersectionoverunion"
    assert index.mapping()["meaniou"] == "miou"
    index.set("miou", ["iou", "meaniou"], 252, "Metric", [61, 5])
    assert index.mapping()["iou"] == "miou"
