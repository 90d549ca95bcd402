"""The iptables-save front end (netaudit/parsers/linux/iptables.py, iptables_matches.py).

Fixtures under tests/fixtures/linux/iptables/ are real ``iptables-save`` output captured
in network namespaces (iptables v1.8.9, nft and legacy back ends; generate.sh says how).
"""

from __future__ import annotations

import random

import pytest
from helpers import FIXTURES, ip

from netaudit.model import ParseReport
from netaudit.parsers.linux.iptables import ParseAccounting, parse_iptables_save
from netaudit.parsers.packet_sets import ADDR_MAX, ANY, Cond, r_not

DIR = FIXTURES / "linux" / "iptables"
IFACES = frozenset({"lo", "eth0", "eth1", "eth2", "wlan0", "wlan1"})
TCP, UDP, ICMP = ((6, 6),), ((17, 17),), ((1, 1),)


def lines_of(text: str) -> list[tuple[int, str]]:
    return list(enumerate(text.splitlines(), start=1))


def section(name: str, command: str = "iptables-save") -> list[tuple[int, str]]:
    """The (number, text) lines of one ``### command`` section of a fixture file."""
    out, inside = [], False
    for n, t in lines_of((DIR / name).read_text()):
        if t.startswith("### "):
            inside = t[4:].strip() == command
        elif inside:
            out.append((n, t))
    return out


def parse(text: str, **kw):
    return parse_iptables_save(lines_of(text), "r.txt", kw.pop("ifaces", IFACES), **kw)


def rules_by_line(rs) -> dict:
    return {r.src.line: r for c in rs.chains for r in c.rules}


def one(text: str, table: str = "filter", **kw):
    """The single rule of a one-rule filter table (chain FORWARD)."""
    head = {"filter": ":INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n:X - [0:0]\n"}
    rs, _acc = parse(f"*{table}\n{head.get(table, '')}{text}\nCOMMIT\n", **kw)
    rules = [r for c in rs.chains for r in c.rules]
    assert len(rules) == 1, rules
    return rules[0]


def rng(a: str, b: str) -> tuple[int, int]:
    return (ip(a), ip(b))


@pytest.fixture(scope="module")
def nft():
    return parse_iptables_save(lines_of((DIR / "nft_full.txt").read_text()), "nft_full.txt", IFACES)


@pytest.fixture(scope="module")
def legacy():
    return parse_iptables_save(lines_of((DIR / "legacy_full.txt").read_text()), "legacy_full.txt", IFACES)


def find(rs, chain: str, needle: str, table: str = "filter"):
    """The rule of ``table``/``chain`` whose line contains ``needle`` (exactly one)."""
    got = [r for c in rs.chains if (c.table, c.name) == (table, chain) for r in c.rules if needle in r.src.text]
    assert len(got) == 1, (needle, [r.src.text for r in got])
    return got[0]


# --------------------------------------------------------------------------- tables and chains


def test_tables_chains_hooks_priorities(nft):
    rs, acc = nft
    got = {(c.table, c.name): (c.hook, c.kind, c.priority, c.policy) for c in rs.chains}
    assert got[("raw", "PREROUTING")] == ("prerouting", "filter", -300, "accept")
    assert got[("mangle", "OUTPUT")] == ("output", "route", -150, "accept")
    assert got[("mangle", "FORWARD")] == ("forward", "filter", -150, "accept")
    assert got[("nat", "PREROUTING")] == ("prerouting", "nat", -100, "accept")
    assert got[("nat", "OUTPUT")] == ("output", "nat", -100, "accept")
    assert got[("nat", "INPUT")] == ("input", "nat", 100, "accept")
    assert got[("nat", "POSTROUTING")] == ("postrouting", "nat", 100, "accept")
    assert got[("filter", "INPUT")] == ("input", "filter", 0, "drop")
    assert got[("filter", "FORWARD")] == ("forward", "filter", 0, "drop")
    assert got[("security", "INPUT")] == ("input", "filter", 50, "accept")
    assert got[("filter", "GUEST_FWD")] == (None, "filter", 0, "accept")
    assert all(c.family == "ip" for c in rs.chains)
    assert rs.origin == "iptables-save"
    assert rs.problems == []
    assert acc.unrecognized == [] and not acc.truncated and acc.legacy_tables is None
    # every line is recognized or ignored (comments)
    total = len((DIR / "nft_full.txt").read_text().splitlines())
    assert acc.recognized + len(acc.ignored) == total
    assert all(s.text.startswith("#") for s in acc.ignored)


def test_legacy_and_nft_read_alike(nft, legacy):
    def key(rs):
        return {
            (
                c.table,
                c.name,
                r.src.text.replace("-m udp --dport 53 -m udp --sport 53", "-m udp --sport 53 --dport 53"),
            ): (
                r.verdict,
                tuple(r.conds),
                r.nat,
                r.mark,
            )
            for c in rs[0].chains
            for r in c.rules
        }

    a, b = key(nft), key(legacy)
    only_nft = set(a) - set(b)
    assert only_nft == {("mangle", "PREROUTING", "-A PREROUTING -j TRACE")}  # the legacy kernel refused it
    assert all(a[k] == b[k] for k in b)


