"""BDDs and Python's cyclic garbage collector (issue #15, docs/performance.md "Known
problem"): a BDD (``cudd.Function``) freed by the cyclic collector can be freed inside
dd's ``wrap``, between a CUDD operation and the ``Cudd_Ref`` of its result, and CUDD's
next garbage collection then aborts the process ("dead count != deleted").  So no BDD
may ever sit in a reference cycle: audits, documents, reports and traces must leave
none in cyclic garbage.  (netaudit/bdd_manager.py, "BDD nodes and reference cycles".)"""

from __future__ import annotations

import gc
import random
import sys

import pytest
from helpers import SAMPLES, collector_states
from hypothesis import given, settings
from hypothesis import strategies as st

import netaudit.headerspace as headerspace
from netaudit import bdd_manager
from netaudit.audit import run_audit
from netaudit.headerspace import HeaderSpace
from netaudit.model import AddrMatch, Match, PortRange
from netaudit.report import RenderOptions, render
from netaudit.trace import trace

# One sample per vendor (all of them: tests/bench/test_bench_memory.py runs every sample).
NETWORKS = [
    "cisco-commune-leaky",
    "asa-department-leaky-mgmt",
    "routeros-commune-leaky-firewall",
    "fortigate-ttpvhcc-leaky-policy",
    "linux-commune-leaky",
    "openwrt-commune-leaky",
]


def _bdds_freed_by_the_cyclic_collector(work) -> int:
    """How many BDDs ``work()`` leaves to the cyclic collector (DEBUG_SAVEALL keeps what
    a collection finds unreachable in gc.garbage instead of freeing it)."""
    gc.collect()
    flags = gc.get_debug()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        work()
        gc.collect()
        return sum(1 for o in gc.garbage if type(o) is bdd_manager.bdd_mod.Function)
    finally:
        gc.set_debug(flags)
        gc.garbage.clear()
        gc.collect()


@pytest.mark.parametrize("name", NETWORKS)
def test_no_bdd_is_left_in_a_reference_cycle(name):
    folder = SAMPLES / name

    def work():
        audit = run_audit([folder])
        render(audit, "json", RenderOptions())
        render(audit, "text", RenderOptions())
        zones = [z.name for z in audit.zones]
        trace([folder], None, zones[0], zones[-1], "ip")

    assert _bdds_freed_by_the_cyclic_collector(work) == 0


def test_intervals_leave_no_cycle():
    # It was a recursive closure (a cycle holding every BDD it visited).
    hs = HeaderSpace()
    u = hs.range("dst_port", 20, 25) | hs.range("dst_port", 80, 80) | hs.range("dst_port", 1000, 2000)
    assert hs.intervals(hs.exist(["dst_ip", "src_ip", "src_port", "proto"], u), "dst_port") == [
        (20, 25),
        (80, 80),
        (1000, 2000),
    ]
    assert _bdds_freed_by_the_cyclic_collector(lambda: hs.services(u & hs.eq("proto", 6))) == 0


def test_dd_does_not_import_networkx():
    # dd's utilities import networkx for graph exports netaudit never calls (≈ 0.1 s).
    import subprocess

    code = "import sys, netaudit.headerspace, netaudit.topology; print('networkx' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_audits_run_with_the_cyclic_collector_paused(monkeypatch):
    import netaudit.audit as audit_module

    seen = collector_states(monkeypatch, audit_module, "compute_matrix")
    assert gc.isenabled()
    run_audit([SAMPLES / "cisco-commune-leaky"])
    assert seen == [False] and gc.isenabled()  # paused inside, as it was after
    gc.disable()
    try:
        run_audit([SAMPLES / "cisco-commune-leaky"])
        assert not gc.isenabled()  # a caller's choice is kept
    finally:
        gc.enable()


def test_topology_as_a_networkx_graph_on_demand():
    # The audit does not import networkx; whoever wants the graph gets it as one.
    from helpers import SAMPLES

    from netaudit.audit import run_audit

    audit = run_audit([SAMPLES / "cisco-commune-leaky"])
    g = audit.topology.networkx()
    assert g.number_of_nodes() == len(audit.topology.graph.nodes)
    assert g.number_of_edges() == sum(1 for _ in audit.topology.graph.edges())
    import networkx as nx

    # Its components without the device nodes are exactly the L2 domains.
    l2 = {frozenset(c) for c in nx.connected_components(g.subgraph(n for n in g if n[0] != "dev"))}
    by_domain = {frozenset(n for n in g if g.nodes[n]["domain"] == d) for d in audit.topology.domains}
    assert l2 == by_domain


