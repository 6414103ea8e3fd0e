"""`kg build`: check, render every language's docs tree, write the data, let MkDocs render the site, all in a
staging folder that is swapped into build/ (an incremental build: only its changed files put in place) only
when everything succeeded (nothing lost). A build saves what it
needs to redo only what changed beside its output (build/cache/); the next build starts from it when nothing
that invalidates every page changed (build/incremental.py), and from scratch otherwise."""

from __future__ import annotations

import contextlib
import ctypes
import gc
from dataclasses import replace
from pathlib import Path

from ..check.pipeline import ProjectCache, check_project
from ..load.build_inputs import content_digests, inputs_fingerprint
from ..load.built_site import count_files
from ..load.site_config import read_site_info
from ..model.build_state import BuildState, fingerprint_of
from ..model.problems import Position, Problem
from ..model.quads import to_quads
from ..model.site_paths import site_languages
from ..model.timing import StageTimer
from ..renderer.graphviz import LayoutError, missing_layout_engine
from ..renderer.mkdocs_adapter import SiteBuildError
from ..versions.release import release_build_problems
from ..versions.release_dumps import write_release_dumps
from ..write.build_state import write_build_state
from ..write.curie_cache import save_prefix_cache
from ..write.editor_schemas import SCHEMA_FOLDER
from ..write.entity_files import write_entity_files
from ..write.staging import apply_into, move_into, new_staging, remove_tree, swap_into
from ..write.vendor import copy_vendor_files, missing_vendor_files
from .forked import ForkedWork, ForkedWorkError
from .generate import edition_of, write_docs
from .incremental import DATA_SECONDS, plan_rebuild, rebuild, write_graph_data
from .parts import linked_from
from .render import render_languages
from .result import NO_PROGRESS, BuildResult

__all__ = ["BuildResult", "build_project", "NO_PROGRESS"]


def build_project(
    root: Path,
    out: Path | None = None,
    timer: StageTimer | None = None,
    progress=NO_PROGRESS,
    cache: ProjectCache | None = None,
    jobs: int | None = None,
    incremental: bool = True,
) -> BuildResult:
    """Check the project; if clean, write dumps, docs tree and site under out (default root/build).
    cache: parsed and mapped files kept by a long-running caller (the live preview).
    jobs: languages MkDocs renders at once (default: one per core).
    incremental: redo only what changed since the build in out, when its saved state allows (else a full build)."""
    out = out or root / "build"
    timer = timer or StageTimer()
    with timer.stage("fingerprint"):  # before the check reads them: an edit made during the build is seen next time
        inputs, files = inputs_fingerprint(root), content_digests(root)
    checked = check_project(root, timer=timer, cache=cache)
    save_prefix_cache()
    if not checked.ok:
        return BuildResult(checked.problems)
    missing = missing_vendor_files(root) + missing_layout_engine(root)
    if missing:
        return BuildResult([_missing_package(name) for name in missing])
    staging = new_staging(out)
    try:
        plan = plan_rebuild(root, out, checked, inputs, files) if incremental else None
        if plan is not None:
            result, gone = rebuild(root, checked, plan, staging, timer, progress, jobs)
            if not result.problems:
                apply_into(staging, out, gone)
        else:
            written = _write_docs(root, checked, staging, timer, jobs)
            if written["problems"]:
                return BuildResult(written["problems"])
            state = _state_of(checked, written, inputs, files)
            data = _start_data(root, checked, written, staging)
            checked = written["parts"] = written["quads"] = None  # free them before MkDocs needs memory
            _release_memory()
            result = _render_full(root, staging, written, data, timer, progress, jobs)
            if not result.problems:
                write_build_state(staging, replace(state, releases=result.release_dumps))  # swapped in with the site
                swap_into(staging, out)
        if result.problems:
            return result
    except SiteBuildError as error:
        lines = [line for line in str(error).splitlines() if line.strip()]
        return BuildResult([Problem(Position("mkdocs.yml", 1, 1), f"the site build failed: {line}") for line in lines])
    except LayoutError as error:
        return BuildResult([Problem(Position("package.json", 1, 1), f"the diagrams could not be drawn: {error}")])
    except ForkedWorkError as error:
        lines = [line for line in str(error).splitlines() if line.strip()]
        return BuildResult([Problem(Position("content", 1, 1), f"the pages or data files could not be written (in a worker process): {lines[-1]}")])
    finally:
        remove_tree(staging)
    result.pages = count_files(out / "site", "*.html")
    return result


