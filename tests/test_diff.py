"""`kg diff`: the semantic diff between two tags of a small git repository made here, held to independent
oracles — git's own list of changed files for the entities, the saved questions run on each tag separately for
the answers — and worded exactly for the statements a contributor changed."""

from __future__ import annotations

import contextlib
import io
import json
import shutil

import pyoxigraph as ox
import pytest

from generator.check.pipeline import check_project
from generator.cli import main
from generator.load.saved_queries import load_saved_queries
from generator.model.quads import open_store, to_quads
from generator.sparql.engine import run_query
from generator.write.dumps import write_dumps
from tests.helpers import CONTRIBUTION, EDITED_OUTCOME, git, git_project, kg, write_content

NAMESPACE = "https://w3id.org/cle/id/"
RENAMED_DRUG = ("nl: Blinatumomab}", "nl: Blinatumomab (Blincyto)}")


@pytest.fixture(scope="module")
def repo(tmp_path_factory):
    """v0.1.0: the snapshot fixture's content; v0.2.0: a contributor's drug, trial and publication, an edited
    estimate with a second source, a renamed drug and a removed outcome."""
    root = git_project(tmp_path_factory.mktemp("diff"))
    git(root, "tag", "v0.1.0")
    drug = root / "content" / "drugs" / "blinatumomab.yaml"
    write_content(
        root,
        {
            **CONTRIBUTION,
            "outcomes/blinfant-os-2y.yaml": EDITED_OUTCOME,
            "outcomes/kmt2a-aff1-share.yaml": None,
            "drugs/blinatumomab.yaml": drug.read_text(encoding="utf-8").replace(*RENAMED_DRUG),
        },
    )
    git(root, "add", "--all")
    git(root, "commit", "--quiet", "-m", "Add inotuzumab", date="2026-02-01T09:00:00+00:00")
    git(root, "tag", "v0.2.0")
    return root


