"""Roll-ups: sections that list what a SHACL property path declared on the class's shape reaches from the
entity (a trial's results, a drug's protocols and trials, a disease's outcomes across studies), each shown as its
cle:display says. A new roll-up is an ontology change only."""

from __future__ import annotations

from ...model.schema import pick
from ..escaping import inline
from ..layout import MAX_LINKS, bullets, heading, table
from ..paths import follow
from ..values import render_value, values_of
from .across_studies import across_studies
from .effects import relative_effects
from .key_results import key_results
from .outcomes import other_results, outcome_table
from .safety import safety
from .summary_of_findings import summary_of_findings
from .texts import description

__all__ = ["rollups", "DISPLAYS"]


def _title(ctx, rollup) -> list:
    return heading(2, inline(pick(rollup.labels, ctx.lang, rollup.name)))


def _links(ctx, entity_id: str, ids: list, rollup) -> list:
    return _title(ctx, rollup) + bullets(ctx, ids, ctx.class_of(entity_id).folder)


def _outcomes(ctx, entity_id: str, ids: list, rollup) -> list:
    return _title(ctx, rollup) + outcome_table(ctx, ids, ctx.class_of(entity_id).folder)


def _entity_table(ctx, entity_id: str, ids: list, rollup) -> list:
    """One row per entity: its link, then each column property's values (in the page language)."""
    folder = ctx.class_of(entity_id).folder
    shape = ctx.class_of(ids[0]).shape
    specs = [next((s for s in shape.properties.values() if s.path == column), None) for column in rollup.columns]
    header = [inline(ctx.class_label(ctx.class_of(ids[0])))]
    header += [inline(ctx.property_title(column, spec)) for column, spec in zip(rollup.columns, specs, strict=True)]
    rows = []
    for other in sorted(ids, key=ctx.sort_key)[:MAX_LINKS]:
        record = ctx.mapped.entities[other]
        cells = [ctx.link(other, folder)]
        for spec in specs:
            found = values_of(ctx, ctx.graph(other), record.iri, spec) if spec else []
            cells.append(", ".join(render_value(ctx, spec, value, folder) for value in found))
        rows.append(cells)
    return _title(ctx, rollup) + table(header, rows) + [""]


# cle:display (as load/ontology.py names it) -> (ctx, entity id, ids reached, roll-up) -> Markdown lines
DISPLAYS = {
    "links": _links,
    "table": _entity_table,
    "outcomes": _outcomes,
    "keyResults": key_results,
    "summaryOfFindings": summary_of_findings,
    "safety": safety,
    "results": other_results,
    "effects": relative_effects,
    "acrossStudies": across_studies,
}


def rollups(ctx, entity_id: str) -> list:
    """Every roll-up of the entity's class that reaches something, in sh:order."""
    lines = []
    for rollup in ctx.class_of(entity_id).rollups:
        ids = sorted(follow(ctx, {entity_id}, rollup.path) - {entity_id})
        shown = DISPLAYS[rollup.display](ctx, entity_id, ids, rollup) if ids else []
        if shown and rollup.display == "keyResults":
            shown += description(ctx, entity_id, after_results=True)
        lines += shown
    return lines
