"""The entity's description, and its longer texts in the page language (design, mechanism, eligibility …),
one section each."""

from __future__ import annotations

from ...model.kinds import ValueKind
from ...model.vocab import CLE, DCTERMS, RDFS
from ..escaping import block, inline
from ..layout import heading
from ..ui_text import ui
from ..values import values_of

__all__ = ["description", "long_texts", "unverified_of"]


def unverified_of(ctx, entity_id: str) -> set:
    """The properties the entity's file lists under `unverified:`."""
    record = ctx.mapped.entities[entity_id]
    return set(ctx.graph(entity_id).objects(record.iri, CLE.unverifiedProperty))


def description(ctx, entity_id: str) -> list:
    record = ctx.mapped.entities[entity_id]
    found = values_of(ctx, ctx.graph(entity_id), record.iri, record.cls.shape.properties["description"])
    return [block(str(found[0])), ""] if found else []


def long_texts(ctx, entity_id: str) -> list:
    record = ctx.mapped.entities[entity_id]
    graph, unverified = ctx.graph(entity_id), unverified_of(ctx, entity_id)
    lines = []
    for spec in record.cls.shape.properties.values():
        if spec.kind is not ValueKind.LANGMAP or spec.path in (RDFS.label, DCTERMS.description):
            continue
        found = values_of(ctx, graph, record.iri, spec)
        if not found:
            continue
        flag = f" *({inline(ui('unverified', ctx.lang))})*" if spec.path in unverified else ""
        lines += heading(2, inline(ctx.property_title(spec.path, spec))) + [block(str(found[0])) + flag, ""]
    return lines
