"""Plain filter chains read rule by rule straight into their lines
(:func:`~netaudit.parsers.mikrotik_routeros.firewall.plain_lines`): the same lines, the
same report, as flattening them (:mod:`~netaudit.parsers.mikrotik_routeros.flatten`)."""

from __future__ import annotations

import random

import pytest

from netaudit.model import Action, Match
from netaudit.parsers import mikrotik_routeros
from netaudit.parsers.mikrotik_routeros import conditions, firewall
from netaudit.parsers.mikrotik_routeros.conditions import NOT_PLAIN
from netaudit.parsers.packet_sets import ADDR_MAX, Cond, cond_at, field_match, to_matches

from .helpers import V7, parse

# An office router: a WAN port, a bridge with a port, VLANs, interface lists, address lists
# (one whose entries are known, one holding a DNS name, one emptied at run time).
HEAD = """/interface bridge
add name=bridge-lan
/interface vlan
add interface=bridge-lan name=vlan10-ketoan vlan-id=10
add interface=bridge-lan name=vlan20-khach vlan-id=20
/interface bridge port
add bridge=bridge-lan interface=ether3
/interface list
add name=WAN
add name=LAN
/interface list member
add interface=ether1 list=WAN
add interface=vlan10-ketoan list=LAN
add interface=vlan20-khach list=LAN
/ip address
add address=192.168.10.1/24 interface=vlan10-ketoan
add address=192.168.20.1/24 interface=vlan20-khach
add address=203.0.113.2/30 interface=ether1
/ip firewall address-list
add address=10.20.0.0/16 list=MANG-NOIBO
add address=198.51.100.7 list=MANG-NOIBO
add address=mail.so-tttt.gov.vn list=MAY-CHU
add address=192.0.2.9 list=TAM timeout=1d
"""

# One property each: what a technician's rules hold, odd values and negations included.
PROPERTIES = [
    "src-address=192.168.10.0/24",
    "src-address=!192.168.20.0/24",
    "src-address=10.0.0.0-10.0.0.77",
    "dst-address=0.0.0.0/0",
    "dst-address=!0.0.0.0/0",
    "dst-address=!0.0.0.0/1",
    "dst-address=203.0.113.2",
    "dst-address=10.9.8.7/8",
    "dst-address=khong-phai-dia-chi",
    "src-address=!0.0.0.0/8",
    "dst-address=!255.255.255.0/24",
    "dst-address=!10.1.2.3",
    "src-address=010.1.2.3/24",
    "dst-address=10.1.2.3/33",
    "src-address=10.1.2.3/0",
    "dst-address=10.1.2.3/",
    'src-address="10.1.2.0/24"',
    "protocol=tcp",
    "protocol=udp",
    "protocol=!icmp",
    "protocol=17",
    "protocol=giao-thuc-la",
    "dst-port=80,443,8000-8100",
    "dst-port=!53",
    "dst-port=0-65535",
    "src-port=1024-65535",
    'dst-port=""',
    "src-address-list=MANG-NOIBO",
    "src-address-list=!MANG-NOIBO",
    "dst-address-list=MAY-CHU",
    "dst-address-list=!MAY-CHU",
    "dst-address-list=TAM",
    "src-address-list=CHUA-CO",
    "in-interface-list=LAN",
    "in-interface-list=!WAN",
    "out-interface-list=WAN",
    "in-interface-list=all",
    "out-interface-list=KHONG-CO",
    "in-interface=vlan10-ketoan",
    "in-interface=!vlan20-khach",
    "out-interface=ether1",
    "in-interface=ether3",
    "out-interface=all-vlan",
    "in-interface=khong-ton-tai",
    "connection-state=established,related",
    "connection-state=new",
    "connection-state=invalid",
    "icmp-options=8:0",
    "icmp-options=!3",
    "port=22",
    "dst-address-type=local",
    "layer7-protocol=youtube",
    "limit=10,5:packet",
    "tcp-flags=syn",
    "ipsec-policy=in,ipsec",
    "ipsec-policy=out,none",
    'comment="Cho phep phong ke toan"',
    "log=yes",
    "log-prefix=CHAN",
    "disabled=yes",
    "disabled=no",
]
ACTIONS = [
    "accept",
    "drop",
    "reject",
    "tarpit",
    "fasttrack-connection",
    "log",
    "passthrough",
    "add-src-to-address-list",
]


