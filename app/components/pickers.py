"""Search-as-you-type dropdowns over the full-text indexes: the header's
search box and every entity or paper picker on the pages share one
callback (pattern-matching ids)."""
from __future__ import annotations

from dash import MATCH, Input, Output, State as DashState, dcc

from graph import views
from graph.store import GraphStore
from graph.views import NodeRef

ROLE = "picker"
KINDS = {"entity": ("e",), "paper": ("p",), "any": ("e", "p")}


def picker(name: str, kind: str, value=None, *, multi: bool = False, placeholder: str = "", initial: list[dict] | None = None) -> dcc.Dropdown:
    """A dropdown whose options come from searching `kind` ("entity",
    "paper" or "any"). Values are NodeRef ids for "any", else plain keys/ids.
    `initial` must hold options for the current value(s) so they show by name."""
    return dcc.Dropdown(
        id={"role": ROLE, "name": name, "kind": kind},
        value=value,
        multi=multi,
        options=initial or [],
        placeholder=placeholder or f"Type to search {'papers' if kind == 'paper' else 'entities'}…",
        searchable=True,
        className=f"picker picker-{kind}",
    )


def option(suggestion: views.Suggestion, kind: str, typed: str | None = None) -> dict:
    value = suggestion.ref.id if kind == "any" else suggestion.ref.key
    text = f"{suggestion.name} · {suggestion.detail}"
    # The server already matched (aliases, word prefixes), so the browser's
    # own filter must not hide what it found.
    return {"label": text, "value": value, "search": f"{text} {typed or ''}"}


def options_for(store: GraphStore, kind: str, refs: list[NodeRef]) -> list[dict]:
    """Options for values already chosen (from the URL), looked up by id."""
    out = []
    for ref in refs:
        node = views.find_node(store, ref)
        if node is None:
            continue
        if ref.kind == "e":
            e = views.entity_of(node)
            s = views.Suggestion(ref, e.name, e.label, f"{e.label} · {e.paper_count} papers")
        else:
            p = views.paper_of(node)
            s = views.Suggestion(ref, p.title, views.PAPER, f"Paper · {p.published or 'undated'}")
        out.append(option(s, kind))
    return out


def suggest(store: GraphStore, kind: str, typed: str | None, current: list[dict]) -> list[dict]:
    """Options while typing: matches for the text, keeping the options of
    values already chosen (a dropdown shows a value only via its option)."""
    found = views.search(store, typed or "", kinds=KINDS[kind])
    options = [option(s, kind, typed) for s in found]
    values = {o["value"] for o in options}
    return [o for o in current if o["value"] not in values] + options


def register(app, store: GraphStore) -> None:
    @app.callback(
        Output({"role": ROLE, "name": MATCH, "kind": MATCH}, "options"),
        Input({"role": ROLE, "name": MATCH, "kind": MATCH}, "search_value"),
        DashState({"role": ROLE, "name": MATCH, "kind": MATCH}, "value"),
        DashState({"role": ROLE, "name": MATCH, "kind": MATCH}, "options"),
        DashState({"role": ROLE, "name": MATCH, "kind": MATCH}, "id"),
        prevent_initial_call=True,
    )
    def _suggest(typed, value, options, component_id):
        chosen = value if isinstance(value, list) else [value] if value else []
        keep = [o for o in options or [] if o["value"] in chosen]
        if not typed:
            return keep or options
        return suggest(store, component_id["kind"], typed, keep)
