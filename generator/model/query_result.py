"""What a SPARQL query returned, and a term written for people (prefix:local for an IRI, a literal's text)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pyoxigraph as ox

__all__ = ["QueryResult", "term_text"]


@dataclass
class QueryResult:
    """What a query returned: kind 'select' (variables, rows), 'ask' (boolean) or 'graph' (triples)."""

    kind: str
    variables: list = field(default_factory=list)
    rows: list = field(default_factory=list)  # lists of terms, None where unbound
    boolean: bool | None = None
    triples: list = field(default_factory=list)
    truncated: bool = False


def term_text(term, prefixes: dict) -> str:
    """A term for people: an IRI as prefix:local when a prefix fits, a literal as its text."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        for name, namespace in sorted(prefixes.items(), key=lambda item: -len(item[1])):
            local = term.value[len(namespace) :]
            if term.value.startswith(namespace) and re.fullmatch(r"[\w\-]*", local):
                return f"{name}:{local}"
        return f"<{term.value}>"
    if isinstance(term, ox.Literal):
        return term.value
    return str(term)
