"""The app in a real browser: what a researcher does in a session."""
from __future__ import annotations

import time
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.keys import Keys

from graph import views
from tests.browser.conftest import HOSTILE_TITLE

pytestmark = pytest.mark.browser

# The cytoscape instance behind a canvas (dash-cytoscape keeps it on the container).
FIND_CY = """
const root = document.getElementById(arguments[0]);
const holder = root && [root, ...root.querySelectorAll('*')].find(el => el._cyreg && el._cyreg.cy);
const cy = holder ? holder._cyreg.cy : null;
"""


def cy_count(dash_duo, canvas_id: str, selector: str = "node") -> int:
    return dash_duo.driver.execute_script(FIND_CY + "return cy ? cy.$(arguments[1]).length : -1;", canvas_id, selector)


def tap(dash_duo, canvas_id: str, node_id: str) -> None:
    dash_duo.driver.execute_script(FIND_CY + "cy.getElementById(arguments[1]).emit('tap');", canvas_id, node_id)


def url_state(dash_duo) -> dict:
    return parse_qs(urlparse(dash_duo.driver.current_url).query)


def wait_for(condition, timeout: float = 10.0, message: str = "condition"):
    """Poll `condition`; elements re-rendered under it (stale) mean try again."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            value = condition()
        except StaleElementReferenceException:
            value = None
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {message}")


def click(dash_duo, selector: str, text_starts: str | None = None, message: str = "") -> None:
    """Click the first element matching `selector` (and starting with the
    text), retrying while Dash re-renders it."""

    def attempt():
        for element in dash_duo.find_elements(selector):
            if text_starts is None or element.text.startswith(text_starts):
                element.click()
                return True
        return False

    wait_for(attempt, message=message or selector)


def top_pair(store) -> tuple[views.Entity, views.Entity]:
    """Two entities sharing a paper: they are connected in two hops."""
    row = store.read(
        "MATCH (a:Entity)-[c:CO_OCCURS]->(b:Entity) RETURN a.key, b.key ORDER BY c.papers DESC, a.key LIMIT 1"
    ).rows[0]
    return views.entity_of(views.find_node(store, views.NodeRef.entity(row[0]))), views.entity_of(views.find_node(store, views.NodeRef.entity(row[1])))


def test_search_select_and_details(dash_duo, app_url, browser_store, shoot):
    entity = views.top_entities(browser_store, "Method", 1)[0]
    dash_duo.driver.get(app_url("/explore"))
    dash_duo.wait_for_contains_text("#header-counts", "papers")
    dash_duo.wait_for_element(".start-label")  # the empty canvas offers starting points

    dash_duo.find_element(".search .dash-dropdown").click()
    search_input = dash_duo.wait_for_element(".dash-dropdown-search")
    search_input.send_keys(entity.name[:4])
    click(dash_duo, ".dash-dropdown-option", f"{entity.name} · ", message=f"a suggestion for {entity.name}")

    dash_duo.wait_for_contains_text("#explore-summary", entity.name)
    dash_duo.wait_for_contains_text(".details-title", entity.name)
    assert url_state(dash_duo)["focus"] == [f"e:{entity.key}"]
    assert cy_count(dash_duo, "explore-canvas") > 1
    shoot()


def test_click_node_then_expand(dash_duo, app_url, browser_store, shoot):
    focus = views.top_entities(browser_store, "Method", 1)[0]
    dash_duo.driver.get(app_url(f"/explore?focus=e:{focus.key}"))
    dash_duo.wait_for_contains_text("#explore-summary", focus.name)
    wait_for(lambda: cy_count(dash_duo, "explore-canvas") > 1, message="the neighbourhood on the canvas")
    before = cy_count(dash_duo, "explore-canvas")

    view = views.explore(browser_store, views.NodeRef.entity(focus.key), views.ViewFilters())
    neighbour = max((n for n in view.nodes if not n.focus), key=lambda n: n.weight)
    tap(dash_duo, "explore-canvas", neighbour.ref.id)
    dash_duo.wait_for_contains_text(".details-title", neighbour.name)
    assert url_state(dash_duo)["sel"] == [neighbour.ref.id]

    click(dash_duo, "#expand-link")
    wait_for(lambda: url_state(dash_duo).get("expand") == [neighbour.ref.id], message="the expansion in the URL")
    wait_for(lambda: cy_count(dash_duo, "explore-canvas") > before, message="the expanded node's neighbours")
    shoot()

    dash_duo.driver.back()  # the back button undoes the expansion
    wait_for(lambda: "expand" not in url_state(dash_duo), message="the URL before the expansion")
    wait_for(lambda: cy_count(dash_duo, "explore-canvas") == before, message="the canvas before the expansion")


def test_type_filter_is_in_the_url(dash_duo, app_url, browser_store):
    focus = views.top_entities(browser_store, "Method", 1)[0]
    dash_duo.driver.get(app_url(f"/explore?focus=e:{focus.key}"))
    dash_duo.wait_for_contains_text("#explore-summary", focus.name)
    click(dash_duo, "#explore-types label", "Paper")
    wait_for(lambda: "Paper" in url_state(dash_duo).get("types", [""])[0], message="Paper in the types")
    wait_for(lambda: cy_count(dash_duo, "explore-canvas", "node[type = 'Paper']") > 0, message="papers on the canvas")


def test_connect_two_entities(dash_duo, app_url, browser_store, shoot):
    a, b = top_pair(browser_store)
    dash_duo.driver.get(app_url(f"/connect?a={a.key}&b={b.key}"))
    dash_duo.wait_for_contains_text("#connect-status", "shortest connection")
    paths = dash_duo.find_elements("#connect-paths li")
    assert paths and "both appear in" in paths[0].text
    assert a.name in paths[0].text and b.name in paths[0].text
    wait_for(lambda: cy_count(dash_duo, "connect-canvas") >= 3, message="the path on the canvas")
    shoot()


def test_cypher_rows_and_write_refused(dash_duo, app_url, browser_store, shoot):
    dash_duo.driver.get(app_url("/cypher"))
    editor = dash_duo.wait_for_element("#cypher-query")
    editor.send_keys("MATCH (p:Paper) RETURN p.title AS title ORDER BY title LIMIT 5")
    dash_duo.find_element("#cypher-run").click()
    dash_duo.wait_for_contains_text("#cypher-count", "5 rows")
    assert len(dash_duo.find_elements("#cypher-table tbody tr")) >= 5
    shoot("rows")

    papers_before = views.graph_counts(browser_store).papers
    editor = dash_duo.find_element("#cypher-query")
    editor.send_keys(Keys.CONTROL, "a")
    editor.send_keys(Keys.DELETE)
    editor.send_keys("CREATE (p:Paper {id: 'intruder', title: 'x'}) RETURN p")
    dash_duo.find_element("#cypher-run").click()
    dash_duo.wait_for_contains_text("#cypher-error", "read-only")
    assert views.graph_counts(browser_store).papers == papers_before
    shoot("refused")


def test_canned_query_draws_a_graph_and_downloads(dash_duo, app_url, browser_store, shoot):
    dash_duo.driver.get(app_url("/cypher?canned=A+method+and+its+papers+%28graph%29"))
    dash_duo.wait_for_contains_text("#cypher-count", "row")
    dash_duo.find_element("#cypher-edit").click()  # edit this query: the cursor lands in the editor
    wait_for(lambda: dash_duo.driver.switch_to.active_element.get_attribute("id") == "cypher-query", message="the editor focused")
    wait_for(lambda: cy_count(dash_duo, "cypher-canvas") > 1, message="the result drawn as a graph")
    dash_duo.find_element("#cypher-export-button").click()  # GraphML by default
    download = wait_for(lambda: list(Path(dash_duo.download_path).glob("*.graphml")), message="the GraphML download")[0]
    text = download.read_text()
    assert "<graphml" in text and "MENTIONS" in text
    shoot()


def test_explore_view_downloads_as_csv_zip(dash_duo, app_url, browser_store):
    import zipfile

    focus = views.top_entities(browser_store, "Method", 1)[0]
    dash_duo.driver.get(app_url(f"/explore?focus=e:{focus.key}"))
    dash_duo.wait_for_contains_text("#explore-summary", focus.name)
    dash_duo.select_dcc_dropdown("#explore-export-format", "CSV (nodes + edges, zip)")
    dash_duo.find_element("#explore-export-button").click()
    archive = wait_for(lambda: list(Path(dash_duo.download_path).glob("*.zip")), message="the CSV zip")[0]
    time.sleep(0.3)  # let Chromium finish writing
    with zipfile.ZipFile(archive) as z:
        assert sorted(z.namelist()) == ["edges.csv", "nodes.csv"]
        assert f"entity:{focus.key}" in z.read("nodes.csv").decode()


def test_html_in_a_paper_is_inert_text(dash_duo, app_url, browser_store, shoot):
    paper_id = browser_store.read("MATCH (p:Paper) WHERE p.title STARTS WITH '<script>' RETURN p.id").rows[0][0]
    dash_duo.driver.get(app_url(f"/explore?focus=p:{paper_id}"))
    dash_duo.wait_for_contains_text(".details-title", "<script>")
    assert dash_duo.find_element(".details-title").text == HOSTILE_TITLE
    assert "<img src=x" in dash_duo.find_element(".abstract").text
    assert dash_duo.driver.execute_script("return window.__pwned === undefined")
    assert not dash_duo.find_elements(".details-title b") and not dash_duo.find_elements(".abstract img")
    shoot()
