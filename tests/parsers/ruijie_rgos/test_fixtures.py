"""The Ruijie RGOS fixtures audited with their site files (tests/fixtures/ruijie_rgos/*.site.yaml):
hand-derived verdicts (each cell's reason in a comment where it is not plain)."""

from __future__ import annotations

from helpers import check_cells, fixture_audit

R, B, U = "reachable", "blocked", "unknown"


def test_ward_core_s5750(tmp_path_factory):
    audit = fixture_audit("ruijie_rgos", "ward-core-s5750", tmp_path_factory)
    check_cells(
        audit,
        {
            # KHACH-IN (in on VLAN 20): DHCP to any address passes (line 10), then every
            # private range is denied, the rest permitted
            ("wifi-khach", "van-phong"): (R, ["udp/67"]),
            ("wifi-khach", "quan-tri"): (R, ["udp/67"]),
            ("wifi-khach", "camera"): (R, ["udp/67"]),
            ("wifi-khach", "internet"): (R, ["ip"]),
            ("wifi-khach", "@devices"): B,  # the core's addresses are in 10.20.0.0/16
            # CAMERA-IN: the cameras reach the staff VLAN only
            ("camera", "van-phong"): (R, ["ip"]),
            ("camera", "wifi-khach"): B,
            ("camera", "quan-tri"): B,
            ("camera", "internet"): B,
            ("camera", "@devices"): (R, ["icmp/8"]),  # line 10's destination holds Vlan10's address
            # SSH (enable service ssh-server) only from QUANTRI (vty access-class);
            # telnet and web switched off; SNMP's agent default not established (maybe)
            ("quan-tri", "@devices"): (R, ["icmp/8", "tcp/22"]),
            ("van-phong", "@devices"): (R, ["icmp/8"]),
            ("van-phong", "wifi-khach"): (R, ["ip"]),
            ("internet", "van-phong"): (R, ["ip"]),
        },
    )


def test_ward_edge_rsr20(tmp_path_factory):
    audit = fixture_audit("ruijie_rgos", "ward-edge-rsr20", tmp_path_factory)
    check_cells(
        audit,
        {
            ("wifi-khach", "noi-bo"): B,  # KHACH-VAO line 10
            ("wifi-khach", "internet"): U,  # through NAT (partial)
            ("noi-bo", "internet"): U,
            # telnet and web switched on, no vty access-class; HTTPS not established (maybe)
            ("wifi-khach", "@devices"): (R, ["icmp/8", "tcp/23", "tcp/80"]),
            ("internet", "@devices"): (R, ["icmp/8", "tcp/23", "tcp/80"]),
        },
    )


def test_commune_s2910_partial(tmp_path_factory):
    audit = fixture_audit("ruijie_rgos", "commune-s2910-partial", tmp_path_factory)
    check_cells(
        audit,
        {
            ("can-bo", "tiep-dan"): U,  # CHAN-CANBO out on VLAN 10's SVI... from VLAN 10: partial SVI
            ("quan-tri", "can-bo"): U,  # ... and to it
            ("tiep-dan", "can-bo"): U,  # time-range line; web-auth on Gi0/3
            ("tiep-dan", "quan-tri"): B,  # CHAN-KHACH line 20, exact whatever the portal does
            ("camera", "can-bo"): U,  # CAMERA-CU not defined; ACL 5 on the camera port
            ("quan-tri", "@devices"): (R, ["icmp/8", "tcp/22"]),
        },
    )
