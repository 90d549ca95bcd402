"""H3C Comware: NAT address groups (docs/vendors/h3c_comware.md, "NAT").

``nat outbound`` and ``nat server`` are interface lines (:mod:`.interfaces`); V5's
one-line ``nat address-group N A B`` is VRP's; V7 writes a block::

    nat address-group 1 [name X]
     address 203.0.113.2 203.0.113.6

whose ``address`` ranges are read (the first address: what the rule is said to take, as
for VRP's groups); ``address interface X`` (Easy IP through a named group) is partial.
"""

from __future__ import annotations

from netaudit.messages import Text
from netaudit.parsers.base import Ctx, Unknown
from netaudit.parsers.h3c_comware.state import ComwareState
from netaudit.parsers.huawei_vrp.nat import NatReader
from netaudit.parsers.ip import ip_to_int


class ComwareNatReader(NatReader, ComwareState):
    """``nat address-group`` (block and one-line forms), ``nat alg``."""

    def h_nat(self, tokens, low, src):
        if len(low) in (3, 5) and low[1] == "address-group" and (len(low) == 3 or low[3] == "name"):
            group = tokens[2]
            self.nat_groups[group] = (0, 0, src)  # until an `address` line is read
            if len(low) == 5:
                self.nat_group_names[tokens[4]] = group
            self.ctx = Ctx("nat-group", self.NAT_GROUP_TABLE, [group], " ".join(tokens[:3]), src)
            return
        if low[1:2] in (["alg"], ["log"], ["mapping-behavior"], ["link-switch"]):
            self.ignored += 1
            return
        super().h_nat(tokens, low, src)

    def group_address(self, group: str, tokens, low, src):
        """``address A B`` (a range) or ``address interface X`` in an address group."""
        if len(low) == 3 and low[1] != "interface":
            a, b = ip_to_int(tokens[1]), ip_to_int(tokens[2])
            if a is None or b is None or b < a:
                raise Unknown
            old = self.nat_groups.get(group)
            first = min(a, old[0]) if old and old[0] else a
            last = max(b, old[1]) if old and old[0] else b
            self.nat_groups[group] = (first, last, src)
            return
        if low[1:2] == ["interface"]:
            self.rep.add_partial(f"nat address-group {group}", Text("input.comware.nat_group_interface"), src)
            self.nat_groups[group] = (0, 0, src)
            return
        raise Unknown
