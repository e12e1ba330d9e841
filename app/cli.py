"""`paperkg`: a thin command line over ingest, graph and the web app."""
from __future__ import annotations

import errno
import json
import os
import socket
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import List, Optional

import typer
from rich.console import Console
from rich.text import Text
from typer.core import TyperGroup

from graph import settings
from graph.config import StoreConfig
from graph.render import terminal_text

LOOPBACK = ("127.0.0.1", "localhost", "::1")


class _Commands(TyperGroup):
    """Errors the user can fix (store down, bad curation file...) end the
    command with one line naming cause and fix; PAPERKG_DEBUG=1 shows the
    traceback instead."""

    def invoke(self, ctx):
        from app.errors import USER_ERRORS, one_line

        try:
            return super().invoke(ctx)
        except USER_ERRORS as error:
            if os.environ.get("PAPERKG_DEBUG"):
                raise
            raise _fail(one_line(error)) from None


cli = typer.Typer(
    cls=_Commands,
    help="Knowledge graph of ML papers: ingest listings, extract methods/datasets/benchmarks/tasks/metrics, "
    "query with Cypher, export subgraphs, explore in the browser.\n\n"
    "Store: Neo4j when NEO4J_URI is set (with NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE); "
    "otherwise an embedded FalkorDB server under PAPERKG_HOME that paperkg starts itself.\n\n"
    "Errors are one line with the cause and the fix; set PAPERKG_DEBUG=1 to see the traceback.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
db_cli = typer.Typer(help="Manage the embedded FalkorDB server (start, stop, status).", no_args_is_help=True)
cli.add_typer(db_cli, name="db")
fetch_cli = typer.Typer(
    help="Download new listings into PAPERKG_HOME/downloads (politely: spaced requests, retries with backoff), "
    "then ingest them. Files already downloaded are not asked for again.",
    no_args_is_help=True,
)
cli.add_typer(fetch_cli, name="fetch")

out = Console(soft_wrap=True)  # messages are not reflowed: they stay greppable
err = Console(stderr=True, soft_wrap=True)


def _fail(message: str, code: int = 1) -> typer.Exit:
    err.print(Text.assemble(("error: ", "bold red"), terminal_text(" ".join(message.split()))), highlight=False)  # one line, always
    return typer.Exit(code)


def _note(message: str, label: str = "note") -> None:
    err.print(Text.assemble((f"{label}: ", "yellow"), terminal_text(message)), highlight=False)


# Below this many papers extracted the slower spaCy build costs seconds: no note.
SLOW_SPACY_NOTE_PAPERS = 1000


def _note_slow_spacy(papers_extracted: int) -> None:
    from ingest.extract.pipeline import spacy_has_profiling_hooks

    if papers_extracted >= SLOW_SPACY_NOTE_PAPERS and spacy_has_profiling_hooks():
        version = ".".join(map(str, sys.version_info[:2]))
        _note(f"spaCy's build for Python {version} carries Cython's profiling hooks, which make extraction "
              "about 1.6x slower; on Python 3.12 or later the same extraction runs faster (docs/benchmarks.md)")


def _store():
    from graph import open_store

    return open_store()


def _pairs(values: list[str], option: str) -> dict[str, str]:
    pairs = {}
    for value in values:
        name, sep, rest = value.partition("=")
        if not sep or not name.strip():
            raise _fail(f"{option} takes name=value, got {value!r}")
        pairs[name.strip()] = rest
    return pairs


@cli.command()
def ingest(
    paths: List[str] = typer.Argument(..., help="Files or directories: Daily Papers dumps, JSON, JSONL, CSV, Hugging Face / Semantic Scholar / OpenAlex API answers, arXiv API Atom, BibTeX, RIS."),
    format: Optional[str] = typer.Option(None, "--format", help="Force the input format: hf_daily, json, jsonl, csv, hf_api, semantic_scholar, openalex, arxiv_atom, bibtex, ris or http_cassette (default: detected from content)."),
    map: List[str] = typer.Option([], "--map", help="field=column: read FIELD (title, abstract, id, published, authors, url, upvotes) from COLUMN. Repeatable."),
    year: Optional[int] = typer.Option(None, "--year", help="Year for dates listed without one ('Sep 29'). Default: the latest year not after the file's date."),
    model: str = typer.Option("fast", "--model", help="Extraction pipeline: fast or accurate."),
    curation: Optional[Path] = typer.Option(None, "--curation", help="Curation file (merge/drop/relabel). Default: $PAPERKG_HOME/curation.toml if it exists."),
    strict: bool = typer.Option(False, "--strict", help="Exit non-zero on any input problem, not only when nothing could be ingested."),
    workers: Optional[int] = typer.Option(None, "--workers", min=1, help="Extraction processes (default: the machine's cores)."),
    no_wait: bool = typer.Option(False, "--no-wait", help="Refuse, instead of waiting, when another ingest into the same graph is running."),
    batch_size: int = typer.Option(200, "--batch-size", min=1, help="Papers written per batch (each batch is written whole or not at all)."),
    category: List[str] = typer.Option([], "--category", help="Keep only papers in this arXiv category (cs.CL) or archive (cs); repeatable: any of them. Papers without categories (BibTeX, RIS, Daily Papers pages) are left out."),
):
    """Read paper listings, extract entities and load them into the graph.

    Files may be compressed (.gz, .bz2, .xz, .zst). The input is streamed in
    batches; an interrupted ingest, run again, ends exactly where an
    uninterrupted one would. One ingest at a time writes a graph.

    Re-ingesting is safe: papers are deduplicated by arXiv id, DOI or title,
    unchanged papers are left alone, and every count stays the same.
    """
    if curation is not None and not curation.is_file():
        raise _fail(f"{curation}: no such curation file (--curation); give an existing TOML file or leave the option out")
    from ingest.lock import IngestLocked
    from ingest.run import IngestOptions, ingest_paths

    config = StoreConfig.from_env()
    curation_path = curation or (config.curation_path if config.curation_path.exists() else None)
    options = IngestOptions(format=format, field_map=_pairs(map, "--map") or None, year=year, model=model,
                            curation_path=curation_path, workers=workers, wait=not no_wait, batch_size=batch_size,
                            categories=tuple(category))
    with _store() as store:
        try:
            report = ingest_paths(store, paths, options, console=err)
        except (ValueError, IngestLocked) as error:
            raise _fail(str(error))
        except KeyboardInterrupt:
            err.print("interrupted: every batch written so far is kept; run the same command again to finish", highlight=False)
            raise
    for problem in report.problems:
        _note(str(problem), "problem")
    load = report.load
    entity_counts = ", ".join(f"{label} {n}" for label, n in sorted(report.entities_by_label.items())) or "none"
    out.print(
        f"files {report.files} · papers read {report.records_read}"
        + (f" ({report.outside_categories} outside --category)" if category else "") +
        f", unique {report.papers} "
        f"(new {load.papers_new}, updated {load.papers_updated}, unchanged {load.papers_unchanged}) · "
        f"extracted {load.papers_extracted}\n"
        f"graph: papers {report.total_papers} · entities {sum(report.entities_by_label.values())} ({entity_counts}) · "
        f"mentions {report.mentions} · problems {len(report.problems)}",
        highlight=False,
    )
    if report.refreshed:
        out.print(report.refreshed.summary(), highlight=False)
    _note_slow_spacy(load.papers_extracted)
    if report.papers == 0 or (strict and report.problems):
        raise typer.Exit(1)


@cli.command()
def query(
    cypher: str = typer.Argument(..., help="A read-only Cypher query. Pass values with --param, never inside the text."),
    param: List[str] = typer.Option([], "--param", help="name=value, available as $name; value parsed as JSON when it is JSON, else a string. Repeatable."),
    format: str = typer.Option("table", "--format", help="table, json (an array of row objects) or csv."),
    limit: int = typer.Option(settings.QUERY_ROW_LIMIT, "--limit", min=1, max=settings.QUERY_MAX_ROW_LIMIT, help="Row cap."),
    timeout: float = typer.Option(settings.QUERY_TIMEOUT_S, "--timeout", min=0.1, help="Seconds before the query is stopped."),
):
    """Run a read-only Cypher query. Writes (CREATE, MERGE, SET, DELETE...) are refused and change nothing."""
    from graph import QueryError
    from graph.render import render_csv, render_json, render_table

    params = {name: _json_or_text(value) for name, value in _pairs(param, "--param").items()}
    renderers = {"table": render_table, "json": render_json, "csv": render_csv}
    if format not in renderers:
        raise _fail(f"--format must be one of {', '.join(renderers)}")
    with _store() as store:
        try:
            result = store.read(cypher, params, limit=limit, timeout=timeout)
        except QueryError as error:
            raise _fail(str(error))
    renderers[format](result, out)
    if result.truncated:
        _note(f"stopped at {limit} rows; raise --limit for more")


def _json_or_text(value: str):
    try:
        return json.loads(value)
    except ValueError:
        return value


@cli.command()
def export(
    format: str = typer.Option(..., "--format", help="graphml, gexf, json (networkx node-link), cytoscape or csv (nodes.csv + edges.csv in --out)."),
    out_path: Path = typer.Option(..., "--out", help="File to write (a directory for csv)."),
    entity: Optional[str] = typer.Option(None, "--entity", help="Export this entity's neighbourhood (name, alias or key)."),
    hops: int = typer.Option(2, "--hops", min=1, max=settings.EXPORT_MAX_HOPS, help="Neighbourhood depth: 1 = its papers, 2 = also their other entities..."),
    paper: Optional[str] = typer.Option(None, "--paper", help="Export this paper (by id) with its entities."),
    cypher: Optional[str] = typer.Option(None, "--cypher", help="Export the nodes, relationships and paths this read-only query returns."),
    param: List[str] = typer.Option([], "--param", help="name=value for --cypher. Repeatable."),
):
    """Export a subgraph for Gephi, Cytoscape or networkx."""
    from graph import QueryError
    from graph.export import FORMATS, write
    from graph.export.select import NotFound, find_entity, from_query, neighbourhood, paper_subgraph

    chosen = [name for name, value in (("--entity", entity), ("--paper", paper), ("--cypher", cypher)) if value]
    if len(chosen) != 1:
        raise _fail("choose exactly one of --entity, --paper or --cypher")
    if format not in FORMATS:
        raise _fail(f"--format must be one of {', '.join(FORMATS)}")
    with _store() as store:
        try:
            if entity:
                subgraph = neighbourhood(store, find_entity(store, entity), hops)
            elif paper:
                subgraph = paper_subgraph(store, paper)
            else:
                params = {k: _json_or_text(v) for k, v in _pairs(param, "--param").items()}
                subgraph = from_query(store, cypher, params)
        except (NotFound, QueryError) as error:
            raise _fail(str(error))
    graph = subgraph.to_networkx()
    try:
        files = write(graph, format, out_path)
    except OSError as error:
        raise _fail(f"cannot write {error.filename or out_path}: {error.strerror or error}; choose another --out")
    out.print(terminal_text(f"wrote {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges to {', '.join(map(str, files))}"), highlight=False)
    if subgraph.truncated:
        _note(f"the subgraph was capped at {settings.EXPORT_MAX_NODES} nodes")


@cli.command(name="export-import-csv")
def export_import_csv(
    out_dir: Path = typer.Option(..., "--out", help="Directory for the CSV files (one per label and relationship type)."),
    database: str = typer.Option("neo4j", "--database", help="Database name to put in the printed neo4j-admin command."),
):
    """Export the whole graph as CSV for `neo4j-admin database import full`: the fast first load of a big corpus into Neo4j 5 (docs/neo4j.md)."""
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from graph.export.neo4j_admin import ImportCsvError, write_import_csv

    with _store() as store, Progress(SpinnerColumn(), TextColumn("exporting {task.completed} rows"), TimeElapsedColumn(), console=err, transient=True) as progress:
        task = progress.add_task("export", total=None)
        try:
            files = write_import_csv(store, out_dir, lambda n: progress.advance(task, n))
        except ImportCsvError as error:
            raise _fail(str(error))
        except OSError as error:
            raise _fail(f"cannot write {error.filename or out_dir}: {error.strerror or error}; choose another --out")
    out.print(terminal_text(", ".join(f"{n} {name}" for name, n in files.counts.items()) + f" written to {out_dir}"), highlight=False)
    out.print("Stop the target database (or use a new name), then run:\n" + files.command(database), highlight=False)


@cli.command()
def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="Address to bind. Anything but loopback requires --auth."),
    port: int = typer.Option(8050, "--port"),
    auth: Optional[str] = typer.Option(None, "--auth", envvar="PAPERKG_AUTH", help="user:password for HTTP basic auth (or PAPERKG_AUTH)."),
    debug: bool = typer.Option(False, "--debug", help="Dash debug mode (reloader, error overlay); loopback only, and without Werkzeug's interactive console."),
):
    """Serve the explorer web app."""
    if debug and host not in LOOPBACK:
        raise _fail(f"--debug shows tracebacks and source to whoever connects, so it serves loopback only, not {host}; drop --debug to serve {host}")
    credentials = _credentials(host, auth)
    _check_port(host, port)
    with _store() as store:
        _serve(store, host=host, port=port, auth=credentials, debug=debug)


