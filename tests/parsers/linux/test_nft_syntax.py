"""nft syntax beyond one rule per line: ``;`` separators, sets written over several lines,
``nft -f`` script forms (``flush ruleset``, ``define``), comments — and what happens to a
rule or a line that is not understood (it stays, partial; never vanishes, never becomes
a deny-all line).  Each case is checked on the model (rules present, partial or not)
and on the audit's verdict."""

from __future__ import annotations

from helpers import FIXTURES, analyse, cells, parse_one

from netaudit.model import Src
from netaudit.parsers import linux

from .test_nftables import FWD, GUEST, NET, STAFF, dump
from .test_nftables import cells as nft_cells

SCRIPT = FIXTURES / "linux" / "nft-script-semicolons.txt"
SITE = """unit: "gw-nix"
level: 2
zones:
  staff: {kind: internal, subnets: [10.1.1.0/24], attach: ["gw-nix:lan"]}
  guest: {kind: guest, subnets: [10.1.40.0/24], attach: ["gw-nix:guest"]}
  internet: {kind: external, attach: ["gw-nix:wan"]}
"""
# What ``nft list ruleset`` printed after ``nft -f`` loaded the script of SCRIPT (nft
# 1.0.6, in a network namespace): the same ruleset, one statement a line.
LISTED = """table inet filter {
	chain input {
		type filter hook input priority filter; policy drop;
		ct state vmap { invalid : drop, established : accept, related : accept }
		iifname "lo" accept
		iifname "wan" tcp dport 22 drop
		iifname { "wg0", "lan" } tcp dport { 22, 53 } accept
		iifname != "wan" udp dport 53 accept
		icmp type echo-request accept
	}

	chain forward {
		type filter hook forward priority filter; policy drop;
		ct state established,related accept
		iifname { "wg0", "lan" } oifname "wan" accept
		iifname "guest" oifname "wan" accept
		iifname "guest" drop
	}
}
table ip nat {
	chain postrouting {
		type nat hook postrouting priority srcnat; policy accept;
		oifname "wan" masquerade
	}
}"""


def _rules(flt) -> list[tuple[str, int, str | None]]:
    """A filter's lines as (action, line number, partial): what the engine reads."""
    return [(ln.action.value, ln.source.line, ln.partial) for ln in flt.lines]


def _lines(nft: str, *needles: str) -> set[int]:
    """The line numbers, in the dump of ``nft`` (:func:`dump`), of the lines holding a needle."""
    return {n for n, t in enumerate(dump(nft).split("\n"), 1) if any(x in t for x in needles)}


# --------------------------------------------------------------------------- ';' and nft -f scripts


def test_script_with_semicolons_reads_as_nft_lists_it():
    text = SCRIPT.read_text()
    dev, rep = parse_one(linux, text, SCRIPT.name)
    assert rep.unrecognized == [] and rep.partially_understood == []
    assert not any("unknown" in w for w in rep.warnings), rep.warnings
    # The script and what nft listed once it was loaded are the same ruleset.
    head = text[: text.index("### nft list ruleset")]
    listed, listed_rep = parse_one(linux, head + "### nft list ruleset\n" + LISTED + "\n", "listed.txt")
    assert listed_rep.unrecognized == []
    for name in ("input", "forward"):
        mine = [(ln.action, ln.matches, ln.partial) for ln in dev.filters[name].lines]
        assert mine == [(ln.action, ln.matches, ln.partial) for ln in listed.filters[name].lines], name
        assert dev.filters[name].default_action == listed.filters[name].default_action
    assert [n.to_interface for n in dev.nat_rules] == ["wan"]
    # Two rules on one line, separated by ';', are two rules (both cited on that line).
    line = next(n for n, t in enumerate(text.split("\n"), 1) if t.strip().startswith('iifname "guest" oifname'))
    assert [a for a, n, _ in _rules(dev.filters["forward"]) if n == line] == ["permit", "deny"]


