"""`kg new`: a template for every class that fails `kg check` only on its TODO placeholders, and passes once filled."""

from __future__ import annotations

import re

import pytest

from generator.check.pipeline import check_project
from generator.cli import main
from generator.load.ontology import load_schema
from generator.load.yaml_strict import read_yaml
from generator.model.kinds import ValueKind
from generator.model.wording import PLACEHOLDER
from generator.tools.scaffold import resolve_class
from tests.conftest import ROOT, copy_project
from tests.test_jsonschema import to_json

SCHEMA, _ = load_schema(ROOT)
FOLDERS = sorted(SCHEMA.classes)
PAPER = (
    "label: {en: The paper, nl: Het artikel}\ndescription: {en: A paper., nl: Een artikel.}\n"
    "publicationType: journal-article\nsourceStrength: primary\nsources:\n  - source: paper\n    locator: the document itself\n"
)
TODO_LINE = re.compile(rf"^(\s*(?:- )?)(\w+): {PLACEHOLDER}$")


@pytest.fixture
def tree(tmp_path):
    root = copy_project(tmp_path, with_content=False)
    (root / "content" / "publications").mkdir()
    (root / "content" / "publications" / "paper.yaml").write_text(PAPER, encoding="utf-8")
    return root


def new(root, *args) -> tuple[int, str, str]:
    import contextlib
    import io

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["new", "--root", str(root), *args])
    return code, out.getvalue(), err.getvalue()


def test_new_publication_fails_only_on_its_placeholders(tree):
    code, out, _ = new(tree, "publications", "review")
    assert code == 0
    assert (
        out
        == "wrote content/publications/review.yaml: replace every TODO, keep the optional keys you need, then run `kg check`\n"
    )
    problems = [str(p) for p in check_project(tree).problems]
    path = "content/publications/review.yaml"
    assert problems == [
        f"{path}:8:7: `label` still holds the placeholder TODO from `kg new`; write the real value (The name shown for the entity, in every language)",
        f"{path}:9:7: `label` still holds the placeholder TODO from `kg new`; write the real value (The name shown for the entity, in every language)",
        f"{path}:14:7: `description` still holds the placeholder TODO from `kg new`; write the real value (A short plain-language description, in every language (Markdown, no HTML))",
        f"{path}:15:7: `description` still holds the placeholder TODO from `kg new`; write the real value (A short plain-language description, in every language (Markdown, no HTML))",
        f"{path}:34:13: `source` still holds the placeholder TODO from `kg new`; write the real value (The id of the publication the statements are read from)",
        f"{path}:35:14: `locator` still holds the placeholder TODO from `kg new`; write the real value (The section, table, page, paragraph or registry field the statement is read from)",
        f"{path}:39:18: `publicationType` still holds the placeholder TODO from `kg new`; write the real value (journal-article, press-release, registry-record, drug-label, news-article, database-record or web-page)",
        f"{path}:43:17: `sourceStrength` still holds the placeholder TODO from `kg new`; write the real value (primary (an official record or the paper itself), secondary (a summary or copy) or weak (machine-generated or unreviewed))",
    ]


def filled(text: str, cls, ids: dict) -> str:
    """The template with every TODO replaced by a valid value for its key."""
    specs = dict(cls.shape.properties)
    for spec in cls.shape.properties.values():
        if spec.nested is not None:
            specs.update(spec.nested.properties)
    lines = []
    for line in text.splitlines():
        match = TODO_LINE.match(line)
        if match and not line.lstrip().startswith("#"):
            spec = specs.get(match.group(2))
            if spec is None:  # a language of a language map
                value = "Filled in"
            elif spec.kind is ValueKind.REFERENCE:
                value = ids[spec.target_class]
            elif spec.allowed:
                value = spec.allowed[0]
            else:
                from generator.model.datatypes import DATATYPES

                value = DATATYPES[spec.datatype].example if spec.kind is ValueKind.LITERAL else "Filled in"
            line = f"{match.group(1)}{match.group(2)}: {value}"
        lines.append(line)
    return "\n".join(lines) + "\n"


def test_every_class_template_fails_only_on_placeholders_and_passes_once_filled(tree):
    for folder in FOLDERS:  # one new entity of every class, so filled-in references can resolve
        assert new(tree, folder, f"new-{folder}")[0] == 0
    ids = {}
    for cls in SCHEMA.classes.values():
        for ancestor in cls.ancestors:
            ids.setdefault(ancestor, f"new-{cls.folder}")
    problems = check_project(tree).problems
    for folder in FOLDERS:
        rel = f"content/{folder}/new-{folder}.yaml"
        text = (tree / rel).read_text(encoding="utf-8")
        todos = sum(1 for line in text.splitlines() if PLACEHOLDER in line and not line.lstrip().startswith("#"))
        mine = [p.message for p in problems if p.position.path == rel]
        assert len(mine) == todos and all("still holds the placeholder TODO from `kg new`" in m for m in mine), rel
    assert len(problems) == sum(1 for p in problems if "still holds the placeholder" in p.message)
    for folder in FOLDERS:
        path = tree / "content" / folder / f"new-{folder}.yaml"
        path.write_text(filled(path.read_text(encoding="utf-8"), SCHEMA.classes[folder], ids), encoding="utf-8")
    assert [str(p) for p in check_project(tree, shacl=True).problems] == []


