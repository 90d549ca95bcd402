"""The FortiOS parser as a whole: detection, devices and VDOMs, robustness, a small office."""

from __future__ import annotations

from pathlib import Path

import pytest

from netaudit.model import IfKind, PortRange
from netaudit.parsers import cisco_ios
from netaudit.parsers import fortinet_fortios as F
from netaudit.reach import BLOCKED, REACHABLE, UNKNOWN

from .helpers import FIXTURES, HEAD, analyse, cfg, dev_of, parse


def test_detect_fortios_not_ios():
    text = cfg()
    assert F.detect(text) == 100
    assert F.detect(text.replace(HEAD, "")) >= 80
    assert cisco_ios.detect(text) == 0
    ios = (Path(__file__).resolve().parents[2] / "fixtures" / "cisco_ios" / "core-l3.cfg").read_text()
    assert F.detect(ios) == 0
    assert F.detect("") == 0
    assert F.detect("set system host-name x\nedit interfaces\n") == 0


def test_hostname_version_and_model_from_header():
    dev, rep = dev_of(cfg())
    assert dev.hostname == "FGT" and dev.vendor == "fortinet_fortios"
    assert dev.os_version == "7.2.5 build1517" and dev.facts.model == "FG100F"
    assert dev.source.line == 3 and rep.devices == ["FGT"]
    assert not rep.unrecognized and not rep.partially_understood


def test_vdoms_give_one_device_each_with_their_interfaces():
    res = parse((FIXTURES / "multi-vdom.conf").read_text(), "multi-vdom.conf")
    names = [d.hostname for d in res.devices]
    assert names == ["FGT-SO-TTTT/root", "FGT-SO-TTTT/KHACH"]
    root, khach = res.devices
    assert set(root.interfaces) == {"port1", "port2", "vlink0"}
    assert set(khach.interfaces) == {"port3", "vlink1"}
    assert [line.name for line in khach.filters["firewall-policy"].lines] == ["1"]
    # global admin port applies to every VDOM
    ssh = [s for s in root.services if s.name == "ssh"]
    assert ssh and ssh[0].ports == (PortRange(2222, 2222),)
    assert not res.report.unrecognized


def test_vdoms_are_linked_by_their_vdom_link_subnet():
    zones = {
        "office": {"kind": "internal", "subnets": ["10.1.10.0/24"], "attach": ["FGT-SO-TTTT/root:port2"]},
        "guest": {"kind": "guest", "subnets": ["10.9.50.0/24"], "attach": ["FGT-SO-TTTT/KHACH:port3"]},
        "internet": {"kind": "external", "attach": ["FGT-SO-TTTT/root:port1"]},
    }
    _, cells = analyse((FIXTURES / "multi-vdom.conf").read_text(), zones)
    # guest VDOM → vlink → root VDOM policy 2 (HTTP, HTTPS, DNS only) → Internet
    assert cells[("guest", "internet")].verdict == REACHABLE
    assert cells[("guest", "internet")].services == ["tcp/53", "tcp/80", "tcp/443", "udp/53"]
    assert cells[("guest", "office")].verdict == BLOCKED


def test_interface_of_an_undeclared_vdom_is_left_out_with_a_warning():
    text = (
        (FIXTURES / "multi-vdom.conf")
        .read_text()
        .replace('edit "port3"\n        set vdom "KHACH"', 'edit "port3"\n        set vdom "GHOST"')
    )
    res = parse(text)
    assert all("port3" not in d.interfaces for d in res.devices)
    assert any("VDOM 'GHOST'" in w for w in res.report.warnings)


def test_unknown_sections_are_reported_not_raised():
    text = cfg("""
config system brand-new-feature
    edit 1
        set knob on
    next
end
config firewall policy
    edit 1
        set srcintf "lan"
        set dstintf "wan1"
        set srcaddr "all"
        set dstaddr "all"
        set action accept
        set service "ALL"
        set mystery-setting 42
    next
""")
    res = parse(text)
    unrec = [u.text for u in res.report.unrecognized]
    assert unrec[:5] == ["config system brand-new-feature", "edit 1", "set knob on", "next", "end"]
    assert "set mystery-setting 42" in unrec
    assert any("truncated" in w for w in res.report.warnings)
    assert any("not recognized" in w for w in res.report.warnings)
    line = res.devices[0].filters["firewall-policy"].lines[0]
    assert "mystery-setting" in line.partial


