"""Jump and return flattening (:mod:`~netaudit.parsers.mikrotik_routeros.flatten`)."""

from __future__ import annotations

import random

from netaudit.headerspace import HeaderSpace
from netaudit.model import Action, PortRange
from netaudit.parsers.mikrotik_routeros.flatten import chains_of, rule_index
from netaudit.parsers.mikrotik_routeros.reader import read
from netaudit.parsers.mikrotik_routeros.records import PLAIN_ACTIONS, ChainIndex, FwRule
from netaudit.parsers.mikrotik_routeros.state import State

from .helpers import parse


def test_jump_flattening_conjoins_and_return_guards():
    dev, rep = parse("""
    /ip firewall filter
    add action=jump chain=forward in-interface=ether3 jump-target=guest
    add action=accept chain=forward
    add action=return chain=guest protocol=udp dst-port=53
    add action=drop chain=guest dst-address=10.0.0.0/8
    add action=passthrough chain=guest
    add action=accept chain=guest protocol=tcp
    add action=drop chain=guest
    """)
    lines = dev.filters["forward"].lines
    assert [(x.source.line, x.action) for x in lines] == [
        (6, Action.DENY),
        (8, Action.PERMIT),
        (9, Action.DENY),
        (4, Action.PERMIT),
    ]
    # every inlined line carries the jump's in-interface and excludes the returned udp/53
    for x in lines[:3]:
        assert all(m.in_ifaces == frozenset({"ether3"}) for m in x.matches)
    hs = HeaderSpace()
    returned = hs.match(lines[0].matches[0].__class__(protocols=(17,), dst_ports=(PortRange(53, 53),)))
    for x in lines[:3]:
        assert (hs.matches(x.matches) & returned) == hs.false
    assert rep.partially_understood == []


def test_jump_loop_makes_the_filter_partial():
    dev, rep = parse("""
    /ip firewall filter
    add action=jump chain=forward jump-target=a
    add action=jump chain=a jump-target=b
    add action=jump chain=b jump-target=a
    """)
    assert "jump loop" in dev.filters["forward"].partial
    assert rep.partially_understood


def test_return_in_builtin_chain_is_the_default_accept():
    dev, _ = parse("""
    /ip firewall filter
    add action=return chain=forward in-interface=ether9
    add action=drop chain=forward
    /ip address
    add address=10.0.0.1/24 interface=ether2
    """)
    lines = dev.filters["forward"].lines
    assert [x.action for x in lines] == [Action.PERMIT, Action.DENY]


def test_chains_sorted_once_per_table_and_again_when_rules_are_added():
    st = State(
        "/ip firewall filter\n"
        "add action=accept chain=forward protocol=tcp\n"
        "add action=drop chain=input disabled=yes\n"
        "add action=drop chain=forward\n",
        "r.rsc",
    )
    read(st)
    first = chains_of(st, "filter")
    assert [r.index for r in first["forward"]] == [0, 2] and "input" not in first
    assert chains_of(st, "filter") is first  # the same table: not sorted again
    late = st.rules["filter"][0]
    st.rules["filter"].append(FwRule("filter", 3, late.props, late.src, "input"))
    assert [r.index for r in chains_of(st, "filter")["input"]] == [3]


def test_the_rule_index_kept_while_reading_is_the_one_a_pass_over_the_rules_builds():
    # ip_menus.add_rule keeps each table's ChainIndex as it reads (ChainIndex.add written
    # out): the same as one built from the table's rules, and as the passes it replaced
    rnd = random.Random(7)
    chains = ("forward", "input", "khach", '"co dau cach"', "prerouting", "dstnat")
    actions = (*PLAIN_ACTIONS, "jump", "return", "dst-nat", "lam-gi-do", '"accept"')
    for _ in range(60):
        lines = []
        for menu in ("filter", "nat", "raw"):
            lines.append(f"/ip firewall {menu}")
            for _ in range(rnd.randint(0, 40)):
                words = [f"action={rnd.choice(actions)}"]
                if rnd.random() < 0.95:
                    words.append(f"chain={rnd.choice(chains)}")
                if rnd.random() < 0.3:
                    words.append(f"jump-target={rnd.choice(chains)}")
                if rnd.random() < 0.2:
                    words.append(f"disabled={rnd.choice(('yes', 'no', 'true'))}")
                if rnd.random() < 0.1:
                    words.append("connection-nat-state=dstnat")
                rnd.shuffle(words)
                lines.append("add " + " ".join(words))
        st = State("\n".join(lines) + "\n", "r.rsc")
        read(st)
        for table, rules in st.rules.items():
            kept = st.chains[table]
            built = ChainIndex()
            for r in rules:
                built.add(r)
            fields = ("count", "by_chain", "odd", "jump_targets")
            assert [getattr(kept, f) for f in fields] == [getattr(built, f) for f in fields]
            by_chain: dict[str, list[FwRule]] = {}
            for r in rules:
                if not r.disabled:
                    by_chain.setdefault(r.chain, []).append(r)
            assert kept.by_chain == by_chain
            assert kept.odd == {
                c
                for c, rs in by_chain.items()
                if any(r.action not in PLAIN_ACTIONS or "connection-nat-state" in r.props for r in rs)
            }
            assert kept.jump_targets == {r.get("jump-target") for r in rules if r.action == "jump"}
            assert rule_index(st, table) is kept


def test_the_rule_index_is_built_anew_after_the_hotspot_rules_are_put_first():
    st = State("/ip firewall filter\nadd action=drop chain=forward\n", "r.rsc")
    read(st)
    kept = st.chains["filter"]
    late = st.rules["filter"][0]
    st.rules["filter"][:0] = [FwRule("filter", 1, {"chain": "forward"}, late.src, "forward", "jump", dynamic=True)]
    index = rule_index(st, "filter")
    assert index is not kept and [r.index for r in index.by_chain["forward"]] == [1, 0]
    assert index.odd == {"forward"} and index.jump_targets == {None}
