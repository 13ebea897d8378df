"""Child processes for CPU-heavy work (parsing a large site, building the search index).

A child made with ``fork`` inherits every lock another thread held at that moment (SQLite's
mutexes while requests search, say) and can wait on it forever. So children are forked
directly only while this process runs a single thread; otherwise they are forked from
multiprocessing's fork server, a clean single-threaded process started once, which already
holds the modules the work needs.

Work runs on behalf of an owner (``Children``, one per server runtime) set with
``working_for``: stopping the owner kills its children at once and makes the waiting code
raise ``Cancelled``, so a server asked to stop during start-up does not wait for the work.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import pickle
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextvars import ContextVar
from multiprocessing.connection import Connection, wait
from multiprocessing.context import BaseContext
from multiprocessing.process import BaseProcess
from typing import Any, Generic, TypeVar

from api import pickling

T = TypeVar("T")
R = TypeVar("R")

#: What the fork server imports once, so its children start with it loaded: what parsing
#: needs, which a start waits for (the search index's child imports the rest itself).
PRELOAD = ["api.content.reading", "api.content.survey"]
#: How often waiting code looks whether its owner is stopping (seconds).
POLL_SECONDS = 0.05


class Cancelled(Exception):
    """The owner of this work is stopping; the work was abandoned."""


class ChildFailed(Exception):
    """A child process died or could not be started; the caller does the work itself."""


class Children:
    """The child processes working for one owner, stopped together."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._live: set[BaseProcess] = set()
        self.stopping = threading.Event()

    def stop(self) -> None:
        """Kill every child now; whoever waits on one gets ``Cancelled``."""
        with self._lock:
            self.stopping.set()
            live = list(self._live)
        for process in live:
            _kill(process)

    def check(self) -> None:
        if self.stopping.is_set():
            raise Cancelled()

    @contextlib.contextmanager
    def running(self, process: BaseProcess) -> Iterator[BaseProcess]:
        """Start ``process`` as one of these children; it is killed and reaped on the way out."""
        with self._lock:
            self.check()
            self._live.add(process)
        try:
            try:
                process.start()
            except (OSError, ValueError, RuntimeError) as exc:
                raise ChildFailed(str(exc)) from exc
            self.check()  # a stop between adding and starting could not kill it
            yield process
        finally:
            with self._lock:
                self._live.discard(process)
            _kill(process)
            with contextlib.suppress(AssertionError):  # never started
                process.join()


def _kill(process: BaseProcess) -> None:
    with contextlib.suppress(OSError, ValueError, AttributeError, AssertionError):
        if process.is_alive():
            process.kill()


_NOBODY = Children()  # for work outside any owner: never stopped
_owner: ContextVar[Children] = ContextVar("children", default=_NOBODY)


@contextlib.contextmanager
def working_for(children: Children) -> Iterator[None]:
    """Children started in this block (in this thread) belong to ``children``."""
    token = _owner.set(children)
    try:
        yield
    finally:
        _owner.reset(token)


def owner() -> Children:
    return _owner.get()


def context() -> BaseContext:
    """The safest cheap way to start children right now."""
    methods = multiprocessing.get_all_start_methods()
    if threading.active_count() == 1 and "fork" in methods:
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        server = multiprocessing.get_context("forkserver")
        server.set_forkserver_preload(PRELOAD)
        return server
    return multiprocessing.get_context("spawn")


