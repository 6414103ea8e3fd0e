"""Follow a parsed SHACL property path (from a roll-up in ontology/) from entities to the entities it reaches."""

from __future__ import annotations

__all__ = ["follow"]


def follow(ctx, entity_ids: set, path: tuple) -> set:
    """The entities a parsed SHACL path reaches from entity_ids (reads are recorded as the steps are taken:
    a forward step reads the entity's file, an inverse step the links into it)."""
    kind, part = path
    if kind == "iri":
        return {target for entity_id in entity_ids for target in ctx.targets(entity_id, part)}
    if kind == "inverse":
        if part[0] != "iri":  # ^(a/b) is ^b/^a
            return follow(ctx, entity_ids, _inverted(part))
        return {source for entity_id in entity_ids for source in ctx.sources_of(entity_id, part[1])}
    if kind == "sequence":
        reached = set(entity_ids)
        for step in part:
            reached = follow(ctx, reached, step)
        return reached
    return set().union(*(follow(ctx, entity_ids, alternative) for alternative in part))


def _inverted(path: tuple) -> tuple:
    kind, part = path
    if kind == "iri":
        return ("inverse", path)
    if kind == "inverse":
        return part
    if kind == "sequence":
        return ("sequence", tuple(_inverted(step) for step in reversed(part)))
    return ("alternative", tuple(_inverted(alternative) for alternative in part))
