"""H3C Comware: ACLs (``acl basic|advanced N|name X``, ``acl number N [name X]``) and
their ``rule`` lines (docs/vendors/h3c_comware.md, "ACLs").

A Comware rule says what a VRP rule says with a few other words (``established`` for
VRP's ``tcp-flag established``, ``counting``, ``syn 1`` …); once those are read, the rule
is VRP's and :func:`netaudit.parsers.huawei_vrp.acls.parse_rule` reads it.  Rules are
kept by rule number: under the default ``match-order config`` Comware compares them in
ascending rule-number order, and a rule typed without a number takes the next multiple
of the step (5) above the highest — the first one 0.
"""

from __future__ import annotations

from functools import lru_cache

from netaudit.messages import Text
from netaudit.parsers.base import Unknown, join_reasons
from netaudit.parsers.h3c_comware.state import ComwareState
from netaudit.parsers.huawei_vrp.acls import AclReader, acl_kind, parse_rule
from netaudit.parsers.huawei_vrp.state import AclState

# TCP flag words of an advanced rule (`syn 1`, `ack 0`): a flag and its value.
_TCP_FLAGS = frozenset({"ack", "fin", "psh", "rst", "syn", "urg"})
# Every word the loop of :func:`comware_rule` rewrites: a rule with none of them is VRP's
# as written (most rules: read without the loop).
_COMWARE_WORDS = frozenset({"counting", "established", "object-group", "neq", *_TCP_FLAGS})
# `acl basic|advanced|mac|user-defined …`: the ACL's type word.
_TYPES = {"basic": "basic", "advanced": "advanced", "mac": "l2", "user-defined": "user"}


@lru_cache(maxsize=256)
def _unread(what: str) -> Text:
    """Why a rule with this (Comware) condition is partial."""
    return Text("input.comware.rule_option", option=what)


def comware_rule(acl: AclState, tokens: list[str], low: list[str]):
    """``rule [N] permit|deny …`` in Comware's words → what :func:`parse_rule` gives
    (rule number, line, doubt), or ``(N, None, None)`` for ``rule N comment …``.
    Raises :class:`Unknown` for a rule not understood."""
    if len(low) >= 3 and low[1].isdecimal() and low[2] == "comment":
        return int(low[1]), None, None
    if _COMWARE_WORDS.isdisjoint(low):
        return parse_rule(acl, tokens, low)
    words, wlow = [], []
    doubts: list[str] = []
    i, n = 0, len(low)
    while i < n:
        w = low[i]
        if w == "counting":  # counts the matches: no reachability change
            i += 1
        elif w == "established" and i > 2:
            words += ["tcp-flag", "established"]
            wlow += ["tcp-flag", "established"]
            i += 1
        elif w in _TCP_FLAGS and i + 1 < n and low[i + 1] in ("0", "1") and i > 2:
            doubts.append(_unread(f"{w} {low[i + 1]}"))
            i += 2
        elif w in ("source", "destination") and i + 2 < n and low[i + 1] == "object-group":
            # an object group of addresses: the rule is read as if it matched any address
            doubts.append(_unread(" ".join(tokens[i : i + 3])))
            i += 3
        elif w in ("source-port", "destination-port") and i + 2 < n and low[i + 1] == "neq":
            doubts.append(_unread(" ".join(tokens[i : i + 3])))
            i += 3
        else:
            words.append(tokens[i])
            wlow.append(w)
            i += 1
    number, line, doubt = parse_rule(acl, words, wlow)
    if line is not None and doubts:
        line.partial = join_reasons((line.partial, *doubts)) or None
        doubt = line.partial
    return number, line, doubt