def test_script_with_semicolons_audits(tmp_path):
    from netaudit.audit import run_audit

    (tmp_path / SCRIPT.name).write_text(SCRIPT.read_text())
    (tmp_path / "site.yaml").write_text(SITE)
    got = cells(run_audit([tmp_path], tmp_path / "site.yaml"))
    verdicts = {k: c.verdict for k, c in got.items()}
    assert verdicts == {
        ("staff", "guest"): "blocked",
        ("staff", "internet"): "reachable",
        ("staff", "@devices"): "reachable",
        ("guest", "staff"): "blocked",
        ("guest", "internet"): "reachable",
        ("guest", "@devices"): "reachable",
        ("internet", "staff"): "blocked",
        ("internet", "guest"): "blocked",
        ("internet", "@devices"): "reachable",
    }, {k: (c.verdict, c.reason) for k, c in got.items()}
    # 'iifname $WAN tcp dport 22 drop;' drops SSH from the Internet (it was lost, and the
    # input policy 'accept' of the repro let SSH in); the set over three lines admits
    # SSH and DNS from the LAN.
    assert got[("internet", "@devices")].services == ["icmp/8"]
    assert got[("staff", "@devices")].services == ["icmp/8", "tcp/22", "tcp/53", "udp/53"]
    assert got[("guest", "@devices")].services == ["icmp/8", "udp/53"]


def test_semicolon_after_the_verdict_is_a_separator():
    nft = """
table inet filter {
	chain input {
		type filter hook input priority filter; policy accept;
		iifname "wan0" tcp dport 22 drop;
	}
	chain forward {
		type filter hook forward priority filter; policy drop;
		iifname "lan0" oifname "wan0" accept;
	}
}
"""
    got, dev, rep = nft_cells(nft)
    assert rep.partially_understood == [] and rep.unrecognized == []
    assert [a for a, _, p in _rules(dev.filters["input"]) if p is None] == ["deny"]
    assert got[("internet", "@devices")].services == ["icmp/8"]  # not tcp/22
    assert got[("staff", "internet")].verdict == "reachable"
    assert got[("guest", "internet")].verdict == "blocked"


def test_empty_statements_and_one_line_blocks():
    nft = """
flush ruleset;
table inet filter { chain forward { type filter hook forward priority 0; policy drop; ;; iifname "lan0" accept; }; }
"""
    got, dev, rep = nft_cells(nft)
    assert rep.unrecognized == [] and rep.partially_understood == []
    assert dev.filters["forward"].default_action.value == "deny"
    assert got[("staff", "guest")].verdict == "reachable"
    assert got[("guest", "staff")].verdict == "blocked"


# --------------------------------------------------------------------------- sets over several lines


def test_anonymous_set_over_several_lines():
    got, dev, rep = nft_cells(FWD % '\t\tiifname {\n\t\t\t"lan0",\n\t\t\t"lo"\n\t\t} oifname "wan0" counter accept')
    assert rep.unrecognized == [] and rep.partially_understood == []
    # one rule, cited on the line it starts on, and no line left over
    assert [(a, p) for a, _, p in _rules(dev.filters["forward"])][-1] == ("permit", None)
    assert got[("staff", "internet")].verdict == "reachable"
    assert got[("guest", "internet")].verdict == "blocked"


def test_verdict_map_and_named_set_over_several_lines():
    nft = """
table inet filter {
	set lan_ifs { type ifname; elements = {
			"lan0",
		}
	}
	chain forward {
		type filter hook forward priority filter; policy drop;
		iifname vmap {
			"guest0" : drop,
			"lan0" : jump lan_fwd  # the office
		}
	}
	chain lan_fwd { oifname "wan0" iifname @lan_ifs accept; }
}
"""
    got, _dev, rep = nft_cells(nft)
    assert rep.unrecognized == [] and rep.partially_understood == []
    assert got[("staff", "internet")].verdict == "reachable"
    assert got[("staff", "guest")].verdict == "blocked"
    assert got[("guest", "internet")].verdict == "blocked"


def test_set_elements_with_counters_as_nft_lists_them():
    # A set with 'counter' (or timeouts): nft prints each element with its counters.
    nft = """
table inet filter {
	set admins {
		type ipv4_addr
		counter
		elements = { 10.0.10.5 counter packets 0 bytes 0, 10.0.10.6 counter packets 3 bytes 180 }
	}
	chain input {
		type filter hook input priority filter; policy drop;
		ip saddr @admins tcp dport 22 accept
	}
}
"""
    got, _dev, rep = nft_cells(nft)
    assert rep.unrecognized == [] and rep.partially_understood == []
    assert got[("staff", "@devices")].services == ["tcp/22"]
    assert got[("guest", "@devices")].verdict == "blocked"


