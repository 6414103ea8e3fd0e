"""The overview page: every class with its count and definition, and a diagram of how the classes link."""

from __future__ import annotations

from ...model.schema import pick
from ..diagrams import class_dot, place
from ..escaping import front_matter, inline
from ..layout import table
from ..page_meta import page_meta
from ..ui_text import ui

__all__ = ["overview_page"]


def overview_page(ctx) -> str:
    lang = ctx.lang
    doc = "overview.md"
    counts = {cls.folder: 0 for cls in ctx.schema.classes.values()}
    for _, record in ctx.all_entities():
        counts[record.cls.folder] += 1
    rows = [
        [
            f"[{inline(ctx.class_label(cls))}]({cls.folder}/index.md)",
            str(counts[cls.folder]),
            inline(pick(cls.definitions, lang)),
        ]
        for cls in ctx.schema.classes.values()
    ]
    lines = [
        front_matter(page_meta(ctx, doc)).rstrip("\n"),
        "",
        f"# {ui('overview', lang)}",
        "",
        ui("overview_intro", lang),
        "",
    ]
    lines += table([ui("class", lang), ui("count", lang), ui("definition", lang)], rows)
    dot, edges = class_dot(ctx, doc)
    lines += ["", f"## {ui('class_diagram', lang)}", ""]
    lines += place(ctx, dot, ui("class_diagram", lang), ui("class_diagram_text", lang), "classes")
    lines += [f"*{ui('class_diagram_text', lang)}*", ""]
    lines += table(
        [ui("from_class", lang), ui("property", lang), ui("to_class", lang)],
        [
            [
                f"[{inline(ctx.class_label(a))}]({a.folder}/index.md)",
                inline(name),
                f"[{inline(ctx.class_label(b))}]({b.folder}/index.md)",
            ]
            for a, name, b in edges
        ],
    )
    return "\n".join(lines) + "\n"
