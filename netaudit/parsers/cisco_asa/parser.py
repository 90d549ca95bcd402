"""Cisco ASA (and FTD in ASA syntax) parser: the one parser class and its dispatch tables.

:class:`AsaParser` is :class:`~netaudit.parsers.base.LineParser` (the neutral line
dispatch, ``no`` as the negation keyword) with the ASA comment rules (``!``, ``:``,
``Cryptochecksum:``, trailing ``  ! note``), the ASA secret grammar, the global
handlers (names, ACLs, access-groups, objects, NAT, routes, blocks whose bodies name
ACLs), and the readers and the conversion of this package as mixins.  The keyword
lists are in :mod:`.syntax`; the tables binding them to handlers are at the end of
this module.
"""

from __future__ import annotations

from netaudit.messages import Text
from netaudit.model import Src
from netaudit.parsers.base import IGNORE, IGNORE_CTX, Ctx, Unknown, table
from netaudit.parsers.cisco_asa.convert import ModelBuilder
from netaudit.parsers.cisco_asa.interfaces import InterfaceReader
from netaudit.parsers.cisco_asa.legacy_nat import LegacyNatLine
from netaudit.parsers.cisco_asa.management import ManagementReader
from netaudit.parsers.cisco_asa.nat import NatLine
from netaudit.parsers.cisco_asa.objects import (
    AclError,
    Group,
    NetObject,
    Ref,
    SvcObject,
    is_v6,
    parse_icmp_item,
    parse_net_object_item,
    parse_network_item,
    parse_protocol_item,
    parse_service_item,
    parse_service_spec,
    unread,
)
from netaudit.parsers.cisco_asa.state import AccessGroupCmd, Acl, CryptoEntry
from netaudit.parsers.cisco_asa.syntax import (
    IFACE_IGNORED,
    IFACE_PARTIAL,
    KEY_FORMAT_WORDS,
    SECRET_WORDS,
    TOP_IGNORED,
    TOP_PARTIAL,
    TRAILING_COMMENT,
    hostname_of_file,
)
from netaudit.parsers.cisco_common import capture_markup, line_not_understood
from netaudit.parsers.ip import ip_to_int


