"""The sources pages: every source publication with the entries that cite it, what they support and where.
At most MAX_LINKS citing entries per publication (the rest on its own page) and about SOURCE_ROWS rows per page
(sources.md, then sources/2.md …), so each page stays bounded whatever the graph holds."""

from __future__ import annotations

from ...model.vocab import CLE, PROV
from ..layout import MAX_LINKS, NO_SEARCH, more, paged_list, table
from ..sections.citations import citation_header, citation_rows
from ..ui_text import ui

__all__ = ["sources_page", "SOURCE_ROWS"]

SOURCE_ROWS = 120


def _groups(ctx) -> list:
    """The publications (with the ids of the entries citing each) in pages of about SOURCE_ROWS rows: split in
    the default language's order so every language has the same pages, each page then sorted by its own labels."""
    publications = sorted(
        (r.id for _, r in ctx.all_entities() if CLE.Publication in r.cls.ancestors), key=ctx.site_sort_key
    )
    groups, size = [[]], 0
    for publication in publications:
        if size >= SOURCE_ROWS:
            groups.append([])
            size = 0
        citing = ctx.sources_of(publication, PROV.wasDerivedFrom)
        groups[-1].append((publication, citing))
        size += 1 + min(len(citing), MAX_LINKS)
    return [sorted(group, key=lambda item: ctx.sort_key(item[0])) for group in groups]


def sources_page(ctx) -> dict:
    """doc path -> text for every page of the sources list."""
    lang = ctx.lang

    def head(number: int, paths: list) -> list:
        return [ui("sources_intro", lang), ""]

    def body(group: list, folder) -> list:
        lines = []
        for publication, citing in group:
            lines += ["", f"## {ctx.link(publication, folder)}{NO_SEARCH}", ""]
            if not citing:
                lines.append(ui("none_yet", lang))
                continue
            shown = sorted(citing, key=ctx.sort_key)[:MAX_LINKS]
            rows = citation_rows(ctx, publication, shown, folder)
            if len(citing) > MAX_LINKS:
                rows.append([more(ctx, citing, MAX_LINKS, folder), "", ""])
            lines += table(citation_header(lang), rows)
        return lines

    return paged_list(ctx, "sources.md", "sources", ui("sources", lang), _groups(ctx), head, body)
