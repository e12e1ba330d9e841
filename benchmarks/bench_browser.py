"""What a researcher waits for in the browser: from a user action on the
Explore page to the canvas being settled and clickable, in headless
Chromium through the same driver the browser tests use.

"Settled" is the last cytoscape `layoutstop` (plus the frame that paints it)
after the action, once no further layout has run for a quiet period: a
layout that runs twice (dash-cytoscape re-runs it after adding elements)
counts until its second run ends. "All links" is when the links a big view
draws after its first frame (app/assets/canvas.js `later`) are in too: the
last elements added, plus a frame. The hook is injected into every page by
the benchmark (Chrome DevTools `addScriptToEvaluateOnNewDocument`): the app
carries no benchmark code. Page loads (reload a bookmark, the 1,000-node
view) are timed from navigation start.

    PAPERKG_HOME=/tmp/kg python -m benchmarks.bench_browser                 # starts `paperkg serve` on that store
    python -m benchmarks.bench_browser --url http://127.0.0.1:8050 --runs 3   # an app already running
"""
from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode
from urllib.request import urlopen

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.common.exceptions import TimeoutException as ScriptTimeoutException
from selenium.webdriver.chrome.service import Service

from app.urls import State
from benchmarks.homes import load_average
from graph import StoreConfig, open_store, views
from graph.views import NODE_TYPES, NodeRef

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
QUIET_S = 0.6  # no layout for this long after the last one: settled
TIMEOUT_S = 120.0
FOCUS_TYPES = ("Method", "Dataset", "Benchmark", "Task")

# dash-cytoscape assigns every cytoscape instance to window.cy right after
# its first layout (react-cytoscapejs mounts, lays out, then hands it over):
# catching that assignment stamps the first layout and hooks the later ones.
HOOK = """
window.__layoutStops = [];
window.__addStops = [];
const stamp = () => requestAnimationFrame(() => window.__layoutStops.push(performance.now()));
let adding = false;  // one stamp per batch of added elements, not one per element
const stampAdd = () => {
  if (!adding) {
    adding = true;
    requestAnimationFrame(() => { adding = false; window.__addStops.push(performance.now()); });
  }
};
let current = null;
Object.defineProperty(window, 'cy', {
  configurable: true,
  get() { return current; },
  set(cy) {
    current = cy;
    if (cy && !cy.__benchHooked) {
      cy.__benchHooked = true;
      stamp();
      cy.on('layoutstop', stamp);
      cy.on('add', stampAdd);
    }
  },
});
"""
# Which nodes the canvas shows, as one number (a view of the same size may hold other nodes).
VIEW_SIGNATURE = """
if (!window.cy) return null;
let h = 2166136261;
for (const id of window.cy.nodes().map(n => n.id()).sort().join('|')) h = Math.imul(h ^ id.charCodeAt(0), 16777619);
return window.cy.nodes().length + ':' + (h >>> 0);
"""
STOPS_SINCE = ("return [window.__layoutStops.filter(t => t > arguments[0]), window.__addStops.filter(t => t > arguments[0]), performance.now(), "
               "(() => {" + VIEW_SIGNATURE + "})()];")
CLICK = "const t = performance.now(); arguments[0].click(); return t;"


@dataclass(frozen=True)
class Settled:
    ms: float
    nodes: int
    since: float  # the action, page clock ms
    all_links_ms: float  # the links drawn after the first frame in too


def driver(trace: bool = False) -> webdriver.Chrome:
    options = Options()
    if trace:
        options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    if Path(CHROMIUM).exists():
        options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1500,950"):
        options.add_argument(arg)
    service = Service(CHROMEDRIVER) if Path(CHROMEDRIVER).exists() else Service()
    chrome = webdriver.Chrome(service=service, options=options)
    chrome.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": HOOK})
    chrome.set_script_timeout(TIMEOUT_S)
    return chrome


def wait_settled(chrome: webdriver.Chrome, since: float, changed_from: str | None = None) -> Settled:
    """Time from `since` (page clock, ms) to the last layout after it, once
    the canvas no longer shows the `changed_from` view (the action's view is in)."""
    deadline = time.monotonic() + TIMEOUT_S
    while time.monotonic() < deadline:
        try:
            stops, adds, now, signature = chrome.execute_script(STOPS_SINCE, since)
        except ScriptTimeoutException:  # the page is busy (a long layout): ask again
            continue
        last = max(stops[-1:] + adds[-1:], default=None)
        if stops and signature and signature != changed_from and now - last > QUIET_S * 1000:
            return Settled(stops[-1] - since, int(signature.split(":")[0]), since, last - since)
        time.sleep(0.05)
    raise TimeoutError(f"no settled layout within {TIMEOUT_S:.0f} s at {chrome.current_url}")


def load(chrome: webdriver.Chrome, url: str) -> Settled:
    """A page load, timed from navigation start (the page clock's zero)."""
    chrome.get(url)
    return wait_settled(chrome, 0.0)


