"""Mermaid diagrams: an entity's neighbourhood (capped) and the class overview; labels escaped for Mermaid."""

from __future__ import annotations

from .markdown_text import mermaid_label
from .pages import NO_SEARCH, entity_path
from .site_paths import relative_page_url
from .ui_text import ui
from .vocab import PROV

__all__ = ["neighbourhood", "class_diagram", "MAX_NEIGHBOURS"]

MAX_NEIGHBOURS = 12


def _fence(lines: list) -> list:
    return ["``` mermaid", *lines, "```", ""]


def _round_robin(writer, edges: list) -> list:
    """Neighbours ordered so that the first few cover every kind of relation: one per property in turn."""
    groups: dict = {}
    for other, prop, outward in sorted(edges, key=lambda e: (writer.label(e[0]).casefold(), e[0])):
        members = groups.setdefault((not outward, str(prop)), [])
        if other not in members:
            members.append(other)
    ordered, seen = [], set()
    queues = [groups[key] for key in sorted(groups)]
    for rank in range(max(len(q) for q in queues)):
        for queue in queues:
            if rank < len(queue) and queue[rank] not in seen:
                seen.add(queue[rank])
                ordered.append(queue[rank])
    return ordered


def neighbourhood(writer, entity_id: str) -> list:
    """A left-to-right graph of the entity and its nearest neighbours (sources left out: they have their own
    list), each box a link to its page; a sentence says where the same links are as text."""
    edges = []
    for target, prop in writer.outgoing(entity_id):
        if prop != PROV.wasDerivedFrom and target != entity_id:
            edges.append((target, prop, True))
    for source, prop in writer.incoming(entity_id):
        if prop != PROV.wasDerivedFrom and source != entity_id:
            edges.append((source, prop, False))
    if not edges:
        return []
    neighbours = _round_robin(writer, edges)
    kept = neighbours[:MAX_NEIGHBOURS]
    node = {entity_id: "n0"} | {other: f"n{index}" for index, other in enumerate(kept, start=1)}
    doc = entity_path(writer.mapped.entities[entity_id])
    lines = ["graph LR"]
    for other in [entity_id] + kept:
        lines.append(f'  {node[other]}["{mermaid_label(writer.label(other))}"]')
    for other, prop, outward in sorted(edges, key=lambda e: (node.get(e[0], "~"), str(e[1]), e[2])):
        if other not in node:
            continue
        name = mermaid_label(writer.property_label(prop))
        start, end = (node[entity_id], node[other]) if outward else (node[other], node[entity_id])
        lines.append(f'  {start} -->|"{name}"| {end}')
    for other in kept:
        lines.append(f'  click {node[other]} href "{writer.page_href(other, doc)}"')
    lines.append("  style n0 stroke-width:4px")
    note = ui("diagram_text", writer.lang)
    if len(neighbours) > MAX_NEIGHBOURS:
        note += " " + ui("diagram_capped", writer.lang, n=MAX_NEIGHBOURS)
    return [f"## {ui('neighbourhood', writer.lang)}{NO_SEARCH}", ""] + _fence(lines) + [f"*{note}*", ""]


def class_diagram(writer, from_doc: str) -> tuple:
    """The classes and which class links to which (from the shapes), plus the same edges as table rows."""
    classes = list(writer.schema.classes.values())
    node = {cls.iri: f"c{index}" for index, cls in enumerate(classes)}
    lines, rows = ["graph LR"], []
    for cls in classes:
        lines.append(f'  {node[cls.iri]}["{mermaid_label(writer.class_label(cls))}"]')
    for cls in classes:
        for spec in cls.shape.properties.values():
            if spec.kind != "reference" or spec.target_class not in node:
                continue
            target = writer.schema.class_of_iri(spec.target_class)
            name = writer.property_label(spec.path, spec)
            lines.append(f'  {node[cls.iri]} -->|"{mermaid_label(name)}"| {node[spec.target_class]}')
            rows.append((cls, name, target))
    for cls in classes:
        href = relative_page_url(from_doc, f"{cls.folder}/index.md", writer.lang, writer.lang, writer.languages)
        lines.append(f'  click {node[cls.iri]} href "{href}"')
    return _fence(lines), rows
