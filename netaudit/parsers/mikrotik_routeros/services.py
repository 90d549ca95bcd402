"""The management plane into the model: what listens on the router.

``/ip service`` with RouterOS defaults when absent (:data:`IP_SERVICES`), ``address=``
as an ACL; DNS (``allow-remote-requests``), DHCP servers/relays (on their
interfaces), SNMP (communities' ``addresses``), bandwidth-test server (enabled by
default), proxy (``/ip proxy access``: where it connects), socks, SMB, NTP server,
UPnP, VPN servers, WireGuard listen ports, ICMP echo.  The input chain filters them
all.  Also the facts RouterOS's hardening checks read about accounts, neighbor
discovery and the MAC server.
"""

from __future__ import annotations

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
from netaudit.parsers.base import join_reasons
from netaudit.parsers.packet_sets import ADDR_MAX, addr_pats, cond, norm, to_matches

from .conditions import addr_field, ports_field
from .facts import IpService, MacServerEntry, NeighborDiscovery, User
from .lists import expand_list, list_bounds, running_servers
from .reasons import SOCKS_TARGETS_DENIED, UPNP, action_not_understood, reason
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
    flt = Filter(name, kind="acl", source=src, default_text=Text("input.routeros.default.service_address"))
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
            acl = targets = None
            if name == "socks":
                acl = socks_acl(st)
            else:
                targets = proxy_targets(st, set_cmd, p)
            svcs.append(
                MgmtService(name, PROTO_TCP, (PortRange(p, p),), acl=acl, source=set_src, relay=True, relay_to=targets)
            )
    on, set_src, set_cmd = setting("ip smb", "enabled", False)
    if on:
        svcs.append(MgmtService("smb", PROTO_TCP, (PortRange(445, 445),), source=set_src))
    on, set_src, set_cmd = setting("system ntp server", "enabled", False)
    if on:
        svcs.append(MgmtService("ntp", PROTO_UDP, (PortRange(123, 123),), source=set_src))
    # v7 User Manager is a RADIUS server (help.mikrotik.com "User Manager", settings:
    # enabled default no, authentication-port 1812, accounting-port 1813); /radius
    # incoming accepts unsolicited requests (CoA, disconnect) when accept=yes, on port 3799.
    on, set_src, set_cmd = setting("user-manager", "enabled", False)
    if on and set_cmd is not None:
        auth = to_int(set_cmd.get("authentication-port"), 1812)
        acct = to_int(set_cmd.get("accounting-port"), 1813)
        ports = tuple(PortRange(p, p) for p in sorted({auth, acct}))
        svcs.append(MgmtService("radius", PROTO_UDP, ports, source=set_src))
    on, set_src, set_cmd = setting("radius incoming", "accept", False)
    if on and set_cmd is not None:
        p = to_int(set_cmd.get("port"), 3799)
        svcs.append(MgmtService("radius-incoming", PROTO_UDP, (PortRange(p, p),), source=set_src))
    on, set_src, set_cmd = setting("ip upnp", "enabled", False)
    if on:
        svcs.append(
            MgmtService(
                "upnp",
                PROTO_UDP,
                (PortRange(1900, 1900),),
                source=set_src,
                partial=UPNP,
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


# /ip socks access: properties about the client (its connection to the router), about
# the target it asks the proxy for, and those that match nothing; the actions of both
# access lists.
_SOCKS_CLIENT = {"src-address": "src", "src-port": "sport"}
_SOCKS_TARGET = ("dst-address", "dst-port")
_SOCKS_META = frozenset({"action", "comment", "disabled", "place-before"})
_ACCESS_ACTIONS = {"allow": [Action.PERMIT], "deny": [Action.DENY]}


def socks_acl(st: State) -> str | None:
    """The client filter of ``/ip socks access`` (``socks-access``), or None without
    rules.

    RouterOS reads the list top to bottom per request: the first rule matching the
    client *and* the target it asks for decides (``allow``, the default, or ``deny``);
    a request no rule matches is allowed.  The filter says which clients can use the
    proxy for at least one target: a rule on the client alone is exact; ``allow`` with a
    target condition lets its clients through (partial when earlier target denials may
    have left them no target); ``deny`` with a target condition never refuses a client
    every target, so it is no line — the client's other requests go on to the later
    rules (docs/vendors/mikrotik_routeros.md, "SOCKS")."""
    rules = st.access_rules.get("ip socks")
    if not rules:
        return None
    name = "socks-access"
    flt = _access_list(name, rules, "/ip socks access")
    target_denials = 0
    for number, (cmd, src) in enumerate(rules):  # RouterOS numbers them from 0
        if yes(cmd.get("disabled")):
            continue
        reasons: list[str] = []
        client = _rule_fields(st, cmd, _SOCKS_CLIENT, reasons)
        targeted, no_target = _socks_target(st, cmd, reasons)
        reasons += [
            reason("input.routeros.property_not_understood", prop=key)
            for key in cmd.props
            if key not in _SOCKS_META and key not in _SOCKS_CLIENT and key not in _SOCKS_TARGET
        ]
        action = cmd.get("action", "allow")
        acts = _rule_actions(action, reasons)
        clients = cond(**client)
        if no_target or clients is None:
            continue  # the rule matches no request
        if action == "deny" and targeted and not reasons:
            target_denials += 1  # some targets refused: the client's other requests go on
            continue
        if action == "allow" and target_denials > (0 if targeted else 1):
            # one denial short of every target leaves some; two or more may not
            reasons.append(SOCKS_TARGETS_DENIED)
        _add_rule(st, flt, acts, clients, src, number, reasons, "/ip socks access")
    st.dev.filters[name] = flt
    return name


# /ip proxy access: conditions on the client and on the target (exact), on the request
# (the host name as typed, the path, the method: not in a configuration's reach).
_PROXY_TARGET = {"src-address": "src", "dst-address": "dst", "dst-port": "dport"}
_PROXY_REQUEST = ("dst-host", "path", "method")
_PROXY_META = frozenset({"action", "comment", "disabled", "place-before", "redirect-to", "local-port"})


def proxy_targets(st: State, settings: Command, port: int) -> str | None:
    """Where the web proxy may connect for its clients (``MgmtService.relay_to``, the
    filter ``proxy-access``), or None for anywhere: no access rule, a parent proxy (it
    then connects to that proxy), or a v7 ``action=redirect`` rule (a reverse proxy to
    its ``action-data`` host).

    The access list is read like a firewall chain (Manual:IP/Proxy, "Access List"): top
    to bottom, the first rule matching the request decides, ``allow`` (the default) or
    ``deny``; a request no rule matches is allowed.  ``src-address``, ``dst-address``
    and ``dst-port`` are exact; ``dst-host``, ``path`` and ``method`` are about the
    request, not its addresses: such a rule is partial (it may or may not match); a
    ``local-port`` other than the proxy's port matches nothing
    (docs/vendors/mikrotik_routeros.md, "Web proxy")."""
    rules = st.access_rules.get("ip proxy")
    parent = (settings.get("parent-proxy") or "0.0.0.0").strip()
    if not rules or parent not in ("0.0.0.0", "::", "none"):
        return None
    name = "proxy-access"
    flt = _access_list(name, rules, "/ip proxy access")
    for number, (cmd, src) in enumerate(rules):  # RouterOS numbers them from 0
        if yes(cmd.get("disabled")):
            continue
        action = cmd.get("action", "allow")
        if action == "redirect":
            return None  # the proxy connects to action-data for these requests
        reasons: list[str] = []
        fields = _rule_fields(st, cmd, _PROXY_TARGET, reasons)
        local = cmd.get("local-port")
        if local:
            ports = ports_field(local, reasons, "local-port")
            if ports is not None and not any(lo <= port <= hi for lo, hi in ports):
                continue  # requests come in on the proxy's port: the rule matches none
        reasons += [
            reason("input.routeros.proxy_request", key=key, value=cmd.get(key))
            for key in _PROXY_REQUEST
            if cmd.get(key)
        ]
        reasons += [
            reason("input.routeros.property_not_understood", prop=key)
            for key in cmd.props
            if key not in _PROXY_META and key not in _PROXY_TARGET and key not in _PROXY_REQUEST
        ]
        acts = _rule_actions(action, reasons)
        matched = cond(**fields)
        if matched is None:
            continue  # the rule matches no request
        _add_rule(st, flt, acts, matched, src, number, reasons, "/ip proxy access")
    st.dev.filters[name] = flt
    return name


def _access_list(name: str, rules: list[tuple[Command, Src]], menu: str) -> Filter:
    """An access list's filter: a request no rule matches is allowed (both menus)."""
    return Filter(
        name,
        default_action=Action.PERMIT,
        source=rules[0][1],
        default_text=Text("input.routeros.default.access_list", menu=menu),
    )


def _rule_fields(st: State, cmd: Command, keys: dict[str, str], reasons: list[str]) -> dict:
    """An access rule's address and port conditions ``keys`` (property → Cond field)."""
    out: dict = {}
    for key, fld in keys.items():
        value = cmd.get(key)
        if value:
            rs = addr_field(st, value, key, reasons) if fld in ("src", "dst") else ports_field(value, reasons, key)
            if rs is not None:
                out[fld] = rs
    return out


def _add_rule(
    st: State, flt: Filter, acts: list[Action], matched, src: Src, number: int, reasons: list[str], menu: str
) -> None:
    """An access rule's lines (one per action it may take), partial with ``reasons``."""
    why = join_reasons(reasons) or None
    for act in acts:
        flt.lines.append(FilterLine(act, to_matches(matched), src, name=f"{flt.name} {number}", partial=why))
    if why:
        st.partial(menu, why, src)


def _rule_actions(action: str, reasons: list[str]) -> list[Action]:
    """An access rule's action as lines' actions; one not understood may do either."""
    acts = _ACCESS_ACTIONS.get(action)
    if acts is None:
        reasons.append(action_not_understood(repr(action)))
        return [Action.PERMIT, Action.DENY]
    return acts


def _socks_target(st: State, cmd: Command, reasons: list[str]) -> tuple[bool, bool]:
    """(whether a SOCKS access rule leaves some target out, whether it matches none)."""
    targeted = False
    for key in _SOCKS_TARGET:
        value = cmd.get(key)
        if not value:
            continue
        if key == "dst-address":
            rs = addr_field(st, value, key, reasons)
            everything = ((0, ADDR_MAX),)
        else:
            rs = ports_field(value, reasons, key)
            everything = ((1, 65535),)  # port 0 is no target
            if rs is not None and rs[-1:] == ((0, 65535),):
                rs = everything
        if rs is None:
            continue  # not understood: partial (reasons)
        if not rs:
            return targeted, True
        if rs != everything:
            targeted = True
    return targeted, False


def _upnp_names(st: State, name: str, src: Src) -> list[str]:
    """The interfaces a UPnP interface entry names (an interface, or a list's members)."""
    if name in st.dev.interfaces:
        return [name]
    members, _why = expand_list(st, name, src) if name in st.lists else (set(), None)
    return sorted(n for n in (members if members is not None else st.dev.interfaces) if n in st.dev.interfaces)


def _vpn_services(st: State) -> None:
    svcs = st.dev.services
    for kind, cmd, src in running_servers(st):
        if kind == "pptp-server":
            svcs.append(MgmtService("pptp", PROTO_TCP, (PortRange(1723, 1723),), source=src))
        elif kind == "l2tp-server":
            # use-ipsec=required: the server takes L2TP inside IPsec only — a VPN endpoint
            # (model.VPN_ENDPOINTS); yes (optional) or no: cleartext L2TP, none.
            required = (cmd.get("use-ipsec") or "no") == "required"
            name = "l2tp-ipsec" if required else "l2tp"
            svcs.append(MgmtService(name, PROTO_UDP, (PortRange(1701, 1701),), source=src))
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
        # every interface that may be in the list (Detect Internet may add some at run time)
        may = list_bounds(st, lst).may
        facts.neighbor_discovery = NeighborDiscovery(sorted(dev.interfaces) if may is None else sorted(may), src)
    for kind in ("mac-telnet", "mac-winbox"):
        entries = facts.mac_server.get(kind)
        if not entries:
            facts.mac_server[kind] = [MacServerEntry(interface_list="all")]
