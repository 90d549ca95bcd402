"""What an OpenWrt router runs without a section saying so (dropbear, dnsmasq, the
kernel's ICMP echo) is cited as a default — ``file (default)`` — never at line 1 or at
the hostname line; a dropbear section is cited at its own line."""

from __future__ import annotations

from netaudit.audit import run_audit
from netaudit.report import cite_loc

from .helpers import FIXTURES, office, parse

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
