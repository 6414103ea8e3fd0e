"""The timeline page: every xsd:date and xsd:gYear value in the graph, in order, grouped by year."""

from __future__ import annotations

from rdflib import Literal

from .markdown_text import front_matter, inline
from .ui_text import ui
from .vocab import XSD

__all__ = ["timeline_events", "timeline_page"]

DATE_TYPES = (XSD.date, XSD.gYear)


def timeline_events(writer) -> list:
    """(date text, entity id, property IRI, literal) for every date or year on an entity, sorted."""
    events = []
    for entity_id, record in sorted(writer.mapped.entities.items()):
        for prop, value in writer.graph(entity_id).predicate_objects(record.iri):
            if isinstance(value, Literal) and value.datatype in DATE_TYPES:
                events.append((str(value), entity_id, prop, value))
    return sorted(events, key=lambda e: (e[0], writer.label(e[1]).casefold(), e[1], str(e[2])))


def timeline_page(writer) -> str:
    lang = writer.lang
    lines = [front_matter(writer.page_meta("timeline.md")).rstrip("\n"), "", f"# {ui('timeline', lang)}", "",
             ui("timeline_intro", lang), ""]
    year = None
    for text, entity_id, prop, value in timeline_events(writer):
        if text[:4] != year:
            year = text[:4]
            lines += ["", f"## {year}", "", f"| {ui('date', lang)} | {ui('what', lang)} | {ui('property', lang)} |",
                      "|---|---|---|"]
        lines.append(f"| {inline(writer.date(value))} | {writer.link(entity_id, None)} "
                     f"| {inline(writer.property_label(prop))} |")
    if year is None:
        lines.append(ui("none_yet", lang))
    return "\n".join(lines) + "\n"
