"""The Dash app: `create_app` builds it around a store, `serve` runs it."""
from __future__ import annotations

import hmac
from pathlib import Path
from typing import Callable

import dash
# numpy's first import is not thread-safe: plotly imports it lazily while
# serialising a figure, and two request threads doing that at once killed the
# server with SIGILL. Imported here, before any request thread exists.
import numpy  # noqa: F401
import waitress
from dash import Input, Output, html, set_props
from flask import Response, request

from app import layout
from app.components import details, pickers, review
from app.errors import USER_ERRORS, one_line
from graph.store import GraphStore

ASSETS = Path(__file__).parent / "assets"


def create_app(store: GraphStore, auth: tuple[str, str] | None = None, curation: Path | None = None) -> dash.Dash:
    """`curation`: the file the review buttons write (default: $PAPERKG_CURATION, else $PAPERKG_HOME/curation.toml)."""
    app = dash.Dash(
        __name__,
        title="paperkg",
        assets_folder=str(ASSETS),
        update_title=None,
        # Pages build their controls when shown, so callbacks name ids not
        # in the initial layout.
        suppress_callback_exceptions=True,
        on_error=_store_trouble,
    )
    first_page = layout.register(app, store)
    app.layout = lambda: _page_or_message(store, first_page)
    for page in layout.PAGE_MODULES.values():
        page.register(app, store)
    details.register(app, store)
    review.register(app, store, details.content, curation)
    pickers.register(app, store)

    @app.callback(Output(STORE_ALERT, "hidden"), Input("url", "href"))
    def _store_back(_):
        # Each navigation asks the store; a failure shows the alert (via on_error), an answer hides it.
        store.scalar("RETURN 1")
        return True

    if auth:
        require_basic_auth(app.server, *auth)
    return app


STORE_ALERT = "store-alert"


def _page_or_message(store: GraphStore, first_page: Callable[[], layout.FirstPage | None]) -> html.Div:
    """The app, with the page its address asks for, or, when the store
    cannot answer, a page saying so; the next load tries again (the
    embedded store restarts its server by itself)."""
    try:
        return html.Div([html.Div(id=STORE_ALERT, role="alert", className="hint", hidden=True), layout.shell(store, first_page())])
    except USER_ERRORS as error:
        return html.Div([
            html.H2("paperkg cannot reach its graph store"),
            html.P(one_line(error), className="hint", id=STORE_ALERT, role="alert"),
            html.P("Reload this page once the store is back; if it stays down, check `paperkg db status` in a terminal."),
        ], className="app")


def _store_trouble(error: Exception) -> None:
    """A callback that failed because the store did not answer shows that in
    the alert line and changes nothing else; any other error is a bug and
    stays an HTTP 500 with its traceback in the log."""
    if not isinstance(error, USER_ERRORS):
        raise error
    set_props(STORE_ALERT, {"children": f"The graph store did not answer: {one_line(error)} Try again in a moment.", "hidden": False})


def require_basic_auth(server, user: str, password: str) -> None:
    """HTTP basic auth on every request, assets and callbacks included."""

    @server.before_request
    def _check():
        given = request.authorization
        if given and given.type == "basic" and _same(given.username, user) and _same(given.password, password):
            return None
        return Response("paperkg: sign in required\n", 401, {"WWW-Authenticate": 'Basic realm="paperkg", charset="UTF-8"'})


def _same(given: str | None, expected: str) -> bool:
    return hmac.compare_digest((given or "").encode(), expected.encode())


def serve(store: GraphStore, *, host: str = "127.0.0.1", port: int = 8050, auth: tuple[str, str] | None = None, debug: bool = False,
          curation: Path | None = None) -> None:
    app = create_app(store, auth, curation)
    if debug:
        # Dash's reloader and error overlay, but not Werkzeug's debugger: its
        # /console runs Python for whoever reaches it, outside basic auth.
        app.run(host=host, port=port, debug=True, use_debugger=False)
        return
    # Flask's own server is for development only; waitress is a production WSGI server.
    print(f"paperkg: serving {store.describe()} on http://{host}:{port}", flush=True)
    waitress.serve(app.server, host=host, port=port, threads=8, ident="paperkg")
