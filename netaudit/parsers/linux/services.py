"""``ss -Htlnup`` (or ``-Htlnu``) → the device's own services; ``sysctl`` → routing and reverse-path
filtering.

A listening socket on ``0.0.0.0`` or ``*`` (dual stack) takes IPv4 packets to every
address of the box arriving on any interface (Linux is a weak-host model); one bound to
an address takes packets to that address only (a synthesized service filter says so);
``addr%dev`` only those arriving on ``dev``; ``127.*`` and IPv6-only (``[::]``) sockets
are not reachable over IPv4 from another host.  Without an ``ss`` section the services
are unknown: every TCP and UDP port is modelled as *possibly* listening (partial), so
the input filter alone decides and what it lets through is unknown, never blocked.
ICMP echo is answered unless ``net.ipv4.icmp_echo_ignore_all = 1``.

A proxy or relay daemon (:data:`RELAY_PROGRAMS`: squid, tinyproxy, 3proxy, dante …) opens
connections itself, for the clients it admits, to any address the box reaches — through
its output path, not the forward chain: its socket is a relay service
(``MgmtService.relay``; docs/semantics.md, "Proxies on a device").  ``ss -p`` (as root)
names the program of each socket (``users:(("squid",pid=…,fd=…))``); a socket whose
program is not shown, on a port proxies conventionally use (:data:`PROXY_PORTS`), is also
a possible relay (a second, partial service on the same port).  The daemons' own access
rules are in their configuration files, not in the dump: every client that the input
filter lets reach the port.
"""

from __future__ import annotations

import re

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
from netaudit.parsers.ip import ip_to_int

from .facts import Listener
from .sections import Section
from .state import State

NAMES = {
    ("tcp", 21): ("ftp", True), ("tcp", 22): ("ssh", False), ("tcp", 23): ("telnet", True),
    ("tcp", 80): ("http", True), ("tcp", 443): ("https", False), ("udp", 161): ("snmp", True),
    ("udp", 53): ("dns", False), ("tcp", 53): ("dns", False), ("udp", 67): ("dhcp", False),
    ("tcp", 8080): ("http", True), ("udp", 69): ("tftp", True), ("tcp", 3389): ("rdp", False),
    ("tcp", 139): ("netbios", True), ("tcp", 445): ("smb", False), ("udp", 123): ("ntp", False),
    ("udp", 514): ("syslog", True), ("tcp", 3306): ("mysql", False), ("tcp", 10000): ("webmin", False),
}  # fmt: skip
# Programs that open connections onward for their clients (/proc/PID/comm, as ss -p
# shows it): forward proxies, SOCKS servers, tunnels and port relays.
RELAY_PROGRAMS = frozenset(
    {
        "squid", "tinyproxy", "privoxy", "3proxy", "sockd", "danted", "microsocks", "polipo",
        "ziproxy", "srelay", "ss-server", "ss-local", "ss-redir", "ss-tunnel", "ssserver",
        "sslocal", "ssmanager", "v2ray", "xray", "trojan", "trojan-go", "gost", "redsocks",
        "haproxy", "rinetd", "socat", "tor", "sing-box", "hysteria", "brook",
    }
)  # fmt: skip
# Conventional ports of proxies, for sockets whose program ss does not show.
PROXY_PORTS = {
    1080: "SOCKS", 3128: "squid", 3129: "squid", 8080: "web proxies", 8118: "privoxy",
    8123: "polipo", 8388: "shadowsocks", 8888: "tinyproxy", 9050: "tor",
}  # fmt: skip
_USERS = re.compile(r'\("([^"]*)",pid=')
_SS = re.compile(r"^(tcp|udp)\s+(\S+)\s+\d+\s+\d+\s+(\S+):(\d+|\*)\s+\S+(?:\s+(.*))?$")


def read_ss(st: State, sec: Section) -> None:
    """Listening sockets → facts (services are built by :func:`finish_services`)."""
    st.seen.add("ss")
    out: list[Listener] = []
    for n, raw in sec.lines:
        t = raw.strip()
        if not t:
            continue
        if t.startswith(("Netid", "State")):
            st.ignored += 1
            continue
        m = _SS.match(t)
        if not m:
            st.unrecognized(n, raw)
            continue
        proto, state, addr, port, proc = m.groups()
        if port == "*" or state not in ("LISTEN", "UNCONN"):
            st.ignored += 1
            continue
        iface = None
        if "%" in addr:
            addr, _, iface = addr.partition("%")
        out.append(Listener(proto, addr, int(port), proc or "", st.src(n, raw), iface))
    st.facts.listeners = out