def _reference_match(hs, m):
    """A Match's set as the plain conjunction of its fields' sets (the definition)."""
    u = hs.true
    for field, pats, negate in (("src_ip", m.src, m.src_negate), ("dst_ip", m.dst, m.dst_negate)):
        if pats is not None:
            side = hs.false
            for p in pats:
                side |= hs.masked(field, p.value, p.wildcard)
            u &= ~side if negate else side
    if m.protocols is not None:
        p = hs.false
        for proto in m.protocols:
            p |= hs.eq("proto", proto)
        u &= p
    for field, ranges in (("src_port", m.src_ports), ("dst_port", m.dst_ports)):
        if ranges is not None:
            r = hs.false
            for pr in ranges:
                r |= hs.range(field, pr.lo, pr.hi)
            u &= r
    if m.icmp_type is not None:
        u &= hs.eq("icmp_type", m.icmp_type)
    if m.icmp_code is not None:
        u &= hs.eq("icmp_code", m.icmp_code)
    if m.tcp_established:
        u &= hs.eq("proto", 6) & (hs.var("ack") | hs.var("rst"))
    if m.conn_established is not None:
        u &= hs.var("est") if m.conn_established else ~hs.var("est")
    return u


_HS = HeaderSpace()
_ADDRS = st.one_of(
    st.builds(AddrMatch, st.integers(0, 2**32 - 1), st.sampled_from([0, 0xFF, 0xFFFF, 0x0A0B, 0xFFFFFFFF])),
)


# Matches of every kind HeaderSpace reads (the interfaces are not part of the set).
_MATCHES = st.builds(
    Match,
    src=st.none() | st.lists(_ADDRS, min_size=1, max_size=12).map(tuple),
    dst=st.none() | st.lists(_ADDRS, min_size=1, max_size=3).map(tuple),
    src_negate=st.booleans(),
    dst_negate=st.booleans(),
    protocols=st.none() | st.sampled_from([(6,), (17,), (1,), (6, 17)]),
    src_ports=st.none() | st.sampled_from([(PortRange(53, 53),), (PortRange(1024, 65535),)]),
    dst_ports=st.none() | st.sampled_from([(PortRange(22, 22),), (PortRange(20, 25), PortRange(80, 80))]),
    icmp_type=st.none() | st.integers(0, 255),
    icmp_code=st.none() | st.integers(0, 255),
    tcp_established=st.booleans(),
    conn_established=st.none() | st.booleans(),
    in_ifaces=st.none() | st.just(frozenset({"vlan10"})),
)


@settings(max_examples=150, deadline=None)
@given(_MATCHES)
def test_a_match_is_the_conjunction_of_its_fields(m):
    """HeaderSpace.match (built from the last field up, byte cubes, cached by identity,
    by value and for its non-address part) == the plain conjunction of its fields."""
    hs = _HS
    want = _reference_match(hs, m)
    assert hs.match(m) == want
    assert hs.match(m) == want  # found again by identity
    twin = Match(**{**m._asdict(), "in_ifaces": frozenset({"x"})})
    assert hs.match(twin) == want  # the interfaces are not part of the set
    copy = Match(**{**m._asdict(), "src": tuple(list(m.src)) if m.src else m.src})
    assert hs.match(copy) == want


def _packet_of(hs, path):
    """The packet a path names, the variables it leaves out false (as HeaderSpace.pick reads it)."""
    return tuple(bool(path.get(name, False)) for name in sorted(hs._names))


@settings(max_examples=150, deadline=None)
@given(st.lists(_MATCHES, min_size=1, max_size=4), st.lists(_MATCHES, min_size=1, max_size=4), st.booleans())
def test_the_first_common_path_is_the_first_path_of_the_intersection(us, vs, negate_v):
    """HeaderSpace.first_common_path walks two sets side by side: the packet it names is
    the one first_path names on their intersection (so witnesses are unchanged), also
    when its step budget runs out and it builds the intersection after all."""
    hs = _HS
    u = hs.matches(us)
    v = hs.matches(vs)
    v = ~v if negate_v else v
    both = u & v
    if both == hs.false:
        return
    want = _packet_of(hs, hs.first_path(both))
    got = hs.first_common_path(u, v)
    assert _packet_of(hs, got) == want
    assert (hs.bdd.cube(got) & both) != hs.false  # the path lies in both sets
    saved = headerspace._COMMON_PATH_STEPS
    headerspace._COMMON_PATH_STEPS = 3
    try:
        assert _packet_of(hs, hs.first_common_path(u, v)) == want
    finally:
        headerspace._COMMON_PATH_STEPS = saved


