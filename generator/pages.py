"""Write the Markdown docs tree: one page per entity and one index per class, in every site language."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
from rdflib import Literal, URIRef

from .identifiers import compress_iri
from .linkgraph import incoming, outgoing
from .mapping import Mapped, graph_iri
from .markdown_text import block, cell, inline, url
from .schema import ClassSpec, PropertySpec, Schema
from .ui_text import ui
from .vocab import CLE, DCTERMS, PROV, RDFS, XSD

__all__ = ["PageWriter", "write_docs", "entity_path"]


def entity_path(record) -> str:
    """The page of an entity, relative to the docs root: <folder>/<id>.md (one name per thing)."""
    return f"{record.cls.folder}/{record.id}.md"


def _pick(values: dict, lang: str, fallback: str = "") -> str:
    return values.get(lang) or values.get("en") or next(iter(sorted(values.values())), fallback)


@dataclass
class PageWriter:
    """Renders pages for one language from the mapped graph, the schema and the link graph."""

    schema: Schema
    mapped: Mapped
    links: nx.MultiDiGraph
    lang: str

    # --- names ---------------------------------------------------------------------------------

    def label(self, entity_id: str) -> str:
        record = self.mapped.entities[entity_id]
        graph = self.mapped.dataset.graph(graph_iri(record.iri))
        labels = {o.language: str(o) for o in graph.objects(record.iri, RDFS.label) if isinstance(o, Literal)}
        return _pick(labels, self.lang, entity_id)

    def class_label(self, cls: ClassSpec) -> str:
        return _pick(cls.labels, self.lang, cls.name)

    def property_label(self, prop, spec: PropertySpec | None = None) -> str:
        if spec is not None and spec.labels:
            return _pick(spec.labels, self.lang, spec.key)
        return _pick(self.schema.property_labels.get(prop, {}), self.lang, str(prop).rsplit("#", 1)[-1])

    def inverse_label(self, prop) -> str:
        labels = self.schema.inverse_labels.get(prop)
        if labels:
            return _pick(labels, self.lang)
        return f"{ui('referenced_by', self.lang)}: {self.property_label(prop)}"

    def link(self, entity_id: str, from_folder: str | None) -> str:
        record = self.mapped.entities[entity_id]
        prefix = "../" if from_folder else ""
        return f"[{inline(self.label(entity_id))}]({prefix}{entity_path(record)})"

    # --- values ----------------------------------------------------------------------------------

    def render_value(self, spec: PropertySpec, value, folder: str) -> str:
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
        return inline(str(value))

    def values(self, graph, subject, spec: PropertySpec) -> list:
        found = list(graph.objects(subject, spec.path))
        if spec.kind == "langmap":
            found = [o for o in found if o.language == self.lang] or [o for o in found if o.language == "en"]
        return sorted(found, key=str)

    # --- pages -----------------------------------------------------------------------------------

    def entity_page(self, entity_id: str) -> str:
        record = self.mapped.entities[entity_id]
        graph = self.mapped.dataset.graph(graph_iri(record.iri))
        subject, folder, lang = record.iri, record.cls.folder, self.lang
        unverified = set(graph.objects(subject, CLE.unverifiedProperty))
        lines = [f"# {inline(self.label(entity_id))}", "",
                 f"*{inline(self.class_label(record.cls))}* · [{inline(ui('all_of_class', lang))}](index.md)", ""]
        description = self.values(graph, subject, record.cls.shape.properties["description"])
        if description:
            lines += [block(str(description[0])), ""]
        facts, relations = [], []
        skip = {RDFS.label, DCTERMS.description, PROV.qualifiedDerivation, CLE.unverifiedProperty}
        for spec in record.cls.shape.properties.values():
            if spec.path in skip:
                continue
            values = self.values(graph, subject, spec)
            if not values:
                continue
            rendered = " · ".join(self.render_value(spec, v, folder) for v in values)
            if spec.path in unverified:
                rendered += f" *({inline(ui('unverified', lang))})*"
            row = (inline(self.property_label(spec.path, spec)), rendered)
            (relations if spec.kind == "reference" else facts).append(row)
        if facts:
            lines += [f"| {ui('property', lang)} | {ui('value', lang)} |", "|---|---|"]
            lines += [f"| {name} | {value} |" for name, value in facts] + [""]
        if relations:
            lines += [f"## {ui('relations', lang)}", ""] + [f"- **{name}**: {value}" for name, value in relations] + [""]
        backlinks = incoming(self.links, entity_id)
        if backlinks:
            lines += [f"## {ui('referenced_by', lang)}", ""]
            grouped: dict = {}
            for prop, source in backlinks:
                grouped.setdefault(self.inverse_label(prop), []).append(self.link(source, folder))
            lines += [f"- **{inline(name)}**: {', '.join(sorted(set(items)))}" for name, items in sorted(grouped.items())] + [""]
        lines += self.sources_section(graph, record)
        return "\n".join(lines).rstrip() + "\n"

    def sources_section(self, graph, record) -> list:
        lang, folder = self.lang, record.cls.folder
        refs = sorted(graph.objects(record.iri, PROV.qualifiedDerivation), key=lambda r: int(str(r).rsplit("-", 1)[-1]))
        if not refs:
            return []
        lines = [f"## {ui('sources', lang)}", ""]
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
            quote = graph.value(ref, CLE.quote)
            if quote is not None:
                lines += ["", f"    > “{inline(str(quote))}” ({inline(quote.language or '')})"]
                translations = {o.language: str(o) for o in graph.objects(ref, CLE.quoteTranslation)}
                translation = translations.get(lang) if quote.language != lang else None
                if translation:
                    lines += ["    >", f"    > *{inline(ui('translation', lang))}:* “{inline(translation)}”"]
                lines.append("")
        return lines + [""]

    def class_index(self, cls: ClassSpec) -> str:
        lang = self.lang
        members = sorted((self.label(r.id).casefold(), r.id) for r in self.mapped.entities.values() if r.cls is cls)
        lines = [f"# {inline(self.class_label(cls))}", "", block(_pick(cls.definitions, lang)), "",
                 f"{len(members)} {ui('entities', lang)}", ""]
        lines += [f"- [{inline(self.label(i))}]({i}.md)" for _, i in members] or [ui("none_yet", lang)]
        return "\n".join(lines) + "\n"


def _copy_hand_written(site: Path, docs: Path, lang: str, languages: tuple) -> None:
    """site/ holds the English pages at its top and one folder per other language; assets are shared."""
    source = site if lang == languages[0] else site / lang
    if not source.is_dir():
        return
    for path in sorted(source.rglob("*")):
        rel = path.relative_to(source)
        if path.is_dir() or (lang == languages[0] and rel.parts[0] in languages[1:]):
            continue
        target = docs / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
    if lang != languages[0] and (site / "assets").is_dir():
        shutil.copytree(site / "assets", docs / "assets", dirs_exist_ok=True)


def site_languages(schema: Schema) -> tuple:
    """The site languages, English (the default site at /) first."""
    return tuple(sorted(schema.languages, key=lambda lang: (lang != "en", lang)))


def write_docs(schema: Schema, mapped: Mapped, links: nx.MultiDiGraph, root: Path, docs_root: Path) -> dict:
    """Write docs_root/<lang>/… for every language; returns lang -> nav (list of (title, path))."""
    navs = {}
    languages = site_languages(schema)
    for lang in languages:
        docs = docs_root / lang
        _copy_hand_written(root / "site", docs, lang, languages)
        writer = PageWriter(schema, mapped, links, lang)
        for record in mapped.entities.values():
            target = docs / entity_path(record)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(writer.entity_page(record.id), encoding="utf-8")
        nav = [(ui("home", lang), "index.md")]
        for cls in schema.classes.values():
            index = docs / cls.folder / "index.md"
            index.parent.mkdir(parents=True, exist_ok=True)
            index.write_text(writer.class_index(cls), encoding="utf-8")
            nav.append((writer.class_label(cls), f"{cls.folder}/index.md"))
        navs[lang] = nav
    return navs
