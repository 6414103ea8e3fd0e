"""Checks across entities once all are mapped: every id used as a value exists and has the right class."""

from __future__ import annotations

import re

from rdflib import Literal

from .load import did_you_mean
from .mapping import Mapped
from .problems import Problem
from .schema import Schema, local_name

__all__ = ["check_references", "check_text_links"]


def check_references(schema: Schema, mapped: Mapped) -> list:
    """A problem for each reference to an id that does not exist or is of the wrong class."""
    problems = []
    ids_by_class: dict = {}
    for record in mapped.entities.values():
        for ancestor in record.cls.ancestors:
            ids_by_class.setdefault(ancestor, []).append(record.id)
    for ref in mapped.references:
        target_id = schema.entity_id(ref.target)
        wanted = schema.class_of_iri(ref.target_class)
        wanted_name = wanted.labels.get("en", wanted.name) if wanted else local_name(ref.target_class)
        record = mapped.entities.get(target_id)
        if record is None:
            candidates = ids_by_class.get(ref.target_class, [])
            problems.append(Problem(ref.position, f"unknown id `{target_id}` in `{ref.key}`{did_you_mean(target_id, candidates)}"
                                                  f" (it must name a {wanted_name} file in content/)"))
        elif ref.target_class not in record.cls.ancestors:
            problems.append(Problem(ref.position, f"`{target_id}` is a {record.cls.labels.get('en', record.cls.name)}, but "
                                                  f"`{ref.key}` needs a {wanted_name}"))
    return problems


_LINK_TARGET = re.compile(r"\]\(\s*<?([^)\s>]*)|^\s{0,3}\[[^\]]+\]:\s*<?(\S*?)>?(?:\s|$)", re.MULTILINE)
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")


def check_text_links(mapped: Mapped) -> list:
    """Links written in Markdown text may only use http, https or mailto (never javascript: or data:)."""
    problems = []
    for s, p, o in mapped.dataset.triples((None, None, None)):
        if not isinstance(o, Literal) or not o.language or "](" not in o and "]:" not in o:
            continue
        for match in _LINK_TARGET.finditer(str(o)):
            target = (match.group(1) or match.group(2) or "").strip()
            scheme = _SCHEME.match(target)
            if scheme and scheme.group(1).lower() not in ("http", "https", "mailto"):
                position = mapped.positions.get((s, p, o)) or mapped.positions.get(s)
                problems.append(Problem(position, f"a link to `{scheme.group(1)}:`; only http, https and mailto links "
                                                  "are allowed, write a web address"))
    return problems
