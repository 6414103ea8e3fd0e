"""Find the content files of a project tree and read each strictly into a YAML tree with positions."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ..model.ids import id_problem, id_skeleton
from ..model.problems import Position, Problem
from ..model.schema import Schema
from ..model.wording import did_you_mean
from .yaml_strict import Mapping, read_yaml

__all__ = [
    "RawEntity",
    "ReadCache",
    "ContentFile",
    "list_content",
    "read_content_file",
    "load_content",
    "MAX_FILE_BYTES",
]

MAX_FILE_BYTES = 1_000_000


@dataclass
class RawEntity:
    """One content file: its id, the folder that names its class, and its YAML tree."""

    id: str
    folder: str
    path: str  # relative to the project root, with forward slashes
    tree: Mapping


class ReadCache:
    """YAML trees of files read before, by path, reused while a file's modification time, size and inode are
    the same (what the live preview's watcher compares too): the preview lists every file but reads and
    parses only the one that was edited. The same tree object comes back, which is what lets the mapping
    cache reuse its part too."""

    def __init__(self):
        self._trees: dict = {}  # path -> (stamp, tree, problems)

    @staticmethod
    def _stamp(info) -> tuple:
        return info.st_mtime_ns, info.st_size, info.st_ino

    def get(self, rel: str, info) -> tuple | None:
        found = self._trees.get(rel)
        return (found[1], list(found[2])) if found is not None and found[0] == self._stamp(info) else None

    def put(self, rel: str, info, tree, problems: list) -> None:
        self._trees[rel] = (self._stamp(info), tree, list(problems))


@dataclass(frozen=True)
class ContentFile:
    """A content file that passed the checks on names: where it is and the id and folder it gives."""

    path: Path
    rel: str
    id: str
    folder: str


def load_content(root: Path, schema: Schema, cache: ReadCache | None = None) -> tuple[list, list]:
    """Every content/<folder>/<id>.yaml under root as a RawEntity, with all problems found on the way."""
    files, problems = list_content(root, schema)
    entities = []
    for file in files:
        raw, file_problems = read_content_file(file, cache)
        problems.extend(file_problems)
        if raw is not None:
            entities.append(raw)
    return entities, problems


def read_content_file(file: ContentFile, cache: ReadCache | None = None) -> tuple[RawEntity | None, list]:
    """One content file read strictly into a RawEntity, or the problems that prevent it."""
    rel = file.rel
    try:
        info = file.path.stat()  # before reading: a later edit changes the stamp, so it is never missed
        if info.st_size > MAX_FILE_BYTES:
            return None, [Problem(Position(rel, 1, 1), f"the file is larger than {MAX_FILE_BYTES} bytes; split it")]
        cached = cache.get(rel, info) if cache is not None else None
        data = file.path.read_bytes() if cached is None else None
    except OSError as error:  # removed or unreadable since the folder was listed (an editor saving, say)
        return None, [Problem(Position(rel, 1, 1), f"the file cannot be read ({error.strerror}); try again")]
    if cached is None:
        tree, problems = read_yaml(data, rel)
        if cache is not None:
            cache.put(rel, info, tree, problems)
    else:
        tree, problems = cached
    return (RawEntity(file.id, file.folder, rel, tree) if tree is not None else None), problems


def _walk(folder: str, parts: tuple):
    """(path parts below the start, os.DirEntry) for everything under folder, symbolic links to folders not
    followed (as Path.rglob). os.scandir: a large tree is listed in a fraction of pathlib's time."""
    with os.scandir(folder) as found:
        entries = list(found)
    for entry in entries:
        yield parts + (entry.name,), entry
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(entry.path, parts + (entry.name,))


def list_content(root: Path, schema: Schema) -> tuple[list, list]:
    """The content files under root whose folder, name and id are right (ContentFile), in path order, and a
    problem for every other file or folder."""
    content = root / "content"
    files, problems = [], []
    if not content.is_dir():
        return [], [Problem(Position("content", 1, 1), "no content/ folder; create content/<folder>/<id>.yaml files")]
    if content.is_symlink():
        return [], [Problem(Position("content", 1, 1), "content/ is a symbolic link; make it a real folder")]
    folders = schema.classes
    folder_list = ", ".join(folders)
    seen_ids: dict = {}  # look-alike form -> first path
    seen_paths: dict = {}  # id -> first path
    try:
        entries = sorted(_walk(str(content), ()), key=lambda found: found[0])
    except OSError as error:  # a folder removed while it is listed
        return [], [Problem(Position("content", 1, 1), f"content/ cannot be listed ({error.strerror}); try again")]
    for parts, entry in entries:
        rel = "content/" + "/".join(parts)
        if parts[-1].startswith("."):  # editor and system files (.DS_Store, .paper.yaml.swp) are not content
            continue
        if entry.is_symlink():
            problems.append(
                Problem(
                    Position(rel, 1, 1),
                    "a symbolic link; content files must be regular files "
                    "inside content/, so copy the file here instead",
                )
            )
            continue
        is_dir = entry.is_dir()
        if len(parts) == 1:
            if is_dir and parts[0] not in folders:
                problems.append(
                    Problem(
                        Position(rel, 1, 1),
                        f"unknown content folder `{parts[0]}`"
                        f"{did_you_mean(parts[0], folders)} (folders: {folder_list})",
                    )
                )
            elif not is_dir:
                problems.append(
                    Problem(
                        Position(rel, 1, 1),
                        f"a file directly in content/; move it to content/<folder>/ (folders: {folder_list})",
                    )
                )
            continue
        if parts[0] not in folders or is_dir:
            continue  # the unknown folder is reported once; a nested folder is reported by its files
        if len(parts) != 2:
            problems.append(
                Problem(Position(rel, 1, 1), f"a nested folder; put the file directly in content/{parts[0]}/")
            )
            continue
        stem, dot, suffix = parts[-1].rpartition(".")
        stem, suffix = (stem, dot + suffix) if stem else (parts[-1], "")  # as pathlib: `.yaml` alone has no suffix
        if suffix != ".yaml":
            hint = (
                f"; rename it to `{stem}.yaml`"
                if suffix.lower() in (".yml", ".yaml")
                else "; content files end in .yaml"
            )
            problems.append(Problem(Position(rel, 1, 1), f"not a .yaml file{hint}"))
            continue
        problem = id_problem(stem)
        if problem:
            problems.append(Problem(Position(rel, 1, 1), problem))
            continue
        if stem in seen_paths:
            problems.append(
                Problem(
                    Position(rel, 1, 1),
                    f"the same id as {seen_paths[stem]}; ids are unique across content/, rename one",
                )
            )
            continue
        seen_paths[stem] = rel
        skeleton = id_skeleton(stem)
        if skeleton in seen_ids:  # reported, but still read: its own id is unique, so nothing else breaks
            problems.append(
                Problem(
                    Position(rel, 1, 1),
                    f"an id that looks the same as {seen_ids[skeleton]} (ids that "
                    "differ only in hyphens, 0/o or 1/l are confused); rename one",
                )
            )
        seen_ids.setdefault(skeleton, rel)
        files.append(ContentFile(Path(entry.path), rel, stem, parts[0]))
    return files, problems
