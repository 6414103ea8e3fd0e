"""Dutch pages speak Dutch: no English interface text, class or property name or coded value on any Dutch page of
the real site, unless it sits in an element marked with its own language (lang="en", WCAG 3.1.2) or is code.
Contributor prose is not judged here (a Dutch description may quote an English registry); what the generator
writes is: a text node that is exactly an English word of ours is a failure."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from rdflib import Literal

from generator.load.ontology import load_schema
from generator.model.vocab import RDFS, SKOS
from generator.render.ui_text import TEXT, ui
from tests.conftest import ROOT

CODE = {"code", "pre", "script", "style", "kbd", "samp"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def _labels(graph, predicate) -> dict:
    """English -> Dutch of every term or concept whose Dutch label differs."""
    found = {}
    for subject in set(graph.subjects(predicate, None)):
        by_lang = {o.language: str(o) for o in graph.objects(subject, predicate) if isinstance(o, Literal)}
        if "en" in by_lang and "nl" in by_lang and by_lang["en"].casefold() != by_lang["nl"].casefold():
            found[by_lang["en"]] = by_lang["nl"]
    return found


def english_words() -> set:
    """Our English interface strings (without placeholders), the English names of classes, properties and coded
    values, and the codes themselves, wherever the Dutch differs."""
    graph = load_schema(ROOT)[0].graph
    words = {
        value
        for key, value in TEXT["en"].items()
        if isinstance(value, str) and "{" not in value and value != TEXT["nl"].get(key)
    }
    words |= set(_labels(graph, RDFS.label)) | set(_labels(graph, SKOS.prefLabel))
    for concept, code in graph.subject_objects(SKOS.notation):
        dutch = {str(o) for o in graph.objects(concept, SKOS.prefLabel) if getattr(o, "language", None) == "nl"}
        if str(code) not in dutch:
            words.add(str(code))
    return {w for w in words if len(w) >= 4 and re.search(r"[a-z]", w)}


class _DutchText(HTMLParser):
    """Text nodes in the language of the page: outside code and outside any element marked with another language."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.texts = [], []

    def handle_starttag(self, tag, attrs):
        if tag not in VOID:
            self.stack.append((tag, dict(attrs).get("lang")))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        langs = [lang for _, lang in self.stack if lang]
        if (langs and langs[-1] != "nl") or any(tag in CODE for tag, _ in self.stack):
            return
        text = data.strip(" \n\t:;,.()¶")
        if text:
            self.texts.append(text)


def test_no_dutch_page_shows_english_words_of_ours(site_dir):
    english = english_words()
    assert {"Results", "historical-control", "verified-in-source", "percent"} <= english  # the check sees them
    pages = sorted((site_dir / "nl").rglob("*.html"))
    assert len(pages) > 250
    found = {}
    for page in pages:
        parser = _DutchText()
        parser.feed(page.read_text(encoding="utf-8"))
        hits = sorted({text for text in parser.texts if text in english})
        if hits:
            found[page.relative_to(site_dir).as_posix()] = hits
    assert found == {}


def test_every_dutch_page_carries_the_dutch_site_name(site_dir):
    name = ui("site_name", "nl")
    for page in sorted((site_dir / "nl").rglob("*.html")):
        title = re.search(r"<title>(.*?)</title>", page.read_text(encoding="utf-8"), re.S).group(1)
        assert title.strip().endswith(name), page
