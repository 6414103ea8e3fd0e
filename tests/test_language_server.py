"""The real yaml-language-server (npm, the engine of VS Code's YAML extension) over the committed editor settings
and the generated schemas: it completes a class's keys and the known ids, hovers one heading per key, and
says what is wrong in kg check's words, not in JSON Schema's. The tree is the fixed query fixture, so the
exact messages (which list known ids) do not change as the real content grows."""

from __future__ import annotations

import json
import shutil

import pytest

from generator.cli import main
from generator.load.ontology import load_schema
from tests.conftest import ROOT
from tests.lsp_client import LanguageServer
from tests.test_query_fixture import write_fixture

SERVER = ROOT / "node_modules" / "yaml-language-server" / "bin" / "yaml-language-server"
SCHEMA, _ = load_schema(ROOT)
TRIAL_KEYS = list(SCHEMA.classes["trials"].shape.properties)

# A new trial as a contributor starts it, with the mistakes the editor should explain (line numbers from 0).
TRIAL = """\
label: {en: AUGMENT-101 TODO, nl: AUGMENT-101, fr: AUGMENT-101}
description: {en: A phase 1/2 trial of revumenib., nl: Een fase 1/2-studie van revumenib.}
status: active
startDate: 26-04-2023
doseAmount: 1,5
fooBar: 1
usesProtocol: interfant-99-protocol
sources:
- source: paper
  locator: TODO
"""
EXPECTED_DIAGNOSTICS = [
    (
        0,
        "`label` still holds the placeholder TODO from `kg new`; write the real value (The name shown for the entity, "
        "in every language)",
    ),
    (0, "`label` is text in en and nl; write it as a map, e.g. `label: {en: …, nl: …}`, and in no other language"),
    (
        2,
        "this value is not allowed for `status` (write one of: `not yet recruiting`, `recruiting`, "
        "`active, not recruiting`, `completed`, `terminated`)",
    ),
    (3, "this value is not a date; write it like `2023-04-26`"),
    (4, "this value is not a decimal number; write it like `93.3`"),
    (5, f"unknown key for a Clinical trial (keys: {', '.join(TRIAL_KEYS)})"),
    (
        6,
        "this value is not a known id; write the id of a Treatment protocol (a file name in content/protocols/ "
        "without .yaml); known: interfant-06",
    ),
    (
        9,
        "`locator` still holds the placeholder TODO from `kg new`; write the real value (The section, table, page, "
        "paragraph or registry field the statement is read from)",
    ),
]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The language server on a copy of the project, configured as VS Code configures it from
    .vscode/settings.json, with the schemas `kg schemas` writes where those settings point."""
    assert SERVER.exists(), "yaml-language-server is not installed: run `make test` (npm ci installs it)"
    root = write_fixture(tmp_path_factory.mktemp("editor"))
    shutil.copytree(ROOT / ".vscode", root / ".vscode")
    assert main(["schemas", "--root", str(root), "--out", str(root / "build" / "site" / "schemas")]) == 0
    settings = json.loads((root / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    yaml_settings = {"schemas": settings["yaml.schemas"], "validate": True, "hover": True, "completion": True}
    language_server = LanguageServer(["node", str(SERVER), "--stdio"], root)
    language_server.settings = {"yaml": yaml_settings}
    capabilities = {"workspace": {"configuration": True}, "textDocument": {"hover": {"contentFormat": ["markdown"]}}}
    language_server.request(
        "initialize",
        {
            "processId": None,
            "rootUri": root.as_uri(),
            "workspaceFolders": [{"uri": root.as_uri(), "name": "project"}],
            "capabilities": capabilities,
        },
    )
    language_server.notify("initialized", {})
    language_server.notify("workspace/didChangeConfiguration", {"settings": language_server.settings})
    yield language_server, root
    language_server.close()


def open_document(server, rel: str, text: str) -> tuple[str, list]:
    """Open a content file in the editor; its URI and the diagnostics the server publishes for it."""
    language_server, root = server
    path = root / rel
    path.write_text(text, encoding="utf-8")
    uri = path.as_uri()
    document = {"uri": uri, "languageId": "yaml", "version": 1, "text": text}
    language_server.notify("textDocument/didOpen", {"textDocument": document})
    published = language_server.wait_for("textDocument/publishDiagnostics", lambda params: params["uri"] == uri)
    return uri, published["diagnostics"]


def ask(server, method: str, uri: str, line: int, character: int):
    position = {"line": line, "character": character}
    return server[0].request(f"textDocument/{method}", {"textDocument": {"uri": uri}, "position": position})


def labels(completion) -> list:
    items = completion["items"] if isinstance(completion, dict) else completion
    return [item["label"] for item in items]


def test_mistakes_are_told_in_words(server):
    _, diagnostics = open_document(server, "content/trials/augment-101.yaml", TRIAL)
    found = sorted((d["range"]["start"]["line"], d["message"]) for d in diagnostics)
    assert found == sorted(EXPECTED_DIAGNOSTICS)


def test_completion_offers_the_class_keys_not_yet_written(server):
    text = "label: {en: AUGMENT-101, nl: AUGMENT-101}\nphase: phase 2\n\n"
    uri, _ = open_document(server, "content/trials/keys.yaml", text)
    offered = labels(ask(server, "completion", uri, 2, 0))
    assert sorted(offered) == sorted(key for key in TRIAL_KEYS if key not in ("label", "phase"))


@pytest.mark.parametrize(
    "rel, text, line, character, folder",
    [
        ("content/trials/protocol.yaml", "usesProtocol: \n", 0, 14, "protocols"),
        ("content/cohorts/drug.yaml", "addsDrug: \n", 0, 10, "drugs"),
        ("content/drugs/source.yaml", "sources:\n- source: \n  locator: page 1\n", 1, 10, "publications"),
    ],
)
def test_completion_offers_the_known_ids_of_the_referenced_class(server, rel, text, line, character, folder):
    uri, _ = open_document(server, rel, text)
    known = sorted(path.stem for path in (server[1] / "content" / folder).glob("*.yaml"))
    assert known and sorted(labels(ask(server, "completion", uri, line, character))) == known


@pytest.mark.parametrize("key", ["status", "phase"])
def test_completion_offers_every_allowed_value(server, key):
    uri, _ = open_document(server, f"content/trials/{key}.yaml", f"{key}: \n")
    allowed = SCHEMA.classes["trials"].shape.properties[key].allowed
    assert labels(ask(server, "completion", uri, 0, len(key) + 2)) == list(allowed)


def test_hover_shows_one_heading(server):
    uri, _ = open_document(server, "content/trials/hover.yaml", "addsDrug: blinatumomab\nphase: phase 2\n")
    for line in (0, 1):
        shown = ask(server, "hover", uri, line, 2)["contents"]["value"]
        heading = [row for row in shown.splitlines() if row.startswith("#")]
        spec = SCHEMA.classes["trials"].shape.properties[("addsDrug", "phase")[line]]
        assert heading == [f"#### {spec.labels['en']}"], shown
