"""Outcome tables, charts and side-by-side comparisons of derived figures, for any set of outcomes."""

from __future__ import annotations

from ...model.vocab import CLE, PROV
from ..charts import ChartRow, forest_svg
from ..escaping import inline
from ..layout import heading, table
from ..locale import duration, number, unit_suffix
from ..ui_text import ui
from .sources import quote_lines

__all__ = ["outcome_table", "outcome_summary", "derivations", "figure_text", "MAX_OUTCOMES"]

MAX_OUTCOMES = 20  # rows per table and chart, so a page stays bounded


def figure_text(ctx, outcome_id: str) -> str:
    """'93.3% (75.9–98.3)' in the page language; the interval only when both bounds are known."""
    estimate = ctx.value(outcome_id, CLE.estimate)
    if estimate is None:
        return ""
    unit = str(ctx.value(outcome_id, CLE.unit) or "")
    text = f"{number(estimate, ctx.lang)}{unit_suffix(unit, ctx.lang)}"
    lower, upper = ctx.value(outcome_id, CLE.ciLower), ctx.value(outcome_id, CLE.ciUpper)
    if lower is not None and upper is not None:
        text += f" ({number(lower, ctx.lang)}–{number(upper, ctx.lang)})"
    return text


def _float(literal) -> float | None:
    return float(str(literal)) if literal is not None else None


def _ordered(ctx, outcome_ids: list) -> list:
    """Outcomes with their comparator right after them, the rest by label; each once, at most MAX_OUTCOMES."""
    seen, ordered = set(), []
    for outcome_id in sorted(outcome_ids, key=lambda i: (not ctx.targets(i, CLE.comparator),) + ctx.sort_key(i)):
        for item in [outcome_id] + ctx.targets(outcome_id, CLE.comparator):
            if item not in seen:
                seen.add(item)
                ordered.append(item)
    return ordered[:MAX_OUTCOMES]


def _chart(ctx, ordered: list, what: str, chart_id: str) -> list:
    """One SVG per unit among the outcomes (a shared axis only makes sense within one unit)."""
    comparators = {c for o in ordered for c in ctx.targets(o, CLE.comparator)}
    by_unit: dict = {}
    for outcome_id in ordered:
        estimate = ctx.value(outcome_id, CLE.estimate)
        compared = outcome_id in comparators or ctx.targets(outcome_id, CLE.comparator)
        if estimate is None or not (compared or ctx.value(outcome_id, CLE.ciLower) is not None):
            continue  # a chart is for comparisons and intervals; lone counts are in the table only
        unit = str(ctx.value(outcome_id, CLE.unit) or "")
        by_unit.setdefault(unit, []).append(
            ChartRow(
                ctx.label(outcome_id),
                float(str(estimate)),
                _float(ctx.value(outcome_id, CLE.ciLower)),
                _float(ctx.value(outcome_id, CLE.ciUpper)),
                figure_text(ctx, outcome_id),
                comparator=outcome_id in comparators,
            )
        )
    lines = []
    for index, (unit, rows) in enumerate(sorted(by_unit.items()), start=1):
        title = ui("chart_title", ctx.lang, what=what)
        svg = forest_svg(
            rows,
            title,
            ui("chart_desc", ctx.lang),
            f"{chart_id}-{index}",
            unit == "percent",
            "%" if unit == "percent" else "",
        )
        lines += [f'<figure class="cle-figure">{svg}</figure>', ""]
    return lines


def outcome_table(ctx, outcome_ids: list, folder: str | None, what: str, chart_id: str = "chart") -> list:
    """A table of outcomes (estimate, CI, cohort, time point, comparator) and a chart of the same numbers."""
    if not outcome_ids:
        return []
    lang = ctx.lang
    ordered = _ordered(ctx, outcome_ids)
    header = [ui(key, lang) for key in ("outcome", "cohort", "time_point", "estimate", "ci95", "comparator")]
    rows = []
    for outcome_id in ordered:
        time_point = ctx.value(outcome_id, CLE.timePoint)
        estimate = ctx.value(outcome_id, CLE.estimate)
        unit = str(ctx.value(outcome_id, CLE.unit) or "")
        lower, upper = ctx.value(outcome_id, CLE.ciLower), ctx.value(outcome_id, CLE.ciUpper)
        rows.append(
            [
                ctx.link(outcome_id, folder),
                ", ".join(ctx.link(c, folder) for c in ctx.targets(outcome_id, CLE.inCohort)),
                inline(duration(time_point, lang)) if time_point is not None else "",
                inline(number(estimate, lang) + unit_suffix(unit, lang, "")) if estimate is not None else "",
                inline(f"{number(lower, lang)}–{number(upper, lang)}")
                if lower is not None and upper is not None
                else "",
                ", ".join(
                    f"[{inline(figure_text(ctx, c))}]({'../' if folder else ''}{ctx.doc_path(c)})"
                    for c in ctx.targets(outcome_id, CLE.comparator)
                ),
            ]
        )
    return table(header, rows) + [""] + _chart(ctx, ordered, what, chart_id)


