"""The device's own services (``system services``, SNMP), the accounts, and what lets
packets reach them: host-inbound traffic of the zones on an SRX, the routing-engine
filter (``lo0`` input filter) on every Junos device (docs/vendors/juniper_junos.md,
"Management plane").

Each service the configuration turns on is one :class:`MgmtService`; on an SRX in flow
mode it listens only on the interfaces whose host-inbound traffic lets it in, and only
for the addresses of the interface a packet arrives on — another interface's address is
reached through the security policies too (not modelled: maybe).  The ``lo0.0`` input
filter (its list in order) is the device's input filter."""

from __future__ import annotations

from functools import cached_property

from netaudit.messages import Text
from netaudit.model import (
    PROTO_ICMP,
    PROTO_TCP,
    PROTO_UDP,
    Action,
    AddrMatch,
    Filter,
    FilterLine,
    Match,
    MgmtService,
    PortRange,
    Src,
)
from netaudit.parsers.base import join_reasons, runtime_address_match
from netaudit.parsers.juniper_junos.facts import JunosFacts
from netaudit.parsers.juniper_junos.filters import Filters
from netaudit.parsers.juniper_junos.interfaces import Port
from netaudit.parsers.juniper_junos.names import address
from netaudit.parsers.juniper_junos.nat import Nat
from netaudit.parsers.juniper_junos.syntax import Stmt

HOST_ACL = "host-inbound"
# system services: name → (model name, protocol, port, host-inbound name, cleartext)
_SERVICES = {
    "ssh": ("ssh", PROTO_TCP, 22, "ssh", False),
    "telnet": ("telnet", PROTO_TCP, 23, "telnet", True),
    "ftp": ("ftp", PROTO_TCP, 21, "ftp", True),
    "finger": ("finger", PROTO_TCP, 79, "finger", True),
    "xnm-clear-text": ("xnm-clear-text", PROTO_TCP, 3221, "xnm-clear-text", True),
    "xnm-ssl": ("xnm-ssl", PROTO_TCP, 3220, "xnm-ssl", False),
    "netconf": ("netconf", PROTO_TCP, 830, "netconf", False),
    "dns": ("dns", PROTO_UDP, 53, "dns", False),
    "dhcp": ("dhcp", PROTO_UDP, 67, "dhcp", False),
    "dhcp-local-server": ("dhcp", PROTO_UDP, 67, "dhcp", False),
    "tftp-server": ("tftp", PROTO_UDP, 69, "tftp", True),
}
# system statements with no effect on reach (hardening facts are read below).
_SYSTEM_IGNORED = frozenset(
    {
        "host-name",
        "domain-name",
        "domain-search",
        "time-zone",
        "name-server",
        "syslog",
        "ntp",
        "authentication-order",
        "radius-server",
        "tacplus-server",
        "archival",
        "max-configurations-on-flash",
        "max-configuration-rollbacks",
        "location",
        "login",
        "root-authentication",
        "commit",
        "processes",
        "scripts",
        "internet-options",
        "ports",
        "autoinstallation",
        "license",
        "phone-home",
        "static-host-mapping",
        "default-address-selection",
        "arp",
        "auto-snapshot",
        "management-instance",
        "backup-router",
        "configuration-database",
        "contact",
        "accounting",
        "radius-options",
        "tacplus-options",
        "no-redirects",
        "no-ping-record-route",
        "no-ping-time-stamp",
        "dump-on-panic",
        "extensions",
        "ddos-protection",
        "compress-configuration-files",
        "saved-core-context",
        "apply-groups",
        "services",
        "security-profile",
        "master-password",
        "password-options",
        "proxy",
        "dns-proxy",
        "kernel-replication",
        "inet6-backup-router",
        "no-multicast-echo",
        "no-redirects-ipv6",
        "fips",
        "tracing",
    }
)


