"""The explorer's daily paths in a real browser: the papers behind a link,
search that finds what people mean, the heatmap, comparing papers from the
picker, and the console's keyboard and errors."""
from __future__ import annotations

from pathlib import Path

import pytest
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from app.pages import overview
from graph import views
from tests.browser.test_app_browser import FIND_CY, click, top_pair, url_state, wait_for

pytestmark = pytest.mark.browser


def edge_between(dash_duo, canvas_id: str, a: str, b: str) -> str | None:
    return dash_duo.driver.execute_script(
        FIND_CY + """
        const ends = [arguments[1], arguments[2]];
        const edge = cy ? cy.edges().filter(e => ends.includes(e.source().id()) && ends.includes(e.target().id()))[0] : null;
        return edge ? edge.id() : null;""",
        canvas_id, a, b,
    )


def tap_edge(dash_duo, canvas_id: str, edge_id: str) -> None:
    dash_duo.driver.execute_script(FIND_CY + "cy.getElementById(arguments[1]).emit('tap');", canvas_id, edge_id)


def test_edge_click_opens_the_papers_behind_the_link(dash_duo, app_url, browser_store, shoot):
    a, b = top_pair(browser_store)
    dash_duo.driver.get(app_url(f"/explore?focus=e:{a.key}&sel=e:{a.key}"))
    dash_duo.wait_for_contains_text("#explore-summary", a.name)
    edge = wait_for(lambda: edge_between(dash_duo, "explore-canvas", f"e:{a.key}", f"e:{b.key}"), message="the edge on the canvas")
    tap_edge(dash_duo, "explore-canvas", edge)

    shared = browser_store.scalar("MATCH (:Entity {key: $a})-[c:CO_OCCURS]-(:Entity {key: $b}) RETURN c.papers", {"a": a.key, "b": b.key})
    dash_duo.wait_for_contains_text("#link-count", f"{shared} paper")
    assert sorted(url_state(dash_duo)["link"]) == sorted([a.key, b.key]) and "sel" not in url_state(dash_duo)
    papers = dash_duo.find_elements("#link-papers li")
    assert len(papers) == min(shared, 30)
    marked = {m.get_attribute("title") for m in dash_duo.find_elements("#link-papers a[title]")}
    assert marked & {a.label, b.label}, "the evidence marks the entities"
    shoot()  # docs/screenshot-link.png is a copy of this one

    click(dash_duo, "#link-order-upvotes")  # sort by upvotes: in the URL, the list stays
    wait_for(lambda: url_state(dash_duo).get("by") == ["upvotes"], message="the order in the URL")
    dash_duo.wait_for_contains_text("#link-count", f"{shared} paper")

    dash_duo.driver.refresh()  # bookmarkable: a reload shows the same link
    dash_duo.wait_for_contains_text("#link-count", f"{shared} paper")


def test_search_transformer_offers_transformers_first(dash_duo, app_url, browser_store):
    wanted = views.search(browser_store, "Transformer", kinds=("e",))[0]
    assert wanted.ref.key == "transformer", "the seed file has Transformers"
    dash_duo.driver.get(app_url("/explore"))
    dash_duo.wait_for_contains_text("#header-counts", "papers")
    dash_duo.find_element(".search .dash-dropdown").click()
    dash_duo.wait_for_element(".dash-dropdown-search").send_keys("Transformer")
    def first_suggestion():
        try:
            options = [o.text for o in dash_duo.find_elements(".dash-dropdown-option")]
        except StaleElementReferenceException:  # the list was redrawn for the next keystroke's answer
            return None
        return options[0] if options and " · " in options[0] else None  # not the "No options found" shown while waiting

    # Each keystroke asks the server again; the answer for the whole word puts Transformers first.
    expected = f"{wanted.name} · {wanted.label} · "
    wait_for(lambda: (first_suggestion() or "").startswith(expected), message=f"{expected!r} first, not {first_suggestion()!r}")


def test_heatmap_cell_opens_the_method_benchmark_link(dash_duo, app_url, browser_store):
    matrix = overview.heatmap_matrix(browser_store)
    row, column = max(((i, j) for i in range(len(matrix.rows)) for j in range(len(matrix.columns))), key=lambda ij: matrix.values[ij[0]][ij[1]])
    assert matrix.values[row][column] > 0
    dash_duo.driver.get(app_url("/overview"))
    plot = dash_duo.wait_for_element("#overview-heatmap .nsewdrag")
    width, height = plot.size["width"], plot.size["height"]
    # Rows run top to bottom (the y axis is reversed); click the middle of the cell.
    x = (column + 0.5) * width / len(matrix.columns) - width / 2
    y = (row + 0.5) * height / len(matrix.rows) - height / 2
    ActionChains(dash_duo.driver).move_to_element(plot).move_by_offset(round(x), round(y)).click().perform()

    method, benchmark = matrix.rows[row], matrix.columns[column]
    wait_for(lambda: url_state(dash_duo).get("link") == [method.key, benchmark.key], message="the link in the URL")
    assert dash_duo.driver.current_url.split("?")[0].endswith("/explore")
    dash_duo.wait_for_contains_text("#link-count", f"{matrix.values[row][column]} paper")
    assert dash_duo.get_logs() == [] or not any("500" in entry.get("message", "") for entry in dash_duo.get_logs())


