"""A small Language Server Protocol client for tests: JSON-RPC over a server's stdio, Content-Length framing,
every read bounded by a deadline."""

from __future__ import annotations

import json
import os
import selectors
import subprocess
import time
from pathlib import Path

__all__ = ["LanguageServer", "LspTimeout"]


class LspTimeout(AssertionError):
    """The server did not answer within the deadline."""


class LanguageServer:
    """A language server process started with `command`, spoken to over its stdin and stdout."""

    def __init__(self, command: list, cwd: Path, timeout: float = 30.0):
        self.timeout = timeout
        self.process = subprocess.Popen(
            command, cwd=cwd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
        )
        os.set_blocking(self.process.stdout.fileno(), False)
        self.selector = selectors.DefaultSelector()
        self.selector.register(self.process.stdout, selectors.EVENT_READ)
        self.buffer = b""
        self.next_id = 0
        self.notifications: list = []  # (method, params) the server sent, in order
        self.settings: dict = {}  # section -> value, answered to workspace/configuration

    # --- framing ---------------------------------------------------------------------------------------

    def send(self, message: dict) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def _read_message(self, deadline: float) -> dict:
        while True:
            head, sep, rest = self.buffer.partition(b"\r\n\r\n")
            if sep:
                length = next(
                    int(line.split(b":", 1)[1])
                    for line in head.split(b"\r\n")
                    if line.lower().startswith(b"content-length:")
                )
                if len(rest) >= length:
                    self.buffer = rest[length:]
                    return json.loads(rest[:length])
            left = deadline - time.monotonic()
            if left <= 0 or not self.selector.select(left):
                raise LspTimeout("the language server sent nothing before the deadline")
            chunk = self.process.stdout.read(65536)
            if not chunk:
                raise LspTimeout("the language server closed its output")
            self.buffer += chunk

    # --- requests and notifications ------------------------------------------------------------------

    def notify(self, method: str, params: dict) -> None:
        self.send({"method": method, "params": params})

    def request(self, method: str, params: dict):
        """Send a request and return its result, answering the server's own requests while waiting."""
        self.next_id += 1
        wanted = self.next_id
        self.send({"id": wanted, "method": method, "params": params})
        deadline = time.monotonic() + self.timeout
        while True:
            message = self._read_message(deadline)
            if message.get("id") == wanted and "method" not in message:
                if "error" in message:
                    raise AssertionError(f"{method} failed: {message['error']}")
                return message.get("result")
            self._handle(message)

    def wait_for(self, method: str, matches=lambda params: True) -> dict:
        """The params of the first notification `method` (already received or still to come) that matches."""
        deadline = time.monotonic() + self.timeout
        while True:
            for index, (name, params) in enumerate(self.notifications):
                if name == method and matches(params):
                    del self.notifications[index]
                    return params
            self._handle(self._read_message(deadline))

    def _handle(self, message: dict) -> None:
        if "method" not in message:
            return  # an answer to a request nobody waits for any more
        if "id" in message:  # the server asks the client: configuration, capability registration, …
            result = None
            if message["method"] == "workspace/configuration":
                result = [self.settings.get(item.get("section")) for item in message["params"]["items"]]
            self.send({"id": message["id"], "result": result})
            return
        self.notifications.append((message["method"], message.get("params")))

    # --- lifecycle -------------------------------------------------------------------------------------

    def close(self) -> None:
        """Shut the server down politely; kill it if it does not exit in time."""
        try:
            if self.process.poll() is None:
                self.request("shutdown", {})
                self.notify("exit", {})
                self.process.wait(timeout=5)
        except (LspTimeout, OSError, subprocess.TimeoutExpired):
            pass
        finally:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait(timeout=5)
            self.selector.close()
            for stream in (self.process.stdin, self.process.stdout):
                stream.close()
