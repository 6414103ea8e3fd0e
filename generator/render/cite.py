"""How a page is cited: one citation value, written as a sentence, as BibTeX and as RIS."""

from __future__ import annotations

from dataclasses import dataclass

from ..model.edition import Author
from ..model.vocab import LICENCES
from .ui_text import ui

__all__ = ["PageCitation", "citation_parts", "citation_sentence", "bibtex", "ris", "licence_name", "dataset_title"]


@dataclass(frozen=True)
class PageCitation:
    """What a citation of one page says."""

    key: str  # a BibTeX key
    authors: tuple  # Author
    title: str  # the page's title (the entity's label)
    container: str  # the dataset's title
    version: str
    date: str  # YYYY-MM-DD, or '' when unknown (a build outside git)
    url: str  # the page's address, or '' without a site URL
    licence: str  # the licence's name, such as 'CC BY 4.0'


def dataset_title(edition, lang: str) -> str:
    """The dataset's title: CITATION.cff's, else the interface text's."""
    return edition.citation.title if edition.citation and edition.citation.title else ui("dataset_title", lang)


def licence_name(iri: str) -> str:
    """A licence IRI as people name it (its SPDX id, spaced).

    >>> licence_name("https://creativecommons.org/licenses/by/4.0/")
    'CC BY 4.0'
    """
    for spdx, known in LICENCES.items():
        if str(known) == iri:
            return spdx.replace("-", " ")
    return iri


def _person(author: Author) -> str:
    """'Family, Given' for a person, the name for an organisation."""
    return f"{author.family}, {author.given}".rstrip(", ") if author.is_person else author.name


def citation_parts(c: PageCitation, lang: str) -> list:
    """The sentence as (is_url, text) parts: 'Authors (2026).', 'Title.', 'In Dataset (version 1.0.0).', the URL,
    'Licensed under CC BY 4.0.'"""
    authors = "; ".join(_person(a) for a in c.authors)
    year = f" ({c.date[:4]})" if c.date else ""
    version = f" ({ui('cite_version', lang, version=c.version)})" if c.version else ""
    parts = [
        (False, f"{authors}{year}."),
        (False, f"{c.title}."),
        (False, f"{ui('cite_in', lang)} {c.container}{version}."),
    ]
    if c.url:
        parts.append((True, c.url))
    if c.licence:
        parts.append((False, ui("cite_licence", lang, licence=c.licence)))
    return parts


def citation_sentence(c: PageCitation, lang: str) -> str:
    """The citation as one plain sentence.

    >>> c = PageCitation("k", (Author("Ann", "Lee"),), "Blinatumomab", "CLE", "1.0.0", "2026-03-01", "https://x.org/d/", "")
    >>> citation_sentence(c, "en")
    'Lee, Ann (2026). Blinatumomab. In CLE (version 1.0.0). https://x.org/d/'
    """
    return " ".join(text for _, text in citation_parts(c, lang))


_BIBTEX_SPECIAL = {
    "\\": "\\textbackslash{}",
    "{": "\\{",
    "}": "\\}",
    "&": "\\&",
    "%": "\\%",
    "$": "\\$",
    "#": "\\#",
    "_": "\\_",
    "~": "\\textasciitilde{}",
    "^": "\\textasciicircum{}",
}


def bibtex_text(text: str) -> str:
    """Text safe inside a BibTeX field: LaTeX's special characters escaped, one line.

    >>> bibtex_text("R&D {50%}")
    'R\\\\&D \\\\{50\\\\%\\\\}'
    """
    return "".join(_BIBTEX_SPECIAL.get(char, char) for char in " ".join(text.split()))


def bibtex(c: PageCitation) -> str:
    """A biblatex/BibTeX @misc entry (organisations in double braces, so they are not split into names)."""
    authors = " and ".join(
        bibtex_text(_person(a)) if a.is_person else "{" + bibtex_text(a.name) + "}" for a in c.authors
    )
    fields = [
        ("author", authors),
        ("title", bibtex_text(c.title)),
        ("howpublished", bibtex_text(f"{c.container}, version {c.version}")),
        ("version", bibtex_text(c.version)),
        ("year", c.date[:4]),
        ("date", c.date),
        ("url", c.url),
        ("note", bibtex_text(f"Licensed under {c.licence}") if c.licence else ""),
    ]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields if value)
    return f"@misc{{{c.key},\n{body}\n}}\n"


def ris(c: PageCitation) -> str:
    """An RIS record (type DATA: a dataset; one AU line per author)."""
    lines = [("TY", "DATA")] + [("AU", _person(a)) for a in c.authors]
    lines += [("TI", c.title), ("T2", c.container), ("ET", c.version)]
    if c.date:
        lines += [("PY", c.date[:4]), ("DA", c.date.replace("-", "/"))]
    lines += [("UR", c.url), ("N1", f"Licensed under {c.licence}" if c.licence else "")]
    return "".join(f"{tag}  - {' '.join(value.split())}\n" for tag, value in lines if value) + "ER  - \n"
