"""A small, fixed project tree for the query, serve and publish tests (independent of the real content)."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import copy_project

# path under content/ -> YAML text
FIXTURE = {
    "publications/paper.yaml": """\
label: {en: The paper, nl: Het artikel}
description: {en: A trial report., nl: Een studieverslag.}
publicationType: journal-article
sourceStrength: primary
title: Blinatumomab Added to Chemotherapy in Infant Lymphoblastic Leukemia
sources:
  - {source: paper, locator: title page}
""",
    "organizations/maxima.yaml": """\
label: {en: Princess Maxima Center, nl: Prinses Maxima Centrum}
description: {en: A children's cancer centre., nl: Een kinderkankercentrum.}
country: NL
sources:
  - {source: paper, locator: affiliations}
""",
    "organizations/amgen.yaml": """\
label: {en: Amgen, nl: Amgen}
description: {en: A company., nl: Een bedrijf.}
sources:
  - {source: paper, locator: funding}
""",
    "genes/kmt2a.yaml": """\
label: {en: KMT2A, nl: KMT2A}
description: {en: A gene., nl: Een gen.}
symbol: KMT2A
sources:
  - {source: paper, locator: introduction}
""",
    "alterations/kmt2a-r.yaml": """\
label: {en: KMT2A rearrangement, nl: KMT2A-herschikking}
description: {en: A rearrangement., nl: Een herschikking.}
affectsGene: kmt2a
sources:
  - {source: paper, locator: introduction}
""",
    "diseases/infant-all.yaml": """\
label: {en: Infant KMT2A-r ALL, nl: KMT2A-r ALL bij zuigelingen}
description: {en: A leukaemia., nl: Een leukemie.}
definedBy: kmt2a-r
sources:
  - {source: paper, locator: introduction}
""",
    "drugs/blinatumomab.yaml": """\
label: {en: Blinatumomab, nl: Blinatumomab}
description: {en: An antibody., nl: Een antilichaam.}
manufacturer: amgen
unverified: [manufacturer]
sources:
  - {source: paper, locator: methods}
""",
    "protocols/interfant-06.yaml": """\
label: {en: Interfant-06, nl: Interfant-06}
description: {en: Chemotherapy., nl: Chemotherapie.}
treats: infant-all
sources:
  - {source: paper, locator: methods}
""",
    "trials/blinfant.yaml": """\
label: {en: BlinFant, nl: BlinFant}
description: {en: A pilot trial., nl: Een pilotstudie.}
usesProtocol: interfant-06
addsDrug: blinatumomab
studiesDisease: infant-all
sponsor: maxima
funder: [maxima, amgen]
enrolsCohort: [blinfant-patients, interfant-06-controls]
reportsOutcome: [blinfant-os-2y, controls-os-2y]
sources:
  - {source: paper, locator: methods}
""",
    "cohorts/blinfant-patients.yaml": """\
label: {en: BlinFant patients, nl: BlinFant-patiënten}
description: {en: Treated infants., nl: Behandelde zuigelingen.}
participantCount: "30"
cohortRole: intervention
usesProtocol: interfant-06
addsDrug: blinatumomab
hasDisease: infant-all
sources:
  - {source: paper, locator: results}
""",
    "cohorts/interfant-06-controls.yaml": """\
label: {en: Interfant-06 controls, nl: Interfant-06-controles}
description: {en: Historical controls., nl: Historische controles.}
participantCount: "214"
cohortRole: historical-control
usesProtocol: interfant-06
hasDisease: infant-all
sources:
  - {source: paper, locator: results}
""",
    "measures/overall-survival.yaml": """\
label: {en: Overall survival, nl: Totale overleving}
description: {en: Alive., nl: In leven.}
measureAbbreviation: OS
sources:
  - {source: paper, locator: methods}
""",
    "outcomes/blinfant-os-2y.yaml": """\
label: {en: 2-year OS with blinatumomab, nl: 2-jaarsoverleving met blinatumomab}
description: {en: Survival., nl: Overleving.}
measure: overall-survival
cohort: blinfant-patients
timePoint: P2Y
estimate: "93.3"
unit: percent
ciLower: "75.9"
ciUpper: "98.3"
comparator: controls-os-2y
sources:
  - source: paper
    locator: abstract
    quote: {en: "The 2-year overall survival was 93.3% (95% CI, 75.9 to 98.3)."}
    supports: [estimate, ciLower, ciUpper]
    confidence: verified-in-secondary-source
""",
    "outcomes/controls-os-2y.yaml": """\
label: {en: 2-year OS in controls, nl: 2-jaarsoverleving bij controles}
description: {en: Survival., nl: Overleving.}
measure: overall-survival
cohort: interfant-06-controls
timePoint: P2Y
estimate: "65.8"
unit: percent
ciLower: "58.9"
ciUpper: "71.8"
sources:
  - source: paper
    locator: abstract
    quote: {en: "65.8% (95% CI, 58.9 to 71.8) among historical controls."}
    supports: [estimate]
""",
}


def write_fixture(tmp_path: Path) -> Path:
    """A project copy with the fixture content instead of the real one; returns its root."""
    root = copy_project(tmp_path, with_content=False)
    for name, text in FIXTURE.items():
        path = root / "content" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def test_fixture_checks_clean(tmp_path):
    from generator.check.pipeline import check_project

    checked = check_project(write_fixture(tmp_path))
    assert checked.problems == []
    assert len(checked.mapped.entities) == len(FIXTURE)


def wait_until_answering(url: str, process, attempts: int, what: str) -> None:
    """Poll url + '?query=ASK{}' every 0.2 s, at most attempts times; fail early if the process ended."""
    import time
    import urllib.error
    import urllib.request

    import pytest

    for _ in range(attempts):
        if process.poll() is not None:
            pytest.fail(f"{what} stopped: {process.stderr.read().decode() if process.stderr else ''}")
        try:
            with urllib.request.urlopen(url + "?query=ASK%7B%7D", timeout=2) as response:
                response.read()
            return
        except (urllib.error.URLError, OSError):
            time.sleep(0.2)
    pytest.fail(f"{what} did not answer within {attempts * 0.2:.0f} s")


def stop_process(process) -> None:
    """Terminate a server the test started; kill it if it does not stop within 15 s."""
    import subprocess

    process.terminate()
    try:
        process.wait(15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(15)
