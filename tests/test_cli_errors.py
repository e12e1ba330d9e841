"""Errors reach the user as one line with cause and fix, the app as a
message, and data never drives the terminal: probed on the real embedded
server (docs/reliability.md, "CLI and app")."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import urllib.request

import pytest
from typer.testing import CliRunner

from app.cli import cli
from graph import open_store
from graph.config import StoreConfig
from graph.embedded import EmbeddedServer
from tests.smoke_install import free_port, page_callback_payload, wait_for_http

runner = CliRunner()


def run(*args: str, code: int = 0, env: dict | None = None):
    result = runner.invoke(cli, list(args), env=env)
    assert result.exit_code == code, result.output
    return result


@pytest.fixture
def broken_home(tmp_path):
    """A PAPERKG_HOME whose embedded server cannot start: its append-only
    manifest is damaged (as a disk error would leave it). `repair()` puts the
    good manifest back, `damage()` stops the server and breaks it again."""
    home = tmp_path / "home"
    with open_store(StoreConfig(backend="falkordb", home=home)) as store:
        store.write("CREATE (:Paper {id: 'p1', title: 'kept'})")
    server = EmbeddedServer(home)
    saved = {}

    class Broken:
        path = home

        @staticmethod
        def damage():
            server.stop()  # a stop may rewrite the files: keep the manifest that matches them
            manifest = next((home / "falkordb").rglob("*.manifest"))
            saved[manifest] = manifest.read_bytes()
            manifest.write_text("this is not a manifest\n")

        @staticmethod
        def repair():
            for manifest, good in saved.items():
                manifest.write_bytes(good)

    Broken.damage()
    yield Broken
    server.stop()


def test_store_that_cannot_start_is_one_line_not_a_traceback(broken_home):
    result = run("db", "status", code=1, env={"PAPERKG_HOME": str(broken_home.path)})
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and "server.log" in lines[0], result.stderr
    assert "Traceback" not in result.output


def test_paperkg_debug_shows_the_traceback(broken_home):
    result = runner.invoke(cli, ["db", "status"], env={"PAPERKG_HOME": str(broken_home.path), "PAPERKG_DEBUG": "1"})
    assert result.exit_code != 0 and result.exception is not None and not isinstance(result.exception, SystemExit)


def test_app_shows_a_message_when_the_store_is_gone_and_recovers(broken_home):
    from app.server import create_app

    broken_home.repair()
    with open_store(StoreConfig(backend="falkordb", home=broken_home.path)) as store:
        client = create_app(store).server.test_client()
        payload = page_callback_payload(client.get("/_dash-dependencies").get_json())
        # Not "/": serving that document starts its page ahead (app/layout.PagesAhead)
        # while the store is up, and the callback below would be handed that page.
        assert client.get("/cypher").status_code == 200
        broken_home.damage()

        gone = client.post("/_dash-update-component", json=payload)
        assert gone.status_code == 200, gone.text[:300]  # was HTTP 500 with a traceback
        alert = gone.get_json()["sideUpdate"]["store-alert"]
        assert alert["hidden"] is False and "did not answer" in alert["children"]
        layout = client.get("/_dash-layout")
        assert layout.status_code == 200 and "cannot reach its graph store" in layout.text

        broken_home.repair()
        back = client.post("/_dash-update-component", json=payload)
        assert back.status_code == 200 and back.get_json()["response"]["page"]["children"]
        assert "cannot reach" not in client.get("/_dash-layout").text


def test_db_stop_under_load_gives_no_http_500(store, paperkg_home):
    """Clients keep clicking while `paperkg db stop` runs four times: each answer is
    a page or the store alert, never an HTTP 500."""
    import json
    import threading
    import time
    import urllib.error

    port = free_port()
    server = subprocess.Popen(["paperkg", "serve", "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                              text=True, env={**os.environ, "PAPERKG_GRAPH": store.graph_name})
    base = f"http://127.0.0.1:{port}"
    codes: list = []
    try:
        wait_for_http(base + "/", server, timeout=90)
        with urllib.request.urlopen(base + "/_dash-dependencies", timeout=10) as response:
            dependencies = json.loads(response.read())
        payloads = [json.dumps(page_callback_payload(dependencies, page)).encode() for page in ("/explore", "/overview", "/connect")]
        until = time.monotonic() + 8

        def click(n: int) -> None:
            while time.monotonic() < until:
                request = urllib.request.Request(base + "/_dash-update-component", payloads[n % 3], {"Content-Type": "application/json"})
                try:
                    with urllib.request.urlopen(request, timeout=60) as response:
                        codes.append(response.status)
                except urllib.error.HTTPError as error:
                    codes.append(error.code)
                except OSError as error:  # no answer at all (refused, reset, timed out) is a failure too
                    codes.append(f"{time.monotonic() - until + 8:.1f}s: {error!r}")

        clients = [threading.Thread(target=click, args=(n,)) for n in range(4)]
        for client in clients:
            client.start()
        for pause in (2.5, 2.5, 0.3, 0.3):  # the quick ones land while the app is still reconnecting
            time.sleep(pause)
            EmbeddedServer(paperkg_home).stop()
        for client in clients:
            client.join()
        store.scalar("RETURN 1")  # this test's own connection follows the server too (drop_graph does not)
    finally:
        server.terminate()
        log = server.communicate(timeout=30)[1]
    assert codes and set(codes) == {200}, (server.returncode, sorted(set(map(str, codes)))[:3], log[-2000:])
    assert "Traceback" not in log


def test_serve_on_a_taken_port_says_so_and_suggests_another():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run("serve", "--port", str(port), code=1)
    message = result.stderr.strip()
    assert message.startswith(f"error: port {port} is in use") and "use --port" in message and "\n" not in message
    suggested = int(message.rsplit(" ", 1)[1])
    with socket.socket() as check:
        check.bind(("127.0.0.1", suggested))  # the suggestion is free


def test_debug_refuses_a_non_loopback_host():
    result = run("serve", "--debug", "--host", "0.0.0.0", "--auth", "a:b", code=1)
    assert "--debug" in result.stderr and "loopback" in result.stderr


def test_debug_server_has_no_werkzeug_console(store):
    port = free_port()
    server = subprocess.Popen(["paperkg", "serve", "--debug", "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              start_new_session=True, env={**os.environ, "PAPERKG_GRAPH": store.graph_name})
    try:
        wait_for_http(f"http://127.0.0.1:{port}/", server, timeout=90)
        for path in ("/console", "/console?__debugger__=yes&cmd=resource&f=debugger.js"):
            with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=10) as response:
                page = response.read().decode()
            # Was Werkzeug's PIN-guarded Python console; now Dash's own page answers every unknown path.
            assert "Interactive Console" not in page and "__debugger__" not in page and "<title>paperkg</title>" in page
    finally:
        os.killpg(server.pid, signal.SIGTERM)  # the reloader runs the app in a child
        server.wait(timeout=30)


def test_data_cannot_drive_the_terminal(store, monkeypatch):
    """Markup and escape sequences in titles and names print literally."""
    graph = store.graph_name
    monkeypatch.setenv("PAPERKG_GRAPH", graph)
    store.write("CREATE (:Entity:Method {key: 'x', name: $name, label: 'Method', aliases: [$name], paper_count: 1})",
                {"name": "[/x] Net\x1b[2J\x1b]0;owned\x07"})
    for args in (["entities"], ["query", "MATCH (e:Entity) RETURN e.name AS `[/b]`"]):
        result = run(*args)
        assert "[/x] Net" in result.stdout and "\x1b" not in result.stdout and "\x07" not in result.stdout
        assert "\\x1b[2J" in result.stdout
    assert "[/b]" in result.stdout


def test_missing_curation_file_is_named(tmp_path):
    missing = tmp_path / "nope.toml"
    result = run("ingest", "--curation", str(missing), str(tmp_path), code=1)
    assert result.stderr.startswith(f"error: {missing}: no such curation file")


def test_bad_curation_file_is_one_line_with_its_line(tmp_path, monkeypatch):
    monkeypatch.setenv("PAPERKG_GRAPH", "cli_bad_curation")
    curation = tmp_path / "curation.toml"
    curation.write_text('[merge]\n"BERT" = "RoBERTa"\n"RoBERTa" = "BERT"\n')
    papers = tmp_path / "p.jsonl"
    papers.write_text('{"title": "A study", "abstract": "We evaluate BERT on GLUE."}\n')
    result = run("ingest", "--curation", str(curation), str(papers), code=1)
    assert f"error: {curation}:2: merges form a cycle" in result.stderr and "Traceback" not in result.output


@pytest.mark.parametrize("command", [["db", "status"], ["demo", "--no-serve"]])
def test_unreachable_neo4j_is_one_line_with_the_uri(command):
    uri = f"bolt://127.0.0.1:{free_port()}"  # nothing listens there
    result = run(*command, code=1, env={"NEO4J_URI": uri, "NEO4J_PASSWORD": "x"})
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and uri in lines[0], result.stderr


def test_unwritable_export_and_unknown_type_are_one_line(store, monkeypatch, tmp_path):
    monkeypatch.setenv("PAPERKG_GRAPH", store.graph_name)
    target = tmp_path / "missing-dir" / "x.graphml"
    result = run("export", "--cypher", "MATCH (n) RETURN n LIMIT 1", "--format", "graphml", "--out", str(target), code=1)
    assert result.stderr.startswith(f"error: cannot write {target}") and "Traceback" not in result.output
    assert "not an entity type" in run("entities", "--type", "Foo", code=1).stderr
