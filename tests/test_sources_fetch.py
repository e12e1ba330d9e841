"""`paperkg fetch` against a local HTTP server (127.0.0.1) that replays
answers made for these tests: politeness (interval, User-Agent, retries with
backoff, Retry-After), resuming by date and by page, and the files it writes
being read back as papers. No test touches the internet."""
from __future__ import annotations

import json
import threading
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from ingest.fetch import FetchError, PoliteClient, fetch_arxiv, fetch_hf_daily
from ingest.sources import read_path

DATA = Path(__file__).parent / "data" / "sources"


class Replay:
    """Answers by path: a list of (status, headers, body) served in turn
    (the last one repeats); every request is recorded."""

    def __init__(self):
        self.routes: dict[str, list[tuple[int, dict, bytes]]] = {}
        self.requests: list[tuple[str, dict, dict]] = []

    def answer(self, path, *responses):
        self.routes[path] = list(responses)

    def handler(self):
        replay = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                url = urlparse(self.path)
                query = {k: v[0] for k, v in parse_qs(url.query).items()}
                replay.requests.append((url.path, query, dict(self.headers)))
                key = f"{url.path}?date={query['date']}" if "date" in query else (
                    f"{url.path}?start={query['start']}" if "start" in query else url.path)
                queue = replay.routes.get(key) or [(404, {}, b"not here")]
                status, headers, body = queue.pop(0) if len(queue) > 1 else queue[0]
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        return Handler


@pytest.fixture
def server():
    replay = Replay()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), replay.handler())
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    replay.url = f"http://127.0.0.1:{httpd.server_address[1]}"
    yield replay
    httpd.shutdown()
    httpd.server_close()


def fast_client(**options):
    """A client whose waits are recorded instead of slept."""
    waits = []
    client = PoliteClient(sleep=waits.append, **{"interval": 0.0, "backoff": 0.5, **options})
    return client, waits


def atom_feed(start: int, count: int, total: int) -> bytes:
    entries = "".join(f"""
  <entry>
    <id>http://arxiv.org/abs/2501.{10000 + start + n:05d}v1</id>
    <title>Invented paper number {start + n}</title>
    <summary>An abstract written for paperkg's fetch test.</summary>
    <published>2025-01-0{1 + n % 9}T10:00:00Z</published>
    <author><name>Test Author</name></author>
    <arxiv:primary_category term="cs.LG"/>
    <link href="https://arxiv.org/abs/2501.{10000 + start + n:05d}v1" rel="alternate" type="text/html"/>
  </entry>""" for n in range(count))
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom">
  <opensearch:totalResults>{total}</opensearch:totalResults>{entries}
