"""Escape contributor text for the Markdown we generate, so it can never become markup or script."""

from __future__ import annotations

import html
import re

__all__ = ["inline", "block", "cell", "url"]

# Characters Python-Markdown (with the tables extension) lets a backslash escape.
_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")


def inline(text: str) -> str:
    """Plain text inside a line: no HTML, no Markdown, no line breaks."""
    text = " ".join(text.split())
    return _MARKDOWN_PUNCTUATION.sub(r"\\\1", html.escape(text, quote=False))


def cell(text: str) -> str:
    """Plain text in a table cell."""
    return inline(text)


def block(text: str) -> str:
    """Contributor Markdown (emphasis, lists, links) with raw HTML and attribute lists made inert."""
    escaped = html.escape(text.strip(), quote=False)
    return escaped.replace("{", "\\{").replace("}", "\\}")


def url(address: str) -> str:
    """A checked http(s)/mailto address, safe inside a Markdown link target."""
    return address.replace("(", "%28").replace(")", "%29").replace(" ", "%20").replace("<", "%3C").replace(">", "%3E")
