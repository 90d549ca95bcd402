"""Filter semantics (netaudit/filters.py): the segment tree (LineTree) and the forest by
destination block that make big filters fast give exactly what reading the lines one by
one gives.

The references below are the straightforward readings: first match line by line over a
growing remainder.  Hypothesis draws filters of host, prefix and non-contiguous-wildcard
lines with protocols, ports, negations and partial lines; these strategies and
references are shared with tests/test_line_reachability.py (line reachability: "a line
is shadowed when the union of the earlier understood lines holds it"),
tests/test_line_overlap.py (the address index) and tests/reach/test_witness.py.
"""

from __future__ import annotations

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from netaudit import filters, headerspace, line_reachability, linetree
from netaudit.headerspace import HeaderSpace, Packet
from netaudit.model import Action, AddrMatch, Filter, FilterLine, Match, PortRange, Src

HS = HeaderSpace()


def _addr():
    host = st.integers(0, 15).map(lambda n: AddrMatch(0x0A000000 | n, 0))
    prefix = st.sampled_from([0, 3, 7, 15, 255]).flatmap(
        lambda w: st.integers(0, 15).map(lambda n: AddrMatch((0x0A000000 | n) & ~w, w))
    )
    odd = st.just(AddrMatch(0x0A000001, 0x0A))  # a non-contiguous wildcard
    return st.one_of(host, prefix, odd, st.just(AddrMatch.any()))


@st.composite
def _match(draw):
    return Match(
        src=draw(st.none() | st.tuples(_addr()) | st.tuples(_addr(), _addr())),
        dst=draw(st.none() | st.tuples(_addr())),
        src_negate=draw(st.booleans()) and draw(st.booleans()),
        protocols=draw(st.none() | st.sampled_from([(6,), (17,), (6, 17), (1,)])),
        dst_ports=draw(st.none() | st.sampled_from([(PortRange(22, 22),), (PortRange(20, 25),)])),
        # A stateful firewall's lines ("accept established", "drop invalid" ICMP) and IOS
        # ``established``: line reachability reads states and protocols before any BDD.
        conn_established=draw(st.sampled_from([None, None, True, False])),
        tcp_established=draw(st.integers(0, 5)) == 0,
    )


@st.composite
def _filter(draw, partial_lines: bool = True):
    lines = []
    for i in range(draw(st.integers(0, 24))):
        lines.append(
            FilterLine(
                action=draw(st.sampled_from([Action.PERMIT, Action.DENY])),
                matches=draw(st.lists(_match(), min_size=1, max_size=2)),
                source=Src("acl.cfg", i + 2, f"line {i}"),
                partial="not modelled" if partial_lines and draw(st.integers(0, 9)) == 0 else None,
            )
        )
    return Filter("ACL", lines, default_action=draw(st.sampled_from([Action.PERMIT, Action.DENY])))


def _spread_addr():
    """Addresses in several /24s and /16s, so that filters split by destination block."""
    block = st.sampled_from([0x0A000000, 0x0A000100, 0x0A010000, 0x0B000000])
    host = st.tuples(block, st.integers(0, 7)).map(lambda t: AddrMatch(t[0] | t[1], 0))
    prefix = st.tuples(block, st.sampled_from([3, 255])).map(lambda t: AddrMatch(t[0] & ~t[1], t[1]))
    wide = st.sampled_from([AddrMatch(0x0A000000, 0xFFFF), AddrMatch(0x0A000001, 0x0A), AddrMatch.any()])
    return st.integers(0, 9).flatmap(lambda n: host if n < 6 else prefix if n < 9 else wide)


@st.composite
def _spread_filter(draw):
    lines = []
    for i in range(draw(st.integers(0, 30))):
        m = Match(
            src=draw(st.none() | st.tuples(_addr()) | st.tuples(_spread_addr())),
            # Mostly one destination (a line of one block), sometimes two, any or negated.
            dst=draw(
                st.tuples(_spread_addr())
                if draw(st.integers(0, 5))
                else st.none() | st.tuples(_spread_addr(), _spread_addr())
            ),
            dst_negate=draw(st.integers(0, 19)) == 0,
            protocols=draw(st.none() | st.sampled_from([(6,), (17,)])),
            dst_ports=draw(st.none() | st.sampled_from([(PortRange(22, 22),), (PortRange(20, 25),)])),
        )
        action = draw(st.sampled_from([Action.PERMIT, Action.DENY]))
        lines.append(FilterLine(action=action, matches=[m], source=Src("acl.cfg", i + 2, f"line {i}")))
    return Filter("ACL", lines, default_action=draw(st.sampled_from([Action.PERMIT, Action.DENY])))


