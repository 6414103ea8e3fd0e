"""Read the ontology and SHACL shapes (ontology/*.ttl) into the Schema that drives loading, mapping, checks,
editor schemas and pages."""

from __future__ import annotations

import re
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.collection import Collection

from ..model.kinds import ValueKind
from ..model.problems import Position, Problem
from ..model.schema import CardRow, ClassSpec, PropertySpec, RollUp, Schema, ShapeSpec, local_name
from ..model.vocab import CLE, OWL, RDF, RDFS, SH, SKOS

__all__ = ["load_schema", "parse_ontology", "DISPLAYS"]

# cle:display of a roll-up -> how render/sections/rollups.py shows what it reaches
DISPLAYS = {
    CLE.LinkList: "links",
    CLE.OutcomeTable: "outcomes",
    CLE.EntityTable: "table",
    CLE.KeyResults: "keyResults",
    CLE.SummaryOfFindings: "summaryOfFindings",
    CLE.SafetyTable: "safety",
    CLE.ResultsTable: "results",
    CLE.EffectTable: "effects",
    CLE.AcrossStudies: "acrossStudies",
}


def _lang_map(graph: Graph, subject, predicate) -> dict:
    return {str(o.language): str(o) for o in graph.objects(subject, predicate) if isinstance(o, Literal) and o.language}


def _ancestors(graph: Graph, cls) -> tuple:
    seen, queue = [], [cls]
    while queue:
        current = queue.pop(0)
        if current in seen:
            continue
        seen.append(current)
        queue.extend(sorted(o for o in graph.objects(current, RDFS.subClassOf) if isinstance(o, URIRef)))
    return tuple(seen)


def _position_of(texts: dict, term) -> Position:
    """Best-effort position of a term in the ontology files: the first line naming it."""
    name = local_name(term)
    for path, text in sorted(texts.items()):
        for number, line in enumerate(text.splitlines(), start=1):
            col = line.find(":" + name)
            if col >= 0 and not line.lstrip().startswith("#"):
                return Position(path, number, col + 1)
    return Position(sorted(texts)[0] if texts else "ontology", 1, 1)


