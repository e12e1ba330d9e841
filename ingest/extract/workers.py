"""Stopping the extraction worker processes that spaCy forks.

spaCy's parent, when its consumer stops early (Ctrl-C, a failed write),
or when producing its input raises (the ingest plans batches and finishes
their writes while spaCy pulls the texts), sends its workers an end-of-work
sentinel and joins them; a worker blocked sending on a full pipe (its own
copy of the pipe's reading end keeps the pipe from ever breaking) never
reads it, and the parent waits forever; at
exit it would wait again, to flush texts into queues nobody reads. So
whatever stops extraction early kills the workers first and lets this
process exit without that flush. Workers take SIGINT's default action (die
at once, no traceback), whether the terminal's Ctrl-C reached the whole
process group or only the parent, which passes it on. On Linux a worker
also dies with its parent when that is killed outright.
"""
from __future__ import annotations

import ctypes
import gc
import multiprocessing
import multiprocessing.queues
import os
import signal
import sys
import threading
import warnings
from contextlib import contextmanager, suppress
from multiprocessing import util
from typing import Iterator, TypeVar

_PR_SET_PDEATHSIG = 1  # from <sys/prctl.h>
T = TypeVar("T")


def _in_forked_worker(_owner: object) -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)


def govern_workers_of(owner: object) -> None:
    """Every process forked while `owner` lives is set up as an extraction worker."""
    util.register_after_fork(owner, _in_forked_worker)
    # spaCy warns when its workers did not complete; they only stop early when stopped on purpose.
    warnings.filterwarnings("ignore", message=r"\[W127\]", category=UserWarning)


@contextmanager
def interrupts_reach_workers() -> Iterator[None]:
    """While worker processes extract, a SIGINT sent to this process alone
    kills them too before it interrupts this one."""
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may set signal handlers, and receives them
        return
    previous = signal.getsignal(signal.SIGINT)

    def pass_it_on(signum: int, frame: object) -> None:
        for child in multiprocessing.active_children():
            with suppress(ProcessLookupError):
                os.kill(child.pid, signal.SIGINT)
        if callable(previous):
            previous(signum, frame)
        else:
            raise KeyboardInterrupt

    signal.signal(signal.SIGINT, pass_it_on)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def input_for_workers(items: Iterator[T]) -> Iterator[T]:
    """`items`, for spaCy to send to its workers: an error raised while
    producing them comes out inside spaCy's generator, whose clean-up joins
    the workers, so they are killed before it gets there."""
    try:
        yield from items
    except Exception:
        stop_workers()
        raise


def stop_workers() -> None:
    """Kill this process's worker processes, and let it exit without
    flushing what was queued for them."""
    for child in multiprocessing.active_children():
        child.kill()
        child.join()
    for obj in gc.get_objects():  # spaCy keeps its queues to itself
        if isinstance(obj, multiprocessing.queues.Queue):
            obj.cancel_join_thread()
