"""RGOS settings kept beside the model for reports and tests.

The IOS readers this package reuses record into :class:`~netaudit.parsers.cisco_ios.facts.IOSFacts`;
the RGOS ones add what only RGOS writes.  The IOS checks read only devices whose vendor
is ``cisco_ios`` (checks/cisco_ios.py), so none of them runs on a Ruijie device.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from netaudit.model import Src
from netaudit.parsers.cisco_ios.facts import IOSFacts


@dataclass
class RuijieFacts(IOSFacts):
    # `[no] enable service ssh-server|telnet-server|web-server [http|https|all]|snmp-agent`:
    # service → (enabled, line), the last line of each wins
    enable_service: dict[str, tuple[bool, Src]] = field(default_factory=dict)
    # `webmaster level N username X password|secret …`: the web administrators (the
    # password itself is a secret, never kept)
    web_admins: list[str] = field(default_factory=list)
    # guest Wi-Fi: `wlan-config ID SSID` and `ap-group` `interface-mapping WLAN VLAN`
    ssids: dict[int, str] = field(default_factory=dict)
    ssid_vlans: dict[int, set[int]] = field(default_factory=dict)
