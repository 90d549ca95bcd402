"""MikroTik RouterOS change sets of ``netaudit fix`` (netaudit/remedy/mikrotik_routeros.py)."""

from __future__ import annotations

import pytest
from helpers import SAMPLES

from netaudit.audit import run_audit
from netaudit.remedy import prove as prove_mod

FIREWALL = SAMPLES / "routeros-commune-leaky-firewall"
BRIDGE = SAMPLES / "routeros-commune-leaky-bridge"


@pytest.fixture(scope="module")
def fixes(tmp_path_factory):
    return {
        "firewall": prove_mod.run_fix([FIREWALL], None, tmp_path_factory.mktemp("ros-fw")),
        "bridge": prove_mod.run_fix([BRIDGE], None, tmp_path_factory.mktemp("ros-br")),
    }


def test_firewall_proof_holds(fixes):
    res = fixes["firewall"]
    assert res.lost == []
    assert res.ok, [f.id for f in res.open_severe]
    assert not [r for r in res.devices.values() if r.withdrawn]
    closed = {(f.check, tuple(f.zones)) for f in res.closed}
    assert ("guest-isolation", ("guest", "staff")) in closed
    checks = {f.check for f in res.closed}
    assert {
        "routeros-winbox-from-guest",
        "routeros-insecure-service",
        "routeros-service-no-address",
        "mgmt-http-server",
        "mgmt-vty-no-access-class",
        "mgmt-snmp-community",
    } <= checks
    assert not [f for f in res.new if f.severity in ("critical", "high", "medium")]


def test_firewall_block_before_drop_rules(fixes):
    rendered = fixes["firewall"].devices["UBNDBM-RT"].rendered
    lines = rendered.patched.splitlines()
    jump = next(i for i, ln in enumerate(lines) if "jump-target=netaudit-forward" in ln)
    drops = [i for i, ln in enumerate(lines) if "chain=forward" in ln and "action=drop" in ln and "invalid" not in ln]
    assert drops and jump < min(drops)
    assert "place-before=[ find where chain=forward and comment=" in rendered.change_set
    assert "set www disabled=yes" in rendered.change_set
    assert "set winbox address=10.10.99.0/24" in rendered.change_set
    assert rendered.change_set.startswith("# netaudit") and "/export file=before-fix" in rendered.change_set
    # rollback: the added rules and lists removed, the services restored
    assert 'remove [ find where comment~"^netaudit:" ]' in rendered.rollback
    assert "/ip service set www disabled=no" in rendered.rollback
    assert any("Safe Mode" in n["en"] for n in rendered.notes)


def test_firewall_patched_parses_cleanly(fixes, tmp_path):
    rendered = fixes["firewall"].devices["UBNDBM-RT"].rendered
    (tmp_path / "r.rsc").write_text(rendered.patched)
    audit = run_audit([tmp_path])
    rep = audit.snapshot.reports[0]
    assert rep.unrecognized == []
    assert rep.partially_understood == []


def test_bridge_l2_closed_by_vlan_filtering(fixes):
    res = fixes["bridge"]
    assert res.lost == []
    assert res.ok, [f.id for f in res.open_severe]
    closed = {(f.check, tuple(f.zones)) for f in res.closed}
    # the plan lists these two as Unfixable (one L2 segment); vlan-filtering closes them
    assert ("guest-isolation", ("guest", "staff")) in closed
    assert ("policy-violation", ("staff", "guest")) in closed
    assert "routeros-bridge-no-vlan-filtering" in {f.check for f in res.closed}
    rendered = res.devices["UBNDTS-HAP"].rendered
    cs = rendered.change_set
    assert cs.index("/interface bridge port") < cs.index("vlan-filtering=yes")
    assert rendered.rollback.splitlines()[1].endswith("vlan-filtering=no")
    assert "name=bridge vlan-filtering=yes" in rendered.patched
    # The guests reached the router's DNS over TCP through the staff bridge; on their own
    # VLAN the unit's rules accept UDP 53/67 only, then drop: DNS over TCP (allowed by
    # the policy) is accepted again there, before that drop, by the netaudit input chain.
    keep = (
        "chain=netaudit-input action=accept in-interface=vlan40-khach protocol=tcp dst-port=53 "
        'comment="netaudit: guest: tcp/53 to the router, allowed"'
    )
    assert f"add {keep}" in cs
    assert [k.service for k in res.plan.devices["UBNDTS-HAP"].keeps] == ["tcp/53"]


