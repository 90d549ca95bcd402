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


def test_zone_title_text_or_per_language(tmp_path):
    text = (
        "zones:\n  counter:\n    kind: internal\n    title: Bộ phận Một cửa\n    subnets: [10.0.30.0/24]\n"
        "  guest:\n    kind: guest\n    title: {vi: Wi-Fi miễn phí cho người dân, en: Free citizen Wi-Fi}\n"
        "    subnets: [10.0.40.0/24]\n"
    )
    site = load_site(write(tmp_path, text))
    assert site.zone("counter").title == "Bộ phận Một cửa"
    assert site.zone("guest").title == {"vi": "Wi-Fi miễn phí cho người dân", "en": "Free citizen Wi-Fi"}


@pytest.mark.parametrize(
    "text,needle,line",
    [
        ("zones:\n  g:\n    kind: guets\n    subnets: [10.0.0.0/24]\n", "kind must be one of", 3),
        ("zones:\n  g:\n    kind: guest\n    subnets: [10.0.0.0/33]\n", "bad subnet", 4),  # the entry's own line
        ("zones:\n  g:\n    kind: guest\n", "needs at least one of", 3),
        ("zones:\n  g:\n    kind: guest\n    vlans: [CORE40]\n", "DEVICE:VLAN-ID", 4),  # the entry's own line
        ("level: 9\nzones:\n  g: {kind: guest, subnets: [10.0.0.0/24]}\n", "level must be 1..5", 1),
        ("zones: [\n", "invalid YAML", 2),
        ("zones:\n  g:\n    kind: guest\n    title: [a]\n    subnets: [10.0.0.0/24]\n", "title must be text", 4),
        ("zones:\n  g:\n    kind: guest\n    title: {fr: x}\n    subnets: [10.0.0.0/24]\n", "title must be", 4),
        (
            "zones:\n  g: {kind: guest, subnets: [10.0.0.0/24]}\npolicy:\n  - {from: g, to: nowhere}\n",
            "unknown zone 'nowhere'",
            4,
        ),
        (
            "zones:\n  g: {kind: guest, subnets: [10.0.0.0/24]}\npolicy:\n  - {from: g, to: '@devices', services: [tcp/99999]}\n",
            "ports must be",
            4,
        ),
    ],
)
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
    # MikroTik's own spelling of its captive portal, split where the capitals meet
    assert classify("HotSpot")[0] == classify("hotspot network")[0] == "guest"
    assert classify("Internal")[0] == "internal"  # ASA `nameif Internal`
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


@pytest.mark.parametrize(
    "text,words",
    [
        ("VL10-CANBO", ["VL", "10", "CAN", "BO"]),
        ("WIFIKHACH", ["WIFI", "KHACH"]),
        ("CONGCONG", ["CONG", "CONG"]),
        ("WifiKhach", ["WIFI", "KHACH"]),
        ("vlan40-khách", ["VLAN", "40", "KHACH"]),
        ("PLANNING", ["PLANNING"]),  # not P + LAN + NING: only whole known words split a token
        ("VLAN", ["VLAN"]),
    ],
)
def test_names_split_into_words(text, words):
    assert zones._words(text) == words


@pytest.mark.parametrize(
    "text,kind",
    [
        ("vlan-iot", None),
        ("vlan-voip", None),
        ("PLANNING", None),
        ("VLAN", None),
        ("WLAN", None),
        ("Cam bien IoT", None),  # "cảm biến" is a sensor
        ("WAN - IP public VNPT", "external"),
        ("WAN Viettel, IP cong cong", "external"),
        ("Wifi Lanh dao", "internal"),  # by LANH DAO (leaders), not by LAN inside LANH
        ("LAN noi bo", "internal"),
        ("VL10-CANBO", "internal"),
        ("inside", "internal"),
        ("WIFI-KHACH", "guest"),
        ("WIFIKHACH", "guest"),
        ("CONGCONG", "guest"),
        ("guest-wifi", "guest"),
        ("VL99-QUANTRI", "management"),
        ("VL20-MAYCHU", "server"),
        ("SERVERS", "server"),
        ("outside", "external"),
        ("dmz", "dmz"),
        ("vlan20-camera", "camera"),
    ],
)
def test_keywords_match_whole_words_only(text, kind):
    hit = classify(text)
    assert (hit[0] if hit else None) == kind, hit


# --------------------------------------------------------------------------- strict site files