@pytest.mark.parametrize("folder", FOLDERS)
def test_template_explains_every_key_and_lists_every_allowed_value(folder):
    """The template is read off the ontology: a key or an allowed value the ontology gains (a trial's
    `testsDrug`, `phase 1/2`) is in the next `kg new` with its definition, values quoted one by one."""
    from generator.model.wording import listed
    from generator.tools.scaffold import template

    lines = template(SCHEMA, SCHEMA.classes[folder], "new-entity").splitlines()
    for key, spec in SCHEMA.classes[folder].shape.properties.items():
        at = next(i for i, line in enumerate(lines) if re.match(rf"# {key}\b", line))
        assert spec.definitions.get("en", "") in lines[at], key
        if spec.allowed:
            assert lines[at + 1].startswith(f"#   one of: {listed(spec.allowed)}"), key


@pytest.mark.parametrize(
    "written, folder",
    [
        ("drugs", "drugs"),
        ("Drug", "drugs"),
        ("DRUG", "drugs"),
        ("clinical trial", "trials"),
        ("ClinicalTrial", "trials"),
    ],
)
def test_class_by_folder_name_or_label_in_any_case(written, folder):
    assert resolve_class(SCHEMA, written)[0].folder == folder


REFUSALS = {
    (
        "drug",
        "paper",
    ): "kg new: error: the id `paper` is taken by content/publications/paper.yaml; ids are unique across content/, choose another\n",
    (
        "drug",
        "pap-er",
    ): "kg new: error: the id `pap-er` looks the same as the id of content/publications/paper.yaml; ids are unique across content/, choose another\n",
    (
        "drug",
        "Blin Atumomab",
    ): "kg new: error: the id `Blin Atumomab` is not a valid id: use lowercase letters a-z, digits and single hyphens, starting with a letter; use `blin-atumomab`\n",
    (
        "drug",
        "../escape",
    ): "kg new: error: the id `../escape` is not a valid id: use lowercase letters a-z, digits and single hyphens, starting with a letter; use `escape`\n",
    (
        "drgus",
        "x",
    ): f"kg new: error: unknown class `drgus`; did you mean `drugs`? (write a folder name: {', '.join(FOLDERS)})\n",
}


@pytest.mark.parametrize("args", sorted(REFUSALS))
def test_refusals_write_nothing(tree, args):
    before = sorted(p.relative_to(tree).as_posix() for p in (tree / "content").rglob("*"))
    code, out, err = new(tree, *args)
    assert (code, out, err) == (1, "", REFUSALS[args])
    assert sorted(p.relative_to(tree).as_posix() for p in (tree / "content").rglob("*")) == before


# --- CONTRIBUTING.md: its examples are real and valid -------------------------------------------------------

EXAMPLE = re.compile(r"\*\*[^*]+\*\* \(`content/(\w+)/`\) — from `([\w-]+)\.yaml`:\n\n```yaml\n(.*?)```", re.DOTALL)


def contributing_examples() -> list:
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    return [(folder, stem, body) for folder, stem, body in EXAMPLE.findall(text)]


SKETCH = re.compile(r"\*\*[^*]+\*\* \(`content/(\w+)/`\) — no file yet\..*?```yaml\n(.*?)```", re.DOTALL)


def contributing_sketches() -> list:
    """(folder, YAML) of the classes CONTRIBUTING.md can only sketch: no content file of theirs exists yet."""
    return SKETCH.findall((ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8"))


def test_contributing_shows_every_class():
    shown = [folder for folder, _, _ in contributing_examples()] + [folder for folder, _ in contributing_sketches()]
    assert sorted(shown) == FOLDERS


@pytest.mark.parametrize("folder, body", contributing_sketches())
def test_a_sketch_is_for_a_class_with_no_file_yet_and_uses_only_its_keys(folder, body):
    assert not list((ROOT / "content" / folder).glob("*.yaml")), "a real file exists now: show it as the example"
    sketch, problems = read_yaml(body.encode("utf-8"), "CONTRIBUTING.md")
    assert problems == []
    shape = SCHEMA.classes[folder].shape.properties
    assert set(to_json(sketch)) <= set(shape)
    assert {key for key, spec in shape.items() if spec.required} - {"label", "description", "sources"} <= set(
        to_json(sketch)
    )


@pytest.mark.parametrize("folder, stem, body", contributing_examples(), ids=lambda v: v if "\n" not in str(v) else "")
def test_contributing_example_is_taken_from_the_real_file(folder, stem, body):
    from tests.test_contributing import example_and_real

    example, real_values = example_and_real(folder, stem, body)
    for key, value in example.items():
        assert key in SCHEMA.classes[folder].shape.properties
        as_list = lambda v: v if isinstance(v, list) else [v]  # noqa: E731 - a list may be shortened
        assert value == real_values[key] or set(map(str, as_list(value))) <= set(map(str, as_list(real_values[key]))), (
            key
        )
