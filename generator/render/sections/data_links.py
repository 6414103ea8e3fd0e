"""Links to the entity's own data files (raw HTML: MkDocs does not know data/), one per entity format."""

from __future__ import annotations

from ...model.formats import ENTITY_FORMATS
from ..layout import heading
from ..page_meta import data_href
from ..ui_text import ui

__all__ = ["data_links"]


def data_links(ctx, entity_id: str) -> list:
    data = data_href(ctx, entity_id)
    links = " · ".join(f'<a href="{data}.{f.extension}" type="{f.media_type}">{f.name}</a>' for f in ENTITY_FORMATS)
    return heading(3, ui("downloads", ctx.lang)) + [f'<p class="cle-data">{links}</p>', ""]
