"""The Stanford backbone (real configs + routing state) end to end."""

from __future__ import annotations

import pytest
from bench.stanford import CORPUS, site_dict
from helpers import analyse

from netaudit import zones
from netaudit.inputs import load_snapshot

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not present")


@pytest.fixture(scope="module")
def matrix():
    snap = load_snapshot([CORPUS])
    site = zones.site_from_dict(site_dict(snap.devices), "stanford-site")
    return snap, analyse(snap.devices, site).cells


def test_every_config_and_routing_table_is_used(matrix):
    snap, _ = matrix
    assert len(snap.devices) == 16
    with_state = [d.hostname for d in snap.devices if d.routing_state]
    assert len(with_state) == 12
    assert sum(f.unrecognized for f in snap.inputs) == 0


def test_buildings_with_routing_state_reach_each_other_with_witnesses(matrix):
    _, cells = matrix
    cell = cells[("boz", "goz")]
    assert cell.verdict == "reachable"
    hops = cell.witness.hops
    assert hops[0]["device"] in ("boza_rtr", "bozb_rtr") and hops[-1]["device"] in ("goza_rtr", "gozb_rtr")
    assert all(r["file"].endswith(("_config.txt", "_route.txt")) for h in hops for r in h["rules"])


@pytest.mark.parametrize("building", ["coz", "soz"])
def test_buildings_without_routing_state_are_unknown_not_blocked(matrix, building):
    # Their configs show OSPF on interfaces but no routes were supplied: beyond their
    # own subnets the path cannot be proven either way.
    _, cells = matrix
    row = [c for (s, d), c in cells.items() if s == building and d not in ("bbr", "@devices")]
    assert row and all(c.verdict == "unknown" for c in row)
    assert all(f"{building}a_rtr" in c.reason or f"{building}b_rtr" in c.reason for c in row)
