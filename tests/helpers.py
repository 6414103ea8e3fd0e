"""Small fixture trees for unit tests: a copy of the real ontology and site with a few YAML files."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import copy_project

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
