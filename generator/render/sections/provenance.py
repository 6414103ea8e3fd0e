"""Provenance and data, closed until opened, at the end of every entity page: the relations in and out, the
diagram of the neighbourhood, the sources (each document once), what changed in the file, how to cite the page
and the entry as data."""

from __future__ import annotations

from ..ui_text import ui
from .citation import citation
from .data_links import data_links
from .history import history
from .neighbourhood import neighbourhood
from .relations import relations
from .sources import sources_section

__all__ = ["provenance", "PARTS"]

PARTS = (relations, neighbourhood, sources_section, history, citation, data_links)


def provenance(ctx, entity_id: str) -> list:
    body = [line for part in PARTS for line in part(ctx, entity_id)]
    if not body:
        return []
    return (
        ['<details class="cle-provenance" markdown>', f"<summary>{ui('provenance', ctx.lang)}</summary>", ""]
        + body
        + ["</details>", ""]
    )
