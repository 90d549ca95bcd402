"""The ``wireless`` package: each ``wifi-iface`` becomes a port of the network it
serves, and an SSID.

* ``network 'guest'``: the radio's interface joins the bridge of that logical
  interface (a port of a plain bridge; on a VLAN-filtering bridge, an access port of
  the VLAN of ``br-lan.V``).  A network without any device (the wireless-only
  network of the classic guest recipe) gets the radio interface itself as its
  device.  A network whose device is not a bridge cannot take a radio (netifd
  refuses): the radio's interface is partial.
* ``disabled '1'`` on the ``wifi-iface`` or on its ``wifi-device`` turns it off.
* ``encryption`` ``none`` and ``owe`` are open (anyone may join); every other value
  needs a shared secret or 802.1X.
* ``isolate '1'``: clients of this access point cannot reach each other through it.
  The model has no per-client isolation (hosts of one zone are one set), so isolation
  only shows in the facts the checks read; traffic between a guest client and another
  zone bridged on the same radio is not stopped by ``isolate`` (it stops only
  client-to-client frames of the same AP), which is what the model computes anyway.
"""

from __future__ import annotations

from netaudit.messages import Text
from netaudit.model import IfKind, L2Mode, Ssid

from .facts import WifiIface
from .state import State

OPEN = {"none", "owe", "", "open"}


def wifi_name(sec, index: int) -> str:
    """The radio interface's model name: ``ifname`` when set, else from the section."""
    ifname = sec.get("ifname")
    if ifname:
        return ifname
    if not sec.anonymous:
        return f"wifi-{sec.name}"
    return f"wifi-{sec.get('device') or 'radio'}-{index}"


def finish_wireless(st: State) -> None:
    """Radios → interfaces attached to their networks, SSIDs, and the Wi-Fi facts."""
    radios = {s.name: s for s in st.text.of("wireless", "wifi-device")}
    for s in radios.values():
        s.get("disabled")
    for i, s in enumerate(st.text.of("wireless", "wifi-iface")):
        name = wifi_name(s, i)
        radio = radios.get(s.get("device") or "")
        if s.get("device") and radio is None:
            st.refs.append(("wifi-device", s.get("device") or "", s.line("device"), False))
        disabled = s.flag("disabled") or (radio is not None and radio.flag("disabled"))
        mode = (s.get("mode") or "ap").lower()
        networks = s.values("network")
        ssid = s.get("ssid") or ""
        enc = (s.get("encryption") or "none").lower()
        open_auth = enc.split("+")[0] in OPEN
        isolate = s.flag("isolate")
        itf = st.iface(name, IfKind.PHYSICAL, s.src)
        itf.description = ssid or name
        itf.shutdown = disabled
        if mode == "ap":
            st.facts.wifi.append(WifiIface(s.name, ssid, networks, enc, open_auth, isolate, not disabled, s.src))
        if len(networks) > 1:
            st.warn(s.line("network"), Text("input.openwrt.wifi_networks", name=name, networks=str(networks)))
        vlan = None
        if networks:
            vlan = _attach(st, name, networks[0], s)
        if mode == "ap" and ssid and not disabled:
            st.dev.ssids.append(Ssid(ssid, name, vlan, open_auth, s.src))
        if mode not in ("ap", "sta", "mesh", "adhoc", "wds", "monitor"):
            st.iface_partial(itf, Text("input.openwrt.wifi_mode", mode=mode), s.line("mode"))
        if mode in ("mesh", "wds", "adhoc"):
            st.iface_partial(itf, Text("input.openwrt.wifi_mode_links", mode=mode), s.line("mode"))


def _attach(st: State, name: str, network: str, sec) -> int | None:
    """Attach radio ``name`` to logical interface ``network``; its VLAN when tagged."""
    dev = st.dev
    itf = dev.interfaces[name]
    lg = st.logical.get(network)
    if lg is None:
        st.refs.append(("interface", network, sec.line("network"), False))
        st.iface_partial(itf, Text("input.openwrt.wifi_network_undefined", network=network), sec.line("network"))
        return None
    st.refs.append(("interface", network, sec.line("network"), True))
    l2 = lg.l2
    if l2 is None:
        # the radio is the network's only device: it carries the addresses
        lg.l2 = name
        if lg.l3 is None and not lg.disabled:
            proto_dev = lg.proto in ("static", "dhcp", "none")
            if proto_dev:
                lg.l3 = name
                itf.description = network
        return None
    if l2 in st.bridges and l2 not in st.filtering:
        itf.mode, itf.parent = L2Mode.BRIDGE_PORT, l2
        st.bridges[l2].append(name)
        return None
    base, _, vid = l2.rpartition(".")
    if base in st.filtering and vid.isdecimal():
        itf.mode, itf.parent, itf.access_vlan = L2Mode.ACCESS, base, int(vid)
        return int(vid)
    if l2 in st.filtering:
        st.iface_partial(itf, Text("input.openwrt.wifi_bridge_no_vlan", bridge=l2), sec.line("network"))
        return None
    st.iface_partial(itf, Text("input.openwrt.wifi_not_bridge", network=network, device=l2), sec.line("network"))
    return None
