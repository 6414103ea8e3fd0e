"""An entity's page: its title and class, then each section of SECTIONS in order (a section with nothing to
show returns no lines)."""

from __future__ import annotations

from ..model.vocab import CLE
from .escaping import front_matter, inline
from .page_meta import entity_meta
from .sections.citation import citation
from .sections.citations import citations
from .sections.data_links import data_links
from .sections.history import history
from .sections.infobox import infobox, unverified_banner
from .sections.neighbourhood import neighbourhood
from .sections.outcomes import derivations, outcome_summary
from .sections.relations import relations
from .sections.rollups import rollups
from .sections.sources import sources_section
from .sections.texts import description, long_texts
from .ui_text import ui

__all__ = ["entity_page", "entity_pages", "SECTIONS"]


def for_class(cls, section):
    """The section on pages of entities of cls (or a subclass) only."""

    def only(ctx, entity_id: str) -> list:
        return section(ctx, entity_id) if cls in ctx.class_of(entity_id).ancestors else []

    only.__name__ = section.__name__
    return only


# The sections of every entity page, in page order: (ctx, entity id) -> Markdown lines.
SECTIONS = (
    unverified_banner,
    description,
    infobox,
    long_texts,
    rollups,
    for_class(CLE.Outcome, outcome_summary),
    for_class(CLE.Outcome, derivations),
    citations,
    relations,
    neighbourhood,
    history,
    citation,
    sources_section,
    data_links,
)


def entity_page(ctx, entity_id: str) -> str:
    record = ctx.mapped.entities[entity_id]
    lines = [
        front_matter(entity_meta(ctx, entity_id)).rstrip("\n"),
        "",
        f"# {inline(ctx.label(entity_id))}",
        "",
        f"*{inline(ctx.class_label(record.cls))}* · [{inline(ui('all_of_class', ctx.lang))}](index.md)",
        "",
    ]
    for section in SECTIONS:
        lines += section(ctx, entity_id)
    return "\n".join(lines).rstrip() + "\n"


def entity_pages(ctx, ids) -> dict:
    """doc path -> text of the pages of the given entities."""
    return {ctx.doc_path(entity_id): entity_page(ctx, entity_id) for entity_id in ids}
