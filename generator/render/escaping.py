"""Escape contributor text for the Markdown we generate, so it can never become markup or script."""

from __future__ import annotations

import html
import json

__all__ = ["inline", "block", "cell", "url", "attribute", "code_block", "dot_string", "script_json", "front_matter"]

# Characters Python-Markdown (with the tables extension) lets a backslash escape, each with its backslash: a
# translation table, which escapes typical labels about three times faster than a regex substitution did.
_MARKDOWN_PUNCTUATION = str.maketrans({char: "\\" + char for char in "\\`*_{}[]()#+-.!|"})


def inline(text: str) -> str:
    r"""Plain text inside a line: no HTML, no Markdown, no line breaks.

    >>> print(inline("a_b [c](d) <e> 1.5 *f*"))
    a\_b \[c\]\(d\) &lt;e&gt; 1\.5 \*f\*
    """
    text = " ".join(text.split())
    return html.escape(text, quote=False).translate(_MARKDOWN_PUNCTUATION)


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


def code_block(text: str) -> list:
    r"""Text as a plain code block, as raw HTML lines: the elements a fenced block with no language becomes
    (Pygments' plain-text output, which Material styles), without Pygments building a formatter for each block
    of every page. Markdown keeps the text inside as it is (blank lines too); it is escaped, so it stays text.

    >>> code_block("a <b> & 'c'\n")
    ['<div class="highlight"><pre><span></span><code>a &lt;b&gt; &amp; \'c\'', '</code></pre></div>', '']
    """
    body = html.escape(text.strip("\n"), quote=False)  # & < >, as Pygments escapes code
    return [f'<div class="highlight"><pre><span></span><code>{body}', "</code></pre></div>", ""]


def dot_string(text: str, width: int = 0) -> str:
    r"""Text as a quoted Graphviz DOT string: backslash and quote escaped (Graphviz escapes the text again for
    the SVG it writes), wrapped at spaces into lines of at most width characters (0: one line).

    >>> print(dot_string('a "b" \\ c'))
    "a \"b\" \\ c"
    >>> print(dot_string("Interfant-06 historical controls", 14))
    "Interfant-06\nhistorical\ncontrols"
    """
    words, lines = text.split(), []
    for word in words:
        if lines and (not width or len(lines[-1]) + 1 + len(word) <= width):
            lines[-1] += " " + word
        else:
            lines.append(word)
    escaped = [line.replace("\\", "\\\\").replace('"', '\\"') for line in lines]
    return '"' + "\\n".join(escaped) + '"'


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
