"""Words shared by every message and template: suggestions, articles, the placeholder of `kg new`, how a
key's value is written, and what is wrong with one (`kg check`, the scaffold and the editor schemas say it the
same way; an editor, which cannot name the value, says "this value")."""

from __future__ import annotations

import difflib
import re

from .datatypes import DATATYPES
from .kinds import ValueKind
from .schema import ClassSpec, PropertySpec, Schema
from .vocab import XSD

__all__ = [
    "did_you_mean",
    "a_or_an",
    "class_name",
    "PLACEHOLDER",
    "PLACEHOLDER_PATTERN",
    "holds_placeholder",
    "placeholder_message",
    "listed",
    "not_allowed",
    "wrong_pattern",
    "language_not_allowed",
    "langmap_message",
    "text_message",
    "reference_message",
    "propkey_message",
    "nested_message",
    "empty_text",
    "not_a_language_tag",
    "not_a_curie",
    "FILE_NOT_A_MAPPING",
    "THIS_VALUE",
    "describe_value",
    "MAX_KNOWN_IDS",
]

PLACEHOLDER = "TODO"  # `kg check` refuses it with placeholder_message, so a half-filled file never builds
# The word TODO anywhere in a value, with ASCII word boundaries so Python and an editor's JavaScript agree
PLACEHOLDER_PATTERN = rf"(?<![A-Za-z0-9_]){PLACEHOLDER}(?![A-Za-z0-9_])"
THIS_VALUE = "this value"  # how an editor's message names the value it cannot quote
FILE_NOT_A_MAPPING = "the file must be a mapping of keys to values (key: value), not a list or a single value"
MAX_KNOWN_IDS = 8  # how many existing ids a reference's guidance lists


def did_you_mean(word: str, choices) -> str:
    """'; did you mean `x`?' when a close choice exists, else ''.

    >>> did_you_mean("adsDrug", ["addsDrug", "usesProtocol"])
    '; did you mean `addsDrug`?'
    >>> did_you_mean("zzz", ["addsDrug"])
    ''
    >>> did_you_mean("active", ["recruiting", "active, not recruiting"])  # the first word of a longer value
    '; did you mean `active, not recruiting`?'
    """
    choices = sorted(choices)
    swapped = [choice for choice in choices if len(choice) == len(word) and sorted(choice) == sorted(word)]
    close = swapped or difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    close = close or [choice for choice in choices if re.split(r"\W+", choice)[0] == word != choice]
    return f"; did you mean `{close[0]}`?" if close else ""


def a_or_an(noun: str) -> str:
    """The noun with the indefinite article English puts before it.

    >>> a_or_an("Gene"), a_or_an("Outcome")
    ('a Gene', 'an Outcome')
    """
    return ("an " if noun[:1].lower() in "aeiou" else "a ") + noun


def class_name(cls: ClassSpec) -> str:
    return cls.labels.get("en", cls.name)


def holds_placeholder(text: str) -> bool:
    """Whether a value still holds the placeholder of `kg new`, alone or among other words.

    >>> holds_placeholder("TODO"), holds_placeholder("Revumenib TODO"), holds_placeholder("TODOS")
    (True, True, False)
    """
    return re.search(PLACEHOLDER_PATTERN, text) is not None


def listed(values) -> str:
    """Values quoted one by one, so a value with a comma in it still reads as one.

    >>> listed(["recruiting", "active, not recruiting"])
    '`recruiting`, `active, not recruiting`'
    """
    return ", ".join(f"`{value}`" for value in values)


def not_allowed(shown: str, spec: PropertySpec, suggestion: str = "") -> str:
    """A value outside the key's sh:in list, and the values to write."""
    return f"{shown} is not allowed for `{spec.key}`{suggestion} (write one of: {listed(spec.allowed)})"


def wrong_pattern(shown: str, spec: PropertySpec) -> str:
    """A value without the form of the key's sh:pattern, and what to write (its definition)."""
    definition = spec.definitions.get("en", "")
    return (
        f"{shown} does not have the form `{spec.key}` needs (pattern {spec.pattern})"
        f"{'; write ' + definition[0].lower() + definition[1:] if definition else ''}"
    )


def _joined(languages, word: str) -> str:
    """
    >>> _joined(("en", "nl"), "and"), _joined(("en",), "or")
    ('en and nl', 'en')
    """
    return ", ".join(languages[:-1]) + f" {word} " + languages[-1] if len(languages) > 1 else languages[0]


