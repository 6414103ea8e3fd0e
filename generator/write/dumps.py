"""Write the RDF dumps (Turtle, N-Triples, JSON-LD, TriG, N-Quads) from canonically sorted quads, byte for byte stable."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from ..model.formats import DUMPS
from ..model.quads import prefixes_of

__all__ = ["write_dumps", "dump_name"]


def dump_name(data_format) -> str:
    return f"kg.{data_format.extension}"


def _triples(quads) -> list:
    """The union graph: each triple once, in sorted order."""
    unique = {ox.Triple(q.subject, q.predicate, q.object) for q in quads}
    return sorted(unique, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))


def write_dumps(quads: list, folder: Path, entity_namespace: str) -> dict:
    """Write every dump into folder; returns file name -> size in bytes."""
    folder.mkdir(parents=True, exist_ok=True)
    prefixes = prefixes_of(entity_namespace)
    triples = _triples(quads)
    sizes = {}
    for data_format in DUMPS:
        data = quads if data_format.named_graphs else triples
        kwargs = {"prefixes": prefixes} if data_format.prefixes else {}
        output = ox.serialize(data, format=data_format.format, **kwargs)
        (folder / dump_name(data_format)).write_bytes(output)
        sizes[dump_name(data_format)] = len(output)
    return sizes
