"""miniupnpd (package ``upnpd``): port forwards hosts open at run time, modelled as
``Device.runtime_forwards`` (:func:`netaudit.parsers.openwrt.services._miniupnpd`)."""

from __future__ import annotations

from helpers import cells as audit_cells

from netaudit.model import PROTO_TCP, PROTO_UDP

from .helpers import FIXTURES, cells, office, parse

UPNPD = """
package upnpd

config upnpd 'config'
\toption enabled '1'
\toption external_iface 'wan'
\toption internal_iface 'lan'
\toption port '5000'
"""


def test_upnp_makes_internet_to_lan_unknown_never_blocked():
    """The hosts on lan open port forwards on wan at run time: a packet from the
    Internet for the router's address may reach any of them — unknown, not "blocked"
    (the forward line used to go into the dnsmasq ACL, which left the cell blocked)."""
    dev, rep = office(UPNPD)
    assert [(f.in_interface, f.to_interfaces, f.what) for f in dev.runtime_forwards] == [("wan", ["br-lan"], "UPnP")]
    c = cells(dev)
    assert c[("internet", "staff")].verdict == "unknown"
    assert rep.unrecognized == []


def test_without_upnp_internet_to_lan_stays_blocked():
    dev, _ = office()
    assert dev.runtime_forwards == []
    assert cells(dev)[("internet", "staff")].verdict == "blocked"


def test_upnp_forwards_only_to_its_internal_networks_and_leaves_other_filters_alone():
    dev, _ = office(UPNPD)
    _plain, _ = office()
    c = cells(dev)
    assert c[("internet", "guest")].verdict == "blocked"  # guest is not an internal_iface
    assert c[("guest", "staff")].verdict == "blocked"
    # the dnsmasq ACL and the forward filter are those of the router without upnpd
    for name in ("dnsmasq-localservice", "forward"):
        assert [ln.source.line for ln in dev.filters[name].lines] == [
            ln.source.line for ln in _plain.filters[name].lines
        ]


def test_upnp_listens_on_the_inside_only():
    dev, _ = office(UPNPD + "\toption enable_natpmp '1'\n")
    svc = {
        (s.name, s.protocol, s.ports[0].lo): s.interfaces for s in dev.services if s.name in ("upnp", "ssdp", "nat-pmp")
    }
    assert svc == {
        ("upnp", PROTO_TCP, 5000): frozenset({"br-lan"}),
        ("ssdp", PROTO_UDP, 1900): frozenset({"br-lan"}),
        ("nat-pmp", PROTO_UDP, 5351): frozenset({"br-lan"}),
    }


def test_upnp_disabled_opens_nothing():
    dev, _ = office(UPNPD.replace("option enabled '1'", "option enabled '0'"))
    assert dev.runtime_forwards == []
    assert not any(s.name == "upnp" for s in dev.services)


def test_omnia_files_with_dnsmasq_port_zero_and_old_upnp_switch(tmp_path):
    """A Turris Omnia's /etc/config files (rewritten): dnsmasq on port 0 (another resolver
    answers DNS) and upnpd switched on the pre-2021 way (``enable_upnp``) used to stop
    the parse with an UnboundLocalError; the miniupnpd include is the daemon's chains,
    not unknown custom rules; igmpproxy forwards multicast only (ignored on purpose)."""
    from netaudit.audit import run_audit

    text = (FIXTURES / "omnia-upnp-iptv-files.txt").read_text()
    dev, rep = parse(text, "turris.txt")
    assert [(f.in_interface, f.to_interfaces) for f in dev.runtime_forwards] == [("eth1.35", ["br-lan"])]
    assert rep.partially_understood == []
    assert {u.text.split()[0] for u in rep.unrecognized} == {"config", "option", "list"}
    assert all(u.line < 20 for u in rep.unrecognized)  # the acme package only
    (tmp_path / "turris.txt").write_text(text)
    (tmp_path / "site.yaml").write_text(
        'unit: "nha xuong"\nlevel: 2\nzones:\n'
        "  nhanvien: {kind: internal, subnets: [10.40.1.0/24]}\n"
        "  tivi: {kind: camera, subnets: [10.40.2.0/24]}\n"
        '  internet: {kind: external, attach: ["turris-nhaxuong:eth1.35"]}\n'
    )
    audit = run_audit([tmp_path], tmp_path / "site.yaml")
    verdicts = {k: c.verdict for k, c in audit_cells(audit).items() if "@devices" not in k}
    assert verdicts == {
        ("nhanvien", "tivi"): "blocked",
        ("nhanvien", "internet"): "reachable",
        ("tivi", "nhanvien"): "blocked",
        ("tivi", "internet"): "reachable",
        ("internet", "nhanvien"): "unknown",  # UPnP forwards to lan
        ("internet", "tivi"): "blocked",
    }


def test_fullcone_nat_opens_run_time_forwards_to_the_zones_it_masquerades():
    """ImmortalWrt/LEDE's ``fullcone '1'`` (found on a real ImmortalWrt export): a port
    an inside host was mapped to takes packets from any Internet host — the Internet
    may reach the hosts of every zone that forwards to wan: unknown, not "blocked"
    (the option was ignored with the rest of ``defaults``)."""
    base = office.__defaults__[1].replace("config defaults\n", "config defaults\n\toption fullcone '1'\n")
    dev, rep = office(base=base)
    assert [(f.in_interface, f.to_interfaces, f.what) for f in dev.runtime_forwards] == [
        ("wan", ["br-guest", "br-lan"], "full-cone NAT")
    ]
    c = cells(dev)
    assert c[("internet", "staff")].verdict == "unknown"
    assert c[("internet", "guest")].verdict == "unknown"
    assert c[("guest", "staff")].verdict == "blocked"
    assert rep.unrecognized == []


def test_fullcone_nat_reaches_only_the_zones_that_leave_by_it():
    """guest without its forwarding to wan sends nothing out, so no mapping of its hosts
    exists: internet → guest stays proven blocked; a zone's own ``fullcone4`` switch
    counts as the defaults' one."""
    base = office.__defaults__[1].replace("config forwarding\n\toption src 'guest'\n\toption dest 'wan'\n", "")
    base = base.replace("\toption masq '1'\n", "\toption masq '1'\n\toption fullcone4 '1'\n")
    dev, rep = office(base=base)
    assert [(f.in_interface, f.to_interfaces) for f in dev.runtime_forwards] == [("wan", ["br-lan"])]
    c = cells(dev)
    assert c[("internet", "staff")].verdict == "unknown"
    assert c[("internet", "guest")].verdict == "blocked"
    assert rep.unrecognized == []


def test_fullcone_off_or_without_masquerade_opens_nothing():
    base = office.__defaults__[1].replace("config defaults\n", "config defaults\n\toption fullcone '0'\n")
    dev, _ = office(base=base)
    assert dev.runtime_forwards == []
    base = office.__defaults__[1].replace("config defaults\n", "config defaults\n\toption fullcone '1'\n")
    dev, _ = office(base=base.replace("\toption masq '1'\n", ""))
    assert dev.runtime_forwards == []