def _first_match_line_by_line(hs, sets, P, order):
    """First match over the lines ``order``: ([(line, the packets it takes)], the rest)."""
    parts, rest = [], P
    for idx in order:
        hit = rest & sets[idx]
        if hit != hs.false:
            parts.append((idx, hit))
            rest &= ~sets[idx]
    return parts, rest


def _sequential_permit(hs, flt, sets):
    permit, rest = hs.false, hs.true
    for idx in sets.order:
        hit = rest & sets[idx]
        if flt.lines[idx].action == Action.PERMIT:
            permit |= hit
        rest &= ~sets[idx]
    return permit | rest if flt.default_action == Action.PERMIT else permit


@settings(max_examples=60, deadline=None)
@given(_filter(partial_lines=False), st.integers(0, 24))
def test_tree_first_match_and_permitted_are_line_by_line(flt, cut):
    hs = HS
    sets = filters.LineSets(hs, [(i, hs.matches(line.matches)) for i, line in enumerate(flt.lines)])
    tree = linetree.LineTree(hs.false, [(i, sets[i]) for i in sets.order])
    P = hs.prefix("src_ip", "10.0.0.0/29")
    want_parts, want_rest = _first_match_line_by_line(hs, sets, P, sets.order[:cut])
    got_parts, got_rest = tree.first_match(P, cut)
    assert got_parts == want_parts and got_rest == want_rest
    assert tree.remainder(P, cut) == want_rest
    certain, maybe, uncertain = filters.permitted(hs, flt, sets)
    assert (certain, maybe, uncertain) == (_sequential_permit(hs, flt, sets), hs.false, [])


@st.composite
def _interface_filter(draw):
    """Lines naming input and output interfaces (a firewall's forward chain): line
    reachability reads each interface combination, skipping one whose lines are all
    reachable already."""
    names = st.sets(st.sampled_from(["lan", "wan", "dmz"]), min_size=1, max_size=2).map(frozenset)
    lines = []
    for i in range(draw(st.integers(1, 10))):
        matches = [
            draw(_match())._replace(in_ifaces=draw(st.none() | names), out_ifaces=draw(st.none() | names))
            for _ in range(draw(st.integers(1, 2)))
        ]
        action = draw(st.sampled_from([Action.PERMIT, Action.DENY]))
        partial = "not modelled" if draw(st.integers(0, 9)) == 0 else None
        lines.append(FilterLine(action, matches, Src("fw.rsc", i + 2, f"line {i}"), partial=partial))
    return Filter("forward", lines, default_action=Action.PERMIT)


@settings(max_examples=100, deadline=None)
@given(_interface_filter())
def test_the_line_index_is_the_interfaces_each_line_names(flt):
    """LineIndex (one match read without the general loop) names each line under the
    interfaces its matches name, and as generic where a match names none."""
    index = filters.LineIndex(flt)
    generic = [
        i for i, line in enumerate(flt.lines) if any(m.in_ifaces is None and m.out_ifaces is None for m in line.matches)
    ]
    by_iface: dict = {}
    for i, line in enumerate(flt.lines):
        if i not in generic:
            for m in line.matches:
                for name in m.in_ifaces or ():
                    by_iface.setdefault(("in", name), set()).add(i)
                for name in m.out_ifaces or ():
                    by_iface.setdefault(("out", name), set()).add(i)
    assert (index.generic, index.by_iface) == (generic, by_iface)


