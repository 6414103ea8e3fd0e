"""What git knows about the project: the last commits of every content file (one `git log` per build), the
release tags, a revision's commit, and the project's files as they were at a revision (`git archive`).
Outside a git checkout, or without git, there is simply no history."""

from __future__ import annotations

import io
import os
import subprocess
import tarfile
from pathlib import Path

from ..model.edition import HISTORY_LIMIT, TAG_PREFIX, VERSION_PATTERN, Commit, Release, version_key

__all__ = [
    "GitError",
    "is_checkout",
    "file_history",
    "release_tags",
    "commit_of",
    "merge_base",
    "changed_paths",
    "files_at",
    "PROJECT_FOLDERS",
]

# What a project is at a revision: enough to check it and answer its saved questions.
PROJECT_FOLDERS = ("ontology", "content", "queries")
_FIELD, _RECORD = "\x1f", "\x1e"
_COMMIT_FORMAT = f"%H{_FIELD}%cI{_FIELD}%s"


class GitError(Exception):
    """git refused (an unknown revision, say); the message is git's own first line."""


def _git(root: Path, *args: str, binary: bool = False):
    """Run git in root; stdout (text, or bytes), or GitError with git's message."""
    env = {**os.environ, "LC_ALL": "C", "GIT_TERMINAL_PROMPT": "0"}
    try:
        done = subprocess.run(
            ["git", "-c", "core.quotePath=false", "-C", str(root), *args],
            capture_output=True,
            env=env,
            timeout=300,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise GitError(f"git could not run ({error})") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", errors="replace").strip().splitlines()
        raise GitError(message[0] if message else f"git {args[0]} failed")
    return done.stdout if binary else done.stdout.decode("utf-8", errors="replace")


def is_checkout(root: Path) -> bool:
    """Whether root is inside a git work tree with at least one commit."""
    try:
        _git(root, "rev-parse", "--verify", "--quiet", "HEAD")
    except GitError:
        return False
    return True


def _prefix(root: Path) -> str:
    """Where root is inside its repository ('' at the top, else 'sub/dir/')."""
    return _git(root, "rev-parse", "--show-prefix").strip()


def _commit(line: str) -> Commit:
    hash_, date, subject = line.split(_FIELD, 2)
    return Commit(hash_, date, subject)


def file_history(root: Path, folder: str = "content", limit: int = HISTORY_LIMIT) -> dict:
    """path (relative to root) -> its last `limit` commits, newest first, for every file under folder that git
    knows: read with one `git log` over the whole history. A merge lists the files it leaves different from
    every parent (`--cc`: where it resolved a conflict), as `git log -- <file>` shows it. Empty outside a git
    checkout."""
    if not is_checkout(root):
        return {}
    text = _git(root, "log", "--cc", "--relative", "--name-only", f"--format={_RECORD}{_COMMIT_FORMAT}", "--", folder)
    history: dict = {}
    for record in text.split(_RECORD)[1:]:
        head, *paths = record.strip("\n").split("\n")
        commit = _commit(head)
        for path in paths:
            if path and len(history.setdefault(path, [])) < limit:
                history[path].append(commit)
    return {path: tuple(commits) for path, commits in sorted(history.items())}


def release_tags(root: Path) -> tuple:
    """The releases in HEAD's history (tags v<major>.<minor>.<patch>), newest version first."""
    if not is_checkout(root):
        return ()
    fields = ("refname:strip=2", "*objectname", "objectname", "*committerdate:iso-strict", "committerdate:iso-strict")
    fields += ("*subject", "subject")
    text = _git(
        root,
        "for-each-ref",
        "--merged",
        "HEAD",
        "--format=" + "%1f".join(f"%({name})" for name in fields),
        f"refs/tags/{TAG_PREFIX}*",
    )
    releases = []
    for line in text.splitlines():
        tag, peeled, own, peeled_date, own_date, peeled_subject, own_subject = line.split(_FIELD)
        version = tag[len(TAG_PREFIX) :]
        if VERSION_PATTERN.fullmatch(version):  # an annotated tag points at a tag object: its commit is peeled
            commit = Commit(peeled or own, peeled_date or own_date, peeled_subject if peeled else own_subject)
            releases.append(Release(version, tag, commit))
    return tuple(sorted(releases, key=lambda release: version_key(release.version), reverse=True))


def commit_of(root: Path, revision: str) -> Commit:
    """The commit a revision (a tag, a branch, a hash, HEAD~2 …) names; GitError if it names none."""
    if revision.startswith("-"):
        raise GitError(f"not a revision: {revision}")
    line = _git(root, "log", "-1", f"--format={_COMMIT_FORMAT}", f"{revision}^{{commit}}", "--").strip()
    return _commit(line)


def merge_base(root: Path, first: str, second: str) -> Commit:
    """The newest commit both revisions descend from."""
    found = _git(root, "merge-base", commit_of(root, first).hash, commit_of(root, second).hash).strip()
    return commit_of(root, found)


def changed_paths(root: Path, paths=PROJECT_FOLDERS) -> list:
    """Files under paths that differ from HEAD in the work tree (changed, staged or untracked)."""
    text = _git(root, "status", "--porcelain", "--untracked-files=all", "--", *paths)
    return sorted(line[3:] for line in text.splitlines() if line.strip())


def files_at(root: Path, revision: str, folders=PROJECT_FOLDERS) -> dict:
    """path (relative to root) -> bytes of every file under folders as committed at revision (`git archive`,
    read in memory); folders the revision lacks are left out."""
    commit = commit_of(root, revision)
    tree = f"{commit.hash}:{_prefix(root)}"
    present = set(_git(root, "ls-tree", "--name-only", tree).splitlines())
    wanted = [folder for folder in folders if folder in present]
    if not wanted:
        return {}
    archive = _git(root, "archive", "--format=tar", tree, "--", *wanted, binary=True)
    files = {}
    with tarfile.open(fileobj=io.BytesIO(archive), mode="r:") as tar:
        for member in tar.getmembers():
            if member.isfile():
                files[member.name] = tar.extractfile(member).read()
    return dict(sorted(files.items()))
