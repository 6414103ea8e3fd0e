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

from .load import ID_PATTERN
from .mapping import LANGUAGE_TAG
from .scaffold import PLACEHOLDER, describe_value
from .schema import ClassSpec, PropertySpec, Schema, ShapeSpec
from .vocab import XSD

__all__ = ["class_schema", "all_schemas", "write_schemas", "known_ids_from_files", "known_ids_from_records",
           "editor_settings", "SCHEMA_FOLDER"]

DIALECT = "http://json-schema.org/draft-07/schema#"
SCHEMA_FOLDER = "schemas"  # under the site root: build/site/schemas/<folder>.schema.json

# XSD datatype -> JSON types an editor may read the value as, and the form the text must have.
DATATYPE_FORMS = {
    XSD.string: (["string", "number", "boolean"], None),
    XSD.integer: (["string", "integer"], r"^-?\d+$"),
    XSD.decimal: (["string", "number"], r"^-?\d+(\.\d+)?$"),
    XSD.date: (["string"], r"^\d{4}-\d{2}-\d{2}$"),
    XSD.gYear: (["string", "integer"], r"^\d{4}$"),
    XSD.boolean: (["string", "boolean"], r"^(true|false)$"),
    XSD.anyURI: (["string"], r"^(https?://|mailto:)[^\s<>\"'`\\]{2,}$"),
    XSD.duration: (["string"], r"^P(?=\d)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?$"),
}
NOT_PLACEHOLDER = {"not": {"const": PLACEHOLDER}}
TEXT = {"type": ["string", "number", "boolean"], "pattern": r"\S", **NOT_PLACEHOLDER}


def _documented(schema: Schema, spec: PropertySpec, value: dict, known_ids: dict) -> dict:
    """The value schema with the key's name and definition, shown on hover and in completion lists."""
    definition = spec.definitions.get("en", "")
    how = describe_value(schema, spec, known_ids)
    text = f"{definition} ({'required; ' if spec.required else ''}{how})".strip()
    return {"title": spec.labels.get("en", spec.key), "description": text, "markdownDescription": text, **value}


def _scalar(schema: Schema, spec: PropertySpec, known_ids: dict, shape_keys: tuple) -> dict:
    """The schema of one value of a key (not yet the list of them)."""
    if spec.kind == "langmap":
        return {"type": "object", "required": list(schema.languages),
                "properties": {lang: TEXT for lang in schema.languages},
                "propertyNames": {"pattern": LANGUAGE_TAG}, "additionalProperties": TEXT}
    if spec.kind == "text":
        return {"type": "object", "minProperties": 1, "maxProperties": 1,
                "propertyNames": {"pattern": LANGUAGE_TAG}, "additionalProperties": TEXT}
    if spec.kind == "reference":
        ids = sorted(set(known_ids.get(spec.target_class, ())))
        return {"type": "string", "pattern": ID_PATTERN.pattern, "enum": ids}  # no ids yet: nothing is right
    if spec.kind == "identifier":
        return {"type": "string", "pattern": r"^(?!https?:)[A-Za-z][A-Za-z0-9._-]*:\S+$"}
    if spec.kind == "propkey":
        return {"enum": list(shape_keys)}
    if spec.kind == "nested":
        return _object(schema, spec.nested, known_ids, shape_keys)
    if spec.allowed:
        return {"enum": list(spec.allowed)}
    types, pattern = DATATYPE_FORMS[spec.datatype]
    value = {"type": types if len(types) > 1 else types[0], **NOT_PLACEHOLDER}
    if spec.pattern or pattern:
        value["pattern"] = spec.pattern or pattern
    if spec.datatype == XSD.gYear:
        value.update(minimum=1000, maximum=9999)
    if spec.datatype == XSD.date:
        value["format"] = "date"
    return value


def _property(schema: Schema, spec: PropertySpec, known_ids: dict, shape_keys: tuple) -> dict:
    one = _scalar(schema, spec, known_ids, shape_keys)
    if spec.single or spec.kind in ("langmap", "text"):
        return _documented(schema, spec, one, known_ids)
    return _documented(schema, spec, {"anyOf": [one, {"type": "array", "items": one, "minItems": 1}]}, known_ids)


def _object(schema: Schema, shape: ShapeSpec, known_ids: dict, shape_keys: tuple) -> dict:
    return {"type": "object",
            "properties": {key: _property(schema, spec, known_ids, shape_keys) for key, spec in shape.properties.items()},
            "required": [key for key, spec in shape.properties.items() if spec.required],
            "additionalProperties": False}


def class_schema(schema: Schema, cls: ClassSpec, known_ids: dict) -> dict:
    """The JSON Schema of content/<folder>/<id>.yaml for one class."""
    keys = tuple(cls.shape.properties)
    label = cls.labels.get("en", cls.name)
    return {"$schema": DIALECT, "title": f"{label} (content/{cls.folder}/<id>.yaml)",
            "description": cls.definitions.get("en", ""), **_object(schema, cls.shape, known_ids, keys)}


def all_schemas(schema: Schema, known_ids: dict) -> dict:
    """folder -> JSON Schema, for every class."""
    return {folder: class_schema(schema, cls, known_ids) for folder, cls in schema.classes.items()}


def _ids_by_class(schema: Schema, ids_by_folder: dict) -> dict:
    known: dict = {}
    for folder, cls in schema.classes.items():
        for ancestor in cls.ancestors:
            known.setdefault(ancestor, []).extend(ids_by_folder.get(folder, ()))
    return {cls: sorted(ids) for cls, ids in known.items()}


def known_ids_from_files(root: Path, schema: Schema) -> dict:
    """Class IRI -> ids of the content files of that class or a subclass, from file names alone (so the
    schemas can be written while some content is broken)."""
    return _ids_by_class(schema, {folder: [p.stem for p in (root / "content" / folder).glob("*.yaml")
                                           if ID_PATTERN.match(p.stem)] for folder in schema.classes})


def known_ids_from_records(schema: Schema, records) -> dict:
    """Class IRI -> ids, from the checked entity records of a build."""
    by_folder: dict = {}
    for record in records:
        by_folder.setdefault(record.cls.folder, []).append(record.id)
    return _ids_by_class(schema, by_folder)


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
