"""Dump a built network as a user would collect it (docs/vendors/linux.md), and its site file.

Each router is dumped with the documented one-liner run inside its namespace.  ``hostname``
belongs to the UTS namespace, which ``ip netns exec`` does not change: the one-liner runs
under ``unshare --uts`` after setting the router's name, as on a real router.  Of
``nft list ruleset`` and ``iptables-save`` the dump keeps the one the network used, and
the other one only when its output is empty (on this iptables-nft machine ``nft list
ruleset`` shows iptables rules too; a user of iptables would send ``iptables-save``).
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from .build import Lab, sh

COMMANDS = [
    "hostname",
    "ip -j addr",
    "ip -j route show table all",
    "ip -j rule",
    "nft list ruleset",
    "iptables-save",
    r"sysctl -a -r 'ip_forward$|\.rp_filter$|\.accept_local$'",
    "ss -Htlnup",
]
ONE_LINER = "for c in " + " ".join(f'"{c}"' for c in COMMANDS) + '; do echo "### $c"; sh -c "$c" 2>&1; done'


def sections(text: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for part in re.split(r"^### ", text, flags=re.M)[1:]:
        head, _, body = part.partition("\n")
        out.append((head, body))
    return out


def dump_router(lab: Lab, name: str) -> str:
    rt = lab.net.router(name)
    script = f"hostname {name}; {ONE_LINER}"
    text = sh("ip", "netns", "exec", lab.ns(name), "unshare", "--uts", "sh", "-c", script).stdout
    other = "iptables-save" if rt.firewall == "nft" else "nft list ruleset"
    keep = [(h, b) for h, b in sections(text) if h != other or not b.strip()]
    return "".join(f"### {h}\n{b}" for h, b in keep)


def site(lab: Lab) -> dict:
    zones = {
        z.name: {"kind": z.kind, "subnets": [z.subnet], "attach": [f"{z.router}:{z.ifname}"]} for z in lab.net.zones
    }
    return {"unit": f"netaudit differential seed {lab.net.seed}", "level": 2, "zones": zones}


def dump(lab: Lab, out: Path) -> Path:
    """Write ``out/<router>.txt`` per router and ``out/site.yaml``; returns the site file."""
    out.mkdir(parents=True, exist_ok=True)
    for rt in lab.net.routers:
        (out / f"{rt.name}.txt").write_text(dump_router(lab, rt.name))
    path = out / "site.yaml"
    path.write_text(yaml.safe_dump(site(lab), sort_keys=False))
    return path