def _serve(store, **options) -> None:
    from app.server import serve as run_server

    try:
        run_server(store, **options)
    except OSError as error:
        if error.errno == errno.EADDRINUSE:  # taken between the check and the bind
            raise _fail(_port_taken(options["host"], options["port"]))
        raise


def _check_port(host: str, port: int) -> None:
    """Fail before the store is opened when the port cannot be served."""
    if os.environ.get("WERKZEUG_SERVER_FD"):
        return  # --debug's reloader child: its parent holds the socket and hands it over
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server binds: TIME_WAIT is not "in use"
        try:
            sock.bind((host, port))
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                raise _fail(_port_taken(host, port))
            raise _fail(f"cannot serve on {host}:{port}: {error.strerror}; choose another --host or --port")


def _port_taken(host: str, port: int) -> str:
    return f"port {port} is in use on {host} (another paperkg serve?); use --port {_free_port(host)}"


def _free_port(host: str) -> int:
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


def _credentials(host: str, auth: str | None) -> tuple[str, str] | None:
    if auth:
        user, sep, password = auth.partition(":")
        if not sep or not user or not password:
            raise _fail("--auth takes user:password")
        return user, password
    if host not in LOOPBACK:
        raise _fail(f"binding {host} exposes the app beyond this machine: give --auth user:password (or PAPERKG_AUTH)")
    return None


