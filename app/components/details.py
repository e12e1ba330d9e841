"""The details panel: an entity (what it is, where it appears, what it
appears with) or a paper (its abstract with every extracted entity marked).

Every link is an href into the app's URL state, so details need no
callbacks of their own and the back button undoes each click.
"""
from __future__ import annotations

from typing import Sequence

from dash import MATCH, Input, Output, State as DashState, dcc, html

from app import settings
from app.components import link, markdown, review
from app.components.highlight import Target, badge, highlighted
from app.components.words import count, joined
from app.urls import State, page_of
from graph import views
from graph.settings import MIN_CONFIDENCE
from graph.store import GraphStore
from graph.views import Entity, EntityDetails, NodeRef, PaperDetails
from ingest.confidence import (DEFINED_MIN_SHARE, SPELLED_HEAD_MAX_PAPERS, TASK_NAMED_SHARE, bare_capitals, coined_apart,
                               defined_lower_forms, defined_once, described, field_reading, glued_apart, kind_of_class,
                               needs_third_paper, object_named, operation_named, ordinary_word, pipeline_step,
                               rarely_defined, spelled_as_no_method, spelled_in_one_word, split_reading, unnamed_task,
                               unused_measure)
from ingest.corpus_labels import label_agreement
from ingest.normalize import used_name
from ingest.text import display_text

AUTHORS_SHOWN = 6


def panel(page: str, children=None) -> html.Div:
    return html.Div(children or empty(), id={"role": "details", "page": page}, className="details")


def empty() -> html.Div:
    return html.Div("Click a node or search result to see its details here.", className="hint")


def select(state: State, page: str, ref: NodeRef) -> str:
    """The href selecting a node (which closes a link view)."""
    return state.href(page, sel=ref, link=())


ALIASES_SHOWN = 8


def shown_aliases(name: str, aliases: Sequence[str]) -> str:
    """The other names, one spelling per case-insensitive form: a hub has
    gathered dozens of casings ("Large Language Model", "large language
    model", …) that say nothing more, and the list pushed the panel down.
    A phrase that uses the name ("LLM-based agents", linked to LLM) is what a
    paper did with it, not another name for it: outside judges read the
    list of LLM as bloated with them."""
    seen, distinct = {name.casefold()}, []
    for alias in aliases:
        if alias.casefold() not in seen and used_name(alias) is None:
            seen.add(alias.casefold())
            distinct.append(alias)
    more = len(distinct) - ALIASES_SHOWN
    return ", ".join(distinct[:ALIASES_SHOWN]) + (f" and {more} more" if more > 0 else "")


def entity_panel(details: EntityDetails, state: State, page: str) -> html.Div:
    entity = details.entity
    ref = NodeRef.entity(entity.key)
    aliases = shown_aliases(entity.name, entity.aliases)
    seen = f"first seen {entity.first_seen or '?'} · last seen {entity.last_seen or '?'}"
    return html.Div([
        html.H3([entity.name, " ", badge(entity.label)], className="details-title"),
        html.Div(f"also: {aliases}", className="muted") if aliases else None,
        html.Div(f"{count(entity.paper_count, 'paper')} · {count(entity.mention_count, 'mention')} · {seen}", className="muted"),
        _confidence(entity),
        _variant_row("variant of", details.variant_of, state, page),
        _variant_row("variants", details.variants, state, page),
        _variant_row("its kinds", details.kinds, state, page),
        _actions(ref, state, page, extra=[dcc.Link("Connect from here", href=state.href("connect", a=entity.key, sel=ref), className="action")]),
        review.controls(entity, page),
        html.H4("Appears with", title="shared papers in brackets; click one for the papers behind the link"),
        html.Div([_related_row(entity.key, label, neighbours, state, page) for label, neighbours in details.related.items()] or html.Div("its kinds, above" if entity.umbrella else "nothing yet", className="muted")),
        html.H4(f"Papers ({len(details.papers)}{' shown' if len(details.papers) < entity.paper_count else ''})"),
        markdown.rich("\n".join(_paper_item(m, entity.label, state, page) for m in details.papers), f"paper-list marks-{entity.label}"),
    ], className="entity-details")