def random_rules(rnd: random.Random, n: int, chains: tuple[str, ...]) -> list[str]:
    out = []
    for _ in range(n):
        props = rnd.sample(PROPERTIES, rnd.randint(0, 4))
        action = rnd.choice(ACTIONS)
        extra = " address-list=DA-QUET" if action == "add-src-to-address-list" else ""
        out.append(f"add action={action} chain={rnd.choice(chains)}{extra} {' '.join(props)}".rstrip())
    return out


def parsed(text: str) -> str:
    res = mikrotik_routeros.parse(text, "r.rsc")
    return repr((res.devices, res.report))


def both_paths(monkeypatch, text: str) -> tuple[str, str]:
    """``repr`` of the device and report parsed with plain chains read straight, then
    with every chain flattened and every rule read by rule_fields (the general path:
    no Match straight from the properties, conditions.rule_match)."""
    res = parsed(text)
    with monkeypatch.context() as m:
        m.setattr(firewall, "plain_rules", lambda st, chain: None)
        m.setattr(firewall, "rule_match", lambda st, rule: NOT_PLAIN)
        full = parsed(text)
    return res, full


@pytest.mark.parametrize("seed", range(40))
def test_plain_chains_parse_as_flattened_chains(monkeypatch, seed):
    rnd = random.Random(seed)
    rules = random_rules(rnd, 60, ("forward", "input"))
    if seed % 4 == 0:
        # input jumps into forward: forward is still plain, and the walk of input reads
        # the conditions its rules were given (each rule's warnings once)
        rules.insert(rnd.randrange(len(rules) + 1), "add action=jump chain=input jump-target=forward protocol=tcp")
    text = V7 + HEAD + "/ip firewall filter\n" + "\n".join(rules) + "\n"
    plain, full = both_paths(monkeypatch, text)
    assert plain == full


@pytest.mark.parametrize("seed", range(40))
def test_rules_read_straight_parse_as_rules_read_by_rule_fields(monkeypatch, seed):
    # conditions.rule_match against rule_fields + fields_match, in plain chains and in
    # chains that jump (flatten's direct lines: the rules before and between the jumps,
    # not those after a return nor those of a chain jumped into)
    rnd = random.Random(1000 + seed)
    rules = random_rules(rnd, 60, ("forward", "input", "khach"))
    for _ in range(rnd.randint(0, 4)):
        rules.insert(
            rnd.randrange(len(rules) + 1),
            rnd.choice(
                (
                    "add action=jump chain=forward jump-target=khach in-interface=vlan20-khach",
                    "add action=jump chain=forward jump-target=khach",
                    "add action=return chain=khach protocol=udp",
                    "add action=return chain=forward dst-address=10.20.0.0/16",
                    "add action=jump chain=input jump-target=forward protocol=tcp",
                    "add action=jump chain=input jump-target=khach",
                )
            ),
        )
    text = V7 + HEAD + "/ip firewall filter\n" + "\n".join(rules) + "\n"
    res = parsed(text)
    with monkeypatch.context() as m:
        m.setattr(firewall, "rule_match", lambda st, rule: NOT_PLAIN)
        general = parsed(text)
    assert res == general


