"""Clicks on the Explore canvas and its details in a real browser: the
clicked link is highlighted (and stays so when bookmarked or opened from a
chip), the link view's paper links change the view in place, and "Expand in
view" on a paper that is not on the canvas brings it in with its entities."""
from __future__ import annotations

import pytest

from graph import views
from tests.browser.test_app_browser import FIND_CY, click, cy_count, top_pair, url_state, wait_for
from tests.browser.test_features_browser import edge_between, tap_edge

pytestmark = pytest.mark.browser

PICKED = "rgb(255,191,0)"  # canvas.PICKED_STYLES, as cytoscape reports it


def edge_look(dash_duo, edge_id: str) -> tuple[bool, str] | None:
    """(selected, drawn line colour) of an edge."""
    return dash_duo.driver.execute_script(
        FIND_CY + "const e = cy && cy.getElementById(arguments[1]); return e && e.length ? [e.selected(), e.style('line-color')] : null;",
        "explore-canvas", edge_id)


def test_clicked_edge_is_highlighted_bookmarked_or_from_a_chip(dash_duo, app_url, browser_store):
    a, b = top_pair(browser_store)
    dash_duo.driver.get(app_url(f"/explore?focus=e:{a.key}&sel=e:{a.key}"))
    dash_duo.wait_for_contains_text("#explore-summary", a.name)
    edge = wait_for(lambda: edge_between(dash_duo, "explore-canvas", f"e:{a.key}", f"e:{b.key}"), message="the edge on the canvas")
    assert edge_look(dash_duo, edge) == [False, "rgb(196,201,208)"]

    tap_edge(dash_duo, "explore-canvas", edge)
    dash_duo.wait_for_element("#link-count")
    assert sorted(url_state(dash_duo)["link"]) == sorted([a.key, b.key])
    wait_for(lambda: edge_look(dash_duo, edge) == [True, PICKED], message="the clicked edge highlighted")
    assert dash_duo.driver.execute_script(FIND_CY + "return cy.edges(':selected').length;", "explore-canvas") == 1

    # A paper title in the link view opens the paper in place: no page load.
    dash_duo.driver.execute_script("window.__sameDocument = true;")
    title = dash_duo.find_element("#link-papers li a").text
    click(dash_duo, "#link-papers li a")
    wait_for(lambda: url_state(dash_duo).get("sel", [""])[0].startswith("p:"), message="the paper selected")
    dash_duo.wait_for_contains_text(".details-title", title[:20])
    assert dash_duo.driver.execute_script("return window.__sameDocument === true;")

    # Bookmarked: the link's edge is highlighted as the page opens.
    dash_duo.driver.get(app_url(f"/explore?focus=e:{a.key}&link={a.key}&link={b.key}"))
    dash_duo.wait_for_element("#link-count")
    wait_for(lambda: edge_look(dash_duo, edge) == [True, PICKED], message="the bookmarked link's edge highlighted")

    # From an "appears with" chip in the focus's details: the canvas is not redrawn, its edge lights up.
    dash_duo.driver.get(app_url(f"/explore?focus=e:{a.key}"))
    dash_duo.wait_for_element(".chips a")
    wait_for(lambda: cy_count(dash_duo, "explore-canvas") > 1, message="the neighbourhood on the canvas")
    chip = dash_duo.find_elements(".chips a")[0]
    chip.click()
    wait_for(lambda: len(url_state(dash_duo).get("link", [])) == 2, message="the chip's link in the URL")
    other = next(k for k in url_state(dash_duo)["link"] if k != a.key)
    chip_edge = edge_between(dash_duo, "explore-canvas", f"e:{a.key}", f"e:{other}")
    if chip_edge:  # the strongest neighbours' links are on the canvas; a weaker one may not be drawn
        wait_for(lambda: edge_look(dash_duo, chip_edge) == [True, PICKED], message="the chip's edge highlighted")
        assert edge_look(dash_duo, edge)[0] is (chip_edge == edge)


def test_expand_a_paper_that_is_not_on_the_canvas(dash_duo, app_url, browser_store):
    focus = views.top_entities(browser_store, "Method", 1)[0]
    # A paper of the focus mentioning the most entities: papers are not ticked, so it is not on the canvas.
    paper_id, mentioned = browser_store.read(
        "MATCH (p:Paper)-[:MENTIONS]->(:Entity {key: $key}) MATCH (p)-[:MENTIONS]->(e:Entity) "
        "RETURN p.id, count(e) AS n ORDER BY n DESC, p.id LIMIT 1", {"key": focus.key}).rows[0]
    assert mentioned > 1
    dash_duo.driver.get(app_url(f"/explore?focus=e:{focus.key}&sel=p:{paper_id}"))
    wait_for(lambda: cy_count(dash_duo, "explore-canvas") > 1, message="the neighbourhood on the canvas")
    before = cy_count(dash_duo, "explore-canvas")
    assert cy_count(dash_duo, "explore-canvas", f'node[id = "p:{paper_id}"]') == 0

    click(dash_duo, "#expand-link")
    wait_for(lambda: url_state(dash_duo).get("expand") == [f"p:{paper_id}"], message="the expansion in the URL")
    wait_for(lambda: cy_count(dash_duo, "explore-canvas", f'node[id = "p:{paper_id}"]') == 1, message="the paper on the canvas")
    linked = dash_duo.driver.execute_script(
        FIND_CY + "return cy.getElementById(arguments[1]).connectedEdges().length;", "explore-canvas", f"p:{paper_id}")
    assert linked >= min(mentioned, 2), "the paper is drawn with links to its entities"
    assert cy_count(dash_duo, "explore-canvas") > before
