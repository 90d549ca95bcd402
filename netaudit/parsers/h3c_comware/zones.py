"""H3C Comware: security zones and the policy between them (SecPath firewalls, MSR
routers with zones; docs/vendors/h3c_comware.md, "Security zones").

Read: which interfaces each ``security-zone name Z`` imports.  Not modelled: the policy
between zones (``zone-pair security`` with a ``packet-filter`` ACL or an
``object-policy``, the newer ``security-policy ip``), the default between and within
zones, the Local zone (the device itself): once a file has security zones, every
interface is partial (resolved in :mod:`.convert`), so every verdict through the device is
unknown — never a "blocked" or a "reachable" the zones may contradict.
"""

from __future__ import annotations

from netaudit.parsers.base import IGNORE_CTX, Ctx, Unknown
from netaudit.parsers.h3c_comware.state import ComwareState
from netaudit.parsers.h3c_comware.syntax import canonical_ifname


class ZoneReader(ComwareState):
    """Handlers of ``security-zone``, ``zone-pair security``, ``object-policy`` and
    ``security-policy``."""

    def h_security_zone(self, tokens, low, src):
        """``security-zone name Z``: a block of ``import interface X [vlan …]`` lines
        (resolved in convert: every interface of a device with security zones is
        partial)."""
        if len(low) != 3 or low[1] != "name":
            raise Unknown
        self.zone_names.append((tokens[2], src))
        self.ctx = Ctx("zone", self.ZONE_TABLE, [tokens[2]], " ".join(tokens[:3]), src)

    def zone_import(self, zone: str, tokens, low, src):
        """``import interface X [vlan L]``."""
        if len(low) < 3 or low[1] != "interface":
            raise Unknown
        words = tokens[2:]
        if "vlan" in [w.lower() for w in words]:
            words = words[: [w.lower() for w in words].index("vlan")]
        name = canonical_ifname("".join(words))
        self.zone_members.append((name, src))
        self.zone_of[name] = zone

    def h_zone_policy(self, tokens, low, src):
        """``zone-pair security …``, ``object-policy ip …``, ``security-policy ip``: the
        policy between zones, not modelled (every interface partial, convert)."""
        self.zone_policy = self.zone_policy or src
        self.ctx = IGNORE_CTX
