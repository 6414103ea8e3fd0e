"""The built site in real Chromium: a reader's walk, no console errors, no other hosts, axe-core, screenshots."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="chromium is not installed (make chromium)")


class Visit:
    """One browser page that records console errors, page errors and every request, and answers other hosts
    with an abort (so a request to another host can never reach the network, and is still recorded)."""

    def __init__(self, context, site_url: str):
        self.host = urlsplit(site_url).netloc
        self.errors, self.foreign = [], []
        self.page = context.new_page()
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("response", lambda r: self.errors.append(f"{r.status} {r.url}") if r.status >= 400 else None)
        self.page.route("**/*", self.route)

    def route(self, route):
        parts = urlsplit(route.request.url)
        if parts.scheme in ("http", "https") and parts.netloc != self.host:
            self.foreign.append(route.request.url)
            route.abort()
        else:
            route.continue_()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture()
def visit(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
    made = []

    def open_visit():
        made.append(Visit(context, site_url))
        return made[-1]

    yield open_visit
    context.close()
    for v in made:
        assert not v.foreign, f"requests to other hosts: {v.foreign}"
        assert not v.errors, f"console errors: {v.errors}"


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def axe_violations(page) -> list:
    """Serious and critical axe-core violations on the page as it is now."""
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def wait_for_diagram(page) -> None:
    """Diagrams are inline SVG drawn at build time: present (and laid out) as soon as the page is."""
    page.locator("figure.cle-diagram svg").first.wait_for(state="attached", timeout=20000)


def open_provenance(page) -> None:
    """Relations, the diagram and the sources sit in a closed section at the end of an entity page."""
    page.locator("details.cle-provenance > summary").first.click()


def top_of(page, selector: str) -> float:
    return page.evaluate(f"document.querySelector({selector!r}).getBoundingClientRect().top + window.scrollY")


def test_reader_walk(visit, site_url):
    """A parent, a clinician and a researcher: the home page's key figure, search "blinatumomab", the drug, its
    trial with key results and the summary of findings on top, the diagram in the provenance, then Dutch."""
    v = visit()
    page = v.page
    page.goto(site_url + "/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert top_of(page, "figure.cle-results") < 900
    shot(page, "01-home")
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator("input.md-search__input").press_sequentially("blinatumomab", delay=30)
    result = page.locator(".md-search-result__link[href*='drugs/blinatumomab']").first
    result.wait_for(timeout=20000)
    shot(page, "02-search")
    result.click()
    page.wait_for_url(re.compile(r".*/drugs/blinatumomab/(\?h=.*)?$"))
    assert "BLINCYTO" in page.locator("div.cle-card").text_content()
    shot(page, "03-drug")
    page.locator("div.cle-card a[href*='trials/blinfant/'], article a[href*='trials/blinfant/']").first.click()
    page.wait_for_url(re.compile(r".*/trials/blinfant/$"))
    figure = page.locator("figure.cle-results").first
    assert top_of(page, "figure.cle-results") < 900
    assert "93.3%" in figure.text_content() and "65.8%" in figure.text_content()
    assert "Higher is better." in figure.locator("figcaption").text_content()
    shot(page, "04-trial")
    figure.screenshot(path=str(ARTIFACTS / "05-key-results.png"))
    findings = page.locator("div.cle-sof table").first
    assert "+27.5 percentage points" in findings.text_content()
    assert "+32.2 percentage points" in findings.text_content()
    assert "not assessed" in findings.text_content()
    findings.screenshot(path=str(ARTIFACTS / "05b-summary-of-findings.png"))
    open_provenance(page)
    wait_for_diagram(page)
    page.locator("nav.cle-language a[hreflang=nl]").click()
    page.wait_for_url(re.compile(r".*/nl/trials/blinfant/$"))
    assert page.locator("html").get_attribute("lang") == "nl"
    assert "+27,5 procentpunt" in page.locator("div.cle-sof table").first.text_content()
    assert top_of(page, "figure.cle-results") < 900
    shot(page, "06-trial-nl")


FIRST_SCREEN = ("/", "/nl/", "/trials/blinfant/", "/nl/trials/blinfant/")


@pytest.mark.parametrize("path", FIRST_SCREEN)
def test_key_results_start_on_the_first_screen(visit, site_url, path):
    v = visit()
    v.page.goto(site_url + path)
    assert top_of(v.page, "figure.cle-results") < 900  # the viewport is 1280 × 900


@pytest.mark.parametrize("path", ("/trials/blinfant/", "/nl/trials/blinfant/"))
def test_the_blinfant_page_is_at_most_5000_px_tall(visit, site_url, path):
    v = visit()
    v.page.goto(site_url + path)
    assert v.page.evaluate("document.documentElement.scrollHeight") <= 5000


FIGURE_TEXT = """() => {
  const found = [];
  for (const figure of document.querySelectorAll('figure.cle-results, figure.cle-timeline')) {
    for (const el of figure.querySelectorAll('*')) {
      const own = [...el.childNodes].filter(n => n.nodeType === 3 && n.textContent.trim());
      if (!own.length || el.closest('.cle-sr') || el.closest('svg')) continue;
      const style = getComputedStyle(el);
      found.push({text: own.map(n => n.textContent.trim()).join(' '), size: parseFloat(style.fontSize),
                  clipped: el.scrollWidth > el.clientWidth + 1 && style.overflow !== 'visible',
                  ellipsis: style.textOverflow === 'ellipsis'});
    }
    for (const svg of figure.querySelectorAll('svg[viewBox]')) {
      const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;  // drawn size / user units
      for (const t of svg.querySelectorAll('text')) {
        found.push({text: t.textContent.trim(), size: parseFloat(getComputedStyle(t).fontSize) * scale,
                    clipped: false, ellipsis: false});
      }
    }
  }
  return found;
}"""


OVERLAPPING_TICKS = """() => {
  const found = [];
  for (const scale of document.querySelectorAll('.cle-scale')) {
    const boxes = [...scale.children].filter(s => s.offsetParent !== null).map(s => [s.textContent, s.getBoundingClientRect()]);
    for (let i = 1; i < boxes.length; i++) {
      if (boxes[i][1].left < boxes[i - 1][1].right) found.push(boxes[i - 1][0] + ' / ' + boxes[i][0]);
    }
  }
  return found;
}"""


@pytest.mark.parametrize("width, smallest", ((1280, 14), (390, 11)))
@pytest.mark.parametrize("path", ("/", "/trials/blinfant/", "/nl/trials/blinfant/", "/timeline/"))
def test_figure_text_is_readable_and_never_cut_off(browser, site_url, path, width, smallest):
    context = browser.new_context(viewport={"width": width, "height": 900}, service_workers="block")
    page = context.new_page()
    page.goto(site_url + path)
    texts = page.evaluate(FIGURE_TEXT)
    overlapping = page.evaluate(OVERLAPPING_TICKS)
    context.close()
    assert overlapping == []
    assert texts, "no figure on the page"
    assert [t for t in texts if t["size"] < smallest] == []
    assert [t["text"] for t in texts if t["clipped"] or t["ellipsis"] or t["text"].endswith("…")] == []


def test_outcome_and_dutch_pages_render(visit, site_url):
    v = visit()
    page = v.page
    for path, name in (
        ("/outcomes/press-release-os-2y/", "07-press-outcome"),
        ("/nl/outcomes/blinfant-os-2y/", "08-outcome-nl"),
        ("/overview/", "09-overview"),
        ("/timeline/", "10-timeline"),
        ("/nl/sources/", "11-sources-nl"),
        ("/key-results/", "12-key-results"),
        ("/nl/diseases/kmt2a-rearranged-infant-all/", "13-disease-nl"),
    ):
        response = page.goto(site_url + path)
        assert response.ok, path
        if page.locator("figure.cle-diagram").count():
            wait_for_diagram(page)
        shot(page, name)
    phone = v.page.context.browser.new_context(viewport={"width": 390, "height": 844}, service_workers="block")
    on_phone = phone.new_page()
    for path, name in (("/nl/", "14-home-nl-phone"), ("/trials/blinfant/", "15-trial-phone")):
        on_phone.goto(site_url + path)
        shot(on_phone, name)
    phone.close()


KEY_PAGES = (
    "/",
    "/drugs/blinatumomab/",
    "/trials/blinfant/",
    "/outcomes/blinfant-os-2y/",
    "/overview/",
    "/timeline/",
    "/sources/",
    "/nl/",
    "/nl/trials/blinfant/",
    "/key-results/",
    "/nl/downloads/",
    "/changelog/",
)


@pytest.mark.parametrize("path", KEY_PAGES)
def test_axe_finds_no_serious_violation(visit, site_url, path):
    v = visit()
    v.page.goto(site_url + path)
    v.page.wait_for_load_state("networkidle")
    assert axe_violations(v.page) == []


@pytest.mark.parametrize(
    "path,lang",
    [("/drugs/blinatumomab/", "en"), ("/nl/drugs/blinatumomab/", "nl"), ("/nl/", "nl"), ("/timeline/", "en")],
)
def test_html_lang_and_language_switch_stay_on_page(visit, site_url, path, lang):
    v = visit()
    v.page.goto(site_url + path)
    assert v.page.locator("html").get_attribute("lang") == lang
    switch = v.page.locator("nav.cle-language a").first
    switch.click()
    other = "nl" if lang == "en" else "en"
    v.page.wait_for_load_state()
    assert v.page.locator("html").get_attribute("lang") == other
    expected = path[3:] if lang == "nl" else "/nl" + path
    assert urlsplit(v.page.url).path == expected


def test_search_finds_synonyms_and_identifiers(visit, site_url):
    v = visit()
    page = v.page
    page.goto(site_url + "/")
    for query, target in (("MLL", "genes/kmt2a"), ("Blincyto", "drugs/blinatumomab"), ("HGNC:7132", "genes/kmt2a")):
        page.locator("label.md-search__icon, .md-search__input").first.click()
        page.locator("input.md-search__input").fill("")
        page.locator("input.md-search__input").press_sequentially(query, delay=30)
        page.locator(".md-search-result__link").first.wait_for(timeout=20000)
        hrefs = []
        for _ in range(40):  # results arrive from a web worker; wait (bounded) until the list settles
            hrefs = [a.get_attribute("href") for a in page.locator(".md-search-result__link").all()]
            if any(target in h for h in hrefs):
                break
            page.wait_for_timeout(250)
        assert any(target in h for h in hrefs), f"{query!r}: {target} not among {hrefs}"
        page.keyboard.press("Escape")


def test_diagram_nodes_link_to_pages(visit, site_url):
    """The neighbourhood diagram is inline SVG whose boxes are links: following one opens that page."""
    v = visit()
    v.page.goto(site_url + "/drugs/blinatumomab/")
    open_provenance(v.page)
    wait_for_diagram(v.page)
    figure = v.page.locator("figure.cle-diagram").first
    figure.scroll_into_view_if_needed()
    box = figure.locator("svg").bounding_box()
    assert box and box["height"] > 40
    link = figure.locator("a[*|href*='genes/cd19/']").first
    link.click()
    v.page.wait_for_url(re.compile(r".*/genes/cd19/$"))
