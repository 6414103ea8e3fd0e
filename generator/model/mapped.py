"""The mapped graph: one light triple set per content file (its named graph), the entity records, where each
triple was written, and the references to check across files."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from rdflib import Dataset, URIRef

from .problems import Position
from .schema import ClassSpec
from .triples import TripleSet, to_dataset
from .vocab import ONTOLOGY_IRI

__all__ = ["PositionIndex", "EntityRecord", "Reference", "Mapped", "graph_iri", "ONTOLOGY_GRAPH"]

ONTOLOGY_GRAPH = ONTOLOGY_IRI  # the named graph that holds the vocabulary itself


def graph_iri(entity_iri) -> URIRef:
    """The named graph that holds the triples of one content file.

    >>> graph_iri("https://w3id.org/cle/id/blinfant")
    rdflib.term.URIRef('https://w3id.org/cle/id/blinfant#graph')
    """
    return URIRef(f"{entity_iri}#graph")


class PositionIndex:
    """Where in the YAML each triple (s, p, o), key (s, p) and entity s was written. Recorded for every
    triple but looked up only to report a problem, so the lookup table is built on first use."""

    def __init__(self):
        self._recorded: list = []
        self._table: dict | None = None

    def record(self, key, position: Position) -> None:
        self._recorded.append((key, position))
        self._table = None

    def extend(self, other: PositionIndex) -> None:
        self._recorded.extend(other._recorded)
        self._table = None

    def get(self, key, default=None):
        if self._table is None:
            self._table = {}
            for recorded, position in self._recorded:
                self._table.setdefault(recorded, position)  # the first place a triple was written
        return self._table.get(key, default)


@dataclass(frozen=True)
class EntityRecord:
    """One entity: its id, IRI, class and content file."""

    id: str
    iri: URIRef
    cls: ClassSpec
    path: str


@dataclass(frozen=True)
class Reference:
    """A use of an entity id as a value: checked once every file is mapped."""

    position: Position
    subject: URIRef
    key: str
    target: URIRef
    target_class: URIRef


@dataclass
class Mapped:
    """Every content file mapped: named graphs, entity records, positions and references."""

    graphs: dict = field(default_factory=dict)  # named graph IRI -> TripleSet (one per file, plus the ontology)
    entities: dict = field(default_factory=dict)  # id -> EntityRecord
    positions: PositionIndex = field(default_factory=PositionIndex)  # (s, p, o), (s, p) or s -> Position
    references: list = field(default_factory=list)

    def graph(self, entity_id: str) -> TripleSet:
        """The triples of one content file."""
        return self.graphs[graph_iri(self.entities[entity_id].iri)]

    def triples(self):
        """Every triple of every named graph (a triple in two graphs comes twice)."""
        for graph in self.graphs.values():
            yield from graph

    @functools.cached_property
    def dataset(self) -> Dataset:
        """The same quads as an rdflib Dataset, built on first use (pyshacl, tests)."""
        return to_dataset(self.graphs)
