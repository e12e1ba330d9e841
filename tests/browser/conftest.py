"""Browser tests: the real app in headless Chromium (dash_duo), on a graph
built from one real seed file plus a paper whose title and abstract are
HTML, in a temporary PAPERKG_HOME. Screenshots go to test-artifacts/."""
from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest
from selenium.webdriver.chrome.options import Options

from tests.conftest import SEEDS

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
HOSTILE_TITLE = '<script>window.__pwned = 1</script><b>Bold</b> claims about GPT-4 on ImageNet'
HOSTILE_ABSTRACT = 'We evaluate GPT-4 on ImageNet. <img src=x onerror="window.__pwned = 2"> It improves accuracy.'


def pytest_setup_options():
    options = Options()
    if Path(CHROMIUM).exists():
        options.binary_location = CHROMIUM
    # dash_duo adds --no-sandbox, --disable-gpu and --disable-dev-shm-usage itself;
    # headless here too, so `pytest tests/browser` works without --headless.
    options.add_argument("--headless=new")
    options.add_argument("--window-size=1500,950")
    return options


@pytest.fixture(scope="session")
def browser_store(paperkg_home, tmp_path_factory):
    """One seed file and the hostile paper, ingested through the real pipeline."""
    from graph import StoreConfig, open_store
    from ingest.run import IngestOptions, ingest_paths

    hostile = tmp_path_factory.mktemp("hostile") / "hostile.jsonl"
    hostile.write_text(json.dumps({"title": HOSTILE_TITLE, "abstract": HOSTILE_ABSTRACT, "published": "2024-05-01", "upvotes": 3}) + "\n")
    seed_file = sorted(SEEDS.glob("*.txt"))[0]
    store = open_store(StoreConfig.from_env(graph_name=f"browser_{uuid.uuid4().hex[:8]}"))
    ingest_paths(store, [str(seed_file), str(hostile)], IngestOptions())
    yield store
    # No drop_graph: the graph lives in the session's temporary PAPERKG_HOME,
    # whose server other tests restart (on a new port) before this teardown.
    store.close()


@pytest.fixture
def app_url(dash_duo, browser_store):
    """Start the app; returns a function giving absolute URLs of app paths."""
    from app.server import create_app

    dash_duo.start_server(create_app(browser_store))
    return lambda path: dash_duo.server_url.rstrip("/") + path


@pytest.fixture
def shoot(dash_duo, request):
    """Save a screenshot named after the test under test-artifacts/."""
    ARTIFACTS.mkdir(exist_ok=True)

    def _shoot(suffix: str = "") -> Path:
        path = ARTIFACTS / f"{request.node.name}{'-' + suffix if suffix else ''}.png"
        dash_duo.driver.save_screenshot(str(path))
        return path

    return _shoot
