"""The page a document's address asks for is built while the browser loads
the scripts (app/layout.PagesAhead) and comes with the app's layout, so the
page callback has nothing left to send; it is not shown once the store has
failed after it was built (the user sees the store alert, as for a page
built on request). On the real embedded server, made unable to answer by
tests/test_cli_errors.broken_home."""
from __future__ import annotations

import threading

from graph import StoreConfig, open_store, views
from tests.smoke_install import page_callback_payload
from tests.test_cli_errors import broken_home  # noqa: F401  (the fixture)


def test_a_page_built_before_the_store_failed_is_dropped(broken_home, monkeypatch):  # noqa: F811
    from app.pages import explore
    from app.server import create_app

    built = threading.Event()
    real = explore.layout

    def layout(store, pathname, search):
        try:
            return real(store, pathname, search)
        finally:
            built.set()

    monkeypatch.setattr(explore, "layout", layout)
    broken_home.repair()
    with open_store(StoreConfig(backend="falkordb", home=broken_home.path)) as store:
        client = create_app(store).server.test_client()
        payload = page_callback_payload(client.get("/_dash-dependencies").get_json(), "/explore")
        assert client.get("/explore").status_code == 200  # starts building its page
        assert built.wait(60), "the page was not built ahead"
        broken_home.damage()

        answer = client.post("/_dash-update-component", json=payload)
        assert answer.status_code == 200, answer.text[:300]
        assert "page" not in answer.get_json().get("response", {}), "the page built before the failure was shown"
        alert = answer.get_json()["sideUpdate"]["store-alert"]
        assert alert["hidden"] is False and "did not answer" in alert["children"]

        broken_home.repair()
        back = client.post("/_dash-update-component", json=payload)
        assert back.get_json()["response"]["page"]["children"]  # built on request once the store answers


def test_the_layout_brings_the_page_its_document_asks_for(seed_graph):
    from app.server import create_app

    with open_store() as store:
        client = create_app(store).server.test_client()
        key = views.top_entities(store, "Method", 1)[0].key
        search = f"?focus=e:{key}"
        assert client.get(f"/explore{search}").status_code == 200
        # The browser asks for the layout from that document, which it names as the Referer.
        layout = client.get("/_dash-layout", headers={"Referer": f"http://localhost/explore{search}"}).text
        assert '"explore-canvas"' in layout and f'"e:{key}"' in layout
        assert '"explore-canvas"' not in client.get("/_dash-layout").text  # no address to go by: the callback builds it

        # Then the page callback, told which page the layout brought, sends no page again.
        payload = page_callback_payload(client.get("/_dash-dependencies").get_json(), "/explore")
        brought = {"url": search, "page-served": ["/explore", search]}
        for item in payload["state"]:
            item["value"] = brought[item["id"]]
        answer = client.post("/_dash-update-component", json=payload).get_json()["response"]
        assert "page" not in answer and answer["page-served"]["data"] is None
