"""The Junos parse, in order: the text → statements (:mod:`.syntax`), the readers, the
conversion to one :class:`~netaudit.model.Device`, then the accounting — every statement
not read is an unrecognized line, and what it would have set is partial — and the secrets.
"""

from __future__ import annotations

from netaudit.messages import Text
from netaudit.model import PROTO_TCP, PROTO_UDP, MgmtService, ParseResult, PortRange, Src
from netaudit.parsers import not_evidence
from netaudit.parsers.base import hostname_from_file, join_reasons
from netaudit.parsers.juniper_junos.facts import JunosFacts
from netaudit.parsers.juniper_junos.interfaces import Interfaces
from netaudit.parsers.juniper_junos.management import Management
from netaudit.parsers.juniper_junos.objects import Book
from netaudit.parsers.juniper_junos.routing import Routing
from netaudit.parsers.juniper_junos.state import Conf
from netaudit.parsers.juniper_junos.syntax import UNREAD, Stmt, read
from netaudit.secrets import key_material_lines

VENDOR = "juniper_junos"

# Top-level sections with no effect on IPv4 reach between zones.
_TOP_IGNORED = frozenset(
    {
        "version",
        "chassis",
        "class-of-service",
        "event-options",
        "poe",
        "virtual-chassis",
        "ethernet-switching-options",
        "switch-options",
        "access",
        "access-profile",
        "schedulers",
        "multi-chassis",
        "smtp",
        "wlan",
        "apply-groups",
        "accounting-options",
        "diameter",
        "jsrc",
        "services-rpm",
    }
)
# Top-level sections that change forwarding in ways not modelled: every statement partial.
_TOP_PARTIAL = {
    "logical-systems": "input.junos.logical_systems",
    "tenants": "input.junos.logical_systems",
    "bridge-domains": "input.junos.bridge_domains",
}
# Secrets: the value after one of these words (`pre-shared-key ascii-text X`: after the
# encoding word too).
_SECRET_WORDS = frozenset(
    {
        "encrypted-password",
        "secret",
        "authentication-key",
        "pre-shared-key",
        "key",
        "simple-password",
        "password",
        "authentication-password",
        "privacy-password",
        "shared-secret",
        "passphrase",
        "key-string",
        "psk",
        "auth-key",
        "ascii-text",
        "hexadecimal",
        "authentication-key-chain-secret",
        "default-chap-secret",
        "chap-secret",
        "pap-password",
        "community-name",  # snmp v3 snmp-community N community-name
    }
)
# Grammar words after a secret word, never its value (`system login password minimum-length 8`).
_NOT_SECRETS = frozenset({
    "minimum-length", "maximum-length", "format", "change-type", "minimum-changes", "minimum-numerics",
    "minimum-upper-cases", "minimum-lower-cases", "minimum-punctuations", "minimum-character-changes",
    "minimum-reuse", "maximum-lifetime", "minimum-lifetime", "sha1", "sha256", "sha512", "md5", "des",
    "encrypted-password", "plain-text-password", "local-name", "algorithm", "options", "start-time",
    "key-name", "key-chain", "hmac-md5-96", "hmac-sha-96", "loose-authentication-check", "no-encryption",
})  # fmt: skip
_ENCODINGS = frozenset({"ascii-text", "hexadecimal"})
_HASH_PREFIXES = ("$9$", "$1$", "$5$", "$6$", "$8$", "$2")


