"""A semantic diff in words, in a page language: plain text for the terminal, Markdown for a pull request's job
summary and the changelog. Entities by their labels, statements as 'property: old → new', answers by the
questions' titles."""

from __future__ import annotations

from ..map.curies import compress_iri
from ..model.changes import ADDED, CHANGED, REMOVED, Change, GraphDiff, Value
from ..model.schema import local_name, pick
from ..model.vocab import BINDINGS, CLE, PROV, RDF, RDFS
from .escaping import inline
from .ui_text import ui

__all__ = ["diff_text", "diff_markdown", "value_words", "entity_heading", "diff_summary"]

_TYPE, _ENTITY, _LOCATOR = str(RDF.type), str(PROV.entity), str(CLE.locator)
_LABEL, _SOURCES = str(RDFS.label), str(PROV.qualifiedDerivation)
STATUSES = (ADDED, REMOVED, CHANGED)
MARKS = {ADDED: "+", REMOVED: "-", CHANGED: "~"}


def _plain(text: str) -> str:
    """One line of text: whitespace (newlines included) collapsed, control characters dropped."""
    return " ".join("".join(c for c in text if c.isprintable() or c.isspace()).split())


def _iri_words(diff: GraphDiff, iri: str, lang: str, namespace: str) -> str:
    """An IRI by its label, else its prefixed name (ours, or an identifier's CURIE such as pubmed:27292104)."""
    labels = diff.labels.get(iri)
    if labels:
        return pick(labels, lang, iri)
    for prefix, start in sorted((("id", namespace), *BINDINGS), key=lambda item: -len(item[1])):
        if start and iri.startswith(start) and iri[len(start) :]:
            return f"{prefix}:{iri[len(start) :]}"
    return compress_iri(iri) or f"<{iri}>"


def property_words(diff: GraphDiff, prop: str, lang: str, value: Value | None = None) -> str:
    """A property's name in lang (its label, else its local name), with the language of a text value."""
    name = ui("diff_type", lang) if prop == _TYPE else pick(diff.labels.get(prop, {}), lang, local_name(prop))
    return f"{name} ({value.lang})" if value is not None and value.lang else name


def value_words(diff: GraphDiff, value: Value | None, lang: str, namespace: str) -> str:
    """A value for people: an entity by its label, a text as itself, a source reference by its source and
    locator (any other nested record by its statements)."""
    if value is None:
        return ""
    if value.kind == "iri":
        return _iri_words(diff, value.text, lang, namespace)
    if value.kind == "literal":
        return _plain(value.text)
    fields = dict(value.fields)
    if _ENTITY in fields:
        source = value_words(diff, fields[_ENTITY], lang, namespace)
        return f"{source} ({value_words(diff, fields[_LOCATOR], lang, namespace)})" if _LOCATOR in fields else source
    return "; ".join(
        f"{property_words(diff, p, lang, v)}: {value_words(diff, v, lang, namespace)}"
        for p, v in value.fields
        if p != _TYPE
    )


def change_words(diff: GraphDiff, change: Change, lang: str, namespace: str) -> str:
    """'estimate: 93.3 → 93.4', 'synonym added: MLL', 'sources removed: The paper (abstract)'."""
    shown = change.new if change.new is not None else change.old
    name = property_words(diff, change.prop, lang, shown)
    if change.kind == CHANGED:
        if change.inner:
            return f"{name}: {value_words(diff, change.old, lang, namespace)}"
        old, new = (value_words(diff, v, lang, namespace) for v in (change.old, change.new))
        return f"{name}: {old} → {new}"
    return ui(f"diff_statement_{change.kind}", lang, what=name, value=value_words(diff, shown, lang, namespace))


def _reading_order(diff: GraphDiff, change: Change, lang: str) -> tuple:
    """Class and label first, sources last, the rest by name (the diff itself is sorted by IRI)."""
    first = (change.prop != _TYPE, change.prop != _LABEL, change.prop == _SOURCES)
    shown = change.new if change.new is not None else change.old
    return first + (property_words(diff, change.prop, lang), shown.lang if shown else "", change.kind)


def _change_lines(diff: GraphDiff, changes, lang: str, namespace: str, depth: int = 0) -> list:
    """(depth, words) for each change, the changes inside a changed record one level deeper."""
    lines = []
    for change in sorted(changes, key=lambda c: _reading_order(diff, c, lang)):
        lines.append((depth, change_words(diff, change, lang, namespace)))
        lines += _change_lines(diff, change.inner, lang, namespace, depth + 1)
    return lines


def entity_heading(diff: GraphDiff, entity, lang: str, namespace: str) -> tuple:
    """(its name, what it is): 'Blinatumomab', 'Drug, drugs/blinatumomab'."""
    name = _iri_words(diff, entity.iri, lang, namespace)
    classes = [c for c in entity.classes if c in diff.folders] or list(entity.classes)
    kind = ", ".join(pick(diff.labels.get(c, {}), lang, local_name(c)) for c in classes[:1])
    folder = diff.folders.get(classes[0]) if classes else None
    if entity.iri.startswith(namespace):
        where = entity.iri[len(namespace) :]
        path = f"{folder}/{where}" if folder else where
    else:  # an ontology term or another vocabulary's: by its prefixed name
        path = _iri_words(GraphDiff("", ""), entity.iri, lang, namespace)
    return name, ", ".join(part for part in (kind, path) if part)


