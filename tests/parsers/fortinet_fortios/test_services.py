"""FortiOS services, groups and predefined services (netaudit.parsers.fortinet_fortios.services)."""

from __future__ import annotations

from netaudit.model import PortRange

from .helpers import cfg, dev_of, policies, policy


def test_predefined_services_when_the_backup_lacks_them():
    dev, _ = dev_of(cfg(policies(policy(1, '"lan"', '"srv"', service='"Windows AD" "RLOGIN" "ALL_ICMP" "GRE"'))))
    ms = dev.filters["firewall-policy"].lines[0].matches
    protos = sorted(p for m in ms for p in m.protocols)
    assert protos == [1, 6, 6, 17, 47]
    rlogin = [m for m in ms if m.src_ports]
    assert rlogin and rlogin[0].src_ports == (PortRange(512, 1023),) and rlogin[0].dst_ports == (PortRange(513, 513),)
    assert not dev.filters["firewall-policy"].lines[0].partial


def test_custom_service_port_ranges_and_protocols():
    text = cfg(
        """
config firewall service custom
    edit "APP"
        set tcp-portrange 8000-8010 9443:1024-65535
        set udp-portrange 5000
    next
    edit "PROTO-50"
        set protocol IP
        set protocol-number 50
    next
    edit "UNREACH"
        set protocol ICMP
        set icmptype 3
        set icmpcode 4
    next
end
""",
        policies(policy(1, '"lan"', '"srv"', service='"APP" "PROTO-50" "UNREACH"')),
    )
    dev, rep = dev_of(text)
    ms = dev.filters["firewall-policy"].lines[0].matches
    keys = sorted(((m.protocols, m.dst_ports, m.src_ports, m.icmp_type, m.icmp_code) for m in ms), key=repr)
    assert keys == sorted(
        [
            ((1,), None, None, 3, 4),
            ((6,), (PortRange(8000, 8010),), None, None, None),
            ((6,), (PortRange(9443, 9443),), (PortRange(1024, 65535),), None, None),
            ((17,), (PortRange(5000, 5000),), None, None, None),
            ((50,), None, None, None, None),
        ],
        key=repr,
    )
    assert not rep.unrecognized


def test_fortios_5_explicit_proxy_service_is_read_as_a_proxy_service():
    """FortiOS 5.2/5.4 name the flag of an explicit-proxy service `set explicit-proxy
    enable` (6.0+: `set proxy enable`); the 5.x factory backup has it on "webproxy"
    (sweep: a FortiGate-VM64 5.2 backup). It is read, not reported as unrecognized, and
    the service is partial for a firewall policy, as with `proxy enable`."""
    text = cfg(
        """
config firewall service custom
    edit "webproxy"
        set explicit-proxy enable
        set category "Web Proxy"
        set protocol ALL
        set tcp-portrange 0-65535:0-65535
    next
    edit "PROXY-TCP"
        set explicit-proxy enable
        set tcp-portrange 8080
    next
end
""",
        policies(policy(1, '"lan"', '"srv"', service='"webproxy"'), policy(2, '"lan"', '"srv"', service='"PROXY-TCP"')),
    )
    dev, rep = dev_of(text)
    l1, l2 = dev.filters["firewall-policy"].lines
    assert "explicit-proxy service" in l1.partial
    assert "explicit-proxy service" in l2.partial  # not read as plain tcp/8080
    assert not rep.unrecognized
