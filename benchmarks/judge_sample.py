"""A seeded random sample of a graph's entities and co-occurrence links, as
TSV for a person to judge (issue 8: "judged by people outside the team, on
a random sample too").

    PAPERKG_HOME=/work/graphs/s15/home-40717 PAPERKG_GRAPH=bench \\
        python benchmarks/judge_sample.py --seed 16 > /tmp/judge-sample.tsv

Strata, each drawn with its own generator seeded by `--seed` and the
stratum's name (changing one size leaves the others' draws alone), from
entities sorted by key:

* `uniform:<Type>`: `--uniform` visible entities of each type (confidence
  at or above `graph.settings.MIN_CONFIDENCE`, what top lists and the canvas
  show), without replacement, each entity equally likely;
* `unjudged:<Type>`: with `--unjudged DIR`, the uniform stratum drawn only
  from visible entities that no judged file in DIR has a verdict on (by key
  and type): what the rules do on names no judge has read;
* `weighted:<Type>`: `--weighted` draws of visible entities of each type
  with replacement, each draw proportional to the entity's paper count (what
  a user meets): the share judged correct estimates the paper-weighted
  precision, so an entity drawn twice counts twice;
* `top:<Type>`: the `--top` entities of each type the app's top lists show
  (`graph.views.top_entities`, by papers): the issue's "top 40 per type";
* `candidate`: `--candidates` entities below the threshold, any type;
* `link`: `--links` CO_OCCURS edges between visible entities, each edge
  equally likely (an endpoint drawn by its visible degree, then one of its
  edges);
* `collision`: display names that fold to the same string (case, a plural
  "s", punctuation and spacing ignored) among visible entities.

Columns: stratum, key, name, type, papers, confidence, kb_id, aliases,
variant_of, evidence. The evidence is a sentence of the paper text stored on
the MENTIONS link (for a link: the title of a paper mentioning both),
trimmed to `--trim` characters. It is third-party text: print it to stdout
or a file outside the repository, never commit it.

A judged file (`benchmarks/judgements/*.tsv`: stratum, key, name, type,
papers, draws, verdict, correct_type, category, note; a weighted entity drawn
k times is one row with draws = k) is summarised with `--score FILE`: per
stratum the acceptable share (correct + swap; for candidates the real
entities a threshold hid; for links the meaningful ones) with its 95 % Wilson
interval and the count of each verdict. `--recheck FILE` reads the judged
entities' confidence in the graph of the environment (after a rescoring, say)
and prints which ones are hidden or retyped now and the shares on those still
visible:

    python benchmarks/judge_sample.py --score benchmarks/judgements/judge-40k-s17.tsv
    PAPERKG_HOME=... PAPERKG_GRAPH=bench \
        python benchmarks/judge_sample.py --recheck benchmarks/judgements/judge-40k-s17.tsv

`--sweep DIR` reads every judged file in DIR and lists the visible entities
of the graph (matched by key and type) that their verdicts mostly reject:
at least SWEEP_MIN_REJECTING rejecting verdicts, and SWEEP_RATIO times the
accepting ones. Each line: papers, key, name, type, the verdicts (a wrong
type with the type the judges gave), one judge's note:

    PAPERKG_HOME=... python benchmarks/judge_sample.py --sweep benchmarks/judgements
"""
from __future__ import annotations

import argparse
import csv
import glob
import math
import os
import random
import re
import sys
from collections import defaultdict
from dataclasses import dataclass

from graph import StoreConfig, open_store, settings, views
from ingest.normalize import alias_key

TYPES = ("Method", "Dataset", "Benchmark", "Task", "Metric")
COLUMNS = ("stratum", "key", "name", "type", "papers", "confidence", "kb_id", "aliases", "variant_of", "evidence")

