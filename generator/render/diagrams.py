"""Diagrams: an entity's nearest neighbours (capped) and how the classes link, as Mermaid text whose labels are
escaped for Mermaid."""

from __future__ import annotations

from ..model.kinds import ValueKind
from ..model.site_paths import relative_page_url
from ..model.vocab import PROV
from .escaping import mermaid_label

__all__ = ["neighbours", "neighbourhood_diagram", "class_diagram", "MAX_NEIGHBOURS"]

MAX_NEIGHBOURS = 12


def _fence(lines: list) -> list:
    return ["``` mermaid", *lines, "```", ""]


def _round_robin(ctx, edges: list) -> list:
    """Neighbours ordered so that the first few cover every kind of relation: one per property in turn."""
    groups: dict = {}
    for other, prop, outward in sorted(edges, key=lambda e: ctx.sort_key(e[0])):
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


def neighbours(ctx, entity_id: str) -> tuple:
    """(edges, neighbours in drawing order): (other, property, outward) for every link in or out except
    sources (they have their own list)."""
    edges = [
        (target, prop, True)
        for target, prop in ctx.outgoing(entity_id)
        if prop != PROV.wasDerivedFrom and target != entity_id
    ]
    edges += [
        (source, prop, False)
        for source, prop in ctx.incoming(entity_id)
        if prop != PROV.wasDerivedFrom and source != entity_id
    ]
    return edges, (_round_robin(ctx, edges) if edges else [])


def neighbourhood_diagram(ctx, entity_id: str, edges: list, kept: list) -> list:
    """A left-to-right graph of the entity and the kept neighbours, each box a link to its page."""
    node = {entity_id: "n0"} | {other: f"n{index}" for index, other in enumerate(kept, start=1)}
    doc = ctx.doc_path(entity_id)
    lines = ["graph LR"]
    for other in [entity_id] + kept:
        lines.append(f'  {node[other]}["{mermaid_label(ctx.label(other))}"]')
    for other, prop, outward in sorted(edges, key=lambda e: (node.get(e[0], "~"), str(e[1]), e[2])):
        if other not in node:
            continue
        name = mermaid_label(ctx.property_label(prop))
        start, end = (node[entity_id], node[other]) if outward else (node[other], node[entity_id])
        lines.append(f'  {start} -->|"{name}"| {end}')
    for other in kept:
        lines.append(f'  click {node[other]} href "{ctx.page_href(other, doc)}"')
    lines.append("  style n0 stroke-width:4px")
    return _fence(lines)


def class_diagram(ctx, from_doc: str) -> tuple:
    """The classes and which class links to which (from the shapes), plus the same edges as table rows."""
    classes = list(ctx.schema.classes.values())
    node = {cls.iri: f"c{index}" for index, cls in enumerate(classes)}
    lines, rows = ["graph LR"], []
    for cls in classes:
        lines.append(f'  {node[cls.iri]}["{mermaid_label(ctx.class_label(cls))}"]')
    for cls in classes:
        for spec in cls.shape.properties.values():
            if spec.kind is not ValueKind.REFERENCE or spec.target_class not in node:
                continue
            target = ctx.schema.class_of_iri(spec.target_class)
            name = ctx.property_label(spec.path, spec)
            lines.append(f'  {node[cls.iri]} -->|"{mermaid_label(name)}"| {node[spec.target_class]}')
            rows.append((cls, name, target))
    for cls in classes:
        href = relative_page_url(from_doc, f"{cls.folder}/index.md", ctx.lang, ctx.lang, ctx.languages)
        lines.append(f'  click {node[cls.iri]} href "{href}"')
    return _fence(lines), rows
