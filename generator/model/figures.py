"""Where a page's drawn diagrams wait while MkDocs renders it. Its Markdown holds one marker per diagram; the
figures themselves (inline SVG, about a hundred tags each) sit in a file beside it, one per line after the
marker's digest, and go into the page's HTML once it is rendered (renderer/hooks.py). Python-Markdown and the
search plugin never parse them: on the synthetic drug page measured that was a quarter of its Markdown time, only to
be thrown away (the overview's class diagram reached the search index as labels run together).

The digest is of what the figure is drawn from (its DOT, title, description and id), so a page whose figure
changes has Markdown that changes too: an incremental build renders it again."""

from __future__ import annotations

import hashlib
import re

__all__ = [
    "FIGURES_SUFFIX",
    "MARKER",
    "figures_path",
    "is_figures_file",
    "marker",
    "has_markers",
    "digest_of",
    "figure_line",
    "read_figures",
]

FIGURES_SUFFIX = ".figures"  # drugs/x.md -> drugs/x.md.figures
_OPENING = "<!--kg-figure "
MARKER = re.compile(re.escape(_OPENING) + r"([0-9a-f]{16})-->")


def figures_path(doc_path: str) -> str:
    """The docs path of the file holding a page's figures."""
    return doc_path + FIGURES_SUFFIX


def is_figures_file(doc_path: str) -> bool:
    """Whether a docs path is a page's figures file (never a page or a file of the site)."""
    return doc_path.endswith(FIGURES_SUFFIX)


def digest_of(*parts: str) -> str:
    """A short, stable digest of what a figure is drawn from."""
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()[:16]


def marker(digest: str) -> str:
    """What stands in a page's Markdown where its figure goes (an HTML comment: Markdown passes it through)."""
    return f"{_OPENING}{digest}-->"


def has_markers(html: str) -> bool:
    """Whether a page's text holds a figure marker (a quick test before the substitution)."""
    return _OPENING in html


def figure_line(digest: str, html: str) -> str:
    """One line of a figures file (a figure's HTML is one line)."""
    return f"{digest} {html}"


def read_figures(text: str) -> dict:
    """digest -> figure HTML, from a figures file's text."""
    return dict(line.split(" ", 1) for line in text.splitlines() if line)
