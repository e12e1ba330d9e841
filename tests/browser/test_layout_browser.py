"""The Explore canvas's server-side layout in a real browser: what is on the
canvas stays where it is when the view grows, nothing hides a neighbour,
and "Show more" says when there is nothing more."""
from __future__ import annotations

import math
import threading

import pytest

from graph import views
from tests.browser.test_app_browser import FIND_CY, click, cy_count, tap, url_state, wait_for

pytestmark = pytest.mark.browser


def node_positions(dash_duo) -> dict[str, tuple[float, float, float]]:
    """Node id → (x, y, drawn diameter), in model coordinates."""
    return {node_id: tuple(values) for node_id, values in dash_duo.driver.execute_script(
        FIND_CY + "return cy ? cy.nodes().map(n => [n.id(), [n.position('x'), n.position('y'), n.data('size')]]) : [];",
        "explore-canvas")}


def overlapping(placed: dict[str, tuple[float, float, float]]) -> list[tuple[str, str]]:
    items = list(placed.items())
    return [(a, b) for i, (a, (ax, ay, asize)) in enumerate(items) for b, (bx, by, bsize) in items[i + 1:]
            if math.hypot(ax - bx, ay - by) < (asize + bsize) / 2]


def test_expand_keeps_existing_positions_and_nothing_overlaps(dash_duo, app_url, browser_store, shoot):
    focus = views.top_entities(browser_store, "Method", 1)[0]
    view = views.explore(browser_store, views.NodeRef.entity(focus.key), views.ViewFilters())
    dash_duo.driver.get(app_url(f"/explore?focus=e:{focus.key}"))
    wait_for(lambda: cy_count(dash_duo, "explore-canvas") == len(view.nodes), message="the neighbourhood on the canvas")
    before = node_positions(dash_duo)
    assert before[f"e:{focus.key}"][:2] == (0, 0)
    assert not overlapping(before)  # the focus hides no neighbour, nor does any node another

    # The neighbour whose expansion adds the most nodes.
    grown = {n.ref: len(views.explore(browser_store, view.focus.ref, views.ViewFilters(), (n.ref,)).nodes)
             for n in view.nodes if not n.focus and n.type != "Paper"}
    neighbour = max(grown, key=grown.get)
    assert grown[neighbour] > len(view.nodes)
    tap(dash_duo, "explore-canvas", neighbour.id)
    click(dash_duo, "#expand-link")
    wait_for(lambda: url_state(dash_duo).get("expand") == [neighbour.id], message="the expansion in the URL")
    wait_for(lambda: cy_count(dash_duo, "explore-canvas") == grown[neighbour], message="the expanded node's neighbours")
    after = node_positions(dash_duo)
    shoot()

    moved = {i: (before[i][:2], after[i][:2]) for i in before if math.dist(before[i][:2], after[i][:2]) > 0.5}
    assert not moved, f"existing nodes moved: {moved}"
    new = set(after) - set(before)
    assert new and not overlapping(after)
    # The new nodes gather around the expanded node, beyond it from the focus.
    anchor = after[neighbour.id]
    centre_distance = math.dist(anchor[:2], (0, 0))
    assert sum(math.dist(after[i][:2], (0, 0)) > centre_distance for i in new) >= len(new) / 2


def test_show_more_says_when_nothing_more_exists(dash_duo, app_url, browser_store):
    # A small neighbourhood: everything fits the default cap.
    key = browser_store.read(
        "MATCH (e:Entity)-[:CO_OCCURS]-(n:Entity) WITH e, count(n) AS k WHERE k >= 3 AND k < 20 RETURN e.key ORDER BY k DESC, e.key LIMIT 1"
    ).rows[0][0]
    dash_duo.driver.get(app_url(f"/explore?focus=e:{key}"))
    dash_duo.wait_for_element("#explore-summary")
    wait_for(lambda: cy_count(dash_duo, "explore-canvas") > 1, message="the neighbourhood on the canvas")
    # The canvas comes with the page; a view callback still under way when
    # the button is clicked would clear the note after it was written.
    wait_for(lambda: dash_duo.redux_state_rqs == [], message="the page's callbacks answered")
    click(dash_duo, "#explore-more")
    dash_duo.wait_for_contains_text("#explore-more-note", "Nothing more to show")
    assert "n" not in url_state(dash_duo)  # the URL did not grow a cap that changes nothing


