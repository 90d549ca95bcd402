"""OpenWrt settings only OpenWrt's own checks read (:mod:`netaudit.checks.openwrt`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from netaudit.model import Src, VendorFacts


@dataclass
class Dropbear:
    """One ``config dropbear`` instance (SSH server)."""

    port: int
    interface: str | None  # logical interface it binds to; None = every address
    password_auth: bool
    root_password_auth: bool
    enabled: bool
    source: Src


@dataclass
class WifiIface:
    """One ``config wifi-iface`` in access-point mode."""

    section: str
    ssid: str
    networks: list[str]
    encryption: str
    open: bool  # none / owe (no shared secret: anyone may join)
    isolate: bool
    enabled: bool
    source: Src


@dataclass
class Zone:
    """One firewall zone, as fw4 reads it (defaults filled in)."""

    name: str
    networks: list[str]
    input: str
    output: str
    forward: str
    masq: bool
    source: Src
    input_src: Src | None = None  # the line setting input (None: inherited)


@dataclass
class Forwarding:
    src: str
    dest: str
    source: Src


@dataclass
class OpenWrtFacts(VendorFacts):
    release: str = ""  # "23.05.3" when the export says so (system/luci lines)
    dropbear: list[Dropbear] = field(default_factory=list)
    # uhttpd: (http listeners, https listeners, redirect_https, source)
    uhttpd_http: list[str] = field(default_factory=list)
    uhttpd_https: list[str] = field(default_factory=list)
    uhttpd_redirect_https: bool = False
    uhttpd_source: Src | None = None
    wifi: list[WifiIface] = field(default_factory=list)
    zones: list[Zone] = field(default_factory=list)
    forwardings: list[Forwarding] = field(default_factory=list)
    defaults_input: str = "drop"
    defaults_forward: str = "drop"
    # logical interface -> firewall zone name
    zone_of_network: dict[str, str] = field(default_factory=dict)
    snmp_communities: list[tuple[str, Src]] = field(default_factory=list)
    firewall_present: bool = False
    mark_rules: list[Src] = field(default_factory=list)  # MARK/DSCP rules (policy routing by mark)
    dynamic_interfaces: list[str] = field(default_factory=list)  # logical names (dhcp, pppoe …)
    bridge_ports: dict[str, str] = field(default_factory=dict)  # port -> its VLAN-filtering bridge
    vlan_ports: dict[str, tuple[str, int]] = field(default_factory=dict)  # eth0.3 bridged -> (eth0, 3)
