"""Proxy daemons on the router → relay services (``MgmtService.relay``).

tinyproxy, privoxy, squid, microsocks and shadowsocks-libev open connections themselves,
for the clients they admit, to any address the router reaches — through its output path,
not the fw4 ``forward`` chain.  The engine takes what reaches such a service (through the
``input`` chain and the service's ACL) as *maybe* reaching every zone (docs/semantics.md,
"Proxies on a device").  Each is read as its init script (openwrt/packages
``net/<name>/files/<name>.init``) turns UCI into the daemon's configuration:

* tinyproxy: a ``config tinyproxy`` section with ``enabled '1'`` (default off),
  ``Port`` (8888), ``Listen`` (one address; none = every address), ``Allow`` (the
  clients; none = every client, tinyproxy's default when no access rule exists);
* privoxy: ``config privoxy 'privoxy'`` unless ``_enabled '0'``, each
  ``listen_address`` (``addr:port``, ``:port`` every address; none = privoxy's default
  ``127.0.0.1:8118``), ``permit_access`` (the clients; none = every client);
* squid: ``config squid 'squid'``, ``http_port`` (3128) on every address; its access
  rules are in ``squid.conf``, not in UCI: every client; the ports ``squid.conf`` may add
  are possibly open (partial, not relays), as for a package not read;
* microsocks: ``config microsocks`` with ``enabled '1'``, ``listenip``, ``port`` (1080);
* shadowsocks-libev: ``ss_server`` (``server``, ``server_port``), ``ss_local``,
  ``ss_redir``, ``ss_tunnel`` (``local_address`` 0.0.0.0, ``local_port``) unless
  ``disabled '1'``; ``mode`` tcp_only (default), udp_only or tcp_and_udp.  Each runs only
  if its binary's package is installed, which UCI does not show: partial.  ``ss_rules``
  (transparent redirection of forwarded traffic into ss-redir) is not modelled: every
  routed interface partial.

A daemon bound to a loopback or IPv6-only address is not reachable over IPv4 from
another host: no service.  Client lists are read exactly where they hold IPv4 addresses
and prefixes (IPv6 entries admit no IPv4 client); a host name may match any client, so
the list then restricts nothing.  The TCP port answers every client (a refused one is
turned away after connecting), so a restricted proxy is two services of one name: the
listener, and the relay with the clients' ACL.  See docs/vendors/openwrt.md, "Proxies".
"""

from __future__ import annotations

from netaddr import AddrFormatError, IPAddress, IPNetwork

