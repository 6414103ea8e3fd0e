"""The tree shows the pipeline, and stays so: one named rule per test, checked for every module of generator/.

Layers, lowest first; a module imports only from its own layer or below. Only the MkDocs adapter touches MkDocs
and Jinja; only the edges print, exit or read argv; only load/ reads files and only write/ writes them; no
import cycle and no import inside a function to dodge one; every term of the CLE vocabulary exists in ontology/.
"""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx
import pytest
from rdflib import URIRef

from generator.load.ontology import parse_ontology
from generator.model.vocab import CLE
from tests.conftest import ROOT

PACKAGE = ROOT / "generator"
# diff (the semantic diff of two graphs, pure) sits above check, whose values it compares, and below render,
# which words it; versions (the project at git revisions: kg diff, kg release, each release's dumps) checks,
# writes scratch trees and asks the saved questions, so it sits above sparql, and below build, which uses it.
LAYERS = (
    "model",
    "load",
    "map",
    "check",
    "diff",
    "render",
    "write",
    "sparql",
    "versions",
    "renderer",
    "build",
    "preview",
    "tools",
    "cli",
)
EDGES = ("generator.cli", "generator.preview", "generator.renderer.worker")  # may print, exit and read argv
RENDERER_ONLY = ("mkdocs", "jinja2")
# Method or function names that read or write files (os.replace and shutil.copy are matched with their module,
# as str.replace and dict.copy share the name).
READS = {"read_text", "read_bytes", "iterdir", "glob", "rglob", "scandir", "listdir", "walk"}
WRITES = {
    "write_text",
    "write_bytes",
    "mkdir",
    "makedirs",
    "unlink",
    "rmdir",
    "rmtree",
    "copyfile",
    "copytree",
    "copy2",
    "rename",
    "symlink_to",
    "touch",
    "mkdtemp",
    "removedirs",
}
QUALIFIED_WRITES = {("os", "replace"), ("os", "remove"), ("shutil", "copy"), ("shutil", "move")}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}
TREES = {name: ast.parse(path.read_text(encoding="utf-8")) for name, path in MODULES.items()}


def layer(name: str) -> int:
    """The layer index of a generator module (the package right under generator/, or build/cli)."""
    parts = name.split(".")
    return LAYERS.index(parts[1]) if len(parts) > 1 else -1


def imported(name: str, node) -> list:
    """The generator modules an import statement brings in (relative imports resolved)."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names if alias.name.startswith("generator")]
    if not isinstance(node, ast.ImportFrom):
        return []
    if node.level:
        base = name.split(".")
        base = base[: len(base) - node.level + (1 if MODULES[name].name == "__init__.py" else 0)]
        target = ".".join(base + ([node.module] if node.module else []))
    else:
        target = node.module or ""
    if not target.startswith("generator"):
        return []
    found = []
    for alias in node.names:  # `from . import x` may import a submodule
        candidate = f"{target}.{alias.name}"
        found.append(candidate if candidate in MODULES else target)
    return found


def top_level_imports(name: str) -> set:
    found = set()
    for node in TREES[name].body:
        found.update(imported(name, node))
    return {module for module in found if module in MODULES}


def function_imports(name: str) -> list:
    inner = []
    for node in ast.walk(TREES[name]):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for child in ast.walk(node):
                inner.extend(imported(name, child))
    return inner


def third_party_imports(name: str) -> set:
    found = set()
    for node in ast.walk(TREES[name]):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
            found.add(node.module.split(".")[0])
    return found


def calls(name: str) -> list:
    """(qualifier, called name) for every call: ('os', 'replace'), (None, 'print'), ('path', 'mkdir')."""
    found = []
    for node in ast.walk(TREES[name]):
        if not isinstance(node, ast.Call):
            continue
        function = node.func
        if isinstance(function, ast.Name):
            found.append((None, function.id))
        elif isinstance(function, ast.Attribute):
            owner = function.value.id if isinstance(function.value, ast.Name) else None
            found.append((owner, function.attr))
    return found


def attributes(name: str) -> set:
    return {
        (node.value.id, node.attr)
        for node in ast.walk(TREES[name])
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
    }


def in_package(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


def import_graph() -> nx.DiGraph:
    graph = nx.DiGraph()
    graph.add_nodes_from(MODULES)
    graph.add_edges_from((name, target) for name in MODULES for target in top_level_imports(name))
    return graph


def test_the_tree_has_the_stages_and_edges_as_packages():
    packages = {name.split(".")[1] for name in MODULES if name.count(".") >= 1}
    assert set(LAYERS) <= packages
    loose = [
        name
        for name, path in MODULES.items()
        if name.count(".") == 1 and path.name != "__init__.py" and name.split(".")[1] not in ("build", "cli")
    ]
    assert loose == []  # every module but the two on top sits in the package of its stage or edge


def test_no_import_cycle():
    cycles = [sorted(component) for component in nx.strongly_connected_components(import_graph()) if len(component) > 1]
    assert cycles == []


@pytest.mark.parametrize("name", sorted(MODULES))
def test_imports_only_go_down_the_layers(name):
    upward = sorted(target for target in top_level_imports(name) if layer(target) > layer(name))
    assert upward == [], f"{name} (layer {LAYERS[layer(name)]}) imports from higher layers"


@pytest.mark.parametrize("name", sorted(MODULES))
def test_no_import_inside_a_function(name):
    assert function_imports(name) == []


@pytest.mark.parametrize("name", sorted(MODULES))
def test_only_the_renderer_imports_mkdocs_or_jinja(name):
    if in_package(name, "generator.renderer"):
        return
    assert third_party_imports(name) & set(RENDERER_ONLY) == set()


@pytest.mark.parametrize("name", sorted(MODULES))
def test_only_the_edges_print_exit_or_read_argv(name):
    if any(in_package(name, edge) for edge in EDGES):
        return
    used = {call for call in calls(name) if call == (None, "print") or call == ("sys", "exit")}
    used |= {attr for attr in attributes(name) if attr in {("sys", "argv"), ("sys", "exit")}}
    assert used == set()


@pytest.mark.parametrize("name", sorted(MODULES))
def test_only_load_reads_files(name):
    if in_package(name, "generator.load"):
        return
    reads = sorted({called for owner, called in calls(name) if called in READS or (owner, called) == (None, "open")})
    assert reads == []


@pytest.mark.parametrize("name", sorted(MODULES))
def test_only_write_writes_files(name):
    if in_package(name, "generator.write"):
        return
    writes = sorted(
        {called for owner, called in calls(name) if called in WRITES or (owner, called) in QUALIFIED_WRITES}
    )
    assert writes == []


def test_every_vocabulary_term_is_declared_in_the_ontology():
    graph, _, problems = parse_ontology(ROOT)
    assert not problems
    terms = list(CLE.__annotations__)
    undeclared = [name for name in terms if not any(graph.triples((URIRef(str(CLE._NS) + name), None, None)))]
    assert undeclared == []


def test_the_layer_rule_sees_the_imports():
    """The checks above read real imports: a known edge is found (a guard against a test that sees nothing)."""
    assert "generator.model.schema" in top_level_imports("generator.load.ontology")
    assert "generator.load.ontology" in top_level_imports("generator.check.pipeline")
    assert ("path", "write_bytes") not in calls("generator.model.schema")
    assert any(called == "write_bytes" for _, called in calls("generator.write.files"))
