"""The dump's ruleset sections written as ``nft list ruleset`` and ``iptables-save`` print
them after the change (so the Linux parser reads the host as it will be)."""

from __future__ import annotations

import re

from netaddr import IPNetwork

from .dump import Base, Dump, _chain_order, _jumps, nft_layout
from .rules import Change
from .spelling import _ipt_target, _jump_rule, ipt_chain, ipt_rules, nft_rule


class Edits:
    """The dump as lines, with insertions and replacements keyed by line number (1-based)."""

    def __init__(self, text: str):
        self.trailing = text.endswith("\n")
        self.lines = text.split("\n")
        if self.trailing:
            self.lines.pop()
        self.before: dict[int, list[str]] = {}
        self.after: dict[int, list[str]] = {}
        self.replace: dict[int, str] = {}

    def render(self) -> str:
        """The text with every edit applied."""
        out: list[str] = []
        for n, line in enumerate(self.lines, start=1):
            out.extend(self.before.get(n, []))
            out.append(self.replace.get(n, line))
            out.extend(self.after.get(n, []))
        return "\n".join(out) + ("\n" if self.trailing else "")


def _patch_nft(
    text: str, d: Dump, ch: Change, fwd: Base, inp: Base, policy_drop: bool, exists: bool, new_bases: list[str]
) -> str:
    """The nft section as ``nft list ruleset`` prints it after the change: sets after the
    table's sets, new chains at its end, a blank line between two objects."""
    assert d.nft is not None
    ed = Edits(text)
    jumps = _jumps(ch, fwd, inp)
    set_blocks = [
        [f"\tset {name} {{", "\t\ttype ipv4_addr", "\t\tflags interval", *_nft_elements(nets), "\t}"]
        for name, nets in ch.sets.items()
    ]
    chain_blocks: list[list[str]] = []
    base_of = {b.name: b for b in (fwd, inp)}
    for name in new_bases:
        b = base_of[name]
        pol = "drop" if b is fwd and policy_drop else "accept"
        rules = [f"\t\t{nft_rule(_jump_rule(t, w))}" for base, t, w, _ in jumps if base is b]
        chain_blocks.append(
            [f"\tchain {name} {{", f"\t\ttype filter hook {b.hook} priority filter; policy {pol};", *rules, "\t}"]
        )
    for name in _chain_order(ch):
        chain_blocks.append([f"\tchain {name} {{", *[f"\t\t{nft_rule(r)}" for r in ch.chains[name]], "\t}"])
    for _, _, hook_line in ch.ip6_inputs:
        ed.after.setdefault(hook_line, []).extend(_indent_like(ed, hook_line) + nft_rule(r) for _, r in ch.closed)
    if not exists:
        # a table of netaudit's own, after the section's last line
        body = _joined(set_blocks + chain_blocks)
        last = next((no for no, raw in reversed(d.nft.lines) if raw.strip()), d.nft.header_line)
        ed.after.setdefault(last, []).extend([f"table {fwd.family} {fwd.table} {{", *body, "}"])
        return ed.render()
    table = next(t for t in nft_layout(d.nft) if t.family == fwd.family and t.name == fwd.table)
    sets = [o for o in table.objects if o.kind in ("set", "map")]
    if set_blocks:
        if sets:
            ed.after.setdefault(sets[-1].end, []).extend(["", *_joined(set_blocks)])
        else:
            ed.after.setdefault(table.start, []).extend(_joined(set_blocks) + ([""] if table.objects else []))
    for base, target, what, at_end in jumps:
        if base.name in new_bases:
            continue
        line = nft_rule(_jump_rule(target, what))
        obj = next(o for o in table.objects if o.kind == "chain" and o.name == base.name)
        if at_end or base.index is None:
            ed.before.setdefault(obj.end, []).append(_indent_like(ed, obj.end) + "\t" + line)
        else:
            assert base.before_line is not None
            ed.before.setdefault(base.before_line, []).append(_indent_like(ed, base.before_line) + line)
    if policy_drop and fwd.chain is not None:
        assert fwd.chain.src is not None
        n = fwd.chain.src.line
        ed.replace[n] = re.sub(r"policy\s+accept\s*;", "policy drop;", ed.lines[n - 1], count=1)
    if chain_blocks:
        lead = [""] if table.objects or set_blocks else []
        ed.before.setdefault(table.end, []).extend(lead + _joined(chain_blocks))
    return ed.render()


def _nft_elements(nets: tuple[IPNetwork, ...]) -> list[str]:
    """The ``elements = { … }`` line(s) of an interval set as nft prints them: two prefixes
    a line (each is two kernel elements, nft breaks the line every four)."""
    items = [str(n) for n in nets]
    rows = [", ".join(items[k : k + 2]) for k in range(0, len(items), 2)]
    lines = [f"\t\telements = {{ {rows[0]}"] + [f"\t\t\t     {r}" for r in rows[1:]]
    return [line + ("," if k < len(lines) - 1 else " }") for k, line in enumerate(lines)]


