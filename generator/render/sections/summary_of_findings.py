"""A summary of findings in the Cochrane/GRADE layout: per outcome and time point the comparator's and the
intervention's figures, the absolute difference (worked out from the two, in percentage points), the patients
per group, how the groups were compared, and the certainty of the evidence — a published rating with its
reasons, or 'not assessed' with the design facts that bear on it. A rating is never made up here."""

from __future__ import annotations

from decimal import Decimal

from ...model.schema import pick
from ...model.vocab import CLE
from ..escaping import inline
from ..layout import heading, table
from ..locale import number
from ..results import assessments_of, cohort_of, comparisons, figure_text, how_compared, participants, uncertainty_kind
from ..ui_text import ui
from ..values import coded_value
from .key_results import measure_phrase, treatment_name

__all__ = ["summary_of_findings", "difference_points"]


def difference_points(ctx, pair) -> str:
    """The intervention's estimate minus the comparator's, in percentage points, signed: '+27.5'.

    Worked out in decimal arithmetic from the two figures as the source gives them (no rounding drift)."""
    mine = Decimal(str(ctx.value(pair.intervention, CLE.estimate)))
    theirs = Decimal(str(ctx.value(pair.comparator, CLE.estimate)))
    difference = mine - theirs
    sign = "+" if difference > 0 else "−" if difference < 0 else "±"
    return sign + number(abs(difference), ctx.lang)


def _spec(ctx, entity_id: str, key: str):
    return ctx.class_of(entity_id).shape.properties.get(key)


def _assessed(ctx, pair, folder: str) -> str:
    """The published GRADE ratings of the intervention's outcome with their reasons ('' when there is none)."""
    lang, parts = ctx.lang, []
    for assessment in assessments_of(ctx, pair.intervention):
        iri = ctx.mapped.entities[assessment].iri
        graph = ctx.graph(assessment)

        def words(key: str, value, assessment=assessment) -> str:
            return coded_value(ctx, _spec(ctx, assessment, key), str(value)) or inline(str(value))

        text = f"**{words('certainty', ctx.value(assessment, CLE.certainty))}**"
        for key, prop in (("rated_down_for", CLE.ratedDownFor), ("rated_up_for", CLE.ratedUpFor)):
            reasons = [words(prop.split("#")[-1], v) for v in sorted(graph.objects(iri, prop), key=str)]
            if reasons:
                text += "; " + ui(key, lang, reasons=", ".join(reasons))
        parts.append(f"{text} ({ctx.link(assessment, folder)})")
    return "<br>".join(parts)


def _design_facts(ctx, pairs: list) -> str:
    """What bears on the certainty of results no one has rated: how the groups were compared, their sizes, and
    how wide the intervention's 95% intervals are."""
    lang, pair = ctx.lang, pairs[0]
    facts = [ui(how_compared(ctx, pair) + "_fact", lang)]
    n, m = participants(ctx, cohort_of(ctx, pair.intervention)), participants(ctx, cohort_of(ctx, pair.comparator))
    if n is not None and m is not None:
        facts.append(ui("fact_sizes", lang, n=n, m=m))
    widths = sorted(
        Decimal(str(ctx.value(p.intervention, CLE.ciUpper))) - Decimal(str(ctx.value(p.intervention, CLE.ciLower)))
        for p in pairs
        if uncertainty_kind(ctx, p.intervention) == "ci"
        and ctx.value(p.intervention, CLE.ciLower) is not None
        and ctx.value(p.intervention, CLE.ciUpper) is not None
    )
    if widths:
        span = (
            number(widths[0], lang)
            if widths[0] == widths[-1]
            else ui("from_to", lang, low=number(widths[0], lang), high=number(widths[-1], lang))
        )
        facts.append(ui("fact_ci_width", lang, width=span))
    return "; ".join(facts)


def summary_of_findings(ctx, entity_id: str, outcome_ids: list, rollup) -> list:
    pairs = comparisons(ctx, outcome_ids)
    if not pairs:
        return []
    lang = ctx.lang
    folder = ctx.class_of(entity_id).folder if entity_id else None  # None: a page at the docs root
    rows, unrated = [], {}
    for pair in pairs:
        n, m = participants(ctx, cohort_of(ctx, pair.intervention)), participants(ctx, cohort_of(ctx, pair.comparator))
        phrase = measure_phrase(ctx, pair)
        certainty = _assessed(ctx, pair, folder)
        if not certainty:  # not rated: a footnote per comparison says what bears on it
            group = (cohort_of(ctx, pair.intervention), cohort_of(ctx, pair.comparator))
            unrated.setdefault(group, []).append(pair)
            certainty = f"{ui('not_assessed_short', lang)} ({_NOTE_MARKS[list(unrated).index(group)]})"
        rows.append(
            [
                ctx.link(pair.intervention, folder, phrase[:1].upper() + phrase[1:]),
                inline(figure_text(ctx, pair.comparator)),
                inline(figure_text(ctx, pair.intervention)),
                inline(ui("points", lang, value=difference_points(ctx, pair))),
                inline(ui("sizes", lang, n=n if n is not None else "?", m=m if m is not None else "?")),
                inline(ui(how_compared(ctx, pair), lang)),
                certainty,
            ]
        )
    treatment = treatment_name(ctx, cohort_of(ctx, pairs[0].intervention))
    header = [
        ui("sof_outcome", lang),
        ui("sof_comparator", lang),
        ui("sof_intervention", lang, treatment=treatment),
        ui("sof_difference", lang),
        ui("sof_patients", lang),
        ui("sof_compared", lang),
        ui("sof_certainty", lang),
    ]
    notes = [
        f"{_NOTE_MARKS[index]}. {ui('not_assessed', lang)} {inline(_design_facts(ctx, group))}."
        for index, group in enumerate(unrated.values())
    ]
    title = pick(rollup.labels, lang) if rollup else ui("summary_of_findings", lang)
    return (
        heading(2, title)
        + ['<div class="cle-sof" markdown>', ""]
        + table(header, rows)
        + ["", "</div>", ""]
        + [f"*{note}*  " for note in notes]
        + [f"*{ui('sof_note', lang)}*", ""]
    )


_NOTE_MARKS = "abcdefghijklmnopqrstuvwxyz"
