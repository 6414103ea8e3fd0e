"""A build is written into a staging folder inside build/ and swapped in only when everything succeeded, so a
failed build leaves the last good one in place (nothing lost)."""

from __future__ import annotations

from pathlib import Path

from ..load.build_inputs import STATE_FILE
from .scratch import make_scratch, remove_tree

__all__ = ["OUTPUTS", "STATE", "new_staging", "move_into", "swap_into", "remove_tree"]

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
    if (out / STATE).exists():
        (out / STATE).rename(staging / f"old-{STATE}")
    for name in OUTPUTS:
        target, fresh = out / name, staging / name
        if target.exists():
            target.rename(staging / f"old-{name}")
        fresh.rename(target)
    if (staging / STATE).exists():
        (staging / STATE).rename(out / STATE)
