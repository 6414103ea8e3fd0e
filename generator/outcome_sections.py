"""Outcome tables, charts and side-by-side comparisons of derived figures, for any set of outcomes."""

from __future__ import annotations

from .charts import ChartRow, forest_svg
from .markdown_text import inline
from .pages import NO_SEARCH
from .ui_text import UNITS, ui
from .vocab import CLE, PROV

__all__ = ["outcome_table", "outcome_summary", "derivation_sections", "figure_text", "MAX_OUTCOMES"]

MAX_OUTCOMES = 20  # rows per table and chart, so a page stays bounded


def figure_text(writer, outcome_id: str) -> str:
    """'93.3% (75.9–98.3)' in the page language; the interval only when both bounds are known."""
    estimate = writer.value(outcome_id, CLE.estimate)
    if estimate is None:
        return ""
    unit = str(writer.value(outcome_id, CLE.unit) or "")
    suffix = UNITS.get(unit, {}).get(writer.lang, f" {unit}" if unit else "")
    text = f"{writer.number(estimate)}{suffix}"
    lower, upper = writer.value(outcome_id, CLE.ciLower), writer.value(outcome_id, CLE.ciUpper)
    if lower is not None and upper is not None:
        text += f" ({writer.number(lower)}–{writer.number(upper)})"
    return text


def _float(literal) -> float | None:
    return float(str(literal)) if literal is not None else None


def _ordered(writer, outcome_ids: list) -> list:
    """Outcomes with their comparator right after them, the rest by label; each once, at most MAX_OUTCOMES."""
    seen, ordered = set(), []
    for outcome_id in sorted(outcome_ids, key=lambda i: (not writer.targets(i, CLE.comparator),
                                                         writer.label(i).casefold(), i)):
        comparator = writer.targets(outcome_id, CLE.comparator)
        for item in [outcome_id] + comparator:
            if item not in seen:
                seen.add(item)
                ordered.append(item)
    return ordered[:MAX_OUTCOMES]


def _chart(writer, ordered: list, what: str, chart_id: str) -> list:
    """One SVG per unit among the outcomes (a shared axis only makes sense within one unit)."""
    comparators = {c for o in ordered for c in writer.targets(o, CLE.comparator)}
    by_unit: dict = {}
    for outcome_id in ordered:
        estimate = writer.value(outcome_id, CLE.estimate)
        compared = outcome_id in comparators or writer.targets(outcome_id, CLE.comparator)
        if estimate is None or not (compared or writer.value(outcome_id, CLE.ciLower) is not None):
            continue  # a chart is for comparisons and intervals; lone counts are in the table only
        unit = str(writer.value(outcome_id, CLE.unit) or "")
        by_unit.setdefault(unit, []).append(ChartRow(
            writer.label(outcome_id), float(str(estimate)), _float(writer.value(outcome_id, CLE.ciLower)),
            _float(writer.value(outcome_id, CLE.ciUpper)), figure_text(writer, outcome_id),
            comparator=outcome_id in comparators))
    lines = []
    for number, (unit, rows) in enumerate(sorted(by_unit.items()), start=1):
        title = ui("chart_title", writer.lang, what=what)
        svg = forest_svg(rows, title, ui("chart_desc", writer.lang), f"{chart_id}-{number}", unit == "percent",
                         "%" if unit == "percent" else "")
        lines += [f'<figure class="cle-figure">{svg}</figure>', ""]
    return lines


def outcome_table(writer, outcome_ids: list, folder: str | None, what: str, chart_id: str = "chart") -> list:
    """A table of outcomes (estimate, CI, cohort, time point, comparator) and a chart of the same numbers."""
    if not outcome_ids:
        return []
    lang = writer.lang
    ordered = _ordered(writer, outcome_ids)
    header = [ui("outcome", lang), ui("cohort", lang), ui("time_point", lang), ui("estimate", lang),
              ui("ci95", lang), ui("comparator", lang)]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for outcome_id in ordered:
        cohort = writer.targets(outcome_id, CLE.inCohort)
        time_point = writer.value(outcome_id, CLE.timePoint)
        estimate = writer.value(outcome_id, CLE.estimate)
        unit = str(writer.value(outcome_id, CLE.unit) or "")
        lower, upper = writer.value(outcome_id, CLE.ciLower), writer.value(outcome_id, CLE.ciUpper)
        comparator = writer.targets(outcome_id, CLE.comparator)
        cells = [writer.link(outcome_id, folder),
                 ", ".join(writer.link(c, folder) for c in cohort),
                 inline(writer.duration(time_point)) if time_point is not None else "",
                 inline(writer.number(estimate) + UNITS.get(unit, {}).get(lang, "")) if estimate is not None else "",
                 inline(f"{writer.number(lower)}–{writer.number(upper)}") if lower is not None and upper is not None else "",
                 ", ".join(f"[{inline(figure_text(writer, c))}]({'../' if folder else ''}"
                           f"{writer.mapped.entities[c].cls.folder}/{c}.md)" for c in comparator)]
        lines.append("| " + " | ".join(cells) + " |")
    return lines + [""] + _chart(writer, ordered, what, chart_id)


