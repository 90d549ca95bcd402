"""HotSpot (captive portal): the firewall rules RouterOS installs for a HotSpot server,
and the portal's own services.

RouterOS adds a HotSpot's rules to the firewall itself — dynamic, ``D`` in ``/ip firewall
filter|nat print``, never in ``/export`` — at the top of the tables (help.mikrotik.com,
"HotSpot customisation", "Firewall customizations"; docs/vendors/mikrotik_routeros.md,
"HotSpot", with the sources).  They are installed here into the rule lists, before the
user's rules, with the ``/ip hotspot add`` line as their source, and flattened with them.

A client of the HotSpot is either not logged in or logged in, and every guest can be
logged in (a voucher, a trial, a shared account): what the zone reaches is the union of
the two states.  Not logged in, a client is strictly more restricted in the filter (the
``hs-unauth`` chain only returns walled-garden packets to the user's chain, or rejects),
so the union there is the user's chains as written, plus the portal's ports on the
router (``hs-input``), which are accepted before the user's input rules.  In NAT the two
states differ: DNS (udp and tcp 53) to any address goes to the portal's DNS, web
requests to the router's own addresses to its login pages — for every client, exact —
while a web request to another address goes to the portal's proxy or on unchanged
depending on the login state and the client's proxy settings: both, each *maybe*.  The
proxy (tcp/64874) serves logged-in clients' HTTP proxy requests ("Universal Proxy",
transparent proxy): a relay from the router, maybe to anywhere.
"""

from __future__ import annotations

from netaudit.messages import Text
from netaudit.model import PROTO_TCP, PROTO_UDP, MgmtService, PortRange, Src

from .reasons import HOTSPOT_BINDING_TO_ADDRESS, HOTSPOT_MAYBE_DISABLED, HOTSPOT_NO_ADDRESS, reason
from .records import FwRule
from .state import State
from .syntax import Command
from .values import parse_addr

# The portal's ports on the router (the dynamic rules' ``to-ports``): DNS, the HTTP login
# servlet, the HTTP proxy (walled garden, Universal Proxy, transparent proxy), the HTTPS
# login servlet.
PORT_DNS, PORT_HTTP, PORT_PROXY, PORT_HTTPS = 64872, 64873, 64874, 64875
# Why a web request's redirect to the portal is not exact.
LOGIN_STATE = Text("input.routeros.hotspot_login_state")
BYPASS = Text("input.routeros.hotspot_bypassed")