def test_fortios5_session_sync_and_gui_console_sections_are_ignored():
    """A real FortiOS 5.2 multi-VDOM backup writes `config system session-sync` (FGSP,
    named `system cluster-sync` since 6.0, which is ignored) and, in its global part,
    `config gui console` (the GUI console widget's preferences): both were reported as
    unrecognized sections."""
    res = parse(
        cfg("""
config system session-sync
end
config system session-sync
    edit 1
        set peerip 10.10.10.2
        set syncvd "root"
    next
end
config gui console
    unset preferences
end
""")
    )
    assert res.report.unrecognized == []
    assert not any("not recognized" in w for w in res.report.warnings)


@pytest.mark.parametrize("section", ["firewall proxy-policy", "firewall explicit-proxy-policy"])
def test_explicit_proxy_policies_are_read_under_either_name(section):
    """FortiOS 5.2 names the explicit-proxy policies `explicit-proxy-policy` (later
    `proxy-policy`): either is read for the clients the explicit proxy admits
    (proxy.py; a real 5.2 multi-VDOM backup); a transparent-web policy is not modelled,
    said as such."""
    res = parse(
        cfg(f"""
config {section}
    edit 1
        set proxy explicit-web
        set dstintf "wan1"
        set srcaddr "all"
        set dstaddr "all"
        set service "webproxy"
        set action accept
        set schedule "always"
    next
    edit 2
        set proxy transparent-web
        set srcintf "lan"
        set dstintf "wan1"
        set srcaddr "all"
        set dstaddr "all"
        set service "webproxy"
        set action accept
        set schedule "always"
    next
end
""")
    )
    assert not [u for u in res.report.unrecognized if "proxy" in u.text]
    assert [(p["construct"], p["reason"]) for p in res.report.partially_understood] == [
        (f"{section} 2", "transparent-web proxy policies not modelled")
    ]


def test_line_accounting_adds_up():
    res = parse((FIXTURES / "multi-vdom.conf").read_text())
    rep = res.report
    assert rep.lines == 131 and rep.ignored + len(rep.unrecognized) <= rep.lines


@pytest.mark.parametrize(
    "junk",
    [
        "",
        "\n\n",
        "config\n",
        "edit\nnext\nend\n",
        "set\n",
        'config system interface\n    edit "a\n',
        "\x00\x01 config x\n",
        "config firewall policy\n    edit 1\n        set srcintf\n        set service\n    next\nend\n",
    ],
)
def test_garbage_never_raises(junk):
    res = parse(junk)
    assert res.report.lines == len(junk.splitlines())


def test_small_office_60f_with_pppoe_wan_and_hardware_switch():
    res = parse((FIXTURES / "commune-60f-pppoe.conf").read_text(), "commune-60f-pppoe.conf")
    dev, rep = res.devices[0], res.report
    assert dev.hostname == "FGT60F-UBND-XA" and dev.os_version == "7.0.12 build0523"
    assert not rep.unrecognized
    assert rep.partially_understood == []  # PPPoE: a run-time address, modelled
    assert dev.interfaces["internal"].kind == IfKind.BRIDGE
    assert dev.interfaces["internal3"].parent == "internal"
    assert dev.interfaces["VL40-KHACH"].parent == "internal"
    [ssid] = dev.ssids
    assert ssid.vlan == 40 and ssid.interface is None and ssid.open_auth
    assert "q1w2e3r4t5y6u7i8o9p0" in dev.secrets
    zones = {
        "staff": {"kind": "internal", "subnets": ["192.168.10.0/24"], "attach": ["FGT60F-UBND-XA:internal2"]},
        "guest": {"kind": "guest", "subnets": ["192.168.40.0/24"], "attach": ["FGT60F-UBND-XA:VL40-KHACH"]},
        "internet": {"kind": "external", "attach": ["FGT60F-UBND-XA:wan1"]},
    }
    _, cells = analyse((FIXTURES / "commune-60f-pppoe.conf").read_text(), zones)
    # no static default route: the PPPoE peer's default route leads into the Internet zone
    assert cells[("staff", "internet")].verdict == REACHABLE
    assert cells[("guest", "staff")].verdict == BLOCKED
    # icmp/8: the guest → wan1 policy and `allowaccess ping` on wan1 answer pings to the
    # PPPoE address, whatever it is (as they would to a fixed address)
    assert cells[("guest", "@devices")].services == ["icmp/8", "udp/67"]
    assert cells[("staff", "@devices")].services == ["icmp/8", "tcp/22", "tcp/443", "udp/67"]


