"""Survival compared across studies: one group per measure and time point (unlike things never share a line),
one row per cohort with its estimate and the uncertainty its source gives — a 95% CI, a standard error or an
unnamed ±, each drawn and named as what it is — and how that group was compared; the same data as a table."""

from __future__ import annotations

from itertools import groupby

from ...model.schema import pick
from ...model.vocab import CLE
from ..escaping import attribute, inline
from ..layout import heading, table
from ..results import (
    PERCENT,
    category,
    cohort_of,
    direction,
    figure_text,
    interval,
    is_restatement,
    measure_of,
    months,
    participants,
    time_words,
    uncertainty_kind,
    uncertainty_text,
)
from ..ui_text import ui
from ..values import coded_value

__all__ = ["across_studies", "survival_rows", "MAX_ROWS"]

MAX_ROWS = 40
TICKS = (0, 25, 50, 75, 100)


def survival_rows(ctx, outcome_ids: list) -> list:
    """(measure id, time point, outcome id) of every efficacy result in percent, not restated, ordered by
    measure, time point and cohort."""
    rows = []
    for outcome_id in outcome_ids:
        if category(ctx, outcome_id) != "efficacy" or is_restatement(ctx, outcome_id):
            continue
        if str(ctx.value(outcome_id, CLE.unit) or "") != PERCENT or ctx.value(outcome_id, CLE.estimate) is None:
            continue
        time_point = str(ctx.value(outcome_id, CLE.timePoint) or "")
        rows.append((measure_of(ctx, outcome_id) or "", time_point, outcome_id))
    return sorted(
        rows,
        key=lambda r: (
            ctx.sort_key(r[0]) if r[0] else ("", ""),
            months(r[1]),
            ctx.sort_key(cohort_of(ctx, r[2]) or r[2]),
        ),
    )[:MAX_ROWS]


def _design(ctx, outcome_id: str, folder: str) -> str:
    """How the group was compared: its role in the study, in words."""
    cohort = cohort_of(ctx, outcome_id)
    role = ctx.value(cohort, CLE.cohortRole) if cohort else None
    spec = ctx.class_of(cohort).shape.properties.get("cohortRole") if cohort else None
    if role is None or spec is None:
        return ui("single_group", ctx.lang)
    return coded_value(ctx, spec, str(role)) or inline(str(role))


def _bar(ctx, outcome_id: str) -> str:
    estimate = float(str(ctx.value(outcome_id, CLE.estimate)))
    low, high = interval(ctx, outcome_id)
    kind = uncertainty_kind(ctx, outcome_id)
    line = ""
    if low is not None or high is not None:
        low, high = (low if low is not None else 0.0), (high if high is not None else 100.0)
        line = (
            f'<span class="cle-ci cle-ci-{kind}" style="left:{max(0.0, low):.1f}%;'
            f'width:{max(0.0, min(100.0, high) - max(0.0, low)):.1f}%"></span>'
        )
    return f'{line}<span class="cle-dot" style="left:{max(0.0, min(100.0, estimate)):.1f}%"></span>'


def _figure(ctx, rows: list, index: int, better: str) -> str:
    """One figure of the results where the same way is better (survival and relapse never share an axis)."""
    lang = ctx.lang
    caption = ui("across_caption", lang) + (" " + ui(f"kr_{better.replace('-', '_')}", lang) if better else "")
    kinds = sorted({uncertainty_kind(ctx, o) for _, _, o in rows} - {""})
    legend = "".join(
        f'<li><span class="cle-line cle-ci-{kind}" aria-hidden="true"></span>{ui(f"line_{kind}", lang)}</li>'
        for kind in kinds
    )
    scale = "".join(f'<span style="left:{tick}%">{tick}%</span>' for tick in TICKS)
    parts = [
        f'<figure class="cle-results cle-across" aria-labelledby="across-{index}-title">',
        f'<figcaption id="across-{index}-title">{attribute(caption)}</figcaption>',
        f'<ul class="cle-legend">{legend}</ul>',
        f'<p class="cle-axis-title">{ui("across_axis", lang)}</p>',
        f'<div class="cle-scale" aria-hidden="true">{scale}</div>',
    ]
    for (measure, time_point), group in groupby(rows, key=lambda r: (r[0], r[1])):
        name = ctx.label(measure) if measure else ""
        when = time_words(ctx, time_point)
        title = ui("measure_at", lang, measure=name, time=when) if when else name
        parts.append(f'<div class="cle-group"><p class="cle-group-label">{attribute(title)}</p>')
        for _, _, outcome_id in group:
            cohort = cohort_of(ctx, outcome_id)
            who = ctx.label(cohort) if cohort else ctx.label(outcome_id)
            around = uncertainty_text(ctx, outcome_id)
            value = attribute(figure_text(ctx, outcome_id, uncertainty=False)) + (
                f" <small>({attribute(around)})</small>" if around else ""
            )
            parts.append(
                f'<p class="cle-row-label">{attribute(who)}</p><div class="cle-row cle-row-a">'
                f'<span class="cle-track" aria-hidden="true">{_bar(ctx, outcome_id)}</span>'
                f'<span class="cle-value">{value}</span></div>'
            )
        parts.append("</div>")
    return "".join(parts + ["</figure>"])


def across_studies(ctx, entity_id: str, outcome_ids: list, rollup) -> list:
    rows = survival_rows(ctx, outcome_ids)
    studies = {ctx.value(cohort_of(ctx, o), CLE.drawnFrom) for _, _, o in rows if cohort_of(ctx, o)}
    if len(rows) < 2 or len(studies) < 2:  # one study's results are its key results
        return []
    lang = ctx.lang
    folder = ctx.class_of(entity_id).folder if entity_id else None  # None: a page at the docs root
    table_rows = []
    for measure, time_point, outcome_id in rows:
        cohort = cohort_of(ctx, outcome_id)
        count = participants(ctx, cohort)
        table_rows.append(
            [
                ctx.link(outcome_id, folder, ctx.label(measure) if measure else None),
                inline(time_words(ctx, time_point)),
                ctx.link(cohort, folder) if cohort else "",
                inline(figure_text(ctx, outcome_id, uncertainty=False)),
                inline(uncertainty_text(ctx, outcome_id)),
                str(count) if count is not None else "",
                _design(ctx, outcome_id, folder),
            ]
        )
    header = [
        ui(key, lang)
        for key in ("outcome", "time_point", "cohort", "estimate", "uncertainty", "patients", "how_compared")
    ]
    title = pick(rollup.labels, lang) if rollup else ui("across_studies", lang)
    ways = sorted({direction(ctx, o) for _, _, o in rows}, key=lambda way: (way != "higher-is-better", way))
    figures = [
        _figure(ctx, [r for r in rows if direction(ctx, r[2]) == way], index, way)
        for index, way in enumerate(ways, start=1)
    ]
    return (
        heading(2, title)
        + [ui("across_intro", lang), ""]
        + [f + "\n" for f in figures]
        + table(header, table_rows)
        + [""]
    )