# --------------------------------------------------------------------------- addresses, protocols, ports


def test_negated_source_is_the_complement(nft):
    r = find(nft[0], "FORWARD", "! -s 10.0.0.0/8")
    assert r.verdict == "drop"
    assert r.conds == (
        Cond(src=r_not((rng("10.0.0.0", "10.255.255.255"),), ADDR_MAX), dst=(rng("10.0.20.0", "10.0.20.255"),)),
    )


def test_comma_lists_are_saved_as_one_rule_each(nft):
    r = find(nft[0], "FORWARD", "-s 10.0.11.0/24 -d 192.168.1.1/32")
    assert r.conds == (
        Cond(
            src=(rng("10.0.11.0", "10.0.11.255"),),
            dst=((ip("192.168.1.1"), ip("192.168.1.1")),),
            proto=TCP,
            sport=((1024, 65535),),
            dport=((80, 443),),
        ),
    )
    # and a list read by hand is a union of ranges
    assert one("-A FORWARD -s 10.0.0.1,10.0.0.2/31 -j ACCEPT").conds == (Cond(src=(rng("10.0.0.1", "10.0.0.3"),)),)


def test_masks_contiguous_and_not(nft):
    assert one("-A FORWARD -d 10.0.0.0/255.255.255.0 -j DROP").conds == (Cond(dst=(rng("10.0.0.0", "10.0.0.255"),)),)
    assert one("-A FORWARD -d 10.1.2.3/16 -j DROP").conds == (Cond(dst=(rng("10.1.0.0", "10.1.255.255"),)),)
    r = find(nft[0], "EXTRA", "-s 10.0.0.0/255.0.255.0")
    (c,) = r.conds
    assert c.src is not None and len(c.src) == 256 and c.src[0] == rng("10.0.0.0", "10.0.0.255")
    assert c.src[1] == rng("10.1.0.0", "10.1.0.255") and not r.reasons
    # too many blocks: the leading part of the mask is kept (wider) with a reason
    r = one("-A FORWARD -s 10.0.0.1/255.0.0.255 -j ACCEPT")
    assert r.conds == (Cond(src=(rng("10.0.0.0", "10.255.255.255"),)),) and "non-contiguous" in r.reasons[0]
    # iptables completes a short network address
    assert one("-A FORWARD -s 10/8 -j ACCEPT").conds == (Cond(src=(rng("10.0.0.0", "10.255.255.255"),)),)


def test_protocols(nft):
    rs = nft[0]
    assert find(rs, "FORWARD", "! -p udp").conds == (Cond(proto=((0, 16), (18, 255))),)
    gre = [r for r in rs.chain("ip", "filter", "FORWARD").rules if r.src.text == "-A FORWARD -p gre -j ACCEPT"]
    assert [r.conds for r in gre] == [(Cond(proto=((47, 47),)),)] * 2  # -p 47 is saved as gre
    assert one("-A FORWARD -p all -j ACCEPT").conds == (ANY,)
    assert one("-A FORWARD -p 132 -j ACCEPT").conds == (Cond(proto=((132, 132),)),)
    assert one("-A FORWARD ! -p all -j ACCEPT").conds == ()
    r = one("-A FORWARD -p foo -j ACCEPT")
    assert r.conds == (ANY,) and "protocol" in r.reasons[0]


def test_ports_ranges_and_negation(nft):
    rs = nft[0]
    assert find(rs, "FORWARD", "--dport 0:1023").conds == (Cond(proto=TCP, dport=((0, 1023),)),)
    assert find(rs, "FORWARD", "--sport 1024:65535 -j ACCEPT").conds == (Cond(proto=UDP, sport=((1024, 65535),)),)
    assert find(rs, "FORWARD", "! --dport 25").conds == (Cond(proto=TCP, dport=((0, 24), (26, 65535))),)
    assert find(rs, "EXTRA", "! --sport 1:2 ! --dport 3:4").conds == (
        Cond(proto=TCP, sport=((0, 0), (3, 65535)), dport=((0, 2), (5, 65535))),
    )
    # hand-written spellings: ":b", "a:", names, the implicit -m of -p, the old "! after"
    assert one("-A FORWARD -p tcp --dport :1023 -j ACCEPT").conds == (Cond(proto=TCP, dport=((0, 1023),)),)
    assert one("-A FORWARD -p udp --sport 1024: -j ACCEPT").conds == (Cond(proto=UDP, sport=((1024, 65535),)),)
    assert one("-A FORWARD -p tcp --dport ssh -j ACCEPT").conds == (Cond(proto=TCP, dport=((22, 22),)),)
    assert one("-A FORWARD -p tcp --dport ! 25 -j ACCEPT").conds == (Cond(proto=TCP, dport=((0, 24), (26, 65535))),)


