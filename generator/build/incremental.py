"""An incremental `kg build`: start from the last build in build/ and the state it saved (build/cache/), redo only
what the content files changed since, and leave a result byte-identical to a full build.

The last build's docs are staged as hard links (MkDocs reads the whole tree; no bytes copied, and every writer
replaces a file rather than rewriting it, so the last good build stays as it was). The check runs on everything
as always. The parts that read what changed are made again (build/parts.py), and the pages every build makes
whole; only the Markdown whose bytes differ is written, and MkDocs renders just those pages into a fresh
folder (each language in its own process) while a forked child writes the dumps. The staged site holds only
what changed: the pages rendered, the search index (the last one with those pages' entries in place, in a
full build's order) and the data; once all of it succeeded, those files replace the last build's and the
pages that are gone are deleted (write/staging.py apply_into), so the last good build is untouched until then.

Anything that could make every page stale (the ontology, mkdocs.yml, site/, the saved questions, the
generator's code, the installed packages, the edition from git, the menus) changes the fingerprint, and then
the build is a full one; so does a missing or unreadable state."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ..load.build_inputs import read_build_state
from ..load.saved_queries import load_saved_queries
from ..load.site_pages import hand_written_files, home_text
from ..model.build_state import BuildState, fingerprint_of
from ..model.figures import is_figures_file
from ..model.formats import ENTITY_DATA_FOLDER
from ..model.quads import to_quads
from ..model.site_paths import page_url, site_folder, site_url_suffix
from ..render.context import PageContext
from ..render.footer import render_overrides
from ..render.navigation import site_nav
from ..renderer.graphviz import GraphvizLayout
from ..renderer.worker import render_request
from ..write.build_state import write_build_state
from ..write.editor_schemas import SCHEMA_FOLDER, known_ids_from_records, write_schemas
from ..write.entity_files import entity_file_names, write_entity_files
from ..write.files import link_tree, move_files_into, remove_files, write_changed
from ..write.published_data import write_published_data
from ..write.staging import OUTPUTS
from .forked import ForkedWork
from .generate import bench_results, edition_of, fixed_pages, saved_answers, site_context, with_diagrams
from .parts import dirty_keys, linked_from, make_parts, part_makers, stale_parts
from .render import render_at_once
from .result import BuildResult

__all__ = ["RebuildPlan", "plan_rebuild", "rebuild", "changed_files_ids", "write_graph_data", "DATA_SECONDS"]

DATA_SECONDS = 1800  # what the data files may take beside the pages (10,000 entities: about 10 s)


@dataclass
class RebuildPlan:
    """What an incremental build starts from: the last build and its state, and this build's context."""

    out: Path
    state: BuildState
    fingerprint: str
    files: dict
    edition: object
    site: object
    languages: tuple
    contexts: dict  # lang -> PageContext
    navs: dict
    changed: set


def plan_rebuild(root: Path, out: Path, checked, inputs: str, files: dict) -> RebuildPlan | None:
    """The plan of an incremental build from the build in out, or None when a full build is needed."""
    state = read_build_state(out)
    if state is None or not all((out / name).is_dir() for name in OUTPUTS):
        return None
    edition = edition_of(root, checked)
    site, languages, links = site_context(root, checked)
    if set(state.parts) != set(languages):
        return None
    contexts = {
        lang: PageContext(checked.schema, checked.mapped, links, lang, languages, site, edition=edition)
        for lang in languages
    }
    navs = {lang: site_nav(ctx, set(hand_written_files(root, lang, languages))) for lang, ctx in contexts.items()}
    fingerprint = fingerprint_of(inputs, edition, navs)
    if fingerprint != state.fingerprint:
        return None
    changed = changed_files_ids(state, files, checked.mapped)
    return RebuildPlan(out, state, fingerprint, files, edition, site, languages, contexts, navs, changed)


def changed_files_ids(state: BuildState, files: dict, mapped) -> set:
    """Ids whose file was added, removed, edited or moved since the build that saved state."""
    paths = {path for path in set(state.files) | set(files) if state.files.get(path) != files.get(path)}
    now = {record.path: entity_id for entity_id, record in mapped.entities.items()}
    then = {path: entity_id for entity_id, (path, _, _) in state.entities.items()}
    changed = {now[path] for path in paths if path in now} | {then[path] for path in paths if path in then}
    changed |= set(state.entities) ^ set(mapped.entities)
    return changed | {i for i, record in mapped.entities.items() if i in state.entities and state.entities[i][0] != record.path}