def _confidence(entity: Entity) -> html.Div | None:
    """How sure the graph is of the entity (ingest/confidence.py): a candidate
    is kept out of top lists and co-occurrence until a second paper or the
    knowledge base confirms it."""
    if entity.confidence is None:
        return None
    known = f"knowledge base: {entity.kb_id}" if entity.kb_id else "not in the knowledge base"
    verdict = " · candidate" if entity.confidence < MIN_CONFIDENCE else ""
    if entity.kept:
        verdict = " · kept by the curation file"
    elif field_reading(entity.key, entity.label, entity.name):
        verdict = f" · a research field: left out of the {entity.label.lower()} lists"
    elif entity.umbrella:
        verdict = f" · an umbrella term: its kinds are named in more papers, and stand for it in the {entity.label.lower()} lists"
    elif entity.confidence < MIN_CONFIDENCE:
        ability = needs_third_paper(entity.name, entity.label, entity.aliases, bool(entity.kb_id))
        if coined_apart(entity.coined_papers, entity.paper_count, bool(entity.kb_id), entity.coined_elsewhere,
                        entity.used_apart):
            others = entity.coined_elsewhere
            # spelled out for a long form, or a known name's letters keyed by the title (session 51)
            elsewhere = (f" (and {others} other {'titles give' if others > 1 else 'title gives'} the letters"
                         " to a work of its own)") if others else ""
            if entity.coined_papers == 1:
                coiners = f"1 of its {entity.paper_count} papers names its own work {entity.name} in a title or an abstract"
            else:
                coiners = (f"{entity.coined_papers} of its {entity.paper_count} papers, by different authors,"
                           f" each name their own work {entity.name} in a title or an abstract")
            before = (", while papers by other authors meant something else by it (the name months before, its"
                      " words as a plain phrase, or its letters in another case)") if entity.used_apart else ""
            verdict = (f" · candidate: {coiners}{elsewhere}{before}, so the name stands for several things"
                       + ("" if entity.kb_id else ", until the knowledge base knows it"))
        elif glued_apart(entity.aliases, entity.paper_count, bool(entity.kb_id)):
            verdict = (f" · candidate: written both as one glued name, a work's coinage, and as a phrase of its words"
                       f" that any paper may write, so {entity.name} stands for several things, until the knowledge"
                       " base knows it")
        elif pipeline_step(entity.name, entity.label):
            verdict = " · candidate: a step of every pipeline or a capability of every system, not a task"
        elif not entity.kb_id and object_named(entity.name, entity.label, entity.aliases):
            verdict = (" · candidate: every form of its name is headed by a word for a thing that is no method"
                       " (data, an equation or a product of operands, a space, a rate, a module, a loss, a system or its"
                       " agents, a property, a task, a clinical procedure), until the knowledge base knows it")
        elif not entity.kb_id and operation_named(entity.name, entity.label, entity.aliases):
            verdict = (" · candidate: a phrase for a step nearly every model takes (fusion, alignment, aggregation),"
                       " whose letters label one model's module, until the knowledge base knows it")
        elif not entity.kb_id and spelled_as_no_method(entity.name, entity.label, entity.aliases, entity.paper_count):
            verdict = (f" · candidate: its papers spell its letters out as words for no method (a place, a quantity, a"
                       f" device, a condition), until more than {SPELLED_HEAD_MAX_PAPERS} papers use it or the"
                       " knowledge base knows it")
        elif not entity.kb_id and spelled_in_one_word(entity.name, entity.aliases):
            verdict = (" · candidate: its papers spell its letters out as one plain word, which the letters shorten,"
                       " not a name, until the knowledge base knows it")
        elif not entity.kb_id and ordinary_word(entity.name, entity.label):
            verdict = (" · candidate: one capitalised word that papers of the field write in lower case (or a"
                       " country's name), so a sentence's or a title's first word or a numbered step, until the"
                       " knowledge base knows it")
        elif described(entity.name, entity.label, entity.aliases, bool(entity.kb_id), entity.defining_papers,
                       entity.paper_count):
            if entity.defining_papers and rarely_defined(entity.name, entity.label, entity.defining_papers,
                                                         entity.paper_count):
                verb = "defines" if entity.defining_papers == 1 else "define"
                verdict = (f" · candidate: a description rather than a name, which only"
                           f" {count(entity.defining_papers, 'paper')} of its {entity.paper_count} {verb}, fewer than"
                           f" one in {round(1 / DEFINED_MIN_SHARE)}, until more do or the knowledge base knows it")
            else:
                why = ("its letters are spelled out nowhere, and papers may mean different things by them"
                       if bare_capitals(entity.name, entity.aliases) else "a description rather than a name")
                verdict = f" · candidate: {why}, until the knowledge base or a paper's definition names it"
        elif entity.modifier_phrase and defined_once(entity.label, bool(entity.kb_id), entity.defining_papers):
            forms = defined_lower_forms(entity.aliases)
            phrase = f"\u201c{forms[0]}\u201d" if forms else "its long form"
            verdict = (f" · candidate: one paper's letters for {phrase}, whose first word the graph's method names put"
                       " before many heads: a description each paper may mean its own way, until a second paper"
                       " defines it or the knowledge base knows it")
        elif entity.label_votes and split_reading(label_agreement(entity.readings(), entity.label), bool(entity.kb_id),
                                                  entity.label_forced):
            readings = ", ".join(f"{label} in {count(n, 'paper')}" for label, n in entity.readings().items())
            verdict = f" · candidate: its papers disagree on its type ({readings}), until most of them or the knowledge base agree"
        elif unnamed_task(entity.label, entity.task_named_papers, bool(entity.kb_id), ability=ability,
                          papers=entity.paper_count):
            if ability and entity.task_named_papers == 1:  # an ability phrase needs a second (ABILITY_TASK_NAMED)
                verdict = (" · candidate: a phrase that names an ability as often as a task, which only one paper names"
                           " as a task, until a second paper does or the knowledge base knows it")
            elif entity.task_named_papers:
                verdict = (f" · candidate: only {count(entity.task_named_papers, 'paper')} of its {entity.paper_count}"
                           f" name it as a task, fewer than one in {TASK_NAMED_SHARE}: a phrase said in passing,"
                           " until more do or the knowledge base knows it")
            else:
                verdict = (f" · candidate: no paper names it as a task, in its title or as \"the {entity.name} task\","
                           " until one does or the knowledge base knows it")
        elif unused_measure(entity.name, entity.label, entity.aliases, entity.measure_used_papers, bool(entity.kb_id)):
            verdict = (" · candidate: no paper uses it as a measure, with a value or as \"in terms of "
                       f"{entity.name}\", until one does or the knowledge base knows it")
        elif entity.paper_count == 2 and ability:
            what = ("a phrase that names an ability as often as a task" if entity.label != "Method"
                    else "a kind of a class of models, named by the words before the class"
                    if kind_of_class(entity.name, entity.aliases)
                    else "a name of several words, which in two papers is as often a shared description as a name")
            verdict = f" · candidate: {what}, until a third paper or the knowledge base confirms it"
    return html.Div(f"confidence {entity.confidence:.2f}{verdict} · {known}", className="muted confidence")


