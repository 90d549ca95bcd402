"""H3C Comware: the management plane — the Telnet, SSH, HTTP/HTTPS and NETCONF servers,
``line vty`` (V7) / ``user-interface vty`` (V5) with ``authentication-mode``, ``protocol
inbound`` and ``acl N inbound``, SNMP communities, ``local-user`` blocks (docs/vendors/
h3c_comware.md, "Management plane").  The services are built in :mod:`.convert`; SNMP,
FTP, the DHCP server and the DNS proxy are read as VRP reads them."""

from __future__ import annotations

from netaudit.messages import Text
from netaudit.parsers.base import Ctx, Unknown
from netaudit.parsers.h3c_comware.state import ComwareState
from netaudit.parsers.h3c_comware.syntax import canonical_ifname, is_ifname
from netaudit.parsers.huawei_vrp.management import ManagementReader
from netaudit.parsers.huawei_vrp.state import ServerSource, UiState
from netaudit.parsers.ip import ip_to_int


class ComwareManagementReader(ManagementReader, ComwareState):
    """Handlers of Comware's management-plane commands."""

    def h_ssh(self, tokens, low, src):
        """``[undo] ssh server enable``, ``ssh server port N``, ``ssh server acl N``
        (the SSH server's own login ACL); other ``ssh server`` settings (retries, rekeying,
        IPv6 ACLs) change nothing here."""
        undo = low[0] == "undo"
        words = low[1:] if undo else low
        if words == ["ssh", "server", "enable"]:
            self._switch("ssh", low, src)
            return
        if undo:
            if words[:3] == ["ssh", "server", "acl"]:
                self.server_acls.pop("ssh", None)  # a hand-made file: the ACL taken off
            self.ignored += 1
            return
        if low[:3] == ["ssh", "server", "port"] and len(low) == 4 and low[3].isdecimal():
            self.ssh_port = int(low[3])
            return
        if low[:3] == ["ssh", "server", "acl"]:
            acl = self._acl_word(tokens[3:], low[3:])
            self.server_acls["ssh"] = (acl, src)
            self.ref("acl", acl, src)
            return
        self.ignore_line(tokens, low)

    def h_ssh_server_source(self, tokens, low, src):
        """``[undo] ssh-server source-ip A`` / ``ssh-server source-interface IF``: the SSH
        server answers on that address / on the addresses of that interface only (H3C
        S5600 / 3Com 4500 Operation Manual – SSH: "the SSH client accesses the SSH server
        only using the specified IP address"; by default every address); the last one
        given applies.  Read into VRP's ``server-source`` state (convert: ``_binding``)."""
        undo = low[0] == "undo"
        words, rest = (low[1:], tokens[1:]) if undo else (low, tokens)
        if words[1:2] not in (["source-ip"], ["source-interface"]):
            raise Unknown
        if undo:
            self.server_sources.pop("ssh", None)
            return
        ss = ServerSource(src)
        if words[1] == "source-ip":
            if len(rest) != 3 or ip_to_int(rest[2]) is None:
                raise Unknown
            ss.addresses.append((rest[2], None, src))
        else:
            name = canonical_ifname(" ".join(rest[2:]))
            if not is_ifname(name):
                raise Unknown
            ss.interfaces.append(name)
        self.server_sources["ssh"] = ss

    def h_telnet(self, tokens, low, src):
        """``[undo] telnet server enable``, ``telnet server port N``, ``telnet server acl
        N`` (the Telnet server's own login ACL)."""
        undo = low[0] == "undo"
        words = low[1:] if undo else low
        if words == ["telnet", "server", "enable"]:
            self._switch("telnet", low, src)
            return
        if words[:3] == ["telnet", "server", "port"]:
            if undo:
                self.telnet_port = 23
            elif len(low) == 4 and low[3].isdecimal():
                self.telnet_port = int(low[3])
            else:
                raise Unknown
            return
        if words[:3] == ["telnet", "server", "acl"] and undo:
            self.server_acls.pop("telnet", None)  # a hand-made file: the ACL taken off
            return
        if low[:3] == ["telnet", "server", "acl"]:
            acl = self._acl_word(tokens[3:], low[3:])
            self.server_acls["telnet"] = (acl, src)
            self.ref("acl", acl, src)
            return
        if words[:2] in (["telnet", "client"], ["telnet", "server"]) or words[1:2] == ["ipv6"]:
            self.ignored += 1  # client source, DSCP, IPv6 ACLs, the session limit
            return
        raise Unknown

    @staticmethod
    def _acl_word(tokens: list[str], low: list[str]) -> str:
        """``N``, ``advanced N``, ``name X``, ``basic name X`` → the ACL named."""
        if low[:1] in (["basic"], ["advanced"]):
            tokens, low = tokens[1:], low[1:]
        if low[:1] == ["name"] and len(low) == 2:
            return tokens[1]
        if len(low) == 1:
            return tokens[0]
        raise Unknown

    def h_ip_http(self, tokens, low, src):
        """``[undo] ip http enable``, ``[undo] ip https enable``, ``ip http port N``, ``ip
        https port N``, ``ip http|https acl N`` (the web server's login ACL)."""
        undo = low[0] == "undo"
        words = low[1:] if undo else low
        key = words[1] if len(words) > 1 else ""
        if key not in ("http", "https"):
            raise Unknown
        rest = words[2:]
        if rest == ["enable"]:
            self._switch(key, low, src)
            return
        if rest[:1] == ["port"]:
            port = int(rest[1]) if len(rest) == 2 and rest[1].isdecimal() and not undo else 80 if key == "http" else 443
            if key == "http":
                self.http_port = port
            else:
                self.https_port = port
            return
        if rest[:1] == ["acl"] and undo:
            self.http_acls.pop(key, None)  # a hand-made file: the ACL taken off
            return
        if rest[:1] == ["acl"]:
            if rest[1:2] == ["ipv6"]:
                self.ignored += 1
                return
            acl = self._acl_word(tokens[len(tokens) - len(rest) + 1 :], rest[1:])
            self.http_acls[key] = (acl, src)
            self.ref("acl", acl, src)
            return
        self.ignore_line(tokens, low)

    def h_snmp(self, tokens, low, src):
        """``snmp-agent …``: a community (:meth:`_snmp_community`), its ``undo``; the other
        lines as VRP's reader reads them (``snmp-agent`` — the agent on —, ``group``,
        ``usm-user``, ``sys-info`` …; ``undo snmp-agent``: off), with Comware's ACL words
        (``acl name X`` is ``acl X``; ``acl ipv6 N|name X`` restricts IPv6 only, not
        modelled).  VRP's ``snmp-agent protocol …`` (where the agent answers) is not a
        Comware command: not read here (unrecognized)."""
        undo = low[0] == "undo"
        words = low[1:] if undo else low
        if words[1:2] == ["community"] and len(words) > 2:
            self.scan_secrets(tokens, low)
            if undo:
                self._snmp_community_undo(tokens[-1], low)
            else:
                self._snmp_community(tokens, low, src)
            return
        if words[1:2] == ["protocol"] or words[1:3] == ["proxy", "protocol"]:
            raise Unknown
        if "acl" in low and not undo:
            acl, kept, kept_low = self._snmp_acl_options(tokens, low, low.index("acl"))
            tokens, low = ([*kept, "acl", acl], [*kept_low, "acl", acl.lower()]) if acl else (kept, kept_low)
        super().h_snmp(tokens, low, src)

    @staticmethod
    def _snmp_acl_options(tokens: list[str], low: list[str], at: int) -> tuple[str | None, list[str], list[str]]:
        """The IPv4 ACL of the ``acl N | acl name X | acl ipv6 N | acl ipv6 name X`` clauses
        from ``at`` on (the last one given; None: none), and the words before ``at``."""
        acl = None
        i, n = at, len(low)
        while i < n and low[i] == "acl":
            if low[i + 1 : i + 2] == ["ipv6"]:
                i += 4 if low[i + 2 : i + 3] == ["name"] else 3  # IPv6 is not modelled
            elif low[i + 1 : i + 2] == ["name"] and i + 2 < n:
                acl, i = tokens[i + 2], i + 3
            elif i + 1 < n:
                acl, i = tokens[i + 1], i + 2
            else:
                raise Unknown
        if i < n:
            raise Unknown
        return acl, tokens[:at], low[:at]

    def _snmp_community(self, tokens, low, src) -> None:
        """``snmp-agent community read|write [simple|cipher] NAME [mib-view V] [ACL]`` (V7
        VACM mode; V5: ``read|write [cipher] NAME [acl N] [mib-view V]`` in either order) and
        ``snmp-agent community [simple|cipher] NAME user-role R [ACL]`` (V7 RBAC mode), ACL
        being ``acl N | acl name X`` and/or ``acl ipv6 N | acl ipv6 name X`` (H3C / HPE
        Comware 7 Network Management and Monitoring Command Reference, ``snmp-agent
        community``; docs/vendors/h3c_comware.md, "Management plane").  A community grants
        SNMP access from every source its IPv4 ACL permits (every source without one); the
        name is a secret, kept as written — a ``cipher`` one is reversible text, never shown.
        Written without ``cipher``, it is a plain-text community (``facts``).  The same name
        again replaces the earlier line ("the most recent configuration takes effect").  A
        word not read leaves the community in (its ACL unknown): the service is partial."""
        n, i = len(low), 2
        access = low[i] if low[i] in ("read", "write") else None
        i += access is not None
        form = low[i] if i < n and low[i] in ("simple", "cipher") else None
        i += form is not None
        if i >= n:
            raise Unknown  # no name
        name, i = tokens[i], i + 1
        acl: str | None = None
        role = unread = None
        while i < n and unread is None:
            word = low[i]
            if word in ("mib-view", "user-role") and i + 1 < n:
                role = tokens[i + 1] if word == "user-role" else role
                i += 2
            elif word == "acl":
                j = i + 1
                while j < n and low[j] not in ("mib-view", "user-role", "acl"):
                    j += 1
                try:
                    found, _, _ = self._snmp_acl_options(tokens[:j], low[:j], i)
                except Unknown:
                    unread = " ".join(low[i:j])
                else:
                    acl = found or acl
                i = j
            else:
                unread = word
        if access is None and role is None:
            unread = unread or "community"  # neither read|write nor user-role: a form not documented
        previous = self.snmp_communities.pop(name, None)
        if previous is not None:
            self._snmp_forget(name, previous)
        self.snmp_communities[name] = src
        if acl is not None:
            self.ref("acl", acl, src)
        self.snmp.append((acl, src))
        self.snmp_agent = self.snmp_agent or src
        if form != "cipher":
            self.facts.snmp_plain_communities.append(src)
        if unread is not None:
            why = self.snmp_community_why[name] = Text("input.vrp.snmp_community_unread", word=unread)
            self.snmp_unread = list(self.snmp_community_why.values())
            self.rep.add_partial("snmp-agent community", why, src)

    def _snmp_community_undo(self, name: str, low) -> None:
        """``undo snmp-agent community [read|write] [cipher] NAME`` (a hand-made file): the
        community NAME deleted."""
        src = self.snmp_communities.pop(name, None)
        if src is not None:
            self._snmp_forget(name, src)
        self.ignored += 1

    def _snmp_forget(self, name: str, src) -> None:
        """The community ``name``, read from the line ``src``, is no longer in effect."""
        self.snmp = [(acl, s) for acl, s in self.snmp if s is not src]
        self.facts.snmp_plain_communities = [s for s in self.facts.snmp_plain_communities if s is not src]
        self.snmp_community_why.pop(name, None)
        self.snmp_unread = list(self.snmp_community_why.values())

    def h_netconf(self, tokens, low, src):
        """``[undo] netconf ssh server enable`` (NETCONF over SSH, tcp/830), ``netconf ssh
        server port N``; ``netconf soap http|https enable`` (NETCONF over SOAP on the web
        server's port) is partial."""
        undo = low[0] == "undo"
        words = low[1:] if undo else low
        if words == ["netconf", "ssh", "server", "enable"]:
            self._switch("netconf", low, src)
            if self.netconf is None:
                self.netconf = (830, src)
            return
        if words[:4] == ["netconf", "ssh", "server", "port"] and len(words) == 5 and words[4].isdecimal():
            self.netconf = (int(words[4]), src)
            return
        if words[:2] == ["netconf", "soap"]:
            if not undo:
                self.rep.add_partial("netconf soap", self.netconf_soap_why(), src)
            return
        self.ignore_line(tokens, low)

    def h_line(self, tokens, low, src):
        """``line vty A [B]`` (V7), ``user-interface vty A [B]`` (V5), ``line aux|con …``;
        ``line class vty`` (settings every vty line takes unless its own say otherwise) is
        partial where it restricts logins."""
        if len(low) >= 3 and low[1] == "class":
            self.ctx = Ctx("line-class", self.LINE_CLASS_TABLE, [None], " ".join(tokens[:3]), src)
            return
        if len(low) >= 2 and low[1] == "maximum-vty":
            self.ignored += 1
            return
        if len(low) >= 3 and low[1] in ("vty", "aux", "con", "console", "tty"):
            ui = UiState("vty" if low[1] == "vty" else "con", src)
            if ui.kind == "vty":
                nums = [int(w) for w in low[2:4] if w.isdecimal()]
                if nums:
                    self.vty_numbers.update(range(nums[0], nums[-1] + 1))
            if ui.kind == "vty" and self.comware_v7():
                # V7: a vty line admits Telnet and SSH unless `protocol inbound` says
                # otherwise (docs/vendors/h3c_comware.md, "Management plane")
                ui.protocols = {"ssh", "telnet"}
            self.uis.append(ui)
            self.ctx = Ctx("ui", self.UI_TABLE, [ui], " ".join(tokens[:3]), src)
            return
        raise Unknown

    def ui_acl(self, ui: UiState, tokens, low, src):
        """``acl [basic|advanced] N inbound`` / ``acl name X inbound`` (``outbound``: calls
        out, irrelevant; ``ipv6`` / ``mac``: not modelled, IPv4 logins unrestricted by it)."""
        if low[-1] == "outbound" or low[1:2] in (["ipv6"], ["mac"]):
            return True
        if low[-1] != "inbound":
            raise Unknown
        name = self._acl_word(tokens[1:-1], low[1:-1])
        ui.acl = (name, src)
        self.ref("acl", name, src)

    def ui_undo_acl(self, ui: UiState, tokens, low, src):
        """``undo acl … inbound`` (a hand-made file): the line's login ACL taken off."""
        if low[-1] == "inbound" and low[2:3] not in (["ipv6"], ["mac"]):
            ui.acl = None
        return True

    def ui_protocol(self, ui: UiState, tokens, low, src):
        """``protocol inbound ssh|telnet|all|pad``."""
        if len(low) != 3 or low[2] not in ("ssh", "telnet", "all", "pad"):
            raise Unknown
        ui.protocols = {"ssh", "telnet"} if low[2] == "all" else {low[2]}
        ui.protocol_src = src

    def line_class_line(self, _target, tokens, low, src):
        """A line of ``line class vty`` that decides who logs in (``protocol inbound``,
        ``acl``, ``authentication-mode``): how it combines with each line's own setting is
        not modelled — the login services are partial."""
        self.line_class = self.line_class or src

    def h_local_user(self, tokens, low, src):
        """``local-user NAME [class manage|network]``: its ``password …`` (a secret) and
        ``service-type …`` lines (Telnet users kept for the checks)."""
        if len(low) < 2:
            raise Unknown
        self.ctx = Ctx("local-user", self.LOCAL_USER_TABLE, [tokens[1]], " ".join(tokens[:2]), src)

    def lu_service_type(self, _name, tokens, low, src):
        if "telnet" in low[1:]:
            self.facts.telnet_users.append(src)
        return True

    def lu_password(self, _name, tokens, low, src):
        """``password simple|cipher|hash X``: a secret (collected); ``cipher`` is
        reversible."""
        self.scan_secrets(tokens, low)
        if low[1:2] == ["cipher"]:
            self.facts.reversible_passwords.append(src)
        return True