def test_rule_match_reads_random_rules_and_declines_the_others(monkeypatch):
    # the comparisons above are worth something only if rule_match gives Matches, no
    # packet and NOT_PLAIN, for rules of one and of several properties, values read the
    # first time and again (st.match_cache), interface and list values among them
    got = {"match": 0, "none": 0, "not plain": 0}
    sides = 0
    real = conditions.rule_match

    def counting(st, rule):
        nonlocal sides
        m = real(st, rule)
        got["not plain" if m is NOT_PLAIN else "none" if m is None else "match"] += 1
        sides += m is not NOT_PLAIN and any(k.endswith(("interface", "-list")) for k in rule.props)
        return m

    monkeypatch.setattr(firewall, "rule_match", counting)
    for seed in range(40):
        rules = random_rules(random.Random(1000 + seed), 60, ("forward", "input"))
        mikrotik_routeros.parse(V7 + HEAD + "/ip firewall filter\n" + "\n".join(rules) + "\n", "r.rsc")
    assert got["match"] > 500 and got["none"] > 10 and got["not plain"] > 500 and sides > 200, (got, sides)


def test_rule_match_is_fields_match_of_rule_fields():
    # rule by rule, on a parse's state: where rule_match gives a Match or no packet,
    # rule_fields reads the rule without a reason or a union, and fields_match builds the
    # same Match (its fields' layout included); references and warnings recorded alike
    from netaudit.parsers.mikrotik_routeros.conditions import rule_fields
    from netaudit.parsers.mikrotik_routeros.parser import RouterOSParser

    rules = "\n".join(random_rules(random.Random(19), 2_000, ("forward",)))
    p = RouterOSParser(V7 + HEAD + "/ip firewall filter\n" + rules + "\n", "r.rsc")
    p.run()
    st = p.st
    compared = 0
    for rule in st.rules["filter"]:
        refs, warnings = len(st.refs), len(st.rep.warnings)
        m = conditions.rule_match(st, rule)
        if m is NOT_PLAIN:
            assert (len(st.refs), len(st.rep.warnings)) == (refs, warnings)  # nothing recorded
            continue
        got_refs, got_warnings = st.refs[refs:], st.rep.warnings[warnings:]
        fields, extra, reasons, approx = rule_fields(st, rule, "filter")
        assert not extra and not reasons and approx is None
        assert (st.refs[refs + len(got_refs) :], st.rep.warnings[warnings + len(got_warnings) :]) == (
            got_refs,
            got_warnings,
        )
        expected = None if fields is None else firewall.fields_match(fields)
        assert m == expected and repr(m) == repr(expected)
        if m is not None:
            assert type(m) is type(expected) is Match
        compared += 1
    assert compared > 500


def test_the_random_rules_reach_every_kind_of_line(monkeypatch):
    # the comparison above is worth something only if the plain path meets permits,
    # denies, partial lines, fasttrack and lines with several matches
    seen = set()
    for seed in range(40):
        rules = random_rules(random.Random(seed), 60, ("forward",))
        dev, _ = parse(HEAD + "/ip firewall filter\n" + "\n".join(rules) + "\n")
        for line in dev.filters["forward"].lines:
            seen.add((line.action, line.partial is not None, len(line.matches) > 1))
    assert seen == {(a, p, many) for a in Action for p in (False, True) for many in (False, True)}


def test_a_chain_is_plain_only_without_jump_return_unknown_action_or_nat_state():
    plain = "add action=accept chain=forward protocol=tcp\nadd action=log chain=forward\n"
    for rule, is_plain in (
        ("add action=drop chain=forward", True),
        ("add action=jump chain=forward jump-target=khach", False),
        ("add action=return chain=forward", False),
        ("add action=acept chain=forward", False),
        ("add action=drop chain=forward connection-nat-state=!dstnat", False),
        ("add action=jump chain=input jump-target=forward", True),  # another chain's jump
        ("add action=jump chain=forward jump-target=khach disabled=yes", True),  # disabled
    ):
        from netaudit.parsers.mikrotik_routeros.parser import RouterOSParser

        p = RouterOSParser(V7 + "/ip firewall filter\n" + plain + rule + "\n", "r.rsc")
        p.run()
        assert (firewall.plain_rules(p.st, "forward") is not None) == is_plain, rule


