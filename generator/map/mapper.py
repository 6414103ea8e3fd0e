"""Map entity YAML trees to RDF by the schema: one named graph per content file, positions kept per triple."""

from __future__ import annotations

import re

from rdflib import BNode, Literal, URIRef

from ..load.yaml_strict import Mapping, Scalar, Sequence
from ..model.datatypes import literal_problem
from ..model.ids import ID_PATTERN, slug
from ..model.kinds import ValueKind
from ..model.mapped import ONTOLOGY_GRAPH, EntityRecord, Mapped, Reference, graph_iri
from ..model.problems import Position, Problem
from ..model.schema import PropertySpec, Schema, ShapeSpec
from ..model.triples import TripleSet
from ..model.vocab import RDF, XSD
from ..model.wording import (
    a_or_an,
    did_you_mean,
    empty_text,
    holds_placeholder,
    langmap_message,
    language_not_allowed,
    nested_message,
    not_a_language_tag,
    not_allowed,
    placeholder_message,
    propkey_message,
    text_message,
    wrong_pattern,
)
from .curies import expand_curie
from .text_links import check_text_links

__all__ = ["MappingCache", "map_entity", "map_entities", "ontology_graph", "LANGUAGE_TAG"]

LANGUAGE_TAG = r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"


class _EntityMapper:
    """Maps one entity's tree into its named graph, collecting problems."""

    def __init__(self, schema: Schema, mapped: Mapped, record: EntityRecord, problems: list, stated: tuple):
        self.schema, self.mapped, self.record, self.problems = schema, mapped, record, problems
        self.stated = stated  # the keys this file states at its top level, which `supports` may name
        self.graph = mapped.graphs.setdefault(graph_iri(record.iri), TripleSet(graph_iri(record.iri)))

    def problem(self, position: Position, message: str) -> None:
        self.problems.append(Problem(position, message))

    def add(self, subject, predicate, obj, position: Position) -> None:
        self.graph.add((subject, predicate, obj))
        self.mapped.positions.record((subject, predicate, obj), position)

    def map_shape(self, subject: URIRef, tree: Mapping, shape: ShapeSpec, what: str) -> None:
        keys = shape.properties
        for key, node in tree.items:
            spec = keys.get(key.value)
            if spec is None:
                self.problem(
                    key.position,
                    f"unknown key `{key.value}` for {what}{did_you_mean(key.value, keys)} (keys: {', '.join(keys)})",
                )
                continue
            self.mapped.positions.record((subject, spec.path), key.position)
            self.map_values(subject, spec, key, node)
        present = {key.value for key, _ in tree.items}
        for spec in keys.values():
            if spec.required and spec.key not in present:
                hint = spec.definitions.get("en", "")
                self.problem(
                    tree.position,
                    f"missing required key `{spec.key}`; add `{spec.key}:`{' (' + hint + ')' if hint else ''}",
                )

    def map_values(self, subject: URIRef, spec: PropertySpec, key: Scalar, node) -> None:
        if spec.kind.is_text or (spec.kind is ValueKind.NESTED and isinstance(node, Mapping)):
            values = [node]
        elif isinstance(node, Sequence):
            if spec.single:
                self.problem(node.position, f"`{spec.key}` takes one value, not a list; keep one")
                return
            values = node.items
            if not values:
                self.problem(
                    node.position, f"`{spec.key}` has an empty list; give at least one value or delete the key"
                )
        else:
            values = [node]
        for index, value in enumerate(values, start=1):
            if isinstance(value, Scalar) and value.is_null:
                self.problem(value.position, f"`{spec.key}` has no value; write a value or delete the key")
                continue
            if isinstance(value, Scalar) and holds_placeholder(value.value):
                self.problem(value.position, placeholder_message(spec))
                continue
            self.MAPPERS[spec.kind](self, subject, spec, value, index)

    def expect_scalar(self, spec: PropertySpec, node) -> Scalar | None:
        if isinstance(node, Scalar):
            return node
        shape = "a list" if isinstance(node, Sequence) else "a mapping"
        self.problem(node.position, f"`{spec.key}` takes a single value here, not {shape}; write `{spec.key}: value`")
        return None

    def map_literal(self, subject, spec, node, index) -> None:
        scalar = self.expect_scalar(spec, node)
        if scalar is None:
            return
        text = scalar.value.strip()
        problem = literal_problem(text, spec.datatype)
        if problem is None and spec.allowed is not None and text not in spec.allowed:
            problem = not_allowed(f"`{text}`", spec, did_you_mean(text, spec.allowed))
        if problem is None and spec.pattern is not None and not re.search(spec.pattern, text):
            problem = wrong_pattern(f"`{text}`", spec)
        if problem:
            self.problem(scalar.position, problem)
            return
        literal = (
            Literal(text) if spec.datatype == XSD.string else Literal(text, datatype=spec.datatype, normalize=False)
        )
        self.add(subject, spec.path, literal, scalar.position)

    def lang_items(self, spec, node) -> list | None:
        if not isinstance(node, Mapping):
            self.problem(node.position, langmap_message(self.schema, spec))
            return None
        items = []
        for lang, text in node.items:
            if not re.match(LANGUAGE_TAG, lang.value):
                self.problem(lang.position, not_a_language_tag(f"`{lang.value}`", self.schema))
                continue
            if spec.languages is not None and lang.value not in spec.languages:
                self.problem(lang.position, language_not_allowed(lang.value, spec))
                continue
            scalar = self.expect_scalar(spec, text)
            if scalar is None:
                continue
            if scalar.is_null or not scalar.value.strip():
                self.problem(scalar.position, empty_text(spec, f"`{lang.value}`"))
                continue
            if holds_placeholder(scalar.value):
                self.problem(scalar.position, placeholder_message(spec))
                continue
            items.append((lang, scalar))
        return items

    def map_langmap(self, subject, spec, node, index) -> None:
        items = self.lang_items(spec, node)
        if items is None:
            return
        given = {lang.value for lang, _ in node.items}  # an empty one is reported as empty, not as missing
        missing = [lang for lang in self.schema.languages if lang not in given]
        if missing:
            self.problem(
                node.position,
                f"`{spec.key}` has no text in {', '.join(missing)}; add "
                f"{', '.join('`' + lang + ': …`' for lang in missing)}",
            )
        for lang, scalar in items:
            self.add(subject, spec.path, Literal(scalar.value.strip(), lang=lang.value), scalar.position)

    def map_text(self, subject, spec, node, index) -> None:
        items = self.lang_items(spec, node)
        if items is None:
            return
        if len(node.items) != 1:
            self.problem(node.position, text_message(self.schema, spec))
            return
        for lang, scalar in items:
            self.add(subject, spec.path, Literal(scalar.value.strip(), lang=lang.value), scalar.position)

    def map_reference(self, subject, spec, node, index) -> None:
        scalar = self.expect_scalar(spec, node)
        if scalar is None:
            return
        if not ID_PATTERN.match(scalar.value.strip()):
            wanted = self.schema.class_of_iri(spec.target_class)
            example = slug(scalar.value)
            self.problem(
                scalar.position,
                f"`{scalar.value.strip()[:80]}` is not an id; `{spec.key}` takes the id (file name "
                f"without .yaml) of {a_or_an(wanted.labels.get('en', wanted.name)) if wanted else 'an entity'}"
                f"{', such as `' + example + '`' if example else ''}",
            )
            return
        target = self.schema.entity_iri(scalar.value.strip())
        self.mapped.references.append(Reference(scalar.position, subject, spec.key, target, spec.target_class))
        self.add(subject, spec.path, target, scalar.position)

    def map_identifier(self, subject, spec, node, index) -> None:
        scalar = self.expect_scalar(spec, node)
        if scalar is None:
            return
        iri, problem = expand_curie(scalar.value.strip())
        if problem:
            self.problem(scalar.position, problem)
            return
        self.add(subject, spec.path, URIRef(iri), scalar.position)

    def map_propkey(self, subject, spec, node, index) -> None:
        scalar = self.expect_scalar(spec, node)
        if scalar is None:
            return
        cls, key = self.record.cls, scalar.value.strip()
        problem = propkey_message(cls, spec, key, self.stated)
        if problem:
            self.problem(scalar.position, problem)
            return
        self.add(subject, spec.path, cls.shape.properties[key].path, scalar.position)

    def map_nested(self, subject, spec, node, index) -> None:
        if not isinstance(node, Mapping):
            self.problem(node.position, nested_message(spec))
            return
        child = URIRef(f"{subject}#{spec.key}-{index}")
        self.add(subject, spec.path, child, node.position)
        if spec.nested.node_class is not None:
            self.add(child, RDF.type, spec.nested.node_class, node.position)
        self.map_shape(child, node, spec.nested, f"an entry of `{spec.key}`")

    # ValueKind -> the method that maps one value of that kind
    MAPPERS = {
        ValueKind.LITERAL: map_literal,
        ValueKind.LANGMAP: map_langmap,
        ValueKind.TEXT: map_text,
        ValueKind.REFERENCE: map_reference,
        ValueKind.IDENTIFIER: map_identifier,
        ValueKind.PROPKEY: map_propkey,
        ValueKind.NESTED: map_nested,
    }


