"""The H3C Comware fixtures (tests/fixtures/h3c_comware/) audited with their site files:
the verdicts their site files' comments state."""

from __future__ import annotations

from helpers import check_cells, fixture_audit

from netaudit.reach import BLOCKED, REACHABLE, UNKNOWN


def test_s5130_commune_core(tmp_path_factory):
    a = fixture_audit("h3c_comware", "s5130-ubndxa-core", tmp_path_factory)
    check_cells(
        a,
        {
            ("wifi-khach", "can-bo"): BLOCKED,
            ("wifi-khach", "camera"): BLOCKED,
            ("wifi-khach", "quan-ly"): BLOCKED,
            # ACL 3020 denies 10.0.0.0/8, the switch's own addresses too; whether a VLAN
            # interface's packet-filter filters packets to the device itself is not
            # established: icmp/8 is "maybe" (not proven), never "blocked"
            ("wifi-khach", "@devices"): (REACHABLE, ["udp/67"]),
            ("can-bo", "@devices"): (REACHABLE, ["icmp/8"]),
            ("quan-ly", "@devices"): (REACHABLE, ["icmp/8", "tcp/22", "tcp/443", "udp/161"]),
            ("can-bo", "camera"): REACHABLE,
        },
    )


def test_msr2600_edge_with_nat(tmp_path_factory):
    a = fixture_audit("h3c_comware", "msr2600-xaphuoc-edge", tmp_path_factory)
    check_cells(
        a,
        {
            # the nat server's tcp/8000 → camera:80: the WAN's inbound packet-filter 3100 may
            # see it before the translation (passed) or after (rule 0: 10.0.0.0/8, denied)
            ("internet", "camera"): UNKNOWN,
            ("internet", "can-bo"): BLOCKED,
            ("internet", "wifi-khach"): BLOCKED,
            ("wifi-khach", "can-bo"): (REACHABLE, ["udp/67"]),
            ("wifi-khach", "internet"): REACHABLE,
            ("can-bo", "internet"): REACHABLE,
            ("can-bo", "@devices"): (REACHABLE, ["icmp/8", "tcp/22", "udp/67"]),
            ("camera", "@devices"): (REACHABLE, ["icmp/8"]),
        },
    )


def test_secpath_f1000_with_zones(tmp_path_factory):
    a = fixture_audit("h3c_comware", "f1000-ttytx-fw", tmp_path_factory)
    check_cells(
        a,
        {
            ("khach", "can-bo"): BLOCKED,  # no zone-pair Khach -> Trust
            ("khach", "camera"): BLOCKED,
            ("can-bo", "camera"): BLOCKED,  # within Trust, no intra-zone permit
            ("khach", "internet"): (REACHABLE, ["ip"]),  # object-policy KHACH-RA-NET: rule 0 pass
            ("can-bo", "internet"): (REACHABLE, ["ip"]),  # zone-pair packet-filter 3000
            ("internet", "camera"): (REACHABLE, ["tcp/80"]),  # nat server + NET-VAO-CAMERA rule 0
            ("internet", "can-bo"): BLOCKED,  # NET-VAO-CAMERA rule 5 drop
            ("internet", "khach"): BLOCKED,  # no zone-pair Untrust -> Khach
            ("can-bo", "@devices"): REACHABLE,  # Trust -> Local: packet-filter 2001
            ("camera", "@devices"): UNKNOWN,  # in Trust, no rule of 2001 matches: default not established
            ("khach", "@devices"): BLOCKED,  # no zone-pair Khach -> Local
            ("internet", "@devices"): BLOCKED,
        },
    )


def test_secpath_f1000ak_with_security_policy(tmp_path_factory):
    a = fixture_audit("h3c_comware", "f1000ak-sotuphap-fw", tmp_path_factory)
    check_cells(
        a,
        {
            ("khach", "can-bo"): BLOCKED,  # rule 0 drop
            ("khach", "dmz"): BLOCKED,  # no rule: discarded
            ("khach", "internet"): (REACHABLE, ["tcp/80", "tcp/443", "udp/53"]),  # rule 10
            ("can-bo", "internet"): (REACHABLE, ["ip"]),  # rule 5
            ("internet", "dmz"): (REACHABLE, ["tcp/443"]),  # nat server, then rule 15
            ("internet", "can-bo"): BLOCKED,
            ("internet", "khach"): BLOCKED,
            ("can-bo", "dmz"): UNKNOWN,  # rule 20: time-range
            ("dmz", "can-bo"): BLOCKED,
            ("can-bo", "@devices"): (REACHABLE, ["tcp/22", "tcp/443"]),  # rule 25 toward Local
            ("khach", "@devices"): BLOCKED,
            ("internet", "@devices"): BLOCKED,
        },
    )


def test_s5120_comware_v5_ward_switch(tmp_path_factory):
    a = fixture_audit("h3c_comware", "s5120-v5-phuongtruycap", tmp_path_factory)
    check_cells(
        a,
        {
            ("mot-cua", "can-bo"): UNKNOWN,  # V5 `packet-filter inbound ip-group`: not modelled
            ("mot-cua", "quan-ly"): UNKNOWN,
            ("can-bo", "mot-cua"): UNKNOWN,
            ("can-bo", "quan-ly"): REACHABLE,
            ("quan-ly", "can-bo"): REACHABLE,
        },
    )
    services = {s.name: s for d in a.devices for s in d.services}
    # V5: whether telnet (`protocol inbound`) and ssh (`ssh server enable`) answer is not established
    assert services["telnet"].partial and services["ssh"].partial and services["telnet"].acl == "2000"