def test_multiport(nft):
    rs = nft[0]
    assert find(rs, "INPUT", "--dports 53,67:68").conds == (Cond(proto=UDP, dport=((53, 53), (67, 68))),)
    # --ports: either direction, a union
    assert find(rs, "FORWARD", "--ports 500,4500").conds == (
        Cond(proto=UDP, sport=((500, 500), (4500, 4500))),
        Cond(proto=UDP, dport=((500, 500), (4500, 4500))),
    )
    # ! --ports: neither
    assert find(rs, "EXTRA", "! --ports 1,2").conds == (
        Cond(proto=UDP, sport=((0, 0), (3, 65535)), dport=((0, 0), (3, 65535))),
    )
    assert find(rs, "FORWARD", "! --dports 80,443").conds == (
        Cond(proto=TCP, dport=((0, 79), (81, 442), (444, 65535))),
    )


def test_iprange(nft):
    r = find(nft[0], "FORWARD", "--src-range 10.0.30.10-10.0.30.20")
    assert r.conds == (
        Cond(
            src=(rng("10.0.30.10", "10.0.30.20"),),
            dst=r_not((rng("10.0.40.1", "10.0.40.9"),), ADDR_MAX),
        ),
    )


def test_interfaces_wildcards_and_negation(nft):
    rs = nft[0]
    assert find(rs, "FORWARD", "-i wlan+").conds == (Cond(inif=frozenset({"wlan0", "wlan1"})),)
    assert find(rs, "FORWARD", "-i eth1 ! -o eth0").conds == (
        Cond(inif=frozenset({"eth1"}), outif=frozenset({"lo", "eth1", "eth2", "wlan0", "wlan1"})),
    )
    assert find(rs, "EXTRA", "! -i wlan+ ! -o eth0").conds == (
        Cond(inif=frozenset({"lo", "eth0", "eth1", "eth2"}), outif=frozenset({"lo", "eth1", "eth2", "wlan0", "wlan1"})),
    )
    # not on the device: matches its own name only
    assert find(rs, "EXTRA", "-i eth0.10").conds == (Cond(inif=frozenset({"eth0.10"})),)
    assert one("-A FORWARD -o ppp+ -j ACCEPT").conds == (Cond(outif=frozenset({"ppp+"})),)
    assert one("-A FORWARD ! -i + -j ACCEPT").conds == ()


# --------------------------------------------------------------------------- icmp, tcp flags, fragments


def test_icmp_types(nft):
    rs = nft[0]
    assert find(rs, "INPUT", "--icmp-type 8 ").conds == (Cond(proto=ICMP, itype=((8, 8),)),)
    assert find(rs, "INPUT", "--icmp-type 3/4").conds == (Cond(proto=ICMP, itype=((3, 3),), icode=((4, 4),)),)
    assert find(rs, "EXTRA", "! --icmp-type 8").conds == (Cond(proto=ICMP, itype=((0, 7), (9, 255))),)
    assert find(rs, "EXTRA", "--icmp-type any").conds == (Cond(proto=ICMP),)
    assert one("-A FORWARD -p icmp --icmp-type echo-request -j ACCEPT").conds == (Cond(proto=ICMP, itype=((8, 8),)),)
    assert one("-A FORWARD -p icmp --icmp-type port-unreachable -j ACCEPT").conds == (
        Cond(proto=ICMP, itype=((3, 3),), icode=((3, 3),)),
    )
    assert one("-A FORWARD -p icmp ! --icmp-type 3/3 -j ACCEPT").conds == (
        Cond(proto=ICMP, itype=((0, 2), (4, 255))),
        Cond(proto=ICMP, itype=((3, 3),), icode=((0, 2), (4, 255))),
    )


def test_syn_and_tcp_flags_on_the_opening_syn(nft):
    rs = nft[0]
    # --syn: every connection-opening TCP packet (and, wider, established ones)
    assert find(rs, "EXTRA", "-p tcp -m tcp --tcp-flags FIN,SYN,RST,ACK SYN -j ACCEPT").conds == (Cond(proto=TCP),)
    # ! --syn: no opening packet
    assert find(rs, "EXTRA", "! --tcp-flags FIN,SYN,RST,ACK SYN -j ACCEPT").conds == (Cond(proto=TCP, est=True),)
    # ALL NONE (null scan) matches no SYN
    assert find(rs, "EXTRA", "--tcp-flags FIN,SYN,RST,PSH,ACK,URG NONE").conds == (Cond(proto=TCP, est=True),)
    # the classic "! --syn with state NEW → drop" never matches a new connection's SYN: exact, no reason
    r = find(rs, "INPUT", "--ctstate NEW -j DROP")
    assert r.conds == () and r.reasons == ()
    assert one("-A FORWARD -p tcp --syn -j ACCEPT").conds == (Cond(proto=TCP),)
    assert find(rs, "FORWARD", "-f -j DROP").conds == ()
    assert one("-A FORWARD ! -f -j DROP").conds == (ANY,)


# --------------------------------------------------------------------------- conntrack