def _variant_row(title: str, entities: list, state: State, page: str) -> html.Div | None:
    if not entities:
        return None
    links = [dcc.Link(e.name, href=select(state, page, NodeRef.entity(e.key))) for e in entities]
    return html.Div([f"{title}: ", *joined(links, ", ")], className="muted variants")


def _related_row(entity_key: str, label: str, neighbours, state: State, page: str) -> html.Div:
    chips = " ".join(
        markdown.link(f"{n.entity.name} ({n.shared})", state.href(page, sel=None, link=(entity_key, n.entity.key)),
                      f"the {count(n.shared, 'paper')} mentioning both")
        for n in neighbours
    )
    return html.Div([badge(label), markdown.rich(chips, "chips")], className="related-row")


def _paper_item(mention, label: str, state: State, page: str) -> str:
    """A Markdown list item: the title (a link), the date, then the
    evidence sentence with the entity marked on the next line."""
    paper = mention.paper
    targets = [Target(s, label) for s in mention.surfaces]
    when = markdown.text(paper.published or "undated") + (" · proposes it" if mention.proposed else "")
    item = f"- {markdown.link(display_text(paper.title), select(state, page, NodeRef.paper(paper.id)))} *{when}*"
    if mention.evidence:
        item += markdown.BREAK + "  " + highlighted(display_text(mention.evidence), targets)
    return item


