"""Cisco ASA parse state: what is collected while reading, before :mod:`.convert`,
:mod:`.policy` and :mod:`.services` turn it into the model.

:class:`AsaState` is the one parser object's state; the readers (:mod:`.interfaces`,
:mod:`.management`) and the conversion are its mixins, put together in
:class:`.parser.AsaParser`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from netaddr import IPNetwork

from netaudit.model import Action, AddrMatch, IfKind, Interface, Src
from netaudit.parsers.base import LineParser, kind_from_name
from netaudit.parsers.cisco_asa import VENDOR
from netaudit.parsers.cisco_asa.facts import ASAFacts
from netaudit.parsers.cisco_asa.legacy_nat import LegacyNat, LegacyNatLine
from netaudit.parsers.cisco_asa.nat import NatLine
from netaudit.parsers.cisco_asa.objects import Group, NetObject, Objects, Ref, SvcObject
from netaudit.parsers.cisco_asa.syntax import KIND_BY_PREFIX, NOT_SECRETS, PHYSICAL_HINTS, SECRET_WORDS


class IfState:
    """Per-interface facts collected while reading."""

    __slots__ = (
        "access_vlan",
        "addr",
        "addr_src",
        "allowed",
        "channel_group",
        "dhcp_relay",
        "iface",
        "level",
        "level_src",
        "members",
        "mgmt_only",
        "mode",
        "nameif",
        "nameif_src",
        "native",
        "no_forward",
        "standby",
        "sw_any",
    )

    def __init__(self, iface: Interface):
        self.iface = iface
        self.nameif: str | None = None
        self.nameif_src: Src | None = None
        self.level: int | None = None
        self.level_src: Src | None = None
        self.addr: IPNetwork | None = None
        self.addr_src: Src | None = None
        self.standby: list[int] = []
        self.mgmt_only: Src | None = None
        self.no_forward: list[tuple[str, Src]] = []
        self.sw_any = False
        self.mode: str | None = None
        self.access_vlan: int | None = None
        self.allowed: frozenset[int] | None = None
        self.native: int | None = None
        self.members: list[tuple[str, Src]] = []
        self.channel_group: tuple[str, Src] | None = None
        self.dhcp_relay: Src | None = None


@dataclass(eq=False)
class Acl:
    """``access-list NAME …`` as read: its entries are parsed once objects are known."""

    name: str
    src: Src
    entries: list = field(default_factory=list)  # [(tokens tuple, Src)]
    standard: bool = False


@dataclass(eq=False)
class AccessGroupCmd:
    """An ``access-group`` line as read."""

    acl: str
    direction: str  # in | out | global
    nameif: str | None
    control_plane: bool
    src: Src


@dataclass(eq=False)
class CryptoEntry:
    """One entry (``NAME SEQ``) of a ``crypto map`` or ``crypto dynamic-map`` as read
    (:mod:`.vpn`)."""

    map: str
    seq: int
    src: Src  # its first line
    acl: str | None = None  # match address ACL
    acl_src: Src | None = None
    dynamic: str | None = None  # `ipsec-isakmp dynamic DYN`: a dynamic map's entries
    dynamic_src: Src | None = None
    peers: list[str] = field(default_factory=list)  # `set peer A [B …]`
    # `set [ikev1] transform-set T [T2 …]`: the IKEv1 transform sets offered, with the line
    transforms: list[str] = field(default_factory=list)
    transforms_src: Src | None = None
    manual: bool = False  # `ipsec-manual`: keys in the configuration, no IKE needed


@dataclass(eq=False)
class MgmtCmd:
    """An ``http``/``ssh``/``telnet`` A M IFNAME line or an ``icmp`` rule."""

    proto: str
    action: Action
    net: AddrMatch | None  # None = any
    nameif: str
    src: Src
    icmp: tuple[int, int | None] | None = None


class AsaState(LineParser):
    """The parser's state; the dispatch tables of the blocks are set on
    :class:`.parser.AsaParser` once its handlers exist."""

    VENDOR = VENDOR
    NEGATION = "no"
    FAST_WORD = "access-list"  # ACL entries: the bulk of big configs
    SECRET_WORDS = SECRET_WORDS
    NOT_SECRETS = NOT_SECRETS
    MASKED_NOT_SECRET = True  # "*****": the ASA already masked it
    # block dispatch tables (.parser)
    IFACE_TABLE: ClassVar[dict] = {}
    OBJNET_TABLE: ClassVar[dict] = {}
    OBJSVC_TABLE: ClassVar[dict] = {}
    WEBVPN_TABLE: ClassVar[dict] = {}
    OG_TABLES: ClassVar[dict] = {}

    # Resolved by .convert at the end (first in _finish_interfaces), then used by
    # .policy and .services.
    nameif_to_if: dict[str, str]  # nameif -> interface name
    if_ip: dict[str, int | None]  # interface -> its address (nameif'd ones)
    levels: dict[str, tuple[int, Src]]  # interface -> (security level, cited line)
    objs: Objects
    in_acls: dict[str, list[tuple[str, AccessGroupCmd]]]  # acl -> [(interface, access-group)]
    in_by_if: dict[str, str]  # interface -> its inbound acl
    cp_acls: list[tuple[str, AccessGroupCmd]]
    global_ag: AccessGroupCmd | None
    legacy: LegacyNat  # pre-8.3 NAT: translations and what the policy makes partial

    def __init__(self, text: str, file: str):
        super().__init__(text, file)
        self.ifs: dict[str, IfState] = {}
        self.acls: dict[str, Acl] = {}
        # ASA 8.x `ipv6 access-list NAME …`: IPv6 only, bound by its own access-group
        # (it neither filters IPv4 nor replaces the interface's IPv4 ACL).
        self.ipv6_acls: set[str] = set()
        self.groups: dict[str, Group] = {}
        self.nets: dict[str, NetObject] = {}
        self.svc_objs: dict[str, SvcObject] = {}
        self.names: dict[str, int] = {}
        self.access_groups: list[AccessGroupCmd] = []
        self.nat_manual: list[NatLine] = []
        self.nat_after: list[NatLine] = []
        self.nat_object: list[NatLine] = []
        self.legacy_nat: list[LegacyNatLine] = []  # pre-8.3 `static`, `global`, `nat (if) N`
        self.nat_control: Src | None = None
        self.routes: list[tuple[list[str], Src]] = []
        self.mgmt: list[MgmtCmd] = []
        self.http_server: tuple[int, Src] | None = None
        self.same_inter: Src | None = None
        self.same_intra: Src | None = None
        self.snmp_hosts: list[tuple[str, AddrMatch | Ref, bool, Src]] = []  # (nameif, poller, polls?, src)
        self.dhcpd: list[tuple[str, Src]] = []
        self.dhcprelay: list[tuple[str, Src]] = []
        self.urpf: list[tuple[str, Src]] = []
        self.vpn_listen: list[tuple[str, str, Src]] = []  # (ike | webvpn, nameif, src)
        self.webvpn_port = 443
        self.transparent: Src | None = None
        # Site-to-site VPN (.vpn): crypto map entries by (map, seq), dynamic-map entries
        # likewise, the last `crypto map NAME interface NAMEIF` per nameif, and what
        # decides whether decrypted traffic bypasses the access-lists.
        self.crypto_entries: dict[tuple[str, int], CryptoEntry] = {}
        self.crypto_dynamic: dict[tuple[str, int], CryptoEntry] = {}
        self.crypto_binds: dict[str, tuple[str, Src]] = {}  # nameif -> (map, line)
        self.permit_vpn: tuple[bool, Src | None] = (True, None)  # on by default
        self.gp_filters: dict[str, tuple[str | None, Src]] = {}  # group-policy -> vpn-filter (None: none)
        self.gp_external: dict[str, Src] = {}  # group-policy NAME external …: attributes from a server
        self.tunnel_groups: dict[str, Src] = {}  # tunnel-group NAME type …
        self.tg_policies: dict[str, tuple[str, Src]] = {}  # tunnel-group -> default-group-policy
        # L2TP over IPsec (.vpn, "L2TP over IPsec"): the nameifs IKEv1 is enabled on
        # (`crypto ikev1|isakmp enable`), the IKEv1 transform sets in transport mode, and
        # the `vpn-tunnel-protocol` lines (group-policy or username attributes) naming
        # l2tp-ipsec
        self.ikev1_enabled: dict[str, Src] = {}
        self.transport_sets: dict[str, Src] = {}
        self.l2tp_protocol: list[Src] = []
        # nameif -> (the line the service cites, why it is partial or None): set by
        # VpnBuilder._finish_l2tp, read by the services
        self.l2tp_listen: dict[str, tuple[Src, str | None]] = {}
        self.facts = ASAFacts()
        self.dev.facts = self.facts

    def _iface(self, name: str, src: Src | None) -> IfState:
        st = self.ifs.get(name)
        if st is None:
            kind = kind_from_name(name, PHYSICAL_HINTS, KIND_BY_PREFIX)
            iface = Interface(name=name, kind=kind, source=src)
            if "." in name and kind in (IfKind.PHYSICAL, IfKind.PORT_CHANNEL, IfKind.OTHER):
                iface.kind = IfKind.SUBINTERFACE
                iface.parent = name.split(".", 1)[0]
            st = IfState(iface)
            self.ifs[name] = st
            self.dev.interfaces[name] = iface
        return st
