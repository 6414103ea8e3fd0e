"""The sources of an entity: each document once, with every statement of this page it supports — where in the
document, which keys, how it was verified, the exact quote (and our translation) — and the copy it was read in."""

from __future__ import annotations

from ...model.vocab import CLE, PROV
from ..escaping import inline
from ..layout import heading
from ..ui_text import ui
from ..values import coded_value, locator_of, quoted

__all__ = ["sources_section", "quote_lines", "documents"]


def quote_lines(ctx, graph, ref, indent: str = "    ") -> list:
    """The quote of a source reference (and our translation into the page language) as a block quote, the quote
    marked with its own language."""
    quote_text = graph.value(ref, CLE.quote)
    if quote_text is None:
        return []
    lines = ["", f"{indent}> {quoted(ctx, quote_text)}"]
    translations = {o.language: str(o) for o in graph.objects(ref, CLE.quoteTranslation)}
    translation = translations.get(ctx.lang) if quote_text.language != ctx.lang else None
    if translation:
        lines += [f"{indent}>", f"{indent}> *{inline(ui('translation', ctx.lang))}:* “{inline(translation)}”"]
    return lines + [""]


def documents(ctx, entity_id: str) -> list:
    """(source IRI, [source references]) per document, in the order the file first cites each."""
    graph = ctx.graph(entity_id)
    grouped: dict = {}
    for ref in ctx.source_refs(entity_id):
        grouped.setdefault(graph.value(ref, PROV.entity), []).append(ref)
    return list(grouped.items())


def _statement(ctx, graph, ref, folder: str) -> list:
    parts = []
    if graph.value(ref, CLE.locator) is not None:
        parts.append(locator_of(ctx, graph, ref))
    read_in = graph.value(ref, CLE.readIn)
    read_in_id = ctx.schema.entity_id(read_in) if read_in is not None else None
    if read_in_id in ctx.mapped.entities:
        parts.append(ui("read_in", ctx.lang, copy=ctx.link(read_in_id, folder)))
    supports = sorted(ctx.property_label(p) for p in graph.objects(ref, CLE.supports))
    parts.append(
        f"{ui('supports', ctx.lang)}: {inline(', '.join(supports)) if supports else ui('whole_entity', ctx.lang)}"
    )
    confidence = graph.value(ref, CLE.confidence)
    if confidence is not None:
        words = coded_value(ctx, _confidence_spec(ctx), str(confidence)) or inline(str(confidence))
        parts.append(f"*{words}*")
    return ["- " + " — ".join(parts)] + quote_lines(ctx, graph, ref)


def _confidence_spec(ctx):
    """The source-reference shape's `confidence` key, whose coded values have words."""
    return ctx.memo(
        "confidence_spec",
        lambda: next(
            spec.nested.properties["confidence"]
            for cls in ctx.schema.classes.values()
            for spec in cls.shape.properties.values()
            if spec.key == "sources" and spec.nested is not None
        ),
    )


def sources_section(ctx, entity_id: str) -> list:
    found = documents(ctx, entity_id)
    if not found:
        return []
    folder = ctx.class_of(entity_id).folder
    graph = ctx.graph(entity_id)
    lines = heading(3, ui("sources", ctx.lang))
    for index, (source, refs) in enumerate(found, start=1):
        source_id = ctx.schema.entity_id(source)
        title = ctx.link(source_id, folder) if source_id in ctx.mapped.entities else inline(str(source))
        lines += [f"**{index}. {title}**", ""]
        for ref in refs:
            lines += _statement(ctx, graph, ref, folder)
        lines.append("")
    return lines
