"""Site file loading, validation errors, zone inference and placement."""
from __future__ import annotations

import pytest
from netaddr import IPNetwork

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
    ("zones:\n  g:\n    kind: guest\n    vlans: [CORE40]\n", "DEVICE:VLAN-ID", 4),     # the entry's own line
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
    placed, device_addrs, _ = resolve(site, topo)
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


# --------------------------------------------------------------------------- names as words


@pytest.mark.parametrize("text,words", [
    ("VL10-CANBO", ["VL", "10", "CAN", "BO"]),
    ("WIFIKHACH", ["WIFI", "KHACH"]),
    ("CONGCONG", ["CONG", "CONG"]),
    ("WifiKhach", ["WIFI", "KHACH"]),
    ("vlan40-khách", ["VLAN", "40", "KHACH"]),
    ("PLANNING", ["PLANNING"]),         # not P + LAN + NING: only whole known words split a token
    ("VLAN", ["VLAN"]),
])
def test_names_split_into_words(text, words):
    assert zones._words(text) == words


@pytest.mark.parametrize("text,kind", [
    ("vlan-iot", None), ("vlan-voip", None), ("PLANNING", None), ("VLAN", None), ("WLAN", None),
    ("Cam bien IoT", None),                       # "cảm biến" is a sensor
    ("WAN - IP public VNPT", "external"), ("WAN Viettel, IP cong cong", "external"),
    ("Wifi Lanh dao", "internal"),                # by LANH DAO (leaders), not by LAN inside LANH
    ("LAN noi bo", "internal"), ("VL10-CANBO", "internal"), ("inside", "internal"),
    ("WIFI-KHACH", "guest"), ("WIFIKHACH", "guest"), ("CONGCONG", "guest"), ("guest-wifi", "guest"),
    ("VL99-QUANTRI", "management"), ("VL20-MAYCHU", "server"), ("SERVERS", "server"),
    ("outside", "external"), ("dmz", "dmz"), ("vlan20-camera", "camera"),
])
def test_keywords_match_whole_words_only(text, kind):
    hit = classify(text)
    assert (hit[0] if hit else None) == kind, hit


# --------------------------------------------------------------------------- strict site files


@pytest.mark.parametrize("text,line,needle", [
    ("zones:\n  g: {kind: guest, subnets: [10.0.0.0/24]}\npolcy:\n  - {from: g, to: g}\n",
     3, "unknown key 'polcy' in the site file (did you mean 'policy'?)"),
    ("zones:\n  g:\n    kind: guest\n    subnet: [10.0.0.0/24]\n",
     4, "unknown key 'subnet' in zone 'g' (did you mean 'subnets'?)"),
    ("zones:\n  g: {kind: guest, subnets: [10.0.0.0/24]}\npolicy:\n  - {from: g, to: g, alow: true}\n",
     4, "unknown key 'alow' in a policy entry (did you mean 'allow'?)"),
    ("zones:\n  guest: {kind: guest, subnets: [10.0.0.0/24]}\npolicy:\n  - {from: guest, to: gest}\n",
     4, "unknown zone 'gest' (did you mean 'guest'?)"),
    ("zones:\n  g:\n    kind: guest\n    vlans: \"CORE:40\"\n", 4, "vlans must be a list"),
    ("zones:\n  g: {kind: guest, subnets: [10.0.0.0/24]}\nlinks:\n  - [\"CORE:Gi0/1\"]\n",
     4, "links entries are pairs"),
])
def test_unknown_keys_are_errors_with_a_suggestion(tmp_path, text, line, needle):
    with pytest.raises(InputError) as e:
        load_site(write(tmp_path, text))
    assert needle in str(e.value) and f"site.yaml:{line}:" in str(e.value), str(e.value)


def test_report_fields_are_accepted_keys(tmp_path):
    site = load_site(write(tmp_path, GOOD + 'inspected_by: "Đoàn kiểm tra"\nprepared_by: "Lê Văn D"\n'
                                           "inspection_date: 2026-09-03\n"
                                           'devices:\n  CORE: {location: "Phòng máy"}\n'))
    assert set(site.info) == {"address", "inspected_by", "prepared_by", "inspection_date", "devices"}


