"""Write generated files: a docs tree from {doc path: text or bytes}, only what changed (the preview and an
incremental build), pages that are gone removed, whole trees copied, and a build's trees linked into its
staging folder.

Every file is written as a new file (the old name unlinked first), never rewritten in place: an incremental
build stages hard links to the last good build's files, which must not change until the new build is swapped in."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from ..load.built_site import read_built_file, tree_files

__all__ = [
    "put_bytes",
    "write_files",
    "write_changed",
    "remove_files",
    "ensure_folder",
    "copy_file",
    "copy_tree",
    "link_folder",
    "link_tree",
    "open_new",
    "move_files_into",
]


def _data(content) -> bytes:
    return content.encode("utf-8") if isinstance(content, str) else content


def put_bytes(target: Path, data: bytes) -> None:
    """Write a file as a new file (see the module docstring), its folder made when missing."""
    target.parent.mkdir(parents=True, exist_ok=True)
    target.unlink(missing_ok=True)
    target.write_bytes(data)


def open_new(target: Path):
    """A file opened for writing as a new file (see the module docstring), for output too large to hold at once."""
    target.parent.mkdir(parents=True, exist_ok=True)
    target.unlink(missing_ok=True)
    return target.open("wb")


def write_files(folder: Path, files: dict) -> None:
    """Write doc path -> text (UTF-8) or bytes under folder."""
    for path, content in files.items():
        put_bytes(folder / path, _data(content))


def write_changed(folder: Path, files: dict) -> list:
    """Write the files whose bytes differ from what is on disk (MkDocs re-renders what is newer than its
    HTML); returns the paths written."""
    written = []
    for path, content in sorted(files.items()):
        target = folder / path
        data = _data(content)
        if target.is_file() and read_built_file(target) == data:
            continue
        put_bytes(target, data)
        written.append(path)
    return written


def remove_files(paths) -> None:
    """Delete files and folders (a folder with everything in it); gone ones are skipped."""
    for path in paths:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)


def ensure_folder(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def copy_file(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.unlink(missing_ok=True)
    shutil.copyfile(source, target)


def copy_tree(source: Path, target: Path, ignore=()) -> None:
    """Copy a folder, leaving out names matching the glob patterns in ignore."""
    shutil.copytree(source, target, ignore=shutil.ignore_patterns(*ignore) if ignore else None, dirs_exist_ok=True)


def link_folder(link: Path, target: Path) -> None:
    """A symbolic link to a folder (a synthetic tree shares node_modules with its source)."""
    link.symlink_to(target.resolve())


def link_tree(source: Path, target: Path) -> None:
    """The same tree of folders under target, each file a hard link to source's (no bytes copied: the
    incremental build's staging copy of the last build)."""
    made = set()
    for path in tree_files(source):
        here = (target / path).parent
        if here not in made:
            here.mkdir(parents=True, exist_ok=True)
            made.add(here)
        os.link(source / path, target / path)


def move_files_into(source: Path, target: Path) -> list:
    """Move every file under source to the same place under target, replacing what is there; returns the
    paths moved (relative, forward slashes)."""
    moved = sorted(tree_files(source))
    for path in moved:
        (target / path).parent.mkdir(parents=True, exist_ok=True)
        os.replace(source / path, target / path)
    return moved
