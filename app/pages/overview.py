"""Overview: the graph at a glance — counts, what is trending, the most
mentioned entities, mentions over time and methods × benchmarks."""
from __future__ import annotations

import functools
from dataclasses import dataclass

import plotly.graph_objects as go
from dash import Input, Output, State as DashState, dcc, html, no_update

from app import settings
from app.components.canvas import TYPE_COLOURS
from app.components.pickers import ROLE, options_for, picker
from app.components.url_sync import bind, page_location, url_id
from app.components.words import count
from app.urls import State
from graph import views
from graph.dialect import ENTITY_LABELS
from graph.store import GraphStore
from graph.views import Entity, NodeRef

PAGE = "overview"
URL = url_id(PAGE)
TRACK = {"role": ROLE, "name": "overview-track", "kind": "entity"}
TOP_TYPES = ("Method", "Dataset", "Benchmark")
FIGURE_MARGIN = {"l": 10, "r": 10, "t": 30, "b": 10}


def _explore_link(entity: Entity, state: State, suffix: str = ""):
    ref = NodeRef.entity(entity.key)
    return html.Li([dcc.Link(entity.name, href=state.href("explore", focus=ref, sel=ref, expand=())), html.Span(suffix, className="muted")])


def tracked(store: GraphStore, state: State, ranked: list[views.Ranked] | None = None) -> list[str]:
    """The timeline's entities: the URL's, else the top trending ones."""
    if state.track:
        return list(state.track)
    if ranked is None:
        _, ranked = views.trending(store, settings.TRENDING_DAYS, settings.TIMELINE_DEFAULT_ENTITIES, settings.TRENDING_MIN_PAPERS)
    return [r.entity.key for r in ranked[: settings.TIMELINE_DEFAULT_ENTITIES]]


def trending_note(ranked: list[views.Ranked]) -> str:
    """What the trending list and its score mean."""
    note = (f"Entities in at least {settings.TRENDING_MIN_PAPERS} of the papers of the last {settings.TRENDING_DAYS} days. "
            "Score: each of those papers counts 1, plus 1 per doubling of its upvotes (1 + log₂(1 + upvotes)).")
    if any(r.papers < settings.TRENDING_MIN_PAPERS for r in ranked):
        note += " Few entities recur in recent papers, so entities of a single paper are listed too, after them."
    return note


def timeline(store: GraphStore, keys: list[str]) -> dict:
    return timeline_figure(views.mentions_over_time(store, keys))


# The figures are written as the JSON plotly would make of them (what
# dcc.Graph sends): building a go.Figure copies and validates its template
# (~2,000 values) each time, ~13 ms of CPU per figure, more than the
# Overview's biggest query. The template and colour scale are plotly's own,
# expanded once (`_look`).
def timeline_figure(points: list[views.TimePoint]) -> dict:
    by_key: dict[str, dict[str, int]] = {}
    names: dict[str, str] = {}
    for p in points:
        by_key.setdefault(p.key, {})[p.month] = p.papers
        names[p.key] = p.name
    axis = months(min(p.month for p in points), max(p.month for p in points)) if points else []
    # Every month on the axis, empty ones as zero: bars, so nothing is drawn across a gap.
    data = [{"type": "bar", "x": [f"{m}-01" for m in axis], "y": [counts.get(m, 0) for m in axis], "name": names[key],
             "hovertemplate": "%{x|%b %Y}: %{y} papers<extra>%{fullData.name}</extra>"} for key, counts in by_key.items()]
    return {"data": data, "layout": {
        "margin": FIGURE_MARGIN, "height": 320, "title": {"text": "Papers per month"}, "legend": {"orientation": "h"},
        "barmode": "group", "xaxis": {"type": "date"}, "yaxis": {"rangemode": "tozero"}, "template": _look().template,
    }}


def months(first: str, last: str) -> list[str]:
    """Every YYYY-MM from `first` to `last`, both included."""
    year, month = int(first[:4]), int(first[5:7])
    out = []
    while f"{year:04d}-{month:02d}" <= last:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def heatmap(matrix: views.Matrix) -> dict:
    data = {"type": "heatmap", "z": matrix.values, "x": [e.name for e in matrix.columns], "y": [e.name for e in matrix.rows],
            "colorscale": _look().blues, "hovertemplate": "%{y} × %{x}: %{z} papers<extra></extra>"}
    return {"data": [data], "layout": {
        "margin": FIGURE_MARGIN, "height": 520, "title": {"text": "Methods × benchmarks (shared papers; click a cell for the papers)"},
        "yaxis": {"autorange": "reversed"}, "template": _look().template,
    }}


@dataclass(frozen=True)
class _Look:
    template: dict  # plotly_white, as a figure's JSON carries it
    blues: list  # the "Blues" colour scale, expanded


