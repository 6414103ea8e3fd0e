"""`kg release` on a git repository made here — two releases with a contributor's change between them — and the
site built from it: the changelog page, the Atom feed, each release's dumps, "What changed" and "Cite this
page" on entity pages, and the dataset description; everything dated from the commits, nothing from the clock."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pyoxigraph as ox
import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import DCAT, DCTERMS, OWL

from generator.build import build_project
from generator.check.pipeline import check_project
from generator.cli import main
from generator.load.saved_queries import load_saved_queries
from generator.model.quads import to_quads
from generator.versions.compare import compare
from tests.helpers import CONTRIBUTION, EDITED_OUTCOME, committing_at, git, git_project, kg, write_content
from tests.test_void import DATASET, check_void_matches_dumps, value

SITE_URL = "https://cle.test/kg/"
REPO_URL = "https://git.test/cle/kg"
FIRST, CHANGE, SECOND = "2026-01-10T08:00:00+00:00", "2026-02-20T14:30:00+01:00", "2026-03-01T12:00:00+00:00"
ATOM = "{http://www.w3.org/2005/Atom}"


def with_real_site(root) -> None:
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = text.replace("site_url: https://example.org/childhood-leukaemia-kg/", f"site_url: {SITE_URL}")
    config.write_text(
        text.replace(
            "repo_url: https://github.com/childhood-leukaemia-kg/childhood-leukaemia-kg", f"repo_url: {REPO_URL}"
        ),
        "utf-8",
    )


@pytest.fixture(scope="module")
def released(tmp_path_factory):
    """(root, build folder): released as 0.1.0, a contributor's change, released as 0.2.0, then built."""
    root = git_project(tmp_path_factory.mktemp("release"), date=FIRST)
    with_real_site(root)
    git(root, "commit", "--quiet", "-am", "The site's real address", date=FIRST)
    with committing_at(FIRST):
        assert main(["--root", str(root), "release", "0.1.0"]) == 0
    write_content(root, {**CONTRIBUTION, "outcomes/blinfant-os-2y.yaml": EDITED_OUTCOME})
    git(root, "add", "--all")
    git(root, "commit", "--quiet", "-m", "Inotuzumab in infants", date=CHANGE)
    with committing_at(SECOND):
        assert main(["--root", str(root), "release", "0.2.0"]) == 0
    out = root / "build"
    result = build_project(root, out)
    assert result.problems == []
    return root, out


def test_a_release_writes_the_version_and_the_changelog_commits_and_tags(released):
    root, _ = released
    assert git(root, "status", "--porcelain") == ""
    assert git(root, "tag", "--list").split() == ["v0.1.0", "v0.2.0"]
    for version in ("0.1.0", "0.2.0"):
        assert git(root, "log", "-1", "--format=%s%n%cI", f"v{version}").splitlines() == [
            f"Release {version}",
            {"0.1.0": FIRST, "0.2.0": SECOND}[version],
        ]
        assert git(root, "cat-file", "-t", f"v{version}").strip() == "tag"  # annotated
        ontology = git(root, "show", f"v{version}:ontology/cle.ttl")
        assert f'owl:versionInfo "{version}"' in ontology
        assert f"owl:versionIRI <https://w3id.org/cle/ontology/{version}>" in ontology
    assert sorted(git(root, "show", "--name-only", "--format=", "v0.2.0^{commit}").split()) == [
        "changelog/0.2.0.json",
        "ontology/cle.ttl",
    ]


