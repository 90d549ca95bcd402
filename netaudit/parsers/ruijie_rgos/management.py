"""RGOS management plane as it is read: the servers RGOS switches on with ``enable
service …`` (not IOS's ``ip http server`` / vty transports alone), the web server's
ports, the web administrators (``webmaster``) and SNMP communities written with their
encryption type.  The services are built in :mod:`.convert`; vty lines (``line vty``,
``access-class``, ``login``, ``transport input``) are read by the IOS reader.
"""

from __future__ import annotations

from netaudit.model import Src
from netaudit.parsers.base import IGNORE_CTX, Unknown
from netaudit.parsers.cisco_ios.management import ManagementReader
from netaudit.parsers.cisco_ios.syntax import secret_after
from netaudit.parsers.ruijie_rgos.facts import RuijieFacts

# `enable service WORD [KIND]` → the services it switches (the web server: `http`,
# `https` or `all`).  A bare `[no] enable service web-server` switches HTTP on or off;
# whether it also switches HTTPS is not established (HTTPS is then partial).
_SERVICES = {"ssh-server": ("ssh",), "telnet-server": ("telnet",), "snmp-agent": ("snmp",)}
_WEB = {"http": ("http",), "https": ("https",), "all": ("http", "https")}
# RGOS's SNMPv3 privacy algorithms (`priv des56|aes192|aes256 KEY`) → the IOS words
_PRIV_ALGORITHMS = {"des56": "des", "aes192": "aes-192", "aes256": "aes-256", "sha256": "sha-256"}


class RuijieManagement(ManagementReader):
    """``enable service``, ``enable secret|password``, ``ip http``, ``webmaster``, SNMP."""

    facts: RuijieFacts
    # `snmp-server community … host A`: (A, line) — the SNMP service is partial
    snmp_hosts: list[tuple[str, Src]]
    # the last `[no] enable service web-server` without a kind: HTTPS not established
    web_bare: Src | None

    def rg_enable(self, tokens, low, src):
        """``[no] enable service SERVER [KIND]``; ``enable secret|password …`` as on IOS."""
        neg = low[0] == "no"
        words = low[1:] if neg else low
        if len(words) >= 3 and words[1] == "service":
            if words[2] == "web-server":
                names = _WEB.get(words[3]) if len(words) > 3 else ("http",)
            else:
                names = _SERVICES.get(words[2])
            if names is None or (words[2] != "web-server" and len(words) > 3):
                raise Unknown
            for name in names:
                self.facts.enable_service[name] = (not neg, src)
            if words[2] == "web-server" and len(words) == 3:
                # `[no] enable service web-server` without a kind: the web server (HTTP)
                # on or off for sure; whether the line covers HTTPS too is not established
                # (which kind the bare form means is not documented at hand) — what an
                # earlier line said of HTTPS no longer holds for sure
                self.facts.enable_service.pop("https", None)
                self.web_bare = src
            return
        if neg:
            raise Unknown
        self.h_enable(tokens, low, src)

    def rg_password_policy(self, tokens, low, src):
        """``password policy min-size 8|strong|…``: rules for new passwords; no secret in it
        (the word after ``password`` is ``policy``, never a password to mask)."""
        self.ignored += 1
        self.ctx = IGNORE_CTX

    def rg_ip_http(self, tokens, low, src):
        """``ip http port N`` / ``ip http secure-port N`` (RGOS 11) and ``http port N``
        (RGOS 10): the web server's ports; its timeouts and authentication method decide
        nothing about who reaches it."""
        self.ctx = IGNORE_CTX
        if low[0] == "no":
            self.ignored += 1
            return
        words = low[2:] if low[0] == "ip" else low[1:]
        if not words:
            raise Unknown
        if words[0] in ("port", "secure-port"):
            if len(words) < 2 or not words[1].isdecimal():
                raise Unknown
            self.http["port" if words[0] == "port" else "secure_port"] = int(words[1])
            return
        if words[0] in ("authentication", "timeout", "update", "max-connections", "language", "redirect"):
            self.ignored += 1
            return
        raise Unknown

    def rg_webmaster(self, tokens, low, src):
        """``webmaster level N username NAME password|secret [0|7|8] SECRET``: a web
        administrator; the secret is masked."""
        self.ctx = IGNORE_CTX
        for i, w in enumerate(low):
            if w in ("password", "secret") and i + 1 < len(low):
                self.add_secret(secret_after(tokens, i))
            if w == "username" and i + 1 < len(tokens):
                self.facts.web_admins.append(tokens[i + 1].strip('"'))

    def rg_snmp(self, tokens, low, src):
        """``snmp-server community [0|7] NAME [view V] [[ro|rw] [host A]] [ipv6 ACL6]
        [ACL]`` (the RG-WLAN guide, "Configuring SNMP"): RGOS writes the community's
        encryption type first; ``host A`` ties the community to one manager's address,
        not modelled — the service is partial (the IOS reader would take ``host`` and A
        for ACL names, an undefined reference); the rest is read as on IOS."""
        if len(low) >= 4 and low[1] == "community" and low[2] in ("0", "7", "8"):
            tokens, low = tokens[:2] + tokens[3:], low[:2] + low[3:]
        if len(low) > 4 and low[1] == "user":
            # `snmp-server user U G v3 [encrypted] [auth md5|sha KEY] [priv des56|aes128|
            # aes192|aes256 KEY]`: RGOS's cipher words spelled as the IOS reader knows them,
            # so that it masks the key after them, not the word (the key leaked)
            low = [_PRIV_ALGORITHMS.get(w, w) for w in low]
            tokens = [_PRIV_ALGORITHMS.get(t.lower(), t) for t in tokens]
        if len(low) > 4 and low[1] == "community" and "host" in low[3:-1]:
            i = low.index("host", 3)
            self.snmp_hosts.append((tokens[i + 1], src))
            tokens, low = tokens[:i] + tokens[i + 2 :], low[:i] + low[i + 2 :]
        self.h_snmp(tokens, low, src)