class _ShapeReader:
    """Turns SHACL property shapes into PropertySpecs, collecting problems on the way."""

    def __init__(self, graph: Graph, texts: dict, languages: tuple):
        self.graph, self.texts, self.problems = graph, texts, []
        self.languages = languages  # the project's languages (cle:requiredLanguage)

    def value(self, subject, predicate):
        return self.graph.value(subject, predicate)

    def property_spec(self, shape) -> PropertySpec | None:
        g = self.graph
        path = self.value(shape, SH.path)
        if not isinstance(path, URIRef):
            self.problems.append(
                Problem(
                    _position_of(self.texts, shape if isinstance(shape, URIRef) else "path"),
                    "a property shape has no IRI sh:path; give it `sh:path cle:someProperty`",
                )
            )
            return None
        key = str(self.value(shape, CLE.yamlKey) or local_name(path))
        min_count = self.value(shape, SH.minCount)
        max_count = self.value(shape, SH.maxCount)
        datatype = self.value(shape, SH.datatype)
        target = self.value(shape, SH["class"])
        node = self.value(shape, SH.node)
        value_kind = self.value(shape, CLE.valueKind)
        nested = None
        if node is not None:
            kind = ValueKind.NESTED
            nested = self.shape_spec(node, target)
        elif value_kind == CLE.ExternalIdentifier:
            kind = ValueKind.IDENTIFIER
        elif value_kind == CLE.PropertyKey:
            kind = ValueKind.PROPKEY
        elif target is not None:
            kind = ValueKind.REFERENCE
        elif datatype == RDF.langString:
            kind = ValueKind.LANGMAP if self.value(shape, SH.uniqueLang) == Literal(True) else ValueKind.TEXT
        elif datatype is not None:
            kind = ValueKind.LITERAL
        else:
            self.problems.append(
                Problem(
                    _position_of(self.texts, path),
                    f"the shape for `{key}` says neither sh:datatype, sh:class, sh:node nor "
                    "cle:valueKind; add one so the generator knows how to read its values",
                )
            )
            return None
        allowed_list = self.value(shape, SH["in"])
        allowed = tuple(str(v) for v in Collection(g, allowed_list)) if allowed_list is not None else None
        pattern = self.value(shape, SH.pattern)
        language_in = self.value(shape, SH.languageIn)
        languages = tuple(str(v) for v in Collection(g, language_in)) if language_in is not None else None
        if languages is None and kind is ValueKind.LANGMAP:
            languages = self.languages  # a text in every language is in the project's languages and no other
        order = self.value(shape, SH.order)
        labels = _lang_map(g, shape, SH.name) or _lang_map(g, path, RDFS.label)
        definitions = _lang_map(g, shape, SH.description) or _lang_map(g, path, SKOS.definition)
        return PropertySpec(
            key=key,
            path=path,
            kind=kind,
            required=min_count is not None and int(min_count) >= 1,
            single=max_count is not None and int(max_count) == 1,
            order=float(order) if order is not None else 1000.0,
            datatype=datatype if kind is ValueKind.LITERAL else None,
            target_class=target,
            nested=nested,
            allowed=allowed,
            pattern=str(pattern) if pattern is not None else None,
            languages=languages,
            labels=labels,
            definitions=definitions,
            value_labels=self.value_labels(path),
        )

    def value_labels(self, path) -> dict:
        """Coded value -> {lang: words}, from the concept scheme the property names with cle:valueScheme."""
        scheme = self.value(path, CLE.valueScheme)
        if scheme is None:
            return {}
        if scheme == CLE.ContentKeys:  # the value names a YAML key: its words are the key's property label
            return self.key_labels()
        return {
            str(self.value(concept, SKOS.notation)): _lang_map(self.graph, concept, SKOS.prefLabel)
            for concept in sorted(self.graph.subjects(SKOS.inScheme, scheme))
            if self.value(concept, SKOS.notation) is not None
        }

    def key_labels(self) -> dict:
        """Every YAML key of every shape -> the {lang: label} of the property it maps to."""
        found = {}
        for shape in sorted(self.graph.subjects(SH.path, None), key=str):
            path = self.value(shape, SH.path)
            if isinstance(path, URIRef):
                labels = _lang_map(self.graph, path, RDFS.label)
                found.setdefault(str(self.value(shape, CLE.yamlKey) or local_name(path)), labels)
                found.setdefault(local_name(path), labels)
        return found

    def card_of(self, node_shape) -> list:
        """The card rows (cle:cardRow) declared on a node shape."""
        rows = []
        for node in self.graph.objects(node_shape, CLE.cardRow):
            order = self.value(node, SH.order)
            rows.append(
                CardRow(
                    float(order) if order is not None else 1000.0,
                    _lang_map(self.graph, node, SH.name),
                    _lang_map(self.graph, node, CLE.template),
                    _lang_map(self.graph, node, CLE.fallbackTemplate),
                )
            )
        return rows

    def specs_of(self, node_shape) -> list:
        specs = []
        for shape in self.graph.objects(node_shape, SH.property):
            spec = self.property_spec(shape)
            if spec is not None:
                specs.append(spec)
        return specs

    def shape_spec(self, node_shape, node_class=None) -> ShapeSpec:
        return ShapeSpec(_ordered(self.specs_of(node_shape), self.problems, self.texts), node_class)

    def path(self, node):
        """A SHACL property path as a tuple: ("iri", p), ("inverse", path), ("sequence", paths) or
        ("alternative", paths); None (and a problem) for a path form pages cannot follow."""
        g = self.graph
        if isinstance(node, URIRef) and node != RDF.nil:
            return ("iri", node)
        if (node, RDF.first, None) in g:
            parts = [self.path(item) for item in Collection(g, node)]
            return None if None in parts else ("sequence", tuple(parts))
        inverse = g.value(node, SH.inversePath)
        if inverse is not None:
            part = self.path(inverse)
            return None if part is None else ("inverse", part)
        alternatives = g.value(node, SH.alternativePath)
        if alternatives is not None:
            parts = [self.path(item) for item in Collection(g, alternatives)]
            return None if None in parts else ("alternative", tuple(parts))
        self.problems.append(
            Problem(
                _position_of(self.texts, "rollUp"),
                "a roll-up's sh:path is not an IRI, "
                "sequence, sh:inversePath or sh:alternativePath; write it with those",
            )
        )
        return None

    def rollups_of(self, node_shape) -> list:
        """The roll-ups (cle:rollUp) declared on a node shape."""
        found = []
        for node in self.graph.objects(node_shape, CLE.rollUp):
            path = self.path(self.value(node, SH.path))
            display = DISPLAYS.get(self.value(node, CLE.display))
            if path is None:
                continue
            if display is None:
                self.problems.append(
                    Problem(
                        _position_of(self.texts, "rollUp"),
                        f"a roll-up needs cle:display, one of {', '.join('cle:' + local_name(d) for d in DISPLAYS)}",
                    )
                )
                continue
            columns = self.value(node, CLE.columns)
            order = self.value(node, SH.order)
            found.append(
                RollUp(
                    local_name(node) if isinstance(node, URIRef) else "rollup",
                    path,
                    display,
                    float(order) if order is not None else 1000.0,
                    _lang_map(self.graph, node, SH.name),
                    tuple(Collection(self.graph, columns)) if columns is not None else (),
                )
            )
        return found


def _menu(graph: Graph, cls) -> tuple:
    """(order, {lang: label}) of a class in the readers' menu, or () when it is not there."""
    labels = _lang_map(graph, cls, CLE.menuLabel)
    order = graph.value(cls, CLE.menuOrder)
    return (float(order) if order is not None else 1000.0, labels) if labels else ()


