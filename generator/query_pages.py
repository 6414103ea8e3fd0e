"""Write a page per competency question (question, query, answer table rendered at build time) and the
playground's data files (questions, id → page map) into every language's docs tree."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pyoxigraph as ox

from .markdown_text import cell, inline
from .pages import entity_path, write_pages
from .query import load_saved_queries, run_query, term_text
from .store import open_store, to_quads
from .vocab import BINDINGS

__all__ = ["QUERY_UI", "query_docs", "write_query_pages", "playground_data"]

MAX_PAGE_ROWS = 200
PLAYGROUND_PAGE = "playground.md"
PLAYGROUND_DATA = "assets/playground"

QUERY_UI = {
    "queries": {"en": "Queries", "nl": "Zoekvragen"},
    "intro": {"en": "Questions the knowledge graph answers, each as a SPARQL query with its answer as of this build. "
                    "Run them, or your own, with `kg query <name>` or against `kg serve`.",
              "nl": "Vragen die de kennisgraaf beantwoordt, elk als SPARQL-zoekvraag met het antwoord van deze build. "
                    "Voer ze, of uw eigen vragen, uit met `kg query <naam>` of via `kg serve`."},
    "try": {"en": "Or try them in your browser: [SPARQL playground](../playground.md).",
            "nl": "Of probeer ze in uw browser: [SPARQL-speeltuin](../playground.md)."},
    "question": {"en": "Question", "nl": "Vraag"},
    "query": {"en": "Query", "nl": "Zoekvraag"},
    "answer": {"en": "Answer", "nl": "Antwoord"},
    "open": {"en": "Open in the playground", "nl": "Openen in de speeltuin"},
    "all": {"en": "All queries", "nl": "Alle zoekvragen"},
    "rows": {"en": "rows", "nl": "rijen"},
    "none": {"en": "No answers in the graph yet.", "nl": "Nog geen antwoorden in de graaf."},
    "more": {"en": "more rows: open the query in the playground to see all",
             "nl": "rijen meer: open de zoekvraag in de speeltuin om alles te zien"},
    "playground": {"en": "SPARQL playground", "nl": "SPARQL-speeltuin"},
    "no_queries": {"en": "No saved queries yet: add them as queries/<name>.rq.",
                   "nl": "Nog geen opgeslagen zoekvragen: voeg ze toe als queries/<naam>.rq."},
}


def _ui(key: str, lang: str) -> str:
    return QUERY_UI[key].get(lang) or QUERY_UI[key]["en"]


def _cell(term, prefixes: dict, pages: dict, namespace: str) -> str:
    """A result value for the page: an entity as a link to its page, anything else as escaped text."""
    if isinstance(term, ox.NamedNode) and term.value.startswith(namespace):
        path = pages.get(term.value[len(namespace):])
        if path is not None:
            return f"[{cell(term_text(term, prefixes))}](../{path})"
    return cell(term_text(term, prefixes))


def _fence(text: str) -> str:
    """A code fence longer than any run of backticks in the text, so the text cannot close it."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    ticks = "`" * max(3, longest + 1)
    return f"{ticks}sparql\n{text.rstrip()}\n{ticks}"


def _query_page(query, result, lang: str, prefixes: dict, pages: dict, namespace: str, playground: str | None) -> str:
    lines = [f"# {inline(query.title(lang))}", "",
             f"[{inline(_ui('all', lang))}](index.md)", "",
             f"## {_ui('question', lang)}", "", inline(query.question(lang)), "",
             f"## {_ui('query', lang)}", "", _fence(query.text), ""]
    if playground:  # raw HTML: MkDocs checks Markdown links, and a ?query= on a .md link is not one it knows
        lines += [f'<a class="md-button" href="{playground}?query={query.name}">{_ui("open", lang)}</a>', ""]
    lines += [f"## {_ui('answer', lang)}", ""]
    if not result.rows:
        return "\n".join(lines + [_ui("none", lang)]) + "\n"
    shown = result.rows[:MAX_PAGE_ROWS]
    lines += ["| " + " | ".join(cell(v) for v in result.variables) + " |",
              "|" + "---|" * len(result.variables)]
    lines += ["| " + " | ".join(_cell(t, prefixes, pages, namespace) for t in row) + " |" for row in shown]
    lines += ["", f"{len(result.rows)} {_ui('rows', lang)}"]
    if len(result.rows) > len(shown):
        lines += ["", f"… {len(result.rows) - len(shown)} {_ui('more', lang)}"]
    return "\n".join(lines) + "\n"


def _index_page(saved: list, lang: str, playground: bool) -> str:
    lines = [f"# {_ui('queries', lang)}", "", _ui("intro", lang), ""]
    lines += [_ui("try", lang), ""] if playground else []
    lines += [f"- [{inline(q.title(lang))}]({q.name}.md): {inline(q.question(lang))}" for q in saved] or [_ui("no_queries", lang)]
    return "\n".join(lines) + "\n"


def playground_data(saved: list, schema, mapped, lang: str, directory_urls: bool) -> dict:
    """File name -> JSON text for the playground: the competency questions and the entity id → page map."""
    suffix = "/" if directory_urls else ".html"
    questions = [{"name": q.name, "title": q.title(lang), "question": q.question(lang), "query": q.text} for q in saved]
    paths = {entity_id: entity_path(record)[:-len(".md")] + suffix
             for entity_id, record in sorted(mapped.entities.items())}
    return {"questions.json": json.dumps(questions, ensure_ascii=False, indent=1, sort_keys=True),
            "entity-pages.json": json.dumps({"namespace": schema.entity_namespace, "pages": paths},
                                            ensure_ascii=False, indent=1, sort_keys=True)}


def query_docs(root: Path, schema, mapped, docs_root: Path, languages, quad_cache: dict | None = None) -> dict:
    """lang -> (doc path -> text, nav entries): docs/<lang>/queries/<name>.md + index.md with each saved
    query's answer, and the playground data (the playground page itself is hand-written in docs_root).
    quad_cache: see store.to_quads."""
    from .mkdocs_adapter import read_site_config

    saved = load_saved_queries(root)  # none yet: the index says so, and the playground starts empty
    directory_urls = bool(read_site_config(root).get("use_directory_urls", True))
    namespace = schema.entity_namespace
    prefixes = dict(BINDINGS) | {"id": namespace}
    pages = {entity_id: entity_path(record) for entity_id, record in mapped.entities.items()}
    store = open_store(to_quads(mapped.graphs, quad_cache))
    results = {query.name: run_query(store, query.text, max_rows=10_000) for query in saved}
    made = {}
    for lang in languages:
        has_playground = (docs_root / lang / PLAYGROUND_PAGE).is_file()
        playground = ("../../playground/" if directory_urls else "../playground.html") if has_playground else None
        texts = {"queries/index.md": _index_page(saved, lang, has_playground)}
        for query in saved:
            texts[f"queries/{query.name}.md"] = _query_page(query, results[query.name], lang, prefixes, pages,
                                                            namespace, playground)
        for name, text in playground_data(saved, schema, mapped, lang, directory_urls).items():
            texts[f"{PLAYGROUND_DATA}/{name}"] = text + "\n"
        nav = [(_ui("queries", lang), "queries/index.md")]
        if has_playground:
            nav.append((_ui("playground", lang), PLAYGROUND_PAGE))
        made[lang] = (texts, nav)
    return made


def write_query_pages(root: Path, schema, mapped, docs_root: Path, navs: dict) -> None:
    """Write the query pages and playground data of every language; adds both pages to each nav."""
    for lang, (texts, nav) in query_docs(root, schema, mapped, docs_root, list(navs)).items():
        write_pages(docs_root / lang, texts)
        navs[lang].extend(nav)
