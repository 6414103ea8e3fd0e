"""Safety in one place: every adverse-event result of the page's outcomes in one table (what was counted, in
whom, how many, the details), then the boxed warning of each drug the groups were given."""

from __future__ import annotations

from ...model.schema import pick
from ...model.vocab import CLE, DCTERMS
from ..escaping import block, inline
from ..layout import heading, table_sharing
from ..locale import in_running_text
from ..results import category, cohort_of, figure_text, measure_of, treatment_of
from ..ui_text import ui
from ..values import text_of

__all__ = ["safety"]


def _counted_in(ctx, outcome_id: str) -> str:
    """'in 9 of 30 patients' when the source gives how many patients had an event."""
    numerator, denominator = ctx.value(outcome_id, CLE.numerator), ctx.value(outcome_id, CLE.denominator)
    if numerator is None or denominator is None:
        return ""
    return " " + ui("in_n_of_m", ctx.lang, n=int(str(numerator)), m=int(str(denominator)))


def safety(ctx, entity_id: str, outcome_ids: list, rollup) -> list:
    found = sorted((o for o in outcome_ids if category(ctx, o) == "safety"), key=ctx.sort_key)
    lang, folder = ctx.lang, ctx.class_of(entity_id).folder
    drugs = sorted({d for o in found for d in treatment_of(ctx, cohort_of(ctx, o))}, key=ctx.sort_key)
    warnings = [
        (drug, text_of(ctx, ctx.graph(drug).objects(ctx.mapped.entities[drug].iri, CLE.boxedWarning))) for drug in drugs
    ]
    if not found:
        return []
    rows = []
    for outcome_id in found:
        measure, cohort = measure_of(ctx, outcome_id), cohort_of(ctx, outcome_id)
        details = text_of(ctx, ctx.graph(outcome_id).objects(ctx.mapped.entities[outcome_id].iri, DCTERMS.description))
        rows.append(
            [
                ctx.link(outcome_id, folder, ctx.label(measure) if measure else None),
                ctx.link(cohort, folder) if cohort else "",
                inline(figure_text(ctx, outcome_id) + _counted_in(ctx, outcome_id)),
                inline(details),
            ]
        )
    header = [ui("safety_what", lang), ui("cohort", lang), ui("safety_result", lang), ui("safety_details", lang)]
    lines = (
        heading(2, pick(rollup.labels, lang) if rollup else ui("safety", lang)) + table_sharing(header, rows, 1) + [""]
    )
    for drug, warning in warnings:
        if warning:
            title = ui("boxed_warning", lang, drug=in_running_text(ctx.label(drug))).replace('"', "'")
            text = block(warning).replace("\n", "\n    ")
            lines += [
                f'!!! warning "{inline(title)}"',
                "",
                f"    {text} {ctx.link(drug, folder, ui('about_the_drug', lang))}",
                "",
            ]
    return lines