class AsaParser(ModelBuilder, InterfaceReader, ManagementReader):
    """One pass over the lines (:meth:`~netaudit.parsers.base.LineParser.run`), then
    :meth:`~.convert.ModelBuilder.finish` resolves cross-references."""

    # A column-0 line the top level does not know may be an item of the open object or
    # object-group (an item printed without its indent, as on a real 8.2 export after a
    # `description`): only the item words of that kind are taken (:meth:`_in_ctx`).
    DEINDENTED_BLOCKS = True

    # ------------------------------------------------------------------ secrets

    def scan_secrets(self, tokens: list[str], low: list[str]) -> None:
        """Secrets in a line we otherwise ignore: the value after a secret keyword
        (skipping encryption-type words), or the last word for pre-shared keys."""
        for i, w in enumerate(low):
            if w not in SECRET_WORDS:
                continue
            if w == "pre-shared-key":
                self.add_secret(tokens[-1])
                continue
            j = i + 1
            if w in ("authentication-key", "message-digest-key") and j < len(low) and low[j].isdecimal():
                j += 1  # the key number
            while j < len(low) and low[j] in KEY_FORMAT_WORDS:
                j += 1
            if w in ("auth", "priv") and j >= len(low):
                continue
            if w == "key":
                if i == 0 and len(low) > 1:
                    j = len(low) - 1  # `key SECRET` inside aaa-server host blocks
                elif low[0] not in ("failover", "crypto", "tacacs-server", "radius-server", "cluster"):
                    continue  # `crypto key generate rsa …` holds no secret
                elif low[0] == "crypto" and low[1:2] != ["isakmp"]:
                    continue
            if j < len(tokens):
                self.add_secret(tokens[j])

    def ctx_partial(self, ctx: Ctx, reason: str, src: Src) -> None:
        if ctx.kind == "interface":
            self.iface_partial(ctx.targets[0].iface, reason, src)
        else:
            self.rep.add_partial(ctx.label, reason, src)

    # ------------------------------------------------------------------ main loop

    def prepare(self, raw: str, lineno: int) -> str | None:
        stripped = raw.strip()
        if not stripped:
            self.ignored += 1
            return None
        first = stripped[0]
        if first == "!" or (first == ":" and raw[0] == ":") or stripped.startswith("Cryptochecksum:"):
            self.ignored += 1
            if raw[0] in "!:C":
                self.ctx = None
            return None
        if raw[0] not in " \t" and capture_markup(stripped):
            self.ignored += 1  # a terminal capture's prompt and command, a note's code fence
            self.ctx = None
            return None
        if "!" in stripped:
            stripped = TRAILING_COMMENT.sub("", stripped)
        return stripped

    def end_of_input(self) -> None:
        try:
            self.finish()
        except Exception as exc:
            why = Text("input.asa.resolution_failed", error=f"{type(exc).__name__}: {exc}")
            self.rep.warnings.append(Text("input.at", where=self.file, what=why))
            if not self.dev.hostname:
                self.dev.hostname = hostname_of_file(self.file)
            self.rep.devices = [self.dev.hostname]

    def fast_line(self, tokens: list[str], stripped: str, lineno: int) -> None:
        self.h_access_list(tokens, None, self.src(lineno, stripped))

    def _in_ctx(self, ctx: Ctx, stripped: str, lineno: int, fallback: bool) -> bool:
        if fallback and stripped.split(None, 1)[0].lower() not in DEINDENTED_ITEMS.get(ctx.kind, ()):
            return False
        if ctx.kind == "scan":
            # an ignored block whose body may name ACLs (class-map, group-policy …)
            tokens = stripped.split()
            low = stripped.lower().split()
            src = self.src(lineno, stripped)
            if not (ctx.targets and self._vpn_attribute(ctx.targets[0], tokens, low, src)):
                self.ignored += 1
            self._scan_refs(tokens, low, src)
            if not SECRET_WORDS.isdisjoint(low):
                self.scan_secrets(tokens, low)
            return True
        return super()._in_ctx(ctx, stripped, lineno, fallback)

    def _vpn_attribute(self, target: tuple[str, str], tokens, low, src: Src) -> bool:
        """A group-policy's ``vpn-filter value ACL|none``, a tunnel-group's
        ``default-group-policy GP``, a group-policy's or user's ``vpn-tunnel-protocol``
        (:mod:`.vpn`); False for any other line."""
        kind, name = target
        if kind == "group-policy" and len(low) >= 2 and low[0] == "vpn-filter":
            if low[1] == "value" and len(low) >= 3:
                self.gp_filters[name] = (tokens[2], src)
                return True
            if low[1] == "none":
                self.gp_filters[name] = (None, src)
                return True
        if kind == "tunnel-group" and len(low) >= 2 and low[0] == "default-group-policy":
            self.tg_policies[name] = (tokens[1], src)
            return True
        if kind in ("group-policy", "username") and low[:1] == ["vpn-tunnel-protocol"]:
            if "l2tp-ipsec" in low[1:]:
                self.l2tp_protocol.append(src)
            return True
        return False

    def apply(self, ctx: Ctx, entry, tokens, low, src: Src) -> bool:
        target = ctx.targets[0]
        try:
            if entry(self, target, tokens, low, src):
                self.ignored += 1
        except Unknown:
            return False
        except AclError as exc:
            if ctx.kind.startswith("og-") or ctx.kind.startswith("obj-"):
                target.partial = target.partial or line_not_understood(src.line, exc)
                self.rep.add_partial(ctx.label, target.partial, src)
                unread(target)
            return False
        return True

    def _scan_refs(self, tokens, low, src: Src) -> None:
        """ACL names used by class-maps, group-policies, route-maps (kept as references
        so an ACL used only there is not reported as unused)."""
        n = len(low)
        if n >= 3 and low[0] == "match" and low[1] == "access-list":
            self.ref("acl", tokens[2], src)
        elif n >= 4 and low[0] == "match" and low[1] == "ip" and low[2] == "address":
            for name in tokens[3:]:
                if name.lower() != "prefix-list":
                    self.ref("acl", name, src)
        elif (
            n >= 3
            and low[0] in ("vpn-filter", "split-tunnel-network-list", "ipv6-split-tunnel-network-list")
            and low[1] == "value"
        ):
            self.ref("acl", tokens[2], src)
        elif n >= 2 and low[0] == "network-acl":  # dynamic-access-policy-record
            self.ref("acl", tokens[1], src)

    # ------------------------------------------------------------------ global handlers

    def h_version(self, tokens, low, src):
        if len(tokens) < 3:
            raise Unknown
        self.dev.os_version = tokens[2]
        self.facts.platform = tokens[0]

    def h_enable(self, tokens, low, src):
        if len(low) < 3 or low[1] != "password":
            self.ignored += 1
            return
        self.add_secret(tokens[2])
        self.facts.enable_password = src

    def h_passwd(self, tokens, low, src):
        if len(tokens) < 2:
            raise Unknown
        self.add_secret(tokens[1])

    def h_username(self, tokens, low, src):
        if len(low) >= 3 and low[2] == "attributes":
            self.ctx = Ctx("scan", targets=[("username", tokens[1])])
            self.ignored += 1
            return
        for i, w in enumerate(low):
            if w == "password" and i + 1 < len(tokens):
                self.add_secret(tokens[i + 1])
                return
        self.ignored += 1

    def h_name(self, tokens, low, src):
        if len(tokens) < 3:
            raise Unknown
        ip = ip_to_int(tokens[1])
        if ip is None:
            if is_v6(tokens[1]):
                self.ignored += 1
                return
            raise Unknown
        self.names[tokens[2]] = ip

    def h_same_security(self, tokens, low, src):
        if len(low) < 3 or low[1] != "permit" or low[2] not in ("inter-interface", "intra-interface"):
            raise Unknown
        if low[2] == "inter-interface":
            self.same_inter = src
        else:
            self.same_intra = src

    # --- access lists

    def h_access_list(self, tokens, low, src):
        n = len(tokens)
        if n < 3:
            self.unrecognized(src.line, src.text)
            return
        name = tokens[1]
        i = 2
        if tokens[i].lower() == "line" and n > 4 and tokens[i + 1].isdecimal():
            i += 2
        word = tokens[i].lower()
        acl = self.acls.get(name)
        if word == "remark":
            self.ignored += 1
            if acl is None:
                self.acls[name] = Acl(name, src)
            return
        if word in ("webtype", "ethertype", "compiled", "alert-interval", "deny-flow-max"):
            self.ignored += 1
            return
        if word == "standard":
            self.facts.standard_acls.setdefault(name, []).append(src)
            if acl is None:
                self.acls[name] = Acl(name, src, standard=True)
            return
        if word in ("extended", "advanced"):  # advanced: FTD in ASA syntax
            i += 1
        elif word not in ("permit", "deny"):
            self.unrecognized(src.line, src.text)
            return
        if acl is None:
            acl = self.acls[name] = Acl(name, src)
        acl.entries.append((tuple(tokens[i:]), src))

    def h_access_group(self, tokens, low, src):
        n = len(low)
        if n < 3:
            raise Unknown
        acl = tokens[1]
        if low[2] == "global" and n == 3:
            self.access_groups.append(AccessGroupCmd(acl, "global", None, False, src))
        elif low[2] in ("in", "out") and n >= 5 and low[3] == "interface":
            cp = n >= 6 and low[5] == "control-plane"
            self.access_groups.append(AccessGroupCmd(acl, low[2], tokens[4], cp, src))
        else:
            raise Unknown

    def h_ipv6_access_list(self, tokens, low, src):
        """ASA 8.x IPv6 ACL entry: its name is known (an access-group may bind it);
        it matches no IPv4 packet."""
        if len(tokens) < 4:
            raise Unknown
        self.ipv6_acls.add(tokens[2])
        self.ignored += 1

    # --- objects

    def h_object(self, tokens, low, src):
        if len(tokens) < 3:
            raise Unknown
        kind, name = low[1], tokens[2]
        if kind == "network":
            net = self.nets.get(name)
            if net is None:
                net = self.nets[name] = NetObject(name, src)
            self.ctx = Ctx("obj-network", self.OBJNET_TABLE, [net], f"object network {name}")
        elif kind == "service":
            svc = self.svc_objs.get(name)
            if svc is None:
                svc = self.svc_objs[name] = SvcObject(name, src)
            self.ctx = Ctx("obj-service", self.OBJSVC_TABLE, [svc], f"object service {name}")
        else:
            raise Unknown

    def h_object_group(self, tokens, low, src):
        words, toks = low[1:], tokens[1:]
        if words and words[0] == "group":  # `object-group group network X` (seen in tests)
            words, toks = words[1:], toks[1:]
        if len(words) < 2:
            raise Unknown
        kind, name = words[0], toks[1]
        if kind in ("user", "security", "network-service"):
            self.ignored += 1
            self.ctx = IGNORE_CTX
            return
        if kind not in ("network", "service", "protocol", "icmp-type"):
            raise Unknown
        header = words[2] if kind == "service" and len(words) > 2 else None
        if header is not None and header not in ("tcp", "udp", "tcp-udp"):
            raise Unknown
        g = self.groups.get(name)
        if g is None:
            g = self.groups[name] = Group(kind, name, src, header)
        self.ctx = Ctx(f"og-{kind}", self.OG_TABLES[kind], [g], f"object-group {name}")

    # --- NAT

    def h_nat(self, tokens, low, src):
        rest = tokens[1:]
        if not rest:
            raise Unknown
        if rest[0].startswith("(") and len(rest) > 1 and rest[1].isdecimal() and "," not in rest[0]:
            self._legacy_nat(tokens, src)  # pre-8.3 `nat (inside) 1 0 0`
            return
        lw = [w.lower() for w in rest]
        line = NatLine(rest, src)
        if "after-auto" in lw[:3] or "after-object" in lw[:3]:
            self.nat_after.append(line)
        elif "source" in lw:
            self.nat_manual.append(line)
        else:
            raise Unknown

    def _legacy_nat(self, tokens: list[str], src: Src) -> None:
        """A pre-8.3 ``static``, ``global`` or ``nat (if) N`` line, converted at the end
        (:mod:`.legacy_nat`)."""
        low = [w.lower() for w in tokens]
        if "access-list" in low[:-1]:  # policy NAT / NAT exemption list
            self.ref("acl", tokens[low.index("access-list") + 1], src)
        self.legacy_nat.append(LegacyNatLine(list(tokens), src))

    def h_legacy_static(self, tokens, low, src):
        if len(tokens) > 1 and tokens[1].startswith("("):
            self._legacy_nat(tokens, src)
        else:
            raise Unknown

    def h_nat_control(self, tokens, low, src):
        """``nat-control`` (ASA ≤ 8.2; off by default): traffic to a lower level needs a
        NAT rule."""
        if len(tokens) != 1:
            raise Unknown
        self.nat_control = src

    def h_no_nat_control(self, tokens, low, src):
        if len(tokens) != 2:
            raise Unknown
        self.nat_control = None

    # --- routing

    def h_route(self, tokens, low, src):
        if len(tokens) < 4:
            raise Unknown
        self.routes.append((tokens, src))

    def h_router(self, tokens, low, src):
        self.dev.dynamic_routing.append(src)
        self.ctx = IGNORE_CTX

    def h_route_map(self, tokens, low, src):
        self.ignored += 1
        self.ctx = Ctx("scan")

    def h_scan_block(self, tokens, low, src):
        """class-map, group-policy, tunnel-group, aaa-server: ignored, bodies scanned."""
        self.ignored += 1
        if not SECRET_WORDS.isdisjoint(low):
            self.scan_secrets(tokens, low)
        self.ctx = Ctx("scan")

    def h_capture(self, tokens, low, src):
        """``capture NAME [access-list ACL] interface IF …``: packet capture only."""
        self.ignored += 1
        if "access-list" in low[:-1]:
            self.ref("acl", tokens[low.index("access-list") + 1], src)

    def h_service_policy(self, tokens, low, src):
        """``service-policy P global|interface X``: inspection, no effect on reachability
        (recognized, not counted as ignored)."""

    def h_crypto(self, tokens, low, src):
        self.ctx = IGNORE_CTX
        n = len(low)
        if n >= 4 and low[1] in ("ikev1", "ikev2", "isakmp") and low[2] == "enable":
            self.vpn_listen.append(("ike", tokens[3], src))
            if low[1] != "ikev2":
                self.ikev1_enabled.setdefault(tokens[3], src)
            return
        if self._transform_mode(tokens, low, src):
            return
        if n >= 5 and low[1] in ("map", "dynamic-map") and low[3].isdecimal():
            if self._crypto_entry(tokens, low, src):
                return
        elif n >= 5 and low[1] == "map" and low[3] == "interface":
            self.crypto_binds[tokens[4]] = (tokens[2], src)  # the last binding of a nameif wins
            return
        self.ignored += 1
        if not SECRET_WORDS.isdisjoint(low):
            self.scan_secrets(tokens, low)

    def _transform_mode(self, tokens, low, src) -> bool:
        """``crypto ipsec [ikev1] transform-set NAME mode transport|tunnel`` (the last
        line wins; tunnel is the default): which IKEv1 transform sets L2TP over IPsec
        can use (:mod:`.vpn`)."""
        if low[1:2] != ["ipsec"]:
            return False
        words = low[2:]
        if words[:1] == ["ikev1"]:
            words = words[1:]
        if len(words) != 4 or words[0] != "transform-set" or words[2] != "mode":
            return False
        name = tokens[len(low) - 3]
        if words[3] == "transport":
            self.transport_sets[name] = src
            return True
        if words[3] == "tunnel":
            self.transport_sets.pop(name, None)
            return True
        return False

    def _crypto_entry(self, tokens, low, src) -> bool:
        """A ``crypto map|dynamic-map NAME SEQ …`` line (:mod:`.vpn`): True when it says
        what the model uses (match address, ipsec-isakmp dynamic, set peer); every
        line creates the entry."""
        table = self.crypto_entries if low[1] == "map" else self.crypto_dynamic
        key = (tokens[2], int(low[3]))
        entry = table.get(key)
        if entry is None:
            entry = table[key] = CryptoEntry(tokens[2], int(low[3]), src)
        rest, n = low[4:], len(low)
        if rest[:2] == ["match", "address"] and n >= 7:
            entry.acl, entry.acl_src = tokens[6], src
            self.ref("acl", tokens[6], src)
            return True
        if low[1] == "map" and rest[:2] == ["ipsec-isakmp", "dynamic"] and n >= 7:
            entry.dynamic, entry.dynamic_src = tokens[6], src
            return True
        if low[1] == "map" and rest == ["ipsec-manual"]:
            entry.manual = True
            return True
        if rest[:2] == ["set", "peer"] and n >= 7:
            entry.peers = tokens[6:]
            return True
        if rest[:3] == ["set", "ikev1", "transform-set"] or rest[:2] == ["set", "transform-set"]:
            first = 7 if rest[1] == "ikev1" else 6
            entry.transforms, entry.transforms_src = tokens[first:], src
            return True
        return False

    def h_sysopt_connection(self, tokens, low, src):
        """``sysopt connection permit-vpn`` (``permit-ipsec`` before 7.0): on by default,
        so a running-config shows only its ``no`` form; other ``sysopt connection``
        options (tcpmss, timewait …) do not decide reachability."""
        if len(low) == 3 and low[2] in ("permit-vpn", "permit-ipsec"):
            self.permit_vpn = (True, src)
        else:
            self.ignored += 1

    def h_no_sysopt_connection(self, tokens, low, src):
        if len(low) == 4 and low[3] in ("permit-vpn", "permit-ipsec"):
            self.permit_vpn = (False, src)
        else:
            self.ignored += 1

    def h_group_policy(self, tokens, low, src):
        """``group-policy NAME internal|external …|attributes``: its ``vpn-filter`` is
        read (:mod:`.vpn`); the rest is scanned for ACL names and secrets."""
        self.h_scan_block(tokens, low, src)
        if len(low) >= 3 and low[2] == "attributes":
            self.ctx = Ctx("scan", targets=[("group-policy", tokens[1])])
        elif len(low) >= 3 and low[2] == "external":
            self.gp_external[tokens[1]] = src

    def h_tunnel_group(self, tokens, low, src):
        """``tunnel-group NAME type …`` and its ``general-attributes``
        (``default-group-policy``): which group-policy a peer's tunnel gets."""
        self.h_scan_block(tokens, low, src)
        if len(low) >= 3 and low[2] == "type":
            self.tunnel_groups[tokens[1]] = src
        elif len(low) >= 3 and low[2] == "general-attributes":
            self.ctx = Ctx("scan", targets=[("tunnel-group", tokens[1])])

    def h_failover(self, tokens, low, src):
        self.ctx = IGNORE_CTX
        if not SECRET_WORDS.isdisjoint(low):
            self.scan_secrets(tokens, low)
        self.facts.failover.append(src)

    def h_logging(self, tokens, low, src):
        if len(low) < 3 or low[1] != "host":  # logging host …: recognized
            self.ignored += 1

    def h_ntp(self, tokens, low, src):
        self.scan_secrets(tokens, low)
        if len(low) < 3 or low[1] != "server":  # ntp server …: recognized
            self.ignored += 1

    def h_aaa(self, tokens, low, src):
        self.ctx = IGNORE_CTX  # recognized (not counted as ignored)

    def h_ip(self, tokens, low, src):
        # `ip verify reverse-path interface NAMEIF` = strict uRPF on that interface
        if len(low) >= 5 and low[1] == "verify" and low[2] == "reverse-path" and low[3] == "interface":
            self.urpf.append((tokens[4], src))
            return
        self.ignored += 1
        self.ctx = IGNORE_CTX

    def h_firewall(self, tokens, low, src):
        if len(low) >= 2 and low[1] == "transparent":
            self.transparent = src
            self.rep.add_partial("firewall transparent", Text("input.asa.transparent"), src)
        else:
            self.ignored += 1

    # ------------------------------------------------------------------ object blocks

    def obj_net_item(self, obj: NetObject, tokens, low, src):
        kind, addrs = parse_net_object_item(tokens, self.names)
        obj.addrs, obj.defined = addrs, True
        if kind == "fqdn":
            obj.partial = Text("input.asa.fqdn_object", name=obj.name)
            self.rep.add_partial(f"object network {obj.name}", obj.partial, src)

    def obj_net_nat(self, obj: NetObject, tokens, low, src):
        self.nat_object.append(NatLine(tokens[1:], src, obj.name))

    def obj_svc_item(self, obj: SvcObject, tokens, low, src):
        svc, i = parse_service_spec(tokens, 1)
        if i != len(tokens):
            raise AclError(f"unexpected {tokens[i]!r}")
        obj.svcs = (svc,)

    def og_item(self, g: Group, tokens, low, src):
        if low == ["exit"]:  # a command sheet leaves the group (IOS-style)
            return True
        if g.kind == "network":
            item = parse_network_item(tokens, self.names)
        elif g.kind == "service":
            item = parse_service_item(tokens, g.proto)
            if isinstance(item, tuple) and item and item[0] == "ports" and g.proto is None:
                g.partial = g.partial or Text("input.asa.port_object_no_protocol")
                self.rep.add_partial(f"object-group {g.name}", g.partial, src)
        elif g.kind == "protocol":
            item = parse_protocol_item(tokens)
        else:
            item = parse_icmp_item(tokens)
        if item is None:
            return True
        g.items.append(item)
        if isinstance(item, Ref):
            self.ref("object-group" if item.kind == "group" else "object", item.name, src)


