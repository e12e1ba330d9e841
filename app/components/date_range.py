"""Date pickers open on the graph's own dates, not on today: a corpus of
last year's papers would otherwise start the user a year away from them."""
from __future__ import annotations

from dash import Input, Output, State as DashState

from app.components.url_sync import url_id
from app.urls import State
from graph.store import GraphStore
from graph.views.lookup import published_range

# (page, DatePickerRange id)
PICKERS = (("explore", "explore-dates"),)


def bounds(store: GraphStore, search: str | None) -> tuple[str | None, str | None, str | None]:
    """The month the picker opens on (the chosen start, else the newest
    paper's) and the first and last dates it allows."""
    first, last = published_range(store)
    state = State.parse(search)
    return state.since or state.until or last, first, last


def register(app, store: GraphStore) -> None:
    for page, picker_id in PICKERS:
        # Fires when the page mounts (its Location appears), not on later URL changes.
        app.callback(
            Output(picker_id, "initial_visible_month"), Output(picker_id, "min_date_allowed"), Output(picker_id, "max_date_allowed"),
            Input(url_id(page), "pathname"), DashState(url_id(page), "search"),
        )(lambda _, search: bounds(store, search))
