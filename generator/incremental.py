"""The live preview's incremental rebuild.

After an edit in content/, check again (every unchanged file's parse and mapping is reused), regenerate the
pages that read what changed, write only the Markdown whose text differs, and let MkDocs re-render only
those pages (dirty builds in one worker process per language, kept loaded). Anything else that changes
(ontology/, site/, mkdocs.yml) needs the full build, which is also the fallback whenever an update fails.

Which pages to regenerate is learnt, not guessed: while a page is written, the PageWriter records what it
reads (an entity's file, the links into an entity, the list of a class or of every entity). A changed file
makes stale its own id, the links into every entity it linked to before or links to now, and the lists it
joins or leaves; every page (entity page, or a listing such as the timeline or a class index) that read
something stale is made again. The query pages run SPARQL over everything and are made on every update.
Tests hold the result to a fresh generation after each kind of edit (tests/test_incremental.py).
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

from .build import BuildResult, build_project
from .dumps import write_dumps
from .jsonld_pages import write_entity_files
from .jsonschema_export import SCHEMA_FOLDER, known_ids_from_records, write_schemas
from .linkgraph import build_link_graph, links_of, relink
from .mkdocs_adapter import RenderWorker, SiteBuildError
from .pages import PageWriter, entity_pages, home_page, listing_parts, read_site_info, site_languages
from .pipeline import ProjectCache, check_project, paused_garbage_collector
from .problems import Position, Problem
from .query_pages import query_docs
from .store import to_quads

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


def changed_ids(old, new) -> set:
    """Ids whose file was added, removed or edited between two mapped graphs. An unchanged file keeps its
    mapped part (the same objects) across checks that share a ProjectCache, so identity is enough."""
    changed = set()
    for entity_id in set(old.entities) | set(new.entities):
        before, after = old.entities.get(entity_id), new.entities.get(entity_id)
        if before is None or after is None or before.path != after.path or before.cls is not after.cls:
            changed.add(entity_id)
        elif old.graph(entity_id) is not new.graph(entity_id):
            changed.add(entity_id)
    return changed


def _page_url(doc_path: str) -> str:
    """The URL of a doc page relative to its language's site root (directory URLs): a/b.md -> a/b/."""
    return "" if doc_path == "index.md" else (doc_path[:-len("index.md")] if doc_path.endswith("/index.md")
                                               else doc_path[:-len(".md")] + "/")


