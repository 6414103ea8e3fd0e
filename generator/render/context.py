"""The typed context every page of one language is rendered from: the graph, schema, link graph and site,
the look-ups pages make (each computed once per build), and a record of what a page read (the preview)."""

from __future__ import annotations

from dataclasses import dataclass, field

import networkx as nx
from rdflib import Literal

from ..model.edition import Edition
from ..model.mapped import Mapped
from ..model.schema import ClassSpec, PropertySpec, Schema, local_name, pick
from ..model.site_info import SiteInfo
from ..model.site_paths import entity_path, relative_page_url
from ..model.vocab import PROV, RDFS
from .escaping import inline
from .ui_text import ui

__all__ = ["PageContext"]


@dataclass
class PageContext:
    """Look-ups over the mapped graph for the pages of one language.

    reads: the live preview sets a set here to learn what each page reads (see preview/incremental.py):
    an entity id (its file), ("in", id) for the links into an entity, ("members", folder) for the list of a
    class and ("members", "*") for the list of every entity.
    layout: what draws the pages' diagrams (submit(dot) -> key, svg(key)), renderer/graphviz.py in a build."""

    schema: Schema
    mapped: Mapped
    links: nx.MultiDiGraph
    lang: str
    languages: tuple
    site: SiteInfo
    layout: object = field(default=None, compare=False)
    reads: set | None = field(default=None, compare=False)
    edition: Edition = field(default_factory=Edition, compare=False)  # version, citation, releases, git history

    def __post_init__(self):
        # Shape names (sh:name) of properties such as label, description and identifiers, which are not ours.
        self.shape_labels = {
            spec.path: spec.labels
            for cls in self.schema.classes.values()
            for spec in cls.shape.properties.values()
            if spec.labels
        }
        # Per-build lookups, filled on first use: each entity's graph and label are looked up many times.
        self._graphs: dict = {}
        self._labels: dict = {}
        self._memo: dict = {}
        self.drawings: dict = {}  # layout key -> (title, description, figure id) of a diagram not yet filled in
        self._members: dict = {}
        for record in self.mapped.entities.values():
            self._members.setdefault(record.cls.folder, []).append(record.id)

    def memo(self, name: str, make):
        """What make() returns, computed once per context (a per-build table a section needs). What make() read
        is noted with the value and noted again for every page that uses it, so a page that finds the value
        made by an earlier page still records what it depends on."""
        if name not in self._memo:
            outer, self.reads = self.reads, set()
            try:
                value = make()
            finally:
                inner, self.reads = self.reads, outer
            self._memo[name] = (value, frozenset(inner))
        value, reads = self._memo[name]
        if self.reads is not None:
            self.reads.update(reads)
        return value

    # --- what a page reads -----------------------------------------------------------------------

    def read(self, key) -> None:
        """Note what the page being written depends on (when reads are recorded)."""
        if self.reads is not None:
            self.reads.add(key)

    def graph(self, entity_id: str):
        self.read(entity_id)
        found = self._graphs.get(entity_id)
        if found is None:
            found = self._graphs[entity_id] = self.mapped.graph(entity_id)
        return found

    def all_entities(self) -> list:
        """(id, record) of every entity, sorted by id, for pages that list across classes."""
        self.read(("members", "*"))
        return sorted(self.mapped.entities.items())

    def members(self, cls: ClassSpec) -> list:
        """Ids of the entities of a class (computed once per build)."""
        self.read(("members", cls.folder))
        return self._members.get(cls.folder, [])

    def value(self, entity_id: str, prop):
        """The first value of prop on an entity (sorted), or None."""
        record = self.mapped.entities[entity_id]
        found = sorted(self.graph(entity_id).objects(record.iri, prop), key=str)
        return found[0] if found else None

    def targets(self, entity_id: str, prop) -> list:
        """Ids of entities an entity links to by prop, sorted."""
        record = self.mapped.entities[entity_id]
        ids = (self.schema.entity_id(o) for o in self.graph(entity_id).objects(record.iri, prop))
        return sorted(i for i in ids if i in self.mapped.entities)

    def incoming(self, entity_id: str) -> list:
        """(source id, property) of every link into an entity, sorted (from the link graph)."""
        self.read(("in", entity_id))
        return sorted((source, key) for source, _, key in self.links.in_edges(entity_id, keys=True))

    def outgoing(self, entity_id: str) -> list:
        """(target id, property) of every link out of an entity, sorted (from the link graph)."""
        self.read(entity_id)
        return sorted((target, key) for _, target, key in self.links.out_edges(entity_id, keys=True))

    def sources_of(self, entity_id: str, prop) -> list:
        """Ids of entities that link to this one by prop, sorted."""
        return sorted({source for source, key in self.incoming(entity_id) if key == prop})

    def source_refs(self, entity_id: str) -> list:
        """The entity's source reference nodes in written order."""
        record = self.mapped.entities[entity_id]
        return sorted(
            self.graph(entity_id).objects(record.iri, PROV.qualifiedDerivation),
            key=lambda r: int(str(r).rsplit("-", 1)[-1]),
        )

    # --- names ------------------------------------------------------------------------------------

    def label(self, entity_id: str) -> str:
        """The entity's label in the page language (computed once per entity and language)."""
        self.read(entity_id)
        found = self._labels.get(entity_id)
        if found is None:
            record = self.mapped.entities[entity_id]
            labels = {
                o.language: str(o)
                for o in self.graph(entity_id).objects(record.iri, RDFS.label)
                if isinstance(o, Literal)
            }
            found = self._labels[entity_id] = pick(labels, self.lang, entity_id)
        return found

    def sort_key(self, entity_id: str) -> tuple:
        """Entities are listed by label (case-insensitively), then id."""
        return (self.label(entity_id).casefold(), entity_id)

    def site_sort_key(self, entity_id: str) -> tuple:
        """Label in the site's default language, then id: an order every language shares, for splitting a
        list into pages that are the same in every language."""
        record = self.mapped.entities[entity_id]
        labels = {o.language: str(o) for o in self.graph(entity_id).objects(record.iri, RDFS.label)}
        return (pick(labels, self.site.default_language, entity_id).casefold(), entity_id)

    def class_label(self, cls: ClassSpec) -> str:
        return pick(cls.labels, self.lang, cls.name)

    def class_of(self, entity_id: str) -> ClassSpec:
        return self.mapped.entities[entity_id].cls

    def property_label(self, prop, spec: PropertySpec | None = None) -> str:
        if spec is not None and spec.labels:
            return pick(spec.labels, self.lang, spec.key)
        labels = self.schema.property_labels.get(prop) or self.shape_labels.get(prop, {})
        return pick(labels, self.lang, local_name(prop))

    def property_title(self, prop, spec: PropertySpec | None = None) -> str:
        """The property label with a capital first letter, for headings and table rows."""
        name = self.property_label(prop, spec)
        return name[:1].upper() + name[1:]

    def inverse_label(self, prop) -> str:
        if prop == PROV.wasDerivedFrom:
            return ui("cited_by", self.lang)
        labels = self.schema.inverse_labels.get(prop)
        if labels:
            return pick(labels, self.lang)
        return f"{ui('referenced_by', self.lang)}: {self.property_label(prop)}"

    # --- links --------------------------------------------------------------------------------------

    def doc_path(self, entity_id: str) -> str:
        return entity_path(self.mapped.entities[entity_id])

    def link(self, entity_id: str, from_folder: str | None, text: str | None = None) -> str:
        """A Markdown link to an entity's page from a page in from_folder (None: the docs root), its label as the
        link text unless text is given."""
        prefix = "../" if from_folder else ""
        return f"[{inline(self.label(entity_id) if text is None else text)}]({prefix}{self.doc_path(entity_id)})"

    def page_href(self, entity_id: str, from_doc: str) -> str:
        """A plain relative URL to an entity's page (for diagrams, which MkDocs does not rewrite)."""
        return relative_page_url(from_doc, self.doc_path(entity_id), self.lang, self.lang, self.languages)
