"""Cisco IOS / IOS-XE parser: the one parser class and its dispatch tables.

:class:`IosParser` is :class:`~netaudit.parsers.base.LineParser` (the neutral line
dispatch, ``no`` as the negation keyword) with the IOS comment and banner rules, the
IOS secret grammar, and the readers and the conversion of this package as mixins.
The keyword lists are in :mod:`.syntax`; the tables binding them to handlers are at
the end of this module.
"""

from __future__ import annotations

import re

from netaudit.messages import Text
from netaudit.model import Src
from netaudit.parsers.base import Ctx, Unknown, table
from netaudit.parsers.cisco_common import capture_markup
from netaudit.parsers.cisco_ios.acls import AclReader
from netaudit.parsers.cisco_ios.broadcasts import BroadcastReader
from netaudit.parsers.cisco_ios.convert import ModelBuilder
from netaudit.parsers.cisco_ios.copp import CoppReader
from netaudit.parsers.cisco_ios.crypto import CryptoReader
from netaudit.parsers.cisco_ios.interfaces import InterfaceReader
from netaudit.parsers.cisco_ios.management import ManagementReader
from netaudit.parsers.cisco_ios.nat import NatReader
from netaudit.parsers.cisco_ios.reasons import line_unread
from netaudit.parsers.cisco_ios.routing import RoutingReader
from netaudit.parsers.cisco_ios.syntax import (
    IFACE_IGNORED,
    IFACE_PARTIAL,
    KEY_GRAMMAR,
    LINE_IGNORED,
    SECRET_WORDS,
    TOP_IGNORED,
    VLAN_IGNORED,
    VLAN_PARTIAL,
    VPDN_IGNORED,
    VPDN_PARTIAL,
    secret_after,
)
from netaudit.parsers.cisco_ios.vpdn import VpdnReader
from netaudit.parsers.cisco_ios.zone_firewall import ZoneReader


