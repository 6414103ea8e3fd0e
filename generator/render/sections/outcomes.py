"""Outcomes as tables (each figure with the uncertainty its source gives, named as what it is), the other
results of a page, an outcome's own reading (note, quote), and figures restated from others side by side."""

from __future__ import annotations

from ...model.vocab import CLE, PROV
from ..escaping import block, inline
from ..layout import heading, table, table_sharing
from ..results import (
    category,
    cohort_of,
    comparisons,
    figure_text,
    is_restatement,
    p_value_text,
    time_words,
    uncertainty_text,
)
from ..ui_text import ui
from ..values import locator_of, quoted, text_of
from .sources import quote_lines

__all__ = [
    "outcome_rows",
    "outcome_table",
    "other_results",
    "outcome_reading",
    "derivations",
    "MAX_OUTCOMES",
    "SHOWN_ELSEWHERE",
]

MAX_OUTCOMES = 20  # rows per table, so a page stays bounded
SHOWN_ELSEWHERE = ("safety", "follow-up")  # kinds of result with a section (or card row) of their own


def _ordered(ctx, outcome_ids: list) -> list:
    """Outcomes with their comparator right after them, the rest by label; each once, at most MAX_OUTCOMES."""
    seen, ordered = set(), []
    for outcome_id in sorted(outcome_ids, key=lambda i: (not ctx.targets(i, CLE.comparator),) + ctx.sort_key(i)):
        for item in [outcome_id] + ctx.targets(outcome_id, CLE.comparator):
            if item not in seen:
                seen.add(item)
                ordered.append(item)
    return ordered[:MAX_OUTCOMES]


def outcome_rows(ctx, outcome_ids: list, folder: str | None) -> list:
    """One row per outcome: the outcome, its group, the time point, the figure and its uncertainty."""
    rows = []
    for outcome_id in _ordered(ctx, outcome_ids):
        cohort = cohort_of(ctx, outcome_id)
        time_point = ctx.value(outcome_id, CLE.timePoint)
        extra = ", ".join(part for part in (uncertainty_text(ctx, outcome_id), p_value_text(ctx, outcome_id)) if part)
        rows.append(
            [
                ctx.link(outcome_id, folder),
                ctx.link(cohort, folder) if cohort else "",
                inline(time_words(ctx, str(time_point))) if time_point is not None else "",
                inline(figure_text(ctx, outcome_id, uncertainty=False)),
                inline(extra),
            ]
        )
    return rows


def outcome_table(ctx, outcome_ids: list, folder: str | None) -> list:
    """A table of outcomes; nothing when there are none."""
    if not outcome_ids:
        return []
    header = [ui(key, ctx.lang) for key in ("outcome", "cohort", "time_point", "estimate", "uncertainty")]
    return table_sharing(header, outcome_rows(ctx, outcome_ids, folder), 1) + [""]


def other_results(ctx, entity_id: str, outcome_ids: list, rollup) -> list:
    """The results not shown as key results, safety or follow-up, and the restated figures apart."""
    compared = {o for pair in comparisons(ctx, outcome_ids) for o in (pair.intervention, pair.comparator)}
    rest = [o for o in outcome_ids if o not in compared and category(ctx, o) not in SHOWN_ELSEWHERE]
    results = [o for o in rest if not is_restatement(ctx, o)]
    restated = [o for o in rest if is_restatement(ctx, o)]
    folder = ctx.class_of(entity_id).folder
    title = ui("results" if not compared else "other_results", ctx.lang)
    lines = heading(2, title) + outcome_table(ctx, results, folder) if results else []
    if restated:  # closed: each restated figure (a press release's) and the figure it comes from
        summary = f"{ui('restated', ctx.lang)} ({len(restated)})"
        lines += ['<details class="cle-restated" markdown>', f"<summary>{summary}</summary>", ""]
        for figure in sorted(restated, key=ctx.sort_key):
            origins = ", ".join(
                ctx.link(origin, folder, figure_text(ctx, origin))
                for origin in ctx.targets(figure, CLE.derivedFromOutcome)
            )
            lines.append(f"- {ctx.link(figure, folder)} → {origins}")
        lines += ["", "</details>", ""]
    return lines


def outcome_reading(ctx, outcome_id: str) -> list:
    """On an outcome's own page: the note on how to read it, and the quote its estimate rests on."""
    lang, folder = ctx.lang, ctx.class_of(outcome_id).folder
    graph = ctx.graph(outcome_id)
    lines = []
    record = ctx.mapped.entities[outcome_id]
    note = text_of(ctx, graph.objects(record.iri, CLE.analysisNote))
    if note:
        lines += [f'!!! note "{ui("analysis_note", lang)}"', "", "    " + block(note).replace("\n", "\n    "), ""]
    for ref in ctx.source_refs(outcome_id):
        supports = set(graph.objects(ref, CLE.supports))
        if supports and CLE.estimate not in supports:
            continue
        source_id = ctx.schema.entity_id(graph.value(ref, PROV.entity))
        if graph.value(ref, CLE.quote) is None or source_id not in ctx.mapped.entities:
            continue
        where = locator_of(ctx, graph, ref)
        where = f" — {where}" if where else ""
        lines += [f"**{ui('in_the_words_of_the_source', lang)}** ({ctx.link(source_id, folder)}{where}):"]
        lines += [line[4:] if line.startswith("    ") else line for line in quote_lines(ctx, graph, ref)]
        break  # the first source that quotes the estimate; every source is listed under provenance
    return lines


def _figure_column(ctx, outcome_id: str, folder: str) -> list:
    """The cells describing one figure: the figure, its cohort, its first source with locator and quote."""
    graph = ctx.graph(outcome_id)
    refs = ctx.source_refs(outcome_id)
    source, quote = "", ""
    if refs:
        source_id = ctx.schema.entity_id(graph.value(refs[0], PROV.entity))
        where = locator_of(ctx, graph, refs[0])
        if source_id in ctx.mapped.entities:
            source = ctx.link(source_id, folder) + (f" — {where}" if where else "")
        quote = quoted(ctx, graph.value(refs[0], CLE.quote))
    cohort = cohort_of(ctx, outcome_id)
    return [
        ctx.link(outcome_id, folder),
        inline(figure_text(ctx, outcome_id)),
        ctx.link(cohort, folder) if cohort else "",
        source,
        quote,
    ]


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
        how = text_of(ctx, ctx.graph(derived).objects(ctx.mapped.entities[derived].iri, CLE.derivation))
        if how:
            rows.append([ui("how_derived", lang), inline(how), ""])
        lines += table(header, rows) + [""]
    return lines
