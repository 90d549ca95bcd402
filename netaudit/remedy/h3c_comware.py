"""H3C Comware change sets (docs/remedy.md, docs/vendors/h3c_comware.md "netaudit fix"):
the Huawei VRP generator (:mod:`.huawei_vrp`) with Comware's words, as the Comware parser
is VRP's machinery with Comware's tables.  One ordered change set per device, in system
view.

* **Blocks** — advanced-ACL rules (Comware's ``established`` for TCP replies, ICMP type and
  code) merged into the interface's ``packet-filter N inbound`` without changing what it
  decides for other packets: Comware reads a packet filter's rules in ascending rule
  number and passes a packet no rule matches (``packet-filter default deny``: denies it):

  - an ACL used only there, in ``match-order config``, whose first rule number leaves
    room → the new rules take the numbers below it (``rule 1 …``);
  - no room — the first rule is ``rule 0`` as Comware numbers an ACL typed without
    numbers, and changing the ``step`` renumbers the rules **from 0** (H3C ACL
    configuration guide, "Automatic rule numbering and renumbering"), so it frees nothing —,
    an ACL others use too, ``match-order auto``, or a new rule identical to one the ACL has
    (Comware refuses a rule "exactly the same as another rule") → a new ACL holding the new
    rules then the old ones in the order the device reads them, renumbered (a later copy
    of an identical rule dropped: it matched nothing), bound in place of the old one;
  - no packet filter → a new ACL of the new rules (its default passes the rest; with
    ``packet-filter default deny`` a last ``permit ip`` keeps the interface passing what it
    passed).

  Left with the reason: an interface in a **security zone** (zone-pairs, object-policies,
  ``security-policy ip``: a rule's place in them is decided by ``move rule`` and the policy's
  order, which this generator does not write), an interface or packet filter the parser
  reads as partial (an undefined ACL, ``packet-filter filter all``, a Layer-2 port, a
  ``nat server`` beside the inbound filter …).
* **Restrictions**: ``undo telnet server enable``, ``undo ip http enable``, ``undo ftp
  server enable``; every ``line vty`` (V7) / ``user-interface vty`` (V5) block ``acl N
  inbound`` (a basic ACL of the management subnets: one the file has that permits exactly
  them, else a new one; no block written where the file has none: left) and ``protocol
  inbound ssh`` where it admitted Telnet and authenticates by ``scheme`` (Comware accepts
  ``protocol inbound ssh`` only there); ``ip https acl N``; each ``snmp-agent community``
  given ``acl N`` (Comware has no device-wide SNMP ACL); ICMP echo denied to the device's
  own addresses where the zones that reached it enter (as VRP); anti-spoofing by uRPF left
  (its command and scope differ by model).
* The same change is applied to a copy of the configuration (``patched``) that the Comware
  parser reads as the device will be; the rollback undoes it in reverse.
"""

from __future__ import annotations

import re
from typing import ClassVar

from ..messages import both
from ..model import Device, IfKind
from ..parsers.huawei_vrp.syntax import port_number
from . import Rendered
from .entries import Ace
from .huawei_vrp import _Acl, _Binding, _Renderer, rule_text
from .plan import DevicePlan

PACKET_FILTER = " (packet-filter)"  # the model's filter of a packet-filter use (then its SVI's, NAT's views)

_HEADER = re.compile(
    r"^\s*acl\s+(?:(basic|advanced)\s+)?(?:number\s+)?(\d+)\b(?:.*?\bname\s+(\S+))?"
    r"|^\s*acl\s+(?:(?:basic|advanced)\s+)?name\s+(\S+)",
    re.I,
)
_VERSION = re.compile(r"^\s*version\s+(\d+)\.", re.I)


