"""The mapped dataset as canonically sorted Oxigraph quads, and an embedded Oxigraph store built from them."""

from __future__ import annotations

import pyoxigraph as ox
from rdflib import Literal, URIRef

from .vocab import BINDINGS, XSD

__all__ = ["to_quads", "open_store", "oxigraph_term", "graph_quads", "prefixes_of"]


def oxigraph_term(term):
    """The Oxigraph term for an rdflib IRI or literal (the mapped graph holds no blank nodes)."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None and term.datatype != XSD.string:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"the mapped graph holds a blank node or unknown term: {term!r}")


def graph_quads(name, triples, iris: dict | None = None) -> list:
    """The quads of one named graph, sorted by subject, predicate and object. iris (rdflib IRI -> Oxigraph
    IRI), shared by the graphs of one dataset: an IRI that comes again (a predicate, a class, the subject) is
    converted once. Sorted by each quad's N-Quads text: the terms' texts joined by spaces, the same order as
    the (subject, predicate, object) texts (a space sorts before any character that can follow in a subject
    or predicate), the graph being the same: one text per quad instead of three."""
    graph = ox.NamedNode(str(name))
    iris = {} if iris is None else iris

    def term(value):
        if type(value) is URIRef:
            found = iris.get(value)
            if found is None:
                found = iris[value] = ox.NamedNode(str(value))
            return found
        return oxigraph_term(value)

    quads = [ox.Quad(term(s), term(p), term(o), graph) for s, p, o in triples]
    quads.sort(key=str)
    return quads


def to_quads(graphs: dict, cache: dict | None = None) -> list:
    """Every quad of every named graph (graph IRI -> triples), sorted by graph, subject, predicate and
    object (deterministic). cache (graph IRI -> (triples, quads)), kept by the live preview, saves
    converting a graph again while its triples are the same object."""
    quads, iris = [], {}
    for name in sorted(graphs, key=str):
        triples = graphs[name]
        found = cache.get(name) if cache is not None else None
        if found is None or found[0] is not triples:
            found = (triples, graph_quads(name, triples, iris))
            if cache is not None:
                cache[name] = found
        quads.extend(found[1])
    if cache is not None:
        for name in [name for name in cache if name not in graphs]:
            del cache[name]
    return quads


def open_store(quads) -> ox.Store:
    """An in-memory Oxigraph store whose default graph is the union of the named graphs."""
    store = ox.Store()
    store.extend(quads)
    return store


def prefixes_of(entity_namespace: str) -> dict:
    """The prefixes of the dumps, and `id:` for entities: known to every query."""
    return dict(BINDINGS) | {"id": entity_namespace}
