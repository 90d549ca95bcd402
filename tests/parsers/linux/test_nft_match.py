"""The nft rule reader's two paths: the common shape read straight into its condition
(``_plain_reading``, remembered per rule text) and every statement read by ``_step`` into a ``_Rule`` narrowed field
by field — both against the reference reading, where every match narrows the rule's
union by ``intersect_all`` (issue #15, docs/performance.md)."""

from __future__ import annotations

import random

import pytest

from netaudit.model import Src
from netaudit.parsers.linux import nft_match
from netaudit.parsers.linux.nft_values import tokenize
from netaudit.parsers.linux.nftables import Ctx, NamedSet
from netaudit.parsers.linux.state import State
from netaudit.parsers.packet_sets import ANY, Cond, intersect_all

IFACES = frozenset({"", "eth0", "eth1", "wan0", "wlan0"})

# Pieces of the common shape (values understood or not, every operator) …
PLAIN = [
    "ip saddr 10.0.0.{a}",
    "ip saddr != 10.{a}.0.0/16",
    "ip daddr 10.0.{a}.0/24",
    "ip daddr {{ 10.0.0.{a}, 192.168.{a}.0/24 }}",
    "ip daddr 10.0.0.1-10.0.0.{a}",
    "ip daddr 10.0.0.300",
    "ip daddr 0.0.0.0/0",
    "ip saddr != 0.0.0.0/0",
    "tcp dport 0-65535",
    "udp dport != 0-65535",
    'oifname != {{ "", "eth0", "eth1", "wan0", "wlan0" }}',
    'iifname {{ "", "eth0", "eth1", "wan0", "wlan0" }}',
    "tcp dport {p}",
    "tcp dport != {p}",
    "tcp dport < {p}",
    "tcp dport {{ {p}, 443, 8000-8080 }}",
    "udp sport {p}-65535",
    "udp dport 53,{p}",
    "tcp dport http",
    "tcp dport foo",
    "th dport {p}",
    "icmp type echo-request",
    "icmp type {{ echo-request, echo-reply }}",
    "icmp code {a}",
    "ip protocol tcp",
    "ip protocol {{ tcp, udp }}",
    "ip protocol != icmp",
    'iifname "eth{b}"',
    'oifname != "wan0"',
    'oifname "wlan*"',
    'iifname {{ "eth0", "eth1" }}',
    'iifname "eth9"',
    "counter",
    "counter packets {p} bytes {a}",
    'comment "rule {a}"',
]
# … and pieces it leaves to the full reader.
OTHER = [
    "ct state established,related",
    "ct state new",
    "ct state != invalid",
    "ct state invalid",
    "ct state established",
    "meta l4proto tcp",
    "ip saddr @admins",
    "ip saddr @dynamic",
    "ip saddr @missing",
    'log prefix "in: "',
    "limit rate 5/second",
    "tcp flags syn",
    "meta mark set 0x{a}",
    "ip6 saddr ::1",
    'iifname vmap {{ "eth0" : accept, "eth1" : jump lan_in }}',
    "ip saddr . tcp dport {{ 10.0.0.1 . 22, 10.0.0.2 . 80 }}",
    "ip dscp set cs1",
    "tcp dport {{ 22, accept",
    "ip saddr $undefined",
    "tproxy to :3128",
    "dnat to 10.0.0.{a}:80",
    "fib daddr type local",
]
VERDICTS = ["accept", "drop", "reject", "return", "continue", "jump lan_in", "goto lan_in", "", "jump { accept }"]


class _ReferenceRule(nft_match._Rule):
    """The rule being read as before the fields: every match narrows the union of
    conditions by :func:`intersect_all`."""

    def __init__(self, src: Src):
        super().__init__(src)
        self.conds = [ANY]

    def narrow(self, cs: list[Cond]) -> None:
        self.conds = intersect_all(self.conds, cs) if self.conds else []

    def meet(self, pairs) -> None:
        self.narrow([Cond(**{Cond._fields[i]: v for i, v in pairs})])


@pytest.fixture
def ctx() -> Ctx:
    st = State("", "f")
    sets = {
        "admins": NamedSet("admins", "set", elements=["10.0.0.5", "10.0.1.0/24"], has_elements=True),
        "dynamic": NamedSet("dynamic", "set", unknown="is filled at run time"),
    }
    return Ctx(st, "inet", "filter", sets, IFACES, ((0x0A000001, 0x0A000001),))


