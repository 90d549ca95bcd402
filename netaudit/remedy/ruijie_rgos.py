"""Ruijie RGOS change sets (docs/remedy.md, docs/vendors/ruijie_rgos.md "netaudit fix"): the
Cisco IOS generator (:mod:`.cisco_ios`) with what RGOS writes otherwise, and with every
command whose RGOS form or meaning is not confirmed left out — its finding is left with
the reason instead.

* **Blocks**: the entries :class:`~.entries.EntryPlanner` plans, in a **new** extended ACL
  per interface and direction — the new entries, then the old ACL's entries in order (or
  ``permit ip any any`` where the interface had none: RGOS ends every ACL with an implicit
  deny) — bound with ``no ip access-group OLD in`` / ``ip access-group NEW in``.  The old
  ACL is not edited: the rollback binds it again and deletes the new one, with no command
  whose RGOS form is not documented (deleting an entry by its sequence number,
  resequencing).  Interfaces that had the same ACL share one new ACL.
* Left, with the reason: an interface whose filter the parser reads as partial (an ACL on
  a switch port, ``out`` on an SVI, a ``time-range`` line, an undefined ACL …); a block
  whose TCP replies the policy still needs (IOS's ``established`` is not confirmed for
  RGOS: a stateless deny would cut the replies of the sessions opened the other way) or
  that needs an entry by ICMP type; a block from the Internet (RGOS NAT is partial: its
  order against the ACLs is not established); anti-spoofing by uRPF.
* **Restrictions**: ``no enable service telnet-server``, ``no enable service web-server
  http`` / ``https``, the vty lines' ``access-class`` (a standard ACL of the management
  subnets: one the file has that permits exactly them, else ``NETAUDIT-MGMT``), SNMP
  communities bound to that ACL (``no enable service snmp-agent`` without a management
  zone); ICMP to the device's own addresses denied where the zones that may not ping it
  enter (all ICMP: RGOS's ICMP type keywords are not confirmed).
"""

from __future__ import annotations

import re

from netaddr import IPNetwork, IPSet

from ..messages import both
from ..model import PROTO_ICMP, PROTO_TCP, Device, Match
from ..parsers.ruijie_rgos.facts import RuijieFacts
from . import Rendered
from .cisco_ios import _community_with_acl, _find_acl, _old_entries, _Renderer
from .entries import Ace, prefixes
from .plan import Block, DevicePlan, Restrict

PREFIX = "NETAUDIT"
MGMT_ACL = f"{PREFIX}-MGMT"
KNOB_SERVICES = frozenset({"ssh", "telnet", "http", "https", "snmp"})
_ENABLE_SERVICE = r"^(no )?enable service {}\b"


