"""Juniper Junos change sets (docs/remedy.md, docs/vendors/juniper_junos.md "netaudit fix"):
one change set per device in configuration mode (``set``, ``delete``, ``insert … before
…``), ending with ``commit check`` and ``commit confirmed 5``; the rollback is ``rollback 1``
and, beside it, the inverse commands.

* **SRX in flow mode** (security zones decide what passes):

  - a block is a ``deny`` policy in ``security policies from-zone A to-zone B`` — A the zone of
    the interface the source zone enters by, B the zone of the interfaces packets to the
    destination leave by (A = B too: intra-zone traffic needs a policy as well) — placed
    before the context's first policy (``insert … before policy FIRST``); the services the
    site policy still allows are permitted by a policy just above it.  Zone-pair policies
    are read before the ``global`` ones, so a global permit is overridden there too.  The
    destination (and, where the source zone shares its security zone with others, the
    source) is named by address-book entries — the global address book, or the zones' own
    books where the configuration uses those (Junos does not mix them);
  - a restriction takes the service out of the ``host-inbound-traffic system-services`` of
    the interfaces the zones that reached it enter by (``X except`` beside ``all``, the
    service deleted from an explicit list; an interface of a zone whose other interfaces
    keep the service gets a list of its own: the interface's list replaces the zone's) —
    by arrival interface, which a forged source address does not get past, and without
    naming an SNMP community (a secret);
* **without security zones** (EX switches, MX, an SRX in packet mode): the entries the
  ACL vendors plan (:class:`~.entries.EntryPlanner`: allowed services, TCP replies, the deny;
  the device's own services denied to its addresses where the zones that reached them
  enter; management sources denied where they cannot arrive) as ``firewall family inet
  filter`` terms: inserted before the first term of the interface's filter where that filter
  is used there only, else in a new filter holding them then a copy of the old terms (or,
  where there was no filter, then a term accepting the rest, as the interface did);
* an open resolver (a DNS or DHCP server the Internet reaches, ``plan.EdgeClose``): the
  service out of the host-inbound traffic of the Internet's interfaces (flow mode), or
  denied to the device's addresses there (filters, as IOS); the inside zones keep it;
* cleartext services off: ``delete system services telnet``, ``… web-management http``,
  ``ftp``; ``set system services ssh root-login deny`` (``junos-ssh-root-login``);
* the patched copy is the whole configuration in ``set`` form (``display set``,
  :class:`.candidate.Candidate`), the change applied as Junos' candidate configuration would
  take it — every statement keeps its place,
  a new policy or term sits where ``insert`` puts it — so that the Junos parser reads the
  device as it will be.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from netaddr import IPNetwork, IPSet

from ...messages import both
from ...model import PROTO_ICMP, PROTO_TCP, Device, Filter
from .. import Rendered
from ..addresses import behind, egress, is_outside, outward_interfaces
from ..entries import PROTO_WORDS, Ace, EntryPlanner
from ..plan import Block, DevicePlan, Restrict
from .candidate import Candidate, command, word

PREFIX = "NA-"  # names of what netaudit adds
NAME_MAX = 63  # Junos: policy, address, application, filter and term names
# model MgmtService name -> its host-inbound-traffic system-services name
HOST_NAMES = {
    "ssh": "ssh",
    "telnet": "telnet",
    "http": "http",
    "https": "https",
    "icmp-echo": "ping",
    "snmp": "snmp",
    "snmp-agent": "snmp",
    "netconf": "netconf",
    "ftp": "ftp",
    "finger": "finger",
    "xnm-clear-text": "xnm-clear-text",
    "xnm-ssl": "xnm-ssl",
    "dns": "dns",
    "tftp": "tftp",
}
# Cleartext services turned off where the plan says so: the system services statement.
OFF_PATHS = {
    "telnet": ("system", "services", "telnet"),
    "http": ("system", "services", "web-management", "http"),
    "ftp": ("system", "services", "ftp"),
    "finger": ("system", "services", "finger"),
    "xnm-clear-text": ("system", "services", "xnm-clear-text"),
    "tftp": ("system", "services", "tftp-server"),
}
# Gateway services closed where the Internet enters (plan.EdgeClose) -> host-inbound name.
EDGE_HOST_NAMES = {"udp/53": "dns", "tcp/53": "dns", "udp/67": "dhcp"}
ICMP_TYPE_NAMES = {0: "echo-reply", 3: "unreachable", 8: "echo-request", 11: "time-exceeded"}
ROOT_LOGIN = ("system", "services", "ssh", "root-login")
SYSTEM_SERVICES = ("host-inbound-traffic", "system-services")


def safe_name(text: str) -> str:
    """A Junos object name: letters, digits, ``-`` and ``_``, at most 63 characters."""
    return re.sub(r"[^A-Za-z0-9_-]", "-", text)[:NAME_MAX]


# --------------------------------------------------------------------------- the change set


@dataclass
class _Changes:
    """The commands in order, the undo of each, what the patched copy gets."""

    cand: Candidate
    config: list[str] = field(default_factory=list)
    undo: list[list[str]] = field(default_factory=list)  # undone last first

    def set(self, path: tuple[str, ...], before: tuple[str, ...] | None = None) -> None:
        self.config.append(command("set", path))
        self.cand.set(path, before)

    def insert(self, entry: tuple[str, ...], kind: str, first: str) -> None:
        """``insert ENTRY before KIND FIRST`` (ENTRY ends with ``KIND NAME``: a policy, a
        term); the candidate got the entry in place when it was set."""
        self.config.append(command("insert", entry) + f" before {kind} {word(first)}")

    def delete(self, path: tuple[str, ...], keep: tuple[str, ...] | None = None) -> list[tuple[str, ...]]:
        gone = self.cand.delete(path, keep)
        if gone:
            self.config.append(command("delete", path))
            self.undo.append([command("set", p) for p in gone])
        return gone


class _Renderer(EntryPlanner):
    """One device's change set.  The :class:`~.entries.EntryPlanner` part serves the
    devices without security zones (firewall filter terms)."""

    # Services limited by a setting of their own on Junos (off in ``system services``), not
    # by filter entries.
    knob_services = frozenset(OFF_PATHS)
    dynamic_address_key = "fix.left.junos_dynamic_address"

    def __init__(self, plan: DevicePlan, device: Device, text: str):
        super().__init__(plan, device)
        self.text = text
        self.cand = Candidate(text)
        self.ch = _Changes(self.cand)
        facts = device.facts
        self.flow = bool(getattr(facts, "flow_mode", False))
        self.zone_of: dict[str, str] = {}  # model interface name -> security zone
        self.written_name: dict[str, str] = {}  # model interface name -> as the zone names it
        for rest in self.cand.under(("security", "zones", "security-zone")):
            if len(rest) >= 3 and rest[1] == "interfaces":
                ifn = rest[2] if "." in rest[2] else f"{rest[2]}.0"
                self.zone_of.setdefault(ifn, rest[0])
                self.written_name.setdefault(ifn, rest[2])
        self.zone_books = any(
            len(r) >= 2 and r[1] == "address-book" for r in self.cand.under(("security", "zones", "security-zone"))
        )
        self.names_used = {w for st in self.cand.effective for w in st.path}
        self.addresses: dict[tuple[str, tuple[str, ...]], str] = {}  # (book, nets) -> name
        self.applications: dict[str, str] = {}  # service text -> application name
        self.host_lists: dict[tuple[str, ...], dict[str, bool] | None] = {}  # as the change leaves them

    # ----------------------------------------------------------------- names

    def unique(self, base: str) -> str:
        name, k = safe_name(base), 2
        while name in self.names_used:
            suffix = f"-{k}"
            name = safe_name(base)[: NAME_MAX - len(suffix)] + suffix
            k += 1
        self.names_used.add(name)
        return name

    # ----------------------------------------------------------------- where zones are

    def zone_interfaces(self, zone: str) -> list[str]:
        """The device's interfaces a site zone's packets enter by: those its subnets are
        reached by (connected or routed), or — the Internet — those a default route or a
        run-time address faces."""
        nets = self.plan.zones.get(zone)
        if not nets:
            return []
        found = outward_interfaces(self.dev) if is_outside(nets) else sorted(egress(self.dev, nets) or ())
        return [n for n in found if n in self.dev.interfaces and not self.dev.interfaces[n].out_of_band]

    def mgmt_side(self, ifname: str) -> bool:
        """Whether ``ifname``'s subnets are all management subnets (never restricted)."""
        iface = self.dev.interfaces.get(ifname)
        if iface is None or not iface.addresses or not self.mgmt:
            return False
        return IPSet(a.cidr for a in iface.addresses).issubset(IPSet(self.mgmt))

    # ----------------------------------------------------------------- flow mode: blocks

    def flow_blocks(self) -> None:
        """Deny policies (and the allowed services' permits above them) per zone pair."""
        groups: dict[tuple, dict] = {}
        for b in self.plan.blocks:
            if not b.dst:
                continue
            pairs = self.contexts(b)
            if not pairs:
                continue
            for from_zone, to_zone in pairs:
                src = self.block_sources(b, from_zone, to_zone)
                key = (from_zone, to_zone, tuple(str(n) for n in src), b.allow)
                g = groups.setdefault(key, {"src": src, "dst": [], "blocks": []})
                g["dst"] += [n for n in b.dst if n not in g["dst"]]
                g["blocks"].append(b)
        for (from_zone, to_zone, _src, allow), g in groups.items():
            self.deny_policy(from_zone, to_zone, g["src"], g["dst"], allow, g["blocks"])

    def contexts(self, b: Block) -> list[tuple[str, str]]:
        """(from-zone, to-zone) pairs a block's packets cross; [] with the reason left."""
        if b.direction == "in":
            froms = [b.interface]
            tos = sorted(egress(self.dev, b.dst) or ())
        else:
            froms = self.zone_interfaces(b.src_zone) if not b.src else sorted(egress(self.dev, b.src) or ())
            tos = [b.interface]
        from_zones = list(dict.fromkeys(self.zone_of[i] for i in froms if i in self.zone_of))
        to_zones = list(dict.fromkeys(self.zone_of[i] for i in tos if i in self.zone_of))
        if not from_zones or not to_zones:
            self.out.leave(
                b.findings,
                both(
                    "fix.left.junos_no_zone",
                    src=b.src_zone,
                    dst=b.dst_zone,
                    interfaces=", ".join(sorted({*froms, *tos})) or "-",
                ),
            )
            return []
        return [(f, t) for f in from_zones for t in to_zones]

    def block_sources(self, b: Block, from_zone: str, to_zone: str) -> list[IPNetwork]:
        """The block's source addresses where the security zone carries other sources too
        (or where source and destination share it); [] = ``any``: every packet arriving in
        that zone is the source zone's, a forged source included."""
        if not b.src:
            return []
        members = [i for i, z in self.zone_of.items() if z == from_zone]
        carried = IPSet()
        for ifn in members:
            carried |= behind(self.dev, ifn)
        if from_zone != to_zone and carried.issubset(IPSet(b.src)):
            return []
        return list(b.src)

    def address(self, zone: str, book_zone: str, nets: list[IPNetwork]) -> list[str]:
        """Address-book names for ``nets`` (``any`` for the whole space): new entries in the
        global book, or in ``book_zone``'s own where the configuration uses zone books."""
        if not nets or IPSet(nets) == IPSet(["0.0.0.0/0"]):
            return ["any"]
        book = book_zone if self.zone_books else "global"
        key = (book, tuple(str(n) for n in nets))
        if key in self.addresses:
            return [self.addresses[key]]
        if self.zone_books:
            where: tuple[str, ...] = ("security", "zones", "security-zone", book_zone, "address-book")
        else:
            where = ("security", "address-book", "global")
        if len(nets) == 1:
            name = self.unique(f"{PREFIX}{zone}")
            self.new_object((*where, "address", name, str(nets[0].cidr)), (*where, "address", name))
        else:
            name = self.unique(f"{PREFIX}{zone}")
            for k, n in enumerate(nets, start=1):
                member = self.unique(f"{PREFIX}{zone}-{k}")
                self.new_object((*where, "address", member, str(n.cidr)), (*where, "address", member))
                self.new_object((*where, "address-set", name, "address", member), (*where, "address-set", name))
        self.addresses[key] = name
        return [name]

    def new_object(self, path: tuple[str, ...], undo: tuple[str, ...]) -> None:
        self.ch.set(path)
        cmd = command("delete", undo)
        if [cmd] not in self.ch.undo:
            self.ch.undo.append([cmd])

    def application(self, service: str) -> str:
        """A policy application for one service of the site policy (``tcp/80``, ``icmp/8``,
        ``ip``): ``any``, or a new custom application."""
        s = service.strip().lower()
        if s in ("ip", "any"):
            return "any"
        if s in self.applications:
            return self.applications[s]
        proto, _, rest = s.partition("/")
        name = self.unique(f"{PREFIX}{proto}-{rest}" if rest else f"{PREFIX}{proto}")
        base = ("applications", "application", name)
        number = {"tcp": "tcp", "udp": "udp", "icmp": "icmp"}.get(proto) or rest
        if proto == "proto":
            self.new_object((*base, "protocol", rest), base)
        else:
            self.new_object((*base, "protocol", number), base)
            if proto in ("tcp", "udp"):
                self.ch.set((*base, "destination-port", rest or "1-65535"))
            elif proto == "icmp" and rest:
                self.ch.set((*base, "icmp-type", rest))
        self.applications[s] = name
        return name

    def deny_policy(self, from_zone, to_zone, src, dst, allow, blocks: list[Block]) -> None:
        context = ("security", "policies", "from-zone", from_zone, "to-zone", to_zone)
        ids = list(dict.fromkeys(i for b in blocks for i in b.findings))
        existing = list(dict.fromkeys(p[7] for p in self.cand.written(context) if len(p) > 7 and p[6] == "policy"))
        if any(p[:1] == ("policy",) and p[1] not in existing for p in self.cand.inherited_under(context) if len(p) > 1):
            # A policy a group adds: where it falls among the context's is not established.
            self.out.leave(ids, both("fix.left.junos_group_policies", src=from_zone, dst=to_zone))
            return
        first = existing[0] if existing else None
        src_zones = "+".join(dict.fromkeys(b.src_zone for b in blocks))
        dst_zones = "+".join(dict.fromkeys(b.dst_zone for b in blocks))
        srcs = self.address(src_zones, from_zone, src)
        dsts = self.address(dst_zones, to_zone, dst)
        policies: list[tuple[str, list[str], str]] = []
        if allow:
            apps = [self.application(s) for s in allow]
            policies.append((self.unique(f"{PREFIX}ALLOW-{src_zones}-{dst_zones}"), apps, "permit"))
        policies.append((self.unique(f"{PREFIX}DENY-{src_zones}-{dst_zones}"), ["any"], "deny"))
        before = (*context, "policy", first) if first else None
        for name, apps, action in policies:
            entry = (*context, "policy", name)
            for s in srcs:
                self.ch.set((*entry, "match", "source-address", s), before)
            for d in dsts:
                self.ch.set((*entry, "match", "destination-address", d), before)
            for a in apps:
                self.ch.set((*entry, "match", "application", a), before)
            self.ch.set((*entry, "then", action), before)
            if action == "deny":
                self.ch.set((*entry, "then", "log", "session-init"), before)
            if first:
                self.ch.insert(entry, "policy", first)
            self.ch.undo.append([command("delete", entry)])
        self.out.note(**both("fix.note.junos_policy_first", context=f"{from_zone} → {to_zone}"))

    # ----------------------------------------------------------------- flow mode: host-inbound traffic

    def flow_restricts(self) -> None:
        """Each restricted service out of the host-inbound traffic where the zones that
        reached it enter (every interface but the management ones when no zone is named)."""
        # host-inbound name -> (interfaces to take it from, the findings that asks it for)
        wanted: dict[str, tuple[set[str], list[str]]] = {}
        for r in self.plan.restricts:
            if r.service in OFF_PATHS and r.insecure and not r.allow_from:
                continue  # turned off in system services
            hname = HOST_NAMES.get(r.service)
            if hname is None:
                self.out.leave(r.findings, both("fix.left.junos_service", service=r.service))
                continue
            listening = self.listening(r)
            scope = {i for z in r.zones for i in self.zone_interfaces(z)} if r.zones else set(self.dev.interfaces)
            targets = {i for i in scope & listening if i in self.zone_of and not self.mgmt_side(i)}
            if r.service == "snmp" and not r.zones:
                # The community's own `clients` is what the check reads: writing it names
                # the community, a secret.
                self.out.leave(r.findings, both("fix.left.junos_snmp_clients"))
            have = wanted.setdefault(hname, (set(), []))
            have[0].update(targets)
            have[1].extend(i for i in r.findings if i not in have[1])
        for hname, (targets, ids) in wanted.items():
            self.drop_host_service(hname, targets, ids)

    def listening(self, r: Restrict) -> set[str]:
        """The interfaces where the device's service ``r`` listens now."""
        out: set[str] = set()
        for svc in self.dev.services:
            if svc.name == r.service and svc.enabled:
                out |= set(self.dev.interfaces) if svc.interfaces is None else set(svc.interfaces)
        return out

    def host_list(self, prefix: tuple[str, ...]) -> dict[str, bool] | None:
        """A host-inbound ``system-services`` list as the change set leaves it so far: name
        -> allowed (False: ``except``); None where there is none."""
        if prefix not in self.host_lists:
            got: dict[str, bool] = {}
            for rest in self.cand.under((*prefix, *SYSTEM_SERVICES)):
                if rest:
                    got[rest[0]] = not (len(rest) > 1 and rest[1] == "except")
            self.host_lists[prefix] = got or None
        return self.host_lists[prefix]

    def drop_host_service(self, hname: str, targets: set[str], findings: list[str]) -> None:
        """``hname`` out of the host-inbound traffic of ``targets``: from an interface's own
        list; from its zone's where every interface that list governs is a target; else a
        list of the interface's own, the zone's without ``hname``."""
        zones: dict[str, list[str]] = {}
        for ifn in sorted(targets):
            zones.setdefault(self.zone_of[ifn], []).append(ifn)
        for zone, ifaces in zones.items():
            zprefix = ("security", "zones", "security-zone", zone)
            members = [i for i, z in self.zone_of.items() if z == zone]
            by_zone_list = [i for i in members if self.host_list(self.iface_prefix(i)) is None]
            zone_list = self.host_list(zprefix)
            for ifn in ifaces:
                if ifn not in by_zone_list:
                    self.drop_from(self.iface_prefix(ifn), hname, zone_list, findings)
            rest = [i for i in ifaces if i in by_zone_list]
            if not rest or zone_list is None:
                continue
            if set(by_zone_list) <= set(ifaces):
                self.drop_from(zprefix, hname, None, findings)
                continue
            # Other interfaces of the zone keep the service: these get a list of their own
            # (the interface's list replaces the zone's).
            for ifn in rest:
                iprefix = self.iface_prefix(ifn)
                for w, allowed in zone_list.items():
                    if w != hname:
                        self.ch.set((*iprefix, *SYSTEM_SERVICES, *((w,) if allowed else (w, "except"))))
                if zone_list.get("all") and zone_list.get(hname, True):
                    self.ch.set((*iprefix, *SYSTEM_SERVICES, hname, "except"))
                self.host_lists[iprefix] = {w: ok for w, ok in zone_list.items() if w != hname} | (
                    {hname: False} if zone_list.get("all") else {}
                )
                self.ch.undo.append([command("delete", (*iprefix, "host-inbound-traffic"))])

    def iface_prefix(self, ifname: str) -> tuple[str, ...]:
        return ("security", "zones", "security-zone", self.zone_of[ifname], "interfaces", self.written_name[ifname])

    def drop_from(
        self, prefix: tuple[str, ...], hname: str, zone_list: dict[str, bool] | None, findings: list[str]
    ) -> None:
        """``hname`` out of the list at ``prefix`` (``zone_list``: the zone's list, where
        ``prefix`` is an interface's — an interface list left empty hands the interface back
        to it)."""
        lst = self.host_list(prefix)
        if lst is None:
            return
        path = (*prefix, *SYSTEM_SERVICES)
        if lst.get("all") and lst.get(hname, True):
            self.ch.set((*path, hname, "except"))
            self.ch.undo.append([command("delete", (*path, hname, "except"))])
            lst[hname] = False
        elif lst.get(hname):
            if prefix[4:5] == ("interfaces",) and not any(ok for w, ok in lst.items() if w != hname) and zone_list:
                # Empty, the interface's list would give way to the zone's (which may hold more).
                self.out.leave(findings, both("fix.left.junos_host_list_empty", service=hname, where=" ".join(prefix)))
                return
            self.ch.delete((*path, hname), keep=prefix if prefix[4:5] == ("interfaces",) else None)
            lst.pop(hname, None)

    def flow_closes(self) -> None:
        """A DNS or DHCP server the Internet reaches (plan.EdgeClose, an open resolver): the
        service out of the host-inbound traffic of the interfaces where the Internet enters;
        the inside zones keep theirs."""
        for c in self.plan.closes:
            hname = EDGE_HOST_NAMES.get(c.service)
            targets = {i for i in c.interfaces if i in self.zone_of}
            if hname is None or not targets:
                why = both(
                    "fix.left.edge_gateway_service", service=c.service, device=self.dev.hostname, ports=c.service
                )
                self.out.leave(c.findings, why)
                continue
            self.drop_host_service(hname, targets, c.findings)

    # ----------------------------------------------------------------- both modes

    def services_off(self) -> None:
        """Cleartext services the plan turns off: their ``system services`` statement."""
        for r in self.plan.restricts:
            path = OFF_PATHS.get(r.service)
            if path is None or not r.insecure or r.allow_from:
                continue
            if self.cand.inherited(path):
                self.out.leave(r.findings, both("fix.left.junos_group_service", service=r.service))
                continue
            self.ch.delete(path)
            if r.service == "telnet":
                self.out.note(**both("fix.note.junos_ssh_first"))

    def hardening(self) -> None:
        """``junos-ssh-root-login``: root may not log in over SSH."""
        for h in self.plan.hardening:
            if h.check != "junos-ssh-root-login":
                continue
            was = self.cand.under(ROOT_LOGIN)
            if was == [("deny",)]:
                continue
            self.cand.replace(ROOT_LOGIN, (*ROOT_LOGIN, "deny"))
            self.ch.config.append(command("set", (*ROOT_LOGIN, "deny")))
            self.ch.undo.append([command("set", (*ROOT_LOGIN, *was[0])) if was else command("delete", ROOT_LOGIN)])
            self.out.note(**both("fix.note.junos_root_login"))

    def antispoof(self) -> None:
        """Strict uRPF is not proposed: said, with what to do."""
        for a in self.plan.antispoofs:
            self.out.leave(a.findings, both("fix.left.junos_urpf", device=self.dev.hostname, interface=a.interface))
        for u in self.plan.unbinds:
            self.out.leave(u.findings, both("fix.left.junos_unbind", interface=u.interface, acl=u.acl))

    # ----------------------------------------------------------------- without zones: filters

    def current_filter(self, ifname: str, direction: str) -> Filter | None:
        return self.bound_filter(ifname, direction)

    def outside_interfaces(self) -> list[str]:
        """A switch or router without zones keeps no session state to tell the Internet's
        replies from its new connections: no outside to put a safe stateless deny on."""
        return []

    def external_block(self, b: Block) -> None:
        """A block from the Internet on a device without zones: left, with the reason (a
        stateless filter would stop the destination's own sessions' replies too)."""
        self.out.leave(b.findings, both("fix.left.junos_needs_stateful", src=b.src_zone, dst=b.dst_zone))

    def entry_interfaces(self, r: Restrict) -> list[tuple[str, bool, IPSet | None]]:
        """Where the zones that reached ``r`` enter: their interfaces (the site zones'
        subnets say which), their sources denied there — the Internet's: every source but
        the management subnets; the shared planner's guess (every interface) only where a
        zone's interfaces are not found.  Never an out-of-band port, the way in of last
        resort."""
        if not r.zones:
            return super().entry_interfaces(r)
        merged: dict[str, IPSet | None] = {}
        for zone in r.zones:
            where = self.zone_interfaces(zone)
            if not where:
                return super().entry_interfaces(r)
            nets = self.plan.zones.get(zone, [])
            for ifn in where:
                if self.mgmt_side(ifn):
                    continue
                if is_outside(nets) or merged.get(ifn, IPSet()) is None:
                    merged[ifn] = None
                else:
                    merged[ifn] = (merged.get(ifn) or IPSet()) | IPSet(nets)
        return [(n, False, merged[n]) for n in sorted(merged)]

    def filter_path(self, name: str) -> tuple[str, ...] | None:
        """Where filter ``name`` is defined (``firewall family inet filter`` or the older
        ``firewall filter``); None when it is not."""
        for prefix in (("firewall", "family", "inet", "filter", name), ("firewall", "filter", name)):
            if self.cand.written(prefix):
                return prefix
        return None

    def uses(self, name: str) -> int:
        """How many interface bindings name filter ``name`` (input, output, their lists)."""
        return sum(
            1
            for st in self.cand.effective
            if st.path[:1] == ("interfaces",) and "filter" in st.path and st.path[-1] == name
        )

    def unit_path(self, ifname: str) -> tuple[str, ...]:
        port, _, unit = ifname.rpartition(".")
        return ("interfaces", port, "unit", unit) if port else ("interfaces", ifname, "unit", "0")

    def render_filters(self) -> None:
        for (ifname, direction), aces in self.entries.items():
            if aces:
                self.render_filter(ifname, direction, aces)

    def render_filter(self, ifname: str, direction: str, aces: list[Ace]) -> None:
        findings = [
            i for b in self.plan.blocks if (b.interface, b.direction) == (ifname, direction) for i in b.findings
        ]
        findings += [i for r in self.plan.restricts for i in r.findings if r.service not in OFF_PATHS]
        word_dir = "input" if direction == "in" else "output"
        bind = (*self.unit_path(ifname), "family", "inet", "filter", word_dir)
        if self.cand.inherited(self.unit_path(ifname)) or self.cand.under((*bind[:-1], f"{word_dir}-list")):
            self.out.leave(findings, both("fix.left.junos_filter_list", interface=ifname))
            return
        iface = self.dev.interfaces.get(ifname)
        bound = None if iface is None else iface.filter_in if direction == "in" else iface.filter_out
        flt = self.current_filter(ifname, direction)
        terms = self.terms(aces)
        if bound is not None:
            where = self.filter_path(bound)
            if where is None or flt is None or flt.partial:
                self.out.leave(findings, both("fix.left.junos_filter_not_read", interface=ifname, filter=bound))
                return
            n = len(where)
            old_terms = list(dict.fromkeys(p[n + 1] for p in self.cand.written(where) if p[n : n + 1] == ("term",)))
            if self.uses(bound) == 1 and old_terms:
                self.insert_terms(where, terms, old_terms[0])
                return
            name = self.unique(f"{PREFIX}{bound}-{ifname}")
            new = ("firewall", "family", "inet", "filter", name)
            self.write_terms(new, terms)
            # The old terms in effect (an inactive one does nothing: not copied).
            n = len(where)
            for p in [ln.path for ln in self.cand.lines if ln.active and ln.path[:n] == where]:
                self.ch.set((*new, *p[n:]))
            self.rebind(bind, name, bound)
            self.ch.undo.append([command("delete", new)])
            self.out.note(**both("fix.note.junos_filter_copy", filter=bound, new=name, interface=ifname))
            return
        name = self.unique(f"{PREFIX}{ifname}-{word_dir}")
        new = ("firewall", "family", "inet", "filter", name)
        self.write_terms(new, [*terms, (self.unique(f"{PREFIX}ACCEPT-REST"), [], "accept")])
        self.rebind(bind, name, None)
        self.ch.undo.append([command("delete", new)])

    def rebind(self, bind: tuple[str, ...], name: str, old: str | None) -> None:
        if old is not None:
            self.cand.delete((*bind, old))
        self.ch.set((*bind, name))
        self.ch.undo.append([command("set", (*bind, old))] if old else [command("delete", bind)])

    def terms(self, aces: list[Ace]) -> list[tuple[str, list[tuple[str, ...]], str]]:
        """(term name, its ``from`` conditions, its action) of the entries, in order.  The
        values of one Junos condition are alternatives: an entry that differs from an
        earlier term only by its destination joins that term, where no entry between them
        meets its destination (then no packet sees a different first match)."""
        merged: list[tuple[Ace, list[IPNetwork]]] = []  # (the term's first entry, its destinations)
        for ace in aces:
            dsts = list(ace.group_members) if ace.dst_group else ([ace.dst] if ace.dst is not None else [])
            key = replace(ace, dst=None, dst_group=None, group_members=())
            for k in range(len(merged) - 1, -1, -1):
                first, have = merged[k]
                if replace(first, dst=None, dst_group=None, group_members=()) == key and have and dsts:
                    have.extend(d for d in dsts if d not in have)
                    break
                if not have or not dsts or IPSet(have) & IPSet(dsts):
                    merged.append((ace, dsts))  # an entry between them meets it: a term of its own
                    break
            else:
                merged.append((ace, dsts))
        out = []
        for ace, dsts in merged:
            cond: list[tuple[str, ...]] = []
            if ace.src is not None and ace.src.prefixlen > 0:
                cond.append(("source-address", str(ace.src.cidr)))
            cond += [("destination-address", str(d.cidr)) for d in dsts if d.prefixlen > 0]
            if ace.proto is not None:
                cond.append(("protocol", PROTO_WORDS.get(ace.proto, str(ace.proto))))
            if ace.ports is not None:
                lo, hi = ace.ports
                cond.append(("destination-port", str(lo) if lo == hi else f"{lo}-{hi}"))
            if ace.icmp_type is not None and ace.proto == PROTO_ICMP:
                cond.append(("icmp-type", ICMP_TYPE_NAMES.get(ace.icmp_type, str(ace.icmp_type))))
            if ace.established and ace.proto == PROTO_TCP:
                cond.append(("tcp-established",))
            action = "accept" if ace.action == "permit" else "discard"
            out.append((self.unique(f"{PREFIX}{action.upper()}"), cond, action))
        return out

    def write_terms(self, where: tuple[str, ...], terms, before: str | None = None) -> None:
        at = (*where, "term", before) if before else None
        for name, cond, action in terms:
            term = (*where, "term", name)
            for c in cond:
                self.ch.set((*term, "from", *c), at)
            self.ch.set((*term, "then", action), at)
            if before:
                self.ch.insert(term, "term", before)

    def insert_terms(self, where: tuple[str, ...], terms, first: str) -> None:
        self.write_terms(where, terms, first)
        for name, _c, _a in terms:
            self.ch.undo.append([command("delete", (*where, "term", name))])


