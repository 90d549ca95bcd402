"""Exact reachability between zones: the engine and the zone matrix.

For each source zone, the connection-opening packets its hosts can send (from the
zone's own addresses unless the site says ``sources: any``) are injected into the L2
domains the zone sits in and propagated symbolically:

    ingress filter → destination NAT → own address? control plane : policy routing,
    routing (LPM per VRF) → device forwarding policy → egress filter → source NAT
    → next L2 domain

Packet sets are BDDs (:mod:`netaudit.headerspace`); filters are read by
:mod:`netaudit.filters`.  What the verdicts mean and the rules followed where the
configurations leave a value open: docs/semantics.md.

* :mod:`.engine` — :class:`Engine`, the propagation core (filters, NAT, the control
  plane, forwarding), with :mod:`.routing` (FIB, uRPF, policy routing),
  :mod:`.runtime` (run-time addresses) and :mod:`.witness` (witnesses, blocking lines);
* :mod:`.paths` — paths, the work list, a run's state;
* :mod:`.matrix` — :func:`compute_matrix` and the :class:`Cell` verdicts.
"""

from __future__ import annotations

from .engine import Engine
from .matrix import (
    BLOCKED,
    REACHABLE,
    UNKNOWN,
    Cell,
    compute_matrix,
    destination_preferences,
    make_cell,
    unplaced_reason,
    witness_for,
)
from .paths import Merge, Path, Step, Witness
from .routing import MARTIANS, RUNTIME_GW
from .runtime import RUNTIME_REPRESENTATIVES

__all__ = [
    "BLOCKED",
    "MARTIANS",
    "REACHABLE",
    "RUNTIME_GW",
    "RUNTIME_REPRESENTATIVES",
    "UNKNOWN",
    "Cell",
    "Engine",
    "Merge",
    "Path",
    "Step",
    "Witness",
    "compute_matrix",
    "destination_preferences",
    "make_cell",
    "unplaced_reason",
    "witness_for",
]
