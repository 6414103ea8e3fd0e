"""Relations: the entity's outgoing links by property (schema order), then incoming ones by inverse label."""

from __future__ import annotations

from ...model.kinds import ValueKind
from ...model.vocab import PROV
from ..escaping import inline
from ..layout import capped, heading
from ..ui_text import ui
from .texts import unverified_of

__all__ = ["relations"]


def relations(ctx, entity_id: str) -> list:
    record = ctx.mapped.entities[entity_id]
    folder, lang = record.cls.folder, ctx.lang
    unverified = unverified_of(ctx, entity_id)
    out = []
    for spec in record.cls.shape.properties.values():
        if spec.kind is not ValueKind.REFERENCE or spec.single:
            continue
        ids = ctx.targets(entity_id, spec.path)
        if ids:
            flag = f" *({inline(ui('unverified', lang))})*" if spec.path in unverified else ""
            out.append(f"- **{inline(ctx.property_title(spec.path, spec))}**: {capped(ctx, ids, folder)}{flag}")
    grouped: dict = {}
    for source, prop in ctx.incoming(entity_id):
        if prop != PROV.wasDerivedFrom:  # who cites a publication: its own table, with locators
            grouped.setdefault(ctx.inverse_label(prop), set()).add(source)
    back = [f"- **{inline(name)}**: {capped(ctx, sorted(ids), folder)}" for name, ids in sorted(grouped.items())]
    if not out and not back:
        return []
    lines = heading(3, ui("relations", lang))
    if out:
        lines += [f"**{ui('links_out', lang)}**", ""] + out + [""]
    if back:
        lines += [f"**{ui('referenced_by', lang)}**", ""] + back + [""]
    return lines
