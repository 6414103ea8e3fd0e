"""One value of a key as Markdown on a page: a link to an entity, a CURIE linked to its IRI, a property's name,
or a literal shown as its datatype's row says (model/datatypes.py)."""

from __future__ import annotations

from rdflib import URIRef

from ..map.curies import compress_iri
from ..model.datatypes import DATATYPES, Display
from ..model.kinds import ValueKind
from ..model.schema import PropertySpec
from ..model.vocab import CLE
from .escaping import inline, url
from .locale import date, duration, number

__all__ = ["render_value", "values_of", "DISPLAYS", "in_language", "coded_value", "text_of", "locator_of", "quoted"]


def in_language(markdown: str, text_lang: str | None, page_lang: str) -> str:
    """Text in another language than the page's, marked with its own (WCAG 3.1.2): screen readers switch voice.

    >>> in_language("added to standard arm", "en", "nl")
    '<span lang="en">added to standard arm</span>'
    >>> in_language("toegevoegd", "nl", "nl")
    'toegevoegd'
    """
    if not text_lang or text_lang == page_lang or not markdown:
        return markdown
    return f'<span lang="{text_lang}">{markdown}</span>'


def locator_of(ctx, graph, node) -> str:
    """Where in its source a statement is (a source reference's or claim's locator), in the sources' language
    (English); '' when it has none."""
    locator = graph.value(node, CLE.locator)
    return in_language(inline(str(locator)), "en", ctx.lang) if locator is not None else ""


def quoted(ctx, quote) -> str:
    """A source's exact words in quotation marks, marked with their language; '' for none."""
    return in_language(f"“{inline(str(quote))}”", quote.language, ctx.lang) if quote is not None else ""


def coded_value(ctx, spec: PropertySpec, text: str) -> str | None:
    """The words for a coded value (from the property's concept scheme) in the page language, or None."""
    labels = spec.value_labels.get(text) if spec is not None else None
    if not labels:
        return None
    if ctx.lang in labels:
        return inline(labels[ctx.lang])
    fallback = "en" if "en" in labels else sorted(labels)[0]
    return in_language(inline(labels[fallback]), fallback, ctx.lang)


def text_of(ctx, literals) -> str:
    """The text of a language map in the page language (else English, marked as such); '' when there is none."""
    found = {o.language: str(o) for o in literals}
    if ctx.lang in found:
        return found[ctx.lang]
    for lang in ("en", *sorted(found)):
        if lang in found:
            return found[lang]
    return ""


# Display -> (text of the literal, page language) -> Markdown
DISPLAYS = {
    Display.TEXT: lambda text, lang: inline(str(text)),
    Display.NUMBER: lambda text, lang: inline(number(text, lang)),
    Display.DATE: lambda text, lang: inline(date(text, lang)),
    Display.DURATION: lambda text, lang: inline(duration(text, lang)),
    Display.LINK: lambda text, lang: f"[{inline(str(text))}]({url(str(text))})",
}


def render_value(ctx, spec: PropertySpec, value, folder: str | None) -> str:
    """A value of spec on a page in folder (None: the docs root)."""
    if isinstance(value, URIRef):
        entity_id = ctx.schema.entity_id(value)
        if entity_id is not None and entity_id in ctx.mapped.entities:
            return ctx.link(entity_id, folder)
        if spec.kind is ValueKind.IDENTIFIER:
            curie = compress_iri(str(value)) or str(value)
            return f"[{inline(curie)}]({url(str(value))})"
        if spec.kind is ValueKind.PROPKEY:
            return inline(ctx.property_label(value))
        return inline(str(value))
    coded = coded_value(ctx, spec, str(value))
    if coded is not None:
        return coded
    if spec.kind.is_text:
        return in_language(inline(str(value)), getattr(value, "language", None), ctx.lang)
    rule = DATATYPES.get(spec.datatype)
    return DISPLAYS[rule.display if rule else Display.TEXT](value, ctx.lang)


def values_of(ctx, graph, subject, spec: PropertySpec) -> list:
    """The values of spec on subject, sorted; of a language map only those in the page language (or English)."""
    found = list(graph.objects(subject, spec.path))
    if spec.kind is ValueKind.LANGMAP:
        found = [o for o in found if o.language == ctx.lang] or [o for o in found if o.language == "en"]
    return sorted(found, key=str)