@pytest.mark.parametrize(
    "text,line,needle",
    [
        (
            "zones:\n  g: {kind: guest, subnets: [10.0.0.0/24]}\npolcy:\n  - {from: g, to: g}\n",
            3,
            "unknown key 'polcy' in the site file (did you mean 'policy'?)",
        ),
        (
            "zones:\n  g:\n    kind: guest\n    subnet: [10.0.0.0/24]\n",
            4,
            "unknown key 'subnet' in zone 'g' (did you mean 'subnets'?)",
        ),
        (
            "zones:\n  g: {kind: guest, subnets: [10.0.0.0/24]}\npolicy:\n  - {from: g, to: g, alow: true}\n",
            4,
            "unknown key 'alow' in a policy entry (did you mean 'allow'?)",
        ),
        (
            "zones:\n  guest: {kind: guest, subnets: [10.0.0.0/24]}\npolicy:\n  - {from: guest, to: gest}\n",
            4,
            "unknown zone 'gest' (did you mean 'guest'?)",
        ),
        ('zones:\n  g:\n    kind: guest\n    vlans: "CORE:40"\n', 4, "vlans must be a list"),
        (
            'zones:\n  g: {kind: guest, subnets: [10.0.0.0/24]}\nlinks:\n  - ["CORE:Gi0/1"]\n',
            4,
            "links entries are pairs",
        ),
    ],
)
def test_unknown_keys_are_errors_with_a_suggestion(tmp_path, text, line, needle):
    with pytest.raises(InputError) as e:
        load_site(write(tmp_path, text))
    assert needle in str(e.value) and f"site.yaml:{line}:" in str(e.value), str(e.value)


def test_report_fields_are_accepted_keys(tmp_path):
    site = load_site(
        write(
            tmp_path,
            GOOD + 'inspected_by: "Đoàn kiểm tra"\nprepared_by: "Lê Văn D"\n'
            "inspection_date: 2026-09-03\n"
            'devices:\n  CORE: {location: "Phòng máy"}\n',
        )
    )
    assert set(site.info) == {"address", "inspected_by", "prepared_by", "inspection_date", "devices"}


@pytest.mark.parametrize(
    "spec,line,needle",
    [
        ({"vlans": ["COER:40"]}, 5, "no device 'COER' in the snapshot (did you mean 'CORE'?)"),
        ({"vlans": ["CORE:77"]}, 5, "no VLAN 77 on CORE"),
        ({"attach": ["CORE:Gi0/3"]}, 5, "no interface 'Gi0/3' on CORE (did you mean"),
        ({"attach": ["CORE:Vlan44"]}, 5, "no interface 'Vlan44' on CORE (did you mean 'Vlan40'"),
    ],
)
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
    site = load_site(
        write(tmp_path, 'zones:\n  g: {kind: guest, vlans: ["CORE:40"]}\nlinks:\n  - ["CORE:Gi0/1", "RT:Gi0/0"]\n')
    )
    with pytest.raises(InputError, match=r"site.yaml:4: links entry 'RT:Gi0/0': no device 'RT'"):
        zones.check_references(site, topology.build([d], site.links))


def test_a_vlan_without_ports_is_a_placement_problem_not_a_typo():
    d = _office()  # VLAN 50 PRINTERS is declared but carries nothing
    site = zones.site_from_dict({"zones": {"p": {"kind": "internal", "vlans": ["CORE:50"]}}})
    topo = topology.build([d])
    zones.check_references(site, topo)
    placed, _, _ = resolve(site, topo)
    assert placed[0].domains == [] and placed[0].problems


def test_attach_to_a_device_whose_name_holds_a_colon():
    d = _office()
    d.hostname = "UBND:CORE"
    site = zones.site_from_dict(
        {"zones": {"g": {"kind": "guest", "attach": ["UBND:CORE:Gi0/2"], "vlans": ["UBND:CORE:40"]}}}
    )
    assert site.zone("g").vlans == [("UBND:CORE", 40)]
    zones.check_references(site, topology.build([d]))
    assert site.zone("g").attach == [("UBND:CORE", "Gi0/2")]


