"""Vendor-neutral device model.

Parsers translate vendor configuration into these objects; everything downstream
(topology, zones, reach, checks, report) sees only this module.  Every object that
can decide a verdict keeps ``source``: the file and line(s) it came from, so any
finding can cite the config text that proves it.

Conventions
-----------
* Addresses are ``netaddr.IPNetwork`` (interface address with its mask) or plain ints.
* A packet match is a conjunction of header constraints (:class:`Match`); a filter
  line matches when *any* of its matches does (object-groups expand to several).
* Filters are ordered, first match wins, ``default_action`` applies when nothing matched.
* Anything a parser could not fully understand that affects forwarding sets
  ``partial`` (with a reason) on the construct; the engine then answers "unknown"
  instead of guessing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, NamedTuple

from netaddr import IPNetwork

from .messages import Text

# IP protocol numbers the engine and renderers name.
PROTO_ICMP = 1
PROTO_TCP = 6
PROTO_UDP = 17


# The small frozen classes below are built by the hundred thousand (address patterns
# and port ranges per distinct value).  The ``__init__`` a frozen dataclass generates
# sets each field through ``object.__setattr__`` (a global, an attribute lookup and a
# generic call each); these write through the slots' own setters instead, bound once
# below each class: the same fields, the same signature, and assignment after
# construction still raises ``FrozenInstanceError`` (tests/parsers/test_model_objects.py
# pins each to the generated one).


def _slot_setters(cls: type, *names: str) -> tuple[Callable[[object, object], None], ...]:
    """The setters of slots ``names`` of ``cls`` (each slot's member descriptor's
    ``__set__``), which a frozen class's ``__setattr__`` does not stand in front of."""
    return tuple(vars(cls)[name].__set__ for name in names)


# A named tuple made of its values in order in one C call: ``from_values(Src, (file,
# line, text))`` is ``Src(file, line, text)`` without the named tuple's Python
# ``__new__`` (a reader making one per line, a Match per filter line: issue #15,
# docs/performance.md).  Typed Any: mypy reads it as tuple's own constructor only.
from_values: Any = tuple.__new__


class Src(NamedTuple):
    """Where something came from: a file and a 1-based line number, with the line text.

    A named tuple, not a dataclass: every parse builds one per line it cites (a big
    ruleset: tens of thousands) and hashes many as parts of dict keys (the references
    of a parse).  A tuple is made of its values in one C call — the readers that make
    one per line call ``from_values(Src, (file, line, text))``, past the Python
    ``__new__`` of ``Src(…)`` — and hashes and compares in C: the same values as the
    frozen slotted dataclass it was (fields, defaults, ``repr``, equality and hash of
    the fields, immutable).  What a tuple adds — iterating, indexing, ordering,
    equality with a plain tuple of the same values — nothing here relies on
    (tests/parsers/test_model_objects.py; docs/performance.md, issue #15).
    """

    file: str
    line: int
    text: str = ""

    def cite(self) -> dict:
        return {"file": self.file, "line": self.line, "text": self.text}


# --------------------------------------------------------------------------- matches


@dataclass(frozen=True, slots=True, init=False)
class AddrMatch:
    """An address pattern ``value``/``wildcard`` (wildcard bits = don't care).

    Covers prefixes (``wildcard = hostmask``), hosts (``wildcard = 0``), ``any``
    (``wildcard = 0xFFFFFFFF``) and IOS non-contiguous wildcard masks alike.
    """

    value: int
    wildcard: int

    def __init__(self, value: int, wildcard: int) -> None:
        _addr_value(self, value)
        _addr_wildcard(self, wildcard)

    @classmethod
    def any(cls) -> AddrMatch:
        return cls(0, 0xFFFFFFFF)

    @classmethod
    def host(cls, ip: int) -> AddrMatch:
        return cls(int(ip), 0)

    @classmethod
    def prefix(cls, net: IPNetwork | str) -> AddrMatch:
        net = IPNetwork(net)
        return cls(int(net.network), int(net.hostmask))

    @property
    def is_any(self) -> bool:
        return self.wildcard == 0xFFFFFFFF

    @property
    def network(self) -> IPNetwork | None:
        """The prefix this pattern is (``value/len``), None for a non-contiguous wildcard."""
        w = self.wildcard
        if w & (w + 1):
            return None
        return IPNetwork((self.value, 32 - w.bit_length()))