def click(chrome: webdriver.Chrome, css: str, text: str | None = None) -> Settled:
    """Click the element and time until the canvas shows a different view."""
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        for element in chrome.find_elements("css selector", css):
            if text is None or element.text.strip().startswith(text):
                before = chrome.execute_script(VIEW_SIGNATURE)
                return wait_settled(chrome, chrome.execute_script(CLICK, element), before)
        time.sleep(0.1)
    raise TimeoutError(f"nothing to click at {css} {text or ''}")


def select_node(chrome: webdriver.Chrome, node_id: str) -> None:
    """Tap a node as a user would (dash-cytoscape turns it into tapNodeData)."""
    chrome.execute_script("window.cy.getElementById(arguments[0]).emit('tap');", node_id)


@dataclass(frozen=True)
class Call:
    """One Dash callback request as the browser saw it, in ms from the action."""
    start: float
    end: float
    server: float  # request sent → first byte back
    kb: float
    outputs: str


def calls_since(chrome: webdriver.Chrome, since: float) -> list[Call]:
    """The Dash callback requests after `since` (page clock, ms), from the
    DevTools network log (a `--trace` driver); drains the log."""
    origin = chrome.execute_script("return performance.timeOrigin;")
    sent, done, first_byte, outputs, sizes = {}, {}, {}, {}, {}
    offset = None  # DevTools monotonic seconds → epoch seconds
    for entry in chrome.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        method, params = message["method"], message.get("params", {})
        rid = params.get("requestId")
        if method == "Network.requestWillBeSent" and ("/_dash-" in params["request"]["url"] or params.get("type") == "Document"):
            offset = params["wallTime"] - params["timestamp"]
            sent[rid] = params["timestamp"]
            body = json.loads(params["request"].get("postData") or "{}")
            outputs[rid] = body.get("output", params["request"]["url"].split("/", 3)[-1])[:90]
        elif method == "Network.responseReceived" and rid in sent:
            timing = params["response"].get("timing") or {}
            first_byte[rid] = timing.get("receiveHeadersEnd", 0) - timing.get("sendStart", 0)
        elif method == "Network.loadingFinished" and rid in sent:
            done[rid], sizes[rid] = params["timestamp"], params["encodedDataLength"]
    if offset is None:
        return []
    at = lambda ts: (ts + offset) * 1000 - origin - since  # noqa: E731
    calls = [Call(at(sent[r]), at(done[r]), first_byte.get(r, 0), sizes[r] / 1000, outputs[r]) for r in sent if r in done]
    return sorted((c for c in calls if c.start >= -5), key=lambda c: c.start)


@dataclass(frozen=True)
class Focus:
    ref: NodeRef
    neighbour: NodeRef  # expanding it adds nodes to the focus's view
    truncated: bool  # "show more" has more to show


class Bench:
    def __init__(self, base: str, focuses: list[Focus], big: NodeRef):
        self.base, self.focuses, self.big = base.rstrip("/"), focuses, big

    def url(self, state: State) -> str:
        return f"{self.base}/explore{state.query_string()}"

    def open_top_entity(self, chrome, focus: Focus) -> Settled:
        """From the empty Explore page, click a starting-point chip."""
        chrome.get(f"{self.base}/explore")
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and not chrome.find_elements("css selector", ".chip"):
            time.sleep(0.05)
        chip = chrome.execute_script(
            "return [...document.querySelectorAll('.chip')].find(a => a.href.includes(arguments[0]));", "focus=" + _quoted(focus.ref.id))
        before = chrome.execute_script(VIEW_SIGNATURE)
        return wait_settled(chrome, chrome.execute_script(CLICK, chip), before)

    def show_more(self, chrome, focus: Focus) -> Settled:
        load(chrome, self.url(State(focus=focus.ref, sel=focus.ref)))
        return click(chrome, "#explore-more")

    def show_papers(self, chrome, focus: Focus) -> Settled:
        load(chrome, self.url(State(focus=focus.ref, sel=focus.ref)))
        return click(chrome, "#explore-types label", "Paper")

    def expand(self, chrome, focus: Focus) -> Settled:
        load(chrome, self.url(State(focus=focus.ref, sel=focus.ref)))
        select_node(chrome, focus.neighbour.id)
        return click(chrome, "#expand-link")

    def reload_bookmark(self, chrome, focus: Focus) -> Settled:
        return load(chrome, self.url(State(focus=focus.ref, sel=focus.ref, n=300, expand=(focus.neighbour,))))

    def view_1000(self, chrome, _focus: Focus) -> Settled:
        return load(chrome, self.url(State(focus=self.big, sel=self.big, n=1000, types=NODE_TYPES)))


def _quoted(text: str) -> str:
    return urlencode({"": text})[1:]


