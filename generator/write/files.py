"""Write generated files: a docs tree from {doc path: text or bytes}, only what changed (the preview), pages
that are gone removed, and whole trees copied."""

from __future__ import annotations

import shutil
from pathlib import Path

from ..load.built_site import read_built_file

__all__ = ["write_files", "write_changed", "remove_files", "ensure_folder", "copy_file", "copy_tree", "link_folder"]


def _data(content) -> bytes:
    return content.encode("utf-8") if isinstance(content, str) else content


def write_files(folder: Path, files: dict) -> None:
    """Write doc path -> text (UTF-8) or bytes under folder."""
    for path, content in files.items():
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(_data(content))


def write_changed(folder: Path, files: dict) -> list:
    """Write the files whose bytes differ from what is on disk (MkDocs re-renders what is newer than its
    HTML); returns the paths written."""
    written = []
    for path, content in sorted(files.items()):
        target = folder / path
        data = _data(content)
        if target.is_file() and read_built_file(target) == data:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
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
    shutil.copyfile(source, target)


def copy_tree(source: Path, target: Path, ignore=()) -> None:
    """Copy a folder, leaving out names matching the glob patterns in ignore."""
    shutil.copytree(source, target, ignore=shutil.ignore_patterns(*ignore) if ignore else None, dirs_exist_ok=True)


def link_folder(link: Path, target: Path) -> None:
    """A symbolic link to a folder (a synthetic tree shares node_modules with its source)."""
    link.symlink_to(target.resolve())