# --------------------------------------------------------------------------- render


def render(plan: DevicePlan, device: Device, text: str) -> Rendered:
    """The change set of ``plan`` on ``device`` (its configuration ``text``)."""
    r = _Renderer(plan, device, text)
    r.services_off()
    if r.flow:
        r.flow_blocks()
        r.flow_restricts()
        r.flow_closes()
    else:
        r.plan_blocks()
        r.plan_closes()
        r.plan_control_plane()
        r.plan_mgmt_antispoof()
        r.render_filters()
    r.hardening()
    r.antispoof()
    zones = r.console_only()
    if zones and r.ch.config:
        r.out.note(**both("fix.note.junos_console_only", zones=", ".join(zones)))
    return _assemble(r)


def _assemble(r: _Renderer) -> Rendered:
    host = r.dev.hostname
    out = r.out
    head = [
        f"# netaudit fix — {host} (Junos, configuration mode)",
        "# 1. from a host of the management zone: ssh, then `configure exclusive`",
        "#    (commit confirmed works on the shared configuration, not on a private copy)",
        "# 2. paste the commands; `show | compare` shows the change before it is committed",
        "# 3. after `commit confirmed 5`: check, then `commit check` (or `commit`) within 5 minutes to keep it",
        "#    (not confirmed, Junos returns to the configuration before it by itself)",
    ]
    notes = [both("fix.note.junos_commit_confirmed"), *out.notes]
    if not r.ch.config:
        change = "\n".join(head) + "\n# (nothing to change)\n"
        rollback = f"# netaudit fix rollback — {host}\n# (nothing to undo)\n"
        return Rendered("", r.text, rollback, notes, out.left)
    tail = ["show | compare", "commit check", 'commit confirmed 5 comment "netaudit fix"']
    change = "\n".join([*head, *r.ch.config, *tail]) + "\n"
    inverse = [c for group in reversed(r.ch.undo) for c in group]
    rollback = "\n".join(
        [
            f"# netaudit fix rollback — {host}",
            "# A. the Junos way (configuration mode): the configuration before the change",
            "rollback 1",
            "show | compare",
            "commit",
            "# B. or, once other changes were committed after it, the inverse commands instead of A:",
            *[f"#   {c}" for c in inverse],
            "#   commit",
        ]
    )
    patched = r.cand.text(f"netaudit fix: {host} after the change set (display set form)")
    return Rendered(change, patched, rollback + "\n", notes, out.left)
