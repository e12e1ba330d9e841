"""The link view in the details panel: the papers behind the link between
two entities, each with its date and the sentences naming both ends
marked. It opens from a click on an edge, an "appears with" chip or an
Overview heatmap cell, and lives in the URL (`link`, `by`) like every view."""
from __future__ import annotations

from dash import Input, Output, State as DashState, dcc, html, no_update

from app.components import markdown
from app.components.highlight import Target, badge, highlighted
from app.components.url_sync import url_id
from app.components.words import count, joined
from app.urls import LINK_ORDERS, State
from graph.store import GraphStore
from graph.views import NodeRef
from graph.views.link import LinkPaper, LinkView, link
from ingest.text import display_text

LINK_PAPERS = 30  # papers listed; the count says how many exist
ORDER_NAMES = {"recent": "newest first", "upvotes": "most upvoted first"}
# Canvases whose edges open the link view: (page, canvas id).
CANVASES = (("explore", "explore-canvas"), ("connect", "connect-canvas"))


def wanted(state: State) -> bool:
    """The details panel shows the link while no node is selected."""
    return bool(state.link) and state.sel is None


def panel(store: GraphStore, state: State, page: str) -> html.Div:
    view = link(store, *state.link, order=state.by, limit=LINK_PAPERS)
    if view is None:
        return html.Div("One end of this link is not in the graph (any more).", className="hint")
    a, b = view.a, view.b
    orders = [
        html.Span(ORDER_NAMES[o], className="order current") if o == view.order
        else dcc.Link(ORDER_NAMES[o], href=state.href(page, by=o), className="order", id=f"link-order-{o}")
        for o in LINK_ORDERS
    ]
    shown = f" — the {len(view.papers)} {ORDER_NAMES[view.order].replace(' first', '')} listed" if view.truncated else ""
    return html.Div([
        html.H3([_end(a, state, page), html.Span(" ↔ ", className="muted"), _end(b, state, page)], className="details-title"),
        html.Div(f"{count(view.shared, 'paper')} mention both{shown}.", className="summary", id="link-count"),
        html.Div(["Sort: ", *joined(orders)], className="muted link-orders"),
        html.Div([dcc.Link("Paths between them", href=state.for_page("connect").href("connect", a=a.key, b=b.key), className="action")],
                 className="actions"),
        markdown.rich("\n".join(_paper_item(item, view, state, page) for item in view.papers), "paper-list link-papers", id="link-papers"),
    ], className="link-details")


def _end(entity, state: State, page: str):
    return html.Span([dcc.Link(entity.name, href=state.href(page, sel=NodeRef.entity(entity.key), link=())), " ", badge(entity.label)])


def _paper_item(item: LinkPaper, view: LinkView, state: State, page: str) -> str:
    """A Markdown list item: the title (a link), date and upvotes, then each
    evidence sentence on its own line with both ends marked (each mark
    selects its entity)."""
    paper = item.paper
    ends = ((view.a, item.surfaces_a), (view.b, item.surfaces_b))
    targets = [Target(s, e.label, state.href(page, sel=NodeRef.entity(e.key), link=())) for e, surfaces in ends for s in surfaces]
    title = markdown.link(display_text(paper.title), state.href(page, sel=NodeRef.paper(paper.id), link=()))
    when = markdown.text(f"{paper.published or 'undated'} · {count(paper.upvotes, 'upvote')}")
    lines = [f"1. {title} *{when}*"]
    lines += ["   " + highlighted(display_text(sentence), targets) for sentence in item.evidence]
    return markdown.BREAK.join(lines)


def tapped(edge: dict | None, state: State) -> State | None:
    """The state after a click on an edge: entity to entity opens their link;
    a paper's edge to an entity selects the paper. None: nothing to do."""
    ends = [NodeRef.parse((edge or {}).get(end)) for end in ("source", "target")]
    if None in ends:
        return None
    papers = [r for r in ends if r.kind == "p"]
    if papers:
        return state.with_(sel=papers[0], link=())
    return state.with_(sel=None, link=tuple(r.key for r in ends))


def register(app) -> None:
    for page, canvas_id in CANVASES:
        _bind_edge_taps(app, page, canvas_id)


def _bind_edge_taps(app, page: str, canvas_id: str) -> None:
    @app.callback(Output(url_id(page), "search", allow_duplicate=True), Input(canvas_id, "tapEdgeData"),
                  DashState(url_id(page), "search"), prevent_initial_call=True)
    def _open_link(edge, search):
        state = State.parse(search)
        after = tapped(edge, state)
        return after.query_string() if after and after != state else no_update
