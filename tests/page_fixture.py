"""A small content tree for page tests: the blinatumomab story in miniature, plus one hostile entity."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import copy_project

HOSTILE = '<script>alert(1)</script> `x` "q" &amp; ]]> --> {: onclick=x}'

FIXTURE = {
    "publications/nejm-2023.yaml": """
label: {en: "Blinatumomab added to chemotherapy in infant ALL", nl: "Blinatumomab toegevoegd aan chemotherapie bij zuigelingen-ALL"}
description: {en: "The NEJM paper of the pilot.", nl: "Het NEJM-artikel van de pilot."}
publicationType: journal-article
sourceStrength: primary
title: Blinatumomab Added to Chemotherapy in Infant Lymphoblastic Leukemia
journal: N Engl J Med
datePublished: "2023-04-26"
identifiers: ["doi:10.1056/NEJMoa2214171", "PMID:37099340"]
sources:
  - {source: nejm-2023, locator: title page}
""",
    "publications/press-nl.yaml": """
label: {en: "Máxima press release", nl: "Persbericht Prinses Máxima Centrum"}
description: {en: "The Dutch press release.", nl: "Het Nederlandse persbericht."}
publicationType: press-release
sourceStrength: primary
datePublished: "2023-04-26"
sources:
  - {source: press-nl, locator: whole text}
""",
    "organizations/interfant.yaml": """
label: {en: Interfant, nl: Interfant}
description: {en: "An international study group for infant leukaemia.", nl: "Een internationale studiegroep voor leukemie bij zuigelingen."}
foundingYear: "1999"
sources:
  - {source: nejm-2023, locator: appendix}
""",
    "genes/kmt2a.yaml": """
label: {en: KMT2A, nl: KMT2A}
description: {en: "Lysine methyltransferase 2A, formerly MLL.", nl: "Lysinemethyltransferase 2A, vroeger MLL."}
symbol: KMT2A
synonym: [MLL, HRX]
identifiers: ["HGNC:7132"]
sources:
  - {source: nejm-2023, locator: introduction}
""",
    "genes/cd19.yaml": """
label: {en: CD19, nl: CD19}
description: {en: "A B-cell surface protein.", nl: "Een eiwit op het oppervlak van B-cellen."}
symbol: CD19
sources:
  - {source: nejm-2023, locator: introduction}
""",
    "alterations/kmt2a-r.yaml": """
label: {en: KMT2A rearrangement, nl: KMT2A-herschikking}
description: {en: "A break in KMT2A fused to a partner gene.", nl: "Een breuk in KMT2A gefuseerd met een partnergen."}
affectsGene: [kmt2a]
sources:
  - {source: nejm-2023, locator: introduction}
""",
    "diseases/infant-kmt2a-all.yaml": """
label: {en: Infant KMT2A-rearranged ALL, nl: KMT2A-herschikte ALL bij zuigelingen}
description: {en: "ALL in babies under one year with a *KMT2A* rearrangement.", nl: "ALL bij baby's jonger dan een jaar met een *KMT2A*-herschikking."}
definedBy: [kmt2a-r]
sources:
  - {source: nejm-2023, locator: abstract}
""",
    "drugs/blinatumomab.yaml": """
label: {en: blinatumomab, nl: blinatumomab}
description: {en: "A bispecific T-cell engager against CD19.", nl: "Een bispecifieke T-celactivator tegen CD19."}
brandName: [Blincyto]
synonym: [MT103]
mechanism: {en: "Binds CD19 and CD3.", nl: "Bindt CD19 en CD3."}
targets: [cd19]
treats: [infant-kmt2a-all]
identifiers: ["DRUGBANK:DB09052"]
sources:
  - {source: nejm-2023, locator: methods}
""",
    "protocols/interfant-06.yaml": """
label: {en: Interfant-06, nl: Interfant-06}
description: {en: "The chemotherapy backbone.", nl: "Het chemotherapieschema."}
treats: [infant-kmt2a-all]
sources:
  - {source: nejm-2023, locator: methods}
""",
    "trials/blinfant.yaml": """