def outcome_summary(ctx, outcome_id: str) -> list:
    """On an outcome's own page: the figure, its cohort and comparator, a chart, and the quote it rests on."""
    lang, folder = ctx.lang, ctx.class_of(outcome_id).folder
    lines = heading(2, ui("outcome", lang))
    lines += outcome_table(ctx, [outcome_id], folder, ctx.label(outcome_id), "outcome-chart")
    graph = ctx.graph(outcome_id)
    for ref in ctx.source_refs(outcome_id):
        supports = set(graph.objects(ref, CLE.supports))
        if supports and CLE.estimate not in supports:
            continue
        source_id = ctx.schema.entity_id(graph.value(ref, PROV.entity))
        locator = graph.value(ref, CLE.locator)
        where = f" — {inline(str(locator))}" if locator is not None else ""
        if graph.value(ref, CLE.quote) is not None and source_id in ctx.mapped.entities:
            lines += [f"**{ui('quote', lang)}** ({ctx.link(source_id, folder)}{where}):"]
            lines += [line[4:] if line.startswith("    ") else line for line in quote_lines(ctx, graph, ref)]
    return lines


def _figure_column(ctx, outcome_id: str, folder: str) -> list:
    """The cells describing one figure: the figure, its cohort, its first source with locator and quote."""
    graph = ctx.graph(outcome_id)
    refs = ctx.source_refs(outcome_id)
    source, quote = "", ""
    if refs:
        source_id = ctx.schema.entity_id(graph.value(refs[0], PROV.entity))
        locator = graph.value(refs[0], CLE.locator)
        if source_id in ctx.mapped.entities:
            source = ctx.link(source_id, folder) + (f" — {inline(str(locator))}" if locator is not None else "")
        quoted = graph.value(refs[0], CLE.quote)
        quote = f"“{inline(str(quoted))}”" if quoted is not None else ""
    cohort = ", ".join(ctx.link(c, folder) for c in ctx.targets(outcome_id, CLE.inCohort))
    return [ctx.link(outcome_id, folder), inline(figure_text(ctx, outcome_id)), cohort, source, quote]


def derivations(ctx, outcome_id: str) -> list:
    """Figures restated from others (a press release from the paper) side by side, on both pages."""
    lang, folder = ctx.lang, ctx.class_of(outcome_id).folder
    pairs = [(outcome_id, origin) for origin in ctx.targets(outcome_id, CLE.derivedFromOutcome)]
    pairs += [(derived, outcome_id) for derived in ctx.sources_of(outcome_id, CLE.derivedFromOutcome)]
    if not pairs:
        return []
    lines = heading(2, ui("discrepancy", lang))
    names = [ui(key, lang) for key in ("outcome", "estimate", "cohort", "source", "quote")]
    for derived, origin in pairs[:MAX_OUTCOMES]:
        header = [
            ui("property", lang),
            ui("figure" if derived == outcome_id else "restated_as", lang),
            ui("derived_from" if origin != outcome_id else "figure", lang),
        ]
        left, right = _figure_column(ctx, derived, folder), _figure_column(ctx, origin, folder)
        rows = [[name, a, b] for name, a, b in zip(names, left, right, strict=True)]
        record = ctx.mapped.entities[derived]
        texts = {o.language: str(o) for o in ctx.graph(derived).objects(record.iri, CLE.derivation)}
        if texts:
            rows.append(
                [ui("how_derived", lang), inline(texts.get(lang) or texts.get("en") or sorted(texts.values())[0]), ""]
            )
        lines += table(header, rows) + [""]
    return lines
