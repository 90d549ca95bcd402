"""One export → one Device: read every line (:mod:`.reader`), then convert, in order.

The order matters: interfaces exist before lists are expanded, address lists before
rule conditions, the router's own addresses and the DNAT image before the filter
chains (``dst-address-type=local``, ``connection-nat-state``), routes before policy
routing, and the services' partial interfaces before they are applied.
"""

from __future__ import annotations

from itertools import starmap
from pathlib import PurePath

from netaudit.model import ParseResult, Reference
from netaudit.parsers.base import join_reasons
from netaudit.parsers.packet_sets import norm

from . import bridges, firewall, hotspot, interfaces, lists, nat, routes, services, wireless
from .policy_routing import compose as compose_policy_routes
from .reader import read
from .reasons import reason
from .state import State


class RouterOSParser:
    def __init__(self, text: str, file: str):
        self.st = State(text, file)

    def run(self) -> ParseResult:
        st = self.st
        read(st)  # (and st.rep.lines)
        finish(st)
        st.rep.ignored = st.ignored
        return ParseResult(devices=[st.dev], report=st.rep)


def finish(st: State) -> None:
    """Everything read → the model (see the module docstring for the order)."""
    dev = st.dev
    if st.major is None and st.v7_menus:
        st.major = 7
    if not dev.hostname:
        dev.hostname = hostname_from_file(st.file)
    st.rep.devices = [dev.hostname]
    lists.prepare_lists(st)
    interfaces.finish_interfaces(st)
    bridges.finish_bridge_firewall(st)
    bridges.finish_bridge_l2fw(st)
    lists.finish_lists(st)
    routes.finish_vrfs(st)
    routes.finish_routes(st)
    routes.finish_settings(st)
    lists.finish_address_lists(st)
    st.own = norm((int(a.ip), int(a.ip)) for i in dev.interfaces.values() if not i.shutdown for a in i.addresses)
    hotspot.install_rules(st)
    nat.finish_nat(st)
    firewall.finish_filter(st)
    finish_policy_routing(st)
    services.finish_services(st)
    hotspot.add_services(st)
    wireless.finish_ssids(st)
    interfaces.finish_partial_ifaces(st)
    services.finish_facts(st)
    # (each (kind, name, source, defined) once, in order; starmap: no loop in Python for
    # the reference of every rule that names a list or an interface)
    dev.references.extend(starmap(Reference, dict.fromkeys(st.refs)))
    finish_menu_export(st)


def finish_menu_export(st: State) -> None:
    """An export of one menu (``[admin@R1] > /ip firewall filter export``, a real 7.21
    forum post's ``/interface/export``) holds that menu only: the firewall, routes and
    services outside it are not in the file, so what it says is no evidence of the
    device's forwarding (``parsers.not_evidence``: every verdict through it unknown, its
    services partial) — as a file cut short is."""
    if not st.exports or any(menu == "" for menu, _ in st.exports):
        return
    from netaudit.parsers import not_evidence  # the registry imports this package

    menu, src = st.exports[0]
    why = reason("input.routeros.menu_export", menu=menu, line=src.line)
    not_evidence(st.dev, why)
    for svc in st.dev.services:
        svc.partial = join_reasons((svc.partial, why))
    st.partial("export", why, src)


def finish_policy_routing(st: State) -> None:
    """Routing rules and mangle routing marks → ``Device.policy_routes`` (composed in
    :mod:`.policy_routing`); only the packets an uncertain rule may route differently
    are partial."""
    dev = st.dev
    dev.policy_routes = compose_policy_routes(st)
    seen = set()
    for pr in dev.policy_routes:
        if pr.partial and pr.source is not None and (pr.partial, pr.source) not in seen:
            seen.add((pr.partial, pr.source))
            st.partial("policy routing", pr.partial, pr.source)


def hostname_from_file(file: str) -> str:
    name = PurePath(file).name
    for ext in (".rsc", ".txt", ".cfg", ".conf", ".export"):
        if name.lower().endswith(ext) and len(name) > len(ext):
            return name[: -len(ext)]
    return name
