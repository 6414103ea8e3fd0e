"""A real Virtuoso (Debian's virtuoso-opensource-7-bin) on 127.0.0.1, its database in a folder the test owns."""

from __future__ import annotations

import shutil
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

from tests.test_query_fixture import stop_process
from tests.test_serve import free_port

VIRTUOSO = shutil.which("virtuoso-t") or "/usr/bin/virtuoso-t"
ISQL = shutil.which("isql-vt") or "/usr/bin/isql-vt"
# A fresh database has the account dba with the password dba: the test's own, thrown away with the folder.
USER, PASSWORD = "dba", "dba"
START_ATTEMPTS = 300  # polls 0.2 s apart: a minute for a slow, busy machine (it is up in seconds)

INI = """\
[Database]
DatabaseFile = {folder}/virtuoso.db
ErrorLogFile = {folder}/virtuoso.log
LockFile = {folder}/virtuoso.lck
TransactionFile = {folder}/virtuoso.trx
xa_persistent_file = {folder}/virtuoso.pxa

[TempDatabase]
DatabaseFile = {folder}/virtuoso-temp.db
TransactionFile = {folder}/virtuoso-temp.trx

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DirsAllowed = ., {folder}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerThreads = 4

[SPARQL]
ResultSetMaxRows = 100000
"""


class Virtuoso:
    """One Virtuoso server: start() and stop() it (again, on the same database and ports); remove() its files."""

    def __init__(self, folder: Path):
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        self.sql_port, self.http_port = free_port(), free_port()
        self.ini = folder / "virtuoso.ini"
        self.ini.write_text(INI.format(folder=folder, sql_port=self.sql_port, http_port=self.http_port))
        self.base = f"http://127.0.0.1:{self.http_port}"
        self.graph_store = self.base + "/sparql-graph-crud-auth"  # Graph Store Protocol, Digest authentication
        self.query = self.base + "/sparql"
        self.process = None

    def start(self) -> None:
        log = (self.folder / "stdout.log").open("ab")
        self.process = subprocess.Popen(
            [VIRTUOSO, "+configfile", str(self.ini), "+foreground"], stdout=log, stderr=subprocess.STDOUT
        )
        log.close()
        for _ in range(START_ATTEMPTS):
            if self.process.poll() is not None:
                raise RuntimeError(f"virtuoso-t stopped: {self.log_tail()}")
            try:
                with urllib.request.urlopen(self.query + "?query=ASK%7B%7D", timeout=2) as response:
                    response.read()
                return
            except (urllib.error.URLError, OSError):
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"virtuoso-t did not answer within {START_ATTEMPTS * 0.2:.0f} s: {self.log_tail()}")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            stop_process(self.process)
        self.process = None

    def remove(self) -> None:
        self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)

    def isql(self, script: str) -> str:
        """Run SQL statements through Virtuoso's own client; returns what it printed."""
        done = subprocess.run(
            [ISQL, f"127.0.0.1:{self.sql_port}", USER, PASSWORD],
            input=script,
            capture_output=True,
            text=True,
            timeout=300,
        )
        if done.returncode != 0 or "*** Error" in done.stdout:
            raise RuntimeError(f"isql-vt failed: {done.stdout[-2000:]}{done.stderr[-2000:]}")
        return done.stdout

    def log_tail(self) -> str:
        logs = [self.folder / "stdout.log", self.folder / "virtuoso.log"]
        return " | ".join(path.read_text(errors="replace")[-800:] for path in logs if path.exists())
