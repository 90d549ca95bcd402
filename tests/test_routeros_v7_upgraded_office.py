"""End to end: a commune office on RouterOS 7.19 as a technician exports it after upgrading
from 7.16 (``tests/fixtures/mikrotik_routeros/xa-vlan-717-upgrade-v7.rsc``), with what the
real exports of the RouterOS sweep showed (docs/vendors/mikrotik_routeros.md):

* ``/interface ovpn-server server add mac-address=… name=ovpn-server1``: the upgrade's copy
  of the old, off-by-default OpenVPN server, in nearly every 7.17+ export — no tcp/1194 on
  the router;
* a DHCP client left on ``ether5``, a port of the VLAN-filtering bridge (the export itself
  says "DHCP client can not run on slave or passthrough interface!"): no run-time address,
  no default route there, and ``init`` does not draft the Internet on it;
* ``/snmp set trap-community=giamsat``: a community that is a plain word, a secret of its
  line.

The verdicts, derived by hand: the forward chain lets can bo go anywhere, the guest Wi-Fi
only to the WAN, nothing in from the Internet; the input chain drops the guests but DNS,
DHCP and ping, and anything from outside the LAN list but ping.
"""

from __future__ import annotations

from helpers import EVERY_NEW_CONNECTION, FIXTURES, cells, check_cells, fixture_audit

from netaudit import inputs, topology, zones
from netaudit.reach import BLOCKED, REACHABLE

NAME = "xa-vlan-717-upgrade-v7"


def test_verdicts_of_the_upgraded_office(tmp_path_factory):
    a = fixture_audit("mikrotik_routeros", NAME, tmp_path_factory)
    check_cells(
        a,
        {
            ("canbo", "internet"): (REACHABLE, EVERY_NEW_CONNECTION),
            ("canbo", "khach"): REACHABLE,
            ("khach", "canbo"): BLOCKED,
            ("khach", "internet"): (REACHABLE, EVERY_NEW_CONNECTION),
            ("khach", "@devices"): (REACHABLE, ["icmp/8", "udp/53", "udp/67"]),
            ("internet", "canbo"): BLOCKED,
            ("internet", "khach"): BLOCKED,
            ("internet", "@devices"): (REACHABLE, ["icmp/8"]),
            # ssh, DNS, btest, winbox, SNMP, DHCP — and no OpenVPN (tcp/1194)
            ("canbo", "@devices"): (
                REACHABLE,
                ["icmp/8", "tcp/22", "tcp/53", "tcp/2000", "tcp/8291", "udp/53", "udp/67", "udp/161"],
            ),
        },
    )
    assert "tcp/1194" not in cells(a)[("internet", "@devices")].expectation.allowed_services
    (dev,) = a.devices
    assert [(r.interface, r.source.line) for r in dev.routes] == [("ether1", 41)]
    assert not dev.interfaces["ether5"].dynamic_address
    assert "giamsat" in dev.secret_lines[74]


def test_init_drafts_the_internet_on_the_uplink_only():
    snap = inputs.load_snapshot([FIXTURES / "mikrotik_routeros" / f"{NAME}.rsc"])
    draft = zones.infer_site(snap.devices, topology.build(snap.devices))
    internet = [z for z in draft.zones if z.kind == "external"]
    assert [z.attach for z in internet] == [[("UBND-Xa-Tan-Hoa", "ether1")]]
