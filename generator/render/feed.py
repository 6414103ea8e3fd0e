"""The Atom feed of the releases (changelog.xml at each language site's root): one entry per tagged release,
dated by its tag's commit, worded from its changelog entry."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from ..model.formats import FEED_FILE
from ..model.site_paths import language_prefix, page_url
from ..model.vocab import DATASET_IRI
from .change_words import diff_summary, diff_text
from .ui_text import ui

__all__ = ["atom_feed", "CHANGELOG_PAGE", "EPOCH"]

ATOM = "http://www.w3.org/2005/Atom"
CHANGELOG_PAGE = "changelog.md"
EPOCH = "1970-01-01T00:00:00+00:00"  # the feed's date when nothing is dated (no release, no git)
ENTRY_LIMIT = 50  # entities per kind of change in an entry's text


def _add(parent, tag: str, text: str | None = None, **attributes) -> ET.Element:
    element = ET.SubElement(parent, tag, {key.rstrip("_"): value for key, value in attributes.items()})
    if text is not None:
        element.text = text
    return element


def release_anchor(version: str) -> str:
    """The id of a release's heading on the changelog page.

    >>> release_anchor("1.2.0")
    'v1-2-0'
    """
    return "v" + version.replace(".", "-")


def atom_feed(ctx, title: str) -> str:
    """The feed of one language (RFC 4287), deterministic: the same releases give the same bytes."""
    edition, lang, site = ctx.edition, ctx.lang, ctx.site
    prefix = language_prefix(lang, ctx.languages)
    page = site.page_address(prefix + page_url(CHANGELOG_PAGE))
    dated = [(entry, edition.release_of(entry.version)) for entry in edition.changelog]
    dated = [(entry, release) for entry, release in dated if release is not None]
    newest = max((release.commit.date for _, release in dated), default=None)
    feed = ET.Element("feed", {"xmlns": ATOM, "xml:lang": lang})
    _add(feed, "id", f"{DATASET_IRI}/changelog/{lang}")
    _add(feed, "title", ui("feed_title", lang, site=title))
    _add(feed, "updated", newest or (edition.head.date if edition.head else EPOCH))
    if page:
        _add(feed, "link", rel="alternate", type="text/html", href=page)
        _add(feed, "link", rel="self", type="application/atom+xml", href=site.page_address(prefix + FEED_FILE))
    authors = edition.citation.authors if edition.citation else ()
    for name in [author.display() for author in authors] or [ui("cite_authors", lang, title=title)]:
        _add(_add(feed, "author"), "name", name)
    namespace = ctx.schema.entity_namespace
    for entry, release in dated:
        item = _add(feed, "entry")
        _add(item, "id", f"{DATASET_IRI}/{entry.version}#{lang}")
        _add(item, "title", ui("changelog_release", lang, version=entry.version))
        _add(item, "updated", release.commit.date)
        if page:
            _add(item, "link", rel="alternate", type="text/html", href=f"{page}#{release_anchor(entry.version)}")
        _add(item, "summary", diff_summary(entry.diff, lang))
        _add(item, "content", diff_text(entry.diff, lang, namespace, limit=ENTRY_LIMIT), type="text")
    ET.indent(feed)
    return ET.tostring(feed, encoding="unicode", xml_declaration=True) + "\n"
