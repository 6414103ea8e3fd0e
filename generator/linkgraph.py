"""The link structure between entities as a networkx graph, computed once per build: links out, links in."""

from __future__ import annotations

import networkx as nx
from rdflib import URIRef

from .mapping import Mapped
from .schema import Schema
from .vocab import PROV, RDF

__all__ = ["build_link_graph", "outgoing", "incoming"]


def build_link_graph(schema: Schema, mapped: Mapped) -> nx.MultiDiGraph:
    """Nodes are entity ids; an edge id -> id per relation, keyed by property IRI. A source reference
    (nested node) links its entity to the publication under prov:wasDerivedFrom."""
    graph = nx.MultiDiGraph()
    graph.add_nodes_from(sorted(mapped.entities))
    for s, p, o in mapped.triples():
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
        graph.add_edge(subject, target, key=predicate)
    return graph


def outgoing(graph: nx.MultiDiGraph, node: str) -> list:
    """(property, target id) pairs, sorted."""
    return sorted({(key, target) for _, target, key in graph.out_edges(node, keys=True)})


def incoming(graph: nx.MultiDiGraph, node: str) -> list:
    """(property, source id) pairs, sorted."""
    return sorted({(key, source) for source, _, key in graph.in_edges(node, keys=True)})
