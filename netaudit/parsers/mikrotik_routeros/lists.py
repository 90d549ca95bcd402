"""Interface lists (``/interface list`` with ``include``/``exclude``, members, the
built-ins ``all``, ``none``, ``static``, ``dynamic``), the interfaces RouterOS adds to them
at run time, and firewall address lists.

RouterOS fills interface lists at run time in two ways besides ``/interface list member``
(docs/vendors/mikrotik_routeros.md, "Interface lists filled at run time"):

* a PPP profile's ``interface-list``: every PPP interface using the profile joins the list
  while connected.  A client (``/interface pppoe-client`` … ``profile=``) is an interface
  of the export: it is a member, exactly (down, it carries nothing).  A server creates an
  interface per session, which the model does not have: the list may hold more than its
  members;
* Detect Internet: each interface of ``detect-interface-list`` goes into the LAN, WAN or
  Internet list by the state it detects — any of them.

So a list's members are bounds (:class:`Bounds`): the interfaces surely in it, those that
may be, and whether a server's interfaces may be.
"""

from __future__ import annotations

from dataclasses import dataclass

from netaudit.messages import Text
from netaudit.model import Src
from netaudit.parsers.packet_sets import norm

from .facts import EmptyListRule
from .state import State
from .syntax import Command, unquote
from .values import parse_addr, yes
from .wireless import wifi_prop

BUILTIN_LISTS = frozenset({"all", "none", "dynamic", "static"})

# The profile a PPP client takes without ``profile=`` (help.mikrotik.com "PPPoE", "L2TP",
# "PPTP", "SSTP", "OpenVPN": the clients' properties).
CLIENT_PROFILE = {
    "pppoe-client": "default",
    "ppp-client": "default",
    "l2tp-client": "default-encryption",
    "pptp-client": "default-encryption",
    "sstp-client": "default",
    "ovpn-client": "default",
}
# A server's ``default-profile`` when not set (the same pages), and the ``/ppp secret``
# service whose users it takes.
SERVER_PROFILE = {
    "pppoe-server": ("default", "pppoe"),
    "l2tp-server": ("default-encryption", "l2tp"),
    "pptp-server": ("default-encryption", "pptp"),
    "sstp-server": ("default", "sstp"),
    "ovpn-server": ("default", "ovpn"),
}


@dataclass(frozen=True)
class Bounds:
    """What is known of an interface list's members: the interfaces surely in it
    (``sure``), those of the device that may be (``may``, a superset; None: every
    interface), whether interfaces a PPP server creates may be (``created``), and why
    the members are not known exactly (None when ``sure`` is the list)."""

    sure: frozenset | None
    may: frozenset | None
    created: bool = False
    why: str | None = None


@dataclass(frozen=True)
class RuntimeMembers:
    """Interfaces RouterOS may add to a list at run time: interfaces of the device
    (``members``; None: any of them) and/or those a PPP server creates (``created``),
    why, and the line that makes it so."""

    why: str
    members: frozenset | None
    created: bool
    source: Src


_EMPTY = Bounds(frozenset(), frozenset())


def running_servers(st: State) -> list[tuple[str, Command, Src]]:
    """The PPP/VPN servers that may run, as (kind ``pppoe-server`` …, command, line): a
    PPPoE ``add`` entry unless ``disabled=yes``, an OpenVPN one (v7.17+) only with
    ``disabled=no``, the one server of a kind set with ``enabled=yes``."""
    out = []
    for key, (cmd, src) in sorted(st.vpn_servers.items()):
        kind = key.split(":")[0]
        # v7.17+ exports hold `add mac-address=… name=ovpn-server1`, the upgrade's copy
        # of the old (off by default) server, and write `disabled=no` on the ones that
        # run: off is the default (docs/vendors/mikrotik_routeros.md)
        off = cmd.verb == "add" and kind == "ovpn-server"
        if yes(cmd.get("enabled"), cmd.verb == "add") and not yes(cmd.get("disabled"), off):
            out.append((kind, cmd, src))
    return out


