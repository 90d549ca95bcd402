"""FortiOS administrative access and the control plane (netaudit.parsers.fortinet_fortios.admin)."""

from __future__ import annotations

from netaddr import IPNetwork

from netaudit.audit import run_audit
from netaudit.model import AddrMatch, PortRange
from netaudit.reach import BLOCKED, REACHABLE

from .helpers import FIXTURES, ZONES, analyse, cfg, dev_of, policies, policy

ACCESS = """    edit "mgmt"
        set vdom "root"
        set ip 10.0.99.1 255.255.255.0
        set allowaccess ping https ssh snmp
    next
"""


def test_allowaccess_services_are_pinned_to_their_interface():
    dev, _ = dev_of(cfg(ifaces=ACCESS))
    names = sorted(s.name for s in dev.services)
    assert names == ["https", "icmp-echo", "ssh"]  # no SNMP community: nothing answers
    https = next(s for s in dev.services if s.name == "https")
    assert https.ports == (PortRange(443, 443),) and https.interfaces is None
    assert https.acl == "allowaccess mgmt https"
    assert https.source.text == "set allowaccess ping https ssh snmp"
    acl = dev.filters[https.acl]
    assert acl.lines[0].matches[0].dst == (AddrMatch.host(int(IPNetwork("10.0.99.1/32").ip)),)
    assert dev.input_filter == "local-in"


def test_admin_ports_from_system_global_and_telnet_switch():
    text = cfg(ifaces=ACCESS.replace("ssh snmp", "ssh http telnet")).replace(
        'set hostname "FGT"',
        'set hostname "FGT"\n    set admin-sport 10443\n    set admin-port 8080\n'
        "    set admin-ssh-port 2222\n    set admin-telnet disable",
    )
    dev, _ = dev_of(text)
    ports = {s.name: s.ports for s in dev.services}
    assert ports["https"] == (PortRange(10443, 10443),) and ports["http"] == (PortRange(8080, 8080),)
    assert ports["ssh"] == (PortRange(2222, 2222),) and "telnet" not in ports
    assert next(s for s in dev.services if s.name == "http").insecure


def test_trusthosts_restrict_admin_sources_only_when_every_admin_has_them():
    admins = """
config system admin
    edit "admin"
        set accprofile "super_admin"
        set trusthost1 10.0.99.0 255.255.255.0
        set password ENC SH2QWERTYUIOPASDFGHJKL
    next
    edit "ops"
        set accprofile "prof_admin"
        set trusthost1 10.0.99.10 255.255.255.255
        set trusthost2 10.0.10.50 255.255.255.255
    next
end
"""
    dev, _ = dev_of(cfg(admins, ifaces=ACCESS))
    acl = dev.filters["allowaccess mgmt https"]
    assert [line.matches[0].src for line in acl.lines] == [
        (AddrMatch.prefix("10.0.99.0/24"),),
        (AddrMatch.prefix("10.0.10.50/32"),),
    ]
    assert dev.facts.admin_trusthosts == ["10.0.99.0/24", "10.0.10.50/32"]
    assert "SH2QWERTYUIOPASDFGHJKL" in dev.secrets
    # one account without trusted hosts opens the login service to every source
    open_admins = admins.replace(
        "        set trusthost1 10.0.99.10 255.255.255.255\n        set trusthost2 10.0.10.50 255.255.255.255\n", ""
    )
    dev, _ = dev_of(cfg(open_admins, ifaces=ACCESS))
    assert len(dev.filters["allowaccess mgmt https"].lines) == 1
    assert dev.filters["allowaccess mgmt https"].lines[0].matches[0].src is None
    assert dev.facts.admin_trusthosts is None


