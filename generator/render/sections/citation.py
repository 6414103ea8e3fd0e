"""'Cite this page': authors (CITATION.cff), the entity's title, the dataset and its version, the date of the
file's last change and the page's address — as a sentence, as BibTeX and as RIS."""

from __future__ import annotations

from ...model.edition import Author
from ...model.site_paths import language_prefix, page_url
from ..cite import PageCitation, bibtex, citation_parts, dataset_title, licence_name, ris
from ..escaping import code_block, inline, url
from ..layout import heading
from ..ui_text import ui

__all__ = ["citation", "page_citation"]


def _page_path(ctx, doc: str) -> str:
    """The page's URL path under the site root (in its language's folder)."""
    path = page_url(doc) if ctx.site.directory_urls else doc[: -len(".md")] + ".html"
    return language_prefix(ctx.lang, ctx.languages) + path


def page_citation(ctx, entity_id: str) -> PageCitation:
    edition = ctx.edition
    record = ctx.mapped.entities[entity_id]
    container = dataset_title(edition, ctx.lang)
    authors = edition.citation.authors if edition.citation else ()
    changes = edition.last_changes(record.path)
    day = changes[0].day if changes else (edition.head.day if edition.head else "")
    return PageCitation(
        f"cle-{entity_id}-{edition.label}" if edition.label else f"cle-{entity_id}",
        authors or (Author(name=ui("cite_authors", ctx.lang, title=container)),),
        ctx.label(entity_id),
        container,
        edition.label,
        day,
        ctx.site.page_address(_page_path(ctx, ctx.doc_path(entity_id))),
        licence_name(edition.licence) if edition.licence else "",
    )


def citation(ctx, entity_id: str) -> list:
    cited = page_citation(ctx, entity_id)
    sentence = " ".join(
        f"[{inline(text)}]({url(text)})" if is_url else inline(text) for is_url, text in citation_parts(cited, ctx.lang)
    )
    lines = heading(3, ui("cite_title", ctx.lang)) + [sentence, ""]
    # Plain code blocks: Pygments' BibTeX colours fail the contrast check on Material's code background.
    return lines + ["BibTeX:", ""] + code_block(bibtex(cited)) + ["RIS:", ""] + code_block(ris(cited))