class _Comware(_Renderer):
    dynamic_address_key = "fix.left.comware_dynamic_address"
    # VRP's servers but the web server's (`ip http enable`); the catalogue's Comware texts
    off_commands: ClassVar = {**_Renderer.off_commands, "http": (r"^\s*ip\s+http\s+enable\s*$", "undo ip http enable")}
    keys: ClassVar = {k: v.replace(".huawei_", ".comware_") for k, v in _Renderer.keys.items()}
    vty_pattern = r"^(?:line|user-interface)\s+vty\s"
    restep_ok = False  # Comware renumbers from 0 when the step changes: no room at the top
    filter_word = "packet-filter"

    def __init__(self, plan: DevicePlan, device: Device, text: str):
        super().__init__(plan, device, text)
        versions = [int(m.group(1)) for t in self.cf.lines[:40] if (m := _VERSION.match(t))]
        self.v5 = bool(versions) and versions[0] == 5 and not self.cf.find(r"^line\s+vty\s")
        # New ACLs are written as the file writes its own (V7 `acl advanced 3000`, V5 and
        # early V7 `acl number 3000`); a file without ACLs: by its version.
        forms = [m.group(1) for t in self.cf.lines if (m := _HEADER.match(t)) and m.group(2)]
        self.typed = any(forms) if forms else not self.v5
        self.svis: list[str] = []  # VLAN interfaces given rules
        self.default_deny = bool(self.cf.find(r"^\s*packet-filter\s+default\s+deny\s*$"))

    # ----------------------------------------------------------------- syntax

    def rule_text(self, ace: Ace) -> str:
        return rule_text(ace, established="established", icmp_code=True)

    def own_filter(self, name: str) -> bool:
        return PACKET_FILTER in name

    def header_names(self, text: str) -> tuple[str, ...] | None:
        m = _HEADER.match(text)
        if m is None:
            return None
        if m.group(2):
            return (m.group(2), m.group(2), *([m.group(3)] if m.group(3) else []))
        return (m.group(4), m.group(4))

    def acl_header(self, kind: str, name: str) -> str:
        return f"acl {kind} {name}" if self.typed else f"acl number {name}"

    def acl_undo(self, kind: str, name: str) -> str:
        return f"undo {self.acl_header(kind, name)}"

    def filter_cmd(self, word: str, name: str) -> str:
        return f"packet-filter {name} {word}"

    def new_vty(self, rs: dict) -> str:
        """None is written where the file has no vty block (left, :meth:`render_vty`): how
        many vty lines a device has depends on the model and release (V7 often ``0 63``,
        V5 ``0 4`` or ``0 15``), and a line without a block authenticates by its default
        mode, which may refuse ``protocol inbound ssh``.  A ``line vty 0 63`` the device
        refuses leaves ``acl N inbound`` typed in system view (refused too) and its ``quit``
        leaves system view — while the re-audit, reading the patched text, would count the
        finding closed."""
        return ""

    def telnet_kept(self) -> bool:
        """Telnet stays (limited to management by the vty ACL, its finding left) where the
        file shows no SSH login: no ``ssh server enable`` (Comware's SSH server is off by
        default) or no local user with ``service-type … ssh``.  ``undo telnet server
        enable`` there left the console only — a drive to the commune to get back in."""
        if "telnet" not in {r.service for r in self.plan.restricts}:
            return False
        return not (self.cf.find(r"^\s*ssh\s+server\s+enable\s*$") and self.ssh_users())

    def ssh_users(self) -> bool:
        """Whether a local user may log in over SSH (``service-type … ssh`` in its block,
        or on its ``local-user`` line)."""
        for i in self.cf.find(r"^\s*local-user\s"):
            block = [self.cf.lines[i], *self.cf.lines[i + 1 : self.cf.block_end(i)]]
            if any(re.match(r"^\s*(?:local-user\s.*\s)?service-type\s.*\bssh\b", t, re.I) for t in block):
                return True
        return False

    def ssh_ok(self, body: dict[int, list[str]]) -> bool:
        """``protocol inbound ssh`` is refused on a line whose authentication mode is not
        ``scheme`` (H3C login management: SSH logins need AAA on the line)."""
        return any([w.lower() for w in words[:2]] == ["authentication-mode", "scheme"] for words in body.values())

    # ----------------------------------------------------------------- the device now

    def binding(self, ifname: str, direction: str) -> _Binding:
        """The ``packet-filter N|name X inbound|outbound`` line of ``ifname`` (the last one:
        one IPv4 ACL per direction)."""
        word = "inbound" if direction == "in" else "outbound"
        start = self.iface_line(ifname)
        if start is not None:
            own = [
                j
                for j in range(start + 1, self.cf.block_end(start))
                if (w := self.cf.lines[j].lower().split())[:1] == ["packet-filter"]
                and word in w
                and w[1] not in ("ipv6", "mac", "filter")
            ]
            if own:
                return _Binding(_packet_filter_acl(self.cf.lines[own[-1]]), own[-1])
        return _Binding(None, None)

    def may_insert(self, acl: _Acl, rules: list[str]) -> bool:
        """Comware refuses a rule whose statement is the same as an existing rule's — the
        same statement, however written (``eq www`` / ``eq 80``, ``source any``)."""
        have = {_statement(" ".join(self.cf.lines[j].split()[2:])) for j in acl.rules}
        return not any(_statement(r) in have for r in rules)

    def new_body(self, rules: list[str], where: _Binding) -> list[str]:
        out: list[str] = []
        seen: set[str] = set()
        for r in rules:  # a later rule of the same statement matched nothing: Comware refuses it
            if _statement(r) not in seen:
                seen.add(_statement(r))
                out.append(r)
        if where.acl is None and self.default_deny:
            out.append("permit ip")  # the interface had no filter: it passed every packet
        return out

    # ----------------------------------------------------------------- ACL rendering

    def render_acl(self, ifname: str, direction: str, aces: list[Ace]) -> None:
        findings = [
            i for b in self.plan.blocks if (b.interface, b.direction) == (ifname, direction) for i in b.findings
        ]
        findings += [i for r in self.plan.restricts for i in r.findings]
        iface = self.dev.interfaces.get(ifname)
        if iface is not None and (iface.zone or self.dev.forward_filter):
            self.out.leave(findings, both("fix.left.comware_zones", interface=ifname, zone=iface.zone or "?"))
            return
        if iface is not None and iface.out_of_band is not None:
            # The out-of-band management port: packet-filter is not among the views the
            # Comware V7 packet-filter reference lists (Ethernet, aggregate, subinterface,
            # VLAN interface): the command would be refused while the re-audit counted it.
            self.out.leave(findings, both("fix.left.comware_oob", interface=ifname))
            return
        if iface is not None and iface.kind == IfKind.SVI:
            self.svis.append(ifname)  # what it denies to the switch itself: not established
        if iface is not None and iface.partial:
            self.out.leave(findings, both("fix.left.comware_partial", interface=ifname, why=iface.partial))
            return
        flt = self.bound_filter(ifname, direction)
        if flt is not None and (flt.partial or any(line.partial for line in flt.lines if _ours(line))):
            acl = self.binding(ifname, direction).acl or flt.name
            self.out.leave(findings, both(self.keys["acl_not_read"], interface=ifname, acl=acl))
            return
        super().render_acl(ifname, direction, aces)

    # ----------------------------------------------------------------- management plane

    def render_servers(self) -> None:
        rs = {r.service: r for r in self.plan.restricts}
        if self.telnet_kept():
            ssh = "ssh server enable" if not self.cf.find(r"^\s*ssh\s+server\s+enable\s*$") else "service-type ssh"
            why = both("fix.left.comware_no_ssh", device=self.dev.hostname, what=ssh)
            for i in rs["telnet"].findings:  # this reason first: it is why Telnet stays
                had = self.out.left.get(i)
                self.out.left[i] = why if had is None else {k: f"{why[k]}; {had[k]}" for k in why}
        if self.svis:
            ids = [i for r in self.plan.restricts for i in r.findings]
            self.out.leave_also(ids, both("fix.left.comware_svi_local", interface=", ".join(self.svis)))
        if "icmp-echo" in rs:  # a Comware rule names the ICMP type with its code (echo: 8 0)
            self.out.leave_also(rs["icmp-echo"].findings, both("fix.left.comware_icmp_code"))
        self.servers_off(rs)
        https = rs.get("https")
        if https is not None and https.allow_from:
            self.set_global(
                r"^\s*ip\s+https\s+acl\s", f"ip https acl {self.mgmt_acl()}", "undo ip https acl", r"^\s*ip\s+https?\s"
            )
        snmp = rs.get("snmp")
        if snmp is not None and snmp.allow_from:
            self.render_snmp(snmp.findings)

    def render_snmp(self, findings: list[str]) -> None:
        """``acl N`` on every ``snmp-agent community`` (Comware's SNMP ACLs are per
        community, group and user): the community is deleted and written again with the
        ACL, the rollback writes the old line back.  SNMP groups and users (v3) are left."""
        acl = self.mgmt_acl()
        for i in self.cf.find(r"^\s*snmp-agent\s+community\s+\S+"):
            old = self.cf.lines[i].strip()
            words = old.split()
            new = _with_acl(words, acl)
            name = _community(words)
            self.config += [f"undo snmp-agent community {name}", new]
            self.rollback.append([f"undo snmp-agent community {name}", old])
            self.cf.replace[i] = [self.cf.lines[i][: self.cf.indent(i)] + new]
        if self.cf.find(r"^\s*snmp-agent\s+(group|usm-user)\s"):
            self.out.leave_also(findings, both("fix.left.comware_snmp_v3", device=self.dev.hostname))
        self.out.note(**both("fix.note.comware_snmp"))

    def render_vty(self) -> None:
        rs = {r.service: r for r in self.plan.restricts}
        wants = "telnet" in rs or (bool(self.mgmt) and any(s in rs for s in ("ssh", "telnet")))
        if wants and not self.cf.find(self.vty_pattern):
            ids = [i for s in ("ssh", "telnet") if s in rs for i in rs[s].findings]
            view = "user-interface vty" if self.v5 else "line vty"
            self.out.leave_also(ids, both("fix.left.comware_no_vty", device=self.dev.hostname, view=view))
        super().render_vty()