@functools.cache
def _look() -> _Look:
    return _Look(go.Figure(layout={"template": "plotly_white"}).to_plotly_json()["layout"]["template"],
                 go.Heatmap(colorscale="Blues").to_plotly_json()["colorscale"])


def heatmap_matrix(store: GraphStore) -> views.Matrix:
    return views.co_occurrence_matrix(store, "Method", "Benchmark", settings.HEATMAP_METHODS, settings.HEATMAP_BENCHMARKS)


def cell_link(click: dict | None, keys: dict | None, search: str | None) -> tuple[str, str] | None:
    """Where a click on a heatmap cell leads: the method × benchmark link,
    on the method's neighbourhood. A heatmap's click carries the cell's
    position (and its labels), not per-cell custom data; names can repeat,
    so the keys come from the figure's own row and column lists."""
    point = ((click or {}).get("points") or [{}])[0]
    rows, columns = (keys or {}).get("rows", []), (keys or {}).get("columns", [])
    position = point.get("pointNumber")
    if isinstance(position, list) and len(position) == 2:
        row, column = position
    elif "y" in point and "x" in point and point["y"] in (keys or {}).get("row_names", []):
        row, column = keys["row_names"].index(point["y"]), keys["column_names"].index(point["x"])
    else:
        return None
    if not (0 <= row < len(rows) and 0 <= column < len(columns)):
        return None
    method, benchmark = rows[row], columns[column]
    state = State.parse(search).for_page("explore").with_(focus=NodeRef.entity(method), sel=None, expand=(), link=(method, benchmark))
    return "/explore", state.query_string()


def layout(store: GraphStore, pathname: str, search: str) -> html.Div:
    state = State.parse(search)
    counts = views.graph_counts(store)
    since, ranked = views.trending(store, settings.TRENDING_DAYS, settings.TOP_ENTITIES, settings.TRENDING_MIN_PAPERS)
    keys = tracked(store, state, ranked)
    matrix = heatmap_matrix(store)
    cards = [("Papers", counts.papers, None)] + [(f"{label}s", counts.entities[label], TYPE_COLOURS[label]) for label in ENTITY_LABELS]
    return html.Div([
        page_location(PAGE, pathname, search),
        html.Div([
            html.Div([html.Div(f"{n:,}", className="number", style={"color": colour} if colour else None), html.Div(name, className="muted")], className="card")
            for name, n, colour in cards
        ], className="cards"),
        html.Div([
            html.Div([
                html.H4(f"Trending since {since}" if since else "Trending"),
                html.Div(trending_note(ranked), className="muted"),
                html.Ol([_explore_link(r.entity, state, f" {r.entity.label} · {count(r.papers, 'paper')} · score {r.score:.1f}") for r in ranked], className="ranked", id="trending"),
            ]),
            *[
                html.Div([
                    html.H4(f"Top {label.lower()}s by papers"),
                    html.Ol([_explore_link(e, state, f" {count(e.paper_count, 'paper')}") for e in views.top_entities(store, label, settings.TOP_ENTITIES)], className="ranked"),
                ])
                for label in TOP_TYPES
            ],
        ], className="overview-grid section"),
        html.Div([
            html.H4("Mentions over time"),
            picker("overview-track", "entity", keys, multi=True, initial=options_for(store, "entity", [NodeRef.entity(k) for k in keys])),
            dcc.Graph(id="overview-timeline", figure=timeline(store, keys), config={"displaylogo": False}),
        ], className="section"),
        html.Div([
            dcc.Graph(id="overview-heatmap", figure=heatmap(matrix), config={"displaylogo": False}),
            dcc.Store(id="overview-heatmap-keys", data={
                "rows": [e.key for e in matrix.rows], "columns": [e.key for e in matrix.columns],
                "row_names": [e.name for e in matrix.rows], "column_names": [e.name for e in matrix.columns],
            }),
        ], className="section"),
    ], className="page page-overview")


def warm_figures() -> None:
    """plotly loads a template and a trace type's validators the first time
    they are used (~0.3 s of CPU for these, more than the page's queries on a
    40k graph): done when the app is built, not on the first Overview page."""
    _look()


def register(app, store: GraphStore) -> None:
    warm_figures()
    bind(app, PAGE, [(TRACK, "value")], to_controls=lambda s: [tracked(store, s)],
         to_state=lambda s, v: s.with_(track=tuple(v[0] or ())))

    @app.callback(Output("overview-timeline", "figure"), Input(URL, "search"), prevent_initial_call=True)
    def _timeline(search):
        return timeline(store, tracked(store, State.parse(search)))

    @app.callback(Output(URL, "pathname"), Output(URL, "search", allow_duplicate=True), Input("overview-heatmap", "clickData"),
                  DashState("overview-heatmap-keys", "data"), DashState(URL, "search"), prevent_initial_call=True)
    def _open_pair(click, keys, search):
        target = cell_link(click, keys, search)
        return target if target else (no_update, no_update)
