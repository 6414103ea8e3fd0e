"""Write the Markdown docs tree: one page per entity and one index per class, in every site language."""

from __future__ import annotations

import posixpath
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlencode

import networkx as nx
from rdflib import Literal, URIRef

from .identifiers import compress_iri
from .mapping import Mapped
from .markdown_text import attribute, block, front_matter, inline, url
from .schema import ClassSpec, PropertySpec, Schema
from .site_paths import relative_page_url, to_site_root
from .ui_text import DURATION_UNITS, LANGUAGE_NAMES, MONTHS, ui
from .vocab import CLE, DCTERMS, PROV, RDFS, SKOS, XSD

__all__ = ["PageWriter", "SiteInfo", "write_docs", "home_page", "entity_pages", "listing_pages", "listing_parts", "listing_nav", "read_site_info", "write_pages", "entity_path", "site_languages", "MAX_LINKS", "NO_SEARCH",
           "LIST_PAGE", "list_page_paths", "pager"]

MAX_LINKS = 40  # per relation group on a page: keeps every entity page bounded, whatever links to it
LIST_PAGE = 250  # entries per page of a long list (class index, timeline, sources): every page stays bounded
# After a generated heading: Material's search leaves the section out (attr_list), so the search index holds
# each entity page's title, description and infobox (label, synonyms, identifiers), not every list and table.
NO_SEARCH = " { data-search-exclude }"


