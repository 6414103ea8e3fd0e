"""MkDocs hooks (a built-in MkDocs feature, not a plugin): leave the theme's source maps out of the site, put
each page's figures into its rendered HTML (from the file beside its Markdown, see model/figures.py), report
each rendered page to a progress counter, let the live preview's render worker keep compiled theme
templates between builds, let an incremental build render only the pages it names, and let go of each page's
Markdown once it is converted and of its HTML once it is written (MkDocs keeps both for every page to the end
of a build: at 20,000 entities, a gigabyte per language)."""

from __future__ import annotations

import logging
from pathlib import Path

# MkDocs loads this file by path: absolute imports
from generator.load.page_figures import page_figures
from generator.model.figures import MARKER, figures_path, has_markers, is_figures_file

log = logging.getLogger("mkdocs.hooks.figures")  # a warning fails the build (strict)

# Set by generator.renderer.mkdocs_adapter around one build; MkDocs loads this file by path for the `hooks` setting.
PAGE_RENDERED = None
TEMPLATE_CACHE = None  # a jinja2.BytecodeCache, set by the worker: templates are compiled once, not per build
RENDER_ONLY = None  # docs paths a dirty build renders (and copies), whatever the files' times say; None: by time
PAGE_ORDER = None  # a list the URLs of every page are put in, in build order (the full search index's order)


def on_files(files, config):
    """The theme ships a source map beside each bundle (1.3 MB per language); readers never need them. A page's
    figures file is read when the page is written, not copied."""
    for file in [f for f in files if f.src_uri.endswith(".map") or is_figures_file(f.src_uri)]:
        files.remove(file)
    if RENDER_ONLY is not None:  # MkDocs' dirty build renders what is_modified() says; the caller knows better
        for file in files:
            file.is_modified = _TRUE if file.src_uri in RENDER_ONLY else _FALSE
    return files


def _TRUE() -> bool:
    return True


def _FALSE() -> bool:
    return False


def on_env(env, config, files):
    if TEMPLATE_CACHE is not None:
        env.bytecode_cache = TEMPLATE_CACHE
    if PAGE_ORDER is not None:  # every page exists by now; the search index keys entries by the page's URL
        PAGE_ORDER[:] = [file.page.url for file in files.documentation_pages() if file.page is not None]
    return env


def on_page_content(html, page, config, files):
    # Not None: MkDocs takes a page whose Markdown is None for one never read, and gives it no title.
    page.markdown = ""
    return html


def on_post_page(output, page, config):
    if has_markers(output):
        output = _with_figures(output, page.file.src_uri, Path(config["docs_dir"]))
    page.content = ""  # written next, and read by nothing after (the search index took its text before)
    if PAGE_RENDERED is not None:
        PAGE_RENDERED()
    return output


def _with_figures(output: str, src_uri: str, docs_dir: Path) -> str:
    """The page's HTML with each figure marker replaced by its figure from the page's figures file."""
    figures = page_figures(docs_dir, src_uri)

    def figure(match) -> str:
        if match.group(1) not in figures:
            log.warning("%s: a diagram of this page is missing from %s", src_uri, figures_path(src_uri))
            return ""
        return figures[match.group(1)]

    return MARKER.sub(figure, output)
