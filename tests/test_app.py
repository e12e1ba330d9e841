"""The app without a browser: URL state, highlighting, page layouts and
callbacks' work functions, exports, canned queries and basic auth."""
from __future__ import annotations

import base64
import inspect
import io
import json
import zipfile

import networkx as nx
from dash import dcc, no_update

from app.components.canned import CANNED
from app.components.export import send_subgraph
from app.components.highlight import Target, find_spans, highlighted
from app.pages import connect, cypher, explore, overview
from app.server import create_app, serve
from app.urls import State, page_of
from graph import views
from graph.export import FORMATS
from graph.views import NodeRef
from graph.views.console import ConsoleError
from tests.test_views import synthetic  # noqa: F401  (the shared module fixture)


def text_of(component) -> str:
    """All text in a Dash component tree, as a browser would show it."""
    if component is None or component is no_update:
        return ""
    if isinstance(component, (str, int, float)):
        return str(component)
    if isinstance(component, (list, tuple)):
        return "".join(text_of(c) for c in component)
    if isinstance(component, dcc.Markdown):
        return _markdown_text(component.children)
    return text_of(getattr(component, "children", None))


def _markdown_text(source) -> str:
    import html
    import re

    from markdown_it import MarkdownIt  # rich's own Markdown parser

    rendered = MarkdownIt("commonmark").render(source if isinstance(source, str) else "\n".join(source or ()))
    return html.unescape(re.sub(r"<[^>]+>", "", rendered)).strip()


# ---------------------------------------------------------------- URL state


def test_state_round_trips_through_the_query_string():
    state = State(focus=NodeRef.entity("vision transformer"), sel=NodeRef.paper("2401.1"), types=("Method", "Paper"), min=3,
                  since="2024-01-01", n=300, expand=(NodeRef.entity("a&b"), NodeRef.paper("x=y")), a="gpt-4", b="imagenet",
                  compare=("p1", "p2"), track=("k1",), canned="Most upvoted papers", query="MATCH (n) RETURN n", args=("n=5",))
    assert State.parse(state.query_string()) == state
    assert State().query_string() == ""
    assert State.parse(State(types=()).query_string()).types == ()  # nothing ticked stays nothing
    assert state.href("connect", a=None).startswith("/connect?")


def test_broken_urls_fall_back_to_defaults():
    state = State.parse("?focus=nonsense&min=-4&n=99999999&since=yesterday&layout=<x>&types=Bogus")
    assert state.focus is None and state.min == 1 and state.n == 1000 and state.since is None
    assert state.layout == "clustered" and state.types == ()
    assert page_of("/nowhere") == "explore" and page_of("/cypher") == "cypher"


# ---------------------------------------------------------------- highlighting


def test_spans_prefer_longer_surfaces_and_respect_word_boundaries():
    text = "The Vision Transformer beats the transformer; ViTs differ from ViT."
    pieces = find_spans(text, [Target("transformer", "Method"), Target("Vision Transformer", "Method"), Target("ViT", "Method")])
    marked = [piece for piece, target in pieces if target]
    assert marked == ["Vision Transformer", "transformer", "ViT"]
    assert "".join(piece for piece, _ in pieces) == text


def test_highlighted_markup_stays_text():
    # Markdown for dcc.Markdown (raw HTML shown as text): whatever Markdown
    # could read as markup is escaped, the mark is a link titled with its type.
    marked = highlighted("<b>GPT-4</b> [x](javascript:y) wins", [Target("GPT-4", "Method", "/explore?sel=e:gpt-4")])
    assert marked == r'<b\>[GPT\-4](</explore?sel=e:gpt-4> "Method")</b\> \[x\]\(javascript:y\) wins'


# ---------------------------------------------------------------- pages


