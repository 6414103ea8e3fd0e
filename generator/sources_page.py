"""The sources page: every source publication with the entries that cite it, what they support and where."""

from __future__ import annotations

from .class_sections import citation_rows
from .markdown_text import front_matter
from .ui_text import ui
from .vocab import CLE, PROV

__all__ = ["sources_page"]


def sources_page(writer) -> str:
    lang = writer.lang
    lines = [front_matter(writer.page_meta("sources.md")).rstrip("\n"), "", f"# {ui('sources', lang)}", "",
             ui("sources_intro", lang), ""]
    publications = sorted((r.id for r in writer.mapped.entities.values() if CLE.Publication in r.cls.ancestors),
                          key=lambda i: (writer.label(i).casefold(), i))
    for publication in publications:
        citing = writer.sources_of(publication, PROV.wasDerivedFrom)
        lines += ["", f"## {writer.link(publication, None)}", ""]
        if not citing:
            lines.append(ui("none_yet", lang))
            continue
        lines += [f"| {ui('entity', lang)} | {ui('supports', lang)} | {ui('where', lang)} |", "|---|---|---|"]
        lines += ["| " + " | ".join(row) + " |" for row in citation_rows(writer, publication, citing, None)]
    if not publications:
        lines.append(ui("none_yet", lang))
    return "\n".join(lines) + "\n"
