"""A build is written into a staging folder inside build/ and swapped in only when everything succeeded, so a
failed build leaves the last good one in place (nothing lost)."""

from __future__ import annotations

from pathlib import Path

from ..load.build_inputs import STATE_FILE
from .files import move_files_into, remove_files
from .scratch import make_scratch, remove_tree

__all__ = ["OUTPUTS", "STATE", "new_staging", "move_into", "swap_into", "apply_into", "remove_tree"]

OUTPUTS = ("docs", "site")  # what a build replaces under build/
STATE = STATE_FILE.parts[0]  # what the build saved for the next one to redo only what changed


def new_staging(out: Path) -> Path:
    """An empty staging folder inside out (the same file system, so the swap is a rename)."""
    return make_scratch(".staging-", inside=out)


def move_into(source: Path, target: Path) -> None:
    """Move a staged folder to its place in the staged site (data/ and schemas/ after MkDocs has rendered,
    as MkDocs empties its site folder first)."""
    source.rename(target)


def swap_into(staging: Path, out: Path) -> None:
    """Replace out/docs and out/site by the staged ones, one rename each (the old ones stay in staging, which
    the caller removes). The saved state goes first and its new one comes in last: a swap cut short leaves
    no state, so the next build is a full one rather than one built on outputs the state does not describe."""
    _state_out(staging, out)
    for name in OUTPUTS:
        _replace_folder(staging, out, name)
    _state_in(staging, out)


def apply_into(staging: Path, out: Path, gone: list) -> None:
    """An incremental build into out, once it succeeded: out/docs replaced by the staged docs (one rename); in
    out/site only what changed: the files the staged site holds (the pages rendered again, the data) put in
    place, the paths in gone (relative to the site) deleted, so the time taken grows with the change, not
    with the site. The state goes first and comes in last, as in swap_into."""
    _state_out(staging, out)
    _replace_folder(staging, out, "docs")
    remove_files([out / "site" / path for path in gone])
    move_files_into(staging / "site", out / "site")
    _state_in(staging, out)


def _replace_folder(staging: Path, out: Path, name: str) -> None:
    target = out / name
    if target.exists():
        target.rename(staging / f"old-{name}")
    (staging / name).rename(target)


def _state_out(staging: Path, out: Path) -> None:
    if (out / STATE).exists():
        (out / STATE).rename(staging / f"old-{STATE}")


def _state_in(staging: Path, out: Path) -> None:
    if (staging / STATE).exists():
        (staging / STATE).rename(out / STATE)