def test_attach_by_the_short_interface_name():
    # The site file says "Gi0/2", the parser named it in full: the two are one port.
    d = _office()
    d.interfaces["GigabitEthernet0/2"] = d.interfaces.pop("Gi0/2")
    d.interfaces["GigabitEthernet0/2"].name = "GigabitEthernet0/2"
    site = zones.site_from_dict({"zones": {"g": {"kind": "guest", "attach": ["CORE:Gi0/2"]}}})
    topo = topology.build([d])
    zones.check_references(site, topo)
    placed, _, _ = resolve(site, topo)
    assert placed[0].domains and not placed[0].problems


# --------------------------------------------------------------------------- the draft as YAML


HOSTILE = [
    "Luna's",
    'say "hi"',
    "a: b",
    "# not a comment",
    "- leading dash",
    "Khách — Wi-Fi công cộng",
    "true",
    "null",
    "10",
    "  spaced  ",
    "{x}",
    "[y]",
    "*alias",
    "&anchor",
    "!tag",
    "%dir",
    "@at",
    "`tick`",
]


def test_draft_yaml_round_trips_hostile_names(tmp_path):
    site = zones.Site(
        unit="UBND xã 'Tân' \"Phú\" # 1: - x", level=3, inferred=True, notes=["a note\nwith a newline: and # hash"]
    )
    for n, name in enumerate(HOSTILE):
        site.zones.append(
            zones.Zone(
                name=name,
                kind=zones.KINDS[n % len(zones.KINDS)],
                subnets=[IPNetwork(f"10.9.{n}.0/24")],
                vlans=[(f"SW:{name}", 10 + n)],
                attach=[("RT", name), ("RT", f"{name}:{n}")],
                inferred_from=[f"RT:{name} '{name}'\n~ KHACH"],
            )
        )
    text = site_to_yaml(site)
    back = load_site(write(tmp_path, text))
    assert back.unit == site.unit and back.level == 3
    assert [(z.name, z.kind, z.subnets, z.vlans, z.attach) for z in back.zones] == [
        (z.name, z.kind, z.subnets, z.vlans, z.attach) for z in site.zones
    ]
    assert all(line.lstrip().startswith("#") or "inferred from" not in line for line in text.splitlines())


def test_draft_of_nothing_says_so():
    text = site_to_yaml(zones.Site(inferred=True))
    assert "TODO" in text and "nothing recognised" in text


# --------------------------------------------------------------------------- the site as a whole


def test_site_warnings_for_a_draft_and_missing_guest_and_internet_zones(tmp_path):
    site = load_site(
        write(
            tmp_path,
            'unit: "TODO: tên đơn vị / unit name"\nzones:\n  staff: {kind: internal, subnets: [10.0.0.0/24]}\n',
        )
    )
    warnings = zones.site_warnings(site)
    assert [w.key for w in warnings] == ["site.unit_todo", "site.no_guest", "site.no_external"]
    assert "vẫn là bản nháp" in warnings[0].render("vi") and "site.yaml" in warnings[0]
    assert zones.site_warnings(load_site(write(tmp_path, GOOD))) == []


# --------------------------------------------------------------------------- schema (issue #8)

Z = "zones:\n  g: {kind: guest, subnets: [10.0.0.0/24]}\n"