def finish_services(st: State) -> None:
    """The device's services from its listeners (or every port, partial, without ss)."""
    dev = st.dev
    echo_off = st.sysctl.get("net.ipv4.icmp_echo_ignore_all", ("0", None))[0] == "1"
    if not echo_off:
        # the sysctl line when the dump has it, else a default (the kernel answers):
        # never the hostname line
        src = st.sysctl.get("net.ipv4.icmp_echo_ignore_all", ("", None))[1]
        dev.services.append(MgmtService("icmp-echo", PROTO_ICMP, icmp_type=8, source=src))
    if st.facts.listeners is None:
        no_ss = Text("input.linux.no_ss")
        st.warn(Text("input.with_note", what=no_ss, note=Text("input.linux.every_port_listening")))
        for proto, num in (("tcp", PROTO_TCP), ("udp", PROTO_UDP)):
            dev.services.append(
                MgmtService(f"any-{proto}", num, ports=(PortRange(0, 65535),), source=None, partial=no_ss)
            )
        return
    for lst in st.facts.listeners:
        addr = lst.address.strip("[]")
        if addr.startswith("::ffff:"):
            addr = addr[7:]
        if lst.address in ("*", "0.0.0.0"):
            ip = None
        elif ip_to_int(addr) is not None:
            ip = ip_to_int(addr)
            if addr.startswith("127."):
                continue  # loopback: not reachable from another host
        else:
            continue  # IPv6 only
        name, insecure = NAMES.get((lst.proto, lst.port), (f"{lst.proto}/{lst.port}", False))
        svc = MgmtService(
            name,
            PROTO_TCP if lst.proto == "tcp" else PROTO_UDP,
            ports=(PortRange(lst.port, lst.port),),
            source=lst.source,
            insecure=insecure,
            interfaces=frozenset({lst.interface}) if lst.interface else None,
        )
        programs = _USERS.findall(lst.process)
        relay = next((p for p in programs if p in RELAY_PROGRAMS), None)
        if relay is not None:
            svc.name, svc.relay, svc.insecure = relay, True, False  # a proxy, not an admin protocol
        if ip is not None:
            fname = f"listen {addr}"
            if fname not in dev.filters:
                dev.filters[fname] = Filter(
                    fname,
                    [FilterLine(Action.PERMIT, [Match(dst=(AddrMatch.host(ip),))], lst.source, name="bound address")],
                    Action.DENY,
                    kind="synthesized",
                    source=lst.source,
                    default_text=Text("input.linux.default.socket", addr=addr),
                )
            svc.acl = fname
        elif dev.input_filter and name in ("ssh", "telnet"):
            # The input chain is what restricts who may log in on a Linux box: the
            # service's access list (applied again after the input filter: idempotent).
            svc.acl = dev.input_filter
        dev.services.append(svc)
        if not programs and lst.proto == "tcp" and lst.port in PROXY_PORTS:
            why = Text("input.linux.partial.proxy_port", port=lst.port, program=PROXY_PORTS[lst.port])
            dev.services.append(
                MgmtService(
                    f"tcp/{lst.port}",
                    PROTO_TCP,
                    ports=svc.ports,
                    source=lst.source,
                    acl=svc.acl,
                    interfaces=svc.interfaces,
                    partial=why,
                    relay=True,
                )
            )
            st.partial(f"listener tcp/{lst.port}", why, lst.source)


def read_sysctl(st: State, sec: Section) -> None:
    """``sysctl`` lines ``key = value``."""
    st.seen.add("sysctl")
    for n, raw in sec.lines:
        t = raw.strip()
        if not t:
            continue
        key, sep, value = t.partition("=")
        if not sep or " " in key.strip():
            st.unrecognized(n, raw)
            continue
        st.sysctl[key.strip()] = (value.strip(), st.src(n, raw))


def finish_sysctl(st: State, ifaces_src: Src | None) -> None:
    """ip_forward → ``Device.ip_routing``; rp_filter → each interface's uRPF mode.

    ``rp_filter`` is the maximum of ``conf.all`` and ``conf.<if>`` (2 = loose is the
    maximum).  Without the interface's own value: ``all = 2`` → loose; ``all = 1`` →
    strict or loose, not known which (``Interface.urpf_unsure``: what only the loose
    check passes is uncertain); ``all = 0`` → none (the interface's value is then what
    counts, and it is unknown: a warning)."""
    dev = st.dev
    fwd = st.sysctl.get("net.ipv4.ip_forward")
    if fwd is not None:
        st.facts.ip_forward, st.facts.ip_forward_source = fwd
        dev.ip_routing = fwd[0] != "0"
    else:
        st.warn(Text("input.linux.no_ip_forward"))
    # Linux drops a forwarded packet whose source is one of its own addresses (a martian
    # source; fib_validate_source), unless accept_local is on.
    dev.martian_own_source = not any(
        v[0] == "1" for k, v in st.sysctl.items() if k.startswith("net.ipv4.conf.") and k.endswith(".accept_local")
    )
    dev.urpf_after_dnat = True  # rp_filter runs in the routing decision, after prerouting DNAT
    allv = st.sysctl.get("net.ipv4.conf.all.rp_filter")
    if allv is not None:
        st.facts.rp_filter_all, st.facts.rp_filter_source = allv
    for name, itf in dev.interfaces.items():
        # sysctl writes the dots of an interface name as slashes (eth0.10 -> eth0/10).
        own = st.sysctl.get(f"net.ipv4.conf.{name.replace('.', '/')}.rp_filter")
        vals = [v for v in (allv, own) if v is not None and v[0].isdecimal()]
        if not vals:
            continue
        top = max(int(v[0]) for v in vals)
        if top == 0:
            continue
        itf.urpf = "strict" if top == 1 else "loose"
        itf.urpf_allow_default = True
        if top == 1 and own is None:
            itf.urpf_unsure = Text("input.linux.rp_filter_unsure", name=name)
