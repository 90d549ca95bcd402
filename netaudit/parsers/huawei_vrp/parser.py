"""Huawei VRP parser: the one parser class and its dispatch tables.

:class:`VrpParser` is :class:`~netaudit.parsers.base.LineParser` (the neutral line
dispatch, ``undo`` as the negation keyword) with VRP's comment rules (``#`` separators,
the ``!Software Version`` header, terminal prompts ``<HOST>`` / ``[HOST]``), its secret
grammar, and the readers and the conversion of this package as mixins.  The keyword
lists are in :mod:`.syntax`; the tables binding them to handlers are at the end.
"""

from __future__ import annotations

import re

from netaudit.messages import Text
from netaudit.model import Src
from netaudit.parsers.base import IGNORE_CTX, Ctx, Unknown, join_reasons, table
from netaudit.parsers.huawei_vrp.acls import AclReader
from netaudit.parsers.huawei_vrp.convert import ModelBuilder
from netaudit.parsers.huawei_vrp.interfaces import InterfaceReader
from netaudit.parsers.huawei_vrp.management import ManagementReader
from netaudit.parsers.huawei_vrp.nat import NatReader
from netaudit.parsers.huawei_vrp.routing import RoutingReader
from netaudit.parsers.huawei_vrp.syntax import (
    IFACE_IGNORED,
    IFACE_PARTIAL,
    NOT_SECRETS,
    SECRET_WORDS,
    TOP_IGNORED,
    TOP_PARTIAL,
    UI_IGNORED,
    VLAN_IGNORED,
    VLAN_PARTIAL,
    canonical_ifname,
    is_ifname,
    secret_after,
)
from netaudit.parsers.huawei_vrp.wlan import WlanReader

# A terminal capture's prompt and command: `<HN-SW01>display current-configuration`,
# `[HN-SW01]display this`; and the pager's `---- More ----` left in a copied screen.
_PROMPT = re.compile(r"^(?:<[^<>\s]+>|\[[~*]?[^\[\]\s]+\]).*$")
# The code fences around a configuration kept in a Markdown note (```, ```text …).
_FENCE = re.compile(r"```[\w+-]*$")
# The markers around a VRP cipher text (`%^%#…%^%#`, `%@%@…%@%@`, `%$%$…%$%$`).
_CIPHER_MARKERS = ("%^%#", "%@%@", "%$%$")
_MORE = re.compile(r"\s*-+ More -+\s*(?:\x1b\[\d+D)?")
_VERSION = re.compile(r"^(?:!\s*Software Version\s+(\S+)|\[(V\d{3}R\d{3}\w*)\])$", re.I)
# AR routers write their one-line global commands indented by one space (` sysname AR`):
# a line is the open block's only when it is indented deeper than the line that opened it.
_TOP = Ctx("top")
# `local-aaa-user password policy administrator` and the lines of its block (`password
# history record number 0`, `password expire 90`, `password alert …`): settings, no secret.
PASSWORD_POLICY = frozenset({"policy", "history", "expire", "alert", "min-length", "complexity-check"})