@settings(max_examples=80, deadline=None)
@given(
    _spread_filter(),
    st.integers(0, 30),
    # 10.1.0.0/16: one /24 block of the filter's and addresses outside it, in one range.
    st.sampled_from(["10.0.0.0/23", "10.0.0.0/8", "0.0.0.0/0", "10.0.1.4/32", "192.168.7.0/24", "10.1.0.0/16"]),
    st.sampled_from(["", "established", "and 11.0.0.0/24 new"]),
)
def test_a_forest_by_destination_block_answers_as_one_tree(flt, cut, dst, more):
    """LineForest (a tree per destination block, asked only in the blocks between a
    set's lowest and highest destination) == LineTree over the same lines."""
    hs = HS
    sets = filters.LineSets(hs, [(i, hs.matches(line.matches)) for i, line in enumerate(flt.lines)])
    items = [(i, sets[i]) for i in sets.order]
    tree = linetree.LineTree(hs.false, items)
    split = linetree.forest_split(flt, sets.order, min_lines=0)
    one_block = ({0: list(range(len(items)))}, [], 0)  # every line in one block, read from the last up
    P = hs.prefix("dst_ip", dst) & hs.prefix("src_ip", "10.0.0.0/29")
    if more == "established":
        P &= hs.var("est")
    elif more:  # two far-apart destinations, the state on top differing
        P = (P & hs.var("est")) | (hs.prefix("dst_ip", "11.0.0.0/24") & ~hs.var("est"))
    permits = [flt.lines[i].action == Action.PERMIT for i in sets.order]
    # Ranges known to hold P's destinations (a blocked cell's: Witnesses._denied_split):
    # the zone's block, its /16 (one block or several), every address; P's own.
    levels = hs.field_levels("dst_ip")
    zone = hs.prefix("dst_ip", dst) | (hs.prefix("dst_ip", "11.0.0.0/24") if more.startswith("and") else hs.false)
    zone_lo, zone_hi = headerspace.value_block(zone, levels, hs.false)
    knowns = [
        (zone_lo, zone_hi),
        (zone_lo & ~0xFFFF, zone_hi | 0xFFFF),
        (0, (1 << 32) - 1),
        headerspace.value_block(P, levels, hs.false),
    ]
    for how in (split, one_block) if split is not None else (one_block,):
        forest = linetree.LineForest(hs, sets.order, lambda pos: items[pos][1], *how)
        for _ in range(3):  # read line by line at first, then through the block's tree
            assert forest.first_match(P, cut) == tree.first_match(P, cut)
            for known in knowns:
                assert forest.first_match(P, cut, known) == tree.first_match(P, cut)
            assert forest.remainder(P, cut) == tree.remainder(P, cut)
            assert forest.leaves_some(hs, P, cut) == (tree.remainder(P, cut) != hs.false)
        for default_permit in (False, True):
            want = tree.permitted(hs, permits, default_permit)
            assert forest.permitted(hs, permits, default_permit) == want
            # both readings of the permitted set: block by block, and all lines at once
            assert forest._by_block(hs, permits, default_permit) == want
            assert forest._from_last(hs, range(len(items)), permits, default_permit) == want


_FAR = ["10.0.0.0/24", "10.0.1.0/30", "10.1.0.0/16", "11.0.0.0/24", "192.168.7.0/24", "0.0.0.0/1", "128.0.0.0/1"]


@settings(max_examples=100, deadline=None)
@given(_spread_filter(), st.lists(st.sampled_from(_FAR), min_size=1, max_size=3), st.booleans())
def test_the_packets_outside_every_block_are_read_by_the_lines_of_no_block(flt, dsts, established):
    """filters.outside_blocks: for packets it says lie outside every destination block
    (by a range of their destinations, or by the BDDs), what the lines of no single
    block permit is what the whole filter permits of them."""
    hs = HS
    sets = filters.line_sets(hs, flt, None, None)
    sets.split = linetree.forest_split(flt, sets.order, min_lines=0)  # any length
    outside = filters.outside_blocks(hs, flt, sets)
    assume(outside is not None)
    whole = _sequential_permit(hs, flt, sets)
    P = hs.false
    for dst in dsts:
        P |= hs.prefix("dst_ip", dst)
    P &= hs.var("est") if established else hs.new_connections
    span = headerspace.value_block(P, hs.field_levels("dst_ip"), hs.false)
    for holds in (outside.holds(hs, P), outside.holds(hs, P, span), outside.holds(hs, P, (0, (1 << 32) - 1))):
        if holds:
            assert P & outside.permitted == P & whole
    # Its answer is the BDDs' own where the blocks' /16s leave no doubt.
    inside = hs.false
    for start in outside.starts:
        inside |= hs.masked("dst_ip", start, outside.size - 1)
    if not hs.meets(P, inside):
        assert outside.holds(hs, P) or any(
            hs.meets(P, hs.masked("dst_ip", s - s % 65536, 65535)) for s in outside.starts
        )


