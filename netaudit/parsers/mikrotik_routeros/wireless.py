"""Wireless: legacy ``/interface wireless`` and v7 ``/interface wifi`` properties (inline,
through profiles and master interfaces), the VLAN a radio tags its clients into, and
the SSIDs served.
"""

from __future__ import annotations

from netaudit.model import L2Mode, Ssid

from .records import WirelessIf
from .state import State
from .syntax import unquote
from .values import to_int, yes


def wl_disabled(w: WirelessIf) -> bool:
    # wireless and wifi interfaces are disabled until configured (/export shows
    # "disabled=no" when they are on)
    return yes(w.props.get("disabled"), True)


def wifi_prop(st: State, w: WirelessIf | None, group: str, key: str) -> str | None:
    """A wifi property: inline ``group.key`` on the interface, then the named
    ``group`` profile, then the same through the interface's configuration
    profile, then the master interface."""
    seen = 0
    while w is not None and seen < 4:
        seen += 1
        raw = w.props.get(f"{group}.{key}")
        if raw is not None:
            return unquote(raw)
        pname = w.props.get(group)
        if pname is not None:
            prof = st.wifi_profiles.get((group, unquote(pname)))
            if prof is not None and key in prof:
                return unquote(prof[key])
        cname = w.props.get("configuration")
        if cname is not None and group != "configuration":
            conf = st.wifi_profiles.get(("configuration", unquote(cname)), {})
            raw = conf.get(f"{group}.{key}")
            if raw is not None:
                return unquote(raw)
            pname = conf.get(group)
            if pname is not None:
                prof = st.wifi_profiles.get((group, unquote(pname)))
                if prof is not None and key in prof:
                    return unquote(prof[key])
        master = w.props.get("master-interface")
        w = st.wl.get(unquote(master)) if master else None
    return None


def wireless_tag(st: State, name: str) -> int | None:
    """VLAN a wireless interface tags its clients into (vlan-mode=use-tag / wifi
    datapath vlan-id), or None."""
    w = st.wl.get(name)
    if w is None:
        return None
    if w.family == "wireless":
        if unquote(w.props.get("vlan-mode", "no-tag")) == "use-tag":
            return to_int(w.props.get("vlan-id"), 1)
        return None
    return to_int(wifi_prop(st, w, "datapath", "vlan-id"))


def finish_ssids(st: State) -> None:
    """The SSIDs of the radios that serve clients (access point modes)."""
    dev = st.dev
    for w in st.wl.values():
        itf = dev.interfaces.get(w.name)
        if itf is None or itf.shutdown:
            continue
        if w.family == "wireless":
            ssid = unquote(w.props["ssid"]) if "ssid" in w.props else None
            # virtual APs (master-interface) always serve clients; a radio's default
            # mode is station
            mode = unquote(w.props.get("mode", "station" if "master-interface" not in w.props else "ap-bridge"))
            if mode not in ("ap-bridge", "bridge", "wds-slave") or ssid is None:
                continue
            prof = unquote(w.props.get("security-profile", "default"))
            if prof in st.wsec or prof == "default":  # the built-in default profile: mode=none
                open_auth = unquote(st.wsec.get(prof, {}).get("mode", "none")) == "none"
            else:  # a profile the export does not hold (removed before publishing): not known
                open_auth = None
                st.refs.append(("security-profile", prof, w.src, False))
        else:
            ssid = wifi_prop(st, w, "configuration", "ssid")
            mode = wifi_prop(st, w, "configuration", "mode") or "ap"
            if ssid is None or mode != "ap":
                continue
            auth = wifi_prop(st, w, "security", "authentication-types")
            open_auth = not auth
        vlan = wireless_tag(st, w.name)
        if vlan is None and itf is not None and itf.mode == L2Mode.ACCESS:
            vlan = itf.access_vlan
        dev.ssids.append(Ssid(ssid, w.name, vlan, open_auth, w.src))
