"""The common iptables rule read straight into its condition
(netaudit/parsers/linux/iptables_plain.py) reads every rule as the general path does
(split_options, rule_conds), and refuses what only the general path reads."""

from __future__ import annotations

import random

import pytest

import netaudit.parsers.linux.iptables as iptables
from netaudit.parsers.linux.iptables import TERMINAL, parse_iptables_save
from netaudit.parsers.linux.iptables_matches import MatchContext, tokenize
from netaudit.parsers.linux.iptables_plain import plain_conds

IFACES = frozenset({"lo", "eth0", "eth1", "wan0", "vlan10", "vlan20", "wlan0"})

# Pieces of the plain shape (read straight) …
ADDRS = ["10.0.0.1", "10.0.0.0/8", "10.20.3.0/24", "192.168.1.7/32", "0.0.0.0/0", "10.1.2.3/255.255.0.0", "10.1"]
PLAIN = [
    lambda r: f"-s {r.choice(ADDRS)}",
    lambda r: f"-d {r.choice(ADDRS)}",
    lambda r: f"! -s {r.choice(ADDRS)}",
    lambda r: f"! -d {r.choice(ADDRS)}",
    lambda r: f"-i {r.choice(['eth0', 'vlan+', 'wlan0', 'nosuch', 'eth+'])}",
    lambda r: f"! -o {r.choice(['wan0', 'vlan10', 'eth+'])}",
    lambda r: f"-o {r.choice(['wan0', 'vlan20'])}",
    lambda r: f"-p {r.choice(['tcp', 'udp', 'icmp', 'all', '6', 'gre', 'TCP'])}",
    lambda r: f"! -p {r.choice(['tcp', 'udp'])}",
    lambda r: f"-m {r.choice(['tcp', 'udp'])} --dport {r.choice(['22', '80:90', '1024:', ':1023', 'ssh', '70000'])}",
    lambda r: f"-m tcp ! --sport {r.choice(['22', '1000:2000'])}",
    lambda r: f"-m multiport --dports {r.choice(['25,465,587', '80,443', '1:10,20'])}",
    lambda r: f"-m multiport ! --sports {r.choice(['25,465', '53'])}",
    lambda r: f"-m icmp --icmp-type {r.choice(['8', 'echo-request', '3/4', 'any', 'bogus'])}",
    lambda r: "-m comment --comment " + r.choice(['"rule 1"', '"guest -> staff"', '"a \\" quote"', '"-j DROP"']),
    lambda r: f"-m comment --comment {r.choice(['plain', 'x'])}",
    lambda r: "-m tcp",
    lambda r: "-m tcp --dport 22 --sport 1024:65535",
    lambda r: f"--source {r.choice(ADDRS)}",
    lambda r: f"--dst {r.choice(ADDRS)}",
    lambda r: f"--protocol {r.choice(['tcp', 'udp'])}",
]
# … and pieces only the general path reads (or that make a rule anything but plain).
OTHER = [
    lambda r: "-m conntrack --ctstate RELATED,ESTABLISHED",
    lambda r: "-m state --state NEW",
    lambda r: "-m limit --limit 5/min",
    lambda r: "-p tcp --dport 22",  # no -m: read with the protocol
    lambda r: "-m tcp --dport ! 25",  # the old spelling of the negation
    lambda r: "-m multiport --ports 80,443",  # a union
    lambda r: "-m addrtype --dst-type LOCAL",
    lambda r: "-f",
    lambda r: "! -f",
    lambda r: "-c 0 0",
    lambda r: "-m set --match-set blocked src",
    lambda r: "-m iprange --src-range 10.0.0.1-10.0.0.9",
    lambda r: "-s 10.0.0.1 10.0.0.2",  # two values
    lambda r: "-s",  # no value
    lambda r: "! ! -s 10.0.0.1",
    lambda r: "-s host.example",
    lambda r: '-s "10.0.0.1"',
    lambda r: "-m tcp --syn",
    lambda r: "-m tcp --tcp-flags SYN,ACK SYN",
    lambda r: "-m comment --comment x --dport 22",
    lambda r: "-m mark --mark 0x1",
    lambda r: "-m devgroup --src-group 1",
    lambda r: "-p tcp -p udp",  # a field set twice: the exact intersection
    lambda r: "-p tcp -m tcp --dport 22 -p tcp",
    lambda r: "-s 10.0.0.0/8 -s 192.168.0.0/16",  # no packet
]
TARGETS = [
    "-j ACCEPT",
    "-j DROP",
    "-j REJECT --reject-with icmp-port-unreachable",
    "-j RETURN",
    "-j USERCHAIN",
    "-g USERCHAIN",
    "--jump DROP",
    "-j LOG --log-prefix x",  # a target's options: read straight only after a terminal target
    "-j LOG",
    "-j DNAT --to-destination 10.0.0.5:80",
    "-j MARK --set-xmark 0x1/0xffffffff",
    "-j NFQUEUE --queue-num 1",
    "-j SOMETARGET",
    "-j ACCEPT -s 10.0.0.1",  # a base option after the target is a match
    "-j ACCEPT -j DROP",
    "-j",
    "",
]


