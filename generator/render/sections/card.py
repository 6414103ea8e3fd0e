"""The card at the top of an entity page: the rows its class declares in ontology/pages.ttl, each composed from
the entity's values (render/compose.py); a class without a card shows its short facts instead."""

from __future__ import annotations

from rdflib import Literal

from ...model.kinds import ValueKind
from ...model.schema import pick
from ...model.vocab import CLE, DCTERMS, PROV, RDFS
from ..compose import compose, placeholders
from ..escaping import inline
from ..layout import MAX_LINKS, table
from ..locale import unit_suffix
from ..results import category, cohort_of, comparisons, figure_text, outcomes_reached, participants, size_in_name
from ..ui_text import ui
from ..values import render_value, values_of
from .texts import unverified_of

__all__ = ["card", "card_keys", "unverified_badge", "short_facts", "COMPUTED", "ALWAYS_ELSEWHERE"]

# Keys every page shows in a place of their own (title, lede, sources, flags), never in the card or details.
ALWAYS_ELSEWHERE = (RDFS.label, DCTERMS.description, PROV.qualifiedDerivation, CLE.unverifiedProperty)


def unverified_badge(lang: str) -> str:
    """The small mark beside a value no source read here confirms."""
    return f'<span class="cle-unverified" title="{ui("unverified_hint", lang)}">{ui("unverified", lang)}</span>'


def _comparators(ctx, entity_id: str) -> str:
    """The groups the entity's results are compared with: their links, size and role."""
    folder = ctx.class_of(entity_id).folder
    cohorts = sorted(
        {cohort_of(ctx, pair.comparator) for pair in comparisons(ctx, outcomes_reached(ctx, entity_id))} - {None},
        key=ctx.sort_key,
    )
    return "; ".join(_cohort_words(ctx, cohort, folder) for cohort in cohorts)


def _cohort_words(ctx, cohort: str, folder: str) -> str:
    count = participants(ctx, cohort)
    spec = ctx.class_of(cohort).shape.properties.get("cohortRole")
    role = ctx.value(cohort, CLE.cohortRole)
    parts = [
        f"{count}{unit_suffix('patients', ctx.lang, count=count)}" if count and not size_in_name(ctx, cohort) else "",
        render_value(ctx, spec, role, folder) if role is not None and spec else "",
    ]
    extra = ", ".join(part for part in parts if part)
    return ctx.link(cohort, folder) + (f" ({extra})" if extra else "")


def _follow_up(ctx, entity_id: str) -> str:
    found = [o for o in outcomes_reached(ctx, entity_id) if category(ctx, o) == "follow-up"]
    return "; ".join(inline(figure_text(ctx, o)) for o in sorted(found))  # by id: the same order in every language


def _figure(ctx, entity_id: str) -> str:
    return inline(figure_text(ctx, entity_id))


def _comparator(ctx, entity_id: str) -> str:
    folder = ctx.class_of(entity_id).folder
    return ", ".join(
        f"{inline(figure_text(ctx, other))} — {ctx.link(other, folder)}"
        for other in ctx.targets(entity_id, CLE.comparator)
    )


# {=name} placeholders: values a card row shows that the page works out from the graph
COMPUTED = {"comparators": _comparators, "followUp": _follow_up, "figure": _figure, "comparator": _comparator}


def _key_values(ctx, entity_id: str, path: str, folder: str) -> tuple:
    """(Markdown of the values of a key or key/other path, the number they hold or None, unverified?)."""
    key, _, rest = path.partition("/")
    record = ctx.mapped.entities[entity_id]
    spec = record.cls.shape.properties.get(key)
    if spec is None:
        return "", None, False
    if rest:
        targets = ctx.targets(entity_id, spec.path)
        found = [_key_values(ctx, target, rest, folder) for target in targets]
        text = ", ".join(part for part, _, _ in found if part)
        numbers = [amount for _, amount, _ in found if amount is not None]
        return text, (numbers[0] if len(numbers) == 1 else None), any(flag for _, _, flag in found)
    found = values_of(ctx, ctx.graph(entity_id), record.iri, spec)
    if spec.kind is ValueKind.REFERENCE:
        found = sorted(found, key=lambda v: ctx.sort_key(ctx.schema.entity_id(v) or str(v)))[:MAX_LINKS]
    text = ", ".join(render_value(ctx, spec, value, folder) for value in found)
    amount = None
    if len(found) == 1 and isinstance(found[0], Literal):
        try:
            amount = float(str(found[0]))
        except ValueError:
            amount = None
    return text, amount, spec.path in unverified_of(ctx, entity_id)


