"""The changelog page: every release, newest first, dated by its tag, with its dumps and what changed since the
release before it in words (from changelog/<version>.json); the page links its Atom feed."""

from __future__ import annotations

from rdflib import Literal

from ...model.formats import DUMPS, FEED_FILE, RELEASES_FOLDER
from ...model.site_paths import page_url, to_site_root
from ...model.vocab import XSD
from ..change_words import diff_markdown
from ..cite import dataset_title
from ..escaping import attribute, front_matter
from ..feed import CHANGELOG_PAGE, atom_feed, release_anchor
from ..layout import NO_SEARCH
from ..locale import date
from ..page_meta import page_meta
from ..ui_text import ui

__all__ = ["changelog_page", "FULL_RELEASES", "ENTITY_LIMIT"]

FULL_RELEASES = 20  # releases shown with their changes; older ones are listed by version and date
ENTITY_LIMIT = 50  # entities per kind of change and release (the changelog file holds them all)


def _release_lines(ctx, entry, data_root: str) -> list:
    lang, edition = ctx.lang, ctx.edition
    release = edition.release_of(entry.version)
    anchor = release_anchor(entry.version)
    lines = [f"## {ui('changelog_release', lang, version=entry.version)} {{ #{anchor} data-search-exclude }}", ""]
    if release is None:
        return lines + [ui("changelog_unreleased", lang, tag=f"v{entry.version}"), ""]
    day = date(Literal(release.commit.day, datatype=XSD.date), lang)
    lines += [ui("changelog_released", lang, date=day, tag=release.tag), ""]
    files = " · ".join(
        f'<a href="{data_root}{RELEASES_FOLDER}/{entry.version}/kg.{f.extension}" type="{f.media_type}">{f.name}</a>'
        for f in DUMPS
    )
    lines += [f'<p class="cle-data">{ui("changelog_data", lang)}: {files}</p>', ""]
    if not entry.previous:
        counts = entry.diff.counts
        return lines + [
            ui("changelog_first", lang, n=counts.get("new_entities", 0), triples=counts.get("new_triples", 0)),
            "",
        ]

    def link(iri: str):
        entity_id = ctx.schema.entity_id(iri)
        ctx.read(entity_id)  # the live preview makes this page again when the entity comes or goes
        return ctx.doc_path(entity_id) if entity_id in ctx.mapped.entities else None

    namespace = ctx.schema.entity_namespace
    return lines + diff_markdown(entry.diff, lang, namespace, limit=ENTITY_LIMIT, link=link, level=3)


def changelog_page(ctx) -> dict:
    """changelog.md and its feed, changelog.xml."""
    lang, edition = ctx.lang, ctx.edition
    title = dataset_title(edition, lang)
    meta = page_meta(ctx, CHANGELOG_PAGE)
    depth = page_url(CHANGELOG_PAGE).count("/") if ctx.site.directory_urls else 0
    feed = "../" * depth + FEED_FILE  # the feed sits at the language site's root
    meta["cle_feed"] = {"href": feed, "title": attribute(ui("feed_title", lang, site=title))}
    data_root = to_site_root(CHANGELOG_PAGE, lang, ctx.languages)
    lines = [front_matter(meta).rstrip("\n"), "", f"# {ui('changelog', lang)}", "", ui("changelog_intro", lang), ""]
    lines += [f'<p><a href="{feed}" type="application/atom+xml">{ui("changelog_feed", lang)} (Atom)</a></p>', ""]
    if not edition.changelog:
        lines += [ui("changelog_none", lang), ""]
    for entry in edition.changelog[:FULL_RELEASES]:
        lines += _release_lines(ctx, entry, data_root)
    older = edition.changelog[FULL_RELEASES:]
    if older:
        lines += [f"## {ui('downloads_releases', lang)}{NO_SEARCH}", ""]
        lines += [f"- {ui('changelog_release', lang, version=entry.version)}" for entry in older] + [""]
    return {CHANGELOG_PAGE: "\n".join(lines).rstrip() + "\n", FEED_FILE: atom_feed(ctx, title)}
