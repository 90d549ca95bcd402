"""H3C Comware parser: the one parser class and its dispatch tables.

:class:`ComwareParser` is VRP's parser (:class:`netaudit.parsers.huawei_vrp.parser.
VrpParser`: the same skeleton — ``#`` separators, globals indented by one space, ``undo``,
``return`` — and the readers whose documented meaning is the same) with Comware's own
tables: a VRP word that Comware does not write is unrecognized here, never read with
VRP's meaning.  Comware's readers are the mixins of this package; the keyword lists are
in :mod:`.syntax`; the tables binding them to handlers are at the end.
"""

from __future__ import annotations

import re

from netaudit.messages import Text
from netaudit.model import Src
from netaudit.parsers.base import IGNORE_CTX, Ctx, Unknown, table
from netaudit.parsers.h3c_comware.acls import ComwareAclReader
from netaudit.parsers.h3c_comware.convert import ComwareBuilder
from netaudit.parsers.h3c_comware.interfaces import ComwareInterfaceReader
from netaudit.parsers.h3c_comware.management import ComwareManagementReader
from netaudit.parsers.h3c_comware.nat import ComwareNatReader
from netaudit.parsers.h3c_comware.syntax import (
    IFACE_IGNORED,
    IFACE_PARTIAL,
    LINE_IGNORED,
    NOT_SECRETS,
    SECRET_WORDS,
    SWITCH_PREFIXES,
    TOP_IGNORED,
    TOP_PARTIAL,
    VLAN_IGNORED,
    VLAN_PARTIAL,
    interface_kind,
    secret_values,
)
from netaudit.parsers.h3c_comware.zones import ZoneReader
from netaudit.parsers.huawei_vrp.parser import VrpParser

# ` version 7.1.064, Release 0427P22` (V7), ` version 5.20, Release 2209L22` (V5)
_VERSION = re.compile(r"^version (\d+)\.(\d+)(?:\.\d+)?, (?:Release|ESS|Alpha|Beta|Feature) (\S+)", re.I)
# `header motd %` … `%`: the text up to the line holding the delimiter again
_HEADER_KINDS = frozenset({"incoming", "legal", "login", "motd", "shell"})