class ComwareAclReader(AclReader, ComwareState):
    """Handlers of ``acl`` blocks (Comware's header forms and rule words)."""

    def h_acl(self, tokens, low, src):
        """``acl basic|advanced N|name X [match-order auto|config]``, ``acl number N
        [name X] [match-order …]`` (V5 and V7), ``acl name X`` (an existing ACL);
        ``acl mac|user-defined …`` are partial (``acl ipv6 …``: ignored, IPv6)."""
        words, wlow = tokens[1:], low[1:]
        auto = False
        if "match-order" in wlow:
            k = wlow.index("match-order")
            if k + 1 >= len(wlow) or wlow[k + 1] not in ("auto", "config"):
                raise Unknown
            auto = wlow[k + 1] == "auto"
            words, wlow = words[:k] + words[k + 2 :], wlow[:k] + wlow[k + 2 :]
        kind: str | None = None
        if wlow[:1] and wlow[0] in _TYPES:
            kind = _TYPES[wlow[0]]
            words, wlow = words[1:], wlow[1:]
        name: str
        alias: str | None = None
        if wlow[:1] == ["number"] and len(wlow) in (2, 4) and wlow[1].isdecimal():
            name = wlow[1]
            if len(wlow) == 4:
                if wlow[2] != "name":
                    raise Unknown
                alias = words[3]
        elif len(wlow) == 1 and wlow[0].isdecimal() and kind is not None:
            name = wlow[0]
        elif wlow[:1] == ["name"] and len(wlow) == 2:
            name = self.acl_alias.get(words[1].lower(), words[1])
            if kind is None and name not in self.acls:
                raise Unknown  # `acl name X` enters an ACL that exists; its type is unknown
        else:
            raise Unknown
        if name.isdecimal():
            kind = kind or acl_kind(int(name))
            if kind == "other" and 5000 <= int(name) <= 5999:
                kind = "user"
        if alias is not None:
            self.acl_alias[alias] = self.acl_alias[alias.lower()] = name
        elif not name.isdecimal():
            self.acl_alias[name.lower()] = name  # names are case-insensitive
        known = self.acls.get(name)
        # an ACL entered again keeps its type (`acl name X` says none)
        self.enter_acl(name, known.kind if known is not None else (kind or "advanced"), auto, low, src)

    def acl_rule(self, acl: AclState, tokens, low, src):
        number, line, doubt = comware_rule(acl, tokens, low)
        if line is None:
            return True  # rule N comment …
        if number is None:
            # Comware numbers a rule typed without one: the next multiple of the step
            # above the highest, the first rule 0 (the step's start)
            number = (max(acl.rules) // acl.step + 1) * acl.step if acl.rules else 0
        line.source, line.name = src, f"rule {number}"
        acl.rules[number] = line
        if doubt:
            self.rep.add_partial(f"acl {acl.name}", doubt, src)

    def acl_undo_rule(self, acl: AclState, tokens, low, src):
        """``undo rule N`` (as typed in a hand-made file): the rule is deleted.  ``undo
        rule N logging|counting|comment`` takes only that word off (no reachability
        change); ``undo rule N`` with a condition widens the rule: not read (the ACL
        partial)."""
        if len(low) < 3 or not low[2].isdecimal():
            raise Unknown
        if len(low) == 3:
            acl.rules.pop(int(low[2]), None)
            return
        if not set(low[3:]) <= {"logging", "counting", "comment"}:
            raise Unknown

    def h_undo_acl(self, tokens, low, src):
        """``undo acl [basic|advanced] N|name X``, ``undo acl number N`` (as typed in a
        hand-made file): the ACL is deleted — what names it then names an undefined ACL.
        ``undo acl all`` and the other forms: not read."""
        words, wlow = tokens[2:], low[2:]
        if wlow[:1] and wlow[0] in ("basic", "advanced", "number"):
            words, wlow = words[1:], wlow[1:]
        if wlow[:1] == ["name"] and len(wlow) == 2:
            name = self.acl_alias.get(words[1].lower(), words[1])
        elif len(wlow) == 1 and wlow[0].isdecimal():
            name = wlow[0]
        elif wlow[:1] == ["ipv6"] or wlow[:1] == ["mac"]:
            self.ignored += 1
            return
        else:
            raise Unknown
        self.acls.pop(name, None)
        for alias in [a for a, n in self.acl_alias.items() if n == name or a == name.lower()]:
            del self.acl_alias[alias]

    def acl_step(self, acl: AclState, tokens, low, src):
        """``step N``: the numbering of rules typed without one (``start M`` is not read:
        the line is not understood, the ACL partial)."""
        if len(low) != 2 or not low[1].isdecimal() or int(low[1]) == 0:
            raise Unknown
        acl.step = int(low[1])
