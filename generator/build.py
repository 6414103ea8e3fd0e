"""`kg build`: check, render every language's docs tree, write the data, let MkDocs render the site, all in a
staging folder that is swapped into build/ only when everything succeeded (nothing lost)."""

from __future__ import annotations

import contextlib
import ctypes
import gc
from dataclasses import dataclass, field
from pathlib import Path

from .check.pipeline import Checked, ProjectCache, check_project
from .load.benchmarks import BUILD_RESULTS, PAGES_RESULTS, PREVIEW_RESULTS, read_results
from .load.built_site import count_files
from .load.edition import read_edition
from .load.saved_queries import load_saved_queries
from .load.site_config import read_site_info
from .load.site_pages import hand_written_files, home_text
from .map.link_graph import build_link_graph
from .model.problems import Position, Problem
from .model.quads import open_store, prefixes_of, to_quads
from .model.site_paths import site_folder, site_languages, site_url_suffix
from .model.timing import StageTimer
from .render.context import PageContext
from .render.diagrams import fill_diagrams
from .render.docs import language_docs
from .render.footer import render_overrides
from .render.performance_page import PERFORMANCE_PAGE, performance_markdown
from .render.query_pages import PLAYGROUND_PAGE, query_docs
from .renderer.graphviz import GraphvizLayout, LayoutError, missing_layout_engine
from .renderer.mkdocs_adapter import SiteBuildError
from .renderer.worker import render_site_isolated
from .sparql.engine import answer_saved
from .versions.release import release_build_problems
from .versions.release_dumps import write_release_dumps
from .write.curie_cache import save_prefix_cache
from .write.editor_schemas import SCHEMA_FOLDER, known_ids_from_records, write_schemas
from .write.entity_files import write_entity_files
from .write.files import write_files
from .write.published_data import write_published_data
from .write.staging import move_into, new_staging, remove_tree, swap_into
from .write.vendor import copy_vendor_files, missing_vendor_files

__all__ = [
    "BuildResult",
    "build_project",
    "NO_PROGRESS",
    "generate_docs",
    "docs_of_language",
    "site_context",
    "saved_answers",
    "edition_of",
]


@dataclass
class BuildResult:
    problems: list
    entities: int = 0
    triples: int = 0
    pages: int = 0
    dumps: dict = field(default_factory=dict)
    navs: dict = field(default_factory=dict)  # lang -> [(title, doc path)], as rendered
    release_dumps: dict = field(default_factory=dict)  # version -> dump name -> bytes (data/releases/<version>/)


class _NoProgress:
    """The progress a caller that shows none passes: a counter that counts nothing."""

    def __call__(self, label: str, total: int):
        return self

    def advance(self, steps: int = 1) -> None:
        pass


NO_PROGRESS = _NoProgress()


def build_project(
    root: Path,
    out: Path | None = None,
    timer: StageTimer | None = None,
    progress=NO_PROGRESS,
    cache: ProjectCache | None = None,
) -> BuildResult:
    """Check the project; if clean, write dumps, docs tree and site under out (default root/build).
    cache: parsed and mapped files kept by a long-running caller (the live preview)."""
    out = out or root / "build"
    timer = timer or StageTimer()
    checked = check_project(root, timer=timer, cache=cache)
    save_prefix_cache()
    if not checked.ok:
        return BuildResult(checked.problems)
    missing = missing_vendor_files(root) + missing_layout_engine(root)
    if missing:
        return BuildResult([_missing_package(name) for name in missing])
    staging = new_staging(out)
    try:
        written = _write_docs_and_data(root, checked, staging, timer)
        if written["problems"]:
            return BuildResult(written["problems"])
        checked = None  # the graph is on disk now; free it before MkDocs needs memory for every page
        _release_memory()
        languages = tuple(written["navs"])
        for lang in languages:
            with timer.stage("render"):
                bar = progress(f"render {lang}", written["pages"][lang])
                render_site_isolated(
                    root,
                    staging / "docs" / lang,
                    site_folder(staging / "site", lang, languages),
                    lang,
                    written["navs"][lang],
                    site_url_suffix(lang, languages),
                    on_page=bar.advance,
                    overrides=render_overrides(written["edition"], lang, languages),
                )
        move_into(staging / "data", staging / "site" / "data")  # after rendering: MkDocs empties its site folder
        move_into(staging / SCHEMA_FOLDER, staging / "site" / SCHEMA_FOLDER)
        swap_into(staging, out)
    except SiteBuildError as error:
        lines = [line for line in str(error).splitlines() if line.strip()]
        return BuildResult([Problem(Position("mkdocs.yml", 1, 1), f"the site build failed: {line}") for line in lines])
    except LayoutError as error:
        return BuildResult([Problem(Position("package.json", 1, 1), f"the diagrams could not be drawn: {error}")])
    finally:
        remove_tree(staging)
    pages = count_files(out / "site", "*.html")
    return BuildResult(
        [], written["entities"], written["quads"], pages, written["sizes"], written["navs"], written["releases"]
    )


