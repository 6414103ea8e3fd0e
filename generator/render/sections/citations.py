"""What rests on a publication: each entry citing it, the statements it supports and where in the source."""

from __future__ import annotations

from ...model.vocab import CLE, PROV
from ..escaping import inline
from ..layout import MAX_LINKS, heading, more, table
from ..ui_text import ui
from ..values import locator_of

__all__ = ["citations", "citation_rows", "citation_header"]


def citation_header(lang: str) -> list:
    return [ui("entity", lang), ui("supports", lang), ui("where", lang)]


def citation_rows(ctx, publication_id: str, citing: list, folder: str | None) -> list:
    """(entry link, supported properties, locator) for each source reference to publication_id."""
    target = ctx.mapped.entities[publication_id].iri
    rows = []
    for entity_id in sorted(citing, key=ctx.sort_key):
        graph = ctx.graph(entity_id)
        for ref in ctx.source_refs(entity_id):
            source, copy = graph.value(ref, PROV.entity), graph.value(ref, CLE.readIn)
            if target not in (source, copy):
                continue
            supports = sorted(ctx.property_label(p) for p in graph.objects(ref, CLE.supports))
            where = locator_of(ctx, graph, ref)
            source_id = ctx.schema.entity_id(source)
            if copy == target and source_id in ctx.mapped.entities:  # this copy is where a source was read
                where += " (" + ui("read_here_for", ctx.lang, source=ctx.link(source_id, folder)) + ")"
            rows.append(
                [ctx.link(entity_id, folder), inline(", ".join(supports) or ui("whole_entity", ctx.lang)), where]
            )
    return rows


def citations(ctx, entity_id: str) -> list:
    """On a publication's page (nothing for other classes)."""
    if CLE.Publication not in ctx.class_of(entity_id).ancestors:
        return []
    citing = ctx.sources_of(entity_id, PROV.wasDerivedFrom)
    if not citing:
        return []
    folder = ctx.class_of(entity_id).folder
    rows = citation_rows(ctx, entity_id, citing[:MAX_LINKS], folder)
    if len(citing) > MAX_LINKS:
        rows.append([more(ctx, citing, MAX_LINKS, folder), "", ""])
    return heading(2, ui("citations", ctx.lang)) + table(citation_header(ctx.lang), rows) + [""]