def random_ranges(rnd: random.Random, maxv: int):
    if rnd.random() < 0.2:
        return ((0, maxv),)
    out, lo = [], 0
    for _ in range(rnd.randint(1, 4)):
        lo = rnd.randint(lo, maxv)
        hi = rnd.randint(lo, min(maxv, lo + rnd.choice((0, 3, 255, 65535))))
        out.append((lo, hi))
        lo = hi + 2
        if lo > maxv:
            break
    return tuple(out)


def test_field_match_is_the_match_of_to_matches():
    rnd = random.Random(15)
    for _ in range(5_000):

        def pick(maxv):
            return random_ranges(rnd, maxv) if rnd.random() < 0.5 else None

        c = Cond(
            src=pick(ADDR_MAX),
            dst=pick(ADDR_MAX),
            proto=pick(255),
            sport=pick(65535),
            dport=pick(65535),
            est=rnd.choice((None, True, False)),
            inif=rnd.choice((None, frozenset(), frozenset({"ether1", "vlan10"}))),
            outif=rnd.choice((None, frozenset({"ether1"}))),
        )
        m = field_match(c.src, c.dst, c.proto, c.sport, c.dport, c.est, c.inif, c.outif)
        (expected,) = to_matches(c)
        assert m == expected and repr(m) == repr(expected)
        assert type(m) is type(expected) is Match


def test_line_matches_are_the_matches_of_to_matches():
    # every flattened filter line's Matches (firewall.line_matches), ICMP conditions and
    # unions of several conditions included
    rnd = random.Random(16)
    for _ in range(2_000):
        conds = []
        for _ in range(rnd.randint(1, 3)):
            icmp = rnd.random() < 0.3
            conds.append(
                Cond(
                    dst=random_ranges(rnd, ADDR_MAX) if rnd.random() < 0.5 else None,
                    proto=((1, 1),) if icmp else random_ranges(rnd, 255),
                    itype=random_ranges(rnd, 255)[:2] if icmp else None,
                    icode=((0, 0),) if icmp and rnd.random() < 0.5 else None,
                    est=rnd.choice((None, True, False)),
                )
            )
        expected = [m for c in conds for m in to_matches(c)]
        got = firewall.line_matches(conds)
        assert got == expected and repr(got) == repr(expected)


def test_fields_match_is_the_match_of_the_condition_cond_at_builds():
    # whole ranges (no constraint) and empty ones (no packet) included
    rnd = random.Random(17)
    seen_empty = seen_whole = 0
    for _ in range(5_000):

        def pick(maxv):
            r = rnd.random()
            if r < 0.1:
                return ()
            if r < 0.2:
                return ((0, maxv),)
            return random_ranges(rnd, maxv) if r < 0.6 else None

        fields = [pick(ADDR_MAX), pick(ADDR_MAX), pick(255), pick(65535), pick(65535), None, None]
        fields += [rnd.choice((None, True, False)), rnd.choice((None, frozenset(), frozenset({"ether1"})))]
        fields += [rnd.choice((None, frozenset(), frozenset({"ether2"})))]
        c = cond_at(list(fields))
        m = firewall.fields_match(list(fields))
        if c is None:
            seen_empty += 1
            assert m is None
            continue
        seen_whole += any(f in (((0, ADDR_MAX),), ((0, 255),), ((0, 65535),)) for f in fields[:5])
        (expected,) = to_matches(c)
        assert m == expected and repr(m) == repr(expected)
        assert type(m) is type(expected) is Match
    assert seen_empty > 500 and seen_whole > 500


def test_rule_fields_never_set_the_icmp_fields():
    # fields_match leaves them out: icmp-options is a union the fields are intersected with
    from netaudit.parsers.mikrotik_routeros.conditions import rule_fields
    from netaudit.parsers.mikrotik_routeros.parser import RouterOSParser

    rules = "\n".join(random_rules(random.Random(18), 400, ("forward",)))
    p = RouterOSParser(V7 + HEAD + "/ip firewall filter\n" + rules + "\n", "r.rsc")
    p.run()
    read = [rule_fields(p.st, r, "filter") for r in p.st.rules["filter"]]
    assert all(f is None or (f[5] is None and f[6] is None and f[7] is None) for f, *_ in read)
    assert sum(1 for f, extra, *_ in read if f is not None and extra) > 50  # icmp-options, states


