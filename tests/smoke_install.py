"""Clean-install smoke check, run by .ci/run (stdlib only, so it runs before
anything is installed):

    python3 tests/smoke_install.py [SEED_FILE]

makes a fresh venv, installs paperkg with plain `pip install .` (no extras;
pip's download cache is reused), then runs the README's main command far
enough: `paperkg ingest SEED_FILE` and `paperkg serve` on a free port, waits
for HTTP 200 on `/` and answers one real Dash callback (the page router,
which reads the graph). A dependency used but not declared fails here.
`probe_app` is also used by tests/test_cli.py against the dev install.
"""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SEED = ROOT.parent / "shared" / "seeds" / "000_ccec4b8567bd1336.txt"
PAGE_CALLBACK_OUTPUT = "page.children"  # app/layout.py's router: renders a page from the graph


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str, timeout: float = 10) -> tuple[int, bytes]:
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.status, response.read()


def wait_for_http(url: str, process: subprocess.Popen, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"smoke: the server exited with code {process.returncode} before answering {url}")
        try:
            if _get(url, timeout=5)[0] == 200:
                return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.3)
    raise SystemExit(f"smoke: no HTTP 200 from {url} within {timeout:.0f}s")


def page_callback_payload(dependencies: list[dict], pathname: str = "/") -> dict:
    """The request the browser sends when the URL's path changes, built from
    the app's own callback declarations."""
    router = next(d for d in dependencies if PAGE_CALLBACK_OUTPUT in d["output"].strip(".").split("..."))
    # Anything else it reads (the page the layout brought, see app/layout.py) is None: that page is not built yet.
    values = {"url.pathname": pathname, "url.search": ""}

    def arg(item: dict) -> dict:
        return {"id": item["id"], "property": item["property"], "value": values.get(f"{item['id']}.{item['property']}")}

    outputs = [dict(zip(("id", "property"), o.split("."))) for o in router["output"].strip(".").split("...")]
    return {
        "output": router["output"],
        "outputs": outputs if len(outputs) > 1 else outputs[0],
        "inputs": [arg(i) for i in router["inputs"]],
        "state": [arg(s) for s in router["state"]],
        "changedPropIds": ["url.pathname"],
    }


def probe_app(base: str) -> dict:
    """GET / and the Dash layout, then run the page-router callback; returns
    its JSON answer (a page built from the graph)."""
    for path in ("/", "/_dash-layout"):
        status, _ = _get(base + path)
        assert status == 200, f"{path}: HTTP {status}"
    _, body = _get(base + "/_dash-dependencies")
    payload = json.dumps(page_callback_payload(json.loads(body))).encode()
    request = urllib.request.Request(base + "/_dash-update-component", payload, {"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        assert response.status == 200, f"callback: HTTP {response.status}"
        answer = json.loads(response.read())
    assert answer["response"]["page"]["children"], "the page callback returned nothing"
    return answer


def run(seed: Path) -> None:
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="paperkg-smoke-") as tmp:
        venv, home = Path(tmp) / "venv", Path(tmp) / "home"
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        # Plain `pip install .`: exactly what the README tells a new user.
        subprocess.run([venv / "bin" / "python", "-m", "pip", "install", "-q", "--disable-pip-version-check", "."], cwd=ROOT, check=True)
        print(f"smoke: installed in {time.monotonic() - started:.0f}s", flush=True)
        env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "PAPERKG_"))}
        env.update(PAPERKG_HOME=str(home), PATH=f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}")
        paperkg = str(venv / "bin" / "paperkg")
        try:
            subprocess.run([paperkg, "ingest", str(seed)], env=env, check=True)
            port = free_port()
            server = subprocess.Popen([paperkg, "serve", "--port", str(port)], env=env, cwd=tmp)
            try:
                base = f"http://127.0.0.1:{port}"
                wait_for_http(base + "/", server, timeout=120)
                probe_app(base)
            finally:
                server.terminate()
                server.wait(timeout=30)
        finally:
            # Also when the ingest fails: it has started the store's server, which would
            # outlive the temporary home it serves (a failed run of session 67 left one).
            subprocess.run([paperkg, "db", "stop"], env=env, check=False)
    print(f"smoke: clean install ingested, served / and a callback in {time.monotonic() - started:.0f}s", flush=True)


if __name__ == "__main__":
    run(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SEED)
