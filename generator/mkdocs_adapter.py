"""The only module that imports MkDocs: render one docs tree into a site folder, strictly."""

from __future__ import annotations

import functools
import logging
import os
from pathlib import Path

import yaml

__all__ = ["read_site_config", "render_site", "render_site_isolated", "RenderWorker", "merge_search_index",
           "SiteBuildError"]


class SiteBuildError(Exception):
    """MkDocs reported warnings or errors; the messages say which."""


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages = []

    def emit(self, record):
        self.messages.append(record.getMessage())


def read_site_config(root: Path) -> dict:
    """mkdocs.yml, read with a safe loader (it is hand-written; content never goes into it)."""
    return yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))


DIRTY_WARNING = "A 'dirty' build is being performed"  # MkDocs always says so; expected in the live preview


def render_site(root: Path, docs_dir: Path, site_dir: Path, lang: str, nav: list, site_url_suffix: str = "",
                on_page=None, dirty: bool = False, removed: tuple = ()) -> None:
    """Build docs_dir into site_dir with mkdocs-material in strict mode, for one language; on_page() is
    called after each page is rendered (for progress).

    dirty=True (the live preview) renders only the pages whose Markdown is newer than their HTML, into a
    site_dir built before, and merges their search entries into its search index (`removed`: URLs of pages
    that are gone). Every warning still fails the build: MkDocs' own strict mode is off only because it
    counts the warning that a dirty build is being performed."""
    from mkdocs.commands.build import build
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.exceptions import Abort, ConfigurationError

    settings = read_site_config(root)
    settings["docs_dir"] = str(docs_dir.resolve())
    settings["site_dir"] = str(site_dir.resolve())
    settings["strict"] = not dirty
    settings["nav"] = [{title: path} for title, path in nav]
    theme = dict(settings.get("theme") or {})
    theme["language"] = lang
    if theme.get("custom_dir"):
        theme["custom_dir"] = str((root / theme["custom_dir"]).resolve())
    settings["theme"] = theme
    if settings.get("site_url") and site_url_suffix:
        settings["site_url"] = settings["site_url"].rstrip("/") + "/" + site_url_suffix
    if on_page is not None or dirty:
        settings["hooks"] = list(settings.get("hooks") or []) + [str(Path(__file__).with_name("mkdocs_hooks.py"))]
    config = MkDocsConfig(config_file_path=str((root / "mkdocs.yml").resolve()))
    config.load_dict(settings)
    errors, warnings = config.validate()
    if errors or warnings:
        raise SiteBuildError("; ".join(f"mkdocs.yml: {key}: {error}" for key, error in errors + warnings))
    for hook in (config.hooks or {}).values():  # name -> the loaded module
        if hasattr(hook, "PAGE_RENDERED"):
            hook.PAGE_RENDERED = on_page
            hook.TEMPLATE_CACHE = _template_cache() if dirty else None
    # Dates MkDocs writes (sitemap lastmod, gzip header) come from SOURCE_DATE_EPOCH: fixed, so output is stable.
    os.environ.setdefault("SOURCE_DATE_EPOCH", "0")
    handler = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    index = site_dir / "search" / "search_index.json"
    previous = index.read_text(encoding="utf-8") if dirty and index.is_file() else None
    try:
        build(config, dirty=dirty)
    except (Abort, ConfigurationError) as error:
        raise SiteBuildError("\n".join(handler.messages) or str(error)) from None
    finally:
        logger.removeHandler(handler)
    messages = [message for message in handler.messages if not (dirty and message.startswith(DIRTY_WARNING))]
    if messages:
        raise SiteBuildError("\n".join(messages))
    if previous is not None:
        index.write_text(merge_search_index(previous, index.read_text(encoding="utf-8"), removed), encoding="utf-8")


@functools.lru_cache(maxsize=1)
def _template_cache():
    """One in-memory Jinja bytecode cache per process (a worker renders many dirty builds). Jinja keys each
    entry by template name and a checksum of its source, so an edited template is compiled again."""
    import jinja2

    class MemoryBytecodeCache(jinja2.BytecodeCache):
        def __init__(self):
            self.codes: dict = {}

        def load_bytecode(self, bucket):
            if bucket.key in self.codes:
                bucket.bytecode_from_string(self.codes[bucket.key])

        def dump_bytecode(self, bucket):
            self.codes[bucket.key] = bucket.bytecode_to_string()

    return MemoryBytecodeCache()


