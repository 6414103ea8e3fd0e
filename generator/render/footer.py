"""What a language's site is rendered with on top of mkdocs.yml: the footer's licence line (data and code) and
the path from a language's root to the site root, where the dataset description the page heads link lives."""

from __future__ import annotations

from ..model.site_paths import language_prefix
from ..model.vocab import LICENCES
from .cite import licence_name
from .escaping import attribute
from .ui_text import ui

__all__ = ["render_overrides", "footer_html"]


def _licence_link(iri: str) -> str:
    return f'<a href="{attribute(iri)}" rel="license">{attribute(licence_name(iri))}</a>'


def footer_html(edition, lang: str) -> str:
    """'Data: CC BY 4.0 · code: MIT', each licence linked ('' when the ontology states none)."""
    if not edition.licence:
        return ""
    code = LICENCES.get(edition.code_licence)
    data = _licence_link(edition.licence)
    return ui("footer", lang, data=data, code=_licence_link(str(code))) if code else ui("footer_data", lang, data=data)


def render_overrides(edition, lang: str, languages: tuple) -> dict:
    """The mkdocs.yml settings a build sets per language (the adapter merges `extra` into mkdocs.yml's)."""
    depth = language_prefix(lang, languages).count("/")
    found = {"extra": {"cle_site_root": "../" * depth}}
    footer = footer_html(edition, lang)
    if footer:
        found["copyright"] = footer
    return found