def install_rules(st: State) -> None:
    """The dynamic filter and NAT rules of every running HotSpot server, before the
    user's rules; what cannot be modelled (one-to-one bindings, the chains a user
    profile sends its users to) makes the server's interface partial."""
    servers = _running_servers(st)
    if not servers:
        return
    filt: list[tuple[dict[str, str], Src, str | None]] = []
    nat: list[tuple[dict[str, str], Src, str | None]] = []
    for _name, ifn, src in servers:
        jump = {"chain": "input", "action": "jump", "jump-target": "hs-input", "in-interface": ifn}
        filt.append((jump, src, None))
    for _name, ifn, src in servers:
        # hotspot=!from-client: the portal's TCP ports are closed from every other interface
        filt.append(
            (
                {"chain": "input", "action": "drop", "protocol": "tcp", "dst-port": f"{PORT_DNS}-{PORT_HTTPS}"}
                | {"in-interface": f"!{ifn}"},
                src,
                None,
            )
        )
    first = servers[0][2]
    if _user_chain(st, "filter", "pre-hs-input"):
        filt.append(({"chain": "hs-input", "action": "jump", "jump-target": "pre-hs-input"}, first, None))
    filt.append(({"chain": "hs-input", "action": "accept", "protocol": "udp", "dst-port": str(PORT_DNS)}, first, None))
    portal = {"chain": "hs-input", "action": "accept", "protocol": "tcp", "dst-port": f"{PORT_DNS}-{PORT_HTTPS}"}
    filt.append((portal, first, None))
    for _name, ifn, src in servers:
        nat.append(({"chain": "dstnat", "action": "jump", "jump-target": "hotspot", "in-interface": ifn}, src, None))
    # The redirects every client takes, logged in or not (exact), then the web requests
    # whose fate depends on the login state (partial), then hs-smtp, which both states
    # jump to: the profile's SMTP server takes tcp/25.
    exact: list[tuple[dict[str, str], Src]] = []
    redirect = {"chain": "hotspot", "action": "redirect"}
    for proto in ("udp", "tcp"):
        exact.append((redirect | {"to-ports": str(PORT_DNS), "protocol": proto, "dst-port": "53"}, first))
    local = {"protocol": "tcp", "dst-address-type": "local"}
    exact.append((redirect | local | {"to-ports": str(PORT_HTTP), "dst-port": "80"}, first))
    exact.append((redirect | local | {"to-ports": str(PORT_HTTPS), "dst-port": "443"}, first))
    for _name, ifn, src, smtp in _smtp_servers(st, servers):
        to = {"action": "dst-nat", "to-addresses": smtp, "to-ports": "25"}
        exact.append(({"chain": "hotspot", "protocol": "tcp", "dst-port": "25", "in-interface": ifn} | to, src))
    by_server = {name: (ifn, src) for name, ifn, src in servers}
    for cmd, src in st.hotspot_bindings:
        _binding(st, cmd, src, by_server, filt, nat, exact)
    if _user_chain(st, "nat", "pre-hotspot"):
        nat.append(({"chain": "hotspot", "action": "jump", "jump-target": "pre-hotspot"}, first, None))
    nat += [(props, src, None) for props, src in exact[:4]]
    web = {"protocol": "tcp", "to-ports": str(PORT_PROXY), "dst-port": "80,3128,8080"}
    nat.append((redirect | web, first, LOGIN_STATE))
    nat.append((redirect | {"protocol": "tcp", "to-ports": str(PORT_HTTPS), "dst-port": "443"}, first, LOGIN_STATE))
    nat += [(props, src, None) for props, src in exact[4:]]
    _prepend(st, "filter", filt)
    _prepend(st, "nat", nat)
    _user_chains(st, servers)


def _running_servers(st: State) -> list[tuple[str, str, Src]]:
    """(name, interface, line) of the HotSpot servers that run on a routed interface of
    the export; the others make their interface partial, as a construct not modelled."""
    out: list[tuple[str, str, Src]] = []
    dev = st.dev
    for cmd, src in st.hotspots:
        ifn = cmd.get("interface", "")
        profile = cmd.get("profile", "default")
        if profile != "default":
            st.refs.append(("hotspot profile", profile, src, profile in st.hotspot_profiles))
        if not cmd.has("disabled") and st.major != 7:
            # v6 adds a server disabled (its exports write disabled=no on a running one,
            # as for a DHCP server); the version not known: it may run or not.
            st.partial_ifaces.append((ifn, HOTSPOT_MAYBE_DISABLED, src))
            continue
        itf = dev.interfaces.get(ifn)
        if itf is None or not itf.is_l3 or itf.parent in st.bridges:
            # a bridge port: the interfaces its frames reach (the bridge's)
            where = f"@port={ifn}" if itf is not None and itf.parent in st.bridges else ifn
            st.partial_ifaces.append((where, HOTSPOT_NO_ADDRESS, src))
            continue
        out.append((cmd.get("name") or f"hotspot{len(out) + 1}", ifn, src))
    return out


def _binding(st: State, cmd: Command, src: Src, by_server, filt: list, nat: list, exact: list) -> None:
    """One ``/ip hotspot ip-binding`` entry (types: help.mikrotik.com "HotSpot", "IP
    Binding": regular, bypassed, blocked); ``exact``: the redirects every client takes."""
    server = cmd.get("server", "all")
    targets = [v for k, v in by_server.items() if server in ("all", k)]
    kind = cmd.get("type", "regular")
    address, mac = cmd.get("address"), cmd.get("mac-address")
    if cmd.get("to-address"):
        for ifn, _ in targets:
            st.partial_ifaces.append((ifn, HOTSPOT_BINDING_TO_ADDRESS, src))
        return
    if address and parse_addr(address) is None:
        why = reason("input.routeros.hotspot_binding_address", address=repr(address))
        for ifn, _ in targets:
            st.partial_ifaces.append((ifn, why, src))
        return
    if kind == "blocked":
        # Dropped whatever it sends.  By MAC address, or both, it concerns one host:
        # the zone's other hosts reach what they reach (not a restriction of the zone).
        if address and not mac:
            for ifn, _ in targets:
                for chain in ("forward", "input"):
                    drop = {"chain": chain, "action": "drop", "src-address": address, "in-interface": ifn}
                    filt.insert(0, (drop, src, None))
        return
    if kind == "bypassed":
        # Not logged in to the portal.  Whether its packets still take the portal's DNS
        # and web redirects is not said: an exemption that may or may not apply, to the
        # packets those redirects take (others are not rewritten either way; the web
        # requests' redirect is uncertain already).
        for ifn, _ in targets:
            match = {"src-address": address} if address else {}
            for props, _src in exact:
                cond = {k: v for k, v in props.items() if k not in ("action", "to-ports", "to-addresses")}
                nat.append((cond | {"action": "accept", "in-interface": ifn} | match, src, BYPASS))
        return
    if kind != "regular":
        why = reason("input.routeros.hotspot_binding_type", type=kind)
        for ifn, _ in targets:
            st.partial_ifaces.append((ifn, why, src))


