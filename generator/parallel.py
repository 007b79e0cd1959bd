"""Per-transcript work on both cores: forked workers share the data the parent already holds.

``fork_chunks(fn, n, workers)`` computes ``fn(start, stop)`` for consecutive slices of
``range(n)`` and returns the results in slice order, exactly as a plain loop would;
``fork_stream`` hands each result over as soon as it is ready. Workers are
forked, so they read the parent's data (the archive, the documents) without it being pickled; only
their results travel back. The parent is not idle: it first runs ``also()`` (work that is not per
transcript, e.g. the aggregate pages) and then takes over the slices no worker has started yet,
from the end, so both cores stay busy whichever side finishes first. Jobs given as ``first`` are
queued for the workers ahead of the slices: a large piece of work that is not per transcript
then runs on a worker while this process does ``also()``, and the two sides meet in the slices.
Without ``fork`` or with few items everything runs in this process, in the same order.

Imports nothing of ours; ``fn`` must be pure (it may run in another process).
"""

from __future__ import annotations

import gc
import multiprocessing as mp
import os
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, Callable, Iterable, Iterator, Optional, Sequence, TypeVar

T = TypeVar("T")

PARALLEL_FROM = 1000
"""Below this many items, forking workers costs more than it saves."""
SLICES_PER_WORKER = 8
"""More, smaller slices balance the two sides better; each slice costs one round trip."""

_JOB: Optional[Callable[[int, int], Any]] = None
_FIRST: tuple[Callable[[], Any], ...] = ()


def _same(result: T) -> T:
    return result


_FINISH: Callable[[Any], Any] = _same


def _run(task: tuple[int, int]) -> Any:
    """A slice ``(a, b)`` of the items, or ``(-1, j)``: the job ``first[j]``."""
    assert _JOB is not None
    a, b = task
    return _FINISH(_FIRST[b]() if a < 0 else _JOB(a, b))


def workers_default() -> int:
    return os.cpu_count() or 1


def slices(n: int, parts: int) -> list[tuple[int, int]]:
    size = max(1, -(-n // max(1, parts)))
    return [(k, min(k + size, n)) for k in range(0, n, size)]


def fork_stream(
    fn: Callable[[int, int], T],
    n: int,
    workers: int = 0,
    *,
    also: Optional[Callable[[], Iterable[T]]] = None,
    first: Sequence[Callable[[], T]] = (),
    parallel_from: int = PARALLEL_FROM,
    finish: Optional[Callable[[T], Any]] = None,
) -> Iterator[tuple[int, Any]]:
    """``(k, fn(a, b))`` for each slice k = (a, b) of range(n), and ``(-1, x)`` for each x of
    ``also()`` and each job of ``first``, each as soon as it is ready, so that the caller can write
    a result and let it go before the others are done.

    Results come in the order they are finished, not in slice order. A worker's result waits in
    this process only until this process finishes its current item (of ``also()``, which may be a
    generator, or a slice).

    With ``finish``, each result (of a slice or of ``also()``) is passed through it in the process
    that made it, and what it returns comes instead: a worker can write its pages itself and
    send back only a note of them."""
    finish = finish or _same
    workers = workers or workers_default()
    if workers <= 1 or n < parallel_from or "fork" not in mp.get_all_start_methods():
        for item in also() if also is not None else ():
            yield -1, finish(item)
        for job in first:
            yield -1, finish(job())
        for k, (a, b) in enumerate(slices(n, 1)):
            yield k, finish(fn(a, b))
        return
    global _JOB, _FIRST, _FINISH
    # The jobs of ``first`` come first in the queue: a worker starts them; this process takes
    # tasks from the end.
    tasks = [(-1, j) for j in range(len(first))] + slices(n, workers * SLICES_PER_WORKER)
    _JOB, _FIRST, _FINISH = fn, tuple(first), finish

    def number(k: int) -> int:
        """The slice number of task k (-1 for a job)."""
        return k - len(first) if k >= len(first) else -1

    outer_freeze = gc.get_freeze_count() > 0  # a caller froze already (the watch loop): leave it so
    gc.freeze()  # the children's collector leaves the shared objects alone: fewer copied pages
    # One worker per core but the parent's own: the parent works too.
    pool = ProcessPoolExecutor(max_workers=max(1, workers - 1), mp_context=mp.get_context("fork"))
    try:
        futures: list[Optional[Future]] = [pool.submit(_run, t) for t in tasks]
        waiting = set(range(len(tasks)))

        def take(k: int) -> T:
            """Slice k's result, forgotten here (a done future would keep it)."""
            waiting.discard(k)
            result, futures[k] = futures[k].result(), None
            return result

        def arrived() -> Iterator[tuple[int, T]]:
            for k in sorted(waiting):
                if futures[k].done():
                    yield number(k), take(k)

        for item in also() if also is not None else ():
            yield -1, finish(item)
            yield from arrived()
        for k in range(len(tasks) - 1, -1, -1):
            yield from arrived()
            if k in waiting and futures[k].cancel():  # not started by a worker: do it here
                waiting.discard(k)
                yield number(k), _run(tasks[k])
        for k in sorted(waiting):
            yield number(k), take(k)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        _JOB, _FIRST, _FINISH = None, (), _same
        if not outer_freeze:
            gc.unfreeze()


def fork_chunks(
    fn: Callable[[int, int], T],
    n: int,
    workers: int = 0,
    *,
    also: Optional[Callable[[], Any]] = None,
    parallel_from: int = PARALLEL_FROM,
) -> tuple[list[T], Any]:
    """([fn(a, b) for each slice (a, b) of range(n)], also()) using forked workers when worthwhile."""
    results: dict[int, Any] = dict(fork_stream(
        fn, n, workers, also=(lambda: [also()]) if also is not None else None, parallel_from=parallel_from))
    other = results.pop(-1, None)
    return [results[k] for k in sorted(results)], other


__all__ = ["fork_chunks", "fork_stream", "slices", "PARALLEL_FROM", "workers_default"]