_addr_value, _addr_wildcard = _slot_setters(AddrMatch, "value", "wildcard")


@dataclass(frozen=True, slots=True, init=False)
class PortRange:
    lo: int
    hi: int

    def __init__(self, lo: int, hi: int) -> None:
        _port_lo(self, lo)
        _port_hi(self, hi)


_port_lo, _port_hi = _slot_setters(PortRange, "lo", "hi")


class Match(NamedTuple):
    """Conjunction of header constraints; ``None`` means unconstrained.

    ``src``/``dst`` are unions of address patterns; ``*_negate`` inverts them
    (FortiGate ``srcaddr-negate``, RouterOS ``!``).  ``protocols`` is a union of IP
    protocol numbers.  Port ranges apply to TCP/UDP, ``icmp_type``/``icmp_code`` to
    ICMP.  ``tcp_established`` = IOS ``established`` (ACK or RST set);
    ``conn_established`` = stateful "established/related" (replies only).
    ``in_ifaces``/``out_ifaces`` restrict device-level policies to interfaces.

    A named tuple, not a dataclass: a parse builds one per filter line (tens of
    thousands for a big ruleset) and the engine hashes each as a cache key.  A tuple is
    built in one C call from its fields in order (``from_values(Match, values)``:
    ``parsers.base.from_state``), is 144 bytes instead of an object with a 232-byte
    state, and hashes and compares in C — the same values as the frozen dataclass it
    was (fields, defaults, ``repr``, equality and hash of the fields, immutable).  What
    a tuple adds — iterating, indexing, ordering, equality with a plain tuple of the
    same values — nothing here relies on (docs/performance.md, issue #15).
    """

    src: tuple[AddrMatch, ...] | None = None
    dst: tuple[AddrMatch, ...] | None = None
    src_negate: bool = False
    dst_negate: bool = False
    protocols: tuple[int, ...] | None = None
    src_ports: tuple[PortRange, ...] | None = None  # union of ranges (neq = two ranges)
    dst_ports: tuple[PortRange, ...] | None = None
    icmp_type: int | None = None
    icmp_code: int | None = None
    tcp_established: bool = False
    conn_established: bool | None = None
    in_ifaces: frozenset[str] | None = None
    out_ifaces: frozenset[str] | None = None


class Action(str, Enum):
    PERMIT = "permit"
    DENY = "deny"


@dataclass(slots=True)  # one per rule of every parse: no __dict__ to build, hold and free
class FilterLine:
    """One line of an ordered filter."""

    action: Action
    matches: list[Match]
    source: Src
    name: str = ""  # rule id/name where the vendor has one
    partial: str | None = None  # reason, when part of the line was not understood
    # Why the matches take more packets than the line does (IOS ``evaluate``: every
    # established packet, for the replies of one reflexive list's sessions): safe for the
    # verdicts, no ground for "this line can never match" (line_reachability.shadowed_lines).
    approximated: str | None = None


# A filter's default unless its parser says otherwise (a Text is immutable: one for all).
END_OF_LIST = Text("filter.default.end_of_list")


@dataclass
class Filter:
    """An ordered, first-match packet filter (ACL, policy list, chain)."""

    name: str
    lines: list[FilterLine] = field(default_factory=list)
    default_action: Action = Action.DENY
    # acl | standard | extended | policy | chain | synthesized (composed by the parser
    # from other filters' lines, e.g. ASA's per-interface ACLs + security levels: its
    # lines are checked where they are written, not again here)
    kind: str = "acl"
    source: Src | None = None
    partial: str | None = None  # the whole filter is uncertain (reason)
    # What happens to a packet no line matches, as a witness cites it (reach/witness.py):
    # a catalogue text (input.<vendor>.default.*), so that a report says it in its language.
    default_text: Text = END_OF_LIST