def _rule(rnd: random.Random) -> str:
    pieces = []
    for _ in range(rnd.randrange(0, 6)):
        pool = PLAIN if rnd.random() < 0.85 else OTHER
        pieces.append(rnd.choice(pool)(rnd))
    target = rnd.choice(TARGETS)
    if target:
        pieces.append(target)
    return " ".join(pieces)


def _dump(rnd: random.Random, rules: int) -> str:
    out = ["*filter", ":INPUT DROP [0:0]", ":FORWARD DROP [0:0]", ":OUTPUT ACCEPT [0:0]", ":USERCHAIN - [0:0]"]
    for _ in range(rules):
        chain = rnd.choice(["FORWARD", "FORWARD", "INPUT", "USERCHAIN"])
        out.append(f"-A {chain} {_rule(rnd)}".rstrip())
    out.append("COMMIT")
    return "\n".join(out) + "\n"


def _read(text: str):
    lines = list(enumerate(text.splitlines(), start=1))
    return repr(parse_iptables_save(lines, "gw.txt", IFACES, local=((0x0A000001, 0x0A000001),)))


@pytest.mark.parametrize("seed", range(40))
def test_the_plain_path_reads_every_rule_as_the_general_one(seed, monkeypatch):
    text = _dump(random.Random(seed), 80)
    straight = _read(text)
    monkeypatch.setattr(iptables, "plain_conds", lambda *a: None)
    assert _read(text) == straight


def test_generated_rules_take_both_paths():
    """The comparison above means something: the rules it generates are read straight
    and by the general path, and straight rules of every kind of target."""
    rnd = random.Random(7)
    ctx = MatchContext(IFACES)
    taken, refused, targets = 0, 0, set()
    for _ in range(3000):
        got = plain_conds(tokenize(_rule(rnd)) or [], ctx, TERMINAL)
        if got is None:
            refused += 1
        else:
            taken += 1
            targets.add(got[1])
    assert taken > 1000 and refused > 500
    assert {"ACCEPT", "DROP", "REJECT", "RETURN", "USERCHAIN", "LOG", "SOMETARGET", ""} <= targets


@pytest.mark.parametrize(
    "words",
    [
        "-p tcp --dport 22 -j ACCEPT",
        "-m tcp --dport ! 25 -j ACCEPT",
        "-s 10.0.0.1 10.0.0.2 -j ACCEPT",
        "-m conntrack --ctstate NEW -j ACCEPT",
        "-m multiport --ports 80,443 -j ACCEPT",
        "-j DNAT --to-destination 10.0.0.5",
        "-j LOG --log-prefix x",
        "-j ACCEPT -s 10.0.0.1",
        "-s host.example -j ACCEPT",
        '-s "10.0.0.1" -j ACCEPT',
        "-m comment --comment x --dport 22 -j ACCEPT",
        "-s 10.0.0.0/8 -s 192.168.0.0/16 -j ACCEPT",
        "! -j ACCEPT",
        "-s 10.0.0.1 !",
    ],
)
def test_what_only_the_general_path_reads_is_refused(words):
    assert plain_conds(tokenize(words) or [], MatchContext(IFACES), TERMINAL) is None