def ontology_graph(schema: Schema) -> TripleSet:
    """The vocabulary's named terms and labels, as the dataset's ontology graph (the shapes' blank nodes stay
    in ontology/)."""
    ontology = TripleSet(ONTOLOGY_GRAPH)
    for s, p, o in schema.graph:
        if not isinstance(s, BNode) and not isinstance(o, BNode):
            ontology.add((s, p, o))
    return ontology


def map_entity(schema: Schema, raw) -> tuple[Mapped, list]:
    """One content file on its own: its record, named graph, positions and references, and its problems.
    Nothing here depends on another file, so a part can be reused while its file is unchanged."""
    part = Mapped()
    problems: list = []
    cls = schema.classes[raw.folder]
    record = EntityRecord(raw.id, schema.entity_iri(raw.id), cls, raw.path)
    part.entities[raw.id] = record
    part.positions.record(record.iri, Position(raw.path, 1, 1))
    stated = tuple(key.value for key, _ in raw.tree.items)
    mapper = _EntityMapper(schema, part, record, problems, stated)
    mapper.add(record.iri, RDF.type, cls.iri, Position(raw.path, 1, 1))
    mapper.map_shape(record.iri, raw.tree, cls.shape, a_or_an(cls.labels.get("en", cls.name)))
    return part, problems + check_text_links(part)


