"""The root shell script of a change set and its rollback: nftables in one transaction, or
iptables commands; a saved ruleset and a timed automatic rollback first."""

from __future__ import annotations

from ...model import Device
from .dump import Base, Dump, _chain_order, _jumps
from .patch import _patch_ipt, _patch_nft
from .rules import DELAY, TAG, Change, Rule
from .spelling import _ipt_target, _jump_rule, ipt_chain, ipt_command, nft_rule


def _header(device: Device, what: str) -> list[str]:
    return [
        "#!/bin/sh",
        f"# netaudit change set for {device.hostname} (Linux, {what})",
        "# Run as root, from the management network, after reading the safety notes (README.md).",
        "set -e",
    ]


def _render_nft(
    device: Device, d: Dump, ch: Change, fwd: Base, inp: Base, policy_drop: bool, text: str, exists: bool
) -> tuple[str, str, str]:
    where = f"{fwd.family} {fwd.table}"
    jumps = _jumps(ch, fwd, inp)
    new_bases = [b for b in dict.fromkeys(base.name for base, _, _, _ in jumps) if b.startswith(TAG)]
    base_of = {b.name: b for b in (fwd, inp)}
    order = _chain_order(ch)
    batch: list[str] = []
    if not exists:
        batch.append(f"add table {where}")
    for name in new_bases:
        b = base_of[name]
        batch.append(f"add chain {where} {name} {{ type filter hook {b.hook} priority filter; policy accept; }}")
    for name, nets in ch.sets.items():
        batch.append(
            f"add set {where} {name} {{ type ipv4_addr; flags interval; "
            f"elements = {{ {', '.join(str(n) for n in nets)} }} }}"
        )
    for name in order:
        batch.append(f"add chain {where} {name}")
    for name in order:
        for rule in ch.chains[name]:
            batch.append(f"add rule {where} {name} {nft_rule(rule)}")
    for base, target, what, at_end in jumps:
        jump = nft_rule(_jump_rule(target, what))
        if at_end or base.index is None:
            batch.append(f"add rule {where} {base.name} {jump}")
        else:
            batch.append(f"insert rule {where} {base.name} index {base.index} {jump}")
    if policy_drop:
        # last: everything that must still pass is accepted by then
        batch.append(f"chain {where} {fwd.name} {{ policy drop; }}")
    for table6, chain6, _ in ch.ip6_inputs:
        # "insert" puts a rule first: the last one inserted first keeps the listed order
        batch += [f"insert rule ip6 {table6} {chain6} {nft_rule(r)}" for _, r in reversed(ch.closed)]

    guard = order[0] if order else ""
    script = _header(device, f"nftables, table {where}")
    if guard:
        script += _refuse_second_run(f"nft list chain {where} {guard}", guard)
    restore = f"/root/before-fix.{fwd.table}.nft"
    script += [
        "# 1. the ruleset as it is now: the record, and the table this changes in a form",
        "#    'nft -f' restores in one step",
        "nft list ruleset > /root/before-fix.nft",
    ]
    if exists:
        script.append(f"{{ echo 'delete table {where}'; nft list table {where}; }} > {restore}")
    else:
        script.append(f"printf 'add table {where}\\ndelete table {where}\\n' > {restore}")
    for table6 in dict.fromkeys(t6 for t6, _, _ in ch.ip6_inputs):
        # the ip6 table the drops go in comes back with it
        script.append(f"{{ echo 'delete table ip6 {table6}'; nft list table ip6 {table6}; }} >> {restore}")
    script += [
        f"# 2. safety net: the table comes back by itself in {DELAY // 60} minutes unless cancelled (step 4)",
        f"nohup sh -c 'sleep {DELAY}; nft -f {restore}' >/dev/null 2>&1 &",
        "echo $! > /root/netaudit-autorollback.pid",
        "# 3. the change, in one transaction (all or nothing)",
        "nft -f - <<'EOF'",
        *batch,
        "EOF",
        f'echo "netaudit: applied; the automatic rollback runs in {DELAY // 60} minutes unless cancelled (step 4)."',
        "# 4. once every zone has been checked (by hand):",
        '#    kill "$(cat /root/netaudit-autorollback.pid)"',
        "#    { echo '#!/usr/sbin/nft -f'; echo 'flush ruleset'; nft list ruleset; } > /etc/nftables.conf",
        "#    systemctl enable nftables",
    ]

    rollback = [
        "#!/bin/sh",
        f"# netaudit rollback for {device.hostname} (nftables, table {where}): removes what the change set added",
        "# Run as root. Each step stands alone: one whose object is already gone prints an error only.",
    ]
    for table6, chain6, _ in ch.ip6_inputs:
        rollback += [
            f"# the IPv6 drops netaudit added to ip6 {table6} {chain6}, found by their comment",
            f"nft -a list chain ip6 {table6} {chain6} \\",
            f'  | sed -n \'s/.* comment "{TAG}: [^"]*" # handle \\([0-9][0-9]*\\)$/\\1/p\' \\',
            f'  | while read -r handle; do nft delete rule ip6 {table6} {chain6} handle "$handle"; done',
        ]
    if not exists:
        rollback.append(f"nft delete table {where}")
    else:
        if policy_drop and fwd.chain is not None:
            rollback.append(f"nft 'chain {where} {fwd.name} {{ policy {fwd.policy}; }}'")
        for name in dict.fromkeys(base.name for base, _, _, _ in jumps):
            if name in new_bases:
                continue
            rollback += [
                f"# the jumps netaudit added to {name}, found by their comment",
                f"nft -a list chain {where} {name} \\",
                f'  | sed -n \'s/.* comment "{TAG}: [^"]*" # handle \\([0-9][0-9]*\\)$/\\1/p\' \\',
                f'  | while read -r handle; do nft delete rule {where} {name} handle "$handle"; done',
            ]
        # chains emptied first: a chain still jumped to cannot be deleted
        rollback += [f"nft flush chain {where} {name}" for name in [*new_bases, *order]]
        rollback += [f"nft delete chain {where} {name}" for name in [*new_bases, *order]]
        rollback += [f"nft delete set {where} {name}" for name in ch.sets]
    patched = _patch_nft(text, d, ch, fwd, inp, policy_drop, exists, new_bases)
    return "\n".join(script) + "\n", "\n".join(rollback) + "\n", patched