def rebuild(root: Path, checked, plan: RebuildPlan, staging: Path, timer, progress, jobs) -> tuple:
    """Stage the last build's docs, redo what changed (see the module docstring); (the BuildResult, the paths
    under the site that are gone), for write/staging.py apply_into."""
    schema, mapped, state = checked.schema, checked.mapped, plan.state
    kept, changed = set(mapped.entities), plan.changed
    before = {i: (folder, targets) for i, (_, folder, targets) in state.entities.items() if i in changed}
    after = linked_from(schema, mapped, changed)
    dirty = dirty_keys(changed, before, after)
    quads = to_quads(mapped.graphs)  # once, for the dumps and the saved questions' answers
    data = ForkedWork(_write_graph_data, root, checked, plan, staging / "data", quads)  # beside the pages
    try:
        with timer.stage("pages"):
            link_tree(plan.out / "docs", staging / "docs")
            records = {lang: dict(state.parts[lang]) for lang in plan.languages}
            to_render, gone = _write_stale_docs(root, plan, staging, records, dirty, kept, quads)
            gone += _write_entity_data(checked, plan, staging / "site")
        with timer.stage("render"):
            _render_stale(root, plan, staging, to_render, progress, jobs)
        with timer.stage("dumps"):  # what is left of them
            count, sizes = data.result(DATA_SECONDS)
            move_files_into(staging / "data", staging / "site")
    except BaseException:
        data.cancel()  # before the caller removes the staging folder it writes in
        raise
    entities = {i: entry for i, entry in state.entities.items() if i not in changed}
    entities.update({i: (mapped.entities[i].path, *links) for i, links in after.items()})
    write_build_state(
        staging, BuildState(plan.fingerprint, plan.files, entities, records, _as_json(plan.navs), state.releases)
    )
    return BuildResult(
        [],
        len(mapped.entities),
        count,
        0,
        sizes,
        plan.navs,
        state.releases,
        rendered=sum(1 for written in to_render.values() for path in written if not is_figures_file(path)),
        full=False,
    ), gone


def _render_stale(root: Path, plan: RebuildPlan, staging: Path, to_render: dict, progress, jobs) -> None:
    """MkDocs renders the pages to_render names (lang -> doc paths) into a fresh folder per language, which
    then replace the staged site's files (the search index merged, see render_site)."""
    requests = [
        render_request(
            root,
            staging / "docs" / lang,
            staging / f"partial-{lang}",
            lang,
            plan.navs[lang],
            site_url_suffix(lang, plan.languages),
            overrides=render_overrides(plan.edition, lang, plan.languages),
            only=written,
            merge_into=site_folder(plan.out / "site", lang, plan.languages),  # its search index is read
        )
        for lang, written in to_render.items()
    ]
    render_at_once(requests, progress(f"render {', '.join(to_render)}", sum(map(len, to_render.values()))), jobs)
    for lang in to_render:
        move_files_into(staging / f"partial-{lang}", site_folder(staging / "site", lang, plan.languages))


def _write_stale_docs(
    root: Path, plan: RebuildPlan, staging: Path, records: dict, dirty: set, kept: set, quads: list
) -> tuple:
    """Make the stale parts and the pages every build makes whole, write the Markdown that changed into the
    staged docs and remove the pages that are gone; (lang -> the doc paths to render, of the languages with
    anything to render: a page written or removed; the gone pages' folders, relative to the site)."""
    queries = saved_answers(root, quads)
    bench = bench_results(root)
    to_render, gone_pages = {}, []
    with GraphvizLayout(root) as layout:
        for lang in plan.languages:
            ctx, record = plan.contexts[lang], records[lang]
            ctx.layout = layout
            stale = stale_parts(record, dirty, plan.changed, kept)
            before = {path for key in stale if key in record for path in record[key][1]}
            gone = [path for i in sorted(plan.changed - kept) if i in record for path in record.pop(i)[1]]
            texts = make_parts(ctx, part_makers(ctx, home_text(root, lang, plan.languages)), stale, record)
            fixed, _ = fixed_pages(root, ctx, queries, bench)
            made = {path for _, paths in record.values() for path in paths}  # a part's page wins (the home page)
            fixed = {path: text for path, text in fixed.items() if path not in made}
            docs = staging / "docs" / lang
            written = write_changed(docs, with_diagrams({**fixed, **texts}, ctx))
            removed = sorted(set(gone) | (before - set(texts)))
            remove_files([docs / path for path in removed])
            site = site_folder(Path(), lang, plan.languages)
            gone_pages += [(site / page_url(path)).as_posix() for path in removed if not is_figures_file(path)]
            if written or removed:
                to_render[lang] = written
    return to_render, gone_pages


def write_graph_data(
    root: Path, checked, edition, site, releases: dict, languages: tuple, folder: Path, quads: list
) -> tuple:
    """The dumps of quads (to_quads of the graphs), the dataset description and the editor schemas, under
    folder as under the site (a full build and an incremental one, each in a forked child); (number of quads,
    dump name -> size)."""
    schema, mapped = checked.schema, checked.mapped
    saved = load_saved_queries(root)
    sizes = write_published_data(folder, quads, schema, edition, site, saved, releases, languages)
    write_schemas(schema, known_ids_from_records(schema, mapped.entities.values()), folder / SCHEMA_FOLDER)
    return len(quads), sizes


def _write_graph_data(root: Path, checked, plan: RebuildPlan, folder: Path, quads: list) -> tuple:
    """write_graph_data for a rebuild: each release's dumps stay as the last build wrote them (the edition,
    releases included, is in the fingerprint)."""
    return write_graph_data(root, checked, plan.edition, plan.site, plan.state.releases, plan.languages, folder, quads)


def _write_entity_data(checked, plan: RebuildPlan, site: Path) -> list:
    """The changed entities' own data files under site; the files of those that are gone (relative to it)."""
    write_entity_files(checked.schema, checked.mapped, site / ENTITY_DATA_FOLDER, sorted(plan.changed & set(checked.mapped.entities)))
    gone = sorted(plan.changed - set(checked.mapped.entities))
    return [f"{ENTITY_DATA_FOLDER}/{name}" for entity_id in gone for name in entity_file_names(entity_id)]


def _as_json(value):
    """Tuples as lists, as the state holds them once saved."""
    return json.loads(json.dumps(value))
