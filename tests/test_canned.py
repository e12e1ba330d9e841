"""The console's canned queries on the real seed graph: each answers what
its description says, reads through the key index and caps itself with
LIMIT, and the bounded ones agree with their exhaustive versions."""
from __future__ import annotations

import pytest

from app.components.canned import BY_NAME, CANNED
from app.pages import cypher
from app.urls import State
from graph import open_store, views

# What "Strongest co-occurrences" answered before it was bounded: every
# entity's every link (424k links read at 40k papers, 0.5 s).
EVERY_PAIR = """
MATCH (a:Entity) WHERE a.paper_count >= $min
MATCH (a)-[c:CO_OCCURS]->(b:Entity) WHERE c.papers >= $min
RETURN a.name AS a, a.label AS a_type, b.name AS b, b.label AS b_type, c.papers AS papers
ORDER BY papers DESC, a, b LIMIT 25
"""


@pytest.fixture(scope="module")
def seeds(seed_graph):
    with open_store() as store:
        yield store


def rows(store, name: str, **args) -> list[list]:
    state = State(canned=name, args=tuple(f"{k}={v}" for k, v in args.items()))
    result = cypher.run(store, state).result
    assert isinstance(result, views.ConsoleResult), result
    return result.rows


def test_every_canned_query_caps_itself_in_cypher():
    for canned in CANNED:
        assert "LIMIT" in canned.query, canned.name
        # The key index is on Entity: a lookup by key names that label too.
        assert "{key:" not in canned.query or ":Entity:" in canned.query, canned.name


@pytest.mark.parametrize("least", [1, 2, 3])
def test_strongest_co_occurrences_match_every_pair(seeds, least):
    everything = seeds.read(EVERY_PAIR, {"min": least}).rows
    assert everything
    entities = seeds.scalar("MATCH (e:Entity) RETURN count(e)")
    assert rows(seeds, "Strongest co-occurrences", min=least, top=entities) == everything
    # The default reads only the most mentioned entities; on the seeds that
    # already gives the same pairs.
    assert rows(seeds, "Strongest co-occurrences", min=least) == everything


def test_newly_proposed_reads_the_newest_papers(seeds):
    newest = seeds.read("MATCH (p:Paper) WHERE p.published >= '2024-01-01' "
                        "RETURN p.title ORDER BY p.published DESC, p.id LIMIT 30").rows
    found = rows(seeds, "Newly proposed entities", papers=30)
    assert found and {row[2] for row in found} <= {row[0] for row in newest}
    assert [row[3] for row in found] == sorted((row[3] for row in found), reverse=True)
    proposals = seeds.scalar("MATCH (p:Paper)-[:PROPOSES]->(:Entity) WHERE p.published >= '2024-01-01' RETURN count(*)")
    assert len(rows(seeds, "Newly proposed entities", papers=1_000)) == proposals


def test_default_choice_is_the_first_option(seeds):
    for canned in CANNED:
        for param in canned.params:
            if param.type == "choice":
                options = cypher.choice_options(seeds, param)
                assert options and cypher.first_choice(seeds, param) == options[0]["value"], (canned.name, param.name)


def test_papers_using_a_dataset_newest_first(seeds):
    dataset = cypher.first_choice(seeds, BY_NAME["Papers using a dataset"].params[0])
    found = rows(seeds, "Papers using a dataset")
    count = seeds.scalar("MATCH (:Entity {key: $key})<-[:MENTIONS]-(p:Paper) RETURN count(p)", {"key": dataset})
    assert len(found) == min(count, 100) and found
    dates = [row[1] or "" for row in found]
    assert dates == sorted(dates, reverse=True) and dates[0]  # undated papers last