def test_ctstate_without_notrack():
    new = (
        Cond(proto=((0, 0), (2, 255)), est=False),
        Cond(proto=ICMP, itype=((8, 8), (13, 13), (15, 15), (17, 17)), est=False),
    )
    invalid = Cond(proto=ICMP, itype=((0, 7), (9, 12), (14, 14), (16, 16), (18, 255)), est=False)
    assert one("-A FORWARD -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT").conds == (Cond(est=True),)
    assert one("-A FORWARD -m conntrack --ctstate NEW -j ACCEPT").conds == new
    assert one("-A FORWARD -m state --state INVALID -j DROP").conds == (invalid,)
    assert one("-A FORWARD -m conntrack --ctstate INVALID,NEW -j ACCEPT").conds == (Cond(est=False),)
    assert one("-A FORWARD -m conntrack ! --ctstate NEW -j ACCEPT").conds == (Cond(est=True), invalid)
    assert one("-A FORWARD -m state ! --state ESTABLISHED -j ACCEPT").conds == (Cond(est=True), Cond(est=False))
    assert one("-A FORWARD -m conntrack --ctstate UNTRACKED -j ACCEPT").conds == ()
    # SNAT is decided after every hook a new connection is filtered in
    assert one("-A FORWARD -m conntrack --ctstate SNAT -j ACCEPT").conds == (Cond(est=True),)
    # the first packet has seen no reply
    assert one("-A FORWARD -m conntrack --ctstate NEW --ctstatus ASSURED -j ACCEPT").conds == ()
    assert one("-A FORWARD -m conntrack --ctdir REPLY -j ACCEPT").conds == (Cond(est=True),)
    r = one("-A FORWARD -m conntrack --ctorigdst 10.0.0.1 -j ACCEPT")
    assert r.conds == (ANY,) and "ctorigdst" in r.reasons[0]


def test_ctstate_dnat_is_the_rule_flag():
    r = one("-A FORWARD -d 10.0.10.5/32 -m conntrack --ctstate DNAT -j ACCEPT")
    assert r.ct_dnat is True and r.reasons == () and r.conds == (Cond(dst=((ip("10.0.10.5"), ip("10.0.10.5")),)),)
    assert one("-A FORWARD -m conntrack ! --ctstate DNAT -j DROP").ct_dnat is False
    r = one("-A FORWARD -m conntrack --ctstate DNAT,ESTABLISHED -j ACCEPT")
    assert r.ct_dnat is None and r.conds == (ANY,) and r.reasons


def test_notrack_rules_blur_the_new_states(nft):
    rs = nft[0]  # the raw table has CT --notrack / NOTRACK rules
    assert find(rs, "INPUT", "RELATED,ESTABLISHED").reasons == ()  # untracked packets are never established
    r = find(rs, "INPUT", "--state INVALID")
    assert r.verdict == "drop" and "NOTRACK" in r.reasons[0]
    r = find(rs, "FORWARD", "--state UNTRACKED")
    assert r.conds == (Cond(est=False),) and "NOTRACK" in r.reasons[0]  # wider: every new packet


# --------------------------------------------------------------------------- partial matches


@pytest.mark.parametrize(
    "needle,word",
    [
        ("-m limit --limit 5/min", None),  # a LOG rule: decides nothing, no reason
        ("-m recent", "recent"),
        ("-m hashlimit", "hashlimit"),
        ('-m string --string "GET /admin"', "string"),
        ("-m time", "time"),
        ("-m mark --mark 0x1/0xff", "mark"),
        ("-m physdev", "physdev"),
    ],
)
def test_unmodelled_matches_keep_the_wider_condition(nft, needle, word):
    r = find(nft[0], "FORWARD", needle)
    assert r.conds == (ANY,)
    if word is None:
        assert r.verdict == "continue" and r.reasons == ()
    else:
        assert len(r.reasons) == 1 and word in r.reasons[0]


def test_addrtype():
    local = ((ip("10.0.10.1"), ip("10.0.10.1")), (ip("127.0.0.0"), ip("127.255.255.255")))
    r = one("-A FORWARD -p tcp -m addrtype --dst-type LOCAL -j ACCEPT", local=local)
    assert r.conds == (Cond(proto=TCP, dst=local),) and r.reasons == ()
    r = one("-A FORWARD -m addrtype ! --dst-type LOCAL -j ACCEPT", local=local)
    assert r.conds == (Cond(dst=r_not(local, ADDR_MAX)),)
    r = one("-A FORWARD -m addrtype --dst-type MULTICAST -j DROP")
    assert r.conds == (Cond(dst=(rng("224.0.0.0", "239.255.255.255"),)),)
    r = one("-A FORWARD -m addrtype --dst-type LOCAL -j ACCEPT")  # addresses not given
    assert r.conds == (ANY,) and "LOCAL" in r.reasons[0]
    r = one("-A FORWARD -m addrtype --dst-type LOCAL --limit-iface-in -j ACCEPT", local=local)
    assert r.conds == (ANY,) and "limit-iface" in r.reasons[0]


