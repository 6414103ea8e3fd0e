"""Checks across entities once all are mapped: every id used as a value exists and has the right class."""

from __future__ import annotations

from ..model.ids import id_problem
from ..model.mapped import Mapped
from ..model.problems import Problem
from ..model.schema import Schema, local_name
from ..model.wording import a_or_an, did_you_mean

__all__ = ["check_references"]


def check_references(schema: Schema, mapped: Mapped) -> list:
    """A problem for each reference to an id that does not exist or is of the wrong class."""
    problems = []
    ids_by_class: dict = {}
    for record in mapped.entities.values():
        for ancestor in record.cls.ancestors:
            ids_by_class.setdefault(ancestor, []).append(record.id)
    for ref in mapped.references:
        target_id = schema.entity_id(ref.target)
        record = mapped.entities.get(target_id)
        if record is not None and ref.target_class in record.cls.ancestors:
            continue  # the usual case, kept cheap: a large tree has tens of thousands of references
        wanted = schema.class_of_iri(ref.target_class)
        wanted_name = wanted.labels.get("en", wanted.name) if wanted else local_name(ref.target_class)
        if record is None:
            candidates = ids_by_class.get(ref.target_class, [])
            suggestion = did_you_mean(target_id, candidates)
            folder = f"content/{wanted.folder}/" if wanted else "content/"
            if suggestion:
                message = f"{suggestion} (it must name {a_or_an(wanted_name)} in {folder})"
            else:
                create = (
                    f", or start one with `kg new {wanted.folder} {target_id}`"
                    if wanted and not id_problem(target_id)
                    else ""
                )
                message = f": no such file in {folder}; write the id of {a_or_an(wanted_name)}{create}"
            problems.append(Problem(ref.position, f"unknown id `{target_id}` in `{ref.key}`{message}"))
        else:
            problems.append(
                Problem(
                    ref.position,
                    f"`{target_id}` is {a_or_an(record.cls.labels.get('en', record.cls.name))}, "
                    f"but `{ref.key}` needs {a_or_an(wanted_name)}",
                )
            )
    return problems
