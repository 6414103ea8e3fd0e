"""Checks across entities once all are mapped: every id used as a value exists and has the right class."""

from __future__ import annotations

import html
import re

from rdflib import Literal

from .load import a_or_an, did_you_mean, id_problem
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
            suggestion = did_you_mean(target_id, candidates)
            folder = f"content/{wanted.folder}/" if wanted else "content/"
            if suggestion:
                message = f"{suggestion} (it must name {a_or_an(wanted_name)} in {folder})"
            else:
                create = f", or start one with `kg new {wanted.folder} {target_id}`" if wanted and not id_problem(target_id) else ""
                message = f": no such file in {folder}; write the id of {a_or_an(wanted_name)}{create}"
            problems.append(Problem(ref.position, f"unknown id `{target_id}` in `{ref.key}`{message}"))
        elif ref.target_class not in record.cls.ancestors:
            problems.append(Problem(ref.position, f"`{target_id}` is {a_or_an(record.cls.labels.get('en', record.cls.name))}, "
                                                  f"but `{ref.key}` needs {a_or_an(wanted_name)}"))
    return problems


_LINK_TARGET = re.compile(r"\]\(\s*<?([^)\s>]*)|^\s{0,3}\[[^\]]+\]:\s*<?(\S*?)>?(?:\s|$)", re.MULTILINE)
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")


def check_text_links(mapped: Mapped) -> list:
    """Links written in Markdown text may only use http, https or mailto (never javascript: or data:)."""
    problems = []
    for s, p, o in mapped.triples():
        if not isinstance(o, Literal) or not o.language or "](" not in o and "]:" not in o:
            continue
        for match in _LINK_TARGET.finditer(str(o)):
            target = (match.group(1) or match.group(2) or "").strip()
            target = re.sub(r"\s", "", html.unescape(target))  # as a browser reads it: `&#106;ava script:` too
            scheme = _SCHEME.match(target)
            position = mapped.positions.get((s, p, o)) or mapped.positions.get(s)
            if scheme and scheme.group(1).lower() not in ("http", "https", "mailto"):
                problems.append(Problem(position, f"a link to `{scheme.group(1)}:`; only http, https and mailto links "
                                                  "are allowed, write a web address"))
            elif not scheme:  # a relative link would point into the generated site, whose layout is not the text's
                shown = target if len(target) <= 40 else target[:40] + "…"
                problems.append(Problem(position, f"a relative link `{shown}`; write a full http or https address "
                                                  "(links to other entities belong in their relation keys)"))
    return problems