@pytest.mark.parametrize(
    "text,line,needle",
    [
        # values that used to crash (a traceback read as exit 1, "findings")
        ("inspection_date: 2026-09-31\n" + Z, 1, "'2026-09-31' is not a real date"),
        ("level: .inf\n" + Z, 1, "level must be a whole number 1..5, not the number inf"),
        ("level: .nan\n" + Z, 1, "level must be a whole number 1..5"),
        ("level: yes\n" + Z, 1, "not true/false"),
        ("level: 2.5\n" + Z, 1, "not the number 2.5"),
        ("level: 99999999999999999999999\n" + Z, 1, "level must be 1..5"),
        ("policy: 5\n" + Z, 1, "policy must be a list"),
        (Z + "policy:\n  - {from: [x], to: g}\n", 4, "policy from: must be one zone name, not a list"),
        (Z + "policy:\n  - {from: g, to: '@devices', services: 80}\n", 4, "policy services must be a list"),
        (Z + "policy:\n  - {from: g, to: '@devices', services: [80]}\n", 4, "80 is not a service"),
        (
            Z + "policy:\n  - {from: g, to: '@devices',\n     services: [tcp/80,\n                tcp/0-99999]}\n",
            6,
            "ports must be",
        ),
        (Z + "policy:\n  - {from: g, to: '@devices', allow: maybe}\n", 4, "allow: must be true or false"),
        (Z + "policy:\n  - 5\n", 4, "policy entries need from: and to:"),
        (Z + "links: 5\n", 3, "links must be a list"),
        (Z + "links:\n  - [5, 'RT:Gi0/0']\n", 4, "links entry 5 must be DEVICE:INTERFACE"),
        ("zones:\n  g: {kind: guest, subnets: 5}\n", 2, "subnets must be a list"),
        ("zones:\n  g:\n    kind: guest\n    vlans: 40\n", 4, "vlans must be a list"),
        ("zones:\n  g:\n    kind: guest\n    vlans:\n      - CORE:40\n      - 40\n", 6, "vlans entry 40 must be"),
        ("zones:\n  g: {kind: guest, vlans: ['CORE:²']}\n", 2, "VLAN id in 'CORE:²' must be 1..4094"),
        ("zones:\n  g:\n    kind: 5\n    subnets: [10.0.0.0/24]\n", 3, "kind must be one of"),
        ("zones:\n  g: {kind: guest, subnets: [10.0.0.0/24], sources: [any]}\n", 2, "sources must be"),
        # via: where the zone's hosts are seen from attach (docs/semantics.md, "A zone behind a tunnel")
        (
            "zones:\n  tinh:\n    kind: wan\n    subnets: [10.100.0.0/16]\n    attach: ['RT:Gi0/0/0']\n"
            "    via: tunel\n",
            6,
            "zone 'tinh': via must be 'segment' or 'tunnel', not the text 'tunel' (did you mean 'tunnel'?)",
        ),
        (
            "zones:\n  tinh:\n    kind: wan\n    subnets: [10.100.0.0/16]\n    attach: ['RT:Gi0/0/0']\n    via: 1\n",
            6,
            "via must be 'segment' or 'tunnel', not the number 1",
        ),
        (
            "zones:\n  tinh:\n    kind: wan\n    subnets: [10.100.0.0/16]\n    via: tunnel\n",
            5,
            "zone 'tinh': via: tunnel needs attach: (the interface whose tunnels lead to it)",
        ),
        (
            "zones:\n  tinh:\n    kind: wan\n    attach: ['RT:Gi0/0/0']\n    via: tunnel\n",
            5,
            "zone 'tinh': via: tunnel needs subnets: (the addresses behind the tunnel)",
        ),
        (
            "zones:\n  tinh:\n    kind: wan\n    subnets: [10.100.0.0/16]\n    vlans: ['SW:10']\n"
            "    attach: ['RT:Gi0/0/0']\n    via: tunnel\n",
            7,
            "via: tunnel and vlans: do not go together",
        ),
        ("zones:\n  5: {kind: guest, subnets: [10.0.0.0/24]}\n", 2, "zone name 5 must be text"),
        ("zones:\n  '@devices': {kind: guest, subnets: [10.0.0.0/24]}\n", 2, "reserved"),
        ("zones:\n  g: 5\n", 2, "zone 'g' must be a mapping"),
        ("zones: 5\n", 1, "zones: must map zone names"),
        ("zones:\n  {}   # nothing recognised: add zones by hand\n", 1, "zones: no zone declared"),
        ("unit: [a]\n" + Z, 1, "unit must be text, not a list"),
        ("unit: 5\n" + Z, 1, "unit must be text, not the number 5"),
        ("address: {a: b}\n" + Z, 1, "address must be text"),
        ("inspection_date: 2026-09-03 10:00:00\n" + Z, 1, "without a time"),
        ("inspection_date: '2026-02-30'\n" + Z, 1, "is not a real date"),
        ("inspection_date: soon\n" + Z, 1, "inspection_date must be a date YYYY-MM-DD"),
        ("devices: [CORE]\n" + Z, 1, "devices must map device names"),
        (
            "devices:\n  CORE: {locaton: x}\n" + Z,
            2,
            "unknown key 'locaton' in devices: 'CORE' (did you mean 'location'?)",
        ),
        ("devices:\n  CORE: {location: 5}\n" + Z, 2, "location must be text"),
        # YAML itself
        (Z + "zones:\n  h: {kind: guest, subnets: [10.0.1.0/24]}\n", 3, "'zones' is given twice"),
        ("zones:\n  g: {kind: guest, kind: internal, subnets: [10.0.0.0/24]}\n", 2, "'kind' is given twice"),
        ('unit: "a\x1b[31m"\n' + Z, 1, "character \\x1b (U+001B) is not allowed"),
        ("unit: x\n\nzones: {g\ufffe: 1}\n", 3, "character \\ufffe (U+FFFE) is not allowed"),
        ("unit: !!python/object:os.system x\n" + Z, 1, "could not determine a constructor"),
        ("unit: " + "[" * 60 + "]" * 60 + "\n" + Z, 1, "nested more than 50 levels"),
        ("unit: &a [*a]\n" + Z, 1, "refers to a value that contains it"),
        # addresses
        (
            "zones:\n  g: {kind: guest, subnets: [0.0.0.0/0]}\n",
            2,
            "only an external zone may own every address no other zone owns",
        ),
        (
            "zones:\n  s:\n    kind: internal\n    subnets:\n      - 10.0.0.0/24\n      - 0.0.0.0/1\n",
            6,
            "remove subnets: or make the zone kind: external",
        ),
        ("zones:\n  g: {kind: guest, subnets: ['2001:db8::/32']}\n", 2, "IPv6 is not modelled yet"),
        ("zones:\n  g: {kind: guest, subnets: ['::ffff:10.0.0.0/120']}\n", 2, "IPv6 is not modelled yet"),
        (
            (
                "zones:\n  guest: {kind: guest, subnets: [10.10.0.0/16]}\n  counter:\n    kind: kiosk\n"
                "    subnets: [10.10.30.0/24]\n"
            ),
            5,
            "zone 'counter': subnet 10.10.30.0/24 overlaps subnet 10.10.0.0/16 of zone 'guest' (line 2)",
        ),
        (
            "zones:\n  a: {kind: internal, subnets: [10.1.0.0/24]}\n  b: {kind: server, subnets: [10.1.0.0/24]}\n",
            3,
            "split the larger subnet or merge the zones",
        ),
        (
            "zones:\n  internet: {kind: external, subnets: [0.0.0.0/0]}\n  g: {kind: guest, subnets: [10.0.0.0/24]}\n",
            3,
            "an external zone needs no subnets: without them 'internet' owns every address no other zone owns",
        ),
    ],
)
def test_schema_errors_are_one_line_with_file_and_line(tmp_path, text, line, needle):
    with pytest.raises(InputError) as e:
        load_site(write(tmp_path, text))
    msg = str(e.value)
    assert needle in msg and f"site.yaml:{line}:" in msg, msg
    assert "\n" not in msg


