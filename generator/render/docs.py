"""Pieces of one language's docs tree as {doc path: text}: hand-written pages given the language switch, and
the pages that list across the graph (home, timeline, class indexes …); build/generate.py puts them together."""

from __future__ import annotations

from .escaping import front_matter
from .listings.changelog import changelog_page
from .listings.class_index import class_index
from .listings.downloads import downloads_page
from .listings.home import home_page
from .listings.overview import overview_page
from .listings.results_pages import COMPARISON_PAGE, KEY_RESULTS_PAGE, comparison_page, key_results_page
from .listings.sources_page import sources_page
from .listings.timeline import timeline_page
from .page_meta import page_meta

__all__ = ["listing_parts", "with_front_matter"]


def listing_parts(ctx, home_text: str | None) -> dict:
    """name -> make(), where make() returns doc path -> text: home, overview, timeline, sources, changelog (with
    its feed), downloads and each class index (a long list is split into several pages)."""
    parts = {
        "home": lambda: {"index.md": home_page(ctx, home_text)},
        "overview": lambda: {"overview.md": overview_page(ctx)},
        "timeline": lambda: timeline_page(ctx),  # timeline.md, then timeline/2.md … when the list is long
        "sources": lambda: sources_page(ctx),
        "key-results": lambda: {KEY_RESULTS_PAGE: key_results_page(ctx)},
        "comparison": lambda: {COMPARISON_PAGE: comparison_page(ctx)},
        "changelog": lambda: changelog_page(ctx),  # changelog.md and its Atom feed, changelog.xml
        "downloads": lambda: downloads_page(ctx),
    }
    for cls in ctx.schema.classes.values():
        parts[f"class:{cls.folder}"] = lambda cls=cls: class_index(ctx, cls)
    return parts


def with_front_matter(ctx, hand_written: dict) -> dict:
    """Hand-written files, the Markdown pages among them given the language switch: its keys go first in the
    page's front matter, before any of the page's own (such as `hide:`); the text is left as it is."""
    files = {}
    for path, data in hand_written.items():
        if path.endswith(".md"):
            text, meta = data.decode("utf-8"), front_matter(page_meta(ctx, path))
            if text.startswith("---\n"):  # the page's own front matter: one block holding both
                text = text[len("---\n") :]
                meta = meta[: -len("---\n\n")]
            data = (meta + text).encode("utf-8")
        files[path] = data
    return files