def test_a_filter_of_blocks_is_read_outside_them_by_its_wide_lines_only():
    """The RouterOS rules of one VLAN (hosts of two /24 blocks) read for the traffic to
    the Internet: the lines of no block (accept established, the catch-all drop) decide."""
    hs = HS
    lines = [FilterLine(Action.PERMIT, [Match(conn_established=True)], Src("fw.rsc", 1, "established"))]
    for i in range(6):
        dst = (AddrMatch(0x0A000100 + (i % 2) * 0x100 + i, 0),)
        action = Action.PERMIT if i % 2 else Action.DENY
        lines.append(FilterLine(action, [Match(dst=dst, protocols=(6,))], Src("fw.rsc", i + 2, f"host {i}")))
    lines.append(FilterLine(Action.DENY, [Match()], Src("fw.rsc", 9, "drop")))
    flt = Filter("forward", lines, default_action=Action.PERMIT)
    sets = filters.line_sets(hs, flt, None, None)
    sets.split = linetree.forest_split(flt, sets.order, min_lines=0)
    outside = filters.outside_blocks(hs, flt, sets)
    assert outside is not None and outside.starts == [0x0A000100, 0x0A000200]
    internet = hs.prefix("dst_ip", "192.168.0.0/16") & hs.new_connections
    assert outside.holds(hs, internet) and outside.holds(hs, internet, (0xC0A80000, 0xC0A8FFFF))
    assert internet & outside.permitted == hs.false  # new connections: the catch-all drop
    assert not outside.holds(hs, hs.prefix("dst_ip", "10.0.1.0/24"))
    # A partial line: read whole (permitted), never from the wide lines alone.
    flt.lines[3].partial = "not modelled"
    sets = filters.line_sets(HeaderSpace(), flt, None, None)
    assert filters.outside_blocks(hs, flt, sets) is None


@settings(max_examples=60, deadline=None)
@given(st.one_of(_filter(), _spread_filter()), st.data(), st.booleans())
def test_the_line_a_packet_matches_is_the_first_holding_it(flt, data, split):
    """matching_line through the filter's tree (built by permitted) or, where the lines
    split by destination block, through its forest (built by matching_line itself) is
    the first line, read one by one, whose set holds the packet."""
    hs = HeaderSpace()
    sets = filters.line_sets(hs, flt, None, None)
    if split:
        sets.split = linetree.forest_split(flt, sets.order, min_lines=0)
    else:
        filters.permitted(hs, flt, sets)
        assert (False in sets.trees) == (not any(line.partial for line in flt.lines) and bool(sets.order))
    for _ in range(8):
        src = 0x0A000000 | data.draw(st.integers(0, 15))
        block = data.draw(st.sampled_from([0x0A000000, 0x0A000100, 0x0A010000, 0x0B000000]))
        dst = block | data.draw(st.integers(0, 7))
        proto = data.draw(st.sampled_from([6, 17, 1]))
        pkt = Packet(src_ip=src, dst_ip=dst, proto=proto, dst_port=data.draw(st.sampled_from([22, 23, 80])))
        single = hs.packet(pkt)
        want = next((idx for idx in sets.order if hs.meets(sets[idx], single)), None)
        assert filters.matching_line(hs, flt, sets, pkt) == want


