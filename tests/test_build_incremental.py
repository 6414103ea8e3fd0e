"""`kg build` renders the languages side by side and redoes only what changed, and neither shows in the result:
a parallel build equals a single-process one, and after every kind of edit an incremental build (in a fresh
process too) equals a fresh full build, byte for byte: every page, the search index, the sitemap, the data.
What invalidates every page (the ontology, mkdocs.yml, site/, the generator, the packages) makes a full build,
and a build that fails leaves the last good one as it was."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.build import build_project
from generator.build import generate as build_generate
from generator.build import render as build_render
from generator.load import build_inputs
from generator.load.build_inputs import STATE_FILE, inputs_fingerprint
from generator.renderer.mkdocs_adapter import SiteBuildError
from tests.conftest import ROOT, copy_project

DRUG = "content/drugs/blinatumomab.yaml"
NEW = "content/publications/incremental-build-paper.yaml"
PAPER = (
    "label: {en: Incremental build paper, nl: Incrementeel bouwartikel}\n"
    "description: {en: A paper that cites another., nl: Een artikel dat een ander citeert.}\n"
    "publicationType: journal-article\nsources:\n  - source: aapc-blinatumomab-article\n    locator: page 1\n"
    "sourceStrength: primary\n"
)


def files_of(folder: Path) -> dict:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def digests_of(folder: Path) -> dict:
    return {name: hashlib.sha256(data).hexdigest() for name, data in files_of(folder).items()}


def assert_same_tree(expected: Path, actual: Path) -> None:
    a, b = files_of(expected), files_of(actual)
    assert sorted(a) == sorted(b), (sorted(set(a) ^ set(b)))[:10]
    different = sorted(name for name in a if a[name] != b[name])
    assert not different, different[:10]


def assert_equals_a_full_build(root: Path, scratch: Path) -> None:
    fresh = build_project(root, scratch, incremental=False)
    assert not fresh.problems and fresh.full
    for name in ("site", "docs"):
        assert_same_tree(scratch / name, root / "build" / name)


def rebuild(root: Path):
    result = build_project(root)
    assert not result.problems, result.problems[:5]
    return result


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    root = copy_project(tmp_path_factory.mktemp("incremental-build"))
    first = build_project(root)
    assert not first.problems and first.full
    assert (root / "build" / STATE_FILE).is_file()
    return root


def test_a_parallel_build_equals_a_single_process_build(project, tmp_path):
    single = build_project(project, tmp_path / "single", jobs=1, incremental=False)
    assert not single.problems
    assert_same_tree(tmp_path / "single" / "site", project / "build" / "site")
    assert_same_tree(tmp_path / "single" / "docs", project / "build" / "docs")
    for index in ("search/search_index.json", "nl/search/search_index.json", "sitemap.xml", "nl/sitemap.xml"):
        assert (project / "build" / "site" / index).is_file()


def test_nothing_changed_renders_nothing(project):
    before = digests_of(project / "build" / "site")
    result = rebuild(project)
    assert not result.full and result.rendered == 0
    assert digests_of(project / "build" / "site") == before


def test_an_edit_replaces_only_the_files_it_changed_and_leaves_every_other_file_as_it_was(project, tmp_path):
    """A rebuild puts the files it made in place of the last build's and deletes nothing else: every other file of
    the site is the very same file as before (the same inode: not copied, linked or written again), so the time
    a rebuild takes grows with the change, not with the site."""
    site = project / "build" / "site"
    before = {path: path.stat().st_ino for path in site.rglob("*") if path.is_file()}
    drug = (project / DRUG).read_text(encoding="utf-8")
    (project / DRUG).write_text(drug.replace("  en: Blinatumomab\n", "  en: Blinatumomab (in place)\n", 1), "utf-8")
    try:
        result = rebuild(project)
        assert not result.full and 0 < result.rendered < 100
        after = {path: path.stat().st_ino for path in site.rglob("*") if path.is_file()}
        assert set(after) == set(before)
        replaced = {path for path in after if after[path] != before[path]}
        assert site / "trials" / "blinfant" / "index.html" in replaced  # shows the drug's label
        assets = [path for path in after if "assets" in path.relative_to(site).parts]
        assert assets and not replaced.intersection(assets)  # the theme's files, every page's, stay as they were
        assert len(replaced) < len(after) / 10, (len(replaced), len(after))
        assert_equals_a_full_build(project, tmp_path / "full")
    finally:
        (project / DRUG).write_text(drug, "utf-8")
    rebuild(project)


def test_a_content_edit_in_a_fresh_process_equals_a_full_build(project, tmp_path):
    drug = (project / DRUG).read_text(encoding="utf-8")
    (project / DRUG).write_text(drug.replace("  en: Blinatumomab\n", "  en: Blinatumomab renamed\n", 1), "utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "generator.cli", "--root", str(project), "build"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    rendered = int(run.stdout.split("(", 1)[1].split(" rendered again")[0])
    assert 0 < rendered < 100  # the drug's pages and those that show its label, of 636
    assert "Blinatumomab renamed" in (project / "build" / "site" / "trials" / "blinfant" / "index.html").read_text()
    assert_equals_a_full_build(project, tmp_path / "full")


def test_a_new_file_then_the_same_file_deleted_equal_a_full_build(project, tmp_path):
    (project / NEW).write_text(PAPER, encoding="utf-8")
    added = rebuild(project)
    assert not added.full and added.rendered < 100
    assert (project / "build" / "site" / "publications" / "incremental-build-paper" / "index.html").is_file()
    assert (project / "build" / "site" / "data" / "entities" / "incremental-build-paper.ttl").is_file()
    assert_equals_a_full_build(project, tmp_path / "added")

    (project / NEW).unlink()
    removed = rebuild(project)
    assert not removed.full
    assert not (project / "build" / "site" / "publications" / "incremental-build-paper").exists()
    assert not (project / "build" / "site" / "data" / "entities" / "incremental-build-paper.ttl").exists()
    assert_equals_a_full_build(project, tmp_path / "removed")


def test_a_moved_link_and_a_changed_figure_equal_a_full_build(project, tmp_path):
    (project / NEW).write_text(PAPER, encoding="utf-8")
    assert not rebuild(project).full
    other = PAPER.replace("aapc-blinatumomab-article", "ash-2018-interfant-06-abstract")
    (project / NEW).write_text(other, encoding="utf-8")  # the link moves: the old target must lose it
    moved = rebuild(project)
    assert not moved.full and 0 < moved.rendered < 100
    assert_equals_a_full_build(project, tmp_path / "moved")
    (project / NEW).unlink()

    outcome = project / "content" / "outcomes" / "blinfant-os-2y.yaml"
    text = outcome.read_text(encoding="utf-8")
    outcome.write_text(text.replace("estimate: 93.3\n", "estimate: 93.4\n"), encoding="utf-8")
    try:  # the figure is drawn on the home page, the trial's page and the comparisons
        changed = rebuild(project)
        assert not changed.full and 0 < changed.rendered < 100
        assert "93.4" in (project / "build" / "site" / "index.html").read_text(encoding="utf-8")
        assert_equals_a_full_build(project, tmp_path / "figure")
    finally:
        outcome.write_text(text, encoding="utf-8")
    assert not rebuild(project).full


@pytest.mark.parametrize(
    "path, edit",
    [
        ("ontology/cle.ttl", lambda text: text + "\n# a comment changes the ontology file\n"),
        ("mkdocs.yml", lambda text: text + "\n# a comment changes mkdocs.yml\n"),
        ("site/overrides/main.html", lambda text: text + "\n"),
        ("site/methods.md", lambda text: text + "\nOne more sentence.\n"),
    ],
)
def test_what_invalidates_every_page_makes_a_full_build(project, path, edit, tmp_path):
    target = project / path
    if not target.is_file():
        pytest.skip(f"{path} is not in this tree")
    text = target.read_text(encoding="utf-8")
    target.write_text(edit(text), encoding="utf-8")
    try:
        result = rebuild(project)
        assert result.full
        assert_equals_a_full_build(project, tmp_path / "full")
    finally:
        target.write_text(text, encoding="utf-8")
        assert rebuild(project).full  # and back


def test_the_fingerprint_covers_the_generator_and_the_packages_but_not_content(project, tmp_path, monkeypatch):
    before = inputs_fingerprint(project)
    drug = project / DRUG
    text = drug.read_text(encoding="utf-8")
    drug.write_text(text + "\n", encoding="utf-8")
    assert inputs_fingerprint(project) == before  # content is compared file by file, not here
    drug.write_text(text, encoding="utf-8")

    code = tmp_path / "generator"
    code.mkdir()
    (code / "module.py").write_text("A = 1\n", encoding="utf-8")
    monkeypatch.setattr(build_inputs, "GENERATOR", code)
    with_code = inputs_fingerprint(project)
    (code / "module.py").write_text("A = 2\n", encoding="utf-8")
    assert inputs_fingerprint(project) != with_code

    class Dist:
        def __init__(self, version):
            self.metadata, self.version = {"Name": "mkdocs"}, version

    monkeypatch.setattr(build_inputs.importlib.metadata, "distributions", lambda: [Dist("1.6.1")])
    one = inputs_fingerprint(project)
    monkeypatch.setattr(build_inputs.importlib.metadata, "distributions", lambda: [Dist("1.6.2")])
    assert inputs_fingerprint(project) != one


def test_a_missing_or_unreadable_state_makes_a_full_build(project):
    state = project / "build" / STATE_FILE
    saved = state.read_bytes()
    state.write_text("{not json", encoding="utf-8")
    assert rebuild(project).full
    data = json.loads(state.read_text(encoding="utf-8"))
    data["version"] = -1
    state.write_text(json.dumps(data), encoding="utf-8")
    assert rebuild(project).full
    state.unlink()
    assert rebuild(project).full
    assert state.read_bytes() == saved  # the same tree gives the same state


def test_a_failed_incremental_build_leaves_the_last_good_build_as_it_was(project, monkeypatch):
    before = digests_of(project / "build")
    drug = project / DRUG
    text = drug.read_text(encoding="utf-8")
    drug.write_text(text.replace("brandName: BLINCYTO", "brandName: BLINCYTO-F"), encoding="utf-8")

    def fail(requests, on_page=None, timeout=0):
        raise SiteBuildError("rendering failed on purpose")

    monkeypatch.setattr(build_render, "render_sites_isolated", fail)
    try:
        result = build_project(project)
        assert result.problems and "on purpose" in str(result.problems[0].message)
        assert digests_of(project / "build") == before  # the staged hard links were never written through
    finally:
        drug.write_text(text, encoding="utf-8")
    monkeypatch.undo()
    assert not rebuild(project).full


def test_a_failure_in_a_worker_process_is_a_problem_and_loses_nothing(project, monkeypatch):
    before = digests_of(project / "build")

    parent, write_language = os.getpid(), build_generate.write_language

    def broken(*args):  # in a forked child only: this process writes one language itself
        if os.getpid() == parent:
            return write_language(*args)
        raise RuntimeError("the page maker broke on purpose")

    monkeypatch.setattr(build_generate, "write_language", broken)  # the forked children inherit it
    result = build_project(project, incremental=False)
    assert [p.message for p in result.problems] == [
        "the pages or data files could not be written (in a worker process): "
        "RuntimeError: the page maker broke on purpose"
    ]
    assert digests_of(project / "build") == before
