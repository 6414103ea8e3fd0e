"""Find the content files of a project tree and read each strictly into an entity record with positions."""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .problems import Position, Problem
from .schema import Schema
from .yamlread import Mapping, read_yaml

__all__ = ["RawEntity", "ID_PATTERN", "load_content", "did_you_mean"]

ID_PATTERN = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
MAX_ID_LENGTH = 80
MAX_FILE_BYTES = 1_000_000


@dataclass
class RawEntity:
    """One content file: its id, the folder that names its class, and its YAML tree."""

    id: str
    folder: str
    path: str  # relative to the project root, with forward slashes
    tree: Mapping


def did_you_mean(word: str, choices) -> str:
    """'; did you mean `x`?' when a close choice exists, else ''."""
    close = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    return f"; did you mean `{close[0]}`?" if close else ""


def _id_problem(stem: str) -> str | None:
    if len(stem) > MAX_ID_LENGTH:
        return f"the id `{stem[:20]}…` is longer than {MAX_ID_LENGTH} characters; shorten the file name"
    if not ID_PATTERN.match(stem):
        suggestion = re.sub(r"[^a-z0-9]+", "-", unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode().lower()).strip("-")
        hint = f"; rename the file to `{suggestion}.yaml`" if suggestion and ID_PATTERN.match(suggestion) else ""
        return (f"the file name `{stem}` is not a valid id: use lowercase letters, digits and single hyphens, "
                f"starting with a letter{hint}")
    return None


def _skeleton(stem: str) -> str:
    """A form of an id under which look-alikes collide (case, accents, hyphens, digit-letter confusables)."""
    folded = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode().lower()
    return folded.replace("-", "").translate(str.maketrans("01", "ol"))


def load_content(root: Path, schema: Schema) -> tuple[list, list]:
    """Every content/<folder>/<id>.yaml under root as a RawEntity, with all problems found on the way."""
    content = root / "content"
    entities, problems = [], []
    if not content.is_dir():
        return [], [Problem(Position("content", 1, 1), "no content/ folder; create content/<folder>/<id>.yaml files")]
    folders = schema.classes
    seen_ids: dict = {}
    for path in sorted(content.rglob("*")):
        rel = path.relative_to(root).as_posix()
        parts = path.relative_to(content).parts
        if path.is_symlink():
            problems.append(Problem(Position(rel, 1, 1), "a symbolic link; content files must be regular files inside content/"))
            continue
        if path.is_dir():
            if len(parts) == 1 and parts[0] not in folders:
                problems.append(Problem(Position(rel, 1, 1), f"unknown content folder `{parts[0]}`"
                                        f"{did_you_mean(parts[0], folders)} (folders: {', '.join(folders)})"))
            continue
        if parts[0] not in folders or parts[-1].startswith("."):
            if len(parts) == 1 and not parts[0].startswith("."):
                problems.append(Problem(Position(rel, 1, 1), f"a file directly in content/; move it to content/<folder>/ "
                                        f"(folders: {', '.join(folders)})"))
            continue
        if len(parts) != 2:
            problems.append(Problem(Position(rel, 1, 1), f"a nested folder; put the file directly in content/{parts[0]}/"))
            continue
        if path.suffix != ".yaml":
            hint = f"; rename it to `{path.stem}.yaml`" if path.suffix == ".yml" else "; content files end in .yaml"
            problems.append(Problem(Position(rel, 1, 1), f"not a .yaml file{hint}"))
            continue
        stem = path.stem
        id_problem = _id_problem(stem)
        if id_problem:
            problems.append(Problem(Position(rel, 1, 1), id_problem))
            continue
        skeleton = _skeleton(stem)
        if skeleton in seen_ids:
            other = seen_ids[skeleton]
            what = "the same id" if other.rsplit("/", 1)[-1] == path.name else "an id that looks the same"
            problems.append(Problem(Position(rel, 1, 1), f"{what} as {other}; ids are unique across content/, rename one"))
            continue
        seen_ids[skeleton] = rel
        if path.stat().st_size > MAX_FILE_BYTES:
            problems.append(Problem(Position(rel, 1, 1), f"the file is larger than {MAX_FILE_BYTES} bytes; split it"))
            continue
        tree, file_problems = read_yaml(path.read_bytes(), rel)
        problems.extend(file_problems)
        if tree is not None:
            entities.append(RawEntity(stem, parts[0], rel, tree))
    return entities, problems
