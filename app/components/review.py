"""Review buttons in an entity's details: merge it into another, relabel
it, drop it, keep a candidate, or mark it a variant of another. A button opens a small form
(a searchable target, a label, or a confirmation); applying it writes the
line to the curation file and changes the graph at once (ingest/review.py),
then the details and the Explore canvas are drawn again."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from dash import ALL, MATCH, Input, Output, State as DashState, ctx, dcc, html, no_update, set_props

from app.components import pickers
from app.urls import State, page_of
from graph.config import StoreConfig
from graph.dialect import ENTITY_LABELS
from graph.settings import MIN_CONFIDENCE
from graph.store import GraphStore
from graph.views import Entity, NodeRef
from ingest import review
from ingest.curation import CurationError

OPEN, FORM, KIND, ENTITY, TARGET, LABEL, APPLY, STATUS = (
    f"review-{part}" for part in ("open", "form", "kind", "entity", "target", "label", "apply", "status"))
BUTTONS = {"merge": "Merge into…", "relabel": "Relabel…", "drop": "Drop…", "keep": "Keep…", "variant": "Mark variant of…"}
VERBS = {"merge": "Merge", "relabel": "Relabel", "drop": "Drop", "keep": "Keep", "variant": "Mark variant"}


def controls(entity: Entity, page: str) -> html.Div:
    """The row of buttons and the (empty) form under it."""
    return html.Div([
        html.Div([
            html.Button(text, id={"role": OPEN, "page": page, "kind": kind}, className="action review-open", n_clicks=0)
            for kind, text in BUTTONS.items() if kind != "keep" or _candidate(entity)
        ], className="actions review-buttons", title="Corrections are written to the curation file and applied to the graph"),
        dcc.Store(id={"role": ENTITY, "page": page}, data={"key": entity.key, "name": entity.name, "label": entity.label}),
        html.Div(id={"role": FORM, "page": page}, className="review-form"),
    ], className="review")


def _candidate(entity: Entity) -> bool:
    """Below the confidence threshold, so that keeping it would show it."""
    return entity.confidence is not None and entity.confidence < MIN_CONFIDENCE


def form(kind: str, entity: dict, page: str) -> list:
    """Every field is always there (the apply callback reads them all); the
    ones this action does not use are hidden. `entity`: its key, name and label."""
    name = entity["name"]
    prompts = {
        "merge": f"Merge {name} into:",
        "variant": f"{name} is a version or variant of:",
        "relabel": f"{name} is a:",
        "drop": f"Drop {name} from every paper? It stays dropped on later ingests until its line leaves the curation file.",
        "keep": f"Keep {name}: show it in top lists, trending, co-occurrence and the canvas, whatever its evidence? "
                "It stays kept until its line leaves the curation file.",
    }
    shown, hidden = {}, {"display": "none"}
    return [
        dcc.Store(id={"role": KIND, "page": page}, data=kind),
        html.Div(prompts[kind], className="muted"),
        html.Div(dcc.Dropdown(id={"role": TARGET, "page": page}, options=[], searchable=True,
                              placeholder="Type to search entities…", className="picker picker-entity"),
                 style=shown if kind in ("merge", "variant") else hidden),
        html.Div(dcc.Dropdown(id={"role": LABEL, "page": page}, options=list(ENTITY_LABELS),
                              value=entity["label"], clearable=False, className="review-label"),
                 style=shown if kind == "relabel" else hidden),
        html.Button(VERBS[kind], id={"role": APPLY, "page": page}, className="button", n_clicks=0),
        html.Div(id={"role": STATUS, "page": page}, className="muted review-status", role="status"),
    ]


def after(state: State, action: review.Action, applied: review.Applied) -> State:
    """The URL state once the action is applied: a merged or dropped entity
    is no longer there, so the view moves to its merge target (or, dropped,
    keeps the selection to say it is gone)."""
    if action.kind != "merge":
        return state
    target = NodeRef.entity(applied.selected)
    moved = lambda ref: target if ref == NodeRef.entity(action.entity) else ref
    return state.with_(focus=moved(state.focus), sel=moved(state.sel),
                       expand=tuple(dict.fromkeys(moved(r) for r in state.expand)))


def register(app, store: GraphStore, panel: Callable[[GraphStore, str, State], Any], curation: Path | None = None) -> None:
    """`panel(store, page, state)` draws the details panel (app/components/details.content);
    `curation` is the file actions write (default: the one `paperkg ingest` reads)."""

    @app.callback(
        Output({"role": FORM, "page": MATCH}, "children"),
        Input({"role": OPEN, "page": MATCH, "kind": ALL}, "n_clicks"),
        DashState({"role": ENTITY, "page": MATCH}, "data"),
        prevent_initial_call=True,
    )
    def _open(clicks, entity):
        if not ctx.triggered_id or not any(clicks) or not entity:
            return no_update
        return form(ctx.triggered_id["kind"], entity, ctx.triggered_id["page"])

    @app.callback(
        Output({"role": TARGET, "page": MATCH}, "options"),
        Input({"role": TARGET, "page": MATCH}, "search_value"),
        DashState({"role": TARGET, "page": MATCH}, "value"),
        DashState({"role": TARGET, "page": MATCH}, "options"),
        prevent_initial_call=True,
    )
    def _search(typed, value, options):
        keep = [o for o in options or [] if o["value"] == value]
        return pickers.suggest(store, "entity", typed, keep) if typed else no_update

    @app.callback(
        Output({"role": STATUS, "page": MATCH}, "children"),
        Output({"role": "details", "page": MATCH}, "children", allow_duplicate=True),
        Output({"role": "page-url", "page": MATCH}, "search", allow_duplicate=True),
        Input({"role": APPLY, "page": MATCH}, "n_clicks"),
        DashState({"role": KIND, "page": MATCH}, "data"),
        DashState({"role": ENTITY, "page": MATCH}, "data"),
        DashState({"role": TARGET, "page": MATCH}, "value"),
        DashState({"role": LABEL, "page": MATCH}, "value"),
        DashState({"role": "page-url", "page": MATCH}, "search"),
        DashState({"role": "page-url", "page": MATCH}, "pathname"),
        prevent_initial_call=True,
    )
    def _apply(clicks, kind, entity, target, label, search, pathname):
        if not clicks or not entity:
            return no_update, no_update, no_update
        if kind in ("merge", "variant") and not target:
            return "Choose the other entity first.", no_update, no_update
        action = review.Action(kind, entity["key"], label if kind == "relabel" else target)
        try:
            applied = review.apply(store, curation or StoreConfig.from_env().curation_path, action)
        except (review.ReviewError, CurationError) as error:  # a curation file broken by hand is named with its line
            return str(error), no_update, no_update
        page = page_of(pathname)
        state = State.parse(search)
        moved = after(state, action, applied)
        if page == "explore":
            # The canvas is drawn again even where the URL stays the same (a relabel changes a node's colour).
            set_props("explore-drawn", {"data": None})
            set_props("explore-positions", {"data": {"search": moved.query_string(), "positions": {}}})
        done = html.Div(f"Done: {applied.line} (curation file); {applied.papers_reextracted} papers updated.",
                        className="hint review-done", role="status")
        return no_update, html.Div([done, panel(store, page, moved)]), (moved.query_string() if moved != state else no_update)
