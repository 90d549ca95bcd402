"""The Stanford backbone as an audit: one internal zone per building (router pair xxxa/xxxb).

Each zone is made of the SVI subnets of its two routers, leaving out subnets that
several buildings share (they belong to no single building).  Routing state
(``*_route.txt``) is used where present.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "stanford-backbone"


def building(hostname: str) -> str:
    """``boza_rtr`` → ``boz``: the router pair's common prefix."""
    return hostname.split("_")[0][:-1]


def site_dict(devices, halves: bool = False) -> dict:
    """The site: one internal zone per building; with ``halves``, two per building (its
    subnets in address order, cut in the middle without separating overlapping ones):
    16 zones."""
    subnets: dict[str, set] = defaultdict(set)
    for d in devices:
        for itf in d.interfaces.values():
            if itf.kind.value == "svi" and not itf.shutdown:
                for a in itf.addresses:
                    subnets[building(d.hostname)].add(a.cidr)
    owners: dict = defaultdict(set)
    for b, nets in subnets.items():
        for n in nets:
            owners[n].add(b)
    zones = {}
    for b in sorted(subnets):
        own = sorted((n for n in subnets[b] if len(owners[n]) == 1), key=lambda n: (n.first, n.prefixlen))
        # Overlapping subnets of different buildings are shared too.
        own = [n for n in own if not any(n in m or m in n for c, ms in subnets.items() if c != b for m in ms)]
        if own:
            if not halves:
                zones[b] = {"kind": "internal", "subnets": [str(n) for n in own]}
                continue
            clusters: list[list] = []  # subnets that overlap stay together
            for n in own:
                if clusters and n.first <= max(m.last for m in clusters[-1]):
                    clusters[-1].append(n)
                else:
                    clusters.append([n])
            cut = max(1, len(clusters) // 2)
            for part, chunk in ((1, clusters[:cut]), (2, clusters[cut:])):
                if chunk:
                    zones[f"{b}{part}"] = {"kind": "internal", "subnets": [str(n) for c in chunk for n in c]}
    return {"unit": "Stanford backbone (Zeng et al., ATPG dataset)", "level": 2, "zones": zones}
