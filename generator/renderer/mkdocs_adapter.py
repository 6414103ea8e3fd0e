"""Render one language's docs tree into its site folder with MkDocs and mkdocs-material, strictly."""

from __future__ import annotations

import functools
import logging
import os
from pathlib import Path

from ..load.built_site import SEARCH_INDEX, read_search_index
from ..load.site_config import read_site_config
from ..render.ui_text import ui
from ..write.files import write_files
from .search_index import merge_in_page_order, merge_search_index

__all__ = ["render_site", "SiteBuildError", "HOOKS"]

HOOKS = Path(__file__).with_name("hooks.py")


class SiteBuildError(Exception):
    """MkDocs reported warnings or errors; the messages say which."""


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages = []

    def emit(self, record):
        self.messages.append(record.getMessage())


def _mkdocs_nav(items) -> list:
    """The generator's menu ((title, path or items) pairs, lists once they crossed a process) as MkDocs' nav.

    >>> _mkdocs_nav([["Home", "index.md"], ["Data", [["Downloads", "downloads.md"]]]])
    [{'Home': 'index.md'}, {'Data': [{'Downloads': 'downloads.md'}]}]
    """
    return [{title: target if isinstance(target, str) else _mkdocs_nav(target)} for title, target in items]


DIRTY_WARNING = "A 'dirty' build is being performed"  # MkDocs always says so; expected in the live preview


def render_site(
    root: Path,
    docs_dir: Path,
    site_dir: Path,
    lang: str,
    nav: list,
    site_url_suffix: str = "",
    on_page=None,
    dirty: bool = False,
    removed: tuple = (),
    overrides: dict | None = None,
    only: tuple | None = None,
    merge_into: Path | None = None,
) -> None:
    """Build docs_dir into site_dir with mkdocs-material in strict mode, for one language; on_page() is
    called after each page is rendered (for progress).

    dirty=True (the live preview) renders only the pages whose Markdown is newer than their HTML, into a
    site_dir built before, and merges their search entries into its search index (`removed`: URLs of pages
    that are gone). Every warning still fails the build: MkDocs' own strict mode is off only because it
    counts the warning that a dirty build is being performed.

    overrides: settings the build computes per language on top of mkdocs.yml (the footer's licences as
    `copyright`; `extra` keys the templates read, merged into mkdocs.yml's own).

    only (an incremental `kg build`): render exactly these docs paths (pages, and files copied as they are)
    into an empty site_dir, with a search index that is the one of merge_into (the last build's language
    site) with these pages' entries in place, in a full build's order; the caller moves the files in."""
    from mkdocs.commands.build import build
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.exceptions import Abort, ConfigurationError

    settings = read_site_config(root)
    settings["docs_dir"] = str(docs_dir.resolve())
    settings["site_dir"] = str(site_dir.resolve())
    dirty = dirty or only is not None
    settings["strict"] = not dirty
    settings["nav"] = _mkdocs_nav(nav)
    settings["site_name"] = ui("site_name", lang)  # each language's own name; mkdocs.yml holds the default's
    settings["site_description"] = ui("site_description", lang)
    for key, value in (overrides or {}).items():
        settings[key] = {**(settings.get(key) or {}), **value} if key == "extra" else value
    theme = dict(settings.get("theme") or {})
    theme["language"] = lang
    if theme.get("custom_dir"):
        theme["custom_dir"] = str((root / theme["custom_dir"]).resolve())
    settings["theme"] = theme
    if settings.get("site_url") and site_url_suffix:
        settings["site_url"] = settings["site_url"].rstrip("/") + "/" + site_url_suffix
    settings["hooks"] = list(settings.get("hooks") or []) + [str(HOOKS)]
    config = MkDocsConfig(config_file_path=str((root / "mkdocs.yml").resolve()))
    config.load_dict(settings)
    errors, warnings = config.validate()
    if errors or warnings:
        raise SiteBuildError("; ".join(f"mkdocs.yml: {key}: {error}" for key, error in errors + warnings))
    order: list = []
    for hook in (config.hooks or {}).values():  # name -> the loaded module
        if hasattr(hook, "PAGE_RENDERED"):
            hook.PAGE_RENDERED = on_page
            hook.TEMPLATE_CACHE = _template_cache() if dirty else None
            hook.RENDER_ONLY = set(only) if only is not None else None
            hook.PAGE_ORDER = order if only is not None else None
    # Dates MkDocs writes (sitemap lastmod, gzip header) come from SOURCE_DATE_EPOCH: fixed, so output is stable.
    os.environ.setdefault("SOURCE_DATE_EPOCH", "0")
    handler = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    previous = read_search_index(merge_into if only is not None else site_dir) if dirty else None
    try:
        build(config, dirty=dirty)
    except (Abort, ConfigurationError) as error:
        raise SiteBuildError("\n".join(handler.messages) or str(error)) from None
    finally:
        logger.removeHandler(handler)
    messages = [message for message in handler.messages if not (dirty and message.startswith(DIRTY_WARNING))]
    if messages:
        raise SiteBuildError("\n".join(messages))
    if previous is not None:
        fresh = read_search_index(site_dir)
        if only is not None:
            merged = merge_in_page_order(previous, fresh, order)
        else:
            merged = merge_search_index(previous, fresh, removed)
        write_files(site_dir, {SEARCH_INDEX.as_posix(): merged})


@functools.lru_cache(maxsize=1)
def _template_cache():
    """One in-memory Jinja bytecode cache per process (a worker renders many dirty builds). Jinja keys each
    entry by template name and a checksum of its source, so an edited template is compiled again."""
    import jinja2

    class MemoryBytecodeCache(jinja2.BytecodeCache):
        def __init__(self):
            self.codes: dict = {}

        def load_bytecode(self, bucket):
            if bucket.key in self.codes:
                bucket.bytecode_from_string(self.codes[bucket.key])

        def dump_bytecode(self, bucket):
            self.codes[bucket.key] = bucket.bytecode_to_string()

    return MemoryBytecodeCache()