def test_every_page_renders_for_the_url(synthetic):
    store, papers = synthetic
    method = views.top_entities(store, "Method", 1)[0]
    paper = papers[0]
    explore_page = explore.layout(store, "/explore", f"?focus=e:{method.key}&types=Method,Paper")
    assert method.name in text_of(explore_page)
    assert "start from one of these" in text_of(explore.layout(store, "/explore", ""))
    a, b = paper.mentions[0][0], paper.mentions[1][0]
    connect_page = connect.layout(store, "/connect", f"?a={a.key}&b={b.key}&paper={paper.id}&compare={paper.id}&compare={papers[1].id}")
    assert "both appear in" in text_of(connect_page) and "in all" in text_of(connect_page)
    overview_text = text_of(overview.layout(store, "/overview", ""))
    assert "Trending" in overview_text and "Score: each of those papers counts 1" in overview_text
    assert "entities of a single paper" not in overview_text  # the synthetic graph has enough recurring ones
    assert "rows" in text_of(cypher.layout(store, "/cypher", "?canned=Most+upvoted+papers"))


def test_explore_render_leaves_the_canvas_alone_when_only_the_selection_changes(synthetic):
    store, _ = synthetic
    method = views.top_entities(store, "Method", 1)[0]
    search = f"?focus=e:{method.key}"
    elements, layout, *_, drawn, note = explore.render(store, search, None)
    assert any(e["data"]["id"] == f"e:{method.key}" for e in elements) and layout["name"] == "preset" and note == ""
    assert explore.render(store, search + "&sel=e:whatever", drawn) == (no_update,) * 8 + ("",)  # only the "show more" note clears
    assert explore.render(store, search + "&n=20", drawn)[0] is not no_update


def test_paths_are_explained_in_words(synthetic):
    store, papers = synthetic
    a, b = papers[0].mentions[0][0], papers[0].mentions[1][0]
    state = State(a=a.key, b=b.key)
    view = connect.build(store, state)
    words = text_of(connect.explain(view.connections[0], state))
    assert words.startswith(f"{a.name} and {b.name} both appear in “") and words.endswith("”.")
    far = views.Connection((views.Entity("x", "X", "Method"), views.Paper("1", "P1"), views.Entity("y", "Y", "Task"), views.Paper("2", "P2"), views.Entity("z", "Z", "Metric")))
    assert text_of(connect.explain(far, state)) == "X appears in “P1”, with Y; Y appears in “P2”, with Z."


def test_comparison_table_columns(synthetic):
    store, papers = synthetic
    frame = connect.comparison_frame(views.compare_papers(store, [papers[0].id, papers[1].id]))
    assert list(frame.columns)[:2] == ["type", "entity"] and list(frame.columns)[-2:] == ["in all", "only in"]
    assert frame.columns[2] == papers[0].title
    for row in frame.rows:
        marks = [row[2], row[3]]
        assert (row[4] == "yes") == all(marks)
        assert row[5] == ("" if marks.count("yes") != 1 else frame.columns[2 + marks.index("yes")])
    assert {row[0] for row in frame.rows} <= {"Method", "Dataset", "Benchmark", "Metric"}
    assert frame.to_csv().splitlines()[0].startswith("type,entity,")


def test_every_canned_query_runs_read_only(synthetic):
    store, _ = synthetic
    for canned in CANNED:
        outcome = cypher.run(store, State(canned=canned.name))
        assert isinstance(outcome.result, views.ConsoleResult) and not outcome.warnings, (canned.name, outcome)
    graph_result = cypher.run(store, State(canned="A method and its papers (graph)", args=("limit=3",))).result
    assert len(graph_result.rows) == 3 and graph_result.graph.edges
    refused = cypher.run(store, State(query="CREATE (n:Paper {id: 'x'}) RETURN n")).result
    assert isinstance(refused, ConsoleError) and "read-only" in refused.message
    broken = cypher.run(store, State(query="MATCH (n RETURN n")).result
    assert isinstance(broken, ConsoleError) and "errMsg" not in broken.message and "\n" not in broken.message
    assert broken.marked("MATCH (n RETURN n") == "MATCH (n RETURN n\n" + " " * (broken.column - 1) + "^"
    schema = text_of(cypher.schema_view(cypher.graph_schema(store)))
    assert "(:Paper)" in schema and "[:MENTIONS]" in schema and "paper_count" in schema
    assert cypher.run(store, State(query="MATCH (m:Methd) RETURN m.nme")).warnings == [
        "No label Methd in this graph — did you mean Method?", "No property nme in this graph — did you mean name?"]


