"""JSON Schemas for editors, one per class, generated from the ontology and shapes (never written by hand).

An editor with yaml-language-server (VS Code's YAML extension) uses them to complete keys and known ids,
show each key's definition on hover and flag mistakes while typing. They mirror the checker where JSON
Schema can say the same thing; `kg check` stays the authority (CURIE prefixes, real dates, Markdown links
and everything across files are checked there). Editors read YAML 1.2, where `93.3` is a number and `no` is
text, so typed values accept a number as well as text of the right form.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..load.known_ids import ids_by_class, known_ids_from_files
from ..map.mapper import LANGUAGE_TAG
from ..model.datatypes import DATATYPES
from ..model.kinds import ValueKind
from ..model.schema import ClassSpec, PropertySpec, Schema, ShapeSpec
from ..model.wording import (
    FILE_NOT_A_MAPPING,
    PLACEHOLDER_PATTERN,
    THIS_VALUE,
    a_or_an,
    class_name,
    describe_value,
    empty_text,
    langmap_message,
    listed,
    nested_message,
    not_a_curie,
    not_a_language_tag,
    not_allowed,
    placeholder_message,
    reference_message,
    text_message,
    wrong_pattern,
)
from .files import put_bytes

__all__ = [
    "class_schema",
    "all_schemas",
    "write_schemas",
    "known_ids_from_files",
    "known_ids_from_records",
    "editor_settings",
    "SCHEMA_FOLDER",
]

DIALECT = "http://json-schema.org/draft-07/schema#"
SCHEMA_FOLDER = "schemas"  # under the site root: build/site/schemas/<folder>.schema.json
CURIE_FORM = r"^(?!https?:)[A-Za-z][A-Za-z0-9._-]*:\S+$"
NO_PLACEHOLDER = f"^(?![\\s\\S]*{PLACEHOLDER_PATTERN})"  # (JSON Schema patterns apply to strings only)
NOTHING = "(?!)"  # a pattern no text matches

# yaml-language-server shows a schema's `errorMessage` instead of its own words for what fails there (type,
# enum, pattern, format, required, additionalProperties; not `not`, nor minProperties/maxProperties).
# JSON Schema draft-07 ignores unknown keywords, so other validators still agree.


def _no_placeholder(spec: PropertySpec, value: dict) -> dict:
    """The value's schema, and text holding the placeholder refused with the words `kg check` uses. (An editor
    completes values only from a schema's own keywords and allOf, not from if/then/else, so both rules apply:
    `TODO` in a typed or listed value is told both what the placeholder is and what to write.)"""
    return {**value, "allOf": [{"pattern": NO_PLACEHOLDER, "errorMessage": placeholder_message(spec)}]}


def _documented(schema: Schema, spec: PropertySpec, value: dict, known_ids: dict) -> dict:
    """The value schema with the key's name and definition, shown on hover and in completion lists."""
    definition = spec.definitions.get("en", "")
    how = describe_value(schema, spec, known_ids)
    text = f"{definition} ({'required; ' if spec.required else ''}{how})".strip()
    return {"title": spec.labels.get("en", spec.key), "description": text, "markdownDescription": text, **value}


def _one_text(spec: PropertySpec) -> dict:
    """The text in one language: not empty, not the placeholder."""
    value = {
        "type": ["string", "number", "boolean"],
        "pattern": r"\S",
        "errorMessage": empty_text(spec, "this language"),
    }
    return _no_placeholder(spec, value)


def _languages(schema: Schema, spec: PropertySpec) -> dict:
    """The keys of a language map: the languages it is written in, or any language tag."""
    if spec.languages is not None:
        return {"properties": dict.fromkeys(spec.languages, _one_text(spec)), "additionalProperties": False}
    return {
        "propertyNames": {"pattern": LANGUAGE_TAG, "errorMessage": not_a_language_tag("this key", schema)},
        "additionalProperties": _one_text(spec),
    }


def _langmap(schema, spec, known_ids, cls) -> dict:
    languages = spec.languages or schema.languages
    return {
        "type": "object",
        "required": list(languages),
        **_languages(schema, spec),
        "errorMessage": f"{langmap_message(schema, spec)}, and in no other language",
    }


def _text(schema, spec, known_ids, cls) -> dict:
    return {
        "type": "object",
        "minProperties": 1,
        "maxProperties": 1,
        **_languages(schema, spec),
        "errorMessage": text_message(schema, spec),
    }


def _reference(schema, spec, known_ids, cls) -> dict:
    ids = sorted(set(known_ids.get(spec.target_class, ())))
    message = reference_message(schema, spec, known_ids)
    if not ids:  # nothing is right yet; an empty enum would make yaml-language-server refuse the whole schema
        target = schema.class_of_iri(spec.target_class)
        start = f"; there is none yet: start one with `kg new {target.folder} <id>`" if target else ""
        return {"type": "string", "pattern": NOTHING, "errorMessage": message + start}
    # the known ids alone; without a `type` of its own, an empty value is told these words too, not the
    # editor's merged "Incorrect type" of the one-or-a-list alternatives
    return _no_placeholder(spec, {"enum": ids, "errorMessage": message})