@cli.command()
def demo(
    port: int = typer.Option(8050, "--port"),
    no_serve: bool = typer.Option(False, "--no-serve", help="Only load the demo graph."),
):
    """Load the bundled sample (30 abstracts written for paperkg) into its own graph and serve it.

    It never writes into your data: the embedded store gets a graph of its own
    and Neo4j (NEO4J_URI) a database of its own, `paperkg-demo`, created if
    absent; a Neo4j server without multi-database support is refused."""
    from graph import open_store
    from ingest.run import IngestOptions, ingest_paths

    from app.demo import DEMO_DATABASE, DEMO_GRAPH, SAMPLE_PATH

    if not no_serve:
        _check_port("127.0.0.1", port)
    config = StoreConfig.from_env(graph_name=DEMO_GRAPH)
    if config.backend == "neo4j":
        from graph.neo4j_store import create_database

        config = create_database(config, DEMO_DATABASE)
    # The review buttons in the demo write a curation file of its own, never the one your ingests read.
    curation = config.home / "demo-curation.toml"
    with open_store(config) as store:
        report = ingest_paths(store, [str(SAMPLE_PATH)], IngestOptions(curation_path=curation if curation.exists() else None), console=err)
        out.print(f"demo graph: {report.total_papers} papers, {sum(report.entities_by_label.values())} entities", highlight=False)
        if not no_serve:
            _serve(store, host="127.0.0.1", port=port, auth=None, debug=False, curation=curation)


