"""The site's menu: what readers come for first (home, key results, the lists the ontology puts in the readers'
menu, studies compared, timeline, sources), then Data and methods (how the evidence is read, the data model,
saved questions, SPARQL in the browser, downloads, changelog, performance and every other list)."""

from __future__ import annotations

from ..model.schema import pick
from .feed import CHANGELOG_PAGE
from .listings.downloads import DOWNLOADS_PAGE
from .listings.results_pages import COMPARISON_PAGE, KEY_RESULTS_PAGE
from .performance_page import PERFORMANCE_PAGE
from .query_pages import PLAYGROUND_PAGE
from .ui_text import ui

__all__ = ["site_nav", "METHODS_PAGE"]

METHODS_PAGE = "methods.md"  # hand-written: how the evidence is read (certainty, intervals, designs)


def site_nav(ctx, hand_written: set) -> list:
    """(title, doc path or [(title, doc path) …]) items of one language's menu."""
    lang = ctx.lang
    classes = list(ctx.schema.classes.values())
    readers = sorted((cls for cls in classes if cls.menu), key=lambda cls: (cls.menu[0], cls.folder))
    nav = [(ui("nav_home", lang), "index.md"), (ui("nav_key_results", lang), KEY_RESULTS_PAGE)]
    nav += [(pick(cls.menu[1], lang), f"{cls.folder}/index.md") for cls in readers]
    nav += [
        (ui("nav_comparison", lang), COMPARISON_PAGE),
        (ui("timeline", lang), "timeline.md"),
        (ui("sources", lang), "sources.md"),
    ]
    data = [(ui("nav_methods", lang), METHODS_PAGE)] if METHODS_PAGE in hand_written else []
    data += [(ui("overview", lang), "overview.md"), (ui("queries", lang), "queries/index.md")]
    if PLAYGROUND_PAGE in hand_written:
        data.append((ui("playground", lang), PLAYGROUND_PAGE))
    data += [
        (ui("downloads_title", lang), DOWNLOADS_PAGE),
        (ui("changelog", lang), CHANGELOG_PAGE),
        (ui("perf_title", lang), PERFORMANCE_PAGE),
    ]
    others = [(ctx.class_label(cls), f"{cls.folder}/index.md") for cls in classes if not cls.menu]
    return nav + [(ui("nav_data", lang), data + [(ui("nav_entries", lang), others)])]