def server_profiles(st: State, servers: list[tuple[str, Command, Src]]) -> set[str]:
    """The profiles the sessions of ``servers`` may take: each server's
    ``default-profile`` (RouterOS composes every session's settings with it), the profile
    of every enabled ``/ppp secret`` whose service one of them offers, and every profile
    when users are also asked of RADIUS (``/ppp aaa use-radius=yes``: its answer may
    name any)."""
    if not servers:
        return set()
    if st.ppp_radius is not None:
        return set(st.ppp_profiles)
    services = {SERVER_PROFILE[kind][1] for kind, _, _ in servers}
    names = {cmd.get("default-profile") or SERVER_PROFILE[kind][0] for kind, cmd, _ in servers}
    names |= {profile for profile, service, _ in st.ppp_secrets if service == "any" or service in services}
    return names


def ppp_clients(st: State) -> dict[str, str]:
    """PPP client interface → the profile it takes."""
    out: dict[str, str] = {}
    for name, cmd, _ in st.dyn_clients:
        kind = cmd.path[1] if len(cmd.path) > 1 else ""
        if kind in CLIENT_PROFILE:
            out[name] = cmd.get("profile") or out.get(name) or CLIENT_PROFILE[kind]
    return out


def prepare_lists(st: State) -> None:
    """Static members of every list (and lists that only have members), before the
    interfaces are built: those of ``/interface list member``, wifi interfaces by their
    datapath's ``interface-list``, PPP clients by their profile's; the interfaces PPP
    servers may add at run time."""
    st.list_static = {}
    members = [(lst, iface, src) for lst, iface, src in st.list_members]
    profiles = st.ppp_profiles
    for iface, profile in ppp_clients(st).items():
        if profile in profiles:
            lst, src = profiles[profile]
            members.append((lst, iface, src))
    for lst, iface, src in members:
        st.list_static.setdefault(lst, set()).add(iface)
        if lst not in st.lists and lst not in BUILTIN_LISTS:
            st.lists[lst] = {"include": [], "exclude": [], "src": src}
            why = Text("input.routeros.list_undeclared", list=lst)
            st.rep.warnings.append(Text("input.at", where=f"{st.file}:{src.line}", what=why))
    # dynamic members: wifi datapath interface-list
    for w in st.wl.values():
        if w.family == "wifi":
            dp_list = wifi_prop(st, w, "datapath", "interface-list")
            if dp_list:
                st.list_static.setdefault(dp_list, set()).add(w.name)
    servers = running_servers(st)
    st.dynamic_ifaces_possible = bool(servers)
    st.list_runtime = {}
    for profile in sorted(server_profiles(st, servers)):
        if profile in profiles:
            lst, src = profiles[profile]
            why = Text("input.routeros.iflist_ppp_server", list=lst, profile=profile)
            st.list_runtime.setdefault(lst, []).append(RuntimeMembers(why, frozenset(), True, src))


def finish_lists(st: State) -> None:
    """``Device.interface_lists`` (the sure members), once the interfaces exist; what
    Detect Internet may add; for the checks, the members a list may gain at run time and
    the firewall rules naming a list that has none and can gain none."""
    st.universe = frozenset(st.dev.interfaces)
    _detect_internet(st)
    out = st.dev.interface_lists
    for name in sorted(st.lists):
        b = list_bounds(st, name)
        out[name] = sorted(b.sure or ())
        if b.may != b.sure:
            more = None if b.may is None else sorted(b.may - (b.sure or frozenset()))
            st.facts.runtime_list_members[name] = more
    _empty_list_rules(st)


def _detect_internet(st: State) -> None:
    """What Detect Internet may add to its LAN, WAN and Internet lists: any interface of
    the list it watches (help.mikrotik.com "Detect Internet": "Interfaces with state … will
    be dynamically added to this list"; which state an interface gets depends on what it
    finds at run time)."""
    if st.detect_internet is None:
        return
    props, src = st.detect_internet
    watched = props.get("detect-interface-list", "none")
    if watched in ("", "none"):
        return
    b = list_bounds(st, watched)
    if b.may is not None and not b.may and not b.created:
        return  # it watches no interface
    for key in ("lan-interface-list", "wan-interface-list", "internet-interface-list"):
        lst = props.get(key, "none")
        if lst in ("", "none", "all", "static"):
            continue  # none: off; all and static hold every interface already
        why = Text("input.routeros.iflist_detect_internet", list=lst, detect=watched)
        st.list_runtime.setdefault(lst, []).append(RuntimeMembers(why, b.may, b.created, src))


