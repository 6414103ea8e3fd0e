"""The timeline: every xsd:date and xsd:gYear value in the graph, in order, grouped by year, in pages of
TIMELINE_PAGE events (timeline.md, then timeline/2.md …) so each page stays bounded whatever the graph holds."""

from __future__ import annotations

from rdflib import Literal

from .markdown_text import front_matter, inline
from .pages import NO_SEARCH, list_page_paths, pager
from .ui_text import ui
from .vocab import XSD

__all__ = ["timeline_events", "timeline_page"]

DATE_TYPES = (XSD.date, XSD.gYear)
TIMELINE_PAGE = 150  # events per page (a row holds a date, a link and a property: heavier than a list entry)


def timeline_events(writer) -> list:
    """(date text, entity id, property IRI, literal) for every date or year on an entity, sorted."""
    events = []
    for entity_id, record in writer.all_entities():
        for prop, value in writer.graph(entity_id).predicate_objects(record.iri):
            if isinstance(value, Literal) and value.datatype in DATE_TYPES:
                events.append((str(value), entity_id, prop, value))
    return sorted(events, key=lambda e: (e[0], writer.label(e[1]).casefold(), e[1], str(e[2])))


def timeline_page(writer) -> dict:
    """doc path -> text for every page of the timeline."""
    lang = writer.lang
    events = timeline_events(writer)
    paths = list_page_paths("timeline.md", "timeline", len(events), TIMELINE_PAGE)
    first_page = {}  # year -> number of the page where it starts
    for index, event in enumerate(events):
        first_page.setdefault(event[0][:4], index // TIMELINE_PAGE)
    pages = {}
    for number, path in enumerate(paths):
        folder = "timeline" if number else None
        title = ui("timeline", lang) if number == 0 else f"{ui('timeline', lang)} ({number + 1})"
        meta = writer.page_meta(path, None if number == 0 else title)
        if number:
            meta["search"] = {"exclude": True}
        lines = [front_matter(meta).rstrip("\n"), "", f"# {inline(title)}", "", ui("timeline_intro", lang), ""]
        if len(paths) > 1 and number == 0:
            years = [f"[{year}]({paths[page]})" if page else year for year, page in first_page.items()]
            lines += [f"{ui('years', lang)}: " + " · ".join(years), ""]
        lines += pager(paths, number, lang)
        year = None
        for text, entity_id, prop, value in events[number * TIMELINE_PAGE:(number + 1) * TIMELINE_PAGE]:
            if text[:4] != year:
                year = text[:4]
                lines += ["", f"## {year}{NO_SEARCH}", "",
                          f"| {ui('date', lang)} | {ui('what', lang)} | {ui('property', lang)} |", "|---|---|---|"]
            lines.append(f"| {inline(writer.date(value))} | {writer.link(entity_id, folder)} "
                         f"| {inline(writer.property_label(prop))} |")
        if year is None:
            lines.append(ui("none_yet", lang))
        pages[path] = "\n".join(lines + [""] + pager(paths, number, lang)).rstrip() + "\n"
    return pages
