"""Key results: the intervention against its comparator per measure and time point, as a figure that reflows
(HTML, not a shrinking picture) with each estimate's uncertainty, a visible legend and colour and shape, and
one plain-language sentence per figure. Measures where higher is better and where lower is better never share
an axis: each direction gets a figure of its own, which says which way is better."""

from __future__ import annotations

from itertools import groupby

from ...model.schema import pick
from ...model.vocab import CLE
from ..escaping import attribute
from ..layout import heading
from ..locale import in_running_text, number
from ..results import (
    cohort_of,
    comparisons,
    direction,
    figure_text,
    interval,
    participants,
    size_in_name,
    time_words,
    treatment_of,
    uncertainty_kind,
    uncertainty_text,
)
from ..ui_text import ui

__all__ = ["key_results", "key_results_of", "measure_phrase", "treatment_name"]

TICKS = (0, 25, 50, 75, 100)


def _float(literal) -> float | None:
    return float(str(literal)) if literal is not None else None


def _position(value: float) -> str:
    """A percentage as a CSS left offset, kept inside the track."""
    return f"{max(0.0, min(100.0, value)):.1f}%"


def measure_phrase(ctx, pair) -> str:
    """'overall survival at 2 years' / 'totale overleving na 2 jaar' (the measure's label, lower-cased unless
    it is an abbreviation)."""
    name = in_running_text(ctx.label(pair.measure)) if pair.measure else ""
    when = time_words(ctx, pair.time_point)
    return ui("measure_at", ctx.lang, measure=name, time=when) if when else name


def treatment_name(ctx, cohort: str | None) -> str:
    """What the intervention group was given: the drug it adds or tests, else the group's own name."""
    if cohort is None:
        return ""
    drugs = treatment_of(ctx, cohort)
    return ", ".join(in_running_text(ctx.label(d)) for d in drugs) if drugs else ctx.label(cohort)


def _legend(ctx, cohort: str | None, mark: str) -> str:
    count = participants(ctx, cohort)
    name = attribute(ctx.label(cohort)) if cohort else ""
    size = f" ({ui('n_equals', ctx.lang, n=count)})" if count is not None and not size_in_name(ctx, cohort) else ""
    return f'<li><span class="cle-mark cle-mark-{mark}" aria-hidden="true"></span>{name}{size}</li>'


def _row(ctx, outcome_id: str, mark: str, cohort_name: str) -> str:
    estimate = _float(ctx.value(outcome_id, CLE.estimate))
    lower, upper = interval(ctx, outcome_id)
    line = ""
    if lower is not None or upper is not None:  # a bound that is not estimable runs to the end of the axis
        low, high = (lower if lower is not None else 0.0), (upper if upper is not None else 100.0)
        line = f'<span class="cle-ci" style="left:{_position(low)};width:{_position(high - low)}"></span>'
    text = attribute(figure_text(ctx, outcome_id, uncertainty=False))
    around = uncertainty_text(ctx, outcome_id)
    value = f"{text} <small>({attribute(around)})</small>" if around else text
    return (
        f'<div class="cle-row cle-row-{mark}"><span class="cle-track" aria-hidden="true">{line}'
        f'<span class="cle-dot" style="left:{_position(estimate or 0)}"></span></span>'
        f'<span class="cle-value"><span class="cle-sr">{attribute(cohort_name)}: </span>{value}</span></div>'
    )


def _sentence(ctx, pair) -> str:
    """One plain-language sentence for a pair, generated from the data."""
    lang = ctx.lang
    mine, theirs = cohort_of(ctx, pair.intervention), cohort_of(ctx, pair.comparator)
    n, m = participants(ctx, mine), participants(ctx, theirs)
    estimate = number(ctx.value(pair.intervention, CLE.estimate), lang) + "%"
    other = number(ctx.value(pair.comparator, CLE.estimate), lang) + "%"
    lower, upper = ctx.value(pair.intervention, CLE.ciLower), ctx.value(pair.intervention, CLE.ciUpper)
    if uncertainty_kind(ctx, pair.intervention) != "ci":
        lower = upper = None  # 'probably between' reads a 95% CI only, never a standard error
    phrase = measure_phrase(ctx, pair)
    role = str(ctx.value(theirs, CLE.cohortRole) or "") if theirs else ""
    values = {
        "measure": phrase[:1].upper() + phrase[1:],
        "estimate": estimate,
        "n": n,
        "patients": ui("patient_nouns", lang)[0 if n == 1 else 1],
        "treatment": treatment_name(ctx, mine),
        "other": other,
        "m": m,
        "their_patients": ui("patient_nouns", lang)[0 if m == 1 else 1],
        "group": ui(
            f"in_group_{role}" if role in ("historical-control", "control", "randomised-arm") else "in_group_other",
            lang,
        ),
    }
    if n is None or m is None:
        sentence = ui("result_sentence_short", lang, **values)
    elif lower is not None and upper is not None:
        sentence = ui(
            "result_sentence_ci", lang, lower=number(lower, lang) + "%", upper=number(upper, lang) + "%", **values
        )
    else:
        sentence = ui("result_sentence", lang, **values)
    return attribute(sentence)


