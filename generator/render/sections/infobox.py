"""The infobox: the class, identifiers and every short fact (and single-valued relation) in two columns."""

from __future__ import annotations

from ...model.kinds import ValueKind
from ...model.vocab import CLE, DCTERMS, PROV, RDFS
from ..escaping import inline
from ..layout import table
from ..ui_text import ui
from ..values import render_value, values_of
from .texts import unverified_of

__all__ = ["infobox", "unverified_banner"]

SKIPPED = (RDFS.label, DCTERMS.description, PROV.qualifiedDerivation, CLE.unverifiedProperty)


def unverified_banner(ctx, entity_id: str) -> list:
    """A note naming the statements no source confirms."""
    unverified = unverified_of(ctx, entity_id)
    if not unverified:
        return []
    names = ", ".join(sorted(ctx.property_label(p) for p in unverified))
    return [
        f'!!! warning "{ui("unverified_title", ctx.lang)}"',
        "",
        f"    {inline(ui('unverified_text', ctx.lang))} {inline(names)}",
        "",
    ]


def infobox(ctx, entity_id: str) -> list:
    record = ctx.mapped.entities[entity_id]
    folder, lang = record.cls.folder, ctx.lang
    graph, unverified = ctx.graph(entity_id), unverified_of(ctx, entity_id)
    rows = [[ui("class", lang), f"[{inline(ctx.class_label(record.cls))}](index.md)"]]
    for spec in record.cls.shape.properties.values():
        if (
            spec.path in SKIPPED
            or spec.kind is ValueKind.LANGMAP
            or (spec.kind is ValueKind.REFERENCE and not spec.single)
        ):
            continue
        found = values_of(ctx, graph, record.iri, spec)
        if not found:
            continue
        rendered = " · ".join(render_value(ctx, spec, v, folder) for v in found)
        if spec.path in unverified:
            rendered += f" *({inline(ui('unverified', lang))})*"
        name = ui("identifiers", lang) if spec.kind is ValueKind.IDENTIFIER else ctx.property_label(spec.path, spec)
        rows.append([inline(name), rendered])
    return table([ui("property", lang), ui("value", lang)], rows) + [""]
