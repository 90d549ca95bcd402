"""``netaudit init`` on each sample office's configs alone reproduces its committed site.yaml.

Compared as placed zones: the set of (kind, L2 domains) after ``zones.resolve`` — names
may differ (the draft says ``staff``, ``kiosk-vl30-quay`` …), placement and meaning may not.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import SAMPLES

from netaudit import inputs, topology, zones

OFFICES = sorted(p.name for p in SAMPLES.iterdir() if (p / "site.yaml").is_file())

# Offices whose committed site.yaml leaves out a zone the configs name, on purpose.
DIFFERS = {
    "routeros-commune-leaky-bridge": (
        "ether4 is commented 'May quan tri' (the network administrator's PC), so the draft has a "
        "management zone on it; the committed site.yaml declares only staff, guest and internet (the "
        "sample is about the guest Wi-Fi sharing the staff bridge), so the draft has one zone more"
    ),
    "linux-commune-leaky-iptables": (
        "its ports are enp1s0 … enp6s0 with no description: only the default route says anything "
        "(the Internet side); the five office segments are drafted commented out with a TODO to choose "
        "their kind, never given one by guess (tests/test_init_drafts.py)"
    ),
    "openwrt-commune-leaky": (
        "the guest SSID is attached to the lan network (the planted mistake): the draft names a guest "
        "zone on that radio, which sits in the staff L2 domain, where the committed site.yaml declares "
        "the staff zone; the drafted zones differ in kind there"
    ),
}


def placed(site: zones.Site, topo: topology.Topology) -> list[tuple[str, tuple[str, ...]]]:
    pz, _, warnings = zones.resolve(site, topo)
    # Segments in no zone are said (FortiLink in the FortiGate samples), the same for the
    # committed site and the draft when their placements agree: placement is compared.
    # The leaky bridge's guest zone is declared where its guests do not get its addresses
    # (the planted defect): said too (its expected.yaml).
    assert not [
        w
        for w in warnings
        if getattr(w, "key", None) != "warn.unzoned_segments" and "its declared subnets" not in str(w)
    ], warnings
    return sorted((p.kind, tuple(p.domains)) for p in pz)


def committed_and_drafted(office: str, tmp: Path):
    folder = SAMPLES / office
    snap = inputs.load_snapshot([folder])
    site = zones.load_site(folder / "site.yaml")
    want = placed(site, topology.build(snap.devices, site.links))
    # init sees the configs only (no site file, hence no links: none of the samples has any).
    topo = topology.build(snap.devices)
    # The draft as written to disk and read back, as the audit will read it.
    (tmp / "site.yaml").write_text(zones.site_to_yaml(zones.infer_site(snap.devices, topo)), encoding="utf-8")
    draft = zones.load_site(tmp / "site.yaml")
    zones.check_references(draft, topo)
    return want, placed(draft, topo)


@pytest.mark.parametrize(
    "office",
    [pytest.param(o, marks=pytest.mark.xfail(strict=True, reason=DIFFERS[o])) if o in DIFFERS else o for o in OFFICES],
)
def test_init_reproduces_the_committed_zones(office, tmp_path):
    want, got = committed_and_drafted(office, tmp_path)
    assert got == want


def test_leaky_bridge_draft_differs_only_by_the_admin_pc(tmp_path):
    want, got = committed_and_drafted("routeros-commune-leaky-bridge", tmp_path)
    extra = sorted(set(got) - set(want))
    assert set(want) <= set(got) and [kind for kind, _ in extra] == ["management"]
    # The administrator's PC sits in the staff/guest bridge domain: the draft says so.
    staff_domain = next(d for kind, d in want if kind == "internal")
    assert extra[0][1] == staff_domain
