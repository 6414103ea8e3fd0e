"""The overview page: every class with its count and definition, and a diagram of how the classes link."""

from __future__ import annotations

from .diagrams import class_diagram
from .markdown_text import front_matter, inline
from .ui_text import ui

__all__ = ["overview_page"]


def overview_page(writer) -> str:
    lang = writer.lang
    doc = "overview.md"
    counts = {cls.folder: 0 for cls in writer.schema.classes.values()}
    for _, record in writer.all_entities():
        counts[record.cls.folder] += 1
    lines = [front_matter(writer.page_meta(doc)).rstrip("\n"), "", f"# {ui('overview', lang)}", "",
             ui("overview_intro", lang), "",
             f"| {ui('class', lang)} | {ui('count', lang)} | {ui('definition', lang)} |", "|---|---|---|"]
    for cls in writer.schema.classes.values():
        definition = cls.definitions.get(lang) or cls.definitions.get("en", "")
        lines.append(f"| [{inline(writer.class_label(cls))}]({cls.folder}/index.md) | {counts[cls.folder]} "
                     f"| {inline(definition)} |")
    fence, rows = class_diagram(writer, doc)
    lines += ["", f"## {ui('class_diagram', lang)}", ""] + fence + [f"*{ui('class_diagram_text', lang)}*", ""]
    lines += [f"| {ui('from_class', lang)} | {ui('property', lang)} | {ui('to_class', lang)} |", "|---|---|---|"]
    lines += [f"| [{inline(writer.class_label(a))}]({a.folder}/index.md) | {inline(name)} "
              f"| [{inline(writer.class_label(b))}]({b.folder}/index.md) |" for a, name, b in rows]
    return "\n".join(lines) + "\n"