ENTITIES = """
MATCH (e:Entity)
RETURN e.key AS key, e.name AS name, e.label AS label, e.paper_count AS papers, e.confidence AS confidence
"""
DETAILS = """
UNWIND $keys AS k
MATCH (e:Entity {key: k})
OPTIONAL MATCH (e)-[:VARIANT_OF]->(base:Entity)
RETURN e.key AS key, e.kb_id AS kb_id, e.aliases AS aliases, collect(base.name) AS variant_of
"""
# Papers in id order, so the same graph gives the same evidence.
EVIDENCE = """
MATCH (p:Paper)-[m:MENTIONS]->(e:Entity {key: $key})
RETURN m.evidence AS evidence ORDER BY p.id LIMIT $n
"""
DEGREES = """
MATCH (a:Entity)-[:CO_OCCURS]-(b:Entity)
WHERE a.confidence >= $min AND b.confidence >= $min
RETURN a.key AS key, count(b) AS degree
"""
EDGES_OF = """
MATCH (a:Entity {key: $key})-[c:CO_OCCURS]-(b:Entity)
WHERE b.confidence >= $min
RETURN b.key AS other, c.papers AS papers ORDER BY other
"""
SHARED_PAPER = """
MATCH (a:Entity {key: $a})<-[:MENTIONS]-(p:Paper)-[:MENTIONS]->(b:Entity {key: $b})
RETURN p.title AS title ORDER BY p.id LIMIT 1
"""


@dataclass(frozen=True)
class Entity:
    key: str
    name: str
    label: str
    papers: int
    confidence: float

    @property
    def visible(self) -> bool:
        return self.confidence >= settings.MIN_CONFIDENCE


@dataclass(frozen=True)
class Draw:
    stratum: str
    entity: Entity


def load_entities(store) -> list[Entity]:
    rows = store.read(ENTITIES).records()
    entities = [Entity(r["key"], r["name"] or "", r["label"] or "", int(r["papers"] or 0),
                       float(r["confidence"] if r["confidence"] is not None else 1.0)) for r in rows]
    return sorted(entities, key=lambda e: e.key)


def draw_entities(entities: list[Entity], seed: int, uniform: int, weighted: int, candidates: int,
                  judged: frozenset[tuple[str, str]] | None = None) -> list[Draw]:
    """With `judged` (keys and types with verdicts on file), the uniform
    stratum draws only the visible entities outside it, as `unjudged:<Type>`."""
    draws: list[Draw] = []
    for label in TYPES:
        visible = [e for e in entities if e.visible and e.label == label]
        uniform_from, stratum = visible, "uniform"
        if judged is not None:
            uniform_from, stratum = [e for e in visible if (e.key, label) not in judged], "unjudged"
        rng = random.Random(f"{seed}:{stratum}:{label}")
        draws += [Draw(f"{stratum}:{label}", e) for e in rng.sample(uniform_from, min(uniform, len(uniform_from)))]
        rng = random.Random(f"{seed}:weighted:{label}")
        if visible:
            chosen = rng.choices(visible, weights=[max(e.papers, 1) for e in visible], k=weighted)
            draws += [Draw(f"weighted:{label}", e) for e in chosen]
    hidden = [e for e in entities if not e.visible]
    rng = random.Random(f"{seed}:candidate")
    draws += [Draw("candidate", e) for e in rng.sample(hidden, min(candidates, len(hidden)))]
    return draws


def draw_links(store, seed: int, links: int) -> list[tuple[str, str, int]]:
    minimum = settings.MIN_CONFIDENCE
    degrees = sorted((r["key"], int(r["degree"])) for r in store.read(DEGREES, {"min": minimum}).records())
    if not degrees:
        return []
    rng = random.Random(f"{seed}:link")
    chosen: list[tuple[str, str, int]] = []
    seen: set[frozenset[str]] = set()
    while len(chosen) < links and len(seen) < sum(d for _, d in degrees) // 2:
        (key, _), = rng.choices(degrees, weights=[d for _, d in degrees])
        edges = store.read(EDGES_OF, {"key": key, "min": minimum}).records()
        edge = rng.choice(edges)
        pair = frozenset((key, edge["other"]))
        if pair not in seen:
            seen.add(pair)
            chosen.append((key, edge["other"], int(edge["papers"] or 0)))
    return chosen