# --------------------------------------------------------------------------- anti-spoofing

COMPLIANT = SAMPLES / "routeros-commune-compliant"


def _forging_office(tmp_path):
    """The compliant office without ``rp-filter=strict`` and with the management rule
    matching on its source address only: staff, servers and counter hosts can forge a
    management source towards the other inside zones (spoofing findings).  A raw accept
    of management sources sits in prerouting: the anti-spoofing drops must come first."""
    text = (COMPLIANT / "ubndpt-rb4011.rsc").read_text()
    text = text.replace("set rp-filter=strict tcp-syncookies=yes", "set tcp-syncookies=yes")
    old = (
        'add action=accept chain=forward comment="Quan tri -> cac vung noi bo" \\\n'
        "    in-interface=vlan99-quantri out-interface-list=LAN src-address=\\\n"
        "    10.10.99.0/24\n"
    )
    assert old in text
    text = text.replace(
        old,
        'add action=accept chain=forward comment="Quan tri -> cac vung noi bo" \\\n'
        "    out-interface-list=LAN src-address=10.10.99.0/24\n",
    )
    text = text.replace(
        "/ip firewall filter\n",
        '/ip firewall raw\nadd action=accept chain=prerouting comment="Tin cay: quan tri" src-address=10.10.99.0/24\n'
        "/ip firewall filter\n",
        1,
    )
    net = tmp_path / "net"
    net.mkdir()
    (net / "ubndpt-rb4011.rsc").write_text(text)
    (net / "site.yaml").write_text((COMPLIANT / "site.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    return net


@pytest.fixture(scope="module")
def forging(tmp_path_factory):
    net = _forging_office(tmp_path_factory.mktemp("ros-spoof"))
    return net, prove_mod.run_fix([net], net / "site.yaml", tmp_path_factory.mktemp("ros-spoof-fix"))


def test_forging_zones_get_a_raw_drop_where_they_enter(forging):
    _, res = forging
    forged = {f.key for f in res.before.findings if f.check == "spoofing"}
    assert {"staff", "servers", "counter"} <= forged
    assert res.lost == []
    assert not [r for r in res.devices.values() if r.withdrawn]
    assert not [f for f in res.after.findings if f.check == "spoofing"]
    assert {f.key for f in res.closed if f.check == "spoofing"} == forged
    assert not [f for f in res.new if f.severity in ("critical", "high", "medium")]
    r = res.devices["UBNDPT-RT"].rendered
    drop = (
        "add chain=prerouting action=drop in-interface=vlan10-canbo src-address-list=!netaudit-staff "
        'src-address=!0.0.0.0 comment="netaudit: anti-spoofing: staff on vlan10-canbo"'
    )
    lines = r.change_set.splitlines()
    # placed before the raw accept that would end raw processing for forged packets too
    assert drop + ' place-before=[ find where chain=prerouting and comment="Tin cay: quan tri" ]' in lines
    assert 'add list=netaudit-staff address=10.10.10.0/24 comment="netaudit: zone addresses"' in lines
    assert '/ip firewall raw remove [ find where comment~"^netaudit:" ]' in r.rollback.splitlines()
    assert '/ip firewall address-list remove [ find where list~"^netaudit-" ]' in r.rollback.splitlines()
    assert "rp-filter" not in r.change_set
    patched = r.patched.splitlines()
    first_drop = next(i for i, ln in enumerate(patched) if "anti-spoofing: staff" in ln)
    accept = next(i for i, ln in enumerate(patched) if "Tin cay: quan tri" in ln)
    assert first_drop < accept
    assert any("raw" in n["en"] and "rp-filter" in n["en"] for n in r.notes)


def test_antispoof_of_a_plan_on_a_sample_router(tmp_path):
    # A plan entry alone (the leaky sample has no spoofing finding): the guest's gateway
    # gets the drop, its subnet and whatever is routed behind it stay allowed; the parser
    # reads the patched export with the drop before every filter rule.
    from netaudit.remedy import DevicePlan, mikrotik_routeros
    from netaudit.remedy.plan import AntiSpoof

    audit = run_audit([FIREWALL])
    dev = audit.topology.devices["UBNDBM-RT"]
    gw = next(n for n, i in dev.interfaces.items() if any(str(a.cidr) == "10.10.40.0/24" for a in i.addresses))
    plan = DevicePlan("UBNDBM-RT", "mikrotik_routeros", dev.file, antispoofs=[AntiSpoof("UBNDBM-RT", gw, "guest")])
    text = next(FIREWALL.glob("*.rsc")).read_text()
    r = mikrotik_routeros.render(plan, dev, text)
    assert f"in-interface={gw} src-address-list=!netaudit-guest src-address=!0.0.0.0" in r.change_set
    assert "add list=netaudit-guest address=10.10.40.0/24" in r.change_set
    assert '/ip firewall raw remove [ find where comment~"^netaudit:" ]' in r.rollback
    (tmp_path / "r.rsc").write_text(r.patched)
    after = run_audit([tmp_path])
    rep = after.snapshot.reports[0]
    assert rep.unrecognized == []
    # the router has DNAT, but the drop matches the source and the input interface only,
    # which DNAT does not change: understood in full
    assert rep.partially_understood == []
    d = after.topology.devices["UBNDBM-RT"]
    first = d.filters[d.forward_filter].lines[0]
    assert first.name.startswith("raw") and "anti-spoofing" in first.source.text


# --------------------------------------------------------------------------- sweep of real inputs


def test_antispoof_beside_a_static_route_by_gateway(tmp_path):
    """issue7: a WAN by DHCP, a static route by gateway through another interface and a
    zone forging sources: computing what is routed behind each interface read the
    gateway (an integer in the model) as a network and crashed (exit 70)."""
    from helpers import FIXTURES

    net = FIXTURES / "mikrotik_routeros" / "issue7-dhcp-wan-v7.rsc"
    res = prove_mod.run_fix([net], net.with_name("issue7-dhcp-wan-v7.site.yaml"), tmp_path / "fix")
    (name,) = [n for n, r in res.devices.items() if r.rendered is not None]
    assert "/ip firewall raw" in res.devices[name].rendered.change_set
    assert res.lost == []


def test_a_forged_unspecified_source_is_dropped_beyond_dhcp(tmp_path):
    """pcc-hai-wan-v6: guest is kept from staff by a routing rule on its source; the raw
    anti-spoofing drop exempted 0.0.0.0 (DHCP) toward every destination, and a guest host
    sending from 0.0.0.0 still reached staff.  Only DHCP's 0.0.0.0 → 255.255.255.255 is
    left; 0.0.0.0 to anything else is dropped in the filter chains (after DNAT)."""
    from helpers import FIXTURES

    net = FIXTURES / "mikrotik_routeros" / "pcc-hai-wan-v6.rsc"
    res = prove_mod.run_fix([net], net.with_name("pcc-hai-wan-v6.site.yaml"), tmp_path / "fix")
    assert "spoofing" in {f.check for f in res.before.findings}
    assert "spoofing" in {f.check for f in res.closed}
    assert "spoofing" not in {f.check for f in res.after.findings}
    cs = res.devices["UBND-Phuong-7"].rendered.change_set.splitlines()
    assert any(
        ln.startswith("add chain=netaudit-forward action=drop in-interface=ether4 src-address=0.0.0.0 ") for ln in cs
    )
    assert any("src-address=0.0.0.0 dst-address=!255.255.255.255" in ln and "netaudit-input" in ln for ln in cs)
    # the raw rule keeps matching the source only: no destination before DNAT
    raw = [ln for ln in cs if "anti-spoofing" in ln and "prerouting" in ln]
    assert raw and not any("dst-address" in ln for ln in raw)
    # and nothing the router had understood becomes partial (a raw rule on the destination
    # would: it matches before DNAT)
    partial = [{k: p[k] for k in ("construct", "reason")} for p in res.after.snapshot.reports[0].partially_understood]
    assert partial == [
        {k: p[k] for k in ("construct", "reason")} for p in res.before.snapshot.reports[0].partially_understood
    ]


def test_a_wan_zone_is_blocked_by_its_interface_not_its_forgeable_sources(tmp_path):
    """The provincial network (TSLCD, a WAN zone) is blocked where it leaves toward the
    zones it may not reach; matched by its source addresses, a TSLCD host forging another
    source went past, and the change itself brought a high spoofing finding. Only TSLCD
    lives behind ether5: the drops match ``in-interface=ether5`` instead."""
    from pathlib import Path

    folder = Path(__file__).parent / "leaky" / "ros2-vlan-tslcd"
    res = prove_mod.run_fix([folder], folder / "site.yaml", tmp_path / "fix")
    cs = res.devices["UBND-AnLac"].rendered.change_set.splitlines()
    tslcd = [ln for ln in cs if '"netaudit: tslcd -> ' in ln]
    assert tslcd and all("in-interface=ether5 out-interface=" in ln for ln in tslcd)
    assert not any("src-address-list=netaudit-tslcd" in ln for ln in tslcd)
    assert not [f for f in res.new if f.check == "spoofing"]
    assert res.ok and res.lost == []


def test_gateway_services_are_kept_for_inside_zones_only():
    """A lost DNS flow from the Internet is never accepted again (that would open a
    resolver on the WAN): keeps go to the zones the router is the gateway of."""
    from netaudit.remedy.plan import derive
    from netaudit.remedy.prove import _keep_gateway_services

    before = run_audit([SAMPLES / "routeros-commune-leaky-bridge"], None)
    plan = derive(before)
    lost = [("internet", "@devices", "udp/53"), ("guest", "@devices", "tcp/53")]
    assert _keep_gateway_services(before, plan, lost)
    keeps = [(k.zone, k.service) for dp in plan.devices.values() for k in dp.keeps]
    assert keeps == [("guest", "tcp/53")]


def test_an_open_resolver_is_closed_on_the_wan_and_the_vpn_endpoint_kept(tmp_path):
    """A ward router answering DNS on the WAN (allow-remote-requests=yes, the input chain
    dropping only the admin ports from the WAN) with a WireGuard tunnel on 13231: the
    change set drops DNS where the Internet enters (ether1) — the LAN keeps its resolver —
    and leaves the WireGuard port on: the VPN endpoint the Internet may reach; the LAN
    still reaching it is said, not turned off."""
    from pathlib import Path

    folder = Path(__file__).parent / "leaky" / "ros6-open-resolver-wg"
    res = prove_mod.run_fix([folder], folder / "site.yaml", tmp_path / "fix")
    assert res.ok and res.lost == []
    assert ("policy-violation", ("internet", "@devices")) in {(f.check, tuple(f.zones)) for f in res.closed}
    cs = res.devices["UBND-Phuong-An-Lac"].rendered.change_set
    assert "dst-port=13231" not in cs
    for proto in ("udp", "tcp"):
        assert f"action=drop in-interface=ether1 protocol={proto} dst-port=53 " in cs
    assert "in-interface=bridge-lan" not in cs  # nothing taken from the LAN
    why = {tuple(f.zones): w["en"] for f, w in res.remaining}
    assert "VPN endpoint" in why[("staff", "@devices")]
    after = run_audit([tmp_path / "fix" / "after"], tmp_path / "fix" / "after" / "site.yaml")
    cells = {(c.src, c.dst): c for c in after.matrix}
    assert cells[("internet", "@devices")].services == ["udp/13231"]
    assert {"udp/53", "tcp/53"} <= set(cells[("staff", "@devices")].services)


def test_an_open_resolver_is_said_where_the_vendor_cannot_drop_by_interface():
    """A vendor whose change set has no per-interface drop of DNS (here the ward router
    read as an ASA's, which serves no DNS: plan.EDGE_CLOSE_VENDORS): the plan does not
    turn DNS off for the LAN; the finding is left with the port to drop on the WAN."""
    from pathlib import Path

    from netaudit.remedy.plan import derive

    folder = Path(__file__).parent / "leaky" / "ros6-open-resolver-wg"
    audit = run_audit([folder], folder / "site.yaml")
    audit.topology.devices["UBND-Phuong-An-Lac"].vendor = "cisco_asa"
    plan = derive(audit)
    assert not [c for dp in plan.devices.values() for c in dp.closes]
    assert not [r for dp in plan.devices.values() for r in dp.restricts if r.service == "dns"]
    why = [u.reason["en"] for u in plan.unfixable if "open resolver" in u.reason["en"]]
    assert why and "udp/53" in why[0]


def test_hotspot_dynamic_rules_are_no_place_for_the_jump(tmp_path):
    """A HotSpot's rules sit above the export's (RouterOS installs them, ``D``): the
    jump goes before the first rule of the configuration that decides new connections,
    as the script's ``find … !dynamic`` counts, never before a dynamic rule's source line
    (here the ip-binding that blocks 10.20.30.66, far below the filter)."""
    from helpers import FIXTURES

    folder = tmp_path / "in"
    folder.mkdir()
    fixture = FIXTURES / "mikrotik_routeros"
    (folder / "r.rsc").write_text((fixture / "hotspot-xa-leaky-v6.rsc").read_text())
    (folder / "site.yaml").write_text((fixture / "hotspot-xa-leaky-v6.site.yaml").read_text())
    res = prove_mod.run_fix([folder], None, tmp_path / "out")
    rendered = res.devices["UBND-Xa-Hotspot-2"].rendered
    lines = rendered.patched.splitlines()
    jump = next(i for i, ln in enumerate(lines) if "jump-target=netaudit-forward" in ln)
    first = next(i for i, ln in enumerate(lines) if "chain=forward in-interface=bridge-canbo" in ln)
    assert jump < first
    closed = {(f.check, tuple(f.zones)) for f in res.closed}
    assert ("routeros-winbox-from-guest", ("guest",)) in closed
    # guest → staff: blocked by the change, but the portal's proxy leaves it unknown
    assert ("guest-isolation", ("guest", "staff")) not in closed


def test_a_dead_accept_sharing_its_comment_is_not_disabled_by_a_find(tmp_path):
    """RouterOS 6's default configuration comments every rule "default configuration":
    `disable [ find where chain=input and comment="default configuration" ]` would take
    the WAN drop of input with the dead accept (a real v6.18 export's change set did, and
    the proof, which disabled one line, said nothing was lost).  A dead accept whose
    comment is not its own is left as it is."""
    from helpers import FIXTURES

    net = tmp_path / "xa"
    net.mkdir()
    (net / "r.rsc").write_text((FIXTURES / "mikrotik_routeros" / "default-config-shared-comment-v6.rsc").read_text())
    (net / "site.yaml").write_text(
        "unit: UBND xa Tan Hoa\nlevel: 2\nzones:\n"
        "  guest: {kind: guest, subnets: [10.5.50.0/24], attach: ['UBND-Xa-Tan-Hoa:ether3-master-local']}\n"
        "  internet: {kind: external, attach: ['UBND-Xa-Tan-Hoa:ether1-gateway']}\n"
    )
    res = prove_mod.run_fix([net], net / "site.yaml", tmp_path / "fix")
    rendered = res.devices["UBND-Xa-Tan-Hoa"].rendered
    assert 'comment="default configuration"' not in rendered.change_set
    assert "disabled=yes" not in "\n".join(
        line for line in rendered.patched.splitlines() if "default configuration" in line
    )
