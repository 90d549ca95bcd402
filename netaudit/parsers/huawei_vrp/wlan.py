"""Huawei VRP (AR routers with a built-in AC, and AC6xxx): the ``wlan`` view — SSID
profiles, VAP profiles (``service-vlan vlan-id N``), security profiles (docs/vendors/
huawei_vrp.md, "Wireless").

The block nests profiles one level deeper (``wlan`` / `` ssid-profile name X`` /
``  ssid NAME``): the reader follows the indentation.  SSIDs are recorded with their
service VLAN and whether they are open; where the APs put that VLAN (direct or tunnel
forwarding, the AP's uplink) is not in the AC's configuration: counted, shown.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from netaudit.messages import Text
from netaudit.model import Src, Ssid
from netaudit.parsers.base import Ctx
from netaudit.parsers.huawei_vrp.state import VrpState


@dataclass(eq=False)
class _Profile:
    kind: str
    name: str
    src: Src
    values: dict[str, str] = field(default_factory=dict)


class WlanReader(VrpState):
    """The ``wlan`` block, line by line with the indentation."""

    wlan_current: _Profile | None = None

    def h_wlan(self, tokens, low, src):
        if len(low) != 1:
            self.ignore_line(tokens, low)
            return
        self.wlan_current = None
        self.wlan_src = src
        self.ctx = Ctx("wlan", None, [], "wlan", src)

    def wlan_line(self, stripped: str) -> None:
        tokens = stripped.split()
        low = stripped.lower().split()
        self.ignore_line(tokens, low)
        src = self.src(self.lineno, stripped)
        if self.indent <= 1:
            self.wlan_current = None
            if len(low) >= 3 and low[1] == "name" and low[0] in ("ssid-profile", "vap-profile", "security-profile"):
                self.wlan_current = _Profile(low[0], tokens[2], src)
                self.wlan_profiles.append(self.wlan_current)
            return
        if low[0] == "vap-profile" and "wlan" in low[2:]:
            self.wlan_bound.add(tokens[1])  # bound to an AP group / AP: in service
        cur = self.wlan_current
        if cur is None:
            return
        if cur.kind == "ssid-profile" and low[0] == "ssid" and len(tokens) >= 2:
            cur.values["ssid"] = " ".join(tokens[1:])
        elif cur.kind == "vap-profile" and low[:2] == ["service-vlan", "vlan-id"] and len(low) >= 3:
            cur.values["vlan"] = low[2]
        elif cur.kind == "vap-profile" and low[0] in ("ssid-profile", "security-profile") and len(tokens) >= 2:
            cur.values[low[0]] = tokens[1]
        elif cur.kind == "vap-profile" and low[0] == "forward-mode" and len(low) >= 2:
            cur.values["forward"] = low[1]
        elif cur.kind == "security-profile" and low[0] == "security" and len(low) >= 2:
            cur.values["security"] = low[1]

    def finish_wlan(self) -> None:
        """SSIDs from the VAP profiles: name, service VLAN, open or not."""
        profiles = self.wlan_profiles
        if not profiles or self.wlan_src is None:
            return
        ssids = {p.name: p for p in profiles if p.kind == "ssid-profile"}
        secs = {p.name: p for p in profiles if p.kind == "security-profile"}
        vaps = [p for p in profiles if p.kind == "vap-profile"]
        if self.wlan_bound:  # only the VAP profiles some AP group or AP uses
            vaps = [p for p in vaps if p.name in self.wlan_bound]
        else:  # no binding in the file: every VAP profile that names an SSID profile
            vaps = [p for p in vaps if "ssid-profile" in p.values]
        for vap in vaps:
            sp = ssids.get(vap.values.get("ssid-profile", ""))
            name = sp.values.get("ssid", sp.name) if sp else vap.name
            vlan = vap.values.get("vlan", "1")
            sec = secs.get(vap.values.get("security-profile", ""))
            # A VAP without a security profile uses the default one: open (no
            # encryption) on V200R0xx ACs.
            open_auth = (sec is None and "security-profile" not in vap.values) or (
                sec is not None and sec.values.get("security", "open") == "open"
            )
            self.dev.ssids.append(
                Ssid(name, vlan=int(vlan) if vlan.isdecimal() else None, open_auth=open_auth, source=vap.src)
            )
        self.rep.add_partial("wlan", Text("input.vrp.wlan_vlans"), self.wlan_src)