def diff_summary(diff: GraphDiff, lang: str) -> str:
    """'Entities: 1 added, 0 removed, 2 changed; statements: 4,744 → 4,790.'"""
    counts = {status: len(diff.by_status(status)) for status in STATUSES}
    old, new = diff.counts.get("old_triples", 0), diff.counts.get("new_triples", 0)
    return ui("diff_summary", lang, **counts, old=old, new=new)


def statements(n: int, lang: str) -> str:
    """'1 statement', '12 statements'."""
    return ui("diff_statement", lang) if n == 1 else ui("diff_statements", lang, n=n)


def _row_words(diff: GraphDiff, row, lang: str, namespace: str) -> str:
    """A row of an answer: IRIs by their prefixed names (as `kg query` prints them; labels have columns of their
    own), texts as they are, unbound cells as a dash."""
    unlabelled = GraphDiff("", "")
    return " · ".join("—" if value is None else value_words(unlabelled, value, lang, namespace) for value in row)


def _answer_head(diff: GraphDiff, answer, lang: str) -> tuple:
    title = pick(diff.titles.get(answer.name, {}), lang, answer.name)
    if answer.status == ADDED:
        return title, ui("diff_question_added", lang, n=answer.new_rows)
    if answer.status == REMOVED:
        return title, ui("diff_question_removed", lang)
    return title, ui(
        "diff_question_changed",
        lang,
        old=answer.old_rows,
        new=answer.new_rows,
        added=len(answer.added),
        removed=len(answer.removed),
    )


def _limited(items: list, limit: int | None) -> tuple:
    return (items, 0) if limit is None or len(items) <= limit else (items[:limit], len(items) - limit)


def diff_text(diff: GraphDiff, lang: str, namespace: str, limit: int | None = None) -> str:
    """The diff as plain text, for the terminal (at most limit entities per kind of change and rows per answer,
    if given)."""
    lines = [ui("diff_between", lang, old=_plain(diff.old), new=_plain(diff.new)), diff_summary(diff, lang)]
    if diff.empty:
        return "\n".join(lines + [ui("diff_none", lang)]) + "\n"
    for status in STATUSES:
        entities, rest = _limited(diff.by_status(status), limit)
        if not entities:
            continue
        lines += ["", ui(f"diff_{status}", lang)]
        for entity in entities:
            name, what = entity_heading(diff, entity, lang, namespace)
            size = f" ({statements(entity.size, lang)})" if status != CHANGED else ""
            lines.append(f"{MARKS[status]} {_plain(name)} — {_plain(what)}{size}")
            lines += [
                f"    {'    ' * depth}{text}" for depth, text in _change_lines(diff, entity.changes, lang, namespace)
            ]
        if rest:
            lines.append(f"  {ui('more', lang, n=rest)}")
    if diff.answers:
        lines += ["", ui("diff_answers", lang)]
        for answer in diff.answers:
            title, how = _answer_head(diff, answer, lang)
            lines.append(f"{MARKS[answer.status]} {_plain(title)} ({answer.name}): {how}")
            for mark, rows in (("+", answer.added), ("-", answer.removed)):
                shown, rest = _limited(list(rows), limit)
                lines += [f"    {mark} {_row_words(diff, row, lang, namespace)}" for row in shown]
                lines += [f"    {mark} {ui('more', lang, n=rest)}"] if rest else []
    return "\n".join(lines) + "\n"


def diff_markdown(
    diff: GraphDiff, lang: str, namespace: str, limit: int | None = None, link=None, level: int = 2
) -> list:
    """The diff as Markdown lines (contributor text escaped); link(iri) gives a page's relative URL or None;
    headings start at level."""
    lines = [f"{'#' * level} {ui('diff_title', lang)}", ""]
    lines += [
        ui("diff_between_md", lang, old=inline(_plain(diff.old)), new=inline(_plain(diff.new)))
        + " "
        + inline(diff_summary(diff, lang)),
        "",
    ]
    if diff.empty:
        return lines + [ui("diff_none", lang), ""]
    sub = "#" * (level + 1)
    for status in STATUSES:
        entities, rest = _limited(diff.by_status(status), limit)
        if not entities:
            continue
        lines += [f"{sub} {ui(f'diff_{status}', lang)}", ""]
        for entity in entities:
            name, what = entity_heading(diff, entity, lang, namespace)
            target = link(entity.iri) if link is not None and status != REMOVED else None
            shown = f"[{inline(name)}]({target})" if target else f"**{inline(name)}**"
            size = f", {statements(entity.size, lang)}" if status != CHANGED else ""
            lines.append(f"- {shown} ({inline(what)}{size})")
            lines += [
                f"{'    ' * (depth + 1)}- {inline(text)}"
                for depth, text in _change_lines(diff, entity.changes, lang, namespace)
            ]
        if rest:
            lines.append(f"- {ui('more', lang, n=rest)}")
        lines.append("")
    if diff.answers:
        lines += [f"{sub} {ui('diff_answers', lang)}", ""]
        for answer in diff.answers:
            title, how = _answer_head(diff, answer, lang)
            lines.append(f"- **{inline(title)}** (`{answer.name}`): {inline(how)}")
            for mark, rows in ((ADDED, answer.added), (REMOVED, answer.removed)):
                shown, rest = _limited(list(rows), limit)
                lines += [
                    f"    - {ui(f'diff_row_{mark}', lang)}: {inline(_row_words(diff, row, lang, namespace))}"
                    for row in shown
                ]
                lines += [f"    - {ui(f'diff_row_{mark}', lang)}: {ui('more', lang, n=rest)}"] if rest else []
        lines.append("")
    return lines