@cli.command()
def extract(
    in_path: Path = typer.Argument(..., help='JSONL input: {"id", "text"} per line (optional "title"); with --papers or --cluster, paper listings (a file or directory, any format ingest reads).'),
    out_path: Path = typer.Option(..., "-o", "--out", help="JSONL output: {id, entities: [{start, end, label, text, canonical, score}]}; with --papers or --cluster, a mentions file for paperkg load."),
    model: str = typer.Option("fast", "--model", help="fast or accurate."),
    workers: Optional[int] = typer.Option(None, "--workers", min=1, help="Extraction processes here, or worker processes of --cluster local (default: the machine's cores)."),
    papers: bool = typer.Option(False, "--papers", help="Read paper listings and write a mentions file: per unique paper its record, the text extracted (title and abstract), every mention and the extraction fingerprint."),
    cluster: Optional[str] = typer.Option(None, "--cluster", help="Run on Dask: a scheduler address (tcp://host:8786) or 'local' for a LocalCluster of --workers processes. Implies --papers."),
    partition_size: int = typer.Option(256, "--partition-size", min=1, help="Papers per task sent to a cluster worker."),
    format: Optional[str] = typer.Option(None, "--format", help="With --papers: force the input format, as for ingest."),
):
    """Extract entities without a database: texts to entities, or paper listings to a mentions file.

    A mentions file made here or on a cluster is loaded with `paperkg load`,
    which writes the same graph as `paperkg ingest` of the same listings
    when they list each paper once. Listings that list papers again are cut
    into other batches by ingest, and a link that goes by which papers
    arrive together may differ (1 of 363,998 on the 40k corpus).
    """
    if cluster or papers:
        from ingest.distributed import extract_papers
        from ingest.run import IngestOptions

        try:
            with _count_progress("extracting") as advance:
                report = extract_papers([str(in_path)], out_path, IngestOptions(format=format, model=model, workers=workers),
                                        cluster=cluster, partition_size=partition_size, on_done=advance)
        except (ValueError, OSError, RuntimeError) as error:
            raise _fail(str(error))
        for problem in report.problems:
            _note(str(problem), "problem")
        out.print(terminal_text(f"wrote {report.papers} papers to {out_path} (read {report.records_read}, "
                                f"{report.workers} workers, extractor {report.extractor})"), highlight=False)
        if cluster in (None, "local"):  # a remote cluster's workers run their own build
            _note_slow_spacy(report.papers)
        if report.papers == 0:
            raise typer.Exit(1)
        return
    from ingest.extract import extract_jsonl

    try:
        count = extract_jsonl(in_path, out_path, model=model, progress=True, workers=workers)
    except (ValueError, OSError) as error:
        raise _fail(str(error))
    out.print(terminal_text(f"wrote {count} records to {out_path}"), highlight=False)
    _note_slow_spacy(count)


