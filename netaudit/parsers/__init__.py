"""Vendor parser registry.

A vendor is one module in this package exposing::

    VENDOR: str                                   # e.g. "cisco_ios"
    def detect(text: str) -> int                  # confidence 0..100 that text is this vendor
    def parse(text: str, file: str) -> ParseResult

and one line in :data:`VENDOR_MODULES`.  ``text`` is already decoded, BOM-stripped
and newline-normalised by :mod:`netaudit.inputs`; ``file`` is the display path used
in every :class:`~netaudit.model.Src`.  Optionally::

    def incomplete(text: str, result: ParseResult) -> tuple[int, str] | None

says where and why the file is not complete (cut short, nested beyond reason) —
:mod:`netaudit.parsers.completeness` — which :mod:`netaudit.inputs` reports as a
usable-input problem (the audit then never passes).

State parsers (routing tables and other live state) follow the same shape with
``STATE_KIND`` instead of ``VENDOR`` and ``parse_state(text, file) -> StateResult``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from importlib import import_module
from types import ModuleType

from netaudit.messages import Text
from netaudit.model import Device, ParseResult, Src
from netaudit.parsers.markers import Marker, marker

# The one place a vendor is registered.
VENDOR_MODULES = [
    "netaudit.parsers.cisco_ios",
    "netaudit.parsers.cisco_asa",
    "netaudit.parsers.mikrotik_routeros",
    "netaudit.parsers.fortinet_fortios",
    "netaudit.parsers.linux",
    "netaudit.parsers.openwrt",
    "netaudit.parsers.huawei_vrp",
    "netaudit.parsers.ruijie_rgos",
    "netaudit.parsers.h3c_comware",
    "netaudit.parsers.juniper_junos",
]

STATE_MODULES = [
    "netaudit.parsers.state_routes",
]

_loaded: dict[str, ModuleType] = {}


def _load(name: str) -> ModuleType:
    if name not in _loaded:
        _loaded[name] = import_module(name)
    return _loaded[name]


class Registry:
    """The registered parser modules, for one load of the inputs: which vendor (or
    state kind) a text is, and the parser module of a vendor.  A module that fails to
    import or whose ``detect()`` raises is left out with a warning (``warnings``, in
    the catalogue's words) instead of stopping the load."""

    def __init__(self, on_error: Callable[[BaseException], str] = str) -> None:
        self.warnings: list[str] = []
        self._describe = on_error
        self._reported: set[str] = set()
        self.vendors = self._modules(VENDOR_MODULES)
        self.states = self._modules(STATE_MODULES)

    def _modules(self, names: list[str]) -> list[ModuleType]:
        mods = []
        for name in names:
            try:
                mods.append(_load(name))
            except Exception as e:  # recorded, never fatal
                self.warnings.append(Text("input.module_unavailable", name=name, error=self._describe(e)))
        return mods

    def _score(self, mod: ModuleType, head: str) -> int:
        try:
            return int(mod.detect(head))
        except Exception as e:  # a detect() bug must not stop the load
            name = getattr(mod, "__name__", str(mod))
            if name not in self._reported:
                self._reported.add(name)
                self.warnings.append(Text("input.detect_failed", name=name, error=self._describe(e)))
            return 0

    def _best(self, mods: list[ModuleType], head: str) -> tuple[ModuleType | None, int]:
        best: tuple[ModuleType | None, int] = (None, 0)
        for mod in mods:
            score = self._score(mod, head)
            if score > best[1]:
                best = (mod, score)
        return best

    def detect_vendor(self, head: str) -> tuple[ModuleType | None, int]:
        """The vendor module that claims ``head`` most (confidence 0..100), or (None, 0)."""
        return self._best(self.vendors, head)

    def detect_state(self, head: str) -> tuple[ModuleType | None, int]:
        """The state-file module that claims ``head`` most, or (None, 0)."""
        return self._best(self.states, head)

    def parser(self, vendor: str) -> ModuleType:
        """The parser module whose registry id is ``vendor``."""
        for mod in self.vendors:
            if mod.VENDOR == vendor:
                return mod
        raise KeyError(vendor)


def detect_vendor(text: str) -> tuple[str | None, int]:
    """Best (vendor id, confidence) over all registered parsers; (None, 0) if none claims it."""
    mod, score = Registry().detect_vendor(text)
    return (mod.VENDOR if mod is not None else None), score


# --------------------------------------------------------------------------- not what it seems


# Platforms netaudit has no parser for, each with lines only that platform writes.  A
# Cisco-like dialect (NX-OS, EOS) is claimed by the IOS parser, which reads much of it:
# without this check its unread ACLs would become "no ACL" and its verdicts look proven.
def _markers(*patterns: str) -> tuple[Marker, ...]:
    """The line-start markers of one platform (:func:`netaudit.parsers.markers.marker`)."""
    return tuple(marker(p) for p in patterns)


UNSUPPORTED_PLATFORMS: list[tuple[str, tuple[Marker, ...]]] = [
    (
        "Cisco NX-OS",
        _markers(
            r"^feature \S+",
            r"^vrf context \S+",
            r"^boot nxos ",
            r"^!Command: show running-config",
            r"^version \d+\.\d+\(\d+\)",
            r"^vdc \S+ id \d+",
            r"^copp profile ",
            r"^hardware access-list tcam ",
            r"^interface mgmt0\s*$",
            r"^(no )?system default switchport",
        ),
    ),
    (
        "Arista EOS",
        _markers(
            r"^! device: .*\bEOS-",
            r"^! boot system flash:.*EOS",
            r"^management api ",
            r"^daemon TerminAttr",
            r"^service routing protocols model ",
            r"^vrf instance \S+",
            r"^transceiver qsfp default-mode ",
            r"^ip virtual-router mac-address ",
        ),
    ),
    (
        "Cisco IOS-XR",
        _markers(
            r"^!! IOS XR Configuration",
            r"^ipv4 access-list \S+",
            r"^interface \S+\d+/\d+/\d+/\d+\s*$",
        ),
    ),
    (
        # DCN (Digital China) switches, claimed by the IOS parser, write their ports'
        # `Interface` capitalised (`Interface Ethernet1/0/9`); IOS never does.
        "DCN (Digital China) DCNOS",
        _markers(r"^Interface (?:Ethernet|Port-Channel)\d"),
    ),
    (
        # ZTE ZXR10 closes a block with `$` and tags its sections (`!<if-intf>`); its port
        # names (`xgei-0/1/1/2`) also have IOS-XR's four numbers, hence several markers.
        "ZTE ZXR10",
        _markers(
            r"^switchvlan-configuration\s*$",
            r"^interface (?:x?gei|smartgroup)[-_]?\d",
            r"^!</?(?:if-intf|switchvlan|system-config|static)>",
        ),
    ),
    (
        # The first line of every ProCurve / AOS-S configuration; its `vlan N` blocks
        # (ports, address, `ip access-group … vlan-in`) are not IOS's.
        "HPE Aruba AOS-S (ProCurve)",
        _markers(r"^; \S+ Configuration Editor; Created on release #"),
    ),
    ("Aruba AOS-CX", _markers(r"^!Version ArubaOS-CX ")),
    (
        # `show configuration commands`: `set …` like Junos's, hence several markers so a
        # VyOS file is not named Junos for its `set system host-name`.
        "VyOS / Ubiquiti EdgeOS",
        _markers(
            r"^set interfaces ethernet eth\d",
            r"^set firewall name \S+ ",
            r"^set service (?:ssh|gui|dhcp-server|nat) ",
            # the curly `config.boot` (EdgeRouter, UniFi gateway): Junos writes
            # `services {` and `ge-0/0/0`, never `service {` nor `ethernet eth0 {`
            r"^service \{\s*$",
            r"^\s+ethernet eth\d+ \{\s*$",
            r"^/\* === vyatta-config-version: ",
        ),
    ),
    (
        # Cisco's small-business switches (Sx300/Sx350/CBS250/CBS350): an IOS-like CLI the
        # IOS parser claims, whose ACLs are applied by `service-acl input` and whose routing
        # is a system mode; every saved configuration opens with this header.
        "Cisco Small Business (Sx300/Sx350/CBS)",
        _markers(r"^config-file-header\s*$", r"^file SSD indicator ", r"^ssd-control-start\s*$"),
    ),
    (
        # Broadcom FASTPATH switches (Dell PowerConnect, Netgear ProSafe/M-series, Ubiquiti
        # EdgeSwitch) open `show running-config` with these comment lines; the IOS parser
        # claims them for `hostname`, `access-list 1 …`, `!`.
        "FASTPATH switch (Dell PowerConnect, Netgear, Ubiquiti EdgeSwitch)",
        _markers(r"^!System Description \"", r"^!System Software Version "),
    ),
    ("A10 ACOS", _markers(r"^!64-bit Advanced Core OS \(ACOS\)")),
    (
        # An SD-WAN edge (IOS-XE cEdge: IOS lines the IOS parser reads, plus `system` and
        # `sdwan`; vEdge: `vpn 0`): what passes between its VPNs is decided by centralized
        # policy pushed from the controller, which is not in the device's configuration.
        "Cisco SD-WAN (IOS-XE cEdge / vEdge)",
        _markers(r"^sdwan\s*$", r"^ system-ip\s+\d", r"^ vbond \S+"),
    ),
    (
        "pfSense / OPNsense",
        _markers(r"^<pfsense>\s*$", r"^<opnsense>\s*$"),
    ),
    (
        # Sophos Firewall (XG/XGS, SFOS) Import-Export `Entities.xml`: its XML root.
        "Sophos Firewall (SFOS)",
        _markers(r"^<Configuration APIVersion=\""),
    ),
    (
        "Palo Alto PAN-OS",
        _markers(
            r"^<config version=\"[\d.]+\" urldb=",
            r"^set deviceconfig system ",
            r"^set rulebase security rules ",
        ),
    ),
    (
        # A template (Jinja, Catalyst Center's Velocity) in IOS words: its `{{ var }}` /
        # `$var` are not a device's settings; the IOS parser would read a device named `{{`.
        "Jinja / Velocity template (Catalyst Center, Ansible)",
        _markers(
            r"^\{%-? ?(?:if|for|set|macro) ",
            r"^#(?:if|foreach|set|macro) ?\(",
            r"^hostname (?:\{\{|\$\{?\w)",
        ),
    ),
]
# One piece of a supported vendor's input given alone (a technician's first guess at what
# to bring): (catalogue key of what to bring instead, its markers, hits needed).  Said
# instead of "unrecognized format" (inputs.py), never parsed: alone it holds no
# interfaces, so every verdict would rest on nothing.
FRAGMENTS: list[tuple[str, tuple[Marker, ...], int]] = [
    (
        "input.fragment.iptables_save",
        _markers(
            r"^# Generated by iptables-save",
            r"^\*(?:filter|nat|mangle|raw)\s*$",
            r"^COMMIT\s*$",
            r"^:(?:INPUT|FORWARD|OUTPUT|PREROUTING|POSTROUTING) \S+",
            r"^-A \S+ ",
        ),
        3,
    ),
    (
        "input.fragment.nft_ruleset",
        _markers(
            r"^table (?:inet|ip|ip6|arp|bridge|netdev) \S+ \{",
            r"^\s+chain \S+ \{",
            r"^\s+type (?:filter|nat|route) hook \w+",
        ),
        2,
    ),
    (
        # FortiOS 7.2+ can back a configuration up as YAML (`system_global:`,
        # `firewall_policy:` … under the same `#config-version=` header): the same
        # settings in another syntax, which the FortiOS parser does not read.
        "input.fragment.fortios_yaml",
        _markers(
            r"^#config-version=FG",
            r"^system_global:\s*$",
            r"^system_interface:\s*$",
            r"^firewall_(?:policy|address|vip):\s*$",
        ),
        2,
    ),
]
_HEAD = 1 << 20  # markers sit near the top; never scan 50 MB for them
# A parse that leaves this share of the configuration lines unrecognized (and at least
# UNRECOGNIZED_MIN of them) did not read the file's dialect: its model is not evidence.
UNRECOGNIZED_SHARE = 0.20
UNRECOGNIZED_MIN = 10
# A file claimed by a vendor's detect() whose configuration lines are this share or more
# unrecognized is not that vendor's configuration at all (random text with a few
# familiar words): no device is built from it — its "settings" would be the vendor's
# defaults, and findings from defaults are not evidence.  Between UNRECOGNIZED_SHARE
# and this share a file is a partly-understood real configuration: kept, partial.
NOT_VENDOR_SHARE = 0.90


def fragment_of(text: str) -> str | None:
    """The catalogue key saying what to bring when ``text`` is one piece of a supported
    vendor's input alone (an ``iptables-save`` dump without the host's other sections),
    or None (:data:`FRAGMENTS`)."""
    head = text[:_HEAD]
    for key, markers, need in FRAGMENTS:
        if sum(1 for rx in markers if rx.search(head)) >= need:
            return key
    return None


def looks_like(text: str) -> str | None:
    """The unsupported platform whose markers ``text`` shows most (``"Cisco NX-OS"`` …),
    or None."""
    return _looks_like(text[:_HEAD])


@lru_cache(maxsize=2)
def _looks_like(head: str) -> str | None:
    """:func:`looks_like` of the first megabyte, remembered for the last two: the loader,
    the completeness check and :func:`assess` each ask it of the same file."""
    best, score = None, 0
    for name, markers in UNSUPPORTED_PLATFORMS:
        hits = sum(1 for rx in markers if rx.search(head))
        if hits > score:
            best, score = name, hits
    return best


_CONFIG_LINE = re.compile(r"^[^\S\n]*[^\s!#]", re.M)


def _config_lines(text: str) -> int:
    """Lines with configuration on them: not blank, not a ``!``/``#`` comment (C-level scan)."""
    return len(_CONFIG_LINE.findall(text))


def not_this_vendor(result: ParseResult, text: str) -> str | None:
    """Why the file is not a configuration of the vendor whose parser read it — nearly
    all its configuration lines (:data:`NOT_VENDOR_SHARE`) were unrecognized — or None.
    The caller drops the file (no device from defaults) and says so.  The reason is a
    catalogue :class:`~netaudit.messages.Text` (its value the English sentence)."""
    rep = result.report
    unrec = len(rep.unrecognized)
    if not unrec:
        return None
    total = _config_lines(text)
    if not total or unrec < NOT_VENDOR_SHARE * total:
        return None
    vendor = rep.vendor or Text("input.this_vendor")
    platform = looks_like(text)
    if platform:
        return Text("input.not_vendor_platform", vendor=vendor, unrecognized=unrec, total=total, platform=platform)
    return Text("input.not_vendor", vendor=vendor, unrecognized=unrec, total=total)


def assess(result: ParseResult, text: str) -> str | None:
    """Say so when a parse is not evidence of what the device does, and make it unknown.

    The file shows the markers of a platform netaudit does not parse (:data:`UNSUPPORTED_PLATFORMS`),
    or a large share of its configuration lines was not recognized: the warning goes first
    in the parse report, every interface and filter of its devices becomes partial (the
    engine then answers "unknown" through them instead of trusting a model built from
    what happened to look familiar), each device is taken to route (routing off read from
    it would be a certain drop) and the reason is listed as partially understood.
    Returns the warning, or None when the parse stands.
    """
    rep = result.report
    platform = looks_like(text)
    why: Text | None = None
    if platform is not None:
        why = Text("input.assess.unsupported", platform=platform)
    elif len(rep.unrecognized) >= UNRECOGNIZED_MIN:
        total = _config_lines(text)
        if total and len(rep.unrecognized) >= UNRECOGNIZED_SHARE * total:
            vendor = rep.vendor or Text("input.this_vendor")
            why = Text("input.assess.unrecognized", unrecognized=len(rep.unrecognized), total=total, vendor=vendor)
    if why is None:
        return None
    rep.warnings.insert(0, why)
    for dev in result.devices:
        where = dev.source or Src(rep.file or dev.file, 1, text.split("\n", 1)[0].strip())
        not_evidence(dev, why)
        rep.add_partial(f"device {dev.hostname}", why, where)
    return why


def not_evidence(dev: Device, why: Text) -> None:
    """Make every verdict through ``dev`` unknown, for ``why``: its interfaces and filters
    partial, and the device taken to route — routing off read from a model that is not
    evidence (an Arista `no ip routing vrf MGMT` taken for IOS's global switch, a file cut
    before its `ip routing`) would drop every packet for sure, "blocked" through a device
    whose forwarding is not known."""
    from netaudit.parsers.base import join_reasons

    dev.ip_routing = True
    for itf in dev.interfaces.values():
        itf.partial = join_reasons((why, itf.partial))
    for flt in dev.filters.values():
        flt.partial = join_reasons((why, flt.partial))