@pytest.mark.parametrize(
    "text",
    [
        "level: '3'\n" + Z,  # a quoted level, as before
        "inspection_date: '2026-09-03'\n" + Z,
        "zones:\n  g: {kind: Guest, subnets: [10.0.0.1/24]}\n",  # kind in any case; host bits dropped
        "zones:\n  internet: {kind: external, subnets: [0.0.0.0/0]}\n",  # external may own everything
        "zones:\n  a: {kind: internal, subnets: [10.0.0.0/16, 10.0.1.0/24]}\n",  # overlap inside one zone
        (
            "zones:\n  g: &z {kind: guest, subnets: [10.0.0.0/24]}\n  h: {<<: *z, subnets: [10.0.1.0/24]}\n"
        ),  # a merge key: a few aliases are fine
        'zones:\n  "gu\\aest\\e[31m\\uFFFE\\u202E": {kind: guest, subnets: [10.0.0.0/24]}\n',  # odd zone names load
    ],
)
def test_schema_keeps_valid_files(tmp_path, text):
    site = load_site(write(tmp_path, text))
    assert site.zones


def test_sample_site_files_load_unchanged():
    from pathlib import Path

    for f in sorted(Path(__file__).resolve().parents[1].glob("sample_configs/*/site.yaml")):
        site = load_site(f)
        assert site.zones and 1 <= site.level <= 5, f


def test_alias_bomb_is_refused_quickly(tmp_path):
    import time
    import tracemalloc

    rows = ["a: &a [x,x,x,x,x,x,x,x,x]"]
    for prev, cur in zip("abcdefgh", "bcdefghi", strict=True):
        rows.append(f"{cur}: &{cur} [" + ",".join([f"*{prev}"] * 9) + "]")
    text = "\n".join(rows) + "\nunit: *i\n" + Z
    assert len(text) < 700
    tracemalloc.start()
    t0 = time.monotonic()
    with pytest.raises(InputError, match=r"site.yaml:2: YAML aliases \(\*name\) expand the site file beyond 100,000"):
        load_site(write(tmp_path, text))
    assert time.monotonic() - t0 < 5
    assert tracemalloc.get_traced_memory()[1] < 50 << 20
    tracemalloc.stop()