# =========================================================================== dispatch tables


P = AsaParser

TOP_TABLE = table(
    ignored=TOP_IGNORED,
    partial=TOP_PARTIAL,
    handlers={
        "hostname": P.h_hostname,
        "asa version": P.h_version,
        "pix version": P.h_version,
        "ngfw version": P.h_version,
        "enable": P.h_enable,
        "passwd": P.h_passwd,
        "username": P.h_username,
        "name": P.h_name,
        "same-security-traffic": P.h_same_security,
        "interface": P.h_interface,
        "access-list": P.h_access_list,
        "access-group": P.h_access_group,
        "ipv6 access-list": P.h_ipv6_access_list,
        "object": P.h_object,
        "object-group": P.h_object_group,
        "nat": P.h_nat,
        "static": P.h_legacy_static,
        "global": P.h_legacy_static,
        "nat-control": P.h_nat_control,
        "no nat-control": P.h_no_nat_control,
        "route": P.h_route,
        "router": P.h_router,
        "route-map": P.h_route_map,
        "class-map": P.h_scan_block,
        "group-policy": P.h_group_policy,
        "capture": P.h_capture,
        "dynamic-access-policy-record": P.h_scan_block,
        "tunnel-group": P.h_tunnel_group,
        "aaa-server": P.h_scan_block,
        "service-policy": P.h_service_policy,
        "crypto": P.h_crypto,
        "sysopt connection": P.h_sysopt_connection,
        "no sysopt connection": P.h_no_sysopt_connection,
        "failover": P.h_failover,
        "logging": P.h_logging,
        "ntp": P.h_ntp,
        "aaa": P.h_aaa,
        "ip": P.h_ip,
        "firewall": P.h_firewall,
        "http": P.h_http,
        "ssh": P.h_ssh,
        "telnet": P.h_telnet,
        "icmp": P.h_icmp,
        "snmp-server": P.h_snmp,
        "management-access": P.h_management_access,
        "dhcpd": P.h_dhcpd,
        "dhcprelay": P.h_dhcprelay,
        "webvpn": P.h_webvpn,
        # "no X": back to a default — understood, no effect worth modelling
        "no failover": IGNORE,
    },
)

