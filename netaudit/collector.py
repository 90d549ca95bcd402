"""Python's cyclic garbage collector paused for bulk work (docs/performance.md).

A parse, an analysis or a JSON document allocates hundreds of thousands of long-lived
objects and next to no reference cycles: the collections their allocations set off rescan
everything again and again (a parse of a 50 MB ACL: 5x slower; the Stanford JSON: half of
its time).  During BDD work a collection could also run inside a dd operation and free a
node CUDD still counts (docs/performance.md, "Known problem").  What the caller leaves in
cycles meanwhile is collected once the collector runs again.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import ParamSpec, TypeVar

_P = ParamSpec("_P")
_R = TypeVar("_R")


@contextmanager
def paused() -> Iterator[None]:
    """The collector off for the ``with`` block, then as it was (nesting is fine)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@contextmanager
def long_lived() -> Iterator[None]:
    """:func:`paused`, and what the block built goes straight to the oldest generation
    (``gc.freeze()`` then ``gc.unfreeze()``, two list splices): a parsed model or a loaded
    document lives as long as the run, and the first young collection after the block
    would otherwise walk every object of it once more (a quarter of the parse of a
    20,000-rule export; half of loading a 131 MB audit document).  Anything else still
    young moves along with it and is collected with the oldest generation.  (netaudit
    keeps nothing frozen while it works; a host program keeping objects frozen with
    ``gc.freeze()`` would find them back in the oldest generation.)"""
    with paused():
        yield
        gc.freeze()
        gc.unfreeze()


def collector_paused(fn: Callable[_P, _R]) -> Callable[_P, _R]:
    """``fn`` run with the collector paused, and what it built moved to the oldest
    generation (:func:`long_lived`): an analysis lives as long as its report, and the
    first young collection after it walked every object it made (0.04 s after the audit
    of 20,000 RouterOS rules, the collections' whole time in that run: issue #15)."""

    @wraps(fn)
    def run(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        with long_lived():
            return fn(*args, **kwargs)

    return run