def _smtp_servers(st: State, servers):
    """(name, interface, line, address) of the servers whose profile names an SMTP server."""
    profiles = {cmd.get("name") or "": cmd.get("profile", "default") for cmd, _ in st.hotspots}
    for name, ifn, src in servers:
        smtp = st.hotspot_profiles.get(profiles.get(name, "default"), {}).get("smtp-server", "")
        if smtp and smtp != "0.0.0.0":
            yield name, ifn, src, smtp


def _user_chain(st: State, table: str, chain: str) -> bool:
    return any(r.chain == chain and not r.disabled for r in st.rules[table])


def _user_chains(st: State, servers) -> None:
    """A user profile's ``incoming-filter`` / ``outgoing-filter``: RouterOS sends its
    logged-in users' packets to that chain, from rules of its own whose place is not
    documented; a chain that may accept (any rule but drop, reject, log) may let them
    through what the user's forward chain drops — partial on the servers' interfaces."""
    for profile, key, chain, src in st.hotspot_user_chains:
        rules = [r for r in st.rules["filter"] if r.chain == chain and not r.disabled]
        if all(r.action in ("drop", "reject", "tarpit", "log", "passthrough") for r in rules):
            continue
        why = reason("input.routeros.hotspot_user_chain", profile=profile, chain=chain, key=key)
        for _name, ifn, _src in servers:
            st.partial_ifaces.append((ifn, why, src))


def _prepend(st: State, table: str, rules: list[tuple[dict[str, str], Src, str | None]]) -> None:
    """The dynamic rules, in order, before the table's rules (indexes after theirs, so
    the user's rules keep their numbers)."""
    base = len(st.rules[table])
    made = [
        FwRule(
            table,
            base + k,
            dict(props),
            src,
            props["chain"],
            props["action"],
            dynamic=True,
            partial=why,
        )
        for k, (props, src, why) in enumerate(rules)
    ]
    st.rules[table][:0] = made


def add_services(st: State) -> None:
    """The portal's services on the router (``CAPTIVE_PORTAL_SERVICES``): its DNS, the
    HTTP and HTTPS login servlets, and the proxy, a relay (docs/semantics.md, "Proxies on
    a device").  They answer on every interface: the dynamic input rules close the TCP
    ones from the others."""
    # The first dynamic rule: the table's first rule, if any is (_prepend alone makes them,
    # and puts them first) — not a pass over every rule of a big export.
    rules = st.rules["filter"]
    if not rules or not rules[0].dynamic:
        return
    src = rules[0].src
    svcs = st.dev.services
    svcs.append(MgmtService("hotspot-dns", PROTO_UDP, (PortRange(PORT_DNS, PORT_DNS),), source=src))
    svcs.append(MgmtService("hotspot-dns", PROTO_TCP, (PortRange(PORT_DNS, PORT_DNS),), source=src))
    svcs.append(MgmtService("hotspot-http", PROTO_TCP, (PortRange(PORT_HTTP, PORT_HTTP),), source=src))
    svcs.append(MgmtService("hotspot-proxy", PROTO_TCP, (PortRange(PORT_PROXY, PORT_PROXY),), source=src, relay=True))
    svcs.append(MgmtService("hotspot-https", PROTO_TCP, (PortRange(PORT_HTTPS, PORT_HTTPS),), source=src))