class Management(Filters, Nat):
    """System services, SNMP, accounts → services and facts; the lo0 filter."""

    facts: JunosFacts
    ports: dict[str, Port]
    text: str  # the configuration read (.parser)

    def read_system(self) -> None:
        f = self.facts = JunosFacts()
        self.sys_services: dict[str, tuple[Stmt, dict]] = {}
        for rest, st in self.conf.under("system"):
            if not rest:
                self.read(st)
                continue
            key = rest[0]
            if key == "host-name" and len(rest) == 2:
                self.dev.hostname = rest[1]
                self.dev.source = self.src(st)
            elif key == "services" and len(rest) >= 2:
                self._service(rest[1:], st)
                continue
            elif key == "root-authentication":
                if len(rest) >= 2 and rest[1] in ("encrypted-password", "plain-text-password"):
                    f.root_password = self.src(st)
            elif key == "login":
                if len(rest) >= 3 and rest[1] == "user":
                    f.users.setdefault(rest[2], self.src(st))
            elif key == "syslog" and len(rest) >= 3 and rest[1] == "host":
                f.syslog_hosts.append(rest[2])
            elif key == "ntp" and len(rest) >= 3 and rest[1] == "server":
                f.ntp_servers.append(rest[2])
            elif key not in _SYSTEM_IGNORED:
                continue
            self.read(st)

    def _service(self, rest: tuple[str, ...], st: Stmt) -> None:
        name = rest[0]
        if name == "web-management" and len(rest) >= 2:
            proto = rest[1]
            if proto in ("http", "https"):
                rec = self.sys_services.setdefault(proto, (st, {"interfaces": [], "port": None}))
                if len(rest) >= 4 and rest[2] == "interface":
                    rec[1]["interfaces"].append(rest[3])
                elif len(rest) >= 4 and rest[2] == "port" and rest[3].isdecimal():
                    rec[1]["port"] = int(rest[3])
            self.read(st)  # session limits, certificates, management-url …
            return
        if name == "netconf" and len(rest) >= 2 and rest[1] != "ssh":
            self.read(st)  # traceoptions, rfc-compliant …
            return
        if name in _SERVICES:
            rec = self.sys_services.setdefault(name, (st, {"interfaces": [], "port": None}))
            if name == "ssh" and rest[1:] == ("root-login", "allow"):
                self.facts.ssh_root_login = self.src(st)
            if len(rest) >= 3 and rest[-2] == "port" and rest[-1].isdecimal():
                rec[1]["port"] = int(rest[-1])
            if name == "dhcp-local-server" and len(rest) >= 5 and rest[1] == "group" and rest[3] == "interface":
                rec[1]["interfaces"].append(rest[4])
            self.read(st)
            return
        if name in (
            "outbound-ssh",
            "rest",
            "extension-service",
            "subscriber-management",
            "service-deployment",
            "ssh-known-hosts",
            "database-replication",
            "reverse",
            "dynamic-dns",
            "flow-monitoring",
        ):
            if name == "rest" and len(rest) >= 2 and rest[1] in ("http", "https"):
                self.sys_services.setdefault(f"rest-{rest[1]}", (st, {"interfaces": [], "port": None}))
            self.read(st)

    def read_snmp(self) -> None:
        self.snmp: dict[str, dict] = {}
        self.snmp_v3: Stmt | None = None  # an SNMPv3 user: the agent answers without a community
        self.snmp_only: list[str] = []  # `snmp interface X`: requests accepted there only
        for rest, st in self.conf.under("snmp"):
            if len(rest) >= 4 and rest[:3] == ("v3", "usm", "local-engine") and rest[3] == "user":
                self.snmp_v3 = self.snmp_v3 or st
            elif len(rest) == 2 and rest[0] == "interface":
                self.snmp_only.append(rest[1])
            if len(rest) >= 2 and rest[0] == "community":
                c = self.snmp.setdefault(rest[1], {"st": st, "clients": [], "list": None})
                if len(rest) >= 4 and rest[2] == "clients":
                    c["clients"].append((rest[3], len(rest) == 5 and rest[4] == "restrict"))
                elif len(rest) >= 4 and rest[2] == "client-list-name":
                    c["list"] = rest[3]
                elif len(rest) >= 3 and rest[2] in ("authorization", "view", "routing-instance", "logical-system"):
                    pass
                elif len(rest) > 2:
                    continue
                self.read(st)
            elif rest and rest[0] in (
                "location",
                "contact",
                "description",
                "trap-group",
                "trap-options",
                "v3",
                "engine-id",
                "view",
                "name",
                "interface",
                "filter-interfaces",
                "client-list",
                "health-monitor",
                "rmon",
                "filter-duplicates",
            ):
                self.read(st)

    # ------------------------------------------------------------------ the model

    def build_management(self) -> None:
        dev = self.dev
        self._lo0_filter()
        flow = self.flow
        # Without zones, what restricts a login's sources is the lo0 filter (already the
        # device's input filter): named as the services' ACL too, the same packets pass,
        # and the checks see the restriction.
        acl = self._host_acl() if flow else self.dev.input_filter
        for key, (st, opts) in self.sys_services.items():
            what = f"web-management {key}" if key in ("http", "https") else key.replace("rest-", "rest ")
            src = Src(self.file, st.line, f"system services {what}")
            if key in ("http", "https"):
                port = opts["port"] or (80 if key == "http" else 443)
                self._add(key, PROTO_TCP, port, key, key == "http", src, acl, opts["interfaces"])
                self.facts.web_management.append((key, src))
                continue
            if key.startswith("rest-"):
                proto = key[5:]
                self._add(
                    "rest-api",
                    PROTO_TCP,
                    3000 if proto == "http" else 3443,
                    proto,
                    proto == "http",
                    src,
                    acl,
                    [],
                    partial=Text("input.junos.rest_port"),
                )
                continue
            model, proto_n, port, hname, clear = _SERVICES[key]
            port = opts["port"] or port
            self._add(model, proto_n, port, hname, clear, src, acl, opts["interfaces"])
            if key == "telnet":
                self.facts.telnet = src
        for name, c in self.snmp.items():
            self._snmp(name, c, acl)
        if self.snmp_v3 is not None and not self.snmp:
            # SNMPv3 users only: the agent listens (udp/161), no community login
            where = self._listening("snmp", self.snmp_only)
            self.dev.services.append(
                MgmtService(
                    "snmp-agent",
                    PROTO_UDP,
                    (PortRange(161, 161),),
                    acl=acl,
                    interfaces=where,
                    source=self.src(self.snmp_v3),
                    partial=self._unsure(where),
                )
            )
        # ICMP echo: Junos answers ping (host-inbound `ping` on an SRX)
        self._add_icmp(acl)
        dev.facts = self.facts

    def _listening(self, hname: str, only: list[str]) -> frozenset[str] | None:
        """The interfaces where host-inbound traffic lets service ``hname`` in (None: all)."""
        ifaces: set[str] = set()
        everywhere = True
        for ifn in self.dev.interfaces:
            allowed = self.host_allowed(ifn)
            if allowed is None:
                ifaces.add(ifn)
                continue
            everywhere = False
            if _allows(allowed, hname):
                ifaces.add(ifn)
        if only:
            # A name without its unit is unit 0; a name of no interface keeps no restriction
            # (listening where host-inbound lets it in, never nowhere: a false "blocked").
            names = [i if i in self.dev.interfaces else f"{i}.0" for i in only]
            if all(n in self.dev.interfaces for n in names):
                return frozenset(i for i in names if i in ifaces)
        return None if everywhere else frozenset(ifaces)

    def _unsure(self, where: frozenset[str] | None, partial=None):
        """``partial`` joined with why a service listening on ``where`` may not listen on
        some of them (host-inbound traffic not certain there)."""
        hit = sorted(where & self.host_unsure) if where is not None else []
        if hit:
            partial = join_reasons((partial, Text("input.junos.host_protocols_only", interfaces=", ".join(hit))))
        return partial or None

    def _add(self, name, proto, port, hname, clear, src, acl, only, partial=None) -> None:
        where = self._listening(hname, only)
        self.dev.services.append(
            MgmtService(
                name,
                proto,
                (PortRange(port, port),),
                acl=acl,
                interfaces=where,
                source=src,
                insecure=clear,
                partial=self._unsure(where, partial),
            )
        )

    def _add_icmp(self, acl: str | None) -> None:
        where = self._listening("ping", [])
        self.dev.services.append(
            MgmtService("icmp-echo", PROTO_ICMP, icmp_type=8, acl=acl, interfaces=where, partial=self._unsure(where))
        )

    def _snmp(self, name: str, c: dict, host_acl: str | None) -> None:
        """One community: its ``clients`` (``restrict`` excludes) restrict the sources."""
        self.facts.snmp_communities.append(self.src(c["st"]))
        partial = None
        pats: tuple[AddrMatch, ...] | None = None
        if c["list"] is not None:
            partial = Text("input.junos.snmp_client_list", name=c["list"])
        elif c["clients"]:
            from netaddr import IPNetwork, IPSet

            s = IPSet()
            for word, restrict in sorted(c["clients"], key=lambda t: int(t[0].split("/")[1]) if "/" in t[0] else 32):
                a = address(word)
                if a is None:
                    continue
                net = IPNetwork((a[0], a[1]))
                if restrict:
                    s.remove(net)
                else:
                    s.add(net)
            pats = tuple(AddrMatch.prefix(n) for n in s.iter_cidrs())
        acl = host_acl
        label = f"snmp community clients {len(self.facts.snmp_communities)}"
        if pats is not None and self.flow:
            acl = self._host_acl(src_pats=pats, name=label)
        elif pats is not None:
            acl = label
            self.dev.filters[label] = Filter(
                label,
                [FilterLine(Action.PERMIT, [Match(src=pats)], self.src(c["st"]))],
                Action.DENY,
                kind="synthesized",
                default_text=Text("input.junos.default.snmp_clients"),
            )
        self.dev.services.append(
            MgmtService(
                "snmp",
                PROTO_UDP,
                (PortRange(161, 161),),
                acl=acl,
                interfaces=self._listening("snmp", self.snmp_only),
                source=self.src(c["st"]),
                insecure=True,
                partial=self._unsure(self._listening("snmp", self.snmp_only), partial),
            )
        )

    def _host_acl(self, src_pats: tuple[AddrMatch, ...] | None = None, name: str = HOST_ACL) -> str:
        """The filter a service's packets pass on an SRX in flow mode (and, with
        ``src_pats``, an SNMP community's clients): the arriving interface's own
        addresses, exactly; another address of the device, maybe."""
        dev = self.dev
        if name in dev.filters:
            return name
        lines: list[FilterLine] = []
        for ifn, itf in dev.interfaces.items():
            if itf.shutdown:
                continue
            # (`value`: the address as an integer, without building an IPAddress for it)
            own = tuple(AddrMatch.host(a.value) for a in itf.owns())
            one = frozenset({ifn})
            src = itf.source or Src(self.file, 0, ifn)
            if own:
                lines.append(FilterLine(Action.PERMIT, [Match(src=src_pats, dst=own, in_ifaces=one)], src, name=ifn))
            elif itf.dynamic_address:
                lines.append(
                    FilterLine(
                        Action.PERMIT, [Match(src=src_pats, in_ifaces=one, **runtime_address_match(dev))], src, name=ifn
                    )
                )
        why = Text("input.junos.host_other_interface")
        if self._junos_host:
            why = Text("input.junos.junos_host_zone")
            for line in lines:
                line.partial = why
        # cited by the first security zone's line (the zones decide host traffic)
        first = min((z.src for z in self.zones.values()), key=lambda st: st.line, default=None)
        at = Src(self.file, first.line if first else 1, "security zones … host-inbound-traffic")
        lines.append(
            FilterLine(
                Action.PERMIT,
                [Match(src=src_pats)],
                at,
                name="another interface's address",
                partial=why,
            )
        )
        dev.filters[name] = Filter(
            name, lines, Action.DENY, kind="synthesized", default_text=Text("input.junos.default.host_inbound")
        )
        return name

    @cached_property  # (asked once per host ACL: the policies looked through once)
    def _junos_host(self) -> bool:
        """A policy is written to the ``junos-host`` zone (``from-zone Z to-zone junos-host``)."""
        if "junos-host" not in self.text:  # (every word of a statement is in the text as written)
            return False
        for rest, _ in self.conf.under("security", "policies"):
            if len(rest) > 3 and rest[3] == "junos-host" and rest[0] == "from-zone":
                return True
        return False

    def _lo0_filter(self) -> None:
        """``lo0.0`` input filter(s): every packet to the device passes them."""
        port = self.ports.get("lo0")
        if port is None:
            return
        for num, unit in port.units.items():
            if not unit.filter_in:
                continue
            src = self.src(unit.filter_src or unit.stmts[0])
            flt = self.composed(unit.filter_in, "lo0", src)
            if num == "0":
                self.dev.input_filter = flt.name
            else:
                self.partial(
                    f"interface lo0.{num}",
                    Text("input.junos.lo0_instance", unit=f"lo0.{num}"),
                    unit.filter_src or unit.stmts[0],
                )


def _allows(allowed: dict[str, bool], name: str) -> bool:
    """Host-inbound ``system-services``: ``all`` with ``except`` exceptions, or the name."""
    if name in allowed:
        return allowed[name]
    return bool(allowed.get("all") or allowed.get("any-service"))
