"""No injection: hostile text in every field of every class is built for real and comes out inert everywhere.

One entity per class is generated from the schema (so a new property is covered without editing this test),
with hostile text in each free-text field. The same tree with harmless text is the baseline: the hostile
site may not hold a tag, an attribute or a script the baseline lacks, no on* attribute, no javascript:/data:
link, and the search index and RDF dumps must hold the text as inert data.
"""

from __future__ import annotations

import html.parser
import json
from pathlib import Path

import pyoxigraph as ox
import pytest

from generator.build import build_project
from generator.load.ontology import load_schema
from generator.model import vocab
from generator.model.datatypes import DATATYPES
from generator.model.kinds import ValueKind
from tests.conftest import ROOT, copy_project

# Every trick at once. Language-tagged text is Markdown, so links with bad schemes are refused there by the
# checker (tests/bad_inputs covers that); plain text also gets them, since it is never read as Markdown.
HOSTILE_MARKDOWN = (
    '<script>alert(1)</script><img src=x onerror=alert(2)><a href="javascript:alert(3)">a</a>'
    "<svg onload=alert(4)> </textarea><iframe src=javascript:alert(5)> <!-- x --> ]]> "
    '{: onclick="alert(6)" } {{ config }} {% raw %} `</code>` ```js\n``` <javascript:alert(7)> '
    '[t](https://example.org "x\\" onmouseover=\\"alert(8)") &lt;b&gt; &amp; \'"; </script> | a | b | '
    "<a href=&#x6A;avascript:alert(14)>"
)
HOSTILE_PLAIN = HOSTILE_MARKDOWN + (
    ' [x](javascript:alert(9)) ![y](data:text/html,alert(10)) " onfocus=alert(11) x="'
    " [e](&#106;avascript:alert(12)) [f](java&#x09;script:alert(13))"
)
HARMLESS = "Plain harmless words with `code`"  # inline code is Markdown a contributor may write
ID_PREFIX = "hostile-"
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcdoc")


def sample_value(spec, ids_by_class: dict, text: str, language_text: str):
    """A valid value for one property: hostile text where free text goes, a plain valid value elsewhere."""
    if spec.kind is ValueKind.LANGMAP:
        return {"en": f"{language_text} #{spec.key}", "nl": f"{language_text} #{spec.key}"}
    if spec.kind is ValueKind.TEXT:
        return {"en": f"{language_text} #{spec.key}"}
    if spec.kind is ValueKind.REFERENCE:
        return ids_by_class[spec.target_class]
    if spec.kind is ValueKind.LITERAL:
        if spec.allowed:
            return spec.allowed[0]
        if spec.pattern:
            return None  # a coded value (country, language): no free text can pass its pattern
        if spec.datatype == vocab.XSD.string:
            return f"{text} #{spec.key}"
        return DATATYPES[spec.datatype].example
    return None  # identifiers (checked CURIEs) and property keys cannot carry free text


def entity(cls, ids_by_class, text, language_text) -> dict:
    data = {}
    for key, spec in cls.shape.properties.items():
        if spec.kind is ValueKind.NESTED:
            entry = {k: sample_value(s, ids_by_class, text, language_text) for k, s in spec.nested.properties.items()}
            entry["quoteTranslation"] = {"nl": f"{language_text} #quoteTranslation"}
            data[key] = [{k: v for k, v in entry.items() if v is not None}]
            continue
        value = sample_value(spec, ids_by_class, text, language_text)
        if value is not None:
            data[key] = value if spec.single or spec.kind.is_text else [value]
    return data


def make_tree(tmp_path: Path, text: str, language_text: str) -> Path:
    root = copy_project(tmp_path, with_content=False)
    schema, problems = load_schema(ROOT)
    assert not problems
    ids_by_class = {}
    for folder, cls in schema.classes.items():
        for ancestor in cls.ancestors:
            ids_by_class.setdefault(ancestor, ID_PREFIX + folder)
    for folder, cls in schema.classes.items():
        path = root / "content" / folder / f"{ID_PREFIX}{folder}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        # JSON is YAML: every string is double-quoted with its escapes, so the file says exactly `text`.
        path.write_text(
            json.dumps(entity(cls, ids_by_class, text, language_text), ensure_ascii=False, indent=2), encoding="utf-8"
        )
    return root