def test_ipsets_with_and_without_members():
    text = section("sets.txt")
    members = {
        "blocked": [(ip("10.0.50.1"), ip("10.0.50.2"))],
        "nets": [rng("10.0.60.0", "10.0.60.255"), rng("10.0.61.0", "10.0.61.127")],
        "emptyset": [],
        "learned": [],
        "ports": [(ip("10.0.70.1"), ip("10.0.70.1"))],
    }
    rs, _acc = parse_iptables_save(text, "sets.txt", IFACES, sets=members)
    by = {r.src.text: r for r in rs.chain("ip", "filter", "FORWARD").rules}
    assert by["-A FORWARD -m set --match-set blocked src -j DROP"].conds == (
        Cond(src=(rng("10.0.50.1", "10.0.50.2"),)),
    )
    r = by["-A FORWARD -m set ! --match-set nets dst -j ACCEPT"]
    assert r.conds == (Cond(dst=r_not((rng("10.0.60.0", "10.0.60.255"), rng("10.0.61.0", "10.0.61.127")), ADDR_MAX)),)
    assert by["-A FORWARD -m set --match-set emptyset src -j ACCEPT"].conds == ()
    assert "multi-dimension" in by["-A FORWARD -m set --match-set ports dst,dst -j ACCEPT"].reasons[0]
    assert "return-nomatch" in by["-A FORWARD -m set --match-set nets src --return-nomatch -j ACCEPT"].reasons[0]
    r = by["-A FORWARD -m set --match-set learned src -j ACCEPT"]  # filled by -j SET
    assert r.conds == (ANY,) and "run time" in r.reasons[0]
    assert by["-A FORWARD -p tcp -m tcp --dport 22 -j SET --add-set learned src"].verdict == "continue"
    rs, _ = parse_iptables_save(text, "sets.txt", IFACES)  # no ### ipset save section
    r = rs.chain("ip", "filter", "FORWARD").rules[0]
    assert r.conds == (ANY,) and r.reasons == ("ipset blocked: members not in the dump",)


# --------------------------------------------------------------------------- targets


def test_filter_targets(nft):
    rs = nft[0]
    assert find(rs, "FORWARD", "-j GUEST_FWD").verdict == "jump"
    assert find(rs, "FORWARD", "-j GUEST_FWD").target == "GUEST_FWD"
    g = find(rs, "FORWARD", "-g LOGDROP")
    assert (g.verdict, g.target) == ("goto", "LOGDROP")
    assert find(rs, "GUEST_FWD", "-j RETURN").verdict == "return"
    assert find(rs, "GUEST_FWD", "--reject-with icmp-port-unreachable").verdict == "reject"
    assert find(rs, "LOGDROP", "NFLOG").verdict == "continue"
    assert find(rs, "FORWARD", '--comment "counter only"').verdict == "continue"  # no -j
    r = find(rs, "EXTRA", 'thing\\\\with backslash"')
    assert r.verdict == "accept" and r.conds == (Cond(src=(rng("10.0.0.0", "10.255.255.255"),)),)


def test_nat_targets(nft):
    rs = nft[0]
    n = {r.src.text.split(" -j ")[1]: r for c in rs.chains if c.table == "nat" for r in c.rules}
    r = n["DNAT --to-destination 10.0.10.5:80"]
    assert (r.verdict, r.nat.to_ip, r.nat.to_port, r.nat.to_ip_hi) == ("dnat", ip("10.0.10.5"), 80, None)
    assert r.conds == (Cond(proto=TCP, dport=((8080, 8080),), inif=frozenset({"eth0"})),)
    r = n["DNAT --to-destination 10.0.10.7-10.0.10.8:6000-6010"]
    assert (r.nat.to_ip, r.nat.to_ip_hi, r.nat.to_port, r.nat.to_port_hi) == (
        ip("10.0.10.7"),
        ip("10.0.10.8"),
        6000,
        6010,
    )
    r = n["DNAT --to-destination :8081"]
    assert (r.nat.to_ip, r.nat.to_port) == (None, 8081)
    assert n["REDIRECT --to-ports 5353"].nat.to_port == 5353
    assert n["REDIRECT"].verdict == "redirect" and n["REDIRECT"].nat.to_port is None
    assert n["MASQUERADE"].verdict == "masquerade"
    assert n["MASQUERADE --to-ports 1024-65535"].nat.to_port_hi == 65535
    r = n["SNAT --to-source 203.0.113.6-203.0.113.7:2000-3000"]
    assert (r.verdict, r.nat.to_ip, r.nat.to_ip_hi) == ("snat", ip("203.0.113.6"), ip("203.0.113.7"))
    r = n["NETMAP --to 192.168.100.0/24"]
    assert r.verdict == "snat" and "NETMAP" in r.reasons[0]
    assert n["RETURN"].verdict == "return" and n["ACCEPT"].verdict == "accept"


def test_mark_targets(nft):
    m = {r.src.text: r for c in nft[0].chains if c.table == "mangle" for r in c.rules}
    r = m["-A PREROUTING -i eth1 -j MARK --set-xmark 0x2/0xffffffff"]
    assert (r.verdict, r.mark, r.mark_mask) == ("mark", 2, 0xFFFFFFFF)
    r = m["-A PREROUTING -i eth2 -j MARK --set-xmark 0x4/0xff"]
    assert (r.verdict, r.mark, r.mark_mask) == ("mark", None, 0xFF)  # depends on the old mark
    r = m["-A PREROUTING -j CONNMARK --restore-mark --nfmask 0xffffffff --ctmask 0xffffffff"]
    assert (r.verdict, r.mark) == ("mark", None)
    assert m["-A PREROUTING -j CONNMARK --save-mark --nfmask 0xffffffff --ctmask 0xffffffff"].verdict == "continue"
    assert one("-A PREROUTING -j MARK --set-mark 5", table="mangle").mark == 5