def test_unclosed_set_is_unrecognized_and_unknown_not_a_deny_line():
    nft = """
table inet filter {
	chain forward {
		type filter hook forward priority filter; policy drop;
		iifname { "lan0", "guest0"
		oifname "wan0" accept
	}
	chain input {
		type filter hook input priority filter; policy drop;
		iifname "lan0" tcp dport 22 accept
	}
}
"""
    got, dev, rep = nft_cells(nft)
    # the '}' meant for the chain closed the set: the next chain's line cannot be in a chain
    assert {s.line for s in rep.unrecognized} == _lines(nft, "chain input")
    assert all(p for _, _, p in _rules(dev.filters["forward"]))  # unknown, never a plain deny
    assert got[("staff", "internet")].verdict == "unknown"
    assert got[("guest", "internet")].verdict == "unknown"
    # the chain after it is read as it is
    assert not dev.filters["input"].partial and not any(p for *_, p in _rules(dev.filters["input"]))
    assert got[("staff", "@devices")].services == ["tcp/22"]


def test_a_stray_line_is_counted_and_makes_the_chain_unknown_not_blocked():
    got, _dev, rep = nft_cells(FWD % '\t\t"lan0",\n\t\tiifname "lan0" oifname "wan0" accept')
    assert [s.text for s in rep.unrecognized] == ['"lan0",']
    assert got[("staff", "internet")].verdict == "unknown"
    assert got[("guest", "internet")].verdict == "unknown"  # not "blocked" by a deny-all line


# --------------------------------------------------------------------------- statements not understood


def test_statement_not_understood_keeps_the_rule_partial_and_unknown():
    nft = """
table inet filter {
	chain input {
		type filter hook input priority filter; policy accept;
		iifname "wan0" tcp dport 22 frobnicate
	}
	chain forward {
		type filter hook forward priority filter; policy drop;
		iifname "lan0" oifname "wan0" frobnicate
	}
}
"""
    got, dev, rep = nft_cells(nft)
    assert {p["line"] for p in rep.partially_understood} == _lines(nft, "frobnicate")
    assert all(p for _, _, p in _rules(dev.filters["forward"])) and _rules(dev.filters["forward"])
    assert got[("staff", "internet")].verdict == "unknown"  # the rule may accept
    assert got[("guest", "internet")].verdict == "blocked"  # not its interface
    assert got[("internet", "@devices")].services == ["icmp/8"]  # tcp/22: only maybe
    assert got[("internet", "@devices")].maybe is not None


def test_unknown_verdict_in_a_drop_chain_is_unknown_not_blocked():
    # queue hands the packet to a program: accept or drop, netaudit cannot know.
    got, _dev, _rep = nft_cells(FWD % '\t\tiifname "lan0" oifname "wan0" queue num 1')
    assert got[("staff", "internet")].verdict == "unknown"
    assert got[("guest", "internet")].verdict == "blocked"


def test_known_statements_without_a_verdict_are_not_unknown():
    # MSS clamping and packet priority change no verdict: the rule only goes on.
    nft = FWD % (
        "\t\ttcp flags syn / syn,rst counter packets 0 bytes 0 tcp option maxseg size set rt mtu\n"
        '\t\toifname "wan0" counter meta priority set 1:10\n'
        '\t\tiifname "lan0" oifname "wan0" accept'
    )
    got, _dev, _rep = nft_cells(nft)
    assert got[("staff", "internet")].verdict == "reachable"
    assert got[("guest", "internet")].verdict == "blocked"


def test_rewriting_a_matched_field_without_a_verdict_is_unknown():
    got, *_ = nft_cells(FWD % '\t\tiifname "guest0" ip daddr set 10.0.10.9\n\t\tiifname "lan0" accept')
    assert got[("guest", "staff")].verdict == "unknown"
    assert got[("staff", "guest")].verdict == "reachable"


def test_fib_lookup_is_read_whole_not_as_an_interface_match():
    # firewalld's reverse-path filter: 'oif missing' is the lookup's result, not a match
    # of the output interface named "missing" (that made the rule match nothing).
    got, _dev, rep = nft_cells(FWD % "\t\tfib saddr . iif oif missing drop\n\t\taccept")
    assert [p["reason"] for p in rep.partially_understood] == ["'fib saddr . iif oif' lookup not modelled"]
    assert got[("staff", "internet")].verdict == "unknown"  # a spoofed source may be dropped