@cli.command()
def load(
    mentions: Path = typer.Argument(..., help="A mentions file written by paperkg extract --papers or --cluster."),
    curation: Optional[Path] = typer.Option(None, "--curation", help="Curation file (merge/drop/relabel). Default: $PAPERKG_HOME/curation.toml if it exists."),
    batch_size: int = typer.Option(200, "--batch-size", min=1, help="Papers written per batch (each batch is written whole or not at all)."),
):
    """Load extraction output into the graph without re-extracting.

    The same loader as ingest: papers deduplicated against the graph,
    unchanged papers left alone, loading twice changes nothing. Papers are
    stamped with the file's extraction fingerprint, so a later ingest with
    the same code and model does not extract them again.
    """
    from ingest.curation import Curation, CurationError
    from ingest.distributed import load_mentions
    from ingest.lock import IngestLocked

    if curation is not None and not curation.is_file():
        raise _fail(f"{curation}: no such curation file (--curation); give an existing TOML file or leave the option out")
    if not mentions.is_file():
        raise _fail(f"{mentions}: no such mentions file")
    config = StoreConfig.from_env()
    curation_path = curation or (config.curation_path if config.curation_path.exists() else None)
    with _store() as store:
        try:
            rules = Curation.load(curation_path) if curation_path else Curation.empty()
            with _count_progress("loading") as advance:
                report = load_mentions(store, mentions, rules, batch_size=batch_size, on_batch=advance)
        except (ValueError, CurationError, IngestLocked) as error:
            raise _fail(str(error))
    summary = report.load
    out.print(
        f"papers {report.papers} (new {summary.papers_new}, updated {summary.papers_updated}, "
        f"unchanged {summary.papers_unchanged}) · linked {summary.papers_extracted}\n"
        f"graph: papers {report.total_papers} · entities {sum(report.entities_by_label.values())} · mentions {report.mentions}",
        highlight=False,
    )