def test_compare_from_the_picker(dash_duo, app_url, browser_store):
    papers = [views.paper_of(r[0]) for r in browser_store.read("MATCH (p:Paper)-[:MENTIONS]->(:Method) RETURN DISTINCT p ORDER BY p.id LIMIT 2").rows]
    dash_duo.driver.get(app_url("/connect"))
    boxes = dash_duo.find_elements(".picker-paper")
    compare_box = boxes[-1]  # Related papers' picker, then Compare's
    for paper in papers:
        compare_box.click()
        search = wait_for(lambda: [e for e in dash_duo.find_elements(".dash-dropdown-search") if e.is_displayed()], message="the search box")[0]
        search.send_keys(" ".join(paper.title.split()[:4]))
        click(dash_duo, ".dash-dropdown-option", paper.title[:20], message=f"the option for {paper.title}")
        search.send_keys(Keys.ESCAPE)
    wait_for(lambda: url_state(dash_duo).get("compare") == [p.id for p in papers], message="both papers in the URL")
    dash_duo.wait_for_element("#compare-table")
    headers = [th.get_attribute("title") for th in dash_duo.find_elements("#compare-table th")]
    assert headers[2:4] == [p.title for p in papers]
    assert not list(Path(dash_duo.download_path).glob("*.csv")), "no download unless asked"


def test_plus_compare_keeps_the_papers_named_and_the_table(dash_duo, app_url, browser_store):
    paper = views.paper_of(browser_store.read("MATCH (p:Paper)-[:MENTIONS]->(:Method) RETURN p ORDER BY p.id LIMIT 1").rows[0][0])
    related = views.related_papers(browser_store, paper.id)[0].paper
    dash_duo.driver.get(app_url(f"/connect?paper={paper.id}"))
    click(dash_duo, "#related-list a.action", "+ compare")
    wait_for(lambda: url_state(dash_duo).get("compare") == [paper.id, related.id], message="both papers in the URL")
    dash_duo.wait_for_element("#compare-table")
    # Both chosen papers show by title in the Compare picker, not as blanks.
    def named():
        items = dash_duo.find_elements("[id*='connect-compare'] .dash-dropdown-value-item")
        return [item.get_attribute("textContent") for item in items]

    wait_for(lambda: len(named()) == 2 and all(t.strip() for t in named()), message="both chosen papers named")
    assert named()[0].startswith(paper.title) and named()[1].startswith(related.title)
    assert url_state(dash_duo).get("compare") == [paper.id, related.id], "the URL stays"
    assert not list(Path(dash_duo.download_path).glob("*.csv")), "no download unless asked"


def test_console_ctrl_enter_friendly_errors_schema_and_history(dash_duo, app_url, browser_store, shoot):
    dash_duo.driver.get(app_url("/cypher"))
    editor = dash_duo.wait_for_element("#cypher-query")
    dash_duo.find_element("#cypher-run").click()  # an empty editor runs the example it shows
    dash_duo.wait_for_contains_text("#cypher-count", "10 rows")
    assert "MATCH (m:Method)" in dash_duo.find_element("#cypher-query").get_attribute("value")

    editor = dash_duo.find_element("#cypher-query")
    editor.send_keys(Keys.CONTROL, "a")
    editor.send_keys(Keys.DELETE)
    editor.send_keys("MATCH (p:Paper) RETURN p.title AS title ORDER BY title LIMIT 4")
    editor.send_keys(Keys.CONTROL, Keys.ENTER)
    dash_duo.wait_for_contains_text("#cypher-count", "4 rows")

    editor = dash_duo.find_element("#cypher-query")
    editor.send_keys(Keys.CONTROL, "a")
    editor.send_keys(Keys.DELETE)
    editor.send_keys("MATCH (n:Methd RETURN n")
    editor.send_keys(Keys.CONTROL, Keys.ENTER)
    error = dash_duo.wait_for_element("#cypher-error")
    wait_for(lambda: "line 1, column" in error.text, message="the position in the error")
    assert "errMsg" not in error.text and "errCtx" not in error.text
    mark = dash_duo.find_element("#cypher-error .error-mark").text
    assert mark.splitlines()[0] == "MATCH (n:Methd RETURN n" and mark.splitlines()[1].strip() == "^"
    assert "No label Methd in this graph — did you mean Method?" in dash_duo.find_element("#cypher-warnings").text
    shoot("error")

    dash_duo.find_element("#cypher-schema summary").click()  # the schema panel, from the live graph
    dash_duo.wait_for_contains_text("#cypher-schema", "(:Paper)")
    assert "[:MENTIONS]" in dash_duo.find_element("#cypher-schema").text

    dash_duo.driver.refresh()  # the history lives in the browser
    dash_duo.wait_for_element("#cypher-history-pick", timeout=20)
    dash_duo.select_dcc_dropdown("#cypher-history-pick", index=1)
    wait_for(lambda: dash_duo.find_element("#cypher-query").get_attribute("value") == "MATCH (p:Paper) RETURN p.title AS title ORDER BY title LIMIT 4",
             message="the query recalled from the history")