@pytest.mark.parametrize("spec,line,needle", [
    ({"vlans": ["COER:40"]}, 5, "no device 'COER' in the snapshot (did you mean 'CORE'?)"),
    ({"vlans": ["CORE:77"]}, 5, "no VLAN 77 on CORE"),
    ({"attach": ["CORE:Gi0/3"]}, 5, "no interface 'Gi0/3' on CORE (did you mean"),
    ({"attach": ["CORE:Vlan44"]}, 5, "no interface 'Vlan44' on CORE (did you mean 'Vlan40'"),
])
def test_references_must_match_the_snapshot(tmp_path, spec, line, needle):
    key, vals = next(iter(spec.items()))
    text = f"unit: x\nzones:\n  g:\n    kind: guest\n    {key}:\n      - {vals[0]!r}\n"
    site = load_site(write(tmp_path, text))
    with pytest.raises(InputError) as e:
        zones.check_references(site, topology.build([_office()]))
    assert needle in str(e.value) and f"site.yaml:{line + 1}:" in str(e.value), str(e.value)


def test_reference_checks_name_links_and_nameifs(tmp_path):
    d = _office()
    d.interfaces["Gi0/1"].zone, d.interfaces["Gi0/1"].security_level = "outside", 0
    site = load_site(write(tmp_path, 'zones:\n  internet: {kind: external, attach: ["CORE:outside"]}\n'))
    with pytest.raises(InputError, match=r"'outside' is the nameif of Gi0/1: name the interface"):
        zones.check_references(site, topology.build([d]))
    site = load_site(write(tmp_path, 'zones:\n  g: {kind: guest, vlans: ["CORE:40"]}\n'
                                     'links:\n  - ["CORE:Gi0/1", "RT:Gi0/0"]\n'))
    with pytest.raises(InputError, match=r"site.yaml:4: links entry 'RT:Gi0/0': no device 'RT'"):
        zones.check_references(site, topology.build([d], site.links))


def test_a_vlan_without_ports_is_a_placement_problem_not_a_typo():
    d = _office()           # VLAN 50 PRINTERS is declared but carries nothing
    site = zones.site_from_dict({"zones": {"p": {"kind": "internal", "vlans": ["CORE:50"]}}})
    topo = topology.build([d])
    zones.check_references(site, topo)
    placed, _, _ = resolve(site, topo)
    assert placed[0].domains == [] and placed[0].problems


def test_attach_to_a_device_whose_name_holds_a_colon():
    d = _office()
    d.hostname = "UBND:CORE"
    site = zones.site_from_dict({"zones": {"g": {"kind": "guest", "attach": ["UBND:CORE:Gi0/2"],
                                                 "vlans": ["UBND:CORE:40"]}}})
    assert site.zone("g").vlans == [("UBND:CORE", 40)]
    zones.check_references(site, topology.build([d]))
    assert site.zone("g").attach == [("UBND:CORE", "Gi0/2")]


# --------------------------------------------------------------------------- the draft as YAML


HOSTILE = ["Luna's", 'say "hi"', "a: b", "# not a comment", "- leading dash", "Khách — Wi-Fi công cộng",
           "true", "null", "10", "  spaced  ", "{x}", "[y]", "*alias", "&anchor", "!tag", "%dir", "@at", "`tick`"]


def test_draft_yaml_round_trips_hostile_names(tmp_path):
    site = zones.Site(unit="UBND xã 'Tân' \"Phú\" # 1: - x", level=3, inferred=True,
                      notes=["a note\nwith a newline: and # hash"])
    for n, name in enumerate(HOSTILE):
        site.zones.append(zones.Zone(
            name=name, kind=zones.KINDS[n % len(zones.KINDS)], subnets=[IPNetwork(f"10.9.{n}.0/24")],
            vlans=[(f"SW:{name}", 10 + n)], attach=[("RT", name), ("RT", f"{name}:{n}")],
            inferred_from=[f"RT:{name} '{name}'\n~ KHACH"]))
    text = site_to_yaml(site)
    back = load_site(write(tmp_path, text))
    assert back.unit == site.unit and back.level == 3
    assert [(z.name, z.kind, z.subnets, z.vlans, z.attach) for z in back.zones] == \
        [(z.name, z.kind, z.subnets, z.vlans, z.attach) for z in site.zones]
    assert all(line.lstrip().startswith("#") or "inferred from" not in line for line in text.splitlines())


def test_draft_of_nothing_says_so():
    text = site_to_yaml(zones.Site(inferred=True))
    assert "TODO" in text and "nothing recognised" in text


# --------------------------------------------------------------------------- the site as a whole


def test_site_warnings_for_a_draft_and_a_missing_guest_zone(tmp_path):
    site = load_site(write(tmp_path, 'unit: "TODO: tên đơn vị / unit name"\nzones:\n'
                                     '  staff: {kind: internal, subnets: [10.0.0.0/24]}\n'))
    warnings = zones.site_warnings(site)
    assert [w.key for w in warnings] == ["site.unit_todo", "site.no_guest"]
    assert "vẫn là bản nháp" in warnings[0].render("vi") and "site.yaml" in warnings[0]
    assert zones.site_warnings(load_site(write(tmp_path, GOOD))) == []