def list_bounds(st: State, name: str, depth: int = 0) -> Bounds:
    """The bounds of interface list ``name`` (:class:`Bounds`): its static members, its
    included lists' less its excluded lists', and what RouterOS may add at run time."""
    if name == "all":
        return Bounds(None, None)
    if name == "none":
        return _EMPTY
    if name == "static":
        every = frozenset(st.dev.interfaces)
        return Bounds(every, every)
    spec = st.lists.get(name)
    sure: frozenset | None = frozenset(st.list_static.get(name, ()))
    runtime = st.list_runtime.get(name, [])
    created = False
    why: str | None = None
    if name == "dynamic":
        sure = frozenset()  # interfaces created at run time, none of the export's
        if st.dynamic_ifaces_possible:
            created, why = True, Text("input.routeros.iflist_dynamic")
    elif spec is None and not sure and not runtime:
        return Bounds(frozenset(), None, False, Text("input.routeros.iflist_undefined", name=name))
    may = sure
    for add in runtime:
        may = None if may is None or add.members is None else may | add.members
        created = created or add.created
        why = why or add.why
    if spec is not None and depth < 8:
        for inc in spec["include"]:
            b = list_bounds(st, inc, depth + 1)
            sure, may = _union(sure, b.sure), _union(may, b.may)
            created, why = created or b.created, why or b.why
        for exc in spec["exclude"]:
            b = list_bounds(st, exc, depth + 1)
            # surely in: surely included and surely not excluded
            sure, may = _minus(st, sure, b.may), _minus(st, may, b.sure)
            why = why or b.why
    if sure == may and not created:
        why = None
    return Bounds(sure, may, created, why)


def _union(a: frozenset | None, b: frozenset | None) -> frozenset | None:
    return None if a is None or b is None else a | b


def _minus(st: State, a: frozenset | None, b: frozenset | None) -> frozenset:
    if b is None:
        return frozenset()
    return (st.universe if a is None else a) - b


def expand_list(st: State, name: str, src: Src | None):
    """(the interfaces surely in list ``name``, None for "every interface"; why it may
    hold others)."""
    b = list_bounds(st, name)
    return (None if b.sure is None else set(b.sure)), b.why


def expand_names(st: State, names: list[str], src: Src) -> set[str]:
    """Interface names, interface lists among them expanded to their members."""
    out: set[str] = set()
    for n in names:
        if n in st.lists or n in BUILTIN_LISTS:
            members = expand_list(st, n, src)[0]
            out |= set(members or ())
        else:
            out.add(n)
    return out


_RULE_LIST_KEYS = ("in-interface-list", "out-interface-list")


def _empty_list_rules(st: State) -> None:
    """Enabled filter, raw and NAT rules naming (not negated) a declared list that has no
    member and can gain none at run time: they match no packet
    (check ``routeros-rule-empty-interface-list``)."""
    empty = {lst for lst in st.lists if lst not in BUILTIN_LISTS and _never_a_member(list_bounds(st, lst))}
    if not empty:
        return  # no rule to look for (an export's rules name lists with members)
    for table in ("filter", "raw", "nat"):
        for rule in st.rules[table]:
            if rule.disabled or rule.dynamic:
                continue
            for key in _RULE_LIST_KEYS:
                raw = rule.props.get(key)
                lst = unquote(raw) if raw else ""
                if lst in empty:  # not negated (!X), not undefined, not built in
                    st.facts.empty_list_rules.append(
                        EmptyListRule(table, rule.chain, rule.action, key, lst, rule.src, st.lists[lst].get("src"))
                    )


def _never_a_member(b: Bounds) -> bool:
    """An interface list with no member that can gain none at run time."""
    return b.sure == b.may == frozenset() and not b.created


def finish_address_lists(st: State) -> None:
    """Each address list → (its ranges, why it may hold more at run time)."""
    st.alists = {}
    for name, entries in st.addr_entries.items():
        ranges, reason = [], None
        for value, src in entries:
            r = parse_addr(value)
            if r is None:
                if ":" in value:
                    continue  # IPv6 entry in an IPv4 list: never matches
                reason = reason or Text("input.routeros.alist_dns", name=name, value=repr(value))
                st.partial(f"address-list {name}", reason, src)
                continue
            ranges.append(r)
        if name in st.dynamic_lists:
            reason = reason or Text("input.routeros.alist_runtime", name=name)
        elif name in st.expiring_lists:
            reason = reason or Text("input.routeros.alist_expiring", name=name)
        st.alists[name] = (norm(ranges), reason)
    for name in st.dynamic_lists:
        if name not in st.alists:
            st.alists[name] = ((), Text("input.routeros.alist_runtime", name=name))
