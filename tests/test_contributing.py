"""CONTRIBUTING.md and the review files agree with the checks: what a publication must have is what the shapes
require, every example of a source reference is taken from a real file, and the pull-request checklist and
CODEOWNERS name the same reviewers and the ontology's own words."""

from __future__ import annotations

import re

import pytest

from generator.load.ontology import load_schema
from generator.load.yaml_strict import read_yaml
from tests.conftest import ROOT
from tests.test_jsonschema import to_json

SCHEMA, _ = load_schema(ROOT)
CONTRIBUTING = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
TEMPLATE = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
CODEOWNERS = (ROOT / ".github" / "CODEOWNERS").read_text(encoding="utf-8")
# "From `content/<folder>/<id>.yaml` (shortened):" followed by a YAML block
FROM_FILE = re.compile(r"[Ff]rom\s+`content/(\w+)/([\w-]+)\.yaml`[^:\n]*:\n\n```yaml\n(.*?)```", re.DOTALL)


def keys_in(text: str) -> set:
    return set(re.findall(r"`(\w+)`", text))


def required(folder: str) -> set:
    return {key for key, spec in SCHEMA.classes[folder].shape.properties.items() if spec.required}


def test_what_a_publication_must_have_is_what_the_shapes_require():
    found = re.search(r"Every publication must have (.*?) \(besides the (.*?) every file has\)", CONTRIBUTING, re.S)
    assert found, "CONTRIBUTING.md says which keys every publication must have"
    every_file = set.intersection(*(required(folder) for folder in SCHEMA.classes))
    assert keys_in(found.group(2)) == every_file
    assert keys_in(found.group(1)) == required("publications") - every_file


def source_examples() -> list:
    return FROM_FILE.findall(CONTRIBUTING)


def normalized(text) -> str:
    return " ".join(str(text).replace("…", " ").split())


def example_and_real(folder: str, stem: str, body: str) -> tuple[dict, dict]:
    """An example's YAML and the real file's, as the values an editor sees; both must read without problems."""
    example, problems = read_yaml(body.encode("utf-8"), "CONTRIBUTING.md")
    assert problems == []
    real, problems = read_yaml((ROOT / "content" / folder / f"{stem}.yaml").read_bytes(), stem)
    assert problems == []
    return to_json(example), to_json(real)


def test_contributing_shows_source_examples():
    assert {folder for folder, _, _ in source_examples()} >= {"drugs", "publications", "alterations"}


@pytest.mark.parametrize("folder, stem, body", source_examples(), ids=lambda v: v if "\n" not in str(v) else "")
def test_source_example_is_taken_from_the_real_file(folder, stem, body):
    example, real = example_and_real(folder, stem, body)
    for key, value in example.items():
        if key != "sources":
            assert value == real[key], key
    for entry in example.get("sources", []):
        same = [r for r in real["sources"] if (r["source"], r["locator"]) == (entry["source"], entry["locator"])]
        assert len(same) == 1, entry
        for key, value in entry.items():
            if key in ("quote", "quoteTranslation"):  # a quote may be shortened with …
                (lang, text), (real_lang, real_text) = *value.items(), *same[0][key].items()
                assert lang == real_lang and normalized(text) in normalized(real_text), key
            else:
                assert value == same[0][key], key


def test_codeowners_name_the_medical_reviewers_for_content_and_ontology():
    owners = dict(line.split(None, 1) for line in CODEOWNERS.splitlines() if line.strip() and not line.startswith("#"))
    assert set(owners) == {"/content/", "/ontology/"}
    (team,) = {value.strip() for value in owners.values()}
    assert re.fullmatch(r"@[\w-]+/[\w-]+", team)
    assert f"`{team}`" in TEMPLATE and f"`{team}`" in CONTRIBUTING


def test_the_review_checklist_uses_the_ontology_words():
    items = re.findall(r"^- \[ \] (.*?)(?=^- \[ \]|\Z)", TEMPLATE, re.M | re.S)
    assert len(items) >= 5
    text = " ".join(" ".join(items).split())
    sources = SCHEMA.classes["drugs"].shape.properties["sources"].nested.properties
    for needed in ("source", "locator", "quote", "unit", "uncertainty", "English", "Dutch", "verified", "flagged"):
        assert needed.casefold() in text.casefold(), needed
    for key in ("sources", "quoteTranslation", "unverified", "publicationType", "sourceStrength"):
        assert f"`{key}" in text and (key in sources or key in SCHEMA.classes["publications"].shape.properties)
    assert all(f"`{value}" in text or f" {value}`" in text for value in sources["confidence"].allowed)