def test_the_common_shape_is_read_straight():
    ctx = MatchContext(IFACES)
    got = plain_conds(
        tokenize('-s 10.0.0.1/32 -d 10.20.3.0/24 -p udp -m udp --dport 53 -m comment --comment "dns" -j ACCEPT'),
        ctx,
        TERMINAL,
    )
    assert got is not None
    (cond,), target, how = got
    assert (target, how) == ("ACCEPT", "-j")
    assert cond.src == ((0x0A000001, 0x0A000001),) and cond.dst == ((0x0A140300, 0x0A1403FF),)
    assert cond.proto == ((17, 17),) and cond.dport == ((53, 53),)


def _value(rnd: random.Random) -> str:
    """A port, an address or something near one (what _quick must read as option_union
    does, or leave to it)."""
    pick = rnd.randrange(9)
    if pick == 0:
        return str(rnd.choice([0, 1, 22, 1023, 65535, 65536, 99999, rnd.randrange(70000)]))
    if pick == 1:
        return rnd.choice(
            ["022", "00", "0x16", "-1", "+5", " 22", "22 ", "\u00b2", "\u0663", "1_000", "", "ssh", "80:90", "1,2"]
        )
    octets = [str(rnd.randrange(256)) for _ in range(4)]
    if pick == 2:
        return ".".join(octets)
    if pick == 3:
        return ".".join(octets) + "/" + str(rnd.choice([0, 1, 8, 16, 24, 31, 32, 33, 99]))
    if pick == 4:
        return ".".join(octets) + "/" + rnd.choice(["255.255.0.0", "255.0.255.0", "08", "\u00b2", "", "-1", "x"])
    if pick == 5:
        return ".".join(octets[: rnd.randrange(1, 4)])  # short forms iptables completes
    if pick == 6:
        return rnd.choice(
            ["256.1.1.1", "1.2.3", "01.2.3.4", "1..2.3", "a.b.c.d", "1.2.3.4.5", "\u0661.2.3.4", "1.2.3.4,5.6.7.8"]
        )
    if pick == 7:
        return ".".join(octets) + "/" + str(rnd.randrange(33)) + rnd.choice(["", ",10.0.0.1", " "])
    return rnd.choice(["0.0.0.0/0", "0.0.0.0/1", "255.255.255.255", "0", "0/0", "10/8"])


def test_the_quick_first_readings_are_option_unions(monkeypatch):
    """_classify with the quick reader of plain ports and addresses gives what it gives
    through option_union, for random values and options (the reader is not the test)."""
    import netaudit.parsers.linux.iptables_plain as ip

    rnd = random.Random(21)
    cases = []
    for _ in range(30000):
        module = rnd.choice(["", "", "tcp", "udp", "multiport", "icmp"])
        name = rnd.choice(["-s", "-d", "--source", "--dst", "--dport", "--sport", "--destination-port", "--dpo", "-i"])
        cases.append((module, rnd.random() < 0.1, name, _value(rnd)))
    quick_taken = 0
    for module, neg, name, arg in cases:
        if not arg or arg == "!":
            continue
        got = _outcome(ip._classify, module, neg, name, arg)
        with monkeypatch.context() as m:
            m.setattr(ip, "_quick", lambda *a: None)
            want = _outcome(ip._classify, module, neg, name, arg)
        assert got == want, (module, neg, name, arg)
        quick_taken += (
            type(got) is tuple and not neg and ip._quick(module, ip.BASE_OPTS.get(name, name), arg) is not None
        )
    assert quick_taken > 2000


def _outcome(classify, module: str, neg: bool, name: str, arg: str):
    """What _classify gives, or the exception it raises (a value such as ``1.2.3.²``
    fails int() in parse_ip: the line is then listed as not read, on either path)."""
    try:
        return classify(module, neg, name, arg, MatchContext(IFACES))
    except ValueError as e:
        return repr(e)