@contextmanager
def _count_progress(what: str):
    """A spinner with a paper count and the elapsed time on stderr; yields `advance(n)`."""
    from rich.progress import MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = (SpinnerColumn(), TextColumn(what), MofNCompleteColumn(), TextColumn("papers"), TimeElapsedColumn())
    with Progress(*columns, console=err, transient=True) as progress:
        task = progress.add_task(what, total=None)
        yield lambda n: progress.advance(task, n)


@cli.command(name="eval")
def evaluate(
    gold: Path = typer.Argument(..., help="Gold JSONL (format of shared/gold/README.md)."),
    map: str = typer.Option(..., "--map", help="Label map of the corpus: scierc, scirex, tdmsci, scier, gsap, cmu, scienceie."),
    model: str = typer.Option("fast", "--model"),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
):
    """Score extraction against gold annotations: per label and micro P/R/F1, exact and overlap."""
    from ingest.evaluate import evaluate as run_eval

    try:
        report = run_eval(gold, map, model=model)
    except (ValueError, OSError) as error:
        raise _fail(str(error))
    if as_json:
        out.print_json(data=report.as_dict())
    else:
        out.print(report.to_rich_table())


@cli.command()
def entities(
    label: Optional[str] = typer.Option(None, "--type", help="Method, Dataset, Benchmark, Task or Metric."),
    limit: int = typer.Option(50, "--limit", min=1),
    merge_candidates: bool = typer.Option(False, "--merge-candidates", help="List near-duplicate names to review for the curation file."),
    review: bool = typer.Option(False, "--review", help="Uncertain entities (suspected duplicates, type disagreement, candidates), those whose fixing changes the most papers first, one a line with the suggested curation line; apply one from the app's details panel or paste it into the curation file."),
):
    """List entities by paper count, candidates for merging, or what to review first."""
    from rich.table import Table

    if review:
        _review(limit)
        return

    from graph.dialect import ENTITY_LABELS
    from ingest.normalize import merge_candidates as find_candidates

    if label is not None and label not in ENTITY_LABELS:
        raise _fail(f"--type {label!r} is not an entity type; use one of {', '.join(ENTITY_LABELS)}")
    query_text = (
        "MATCH (e:Entity) WHERE $label IS NULL OR e.label = $label "
        "RETURN e.key AS key, e.label AS label, e.name AS name, e.aliases AS aliases, e.paper_count AS papers "
        "ORDER BY papers DESC, name LIMIT $limit"
    )
    with _store() as store:
        rows = store.read(query_text, {"label": label, "limit": 1_000_000 if merge_candidates else limit}).rows
    if merge_candidates:
        table = Table("entity", "looks like", "similarity", "why")
        for candidate in find_candidates([tuple(r) for r in rows])[:limit]:
            table.add_row(*map(terminal_text, candidate.as_row()))
    else:
        table = Table("name", "type", "papers", "aliases", "key")
        for key, type_, name, aliases, papers in rows:
            table.add_row(*map(terminal_text, (name, type_, papers, ", ".join((aliases or [])[1:6]), key)))
    out.print(table)


def _review(limit: int) -> None:
    from ingest.review import uncertain

    with _store() as store:
        items = uncertain(store, limit)
    for item in items:
        out.print(terminal_text(f"{item.papers:>5}  {item.name} ({item.label}): {item.reason}  ->  {item.line}"), soft_wrap=True)
    if not items:
        out.print("nothing to review")