</feed>""".encode()


def test_hf_daily_days_are_saved_read_back_and_not_asked_again(server, tmp_path):
    listing = (DATA / "hf_daily_papers.json").read_bytes()
    for day in ("2025-02-05", "2025-02-06"):
        server.answer(f"/api/daily_papers?date={day}", (200, {}, b"[]"))
    server.answer("/api/daily_papers?date=2025-02-07", (200, {}, listing))
    client, _ = fast_client()
    report = fetch_hf_daily(date(2025, 2, 6), date(2025, 2, 7), client=client, api=f"{server.url}/api",
                            folder=tmp_path, today=date(2025, 3, 1))
    assert [p.name for p in report.downloaded] == ["2025-02-06.json", "2025-02-07.json"]
    assert report.papers == 3
    assert (tmp_path / "2025-02-07.json").read_bytes() == listing
    assert {r.id for r in read_path(tmp_path / "2025-02-07.json").records} == {"arxiv:2502.04101", "arxiv:2502.03377"}
    path, query, headers = server.requests[0]
    assert (path, query) == ("/api/daily_papers", {"date": "2025-02-06"})
    assert headers["User-Agent"].startswith("paperkg/")

    again = fetch_hf_daily(date(2025, 2, 5), date(2025, 2, 7), client=client, api=f"{server.url}/api",
                           folder=tmp_path, today=date(2025, 3, 1))
    assert [p.name for p in again.skipped] == ["2025-02-06.json", "2025-02-07.json"]
    assert [q["date"] for _, q, _ in server.requests] == ["2025-02-06", "2025-02-07", "2025-02-05"]


def test_throttling_and_server_errors_are_retried_with_backoff(server, tmp_path):
    server.answer("/api/daily_papers?date=2025-02-07",
                  (429, {"Retry-After": "7"}, b"slow down"), (503, {}, b"busy"), (200, {}, b"[]"))
    client, waits = fast_client()
    fetch_hf_daily(date(2025, 2, 7), date(2025, 2, 7), client=client, api=f"{server.url}/api", folder=tmp_path)
    assert waits == [7.0, 1.0]  # Retry-After, then the backoff's second step (0.5 * 2)
    assert client.requests == 3


def test_a_download_that_keeps_failing_is_one_error_and_leaves_no_file(server, tmp_path):
    server.answer("/api/daily_papers?date=2025-02-07", (500, {}, b"broken"))
    client, waits = fast_client(retries=2)
    with pytest.raises(FetchError, match=r"daily_papers\?date=2025-02-07: HTTP 500"):
        fetch_hf_daily(date(2025, 2, 7), date(2025, 2, 7), client=client, api=f"{server.url}/api", folder=tmp_path)
    assert waits == [0.5, 1.0] and list(tmp_path.iterdir()) == []
    server.answer("/api/daily_papers?date=2025-02-08", (404, {}, b"no"))
    with pytest.raises(FetchError, match="HTTP 404"):  # not worth retrying
        fetch_hf_daily(date(2025, 2, 8), date(2025, 2, 8), client=client, api=f"{server.url}/api", folder=tmp_path)


def test_requests_are_spaced_by_the_interval():
    clock = iter([0.0, 0.0, 0.4, 1.0, 5.0, 5.0]).__next__
    waits = []
    client = PoliteClient(interval=1.0, sleep=waits.append, clock=clock)
    for _ in range(3):
        client._wait_turn()
    assert waits == [pytest.approx(0.6)]


def test_arxiv_query_is_paged_saved_and_resumed(server, tmp_path):
    server.answer("/api/query?start=0", (200, {}, atom_feed(0, 100, 130)))
    server.answer("/api/query?start=100", (200, {}, atom_feed(100, 30, 130)))
    client, _ = fast_client()
    report = fetch_arxiv("cat:cs.LG AND ti:invented", max_results=500, client=client,
                         api=f"{server.url}/api/query", folder=tmp_path)
    assert [p.name for p in report.downloaded] == ["start-000000-100.xml", "start-000100-100.xml"]
    assert report.papers == 130
    _, query, _ = server.requests[0]
    assert query == {"search_query": "cat:cs.LG AND ti:invented", "start": "0", "max_results": "100",
                     "sortBy": "submittedDate", "sortOrder": "descending"}
    records = [r for path in report.files for r in read_path(path).records]
    assert len({r.id for r in records}) == 130 and records[0].id == "arxiv:2501.10000"

    again = fetch_arxiv("cat:cs.LG AND ti:invented", max_results=500, client=client,
                        api=f"{server.url}/api/query", folder=tmp_path)
    assert again.downloaded == [] and len(again.skipped) == 2 and len(server.requests) == 2


def test_arxiv_max_results_limits_the_last_page(server, tmp_path):
    server.answer("/api/query?start=0", (200, {}, atom_feed(0, 25, 1000)))
    client, _ = fast_client()
    report = fetch_arxiv("all:invented", max_results=25, client=client, api=f"{server.url}/api/query", folder=tmp_path)
    assert report.papers == 25 and server.requests[0][1]["max_results"] == "25"


def test_fetch_command_downloads_then_ingests(server, tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from app.cli import cli
    from graph import open_store

    monkeypatch.setenv("PAPERKG_HOME", str(tmp_path))  # downloads and store of its own
    server.answer("/api/daily_papers?date=2025-02-07", (200, {}, (DATA / "hf_daily_papers.json").read_bytes()))
    runner = CliRunner()
    only = runner.invoke(cli, ["fetch", "hf-daily", "--date", "2025-02-07", "--no-ingest", "--api-url", f"{server.url}/api"])
    assert only.exit_code == 0, only.output
    assert "downloaded 1 files (3 papers)" in only.stdout
    assert (tmp_path / "downloads" / "hf-daily" / "2025-02-07.json").is_file()
    try:
        both = runner.invoke(cli, ["fetch", "hf-daily", "--date", "2025-02-07", "--api-url", f"{server.url}/api"])
        assert both.exit_code == 0, both.output
        assert "0 files (0 papers), 1 already there" in both.stdout and len(server.requests) == 1
        with open_store() as store:
            assert sorted(store.read("MATCH (p:Paper) RETURN p.id").rows) == [["arxiv:2502.03377"], ["arxiv:2502.04101"]]
    finally:
        from graph.embedded import EmbeddedServer

        EmbeddedServer(tmp_path).stop()

    bad = runner.invoke(cli, ["fetch", "hf-daily", "--date", "2025-02-07", "--since", "2025-02-01"])
    assert bad.exit_code == 1 and "either --date" in bad.stderr
    failing = runner.invoke(cli, ["fetch", "arxiv", "--query", "all:x", "--no-ingest", "--api-url", f"{server.url}/nothing"])
    assert failing.exit_code == 1 and "HTTP 404" in failing.stderr


def test_ingest_help_names_every_format():
    from typer.testing import CliRunner

    from app.cli import cli
    from ingest.sources import FORMATS

    text = " ".join(CliRunner().invoke(cli, ["ingest", "--help"], terminal_width=400).stdout.split())
    assert all(name in text for name in FORMATS)