def _row(ctx, entity_id: str, template: str, folder: str) -> tuple:
    """(composed Markdown or None, whether a value it shows is unverified)."""
    flagged = []

    def values(name: str, computed: bool) -> str:
        if computed:
            make = COMPUTED.get(name)
            return make(ctx, entity_id) if make else ""
        text, _, unverified = _key_values(ctx, entity_id, name, folder)
        flagged.append(unverified and bool(text))
        return text

    def number(path: str):
        return _key_values(ctx, entity_id, path, folder)[1]

    return compose(template, values, number), any(flagged)


def card_keys(ctx, entity_id: str) -> set:
    """The keys the entity's card shows (they are not listed again under details)."""
    keys = set()
    for row in ctx.class_of(entity_id).card:
        for templates in (row.templates, row.fallbacks):
            if templates:
                keys |= placeholders(pick(templates, ctx.lang))
    return keys


def card(ctx, entity_id: str) -> list:
    """The card as a two-column table in a box; the short facts when the class declares no card."""
    record = ctx.mapped.entities[entity_id]
    if not record.cls.card:
        rows = short_facts(ctx, entity_id, set())
    else:
        rows = []
        for row in record.cls.card:
            text, flagged = _row(ctx, entity_id, pick(row.templates, ctx.lang), record.cls.folder)
            if text is None and row.fallbacks:
                text, flagged = _row(ctx, entity_id, pick(row.fallbacks, ctx.lang), record.cls.folder)
            if text:
                rows.append(
                    [inline(pick(row.labels, ctx.lang)), text + (f" {unverified_badge(ctx.lang)}" if flagged else "")]
                )
    if not rows:
        return []
    return (
        ['<div class="cle-card" markdown>', ""]
        + table([ui("fact", ctx.lang), ui("value", ctx.lang)], rows)
        + ["", "</div>", ""]
    )


def _listed_by_rollups(cls) -> set:
    """The relations a class's roll-ups start from (their entities have a section of their own)."""
    found = set()

    def first_steps(path):
        kind, part = path
        if kind == "iri":
            found.add(part)
        elif kind == "sequence":
            first_steps(part[0])
        elif kind == "alternative":
            for alternative in part:
                first_steps(alternative)

    for rollup in cls.rollups:
        first_steps(rollup.path)
    return found


def short_facts(ctx, entity_id: str, shown: set) -> list:
    """[name, values] for every short fact of the entity (not a long text) whose key is not in shown, nor a
    relation whose entities a roll-up of the page lists."""
    record = ctx.mapped.entities[entity_id]
    folder, graph, unverified = record.cls.folder, ctx.graph(entity_id), unverified_of(ctx, entity_id)
    listed = _listed_by_rollups(record.cls)
    rows = []
    for spec in record.cls.shape.properties.values():
        if spec.key in shown or spec.path in ALWAYS_ELSEWHERE or spec.kind in (ValueKind.LANGMAP, ValueKind.NESTED):
            continue
        if spec.path in listed:
            continue
        found = values_of(ctx, graph, record.iri, spec)
        if not found:
            continue
        if spec.kind is ValueKind.REFERENCE:
            found = sorted(found, key=lambda v: ctx.sort_key(ctx.schema.entity_id(v) or str(v)))[:MAX_LINKS]
        rendered = " · ".join(render_value(ctx, spec, v, folder) for v in found)
        if spec.path in unverified:
            rendered += f" {unverified_badge(ctx.lang)}"
        name = ui("identifiers", ctx.lang) if spec.kind is ValueKind.IDENTIFIER else ctx.property_title(spec.path, spec)
        rows.append([inline(name), rendered])
    return rows
