"""Words shared by every message and template: suggestions, articles, the placeholder of `kg new`, and how a
key's value is written, in words (the scaffold and the editor schemas say it the same way)."""

from __future__ import annotations

import difflib

from .datatypes import DATATYPES
from .kinds import ValueKind
from .schema import ClassSpec, PropertySpec, Schema
from .vocab import XSD

__all__ = [
    "did_you_mean",
    "a_or_an",
    "class_name",
    "PLACEHOLDER",
    "placeholder_message",
    "describe_value",
    "MAX_KNOWN_IDS",
]

PLACEHOLDER = "TODO"  # `kg check` refuses it with placeholder_message, so a half-filled file never builds
MAX_KNOWN_IDS = 8  # how many existing ids a reference's guidance lists


def did_you_mean(word: str, choices) -> str:
    """'; did you mean `x`?' when a close choice exists, else ''.

    >>> did_you_mean("adsDrug", ["addsDrug", "usesProtocol"])
    '; did you mean `addsDrug`?'
    >>> did_you_mean("zzz", ["addsDrug"])
    ''
    """
    choices = sorted(choices)
    swapped = [choice for choice in choices if len(choice) == len(word) and sorted(choice) == sorted(word)]
    close = swapped or difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f"; did you mean `{close[0]}`?" if close else ""


def a_or_an(noun: str) -> str:
    """The noun with the indefinite article English puts before it.

    >>> a_or_an("Gene"), a_or_an("Outcome")
    ('a Gene', 'an Outcome')
    """
    return ("an " if noun[:1].lower() in "aeiou" else "a ") + noun


def class_name(cls: ClassSpec) -> str:
    return cls.labels.get("en", cls.name)


def placeholder_message(spec: PropertySpec) -> str:
    """What `kg check` says about a value still holding the placeholder."""
    definition = spec.definitions.get("en", "")
    return (
        f"`{spec.key}` still holds the placeholder {PLACEHOLDER} from `kg new`; write the real value"
        f"{' (' + definition.rstrip('.') + ')' if definition else ''}"
    )


def _reference_words(schema: Schema, spec: PropertySpec, known_ids: dict) -> str:
    target = schema.class_of_iri(spec.target_class)
    where = f" (a file name in content/{target.folder}/ without .yaml)" if target else ""
    what = f"the id of {a_or_an(class_name(target)) if target else 'an entity'}{where}"
    ids = sorted(known_ids.get(spec.target_class, ()))
    if ids:
        shown = ", ".join(ids[:MAX_KNOWN_IDS]) + (", …" if len(ids) > MAX_KNOWN_IDS else "")
        what += f"; known: {shown}"
    return what


def _literal_words(schema: Schema, spec: PropertySpec, known_ids: dict) -> str:
    if spec.allowed:
        return f"one of: {', '.join(spec.allowed)}"
    rule = DATATYPES.get(spec.datatype)
    what = "text" if spec.datatype == XSD.string else f"{rule.name}, like {rule.example}" if rule else "a value"
    return what + (f", matching {spec.pattern}" if spec.pattern else "")


# ValueKind -> how its values are written, in words
VALUE_WORDS = {
    ValueKind.LANGMAP: lambda schema, spec, ids: (
        f"text in every language ({', '.join(schema.languages)}): "
        f"{{{', '.join(f'{lang}: …' for lang in schema.languages)}}}"
    ),
    ValueKind.TEXT: lambda schema, spec, ids: f"text in one language, written {{{schema.languages[-1]}: …}}",
    ValueKind.REFERENCE: _reference_words,
    ValueKind.IDENTIFIER: lambda schema, spec, ids: (
        "a CURIE (prefix:id) whose prefix is in the Bioregistry, such as HGNC:7132"
    ),
    ValueKind.PROPKEY: lambda schema, spec, ids: "keys of this same file",
    ValueKind.NESTED: lambda schema, spec, ids: "a list of entries, each a mapping with the keys below",
    ValueKind.LITERAL: _literal_words,
}


def describe_value(schema: Schema, spec: PropertySpec, known_ids: dict | None = None) -> str:
    """How a value of this key is written, in words (used in templates and in the editor schemas)."""
    what = VALUE_WORDS[spec.kind](schema, spec, known_ids or {})
    if not spec.kind.is_text and spec.kind is not ValueKind.NESTED:
        what += "" if spec.single else " (one value or a list)"
    return what
