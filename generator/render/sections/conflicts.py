"""Where sources disagree: each claim side by side with its source, where in it, its exact words and the value
as stated, and the note that says what is known about the disagreement. On the conflict's own page and on the
pages of the entities it is about."""

from __future__ import annotations

from ...model.vocab import CLE, PROV
from ..escaping import block, inline
from ..layout import heading, table
from ..ui_text import ui
from ..values import coded_value, in_language, locator_of, quoted, text_of

__all__ = ["conflict_claims", "conflicts_about"]


def _claims(ctx, conflict_id: str) -> list:
    record = ctx.mapped.entities[conflict_id]
    graph = ctx.graph(conflict_id)
    return sorted(graph.objects(record.iri, CLE.claim), key=lambda c: int(str(c).rsplit("-", 1)[-1]))


def _source_language(quote) -> str:
    """The language of a claim's words: its quote's, else English (the language of the sources read here)."""
    return getattr(quote, "language", None) or "en"


def _claim_row(ctx, conflict_id: str, claim, folder: str) -> list:
    graph = ctx.graph(conflict_id)
    source = ctx.schema.entity_id(graph.value(claim, PROV.entity))
    read_in = ctx.schema.entity_id(graph.value(claim, CLE.readIn)) if graph.value(claim, CLE.readIn) else None
    quote = graph.value(claim, CLE.quote)
    cited = ctx.link(source, folder) if source in ctx.mapped.entities else ""
    if read_in in ctx.mapped.entities:
        cited += " " + ui("read_in", ctx.lang, copy=ctx.link(read_in, folder))
    return [
        in_language(inline(str(graph.value(claim, CLE.statedValue) or "")), _source_language(quote), ctx.lang),
        cited,
        locator_of(ctx, graph, claim),
        quoted(ctx, quote),
    ]


def conflict_claims(ctx, conflict_id: str) -> list:
    """On a conflict's page: the claims side by side, then the note."""
    if CLE.SourceConflict not in ctx.class_of(conflict_id).ancestors:
        return []
    lang, folder = ctx.lang, ctx.class_of(conflict_id).folder
    rows = [_claim_row(ctx, conflict_id, claim, folder) for claim in _claims(ctx, conflict_id)]
    note = text_of(ctx, ctx.graph(conflict_id).objects(ctx.mapped.entities[conflict_id].iri, CLE.conflictNote))
    header = [ui("claim_value", lang), ui("source", lang), ui("where", lang), ui("quote", lang)]
    return heading(2, ui("claims", lang)) + table(header, rows) + [""] + ([block(note), ""] if note else [])


def conflicts_about(ctx, entity_id: str) -> list:
    """On an entity's page: a short note for every conflict between sources about it."""
    found = sorted(ctx.sources_of(entity_id, CLE.conflictAbout), key=ctx.sort_key)
    if not found:
        return []
    folder = ctx.class_of(entity_id).folder
    lines = [f'!!! question "{ui("sources_disagree", ctx.lang)}"', ""]
    for conflict in found:
        record = ctx.mapped.entities[conflict]
        prop = ctx.graph(conflict).value(record.iri, CLE.conflictProperty)
        spec = ctx.class_of(conflict).shape.by_path().get(CLE.conflictProperty)
        what = (coded_value(ctx, spec, str(prop)) or inline(str(prop))) if prop is not None else ""
        lines.append(f"    - {ctx.link(conflict, folder)}" + (f" ({what})" if what else ""))
    return lines + [""]