def _render_ipt(
    device: Device, d: Dump, ch: Change, fwd: Base, inp: Base, policy_drop: bool, text: str
) -> tuple[str, str, str]:
    assert d.ipt is not None
    tool = _ipt_tool(d.ipt.command)
    names: dict[str, str] = {}
    order = _chain_order(ch)
    cmds: list[str] = []
    for name in order:
        cmds.append(f"{tool} -N {ipt_chain(name, names)}")
    for name in order:
        chain = ipt_chain(name, names)
        for rule in ch.chains[name]:
            cmds.append(ipt_command(rule, chain, _ipt_target(rule, names), tool))
    jump_specs: list[tuple[Base, Rule]] = []
    for base, target, what, at_end in _jumps(ch, fwd, inp):
        rule = _jump_rule(target, what)
        jump_specs.append((base, rule))
        spec = ipt_command(rule, base.name, ipt_chain(target, names), tool)
        if at_end or base.index is None:
            cmds.append(spec)
        else:
            cmds.append(spec.replace(f" -A {base.name} ", f" -I {base.name} {base.index + 1} ", 1))
    if policy_drop:
        cmds.append(f"{tool} -P {fwd.name} DROP")

    guard = ipt_chain(order[0], names) if order else ""
    script = _header(device, f"{tool}, table filter")
    if guard:
        script += _refuse_second_run(f"{tool} -S {guard}", guard)
    save, restore = f"{tool}-save", f"{tool}-restore"
    script += [
        "# 1. the ruleset as it is now (restorable in one step)",
        f"{save} > /root/before-fix.iptables",
        f"# 2. safety net: the saved ruleset comes back by itself in {DELAY // 60} minutes unless cancelled (step 4)",
        f"nohup sh -c 'sleep {DELAY}; {restore} < /root/before-fix.iptables' >/dev/null 2>&1 &",
        "echo $! > /root/netaudit-autorollback.pid",
        "# 3. the change: netaudit's chains first, then the jumps into them, the policy last",
        *cmds,
        'echo "netaudit: applied; the automatic rollback runs in 5 minutes unless cancelled (step 4)."',
        "# 4. once every zone has been checked (by hand):",
        '#    kill "$(cat /root/netaudit-autorollback.pid)"',
        "#    netfilter-persistent save     (package iptables-persistent: writes /etc/iptables/rules.v4)",
    ]
    rollback = [
        "#!/bin/sh",
        f"# netaudit rollback for {device.hostname} ({tool}, table filter): removes what the change set added",
        "# Run as root. Each step stands alone: one whose object is already gone prints an error only.",
    ]
    if policy_drop:
        rollback.append(f"{tool} -P {fwd.name} {fwd.policy.upper()}")
    for base, rule in jump_specs:
        rollback.append(ipt_command(rule, base.name, ipt_chain(rule.target, names), tool, "-D"))
    rollback += [f"{tool} -F {ipt_chain(n, names)}" for n in order]
    rollback += [f"{tool} -X {ipt_chain(n, names)}" for n in order]
    return (
        "\n".join(script) + "\n",
        "\n".join(rollback) + "\n",
        _patch_ipt(text, d, ch, fwd, inp, policy_drop, names),
    )


def _ipt_tool(command: str) -> str:
    """The iptables binary of the dump's save command (iptables-legacy-save → iptables-legacy)."""
    words = command.replace("sudo ", "").split()
    word = words[0].rsplit("/", 1)[-1] if words else ""
    return word[: -len("-save")] if word.endswith("-save") else "iptables"


def _refuse_second_run(probe: str, guard: str) -> list[str]:
    """The script's first lines after its header: stop when ``probe`` (a command listing
    netaudit's first chain, ``guard``) finds the chain — the change was applied before."""
    return [
        f"if {probe} >/dev/null 2>&1; then",
        f'    echo "netaudit: already applied (chain {guard} exists): run the rollback first" >&2',
        "    exit 1",
        "fi",
    ]
