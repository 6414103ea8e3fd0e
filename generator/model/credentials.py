"""Credentials for a triple store's write endpoint, as a value whose password never shows in a repr or message."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Credentials", "USER_VARIABLE", "PASSWORD_VARIABLE", "NETRC_VARIABLE"]

USER_VARIABLE = "KG_PUBLISH_USER"
PASSWORD_VARIABLE = "KG_PUBLISH_PASSWORD"
NETRC_VARIABLE = "NETRC"  # another .netrc than ~/.netrc, as curl and requests read it


@dataclass(frozen=True)
class Credentials:
    """A user and password for HTTP Basic or Digest authentication, and where they were found (for messages).

    >>> Credentials("dba", "s3cret", "~/.netrc")
    Credentials(user='dba', source='~/.netrc')
    """

    user: str
    password: str = field(repr=False)
    source: str

    def scrub(self, text: str) -> str:
        """text with the password blanked out, for a message that quotes what a server answered.

        >>> Credentials("dba", "s3cret", "~/.netrc").scrub("login dba:s3cret refused")
        'login dba:****** refused'
        """
        return text.replace(self.password, "*" * 6) if self.password else text
