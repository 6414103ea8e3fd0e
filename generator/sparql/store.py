"""The checked project as an in-memory Oxigraph store: the same quads the site publishes."""

from __future__ import annotations

from ..check.pipeline import check_project
from ..model.quads import open_store, prefixes_of, to_quads

__all__ = ["project_store"]


def project_store(root, shacl: bool = False) -> tuple:
    """(store, prefixes, problems) for the project under root; no store when it has problems."""
    checked = check_project(root, shacl=shacl)
    if not checked.ok:
        return None, {}, checked.problems
    return open_store(to_quads(checked.mapped.graphs)), prefixes_of(checked.schema.entity_namespace), []