def _figure(ctx, pairs: list, index: int, better: str, folder: str | None) -> list:
    """One figure: the pairs of one direction, grouped by measure and time point; under it a sentence per pair,
    with a link to the note on how to read a figure that puzzles readers."""
    lang = ctx.lang
    mine, theirs = cohort_of(ctx, pairs[0].intervention), cohort_of(ctx, pairs[0].comparator)
    figure_id = f"key-results-{index}"
    caption = ui("kr_caption", lang, treatment=treatment_name(ctx, mine)) + (
        " " + ui(f"kr_{better.replace('-', '_')}", lang) if better else ""
    )
    scale = "".join(f'<span style="left:{tick}%">{tick}%</span>' for tick in TICKS)
    kinds = sorted({uncertainty_kind(ctx, o) for p in pairs for o in (p.intervention, p.comparator)} - {""})
    lines_show = " ".join(ui(f"kr_lines_{kind}", lang) for kind in kinds)
    parts = [
        f'<figure class="cle-results" aria-labelledby="{figure_id}-title">',
        f'<figcaption id="{figure_id}-title">{attribute(caption)}</figcaption>',
        f'<ul class="cle-legend">{_legend(ctx, mine, "a")}{_legend(ctx, theirs, "b")}</ul>',
        f'<p class="cle-axis-title">{ui("kr_axis", lang)} {lines_show}</p>',
        f'<div class="cle-scale" aria-hidden="true">{scale}</div>',
    ]
    for pair in pairs:
        label = measure_phrase(ctx, pair)
        parts += [
            f'<div class="cle-group"><p class="cle-group-label">{attribute(label[:1].upper() + label[1:])}</p>',
            _row(ctx, pair.intervention, "a", ctx.label(mine) if mine else ""),
            _row(ctx, pair.comparator, "b", ctx.label(theirs) if theirs else ""),
            "</div>",
        ]
    parts.append("</figure>")
    sentences = [f"- {_sentence(ctx, pair)}{_note_link(ctx, pair.intervention, folder)}" for pair in pairs]
    return ["".join(parts), "", '<div class="cle-sentences" markdown>', ""] + sentences + ["", "</div>", ""]


def _note_link(ctx, outcome_id: str, folder: str | None) -> str:
    if ctx.value(outcome_id, CLE.analysisNote) is None:
        return ""
    return " " + ctx.link(outcome_id, folder, ui("analysis_note", ctx.lang) + " →")


def key_results_of(ctx, outcome_ids: list, folder: str | None = None) -> list:
    """The figures for a set of outcomes, on a page in folder (nothing when none is compared)."""
    pairs = comparisons(ctx, outcome_ids)
    lines = []
    groups = groupby(
        sorted(
            pairs,
            key=lambda p: (
                cohort_of(ctx, p.intervention) or "",
                cohort_of(ctx, p.comparator) or "",
                direction(ctx, p.intervention),
            ),
        ),
        key=lambda p: (cohort_of(ctx, p.intervention), cohort_of(ctx, p.comparator), direction(ctx, p.intervention)),
    )
    for index, (key, group) in enumerate(groups, start=1):
        ordered = list(group)  # comparisons() orders them by time point, then measure: the same in every language
        lines += _figure(ctx, ordered, index, key[2], folder)
    return lines


def key_results(ctx, entity_id: str, outcome_ids: list, rollup) -> list:
    """The section on a page: its heading and the figures."""
    figures = key_results_of(ctx, outcome_ids, ctx.class_of(entity_id).folder)
    if not figures:
        return []
    return heading(2, pick(rollup.labels, ctx.lang) if rollup else ui("key_results", ctx.lang)) + figures