class ComwareParser(
    ComwareBuilder,
    ComwareAclReader,
    ComwareInterfaceReader,
    ComwareNatReader,
    ComwareManagementReader,
    ZoneReader,
    VrpParser,
):
    """One pass over the lines (:meth:`~netaudit.parsers.base.LineParser.run`), then
    :meth:`~.convert.ComwareBuilder.finish` resolves cross-references."""

    SECRET_WORDS = SECRET_WORDS
    NOT_SECRETS = NOT_SECRETS

    # ------------------------------------------------------------------ names

    def interface_kind(self, name: str):
        return interface_kind(name)

    def out_of_band_port(self, name: str) -> bool:
        """``M-GigabitEthernet0/0/0``: the out-of-band management port of Comware
        switches and firewalls (management traffic only)."""
        return name.startswith("M-GigabitEthernet")

    def switchable(self, name: str) -> bool:
        return name.startswith(SWITCH_PREFIXES)

    # ------------------------------------------------------------------ lines

    def scan_secrets(self, tokens: list[str], low: list[str]) -> None:
        """Collect the secrets of a line (:func:`.syntax.secret_values`)."""
        for value in secret_values(tokens, low):
            self.add_secret(value)

    def prepare(self, raw: str, lineno: int) -> str | None:
        stripped = raw.strip()
        if self.banner_open is None and stripped[:7].lower() == "header ":
            words = stripped.split(None, 2)
            if len(words) == 3 and words[1].lower() in _HEADER_KINDS:
                text = words[2]  # the text runs to the next line holding its first character
                if text.count(text[0]) == 1:
                    self.banner_open = text[0]
                self.ignored += 1
                return None
        return super().prepare(raw, lineno)

    def _in_ctx(self, ctx: Ctx, stripped: str, lineno: int, fallback: bool) -> bool:
        if ctx.kind == "object-group" and not fallback and stripped.lower() != "quit":
            # members are numbered (`0 network subnet …`, `10 service tcp …`): no keyword
            tokens, low = stripped.split(), stripped.lower().split()
            if low[0] in ("description", "security-zone"):
                self.ignored += 1
                return True
            self.og_line(ctx.targets[0], tokens, low, self.src(lineno, stripped))
            return True
        if ctx.kind == "security-policy" and stripped.lower() != "quit":
            # a rule's lines follow its `rule N name X` line in the same block
            tokens, low = stripped.split(), stripped.lower().split()
            if fallback and low[0] != "rule" and not self.security_rules:
                return False
            if not self.sp_line(tokens, low, self.src(lineno, stripped)):
                self.unrecognized(lineno, stripped)
            return True
        return super()._in_ctx(ctx, stripped, lineno, fallback)

    def apply(self, ctx: Ctx, entry, tokens, low, src: Src) -> bool:
        """VRP's; a line a block handler understands and leaves (``vrrp vrid 1
        authentication-mode simple plain X``) has its secrets collected, as an ignored
        line's are."""
        ignored = False
        try:
            for target in ctx.targets:
                ignored = bool(entry(self, target, tokens, low, src)) or ignored
        except Unknown:
            return False
        if ignored:
            self.ignore_line(tokens, low)  # counted, its secrets collected
        return True

    def ctx_partial(self, ctx: Ctx, reason: str, src: Src) -> None:
        if ctx.kind == "line-class":
            self.line_class = self.line_class or src
            return
        super().ctx_partial(ctx, reason, src)

    def h_version(self, tokens, low, src):
        """`` version 7.1.064, Release 0427P22``: the release (V7 or V5)."""
        m = _VERSION.match(" ".join(tokens))
        if m is None:
            raise Unknown
        self.v7, self.v5 = m.group(1) == "7", m.group(1) == "5"
        self.dev.os_version = self.facts.software_version = f"{m.group(1)}.{m.group(2)} {m.group(3)}"
        self.version_src = src

    def h_line(self, tokens, low, src):
        if low[0] == "line":
            self.v7 = True  # `line vty` is V7's (V5 writes `user-interface vty`)
        super().h_line(tokens, low, src)

    def h_packet_filter(self, tokens, low, src):
        """``packet-filter default deny`` (system view): a packet no rule of an applied
        ACL matches is denied; other system-view forms are not modelled (partial)."""
        if low == ["packet-filter", "default", "deny"]:
            self.pf_default_deny = src
            return
        if low[0] == "undo":
            if low[1:] == ["packet-filter", "default", "deny"]:
                self.pf_default_deny = None  # back to permit (a hand-made file)
            self.ignored += 1
            return
        self.rep.add_partial("packet-filter", Text("input.comware.packet_filter_global"), src)
        self.ctx = IGNORE_CTX

    def h_v5_firewall(self, tokens, low, src):
        """Comware V5 routers' firewall (``firewall enable``, ``firewall default
        permit|deny``, ``firewall zone …``, ``interzone policy …``): its default action and
        rules decide what every interface forwards — not modelled, every interface partial
        (convert)."""
        self.v5_firewall = self.v5_firewall or src
        self.rep.add_partial(" ".join(tokens[:2]), Text("input.comware.v5_firewall"), src)
        self.ctx = IGNORE_CTX

    def h_dhcp_pool(self, tokens, low, src):
        """``dhcp server ip-pool NAME``: a DHCP address pool; its ``gateway-list`` and
        ``network N mask M`` lines name the segment it serves (VRP's ``ip pool`` lines)."""
        if len(tokens) != 4:
            raise Unknown
        self.dhcp_pool = self.dhcp_pool or src
        self.dhcp_pools.append(tokens[3])
        self.ctx = Ctx("pool", None, [tokens[3]], " ".join(tokens), src)


# =========================================================================== dispatch tables


P = ComwareParser

TOP_TABLE = table(
    ignored=TOP_IGNORED,
    partial=TOP_PARTIAL,
    handlers={
        "sysname": P.h_hostname,
        "version": P.h_version,
        "interface": P.h_interface,
        "int": P.h_interface,  # as typed in a hand-made file (`int range …`)
        "vlan": P.h_vlan,
        "acl": P.h_acl,
        "ip route-static": P.h_route_static,
        "ip vpn-instance": P.h_vpn_instance,
        "ospf": P.h_dynamic,
        "bgp": P.h_dynamic,
        "rip": P.h_dynamic,
        "isis": P.h_dynamic,
        "telnet": P.h_telnet,
        "undo telnet": P.h_telnet,
        "ssh server": P.h_ssh,
        "undo ssh server": P.h_ssh,
        "ssh-server": P.h_ssh_server_source,
        "undo ssh-server": P.h_ssh_server_source,
        "ip http": P.h_ip_http,
        "ip https": P.h_ip_http,
        "undo ip http": P.h_ip_http,
        "undo ip https": P.h_ip_http,
        "netconf": P.h_netconf,
        "undo netconf": P.h_netconf,
        "ftp": P.h_ftp,
        "undo ftp": P.h_ftp,
        "snmp-agent": P.h_snmp,
        "undo snmp-agent": P.h_snmp,
        "line": P.h_line,
        "user-interface": P.h_line,
        "local-user": P.h_local_user,
        "dhcp enable": P.h_dhcp,
        "dhcp server ip-pool": P.h_dhcp_pool,
        "dns proxy": P.h_dns,
        "nat": P.h_nat,
        "packet-filter": P.h_packet_filter,
        "undo packet-filter": P.h_packet_filter,
        "undo acl": P.h_undo_acl,
        "undo zone-pair": P.h_undo_zone_pair,
        "firewall": P.h_v5_firewall,
        "interzone": P.h_v5_firewall,
        "zone": P.h_v5_firewall,
        "security-zone": P.h_security_zone,
        "zone-pair": P.h_zone_pair,
        "object-policy": P.h_object_policy,
        "object-group": P.h_object_group,
        "security-policy": P.h_security_policy,
    },
)

