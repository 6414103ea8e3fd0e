"""Type YAML text by XSD datatype: each datatype's lexical rule and what to write instead, in one table."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from typing import Callable

from .vocab import XSD

__all__ = ["DATATYPES", "literal_problem", "URL_SCHEMES"]

URL_SCHEMES = ("http://", "https://", "mailto:")


def _is_date(text: str) -> bool:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return False
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _is_url(text: str) -> bool:
    return text.startswith(URL_SCHEMES) and not re.search(r"\s|[<>\"'`\\]", text) and len(text) > 8


@dataclass(frozen=True)
class Datatype:
    name: str
    valid: Callable[[str], bool]
    example: str


DATATYPES = {
    XSD.string: Datatype("text", lambda t: True, "some text"),
    XSD.integer: Datatype("a whole number", lambda t: re.fullmatch(r"-?\d+", t) is not None, "30"),
    XSD.decimal: Datatype("a decimal number", lambda t: re.fullmatch(r"-?\d+(\.\d+)?", t) is not None, "93.3"),
    XSD.date: Datatype("a date", _is_date, "2023-04-26"),
    XSD.gYear: Datatype("a year", lambda t: re.fullmatch(r"\d{4}", t) is not None, "1999"),
    XSD.boolean: Datatype("true or false", lambda t: t in ("true", "false"), "true"),
    XSD.anyURI: Datatype("a web address (http, https or mailto)", _is_url, "https://example.org/page"),
    XSD.duration: Datatype("an ISO 8601 duration",
                           lambda t: re.fullmatch(r"P(?=\d)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?", t) is not None, "P2Y"),
}


def literal_problem(text: str, datatype) -> str | None:
    """Why text is not a valid literal of datatype, with what to write instead; None when it is."""
    rule = DATATYPES.get(datatype)
    if rule is None:
        return f"the ontology uses datatype {datatype}, which the generator cannot check; use one of the XSD types it knows"
    if rule.valid(text):
        return None
    if datatype == XSD.date and re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return f"`{text}` is not a real date; write an existing date as YYYY-MM-DD"
    shown = text if len(text) <= 40 else text[:40] + "…"
    return f"`{shown}` is not {rule.name}; write it like `{rule.example}`"