IFACE_TABLE = table(
    ignored=IFACE_IGNORED,
    partial=IFACE_PARTIAL,
    handlers={
        "nameif": P.if_nameif,
        "no nameif": P.if_nameif,
        "security-level": P.if_level,
        "no security-level": P.if_level,
        "ip address": P.if_ip_address,
        "no ip address": P.if_ip_address,
        "shutdown": P.if_shutdown,
        "no shutdown": P.if_shutdown,
        "description": P.if_description,
        "vlan": P.if_vlan,
        "management-only": P.if_mgmt_only,
        "no management-only": P.if_mgmt_only,
        "member-interface": P.if_member,
        "channel-group": P.if_channel_group,
        "switchport": P.if_switchport,
        "no forward interface": P.if_no_forward,
        "dhcprelay": P.if_dhcprelay,
        "pppoe client vpdn": P.if_pppoe_vpdn,
        "ospf": P.if_scan,
        "eigrp": P.if_scan,
        "authentication": P.if_scan,
    },
)

OBJNET_TABLE = table(
    ignored=["description", "exit"],
    handlers={
        "host": P.obj_net_item,
        "subnet": P.obj_net_item,
        "range": P.obj_net_item,
        "fqdn": P.obj_net_item,
        "nat": P.obj_net_nat,
    },
)
OBJSVC_TABLE = table(ignored=["description", "exit"], handlers={"service": P.obj_svc_item})