def test_admin_access_from_another_interface_needs_a_firewall_policy():
    """FortiOS: reaching interface Y's address from interface X is X → Y through traffic."""
    zones = dict(ZONES, mgmt={"kind": "management", "subnets": ["10.0.99.0/24"], "attach": ["FGT:mgmt"]})
    wan_https = cfg(ifaces=ACCESS).replace(
        "        set role wan\n", "        set role wan\n        set allowaccess https\n"
    )
    _, cells = analyse(wan_https, zones)
    assert cells[("staff", "@devices")].verdict == BLOCKED  # no policy lan → wan1
    assert cells[("internet", "@devices")].services == ["tcp/443"]  # same interface: allowaccess alone
    assert cells[("mgmt", "@devices")].services == ["icmp/8", "tcp/22", "tcp/443"]
    text = wan_https + policies(policy(1, '"lan"', '"wan1"', '"LAN"', '"all"', extra="        set nat enable\n"))
    _, cells = analyse(text, zones)
    c = cells[("staff", "@devices")]
    assert c.verdict == REACHABLE and c.services == ["tcp/443"]
    rules = [r["text"] for r in c.witness.to_json()["hops"][0]["rules"]]
    assert rules[0].startswith('policy 1: srcintf "lan" → dstintf "wan1"') and rules[0].endswith("nat enable")
    assert rules[1].startswith("set allowaccess")
    # a policy towards another interface does not open wan1's address
    text = wan_https + policies(policy(1, '"lan"', '"srv"', '"LAN"', '"all"'))
    _, cells = analyse(text, zones)
    assert cells[("staff", "@devices")].verdict == BLOCKED


def test_local_in_policy_is_evaluated_before_allowaccess():
    text = cfg("""
config firewall local-in-policy
    edit 1
        set intf "wan1"
        set srcaddr "all"
        set dstaddr "all"
        set action deny
        set service "HTTPS"
        set schedule "always"
    next
end
""").replace("        set role wan\n", "        set role wan\n        set allowaccess ping https\n")
    dev, rep = dev_of(text)
    assert dev.filters["local-in"].lines[0].name == "local-in 1"
    _, cells = analyse(text)
    assert cells[("internet", "@devices")].services == ["icmp/8"]
    assert not rep.unrecognized


def test_local_in_default_is_cited_at_its_section():
    text = cfg(policies(policy(1, '"lan"', '"wan1"', '"LAN"', '"all"')))
    dev, _ = dev_of(text)
    fwd, local = dev.filters["firewall-policy"], dev.filters["local-in"]
    assert fwd.source.text == "config firewall policy"
    assert local.source == fwd.source  # no local-in policies: the forward ones decide
    text += (
        'config firewall local-in-policy\n    edit 1\n        set intf "wan1"\n        set srcaddr "all"\n'
        '        set dstaddr "all"\n        set action deny\n        set service "ALL"\n'
        '        set schedule "always"\n    next\nend\n'
    )
    dev, _ = dev_of(text)
    assert dev.filters["local-in"].source.text == "config firewall local-in-policy"


def test_dhcp_server_and_snmp_with_hosts():
    text = cfg(
        """
config system dhcp server
    edit 1
        set default-gateway 10.0.50.1
        set netmask 255.255.255.0
        set interface "guest"
        config ip-range
            edit 1
                set start-ip 10.0.50.10
                set end-ip 10.0.50.200
            next
        end
    next
end
config system snmp sysinfo
    set status enable
end
config system snmp community
    edit 1
        set name "giam-sat-ro"
        config hosts
            edit 1
                set ip 10.0.10.20 255.255.255.255
            next
        end
    next
end
""",
        ifaces="""    edit "mgmt"
        set vdom "root"
        set ip 10.0.99.1 255.255.255.0
        set allowaccess snmp
    next
""",
    )
    dev, rep = dev_of(text)
    snmp = next(s for s in dev.services if s.name == "snmp")
    assert dev.filters[snmp.acl].lines[0].matches[0].src == (AddrMatch.prefix("10.0.10.20/32"),)
    assert "giam-sat-ro" in dev.secrets
    _, cells = analyse(text)
    assert cells[("guest", "@devices")].services == ["udp/67"]
    assert not rep.unrecognized