def outcome_summary(writer, outcome_id: str) -> list:
    """On an outcome's own page: the figure, its cohort and comparator, a chart, and the quote it rests on."""
    lang, folder = writer.lang, writer.mapped.entities[outcome_id].cls.folder
    lines = [f"## {ui('outcome', lang)}{NO_SEARCH}", ""]
    lines += outcome_table(writer, [outcome_id], folder, writer.label(outcome_id), "outcome-chart")
    graph = writer.graph(outcome_id)
    for ref in writer.source_refs(outcome_id):
        supports = set(graph.objects(ref, CLE.supports))
        if supports and CLE.estimate not in supports:
            continue
        source_id = writer.schema.entity_id(graph.value(ref, PROV.entity))
        locator = graph.value(ref, CLE.locator)
        where = f" — {inline(str(locator))}" if locator is not None else ""
        if graph.value(ref, CLE.quote) is not None and source_id in writer.mapped.entities:
            lines += [f"**{ui('quote', lang)}** ({writer.link(source_id, folder)}{where}):"]
            lines += [line[4:] if line.startswith("    ") else line for line in writer.quote_lines(graph, ref)]
    return lines


def _figure_column(writer, outcome_id: str, folder: str) -> list:
    """The cells describing one figure: the figure, its cohort, its first source with locator and quote."""
    graph = writer.graph(outcome_id)
    refs = writer.source_refs(outcome_id)
    source, quote = "", ""
    if refs:
        source_id = writer.schema.entity_id(graph.value(refs[0], PROV.entity))
        locator = graph.value(refs[0], CLE.locator)
        if source_id in writer.mapped.entities:
            source = writer.link(source_id, folder) + (f" — {inline(str(locator))}" if locator is not None else "")
        quoted = graph.value(refs[0], CLE.quote)
        quote = f"“{inline(str(quoted))}”" if quoted is not None else ""
    cohort = ", ".join(writer.link(c, folder) for c in writer.targets(outcome_id, CLE.inCohort))
    return [writer.link(outcome_id, folder), inline(figure_text(writer, outcome_id)), cohort, source, quote]


def derivation_sections(writer, outcome_id: str) -> list:
    """Figures restated from others (a press release from the paper) side by side, on both pages."""
    lang, folder = writer.lang, writer.mapped.entities[outcome_id].cls.folder
    pairs = [(outcome_id, origin) for origin in writer.targets(outcome_id, CLE.derivedFromOutcome)]
    pairs += [(derived, outcome_id) for derived in writer.sources_of(outcome_id, CLE.derivedFromOutcome)]
    if not pairs:
        return []
    lines = [f"## {ui('discrepancy', lang)}{NO_SEARCH}", ""]
    names = [ui("outcome", lang), ui("estimate", lang), ui("cohort", lang), ui("source", lang), ui("quote", lang)]
    for derived, origin in pairs[:MAX_OUTCOMES]:
        lines += [f"| {ui('property', lang)} | {ui('figure', lang) if derived == outcome_id else ui('restated_as', lang)} | "
                  f"{ui('derived_from', lang) if origin != outcome_id else ui('figure', lang)} |", "|---|---|---|"]
        left, right = _figure_column(writer, derived, folder), _figure_column(writer, origin, folder)
        lines += [f"| {name} | {a} | {b} |" for name, a, b in zip(names, left, right)]
        how = writer.value(derived, CLE.derivation)
        texts = {o.language: str(o) for o in writer.graph(derived).objects(writer.mapped.entities[derived].iri,
                                                                              CLE.derivation)}
        if how is not None:
            lines += [f"| {ui('how_derived', lang)} | {inline(texts.get(lang) or texts.get('en') or str(how))} | |"]
        lines.append("")
    return lines