def paper_panel(details: PaperDetails, state: State, page: str) -> html.Div:
    paper = details.paper
    ref = NodeRef.paper(paper.id)
    authors = ", ".join(paper.authors[:AUTHORS_SHOWN]) + (" et al." if len(paper.authors) > AUTHORS_SHOWN else "")
    targets = [
        Target(surface, e.entity.label, select(state, page, NodeRef.entity(e.entity.key)))
        for e in details.entities
        for surface in (*e.surfaces, e.entity.name)
    ]
    by_type: dict[str, list] = {}
    for e in details.entities:
        by_type.setdefault(e.entity.label, []).append(e)
    return html.Div([
        html.H3(display_text(paper.title), className="details-title"),
        html.Div(joined([f"{paper.published or 'undated'}", count(paper.upvotes, "upvote"), authors, paper.organization, _external(paper.url)]), className="muted"),
        _actions(ref, state, page, extra=[
            dcc.Link("Related papers", href=state.href("connect", paper=paper.id, sel=ref), className="action"),
            dcc.Link("Add to compare", href=state.href("connect", compare=tuple(dict.fromkeys((*state.compare, paper.id))), sel=ref), className="action"),
        ]),
        markdown.rich(highlighted(display_text(paper.abstract), targets) if paper.abstract else "No abstract.", "abstract"),
        html.H4("Entities"),
        html.Div([
            html.Div([badge(label), markdown.rich(" ".join(
                markdown.link(e.entity.name + (" (proposed)" if e.proposed else ""), select(state, page, NodeRef.entity(e.entity.key)))
                for e in found
            ), "chips")], className="related-row")
            for label, found in by_type.items()
        ] or html.Div("No entities were extracted from this paper.", className="muted")),
    ], className="paper-details")


def _actions(ref: NodeRef, state: State, page: str, extra: list) -> html.Div:
    links = [dcc.Link("Centre view here", href=state.href("explore", focus=ref, sel=ref, expand=()), className="action")]
    if page == "explore" and state.focus and ref != state.focus:
        if ref in state.expand:
            links.append(dcc.Link("Collapse", href=state.href("explore", expand=tuple(r for r in state.expand if r != ref)), className="action"))
        else:
            links.append(dcc.Link("Expand in view", href=state.href("explore", expand=(*state.expand, ref), sel=ref), className="action", id="expand-link"))
    return html.Div(links + extra, className="actions")


def _external(url: str | None):
    # Only web links: a paper record must not smuggle in javascript: URLs.
    if url and url.lower().startswith(("https://", "http://")):
        return html.A("source ↗", href=url, target="_blank", rel="noopener noreferrer")
    return None


def content(store: GraphStore, page: str, state: State):
    """The panel for the URL: the selected node, else the link (papers
    behind an edge), else (Explore) the focus."""
    if link.wanted(state):
        return link.panel(store, state, page)
    ref = state.sel or (state.focus if page == "explore" else None)
    if ref is None:
        return empty()
    if ref.kind == "e":
        found = views.entity_details(store, ref.key, settings.DETAIL_PAPERS, settings.DETAIL_RELATED_PER_TYPE)
        return entity_panel(found, state, page) if found else _missing(ref)
    if ref.kind == "p":
        found = views.paper_details(store, ref.key)
        return paper_panel(found, state, page) if found else _missing(ref)
    return empty()


def _missing(ref: NodeRef) -> html.Div:
    return html.Div(f"Nothing in the graph is called {ref.key!r} (any more).", className="hint")


def register(app, store: GraphStore) -> None:
    @app.callback(
        Output({"role": "details", "page": MATCH}, "children"),
        Input({"role": "page-url", "page": MATCH}, "search"),
        DashState({"role": "page-url", "page": MATCH}, "pathname"),
        prevent_initial_call=True,
    )
    def _details(search, pathname):
        return content(store, page_of(pathname), State.parse(search))
