"""Numbers, dates and durations as the page language writes them (from the language's table in ui_text)."""

from __future__ import annotations

from ..model.vocab import XSD
from .ui_text import ui

__all__ = ["number", "whole", "date", "duration", "unit_suffix", "in_running_text"]


def number(text, lang: str) -> str:
    """A decimal in the page language.

    >>> number("93.3", "nl"), number("93.3", "en")
    ('93,3', '93.3')
    """
    return str(text).replace(".", ui("decimal_separator", lang))


def whole(n: int) -> str:
    """A whole number with its thousands apart by a narrow no-break space, read the same in every language
    (a comma or a point would be a decimal sign in one of them).

    >>> whole(20390)
    '20\u202f390'
    """
    return f"{n:,}".replace(",", "\u202f")


def date(literal, lang: str) -> str:
    """A date (or year) in words of the page language.

    >>> from rdflib import Literal
    >>> date(Literal("2023-04-26", datatype=XSD.date), "nl")
    '26 april 2023'
    """
    text = str(literal)
    if getattr(literal, "datatype", None) == XSD.date and len(text) == 10:
        year, month, day = text.split("-")
        return f"{int(day)} {ui('months', lang)[int(month) - 1]} {year}"
    return text


def duration(text: str, lang: str) -> str:
    """An ISO 8601 duration in words.

    >>> duration("P2Y", "en"), duration("P1Y6M", "nl")
    ('2 years', '1 jaar 6 maanden')
    """
    units = ui("durations", lang)
    parts, amount = [], ""
    for char in str(text)[1:]:
        if char.isdigit():
            amount += char
        elif char in units and amount:
            singular, plural = units[char]
            parts.append(f"{amount} {singular if amount == '1' else plural}")
            amount = ""
    return " ".join(parts) or str(text)


def unit_suffix(unit: str, lang: str, default: str | None = None, count: float | None = None) -> str:
    """What follows a number of a cle:unit, agreeing with the number: '%', ' patient', ' patiënten'; default
    when the unit is unknown (the unit itself after a space, unless given).

    >>> unit_suffix("patients", "nl", count=1), unit_suffix("patients", "nl", count=30), unit_suffix("percent", "en")
    (' patiënt', ' patiënten', '%')
    """
    known = ui("units", lang).get(unit)
    if known is not None:
        return known[0] if count == 1 else known[1]
    return default if default is not None else (f" {unit}" if unit else "")


def in_running_text(name: str) -> str:
    """A name as it is written inside a sentence: lower-cased first letter, unless it is an abbreviation.

    >>> in_running_text("Blinatumomab"), in_running_text("MRD response"), in_running_text("CD19")
    ('blinatumomab', 'MRD response', 'CD19')
    """
    if len(name) > 1 and name[1].islower():
        return name[0].lower() + name[1:]
    return name
