"""Cisco IOS access lists and object-groups as they are read.

Numbered (``access-list N …``, the parser's fast path) and named (``ip access-list
standard|extended NAME`` + entries; NX-OS / EOS ``ip access-list NAME``) lists become
:class:`~netaudit.model.Filter` objects line by line; each entry is parsed by
:func:`.acl_entries.parse_ace`.  Entries that name object-groups are expanded, and
unread or empty lists resolved, by :mod:`.convert` once the whole file is read.
"""

from __future__ import annotations

from netaudit.messages import Text
from netaudit.model import Action, Filter, FilterLine, Match, Src, from_values
from netaudit.parsers.base import Ctx, Unknown, join_reasons
from netaudit.parsers.cisco_common import line_not_understood
from netaudit.parsers.cisco_ios.acl_entries import (
    OG,
    AceError,
    parse_ace,
    parse_network_item,
    parse_nxos_address_item,
    parse_port_item,
    parse_service_item,
    unread_item,
)
from netaudit.parsers.cisco_ios.reasons import line_unread
from netaudit.parsers.cisco_ios.state import Acl, IosState, ObjGroup

# Item parser per object-group kind (nxos-address / port: NX-OS `object-group ip …`).
_OG_ITEM = {
    "network": parse_network_item,
    "service": parse_service_item,
    "nxos-address": parse_nxos_address_item,
    "port": parse_port_item,
}
DYNAMIC_ACE = Text("input.ios.dynamic_ace")  # why a lock-and-key entry is partial


