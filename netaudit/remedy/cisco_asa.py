"""Cisco ASA change sets (docs/remedy.md): one ordered change set per device.

The ASA is stateful and checks the inbound ACL of the interface a connection enters by
(8.3+: against real, untranslated addresses), before routing; an interface without one
is governed by the security levels, and binding an ACL to it **replaces** that level
rule (docs/vendors/cisco_asa.md).  So:

* **Blocks** (``in``, at the source zone's interface) become entries at the **top** of
  that interface's inbound ACL (``access-list A line 1 extended deny …``); the services
  the policy still allows are permitted first, only where the ACL permits them today
  (a permit must not open what it denied).  Where the interface has no ACL:
  - with a global ACL, a new interface ACL of denies only (the global ACL still decides
    the rest: the interface ACL has no implicit deny of its own then);
  - otherwise a new ACL of the denies, then **what the security levels allowed**: denies
    toward the destinations routed out of higher-level interfaces, then ``permit ip``
    from the interface's own sources (connected and routed behind it) — never ``permit
    ip any any``, which would open lower→higher and spoofed traffic.
* **Blocks from an external zone** (``out`` in the plan: the plan gives no source and the
  destination's interface): on the ASA the exact place is the inbound ACL of the
  interfaces the external packets enter by (those holding the default route, or routing
  the block's source), where ``deny ip any DST`` matches the real address — translated
  connections included — and no reply (stateful) is affected.  A fully understood
  ``permit ip any any`` in such an ACL (below the top level, or receiving blocks) is
  replaced by what the security levels would allow there (nothing, on the lowest level).
  A block the rest of the list already stops still gets its explicit deny on top; one
  with allowed services that the list already limits to them adds no entry.  FTD: the
  same rules are to be made in FMC/FDM (a note says so).
* **Restrictions**: ``ssh``/``http`` lines limited to the management subnets (others
  removed with ``no …``; an ``ssh <mgmt> <mgmt nameif>`` added when none is left; ``no
  http server enable`` when no ``http`` line is left), every ``telnet`` line removed,
  ``icmp deny any echo <nameif>`` where the zones that pinged enter (their ``icmp
  permit`` lines removed; the other ICMP types permitted after it as before), SNMP
  pollers outside the management subnets removed.
* The same change is applied textually (``patched``) so the ASA parser reads the device
  as it will be; ``rollback`` removes the new entries, then restores removed lines at
  their old ``line`` numbers, then the new ACLs and objects.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from netaddr import IPAddress, IPNetwork, IPSet

from .. import filters
from ..headerspace import HeaderSpace, service_match
from ..model import PROTO_ICMP, Action, AddrMatch, Device, Filter, FilterLine, Match, Src
from ..model import PortRange as _PortRange
from . import Rendered
from .entries import PROTO_WORDS, service_aces, service_words
from .plan import Block, DevicePlan, Restrict

PREFIX = "NETAUDIT"

_IP = r"\d{1,3}(?:\.\d{1,3}){3}"
_MGMT_LINE = re.compile(rf"^(ssh|http|telnet)\s+({_IP})\s+({_IP})\s+(\S+)\s*$", re.I)
_ICMP_LINE = re.compile(r"^icmp\s+(permit|deny)\s+(.+?)\s+(\S+)\s*$", re.I)
_SNMP_HOST = re.compile(rf"^snmp-server\s+host\s+(\S+)\s+({_IP})\b", re.I)
_OBJ_HEADER = re.compile(r"^object(?:-group)?\s+(network|service|protocol|icmp-type|user|security)\s+(\S+)", re.I)


# --------------------------------------------------------------------------- addresses


@dataclass(frozen=True)
class Ref:
    """An address side of an entry: ``any``, ``host``/subnet, or an object or group."""

    nets: tuple[IPNetwork, ...] = ()  # () = any
    name: str | None = None  # object / object-group name (nets are its members)
    group: bool = False

    def text(self) -> str:
        if not self.nets:
            return "any"
        if self.name:
            return f"object-group {self.name}" if self.group else f"object {self.name}"
        n = self.nets[0]
        return f"host {n.ip}" if n.prefixlen == 32 else f"{n.network} {n.netmask}"

    def addr(self) -> tuple[AddrMatch, ...] | None:
        return tuple(AddrMatch.prefix(n) for n in self.nets) if self.nets else None


@dataclass(frozen=True)
class Ace:
    action: str
    proto: int | None  # None = ip
    src: Ref
    dst: Ref
    ports: tuple[int, int] | None = None
    icmp_type: int | None = None

    def text(self) -> str:
        proto = "ip" if self.proto is None else PROTO_WORDS.get(self.proto, str(self.proto))
        return f"{self.action} {proto} {self.src.text()} {self.dst.text()}{service_words(self.ports, self.icmp_type)}"

    def match(self) -> Match:
        return Match(
            src=self.src.addr(),
            dst=self.dst.addr(),
            protocols=None if self.proto is None else (self.proto,),
            dst_ports=None if self.ports is None else (_PortRange(*self.ports),),
            icmp_type=self.icmp_type,
        )

    def line(self) -> FilterLine:
        return FilterLine(Action(self.action), [self.match()], Src("netaudit", 0, self.text()))


def _net_text(n: IPNetwork) -> str:
    return f"host {n.ip}" if n.prefixlen == 32 else f"{n.network} {n.netmask}"


# --------------------------------------------------------------------------- the text


@dataclass
class _Text:
    lines: list[str]
    before: dict[int, list[str]] = field(default_factory=dict)
    after: dict[int, list[str]] = field(default_factory=dict)
    replace: dict[int, list[str]] = field(default_factory=dict)

    def top(self, i: int) -> bool:
        return bool(self.lines[i]) and not self.lines[i][:1].isspace()

    def first(self, pattern: str) -> int | None:
        rx = re.compile(pattern, re.I)
        return next((i for i, t in enumerate(self.lines) if self.top(i) and rx.match(t)), None)

    def last(self, pattern: str) -> int | None:
        rx = re.compile(pattern, re.I)
        found = [i for i, t in enumerate(self.lines) if self.top(i) and rx.match(t)]
        return found[-1] if found else None

    def end(self) -> int:
        """Index of the closing ``: end`` / ``end`` line, else the end of the file."""
        for i in range(len(self.lines) - 1, -1, -1):
            if re.match(r"^(:\s*end|end)\s*$", self.lines[i].strip(), re.I):
                return i
        return len(self.lines)

    def insert_before(self, i: int, lines: list[str]) -> None:
        self.before.setdefault(i, []).extend(lines)

    def insert_after(self, i: int, lines: list[str]) -> None:
        self.after.setdefault(i, []).extend(lines)

    def render(self) -> str:
        out: list[str] = []
        for i, t in enumerate(self.lines):
            out += self.before.get(i, [])
            out += self.replace.get(i, [t])
            out += self.after.get(i, [])
        out += self.before.get(len(self.lines), [])
        return "\n".join(out) + "\n"


# --------------------------------------------------------------------------- output


@dataclass
class _Out:
    objects: list[str] = field(default_factory=list)
    config: list[str] = field(default_factory=list)
    rb_first: list[str] = field(default_factory=list)  # remove new entries and bindings
    rb_restore: list[str] = field(default_factory=list)  # put removed lines back
    rb_last: list[str] = field(default_factory=list)  # new ACLs, then objects
    notes: list[dict[str, str]] = field(default_factory=list)

    def note(self, vi: str, en: str) -> None:
        if not any(n["en"] == en for n in self.notes):
            self.notes.append({"vi": vi, "en": en})


@dataclass
class _AclPlan:
    """What happens to one inbound ACL (existing or new) of one interface."""

    interface: str  # real interface name
    nameif: str
    acl: str | None  # existing ACL name, None = new
    entries: list[Ace] = field(default_factory=list)
    remove: list[int] = field(default_factory=list)  # text indexes of existing lines removed
    tail: list[Ace] = field(default_factory=list)  # new ACL: after the entries


class _Renderer:
    def __init__(self, plan: DevicePlan, device: Device, text: str):
        self.plan, self.dev = plan, device
        self.tx = _Text(text.splitlines())
        self.out = _Out()
        self.hs = HeaderSpace()
        self.facts = device.facts
        self.mgmt: list[IPNetwork] = []
        for r in plan.restricts:
            for n in r.allow_from:
                if n not in self.mgmt:
                    self.mgmt.append(n)
        self.names = self._names()
        self.objects = self._objects()  # net -> existing object name
        self.new_objects: dict[tuple[IPNetwork, ...], Ref] = {}
        self.obj_defs: dict[str, list[str]] = {}  # new object name -> its definition
        self.used: set[str] = set()
        self.acls: dict[str, _AclPlan] = {}  # interface -> plan
        self.in_acl: dict[str, str] = {}  # interface -> inbound ACL
        self.global_acl: str | None = None
        for ag in getattr(self.facts, "access_groups", []):
            if ag.direction == "in" and ag.interface:
                self.in_acl[ag.interface] = ag.acl
            elif ag.direction == "global":
                self.global_acl = ag.acl
        self.mgmt_only = set(getattr(self.facts, "management_only", {}) or {})
        self.inter = getattr(self.facts, "same_security_inter", None) is not None
        self.intra = self.tx.first(r"^same-security-traffic\s+permit\s+intra-interface\b") is not None
        self.dests = self._destinations()

    # ----------------------------------------------------------------- the configuration

    def _names(self) -> set[str]:
        out = set(self.dev.filters)
        for t in self.tx.lines:
            m = _OBJ_HEADER.match(t)
            if m:
                out.add(m.group(2))
            toks = t.split()
            if len(toks) >= 2 and toks[0].lower() == "access-list":
                out.add(toks[1])
        return out

    def _objects(self) -> dict[IPNetwork, str]:
        """``object network`` blocks holding exactly one subnet or host."""
        out: dict[IPNetwork, str] = {}
        lines = self.tx.lines
        i = 0
        while i < len(lines):
            m = re.match(r"^object\s+network\s+(\S+)\s*$", lines[i], re.I)
            i += 1
            if not m:
                continue
            addrs = []
            while i < len(lines) and lines[i][:1].isspace():
                toks = lines[i].split()
                if toks and toks[0].lower() in ("subnet", "host", "range", "fqdn"):
                    addrs.append(toks)
                i += 1
            if len(addrs) != 1:
                continue
            toks = addrs[0]
            try:
                if toks[0].lower() == "subnet" and len(toks) == 3:
                    net = IPNetwork(f"{toks[1]}/{toks[2]}")
                elif toks[0].lower() == "host" and len(toks) == 2:
                    net = IPNetwork(f"{toks[1]}/32")
                else:
                    continue
            except (ValueError, TypeError):
                continue
            out.setdefault(net.cidr, m.group(1))
        return out

    def new_name(self, base: str) -> str:
        name = re.sub(r"[^A-Za-z0-9_-]+", "-", f"{PREFIX}-{base}".upper()).strip("-")[:60]
        cand, k = name, 2
        while cand in self.names:
            cand, k = f"{name}-{k}", k + 1
        self.names.add(cand)
        return cand

    def ref(self, nets: list[IPNetwork], label: str) -> Ref:
        """An address side for ``nets`` (any when empty): a host or a subnet as an
        existing object when one holds exactly it, else a new object or group."""
        cidrs = tuple(IPSet(nets).iter_cidrs())
        if not cidrs or (len(cidrs) == 1 and cidrs[0].prefixlen == 0):
            return Ref()
        if cidrs in self.new_objects:
            return self.new_objects[cidrs]
        if len(cidrs) == 1:
            if cidrs[0] in self.objects:
                return Ref(cidrs, self.objects[cidrs[0]])
            if cidrs[0].prefixlen == 32:
                return Ref(cidrs)
            name = self.new_name(label)
            ref = Ref(cidrs, name)
            self.obj_defs[name] = [f"object network {name}", f" subnet {cidrs[0].network} {cidrs[0].netmask}"]
        else:
            name = self.new_name(label)
            ref = Ref(cidrs, name, group=True)
            self.obj_defs[name] = [f"object-group network {name}", *[f" network-object {_net_text(n)}" for n in cidrs]]
        self.new_objects[cidrs] = ref
        return ref

    def use(self, aces: list[Ace]) -> list[Ace]:
        """Mark the new objects ``aces`` name as used (only those are defined)."""
        for a in aces:
            for r in (a.src, a.dst):
                if r.name in self.obj_defs:
                    self.used.add(r.name)
        return aces

    def nameif(self, ifname: str) -> str | None:
        iface = self.dev.interfaces.get(ifname)
        return iface.zone if iface is not None else None

    def named(self) -> list[str]:
        """Up, nameif'd interfaces with a level and addresses."""
        return [
            n
            for n, i in self.dev.interfaces.items()
            if i.zone and not i.shutdown and i.security_level is not None and (i.addresses or i.dynamic_address)
        ]

    def _destinations(self) -> dict[str, IPSet]:
        """The destinations each interface routes (longest prefix match over connected
        and static routes of the default VRF)."""
        prefixes: list[tuple[IPNetwork, str]] = []
        for n in self.named():
            for a in self.dev.interfaces[n].addresses:
                prefixes.append((a.cidr, n))
        for rt in self.dev.routes:
            if rt.vrf != "default" or rt.drop or rt.table is not None:
                continue
            name = rt.interface or self.iface_of_hop(rt.next_hop)
            if name is not None:
                prefixes.append((rt.prefix.cidr, name))
        out: dict[str, IPSet] = {}
        covered = IPSet()
        by_len: dict[int, list[tuple[IPNetwork, str]]] = {}
        for p, n in prefixes:
            by_len.setdefault(p.prefixlen, []).append((p, n))
        for plen in sorted(by_len, reverse=True):
            layer = IPSet()
            for p, n in by_len[plen]:
                out[n] = out.get(n, IPSet()) | (IPSet([p]) - covered)
                layer.add(p)
            covered |= layer
        return out

    def iface_of_hop(self, hop: int | None) -> str | None:
        if hop is None:
            return None
        for n, iface in self.dev.interfaces.items():
            for a in iface.addresses:
                if IPAddress(hop) in a.cidr:
                    return n
        return None

    def default_ifaces(self) -> list[str]:
        out = []
        for rt in self.dev.routes:
            if rt.prefix.prefixlen == 0 and not rt.drop and rt.vrf == "default" and rt.table is None:
                name = rt.interface or self.iface_of_hop(rt.next_hop)
                if name and name not in out and name not in self.mgmt_only:
                    out.append(name)
        return out

    def sources(self, ifname: str) -> list[IPNetwork] | None:
        """Addresses hosts behind the interface send from: its connected subnets and the
        static routes through it; None = any (a default route or dynamic routing)."""
        if self.dev.dynamic_routing:
            return None
        dest = self.dests.get(ifname, IPSet())
        for rt in self.dev.routes:
            if rt.prefix.prefixlen == 0 and (rt.interface or self.iface_of_hop(rt.next_hop)) == ifname:
                return None
        return list(dest.iter_cidrs())

    def level(self, ifname: str) -> int:
        lv = self.dev.interfaces[ifname].security_level
        return lv if lv is not None else 0

    # ----------------------------------------------------------------- ACL text

    def acl_lines(self, name: str) -> list[int]:
        out = []
        for i, t in enumerate(self.tx.lines):
            toks = t.split()
            if len(toks) >= 2 and toks[0].lower() == "access-list" and toks[1] == name:
                out.append(i)
        return out

    def base(self, ap: _AclPlan) -> Filter:
        """What decides after the new entries: the existing ACL as it will be (then the
        global ACL, if any), or — for a new ACL — what the levels allowed (or the global ACL)."""
        glob = self.dev.filters.get(self.global_acl) if self.global_acl else None
        lines: list[FilterLine] = []
        if ap.acl is not None:
            after = self.acl_after(ap)
            lines += after.lines if after is not None else []
        elif glob is None:
            lines += [a.line() for a in self.level_aces(ap.interface)]
        lines += glob.lines if glob is not None else []
        return Filter("base", lines)

    def acl_after(self, ap: _AclPlan) -> Filter | None:
        """The existing ACL as it will be: removed lines replaced by ``ap.tail``."""
        flt = self.dev.filters.get(ap.acl or "")
        if flt is None:
            return None
        gone = {i + 1 for i in ap.remove}
        lines: list[FilterLine] = []
        for ln in flt.lines:
            if ln.source.line in gone:
                if ln.source.line == min(gone):
                    lines += [a.line() for a in ap.tail]
                continue
            lines.append(ln)
        return Filter(flt.name, lines, flt.default_action)

    def permitted(self, lines: list[FilterLine], base: Filter | None, implicit_deny: bool):
        """(sure, maybe) permitted sets of ``lines`` then ``base``'s lines, then the
        implicit deny (or, without it, a permit: the global ACL is out of our view)."""
        rest = list(base.lines) if base is not None else []
        tail = [] if implicit_deny else [FilterLine(Action.PERMIT, [Match()], Src("netaudit", 0))]
        flt = Filter("probe", [*lines, *rest, *tail])
        sure, maybe, _ = filters.permitted(self.hs, flt, filters.line_sets(self.hs, flt, None, None))
        return sure, maybe

    # ----------------------------------------------------------------- blocks

    def acl_plan(self, ifname: str) -> _AclPlan:
        if ifname not in self.acls:
            self.acls[ifname] = _AclPlan(ifname, self.nameif(ifname) or ifname, self.in_acl.get(ifname))
            self.replace_any_any(self.acls[ifname])
        return self.acls[ifname]

    def replace_any_any(self, ap: _AclPlan) -> None:
        """A fully understood ``permit ip any any`` in an ACL bound inbound below the top
        level (or receiving blocks) is replaced by what the security levels allow there."""
        if ap.acl is None:
            return
        flt = self.dev.filters.get(ap.acl)
        if flt is None:
            return
        for ln in flt.lines:
            if ln.action != Action.PERMIT or ln.partial or not any(m == Match() for m in ln.matches):
                continue
            idx = ln.source.line - 1
            if not (0 <= idx < len(self.tx.lines)) or ap.acl not in self.tx.lines[idx]:
                continue
            ap.remove.append(idx)
            ap.tail = self.level_aces(ap.interface)
            what = "; ".join(a.text() for a in ap.tail) or "-"
            self.out.note(
                f"{ap.nameif}: dòng “{self.tx.lines[idx].strip()}” cho phép mọi lưu lượng và thay thế quy tắc mức bảo "
                f"mật; được gỡ bỏ, thay bằng đúng những gì mức bảo mật cho phép ({what}).",
                f"{ap.nameif}: “{self.tx.lines[idx].strip()}” permits everything and replaces the security-level rule; "
                f"it is removed and replaced by what the security levels allow there ({what}).",
            )

    def level_aces(self, ifname: str) -> list[Ace]:
        """What the security levels let in by ``ifname``, as ACL entries."""
        lv = self.level(ifname)
        forbidden, allowed = IPSet(), IPSet()
        for n in self.named():
            if n in self.mgmt_only:
                continue
            d = self.dests.get(n, IPSet())
            if n == ifname:
                if self.intra:
                    allowed |= d
            elif self.level(n) > lv:
                forbidden |= d
            elif self.level(n) < lv or self.inter:
                allowed |= d
            else:
                forbidden |= d  # same level without inter-interface: the gate stops it anyway
        if not allowed.size:
            return []
        src_nets = self.sources(ifname)
        nameif = self.nameif(ifname) or ifname
        src = self.ref(src_nets, f"{nameif}-NETS") if src_nets else Ref()
        if not forbidden.size and src.nets:
            return [Ace("permit", None, src, Ref())]
        f_cidrs, a_cidrs = list(forbidden.iter_cidrs()), list(allowed.iter_cidrs())
        if src.nets and len(f_cidrs) <= len(a_cidrs):
            return [
                Ace("deny", None, Ref(), self.ref(f_cidrs, f"{nameif}-HIGHER")),
                Ace("permit", None, src, Ref()),
            ]
        return [Ace("permit", None, src, self.ref(a_cidrs, f"{nameif}-LOWER"))]

    def plan_blocks(self) -> None:
        for b in self.plan.blocks:
            if b.direction == "in":
                self.add_block(b, b.interface, b.src)
                continue
            # From an external (or WAN) zone: where its packets enter the ASA.
            if b.src:
                entry = [
                    n
                    for n in self.named()
                    if n != b.interface and n not in self.mgmt_only and self.dests.get(n, IPSet()) & IPSet(b.src)
                ]
            else:
                entry = [n for n in self.default_ifaces() if n != b.interface]
            if not entry:
                self.out.note(
                    f"Không xác định được cổng mà {b.src_zone} đi vào tường lửa (không có tuyến mặc định): chưa chặn "
                    f"{b.src_zone} → {b.dst_zone}.",
                    f"No interface found by which {b.src_zone} enters the firewall (no default route): "
                    f"{b.src_zone} → {b.dst_zone} is not blocked.",
                )
                continue
            for n in entry:
                self.add_block(b, n, b.src)

    def add_block(self, b: Block, ifname: str, src_nets: list[IPNetwork]) -> None:
        if ifname not in self.dev.interfaces or not self.nameif(ifname):
            self.out.note(
                f"Cổng {ifname} không có nameif: bỏ qua phần chặn {b.src_zone} → {b.dst_zone} tại đó.",
                f"Interface {ifname} has no nameif: the block {b.src_zone} → {b.dst_zone} there is skipped.",
            )
            return
        ap = self.acl_plan(ifname)
        # Source: the zone's subnets, or any when they are all that arrives by this
        # interface (a forged source is stopped too; an interface ACL sees only them).
        here = self.sources(ifname)
        src_nets = list(src_nets)
        if src_nets and here is not None and IPSet(here).issubset(IPSet(src_nets)):
            src_nets = []
        src = self.ref(src_nets, f"{b.src_zone}") if src_nets else Ref()
        dst = self.ref(list(b.dst), f"{b.dst_zone}")
        new: list[Ace] = []
        pkts = self.hs.match(Ace("deny", None, src, dst).match())
        allowed = self.hs.false
        for svc in b.allow:
            allowed |= self.hs.match(service_match(svc))
        sure, maybe = self.permitted([a.line() for a in ap.entries], self.base(ap), True)
        if ap.acl is not None and ((sure | maybe) & pkts & ~allowed) == self.hs.false and b.allow:
            # Permits for the allowed services would have to copy the list's own.
            self.out.note(
                f"{ap.nameif}: ACL {ap.acl} đã chặn {b.src_zone} → {b.dst_zone} ngoài các dịch vụ được phép "
                f"({', '.join(b.allow)}): không thêm mục.",
                f"{ap.nameif}: ACL {ap.acl} already stops {b.src_zone} → {b.dst_zone} beyond the allowed "
                f"services ({', '.join(b.allow)}): no entry added.",
            )
            return
        # A block already stopped by a later line or the implicit deny still gets its
        # explicit deny on top: it stays stopped whatever is added to the list later.
        for svc in b.allow:
            for ace in service_aces("permit", svc, src, dst, Ace):
                p = self.hs.match(ace.match())
                if (sure & p) == self.hs.false:
                    continue  # not permitted today: the deny keeps it so
                if (p & ~sure) != self.hs.false:
                    self.out.note(
                        f"{ap.nameif}: “{ace.text()}” rộng hơn những gì cổng này cho phép hiện nay; kiểm tra lại.",
                        f"{ap.nameif}: “{ace.text()}” is wider than what this interface permits today; review it.",
                    )
                new.append(ace)
        new.append(Ace("deny", None, src, dst))
        for a in new:
            if a not in ap.entries:
                ap.entries.append(a)

    # ----------------------------------------------------------------- control plane

    def reach_ifaces(self, r: Restrict) -> list[str]:
        """Interfaces where the zones that reached ``r`` enter: their block interfaces,
        or every up nameif'd interface that is not the management one."""
        by_zone: dict[str, set[str]] = {}
        for b in self.plan.blocks:
            if b.direction == "in":
                by_zone.setdefault(b.src_zone, set()).add(b.interface)
        if r.zones and all(z in by_zone for z in r.zones):
            return sorted({n for z in r.zones for n in by_zone[z]})
        mgmt_ifs = self.mgmt_ifaces()
        return [n for n in self.named() if n not in mgmt_ifs]

    def mgmt_ifaces(self) -> set[str]:
        out = set()
        mg = IPSet(self.mgmt)
        for n, d in self.dests.items():
            if mg and (d & mg).size:
                out.add(n)
        return out

    def mgmt_nameifs(self) -> list[str]:
        order = {n: i for i, n in enumerate(self.dev.interfaces)}
        ifs = sorted(self.mgmt_ifaces(), key=lambda n: (n not in self.mgmt_only, order.get(n, 0)))
        return [self.nameif(n) or n for n in ifs]

    def render_mgmt_lines(self) -> None:
        wanted = {r.service: r for r in self.plan.restricts}
        mg = IPSet(self.mgmt)
        mgmt_nameifs = self.mgmt_nameifs()
        kept: dict[str, int] = {"ssh": 0, "http": 0}
        last: dict[str, int] = {}
        for i, t in enumerate(self.tx.lines):
            m = _MGMT_LINE.match(t.strip()) if self.tx.top(i) else None
            if not m:
                continue
            proto, nameif = m.group(1).lower(), m.group(4)
            last[proto] = i
            service = {"ssh": "ssh", "http": "https", "telnet": "telnet"}[proto]
            r = wanted.get(service) or (wanted.get("http") if proto == "http" else None)
            try:
                net = IPNetwork(f"{m.group(2)}/{m.group(3)}")
            except (ValueError, TypeError):
                continue
            if r is None:
                if proto in kept:
                    kept[proto] += 1
                continue
            if proto == "telnet" or not mg:
                self.remove_line(i)
                continue
            if IPSet([net]).issubset(mg):
                kept[proto] += 1
                continue
            if nameif in mgmt_nameifs and (IPSet([net]) & mg).size:
                narrowed = [f"{proto} {n.network} {n.netmask} {nameif}" for n in (IPSet([net]) & mg).iter_cidrs()]
                self.remove_line(i, narrowed)
                kept[proto] += len(narrowed)
                continue
            self.remove_line(i)
        if "telnet" in wanted and self.mgmt:
            self.out.note(
                "Telnet bị tắt (truyền mật khẩu dạng rõ): quản trị qua SSH từ vùng quản trị.",
                "Telnet is turned off (cleartext passwords): manage over SSH from the management zone.",
            )
        if "ssh" in wanted and not kept["ssh"] and self.mgmt and mgmt_nameifs:
            new = [f"ssh {n.network} {n.netmask} {mgmt_nameifs[0]}" for n in IPSet(self.mgmt).iter_cidrs()]
            self.add_lines(new, last.get("ssh"), r"^ssh\s")
            self.out.note(
                "SSH chỉ còn từ vùng quản trị: kiểm tra đã có khóa (crypto key generate rsa modulus 2048) và "
                "aaa authentication ssh console LOCAL.",
                "SSH is left from the management zone only: check that a key exists (crypto key generate rsa "
                "modulus 2048) and aaa authentication ssh console LOCAL.",
            )
        if "ssh" in wanted and not self.mgmt:
            self.out.note(
                "Không có vùng quản trị trong tệp site: các dòng ssh bị gỡ, chỉ còn cổng console (khai báo một vùng "
                "kind: management rồi chạy lại).",
                "No management zone in the site file: the ssh lines are removed, only the console is left (declare "
                "a zone of kind: management and run again).",
            )
        if {"telnet", "https", "http"} & set(wanted) and not self.mgmt and "ssh" not in wanted:
            self.out.note(
                "Không có vùng quản trị trong tệp site: các dòng telnet/http của các vùng bị gỡ, chỉ còn cổng "
                "console — áp dụng từ console (muốn giữ quản trị từ xa: khai báo một vùng kind: management rồi "
                "chạy lại).",
                "No management zone in the site file: the zones' telnet/http lines are removed, only the console "
                "is left — apply this from the console (to keep remote management: declare a zone of kind: "
                "management and run again).",
            )
        if ("https" in wanted or "http" in wanted) and not kept["http"]:
            for i, t in enumerate(self.tx.lines):
                if self.tx.top(i) and re.match(r"^http\s+server\s+enable\b", t.strip(), re.I):
                    self.remove_line(i, command="no http server enable")
                    self.out.note(
                        "ASDM (http server) bị tắt: không còn dòng http nào cho vùng quản trị.",
                        "ASDM (http server) is turned off: no http line is left for the management zone.",
                    )

    def remove_line(self, i: int, replacement: list[str] | None = None, command: str | None = None) -> None:
        """Remove top-level line ``i`` (by ``command``, default ``no <line>``), optionally
        putting ``replacement`` lines in its place."""
        old = self.tx.lines[i].strip()
        self.out.config.append(command or f"no {old}")
        self.out.config += replacement or []
        self.out.rb_first += [f"no {new}" for new in replacement or []]
        self.out.rb_restore.append(old)
        self.tx.replace[i] = list(replacement or [])

    def add_lines(self, new: list[str], after: int | None, pattern: str) -> None:
        self.out.config += new
        self.out.rb_first += [f"no {x}" for x in new]
        pos = after if after is not None else self.tx.last(pattern)
        if pos is not None:
            self.tx.insert_after(pos, new)
        else:
            self.tx.insert_before(self.tx.end(), new)

    def render_antispoof(self) -> None:
        """``ip verify reverse-path interface`` (strict uRPF) where a zone that forges
        source addresses enters: its hosts can only send with their own addresses."""
        have = {t.strip().lower() for t in self.tx.lines}
        new = []
        for a in self.plan.antispoofs:
            nif = self.nameif(a.interface)
            line = f"ip verify reverse-path interface {nif}"
            if nif and line.lower() not in have and line not in new:
                new.append(line)
        if new:
            self.add_lines(new, None, r"^ip verify reverse-path\s")
            self.out.note(
                "Chống giả mạo địa chỉ nguồn: ip verify reverse-path trên "
                + ", ".join(x.split()[-1] for x in new)
                + " — gói có địa chỉ nguồn không được định tuyến ngược về đúng cổng nhận sẽ bị loại (show "
                "ip verify statistics).",
                "Source anti-spoofing: ip verify reverse-path on "
                + ", ".join(x.split()[-1] for x in new)
                + " — a packet whose source is not routed back through the interface it came in by is dropped "
                "(show ip verify statistics).",
            )

    def render_icmp(self) -> None:
        rs = [r for r in self.plan.restricts if r.protocol == PROTO_ICMP]
        if not rs:
            return
        mg = IPSet(self.mgmt)
        targets: list[str] = []
        for r in rs:
            for n in self.reach_ifaces(r):
                nif = self.nameif(n)
                if nif and nif not in targets:
                    targets.append(nif)
        existing: dict[str, list[tuple[int, str, str]]] = {}
        last = None
        for i, t in enumerate(self.tx.lines):
            m = _ICMP_LINE.match(t.strip()) if self.tx.top(i) else None
            if not m:
                continue
            last = i
            existing.setdefault(m.group(3), []).append((i, m.group(1).lower(), m.group(2)))
        new: list[str] = []
        for nif in targets:
            has_deny = False
            every_type: list[str] = []  # removed permits of every ICMP type: kept for the other types
            for i, action, spec in existing.get(nif, []):
                toks = spec.split()
                if action == "deny":
                    if toks[0].lower() == "any" and (len(toks) == 1 or toks[1].lower() in ("echo", "8")):
                        has_deny = True
                    continue
                if not _icmp_may_echo(toks):
                    continue
                src = _icmp_src(toks)
                if src is not None and mg and IPSet([src]).issubset(mg):
                    continue
                self.remove_line(i)
                if _icmp_every_type(toks):
                    every_type.append(f"icmp permit {spec} {nif}")
            if not has_deny:
                new.append(f"icmp deny any echo {nif}")
                # The first icmp rule of an interface ends its default permit: an implicit
                # deny follows the rules, unreachables (path MTU discovery) included
                # (docs/vendors/cisco_asa.md). Every other type stays as it was.
                if not existing.get(nif):
                    new.append(f"icmp permit any {nif}")
                new += [x for x in every_type if x not in new]
        if new:
            self.add_lines(new, last, r"^icmp\s+(permit|deny)\s")

    def render_snmp(self) -> None:
        if not any(r.service == "snmp" for r in self.plan.restricts):
            return
        mg = IPSet(self.mgmt)
        for i, t in enumerate(self.tx.lines):
            m = _SNMP_HOST.match(t.strip()) if self.tx.top(i) else None
            if not m:
                continue
            if mg and IPAddress(m.group(2)) in mg:
                continue
            self.out.config.append(f"no snmp-server host {m.group(1)} {m.group(2)}")
            self.out.rb_restore.append(t.strip())
            self.tx.replace[i] = []
        self.out.note(
            "Dòng snmp-server host được khôi phục khi hoàn tác chứa chuỗi community: giữ tệp hoàn tác như chính "
            "cấu hình; nên chuyển sang SNMPv3.",
            "The snmp-server host lines the rollback restores hold the community: keep the rollback file as safe as "
            "the configuration itself; prefer SNMPv3.",
        )

    def render_other_restricts(self) -> None:
        done = {"ssh", "telnet", "https", "http", "snmp"}
        for r in self.plan.restricts:
            if r.service in done or r.protocol == PROTO_ICMP:
                continue
            self.out.note(
                f"Dịch vụ {r.service} của thiết bị mở cho {', '.join(r.zones) or '?'}: netaudit chưa sinh lệnh ASA "
                "cho dịch vụ này; giới hạn nó bằng tay.",
                f"Device service {r.service} reached from {', '.join(r.zones) or '?'}: netaudit writes no ASA "
                "command for it yet; restrict it by hand.",
            )

    # ----------------------------------------------------------------- ACL rendering

    def render_acls(self) -> list[str]:
        """The ACL part of the change set (after the objects)."""
        cfg: list[str] = []
        first_ag = self.tx.first(r"^access-group\s")
        last_ag = self.tx.last(r"^access-group\s")
        last_acl = self.tx.last(r"^access-list\s")
        for ifname, ap in self.acls.items():
            if not ap.entries and not ap.remove:
                continue
            self.use(ap.entries + ap.tail)
            if ap.acl is not None:
                lines = self.acl_lines(ap.acl)
                cfg += [f"access-list {ap.acl} line {k} extended {a.text()}" for k, a in enumerate(ap.entries, 1)]
                self.out.rb_first += [f"no access-list {ap.acl} extended {a.text()}" for a in ap.entries]
                if lines:
                    self.tx.insert_before(lines[0], [f"access-list {ap.acl} extended {a.text()}" for a in ap.entries])
                for idx in ap.remove:
                    old = self.tx.lines[idx].strip()
                    pos = lines.index(idx) + 1 if idx in lines else None
                    cfg.append(f"no {old}")
                    self.tx.replace[idx] = []
                    restored = old if pos is None else re.sub(r"^(access-list\s+\S+)\s+", rf"\1 line {pos} ", old)
                    self.out.rb_restore.append(restored)
                # What the levels allowed, after the old entries (the any-any's place).
                if ap.tail:
                    tail = [f"access-list {ap.acl} extended {a.text()}" for a in ap.tail]
                    cfg += tail
                    self.out.rb_first += [f"no {x}" for x in tail]
                    at = ap.remove[0] if ap.remove else (lines[-1] if lines else None)
                    if at is not None:
                        self.tx.insert_after(at, tail)
                continue
            name = self.new_name(f"{ap.nameif}-IN")
            levels = self.use([] if self.global_acl is not None else self.level_aces(ifname))
            body = [f"access-list {name} extended {a.text()}" for a in [*ap.entries, *levels]]
            cfg += body
            bind = f"access-group {name} in interface {ap.nameif}"
            cfg.append(bind)
            self.out.rb_first.append(f"no {bind}")
            self.out.rb_last.insert(0, f"clear configure access-list {name}")
            if last_acl is not None:
                self.tx.insert_after(last_acl, body)
            elif first_ag is not None:
                self.tx.insert_before(first_ag, body)
            else:
                self.tx.insert_before(self.tx.end(), body)
            if last_ag is not None:
                self.tx.insert_after(last_ag, [bind])
            else:
                self.tx.insert_before(self.tx.end(), [bind])
            unused = [
                f
                for f in self.dev.filters
                if f not in self.in_acl.values()
                and f != self.global_acl
                and self.dev.filters[f].kind != "synthesized"
                and f.upper().startswith(ap.nameif.upper().split("-")[0])
            ]
            self.out.note(
                f"{ap.nameif} chưa có ACL chiều vào (mức bảo mật quyết định): ACL mới {name} gồm các mục chặn rồi đúng "
                "những gì mức bảo mật cho phép trước đây; gắn ACL sẽ thay thế quy tắc mức bảo mật trên cổng này."
                + (f" ACL {', '.join(unused)} đã định nghĩa nhưng không gắn ở đâu: xem lại rồi xóa." if unused else ""),
                f"{ap.nameif} had no inbound ACL (the security levels decided): the new ACL {name} holds the blocks, "
                "then exactly what the security levels allowed before; binding an ACL replaces the level rule on "
                "this interface."
                + (f" ACL {', '.join(unused)} is defined but bound nowhere: review and delete it." if unused else ""),
            )
        return cfg

    def render_objects(self) -> None:
        for name, lines in self.obj_defs.items():
            if name in self.used:
                self.out.objects += lines
                grp = lines[0].startswith("object-group")
                self.out.rb_last.append(f"no object-group network {name}" if grp else f"no object network {name}")
        if not self.out.objects:
            return
        anchor = self.tx.first(r"^access-list\s") or self.tx.first(r"^access-group\s")
        if anchor is None:
            anchor = self.tx.end()
        self.tx.insert_before(anchor, list(self.out.objects))

    # ----------------------------------------------------------------- together

    def render(self) -> Rendered:
        self.plan_blocks()
        acl_cfg = self.render_acls()
        self.render_mgmt_lines()
        self.render_icmp()
        self.render_snmp()
        self.render_other_restricts()
        self.render_antispoof()
        self.render_objects()
        body = self.out.objects + acl_cfg + self.out.config
        if getattr(self.facts, "platform", None) == "NGFW" and body:
            self.out.note(
                "Thiết bị FTD do FMC/FDM quản lý: không nhập các lệnh này ở CLI; tạo các quy tắc tương đương (quy tắc "
                "chặn đặt trên cùng chính sách truy cập, cài đặt nền tảng cho SSH/HTTP/ICMP) rồi triển khai.",
                "An FTD is managed by FMC/FDM: do not enter these commands at the CLI; create the equivalent rules "
                "(the blocks as access-control rules at the top, platform settings for SSH/HTTP/ICMP) and deploy.",
            )
        notes = _safety_notes() + self.out.notes
        header = [f"! netaudit fix — {self.dev.hostname} ({self.plan.file})"]
        header += [f"! {n['en']}" for n in notes]
        change_set = "\n".join([*header, "configure terminal", *body, "end"]) + "\n" if body else ""
        rollback = self.out.rb_first + self.out.rb_restore + self.out.rb_last
        rb_text = (
            "\n".join([f"! netaudit fix rollback — {self.dev.hostname}", "configure terminal", *rollback, "end"]) + "\n"
            if rollback
            else ""
        )
        return Rendered(change_set, self.tx.render() if body else "\n".join(self.tx.lines) + "\n", rb_text, notes)


