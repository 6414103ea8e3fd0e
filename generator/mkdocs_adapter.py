"""The only module that imports MkDocs: render one docs tree into a site folder, strictly."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import yaml

__all__ = ["read_site_config", "render_site", "SiteBuildError"]


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


def render_site(root: Path, docs_dir: Path, site_dir: Path, lang: str, nav: list, site_url_suffix: str = "",
                on_page=None) -> None:
    """Build docs_dir into site_dir with mkdocs-material in strict mode, for one language; on_page() is
    called after each page is rendered (for progress)."""
    from mkdocs.commands.build import build
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.exceptions import Abort, ConfigurationError

    settings = read_site_config(root)
    settings["docs_dir"] = str(docs_dir.resolve())
    settings["site_dir"] = str(site_dir.resolve())
    settings["strict"] = True
    settings["nav"] = [{title: path} for title, path in nav]
    theme = dict(settings.get("theme") or {})
    theme["language"] = lang
    if theme.get("custom_dir"):
        theme["custom_dir"] = str((root / theme["custom_dir"]).resolve())
    settings["theme"] = theme
    if settings.get("site_url") and site_url_suffix:
        settings["site_url"] = settings["site_url"].rstrip("/") + "/" + site_url_suffix
    if on_page is not None:
        settings["hooks"] = list(settings.get("hooks") or []) + [str(Path(__file__).with_name("mkdocs_hooks.py"))]
    config = MkDocsConfig(config_file_path=str((root / "mkdocs.yml").resolve()))
    config.load_dict(settings)
    errors, warnings = config.validate()
    if errors or warnings:
        raise SiteBuildError("; ".join(f"mkdocs.yml: {key}: {error}" for key, error in errors + warnings))
    for hook in config.hooks or []:
        if hasattr(hook, "PAGE_RENDERED"):
            hook.PAGE_RENDERED = on_page
    # Dates MkDocs writes (sitemap lastmod, gzip header) come from SOURCE_DATE_EPOCH: fixed, so output is stable.
    os.environ.setdefault("SOURCE_DATE_EPOCH", "0")
    handler = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        build(config)
    except (Abort, ConfigurationError) as error:
        raise SiteBuildError("\n".join(handler.messages) or str(error)) from None
    finally:
        logger.removeHandler(handler)
    if handler.messages:
        raise SiteBuildError("\n".join(handler.messages))


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


def _child_main(request: str) -> int:
    import json
    import sys

    args = json.loads(request)

    def dot():
        sys.stdout.write(".")
        sys.stdout.flush()

    try:
        render_site(Path(args["root"]), Path(args["docs_dir"]), Path(args["site_dir"]), args["lang"],
                    [tuple(item) for item in args["nav"]], args["site_url_suffix"], on_page=dot)
    except SiteBuildError as error:
        print(str(error), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(_child_main(sys.argv[1]))
