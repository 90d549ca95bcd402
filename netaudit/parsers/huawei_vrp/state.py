"""Huawei VRP: what is collected while the lines are read, before the conversion.

Readers (:mod:`.interfaces`, :mod:`.acls`, :mod:`.routing`, :mod:`.nat`,
:mod:`.management`, :mod:`.wlan`) only record here; :mod:`.convert` turns it into the
model once the whole file is read (an ACL may be defined after the interface using it).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from netaddr import IPNetwork

from netaudit.messages import Text
from netaudit.model import FilterLine, IfKind, Interface, NatRule, Src
from netaudit.parsers.base import LineParser
from netaudit.parsers.huawei_vrp.facts import VRPFacts
from netaudit.parsers.huawei_vrp.syntax import ethernet_like, interface_kind


def in_block(label: str, reason: str) -> Text:
    """Why a block's line is partial, said with the block (``traffic classifier C: …``,
    ``user-interface vty 0 4: …``) where the construct it makes partial is another."""
    return Text("input.at", where=label, what=reason)


@dataclass(eq=False)
class IfState:
    """One ``interface`` block as read."""

    iface: Interface
    primary: IPNetwork | None = None
    subs: list[IPNetwork] = field(default_factory=list)
    link_type: str | None = None  # access | trunk | hybrid | dot1q-tunnel | negotiation-*
    link_src: Src | None = None
    default_vlan: int | None = None  # access: port default vlan
    pvid: int | None = None  # trunk / hybrid pvid
    trunk_allowed: set[int] = field(default_factory=lambda: {1})
    trunk_all: bool = False
    hybrid_untagged: set[int] = field(default_factory=lambda: {1})
    hybrid_tagged: set[int] = field(default_factory=set)
    l2_cmd: bool = False  # some `port …` line
    routed: Src | None = None  # `undo portswitch`
    l3_cmd: bool = False  # `ip address …`
    eth_trunk: tuple[str, Src] | None = None  # member of Eth-TrunkN
    filters_in: list[tuple[str, Src]] = field(default_factory=list)  # traffic-filter inbound
    filters_out: list[tuple[str, Src]] = field(default_factory=list)
    policies_in: list[tuple[str, Src]] = field(default_factory=list)  # traffic-policy NAME inbound
    policies_out: list[tuple[str, Src]] = field(default_factory=list)
    # (acl, address group, line, interface whose address is used)
    nat_outbound: list[tuple[str | None, str | None, Src, str | None]] = field(default_factory=list)
    dhcp_select: Src | None = None  # dhcp select interface|global
    dialer_bundle: tuple[int, Src] | None = None  # pppoe-client dial-bundle-number N
    dialer_number: int | None = None  # Dialer: dialer bundle N / dialer number


@dataclass(eq=False)
class AclState:
    """One ACL as read: its rules by number (VRP matches in rule-number order)."""

    name: str
    kind: str  # basic | advanced | l2 | user | other
    src: Src
    auto_order: bool = False  # match-order auto (depth-first)
    step: int = 5
    rules: dict[int, FilterLine] = field(default_factory=dict)
    partial: str | None = None


@dataclass(eq=False)
class Classifier:
    """``traffic classifier NAME [operator and|or]``: the ACLs it matches."""

    src: Src
    operator: str = "or"
    acls: list[str] = field(default_factory=list)
    unread: list[str] = field(default_factory=list)  # if-match clauses not modelled


@dataclass(eq=False)
class Behavior:
    """``traffic behavior NAME``: ``permit`` / ``deny`` (default permit) and others."""

    src: Src
    action: str = "permit"
    unread: list[str] = field(default_factory=list)


@dataclass(eq=False)
class UiState:
    """``user-interface vty A B`` (or ``con``/``console``: not remote)."""

    kind: str  # vty | con
    src: Src
    acl: tuple[str, Src] | None = None
    protocols: set[str] | None = None  # `protocol inbound …`; None = the version's default
    protocol_src: Src | None = None
    auth_mode: str | None = None
    auth_src: Src | None = None
    partial: str | None = None  # a line of the block not understood


@dataclass(eq=False)
class ServerSource:
    """``ssh|telnet server-source …`` lines of one protocol (``snmp-agent protocol
    source-interface|source-status …`` for ``snmp``): what the server is bound to
    (docs/vendors/huawei_vrp.md, "Management plane")."""

    src: Src  # the first line
    interfaces: list[str] = field(default_factory=list)  # `-i IF` (canonical names)
    addresses: list[tuple[str, str | None, Src]] = field(default_factory=list)  # `-a A [-vpn-instance V]`
    all_interface: bool | None = None  # `all-interface` (True), its `undo` (False), not said (None)
    unread: list[Src] = field(default_factory=list)  # a form not modelled (`physic-isolate` …)


class VrpState(LineParser):
    """The parse state (a mixin of the parser: every reader writes here)."""

    VENDOR = "huawei_vrp"
    NEGATION = "undo"
    # The block tables, set in .parser once the handlers exist.
    IFACE_TABLE: ClassVar[dict] = {}
    VLAN_TABLE: ClassVar[dict] = {}
    UI_TABLE: ClassVar[dict] = {}
    ACL_TABLE: ClassVar[dict] = {}
    CLASSIFIER_TABLE: ClassVar[dict] = {}
    BEHAVIOR_TABLE: ClassVar[dict] = {}
    POLICY_TABLE: ClassVar[dict] = {}
    ZONE_TABLE: ClassVar[dict] = {}
    NETCONF_TABLE: ClassVar[dict] = {}

    def __init__(self, text: str, file: str):
        super().__init__(text, file)
        self.facts = VRPFacts()
        self.dev.facts = self.facts
        self.ifs: dict[str, IfState] = {}
        self.acls: dict[str, AclState] = {}
        self.acl_alias: dict[str, str] = {}  # `acl name X 3001`: 3001 -> X
        self.classifiers: dict[str, Classifier] = {}
        self.behaviors: dict[str, Behavior] = {}
        self.policies: dict[str, list[tuple[str, str, Src]]] = {}  # policy -> (classifier, behavior)
        self.unread_mqc: list[tuple[str, str]] = []  # (classifier/policy label, why)
        self.vlan_ifaces_filters: list[tuple[int, str, str, Src]] = []  # traffic-filter vlan V dir acl
        self.global_filters: list[tuple[str, str, Src]] = []  # traffic-filter inbound acl X (system view)
        self.uis: list[UiState] = []
        self.nat_rules: list[tuple[NatRule, str | None]] = []  # (rule, interface it is on)
        self.nat_groups: dict[str, tuple[int, int, Src]] = {}
        self.nat_group_uses: list[tuple[NatRule, str]] = []
        # interfaces a `firewall zone` block adds (name, line): partial once all are read
        self.zone_members: list[tuple[str, Src]] = []
        self.security_policy: Src | None = None  # a USG's `security-policy` (or `policy interzone`) line
        self.security_policy_why = Text("input.vrp.security_policy")
        self.usg_zone: Src | None = None  # a zone's `set priority` line: the device is a USG
        self.switch_like = False  # `vlan batch`, `port link-type` …: the device switches
        self.version_src: Src | None = None
        # management plane as configured: setting name -> (on?, line)
        self.mgmt: dict[str, tuple[bool, Src]] = {}
        self.telnet_port: int = 23
        self.ssh_port: int = 22
        self.http_port: int = 80
        self.https_port: int = 443
        self.http_acl: tuple[str, Src] | None = None
        # `ssh server acl N` / `telnet server acl N`: the server's own login ACL, per protocol
        self.server_acls: dict[str, tuple[str, Src]] = {}
        # `ssh|telnet server-source …`: the addresses the server answers on, per protocol
        self.server_sources: dict[str, ServerSource] = {}
        # `ssh|telnet server permit interface …` (AR V300): not modelled, per protocol
        self.permit_interfaces: dict[str, Src] = {}
        # `http server-source …` / `web-manager … server-source …` lines: not modelled
        self.web_sources: list[Src] = []
        # a CloudEngine / VRP8 form (`stelnet ipv4 server enable`, `telnet server disable`,
        # `snetconf`, `netconf`): the release's server-source default is not the V200R019 one
        self.vrp8_form: Src | None = None
        # V600 S-series / CloudEngine S: the web server is `web-manager` (no `http server`)
        self.web_manager: Src | None = None  # the first `web-manager` line
        self.web_port_given = True  # `web-manager enable` named its port
        self.web_redirect: Src | None = None  # `web-manager http forward enable`
        # CloudEngine NETCONF over SSH: `netconf` / `protocol inbound ssh port N` (N, line)
        self.netconf: tuple[int, Src] | None = None
        self.snmp: list[tuple[str | None, Src]] = []  # (acl, line) per community / group
        self.snmp_acl: tuple[str, Src] | None = None  # snmp-agent acl N (global)
        self.snmp_agent: Src | None = None
        self.snmp_users = False  # an `snmp-agent usm-user` (SNMPv3 user) is configured
        # `snmp-agent protocol server [ipv4] disable`: the agent processes no IPv4 SNMP packet
        self.snmp_server_off: Src | None = None
        # why the SNMP service is understood in part (a community line's option not read …)
        self.snmp_unread: list[Text] = []
        self.dhcp_enable: Src | None = None
        self.dhcp_pool: Src | None = None
        # (pool name, its gateway or network): the segment each `ip pool` serves (management.py)
        self.dhcp_pool_nets: list[tuple[str, IPNetwork]] = []
        self.dns_proxy: Src | None = None
        self.vrrp: list[tuple[IfState, int, Src]] = []
        self.ftp_acl: str | None = None
        self.indent = 0  # the indentation of the line being read (the wlan view nests)
        self.wlan_profiles: list = []
        self.wlan_bound: set[str] = set()  # VAP profiles an AP group or AP uses
        self.wlan_src: Src | None = None

    def _iface(self, name: str, src: Src | None) -> IfState:
        """The interface ``name`` (canonical), created on first use."""
        st = self.ifs.get(name)
        if st is None:
            kind = self.interface_kind(name)
            iface = Interface(name=name, kind=kind, source=src)
            if self.out_of_band_port(name):
                iface.out_of_band = src
            st = self.ifs[name] = IfState(iface)
            self.dev.interfaces[name] = iface
            if kind.value == "subinterface":
                iface.parent = name.split(".", 1)[0]
        return st

    # Names a dialect of the same skeleton spells otherwise (H3C Comware subclasses the
    # parser: parsers/h3c_comware/): overridden there, VRP's here.

    def interface_kind(self, name: str) -> IfKind:
        """The kind of the interface ``name`` (canonical)."""
        return interface_kind(name)

    def out_of_band_port(self, name: str) -> bool:
        """Whether ``name`` is a management-only port: VRP's ``MEth`` (S-series and
        CloudEngine switches; management traffic only, in a VPN instance of its own on
        newer releases)."""
        return name.startswith("MEth")

    def switchable(self, name: str) -> bool:
        """Whether the port (or bundle) ``name`` may be an L2 port."""
        return ethernet_like(name)

    # Hooks one reader calls and another defines (the parser class has them all).

    def nat_server_line(self, st: IfState, tokens: list[str], low: list[str], src: Src) -> None:
        raise NotImplementedError

    def nat_static_line(self, st: IfState, tokens: list[str], low: list[str], src: Src) -> None:
        raise NotImplementedError

    def finish_wlan(self) -> None:
        raise NotImplementedError