@settings(max_examples=150, deadline=None)
@given(st.lists(_MATCHES, min_size=1, max_size=4), st.lists(st.lists(_MATCHES, min_size=1, max_size=2), max_size=6))
def test_a_witness_is_the_packet_the_preferences_narrow_to_step_by_step(us, prefs):
    """HeaderSpace.pick follows the preferences' own chain of conjunctions as far as the
    set meets it: the packet is the one the step-by-step narrowing by the set gives."""
    hs = _HS
    u = hs.matches(us)
    if u == hs.false:
        return
    prefer = tuple(hs.matches(p) for p in prefs)
    kept = hs.true  # the narrowing step by step, as it reads
    for p in (*prefer, hs.range("src_port", 1024, 65535), hs.eq("icmp_code", 0)):
        both = kept & p
        if both != hs.false and (both & u) != hs.false:
            kept = both
    want = _packet_of(hs, hs.first_common_path(u, kept))
    got = hs.pick(u, prefer)
    assert got is not None and (hs.packet(got) & u) != hs.false
    assert _packet_of(hs, {n: True for n in hs._names if _bit_set(got, n)}) == want


@settings(max_examples=150, deadline=None)
@given(
    st.lists(_MATCHES, min_size=1, max_size=4),
    st.lists(st.lists(_MATCHES, min_size=1, max_size=2), max_size=6),
    st.lists(st.sampled_from(["tcp", "tcp/22", "udp/53", "icmp/8", "proto/47", "tcp/0-1023"]), max_size=3),
)
def test_a_witness_is_the_same_with_the_sets_service_projection_at_hand(us, prefs, services):
    """HeaderSpace.pick asks each preference first of the set's service projection where
    it is kept (a cell's delivered set, projected for its services): the same packet as
    without it, preferences on services the set lacks among them."""
    hs = HeaderSpace()  # its own: service_projection keeps what it computed per set
    u = hs.matches(us)
    if u == hs.false:
        return
    prefer = (
        *(hs.matches(p) for p in prefs),
        *(hs.match(headerspace.service_match(s)) for s in services),
    )
    without = hs.pick(u, prefer)
    hs.service_projection(u)
    assert u in hs._projections
    assert hs.pick(u, prefer) == without


@settings(max_examples=150, deadline=None)
@given(st.lists(_MATCHES, min_size=1, max_size=4), st.booleans())
def test_the_destination_block_of_any_set_holds_the_ends_of_its_intervals(ms, negate):
    """headerspace.value_block on filter lines' sets and their complements: the aligned
    block of the common leading bits of the lowest and highest destination."""
    hs = _HS
    u = hs.matches(ms)
    u = ~u if negate else u
    if u == hs.false:
        return
    spans = hs.values(u, "dst_ip")
    lowest, highest = spans[0][0], spans[-1][1]
    free = (lowest ^ highest).bit_length()
    assert headerspace.value_block(u, hs.field_levels("dst_ip"), hs.false) == (
        lowest >> free << free,
        (lowest >> free << free) | ((1 << free) - 1),
    )


_BLOCKS = st.sampled_from(["10.0.0.0/30", "10.0.0.4/31", "10.0.0.9/32", "10.1.0.0/16", "192.168.7.0/24", "0.0.0.0/1"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(_BLOCKS, st.sampled_from(["any", "new", "established"]), st.booleans()), max_size=4))
def test_a_sets_destination_block_holds_its_lowest_and_highest_destination(parts):
    """headerspace.value_block (a blocked cell's filter applications by destination,
    witness.py): the aligned block of the destinations' common leading bits — every
    destination of the set inside it, the lowest and highest too, whatever the
    connection state above and the source below; empty for no packet."""
    hs = _HS
    states = {"any": hs.true, "new": hs.new_connections, "established": hs.var("est")}
    u = hs.false
    for net, state, by_source in parts:
        u |= states[state] & hs.prefix("dst_ip", net) & (hs.prefix("src_ip", "10.0.0.0/29") if by_source else hs.true)
    low, high = headerspace.value_block(u, hs.field_levels("dst_ip"), hs.false)
    if u == hs.false:
        assert low > high
        return
    values = hs.values(u, "dst_ip")
    lowest, highest = values[0][0], values[-1][1]
    common = 32
    while lowest >> (32 - common) != highest >> (32 - common):
        common -= 1
    free = 32 - common
    assert (low, high) == (lowest >> free << free, (lowest >> free << free) | ((1 << free) - 1))