class VrpParser(ModelBuilder, AclReader, InterfaceReader, RoutingReader, NatReader, ManagementReader, WlanReader):
    """One pass over the lines (:meth:`~netaudit.parsers.base.LineParser.run`), then
    :meth:`~.convert.ModelBuilder.finish` resolves cross-references."""

    SECRET_WORDS = SECRET_WORDS
    NOT_SECRETS = NOT_SECRETS
    MASKED_NOT_SECRET = True

    def scan_secrets(self, tokens: list[str], low: list[str]) -> None:
        """Collect the secrets of a line: the value after ``cipher`` /
        ``irreversible-cipher`` / ``simple``, a community, a pass-phrase, a key."""
        if low[:1] == ["ssh"]:
            return  # `ssh server|client cipher aes256_ctr …`: algorithms, never a secret
        for i, w in enumerate(low):
            if w in SECRET_WORDS and not (w == "password" and low[i + 1 : i + 2] and low[i + 1] in PASSWORD_POLICY):
                self.add_secret(secret_after(tokens, i))

    def ctx_partial(self, ctx: Ctx, reason: str, src: Src) -> None:
        if ctx.kind == "interface":
            for st in ctx.targets:
                self.iface_partial(st.iface, reason, src)
        else:
            self.rep.add_partial(ctx.label or ctx.kind, reason, src)

    # The marker of a cipher text left open at the end of the last line: a copied screen
    # wrapped the line inside it (`… pass-phrase %^%#BS81…` / `%^%# aes`).
    cipher_open: str | None = None

    # The delimiter of a login banner left open (`header login information "` … `"`): the
    # lines up to the one that closes it are the banner's text, never commands.
    banner_open: str | None = None

    def prepare(self, raw: str, lineno: int) -> str | None:
        if "More" in raw and "----" in raw:
            raw = _MORE.sub("", raw)
        stripped = raw.strip()
        if self.banner_open is not None:
            if self.banner_open in stripped:
                self.banner_open = None
            self.ignored += 1
            return None
        if not stripped:
            self.ignored += 1
            return None
        if stripped[:6].lower() == "header":  # (not every line split for it)
            words = stripped.split(None, 3)
            if words[0].lower() == "header" and len(words) == 4 and words[2].lower() == "information":
                text = words[3]  # `header login|shell|incoming information TEXT`: TEXT between
                if text.count(text[0]) == 1:  # two of its first character
                    self.banner_open = text[0]
        if self.cipher_open is not None:
            marker, self.cipher_open = self.cipher_open, None
            end = stripped.find(marker)
            if end >= 0 and " " not in stripped[:end]:
                # the rest of the cipher text and of the wrapped line: read with it
                self.add_secret(stripped[:end] or None)
                self.ignored += 1
                return None
        if "%" in stripped:  # (every marker starts with it)
            for marker in _CIPHER_MARKERS:
                if marker in stripped and stripped.count(marker) % 2:
                    self.cipher_open = marker
        first = raw[0]
        if stripped[0] == "#":
            self.ignored += 1
            if first == "#":
                self.ctx = None  # a column-0 "#" ends the block
            return None
        m = _VERSION.match(stripped) if stripped[0] in "![" else None
        if m:
            self.ignored += 1
            self.dev.os_version = self.facts.software_version = m.group(1) or m.group(2)
            self.version_src = self.src(lineno, stripped)
            return None
        if stripped[0] == "!":
            self.ignored += 1
            return None
        if first not in " \t" and (_PROMPT.match(stripped) or _FENCE.match(stripped)):
            self.ignored += 1  # a terminal capture's prompt and command, a note's code fence
            self.ctx = None
            return None
        self.indent = len(raw) - len(raw.lstrip(" \t"))
        if self.indent == 0:
            self.ctx_indent = 0
        elif self.ctx is None or self.indent <= self.ctx_indent:
            self.ctx = _TOP
        return stripped

    ctx_indent = 0  # the indentation of the line that opened the current block

    def _in_ctx(self, ctx: Ctx, stripped: str, lineno: int, fallback: bool) -> bool:
        if ctx is _TOP:
            self.ctx = None
            self.ctx_indent = self.indent
            self._top(stripped, lineno)
            return True
        kind = ctx.kind
        if kind == "aaa" and not fallback:
            self.aaa_line(stripped)
            return True
        if kind == "wlan" and not fallback:
            self.wlan_line(stripped)
            return True
        if kind == "pool" and not fallback:
            self.pool_line(ctx, stripped)
            return True
        if kind == "behavior" and not fallback:
            tokens, low = stripped.split(), stripped.lower().split()
            src = self.src(lineno, stripped)
            if self.beh_action(ctx.targets[0], tokens, low, src):
                self.ignored += 1
            return True
        if len(stripped) == 4 and stripped.lower() == "quit":  # a saved file's block end
            self.ignored += 1
            self.ctx = None
            return True
        understood = super()._in_ctx(ctx, stripped, lineno, fallback)
        if not understood and not fallback and ctx.kind in ("acl", "classifier", "policy", "ui"):
            # What the line adds is unknown: what the block decides is too (an ACL whose
            # rule was not read is never "without rules", which would filter nothing).
            why = Text("input.vrp.line_unread", line=lineno)
            target = ctx.targets[0]
            if ctx.kind in ("acl", "ui"):
                target.partial = join_reasons((target.partial, why))
            else:
                self.unread_mqc.append((ctx.label, why))
            self.rep.add_partial(ctx.label, why, self.src(lineno, stripped))
        return understood

    def h_firewall_zone(self, tokens, low, src):
        """``firewall zone Local`` (``priority 15``): present in every AR configuration,
        no policy without an interzone; any other zone (a stateful inter-zone policy
        between interfaces) is not modelled, and the interfaces its ``add interface``
        lines name (the USG form of an interface's ``zone`` line) are partial."""
        if low[2:3] == ["local"]:
            self.ctx = IGNORE_CTX
            self.ignored += 1
            return
        label = " ".join(tokens[:3])
        self.ctx = Ctx("zone", self.ZONE_TABLE, [label], label, src)
        self.rep.add_partial(label, Text("input.vrp.firewall_zones"), src)

    def h_security_policy(self, tokens, low, src):
        """``security-policy`` (a USG): its rules decide everything the firewall forwards
        or answers, an interface in no zone passing nothing; not modelled, so every
        interface is partial (resolved in :meth:`finish`)."""
        if len(low) != 1:
            raise Unknown
        self.ctx = IGNORE_CTX
        self.security_policy, self.security_policy_why = src, Text("input.vrp.security_policy")
        self.rep.add_partial("security-policy", self.security_policy_why, src)

    def h_policy_interzone(self, tokens, low, src):
        """``policy interzone trust untrust outbound`` (a USG before V500, V100R/V300R): the
        older form of ``security-policy``, inter-zone rules deciding everything the firewall
        forwards, an interface in no zone passing nothing — every interface partial, as
        for :meth:`h_security_policy`."""
        if len(low) != 5 or low[4] not in ("inbound", "outbound"):
            raise Unknown
        self.ctx = IGNORE_CTX
        why = Text("input.vrp.policy_interzone")
        if self.security_policy is None:
            self.security_policy, self.security_policy_why = src, why
        self.rep.add_partial(" ".join(tokens), why, src)

    def zone_add_interface(self, label: str, tokens, low, src):
        """``add interface NAME`` in a ``firewall zone`` block: what the zone's policy
        does to the interface's packets is not modelled (resolved in :meth:`finish`)."""
        name = canonical_ifname(" ".join(tokens[2:]))
        if len(tokens) < 3 or not is_ifname(name):
            raise Unknown
        self.zone_members.append((name, src))

    def zone_set_priority(self, label: str, tokens, low, src):
        """``set priority N`` in a ``firewall zone`` block: written by a USG only (an AR
        writes ``priority N``).  On a USG an interface in no zone forwards nothing and the
        policy between zones decides the rest: every interface is partial, as with
        ``security-policy`` (resolved in :meth:`finish`), even where no policy is written
        (the default between zones is deny)."""
        if len(low) != 3 or not low[2].isdecimal():
            raise Unknown
        if self.usg_zone is None:
            self.usg_zone = src
        return True

    def apply(self, ctx: Ctx, entry, tokens, low, src: Src) -> bool:
        # Block handlers return True for "understood, nothing to record".
        ignored = False
        try:
            for target in ctx.targets:
                ignored = bool(entry(self, target, tokens, low, src)) or ignored
        except Unknown:
            return False
        if ignored:
            self.ignored += 1
        return True


