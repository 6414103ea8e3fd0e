"""Entity pages, charts, diagrams, timeline, overview and sources, built from a small fixture (with one
hostile entity) and checked in the HTML MkDocs wrote."""

from __future__ import annotations

import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from generator.build import build_project
from generator.model.figures import FIGURES_SUFFIX, MARKER, figures_path, has_markers, marker, read_figures
from generator.renderer.mkdocs_adapter import SiteBuildError, render_site
from tests.conftest import ROOT
from tests.page_fixture import FIXTURE, fixture_project


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("pages")
    root = fixture_project(tmp)
    result = build_project(root, tmp / "out")
    assert not result.problems, result.problems
    return tmp / "out" / "site"


def page(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


class _Elements(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.scripts, self._in_script = [], [], None

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._in_script = dict(attrs)

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = None

    def handle_data(self, data):
        if self._in_script is not None and data.strip():
            self.scripts.append((self._in_script.get("type"), data))


def elements(html: str) -> _Elements:
    parser = _Elements()
    parser.feed(html)
    return parser


def test_hostile_text_never_becomes_markup(fixture_site):
    for html_file in sorted(fixture_site.rglob("*.html")):
        html = html_file.read_text(encoding="utf-8")
        found = elements(html)
        assert "<script>alert" not in html, html_file
        for tag, attrs in found.tags:
            assert not any(name.startswith("on") for name in attrs), (html_file, tag, attrs)
        for kind, text in found.scripts:  # Material's own inline scripts and our JSON(-LD): never contributor code
            assert "alert(1)" not in text or kind == "application/ld+json", (html_file, kind)


def test_hostile_text_stays_out_of_the_search_index(fixture_site):
    index = (fixture_site / "search" / "search_index.json").read_text(encoding="utf-8")
    for doc in json.loads(index)["docs"]:
        assert "<script" not in doc["title"] and "<script" not in doc["text"]


class _SvgElements(HTMLParser):
    """Every element and attribute name in a piece of markup."""

    def __init__(self):
        super().__init__()
        self.tags, self.attributes = set(), set()

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.attributes.update(name for name, _ in attrs)


def _diagrams(html: str) -> list:
    return re.findall(r'<figure class="cle-diagram" tabindex="0">(<svg .*?</svg>)</figure>', html, re.S)


def test_diagrams_are_inline_svg_with_labels_escaped(fixture_site):
    """The hostile label reaches the diagram as SVG text only: no element or attribute of its own."""
    html = page(fixture_site, "organizations/interfant")
    svgs = _diagrams(html)
    assert svgs, "the organisation page has a neighbourhood diagram"
    for svg in svgs:
        parser = _SvgElements()
        parser.feed(svg)
        assert parser.tags <= {"svg", "title", "desc", "g", "a", "polygon", "path", "text", "ellipse", "polyline"}
        assert not {name for name in parser.attributes if name.startswith("on")}, parser.attributes
        assert re.search(r"<title id=\"[\w-]+-t\">", svg) and re.search(r"<desc id=\"[\w-]+-d\">", svg)
    assert "&lt;script&gt;alert(1)" in "".join(svgs)  # the hostile name is there, as text


def test_diagram_links_point_at_pages(fixture_site):
    html = page(fixture_site, "trials/blinfant")
    (svg,) = _diagrams(html)
    hrefs = re.findall(r' href="([^"]+)"', svg)
    assert hrefs
    for href in hrefs:
        assert (fixture_site / "trials" / "blinfant" / href / "index.html").resolve().is_file(), href


def test_diagrams_wait_beside_the_markdown_and_reach_the_html_where_their_marker_was(fixture_site):
    """Markdown and the search index never parse a diagram's SVG: the page's Markdown holds a marker, the
    figure sits in the file beside it, and the rendered page has the figure in the marker's place."""
    docs = fixture_site.parent / "docs" / "en"
    markdown = (docs / "trials" / "blinfant.md").read_text(encoding="utf-8")
    (digest,) = MARKER.findall(markdown)
    assert "<svg" not in markdown
    figures = read_figures((docs / figures_path("trials/blinfant.md")).read_text(encoding="utf-8"))
    assert list(figures) == [digest] and figures[digest].startswith('<figure class="cle-diagram"')
    html = page(fixture_site, "trials/blinfant")
    before, after = markdown.split(marker(digest), 1)
    heading, note = before.rstrip().splitlines()[-1], after.split("\n\n", 2)[1]
    assert heading.startswith("### ") and note.startswith("*")
    connections = html.split('id="connections"', 1)[1]
    assert connections.index(figures[digest]) < connections.index("<p><em>")  # under its heading, above its note
    assert not list(fixture_site.rglob("*" + FIGURES_SUFFIX))
    for html_file in fixture_site.rglob("*.html"):
        assert not has_markers(html_file.read_text(encoding="utf-8")), html_file
    index = (fixture_site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "<svg" not in index and "cle-graph" not in index


def test_a_figure_missing_from_beside_its_page_fails_the_render_naming_the_page(fixture_site, tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(fixture_site.parent / "docs" / "en", docs)
    (docs / figures_path("trials/blinfant.md")).unlink()
    with pytest.raises(SiteBuildError) as failure:
        render_site(ROOT, docs, tmp_path / "site", "en", [("Home", "index.md")])
    assert "trials/blinfant.md: a diagram of this page is missing from trials/blinfant.md.figures" in str(failure.value)


def test_entity_page_has_infobox_relations_sources_and_edit_links(fixture_site):
    html = page(fixture_site, "genes/kmt2a")
    assert "HGNC:7132" in html and "https://www.genenames.org/" in html
    assert "MLL" in html and "HRX" in html
    assert "introduction" in html  # the locator of its source
    found = elements(page(fixture_site, "trials/blinfant"))
    edit = [a["href"] for t, a in found.tags if t == "a" and a.get("rel") == "edit"]
    assert edit == [
        "https://github.com/childhood-leukaemia-kg/childhood-leukaemia-kg/edit/main/content/trials/blinfant.yaml"
    ]
    report = [a["href"] for t, a in found.tags if t == "a" and "issues/new" in a.get("href", "")]
    query = parse_qs(urlsplit(report[0]).query)
    assert query["title"] == ["Problem on blinfant"] and "content/trials/blinfant.yaml" in query["body"][0]


def test_relations_are_grouped_with_human_labels_both_ways(fixture_site):
    html = page(fixture_site, "drugs/blinatumomab")
    assert "Targets" in html and "Links to this page" in html and "added by" in html
    assert "Protocols and trials using it" in html and "BlinFant pilot" in html
    nl = page(fixture_site, "nl/drugs/blinatumomab")
    assert "Grijpt aan op" in nl and "toegevoegd door" in nl


def _key_figure(html: str) -> str:
    return re.search(r'<figure class="cle-results".*?</figure>', html, re.S).group()


def test_key_results_figure_is_text_with_the_numbers_and_shapes_that_tell_groups_apart(fixture_site):
    html = page(fixture_site, "trials/blinfant")
    figure = _key_figure(html)
    caption = re.search(r'<figcaption id="([^"]+)">(.*?)</figcaption>', figure)
    assert f'aria-labelledby="{caption.group(1)}"' in figure
    assert caption.group(2) == "Results with blinatumomab (■) against the comparison group (○). Higher is better."
    assert "cle-mark-a" in figure and "cle-mark-b" in figure  # a square and a circle, not colour alone
    values = [re.sub(r"<[^>]+>", "", v) for v in re.findall(r'<span class="cle-value">(.*?)</span>\s*</div>', figure)]
    assert values == [
        "BlinFant patients: 93.3% (95% CI 75.9–98.3)",
        "Interfant-06 controls: 65.8% (95% CI 58.9–71.8)",
    ]
    assert 'style="left:75.9%;width:22.4%"' in figure  # the interval drawn from its bounds
    sentence = (
        "Overall survival at 2 years: 93.3% of 30 patients with blinatumomab (the true value is probably between "
        "75.9% and 98.3%), against 65.8% of 214 patients in the historical comparison group."
    )
    assert sentence in html
    nl = page(fixture_site, "nl/trials/blinfant")
    assert "93,3% <small>(95%-BI 75,9–98,3)</small>" in _key_figure(nl)
    assert "Resultaten met blinatumomab (■) tegenover de vergelijkingsgroep (○). Hoger is gunstiger." in nl


def test_summary_of_findings_gives_the_difference_and_says_certainty_was_not_assessed(fixture_site):
    html = page(fixture_site, "trials/blinfant")
    table = re.search(r'<div class="cle-sof">.*?</table>', html, re.S).group()
    cells = [re.sub(r"<[^>]+>", "", c) for c in re.findall(r"<td>(.*?)</td>", table)]
    assert cells == [
        "Overall survival at 2 years",
        "65.8% (95% CI 58.9–71.8)",
        "93.3% (95% CI 75.9–98.3)",
        "+27.5 percentage points",
        "30 vs 214",
        "historical controls",
        "not assessed (a)",
    ]
    assert "a. Not assessed: no published rating was found." in html
    assert "not randomised (historical controls); 30 vs 214 patients" in html
    assert "+27,5 procentpunt" in page(fixture_site, "nl/trials/blinfant")


def test_outcome_page_shows_figure_quote_and_derivation_on_both_sides(fixture_site):
    paper = page(fixture_site, "outcomes/os-2y-blinfant")
    assert "overall survival was 93.3% (95% CI, 75.9 to 98.3)" in paper
    assert "2-year OS in controls" in paper and "65.8% (95% CI 58.9–71.8)" in paper
    for html in (paper, page(fixture_site, "outcomes/os-press")):
        assert "Figures side by side" in html
        assert "93.3% rounded to 93%." in html and "93%" in html and "93.3% (95% CI 75.9–98.3)" in html
    assert "93 procent van de kinderen leeft nog" in page(fixture_site, "outcomes/os-press")


def test_unverified_properties_are_flagged(fixture_site):
    html = page(fixture_site, "trials/blinfant")
    flag = '<span class="cle-unverified" title="No source read for this site confirms this value.">unverified</span>'
    assert flag in html and "(unverified)" in html
    assert "Geen bron die voor deze site is gelezen, bevestigt deze waarde." in page(fixture_site, "nl/trials/blinfant")


def test_timeline_lists_dates_in_order(fixture_site):
    html = page(fixture_site, "timeline")
    positions = [html.index(text) for text in ("1999", "2018", "2021", "26 April 2023")]
    assert positions == sorted(positions)
    assert "26 april 2023" in page(fixture_site, "nl/timeline")


def test_overview_counts_classes_and_draws_them(fixture_site):
    html = page(fixture_site, "overview")
    assert re.search(r'href="\.\./drugs/">Drug</a></td>\s*<td>1</td>', html)
    assert '<figure class="cle-diagram" tabindex="0">' in html and ' href="../drugs/"' in html


def test_sources_page_lists_what_cites_each_publication(fixture_site):
    html = page(fixture_site, "sources")
    assert "Máxima press release" in html and "paragraph 2" in html and "OS in the press release" in html
    assert "estimate" in html  # the supported property, by its label
    assert "Bronnen" in page(fixture_site, "nl/sources")


def test_every_page_has_the_right_lang_and_a_switch_to_the_same_page(fixture_site):
    for html_file in sorted(fixture_site.rglob("index.html")):
        rel = html_file.relative_to(fixture_site).as_posix()
        if rel.startswith(("data/", "search/")):
            continue
        html = html_file.read_text(encoding="utf-8")
        lang = "nl" if rel.startswith("nl/") else "en"
        assert f'<html lang="{lang}"' in html, rel
        switch = re.search(r'<nav class="cle-language"[^>]*>\s*<a href="([^"]+)" hreflang="(\w+)"', html)
        if switch is None:
            continue
        target = (html_file.parent / switch.group(1) / "index.html").resolve()
        other = target.relative_to(fixture_site.resolve()).as_posix()
        assert other == (rel[3:] if lang == "nl" else "nl/" + rel), rel


def test_search_text_holds_synonyms_brand_names_and_curies(fixture_site):
    text = (fixture_site / "search" / "search_index.json").read_text(encoding="utf-8")
    for word in ("MLL", "Blincyto", "HGNC:7132", "MT103"):
        assert word in text


def test_pages_are_byte_identical_across_builds(tmp_path, fixture_site):
    root = fixture_project(tmp_path)
    assert not build_project(root, tmp_path / "out").problems
    again = tmp_path / "out" / "site"
    first = sorted(p.relative_to(fixture_site).as_posix() for p in fixture_site.rglob("*") if p.is_file())
    second = sorted(p.relative_to(again).as_posix() for p in again.rglob("*") if p.is_file())
    assert first == second
    for rel in first:
        assert (fixture_site / rel).read_bytes() == (again / rel).read_bytes(), rel


def test_fixture_has_every_class_that_gets_its_own_sections():
    folders = {name.split("/")[0] for name in FIXTURE}
    assert {"trials", "drugs", "diseases", "cohorts", "outcomes", "publications"} <= folders


ASSESSMENT = """
label: {en: A published rating of 2-year OS, nl: Een gepubliceerde beoordeling van de 2-jaars-OS}
description: {en: "A guideline group's GRADE rating.", nl: "De GRADE-beoordeling van een richtlijngroep."}
assessesOutcome: [os-2y-blinfant]
certainty: low
ratedDownFor: [risk-of-bias, imprecision]
assessedBy: [interfant]
sources:
  - {source: nejm-2023, locator: discussion}
"""


def test_a_published_certainty_rating_is_shown_with_its_reasons_in_place_of_not_assessed(tmp_path):
    from generator.build import generate_docs
    from generator.check.pipeline import check_project

    root = fixture_project(tmp_path, hostile=False)
    (root / "content" / "assessments").mkdir()
    (root / "content" / "assessments" / "os-rating.yaml").write_text(ASSESSMENT.lstrip(), encoding="utf-8")
    checked = check_project(root)
    assert checked.problems == []
    pages = {lang: docs for lang, docs, _ in generate_docs(root, checked)}
    lines = pages["en"]["trials/blinfant.md"].splitlines()
    row = next(line for line in lines if line.startswith("| [Overall survival at 2 years]"))
    assert row.endswith(
        "| **low**; rated down for imprecision, risk of bias "
        "([A published rating of 2\\-year OS](../assessments/os-rating.md)) |"
    )
    assert "Not assessed" not in pages["en"]["trials/blinfant.md"]
    assert "**laag**; afgewaardeerd wegens onnauwkeurigheid, risico op vertekening" in pages["nl"]["trials/blinfant.md"]


def test_no_figure_of_the_real_site_puts_higher_and_lower_is_better_on_one_axis(built):
    """Survival (higher is better) and relapse or events (lower is better) are drawn in separate figures, each
    saying which way is better."""
    from rdflib import Dataset

    from generator.model.vocab import CLE, RDFS

    graph = Dataset(default_union=True)
    graph.parse(built[1] / "site" / "data" / "kg.trig", format="trig")
    ways = {
        str(label): str(way)
        for measure, way in graph.subject_objects(CLE.direction)
        for label in graph.objects(measure, RDFS.label)
    }
    assert {"lower-is-better", "higher-is-better"} <= set(ways.values())
    captions = {"higher-is-better": "Higher is better.", "lower-is-better": "Lower is better."}
    figures = 0
    for page in sorted((built[1] / "docs" / "en").rglob("*.md")):
        for figure in re.findall(r'<figure class="cle-results.*?</figure>', page.read_text(encoding="utf-8"), re.S):
            figures += 1
            caption = re.search(r"<figcaption[^>]*>(.*?)</figcaption>", figure).group(1)
            for group in re.findall(r'<p class="cle-group-label">(.*?)</p>', figure):
                way = next((w for label, w in ways.items() if group.lower().startswith(label.lower())), None)
                assert way is not None, group
                assert caption.endswith(captions[way]), (page.name, group, caption)
    assert figures > 10


def test_the_key_results_page_shows_a_bounded_number_of_trials_then_links_to_the_rest(monkeypatch):
    from generator.build import generate_docs
    from generator.check.pipeline import check_project
    from generator.render.listings import results_pages

    checked = check_project(ROOT)
    full = {lang: docs["key-results.md"] for lang, docs, _ in generate_docs(ROOT, checked)}
    trials = [line for line in full["en"].splitlines() if line.startswith("## ")]
    assert len(trials) > 2 and "more](" not in full["en"]  # every trial of the project fits
    monkeypatch.setattr(results_pages, "KEY_RESULTS_TRIALS", 2)
    capped = {lang: docs["key-results.md"] for lang, docs, _ in generate_docs(ROOT, checked)}
    assert [line for line in capped["en"].splitlines() if line.startswith("## ")] == trials[:2]
    rest = len(trials) - 2
    assert capped["en"].rstrip().endswith(f"[and {rest} more](trials/index.md)")
    assert capped["nl"].rstrip().endswith(f"[en nog {rest}](trials/index.md)")