def test_a_long_filter_of_exceptions_splits_by_destination_block():
    """Many /24 destinations and two wide lines at the end: a forest of /24 blocks; the
    engine's permitted set and line reachability read through it equal the one tree's."""
    hs = HS
    lines = []
    for n in range(300):
        dst = AddrMatch(0x0A0A0000 | ((n % 40) << 8) | (n % 7), 0 if n % 3 else 0xFF)
        m = Match(src=(AddrMatch(0x0A140000 | n, 0),), dst=(dst,), protocols=(6,), dst_ports=(PortRange(22, 22),))
        lines.append(FilterLine(Action.DENY if n % 2 else Action.PERMIT, [m], source=Src("r.cfg", n + 2, f"l {n}")))
    lines.append(
        FilterLine(Action.DENY, [Match(dst=(AddrMatch.prefix("10.10.0.0/16"),))], source=Src("r.cfg", 400, "d"))
    )
    lines.append(FilterLine(Action.PERMIT, [Match()], source=Src("r.cfg", 401, "p")))
    flt = Filter("GUEST-IN", lines, default_action=Action.DENY)
    sets = filters.line_sets(hs, flt, None, None)
    forest = filters.line_tree(hs, flt, sets)
    assert isinstance(forest, linetree.LineForest) and len(forest.regions) == 41
    certain, _, _ = filters.permitted(hs, flt, sets)
    assert certain == _sequential_permit(hs, flt, sets)
    # A host line repeated later is shadowed by the earlier one, found through the forest.
    flt.lines.insert(301, FilterLine(Action.DENY, [lines[4].matches[0]], source=Src("r.cfg", 399, "again")))
    found = {u.index: u.blocking for u in line_reachability.shadowed_lines(HeaderSpace(), flt)}
    assert found[301] == [4]


def test_scattered_host_rules_are_blocks_read_at_once():
    """A forward chain of host rules spread over many /24s (four rules per block) and a
    few wide rules: blocks for first match, the permitted set read over all the lines
    at once; the engine's permitted set and line reachability equal the one tree's."""
    hs = HS
    lines = [FilterLine(Action.PERMIT, [Match(conn_established=True)], source=Src("f.rsc", 1, "est"))]
    for n in range(200):
        dst = AddrMatch(0x0A000000 | ((n % 50) << 16) | n, 0)
        m = Match(
            src=(AddrMatch(0x0A140000 | (n << 8), 0xFF),),
            dst=(dst,),
            protocols=(6,),
            dst_ports=(PortRange(n + 1000, n + 1000),),
        )
        lines.append(FilterLine(Action.DENY if n % 3 else Action.PERMIT, [m], source=Src("f.rsc", n + 2, f"r {n}")))
    lines.append(FilterLine(Action.DENY, [Match()], source=Src("f.rsc", 300, "drop")))
    flt = Filter("forward", lines, default_action=Action.PERMIT)
    sets = filters.line_sets(hs, flt, None, None)
    blocks, wide, bits = linetree.forest_split(flt, sets.order)
    assert (bits, len(blocks), len(wide)) == (24, 50, 2)  # four rules per /24: read all at once
    forest = filters.line_tree(hs, flt, sets)
    assert isinstance(forest, linetree.LineForest)
    # The witness of a packet to the Internet reads (and builds) the lines of no block only.
    internet = Packet(src_ip=0x0A140105, dst_ip=0xC0A80101, proto=6, dst_port=443)
    assert filters.matching_line(hs, flt, sets, internet) == 201 and set(sets) == {0, 201}
    # Each deny rule's host meets no later accept's, and the catch-all drop ends the
    # chain: the deny rules change nothing permitted, and their sets are never built.
    certain = filters.permitted(hs, flt, sets)[0]
    assert set(sets) == {0, 201} | {n + 1 for n in range(200) if n % 3 == 0}
    assert certain == _sequential_permit(hs, flt, sets)
    flt.lines.insert(150, FilterLine(Action.DENY, [lines[7].matches[0]], source=Src("f.rsc", 299, "again")))
    found = {u.index: u.blocking for u in line_reachability.shadowed_lines(HeaderSpace(), flt)}
    assert found == {150: [7]}