def focuses(store, keys: list[str] | None = None) -> tuple[list[Focus], NodeRef]:
    """The top entity of each type (the biggest views a click opens), or the
    entities `keys`, each with a neighbour whose expansion adds nodes, and
    the entity in most papers for the 1,000-node view."""
    found = []
    refs = [NodeRef.entity(k) for k in keys] if keys else [NodeRef.entity(e.key) for label in FOCUS_TYPES for e in views.top_entities(store, label, 1)]
    for ref in refs:
        filters = State(focus=ref).filters
        view = views.explore(store, ref, filters)
        size = len(view.nodes)
        neighbour = next((n.ref for n in view.nodes if not n.focus and n.type != views.PAPER
                          and len(views.explore(store, ref, filters, (n.ref,)).nodes) > size), None)
        if neighbour:
            found.append(Focus(ref, neighbour, view.truncated))
    big = max((f.ref for f in found), key=lambda r: views.find_node(store, r).properties.get("paper_count") or 0)
    return found, big


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(port: int) -> subprocess.Popen:
    server = subprocess.Popen([sys.executable, "-c", "from app.cli import main; main()", "serve", "--port", str(port)], env=os.environ.copy(),
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urlopen(f"http://127.0.0.1:{port}/", timeout=1)
            return server
        except OSError:
            if server.poll() is not None:
                raise SystemExit(f"paperkg serve exited: {server.stderr.read().decode()[-2000:]}")
            time.sleep(0.3)
    server.kill()
    raise SystemExit("paperkg serve did not answer within 60 s")


ACTIONS = ("open top entity", "show more (300)", "show papers too", "expand a node", "reload a bookmarked view", "1,000-node view")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", help="an app already serving this PAPERKG_HOME's graph (else one is started)")
    parser.add_argument("--runs", type=int, default=3, help="rounds over the focus entities")
    parser.add_argument("--big-runs", type=int, default=3, help="samples of the 1,000-node view")
    parser.add_argument("--only", action="append", choices=ACTIONS, help="time only these actions")
    parser.add_argument("--focus", action="append", metavar="KEY", help="time these entities (keys) instead of the top one of each type")
    parser.add_argument("--trace", action="store_true", help="after each action, list its Dash callback requests (start, end, server time, size)")
    args = parser.parse_args()

    with open_store(StoreConfig.from_env()) as store:
        found, big = focuses(store, args.focus)
        counts = views.graph_counts(store)
    print(f"graph: {counts.papers:,} papers, {counts.total_entities:,} entities; focuses "
          + ", ".join(f.ref.key for f in found) + f"; 1,000-node view of {big.key}", flush=True)

    server = None
    if args.url is None:
        port = free_port()
        server = start_server(port)
        args.url = f"http://127.0.0.1:{port}"
    bench = Bench(args.url, found, big)
    timed = {
        "open top entity": bench.open_top_entity, "show more (300)": bench.show_more, "show papers too": bench.show_papers,
        "expand a node": bench.expand, "reload a bookmarked view": bench.reload_bookmark, "1,000-node view": bench.view_1000,
    }
    chrome = driver(args.trace)
    try:
        load(chrome, bench.url(State(focus=found[0].ref, sel=found[0].ref)))  # warm: scripts cached, server caches filled
        print(f"{'interaction':<28}{'n':>4}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}  {'all links p50/p95':>17}  nodes", flush=True)
        for name in args.only or ACTIONS:
            # "show more" only where there is more; the 1,000-node view is one view, sampled --big-runs times
            subjects = found[:1] if name == "1,000-node view" else [f for f in found if f.truncated or name != "show more (300)"]
            runs = args.big_runs if name == "1,000-node view" else args.runs
            results = []
            for focus in [f for _ in range(runs) for f in subjects]:
                if args.trace:
                    chrome.get_log("performance")
                results.append(timed[name](chrome, focus))
                if args.trace:
                    print(f"  {name} ({focus.ref.key}): settled {results[-1].ms:.0f} ms, all links {results[-1].all_links_ms:.0f} ms", flush=True)
                    for call in calls_since(chrome, results[-1].since):
                        print(f"    {call.start:7.0f} → {call.end:7.0f}  server {call.server:6.0f}  {call.kb:7.1f} kB  {call.outputs}", flush=True)
            if not results:
                # With candidates out of the default canvas no focus may have more than one screenful.
                print(f"{name:<28}{0:>4}  nothing to time: no focus has more to show", flush=True)
                continue
            ms, all_ms = [r.ms for r in results], [r.all_links_ms for r in results]
            nodes = sorted({r.nodes for r in results})
            links = f"{statistics.median(all_ms):.0f} / {percentile(all_ms, 0.95):.0f}"
            print(f"{name:<28}{len(ms):>4}{statistics.median(ms):>9.0f}{percentile(ms, 0.95):>9.0f}{max(ms):>9.0f}  {links:>17}  "
                  f"{nodes[0]}–{nodes[-1]}", flush=True)
    finally:
        chrome.quit()
        if server is not None:
            server.terminate()
            server.wait(10)
    print(load_average())


if __name__ == "__main__":
    main()
