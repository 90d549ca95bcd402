"""The BDD manager every analysis shares, and the CUDD functions dd does not expose.

dd's CUDD backend is used when importable (it ships compiled in the wheel); the
pure-Python ``dd.autoref`` is the fallback.  The manager is created once per process
(:func:`shared_manager`) and configured here: no dynamic reordering, the computed table's
bounds and its growth by hit rate (:class:`CacheGrowth`), the unique table grown at once
for a large analysis (:func:`make_room`).  CUDD functions dd does not expose are
reached through its compiled module after a check of dd's object layout and of their
answers (:func:`cudd_leq`, :func:`cudd_rehash`, :func:`cache_growth`); where they cannot
be reached, :mod:`netaudit.headerspace` keeps dd's own operations.
What the sets mean (fields, bits, variable order) is :mod:`netaudit.headerspace`'s.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import Any


def _import_dd() -> Any:
    """dd's CUDD backend (compiled in the wheel), else its pure-Python ``autoref``.

    dd's utilities import networkx, for dd's own graph export, which netaudit never
    calls; that import alone was ≈ 0.1 s of every run.  So, unless something imported
    networkx before, it is kept out while dd loads (``sys.modules[name] = None`` makes
    ``import name`` raise ImportError, which dd expects and handles)."""
    block = "networkx" not in sys.modules
    if block:
        sys.modules["networkx"] = None  # type: ignore[assignment]
    try:
        try:  # pragma: no cover - which backend is present depends on the wheel
            from dd import cudd as mod
        except ImportError:  # pragma: no cover
            from dd import autoref as mod
    finally:
        if block and "networkx" in sys.modules and sys.modules["networkx"] is None:
            del sys.modules["networkx"]
    return mod


bdd_mod = _import_dd()
# ∃ vars. u ∧ v in one CUDD call (dd.cudd only): HeaderSpace.meets where ``leq`` is missing.
and_exists = getattr(bdd_mod, "and_exists", None)


def _cudd_library(bdd: Any) -> tuple[Any, int] | None:
    """dd's compiled module opened as a C library and ``bdd``'s ``DdManager *``, or None
    where they cannot be reached safely: CUDD functions dd does not expose
    (:func:`cudd_leq`, :func:`cudd_rehash`) are called through them.

    The manager pointer is read from dd's ``BDD`` object, whose C layout (dd 0.6: object
    header, vtable, ``DdManager *``, then the three Python attributes ``vars``,
    ``_index_of_var``, ``_var_with_index``) is checked first: the size of the object and
    those three attributes' addresses must match.  Anything else (another dd, another
    backend, a 32-bit build) gives None and the callers keep dd's own operations."""
    import ctypes

    if and_exists is None or type(bdd).__basicsize__ != 56:
        return None
    if ctypes.sizeof(ctypes.c_void_p) != 8:  # pragma: no cover - a 32-bit build
        return None
    base = id(bdd)

    def at(offset: int) -> int:
        return ctypes.c_void_p.from_address(base + offset).value or 0

    if (at(32), at(40), at(48)) != (id(bdd.vars), id(bdd._index_of_var), id(bdd._var_with_index)):
        return None
    try:
        lib = ctypes.CDLL(bdd_mod.__file__)
    except OSError:  # pragma: no cover - a module that is not a shared library
        return None
    return lib, at(24)


def cudd_leq(bdd: Any) -> Any:
    """CUDD's ``Cudd_bddLeq`` (whether one set is inside another, answered without
    building a node) bound to ``bdd``'s manager, or None where it cannot be reached.

    dd does not expose it: ``and_exists`` answered the same question but rebuilt the
    cube of every variable on each call (8 of its 9 µs; issue #15, docs/performance.md).
    The function is exported by dd's compiled module (:func:`_cudd_library`); the call
    must answer known questions right before it is used.  Otherwise None, and
    :meth:`~netaudit.headerspace.HeaderSpace.meets` keeps ``and_exists``.  A node's pointer is ``int(u) - 2``
    (dd's ``_add_int`` encoding); complementing it is setting its lowest bit, as CUDD
    does."""
    import ctypes

    found = _cudd_library(bdd)
    if found is None:
        return None
    lib, manager = found
    try:
        leq = lib.Cudd_bddLeq
    except AttributeError:  # pragma: no cover - a build without the symbol
        return None
    leq.restype = ctypes.c_int
    leq.argtypes = (ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p)
    one, zero = int(bdd.true) - 2, int(bdd.false) - 2
    x = bdd.var(next(iter(bdd.vars)))
    node = int(x) - 2
    if (leq(manager, zero, one), leq(manager, one, zero), leq(manager, node, node), leq(manager, node, node ^ 1)) != (
        1,
        0,
        1,
        0,
    ):
        return None

    def contained(u: Any, v: Any) -> bool:
        return leq(manager, int(u) - 2, int(v) - 2) == 1

    return contained