def _icmp_may_echo(toks: list[str]) -> bool:
    """Whether an ``icmp permit SRC [MASK] [TYPE]`` spec (without the nameif) admits echo."""
    rest = toks[1:] if toks[0].lower() in ("any", "any4") else toks[2:]  # after any | host A | A MASK
    return not rest or rest[0].lower() in ("echo", "8")


def _icmp_every_type(toks: list[str]) -> bool:
    """Whether an ``icmp permit SRC [MASK] [TYPE]`` spec (without the nameif) names no type."""
    rest = toks[1:] if toks[0].lower() in ("any", "any4") else toks[2:]
    return not rest


def _icmp_src(toks: list[str]) -> IPNetwork | None:
    try:
        if toks[0].lower() in ("any", "any4"):
            return IPNetwork("0.0.0.0/0")
        if toks[0].lower() == "host":
            return IPNetwork(f"{toks[1]}/32")
        return IPNetwork(f"{toks[0]}/{toks[1]}")
    except (ValueError, TypeError, IndexError):
        return None


def _safety_notes() -> list[dict[str, str]]:
    return [
        {
            "vi": "Trước khi áp dụng: sao lưu cấu hình đang chạy (copy running-config disk0:/truoc-khi-sua.cfg).",
            "en": "Before applying: back up the running configuration (copy running-config disk0:/before-fix.cfg).",
        },
        {
            "vi": "Áp dụng từ phiên SSH/ASDM đi vào cổng quản trị (hoặc console), không từ vùng bị chặn.",
            "en": "Apply from a session entering the management interface (or the console), never from a zone the "
            "change blocks.",
        },
        {
            "vi": "Chỉ write memory sau khi đã kiểm tra (quản trị vẫn vào được, các vùng vẫn ra Internet, show "
            "access-list cho thấy số lần khớp); nếu có sự cố, chạy các lệnh hoàn tác.",
            "en": "write memory only after checking (management still gets in, the zones still reach the Internet, "
            "show access-list shows the hit counts); if anything breaks, run the rollback.",
        },
        {
            "vi": "Cặp failover: chỉ nhập trên máy active; cấu hình tự đồng bộ sang máy standby.",
            "en": "Failover pair: enter it on the active unit only; it is replicated to the standby unit.",
        },
    ]


def render(plan: DevicePlan, device: Device, text: str) -> Rendered:
    """The change set of ``plan`` for the ASA ``device`` whose running-config is ``text``."""
    return _Renderer(plan, device, text).render()


__all__ = ["Ace", "render"]