SSLVPN_ZONE = """
config system zone
    edit "NOI-BO"
        set interface "lan" "srv"
    next
end
config vpn ssl settings
    set servercert "vpn.so-tttt.gov.vn"
    set port 4443
    set source-interface "wan1" "NOI-BO"
    set source-address "LAN" "SRV"
    set default-portal "web-access"
end
"""


def test_sslvpn_listens_on_the_members_of_a_zone_named_in_source_interface():
    """`config vpn ssl settings` `set source-interface` may name a zone (real FortiOS 7.2
    backup: `set source-interface "lan2" "wan" "LAN"`, LAN a zone): the portal listens on
    every member's address. It was dropped silently (a listener missing → staff → @devices
    lost tcp/4443)."""
    text = cfg(SSLVPN_ZONE)
    dev, _rep = dev_of(text)
    ssl = sorted(s.acl for s in dev.services if s.name == "sslvpn")
    assert ssl == ["sslvpn lan", "sslvpn srv", "sslvpn wan1"]
    assert all(s.ports == (PortRange(4443, 4443),) for s in dev.services if s.name == "sslvpn")
    assert not [r for r in dev.references if r.kind == "interface"]
    _, cells = analyse(text)
    assert cells[("staff", "@devices")].verdict == REACHABLE
    assert "tcp/4443" in [str(s) for s in cells[("staff", "@devices")].services]


def test_sslvpn_source_interface_any_listens_on_every_interface():
    text = cfg(SSLVPN_ZONE.replace('"wan1" "NOI-BO"', '"any"').replace('"LAN" "SRV"', '"all"'))
    dev, _ = dev_of(text)
    ssl = sorted(s.acl for s in dev.services if s.name == "sslvpn")
    assert ssl == ["sslvpn guest", "sslvpn lan", "sslvpn srv", "sslvpn wan1"]


def test_sslvpn_sources_read_exactly_are_admitted_exactly_beside_a_geography_address():
    """`set source-address "LAN" "geo-vn"` (a real 7.2 backup lets the LAN and a country in):
    the LAN is admitted for certain — staff → @devices reaches the portal — and only the
    sources the geography address may hold are maybe; before, one name not read made the
    whole SSL-VPN service partial and the staff cell unknown."""
    geo = 'config firewall address\n    edit "geo-vn"\n        set type geography\n        set country "VN"\n    next\nend\n'
    text = cfg(geo + SSLVPN_ZONE.replace('"LAN" "SRV"', '"LAN" "geo-vn"'))
    dev, _ = dev_of(text)
    ssl = [s for s in dev.services if s.name == "sslvpn"]
    assert ssl and not [s for s in ssl if s.partial]
    acl = dev.filters[ssl[0].acl]
    assert [ln.partial is None for ln in acl.lines] == [True, False] and "geography" in acl.lines[1].partial
    _, cells = analyse(text)
    staff = cells[("staff", "@devices")]
    assert staff.verdict == REACHABLE and "tcp/4443" in [str(s) for s in staff.services]


# --------------------------------------------------------------------------- L2TP and PPTP servers

DIALUP = """config vpn ipsec phase1-interface
    edit "L2TP-TUXA"
        set type dynamic
        set interface "wan1"
        set peertype any
        set net-device disable
        set proposal aes256-sha256
        set psksecret ENC Vm1sWnNaV0ZzTFZSMWVHRXRVRGN0TWpBeU5RPT0=
    next
end
config vpn ipsec phase2-interface
    edit "L2TP-TUXA"
        set phase1name "L2TP-TUXA"
        set proposal aes256-sha256
        set encapsulation transport-mode
    next
end
"""


def l2tp(*settings: str) -> str:
    body = "".join(f"    set {s}\n" for s in settings)
    return f'config vpn l2tp\n{body}    set sip 10.0.200.10\n    set eip 10.0.200.50\n    set usrgrp "L2TP"\nend\n'


def _l2tp_services(dev) -> dict[str, tuple[str, str | None]]:
    """acl name → (service name, partial reason) of the L2TP and PPTP listeners."""
    return {s.acl: (s.name, s.partial) for s in dev.services if s.name in ("l2tp", "l2tp-ipsec", "pptp")}


