"""benchmarks/judge_sample.py on the seed graph: a seed gives the same sample
every time, each stratum holds what it says, and display names fold as a reader
would confuse them."""
from __future__ import annotations

from collections import Counter

import pytest

from benchmarks.judge_sample import (
    TYPES, collisions, draw_entities, draw_links, fold, judged_rows, load_entities, recheck, score_lines, sweep, wilson,
)
from graph import open_store, settings


def test_fold_joins_plurals_not_sizes_or_plus():
    assert fold("LLMs") == fold("LLM")
    assert fold("k-NN") == fold("KNN")
    assert fold("7-Scenes") == fold("7Scenes")
    assert fold("ViT-S") != fold("ViT")
    assert fold("YOLOv8s") != fold("YOLOv8")
    assert fold("ControlNet++") != fold("ControlNet")


def test_sample_is_reproducible_and_stratified(seed_graph):
    with open_store() as store:
        entities = load_entities(store)
        first = draw_entities(entities, 7, uniform=5, weighted=6, candidates=8)
        again = draw_entities(load_entities(store), 7, uniform=5, weighted=6, candidates=8)
        other = draw_entities(entities, 8, uniform=5, weighted=6, candidates=8)
        links = draw_links(store, 7, 5)
        assert links == draw_links(store, 7, 5)

    assert [(d.stratum, d.entity.key) for d in first] == [(d.stratum, d.entity.key) for d in again]
    assert [d.entity.key for d in first] != [d.entity.key for d in other]
    sizes = Counter(d.stratum for d in first)
    visible_types = {e.label for e in entities if e.visible}
    for label in TYPES:
        if label in visible_types:
            assert sizes[f"weighted:{label}"] == 6
            uniform = [d.entity for d in first if d.stratum == f"uniform:{label}"]
            assert 0 < len(uniform) <= 5 and len({e.key for e in uniform}) == len(uniform)
            assert all(e.visible and e.label == label for e in uniform)
    assert all(d.entity.visible for d in first if d.stratum.startswith("weighted:"))
    candidates = [d.entity for d in first if d.stratum == "candidate"]
    assert len(candidates) == 8 and all(e.confidence < settings.MIN_CONFIDENCE for e in candidates)

    by_key = {e.key: e for e in entities}
    assert len(links) == 5 and len({frozenset((a, b)) for a, b, _ in links}) == 5
    assert all(by_key[a].visible and by_key[b].visible and papers >= 1 for a, b, papers in links)
    for group in collisions(entities):
        assert len({fold(e.name) for e in group}) == 1 and all(e.visible for e in group)


