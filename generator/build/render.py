"""MkDocs renders the languages side by side, each in its own process, as many at once as the machine has cores
(all of a language's pages in one process: the search index and sitemap come out as a single process writes
them). The default language's site is the whole site's folder and every other language's sits inside it, but
MkDocs empties its site folder first: each other language renders beside it and is moved in afterwards."""

from __future__ import annotations

import os
from pathlib import Path

from ..model.site_paths import is_default, site_folder, site_url_suffix
from ..render.footer import render_overrides
from ..renderer.worker import render_request, render_sites_isolated
from ..write.staging import move_into

__all__ = ["render_folder", "render_languages", "render_at_once", "cores"]


def cores() -> int:
    """The cores this process may run on (a container's limit, not the host's count)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def render_folder(site: Path, lang: str, languages: tuple) -> Path:
    """Where a language renders: the default one into the site folder, each other beside it."""
    return site if is_default(lang, languages) else site.with_name(f"{site.name}-{lang}")


def render_languages(root: Path, staging: Path, written: dict, progress, jobs: int | None = None) -> None:
    """Render staging/docs/<lang> of every language into staging/site; jobs: languages at once (default: one
    per core). Progress is one counter over every language's pages, so lines never interleave."""
    navs = written["navs"]
    languages = tuple(navs)
    site = staging / "site"
    requests = [
        render_request(
            root,
            staging / "docs" / lang,
            render_folder(site, lang, languages),
            lang,
            navs[lang],
            site_url_suffix(lang, languages),
            overrides=render_overrides(written["edition"], lang, languages),
        )
        for lang in languages
    ]
    render_at_once(requests, progress(f"render {', '.join(languages)}", sum(written["pages"].values())), jobs)
    for lang in languages:
        if not is_default(lang, languages):
            move_into(render_folder(site, lang, languages), site_folder(site, lang, languages))


def render_at_once(requests: list, bar, jobs: int | None = None) -> None:
    """Run the render requests, jobs at a time (default: one per core), counting pages on bar."""
    at_once = max(1, jobs or cores())
    for start in range(0, len(requests), at_once):
        render_sites_isolated(requests[start : start + at_once], on_page=bar.advance)
