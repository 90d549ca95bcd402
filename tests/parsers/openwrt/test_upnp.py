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