def test_unknown_targets_and_undefined_chains():
    assert one("-A FORWARD -j NFQUEUE --queue-num 1").verdict == "unknown"
    r = one("-A FORWARD -j FROBNICATE")
    assert r.verdict == "unknown" and "FROBNICATE" in r.reasons[0]
    r = one("-A FORWARD -j missing_chain")  # left to the flattening, which reports it
    assert (r.verdict, r.target) == ("jump", "missing_chain")
    assert one("-A FORWARD -j X").verdict == "jump"


# --------------------------------------------------------------------------- accounting, damage


def test_counters_prefix():
    rs, acc = parse_iptables_save(lines_of((DIR / "legacy_counters_nat.txt").read_text()), "c.txt", IFACES)
    rules = [r for c in rs.chains for r in c.rules]
    assert len(rules) == 16 and acc.unrecognized == []
    assert rules[0].verdict == "dnat" and rules[0].nat.to_port == 80


def test_legacy_warning_is_a_problem():
    rs, acc = parse_iptables_save(lines_of((DIR / "nft_legacy_warning.txt").read_text()), "w.txt", IFACES)
    assert acc.legacy_tables is not None and acc.legacy_tables.line == 1
    assert acc.legacy_tables in acc.ignored
    assert [p for p, _ in rs.problems] == ["iptables-legacy tables exist beside these and are not in this dump"]
    assert rs.chain("ip", "filter", "FORWARD").policy == "drop"


def test_truncated_section():
    text = (DIR / "nft_full.txt").read_text().splitlines()
    cut = text[: len(text) - 6]  # inside the last table (nat), before its COMMIT
    rs, acc = parse_iptables_save(lines_of("\n".join(cut)), "t.txt", IFACES)
    assert acc.truncated
    assert len(rs.problems) == 1 and "*nat has no COMMIT" in rs.problems[0][0]


def test_unrecognized_and_partial_accounting():
    text = (
        "garbage before any table\n"
        "*filter\n"
        ":INPUT ACCEPT [0:0]\n"
        '-A INPUT -m comment --comment "unclosed -j ACCEPT\n'
        "-X INPUT\n"
        "-A UNDECLARED -j ACCEPT\n"
        "-A INPUT -m limit --limit 1/s -j ACCEPT\n"
        "COMMIT\n"
        "*broute\n"
        "-A BROUTING -j ACCEPT\n"
        "COMMIT\n"
    )
    rs, acc = parse(text)
    assert [s.line for s in acc.unrecognized] == [1, 5, 9, 10]
    r = rs.chain("ip", "filter", "INPUT").rules[0]
    assert r.verdict == "unknown" and r.conds == (ANY,)  # an unreadable rule may do anything
    assert rs.chain("ip", "filter", "UNDECLARED").reasons == ["chain not declared"]
    assert {(c, s.line) for c, _, s in acc.partial} == {
        ("iptables -t filter -A INPUT", 4),
        ("iptables -t filter -A INPUT", 7),
        ("iptables -t filter chain UNDECLARED", 6),
    }
    assert any("broute" in p for p, _ in rs.problems)
    report = ParseReport("r.txt", "linux")
    acc.feed(report)
    assert report.unrecognized == acc.unrecognized and len(report.partially_understood) == 3
    assert isinstance(acc, ParseAccounting)


def test_restore_spellings():
    text = "*filter\n:INPUT ACCEPT [0:0]\n-N GUEST\n-P INPUT DROP\n-A INPUT -j ACCEPT\n-I INPUT -i lo -j DROP\n-I INPUT 2 -p udp -j GUEST\nCOMMIT\n"
    rs, acc = parse(text)
    inp = rs.chain("ip", "filter", "INPUT")
    assert inp.policy == "drop" and [r.verdict for r in inp.rules] == ["drop", "jump", "accept"]
    assert rs.chain("ip", "filter", "GUEST").hook is None and acc.unrecognized == []


def test_declared_policy_withdraws_doubts_about_it():
    # INPUT used before its declaration, FORWARD with a policy word not understood: both
    # doubts hold until a policy is declared, and only those are withdrawn.
    text = (
        "*filter\n-A INPUT -j ACCEPT\n:FORWARD BOGUS [0:0]\n:OUTPUT BOGUS [0:0]\n"
        ":INPUT DROP [0:0]\n-P FORWARD DROP\nCOMMIT\n"
    )
    rs, _acc = parse(text)
    assert rs.chain("ip", "filter", "INPUT").reasons == [] and rs.chain("ip", "filter", "INPUT").policy == "drop"
    assert rs.chain("ip", "filter", "FORWARD").reasons == [] and rs.chain("ip", "filter", "FORWARD").policy == "drop"
    output = rs.chain("ip", "filter", "OUTPUT").reasons
    assert output == ["policy BOGUS not understood"] and output[0].render("vi") == "không hiểu được policy BOGUS"


