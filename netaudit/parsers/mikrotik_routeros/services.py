"""The management plane into the model: what listens on the router.

``/ip service`` with RouterOS defaults when absent (:data:`IP_SERVICES`), ``address=``
as an ACL; DNS (``allow-remote-requests``), DHCP servers/relays (on their
interfaces), SNMP (communities' ``addresses``), bandwidth-test server (enabled by
default), proxy, socks, SMB, NTP server, UPnP, VPN servers, WireGuard listen ports,
ICMP echo.  The input chain filters them all.  Also the facts RouterOS's hardening
checks read about accounts, neighbor discovery and the MAC server.
"""

from __future__ import annotations

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
from netaudit.parsers.packet_sets import ADDR_MAX, addr_pats, norm

from .facts import IpService, MacServerEntry, NeighborDiscovery, User
from .lists import expand_list
from .state import State
from .syntax import Command, unquote
from .values import parse_addr, split_list, to_int, yes

# /ip service: RouterOS name -> (model name, port, enabled by default, cleartext).
# Same in v6 and v7: every service enabled except www-ssl (it needs a certificate).
IP_SERVICES = {
    "telnet": ("telnet", 23, True, True),
    "ftp": ("ftp", 21, True, True),
    "www": ("http", 80, True, True),
    "ssh": ("ssh", 22, True, False),
    "www-ssl": ("https", 443, False, False),
    "api": ("api", 8728, True, True),
    "api-ssl": ("api-ssl", 8729, True, False),
    "winbox": ("winbox", 8291, True, False),
}


def service_acl(st: State, name: str, addresses: list[str], src: Src) -> str | None:
    """A filter permitting ``addresses`` (None when they cover every IPv4 source)."""
    nets = []
    for a in addresses:
        if ":" in a:
            if a in ("::/0",):
                return None
            continue
        r = parse_addr(a)
        if r is None:
            continue
        if r == (0, ADDR_MAX):
            return None
        nets.append(r)
    flt = Filter(name, kind="acl", source=src, default_text="source address not listed in address= (RouterOS refuses)")
    for rs in norm(nets):
        pats = addr_pats((rs,))
        flt.lines.append(FilterLine(Action.PERMIT, [Match(src=tuple(pats))], src, name=name))
    st.dev.filters[name] = flt
    return name


def finish_services(st: State) -> None:
    dev, facts = st.dev, st.facts
    svcs = dev.services

    def vrf_ifaces(vrf):
        return frozenset(n for n, i in dev.interfaces.items() if i.vrf == vrf)

    for ros, (model, port, on, insecure) in IP_SERVICES.items():
        cfg = st.services.get(ros, {})
        src = cfg.get("__src")
        enabled = not yes(cfg.get("disabled"), not on)
        p = to_int(cfg.get("port"), port)
        addresses = split_list(cfg.get("address"))
        # address= comes from a /ip service line, which service() recorded with its __src
        acl = service_acl(st, f"ip-service-{ros}", addresses, cfg["__src"]) if addresses else None
        vrf = unquote(cfg["vrf"]) if "vrf" in cfg else "main"
        ifaces = None
        if vrf not in ("main", ""):
            ifaces = vrf_ifaces(vrf)
        facts.ip_services[ros] = IpService(enabled, addresses, src)
        svcs.append(
            MgmtService(
                model,
                PROTO_TCP,
                (PortRange(p, p),),
                enabled=enabled,
                acl=acl,
                interfaces=ifaces,
                source=src,
                insecure=insecure,
            )
        )
    for ros, cfg in st.services.items():
        if ros not in IP_SERVICES:
            facts.ip_services[ros] = IpService(
                not yes(cfg.get("disabled")), split_list(cfg.get("address")), cfg.get("__src")
            )
    if st.dns.get("allow"):
        src = st.dns["src"]
        svcs.append(MgmtService("dns", PROTO_UDP, (PortRange(53, 53),), source=src))
        svcs.append(MgmtService("dns", PROTO_TCP, (PortRange(53, 53),), source=src))
    dhcp_ifs, dhcp_src = set(), None
    for cmd, src in st.dhcp_servers:
        if yes(cmd.get("disabled"), st.major == 6):
            continue
        dhcp_ifs.add(cmd.get("interface", ""))  # the handler kept only lines with interface=
        dhcp_src = dhcp_src or src
    for cmd, src in st.dhcp_relays:
        if yes(cmd.get("disabled"), st.major == 6):
            continue
        dhcp_ifs.add(cmd.get("interface", ""))
        dhcp_src = dhcp_src or src
    if dhcp_ifs:
        svcs.append(
            MgmtService("dhcp", PROTO_UDP, (PortRange(67, 67),), interfaces=frozenset(dhcp_ifs), source=dhcp_src)
        )
    snmp_service(st)
    single = st.singletons

    def setting(menu: str, key: str, default: bool) -> tuple[bool, Src | None, Command | None]:
        got = single.get(menu)
        if got is None:
            return default, None, None
        return yes(got[0].get(key), default), got[1], got[0]

    on, set_src, set_cmd = setting("tool bandwidth-server", "enabled", True)
    if on:
        svcs.append(MgmtService("btest", PROTO_TCP, (PortRange(2000, 2000),), source=set_src))
    for menu, name, port in (("ip proxy", "proxy", 8080), ("ip socks", "socks", 1080)):
        on, set_src, set_cmd = setting(menu, "enabled", False)
        if on and set_cmd is not None:  # on: a line set it (the default is off)
            p = to_int(set_cmd.get("port"), port)
            svcs.append(MgmtService(name, PROTO_TCP, (PortRange(p, p),), source=set_src))
    on, set_src, set_cmd = setting("ip smb", "enabled", False)
    if on:
        svcs.append(MgmtService("smb", PROTO_TCP, (PortRange(445, 445),), source=set_src))
    on, set_src, set_cmd = setting("system ntp server", "enabled", False)
    if on:
        svcs.append(MgmtService("ntp", PROTO_UDP, (PortRange(123, 123),), source=set_src))
    on, set_src, set_cmd = setting("ip upnp", "enabled", False)
    if on:
        svcs.append(
            MgmtService(
                "upnp",
                PROTO_UDP,
                (PortRange(1900, 1900),),
                source=set_src,
                partial="UPnP lets inside hosts create port forwards",
            )
        )
        # Inside hosts create dst-nat entries on the external interface at run time
        # (help.mikrotik.com, UPnP): a run-time port forward, not a partial interface.
        inside = [n for i, typ, s in st.upnp_ifs if typ != "external" for n in _upnp_names(st, i, s)]
        for iface, typ, s in st.upnp_ifs:
            if typ == "external":
                for name in _upnp_names(st, iface, s):
                    dev.runtime_forwards.append(RuntimeForward(name, inside, "UPnP", s))
    _vpn_services(st)
    for name, port, src in st.wireguard:
        itf = dev.interfaces.get(name)
        if itf is not None and not itf.shutdown:
            svcs.append(MgmtService("wireguard", PROTO_UDP, (PortRange(port, port),), source=src))
    svcs.append(MgmtService("icmp-echo", PROTO_ICMP, icmp_type=8))


