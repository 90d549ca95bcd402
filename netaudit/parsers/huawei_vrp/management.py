"""Huawei VRP: the management plane — Telnet / STelnet (SSH), the web server, SNMP, FTP,
``user-interface vty`` (ACL, ``protocol inbound``, ``authentication-mode``), ``aaa``
local users, the DHCP server and the DNS proxy (docs/vendors/huawei_vrp.md,
"Management plane").  Services are built in :mod:`.convert`."""

from __future__ import annotations

from netaudit.messages import Text
from netaudit.parsers.base import Ctx, Unknown
from netaudit.parsers.huawei_vrp.state import ServerSource, UiState, VrpState
from netaudit.parsers.huawei_vrp.syntax import canonical_ifname, is_ifname
from netaudit.parsers.ip import ip_to_int, mask_to_len, prefix_of


class ManagementReader(VrpState):
    """Handlers of the management-plane commands."""

    def _switch(self, key: str, low: list[str], src) -> None:
        self.mgmt[key] = (low[0] != "undo", src)

    def h_telnet(self, tokens, low, src):
        """``[undo] telnet server enable``; ``telnet server port N``; ``telnet
        server-source …`` (the addresses the server answers on: :meth:`_server_source`);
        ``telnet server permit interface …`` (not modelled: partial)."""
        words = low[1:] if low[0] == "undo" else low
        if words[:3] == ["telnet", "server", "enable"]:
            self._switch("telnet", low, src)
            return
        if low[:3] == ["telnet", "server", "disable"]:  # CloudEngine's form
            self.mgmt["telnet"] = (False, src)
            self.vrp8_form = self.vrp8_form or src
            return
        if words[:2] == ["telnet", "ipv6"]:
            self.ignored += 1  # IPv6 is not modelled
            return
        if words[:3] == ["telnet", "server", "port"]:
            # `undo telnet server port` goes back to 23
            if low[0] == "undo":
                self.telnet_port = 23
            elif len(low) == 4 and low[3].isdecimal():
                self.telnet_port = int(low[3])
            else:
                raise Unknown
            return
        if low[:3] == ["telnet", "server", "acl"] and len(low) == 4:
            self.server_acls["telnet"] = (tokens[3], src)
            self.ref("acl", tokens[3], src)
            return
        if words[:2] == ["telnet", "server-source"]:
            at = low.index("server-source") + 1
            self._server_source("telnet", low[0] == "undo", tokens[at:], low[at:], src)
            return
        if words[:4] == ["telnet", "server", "permit", "interface"]:
            self._permit_interface("telnet", low, src)
            return
        if words[:2] == ["telnet", "client-source"]:
            self.ignored += 1  # the source of the device's own Telnet client
            return
        raise Unknown

    def _server_source(self, proto: str, undo: bool, rest: list[str], rest_low: list[str], src) -> None:
        """``[undo] ssh|telnet server-source -i IF`` / ``-a A [-vpn-instance V]`` /
        ``all-interface``: the addresses the ``proto`` server answers on — those of the
        ``-i`` interfaces, the ``-a`` address; ``all-interface`` every interface with an
        address (docs/vendors/huawei_vrp.md, "Management plane").  ``rest``/``rest_low``:
        the words after ``server-source``; the SNMP agent's ``snmp-agent protocol
        source-interface IF`` / ``source-status all-interface`` come here as ``-i IF`` /
        ``all-interface`` (:meth:`_snmp_protocol`).  Another form (``physic-isolate`` …) is
        kept as not modelled."""
        ss = self.server_sources.setdefault(proto, ServerSource(src))
        if rest_low == ["all-interface"]:
            ss.all_interface = not undo
        elif rest_low[:1] == ["-i"] and len(rest) >= 2:
            name = canonical_ifname(" ".join(rest[1:]))
            if not is_ifname(name):
                raise Unknown
            if undo:
                ss.interfaces = [n for n in ss.interfaces if n != name]
            elif name not in ss.interfaces:
                ss.interfaces.append(name)
        elif rest_low[:1] == ["-a"] and len(rest) in (2, 4):
            vpn = None
            if len(rest) == 4:
                if rest_low[2] not in ("-vpn-instance", "vpn-instance"):
                    raise Unknown
                vpn = rest[3]
            if ip_to_int(rest[1]) is None:
                raise Unknown
            if undo:
                ss.addresses = [a for a in ss.addresses if a[0] != rest[1]]
            else:
                ss.addresses.append((rest[1], vpn, src))
        elif undo and rest_low == ["-i"]:
            ss.interfaces = []  # `undo snmp-agent protocol source-interface`: every one taken off
        elif undo and not rest_low:
            self.server_sources[proto] = ServerSource(src)  # back to the default, said
        else:
            ss.unread.append(src)

    def _permit_interface(self, proto: str, low, src) -> None:
        """``[undo] ssh|telnet server permit interface …`` (AR V300): the interfaces
        logins are permitted on — not modelled: the service is partial."""
        if low[0] == "undo":
            self.permit_interfaces.pop(proto, None)
        else:
            self.permit_interfaces[proto] = src

    def h_stelnet(self, tokens, low, src):
        """``[undo] stelnet server enable``: the SSH server (STelnet); CloudEngine
        V200R002+ writes ``stelnet ipv4 server enable`` (and ``stelnet ipv6 …``: IPv6 is
        not modelled)."""
        self._server_enable("ssh", low, src)

    def h_snetconf(self, tokens, low, src):
        """``[undo] snetconf [ipv4] server enable``: the NETCONF-over-SSH server (CloudEngine)."""
        self._server_enable("netconf", low, src)

    def _server_enable(self, service: str, low, src) -> None:
        """``[undo] WORD [ipv4|ipv6] server enable`` switches ``service`` (the IPv6 form:
        not modelled, understood)."""
        words = low[1:] if low[0] == "undo" else low
        if words[1:2] == ["ipv6"]:
            self.ignored += 1
            return
        if words[1:2] == ["ipv4"]:
            words = words[:1] + words[2:]
            self.vrp8_form = self.vrp8_form or src
        if words[1:] != ["server", "enable"]:
            raise Unknown
        self._switch(service, low, src)

    def h_netconf(self, tokens, low, src):
        """``netconf``: the NETCONF view (its ``protocol inbound ssh port N``: the port)."""
        if len(low) != 1:
            raise Unknown
        self.vrp8_form = self.vrp8_form or src
        self.ctx = Ctx("netconf", self.NETCONF_TABLE, [None], "netconf", src)

    def nc_protocol(self, _target, tokens, low, src):
        """``protocol inbound ssh [ipv4] port N``: NETCONF over SSH listens on tcp/N."""
        words = [w for w in low if w != "ipv4"]
        if words[2:4] == ["ssh", "port"] and len(words) == 5 and words[4].isdecimal():
            self.netconf = (int(words[4]), src)
            return
        if words[2:3] == ["ipv6"]:
            return True
        raise Unknown

    def h_ssh_server(self, tokens, low, src):
        """``ssh server port N`` (``ssh ipv4 server port N`` on V200R020+ and V300
        releases), ``ssh server acl N`` (the SSH server's own login ACL), ``[undo] ssh
        [ipv4] server-source …`` (the addresses the server answers on:
        :meth:`_server_source`), ``ssh server permit interface …`` (not modelled:
        partial); other ``ssh server …`` settings (ciphers, timeouts) are understood and
        irrelevant; ``ssh ipv6 …`` too (IPv6 is not modelled)."""
        undo = low[0] == "undo"
        if undo:
            tokens, low = tokens[1:], low[1:]
        if low[1:2] == ["ipv6"]:
            self.ignored += 1
            return
        if low[1:2] == ["ipv4"]:
            tokens, low = tokens[:1] + tokens[2:], low[:1] + low[2:]
            self.vrp8_form = self.vrp8_form or src
        if low[1:2] == ["server-source"]:
            self._server_source("ssh", undo, tokens[2:], low[2:], src)
            return
        if low[:4] == ["ssh", "server", "permit", "interface"]:
            self._permit_interface("ssh", ["undo", *low] if undo else low, src)
            return
        if undo:
            self.ignored += 1  # `undo ssh server …` settings: back to a default irrelevant here
            return
        if low[:3] == ["ssh", "server", "port"] and len(low) == 4 and low[3].isdecimal():
            self.ssh_port = int(low[3])
            return
        if low[:3] == ["ssh", "server", "acl"] and len(low) == 4:
            self.server_acls["ssh"] = (tokens[3], src)
            self.ref("acl", tokens[3], src)
            return
        if low[:2] == ["ssh", "server"] and low[2:3] == ["enable"]:
            self._switch("ssh", low, src)
            return
        self.ignore_line(tokens, low)

    def h_http(self, tokens, low, src):
        """``[undo] http server enable``, ``[undo] http secure-server enable``, ``http
        server port N``, ``http secure-server port N``, ``http acl N``."""
        undo = low[0] == "undo"
        words = low[1:] if undo else low
        if words[1:3] == ["server", "enable"]:
            self._switch("http", low, src)
        elif words[1:3] == ["secure-server", "enable"]:
            self._switch("https", low, src)
        elif words[1:3] == ["server", "port"] and len(words) == 4 and words[3].isdecimal():
            self.http_port = int(words[3])
        elif words[1:3] == ["secure-server", "port"] and len(words) == 4 and words[3].isdecimal():
            self.https_port = int(words[3])
        elif words[1:2] == ["acl"] and len(words) >= 3:
            if not undo:
                self.http_acl = (tokens[-1], src)
                self.ref("acl", tokens[-1], src)
        elif words[1:2] == ["server-source"]:
            self.web_sources.append(src)  # the addresses the web server answers on: not modelled
        else:
            self.ignore_line(tokens, low)  # ssl-policy, timeout, load …

    def h_web_manager(self, tokens, low, src):
        """``[undo] web-manager enable [port N]`` — the web UI of V600 S-series and
        CloudEngine S switches, HTTPS on port N — and ``web-manager http forward enable``
        (tcp/80 answered with a redirect to HTTPS); the other ``web-manager`` settings
        (timeout, lock-ip, certificates, banner) change nothing here; ``[undo] web-manager
        [ipv4] server-source …`` (the addresses the web server answers on) is not modelled:
        the web server is partial (docs/vendors/huawei_vrp.md, "Management plane")."""
        undo = low[0] == "undo"
        words = low[1:] if undo else low
        if words[1:2] == ["ipv6"] and words[2:3] == ["server-source"]:
            self.ignored += 1  # IPv6 is not modelled
            return
        if words[1:2] in (["ipv4"], ["ipv6"]):  # `web-manager ipv4 server-source -a A` (V600R022)
            words = words[:1] + words[2:]
        self.web_manager = self.web_manager or src
        if words[1:2] == ["enable"]:
            rest = words[2:]
            if undo:
                self.mgmt["https"] = (False, src)
                return
            if rest[:1] == ["port"] and len(rest) == 2 and rest[1].isdecimal():
                self.https_port = int(rest[1])
            elif rest:
                raise Unknown
            else:
                self.web_port_given = False
            self.mgmt["https"] = (True, src)
            return
        if words[1:4] == ["http", "forward", "enable"] and len(words) == 4:
            self.web_redirect = None if undo else src
            return
        if words[1:2] in (
            ["timeout"],
            ["max-user-number"],
            ["captcha"],
            ["lock-ip"],
            ["warning-banner"],
            ["security"],
            ["slow-attack"],
        ):
            self.ignored += 1
            return
        if words[1:2] == ["server-source"]:
            self.web_sources.append(src)
            return
        raise Unknown

    def h_ftp(self, tokens, low, src):
        """``[undo] ftp server enable`` (cleartext FTP server, tcp/21); ``ftp acl N``."""
        words = low[1:] if low[0] == "undo" else low
        if words[:3] == ["ftp", "server", "enable"]:
            self._switch("ftp", low, src)
            return
        if words[:2] == ["ftp", "acl"] and len(tokens) >= 3:
            self.mgmt["ftp-acl"] = (True, src)
            self.ftp_acl = tokens[-1]
            self.ref("acl", tokens[-1], src)
            return
        self.ignore_line(tokens, low)

    def h_snmp(self, tokens, low, src):
        """``snmp-agent`` (the agent on), ``snmp-agent community read|write [cipher] X
        [mib-view V] [acl N]``, ``snmp-agent acl N``, ``snmp-agent group v3 G … acl N``;
        ``[undo] snmp-agent [proxy] protocol …`` (where the agent answers:
        :meth:`_snmp_protocol`); ``undo snmp-agent``: off."""
        if low == ["undo", "snmp-agent"]:
            self.snmp_agent = None
            self.mgmt["snmp"] = (False, src)
            return
        undo = low[0] == "undo"
        words = low[1:] if undo else low
        if words[1:2] == ["protocol"] or words[1:3] == ["proxy", "protocol"]:
            self._snmp_protocol(tokens[1:] if undo else tokens, words, undo, src)
            return
        if undo:
            self.ignore_line(tokens, low)  # (`undo snmp-agent community read X` names a secret)
            return
        self.scan_secrets(tokens, low)
        self.snmp_agent = self.snmp_agent or src
        if len(low) >= 3 and low[1] == "community" and low[2] in ("read", "write"):
            self._snmp_community(tokens, low, src)
            return
        if len(low) >= 3 and low[1] == "acl":
            self.snmp_acl = (tokens[2], src)
            self.ref("acl", tokens[2], src)
            return
        if len(low) >= 3 and low[1] == "group" and "acl" in low[3:-1]:
            acl = tokens[low.index("acl") + 1]
            self.ref("acl", acl, src)
            self.snmp.append((acl, src))
            return
        if len(low) >= 3 and low[1] == "group":
            self.snmp.append((None, src))
            return
        if len(low) >= 3 and low[1] == "usm-user":
            self.snmp_users = True
        self.ignored += 1  # sys-info, target-host, trap, mib-view, usm-user (secrets collected)

    def _snmp_community(self, tokens, low, src) -> None:
        """``snmp-agent community read|write [cipher] NAME [mib-view V | acl {N | NAME} |
        alias A]*`` (Huawei command references, ``snmp-agent community``: VRP5 switches and
        routers, VRP8 NetEngine): the community grants SNMP access from every source its ACL
        permits (every source without one, or the general ``snmp-agent acl``: convert).
        Written without ``cipher`` it is a plain-text community (``facts``).  A word not
        read — an option of another release, a name where a keyword was expected — leaves
        the community in with its ACL unknown: the service is partial, never taken as open
        or as restricted by a guess (the option words were found anywhere on the line
        before, so an alias or a community named ``acl`` could be read as the ACL)."""
        n, i = len(low), 3 + (len(low) > 3 and low[3] == "cipher")
        if i >= n:
            raise Unknown  # no name
        if low[3] != "cipher":
            self.facts.snmp_plain_communities.append(src)
        i += 1  # the name: a secret (scan_secrets), never read as an option
        acl: str | None = None
        unread = None
        while i < n and unread is None:
            if low[i] in ("mib-view", "acl", "alias") and i + 1 < n:
                if low[i] == "acl":
                    acl = tokens[i + 1]
                i += 2
            else:
                unread = low[i]
        if acl is not None:
            self.ref("acl", acl, src)
        self.snmp.append((acl, src))
        if unread is not None:
            why = Text("input.vrp.snmp_community_unread", word=unread)
            self.snmp_unread.append(why)
            self.rep.add_partial("snmp-agent community", why, src)

    def _snmp_protocol(self, tokens, low, undo: bool, src) -> None:
        """``[undo] snmp-agent protocol source-status all-interface`` / ``source-interface
        IF`` — the interfaces at whose addresses the SNMP agent receives and answers an
        NMS's requests (Huawei VRP8 / CloudEngine command reference, ``snmp-agent protocol
        source-status all-interface``; docs/vendors/huawei_vrp.md, "Management plane"):
        read into the ``server-source`` state as ``all-interface`` / ``-i IF``
        (:meth:`_server_source`, converted by ``_binding``).  ``[undo] snmp-agent protocol
        server [ipv4] disable``: the agent no longer processes SNMP packets (IPv4).  Not
        modelled, the agent unrestricted and partial: ``physic-isolate``, ``vpn-instance``
        / ``public-net``, and the SNMP proxy's own ``snmp-agent proxy protocol …`` listener.
        IPv6 forms are understood and not modelled; ``get-bulk`` timeouts, message queues:
        irrelevant.  ``tokens``/``low``: the line without its ``undo``."""
        proxy = low[1] == "proxy"
        at = 3 if proxy else 2
        rest, rest_low = tokens[at:], low[at:]
        if "ipv6" in rest_low[:2]:
            self.ignored += 1  # `source-status ipv6 all-interface`, `ipv6 source-ip …`: IPv6 is not modelled
            return
        if rest_low[:1] == ["server"]:
            if not proxy and [w for w in rest_low[1:] if w != "ipv4"] == ["disable"]:
                self.snmp_server_off = None if undo else src
            else:
                self.ignored += 1  # `server ipv6 disable`, `server message queue …`
            return
        if rest_low[:1] not in (
            ["source-status"],
            ["source-interface"],
            ["physic-isolate"],
            ["vpn-instance"],
            ["public-net"],
        ):
            self.ignored += 1  # `get-bulk timeout`, …
            return
        if proxy or rest_low[:1] in (["physic-isolate"], ["vpn-instance"], ["public-net"]):
            if undo:
                self.ignored += 1  # a listener or restriction not modelled, taken off
            else:
                self.server_sources.setdefault("snmp", ServerSource(src)).unread.append(src)
            return
        if rest_low == ["source-status", "all-interface"]:
            self._server_source("snmp", undo, rest[1:], rest_low[1:], src)
        elif rest_low[:1] == ["source-interface"] and (len(rest) >= 2 or undo):
            self._server_source("snmp", undo, ["-i", *rest[1:]], ["-i", *rest_low[1:]], src)
        else:
            raise Unknown

    def h_user_interface(self, tokens, low, src):
        """``user-interface vty A [B]`` / ``user-interface con 0``; ``user-interface
        maximum-vty N``."""
        if len(low) >= 2 and low[1] == "maximum-vty":
            self.ignored += 1
            return
        if len(low) >= 3 and low[1] in ("vty", "con", "console", "aux"):
            ui = UiState("vty" if low[1] == "vty" else "con", src)
            self.uis.append(ui)
            self.ctx = Ctx("ui", self.UI_TABLE, [ui], " ".join(tokens[:3]), src)
            return
        raise Unknown

    def ui_acl(self, ui: UiState, tokens, low, src):
        """``acl N inbound`` / ``acl name X inbound`` (``outbound``: calls out, irrelevant)."""
        if low[-1] == "outbound" or low[1:2] == ["ipv6"]:
            return True
        if low[-1] != "inbound" or len(tokens) not in (3, 4):
            raise Unknown
        name = tokens[-2]
        ui.acl = (name, src)
        self.ref("acl", name, src)

    def ui_protocol(self, ui: UiState, tokens, low, src):
        """``protocol inbound ssh|telnet|all``."""
        if len(low) != 3 or low[2] not in ("ssh", "telnet", "all"):
            raise Unknown
        ui.protocols = {"ssh", "telnet"} if low[2] == "all" else {low[2]}
        ui.protocol_src = src

    def ui_auth(self, ui: UiState, tokens, low, src):
        if len(low) < 2:
            raise Unknown
        ui.auth_mode, ui.auth_src = low[1], src
        if ui.kind == "vty" and low[1] == "none":
            self.facts.vty_no_auth.append(src)

    def h_aaa(self, tokens, low, src):
        self.ctx = Ctx("aaa", None, [], "aaa", src)

    def aaa_line(self, stripped: str) -> None:
        """A line of the ``aaa`` block: ``local-user NAME password cipher|irreversible-cipher
        X``, ``local-user NAME service-type …``; schemes and domains are irrelevant here."""
        tokens = stripped.split()
        low = stripped.lower().split()
        self.ignore_line(tokens, low)
        if low[0] != "local-user" or len(low) < 3:
            return
        src = self.src(self.lineno, stripped)
        if low[2] == "password" and len(low) >= 5 and low[3] == "cipher":
            self.facts.reversible_passwords.append(src)
        if low[2] == "service-type" and "telnet" in low[3:]:
            self.facts.telnet_users.append(src)

    def h_dhcp(self, tokens, low, src):
        """``dhcp enable``: the DHCP module (the server answers on interfaces with ``dhcp
        select``); other ``dhcp`` settings are irrelevant."""
        if low == ["dhcp", "enable"]:
            self.dhcp_enable = src
            return
        self.ignore_line(tokens, low)

    def h_ip_pool(self, tokens, low, src):
        """``ip pool NAME``: a global DHCP address pool (served with ``dhcp select global``).
        Its ``gateway-list`` and ``network`` lines say which segment it serves, which the
        pool's name then names (``Interface.segment_names``: ``ip pool khach`` is the
        guest network's, read by ``netaudit init``); its other lines change nothing."""
        self.dhcp_pool = self.dhcp_pool or src
        self.ctx = Ctx("pool", None, [tokens[2]] if len(tokens) > 2 else [], " ".join(tokens[:3]), src)

    def pool_line(self, ctx: Ctx, stripped: str) -> None:
        """A line of an ``ip pool`` block: the gateway's address and the pool's network
        kept (``dhcp_pool_nets``), every line counted as ignored — as the whole block was."""
        self.ignored += 1
        low = stripped.lower().split()
        if not ctx.targets or not low:
            return
        name = ctx.targets[0]
        if low[0] == "gateway-list":
            for word in low[1:]:
                addr = ip_to_int(word)
                if addr is not None:
                    self.dhcp_pool_nets.append((name, prefix_of(addr, 32)))
        elif low[0] == "network" and len(low) >= 4 and low[2] == "mask":
            addr, mask = ip_to_int(low[1]), ip_to_int(low[3])
            plen = mask_to_len(mask) if mask is not None else None
            if addr is not None and plen is not None:
                self.dhcp_pool_nets.append((name, prefix_of(addr, plen)))

    def h_dns(self, tokens, low, src):
        """``dns proxy enable`` / ``dns relay enable``: the device answers DNS (udp/53)."""
        if low[1:3] in (["proxy", "enable"], ["relay", "enable"]):
            self.dns_proxy = src
            return
        self.ignore_line(tokens, low)
