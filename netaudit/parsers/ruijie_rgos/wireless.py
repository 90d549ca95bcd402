"""RGOS wireless controllers (RG-WS/AC) and gateways: which VLAN an SSID's clients land
in, and web authentication.  ``wlan-config ID SSID`` names a WLAN, ``ap-group NAME`` /
``interface-mapping WLAN VLAN`` puts its clients in a VLAN (the RG-WLAN guide,
"Configuring WLAN"), ``wlansec ID`` holds its security — a portal (``webauth``) decides
what passes before and after authentication, which is not modelled: the VLAN's SVI is
partial (never "blocked"), see :mod:`.convert`.
"""

from __future__ import annotations

from netaudit.model import Src
from netaudit.parsers.base import IGNORE_CTX, Ctx, Unknown
from netaudit.parsers.cisco_ios.state import IosState
from netaudit.parsers.ruijie_rgos.facts import RuijieFacts


class RuijieWireless(IosState):
    """``wlan-config``, ``wlansec``, ``ap-group``."""

    facts: RuijieFacts
    AP_GROUP_TABLE: dict
    WLANSEC_TABLE: dict
    # WLAN ids whose security is a web portal → the line that says so
    wlan_webauth: dict[int, Src]
    # WLAN id → its `wlan-config` line; WLAN id → open (`security open`) or not (`rsn`/`wpa`)
    wlan_src: dict[int, Src]
    wlan_open: dict[int, bool]

    def rg_wlan_config(self, tokens, low, src):
        """``wlan-config ID SSID``: the SSID's name (its body — broadcast, band steering,
        client limits — decides nothing about reachability)."""
        if len(tokens) < 3 or not tokens[1].isdecimal():
            raise Unknown
        self.facts.ssids[int(tokens[1])] = tokens[2].strip('"')
        self.wlan_src[int(tokens[1])] = src
        self.ctx = IGNORE_CTX

    def rg_wlansec(self, tokens, low, src):
        """``wlansec ID``: the WLAN's security block."""
        if len(tokens) < 2 or not tokens[1].isdecimal():
            raise Unknown
        self.ctx = Ctx("wlansec", self.WLANSEC_TABLE, [int(tokens[1])], f"wlansec {tokens[1]}", src)

    def ws_webauth(self, wlan: int, tokens, low, src):
        """``webauth`` / ``web-auth …`` in a ``wlansec`` block: the WLAN's clients pass a portal."""
        self.wlan_webauth.setdefault(wlan, src)

    def ws_security(self, wlan: int, tokens, low, src):
        """``security open|rsn …`` and its keys: who may join (an open SSID's hosts are
        anyone in range), not where traffic goes."""
        if len(low) >= 2 and low[1] == "open":
            self.wlan_open[wlan] = True
        elif len(low) >= 3 and low[1] in ("rsn", "wpa") and low[2] == "enable":
            self.wlan_open.setdefault(wlan, False)
        for i, w in enumerate(low):
            if w in ("ascii", "hex") and i + 1 < len(tokens):
                self.add_secret(tokens[-1])
                break
        return True

    def rg_ap_group(self, tokens, low, src):
        """``ap-group NAME``: the block that maps WLANs to VLANs."""
        if len(tokens) < 2:
            raise Unknown
        self.ctx = Ctx("ap-group", self.AP_GROUP_TABLE, [tokens[1]], f"ap-group {tokens[1]}", src)

    def ag_mapping(self, group: str, tokens, low, src):
        """``interface-mapping WLAN VLAN [ap-wlan-id N] [radio …]``: WLAN's clients are in VLAN."""
        if len(low) < 3 or not low[1].isdecimal() or not low[2].isdecimal():
            raise Unknown
        self.facts.ssid_vlans.setdefault(int(low[1]), set()).add(int(low[2]))
