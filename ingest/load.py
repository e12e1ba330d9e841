"""Loading: records → extraction → entity links → the graph, one batch of
papers at a time.

A batch goes through three steps:

1. `Loader.plan` merges each record with the stored paper (or with the copy
   an earlier batch still being written holds) under the one identity and
   merge policy of `ingest.dedupe` (a paper with an arXiv id or DOI retires
   the stored title-keyed node of its title in its batch's statement)
   and sorts the papers into unchanged (nothing written), changed outside
   their text and setup (properties written), and to extract (text or
   extraction setup changed, or new);
2. the caller extracts the texts of the last group, and `Loader.resolve`
   turns them into entity links;
3. `Loader.write` writes the batch with ONE statement (`WRITE_BATCH`).

Crash-safe by construction: a batch is written by one statement, atomic on
FalkorDB and Neo4j, which also sets each paper's done-marker (`record_hash`
and `extraction_id`, see ingest.fingerprint). Interrupted anywhere, the graph holds whole batches
only, and a rerun plans the unwritten ones exactly as the first run did.
The statement is idempotent too, so a retry after a lost reply is harmless.

Incremental by construction: entity properties are kept as tallies (paper
and mention counts, label votes, surface-form weights, first/last seen) that
a batch adjusts by what its papers add and take back; co-occurrence is
adjusted per paper. Nothing is recomputed over all of an entity's papers,
except first/last seen when a paper holding that date is taken back.
"""
from __future__ import annotations

import hashlib
import json
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field, fields
from typing import Callable, Iterable, Mapping, Sequence

from graph import queries
from graph.batches import batched
from graph.dialect import ENTITY_LABELS
from graph.schema import NODE_LABEL
from graph.settings import MIN_CONFIDENCE
from graph.store import GraphStore
from ingest import kb, variants
from ingest.confidence import (UMBRELLA_LABELS, UMBRELLA_MIN_PAPERS, Evidence, common_modifiers, confidence, defined,
                               defined_once, described, field_reading, glued_apart, modifier_phrase, name_shaped,
                               needs_third_paper, no_kb_evidence, umbrella_keys, unnamed_task, unused_measure)
from ingest.corpus_labels import campaign_task, corpus_label, known_task_kind, label_agreement, same_kind
from ingest.curation import Curation
from ingest.dates import month_index
from ingest.dedupe import PaperIndex, is_title_keyed
from ingest.faults import kill_point
from ingest.fingerprint import confidence_rules_id
from ingest.identity import title_hash
from ingest.mentions import EntityLink, ExtractedDoc
from ingest.normalize import (ACRONYM_SHAPE, PaperReading, Sense, alias_key, alias_keys_of, display_name, follows_words,
                              names_as_task, names_own_work, paired_acronyms, papers_defining, read_again,
                              recased, resolve, title_defined_elsewhere, uses_as_measure)
from ingest.records import PaperRecord
from ingest.text import paper_text

READ_BATCH = 500  # ids or keys per read


