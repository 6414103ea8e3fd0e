"""What a SPARQL query returned, and a term written for people (prefix:local for an IRI, a literal's text, and
for a text table the literal's language tag or datatype)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pyoxigraph as ox

__all__ = ["QueryResult", "term_text", "tagged_text"]

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


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


def tagged_text(term, prefixes: dict) -> str:
    """A term for a text table: as term_text, with a literal's language tag or, where it is not a plain string,
    its datatype, so the English and the Dutch label (or the text "30" and the number 30) stay apart.

    >>> xsd = {"xsd": "http://www.w3.org/2001/XMLSchema#"}
    >>> tagged_text(ox.Literal("Blinatumomab", language="nl"), xsd)
    'Blinatumomab@nl'
    >>> tagged_text(ox.Literal("30", datatype=ox.NamedNode(xsd["xsd"] + "integer")), xsd)
    '30^^xsd:integer'
    >>> tagged_text(ox.Literal("page 1"), xsd)
    'page 1'
    """
    text = term_text(term, prefixes)
    if isinstance(term, ox.Literal):
        if term.language:
            return f"{text}@{term.language}"
        if term.datatype.value != XSD_STRING:
            return f"{text}^^{term_text(term.datatype, prefixes)}"
    return text
