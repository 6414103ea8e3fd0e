"""MkDocs hook (a built-in MkDocs feature, not a plugin): reports each rendered page to a progress counter."""

from __future__ import annotations

# Set by generator.mkdocs_adapter around one build; MkDocs loads this file by path for the `hooks` setting.
PAGE_RENDERED = None


def on_post_page(output, page, config):
    if PAGE_RENDERED is not None:
        PAGE_RENDERED()
    return output
