"""Validate the mapped graph against ontology/shapes.ttl with pyshacl; results become positioned problems."""

from __future__ import annotations

from rdflib import Graph

from ..model.mapped import Mapped
from ..model.problems import Position, Problem
from ..model.schema import Schema, local_name
from ..model.vocab import SH

__all__ = ["check_shapes"]


def check_shapes(schema: Schema, mapped: Mapped) -> list:
    """One problem per SHACL validation result, at the position of the offending value or key."""
    from pyshacl import validate  # takes a while to import: only when a second opinion is asked for

    data = Graph()
    for graph in mapped.dataset.graphs():
        if graph.identifier != mapped.dataset.default_graph.identifier:
            for triple in graph:
                data.add(triple)
    conforms, report, _ = validate(
        data, shacl_graph=schema.graph, ont_graph=schema.graph, inference="none", advanced=False, allow_warnings=True
    )
    if conforms:
        return []
    problems = []
    for result in report.subjects(SH.resultSeverity, SH.Violation):
        focus = report.value(result, SH.focusNode)
        path = report.value(result, SH.resultPath)
        value = report.value(result, SH.value)
        message = report.value(result, SH.resultMessage)
        position = (
            mapped.positions.get((focus, path, value))
            or mapped.positions.get((focus, path))
            or mapped.positions.get(focus)
            or Position("content", 1, 1)
        )
        key = local_name(path) if path is not None else "entity"
        problems.append(
            Problem(position, f"`{key}`: {message} (SHACL shape of this class); fix the value as the shape says")
        )
    return problems
