"""Reading outcomes as pages present them: a figure with the uncertainty its source gives, the kind of result
its measure gives and which way is better, the pairs of intervention and comparator, how the groups were
compared, and the certainty assessments published for them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model.vocab import CLE
from .locale import duration, number, unit_suffix
from .paths import follow
from .ui_text import ui

__all__ = [
    "months",
    "Comparison",
    "figure_text",
    "uncertainty_text",
    "uncertainty_kind",
    "p_value_text",
    "interval",
    "measure_of",
    "cohort_of",
    "category",
    "direction",
    "is_restatement",
    "comparisons",
    "how_compared",
    "outcomes_reached",
    "participants",
    "assessments_of",
    "time_words",
    "treatment_of",
    "PERCENT",
]

PERCENT = "percent"
OUTCOME_DISPLAYS = ("outcomes", "keyResults", "summaryOfFindings", "safety")  # roll-ups that list outcomes


@dataclass(frozen=True)
class Comparison:
    """An outcome of the intervention beside the same measure at the same time in the comparator."""

    intervention: str  # outcome id
    comparator: str  # outcome id
    measure: str | None  # measure id
    time_point: str  # ISO 8601 duration, '' when none


def _value(ctx, outcome_id: str, prop):
    return ctx.value(outcome_id, prop)


def _bound(ctx, outcome_id: str, value, not_estimable) -> str | None:
    if value is not None:
        return number(value, ctx.lang)
    return ui("not_estimable", ctx.lang) if str(ctx.value(outcome_id, not_estimable) or "") == "true" else None


def uncertainty_kind(ctx, outcome_id: str) -> str:
    """Which uncertainty the source gives: 'ci', 'se', 'pm' (an unnamed ±), 'range' or ''."""
    if ctx.value(outcome_id, CLE.ciLower) is not None or ctx.value(outcome_id, CLE.ciUpper) is not None:
        return "ci"
    for kind, prop in (("se", CLE.standardError), ("pm", CLE.plusMinus), ("range", CLE.rangeLower)):
        if ctx.value(outcome_id, prop) is not None:
            return kind
    return ""


def uncertainty_text(ctx, outcome_id: str) -> str:
    """The uncertainty of a figure as its source gives it, named as what it is: '95% CI 75.9–98.3',
    'standard error 2.3', '± 6 (the source does not say what the ± is)', 'range 3.9–48.2'; '' when none."""
    lang, kind = ctx.lang, uncertainty_kind(ctx, outcome_id)
    if kind == "ci":
        lower = _bound(ctx, outcome_id, ctx.value(outcome_id, CLE.ciLower), CLE.ciLowerNotEstimable)
        upper = _bound(ctx, outcome_id, ctx.value(outcome_id, CLE.ciUpper), CLE.ciUpperNotEstimable)
        return ui("ci_text", lang, lower=lower or "?", upper=upper or "?")
    if kind == "se":
        return ui("se_text", lang, value=number(ctx.value(outcome_id, CLE.standardError), lang))
    if kind == "pm":
        return ui("pm_text", lang, value=number(ctx.value(outcome_id, CLE.plusMinus), lang))
    if kind == "range":
        low, high = ctx.value(outcome_id, CLE.rangeLower), ctx.value(outcome_id, CLE.rangeUpper)
        if low is not None and high is not None:
            return ui("range_text", lang, lower=number(low, lang), upper=number(high, lang))
    return ""


def p_value_text(ctx, outcome_id: str) -> str:
    """'p = 0.67' or 'P < 0.001' as the source gives it; '' when none."""
    value, below = ctx.value(outcome_id, CLE.pValue), ctx.value(outcome_id, CLE.pValueBelow)
    if value is not None:
        return ui("p_equals", ctx.lang, value=number(value, ctx.lang))
    return ui("p_below", ctx.lang, value=number(below, ctx.lang)) if below is not None else ""


def interval(ctx, outcome_id: str) -> tuple:
    """(low, high) of what a chart draws around an estimate: the 95% CI, or estimate ± SE / ± as given; a bound
    that is not estimable is None."""
    estimate = ctx.value(outcome_id, CLE.estimate)
    kind = uncertainty_kind(ctx, outcome_id)
    if kind == "ci":
        low, high = ctx.value(outcome_id, CLE.ciLower), ctx.value(outcome_id, CLE.ciUpper)
        return (float(str(low)) if low is not None else None, float(str(high)) if high is not None else None)
    if kind in ("se", "pm") and estimate is not None:
        spread = float(str(ctx.value(outcome_id, CLE.standardError if kind == "se" else CLE.plusMinus)))
        return float(str(estimate)) - spread, float(str(estimate)) + spread
    return None, None


def figure_text(ctx, outcome_id: str, uncertainty: bool = True) -> str:
    """'93.3% (95% CI 75.9–98.3)', '26.3 months (range 3.9–48.2)', '10 events' in the page language."""
    estimate = _value(ctx, outcome_id, CLE.estimate)
    if estimate is None:
        return ""
    unit = str(_value(ctx, outcome_id, CLE.unit) or "")
    text = f"{number(estimate, ctx.lang)}{unit_suffix(unit, ctx.lang, count=float(str(estimate)))}"
    around = uncertainty_text(ctx, outcome_id) if uncertainty else ""
    return f"{text} ({around})" if around else text


def measure_of(ctx, outcome_id: str) -> str | None:
    found = ctx.targets(outcome_id, CLE.measure)
    return found[0] if found else None


def cohort_of(ctx, outcome_id: str) -> str | None:
    found = ctx.targets(outcome_id, CLE.inCohort)
    return found[0] if found else None


def size_in_name(ctx, cohort_id: str) -> bool:
    """Whether a cohort's name already says how many patients it has ('… (214 infants)')."""
    count = participants(ctx, cohort_id)
    return count is not None and re.search(rf"(?<![\d.,]){count}(?![\d.,])", ctx.label(cohort_id)) is not None