def _bit_set(pkt, name: str) -> bool:
    """Whether variable ``name`` is true in ``pkt`` (a field bit or a flag)."""
    field, _, i = name.rpartition("_")
    if field in headerspace.WIDTH:
        return bool((getattr(pkt, field) >> (headerspace.WIDTH[field] - 1 - int(i))) & 1)
    return bool(getattr(pkt, name))


@settings(max_examples=100, deadline=None)
@given(
    st.lists(_MATCHES, min_size=1, max_size=4),
    st.sampled_from(["ip", "tcp", "tcp/22", "udp/53", "udp/1000-2000", "icmp/8", "proto/47", "tcp/0-1023"]),
)
def test_a_service_meets_a_set_where_it_meets_its_projection(ms, service):
    """HeaderSpace.service_projection keeps exactly the fields a service names: a
    service's packets meet a set iff they meet the set's projection (what ``fix``'s
    lost-flow check asks per service, issue #15)."""
    hs = _HS
    u = hs.matches(ms)
    packets = hs.match(headerspace.service_match(service))
    assert hs.meets(hs.service_projection(u), packets) == ((u & packets) != hs.false)


@settings(max_examples=100, deadline=None)
@given(st.lists(_MATCHES, min_size=1, max_size=4), st.sampled_from(["any", "new", "established"]))
def test_the_projection_in_two_passes_is_the_quantification_of_every_hidden_field(ms, state):
    """service_projection quantifies the variables above the service fields, then those
    below: the set one quantification of all of them gives (with the connection state on
    top and the TCP flags at the bottom)."""
    hs = HeaderSpace()  # its own: service_projection keeps what it computed per set
    states = {"any": hs.true, "new": hs.new_connections, "established": hs.var("est")}
    u = states[state] & hs.matches(ms)
    hidden = [
        *(b for f in ("dst_ip", "src_ip", "src_port", "icmp_code") for b in hs._field_bits[f]),
        *headerspace.FLAGS,
    ]
    assert hs.service_projection(u) == hs.bdd.exist(hidden, u)
    assert hs.service_projection(u) is hs.service_projection(u)  # kept


@settings(max_examples=150, deadline=None)
@given(st.lists(_MATCHES, min_size=1, max_size=4), st.lists(_MATCHES, min_size=1, max_size=4), st.booleans())
def test_meets_and_within_are_the_intersection_and_the_inclusion(us, vs, negate_v):
    """HeaderSpace.meets / within (CUDD's Cudd_bddLeq, reached past dd) answer what the
    built intersection and difference answer, for sets, their complements, the empty
    set and the whole space; so does the fallback on dd's ``and_exists``."""
    hs = _HS
    u = hs.matches(us)
    v = hs.matches(vs)
    v = ~v if negate_v else v
    leq = bdd_manager.leq
    try:
        for bdd_manager.leq in (leq, None):
            for a, b in ((u, v), (v, u), (u, ~v), (u, u), (u, hs.false), (hs.true, v), (hs.false, hs.true)):
                assert hs.meets(a, b) == ((a & b) != hs.false)
                assert hs.within(a, b) == ((a & ~b) == hs.false)
    finally:
        bdd_manager.leq = leq


def test_cudd_inclusion_is_reached_on_the_dd_it_was_checked_for():
    """On dd 0.6 (the C layout :func:`bdd_manager.cudd_leq` checks) ``meets`` runs on
    CUDD's Cudd_bddLeq, not on dd's ``and_exists`` (which rebuilt a cube of every
    variable per call); an object of another layout is refused, not misread."""
    import dd

    if bdd_manager.and_exists is None or not dd.__version__.startswith("0.6."):
        pytest.skip(f"the layout is checked for dd 0.6 with CUDD; this is dd {dd.__version__}")
    assert bdd_manager.leq is not None  # _HS made the shared manager

    class Other:  # not dd's BDD: refused by the layout check
        pass

    assert bdd_manager.cudd_leq(Other()) is None