class IncrementalSite:
    """A project built into out/ (docs and site), kept in memory so that a content edit updates it in place."""

    def __init__(self, root: Path, out: Path):
        self.root, self.out = root, out
        self.cache = ProjectCache()
        self.ready = False  # a full build succeeded and nothing failed since
        self.workers: dict = {}
        self.pending: list = []  # ids changed by the last update whose data files are not written yet

    # --- full build -------------------------------------------------------------------------------------

    def full_build(self) -> Update:
        """Build everything (staged, swapped in only on success), then learn what each page reads."""
        self.close()
        self.ready = False
        self.cache = ProjectCache()
        result = build_project(self.root, self.out, cache=self.cache)
        if result.problems:
            return Update(result.problems, full=True, build=result)
        checked = check_project(self.root, cache=self.cache)  # every file is cached: this only assembles
        self.schema, self.mapped = checked.schema, checked.mapped
        self.languages = site_languages(self.schema)
        self.site = read_site_info(self.root)
        self.links = build_link_graph(self.schema, self.mapped)
        self.quads: dict = {}  # graph IRI -> (triples, quads): each file converted once
        self.parts = {lang: {} for lang in self.languages}  # lang -> part -> (what it read, its doc paths)
        queries = self._queries()
        for lang in self.languages:
            writer = self._writer(lang)
            self._write_parts(writer, set(self.mapped.entities) | set(self._listings(writer)), queries[lang])
        self.workers = {lang: RenderWorker(self.root, self.out / "docs" / lang, self._site_dir(lang), lang,
                                           result.navs[lang], "" if lang == self.languages[0] else f"{lang}/")
                        for lang in self.languages}
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
        dirty = self._dirty_keys(old, new, changed)
        relink(self.links, self.schema, new, changed)
        self.mapped = new
        self.pending = sorted(set(self.pending) | changed)
        written, removed = {}, {}
        queries = self._queries()
        kept = set(new.entities)
        for lang in self.languages:
            parts = self.parts[lang]
            stale = {key for key, (reads, _) in parts.items() if not reads.isdisjoint(dirty)} | (changed & kept)
            stale -= changed - kept
            gone = [path for entity_id in sorted(changed - kept) for path in parts.pop(entity_id)[1]]
            written[lang], vanished = self._write_parts(self._writer(lang), stale, queries[lang])
            removed[lang] = self._remove_pages(lang, gone + vanished)
            # This language renders in its worker while the next one's pages are written.
            self.workers[lang].send([_page_url(path) for path in removed[lang]])
        try:
            for lang in self.languages:
                self.workers[lang].receive()
        except SiteBuildError as error:
            self.ready = False  # pages may be half rendered: the next change rebuilds everything
            return Update([Problem(Position("mkdocs.yml", 1, 1), f"the site build failed: {line}")
                           for line in str(error).splitlines() if line.strip()])
        return Update([], sorted(changed), sorted({p for paths in written.values() for p in paths}),
                      sorted({p for paths in removed.values() for p in paths}))

    def _listings(self, writer: PageWriter) -> dict:
        """("listing", name) -> make() for the pages that list across the graph, home included."""
        listings = {("listing", name): make for name, make in listing_parts(writer).items()}
        listings[("listing", "home")] = lambda: {"index.md": home_page(writer, self.root)}
        return listings

    def _queries(self) -> dict:
        """lang -> doc path -> text of the query pages: SPARQL over everything, so made on every update."""
        made = query_docs(self.root, self.schema, self.mapped, self.out / "docs", self.languages, self.quads)
        return {lang: texts for lang, (texts, _) in made.items()}

    def _write_parts(self, writer: PageWriter, keys: set, queries: dict) -> tuple[list, list]:
        """Generate the parts named by keys (entity ids, and ("listing", name) for pages that list across
        the graph), record what each read, and write the pages whose text changed, the query pages too;
        returns the doc paths written and those a part no longer makes."""
        parts = self.parts[writer.lang]
        before = {path for key in keys if key in parts for path in parts[key][1]}
        texts = dict(queries)
        for entity_id in sorted(key for key in keys if isinstance(key, str)):
            texts.update(self._record(writer, entity_id, lambda: entity_pages(writer, [entity_id])))
        for key, make in sorted(self._listings(writer).items()):
            if key in keys:
                texts.update(self._record(writer, key, make))
        vanished = sorted(path for path in before if path not in texts)
        return self._write_changed(self.out / "docs" / writer.lang, texts), vanished

    def _record(self, writer: PageWriter, key, make) -> dict:
        writer.reads = set()
        texts = make()
        self.parts[writer.lang][key] = (frozenset(writer.reads), tuple(texts))
        writer.reads = None
        return texts

    def _dirty_keys(self, old, new, changed: set) -> set:
        """What the changed files make stale (see the module docstring)."""
        dirty = set(changed)
        for entity_id in changed:
            if entity_id in self.links:  # its links before the edit
                dirty.update(("in", target) for _, target in self.links.out_edges(entity_id))
            if entity_id in new.entities:  # and after
                dirty.update(("in", target) for _, target, _ in links_of(self.schema, new, entity_id))
            before, after = old.entities.get(entity_id), new.entities.get(entity_id)
            if before is None or after is None or before.cls is not after.cls:  # it joins or leaves a class list
                dirty.update(("members", record.cls.folder) for record in (before, after) if record is not None)
                dirty.add(("members", "*"))  # and the list of every entity
        return dirty

    # --- pieces -----------------------------------------------------------------------------------------

    def _writer(self, lang: str) -> PageWriter:
        """A fresh writer per update: its per-build lookups (labels, graphs) must not outlive an edit."""
        return PageWriter(self.schema, self.mapped, self.links, lang, self.languages, self.site)

    def _site_dir(self, lang: str) -> Path:
        return self.out / "site" if lang == self.languages[0] else self.out / "site" / lang

    @staticmethod
    def _write_changed(docs: Path, texts: dict) -> list:
        """Write the texts that differ from what is on disk (MkDocs re-renders what is newer than its HTML)."""
        written = []
        for path, text in sorted(texts.items()):
            target = docs / path
            data = text.encode("utf-8")
            if target.is_file() and target.read_bytes() == data:
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            written.append(path)
        return written

    def _remove_pages(self, lang: str, paths: list) -> list:
        """Delete the Markdown and the rendered folder of pages that are gone."""
        for path in paths:
            (self.out / "docs" / lang / path).unlink(missing_ok=True)
            shutil.rmtree(self._site_dir(lang) / _page_url(path), ignore_errors=True)
        return paths

    def write_data(self) -> None:
        """The downloads after an update: the changed entities' own data files, the dumps and the editor
        schemas (after the pages, which are what the preview shows first)."""
        changed, self.pending = self.pending, []
        data = self.out / "site" / "data"
        for entity_id in changed:
            if entity_id not in self.mapped.entities:
                for ext in ("ttl", "jsonld"):
                    (data / "entities" / f"{entity_id}.{ext}").unlink(missing_ok=True)
        write_entity_files(self.schema, self.mapped, data / "entities", [i for i in changed if i in self.mapped.entities])
        write_dumps(to_quads(self.mapped.graphs, self.quads), data, self.schema.entity_namespace)
        write_schemas(self.schema, known_ids_from_records(self.schema, self.mapped.entities.values()),
                      self.out / "site" / SCHEMA_FOLDER)

    def close(self) -> None:
        for worker in self.workers.values():
            worker.close()
        self.workers = {}