def test_the_first_entry_counts_the_second_is_the_diff_since_the_first(released):
    root, _ = released
    first = json.loads((root / "changelog" / "0.1.0.json").read_text(encoding="utf-8"))
    assert (first["version"], first["previous"], first["diff"]["entities"]) == ("0.1.0", "", [])
    files = git(root, "ls-tree", "-r", "--name-only", "v0.1.0", "--", "content").split()
    assert first["diff"]["counts"]["new_entities"] == len(files) == 23
    second = json.loads((root / "changelog" / "0.2.0.json").read_text(encoding="utf-8"))
    assert (second["version"], second["previous"]) == ("0.2.0", "0.1.0")
    expected = compare(root, "v0.1.0", "v0.2.0~1").diff.compact()  # the content the release commit tagged
    assert [e["iri"] for e in second["diff"]["entities"]] == [e.iri for e in expected.entities]
    assert [(e["status"], len(e["changes"])) for e in second["diff"]["entities"]] == [
        (e.status, len(e.changes)) for e in expected.entities
    ]
    assert [a["name"] for a in second["diff"]["answers"]] == [a.name for a in expected.answers]
    assert (second["diff"]["old"], second["diff"]["new"]) == ("0.1.0", "0.2.0")


def test_refusals_say_why_and_change_nothing(released, capsys, tmp_path):
    root, _ = released
    for version, message in (
        ("0.2.0", "kg release: error: the tag v0.2.0 exists already; choose the next version"),
        ("0.1.5", "kg release: error: 0.1.5 is not newer than the latest release, 0.2.0"),
        ("1.0", "kg release: error: `1.0` is not a version; write MAJOR.MINOR.PATCH, such as 1.0.0"),
    ):
        code, _, err = kg(capsys, "--root", root, "release", version)
        assert (code, err.splitlines()) == (1, [message])
    drug = root / "content" / "drugs" / "blinatumomab.yaml"
    before = drug.read_text(encoding="utf-8")
    drug.write_text(before + "synonym: [MT103]\n", encoding="utf-8")
    try:
        code, _, err = kg(capsys, "--root", root, "release", "0.3.0")
    finally:
        drug.write_text(before, encoding="utf-8")
    assert (code, err) == (
        1,
        "kg release: error: uncommitted changes in content/drugs/blinatumomab.yaml; commit them first, so the "
        "release is what the tag holds\n",
    )
    assert git(root, "status", "--porcelain") == "" and git(root, "tag", "--list").split() == ["v0.1.0", "v0.2.0"]


def test_a_release_is_refused_while_the_site_url_is_a_placeholder(capsys, tmp_path):
    root = git_project(tmp_path)  # mkdocs.yml as in this repository: site_url at example.org
    code, _, err = kg(capsys, "--root", root, "release", "0.1.0")
    assert (code, err) == (
        1,
        "kg release: error: mkdocs.yml: site_url is https://example.org/childhood-leukaemia-kg/; set site_url and "
        "repo_url to where the site and the repository really are before a release (citations, the dataset "
        "description and the feed use them)\n",
    )
    assert git(root, "tag", "--list") == "" and git(root, "status", "--porcelain") == ""


def test_the_changelog_page_lists_the_releases_dated_by_their_tags(released):
    _, out = released
    for lang, page, words in (
        ("en", "changelog.md", ("Version 0.2.0", "Released on 1 March 2026 (tag `v0.2.0`).", "Version 0.1.0")),
        ("nl", "changelog.md", ("Versie 0.2.0", "Uitgebracht op 1 maart 2026 (tag `v0.2.0`).", "Versie 0.1.0")),
    ):
        text = (out / "docs" / lang / page).read_text(encoding="utf-8")
        positions = [text.index(word) for word in words]
        assert positions == sorted(positions)
    text = (out / "docs" / "en" / "changelog.md").read_text(encoding="utf-8")
    assert "First release: 23 entities" in text
    assert (
        "- [2\\-year OS with blinatumomab](outcomes/blinfant-os-2y.md) (Outcome, outcomes/blinfant\\-os\\-2y)" in text
    )
    assert "    - estimate: 93\\.3 → 93\\.4" in text
    html = (out / "site" / "changelog" / "index.html").read_text(encoding="utf-8")
    assert (
        '<link rel="alternate" type="application/atom+xml" title="Childhood Leukaemia Evidence: releases" href="../changelog.xml">'
        in html
    )
    assert 'href="../data/releases/0.1.0/kg.trig"' in html


