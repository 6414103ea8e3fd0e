"""The editor JSON Schemas: generated from the ontology, valid, accepted by every content file, and in agreement
with `kg check` on the bad-input corpus wherever JSON Schema can express the rule."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from generator.check.pipeline import check_project
from generator.cli import main
from generator.load.ontology import load_schema
from generator.load.yaml_strict import Mapping, Scalar, Sequence, read_yaml
from generator.model.ids import id_problem
from generator.write.editor_schemas import all_schemas, editor_settings, known_ids_from_files
from tests.conftest import ROOT
from tests.test_bad_inputs import CASES, case_tree

SCHEMA, _ = load_schema(ROOT)
CONTENT_FILES = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "content").glob("*/*.yaml"))

# Corpus cases where kg check and the editor schema may differ, and why JSON Schema cannot say the same.
NOT_EXPRESSIBLE = {
    "curie-bad-local-id": "each prefix's local-id pattern lives in the Bioregistry, not in the schema",
    "curie-unknown-prefix": "the prefix list is the Bioregistry's, checked by kg check",
    "markdown-link-javascript": "links inside Markdown text are parsed by kg check",
    "markdown-link-entity-encoded": "links inside Markdown text are parsed by kg check",
    "markdown-link-relative": "links inside Markdown text are parsed by kg check",
    "look-alike-ids": "uniqueness of ids is a rule across files",
    "digit-letter-look-alike-ids": "uniqueness of ids is a rule across files",
    "same-id-in-two-folders": "uniqueness of ids is a rule across files",
    # JSON Schema could say it only as an if/then per key, reported at the top of the file, not at the value
    "supports-key-not-stated": "`supports` names a key stated elsewhere in the same file",
    "unverified-key-not-stated": "`unverified` names a key stated elsewhere in the same file",
}


def to_json(node):
    """Our YAML tree as the JSON value an editor sees (every scalar as the text it is, null as None)."""
    if isinstance(node, Mapping):
        return {key.value: to_json(value) for key, value in node.items}
    if isinstance(node, Sequence):
        return [to_json(item) for item in node.items]
    assert isinstance(node, Scalar)
    return None if node.is_null else node.value


def validators(root: Path) -> dict:
    return {
        folder: jsonschema.Draft7Validator(value, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
        for folder, value in all_schemas(SCHEMA, known_ids_from_files(root, SCHEMA)).items()
    }


def schema_errors(root: Path, rel: str, checkers: dict) -> list | None:
    """The schema errors of one content file, or None when it is not a readable file of a class folder."""
    parts = rel.split("/")
    if len(parts) != 3 or parts[1] not in checkers or not rel.endswith(".yaml") or (root / rel).is_symlink():
        return None
    if id_problem(parts[2][: -len(".yaml")]):
        return None  # a rule about the file name, which a schema of the file's contents cannot see
    tree, problems = read_yaml((root / rel).read_bytes(), rel)
    if tree is None:
        return None
    return [error.message for error in checkers[parts[1]].iter_errors(to_json(tree))]


@pytest.mark.parametrize("folder", sorted(SCHEMA.classes))
def test_schemas_are_valid_json_schema(folder):
    jsonschema.Draft7Validator.check_schema(all_schemas(SCHEMA, {})[folder])


def test_kg_schemas_writes_one_file_per_class(tmp_path, capsys):
    assert main(["schemas", "--out", str(tmp_path)]) == 0
    written = sorted(p.name for p in tmp_path.iterdir())
    assert written == [f"{folder}.schema.json" for folder in sorted(SCHEMA.classes)]
    value = json.loads((tmp_path / "drugs.schema.json").read_text(encoding="utf-8"))
    assert value["properties"]["label"]["required"] == list(SCHEMA.languages)


def test_references_complete_to_known_ids():
    value = all_schemas(SCHEMA, known_ids_from_files(ROOT, SCHEMA))["publications"]
    source = value["properties"]["sources"]["oneOf"][1]["items"]["properties"]["source"]
    assert source["enum"] == sorted(p.stem for p in (ROOT / "content" / "publications").glob("*.yaml"))


@pytest.fixture(scope="module")
def real_checkers():
    return validators(ROOT)


@pytest.mark.parametrize("rel", CONTENT_FILES)
def test_every_content_file_is_valid(rel, real_checkers):
    assert schema_errors(ROOT, rel, real_checkers) == []


def test_vscode_settings_match_the_generated_mapping():
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert settings["yaml.schemas"] == editor_settings(SCHEMA)


@pytest.mark.parametrize("name", CASES)
def test_schema_agrees_with_kg_check_on_the_corpus(name, tmp_path):
    root = case_tree(tmp_path, name)
    flagged_by_check = {p.position.path for p in check_project(root).problems}
    checkers = validators(root)
    disagreements = []
    for path in sorted((root / "content").rglob("*.yaml")):
        rel = path.relative_to(root).as_posix()
        errors = schema_errors(root, rel, checkers)
        if errors is None:
            continue  # kg check refuses the file before its keys are read: nothing for a schema to see
        if bool(errors) != (rel in flagged_by_check):
            disagreements.append((rel, errors))
    assert bool(disagreements) == (name in NOT_EXPRESSIBLE), disagreements


def test_build_publishes_the_schemas_with_the_site(tmp_path, capsys):
    root = case_tree(tmp_path, "unknown-key")
    (root / "content" / "publications" / "review.yaml").unlink()
    assert main(["build", "--root", str(root)]) == 0
    assert main(["schemas", "--root", str(root), "--out", str(tmp_path / "schemas")]) == 0
    published = root / "build" / "site" / "schemas"
    assert sorted(p.name for p in published.iterdir()) == sorted(p.name for p in (tmp_path / "schemas").iterdir())
    for path in sorted(published.iterdir()):
        assert path.read_bytes() == (tmp_path / "schemas" / path.name).read_bytes(), path.name