# What a VDOM administrator gets from System > Configuration > Backup (REST
# config/backup?scope=vdom): `#global_vdom=0:vd_name=…`, one VDOM's sections only — no
# `config system global` (admin ports, admin-telnet), no `config system admin` (trusted
# hosts), no SNMP, no NTP.
VDOM_SCOPE = """#config-version=FGVM64-6.4.9-FW-build1966-220421:opmode=0:vdom=1:user=admin-cn
#conf_file_ver=15442654067111466602
#buildno=1966
#global_vdom=0:vd_name=CN-HANOI
config system interface
    edit "port1"
        set vdom "CN-HANOI"
        set ip 172.16.19.2 255.255.255.0
        set allowaccess ping https ssh http telnet snmp fgfm
        set type physical
        set snmp-index 1
    next
    edit "port2"
        set vdom "CN-HANOI"
        set ip 10.0.0.1 255.255.0.0
        set type physical
        set snmp-index 2
    next
end
config firewall policy
    edit 2
        set srcintf "port1"
        set dstintf "port2"
        set srcaddr "all"
        set dstaddr "all"
        set schedule "always"
        set service "ALL"
        set comments "Deny all"
    next
end
config router static
    edit 1
        set gateway 172.16.19.1
        set device "port1"
    next
end
"""


def test_vdom_scope_backup_takes_no_control_plane_certainty_from_defaults():
    """A one-VDOM backup lacks the global configuration: the admin ports, Telnet, trusted
    hosts and SNMP of the box are not in it.  Services that depend on them are partial
    (never certain from defaults), the file is reported, the VDOM's policies are used."""
    from netaudit.zones import site_from_dict

    from .helpers import run_engine

    res = parse(VDOM_SCOPE, "fw-cn-hanoi.conf")
    [dev] = res.devices
    rep = res.report
    assert dev.hostname == "fw-cn-hanoi" and dev.context == "CN-HANOI"
    [warning] = [w for w in rep.warnings if "single-VDOM" in w]
    assert warning.startswith("fw-cn-hanoi.conf:4: ") and "CN-HANOI" in warning
    svc = {s.name: s for s in dev.services}
    for name in ("https", "http", "ssh", "telnet", "snmp"):
        assert svc[name].partial and "global" in svc[name].partial, name
    assert "trusted hosts" in svc["https"].partial and "port" in svc["https"].partial
    assert svc["https"].ports == (PortRange(443, 443),)  # its default port: partial …
    other = svc["https/ssh/http/telnet (other port)"]  # … and admin-sport may be any other
    assert other.ports == () and other.partial and "admin-sport" in other.partial
    assert svc["icmp-echo"].partial is None and svc["fgfm"].partial is None  # no global setting
    # NTP server mode is global too: it may answer on any of the VDOM's addresses
    assert {s.acl for s in dev.services if s.name == "ntp"} == {"ntp port1", "ntp port2"}
    assert all(s.partial for s in dev.services if s.name == "ntp")
    assert dev.facts.vdom_scope == "CN-HANOI"
    site = site_from_dict(
        {
            "unit": "t",
            "level": 2,
            "zones": {
                "outside": {"kind": "external", "attach": ["fw-cn-hanoi:port1"]},
                "lan": {"kind": "internal", "subnets": ["10.0.0.0/16"], "attach": ["fw-cn-hanoi:port2"]},
            },
        }
    )
    a = run_engine(res.devices, site)
    c = a.cells[("outside", "@devices")]
    assert c.verdict == REACHABLE and c.services == ["icmp/8", "tcp/541"]  # ping and fgfm: in the file
    # https, ssh, http, telnet on any port, SNMP and NTP: unknown, not certain
    assert a.engine.hs.services(c.maybe) == ["tcp", "udp/123", "udp/161"]
    c = a.cells[("lan", "@devices")]
    assert c.verdict == UNKNOWN and "config system ntp" in str(c.reason)
    # the VDOM's own policy analysis stands: the deny policy blocks outside → lan
    assert a.cells[("outside", "lan")].verdict == BLOCKED


def test_full_backup_in_vdom_mode_is_not_a_vdom_scope_backup():
    res = parse((FIXTURES / "multi-vdom.conf").read_text(), "multi-vdom.conf")
    assert not any("single-VDOM" in w for w in res.report.warnings)
    root = res.devices[0]
    assert root.facts.vdom_scope is None
    assert all(s.partial is None for s in root.services)
    # a backup without VDOMs (#global_vdom=1, no vd_name) neither
    dev, rep = dev_of(cfg())
    assert dev.facts.vdom_scope is None and not rep.warnings