class _Collect(html.parser.HTMLParser):
    """Tags, attribute names, URL attribute values, scripts and text of one HTML page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.attributes, self.urls, self.scripts, self.text = set(), set(), [], [], []
        self._script = None

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        for name, value in attrs:
            self.attributes.add((tag, name))
            if name in URL_ATTRIBUTES and value:
                self.urls.append(value)
        if tag == "script":
            self._script = [dict(attrs), ""]

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.scripts.append(tuple(self._script))
            self._script = None

    def handle_data(self, data):
        if self._script is not None:
            self._script[1] += data
        else:
            self.text.append(data)


def collect_site(site: Path) -> dict:
    pages = {}
    for path in sorted(site.rglob("*.html")):
        parser = _Collect()
        parser.feed(path.read_text(encoding="utf-8"))
        pages[path.relative_to(site).as_posix()] = parser
    return pages


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    built = {}
    for name, text, language_text in (("hostile", HOSTILE_PLAIN, HOSTILE_MARKDOWN), ("baseline", HARMLESS, HARMLESS)):
        root = make_tree(tmp_path_factory.mktemp(name), text, language_text)
        result = build_project(root, root / "build")
        assert result.problems == [], "\n".join(map(str, result.problems))
        built[name] = root / "build" / "site"
    return built


@pytest.fixture(scope="module")
def pages(sites):
    return {name: collect_site(site) for name, site in sites.items()}


def test_hostile_text_reaches_the_pages_as_text(pages):
    text = " ".join(" ".join(p.text) for p in pages["hostile"].values())
    assert "<script>alert(1)</script>" in text  # shown to the reader, literally
    assert "#label" in text and "#description" in text and "#locator" in text


def test_no_tag_or_attribute_beyond_the_baseline(pages):
    hostile, baseline = pages["hostile"], pages["baseline"]
    assert set(hostile) == set(baseline)
    for name in sorted(hostile):
        assert hostile[name].tags <= baseline[name].tags, name
        assert hostile[name].attributes <= baseline[name].attributes, name


def test_no_event_handler_attributes(pages):
    handlers = {
        (name, attr) for name, page in pages["hostile"].items() for attr in page.attributes if attr[1].startswith("on")
    }
    assert handlers == set()


def test_links_use_safe_schemes_only(pages):
    for name, page in pages["hostile"].items():
        for value in page.urls:
            scheme = "".join(value.split()).lower().split(":", 1)[0]
            assert scheme not in ("javascript", "data", "vbscript"), (name, value)


def test_scripts_are_the_sites_own(pages):
    for name, page in pages["hostile"].items():
        baseline_sources = {s[0].get("src") for s in pages["baseline"][name].scripts}
        for attrs, body in page.scripts:
            assert attrs.get("src") in baseline_sources, (name, attrs)
            assert "alert(" not in body.replace("\\u003c", "<") or attrs.get("type") == "application/ld+json", name
            assert "</" not in body, name
            if attrs.get("type") == "application/ld+json":
                json.loads(body)  # a block whose JSON still parses: the text stayed inside its strings


def test_search_index_holds_no_raw_tags(sites):
    baseline_tags = set()
    for doc in json.loads((sites["baseline"] / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]:
        parser = _Collect()
        parser.feed(doc["title"] + doc["text"])
        baseline_tags |= parser.tags
    index = json.loads((sites["hostile"] / "search" / "search_index.json").read_text(encoding="utf-8"))
    for doc in index["docs"]:
        parser = _Collect()
        parser.feed(doc["title"] + doc["text"])
        assert parser.tags <= baseline_tags, doc["location"]
        assert not any(attr.startswith("on") for _, attr in parser.attributes), doc["location"]


def test_dumps_hold_the_text_exactly_and_nothing_more(sites):
    counts = {}
    for name, site in sites.items():
        triples = list(ox.parse(path=str(site / "data" / "kg.nt"), format=ox.RdfFormat.N_TRIPLES))
        counts[name] = len(triples)
        if name == "hostile":
            texts = {t.object.value for t in triples if isinstance(t.object, ox.Literal)}
            assert f"{HOSTILE_PLAIN} #title" in texts and f"{HOSTILE_MARKDOWN} #label" in texts
    assert counts["hostile"] == counts["baseline"]
    for name in ("kg.jsonld", "kg.ttl", "kg.trig"):
        assert (
            len(
                list(
                    ox.parse(
                        path=str(sites["hostile"] / "data" / name),
                        format=ox.RdfFormat.from_extension(name.split(".")[1]),
                    )
                )
            )
            > 0
        )
