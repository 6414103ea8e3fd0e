"""schema.org JSON-LD for an entity page's head, from the entity's own named graph."""

from __future__ import annotations

from rdflib import Literal, URIRef

from ..model.mapped import Mapped
from ..model.schema import Schema
from ..model.vocab import PROV, RDFS, SCHEMA, XSD
from .escaping import script_json

__all__ = ["entity_jsonld", "schema_types", "schema_properties"]


def schema_types(schema: Schema, cls) -> list:
    """The schema.org classes a class is declared a subclass of (nearest first), or schema:Thing."""
    types = [c for c in cls.ancestors if str(c).startswith(str(SCHEMA))]
    return types or [SCHEMA.Thing]


def schema_properties(schema: Schema) -> dict:
    """Property IRI -> the schema.org property the ontology declares it a sub-property of (rdfs:subPropertyOf)."""
    mapping = {}
    for prop, parent in sorted(schema.graph.subject_objects(RDFS.subPropertyOf)):
        if isinstance(parent, URIRef) and str(parent).startswith(str(SCHEMA)):
            mapping.setdefault(prop, parent)
    return mapping


def _json_value(value):
    if isinstance(value, URIRef):
        return {"@id": str(value)}
    if isinstance(value, Literal) and value.language:
        return {"@language": value.language, "@value": str(value)}
    if isinstance(value, Literal) and value.datatype is not None and value.datatype != XSD.string:
        return {"@type": str(value.datatype), "@value": str(value)}
    return str(value)


def entity_jsonld(schema: Schema, mapped: Mapped, entity_id: str, mapping: dict | None = None) -> str:
    """The entity as schema.org JSON-LD with an inline context (no remote fetch), escaped for a <script> element.
    mapping is schema_properties(schema), passed in when called per page so it is computed once per build."""
    record = mapped.entities[entity_id]
    graph = mapped.graph(entity_id)
    mapping = mapping if mapping is not None else schema_properties(schema)
    data: dict = {
        "@context": {"@vocab": str(SCHEMA)},
        "@id": str(record.iri),
        "@type": [str(t)[len(str(SCHEMA)) :] for t in schema_types(schema, record.cls)],
    }
    for prop in sorted({p for p, _ in graph.predicate_objects(record.iri)}, key=str):
        target = mapping.get(prop)
        if target is None:
            continue
        key = str(target)[len(str(SCHEMA)) :]
        values = [_json_value(o) for o in graph.objects(record.iri, prop)]
        data.setdefault(key, []).extend(values)
    citations = sorted(
        {str(graph.value(ref, PROV.entity)) for ref in graph.objects(record.iri, PROV.qualifiedDerivation)}
    )
    if citations:
        data["citation"] = [{"@id": iri} for iri in citations]
    for key, values in data.items():
        if isinstance(values, list) and key != "@type":
            data[key] = sorted(values, key=lambda v: script_json(v))
    return script_json(data)
