"""The public graph schema, as constants the queries are built from.

People write Cypher against this (README, "Graph schema"):

    (:Paper {id, title, abstract, published, upvotes, authors, authors_count,
             organization, url, sources, title_key, record_hash, extraction_id})
    (:Entity:Method|:Entity:Dataset|:Entity:Benchmark|:Entity:Task|:Entity:Metric
        {key, name, label, aliases, paper_count, mention_count, first_seen,
         last_seen, search_text, name_fold, name_clash, base_keys,
         variant_marks})
                                   name_fold, name_clash, base_keys (all
                                   indexed): the case-folded name, the name
                                   without case, spacing, hyphens or plural,
                                   and the keys a variant hangs under;
                                   variant_marks: the rules those were made
                                   with (ingest/variants.py)
    (:Paper)-[:MENTIONS {count, evidence, surfaces, label}]->(:Entity)
    (:Paper)-[:PROPOSES]->(:Entity)
    (:Entity)-[:CO_OCCURS {papers}]->(:Entity)   stored once per pair, from
                                                  the lower key to the higher
"""
from __future__ import annotations

from graph.dialect import ENTITY_LABELS

# Extraction labels (ingest.mentions.LABELS) → node labels.
NODE_LABEL = {label.upper(): label for label in ENTITY_LABELS}