@dataclass
class LoadSummary:
    papers_new: int = 0
    papers_updated: int = 0
    papers_unchanged: int = 0
    papers_extracted: int = 0

    def add(self, other: "LoadSummary") -> None:
        for name in ("papers_new", "papers_updated", "papers_unchanged", "papers_extracted"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


# What a paper says: every field but where it was read from.
_SAID = tuple(f.name for f in fields(PaperRecord) if f.name != "sources")


def record_hash(record: PaperRecord) -> str:
    """The digest of what `record` says, stored on its paper: equal digests,
    equal records but for their sources. (The same JSON as `asdict` gives,
    without its deep copy: tuples serialise as lists either way.)"""
    said = {name: getattr(record, name) for name in _SAID}
    return hashlib.sha1(json.dumps(said, sort_keys=True).encode()).hexdigest()[:16]


@dataclass
class BatchPlan:
    """What one batch writes: `papers` (merged records, in input order) of
    which `to_extract` need their links replaced."""

    papers: list[PaperRecord] = field(default_factory=list)
    to_extract: list[PaperRecord] = field(default_factory=list)
    retired: list[str] = field(default_factory=list)  # title-keyed papers merged into one of `papers`
    summary: LoadSummary = field(default_factory=LoadSummary)


# How `Contribution.coiner` writes a paper's authors: as one string, so an
# entity stores them as a list property (readable in an export).
AUTHOR_SEPARATOR = "; "
UNKNOWN_AUTHORS = "title: "


@dataclass(frozen=True)
class Contribution:
    """What one paper's link adds to (or, taken back, removes from) its entity."""

    key: str
    label: str  # node label, e.g. "Method"
    surfaces: tuple[str, ...]
    count: int
    published: str | None
    title: str | None = None  # the paper's, for `names_own_work` and `names_as_task`
    evidence: str | None = None  # the sentence the link stores (`normalize._evidence`), for `names_as_task`
    authors: tuple[str, ...] = ()  # the paper's, to tell one work's papers from another's (`EntityTally.coined`)

    @classmethod
    def stored(cls, row) -> "Contribution":
        """A stored link, read by `queries.STORED_LINKS` or `queries.ENTITY_MENTIONS` (the same columns)."""
        return cls(row["key"], row["label"], tuple(row["surfaces"] or ()), row["count"], row["published"], row["title"],
                   row["evidence"], tuple(row["authors"] or ()))

    def names_own_work(self) -> bool:
        """The paper names its own work so, in its title or its abstract (`normalize.names_own_work`)."""
        return names_own_work(self.title, self.evidence, self.surfaces)

    def coiner(self) -> str:
        """Who names a work here, for `EntityTally.coiners`: the paper's authors, or its title where none are known."""
        return AUTHOR_SEPARATOR.join(sorted(self.authors)) if self.authors else f"{UNKNOWN_AUTHORS}{self.title or ''}"


@dataclass
class EntityTally:
    """An entity's stored counts, from which every derived property follows."""

    key: str
    papers: int = 0
    mentions: int = 0
    labels: Counter = field(default_factory=Counter)
    surfaces: Counter = field(default_factory=Counter)
    definitions: Counter = field(default_factory=Counter)  # papers pairing each acronym form with its long form
    # The papers that name their own work so, in the title or the abstract
    # (`normalize.names_own_work`), by their `Contribution.coiner`.
    coiners: Counter = field(default_factory=Counter)
    task_named: int = 0  # papers that name it as a task (`names_as_task`)
    measure_used: int = 0  # papers that use it as a measure (`uses_as_measure`)
    first_seen: str | None = None
    last_seen: str | None = None
    dates_lost: bool = False  # a paper dated first_seen or last_seen was taken back
    stored_confirmed: bool | None = None  # stored at or above MIN_CONFIDENCE (None: not stored)
    umbrella: bool = False  # an umbrella term of the graph (`mark_umbrellas`)
    coined_elsewhere: int = 0  # other entities' papers whose titles coin its name (`mark_coined_elsewhere`)
    used_apart: bool = False  # other authors meant something else by the name (`mark_used_apart`)
    modifier_phrase: bool = False  # one paper's letters for a common modifier's phrase (`mark_modifier_phrases`)

    def add(self, item: Contribution, sign: int = 1) -> None:
        self.papers += sign
        self.mentions += sign * item.count
        self.labels[item.label] += sign
        for rank, surface in enumerate(item.surfaces):
            # The paper's most frequent form counts fully, its other forms a little,
            # so a long form spelled out once does not outvote the usual acronym.
            self.surfaces[surface] += sign * (item.count if rank == 0 else 1)
        for surface in paired_acronyms(item.surfaces):
            self.definitions[surface] += sign
        if item.names_own_work():
            self.coiners[item.coiner()] += sign
        if names_as_task(item.title, item.evidence, item.surfaces):
            self.task_named += sign
        if uses_as_measure(item.evidence, item.surfaces):
            self.measure_used += sign
        if item.published and sign > 0:
            self.first_seen = min(filter(None, (self.first_seen, item.published)))
            self.last_seen = max(filter(None, (self.last_seen, item.published)))
        elif item.published and item.published in (self.first_seen, self.last_seen):
            self.dates_lost = True
        if sign < 0:  # drop labels and forms no paper uses any more
            self.labels, self.surfaces, self.definitions, self.coiners = \
                +self.labels, +self.surfaces, +self.definitions, +self.coiners

    @property
    def coined(self) -> int:
        """How many works its papers name so: papers that share an author
        name one work (a paper and its extended version, a data set and the
        authors' next paper on it: "Diffusion-4K", "MusWikiDB"), so two of
        them are no two things (`confidence.COINED_TWICE_RULE`)."""
        works: list[set[str]] = []
        for coiner in self.coiners:
            authors = {coiner} if coiner.startswith(UNKNOWN_AUTHORS) else set(filter(None, coiner.split(AUTHOR_SEPARATOR)))
            shared = [work for work in works if self.one_group(work, authors)]
            works = [work for work in works if work not in shared] + [authors.union(*shared)]
        return len(works)

    # One author in common is a group's mark where the lists are short (a data
    # set's four authors and their next paper), not among a hundred: "TTRL" of a
    # 107-author report shared one name with the 10 authors of the TTRL paper,
    # and two GraphRAG-Bench papers of 7 and 8 authors one common name; both
    # judges of session 52 and 53's samples found each two works.
    GROUP_SHARE = 1 / 5  # of the shorter list, or two names

    @classmethod
    def one_group(cls, first: set[str], second: set[str]) -> bool:
        shared = len(first & second)
        return shared >= 2 or shared >= 1 and shared >= cls.GROUP_SHARE * min(len(first), len(second))

    def alias_keys(self) -> set[str]:
        """The names that lead to this entity from other keys (`normalize.alias_keys_of`),
        but for its own versions and variants: one paper's "generative pre-trained
        transformer (GPT-3.5-turbo)" linked that form to GPT, and GPT's claim on
        it then took GPT-3.5 Turbo's 37 papers of the 40k graph whenever they were
        read after it (all of them in a re-extraction). A version keeps its own
        entity and hangs under its base by a VARIANT_OF link."""
        own = [surface for surface in sorted(self.surfaces, key=lambda s: (-self.surfaces[s], s))
               if self.key not in variants.base_keys(surface)]
        return alias_keys_of(self.key, own, self.definitions)


def entity_properties(tally: EntityTally, curated_label: str | None = None, kept: bool = False) -> tuple[str, dict]:
    """(node label, stored properties) of an entity, all derived from its tally
    (and a label the curation file forces, which overrules the knowledge base too,
    and whether the file keeps it).
    Properties derived from an entity belong here and nowhere else."""
    aliases = sorted(tally.surfaces, key=lambda s: (-tally.surfaces[s], s))
    alias_keys = sorted(tally.alias_keys())
    defining = papers_defining(tally.definitions)
    defining_papers = min(tally.papers, sum(tally.definitions.values()))  # papers writing it as "Long Form (LF)"
    entry = kb.lookup_key(tally.key)  # the knowledge base's name and type for a name it knows
    if entry is not None and no_kb_evidence(entry, aliases):
        entry = None
    forced_label = curated_label or ("Benchmark" if campaign_task(aliases) else None)
    label = forced_label or corpus_label(tally.labels, entry and NODE_LABEL[entry.label], entry is not None and entry.curated)
    if label == "Method" and forced_label is None and entry is None and known_task_kind(aliases):
        forced_label = label = "Task"  # the name forces it (KIND_OF_KNOWN_TASK_RULE)
    if entry is not None and forced_label is None and not same_kind(label, NODE_LABEL[entry.label]):
        # The papers outvoted the knowledge base's type: it knows another sense
        # of the name (a leaderboard's task heading "Multimodal", 173 papers on
        # the 40k graph read as a Method; its metric column "Joint", read into
        # "joint framework"), which is no evidence for this one.
        entry = None
    name = display_name(tally.surfaces, entry and entry.name, tally.key) or tally.key
    ability = needs_third_paper(name, label, aliases, entry is not None)
    evidence = Evidence(entry is not None, tally.papers, label_agreement(tally.labels, label), defined(aliases), name_shaped(name),
                        field_reading(tally.key, label, name),
                        described(name, label, aliases, entry is not None, defining_papers, tally.papers), tally.umbrella,
                        tally.coined, forced_label is not None, kept, ability,
                        unnamed_task(label, tally.task_named, entry is not None, forced_label is not None, ability, tally.papers),
                        unused_measure(name, label, aliases, tally.measure_used, entry is not None, forced_label is not None),
                        coined_elsewhere=tally.coined_elsewhere, used_apart=tally.used_apart,
                        glued_apart=glued_apart(aliases, tally.papers, entry is not None),
                        modifier_phrase=tally.modifier_phrase and defined_once(label, entry is not None, defining_papers))
    return label, {
        **variants.name_properties(name),
        "aliases": aliases,
        "paper_count": tally.papers,
        "mention_count": tally.mentions,
        "first_seen": tally.first_seen,
        "last_seen": tally.last_seen,
        "search_text": " | ".join(aliases),
        "kb_id": entry and entry.kb_id,
        "umbrella": tally.umbrella,
        "coined_elsewhere": tally.coined_elsewhere or None,
        "used_apart": tally.used_apart or None,
        "modifier_phrase": tally.modifier_phrase or None,
        "confidence": confidence(evidence),
        "confidence_rules": confidence_rules_id(),
        "kept": kept or None,
        "label_forced": forced_label is not None or None,
        # bookkeeping: the tally itself, and the names that lead here from another key
        "label_votes": [tally.labels[label] for label in ENTITY_LABELS],
        "alias_weights": [tally.surfaces[alias] for alias in aliases],
        "alias_definitions": [tally.definitions[alias] for alias in aliases],
        "coined_papers": tally.coined,
        "coining_authors": sorted(tally.coiners.elements()) or None,
        "defining_papers": defining_papers,
        "task_named_papers": tally.task_named,
        "measure_used_papers": tally.measure_used,
        "alias_keys": alias_keys or None,
        "alias_key_definitions": [defining[alias] for alias in alias_keys] or None,  # papers defining each
        "acronyms": [alias for alias in aliases if ACRONYM_SHAPE.match(alias)] or None,  # as written (CASE_SHAPE_RULE)
    }


# A stored entity's claims: (key, alias keys, papers, node label, papers defining each alias key, its acronyms as written).
ClaimRow = tuple[str, Sequence[str], "int | None", str, "Sequence[int] | None", "Sequence[str] | None"]


def _written_letters(alias: str, sense: Sense) -> str | None:
    """Name key `alias` as `sense`'s papers write it as an acronym; two letters as they are; else None."""
    return next((acronym for acronym in sense.acronyms if alias_key(acronym) == alias), alias if len(alias) == 2 else None)


class AliasIndex:
    """Alias normal form → entity key for the names stored entities were
    defined with (an acronym and its long form), so an acronym defined in an
    earlier batch or run joins the entity it was defined for. Always equal
    to what the stored entities say, whether built from the store or kept up
    to date batch by batch: the same input resolves the same way after an
    interruption. Where several entities claim a name, the one most papers
    define it for wins, then the one most papers mention (then the smaller
    key): one paper's odd definition of "LLM" must not take the acronym from
    the sense hundreds of papers use, nor a measure that 10 papers write
    beside it ("mIoU", 252 papers on the 40k graph) bare "IoU" from the 250
    papers of Intersection over Union, which 60 papers define by it. The
    entity the name is the key of competes too: a bare "SIFT" in 13 papers
    is not taken by the 3 that define it, whether they were read before or
    after it, as `Loader.absorb_claimed_names` leaves a stored bare entity
    larger than its sense alone (session 33: a re-extraction of the 40k graph
    had joined every bare acronym to its definition, a fresh build only
    those read after it).

    Built from every claim (`rows`), or, with `complete=False`, holding only
    the names read so far (`hold`): a name is held with every entity that
    claims it, a claimed name with the papers of its own entity (`own`), and
    both stay exact as batches are written (`set`). Rows are `ClaimRow`s."""

    def __init__(self, rows: Iterable[ClaimRow] = (), complete: bool = True):
        self._of_entity: dict[str, tuple[str, ...]] = {}
        self._definitions: dict[tuple[str, str], int] = {}  # (name, claiming key) -> papers defining it so
        self._entities: dict[str, set[str]] = defaultdict(set)
        self._papers: dict[str, int] = {}
        self._labels: dict[str, str] = {}
        self._acronyms: dict[str, tuple[str, ...]] = {}  # key -> its acronyms as written
        self._own_papers: dict[str, int] = {}  # a claimed name -> papers of the entity keyed by it
        self._held: set[str] | None = None if complete else set()
        for key, alias_keys, papers, label, definitions, acronyms in rows:
            self.set(key, alias_keys, papers or 0, label, definitions, acronyms)

    def set(self, key: str, alias_keys: Sequence[str] | None, papers: int, label: str = "",
            definitions: Sequence[int] | None = None, acronyms: Sequence[str] | None = None) -> None:
        if key in self._own_papers:
            self._own_papers[key] = papers
        for old in self._of_entity.pop(key, ()):
            self._entities[old].discard(key)
            self._definitions.pop((old, key), None)
            if not self._entities[old]:
                del self._entities[old]
        self._papers.pop(key, None)
        self._labels.pop(key, None)
        self._acronyms.pop(key, None)
        if alias_keys:
            self._of_entity[key] = tuple(alias_keys)
            self._papers[key] = papers
            self._labels[key] = label
            self._acronyms[key] = tuple(acronyms or ())
            for alias, defining in zip(alias_keys, definitions or [0] * len(alias_keys)):
                self._entities[alias].add(key)
                self._definitions[(alias, key)] = defining or 0

    def missing(self, aliases: Iterable[str]) -> set[str]:
        """The names among `aliases` not held yet."""
        return set() if self._held is None else set(aliases) - self._held

    def hold(self, aliases: Iterable[str], rows: Iterable[ClaimRow]) -> None:
        """Hold `aliases`, given every stored entity that claims any of them (`rows`)."""
        for key, alias_keys, papers, label, definitions, acronyms in rows:
            self.set(key, alias_keys, papers or 0, label, definitions, acronyms)
        if self._held is not None:
            self._held.update(aliases)

    def unowned(self, aliases: Iterable[str]) -> list[str]:
        """The claimed names among `aliases` whose own entity's papers are not held yet."""
        return sorted(a for a in aliases if a in self._entities and a not in self._own_papers)

    def own(self, aliases: Iterable[str], rows: Iterable[tuple[str, int | None]]) -> None:
        """Hold the papers of the entities keyed by `aliases` (`rows`; none stored: 0)."""
        papers = dict(rows)
        for alias in aliases:
            self._own_papers[alias] = papers.get(alias) or 0

    def claimed(self, aliases: Iterable[str]) -> set[str]:
        """The names among `aliases` some entity claims."""
        return {alias for alias in aliases if alias in self._entities}

    def claimants(self, aliases: Iterable[str]) -> set[str]:
        """Every entity claiming one of `aliases`."""
        return {key for alias in aliases for key in self._entities.get(alias, ())}

    def mapping(self, aliases: Iterable[str] | None = None) -> dict[str, str]:
        """The sense of every name held, or of those among `aliases`."""
        return {alias: senses[0].key for alias, senses in self.senses(aliases).items()}

    def senses(self, aliases: Iterable[str] | None = None) -> dict[str, tuple[Sense, ...]]:
        """Every entity claiming each name held (or each of `aliases`),
        dominant first. Two letters led by a sense the knowledge base does
        not know, and more that few papers define so, go by their paper's
        words, not by size (`follows_words`): their own entity holds the
        papers that wrote none of a sense's words."""
        names = self._entities.keys() if aliases is None else [a for a in aliases if a in self._entities]
        found = {}
        for alias in names:
            senses = tuple(Sense(key, self._labels[key].upper(), self._of_entity[key], self._acronyms[key],
                                 self._definitions[(alias, key)]) for key in sorted(
                self._entities[alias], key=lambda k: (-self._definitions[(alias, k)], -self._papers[k], k)))
            if (self._own_papers.get(alias, 0) <= max(self._papers[key] for key in self._entities[alias])
                    or (written := _written_letters(alias, senses[0])) and follows_words(written, senses[0])):
                found[alias] = senses
        return found


@dataclass
class WriteResult:
    """What a written batch changed that later batches must know."""

    alias_keys: dict[str, list[str] | None] = field(default_factory=dict)  # entity key → its alias keys (None: gone)
    papers: dict[str, int] = field(default_factory=dict)  # entity key → its paper count after the write
    labels: dict[str, str] = field(default_factory=dict)  # entity key → its node label after the write
    definitions: dict[str, list[int] | None] = field(default_factory=dict)  # entity key → papers defining each alias key
    acronyms: dict[str, list[str] | None] = field(default_factory=dict)  # entity key → its acronyms as written


class Loader:
    """Plans, resolves and writes batches for one ingest. Batches must be
    written in the order they were planned; `plan` may run while the
    previous batch is still being written (see `pending`)."""

    def __init__(self, store: GraphStore, extraction: str, curation: Curation):
        self.store = store
        self.extraction = extraction
        self.curation = curation
        # Before each batch write, the keys of the entities it writes or
        # deletes go here: the corpus-level refresh after the load, or after
        # its rerun if it is interrupted, reads them (`variants.DueRefresh.run`).
        self.due_refresh = variants.DueRefresh.of(store)
        # Papers planned but not yet written, as they will be stored: the
        # base for a copy that turns up again before its write is done.
        self.pending: dict[str, PaperRecord] = {}
        self._aliases: AliasIndex | None = None
        self._released: set[str] = set()  # entities this run's writes made give up a name
        self.counted: set[str] = set()  # ids this run has counted in a summary
        self._add_missing_title_keys()

    def _add_missing_title_keys(self) -> None:
        """Give papers stored before `title_key` existed theirs, so a
        title-only record finds them: idempotent, and nothing to do (one
        scan) once done. A write outside the batches, harmless to repeat."""
        rows = [{"id": row["id"], "title_key": title_hash(row["title"] or "")}
                for row in self.store.read(queries.PAPERS_WITHOUT_TITLE_KEY).records()]
        if rows:
            self.store.write_rows(queries.SET_TITLE_KEYS, rows)

    def plan(self, records: Iterable[PaperRecord]) -> BatchPlan:
        batch = PaperIndex()
        for record in records:
            batch.add(record)
        unchanged = self._unchanged(batch.papers.values())
        plan = BatchPlan()
        for paper_id in unchanged:
            if paper_id not in self.counted:
                plan.summary.papers_unchanged += 1
                self.counted.add(paper_id)
        stored = self._stored_papers([r for r in batch.papers.values() if r.id not in unchanged])
        known = PaperIndex()  # what the store holds, or will once the batches in flight are written
        for record, *_ in stored.values():
            known.put(record)
        for record in self.pending.values():
            known.put(record)
        planned: dict[str, PaperRecord] = {}  # two batch papers may join one stored paper
        extract: set[str] = set()
        for record in batch.papers.values():
            if record.id in unchanged:
                continue
            added = known.add(record)
            merged, base, paper_id = added.paper, added.base, added.paper.id
            if paper_id in self.pending:
                pending = self.pending[paper_id]
                base_extraction, stored_key, stored_hash = self.extraction, pending.title_key, record_hash(pending)
            else:
                _, base_extraction, stored_key, stored_hash = stored.get(paper_id, (None, None, None, None))
            if added.absorbed:
                # The title-keyed node's links are taken back and the node
                # deleted in this batch's statement; its paper is this one.
                plan.retired.append(added.absorbed)
                self.pending.pop(added.absorbed, None)
                if added.absorbed in self.counted:
                    self.counted.add(paper_id)
            # Equal records need no hashing: most of a re-ingest's planning time went there.
            changed = base is not None and merged != base and record_hash(merged) != record_hash(base)
            if paper_id in self.counted:
                pass  # a later copy of a paper this run already counted
            elif base is None:
                plan.summary.papers_new += 1
            elif changed:
                plan.summary.papers_updated += 1
            else:
                plan.summary.papers_unchanged += 1
            self.counted.add(paper_id)
            if base is None or added.absorbed or changed or base_extraction != self.extraction:
                extract.add(paper_id)
            elif merged == base and stored_key == merged.title_key and stored_hash == record_hash(merged):
                continue  # (a paper stored without its digest, or under another formula, is written to get it)
            planned[paper_id] = self.pending[paper_id] = merged
        plan.papers = list(planned.values())
        plan.to_extract = [paper for paper in plan.papers if paper.id in extract]
        plan.summary.papers_extracted = len(plan.to_extract)
        return plan

    def written(self, plan: BatchPlan, result: WriteResult) -> None:
        """Record that `plan` is in the store (call in planning order)."""
        for record in plan.papers:
            if self.pending.get(record.id) is record:
                del self.pending[record.id]
        if self._aliases is not None:
            for key, alias_keys in result.alias_keys.items():
                self._aliases.set(key, alias_keys, result.papers.get(key, 0), result.labels.get(key, ""),
                                  result.definitions.get(key), result.acronyms.get(key))

    def resolve(self, docs: Sequence[ExtractedDoc]) -> list[EntityLink]:
        """Entity links for a batch's extracted docs; every batch written
        before must have been passed to `written`."""
        if not docs:
            return []
        # `resolve` looks up the names the docs write, and no other.
        names = {alias_key(mention.text) for doc in docs for mention in doc.mentions}
        return resolve(docs, self._holding(names).senses(names), self.curation)

    def _holding(self, names: set[str]) -> AliasIndex:
        """The alias index, holding `names`. A name is read from the store
        the first time it is asked for (the entities claiming it, by index
        on FalkorDB): a batch reads what its docs write, not every claim in
        the graph."""
        if self._aliases is None:
            self._aliases = AliasIndex(complete=False)
        missing = sorted(self._aliases.missing(names))
        if missing:
            claims = self.store.read(self.store.dialect.alias_claims, {"keys": missing, "rules": confidence_rules_id()})
            self._aliases.hold(missing, claims.rows)
        unowned = self._aliases.unowned(names)
        if unowned:
            self._aliases.own(unowned, self.store.read_batched(queries.PAPERS_OF, "keys", unowned).rows)
        return self._aliases

    def write(self, plan: BatchPlan, links: Sequence[EntityLink]) -> WriteResult:
        """Write the batch: one atomic, idempotent statement."""
        relink = [record.id for record in plan.to_extract] + plan.retired
        papers = {record.id: record for record in plan.papers}
        stored_links = self.store.read_batched(queries.STORED_LINKS, "ids", relink).records()
        taken_back = [Contribution.stored(row) for row in stored_links]
        added = [
            Contribution(link.key, NODE_LABEL[link.label], link.surfaces, link.count,
                         papers[link.paper_id].published, papers[link.paper_id].title, link.evidence,
                         papers[link.paper_id].authors)
            for link in links
        ]
        tallies = stored_tallies(self.store, sorted({c.key for c in taken_back} | {c.key for c in added}))
        # Only a take-back can make an entity give up a name (`absorb_claimed_names`).
        claimed = {key: tallies[key].alias_keys() for key in {c.key for c in taken_back}}
        for item in taken_back:
            tallies[item.key].add(item, -1)
        for item in added:
            tallies[item.key].add(item)
        self._refresh_lost_dates([t for t in tallies.values() if t.dates_lost and t.papers > 0], relink, added)

        entities, promoted, demoted, result = _entity_rows(tallies, self.curation)
        # The names an entity gives up are due too: their sense may move to
        # another entity, which may then take the links stored under the name.
        released = {alias for key, names in claimed.items() for alias in names - set(result.alias_keys[key] or ())}
        # Its links under those names are read again (`absorb_claimed_names`).
        self._released.update(key for key, names in claimed.items() if names - set(result.alias_keys[key] or ()))
        self.due_refresh.add(sorted(set(tallies) | released))
        kill_point("before_write")
        self.store.write(queries.WRITE_BATCH, {
            "relink": relink,
            "retire": plan.retired,
            "papers": [{"id": r.id, "properties": self._paper_properties(r)} for r in plan.papers],
            "entities": entities,
            "mentions": [_link_row(link) for link in links],
            "proposes": [{"paper_id": link.paper_id, "key": link.key} for link in links if link.proposed],
            "orphans": [key for key, alias_keys in result.alias_keys.items() if tallies[key].papers <= 0],
            "min_confidence": MIN_CONFIDENCE,
            "promoted": promoted,
            "demoted": demoted,
        })
        kill_point("after_write")
        return result

    def absorb_claimed_names(self) -> int:
        """Links stored before another entity claimed their name ("WSI"
        beside a later "whole slide images (WSI)", "VideoLLMs" beside
        "Video Large Language Models (VideoLLMs)") go where the same name
        read now goes (`normalize.read_again`, the rule `normalize.resolve`
        applies to a new paper), so the graph does not depend on which paper
        came first: a full re-extraction of the 40k graph had joined 15
        visible entities, and 64 more had gained or lost papers, that a fresh
        build kept. A link whose paper pairs the name with another form
        (its own definition) stays. The moved links are rebuilt from their
        papers' stored links and written like a batch (one statement;
        counts, labels, co-occurrence, an emptied entity deleted). Papers
        stamped by other extraction code are left to the ingest that
        re-extracts them. Call after the batches. Returns the links moved.

        Only what the writes since the last corpus-level refresh (this run's,
        and an interrupted run's: `due_refresh`) can have made movable is
        looked at: where a name goes is changed only by writing its own
        entity, or an entity that claims or gave up the name. Nothing
        written, nothing read."""
        if not self.due_refresh.path.exists():
            return 0
        touched = self.due_refresh.keys(self.store)  # None: every entity
        if touched is not None and not touched:
            return 0
        if touched is None:
            self._aliases = AliasIndex(self.store.read(queries.DEFINED_ALIASES, {"rules": confidence_rules_id()}).rows)
            asked = set(self._aliases.mapping())
        else:
            # The names the touched entities claim as stored now (an
            # interrupted run's were not written by this one).
            claims = self.store.read_batched(queries.ALIAS_KEYS_OF, "keys", sorted(touched)).rows
            asked = touched | {alias for _, alias_keys, _ in claims for alias in alias_keys}
        index = self._holding(asked)
        names = index.claimed(asked)
        senses = index.senses(names)
        moves: dict[tuple[str, str], str] = {}
        scanned = sorted(names | index.claimants(names) | self._released)
        movable = []
        for paper_id, key, label, surfaces, extraction in self.store.read_batched(_LINKS_OF, "keys", scanned).rows:
            forms = {alias_key(surface) for surface in surfaces or (key,)}
            # A link pairing forms holds a definition in its paper, which wins
            # there; a name the curation labels stays where it is.
            if (extraction != self.extraction or len(forms) != 1 or (forms | {key}) & self.curation.labels.keys()
                    or not (forms <= asked or key in self._released)):
                continue
            movable.append((paper_id, key, label, surfaces or (key,)))
        moved: dict[str, PaperRecord] = {}  # the stored papers whose links move, written again below
        for chunk in batched(movable, READ_BATCH):
            # A bare name reads its paper as extraction reads it (`PaperReading`: the title, the words, the letters
            # spelled out, its own works); a page of papers at a time, as a full refresh moves links of most of the corpus.
            records = {paper["id"]: stored_record(paper) for (paper,) in
                       self.store.read_batched(_PAPERS, "ids", sorted({paper_id for paper_id, _, _, _ in chunk})).rows}
            readings = {paper_id: PaperReading(paper_text(record)) for paper_id, record in records.items()}
            for paper_id, key, label, surfaces in chunk:
                target = read_again(surfaces, label.upper(), senses, self.curation, readings[paper_id])
                if target and target != key and not self.curation.is_dropped(target):
                    moves[(paper_id, key)] = target
                    moved[paper_id] = records[paper_id]
        self._released.clear()
        if not moves:
            return 0
        ids = sorted(moved)
        papers = [moved[paper_id] for paper_id in ids]
        links = _moved_links(self.store.read_batched(_PAPER_LINKS, "ids", ids).records(), moves)
        plan = BatchPlan(papers=papers, to_extract=papers)
        self.written(plan, self.write(plan, links))
        return len(moves)

    def forget_claims(self) -> None:
        """Read the claims from the store again when next asked: a write
        outside the batches (a rescoring) has rewritten them."""
        self._aliases = None

    def _paper_properties(self, record: PaperRecord) -> dict:
        properties = {name: list(value) if isinstance(value, tuple) else value
                      for name, value in asdict(record).items() if name != "id"}
        return {**properties, "title_key": record.title_key, "record_hash": record_hash(record),
                "extraction_id": self.extraction}

    def _unchanged(self, papers: Iterable[PaperRecord]) -> set[str]:
        """The ids among `papers` (a batch's, merged) whose stored paper they
        leave as it is, told by a small read of each paper's digest instead
        of reading it whole. Such a paper says what the stored one says (the
        same `record_hash`), was read from places the stored one was read
        from already, and is stored with the current extraction and title
        key: merging it in changes nothing, since merging is idempotent
        (ingest.dedupe). Papers whose identity needs more than their own id
        take the full read in `plan`: title-keyed ones (they may join a
        paper of their title), those with a stored or pending title-keyed
        node of their title to absorb, and those pending a write."""
        candidates = {record.id: record for record in papers
                      if not is_title_keyed(record.id) and record.id not in self.pending
                      and record.title_key not in self.pending}
        ids = sorted(set(candidates) | {record.title_key for record in candidates.values()})
        stored = {row["id"]: row for row in self.store.read_batched(queries.STORED_PAPER_DIGESTS, "ids", ids).records()}
        return {paper_id for paper_id, record in candidates.items()
                if (row := stored.get(paper_id)) is not None
                and record.title_key not in stored
                and row["extraction_id"] == self.extraction
                and row["title_key"] == record.title_key
                and set(record.sources) <= set(row["sources"] or ())
                and row["record_hash"] == record_hash(record)}

    def _stored_papers(self, records: list[PaperRecord]) -> dict[str, tuple[PaperRecord, str | None, str | None, str | None]]:
        """id → (the stored paper as a record, its extraction id, its stored
        title key, its stored digest) for the papers `records` may be: the same id, the
        title-keyed paper of the same title, the paper with an arXiv id or
        DOI a title-keyed record joins."""
        ids = sorted({key for r in records for key in (r.id, r.title_key)} - set(self.pending))
        title_keys = sorted({r.id for r in records if is_title_keyed(r.id)})
        found = {}
        for query, param, wanted in ((queries.STORED_PAPERS, "ids", ids),
                                     (queries.STORED_PAPERS_BY_TITLE_KEY, "keys", title_keys)):
            for (paper,) in self.store.read_batched(query, param, wanted).rows:
                found[paper["id"]] = (stored_record(paper), paper.get("extraction_id"), paper.get("title_key"),
                                      paper.get("record_hash"))
        return found

    def _refresh_lost_dates(self, tallies: list[EntityTally], relink: list[str], added: list[Contribution]) -> None:
        """First and last seen of entities that lost a paper holding one of
        them: over their other stored papers and this batch's."""
        if not tallies:
            return
        dates: dict[str, list[str]] = defaultdict(list)
        for item in added:
            if item.published:
                dates[item.key].append(item.published)
        by_key = {t.key: t for t in tallies}
        for row in self.store.read_batched(queries.ENTITY_MENTIONS, "keys", list(by_key), {"except": relink}).records():
            if row["published"]:
                dates[row["key"]].append(row["published"])
        for key, tally in by_key.items():
            tally.first_seen = min(dates[key], default=None)
            tally.last_seen = max(dates[key], default=None)


def _entity_rows(tallies: dict[str, EntityTally], curation: Curation) -> tuple[dict[str, list[dict]], list[str], list[str], WriteResult]:
    """What a write sets on the entities of `tallies`: rows per node label,
    the entities that crossed MIN_CONFIDENCE up (promoted) or down (demoted),
    whose co-occurrence edges are then built or removed, and what later
    batches must know."""
    entities: dict[str, list[dict]] = {label: [] for label in ENTITY_LABELS}
    promoted, demoted = [], []
    result = WriteResult()
    for tally in tallies.values():
        if tally.papers > 0:
            label, properties = entity_properties(tally, NODE_LABEL.get(curation.labels.get(tally.key, "")),
                                                  curation.is_kept(tally.key))
            entities[label].append({"key": tally.key, "properties": properties})
            result.alias_keys[tally.key] = properties["alias_keys"]
            result.definitions[tally.key] = properties["alias_key_definitions"]
            result.acronyms[tally.key] = properties["acronyms"]
            result.papers[tally.key] = tally.papers
            result.labels[tally.key] = label
            confirmed = properties["confidence"] >= MIN_CONFIDENCE
            if confirmed and tally.stored_confirmed is False:
                promoted.append(tally.key)
            elif not confirmed and tally.stored_confirmed:
                demoted.append(tally.key)
        else:
            result.alias_keys[tally.key] = None
    return entities, promoted, demoted, result


def stored_tallies(store: GraphStore, keys: list[str]) -> dict[str, EntityTally]:
    """The stored tallies of the entities `keys` (empty ones for keys not stored)."""
    tallies = {key: EntityTally(key) for key in keys}
    legacy, confirmed, other_rules = [], {}, []
    for row in store.read_batched(queries.ENTITY_TALLIES, "keys", keys).records():
        confirmed[row["key"]] = row["confidence"] is None or row["confidence"] >= MIN_CONFIDENCE
        if row["confidence_rules"] != confidence_rules_id():
            other_rules.append(row["key"])
        # Written before entities kept tallies, or before they counted definitions, own works' names (and by whom),
        # tasks named or measures used.
        if row["label_votes"] is None or row["alias_definitions"] is None or row["coined_papers"] is None \
                or row["coined_papers"] and row["coining_authors"] is None \
                or row["task_named_papers"] is None or row["measure_used_papers"] is None:
            legacy.append(row["key"])
            continue
        tallies[row["key"]] = EntityTally(
            row["key"], row["paper_count"], row["mention_count"],
            Counter({label: n for label, n in zip(ENTITY_LABELS, row["label_votes"]) if n}),
            Counter(dict(zip(row["aliases"] or (), row["alias_weights"] or ()))),
            +Counter(dict(zip(row["aliases"] or (), row["alias_definitions"]))), Counter(row["coining_authors"] or ()),
            row["task_named_papers"], row["measure_used_papers"], row["first_seen"], row["last_seen"],
            umbrella=bool(row["umbrella"]), coined_elsewhere=row["coined_elsewhere"] or 0,
            used_apart=bool(row["used_apart"]), modifier_phrase=bool(row["modifier_phrase"]),
        )
    for row in store.read_batched(queries.ENTITY_MENTIONS, "keys", legacy, {"except": []}).records():
        tallies[row["key"]].add(Contribution.stored(row))
    # Scored under other rules, perhaps another MIN_CONFIDENCE: whether the
    # entity is in co-occurrence is read from its edges (one that has none
    # to build is promoted for nothing, at the cost of one read).
    in_cooccurrence = {key for (key,) in store.read_batched(_IN_COOCCURRENCE, "keys", other_rules).rows}
    for key in other_rules:
        confirmed[key] = key in in_cooccurrence
    for key, stored_confirmed in confirmed.items():
        tallies[key].stored_confirmed = stored_confirmed
    return tallies


_IN_COOCCURRENCE = "UNWIND $keys AS key MATCH (:Entity {key: key})-[:CO_OCCURS]-(:Entity) RETURN DISTINCT key"


# The keys of the entities whose confidence was computed under other rules
# (or before the rules were recorded), read in one reply of keys: paging
# this filter by key (`GraphStore.read_pages`) sorted every stale entity
# after the page's key again for each page, 0.52 s a page on the 40k graph
# when all 171k entities were stale: 178 s in all, 61.5 s read this way.
STALE_CONFIDENCE = """
MATCH (e:Entity) WHERE e.confidence_rules IS NULL OR e.confidence_rules <> $rules
RETURN e.key AS key
"""
# Whether any is: a label scan that stops at the first. After the first
# ingest under new rules none is, so every later ingest asks this only
# (63 ms on the 40k graph, against 0.65-0.72 s for a full read).
ANY_STALE_CONFIDENCE = """
MATCH (e:Entity) WHERE e.confidence_rules IS NULL OR e.confidence_rules <> $rules
RETURN e.key LIMIT 1
"""
_LABELS_AND_NAMES = "UNWIND $keys AS key MATCH (e:Entity {key: key}) RETURN e.key, e.label, e.name"


def rescore_stale(store: GraphStore, curation: Curation) -> int:
    """Score again, from their stored tallies, the entities whose confidence
    was computed under other confidence rules (`confidence_rules_id`: a
    changed ceiling or weight), and build or remove the co-occurrence edges
    of those that cross MIN_CONFIDENCE, as a batch write would. One batch of
    entities per statement, each leaving them fresh: an interrupted run
    leaves whole batches, and the next goes on. Nothing is re-extracted.
    Returns how many entities were scored."""
    rules = {"rules": confidence_rules_id()}
    if not store.read(ANY_STALE_CONFIDENCE, rules).rows:
        return 0
    stale = sorted(key for (key,) in store.read(STALE_CONFIDENCE, rules, limit=None).rows)
    for keys in batched(stale, READ_BATCH):
        page = store.read(_LABELS_AND_NAMES, {"keys": keys}).rows
        _rescore(store, curation, {key: (label, name) for key, label, name in page})
    return len(stale)


STORED_KEPT = "MATCH (e:Entity) WHERE e.kept = true RETURN e.key"
_KEPT_OF = "UNWIND $keys AS key MATCH (e:Entity {key: key}) RETURN e.key, e.label, e.name, e.kept"


def apply_kept(store: GraphStore, curation: Curation) -> int:
    """Score again the entities the curation file has begun or stopped keeping
    ([keep] is not part of the extraction id: no paper is re-extracted), as
    editing the file and re-ingesting would. Returns how many were scored."""
    want = curation.kept_keys
    keys = sorted(want | {key for (key,) in store.read(STORED_KEPT, limit=None).rows})
    stale = {key: (label, name) for key, label, name, kept in store.read_batched(_KEPT_OF, "keys", keys).rows
             if bool(kept) != (key in want)}
    for batch in batched(sorted(stale), READ_BATCH):
        _rescore(store, curation, {key: stale[key] for key in batch})
    return len(stale)


UMBRELLA_CANDIDATES = """
MATCH (e:Entity) WHERE e.paper_count >= $min_papers AND e.label IN $labels OR e.umbrella = true
RETURN e.key AS key, e.name AS name, e.label AS label, e.paper_count AS papers, e.umbrella AS umbrella
"""


def mark_umbrellas(store: GraphStore, curation: Curation) -> int:
    """Score again the entities that became umbrella terms (`confidence.umbrella_keys`)
    or stopped being one. Whether a name is one depends on other entities (its
    kinds), so every Task and Method in two or more papers is read: 20,896 rows,
    0.25-0.30 s on the 40k graph. Returns how many entities were scored."""
    rows = store.read(UMBRELLA_CANDIDATES, {"min_papers": UMBRELLA_MIN_PAPERS, "labels": list(UMBRELLA_LABELS)},
                      limit=None).records()
    umbrellas = umbrella_keys((row["key"], row["name"] or row["key"], row["label"], row["papers"]) for row in rows)
    stored = {row["key"]: (row["label"], row["name"]) for row in rows}
    changed = umbrellas ^ {row["key"] for row in rows if row["umbrella"]}

    def mark(tally: EntityTally) -> None:
        tally.umbrella = tally.key in umbrellas

    _rescore_marked(store, curation, {key: stored[key] for key in changed}, mark)
    return len(changed)


# The links whose titles may spell out another entity's letters: only an
# entity some paper titles has them, and only a title with a colon (23,228
# links on the 40k graph, 0.56 s), and the entities counted so before.
TITLE_DEFINITION_LINKS = """
MATCH (p:Paper)-[m:MENTIONS]->(e:Entity) WHERE e.coined_papers > 0 AND p.title CONTAINS ':'
RETURN e.key AS key, p.title AS title, m.surfaces AS surfaces
"""
COINED_ELSEWHERE = "MATCH (e:Entity) WHERE e.coined_elsewhere > 0 RETURN e.key, e.coined_elsewhere"


def mark_coined_elsewhere(store: GraphStore, curation: Curation) -> int:
    """Score again the entities whose letters more or fewer titles now spell
    out for another entity (`normalize.title_defined_elsewhere`,
    `confidence.TITLE_DEFINED_ELSEWHERE_RULE`): which entity a title's
    definition went to is the graph's, not the entity's own, so this is read
    after every load, as umbrella terms are. Returns how many were scored."""
    counted = Counter(coined for row in store.read(TITLE_DEFINITION_LINKS, limit=None).records()
                      for coined in title_defined_elsewhere(row["title"], row["surfaces"] or (), row["key"]))
    stored = dict(store.read(COINED_ELSEWHERE, limit=None).rows)
    changed = [key for key in sorted(set(counted) | set(stored)) if counted[key] != stored.get(key, 0)]

    def mark(tally: EntityTally) -> None:
        tally.coined_elsewhere = counted[tally.key]

    return _rescore_changed(store, curation, changed, mark)


# The links of the entities a paper names its own work by, outside the
# knowledge base, in two papers or more (4,105 links on the 40k graph, 0.35 s).
COINED_LINKS = """
MATCH (e:Entity) WHERE e.coined_papers > 0 AND e.kb_id IS NULL AND e.paper_count >= 2
MATCH (p:Paper)-[m:MENTIONS]->(e)
RETURN e.key AS key, m.label AS label, m.surfaces AS surfaces, m.count AS count, p.published AS published,
       p.title AS title, m.evidence AS evidence, p.authors AS authors
"""
USED_APART = "MATCH (e:Entity) WHERE e.used_apart = true RETURN e.key"
EARLIER_USE_MIN_MONTHS = 2  # a technical report follows its model's or data set's release by a month or so


def used_apart(links: Sequence[Contribution]) -> bool:
    """Whether a paper by none of the coiners' authors meant something else
    by the name (`confidence.USED_APART_RULE`): it used the name
    EARLIER_USE_MIN_MONTHS months or more before the first paper that names
    its own work so, unless it writes a phrase the coiners write too ("Formal
    Concept Analysis", "Dream 7B": the same thing, which a survey or a
    technical report titles); or, where the coiners write the name only with
    capitals, it writes only the plain phrase of its words in lower case
    ("soft attention" beside "SoFt Attention (SoFA)"); or it writes only the
    coiners' letters in another case shape ("DIGIT" beside "DiGIT": `recased`)."""
    coining, others = [], []
    for link in links:
        (coining if link.names_own_work() else others).append(link)
    if not coining:
        return False
    months = [month_index(link.published) for link in coining]
    authors = {author for link in coining for author in link.authors}
    phrases = {alias_key(surface) for link in coining for surface in link.surfaces if " " in surface.strip()}
    capitalised = all(any(c.isupper() for c in surface) for link in coining for surface in link.surfaces)
    written = {surface for link in coining for surface in link.surfaces}
    first = None if None in months else min(months)
    for link in others:
        if not link.authors or authors & set(link.authors):
            continue
        if capitalised and link.surfaces and all(_plain_phrase(surface) for surface in link.surfaces):
            return True
        if link.surfaces and all(any(recased(surface, own) for own in written) for surface in link.surfaces):
            return True  # "DIGIT" beside the coiners' "DiGIT" (CASE_SHAPE_RULE)
        month = month_index(link.published)
        if first is not None and month is not None and month <= first - EARLIER_USE_MIN_MONTHS \
                and not phrases & {alias_key(surface) for surface in link.surfaces if " " in surface.strip()}:
            return True
    return False


def _plain_phrase(surface: str) -> bool:
    """Words in lower case, as any paper may write them: "soft attention", "next-scale prediction"."""
    return surface[:1].islower() and (" " in surface.strip() or "-" in surface)


def mark_used_apart(store: GraphStore, curation: Curation) -> int:
    """Score again the entities whose name other authors now did or did not
    use for something else (`used_apart`): a later paper, a later paper's
    date or a new coiner can change it, so this is read after every load, as
    umbrella terms are. Returns how many were scored."""
    links: dict[str, list[Contribution]] = defaultdict(list)
    for row in store.read(COINED_LINKS, limit=None).records():
        links[row["key"]].append(Contribution.stored(row))
    marked = {key for key, rows in links.items() if used_apart(rows)}
    changed = sorted(marked ^ {key for (key,) in store.read(USED_APART, limit=None).rows})

    def mark(tally: EntityTally) -> None:
        tally.used_apart = tally.key in marked

    return _rescore_changed(store, curation, changed, mark)


METHOD_PHRASES = "MATCH (e:Entity) WHERE e.label = $label AND e.name CONTAINS ' ' RETURN e.name"
MODIFIER_PHRASE_CANDIDATES = """
MATCH (e:Entity) WHERE e.label = $label AND e.defining_papers = 1 AND e.kb_id IS NULL OR e.modifier_phrase = true
RETURN e.key AS key, e.label AS label, e.aliases AS aliases, e.defining_papers AS defining_papers,
       e.kb_id AS kb_id, e.modifier_phrase AS marked
"""


def mark_modifier_phrases(store: GraphStore, curation: Curation) -> int:
    """Score again the Methods one paper defines whose lower-case long form's
    first word became or stopped being a common modifier of the graph's
    Method names (`confidence.COMMON_MODIFIER_RULE`): the words are counted
    over every Method name, so this is read after every load, as umbrella
    terms are. Returns how many were scored."""
    modifiers = common_modifiers(name for (name,) in store.read(METHOD_PHRASES, {"label": "Method"}, limit=None).rows)
    rows = store.read(MODIFIER_PHRASE_CANDIDATES, {"label": "Method"}, limit=None).records()
    marked = {row["key"] for row in rows if modifier_phrase(row["label"], row["aliases"] or (), row["kb_id"] is not None,
                                                              row["defining_papers"] or 0, modifiers)}
    changed = sorted(marked ^ {row["key"] for row in rows if row["marked"]})

    def mark(tally: EntityTally) -> None:
        tally.modifier_phrase = tally.key in marked

    return _rescore_changed(store, curation, changed, mark)


def _rescore_changed(store: GraphStore, curation: Curation, changed: list[str],
                     mark: Callable[[EntityTally], None]) -> int:
    """Rescore the stored entities of `changed` that exist, each given its new
    graph-level mark by `mark` (`_rescore_marked`); returns how many."""
    page = {key: (label, name) for key, label, name in store.read_batched(_LABELS_AND_NAMES, "keys", changed).rows}
    _rescore_marked(store, curation, page, mark)
    return len(page)


def _rescore_marked(store: GraphStore, curation: Curation, stale: Mapping[str, tuple[str, str]],
                    mark: Callable[[EntityTally], None]) -> None:
    """Rescore the entities `stale` (key → stored label and name) a batch at
    a time, each stored tally first given its new graph-level mark (an
    umbrella term, titles that coin its name elsewhere) by `mark`."""
    for keys in batched(sorted(stale), READ_BATCH):
        tallies = stored_tallies(store, keys)
        for key in keys:
            mark(tallies[key])
        _rescore(store, curation, {key: stale[key] for key in keys}, tallies)


def _rescore(store: GraphStore, curation: Curation, stale: Mapping[str, tuple[str, str]],
             tallies: dict[str, EntityTally] | None = None) -> None:
    """One statement rescoring the entities `stale` (key → stored label and name),
    from their stored tallies unless given."""
    entities, promoted, demoted, _ = _entity_rows(tallies or stored_tallies(store, sorted(stale)), curation)
    # A new label or name concerns display-name qualifiers and variant links; the
    # names an entity claims, the links `absorb_claimed_names` looks at.
    moved = [row["key"] for label, rows in entities.items() for row in rows
             if stale[row["key"]] != (label, row["properties"]["name"]) or row["properties"]["alias_keys"]]
    if moved:
        variants.DueRefresh.of(store).add(sorted(moved))
    store.write(queries.WRITE_BATCH, {
        "relink": [], "retire": [], "papers": [], "entities": entities, "mentions": [], "proposes": [],
        "orphans": [], "min_confidence": MIN_CONFIDENCE, "promoted": promoted, "demoted": demoted,
    })


_LINKS_OF = """
UNWIND $keys AS key
MATCH (:Entity {key: key})<-[m:MENTIONS]-(p:Paper)
RETURN p.id, key, m.label, m.surfaces, p.extraction_id
"""
_PAPERS = "UNWIND $ids AS id MATCH (p:Paper {id: id}) RETURN properties(p) AS paper"
_PAPER_LINKS = """
UNWIND $ids AS id
MATCH (p:Paper {id: id})-[m:MENTIONS]->(e:Entity)
OPTIONAL MATCH (p)-[r:PROPOSES]->(e)
RETURN p.id AS paper_id, e.key AS key, m.label AS label, m.surfaces AS surfaces, m.count AS count,
       m.evidence AS evidence, r IS NOT NULL AS proposed
"""


def _moved_links(rows: Iterable[Mapping], moves: Mapping[tuple[str, str], str]) -> list[EntityLink]:
    """The papers' stored links, those in `moves` ((paper id, key) → key) to
    their new entity; a paper
    left with two links to one entity gets one: counts added, forms in
    order of count, the label and evidence of the larger link."""
    merged: dict[tuple[str, str], list[Mapping]] = defaultdict(list)
    for row in rows:
        merged[(row["paper_id"], moves.get((row["paper_id"], row["key"]), row["key"]))].append(row)
    links = []
    for (paper_id, key), parts in merged.items():
        parts.sort(key=lambda row: (-row["count"], row["key"] != key))
        surfaces: Counter = Counter()
        for row in parts:
            for rank, surface in enumerate(row["surfaces"] or ()):
                surfaces[surface] += row["count"] if rank == 0 else 1
        links.append(EntityLink(
            paper_id=paper_id, key=key, label=parts[0]["label"].upper(),
            surfaces=tuple(s for s, _ in surfaces.most_common()), count=sum(row["count"] for row in parts),
            evidence=parts[0]["evidence"] or "", proposed=any(row["proposed"] for row in parts),
        ))
    return links


def stored_record(paper: Mapping) -> PaperRecord:
    """A stored Paper node's properties as the record it was written from."""
    values = {f.name: paper.get(f.name) for f in fields(PaperRecord) if paper.get(f.name) is not None}
    return PaperRecord(**{name: tuple(v) if isinstance(v, list) else v for name, v in values.items()})


def load_records(
    store: GraphStore,
    records: Sequence[PaperRecord],
    *,
    extract: Callable[[Iterable[tuple[str, str]]], Iterable[ExtractedDoc]],
    extraction: str,
    curation: Curation,
    batch_size: int = 200,
) -> LoadSummary:
    """Load `records` in batches, one after another (no overlap): the simple
    form of what `ingest.run` does as a pipeline."""
    loader = Loader(store, extraction, curation)
    summary = LoadSummary()
    for batch in batched(records, batch_size):
        plan = loader.plan(batch)
        docs = list(extract((r.id, paper_text(r)) for r in plan.to_extract))
        loader.written(plan, loader.write(plan, loader.resolve(docs)))
        summary.add(plan.summary)
    finish_batches(store, curation, loader)
    return summary


def finish_batches(store: GraphStore, curation: Curation, loader: Loader | None) -> variants.Refreshed | None:
    """What follows the batch writes of every load (`ingest`, `paperkg
    load`, `load_records`), in this order: entities scored under other
    rules rescored (which also rewrites the names they claim, followed again
    from then on), entities the curation file began or stopped keeping
    rescored, links stored under a name before the load gave it to
    another entity moved there (by `loader`, if the load made one), umbrella terms
    marked, names other papers' titles coin counted, names other authors meant something else by marked,
    phrases of common modifiers one paper defines marked,
    and the corpus-level refresh of what the batches wrote and
    those rescorings renamed, if any is due."""
    rescored = rescore_stale(store, curation)
    apply_kept(store, curation)
    if loader is not None:
        if rescored:
            loader.forget_claims()
        loader.absorb_claimed_names()
    mark_umbrellas(store, curation)  # before the refresh: a rescored entity's name may need its qualifier again
    mark_coined_elsewhere(store, curation)
    mark_used_apart(store, curation)
    mark_modifier_phrases(store, curation)
    return variants.DueRefresh.of(store).run(store)


def _link_row(link: EntityLink) -> dict:
    return {
        "paper_id": link.paper_id,
        "key": link.key,
        "label": NODE_LABEL[link.label],
        "surfaces": list(link.surfaces),
        "count": link.count,
        "evidence": link.evidence,
    }