@fetch_cli.command("hf-daily")
def fetch_hf_daily(
    day: Optional[str] = typer.Option(None, "--date", help="One listing day, YYYY-MM-DD."),
    since: Optional[str] = typer.Option(None, "--since", help="First day of a range, YYYY-MM-DD."),
    until: Optional[str] = typer.Option(None, "--until", help="Last day of the range, YYYY-MM-DD (default: today)."),
    no_ingest: bool = typer.Option(False, "--no-ingest", help="Only download; `paperkg ingest` the files later."),
    model: str = typer.Option("fast", "--model", help="Extraction pipeline for the ingest: fast or accurate."),
    api_url: str = typer.Option("https://huggingface.co/api", "--api-url", help="API base URL (a mirror)."),
):
    """Hugging Face Daily Papers (its papers API), one JSON file per listing day."""
    from datetime import date

    from ingest.fetch import FetchError, fetch_hf_daily as download

    if (day is None) == (since is None) or (day and until):
        raise _fail("give either --date D, or --since D with an optional --until D")
    try:
        first = date.fromisoformat(day or since)
        last = date.fromisoformat(day or until) if (day or until) else date.today()
    except ValueError as error:
        raise _fail(f"dates are YYYY-MM-DD: {error}")
    try:
        report = download(first, last, api=api_url, on_day=lambda d: err.print(f"fetched {d}", highlight=False))
    except (FetchError, ValueError) as error:
        raise _fail(str(error))
    _after_fetch(report, no_ingest, model)


@fetch_cli.command("arxiv")
def fetch_arxiv(
    query_text: str = typer.Option(..., "--query", help="arXiv search, e.g. 'cat:cs.CL AND abs:retrieval' (newest first)."),
    max_results: int = typer.Option(100, "--max", help="At most this many papers (pages of 100, 3 s apart)."),
    no_ingest: bool = typer.Option(False, "--no-ingest", help="Only download; `paperkg ingest` the files later."),
    model: str = typer.Option("fast", "--model", help="Extraction pipeline for the ingest: fast or accurate."),
    api_url: str = typer.Option("https://export.arxiv.org/api/query", "--api-url", help="API URL (a mirror)."),
):
    """arXiv API search results, one Atom file per page of 100."""
    from ingest.fetch import FetchError, fetch_arxiv as download

    try:
        report = download(query_text, max_results=max_results, api=api_url,
                          on_page=lambda start: err.print(f"fetched results from {start}", highlight=False))
    except (FetchError, ValueError) as error:
        raise _fail(str(error))
    _after_fetch(report, no_ingest, model)


def _after_fetch(report, no_ingest: bool, model: str) -> None:
    out.print(f"downloaded {len(report.downloaded)} files ({report.papers} papers), "
              f"{len(report.skipped)} already there · in {report.files[0].parent if report.files else '-'}",
              highlight=False)
    if not no_ingest and report.files:
        # through the command line itself, so the ingest has every default and prints its summary
        typer.main.get_command(cli).main(["ingest", *map(str, report.files), "--model", model],
                                         standalone_mode=False)


@db_cli.command()
def start():
    """Start the embedded server (it starts by itself when needed, too)."""
    from graph.embedded import EmbeddedServer

    config = StoreConfig.from_env()
    _refuse_on_neo4j(config)
    info = EmbeddedServer(config.home).start()
    out.print(terminal_text(f"FalkorDB running on 127.0.0.1:{info.port} (pid {info.pid}), data in {config.home / 'falkordb'}"), highlight=False)


@db_cli.command()
def stop():
    """Stop the embedded server after saving; the data stays."""
    from graph.embedded import EmbeddedServer

    config = StoreConfig.from_env()
    _refuse_on_neo4j(config)
    stopped = EmbeddedServer(config.home).stop()
    out.print("stopped" if stopped else "not running")


@db_cli.command()
def status():
    """Which store is in use, where, and what it holds."""
    from ingest.run import IngestReport, fill_counts

    with _store() as store:
        report = IngestReport()
        fill_counts(store, report)
        out.print(terminal_text(store.describe()), highlight=False)
    out.print(f"papers {report.total_papers} · mentions {report.mentions}", highlight=False)
    for label, count in sorted(report.entities_by_label.items()):
        out.print(f"  {label:<10} {count}", highlight=False)


def _refuse_on_neo4j(config: StoreConfig) -> None:
    if config.backend == "neo4j":
        raise _fail("NEO4J_URI is set: paperkg uses that Neo4j server and manages no embedded one")


def main() -> None:
    try:
        cli()
    except KeyboardInterrupt:
        sys.exit(130)
