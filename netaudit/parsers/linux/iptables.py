"""``iptables-save`` → :class:`~.rules.Ruleset` (the iptables front end of the Linux vendor).

Reads what ``iptables-save`` prints — iptables-legacy and iptables-nft alike, with or
without ``-c`` counters — and the ``iptables-restore`` spellings people write by hand
(``-I``, ``-N``, ``-P``, ``--dport ! 25``).  Tables ``raw``, ``mangle``, ``nat``,
``filter`` and ``security``; their built-in chains become base chains at the iptables
priorities (raw -300, mangle -150, nat PREROUTING/OUTPUT -100 = dstnat, filter 0,
security 50, nat INPUT/POSTROUTING 100 = srcnat), family ``ip``; mangle OUTPUT is a
``route`` chain (a changed mark or address re-routes), nat chains are ``nat``.

Matches → conditions: :mod:`.iptables_matches` (what is exact and what gets a reason
is said there).  Targets → verdicts:

* ACCEPT, DROP, REJECT, RETURN; a user chain → ``jump``; ``-g`` → ``goto``;
* DNAT / SNAT (``A[-B][:P[-Q]]``), MASQUERADE / REDIRECT (``--to-ports``) → the NAT
  verdicts with a :class:`~.rules.NatTarget` (DNAT ``:P`` keeps the address: ``to_ip``
  None; REDIRECT without ports keeps the port); NETMAP → dnat/snat by chain, partial;
* MARK → ``mark`` with ``mark_mask`` as ``--set-xmark`` holds it (the new mark is
  ``(old AND NOT mark_mask) XOR value``; iptables-save prints every MARK form so) and
  ``mark`` the value when the mask is the whole mark, else None (the new mark depends
  on the old one: known at run time); ``CONNMARK --restore-mark`` → ``mark`` None;
* everything else that lets the packet go on (LOG, NFLOG, ULOG, CONNMARK, TCPMSS, CT,
  NOTRACK, TTL, DSCP, SET, no ``-j`` at all…) → ``continue``, its match reasons
  dropped: the rule decides nothing, so a wide condition on it is harmless and not
  worth an "unknown";
* NFQUEUE/QUEUE/SYNPROXY/TPROXY (user space or a proxy decides), a target extension
  netaudit does not know and a line it cannot split into options → ``unknown`` with a
  reason (the rule may do anything).  A jump to a user chain the dump does not have
  is left as the jump: the flattening reports it.
* ``-m conntrack --ctstate DNAT`` (alone) → ``Rule.ct_dnat`` (the conversion reads it
  through the image of the DNAT rules), ``! --ctstate DNAT`` → False.

Never raises on content.  A table without ``COMMIT`` (the section was cut short), the
iptables-nft warning that iptables-legacy tables exist beside it (their rules are not
in this dump), and a table iptables-nft calls incompatible are ``Ruleset.problems``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from netaudit.messages import Text
from netaudit.model import ParseReport, Src, from_values
from netaudit.parsers.packet_sets import ANY, Ranges

from . import devgroups
from .iptables_matches import (
    TARGET,
    MatchContext,
    Opt,
    long_option,
    parse_addrs,
    parse_ip,
    rule_conds,
    split_options,
    tokenize,
)
from .iptables_plain import plain_conds
from .reasons import joined, not_understood, reason
from .rules import Chain, NatTarget, Rule, Ruleset

# Built-in chains per table: hook priority (the iptables NF_IP_PRI_* values).
BUILTIN: dict[str, dict[str, int]] = {
    "raw": {"PREROUTING": -300, "OUTPUT": -300},
    "mangle": {"PREROUTING": -150, "INPUT": -150, "FORWARD": -150, "OUTPUT": -150, "POSTROUTING": -150},
    "nat": {"PREROUTING": -100, "INPUT": 100, "OUTPUT": -100, "POSTROUTING": 100},
    "filter": {"INPUT": 0, "FORWARD": 0, "OUTPUT": 0},
    "security": {"INPUT": 50, "FORWARD": 50, "OUTPUT": 50},
}
TERMINAL = {"ACCEPT": "accept", "DROP": "drop", "REJECT": "reject", "RETURN": "return"}
_UNREAD: Any = object()  # (_make_rules: the words' plain reading not given)
# Targets that let the packet go on and change nothing the model reads.
INERT = frozenset(
    {
        "", "LOG", "NFLOG", "ULOG", "TRACE", "AUDIT", "TCPMSS", "TTL", "DSCP", "TOS", "ECN",
        "CLASSIFY", "CHECKSUM", "IDLETIMER", "LED", "RATEEST", "SECMARK", "CONNSECMARK", "TEE",
        "CT", "NOTRACK", "SET",
    }
)  # fmt: skip
# Targets whose verdict netaudit cannot know (user space or a proxy decides): why.
USERSPACE = {
    "NFQUEUE": Text("input.linux.partial.queue_target", target="NFQUEUE"),
    "QUEUE": Text("input.linux.partial.queue_target", target="QUEUE"),
    "SYNPROXY": Text("input.linux.partial.synproxy"),
    "TPROXY": Text("input.linux.partial.tproxy"),
    "HMARK": Text("input.linux.partial.hmark"),
}
LEGACY_WARNING = "iptables-legacy tables present"


@dataclass
class ParseAccounting:
    """What :func:`parse_iptables_save` understood of its section, for ``ParseReport``.

    * ``recognized`` — lines understood (table, chain, rule, COMMIT lines);
    * ``ignored`` — comments and blank lines (the ``# Warning: iptables-legacy tables
      present…`` line too: it is also a ``Ruleset.problems`` entry, see below);
    * ``unrecognized`` — lines not understood at all (outside a table, an unknown
      command, a table iptables does not have);
    * ``partial`` — (construct, reason, source) per rule or chain kept with a reason:
      the same reasons are on ``Rule.reasons`` / ``Chain.reasons``;
    * ``truncated`` — a table had no ``COMMIT`` (the section was cut short);
    * ``legacy_tables`` — the iptables-nft warning line saying iptables-legacy tables
      exist that this dump does not show (a caller that also read an
      ``iptables-legacy-save`` section may drop the matching problem).

    ``Ruleset.problems`` are not repeated here: the conversion reports them.
    """

    recognized: int = 0
    ignored: list[Src] = field(default_factory=list)
    unrecognized: list[Src] = field(default_factory=list)
    partial: list[tuple[str, str, Src]] = field(default_factory=list)
    truncated: bool = False
    legacy_tables: Src | None = None

    def feed(self, report: ParseReport) -> None:
        """Add this accounting to a file's report (unrecognized lines, the ignored
        count, one partially-understood entry per partial rule or chain)."""
        report.unrecognized.extend(self.unrecognized)
        report.ignored += len(self.ignored)
        for construct, why, src in self.partial:
            report.add_partial(construct, why, src)


@dataclass
class _Table:
    name: str
    src: Src
    chains: dict[str, Chain] = field(default_factory=dict)


@dataclass
class _State:
    file: str
    ctx: MatchContext
    ruleset: Ruleset = field(default_factory=lambda: Ruleset(origin="iptables-save"))
    acc: ParseAccounting = field(default_factory=ParseAccounting)
    table: _Table | None = None
    bad_table: bool = False  # inside a table iptables does not have: lines unrecognized
    tables: list[_Table] = field(default_factory=list)


def parse_iptables_save(
    lines: list[tuple[int, str]],
    file: str,
    ifaces: frozenset[str],
    *,
    sets: dict[str, list[tuple[int, int]]] | None = None,
    local: Ranges | None = None,
    groups: dict[str, str | None] | None = None,
) -> tuple[Ruleset, ParseAccounting]:
    """Read an ``iptables-save`` section into a :class:`~.rules.Ruleset`.

    ``lines``: (1-based line number in ``file``, text) of the section; ``ifaces``: every
    interface name of the device (``-i eth+`` expands over them; ``! -i`` complements
    within them).  ``sets``: ipset name → member address ranges, when the dump has the
    sets (one-dimension sets only; without it ``-m set`` is partial).  ``local``: the
    device's local addresses (``local`` routes of the local table, 127/8 included) for
    ``-m addrtype --dst-type LOCAL``; without it that match is partial.  ``groups``:
    each interface's group as ``ip -j addr`` printed it, for ``-m devgroup``; without it
    that match is partial.
    """
    # What the whole dump says before any rule is read: NOTRACK rules, sets changed at
    # run time.  Only the lines that could say it are split here.  A quote can spell a
    # word its text does not show (``NO"TRACK"``), but only with quotes and backslashes
    # among the word's own characters: with those taken out, the text shows the word.
    notrack = False
    dynamic: set[str] = set()
    for _, text in lines:
        bare = text.replace('"', "").replace("\\", "") if '"' in text else text
        if "NOTRACK" not in bare and "-notrack" not in bare and "-set" not in bare:
            continue  # (nearly every line; a quoted comment too, not split twice)
        w = tokenize(text)
        if w is None:
            continue
        notrack = notrack or "NOTRACK" in w or "--notrack" in w
        for i, t in enumerate(w):
            if t in ("--add-set", "--del-set", "--map-set") and i + 1 < len(w):
                dynamic.add(w[i + 1])
    st = _State(file, MatchContext(ifaces, sets, dynamic, local, notrack, groups=groups))
    ctx, acc = st.ctx, st.acc
    for n, text in lines:
        stripped = text.strip()
        try:
            words = tokenize(text)
            table = st.table
            if stripped[:3] == "-A " and table is not None and words is not None and len(words) >= 2:
                src = from_values(Src, (file, n, stripped))
                chain = table.chains.get(words[1])
                if chain is None:
                    _rule(st, table, src, words)  # what _line does first, without its call
                    continue
                # An -A of a chain already met (nearly every line): what _rule does, and
                # _make_rules for a rule of the common shape with a terminal target
                # (iptables_plain), without their calls and a copy of the words.
                acc.recognized += 1
                plain = plain_conds(words, ctx, TERMINAL, 2)
                verdict = TERMINAL.get(plain[1]) if plain is not None and plain[2] == "-j" else None
                if plain is not None and verdict is not None:
                    chain.rules.append(Rule(plain[0], verdict, src))
                else:
                    chain.rules.extend(_make_rules(st, table, chain, src, words[2:], plain))
            else:
                _line(st, from_values(Src, (file, n, stripped)), stripped, words)
        except Exception as exc:  # never raise on content: a bug here is one line lost, said so
            st.acc.unrecognized.append(Src(file, n, stripped))
            why = Text("input.linux.iptables_line_unread", error=type(exc).__name__)
            st.ruleset.problems.append((why, Src(file, n, text)))
    if st.table is not None:
        _cut_short(st, st.table)
    _finish(st)
    return st.ruleset, st.acc


def _cut_short(st: _State, table: _Table) -> None:
    st.acc.truncated = True
    st.ruleset.problems.append((Text("input.linux.iptables_no_commit", table=table.name), table.src))


def _line(st: _State, src: Src, text: str, words: list[str] | None) -> None:
    if text[:3] == "-A " and st.table is not None and words is not None and len(words) >= 2:
        _rule(st, st.table, src, words)  # nearly every line: a rule, before the other tests
        return
    if not text:
        st.acc.ignored.append(src)
        return
    if text.startswith("#"):
        st.acc.ignored.append(src)
        if LEGACY_WARNING in text:
            st.acc.legacy_tables = src
            st.ruleset.problems.append((Text("input.linux.iptables_legacy"), src))
        elif "incompatible" in text and "Table" in text:
            st.ruleset.problems.append((Text("input.linux.iptables_incompatible"), src))
        return
    if text.startswith("*"):
        if st.table is not None:
            _cut_short(st, st.table)
        name = text[1:].strip()
        st.table, st.bad_table = None, False
        if name not in BUILTIN:
            st.bad_table = True
            st.acc.unrecognized.append(src)
            st.ruleset.problems.append((Text("input.linux.iptables_table_unmodelled", table=name), src))
            return
        st.table = _Table(name, src)
        st.tables.append(st.table)
        st.acc.recognized += 1
        return
    if text == "COMMIT":
        if st.table is None and not st.bad_table:
            st.acc.unrecognized.append(src)
        else:
            st.acc.recognized += 1
        st.table, st.bad_table = None, False
        return
    if st.table is None:
        st.acc.unrecognized.append(src)
        return
    if text.startswith(":"):
        _declare(st, st.table, src, text[1:].split())
        return
    if text.startswith("["):  # iptables-save -c: "[packets:bytes] -A …"
        _, _, text = text.partition("]")
        words = tokenize(text)
    if words is None:  # an unclosed quote: the rule is kept, as one that may do anything
        words = [*text.split()[:2], "\0"]
    if not words:
        st.acc.unrecognized.append(src)
        return
    cmd = words[0]
    if cmd in ("-A", "--append", "-I", "--insert") and len(words) >= 2:
        _rule(st, st.table, src, words)
    elif cmd in ("-N", "--new-chain") and len(words) == 2:
        _declare(st, st.table, src, [words[1], "-"])
    elif cmd in ("-P", "--policy") and len(words) == 3:
        _declare(st, st.table, src, [words[1], words[2]])
    else:
        st.acc.unrecognized.append(src)


# Partial reasons about a built-in chain's policy, withdrawn when a policy is declared.
_POLICY_DOUBTS = frozenset({"input.linux.partial.policy_undeclared", "input.linux.partial.policy_not_understood"})


def _declare(st: _State, table: _Table, src: Src, parts: list[str]) -> None:
    """``:NAME POLICY [p:b]`` (or ``-N`` / ``-P``): a chain and its policy."""
    if not parts:
        st.acc.unrecognized.append(src)
        return
    name = parts[0]
    policy = parts[1] if len(parts) > 1 else "-"
    chain = _chain(st, table, name, src, declared=True)
    st.acc.recognized += 1
    if chain.hook is None:
        if policy != "-":
            chain.reasons.append(reason("input.linux.partial.policy_user_chain", policy=policy))
        return
    if policy in ("ACCEPT", "DROP"):
        chain.policy = policy.lower()
        chain.src = src
        # The policy is now known: an earlier doubt about it (used before declared, a
        # policy word not understood) no longer holds.
        chain.reasons = [r for r in chain.reasons if getattr(r, "key", None) not in _POLICY_DOUBTS]
    else:
        chain.reasons.append(reason("input.linux.partial.policy_not_understood", policy=policy))


def _chain(st: _State, table: _Table, name: str, src: Src, declared: bool) -> Chain:
    chain = table.chains.get(name)
    if chain is not None:
        return chain
    prio = BUILTIN[table.name].get(name)
    if prio is None:
        chain = Chain("ip", table.name, name, src=src)
    else:
        kind = "nat" if table.name == "nat" else ("route" if (table.name, name) == ("mangle", "OUTPUT") else "filter")
        chain = Chain("ip", table.name, name, hook=name.lower(), kind=kind, priority=prio, src=src)
    if not declared:
        # iptables-save declares every chain before its rules: this one was not
        undeclared = (
            "input.linux.partial.policy_undeclared" if prio is not None else "input.linux.partial.chain_undeclared"
        )
        chain.reasons.append(reason(undeclared))
    table.chains[name] = chain
    st.ruleset.chains.append(chain)
    return chain


def _rule(st: _State, table: _Table, src: Src, words: list[str]) -> None:
    insert = words[0] in ("-I", "--insert")
    # (a chain already met — nearly every rule's — found here: a call per rule otherwise)
    chain = table.chains.get(words[1])
    if chain is None:
        chain = _chain(st, table, words[1], src, declared=False)
    rest = words[2:]
    pos = None
    if insert:
        pos = 1
        if rest and rest[0].isdecimal() and type(rest[0]) is str:  # not a quoted number
            pos, rest = int(rest[0]), rest[1:]
    st.acc.recognized += 1
    rules = _make_rules(st, table, chain, src, rest)
    if pos is None:
        chain.rules.extend(rules)
    else:
        chain.rules[max(0, pos - 1) : max(0, pos - 1)] = rules


def _make_rules(
    st: _State, table: _Table, chain: Chain, src: Src, words: list[str], plain: Any = _UNREAD
) -> list[Rule]:
    """The rule of one ``-A`` line (two when a ``-m devgroup`` match is not known on some
    interfaces: :func:`.devgroups.split`).  ``plain``: what :func:`.plain_conds` gave
    the words, when the caller has read them."""
    if plain is _UNREAD:
        plain = plain_conds(words, st.ctx, TERMINAL)
    if plain is not None:  # the common shape, read straight (iptables_plain)
        verdict = TERMINAL.get(plain[1]) if plain[2] == "-j" else None
        if verdict is not None:  # what _target sets for it
            return [Rule(plain[0], verdict, src)]
        rule = Rule(plain[0], "continue", src)
        why = _target(rule, table, chain, plain[1], plain[2], [])
        if why:
            rule.reasons = (why,)
        return [rule]
    opts = split_options(words)
    if opts is None:
        return [Rule((ANY,), "unknown", src, reasons=(reason("input.linux.partial.rule_may_do_anything"),))]
    conds, reasons = rule_conds(opts, st.ctx)
    tgt: Opt | None = None  # the last -j / -g
    topts: list[Opt] = []  # the options after it
    for o in opts:
        if o.module == TARGET:
            topts.append(o)
        elif o.name in ("-j", "-g"):
            tgt = o
    target = tgt.args[0] if tgt is not None and tgt.args else ""
    rule = Rule(tuple(conds), "continue", src, ct_dnat=st.ctx.ct_dnat)
    why = _target(rule, table, chain, target, tgt.name if tgt is not None else "-j", topts)
    if rule.verdict == "continue":
        reasons = []  # the rule decides nothing the model reads (module docstring)
    if why:
        reasons.append(why)
    rule.reasons = tuple(reasons)
    if st.ctx.doubts and rule.verdict != "continue":
        return devgroups.split(rule, st.ctx.doubts)
    return [rule]


def _arg(opts: list[Opt], *names: str) -> list[str]:
    return [o.args[0] if o.args else "" for o in opts if o.name in names]


def _target(rule: Rule, table: _Table, chain: Chain, target: str, how: str, topts: list[Opt]) -> str | None:
    """Set the rule's verdict from its target; the reason when not fully understood."""
    # abbreviated options as the whole option (a rule written by hand: iptables_matches.LONG_OPTIONS)
    topts = [o if (n := long_option(target, o.name)) == o.name else o._replace(name=n) for o in topts]
    if how == "-g":
        rule.verdict, rule.target = "goto", target
        return None
    if target in TERMINAL:
        rule.verdict = TERMINAL[target]
        return None
    if target in INERT:
        return None
    if target == "MARK":
        return _mark(rule, topts)
    if target == "CONNMARK":
        if any(o.name == "--restore-mark" for o in topts):
            rule.verdict = "mark"  # the connection's mark, known at run time only: mark None
        return None
    if target in ("DNAT", "SNAT"):
        specs = _arg(topts, "--to-destination" if target == "DNAT" else "--to-source")
        nat = _nat_spec(specs[0]) if specs else None
        rule.verdict, rule.nat = target.lower(), nat
        if nat is None:
            return not_understood(f"{target} {' '.join(specs)}")
        if len(specs) > 1:
            return reason("input.linux.partial.nat_several_ranges", target=target)
        return None
    if target in ("MASQUERADE", "REDIRECT"):
        ports = _arg(topts, "--to-ports")
        rule.verdict, rule.nat = target.lower(), NatTarget()
        if ports:
            got = _port_range(ports[0])
            if got is None:
                return not_understood(f"{target} --to-ports {ports[0]}")
            rule.nat = NatTarget(to_port=got[0], to_port_hi=got[1] if got[1] != got[0] else None)
        return None
    if target == "NETMAP":
        to = _arg(topts, "--to")
        rs = parse_addrs(to[0], []) if to else None
        rule.verdict = "snat" if chain.name in ("POSTROUTING", "INPUT") else "dnat"
        rule.nat = NatTarget(to_ip=rs[0][0], to_ip_hi=rs[0][1]) if rs else None
        return reason("input.linux.partial.netmap")
    if target in USERSPACE:
        rule.verdict = "unknown"
        return USERSPACE[target]
    # a user chain (an undeclared upper-case name may be a chain declared later, or a
    # target extension netaudit does not know: decided after the whole section)
    rule.verdict, rule.target = "jump", target
    return None


