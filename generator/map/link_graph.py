"""The link structure between entities as a networkx graph, computed once per build: links out, links in."""

from __future__ import annotations

import networkx as nx
from rdflib import URIRef

from ..model.mapped import Mapped
from ..model.schema import Schema
from ..model.vocab import PROV, RDF

__all__ = ["build_link_graph", "relink", "links_of", "outgoing", "incoming"]


def build_link_graph(schema: Schema, mapped: Mapped) -> nx.MultiDiGraph:
    """Nodes are entity ids; an edge id -> id per relation, keyed by property IRI. A source reference
    (nested node) links its entity to the publication under prov:wasDerivedFrom."""
    graph = nx.MultiDiGraph()
    graph.add_nodes_from(sorted(mapped.entities))
    for entity_id in sorted(mapped.entities):
        graph.add_edges_from(links_of(schema, mapped, entity_id))
    return graph


def relink(graph: nx.MultiDiGraph, schema: Schema, mapped: Mapped, changed: set) -> None:
    """Bring the link graph up to date after the files of `changed` ids were edited, added or removed.
    Only their own links move: a checked graph has no link to an id that does not exist."""
    for entity_id in sorted(changed):
        if entity_id in graph:
            graph.remove_edges_from(list(graph.out_edges(entity_id, keys=True)))
    for entity_id in sorted(changed):
        if entity_id in mapped.entities:
            graph.add_node(entity_id)
            graph.add_edges_from(links_of(schema, mapped, entity_id))
        elif entity_id in graph:
            graph.remove_node(entity_id)


def links_of(schema: Schema, mapped: Mapped, entity_id: str) -> list:
    """(source, target, property) for every link written in one entity's file."""
    links = []
    for s, p, o in mapped.graph(entity_id):
        if p == RDF.type or not isinstance(o, URIRef):
            continue
        target = schema.entity_id(o)
        if target is None or target not in mapped.entities:
            continue
        subject = schema.entity_id(s)
        predicate = p
        if subject is None:  # a nested source reference: <entity>#sources-1
            subject = schema.entity_id(str(s).split("#", 1)[0])
            predicate = PROV.wasDerivedFrom
        if subject is None or subject not in mapped.entities:
            continue
        links.append((subject, target, predicate))
    return links


def outgoing(graph: nx.MultiDiGraph, node: str) -> list:
    """(property, target id) pairs, sorted."""
    return sorted({(key, target) for _, target, key in graph.out_edges(node, keys=True)})


def incoming(graph: nx.MultiDiGraph, node: str) -> list:
    """(property, source id) pairs, sorted."""
    return sorted({(key, source) for source, _, key in graph.in_edges(node, keys=True)})
