"""Write the RDF dumps (Turtle, N-Triples, JSON-LD, TriG, N-Quads) from canonically sorted quads, byte for byte
stable; the formats that take comments start with a header naming the dataset, its version and licence."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from ..model.formats import DUMPS
from ..model.quads import prefixes_of
from ..model.vocab import DATASET_IRI
from ..render.cite import licence_name
from .files import open_new

__all__ = ["write_dumps", "dump_name", "dump_header", "union_triples"]


def dump_name(data_format) -> str:
    return f"kg.{data_format.extension}"


def dump_header(title: str, version: str, licence: str) -> bytes:
    """Comment lines for Turtle and TriG (and the dataset description): what the file is and its licence.

    >>> dump_header("CLE", "1.0.0", "https://creativecommons.org/licenses/by/4.0/").decode().splitlines()[1]
    '# Licence: CC BY 4.0 <https://creativecommons.org/licenses/by/4.0/>; described in data/void.ttl.'
    """
    lines = [f"# {' '.join(title.split())}, version {version or 'unversioned'} <{DATASET_IRI}>"]
    if licence:
        lines.append(f"# Licence: {licence_name(licence)} <{licence}>; described in data/void.ttl.")
    return ("\n".join(lines) + "\n").encode("utf-8")


def union_triples(quads) -> list:
    """The union graph: each triple once, sorted by the terms' N-Triples text (which names a term uniquely, so
    the text is both the key that removes repeats and the sort key: hashing the text is cheaper than the terms).
    One string per triple, its terms joined by a space, rather than a tuple of three (20,000 entities: 460,000
    triples): sorted as the (subject, predicate, object) texts are, as a space sorts before every character
    that can follow in a subject or predicate."""
    unique: dict = {}
    for quad in quads:
        triple = quad.triple
        unique.setdefault(str(triple), triple)
    return [unique[key] for key in sorted(unique)]


def write_dumps(quads: list, folder: Path, entity_namespace: str, header: bytes = b"", triples=None) -> dict:
    """Write every dump into folder; returns file name -> size in bytes. triples: union_triples(quads), when
    the caller has it already."""
    folder.mkdir(parents=True, exist_ok=True)
    prefixes = prefixes_of(entity_namespace)
    triples = union_triples(quads) if triples is None else triples
    sizes = {}
    for data_format in DUMPS:
        data = quads if data_format.named_graphs else triples
        kwargs = {"prefixes": prefixes} if data_format.prefixes else {}
        with open_new(folder / dump_name(data_format)) as stream:  # streamed: a dump is never all in memory
            if data_format.comments:
                stream.write(header)
            ox.serialize(data, stream, format=data_format.format, **kwargs)
            sizes[dump_name(data_format)] = stream.tell()
    return sizes