def _mark(rule: Rule, topts: list[Opt]) -> str | None:
    for o in topts:
        if not o.args:
            continue
        val, _, msk = o.args[0].partition("/")
        try:
            v = int(val, 0)
            m = int(msk, 0) if msk else 0xFFFFFFFF
        except ValueError:
            return not_understood(f"MARK {o.name} {o.args[0]}")
        if o.name == "--set-xmark":
            rule.mark_mask = m
        elif o.name == "--set-mark":  # zero the mask bits, OR the value: xmark V/(M|V)
            rule.mark_mask = (m | v) & 0xFFFFFFFF
        elif o.name == "--or-mark":
            rule.mark_mask = v
        elif o.name == "--and-mark":
            v, rule.mark_mask = 0, ~v & 0xFFFFFFFF
        elif o.name == "--xor-mark":
            rule.mark_mask = 0
        else:
            continue
        rule.verdict = "mark"
        # with a partial mask the new mark depends on the old one: known at run time
        rule.mark = v if rule.mark_mask == 0xFFFFFFFF else None
        return None
    return reason("input.linux.partial.mark_without_value")


def _port_range(text: str) -> tuple[int, int] | None:
    lo_s, _, hi_s = text.partition("-")
    if not lo_s.isdecimal() or (hi_s and not hi_s.isdecimal()):
        return None
    lo, hi = int(lo_s), int(hi_s or lo_s)
    return (lo, hi) if lo <= hi <= 65535 else None