class _WebvpnTable(dict):
    """webvpn body: ``enable IFNAME`` and ``port N`` matter, the rest is ignored."""

    def get(self, key, default=None):
        if key == ("enable",):
            return P.wv_enable
        if key == ("port",):
            return P.wv_port
        return IGNORE if len(key) == 1 else None


WEBVPN_TABLE = _WebvpnTable()


class _OgTable(dict):
    """Every line of an object-group body is an item (parsed by kind)."""

    def get(self, key, default=None):
        return P.og_item


OG_TABLES = {k: _OgTable() for k in ("network", "service", "protocol", "icmp-type")}

# The first words of the items a de-indented line may be, per open block (none of them
# is a top-level command).
DEINDENTED_ITEMS = {
    "og-network": frozenset({"network-object", "group-object", "description"}),
    "og-service": frozenset({"service-object", "port-object", "group-object", "description"}),
    "og-protocol": frozenset({"protocol-object", "group-object", "description"}),
    "og-icmp-type": frozenset({"icmp-object", "group-object", "description"}),
    "obj-network": frozenset({"host", "subnet", "range", "fqdn", "description"}),
    "obj-service": frozenset({"service", "description"}),
}

P.TOP_TABLE, P.IFACE_TABLE, P.OBJNET_TABLE, P.OBJSVC_TABLE = TOP_TABLE, IFACE_TABLE, OBJNET_TABLE, OBJSVC_TABLE
P.WEBVPN_TABLE, P.OG_TABLES = WEBVPN_TABLE, OG_TABLES
