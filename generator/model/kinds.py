"""How a value is written in YAML and mapped to RDF: one member per kind, read off each property shape."""

from __future__ import annotations

from enum import Enum

__all__ = ["ValueKind"]


class ValueKind(Enum):
    """The kind of a YAML key's values (see the header of ontology/shapes.ttl for how a shape says which).

    >>> ValueKind.LANGMAP.is_text
    True
    >>> ValueKind("reference")
    <ValueKind.REFERENCE: 'reference'>
    """

    LANGMAP = "langmap"
    """Text in every required language, `{en: …, nl: …}` (sh:datatype rdf:langString with sh:uniqueLang)."""

    TEXT = "text"
    """Text in one language, the source's own, `{nl: …}` (sh:datatype rdf:langString)."""

    LITERAL = "literal"
    """A typed literal of the shape's XSD datatype (model/datatypes.py has one row per datatype)."""

    REFERENCE = "reference"
    """The id of another entity, of the shape's sh:class."""

    IDENTIFIER = "identifier"
    """A CURIE whose prefix the Bioregistry knows, expanded to its IRI (cle:valueKind cle:ExternalIdentifier)."""

    PROPKEY = "propkey"
    """A key of the same content file, standing for its property (cle:valueKind cle:PropertyKey)."""

    NESTED = "nested"
    """A mapping (or a list of them) whose keys are those of the shape's sh:node."""

    @property
    def is_text(self) -> bool:
        """Written as a language map (one or every language)."""
        return self in (ValueKind.LANGMAP, ValueKind.TEXT)