def test_site_file_size_is_capped(tmp_path):
    text = Z + "# " + "x" * zones.SITE_MAX_BYTES + "\n"
    with pytest.raises(InputError, match="more than the limit of 1,048,576 bytes"):
        load_site(write(tmp_path, text))
    with pytest.raises(InputError, match="not a regular file"):
        load_site(tmp_path)


def _many_zones(n: int) -> str:
    return "zones:\n" + "".join(
        f"  z{i}: {{kind: internal, subnets: [10.{i // 250}.{i % 250}.0/24]}}\n" for i in range(n)
    )


def test_zone_count_is_capped_and_overridable(tmp_path, monkeypatch):
    monkeypatch.delenv("NETAUDIT_MAX_ZONES", raising=False)
    assert len(load_site(write(tmp_path, _many_zones(200))).zones) == 200
    with pytest.raises(InputError, match=r"site.yaml:1: 201 zones, more than the limit of 200 .*NETAUDIT_MAX_ZONES"):
        load_site(write(tmp_path, _many_zones(201)))
    monkeypatch.setenv("NETAUDIT_MAX_ZONES", "300")
    assert len(load_site(write(tmp_path, _many_zones(201))).zones) == 201
    monkeypatch.setenv("NETAUDIT_MAX_ZONES", "lots")
    with pytest.raises(InputError, match="NETAUDIT_MAX_ZONES='lots': expected a positive whole number"):
        load_site(write(tmp_path, _many_zones(3)))


def test_overlap_check_scales(tmp_path):
    """Thousands of subnets: one sorted sweep, not every pair."""
    import time

    text = "zones:\n" + "".join(
        f"  z{i}:\n    kind: internal\n    subnets: [" + ", ".join(f"10.{i}.{j}.0/24" for j in range(250)) + "]\n"
        for i in range(150)
    )
    t0 = time.monotonic()
    assert len(load_site(write(tmp_path, text)).zones) == 150
    assert time.monotonic() - t0 < 10


UNZONED_R1 = """hostname R1
interface GigabitEthernet0/0
 description WAN VNPT
 ip address 203.0.113.2 255.255.255.248
interface GigabitEthernet0/1
 description LAN CAN BO
 ip address 10.1.10.1 255.255.255.0
interface GigabitEthernet0/2
 description noi sang R2
 ip address 10.9.9.1 255.255.255.248
interface GigabitEthernet0/3
 description phong may in
 ip address 10.1.50.1 255.255.255.0
interface GigabitEthernet0/4
 description camera
 ip address 10.1.60.1 255.255.255.0
interface Loopback0
 ip address 10.255.0.0 255.255.255.248
interface Tunnel1
 ip address 10.254.0.1 255.255.255.248
ip route 0.0.0.0 0.0.0.0 203.0.113.1
end
"""
UNZONED_R2 = """hostname R2
interface GigabitEthernet0/0
 ip address 10.9.9.2 255.255.255.248
interface GigabitEthernet0/1
 ip address 10.2.10.1 255.255.255.0
end
"""


def test_segments_no_zone_covers_are_named_once(tmp_path):
    """A host segment no zone covers is named in one warning; not the transit link
    between two routers of the snapshot, a loopback, a tunnel, or a segment whose subnet
    a zone declares (placed elsewhere: the zone's problem, said by its own checks)."""
    from netaudit import inputs

    (tmp_path / "r1.cfg").write_text(UNZONED_R1, encoding="utf-8")
    (tmp_path / "r2.cfg").write_text(UNZONED_R2, encoding="utf-8")
    site = write(
        tmp_path,
        "unit: U\nlevel: 2\nzones:\n"
        "  staff: {kind: internal, subnets: [10.1.10.0/24], attach: ['R1:GigabitEthernet0/1']}\n"
        "  printers: {kind: internal, subnets: [10.1.50.0/24], attach: ['R2:GigabitEthernet0/1']}\n"
        "  internet: {kind: external}\n",
    )
    snap = inputs.load_snapshot([tmp_path])
    _placed, _, warnings = resolve(load_site(site), topology.build(snap.devices))
    [w] = [w for w in warnings if getattr(w, "key", None) == "warn.unzoned_segments"]
    # R1:Gi0/3 holds the printers' declared subnet, R2:Gi0/1 the printers' attachment.
    assert "1 segment(s) in no zone" in w and "R1:GigabitEthernet0/4 (10.1.60.0/24)." in w
    for absent in ("GigabitEthernet0/2", "Loopback0", "Tunnel1", "GigabitEthernet0/3", "R2:"):
        assert absent not in w


