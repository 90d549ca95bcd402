"""Huawei VRP change sets (docs/remedy.md, docs/vendors/huawei_vrp.md "netaudit fix"):
one ordered change set per device, in system view.

* **Blocks** are the entries :class:`~.entries.EntryPlanner` plans per interface and
  direction, written as advanced-ACL rules (``rule N permit|deny …``) and merged with what
  the interface's ``traffic-filter`` does today.  VRP reads a traffic-filter's rules in
  ascending rule number and **passes** a packet no rule matches (docs/vendors/huawei_vrp.md,
  "ACLs"), so:

  - the interface (or its VLAN, ``traffic-filter vlan V inbound``) is bound to an ACL used
    only there, in ``match-order config``, whose first rule number leaves room → the new
    rules take numbers below it (``rule 1 …``), the old rules stay after them, a final
    ``rule 100 deny ip`` included;
  - no room, an ACL others use too (another traffic-filter, a vty, NAT), or
    ``match-order auto`` → a new ACL holding the new rules, then the old ones in the
    order the device reads them now, renumbered, bound in place of the old one;
  - no traffic-filter → a new ACL of the new rules (a packet matching none passes: the
    traffic-filter's default is permit, nothing else changes).

  A device-wide ``traffic-filter inbound acl …`` (system view) or a ``traffic-policy`` on
  the interface is not merged into: the blocks there are left, with the reason.
* **Restrictions**: ``undo telnet server enable``, ``undo http server enable``, ``undo ftp
  server enable``; every ``user-interface vty`` block ``acl N inbound`` (a basic ACL of the
  management subnets: an existing one that says exactly that, else a new one) and
  ``protocol inbound ssh`` where it admitted telnet; ``http acl N`` for HTTPS;
  ``snmp-agent acl N``; ICMP echo (and any other service VRP has no knob for) denied to
  the device's own addresses where the zones that reached it enter; the management
  subnets denied as a source where they cannot arrive.
* **Hardening** (the plan's :class:`~.plan.Hardening`): ``huawei-ftp-server`` closed by
  ``undo ftp server enable``; ``huawei-vty-no-authentication`` by ``authentication-mode
  aaa`` where a local user may log in over SSH or Telnet (else left: the vty would lock
  everyone out); ``huawei-reversible-password`` left (only the account's owner can set
  the password again).
* The same change is applied textually to a copy of the configuration (``patched``) so
  that the VRP parser reads the device as it will be; the rollback undoes it in reverse.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import ClassVar

from netaddr import IPNetwork, IPSet

from ..messages import both
from ..model import PROTO_ICMP, Device, Filter
from . import Rendered
from .entries import PROTO_WORDS, Ace, EntryPlanner, prefixes
from .plan import DevicePlan

KNOB_SERVICES = frozenset({"ssh", "telnet", "http", "https", "snmp", "ftp"})
STEP = 5  # VRP's default rule step: the rule numbers a new ACL takes
MAX_STEP = 20  # VRP's largest step: renumbered so, an ACL has room for 19 rules at its top
TRAFFIC_FILTER = " (traffic-filter)"  # the suffix of the model's filter for a traffic-filter use

_ACL_HEADER = re.compile(r"^\s*acl\s+(?:number\s+)?(\d+)\b|^\s*acl\s+name\s+(\S+)", re.I)
_RULE = re.compile(r"^\s*rule\s+(\d+)\s+(permit|deny)\b", re.I)


# --------------------------------------------------------------------------- rule text


def _wildcard(net: IPNetwork) -> str:
    return f"{net.network} 0" if net.prefixlen == 32 else f"{net.network} {net.hostmask}"


def rule_text(ace: Ace, established: str = "tcp-flag established", icmp_code: bool = False) -> str:
    """An entry as an advanced-ACL rule body (``permit tcp source … destination …``);
    ``established`` is how TCP replies are written (Comware: ``established``), ``icmp_code``
    adds the code 0 after an ICMP type (Comware V5 wants both)."""
    proto = "ip" if ace.proto is None else PROTO_WORDS.get(ace.proto, str(ace.proto))
    out = [ace.action, proto]
    if ace.src is not None and ace.src.prefixlen > 0:
        out += ["source", _wildcard(ace.src)]
    if ace.dst is not None and ace.dst.prefixlen > 0:
        out += ["destination", _wildcard(ace.dst)]
    if ace.ports is not None:
        lo, hi = ace.ports
        out += ["destination-port", f"eq {lo}" if lo == hi else f"range {lo} {hi}"]
    if ace.icmp_type is not None and ace.proto == PROTO_ICMP:
        # By number: a VRP icmp-type name also fixes the code (echo = 8 0).
        out += ["icmp-type", str(ace.icmp_type), *(["0"] if icmp_code else [])]
    if ace.established:
        out += established.split()
    return " ".join(out)


# --------------------------------------------------------------------------- the text


@dataclass
class _Config:
    """The configuration as lines, with edits keyed by 0-based line index."""

    lines: list[str]
    before: dict[int, list[str]] = field(default_factory=dict)
    replace: dict[int, list[str]] = field(default_factory=dict)

    def indent(self, i: int) -> int:
        return len(self.lines[i]) - len(self.lines[i].lstrip())

    def block_end(self, start: int) -> int:
        """The first line after the block opened at ``start``: its lines are indented
        deeper than its header (AR routers indent their one-line globals by one space)."""
        depth = self.indent(start)
        i = start + 1
        while i < len(self.lines) and self.lines[i].strip() not in ("#", "") and self.indent(i) > depth:
            i += 1
        return i

    def find(self, pattern: str) -> list[int]:
        rx = re.compile(pattern, re.I)
        return [i for i, t in enumerate(self.lines) if rx.match(t)]

    def globals_at(self) -> int:
        """Where new global commands go: before the first interface, else ``return``."""
        for pat in (r"^interface\s", r"^\s*return\s*$"):
            hit = self.find(pat)
            if hit:
                return hit[0]
        return len(self.lines)

    def render(self) -> str:
        out: list[str] = []
        for i, text in enumerate(self.lines):
            out += self.before.get(i, [])
            out += self.replace.get(i, [text])
        out += self.before.get(len(self.lines), [])
        return "\n".join(out) + "\n"


@dataclass
class _Acl:
    """An ACL as the text holds it."""

    name: str
    header: int  # index of its `acl …` line
    end: int  # index of the first line after its block
    rules: list[int]  # indexes of its `rule N` lines
    numbers: list[int]  # their rule numbers (every rule line numbered, or None)


@dataclass
class _Binding:
    """Where an interface's traffic-filter of one direction is written."""

    acl: str | None  # the ACL it names (None: there is none)
    line: int | None  # index of the traffic-filter line (None: there is none)
    vlan: int | None = None  # a system-view `traffic-filter vlan V …`
    device_wide: bool = False  # a system-view `traffic-filter inbound|outbound acl …`