def test_concatenation_of_fields_is_the_intersection_of_its_parts():
    # 'iifname . ip saddr': the '.' was once read as an interface name (the accept
    # matched nothing); an element of header fields and names is the intersection of
    # its parts, a set of them their union.
    got, _dev, rep = nft_cells(FWD % '\t\tiifname . ip saddr { "lan0" . 10.0.10.0/24 } accept')
    assert rep.partially_understood == []
    assert got[("staff", "internet")].verdict == "reachable"
    assert got[("guest", "internet")].verdict == "blocked"
    # a verdict map keyed on one (the nftables wiki's home-router input rule)
    got, _dev, rep = nft_cells(FWD % "\t\tip saddr . tcp dport vmap { 10.0.40.5 . 22 : accept, 10.0.40.6 . 80 : drop }")
    assert rep.partially_understood == []
    assert (got[("guest", "staff")].verdict, got[("guest", "staff")].services) == ("reachable", ["tcp/22"])
    # a part netaudit does not read: the rule is wider, its verdict map unknown
    got, _dev, rep = nft_cells(FWD % "\t\tip saddr . meta mark vmap { 10.0.40.5 . 0x1 : accept }")
    reasons = [p["reason"] for p in rep.partially_understood]
    assert reasons == ["concatenation not modelled", "vmap keyed on a concatenation not modelled"]
    assert got[("guest", "staff")].verdict == "unknown"


def test_comment_after_the_verdict_is_a_comment_before_it_is_unknown():
    # nft -f: '#' starts a comment.  nft before 1.0.6 printed an iptables-nft match it
    # could not translate as '#' and its options, before the verdict.
    got, _dev, rep = nft_cells(FWD % '\t\tiifname "lan0" oifname "wan0" accept # office to the Internet')
    assert rep.partially_understood == []
    assert got[("staff", "internet")].verdict == "reachable"
    got, _dev, rep = nft_cells(
        FWD % '\t\tiifname "lan0" #  ctstate RELATED,ESTABLISHED counter packets 0 bytes 0 accept'
    )
    assert got[("staff", "internet")].verdict == "unknown"
    assert rep.partially_understood


def test_undefined_variable_is_partial_not_an_interface_name():
    got, _dev, rep = nft_cells(FWD % "\t\tiifname $LAN oifname wan0 accept")
    assert any("$LAN" in p["reason"] for p in rep.partially_understood)
    assert got[("staff", "internet")].verdict == "unknown"


def test_script_command_outside_a_table_makes_the_firewall_unknown():
    nft = (
        FWD % '\t\tiifname "lan0" oifname "wan0" accept'
    ) + '\nadd rule inet filter forward iifname "guest0" accept\n'
    got, dev, rep = nft_cells(nft)
    assert any("add rule" in s.text for s in rep.unrecognized)
    assert dev.filters["forward"].partial
    assert got[("guest", "internet")].verdict == "unknown"


def test_dormant_table_filters_nothing_and_a_newer_table_is_unknown():
    dormant = FWD.replace("table inet filter {", "table inet filter {\n\tflags dormant") % ""
    got, dev, rep = nft_cells(dormant)
    assert "forward" not in dev.filters and any("dormant" in w for w in rep.warnings)
    assert got[("guest", "staff")].verdict == "reachable"
    newer = "# Warning: table inet filter was created by a newer version of nftables? Content may be incomplete!\n"
    got, dev, rep = nft_cells(newer + FWD % '\t\tiifname "lan0" accept')
    assert dev.filters["forward"].partial
    assert got[("guest", "staff")].verdict == "unknown"


# --------------------------------------------------------------------------- iptables-nft


NFT_ONLY = """# Warning: table ip filter is managed by iptables-nft, do not touch!
table ip filter {
	chain FORWARD {
		type filter hook forward priority filter; policy drop;
		iifname "lan0" counter packets 0 bytes 0 accept
		ct state related,established counter packets 0 bytes 0 accept
		iifname "wan0" meta l4proto tcp tcp dport { 80, 443 } counter packets 0 bytes 0 accept
		iifname "guest0" xt match string counter packets 0 bytes 0 drop
		iifname "guest0" oifname "wan0" counter packets 0 bytes 0 accept
	}
}
# Warning: table ip nat is managed by iptables-nft, do not touch!
table ip nat {
	chain POSTROUTING {
		type nat hook postrouting priority srcnat; policy accept;
		oifname "wan0" counter packets 0 bytes 0 masquerade
	}
}"""