def test_a_guest_subnet_typo_is_not_a_proof(tmp_path):
    """One digit wrong in site.yaml (guest ``subnets: [10.10.14.0/24]`` for the
    10.10.40.0/24 of its VLAN 40) turned the leaky office into "the guest Wi-Fi CANNOT
    reach the internal network — proven over every packet": the hosts were taken to send
    from 10.10.14.0/24, which the guest ACL does not let through.  A zone whose declared
    subnets are not on its segment may send from the segment's addresses: a verdict must
    hold for both, and one that differs is unknown (both directions), with a warning."""
    from helpers import cells, copy_sample

    from netaudit.audit import run_audit

    folder = copy_sample(tmp_path, "cisco-commune-leaky")
    site = folder / "site.yaml"
    site.write_text(site.read_text().replace("10.10.40.0/24", "10.10.14.0/24"))
    audit = run_audit([folder])
    got = cells(audit)
    for dst in ("staff", "servers", "mgmt", "internet", "@devices"):
        assert got[("guest", dst)].verdict == "unknown", dst
        assert "10.10.40.0/24" in str(got[("guest", dst)].reason)
    assert got[("counter", "guest")].verdict == "unknown"  # no ACL on Vlan30: reaches 10.10.40.0/24
    assert got[("staff", "guest")].verdict == "blocked"  # ACL-CAN-BO-IN stops both
    assert any("10.10.14.0/24" in str(w) and "10.10.40.0/24" in str(w) for w in audit.warnings)


def test_a_zone_name_typed_composed_or_decomposed_is_one_zone():
    """Vietnamese written decomposed (NFD: macOS, some editors) in the zone and composed
    (NFC, most keyboards) in the policy: "unknown zone 'cán-bộ'", identical on screen."""
    import unicodedata

    nfd = unicodedata.normalize("NFD", "cán-bộ")
    site = zones.site_from_dict(
        {
            "zones": {
                nfd: {"kind": "internal", "subnets": ["10.0.10.0/24"]},
                "khach": {"kind": "guest", "subnets": ["10.0.40.0/24"]},
            },
            "policy": [{"from": "khach", "to": "cán-bộ", "allow": False}],
        }
    )
    assert [z.name for z in site.zones] == ["cán-bộ", "khach"] and site.policy[0].dst == "cán-bộ"
    with pytest.raises(InputError, match="declared twice"):
        zones.site_from_dict(
            {
                "zones": {
                    nfd: {"kind": "internal", "subnets": ["10.0.10.0/24"]},
                    "cán-bộ": {"kind": "guest", "subnets": ["10.0.40.0/24"]},
                }
            }
        )


def test_two_answers_for_one_pair_are_an_error_and_a_shared_vlan_is_said():
    base = {
        "staff": {"kind": "internal", "subnets": ["10.0.10.0/24"], "vlans": ["CORE:10"]},
        "guest": {"kind": "guest", "subnets": ["10.0.40.0/24"], "vlans": ["CORE:10"], "attach": ["RT:wan"]},
        "internet": {"kind": "external", "attach": ["RT:wan"]},
    }
    with pytest.raises(InputError, match="policy from guest to staff: allow: true here, false at line"):
        zones.site_from_dict(
            {
                "zones": base,
                "policy": [
                    {"from": "guest", "to": "staff", "allow": False},
                    {"from": "guest", "to": "staff", "allow": True},
                ],
            }
        )
    # the same answer twice, or answers for different services: fine
    zones.site_from_dict(
        {
            "zones": base,
            "policy": [
                {"from": "guest", "to": "staff", "allow": False},
                {"from": "guest", "to": "staff", "allow": False},
                {"from": "guest", "to": "staff", "allow": True, "services": ["tcp/80"]},
            ],
        }
    )
    said = [str(w) for w in zones.site_warnings(zones.site_from_dict({"zones": base}))]
    assert any("VLAN CORE:10 is declared in several zones (staff, guest)" in w for w in said)
    assert any("Port RT:wan is declared in several zones (guest, internet)" in w for w in said)
    # a zone behind the port's tunnels does not share its segment: nothing to say
    behind = {**base, "guest": {**base["guest"], "vlans": [], "via": "tunnel"}}
    said = [str(w) for w in zones.site_warnings(zones.site_from_dict({"zones": behind}))]
    assert not any("Port RT:wan" in w for w in said)


