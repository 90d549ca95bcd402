"""H3C Comware settings kept for checks that the neutral model does not carry.

The fields are VRP's (:class:`netaudit.parsers.huawei_vrp.facts.VRPFacts`: reversible
``password cipher`` local users, Telnet users, vty lines without authentication, SNMP
communities in plain text, the release): the Comware reader fills them the same way.  No
check reads them yet (the Huawei checks are for ``huawei_vrp`` devices only)."""

from __future__ import annotations

from dataclasses import dataclass

from netaudit.parsers.huawei_vrp.facts import VRPFacts


@dataclass
class ComwareFacts(VRPFacts):
    pass