def test_downloads_in_every_format(synthetic):
    store, _ = synthetic
    method = views.top_entities(store, "Method", 1)[0]
    view = explore.build(store, State(focus=NodeRef.entity(method.key), n=15))
    for format in FORMATS:
        payload = send_subgraph(view.subgraph, format, "view")
        content = base64.b64decode(payload["content"])
        if format == "csv":
            assert payload["filename"] == "view.zip"
            with zipfile.ZipFile(io.BytesIO(content)) as archive:
                assert f"entity:{method.key}" in archive.read("nodes.csv").decode()
        elif format == "graphml":
            graph = nx.read_graphml(io.BytesIO(content))
            assert graph.number_of_nodes() == len(view.nodes)
        elif format in ("json", "cytoscape"):
            assert json.loads(content)
        else:
            assert content.startswith(b"<?xml")


# ---------------------------------------------------------------- server


def test_basic_auth_guards_every_request(synthetic):
    store, _ = synthetic
    client = create_app(store, auth=("ada", "s3cret")).server.test_client()
    assert client.get("/").status_code == 401
    assert client.get("/_dash-layout").status_code == 401
    wrong = base64.b64encode(b"ada:nope").decode()
    assert client.get("/", headers={"Authorization": f"Basic {wrong}"}).status_code == 401
    right = base64.b64encode(b"ada:s3cret").decode()
    assert client.get("/", headers={"Authorization": f"Basic {right}"}).status_code == 200
    assert create_app(store).server.test_client().get("/_dash-layout").status_code == 200


def test_serve_has_the_signature_the_cli_calls():
    parameters = inspect.signature(serve).parameters
    assert list(parameters) == ["store", "host", "port", "auth", "debug", "curation"]
    assert parameters["host"].default == "127.0.0.1"


def test_suggestions_keep_chosen_values_and_match_aliases(synthetic):
    from app.components.pickers import suggest

    store, papers = synthetic
    task = next(e for p in papers for e, _, _ in p.mentions if e.acronym)
    kept = {"label": "kept", "value": "chosen-key"}
    options = suggest(store, "entity", task.acronym, [kept])
    assert options[0] == kept
    assert task.key in [o["value"] for o in options[1:]]
    assert all(task.acronym in o["search"] for o in options[1:])  # the browser's own filter must not hide them
    papers_only = suggest(store, "paper", papers[0].title.split()[0], [])
    assert papers_only and all(o["label"].split(" · ")[-2] == "Paper" for o in papers_only)


def test_connect_tab_starts_from_the_explore_focus():
    from app.layout import carried

    assert carried(State(focus=NodeRef.entity("lora")), "connect").a == "lora"
    assert carried(State(focus=NodeRef.paper("2401.1")), "connect").paper == "2401.1"
    assert carried(State(focus=NodeRef.entity("lora"), a="vit"), "connect").a == "vit"
    assert carried(State(focus=NodeRef.entity("lora")), "overview") == State()  # nothing of Explore's leaks into Overview


def test_each_tab_keeps_its_own_url_state():
    from app.layout import tab_href, tab_searches

    saved = tab_searches({}, "cypher", "?query=MATCH+(n)+RETURN+n&focus=e:lora")
    assert saved == {"cypher": "?query=MATCH+%28n%29+RETURN+n"}
    saved = tab_searches(saved, "explore", "?focus=e:lora&n=300&query=stale")
    assert tab_href("cypher", saved, "?focus=e:lora&n=300") == "/cypher?query=MATCH+%28n%29+RETURN+n"
    assert tab_href("explore", saved, "?query=x") == "/explore?focus=e%3Alora&n=300"
    assert tab_href("connect", saved, "?focus=e:lora&n=300") == "/connect?a=lora"  # first visit: carried over
    assert tab_href("overview", saved, "?focus=e:lora") == "/overview"


def test_pages_on_an_empty_graph_say_what_to_do(store):
    assert "paperkg ingest" in text_of(explore.layout(store, "/explore", ""))
    assert "Nothing in this graph" in text_of(explore.layout(store, "/explore", "?focus=e:ghost"))
    assert "Pick two entities" in text_of(connect.layout(store, "/connect", ""))
    assert "Papers" in text_of(overview.layout(store, "/overview", ""))
    assert "0 rows" in text_of(cypher.layout(store, "/cypher", "?query=MATCH+(n)+RETURN+n"))


