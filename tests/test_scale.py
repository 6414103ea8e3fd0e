"""The tools behind the scale work, for real on small N: `kg synth` (deterministic, valid), `kg build --verbose`
(stage times and render progress), and the live preview's incremental update on a synthetic tree, where every
class and its cross-entity sections take part."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from generator.load.ontology import load_schema
from generator.preview.incremental import IncrementalSite
from tests.conftest import ROOT
from tests.test_incremental import assert_docs_match_a_fresh_generation, files

N = 60


def kg(*args) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "generator.cli", *map(str, args)], cwd=ROOT, capture_output=True, text=True, timeout=600
    )


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("synth") / "tree"
    made = kg("synth", N, "--out", out)
    assert made.returncode == 0, made.stderr
    assert made.stdout.startswith(f"wrote {N} synthetic entities to ")
    return out


def test_synth_is_deterministic_and_covers_every_class(synthetic, tmp_path):
    again = tmp_path / "again"
    assert kg("synth", N, "--out", again).returncode == 0
    assert files(synthetic / "content", (".yaml",)) == files(again / "content", (".yaml",))
    folders = {path.parent.name for path in (synthetic / "content").rglob("*.yaml")}
    assert folders == set(load_schema(ROOT)[0].classes)  # every class, also those with no real file yet
    checked = kg("--root", synthetic, "check")
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_build_verbose_prints_stage_times_and_render_progress(synthetic, tmp_path):
    built = kg("--root", synthetic, "build", "--out", tmp_path / "out", "--verbose")
    assert built.returncode == 0, built.stdout + built.stderr
    stages = re.findall(r"^(\w+): \d+\.\d\d s$", built.stderr, re.MULTILINE)
    assert stages == ["fingerprint", "load", "map", "check", "pages", "render", "dumps"]
    # the languages render side by side, counted on one line (not a terminal: a plain line per tenth, ending
    # at every page of both)
    counts = re.findall(r"^render en, nl: (\d+)/(\d+) \(\d+%\)$", built.stderr, re.MULTILINE)
    assert len(counts) >= 5 and counts[-1][0] == counts[-1][1] and int(counts[-1][1]) > 2 * N
    assert re.match(rf"built: {N} entities, \d+ quads, \d+ HTML pages; dumps: ", built.stdout)


def test_incremental_updates_match_a_fresh_generation_for_every_class(synthetic, tmp_path):
    import shutil

    root = tmp_path / "tree"
    shutil.copytree(synthetic, root, symlinks=True)
    site = IncrementalSite(root, root / "build")
    try:
        assert not site.full_build().problems
        by_folder = {}
        for path in sorted((root / "content").rglob("*.yaml")):
            by_folder.setdefault(path.parent.name, path)
        for number, (folder, path) in enumerate(sorted(by_folder.items())):
            text = path.read_text(encoding="utf-8")
            edited = re.sub(r"(?m)^(  en: )(.*)$", rf"\g<1>\g<2> edited {number}", text, count=1)
            assert edited != text
            path.write_text(edited, encoding="utf-8")
            update = site.update()
            assert not update.problems and update.changed == [path.stem], folder
            assert_docs_match_a_fresh_generation(root, tmp_path / folder)
    finally:
        site.close()


def test_the_performance_page_shows_the_committed_figures(site_dir):
    import json

    from generator.render.locale import number, whole

    build = json.loads((ROOT / "bench" / "results" / "build.json").read_text(encoding="utf-8"))
    preview = json.loads((ROOT / "bench" / "results" / "preview.json").read_text(encoding="utf-8"))
    first = build["rows"][0]
    for page, heading, lang in (
        (site_dir / "performance" / "index.html", "Live preview", "en"),
        (site_dir / "nl" / "performance" / "index.html", "Live voorbeeld", "nl"),
    ):
        html = page.read_text(encoding="utf-8")
        assert "<svg" in html and heading in html
        assert number(f"{first['build_s']:.1f}", lang) in html and whole(first["pages"]) in html
        for key, digits in (("rebuild_s", 1), ("cores_busy", 2)):  # columns of the parallel, incremental build
            if key in first:
                assert number(f"{first[key]:.{digits}f}", lang) in html
        assert number(f"{preview['max_s']:.2f}", lang) in html
        assert number(f"{preview['full_build_s']:.1f}", lang) in html
