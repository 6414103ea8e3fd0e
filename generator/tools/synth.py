"""Write a synthetic project tree of N entities across every class, valid under `kg check`, for benchmarks.

The entities are made from the schema alone (every class, every required key and a share of the optional
ones, references to existing ids of the right class, both languages, sources with locators), so the
synthetic tree grows with the ontology. Deterministic: the same N gives the same files.
"""

from __future__ import annotations

import random
from pathlib import Path

import yaml

from ..load.ontology import load_schema
from ..model.datatypes import DATATYPES, SYNTHETIC_WORDS
from ..model.kinds import ValueKind
from ..model.schema import ClassSpec, PropertySpec, Schema
from ..write.files import copy_file, copy_tree, link_folder, write_files
from ..write.scratch import remove_tree

__all__ = ["write_synthetic_tree", "CLASS_WEIGHTS"]

# Relative number of entities per content folder (a real evidence base has many more outcomes than drugs).
CLASS_WEIGHTS = {
    "outcomes": 8,
    "publications": 4,
    "cohorts": 3,
    "people": 3,
    "trials": 2,
    "organizations": 2,
    "alterations": 2,
    "genes": 2,
    "diseases": 1,
    "drugs": 1,
    "protocols": 1,
    "measures": 1,
}
OPTIONAL_SHARE = 0.6


def _counts(schema: Schema, n: int) -> dict:
    weights = {folder: CLASS_WEIGHTS.get(folder, 1) for folder in schema.classes}
    total = sum(weights.values())
    counts = {folder: max(1, n * weight // total) for folder, weight in weights.items()}
    counts[max(counts, key=counts.get)] += n - sum(counts.values())
    return counts


def _sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(SYNTHETIC_WORDS) for _ in range(words)).capitalize() + "."


class _Maker:
    """Values for one entity, by property kind."""

    def __init__(self, schema: Schema, ids: dict, rng: random.Random):
        self.schema, self.ids, self.rng = schema, ids, rng

    def value(self, spec: PropertySpec, index: int, cls: ClassSpec):
        rng = self.rng
        if spec.kind is ValueKind.LANGMAP:
            return {lang: f"{_sentence(rng, 6)} ({lang} {index})" for lang in self.schema.languages}
        if spec.kind is ValueKind.TEXT:
            return {"en": _sentence(rng, 8)}
        if spec.kind is ValueKind.LITERAL:
            if spec.allowed:
                return rng.choice(spec.allowed)
            if spec.pattern == "^[A-Z]{2}$":
                return rng.choice(("NL", "BE", "DE", "FR", "IT", "AU"))
            if spec.pattern == "^[a-z]{2}$":
                return rng.choice(("en", "nl"))
            return DATATYPES[spec.datatype].synthetic(rng, index)
        if spec.kind is ValueKind.REFERENCE:
            candidates = [
                i
                for folder, ids in self.ids.items()
                if spec.target_class in self.schema.classes[folder].ancestors
                for i in ids
            ]
            return rng.choice(candidates) if candidates else None
        if spec.kind is ValueKind.IDENTIFIER:
            return f"HGNC:{10000 + index}"
        if spec.kind is ValueKind.PROPKEY:
            return None
        if spec.kind is ValueKind.NESTED:
            return [
                {
                    "source": rng.choice(self.ids["publications"]),
                    "locator": f"Table {rng.randint(1, 5)}",
                    "quote": {"en": _sentence(rng, 10)},
                    "confidence": "verified-in-secondary-source",
                }
            ]
        raise ValueError(spec.kind)

    def entity(self, cls: ClassSpec, index: int) -> dict:
        data = {}
        for spec in cls.shape.properties.values():
            if not spec.required and self.rng.random() > OPTIONAL_SHARE:
                continue
            value = self.value(spec, index, cls)
            if value is not None:
                data[spec.key] = value
        if "label" in data:
            data["label"] = {lang: f"{cls.labels.get(lang, cls.name)} {index}" for lang in self.schema.languages}
        return data


def write_synthetic_tree(source_root: Path, n: int, out: Path) -> dict:
    """Copy ontology/, site/ (with plain home pages) and mkdocs.yml from source_root, and write N entities."""
    schema, problems = load_schema(source_root)
    if schema is None:
        raise ValueError("; ".join(map(str, problems)))
    remove_tree(out)
    copy_tree(source_root / "ontology", out / "ontology")
    copy_tree(source_root / "site", out / "site", ignore=("index.md",))
    write_files(
        out / "site",
        {
            "index.md": "# Synthetic evidence\n\nA generated tree for benchmarks.\n",
            "nl/index.md": "# Synthetisch bewijs\n\nA generated tree for benchmarks.\n",
        },
    )
    copy_file(source_root / "mkdocs.yml", out / "mkdocs.yml")
    if (source_root / "node_modules").is_dir():
        link_folder(out / "node_modules", source_root / "node_modules")
    counts = _counts(schema, n)
    ids = {
        folder: [f"{folder[:-1] if folder.endswith('s') else folder}-{i:06d}" for i in range(count)]
        for folder, count in counts.items()
    }
    rng = random.Random(n)
    maker = _Maker(schema, ids, rng)
    files = {}
    for folder, cls in schema.classes.items():
        for index, entity_id in enumerate(ids[folder]):
            text = yaml.safe_dump(maker.entity(cls, index), allow_unicode=True, sort_keys=False, width=120)
            files[f"content/{folder}/{entity_id}.yaml"] = text
    write_files(out, files)
    return counts
