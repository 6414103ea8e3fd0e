"""The same input gives byte-identical dumps and pages, whatever the process (hash seed) that builds it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT


def files_of(folder: Path) -> dict:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_two_builds_in_different_processes_are_byte_identical(built, tmp_path):
    _, first = built
    second = tmp_path / "second"
    env = {**os.environ, "PYTHONHASHSEED": "4242"}
    subprocess.run(
        [sys.executable, "-m", "generator.cli", "--root", str(ROOT), "build", "--out", str(second)],
        check=True,
        env=env,
        cwd=ROOT,
        capture_output=True,
        timeout=600,
    )
    a, b = files_of(first / "site"), files_of(second / "site")
    assert sorted(a) == sorted(b)
    different = [name for name in a if a[name] != b[name]]
    assert different == []
    assert files_of(first / "docs") == files_of(second / "docs")
