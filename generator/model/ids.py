"""Entity ids: the one name of a thing (file stem, IRI local name, page slug), what makes one valid, and the
look-alike form under which two ids would be confused."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["ID_PATTERN", "MAX_ID_LENGTH", "ID_RULE", "slug", "id_problem", "id_skeleton", "describe_char"]

ID_PATTERN = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
MAX_ID_LENGTH = 80
ID_RULE = "use lowercase letters a-z, digits and single hyphens, starting with a letter"


def describe_char(char: str) -> str:
    """
    >>> describe_char("\\u200b")
    'U+200B ZERO WIDTH SPACE'
    """
    name = unicodedata.name(char, "") or "control character"
    return f"U+{ord(char):04X} {name}".strip()


def _ascii_fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def slug(text: str) -> str:
    """The id a text suggests, or '' when it suggests none.

    >>> slug("Jan Smit"), slug("Máxima 2023"), slug("***")
    ('jan-smit', 'maxima-2023', '')
    """
    suggestion = re.sub(r"[^a-z0-9]+", "-", _ascii_fold(text).lower()).strip("-")[:MAX_ID_LENGTH].strip("-")
    return suggestion if ID_PATTERN.match(suggestion) else ""


def id_problem(stem: str) -> str | None:
    """What is wrong with an id (a file stem) and what to write instead; None when it is valid.

    >>> id_problem("kmt2a-aff1") is None
    True
    >>> id_problem("KMT2A_AFF1")
    'the file name `KMT2A_AFF1` is not a valid id: use lowercase letters a-z, digits and single hyphens, starting with a letter; rename the file to `kmt2a-aff1.yaml`'
    """
    if len(stem) > MAX_ID_LENGTH:
        return f"the id `{stem[:20]}…` is longer than {MAX_ID_LENGTH} characters; shorten the file name"
    if ID_PATTERN.match(stem):
        return None
    lookalike = next((char for char in stem if not char.isascii() and not _ascii_fold(char)), None)
    if lookalike is not None:
        return (
            f"the file name `{stem}` is not a valid id: `{lookalike}` ({describe_char(lookalike)}) is not a letter "
            f"a-z, even if it looks like one; {ID_RULE}"
        )
    suggestion = slug(stem)
    hint = f"; rename the file to `{suggestion}.yaml`" if suggestion else ""
    return f"the file name `{stem}` is not a valid id: {ID_RULE}{hint}"


def id_skeleton(stem: str) -> str:
    """A form of an id under which look-alikes collide (case, accents, hyphens, digit-letter confusables).

    >>> id_skeleton("blin-fant-01") == id_skeleton("blinfant-ol")
    True
    """
    folded = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode().lower()
    return folded.replace("-", "").translate(str.maketrans("01", "ol"))
