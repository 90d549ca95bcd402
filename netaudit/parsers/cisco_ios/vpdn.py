"""Cisco IOS VPDN as it is read: the L2TP and PPTP tunnel servers (LNS) a router runs
for remote users, and the VPDN lines that open no server (LAC, PPPoE client).

What IOS does (docs/vendors/cisco_ios.md, "L2TP and PPTP servers"): with ``vpdn
enable``, a ``vpdn-group`` whose ``accept-dialin`` (or ``accept-dialout``) subgroup
says ``protocol l2tp`` answers L2TP on udp/1701, ``protocol pptp`` PPTP on tcp/1723
(its sessions then run over GRE), ``protocol any`` both, on every address of the
router, the interface ACLs filtering them like any packet to the router.  Neither is
encrypted by itself: IPsec protecting L2TP (a crypto map with a transport-mode
transform set) does not make IOS refuse L2TP arriving in clear, so the service stays
``l2tp``; whether cleartext L2TP gets in is what the interface ACLs say.
``request-dialin`` / ``request-dialout`` (IOS opens the tunnels: a LAC, or the old
PPPoE client ``protocol pppoe``) and ``protocol pppoe`` (a PPPoE server, not IP)
open no IP service.

A line of a ``vpdn-group`` this reader does not know, or one it knows the model does
not capture (``vpn vrf``, ``l2tp security crypto-profile``), makes that group's
services partial (a cell only they reach is "unknown", never "blocked"); so does a
``vpdn-group`` accepting tunnels without ``vpdn enable``.  The services themselves are
built in :mod:`.convert`.
"""

from __future__ import annotations

from netaudit.messages import Text
from netaudit.model import Src
from netaudit.parsers.base import IGNORE_CTX, Ctx, Unknown
from netaudit.parsers.cisco_ios.reasons import in_block
from netaudit.parsers.cisco_ios.state import IosState, VpdnGroup

# `protocol WORD` of an accept subgroup → the services IOS then answers (docs/vendors/
# cisco_ios.md): L2F (Cisco's predecessor of L2TP) shares udp/1701; PPPoE is not IP.
ACCEPTED_SERVICES = {
    "l2tp": ("l2tp",),
    "pptp": ("pptp",),
    "any": ("l2tp", "pptp"),
    "l2f": ("l2f",),
    "pppoe": (),
}


class VpdnReader(IosState):
    """``vpdn …`` global lines, ``vpdn-group`` and ``vpdn-template`` blocks."""

    def h_vpdn(self, tokens, low, src):
        """``[no] vpdn enable`` switches VPDN on or off; ``vpdn softshut`` refuses new
        sessions (not modelled: the services partial); other ``vpdn …`` settings
        (logging, search order, source address, limits) open nothing."""
        self.ctx = IGNORE_CTX
        neg = low[0] == "no"
        words = low[2:] if neg else low[1:]
        if words == ["enable"]:
            self.vpdn_enable = (not neg, src)
        elif words[:1] == ["softshut"] and not neg:
            self.vpdn_doubts.append((Text("input.ios.vpdn_softshut", line=src.line), src))
        else:
            self.ignored += 1

    def h_vpdn_group(self, tokens, low, src):
        """``vpdn-group NAME``: its subgroups and settings follow (:data:`VPDN_TABLE`)."""
        if len(tokens) < 2:
            raise Unknown
        group = VpdnGroup(tokens[1], src)
        self.vpdn_groups.append(group)
        self.ctx = Ctx("vpdn-group", self.VPDN_TABLE, [group], f"vpdn-group {tokens[1]}", src)

    def h_vpdn_template(self, tokens, low, src):
        """``vpdn-template [NAME]``: default settings of the groups; a line of it the
        model does not capture makes every group's services partial (a named template
        applies only to the groups naming it: read as applying to all)."""
        template = VpdnGroup(tokens[1] if len(tokens) > 1 else "", src)
        self.ctx = Ctx("vpdn-template", self.VPDN_TABLE, [template], " ".join(tokens[:2]), src)

    def vpdn_doubt(self, ctx: Ctx, reason: str, src: Src) -> None:
        """A line of a ``vpdn-group`` or ``vpdn-template`` the model does not capture."""
        self.rep.add_partial(ctx.label, reason, src)
        if ctx.kind == "vpdn-template":
            self.vpdn_doubts.append((in_block(ctx.label, reason), src))
            return
        for group in ctx.targets:
            group.doubts.append((reason, src))

    # --- block lines (VPDN_TABLE)

    def vd_accept(self, group: VpdnGroup, tokens, low, src):
        """``accept-dialin`` / ``accept-dialout`` (a subgroup follows), or the older one-line
        forms ``accept-dialin l2tp virtual-template N [remote H]`` and ``accept dialin l2tp
        …``: IOS answers the tunnels of that protocol."""
        group.mode, group.accept_src = "accept", src
        i = 2 if low[0] == "accept" else 1
        if i < len(low):
            self._accepted(group, low[i], src)

    def vd_request(self, group: VpdnGroup, tokens, low, src):
        """``request-dialin`` / ``request-dialout`` (and ``request dialin …``): IOS opens
        the tunnels (a LAC, the old PPPoE client): no server."""
        group.mode = "request"
        return True

    def vd_protocol(self, group: VpdnGroup, tokens, low, src):
        """``protocol WORD`` of the open subgroup."""
        if len(low) < 2 or group.mode is None:
            raise Unknown
        if group.mode == "request":
            return True
        self._accepted(group, low[1], src)

    def _accepted(self, group: VpdnGroup, word: str, src: Src) -> None:
        if word not in ACCEPTED_SERVICES:
            raise Unknown
        group.accepts.append((word, src))