class CacheGrowth:
    """CUDD's computed table grown by its hit rate only, a stretch of work at a time.

    CUDD doubles its computed table for two reasons: its hit rate since the last doubling
    is high (``min_hit``), or its unique table grew (``ddFixLimits``: the table is kept
    at half the unique table's slots, up to ``max_cache_hard``).  The second makes the
    table of a large analysis its largest at once — :func:`make_room` grows the unique
    table before the first line is built — whether or not its lookups ever hit: 20,000
    RouterOS rules hit 7 % of 3 million lookups in 2^18 entries (8 MiB, twice the core's
    second-level cache), and ran 5 % faster in 2^16; Stanford's backbone hits 22–32 % and
    ran 5 % slower in 2^16 (docs/performance.md, issue #15).  So the bound starts at
    CACHE_ENTRIES, and :meth:`grow_if_hit`, asked after each stretch of work (a source
    zone's propagation: :func:`netaudit.reach.matrix.compute_matrix`), doubles the table
    up to CACHE_ENTRIES_MAX when the lookups since it was last asked hit HIT_RATE or more.
    The table never shrinks (the manager is shared: a later analysis finds it grown)."""

    def __init__(self, lib: Any, manager: int) -> None:
        import ctypes

        self._hits, self._lookups = lib.Cudd_ReadCacheHits, lib.Cudd_ReadCacheLookUps
        for f in (self._hits, self._lookups):
            f.restype = ctypes.c_double
            f.argtypes = (ctypes.c_void_p,)
        self._slots = lib.Cudd_ReadCacheSlots
        self._slots.restype = ctypes.c_uint
        self._slots.argtypes = (ctypes.c_void_p,)
        self._set_bound = lib.Cudd_SetMaxCacheHard
        self._set_bound.restype = None
        self._set_bound.argtypes = (ctypes.c_void_p, ctypes.c_uint)
        self._double = lib.cuddCacheResize
        self._double.restype = None
        self._double.argtypes = (ctypes.c_void_p,)
        self._manager = manager
        self._since: tuple[float, float] | None = None  # (hits, lookups) when last asked

    def slots(self) -> int:
        """The computed table's entries now."""
        return int(self._slots(self._manager))

    def grow_if_hit(self) -> bool:
        """Double the table (up to CACHE_ENTRIES_MAX) when the lookups since the last call
        hit HIT_RATE or more; the first call only starts counting, and fewer than
        MIN_LOOKUPS since then say nothing yet (counted on).  Whether it grew."""
        m = self._manager
        now = (self._hits(m), self._lookups(m))
        since, self._since = self._since, now
        if since is None:
            return False
        hits, lookups = now[0] - since[0], now[1] - since[1]
        if lookups < MIN_LOOKUPS:
            self._since = since
            return False
        if hits < HIT_RATE * lookups or self.slots() >= CACHE_ENTRIES_MAX:
            return False
        self._set_bound(m, CACHE_ENTRIES_MAX)
        self._double(m)
        return True


def cache_growth(bdd: Any) -> CacheGrowth | None:
    """The :class:`CacheGrowth` of ``bdd``, a manager just made with ``_CACHE_START``
    entries, or None where CUDD's functions cannot be reached (:func:`_cudd_library`) or
    do not read that table: the bound is then CACHE_ENTRIES_MAX from the start, as CUDD
    would grow it."""
    found = _cudd_library(bdd)
    if found is None:
        return None
    lib, manager = found
    try:
        growth = CacheGrowth(lib, manager)
    except AttributeError:  # pragma: no cover - a build without the symbols
        return None
    # Asked of a manager just made: its table holds the entries it was made with.
    return growth if growth.slots() == _CACHE_START else None


def cudd_rehash(bdd: Any) -> Any:
    """A function doubling the unique subtable of one variable level of ``bdd``'s
    manager (CUDD's ``cuddRehash``, what CUDD itself calls when a subtable holds four
    nodes a slot), or None where it cannot be reached (:func:`_cudd_library`).

    The call is checked by its effect: the manager's slot count (``Cudd_ReadSlots``)
    must grow by the doubled subtable's size, else None.  The function returns the
    subtable's new size (twice what the slot count grew by)."""
    import ctypes

    found = _cudd_library(bdd)
    if found is None:
        return None
    lib, manager = found
    try:
        rehash, read_slots = lib.cuddRehash, lib.Cudd_ReadSlots
    except AttributeError:  # pragma: no cover - a build without the symbols
        return None
    rehash.restype = None
    rehash.argtypes = (ctypes.c_void_p, ctypes.c_int)
    read_slots.restype = ctypes.c_uint
    read_slots.argtypes = (ctypes.c_void_p,)
    before = read_slots(manager)
    rehash(manager, 0)
    if read_slots(manager) - before != SUBTABLE_SLOTS:
        return None

    def double(level: int) -> int:
        was = read_slots(manager)
        rehash(manager, level)
        return 2 * (read_slots(manager) - was)  # the subtable's new size

    return double


