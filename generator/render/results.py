"""Reading outcomes as pages present them: a figure with the uncertainty its source gives, the kind of result
its measure gives and which way is better, the pairs of intervention and comparator, how the groups were
compared, and the certainty assessments published for them."""

from __future__ import annotations

from dataclasses import dataclass

from ..model.vocab import CLE
from .locale import duration, number, unit_suffix
from .paths import follow
from .ui_text import ui

__all__ = ["Comparison", "figure_text", "uncertainty_text", "measure_of", "cohort_of", "category", "direction",
           "is_restatement", "comparisons", "how_compared", "outcomes_reached", "participants",
           "assessments_of", "PERCENT"]

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


def uncertainty_text(ctx, outcome_id: str) -> str:
    """The uncertainty of a figure as its source gives it: '95% CI 75.9–98.3' or a range; '' when none."""
    lang = ctx.lang
    lower, upper = _value(ctx, outcome_id, CLE.ciLower), _value(ctx, outcome_id, CLE.ciUpper)
    if lower is not None and upper is not None:
        return ui("ci_text", lang, lower=number(lower, lang), upper=number(upper, lang))
    low, high = _value(ctx, outcome_id, CLE.rangeLower), _value(ctx, outcome_id, CLE.rangeUpper)
    if low is not None and high is not None:
        return ui("range_text", lang, lower=number(low, lang), upper=number(high, lang))
    return ""


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
    return [found[key] for key in sorted(found, key=lambda k: (_months(k[1]), k[0], k[2]))]


def _months(time_point: str) -> float:
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
    """How the groups were compared: the key of its words in ui_text ('compared_randomised', …)."""
    cohort = cohort_of(ctx, pair.comparator)
    role = str(ctx.value(cohort, CLE.cohortRole) or "") if cohort else ""
    return {"historical-control": "compared_historical", "randomised-arm": "compared_randomised",
            "control": "compared_concurrent"}.get(role, "compared_other")


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