@settings(max_examples=150, deadline=None)
@given(_spread_filter(), st.sampled_from([None, Action.DENY, Action.PERMIT]))
def test_the_permitted_set_leaves_out_the_deny_lines_no_later_permit_meets(flt, last):
    """Read through a forest, the permitted set never builds a deny line whose address
    box meets no later permit line's, where what no line matches is denied (the default
    action, or a catch-all deny line after it: ``last``); it is first match line by
    line all the same."""
    if last is not None:
        flt.lines.append(FilterLine(last, [Match()], source=Src("acl.cfg", 99, "catch-all")))
    hs = HeaderSpace()
    sets = filters.line_sets(hs, flt, None, None)
    sets.split = linetree.forest_split(flt, sets.order, min_lines=0)
    assume(sets.split)
    certain = filters.permitted(hs, flt, sets)[0]
    idle = {sets.order[pos] for pos in filters._idle_denials(hs, flt, sets)}
    assert not idle & set(sets)
    assert all(flt.lines[idx].action == Action.DENY for idx in idle)
    assert certain == _sequential_permit(hs, flt, sets)
    catch_all = any(flt.lines[idx].action == Action.DENY and sets[idx] == hs.true for idx in sets.order)
    assert flt.default_action == Action.DENY or catch_all or not idle  # else each may change it


@settings(max_examples=200, deadline=None)
@given(
    st.builds(
        Match,
        src=st.sampled_from([None, (), (AddrMatch.any(),), (AddrMatch(0x0A000001, 0x0A),)]),
        src_negate=st.booleans(),
        dst=st.sampled_from([None, (), (AddrMatch(0x0A000100, 0xFF),), (AddrMatch(1, 0), AddrMatch(2, 0))]),
        dst_negate=st.booleans(),
        protocols=st.sampled_from([None, (), (6,), (17,), (6, 17)]),
        tcp_established=st.booleans(),
        dst_ports=st.sampled_from([None, (), (PortRange(22, 22),), (PortRange(20, 25), PortRange(80, 80))]),
        src_ports=st.sampled_from([None, (), (PortRange(1024, 65535),)]),
        icmp_type=st.sampled_from([None, 8]),
        conn_established=st.sampled_from([None, True, False]),
    )
)
def test_whether_a_match_can_match_is_known_without_its_set(m):
    """HeaderSpace.can_match (each field's constraint on its own) says what the match's
    set says: empty lists, a negated "any", UDP said to be TCP-established."""
    hs = HeaderSpace()
    assert hs.can_match(m) == (hs.match(m) != hs.false)


def test_line_sets_per_interface_combination():
    """A line whose matches all apply in several interface combinations is one set for
    all of them (built once); a line with matches for other interfaces keeps only those
    that apply.  Each combination gives what compiling its applying matches gives."""
    hs = HeaderSpace()
    web = Match(dst=(AddrMatch(0x0A000001, 0),), protocols=(6,), dst_ports=(PortRange(80, 80),))
    lines = [
        FilterLine(
            Action.PERMIT, [Match(in_ifaces=frozenset({"v10"}), src=(AddrMatch(0x0A0A0000, 0xFFFF),))], Src("f", 1)
        ),
        FilterLine(
            Action.DENY,
            [Match(in_ifaces=frozenset({"v10"}), out_ifaces=frozenset({"wan"})), Match(in_ifaces=frozenset({"v20"}))],
            Src("f", 2),
        ),
        FilterLine(Action.PERMIT, [web], Src("f", 3)),
        FilterLine(Action.PERMIT, [Match(out_ifaces=frozenset({"wan"}))], Src("f", 4)),
    ]
    flt = Filter("forward", lines, Action.DENY)
    combos = [("v10", "wan"), ("v10", filters.OTHER_IFACE), ("v20", "wan"), (filters.OTHER_IFACE, "wan")]
    got = {c: filters.line_sets(hs, flt, *c) for c in combos}
    for (in_if, out_if), sets in got.items():
        for idx, line in enumerate(lines):
            ms = [m for m in line.matches if filters.applies(m, in_if, out_if)]
            assert sets[idx] == (hs.matches(ms) if ms else hs.false), (in_if, out_if, idx)
    # Line 1 (in v10 only) and line 3 (no interface) are the same objects in every
    # combination where they apply whole.
    assert got[("v10", "wan")][0] is got[("v10", filters.OTHER_IFACE)][0]
    assert got[("v10", "wan")][2] is got[("v20", "wan")][2] is got[(filters.OTHER_IFACE, "wan")][2]
    assert 1 not in got[("v10", filters.OTHER_IFACE)] and 1 in got[("v20", "wan")]