def test_via_defaults_to_segment_and_reads_tunnel_in_any_case():
    site = zones.site_from_dict(
        {
            "zones": {
                "canbo": {"kind": "internal", "subnets": ["10.10.10.0/24"], "attach": ["RT:lan"]},
                "tinh": {"kind": "wan", "subnets": ["10.100.0.0/16"], "attach": ["RT:wan"], "via": "Tunnel"},
                "mang": {"kind": "wan", "subnets": ["10.200.0.0/16"], "attach": ["RT:wan"], "via": "segment"},
            }
        }
    )
    assert [(z.name, z.via) for z in site.zones] == [("canbo", "segment"), ("tinh", "tunnel"), ("mang", "segment")]


HSRP = """\
hostname {name}
!
interface Ethernet0/0
 no ip address
!
interface Ethernet0/0.3
 description SRV
 encapsulation dot1Q 3
 ip address 10.12.0.{me} 255.255.255.0
 standby version 2
 standby 0 ip 10.12.0.1
!
interface Ethernet0/0.103
 description BUH
 encapsulation dot1Q 103
 ip address 10.12.1.{me} 255.255.255.0
 standby 0 ip 10.12.1.1
!
end
"""


def test_the_segments_of_an_hsrp_pair_are_host_segments():
    """JohnB83435/My_OTUS R12/R13: two routers sharing the office VLANs through HSRP were
    read as transit links — init drafted no zone, and the audit no longer said that two
    segments are in no zone.  Their routers share a virtual gateway: host segments."""
    from helpers import parse_one

    from netaudit.parsers import cisco_ios

    devs = [parse_one(cisco_ios, HSRP.format(name=n, me=me), f"{n}.cfg")[0] for n, me in (("R12", 2), ("R13", 3))]
    topo = topology.build(devs)
    site = infer_site(devs, topo)
    assert [(z.kind, z.subnets) for z in site.zones if z.kind == "server"] == [("server", [IPNetwork("10.12.0.0/24")])]
    empty = zones.Site(unit="t", zones=[zones.Zone("internet", "external")])
    _, _, warnings = resolve(empty, topo)
    said = [str(w) for w in warnings]
    assert any("2 segment(s) in no zone" in w and "(10.12.1.0/24)" in w and "(10.12.0.0/24)" in w for w in said), said


def test_zone_warnings_are_said_in_the_report_s_language():
    """A zone's placement problems were English strings in the Vietnamese report too."""
    from helpers import SAMPLES

    from netaudit.audit import run_audit

    audit = run_audit([SAMPLES / "routeros-commune-leaky-bridge"])
    [w] = [w for w in audit.warnings if str(w).startswith("zone guest:")]
    assert w.render("vi").startswith("vùng guest: dải địa chỉ khai báo của vùng (10.10.40.0/24)")


def test_pyyaml_is_imported_only_when_a_yaml_file_is_read(tmp_path):
    """An audit whose zones are inferred (no site file) never loads PyYAML (≈ 9 ms of its
    start: docs/performance.md); one with a site file does, at the first read — and
    ``netaudit init``'s writer loads it when it drafts."""
    import shutil
    import subprocess
    import sys

    from helpers import SAMPLES

    sample = SAMPLES / "cisco-commune-leaky"
    shutil.copy(sample / "edge-rt.cfg", tmp_path / "edge-rt.cfg")
    code = (
        "import sys\n"
        "from netaudit import zones\n"
        "from netaudit.audit import run_audit\n"
        "run_audit([sys.argv[1]])\n"
        "print('yaml' in sys.modules, end=' ')\n"
        "zones.load_site(sys.argv[2])\n"
        "print('yaml' in sys.modules, end=' ')\n"
        "text = zones.site_to_yaml(zones.Site(inferred=True))\n"
        "print(text.count('unit:'))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path), str(sample / "site.yaml")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert out.split() == ["False", "True", "1"]