def test_never_raises_on_damaged_input():
    rnd = random.Random(11)
    lines = (DIR / "nft_full.txt").read_text().splitlines()
    for _ in range(60):
        damaged = [t[: rnd.randrange(len(t) + 1)] if rnd.random() < 0.3 else t for t in lines]
        rnd.shuffle(damaged) if rnd.random() < 0.2 else None
        rs, _acc = parse_iptables_save(lines_of("\n".join(damaged)), "d.txt", IFACES)
        for c in rs.chains:
            for r in c.rules:
                assert r.verdict in {
                    "accept",
                    "drop",
                    "reject",
                    "jump",
                    "goto",
                    "return",
                    "continue",
                    "dnat",
                    "snat",
                    "masquerade",
                    "redirect",
                    "mark",
                    "unknown",
                }


# --------------------------------------------------------------------------- end to end

SITE = """unit: "test office"
level: 2
zones:
  staff: {kind: internal, subnets: [10.0.10.0/24], attach: ["office-gw:eth1"]}
  guest: {kind: guest, subnets: [10.0.40.0/24], attach: ["office-gw:wlan0"]}
  internet: {kind: external, attach: ["office-gw:eth0"]}
"""


def test_office_dump_with_only_iptables_audits(tmp_path):
    """office.txt: ip -j addr, ip -j route show table all and iptables-save of a
    namespace router (hostname line written by hand; the rest captured)."""
    from netaudit.audit import run_audit

    (tmp_path / "office-gw.txt").write_text((DIR / "office.txt").read_text())
    (tmp_path / "site.yaml").write_text(SITE)
    audit = run_audit([tmp_path], tmp_path / "site.yaml")
    got = {(c.src, c.dst): c for c in audit.matrix}
    verdicts = {k: c.verdict for k, c in got.items()}
    assert verdicts == {
        ("staff", "guest"): "blocked",
        ("staff", "internet"): "reachable",
        ("staff", "@devices"): "reachable",
        ("guest", "staff"): "blocked",
        ("guest", "internet"): "reachable",
        ("guest", "@devices"): "reachable",
        ("internet", "staff"): "reachable",  # the DNAT port forward only
        ("internet", "guest"): "blocked",
        ("internet", "@devices"): "reachable",  # -p icmp --icmp-type 8 -j ACCEPT from anywhere
    }, {k: (c.verdict, c.reason) for k, c in got.items()}
    assert got[("internet", "staff")].services == ["tcp/80"]
    assert got[("staff", "internet")].services == ["ip"]
    # without an ss section TCP/UDP services are only "possibly listening": ICMP echo is sure
    assert all(got[(z, "@devices")].services == ["icmp/8"] for z in ("staff", "guest", "internet"))


@pytest.mark.parametrize(
    "text, table, expect",
    [
        # iptables accepts any unambiguous prefix of a long option (getopt_long); a
        # hand-written rules file uses them where iptables-save writes them whole.
        ("-A PREROUTING -p tcp --dport 80 -j REDIRECT --to-port 8080", "nat", ("redirect", None, 8080)),
        ("-A PREROUTING -p tcp --dport 80 -j DNAT --to 10.0.10.5:80", "nat", ("dnat", "10.0.10.5", 80)),
        ("-A POSTROUTING -o eth0 -j SNAT --to 203.0.113.6", "nat", ("snat", "203.0.113.6", None)),
    ],
)
def test_abbreviated_target_options(text, table, expect):
    r = one(text, table)
    assert not r.reasons, r.reasons
    verdict, to_ip, to_port = expect
    assert (r.verdict, r.nat.to_ip, r.nat.to_port) == (verdict, to_ip and ip(to_ip), to_port)


def test_abbreviated_match_options():
    r = one("-A FORWARD -p tcp -m multiport --dport 80,443 -m iprange --dst-r 10.0.0.1-10.0.0.9 -j ACCEPT")
    assert not r.reasons, r.reasons
    assert r.conds == (Cond(proto=TCP, dport=((80, 80), (443, 443)), dst=(rng("10.0.0.1", "10.0.0.9"),)),)
    # a prefix of two options (`--ctstat`: --ctstate, --ctstatus) is ambiguous to iptables
    # too, so it stays not understood
    r = one("-A FORWARD -p tcp -m conntrack --ctstat NEW -j ACCEPT")
    assert r.reasons


# --------------------------------------------------------------------------- words and options (the fast paths)


def _reference_words(text: str) -> list[tuple[str, bool]] | None:
    """iptables-restore's splitting read character by character (the reader's first
    form): blanks separate, ``"…"`` quotes with ``\\`` escaping inside; None when a quote
    is left open."""
    out: list[tuple[str, bool]] = []
    buf: list[str] = []
    quoted = in_quote = escaped = has = False
    for ch in text:
        if in_quote:
            if escaped:
                buf.append(ch)
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_quote = False
            else:
                buf.append(ch)
        elif ch == '"':
            in_quote = quoted = has = True
        elif ch in " \t":
            if has:
                out.append(("".join(buf), quoted))
            buf, quoted, has = [], False, False
        else:
            buf.append(ch)
            has = True
    if in_quote:
        return None
    if has:
        out.append(("".join(buf), quoted))
    return out