class JunosParser(Interfaces, Routing, Management):
    """One Junos configuration → one device."""

    def __init__(self, text: str, file: str):
        self.text = text
        self.parsed = read(text)
        super().__init__(file, VENDOR, Conf(self.parsed.stmts))
        # What each reader fills, empty until it runs (a reader that failed leaves them so).
        self.facts = JunosFacts()
        self.ports, self.vlan_ids, self.l3_vlan = {}, {"default": 1}, {}
        self.raw_filters, self.prefix_lists = {}, {}
        self.books, self.attached, self.apps, self.app_sets = {"global": Book()}, {}, {}, {}
        self.books_of = {}
        self.app_set_reasons = {}
        self.zones, self.zone_of, self.flow, self.host_unsure = {}, {}, False, set()
        self.packet_mode = False
        self.sys_services, self.snmp, self.snmp_v3, self.snmp_only = {}, {}, None, []

    def run(self) -> ParseResult:
        dev, rep = self.dev, self.rep
        rep.lines = self.text.count("\n") + (0 if self.text.endswith("\n") or not self.text else 1)
        steps = (
            self.read_interfaces, self.read_vlans, self.build_interfaces, self.read_instances,
            self.read_routing, self.build_routes, self.dhcp_routes, self.read_prefix_lists,
            self.read_filters, self._interface_filters, self.read_books, self.read_applications,
            self.read_zones, self.build_policies, self.read_nat, self.read_system, self.read_snmp,
            self.build_management, self._top_level,
        )  # fmt: skip
        failed: list[Text] = []
        for step in steps:
            try:
                step()
            except Exception as exc:  # odd content must never crash a parse
                why = Text("input.junos.step_failed", step=step.__name__, error=f"{type(exc).__name__}: {exc}")
                rep.warnings.append(Text("input.at", where=self.file, what=why))
                failed.append(why)
        self.facts.flow_mode = self.flow
        dev.facts = self.facts
        if failed:  # what that step would have read is not known: no verdict through it
            not_evidence(dev, failed[0])
        if not dev.hostname:
            dev.hostname = hostname_from_file(self.file, (".conf", ".txt", ".cfg", ".set"), True)
        if self.parsed.open_blocks:
            opened, path = self.parsed.open_blocks[-1]
            why = Text("input.junos.cut_short", line=opened, block=path)
            rep.warnings.append(why)
            # What was cut off may be what opens or closes a path: no verdict through it,
            # and what it said of the device's own services is not known either.
            not_evidence(dev, why)
            for svc in dev.services:
                svc.partial = join_reasons((svc.partial, why))
        self._accounting()
        self._secrets()
        return ParseResult(devices=[dev], report=rep)

    def _interface_filters(self) -> None:
        """``family inet filter input|output`` (and the lists) of every unit but lo0's."""
        for port in self.ports.values():
            if port.name == "lo0":
                continue
            for unit in port.units.values():
                itf = self.dev.interfaces.get(unit.name) or self.dev.interfaces.get(port.name)
                if itf is None or not (unit.filter_in or unit.filter_out):
                    continue
                src = self.src(unit.filter_src) if unit.filter_src else itf.source
                assert src is not None
                if unit.filter_in:
                    itf.filter_in = self.composed(unit.filter_in, itf.name, src).name
                if unit.filter_out:
                    itf.filter_out = self.composed(unit.filter_out, itf.name, src).name

    def _top_level(self) -> None:
        for st in self.conf.all:
            if not st.active or st.state != UNREAD:
                continue
            head = st.path[0]
            if head == "version" and len(st.path) == 2:
                self.facts.version = st.path[1]
                self.dev.os_version = st.path[1]
                self.read(st)
            elif head in _TOP_IGNORED:
                self.read(st)
            elif head in _TOP_PARTIAL:
                self.partial(head, Text(_TOP_PARTIAL[head]), st)
            elif head == "forwarding-options":
                rest = st.path[1:]
                if rest[:1] in (("dhcp-relay",), ("helpers",)):
                    self.partial("forwarding-options", Text("input.junos.dhcp_relay"), st)
                elif rest[:1] in (
                    ("storm-control-profiles",),
                    ("analyzer",),
                    ("port-mirroring",),
                    ("sampling",),
                    ("enhanced-hash-key",),
                    ("hash-key",),
                    ("load-balance",),
                ):
                    self.read(st)
                elif rest[:1] == ("family",):
                    self.partial("forwarding-options", Text("input.junos.forwarding_filter"), st)
            elif head == "services":
                self.partial("services", Text("input.junos.services_section"), st)

    # ------------------------------------------------------------------ accounting

    def _accounting(self) -> None:
        rep = self.rep
        seen: set[int] = set()
        for line, text in self.parsed.bad:
            if line not in seen:
                seen.add(line)
                rep.unrecognized.append(Src(self.file, line, text))
        for st in self.parsed.unsure:
            # inherited and in effect, but its merge is not established: what it touches is partial
            why = Text("input.junos.group_unsure", line=st.line, group=st.group)
            rep.add_partial("groups", why, self.src(st))
            self._unread(st, why)
            p = st.path
            for kw in ("policy", "term", "rule"):
                # its place among the other policies (terms, rules) is not known: theirs neither
                if kw in p[:-1]:
                    n = p.index(kw) + 1
                    for other in {rest[0] for rest, _ in self.conf.under(*p[:n]) if rest}:
                        self._unread(Stmt((*p[:n], other), st.line, st.text), why)
        for st in self.parsed.wildcard_groups:
            if st.line not in seen:
                seen.add(st.line)
                rep.unrecognized.append(Src(self.file, st.line, st.text))
        for st in self.conf.all:
            if not st.active or st.state != UNREAD:
                continue
            self._unread(st)
            if st.line not in seen:
                seen.add(st.line)
                rep.unrecognized.append(Src(self.file, st.line, st.text))
        rep.unrecognized.sort(key=lambda s: s.line)
        rep.ignored = max(0, rep.lines - len(seen))

    def _unread(self, st: Stmt, reason: Text | None = None) -> None:
        """What an unread (or unsure) statement would have set becomes partial (never "blocked")."""
        dev = self.dev
        why = reason or Text("input.interface_line_not_understood", line=st.line)
        p = st.path
        if p[0] == "groups" and len(p) > 2:
            # a group not expanded (`${node}` of a chassis cluster, a wildcard): what it
            # would set where it applies is not known either
            p = p[2:]
        if p[0] == "interfaces" and len(p) >= 2:
            names = [f"{p[1]}.{p[3]}"] if len(p) >= 4 and p[2] == "unit" else []
            names.append(p[1])
            for n in names:
                itf = dev.interfaces.get(n)
                if itf is not None:
                    itf.partial = join_reasons((itf.partial, why))
                    break
            return
        line_why = reason or Text("input.junos.line_not_understood", line=st.line)
        lines: set[str] = set()
        if p[0] == "firewall" and "term" in p:
            i = p.index("term")
            lines.add(f"{p[i - 1]} {p[i + 1]}" if i + 1 < len(p) else "")
        elif p[:3] == ("security", "policies", "default-policy"):
            lines.add("default-policy permit-all")
        elif p[:2] == ("security", "policies") and "policy" in p:
            i = p.index("policy")
            if i + 1 < len(p):
                lines.add(p[i + 1])
        for flt in dev.filters.values():
            for line in flt.lines:
                if line.name in lines:
                    line.partial = join_reasons((line.partial, line_why))
        if p[:2] == ("security", "nat") and "rule" in p:
            i = p.index("rule")
            tag = f"rule-set {p[i - 1]} rule {p[i + 1]}" if i + 1 < len(p) else "\0"
            for rule in dev.nat_rules:
                if rule.source is not None and rule.source.text.endswith(tag):
                    rule.partial = join_reasons((rule.partial, line_why))
        if p[:3] == ("security", "zones", "security-zone") and len(p) >= 4:
            for itf in dev.interfaces.values():
                if itf.zone == p[3]:
                    itf.partial = join_reasons((itf.partial, line_why))
        if "static" in p and "route" in p:
            dev.unread_routes.append(self.src(st))
        if p[:2] == ("system", "services") and len(p) >= 3 and reason is None:
            self._unknown_service(p[2], st)

    def _unknown_service(self, name: str, st: Stmt) -> None:
        """A system service not understood may listen on any port: every TCP and UDP port
        of the device maybe (never "nothing else listens", a false "blocked")."""
        label = f"system services {name}"
        if any(svc.name == label for svc in self.dev.services):
            return
        icmp = next((svc for svc in self.dev.services if svc.name == "icmp-echo"), None)
        why = Text("input.junos.line_not_understood", line=st.line)
        for proto in (PROTO_TCP, PROTO_UDP):
            self.dev.services.append(
                MgmtService(
                    label,
                    proto,
                    (PortRange(0, 65535),),
                    acl=icmp.acl if icmp else None,
                    interfaces=self._listening(name, []),
                    source=self.src(st),
                    partial=why,
                )
            )

    # ------------------------------------------------------------------ secrets

    def _secrets(self) -> None:
        dev = self.dev
        if "-----BEGIN" in self.text:  # key material (certificates, keys): data, never shown
            for line, material in key_material_lines(self.text.split("\n")).items():
                if material:
                    dev.secret_lines.setdefault(line, set()).add(material)

        def add(value: str, line: int) -> None:
            if len(value) < 2 or (value.isdecimal() and len(value) <= 2):
                return
            dev.secrets.add(value)
            dev.secret_lines.setdefault(line, set()).add(value)

        for st in self.conf.all:
            p = st.path
            if _SECRET_WORDS.isdisjoint(p):  # most statements: only a hashed value to look for
                if "$" in "".join(p):  # (a word of most holds none: not looked at one by one)
                    for w in p:
                        if w[:1] == "$" and w.startswith(_HASH_PREFIXES):
                            add(w, st.line)
                if len(p) >= 3 and p[0] == "snmp" and p[1] in ("community", "trap-group"):
                    add(p[2], st.line)
                continue
            for i, w in enumerate(p):
                if w.startswith(_HASH_PREFIXES):
                    add(w, st.line)
                elif w in _SECRET_WORDS and i + 1 < len(p):
                    nxt = p[i + 1]
                    if nxt in _ENCODINGS and i + 2 < len(p):
                        nxt = p[i + 2]
                    if w == "key" and p[max(0, i - 1)] in ("ssh-rsa", "ssh-ecdsa", "ssh-ed25519"):
                        continue
                    if nxt not in _SECRET_WORDS and nxt not in _NOT_SECRETS:
                        add(nxt, st.line)
            # A trap group's name is the community string its traps carry.
            if len(p) >= 3 and p[0] == "snmp" and p[1] in ("community", "trap-group"):
                add(p[2], st.line)
