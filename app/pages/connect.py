"""Connect: how two entities are linked through papers (shortest paths,
drawn and explained in words), the papers most related to a paper, and a
side-by-side comparison of papers."""
from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass

from dash import Input, Output, State as DashState, dcc, html, no_update

from app import settings
from app.components import details
from app.components.canvas import canvas, elements, layout_options, legend
from app.components.export import export_controls, send_subgraph
from app.components.pickers import ROLE, options_for, picker
from app.components.url_sync import bind, bind_selection, page_location, url_id
from app.components.words import count
from app.urls import State
from graph import views
from graph.store import GraphStore
from graph.views import Comparison, Connection, ConnectView, Entity, NodeRef, Paper

PAGE = "connect"
PATH_STYLES = [{"selector": "edge", "style": {"line-style": "solid", "line-color": "#8c959f", "opacity": 1, "width": 2}}]
URL = url_id(PAGE)
PICKERS = {name: {"role": ROLE, "name": f"connect-{name}", "kind": kind}
           for name, kind in (("a", "entity"), ("b", "entity"), ("paper", "paper"), ("compare", "paper"))}


def build(store: GraphStore, state: State) -> ConnectView | None:
    if not (state.a and state.b) or state.a == state.b:
        return None
    return views.connect(store, state.a, state.b, settings.CONNECT_MAX_HOPS, settings.CONNECT_MAX_PATHS)


def _entity_link(entity: Entity, state: State):
    return dcc.Link(entity.name, href=state.href(PAGE, sel=NodeRef.entity(entity.key)), className="chip")


def _paper_link(paper: Paper, state: State):
    return dcc.Link(f"“{paper.title}”", href=state.href(PAGE, sel=NodeRef.paper(paper.id)))


def explain(connection: Connection, state: State) -> list:
    """A path in words: "A and B both appear in “P”." or, hop by hop,
    "A appears in “P1”, with C; C appears in “P2”, with B."."""
    steps = connection.steps
    if len(steps) == 3:
        return [_entity_link(steps[0], state), " and ", _entity_link(steps[2], state), " both appear in ", _paper_link(steps[1], state), "."]
    words: list = []
    for i in range(0, len(steps) - 2, 2):
        words += [_entity_link(steps[i], state), " appears in ", _paper_link(steps[i + 1], state), ", with ", _entity_link(steps[i + 2], state)]
        words.append("; " if i + 2 < len(steps) - 1 else ".")
    return words


def paths_summary(state: State, view: ConnectView | None) -> tuple[list, list]:
    """The headline above the canvas and the paths in words below it."""
    if not (state.a and state.b):
        return [html.Div("Pick two entities on the left to see how papers connect them.", className="hint")], []
    if state.a == state.b:
        return [html.Div("Pick two different entities.", className="hint")], []
    if view is None or not view.connections:
        return [html.Div(f"No connection within {settings.CONNECT_MAX_HOPS} hops (two papers apart).", className="hint")], []
    hops = len(view.connections[0].steps) // 2
    headline = html.Div(f"{count(len(view.connections), 'shortest connection')}, {count(hops, 'paper')} long:", className="summary")
    return [headline], [html.Ol([html.Li(explain(c, state)) for c in view.connections], className="paths", id="connect-paths")]


def path_layout(state: State) -> dict:
    """Top to bottom from the first entity, so each path reads downwards."""
    start = json.dumps(NodeRef.entity(state.a or "").id)
    return {**layout_options("breadthfirst"), "roots": f"[id = {start}]", "spacingFactor": 1.1}


def related_list(store: GraphStore, state: State) -> list:
    if not state.paper:
        return [html.Div("Pick a paper to list the papers sharing most of its methods, datasets and benchmarks.", className="muted")]
    related = views.related_papers(store, state.paper, settings.RELATED_PAPERS)
    if not related:
        return [html.Div("No other paper shares a method, dataset or benchmark with it.", className="hint")]
    return [html.Ol([
        html.Li([
            _paper_link(r.paper, state), html.Span(f" {r.paper.published or 'undated'} · {len(r.shared)} shared ", className="muted"),
            dcc.Link("+ compare", href=state.href(PAGE, compare=tuple(dict.fromkeys((*state.compare, state.paper, r.paper.id)))), className="action"),
            html.Div([_entity_link(e, state) for e in r.shared]),
        ])
        for r in related
    ], className="paths", id="related-list")]


@dataclass(frozen=True)
class ComparisonTable:
    columns: list[str]
    rows: list[list[str]]

    def to_csv(self) -> str:
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(self.columns)
        writer.writerows(self.rows)
        return out.getvalue()


def comparison_frame(comparison: Comparison) -> ComparisonTable:
    """One row per entity, one column per paper ("yes"/""), then "in all"
    and "only in" (the one paper that has it, if just one does)."""
    titles = _unique_titles(comparison.papers)
    return ComparisonTable(
        columns=["type", "entity", *titles, "in all", "only in"],
        rows=[[row.entity.label, row.entity.name, *("yes" if p else "" for p in row.present), "yes" if row.shared else "",
               titles[row.present.index(True)] if sum(row.present) == 1 else ""] for row in comparison.rows],
    )