@dataclass
class IpsecTunnel:
    """One static IPsec tunnel an interface terminates (an IOS ``crypto map`` entry with
    a known peer and traffic selector; docs/semantics.md, "IPsec tunnels").

    ``encrypts`` names the filter (in ``Device.filters``) whose permits are the packets
    that, leaving the interface, go into the tunnel — to the peer, outside the snapshot,
    never onward in clear; ``decrypts`` the filter whose permits are the packets that
    may come out of it entering the interface (the mirror).  Both are *maybe*: a tunnel
    carries only what the peer's side sends or accepts."""

    encrypts: str
    decrypts: str
    peers: list[str]
    source: Src  # the entry's line (``crypto map NAME SEQ ipsec-isakmp``)
    label: str = ""  # how reasons name it ("crypto map VPN 10")


@dataclass(frozen=True)
class UdpHelper:
    """One helper address of an interface (IOS ``ip helper-address [vrf V | global] A``):
    the UDP broadcasts the interface receives on the device's forwarded ports go on to
    ``address`` with the client's source (:class:`BroadcastForwarding`; docs/semantics.md,
    "UDP broadcast forwarding").  ``vrf`` is the table the copy is routed in: None for
    the interface's own VRF, ``"default"`` for ``global``."""

    address: int
    source: Src
    vrf: str | None = None


# The IP protocol of Sun's Network Disk, which IOS forwards to helper addresses with UDP
# unless `no ip forward-protocol nd` (docs/vendors/cisco_ios.md, "UDP broadcast forwarding").
PROTO_ND = 77


@dataclass
class BroadcastForwarding:
    """What a router does with the broadcasts an interface with helper addresses
    receives (IOS ``ip forward-protocol``): the UDP destination ports (and IP protocols)
    it sends on to each helper with the client's source kept; ``relayed_ports`` are
    answered by the device's DHCP relay agent instead (a packet of its own, not the
    client's: never delivered to the helper as sent).  ``maybe_ports``: broadcasts on
    these ports may or may not be forwarded (``maybe_reason``).  ``partial``: a form the
    model does not follow (flooding, ``any-local-broadcast``…) — every broadcast a
    device interface receives may then go anywhere (``partial_source`` the line)."""

    ports: tuple[PortRange, ...] = ()
    protocols: tuple[int, ...] = ()
    relayed_ports: tuple[PortRange, ...] = ()
    maybe_ports: tuple[PortRange, ...] = ()
    maybe_reason: str | None = None
    partial: str | None = None
    partial_source: Src | None = None


# --------------------------------------------------------------------------- L2 / L3


class IfKind(str, Enum):
    PHYSICAL = "physical"
    SVI = "svi"
    SUBINTERFACE = "subinterface"
    LOOPBACK = "loopback"
    PORT_CHANNEL = "port-channel"
    TUNNEL = "tunnel"
    BRIDGE = "bridge"
    VLAN = "vlan"
    NULL = "null"
    OTHER = "other"


class L2Mode(str, Enum):
    ROUTED = "routed"
    ACCESS = "access"
    TRUNK = "trunk"
    BRIDGE_PORT = "bridge-port"