def fold(name: str) -> str:
    """Case, spacing and punctuation ignored, and a plural "s" (LLMs, strategies' "s"), but not a size
    suffix (ViT-S, YOLOv8s) nor a "+" (ControlNet++ is another model)."""
    plural = re.search(r"(?<=[A-Z])s$|(?<=[a-z]{3})s$", name) is not None
    folded = re.sub(r"[^0-9a-z+]+", "", name.casefold())
    return folded[:-1] if plural else folded


def collisions(entities: list[Entity]) -> list[list[Entity]]:
    groups: dict[str, list[Entity]] = defaultdict(list)
    for e in entities:
        if e.visible:
            groups[fold(e.name)].append(e)
    return [group for _, group in sorted(groups.items()) if len(group) > 1]


ACCEPTABLE = {"correct", "swap", "meaningful"}
DATA_TYPES = {"Dataset", "Benchmark"}  # a data set typed the other of these is a swap, acceptable
VERDICTS = ("correct", "swap", "wrong_type", "not_entity", "merged_wrongly", "duplicate", "meaningful", "not_meaningful")
CURRENT = """
UNWIND $keys AS k
MATCH (e:Entity {key: k})
RETURN e.key AS key, e.name AS name, e.label AS label, e.paper_count AS papers, e.confidence AS confidence
"""
# A judged entity whose key a later release changed ("dialogue generation" keyed
# "dialoggeneration", DP-SGD under its long form) is the entity its name now
# keys to, or failing that the one in most papers writing the name. Not one
# judged a duplicate: gone, it has joined the entity it duplicated.
RENAMED = """
MATCH (e:Entity) WHERE e.key = $key OR $name IN e.aliases
RETURN e.key AS key ORDER BY e.key = $key DESC, e.paper_count DESC LIMIT 1
"""


