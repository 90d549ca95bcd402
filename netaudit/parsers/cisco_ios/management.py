"""Cisco IOS management plane and hardening settings as they are read: ``line``
blocks (vty transport and access-class), ``ip http``, SNMP, DHCP and DNS servers,
small servers, and the global lines that only feed :class:`.facts.IOSFacts`
(``service``, ``enable``, ``username``, ``aaa``, ``cdp``, ``logging``, ``ntp`` …).
The listening services are built in :mod:`.convert`.
"""

from __future__ import annotations

from netaudit.model import PROTO_TCP, PROTO_UDP
from netaudit.parsers.base import IGNORE_CTX, Ctx, Unknown
from netaudit.parsers.cisco_ios.facts import SnmpCommunity
from netaudit.parsers.cisco_ios.state import IosState, LineBlock
from netaudit.parsers.cisco_ios.syntax import SNMP_ALGORITHMS, secret_after
from netaudit.parsers.ip import ip_to_int, len_to_mask, mask_to_len, prefix_of


class ManagementReader(IosState):
    """Management-plane and hardening lines."""

    # Global lines that only feed hardening facts.  Convention: a line that records
    # something is "recognized"; only the no-effect branches count as ignored.  (A few
    # recognized forms record nothing any more — nothing read them — and still count as
    # recognized, so the line accounting is the same.)

    def h_service(self, tokens, low, src):
        self.ctx = IGNORE_CTX
        neg = low[0] == "no"
        word = low[2] if neg and len(low) > 2 else (low[1] if len(low) > 1 else "")
        if word == "password-encryption":
            self.facts.service_password_encryption = not neg
        elif word == "dhcp":
            self.service_dhcp = not neg
        elif word == "tcp-small-servers" and not neg:
            self.small_servers.append((word, PROTO_TCP, (7, 9, 13, 19), src))
        elif word == "udp-small-servers" and not neg:
            self.small_servers.append((word, PROTO_UDP, (7, 9, 19), src))
        elif word == "finger" and not neg:
            self.small_servers.append(("finger", PROTO_TCP, (79,), src))
        else:
            self.ignored += 1

    def h_enable(self, tokens, low, src):
        if len(low) < 3:
            raise Unknown
        self.add_secret(tokens[-1])
        if low[1] == "password":
            # type 7 is reversible but at least not cleartext; no type / 0 is cleartext
            typ = low[-2] if len(low) >= 4 else "0"
            if typ not in ("5", "7", "8", "9"):
                self.facts.enable_password_plain = src

    def h_username(self, tokens, low, src):
        for i, w in enumerate(low):
            if w in ("password", "secret") and i >= 2:
                self.add_secret(secret_after(tokens, i))
                if w == "password":
                    typ = low[i + 1] if i + 2 < len(low) else "0"
                    if typ not in ("5", "7", "8", "9"):
                        self.facts.username_password_plain.append(src)
                return
        self.ignored += 1  # username … nopassword / autocommand …

    def h_aaa(self, tokens, low, src):
        self.ctx = IGNORE_CTX  # aaa group server … has a body
        self.scan_secrets(tokens, low)
        if low[:2] == ["aaa", "new-model"]:
            self.facts.aaa_new_model = True
        elif low[:3] == ["no", "aaa", "new-model"]:
            self.facts.aaa_new_model = False
        else:
            self.ignored += 1

    def h_cdp_lldp(self, tokens, low, src):
        neg = low[0] == "no"
        words = low[1:] if neg else low
        if len(words) >= 2 and words[1] == "run":
            if words[0] == "cdp":  # `[no] lldp run`: recognized, not recorded
                self.facts.cdp_run = not neg
        else:
            self.ignored += 1

    def h_logging(self, tokens, low, src):
        self.ctx = IGNORE_CTX
        if len(low) >= 2 and (low[1] == "host" or ip_to_int(low[1]) is not None):
            self.facts.logging_hosts.append(src)
        else:
            self.ignored += 1

    def h_ntp(self, tokens, low, src):
        self.ctx = IGNORE_CTX
        self.scan_secrets(tokens, low)
        if len(low) < 2 or low[1] not in ("server", "peer"):  # server / peer: recognized
            self.ignored += 1

    def h_source_route(self, tokens, low, src):
        self.facts.ip_source_route = low[0] != "no"

    def h_ip_ssh(self, tokens, low, src):
        if len(low) >= 4 and low[2] == "version":
            self.facts.ssh_version = tokens[3]
        else:
            self.ignored += 1

    # --- Smart Install (vstack)

    def h_vstack(self, tokens, low, src):
        """``[no] vstack`` switches the Smart Install client on or off (the last such line
        wins); any other ``vstack …`` line configures the feature (``vstack director A``,
        ``vstack basic`` make a director, ``vstack group custom NAME`` opens a body of
        ``image`` / ``config`` / ``match`` lines).  ``no vstack <setting>`` only takes a
        setting back.  What it means is decided in convert.py (docs/vendors/cisco_ios.md,
        "Smart Install")."""
        self.ctx = IGNORE_CTX
        neg = low[0] == "no"
        words = low[2:] if neg else low[1:]
        if not words:
            self.vstack_switch = (not neg, src)
        elif neg:
            self.ignored += 1
        else:
            self.vstack_lines.append(src)
            if words[0] == "director" and len(words) >= 2 and ip_to_int(words[1]) is not None:
                self.vstack_director = (words[1], src)
            elif words[0] == "basic":
                self.vstack_basic = src

    # --- lines (vty)

    def h_line(self, tokens, low, src):
        if len(low) < 2:
            raise Unknown
        kind = low[1] if low[1] in ("vty", "con", "console", "aux", "tty") else "tty"
        ln = LineBlock("con" if kind == "console" else kind, src)
        self.lines_cfg.append(ln)
        self.ctx = Ctx("line", self.LINE_TABLE, [ln], f"line {' '.join(tokens[1:])}", src)

    def line_transport(self, ln: LineBlock, tokens, low, src):
        if len(low) < 3:
            raise Unknown
        words = set(low[2:])
        allowed: set[str] = set()
        if "all" in words:
            allowed = {"telnet", "ssh"}
        elif "none" not in words:
            allowed = words & {"telnet", "ssh"}
        ln.transports = allowed
        ln.transport_src = src

    def line_access_class(self, ln: LineBlock, tokens, low, src):
        if len(tokens) < 3:
            raise Unknown
        if low[2] == "in":
            ln.acl = (tokens[1], src)
            self.ref("acl", tokens[1], src)
        else:
            return True  # `out` restricts outgoing sessions only

    def line_password(self, ln: LineBlock, tokens, low, src):
        self.add_secret(secret_after(tokens, 0))

    def line_no_login(self, ln: LineBlock, tokens, low, src):
        ln.no_login = src

    # --- management plane

    def h_ip_http(self, tokens, low, src):
        neg = low[0] == "no"
        words = low[3:] if neg else low[2:]
        toks = tokens[3:] if neg else tokens[2:]
        if not words:
            raise Unknown
        w = words[0]
        if w == "server":
            self.http["http"] = None if neg else src
        elif w == "secure-server":
            self.http["https"] = None if neg else src
        elif w == "access-class" and not neg:
            if len(toks) < 2:
                raise Unknown
            name = toks[-1]
            self.http["acl"] = (name, src)
            self.ref("acl", name, src)
        elif w == "port" and not neg and len(words) > 1 and words[1].isdecimal():
            self.http["port"] = int(words[1])
        elif w == "secure-port" and not neg and len(words) > 1 and words[1].isdecimal():
            self.http["secure_port"] = int(words[1])
        else:
            self.ignored += 1
        self.ctx = IGNORE_CTX

    def h_ip_dns(self, tokens, low, src):
        neg = low[0] == "no"
        words = low[1:] if neg else low
        if words[2:3] == ["server"] and len(words) == 3:
            self.dns_server = None if neg else src
        else:
            self.ignored += 1

    def h_ip_dhcp(self, tokens, low, src):
        if len(low) >= 4 and low[2] == "pool":
            self.dhcp_pool = self.dhcp_pool or src
            # its `network` names the segment the pool serves (Interface.segment_names)
            self.ctx = Ctx("dhcp-pool", label=tokens[3], src=src)
            return
        self.ignored += 1
        self.ctx = IGNORE_CTX

    def dhcp_pool_line(self, stripped: str, fallback: bool) -> bool:
        """A line of an ``ip dhcp pool`` body: understood and irrelevant to forwarding;
        ``network A M`` (``A /len``) ties the pool's name to the segment it serves."""
        tokens, low = stripped.split(), stripped.lower().split()
        if fallback:
            return False
        self.ignore_line(tokens, low)
        if low[0] == "network" and len(tokens) >= 3:
            a = ip_to_int(tokens[1])
            m = ip_to_int(tokens[2]) if not tokens[2].startswith("/") else None
            plen = mask_to_len(m) if m is not None else (int(tokens[2][1:]) if tokens[2][1:].isdecimal() else None)
            if a is not None and plen is not None and plen <= 32 and self.ctx is not None:
                self.dhcp_pool_nets.append((self.ctx.label, prefix_of(a & len_to_mask(plen), plen)))
        return True

    def h_snmp(self, tokens, low, src):
        self.ctx = IGNORE_CTX
        n = len(low)
        if n < 3:
            self.ignored += 1
            return
        sub = low[1]
        if sub == "community":
            self.add_secret(tokens[2])
            mode, acl, i = "ro", None, 3
            while i < n:
                w = low[i]
                if w in ("view", "group"):  # group ROLE: NX-OS
                    i += 2
                elif w == "use-acl":  # NX-OS: use-acl ACL
                    i += 1
                elif w in ("ro", "rw"):
                    mode = w
                    i += 1
                elif w == "ipv6":
                    i += 2
                else:
                    acl = tokens[i]
                    i += 1
            if acl:
                self.ref("acl", acl, src)
            self.snmp.append((acl, src))
            self.facts.snmp_communities.append(SnmpCommunity(mode, acl))
        elif sub == "user":
            acl = None
            for i, w in enumerate(low):
                if w in ("auth", "priv") and i + 1 < n:
                    # auth md5 KEY, priv aes 128 KEY; NX-OS also priv KEY [localizedkey]
                    j = i + 2 if low[i + 1] in SNMP_ALGORITHMS and i + 2 < n else i + 1
                    if low[j].isdecimal() and j + 1 < n:  # priv aes 128 KEY
                        j += 1
                    self.add_secret(tokens[j])
                elif w == "access" and i + 1 < n:
                    acl = tokens[-1]
            if acl:
                self.ref("acl", acl, src)
            self.snmp.append((acl, src))
        elif sub == "host":
            i = 3
            version = None
            while i < n and low[i] in ("traps", "informs", "version", "1", "2c", "3", "auth", "noauth", "priv", "vrf"):
                if low[i] == "version" and i + 1 < n:
                    version = low[i + 1]
                    i += 2
                    continue
                if low[i] == "vrf":
                    i += 2
                    continue
                i += 1
            if i < n and version != "3":
                self.add_secret(tokens[i])
            self.ignored += 1
        else:
            self.ignored += 1
