"""What listens on the router: dropbear (SSH), uhttpd (LuCI), dnsmasq (DNS, DHCP),
snmpd, the NTP server, ICMP echo, the proxy daemons (:mod:`.proxies`: relays); and
miniupnpd, which opens port forwards at run time.

Every service is behind the fw4 ``input`` chain (the engine applies it first).  A
service bound to the address of one logical interface (dropbear ``Interface``, a
uhttpd ``listen_http`` address) still answers a packet for that address arriving by
any interface (Linux's weak host model): it gets an ACL on the destination address,
never an ingress-interface restriction.
"""

from __future__ import annotations

from netaddr import AddrFormatError, IPAddress

from netaudit.messages import Text
from netaudit.model import (
    PROTO_ICMP,
    PROTO_TCP,
    PROTO_UDP,
    Action,
    Filter,
    FilterLine,
    Match,
    MgmtService,
    PortRange,
    RuntimeForward,
    Src,
)
from netaudit.parsers.packet_sets import addr_pats, norm

from .accounting import IGNORED, IGNORED_PACKAGES, conffile_copy
from .facts import Dropbear
from .proxies import finish_proxies
from .state import State


def _acl_dst(st: State, name: str, addrs: list[int], src: Src, why: Text) -> str:
    flt = Filter(name, kind="acl", source=src, default_text=why)
    pats = addr_pats(norm((a, a) for a in addrs))
    if pats:
        flt.lines.append(FilterLine(Action.PERMIT, [Match(dst=pats)], src, name=name))
    st.dev.filters[name] = flt
    return name


def _addrs_of(st: State, logical: str) -> list[int]:
    return [int(a.ip) for n in st.l3_names(logical) for a in st.dev.interfaces[n].addresses]


