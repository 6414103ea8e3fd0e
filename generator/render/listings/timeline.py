"""The timeline: every xsd:date and xsd:gYear value in the graph, in order, grouped by year, in pages of
TIMELINE_PAGE events (timeline.md, then timeline/2.md …) so each page stays bounded whatever the graph holds."""

from __future__ import annotations

from itertools import groupby

from rdflib import Literal

from ...model.vocab import XSD
from ..escaping import inline
from ..layout import NO_SEARCH, chunked, paged_list, table
from ..locale import date
from ..timeline_figure import timeline_items, timeline_svg
from ..ui_text import ui

__all__ = ["timeline_events", "timeline_page"]

DATE_TYPES = (XSD.date, XSD.gYear)
TIMELINE_PAGE = 150  # events per page (a row holds a date, a link and a property: heavier than a list entry)


def timeline_events(ctx) -> list:
    """(date text, entity id, property IRI, literal) for every date or year on an entity, sorted."""
    events = []
    for entity_id, record in ctx.all_entities():
        for prop, value in ctx.graph(entity_id).predicate_objects(record.iri):
            if isinstance(value, Literal) and value.datatype in DATE_TYPES:
                events.append((str(value), entity_id, prop, value))
    return sorted(events, key=lambda e: (e[0],) + ctx.sort_key(e[1]) + (str(e[2]),))


def timeline_page(ctx) -> dict:
    """doc path -> text for every page of the timeline."""
    lang = ctx.lang
    header = [ui("date", lang), ui("what", lang), ui("property", lang)]
    events = timeline_events(ctx)
    chunks = chunked(events, TIMELINE_PAGE)
    first_page: dict = {}  # year -> number of the page where it starts
    for index, event in enumerate(events):
        first_page.setdefault(event[0][:4], index // TIMELINE_PAGE)

    def head(number: int, paths: list) -> list:
        lines = [ui("timeline_intro", lang), ""]
        if number == 0:
            picture = timeline_svg(ctx, timeline_items(ctx), "timeline.md")
            lines += [picture, ""] if picture else []
        if len(paths) > 1 and number == 0:
            years = [f"[{year}]({paths[page]})" if page else year for year, page in first_page.items()]
            lines += [f"{ui('years', lang)}: " + " · ".join(years), ""]
        return lines

    def body(chunk: list, folder) -> list:
        lines = []
        for year, group in groupby(chunk, key=lambda event: event[0][:4]):
            rows = [
                [inline(date(value, lang)), ctx.link(entity_id, folder), inline(ctx.property_label(prop))]
                for _, entity_id, prop, value in group
            ]
            lines += ["", f"## {year}{NO_SEARCH}", ""] + table(header, rows)
        return lines

    return paged_list(ctx, "timeline.md", "timeline", ui("timeline", lang), chunks, head, body)