def _nat_spec(spec: str) -> NatTarget | None:
    """``[A[-B]][:P[-Q]]`` → NatTarget; None when not understood."""
    addr, _, port = spec.partition(":")
    ip_lo = ip_hi = None
    if addr:
        lo_s, _, hi_s = addr.partition("-")
        ip_lo, ip_hi = parse_ip(lo_s, is_mask=True), parse_ip(hi_s or lo_s, is_mask=True)
        if ip_lo is None or ip_hi is None or ip_lo > ip_hi:
            return None
    p_lo = p_hi = None
    if port:
        got = _port_range(port)
        if got is None:
            return None
        p_lo, p_hi = got
    return NatTarget(
        to_ip=ip_lo,
        to_ip_hi=ip_hi if ip_hi != ip_lo else None,
        to_port=p_lo,
        to_port_hi=p_hi if p_hi != p_lo else None,
    )


def _finish(st: _State) -> None:
    """Jumps and gotos must name a chain of their table (an undeclared upper-case name
    is a target extension netaudit does not know): otherwise the rule continues, with
    the reason.  Then one partial entry per chain and rule kept with reasons."""
    for table in st.tables:
        for chain in table.chains.values():
            if chain.reasons:
                st.acc.partial.append(
                    (
                        f"iptables -t {table.name} chain {chain.name}",
                        joined(tuple(chain.reasons)),
                        chain.src or table.src,
                    )
                )
            for rule in chain.rules:
                # a lower-case name is a missing user chain: the flattening reports it
                if rule.verdict in ("jump", "goto") and rule.target not in table.chains and rule.target.isupper():
                    why = reason("input.linux.partial.target_may_do_anything", target=rule.target)
                    rule.reasons = (*rule.reasons, why)
                    rule.verdict, rule.target = "unknown", ""
                if rule.reasons:
                    st.acc.partial.append(
                        (f"iptables -t {table.name} -A {chain.name}", joined(tuple(rule.reasons)), rule.src)
                    )