def _rule_text(rnd: random.Random) -> str:
    pieces = []
    for _ in range(rnd.randrange(0, 5)):
        pool = PLAIN if rnd.random() < 0.85 else OTHER
        pieces.append(rnd.choice(pool).format(a=rnd.randrange(0, 256), p=rnd.randrange(0, 70000), b=rnd.randrange(3)))
    verdict = rnd.choice(VERDICTS)
    if verdict:
        pieces.insert(rnd.randrange(len(pieces) + 1) if rnd.random() < 0.2 else len(pieces), verdict)
    if rnd.random() < 0.3:
        pieces.append(f'comment "after {rnd.randrange(9)}"')
    return " ".join(pieces) or "accept"


def test_both_paths_read_every_generated_rule_as_the_reference(ctx, monkeypatch):
    rnd = random.Random(15)
    src = Src("f", 1, "rule")
    plain = 0
    for _ in range(20000):
        text = _rule_text(rnd)
        toks = tokenize(text)
        if not toks or toks[0] not in nft_match.KEYWORDS | nft_match.IFACE_FIELDS.keys():
            continue
        read = nft_match.read_rule(ctx, text, src)
        full = nft_match._read_tokens(ctx, toks, src, "")
        with monkeypatch.context() as m:
            m.setattr(nft_match, "_Rule", _ReferenceRule)
            reference = nft_match._read_tokens(ctx, toks, src, "")
        assert read == full == reference, text
        if nft_match._plain_reading(ctx, toks) is not None:
            plain += 1
    # Both sides of the comparison were exercised: the common shape and the rest.
    assert 5000 < plain < 19000


def test_a_statement_not_beginning_as_a_rule_has_no_plain_reading(ctx):
    """``new_plain_rule`` reads any words with ``_plain_reading`` (no ``_is_rule`` test
    first): every word a plain reading begins with is one a rule begins with, so a
    statement that is no rule stays no rule (read_rule: None) on both paths."""
    src = Src("f", 1, "rule")
    starts = nft_match._PLAIN_HEADS | {"accept", "drop", "continue", "return", "jump", "goto", "reject"}
    starts |= {"counter", "comment"}
    assert all(nft_match._is_rule([w]) for w in starts)
    rnd = random.Random(7)
    for _ in range(3000):
        text = _rule_text(rnd)
        head = rnd.choice(["", "foo", "table", "chain", "policy", "type", "elements", "{", '"x"', "ip6x", "1.2.3.4"])
        text = f"{head} {text}".strip()
        toks = tokenize(text)
        if nft_match._is_rule(toks):
            continue
        assert nft_match.plain_rule(ctx, text) is None, text
        assert nft_match.read_rule(ctx, text, src) is None, text


def test_the_common_shape_takes_the_plain_path_and_anything_else_the_full_one(ctx):
    src = Src("f", 1, "rule")
    common = 'iifname "eth0" ip daddr 10.0.0.0/24 tcp dport { 22, 443 } counter packets 1 bytes 2 accept comment "x"'
    assert nft_match._plain_reading(ctx, tokenize(common)) is not None
    (rule,) = nft_match.read_rule(ctx, common, src)
    assert rule.verdict == "accept" and rule.reasons == () and rule.src is src
    assert rule.conds == (
        Cond(dst=((0x0A000000, 0x0A0000FF),), proto=((6, 6),), dport=((22, 22), (443, 443)), inif=frozenset({"eth0"})),
    )
    for other in ("ct state new accept", "ip saddr @admins drop", "tcp dport foo accept", "limit rate 1/second"):
        assert nft_match._plain_reading(ctx, tokenize(other)) is None, other


def test_a_rule_text_read_again_is_the_same_rule_with_its_own_line(ctx):
    """A repeated rule text is read from the memo of plain readings (the same rules in
    every VLAN's chain): its rules equal a fresh reading of the full path, each rule with
    its own source and the text's conditions (a tuple: shared, never changed), and texts
    that are no plain rule (or no rule) are read as the first time."""
    rnd = random.Random(7)
    texts = [_rule_text(rnd) for _ in range(300)] + ["", "table ip x", "ct state new accept", 'iifname "eth0"']
    for rounds in range(3):
        for k, text in enumerate(texts):
            src = Src("f", 1000 * rounds + k, text)
            got = nft_match.read_rule(ctx, text, src)
            toks = tokenize(text)
            if not toks or toks[0] not in nft_match.KEYWORDS | nft_match.IFACE_FIELDS.keys():
                assert got is None, text
                continue
            assert got == nft_match._read_tokens(ctx, toks, src, ""), text
            assert all(r.src is src for r in got)
    first, again = (nft_match.read_rule(ctx, "ip daddr 10.0.0.1 accept", Src("f", n, "")) for n in (1, 2))
    assert first[0] is not again[0] and first[0].src is not again[0].src
    assert first[0].conds is again[0].conds and type(first[0].conds) is tuple
    assert first[0].reasons == ()