def _literal(schema, spec, known_ids, cls) -> dict:
    if spec.allowed:
        return _no_placeholder(spec, {"enum": list(spec.allowed), "errorMessage": not_allowed(THIS_VALUE, spec)})
    rule = DATATYPES[spec.datatype]
    types = list(rule.json_types)
    value = {"type": types if len(types) > 1 else types[0]}
    if spec.pattern or rule.pattern:
        value["pattern"] = spec.pattern or rule.pattern
        value["errorMessage"] = wrong_pattern(THIS_VALUE, spec) if spec.pattern else rule.wrong_form(THIS_VALUE)
    value.update(rule.json_extra)
    return _no_placeholder(spec, value)


def _identifier(schema, spec, known_ids, cls) -> dict:
    return _no_placeholder(spec, {"type": "string", "pattern": CURIE_FORM, "errorMessage": not_a_curie(THIS_VALUE)})


def _propkey(schema, spec, known_ids, cls) -> dict:
    keys = list(cls.shape.properties)
    return {
        "enum": keys,
        "errorMessage": f"{THIS_VALUE} is not a key of {a_or_an(class_name(cls))}; `{spec.key}` names keys this "
        f"file states, of these: {listed(keys)}",
    }


def _nested(schema, spec, known_ids, cls) -> dict:
    return _object(schema, spec.nested, known_ids, cls, f"an entry of `{spec.key}`", nested_message(spec))


# ValueKind -> the JSON Schema of one value of that kind (not yet the list of them)
VALUE_SCHEMAS = {
    ValueKind.LANGMAP: _langmap,
    ValueKind.TEXT: _text,
    ValueKind.REFERENCE: _reference,
    ValueKind.IDENTIFIER: _identifier,
    ValueKind.PROPKEY: _propkey,
    ValueKind.NESTED: _nested,
    ValueKind.LITERAL: _literal,
}


def _property(schema: Schema, spec: PropertySpec, known_ids: dict, cls: ClassSpec) -> dict:
    one = VALUE_SCHEMAS[spec.kind](schema, spec, known_ids, cls)
    if spec.single or spec.kind.is_text:
        return _documented(schema, spec, one, known_ids)
    # oneOf, not anyOf: a value is one value or a list, never both, and editors title an anyOf once per branch
    many = {"type": "array", "items": one, "minItems": 1}
    return _documented(schema, spec, {"oneOf": [one, many]}, known_ids)


def _object(schema: Schema, shape: ShapeSpec, known_ids: dict, cls: ClassSpec, what: str, not_a_mapping: str) -> dict:
    """A mapping with the shape's keys. The type and the required keys are checked in their own subschemas, so
    that each failure gets its own words: the unknown-key message below is only for keys the shape lacks."""
    keys = ", ".join(shape.properties)
    return {
        "properties": {key: _property(schema, spec, known_ids, cls) for key, spec in shape.properties.items()},
        "additionalProperties": False,
        "errorMessage": f"unknown key for {what} (keys: {keys})",
        "allOf": [
            {"type": "object", "errorMessage": not_a_mapping},
            {"required": [key for key, spec in shape.properties.items() if spec.required]},
        ],
    }


def class_schema(schema: Schema, cls: ClassSpec, known_ids: dict) -> dict:
    """The JSON Schema of content/<folder>/<id>.yaml for one class."""
    label = class_name(cls)
    return {
        "$schema": DIALECT,
        "title": f"{label} (content/{cls.folder}/<id>.yaml)",
        "description": cls.definitions.get("en", ""),
        **_object(schema, cls.shape, known_ids, cls, a_or_an(label), FILE_NOT_A_MAPPING),
    }


def all_schemas(schema: Schema, known_ids: dict) -> dict:
    """folder -> JSON Schema, for every class."""
    return {folder: class_schema(schema, cls, known_ids) for folder, cls in schema.classes.items()}


def known_ids_from_records(schema: Schema, records) -> dict:
    """Class IRI -> ids, from the checked entity records of a build."""
    by_folder: dict = {}
    for record in records:
        by_folder.setdefault(record.cls.folder, []).append(record.id)
    return ids_by_class(schema, by_folder)


def write_schemas(schema: Schema, known_ids: dict, folder: Path) -> list:
    """Write <folder>/<class folder>.schema.json for every class; returns the paths written."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, value in all_schemas(schema, known_ids).items():
        path = folder / f"{name}.schema.json"
        put_bytes(path, (json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8"))
        paths.append(path)
    return paths


def editor_settings(schema: Schema, schema_dir: str = f"build/site/{SCHEMA_FOLDER}") -> dict:
    """The `yaml.schemas` mapping for .vscode/settings.json: each class's schema to its content folder."""
    return {f"./{schema_dir}/{folder}.schema.json": [f"content/{folder}/*.yaml"] for folder in schema.classes}
