"""Cisco ASA management services synthesis: the ASA answers management protocols
only on the interface the packet enters and only for that interface's own address;
every synthesized management ACL (``asa-mgmt-*``, ``asa-vpn-*``) encodes both.

``http`` / ``ssh`` / ``telnet`` lines (ASDM needs ``http server enable``), ``icmp``
rules (without any for an interface, it answers ping there), ``snmp-server host``
pollers, VPN termination (IKE, webvpn), ``dhcpd enable`` and DHCP relay.  Telnet to
the lowest-security interface is refused by the ASA: such lines are recorded as
ineffective facts (:class:`.facts.ASAFacts`), not as a listening service.
"""

from __future__ import annotations

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
from netaudit.parsers.base import runtime_address_match
from netaudit.parsers.cisco_asa.facts import MgmtLineFact
from netaudit.parsers.cisco_asa.objects import Ref
from netaudit.parsers.cisco_asa.state import AsaState, MgmtCmd


class ServiceBuilder(AsaState):
    """``Device.services`` and their ACLs (run by :meth:`.convert.ModelBuilder.finish`)."""

    def _own(self, real: str) -> dict | None:
        """Match fields selecting the addresses of interface ``real``; None when it has
        none.  An address assigned at run time (``ip address dhcp|pppoe``) is any address
        but the box's configured ones (the engine judges every candidate:
        docs/semantics.md, "Run-time addresses")."""
        iface = self.dev.interfaces[real]
        hosts = tuple(AddrMatch(int(a.ip), 0) for a in iface.owns())
        if hosts:
            return {"dst": hosts}
        if not iface.dynamic_address or iface.shutdown:
            return None
        return runtime_address_match(self.dev)

    def _l2tp_services(self) -> None:
        """``l2tp-ipsec`` (udp/1701) where the ASA answers L2TP over IPsec (.vpn): on that
        interface's own addresses, like IKE.  The ASA takes L2TP only inside IPsec
        (never in clear), so it is a VPN endpoint (model.VPN_ENDPOINTS)."""
        ports = (PortRange(1701, 1701),)
        listen = {}
        for nameif, (src, why) in self.l2tp_listen.items():
            real = self.nameif_to_if.get(nameif)
            if real is not None and (own := self._own(real)) is not None:
                listen[real] = (own, src, why)
        if not listen:
            return
        lines = [
            FilterLine(
                Action.PERMIT,
                [Match(**own, protocols=(PROTO_UDP,), dst_ports=ports, in_ifaces=frozenset({real}))],
                src,
                "l2tp-ipsec",
            )
            for real, (own, src, _why) in listen.items()
        ]
        acl = self._svc_acl("asa-vpn-l2tp-ipsec", lines)
        for real, (_own, src, why) in listen.items():
            self.dev.services.append(
                MgmtService(
                    "l2tp-ipsec", PROTO_UDP, ports, acl=acl, interfaces=frozenset({real}), source=src, partial=why
                )
            )
            if why:
                self.rep.add_partial("l2tp-ipsec", why, src)

    def _svc_acl(self, name: str, lines: list[FilterLine]) -> str:
        # Its default (deny) is cited at the first management line of its kind.
        self.dev.filters[name] = Filter(
            name=name,
            lines=lines,
            kind="acl",
            source=lines[0].source if lines else self.dev.source,
            default_text=Text("input.asa.default.management"),
        )
        return name

    def _finish_services(self) -> None:
        dev, facts = self.dev, self.facts
        named = [n for n in self.ifs if n in self.levels]
        levels = {self.levels[n][0] for n in named}
        lowest = {n for n in named if self.levels[n][0] == min(levels)} if len(levels) > 1 else set()
        by_proto: dict[str, list[tuple[MgmtCmd, str]]] = {"http": [], "ssh": [], "telnet": [], "icmp": []}
        for ml in self.mgmt:
            real = self.nameif_to_if.get(ml.nameif)
            effective = True
            if real is None:  # undefined nameif
                self.ref("nameif", ml.nameif, ml.src)
                effective = False
            elif ml.proto == "telnet" and real in lowest:
                effective = False  # telnet to the lowest-security interface is refused
                facts.telnet_ineffective.append(ml.src)
            elif ml.proto == "http" and self.http_server is None:
                effective = False  # http server not enabled
                facts.http_lines_without_server.append(ml.src)
            if ml.proto != "icmp":
                facts.mgmt_lines.append(MgmtLineFact(ml.proto, ml.net, ml.nameif, real, ml.src, effective))
            if real is not None and effective:
                by_proto[ml.proto].append((ml, real))
        # ASDM listens on the `http server enable [PORT]` port; without that line no http
        # line is effective, so the 443 below is never used.
        http_port = self.http_server[0] if self.http_server is not None else 443
        for proto, name, port, insecure in (
            ("ssh", "ssh", 22, False),
            ("telnet", "telnet", 23, True),
            ("http", "https", http_port, False),
        ):
            items = by_proto[proto]
            if not items:
                continue
            acl_lines = []
            for ml, real in items:
                own = self._own(real)
                if own is None:
                    continue
                acl_lines.append(
                    FilterLine(
                        Action.PERMIT,
                        [
                            Match(
                                src=None if ml.net is None else (ml.net,),
                                **own,
                                protocols=(PROTO_TCP,),
                                dst_ports=(PortRange(port, port),),
                                in_ifaces=frozenset({real}),
                            )
                        ],
                        ml.src,
                        proto,
                    )
                )
            acl = self._svc_acl(f"asa-mgmt-{name}", acl_lines)
            # one service per interface it listens on, cited by that interface's first line
            first: dict[str, Src] = {}
            for ml, real in items:
                first.setdefault(real, ml.src)
            for real, src in first.items():
                dev.services.append(
                    MgmtService(
                        name,
                        PROTO_TCP,
                        (PortRange(port, port),),
                        acl=acl,
                        interfaces=frozenset({real}),
                        source=src,
                        insecure=insecure,
                    )
                )
        # ICMP echo: every interface answers for its own address unless icmp rules say otherwise
        icmp_lines: list[FilterLine] = []
        ruled = {r for _, r in by_proto["icmp"]}
        for ml, real in by_proto["icmp"]:
            own = self._own(real)
            if own is not None:
                icmp_lines.append(
                    FilterLine(
                        ml.action,
                        [
                            Match(
                                src=None if ml.net is None else (ml.net,),
                                **own,
                                protocols=(PROTO_ICMP,),
                                icmp_type=ml.icmp[0] if ml.icmp else None,
                                icmp_code=ml.icmp[1] if ml.icmp else None,
                                in_ifaces=frozenset({real}),
                            )
                        ],
                        ml.src,
                        "icmp",
                    )
                )
        for n in named:
            own = self._own(n)
            if n not in ruled and own is not None:
                nameif_src = self.ifs[n].nameif_src
                assert nameif_src is not None  # a named interface has its nameif line
                icmp_lines.append(
                    FilterLine(
                        Action.PERMIT,
                        [Match(**own, protocols=(PROTO_ICMP,), in_ifaces=frozenset({n}))],
                        nameif_src,
                        "no icmp rule for this interface: echo answered",
                    )
                )
        if named:
            dev.services.append(
                MgmtService(
                    "icmp-echo",
                    PROTO_ICMP,
                    icmp_type=8,
                    acl=self._svc_acl("asa-mgmt-icmp", icmp_lines),
                    interfaces=frozenset(named),
                )
            )
        # SNMP: only the configured pollers may query the ASA
        snmp_lines: list[FilterLine] = []
        snmp_ifs: set[str] = set()
        first_src = None
        for nameif, host, poll, src in self.snmp_hosts:
            real = self.nameif_to_if.get(nameif)
            if real is None:
                self.ref("nameif", nameif, src)
                continue
            if not poll:
                continue
            if isinstance(host, Ref):
                addrs, missing, _ = self.objs.network(host)
                if missing:
                    self.ref("object", host.name, src)
                    continue
                srcs = addrs
            else:
                srcs = (host,)
            own = self._own(real)
            if own is None:
                continue
            snmp_lines.append(
                FilterLine(
                    Action.PERMIT,
                    [
                        Match(
                            src=srcs,
                            **own,
                            protocols=(PROTO_UDP,),
                            dst_ports=(PortRange(161, 161),),
                            in_ifaces=frozenset({real}),
                        )
                    ],
                    src,
                    "snmp-server host",
                )
            )
            snmp_ifs.add(real)
            first_src = first_src or src
        if snmp_lines:
            dev.services.append(
                MgmtService(
                    "snmp",
                    PROTO_UDP,
                    (PortRange(161, 161),),
                    acl=self._svc_acl("asa-mgmt-snmp", snmp_lines),
                    interfaces=frozenset(snmp_ifs),
                    source=first_src,
                    insecure=True,
                )
            )
        # VPN termination: IKE (udp/500, 4500) and clientless/AnyConnect SSL (tcp/443)
        for kind, ip_proto, ports in (
            ("ike", PROTO_UDP, (PortRange(500, 500), PortRange(4500, 4500))),
            ("webvpn", PROTO_TCP, (PortRange(self.webvpn_port, self.webvpn_port),)),
        ):
            ifs: dict[str, Src] = {}
            for k, nameif, src in self.vpn_listen:
                if k != kind:
                    continue
                real = self.nameif_to_if.get(nameif)
                if real is None:
                    self.ref("nameif", nameif, src)
                else:
                    ifs.setdefault(real, src)
            owned = {n: own for n in ifs if (own := self._own(n)) is not None}
            lines = [
                FilterLine(
                    Action.PERMIT,
                    [Match(**owned[n], protocols=(ip_proto,), dst_ports=ports, in_ifaces=frozenset({n}))],
                    src,
                    kind,
                )
                for n, src in ifs.items()
                if n in owned
            ]
            if lines:
                acl = self._svc_acl(f"asa-vpn-{kind}", lines)
                for n, src in ifs.items():
                    dev.services.append(
                        MgmtService(kind, ip_proto, ports, acl=acl, interfaces=frozenset({n}), source=src)
                    )
        self._l2tp_services()
        # DHCP server / relay
        dhcp_ifs: dict[str, Src] = {}
        for nameif, src in self.dhcpd + self.dhcprelay:
            real = self.nameif_to_if.get(nameif)
            if real is None:
                self.ref("nameif", nameif, src)
            else:
                dhcp_ifs.setdefault(real, src)
        for n, st in self.ifs.items():
            if st.dhcp_relay is not None and n in self.levels:
                dhcp_ifs.setdefault(n, st.dhcp_relay)
        if dhcp_ifs:
            owned = {n: own for n in dhcp_ifs if (own := self._own(n)) is not None}
            lines = [
                FilterLine(
                    Action.PERMIT,
                    [
                        Match(
                            **owned[n],
                            protocols=(PROTO_UDP,),
                            dst_ports=(PortRange(67, 67),),
                            in_ifaces=frozenset({n}),
                        )
                    ],
                    src,
                    "dhcp",
                )
                for n, src in dhcp_ifs.items()
                if n in owned
            ]
            dev.services.append(
                MgmtService(
                    "dhcp",
                    PROTO_UDP,
                    (PortRange(67, 67),),
                    acl=self._svc_acl("asa-mgmt-dhcp", lines),
                    interfaces=frozenset(dhcp_ifs),
                    source=next(iter(dhcp_ifs.values())),
                )
            )