# One BDD manager per process, shared by every analysis.  A manager must outlive its
# nodes (CUDD asserts, at garbage collection, when one dies with nodes still referenced,
# and the cyclic collector may free it first), so managers are never freed; sharing one
# keeps memory flat across audits: nodes no analysis holds any more are reclaimed by
# CUDD's own garbage collection.  Every analysis declares the same variables.
#
# BDD nodes and reference cycles: a BDD (``cudd.Function``) must never be freed by
# Python's cyclic garbage collector, i.e. never be held by a reference cycle (a closure
# that calls itself, an object that points back to its owner).  On Python 3.11 the
# collector runs inside any allocation, also inside dd's ``wrap``, between the CUDD
# operation that returned a node and the ``Cudd_Ref`` that keeps it: when the collector
# frees the last other holders of that node there, the node dies and is revived without
# CUDD's bookkeeping, and CUDD's next garbage collection aborts the process ("dead count
# != deleted", "Fatal Python error: Aborted" in a BDD operation; issue #15,
# docs/performance.md).  Freed by reference counting (the normal case: no cycle) a node
# dies between two Python statements, which is safe.  Python 3.12 runs the collector
# only between bytecodes.  tests/test_headerspace.py checks that audits, reports and
# traces leave no BDD in cyclic garbage.  And the BDD work of an audit runs with the
# cyclic collector paused (:func:`netaudit.collector.collector_paused`): nothing the analysis holds can then
# be freed inside a BDD operation, whatever cycles the caller left behind (a test's
# ``pytest.raises`` keeps the frames of a failed trace, BDDs included, in a cycle).
_MANAGER: Any = None
leq: Any = None  # Cudd_bddLeq on the shared manager, or None (cudd_leq): set with it
# The computed table: starts at 2^13 entries, bounded by CACHE_ENTRIES, and by
# CACHE_ENTRIES_MAX once its hit rate asks for more (CacheGrowth).
_CACHE_START = 1 << 13
CACHE_ENTRIES = 1 << 16
CACHE_ENTRIES_MAX = 1 << 18
HIT_RATE = 0.2  # flat filters hit 6-8 % a source zone, Stanford's backbone 22-55 %
MIN_LOOKUPS = 1 << 14
cache: CacheGrowth | None = None  # cache_growth of the shared manager, or None: set with it
# CUDD's unique table, one subtable of hash slots per variable level, starts at dd's 256
# slots a subtable and doubles one subtable at a time whenever it holds four nodes a
# slot; each doubling moves every node of it.  make_room grows them at once for a large
# analysis (issue #15, docs/performance.md).
SUBTABLE_SLOTS = 256  # dd's CUDD_UNIQUE_SLOTS
rehash: Any = None  # cudd_rehash on the shared manager, or None: set with it
level_slots: list[int] = []  # each level's subtable size, as far as make_room knows it
# The largest subtable make_room asks for: 2^15 slots of 8 bytes, for each of the 88 levels
# HeaderSpace asks it for 22 MiB, within the 50,000-line ACL's 300.
MAX_SUBTABLE_SLOTS = 1 << 15


def shared_manager(variables: list[str]) -> Any:
    """The process's BDD manager, created at the first call with ``variables`` declared in
    that order (the order is fixed: every analysis declares the same)."""
    global _MANAGER, leq, rehash, cache
    if _MANAGER is None:
        # The computed table starts at 2^13 entries and grows with its hit rate (CUDD's
        # own rule) and its unique table up to CACHE_ENTRIES, beyond it by its hit rate
        # alone (CacheGrowth) up to CACHE_ENTRIES_MAX: a commune's audit never fills a
        # larger one, and clearing 8 MiB it does not use cost it about 10 ms.  Left to
        # grow without a bound it reached 2^23 (256 MiB) on 20,000 RouterOS rules and made
        # the audits slower, not faster (docs/performance.md, issue #15).
        bdd = bdd_mod.BDD(initial_cache_size=_CACHE_START) if and_exists is not None else bdd_mod.BDD()
        cache = cache_growth(bdd)
        # A fixed variable order (chosen in headerspace.FIELDS):
        # dynamic reordering costs more than it saves on these packet sets.
        bdd.configure(reordering=False, max_cache_hard=CACHE_ENTRIES if cache is not None else CACHE_ENTRIES_MAX)
        bdd.declare(*variables)
        _MANAGER = bdd
        leq = cudd_leq(bdd)
        rehash = cudd_rehash(bdd)  # its check doubles level 0
        level_slots[:] = [SUBTABLE_SLOTS] * len(bdd.vars)
        if rehash is not None:
            level_slots[0] *= 2
    return _MANAGER


def make_room(levels: Iterable[int], rules: int) -> None:
    """Grow the unique subtables of ``levels`` at once to a slot per rule (a power of two,
    at most MAX_SUBTABLE_SLOTS) for an analysis of ``rules`` filter lines and routes
    (:meth:`~netaudit.headerspace.HeaderSpace.make_room`, which says why).  Fewer than two
    subtables' worth ask for nothing; a subtable CUDD grew on its own beyond what
    ``level_slots`` knew is doubled once more at most, and known exactly from then on."""
    if rehash is None or rules < 2 * SUBTABLE_SLOTS:
        return
    want = min(MAX_SUBTABLE_SLOTS, 1 << (rules - 1).bit_length())
    for level in levels:
        slots = level_slots[level]
        while slots < want:
            slots = rehash(level)
        level_slots[level] = slots
