"""Ruijie RGOS parser: the IOS parser class with the RGOS readers and tables.

:class:`RuijieParser` is :class:`~netaudit.parsers.cisco_ios.parser.IosParser` (comment,
banner and secret rules, the IOS readers) with the RGOS readers of this package placed
before it, so that their overrides win, and dispatch tables that are the IOS ones plus
the RGOS words (:mod:`.syntax`) and handlers.
"""

from __future__ import annotations

from netaudit.model import Src
from netaudit.parsers.base import table
from netaudit.parsers.cisco_ios import parser as ios
from netaudit.parsers.ruijie_rgos import VENDOR
from netaudit.parsers.ruijie_rgos.acls import RuijieAcls
from netaudit.parsers.ruijie_rgos.convert import RuijieBuilder
from netaudit.parsers.ruijie_rgos.facts import RuijieFacts
from netaudit.parsers.ruijie_rgos.interfaces import RuijieInterfaces
from netaudit.parsers.ruijie_rgos.management import RuijieManagement
from netaudit.parsers.ruijie_rgos.syntax import IFACE_IGNORED, IFACE_PARTIAL, TOP_IGNORED, join_port_names
from netaudit.parsers.ruijie_rgos.wireless import RuijieWireless


class RuijieParser(RuijieBuilder, RuijieInterfaces, RuijieAcls, RuijieManagement, RuijieWireless, ios.IosParser):
    """One pass over the lines, then :meth:`~.convert.RuijieBuilder.finish`."""

    VENDOR = VENDOR

    def __init__(self, text: str, file: str):
        super().__init__(text, file)
        self.facts = RuijieFacts()
        self.dev.facts = self.facts
        self.global_acls: list[tuple[str, Src]] = []
        self.wlan_webauth: dict[int, Src] = {}
        self.wlan_src: dict[int, Src] = {}
        self.wlan_open: dict[int, bool] = {}
        self.snmp_hosts: list[tuple[str, Src]] = []
        self.web_bare: Src | None = None

    def rg_spaced(self, tokens, low, src):
        """A global line naming a port RGOS's way (``ip route 0.0.0.0 0.0.0.0
        GigabitEthernet 0/0``, ``ip nat inside source list L interface GigabitEthernet 0/0
        overload``): read by the IOS handler of its words with the port name joined; the
        line cited is the line as written."""
        tokens = join_port_names(tokens)
        low = [t.lower() for t in tokens]
        handler = {"route": self.h_ip_route, "nat": self.h_ip_nat}[low[1]]
        handler(tokens, low, src)


# =========================================================================== dispatch tables

R = RuijieParser


def _over(ios_table: dict, ignored=(), partial=None, handlers=None) -> dict:
    """The IOS table with the RGOS words added: an IOS entry stays where RGOS only adds an
    ignored word; an RGOS partial word or handler replaces IOS's (`dot1x` on a port is
    ignored by the IOS reading, partial on RGOS)."""
    return {**table(ignored=ignored), **ios_table, **table(partial=partial, handlers=handlers)}


R.TOP_TABLE = _over(
    ios.TOP_TABLE,
    ignored=[*TOP_IGNORED, "control-plane", "ap-config"],
    handlers={
        "enable": R.rg_enable,
        "no enable": R.rg_enable,
        "ip http": R.rg_ip_http,
        "no ip http": R.rg_ip_http,
        "http port": R.rg_ip_http,
        "webmaster": R.rg_webmaster,
        "password policy": R.rg_password_policy,
        "snmp-server": R.rg_snmp,
        "interface": R.h_interface,
        "vlan": R.rg_vlan,
        "ip route": R.rg_spaced,
        "ip nat": R.rg_spaced,
        "expert access-list": R.rg_expert_acl,
        "ip access-group": R.rg_global_access_group,
        "security global": R.rg_global_access_group,
        "wlan-config": R.rg_wlan_config,
        "wlansec": R.rg_wlansec,
        "ap-group": R.rg_ap_group,
    },
)
R.IFACE_TABLE = _over(
    ios.IFACE_TABLE,
    ignored=IFACE_IGNORED,
    partial=IFACE_PARTIAL,
    handlers={
        "switchport": R.rg_switchport,
        "port-group": R.rg_port_group,
        "expert access-group": R.rg_expert_access_group,
        "security access-group": R.rg_security_access_group,
    },
)
R.AP_GROUP_TABLE = table(
    ignored=["ap-config", "description", "radio", "no", "network"],
    handlers={"interface-mapping": R.ag_mapping},
)
R.WLANSEC_TABLE = table(
    handlers={"security": R.ws_security, "webauth": R.ws_webauth, "web-auth": R.ws_webauth},
)
