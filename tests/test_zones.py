"""Site file loading, validation errors, zone inference and placement."""
from __future__ import annotations

import pytest
from netaddr import IPNetwork, IPSet

from netaudit import topology, zones
from netaudit.model import Device, IfKind, InputError, Interface, L2Mode, Route, Vlan
from netaudit.zones import classify, infer_site, load_site, resolve, site_to_yaml


def write(tmp_path, text: str):
    p = tmp_path / "site.yaml"
    p.write_text(text, encoding="utf-8")
    return p


GOOD = """\
unit: "UBND xã Tân Phú"
level: 2
address: "Tân Phú, Đồng Nai"
zones:
  guest:
    kind: guest
    subnets: [10.10.40.0/24]
    vlans: ["CORE:40"]
  internet:
    kind: external
    attach: ["RT:Gi0/0"]
policy:
  - {from: guest, to: internet, allow: true}
links:
  - ["CORE:Gi1/0/24", "RT:Gi0/1"]
"""


def test_load_good_site(tmp_path):
    site = load_site(write(tmp_path, GOOD))
    assert site.unit == "UBND xã Tân Phú" and site.level == 2
    assert site.zone("guest").vlans == [("CORE", 40)]
    assert site.zone("internet").attach == [("RT", "Gi0/0")]
    assert site.info["address"] == "Tân Phú, Đồng Nai"
    assert site.links == [(("CORE", "Gi1/0/24"), ("RT", "Gi0/1"))]
    assert site.policy[0].allow is True


@pytest.mark.parametrize("text,needle,line", [
    ("zones:\n  g:\n    kind: guets\n    subnets: [10.0.0.0/24]\n", "kind must be one of", 3),
    ("zones:\n  g:\n    kind: guest\n    subnets: [10.0.0.0/33]\n", "bad subnet", 3),
    ("zones:\n  g:\n    kind: guest\n", "needs at least one of", 3),
    ("zones:\n  g:\n    kind: guest\n    vlans: [CORE40]\n", "DEVICE:VLAN-ID", 3),
    ("level: 9\nzones:\n  g: {kind: guest, subnets: [10.0.0.0/24]}\n", "level must be 1..5", 1),
    ("zones: [\n", "invalid YAML", 2),
    ("zones:\n  g: {kind: guest, subnets: [10.0.0.0/24]}\npolicy:\n  - {from: g, to: nowhere}\n",
     "unknown zone 'nowhere'", 4),
    ("zones:\n  g: {kind: guest, subnets: [10.0.0.0/24]}\npolicy:\n  - {from: g, to: '@devices', services: [tcp/99999]}\n",
     "ports must be", 4),
])
def test_site_errors_name_file_and_line(tmp_path, text, needle, line):
    with pytest.raises(InputError) as e:
        load_site(write(tmp_path, text))
    msg = str(e.value)
    assert needle in msg
    assert f"site.yaml:{line}:" in msg
    assert "\n" not in msg


def test_classify_vietnamese_names():
    assert classify("WIFI-KHACH")[0] == "guest"
    assert classify("Wifi cho người dân")[0] == "guest"
    assert classify("KHÁCH")[0] == "guest"
    assert classify("QUAN-TRI")[0] == "management"
    assert classify("MAY-CHU")[0] == "server"
    assert classify("CAN-BO")[0] == "internal"
    assert classify("Phong mot cua")[0] == "kiosk"
    assert classify("TSLCD")[0] == "wan"
    assert classify("xyz") is None


def _office() -> Device:
    d = Device("CORE", "test", "core.cfg")
    d.vlans = {10: Vlan(10, "CAN-BO"), 40: Vlan(40, "WIFI-KHACH"), 50: Vlan(50, "PRINTERS")}
    d.interfaces["Vlan10"] = Interface("Vlan10", IfKind.SVI, [IPNetwork("10.10.10.1/24")])
    d.interfaces["Vlan40"] = Interface("Vlan40", IfKind.SVI, [IPNetwork("10.10.40.1/24")])
    d.interfaces["Gi0/1"] = Interface("Gi0/1", addresses=[IPNetwork("203.0.113.2/30")], description="Uplink VNPT")
    d.interfaces["Gi0/2"] = Interface("Gi0/2", mode=L2Mode.ACCESS, access_vlan=40)
    d.routes.append(Route(IPNetwork("0.0.0.0/0"), next_hop=int(IPNetwork("203.0.113.1/32").ip)))
    return d


def test_infer_site_says_what_matched():
    d = _office()
    topo = topology.build([d])
    site = infer_site([d], topo)
    by_name = {z.name: z for z in site.zones}
    assert set(by_name) == {"guest", "staff", "internet"}
    assert by_name["guest"].vlans == [("CORE", 40)]
    assert by_name["guest"].subnets == [IPNetwork("10.10.40.0/24")]
    assert any("WIFI-KHACH" in why for why in by_name["guest"].inferred_from)
    assert ("CORE", "Gi0/1") in by_name["internet"].attach
    text = site_to_yaml(site)
    assert "inferred from" in text and "kind: guest" in text
    # The draft is itself a valid site file.
    import yaml
    assert zones.site_from_dict(yaml.safe_load(text)).zone("guest").kind == "guest"


def test_external_owns_everything_else():
    d = _office()
    topo = topology.build([d])
    site = infer_site([d], topo)
    placed, device_addrs, warnings = resolve(site, topo)
    ext = next(p for p in placed if p.kind == "external")
    assert "8.8.8.8" in ext.owned
    assert "10.10.40.7" not in ext.owned
    assert "10.10.40.1" in device_addrs


def test_unplaceable_zone_is_reported():
    d = _office()
    topo = topology.build([d])
    site = zones.site_from_dict({"zones": {"cam": {"kind": "camera", "vlans": ["CORE:77"]}}})
    placed, _, warnings = resolve(site, topo)
    assert placed[0].domains == []
    assert any("CORE:77" in w for w in warnings)


def test_transit_links_between_devices_are_not_zones():
    # The core's uplink (described "Uplink") and the router's "LAN" port are one /30
    # between two devices of the snapshot: infrastructure, never a zone.
    core = _office()
    core.routes = [Route(IPNetwork("0.0.0.0/0"), next_hop=int(IPNetwork("10.10.255.1/32").ip))]
    core.interfaces["Gi0/1"] = Interface("Gi0/1", addresses=[IPNetwork("10.10.255.2/30")], description="Uplink RT")
    rt = Device("RT", "test", "rt.cfg")
    rt.interfaces["Gi0/1"] = Interface("Gi0/1", addresses=[IPNetwork("10.10.255.1/30")], description="LAN core")
    rt.interfaces["Gi0/0"] = Interface("Gi0/0", addresses=[IPNetwork("203.0.113.2/30")], description="WAN VNPT")
    rt.routes.append(Route(IPNetwork("0.0.0.0/0"), next_hop=int(IPNetwork("203.0.113.1/32").ip)))
    topo = topology.build([core, rt])
    site = infer_site([core, rt], topo)
    by_name = {z.name: z for z in site.zones}
    assert by_name["internet"].attach == [("RT", "Gi0/0")]
    assert IPNetwork("10.10.255.0/30") not in by_name["staff"].subnets
