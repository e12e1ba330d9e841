"""Two-way binding between a page's controls and the URL.

A control change writes the URL (one history entry per change); a URL
change that did not come from the controls (back button, a link, a
bookmark) writes the controls. One callback does both directions, which
Dash allows for a callback that reads and writes the same properties.
"""
from __future__ import annotations

from typing import Callable, Sequence

from dash import Input, Output, State as DashState, ctx, dcc, no_update

from app.urls import State
from graph.views import NodeRef


def url_id(page: str) -> dict:
    """Each page has its own dcc.Location, so its callbacks never mix
    components from the page with ones outside it (Dash requires every
    input of a callback to exist). Locations in "callback-nav" mode tell
    each other about every change, so they all agree with the address bar."""
    return {"role": "page-url", "page": page}


def page_location(page: str, pathname: str, search: str) -> dcc.Location:
    # Starting from the address bar's values means mounting it changes nothing.
    return dcc.Location(id=url_id(page), refresh="callback-nav", pathname=pathname, search=search)


def bind(
    app,
    page: str,
    controls: Sequence[tuple[str | dict, str]],
    to_controls: Callable[[State], list],
    to_state: Callable[[State, list], State],
) -> None:
    """`controls` are (component id, property) pairs; `to_controls` gives
    their values for a state, `to_state` the state for their values."""

    @app.callback(
        Output(url_id(page), "search", allow_duplicate=True),
        *[Output(cid, prop, allow_duplicate=True) for cid, prop in controls],
        Input(url_id(page), "search"),
        *[Input(cid, prop) for cid, prop in controls],
        prevent_initial_call=True,
    )
    def _sync(search, *values):
        state = State.parse(search)
        unchanged = [no_update] * len(controls)
        if ctx.triggered_id == url_id(page):
            # Only the controls the URL changed: re-rendering a date picker
            # or checklist with the value it has costs the browser time.
            return no_update, *[no_update if new == old else new for new, old in zip(to_controls(state), values)]
        updated = to_state(state, list(values))
        return (updated.query_string() if updated != state else no_update), *unchanged


def bind_selection(app, page: str, canvas_id: str) -> None:
    """Clicking a node on the page's canvas selects it (details show it)."""

    @app.callback(Output(url_id(page), "search", allow_duplicate=True), Input(canvas_id, "tapNodeData"),
                  DashState(url_id(page), "search"), prevent_initial_call=True)
    def _select(node, search):
        ref = NodeRef.parse((node or {}).get("id"))
        state = State.parse(search)
        return state.with_(sel=ref, link=()).query_string() if ref and (ref != state.sel or state.link) else no_update