label: {en: BlinFant pilot, nl: BlinFant-pilot}
description: {en: "Blinatumomab after induction in 30 infants.", nl: "Blinatumomab na inductie bij 30 zuigelingen."}
acronym: BlinFant
design: {en: "Phase 2, single group, historical controls.", nl: "Fase 2, één groep, historische controles."}
phase: phase 2
startYear: "2018"
endYear: "2021"
usesProtocol: [interfant-06]
addsDrug: [blinatumomab]
studiesDisease: [infant-kmt2a-all]
enrolsCohort: [blinfant-cohort, interfant-06-controls]
reportsOutcome: [os-2y-blinfant, os-2y-controls, os-press]
conductedBy: [interfant]
publishedIn: [nejm-2023]
otherIdentifier: [NTR6359]
unverified: [conductedBy]
sources:
  - source: nejm-2023
    locator: abstract
    quote: {en: "Thirty patients were enrolled."}
    quoteTranslation: {nl: "Dertig patiënten werden ingesloten."}
    supports: [enrolsCohort]
    confidence: verified-in-secondary-source
""",
    "cohorts/blinfant-cohort.yaml": """
label: {en: BlinFant patients, nl: BlinFant-patiënten}
description: {en: "The 30 treated infants.", nl: "De 30 behandelde zuigelingen."}
participantCount: "30"
cohortRole: intervention
hasDisease: [infant-kmt2a-all]
sources:
  - {source: nejm-2023, locator: abstract}
""",
    "cohorts/interfant-06-controls.yaml": """
label: {en: Interfant-06 controls, nl: Interfant-06-controles}
description: {en: "Historical controls.", nl: "Historische controles."}
participantCount: "214"
cohortRole: historical-control
hasDisease: [infant-kmt2a-all]
sources:
  - {source: nejm-2023, locator: abstract}
""",
    "measures/overall-survival.yaml": """
label: {en: overall survival, nl: totale overleving}
description: {en: "Alive at the time point.", nl: "In leven op het tijdstip."}
measureAbbreviation: OS
measureCategory: efficacy
direction: higher-is-better
sources:
  - {source: nejm-2023, locator: methods}
""",
    "outcomes/os-2y-blinfant.yaml": """
label: {en: 2-year OS with blinatumomab, nl: 2-jaars-OS met blinatumomab}
description: {en: "Overall survival at two years.", nl: "Totale overleving na twee jaar."}
measure: overall-survival
cohort: blinfant-cohort
timePoint: P2Y
estimate: "93.3"
unit: percent
ciLower: "75.9"
ciUpper: "98.3"
comparator: os-2y-controls
sources:
  - source: nejm-2023
    locator: abstract, results
    quote: {en: "overall survival was 93.3% (95% CI, 75.9 to 98.3)"}
    supports: [estimate, ciLower, ciUpper]
""",
    "outcomes/os-2y-controls.yaml": """
label: {en: 2-year OS in controls, nl: 2-jaars-OS bij controles}
description: {en: "Overall survival at two years in controls.", nl: "Totale overleving na twee jaar bij controles."}
measure: overall-survival
cohort: interfant-06-controls
timePoint: P2Y
estimate: "65.8"
unit: percent
ciLower: "58.9"
ciUpper: "71.8"
sources:
  - {source: nejm-2023, locator: abstract}
""",
    "outcomes/os-press.yaml": """
label: {en: OS in the press release, nl: OS in het persbericht}
description: {en: "The rounded figure.", nl: "Het afgeronde getal."}
measure: overall-survival
cohort: blinfant-cohort
estimate: "93"
unit: percent
derivedFromOutcome: [os-2y-blinfant]
derivation: {en: "93.3% rounded to 93%.", nl: "93,3% afgerond op 93%."}
sources:
  - source: press-nl
    locator: paragraph 2
    quote: {nl: "93 procent van de kinderen leeft nog"}
    quoteTranslation: {en: "93 percent of the children are still alive"}
""",
}


def hostile_entity() -> str:
    """An entity whose every text field tries to inject markup, script or diagram syntax."""
    quoted = HOSTILE.replace("\\", "\\\\").replace('"', '\\"')
    return f"""
label: {{en: "{quoted}", nl: "{quoted}"}}
description: {{en: "{quoted}", nl: "{quoted}"}}
synonym: ["{quoted}"]
foundingYear: "2001"
parentOrganization: [interfant]
location: {{en: "{quoted}", nl: "{quoted}"}}
sources:
  - source: nejm-2023
    locator: "{quoted}"
    quote: {{en: "{quoted}"}}
"""


def fixture_project(tmp_path: Path, hostile: bool = True) -> Path:
    """A project copy whose content/ is FIXTURE (and the hostile organisation)."""
    root = copy_project(tmp_path, with_content=False)
    files = dict(FIXTURE)
    if hostile:
        files["organizations/evil-org.yaml"] = hostile_entity()
    for rel, text in files.items():
        path = root / "content" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text.lstrip(), encoding="utf-8")
    return root