def test_timeline_months_fill_the_gaps():
    assert overview.months("2024-11", "2025-02") == ["2024-11", "2024-12", "2025-01", "2025-02"]
    assert overview.months("2025-03", "2025-03") == ["2025-03"]


def test_overview_figures_are_the_json_plotly_makes_of_them():
    # The figures are written as JSON directly (plotly copies its template per figure); what the
    # browser gets must be what plotly's own objects give for the same traces and layout.
    import plotly.graph_objects as go
    from plotly.utils import PlotlyJSONEncoder

    def sent(figure) -> dict:
        return json.loads(json.dumps(figure, cls=PlotlyJSONEncoder))

    points = [views.TimePoint("bert", "BERT", "2025-01", 2), views.TimePoint("bert", "BERT", "2025-03", 1),
              views.TimePoint("gpt-4", "GPT-4", "2025-02", 5)]
    plotly_timeline = go.Figure([go.Bar(x=["2025-01-01", "2025-02-01", "2025-03-01"], y=counts, name=name,
                                        hovertemplate="%{x|%b %Y}: %{y} papers<extra>%{fullData.name}</extra>")
                                 for name, counts in (("BERT", [2, 0, 1]), ("GPT-4", [0, 5, 0]))])
    plotly_timeline.update_layout(margin=overview.FIGURE_MARGIN, height=320, title="Papers per month", legend={"orientation": "h"},
                                  barmode="group", xaxis={"type": "date"}, yaxis={"rangemode": "tozero"}, template="plotly_white")
    assert sent(overview.timeline_figure(points)) == sent(plotly_timeline)
    assert sent(overview.timeline_figure([])) == sent(go.Figure(layout=plotly_timeline.layout))

    rows = [views.Entity("gpt-4", "GPT-4", "Method"), views.Entity("bert", "BERT", "Method")]
    columns = [views.Entity("mmlu", "MMLU", "Benchmark")]
    plotly_heatmap = go.Figure(go.Heatmap(z=[[3], [0]], x=["MMLU"], y=["GPT-4", "BERT"], colorscale="Blues",
                                          hovertemplate="%{y} × %{x}: %{z} papers<extra></extra>"))
    plotly_heatmap.update_layout(margin=overview.FIGURE_MARGIN, height=520, yaxis={"autorange": "reversed"}, template="plotly_white",
                                 title="Methods × benchmarks (shared papers; click a cell for the papers)")
    assert sent(overview.heatmap(views.Matrix(rows, columns, [[3], [0]]))) == sent(plotly_heatmap)


def test_heatmap_cell_opens_the_link_view():
    keys = {"rows": ["gpt-4", "llama"], "columns": ["mmlu", "gsm8k"], "row_names": ["GPT-4", "LLaMA"], "column_names": ["MMLU", "GSM8K"]}
    path, search = overview.cell_link({"points": [{"pointNumber": [1, 0], "x": "MMLU", "y": "LLaMA", "z": 3}]}, keys, "?track=x")
    state = State.parse(search)
    assert path == "/explore" and state.focus == NodeRef.entity("llama") and state.link == ("llama", "mmlu") and state.sel is None
    # Without a position the labels find the cell.
    assert overview.cell_link({"points": [{"x": "GSM8K", "y": "GPT-4"}]}, keys, "")[1] == State(focus=NodeRef.entity("gpt-4"), link=("gpt-4", "gsm8k")).query_string()
    assert overview.cell_link({"points": [{}]}, keys, "") is None and overview.cell_link(None, keys, "") is None


def test_edge_taps_open_the_link_or_select_the_paper():
    from app.components.link import tapped

    state = State(focus=NodeRef.entity("a"), sel=NodeRef.entity("a"))
    assert tapped({"source": "e:a", "target": "e:b"}, state) == state.with_(sel=None, link=("a", "b"))
    assert tapped({"source": "p:2401.1", "target": "e:b"}, state) == state.with_(sel=NodeRef.paper("2401.1"))
    assert tapped({"source": "n:1", "target": "n:2"}, state) is None and tapped(None, state) is None
