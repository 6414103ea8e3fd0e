"""The bad-input corpus: each case in tests/bad_inputs/ makes `kg check` print exactly its expected problems,
and its parallel reading finds the same problems as the build's check.

A case is a folder whose files are laid over a minimal valid tree (tests/bad_inputs/_base plus a copy of the
real ontology and site); `links` lists symbolic links to create (`link -> target`, relative to the tree) and
`expected` holds the exact `path:line:col: message` lines. KG_UPDATE_BAD_INPUTS=1 rewrites the expected files
from the current output, to be read and reviewed before they are committed.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from generator.check.pipeline import check_project, check_summary
from generator.cli import main
from tests.conftest import copy_project

CORPUS = Path(__file__).resolve().parent / "bad_inputs"
CASES = sorted(p.name for p in CORPUS.iterdir() if p.is_dir() and not p.name.startswith("_"))
CONTROL_FILES = ("expected", "links")


def case_tree(tmp_path: Path, name: str) -> Path:
    """The minimal valid tree with the case's files laid over it."""
    root = copy_project(tmp_path, with_content=False)
    shutil.copytree(CORPUS / "_base" / "content", root / "content", dirs_exist_ok=True)
    case = CORPUS / name
    for path in sorted(case.rglob("*")):
        rel = path.relative_to(case)
        if path.is_dir() or rel.as_posix() in CONTROL_FILES:
            continue
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
    links = case / "links"
    if links.is_file():
        for line in links.read_text(encoding="utf-8").splitlines():
            link, target = line.split(" -> ")
            (root / link).parent.mkdir(parents=True, exist_ok=True)
            (root / link).symlink_to(target)
    return root


def test_corpus_is_large_enough():
    assert len(CASES) >= 40


def test_base_tree_is_valid(tmp_path, capsys):
    root = copy_project(tmp_path, with_content=False)
    shutil.copytree(CORPUS / "_base" / "content", root / "content", dirs_exist_ok=True)
    assert main(["check", "--root", str(root)]) == 0, capsys.readouterr().err


@pytest.mark.parametrize("name", CASES)
def test_bad_input(name, tmp_path, capsys):
    root = case_tree(tmp_path, name)
    code = main(["check", "--root", str(root)])
    lines = capsys.readouterr().err.splitlines()
    expected_file = CORPUS / name / "expected"
    if os.environ.get("KG_UPDATE_BAD_INPUTS"):
        expected_file.write_text("\n".join(lines[:-1]) + "\n", encoding="utf-8")
    expected = expected_file.read_text(encoding="utf-8").splitlines()
    assert code == 1
    assert lines[:-1] == expected
    count = len(expected)
    assert lines[-1] == f"{count} problem{'s' if count != 1 else ''}; nothing was written"
    # kg check reads a large tree in several processes: that path finds exactly what the build's check finds
    assert check_summary(root, workers=2, parallel_from=0).problems == check_project(root).problems


def test_github_format_annotates_file_line_and_column(tmp_path, capsys):
    root = case_tree(tmp_path, "unknown-key")
    assert main(["check", "--root", str(root), "--format", "github"]) == 1
    out = capsys.readouterr().out.splitlines()
    (plain,) = (CORPUS / "unknown-key" / "expected").read_text(encoding="utf-8").splitlines()
    assert plain.startswith("content/publications/review.yaml:4:1: unknown key `titel`")
    assert out == ["::error file=content/publications/review.yaml,line=4,col=1::" + plain.split(":4:1: ", 1)[1]]


def test_a_value_spanning_lines_stays_on_one_output_line(tmp_path, capsys):
    root = case_tree(tmp_path, "unknown-key")
    review = root / "content" / "publications" / "review.yaml"
    review.write_text(
        review.read_text(encoding="utf-8")
        .replace("sourceStrength: primary\n", "")
        .replace("titel: A review", 'sourceStrength: "pri\\nmary"'),
        encoding="utf-8",
    )
    assert main(["check", "--root", str(root)]) == 1
    assert capsys.readouterr().err.splitlines() == [
        "content/publications/review.yaml:4:17: `pri\\nmary` is not allowed for `sourceStrength`; did you mean `primary`? "
        "(write one of: `primary`, `secondary`, `weak`)",
        "1 problem; nothing was written",
    ]