# =========================================================================== dispatch tables


P = VrpParser

TOP_TABLE = table(
    ignored=TOP_IGNORED,
    partial=TOP_PARTIAL,
    handlers={
        "sysname": P.h_hostname,
        "interface": P.h_interface,
        "vlan": P.h_vlan,
        "acl": P.h_acl,
        "traffic classifier": P.h_traffic,
        "traffic behavior": P.h_traffic,
        "traffic policy": P.h_traffic,
        "traffic-filter": P.h_traffic_filter,
        "ip route-static": P.h_route_static,
        "ip vpn-instance": P.h_vpn_instance,
        "ospf": P.h_dynamic,
        "bgp": P.h_dynamic,
        "rip": P.h_dynamic,
        "isis": P.h_dynamic,
        "telnet": P.h_telnet,
        "undo telnet": P.h_telnet,
        "stelnet": P.h_stelnet,
        "undo stelnet": P.h_stelnet,
        "snetconf": P.h_snetconf,
        "undo snetconf": P.h_snetconf,
        "netconf": P.h_netconf,
        "ssh server": P.h_ssh_server,
        "ssh ipv4": P.h_ssh_server,
        "ssh ipv6": P.h_ssh_server,
        "ssh server-source": P.h_ssh_server,
        "undo ssh server-source": P.h_ssh_server,
        "undo ssh server": P.h_ssh_server,
        "undo ssh ipv4": P.h_ssh_server,
        "http": P.h_http,
        "undo http": P.h_http,
        "web-manager": P.h_web_manager,
        "undo web-manager": P.h_web_manager,
        "ftp": P.h_ftp,
        "undo ftp": P.h_ftp,
        "snmp-agent": P.h_snmp,
        "undo snmp-agent": P.h_snmp,
        "user-interface": P.h_user_interface,
        "aaa": P.h_aaa,
        "dhcp enable": P.h_dhcp,
        "ip pool": P.h_ip_pool,
        "dns proxy": P.h_dns,
        "dns relay": P.h_dns,
        "nat": P.h_nat,
        "wlan": P.h_wlan,
        "firewall zone": P.h_firewall_zone,
        "security-policy": P.h_security_policy,
        "policy interzone": P.h_policy_interzone,
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
        "portswitch": P.if_portswitch,
        "undo portswitch": P.if_portswitch,
        "port link-type": P.if_link_type,
        "port default vlan": P.if_default_vlan,
        "port trunk": P.if_port_trunk,
        "undo port trunk": P.if_port_trunk,
        "port hybrid": P.if_port_hybrid,
        "undo port hybrid": P.if_port_hybrid,
        "eth-trunk": P.if_eth_trunk,
        "ip binding vpn-instance": P.if_vpn_instance,
        "dot1q termination": P.if_dot1q,
        "vlan-type dot1q": P.if_vlan_type,
        "traffic-filter": P.if_traffic_filter,
        "traffic-policy": P.if_traffic_policy,
        "nat outbound": P.if_nat_outbound,
        "nat server": P.if_nat_server,
        "nat static": P.if_nat_static,
        "vrrp": P.if_vrrp,
        "dhcp select": P.if_dhcp_select,
        "pppoe-client": P.if_pppoe_client,
        "dialer": P.if_dialer,
        "dialer-group": P.if_dialer,
        "packet-filter": P.if_packet_filter,
        "firewall packet-filter": P.if_packet_filter,
        "ip urpf": P.if_urpf,
        "ospf enable": P.if_routing_protocol,
        "isis enable": P.if_routing_protocol,
        "rip": P.if_routing_protocol,
    },
)