def test_a_bookmark_builds_its_page_once_while_the_browser_loads_the_scripts(dash_duo, app_url, browser_store, monkeypatch):
    from app.pages import explore

    built = []
    real = explore.layout

    def layout(store, pathname, search):
        built.append((pathname, search, threading.current_thread().name))
        return real(store, pathname, search)

    monkeypatch.setattr(explore, "layout", layout)
    focus = views.top_entities(browser_store, "Method", 1)[0]
    search = f"?focus=e:{focus.key}&n=300"
    dash_duo.driver.get(app_url(f"/explore{search}"))
    dash_duo.wait_for_contains_text("#explore-summary", focus.name)
    wait_for(lambda: cy_count(dash_duo, "explore-canvas") > 1, message="the neighbourhood on the canvas")
    # Started when the document was served, and that build is the one the page shows.
    assert built == [("/explore", search, "page-ahead")]

    # Back to Explore from another tab: no document request, so it is built when asked.
    click(dash_duo, "#nav-connect")
    dash_duo.wait_for_element("#nav-connect.active")
    click(dash_duo, "#nav-explore")
    wait_for(lambda: len(built) == 2, message="Explore built again")
    assert built[1][0] == "/explore" and built[1][2] != "page-ahead"


def edge_ids(dash_duo) -> set[str]:
    return set(dash_duo.driver.execute_script(FIND_CY + "return cy ? cy.edges().map(e => e.id()) : [];", "explore-canvas"))


def test_links_among_neighbours_join_after_the_first_frame_and_leave_with_their_view(dash_duo, app_url, browser_store, monkeypatch):
    from app.components import canvas

    monkeypatch.setattr(canvas, "LATER_LINKS_MIN", 1)  # the seed graph's views have few links among neighbours
    focus = views.top_entities(browser_store, "Method", 1)[0]
    view = views.explore(browser_store, views.NodeRef.entity(focus.key), views.ViewFilters())
    first, later = canvas.first_draw(view, canvas.elements(view))
    assert later and first
    dash_duo.driver.get(app_url(f"/explore?focus=e:{focus.key}"))
    links = {e["data"]["id"] for e in canvas.elements(view) if "source" in e["data"]}
    wait_for(lambda: edge_ids(dash_duo) == links, message="every link of the view on the canvas")

    # A new view (a neighbour expanded): its links, and none of the last view's that it does not have.
    neighbour = next(n.ref for n in view.nodes if not n.focus and n.type != "Paper"
                     and len(views.explore(browser_store, view.focus.ref, views.ViewFilters(), (n.ref,)).nodes) > len(view.nodes))
    expanded = views.explore(browser_store, view.focus.ref, views.ViewFilters(), (neighbour,))
    tap(dash_duo, "explore-canvas", neighbour.id)
    click(dash_duo, "#expand-link")
    wait_for(lambda: cy_count(dash_duo, "explore-canvas") == len(expanded.nodes), message="the expanded view")
    links = {e["data"]["id"] for e in canvas.elements(expanded) if "source" in e["data"]}
    wait_for(lambda: edge_ids(dash_duo) == links, message="exactly the expanded view's links on the canvas")