class IosParser(
    ModelBuilder,
    AclReader,
    InterfaceReader,
    RoutingReader,
    NatReader,
    ManagementReader,
    CryptoReader,
    CoppReader,
    VpdnReader,
    BroadcastReader,
    ZoneReader,
):
    """One pass over the lines (:meth:`~netaudit.parsers.base.LineParser.run`), then
    :meth:`~.convert.ModelBuilder.finish` resolves cross-references."""

    # ------------------------------------------------------------------ secrets

    def scan_secrets(self, tokens: list[str], low: list[str]) -> None:
        """Collect secrets from a line we otherwise ignore (routing-protocol
        passwords, key-strings, RADIUS/TACACS keys, pre-shared keys …)."""
        for i, w in enumerate(low):
            if w not in SECRET_WORDS:
                continue
            if w == "pre-shared-key":
                if "key" not in low[i + 1 :]:
                    self.add_secret(tokens[-1])
                continue
            if w in ("wpa-psk", "set-key"):  # IOS-XE WLAN: security wpa psk set-key ascii 0 X
                j = i + 1
                while j < len(low) and low[j] in ("ascii", "hex", "0", "7", "8"):
                    j += 1
                if j < len(tokens):
                    self.add_secret(tokens[j])
                continue
            if w == "key" and i + 1 < len(low) and low[i + 1] in KEY_GRAMMAR:
                # crypto key import rsa L [pem] … terminal|url U PASSPHRASE; key chain …
                if low[i + 1] == "import":
                    for j in range(i + 2, len(low) - 1):
                        if low[j] == "terminal" or (low[j] == "url" and j + 2 < len(low)):
                            self.add_secret(tokens[j + 1 if low[j] == "terminal" else j + 2])
                            break
                continue
            self.add_secret(secret_after(tokens, i))

    def ctx_partial(self, ctx: Ctx, reason: str, src: Src) -> None:
        if ctx.kind == "interface":
            for st in ctx.targets:
                self.iface_partial(st.iface, reason, src)
        elif ctx.kind in ("vpdn-group", "vpdn-template"):
            self.vpdn_doubt(ctx, reason, src)
        else:
            self.rep.add_partial(ctx.label or ctx.kind, reason, src)

    # ------------------------------------------------------------------ main loop

    def prepare(self, raw: str, lineno: int) -> str | None:
        if self.banner is not None or self.banner_pending is not None:
            self._banner_line(raw, lineno)
            return None
        stripped = raw.strip()
        if not stripped:
            self.ignored += 1
            return None
        if stripped[0] == "!":
            self.ignored += 1
            if raw[0] == "!":
                self.ctx = None  # a column-0 "!" ends the block (helps de-indented input)
            return None
        if raw[0] not in " \t" and capture_markup(stripped):
            self.ignored += 1  # a terminal capture's prompt and command, a note's code fence
            self.ctx = None
            return None
        return stripped

    def end_of_input(self) -> None:
        if self.banner is not None or self.banner_pending is not None:
            start = self.banner_src or self.banner_pending
            assert start is not None  # an open banner always has its source line
            self.rep.warnings.append(
                Text("input.at", where=f"{self.file}:{start.line}", what=Text("input.banner_never_closed"))
            )
        self.finish()

    def _banner_line(self, raw: str, lineno: int) -> None:
        self.ignored += 1
        if self.banner_pending is not None:  # delimiter is the first char of this line
            text = raw.strip()
            if not text:
                return
            self.banner_src, self.banner_pending = self.banner_pending, None
            delim = "^C" if text.startswith("^C") else text[0]
            if delim not in text[len(delim) :]:
                self.banner = delim
            return
        if self.banner is not None and self.banner in raw:
            self.banner = None

    def fast_line(self, tokens: list[str], stripped: str, lineno: int) -> None:
        self._numbered_acl(tokens, stripped, lineno)

    def _in_ctx(self, ctx: Ctx, stripped: str, lineno: int, fallback: bool) -> bool:
        if ctx.kind == "acl":
            return self._acl_entry(ctx.targets[0], stripped, lineno, fallback)
        if ctx.kind == "acl-refs":
            return self.acl_refs_line(stripped, lineno, fallback)
        if ctx.kind == "policy-map":
            return self.policy_map_line(ctx.targets[0], stripped, lineno, fallback)
        if ctx.kind == "control-plane":
            try:
                return self.control_plane_line(stripped, lineno, fallback)
            except Unknown:
                return False
        if ctx.kind in ("zone", "zone-pair"):
            return self.zone_line(ctx, stripped, lineno, fallback)
        if ctx.kind == "dhcp-pool":
            return self.dhcp_pool_line(stripped, fallback)
        known = super()._in_ctx(ctx, stripped, lineno, fallback)
        if not known and not fallback and ctx.kind in ("vpdn-group", "vpdn-template"):
            # What the line changes about the tunnels it accepts is unknown: their
            # services are partial, never absent (the line is counted unrecognized).
            self.vpdn_doubt(ctx, line_unread(lineno), self.src(lineno, stripped))
        return known

    def apply(self, ctx: Ctx, entry, tokens, low, src: Src) -> bool:
        # Block handlers return True for "understood, nothing to record" so a line is
        # counted once as ignored even when it applies to an interface range.
        ignored = False
        try:
            for target in ctx.targets:
                ignored = bool(entry(self, target, tokens, low, src)) or ignored
        except Unknown:
            return False
        if ignored:
            self.ignored += 1
        return True

    # ------------------------------------------------------------------ global handlers

    def h_version(self, tokens, low, src):
        if len(tokens) < 2:
            raise Unknown
        self.dev.os_version = tokens[1]
        self.version_src = src

    def h_banner(self, tokens, low, src):
        self.ignored += 1
        text = src.text
        # rest = text after "banner" and its type word (motd, login, exec …)
        m = re.match(r"banner\s+\S+\s?(.*)$", text, re.IGNORECASE)
        rest = m.group(1).lstrip() if m else ""
        if not rest:
            self.banner_pending = src
            return
        delim = "^C" if rest.startswith("^C") else rest[0]
        if delim not in rest[len(delim) :]:
            self.banner, self.banner_src = delim, src

    def h_vtp_mode(self, tokens, low, src):
        if len(low) != 3:
            raise Unknown
        self.vtp_mode = low[2]


# =========================================================================== dispatch tables


P = IosParser

