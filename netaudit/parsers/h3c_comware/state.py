"""H3C Comware: what is collected while the lines are read, beside VRP's parse state
(:class:`netaudit.parsers.huawei_vrp.state.VrpState`, whose interface, ACL, NAT and
management records the Comware readers fill the same way)."""

from __future__ import annotations

from typing import ClassVar

from netaudit.messages import Text
from netaudit.model import AddrMatch, Src
from netaudit.parsers.h3c_comware.facts import ComwareFacts
from netaudit.parsers.huawei_vrp.state import IfState, VrpState


class ComwareState(VrpState):
    """The parse state (a mixin of the parser: every Comware reader writes here)."""

    VENDOR = "h3c_comware"
    # The block tables, set in .parser once the handlers exist.
    LINE_CLASS_TABLE: ClassVar[dict] = {}
    ZONE_PAIR_TABLE: ClassVar[dict] = {}
    OBJECT_POLICY_TABLE: ClassVar[dict] = {}
    OBJECT_GROUP_TABLE: ClassVar[dict] = {}
    LOCAL_USER_TABLE: ClassVar[dict] = {}
    NAT_GROUP_TABLE: ClassVar[dict] = {}

    def __init__(self, text: str, file: str):
        super().__init__(text, file)
        self.facts = ComwareFacts()
        self.dev.facts = self.facts
        self.v7 = False  # a V7 version line or a V7-only command (`line vty`)
        self.v5 = False  # a V5 version line
        self.agg_members: list[tuple[IfState, int, Src]] = []  # (member, group number, line)
        self.http_acls: dict[str, tuple[str, Src]] = {}  # `ip http|https acl N`
        # `snmp-agent community …` by community name (as written: the cipher text of a
        # `cipher` one) -> its line; the last line of a name is the one in effect
        self.snmp_communities: dict[str, Src] = {}
        self.snmp_community_why: dict[str, Text] = {}  # name -> why its line is read in part
        self.line_class: Src | None = None  # a `line class vty` line restricting logins
        self.vty_numbers: set[int] = set()  # the vty lines the file's blocks name
        self.zone_names: list[tuple[str, Src]] = []
        self.zone_of: dict[str, str] = {}  # interface -> its security zone
        self.zone_l2_members: list[tuple[str, Src]] = []  # `import interface X vlan L`
        self.zone_pairs: list = []  # zones.ZonePair, in file order
        self.object_policies: dict[str, list] = {}  # name -> zones.PolicyRule list
        self.addr_groups: dict[str, list[AddrMatch]] = {}
        self.service_groups: dict[str, list[dict]] = {}  # name -> Match fields per member
        self.groups_unread: set[str] = set()  # object groups with a member not read
        self.intra_permit: Src | None = None  # `security-zone intra-zone default permit`
        self.security_policy_ip: Src | None = None  # `security-policy ip`
        self.security_rules: list = []  # its zones.PolicyRule, in the order written
        self.security_policy_off: Src | None = None  # `security-policy disable`
        self.pf_default_deny: Src | None = None  # `packet-filter default deny`
        # interface -> its packet filters of a form not read (`packet-filter mac …`, V5's
        # `ip-group`): (line, src)
        self.port_filter_forms: dict[str, list[tuple[str, Src]]] = {}
        self.v5_firewall: Src | None = None  # V5's `firewall enable` / `firewall default …` / zones
        self.nat_group_names: dict[str, str] = {}
        self.dhcp_pools: list[str] = []  # `dhcp server ip-pool NAME`  # `nat address-group N name X`: X -> N

    def comware_v7(self) -> bool:
        """Whether the file is Comware V7's (its version line, or `line vty`)."""
        return self.v7

    def acl_name(self, name: str) -> str:
        """The ACL a reference names (defined in :mod:`.convert`)."""
        raise NotImplementedError

    def netconf_soap_why(self) -> Text:
        """Why NETCONF over SOAP is partial."""
        return Text("input.comware.netconf_soap")
