"""SELECT answers of two engines as comparable rows: order normalised, and literal forms compared by value.

What counts as the same literal: numbers by value (Virtuoso writes `1e3` as `1000.0`), booleans (`1`/`true`),
language tags in any case, a plain literal as xsd:string, and xsd:duration by value, because Virtuoso 7 keeps
a duration as a number of months or seconds (`"P2Y"` comes back as `"24"`; openlink/virtuoso-opensource#936),
and a boolean in a column of booleans that Virtuoso 7 returns as the integer 0 or 1 (the value of
`BIND(EXISTS { … } AS ?x)`). Everything else (IRIs, strings, datatypes, row counts) must be equal.
"""

from __future__ import annotations

import re
from decimal import Decimal

import pyoxigraph as ox

XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
NUMERIC_TYPES = (
    "integer",
    "decimal",
    "double",
    "float",
    "long",
    "int",
    "short",
    "byte",
    "nonNegativeInteger",
    "positiveInteger",
    "nonPositiveInteger",
    "negativeInteger",
    "unsignedLong",
    "unsignedInt",
    "unsignedShort",
    "unsignedByte",
)
NUMERIC = {XSD + name for name in NUMERIC_TYPES}
DURATION = re.compile(
    r"(?P<sign>-)?P(?:(?P<Y>\d+)Y)?(?:(?P<M>\d+)M)?(?:(?P<D>\d+)D)?"
    r"(?:T(?:(?P<H>\d+)H)?(?:(?P<TM>\d+)M)?(?:(?P<S>\d+(?:\.\d+)?)S)?)?"
)
SECONDS = {"D": 86400, "H": 3600, "TM": 60, "S": 1}


def number_text(text: str) -> str:
    """A number's value in one canonical form.

    >>> number_text("93.30"), number_text("1e3"), number_text("2.4192e+06"), number_text("-0.50")
    ('93.3', '1000', '2419200', '-0.5')
    """
    value = Decimal(text)
    if not value.is_finite():
        return str(value)
    if value == value.to_integral_value():
        return str(int(value))
    return format(value.normalize(), "f")


def duration_value(text: str) -> tuple:
    """(months, seconds) of an xsd:duration, from its lexical form or Virtuoso's number of months or seconds.

    >>> duration_value("P2Y"), duration_value("24"), duration_value("P28D"), duration_value("2.4192e+06")
    ((24, '0'), (24, '0'), (0, '2419200'), (0, '2419200'))
    """
    found = DURATION.fullmatch(text)
    if found and text not in ("P", "-P"):
        sign = -1 if found["sign"] else 1
        months = 12 * int(found["Y"] or 0) + int(found["M"] or 0)
        seconds = sum(Decimal(found[unit] or 0) * factor for unit, factor in SECONDS.items())
        return sign * months, number_text(str(sign * seconds))
    if re.fullmatch(r"-?\d+", text):
        return int(text), "0"
    return 0, number_text(text)


def literal_key(value: str, datatype: str | None, language: str | None) -> tuple:
    if language:
        return ("literal", value, RDF_LANG_STRING, language.lower())
    datatype = datatype or XSD + "string"
    if datatype in NUMERIC:
        return ("literal", number_text(value), datatype, "")
    if datatype == XSD + "boolean":
        return ("literal", value in ("true", "1"), datatype, "")
    if datatype == XSD + "duration":
        return ("literal", duration_value(value), datatype, "")
    return ("literal", value, datatype, "")


def oxigraph_key(term) -> tuple:
    """A term of `kg query`'s answer (pyoxigraph) as a comparable key; None when unbound."""
    if term is None:
        return ("unbound",)
    if isinstance(term, ox.NamedNode):
        return ("iri", term.value)
    if isinstance(term, ox.BlankNode):
        return ("blank",)  # labels are local to each answer
    return literal_key(term.value, term.datatype.value, term.language)


def json_key(binding: dict | None) -> tuple:
    """A term of a SPARQL 1.1 JSON results binding (also Virtuoso's older `typed-literal`) as a comparable key."""
    if binding is None:
        return ("unbound",)
    if binding["type"] == "uri":
        return ("iri", binding["value"])
    if binding["type"] == "bnode":
        return ("blank",)
    return literal_key(binding["value"], binding.get("datatype"), binding.get("xml:lang"))


def oxigraph_rows(result) -> list:
    """The rows of a QueryResult of kg query's engine, normalised and sorted."""
    return sorted((tuple(oxigraph_key(term) for term in row) for row in result.rows), key=repr)


def json_rows(answer: dict, variables: list) -> list:
    """The rows of a SPARQL JSON results document, in the given variables' order, normalised and sorted."""
    bindings = answer["results"]["bindings"]
    return sorted((tuple(json_key(row.get(name)) for name in variables) for row in bindings), key=repr)


BOOLEAN = XSD + "boolean"


def booleans_as_expected(actual: list, expected: list) -> list:
    """Virtuoso's 0 and 1 read as false and true in the columns where every expected value is a boolean."""
    columns = range(len(expected[0])) if expected else ()
    boolean_columns = {i for i in columns if all(row[i][0] == "literal" and row[i][2] == BOOLEAN for row in expected)}

    def as_boolean(key: tuple) -> tuple:
        if key[0] == "literal" and key[2] == XSD + "integer" and key[1] in ("0", "1"):
            return ("literal", key[1] == "1", BOOLEAN, "")
        return key

    rows = [tuple(as_boolean(k) if i in boolean_columns else k for i, k in enumerate(row)) for row in actual]
    return sorted(rows, key=repr)
