"""The live preview's incremental rebuild.

After an edit in content/, check again (every unchanged file's parse and mapping is reused), regenerate the
pages that read what changed, write only the Markdown whose text differs, and let MkDocs re-render only
those pages (dirty builds in one worker process per language, kept loaded). Anything else that changes
(ontology/, site/, mkdocs.yml) needs the full build, which is also the fallback whenever an update fails.

Which pages to regenerate is learnt, not guessed, as `kg build` does between builds (build/parts.py): each
part records what it reads, and the parts that read what an edit made stale are made again. The query pages
run SPARQL over everything and are made on every update. The preview changes build/ in place without the
state `kg build` saves, so it forgets that state: the next `kg build` after a preview is a full one.
Tests hold the result to a fresh generation after each kind of edit (tests/test_incremental.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..build import BuildResult, build_project, edition_of, saved_answers, site_context
from ..build.parts import changed_ids, dirty_keys, linked_from, make_parts, part_makers, stale_parts
from ..check.pipeline import ProjectCache, check_project, paused_garbage_collector
from ..load.saved_queries import load_saved_queries
from ..load.site_pages import has_page, home_text
from ..map.link_graph import relink
from ..model.figures import is_figures_file
from ..model.formats import ENTITY_DATA_FOLDER
from ..model.problems import Position, Problem
from ..model.quads import prefixes_of, to_quads
from ..model.site_paths import page_url, site_folder, site_url_suffix
from ..render.context import PageContext
from ..render.diagrams import fill_diagrams
from ..render.footer import render_overrides
from ..render.query_pages import PLAYGROUND_PAGE, query_docs
from ..renderer.graphviz import GraphvizLayout
from ..renderer.mkdocs_adapter import SiteBuildError
from ..renderer.worker import RenderWorker
from ..write.build_state import forget_build_state
from ..write.editor_schemas import SCHEMA_FOLDER, known_ids_from_records, write_schemas
from ..write.entity_files import remove_entity_files, write_entity_files
from ..write.files import remove_files, write_changed
from ..write.published_data import write_published_data

__all__ = ["Update", "IncrementalSite", "changed_ids"]


@dataclass
class Update:
    """What one rebuild did: its problems (none when it went well), the entities whose files changed, the
    doc pages rewritten and removed, and whether it was a full build."""

    problems: list
    changed: list = field(default_factory=list)
    pages: list = field(default_factory=list)
    removed: list = field(default_factory=list)
    full: bool = False
    build: BuildResult | None = None


class IncrementalSite:
    """A project built into out/ (docs and site), kept in memory so that a content edit updates it in place."""

    def __init__(self, root: Path, out: Path):
        self.root, self.out = root, out
        self.cache = ProjectCache()
        self.ready = False  # a full build succeeded and nothing failed since
        self.workers: dict = {}
        self.pending: list = []  # ids changed by the last update whose data files are not written yet
        self.layout = None  # the diagram layout engine, kept running between updates

    # --- full build -------------------------------------------------------------------------------------

    def full_build(self) -> Update:
        """Build everything (staged, swapped in only on success), then learn what each page reads."""
        self.close()
        self.ready = False
        self.cache = ProjectCache()
        result = build_project(self.root, self.out, cache=self.cache, incremental=False)
        if result.problems:
            return Update(result.problems, full=True, build=result)
        forget_build_state(self.out)  # the updates below change build/ without it
        checked = check_project(self.root, cache=self.cache)  # every file is cached: this only assembles
        self.schema, self.mapped = checked.schema, checked.mapped
        self.site, self.languages, self.links = site_context(self.root, checked)
        self.layout = GraphvizLayout(self.root)
        self.edition = edition_of(self.root, checked)  # git history and releases: unchanged by an edit
        self.release_dumps = result.release_dumps
        self.quads: dict = {}  # graph IRI -> (triples, quads): each file converted once
        self.parts = {lang: {} for lang in self.languages}  # lang -> part -> (what it read, its doc paths)
        queries = self._queries()
        for lang in self.languages:
            ctx = self._context(lang)
            self._write_parts(ctx, set(self._makers(ctx)), queries[lang])
        self.workers = {
            lang: RenderWorker(
                self.root,
                self.out / "docs" / lang,
                self._site_dir(lang),
                lang,
                result.navs[lang],
                site_url_suffix(lang, self.languages),
                render_overrides(self.edition, lang, self.languages),
            )
            for lang in self.languages
        }
        for worker in self.workers.values():  # loads MkDocs in the workers now, not at the first edit
            worker.send()
        for worker in self.workers.values():
            worker.receive()
        self.ready = True
        return Update([], sorted(self.mapped.entities), full=True, build=result)

    # --- update ---------------------------------------------------------------------------------------

    def update(self) -> Update:
        """Bring the built site's pages up to date with content/ (a full build when there is no good build
        to update); write_data() then brings the downloads up to date."""
        if not self.ready:
            return self.full_build()
        with paused_garbage_collector():  # a full collection over the whole graph would cost more than the update
            return self._update()

    def _update(self) -> Update:
        checked = check_project(self.root, cache=self.cache)
        if checked.problems:
            return Update(checked.problems)
        old, new = self.mapped, checked.mapped
        changed = changed_ids(old, new)
        if not changed:
            return Update([])
        dirty = dirty_keys(changed, linked_from(self.schema, old, changed), linked_from(self.schema, new, changed))
        relink(self.links, self.schema, new, changed)
        self.mapped = new
        self.pending = sorted(set(self.pending) | changed)
        written, removed = {}, {}
        queries = self._queries()
        kept = set(new.entities)
        for lang in self.languages:
            parts = self.parts[lang]
            stale = stale_parts(parts, dirty, changed, kept)
            gone = [path for entity_id in sorted(changed - kept) for path in parts.pop(entity_id)[1]]
            written[lang], vanished = self._write_parts(self._context(lang), stale, queries[lang])
            removed[lang] = self._remove_pages(lang, gone + vanished)
            # This language renders in its worker while the next one's pages are written.
            self.workers[lang].send([page_url(path) for path in removed[lang]])
        try:
            for lang in self.languages:
                self.workers[lang].receive()
        except SiteBuildError as error:
            self.ready = False  # pages may be half rendered: the next change rebuilds everything
            return Update(
                [
                    Problem(Position("mkdocs.yml", 1, 1), f"the site build failed: {line}")
                    for line in str(error).splitlines()
                    if line.strip()
                ]
            )
        return Update(
            [],
            sorted(changed),
            sorted({p for paths in written.values() for p in paths if not is_figures_file(p)}),
            sorted({p for paths in removed.values() for p in paths}),
        )

    def _makers(self, ctx: PageContext) -> dict:
        """part key -> make() of every part of one language (see build/parts.py)."""
        return part_makers(ctx, home_text(self.root, ctx.lang, self.languages))

    def _queries(self) -> dict:
        """lang -> doc path -> text of the query pages: SPARQL over everything, so made on every update."""
        saved, results = saved_answers(self.root, to_quads(self.mapped.graphs, self.quads))
        prefixes = prefixes_of(self.schema.entity_namespace)
        made = {}
        for lang in self.languages:
            has_playground = has_page(self.root, lang, self.languages, PLAYGROUND_PAGE)
            made[lang] = query_docs(saved, results, self._context(lang), prefixes, has_playground)
        return made

    def _write_parts(self, ctx: PageContext, keys: set, queries: dict) -> tuple[list, list]:
        """Generate the parts named by keys, record what each read, and write the pages whose text changed,
        the query pages too; returns the doc paths written and those a part no longer makes."""
        parts = self.parts[ctx.lang]
        before = {path for key in keys if key in parts for path in parts[key][1]}
        texts = dict(queries)
        texts.update(make_parts(ctx, self._makers(ctx), keys, parts))
        vanished = sorted(path for path in before if path not in texts)
        texts = {path: fill_diagrams(text, ctx) for path, text in texts.items()}
        return write_changed(self.out / "docs" / ctx.lang, texts), vanished

    # --- pieces -----------------------------------------------------------------------------------------

    def _context(self, lang: str) -> PageContext:
        """A fresh context per update: its per-build lookups (labels, graphs) must not outlive an edit."""
        return PageContext(
            self.schema, self.mapped, self.links, lang, self.languages, self.site, self.layout, edition=self.edition
        )

    def _site_dir(self, lang: str) -> Path:
        return site_folder(self.out / "site", lang, self.languages)

    def _remove_pages(self, lang: str, paths: list) -> list:
        """Delete the Markdown (figures files too) and the rendered folder of pages that are gone; the pages."""
        pages = [path for path in paths if not is_figures_file(path)]
        remove_files(
            [self.out / "docs" / lang / path for path in paths]
            + [self._site_dir(lang) / page_url(path) for path in pages]
        )
        return pages

    def write_data(self) -> None:
        """The downloads after an update: the changed entities' own data files, the dumps with the dataset
        description and the editor schemas (after the pages, which are what the preview shows first)."""
        changed, self.pending = self.pending, []
        entities = self.out / "site" / ENTITY_DATA_FOLDER
        for entity_id in changed:
            if entity_id not in self.mapped.entities:
                remove_entity_files(entities, entity_id)
        write_entity_files(self.schema, self.mapped, entities, [i for i in changed if i in self.mapped.entities])
        write_published_data(
            self.out / "site",
            to_quads(self.mapped.graphs, self.quads),
            self.schema,
            self.edition,
            self.site,
            load_saved_queries(self.root),
            self.release_dumps,
            self.languages,
        )
        write_schemas(
            self.schema,
            known_ids_from_records(self.schema, self.mapped.entities.values()),
            self.out / "site" / SCHEMA_FOLDER,
        )

    def close(self) -> None:
        if self.layout is not None:
            self.layout.close()
            self.layout = None
        for worker in self.workers.values():
            worker.close()
        self.workers = {}
