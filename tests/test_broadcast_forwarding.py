"""The engine's UDP broadcast forwarding (netaudit/reach/broadcasts.py; docs/semantics.md,
"UDP broadcast forwarding"): a copy of each forwarded broadcast to every helper, routed
and filtered on as any packet of the device.  The IOS side and the commune fixture:
tests/parsers/cisco_ios/test_broadcasts.py."""

from __future__ import annotations

import textwrap

from helpers import assert_same_audit, cells

from netaudit.audit import run_audit
from netaudit.parsers.ip import ip_to_int
from netaudit.reach import BLOCKED, REACHABLE, UNKNOWN
from netaudit.reach.paths import sent_before

ROUTER = """\
version 15.7
hostname NHA-VAN-HOA
!
interface GigabitEthernet0/0
 description CAN-BO
 ip address 10.8.1.1 255.255.255.0
{staff}!
interface GigabitEthernet0/1
 description MAY-CHU
 ip address 10.8.9.1 255.255.255.0
{servers}!
interface GigabitEthernet0/2
 description KHACH
 ip address 192.168.77.1 255.255.255.0
 ip access-group KHACH-VAO in
{guest}!
ip access-list extended KHACH-VAO
{first} deny   ip any 10.0.0.0 0.255.255.255
 permit ip any any
{extra}end
"""
SITE = """\
unit: "Nha van hoa xa"
level: 2
zones:
  can-bo:
    kind: internal
    subnets: [10.8.1.0/24]
    attach: ["NHA-VAN-HOA:GigabitEthernet0/0"]
  may-chu:
    kind: server
    subnets: [10.8.9.0/24]
    attach: ["NHA-VAN-HOA:GigabitEthernet0/1"]
  khach:
    kind: guest
    subnets: [192.168.77.0/24]
    attach: ["NHA-VAN-HOA:GigabitEthernet0/2"]
"""


def audit(tmp_path, guest="", servers="", staff="", extra="", first=""):
    """The router with lines added: to the guest, server and staff interfaces, at the top
    of the guest ACL (``first``) and at the end (``extra``)."""
    cfg = tmp_path / "nha-van-hoa.cfg"
    cfg.write_text(ROUTER.format(guest=textwrap.dedent(guest), servers=servers, staff=staff, extra=extra, first=first))
    site = tmp_path / "site.yaml"
    site.write_text(SITE)
    return run_audit([cfg], site)


def test_a_copy_to_every_helper(tmp_path):
    """IOS sends a forwarded broadcast to each helper address of the interface: the
    guest reaches both servers, in two zones, each by its own helper line."""
    a = audit(tmp_path, guest=" ip helper-address 10.8.9.10\n ip helper-address 10.8.1.20\n")
    got = cells(a)
    hs = a.engine.hs
    for dst, helper in (("may-chu", "10.8.9.10"), ("can-bo", "10.8.1.20")):
        cell = got[("khach", dst)]
        assert cell.verdict == REACHABLE, dst
        assert hs.within(cell.delivered, hs.eq("dst_ip", ip_to_int(helper)))
        rules = [r["text"] for h in cell.witness.to_json()["hops"] for r in h["rules"]]
        assert f"ip helper-address {helper}" in rules


def test_the_directed_broadcast_of_the_interface_subnet_is_forwarded_too(tmp_path):
    """Only 192.168.77.255 reaching the helper (the ACL denies the limited broadcast):
    still forwarded; a broadcast of another subnet is not."""
    a = audit(tmp_path, guest=" ip helper-address 10.8.9.10\n", first=" deny   ip any host 255.255.255.255\n")
    cell = cells(a)[("khach", "may-chu")]
    assert cell.verdict == REACHABLE
    assert cell.witness.packet.to_json()["dst_ip"] == "192.168.77.255"
    # As sent, every packet delivered was for 192.168.77.255: neither the denied limited
    # broadcast nor the broadcast of another subnet (10.8.9.255: routed, no helper traffic).
    hs = a.engine.hs
    sent = sent_before(hs, cell.chunks)
    assert sent is not None and hs.within(sent, hs.eq("dst_ip", ip_to_int("192.168.77.255")))


def test_the_outbound_acl_towards_the_helper_decides(tmp_path):
    """The copy leaves by the servers' interface like any routed packet: its outbound
    ACL, denying the guest range, blocks it."""
    a = audit(
        tmp_path,
        guest=" ip helper-address 10.8.9.10\n",
        servers=" ip access-group MAY-CHU-RA out\n",
        extra="ip access-list extended MAY-CHU-RA\n deny   ip 192.168.77.0 0.0.0.255 any\n permit ip any any\n",
    )
    cell = cells(a)[("khach", "may-chu")]
    assert cell.verdict == BLOCKED
    # The line that stops the copies is named (not only the guest ACL's deny of 10/8).
    assert "deny   ip 192.168.77.0 0.0.0.255 any" in [b["text"] for b in cell.blocking]


def test_helper_in_another_vrf_is_routed_there(tmp_path):
    """`ip helper-address vrf MAY-CHU A`: the copy is looked up in that VRF, where the
    guest interface's routes are not — a VRF with no route to A drops it."""
    a = audit(
        tmp_path,
        guest=" ip helper-address vrf MAY-CHU 10.8.9.10\n",
        servers=" vrf forwarding MAY-CHU\n ip address 10.8.9.1 255.255.255.0\n",
        extra="vrf definition MAY-CHU\n address-family ipv4\n exit-address-family\n",
    )
    assert cells(a)[("khach", "may-chu")].verdict == REACHABLE
    b = audit(
        tmp_path,
        guest=" ip helper-address vrf KHAC 10.8.9.10\n",
        extra="vrf definition KHAC\n address-family ipv4\n exit-address-family\n",
    )
    assert cells(b)[("khach", "may-chu")].verdict == BLOCKED


def test_policy_routing_on_the_interface_leaves_the_copies_uncertain(tmp_path):
    """Whether IOS applies the interface's route-map to the broadcasts it forwards is
    not established: with a route-map dropping what the guests send to the servers, the
    copies may be dropped or delivered — unknown, never blocked on faith."""
    a = audit(
        tmp_path,
        guest=" ip helper-address 10.8.9.10\n ip policy route-map KHACH-RA-NGOAI\n",
        extra=(
            "access-list 110 permit ip 192.168.77.0 0.0.0.255 10.8.9.0 0.0.0.255\n"
            "route-map KHACH-RA-NGOAI permit 10\n match ip address 110\n set interface Null0\n"
        ),
    )
    cell = cells(a)[("khach", "may-chu")]
    assert cell.verdict == UNKNOWN
    assert "policy routing" in cell.reason.render("en")


def test_control_plane_by_class_of_interfaces_gives_what_one_per_interface_gives(monkeypatch):
    """The relay agent listens on the helpers' interfaces only: arrivals on interfaces the
    same services listen on share one control-plane evaluation (Engine._control_at), and
    every cell, delivered set and witness is what one evaluation per interface gives."""
    from helpers import FIXTURES

    from netaudit.reach.engine import Engine

    cfg = FIXTURES / "cisco_ios" / "commune-guest-helper.cfg"
    site = FIXTURES / "cisco_ios" / "commune-guest-helper.site.yaml"
    shared = run_audit([cfg], site)
    (dev,) = shared.devices
    classes = shared.engine._cache[("control-at", dev.hostname)]
    assert isinstance(classes, dict) and 1 < len(set(classes.values())) < len(classes)
    monkeypatch.setattr(Engine, "_control_at", lambda self, dev, ifn: ifn)
    alone = run_audit([cfg], site)
    assert_same_audit(shared, alone)
