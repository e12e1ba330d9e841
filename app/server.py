"""The Dash app: `create_app` builds it around a store, `serve` runs it."""
from __future__ import annotations

import hmac
from pathlib import Path

import dash
import waitress
from flask import Response, request

from app import layout
from app.components import details, pickers
from graph.store import GraphStore

ASSETS = Path(__file__).parent / "assets"


def create_app(store: GraphStore, auth: tuple[str, str] | None = None) -> dash.Dash:
    app = dash.Dash(
        __name__,
        title="paperkg",
        assets_folder=str(ASSETS),
        update_title=None,
        # Pages build their controls when shown, so callbacks name ids not
        # in the initial layout.
        suppress_callback_exceptions=True,
    )
    app.layout = lambda: layout.shell(store)
    layout.register(app, store)
    for page in layout.PAGE_MODULES.values():
        page.register(app, store)
    details.register(app, store)
    pickers.register(app, store)
    if auth:
        require_basic_auth(app.server, *auth)
    return app


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


def serve(store: GraphStore, *, host: str = "127.0.0.1", port: int = 8050, auth: tuple[str, str] | None = None, debug: bool = False) -> None:
    app = create_app(store, auth)
    if debug:
        app.run(host=host, port=port, debug=True)  # Dash's reloader and error overlay
        return
    # Flask's own server is for development only; waitress is a production WSGI server.
    print(f"paperkg: serving {store.describe()} on http://{host}:{port}", flush=True)
    waitress.serve(app.server, host=host, port=port, threads=8, ident="paperkg")
