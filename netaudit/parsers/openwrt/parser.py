"""One OpenWrt input (``uci export``, ``uci show`` or concatenated ``/etc/config``
files) → one Device: read the UCI text (:mod:`.uci`), then convert, in order — L2
(:mod:`.network`), radios (:mod:`.wireless`), addresses and routes, the firewall
(:mod:`.firewall`), services (:mod:`.services`) — and count every line.
"""

from __future__ import annotations

from pathlib import PurePath

from netaudit.messages import Text
from netaudit.model import Device, ParseReport, ParseResult, Reference, Src
from netaudit.parsers.base import join_reasons

from . import firewall, network, services, wireless
from .accounting import account, collect_secrets
from .state import State
from .uci import BEFORE_PACKAGE, NO_PACKAGE, read

VENDOR = "openwrt"


class OpenWrtParser:
    def __init__(self, text: str, file: str):
        self.text = text
        self.file = file

    def run(self) -> ParseResult:
        ut = read(self.text, self.file)
        dev = Device(hostname="", vendor=VENDOR, file=self.file)
        rep = ParseReport(file=self.file, vendor=VENDOR)
        rep.lines = self.text.count("\n") + (0 if self.text.endswith("\n") or not self.text else 1)
        st = State(ut, self.file, dev, rep)
        if ut.no_package is not None:
            st.warn(ut.no_package, BEFORE_PACKAGE if ut.packages else NO_PACKAGE)
        for s in ut.of("system", "system"):
            h = s.get("hostname")
            if h and not dev.hostname:
                dev.hostname, dev.source = h, s.line("hostname")
        if not dev.hostname:
            dev.hostname = hostname_from_file(self.file)
        dev.facts = st.facts
        network.finish_l2(st)
        wireless.finish_wireless(st)
        network.finish_l3(st)
        firewall.finish_firewall(st)
        unmodelled_packages(st)
        unreadable_packages(st)
        services.finish_services(st)
        collect_secrets(st)
        account(st)
        for kind, name, src, defined in dict.fromkeys(st.refs):
            dev.references.append(Reference(kind, name, src, defined))
        rep.devices = [dev.hostname]
        return ParseResult(devices=[dev], report=rep)


# Packages whose configuration shapes what the device forwards and filters: one libuci
# cannot load leaves the device's behaviour unknown.
FORWARDING_CONFIG = ("network", "firewall", "wireless")


def unreadable_packages(st: State) -> None:
    """A package with a line libuci cannot parse (``onfig zone`` typed for ``config
    zone``): libuci rejects the whole file — ``uci`` reports a parse error and fw4, netifd
    or the wireless setup read nothing of it — so what it configures is not known.  Said
    as partial; for network, firewall and wireless every routed interface is partial
    (verdicts through it unknown), never a model made of the lines around the typo."""
    for package, src in st.text.broken.items():
        reason = Text("input.openwrt.package_broken", package=package, line=src.line)
        if package not in FORWARDING_CONFIG:
            st.partial(f"package {package}", reason, src)
            continue
        routed = [itf for itf in st.dev.interfaces.values() if itf.is_l3]
        for itf in routed:
            st.iface_partial(itf, reason, src)
        if not routed:
            st.partial(f"package {package}", reason, src)
        # The fw4 chains too: a partial interface leaves a drop certain, and the chains
        # built from the lines around the typo are not what runs (fw4 loads no ruleset from
        # a firewall file libuci rejects, nor zone devices from a rejected network).  A
        # rejected wireless file only removes radios: the chains stand.
        if package == "wireless":
            continue
        for name in (st.dev.forward_filter, st.dev.input_filter):
            flt = st.dev.filters.get(name or "")
            if flt is not None:
                flt.partial = join_reasons((flt.partial, reason))


# Packages that change what is forwarded or filtered, which this parser does not model
# a configured one makes every routed interface partial (verdicts through it unknown).
FORWARDING_PACKAGES = {
    "mwan3": Text("input.openwrt.pkg_mwan3"),
    "pbr": Text("input.openwrt.pkg_pbr"),
    "vpn-policy-routing": Text("input.openwrt.pkg_vpn_policy_routing"),
    "openvpn": Text("input.openwrt.pkg_openvpn"),
    "bcp38": Text("input.openwrt.pkg_bcp38"),
    "banip": Text("input.openwrt.pkg_banip"),
    "nft-qos": Text("input.openwrt.pkg_nft_qos"),
    # tinc: each `tinc-net` runs a tincd whose tunnel device and routes come from its
    # tinc-up script and host files, outside UCI
    "tinc": Text("input.openwrt.pkg_tinc"),
}
# Packages of which only one section type starts a daemon (a tinc-host describes a
# peer): the others say nothing of whether it runs.
RUNNING_SECTION = {"tinc": "tinc-net"}


def unmodelled_packages(st: State) -> None:
    """Every interface partial when a package that changes forwarding is configured
    (enabled, or with no switch saying it is off)."""
    for package, what in FORWARDING_PACKAGES.items():
        sections = [
            s
            for s in st.text.of(package, RUNNING_SECTION.get(package))
            if s.flag("enabled", True) and not s.flag("disabled", False)
        ]
        if not sections:
            continue
        reason = Text("input.openwrt.package_unmodelled", what=what)
        for itf in st.dev.interfaces.values():
            if itf.is_l3:
                st.iface_partial(itf, reason, sections[0].src)


def hostname_from_file(file: str) -> str:
    name = PurePath(file).name
    for ext in (".uci", ".txt", ".conf", ".cfg", ".export"):
        if name.lower().endswith(ext) and len(name) > len(ext):
            return name[: -len(ext)]
    return name


__all__ = ["OpenWrtParser", "Src"]
