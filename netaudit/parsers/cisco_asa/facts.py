"""ASA settings kept for the ASA checks (:mod:`netaudit.checks.cisco_asa`) and tests that do
not fit the neutral model.

Only what something reads is recorded here; the management services the engine uses
are ``Device.services``, the forwarding policy is a filter, dynamic routing is
``Device.dynamic_routing``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from netaudit.model import AddrMatch, Src, VendorFacts


@dataclass
class MgmtLineFact:
    """An ``http`` / ``ssh`` / ``telnet`` ``A M NAMEIF`` line and whether the ASA honours it."""

    proto: str  # http | ssh | telnet
    net: AddrMatch | None  # the permitted sources; None = any
    nameif: str
    interface: str | None  # the interface named by nameif; None when undefined
    source: Src
    effective: bool = True  # False: undefined nameif, telnet to the lowest level, no http server


@dataclass
class AccessGroupFact:
    """An ``access-group`` binding the ASA accepted (its ACL is an extended ACL)."""

    acl: str
    direction: str  # in | out | control-plane | global
    interface: str | None  # None for global
    source: Src


@dataclass
class ASAFacts(VendorFacts):
    platform: str | None = None  # ASA | PIX | NGFW (the version line)
    enable_password: Src | None = None
    standard_acls: dict[str, list[Src]] = field(default_factory=dict)  # name -> its lines
    failover: list[Src] = field(default_factory=list)
    management_access: list[Src] = field(default_factory=list)
    mgmt_lines: list[MgmtLineFact] = field(default_factory=list)
    telnet_ineffective: list[Src] = field(default_factory=list)  # to the lowest level
    http_lines_without_server: list[Src] = field(default_factory=list)  # no http server enable
    management_only: dict[str, Src] = field(default_factory=dict)  # interface -> the line
    access_groups: list[AccessGroupFact] = field(default_factory=list)
    same_security_inter: Src | None = None  # same-security-traffic permit inter-interface
