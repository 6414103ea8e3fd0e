"""The front matter generated pages carry: an HTML-safe title, the link to the same page in the other
languages, and on entity pages the data links, JSON-LD, search tags and boost, and edit/report links."""

from __future__ import annotations

from rdflib import URIRef

from ..map.curies import compress_iri
from ..model.formats import ENTITY_DATA_FOLDER, ENTITY_FORMATS
from ..model.site_paths import relative_page_url, to_site_root
from ..model.vocab import DCTERMS, PROV, SKOS
from .escaping import attribute
from .jsonld import entity_jsonld, schema_properties
from .ui_text import language_name, ui

__all__ = ["page_meta", "entity_meta", "search_names", "search_boost", "data_href"]


def page_meta(ctx, doc_path: str, title: str | None = None) -> dict:
    """Front matter every generated page carries: an HTML-safe title and the link to the other languages."""
    meta = {}
    if title is not None:
        meta["title"] = attribute(title)
    others = [lang for lang in ctx.languages if lang != ctx.lang]
    meta["cle_languages"] = [
        {
            "href": relative_page_url(doc_path, doc_path, ctx.lang, other, ctx.languages),
            "lang": other,
            "name": language_name(other),
        }
        for other in others
    ]
    return meta


def data_href(ctx, entity_id: str) -> str:
    """The relative URL of an entity's data files, without the extension."""
    root = to_site_root(ctx.doc_path(entity_id), ctx.lang, ctx.languages)
    return f"{root}{ENTITY_DATA_FOLDER}/{entity_id}"


def entity_meta(ctx, entity_id: str) -> dict:
    record = ctx.mapped.entities[entity_id]
    doc = ctx.doc_path(entity_id)
    meta = page_meta(ctx, doc, ctx.label(entity_id))
    data = data_href(ctx, entity_id)
    meta["cle_data"] = [{"href": f"{data}.{f.extension}", "type": f.media_type, "name": f.name} for f in ENTITY_FORMATS]
    meta["cle_jsonld"] = entity_jsonld(
        ctx.schema, ctx.mapped, entity_id, ctx.memo("jsonld_terms", lambda: schema_properties(ctx.schema))
    )
    meta["search"] = {"boost": search_boost(ctx, entity_id)}
    meta["tags"] = search_names(ctx, entity_id)
    page = doc[:-3] + "/"
    edit = ctx.site.edit_url(record.path)
    if edit:
        meta["cle_edit"] = {"href": attribute(edit), "label": ui("edit", ctx.lang)}
        body = ui("report_body", ctx.lang, page=page, file=record.path)
        issue = ctx.site.issue_url(ui("report_title", ctx.lang, id=entity_id), body)
        meta["cle_report"] = {"href": attribute(issue), "label": ui("report", ctx.lang)}
    return meta


def search_names(ctx, entity_id: str) -> list:
    """Synonyms, symbols, brand names and identifiers (as CURIEs), indexed as search tags: an exact name
    outranks a word in a longer title. The ontology says which properties hold such names, as sub-properties
    of skos:altLabel or dcterms:identifier."""
    properties = ctx.memo(
        "search_names", lambda: ctx.schema.subproperties_of(SKOS.altLabel, DCTERMS.identifier, SKOS.exactMatch)
    )
    record = ctx.mapped.entities[entity_id]
    graph = ctx.graph(entity_id)
    names = set()
    for prop in properties:
        for value in graph.objects(record.iri, prop):
            names.add(compress_iri(str(value)) or str(value) if isinstance(value, URIRef) else str(value))
    return sorted(names)


def search_boost(ctx, entity_id: str) -> float:
    """Pages more entities link to (sources not counted) rank higher in search: 1 to 5, by log2 of in-degree."""
    degree = sum(1 for _, key in ctx.incoming(entity_id) if key != PROV.wasDerivedFrom)
    return float(min(5, 1 + degree.bit_length()))
