"""One row per XSD datatype a YAML value can have: its lexical form, what to write instead, how an editor's
JSON Schema types it, an example for `kg new`, a synthetic value for `kg synth` and how pages show it.
The mapper, the editor schemas, the scaffold, `kg synth` and the pages all read this one table."""

from __future__ import annotations

import datetime
import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum

from .vocab import XSD

__all__ = ["Display", "Datatype", "DATATYPES", "literal_problem", "URL_SCHEMES", "SYNTHETIC_WORDS"]

URL_SCHEMES = ("http://", "https://", "mailto:")
SYNTHETIC_WORDS = (
    "relapse",
    "remission",
    "infant",
    "marrow",
    "induction",
    "consolidation",
    "maintenance",
    "antibody",
    "lymphoblast",
    "survival",
    "fusion",
    "cohort",
    "protocol",
    "toxicity",
    "response",
    "engager",
)


class Display(Enum):
    """How pages show a literal (render/values.py has one formatter per member)."""

    TEXT = "text"
    """As written."""
    NUMBER = "number"
    """A decimal in the page language's notation (a decimal comma in Dutch)."""
    DATE = "date"
    """A date in words: 26 April 2023, 26 april 2023."""
    DURATION = "duration"
    """An ISO 8601 duration in words: P2Y is '2 years', '2 jaar'."""
    LINK = "link"
    """A web address, as a link to itself."""


def _real_date(text: str) -> bool:
    """
    >>> _real_date("2023-04-26"), _real_date("2023-02-30")
    (True, False)
    """
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return False
    return True


@dataclass(frozen=True)
class Datatype:
    """How one XSD datatype is written in YAML and shown on pages."""

    name: str  # in words, for messages: "a decimal number"
    pattern: str | None  # the lexical form (anchored); None: any text
    example: str  # what to write, in messages and the scaffold
    json_types: tuple  # JSON types an editor (YAML 1.2) may read a value as: 93.3 is a number there
    display: Display
    synthetic: Callable[[random.Random, int], str]  # a valid value for `kg synth`
    real: Callable[[str], bool] | None = None  # a check beyond the form (a date that exists)
    unreal: str = ""  # the problem when the form is right but the check fails ({text} is the value)
    json_extra: dict = field(default_factory=dict)  # more JSON Schema keywords (a year's range, a date's format)

    def valid(self, text: str) -> bool:
        """
        >>> DATATYPES[XSD.decimal].valid("93.3"), DATATYPES[XSD.decimal].valid("1,5")
        (True, False)
        """
        return (self.pattern is None or re.search(self.pattern, text) is not None) and (
            self.real is None or self.real(text)
        )

    def wrong_form(self, shown: str) -> str:
        """What is wrong with a value not of this type and what to write (shown: the value quoted, or how an
        editor names it).

        >>> DATATYPES[XSD.date].wrong_form("this value")
        'this value is not a date; write it like `2023-04-26`'
        """
        return f"{shown} is not {self.name}; write it like `{self.example}`"


DATE_FORM = r"^\d{4}-\d{2}-\d{2}$"

DATATYPES = {
    XSD.string: Datatype(
        "text",
        None,
        "some text",
        ("string", "number", "boolean"),
        Display.TEXT,
        lambda rng, i: f"{rng.choice(SYNTHETIC_WORDS)} {i}",
    ),
    XSD.integer: Datatype(
        "a whole number", r"^-?\d+$", "30", ("string", "integer"), Display.TEXT, lambda rng, i: str(rng.randint(1, 900))
    ),
    XSD.decimal: Datatype(
        "a decimal number",
        r"^-?\d+(\.\d+)?$",
        "93.3",
        ("string", "number"),
        Display.NUMBER,
        lambda rng, i: f"{rng.randint(0, 99)}.{rng.randint(0, 9)}",
    ),
    XSD.date: Datatype(
        "a date",
        DATE_FORM,
        "2023-04-26",
        ("string",),
        Display.DATE,
        lambda rng, i: f"{rng.randint(1990, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        real=_real_date,
        unreal="`{text}` is not a real date; write an existing date as YYYY-MM-DD",
        json_extra={"format": "date"},
    ),
    XSD.gYear: Datatype(
        "a year",
        r"^\d{4}$",
        "1999",
        ("string", "integer"),
        Display.TEXT,
        lambda rng, i: str(rng.randint(1990, 2025)),
        json_extra={"minimum": 1000, "maximum": 9999},
    ),
    XSD.boolean: Datatype(
        "true or false",
        r"^(true|false)$",
        "true",
        ("string", "boolean"),
        Display.TEXT,
        lambda rng, i: rng.choice(("true", "false")),
    ),
    XSD.anyURI: Datatype(
        "a web address (http, https or mailto)",
        r"^(https?://|mailto:)[^\s<>\"'`\\]{2,}$",
        "https://example.org/page",
        ("string",),
        Display.LINK,
        lambda rng, i: f"https://example.org/item/{i}",
    ),
    XSD.duration: Datatype(
        "an ISO 8601 duration",
        r"^P(?=\d)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?$",
        "P2Y",
        ("string",),
        Display.DURATION,
        lambda rng, i: f"P{rng.randint(1, 6)}Y",
    ),
}


def literal_problem(text: str, datatype) -> str | None:
    """Why text is not a valid literal of datatype, with what to write instead; None when it is.

    >>> literal_problem("1,5", XSD.decimal)
    '`1,5` is not a decimal number; write it like `93.3`'
    >>> literal_problem("2023-02-30", XSD.date)
    '`2023-02-30` is not a real date; write an existing date as YYYY-MM-DD'
    """
    rule = DATATYPES.get(datatype)
    if rule is None:
        return f"the ontology uses datatype {datatype}, which the generator cannot check; use one of the XSD types it knows"
    if rule.valid(text):
        return None
    if rule.real is not None and (rule.pattern is None or re.search(rule.pattern, text)):
        return rule.unreal.format(text=text)
    shown = text if len(text) <= 40 else text[:40] + "…"
    return rule.wrong_form(f"`{shown}`")
