"""The Neighbourhood section: a diagram of the entity's nearest neighbours, and where the same links are as text."""

from __future__ import annotations

from ..diagrams import MAX_NEIGHBOURS, neighbourhood_dot, neighbours, place
from ..layout import heading
from ..ui_text import ui

__all__ = ["neighbourhood"]


def neighbourhood(ctx, entity_id: str) -> list:
    edges, ordered = neighbours(ctx, entity_id)
    if not edges:
        return []
    note = ui("diagram_text", ctx.lang)
    if len(ordered) > MAX_NEIGHBOURS:
        note += " " + ui("diagram_capped", ctx.lang, n=MAX_NEIGHBOURS)
    title = ui("neighbourhood_title", ctx.lang, what=ctx.label(entity_id))
    dot = neighbourhood_dot(ctx, entity_id, edges, ordered[:MAX_NEIGHBOURS])
    return heading(3, ui("neighbourhood", ctx.lang)) + place(ctx, dot, title, note, "neighbourhood") + [f"*{note}*", ""]