def test_unjudged_stratum_skips_what_has_a_verdict(seed_graph):
    with open_store() as store:
        entities = load_entities(store)
    methods = [e for e in entities if e.visible and e.label == "Method"]
    judged = frozenset((e.key, e.label) for e in methods[: len(methods) // 2])

    draws = draw_entities(entities, 7, uniform=10_000, weighted=0, candidates=0, judged=judged)

    drawn = [d.entity for d in draws if d.stratum == "unjudged:Method"]
    assert {e.key for e in drawn} == {e.key for e in methods[len(methods) // 2:]}
    assert not any(d.stratum.startswith("uniform:") for d in draws)
    # a verdict under another type is no verdict on this entity
    retyped = frozenset((key, "Task") for key, _ in judged)
    assert len([d for d in draw_entities(entities, 7, 10_000, 0, 0, retyped) if d.stratum == "unjudged:Method"]) == len(methods)


def test_wilson_interval_matches_the_published_figures():
    low, high = wilson(6, 40)
    assert (round(low * 100, 1), round(high * 100, 1)) == (7.1, 29.1)
    assert wilson(0, 0) == (0.0, 0.0)
    assert wilson(40, 40)[1] == pytest.approx(1.0) and wilson(0, 40)[0] == pytest.approx(0.0, abs=1e-12)


def test_score_counts_repeated_draws_and_skips_collisions(tmp_path):
    header = "stratum\tkey\tname\ttype\tpapers\tdraws\tverdict\n"
    rows = [
        "uniform:Method\ta\tA\tMethod\t3\t4\tcorrect",  # drawn four times: four acceptable draws
        "uniform:Method\tb\tB\tMethod\t1\t1\tswap",
        "uniform:Method\tc\tC\tMethod\t1\t1\tnot_entity",
        "collision\td\tD\tMethod\t1\t1\tduplicate",
        "link\ta || b\tA — B\t\t2\t\tnot_meaningful",
    ]
    path = tmp_path / "judged.tsv"
    path.write_text(header + "\n".join(rows) + "\n", encoding="utf-8")

    lines = score_lines(judged_rows(str(path)))

    assert len(lines) == 2
    link, method = lines
    assert link.split()[:3] == ["link", "0/1", "0.0%"]
    assert method.split()[:3] == ["uniform:Method", "5/6", "83.3%"]
    assert "correct 4, swap 1, not_entity 1" in method


def test_recheck_follows_a_key_a_later_release_changed(seed_graph, tmp_path, capsys):
    """Judged before "-es" plurals met their singular (session 35): the old key
    is gone, the entity its name now keys to is what was judged; one judged a
    duplicate that is gone has joined what it duplicated, and stays gone."""
    header = "stratum\tkey\tname\ttype\tpapers\tdraws\tverdict\tcorrect_type\n"
    rows = ["uniform:Method\tmarkovdecisionprocesse\tMarkov decision processes\tMethod\t2\t1\tcorrect\t",
            "uniform:Method\tmdpz\tMarkov decision processes\tMethod\t2\t1\tduplicate\t"]
    path = tmp_path / "judged.tsv"
    path.write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
    with open_store() as store:
        recheck(store, judged_rows(str(path)))
    out = capsys.readouterr().out
    assert "key markovdecisionprocesse -> markovdecisionprocess" in out and "gone mdpz" in out
    assert out.splitlines()[-1].split()[:2] == ["uniform:Method", "1/1"]


def test_sweep_lists_visible_entities_that_their_verdicts_mostly_reject(seed_graph, tmp_path, capsys):
    """Two rejecting verdicts and twice the accepting ones, over every judged
    file of a folder, matched by key and type; other kinds of judgement files
    and link rows count for nothing."""
    with open_store() as store:
        a, b, c = [e for e in load_entities(store) if e.visible][:3]
    other = next(label for label in TYPES if label != c.label)  # c judged as a type it does not have here

    def row(e, label, verdict, correct_type="", note="no"):
        return f"uniform:{label}\t{e.key}\t{e.name}\t{label}\t1\t1\t{verdict}\t{correct_type}\tx\t{note}"

    header = "stratum\tkey\tname\ttype\tpapers\tdraws\tverdict\tcorrect_type\tcategory\tnote\n"
    first = [row(a, a.label, "not_entity", note="A generic phrase."), row(b, b.label, "not_entity"),
             row(b, b.label, "correct"), row(c, other, "not_entity")]
    second = [row(a, a.label, "wrong_type", "Task"), row(a, a.label, "correct"), row(b, b.label, "duplicate"),
              row(b, b.label, "correct"), row(c, other, "not_entity"),
              f"link\t{a.key} || {b.key}\tA || B\t\t1\t\tnot_meaningful\t\t\t"]
    (tmp_path / "one.tsv").write_text(header + "\n".join(first) + "\n", encoding="utf-8")
    (tmp_path / "two.tsv").write_text(header + "\n".join(second) + "\n", encoding="utf-8")
    (tmp_path / "spans.tsv").write_text("label\tname\tverdict\nMETHOD\tx\tnot_entity\n", encoding="utf-8")
    with open_store() as store:
        sweep(store, str(tmp_path))
    lines = [line.split("\t") for line in capsys.readouterr().out.splitlines()]
    assert [line[1] for line in lines] == [a.key]  # b: 2 rejecting beside 2 accepting; c: not of that type here
    assert lines[0][4] == "not_entity 1, wrong_type:Task 1, correct 1" and lines[0][5] == "A generic phrase."