class _RgRenderer(_Renderer):
    knob_services = KNOB_SERVICES
    self_group = None  # object-groups in RGOS ACLs are not confirmed: one host entry each

    def __init__(self, plan: DevicePlan, device: Device, text: str):
        super().__init__(plan, device, text)
        self.mgmt_name: str | None = None

    # ----------------------------------------------------------------- planning

    def external_block(self, b: Block) -> None:
        """A block from the Internet: RGOS NAT is read as partial, so where an inbound ACL
        meets a translated packet is not established — left.  Without an ``ip nat outside``
        interface it is left as on IOS (a stateless deny toward the zone would cut the
        replies of its own sessions: stateful filtering needed), not for a NAT there is not."""
        if not self.outside_interfaces():
            super().external_block(b)
            return
        self.out.leave(b.findings, both("fix.left.ruijie_nat", src=b.src_zone, dst=b.dst_zone))

    def restrict_matches(self, r: Restrict) -> list[Match]:
        if r.protocol == PROTO_ICMP:
            return [Match(protocols=(PROTO_ICMP,))]  # every ICMP type: the type keywords are not confirmed
        return super().restrict_matches(r)

    def prepend_in(self, ifname: str, aces: list[Ace]) -> None:
        """As IOS, but no ICMP entry where NAT translates (``ip nat outside``): with the type
        keywords unconfirmed the deny takes every ICMP type, and the errors sent back to the
        translated address (path MTU discovery of the inside hosts) would go too — left."""
        iface = self.dev.interfaces.get(ifname)
        if iface is not None and iface.nat_side == "outside" and any(a.proto == PROTO_ICMP for a in aces):
            why = both("fix.left.ruijie_icmp_nat", device=self.dev.hostname, interface=ifname)
            for r in self.plan.restricts:
                if r.protocol == PROTO_ICMP:
                    self.out.leave(r.findings, why)
            aces = [a for a in aces if a.proto != PROTO_ICMP]
        super().prepend_in(ifname, aces)

    def block_aces(self, b: Block) -> list[Ace]:
        """IOS's entries without ``established``: where the interface lets TCP replies through
        today and the policy allows sessions the other way, the block is left."""
        aces = super().block_aces(b)
        where = {"src": b.src_zone, "dst": b.dst_zone, "interface": b.interface}
        typed = [a for a in aces if a.icmp_type is not None]
        if typed:
            self.out.leave(b.findings, both("fix.left.ruijie_icmp_type", service=f"icmp/{typed[0].icmp_type}", **where))
            return []
        if any(a.established for a in aces) and self.replies_needed(b):
            self.out.leave(b.findings, both("fix.left.ruijie_replies", **where))
            return []
        return [a for a in aces if not a.established]

    def replies_needed(self, b: Block) -> bool:
        """Whether TCP sessions from ``b``'s destination zone to its source zone, which the
        policy allows, may open: not where the plan blocks the reverse cell whole (the policy
        denies it), nor where the reverse zone enters this device through filters that pass
        no TCP toward the source zone today."""
        reverse = [x for x in self.plan.blocks if (x.src_zone, x.dst_zone) == (b.dst_zone, b.src_zone)]
        if reverse:
            return any(x.allow for x in reverse)
        gateways = {x.interface for x in self.plan.blocks if x.src_zone == b.dst_zone and x.direction == "in"}
        if not gateways or not b.src or not b.dst:
            return True
        sessions = self.hs.match(
            Match(
                src=tuple(prefixes(IPSet(b.dst))),
                dst=tuple(prefixes(IPSet(b.src))),
                protocols=(PROTO_TCP,),
            )
        )
        return any(self.permits([], self.current_filter(n, "in"), sessions) for n in gateways)

    # ----------------------------------------------------------------- ACLs

    def render_acl(self, ifname: str, direction: str, aces: list[Ace]) -> None:
        findings = [
            i for b in self.plan.blocks if (b.interface, b.direction) == (ifname, direction) for i in b.findings
        ]
        findings += [i for r in self.plan.restricts for i in r.findings]
        iface = self.dev.interfaces.get(ifname)
        start = self.iface_line(ifname)
        if iface is None or start is None:
            self.out.leave(findings, both("fix.left.ruijie_no_interface", interface=ifname))
            return
        current = iface.filter_in if direction == "in" else iface.filter_out
        flt = self.dev.filters.get(current) if current else None
        why = iface.partial or (flt.partial if flt is not None else None)
        if why or (current is not None and (flt is None or flt.kind == "synthesized")):
            self.out.leave(findings, both("fix.left.ruijie_partial", interface=ifname, why=str(why or current)))
            return
        texts = [a.text() for a in aces]
        if current is None:
            self.shared_acl(ifname, direction, texts, "new", [*texts, "permit ip any any"], None)
            return
        old = _old_entries(self.tx, _find_acl(self.tx, current))
        if old is None:
            self.out.leave(findings, both("fix.left.ruijie_partial", interface=ifname, why=current))
            return
        self.shared_acl(ifname, direction, texts, "rgos", texts + old, current)

    def bind(self, if_header: str, start: int, ag_line: int | None, direction: str, name: str, old: str | None) -> None:
        """``no ip access-group OLD`` then ``ip access-group NEW`` (whether a second binding
        replaces the first is not established for RGOS); the rollback binds OLD again."""
        cfg, rb = [if_header], [if_header, f" no ip access-group {name} {direction}"]
        if old is not None:
            cfg.append(f" no ip access-group {old} {direction}")
            rb.append(f" ip access-group {old} {direction}")
            self.out.note(**both("fix.note.ruijie_rebind", interface=if_header.split(None, 1)[-1], acl=old))
        self.out.config += [*cfg, f" ip access-group {name} {direction}", "exit"]
        self.out.rollback += [*rb, "exit"]
        self.bind_text(start, ag_line, f" ip access-group {name} {direction}")

    def render_unbinds(self) -> None:
        return None  # an undefined ACL is partial on RGOS (render_acl leaves it)

    def render_antispoof(self) -> None:
        for a in self.plan.antispoofs:
            self.out.leave(a.findings, both("fix.left.ruijie_urpf", device=self.dev.hostname, interface=a.interface))

    # ----------------------------------------------------------------- management plane

    def mgmt_acl(self) -> str:
        """A standard ACL of the management subnets: one the file has that permits exactly
        them, else ``NETAUDIT-MGMT`` (written by :meth:`prelude`)."""
        if self.mgmt_name is None:
            want = self.hs.addr("src_ip", prefixes(IPSet(self.mgmt)))
            for name, flt in sorted(self.dev.filters.items()):
                kind = _find_acl(self.tx, name).kind
                if kind.endswith("standard") and not flt.partial and flt.lines and self._permitted(flt) == want:
                    self.mgmt_name = name
                    break
            else:
                self.mgmt_acl_needed = True
                self.mgmt_name = MGMT_ACL
        return self.mgmt_name

    def services(self) -> None:
        """``no enable service …`` for telnet and the web server, each after the line that
        switched it (kept: the parser reads the last line of each), else before the first
        interface; the rollback issues the old lines again.

        Never the last remote management path the policy allows (the management zone's):
        where SSH is not surely on (``enable service ssh-server``), telnet — which the vty
        ``access-class`` limits to the management zone — stays, else the web server, each
        left with the reason (:meth:`keep_last_path`)."""
        rs = {r.service: r for r in self.plan.restricts}
        # HTTPS that the parser cannot tell on or off (a bare `[no] enable service web-server`)
        # on a device zones reach against the policy: off for sure, or it stays unknown
        unsure = any(s.name == "https" and s.partial for s in self.dev.services) and any(r.zones for r in rs.values())
        going = ["telnet"] if "telnet" in rs else []
        going += [kind for kind in ("http", "https") if kind in rs or (kind == "https" and unsure)]
        kept = self.keep_last_path(going, rs)
        going = [name for name in going if name not in kept]
        off = [("telnet-server", "telnet-server")] if "telnet" in going else []
        web = [kind for kind in ("http", "https") if kind in going]
        off += [("web-server", f"web-server {kind}") for kind in web]
        snmp = rs.get("snmp")
        if snmp is not None and not self.mgmt:
            off.append(("snmp-agent", "snmp-agent"))
        for word, what in off:
            lines = [i for i, t in enumerate(self.tx.lines) if re.match(_ENABLE_SERVICE.format(word), t, re.I)]
            at = (
                lines[-1] + 1
                if lines
                else next(
                    (i for i, t in enumerate(self.tx.lines) if t.lower().startswith("interface ")), self.tx.anchor()
                )
            )
            self.out.config.append(f"no enable service {what}")
            self.out.rollback += [t for t in (self.tx.lines[i].strip() for i in lines) if t not in self.out.rollback]
            self.tx.before.setdefault(at, []).append(f"no enable service {what}")
        if "https" in web:
            self.out.note(**both("fix.note.ruijie_web_off"))
            if not self.service_on("https"):
                # the configuration does not say whether HTTPS ran: the rollback cannot say either
                self.out.rollback.append(both("fix.note.ruijie_https_rollback")["en"])
        if any(w != "snmp-agent" for w, _ in off) and self.service_on("ssh"):
            self.out.note(**both("fix.note.ruijie_ssh_first"))

    def service_on(self, name: str) -> bool:
        """Whether the configuration surely switches ``name`` on (``enable service …``)."""
        facts = self.dev.facts
        got = facts.enable_service.get(name) if isinstance(facts, RuijieFacts) else None
        return got is not None and got[0]

    def keep_last_path(self, going: list[str], rs: dict[str, Restrict]) -> list[str]:
        """The servers among ``going`` that stay on so that the management zone keeps a
        remote way in: none where SSH is surely on, or a server surely on stays anyway;
        else telnet (limited to the management zone by the vty ``access-class``), then
        HTTPS, then HTTP — up to the first that is surely on (each one only maybe on is
        kept too: turning it off could be what leaves only the console).  Without a
        management zone the policy allows no remote way in (the console note says so)."""
        if not self.mgmt or self.service_on("ssh"):
            return []
        if any(self.service_on(n) for n in ("telnet", "http", "https") if n not in going):
            return []
        kept: list[str] = []
        for name in ("telnet", "https", "http"):
            if name not in going:
                continue
            kept.append(name)
            if self.service_on(name):
                break
        if kept:
            why = both("fix.left.ruijie_last_path", device=self.dev.hostname, services=", ".join(kept))
            for name in kept:
                if name in rs:
                    self.out.leave(rs[name].findings, why)
            self.out.note(**both("fix.note.ruijie_last_path", device=self.dev.hostname, services=", ".join(kept)))
        return kept

    def render_vty(self) -> None:
        """``access-class ACL in`` on every ``line vty`` block (telnet goes by ``enable
        service``, not by ``transport input``)."""
        if not self.mgmt or not any(r.service in ("ssh", "telnet") for r in self.plan.restricts):
            return
        acl = self.mgmt_acl()
        vty = [i for i, t in enumerate(self.tx.lines) if re.match(r"^line vty\b", t, re.I)]
        if not vty:
            self.out.config += ["line vty 0 4", f" access-class {acl} in", "exit"]
            self.out.rollback += ["line vty 0 4", f" no access-class {acl} in", "exit"]
            end = next((i for i, t in enumerate(self.tx.lines) if re.match(r"^end\s*$", t)), len(self.tx.lines))
            self.tx.before.setdefault(end, []).extend(["line vty 0 4", f" access-class {acl} in"])
        for i in vty:
            header, end = self.tx.lines[i].strip(), self.tx.block_end(i)
            old = next((j for j in range(i + 1, end) if self.tx.lines[j].split()[:1] == ["access-class"]), None)
            self.out.config += [header, f" access-class {acl} in", "exit"]
            undo = f" {self.tx.lines[old].strip()}" if old is not None else f" no access-class {acl} in"
            self.out.rollback += [header, undo, "exit"]
            if old is not None:
                self.tx.replace[old] = [f" access-class {acl} in"]
            else:
                self.tx.before.setdefault(end, []).append(f" access-class {acl} in")

    def render_snmp(self) -> None:
        """Every ``snmp-server community [0|7] NAME …`` bound to the management ACL; one tied
        to a manager's address (``host A``, partial in the parser) is left as it is."""
        if not self.mgmt or not any(r.service == "snmp" for r in self.plan.restricts):
            return
        for i, t in enumerate(self.tx.lines):
            toks = t.split()
            if len(toks) < 3 or [w.lower() for w in toks[:2]] != ["snmp-server", "community"]:
                continue
            if "host" in (w.lower() for w in toks):
                continue
            head = 4 if toks[2] in ("0", "7", "8") and len(toks) > 3 else 3
            new = _community_with_acl(toks, self.mgmt_acl(), head)
            self.out.config.append(new)
            self.out.rollback.append(t.strip())
            self.tx.replace[i] = [new]
        self.out.note(**both("fix.note.ruijie_snmp"))

    def prelude(self) -> tuple[list[str], list[str]]:
        if not self.mgmt_acl_needed or _find_acl(self.tx, MGMT_ACL).kind != "none":
            return [], []
        block = [f"ip access-list standard {MGMT_ACL}"]
        for k, n in enumerate(IPSet(self.mgmt).iter_cidrs()):
            net = IPNetwork(n)
            src = f"host {net.ip}" if net.prefixlen == 32 else f"{net.network} {net.hostmask}"
            block.append(f" {10 * (k + 1)} permit {src}")
        self.tx.tail[:0] = [*block, "!"]
        return [*block, "exit"], [f"no ip access-list standard {MGMT_ACL}"]

    # ----------------------------------------------------------------- the change set

    def render(self) -> Rendered:
        self.plan_blocks()
        self.plan_control_plane()
        self.plan_mgmt_antispoof()
        if any(e.proto == PROTO_ICMP for aces in self.entries.values() for e in aces):
            self.out.note(**both("fix.note.ruijie_icmp_all"))
        self.render_acls()
        self.note_copies()
        self.render_antispoof()
        self.note_console_only()
        self.services()
        self.render_vty()
        self.render_snmp()
        return self.finish([both("fix.note.ruijie_before"), both("fix.note.ruijie_apply_from")])


def render(plan: DevicePlan, device: Device, text: str) -> Rendered:
    """The change set of ``plan`` for the RGOS ``device`` whose configuration is ``text``."""
    return _RgRenderer(plan, device, text).render()


__all__ = ["render"]
