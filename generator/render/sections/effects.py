"""Relative effects (a hazard ratio, a difference in restricted mean survival time): the two groups compared,
the estimate with the uncertainty its source gives and the p-value, on the pages that reach them."""

from __future__ import annotations

from ...model.schema import pick
from ...model.vocab import CLE
from ..escaping import inline
from ..layout import heading, table
from ..results import figure_text, p_value_text, uncertainty_text
from ..ui_text import ui

__all__ = ["relative_effects"]


def relative_effects(ctx, entity_id: str, effect_ids: list, rollup) -> list:
    found = sorted((e for e in effect_ids if CLE.RelativeEffect in ctx.class_of(e).ancestors), key=ctx.sort_key)
    if not found:
        return []
    lang, folder = ctx.lang, ctx.class_of(entity_id).folder
    rows = []
    for effect in found:
        groups = [
            ctx.link(c, folder)
            for prop in (CLE.interventionCohort, CLE.controlCohort)
            for c in ctx.targets(effect, prop)
        ]
        uncertainty = ", ".join(part for part in (uncertainty_text(ctx, effect), p_value_text(ctx, effect)) if part)
        rows.append(
            [
                ctx.link(effect, folder),
                ui("versus", lang).join(groups),
                inline(figure_text(ctx, effect, uncertainty=False)),
                inline(uncertainty),
            ]
        )
    header = [ui("effect", lang), ui("groups_compared", lang), ui("estimate", lang), ui("uncertainty", lang)]
    return (
        heading(2, pick(rollup.labels, lang) if rollup else ui("relative_effects", lang)) + table(header, rows) + [""]
    )
