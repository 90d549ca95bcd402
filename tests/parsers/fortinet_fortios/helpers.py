"""The small office the FortiOS tests run on (wan1 = Internet, lan = staff, srv = servers,
guest = guest Wi-Fi) and helpers: model-level tests look at the Device the parser
produces, semantic tests run the engine on the office so that each FortiOS rule is
checked as a reachability verdict.  FortiOS-specific; what every vendor shares is in
tests/helpers.py."""

from __future__ import annotations

from helpers import FIXTURES as ALL_FIXTURES
from helpers import analyse as run_engine
from helpers import parse_one

from netaudit.parsers import fortinet_fortios as F
from netaudit.zones import site_from_dict

FIXTURES = ALL_FIXTURES / "fortinet_fortios"

HEAD = "#config-version=FG100F-7.2.5-FW-build1517-230606:opmode=0:vdom=0:user=admin\n"

BASE = (
    HEAD
    + """config system global
    set hostname "FGT"
end
config system interface
    edit "wan1"
        set vdom "root"
        set ip 203.0.113.2 255.255.255.248
        set type physical
        set role wan
    next
    edit "lan"
        set vdom "root"
        set ip 10.0.10.1 255.255.255.0
        set type physical
        set role lan
    next
    edit "srv"
        set vdom "root"
        set ip 10.0.20.1/24
        set type physical
    next
    edit "guest"
        set vdom "root"
        set ip 10.0.50.1 255.255.255.0
        set type physical
    next
{ifaces}end
config firewall address
    edit "all"
    next
    edit "LAN"
        set subnet 10.0.10.0 255.255.255.0
    next
    edit "SRV"
        set subnet 10.0.20.0 255.255.255.0
    next
    edit "WEB"
        set subnet 10.0.20.10 255.255.255.255
    next
    edit "GUEST"
        set subnet 10.0.50.0 255.255.255.0
    next
end
config router static
    edit 1
        set gateway 203.0.113.1
        set device "wan1"
    next
end
"""
)

ZONES = {
    "staff": {"kind": "internal", "subnets": ["10.0.10.0/24"], "attach": ["FGT:lan"]},
    "servers": {"kind": "server", "subnets": ["10.0.20.0/24"], "attach": ["FGT:srv"]},
    "guest": {"kind": "guest", "subnets": ["10.0.50.0/24"], "attach": ["FGT:guest"]},
    "internet": {"kind": "external", "attach": ["FGT:wan1"]},
}


def cfg(*sections: str, ifaces: str = "") -> str:
    return BASE.replace("{ifaces}", ifaces) + "".join(s.strip("\n") + "\n" for s in sections)


def policy(pid, srcintf, dstintf, srcaddr="all", dstaddr="all", service="ALL", action="accept", extra="") -> str:
    return f"""    edit {pid}
        set srcintf {srcintf}
        set dstintf {dstintf}
        set srcaddr {srcaddr}
        set dstaddr {dstaddr}
        set action {action}
        set schedule "always"
        set service {service}
{extra}    next
"""


def policies(*items: str) -> str:
    return "config firewall policy\n" + "".join(items) + "end\n"


def parse(text: str, file: str = "fgt.conf"):
    return F.parse(text, file)


def dev_of(text: str):
    return parse_one(parse, text, "fgt.conf")


def analyse(text: str, zones: dict | None = None, policy_overrides=None):
    res = parse(text)
    site = site_from_dict({"unit": "t", "level": 2, "zones": zones or ZONES, "policy": policy_overrides or []})
    return res, run_engine(res.devices, site).cells
