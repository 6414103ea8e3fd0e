"""Save the state an incremental `kg build` starts from (load/build_inputs.py reads it), or forget it when
build/ was changed by something that does not keep it (the live preview)."""

from __future__ import annotations

import json
from pathlib import Path

from ..load.build_inputs import STATE_FILE
from ..model.build_state import BuildState
from .files import put_bytes

__all__ = ["write_build_state", "forget_build_state"]


def write_build_state(out: Path, state: BuildState) -> None:
    """out: the build folder (or a staging folder swapped into it)."""
    put_bytes(out / STATE_FILE, json.dumps(state.to_json(), separators=(",", ":"), sort_keys=True).encode("utf-8"))


def forget_build_state(out: Path) -> None:
    """The next build is a full one."""
    (out / STATE_FILE).unlink(missing_ok=True)