class AclReader(IosState):
    """``access-list``, ``ip access-list`` and ``object-group`` blocks."""

    def h_ip_access_list(self, tokens, low, src):
        if len(low) < 4 or low[2] not in ("standard", "extended"):
            if len(low) >= 3 and low[2] in (
                "resequence",
                "logging",
                "log-update",
                "counters",
                "persistent",
                "match-local-traffic",
            ):
                self.ignored += 1
                return
            if len(low) == 3:
                # NX-OS / Arista EOS: `ip access-list NAME` is an extended list.  Read it:
                # an unread list would become "no list" (IOS: permit everything).
                acl = self._acl(tokens[2], False, src)
                self.ctx = Ctx("acl", None, [acl], f"acl {tokens[2]}", src)
                return
            raise Unknown
        acl = self._acl(tokens[3], low[2] == "standard", src)
        self.ctx = Ctx("acl", None, [acl], f"acl {tokens[3]}", src)

    def _acl(self, name: str, standard: bool, src: Src) -> Acl:
        acl = self.acls.get(name)
        if acl is None:
            flt = Filter(name=name, kind="standard" if standard else "extended", source=src)
            acl = self.acls[name] = Acl(flt, standard)
            self.dev.filters[name] = flt
        return acl

    def _numbered_acl(self, tokens: list[str], stripped: str, lineno: int) -> None:
        if len(tokens) < 3 or not tokens[1].isdecimal():
            if len(tokens) >= 2 and tokens[1].lower() in ("compiled", "dynamic-extend"):
                self.ignored += 1
                return
            self.unrecognized(lineno, stripped)
            return
        num = int(tokens[1])
        if 1 <= num <= 99 or 1300 <= num <= 1999:
            standard = True
        elif 100 <= num <= 199 or 2000 <= num <= 2699:
            standard = False
        elif 200 <= num <= 299 or 700 <= num <= 799 or 1100 <= num <= 1199:
            # Ethernet type-code (200-299) and MAC address lists (700-799, 1100-1199) filter
            # bridged frames only (`bridge-group … input-type-list`, MAC filters), whose
            # interfaces are partial anyway; they never select IPv4 packets
            self.ignored += 1
            return
        else:
            self.unrecognized(lineno, stripped)
            return
        word = tokens[2].lower()
        if word == "remark":
            self.ignored += 1
            return
        src = from_values(Src, (self.file, lineno, stripped))
        acl = self._acl(tokens[1], standard, src)
        if word in ("permit", "deny"):
            self._add_ace(acl, tuple(tokens[2:]), "", src)
        elif word == "dynamic":
            self._dynamic_ace(acl, tokens[3:], "", src)
        else:
            self._acl_bad(acl, src, f"unknown keyword {tokens[2]!r}")

    def _acl_entry(self, acl: Acl, stripped: str, lineno: int, fallback: bool) -> bool:
        tokens = stripped.split()
        seq = ""
        if tokens[0].isdecimal() and len(tokens) > 1:
            seq, tokens = tokens[0], tokens[1:]
        word = tokens[0].lower()
        if word in ("permit", "deny"):
            self._add_ace(acl, tuple(tokens), seq, from_values(Src, (self.file, lineno, stripped)))
            return True
        if word == "remark":
            self.ignored += 1
            return True
        if fallback:
            return False
        src = from_values(Src, (self.file, lineno, stripped))
        if word == "dynamic":
            self._dynamic_ace(acl, tokens[1:], seq, src)
        elif word == "evaluate":
            self._evaluate(acl, tokens, seq, src)
        elif word in ("statistics", "fragments", "exit", "counters"):
            self.ignored += 1  # `counters per-entry` (EOS), `statistics per-entry`
        else:
            self._acl_bad(acl, src, f"unknown keyword {tokens[0]!r}")
        return True

    def _add_ace(self, acl: Acl, body: tuple[str, ...], seq: str, src: Src, extra_partial: str | None = None) -> None:
        try:
            ace = parse_ace(body, acl.standard)
        except AceError as exc:
            if body[0].lower() not in ("permit", "deny"):
                self._acl_bad(acl, src, str(exc))
                return
            # The action is known, the match is not: keep the line where it is as a
            # partial line matching every packet (a superset), so the packets it
            # may take are "unknown" and the lines around it still count.
            self.rep.unrecognized.append(src)
            why = join_reasons((extra_partial, line_not_understood(src.line, exc)))
            action = Action.PERMIT if body[0].lower() == "permit" else Action.DENY
            acl.filter.lines.append(FilterLine(action, [Match()], src, seq, why))
            self.rep.add_partial(f"acl {acl.filter.name}", why, src)
            return
        partial = join_reasons((extra_partial, ace.partial)) or None if extra_partial else ace.partial or None
        line = FilterLine(ace.action, list(ace.matches) if ace.matches is not None else [], src, seq, partial)
        acl.filter.lines.append(line)
        if ace.groups:
            self.deferred.append((acl.filter, line, ace))
            for g in ace.groups:
                self.ref("object-group", g, src)
        if partial:
            self.rep.add_partial(f"acl {acl.filter.name}", partial, src)

    def _evaluate(self, acl: Acl, tokens: list[str], seq: str, src: Src) -> None:
        """``evaluate NAME`` (reflexive ACL): permits the replies of the sessions that
        ``permit … reflect NAME`` entries let through — packets of connections already
        established, never one that opens a connection.  Modelled as a permit of
        established packets (a superset of the mirrored sessions, which changes no
        verdict: only connection-opening packets make a flow reachable)."""
        if acl.standard or len(tokens) != 2:
            self._acl_bad(acl, src, "evaluate takes one reflexive list name, in an extended list")
            return
        acl.filter.lines.append(
            FilterLine(
                Action.PERMIT,
                [Match(conn_established=True)],
                src,
                seq,
                approximated=f"evaluate {tokens[1]}: every established packet, not only its sessions' replies",
            )
        )

    def _dynamic_ace(self, acl: Acl, rest: list[str], seq: str, src: Src) -> None:
        """``dynamic NAME [timeout N] permit …`` (lock-and-key): parsed, marked partial."""
        for i, w in enumerate(rest):
            if w.lower() in ("permit", "deny"):
                self._add_ace(acl, tuple(rest[i:]), seq, src, DYNAMIC_ACE)
                return
        self._acl_bad(acl, src, "dynamic entry without permit/deny")

    def _acl_bad(self, acl: Acl, src: Src, reason: str) -> None:
        """An entry we cannot read: unrecognized, and the whole list becomes partial
        (its verdicts downstream are unknown rather than wrong)."""
        self.rep.unrecognized.append(src)
        why = line_not_understood(src.line, reason)
        acl.filter.partial = acl.filter.partial or why
        self.rep.add_partial(f"acl {acl.filter.name}", why, src)

    # --- object-groups

    def h_object_group(self, tokens, low, src):
        if len(low) >= 4 and low[1] == "ip" and low[2] in ("address", "port"):
            # NX-OS `object-group ip address|port NAME` (ACL `addrgroup` / `portgroup`)
            kind, name = ("nxos-address" if low[2] == "address" else "port"), tokens[3]
        elif len(low) >= 3 and low[1] in ("network", "service"):
            kind, name = low[1], tokens[2]
        else:
            raise Unknown
        og = self.groups.get(name)
        if og is None:
            og = self.groups[name] = ObjGroup(kind, name, src)
        self.ctx = Ctx("og", self.OG_TABLE, [og], f"object-group {name}", src)

    def og_item(self, og: ObjGroup, tokens, low, src):
        if low[0] == "exit":
            return True
        try:
            item = _OG_ITEM[og.kind](tokens)
        except AceError:
            og.partial = og.partial or line_unread(src.line)
            self.rep.add_partial(f"object-group {og.name}", og.partial, src)
            og.items.append(unread_item(og.kind))
            raise Unknown from None
        if item is None:
            return True
        if isinstance(item, OG):
            self.ref("object-group", item.name, src)
        og.items.append(item)