def merge_search_index(previous: str, fresh: str, removed=()) -> str:
    """The search index of a dirty build holds only the pages it rendered: put their entries in place of
    those pages' old entries (a page's entries are its URL and its URL#section), keep every other page's,
    and drop pages that are gone."""
    import json

    def page(entry) -> str:
        return entry["location"].split("#", 1)[0]

    old, new = json.loads(previous), json.loads(fresh)
    rendered: dict = {}
    for entry in new["docs"]:
        rendered.setdefault(page(entry), []).append(entry)
    gone = set(removed)
    docs, placed = [], set()
    for entry in old["docs"]:
        url = page(entry)
        if url in gone:
            continue
        if url not in rendered:
            docs.append(entry)
        elif url not in placed:
            docs.extend(rendered[url])
            placed.add(url)
    docs.extend(entry for url, entries in rendered.items() if url not in placed for entry in entries)
    return json.dumps({**new, "docs": docs}, ensure_ascii=False, separators=(",", ":"))


def render_site_isolated(root: Path, docs_dir: Path, site_dir: Path, lang: str, nav: list,
                         site_url_suffix: str = "", on_page=None) -> None:
    """render_site in a fresh Python process, so the memory MkDocs holds for every page of a large site is
    returned when it ends and never adds to the generator's own. The child prints one '.' per rendered page
    (for on_page) and its problems on stderr."""
    import json
    import subprocess
    import sys

    request = json.dumps({"root": str(root), "docs_dir": str(docs_dir), "site_dir": str(site_dir), "lang": lang,
                          "nav": nav, "site_url_suffix": site_url_suffix})
    child = subprocess.Popen([sys.executable, "-m", "generator.mkdocs_adapter", request], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, cwd=Path(__file__).resolve().parent.parent)
    while True:
        chunk = child.stdout.read1(4096)
        if not chunk:
            break
        if on_page is not None:
            for _ in range(chunk.count(b".")):
                on_page()
    errors = child.stderr.read().decode("utf-8", errors="replace")
    if child.wait() != 0:
        raise SiteBuildError(errors.strip() or f"MkDocs stopped with exit code {child.returncode}")


class RenderWorker:
    """A child process that keeps MkDocs loaded and re-renders one language's changed pages on request (the
    live preview): a dirty build there takes a fraction of a second, where a fresh process spends most of a
    second importing MkDocs and Material before it starts."""

    def __init__(self, root: Path, docs_dir: Path, site_dir: Path, lang: str, nav: list, site_url_suffix: str = ""):
        import json
        import subprocess
        import sys

        self._request = {"root": str(root), "docs_dir": str(docs_dir), "site_dir": str(site_dir), "lang": lang,
                         "nav": nav, "site_url_suffix": site_url_suffix, "dirty": True}
        self._json = json
        self._child = subprocess.Popen([sys.executable, "-m", "generator.mkdocs_adapter", "--worker"],
                                       stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, encoding="utf-8",
                                       cwd=Path(__file__).resolve().parent.parent)

    def send(self, removed=()) -> None:
        """Ask for a dirty build (answered by receive(): send to every worker first, so they work in parallel)."""
        self._child.stdin.write(self._json.dumps({**self._request, "removed": list(removed)}) + "\n")
        self._child.stdin.flush()

    def receive(self) -> None:
        """Wait for the build asked for; SiteBuildError with MkDocs' messages if it failed."""
        line = self._child.stdout.readline()
        if not line:
            raise SiteBuildError(f"the MkDocs worker stopped (exit code {self._child.wait()})")
        answer = self._json.loads(line)
        if answer.get("errors"):
            raise SiteBuildError(answer["errors"])

    def close(self) -> None:
        if self._child.poll() is None:
            self._child.stdin.close()
            try:
                self._child.wait(timeout=10)
            except Exception:
                self._child.kill()
                self._child.wait()


def _render_request(args: dict, on_page=None) -> str:
    """Run one render request (a JSON object from the parent); '' when it went well, else the messages."""
    try:
        render_site(Path(args["root"]), Path(args["docs_dir"]), Path(args["site_dir"]), args["lang"],
                    [tuple(item) for item in args["nav"]], args["site_url_suffix"], on_page=on_page,
                    dirty=args.get("dirty", False), removed=tuple(args.get("removed", ())))
    except SiteBuildError as error:
        return str(error) or "the site build failed"
    return ""


def _worker_main() -> int:
    """Answer render requests, one JSON line in, one JSON line out, until stdin closes."""
    import json
    import sys

    requests, answers = sys.stdin, sys.stdout
    sys.stdout = sys.stderr  # whatever else prints must not mix with the answers
    for line in requests:
        errors = _render_request(json.loads(line))
        answers.write(json.dumps({"errors": errors}) + "\n")
        answers.flush()
    return 0


def _child_main(request: str) -> int:
    import json
    import sys

    def dot():
        sys.stdout.write(".")
        sys.stdout.flush()

    errors = _render_request(json.loads(request), on_page=dot)
    if errors:
        print(errors, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(_worker_main() if sys.argv[1:] == ["--worker"] else _child_main(sys.argv[1]))
