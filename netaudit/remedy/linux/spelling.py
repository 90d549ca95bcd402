"""The rules netaudit adds, spelled in nftables and in iptables."""

from __future__ import annotations

from ...model import PROTO_ICMP, PROTO_TCP, PROTO_UDP
from .rules import IPT_CHAIN, IPT_NAME_MAX, PROTO_WORD, TAG, Addr, Rule, _comment

# --------------------------------------------------------------------------- spelling: nftables


def _nft_addr(a: Addr) -> str:
    if a.name:
        value = f"@{a.name}"
    elif len(a.nets) == 1:
        value = str(a.nets[0])
    else:
        value = "{ " + ", ".join(str(n) for n in a.nets) + " }"
    return f"!= {value}" if a.negate else value


def _ports_nft(ports: tuple[tuple[int, int], ...]) -> str:
    items = [f"{lo}" if lo == hi else f"{lo}-{hi}" for lo, hi in ports]
    return items[0] if len(items) == 1 else "{ " + ", ".join(items) + " }"


def nft_rule(rule: Rule) -> str:
    """The rule as ``nft list ruleset`` prints it (and ``nft add rule`` takes it)."""
    parts: list[str] = ["meta nfproto ipv6"] if rule.ipv6 else []
    if rule.iif:
        parts.append(f'iifname "{rule.iif}"')
    if rule.oif:
        parts.append(f'oifname "{rule.oif}"')
    if rule.src is not None:
        parts.append(f"ip saddr {_nft_addr(rule.src)}")
    if rule.dst is not None:
        parts.append(f"ip daddr {_nft_addr(rule.dst)}")
    if rule.proto is not None:
        word = PROTO_WORD.get(rule.proto, str(rule.proto))
        if rule.proto == PROTO_ICMP and rule.icmp_type is not None:
            parts.append("icmp type echo-request" if rule.icmp_type == 8 else f"icmp type {rule.icmp_type}")
        elif rule.ports and rule.proto in (PROTO_TCP, PROTO_UDP):
            parts.append(f"{word} dport {_ports_nft(rule.ports)}")
        else:
            parts.append(f"meta l4proto {word}")
    if rule.ct == "est":
        parts.append("ct state established,related")
    elif rule.ct == "dnat":
        parts.append("ct status dnat")
    parts.append(f"jump {rule.target}" if rule.verdict == "jump" else rule.verdict)
    if rule.comment:
        parts.append(f'comment "{_comment(rule.comment)}"')
    return " ".join(parts)


def _jump_rule(target: str, what: str) -> Rule:
    return Rule("", "jump", target, comment=what)


# --------------------------------------------------------------------------- spelling: iptables


def ipt_chain(name: str, names: dict[str, str]) -> str:
    """The iptables spelling of a logical chain (hyphens, at most 28 characters)."""
    if name in IPT_CHAIN:
        return IPT_CHAIN[name]
    if name not in names:
        spelled = name.replace("_", "-")
        if len(spelled) > IPT_NAME_MAX:
            spelled = f"{TAG}-b{len(names) + 1}"
        names[name] = spelled
    return names[name]


def ipt_rules(rule: Rule, chain: str, target: str) -> list[str]:
    """The rule as ``iptables-save`` prints it (``-A chain …``): one line per source and
    destination address, as iptables expands an address list."""
    srcs = [None] if rule.src is None else list(rule.src.nets)
    dsts = [None] if rule.dst is None else list(rule.dst.nets)
    out = []
    for s in srcs:
        for d in dsts:
            parts = [f"-A {chain}"]
            if s is not None:
                parts.append(f"{'! ' if rule.src and rule.src.negate else ''}-s {s}")
            if d is not None:
                parts.append(f"{'! ' if rule.dst and rule.dst.negate else ''}-d {d}")
            parts += _ipt_matches(rule)
            parts.append(f"-j {target}")
            out.append(" ".join(parts))
    return out


def ipt_command(rule: Rule, chain: str, target: str, binary: str, op: str = "-A") -> str:
    """The rule as one ``iptables`` command (address lists as ``-s a,b,c``)."""
    parts = [binary, op, chain]
    # iptables refuses "!" before a list: a negated Addr here holds one network
    if rule.src is not None:
        parts.append(f"{'! ' if rule.src.negate else ''}-s {','.join(str(n) for n in rule.src.nets)}")
    if rule.dst is not None:
        parts.append(f"{'! ' if rule.dst.negate else ''}-d {','.join(str(n) for n in rule.dst.nets)}")
    parts += _ipt_matches(rule)
    parts.append(f"-j {target}")
    return " ".join(parts)


def _ipt_matches(rule: Rule) -> list[str]:
    parts: list[str] = []
    if rule.iif:
        parts.append(f"-i {rule.iif}")
    if rule.oif:
        parts.append(f"-o {rule.oif}")
    if rule.proto is not None:
        word = PROTO_WORD.get(rule.proto, str(rule.proto))
        parts.append(f"-p {word}")
        if rule.proto == PROTO_ICMP and rule.icmp_type is not None:
            parts.append(f"-m icmp --icmp-type {rule.icmp_type}")
        elif rule.ports and rule.proto in (PROTO_TCP, PROTO_UDP):
            items = [f"{lo}" if lo == hi else f"{lo}:{hi}" for lo, hi in rule.ports]
            if len(items) == 1:
                parts.append(f"-m {word} --dport {items[0]}")
            else:
                parts.append(f"-m multiport --dports {','.join(items)}")
    if rule.ct == "est":
        parts.append("-m conntrack --ctstate RELATED,ESTABLISHED")
    elif rule.ct == "dnat":
        parts.append("-m conntrack --ctstate DNAT")
    if rule.comment:
        parts.append(f'-m comment --comment "{_comment(rule.comment)}"')
    return parts


def _ipt_target(rule: Rule, names: dict[str, str]) -> str:
    if rule.verdict == "jump":
        return ipt_chain(rule.target, names)
    return rule.verdict.upper()