TOP_TABLE = table(
    ignored=TOP_IGNORED,
    handlers={
        "hostname": P.h_hostname,
        "version": P.h_version,
        "banner": P.h_banner,
        "service": P.h_service,
        "no service": P.h_service,
        "enable": P.h_enable,
        "username": P.h_username,
        "aaa": P.h_aaa,
        "no aaa": P.h_aaa,
        "cdp": P.h_cdp_lldp,
        "no cdp": P.h_cdp_lldp,
        "lldp": P.h_cdp_lldp,
        "no lldp": P.h_cdp_lldp,
        "logging": P.h_logging,
        "ntp": P.h_ntp,
        "ip source-route": P.h_source_route,
        "no ip source-route": P.h_source_route,
        "ip ssh": P.h_ip_ssh,
        "switch": P.h_switch,
        "ip port-map": P.h_ip_port_map,
        "ip inspect": P.h_ip_inspect,
        "zone security": P.h_zone,
        "ipv6 access-list": P.h_ipv6_access_list,
        "zone-pair": P.h_zone,
        "interface": P.h_interface,
        "ip access-list": P.h_ip_access_list,
        "object-group": P.h_object_group,
        "vlan": P.h_vlan,
        "vtp mode": P.h_vtp_mode,
        "line": P.h_line,
        "router": P.h_router,
        "vrf definition": P.h_vrf_definition,
        "ip vrf": P.h_vrf_definition,
        "ip routing": P.h_ip_routing,
        "no ip routing": P.h_ip_routing,
        "ip default-gateway": P.h_default_gateway,
        "ip route": P.h_ip_route,
        "route-map": P.h_route_map,
        "vstack": P.h_vstack,
        "no vstack": P.h_vstack,
        "ip http": P.h_ip_http,
        "no ip http": P.h_ip_http,
        "ip dns": P.h_ip_dns,
        "no ip dns": P.h_ip_dns,
        "ip dhcp": P.h_ip_dhcp,
        "ip forward-protocol": P.h_forward_protocol,
        "no ip forward-protocol": P.h_forward_protocol,
        "snmp-server": P.h_snmp,
        "ip nat": P.h_ip_nat,
        "crypto": P.h_crypto,
        "no crypto": P.h_crypto,
        "class-map": P.h_class_map,
        "policy-map": P.h_policy_map,
        "control-plane": P.h_control_plane,
        "vpdn": P.h_vpdn,
        "no vpdn": P.h_vpdn,
        "vpdn-group": P.h_vpdn_group,
        "vpdn-template": P.h_vpdn_template,
    },
)
IFACE_TABLE = table(
    ignored=IFACE_IGNORED,
    partial=IFACE_PARTIAL,
    handlers={
        "description": P.if_description,
        "ip address": P.if_ip_address,
        "no ip address": P.if_no_ip_address,
        "ip unnumbered": P.if_unnumbered,
        "shutdown": P.if_shutdown,
        "no shutdown": P.if_shutdown,
        # as typed into a lab's hand-assembled config (show running-config never abbreviates)
        "shut": P.if_shutdown,
        "no shut": P.if_shutdown,
        "ip access-group": P.if_access_group,
        "ip verify": P.if_verify,
        "ip policy": P.if_policy,
        "ip nat inside": P.if_nat,
        "ip nat outside": P.if_nat,
        "ip vrf": P.if_vrf,
        "vrf": P.if_vrf,
        "standby": P.if_standby,
        "vrrp": P.if_vrrp,
        "address": P.if_vrrp3_address,
        "switchport": P.if_switchport,
        "no switchport": P.if_no_switchport,
        "encapsulation": P.if_encapsulation,
        "channel-group": P.if_channel_group,
        "ip ospf": P.if_routing_protocol,
        "ipv6 ospf": P.if_routing_protocol,
        "ospfv3": P.if_routing_protocol,  # OSPFv3 address families: `ospfv3 1 ipv4 area 0`
        "ip eigrp": P.if_routing_protocol,
        "ip rip": P.if_routing_protocol,
        "ppp": P.if_secret_ignored,
        "pppoe": P.if_pppoe,
        "pppoe-client": P.if_pppoe_client,
        "ip authentication": P.if_secret_ignored,
        "crypto map": P.if_crypto_map,
        "tunnel protection": P.if_tunnel_protection,
        "crypto ipsec": P.if_crypto_ipsec,
        "ip helper-address": P.if_helper_address,
        "zone-member security": P.if_zone_member,
        "ip inspect": P.if_inspect,
    },
)

LINE_TABLE = table(
    ignored=LINE_IGNORED,
    handlers={
        "transport input": P.line_transport,
        "access-class": P.line_access_class,
        "password": P.line_password,
        "no login": P.line_no_login,
    },
)

VPDN_TABLE = table(
    ignored=VPDN_IGNORED,
    partial=VPDN_PARTIAL,
    handlers={
        "accept-dialin": P.vd_accept,
        "accept-dialout": P.vd_accept,
        "accept dialin": P.vd_accept,
        "accept dialout": P.vd_accept,
        "request-dialin": P.vd_request,
        "request-dialout": P.vd_request,
        "request dialin": P.vd_request,
        "request dialout": P.vd_request,
        "protocol": P.vd_protocol,
    },
)

VLAN_TABLE = table(ignored=VLAN_IGNORED, partial=VLAN_PARTIAL, handlers={"name": P.vlan_name})

ROUTEMAP_TABLE = table(
    ignored=["description", "continue", "exit"],
    handlers={"match ip": P.rm_match_ip, "match": P.rm_match, "set": P.rm_set},
)


class _OgTable(dict):
    """Dispatch table for object-group bodies: every line is an item."""

    def get(self, key, default=None):
        return P.og_item


OG_TABLE = _OgTable()

P.TOP_TABLE, P.IFACE_TABLE, P.LINE_TABLE, P.VLAN_TABLE = TOP_TABLE, IFACE_TABLE, LINE_TABLE, VLAN_TABLE
P.ROUTEMAP_TABLE, P.OG_TABLE, P.VPDN_TABLE = ROUTEMAP_TABLE, OG_TABLE, VPDN_TABLE