def test_l2tp_enforced_inside_ipsec_is_the_dialup_interfaces_vpn_endpoint():
    """``enforce-ipsec enable``: L2TP is taken inside the dial-up IPsec only — udp/1701 on
    wan1, where the transport-mode phase1 terminates, is the edge's VPN endpoint
    (``l2tp-ipsec``): the Internet reaches it within the reference policy.  Before, the
    section was "not modelled" and udp/1701 absent from the cell."""
    dev, rep = dev_of(cfg(DIALUP, l2tp("status enable", "enforce-ipsec enable")))
    assert _l2tp_services(dev) == {"l2tp-ipsec wan1": ("l2tp-ipsec", None)}
    assert not any("l2tp" in p["construct"] for p in rep.partially_understood)
    assert rep.unrecognized == []
    _, cells = analyse(cfg(DIALUP, l2tp("status enable", "enforce-ipsec enable")))
    internet = cells[("internet", "@devices")]
    assert {"udp/500", "udp/1701", "udp/4500"} <= set(internet.services)
    # Inside, nothing answers udp/1701 (the LAN reaches wan1's address only through a policy)
    assert "udp/1701" not in cells[("staff", "@devices")].services


def test_cleartext_l2tp_answers_where_clients_connect_and_maybe_elsewhere():
    """``enforce-ipsec disable`` (the default; 5.x has no such setting): cleartext L2TP is
    accepted — ``l2tp``, no VPN endpoint — on the dial-up and ``role wan`` interfaces, and
    on the other interfaces for all the configuration says (partial, never absent)."""
    for text in (
        cfg(DIALUP, l2tp("status enable", "enforce-ipsec disable")),
        cfg(DIALUP, l2tp("status enable")),
    ):
        dev, rep = dev_of(text)
        found = _l2tp_services(dev)
        assert found["l2tp wan1"] == ("l2tp", None)
        for ifn in ("lan", "srv", "guest"):
            name, why = found[f"l2tp {ifn}"]
            assert name == "l2tp" and "enforce-ipsec disable" in why
        assert [p["construct"] for p in rep.partially_understood if "l2tp" in p["construct"]] == ["config vpn l2tp"]


def test_l2tp_enforced_without_a_dialup_phase1_interface_is_partial_everywhere():
    """A FortiOS 5.x policy-based L2TP/IPsec (``config vpn ipsec phase1``, not read): where
    IPsec terminates is not known, so every interface may answer — partial, not absent;
    a tunnel-mode dial-up phase2 carries no L2TP."""
    tunnel_mode = DIALUP.replace("        set encapsulation transport-mode\n", "")
    for text in (
        cfg(l2tp("status enable", "enforce-ipsec enable")),
        cfg(tunnel_mode, l2tp("status enable", "enforce-ipsec enable")),
    ):
        dev, _ = dev_of(text)
        found = _l2tp_services(dev)
        assert set(found) == {f"l2tp-ipsec {i}" for i in ("wan1", "lan", "srv", "guest")}
        assert all(name == "l2tp-ipsec" and why for name, why in found.values())


def test_l2tp_and_pptp_disabled_listen_nowhere():
    """``status disable`` (the default) and a section without ``status``: no listener, no
    note; an unknown status may be running — partial."""
    for text in (
        cfg(DIALUP, l2tp("status disable", "enforce-ipsec disable")),
        cfg(DIALUP, l2tp("enforce-ipsec disable")),
        cfg('config vpn pptp\n    set status disable\n    set usrgrp "PPTP"\nend\n'),
    ):
        dev, rep = dev_of(text)
        assert _l2tp_services(dev) == {}
        assert rep.unrecognized == [] and rep.partially_understood == []
    dev, rep = dev_of(cfg(DIALUP, l2tp("status standby")))
    assert all(why and "status standby" in why for _, why in _l2tp_services(dev).values())
    assert [u.line for u in rep.unrecognized]