def finish_services(st: State) -> None:
    dev = st.dev
    pk = st.text.packages
    full_export = st.text.form in ("export", "show")
    # What runs by default (no section in the input says so) is cited as a default
    # (``source=None``: "file (default)" in the reports), never at a line that does not
    # say it.
    # ---- dropbear
    drops = st.text.of("dropbear", "dropbear")
    if not drops and "dropbear" not in pk:
        st.warn_file(Text("input.openwrt.no_dropbear"))
        dev.services.append(MgmtService("ssh", PROTO_TCP, (PortRange(22, 22),), source=None))
    for s in drops:
        port = _int(s.get("Port"), 22)
        iface = s.get("Interface")
        enabled = s.flag("enable", True)
        db = Dropbear(port, iface, s.flag("PasswordAuth", True), s.flag("RootPasswordAuth", True), enabled, s.src)
        st.facts.dropbear.append(db)
        if not enabled:
            continue
        acl = None
        if iface:
            bound = _addrs_of(st, iface)
            lg = st.logical.get(iface)
            if lg is not None and lg.l3 and dev.interfaces[lg.l3].dynamic_address:
                acl = None  # bound to a run-time address: modelled as every address
                why = Text("input.openwrt.dropbear_runtime", iface=iface)
                st.partial("dropbear", why, s.line("Interface"))
            else:
                acl = _acl_dst(
                    st,
                    f"dropbear-{s.name}",
                    bound,
                    s.line("Interface"),
                    Text("input.openwrt.default.dropbear", iface=iface),
                )
        dev.services.append(MgmtService("ssh", PROTO_TCP, (PortRange(port, port),), acl=acl, source=s.src))
    # ---- uhttpd
    for s in st.text.of("uhttpd", "uhttpd"):
        st.facts.uhttpd_source = s.src
        st.facts.uhttpd_redirect_https = s.flag("redirect_https")
        for key, name, insecure in (("listen_http", "http", True), ("listen_https", "https", False)):
            items = s.items(key)
            (st.facts.uhttpd_http if name == "http" else st.facts.uhttpd_https).extend(v for v, _ in items)
            by_port: dict[int, list[int] | None] = {}
            for v, _src in items:
                host, _, pstr = v.rpartition(":")
                if not pstr.isdecimal():
                    continue
                lport = int(pstr)
                host = host.strip("[]")
                if host in ("", "0.0.0.0", "::", "*"):
                    by_port[lport] = None
                    continue
                try:
                    a = IPAddress(host)
                except (AddrFormatError, ValueError):
                    continue
                if a.version != 4:
                    continue
                if lport not in by_port:
                    by_port[lport] = []
                got = by_port[lport]
                if got is not None:
                    got.append(int(a))
            for hport, addrs in by_port.items():
                acl = (
                    None
                    if addrs is None
                    else _acl_dst(
                        st,
                        f"uhttpd-{name}-{hport}",
                        addrs,
                        s.line(key),
                        Text("input.openwrt.default.uhttpd"),
                    )
                )
                dev.services.append(
                    MgmtService(
                        name, PROTO_TCP, (PortRange(hport, hport),), acl=acl, source=s.line(key), insecure=insecure
                    )
                )
    # ---- dnsmasq: DNS and DHCP
    dns = st.text.of("dhcp", "dnsmasq")
    for s in dns:
        port = _int(s.get("port"), 53)
        if port == 0:
            continue
        only = s.values("interface")
        not_on = set(s.values("notinterface"))
        ifaces = None
        if only:
            ifaces = frozenset(n for lg in only if lg not in not_on for n in st.l3_names(lg))
        elif not_on:
            ifaces = frozenset(st.l3_universe() - {n for lg in not_on for n in st.l3_names(lg)})
        acl = None
        if s.flag("localservice", True) and not only and not s.get("listen_address"):
            # dnsmasq --local-service: queries only from a subnet of one of its interfaces
            nets = norm((a.first, a.last) for i in dev.interfaces.values() if not i.shutdown for a in i.addresses)
            flt = Filter(
                "dnsmasq-localservice",
                kind="acl",
                source=s.line("localservice"),
                default_text=Text("input.openwrt.default.dnsmasq_localservice"),
            )
            if nets:
                flt.lines.append(
                    FilterLine(Action.PERMIT, [Match(src=addr_pats(nets))], s.line("localservice"), name="localservice")
                )
            dev.filters[flt.name] = flt
            acl = flt.name
        if s.get("listen_address"):
            st.partial("dnsmasq", Text("input.openwrt.dnsmasq_listen"), s.line("listen_address"))
        for proto in (PROTO_UDP, PROTO_TCP):
            dev.services.append(
                MgmtService("dns", proto, (PortRange(port, port),), acl=acl, interfaces=ifaces, source=s.src)
            )
    if not dns and "dhcp" not in pk and not full_export:
        st.warn_file(Text("input.openwrt.no_dhcp"))
        for proto in (PROTO_UDP, PROTO_TCP):
            dev.services.append(MgmtService("dns", proto, (PortRange(53, 53),), source=None))
    dhcp_on = []
    for s in st.text.of("dhcp", "dhcp"):
        lgname = s.get("interface") or s.name
        if not s.anonymous and s.name != lgname:
            # `config dhcp 'khach'` serving `option interface 'lan2'`: the section's name
            # names the segment too, a hint for `netaudit init` (Interface.segment_names).
            for name in st.l3_names(lgname):
                if s.name not in dev.interfaces[name].segment_names:
                    dev.interfaces[name].segment_names.append(s.name)
        if s.flag("ignore") or (s.get("dhcpv4") or "server") == "disabled":
            continue
        dhcp_on += st.l3_names(lgname)
    if dhcp_on and dns:
        dev.services.append(
            MgmtService("dhcp", PROTO_UDP, (PortRange(67, 67),), interfaces=frozenset(dhcp_on), source=dns[0].src)
        )
    # ---- snmpd
    agents = st.text.of("snmpd", "agent")
    general = next(iter(st.text.of("snmpd", "snmpd")), None)
    snmp_on = bool(agents) and (general is None or general.flag("enabled", True))
    for s in st.text.of("snmpd", "com2sec"):
        c = s.get("community")
        if c:
            st.facts.snmp_communities.append((c, s.line("community")))
    if snmp_on:
        port = 161
        addr = agents[0].get("agentaddress") or "UDP:161"
        tail = addr.rsplit(":", 1)[-1]
        if tail.isdecimal():
            port = int(tail)
        dev.services.append(
            MgmtService("snmp", PROTO_UDP, (PortRange(port, port),), source=agents[0].src, insecure=True)
        )
    # ---- NTP server
    for s in st.text.of("system", "timeserver"):
        if s.flag("enable_server"):
            dev.services.append(MgmtService("ntp", PROTO_UDP, (PortRange(123, 123),), source=s.line("enable_server")))
    # ---- miniupnpd: port forwards opened at run time by inside hosts
    _miniupnpd(st)
    _p910nd(st)
    dev.services.append(MgmtService("icmp-echo", PROTO_ICMP, icmp_type=8, source=None))  # the kernel answers
    finish_proxies(st)
    _unread_daemons(st)


