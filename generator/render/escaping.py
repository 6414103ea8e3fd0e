"""Escape contributor text for the Markdown we generate, so it can never become markup or script."""

from __future__ import annotations

import html
import json
import re

__all__ = ["inline", "block", "cell", "url", "attribute", "mermaid_label", "script_json", "front_matter"]

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


def attribute(text: str) -> str:
    """Text (or a URL) safe inside a double-quoted HTML attribute or as HTML text."""
    return html.escape(text, quote=True)


# Characters that mean something to Mermaid inside a quoted label, written as its #code; entity codes.
_MERMAID_CODES = {
    "#": "#35;",
    '"': "#quot;",
    "<": "#lt;",
    ">": "#gt;",
    "&": "#amp;",
    "%": "#37;",
    "`": "",
    "\\": "#92;",
}


def mermaid_label(text: str) -> str:
    """A label for a quoted Mermaid node or edge label: one line, no backticks, quote and markup as entity codes."""
    text = " ".join(text.split())
    return "".join(_MERMAID_CODES.get(char, char) for char in text)


def script_json(value) -> str:
    """JSON that is safe inside an HTML <script> element: < > & written as \\u003c \\u003e \\u0026, keys sorted."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def front_matter(meta: dict) -> str:
    """A YAML front matter block for MkDocs; every value is written as JSON (a subset of YAML), keys sorted."""
    lines = [f"{key}: {json.dumps(meta[key], ensure_ascii=True, sort_keys=True)}" for key in sorted(meta)]
    return "---\n" + "\n".join(lines) + "\n---\n\n"