def wilson(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    if n == 0:
        return 0.0, 0.0
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return centre - half, centre + half


def judged_rows(path: str) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as stream:
        return [r for r in csv.DictReader(stream, delimiter="\t") if r["stratum"] != "collision"]


def score_lines(rows: list[dict[str, str]]) -> list[str]:
    """Per stratum: acceptable draws / draws [Wilson 95 %], then the count of each verdict."""
    by_stratum: dict[str, list[dict[str, str]]] = defaultdict(list)
    for r in rows:
        by_stratum[r["stratum"]].append(r)
    lines = []
    for stratum, group in sorted(by_stratum.items()):
        tally: dict[str, int] = defaultdict(int)
        for r in group:
            tally[r["verdict"]] += int(r.get("draws") or 1)
        n = sum(tally.values())
        k = sum(c for v, c in tally.items() if v in ACCEPTABLE)
        low, high = wilson(k, n)
        shown = ", ".join(f"{v} {tally[v]}" for v in (*VERDICTS, *sorted(set(tally) - set(VERDICTS))) if tally[v])
        lines.append(f"{stratum:<20} {k:>3}/{n:<3} {k / n if n else 0:6.1%} [{low:.1%}, {high:.1%}]  {shown}")
    return lines


def recheck(store, rows: list[dict[str, str]]) -> None:
    """The judged entities as the graph holds them now: hidden, retyped or renamed ones listed (an
    entity whose key changed followed to its new one, `RENAMED`), and the
    shares on the rows still visible (a link counts while both its ends are). An entity now typed as the
    judge said it should be has left its stratum: it is counted apart as retyped right."""
    keys = sorted({k for r in rows for k in r["key"].split(" || ")})
    now = {r["key"]: r for r in store.read_batched(CURRENT, "keys", keys).records()}
    renamed = {}
    for r in rows:
        if r["stratum"] != "link" and r["verdict"] != "duplicate" and r["key"] not in now and r["key"] not in renamed:
            found = store.read(RENAMED, {"key": alias_key(r["name"]), "name": r["name"]}).rows
            if found:
                renamed[r["key"]] = found[0][0]
    followed = {r["key"]: r for r in store.read_batched(CURRENT, "keys", sorted(set(renamed.values()))).records()}
    now.update({old: followed[new] for old, new in renamed.items() if new in followed})
    still: list[dict[str, str]] = []
    fixed = 0
    for r in rows:
        ends = [now.get(k) for k in r["key"].split(" || ")]
        visible = all(e is not None and (e["confidence"] or 0) >= settings.MIN_CONFIDENCE for e in ends)
        changes = [f"gone {k}" for k, e in zip(r["key"].split(" || "), ends) if e is None]
        changes += [f"key {r['key']} -> {renamed[r['key']]}"] if r["key"] in renamed else []
        changes += [f"confidence {e['confidence']:.2f}" for e in ends if e is not None and not visible]
        if r["stratum"] != "link" and ends[0] is not None:
            e = ends[0]
            changes += [f"type {r['type']} -> {e['label']}"] if e["label"] != r["type"] else []
            changes += [f"name {r['name']!r} -> {e['name']!r}"] if e["name"] != r["name"] else []
        if r["stratum"] == "candidate" and visible:
            changes.append("now visible")
        if changes:
            print(f"{r['stratum']}\t{r['key']}\t{r['name']}\t{r['verdict']}\t{'; '.join(changes)}")
        label = ends[0]["label"] if r["stratum"] != "link" and ends[0] is not None else None
        retyped_right = label not in (None, r["type"]) and (label == r["correct_type"] or {label, r["correct_type"]} <= DATA_TYPES)
        if retyped_right:
            fixed += 1
        elif None not in ends and visible == (r["stratum"] != "candidate"):
            still.append(r)
    print(f"\nretyped as the judge said: {fixed}")
    print("still in their stratum (visible; candidates: still hidden):")
    print("\n".join(score_lines(still)))


# What a sweep lists (session 65): a verdict or two that one judge gave on
# an entity that has changed since is no finding; two rejecting verdicts and
# twice the accepting ones is where judges agree on the thing as it was.
SWEEP_MIN_REJECTING = 2
SWEEP_RATIO = 2
VISIBLE_ENTITIES = """
MATCH (e:Entity) WHERE e.confidence >= $min
RETURN e.key AS key, e.label AS label, e.name AS name, e.paper_count AS papers
"""


def verdicts_on_file(folder: str) -> dict[tuple[str, str], list[dict[str, str]]]:
    """The judged entity rows of every judged file in `folder`, by (key, type)."""
    found: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    for path in sorted(glob.glob(os.path.join(folder, "*.tsv"))):
        with open(path, encoding="utf-8", newline="") as stream:
            reader = csv.DictReader(stream, delimiter="\t")
            if not {"stratum", "key", "type", "verdict"} <= set(reader.fieldnames or ()):
                continue  # another kind of judgement (links, lists, spans)
            for r in reader:
                if r["stratum"] not in ("link", "collision") and r["verdict"] in VERDICTS:
                    found[(r["key"], r["type"])].append(r)
    return found


def sweep(store, folder: str) -> None:
    on_file = verdicts_on_file(folder)
    listed = []
    for e in store.read(VISIBLE_ENTITIES, {"min": settings.MIN_CONFIDENCE}).records():
        rows = on_file.get((e["key"], e["label"]), [])
        rejecting = [r for r in rows if r["verdict"] not in ACCEPTABLE]
        if len(rejecting) >= SWEEP_MIN_REJECTING and len(rejecting) >= SWEEP_RATIO * (len(rows) - len(rejecting)):
            tally: dict[str, int] = defaultdict(int)
            for r in rows:
                tally[r["verdict"] + (f":{r.get('correct_type') or ''}" if r["verdict"] == "wrong_type" else "")] += 1
            shown = ", ".join(f"{v} {n}" for v, n in sorted(tally.items(), key=lambda item: -item[1]))
            listed.append((e["papers"], e["key"], e["name"], e["label"], shown, rejecting[0].get("note") or ""))
    for line in sorted(listed, key=lambda item: (-item[0], item[1])):
        print(*line, sep="\t")
    print(f"{len(listed)} visible entities that their verdicts on file mostly reject", file=sys.stderr)


def trim(text: str | None, limit: int) -> str:
    flat = " ".join((text or "").split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--uniform", type=int, default=40, help="visible entities per type, uniform")
    parser.add_argument("--weighted", type=int, default=40, help="draws per type, by paper count")
    parser.add_argument("--top", type=int, default=0, help="the top-N of each type as the app lists them")
    parser.add_argument("--candidates", type=int, default=50, help="below-threshold entities")
    parser.add_argument("--links", type=int, default=30, help="CO_OCCURS edges between visible entities")
    parser.add_argument("--evidence", type=int, default=1, help="evidence sentences per entity (one row each)")
    parser.add_argument("--trim", type=int, default=200, help="characters of evidence kept")
    parser.add_argument("--no-collisions", action="store_true", help="skip the display-name collision check")
    parser.add_argument("--score", metavar="FILE", help="summarise a judged TSV (no graph needed)")
    parser.add_argument("--recheck", metavar="FILE", help="a judged TSV's entities in the graph now")
    parser.add_argument("--unjudged", metavar="DIR", help="draw the uniform stratum only from visible entities "
                        "without a verdict in the judged TSVs in DIR (stratum unjudged:<Type>)")
    parser.add_argument("--sweep", metavar="DIR", help="visible entities that the judged TSVs in DIR mostly reject")
    args = parser.parse_args()

    if args.score:
        print("\n".join(score_lines(judged_rows(args.score))))
        return
    if args.recheck:
        with open_store(StoreConfig.from_env(), setup=False) as store:
            recheck(store, judged_rows(args.recheck))
        return
    if args.sweep:
        with open_store(StoreConfig.from_env(), setup=False) as store:
            sweep(store, args.sweep)
        return

    out = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    out.writerow(COLUMNS)
    with open_store(StoreConfig.from_env(), setup=False) as store:
        entities = load_entities(store)
        by_key = {e.key: e for e in entities}
        judged = frozenset(verdicts_on_file(args.unjudged)) if args.unjudged else None
        draws = draw_entities(entities, args.seed, args.uniform, args.weighted, args.candidates, judged)
        draws += [Draw(f"top:{label}", by_key[e.key]) for label in TYPES for e in views.top_entities(store, label, args.top)]
        details = {r["key"]: r for r in store.read_batched(DETAILS, "keys", sorted({d.entity.key for d in draws})).records()}
        for d in draws:
            e, info = d.entity, details.get(d.entity.key, {})
            sentences = store.read(EVIDENCE, {"key": e.key, "n": args.evidence}).records() or [{"evidence": ""}]
            for s in sentences:
                out.writerow((d.stratum, e.key, e.name, e.label, e.papers, f"{e.confidence:.2f}", info.get("kb_id") or "",
                              " | ".join((info.get("aliases") or [])[:6]), " | ".join(info.get("variant_of") or []),
                              trim(s["evidence"], args.trim)))
        for a, b, papers in draw_links(store, args.seed, args.links):
            ea, eb = by_key[a], by_key[b]
            title = store.scalar(SHARED_PAPER, {"a": a, "b": b})
            out.writerow(("link", f"{a} || {b}", f"{ea.name} || {eb.name}", f"{ea.label}-{eb.label}", papers,
                          f"{min(ea.confidence, eb.confidence):.2f}", "", "", "", trim(title, args.trim)))
        if not args.no_collisions:
            for group in collisions(entities):
                out.writerow(("collision", " || ".join(e.key for e in group), " || ".join(e.name for e in group),
                              " || ".join(e.label for e in group), sum(e.papers for e in group), "", "", "", "", ""))


if __name__ == "__main__":
    main()
