"""Nothing lost: a failed `kg check` or `kg build` writes nothing, and the previous build/site stays intact."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from generator.build import build_project
from generator.cli import main
from tests.conftest import copy_project

PAPER = (
    "label: {en: The paper, nl: Het artikel}\ndescription: {en: A paper., nl: Een artikel.}\n"
    "publicationType: journal-article\nsourceStrength: primary\nsources:\n  - source: paper\n    locator: the document itself\n"
)


def snapshot(folder: Path) -> dict:
    """Every file under folder (relative path -> sha256), and every folder (-> None)."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else None
        for p in sorted(folder.rglob("*"))
    }


@pytest.fixture
def built_tree(tmp_path):
    root = copy_project(tmp_path, with_content=False)
    (root / "content" / "publications").mkdir()
    (root / "content" / "publications" / "paper.yaml").write_text(PAPER, encoding="utf-8")
    result = build_project(root, root / "build")
    assert result.problems == []
    return root


BREAKAGES = {
    "a YAML error": lambda root: (root / "content" / "publications" / "paper.yaml").write_text(
        PAPER.replace("label: {", "label: {{"), encoding="utf-8"
    ),
    "a dangling reference": lambda root: (root / "content" / "publications" / "paper.yaml").write_text(
        PAPER + "author: nobody\n", encoding="utf-8"
    ),
    "a page MkDocs refuses (in its strict build, after the content passed)": lambda root: (
        root / "site" / "broken.md"
    ).write_text("# Broken\n\n[a link to nowhere](missing.md)\n", encoding="utf-8"),
}


@pytest.mark.parametrize("breakage", sorted(BREAKAGES))
def test_failed_build_keeps_the_previous_site(built_tree, breakage, capsys):
    before = snapshot(built_tree / "build")
    assert "site/index.html" in before and "site/data/kg.ttl" in before
    BREAKAGES[breakage](built_tree)
    assert main(["build", "--root", str(built_tree)]) == 1
    assert "nothing was written" in capsys.readouterr().err
    assert snapshot(built_tree / "build") == before  # same files, same bytes, no staging folder left behind


def test_failed_check_writes_nothing(built_tree, capsys):
    BREAKAGES["a YAML error"](built_tree)
    before = snapshot(built_tree)
    assert main(["check", "--root", str(built_tree)]) == 1
    assert snapshot(built_tree) == before


def test_a_good_build_after_a_failed_one_replaces_the_site(built_tree, capsys):
    paper = built_tree / "content" / "publications" / "paper.yaml"
    BREAKAGES["a YAML error"](built_tree)
    assert main(["build", "--root", str(built_tree)]) == 1
    paper.write_text(PAPER.replace("The paper", "The renamed paper"), encoding="utf-8")
    assert main(["build", "--root", str(built_tree)]) == 0
    page = (built_tree / "build" / "site" / "publications" / "paper" / "index.html").read_text(encoding="utf-8")
    assert "The renamed paper" in page
    # no staging folder left behind: the outputs and the state the next build starts from (build/cache)
    assert sorted(p.name for p in (built_tree / "build").iterdir()) == ["cache", "docs", "site"]