def test_the_feed_has_one_entry_per_release_dated_by_its_tag(released):
    root, out = released
    for lang, site in (("en", out / "site"), ("nl", out / "site" / "nl")):
        feed = ET.parse(site / "changelog.xml").getroot()
        assert feed.tag == f"{ATOM}feed" and feed.get("{http://www.w3.org/XML/1998/namespace}lang") == lang
        entries = feed.findall(f"{ATOM}entry")
        assert [e.find(f"{ATOM}updated").text for e in entries] == [SECOND, FIRST]
        assert feed.find(f"{ATOM}updated").text == SECOND
        assert [e.find(f"{ATOM}link").get("href") for e in entries] == [
            f"{SITE_URL}{'nl/' if lang == 'nl' else ''}changelog/#v{v}" for v in ("0-2-0", "0-1-0")
        ]
        assert len({e.find(f"{ATOM}id").text for e in entries}) == 2
    content = ET.parse(out / "site" / "changelog.xml").getroot().find(f"{ATOM}entry/{ATOM}content").text
    assert "    estimate: 93.3 → 93.4" in content.splitlines()


def test_each_release_has_its_dumps_as_built_from_its_tag(released, tmp_path):
    root, out = released
    data = out / "site" / "data"
    for name in ("kg.ttl", "kg.nt", "kg.jsonld", "kg.trig"):  # HEAD is v0.2.0: the latest dumps are the release's
        assert (data / "releases" / "0.2.0" / name).read_bytes() == (data / name).read_bytes()
    worktree = tmp_path / "at-0.1.0"
    git(root, "worktree", "add", "--quiet", "--detach", str(worktree), "v0.1.0")
    expected = {
        (str(q.subject), str(q.predicate), str(q.object), str(q.graph_name))
        for q in to_quads(check_project(worktree).mapped.graphs)
    }
    published = ox.parse(path=str(data / "releases" / "0.1.0" / "kg.trig"), format=ox.RdfFormat.TRIG)
    assert {(str(q.subject), str(q.predicate), str(q.object), str(q.graph_name)) for q in published} == expected
    assert (
        (data / "releases" / "0.1.0" / "kg.ttl")
        .read_text(encoding="utf-8")
        .startswith("# Childhood Leukaemia Evidence, version 0.1.0 <https://w3id.org/cle/dataset>\n")
    )


def test_what_changed_lists_the_files_last_commits(released):
    root, out = released
    path = "content/outcomes/blinfant-os-2y.yaml"
    commits = git(root, "log", "--format=%H %s", "--", path).splitlines()
    assert [c.split(" ", 1)[1] for c in commits] == ["Inotuzumab in infants", "First content"]
    text = (out / "docs" / "en" / "outcomes" / "blinfant-os-2y.md").read_text(encoding="utf-8")
    rows = [
        line for line in text.split("## What changed", 1)[1].split("##", 1)[0].splitlines() if line.startswith("| ")
    ]
    assert rows[1:] == [
        f"| 20 February 2026 | Inotuzumab in infants | [`{commits[0][:7]}`]({REPO_URL}/commit/{commits[0].split()[0]}) |",
        f"| 10 January 2026 | First content | [`{commits[1][:7]}`]({REPO_URL}/commit/{commits[1].split()[0]}) |",
    ]
    dutch = (out / "docs" / "nl" / "outcomes" / "blinfant-os-2y.md").read_text(encoding="utf-8")
    assert "## Wat er veranderde" in dutch and "| 20 februari 2026 | Inotuzumab in infants |" in dutch