@dataclass
class Interface:
    name: str  # canonical name
    kind: IfKind = IfKind.PHYSICAL
    addresses: list[IPNetwork] = field(default_factory=list)  # first = primary
    virtual_addresses: list[IPNetwork] = field(default_factory=list)  # HSRP/VRRP
    vrf: str = "default"
    # A dedicated out-of-band management port (IOS-XE's ``Mgmt-intf``/``Mgmt-vrf``, a
    # Huawei ``MEth`` port, a FortiGate interface ``dedicated-to management``): the line
    # that says so.  Its default route is the management network's way out, never the
    # office's Internet exit (topology.exits, the zones netaudit init drafts).
    out_of_band: Src | None = None
    shutdown: bool = False
    mode: L2Mode = L2Mode.ROUTED
    access_vlan: int | None = None
    allowed_vlans: frozenset[int] | None = None  # None = all (trunk)
    native_vlan: int | None = None
    encapsulation_vlan: int | None = None  # subinterface dot1Q tag
    encapsulation_native: bool = False
    parent: str | None = None  # subinterface / port-channel member
    filter_in: str | None = None
    filter_out: str | None = None
    nat_side: str | None = None  # inside | outside
    # Unicast RPF: "strict" (source must route back out of this interface) or
    # "loose" (source must have some route); the default route counts only with
    # urpf_allow_default.
    urpf: str | None = None
    urpf_allow_default: bool = False
    # The check may be strict or loose, which is not known (why): packets that pass the
    # loose check but not the strict one are uncertain (Linux rp_filter: all=1, the
    # interface's own value not in the dump).
    urpf_unsure: str | None = None
    # The address is assigned at run time (DHCP, PPPoE, LTE…): the interface routes,
    # and the device owns one address of the candidates (docs/semantics.md): verdicts
    # must hold for every candidate.  ``dynamic_source`` is the line that says so.
    dynamic_address: bool = False
    dynamic_source: Src | None = None
    # Bridged (L2) traffic between this bridge's ports passes the device's IP firewall
    # (RouterOS bridge settings use-ip-firewall=yes): the line that says so.
    bridge_ip_firewall: Src | None = None
    # … VLAN-tagged bridged frames too (RouterOS use-ip-firewall-for-vlan=yes).
    bridge_ip_firewall_tagged: bool = False
    # Frames this bridge forwards between its ports pass a filter that is not modelled
    # (RouterOS ``/interface bridge filter`` in the forward chain): what its hosts send
    # each other on the bridge may be dropped — unknown, never reachable (the reason).
    bridged_unsure: Text | None = None
    zone: str | None = None  # firewall zone / nameif
    security_level: int | None = None  # ASA
    description: str = ""
    # Other names the configuration gives this interface's segment — its DHCP server and
    # pool, the comment of its address ("Wifi khach"): read by `netaudit init` as hints.
    segment_names: list[str] = field(default_factory=list)
    source: Src | None = None
    partial: str | None = None
    # Static IPsec tunnels terminated here, in the order the device tries them (what the
    # first one's selector takes, a later one never sees).
    ipsec_tunnels: list[IpsecTunnel] = field(default_factory=list)
    # Helper addresses (IOS ``ip helper-address``): where the UDP broadcasts the
    # interface receives go (Device.broadcast_forwarding says which).
    udp_helpers: list[UdpHelper] = field(default_factory=list)

    @property
    def is_l3(self) -> bool:
        return self.mode == L2Mode.ROUTED and bool(self.addresses)

    @property
    def svi_vlan(self) -> int | None:
        """The VLAN of an SVI (``Vlan10``, Huawei ``Vlanif10``): its tag, else its name's
        number; None for any other interface."""
        if self.kind != IfKind.SVI:
            return None
        if self.encapsulation_vlan:
            return self.encapsulation_vlan
        digits = "".join(ch for ch in self.name if ch.isdecimal())
        return int(digits) if digits and self.name.lower().startswith(("vlan", "vlanif")) else None

    def owns(self) -> list[IPNetwork]:
        """All addresses the device answers on through this interface."""
        return self.addresses + self.virtual_addresses


@dataclass
class Vlan:
    id: int
    name: str = ""
    source: Src | None = None


@dataclass
class Route:
    """A route.  ``interface`` and/or ``next_hop``; ``drop`` for Null0/blackhole."""

    prefix: IPNetwork
    vrf: str = "default"
    next_hop: int | None = None
    interface: str | None = None
    drop: bool = False
    distance: int = 1
    origin: str = "static"  # static | connected | state | dhcp
    source: Src | None = None
    partial: str | None = None
    # Policy-routing table the route belongs to (RouterOS routing-table / routing-mark);
    # None = the VRF's main table.  Only PolicyRoute entries send packets to it.
    table: str | None = None
    # The next hop is learned at run time (DHCP/PPPoE/LTE client default route):
    # whoever answers on the interface's segment outside the snapshot.
    runtime_gateway: bool = False


