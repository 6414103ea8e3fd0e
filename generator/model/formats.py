"""The RDF files the site publishes, declared once: the dumps of the whole graph and each entity's own files."""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

__all__ = ["DataFormat", "DUMPS", "ENTITY_FORMATS", "ENTITY_DATA_FOLDER"]


@dataclass(frozen=True)
class DataFormat:
    """One RDF serialisation: file extension, media type, its name for people and Oxigraph's format."""

    extension: str
    media_type: str
    name: str
    format: ox.RdfFormat
    named_graphs: bool = False  # keeps one named graph per content file (else the union graph)
    prefixes: bool = True  # written with the project's prefixes (N-Triples has none)


# data/kg.<extension>: the whole graph
DUMPS = (
    DataFormat("ttl", "text/turtle", "Turtle", ox.RdfFormat.TURTLE),
    DataFormat("nt", "application/n-triples", "N-Triples", ox.RdfFormat.N_TRIPLES, prefixes=False),
    DataFormat("jsonld", "application/ld+json", "JSON-LD", ox.RdfFormat.JSON_LD, named_graphs=True),
    DataFormat("trig", "application/trig", "TriG", ox.RdfFormat.TRIG, named_graphs=True),
    # Every store's bulk loader reads N-Quads alike (Virtuoso 7.2 misreads TriG's `id:x\#graph`).
    DataFormat("nq", "application/n-quads", "N-Quads", ox.RdfFormat.N_QUADS, named_graphs=True, prefixes=False),
)

# data/entities/<id>.<extension>: each entity's own named graph, linked from its page
ENTITY_FORMATS = (
    DataFormat("ttl", "text/turtle", "Turtle", ox.RdfFormat.TURTLE),
    DataFormat("jsonld", "application/ld+json", "JSON-LD", ox.RdfFormat.JSON_LD),
)
ENTITY_DATA_FOLDER = "data/entities"
