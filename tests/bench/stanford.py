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


def site_dict(devices) -> dict:
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
            zones[b] = {"kind": "internal", "subnets": [str(n) for n in own]}
    return {"unit": "Stanford backbone (Zeng et al., ATPG dataset)", "level": 2, "zones": zones}