@dataclass
class PolicyRoute:
    """A policy-routing decision, evaluated in order before the destination lookup.

    Packets matching any of ``matches`` (``in_ifaces`` restricts the ingress interface;
    the first rule that matches a packet decides) are routed by ``action``:

    * ``table``: look the destination up in ``table`` (routes with ``Route.table``);
      with ``fallback`` the packets that find no route there use the main table;
    * ``main``: the normal lookup (stops further rules);
    * ``drop``: dropped (RouterOS ``action=unreachable``/``drop``, IOS ``set interface Null0``);
    * ``elsewhere``: sent where the model does not follow (IOS ``ip policy route-map``, its
      next hops not modelled): they may reach any zone owning their destination.

    A rule that was not fully understood sets ``partial``: the packets it matches are
    uncertain (only those packets, not the whole device).  ``open_match`` says that what
    is not understood is only *whether* a packet of ``matches`` matches (a matcher not
    modelled: RouterOS ``connection-mark``, ``per-connection-classifier``); when it does,
    ``action`` is exact.  The engine then follows both cases and proves what holds in
    each (docs/semantics.md, "Rules that may or may not match").
    """

    matches: list[Match]
    action: str  # table | main | drop | elsewhere
    table: str | None = None
    fallback: bool = False
    source: Src | None = None
    partial: str | None = None
    name: str = ""  # "routing rule", "mangle mark-routing", "route-map X 10"
    open_match: bool = False
    # Its matches are the rule's own selectors on the packet's header (a Linux ``ip rule``
    # on addresses, protocol and ports, no ``fwmark``): the reverse lookup of the
    # reverse-path check meets them exactly, swapped (reach/routing.py ``urpf_bounds``).
    # False: they may meet it or not (a mark the reverse lookup does not carry, a rule
    # the model builds from mangle marks).
    reverse_exact: bool = False


@dataclass
class RuntimeForward:
    """Port forwards inside hosts open at run time (UPnP IGD, NAT-PMP): TCP/UDP packets
    arriving on ``in_interface`` for one of the device's own addresses may be translated
    to any address and port of the networks behind ``to_interfaces`` — which ones, the
    configuration cannot say (docs/semantics.md)."""

    in_interface: str
    to_interfaces: list[str]
    what: str  # "UPnP"
    source: Src | None = None


@dataclass
class NatRule:
    """NAT as a packet transform.

    ``kind``: ``source`` (rewrite src ip, applied after routing on inside→outside)
    or ``destination`` (rewrite dst ip / dst port, applied on ingress before routing).
    ``match`` selects the packets (pre-translation header); ``to_ip`` is the new
    address (``None`` with ``to_interface`` = the egress interface's address);
    ``to_port`` rewrites the destination port (port forwarding).
    """

    kind: str
    match: Match = field(default_factory=Match)
    acl: str | None = None  # filter whose permitted packets are translated
    to_ip: int | None = None
    to_interface: str | None = None
    to_port: int | None = None
    in_ifaces: frozenset[str] | None = None
    out_ifaces: frozenset[str] | None = None
    source: Src | None = None
    partial: str | None = None


@dataclass
class MgmtService:
    """A service on the device's own control plane (ssh, telnet, http, snmp, …).

    ``acl`` names a filter restricting sources (vty access-class, http
    access-class, SNMP community ACL); ``interfaces`` restricts where it listens
    (``None`` = every interface).  A reference to a missing filter is translated by
    the parser with its vendor's rule (on IOS: permit all, ``acl=None``) and recorded
    as an undefined :class:`Reference`.

    ``bound_to`` restricts the addresses it answers on: the interfaces whose addresses
    the server is bound to (Huawei VRP ``ssh server-source -i LoopBack0``, H3C
    ``ssh-server source-interface``) — a packet to another address of the device is not
    delivered to it, whichever interface it arrives on; a packet to a bound interface's
    address is, from any interface of that interface's VPN instance (docs/semantics.md,
    "Services bound to some addresses").  ``None``: every address of the device.
    Where and to what a service binds is decided by the parser; what it could not tell
    makes the service ``partial``, never narrower.
    """

    name: str
    protocol: int
    ports: tuple[PortRange, ...] = ()  # TCP/UDP destination ports
    icmp_type: int | None = None  # for ICMP services (echo = 8)
    enabled: bool = True
    acl: str | None = None
    interfaces: frozenset[str] | None = None
    source: Src | None = None
    insecure: bool = False  # cleartext admin protocol
    partial: str | None = None
    # A proxy (RouterOS /ip socks, /ip proxy): it opens connections onward, to any address
    # the device reaches, for the clients it admits — the engine follows them no further
    # than "maybe anywhere" (docs/semantics.md, "Proxies on a device").
    relay: bool = False
    # Where a relay may connect, when the configuration says it (FortiGate proxy
    # policies): the filter (in Device.filters) whose permits are a superset of the
    # clients' packets with the target as destination, read with the interface the device
    # routes the target by as out-interface.  None: anywhere.
    relay_to: str | None = None
    # The interfaces whose addresses it answers on (see above); None: every address.
    bound_to: frozenset[str] | None = None


