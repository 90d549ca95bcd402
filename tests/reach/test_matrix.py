"""The matrix's rows (netaudit/reach/matrix.py)."""

from __future__ import annotations

from helpers import SAMPLES

from netaudit.audit import prepare
from netaudit.vocabulary import DEVICES_ZONE

OFFICES = sorted(p for p in SAMPLES.iterdir() if (p / "expected.yaml").is_file())


def test_the_replies_sent_to_a_zone_deliver_there_what_every_reply_does():
    """``Engine.sent_to``: the replies run of a row asks only its blocked cells' zones;
    from the packets addressed to a zone alone, what is surely delivered there is what
    the run of every reply surely delivers — on every sample office where no
    destination is rewritten; where one is (destination NAT, UDP helpers), every packet."""
    bounded = unbounded = 0
    for folder in OFFICES:
        _snap, _site, topo, placed, engine, _warnings = prepare([folder])
        hs = engine.hs
        rewrites = any(
            any(r.kind == "destination" for r in d.nat_rules) or any(i.udp_helpers for i in d.interfaces.values())
            for d in topo.devices.values()
        )
        names = [z.name for z in placed]
        if rewrites:
            assert engine.sent_to(names) is None, folder.name
            unbounded += 1
            continue
        replies = ~hs.new_connections
        for src in names:
            every = engine.run_zone(src, replies).deliveries
            for zone in [n for n in names if n != src] + [DEVICES_ZONE]:
                sent = engine.sent_to([zone])
                assert sent is not None
                alone = engine.run_zone(src, replies & sent).deliveries
                want = every[zone].certain if zone in every else hs.false
                got = alone[zone].certain if zone in alone else hs.false
                assert got == want, f"{folder.name}: {src} -> {zone}"
                bounded += 1
    # Both kinds of office are among the samples (the test would pass vacuously otherwise).
    assert bounded > 50 and unbounded >= 2


ROUTER_WITH_STATIC_NAT = """hostname R1
!
interface GigabitEthernet0/0
 ip address 203.0.113.2 255.255.255.0
 ip nat outside
 ip access-group FROM-ISP in
!
interface GigabitEthernet0/1
 ip address 10.1.1.1 255.255.255.0
 ip nat inside
!
ip nat inside source static 10.1.1.10 203.0.113.5
ip access-list extended FROM-ISP
 permit ip any host 203.0.113.5
 deny ip any any
!
ip route 0.0.0.0 0.0.0.0 203.0.113.1
!
end
"""

SITE_WITH_STATIC_NAT = """level: 2
unit: test
zones:
  servers:
    kind: server
    subnets: [10.1.1.0/24]
    attach: ["R1:GigabitEthernet0/1"]
  internet:
    kind: external
    attach: ["R1:GigabitEthernet0/0"]
"""


def test_replies_reaching_a_zone_only_through_a_static_nat_are_all_asked(tmp_path):
    """The server is reached from the Internet only at its public address, translated:
    the replies addressed to the server's own zone would not reach it, so the snapshot's
    replies are not bounded (``sent_to`` is None) and the cell's replies are found."""
    (tmp_path / "r1.cfg").write_text(ROUTER_WITH_STATIC_NAT, encoding="utf-8")
    (tmp_path / "site.yaml").write_text(SITE_WITH_STATIC_NAT, encoding="utf-8")
    _snap, _site, _topo, _placed, engine, _warnings = prepare([tmp_path])
    hs = engine.hs
    replies = ~hs.new_connections
    assert engine.sent_to(["servers"]) is None
    every = engine.run_zone("internet", replies).deliveries
    assert every["servers"].certain != hs.false
    # What bounding them by the zone's addresses would have lost:
    alone = engine.run_zone("internet", replies & engine.zone_addr["servers"]).deliveries
    assert "servers" not in alone or alone["servers"].certain == hs.false


def test_a_row_runs_with_the_cyclic_collector_paused_and_leaves_it_as_it_was():
    """``compute_row`` pauses the collector itself (BDD work must not run with it on:
    bdd_manager.py), so a caller computing rows outside an audit gets the audit's cells
    at the audit's cost, and finds the collector as it left it."""
    import gc

    from netaudit.reach.matrix import compute_matrix, compute_row

    _snap, _site, _topo, placed, engine, _warnings = prepare([OFFICES[0]])
    names = [z.name for z in placed]
    seen: list[bool] = []
    run_zone = engine.run_zone

    def recording(*args, **kwargs):
        seen.append(gc.isenabled())
        return run_zone(*args, **kwargs)

    engine.run_zone = recording  # type: ignore[method-assign]
    assert gc.isenabled()
    rows = [c for src in names for c in compute_row(engine, src, names)]
    assert gc.isenabled() and seen and not any(seen)
    engine.run_zone = run_zone  # type: ignore[method-assign]
    assert [(c.src, c.dst, c.verdict) for c in rows] == [
        (c.src, c.dst, c.verdict) for c in compute_matrix(engine, names)
    ]
    gc.disable()
    try:
        compute_row(engine, names[0], names)
        assert not gc.isenabled()
    finally:
        gc.enable()
