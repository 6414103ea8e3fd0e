"""The schema every stage reads: classes, their YAML keys and what each key's values must be (from ontology/)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rdflib import Graph, URIRef

from .kinds import ValueKind
from .vocab import RDFS

__all__ = ["PropertySpec", "ShapeSpec", "ClassSpec", "CardRow", "RollUp", "Schema", "local_name", "pick"]


def local_name(iri) -> str:
    """The part of an IRI after the last '#' or '/'.

    >>> local_name("https://w3id.org/cle/ontology#addsDrug")
    'addsDrug'
    """
    return re.split(r"[#/]", str(iri))[-1]


def pick(values: dict, lang: str, fallback: str = "") -> str:
    """The text of a {language: text} map in lang, else in English, else any (sorted), else fallback.

    >>> pick({"en": "Drug", "nl": "Geneesmiddel"}, "nl")
    'Geneesmiddel'
    >>> pick({"en": "Drug"}, "nl")
    'Drug'
    >>> pick({}, "nl", "x")
    'x'
    """
    return values.get(lang) or values.get("en") or next(iter(sorted(values.values())), fallback)


@dataclass(frozen=True)
class PropertySpec:
    """One YAML key of a class: where it maps to in RDF and what its values must be."""

    key: str
    path: URIRef
    kind: ValueKind
    required: bool
    single: bool
    order: float
    datatype: URIRef | None = None
    target_class: URIRef | None = None
    nested: ShapeSpec | None = None
    allowed: tuple[str, ...] | None = None
    pattern: str | None = None
    languages: tuple[str, ...] | None = None  # the language tags a text may be written in; None: any
    labels: dict = field(default_factory=dict, compare=False, hash=False)
    definitions: dict = field(default_factory=dict, compare=False, hash=False)
    value_labels: dict = field(default_factory=dict, compare=False, hash=False)  # coded value -> {lang: words}


@dataclass(frozen=True)
class ShapeSpec:
    """The keys of one kind of YAML mapping (an entity file or a nested mapping), in display order."""

    properties: dict  # key -> PropertySpec
    node_class: URIRef | None = None

    def by_path(self) -> dict:
        return {spec.path: spec for spec in self.properties.values()}


@dataclass(frozen=True)
class RollUp:
    """A section of a class's pages that lists what a SHACL property path reaches from the entity (declared
    on the class's shape with cle:rollUp): a drug's protocols and trials, a disease's outcomes."""

    name: str  # the local name of the roll-up's IRI, stable across languages (used for chart ids)
    path: tuple  # a parsed SHACL path: ("iri", IRI) | ("inverse", path) | ("sequence", paths) | ("alternative", paths)
    display: str  # how the entities reached are shown: "links", "outcomes" or "table"
    order: float
    labels: dict = field(default_factory=dict, compare=False, hash=False)
    columns: tuple = ()  # for "table": the properties shown per row, in order


@dataclass(frozen=True)
class CardRow:
    """A row of the card at the top of a class's pages: its label and how it is composed, per language."""

    order: float
    labels: dict = field(compare=False, hash=False)  # lang -> row label
    templates: dict = field(compare=False, hash=False)  # lang -> template (render/compose.py)
    fallbacks: dict = field(default_factory=dict, compare=False, hash=False)  # lang -> template used instead


@dataclass(frozen=True)
class ClassSpec:
    """A class of entities: its IRI, content folder, names, the keys its files take and its roll-ups."""

    iri: URIRef
    folder: str
    labels: dict
    definitions: dict
    ancestors: tuple  # the class itself and every superclass, nearest first
    shape: ShapeSpec
    rollups: tuple = ()  # RollUp, in sh:order
    card: tuple = ()  # CardRow, in sh:order
    menu: tuple = ()  # (order, {lang: label}) when the class's list is in the readers' menu

    @property
    def name(self) -> str:
        return local_name(self.iri)


@dataclass
class Schema:
    """Everything the generator knows about the domain, all of it read from ontology/."""

    graph: Graph
    entity_namespace: str
    languages: tuple
    classes: dict  # folder -> ClassSpec
    property_labels: dict  # property IRI -> {lang: label}
    inverse_labels: dict  # property IRI -> {lang: label}
    event_labels: dict = field(default_factory=dict)  # date property IRI -> {lang: what the timeline calls it}

    def class_of_iri(self, iri) -> ClassSpec | None:
        return self._by_iri.get(iri)

    def __post_init__(self):
        self._by_iri = {spec.iri: spec for spec in self.classes.values()}
        self._iris: dict = {}

    def is_subclass(self, cls, ancestor) -> bool:
        spec = self._by_iri.get(cls)
        return spec is not None and ancestor in spec.ancestors

    def subproperties_of(self, *ancestors) -> frozenset:
        """The given properties and every property declared a sub-property of one of them, at any depth."""
        found, queue = set(ancestors), list(ancestors)
        while queue:
            for sub in self.graph.subjects(RDFS.subPropertyOf, queue.pop()):
                if sub not in found:
                    found.add(sub)
                    queue.append(sub)
        return frozenset(found)

    def entity_iri(self, entity_id: str) -> URIRef:
        iri = self._iris.get(entity_id)
        if iri is None:  # the same ids come back as references many times; URIRef() validates each time
            iri = self._iris[entity_id] = URIRef(self.entity_namespace + entity_id)
        return iri

    def entity_id(self, iri) -> str | None:
        text = str(iri)
        if text.startswith(self.entity_namespace):
            rest = text[len(self.entity_namespace) :]
            if rest and "#" not in rest and "/" not in rest:
                return rest
        return None
