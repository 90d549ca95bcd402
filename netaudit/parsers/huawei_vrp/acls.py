"""Huawei VRP: ACLs (``acl number N`` / ``acl name X``), their ``rule`` lines, and the
MQC objects (``traffic classifier`` / ``traffic behavior`` / ``traffic policy``)
(docs/vendors/huawei_vrp.md, "ACLs").

Rules are kept by rule number: VRP matches them in ascending rule-number order under the
default ``match-order config`` whatever order they were typed in, and a rule typed
without a number gets the next multiple of the step (5) above the highest so far.
What a rule matches is exact where the model has the field; an option it does not
(``time-range``, ``vpn-instance``, ``fragment``, DSCP …) makes the rule partial, never
dropped.
"""

from __future__ import annotations

from functools import lru_cache

from netaudit.messages import Text
from netaudit.model import PROTO_ICMP, PROTO_TCP, PROTO_UDP, Action, AddrMatch, FilterLine, Match, Src
from netaudit.parsers.base import EVERY_MATCH_STATE, IGNORE_CTX, Ctx, Unknown, from_state, join_reasons
from netaudit.parsers.huawei_vrp.state import AclState, Behavior, Classifier, VrpState
from netaudit.parsers.huawei_vrp.syntax import ICMP_TYPES, PROTOCOLS, port_op
from netaudit.parsers.ip import ip_to_int

# Options understood but not modelled: the rule's other constraints are kept and the
# rule is partial (its match is a superset of what it really matches).
_UNMODELLED = {
    "time-range": 1,
    "vpn-instance": 1,
    "dscp": 1,
    "tos": 1,
    "precedence": 1,
    "ttl": 2,
    "packet-length": 2,
    "source-pool": 1,
    "destination-pool": 1,
    "igmp-type": 1,
}
_FLAGS_UNMODELLED = ("fragment", "none-first-fragment", "ttl-expired", "first-fragment")
# The source of a rule's line until the reader sets it (one frozen Src for all).
_NO_SOURCE = Src("", 0)


@lru_cache(maxsize=1024)  # an ACL repeats its options rule after rule: one text each
def _unmodelled(option: str) -> Text:
    """Why a rule with this option (as written) is partial."""
    return Text("input.vrp.option_unmodelled", option=option)


@lru_cache(maxsize=64)
def _tcp_flag(flag: str) -> Text:
    """Why a rule matching ``tcp-flag FLAG`` (other than established) is partial."""
    return Text("input.vrp.tcp_flag", flag=flag)


def acl_kind(number: int) -> str:
    """basic (2000-2999), advanced (3000-3999), l2 (4000-4999), user (6000-9999)."""
    if 2000 <= number <= 2999:
        return "basic"
    if 3000 <= number <= 3999:
        return "advanced"
    if 4000 <= number <= 4999:
        return "l2"
    if 6000 <= number <= 9999:
        return "user"
    return "other"


def _address(tokens: list[str], i: int) -> tuple[AddrMatch, int, str | None]:
    """``A WILDCARD`` or ``any`` at ``tokens[i]`` → (pattern, next index, doubt)."""
    if i >= len(tokens):
        raise Unknown
    if tokens[i].lower() == "any":
        return AddrMatch.any(), i + 1, None
    if i + 1 >= len(tokens):
        raise Unknown
    got = _pattern(tokens[i], tokens[i + 1])
    if got is None:
        raise Unknown
    return got[0], i + 2, got[1]


@lru_cache(maxsize=4096)  # an ACL repeats its sources and destinations rule after rule
def _pattern(address: str, wildcard: str) -> tuple[AddrMatch, str | None] | None:
    """``A WILDCARD`` → (pattern, doubt); None when not an address and a wildcard."""
    addr = ip_to_int(address)
    if addr is None:
        return None
    if wildcard == "0":  # VRP: wildcard 0 = this host
        return AddrMatch.host(addr), None
    if wildcard.isdecimal() and int(wildcard) <= 32:
        # A number for the wildcard: read as a prefix length (newer releases accept it);
        # said, since the reading is not certain.
        plen = int(wildcard)
        bits = (1 << (32 - plen)) - 1
        return AddrMatch(addr & ~bits & 0xFFFFFFFF, bits), Text("input.vrp.wildcard_prefix", wildcard=wildcard)
    wild = ip_to_int(wildcard)
    if wild is None:
        return None
    return AddrMatch(addr & ~wild & 0xFFFFFFFF, wild), None