def test_cite_this_page(released):
    _, out = released
    text = (out / "docs" / "nl" / "outcomes" / "blinfant-os-2y.md").read_text(encoding="utf-8")
    cite = text.split("## Deze pagina citeren", 1)[1]
    assert "Childhood Leukaemia Evidence contributors \\(2026\\)\\. 2\\-jaarsoverleving met blinatumomab\\. In " in cite
    assert "\\(versie 0\\.2\\.0\\)" in cite
    assert f"[{SITE_URL}nl/outcomes/blinfant-os-2y/".replace(".", "\\.").replace("-", "\\-") in cite
    bibtex = cite.split("BibTeX:\n\n", 1)[1].split("<code>", 1)[1].split("</code>", 1)[0]
    assert bibtex.splitlines() == [
        "@misc{cle-blinfant-os-2y-0.2.0,",
        "  author = {{Childhood Leukaemia Evidence contributors}},",
        "  title = {2-jaarsoverleving met blinatumomab},",
        "  howpublished = {Childhood Leukaemia Evidence, version 0.2.0},",
        "  version = {0.2.0},",
        "  year = {2026},",
        "  date = {2026-02-20},",
        f"  url = {{{SITE_URL}nl/outcomes/blinfant-os-2y/}},",
        "  note = {Licensed under CC BY 4.0}",
        "}",
    ]
    ris = cite.split("RIS:\n\n", 1)[1].split("<code>", 1)[1].split("</code>", 1)[0]
    assert ris.splitlines() == [
        "TY  - DATA",
        "AU  - Childhood Leukaemia Evidence contributors",
        "TI  - 2-jaarsoverleving met blinatumomab",
        "T2  - Childhood Leukaemia Evidence",
        "ET  - 0.2.0",
        "PY  - 2026",
        "DA  - 2026/02/20",
        f"UR  - {SITE_URL}nl/outcomes/blinfant-os-2y/",
        "N1  - Licensed under CC BY 4.0",
        "ER  - ",
    ]


def test_the_description_counts_match_and_lists_the_releases(released):
    root, out = released
    void = check_void_matches_dumps(out / "site", load_saved_queries(root))
    assert str(value(void, DATASET, OWL.versionInfo)) == "0.2.0"
    assert str(value(void, DATASET, DCTERMS.issued)) == str(value(void, DATASET, DCTERMS.modified)) == "2026-03-01"
    versions = {str(value(void, v, OWL.versionInfo)): v for v in void.objects(DATASET, DCTERMS.hasVersion)}
    assert sorted(versions) == ["0.1.0", "0.2.0"]
    for version, node in versions.items():
        sizes = {
            str(value(void, d, DCAT.downloadURL)): int(value(void, d, DCAT.byteSize))
            for d in void.objects(node, DCAT.distribution)
        }
        folder = out / "site" / "data" / "releases" / version
        assert sizes == {f"{SITE_URL}data/releases/{version}/{p.name}": p.stat().st_size for p in folder.iterdir()}
    assert value(void, DATASET, DCAT.landingPage) == URIRef(SITE_URL)
    assert len(Graph().parse(out / "site" / "data" / "void.ttl")) == len(void)


PLACEHOLDER_URL = "https://example.org/childhood-leukaemia-kg/"


def test_a_released_commit_does_not_build_while_the_site_url_is_a_placeholder(tmp_path):
    """Tagged by hand, past kg release: the build of the tagged commit refuses example.org too."""
    root = git_project(tmp_path)
    git(root, "tag", "-a", "v1.0.0", "-m", "Release 1.0.0")
    result = build_project(root, root / "build")
    line = (root / "mkdocs.yml").read_text(encoding="utf-8").splitlines().index(f"site_url: {PLACEHOLDER_URL}") + 1
    assert [str(p) for p in result.problems] == [
        f"mkdocs.yml:{line}:1: building the release v1.0.0: site_url is https://example.org/childhood-leukaemia-kg/; set "
        "site_url and repo_url to where the site and the repository really are before a release (citations, the "
        "dataset description and the feed use them)"
    ]
    assert not (root / "build" / "site").exists()