def test_pptp_server_is_a_cleartext_listener_on_the_wan_and_maybe_elsewhere():
    """``config vpn pptp`` ``status enable``: PPTP (tcp/1723, no VPN endpoint: no encryption
    worth the name) on the ``role wan`` interface — the Internet reaching it is a finding —
    and partial on the others.  Before, the section was "not modelled" and the port absent."""
    pptp = """config vpn pptp
    set status enable
    set ip-mode range
    set eip 10.0.201.50
    set sip 10.0.201.10
    set usrgrp "PPTP-NHANVIEN"
end
"""
    dev, rep = dev_of(cfg(pptp))
    found = _l2tp_services(dev)
    assert found["pptp wan1"] == ("pptp", None)
    assert all(found[f"pptp {i}"][1] for i in ("lan", "srv", "guest"))
    assert rep.unrecognized == []
    _, cells = analyse(cfg(pptp))
    assert "tcp/1723" in cells[("internet", "@devices")].services


def test_ward_l2tp_over_ipsec_is_no_finding_and_cleartext_l2tp_is(tmp_path):
    """The ward's FortiGate 60F (fixture ubnd-phuong-l2tp): staff work from home over
    L2TP/IPsec with ``enforce-ipsec enable`` — udp/1701 on wan1 is the edge's VPN endpoint,
    no finding on internet → @devices.  The same backup with ``enforce-ipsec disable``
    accepts cleartext L2TP from the Internet: a high policy-violation citing that line."""
    conf = FIXTURES / "ubnd-phuong-l2tp.conf"
    site = FIXTURES / "ubnd-phuong-l2tp.site.yaml"
    a = run_audit([conf], site)
    [rep] = a.snapshot.reports
    assert rep.unrecognized == []
    cells = {(c.src, c.dst): c for c in a.matrix}
    assert set(cells[("internet", "@devices")].services) == {"udp/500", "udp/1701", "udp/4500"}
    assert not [f for f in a.findings if f.zones == ["internet", "@devices"]]
    assert cells[("khach", "canbo")].verdict == BLOCKED
    clear = tmp_path / "FGT-UBND-P7.conf"
    clear.write_text(
        conf.read_text(encoding="utf-8").replace("enforce-ipsec enable", "enforce-ipsec disable"), encoding="utf-8"
    )
    a = run_audit([clear], site)
    [f] = [f for f in a.findings if f.zones == ["internet", "@devices"]]
    assert (f.check, f.severity) == ("policy-violation", "high")
    assert "set enforce-ipsec disable" in {e["text"] for e in f.evidence}


def test_a_policy_copy_in_local_in_is_no_shadowed_line_of_its_own(tmp_path):
    """Found on a real FortiGate-VM core (two DHCP ports, two RDP VIPs, `set fsso
    disable` on each policy): once its policies were understood, each one's copy in the
    synthesized `local-in` filter (traffic to the FortiGate's own run-time addresses) was
    reported "can never match", shadowed by "set mode dhcp" — three false findings on lines
    nobody wrote — and a policy shadowed in firewall-policy was reported twice (here: policy
    3, also as its copy); now once, on firewall-policy."""
    from netaudit.audit import run_audit

    text = cfg(
        policies(
            policy(1, '"wan2"', '"lan"', service='"RDP"'),
            policy(2, '"lan"', '"wan2"', extra="        set nat enable\n"),
            policy(3, '"lan"', '"wan2"', service='"HTTPS"'),
        ),
        ifaces='    edit "wan2"\n        set vdom "root"\n        set mode dhcp\n        set role wan\n    next\n',
    )
    (tmp_path / "fgt.conf").write_text(text, encoding="utf-8")
    a = run_audit([tmp_path])
    shadowed = [f for f in a.findings if f.check == "shadowed-acl-line"]
    assert [f.evidence[0]["text"].split(":")[0] for f in shadowed] == ["policy 3"]
    assert all('"firewall-policy"' in f.detail["en"] for f in shadowed)