class _Renderer(EntryPlanner):
    knob_services = KNOB_SERVICES
    dynamic_address_key = "fix.left.huawei_dynamic_address"
    # What differs on a vendor built on VRP (remedy/h3c_comware.py): the catalogue keys of
    # its notes and reasons, the vty view, whether `step` makes room at an ACL's top.
    off_commands: ClassVar[dict[str, tuple[str, str]]] = {
        "telnet": (r"^\s*telnet\s+server\s+enable\s*$", "undo telnet server enable"),
        "http": (r"^\s*http\s+server\s+enable\s*$", "undo http server enable"),
        "ftp": (r"^\s*ftp\s+server\s+enable\s*$", "undo ftp server enable"),
    }
    keys: ClassVar[dict[str, str]] = {
        "rebind": "fix.note.huawei_rebind",
        "ssh_first": "fix.note.huawei_ssh_first",
        "old_acl_unused": "fix.note.huawei_old_acl_unused",
        "urpf": "fix.left.huawei_urpf",
        "acl_not_read": "fix.left.huawei_acl_not_read",
        "no_interface": "fix.left.huawei_no_interface",
    }
    vty_pattern = r"^user-interface\s+vty\s"
    restep_ok = True  # VRP renumbers from the step: `step 20` frees 1..19
    filter_word = "traffic-filter"

    def __init__(self, plan: DevicePlan, device: Device, text: str):
        super().__init__(plan, device)
        self.cf = _Config(text.splitlines())
        self.config: list[str] = []  # the change set's commands, in order
        # The undo of each change, one group of commands per change: undone last first.
        self.rollback: list[list[str]] = []
        self.drop_acls: list[str] = []  # rollback: the new ACLs go once nothing binds them
        self.new_acls: list[list[str]] = []  # their blocks, for the text
        self.used_numbers = {int(n) for n in device.filters if n.isdecimal()}
        self.mgmt_acl_name: str | None = None
        self.copies: dict[tuple[str, str, tuple[str, ...]], str] = {}  # (old ACL, direction, rules) -> new ACL
        self.rebound: dict[str, int] = {}  # old ACL -> how many of its bindings now name a new one

    # ----------------------------------------------------------------- the device now

    def current_filter(self, ifname: str, direction: str) -> Filter | None:
        flt = self.bound_filter(ifname, direction)
        if flt is None or not flt.lines or (flt.kind == "synthesized" and not self.own_filter(flt.name)):
            return None  # none, an undefined ACL or one without rules: the traffic-filter passes every packet
        return flt

    def own_filter(self, name: str) -> bool:
        """Whether the model's filter ``name`` is an interface's use of an ACL (not a
        filter the parser made of something else)."""
        return name.endswith(TRAFFIC_FILTER)

    def outside_interfaces(self) -> list[str]:
        """The interfaces ``nat outbound`` translates on (Easy IP)."""
        out: list[str] = []
        for rule in self.dev.nat_rules:
            if rule.kind == "source":
                out += [n for n in sorted(rule.out_ifaces or ()) if n not in out]
        return [n for n in out if n in self.dev.interfaces and not self.dev.interfaces[n].shutdown]

    def iface_line(self, ifname: str) -> int | None:
        iface = self.dev.interfaces.get(ifname)
        if iface is None or iface.source is None:
            return None
        idx = iface.source.line - 1
        if 0 <= idx < len(self.cf.lines) and self.cf.lines[idx].strip().lower().startswith("interface"):
            return idx
        return None

    def binding(self, ifname: str, direction: str) -> _Binding:
        """The traffic-filter line that gives ``ifname`` its filter in ``direction``."""
        word = "inbound" if direction == "in" else "outbound"
        start = self.iface_line(ifname)
        if start is not None:
            own = [
                j
                for j in range(start + 1, self.cf.block_end(start))
                if self.cf.lines[j].split()[:2] == ["traffic-filter", word]
            ]
            if own:  # VRP keeps the last one of a direction
                return _Binding(_named(self.cf.lines[own[-1]]), own[-1])
        iface = self.dev.interfaces.get(ifname)
        vlan = iface.svi_vlan if iface is not None else None
        if vlan is not None:
            hit = self.cf.find(rf"^traffic-filter\s+vlan\s+{vlan}\s+{word}\s+acl\s")
            if hit:
                return _Binding(_named(self.cf.lines[hit[-1]]), hit[-1], vlan=vlan)
        if self.cf.find(rf"^traffic-filter\s+{word}\s+acl\s"):
            return _Binding(None, None, device_wide=True)
        return _Binding(None, None)

    def header_names(self, text: str) -> tuple[str, ...] | None:
        """The names an ACL header line gives its ACL (the first the one bindings use),
        None where ``text`` is no ACL header."""
        m = _ACL_HEADER.match(text)
        if m is None:
            return None
        return (m.group(1), m.group(1)) if m.group(1) else (m.group(2), text.split()[-1])

    def acl_header(self, kind: str, name: str) -> str:
        """The header of a new ACL (``kind`` basic or advanced)."""
        return f"acl number {name}"

    def acl_undo(self, kind: str, name: str) -> str:
        """The command deleting a new ACL."""
        return f"undo acl number {name}"

    def filter_cmd(self, word: str, name: str) -> str:
        """The interface command binding ACL ``name`` in direction ``word``."""
        return f"traffic-filter {word} acl {name}"

    def may_insert(self, acl: _Acl, rules: list[str]) -> bool:
        """Whether ``rules`` may be typed into ``acl`` as they are."""
        return True

    def new_body(self, rules: list[str], where: _Binding) -> list[str]:
        """The rules of a new ACL taking the place of the binding ``where``."""
        return rules

    def find_acl(self, name: str) -> _Acl | None:
        for i, text in enumerate(self.cf.lines):
            names = self.header_names(text)
            if names is None or self.cf.indent(i) > 1:
                continue
            named = names[0]
            if name not in names:
                continue
            end = self.cf.block_end(i)
            rules = [j for j in range(i + 1, end) if self.cf.lines[j].split()[:1] == ["rule"]]
            numbers = [int(r.group(1)) for j in rules if (r := _RULE.match(self.cf.lines[j]))]
            return _Acl(named, i, end, rules, numbers if len(numbers) == len(rules) else [])
        return None

    def uses(self, acl: str) -> int:
        """How many lines of the configuration name ACL ``acl`` (bindings, vty, NAT …)."""
        return sum(1 for r in self.dev.references if r.kind == "acl" and r.name == acl)

    def new_number(self, lo: int, hi: int) -> str:
        """A free ACL number in ``lo``..``hi``: above the highest used there, else the lowest free."""
        used = [n for n in self.used_numbers if lo <= n <= hi]
        cand = max(used) + 1 if used and max(used) < hi else next(n for n in range(lo, hi + 1) if n not in used)
        self.used_numbers.add(cand)
        return str(cand)

    # ----------------------------------------------------------------- ACL rendering

    def render_acls(self) -> None:
        for (ifname, direction), aces in self.entries.items():
            if aces:
                self.render_acl(ifname, direction, aces)
        for old, count in self.rebound.items():
            if count == self.uses(old):  # every binding moved to a new ACL: the old one is unused now
                self.out.note(**both(self.keys["old_acl_unused"], acl=old))

    def render_acl(self, ifname: str, direction: str, aces: list[Ace]) -> None:
        findings = [
            i for b in self.plan.blocks if (b.interface, b.direction) == (ifname, direction) for i in b.findings
        ]
        findings += [i for r in self.plan.restricts for i in r.findings]
        start = self.iface_line(ifname)
        if start is None:
            self.out.leave(findings, both(self.keys["no_interface"], interface=ifname))
            return
        iface = self.dev.interfaces[ifname]
        bound = iface.filter_in if direction == "in" else iface.filter_out
        where = self.binding(ifname, direction)
        if where.device_wide or (bound is not None and where.acl is None and self.own_filter(bound)):
            self.out.leave(findings, both("fix.left.huawei_device_filter", interface=ifname))
            return
        if bound is not None and not self.own_filter(bound) and where.acl is None:
            self.out.leave(findings, both("fix.left.huawei_traffic_policy", interface=ifname, policy=bound))
            return
        rules = [self.rule_text(a) for a in aces]
        flt = self.current_filter(ifname, direction)
        if flt is not None and flt.partial:
            self.out.leave(findings, both(self.keys["acl_not_read"], interface=ifname, acl=where.acl or "?"))
            return
        acl = self.find_acl(where.acl) if where.acl else None
        if flt is not None and acl is not None and self.only_here(acl) and self.may_insert(acl, rules):
            if min(acl.numbers) - 1 >= len(rules):
                self.insert_top(acl, rules)
                return
            if self.restep_ok and len(rules) < MAX_STEP:
                self.insert_top(acl, rules, self.restep(acl))
                return
        # Interfaces that had the same ACL (or none) and get the same rules share one new ACL.
        key = (where.acl or "", direction, tuple(rules))
        name = self.copies.get(key)
        if name is None:
            old = self.old_rules(flt) if flt is not None else []
            name = self.copies[key] = self.new_number(3000, 3999)
            was = f" (was {where.acl})" if where.acl else ""
            body = [self.acl_header("advanced", name), f" description netaudit: {ifname} {direction}bound{was}"]
            body += [f" rule {STEP * (k + 1)} {r}" for k, r in enumerate(self.new_body([*rules, *old], where))]
            self.new_acls.append(body)
            self.config += [*body, "quit"]
            self.drop_acls.append(self.acl_undo("advanced", name))
        self.bind(ifname, direction, where, name, start)

    def only_here(self, acl: _Acl) -> bool:
        """Whether the new rules may go into ``acl`` itself: this binding alone uses it, its
        rules are numbered and read in rule-number order (``match-order config``)."""
        header = self.cf.lines[acl.header].lower()
        return bool(acl.numbers) and self.uses(acl.name) == 1 and "match-order auto" not in header

    def restep(self, acl: _Acl) -> tuple[str, str]:
        """Room at the top of ``acl``: VRP renumbers an ACL's rules when its step changes
        (``step S``: S, 2S, 3S … in the same order, docs/vendors/huawei_vrp.md, sources), so
        the first rule becomes S and the rules below it are free.  The text gets the new
        numbers; the rollback's ``step`` renumbers again (same order, other numbers).
        Returns the command and its undo."""
        old_step = next((j for j in range(acl.header + 1, acl.end) if self.cf.lines[j].split()[:1] == ["step"]), None)
        undo = f" {self.cf.lines[old_step].strip()}" if old_step is not None else " undo step"
        self.out.note(
            **both("fix.note.huawei_restep", acl=acl.name, step=MAX_STEP, step2=2 * MAX_STEP, step3=3 * MAX_STEP)
        )
        if old_step is not None:
            self.cf.replace[old_step] = [f" step {MAX_STEP}"]
        else:
            self.cf.before.setdefault(acl.header + 1, []).append(f" step {MAX_STEP}")
        order = sorted(zip(acl.numbers, acl.rules, strict=True))
        for k, (number, j) in enumerate(order):
            text = self.cf.lines[j]
            self.cf.replace[j] = [re.sub(rf"\brule\s+{number}\b", f"rule {MAX_STEP * (k + 1)}", text, count=1)]
        acl.numbers = [MAX_STEP * (k + 1) for k in range(len(order))]
        acl.rules = [j for _, j in order]
        return f" step {MAX_STEP}", undo

    def insert_top(self, acl: _Acl, rules: list[str], restep: tuple[str, str] | None = None) -> None:
        """The new rules numbered below the ACL's first rule, in order (after ``restep``'s
        command where the ACL was renumbered to make room; its undo comes last)."""
        step = min(STEP, (min(acl.numbers) - 1) // len(rules))
        numbered = [f" rule {step * (k + 1)} {r}" for k, r in enumerate(rules)]
        header = self.cf.lines[acl.header].strip()
        lead, tail = ([restep[0]], [restep[1]]) if restep else ([], [])
        self.config += [header, *lead, *numbered, "quit"]
        self.rollback.append([header, *[f" undo rule {step * (k + 1)}" for k in range(len(rules))], *tail, "quit"])
        first = min(acl.rules)
        self.cf.before.setdefault(first, []).extend(numbered)

    def old_rules(self, flt: Filter) -> list[str]:
        """The rules of ``flt`` in the order the device reads them, without their numbers."""
        out: list[str] = []
        seen: set[int] = set()
        for line in flt.lines:
            src = line.source
            if src is None or src.line in seen:
                continue
            seen.add(src.line)
            words = src.text.split()
            if words[:1] != ["rule"]:
                continue  # a line the parser put before the ACL's (Comware: an SVI's, a NAT server's)
            body = words[2:] if len(words) > 2 and words[1].isdecimal() else words[1:]
            out.append(" ".join(body))
        return out

    def bind(self, ifname: str, direction: str, where: _Binding, name: str, start: int) -> None:
        """``traffic-filter … acl NAME`` in place of the old binding (or added)."""
        word = "inbound" if direction == "in" else "outbound"
        if where.acl is not None:
            self.rebound[where.acl] = self.rebound.get(where.acl, 0) + 1
        if where.vlan is not None:
            assert where.line is not None
            old = self.cf.lines[where.line].strip()
            new = f"{self.filter_word} vlan {where.vlan} {word} acl {name}"
            self.config += [f"undo {old}", new]
            self.rollback.append([f"undo {new}", old])
            self.cf.replace[where.line] = [new]
            return
        header = self.cf.lines[start].strip()
        new = f" {self.filter_cmd(word, name)}"
        if where.line is not None:
            old = self.cf.lines[where.line].strip()
            self.config += [header, f" undo {old}", new, "quit"]
            self.rollback.append([header, f" undo{new}", f" {old}", "quit"])
            self.cf.replace[where.line] = [new]
        else:
            self.config += [header, new, "quit"]
            self.rollback.append([header, f" undo{new}", "quit"])
            self.cf.before.setdefault(self.cf.block_end(start), []).append(new)

    def place_new_acls(self) -> None:
        """The new ACLs in the text after the last ACL (before the first interface where
        there is none), each after a ``#`` separator."""
        if not self.new_acls:
            return
        headers = [i for i, t in enumerate(self.cf.lines) if self.header_names(t) and self.cf.indent(i) <= 1]
        at = self.cf.block_end(headers[-1]) if headers else self.cf.globals_at()
        lines: list[str] = []
        for body in self.new_acls:
            lines += ["#", *body]
        if at < len(self.cf.lines) and self.cf.lines[at].strip() != "#":
            lines.append("#")
        self.cf.before.setdefault(at, [])[:0] = lines

    # ----------------------------------------------------------------- management plane

    def mgmt_acl(self) -> str:
        """A basic ACL of the management subnets: one the configuration has that permits
        exactly them, else a new one."""
        if self.mgmt_acl_name is not None:
            return self.mgmt_acl_name
        want = self.hs.addr("src_ip", prefixes(IPSet(self.mgmt)))
        for name, flt in self.dev.filters.items():
            basic = flt.kind == "acl" and name.isdecimal() and 2000 <= int(name) <= 2999
            if basic and not flt.partial and flt.lines and self._permitted(flt) == want and self.find_acl(name):
                self.mgmt_acl_name = name
                return name
        name = self.new_number(2000, 2999)
        body = [self.acl_header("basic", name), " description netaudit: management subnets"]
        body += [
            f" rule {STEP * (k + 1)} permit source {_wildcard(n)}" for k, n in enumerate(IPSet(self.mgmt).iter_cidrs())
        ]
        self.new_acls.insert(0, body)
        self.config[:0] = [*body, "quit"]
        self.drop_acls.append(self.acl_undo("basic", name))
        self.mgmt_acl_name = name
        return name

    def set_global(self, pattern: str, new: str, old_default: str | None, near: str | None = None) -> None:
        """A global command ``new`` in place of the lines matching ``pattern`` (or added,
        after the last global line matching ``near``, else before the first interface);
        the rollback restores them (``old_default`` where there were none)."""
        hit = [i for i in self.cf.find(pattern) if self.cf.indent(i) <= 1]
        self.config.append(new)
        if hit:
            self.rollback.append([self.cf.lines[i].strip() for i in hit])
            for i in hit:  # in the line's own indentation (AR routers indent their globals)
                self.cf.replace[i] = [self.cf.lines[i][: self.cf.indent(i)] + new]
            return
        if old_default:
            self.rollback.append([old_default])
        after = [i for i in self.cf.find(near) if self.cf.indent(i) <= 1] if near else []
        at = after[-1] + 1 if after else self.cf.globals_at()
        self.cf.before.setdefault(at, []).append(new)

    def servers_off(self, rs: dict) -> None:
        """The cleartext servers off (``off_commands``: the line that turns each on, the
        command that turns it off; ``huawei-ftp-server`` asks for FTP too)."""
        checks = {h.check for h in self.plan.hardening}
        for service, (pattern, off) in self.off_commands.items():
            if service == "telnet" and self.telnet_kept():
                continue
            if service in rs or (service == "ftp" and "huawei-ftp-server" in checks):
                self.set_global(pattern, off, None)

    def render_servers(self) -> None:
        rs = {r.service: r for r in self.plan.restricts}
        self.servers_off(rs)
        https = rs.get("https")
        if https is not None and https.allow_from:
            self.set_global(r"^\s*http\s+acl\s", f"http acl {self.mgmt_acl()}", "undo http acl", r"^\s*http\s")
        snmp = rs.get("snmp")
        if snmp is not None and snmp.allow_from:
            acl = self.mgmt_acl()
            self.set_global(
                r"^\s*snmp-agent\s+acl\s", f"snmp-agent acl {acl}", "undo snmp-agent acl", r"^\s*snmp-agent\b"
            )
            own = [i for i in self.cf.find(r"^\s*snmp-agent\s+community\s") if " acl " in self.cf.lines[i].lower()]
            if own:
                self.out.leave(snmp.findings, both("fix.left.huawei_snmp_community_acl", device=self.dev.hostname))
            self.out.note(**both("fix.note.huawei_snmp"))

    def render_vty(self) -> None:
        rs = {r.service: r for r in self.plan.restricts}
        telnet_off = "telnet" in rs and not self.telnet_kept()
        limit = bool(self.mgmt) and any(s in rs for s in ("ssh", "telnet"))
        no_auth = {h.line for h in self.plan.hardening if h.check == "huawei-vty-no-authentication"}
        login = self.login_users()
        vty = self.cf.find(self.vty_pattern)
        if not (telnet_off or limit or no_auth):
            return
        if not vty and (telnet_off or limit) and self.new_vty(rs):
            new = [self.new_vty(rs)]
            new += [f" acl {self.mgmt_acl()} inbound"] if limit else []
            new += [" protocol inbound ssh"] if telnet_off else []
            self.config += [*new, "quit"]
            undo_new = [" undo acl inbound"] if limit else []
            undo_new += [" undo protocol inbound"] if telnet_off else []
            self.rollback.append([new[0], *undo_new, "quit"])
            at = (self.cf.find(r"^\s*return\s*$") or [len(self.cf.lines)])[-1]
            self.cf.before.setdefault(at, []).extend(["#", *new])
        for i in vty:
            end = self.cf.block_end(i)
            body = {j: self.cf.lines[j].split() for j in range(i + 1, end)}
            cmds: list[str] = []
            undo: list[str] = []
            if limit:
                self.vty_line(i, end, body, ["acl"], f" acl {self.mgmt_acl()} inbound", cmds, undo, " undo acl inbound")
            proto = next((w for w in body.values() if w[:2] == ["protocol", "inbound"]), None)
            if telnet_off and (proto is None or proto[2:3] in (["all"], ["telnet"])) and self.ssh_ok(body):
                self.vty_line(
                    i, end, body, ["protocol", "inbound"], " protocol inbound ssh", cmds, undo, " undo protocol inbound"
                )
            if any(i < n - 1 < end for n in no_auth):
                if login:
                    self.vty_line(i, end, body, ["authentication-mode"], " authentication-mode aaa", cmds, undo, None)
                else:
                    ids = [h.finding for h in self.plan.hardening if h.check == "huawei-vty-no-authentication"]
                    self.out.leave(ids, both("fix.left.huawei_vty_no_login_user", device=self.dev.hostname))
            if cmds:
                header = self.cf.lines[i].strip()
                self.config += [header, *cmds, "quit"]
                self.rollback.append([header, *undo, "quit"])
        if telnet_off:
            self.out.note(**both(self.keys["ssh_first"]))

    def telnet_kept(self) -> bool:
        """Whether Telnet stays on, limited to management like SSH rather than turned off
        (a vendor that sees no SSH login the device would accept: the console only left)."""
        return False

    def new_vty(self, rs: dict) -> str:
        """The header of a vty block where the file has none."""
        return "user-interface vty 0 4"

    def ssh_ok(self, body: dict[int, list[str]]) -> bool:
        """Whether ``protocol inbound ssh`` may be set in a vty block of these lines."""
        return True

    def vty_line(
        self,
        i: int,
        end: int,
        body: dict[int, list[str]],
        key: list[str],
        new: str,
        cmds: list[str],
        undo: list[str],
        undo_new: str | None,
    ) -> None:
        """``new`` in vty block ``i`` in place of its line starting with ``key`` (or added)."""
        old = next((j for j, w in body.items() if w[: len(key)] == key and (key != ["acl"] or "inbound" in w)), None)
        cmds.append(new)
        if old is not None:
            undo.append(" " + self.cf.lines[old].strip())
            self.cf.replace[old] = [new]
        else:
            if undo_new is not None:
                undo.append(undo_new)
            self.cf.before.setdefault(end, []).append(new)

    def rule_text(self, ace: Ace) -> str:
        return rule_text(ace)

    def login_users(self) -> bool:
        """Whether a local user may log in over SSH or Telnet (``service-type … ssh``)."""
        return any(re.match(r"^\s*local-user\s+\S+\s+service-type\s.*\b(ssh|telnet)\b", t, re.I) for t in self.cf.lines)

    def render_hardening(self) -> None:
        for h in self.plan.hardening:
            if h.check == "huawei-reversible-password":
                self.out.leave([h.finding], both("fix.left.huawei_reversible_password", where=f"{h.file}:{h.line}"))

    def render_antispoof(self) -> None:
        for a in self.plan.antispoofs:
            self.out.leave(a.findings, both(self.keys["urpf"], device=self.dev.hostname, interface=a.interface))

    def render(self) -> Rendered:
        self.plan_blocks()
        self.plan_control_plane()
        self.plan_closes()
        self.plan_mgmt_antispoof()
        self.render_acls()
        self.render_servers()
        self.render_vty()
        self.render_hardening()
        self.render_antispoof()
        zones = self.console_only()
        if zones:  # no management zone: SSH is stopped from every zone that reached it
            self.out.note(**both("fix.note.no_mgmt_console", zones=", ".join(zones)))
        self.place_new_acls()
        notes = [both("fix.note.huawei_before"), both("fix.note.huawei_apply_from"), *self.out.notes]
        if any(c.lstrip().startswith(f"undo {self.filter_word}") for c in self.config):
            notes.insert(2, both(self.keys["rebind"]))
        rollback = self.rollback_in_order()
        header = [f"# netaudit fix — {self.dev.hostname} ({self.plan.file})", *[f"# {n['en']}" for n in notes]]
        change_set = "\n".join([*header, "system-view", *self.config, "return"]) + "\n" if self.config else ""
        rb = [f"# netaudit fix rollback — {self.dev.hostname}", "system-view", *rollback, "return"]
        rb_text = "\n".join(rb) + "\n" if rollback else ""
        return Rendered(change_set, self.cf.render(), rb_text, notes, dict(self.out.left))

    def rollback_in_order(self) -> list[str]:
        """The undo commands: the last change first, then the new ACLs once nothing binds them."""
        return [c for group in reversed(self.rollback) for c in group] + list(reversed(self.drop_acls))


def _named(line: str) -> str | None:
    """The ACL a ``traffic-filter … acl N | acl name X`` line names."""
    words = line.split()
    if "acl" not in words:
        return None
    rest = words[words.index("acl") + 1 :]
    if rest[:1] == ["name"] and len(rest) >= 2:
        return rest[1]
    return rest[0] if rest else None


def render(plan: DevicePlan, device: Device, text: str) -> Rendered:
    """The change set of ``plan`` for the VRP ``device`` whose configuration is ``text``."""
    return _Renderer(plan, device, text).render()


__all__ = ["render", "rule_text"]
