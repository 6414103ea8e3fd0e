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
from ..model.ids import ID_PATTERN
from ..model.kinds import ValueKind
from ..model.schema import ClassSpec, PropertySpec, Schema, ShapeSpec
from ..model.wording import PLACEHOLDER, describe_value

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
NOT_PLACEHOLDER = {"not": {"const": PLACEHOLDER}}
TEXT = {"type": ["string", "number", "boolean"], "pattern": r"\S", **NOT_PLACEHOLDER}


def _documented(schema: Schema, spec: PropertySpec, value: dict, known_ids: dict) -> dict:
    """The value schema with the key's name and definition, shown on hover and in completion lists."""
    definition = spec.definitions.get("en", "")
    how = describe_value(schema, spec, known_ids)
    text = f"{definition} ({'required; ' if spec.required else ''}{how})".strip()
    return {"title": spec.labels.get("en", spec.key), "description": text, "markdownDescription": text, **value}


def _langmap(schema, spec, known_ids, shape_keys) -> dict:
    return {
        "type": "object",
        "required": list(schema.languages),
        "properties": dict.fromkeys(schema.languages, TEXT),
        "propertyNames": {"pattern": LANGUAGE_TAG},
        "additionalProperties": TEXT,
    }


def _text(schema, spec, known_ids, shape_keys) -> dict:
    return {
        "type": "object",
        "minProperties": 1,
        "maxProperties": 1,
        "propertyNames": {"pattern": LANGUAGE_TAG},
        "additionalProperties": TEXT,
    }


def _reference(schema, spec, known_ids, shape_keys) -> dict:
    ids = sorted(set(known_ids.get(spec.target_class, ())))
    return {"type": "string", "pattern": ID_PATTERN.pattern, "enum": ids}  # no ids yet: nothing is right


def _literal(schema, spec, known_ids, shape_keys) -> dict:
    if spec.allowed:
        return {"enum": list(spec.allowed)}
    rule = DATATYPES[spec.datatype]
    types = list(rule.json_types)
    value = {"type": types if len(types) > 1 else types[0], **NOT_PLACEHOLDER}
    if spec.pattern or rule.pattern:
        value["pattern"] = spec.pattern or rule.pattern
    value.update(rule.json_extra)
    return value


# ValueKind -> the JSON Schema of one value of that kind (not yet the list of them)
VALUE_SCHEMAS = {
    ValueKind.LANGMAP: _langmap,
    ValueKind.TEXT: _text,
    ValueKind.REFERENCE: _reference,
    ValueKind.IDENTIFIER: lambda schema, spec, known_ids, shape_keys: {
        "type": "string",
        "pattern": r"^(?!https?:)[A-Za-z][A-Za-z0-9._-]*:\S+$",
    },
    ValueKind.PROPKEY: lambda schema, spec, known_ids, shape_keys: {"enum": list(shape_keys)},
    ValueKind.NESTED: lambda schema, spec, known_ids, shape_keys: _object(schema, spec.nested, known_ids, shape_keys),
    ValueKind.LITERAL: _literal,
}


def _scalar(schema: Schema, spec: PropertySpec, known_ids: dict, shape_keys: tuple) -> dict:
    return VALUE_SCHEMAS[spec.kind](schema, spec, known_ids, shape_keys)


def _property(schema: Schema, spec: PropertySpec, known_ids: dict, shape_keys: tuple) -> dict:
    one = _scalar(schema, spec, known_ids, shape_keys)
    if spec.single or spec.kind.is_text:
        return _documented(schema, spec, one, known_ids)
    return _documented(schema, spec, {"anyOf": [one, {"type": "array", "items": one, "minItems": 1}]}, known_ids)


def _object(schema: Schema, shape: ShapeSpec, known_ids: dict, shape_keys: tuple) -> dict:
    return {
        "type": "object",
        "properties": {key: _property(schema, spec, known_ids, shape_keys) for key, spec in shape.properties.items()},
        "required": [key for key, spec in shape.properties.items() if spec.required],
        "additionalProperties": False,
    }


def class_schema(schema: Schema, cls: ClassSpec, known_ids: dict) -> dict:
    """The JSON Schema of content/<folder>/<id>.yaml for one class."""
    keys = tuple(cls.shape.properties)
    label = cls.labels.get("en", cls.name)
    return {
        "$schema": DIALECT,
        "title": f"{label} (content/{cls.folder}/<id>.yaml)",
        "description": cls.definitions.get("en", ""),
        **_object(schema, cls.shape, known_ids, keys),
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
        path.write_text(json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def editor_settings(schema: Schema, schema_dir: str = f"build/site/{SCHEMA_FOLDER}") -> dict:
    """The `yaml.schemas` mapping for .vscode/settings.json: each class's schema to its content folder."""
    return {f"./{schema_dir}/{folder}.schema.json": [f"content/{folder}/*.yaml"] for folder in schema.classes}
