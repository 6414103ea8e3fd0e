"""Every language's docs tree: the pages made from the graph (part by part, noting what each read), the
hand-written pages, the performance page and the query pages, with the diagrams drawn in."""

from __future__ import annotations

import collections
from pathlib import Path

from ..check.pipeline import Checked
from ..load.benchmarks import BUILD_RESULTS, PAGES_RESULTS, PREVIEW_RESULTS, read_results
from ..load.edition import read_edition
from ..load.saved_queries import load_saved_queries
from ..load.site_config import read_site_info
from ..load.site_pages import hand_written_files, home_text
from ..map.link_graph import build_link_graph
from ..model.quads import open_store, prefixes_of, to_quads
from ..model.site_paths import site_languages
from ..render.context import PageContext
from ..render.diagrams import fill_diagrams
from ..render.docs import with_front_matter
from ..render.navigation import site_nav
from ..render.performance_page import PERFORMANCE_PAGE, performance_markdown
from ..render.query_pages import PLAYGROUND_PAGE, query_docs
from ..renderer.graphviz import GraphvizLayout
from ..sparql.engine import answer_saved
from ..write.files import write_files
from .forked import ForkedWork
from .parts import iter_parts, part_makers, share_reads
from .render import cores

WINDOW = 256  # pages made ahead of the one written (see write_language)
PAGES_SECONDS = 3600  # what one language's pages may take in a child (20,000 entities: under a minute and a half)

__all__ = [
    "write_docs",
    "write_language",
    "language_pages",
    "site_context",
    "edition_of",
    "saved_answers",
    "bench_results",
    "fixed_pages",
    "docs_of_language",
    "generate_docs",
    "with_diagrams",
]


def site_context(root: Path, checked: Checked) -> tuple:
    """(site info, site languages, link graph): what every language's pages are rendered with."""
    site = read_site_info(root, checked.schema.languages)
    return (
        site,
        site_languages(checked.schema.languages, site.default_language),
        build_link_graph(checked.schema, checked.mapped),
    )


def edition_of(root: Path, checked: Checked):
    """The edition this build publishes: version, licence, citation, releases, changelog and git history."""
    return read_edition(root, checked.schema.graph)


def saved_answers(root: Path, quads: list) -> tuple:
    """(saved questions, name -> answer) over the whole graph (quads: to_quads of its graphs)."""
    saved = load_saved_queries(root)  # none yet: the index says so, and the playground starts empty
    return saved, answer_saved(saved, open_store(quads))


def bench_results(root: Path) -> tuple:
    """The benchmarks' figures the performance page shows (build, preview, pages)."""
    return tuple(read_results(root, name) for name in (BUILD_RESULTS, PREVIEW_RESULTS, PAGES_RESULTS))


def fixed_pages(root: Path, ctx: PageContext, queries: tuple, bench: tuple) -> tuple:
    """(doc path -> text or bytes, hand-written names) of the pages every build makes whole, whatever changed:
    hand-written pages (given the language switch), the performance page, the query pages and the playground's
    data. They are cheap, and the query pages ask SPARQL over everything."""
    hand_written = hand_written_files(root, ctx.lang, ctx.languages)
    pages = with_front_matter(ctx, hand_written)
    pages[PERFORMANCE_PAGE] = performance_markdown(bench[0], ctx.lang, bench[1], bench[2])
    saved, results = queries
    prefixes = prefixes_of(ctx.schema.entity_namespace)
    pages.update(query_docs(saved, results, ctx, prefixes, PLAYGROUND_PAGE in hand_written))
    return pages, set(hand_written)


def language_pages(root: Path, ctx: PageContext, queries: tuple, bench: tuple, record: dict):
    """(doc path, text or bytes) of one language's whole docs tree, one part after another (the diagrams
    still to be drawn in); record is filled with part -> (what it read, its doc paths). A part's page wins
    over a hand-written file of the same path (the home page)."""
    makers = part_makers(ctx, home_text(root, ctx.lang, ctx.languages))
    made = set()
    for texts in iter_parts(ctx, makers, makers, record):
        made.update(texts)
        yield from texts.items()
    fixed, _ = fixed_pages(root, ctx, queries, bench)
    yield from ((path, text) for path, text in fixed.items() if path not in made)


def language_nav(root: Path, ctx: PageContext) -> list:
    return site_nav(ctx, set(hand_written_files(root, ctx.lang, ctx.languages)))


