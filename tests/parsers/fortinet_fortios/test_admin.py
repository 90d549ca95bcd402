"""FortiOS administrative access and the control plane (netaudit.parsers.fortinet_fortios.admin)."""

from __future__ import annotations

from netaddr import IPNetwork

from netaudit.model import AddrMatch, PortRange
from netaudit.reach import BLOCKED, REACHABLE

from .helpers import ZONES, analyse, cfg, dev_of, policies, policy

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
