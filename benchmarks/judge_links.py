"""The paper links two builds of a graph disagree on, as a blind sheet for
people outside the team: did a change remove wrong links and add right ones?

    python benchmarks/judge_links.py sheet --before HOME_A --after HOME_B \\
        [--graph quality] [--seed 321] [--per-group 20] --out DIR
    python benchmarks/judge_links.py score JUDGED.tsv ...

A link is a paper and the entity it is linked to (its key). `sheet` draws,
with one generator seeded by `--seed`, `--per-group` links removed (in the
first graph, not the second) whose entity is visible, as many whose entity
is a candidate, and the same for links added; shuffles them; and writes
DIR/sheet.md (per link: the paper's title, the evidence sentence as the app
shows it, the node's name and type; third-party text: keep DIR outside the
repository) and DIR/key.tsv (which link is which, for scoring). The judges
are told what the five types are and write key, verdict (right,
wrong_entity, fragment, wrong_type, not_entity), correct_type, note.

A judged file is key.tsv with a judge's verdict, correct_type and note
appended to each line (`benchmarks/judgements/judge-*-changed-links*.tsv`).
`score` prints, per group (removed, added) and per visibility, the share of
links each judged file finds right, with its 95 % Wilson interval.
"""
from __future__ import annotations

import argparse
import csv
import os
import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.judge_sample import wilson  # noqa: E402
from graph import StoreConfig, open_store, settings  # noqa: E402
from ingest.text import display_text  # noqa: E402

LINKS = """MATCH (p:Paper)-[m:MENTIONS]->(e:Entity)
RETURN p.id AS paper, p.title AS title, e.key AS key, e.name AS name, e.label AS label,
       m.evidence AS evidence, e.confidence AS confidence"""


def read_links(home: str, graph: str) -> dict[tuple[str, str], dict]:
    os.environ["PAPERKG_HOME"], os.environ["PAPERKG_GRAPH"] = home, graph
    store = open_store(StoreConfig.from_env())
    return {(row["paper"], row["key"]): dict(row) for row in store.read(LINKS).records()}


def draw(links: list[dict], rng: random.Random, per_group: int) -> list[dict]:
    visible = [link for link in links if (link["confidence"] or 0) >= settings.MIN_CONFIDENCE]
    candidates = [link for link in links if (link["confidence"] or 0) < settings.MIN_CONFIDENCE]
    return rng.sample(visible, min(per_group, len(visible))) + rng.sample(candidates, min(per_group, len(candidates)))


def sheet(args: argparse.Namespace) -> None:
    before, after = read_links(args.before, args.graph), read_links(args.after, args.graph)
    removed = [before[k] for k in sorted(before) if k not in after]
    added = [after[k] for k in sorted(after) if k not in before]
    rng = random.Random(args.seed)
    items = [("removed", link) for link in draw(removed, rng, args.per_group)]
    items += [("added", link) for link in draw(added, rng, args.per_group)]
    rng.shuffle(items)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    lines, keys = ["# Links to judge\n"], ["key\tgroup\tvisible\tpaper\tname\ttype"]
    for i, (group, link) in enumerate(items, 1):
        key = f"L{i:02d}"
        lines.append(f"## {key}\n- paper title: {display_text(link['title'] or '')}\n"
                     f"- node: **{link['name']}** ({link['label']})\n- evidence: {display_text(link['evidence'] or '')}\n")
        visible = int((link["confidence"] or 0) >= settings.MIN_CONFIDENCE)
        keys.append(f"{key}\t{group}\t{visible}\t{link['paper']}\t{link['name']}\t{link['label']}")
    (out / "sheet.md").write_text("\n".join(lines), encoding="utf-8")
    (out / "key.tsv").write_text("\n".join(keys) + "\n", encoding="utf-8")
    print(f"{len(removed)} links removed, {len(added)} added; {len(items)} drawn to {out}/sheet.md")


def score(args: argparse.Namespace) -> None:
    for path in args.judged:
        with open(path, encoding="utf-8") as stream:
            rows = list(csv.DictReader(stream, delimiter="\t"))
        right, total = Counter(), Counter()
        for row in rows:
            for stratum in (row["group"], f"{row['group']}, {'visible' if row['visible'] == '1' else 'candidate'}"):
                total[stratum] += 1
                right[stratum] += row["verdict"] == "right"
        print(path)
        for stratum in sorted(total, key=lambda s: (not s.startswith("removed"), s)):
            low, high = wilson(right[stratum], total[stratum])
            print(f"  {stratum:<22} right {right[stratum]:>3}/{total[stratum]:<3} {right[stratum] / total[stratum]:6.1%}"
                  f" [{low:.1%}, {high:.1%}]")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    make = commands.add_parser("sheet", help="draw links two graphs disagree on into a blind sheet")
    make.add_argument("--before", required=True, help="PAPERKG_HOME of the first graph")
    make.add_argument("--after", required=True, help="PAPERKG_HOME of the second graph")
    make.add_argument("--graph", default="quality", help="graph name in both homes (bench_graph_quality: quality)")
    make.add_argument("--seed", type=int, default=321)
    make.add_argument("--per-group", type=int, default=20, help="links per group (removed, added) and visibility")
    make.add_argument("--out", required=True, help="directory for sheet.md and key.tsv, outside the repository")
    judged = commands.add_parser("score", help="right share per group of judged links")
    judged.add_argument("judged", nargs="+", help="key.tsv lines with a judge's verdict, correct_type, note appended")
    args = parser.parse_args()
    sheet(args) if args.command == "sheet" else score(args)


if __name__ == "__main__":
    main()
