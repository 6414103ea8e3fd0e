"""Write the RDF dumps (Turtle, N-Triples, JSON-LD, TriG) from canonically sorted quads, byte for byte stable."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from .vocab import BINDINGS

__all__ = ["DUMPS", "write_dumps"]

# file name -> (format, keeps named graphs)
DUMPS = {
    "kg.ttl": (ox.RdfFormat.TURTLE, False),
    "kg.nt": (ox.RdfFormat.N_TRIPLES, False),
    "kg.jsonld": (ox.RdfFormat.JSON_LD, True),
    "kg.trig": (ox.RdfFormat.TRIG, True),
}


def _triples(quads) -> list:
    """The union graph: each triple once, in sorted order."""
    unique = {ox.Triple(q.subject, q.predicate, q.object) for q in quads}
    return sorted(unique, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))


def write_dumps(quads: list, folder: Path, entity_namespace: str) -> dict:
    """Write every dump into folder; returns file name -> size in bytes."""
    folder.mkdir(parents=True, exist_ok=True)
    prefixes = dict(BINDINGS) | {"id": entity_namespace}
    triples = _triples(quads)
    sizes = {}
    for name, (fmt, with_graphs) in DUMPS.items():
        data = quads if with_graphs else triples
        kwargs = {} if fmt in (ox.RdfFormat.N_TRIPLES,) else {"prefixes": prefixes}
        output = ox.serialize(data, format=fmt, **kwargs)
        (folder / name).write_bytes(output)
        sizes[name] = len(output)
    return sizes