# The names parsers give a device's VPN endpoints (IPsec IKE/NAT-T, WireGuard, OpenVPN,
# SSTP, the FortiGate SSL VPN, the ASA's AnyConnect/clientless webvpn, L2TP that the
# server takes inside IPsec only): what the reference policy lets the Internet reach on
# the edge (docs/semantics.md, "The reference policy") whatever its port — an SSL VPN
# shares tcp/443 with web administration.  PPTP and L2TP without required IPsec are not
# among them (no encryption of their own).
VPN_ENDPOINTS = frozenset({"ike", "ipsec", "wireguard", "ovpn", "sstp", "sslvpn", "webvpn", "l2tp-ipsec"})

# The names parsers give the services of a captive portal on its clients' gateway (the
# RouterOS HotSpot's DNS, login pages and proxy): what every client of the portal is made
# to use — its DNS and web requests are redirected there — so the reference policy counts
# them with DNS and DHCP among the gateway services a zone may reach (docs/semantics.md,
# "The reference policy").  An administration service on the same device is not among them.
CAPTIVE_PORTAL_SERVICES = frozenset({"hotspot-dns", "hotspot-http", "hotspot-proxy", "hotspot-https"})


@dataclass
class Ssid:
    name: str
    interface: str | None = None
    vlan: int | None = None
    open_auth: bool | None = None
    source: Src | None = None


@dataclass
class Reference:
    """A name used somewhere (ACL, object-group, VRF …) and whether it is defined."""

    kind: str
    name: str
    source: Src
    defined: bool


@dataclass
class VlanUse:
    """One place a bridge without VLAN filtering shows VLAN intent: a VLAN interface on
    it, a port's pvid, a row of its VLAN table, a wireless port tagging its clients."""

    name: str  # the VLAN interface or the port; "" for a VLAN-table row
    vlans: tuple[int, ...]
    source: Src


@dataclass
class UnfilteredBridge:
    """A bridge that forwards all its ports as one L2 domain although its configuration
    shows VLANs were meant (RouterOS bridge without ``vlan-filtering``): the intent is
    kept for the L2 root-cause check and for placing zones where their hosts plug in."""

    name: str
    source: Src | None
    vlan_interfaces: list[VlanUse] = field(default_factory=list)
    pvids: list[VlanUse] = field(default_factory=list)
    vlan_table: list[VlanUse] = field(default_factory=list)
    tagged_wireless: list[VlanUse] = field(default_factory=list)


@dataclass
class VendorFacts:
    """Settings only one vendor's checks read.  Each vendor package subclasses it
    (``netaudit/parsers/<vendor>/facts.py``); the checks narrow with ``isinstance``."""


