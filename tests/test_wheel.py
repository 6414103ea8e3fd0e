"""The package as users get it: the built wheel holds every subpackage, and each module imports from it (not
from this checkout)."""

from __future__ import annotations

import subprocess
import sys
import zipfile

from tests.conftest import ROOT
from tests.test_architecture import MODULES


def test_the_wheel_holds_and_imports_every_module(tmp_path):
    built = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--quiet",
            "--wheel-dir",
            str(tmp_path / "dist"),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert built.returncode == 0, built.stderr
    wheel = next((tmp_path / "dist").glob("*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    missing = [path for path in (p.relative_to(ROOT).as_posix() for p in MODULES.values()) if path not in names]
    assert missing == []
    target = tmp_path / "installed"
    installed = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--quiet", "--target", str(target), str(wheel)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert installed.returncode == 0, installed.stderr
    script = (
        "import importlib, sys; sys.path.insert(0, sys.argv[1]); import generator; "
        "assert generator.__file__.startswith(sys.argv[1]), generator.__file__; "
        "[importlib.import_module(name) for name in sys.argv[2:]]; print('ok')"
    )
    ran = subprocess.run(
        [sys.executable, "-c", script, str(target), *sorted(MODULES)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=300,
    )
    assert ran.returncode == 0 and ran.stdout.strip() == "ok", ran.stderr
