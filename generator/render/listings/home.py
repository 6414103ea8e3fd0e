"""The home page: the hand-written home text of the language (a bare title if there is none), then where to go
next, with counts."""

from __future__ import annotations

import re

from ..escaping import front_matter, inline
from ..page_meta import page_meta
from ..results import outcomes_reached
from ..sections.key_results import key_results_of
from ..ui_text import ui

__all__ = ["home_page", "LISTINGS"]

# (page, its name in ui_text): the listings the home page points to
LISTINGS = (
    ("key-results.md", "key_results_page"),
    ("comparison.md", "comparison_page"),
    ("timeline.md", "timeline"),
    ("sources.md", "sources"),
)


def explore(ctx) -> list:
    lines = [f"## {ui('explore', ctx.lang)}", ""]
    lines += [f"- [{ui(name, ctx.lang)}]({page})" for page, name in LISTINGS]
    for cls in ctx.schema.classes.values():
        count = len(ctx.members(cls))
        if count:
            lines.append(f"- [{inline(ctx.class_label(cls))}]({cls.folder}/index.md) ({count})")
    return lines + [""]


KEY_RESULTS_MARK = re.compile(r"^<!-- kg:key-results ([a-z][a-z0-9-]*) -->$", re.M)


def _key_results(ctx, match) -> str:
    """Where the hand-written home page asks for an entity's key results: the figures and their sentences."""
    entity_id = match.group(1)
    if entity_id not in ctx.mapped.entities:
        return ""
    return "\n".join(key_results_of(ctx, outcomes_reached(ctx, entity_id)))


def home_page(ctx, hand_written: str | None) -> str:
    """The hand-written home text (a `<!-- kg:key-results ID -->` line replaced by that entity's key results),
    then where to go next."""
    text = hand_written if hand_written is not None else f"# {ui('home', ctx.lang)}"
    text = KEY_RESULTS_MARK.sub(lambda match: _key_results(ctx, match), text)
    text = text + "\n\n" + "\n".join(explore(ctx))
    return text if text.startswith("---") else front_matter(page_meta(ctx, "index.md")) + text