def test_iptables_nft_table_without_iptables_save_is_partial_only_where_xt():
    # nft 1.0.6 warns for a table holding compat (xt) expressions; it prints each one it
    # can translate in nft syntax and the others as 'xt match NAME': only those rules are
    # not fully known (what nft printed once iptables-nft 1.8.9 had loaded these rules).
    got, dev, rep = nft_cells(NFT_ONLY)
    partial = [(a, p) for a, _, p in _rules(dev.filters["forward"]) if p]
    assert partial and all("xt match string" in p for _, p in partial)
    assert {p["line"] for p in rep.partially_understood} == _lines(NFT_ONLY, "xt match")
    assert got[("staff", "internet")].verdict == "reachable"  # was unknown: every rule partial
    assert got[("guest", "internet")].verdict == "unknown"  # behind the xt match
    assert got[("guest", "staff")].verdict == "blocked"


def test_iptables_nft_warnings_name_their_tables():
    # stderr is not buffered: with 2>&1 both warnings may come before the first table.
    nft = NFT_ONLY.replace("# Warning: table ip nat is managed by iptables-nft, do not touch!\n", "")
    nft = "# Warning: table ip nat is managed by iptables-nft, do not touch!\n" + nft
    nft = (
        "table inet mine {\n\tchain fwd {\n\t\ttype filter hook forward priority filter + 10; policy accept;\n\t}\n}\n"
        + nft
    )
    ipt = (
        "### iptables-save\n*filter\n:INPUT ACCEPT [0:0]\n:FORWARD DROP [0:0]\n:OUTPUT ACCEPT [0:0]\n"
        "-A FORWARD -i lan0 -o wan0 -j ACCEPT\nCOMMIT\n"
    )
    dev, rep = parse_one(linux, dump(nft, extra=ipt), "r.txt")
    assert any("read from iptables-save only" in w for w in rep.warnings)
    assert sorted(dev.facts.iptables_nft_tables) == ["ip filter", "ip nat"]
    got = analyse([dev], [STAFF, GUEST, NET]).cells
    assert got[("staff", "internet")].verdict == "reachable"
    assert got[("guest", "internet")].verdict == "blocked"  # iptables-save's FORWARD only


# --------------------------------------------------------------------------- words (the fast paths)


def test_words_split_as_the_token_pattern_reads_them():
    """Rule words by ``str.split`` where no quote is escaped or left open: the same as
    the token pattern, quotes ending a word, commas of a list joined only outside groups."""
    import random

    from netaudit.parsers.linux import nft_values

    def reference(text: str) -> list[str]:
        out: list[str] = []
        buf: list[str] = []
        depth = 0
        for t in nft_values._TOKEN.findall(text):
            if t == "{" or depth:
                buf.append(t)
                depth += (t == "{") - (t == "}")
                if not depth:
                    out.append(" ".join(buf))
                    buf = []
            else:
                out.append(t)
        if buf:
            out.append(" ".join(buf))
        return nft_values._join_lists(out) if "," in text else out

    assert nft_values.tokenize('ct state established, related iifname { "lan0", "wg0" } accept') == [
        "ct", "state", "established,related", "iifname", '{ "lan0" , "wg0" }', "accept",
    ]  # fmt: skip
    assert nft_values.tokenize('meta l4proto tcp comment "ke toan, tang 2" accept')[-2] == '"ke toan, tang 2"'
    rnd = random.Random(6)
    alphabet = ['"', "\\", " ", "\t", "a", "{", "}", ",", ", ", "\r", "é", "\u2003", '"x, y"', '""', "{ 1, 2 }"]
    for _ in range(20000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 12)))
        assert nft_values.tokenize(text) == reference(text), repr(text)


def test_interface_names_are_the_values_of_interface_matches_only():
    from netaudit.parsers.linux.nftables import iface_names

    text = """
		iifname "lan0" oifname != { "wan0", "wg0" } accept
		meta iif guest0 counter drop
		oif wan1 accept
		xiifname "nope0" myoif "nope1" comment "iifname" accept
		iifname "wg*" accept
	"""
    assert iface_names(text) == {"lan0", "wan0", "wg0", "guest0", "wan1"}


def test_a_damaged_set_is_said_on_every_rule_that_repeats_it():
    """An anonymous set's elements are read once per text: the reason a damaged one gives
    is said again on each rule holding it."""
    nft = """
table inet filter {
	chain forward {
		type filter hook forward priority filter; policy drop;
		iifname { "lan0" accept } oifname "wan0" accept
		iifname { "lan0" accept } oifname "wan0" accept
	}
}
"""
    _got, dev, rep = nft_cells(nft)
    lines = _lines(nft, 'iifname { "lan0" accept }')
    assert len(lines) == 2
    assert {p["line"] for p in rep.partially_understood if "left open" in p["reason"]} == lines
    assert all(partial for _, _, partial in _rules(dev.filters["forward"]))


