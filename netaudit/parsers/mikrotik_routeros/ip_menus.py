"""Reading the forwarding menus: ``/ip address``, routes, VRFs, routing tables and rules,
dynamic routing, DHCP and LTE clients, the ``/ip firewall`` tables and address lists,
connection tracking, IPsec policies, PPP profiles, users and RADIUS, and HotSpot.

Handlers as in :mod:`.interface_menus`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from netaddr import IPNetwork

from netaudit.messages import Text
from netaudit.model import Src

from .reasons import reason
from .records import FwRule
from .state import IGNORED, NotUnderstood, State
from .syntax import Command, unquote
from .values import quad, removed_item, split_list, yes


def address(st: State, cmd: Command, src: Src):
    """``/ip address add address=A interface=I``.  An entry whose interface no longer
    exists (no ``interface=``, or a removed interface's id ``*14``) is on no interface:
    RouterOS keeps it, invalid, and it gives the router no address (warned)."""
    if cmd.verb != "add":
        raise NotUnderstood
    addr, iface = cmd.get("address"), cmd.get("interface")
    if not addr:
        raise NotUnderstood
    if yes(cmd.get("disabled")):
        return IGNORED
    if not iface or removed_item(iface):
        why = Text("input.routeros.address_gone", address=addr)
        st.rep.warnings.append(Text("input.at", where=f"{st.file}:{src.line}", what=why))
        return None
    a, _, ln = addr.partition("/")
    plen = int(ln) if ln.isdecimal() and int(ln) <= 32 else (32 if not ln else None)
    if quad(a) is None or plen is None:
        # the interface has an address the line does not say (`address=XXX`, a poster's
        # redaction): its addresses are not known — partial, not an interface without one
        st.iface(iface)
        st.partial_ifaces.append((iface, reason("input.routeros.address_unread", iface=iface), src))
        raise NotUnderstood
    st.addrs.append((iface, IPNetwork(f"{a}/{plen}"), src))
    peer = quad(cmd.get("network") or "")
    if plen == 32 and peer is not None and peer != quad(a):
        # "For point-to-point links it should be the address of the remote end" (wiki
        # Manual:IP/Address, `network`): RouterOS routes that address out of the interface
        st.ptp_peers.append((iface, peer, src))
    if cmd.get("comment"):
        st.segment_names.setdefault(iface, []).append(cmd.get("comment", ""))


# --------------------------------------------------------------------------- routing


def route(st: State, cmd: Command, src: Src):
    """``/ip route add``; a ``set``/``remove`` (a pasted script) changes routes the export
    does not show: not understood, and a route the table may lack (``unread_routes``)."""
    if cmd.verb != "add":
        st.dev.unread_routes.append(src)
        raise NotUnderstood
    if yes(cmd.get("disabled")):
        return IGNORED
    st.routes.append((cmd, src))


def route_vrf_v6(st: State, cmd: Command, src: Src):
    if yes(cmd.get("disabled")):
        return IGNORED
    mark = cmd.get("routing-mark")
    for iface in split_list(cmd.props.get("interfaces")):
        if mark:
            st.vrfs.setdefault(mark, ([], src))[0].append(iface)
    st.tables.add(mark or "")


def vrf(st: State, cmd: Command, src: Src):
    if cmd.verb != "add":
        raise NotUnderstood
    name = cmd.get("name")
    if not name:
        raise NotUnderstood
    if yes(cmd.get("disabled")):
        return IGNORED
    st.vrfs[name] = (split_list(cmd.props.get("interfaces")), src)


def routing_table(st: State, cmd: Command, src: Src):
    name = cmd.get("name")
    if not name:
        raise NotUnderstood
    st.tables.add(name)
    st.tables_declared.add(name)
    if "fib" in cmd.words or yes(cmd.get("fib")):
        st.table_fib.add(name)


def routing_rule(st: State, cmd: Command, src: Src):
    if yes(cmd.get("disabled")):
        return IGNORED
    st.routing_rules.append((cmd, src))


def dynamic_routing(st: State, cmd: Command, src: Src):
    """The lines that run a routing protocol on interfaces (OSPF, BGP, RIP, IS-IS): the
    device learns routes the export does not hold, so "no route" is not known."""
    if yes(cmd.get("disabled")):
        return IGNORED
    st.dev.dynamic_routing.append(src)


def lte_apn(st: State, cmd: Command, src: Src):
    """APN profiles: whether the LTE interface adds a default route, at what distance."""
    default = cmd.selects_default
    name = "default" if default else (cmd.get("name") if cmd.verb == "add" else cmd.target)
    if not name:
        raise NotUnderstood
    st.lte_apn.setdefault(name, {}).update(cmd.props)
    keys = ("add-default-route", "default-route-distance")
    return None if any(k in cmd.props for k in keys) else IGNORED


def dhcp_client(st: State, cmd: Command, src: Src):
    """``/ip dhcp-client add interface=I``; on a removed interface's id (``*5``) it runs
    nowhere (warned); without ``interface=`` it is not understood."""
    if cmd.verb != "add" or not cmd.get("interface"):
        raise NotUnderstood
    if removed_item(cmd.get("interface")):
        why = Text("input.routeros.dhcp_client_gone", iface=cmd.get("interface"))
        st.rep.warnings.append(Text("input.at", where=f"{st.file}:{src.line}", what=why))
        return None
    st.dhcp_clients.append((cmd, src))


# --------------------------------------------------------------------------- firewall


def firewall(table: str):
    """``/ip firewall filter|nat|mangle|raw``: rules kept in order, flattened at the end."""

    def handler(st: State, cmd: Command, src: Src):
        if cmd.verb != "add":
            raise NotUnderstood
        return add_rule(table, st, cmd.props, src)

    return handler


def add_rule(table: str, st: State, props: dict[str, str], src: Src):
    """An ``add`` line of a firewall table (its properties, raw), in the table's order."""
    # (unquote only a value holding a quote or a backslash, unquote's own test: a
    # rule's chain and action, on every rule of a big export, almost never do)
    chain = props.get("chain")
    if chain and ('"' in chain or "\\" in chain):
        chain = unquote(chain)
    if not chain:
        raise NotUnderstood
    action = props.get("action", "accept")
    if '"' in action or "\\" in action:
        action = unquote(action)
    raw = props.get("disabled")
    disabled = raw is not None and yes(unquote(raw))
    rules = st.rules[table]
    rule = FwRule(table, len(rules), props, src, chain, action, disabled)
    rules.append(rule)
    st.chains[table].add(rule)
    if action in ("add-src-to-address-list", "add-dst-to-address-list") and not disabled:
        raw = props.get("address-list")
        if raw and unquote(raw):
            st.dynamic_lists.setdefault(unquote(raw), src)
    return IGNORED if disabled else None


def address_list(st: State, cmd: Command, src: Src):
    """``/ip firewall address-list add address=A list=L``; ``add list=L`` alone declares the
    list with no address of its own (help.mikrotik.com "DDoS Protection" starts with
    ``add list=ddos-attackers``, which real exports keep; rules fill it at run time)."""
    if cmd.verb != "add":
        raise NotUnderstood
    return add_address(st, cmd.props, src)


def add_address(st: State, props: dict[str, str], src: Src):
    """An ``add`` line of ``/ip firewall address-list`` (its properties, raw)."""
    lst, addr = _decoded(props, "list"), _decoded(props, "address")
    if not lst:
        raise NotUnderstood
    # (a flag is decoded only when the line has it: most entries have none of the three)
    if "disabled" in props and yes(_decoded(props, "disabled")):
        return IGNORED
    entries = st.addr_entries.get(lst)
    if entries is None:  # (not setdefault: a new list per entry, thrown away)
        entries = st.addr_entries[lst] = []
    if addr is None:
        return None
    entries.append((addr, src))
    if ("timeout" in props and _decoded(props, "timeout")) or ("dynamic" in props and yes(_decoded(props, "dynamic"))):
        # An entry that expires (`timeout=1d`) leaves the list at run time: its members
        # are not known for every moment (the list a rule reads may be without it).
        st.expiring_lists.setdefault(lst, src)
    return None


# An address-list entry as exports write most of them (``add address=10.0.0.0/24
# list=BLOCK comment="entry 17"``, the three keys in any order, each once or more): values
# without a quote, escape, selector bracket or second "=", a comment quoted without escapes
# or brackets, one blank between the properties.  A repeated group keeps its last value,
# as the property dict keeps a repeated key's last.
_ENTRY_LINE = re.compile(r'(?: (?:address=([^\s"\\=\[\]]+)|list=([^\s"\\=\[\]]+)|comment="[^"\\\[\]]*"))+')


def address_line(st: State, text: str, src: Src) -> bool:
    """An ``add`` line (``text``, the logical line) of ``/ip firewall address-list`` of the
    shape of :data:`_ENTRY_LINE` read straight into its list's entries: what the reader's
    ``split_args``, ``State.scan_props`` and :func:`add_address` do with its properties
    (none of the three keys names a secret, the values need no decoding), without the
    property dict — most lines of an export with big lists.  False for any other line,
    which they read.  tests/parsers/mikrotik_routeros/test_reader.py compares the two on
    random lines."""
    m = _ENTRY_LINE.fullmatch(text, 3)
    if m is None:
        return False
    addr, lst = m.groups()
    if lst is None:
        return False  # (not understood: the general path says so)
    entries = st.addr_entries.get(lst)
    if entries is None:
        entries = st.addr_entries[lst] = []
    if addr is not None:
        entries.append((addr, src))
    return True


def _decoded(props: dict[str, str], key: str) -> str | None:
    """The decoded value of ``key`` (:meth:`.syntax.Properties.get`)."""
    raw = props.get(key)
    return None if raw is None else unquote(raw)


# The menus whose ``add`` lines the reader reads straight into their records from the
# line's properties, without the Command of the other menus' lines (most lines of a big
# export): each one's reader of (state, properties, line).
ADD_LINES: dict[tuple[str, ...], Callable[[State, dict[str, str], Src], object]] = {
    **{("ip", "firewall", t): functools.partial(add_rule, t) for t in ("filter", "nat", "mangle", "raw")},
    ("ip", "firewall", "address-list"): add_address,
}
# The menus whose common ``add`` lines are read from the line's text alone, before
# splitting it into properties: each one's reader of (state, logical line, line), False
# for a line it leaves to ADD_LINES.
ADD_TEXTS: dict[tuple[str, ...], Callable[[State, str, Src], bool]] = {
    ("ip", "firewall", "address-list"): address_line,
}


def conntrack(st: State, cmd: Command, src: Src):
    if cmd.has("enabled"):
        st.conntrack = (cmd.get("enabled", ""), src)
        return None
    return IGNORED


def ipsec_policy(st: State, cmd: Command, src: Src):
    if cmd.verb == "add" and not yes(cmd.get("disabled")) and not yes(cmd.get("template")):
        st.has_ipsec = True
        return None
    return IGNORED


# The built-in profiles, by the item number an export gives them (``set *0``, ``set
# *FFFFFFFE``): the two defaults RouterOS cannot remove (help.mikrotik.com "PPP AAA").
_PPP_DEFAULT_PROFILES = {"*0": "default", "*FFFFFFFE": "default-encryption"}


def ppp_profile(st: State, cmd: Command, src: Src):
    """``/ppp profile``: the address list a session's peer address joins and the interface
    list its interface joins, both at run time (:mod:`.lists`).  A line setting
    ``interface-list`` on a profile it does not name (``set *5``: not a built-in one) is
    not understood."""
    used = False
    lst = cmd.get("address-list")
    if lst:
        st.dynamic_lists.setdefault(lst, src)
        used = True
    if cmd.has("interface-list"):
        value = cmd.get("interface-list") or ""
        for name in _ppp_profile_names(cmd):
            if value and value != "none":
                st.ppp_profiles[name] = (value, src)
            else:
                st.ppp_profiles.pop(name, None)
        used = True
    return None if used else IGNORED


def _ppp_profile_names(cmd: Command) -> list[str]:
    """The profiles an ``add``/``set`` line of ``/ppp profile`` is about: ``[ find
    default=yes ]`` selects both built-in ones (RouterOS flags both as default)."""
    if cmd.verb == "add":
        name = cmd.get("name")
        if not name:
            raise NotUnderstood
        return [name]
    if cmd.selects_default:
        return list(_PPP_DEFAULT_PROFILES.values())
    target = cmd.target
    if not target:
        raise NotUnderstood
    if target.startswith("*"):
        name = _PPP_DEFAULT_PROFILES.get(target.upper())
        if name is None:
            raise NotUnderstood
        return [name]
    return [target]


def ppp_secret(st: State, cmd: Command, src: Src):
    """``/ppp secret add``: a user of the PPP servers, the profile its sessions take
    (default ``default``) and the service it may use (default ``any``) — which profiles a
    running server's interfaces may take (:func:`.lists.server_profiles`)."""
    if cmd.verb != "add":
        raise NotUnderstood
    if yes(cmd.get("disabled")):
        return IGNORED
    st.ppp_secrets.append((cmd.get("profile") or "default", cmd.get("service") or "any", src))
    return None


def ppp_aaa(st: State, cmd: Command, src: Src):
    """``/ppp aaa set use-radius=yes``: users not in ``/ppp secret`` are asked of the
    RADIUS server, whose answer may name any profile."""
    if not cmd.has("use-radius"):
        return IGNORED
    st.ppp_radius = src if yes(cmd.get("use-radius")) else None
    return None


# --------------------------------------------------------------------------- HotSpot
# What these records become (the dynamic firewall rules, the portal's services) is
# :mod:`.hotspot`; docs/vendors/mikrotik_routeros.md, "HotSpot".


def hotspot(st: State, cmd: Command, src: Src):
    """``/ip hotspot add interface=I profile=P``: a HotSpot server."""
    if cmd.verb != "add" or not cmd.get("interface"):
        raise NotUnderstood
    if yes(cmd.get("disabled")):
        return IGNORED
    st.hotspots.append((cmd, src))
    # The server's name is a name of its segment (netaudit init: "hotspot1", the name
    # RouterOS's setup gives it, says the segment is a captive portal's, for guests).
    if cmd.get("name"):
        st.segment_names.setdefault(cmd.get("interface", ""), []).append(cmd.get("name", ""))


def _profile_name(cmd: Command) -> str:
    """The profile an ``add``/``set`` line of a profile menu is about (``default`` for
    ``set [ find default=yes ]``)."""
    if cmd.selects_default:
        return "default"
    name = cmd.get("name") if cmd.verb == "add" else cmd.target
    if not name:
        raise NotUnderstood
    return name


def hotspot_profile(st: State, cmd: Command, src: Src):
    """``/ip hotspot profile``: server profiles (the SMTP server clients are sent to; the
    rest — login methods, pages, RADIUS — changes nothing a client reaches)."""
    st.hotspot_profiles.setdefault(_profile_name(cmd), {}).update({k: cmd.get(k, "") for k in cmd.props})
    return None if cmd.has("smtp-server") else IGNORED


def hotspot_user_profile(st: State, cmd: Command, src: Src):
    """``/ip hotspot user profile``: the address list its users join at login (a list
    filled at run time) and the firewall chains their packets are sent to."""
    name = _profile_name(cmd)
    lst = cmd.get("address-list")
    if lst:
        st.dynamic_lists.setdefault(lst, src)
    for key in ("incoming-filter", "outgoing-filter"):
        chain = cmd.get(key)
        if chain:
            st.hotspot_user_chains.append((name, key, chain, src))
    # transparent-proxy: the portal's proxy relays for logged-in clients anyway (hotspot.py)
    keys = ("address-list", "incoming-filter", "outgoing-filter")
    return None if any(cmd.get(k) for k in keys) else IGNORED


def hotspot_ip_binding(st: State, cmd: Command, src: Src):
    """``/ip hotspot ip-binding``: clients bypassed, blocked or translated one-to-one."""
    if cmd.verb != "add":
        raise NotUnderstood
    if yes(cmd.get("disabled")):
        return IGNORED
    st.hotspot_bindings.append((cmd, src))


def hotspot_no_effect(st: State, cmd: Command, src: Src):
    """``/ip hotspot user``, ``walled-garden`` (HTTP and ``ip``): read, and without effect
    on what a HotSpot client reaches once logged in, which every client can be (see
    :mod:`.hotspot`).  A ``set`` changes an entry as little (``/export verbose`` sets the
    built-in trial user, ``set [ find default=yes ] … name=default-trial``)."""
    return IGNORED if yes(cmd.get("disabled")) else None


HANDLERS = {
    ("ip", "address"): address,
    ("ip", "route"): route,
    ("ip", "route", "vrf"): route_vrf_v6,
    ("ip", "route", "rule"): routing_rule,
    ("routing", "rule"): routing_rule,
    ("ip", "vrf"): vrf,
    ("routing", "table"): routing_table,
    ("routing", "ospf", "network"): dynamic_routing,
    ("routing", "ospf", "interface"): dynamic_routing,
    ("routing", "ospf", "interface-template"): dynamic_routing,
    ("routing", "bgp", "peer"): dynamic_routing,
    ("routing", "bgp", "connection"): dynamic_routing,
    ("routing", "rip", "network"): dynamic_routing,
    ("routing", "rip", "interface"): dynamic_routing,
    ("routing", "rip", "interface-template"): dynamic_routing,
    # v7.13+: IS-IS runs on the interfaces of its templates (help.mikrotik.com "IS-IS")
    ("routing", "isis", "interface-template"): dynamic_routing,
    ("interface", "lte", "apn"): lte_apn,
    ("ip", "dhcp-client"): dhcp_client,
    ("ip", "firewall", "filter"): firewall("filter"),
    ("ip", "firewall", "nat"): firewall("nat"),
    ("ip", "firewall", "mangle"): firewall("mangle"),
    ("ip", "firewall", "raw"): firewall("raw"),
    ("ip", "firewall", "address-list"): address_list,
    ("ip", "firewall", "connection", "tracking"): conntrack,
    ("ip", "ipsec", "policy"): ipsec_policy,
    ("ppp", "profile"): ppp_profile,
    ("ppp", "secret"): ppp_secret,
    ("ppp", "aaa"): ppp_aaa,
    ("ip", "hotspot"): hotspot,
    ("ip", "hotspot", "profile"): hotspot_profile,
    ("ip", "hotspot", "user", "profile"): hotspot_user_profile,
    ("ip", "hotspot", "ip-binding"): hotspot_ip_binding,
    ("ip", "hotspot", "user"): hotspot_no_effect,
    ("ip", "hotspot", "walled-garden"): hotspot_no_effect,
    ("ip", "hotspot", "walled-garden", "ip"): hotspot_no_effect,
}