def list_page_paths(first: str, folder: str, count: int, size: int = LIST_PAGE) -> list:
    """Doc paths of the pages a list of count entries is split into: first, then folder/2.md, folder/3.md …
    (a name starting with a digit is never an entity id, so these never clash with entity pages)."""
    pages = max(1, -(-count // size))
    return [first] + [f"{folder}/{number}.md" for number in range(2, pages + 1)]


def pager(paths: list, current: int, lang: str) -> list:
    """'Page 2 of 5: 1 · **2** · 3 …' as relative links between the pages of one list (nothing if one page)."""
    if len(paths) < 2:
        return []
    here = posixpath.dirname(paths[current])
    items = [f"**{n}**" if i == current else f"[{n}]({posixpath.relpath(p, here or '.')})"
             for i, (n, p) in enumerate(zip(range(1, len(paths) + 1), paths))]
    return [f"{ui('page_of', lang, n=current + 1, total=len(paths))}: " + " · ".join(items), ""]


def entity_path(record) -> str:
    """The page of an entity, relative to the docs root: <folder>/<id>.md (one name per thing)."""
    return f"{record.cls.folder}/{record.id}.md"


def _pick(values: dict, lang: str, fallback: str = "") -> str:
    return values.get(lang) or values.get("en") or next(iter(sorted(values.values())), fallback)


@dataclass(frozen=True)
class SiteInfo:
    """What pages need from mkdocs.yml: the repository (for edit and report links), read in one place."""

    repo_url: str = ""
    edit_uri: str = ""

    def edit_url(self, path: str) -> str:
        return f"{self.repo_url.rstrip('/')}/{self.edit_uri.strip('/')}/{quote(path)}" if self.repo_url else ""

    def issue_url(self, title: str, body: str) -> str:
        if not self.repo_url:
            return ""
        return f"{self.repo_url.rstrip('/')}/issues/new?" + urlencode({"title": title, "body": body}, quote_via=quote)


@dataclass
class PageWriter:
    """Renders pages for one language from the mapped graph, the schema and the link graph."""

    schema: Schema
    mapped: Mapped
    links: nx.MultiDiGraph
    lang: str
    languages: tuple = ("en", "nl")
    site: SiteInfo = field(default_factory=SiteInfo)

    # --- names ---------------------------------------------------------------------------------

    def read(self, key) -> None:
        """Note what the page being written depends on (when reads are recorded): an entity id (its file),
        ("in", id) for the links into an entity, ("members", folder) for the list of a class and
        ("members", "*") for the list of every entity."""
        if self.reads is not None:
            self.reads.add(key)

    def graph(self, entity_id: str):
        self.read(entity_id)
        found = self._graphs.get(entity_id)
        if found is None:
            found = self._graphs[entity_id] = self.mapped.graph(entity_id)
        return found

    def label(self, entity_id: str) -> str:
        """The entity's label in the page language (computed once per entity and language)."""
        self.read(entity_id)
        found = self._labels.get(entity_id)
        if found is None:
            record = self.mapped.entities[entity_id]
            labels = {o.language: str(o) for o in self.graph(entity_id).objects(record.iri, RDFS.label)
                      if isinstance(o, Literal)}
            found = self._labels[entity_id] = _pick(labels, self.lang, entity_id)
        return found

    def class_label(self, cls: ClassSpec) -> str:
        return _pick(cls.labels, self.lang, cls.name)

    def __post_init__(self):
        from .jsonld_pages import schema_properties

        # Shape names (sh:name) of properties such as label, description and identifiers, which are not ours.
        self.shape_labels = {spec.path: spec.labels for cls in self.schema.classes.values()
                             for spec in cls.shape.properties.values() if spec.labels}
        # Per-build lookups, filled on first use: each entity's graph and label are looked up many times.
        self._graphs: dict = {}
        self._labels: dict = {}
        self._jsonld_terms = schema_properties(self.schema)
        # Names search should find a page by (synonyms, symbols, brand names, identifiers): the ontology says
        # which, as sub-properties of skos:altLabel or dcterms:identifier.
        self._search_names = self.schema.subproperties_of(SKOS.altLabel, DCTERMS.identifier, SKOS.exactMatch)
        # The live preview sets a set here to learn what each page reads (see incremental.py).
        self.reads: set | None = None
        self._members: dict = {}
        for record in self.mapped.entities.values():
            self._members.setdefault(record.cls.folder, []).append(record.id)

    def all_entities(self) -> list:
        """(id, record) of every entity, sorted by id, for pages that list across classes."""
        self.read(("members", "*"))
        return sorted(self.mapped.entities.items())

    def members(self, cls: ClassSpec) -> list:
        """Ids of the entities of a class (computed once per build)."""
        self.read(("members", cls.folder))
        return self._members.get(cls.folder, [])

    def property_label(self, prop, spec: PropertySpec | None = None) -> str:
        if spec is not None and spec.labels:
            return _pick(spec.labels, self.lang, spec.key)
        labels = self.schema.property_labels.get(prop) or self.shape_labels.get(prop, {})
        return _pick(labels, self.lang, re.split(r"[#/]", str(prop))[-1])

    def property_title(self, prop, spec: PropertySpec | None = None) -> str:
        """The property label with a capital first letter, for headings and table rows."""
        name = self.property_label(prop, spec)
        return name[:1].upper() + name[1:]

    def inverse_label(self, prop) -> str:
        if prop == PROV.wasDerivedFrom:
            return ui("cited_by", self.lang)
        labels = self.schema.inverse_labels.get(prop)
        if labels:
            return _pick(labels, self.lang)
        return f"{ui('referenced_by', self.lang)}: {self.property_label(prop)}"

    def link(self, entity_id: str, from_folder: str | None) -> str:
        record = self.mapped.entities[entity_id]
        prefix = "../" if from_folder else ""
        return f"[{inline(self.label(entity_id))}]({prefix}{entity_path(record)})"

    def page_href(self, entity_id: str, from_doc: str) -> str:
        """A plain relative URL to an entity's page (for diagrams, which MkDocs does not rewrite)."""
        record = self.mapped.entities[entity_id]
        return relative_page_url(from_doc, entity_path(record), self.lang, self.lang, self.languages)

    # --- values ----------------------------------------------------------------------------------

    def value(self, entity_id: str, prop):
        """The first value of prop on an entity (sorted), or None."""
        record = self.mapped.entities[entity_id]
        found = sorted(self.graph(entity_id).objects(record.iri, prop), key=str)
        return found[0] if found else None

    def targets(self, entity_id: str, prop) -> list:
        """Ids of entities an entity links to by prop, sorted."""
        record = self.mapped.entities[entity_id]
        ids = (self.schema.entity_id(o) for o in self.graph(entity_id).objects(record.iri, prop))
        return sorted(i for i in ids if i in self.mapped.entities)

    def incoming(self, entity_id: str) -> list:
        """(source id, property) of every link into an entity, sorted (from the link graph)."""
        self.read(("in", entity_id))
        return sorted((source, key) for source, _, key in self.links.in_edges(entity_id, keys=True))

    def outgoing(self, entity_id: str) -> list:
        """(target id, property) of every link out of an entity, sorted (from the link graph)."""
        self.read(entity_id)
        return sorted((target, key) for _, target, key in self.links.out_edges(entity_id, keys=True))

    def sources_of(self, entity_id: str, prop) -> list:
        """Ids of entities that link to this one by prop, sorted."""
        return sorted({source for source, key in self.incoming(entity_id) if key == prop})

    def number(self, text) -> str:
        """A decimal in the page language (a decimal comma in Dutch)."""
        return str(text).replace(".", ",") if self.lang == "nl" else str(text)

    def date(self, literal) -> str:
        """A date or year in words of the page language."""
        text = str(literal)
        if getattr(literal, "datatype", None) == XSD.date and len(text) == 10:
            year, month, day = text.split("-")
            return f"{int(day)} {MONTHS[self.lang][int(month) - 1]} {year}"
        return text

    def duration(self, text: str) -> str:
        """P2Y -> '2 years' / '2 jaar'."""
        parts, number = [], ""
        for char in str(text)[1:]:
            if char.isdigit():
                number += char
            elif char in DURATION_UNITS and number:
                singular, plural = DURATION_UNITS[char][self.lang]
                parts.append(f"{number} {singular if number == '1' else plural}")
                number = ""
        return " ".join(parts) or str(text)

    def render_value(self, spec: PropertySpec, value, folder: str | None) -> str:
        if isinstance(value, URIRef):
            entity_id = self.schema.entity_id(value)
            if entity_id is not None and entity_id in self.mapped.entities:
                return self.link(entity_id, folder)
            if spec.kind == "identifier":
                curie = compress_iri(str(value)) or str(value)
                return f"[{inline(curie)}]({url(str(value))})"
            if spec.kind == "propkey":
                return inline(self.property_label(value))
            return inline(str(value))
        if spec.datatype == XSD.anyURI:
            return f"[{inline(str(value))}]({url(str(value))})"
        if spec.datatype in (XSD.date,):
            return inline(self.date(value))
        if spec.datatype == XSD.duration:
            return inline(self.duration(value))
        if spec.datatype == XSD.decimal:
            return inline(self.number(value))
        return inline(str(value))

    def values(self, graph, subject, spec: PropertySpec) -> list:
        found = list(graph.objects(subject, spec.path))
        if spec.kind == "langmap":
            found = [o for o in found if o.language == self.lang] or [o for o in found if o.language == "en"]
        return sorted(found, key=str)

    # --- pages -----------------------------------------------------------------------------------

    def page_meta(self, doc_path: str, title: str | None = None) -> dict:
        """Front matter every generated page carries: an HTML-safe title and the link to the other language."""
        meta = {}
        if title is not None:
            meta["title"] = attribute(title)
        others = [lang for lang in self.languages if lang != self.lang]
        meta["cle_languages"] = [{"href": relative_page_url(doc_path, doc_path, self.lang, other, self.languages),
                                  "lang": other, "name": LANGUAGE_NAMES.get(other, other)} for other in others]
        return meta

    def entity_meta(self, entity_id: str) -> dict:
        from .jsonld_pages import entity_jsonld

        record = self.mapped.entities[entity_id]
        doc = entity_path(record)
        meta = self.page_meta(doc, self.label(entity_id))
        data = f"{to_site_root(doc, self.lang, self.languages)}data/entities/{entity_id}"
        meta["cle_data"] = [{"href": f"{data}.ttl", "type": "text/turtle", "name": "Turtle"},
                            {"href": f"{data}.jsonld", "type": "application/ld+json", "name": "JSON-LD"}]
        meta["cle_jsonld"] = entity_jsonld(self.schema, self.mapped, entity_id, self._jsonld_terms)
        meta["search"] = {"boost": self.search_boost(entity_id)}
        meta["tags"] = self.search_names(entity_id)
        page = doc[:-3] + "/"
        edit = self.site.edit_url(record.path)
        if edit:
            meta["cle_edit"] = {"href": attribute(edit), "label": ui("edit", self.lang)}
            body = ui("report_body", self.lang, page=page, file=record.path)
            issue = self.site.issue_url(ui("report_title", self.lang, id=entity_id), body)
            meta["cle_report"] = {"href": attribute(issue), "label": ui("report", self.lang)}
        return meta

    def search_names(self, entity_id: str) -> list:
        """Synonyms, symbols, brand names and identifiers (as CURIEs), indexed as search tags: an exact name
        outranks a word in a longer title."""
        record = self.mapped.entities[entity_id]
        graph = self.graph(entity_id)
        names = set()
        for prop in self._search_names:
            for value in graph.objects(record.iri, prop):
                names.add(compress_iri(str(value)) or str(value) if isinstance(value, URIRef) else str(value))
        return sorted(names)

    def search_boost(self, entity_id: str) -> float:
        """Pages more entities link to (sources not counted) rank higher in search: 1 to 5, by log2 of in-degree."""
        degree = sum(1 for _, key in self.incoming(entity_id) if key != PROV.wasDerivedFrom)
        return float(min(5, 1 + degree.bit_length()))

    def entity_page(self, entity_id: str) -> str:
        from .class_sections import class_sections
        from .diagrams import neighbourhood

        record = self.mapped.entities[entity_id]
        graph = self.graph(entity_id)
        subject, lang = record.iri, self.lang
        unverified = set(graph.objects(subject, CLE.unverifiedProperty))
        lines = [front_matter(self.entity_meta(entity_id)).rstrip("\n"), "",
                 f"# {inline(self.label(entity_id))}", "",
                 f"*{inline(self.class_label(record.cls))}* · [{inline(ui('all_of_class', lang))}](index.md)", ""]
        if unverified:
            names = ", ".join(sorted(self.property_label(p) for p in unverified))
            lines += [f'!!! warning "{ui("unverified_title", lang)}"', "",
                      f"    {inline(ui('unverified_text', lang))} {inline(names)}", ""]
        description = self.values(graph, subject, record.cls.shape.properties["description"])
        if description:
            lines += [block(str(description[0])), ""]
        lines += self.infobox(entity_id, graph, unverified)
        lines += self.text_sections(entity_id, graph, unverified)
        for section in class_sections(self, entity_id):
            lines += section
        lines += self.relations(entity_id, graph, unverified)
        lines += neighbourhood(self, entity_id)
        lines += self.sources_section(graph, record)
        lines += self.data_links(entity_id)
        return "\n".join(lines).rstrip() + "\n"

    def infobox(self, entity_id: str, graph, unverified: set) -> list:
        """Class, identifiers and every short fact (and single-valued relation) as a two-column table."""
        record = self.mapped.entities[entity_id]
        folder, lang = record.cls.folder, self.lang
        rows = [(ui("class", lang), f"[{inline(self.class_label(record.cls))}](index.md)")]
        skip = {RDFS.label, DCTERMS.description, PROV.qualifiedDerivation, CLE.unverifiedProperty}
        for spec in record.cls.shape.properties.values():
            if spec.path in skip or spec.kind == "langmap" or (spec.kind == "reference" and not spec.single):
                continue
            values = self.values(graph, record.iri, spec)
            if not values:
                continue
            rendered = " · ".join(self.render_value(spec, v, folder) for v in values)
            if spec.path in unverified:
                rendered += f" *({inline(ui('unverified', lang))})*"
            name = ui("identifiers", lang) if spec.kind == "identifier" else self.property_label(spec.path, spec)
            rows.append((inline(name), rendered))
        lines = [f"| {ui('property', lang)} | {ui('value', lang)} |", "|---|---|"]
        return lines + [f"| {name} | {value} |" for name, value in rows] + [""]

    def text_sections(self, entity_id: str, graph, unverified: set) -> list:
        """Longer texts in the page language (design, mechanism, eligibility …), one section each."""
        record = self.mapped.entities[entity_id]
        lines = []
        for spec in record.cls.shape.properties.values():
            if spec.kind != "langmap" or spec.path in (RDFS.label, DCTERMS.description):
                continue
            values = self.values(graph, record.iri, spec)
            if not values:
                continue
            flag = f" *({inline(ui('unverified', self.lang))})*" if spec.path in unverified else ""
            lines += [f"## {inline(self.property_title(spec.path, spec))}{NO_SEARCH}", "", block(str(values[0])) + flag, ""]
        return lines

    def more(self, ids: list, shown: int, folder: str | None) -> str:
        """'and N more' for the ids not shown, linked to where they are all listed: their class index
        (or the overview of every class, when they are of several classes); '' when none are left out."""
        rest = len(ids) - shown
        if rest <= 0:
            return ""
        folders = {self.mapped.entities[i].cls.folder for i in ids}
        target = f"{folders.pop()}/index.md" if len(folders) == 1 else "overview.md"
        return f"[{ui('more', self.lang, n=rest)}]({'../' if folder else ''}{target})"

    def capped(self, ids: list, folder: str | None) -> str:
        """Links to ids, at most MAX_LINKS, then 'and N more' (linked)."""
        shown = [self.link(i, folder) for i in sorted(ids, key=lambda i: (self.label(i).casefold(), i))[:MAX_LINKS]]
        rest = self.more(ids, MAX_LINKS, folder)
        return ", ".join(shown) + (f", {rest}" if rest else "")

    def relations(self, entity_id: str, graph, unverified: set) -> list:
        """Outgoing relations by property (schema order), then incoming ones by inverse label."""
        record = self.mapped.entities[entity_id]
        folder, lang = record.cls.folder, self.lang
        out = []
        for spec in record.cls.shape.properties.values():
            if spec.kind != "reference" or spec.single:
                continue
            ids = self.targets(entity_id, spec.path)
            if ids:
                flag = f" *({inline(ui('unverified', lang))})*" if spec.path in unverified else ""
                out.append(f"- **{inline(self.property_title(spec.path, spec))}**: {self.capped(ids, folder)}{flag}")
        grouped: dict = {}
        for source, prop in self.incoming(entity_id):
            if prop != PROV.wasDerivedFrom:  # who cites a publication: its own table, with locators
                grouped.setdefault(self.inverse_label(prop), set()).add(source)
        back = [f"- **{inline(name)}**: {self.capped(sorted(ids), folder)}" for name, ids in sorted(grouped.items())]
        if not out and not back:
            return []
        lines = [f"## {ui('relations', lang)}{NO_SEARCH}", ""]
        if out:
            lines += [f"### {ui('links_out', lang)}{NO_SEARCH}", ""] + out + [""]
        if back:
            lines += [f"### {ui('referenced_by', lang)}{NO_SEARCH}", ""] + back + [""]
        return lines

    def source_refs(self, entity_id: str) -> list:
        """The entity's source reference nodes in written order."""
        record = self.mapped.entities[entity_id]
        return sorted(self.graph(entity_id).objects(record.iri, PROV.qualifiedDerivation),
                      key=lambda r: int(str(r).rsplit("-", 1)[-1]))

    def quote_lines(self, graph, ref, indent: str = "    ") -> list:
        """The quote of a source reference (and our translation into the page language) as a block quote."""
        quote_text = graph.value(ref, CLE.quote)
        if quote_text is None:
            return []
        lines = ["", f"{indent}> “{inline(str(quote_text))}” ({inline(quote_text.language or '')})"]
        translations = {o.language: str(o) for o in graph.objects(ref, CLE.quoteTranslation)}
        translation = translations.get(self.lang) if quote_text.language != self.lang else None
        if translation:
            lines += [f"{indent}>", f"{indent}> *{inline(ui('translation', self.lang))}:* “{inline(translation)}”"]
        return lines + [""]

    def sources_section(self, graph, record) -> list:
        lang, folder = self.lang, record.cls.folder
        refs = self.source_refs(record.id)
        if not refs:
            return []
        lines = [f"## {ui('sources', lang)}{NO_SEARCH}", ""]
        for number, ref in enumerate(refs, start=1):
            source = graph.value(ref, PROV.entity)
            source_id = self.schema.entity_id(source)
            parts = [self.link(source_id, folder) if source_id in self.mapped.entities else inline(str(source))]
            locator = graph.value(ref, CLE.locator)
            if locator is not None:
                parts.append(inline(str(locator)))
            supports = sorted(self.property_label(p) for p in graph.objects(ref, CLE.supports))
            if supports:
                parts.append(f"{ui('supports', lang)}: {inline(', '.join(supports))}")
            confidence = graph.value(ref, CLE.confidence)
            if confidence is not None:
                parts.append(f"*{inline(str(confidence))}*")
            lines.append(f"{number}. " + " — ".join(parts))
            lines += self.quote_lines(graph, ref)
        return lines + [""]

    def data_links(self, entity_id: str) -> list:
        """Links to this entity's own Turtle and JSON-LD files (raw HTML: MkDocs does not know data/)."""
        record = self.mapped.entities[entity_id]
        data = f"{to_site_root(entity_path(record), self.lang, self.languages)}data/entities/{entity_id}"
        links = " · ".join(f'<a href="{data}.{ext}" type="{kind}">{name}</a>'
                           for ext, kind, name in (("ttl", "text/turtle", "Turtle"),
                                                   ("jsonld", "application/ld+json", "JSON-LD")))
        return [f"## {ui('downloads', self.lang)}{NO_SEARCH}", "", f'<p class="cle-data">{links}</p>', ""]

    def class_index(self, cls: ClassSpec) -> dict:
        """doc path -> text: the class index, split into pages of LIST_PAGE members (folder/2.md …)."""
        lang = self.lang
        members = sorted((self.label(i).casefold(), i) for i in self.members(cls))
        paths = list_page_paths(f"{cls.folder}/index.md", cls.folder, len(members))
        pages = {}
        for number, path in enumerate(paths):
            chunk = members[number * LIST_PAGE:(number + 1) * LIST_PAGE]
            title = self.class_label(cls) if number == 0 else f"{self.class_label(cls)} ({number + 1})"
            meta = self.page_meta(path, None if number == 0 else title)
            if number:
                meta["search"] = {"exclude": True}
            lines = [front_matter(meta).rstrip("\n"), "", f"# {inline(title)}", ""]
            if number == 0:
                lines += [block(_pick(cls.definitions, lang)), ""]
            lines += [f"## {len(members)} {ui('entities', lang)}{NO_SEARCH}", ""] + pager(paths, number, lang)
            lines += [f"- [{inline(self.label(i))}]({i}.md)" for _, i in chunk] or [ui("none_yet", lang)]
            pages[path] = "\n".join(lines + [""] + pager(paths, number, lang)).rstrip() + "\n"
        return pages


def _copy_hand_written(site: Path, docs: Path, lang: str, languages: tuple) -> None:
    """site/ holds the English pages at its top and one folder per other language; assets are shared.
    overrides/ (theme templates) stays out of the docs tree."""
    source = site if lang == languages[0] else site / lang
    if not source.is_dir():
        return
    for path in sorted(source.rglob("*")):
        rel = path.relative_to(source)
        if path.is_dir() or (lang == languages[0] and rel.parts[0] in languages[1:] + ("overrides",)):
            continue
        target = docs / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
    if lang != languages[0] and (site / "assets").is_dir():
        shutil.copytree(site / "assets", docs / "assets", dirs_exist_ok=True)


def _add_front_matter(docs: Path, writer: PageWriter) -> None:
    """Give hand-written pages without front matter the language switch (their text is left as it is)."""
    for path in sorted(docs.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        if text.startswith("---"):
            continue
        rel = path.relative_to(docs).as_posix()
        path.write_text(front_matter(writer.page_meta(rel)) + text, encoding="utf-8")


def site_languages(schema: Schema) -> tuple:
    """The site languages, English (the default site at /) first."""
    return tuple(sorted(schema.languages, key=lambda lang: (lang != "en", lang)))


def read_site_info(root: Path) -> SiteInfo:
    """The repository URL and edit path, from mkdocs.yml (the one place they are written)."""
    from .mkdocs_adapter import read_site_config

    config = read_site_config(root)
    return SiteInfo(str(config.get("repo_url") or ""), str(config.get("edit_uri") or ""))


def write_docs(schema: Schema, mapped: Mapped, links: nx.MultiDiGraph, root: Path, docs_root: Path) -> dict:
    """Write docs_root/<lang>/… for every language; returns lang -> nav (list of (title, path))."""
    navs = {}
    languages = site_languages(schema)
    site = read_site_info(root)
    for lang in languages:
        docs = docs_root / lang
        _copy_hand_written(root / "site", docs, lang, languages)
        writer = PageWriter(schema, mapped, links, lang, languages, site)
        write_pages(docs, {"index.md": home_page(writer, root)})
        _add_front_matter(docs, writer)
        write_pages(docs, entity_pages(writer, sorted(mapped.entities)))
        pages, navs[lang] = listing_pages(writer)
        write_pages(docs, pages)
    return navs


def home_page(writer: PageWriter, root: Path) -> str:
    """The hand-written home text of the language (a bare title if there is none), then the generated part."""
    languages = writer.languages
    source = root / "site" if writer.lang == languages[0] else root / "site" / writer.lang
    home = source / "index.md"
    text = home.read_text(encoding="utf-8").rstrip() if home.is_file() else f"# {ui('home', writer.lang)}"
    text = text + "\n\n" + "\n".join(_explore(writer))
    return text if text.startswith("---") else front_matter(writer.page_meta("index.md")) + text


def entity_pages(writer: PageWriter, ids) -> dict:
    """doc path -> text of the pages of the given entities."""
    return {entity_path(writer.mapped.entities[entity_id]): writer.entity_page(entity_id) for entity_id in ids}


def listing_parts(writer: PageWriter) -> dict:
    """name -> make(), where make() returns doc path -> text: the overview, timeline, sources and each class
    index (a long list is split into several pages)."""
    from .overview import overview_page
    from .sources_page import sources_page
    from .timeline import timeline_page

    parts = {"overview": lambda: {"overview.md": overview_page(writer)},
             "timeline": lambda: timeline_page(writer),  # timeline.md, then timeline/2.md … when the list is long
             "sources": lambda: sources_page(writer)}
    for cls in writer.schema.classes.values():
        parts[f"class:{cls.folder}"] = lambda cls=cls: writer.class_index(cls)
    return parts


def listing_nav(writer: PageWriter) -> list:
    """The generated part of the navigation: home, overview, timeline, sources and every class."""
    lang = writer.lang
    nav = [(ui(name, lang), f"{'index' if name == 'home' else name}.md")
           for name in ("home", "overview", "timeline", "sources")]
    return nav + [(writer.class_label(cls), f"{cls.folder}/index.md") for cls in writer.schema.classes.values()]


def listing_pages(writer: PageWriter) -> tuple[dict, list]:
    """Every listing page (doc path -> text) and the nav they make."""
    pages = {}
    for make in listing_parts(writer).values():
        pages.update(make())
    return pages, listing_nav(writer)


def write_pages(docs: Path, pages: dict) -> None:
    """Write doc path -> text under docs."""
    for path, text in pages.items():
        target = docs / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


def _explore(writer: PageWriter) -> list:
    """A generated section under the hand-written home text: where to go next, with counts."""
    lang = writer.lang
    lines = [f"## {ui('explore', lang)}", ""]
    lines += [f"- [{ui(name, lang)}]({name}.md)" for name in ("overview", "timeline", "sources")]
    for cls in writer.schema.classes.values():
        count = len(writer.members(cls))
        if count:
            lines.append(f"- [{inline(writer.class_label(cls))}]({cls.folder}/index.md) ({count})")
    return lines + [""]