def _as_stmts(block):
    """A scanned block with every plain line (``nftables.PlainLine``, the Src citing it)
    as the :class:`Stmt` it stands for: what the scanner's loop gives."""
    from netaudit.parsers.linux import nftables

    # A plain line's text is stripped, as the loop's statements are (the table loop cites
    # it so), and does not begin as a chain's own statement (_header takes a chain of
    # plain lines whole).
    pairs = [it.text for it in block.items if isinstance(it, tuple)]
    assert all(t == t.strip() and not t.startswith(nftables._HEADER_STARTS) for t in pairs)
    items = [_as_stmts(it) if isinstance(it, nftables.Block) else nftables.as_stmt(it) for it in block.items]
    return nftables.Block(block.no, block.head, items)


def _loop_scan(numbered):
    """What the scanner's loop alone makes of ``numbered`` (``_Scanner.line`` on every
    line, without its plain path): the reference of the quick paths."""
    from netaudit.parsers.linux import nftables

    sc = nftables._Scanner()
    sc.plain_line = lambda no, s: False  # type: ignore[method-assign]
    for no, s in numbered:
        sc.line(no, s)
    if sc.parts:
        sc.end(broken=sc.depth > 0)
    return sc.root, sc.ignored


def _pairs(block) -> int:
    """How many plain lines (``nftables.PlainLine``) a scanned block holds."""
    return sum(_pairs(it) if hasattr(it, "items") else isinstance(it, tuple) for it in block.items)


def test_a_chain_of_plain_lines_is_taken_whole():
    """A chain whose items are all plain lines (a big ruleset's chains) is given to the
    table loop as the scanner left it, not rebuilt item by item: ``_header`` tests the
    items' types against PlainLine's own (a test against ``tuple`` stopped matching when
    PlainLine became the Src, and every chain took the item loop unseen)."""
    from netaudit.parsers.linux import nftables
    from netaudit.parsers.linux.rules import Chain, Ruleset
    from netaudit.parsers.linux.state import State

    texts = ["table inet t {", "\tchain c {", *[f"\t\tip daddr 10.0.{k}.0/24 accept" for k in range(5)], "\t}", "}"]
    root, _ = nftables.scan(texts, 1, None, "f.txt")
    body = root.items[0].items[0]
    assert isinstance(body, nftables.Block) and len(body.items) == 5
    ctx = nftables.Ctx(State("\n".join(texts), "f.txt"), "inet", "t", {}, frozenset(), ())
    assert nftables._header(ctx, Ruleset(), Chain("inet", "t", "c"), body) is body.items


def test_plain_lines_scan_as_the_scanner_loop_reads_them(monkeypatch):
    """A line of the common shape is one statement without the scanner's loop (``scan``'s
    own loop, and ``_Scanner.plain_line`` for the lines it leaves to ``_Scanner.line``):
    the same blocks and statements as the loop gives, on random lines in every context
    (root, table, chain, set, inside an open group), with the section's text given or
    not, and line by line."""
    import random

    from netaudit.parsers.linux import nftables

    rnd = random.Random(15)
    words = ["ip", " daddr", " 10.0.0.1", " ", "\t", "{", "}", " { 22, 80 }", '"', ' "x y"', ";", "#", ",", "accept"]
    words += ["table inet f", "chain c", "set s", "define X = 1", "$X", "redefine", "undefine X", ' "{"', ' "a;b"']
    words += ["policy drop", "type filter hook input", "comment", "flags offload", "typeof", "\xa0", "é", "flowtable"]
    words += ["ct", "tcp", "udp", "counter", "\x0c"]
    heads = [[], ["table inet f {"], ["table inet f {", "chain c {"], ["table inet f {", "set s {"], ["table ip t {", "chain c {", "ip saddr {"]]  # fmt: skip
    taken = pairs = 0
    real = nftables._Scanner.plain_line

    def counted(self, no: int, s: str) -> bool:
        nonlocal taken
        got = real(self, no, s)
        taken += got
        return got

    monkeypatch.setattr(nftables._Scanner, "plain_line", counted)
    for _ in range(20000):
        lines = list(rnd.choice(heads))
        for _ in range(rnd.randint(1, 4)):
            lines.append("".join(rnd.choice(words) for _ in range(rnd.randint(0, 8))))
        numbered = list(enumerate(lines, start=1))
        slow = _loop_scan(numbered)
        fast = nftables.scan(lines)
        assert _as_stmts(fast[0]) == slow[0] and fast[1] == slow[1], lines
        assert nftables.scan(lines, 1, "\n".join(lines)) == fast, lines
        pairs += _pairs(fast[0])
        by_line = nftables._Scanner()  # (every line through _Scanner.line: plain_line's own keys)
        for no, s in numbered:
            by_line.line(no, s)
        if by_line.parts:
            by_line.end(broken=by_line.depth > 0)
        assert _as_stmts(by_line.root) == slow[0] and by_line.ignored == slow[1], lines
    plain = nftables._Scanner()
    plain.stack.append(nftables.Block(1, "chain c"))
    assert plain.plain_line(2, '\t\tiifname "eth0" tcp dport { 22, 80 } accept')
    assert not plain.plain_line(3, 'ip saddr 1.2.3.4 comment "a;b" accept')  # the loop reads it
    assert taken > 2000 and pairs > 5000  # the plain paths were compared, not only the loop


