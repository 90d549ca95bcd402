"""Cisco ASA management plane as it is read: ``http`` / ``ssh`` / ``telnet`` lines,
``icmp`` rules, SNMP pollers, ``webvpn``, ``management-access``, DHCP server and relay.
The services and their synthesized ACLs are built in :mod:`.services`.
"""

from __future__ import annotations

from netaudit.messages import Text
from netaudit.model import Action, AddrMatch, Src
from netaudit.parsers.base import IGNORE_CTX, Ctx, Unknown
from netaudit.parsers.cisco_asa.objects import Ref, icmp_type_of, is_v6, prefix_match, resolve_ip
from netaudit.parsers.cisco_asa.state import AsaState, MgmtCmd
from netaudit.parsers.ip import ip_to_int, mask_to_len


class ManagementReader(AsaState):
    """Management-plane global lines and the ``webvpn`` block."""

    def h_http(self, tokens, low, src):
        n = len(low)
        if n >= 3 and low[1] == "server" and low[2] == "enable":
            port = 443
            if n >= 4:
                if not low[3].isdecimal():
                    raise Unknown
                port = int(low[3])
            self.http_server = (port, src)
            return
        if n == 4 and low[1] not in ("redirect", "authentication-certificate", "server"):
            self._mgmt_line("http", tokens, src)
            return
        self.ignored += 1

    def h_ssh(self, tokens, low, src):
        n = len(low)
        if n >= 3 and low[1] == "version":
            return  # recognized (not counted as ignored), nothing to record
        if n == 4 and (ip_to_int(tokens[1]) is not None or tokens[1] in self.names):
            self._mgmt_line("ssh", tokens, src)
            return
        if n == 3 and is_v6(tokens[1]):
            self.ignored += 1
            return
        self.ignored += 1  # timeout, key-exchange, cipher, scopy, stricthostkeycheck …

    def h_telnet(self, tokens, low, src):
        n = len(low)
        if n == 4 and (ip_to_int(tokens[1]) is not None or tokens[1] in self.names):
            self._mgmt_line("telnet", tokens, src)
            return
        self.ignored += 1  # telnet timeout N, IPv6 forms

    def _mgmt_line(self, proto: str, tokens, src: Src) -> None:
        if is_v6(tokens[1]):
            self.ignored += 1
            return
        ip = resolve_ip(tokens[1], self.names)
        mask = ip_to_int(tokens[2])
        if ip is None or mask is None or mask_to_len(mask) is None:
            raise Unknown
        net = None if mask == 0 else prefix_match(ip, mask)
        self.mgmt.append(MgmtCmd(proto, Action.PERMIT, net, tokens[3], src))

    def h_icmp(self, tokens, low, src):
        n = len(low)
        if n < 2 or low[1] not in ("permit", "deny"):
            self.ignored += 1  # icmp unreachable rate-limit …
            return
        action = Action.PERMIT if low[1] == "permit" else Action.DENY
        if n < 4:
            raise Unknown
        nameif = tokens[-1]
        body = tokens[2:-1]
        if not body:
            raise Unknown
        i = 0
        if body[0].lower() == "any":
            net, i = None, 1
        elif body[0].lower() == "host" and len(body) > 1:
            if is_v6(body[1]):
                self.ignored += 1
                return
            ip = resolve_ip(body[1], self.names)
            if ip is None:
                raise Unknown
            net, i = AddrMatch(ip, 0), 2
        else:
            if is_v6(body[0]):
                self.ignored += 1
                return
            ip = resolve_ip(body[0], self.names)
            mask = ip_to_int(body[1]) if len(body) > 1 else None
            if ip is None or mask is None or mask_to_len(mask) is None:
                raise Unknown
            net, i = (None if mask == 0 else prefix_match(ip, mask)), 2
        icmp = None
        if i < len(body):
            got = icmp_type_of(body, i)
            if got is None or got[2] != len(body):
                raise Unknown
            icmp = (got[0], got[1])
        self.mgmt.append(MgmtCmd("icmp", action, net, nameif, src, icmp))

    def h_snmp(self, tokens, low, src):
        self.ctx = IGNORE_CTX
        n = len(low)
        if n >= 3 and low[1] == "community":
            self.add_secret(tokens[2] if low[2] not in ("0", "8") or n < 4 else tokens[3])
            return
        if n >= 4 and low[1] in ("host", "host-group"):
            poll = "trap" not in low[4:] or "poll" in low[4:]
            if "community" in low:
                j = low.index("community") + 1
                if j < n and low[j] in ("0", "8") and j + 1 < n:
                    j += 1
                if j < n:
                    self.add_secret(tokens[j])
            if low[1] == "host":
                ip = resolve_ip(tokens[3], self.names)
                if ip is None:
                    if is_v6(tokens[3]):
                        self.ignored += 1
                        return
                    raise Unknown
                self.snmp_hosts.append((tokens[2], AddrMatch(ip, 0), poll, src))
            else:
                self.snmp_hosts.append((tokens[2], Ref("object", tokens[3]), poll, src))
            return
        if n >= 3 and low[1] == "user":
            self.scan_secrets(tokens, low)
        self.ignored += 1

    def h_webvpn(self, tokens, low, src):
        self.ignored += 1
        self.ctx = Ctx("webvpn", self.WEBVPN_TABLE, [None], "webvpn")

    def wv_enable(self, _target, tokens, low, src):
        if len(tokens) < 2:
            raise Unknown
        self.vpn_listen.append(("webvpn", tokens[1], src))

    def wv_port(self, _target, tokens, low, src):
        if len(low) < 2 or not low[1].isdecimal():
            raise Unknown
        self.webvpn_port = int(low[1])

    def h_management_access(self, tokens, low, src):
        if len(tokens) < 2:
            raise Unknown
        self.facts.management_access.append(src)
        self.rep.add_partial("management-access", Text("input.asa.management_access", nameif=tokens[1]), src)

    def h_dhcpd(self, tokens, low, src):
        if len(low) >= 3 and low[1] == "enable":
            self.dhcpd.append((tokens[2], src))
        else:
            self.ignored += 1

    def h_dhcprelay(self, tokens, low, src):
        if len(low) >= 3 and low[1] == "enable":
            self.dhcprelay.append((tokens[2], src))
        else:
            self.ignored += 1