def _statement(rule: str) -> str:
    """A rule body (``permit tcp destination … destination-port eq www``) as the statement
    Comware compares: lower case, port names as numbers, ``any`` addresses and the
    ``counting`` / ``logging`` flags dropped (conservative: two rules that may be one
    statement are taken as one — a copy of the ACL is made rather than a refused insert)."""
    words = rule.lower().split()
    proto = {"tcp": 6, "udp": 17}.get(words[1]) if len(words) > 1 else None
    out: list[str] = []
    i = 0
    while i < len(words):
        w = words[i]
        if w in ("source", "destination") and words[i + 1 : i + 2] == ["any"]:
            i += 2
            continue
        if w in ("counting", "logging"):
            i += 1
            continue
        if w in ("eq", "lt", "gt", "neq", "range") and out[-1:] and out[-1].endswith("-port"):
            n = 3 if w == "range" else 2
            out += [w, *(str(port_number(p, proto) or p) for p in words[i + 1 : i + n])]
            i += n
            continue
        out.append(w)
        i += 1
    return " ".join(out)


def _ours(line) -> bool:
    """A line of the ACL itself (not one the parser put before it: a VLAN interface's
    packets for the switch, a NAT server's packets — doubts about those decide nothing
    for the packets the new rules match)."""
    return line.source is not None and line.source.text.split()[:1] == ["rule"]


