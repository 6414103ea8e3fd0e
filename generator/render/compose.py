"""Fill a row template from the ontology (cle:template) with an entity's values, in the page language.

A template is text with placeholders:
  {key}                 the values of a key of the entity, shown as pages show them (joined with ', ')
  {key/other}           follow the reference `key` to each entity it names, and show that one's `other`
  {key|one|many}        the noun that agrees with the number in `key`: 'course' for 1, 'courses' otherwise
  {=name}               a value the page computes from the graph (see COMPUTED in render/sections/card.py)
  [ ... ]               an optional part, shown only when every placeholder in it has a value
Outside [ ], a placeholder without a value leaves the whole row out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["compose", "Template", "placeholders"]

_TOKEN = re.compile(r"\{([^{}]*)\}|\[|\]|[^{}\[\]]+")


@dataclass(frozen=True)
class Template:
    """A parsed template: a list of parts; a part is text, a placeholder or an optional group of parts."""

    parts: tuple


def _parse(text: str) -> Template:
    """
    >>> _parse("{a} x [{b}]").parts
    (('value', 'a'), ('text', ' x '), ('optional', (('value', 'b'),)))
    """
    stack = [[]]
    for match in _TOKEN.finditer(text):
        token = match.group(0)
        if token == "[":
            stack.append([])
        elif token == "]" and len(stack) > 1:
            group = stack.pop()
            stack[-1].append(("optional", tuple(group)))
        elif match.group(1) is not None:
            stack[-1].append(_placeholder(match.group(1)))
        else:
            stack[-1].append(("text", token))
    while len(stack) > 1:  # an unclosed [ is read as if it were closed at the end
        group = stack.pop()
        stack[-1].append(("optional", tuple(group)))
    return Template(tuple(stack[0]))


def _placeholder(inner: str) -> tuple:
    if inner.startswith("="):
        return ("computed", inner[1:])
    if "|" in inner:
        key, one, many = (inner.split("|") + ["", ""])[:3]
        return ("noun", key, one, many)
    return ("value", inner)


def placeholders(text: str) -> set:
    """The keys a template reads (the first key of a path).

    >>> sorted(placeholders("{doseAmount} {doseUnit}[, {courses} {courses|course|courses}] {publishedIn/identifiers}"))
    ['courses', 'doseAmount', 'doseUnit', 'publishedIn']
    """
    found = set()

    def collect(parts):
        for part in parts:
            if part[0] in ("value", "noun"):
                found.add(part[1].split("/", 1)[0])
            elif part[0] == "optional":
                collect(part[1])

    collect(_parse(text).parts)
    return found


def compose(text: str, values, number) -> str | None:
    """The filled template, or None when a required placeholder has no value.
    values(name, computed) -> Markdown or '' ; number(key) -> the number a noun agrees with, or None.

    >>> data = {"amount": "15", "unit": "µg/m²/day", "courses": "1"}
    >>> compose("{amount} {unit}[, {courses} {courses|course|courses}][, {missing}]",
    ...         lambda name, computed: data.get(name, ""), lambda key: float(data[key]) if key in data else None)
    '15 µg/m²/day, 1 course'
    >>> compose("{missing} x", lambda name, computed: "", lambda key: None) is None
    True
    """

    def fill(parts, optional: bool):
        out = []
        for part in parts:
            kind = part[0]
            if kind == "text":
                out.append(part[1])
            elif kind == "optional":
                filled = fill(part[1], True)
                if filled is not None:
                    out.append(filled)
            elif kind == "noun":
                amount = number(part[1])
                if amount is None:
                    return None
                out.append(part[2] if amount == 1 else part[3])
            else:
                value = values(part[1], kind == "computed")
                if not value:
                    return None
                out.append(value)
        return "".join(out)

    result = fill(_parse(text).parts, False)
    return result.strip() if result else None
