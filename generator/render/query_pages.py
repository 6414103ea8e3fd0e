"""A page per competency question (question, query, the answer rendered at build time), their index, and the
playground's data files (questions, id → page map), for one language."""

from __future__ import annotations

import json
import re

import pyoxigraph as ox

from ..model.query_result import term_text
from ..model.site_paths import entity_path
from ..model.vocab import RDF, XSD
from .escaping import cell, front_matter, inline
from .layout import table
from .page_meta import page_meta
from .ui_text import ui
from .values import in_language

TEXT_DATATYPES = (ox.NamedNode(str(XSD.string)), ox.NamedNode(str(RDF.langString)))

__all__ = ["query_docs", "playground_data", "PLAYGROUND_PAGE", "PLAYGROUND_DATA", "MAX_PAGE_ROWS"]

MAX_PAGE_ROWS = 200
PLAYGROUND_PAGE = "playground.md"
PLAYGROUND_DATA = "assets/playground"


def _cell(term, prefixes: dict, pages: dict, namespace: str, lang: str) -> str:
    """A result value for the page: an entity as a link to its page, anything else as escaped text — text in
    another language than the page's marked with its own (a plain string is a code or a source's words, English)."""
    if isinstance(term, ox.NamedNode) and term.value.startswith(namespace):
        path = pages.get(term.value[len(namespace) :])
        if path is not None:
            return f"[{cell(term_text(term, prefixes))}](../{path})"
    if isinstance(term, ox.Literal) and term.datatype in TEXT_DATATYPES:
        return in_language(cell(term.value), term.language or "en", lang)
    return cell(term_text(term, prefixes))


def _fence(text: str) -> str:
    """A code fence longer than any run of backticks in the text, so the text cannot close it."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    ticks = "`" * max(3, longest + 1)
    return f"{ticks}sparql\n{text.rstrip()}\n{ticks}"


def _query_page(query, result, lang: str, prefixes: dict, pages: dict, namespace: str, playground: str | None) -> str:
    lines = [
        f"# {inline(query.title(lang))}",
        "",
        f"[{inline(ui('all_queries', lang))}](index.md)",
        "",
        f"## {ui('question', lang)}",
        "",
        inline(query.question(lang)),
        "",
        f"## {ui('query', lang)}",
        "",
        '<div lang="en" markdown>',  # the query's comments and names are English
        "",
        _fence(query.text),
        "",
        "</div>",
        "",
    ]
    if playground:  # raw HTML: MkDocs checks Markdown links, and a ?query= on a .md link is not one it knows
        lines += [f'<a class="md-button" href="{playground}?query={query.name}">{ui("open_playground", lang)}</a>', ""]
    lines += [f"## {ui('answer', lang)}", ""]
    if not result.rows:
        return "\n".join(lines + [ui("no_answers", lang)]) + "\n"
    shown = result.rows[:MAX_PAGE_ROWS]
    lines += table(
        [f"`{cell(v)}`" for v in result.variables],
        [[_cell(t, prefixes, pages, namespace, lang) for t in row] for row in shown],
    )
    lines += ["", f"{len(result.rows)} {ui('rows', lang)}"]
    if len(result.rows) > len(shown):
        lines += ["", f"… {len(result.rows) - len(shown)} {ui('more_rows', lang)}"]
    return "\n".join(lines) + "\n"


def _index_page(saved: list, lang: str, playground: bool) -> str:
    lines = [f"# {ui('queries', lang)}", "", ui("queries_intro", lang), ""]
    lines += [ui("queries_try", lang), ""] if playground else []
    lines += [f"- [{inline(q.title(lang))}]({q.name}.md): {inline(q.question(lang))}" for q in saved] or [
        ui("no_queries", lang)
    ]
    return "\n".join(lines) + "\n"


def playground_data(saved: list, schema, mapped, lang: str, directory_urls: bool) -> dict:
    """File name -> JSON text for the playground: the competency questions and the entity id → page map."""
    suffix = "/" if directory_urls else ".html"
    questions = [{"name": q.name, "title": q.title(lang), "question": q.question(lang), "query": q.text} for q in saved]
    paths = {
        entity_id: entity_path(record)[: -len(".md")] + suffix for entity_id, record in sorted(mapped.entities.items())
    }
    return {
        "questions.json": json.dumps(questions, ensure_ascii=False, indent=1, sort_keys=True),
        "entity-pages.json": json.dumps(
            {"namespace": schema.entity_namespace, "pages": paths}, ensure_ascii=False, indent=1, sort_keys=True
        ),
    }


def query_docs(saved: list, results: dict, ctx, prefixes: dict, has_playground: bool) -> dict:
    """doc path -> text of one language: queries/<name>.md and queries/index.md with each saved query's answer,
    and the playground data (the playground page itself is hand-written)."""
    lang, schema, mapped = ctx.lang, ctx.schema, ctx.mapped
    namespace = schema.entity_namespace
    directory_urls = ctx.site.directory_urls
    pages = {entity_id: entity_path(record) for entity_id, record in mapped.entities.items()}
    playground = ("../../playground/" if directory_urls else "../playground.html") if has_playground else None
    texts = {"queries/index.md": _with_switch(ctx, "queries/index.md", _index_page(saved, lang, has_playground))}
    for query in saved:
        path = f"queries/{query.name}.md"
        texts[path] = _with_switch(
            ctx, path, _query_page(query, results[query.name], lang, prefixes, pages, namespace, playground)
        )
    for name, text in playground_data(saved, schema, mapped, lang, directory_urls).items():
        texts[f"{PLAYGROUND_DATA}/{name}"] = text + "\n"
    return texts


def _with_switch(ctx, path: str, text: str) -> str:
    """A query page with the front matter of every generated page (its title and the language switch)."""
    return front_matter(page_meta(ctx, path)) + text