@pytest.fixture(scope="module")
def diff_json(repo):
    """The JSON diff v0.1.0 → v0.2.0 (run once for the module)."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["--root", str(repo), "diff", "v0.1.0", "v0.2.0", "--format", "json"]) == 0
    return json.loads(out.getvalue())


def tree_at(repo, tag: str, tmp_path):
    """The project as committed at a tag, checked out on its own with git (the oracle's copy)."""
    target = tmp_path / tag
    git(repo, "worktree", "add", "--quiet", "--detach", str(target), tag)
    return target


def test_the_entities_that_differ_are_the_files_git_says_changed(repo, diff_json):
    changed = git(repo, "diff", "--name-status", "v0.1.0", "v0.2.0", "--", "content").splitlines()
    status = {"A": "added", "D": "removed", "M": "changed"}
    expected = {NAMESPACE + line.split("\t")[1].rsplit("/", 1)[1][: -len(".yaml")]: status[line[0]] for line in changed}
    found = {e["iri"]: e["status"] for e in diff_json["entities"] if e["iri"].startswith(NAMESPACE)}
    assert found == expected
    assert len(expected) == 6  # three added, one removed, two changed


def test_the_answers_that_differ_are_those_the_questions_give_on_each_tag(repo, diff_json, tmp_path):
    saved = load_saved_queries(repo)
    stores = {}
    for tag in ("v0.1.0", "v0.2.0"):
        checked = check_project(tree_at(repo, tag, tmp_path))
        assert checked.problems == []
        stores[tag] = open_store(to_quads(checked.mapped.graphs))
    expected = {}
    for query in saved:
        old, new = (
            {tuple("" if t is None else str(t) for t in row) for row in run_query(stores[tag], query.text).rows}
            for tag in ("v0.1.0", "v0.2.0")
        )
        if old != new:
            expected[query.name] = (sorted(new - old), sorted(old - new), len(old), len(new))

    def nt(value) -> str:
        if value is None:
            return ""
        if value["kind"] == "iri":
            return str(ox.NamedNode(value["text"]))
        if value.get("lang"):
            return str(ox.Literal(value["text"], language=value["lang"]))
        if value.get("datatype"):
            return str(ox.Literal(value["text"], datatype=ox.NamedNode(value["datatype"])))
        return str(ox.Literal(value["text"]))

    found = {
        a["name"]: (
            sorted(tuple(nt(v) for v in row) for row in a["added"]),
            sorted(tuple(nt(v) for v in row) for row in a["removed"]),
            a["old_rows"],
            a["new_rows"],
        )
        for a in diff_json["answers"]
    }
    assert found == expected
    assert "drugs-added-to-protocols" in found and "trial-publications" in found


def test_changed_statements_in_words(repo, capsys):
    code, out, _ = kg(capsys, "--root", repo, "diff", "v0.1.0", "v0.2.0")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("From v0.1.0 (") and ") to v0.2.0 (" in lines[0]
    assert lines[1].startswith("Entities: 3 added, 1 removed, 2 changed; statements: ")
    changed = lines[lines.index("Changed") + 1 : lines.index("Answers to the saved questions") - 1]
    assert changed == [
        "~ Blinatumomab — Drug, drugs/blinatumomab",
        "    label (nl): Blinatumomab → Blinatumomab (Blincyto)",
        "~ 2-year OS with blinatumomab — Outcome, outcomes/blinfant-os-2y",
        "    estimate: 93.3 → 93.4",
        "    sources added: The press release (paragraph 2)",
    ]
    assert "- Share with KMT2A::AFF1 — Outcome, outcomes/kmt2a-aff1-share (16 statements)" in lines
    assert "+ Inotuzumab ozogamicin — Drug, drugs/inotuzumab-ozogamicin (10 statements)" in lines
    assert "    brand name added: BESPONSA" in lines


def test_the_same_diff_gives_the_same_bytes(repo, capsys):
    outputs = {kg(capsys, "--root", repo, "diff", "v0.1.0", "v0.2.0", "--format", fmt)[1] for fmt in ["json"] * 2}
    assert len(outputs) == 1
    markdown = [kg(capsys, "--root", repo, "diff", "v0.1.0", "v0.2.0", "--format", "markdown")[1] for _ in range(2)]
    assert markdown[0] == markdown[1] and markdown[0].startswith("## What changed in the graph\n")
    assert "- **Blinatumomab** (Drug, drugs/blinatumomab)\n    - label \\(nl\\): Blinatumomab → " in markdown[0]


def test_in_dutch(repo, capsys):
    _, out, _ = kg(capsys, "--root", repo, "diff", "v0.1.0", "v0.2.0", "--lang", "nl")
    assert out.splitlines()[1].startswith("Entiteiten: 3 toegevoegd, 1 verwijderd, 2 gewijzigd; uitspraken: ")
    assert "    bronnen toegevoegd: Het persbericht (paragraph 2)" in out.splitlines()


def test_two_dumps_give_the_same_diff_as_their_revisions(repo, diff_json, tmp_path, capsys):
    """Dumps written by the build's own writer at each tag: TriG (named graphs) and Turtle (their union)."""
    for extension in ("trig", "ttl"):
        paths = []
        for tag in ("v0.1.0", "v0.2.0"):
            checked = check_project(tree_at(repo, f"{tag}", tmp_path / extension))
            sizes = write_dumps(to_quads(checked.mapped.graphs), tmp_path / extension / f"dump-{tag}", NAMESPACE)
            assert sizes
            paths.append(tmp_path / extension / f"dump-{tag}" / f"kg.{extension}")
        code, out, _ = kg(capsys, "--root", repo, "diff", *paths, "--format", "json")
        assert code == 0
        from_dumps = json.loads(out)
        assert (from_dumps["old"], from_dumps["new"]) == (f"kg.{extension}", f"kg.{extension}")
        assert from_dumps["entities"] == diff_json["entities"]
        # a Turtle dump holds the union graph: the question about named graphs has no answer in either
        named_graphs = extension == "trig"
        expected = [a for a in diff_json["answers"] if named_graphs or a["name"] != "graphs-per-file"]
        assert from_dumps["answers"] == expected


def test_by_default_the_work_tree_against_the_merge_base_with_main(repo, capsys, tmp_path):
    clone = tmp_path / "clone"
    git(repo, "worktree", "add", "--quiet", "-b", "feature", str(clone), "v0.1.0")  # main is at v0.2.0
    outcome = clone / "content" / "outcomes" / "controls-os-2y.yaml"
    outcome.write_text(outcome.read_text(encoding="utf-8").replace("estimate: 65.8", "estimate: 65.9"), "utf-8")
    code, out, _ = kg(capsys, "--root", clone, "diff")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("From main (") and lines[0].endswith(") to work tree")
    assert lines[lines.index("Changed") + 1 :][:2] == [
        "~ 2-year OS in controls — Outcome, outcomes/controls-os-2y",
        "    estimate: 65.8 → 65.9",
    ]


def test_nothing_changed(repo, capsys):
    code, out, _ = kg(capsys, "--root", repo, "diff", "v0.2.0", "v0.2.0")
    assert code == 0
    assert out.splitlines()[2] == "Nothing changed: the graph and the answers to the saved questions are the same."


def test_a_revision_that_does_not_check_names_its_files_at_that_revision(repo, capsys, tmp_path):
    broken = tmp_path / "broken"
    git(repo, "worktree", "add", "--quiet", "-b", "broken", str(broken), "v0.2.0")
    (broken / "content" / "drugs" / "inotuzumab-ozogamicin.yaml").write_text("label: [a\n", encoding="utf-8")
    git(broken, "commit", "--quiet", "-am", "Break a file")
    code, _, err = kg(capsys, "--root", repo, "diff", "v0.2.0", "broken")
    assert code == 1
    assert err.splitlines()[0] == (
        "broken:content/drugs/inotuzumab-ozogamicin.yaml:2:1: the YAML does not parse (did not find expected ',' or "
        "']'); close the `[…]` with `]`, and quote an item that holds a comma"
    )


def test_errors_say_what_to_give(repo, capsys, tmp_path):
    code, _, err = kg(capsys, "--root", repo, "diff", "no-such-tag", "v0.2.0")
    assert code == 1
    assert err.startswith("kg diff: error: `no-such-tag` is neither a dump file nor a git revision (")
    outside = tmp_path / "outside"
    shutil.copytree(repo / "content", outside / "content")
    code, _, err = kg(capsys, "--root", outside, "diff")
    assert (code, err) == (
        1,
        f"kg diff: error: {outside.resolve()} is not a git checkout: give two dumps, such as old/kg.trig new/kg.trig\n",
    )
    code, _, err = kg(capsys, "--root", repo, "diff", "v0.1.0", "v0.2.0", "--format", "yaml")
    assert (code, err) == (1, "kg diff: error: unknown format `yaml`; use one of: text, markdown, json\n")


def test_a_limit_bounds_the_entities_and_rows_listed(repo, capsys):
    _, out, _ = kg(capsys, "--root", repo, "diff", "v0.1.0", "v0.2.0", "--limit", "1")
    lines = out.splitlines()
    added = lines[lines.index("Added") + 1 :]
    assert added[0].startswith("+ ") and [line for line in added if line.startswith("  and ")][0] == "  and 2 more"
    assert "    + and 3 more" in lines  # graphs-per-file gains four rows: one shown