def _render_full(root: Path, staging: Path, written: dict, data: ForkedWork, timer: StageTimer, progress, jobs):
    """Render every page of the staged docs while the data is written (see _start_data) and put it beside them;
    the BuildResult, with the problems of a release that could not be rebuilt."""
    try:
        with timer.stage("render"):
            render_languages(root, staging, written, progress, jobs)
        with timer.stage("dumps"):  # what is left of them once the pages are rendered
            releases, problems, count, sizes = data.result(DATA_SECONDS)
    except BaseException:
        data.cancel()  # before the caller removes the staging folder it writes in
        raise
    if problems:
        return BuildResult(problems)
    move_into(staging / "data", staging / "site" / "data")  # after rendering: MkDocs empties its site folder
    move_into(staging / SCHEMA_FOLDER, staging / "site" / SCHEMA_FOLDER)
    return BuildResult(
        [],
        written["entities"],
        count,
        0,
        sizes,
        written["navs"],
        releases,
        rendered=sum(written["pages"].values()),
    )


def _state_of(checked, written: dict, inputs: str, files: dict) -> BuildState:
    """What the next build needs to redo only what changes (see model/build_state.py)."""
    schema, mapped = checked.schema, checked.mapped
    links = linked_from(schema, mapped, mapped.entities)
    return BuildState(
        fingerprint_of(inputs, written["edition"], written["navs"]),
        files,
        {entity_id: (record.path, *links[entity_id]) for entity_id, record in mapped.entities.items()},
        written["parts"],
        written["navs"],
    )  # the releases once the data is written


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


def _write_docs(root: Path, checked, staging: Path, timer: StageTimer, jobs: int | None) -> dict:
    """The Markdown tree of every language under staging/docs. Returns the navs, counts, edition and quads
    the rest of the build needs, or the problems of a release that could not be rebuilt."""
    schema, mapped = checked.schema, checked.mapped
    edition = edition_of(root, checked)
    site = read_site_info(root, schema.languages)
    languages = site_languages(schema.languages, site.default_language)
    problems = release_build_problems(root, edition)
    if problems:
        return {"problems": problems}
    quads = to_quads(mapped.graphs)  # once, for the saved questions' answers and then the dumps
    with timer.stage("pages"):
        parts = {}
        navs, counts = write_docs(root, checked, edition, staging / "docs", parts, quads, jobs)
        for lang in navs:
            copy_vendor_files(root, staging / "docs" / lang)
    return {
        "problems": [],
        "navs": navs,
        "pages": counts,
        "parts": parts,
        "entities": len(mapped.entities),
        "quads": quads,
        "edition": edition,
        "site": site,
        "languages": languages,
    }


def _start_data(root: Path, checked, written: dict, staging: Path) -> ForkedWork:
    """Each release's dumps, the dumps, the dataset description and the editor schemas under staging/data and
    staging/schemas, written by a forked child while MkDocs renders. It is forked once the pages are on disk,
    just before this process lets go of the graph: beside the pages (at 20,000 entities) it added 0.8 GB to
    their peak; beside MkDocs, whose memory grows page by page, it is done before that grows large."""
    edition, site, languages = written["edition"], written["site"], written["languages"]
    _release_memory()  # what the pages made and dropped: the child would inherit it
    return ForkedWork(_write_data, root, checked, edition, site, languages, staging, written["quads"])


def _write_data(root: Path, checked, edition, site, languages: tuple, staging: Path, quads: list) -> tuple:
    """Each release's dumps, the dumps, the dataset description, the editor schemas and each entity's own
    files, under staging (in the forked child); (releases, problems, number of quads, dump name -> size)."""
    releases, problems = write_release_dumps(root, edition, staging, languages[0])
    if problems:
        return releases, problems, 0, {}
    count, sizes = write_graph_data(root, checked, edition, site, releases, languages, staging, quads)
    write_entity_files(checked.schema, checked.mapped, staging / "data" / "entities")
    return releases, [], count, sizes
