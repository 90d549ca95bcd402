"""FortiGate (FortiOS) change sets (docs/remedy.md): one CLI change set per device (VDOM).

* Blocks → deny policies placed before every existing policy: address objects for the
  zones' subnets, then per source interface and source zone ONE deny policy to the union
  of its blocked destinations (``set match-vip enable``, so traffic a VIP translated is
  denied too), preceded by an accept for the services the policy still allows; the new
  policies are moved before the old first policy (FortiOS matches policies in table order).
  Interfaces that belong to a ``config system zone`` are named by their zone (FortiOS does
  not accept a zone member in a policy).
* Restrictions → ``allowaccess`` without the protocol on every interface but the
  management one (cleartext protocols: everywhere), trusted hosts for every administrator
  without any, ``admin-telnet disable`` / ``admin-https-redirect enable``, SNMP community
  hosts.
* Anti-spoofing → FortiGate checks the reverse path of every session's first packet on
  each interface unless ``set src-check disable``: on a forging zone's gateway with
  ``src-check disable`` it is set back to ``enable`` (rollback: ``disable``).  Where it is
  already on, nothing is pretended: a note says why the finding can still arise (the
  default check is "feasible path": a source with some route back through this very
  interface passes; ``strict-src-check`` wants the best one; ``asymroute`` turns it off).
* The rollback deletes what was added and restores what was changed.
* ``patched``: the same change written into the configuration text, at the place a backup
  would hold it (new policies first in ``config firewall policy``: text order is policy order).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from netaddr import IPNetwork

from ..messages import both
from ..model import Device
from ..parsers.fortinet_fortios.tables import ACCESS
from ..parsers.fortinet_fortios.tree import Block, Entry, Node, Tree, build
from . import Rendered
from .addresses import connected, egress, routes
from .plan import Block as PlanBlock
from .plan import DevicePlan, EdgeClose, Restrict

# model MgmtService name -> allowaccess keyword
WORD = {spec[0]: word for word, spec in ACCESS.items()}
# allowaccess keywords that log an administrator in (or hand over the configuration)
ADMIN_WORDS = {"http", "https", "ssh", "telnet", "snmp", "fgfm"}
LOGIN_WORDS = {"http", "https", "ssh", "telnet"}
PREFIX = "NA-"  # names of what netaudit adds
NAME_MAX = 35  # FortiOS: policy names
OBJ_MAX = 79  # FortiOS: address / service names


# --------------------------------------------------------------------------- text editing


class _Patch:
    """Line edits on the configuration text (1-based line numbers of :func:`tree.build`)."""

    def __init__(self, text: str):
        self.lines = text.split("\n")
        self.trailing = bool(self.lines) and self.lines[-1] == ""
        if self.trailing:
            self.lines.pop()
        self.replace: dict[int, list[str]] = {}
        self.before: dict[int, list[str]] = {}
        self.after: dict[int, list[str]] = {}
        self.at_end: list[str] = []

    def indent(self, n: int) -> str:
        if 1 <= n <= len(self.lines):
            line = self.lines[n - 1]
            return line[: len(line) - len(line.lstrip())]
        return ""

    def text(self) -> str:
        out: list[str] = []
        for i, line in enumerate(self.lines, start=1):
            out.extend(self.before.get(i, ()))
            out.extend(self.replace.get(i, [line]))
            out.extend(self.after.get(i, ()))
        out.extend(self.at_end)
        return "\n".join(out) + ("\n" if self.trailing or out else "")


def _q(v: str) -> str:
    return '"' + v.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _qs(vals) -> str:
    return " ".join(_q(v) for v in vals)


def _mask(net: IPNetwork) -> str:
    return f"{net.network} {net.netmask}"


# --------------------------------------------------------------------------- the device's text


@dataclass
class _Where:
    tree: Tree
    vdom_mode: bool
    vdom: Node  # the node holding the VDOM's sections (root without VDOMs)
    vdom_entry: Entry | None
    glob: list[Node]  # where global sections may be (config global, then the root)

    def vblock(self, path: str) -> Block | None:
        return self.vdom.children.get(path)

    def gblock(self, path: str) -> Block | None:
        for node in self.glob:
            blk = node.children.get(path)
            if blk is not None:
                return blk
        return None


def _where(tree: Tree, device: Device) -> _Where:
    root = tree.root
    vdom_blk = root.children.get("vdom")
    global_blk = root.children.get("global")
    vdom_mode = vdom_blk is not None and (global_blk is not None or any(e.children for e in vdom_blk.entries.values()))
    if vdom_mode and vdom_blk is not None:
        ctx = device.context or "root"
        entry = vdom_blk.entries.get(ctx)
        glob: list[Node] = [global_blk, root] if global_blk is not None else [root]
        if entry is not None:
            return _Where(tree, True, entry, entry, glob)
    return _Where(tree, False, root, None, [root])


def _val(node: Node, key: str) -> str:
    """The first value of a setting, lower case ("" when unset); read without marking."""
    s = node.settings.get(key)
    return s.values[0].lower() if s is not None and s.values else ""


def _last_line(node: Node) -> int:
    return max(node.struct) if node.struct else 0


# --------------------------------------------------------------------------- routing of destinations


def _outside_ifaces(device: Device, exclude: str) -> set[str]:
    """Interfaces facing the outside (role wan, run-time address, default route)."""
    out = {n for n, role in device.interface_roles.items() if role == "wan"}
    out |= {n for n, itf in device.interfaces.items() if itf.dynamic_address}
    for r in device.routes:
        if r.prefix.prefixlen == 0 and not r.drop and r.interface:
            out.add(r.interface)
    return {n for n in out if n in device.interfaces and not device.interfaces[n].shutdown and n != exclude}


def _members(device: Device, names) -> list[str]:
    """The interfaces behind policy interface names (a zone: its members)."""
    out: list[str] = []
    for n in names:
        if n in device.interfaces and not device.interfaces[n].zone:
            out.append(n)
        else:
            out += [i for i, itf in device.interfaces.items() if itf.zone == n]
    return out


def _own_sources(device: Device, members: list[str]) -> list[IPNetwork] | None:
    """The source addresses hosts behind ``members`` may have (connected and routed);
    None when unbounded (a default route or a run-time address there)."""
    if not members:
        return None
    out: list[IPNetwork] = []
    for net, ifn, _ in routes(device):
        if ifn not in members:
            continue
        if net.prefixlen == 0:
            return None
        if net not in out:
            out.append(net)
    if any(device.interfaces[m].dynamic_address for m in members if m in device.interfaces):
        return None
    return out or None


def _covered(net: IPNetwork, nets: list[IPNetwork]) -> bool:
    return any(n.first <= net.first and net.last <= n.last for n in nets)


def _internet_facing(device: Device, ifn: str) -> bool:
    itf = device.interfaces.get(ifn)
    if itf is None:
        return False
    if itf.dynamic_address:
        return True
    return any(r.prefix.prefixlen == 0 and not r.drop and r.interface == ifn for r in device.routes)


def _policy_ifaces(device: Device, names) -> list[str]:
    """Interface names as a policy must write them: a zone member by its zone."""
    out: list[str] = []
    for n in sorted(names):
        itf = device.interfaces.get(n)
        z = itf.zone if itf is not None and itf.zone else n
        if z not in out:
            out.append(z)
    return out


# --------------------------------------------------------------------------- the change set


@dataclass
class _Policy:
    pid: int
    name: str
    action: str
    srcintf: list[str]
    dstintf: list[str]
    srcaddr: list[str]
    dstaddr: list[str]
    service: list[str]
    nat: bool = False
    comment: str = ""
    src_negate: bool = False

    def lines(self) -> list[str]:
        out = [
            f"edit {self.pid}",
            f"    set name {_q(self.name)}",
            f"    set srcintf {_qs(self.srcintf)}",
            f"    set dstintf {_qs(self.dstintf)}",
            f"    set action {self.action}",
            f"    set srcaddr {_qs(self.srcaddr)}",
            *(["    set srcaddr-negate enable"] if self.src_negate else []),
            f"    set dstaddr {_qs(self.dstaddr)}",
            '    set schedule "always"',
            f"    set service {_qs(self.service)}",
            "    set logtraffic all",
        ]
        if self.action == "deny":
            out.append("    set match-vip enable")
        if self.nat:
            out.append("    set nat enable")
        if self.comment:
            out.append(f"    set comments {_q(self.comment[:1023])}")
        out.append("next")
        return out


@dataclass
class _Builder:
    device: Device
    where: _Where
    patch: _Patch
    names: set[str] = field(default_factory=set)
    addresses: list[tuple[str, IPNetwork]] = field(default_factory=list)
    groups: list[tuple[str, list[str]]] = field(default_factory=list)
    services: list[tuple[str, list[str]]] = field(default_factory=list)
    policies: list[_Policy] = field(default_factory=list)
    addr_cache: dict[tuple, str] = field(default_factory=dict)
    svc_cache: dict[str, str] = field(default_factory=dict)
    zone_cmds: list[str] = field(default_factory=list)
    zone_undo: list[str] = field(default_factory=list)
    global_cmds: list[str] = field(default_factory=list)
    global_undo: list[str] = field(default_factory=list)
    # VDOM sections changed outside the policy table (config system dns-server)
    vdom_cmds: list[str] = field(default_factory=list)
    vdom_undo: list[str] = field(default_factory=list)
    notes: list[dict[str, str]] = field(default_factory=list)
    left: dict[str, dict[str, str]] = field(default_factory=dict)  # finding id -> why still open
    next_id: int = 1

    def unique(self, base: str, limit: int = OBJ_MAX) -> str:
        base = re.sub(r"[^A-Za-z0-9_.@-]", "-", base)[:limit]
        name, k = base, 2
        while name.lower() in self.names:
            suffix = f"-{k}"
            name = base[: limit - len(suffix)] + suffix
            k += 1
        self.names.add(name.lower())
        return name

    # -- objects

    def addr(self, zone: str, nets: list[IPNetwork]) -> list[str]:
        if not nets:
            return ["all"]
        key = (zone, tuple(str(n) for n in nets))
        if key in self.addr_cache:
            return [self.addr_cache[key]]
        if len(nets) == 1:
            name = self.unique(f"{PREFIX}{zone}")
            self.addresses.append((name, nets[0]))
        else:
            members = []
            for k, n in enumerate(nets, start=1):
                m = self.unique(f"{PREFIX}{zone}-{k}")
                self.addresses.append((m, n))
                members.append(m)
            name = self.unique(f"{PREFIX}{zone}")
            self.groups.append((name, members))
        self.addr_cache[key] = name
        return [name]

    def service(self, svc: str) -> str:
        s = svc.strip().lower()
        if s in ("ip", "any"):
            return "ALL"
        if s in self.svc_cache:
            return self.svc_cache[s]
        proto, _, rest = s.partition("/")
        if proto in ("tcp", "udp"):
            body = [f"set {proto}-portrange {rest or '1-65535'}"]
        elif proto == "icmp":
            body = ["set protocol ICMP"] + ([f"set icmptype {rest}"] if rest else [])
        elif proto == "proto":
            body = ["set protocol IP", f"set protocol-number {rest}"]
        else:
            return "ALL"
        name = self.unique(f"{PREFIX}{proto}-{rest}" if rest else f"{PREFIX}{proto}")
        self.services.append((name, body))
        self.svc_cache[s] = name
        return name


def _existing_names(w: _Where) -> set[str]:
    out: set[str] = set()
    for path in (
        "firewall address",
        "firewall addrgrp",
        "firewall service custom",
        "firewall service group",
        "firewall vip",
        "firewall vipgrp",
    ):
        blk = w.vblock(path)
        if blk is not None:
            out |= {n.lower() for n in blk.entries}
    blk = w.vblock("firewall policy")
    if blk is not None:
        for e in blk.entries.values():
            s = e.settings.get("name")
            if s is not None and s.values:
                out.add(s.values[0].lower())
    return out


_ID_WORDS = re.compile(r"^\s*(?:edit|delete|move|clone|rename)\s+\"?(\d+)\"?(?:\s+\S+\s+\"?(\d+))?", re.M)


def _policy_ids(text: str) -> list[int]:
    """Every number the text edits, deletes, moves, clones or renames to: a new policy id
    above them all never merges with an entry of the text (a later ``delete`` included)."""
    ids: list[int] = []
    for m in _ID_WORDS.finditer(text):
        ids += [int(g) for g in m.groups() if g is not None and len(g) < 10]
    return ids


def _group_blocks(plan: DevicePlan, device: Device, b: _Builder) -> None:
    """Deny (and allow) policies: one per source side, to the union of its destinations."""
    groups: dict[tuple, dict] = {}
    spoof: dict[tuple, list[IPNetwork] | None] = {}
    for blk in plan.blocks:
        if not blk.dst:
            continue
        if blk.direction == "out":
            src_ifs = _outside_ifaces(device, blk.interface)
            srcintf = _policy_ifaces(device, src_ifs) if src_ifs else ["any"]
            dstintf = _policy_ifaces(device, [blk.interface])
        else:
            srcintf = _policy_ifaces(device, [blk.interface])
            eg = egress(device, blk.dst)
            dstintf = _policy_ifaces(device, eg) if eg else ["any"]
        srcaddr = ["all"]
        if blk.src and blk.direction != "out":
            own = _own_sources(device, _members(device, srcintf))
            # the interface serves the source zone alone: any source address (a forged one too)
            if own is None or not all(_covered(n, blk.src) for n in own):
                srcaddr = b.addr(blk.src_zone, blk.src)
                spoof.setdefault(tuple(srcintf), own)
        key = (tuple(srcintf), tuple(srcaddr), tuple(sorted(blk.allow)))
        g = groups.setdefault(key, {"dstintf": [], "dstaddr": [], "blocks": []})
        for i in dstintf:
            if i not in g["dstintf"]:
                g["dstintf"].append(i)
        for a in b.addr(blk.dst_zone, blk.dst):
            if a not in g["dstaddr"]:
                g["dstaddr"].append(a)
        g["blocks"].append(blk)
    # Source-address denies on an interface that several zones share: what arrives there
    # with a source none of them owns (forged) is denied towards the same destinations.
    for srcintf_t, own in spoof.items():
        if not own:
            continue
        dstintf_u: list[str] = []
        dstaddr_u: list[str] = []
        for (si, _sa, _al), g in groups.items():
            if si != srcintf_t:
                continue
            dstintf_u += [i for i in g["dstintf"] if i not in dstintf_u]
            dstaddr_u += [a for a in g["dstaddr"] if a not in dstaddr_u]
        tag = "+".join(srcintf_t)
        b.policies.append(
            _Policy(
                b.next_id,
                b.unique(f"{PREFIX}antispoof-{tag}", NAME_MAX),
                "deny",
                list(srcintf_t),
                ["any"] if "any" in dstintf_u else dstintf_u,
                b.addr(f"src-{tag}", own),
                dstaddr_u,
                ["ALL"],
                comment=f"netaudit fix: sources that {tag} does not serve (forged)",
                src_negate=True,
            )
        )
        b.next_id += 1
    _intrazone(plan, device, b)
    for (srcintf, srcaddr, allow), g in groups.items():
        blocks: list[PlanBlock] = g["blocks"]
        dstintf = ["any"] if "any" in g["dstintf"] else g["dstintf"]
        src_zones = list(dict.fromkeys(x.src_zone for x in blocks))
        dst_zones = list(dict.fromkeys(x.dst_zone for x in blocks))
        ids = list(dict.fromkeys(f for x in blocks for f in x.findings))
        label = f"{'+'.join(src_zones)} -> {'+'.join(dst_zones)}"
        if allow:
            nat = any(_internet_facing(device, i) for i in g["dstintf"] if i in device.interfaces)
            b.policies.append(
                _Policy(
                    b.next_id,
                    b.unique(f"{PREFIX}allow-{'+'.join(src_zones)}", NAME_MAX),
                    "accept",
                    list(srcintf),
                    dstintf,
                    list(srcaddr),
                    list(g["dstaddr"]),
                    [b.service(s) for s in allow],
                    nat=nat,
                    comment=f"netaudit fix: {label}, services the policy allows",
                )
            )
            b.next_id += 1
            if nat:
                b.notes.append(
                    {
                        "vi": f"Chính sách cho phép {label} có `set nat enable` vì đích ra Internet; "
                        "kiểm tra lại hồ sơ bảo mật (UTM) như chính sách cũ.",
                        "en": f"The accept policy {label} has `set nat enable` because it leads to the "
                        "Internet; give it the security profiles the old policy had.",
                    }
                )
        b.policies.append(
            _Policy(
                b.next_id,
                b.unique(f"{PREFIX}deny-{'+'.join(src_zones)}", NAME_MAX),
                "deny",
                list(srcintf),
                dstintf,
                list(srcaddr),
                list(g["dstaddr"]),
                ["ALL"],
                comment=f"netaudit fix: {label} ({', '.join(ids)})"[:1023],
            )
        )
        b.next_id += 1


def _intrazone(plan: DevicePlan, device: Device, b: _Builder) -> None:
    """``set intrazone deny`` on a zone whose members may not reach one another at all
    (the deny policies stay: an explicit accept between members would still apply)."""
    zblk = b.where.vblock("system zone")
    if zblk is None:
        return
    for zname, ent in zblk.entries.items():
        s = ent.settings.get("intrazone")
        if s is None or not s.values or s.values[0].lower() != "allow":
            continue
        members = _members(device, [zname])
        if len(members) < 2:
            continue
        ok = True
        for m1 in members:
            for m2 in members:
                if m1 == m2:
                    continue
                nets2 = [n for n, i in connected(device) if i == m2]
                blocked = [n for blk in plan.blocks if blk.interface == m1 and blk.direction == "in" for n in blk.dst]
                if not nets2 or not all(_covered(n, blocked) for n in nets2):
                    ok = False
        if not ok:
            continue
        first = min(s.lines)
        b.patch.replace[first] = [f"{b.patch.indent(first)}set intrazone deny"]
        for ln in s.lines:
            if ln != first:
                b.patch.replace[ln] = []
        b.zone_cmds += [f"    edit {_q(zname)}", "        set intrazone deny", "    next"]
        b.zone_undo += [f"    edit {_q(zname)}", "        set intrazone allow", "    next"]


# --------------------------------------------------------------------------- restrictions


def _mgmt_ifaces(device: Device, allow_from: list[IPNetwork]) -> set[str]:
    out = set()
    for net, ifn in connected(device):
        if any(net.first <= m.last and m.first <= net.last for m in allow_from):
            out.add(ifn)
    return out


def _words_to_strip(device: Device, r: Restrict, word: str, ifn: str, mgmt_ifs: set[str]) -> bool:
    if r.insecure or not r.allow_from:
        return True
    if ifn in mgmt_ifs:
        return False
    role = device.interface_roles.get(ifn)
    # A WAN to a government network (not the Internet): its own monitoring may keep ping.
    return not (role == "wan" and not _internet_facing(device, ifn) and word not in ADMIN_WORDS)


def _restrictions(plan: DevicePlan, device: Device, b: _Builder) -> None:
    w, patch = b.where, b.patch
    facts = device.facts
    allowaccess = getattr(facts, "allowaccess", {}) or {}
    mgmt_nets: list[IPNetwork] = []
    for r in plan.restricts:
        for n in r.allow_from:
            if n not in mgmt_nets:
                mgmt_nets.append(n)
    mgmt_ifs = _mgmt_ifaces(device, mgmt_nets)
    strip: dict[str, set[str]] = {}
    unhandled: list[str] = []
    ifblk = w.gblock("system interface")
    fortilink = {n for n, e in (ifblk.entries.items() if ifblk is not None else ()) if _val(e, "fortilink") == "enable"}
    for r in plan.restricts:
        word = WORD.get(r.service)
        if word is None:
            unhandled.append(r.service)
            continue
        for ifn, acc in allowaccess.items():
            if word not in ADMIN_WORDS and ifn in fortilink:
                continue  # the FortiSwitch control link: no zone's hosts sit there
            if word in acc.protocols and _words_to_strip(device, r, word, ifn, mgmt_ifs):
                strip.setdefault(ifn, set()).add(word)
    if unhandled:
        b.notes.append(
            {
                "vi": "Chưa tự động giới hạn được dịch vụ "
                + ", ".join(unhandled)
                + ": làm theo hướng dẫn của phát hiện.",
                "en": "Not restricted automatically: " + ", ".join(unhandled) + ": follow the finding's remediation.",
            }
        )
    words_restricted = {WORD.get(r.service) for r in plan.restricts}
    # interfaces
    cmds: list[str] = []
    undo: list[str] = []
    if strip and ifblk is not None:
        cmds.append("config system interface")
        undo.append("config system interface")
        for ifn in sorted(strip):
            ent = ifblk.entries.get(ifn)
            old = list(allowaccess[ifn].protocols)
            new = [x for x in old if x not in strip[ifn]]
            cmds += [
                f"    edit {_q(ifn)}",
                f"        set allowaccess {' '.join(new)}" if new else "        unset allowaccess",
                "    next",
            ]
            undo += [
                f"    edit {_q(ifn)}",
                f"        set allowaccess {' '.join(old)}" if old else "        unset allowaccess",
                "    next",
            ]
            s = ent.settings.get("allowaccess") if ent is not None else None
            if s is None or not s.lines:
                continue
            first = min(s.lines)
            ind = patch.indent(first)
            patch.replace[first] = [f"{ind}set allowaccess {' '.join(new)}"] if new else []
            for ln in s.lines:
                if ln != first:
                    patch.replace[ln] = []
        cmds.append("end")
        undo.append("end")
    # administrators: trusted hosts
    if mgmt_nets and words_restricted & LOGIN_WORDS:
        admblk = w.gblock("system admin")
        admins = [a for a in getattr(facts, "admins", []) if not a.restricted]
        if admblk is not None and admins:
            cmds.append("config system admin")
            undo.append("config system admin")
            hosts = mgmt_nets[:10]
            for a in admins:
                ent = admblk.entries.get(a.name)
                if ent is None:
                    continue
                cmds.append(f"    edit {_q(a.name)}")
                undo.append(f"    edit {_q(a.name)}")
                for k in range(1, 11):
                    key = f"trusthost{k}"
                    s = ent.settings.get(key)
                    oldv = s.values if s is not None else None
                    if k <= len(hosts):
                        cmds.append(f"        set {key} {_mask(hosts[k - 1])}")
                    elif oldv:
                        cmds.append(f"        unset {key}")
                    if oldv:
                        undo.append(f"        set {key} {' '.join(oldv)}")
                    elif k <= len(hosts):
                        undo.append(f"        unset {key}")
                    if s is not None:
                        for ln in s.lines:
                            patch.replace[ln] = []
                ind = patch.indent(ent.edit_line) + "    "
                patch.after.setdefault(ent.edit_line, []).extend(
                    f"{ind}set trusthost{k} {_mask(n)}" for k, n in enumerate(hosts, start=1)
                )
                cmds.append("    next")
                undo.append("    next")
            cmds.append("end")
            undo.append("end")
            b.notes.append(
                {
                    "vi": "Tài khoản quản trị chỉ đăng nhập được từ vùng quản trị ("
                    + ", ".join(str(n) for n in hosts)
                    + "): áp dụng thay đổi từ một máy trong vùng đó.",
                    "en": "Administrators may then log in only from the management zone ("
                    + ", ".join(str(n) for n in hosts)
                    + "): apply the change from a host in that zone.",
                }
            )
    # box-wide settings
    settings: list[tuple[str, str]] = []
    if "telnet" in words_restricted:
        settings.append(("admin-telnet", "disable"))
    if "http" in words_restricted:
        settings.append(("admin-https-redirect", "enable"))
    gblk = w.gblock("system global")
    if gblk is not None:
        settings = [(k, v) for k, v in settings if _val(gblk, k) != v]
    if settings:
        cmds.append("config system global")
        undo.append("config system global")
        for key, val in settings:
            s = gblk.settings.get(key) if gblk is not None else None
            if s is not None and s.values and s.values[0].lower() == val:
                continue
            cmds.append(f"    set {key} {val}")
            undo.append(f"    set {key} {' '.join(s.values)}" if s is not None and s.values else f"    unset {key}")
            if gblk is None:
                continue
            if s is not None and s.lines:
                first = min(s.lines)
                patch.replace[first] = [f"{patch.indent(first)}set {key} {val}"]
                for ln in s.lines:
                    if ln != first:
                        patch.replace[ln] = []
            else:
                ind = patch.indent(gblk.config_line) + "    "
                patch.after.setdefault(gblk.config_line, []).append(f"{ind}set {key} {val}")
        if gblk is None:
            patch.at_end.extend(["config system global", *[f"    set {k} {v}" for k, v in settings], "end"])
        cmds.append("end")
        undo.append("end")
    # SNMP communities answered from anywhere: the management zone only
    if "snmp" in words_restricted and mgmt_nets:
        cblk = w.gblock("system snmp community")
        open_ents = []
        if cblk is not None:
            for ent in cblk.entries.values():
                hb = ent.children.get("hosts")
                if hb is None or not hb.entries:
                    open_ents.append(ent)
        if open_ents:
            cmds.append("config system snmp community")
            undo.append("config system snmp community")
            for ent in open_ents:
                cmds += [f"    edit {ent.name}", "        config hosts"]
                undo += [f"    edit {ent.name}", "        config hosts"]
                ind = patch.indent(ent.edit_line)
                add = [f"{ind}    config hosts"]
                for k, n in enumerate(mgmt_nets, start=1):
                    cmds += [f"            edit {k}", f"                set ip {_mask(n)}", "            next"]
                    undo.append(f"            delete {k}")
                    add += [f"{ind}        edit {k}", f"{ind}            set ip {_mask(n)}", f"{ind}        next"]
                add.append(f"{ind}    end")
                cmds += ["        end", "    next"]
                undo += ["        end", "    next"]
                patch.after.setdefault(ent.edit_line, []).extend(add)
            cmds.append("end")
            undo.append("end")
    if any(not r.allow_from and not r.insecure and WORD.get(r.service) in LOGIN_WORDS for r in plan.restricts):
        b.notes.append(
            {
                "vi": "Không có vùng quản trị trong tệp vùng: HTTPS/SSH quản trị bị tắt trên mọi cổng. "
                "Khai báo vùng quản trị rồi chạy lại, hoặc giữ sẵn cáp console trước khi áp dụng.",
                "en": "The site has no management zone: administrative HTTPS/SSH is turned off on every "
                "interface. Declare a management zone and run again, or keep a console cable at hand.",
            }
        )
    b.global_cmds, b.global_undo = cmds, undo


def _antispoof(plan: DevicePlan, b: _Builder) -> None:
    """``set src-check enable`` where a forging zone's gateway has the check off; a note
    where it is on already (the finding then comes from what the model does not read)."""
    if not plan.antispoofs:
        return
    w, patch = b.where, b.patch
    ifblk = w.gblock("system interface")
    turned: list[str] = []
    already: list[str] = []
    cmds: list[str] = []
    undo: list[str] = []
    for a in plan.antispoofs:
        if a.interface in turned + already:
            continue
        ent = ifblk.entries.get(a.interface) if ifblk is not None else None
        s = ent.settings.get("src-check") if ent is not None else None
        if ent is None or s is None or not s.values or s.values[0].lower() != "disable":
            already.append(a.interface)
            continue
        turned.append(a.interface)
        cmds += [f"    edit {_q(a.interface)}", "        set src-check enable", "    next"]
        undo += [f"    edit {_q(a.interface)}", "        set src-check disable", "    next"]
        first = min(s.lines)
        patch.replace[first] = [f"{patch.indent(first)}set src-check enable"]
        for ln in s.lines:
            if ln != first:
                patch.replace[ln] = []
    if cmds:
        b.global_cmds += ["config system interface", *cmds, "end"]
        b.global_undo += ["config system interface", *undo, "end"]
        where = ", ".join(turned)
        b.notes.append(
            {
                "vi": f"Chống giả mạo địa chỉ nguồn: bật lại kiểm tra đường ngược (src-check enable) trên {where} — "
                "FortiGate loại gói mở phiên có địa chỉ nguồn không có tuyến quay lại qua cổng nhận. Mô hình FortiOS "
                "của netaudit chưa đọc thiết lập này nên bản kiểm tra lại (fix/after) chưa thể xác nhận; kiểm tra "
                "bằng `diagnose debug flow` (thông báo reverse path check fail).",
                "en": f"Source anti-spoofing: the reverse-path check is turned back on (src-check enable) on {where} "
                "— FortiGate drops a session's first packet whose source has no route back through the interface it "
                "came in by. netaudit's FortiOS model does not read this setting yet, so the re-audit (fix/after) "
                "cannot confirm it; check with `diagnose debug flow` (reverse path check fail).",
            }
        )
    if already:
        where = ", ".join(already)
        b.notes.append(
            {
                "vi": f"{where}: kiểm tra đường ngược (src-check) đã bật (mặc định), không có lệnh nào để thêm. Gói "
                "giả mạo vẫn qua được khi địa chỉ giả có tuyến quay lại qua chính cổng này (chế độ mặc định chỉ "
                "cần một tuyến khả dĩ; `config system settings` → `set strict-src-check enable` đòi tuyến tốt "
                "nhất), hoặc khi `set asymroute enable` tắt kiểm tra. Kiểm tra "
                "bằng `diagnose debug flow` từ một máy trong vùng.",
                "en": f"{where}: the reverse-path check (src-check) is on (the default): there is nothing to add. "
                "Forged packets still pass where the forged address has a route back through this very interface "
                "(the default mode wants any feasible route; `config system settings` → `set strict-src-check "
                "enable` wants the best one), or where `set asymroute enable` turns the "
                "check off. Check with `diagnose debug flow` from a host of the zone.",
            }
        )


# --------------------------------------------------------------------------- open resolver

DNS_SERVICES = ("udp/53", "tcp/53")


def _closes(plan: DevicePlan, device: Device, b: _Builder) -> None:
    """Gateway services that answered the Internet (plan.EdgeClose, an open resolver).
    FortiOS serves DNS per interface (``config system dns-server``, one entry per
    interface, named by it: FortiOS CLI reference, "system dns-server"): the entries of
    the interfaces where the Internet enters are deleted; the inside interfaces keep
    theirs.  The rollback re-creates them as the backup held them.  Left with the
    reason: DNS reached without an entry on those interfaces (through a policy toward
    another interface's address), an inside zone that resolves at the WAN address (the
    deletion took its DNS in the proof's first round: ``EdgeClose.kept_for``), and the
    other gateway services (a DHCP server answering on the WAN)."""
    if not plan.closes:
        return
    w, patch = b.where, b.patch
    dns = w.vblock("system dns-server")
    entries = dns.entries if dns is not None else {}
    dns_closes = [c for c in plan.closes if c.service in DNS_SERVICES]
    wan = list(dict.fromkeys(n for c in dns_closes for n in c.interfaces))
    for c in plan.closes:
        if c.service not in DNS_SERVICES:
            _leave(
                b, c, both("fix.left.edge_gateway_service", service=c.service, device=device.hostname, ports=c.service)
            )
    if not dns_closes:
        return
    users = [z for c in dns_closes for z in c.kept_for]
    if users:
        why = both(
            "fix.left.edge_dns_zone_uses_wan",
            zone=", ".join(dict.fromkeys(users)),
            device=device.hostname,
            interfaces=", ".join(wan),
        )
        for c in dns_closes:
            _leave(b, c, why)
        return
    gone = [n for n in wan if n in entries]
    if not gone:
        why = both("fix.left.edge_dns_by_policy", device=device.hostname, interfaces=", ".join(wan))
        for c in dns_closes:
            _leave(b, c, why)
        return
    cmds = ["config system dns-server", *[f"    delete {_q(n)}" for n in gone], "end"]
    undo = ["config system dns-server"]
    for n in gone:
        ent = entries[n]
        last = _last_line(ent)
        body = [patch.lines[i - 1].strip() for i in range(ent.edit_line + 1, last)]
        undo += [f"    edit {_q(n)}", *[f"        {x}" for x in body if x], "    next"]
        for i in range(ent.edit_line, last + 1):
            patch.replace[i] = []
    undo.append("end")
    b.vdom_cmds += cmds
    b.vdom_undo += undo
    kept = [n for n in entries if n not in gone]
    b.notes.append(both("fix.note.fortios_dns_wan_deleted", interfaces=", ".join(gone), kept=", ".join(kept) or "-"))


def _leave(b: _Builder, c: EdgeClose, why: dict[str, str]) -> None:
    for i in c.findings:
        b.left.setdefault(i, why)


# --------------------------------------------------------------------------- assembling


def _obj_lines(b: _Builder) -> list[str]:
    out: list[str] = []
    if b.addresses:
        out.append("config firewall address")
        for name, net in b.addresses:
            out += [
                f"    edit {_q(name)}",
                f"        set subnet {_mask(net)}",
                '        set comment "netaudit fix"',
                "    next",
            ]
        out.append("end")
    if b.groups:
        out.append("config firewall addrgrp")
        for name, members in b.groups:
            out += [f"    edit {_q(name)}", f"        set member {_qs(members)}", "    next"]
        out.append("end")
    if b.services:
        out.append("config firewall service custom")
        for name, body in b.services:
            out += [f"    edit {_q(name)}", *[f"        {x}" for x in body], "    next"]
        out.append("end")
    return out


def _policy_lines(b: _Builder) -> list[str]:
    out: list[str] = []
    for p in b.policies:
        out += ["    " + x for x in p.lines()]
    return out


def _indented(lines: list[str], ind: str) -> list[str]:
    return [ind + x if x else x for x in lines]


def render(plan: DevicePlan, device: Device, text: str) -> Rendered:
    tree = build(text)
    w = _where(tree, device)
    patch = _Patch(text)
    ids = _policy_ids(text)
    b = _Builder(device, w, patch, names=_existing_names(w), next_id=max(ids, default=0) + 1)
    _group_blocks(plan, device, b)
    _restrictions(plan, device, b)
    _antispoof(plan, b)
    _closes(plan, device, b)

    pblk = w.vblock("firewall policy")
    first = next(iter(pblk.entries), None) if pblk is not None else None
    objs = _obj_lines(b)
    pol = _policy_lines(b)
    moves = [f"    move {p.pid} before {first}" for p in b.policies] if first is not None else []

    # the VDOM part of the change set
    vcmds: list[str] = []
    vundo: list[str] = []
    if b.policies or objs:
        vcmds += objs
        if b.zone_cmds:
            vcmds += ["config system zone", *b.zone_cmds, "end"]
            vundo += ["config system zone", *b.zone_undo, "end"]
        if b.policies:
            vcmds += ["config firewall policy", *pol, *moves, "end"]
            vundo += ["config firewall policy", *[f"    delete {p.pid}" for p in b.policies], "end"]
        if b.groups:
            vundo += ["config firewall addrgrp", *[f"    delete {_q(n)}" for n, _ in b.groups], "end"]
        if b.addresses:
            vundo += ["config firewall address", *[f"    delete {_q(n)}" for n, _ in b.addresses], "end"]
        if b.services:
            vundo += ["config firewall service custom", *[f"    delete {_q(n)}" for n, _ in b.services], "end"]
        # the text: objects before the policy table, policies first in it
        if pblk is not None:
            ind = patch.indent(pblk.config_line)
            patch.before.setdefault(pblk.config_line, []).extend(_indented(objs, ind))
            patch.after.setdefault(pblk.config_line, []).extend(_indented(pol, ind))
        else:
            chunk = [*objs, "config firewall policy", *pol, "end"] if b.policies else objs
            if w.vdom_entry is not None:
                nexts = [n for n in w.vdom_entry.struct if n > w.vdom_entry.edit_line]
                at = max(nexts) if nexts else _last_line(w.vdom_entry)
                patch.before.setdefault(at, []).extend(chunk)
            else:
                patch.at_end.extend(chunk)
    # the open resolver: its own section, after the policies (nothing in it refers to them)
    vcmds += b.vdom_cmds
    vundo = b.vdom_undo + vundo

    change: list[str] = []
    rollback: list[str] = []
    vdom = device.context or "root"
    if w.vdom_mode:
        if b.global_cmds:
            change += ["config global", *b.global_cmds, "end"]
            rollback += ["config global", *b.global_undo, "end"]
        if vcmds:
            change += ["config vdom", f"edit {vdom}", *vcmds, "end"]
            rollback = ["config vdom", f"edit {vdom}", *vundo, "end", *rollback]
    else:
        change += vcmds + b.global_cmds
        rollback = vundo + b.global_undo

    head = [
        f"# netaudit fix — {device.hostname}" + (f" (VDOM {vdom})" if w.vdom_mode else ""),
        "# 1. execute backup config flash  (or System > Configuration > Backup) BEFORE pasting",
        "# 2. paste in the CLI console; the rollback is in the .rollback.txt file beside this one",
    ]
    notes = _notes(b, first is not None and bool(b.policies))
    return Rendered(
        change_set="\n".join(head + change) + "\n" if change else "\n".join(head) + "\n# (nothing to change)\n",
        patched=patch.text(),
        rollback="\n".join([f"# netaudit fix rollback — {device.hostname}", *rollback]) + "\n",
        notes=notes,
        left=b.left,
    )


def _notes(b: _Builder, moved: bool) -> list[dict[str, str]]:
    notes = [
        {
            "vi": "Sao lưu cấu hình trước khi dán (`execute backup config flash` hoặc System > Configuration > "
            "Backup); ghi lại số bản sửa đổi cấu hình (`execute revision list config`) để quay lại khi cần.",
            "en": "Back up the configuration before pasting (`execute backup config flash` or System > "
            "Configuration > Backup); note the configuration revision (`execute revision list config`) to "
            "return to it.",
        }
    ]
    if b.policies:
        notes.append(
            {
                "vi": "FortiGate so khớp chính sách theo thứ tự: các chính sách chặn mới phải đứng TRƯỚC mọi chính "
                "sách cũ (lệnh `move` trong bộ thay đổi). Kiểm tra trong Policy & Objects > Firewall Policy "
                "(chế độ xem theo thứ tự) rằng chúng đứng đầu.",
                "en": "FortiGate matches policies in order: the new deny policies must come BEFORE every old "
                "policy (the `move` commands of the change set). Check in Policy & Objects > Firewall Policy "
                "(sequence view) that they are on top.",
            }
        )
        if not moved:
            notes.append(
                {
                    "vi": "Bảng chính sách đang trống: không cần lệnh `move`.",
                    "en": "The policy table was empty: no `move` is needed.",
                }
            )
        notes.append(
            {
                "vi": "Sau khi áp dụng, thử từ phía Wi-Fi khách/vùng bị chặn (ping, mở trang web nội bộ) rằng không "
                "vào được, và từ các vùng được phép rằng vẫn dùng được; xem nhật ký lưu lượng bị chặn "
                "(Log & Report > Forward Traffic) của các chính sách NA-deny-*.",
                "en": "After applying, test from the guest / blocked side (ping, open an internal page) that it is "
                "refused, and from the allowed zones that they still work; watch the denied traffic log "
                "(Log & Report > Forward Traffic) of the NA-deny-* policies.",
            }
        )
    return notes + b.notes
