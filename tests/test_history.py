"""History and citation on entity pages: "What changed" read with one `git log` for the whole tree (the same
commits, file by file, as git's own per-file log), nothing outside a git checkout, and "Cite this page" on
every entity page."""

from __future__ import annotations

import subprocess

from generator.build import generate_docs
from generator.check.pipeline import check_project
from generator.load.edition import ontology_version
from generator.load.git_history import file_history, is_checkout
from tests.conftest import ROOT
from tests.helpers import make_tree

DRUG = (
    "label: {en: Blinatumomab, nl: Blinatumomab}\ndescription: {en: An antibody., nl: Een antilichaam.}\n"
    "sources: [{source: paper, locator: methods}]\n"
)


def test_one_log_for_the_tree_gives_each_files_own_last_commits():
    if not is_checkout(ROOT):  # an unpacked archive of the project has no history to compare
        return
    history = file_history(ROOT)
    paths = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "content").glob("*/*.yaml"))
    committed = [path for path in paths if path in history]
    assert committed, "the checkout's content has commits"
    for path in committed:
        own = subprocess.run(
            ["git", "-C", str(ROOT), "log", "-5", "--format=%H%x1f%cI%x1f%s", "--", path],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.splitlines()
        assert [f"{c.hash}\x1f{c.date}\x1f{c.subject}" for c in history[path]] == own, path


def test_every_entity_page_of_the_real_build_cites_itself_and_says_what_changed(built):
    out = built[1]
    history = file_history(ROOT)
    files = sorted((ROOT / "content").glob("*/*.yaml"))
    entity_pages = [out / "docs" / "en" / f.parent.name / f"{f.stem}.md" for f in files]
    assert files and all(page.is_file() for page in entity_pages)
    for page in entity_pages:
        text = page.read_text(encoding="utf-8")
        assert (
            "### Cite this page" in text
            and 'BibTeX:\n\n<div class="highlight"><pre><span></span><code>@misc{cle-' in text
            and "<code>TY  - DATA\n" in text
        ), page
        source = f"content/{page.parent.name}/{page.stem}.yaml"
        assert ("## What changed" in text) == (source in history), page


def test_outside_git_there_is_no_history_and_no_date(tmp_path):
    root = make_tree(tmp_path, {"drugs/blinatumomab.yaml": DRUG})
    assert not is_checkout(root) and file_history(root) == {}
    checked = check_project(root)
    pages = {lang: pages for lang, pages, _ in generate_docs(root, checked)}
    text = pages["en"]["drugs/blinatumomab.md"]
    assert "## What changed" not in text
    cite = text.split("## Cite this page { data-search-exclude }\n\n", 1)[1].splitlines()[0]
    version = ontology_version(checked.schema.graph)[0].replace(".", "\\.")  # the version's one place
    assert cite == (
        "Contributors to Childhood Leukaemia Evidence\\. Blinatumomab\\. In Childhood Leukaemia Evidence \\(version "
        f"{version}\\)\\. [https://example\\.org/childhood\\-leukaemia\\-kg/drugs/blinatumomab/]"
        "(https://example.org/childhood-leukaemia-kg/drugs/blinatumomab/) Licensed under CC BY 4\\.0\\."
    )
    assert "  year = " not in text and "\nPY  - " not in text