def _upnp_names(st: State, name: str, src: Src) -> list[str]:
    """The interfaces a UPnP interface entry names (an interface, or a list's members)."""
    if name in st.dev.interfaces:
        return [name]
    members, _why = expand_list(st, name, src) if name in st.lists else (set(), None)
    return sorted(n for n in (members if members is not None else st.dev.interfaces) if n in st.dev.interfaces)


def _vpn_services(st: State) -> None:
    svcs = st.dev.services
    for key, (cmd, src) in sorted(st.vpn_servers.items()):
        kind = key.split(":")[0]
        if not yes(cmd.get("enabled"), cmd.verb == "add") or yes(cmd.get("disabled")):
            continue
        if kind == "pptp-server":
            svcs.append(MgmtService("pptp", PROTO_TCP, (PortRange(1723, 1723),), source=src))
        elif kind == "l2tp-server":
            svcs.append(MgmtService("l2tp", PROTO_UDP, (PortRange(1701, 1701),), source=src))
            if (cmd.get("use-ipsec") or "no") != "no":
                svcs.append(MgmtService("ipsec", PROTO_UDP, (PortRange(500, 500), PortRange(4500, 4500)), source=src))
        elif kind == "sstp-server":
            p = to_int(cmd.get("port"), 443)
            svcs.append(MgmtService("sstp", PROTO_TCP, (PortRange(p, p),), source=src))
        elif kind == "ovpn-server":
            p = to_int(cmd.get("port"), 1194)
            proto = PROTO_UDP if cmd.get("protocol") == "udp" else PROTO_TCP
            svcs.append(MgmtService("ovpn", proto, (PortRange(p, p),), source=src))
        # pppoe-server: PPPoE discovery is not IP


def snmp_service(st: State) -> None:
    dev = st.dev
    if not yes(st.snmp.get("enabled")):
        return
    src = st.snmp.get("__src")
    communities = st.snmp_communities or []
    default_present = not any(c.get("__default") for c in communities)
    addrs: list[str] = []
    unrestricted = False
    names = []
    if default_present:
        unrestricted = True  # "public", addresses 0.0.0.0/0 (::/0 in v7)
        names.append("public")
    for c in communities:
        if yes(c.get("disabled")):
            continue
        names.append(c.get("__name", ""))
        a = split_list(c.get("addresses"))
        if not a and not c.get("__default"):
            a = ["0.0.0.0/0"] if st.major == 6 else ["::/0"]
        if not a and c.get("__default"):
            unrestricted = True
        if any(x in ("0.0.0.0/0", "::/0") for x in a):
            unrestricted = True
        addrs.extend(a)
        if c.get("__name") and c["__name"] != "public":
            st.add_secret(c["__name"])
    # enabled: a /snmp line set it, and snmp() recorded its __src
    acl = None if unrestricted else service_acl(st, "snmp-community", addrs, st.snmp["__src"])
    st.facts.snmp_default_community = "public" in names
    dev.services.append(MgmtService("snmp", PROTO_UDP, (PortRange(161, 161),), acl=acl, insecure=True, source=src))


def finish_facts(st: State) -> None:
    """Accounts, neighbor discovery and MAC server (with their RouterOS defaults)."""
    dev, facts = st.dev, st.facts
    facts.users = [User(u["name"], u["password"], u["renamed_from_admin"], u["source"]) for u in st.users]
    if st.discovery is None:
        # default: discover on every static interface (RouterOS >= 6.41 "static";
        # older exports configure it per interface)
        off = {n for n, on, _ in st.discovery_old if not on}
        facts.neighbor_discovery = NeighborDiscovery(sorted(set(dev.interfaces) - off), None)
    else:
        lst, src = st.discovery
        members, _ = expand_list(st, lst, src)
        facts.neighbor_discovery = NeighborDiscovery(
            sorted(dev.interfaces) if members is None else sorted(members), src
        )
    for kind in ("mac-telnet", "mac-winbox"):
        entries = facts.mac_server.get(kind)
        if not entries:
            facts.mac_server[kind] = [MacServerEntry(interface_list="all")]
