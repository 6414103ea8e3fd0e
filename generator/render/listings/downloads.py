"""The downloads page: the dumps of the latest version, the dataset description (data/void.ttl), where to query
it, and every release's dumps."""

from __future__ import annotations

from rdflib import Literal

from ...model.formats import DUMPS, RELEASES_FOLDER, VOID_FILE
from ...model.site_paths import to_site_root
from ...model.vocab import XSD
from ..cite import licence_name
from ..escaping import front_matter, inline
from ..layout import NO_SEARCH, table
from ..locale import date
from ..page_meta import page_meta
from ..ui_text import ui

__all__ = ["downloads_page", "DOWNLOADS_PAGE"]

DOWNLOADS_PAGE = "downloads.md"


def _link(href: str, name: str, media_type: str) -> str:
    """Raw HTML: MkDocs does not know the data folder, which the build adds after rendering."""
    return f'<a href="{href}" type="{media_type}">{name}</a>'


def downloads_page(ctx) -> dict:
    lang, edition = ctx.lang, ctx.edition
    root = to_site_root(DOWNLOADS_PAGE, lang, ctx.languages)
    licence = licence_name(edition.licence) if edition.licence else "—"
    lines = [front_matter(page_meta(ctx, DOWNLOADS_PAGE)).rstrip("\n"), "", f"# {ui('downloads_title', lang)}", ""]
    lines += [inline(ui("downloads_intro", lang, version=edition.label or "—", licence=licence)), ""]
    rows = [
        [
            f.name,
            _link(f"{root}data/kg.{f.extension}", f"kg.{f.extension}", f.media_type),
            f"`{f.media_type}`",
            ui("graphs_kept" if f.named_graphs else "graphs_union", lang),
        ]
        for f in DUMPS
    ]
    lines += table(list(ui("downloads_columns", lang)), rows) + ["", ui("entity_files", lang), ""]
    lines += [ui("downloads_void", lang) + " " + _link(f"{root}{VOID_FILE}", "void.ttl", "text/turtle"), ""]
    lines += [ui("downloads_query", lang), ""]
    if edition.releases:
        lines += [f"## {ui('downloads_releases', lang)}{NO_SEARCH}", ""]
        for release in edition.releases:
            files = " · ".join(
                _link(f"{root}{RELEASES_FOLDER}/{release.version}/kg.{f.extension}", f.name, f.media_type)
                for f in DUMPS
            )
            day = date(Literal(release.commit.day, datatype=XSD.date), lang)
            lines.append(f"- {ui('changelog_release', lang, version=release.version)} ({day}): {files}")
        lines.append("")
    lines += [ui("downloads_cite", lang), ""]
    return {DOWNLOADS_PAGE: "\n".join(lines).rstrip() + "\n"}