def _ordered(specs, problems, texts) -> dict:
    result = {}
    for spec in sorted(specs, key=lambda s: (s.order, s.key)):
        if spec.key in result and result[spec.key] != spec:
            problems.append(
                Problem(
                    _position_of(texts, spec.path),
                    f"two property shapes use the key `{spec.key}`; give one a distinct cle:yamlKey",
                )
            )
            continue
        result[spec.key] = spec
    return result


def parse_ontology(root: Path) -> tuple[Graph, dict, list]:
    """Parse every ontology/*.ttl into one graph; syntax errors become problems."""
    graph, texts, problems = Graph(), {}, []
    folder = root / "ontology"
    for path in sorted(folder.glob("*.ttl")):
        rel = path.relative_to(root).as_posix()
        text = path.read_text(encoding="utf-8")
        texts[rel] = text
        try:
            graph.parse(data=text, format="turtle")
        except Exception as error:  # rdflib raises several types for bad Turtle; all mean the same to a user
            match = re.search(r"line (\d+)", str(error))
            line = int(match.group(1)) if match else 1
            problems.append(
                Problem(
                    Position(rel, line, 1),
                    f"the Turtle does not parse ({str(error).splitlines()[0][:200]}); fix the syntax",
                )
            )
    if not texts:
        problems.append(
            Problem(
                Position("ontology", 1, 1), "no ontology found; put the OWL and SHACL Turtle files in ontology/*.ttl"
            )
        )
    return graph, texts, problems


def load_schema(root: Path) -> tuple[Schema | None, list]:
    """Read ontology/ under root into a Schema, or return the problems that prevent it."""
    graph, texts, problems = parse_ontology(root)
    if problems:
        return None, problems
    ontology = next(iter(graph.subjects(RDF.type, OWL.Ontology)), None)
    namespace = graph.value(ontology, CLE.entityNamespace) if ontology is not None else None
    languages = (
        tuple(sorted(str(o) for o in graph.objects(ontology, CLE.requiredLanguage))) if ontology is not None else ()
    )
    if namespace is None or not languages:
        return None, [
            Problem(
                _position_of(texts, "Ontology"),
                "the owl:Ontology header needs cle:entityNamespace and cle:requiredLanguage",
            )
        ]
    reader = _ShapeReader(graph, texts, languages)
    shapes_by_class, rollups_by_class, cards_by_class = {}, {}, {}
    for node_shape in sorted(graph.subjects(SH.targetClass, None)):
        for cls in graph.objects(node_shape, SH.targetClass):
            shapes_by_class.setdefault(cls, []).extend(reader.specs_of(node_shape))
            rollups_by_class.setdefault(cls, []).extend(reader.rollups_of(node_shape))
            cards_by_class.setdefault(cls, []).extend(reader.card_of(node_shape))
    classes = {}
    for cls in sorted(graph.subjects(CLE.contentFolder, None)):
        folder = str(graph.value(cls, CLE.contentFolder))
        ancestors = _ancestors(graph, cls)
        specs = [spec for ancestor in reversed(ancestors) for spec in shapes_by_class.get(ancestor, [])]
        labels, definitions = _lang_map(graph, cls, RDFS.label), _lang_map(graph, cls, SKOS.definition)
        for what, values in (("rdfs:label", labels), ("skos:definition", definitions)):
            missing = [lang for lang in languages if lang not in values]
            if missing:
                problems.append(
                    Problem(
                        _position_of(texts, cls),
                        f"class {local_name(cls)} has no {what} in {', '.join(missing)}; add one per required language",
                    )
                )
        if folder in classes:
            problems.append(Problem(_position_of(texts, cls), f"two classes use the content folder `{folder}`"))
        rollups = sorted(
            (r for ancestor in reversed(ancestors) for r in rollups_by_class.get(ancestor, [])),
            key=lambda r: (r.order, r.name),
        )
        classes[folder] = ClassSpec(
            cls,
            folder,
            labels,
            definitions,
            ancestors,
            ShapeSpec(_ordered(specs, reader.problems, texts), cls),
            tuple(rollups),
            # a class's own card, else its nearest superclass's
            tuple(
                sorted(
                    next((cards_by_class[a] for a in ancestors if cards_by_class.get(a)), []), key=lambda row: row.order
                )
            ),
            _menu(graph, cls),
        )
    property_labels, inverse_labels = {}, {}
    for prop in set(graph.subjects(RDF.type, OWL.ObjectProperty)) | set(graph.subjects(RDF.type, OWL.DatatypeProperty)):
        property_labels[prop] = _lang_map(graph, prop, RDFS.label)
        inverse_labels[prop] = _lang_map(graph, prop, CLE.inverseLabel)
    problems.extend(reader.problems)
    if problems:
        return None, problems
    event_labels = {prop: _lang_map(graph, prop, CLE.eventLabel) for prop in set(graph.subjects(CLE.eventLabel, None))}
    schema = Schema(
        graph, str(namespace), languages, dict(sorted(classes.items())), property_labels, inverse_labels, event_labels
    )
    return schema, []
