"""Start a new entity file: every key of its class as commented guidance from the schema, TODO where values go."""

from __future__ import annotations

from pathlib import Path

from .literals import DATATYPES
from .load import ID_PATTERN, a_or_an, did_you_mean, id_problem, id_skeleton
from .schema import ClassSpec, PropertySpec, Schema
from .vocab import XSD

__all__ = ["PLACEHOLDER", "placeholder_message", "resolve_class", "describe_value", "template", "new_entity"]

PLACEHOLDER = "TODO"  # `kg check` refuses it with placeholder_message, so a half-filled file never builds
MAX_KNOWN_IDS = 8  # how many existing ids a reference's guidance lists


def placeholder_message(spec: PropertySpec) -> str:
    """What `kg check` says about a value still holding the placeholder."""
    definition = spec.definitions.get("en", "")
    return (f"`{spec.key}` still holds the placeholder {PLACEHOLDER} from `kg new`; write the real value"
            f"{' (' + definition.rstrip('.') + ')' if definition else ''}")


def class_name(cls: ClassSpec) -> str:
    return cls.labels.get("en", cls.name)


def resolve_class(schema: Schema, name: str) -> tuple[ClassSpec | None, str | None]:
    """The class a folder name, class name or English label stands for (any case), or what to write instead."""
    wanted = name.strip().casefold()
    for cls in schema.classes.values():
        if wanted in (cls.folder.casefold(), cls.name.casefold(), class_name(cls).casefold()):
            return cls, None
    choices = [cls.folder for cls in schema.classes.values()]
    return None, (f"unknown class `{name}`{did_you_mean(wanted, choices + [c.name.casefold() for c in schema.classes.values()])}"
                  f" (write a folder name: {', '.join(choices)})")


def describe_value(schema: Schema, spec: PropertySpec, known_ids: dict | None = None) -> str:
    """How a value of this key is written, in words (used in templates and in the editor schemas)."""
    languages = ", ".join(schema.languages)
    if spec.kind == "langmap":
        what = f"text in every language ({languages}): {{{', '.join(f'{lang}: …' for lang in schema.languages)}}}"
    elif spec.kind == "text":
        what = f"text in one language, written {{{schema.languages[-1]}: …}}"
    elif spec.kind == "reference":
        target = schema.class_of_iri(spec.target_class)
        where = f" (a file name in content/{target.folder}/ without .yaml)" if target else ""
        what = f"the id of {a_or_an(class_name(target)) if target else 'an entity'}{where}"
        ids = sorted((known_ids or {}).get(spec.target_class, ()))
        if ids:
            shown = ", ".join(ids[:MAX_KNOWN_IDS]) + (", …" if len(ids) > MAX_KNOWN_IDS else "")
            what += f"; known: {shown}"
    elif spec.kind == "identifier":
        what = "a CURIE (prefix:id) whose prefix is in the Bioregistry, such as HGNC:7132"
    elif spec.kind == "propkey":
        what = "keys of this same file"
    elif spec.kind == "nested":
        what = "a list of entries, each a mapping with the keys below"
    elif spec.allowed:
        what = f"one of: {', '.join(spec.allowed)}"
    else:
        rule = DATATYPES.get(spec.datatype)
        what = "text" if spec.datatype == XSD.string else f"{rule.name}, like {rule.example}" if rule else "a value"
        if spec.pattern:
            what += f", matching {spec.pattern}"
    if spec.kind not in ("langmap", "text", "nested"):
        what += "" if spec.single else " (one value or a list)"
    return what


def _guidance(schema: Schema, spec: PropertySpec, known_ids: dict, lead: str = "# ") -> list:
    """Two comment lines: the key, its names and definition; then how its value is written."""
    label = spec.labels.get("en", spec.key)
    names = [label] if label != spec.key else []
    names += [spec.labels[lang] for lang in schema.languages if spec.labels.get(lang, label) not in (label, spec.key)]
    definition = spec.definitions.get("en", "")
    head = f"{spec.key}{' (required)' if spec.required else ''}" + (f": {' / '.join(names)}" if names else "")
    return [f"{lead}{head}{' — ' + definition if definition else ''}",
            f"{lead}  {describe_value(schema, spec, known_ids)}"]


def _value_lines(schema: Schema, spec: PropertySpec, indent: str) -> list:
    """`key: TODO` in the shape the key takes; a nested list gets one entry with its required keys."""
    head = f"{indent}{spec.key}:"
    if spec.kind == "langmap":
        return [head] + [f"{indent}  {lang}: {PLACEHOLDER}" for lang in schema.languages]
    if spec.kind == "text":
        return [f"{head} {{{schema.languages[0]}: {PLACEHOLDER}}}"]
    if spec.kind == "nested":
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
    lines = [f"# {class_name(cls)}: {cls.definitions.get('en', '')}".rstrip(),
             f"# Started with `kg new {cls.folder} {entity_id}`. Replace every {PLACEHOLDER}, uncomment the optional",
             "# keys you use and delete the rest, then run `kg check`. How to cite sources: CONTRIBUTING.md.", ""]
    for spec in required:
        lines += _guidance(schema, spec, known_ids)
        if spec.kind == "nested":
            for child in spec.nested.properties.values():
                lines += _guidance(schema, child, known_ids, "#     ")
        lines += _value_lines(schema, spec, "") + [""]
    if optional:
        lines += ["# Optional keys: uncomment (delete the leading `# `) the ones you use.", ""]
    for spec in optional:
        lines += _guidance(schema, spec, known_ids)
        lines += ["# " + line for line in _value_lines(schema, spec, "")] + [""]
    return "\n".join(lines).rstrip("\n") + "\n"


def _known_ids(root: Path, schema: Schema) -> dict:
    """Class IRI -> ids of the existing files of that class or a subclass (from file names alone)."""
    known: dict = {}
    for cls in schema.classes.values():
        folder = root / "content" / cls.folder
        ids = sorted(p.stem for p in folder.glob("*.yaml") if ID_PATTERN.match(p.stem)) if folder.is_dir() else []
        for ancestor in cls.ancestors:
            known.setdefault(ancestor, []).extend(ids)
    return known


def new_entity(root: Path, schema: Schema, class_text: str, entity_id: str) -> tuple[Path | None, str | None]:
    """Write content/<folder>/<id>.yaml from the template; or return why not (and write nothing)."""
    cls, problem = resolve_class(schema, class_text)
    if problem:
        return None, problem
    problem = id_problem(entity_id)
    if problem:
        return None, problem.replace("the file name", "the id").replace("; rename the file to `", "; use `").replace(".yaml`", "`")
    skeleton = id_skeleton(entity_id)
    for existing in sorted((root / "content").glob("*/*.yaml")):
        if id_skeleton(existing.stem) == skeleton:
            rel = existing.relative_to(root).as_posix()
            same = "is taken by" if existing.stem == entity_id else "looks the same as the id of"
            return None, f"the id `{entity_id}` {same} {rel}; ids are unique across content/, choose another"
    path = root / "content" / cls.folder / f"{entity_id}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(template(schema, cls, entity_id, _known_ids(root, schema)), encoding="utf-8")
    return path, None
