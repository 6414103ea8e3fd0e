"""The parts a language's generated pages are made of, what each part read, and which parts an edit makes stale:
what lets a build redo only what changed (kept in memory by the live preview, saved in build/ by `kg build`).

A part is an entity's page (key: its id) or a page that lists across the graph (key: ("listing", name)). While
a part is made, its PageContext records what it reads (an entity's file, ("in", id) for the links into an
entity, ("members", folder) for a class list, ("members", "*") for the list of every entity). A changed file
makes stale its own id, the links into every entity it linked to before or links to now, and the lists it
joins or leaves; every part that read something stale is made again.
"""

from __future__ import annotations

from ..map.link_graph import links_of
from ..render.context import PageContext
from ..render.diagrams import figures_aside
from ..render.docs import listing_parts
from ..render.entity_page import entity_pages

__all__ = ["part_makers", "part_order", "iter_parts", "make_parts", "share_reads", "changed_ids", "linked_from", "dirty_keys", "stale_parts"]


def part_makers(ctx: PageContext, home: str | None) -> dict:
    """key -> make() -> {doc path: text}, for every part of one language (home: the hand-written home text)."""
    makers: dict = {entity_id: (lambda entity_id=entity_id: entity_pages(ctx, [entity_id])) for entity_id in ctx.mapped.entities}
    makers.update({("listing", name): make for name, make in listing_parts(ctx, home).items()})
    return makers


def part_order(keys) -> list:
    """The order parts are made in: entity pages by id, then listings by name."""
    return sorted(k for k in keys if isinstance(k, str)) + sorted(k for k in keys if not isinstance(k, str))


def iter_parts(ctx: PageContext, makers: dict, keys, record: dict):
    """Make the parts named by keys in part_order, noting in record key -> (what it read, the doc paths it
    made: its pages and their figures files); yields each part's {doc path: text}."""
    try:
        for key in part_order(keys):
            if key not in makers:
                continue
            ctx.reads = set()
            made = figures_aside(makers[key](), ctx)
            record[key] = (frozenset(ctx.reads), tuple(made))
            yield made
    finally:
        ctx.reads = None


def make_parts(ctx: PageContext, makers: dict, keys, record: dict) -> dict:
    """iter_parts as one doc path -> text."""
    texts: dict = {}
    for made in iter_parts(ctx, makers, keys, record):
        texts.update(made)
    return texts


def share_reads(records: dict) -> None:
    """Let every language's record of a part hold the first language's set of reads when they are equal (they
    nearly always are: a page reads the same things in every language), so a large build keeps one copy."""
    first = next(iter(records.values()), {})
    for record in list(records.values())[1:]:
        for key, (reads, paths) in record.items():
            same = first.get(key)
            if same is not None and same[0] == reads:
                record[key] = (same[0], paths)


def changed_ids(old, new) -> set:
    """Ids whose file was added, removed or edited between two mapped graphs. An unchanged file keeps its
    mapped part (the same objects) across checks that share a ProjectCache, so identity is enough."""
    changed = set()
    for entity_id in set(old.entities) | set(new.entities):
        before, after = old.entities.get(entity_id), new.entities.get(entity_id)
        if (
            before is None
            or after is None
            or before.path != after.path
            or before.cls is not after.cls
            or old.graph(entity_id) is not new.graph(entity_id)
        ):
            changed.add(entity_id)
    return changed


def linked_from(schema, mapped, ids) -> dict:
    """id -> (class folder, ids its file links to), for the given ids that exist in mapped."""
    return {
        entity_id: (mapped.entities[entity_id].cls.folder, sorted({t for _, t, _ in links_of(schema, mapped, entity_id)}))
        for entity_id in sorted(ids)
        if entity_id in mapped.entities
    }


def dirty_keys(changed: set, before: dict, after: dict) -> set:
    """What the changed files make stale, given id -> (class folder, ids it links to) of the changed entities
    before the edit and after it (an id missing from a side did not exist there)."""
    dirty = set(changed)
    for entity_id in changed:
        was, now = before.get(entity_id), after.get(entity_id)
        for side in (was, now):
            if side is not None:
                dirty.update(("in", target) for target in side[1])
        if was is None or now is None or was[0] != now[0]:  # it joins or leaves a class list
            dirty.update(("members", side[0]) for side in (was, now) if side is not None)
            dirty.add(("members", "*"))  # and the list of every entity
    return dirty


def stale_parts(record: dict, dirty: set, changed: set, kept: set) -> set:
    """The parts to make again: those that read something dirty and the changed entities that still exist."""
    stale = {key for key, (reads, _) in record.items() if not reads.isdisjoint(dirty)} | (changed & kept)
    return stale - (changed - kept)