def test_split_matches_rewrites_wide_icmp_unions_type_by_type_exactly():
    # the complements of ICMP accepts (a real 7.10 defconf raw chain): conditions of
    # hundreds of types x codes, and TCP pieces carrying the ICMP fields' constraints
    rnd = random.Random(18)

    def pairs_of(matches):
        out = set()
        for m in matches:
            if m.protocols is not None and 1 not in m.protocols:
                continue
            types = range(256) if m.icmp_type is None else (m.icmp_type,)
            codes = range(256) if m.icmp_code is None else (m.icmp_code,)
            out |= {(t, k) for t in types for k in codes}
        return out

    for _ in range(20):
        conds = [
            Cond(proto=((1, 1),), itype=random_ranges(rnd, 255), icode=random_ranges(rnd, 40))
            for _ in range(rnd.randint(1, 3))
        ]
        conds.append(Cond(proto=((6, 6),), itype=((0, 2), (4, 255)), icode=((4, 255),)))
        exact, wide = firewall.split_matches(conds)
        assert not wide
        expected = {
            (t, k)
            for c in conds[:-1]
            for lo, hi in c.itype
            for t in range(lo, hi + 1)
            for klo, khi in c.icode
            for k in range(klo, khi + 1)
        }
        assert pairs_of(exact) == expected
        tcp = [m for m in exact if m.protocols is not None and 6 in m.protocols]
        assert len(tcp) == 1 and tcp[0].icmp_type is None and tcp[0].icmp_code is None


def test_split_matches_widens_what_stays_too_wide_and_says_so():
    # 100 destinations, each every type but with codes 1-254: 25,000+ Matches type by type
    conds = [Cond(dst=((d, d),), proto=((1, 1),), itype=((0, 255),), icode=((1, 254),)) for d in range(100)]
    exact, wide = firewall.split_matches(conds)
    assert not exact and wide and all(m.icmp_code is None for m in wide)
    reasons: list = []
    assert firewall.line_matches(conds, reasons) == wide and len(reasons) == 1


def random_address(rnd: random.Random) -> str:
    """An address value as a rule may write it: a host or a block (any length, the
    space's ends included), negated or not, now and then oddly written."""
    quad = ".".join(str(rnd.choice((0, 1, 10, 127, 128, 192, 254, 255, rnd.randrange(256)))) for _ in range(4))
    text = quad + rnd.choice(("", f"/{rnd.randint(0, 32)}", f"/{rnd.randint(0, 32)}", "/33", "/", "/x", "-10.0.0.1"))
    if rnd.random() < 0.05:
        text = "0" + text  # a leading zero: quad reads it, ip_to_int does not
    return ("!" if rnd.random() < 0.5 else "") + text


def test_plain_addresses_are_read_as_the_general_path_reads_them():
    # conditions._plain_addr (one block read straight into its pattern) against the
    # general reading of _plain_value (addr_field's ranges, _match_fields' patterns),
    # where it reads the value at all; and it reads most values
    from netaudit.parsers.mikrotik_routeros.parser import RouterOSParser

    p = RouterOSParser(V7 + HEAD, "r.rsc")
    p.run()
    rnd = random.Random(23)
    read = 0
    for _ in range(30_000):
        value = random_address(rnd)
        for i in (conditions._SRC, conditions._DST):
            fast = conditions._plain_addr(i, value)
            why: list[str] = []
            rs = conditions.addr_field(p.st, value, "src-address", why)
            if fast is None:
                continue
            read += 1
            assert not why and rs is not None, value
            assert fast == conditions._entry(i, conditions._match_fields(i, rs), None), value
    assert read > 20_000