def _miniupnpd(st: State) -> None:
    """miniupnpd (package ``upnpd``), read as its init script (openwrt/packages
    ``net/miniupnpd/files/miniupnpd.init``) starts it: hosts behind ``internal_iface``
    (default ``lan``) open port forwards on ``external_iface`` (default ``wan``) at run
    time, which fw4 lets through its ``upnp_forward`` chain — a run-time port forward
    (``Device.runtime_forwards``: maybe delivered behind the inside interfaces,
    docs/semantics.md), never a line of the forward filter.  On the inside it listens
    for UPnP IGD on ``port`` (5000, TCP), SSDP (UDP 1900) and NAT-PMP/PCP (UDP 5351)."""
    for s in st.text.of("upnpd", "upnpd"):
        # Before 2021 the switch was `enable_upnp` (or `enable_natpmp`); since, `enabled`.
        if not (s.flag("enabled", False) or (s.flag("enable_upnp", False) and not s.has("enabled"))):
            continue
        inside = [n for lg in (s.get("internal_iface") or "lan").split() for n in st.l3_names(lg)]
        outside = st.l3_names(s.get("external_iface") or "wan")
        for name in outside:
            st.dev.runtime_forwards.append(RuntimeForward(name, inside, "UPnP", s.src))
        if not inside:
            continue
        on = frozenset(inside)
        port = _int(s.get("port"), 5000)
        st.dev.services.append(MgmtService("upnp", PROTO_TCP, (PortRange(port, port),), interfaces=on, source=s.src))
        st.dev.services.append(MgmtService("ssdp", PROTO_UDP, (PortRange(1900, 1900),), interfaces=on, source=s.src))
        if s.flag("enable_natpmp", False):
            st.dev.services.append(
                MgmtService("nat-pmp", PROTO_UDP, (PortRange(5351, 5351),), interfaces=on, source=s.src)
            )


def _p910nd(st: State) -> None:
    """p910nd (a USB printer shared over the network), read as its init script starts one
    daemon per section: unless ``enabled '0'``, TCP 9100+``port`` (``port`` 0-9, default
    0) on the ``bind`` address (``-i``; every address without it)."""
    for s in st.text.of("p910nd", "p910nd"):
        on = s.flag("enabled", True)
        n, bind = s.get("port") or "0", s.get("bind")
        s.consume_all()  # device, bidirectional, runas_root, mdns_*: nothing that listens
        if not on:
            continue
        partial = None
        if n.isdecimal() and int(n) <= 9:
            ports = (PortRange(9100 + int(n), 9100 + int(n)),)
        else:
            ports, partial = (PortRange(0, 65535),), Text("input.openwrt.proxy_port_unread", name="p910nd")
            st.partial("p910nd", partial, s.line("port"))
        acl = None
        if bind:
            try:
                a = IPAddress(bind)
            except (AddrFormatError, ValueError):
                a = None  # a host name: taken as every address
            if a is not None and a.version != 4:
                continue  # bound to an IPv6 address: no IPv4 service
            if a is not None:
                why = Text("input.openwrt.default.p910nd", addr=bind)
                acl = _acl_dst(st, f"p910nd-{s.name}", [int(a)], s.line("bind"), why)
        st.dev.services.append(MgmtService("p910nd", PROTO_TCP, ports, acl=acl, source=s.src, partial=partial))


def _unread_daemons(st: State) -> None:
    """A package netaudit does not read (samba4, minidlna, transmission …) may run a
    daemon listening on any port: every TCP and UDP port of the router possibly open
    (partial), as on a Linux host without its listeners — a port the firewall accepts
    is then unknown, not "blocked" for want of a known service."""
    unread = sorted(
        {s.package for s in st.text.sections if not conffile_copy(s.package)} - set(IGNORED) - IGNORED_PACKAGES
    )
    if not unread:
        return
    first = next(s for s in st.text.sections if s.package == unread[0])
    why = Text("input.openwrt.package_unread", names=", ".join(unread))
    for name, proto in (("any-tcp", PROTO_TCP), ("any-udp", PROTO_UDP)):
        st.dev.services.append(MgmtService(name, proto, ports=(PortRange(0, 65535),), source=first.src, partial=why))


def _int(v: str | None, default: int) -> int:
    try:
        return int(v) if v is not None else default
    except ValueError:
        return default