def _packet_filter_acl(line: str) -> str | None:
    """The ACL a ``packet-filter N|name X inbound|outbound`` line names."""
    words = line.split()
    if len(words) >= 3 and words[1].lower() == "name":
        return words[2]
    return words[1] if len(words) >= 2 else None


def _with_acl(words: list[str], acl: str) -> str:
    """The ``snmp-agent community`` line ``words`` with its IPv4 ACL (``acl N``, ``acl name
    X``) replaced by ``acl <acl>``; an ``acl ipv6 …``, the MIB view and the rest kept."""
    k = _name_at(words)
    out, i = words[: k + 1], k + 1
    while i < len(words):
        if words[i].lower() == "acl" and i + 1 < len(words) and words[i + 1].lower() != "ipv6":
            i += 3 if words[i + 1].lower() == "name" else 2
            continue
        if words[i].lower() == "acl":  # acl ipv6 N | acl ipv6 name X: kept as it is
            n = 4 if i + 2 < len(words) and words[i + 2].lower() == "name" else 3
            out += words[i : i + n]
            i += n
            continue
        out.append(words[i])
        i += 1
    return " ".join([*out, "acl", acl])


def _name_at(words: list[str]) -> int:
    """Where the community's name stands in a ``snmp-agent community [read|write]
    [simple|cipher] NAME …`` line (V7's RBAC form ``… [simple|cipher] NAME user-role R``
    has no ``read|write``)."""
    k = 3 if len(words) > 3 and words[2].lower() in ("read", "write") else 2
    return k + 1 if len(words) > k + 1 and words[k].lower() in ("simple", "cipher") else k


def _community(words: list[str]) -> str:
    """The community a ``snmp-agent community [read|write] [simple|cipher] NAME …`` line
    names, as ``undo snmp-agent community`` takes it (``cipher X`` for a cipher one)."""
    k = _name_at(words)
    if k >= len(words):
        return ""
    return f"cipher {words[k]}" if words[k - 1].lower() == "cipher" else words[k]


def render(plan: DevicePlan, device: Device, text: str) -> Rendered:
    """The change set of ``plan`` for the Comware ``device`` whose configuration is ``text``."""
    return _Comware(plan, device, text).render()


__all__ = ["render"]
