"""'What changed': the last commits that touched the entity's file, read from git at build time (a build outside
a git checkout has no history and shows nothing)."""

from __future__ import annotations

from rdflib import Literal

from ...model.vocab import XSD
from ..escaping import inline, url
from ..layout import heading, table
from ..locale import date
from ..ui_text import ui

__all__ = ["history"]


def _commit_cell(ctx, commit) -> str:
    address = ctx.site.commit_url(commit.hash)
    return f"[`{commit.short}`]({url(address)})" if address else f"`{commit.short}`"


def history(ctx, entity_id: str) -> list:
    record = ctx.mapped.entities[entity_id]
    commits = ctx.edition.last_changes(record.path)
    if not commits:
        return []
    rows = [
        [
            inline(date(Literal(commit.day, datatype=XSD.date), ctx.lang)),
            inline(commit.subject),
            _commit_cell(ctx, commit),
        ]
        for commit in commits
    ]
    lines = heading(3, ui("history_title", ctx.lang)) + [ui("history_intro", ctx.lang, path=record.path), ""]
    return lines + table(list(ui("history_columns", ctx.lang)), rows) + [""]