def test_scan_of_lines_not_joined_as_the_text_reads_each_line():
    """``scan`` takes every line's key from the section's text; lines whose texts joined
    are not that text (a line holding a newline: a caller's own list) are keyed one by
    one, as the loop reads them."""
    from netaudit.parsers.linux import nftables

    numbered = [(1, "table inet f {"), (2, "chain c {"), (3, "ip daddr 10.0.0.1\naccept"), (4, "tcp dport { 1 } drop")]
    numbered += [(5, "}"), (6, "}")]
    fast = nftables.scan([t for _, t in numbered], file="nft.txt")
    assert _as_stmts(fast[0]) == _loop_scan(numbered)[0]
    plain = [Src("nft.txt", 3, "ip daddr 10.0.0.1\naccept"), Src("nft.txt", 4, "tcp dport { 1 } drop")]
    assert fast[0].items[0].items[0].items == plain  # (each plain line's Src, citing the file given)


def test_a_lines_special_characters_by_bytes_are_the_patterns():
    """``_Scanner.plain_line`` takes a line's characters of ``_SPECIAL`` from its UTF-8
    bytes (every other byte deleted): the same characters, in the same order, as the
    pattern finds — also past ASCII (a multi-byte character's bytes are all past 0x7F)
    and for a lone surrogate (a file read with ``surrogateescape``)."""
    import random

    from netaudit.parsers.linux import nftables

    rnd = random.Random(2026120705)
    alphabet = [*'";#{} \tab,', "é", "中", "\u201c", "\uff02", "\udc80", "\U0001f600", "\x7f", "\x80", "\xa0"]
    for _ in range(20000):
        line = "".join(rnd.choice(alphabet) for _ in range(rnd.randrange(0, 24)))
        got = line.encode("utf-8", "surrogatepass").translate(None, nftables._NOT_SPECIAL)
        assert got.decode("ascii") == "".join(nftables._SPECIAL.findall(line)), repr(line)


def test_a_plain_line_with_a_group_is_cut_at_its_brace_as_the_loop_cuts_it():
    """The statement of a line with one group is the line's pieces before and from its
    ``{``, stripped and joined by one blank (the scanner's loop): the stripped line itself
    only where one blank stands before the ``{``."""
    from netaudit.parsers.linux import nftables

    lines = ["\t\ttcp dport { 22 } accept", "\t\ttcp dport\t{ 22 } accept", "\ttcp dport  { 22 } accept"]
    lines += ["\ttcp dport \t{ 22 } accept", "{ 22 } accept", " { 22 } accept", "x{ 22 } accept", "\xa0x \xa0{ 1 }"]
    for line in lines:
        numbered = [(1, "table inet f {"), (2, "chain c {"), (3, line)]
        fast = nftables.scan([t for _, t in numbered])
        slow = _loop_scan(numbered)
        assert _as_stmts(fast[0]) == slow[0] and fast[1] == slow[1], repr(line)
        by_line = nftables._Scanner()  # (plain_line's own cut)
        for no, s in numbered:
            by_line.line(no, s)
        assert _as_stmts(by_line.root) == slow[0], repr(line)
        assert (
            nftables.as_stmt(fast[0].items[0].items[0].items[0]).text
            == " ".join([line[: line.index("{")].strip(), line[line.index("{") :].strip()]).strip()
        )


