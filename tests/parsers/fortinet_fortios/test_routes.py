"""FortiOS static and dynamic routing (netaudit.parsers.fortinet_fortios.routes)."""

from __future__ import annotations

from netaddr import IPNetwork

from .helpers import cfg, dev_of


def test_static_routes():
    dev, _rep = dev_of(
        cfg("""
config router static
    edit 2
        set dst 10.160.0.0 255.255.0.0
        set gateway 203.0.113.1
        set device "wan1"
        set distance 5
    next
    edit 3
        set dst 10.0.0.0/8
        set blackhole enable
        set distance 254
    next
    edit 4
        set dst 172.16.0.0 255.240.0.0
        set device "wan1"
        set status disable
    next
end
""")
    )
    routes = {str(r.prefix): r for r in dev.routes}
    assert set(routes) == {"0.0.0.0/0", "10.160.0.0/16", "10.0.0.0/8"}
    r = routes["10.160.0.0/16"]
    assert r.interface == "wan1" and r.next_hop == int(IPNetwork("203.0.113.1/32").ip) and r.distance == 5
    assert routes["10.0.0.0/8"].drop and routes["0.0.0.0/0"].distance == 10
    assert routes["0.0.0.0/0"].source.text == "set gateway 203.0.113.1"


def test_dynamic_routing_only_when_configured():
    skeleton = """
config router bgp
    config redistribute "connected"
    end
end
config router ospf
    config redistribute "connected"
    end
end
"""
    dev, rep = dev_of(cfg(skeleton))
    assert not dev.dynamic_routing and not rep.unrecognized
    dev, _ = dev_of(
        cfg("""
config router bgp
    set as 65010
    config neighbor
        edit "10.250.12.1"
            set remote-as 65000
        next
    end
end
""")
    )
    assert [s.text for s in dev.dynamic_routing] == ["config router bgp"]