def docs_of_language(root: Path, ctx: PageContext, queries: tuple, bench: tuple, record: dict | None = None) -> tuple:
    """(doc path -> text or bytes, nav) of one language's whole docs tree; record (when given) is filled with
    part -> (what it read, its doc paths)."""
    pages = dict(language_pages(root, ctx, queries, bench, {} if record is None else record))
    return pages, language_nav(root, ctx)


def with_diagrams(pages: dict, ctx: PageContext) -> dict:
    """The pages with their diagrams drawn in (SVG from the layout engine the context holds)."""
    return {path: fill_diagrams(text, ctx) if isinstance(text, str) else text for path, text in pages.items()}


def _contexts(root: Path, checked: Checked, edition, quads: dict | None):
    """(context of each language in turn, queries, bench) with one Graphviz process for all languages."""
    site, languages, links = site_context(root, checked)
    edition = edition if edition is not None else edition_of(root, checked)
    queries = saved_answers(root, to_quads(checked.mapped.graphs, quads))
    bench = bench_results(root)
    with GraphvizLayout(root) as layout:
        for lang in languages:
            yield PageContext(checked.schema, checked.mapped, links, lang, languages, site, layout, edition=edition), queries, bench


def generate_docs(root: Path, checked: Checked, edition=None, records: dict | None = None, quads: dict | None = None):
    """(lang, doc path -> text or bytes, nav) for every site language in turn (one language in memory at a time),
    the diagrams drawn by one Graphviz process while the pages are made; records (when given) gets
    lang -> part -> (what it read, its doc paths); quads: a to_quads cache the dumps then reuse."""
    for ctx, queries, bench in _contexts(root, checked, edition, quads):
        record = {} if records is None else records.setdefault(ctx.lang, {})
        pages, nav = docs_of_language(root, ctx, queries, bench, record)
        yield ctx.lang, with_diagrams(pages, ctx), nav


def write_docs(
    root: Path, checked: Checked, edition, docs: Path, records: dict, quads: list, jobs: int | None = None
) -> tuple:
    """Write every language's docs tree under docs/<lang>, the languages side by side, one in this process and
    the others in forked children (jobs: at most this many at once, default one per core; 1: one after the
    other in this process); records gets lang -> part -> (what it read, its doc paths); quads: to_quads of the
    graphs (the saved questions are answered over them). Returns (lang -> nav, lang -> number of Markdown
    pages)."""
    site, languages, links = site_context(root, checked)
    queries = saved_answers(root, quads)
    bench = bench_results(root)
    contexts = [
        PageContext(checked.schema, checked.mapped, links, lang, languages, site, edition=edition) for lang in languages
    ]
    at_once = max(1, jobs or cores())
    made = []
    for start in range(0, len(contexts), at_once):
        # The last language of a batch is written here while forked children write the others: a child copies
        # the parts of the graph it reads (reference counts are written to), this process reads its own.
        *others, here = contexts[start : start + at_once]
        children = [ForkedWork(write_language, root, ctx, queries, bench, docs / ctx.lang, cycles=True) for ctx in others]
        try:
            mine = write_language(root, here, queries, bench, docs / here.lang)
            made.extend(child.result(PAGES_SECONDS) for child in children)
        except BaseException:
            for child in children:
                child.cancel()
            raise
        made.append(mine)
    navs, counts = {}, {}
    for ctx, (nav, count, record) in zip(contexts, made):
        navs[ctx.lang], counts[ctx.lang], records[ctx.lang] = nav, count, record
    share_reads(records)
    return navs, counts


def write_language(root: Path, ctx: PageContext, queries: tuple, bench: tuple, folder: Path) -> tuple:
    """Write one language's docs tree under folder as its pages are made, WINDOW pages behind the one being
    made (their diagrams are laid out meanwhile by a Graphviz process of its own, and a large site is never all
    in memory). Returns (nav, number of Markdown pages, part -> (what it read, its doc paths))."""
    record, pending, written = {}, collections.deque(), set()
    with GraphvizLayout(root) as layout:
        ctx.layout = layout

        def write_oldest() -> None:
            path, text = pending.popleft()
            write_files(folder, {path: fill_diagrams(text, ctx) if isinstance(text, str) else text})
            written.add(path)

        for page in language_pages(root, ctx, queries, bench, record):
            pending.append(page)
            if len(pending) > WINDOW:
                write_oldest()
        while pending:
            write_oldest()
        ctx.layout = None
    return language_nav(root, ctx), sum(1 for path in written if path.endswith(".md")), record
