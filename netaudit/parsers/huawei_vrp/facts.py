"""Huawei VRP settings kept for the Huawei checks (netaudit/checks/huawei_vrp.py) that the
neutral model does not carry.  Only what a check or a test reads is recorded; the
management plane the engine uses is ``Device.services``."""

from __future__ import annotations

from dataclasses import dataclass, field

from netaudit.model import Src, VendorFacts


@dataclass
class VRPFacts(VendorFacts):
    # `local-user NAME password cipher …`: a reversible password (VRP decrypts `cipher`
    # values with a fixed key; `irreversible-cipher` is a hash) — the lines, never the value
    reversible_passwords: list[Src] = field(default_factory=list)
    # `local-user NAME service-type … telnet …`: accounts allowed to log in over Telnet
    telnet_users: list[Src] = field(default_factory=list)
    # user-interface vty blocks with `authentication-mode none` (no login at all)
    vty_no_auth: list[Src] = field(default_factory=list)
    # `ftp server enable`: the cleartext FTP server (also a service)
    ftp_server: Src | None = None
    # SNMP communities written in plain text (`snmp-agent community read public`)
    snmp_plain_communities: list[Src] = field(default_factory=list)
    software_version: str = ""  # from the `!Software Version V200R019C10SPC500` header
    eth_trunk_members: dict[str, str] = field(default_factory=dict)  # member -> Eth-TrunkN
