"""Work done beside this process in a forked child (Linux): it starts with this process's memory as it is, so a
large graph needs no copying or loading again, and its result comes back through a pipe."""

from __future__ import annotations

import gc
import multiprocessing
import traceback

__all__ = ["ForkedWork", "ForkedWorkError"]


class ForkedWorkError(Exception):
    """The child failed or gave no answer in time; the message says what happened."""


def _run(sender, work, args, cycles: bool) -> None:
    # The inherited heap is frozen: the cycle collector never walks (and so never copies) the parent's objects.
    # Work whose objects have no cycles runs without it (reference counting frees them); work that makes and
    # drops many objects (pages) collects its own cycles.
    gc.freeze()
    if cycles:
        gc.enable()
    else:
        gc.disable()
    try:
        sender.send((True, work(*args)))
    except BaseException:  # noqa: BLE001 — whatever failed is told to the parent, which raises it
        sender.send((False, traceback.format_exc(limit=5)))
    finally:
        sender.close()


class ForkedWork:
    """work(*args) in a forked child, started now; result() waits for what it returned (bounded). cycles: the
    child collects the cyclic garbage its work makes (see _run)."""

    def __init__(self, work, *args, cycles: bool = False):
        context = multiprocessing.get_context("fork")
        self._receiver, sender = context.Pipe(duplex=False)
        self._process = context.Process(target=_run, args=(sender, work, args, cycles), daemon=True)
        self._process.start()
        sender.close()

    def result(self, timeout: float):
        try:
            if not self._receiver.poll(timeout):
                raise ForkedWorkError(f"no answer within {timeout:.0f} s")
            ok, value = self._receiver.recv()
        except EOFError:
            raise ForkedWorkError(f"the child stopped (exit code {self._process.exitcode})") from None
        finally:
            self.close()
        if not ok:
            raise ForkedWorkError(value)
        return value

    def cancel(self) -> None:
        """Stop the child now (the work it was doing is not wanted any more)."""
        if self._process.is_alive():
            self._process.kill()
        self.close()

    def close(self) -> None:
        self._process.join(timeout=30)
        if self._process.is_alive():
            self._process.kill()
            self._process.join()
        self._receiver.close()
