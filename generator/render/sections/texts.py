"""The entity's description, and its longer texts in the page language (design, mechanism, eligibility …),
one section each."""

from __future__ import annotations

from ...model.vocab import CLE
from ..escaping import block
from ..paths import follow
from ..results import comparisons
from ..values import values_of

__all__ = ["description", "unverified_of", "has_key_results"]


def unverified_of(ctx, entity_id: str) -> set:
    """The properties the entity's file lists under `unverified:`."""
    record = ctx.mapped.entities[entity_id]
    return set(ctx.graph(entity_id).objects(record.iri, CLE.unverifiedProperty))


def description(ctx, entity_id: str, after_results: bool = False) -> list:
    """The entity's description; on a page with key results it follows them (so the answer, the figure, is on
    the first screen) and this returns nothing in its own place."""
    if has_key_results(ctx, entity_id) != after_results:
        return []
    record = ctx.mapped.entities[entity_id]
    found = values_of(ctx, ctx.graph(entity_id), record.iri, record.cls.shape.properties["description"])
    return [block(str(found[0])), ""] if found else []


def has_key_results(ctx, entity_id: str) -> bool:
    """Whether the entity's page shows key results (a roll-up of that display reaches compared results)."""

    def compute():
        for rollup in ctx.class_of(entity_id).rollups:
            if rollup.display == "keyResults" and comparisons(ctx, follow(ctx, {entity_id}, rollup.path)):
                return True
        return False

    return ctx.memo(("has_key_results", entity_id), compute)