def participants(ctx, cohort_id: str | None) -> int | None:
    count = ctx.value(cohort_id, CLE.participantCount) if cohort_id else None
    return int(str(count)) if count is not None else None


def category(ctx, outcome_id: str) -> str:
    """The kind of result (efficacy, safety, response, follow-up, frequency) its measure gives, '' if unsaid."""
    measure = measure_of(ctx, outcome_id)
    found = ctx.value(measure, CLE.measureCategory) if measure else None
    return str(found or "")


def direction(ctx, outcome_id: str) -> str:
    measure = measure_of(ctx, outcome_id)
    found = ctx.value(measure, CLE.direction) if measure else None
    return str(found or "")


def is_restatement(ctx, outcome_id: str) -> bool:
    """A figure restated from another (a press release rounding the paper's) is not a result of its own."""
    return bool(ctx.targets(outcome_id, CLE.derivedFromOutcome))


def comparisons(ctx, outcome_ids) -> list:
    """Efficacy results in percent with a comparator, one per pair, by measure and time point."""
    found = {}
    for outcome_id in sorted(set(outcome_ids)):
        comparators = ctx.targets(outcome_id, CLE.comparator)
        if not comparators or is_restatement(ctx, outcome_id) or category(ctx, outcome_id) != "efficacy":
            continue
        if str(_value(ctx, outcome_id, CLE.unit) or "") != PERCENT or _value(ctx, outcome_id, CLE.estimate) is None:
            continue
        time_point = str(_value(ctx, outcome_id, CLE.timePoint) or "")
        pair = Comparison(outcome_id, comparators[0], measure_of(ctx, outcome_id), time_point)
        found[(pair.measure or "", pair.time_point, outcome_id)] = pair
    return [found[key] for key in sorted(found, key=lambda k: (months(k[1]), k[0], k[2]))]  # by time, then measure id


def months(time_point: str) -> float:
    """A duration's length in months, to order time points (2 years before 4 years)."""
    total, amount = 0.0, ""
    for char in time_point[1:]:
        if char.isdigit():
            amount += char
            continue
        total += int(amount or 0) * {"Y": 12, "M": 1, "W": 0.23, "D": 0.033}.get(char, 0)
        amount = ""
    return total


def how_compared(ctx, pair: Comparison) -> str:
    """How the groups were compared: the key of its words in ui_text. Randomised only where the two arms are
    recorded as randomised against each other; a historical control group; else groups compared without an
    established randomisation."""
    mine, theirs = cohort_of(ctx, pair.intervention), cohort_of(ctx, pair.comparator)
    if (
        mine
        and theirs
        and theirs in ctx.targets(mine, CLE.randomisedAgainst) + ctx.sources_of(mine, CLE.randomisedAgainst)
    ):
        return "compared_randomised"
    role = str(ctx.value(theirs, CLE.cohortRole) or "") if theirs else ""
    return "compared_historical" if role == "historical-control" else "compared_not_randomised"


def treatment_of(ctx, cohort: str | None) -> list:
    """The drugs a cohort was given on top of (or instead of) a protocol: its own, else — for the intervention
    group of a single-group trial, which states them once, on the trial — those of the trial that enrols it."""
    if cohort is None:
        return []
    drugs = ctx.targets(cohort, CLE.addsDrug) + ctx.targets(cohort, CLE.testsDrug)
    intervention = str(ctx.value(cohort, CLE.cohortRole) or "") == "intervention"
    for trial in ctx.sources_of(cohort, CLE.enrolsCohort) if intervention and not drugs else []:
        drugs += [d for d in ctx.targets(trial, CLE.addsDrug) + ctx.targets(trial, CLE.testsDrug) if d not in drugs]
    return drugs


def time_words(ctx, time_point: str) -> str:
    return duration(time_point, ctx.lang) if time_point else ""


def outcomes_reached(ctx, entity_id: str) -> list:
    """Every outcome the entity's outcome roll-ups reach (its results), sorted."""
    from_rollups = set()
    for rollup in ctx.class_of(entity_id).rollups:
        if rollup.display in OUTCOME_DISPLAYS:
            from_rollups |= follow(ctx, {entity_id}, rollup.path)
    return sorted(i for i in from_rollups if CLE.Outcome in ctx.class_of(i).ancestors)


def assessments_of(ctx, outcome_id: str) -> list:
    """The certainty assessments published for an outcome (ids, sorted)."""
    return ctx.sources_of(outcome_id, CLE.assessesOutcome)