def test_make_room_grows_the_line_fields_subtables_at_once_and_keeps_every_set():
    """HeaderSpace.make_room (CUDD's cuddRehash, reached past dd) doubles the unique
    subtables of the fields filter lines and routes fix until they hold a slot per rule, leaves the
    others and a small analysis alone, and changes no set: one built before equals its
    rebuilding after, and counts the same."""
    import dd

    if bdd_manager.and_exists is None or not dd.__version__.startswith("0.6."):
        pytest.skip(f"the layout is checked for dd 0.6 with CUDD; this is dd {dd.__version__}")
    hs = _HS
    assert bdd_manager.rehash is not None  # _HS made the shared manager
    lines = [
        Match(
            src=(AddrMatch(0x0A000000 | k << 8, 0xFF),),
            dst=(AddrMatch(0xC0A80000 | k, 0),),
            protocols=(6,),
            dst_ports=(PortRange(1000 + k, 1000 + k),),
        )
        for k in range(200)
    ]
    before_sets = [hs.match(m) for m in lines]
    union = hs.matches(lines)
    count = hs.bdd.count(union, nvars=len(hs.bdd.vars))
    slots = list(bdd_manager.level_slots)
    unique = hs.bdd.statistics()["unique_size"]
    hs.make_room(300)  # below two subtables' worth of slots: nothing asked
    assert bdd_manager.level_slots == slots and hs.bdd.statistics()["unique_size"] == unique
    hs.make_room(5000)
    grown = list(bdd_manager.level_slots)
    room = set(hs._room_levels)
    assert all(grown[level] >= 8192 for level in room)
    assert all(grown[level] == slots[level] for level in range(len(slots)) if level not in room)
    # Each doubling's size is read off CUDD's slot count: the record never overstates
    # the table (CUDD may have grown a level on its own before), and asking again for the
    # same room asks CUDD for nothing.
    after = hs.bdd.statistics()["unique_size"]
    assert after - unique >= sum(grown[level] // 2 for level in room if grown[level] > slots[level])
    assert sum(grown) <= after
    hs.make_room(5000)
    assert bdd_manager.level_slots == grown and hs.bdd.statistics()["unique_size"] == after
    hs._match_cache.clear()  # rebuilt, not found again
    assert [hs.match(m) for m in lines] == before_sets
    assert hs.bdd.count(hs.matches(lines), nvars=len(hs.bdd.vars)) == count

    class Other:  # not dd's BDD: refused by the layout check
        pass

    assert bdd_manager.cudd_rehash(Other()) is None


_PACKETS = st.builds(
    headerspace.Packet,
    src_ip=st.integers(0, 2**32 - 1),
    dst_ip=st.integers(0, 2**32 - 1),
    proto=st.integers(0, 255),
    src_port=st.integers(0, 65535),
    dst_port=st.integers(0, 65535),
    icmp_type=st.integers(0, 255),
    icmp_code=st.integers(0, 255),
    syn=st.booleans(),
    ack=st.booleans(),
    rst=st.booleans(),
    est=st.booleans(),
)


@settings(max_examples=100, deadline=None)
@given(_PACKETS, st.lists(_MATCHES, min_size=1, max_size=3))
def test_a_packet_is_the_singleton_of_its_fields(pkt, ms):
    """HeaderSpace.packet (the connection state on top, the TCP flags at the bottom) is
    the one packet it names: picked back unchanged, and in a set exactly when the
    Match's definition holds for it."""
    hs = _HS
    one = hs.packet(pkt)
    assert hs.bdd.count(one, nvars=len(hs.bdd.vars)) == 1
    assert hs.pick(one) == pkt
    for m in ms:
        assert hs.contains(hs.match(m), pkt) == hs.contains(_reference_match(hs, m), pkt)


def test_a_line_on_the_connection_state_alone_adds_one_node():
    """A line on the connection state alone ("accept established,related", the first
    line of most firewalls) on top of the set read so far: one node, not a copy of every
    path of it (the state is the first variable: issue #15, docs/performance.md)."""
    hs = _HS
    lines = [
        Match(
            src=(AddrMatch(0x0A000000 + (i << 8), 0xFF),),
            dst=(AddrMatch(0x0A100000 + i, 0),),
            protocols=(6,),
            dst_ports=(PortRange(1000 + i, 1000 + i),),
        )
        for i in range(200)
    ]
    u = hs.matches(lines)
    state = hs.match(Match(conn_established=True))
    assert len(state | u) == len(u) + 1
    assert len(u & hs.match(Match(conn_established=False))) == len(u) + 1


@pytest.mark.parametrize(("field", "width"), [("dst_port", 16), ("proto", 8), ("icmp_type", 8), ("dst_ip", 32)])
def test_intervals_are_the_merged_ranges(field, width):
    """intervals() reads each bit's branches from the nodes: the maximal intervals of a
    union of random ranges, merged where they touch or overlap."""
    hs = HeaderSpace()
    rnd = random.Random(width)
    for _ in range(200):
        ranges, u = [], hs.false
        for _ in range(rnd.randint(0, 6)):
            lo = rnd.randrange(1 << width)
            hi = min((1 << width) - 1, lo + rnd.choice([0, 1, 5, 300, 1 << (width // 2)]))
            u |= hs.range(field, lo, hi)
            ranges.append((lo, hi))
        merged: list[tuple[int, int]] = []
        for lo, hi in sorted(ranges):
            if merged and lo <= merged[-1][1] + 1:
                merged[-1] = (merged[-1][0], max(hi, merged[-1][1]))
            else:
                merged.append((lo, hi))
        assert hs.intervals(u, field) == merged


def test_the_computed_table_grows_by_its_hit_rate_alone():
    """bdd_manager.CacheGrowth (CUDD's functions reached past dd) doubles a manager's
    computed table up to CACHE_ENTRIES_MAX when the lookups since it was last asked hit
    HIT_RATE or more, and only then: new sets built one after another (a flat filter's
    lines) leave it; a few lookups are counted on, not judged; the first call only starts
    counting."""
    import dd
    from dd import cudd

    if bdd_manager.and_exists is None or not dd.__version__.startswith("0.6."):
        pytest.skip(f"the layout is checked for dd 0.6 with CUDD; this is dd {dd.__version__}")
    bdd = cudd.BDD(initial_cache_size=bdd_manager._CACHE_START)
    growth = bdd_manager.cache_growth(bdd)
    assert growth is not None and growth.slots() == bdd_manager._CACHE_START
    bdd.configure(reordering=False, max_cache_hard=bdd_manager.CACHE_ENTRIES)
    names = [f"x{i}" for i in range(40)]
    bdd.declare(*names)
    xs = [bdd.var(n) for n in names]
    rng = random.Random(7)

    def new_cubes(n: int) -> None:  # lookups that miss: each AND is of sets never built
        for _ in range(n):
            u = bdd.true
            for x in rng.sample(xs, 30):
                u &= x if rng.random() < 0.5 else ~x

    a = xs[0] & ~xs[3] | xs[5] & xs[9] | xs[12] & ~xs[20]
    b = xs[1] | ~xs[7] & xs[30] | xs[33] & xs[39]

    def same_question(n: int) -> None:  # lookups that hit: the same AND again and again
        for _ in range(n):
            a & b

    start = growth.slots()
    assert growth.grow_if_hit() is False  # the first call starts counting
    same_question(100)  # too few lookups to judge: counted on with the next ones
    assert growth.grow_if_hit() is False and growth._since is not None
    new_cubes(bdd_manager.MIN_LOOKUPS // 10)
    assert growth.grow_if_hit() is False and growth.slots() == start  # hits under HIT_RATE
    same_question(bdd_manager.MIN_LOOKUPS * 2)
    assert growth.grow_if_hit() is True and growth.slots() == 2 * start
    while growth.slots() < bdd_manager.CACHE_ENTRIES_MAX:
        same_question(bdd_manager.MIN_LOOKUPS * 2)
        assert growth.grow_if_hit() is True
    assert growth.slots() == bdd_manager.CACHE_ENTRIES_MAX
    same_question(bdd_manager.MIN_LOOKUPS * 2)
    assert growth.grow_if_hit() is False and growth.slots() == bdd_manager.CACHE_ENTRIES_MAX

    class Other:  # not dd's BDD: refused by the layout check
        pass

    assert bdd_manager.cache_growth(Other()) is None


def test_each_source_zone_of_a_matrix_asks_the_table_to_grow(monkeypatch):
    """compute_matrix asks HeaderSpace.grow_cache_if_hit before each source zone's row."""
    from netaudit.audit import prepare
    from netaudit.reach.matrix import compute_matrix

    asked: list[int] = []
    _snap, _site, _topo, placed, engine, _warnings = prepare([SAMPLES / "cisco-commune-leaky"])
    monkeypatch.setattr(HeaderSpace, "grow_cache_if_hit", lambda self: asked.append(len(asked)))
    names = [z.name for z in placed]
    compute_matrix(engine, names)
    assert len(asked) == len(names) > 1
