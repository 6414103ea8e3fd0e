"""Where `kg publish` finds credentials: the environment first, else ~/.netrc (or $NETRC); each mistake is one
clear message that never quotes a secret."""

from __future__ import annotations

import pytest

from generator.load.credentials import CredentialsError, publish_credentials
from generator.model.credentials import NETRC_VARIABLE, PASSWORD_VARIABLE, USER_VARIABLE, Credentials

ENDPOINT = "https://store.example.org:8443/repositories/kg/rdf-graphs/service"
SECRET = "pa55-w0rd-in-netrc"
FROM_ENVIRONMENT = f"{USER_VARIABLE} and {PASSWORD_VARIABLE}"


@pytest.fixture
def home(monkeypatch, tmp_path):
    """An empty home folder and no credentials in the environment."""
    for name in (USER_VARIABLE, PASSWORD_VARIABLE, NETRC_VARIABLE):
        monkeypatch.delenv(name, raising=False)
    folder = tmp_path / "home"
    folder.mkdir()
    monkeypatch.setenv("HOME", str(folder))
    return folder


def write_netrc(path, text: str, mode: int = 0o600):
    path.write_text(text, encoding="utf-8")
    path.chmod(mode)
    return path


def test_nothing_configured_means_no_credentials(home):
    assert publish_credentials(ENDPOINT) is None


def test_the_environment_comes_first(home, monkeypatch):
    write_netrc(home / ".netrc", f"machine store.example.org login netrc-user password {SECRET}\n")
    monkeypatch.setenv(USER_VARIABLE, "env-user")
    monkeypatch.setenv(PASSWORD_VARIABLE, "env-password")
    assert publish_credentials(ENDPOINT) == Credentials("env-user", "env-password", FROM_ENVIRONMENT)


@pytest.mark.parametrize("given,missing", [(USER_VARIABLE, PASSWORD_VARIABLE), (PASSWORD_VARIABLE, USER_VARIABLE)])
def test_half_of_the_environment_is_an_error(home, monkeypatch, given, missing):
    monkeypatch.setenv(given, "something")
    with pytest.raises(CredentialsError) as raised:
        publish_credentials(ENDPOINT)
    assert str(raised.value) == f"{given} is set but {missing} is not; set both, or neither to use ~/.netrc"


def test_the_netrc_entry_of_the_endpoints_host(home):
    write_netrc(
        home / ".netrc",
        f"machine other.example.org login other password other\nmachine store.example.org login kg password {SECRET}\n",
    )
    assert publish_credentials(ENDPOINT) == Credentials("kg", SECRET, "~/.netrc (store.example.org)")
    assert publish_credentials("http://elsewhere.example.org/store") is None


def test_the_netrc_default_entry(home):
    write_netrc(home / ".netrc", f"default login kg password {SECRET}\n")
    assert publish_credentials(ENDPOINT) == Credentials("kg", SECRET, "~/.netrc (store.example.org)")


def test_netrc_named_by_the_environment(home, monkeypatch, tmp_path):
    named = write_netrc(tmp_path / "kg.netrc", f"machine store.example.org login kg password {SECRET}\n")
    monkeypatch.setenv(NETRC_VARIABLE, str(named))
    assert publish_credentials(ENDPOINT) == Credentials("kg", SECRET, f"{named} (store.example.org)")
    monkeypatch.setenv(NETRC_VARIABLE, str(tmp_path / "missing.netrc"))
    with pytest.raises(CredentialsError) as raised:
        publish_credentials(ENDPOINT)
    assert str(raised.value) == f"{NETRC_VARIABLE} names {tmp_path / 'missing.netrc'}, which is not a file"


@pytest.mark.parametrize(
    "text,message",
    [
        (
            f"machine store.example.org login kg {SECRET}\n",
            "cannot use ~/.netrc: write each entry as `machine HOST login USER password PASSWORD`",
        ),
        (
            "machine store.example.org login kg\n",
            "~/.netrc has an entry for store.example.org without both a login and a password",
        ),
    ],
    ids=["a password without its keyword", "no password"],
)
def test_a_netrc_mistake_is_a_clear_error_without_the_secret(home, text, message):
    write_netrc(home / ".netrc", text)
    with pytest.raises(CredentialsError) as raised:
        publish_credentials(ENDPOINT)
    assert str(raised.value) == message
    assert SECRET not in str(raised.value)


def test_a_netrc_others_may_read_is_refused(home):
    write_netrc(home / ".netrc", f"machine store.example.org login kg password {SECRET}\n", mode=0o644)
    with pytest.raises(CredentialsError) as raised:
        publish_credentials(ENDPOINT)
    assert str(raised.value) == (
        "cannot use ~/.netrc: ~/.netrc access too permissive: access permissions must restrict access to only the owner"
    )


def test_the_password_never_shows_in_a_repr():
    assert SECRET not in repr(Credentials("kg", SECRET, "~/.netrc (store.example.org)"))
