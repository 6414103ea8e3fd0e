"""The RDF files the site publishes, declared once: the dumps of the whole graph, each entity's own files, the
dataset description and where each release's dumps go."""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

__all__ = [
    "DataFormat",
    "DUMPS",
    "ENTITY_FORMATS",
    "ENTITY_DATA_FOLDER",
    "DATA_FOLDER",
    "VOID_FILE",
    "RELEASES_FOLDER",
    "FEED_FILE",
]


@dataclass(frozen=True)
class DataFormat:
    """One RDF serialisation: file extension, media type, its name for people and Oxigraph's format."""

    extension: str
    media_type: str
    name: str
    format: ox.RdfFormat
    named_graphs: bool = False  # keeps one named graph per content file (else the union graph)
    prefixes: bool = True  # written with the project's prefixes (N-Triples has none)
    comments: bool = False  # starts with a comment header naming the dataset, version and licence
    w3c_format: str = ""  # its name in the W3C formats namespace (vocab.FORMATS), for the dataset description


# data/kg.<extension>: the whole graph. N-Triples could carry comments too, but it stays canonical (one triple
# per line, for line-based tools) and JSON-LD has none: both state the licence as data (the ontology graph's
# dcterms:license) and in data/void.ttl.
DUMPS = (
    DataFormat("ttl", "text/turtle", "Turtle", ox.RdfFormat.TURTLE, comments=True, w3c_format="Turtle"),
    DataFormat(
        "nt", "application/n-triples", "N-Triples", ox.RdfFormat.N_TRIPLES, prefixes=False, w3c_format="N-Triples"
    ),
    DataFormat(
        "jsonld", "application/ld+json", "JSON-LD", ox.RdfFormat.JSON_LD, named_graphs=True, w3c_format="JSON-LD"
    ),
    DataFormat(
        "trig", "application/trig", "TriG", ox.RdfFormat.TRIG, named_graphs=True, comments=True, w3c_format="TriG"
    ),
    # Every store's bulk loader reads N-Quads alike (Virtuoso 7.2 misreads TriG's `id:x\#graph`).
    DataFormat(
        "nq",
        "application/n-quads",
        "N-Quads",
        ox.RdfFormat.N_QUADS,
        named_graphs=True,
        prefixes=False,
        w3c_format="N-Quads",
    ),
)

# data/entities/<id>.<extension>: each entity's own named graph, linked from its page
ENTITY_FORMATS = (
    DataFormat("ttl", "text/turtle", "Turtle", ox.RdfFormat.TURTLE),
    DataFormat("jsonld", "application/ld+json", "JSON-LD", ox.RdfFormat.JSON_LD),
)
ENTITY_DATA_FOLDER = "data/entities"
DATA_FOLDER = "data"
VOID_FILE = "data/void.ttl"  # the dataset description (VoID + DCAT), linked from every page's head
RELEASES_FOLDER = "data/releases"  # data/releases/<version>/kg.<extension>: the dumps of each release
FEED_FILE = "changelog.xml"  # the Atom feed of the releases, at each language site's root
