"""``ss`` listeners → services: a proxy daemon on the router is a relay past the forward
chain (:mod:`netaudit.parsers.linux.services`; docs/semantics.md, "Proxies on a device")."""

from __future__ import annotations

from helpers import parse_one

from netaudit.parsers import linux

from .test_nftables import cells, dump

# forward: guest → staff dropped, everyone to the Internet; input: the guests reach
# the router's tcp/3128 and DNS, the staff everything.
NFT = """
table inet filter {
	chain input {
		type filter hook input priority filter; policy drop;
		ct state established,related accept
		iifname "lan0" accept
		iifname "guest0" udp dport 53 accept
		iifname "guest0" tcp dport %s accept
	}
	chain forward {
		type filter hook forward priority filter; policy drop;
		ct state established,related accept
		iifname "guest0" oifname "lan0" drop
		oifname "wan0" accept
	}
}
"""
SS_P = """udp   UNCONN 0      0            0.0.0.0:53         0.0.0.0:*    users:(("dnsmasq",pid=611,fd=4))
tcp   LISTEN 0      128          0.0.0.0:22         0.0.0.0:*    users:(("sshd",pid=702,fd=3))
tcp   LISTEN 0      256          0.0.0.0:3128       0.0.0.0:*    users:(("squid",pid=815,fd=11))"""


def test_a_proxy_the_guests_reach_relays_them_past_the_forward_drop():
    """ss -p names squid on tcp/3128, which the input chain opens to the guests: the
    forward drop guest → staff proves nothing (squid connects from the router itself):
    unknown, naming squid.  Closed on input, or another program there: blocked."""
    got, dev, rep = cells(NFT % "3128", ss=SS_P)
    [squid] = [s for s in dev.services if s.name == "squid"]
    assert squid.relay and squid.partial is None and rep.partially_understood == []
    cell = got[("guest", "staff")]
    assert cell.verdict == "unknown" and "squid proxy opens connections" in cell.reason, cell
    assert "tcp/3128" in got[("guest", "@devices")].services
    got, *_ = cells(NFT % "8443", ss=SS_P)
    assert got[("guest", "staff")].verdict == "blocked"
    got, dev, _ = cells(NFT % "3128", ss=SS_P.replace('"squid"', '"nginx"'))
    assert got[("guest", "staff")].verdict == "blocked"
    assert not any(s.relay for s in dev.services)


def test_without_the_program_a_conventional_proxy_port_may_be_a_proxy():
    """Plain ``ss -Htlnu`` (no ``-p``): which program holds tcp/3128 is not in the dump;
    squid's port may be a proxy: a partial relay beside the listener, so guest → staff
    is unknown, never "blocked"; the port itself is certainly reachable.  A port no proxy
    conventionally uses stays an ordinary service."""
    ss = "udp UNCONN 0 0 0.0.0.0:53 0.0.0.0:*\ntcp LISTEN 0 256 0.0.0.0:3128 0.0.0.0:*"
    got, dev, rep = cells(NFT % "3128", ss=ss)
    listener, maybe = [s for s in dev.services if s.ports and s.ports[0].lo == 3128]
    assert not listener.relay and maybe.relay and "conventional port of squid" in maybe.partial
    assert any("ss -p" in p["reason"] for p in rep.partially_understood)
    assert got[("guest", "staff")].verdict == "unknown"
    assert got[("guest", "@devices")].verdict == "reachable" and "tcp/3128" in got[("guest", "@devices")].services
    got, *_ = cells(NFT % "8000", ss=ss.replace(":3128", ":8000"))
    assert got[("guest", "staff")].verdict == "blocked"


def test_a_proxy_bound_to_loopback_or_to_the_staff_address_is_out_of_the_guests_reach():
    """tinyproxy on 127.0.0.1 is not reachable from another host; squid bound to the
    staff address answers only that address, which the guests' input rule (to any
    address on tcp/3128) reaches — and so relays; tinyproxy on loopback never does."""
    ss = 'tcp LISTEN 0 128 127.0.0.1:8888 0.0.0.0:* users:(("tinyproxy",pid=900,fd=5))'
    got, dev, _ = cells(NFT % "8888", ss=ss)
    assert got[("guest", "staff")].verdict == "blocked" and not any(s.relay for s in dev.services)
    ss = 'tcp LISTEN 0 128 10.0.10.1:3128 0.0.0.0:* users:(("squid",pid=815,fd=11))'
    got, dev, _ = cells(NFT % "3128", ss=ss)
    [squid] = [s for s in dev.services if s.relay]
    assert squid.acl == "listen 10.0.10.1"
    assert got[("guest", "staff")].verdict == "unknown"


def test_the_collection_one_liner_asks_ss_for_the_programs():
    """docs/vendors/linux.md's collection command runs ``ss -Htlnup`` (the programs, as
    root); the section is read under either spelling."""
    dev, rep = parse_one(linux, dump(NFT % "3128", ss=SS_P).replace("### ss -Htlnu", "### ss -Htlnup"), "r.txt")
    assert rep.unrecognized == [] and any(s.name == "squid" and s.relay for s in dev.services)
    from helpers import ROOT

    assert "ss -Htlnup" in (ROOT / "docs" / "vendors" / "linux.md").read_text()