def _missing_package(name: str) -> Problem:
    return Problem(
        Position("package.json", 1, 1),
        f"node_modules/{name} is missing; run `npm ci` (make site does) "
        "to install the browser libraries the site serves and the diagram layout engine",
    )


def _release_memory() -> None:
    """Collect freed objects and hand free heap pages back to the system (glibc), so the generator's
    footprint does not stay at its peak while MkDocs renders in a child process."""
    gc.collect()
    with contextlib.suppress(OSError, AttributeError):  # not glibc: the memory is reused, just not returned
        ctypes.CDLL("libc.so.6").malloc_trim(0)


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


def docs_of_language(root: Path, ctx: PageContext, queries: tuple, bench: tuple) -> tuple:
    """(doc path -> text or bytes, nav) of one language's whole docs tree: hand-written and generated pages,
    the performance page, the query pages and the playground's data."""
    hand_written = hand_written_files(root, ctx.lang, ctx.languages)
    pages, nav = language_docs(ctx, hand_written, home_text(root, ctx.lang, ctx.languages))
    pages[PERFORMANCE_PAGE] = performance_markdown(bench[0], ctx.lang, bench[1], bench[2])
    saved, results = queries
    prefixes = prefixes_of(ctx.schema.entity_namespace)
    pages.update(query_docs(saved, results, ctx, prefixes, PLAYGROUND_PAGE in hand_written))
    return pages, nav


def saved_answers(root: Path, graphs: dict, quad_cache: dict | None = None) -> tuple:
    """(saved questions, name -> answer) over the whole graph."""
    saved = load_saved_queries(root)  # none yet: the index says so, and the playground starts empty
    return saved, answer_saved(saved, open_store(to_quads(graphs, quad_cache)))


def generate_docs(root: Path, checked: Checked, edition=None):
    """(lang, doc path -> text or bytes, nav) for every site language in turn (one language in memory at a time),
    the diagrams drawn by one Graphviz process while the pages are made."""
    site, languages, links = site_context(root, checked)
    edition = edition if edition is not None else edition_of(root, checked)
    queries = saved_answers(root, checked.mapped.graphs)
    bench = tuple(read_results(root, name) for name in (BUILD_RESULTS, PREVIEW_RESULTS, PAGES_RESULTS))
    with GraphvizLayout(root) as layout:
        for lang in languages:
            ctx = PageContext(checked.schema, checked.mapped, links, lang, languages, site, layout, edition=edition)
            pages, nav = docs_of_language(root, ctx, queries, bench)
            yield (
                lang,
                {path: fill_diagrams(text, ctx) if isinstance(text, str) else text for path, text in pages.items()},
                nav,
            )


def _write_docs_and_data(root: Path, checked, staging: Path, timer: StageTimer) -> dict:
    """The Markdown tree of every language under staging/docs; the dumps, the dataset description and each
    release's dumps under staging/data; the editor schemas under staging/schemas. Returns the navs, counts and
    edition the rest of the build needs, or the problems of a release that could not be rebuilt."""
    schema, mapped = checked.schema, checked.mapped
    edition = edition_of(root, checked)
    site = read_site_info(root, schema.languages)
    languages = site_languages(schema.languages, site.default_language)
    problems = release_build_problems(root, edition)
    if problems:
        return {"problems": problems}
    with timer.stage("pages"):
        navs, counts = {}, {}
        for lang, pages, navs[lang] in generate_docs(root, checked, edition):
            write_files(staging / "docs" / lang, pages)
            copy_vendor_files(root, staging / "docs" / lang)
            counts[lang] = sum(1 for path in pages if path.endswith(".md"))
    with timer.stage("dumps"):
        releases, problems = write_release_dumps(root, edition, staging, languages[0])
        if problems:
            return {"problems": problems}
        quads = to_quads(mapped.graphs)
        saved = load_saved_queries(root)
        sizes = write_published_data(staging, quads, schema, edition, site, saved, releases, languages)
        write_schemas(schema, known_ids_from_records(schema, mapped.entities.values()), staging / SCHEMA_FOLDER)
        write_entity_files(schema, mapped, staging / "data" / "entities")
    return {
        "problems": [],
        "navs": navs,
        "pages": counts,
        "entities": len(mapped.entities),
        "quads": len(quads),
        "sizes": sizes,
        "releases": releases,
        "edition": edition,
    }
