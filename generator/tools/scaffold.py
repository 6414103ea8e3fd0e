"""Start a new entity file: every key of its class as commented guidance from the schema, TODO where values go."""

from __future__ import annotations

from pathlib import Path

from ..load.known_ids import content_files, known_ids_from_files
from ..model.ids import id_problem, id_skeleton
from ..model.kinds import ValueKind
from ..model.schema import ClassSpec, PropertySpec, Schema
from ..model.wording import PLACEHOLDER, class_name, describe_value, did_you_mean
from ..write.files import write_files

__all__ = ["resolve_class", "template", "new_entity"]


def resolve_class(schema: Schema, name: str) -> tuple[ClassSpec | None, str | None]:
    """The class a folder name, class name or English label stands for (any case), or what to write instead."""
    wanted = name.strip().casefold()
    for cls in schema.classes.values():
        if wanted in (cls.folder.casefold(), cls.name.casefold(), class_name(cls).casefold()):
            return cls, None
    choices = [cls.folder for cls in schema.classes.values()]
    return None, (
        f"unknown class `{name}`{did_you_mean(wanted, choices + [c.name.casefold() for c in schema.classes.values()])}"
        f" (write a folder name: {', '.join(choices)})"
    )


def _guidance(schema: Schema, spec: PropertySpec, known_ids: dict, lead: str = "# ") -> list:
    """Two comment lines: the key, its names and definition; then how its value is written."""
    label = spec.labels.get("en", spec.key)
    names = [label] if label != spec.key else []
    names += [spec.labels[lang] for lang in schema.languages if spec.labels.get(lang, label) not in (label, spec.key)]
    definition = spec.definitions.get("en", "")
    head = f"{spec.key}{' (required)' if spec.required else ''}" + (f": {' / '.join(names)}" if names else "")
    return [
        f"{lead}{head}{' — ' + definition if definition else ''}",
        f"{lead}  {describe_value(schema, spec, known_ids)}",
    ]


def _value_lines(schema: Schema, spec: PropertySpec, indent: str) -> list:
    """`key: TODO` in the shape the key takes; a nested list gets one entry with its required keys."""
    head = f"{indent}{spec.key}:"
    if spec.kind is ValueKind.LANGMAP:
        return [head] + [f"{indent}  {lang}: {PLACEHOLDER}" for lang in schema.languages]
    if spec.kind is ValueKind.TEXT:
        return [f"{head} {{{schema.languages[0]}: {PLACEHOLDER}}}"]
    if spec.kind is ValueKind.NESTED:
        lines = [head]
        for number, child in enumerate(s for s in spec.nested.properties.values() if s.required):
            child_lines = _value_lines(schema, child, indent + "    ")
            if number == 0:
                child_lines[0] = indent + "  - " + child_lines[0].lstrip()
            lines += child_lines
        return lines
    return [f"{head} {PLACEHOLDER}"]


def template(schema: Schema, cls: ClassSpec, entity_id: str, known_ids: dict | None = None) -> str:
    """The text of a new entity file: required keys with TODO values, then every optional key commented out."""
    known_ids = known_ids or {}
    specs = list(cls.shape.properties.values())
    required = [s for s in specs if s.required]
    optional = [s for s in specs if not s.required]
    lines = [
        f"# {class_name(cls)}: {cls.definitions.get('en', '')}".rstrip(),
        f"# Started with `kg new {cls.folder} {entity_id}`. Replace every {PLACEHOLDER}, uncomment the optional",
        "# keys you use and delete the rest, then run `kg check`. How to cite sources: CONTRIBUTING.md.",
        "",
    ]
    for spec in required:
        lines += _guidance(schema, spec, known_ids)
        if spec.kind is ValueKind.NESTED:
            for child in spec.nested.properties.values():
                lines += _guidance(schema, child, known_ids, "#     ")
        lines += _value_lines(schema, spec, "") + [""]
    if optional:
        lines += ["# Optional keys: uncomment (delete the leading `# `) the ones you use.", ""]
    for spec in optional:
        lines += _guidance(schema, spec, known_ids)
        lines += ["# " + line for line in _value_lines(schema, spec, "")] + [""]
    return "\n".join(lines).rstrip("\n") + "\n"


def new_entity(root: Path, schema: Schema, class_text: str, entity_id: str) -> tuple[Path | None, str | None]:
    """Write content/<folder>/<id>.yaml from the template; or return why not (and write nothing)."""
    cls, problem = resolve_class(schema, class_text)
    if problem:
        return None, problem
    problem = id_problem(entity_id)
    if problem:
        return None, problem.replace("the file name", "the id").replace("; rename the file to `", "; use `").replace(
            ".yaml`", "`"
        )
    skeleton = id_skeleton(entity_id)
    for stem, rel in content_files(root):
        if id_skeleton(stem) == skeleton:
            same = "is taken by" if stem == entity_id else "looks the same as the id of"
            return None, f"the id `{entity_id}` {same} {rel}; ids are unique across content/, choose another"
    rel = f"content/{cls.folder}/{entity_id}.yaml"
    write_files(root, {rel: template(schema, cls, entity_id, known_ids_from_files(root, schema))})
    return root / rel, None
