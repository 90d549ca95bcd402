"""Interface lists (``/interface list`` with ``include``/``exclude``, members, the
built-ins ``all``, ``none``, ``static``, ``dynamic``) and firewall address lists.
"""

from __future__ import annotations

from netaudit.messages import Text
from netaudit.model import Src
from netaudit.parsers.packet_sets import norm

from .state import State
from .values import parse_addr, yes
from .wireless import wifi_prop


def prepare_lists(st: State) -> None:
    """Static members of every list (and lists that only have members), before the
    interfaces are built; whether interfaces may appear at run time."""
    st.list_static = {}
    for lst, iface, src in st.list_members:
        st.list_static.setdefault(lst, set()).add(iface)
        if lst not in st.lists and lst not in ("all", "none", "dynamic", "static"):
            st.lists[lst] = {"include": [], "exclude": [], "src": src}
            why = Text("input.routeros.list_undeclared", list=lst)
            st.rep.warnings.append(Text("input.at", where=f"{st.file}:{src.line}", what=why))
    # dynamic members: wifi datapath interface-list
    for w in st.wl.values():
        if w.family == "wifi":
            dp_list = wifi_prop(st, w, "datapath", "interface-list")
            if dp_list:
                st.list_static.setdefault(dp_list, set()).add(w.name)
    servers = {k.split(":")[0] for k, (cmd, _) in st.vpn_servers.items() if yes(cmd.get("enabled"), cmd.verb == "add")}
    st.dynamic_ifaces_possible = bool(servers)


def finish_lists(st: State) -> None:
    """``Device.interface_lists``, once the interfaces exist."""
    st.universe = frozenset(st.dev.interfaces)
    out = st.dev.interface_lists
    for name in sorted(st.lists):
        members, _ = expand_list(st, name, None)
        out[name] = sorted(members or ())


def expand_list(st: State, name: str, src: Src | None, depth: int = 0):
    """(member names or None for "every interface", partial reason or None)."""
    if name == "all":
        return None, None
    if name == "none":
        return set(), None
    if name == "static":
        return set(st.dev.interfaces), None
    if name == "dynamic":
        return set(), (Text("input.routeros.iflist_dynamic") if st.dynamic_ifaces_possible else None)
    spec = st.lists.get(name)
    members = set(st.list_static.get(name, ()))
    reason = None
    if spec is None and not members:
        return set(), Text("input.routeros.iflist_undefined", name=name)
    if spec is not None and depth < 8:
        for inc in spec["include"]:
            m, r = expand_list(st, inc, src, depth + 1)
            if m is None:
                return None, r
            members |= m
            reason = reason or r
        for exc in spec["exclude"]:
            m, r = expand_list(st, exc, src, depth + 1)
            members -= m if m is not None else members
            reason = reason or r
    return members, reason


def expand_names(st: State, names: list[str], src: Src) -> set[str]:
    """Interface names, interface lists among them expanded to their members."""
    out: set[str] = set()
    for n in names:
        if n in st.lists or n in ("all", "static", "dynamic", "none"):
            members = expand_list(st, n, src)[0]
            out |= set(members or ())
        else:
            out.add(n)
    return out


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