def test_words_split_as_iptables_restore_reads_them():
    from netaudit.parsers.linux.iptables_matches import Quoted, tokenize

    assert tokenize('-A X -m comment --comment "may \\"in\\" tang 2" -j ACCEPT')[5] == 'may "in" tang 2'
    assert tokenize('-A X ab"c d"e\tf') == ["-A", "X", "abc de", "f"]
    assert type(tokenize('-A X "-j" DROP')[2]) is Quoted and type(tokenize("-A X -j DROP")[2]) is str
    assert tokenize('-A X -m comment --comment "phong ke toan') is None
    rnd = random.Random(15)
    alphabet = ['"', "\\", " ", "\t", "a", "-", "!", "\r", "\x0b", "é", '"x y"', '""', '\\"']
    alphabet += ["\x1f", "\u2003", "\x85", "\xa0"]  # other blanks: not printable, read by the pattern
    for _ in range(20000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 12)))
        got = tokenize(text)
        want = _reference_words(text)
        assert (None if got is None else [(w, type(w) is Quoted) for w in got]) == want, repr(text)


def test_an_open_quote_fails_at_once():
    """A quote left open before thousands of escapes: the word pattern has one way to read
    a quote's inside, so it fails in linear time (a pattern with two ways took seconds
    for 25 escapes: every way to split the inside was tried)."""
    import time

    from netaudit.parsers.linux.iptables_matches import tokenize

    text = '-A X -m comment --comment "' + "ab\\c" * 20000
    started = time.process_time()
    assert tokenize(text) is None
    assert time.process_time() - started < 1.0


def test_a_quoted_dash_word_is_an_argument_not_an_option():
    rule = one('-A FORWARD -s 10.1.1.0/24 -m comment --comment "-j DROP" -j ACCEPT')
    assert rule.verdict == "accept" and rule.reasons == ()
    assert rule.conds == (Cond(src=(rng("10.1.1.0", "10.1.1.255"),)),)


def test_comments_are_not_remembered_per_rule():
    """Every rule's comment differs: remembering its option would only fill the memo
    (one entry per rule of a commented dump)."""
    from netaudit.parsers.linux.iptables_matches import MatchContext, rule_conds, split_options, tokenize

    ctx = MatchContext(IFACES)
    for n in range(200):
        words = tokenize(f'-A X -s 10.1.1.0/24 -p tcp -m tcp --dport 22 -m comment --comment "may {n}" -j ACCEPT')
        assert words is not None
        opts = split_options(words[2:])
        assert opts is not None
        rule_conds(opts, ctx)
    assert len(ctx.memo) <= 3  # -s, -p, --dport


def _reference_conds(opts, ctx) -> tuple[list[Cond], list[str]]:
    """A rule's union as the intersection of its options' unions, one option after the
    other (what rule_conds computes setting fields in place)."""
    from netaudit.parsers.linux import iptables_matches as im
    from netaudit.parsers.packet_sets import intersect_all

    reasons: list[str] = []
    conds = [ANY]
    proto = ""  # the last -p names the protocol of -m-less port options
    for o in opts:
        if o.name == "-p" and o.args and not o.neg:
            proto = o.args[0].lower()
    groups: list[list] = [[]]
    for o in opts:
        if o.name == "-m":
            groups.append([])
        groups[-1].append(o)
    for group in groups:
        for o in group:
            if o.module == im.TARGET or o.name in ("-j", "-g"):
                continue
            conds = intersect_all(conds, im.option_union(o, ctx, reasons, group, proto))
            if not conds:
                return [], []
    return conds, list(dict.fromkeys(reasons))


@pytest.mark.parametrize("seed", range(4))
def test_rule_conditions_are_the_intersection_of_the_options(seed):
    from netaudit.parsers.linux.iptables_matches import MatchContext, rule_conds, split_options, tokenize

    pieces = [
        "-s 10.0.0.0/8", "! -s 10.1.0.0/16", "-d 10.1.2.3", "-d 10.1.2.0/255.255.0.255", "-p tcp", "-p udp",
        "! -p icmp", "-p all", "-i eth0", "! -i wlan+", "-o eth1", "-m tcp --dport 22", "-m tcp ! --dport 22:25",
        "--dport 80", "--sport 53", "-m multiport --dports 80,443", "-m multiport ! --ports 1:100",
        "-m conntrack --ctstate NEW", "-m state --state ESTABLISHED,RELATED", "-m icmp --icmp-type 8",
        "-m comment --comment x", "-m iprange --src-range 10.0.0.1-10.0.0.9", "-m limit --limit 5/s", "-f",
        "--syn", "-m addrtype --dst-type LOCAL", "-m set --match-set khach src", "-m mark --mark 1",
    ]  # fmt: skip
    rnd = random.Random(seed)
    for _ in range(1500):
        text = " ".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 6))) + " -j ACCEPT"
        words = tokenize(text)
        assert words is not None
        opts = split_options(words)
        assert opts is not None
        ctx = MatchContext(IFACES, sets={"khach": [(1, 5)]}, local=((ip("10.0.0.1"), ip("10.0.0.1")),))
        want = _reference_conds(opts, MatchContext(IFACES, sets={"khach": [(1, 5)]}, local=ctx.local))
        assert rule_conds(opts, ctx) == want, text
        assert rule_conds(opts, ctx) == want, text  # from the memo
