"""The home page: the hand-written home text of the language (a bare title if there is none), then where to go
next, with counts."""

from __future__ import annotations

from ..escaping import front_matter, inline
from ..page_meta import page_meta
from ..ui_text import ui

__all__ = ["home_page", "LISTINGS"]

LISTINGS = ("overview", "timeline", "sources")  # the generated pages that list across the graph


def explore(ctx) -> list:
    lines = [f"## {ui('explore', ctx.lang)}", ""]
    lines += [f"- [{ui(name, ctx.lang)}]({name}.md)" for name in LISTINGS]
    for cls in ctx.schema.classes.values():
        count = len(ctx.members(cls))
        if count:
            lines.append(f"- [{inline(ctx.class_label(cls))}]({cls.folder}/index.md) ({count})")
    return lines + [""]


def home_page(ctx, hand_written: str | None) -> str:
    text = hand_written if hand_written is not None else f"# {ui('home', ctx.lang)}"
    text = text + "\n\n" + "\n".join(explore(ctx))
    return text if text.startswith("---") else front_matter(page_meta(ctx, "index.md")) + text