from netaudit.messages import Text
from netaudit.model import (
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
from netaudit.parsers.base import join_reasons
from netaudit.parsers.packet_sets import addr_pats, norm

from .state import State

EVERY = "every"  # a listen address: every address of the router
UNREACHABLE = "unreachable"  # loopback or IPv6 only: not reachable over IPv4
MODES = {"tcp_only": (PROTO_TCP,), "udp_only": (PROTO_UDP,), "tcp_and_udp": (PROTO_TCP, PROTO_UDP)}


def finish_proxies(st: State) -> None:
    """The proxy daemons' relay services (after the other services)."""
    for s in st.text.of("tinyproxy", "tinyproxy"):
        if not s.flag("enabled", False):
            continue
        clients = _clients([w for v, _ in s.items("Allow") for w in v.split()], s.line("Allow"))
        port = _port(s.get("Port"), 8888)
        _relay(st, "tinyproxy", (PROTO_TCP,), port, _listen_addr(s.get("Listen") or ""), clients, s.line("enabled"))
    for s in st.text.of("privoxy", "privoxy"):
        if not s.flag("_enabled", True):
            continue
        allow = [v.split()[0] for v, _ in s.items("permit_access") if v.split()]
        clients = _clients(allow, s.line("permit_access"))
        listens = s.items("listen_address") or [("127.0.0.1:8118", s.src)]
        for value, src in listens:
            host, _, pstr = value.strip().rpartition(":")
            _relay(st, "privoxy", (PROTO_TCP,), _port(pstr, -1), _listen_addr(host), clients, src)
    for s in st.text.of("squid", "squid"):
        s.get("http_port_options")
        _relay(st, "squid", (PROTO_TCP,), _port(s.get("http_port"), 3128), EVERY, None, s.line("http_port"))
        # squid.conf (config_file) may open further ports (http_port, icp_port …): as for
        # a package not read, any port possibly open (services._unread_daemons).
        conf = s.get("config_file") or "/etc/squid/squid.conf"
        why = Text("input.openwrt.squid_conf", path=conf)
        for proto in (PROTO_TCP, PROTO_UDP):
            st.dev.services.append(MgmtService("squid", proto, (PortRange(0, 65535),), source=s.src, partial=why))
    for s in st.text.of("microsocks", "microsocks"):
        if not s.flag("enabled", False):
            continue
        addr = _listen_addr(s.get("listenip") or "")
        _relay(st, "microsocks", (PROTO_TCP,), _port(s.get("port"), 1080), addr, None, s.line("enabled"))
    _shadowsocks(st)


def _shadowsocks(st: State) -> None:
    for kind in ("ss_server", "ss_local", "ss_redir", "ss_tunnel"):
        name = kind.replace("_", "-")
        why = Text("input.openwrt.ss_package", name=name)
        for s in st.text.of("shadowsocks-libev", kind):
            if s.flag("disabled", False):
                continue
            if kind == "ss_server":
                addr, port, at = _listen_addr(s.get("server") or ""), s.get("server_port"), s.line("server_port")
            else:
                addr = _listen_addr(s.get("local_address") or s.get("bind_address") or "")
                port, at = s.get("local_port"), s.line("local_port")
            if port is None:
                continue  # the init script starts no instance without a port
            protos = MODES.get(s.get("mode") or "tcp_only", (PROTO_TCP, PROTO_UDP))
            _relay(st, name, protos, _port(port, -1), addr, None, at, why)
    for s in st.text.of("shadowsocks-libev", "ss_rules"):
        if s.flag("disabled", False):
            continue
        reason = Text("input.openwrt.ss_rules")
        for itf in st.dev.interfaces.values():
            if itf.is_l3:
                st.iface_partial(itf, reason, s.src)


def _relay(
    st: State,
    name: str,
    protos: tuple[int, ...],
    port: int,
    addr: int | str,
    clients: tuple[tuple[AddrMatch, ...], Src] | None,
    src: Src,
    why: Text | None = None,
) -> None:
    """The relay ``name`` on ``port`` (-1: not understood, any port) at ``addr`` (an
    address, :data:`EVERY`, :data:`UNREACHABLE` or a host name), admitting ``clients``
    ((their address patterns, the line listing them); None: every client)."""
    if addr == UNREACHABLE:
        return
    reasons = [r for r in (why,) if r]
    if port < 0:
        reasons.append(Text("input.openwrt.proxy_port_unread", name=name))
    if isinstance(addr, str) and addr != EVERY:
        reasons.append(Text("input.openwrt.proxy_host_name", name=name, addr=addr))
    own = addr_pats(norm([(addr, addr)])) if isinstance(addr, int) else None
    at = f"{IPAddress(addr)}:{port}" if isinstance(addr, int) else str(port)
    ports = (PortRange(port, port),) if port >= 0 else ()
    partial = join_reasons(reasons) or None
    for r in reasons:
        st.partial(name, r, src)
    listener = None
    if own:
        listener = _acl(st, f"{name}-listen-{at}", [FilterLine(Action.PERMIT, [Match(dst=own)], src)], src)
        st.dev.filters[listener].default_text = Text(
            "input.openwrt.default.proxy_listen", name=name, address=str(IPAddress(addr))
        )
    for proto in protos:
        if clients is None:
            st.dev.services.append(
                MgmtService(name, proto, ports, acl=listener, source=src, partial=partial, relay=True)
            )
            continue
        pats, csrc = clients
        lines = [FilterLine(Action.PERMIT, [Match(src=pats, dst=own)], csrc, name=name)] if pats else []
        relay = _acl(st, f"{name}-clients-{at}", lines, src)
        st.dev.filters[relay].default_text = Text("input.openwrt.default.proxy_client", name=name)
        st.dev.services.append(MgmtService(name, proto, ports, acl=listener, source=src, partial=partial))
        st.dev.services.append(MgmtService(name, proto, ports, acl=relay, source=src, partial=partial, relay=True))


def _acl(st: State, name: str, lines: list[FilterLine], src: Src) -> str:
    st.dev.filters[name] = Filter(name, lines, Action.DENY, kind="acl", source=src)
    return name


def _clients(values: list[str], src: Src) -> tuple[tuple[AddrMatch, ...], Src] | None:
    """The IPv4 clients an access list admits (their patterns, empty for none, and the
    list's line), or None for every client (no list, or an entry that is a name)."""
    if not values:
        return None
    ranges: list[tuple[int, int]] = []
    for v in values:
        text = v.strip()
        if text.startswith("[") or text.count(":") > 1:
            continue  # IPv6: admits no IPv4 client
        addr, slash, bits = text.partition("/")
        addr = addr.split(":", 1)[0]  # privoxy's src_addr[:port]
        try:
            net = IPNetwork(f"{addr}/{bits}" if slash else addr)
        except (AddrFormatError, ValueError):
            return None  # a host name: matched by reverse lookup, any client may match
        if net.version == 4:
            ranges.append((int(net.first), int(net.last)))
    return (addr_pats(norm(ranges)) if ranges else ()), src


def _listen_addr(host: str) -> int | str:
    """A daemon's listen address: an IPv4 address, :data:`EVERY`, :data:`UNREACHABLE`,
    or a host name (kept as text)."""
    host = host.strip().strip("[]")
    if host in ("", "0.0.0.0", "*", "::"):
        return EVERY
    if host == "localhost":
        return UNREACHABLE
    try:
        a = IPAddress(host)
    except (AddrFormatError, ValueError):
        return host
    if a.version != 4 or a.is_loopback():
        return UNREACHABLE
    return int(a)


def _port(value: str | None, default: int) -> int:
    """A port number, ``default`` when absent, -1 when not understood."""
    if value is None or value == "":
        return default
    v = value.strip()
    return int(v) if v.isdecimal() and 0 < int(v) < 65536 else -1