def _every_reading(hs, flt, sets):
    """filters.permitted by its definition: a partial line may match its packets or not
    (for a packet, each partial line containing it either way, whatever the others do);
    certain = permitted under every reading, maybe = under some reading only."""
    partial = [idx for idx in sets.order if flt.lines[idx].partial]
    sure, some = hs.true, hs.false
    for bits in range(1 << len(partial)):
        matching = {idx for k, idx in enumerate(partial) if bits >> k & 1}
        reading = _only(sets, [idx for idx in sets.order if not flt.lines[idx].partial or idx in matching])
        got = _sequential_permit(hs, flt, reading)
        sure &= got
        some |= got
    return sure, some & ~sure


def _only(sets, order):
    out = filters.LineSets(HS, {idx: sets[idx] for idx in order})
    return out


@settings(max_examples=120, deadline=None)
@given(_filter())
def test_permitted_with_partial_lines_holds_for_every_reading_of_them(flt):
    """Partial lines: certain = permitted whether each partial line matches or not, maybe =
    permitted under some reading only (filters._later_outcomes reads the rest of the
    filter once from the last line up).  Two partial accepts in a drop chain were read
    as if the second always matched: a false "reachable" (a real nft ruleset, meta skuid)."""
    hs = HS
    assume(sum(1 for line in flt.lines if line.partial) <= 8)
    sets = filters.line_sets(hs, flt, None, None)
    certain, maybe, uncertain = filters.permitted(hs, flt, sets)
    assert (certain, maybe) == _every_reading(hs, flt, sets)
    # each uncertain packet with the one partial line that makes it so, in line order
    union = hs.false
    for k, (idx, u) in enumerate(uncertain):
        assert flt.lines[idx].partial and (union & u) == hs.false
        assert k == 0 or idx > uncertain[k - 1][0]
        union |= u
    assert union == maybe


def test_two_partial_accepts_in_a_drop_chain_are_maybe_not_certain():
    """The case that was wrong: `iifname "lan0" meta skuid 1000 accept`, the same with 2000,
    policy drop — a packet from lan0 is accepted only if one of the owners matches."""
    hs = HS
    lan = Match(dst=(AddrMatch(0x0A000000, 0xFF),))
    lines = [FilterLine(Action.PERMIT, [lan], Src("nft", n, f"skuid {n}"), partial="meta skuid") for n in (1, 2)]
    flt = Filter("forward", lines, default_action=Action.DENY)
    certain, maybe, uncertain = filters.permitted(hs, flt, filters.line_sets(hs, flt, None, None))
    assert certain == hs.false and maybe == hs.match(lan) and uncertain == [(0, maybe)]
    # Two partial drops before an accept: maybe permitted, not blocked.
    drops = [FilterLine(Action.DENY, [lan], Src("nft", n, f"drop {n}"), partial="meta skuid") for n in (1, 2)]
    flt = Filter("forward", [*drops, FilterLine(Action.PERMIT, [Match()], Src("nft", 3, "accept"))], Action.DENY)
    certain, maybe, _ = filters.permitted(hs, flt, filters.line_sets(hs, flt, None, None))
    assert maybe == hs.match(lan) and certain == ~hs.match(lan)


def test_a_filters_interfaces_are_read_once_per_analysis(monkeypatch):
    """The engine (which interfaces a filter treats alike) and line reachability (the
    combinations it reads) share one reading of a filter's interfaces
    (filters.filter_interfaces): each filter's lines are indexed once per audit, and the
    combinations are interface_combinations'."""
    from helpers import SAMPLES

    from netaudit.audit import run_audit

    built: list[int] = []
    real = filters.LineIndex.__init__

    def counting(self, flt):
        built.append(id(flt))
        real(self, flt)

    monkeypatch.setattr(filters.LineIndex, "__init__", counting)
    audit = run_audit([SAMPLES / "routeros-commune-leaky-firewall"])
    looked = [f for d in audit.devices for f in d.filters.values() if filters.interface_dependent(f)]
    assert looked and built and len(built) == len(set(built))
    for flt in looked:
        read = filters.filter_interfaces(audit.engine.hs, flt)
        assert filters.filter_interfaces(audit.engine.hs, flt) is read
        assert read.combinations() == filters.interface_combinations(flt)
