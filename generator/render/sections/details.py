"""Details: the entity's longer texts in the page language (eligibility, mechanism, design …), then every short
fact the card did not show."""

from __future__ import annotations

from ...model.kinds import ValueKind
from ...model.vocab import CLE, DCTERMS, RDFS
from ..escaping import block, inline
from ..layout import heading
from ..ui_text import ui
from ..values import values_of
from .card import card_keys, short_facts, unverified_badge
from .texts import unverified_of

__all__ = ["details"]

# Texts another section of the page shows where they are read: an outcome's note beside its figure, a derivation
# beside the figures side by side, a conflict's note under its claims.
SHOWN_BY_THEIR_SECTION = (CLE.analysisNote, CLE.derivation, CLE.conflictNote)


def details(ctx, entity_id: str) -> list:
    record = ctx.mapped.entities[entity_id]
    shown = (
        card_keys(ctx, entity_id) if record.cls.card else {spec.key for spec in record.cls.shape.properties.values()}
    )
    graph, unverified = ctx.graph(entity_id), unverified_of(ctx, entity_id)
    texts = []
    for spec in record.cls.shape.properties.values():
        if spec.kind is not ValueKind.LANGMAP or spec.key in shown:
            continue
        if spec.path in (RDFS.label, DCTERMS.description, *SHOWN_BY_THEIR_SECTION):
            continue
        found = values_of(ctx, graph, record.iri, spec)
        if found:
            flag = f" {unverified_badge(ctx.lang)}" if spec.path in unverified else ""
            texts += heading(3, inline(ctx.property_title(spec.path, spec))) + [block(str(found[0])) + flag, ""]
    facts = short_facts(ctx, entity_id, shown) if record.cls.card else []
    if not texts and not facts:
        return []
    lines = heading(2, ui("details", ctx.lang)) + texts
    if facts:  # short facts as a compact list (two columns on a wide screen), not a tall table
        lines += heading(3, ui("more_facts", ctx.lang)) + ['<div class="cle-facts" markdown>', ""]
        lines += [f"- **{name}:** {value}" for name, value in facts] + ["", "</div>", ""]
    return lines
