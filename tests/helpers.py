"""Small fixture trees for unit tests: a copy of the real ontology and site with a few YAML files."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from pathlib import Path

from generator.cli import main
from tests.conftest import ROOT, copy_project

MINIMAL_SOURCE = "sources: [{source: paper, locator: the document itself}]\n"
PAPER = (
    "label: {en: The paper, nl: Het artikel}\ndescription: {en: A paper., nl: Een artikel.}\n"
    "publicationType: journal-article\nsourceStrength: primary\n" + MINIMAL_SOURCE
)


def make_tree(tmp_path: Path, files: dict, with_paper: bool = True) -> Path:
    """A project tree whose content is exactly files ({'drugs/x.yaml': text}), plus a citable paper."""
    root = copy_project(tmp_path, with_content=False)
    if with_paper:
        files = {"publications/paper.yaml": PAPER, **files}
    for rel, text in files.items():
        path = root / "content" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return root


# --- small git repositories for the history, diff and release tests ---------------------------------------

SNAPSHOT_CONTENT = Path(__file__).resolve().parent / "fixtures" / "snapshot-tree" / "content"


def git_identity(date: str) -> dict:
    """The environment that makes git commit as a fixed author at a fixed date (so commit dates are known)."""
    return {
        "GIT_AUTHOR_NAME": "Test Author",
        "GIT_AUTHOR_EMAIL": "author@example.org",
        "GIT_COMMITTER_NAME": "Test Author",
        "GIT_COMMITTER_EMAIL": "author@example.org",
        "GIT_AUTHOR_DATE": date,
        "GIT_COMMITTER_DATE": date,
        "GIT_CONFIG_GLOBAL": "/dev/null",
        "GIT_CONFIG_NOSYSTEM": "1",
    }


@contextlib.contextmanager
def committing_at(date: str):
    """While inside, git run by the code under test (kg release) commits as git_identity(date)."""
    saved = dict(os.environ)
    os.environ.update(git_identity(date))
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


def git(root: Path, *args: str, date: str = "2026-01-05T10:00:00+00:00") -> str:
    """Run git in root as a fixed author at a fixed date; its stdout."""
    env = {**os.environ, **git_identity(date)}
    done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout


def git_project(tmp_path: Path, date: str = "2026-01-05T10:00:00+00:00") -> Path:
    """A project (the real ontology, site and queries; the snapshot fixture's content) committed on main."""
    root = copy_project(tmp_path, with_content=False)
    shutil.copytree(SNAPSHOT_CONTENT, root / "content", dirs_exist_ok=True)
    shutil.copytree(ROOT / "queries", root / "queries")
    shutil.copyfile(ROOT / "CITATION.cff", root / "CITATION.cff")
    (root / ".gitignore").write_text("/node_modules\n/build/\n", encoding="utf-8")
    git(root, "init", "--quiet", "--initial-branch=main")
    git(root, "add", "--all")
    git(root, "commit", "--quiet", "-m", "First content", date=date)
    return root


def write_content(root: Path, files: dict) -> None:
    """Write (text) or delete (None) files under content/."""
    for rel, text in files.items():
        path = root / "content" / rel
        if text is None:
            path.unlink()
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")


# What a new contributor adds in one pull request: a drug, the trial that tested it and its publication; and an
# edit of an existing figure with a second source for it.
CONTRIBUTION = {
    "publications/inotuzumab-paper.yaml": """\
label: {en: The inotuzumab paper, nl: Het artikel over inotuzumab}
description: {en: A trial report., nl: Een studieverslag.}
publicationType: journal-article
sourceStrength: primary
title: Inotuzumab Ozogamicin in Infants
datePublished: 2025-02-01
sources:
  - {source: inotuzumab-paper, locator: title page}
""",
    "drugs/inotuzumab-ozogamicin.yaml": """\
label: {en: Inotuzumab ozogamicin, nl: Inotuzumab ozogamicine}
description: {en: An antibody-drug conjugate., nl: Een antilichaam-geneesmiddelconjugaat.}
brandName: [BESPONSA]
sources:
  - {source: inotuzumab-paper, locator: methods}
""",
    "trials/inota-infant.yaml": """\
label: {en: INOTA-Infant, nl: INOTA-Infant}
description: {en: A trial of inotuzumab in infants., nl: Een studie van inotuzumab bij zuigelingen.}
phase: phase 2
addsDrug: inotuzumab-ozogamicin
studiesDisease: infant-all
publishedIn: inotuzumab-paper
sources:
  - {source: inotuzumab-paper, locator: abstract}
""",
}
EDITED_OUTCOME = (SNAPSHOT_CONTENT / "outcomes" / "blinfant-os-2y.yaml").read_text(encoding="utf-8").replace(
    "estimate: 93.3", "estimate: 93.4"
) + "  - {source: press-release, locator: paragraph 2, supports: [estimate]}\n"


def kg(capsys, *args) -> tuple:
    """(exit code, stdout, stderr) of one `kg` command run in this process."""
    code = main([str(arg) for arg in args])
    out, err = capsys.readouterr()
    return code, out, err
