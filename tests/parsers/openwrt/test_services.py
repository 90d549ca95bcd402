"""What an OpenWrt router runs without a section saying so (dropbear, dnsmasq, the
kernel's ICMP echo) is cited as a default — ``file (default)`` — never at line 1 or at
the hostname line; a dropbear section is cited at its own line."""

from __future__ import annotations

from netaudit.audit import run_audit
from netaudit.model import PROTO_TCP
from netaudit.report import cite_loc

from .helpers import FIXTURES, cells, office, parse

# A TP-Link C7 exported with `uci export network; uci export firewall; …`: no dropbear
# package, so OpenWrt's default SSH server is assumed.
C7 = "tplink-c7-1907-swconfig.txt"


def test_assumed_dropbear_is_cited_as_the_default(tmp_path):
    (tmp_path / "c7.txt").write_text((FIXTURES / C7).read_text())
    audit = run_audit([tmp_path], None)
    vty = [f for f in audit.findings if f.check == "mgmt-vty-no-access-class"]
    assert vty, "the assumed SSH server has no source restriction"
    for f in vty:
        assert [e["line"] for e in f.evidence] == [None]
        assert cite_loc(f.evidence[0], "en") == "c7.txt (default)"
        assert cite_loc(f.evidence[0], "vi") == "c7.txt (mặc định)"


def test_defaults_have_no_line_and_sections_keep_theirs():
    dev, _ = office()  # no dropbear package: ssh, the kernel's echo
    by_name = {s.name: s for s in dev.services}
    assert by_name["ssh"].source is None
    assert by_name["icmp-echo"].source is None
    dev, _ = office("""
    package dropbear

    config dropbear
    \toption PasswordAuth 'on'
    \toption Port '22'
    """)
    ssh = next(s for s in dev.services if s.name == "ssh")
    assert ssh.source is not None and ssh.source.text == "config dropbear"


def test_assumed_dnsmasq_is_a_default():
    """The Turris Omnia's /etc/config files without the dhcp file: dnsmasq assumed."""
    text = (FIXTURES / "omnia-upnp-iptv-files.txt").read_text()
    head, rest = text.split("==> /etc/config/dhcp <==")
    text = head + "==> /etc/config/firewall <==" + rest.split("==> /etc/config/firewall <==")[1]
    dev, rep = parse(text, "omnia.txt")
    assert any("dnsmasq" in w and "assumed" in w for w in rep.warnings)
    dns = [s for s in dev.services if s.name == "dns"]
    assert dns and all(s.source is None for s in dns)


P910ND = """
package firewall

config rule
\toption name 'guest-printer'
\toption src 'guest'
\toption proto 'tcp'
\toption dest_port '9100'
\toption target 'ACCEPT'

package p910nd

config p910nd
\toption device '/dev/usb/lp0'
\toption port '0'
\toption bind '192.168.1.1'
\toption runas_root '0'
\toption mdns '0'
\toption enabled '1'

config p910nd
\toption device '/dev/usb/lp1'
\toption port '1'
\toption enabled '0'
"""


def test_p910nd_print_server_listens_on_9100_plus_port_at_its_bind_address():
    """A USB printer shared by the router (found on a real export with three p910nd
    printers bound to the LAN address): the package was not read, so every TCP/UDP port
    of the router was possibly open and guest → @devices through a rule opening the
    printer port was unknown; p910nd's init script runs one daemon per section unless
    `enabled '0'`, on TCP 9100+port at the `bind` address."""
    dev, rep = office(P910ND)
    svc = [s for s in dev.services if s.name == "p910nd"]
    assert [(s.protocol, s.ports[0].lo, s.ports[0].hi) for s in svc] == [(PROTO_TCP, 9100, 9100)]
    assert [ln.matches[0].dst for ln in dev.filters[svc[0].acl].lines]
    assert not any(s.name.startswith("any-") for s in dev.services)
    assert rep.unrecognized == []
    cell = cells(dev)[("guest", "@devices")]
    assert (cell.verdict, cell.services, cell.maybe_services) == ("reachable", ["tcp/9100", "udp/53", "udp/67"], [])
