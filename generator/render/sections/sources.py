"""The Sources section of an entity page: each source reference with its locator, what it supports, its
confidence and the quote (with our translation into the page language)."""

from __future__ import annotations

from ...model.vocab import CLE, PROV
from ..escaping import inline
from ..layout import heading
from ..ui_text import ui

__all__ = ["sources_section", "quote_lines"]


def quote_lines(ctx, graph, ref, indent: str = "    ") -> list:
    """The quote of a source reference (and our translation into the page language) as a block quote."""
    quote_text = graph.value(ref, CLE.quote)
    if quote_text is None:
        return []
    lines = ["", f"{indent}> “{inline(str(quote_text))}” ({inline(quote_text.language or '')})"]
    translations = {o.language: str(o) for o in graph.objects(ref, CLE.quoteTranslation)}
    translation = translations.get(ctx.lang) if quote_text.language != ctx.lang else None
    if translation:
        lines += [f"{indent}>", f"{indent}> *{inline(ui('translation', ctx.lang))}:* “{inline(translation)}”"]
    return lines + [""]


def sources_section(ctx, entity_id: str) -> list:
    refs = ctx.source_refs(entity_id)
    if not refs:
        return []
    lang, folder = ctx.lang, ctx.class_of(entity_id).folder
    graph = ctx.graph(entity_id)
    lines = heading(2, ui("sources", lang))
    for index, ref in enumerate(refs, start=1):
        source = graph.value(ref, PROV.entity)
        source_id = ctx.schema.entity_id(source)
        parts = [ctx.link(source_id, folder) if source_id in ctx.mapped.entities else inline(str(source))]
        locator = graph.value(ref, CLE.locator)
        if locator is not None:
            parts.append(inline(str(locator)))
        supports = sorted(ctx.property_label(p) for p in graph.objects(ref, CLE.supports))
        if supports:
            parts.append(f"{ui('supports', lang)}: {inline(', '.join(supports))}")
        confidence = graph.value(ref, CLE.confidence)
        if confidence is not None:
            parts.append(f"*{inline(str(confidence))}*")
        lines.append(f"{index}. " + " — ".join(parts))
        lines += quote_lines(ctx, graph, ref)
    return lines + [""]
