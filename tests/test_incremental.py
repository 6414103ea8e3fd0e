"""The live preview's incremental update gives the same site as a full build: after every kind of edit the
Markdown tree is byte-identical to one generated from scratch, and at the end every HTML page, data file and
search entry matches a fresh `kg build` of the same tree."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.build import build_project, generate_docs
from generator.check.pipeline import check_project
from generator.preview.incremental import IncrementalSite
from generator.write.files import write_files
from tests.conftest import copy_project

DRUG = "content/drugs/blinatumomab.yaml"
NEW = "content/publications/incremental-test-paper.yaml"
PAPER = (
    "label: {{en: Incremental test paper, nl: Incrementeel testartikel}}\n"
    "description: {{en: A paper that cites another., nl: Een artikel dat een ander citeert.}}\n"
    "publicationType: journal-article\nsources:\n  - source: {cited}\n    locator: page 1\nsourceStrength: primary\n"
)


def files(folder: Path, suffixes=(".md", ".json", ".html", ".ttl", ".jsonld", ".nt", ".trig")) -> dict:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.suffix in suffixes
    }


def fresh_docs(root: Path, scratch: Path) -> dict:
    """The docs tree a full build would write for the tree as it is now (pages and query pages)."""
    checked = check_project(root)
    assert not checked.problems, checked.problems
    for lang, pages, _ in generate_docs(root, checked):
        write_files(scratch / lang, pages)
    return files(scratch, (".md", ".json"))


@pytest.fixture(scope="module")
def preview(tmp_path_factory):
    root = copy_project(tmp_path_factory.mktemp("incremental"))
    site = IncrementalSite(root, root / "build")
    first = site.full_build()
    assert not first.problems, first.problems
    yield root, site
    site.close()


def edit(root: Path, path: str, text: str | None) -> None:
    target = root / path
    if text is None:
        target.unlink()
    else:
        target.write_text(text, encoding="utf-8")


def assert_docs_match_a_fresh_generation(root: Path, tmp_path: Path) -> None:
    expected = fresh_docs(root, tmp_path / "fresh")
    actual = files(root / "build" / "docs", (".md", ".json"))
    different = sorted(path for path, data in expected.items() if actual.get(path) != data)
    assert not different, different[:10]
    extra = sorted(path for path in actual if path not in expected and "/performance" not in f"/{path}")
    assert not extra, extra[:10]


def test_a_label_edit_updates_every_page_that_shows_the_label_and_nothing_else(preview, tmp_path):
    root, site = preview
    drug = (root / DRUG).read_text(encoding="utf-8")
    edit(root, DRUG, drug.replace("  en: Blinatumomab\n", "  en: Blinatumomab renamed\n", 1))
    update = site.update()
    assert not update.problems and update.changed == ["blinatumomab"]
    assert "en/drugs/blinatumomab.md" not in update.pages  # paths are per language folder …
    assert "drugs/blinatumomab.md" in update.pages  # … and the page itself is among those rewritten
    assert "trials/blinfant.md" in update.pages  # it links to the drug by its label
    assert len(update.pages) < 100  # not the whole site (372 pages)
    assert_docs_match_a_fresh_generation(root, tmp_path)
    html = (root / "build" / "site" / "trials" / "blinfant" / "index.html").read_text(encoding="utf-8")
    assert "Blinatumomab renamed" in html
    edit(root, DRUG, drug)
    assert site.update().changed == ["blinatumomab"]
    assert_docs_match_a_fresh_generation(root, tmp_path / "back")


def test_adding_relinking_breaking_and_removing_an_entity(preview, tmp_path):
    root, site = preview
    cited, other = "aapc-blinatumomab-article", "ash-2018-interfant-06-abstract"

    edit(root, NEW, PAPER.format(cited=cited))
    update = site.update()
    assert not update.problems and update.changed == ["incremental-test-paper"]
    assert f"publications/{cited}.md" in update.pages  # its "cited by" list gained the new paper
    assert "publications/index.md" in update.pages and "sources.md" in update.pages
    assert_docs_match_a_fresh_generation(root, tmp_path / "added")
    assert (root / "build" / "site" / "publications" / "incremental-test-paper" / "index.html").is_file()

    edit(root, NEW, PAPER.format(cited=other))  # the link moves: the old target must lose it
    update = site.update()
    assert {f"publications/{cited}.md", f"publications/{other}.md"} <= set(update.pages)
    assert_docs_match_a_fresh_generation(root, tmp_path / "moved")

    before = files(root / "build")
    edit(root, NEW, PAPER.format(cited="no-such-paper"))
    broken = site.update()
    assert [str(p.position) for p in broken.problems] == [f"{NEW}:5:13"]
    assert files(root / "build") == before  # nothing written while the tree has a problem

    edit(root, NEW, None)
    update = site.update()
    assert not update.problems and update.removed and "publications/incremental-test-paper.md" in update.removed
    assert not (root / "build" / "site" / "publications" / "incremental-test-paper").exists()
    assert_docs_match_a_fresh_generation(root, tmp_path / "removed")


def test_after_the_edits_the_site_equals_a_full_build(preview, tmp_path):
    root, site = preview
    drug = (root / DRUG).read_text(encoding="utf-8")
    edit(root, DRUG, drug.replace("brandName: BLINCYTO", "brandName: BLINCYTO-X"))
    assert site.update().changed == ["blinatumomab"]
    site.write_data()
    full = build_project(root, tmp_path / "full")
    assert not full.problems
    expected, actual = files(tmp_path / "full" / "site"), files(root / "build" / "site")
    index = "search/search_index.json"
    for name in (index, f"nl/{index}"):  # the merged index holds the same entries, in another order
        entries = [json.loads(x) for x in (expected.pop(name), actual.pop(name))]
        assert entries[0]["config"] == entries[1]["config"]
        assert sorted(map(json.dumps, entries[0]["docs"])) == sorted(map(json.dumps, entries[1]["docs"]))
    assert sorted(expected) == sorted(actual)
    different = sorted(path for path in expected if expected[path] != actual[path])
    assert not different, different[:10]
    assert "BLINCYTO-X" in actual["drugs/blinatumomab/index.html"].decode("utf-8")