def test_plain_values_are_read_as_the_general_path_reads_them():
    # conditions._plain_value (one port or one block read straight) against the general
    # reading (_value_field's ranges, _match_fields' Match fields) for every property its
    # value alone decides, on random values: the same entry, or NOT_PLAIN where the
    # general reading gives a reason
    from netaudit.parsers.mikrotik_routeros.parser import RouterOSParser

    p = RouterOSParser(V7 + HEAD, "r.rsc")
    p.run()
    rnd = random.Random(29)
    ports = ("0", "22", "080", "65535", "65536", "1-2", "80,443", "!53", "", "x", "٣")
    for _ in range(20_000):
        key = rnd.choice(("src-address", "dst-address", "protocol", "src-port", "dst-port"))
        if key.endswith("port"):
            value = rnd.choice(ports) if rnd.random() < 0.3 else str(rnd.randint(0, 70_000))
        elif key == "protocol":
            value = rnd.choice(("tcp", "udp", "!icmp", "17", "256"))
        else:
            value = random_address(rnd)
        got = conditions._plain_value(p.st, key, value)
        if not value:
            assert got == conditions._NOTHING
            continue
        i = conditions._VALUE_FIELD[key]
        why: list[str] = []
        rs = conditions._value_field(p.st, key, value, why)
        if why:
            assert got is NOT_PLAIN, (key, value)
            continue
        assert got == conditions._entry(i, conditions._match_fields(i, rs), None), (key, value)


# Jumps whose guard is the interfaces alone (firewall.guarded_line applies it to a rule's
# Match), and others whose guard is not (the general walk), into chains that jump on.
GUARDED_JUMPS = [
    "add action=jump chain=forward jump-target=khach in-interface=vlan20-khach",
    "add action=jump chain=forward jump-target=khach in-interface-list=LAN",
    "add action=jump chain=forward jump-target=khach in-interface-list=!WAN",
    "add action=jump chain=forward jump-target=khach out-interface=ether1",
    "add action=jump chain=forward jump-target=khach in-interface=!vlan10-ketoan out-interface-list=WAN",
    "add action=jump chain=forward jump-target=khach in-interface=ether3",
    "add action=jump chain=forward jump-target=khach",
    "add action=jump chain=forward jump-target=khach protocol=tcp in-interface=vlan20-khach",
    "add action=jump chain=forward jump-target=khach connection-state=new",
    "add action=jump chain=forward jump-target=ketoan in-interface=vlan10-ketoan",
    "add action=jump chain=khach jump-target=ketoan out-interface-list=WAN",
    "add action=jump chain=ketoan jump-target=khach in-interface=vlan20-khach",
    "add action=jump chain=input jump-target=khach in-interface-list=LAN",
    "add action=return chain=khach protocol=udp",
    "add action=return chain=ketoan in-interface=vlan10-ketoan",
    "add action=return chain=forward out-interface=ether1",
]
# Rules on interfaces in the chains jumped into, disjoint from some guards (each twice:
# the first reads its values by rule_fields, the second is read straight).
GUARDED_RULES = [
    "add action=accept chain=khach in-interface=vlan10-ketoan protocol=tcp",
    "add action=drop chain=khach in-interface-list=WAN",
    "add action=reject chain=ketoan out-interface=!ether1 dst-port=443 protocol=tcp",
    "add action=accept chain=ketoan in-interface=vlan20-khach",
]


def guarded_export(seed: int) -> str:
    """A random export whose chains jump into others (:data:`GUARDED_JUMPS`)."""
    rnd = random.Random(2000 + seed)
    rules = random_rules(rnd, 70, ("forward", "input", "khach", "ketoan"))
    for extra in rnd.choices(GUARDED_JUMPS, k=rnd.randint(1, 8)) + GUARDED_RULES * 2:
        rules.insert(rnd.randrange(len(rules) + 1), extra)
    return V7 + HEAD + "/ip firewall filter\n" + "\n".join(rules) + "\n"


