"""What the FortiGate checks (:mod:`netaudit.checks.fortinet_fortios`) read of a FortiOS device
beyond the vendor-neutral model: ``Device.facts`` of every Device this parser makes.
(Interface roles, the VDOM and dynamic routing are neutral ``Device`` fields.)"""

from __future__ import annotations

from dataclasses import dataclass, field

from netaddr import IPNetwork

from netaudit.model import Src, VendorFacts


@dataclass
class AllowAccess:
    """``set allowaccess`` of an interface (its primary address)."""

    protocols: list[str]
    source: Src | None
    role: str | None  # the interface's ``set role``


@dataclass
class Admin:
    """An account of ``config system admin``."""

    name: str
    source: Src | None  # its ``edit`` line
    trusthosts: list[tuple[IPNetwork, Src | None]]  # [] when one of them is 0.0.0.0/0
    restricted: bool  # trusted hosts, none of them 0.0.0.0/0


@dataclass
class SnmpCommunity:
    """An enabled SNMP community answering v1/v2c queries."""

    source: Src | None  # its ``edit`` line
    hosts: list[tuple[IPNetwork, Src | None]]  # ``config hosts`` ([] when one is open)
    restricted: bool  # hosts, none of them 0.0.0.0/0


@dataclass
class Policy:
    """One firewall policy as written (names) and as modelled (interfaces, partial)."""

    id: str  # ``edit N``
    source: Src  # the citation of the policy as a whole
    action: str  # as written: accept, deny, ipsec …
    srcintf: list[str]
    dstintf: list[str]
    in_ifaces: list[str] | None  # zones expanded; None = any
    out_ifaces: list[str] | None
    all_src: bool  # source all, nothing unresolved
    all_dst: bool  # destination all, no VIP, nothing unresolved
    all_service: bool  # every service, nothing unresolved
    partial: str | None  # why the line is only partly understood


@dataclass
class FortiOSFacts(VendorFacts):
    model: str = ""  # hardware model (``#config-version=FG100F-…``)
    allowaccess: dict[str, AllowAccess] = field(default_factory=dict)  # by interface
    dynamic_address_interfaces: list[str] = field(default_factory=list)  # DHCP / PPPoE
    policies: list[Policy] = field(default_factory=list)  # in filter order
    admins: list[Admin] = field(default_factory=list)
    # the trusted hosts admin logins are restricted to, None when some account has none
    admin_trusthosts: list[str] | None = None
    snmp_communities: list[SnmpCommunity] = field(default_factory=list)
    # The VDOM a single-VDOM backup (``#global_vdom=0:vd_name=X``) holds, else None: the
    # box-wide settings (admin ports, administrators, SNMP, NTP) are not in the file.
    vdom_scope: str | None = None