class MappingCache:
    """Parts of files mapped before, reused while the loader hands back the very same YAML tree (it does for a
    file whose bytes are unchanged): the live preview maps only the file that was edited."""

    def __init__(self):
        self._parts: dict = {}  # path -> (folder, tree, part, problems)

    def part(self, schema: Schema, raw) -> tuple[Mapped, list]:
        found = self._parts.get(raw.path)
        if found is not None and found[0] == raw.folder and found[1] is raw.tree:
            return found[2], found[3]
        part, problems = map_entity(schema, raw)
        self._parts[raw.path] = (raw.folder, raw.tree, part, problems)
        return part, problems

    def forget_except(self, paths) -> None:
        """Drop the parts of files that are gone."""
        keep = set(paths)
        self._parts = {path: found for path, found in self._parts.items() if path in keep}


def map_entities(schema: Schema, raw_entities: list, cache: MappingCache | None = None) -> tuple[Mapped, list]:
    """RDF for every entity (plus the ontology in its own named graph), and every mapping problem."""
    mapped = Mapped()
    problems: list = []
    mapped.graphs[ONTOLOGY_GRAPH] = ontology_graph(schema)
    for raw in sorted(raw_entities, key=lambda r: r.id):
        part, part_problems = cache.part(schema, raw) if cache is not None else map_entity(schema, raw)
        mapped.graphs.update(part.graphs)
        mapped.entities.update(part.entities)
        mapped.positions.extend(part.positions)
        mapped.references.extend(part.references)
        problems.extend(part_problems)
    if cache is not None:
        cache.forget_except(raw.path for raw in raw_entities)
    return mapped, problems