def test_tokenize_of_a_rule_with_one_group_is_the_general_folding(monkeypatch):
    """``nft_values.tokenize`` reads a text of one ``{ … }`` group with quotes after it
    only (a port group and a comment) without the general folding: the same tokens as
    ``_folded`` gives, on random texts of words, braces, quotes, commas, backslashes and
    blanks of every kind."""
    import random

    from netaudit.parsers.linux import nft_values

    rnd = random.Random(2026120704)
    pieces = [" ", "  ", "\t", "\xa0", "ip", "daddr", "10.0.0.0/8", "tcp dport", "80", " 443", ",", ", ", " ,"]
    pieces += ["{", "}", "{ ", " }", '"', '"rule 1"', '"a, b"', '"{"', "\\", "accept", "comment", "a-b", "@s"]
    pieces += ['\\"', '"x\\" y"', '"p\\q"']  # escaped quotes: the general reading's pattern
    folded = nft_values._folded
    general = 0

    def counted(text: str) -> list[str]:
        nonlocal general
        general += 1
        return folded(text)

    monkeypatch.setattr(nft_values, "_folded", counted)
    quick = 0
    for _ in range(30000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randrange(1, 14)))
        if rnd.random() < 0.5:  # the common shape, with noise around it
            text = f"ip daddr 10.0.{rnd.randrange(9)}.0/24 tcp dport {{{text}}} accept comment {text}"
        before = general
        got = nft_values.tokenize(text)
        assert got == folded(text), text
        quick += general == before and "{" in text  # read by the one-group shape
    assert quick > 1000 and general > 1000, (quick, general)


def test_a_chains_own_statements_on_lines_of_their_own_read_as_on_one_line():
    """``type … hook …``, ``policy`` and ``comment`` each on a line of its own (a ruleset
    for ``nft -f``: plain lines to the scanner) are the chain's own statements, as where
    nft lists them on one line with ``;`` — no rule, nothing unrecognized."""
    one = '\ttype filter hook input priority filter; policy drop;\n\tcomment "edge"'
    own = '\ttype filter hook input priority filter\n\tpolicy drop\n\tcomment "edge"\n\tflags offload'
    got = []
    for head in (one, own):
        nft = "\n".join(["table inet filter {", "\tchain input {", head, "\t\ttcp dport 22 accept", "\t}", "}"])
        dev, rep = parse_one(linux, dump(nft), "r.txt")
        assert rep.unrecognized == [] and rep.partially_understood == [], head
        flt = dev.filters["input"]
        got.append((flt.default_action, [(ln.action, ln.matches) for ln in flt.lines]))
    assert got[0] == got[1]
    assert got[0][0].value == "deny" and len(got[0][1]) == 1


def test_a_plain_rule_is_cited_by_its_scanned_line_as_state_src_cites_it():
    """A plain line's rule keeps the scanner's :data:`~nftables.PlainLine` (a :class:`Src`
    of the file, the line and its stripped text) as its ``src``: the citation
    ``State.src`` gives the same line — the file named, the text cut past ``CITED_MAX``
    characters (then a Src of its own), and the same for a rule of a text read before."""
    from netaudit.parsers.linux.nftables import read_nft
    from netaudit.parsers.linux.state import CITED_MAX, State

    long = "ip daddr 10.0.0.1 " + " ".join(["counter"] * (CITED_MAX // 8)) + " accept"
    nft = "\n".join(
        [
            "table inet f {",
            "\tchain c {",
            "\t\ttype filter hook forward priority 0; policy drop;",
            "\t\tip saddr 10.0.0.2 tcp dport { 22, 80 } accept",
            f"\t\t{long}",
            "\t\tip saddr 10.0.0.2 tcp dport { 22, 80 } accept  ",
            f"  {long}",
            '\t\tiifname "eth0" drop',
            "\t}",
            "}",
        ]
    )
    st = State(nft, "gw.txt")
    (chain,) = read_nft(st, nft.split("\n"), 7, frozenset({"", "eth0"}), ()).chains  # (numbered on from 7)
    assert len(long) > CITED_MAX and [r.verdict for r in chain.rules] == ["accept"] * 4 + ["drop"]
    for rule, no in zip(chain.rules, [10, 11, 12, 13, 14], strict=True):
        assert type(rule.src) is Src and rule.src == st.src(no, nft.split("\n")[no - 7].strip())
    assert chain.rules[1].src.text.endswith("...") and chain.rules[1].src.file == "gw.txt"
