"""Cypher console: canned queries with typed parameters, or any query you
write. Runs read-only with the CLI's row cap and timeout; rows come back as
a table and, when nodes or relationships are returned, as a graph. The run
query lives in the URL, so results are bookmarkable."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from dash import ALL, Input, Output, State as DashState, dash_table, dcc, html, no_update

from app import settings
from app.components.canned import BY_NAME, CANNED, Canned, Param
from app.components.canvas import canvas, elements, legend
from app.components.export import export_controls, send_subgraph
from app.components.url_sync import page_location, url_id
from app.components.words import count
from app.urls import State
from graph import QueryError, settings as graph_settings, views
from graph.export.select import from_query
from graph.render import cell
from graph.store import GraphStore
from graph.views import ConsoleResult
from graph.views.console import ConsoleError, GraphSchema, catalogue, graph_schema, plain_error, query_warnings

PAGE = "cypher"
URL = url_id(PAGE)
PARAM = "cypher-param"
PAGE_SIZE = 15
PLACEHOLDER = "MATCH (m:Method) RETURN m.name AS method, m.paper_count AS papers ORDER BY papers DESC LIMIT 10"
HISTORY = 20  # queries kept in the browser's history


@dataclass
class Outcome:
    """What a run shows: rows or an error, and warnings about names the
    graph does not have."""

    query: str
    result: ConsoleResult | ConsoleError
    warnings: list[str]


def canned_of(state: State) -> Canned | None:
    return BY_NAME.get(state.canned or "")


def query_text(state: State) -> str:
    canned = canned_of(state)
    return state.query or (canned.query if canned else "")


def given_args(state: State) -> dict[str, str]:
    return dict(a.split("=", 1) for a in state.args)


def choice_options(store: GraphStore, param: Param) -> list[dict]:
    return [{"label": label, "value": value} for value, label in views.choices(store, param.choices, settings.CHOICES_LIMIT)]


def param_values(store: GraphStore, canned: Canned | None, given: dict[str, Any]) -> dict[str, Any]:
    """Typed values for the canned query's parameters; a choice nobody made
    yet is the first (most mentioned) option."""
    values = {}
    for param in (canned.params if canned else ()):
        value = param.coerce(given.get(param.name))
        if value is None and param.type == "choice":
            value = first_choice(store, param)
        values[param.name] = value
    return values


def first_choice(store: GraphStore, param: Param) -> Any:
    """The most mentioned option. For entities it comes through the
    paper_count index (views.top_entities), not from sorting every entity
    of the type: 124k methods at 40k papers took 40-120 ms a run."""
    if param.entity_type and (top := views.top_entities(store, param.entity_type, 1)):
        return top[0].key
    first = views.choices(store, param.choices, 1)
    return first[0][0] if first else None


def param_form(store: GraphStore, canned: Canned | None, values: dict[str, Any]) -> list:
    fields = []
    for param in (canned.params if canned else ()):
        component_id = {"role": PARAM, "name": param.name}
        if param.type == "choice":
            control = dcc.Dropdown(id=component_id, options=choice_options(store, param), value=values.get(param.name), clearable=False)
        else:
            control = dcc.Input(id=component_id, type="number" if param.type == "int" else "text", value=values.get(param.name), debounce=True)
        fields.append(html.Div([html.Label(f"${param.name} · {param.label}"), control], className="param"))
    return fields


def run(store: GraphStore, state: State) -> Outcome | None:
    """The URL's query run, or None when there is none."""
    text = query_text(state)
    if not text.strip():
        return None
    params = param_values(store, canned_of(state), given_args(state))
    try:
        result = views.run_console(store, text, params, limit=graph_settings.QUERY_ROW_LIMIT, timeout=graph_settings.QUERY_TIMEOUT_S)
    except QueryError as error:
        result = plain_error(str(error))
    return Outcome(text, result, query_warnings(text, catalogue(store)))


def table_cell(value: Any) -> str:
    """Nodes and relationships as a short name in the table; the graph
    below and the downloads carry all their properties."""
    if isinstance(value, dict) and "_labels" in value:
        name = value.get("name") or value.get("title") or value.get("key") or value.get("id") or value["_id"]
        return f"({':'.join(value['_labels'])}) {name}"
    if isinstance(value, dict) and "_type" in value:
        return f"[:{value['_type']}]"
    return cell(value)


