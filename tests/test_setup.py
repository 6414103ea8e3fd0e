"""Setting up: `make site` installs what building needs and `make test` adds what testing needs (read from the
commands make would run), and building the package prints no deprecation warning caused by its own files."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tomllib

import pytest

from tests.conftest import ROOT

MAKE = shutil.which("make")


def planned_commands(target: str) -> list:
    """The commands `make TARGET` runs on a fresh clone: a dry run (-n) with every target out of date (-B)."""
    done = subprocess.run([MAKE, "-n", "-B", target], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return [line.strip() for line in done.stdout.splitlines() if line.strip()]


def installs(commands: list) -> list:
    return [c for c in commands if re.search(r"\bpip install\b|\bnpm (ci|install)\b", c) and "--upgrade pip" not in c]


@pytest.mark.skipif(MAKE is None, reason="make is not installed")
def test_make_site_installs_only_what_building_needs():
    assert installs(planned_commands("site")) == [
        ".venv/bin/pip install --quiet -e .",
        "npm ci --omit=dev --no-audit --no-fund --loglevel=error",  # the browser libraries the site serves
    ]


@pytest.mark.skipif(MAKE is None, reason="make is not installed")
def test_make_test_adds_what_testing_needs():
    commands = installs(planned_commands("test"))
    assert ".venv/bin/pip install --quiet -e '.[test]'" in commands
    assert (
        "npm ci --no-audit --no-fund --loglevel=error" in commands
    )  # devDependencies too: axe-core, yaml-language-server
    assert not any("--omit=dev" in c for c in commands)


def test_the_test_tools_are_not_dependencies_of_the_site():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    runtime = {re.split(r"[<>=\[ ;]", d)[0].lower() for d in project["dependencies"]}
    assert not runtime & {"pytest", "hypothesis", "playwright", "jsonschema", "ruff", "sparqlwrapper"}
    package = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))
    assert {"axe-core", "yaml-language-server"} <= set(package["devDependencies"])
    assert not {"axe-core", "yaml-language-server"} & set(package["dependencies"])


def test_the_lock_file_stays_installable_when_a_package_publishes():
    """`npm ci` refuses a lock whose specs the registry no longer matches: a dependency asking for a moving
    dist-tag ("latest", "next") breaks a fresh install the day that package publishes. Every such spec in the
    lock must be pinned by an override in package.json."""
    package = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    overrides = package.get("overrides", {})
    moving = []
    for path, entry in lock["packages"].items():
        owner = path.rpartition("node_modules/")[2]
        for name, spec in entry.get("dependencies", {}).items():
            if re.fullmatch(r"[a-z][a-z-]*", spec):  # a tag, not a version range
                pinned = overrides.get(owner, {}).get(name) if isinstance(overrides.get(owner), dict) else None
                if not (pinned or isinstance(overrides.get(name), str)):
                    moving.append(f"{owner} → {name}@{spec}")
    assert not moving, f"pin these in package.json overrides: {moving}"


def test_an_editable_install_prints_no_warning_of_the_project(tmp_path):
    """`make site` installs the package editable; pip's own notes about this machine's index configuration
    ("Location 'file:///…' is ignored") are not the project's and are left out."""
    project = tmp_path / "project"
    project.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copyfile(ROOT / name, project / name)
    shutil.copytree(ROOT / "generator", project / "generator", ignore=shutil.ignore_patterns("__pycache__"))
    subprocess.run([sys.executable, "-m", "venv", str(tmp_path / "venv")], check=True, timeout=120)
    pip = tmp_path / "venv" / "bin" / "pip"
    # as the Makefile does: a recent pip passes the build backend's warnings on
    subprocess.run([str(pip), "install", "--quiet", "--upgrade", "pip"], capture_output=True, check=True, timeout=600)
    done = subprocess.run(
        [str(pip), "install", "--quiet", "--no-deps", "-e", str(project)], capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stderr
    lines = (done.stdout + done.stderr).splitlines()
    assert [line for line in lines if re.search(r"(?i)warn", line) and "' is ignored: it is neither" not in line] == []


def test_building_the_package_prints_no_deprecation_warning(tmp_path):
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-v", "--wheel-dir", str(tmp_path), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert built.returncode == 0, built.stderr
    output = built.stdout + built.stderr
    assert [line for line in output.splitlines() if re.search(r"(?i)deprecat", line)] == []