@pytest.mark.parametrize("seed", range(40))
def test_guarded_rules_parse_as_flattened_rules(monkeypatch, seed):
    # firewall.guarded_line (a rule of a jumped-into chain: its Match and the guard's
    # interfaces) against the general walk (intersect, emit_line) on random chains
    text = guarded_export(seed)
    res = parsed(text)
    with monkeypatch.context() as m:
        m.setattr(firewall, "guarded_line", lambda st, rule, guard: NOT_PLAIN)
        general = parsed(text)
    assert res == general


def test_the_random_guards_reach_every_kind_of_guarded_line(monkeypatch):
    # the comparison above is worth something only if guarded_line gives lines, no
    # packet (the guard's interfaces and the rule's disjoint, or the rule's none) and
    # NOT_PLAIN, with guards on in- and out-interfaces, and rules with interfaces
    got = {"line": 0, "none": 0, "disjoint": 0, "not plain": 0}
    guards = set()
    real = firewall.guarded_line

    def counting(st, rule, guard):
        line = real(st, rule, guard)
        got["not plain" if line is NOT_PLAIN else "none" if line is None else "line"] += 1
        got["disjoint"] += line is None and st.filter_matches[rule.index] is not None
        guards.add((guard.inif is not None, guard.outif is not None))
        return line

    monkeypatch.setattr(firewall, "guarded_line", counting)
    for seed in range(40):
        mikrotik_routeros.parse(guarded_export(seed), "r.rsc")
    assert got["line"] > 200 and got["disjoint"] > 20 and got["not plain"] > 100, got
    assert guards >= {(True, False), (False, True), (True, True), (False, False)}, guards


def random_port_list(rnd: random.Random) -> str:
    """A port value: ports and ranges, mostly in order and apart, sometimes not (out of
    order, overlapping, touching, backwards, past 65535, the whole range), with odd
    items (blanks, empty items, a dash without its end, other digits, a negation)."""
    items = []
    at = rnd.choice((0, 1, 1000, 65000))
    for _ in range(rnd.randint(1, 5)):
        lo = at + rnd.choice((0, 1, 2, 3, 50)) if rnd.random() < 0.85 else rnd.randint(0, 70_000)
        hi = lo + rnd.choice((0, 1, 10, 100)) if rnd.random() < 0.85 else rnd.randint(0, 70_000)
        items.append(str(lo) if lo == hi and rnd.random() < 0.7 else f"{lo}-{hi}")
        at = hi
    odd = rnd.random()
    if odd < 0.04:
        items.append("")
    elif odd < 0.08:
        items[0] = " " + items[0]
    elif odd < 0.11:
        items[-1] += "-"
    elif odd < 0.13:
        items = ["0-65535"]
    elif odd < 0.15:
        items[0] = items[0].replace("1", "\u0661")  # ARABIC-INDIC DIGIT ONE: isdecimal, int() reads it
    value = ",".join(items)
    return "!" + value if rnd.random() < 0.05 else value


def test_plain_port_lists_are_read_as_the_general_path_reads_them():
    # conditions._plain_ports (a port list in order read straight into its PortRanges)
    # against the general reading (ports_field's ranges, _match_fields' Match fields)
    from netaudit.parsers.mikrotik_routeros.parser import RouterOSParser

    p = RouterOSParser(V7 + HEAD, "r.rsc")
    p.run()
    rnd = random.Random(31)
    straight = lists = 0
    for _ in range(30_000):
        key = rnd.choice(("src-port", "dst-port"))
        value = random_port_list(rnd)
        got = conditions._plain_value(p.st, key, value)
        i = conditions._VALUE_FIELD[key]
        fast = conditions._plain_ports(i, value)
        straight += fast is not None
        lists += fast is not None and "," in value
        why: list[str] = []
        rs = conditions._value_field(p.st, key, value, why)
        if why:
            assert got is NOT_PLAIN and fast is None, (key, value)
            continue
        assert got == conditions._entry(i, conditions._match_fields(i, rs), None), (key, value)
    assert straight > 8_000 and lists > 4_000, (straight, lists)
