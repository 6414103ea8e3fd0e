"""The Downloads page: every dump of the whole graph (model/formats.py) and where each entry's own data is."""

from __future__ import annotations

from ...model.formats import DUMPS
from ...model.site_paths import to_site_root
from ..escaping import front_matter
from ..layout import table
from ..page_meta import page_meta
from ..ui_text import ui

__all__ = ["downloads_page", "DOWNLOADS_PAGE"]

DOWNLOADS_PAGE = "downloads.md"


def downloads_page(ctx) -> str:
    lang = ctx.lang
    root = to_site_root(DOWNLOADS_PAGE, lang, ctx.languages)
    rows = [
        [
            f'<a href="{root}data/kg.{f.extension}" type="{f.media_type}">kg.{f.extension}</a>',
            f.name,
            f"`{f.media_type}`",
            ui("graphs_kept" if f.named_graphs else "graphs_union", lang),
        ]
        for f in DUMPS
    ]
    header = [ui("download_file", lang), ui("download_format", lang), "MIME", ui("download_graphs", lang)]
    lines = [
        front_matter(page_meta(ctx, DOWNLOADS_PAGE, ui("downloads_page", lang))).rstrip("\n"),
        "",
        f"# {ui('downloads_page', lang)}",
        "",
        ui("downloads_intro", lang),
        "",
    ]
    lines += table(header, rows) + ["", ui("entity_files", lang), ""]
    return "\n".join(lines)
