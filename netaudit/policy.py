"""Reference policy: what each zone kind may reach, by security level.

``expectation(src_kind, dst_kind, level)`` answers for one ordered pair (the table is
this module); site-file ``policy:`` entries override it.  ``dst_kind`` is
``"devices"`` for the ``@devices`` pseudo-zone (the devices' own control plane).
:func:`excess` is what a matrix cell delivers beyond its expectation.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .headerspace import HeaderSpace, service_match
from .model import PROTO_TCP, PROTO_UDP, Device
from .reach import REACHABLE
from .vocabulary import DEVICES_ZONE
from .zones import PolicyOverride

ALLOW, DENY, LIMITED = "allow", "deny", "limited"

# Services any zone may use on its gateway: DNS (over UDP, and over TCP for the answers
# too large for UDP, which resolvers retry there: RFC 7766) and DHCP.
GATEWAY_SERVICES = ["udp/53", "tcp/53", "udp/67"]
# What the edge may answer from the Internet: its VPN endpoint only ("inbound: VPN only",
# docs/semantics.md, "The reference policy").  IPsec (IKE, NAT traversal, ESP) by port;
# the WireGuard and OpenVPN ports a device listens on are added per snapshot
# (edge_vpn_services).  DNS is not among them: a resolver answering the Internet is open.
EDGE_VPN_SERVICES = ["udp/500", "udp/4500", "proto/50"]
# The rules whose cells may reach the devices' VPN endpoints (excess, edge_vpn_services).
EDGE_RULE, WAN_RULE = "devices-edge-vpn-only", "devices-wan-gateway-vpn"
# The rule of every other zone → @devices: the gateway services only (excess).
GATEWAY_RULE = "devices-gateway-only"
# Services whose port names the VPN (the model's service names, netaudit/model.py).
_PORTED_VPNS = frozenset({"wireguard", "ovpn"})
# Destination ports of administration services: reaching one from a guest or external
# zone is critical (checks/segmentation.py), and no VPN port may hide one.
ADMIN_SERVICES = [
    "tcp/20-23",
    "tcp/80",
    "tcp/443",
    "tcp/8080",
    "tcp/8443",
    "udp/161-162",
    "tcp/8291",
    "tcp/8728-8729",
    "tcp/3389",
    "tcp/5900",
    "tcp/4443",
    "tcp/10443",
]
DMZ_SERVICES = ["tcp/80", "tcp/443"]
INSIDE = ("internal", "server", "database", "management", "dmz", "kiosk", "camera", "wan")


@dataclass(frozen=True)
class Expectation:
    expected: str  # allow | deny | limited
    allowed_services: tuple[str, ...] = ()
    severity: str = "info"  # severity when the verdict contradicts it
    rule: str = ""  # stable id of the reference rule (for messages)


def _severity_into(dst_kind: str, src_kind: str) -> str:
    if dst_kind in ("management", "devices", "database"):
        return "critical" if src_kind in ("guest", "external") else "high"
    if src_kind in ("guest", "external"):
        return "critical" if dst_kind in ("internal", "server") else "high"
    return "medium"


def expectation(src_kind: str, dst_kind: str, level: int) -> Expectation:
    """The reference expectation for traffic from a ``src_kind`` zone to a ``dst_kind`` zone."""
    s, d = src_kind, dst_kind
    if d == "devices":
        if s == "management":
            return Expectation(ALLOW, rule="mgmt-to-devices")
        if s == "external":
            return Expectation(LIMITED, tuple(EDGE_VPN_SERVICES), "critical", rule=EDGE_RULE)
        if s == "wan":
            # The government network may use the gateway and reach its VPN endpoint (IPsec
            # over the dedicated network: docs/semantics.md, "The reference policy").
            services = (*GATEWAY_SERVICES, *EDGE_VPN_SERVICES)
            return Expectation(LIMITED, services, _severity_into("devices", s), rule=WAN_RULE)
        return Expectation(LIMITED, tuple(GATEWAY_SERVICES), _severity_into("devices", s), rule=GATEWAY_RULE)
    if s == "guest":
        if d == "external":
            return Expectation(ALLOW, rule="guest-internet")
        return Expectation(DENY, severity=_severity_into(d, s), rule="guest-isolated")
    if d == "management" and s != "management":
        return Expectation(DENY, severity=_severity_into(d, s), rule="nothing-to-management")
    if s == "management" and d == "external":
        return Expectation(DENY, severity="medium", rule="management-no-internet")
    if s == "external":
        if d == "dmz":
            return Expectation(LIMITED, tuple(DMZ_SERVICES), "high", rule="external-dmz-services")
        if d == "wan":
            return Expectation(DENY, severity="high", rule="wan-not-bridged")
        return Expectation(DENY, severity=_severity_into(d, s), rule="external-to-inside")
    if s == "wan" and d == "external":
        return Expectation(DENY, severity="high", rule="wan-not-bridged")
    if d == "guest":
        return Expectation(DENY, severity="low", rule="wireless-independent")
    if s == "dmz" and d in ("internal", "server", "database", "kiosk", "camera"):
        return Expectation(DENY, severity="high", rule="dmz-to-inside")
    if s == "internal" and d == "database":
        if level >= 3:
            return Expectation(DENY, severity="medium", rule="only-servers-to-database")
        return Expectation(ALLOW, rule="internal-database-low-level")
    if s in ("kiosk", "camera"):
        if d == "server" or (s == "kiosk" and d == "external"):
            return Expectation(ALLOW, rule=f"{s}-to-servers")
        return Expectation(DENY, severity="medium", rule=f"{s}-only-servers")
    if d in ("kiosk", "camera") and s not in ("server", "management"):
        return Expectation(DENY, severity="low", rule=f"{d}-isolated")
    return Expectation(ALLOW, rule="default-allow")


def edge_vpn_services(hs: HeaderSpace, devices: Iterable[Device]) -> tuple[str, ...]:
    """The WireGuard and OpenVPN ports the ``devices`` listen on (``udp/13231`` …), for the
    external → @devices expectation; a port an administration service uses is left out
    (allowing it there would allow that service on every device)."""
    admin = services_packets(hs, ADMIN_SERVICES)
    found: set[tuple[str, int, int]] = set()
    for dev in devices:
        for svc in dev.services:
            if svc.enabled and svc.name in _PORTED_VPNS and svc.protocol in (PROTO_TCP, PROTO_UDP):
                proto = "tcp" if svc.protocol == PROTO_TCP else "udp"
                found.update((proto, r.lo, r.hi) for r in svc.ports)
    texts = [f"{p}/{lo}" if lo == hi else f"{p}/{lo}-{hi}" for p, lo, hi in sorted(found)]
    return tuple(t for t in texts if not hs.meets(services_packets(hs, [t]), admin))


def resolve_expectation(
    src: str,
    src_kind: str,
    dst: str,
    dst_kind: str,
    level: int,
    overrides: list[PolicyOverride],
    edge_vpn: tuple[str, ...] = (),
) -> Expectation:
    """Reference expectation with the site file's overrides applied (last one wins);
    ``edge_vpn`` (:func:`edge_vpn_services`) widens the external and wan → @devices ones."""
    exp = expectation(src_kind, "devices" if dst == DEVICES_ZONE else dst_kind, level)
    if edge_vpn and exp.rule in (EDGE_RULE, WAN_RULE):
        exp = Expectation(LIMITED, (*exp.allowed_services, *edge_vpn), exp.severity, rule=exp.rule)
    for o in overrides:
        if o.src == src and o.dst == dst:
            if o.services is not None:
                exp = Expectation(
                    LIMITED,
                    tuple(o.services),
                    exp.severity if exp.severity != "info" else "medium",
                    rule="site-override",
                )
            elif o.allow is True:
                exp = Expectation(ALLOW, rule="site-override")
            elif o.allow is False:
                exp = Expectation(
                    DENY, severity=exp.severity if exp.severity != "info" else "medium", rule="site-override"
                )
    return exp


def services_packets(hs: HeaderSpace, services: Iterable[str]):
    """The packets of ``services`` (``tcp/80``, ``udp/53``, ``icmp/8``, ``ip`` …); kept
    per list in the header space (every matrix cell asks for its expectation's list and
    the tolerated ICMP one, thousands of times)."""
    key = tuple(services)
    u = hs.service_sets.get(key)
    if u is None:
        u = hs.false
        for s in key:
            u |= hs.match(service_match(s))
        hs.service_sets[key] = u
    return u


def outside_policy(hs: HeaderSpace, exp: Expectation | None, probes: list) -> list:
    """The probes (live evidence with a ``service``) whose service the expectation does not
    allow: all of them where it denies, those outside its services where it limits."""
    if exp is None or exp.expected == ALLOW:
        return []
    if exp.expected == DENY:
        return list(probes)
    allowed = services_packets(hs, exp.allowed_services)
    return [p for p in probes if (services_packets(hs, [p.service]) & ~allowed) != hs.false]


# ICMP replies and errors (RFC 792): echo reply, destination unreachable, time exceeded,
# parameter problem, timestamp / information / address-mask reply.  They open nothing
# (conntrack never takes one as a new connection) and stateless filters pass them for
# ping, traceroute and path-MTU discovery (an ASA's "permit icmp any any echo-reply"):
# the reference policy does not forbid them (docs/semantics.md, "The reference policy").
# Redirect and source quench are not among them: they act on a host by themselves.
ICMP_REPLIES_ERRORS = ("icmp/0", "icmp/3", "icmp/11", "icmp/12", "icmp/14", "icmp/16", "icmp/18")


def excess(hs: HeaderSpace, cell, tolerate: bool = True):
    """Delivered packets a matrix cell's (:class:`~netaudit.reach.Cell`) expectation does
    not allow (BDD); from the Internet to the devices, what only a VPN endpoint takes is
    allowed whatever its port (an SSL VPN on tcp/443); from an inside zone, what only a
    captive portal's service takes (the RouterOS HotSpot's DNS and login ports, where the
    portal redirects its clients) is a gateway service like DNS and DHCP; ICMP replies and
    errors are allowed everywhere (``ICMP_REPLIES_ERRORS``; ``tolerate=False``: not)."""
    if cell.verdict != REACHABLE:
        return hs.false
    return _beyond(hs, cell, cell.delivered, tolerate)


def maybe_excess(hs: HeaderSpace, cell):
    """Packets a reachable cell may deliver too (``Cell.maybe``: a partial line or service
    on their path) that its expectation does not allow (BDD).  Not empty while
    :func:`excess` is: the cell is not proven within the policy — unknown, never a pass
    (docs/semantics.md, "Reachable, and maybe more")."""
    if cell.verdict != REACHABLE or cell.maybe is None:
        return hs.false
    return _beyond(hs, cell, cell.maybe)


def _beyond(hs: HeaderSpace, cell, packets, tolerate: bool = True):
    exp = cell.expectation
    if exp is None or exp.expected == ALLOW or packets is None:
        return hs.false
    if tolerate:
        packets &= ~services_packets(hs, ICMP_REPLIES_ERRORS)
    if exp.rule in (EDGE_RULE, WAN_RULE) and cell.vpn_only is not None:
        packets &= ~cell.vpn_only  # the edge's VPN endpoint, whatever its port
    if exp.rule in (GATEWAY_RULE, WAN_RULE) and cell.portal_only is not None:
        packets &= ~cell.portal_only  # the captive portal its clients are sent to
    if exp.expected == DENY:
        return packets
    return packets & ~services_packets(hs, exp.allowed_services)
