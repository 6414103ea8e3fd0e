"""The mapped dataset as canonically sorted Oxigraph quads, and an embedded Oxigraph store built from them."""

from __future__ import annotations

import pyoxigraph as ox
from rdflib import Literal, URIRef

from .vocab import XSD

__all__ = ["to_quads", "open_store"]


def _term(term):
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None and term.datatype != XSD.string:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"the mapped graph holds a blank node or unknown term: {term!r}")


def to_quads(graphs: dict) -> list:
    """Every quad of every named graph (graph IRI -> triples), sorted by graph, subject, predicate and
    object (deterministic)."""
    quads = []
    for name, triples in graphs.items():
        graph = ox.NamedNode(str(name))
        quads.extend(ox.Quad(_term(s), _term(p), _term(o), graph) for s, p, o in triples)
    quads.sort(key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)))
    return quads


def open_store(quads) -> ox.Store:
    """An in-memory Oxigraph store whose default graph is the union of the named graphs."""
    store = ox.Store()
    store.extend(quads)
    return store
