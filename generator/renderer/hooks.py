"""MkDocs hooks (a built-in MkDocs feature, not a plugin): leave the theme's source maps out of the site, report
each rendered page to a progress counter, and let the live preview's render worker keep compiled theme
templates between builds."""

from __future__ import annotations

# Set by generator.renderer.mkdocs_adapter around one build; MkDocs loads this file by path for the `hooks` setting.
PAGE_RENDERED = None
TEMPLATE_CACHE = None  # a jinja2.BytecodeCache, set by the worker: templates are compiled once, not per build


def on_files(files, config):
    """The theme ships a source map beside each bundle (1.3 MB per language); readers never need them."""
    for file in [f for f in files if f.src_uri.endswith(".map")]:
        files.remove(file)
    return files


def on_env(env, config, files):
    if TEMPLATE_CACHE is not None:
        env.bytecode_cache = TEMPLATE_CACHE
    return env


def on_post_page(output, page, config):
    if PAGE_RENDERED is not None:
        PAGE_RENDERED()
    return output