def result_view(outcome: Outcome | None) -> list:
    if outcome is None:
        return [html.Div("Pick a canned query or write one, then Run (Ctrl+Enter). Run on an empty editor runs the example shown in it.", className="hint")]
    warnings = [html.Div(w, className="warning") for w in outcome.warnings]
    result = outcome.result
    if isinstance(result, ConsoleError):
        marked = result.marked(outcome.query)
        return [html.Div([html.Div(result.message), html.Pre(marked, className="error-mark") if marked else None], className="error", id="cypher-error"),
                html.Div(warnings, id="cypher-warnings")]
    rows = count(len(result.rows), "row")
    if result.truncated:
        rows += f" (stopped at the {graph_settings.QUERY_ROW_LIMIT:,}-row cap)"
    table = dash_table.DataTable(
        id="cypher-table",
        columns=[{"name": name, "id": str(i)} for i, name in enumerate(result.columns)],
        data=[{str(i): table_cell(v) for i, v in enumerate(row)} for row in result.rows],
        page_size=PAGE_SIZE,
        style_table={"overflowX": "auto"},
        style_cell={"textAlign": "left", "fontSize": 12.5, "maxWidth": 420, "whiteSpace": "normal",
                    "fontFamily": "system-ui, sans-serif", "verticalAlign": "top"},
        style_header={"fontWeight": 600, "background": "#f6f8fa"},
    )
    if not result.graph.nodes:
        return [html.Div(warnings, id="cypher-warnings"), html.Div(rows, className="muted", id="cypher-count"), table]
    graph = f"{count(len(result.graph.nodes), 'node')}, {count(len(result.graph.edges), 'relationship')}"
    return [
        html.Div(warnings, id="cypher-warnings"),
        html.Div(f"{rows} · as a graph: {graph}", className="muted", id="cypher-count"),
        html.Div([
            table,
            html.Div([canvas("cypher-canvas", elements(result.graph), "cose", height="60vh"), legend()]),
        ], className="console-result"),
    ]


def schema_view(schema: GraphSchema) -> html.Div:
    """What the graph holds, to write queries against: labels with counts,
    relationship types, and each one's properties with an example value."""
    def item(name: str, pattern: str, n: int | None, properties) -> html.Li:
        return html.Li([
            html.Code(pattern), html.Span(f" {n:,}" if n is not None else "", className="muted"),
            html.Div([html.Span([html.Code(k), html.Span(f" {v}", className="muted")], className="schema-property") for k, v in properties],
                     className="schema-properties"),
        ], title=name)

    return html.Div([
        html.Div([html.H4("Node labels"), html.Ul([item(i.name, f"(:{i.name})", i.count, i.properties) for i in schema.labels])]),
        html.Div([html.H4("Relationship types"), html.Ul([item(i.name, f"[:{i.name}]", i.count, i.properties) for i in schema.relationships])]),
    ], className="schema-columns")


def controls_for(store: GraphStore, state: State) -> tuple:
    """Editor, canned picker, description and parameter form for a state."""
    canned = canned_of(state)
    values = param_values(store, canned, given_args(state))
    return query_text(state), state.canned if canned else None, canned.description if canned else "", param_form(store, canned, values)


def layout(store: GraphStore, pathname: str, search: str) -> html.Div:
    state = State.parse(search)
    text, canned_name, description, form = controls_for(store, state)
    return html.Div([
        page_location(PAGE, pathname, search),
        html.Div([
            dcc.Dropdown(id="cypher-canned", options=[c.name for c in CANNED], value=canned_name,
                         placeholder="Canned queries…", className="grow"),
            html.Div(description, id="cypher-description", className="muted grow"),
        ], className="row"),
        html.Div(form, id="cypher-params", className="params"),
        dcc.Textarea(id="cypher-query", value=text, placeholder=PLACEHOLDER, className="editor", spellCheck=False),
        html.Div([
            html.Button("Run", id="cypher-run", className="button", title="Ctrl+Enter (⌘+Enter) in the editor"),
            dcc.Dropdown(id="cypher-history-pick", placeholder="History…", className="history-pick", clearable=False, searchable=False),
            html.Button("Edit this query", id="cypher-edit", className="button secondary",
                        title="Put the cursor in the query: change it freely, the parameters above still apply"),
            html.Span(f"Read-only: writes are refused. At most {graph_settings.QUERY_ROW_LIMIT:,} rows, "
                      f"{graph_settings.QUERY_TIMEOUT_S:g}s.", className="muted grow"),
            export_controls(PAGE),
        ], className="row"),
        html.Div(result_view(run(store, state)), id="cypher-result", className="section"),
        # Read from the graph when first opened, not on every page load.
        html.Details([html.Summary("Schema of this graph", id="cypher-schema-summary"), html.Div(id="cypher-schema-body")],
                     id="cypher-schema", className="schema"),
        dcc.Store(id="cypher-history", storage_type="local"),
    ], className="page page-cypher")


