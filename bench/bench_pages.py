"""Benchmark page speed as a reader's phone sees it: Lighthouse (npm, pinned in package.json) in Debian's
Chromium, mobile with its simulated slow 4G, against the built site served with gzip on 127.0.0.1.

Usage:  .venv/bin/python bench/bench_pages.py [--site build/site] [--before DIR] [--out bench/results/pages.json]

For each page (home, a trial, a drug, an outcome, the timeline, Dutch pages and the playground) it prints the
four category scores, first contentful paint, largest contentful paint, total blocking time and the bytes
transferred. The baseline measured in the same run is a bare mkdocs-material page (the theme and nothing of
ours): the ratios say what our pages cost on top of the theme. `--before DIR` also measures a site built before
a change (the same pages) and keeps its table in the results, which the Performance page shows beside the
current one. Figures are printed and written to a JSON file; tests never assert them (tests/test_page_budgets.py
asserts the byte budgets, which are deterministic).
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
RUN_SECONDS = 240  # bound on one Lighthouse run
PAGES = (
    ("home", "/"),
    ("trial", "/trials/blinfant/"),
    ("drug", "/drugs/blinatumomab/"),
    ("outcome", "/outcomes/blinfant-os-2y/"),
    ("timeline", "/timeline/"),
    ("home (nl)", "/nl/"),
    ("trial (nl)", "/nl/trials/blinfant/"),
    ("playground", "/playground/"),
)
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
COMPRESSED = {".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".ttl", ".trig", ".txt", ".wasm"}


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, compressed with gzip when the browser accepts it, as GitHub Pages serves them."""

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (path.is_file() and path.suffix in COMPRESSED and accepts):
            return super().send_head()
        body = _gzipped(path)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return _Body(body)


class _Body:
    """What send_head returns: a file-like object copied to the client."""

    def __init__(self, data: bytes):
        self.data = data

    def read(self, *args) -> bytes:
        data, self.data = self.data, b""
        return data

    def close(self):
        pass


@functools.lru_cache(maxsize=512)
def _gzipped(path: Path) -> bytes:
    return gzip.compress(path.read_bytes(), compresslevel=9, mtime=0)


class Server:
    def __init__(self, directory: Path):
        handler = functools.partial(GzipHandler, directory=str(directory))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def lighthouse(url: str) -> dict:
    """One Lighthouse run (mobile, simulated throttling): scores and timings of the page."""
    flags = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage"
    command = [
        "node",
        str(LIGHTHOUSE),
        url,
        "--output=json",
        "--output-path=stdout",
        "--quiet",
        f"--chrome-flags={flags}",
        f"--only-categories={','.join(CATEGORIES)}",
    ]
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    done = subprocess.run(command, capture_output=True, text=True, timeout=RUN_SECONDS, env=env, cwd=ROOT)
    if done.returncode != 0:
        raise SystemExit(f"lighthouse failed on {url}: {done.stderr.strip()[-800:]}")
    report = json.loads(done.stdout)
    audits = report["audits"]
    return {
        **{name: round(100 * report["categories"][name]["score"]) for name in CATEGORIES},
        "fcp_s": round(audits["first-contentful-paint"]["numericValue"] / 1000, 2),
        "lcp_s": round(audits["largest-contentful-paint"]["numericValue"] / 1000, 2),
        "tbt_ms": round(audits["total-blocking-time"]["numericValue"]),
        "kib": round(audits["total-byte-weight"]["numericValue"] / 1024),
        "lighthouse": report["lighthouseVersion"],
    }


def measure_site(site: Path, pages) -> list:
    server = Server(site)
    try:
        rows = []
        for name, path in pages:
            if not (site / path.lstrip("/") / "index.html").is_file():
                continue  # the site before a change may not have the page (the Dutch home, say)
            rows.append({"page": name, "path": path, **lighthouse(server.url + path)})
            print(_line(rows[-1]), flush=True)
        return rows
    finally:
        server.close()


def bare_theme_site(folder: Path) -> Path:
    """A one-page mkdocs-material site with nothing of ours: the floor a page of the theme costs."""
    (folder / "docs").mkdir(parents=True)
    (folder / "docs" / "index.md").write_text("# A page\n\nOne paragraph of text.\n", encoding="utf-8")
    (folder / "mkdocs.yml").write_text(
        "site_name: Floor\ntheme:\n  name: material\n  font: false\nplugins: [search]\n", encoding="utf-8"
    )
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", str(folder / "mkdocs.yml")],
        check=True,
        timeout=RUN_SECONDS,
    )
    return folder / "site"


def _line(row: dict) -> str:
    scores = " ".join(f"{row[name]:3d}" for name in CATEGORIES)
    return (
        f"{row['page']:<12} {scores}   FCP {row['fcp_s']:5.2f} s  LCP {row['lcp_s']:5.2f} s  "
        f"TBT {row['tbt_ms']:5d} ms  {row['kib']:6,d} KiB"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "build" / "site", help="the built site (make site)")
    parser.add_argument("--before", type=Path, help="a site built before a change, measured the same way")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "pages.json")
    args = parser.parse_args()
    if not LIGHTHOUSE.is_file():
        raise SystemExit("Lighthouse is not installed: run `npm ci` (make bench-pages does)")
    if not (args.site / "index.html").is_file():
        raise SystemExit(f"no built site at {args.site}: run `make site` first")
    print(f"{'page':<12} perf a11y  b-p  seo")
    with tempfile.TemporaryDirectory() as scratch:
        floor = measure_site(bare_theme_site(Path(scratch) / "floor"), [("bare theme", "/")])[0]
    rows = measure_site(args.site, PAGES)
    for row in rows:
        row["fcp_to_floor"] = round(row["fcp_s"] / floor["fcp_s"], 2) if floor["fcp_s"] else None
    ratios = ", ".join(f"{row['page']} {row['fcp_to_floor']:.2f}×" for row in rows)
    print(f"\nFCP against the bare theme ({floor['fcp_s']:.2f} s): {ratios}")
    previous = json.loads(args.out.read_text(encoding="utf-8")) if args.out.is_file() else {}
    before = previous.get("before", [])
    if args.before:
        print("\nbefore:")
        before = measure_site(args.before, PAGES)
    result = {
        "lighthouse": floor["lighthouse"],
        "settings": "mobile, simulated slow 4G (Lighthouse's default), gzip, 127.0.0.1",
        "machine": {"cores": os.cpu_count(), "python": platform.python_version(), "system": platform.platform()},
        "floor": floor,
        "pages": rows,
        "before": before,
        "goals": {"performance": 95, "accessibility": 100, "fcp_s": 1.8},
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(f"\nwrote {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}")
    readers = [r for r in rows if r["page"] != "playground"]
    met = all(r["performance"] >= 95 and r["accessibility"] == 100 and r["fcp_s"] <= 1.8 for r in readers)
    print("goals met on every reader page" if met else "goals NOT met on every reader page")
    return 0


if __name__ == "__main__":
    sys.exit(main())
