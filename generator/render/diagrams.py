"""Diagrams as Graphviz DOT: an entity's nearest neighbours (capped) and how the classes link. A page holds a
placeholder where each diagram goes; the layout engine (renderer/graphviz.py, handed to the context) draws the
DOT, and fill_diagrams() puts the cleaned, accessible SVG in its place: in the figures file beside the page
(figures_aside), which MkDocs never parses; the rendered page takes it in (see model/figures.py)."""

from __future__ import annotations

import re

from ..model.figures import digest_of, figure_line, figures_path, marker
from ..model.kinds import ValueKind
from ..model.site_paths import relative_page_url
from ..model.vocab import PROV
from .escaping import attribute, dot_string

__all__ = [
    "neighbours",
    "neighbourhood_dot",
    "class_dot",
    "place",
    "figures_aside",
    "fill_diagrams",
    "figure",
    "MAX_NEIGHBOURS",
]

MAX_NEIGHBOURS = 12
LABEL_WIDTH = 26  # characters per line in a box: long labels wrap instead of widening the diagram
PLACEHOLDER = re.compile(r"<!--kg-diagram (\d+)-->")
STYLE = (
    'graph [rankdir=LR, bgcolor="transparent", pad=0.05, nodesep=0.12, ranksep=0.45, fontname="Helvetica"];\n'
    'node [shape=box, style="filled", fillcolor="#eef0f8", color="#3f51b5", fontcolor="#1a1a1a", '
    'fontname="Helvetica", fontsize=12, margin="0.10,0.05", height=0.3];\n'
    'edge [color="#6b6b6b", fontcolor="#333333", fontname="Helvetica", fontsize=12, arrowsize=0.6];\n'
)


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


def neighbourhood_dot(ctx, entity_id: str, edges: list, kept: list) -> str:
    """A left-to-right graph of the entity and the kept neighbours, each box a link to its page."""
    node = {entity_id: "n0"} | {other: f"n{index}" for index, other in enumerate(kept, start=1)}
    doc = ctx.doc_path(entity_id)
    lines = [
        "digraph neighbourhood {",
        STYLE,
        f'n0 [label={dot_string(ctx.label(entity_id), LABEL_WIDTH)}, penwidth=2.5, fillcolor="#c5cae9"];',
    ]
    for other in kept:
        lines.append(
            f"{node[other]} [label={dot_string(ctx.label(other), LABEL_WIDTH)}, "
            f"URL={dot_string(ctx.page_href(other, doc))}, tooltip={dot_string(ctx.label(other))}];"
        )
    for other, prop, outward in sorted(edges, key=lambda e: (node.get(e[0], "~"), str(e[1]), e[2])):
        if other not in node:
            continue
        start, end = ("n0", node[other]) if outward else (node[other], "n0")
        lines.append(f"{start} -> {end} [label={dot_string(ctx.property_label(prop), 18)}];")
    return "\n".join(lines + ["}"])


def class_dot(ctx, from_doc: str) -> tuple:
    """The classes and which class links to which (from the shapes) as DOT, plus the same edges as table rows."""
    classes = list(ctx.schema.classes.values())
    node = {cls.iri: f"c{index}" for index, cls in enumerate(classes)}
    lines, rows = ["digraph classes {", STYLE], []
    for cls in classes:
        href = relative_page_url(from_doc, f"{cls.folder}/index.md", ctx.lang, ctx.lang, ctx.languages)
        lines.append(
            f"{node[cls.iri]} [label={dot_string(ctx.class_label(cls), LABEL_WIDTH)}, URL={dot_string(href)}];"
        )
    pairs: dict = {}  # (from, to) -> property names: one arrow per pair of classes keeps the picture legible
    for cls in classes:
        for spec in cls.shape.properties.values():
            if spec.kind is not ValueKind.REFERENCE or spec.target_class not in node:
                continue
            name = ctx.property_label(spec.path, spec)
            pairs.setdefault((node[cls.iri], node[spec.target_class]), []).append(name)
            rows.append((cls, name, ctx.schema.class_of_iri(spec.target_class)))
    for (source, target), names in pairs.items():
        lines.append(f"{source} -> {target} [label={dot_string(', '.join(names), 18)}];")
    return "\n".join(lines + ["}"]), rows


def place(ctx, dot: str, title: str, description: str, figure_id: str) -> list:
    """Hand a diagram to the layout engine; the Markdown lines that stand where its figure will go."""
    key = ctx.layout.submit(dot)
    ctx.drawings[key] = (title, description, figure_id, digest_of(dot, title, description, figure_id))
    return [f"<!--kg-diagram {key}-->", ""]


def figures_aside(made: dict, ctx) -> dict:
    """A part's pages with each diagram's placeholder moved to a figures file beside its page, a marker in its
    place (see model/figures.py); the placeholders there are filled like a page's (fill_diagrams)."""
    pages = {}
    for path, text in made.items():
        keys = [int(key) for key in PLACEHOLDER.findall(text)] if isinstance(text, str) else []
        if not keys:
            pages[path] = text
            continue
        pages[path] = PLACEHOLDER.sub(lambda match: marker(ctx.drawings[int(match.group(1))][3]), text)
        pages[figures_path(path)] = "".join(
            figure_line(ctx.drawings[key][3], f"<!--kg-diagram {key}-->") + "\n" for key in keys
        )
    return pages


_DROPPED = re.compile(
    r"<\?xml[^>]*>|<!DOCTYPE[^>]*>|<!--.*?-->|<title>[^<]*</title>|<polygon fill=\"white\"[^>]*/>", re.S
)


# Attributes Graphviz writes that the page does not use: ids (they would clash between figures), classes,
# fonts (set by the site's CSS) and whitespace handling.
_UNUSED = re.compile(
    r' (?:id="(?:graph|node|edge|a_node|a_edge)\d+"|class="(?:graph|node|edge)"|font-family="[^"]*"|'
    r'xml:space="preserve")'
)


def figure(svg: str, title: str, description: str, figure_id: str) -> str:
    """Graphviz's SVG as one line of HTML: prolog, comments, its own titles and background dropped, a title and
    description of ours first (for screen readers), sized by CSS."""
    svg = _DROPPED.sub("", svg)
    svg = re.sub(r">\s+<", "><", svg).strip().replace("\n", " ")
    svg = _UNUSED.sub("", svg)
    svg = re.sub(r"(\d+\.\d)\d+", r"\1", svg)  # a tenth of a point is finer than any screen shows
    svg = svg.replace(" xlink:href=", " href=")  # SVG 2's plain href: a link every crawler and browser follows
    svg = svg.replace(
        "<svg ",
        f'<svg class="cle-graph" role="group" aria-labelledby="{figure_id}-t" aria-describedby="{figure_id}-d" ',
        1,
    )
    head = (
        f'<title id="{figure_id}-t">{attribute(title)}</title><desc id="{figure_id}-d">{attribute(description)}</desc>'
    )
    svg = re.sub(r"(<svg[^>]*>)", lambda m: m.group(1) + head, svg, count=1)
    # tabindex: a wide diagram scrolls sideways, and keyboard users must be able to scroll it too
    return f'<figure class="cle-diagram" tabindex="0">{svg}</figure>'


def fill_diagrams(text: str, ctx) -> str:
    """A page's text with every diagram placeholder replaced by its drawn figure."""
    if "<!--kg-diagram " not in text:
        return text

    def drawn(match) -> str:
        key = int(match.group(1))
        title, description, figure_id, _ = ctx.drawings.pop(key)
        return figure(ctx.layout.svg(key), title, description, figure_id)

    return PLACEHOLDER.sub(drawn, text)