def parse_rule(acl: AclState, tokens: list[str], low: list[str]) -> tuple[int | None, FilterLine | None, str | None]:
    """``rule [N] permit|deny …`` → (rule number or None, line without its source, doubt).
    Raises :class:`Unknown` for a rule not understood."""
    i = 1
    number = None
    if i < len(low) and low[i].isdecimal():
        number = int(low[i])
        i += 1
    if i >= len(low):
        raise Unknown
    if low[i] in ("description", "remark"):
        return number, None, None
    if low[i] not in ("permit", "deny"):
        raise Unknown
    action = Action.PERMIT if low[i] == "permit" else Action.DENY
    i += 1
    doubts: list[str] = []
    fields = EVERY_MATCH_STATE.copy()  # every key already there: set in field order
    proto: int | None = None
    if acl.kind == "advanced":
        if i >= len(low):
            raise Unknown
        word = low[i]
        if word in PROTOCOLS:
            proto = PROTOCOLS.get(word)
        elif word.isdecimal() and int(word) <= 255:
            proto = int(word)
        else:
            raise Unknown
        if proto is not None:
            fields["protocols"] = (proto,)
        i += 1
    elif acl.kind != "basic":
        raise Unknown
    n = len(low)
    while i < n:
        word = low[i]
        if word in ("source", "destination"):
            pattern, i, doubt = _address(tokens, i + 1)
            if doubt:
                doubts.append(doubt)
            if not pattern.is_any:
                fields["src" if word == "source" else "dst"] = (pattern,)
        elif word in ("source-port", "destination-port") and proto in (PROTO_TCP, PROTO_UDP):
            ranges, i = port_op(tokens, i + 1, proto)
            fields["src_ports" if word == "source-port" else "dst_ports"] = ranges
        elif word == "icmp-type" and proto == PROTO_ICMP and i + 1 < n:
            name = low[i + 1]
            if name in ICMP_TYPES:
                fields["icmp_type"], fields["icmp_code"] = ICMP_TYPES[name]
                i += 2
            elif name.isdecimal():
                fields["icmp_type"] = int(name)
                i += 2
                if i < n and low[i].isdecimal():
                    fields["icmp_code"] = int(low[i])
                    i += 1
            else:
                raise Unknown
        elif word == "tcp-flag" and proto == PROTO_TCP and i + 1 < n:
            if low[i + 1] == "established":
                fields["tcp_established"] = True
                i += 2
            else:
                doubts.append(_tcp_flag(low[i + 1]))
                i += 2
                while i < n and low[i] in ("ack", "fin", "psh", "rst", "syn", "urg", "mask"):
                    i += 1
        elif word == "logging":
            i += 1
        elif word in _FLAGS_UNMODELLED:
            doubts.append(_unmodelled(word))
            i += 1
        elif word in _UNMODELLED:
            doubts.append(_unmodelled(" ".join(tokens[i : i + 1 + _UNMODELLED[word]])))
            i += 1 + _UNMODELLED[word]
        else:
            raise Unknown
    line = FilterLine(
        action, [from_state(Match, fields)], _NO_SOURCE, partial=(join_reasons(doubts) or None) if doubts else None
    )
    return number, line, line.partial


