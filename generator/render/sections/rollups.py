"""Roll-ups: sections that list what a SHACL property path declared on the class's shape reaches from the
entity (a drug's protocols and trials, a disease's outcomes), so a new one is an ontology change only."""

from __future__ import annotations

from ...model.schema import pick
from ..escaping import inline
from ..layout import MAX_LINKS, bullets, heading, table
from ..values import render_value
from ..paths import follow
from .outcomes import outcome_table

__all__ = ["rollups"]


def _entity_table(ctx, rollup, ids: list, folder: str) -> list:
    """One row per entity: its link, then each column property's values."""
    header = [inline(ctx.class_label(ctx.class_of(ids[0])))]
    specs = []
    for column in rollup.columns:
        spec = (
            next((s for s in ctx.class_of(ids[0]).shape.properties.values() if s.path == column), None) if ids else None
        )
        specs.append((column, spec))
        header.append(inline(ctx.property_title(column, spec)))
    rows = []
    for entity_id in sorted(ids, key=ctx.sort_key)[:MAX_LINKS]:
        record = ctx.mapped.entities[entity_id]
        graph = ctx.graph(entity_id)
        cells = [ctx.link(entity_id, folder)]
        for column, spec in specs:
            found = sorted(graph.objects(record.iri, column), key=str)
            cells.append(
                ", ".join(render_value(ctx, spec, v, folder) for v in found)
                if spec
                else ", ".join(inline(str(v)) for v in found)
            )
        rows.append(cells)
    return table(header, rows) + [""]


def rollups(ctx, entity_id: str) -> list:
    """Every roll-up of the entity's class that reaches something, in sh:order."""
    record = ctx.mapped.entities[entity_id]
    folder = record.cls.folder
    lines = []
    for index, rollup in enumerate(record.cls.rollups, start=1):
        ids = sorted(follow(ctx, {entity_id}, rollup.path) - {entity_id})
        if not ids:
            continue
        title = heading(2, inline(pick(rollup.labels, ctx.lang, rollup.name)))
        if rollup.display == "outcomes":
            lines += title + outcome_table(ctx, ids, folder, ctx.label(entity_id), f"{rollup.name}-{index}")
        elif rollup.display == "table":
            lines += title + _entity_table(ctx, rollup, ids, folder)
        else:
            lines += title + bullets(ctx, ids, folder)
    return lines