def _unique_titles(papers: list[Paper]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for paper in papers:
        title = paper.title
        seen[title] = seen.get(title, 0) + 1
        out.append(title if seen[title] == 1 else f"{title} ({seen[title]})")
    return out


def compare_table(store: GraphStore, state: State) -> list:
    if len(state.compare) < 2:
        return [html.Div("Pick two or more papers (or use “+ compare” above) to see what they share.", className="muted")]
    frame = comparison_frame(views.compare_papers(store, state.compare))
    header = html.Tr([html.Th(c, title=c) for c in frame.columns])
    body = [html.Tr([html.Td(v) for v in row]) for row in frame.rows]
    return [
        html.Table([html.Thead(header), html.Tbody(body)], className="compare", id="compare-table"),
        html.Button("Download CSV", id="compare-csv-button", className="button secondary"),
    ]


def picker_options(store: GraphStore, state: State) -> list[list[dict]]:
    """Options naming the URL's values, for the a, b, paper and compare pickers."""
    entities = [[NodeRef.entity(key)] if key else [] for key in (state.a, state.b)]
    papers = [[NodeRef.paper(state.paper)] if state.paper else [], [NodeRef.paper(i) for i in state.compare]]
    return [options_for(store, "entity", refs) for refs in entities] + [options_for(store, "paper", refs) for refs in papers]


def layout(store: GraphStore, pathname: str, search: str) -> html.Div:
    state = State.parse(search)
    view = build(store, state)
    headline, listing = paths_summary(state, view)
    options = picker_options(store, state)
    return html.Div([
        page_location(PAGE, pathname, search),
        html.Aside([
            html.H4("Connect two entities"),
            picker("connect-a", "entity", state.a, initial=options[0], placeholder="From… (type to search)"),
            html.Div(style={"height": "6px"}),
            picker("connect-b", "entity", state.b, initial=options[1], placeholder="To… (type to search)"),
            html.Div(f"Shortest chains of papers between them, up to {settings.CONNECT_MAX_HOPS} hops.", className="muted"),
            html.H4("Download these paths"),
            export_controls(PAGE),
        ], className="sidebar"),
        html.Section([
            html.Div(headline, id="connect-status", className="status"),
            canvas("connect-canvas", elements(view) if view else [], path_layout(state), height="42vh", extra_styles=PATH_STYLES),
            legend(),
            html.Div(listing, id="connect-paths-list"),
            html.Div([
                html.H4("Related papers"),
                picker("connect-paper", "paper", state.paper, initial=options[2]),
                html.Div(related_list(store, state), id="related"),
            ], className="section"),
            html.Div([
                html.H4("Compare papers"),
                picker("connect-compare", "paper", list(state.compare), multi=True, initial=options[3]),
                html.Div(compare_table(store, state), id="compare"),
                dcc.Download(id="compare-csv"),
            ], className="section"),
        ], className="main"),
        details.panel(PAGE, details.content(store, PAGE, state)),
        dcc.Store(id="connect-drawn", data=[state.a, state.b]),
    ], className="page page-connect")


def render(store: GraphStore, search: str, drawn: list | None):
    state = State.parse(search)
    if [state.a, state.b] == drawn:
        view_outputs = (no_update,) * 5
    else:
        view = build(store, state)
        view_outputs = (elements(view) if view else [], path_layout(state), *paths_summary(state, view), [state.a, state.b])
    return (*view_outputs, related_list(store, state), compare_table(store, state))


def register(app, store: GraphStore) -> None:
    @app.callback(
        Output("connect-canvas", "elements"), Output("connect-canvas", "layout"), Output("connect-status", "children"),
        Output("connect-paths-list", "children"), Output("connect-drawn", "data"),
        Output("related", "children"), Output("compare", "children"),
        Input(URL, "search"), DashState("connect-drawn", "data"),
        prevent_initial_call=True,
    )
    def _render(search, drawn):
        return render(store, search, drawn)

    # A value from the URL (a "+ compare" link, the back button) comes with
    # its option: a dropdown drops a value it has no option for, and that
    # change would rewrite the URL back.
    bind(
        app,
        PAGE,
        [(PICKERS[name], prop) for prop in ("options", "value") for name in ("a", "b", "paper", "compare")],
        to_controls=lambda s: [*picker_options(store, s), s.a, s.b, s.paper, list(s.compare)],
        to_state=lambda s, v: State.parse(s.with_(a=v[4], b=v[5], paper=v[6], compare=tuple(v[7] or ())).query_string()),
    )

    bind_selection(app, PAGE, "connect-canvas")

    @app.callback(Output("connect-export-download", "data"), Input("connect-export-button", "n_clicks"),
                  DashState("connect-export-format", "value"), DashState(URL, "search"), prevent_initial_call=True)
    def _export(_, format, search):
        view = build(store, State.parse(search))
        return send_subgraph(view.subgraph, format, "paperkg-connection") if view else no_update

    @app.callback(Output("compare-csv", "data"), Input("compare-csv-button", "n_clicks"), DashState(URL, "search"), prevent_initial_call=True)
    def _csv(clicks, search):
        if not clicks:
            return no_update  # the button is new each time the table is drawn: only a real click downloads
        state = State.parse(search)
        frame = comparison_frame(views.compare_papers(store, state.compare))
        return dcc.send_string(frame.to_csv(), "paperkg-compare.csv")