def _joined(blocks: list[list[str]]) -> list[str]:
    """Blocks one after the other, a blank line between two."""
    out: list[str] = []
    for k, block in enumerate(blocks):
        out += ([""] if k else []) + block
    return out


def _indent_like(ed: Edits, line: int) -> str:
    raw = ed.lines[line - 1]
    return raw[: len(raw) - len(raw.lstrip())]


def _patch_ipt(text: str, d: Dump, ch: Change, fwd: Base, inp: Base, policy_drop: bool, names: dict[str, str]) -> str:
    """The iptables-save section as ``iptables-save`` prints it after the change: the
    filter table's built-in chains first, then the user chains sorted by name (netaudit's
    among them), each chain's rules together."""
    assert d.ipt is not None
    counters = any(t.lstrip().startswith("[") for _, t in d.ipt.lines)
    pre = "[0:0] " if counters else ""
    new_rules: dict[str, list[str]] = {}
    for n in _chain_order(ch):
        chain = ipt_chain(n, names)
        new_rules[chain] = [
            pre + line for rule in ch.chains[n] for line in ipt_rules(rule, chain, _ipt_target(rule, names))
        ]
    jumps: dict[str, tuple[list[str], list[str]]] = {}
    for base, target, what, at_end in _jumps(ch, fwd, inp):
        line = pre + ipt_rules(_jump_rule(target, what), base.name, ipt_chain(target, names))[0]
        first, last = jumps.setdefault(base.name, ([], []))
        (last if at_end or base.index is None else first).append(line)
    before_line = {b.name: b.before_line for b in (fwd, inp)}

    start = commit = None
    table = None
    for no, raw in d.ipt.lines:
        t = raw.strip()
        if t.startswith("*"):
            table = t[1:].strip()
            start = no if table == "filter" else start
        elif t == "COMMIT" and table == "filter":
            commit = no
            break
    lines = text.split("\n")
    if start is None or commit is None:
        # no filter table in the dump: iptables-save prints one once netaudit's chains exist
        decl = {"INPUT": ":INPUT ACCEPT [0:0]", "FORWARD": ":FORWARD ACCEPT [0:0]", "OUTPUT": ":OUTPUT ACCEPT [0:0]"}
        body_decls = list(decl.values())
        builtin_rules: dict[str, list[tuple[int, str]]] = {}
        user_decls: dict[str, str] = {}
        user_rules: dict[str, list[str]] = {}
        other: list[str] = []
        at = next((no for no, raw in reversed(d.ipt.lines) if raw.strip()), d.ipt.header_line)
        head, tail = lines[:at], lines[at:]
        first_line = "*filter"
    else:
        body_decls, builtin_rules, user_decls, user_rules, other = _filter_table(lines[start : commit - 1], start + 1)
        head, tail = lines[: start - 1], lines[commit - 1 :]
        first_line = lines[start - 1]
    if policy_drop:
        body_decls = [re.sub(rf"^:{fwd.name}\s+ACCEPT\b", f":{fwd.name} DROP", x) for x in body_decls]
    for chain in new_rules:
        user_decls[chain] = f":{chain} - [0:0]"
        user_rules[chain] = new_rules[chain]
    out = [first_line, *body_decls, *[user_decls[c] for c in sorted(user_decls)], *other]
    for decl_line in body_decls:
        chain = decl_line[1:].split()[0]
        first, last = jumps.get(chain, ([], []))
        placed = False
        for no, raw in builtin_rules.get(chain, []):
            if first and no == before_line.get(chain):
                out += first
                placed = True
            out.append(raw)
        if not placed:
            out += first
        out += last
    for chain in sorted(user_rules):
        out += user_rules[chain]
    if start is None or commit is None:
        out.append("COMMIT")
    return "\n".join([*head, *out, *tail])


def _filter_table(
    body: list[str], first: int
) -> tuple[list[str], dict[str, list[tuple[int, str]]], dict[str, str], dict[str, list[str]], list[str]]:
    """The filter table's lines (between ``*filter`` and ``COMMIT``; ``first`` is the first
    one's line number): built-in declarations, built-in chains' rules (with their line
    numbers), user declarations and rules by chain, and any other line."""
    builtin = ("INPUT", "FORWARD", "OUTPUT")
    decls: list[str] = []
    builtin_rules: dict[str, list[tuple[int, str]]] = {}
    user_decls: dict[str, str] = {}
    user_rules: dict[str, list[str]] = {}
    other: list[str] = []
    for k, raw in enumerate(body):
        no = first + k
        t = raw.strip()
        if t.startswith(":"):
            name = t[1:].split()[0]
            if name in builtin:
                decls.append(raw)
            else:
                user_decls[name] = raw
            continue
        words = t.split("] ", 1)[-1].split() if t.startswith(("-A ", "[")) else []
        if len(words) > 1:
            if words[1] in builtin:
                builtin_rules.setdefault(words[1], []).append((no, raw))
            else:
                user_rules.setdefault(words[1], []).append(raw)
        elif t:
            other.append(raw)
    return decls, builtin_rules, user_decls, user_rules, other