def remembered(history: list[str] | None, query: str) -> list[str]:
    """The browser's query history with `query` first, once, capped."""
    return [query, *(q for q in history or [] if q != query)][:HISTORY]


def register(app, store: GraphStore) -> None:
    # Editing needs no server: focus the editor with the cursor at the end.
    app.clientside_callback(
        """(clicks) => {
            const editor = document.getElementById("cypher-query");
            if (clicks && editor) { editor.focus(); editor.setSelectionRange(editor.value.length, editor.value.length); }
            return window.dash_clientside.no_update;
        }""",
        Output("cypher-edit", "title"), Input("cypher-edit", "n_clicks"), prevent_initial_call=True,
    )

    @app.callback(
        Output("cypher-query", "value", allow_duplicate=True), Output("cypher-description", "children", allow_duplicate=True),
        Output("cypher-params", "children", allow_duplicate=True),
        Input("cypher-canned", "value"), DashState(URL, "search"), prevent_initial_call=True,
    )
    def _choose(name, search):
        if name == State.parse(search).canned:
            return no_update, no_update, no_update  # set from the URL: keep the edited text
        text, _, description, form = controls_for(store, State(canned=name))
        return text, description, form

    @app.callback(
        Output(URL, "search"), Output("cypher-result", "children", allow_duplicate=True), Output("cypher-history", "data"),
        Input("cypher-run", "n_clicks"),
        DashState("cypher-query", "value"), DashState("cypher-canned", "value"),
        DashState({"role": PARAM, "name": ALL}, "value"), DashState({"role": PARAM, "name": ALL}, "id"),
        DashState(URL, "search"), DashState("cypher-history", "data"),
        prevent_initial_call=True,
    )
    def _run(_, text, canned_name, values, ids, search, history):
        canned = BY_NAME.get(canned_name or "")
        text = text if (text or "").strip() or canned else PLACEHOLDER  # an empty editor runs the example it shows
        history = remembered(history, text)
        state = State.parse(search).with_(
            canned=canned.name if canned else None,
            query=None if canned and text == canned.query else (text or None),
            args=tuple(f"{i['name']}={v}" for i, v in zip(ids, values) if v not in (None, "")),
        )
        if state.query_string() == (search or ""):
            return no_update, result_view(run(store, state)), history  # same URL: run again in place
        return state.query_string(), no_update, history

    # Dash does not report a <details>' open state; the first click on its summary does.
    @app.callback(Output("cypher-schema-body", "children"), Input("cypher-schema-summary", "n_clicks"), prevent_initial_call=True)
    def _schema(clicks):
        return schema_view(graph_schema(store)) if clicks == 1 else no_update

    @app.callback(Output("cypher-history-pick", "options"), Input("cypher-history", "data"))
    def _history(history):
        return [{"label": q if len(q) <= 90 else q[:89] + "…", "value": q, "title": q} for q in history or []]

    @app.callback(Output("cypher-query", "value", allow_duplicate=True), Output("cypher-history-pick", "value"),
                  Input("cypher-history-pick", "value"), prevent_initial_call=True)
    def _recall(query):
        return (query, None) if query else (no_update, no_update)

    @app.callback(
        Output("cypher-result", "children"), Output("cypher-query", "value"), Output("cypher-canned", "value"),
        Output("cypher-description", "children"), Output("cypher-params", "children"),
        Input(URL, "search"), prevent_initial_call=True,
    )
    def _render(search):
        state = State.parse(search)
        return (result_view(run(store, state)), *controls_for(store, state))

    @app.callback(Output("cypher-export-download", "data"), Input("cypher-export-button", "n_clicks"),
                  DashState("cypher-export-format", "value"), DashState(URL, "search"), prevent_initial_call=True)
    def _export(_, format, search):
        state = State.parse(search)
        text = query_text(state)
        if not text.strip():
            return no_update
        params = param_values(store, canned_of(state), given_args(state))
        try:
            subgraph = from_query(store, text, params, limit=graph_settings.QUERY_ROW_LIMIT, timeout=graph_settings.QUERY_TIMEOUT_S)
        except QueryError:
            return no_update  # the error already shows under the editor
        return send_subgraph(subgraph, format, "paperkg-query")
