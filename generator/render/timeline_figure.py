"""The timeline as one accessible picture: periods (an entity's start and end year) as bars and dated events as
dots on a shared axis of years, each with its sentence, linked to its page. Inline SVG, drawn at build time,
readable without script; the text is sized so that it stays legible on a phone (the picture is narrow)."""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Literal

from ..model.schema import pick
from ..model.vocab import XSD
from .escaping import attribute
from .locale import date
from .ui_text import ui

__all__ = ["TimelineItem", "timeline_items", "timeline_svg", "MAX_ITEMS"]

MAX_ITEMS = 48  # rows the picture shows (the full list follows it, in pages)
WIDTH, LEFT, RIGHT, FONT, LINE, ROW_GAP, BAR = 400, 6, 394, 12.5, 15, 10, 6
CHARS = 52  # characters per line of a sentence at this font size
START_YEAR, END_YEAR = "startYear", "endYear"  # the keys that give an entity a period


@dataclass(frozen=True)
class TimelineItem:
    """One row: a period (start < end years) or an event (a date), its sentence and the page it links to."""

    start: str  # ISO date or year, for ordering and the axis
    end: str  # the same as start for an event
    sentence: str
    entity_id: str
    period: bool


def _year(text: str) -> int:
    return int(text[:4])


def timeline_items(ctx) -> list:
    """Every period and every event whose date property the ontology names (cle:eventLabel), ordered."""
    items = []
    for entity_id, record in ctx.all_entities():
        graph = ctx.graph(entity_id)
        props = record.cls.shape.properties
        start = graph.value(record.iri, props[START_YEAR].path) if START_YEAR in props else None
        end = graph.value(record.iri, props[END_YEAR].path) if END_YEAR in props else None
        if start is not None and end is not None:
            sentence = ui("timeline_period", ctx.lang, start=str(start), end=str(end), what=ctx.label(entity_id))
            items.append(TimelineItem(str(start), str(end), sentence, entity_id, True))
        for prop, value in graph.predicate_objects(record.iri):
            words = ctx.schema.event_labels.get(prop)
            if words and isinstance(value, Literal) and value.datatype in (XSD.date, XSD.gYear):
                sentence = ui(
                    "timeline_event",
                    ctx.lang,
                    date=date(value, ctx.lang),
                    what=ctx.label(entity_id),
                    event=pick(words, ctx.lang),
                )
                items.append(TimelineItem(str(value), str(value), sentence, entity_id, False))
    items.sort(key=lambda item: (item.start, item.end) + ctx.sort_key(item.entity_id) + (item.sentence,))
    return items[:MAX_ITEMS]


def _wrap(text: str) -> list:
    """
    >>> _wrap("a b")
    ['a b']
    """
    lines = [""]
    for word in text.split():
        if lines[-1] and len(lines[-1]) + 1 + len(word) > CHARS:
            lines.append(word)
        else:
            lines[-1] = f"{lines[-1]} {word}".strip()
    return lines


def _n(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def timeline_svg(ctx, items: list, from_doc: str) -> str:
    """The picture as one line of HTML (a raw block in the Markdown page), or '' when there is nothing to draw."""
    if not items:
        return ""
    first, last = min(_year(i.start) for i in items), max(_year(i.end) for i in items) + 1
    span = max(1, last - first)

    def x(when: str, end: bool = False) -> float:
        """A year's start (or end), or a date's month, across the width."""
        within = 1.0 if end else (int(when[5:7]) - 1) / 12 if len(when) >= 7 else 0.0
        return LEFT + (RIGHT - LEFT) * (_year(when) + within - first) / span

    ticks = [year for year in range(first, last + 1) if year % 5 == 0]
    y = 2 * FONT
    parts = []
    for tick in ticks:
        parts.append(f'<text x="{_n(x(str(tick)))}" y="{_n(FONT)}" text-anchor="middle" class="cle-tick">{tick}</text>')
    for item in items:
        lines = _wrap(item.sentence)
        href = ctx.page_href(item.entity_id, from_doc)
        text = "".join(
            f'<tspan x="{LEFT}" dy="{LINE if index else 0}">{attribute(line)}</tspan>'
            for index, line in enumerate(lines)
        )
        top = y + FONT
        mark_y = top + LINE * (len(lines) - 1) + BAR + 2
        if item.period:
            mark = (
                f'<rect x="{_n(x(item.start))}" y="{_n(mark_y - BAR / 2)}" width="{_n(max(3, x(item.end, True) - x(item.start)))}" '
                f'height="{BAR}" rx="2" class="cle-period"/>'
            )
        else:
            mark = f'<circle cx="{_n(x(item.start))}" cy="{_n(mark_y)}" r="{BAR / 2 + 0.5}" class="cle-event"/>'
        parts.append(f'<a href="{attribute(href)}"><text y="{_n(top)}">{text}</text>{mark}</a>')
        y = mark_y + BAR + ROW_GAP
    height = y
    grid = "".join(
        f'<line x1="{_n(x(str(t)))}" y1="{_n(FONT + 4)}" x2="{_n(x(str(t)))}" y2="{_n(height)}"/>' for t in ticks
    )
    title, desc = attribute(ui("timeline_title", ctx.lang)), attribute(ui("timeline_desc", ctx.lang))
    return (
        f'<figure class="cle-timeline"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {_n(height)}" '
        f'role="group" aria-labelledby="timeline-t timeline-d" font-size="{FONT}">'
        f'<title id="timeline-t">{title}</title><desc id="timeline-d">{desc}</desc>'
        f'<g class="cle-grid">{grid}</g>{"".join(parts)}</svg></figure>'
    )