VLAN_TABLE = table(ignored=VLAN_IGNORED, partial=VLAN_PARTIAL, handlers={"name": P.vlan_name})

UI_TABLE = table(
    ignored=UI_IGNORED,
    handlers={"acl": P.ui_acl, "protocol inbound": P.ui_protocol, "authentication-mode": P.ui_auth},
)

NETCONF_TABLE = table(ignored=["idle-timeout", "max-sessions"], handlers={"protocol inbound": P.nc_protocol})

ACL_TABLE = table(ignored=["description"], handlers={"rule": P.acl_rule, "step": P.acl_step})

CLASSIFIER_TABLE = table(ignored=["description", "operator"], handlers={"if-match": P.cls_if_match})

POLICY_TABLE = table(
    ignored=["description", "share-mode", "statistics", "statistic"], handlers={"classifier": P.policy_classifier}
)

# `set priority N` (USG) / `priority N` (AR): the zone's security level, no rule of its own
ZONE_TABLE = table(
    ignored=["priority", "description"],
    handlers={"add interface": P.zone_add_interface, "set priority": P.zone_set_priority},
)

P.TOP_TABLE, P.IFACE_TABLE, P.VLAN_TABLE, P.UI_TABLE = TOP_TABLE, IFACE_TABLE, VLAN_TABLE, UI_TABLE
P.ZONE_TABLE, P.NETCONF_TABLE = ZONE_TABLE, NETCONF_TABLE
P.ACL_TABLE, P.CLASSIFIER_TABLE, P.POLICY_TABLE = ACL_TABLE, CLASSIFIER_TABLE, POLICY_TABLE
