"""Credentials for `kg publish`: KG_PUBLISH_USER and KG_PUBLISH_PASSWORD, else the endpoint's entry in ~/.netrc."""

from __future__ import annotations

import netrc
import os
import urllib.parse
from pathlib import Path

from ..model.credentials import NETRC_VARIABLE, PASSWORD_VARIABLE, USER_VARIABLE, Credentials

__all__ = ["CredentialsError", "publish_credentials"]

DEFAULT_NETRC = "~/.netrc"
NETRC_FORM = "machine HOST login USER password PASSWORD"


class CredentialsError(Exception):
    """Credentials were given but cannot be used; the message says why and never holds a secret."""


def publish_credentials(endpoint: str) -> Credentials | None:
    """The credentials for endpoint: both environment variables, else its host's ~/.netrc entry, else None."""
    user, password = os.environ.get(USER_VARIABLE), os.environ.get(PASSWORD_VARIABLE)
    if user and password:
        return Credentials(user, password, f"{USER_VARIABLE} and {PASSWORD_VARIABLE}")
    if user or password:
        given, missing = (USER_VARIABLE, PASSWORD_VARIABLE) if user else (PASSWORD_VARIABLE, USER_VARIABLE)
        raise CredentialsError(f"{given} is set but {missing} is not; set both, or neither to use {DEFAULT_NETRC}")
    return _from_netrc(urllib.parse.urlsplit(endpoint).hostname or "")


def _from_netrc(host: str) -> Credentials | None:
    named = os.environ.get(NETRC_VARIABLE)
    path = Path(named) if named else Path(os.path.expanduser(DEFAULT_NETRC))
    shown = named or DEFAULT_NETRC
    if not path.is_file():
        if named:
            raise CredentialsError(f"{NETRC_VARIABLE} names {shown}, which is not a file")
        return None
    try:
        # Given no file, Python reads ~/.netrc and refuses it when others may read it, as it should.
        entries = netrc.netrc(str(path) if named else None)
    except netrc.NetrcParseError as error:
        if error.msg.startswith("~/.netrc"):  # Python's own permission checks
            raise CredentialsError(f"cannot use {shown}: {error.msg}") from None
        # Other messages quote the token the parser stumbled on, which may be a password (and its line
        # numbers run one ahead), so only the expected form is said.
        raise CredentialsError(f"cannot use {shown}: write each entry as `{NETRC_FORM}`") from None
    except OSError as error:
        raise CredentialsError(f"cannot read {shown}: {error.strerror}") from None
    found = entries.authenticators(host)
    if found is None:
        return None
    login, _, password = found
    if not login or not password:
        raise CredentialsError(f"{shown} has an entry for {host} without both a login and a password")
    return Credentials(login, password, f"{shown} ({host})")
