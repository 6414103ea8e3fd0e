"""Where pages and data files live in the built site, and relative links between them (no host, no base URL).
The default language's site is at the root, every other language's under <lang>/: that rule is here only."""

from __future__ import annotations

from pathlib import Path

__all__ = [
    "page_url",
    "to_site_root",
    "language_prefix",
    "relative_page_url",
    "entity_path",
    "site_languages",
    "site_folder",
    "site_url_suffix",
    "is_default",
]


def is_default(lang: str, languages: tuple) -> bool:
    """The default language is the first of the site languages."""
    return lang == languages[0]


def site_languages(languages, default: str) -> tuple:
    """The site languages, the default (the site at /) first, then the others in order.

    >>> site_languages(("en", "nl"), "en"), site_languages(("en", "nl"), "nl")
    (('en', 'nl'), ('nl', 'en'))
    """
    return tuple(sorted(languages, key=lambda lang: (lang != default, lang)))


def page_url(doc_path: str) -> str:
    """The URL path (relative to a language root) MkDocs gives a Markdown file with directory URLs.

    >>> [page_url(p) for p in ("index.md", "drugs/index.md", "drugs/x.md")]
    ['', 'drugs/', 'drugs/x/']
    """
    stem = doc_path[:-3] if doc_path.endswith(".md") else doc_path
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def language_prefix(lang: str, languages: tuple) -> str:
    """The folder of a language's site: '' for the default language, 'nl/' for the others.

    >>> language_prefix("en", ("en", "nl")), language_prefix("nl", ("en", "nl"))
    ('', 'nl/')
    """
    return "" if is_default(lang, languages) else f"{lang}/"


def site_url_suffix(lang: str, languages: tuple) -> str:
    """What a language's site adds to the site URL (the same as its folder)."""
    return language_prefix(lang, languages)


def site_folder(site: Path, lang: str, languages: tuple) -> Path:
    """The folder a language's pages are rendered into, under the whole site's folder."""
    prefix = language_prefix(lang, languages)
    return site / prefix.rstrip("/") if prefix else site


def to_site_root(doc_path: str, lang: str, languages: tuple) -> str:
    """The relative path from a page back to the root of the whole site (where data/ lives).

    >>> to_site_root("drugs/x.md", "nl", ("en", "nl"))
    '../../../'
    """
    depth = page_url(doc_path).count("/") + (0 if is_default(lang, languages) else 1)
    return "../" * depth


def relative_page_url(from_doc: str, to_doc: str, lang: str, to_lang: str, languages: tuple) -> str:
    """A relative URL from one page to another page, possibly in another language's site.

    >>> relative_page_url("drugs/x.md", "drugs/x.md", "en", "nl", ("en", "nl"))
    '../../nl/drugs/x/'
    """
    root = to_site_root(from_doc, lang, languages)
    return root + language_prefix(to_lang, languages) + page_url(to_doc) or "./"


def entity_path(record) -> str:
    """The page of an entity, relative to the docs root: <folder>/<id>.md (one name per thing)."""
    return f"{record.cls.folder}/{record.id}.md"