@dataclass
class Device:
    hostname: str
    vendor: str
    file: str
    os_version: str = ""
    interfaces: dict[str, Interface] = field(default_factory=dict)
    vlans: dict[int, Vlan] = field(default_factory=dict)
    vrfs: set[str] = field(default_factory=lambda: {"default"})
    routes: list[Route] = field(default_factory=list)
    filters: dict[str, Filter] = field(default_factory=dict)
    # Device-level forwarding policy (zone-based firewalls, FortiGate policies,
    # RouterOS forward chain): evaluated for routed traffic with in/out interfaces.
    forward_filter: str | None = None
    # Device-level policy on traffic to the device itself (RouterOS input chain).
    input_filter: str | None = None
    nat_rules: list[NatRule] = field(default_factory=list)
    # Source NAT on the way out happens before the out-interface's filter, which then sees
    # the translated source (IOS: NAT inside-to-outside, then the output ACL); else after.
    snat_before_out_filter: bool = False
    runtime_forwards: list[RuntimeForward] = field(default_factory=list)
    # Ordered policy-routing decisions taken before the destination lookup.
    policy_routes: list[PolicyRoute] = field(default_factory=list)
    services: list[MgmtService] = field(default_factory=list)
    ssids: list[Ssid] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    ip_routing: bool = True
    # The config holds the whole VLAN database: a trunk carries no frames of a VLAN
    # missing from ``vlans`` (IOS in VTP transparent or off mode, docs/semantics.md).
    vlan_database: bool = False
    # A packet arriving with one of the device's own addresses as source is dropped
    # (Linux: a martian source, whatever rp_filter says, unless accept_local).
    martian_own_source: bool = False
    # The reverse-path check sees the packet after destination NAT (Linux: rp_filter is
    # part of the routing decision, after the prerouting NAT hook): it matters where the
    # reverse lookup goes through policy rules on the source, which it matches against
    # the packet's destination (docs/semantics.md, "Reverse-path filtering").
    urpf_after_dnat: bool = False
    # Broadcasts sent on to the interfaces' helper addresses (IOS ``ip forward-protocol``
    # and its defaults); None on a device that forwards none.
    broadcast_forwarding: BroadcastForwarding | None = None
    # Where dynamic routing is configured (router ospf/bgp …): learned routes the
    # snapshot cannot see, so lookups that could use them are unknown without state.
    dynamic_routing: list[Src] = field(default_factory=list)
    # Static route lines the parser could not read (counted unrecognized too): the table
    # may lack a route, so a lookup that finds none is unknown, never "no route".
    unread_routes: list[Src] = field(default_factory=list)
    # Static routes installed only while a condition holds (IOS `ip route … track N`):
    # when withdrawn, the packets take another route; a lookup is then one way of several.
    conditional_routes: list[Src] = field(default_factory=list)
    # The routing-state file whose routes replaced the configured ones (inputs.py).
    routing_state: str | None = None
    # Interface → its role as the vendor names it (FortiGate ``set role wan|lan|dmz``).
    interface_roles: dict[str, str] = field(default_factory=dict)
    # Named interface lists → member interfaces (RouterOS /interface list).
    interface_lists: dict[str, list[str]] = field(default_factory=dict)
    # The virtual system this device is, when the box runs several (FortiGate VDOM).
    context: str = ""
    unfiltered_bridges: list[UnfilteredBridge] = field(default_factory=list)
    # Vendor-specific settings for that vendor's hardening checks.
    facts: VendorFacts = field(default_factory=VendorFacts)
    secrets: set[str] = field(default_factory=set)  # literal secret values to mask
    # Secrets by grammar position: line number (in ``file``) → the values on that line
    # that are secrets there, even when they are ordinary words (``community guest``).
    secret_lines: dict[int, set[str]] = field(default_factory=dict)
    source: Src | None = None

    def l3_interfaces(self) -> Iterable[Interface]:
        return (i for i in self.interfaces.values() if i.is_l3 and not i.shutdown)


# --------------------------------------------------------------------------- parsing


@dataclass
class ParseReport:
    """What a parser understood of one file."""

    file: str
    vendor: str
    sha256: str = ""
    lines: int = 0
    unrecognized: list[Src] = field(default_factory=list)
    ignored: int = 0
    # Constructs that affect forwarding but were only partly understood.
    partially_understood: list[dict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    devices: list[str] = field(default_factory=list)

    def add_partial(self, construct: str, reason: str, source: Src) -> None:
        self.partially_understood.append({"construct": construct, "reason": reason, **source.cite()})


@dataclass
class ParseResult:
    devices: list[Device]
    report: ParseReport


class InputError(Exception):
    """A user-facing problem with an input: one line naming file (and line).

    ``message`` is a catalogue :class:`~netaudit.messages.Text`, which the CLI words in
    the reader's language (:meth:`render`); ``str()`` of the error is its English."""

    def __init__(self, message: str, file: str | None = None, line: int | None = None):
        self.message, self.file, self.line = message, file, line
        super().__init__(self._where() + message)

    def _where(self) -> str:
        file, line = self.file, self.line
        return f"{file}:{line}: " if file and line else (f"{file}: " if file else "")

    def render(self, lang: str) -> str:
        """The one line in ``lang``: where (file and line), then the message."""
        return self._where() + (self.message.render(lang) if isinstance(self.message, Text) else str(self.message))

    def located(self) -> str:
        """The whole line as one value to put in another message (a wrapped or re-raised
        error): a Text whose English is ``str(self)``, so the wrapper keeps the language."""
        where = self._where()
        return Text("input.at", where=where[:-2], what=self.message) if where else self.message
