"""`kg preview` (make serve) for real: a subprocess serving a tmp tree, updated on edits (only the pages that
changed), problems printed, old site kept, and an open page in Chromium reloading by itself."""

from __future__ import annotations

import os
import queue
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from generator.preview.server import RELOAD_SCRIPT
from tests.conftest import ROOT, copy_project

PAPER = (
    "label: {en: The paper, nl: Het artikel}\ndescription: {en: A paper., nl: Een artikel.}\n"
    "publicationType: journal-article\nsources:\n  - source: paper\n    locator: the document itself\nsourceStrength: primary\n"
)
WAIT_SECONDS = 120  # upper bound for each wait; the loops poll and stop as soon as the condition holds


class Preview:
    """The preview command in a subprocess, its output lines collected by a reader thread."""

    def __init__(self, root):
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "generator.cli", "preview", "--root", str(root), "--port", "0"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.lines: queue.Queue = queue.Queue()
        self.seen: list = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))

    def wait_for(self, predicate) -> str:
        deadline = time.monotonic() + WAIT_SECONDS
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=1)
            except queue.Empty:
                assert self.process.poll() is None, f"the preview stopped: {self.seen}"
                continue
            self.seen.append(line)
            if predicate(line):
                return line
        raise AssertionError(f"no such line within {WAIT_SECONDS} s: {self.seen}")

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=30)


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError):
        return ""


def poll_page(url: str, text: str) -> str:
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        page = fetch(url)
        if text in page:
            return page
        time.sleep(0.5)
    raise AssertionError(f"{url} never showed {text!r}")


@pytest.fixture
def preview(tmp_path):
    root = copy_project(tmp_path, with_content=False)
    (root / "content" / "publications").mkdir()
    (root / "content" / "publications" / "paper.yaml").write_text(PAPER, encoding="utf-8")
    running = Preview(root)
    yield root, running
    running.stop()


def test_preview_rebuilds_on_edit_and_keeps_the_last_good_site(preview):
    root, running = preview
    url = running.wait_for(lambda line: line.startswith("serving ")).split()[1]
    assert url.startswith("http://127.0.0.1:")
    running.wait_for(lambda line: line.startswith("built: "))
    page_url = url + "publications/paper/"
    assert "The paper" in poll_page(page_url, "The paper")

    paper = root / "content" / "publications" / "paper.yaml"
    paper.write_text(PAPER.replace("The paper", "The renamed paper"), encoding="utf-8")
    updated = running.wait_for(lambda line: line.startswith(("updated: ", "built: ")))
    assert updated.startswith("updated: 1 entity changed, ")  # in place, not a full build
    poll_page(page_url, "The renamed paper")

    paper.write_text(
        PAPER.replace("The paper", "The broken paper").replace("  - source", "\t- source"), encoding="utf-8"
    )
    problem = running.wait_for(lambda line: line.startswith("content/publications/paper.yaml:"))
    assert problem == (
        "content/publications/paper.yaml:5:1: a tab character; YAML indents with spaces, so write spaces instead"
    )
    running.wait_for(lambda line: line == "1 problem; still serving the last good site")
    page = fetch(page_url)
    assert "The renamed paper" in page and "The broken paper" not in page
    assert running.process.poll() is None  # still running after the problem


def test_an_open_page_reloads_itself_after_an_edit(preview):
    from tests.test_browser import ARGS, CHROMIUM

    if not Path(CHROMIUM).exists():
        pytest.skip("chromium is not installed (make chromium)")
    from playwright.sync_api import sync_playwright

    root, running = preview
    url = running.wait_for(lambda line: line.startswith("serving ")).split()[1]
    running.wait_for(lambda line: line.startswith("built: "))
    errors = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = browser.new_page()
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.goto(url + "publications/paper/")
            assert page.title().startswith("The paper - ")
            paper = root / "content" / "publications" / "paper.yaml"
            paper.write_text(PAPER.replace("The paper", "The reloaded paper"), encoding="utf-8")
            page.wait_for_function(
                "document.title.startsWith('The reloaded paper - ')", timeout=WAIT_SECONDS * 1000
            )  # no reload asked for: the page does it
        finally:
            browser.close()
    assert not errors
    assert RELOAD_SCRIPT not in (root / "build" / "site" / "publications" / "paper" / "index.html").read_bytes()
