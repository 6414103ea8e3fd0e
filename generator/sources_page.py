"""The sources pages: every source publication with the entries that cite it, what they support and where.
At most MAX_LINKS citing entries per publication (the rest on its own page) and about SOURCE_ROWS rows per page
(sources.md, then sources/2.md …), so each page stays bounded whatever the graph holds."""

from __future__ import annotations

from .class_sections import citation_rows
from .markdown_text import front_matter, inline
from .pages import MAX_LINKS, NO_SEARCH, pager
from .ui_text import ui
from .vocab import CLE, PROV

__all__ = ["sources_page", "SOURCE_ROWS"]

SOURCE_ROWS = 120


def _sections(writer) -> list:
    """(publication id, ids of the entries citing it) for every publication, sorted by label."""
    publications = sorted((r.id for _, r in writer.all_entities() if CLE.Publication in r.cls.ancestors),
                          key=lambda i: (writer.label(i).casefold(), i))
    sections = []
    for publication in publications:
        citing = writer.sources_of(publication, PROV.wasDerivedFrom)
        sections.append((publication, citing))
    return sections


def sources_page(writer) -> dict:
    """doc path -> text for every page of the sources list."""
    lang = writer.lang
    groups, size = [[]], 0  # publications per page, about SOURCE_ROWS citing entries each
    for publication, citing in _sections(writer):
        if size >= SOURCE_ROWS:
            groups.append([])
            size = 0
        groups[-1].append((publication, citing))
        size += 1 + min(len(citing), MAX_LINKS)
    paths = ["sources.md"] + [f"sources/{number}.md" for number in range(2, len(groups) + 1)]
    pages = {}
    for number, (path, group) in enumerate(zip(paths, groups)):
        folder = "sources" if number else None
        title = ui("sources", lang) if number == 0 else f"{ui('sources', lang)} ({number + 1})"
        meta = writer.page_meta(path, None if number == 0 else title)
        if number:
            meta["search"] = {"exclude": True}
        lines = [front_matter(meta).rstrip("\n"), "", f"# {inline(title)}", "", ui("sources_intro", lang), ""]
        lines += pager(paths, number, lang)
        for publication, citing in group:
            lines += ["", f"## {writer.link(publication, folder)}{NO_SEARCH}", ""]
            if not citing:
                lines.append(ui("none_yet", lang))
                continue
            lines += [f"| {ui('entity', lang)} | {ui('supports', lang)} | {ui('where', lang)} |", "|---|---|---|"]
            shown = sorted(citing, key=lambda i: (writer.label(i).casefold(), i))[:MAX_LINKS]
            lines += ["| " + " | ".join(row) + " |" for row in citation_rows(writer, publication, shown, folder)]
            if len(citing) > MAX_LINKS:
                lines.append(f"| {writer.more(citing, MAX_LINKS, folder)} | | |")
        if not group:
            lines.append(ui("none_yet", lang))
        pages[path] = "\n".join(lines + [""] + pager(paths, number, lang)).rstrip() + "\n"
    return pages
