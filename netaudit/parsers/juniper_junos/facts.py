"""Junos settings kept for the Junos checks (netaudit/checks/juniper_junos.py) that the
neutral model does not carry.  Only what a check or a test reads is recorded; the
management plane the engine uses is ``Device.services``."""

from __future__ import annotations

from dataclasses import dataclass, field

from netaudit.model import Src, VendorFacts


@dataclass
class JunosFacts(VendorFacts):
    version: str = ""  # the `version 15.1X49-D170.4;` statement
    root_password: Src | None = None  # `system root-authentication encrypted-password` (never the value)
    users: dict[str, Src] = field(default_factory=dict)  # `system login user NAME`
    telnet: Src | None = None  # `system services telnet`
    ssh_root_login: Src | None = None  # `system services ssh root-login allow`
    web_management: list[tuple[str, Src]] = field(default_factory=list)  # (http|https, line)
    snmp_communities: list[Src] = field(default_factory=list)
    syslog_hosts: list[str] = field(default_factory=list)
    ntp_servers: list[str] = field(default_factory=list)
    flow_mode: bool = False  # an SRX whose security zones decide what passes