def prepare() -> None:
    """Start the fork server ahead of need (it takes a moment to import what it preloads)."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        from multiprocessing import forkserver

        multiprocessing.get_context("forkserver").set_forkserver_preload(PRELOAD)
        forkserver.ensure_running()


def cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def call_in_child(target: Callable[..., R], *args: Any, limit: float) -> R:
    """``target(*args)`` in a child process, its result sent back (pickled).

    Raises ``ChildFailed`` when no child could do it (the caller does it itself),
    ``TimeoutError`` past ``limit`` seconds and ``Cancelled`` when the owner stops.
    """
    return Call(target, *args).result(limit)


class Call(Generic[R]):
    """``target(*args)`` in a child process, started at once, its result taken later (a
    child forked now, while this process runs one thread, skips the fork server). The
    child is killed once its result is taken, or on ``cancel``."""

    def __init__(self, target: Callable[..., R], *args: Any) -> None:
        self._children = owner()
        self._stack = contextlib.ExitStack()
        self._failed: ChildFailed | None = None
        ctx = context()
        self._receiver, sender = ctx.Pipe(duplex=False)
        self._stack.callback(self._receiver.close)
        self._stack.callback(sender.close)
        process = ctx.Process(  # type: ignore[attr-defined]
            target=_call, args=(target, args, sender), daemon=True
        )
        try:
            self._stack.enter_context(self._children.running(process))
        except ChildFailed as exc:
            self._failed = exc
            self._stack.close()
        except BaseException:
            self._stack.close()
            raise
        sender.close()

    def result(self, limit: float) -> R:
        """The child's result. Raises ``ChildFailed`` when it could not give one,
        ``TimeoutError`` past ``limit`` seconds and ``Cancelled`` when the owner stops."""
        if self._failed is not None:
            raise self._failed
        try:
            if not _wait_for([self._receiver], self._children, limit):
                raise TimeoutError(f"the child took more than {limit:.0f}s")
            try:
                ok, value = self._receiver.recv()
            except (EOFError, OSError) as exc:
                self._children.check()
                raise ChildFailed("the child died") from exc
            if not ok:
                raise ChildFailed(value)
            result: R = value
            return result
        finally:
            self._stack.close()

    def cancel(self) -> None:
        """Stop the child (its result is not wanted)."""
        self._stack.close()


def map_in_children(
    work: Callable[..., list[R]], items: Sequence[T], *args: Any, workers: int, batch: int
) -> Iterator[list[R]]:
    """``work(some_items, *args)`` over ``items``, in ``workers`` child processes, each item
    once; the results of each batch of ``batch`` items come back as soon as it is done.

    Raises ``ChildFailed`` when a child dies or cannot start (the items whose results were
    not yielded yet are then the caller's to do) and ``Cancelled`` when the owner stops.
    """
    children = owner()
    ctx = context()
    shares = [items[i::workers] for i in range(workers)]
    with contextlib.ExitStack() as stack:
        open_: list[Connection] = []
        for share in shares:
            if not share:
                continue
            receiver, sender = ctx.Pipe(duplex=False)
            stack.callback(receiver.close)
            # Pickled here, the fast way, rather than by multiprocessing (see api.pickling).
            task = pickling.dumps((work, share, args, batch))
            process = ctx.Process(  # type: ignore[attr-defined]
                target=_map, args=(task, sender), daemon=True
            )
            stack.enter_context(children.running(process))
            sender.close()
            open_.append(receiver)
        while open_:
            for ready in _ready(open_, children):
                try:
                    message = pickle.loads(ready.recv_bytes())
                except (EOFError, OSError) as exc:
                    children.check()
                    raise ChildFailed("a child died") from exc
                if message is None:  # that child is done
                    open_.remove(ready)
                elif isinstance(message, str):
                    raise ChildFailed(message)
                else:
                    yield message


def _ready(connections: list[Connection], children: Children) -> list[Connection]:
    while True:
        children.check()
        found = wait(connections, timeout=POLL_SECONDS)
        if found:
            return [c for c in found if isinstance(c, Connection)]


def _wait_for(connections: list[Connection], children: Children, limit: float) -> bool:
    deadline = time.monotonic() + limit
    while (remaining := deadline - time.monotonic()) > 0:
        children.check()
        if wait(connections, timeout=min(POLL_SECONDS, remaining)):
            return True
    children.check()
    return False


def _call(target: Callable[..., Any], args: tuple[Any, ...], sender: Connection) -> None:
    gc.disable()  # a short-lived child: collecting cycles only slows it down
    try:
        outcome: tuple[bool, Any] = (True, target(*args))
    except Exception as exc:
        outcome = (False, f"{type(exc).__name__}: {exc}")
    with contextlib.suppress(OSError):  # the parent stopped waiting: nobody to tell
        sender.send(outcome)
        sender.close()


def _map(task: bytes, sender: Connection) -> None:
    gc.disable()
    try:
        work, share, args, batch = pickle.loads(task)
        for start in range(0, len(share), batch):
            sender.send_bytes(pickling.dumps(work(share[start : start + batch], *args)))
        sender.send_bytes(pickling.dumps(None))
    except OSError:
        return  # the parent stopped listening
    except Exception as exc:
        with contextlib.suppress(OSError):
            sender.send_bytes(pickling.dumps(f"{type(exc).__name__}: {exc}"))
    with contextlib.suppress(OSError):
        sender.close()


def settle_heap(first: bool) -> None:
    """After a snapshot is in: keep what is alive out of the cyclic collector's way.

    A large site is millions of objects that live as long as the snapshot; left to the
    collector, each would be traversed again and again (the first time right after the
    load, for half a second at 20,000 pages). Frozen, they are never traversed. Before
    freezing again, a later load unfreezes and collects once, so the snapshots it replaced
    are freed (cycles included) rather than kept frozen forever.
    """
    if not first:
        gc.unfreeze()
        gc.collect()
    gc.freeze()


def freeze() -> None:
    """Keep what is alive now out of the cyclic collector's way as well: what was built
    after a load (its search index, modules imported on first use). Left to it, each
    collection of the oldest generation would walk them again, at the cost of requests."""
    gc.freeze()


@contextlib.contextmanager
def no_collection() -> Iterator[None]:
    """No cyclic garbage collection in this block: building many objects at once (a whole
    site) otherwise triggers collections that find nothing to free."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
