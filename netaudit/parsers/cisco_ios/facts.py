"""IOS settings kept for hardening checks and tests that do not fit the neutral model.

Only what something reads is recorded here; the management plane the engine uses is
``Device.services`` (:class:`~netaudit.model.MgmtService`), dynamic routing is
``Device.dynamic_routing``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from netaudit.model import Src, VendorFacts


@dataclass
class SnmpCommunity:
    """``snmp-server community NAME [view V] [ro|rw] [ACL]`` (the name is a secret: not kept)."""

    mode: str  # ro | rw
    acl: str | None  # as written; whether it exists is the service's business


@dataclass
class IOSFacts(VendorFacts):
    # credentials and hardening switches
    service_password_encryption: bool = False
    enable_password_plain: Src | None = None  # `enable password` not type 5/7/8/9
    username_password_plain: list[Src] = field(default_factory=list)
    aaa_new_model: bool = False
    cdp_run: bool = True
    ip_source_route: bool = True
    ssh_version: str | None = None
    logging_hosts: list[Src] = field(default_factory=list)
    # management plane, as configured (the services themselves are Device.services)
    http_server: Src | None = None
    https_server: Src | None = None
    telnet_vty: Src | None = None  # the line a telnet service is cited by
    vty_without_access_class: list[Src] = field(default_factory=list)
    vty_no_login: list[Src] = field(default_factory=list)
    snmp_communities: list[SnmpCommunity] = field(default_factory=list)
    # Smart Install (vstack, tcp/4786), decided in convert.py (docs/vendors/cisco_ios.md,
    # "Smart Install"): "off" (`no vstack`), "client" (`vstack`, or `vstack …` settings of a
    # client), "director" (`vstack director` naming an address of this device, or `vstack
    # basic`), "unknown" (no vstack line on what looks like a Catalyst switch of a release
    # where the client may be on by default), "" (not applicable: no vstack line and no sign
    # of a Catalyst switch, or a release with or without Smart Install by construction).
    smart_install: str = ""
    smart_install_lines: list[Src] = field(default_factory=list)  # the lines in effect
    # "unknown": what the guess rests on — the line showing a Catalyst switch, the version line
    smart_install_basis: list[Src] = field(default_factory=list)
    # routing and L2 decisions the parser took
    ip_routing_source: Src | None = None  # an explicit `[no] ip routing` line
    default_gateway: str | None = None  # `ip default-gateway A`
    dhcp_client_interfaces: list[str] = field(default_factory=list)
    voice_vlans: dict[str, int] = field(default_factory=dict)  # port -> voice VLAN
    port_channel_members: dict[str, str] = field(default_factory=dict)  # member -> bundle