def test_a_big_view_labels_its_small_nodes_once_zoomed_in(dash_duo, app_url, browser_store, monkeypatch):
    from app.components import canvas

    monkeypatch.setattr(canvas, "BIG_VIEW", 20)  # the seed graph's views are smaller than a real big view
    focus = views.top_entities(browser_store, "Method", 1)[0]
    view = views.explore(browser_store, views.NodeRef.entity(focus.key), views.ViewFilters())
    assert len(view.nodes) >= canvas.BIG_VIEW
    dash_duo.driver.get(app_url(f"/explore?focus=e:{focus.key}"))
    wait_for(lambda: cy_count(dash_duo, "explore-canvas") == len(view.nodes), message="the big view on the canvas")
    labels = "return cy.nodes().map(n => [n.id(), n.hasClass('quiet'), n.style('label'), n.data('label')]);"
    quiet = [row for row in dash_duo.driver.execute_script(FIND_CY + labels, "explore-canvas") if row[1]]
    assert quiet and all(shown == "" for _, _, shown, _ in quiet)  # fitted: too small to read, so not measured either
    hubs = [row for row in dash_duo.driver.execute_script(FIND_CY + labels, "explore-canvas") if not row[1]]
    assert hubs and all(shown == label for _, _, shown, label in hubs)  # the focus and the hubs are named

    dash_duo.driver.execute_script(FIND_CY + "cy.zoom(1.2);", "explore-canvas")
    wait_for(lambda: all(shown == label for _, q, shown, label in dash_duo.driver.execute_script(FIND_CY + labels, "explore-canvas")),
             message="every label shown once zoomed in")


def test_links_reach_a_view_that_arrives_before_the_last_views_links_were_handed_back(dash_duo, app_url, browser_store, monkeypatch):
    """The later links go to the view now shown, whatever the last view left.
    dash-cytoscape hands the canvas's elements back to Dash 100 ms after an
    add or remove; a user acting within that time gets the next view diffed
    against a list without the last view's later links, so they stay on the
    canvas. Switching that hand-back off makes the race certain here."""
    from app.components import canvas

    monkeypatch.setattr(canvas, "LATER_LINKS_MIN", 1)
    focus = views.top_entities(browser_store, "Method", 1)[0]
    view = views.explore(browser_store, views.NodeRef.entity(focus.key), views.ViewFilters())
    neighbour = next(n.ref for n in view.nodes if not n.focus and n.type != "Paper"
                     and len(views.explore(browser_store, view.focus.ref, views.ViewFilters(), (n.ref,)).nodes) > len(view.nodes))
    expanded = views.explore(browser_store, view.focus.ref, views.ViewFilters(), (neighbour,))
    links = {e["data"]["id"] for e in canvas.elements(view) if "source" in e["data"]}
    later = {e["data"]["id"] for e in canvas.first_draw(view, canvas.elements(view))[1]}
    expanded_links = {e["data"]["id"] for e in canvas.elements(expanded) if "source" in e["data"]}
    assert {e["data"]["id"] for e in canvas.first_draw(expanded, canvas.elements(expanded))[1]} - later  # links only the expanded view adds

    dash_duo.driver.get(app_url(f"/explore?focus=e:{focus.key}&min=2"))  # another view first: the focus's own view comes as a new one
    wait_for(lambda: cy_count(dash_duo, "explore-canvas") > 1, message="the first view")
    wait_for(lambda: dash_duo.redux_state_rqs == [], message="the page's callbacks answered")
    dash_duo.driver.execute_script(FIND_CY + "cy.off('add remove');", "explore-canvas")  # no hand-back to Dash from here on
    click(dash_duo, "#explore-reset")
    wait_for(lambda: edge_ids(dash_duo) == links, message="every link of the view on the canvas")

    tap(dash_duo, "explore-canvas", neighbour.id)
    click(dash_duo, "#expand-link")
    wait_for(lambda: cy_count(dash_duo, "explore-canvas") == len(expanded.nodes), message="the expanded view")
    wait_for(lambda: edge_ids(dash_duo) == expanded_links, message="exactly the expanded view's links on the canvas")
