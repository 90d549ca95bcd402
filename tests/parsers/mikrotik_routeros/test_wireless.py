"""Wireless and wifi interfaces, SSIDs and the VLANs radios tag
(:mod:`~netaudit.parsers.mikrotik_routeros.wireless`)."""

from __future__ import annotations

from netaudit.model import L2Mode

from .helpers import parse


def test_wireless_use_tag_and_virtual_ap_ssids():
    dev, _ = parse("""
    /interface bridge
    add name=br vlan-filtering=yes
    /interface wireless security-profiles
    set [ find default=yes ] supplicant-identity=MikroTik
    add authentication-types=wpa2-psk mode=dynamic-keys name=staff wpa2-pre-shared-key=Secr3tKey
    /interface wireless
    set [ find default-name=wlan1 ] disabled=no mode=ap-bridge security-profile=staff ssid=STAFF \\
        vlan-id=10 vlan-mode=use-tag
    add disabled=no master-interface=wlan1 name=wlan-guest ssid=KHACH vlan-id=40 vlan-mode=use-tag
    set [ find default-name=wlan2 ] ssid=OFF
    /interface bridge port
    add bridge=br interface=wlan1
    add bridge=br interface=wlan-guest
    """)
    by = {s.name: s for s in dev.ssids}
    assert set(by) == {"STAFF", "KHACH"}  # wlan2 is disabled by default
    assert by["STAFF"].vlan == 10 and by["STAFF"].open_auth is False
    assert by["KHACH"].vlan == 40 and by["KHACH"].open_auth is True  # default profile: mode none
    assert dev.interfaces["wlan-guest"].access_vlan == 40
    assert "Secr3tKey" in dev.secrets


def test_default_security_profile_selected_with_true_is_read():
    """RouterOS 7.10–7.12 export booleans as ``true``/``false``: ``set [ find
    default=true ]`` is the built-in default profile (a real 7.11.2 export).  It was
    unrecognized, so an SSID on the default profile read as open (``mode=none``) and
    ``init`` drafted the office's WPA2 network as a guest zone."""
    dev, rep = parse(
        """
    /interface wireless security-profiles
    set [ find default=true ] authentication-types=wpa2-psk mode=dynamic-keys \\
        supplicant-identity=MikroTik wpa2-pre-shared-key=VanPhong2024
    /interface wireless
    set [ find default-name=wlan1 ] disabled=false mode=ap-bridge ssid=UBND-Xa
    """,
        header="# 2025-04-25 12:32:58 by RouterOS 7.11.2\n",
    )
    assert rep.unrecognized == []
    (s,) = dev.ssids
    assert (s.name, s.open_auth) == ("UBND-Xa", False)
    assert "VanPhong2024" in dev.secrets


def test_a_security_profile_the_export_lacks_is_not_read_as_open():
    """``security-profile=svHarmony`` whose definition was removed before publishing:
    whether the SSID is open is not known (it was read as open, and ``init`` made its
    network a guest zone: critical findings on a staff network), and the reference is
    undefined."""
    dev, _ = parse("""
    /interface wireless
    set [ find default-name=wlan1 ] disabled=no mode=ap-bridge security-profile=svHarmony ssid=HARMONY
    """)
    (s,) = dev.ssids
    assert s.open_auth is None
    assert [(r.kind, r.name, r.defined) for r in dev.references] == [("security-profile", "svHarmony", False)]


def test_wifi_datapath_makes_a_dynamic_bridge_port_with_its_vlan():
    dev, _ = parse("""
    /interface bridge
    add name=br vlan-filtering=yes
    /interface wifi datapath
    add bridge=br name=dp-guest vlan-id=40
    /interface wifi configuration
    add datapath=dp-guest mode=ap name=cfg-guest ssid="Free WiFi"
    /interface wifi
    set [ find default-name=wifi2 ] configuration=cfg-guest disabled=no
    """)
    assert dev.interfaces["wifi2"].mode == L2Mode.ACCESS and dev.interfaces["wifi2"].access_vlan == 40
    (s,) = dev.ssids
    assert (s.name, s.vlan, s.open_auth) == ("Free WiFi", 40, True)


def test_wireless_tagging_on_a_plain_bridge_is_warned():
    dev, rep = parse("""
    /interface bridge
    add name=br
    /interface wireless
    set [ find default-name=wlan1 ] disabled=no mode=ap-bridge ssid=G vlan-id=40 vlan-mode=use-tag
    /interface bridge port
    add bridge=br interface=wlan1
    """)
    assert any("tags its wireless clients into VLAN 40" in w for w in rep.warnings)
    assert dev.unfiltered_bridges == []


CONTROLLER = """\
/interface bridge
add name=bridge1 vlan-filtering=yes
/interface vlan
add interface=bridge1 name=vlan10_main vlan-id=10
/interface wifi datapath
add bridge=bridge1 disabled=no name=datapath_none
/interface wifi configuration
add datapath=datapath_none disabled=no name=ac_guest ssid=guest
/interface wifi
# operated by CAP 192.168.210.5, traffic processing on CAP
add channel=2G-CH6 configuration=ac_guest configuration.mode=ap disabled=no \\
    name=AP2-2G radio-mac=C4:AD:34:C5:F0:9B
add configuration=ac_guest configuration.mode=ap disabled=no name=local-2G
/interface bridge port
add bridge=bridge1 frame-types=admit-only-vlan-tagged interface=ether2
/interface wifi capsman
set enabled=yes interfaces=vlan10_main
/ip address
add address=192.168.210.1/24 interface=vlan10_main
/system identity
set name=R1
"""


def test_a_capsman_controller_s_remote_radios_are_not_its_bridge_ports():
    """maigonis-elleris/routeros-fundamentals-lab R1 (a v7 wifi CAPsMAN controller, no
    version header): the radios of its access points ("# operated by CAP …, traffic
    processing on CAP") were bridge ports of the controller's bridge, with the v6 default
    ingress-filtering=no: a VLAN-hopping finding for each of 9 remote radios."""
    dev, rep = parse(CONTROLLER, header="")
    # the controller's settings say its access points' SSIDs are not modelled, not that
    # its own radios are managed by one (a real 7.13 hAP ac2 controller export)
    assert {str(p["reason"]) for p in rep.partially_understood} == {
        "CAPsMAN configuration (SSIDs on remote access points) not modelled"
    }
    assert "AP2-2G" not in dev.interfaces  # bridged on the access point
    assert dev.interfaces["local-2G"].parent == "bridge1"  # a radio of its own: a port
    assert not rep.unrecognized
    # /interface wifi exists only in RouterOS 7: its default ingress filtering (on) holds,
    # so the local radio's port (tagged frames admitted) is no VLAN-hopping port either.
    assert [p.port for p in dev.facts.vlan_hopping_ports] == []
    dev6, _ = parse(
        CONTROLLER.replace("/interface wifi", "/interface wireless").replace(
            "/interface wireless datapath\nadd bridge=bridge1 disabled=no name=datapath_none\n", ""
        ),
        header="",
    )
    assert "local-2G" in dev6.interfaces  # the v6 reading of the same shape still works