def _port_text(rnd: random.Random) -> str:
    """A port number, a port range or something near one, as a set element."""
    num = [0, 1, 22, 80, 443, 1023, 65535, 65536, rnd.randrange(70000), rnd.randrange(70000)]
    pick = rnd.randrange(5)
    if pick == 0:
        return str(rnd.choice(num))
    if pick in (1, 2):
        return f"{rnd.choice(num)}-{rnd.choice(num)}"  # (reversed, whole, past the last port)
    if pick == 3:
        return rnd.choice(
            ["080", "00", "0-0", "0-65535", "080-90", "80-090", " 80", "80 -90", "80- 90", "ssh", "ssh-80"]
        )
    return rnd.choice(["", "-80", "80-", "80--90", "80-90-100", "0x50", "8\u0660", "\u0668\u0660", "80:443", '"80"'])


def _value(rnd: random.Random) -> str:
    """A port, an address or something near one (what _quick_value must read as
    _plain_value's general reading does, or leave to it)."""
    pick = rnd.randrange(9)
    if pick == 7:  # port ranges and groups of ports, as the quick reader takes them
        return _port_text(rnd)
    if pick == 8:
        items = [_port_text(rnd) for _ in range(rnd.randrange(1, 6))]
        group = rnd.choice([", ", ",", " , ", ",  "]).join(items)
        shape = rnd.choice(["{ %s }", "{%s}", "{ %s, }", "{ %s", "%s }", "{ { %s } }", "{ %s, { 80 } }", "{ %s }x"])
        return shape % group
    octets = [str(rnd.randrange(256)) for _ in range(4)]
    if pick == 0:
        return str(rnd.choice([0, 1, 22, 1023, 65535, 65536, 99999, rnd.randrange(70000)]))
    if pick == 1:
        return rnd.choice(["022", "00", "0", "0x16", "0o7", "-1", "+5", "1_000", "\u00b2", "\u0663", "ssh", "80-90"])
    if pick == 2:
        return ".".join(octets)
    if pick == 3:
        return ".".join(octets) + "/" + str(rnd.choice([0, 1, 8, 24, 32, 33, 99]))
    if pick == 4:
        return rnd.choice(
            ["0.0.0.0/0", "1.2.3", "01.2.3.4", "256.1.1.1", "1.2.3.4/08", "1.2.3.4/\u00b2", "1.2.3.4-1.2.3.9"]
        )
    if pick == 5:
        return rnd.choice(
            ["10.0.0.1,10.0.0.2", "1.2.3.4/", '"10.0.0.1"', "10.0.0.1 ", "\u0661.2.3.4", "9.9.9.9-1.1.1.1"]
        )
    return "{ " + ", ".join(_value(rnd) for _ in range(rnd.randrange(1, 3))) + " }"


def test_the_quick_first_readings_are_the_general_ones(ctx, monkeypatch):
    """_plain_value with the quick reader of one port or address gives what its
    general reading gives, for random values of every header field and operator."""
    rnd = random.Random(5)
    heads = sorted(nft_match.FIELDS)
    quick = ranges = 0
    for _ in range(30000):
        t, head = rnd.choice(heads)
        op = rnd.choice(["", "", "", "==", "eq", "!=", "<"])
        val = _value(rnd)
        got = _outcome(ctx, t, head, op, val)
        with monkeypatch.context() as m:
            m.setattr(nft_match, "_quick_value", lambda *a: None)
            want = _outcome(ctx, t, head, op, val)
        assert got == want, (t, head, op, val)
        quick += type(got) is not str and op in ("", "==", "eq") and nft_match._quick_value(t, head, val) is not None
        ranges += nft_match._port_ranges(val) is not None and not val.isdecimal()
    assert quick > 2000
    # the ranges and groups of ports were compared, not only the single numbers
    assert ranges > 1000, ranges


def _outcome(ctx, t: str, head: str, op: str, val: str):
    """What _plain_value gives, or the exception it raises (a prefix length in other
    digits fails int() in one_addr, on either path)."""
    try:
        return nft_match._plain_value(ctx, t, head, op, val)
    except ValueError as e:
        return repr(e)
