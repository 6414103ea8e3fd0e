"""Sections some classes get on their pages: a trial's cohorts and outcomes, a drug's uses, a disease's story."""

from __future__ import annotations

from ...model.vocab import CLE
from ..escaping import inline
from ..layout import MAX_LINKS, bullets, heading, table
from ..ui_text import ui
from .outcomes import outcome_table

__all__ = ["class_sections", "SECTIONS"]


def _outcomes_of_cohorts(ctx, cohorts: list) -> list:
    return sorted({o for c in cohorts for o in ctx.sources_of(c, CLE.inCohort)})


def trial_sections(ctx, entity_id: str) -> list:
    """Cohorts (role, patients, protocol) and every outcome measured in the trial's cohorts."""
    lang, folder = ctx.lang, ctx.class_of(entity_id).folder
    cohorts = ctx.targets(entity_id, CLE.enrolsCohort)
    sections = []
    if cohorts:
        rows = []
        for cohort in cohorts[:MAX_LINKS]:
            role, count = ctx.value(cohort, CLE.cohortRole), ctx.value(cohort, CLE.participantCount)
            protocols = ", ".join(ctx.link(p, folder) for p in ctx.targets(cohort, CLE.usesProtocol))
            rows.append([ctx.link(cohort, folder), inline(str(role or "")), inline(str(count or "")), protocols])
        header = [ui(key, lang) for key in ("cohort", "role", "patients", "protocol")]
        sections.append(heading(2, ui("cohorts", lang)) + table(header, rows) + [""])
    outcomes = sorted(set(ctx.targets(entity_id, CLE.reportsOutcome)) | set(_outcomes_of_cohorts(ctx, cohorts)))
    if outcomes:
        sections.append(
            heading(2, ui("outcomes", lang)) + outcome_table(ctx, outcomes, folder, ctx.label(entity_id), "trial-chart")
        )
    return sections


def drug_sections(ctx, entity_id: str) -> list:
    """Every protocol that includes the drug, every trial or cohort that adds it, and trials using those protocols."""
    protocols = ctx.sources_of(entity_id, CLE.includesDrug)
    adders = ctx.sources_of(entity_id, CLE.addsDrug)
    via_protocol = {t for p in protocols for t in ctx.sources_of(p, CLE.usesProtocol)}
    users = sorted(set(protocols) | set(adders) | via_protocol)
    if not users:
        return []
    return [heading(2, ui("used_in", ctx.lang)) + bullets(ctx, users, ctx.class_of(entity_id).folder)]


def disease_sections(ctx, entity_id: str) -> list:
    """Defining alterations, treatments and trials, and outcomes in cohorts of patients with the disease."""
    lang, folder = ctx.lang, ctx.class_of(entity_id).folder
    sections = []
    defining = ctx.targets(entity_id, CLE.definedBy)
    if defining:
        sections.append(heading(2, ui("defining", lang)) + bullets(ctx, defining, folder))
    treatments = sorted(set(ctx.sources_of(entity_id, CLE.treats)) | set(ctx.sources_of(entity_id, CLE.studiesDisease)))
    if treatments:
        sections.append(heading(2, ui("treatments", lang)) + bullets(ctx, treatments, folder))
    outcomes = _outcomes_of_cohorts(ctx, ctx.sources_of(entity_id, CLE.hasDisease))
    if outcomes:
        sections.append(
            heading(2, ui("outcomes", lang))
            + outcome_table(ctx, outcomes, folder, ctx.label(entity_id), "disease-chart")
        )
    return sections


def cohort_sections(ctx, entity_id: str) -> list:
    outcomes = ctx.sources_of(entity_id, CLE.inCohort)
    if not outcomes:
        return []
    return [
        heading(2, ui("outcomes", ctx.lang))
        + outcome_table(ctx, outcomes, ctx.class_of(entity_id).folder, ctx.label(entity_id), "cohort-chart")
    ]


SECTIONS = {
    CLE.ClinicalTrial: trial_sections,
    CLE.Drug: drug_sections,
    CLE.Disease: disease_sections,
    CLE.StudyCohort: cohort_sections,
}


def class_sections(ctx, entity_id: str) -> list:
    """The extra sections for the entity's class, empty ones dropped, as one list of lines."""
    make = next((SECTIONS[c] for c in ctx.class_of(entity_id).ancestors if c in SECTIONS), None)
    return [line for section in (make(ctx, entity_id) if make else []) if section for line in section]