def language_not_allowed(lang: str, spec: PropertySpec) -> str:
    """A text in a language the key is not written in (sh:languageIn, or the project's languages)."""
    word = "and" if spec.kind is ValueKind.LANGMAP else "or"
    return f"`{lang}` is not a language `{spec.key}` is written in; write `{spec.key}` in {_joined(spec.languages, word)} only"


def langmap_message(schema: Schema, spec: PropertySpec) -> str:
    """How a text in every language is written."""
    languages = spec.languages or schema.languages
    return (
        f"`{spec.key}` is text in {_joined(languages, 'and')}; write it as a map, e.g. "
        f"`{spec.key}: {{{', '.join(lang + ': …' for lang in languages)}}}`"
    )


def text_message(schema: Schema, spec: PropertySpec) -> str:
    """How a text in one language, the source's own, is written: an example in each project language."""
    examples = " or ".join(f"`{spec.key}: {{{lang}: …}}`" for lang in spec.languages or schema.languages)
    return (
        f"`{spec.key}` is text in one language, the source's own; give one language such as {examples} "
        "(translations have their own key)"
    )


def not_a_language_tag(shown: str, schema: Schema) -> str:
    return f"{shown} is not a language tag; write a code such as {' or '.join(schema.languages)}"


def not_a_curie(shown: str) -> str:
    return (
        f"{shown} is not a CURIE; write prefix:id such as `HGNC:7132` "
        "(identifiers without a registry prefix go in otherIdentifier)"
    )


def empty_text(spec: PropertySpec, lang_shown: str) -> str:
    return f"`{spec.key}` in {lang_shown} is empty; write the text"


def nested_message(spec: PropertySpec) -> str:
    """How an entry of a nested list (such as `sources`) is written."""
    first, *rest = spec.nested.properties
    return f"each entry of `{spec.key}` is a mapping; write `- {first}: …` with {', '.join(rest)} indented below it"


def reference_message(schema: Schema, spec: PropertySpec, known_ids: dict) -> str:
    """An editor's message for a value that is not a known id of the key's class."""
    return f"{THIS_VALUE} is not a known id; write {_reference_words(schema, spec, known_ids)}"


def propkey_message(cls: ClassSpec, spec: PropertySpec, value: str, stated) -> str | None:
    """Why a value of `supports` or `unverified` names no key this file states, or None when it does: either
    it is no key of the class at all, or a key of the class that this file does not state."""
    what = a_or_an(class_name(cls))
    if value not in cls.shape.properties:
        return (
            f"`{value}` is not a key of {what}{did_you_mean(value, cls.shape.properties)} "
            f"(`{spec.key}` names keys this file states: {', '.join(stated)})"
        )
    if value in stated:
        return None
    return (
        f"`{value}` is a key of {what} that this file does not state; "
        f"write `{value}:` in this file or take `{value}` out of `{spec.key}`"
    )


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
        return f"one of: {listed(spec.allowed)}"
    rule = DATATYPES.get(spec.datatype)
    what = "text" if spec.datatype == XSD.string else f"{rule.name}, like {rule.example}" if rule else "a value"
    return what + (f", matching {spec.pattern}" if spec.pattern else "")


# ValueKind -> how its values are written, in words
VALUE_WORDS = {
    ValueKind.LANGMAP: lambda schema, spec, ids: (
        f"text in every language ({', '.join(schema.languages)}): "
        f"{{{', '.join(f'{lang}: …' for lang in schema.languages)}}}"
    ),
    ValueKind.TEXT: lambda schema, spec, ids: (
        "text in one language, written " + " or ".join(f"{{{lang}: …}}" for lang in spec.languages or schema.languages)
    ),
    ValueKind.REFERENCE: _reference_words,
    ValueKind.IDENTIFIER: lambda schema, spec, ids: (
        "a CURIE (prefix:id) whose prefix is in the Bioregistry, such as HGNC:7132"
    ),
    ValueKind.PROPKEY: lambda schema, spec, ids: "keys this same file states",
    ValueKind.NESTED: lambda schema, spec, ids: "a list of entries, each a mapping with the keys below",
    ValueKind.LITERAL: _literal_words,
}


def describe_value(schema: Schema, spec: PropertySpec, known_ids: dict | None = None) -> str:
    """How a value of this key is written, in words (used in templates and in the editor schemas)."""
    what = VALUE_WORDS[spec.kind](schema, spec, known_ids or {})
    if not spec.kind.is_text and spec.kind is not ValueKind.NESTED:
        what += "" if spec.single else " (one value or a list)"
    return what
