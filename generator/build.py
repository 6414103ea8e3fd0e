"""Build everything into a temporary folder and swap it into build/ only on success (nothing lost)."""

from __future__ import annotations

import ctypes
import gc
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .dumps import write_dumps
from .jsonschema_export import SCHEMA_FOLDER, known_ids_from_records, write_schemas
from .jsonld_pages import write_entity_files
from .linkgraph import build_link_graph
from .mkdocs_adapter import SiteBuildError, render_site_isolated
from .pages import site_languages, write_docs
from .perf_page import write_performance_pages
from .pipeline import ProjectCache, check_project
from .problems import Position, Problem
from .query_pages import write_query_pages
from .store import to_quads
from .progress import NO_PROGRESS
from .timing import StageTimer
from .vendor import copy_vendor_files, missing_vendor_files

__all__ = ["BuildResult", "build_project"]

OUTPUTS = ("docs", "site")


@dataclass
class BuildResult:
    problems: list
    entities: int = 0
    triples: int = 0
    pages: int = 0
    dumps: dict = field(default_factory=dict)
    navs: dict = field(default_factory=dict)  # lang -> [(title, doc path)], as rendered


def _swap_into(staging: Path, out: Path) -> None:
    """Replace out/docs and out/site by the staged ones, one rename each."""
    for name in OUTPUTS:
        target, fresh = out / name, staging / name
        if target.exists():
            target.rename(staging / f"old-{name}")
        fresh.rename(target)


def build_project(root: Path, out: Path | None = None, timer: StageTimer | None = None,
                  progress=NO_PROGRESS, cache: ProjectCache | None = None) -> BuildResult:
    """Check the project; if clean, write dumps, docs tree and site under out (default root/build).
    cache: parsed and mapped files kept by a long-running caller (the live preview)."""
    out = out or root / "build"
    timer = timer or StageTimer()
    checked = check_project(root, timer=timer, cache=cache)
    if not checked.ok:
        return BuildResult(checked.problems)
    missing = missing_vendor_files(root)
    if missing:
        return BuildResult([Problem(Position("package.json", 1, 1), f"node_modules/{name} is missing; run `npm ci` "
                                    "(make site does) to install the browser libraries the site serves")
                            for name in missing])
    out.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=out))
    try:
        written = _write_docs_and_data(root, checked, staging, timer)
        checked = None  # the graph is on disk now; free it before MkDocs needs memory for every page
        _release_memory()
        languages = tuple(written["navs"])
        for lang in languages:
            site_dir = staging / "site" if lang == languages[0] else staging / "site" / lang
            with timer.stage("render"):
                bar = progress(f"render {lang}", sum(1 for _ in (staging / "docs" / lang).rglob("*.md")))
                render_site_isolated(root, staging / "docs" / lang, site_dir, lang, written["navs"][lang],
                                     site_url_suffix="" if lang == languages[0] else f"{lang}/", on_page=bar.advance)
        (staging / "data").rename(staging / "site" / "data")  # after rendering: MkDocs empties its site folder
        (staging / SCHEMA_FOLDER).rename(staging / "site" / SCHEMA_FOLDER)
        _swap_into(staging, out)
    except SiteBuildError as error:
        return BuildResult([Problem(Position("mkdocs.yml", 1, 1), f"the site build failed: {line}")
                            for line in str(error).splitlines() if line.strip()])
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    pages = sum(1 for _ in (out / "site").rglob("*.html"))
    return BuildResult([], written["entities"], written["quads"], pages, written["sizes"], written["navs"])


def _release_memory() -> None:
    """Collect freed objects and hand free heap pages back to the system (glibc), so the generator's
    footprint does not stay at its peak while MkDocs renders in a child process."""
    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc: the memory is reused by this process, just not returned
        pass


def _write_docs_and_data(root: Path, checked, staging: Path, timer: StageTimer) -> dict:
    """The Markdown tree of every language under staging/docs, the dumps under staging/data and the editor
    schemas under staging/schemas; returns the navs and counts the rest of the build needs."""
    schema, mapped = checked.schema, checked.mapped
    with timer.stage("pages"):
        links = build_link_graph(schema, mapped)
        navs = write_docs(schema, mapped, links, root, staging / "docs")
        for lang in site_languages(schema):
            copy_vendor_files(root, staging / "docs" / lang)
        write_performance_pages(root, staging / "docs", navs)
        write_query_pages(root, schema, mapped, staging / "docs", navs)
    with timer.stage("dumps"):
        quads = to_quads(mapped.graphs)
        sizes = write_dumps(quads, staging / "data", schema.entity_namespace)
        write_schemas(schema, known_ids_from_records(schema, mapped.entities.values()), staging / SCHEMA_FOLDER)
        write_entity_files(schema, mapped, staging / "data" / "entities")
    return {"navs": navs, "entities": len(mapped.entities), "quads": len(quads), "sizes": sizes}
