"""Where pages and data files live in the built site, and relative links between them (no host, no base URL)."""

from __future__ import annotations

__all__ = ["page_url", "to_site_root", "language_prefix", "relative_page_url"]


def page_url(doc_path: str) -> str:
    """The URL path (relative to a language root) MkDocs gives a Markdown file with directory URLs:
    index.md -> '', drugs/index.md -> 'drugs/', drugs/x.md -> 'drugs/x/'."""
    stem = doc_path[:-3] if doc_path.endswith(".md") else doc_path
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def language_prefix(lang: str, languages: tuple) -> str:
    """The folder of a language's site: '' for the first (default) language, 'nl/' for the others."""
    return "" if lang == languages[0] else f"{lang}/"


def to_site_root(doc_path: str, lang: str, languages: tuple) -> str:
    """The relative path from a page back to the root of the whole site (where data/ lives)."""
    depth = page_url(doc_path).count("/") + (0 if lang == languages[0] else 1)
    return "../" * depth


def relative_page_url(from_doc: str, to_doc: str, lang: str, to_lang: str, languages: tuple) -> str:
    """A relative URL from one page to another page, possibly in another language's site."""
    root = to_site_root(from_doc, lang, languages)
    return root + language_prefix(to_lang, languages) + page_url(to_doc) or "./"