IFACE_TABLE = table(
    ignored=IFACE_IGNORED,
    partial=IFACE_PARTIAL,
    handlers={
        "description": P.if_description,
        "shutdown": P.if_shutdown,
        "undo shutdown": P.if_shutdown,
        "ip address": P.if_ip_address,
        "undo ip address": P.if_undo_ip_address,
        "port link-mode": P.if_link_mode,
        "port link-type": P.if_link_type,
        "port access vlan": P.if_access_vlan,
        "port trunk": P.if_port_trunk,
        "undo port trunk": P.if_port_trunk,
        "port hybrid": P.if_port_hybrid,
        "undo port hybrid": P.if_port_hybrid,
        "port link-aggregation": P.if_link_aggregation,
        "ip binding vpn-instance": P.if_vpn_instance,
        "vlan-type": P.if_vlan_type,
        "packet-filter": P.if_packet_filter,
        "undo packet-filter": P.if_undo_packet_filter,
        "nat outbound": P.if_nat_outbound,
        "nat server": P.if_nat_server,
        "vrrp": P.if_vrrp,
        "pppoe-client": P.if_pppoe_client,
        "ip urpf": P.if_urpf,
        "ospf": P.if_routing_protocol,
        "rip": P.if_routing_protocol,
        "isis": P.if_routing_protocol,
    },
)

VLAN_TABLE = table(ignored=VLAN_IGNORED, partial=VLAN_PARTIAL, handlers={"name": P.vlan_name})

UI_TABLE = table(
    ignored=LINE_IGNORED,
    handlers={
        "acl": P.ui_acl,
        "undo acl": P.ui_undo_acl,
        "protocol inbound": P.ui_protocol,
        "authentication-mode": P.ui_auth,
    },
)

_LINE_CLASS_WHY = Text("input.comware.line_class_line")
LINE_CLASS_TABLE = table(
    ignored=LINE_IGNORED,
    partial={"acl": _LINE_CLASS_WHY, "protocol inbound": _LINE_CLASS_WHY, "authentication-mode": _LINE_CLASS_WHY},
)

ACL_TABLE = table(
    ignored=["description"], handlers={"rule": P.acl_rule, "undo rule": P.acl_undo_rule, "step": P.acl_step}
)

LOCAL_USER_TABLE = table(
    ignored=[
        "authorization-attribute",
        "password-control",
        "group",
        "state",
        "validity-datetime",
        "access-limit",
        "bind-attribute",
        "description",
        "level",
        "undo",
    ],
    handlers={"service-type": P.lu_service_type, "password": P.lu_password},
)

ZONE_TABLE = table(ignored=["description"], handlers={"import": P.zone_import, "undo import": P.zone_import})

ZONE_PAIR_TABLE = table(
    ignored=["description", "aspf apply"],
    handlers={"packet-filter": P.pair_packet_filter, "object-policy": P.pair_object_policy},
)

OBJECT_POLICY_TABLE = table(ignored=["description"], handlers={"rule": P.op_rule})

OBJECT_GROUP_TABLE: dict = {}  # its lines are read by ComwareParser._in_ctx (numbered members)

NAT_GROUP_TABLE = table(ignored=["port-range", "port-block"], handlers={"address": P.group_address})

P.TOP_TABLE, P.IFACE_TABLE, P.VLAN_TABLE, P.UI_TABLE = TOP_TABLE, IFACE_TABLE, VLAN_TABLE, UI_TABLE
P.ACL_TABLE, P.ZONE_TABLE, P.ZONE_PAIR_TABLE = ACL_TABLE, ZONE_TABLE, ZONE_PAIR_TABLE
P.OBJECT_POLICY_TABLE, P.OBJECT_GROUP_TABLE = OBJECT_POLICY_TABLE, OBJECT_GROUP_TABLE
P.LINE_CLASS_TABLE, P.LOCAL_USER_TABLE, P.NAT_GROUP_TABLE = LINE_CLASS_TABLE, LOCAL_USER_TABLE, NAT_GROUP_TABLE
