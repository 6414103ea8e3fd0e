"""Sections some classes get on their pages: a trial's cohorts and outcomes, a drug's uses, a disease's story."""

from __future__ import annotations

from .markdown_text import inline
from .outcome_sections import derivation_sections, outcome_summary, outcome_table
from .pages import MAX_LINKS, NO_SEARCH
from .ui_text import ui
from .vocab import CLE, PROV

__all__ = ["class_sections", "SECTIONS"]


def _folder(writer, entity_id: str) -> str:
    return writer.mapped.entities[entity_id].cls.folder


def _outcomes_of_cohorts(writer, cohorts: list) -> list:
    return sorted({o for c in cohorts for o in writer.sources_of(c, CLE.inCohort)})


def _bullets(writer, ids: list, folder: str) -> list:
    shown = sorted(ids, key=lambda i: (writer.label(i).casefold(), i))[:MAX_LINKS]
    lines = [f"- {writer.link(i, folder)} ({inline(writer.class_label(writer.mapped.entities[i].cls))})" for i in shown]
    if len(ids) > MAX_LINKS:
        lines.append(f"- {writer.more(ids, MAX_LINKS, folder)}")
    return lines + [""]


def trial_sections(writer, entity_id: str) -> list:
    """Cohorts (role, patients, protocol) and every outcome measured in the trial's cohorts."""
    lang, folder = writer.lang, _folder(writer, entity_id)
    cohorts = writer.targets(entity_id, CLE.enrolsCohort)
    sections = []
    if cohorts:
        header = [ui("cohort", lang), ui("role", lang), ui("patients", lang), ui("protocol", lang)]
        lines = [f"## {ui('cohorts', lang)}{NO_SEARCH}", "", "| " + " | ".join(header) + " |", "|---|---|---|---|"]
        for cohort in cohorts[:MAX_LINKS]:
            role, count = writer.value(cohort, CLE.cohortRole), writer.value(cohort, CLE.participantCount)
            protocols = ", ".join(writer.link(p, folder) for p in writer.targets(cohort, CLE.usesProtocol))
            lines.append(f"| {writer.link(cohort, folder)} | {inline(str(role or ''))} | {inline(str(count or ''))} "
                         f"| {protocols} |")
        sections.append(lines + [""])
    outcomes = sorted(set(writer.targets(entity_id, CLE.reportsOutcome)) | set(_outcomes_of_cohorts(writer, cohorts)))
    if outcomes:
        sections.append([f"## {ui('outcomes', lang)}{NO_SEARCH}", ""]
                        + outcome_table(writer, outcomes, folder, writer.label(entity_id), "trial-chart"))
    return sections


def drug_sections(writer, entity_id: str) -> list:
    """Every protocol that includes the drug, every trial or cohort that adds it, and trials using those protocols."""
    protocols = writer.sources_of(entity_id, CLE.includesDrug)
    adders = writer.sources_of(entity_id, CLE.addsDrug)
    via_protocol = {t for p in protocols for t in writer.sources_of(p, CLE.usesProtocol)}
    users = sorted(set(protocols) | set(adders) | via_protocol)
    if not users:
        return []
    return [[f"## {ui('used_in', writer.lang)}{NO_SEARCH}", ""] + _bullets(writer, users, _folder(writer, entity_id))]


def disease_sections(writer, entity_id: str) -> list:
    """Defining alterations, treatments and trials, and outcomes in cohorts of patients with the disease."""
    lang, folder = writer.lang, _folder(writer, entity_id)
    sections = []
    defining = writer.targets(entity_id, CLE.definedBy)
    if defining:
        sections.append([f"## {ui('defining', lang)}{NO_SEARCH}", ""] + _bullets(writer, defining, folder))
    treatments = sorted(set(writer.sources_of(entity_id, CLE.treats)) | set(writer.sources_of(entity_id, CLE.studiesDisease)))
    if treatments:
        sections.append([f"## {ui('treatments', lang)}{NO_SEARCH}", ""] + _bullets(writer, treatments, folder))
    outcomes = _outcomes_of_cohorts(writer, writer.sources_of(entity_id, CLE.hasDisease))
    if outcomes:
        sections.append([f"## {ui('outcomes', lang)}{NO_SEARCH}", ""]
                        + outcome_table(writer, outcomes, folder, writer.label(entity_id), "disease-chart"))
    return sections


def cohort_sections(writer, entity_id: str) -> list:
    outcomes = writer.sources_of(entity_id, CLE.inCohort)
    if not outcomes:
        return []
    return [[f"## {ui('outcomes', writer.lang)}{NO_SEARCH}", ""]
            + outcome_table(writer, outcomes, _folder(writer, entity_id), writer.label(entity_id), "cohort-chart")]


def outcome_sections(writer, entity_id: str) -> list:
    return [outcome_summary(writer, entity_id), derivation_sections(writer, entity_id)]


def publication_sections(writer, entity_id: str) -> list:
    """What rests on this publication: each citing entry with the statements it supports and where."""
    lang, folder = writer.lang, _folder(writer, entity_id)
    citing = writer.sources_of(entity_id, PROV.wasDerivedFrom)
    if not citing:
        return []
    header = [ui("entity", lang), ui("supports", lang), ui("where", lang)]
    lines = [f"## {ui('citations', lang)}{NO_SEARCH}", "", "| " + " | ".join(header) + " |", "|---|---|---|"]
    for row in citation_rows(writer, entity_id, citing[:MAX_LINKS], folder):
        lines.append("| " + " | ".join(row) + " |")
    if len(citing) > MAX_LINKS:
        lines.append(f"| {writer.more(citing, MAX_LINKS, folder)} | | |")
    return [lines + [""]]


def citation_rows(writer, publication_id: str, citing: list, folder: str | None) -> list:
    """(entry link, supported properties, locator) for each source reference to publication_id."""
    target = writer.mapped.entities[publication_id].iri
    rows = []
    for entity_id in sorted(citing, key=lambda i: (writer.label(i).casefold(), i)):
        graph = writer.graph(entity_id)
        for ref in writer.source_refs(entity_id):
            if graph.value(ref, PROV.entity) != target:
                continue
            supports = sorted(writer.property_label(p) for p in graph.objects(ref, CLE.supports))
            locator = graph.value(ref, CLE.locator)
            rows.append([writer.link(entity_id, folder), inline(", ".join(supports) or ui("whole_entity", writer.lang)),
                         inline(str(locator or ""))])
    return rows


SECTIONS = {
    CLE.ClinicalTrial: trial_sections,
    CLE.Drug: drug_sections,
    CLE.Disease: disease_sections,
    CLE.StudyCohort: cohort_sections,
    CLE.Outcome: outcome_sections,
    CLE.Publication: publication_sections,
}


def class_sections(writer, entity_id: str) -> list:
    """The extra sections for the entity's class (list of line lists), empty ones dropped."""
    record = writer.mapped.entities[entity_id]
    make = next((SECTIONS[c] for c in record.cls.ancestors if c in SECTIONS), None)
    return [section for section in (make(writer, entity_id) if make else []) if section]
