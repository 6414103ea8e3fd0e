"""A class's index: its definition and every member, split into pages of LIST_PAGE (folder/2.md …)."""

from __future__ import annotations

from ...model.schema import ClassSpec, pick
from ..escaping import block, inline
from ..layout import LIST_PAGE, NO_SEARCH, chunked, paged_list
from ..ui_text import ui

__all__ = ["class_index"]


def class_index(ctx, cls: ClassSpec) -> dict:
    """doc path -> text of the class index pages."""
    members = sorted(ctx.members(cls), key=ctx.sort_key)

    def head(number: int, paths: list) -> list:
        lines = [block(pick(cls.definitions, ctx.lang)), ""] if number == 0 else []
        return lines + [f"## {len(members)} {ui('entities', ctx.lang)}{NO_SEARCH}", ""]

    def body(chunk: list, folder) -> list:
        return [f"- [{inline(ctx.label(i))}]({i}.md)" for i in chunk]

    return paged_list(
        ctx, f"{cls.folder}/index.md", cls.folder, ctx.class_label(cls), chunked(members, LIST_PAGE), head, body
    )