class AclReader(VrpState):
    """Handlers of ``acl`` blocks and the MQC objects."""

    def h_acl(self, tokens, low, src):
        """``acl [number] N [match-order auto|config]``, ``acl name X [basic|advance|link|N]
        [match-order …]``."""
        words, wlow = tokens[1:], low[1:]
        auto = False
        if "match-order" in wlow:
            k = wlow.index("match-order")
            if k + 1 >= len(wlow) or wlow[k + 1] not in ("auto", "config"):
                raise Unknown
            auto = wlow[k + 1] == "auto"
            words, wlow = words[:k] + words[k + 2 :], wlow[:k] + wlow[k + 2 :]
        number: int | None = None
        if wlow[:1] == ["number"] and len(wlow) == 2 and wlow[1].isdecimal():
            number = int(wlow[1])
            name, kind = wlow[1], acl_kind(number)
        elif len(wlow) == 1 and wlow[0].isdecimal():
            number = int(wlow[0])
            name, kind = wlow[0], acl_kind(number)
        elif wlow[:1] == ["name"] and len(wlow) in (2, 3):
            name = words[1]
            kind = "advanced"  # VRP's default type of a named ACL
            if len(wlow) == 3:
                t = wlow[2]
                if t.isdecimal():
                    number = int(t)
                    kind = acl_kind(number)
                    self.acl_alias[t] = name
                elif t in ("basic", "advance", "link", "user"):
                    kind = {"basic": "basic", "advance": "advanced", "link": "l2", "user": "user"}[t]
                else:
                    raise Unknown
        else:
            raise Unknown
        self.enter_acl(name, kind, auto, low, src)

    def enter_acl(self, name: str, kind: str, auto: bool, low, src) -> None:
        """The block of ACL ``name`` (created where new; ``match-order`` set where written):
        its ``rule`` lines follow — a type not modelled (Layer 2, user) makes it partial and
        its lines are read as data."""
        acl = self.acls.get(name)
        if acl is None:
            acl = self.acls[name] = AclState(name, kind, src, auto_order=auto)
        elif "match-order" in low:
            acl.auto_order = auto
        if kind not in ("basic", "advanced"):
            why = Text("input.vrp.acl_kind", kind=kind)
            acl.partial = why
            self.rep.add_partial(f"acl {name}", why, src)
            self.ctx = IGNORE_CTX
            return
        self.ctx = Ctx("acl", self.ACL_TABLE, [acl], f"acl {name}", src)

    def acl_rule(self, acl: AclState, tokens, low, src):
        number, line, doubt = parse_rule(acl, tokens, low)
        if line is None:
            return True  # rule N description …
        if number is None:
            top = max(acl.rules, default=0)
            number = (top // acl.step + 1) * acl.step
        line.source, line.name = src, f"rule {number}"
        acl.rules[number] = line
        if doubt:
            self.rep.add_partial(f"acl {acl.name}", doubt, src)

    def acl_step(self, acl: AclState, tokens, low, src):
        if len(low) != 2 or not low[1].isdecimal():
            raise Unknown
        acl.step = int(low[1])

    # ------------------------------------------------------------------ MQC

    def h_traffic(self, tokens, low, src):
        """``traffic classifier NAME [operator and|or]``, ``traffic behavior NAME``,
        ``traffic policy NAME``; ``traffic-filter [vlan V] inbound|outbound acl X`` (system
        view) is :meth:`h_traffic_filter`."""
        if len(tokens) < 3:
            raise Unknown
        kind, name = low[1], tokens[2]
        if kind == "classifier":
            op = "or"
            if len(low) >= 5 and low[3] == "operator":
                op = low[4]
            cls = self.classifiers[name] = Classifier(src, op)
            self.ctx = Ctx("classifier", self.CLASSIFIER_TABLE, [cls], f"traffic classifier {name}", src)
        elif kind == "behavior":
            beh = self.behaviors[name] = Behavior(src)
            self.ctx = Ctx("behavior", self.BEHAVIOR_TABLE, [beh], f"traffic behavior {name}", src)
        elif kind == "policy":
            self.policies.setdefault(name, [])
            self.ctx = Ctx("policy", self.POLICY_TABLE, [name], f"traffic policy {name}", src)
        else:
            raise Unknown

    def cls_if_match(self, cls: Classifier, tokens, low, src):
        if len(low) >= 3 and low[1] == "acl":
            if low[2] == "ipv6":
                return True  # IPv6 is not modelled
            name = tokens[3] if low[2] == "name" and len(tokens) >= 4 else tokens[2]
            cls.acls.append(name)
            self.ref("acl", name, src)
            return
        cls.unread.append(src.text)  # if-match vlan-id, dscp, mac … not modelled

    def beh_action(self, beh: Behavior, tokens, low, src):
        if low == ["permit"] or low == ["deny"]:
            beh.action = low[0]
            return
        if low[0] in ("statistic", "remark", "car", "queue"):
            # counting, marking, rate limiting, CBQ queueing (`queue ef|af|llq|wfq`, AR):
            # no reachability change
            return True
        beh.unread.append(src.text)  # redirect, mirror …: not modelled

    def policy_classifier(self, name: str, tokens, low, src):
        """``classifier C behavior B [precedence P]``."""
        if len(low) >= 4 and low[0] == "classifier" and low[2] == "behavior":
            self.policies[name].append((tokens[1], tokens[3], src))
            return
        raise Unknown

    def h_traffic_filter(self, tokens, low, src):
        """``traffic-filter [vlan V] inbound|outbound acl X|name X`` in the system view:
        every port (or every port of VLAN V) filters with the ACL (applied in convert)."""
        words = low[1:]
        vlan = None
        if words[:1] == ["vlan"] and len(words) >= 2 and words[1].isdecimal():
            vlan = int(words[1])
            words = words[2:]
        if len(words) < 3 or words[0] not in ("inbound", "outbound") or words[1] != "acl":
            raise Unknown
        rest = tokens[len(tokens) - len(words) + 2 :]
        if words[2] == "ipv6":
            self.ignored += 1
            return
        name = rest[1] if words[2] == "name" and len(rest) >= 2 else rest[0]
        extra = (len(rest) > 2) if words[2] == "name" else (len(rest) > 1)
        if extra:
            raise Unknown
        self.ref("acl", name, src)
        if vlan is None:
            self.global_filters.append((words[0], name, src))
        else:
            self.vlan_ifaces_filters.append((vlan, words[0], name, src))
