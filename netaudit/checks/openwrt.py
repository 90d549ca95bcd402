"""OpenWrt hardening checks (devices of vendor ``openwrt``).

Coordination with the vendor-neutral checks (no finding twice): cleartext LuCI is
``mgmt-http-server``; zone flows are ``guest-isolation`` / ``policy-violation``.  This
module names the OpenWrt settings behind them:

* ``openwrt-dropbear-password-wan`` — dropbear accepts passwords and the matrix shows
  its port reachable from an external or guest zone.
* ``openwrt-uhttpd-plain-http`` — uhttpd listens on HTTP without ``redirect_https``.
* ``openwrt-open-wifi-no-isolate`` — an open SSID (encryption none/owe) without
  ``isolate '1'``: its clients reach each other.
* ``openwrt-guest-zone-input-accept`` — a firewall zone with ``input 'ACCEPT'`` whose
  networks carry a guest zone: the router's own services face the citizens.
* ``openwrt-guest-ssid-on-lan`` — an open SSID bridged into a network whose firewall
  zone also holds non-guest networks (the classic "guest SSID attached to lan").
"""

from __future__ import annotations

from collections.abc import Iterable

from ..messages import named_list, neutral
from ..model import Device
from ..parsers.openwrt.facts import OpenWrtFacts
from . import REF_ND331, REF_TT12_DEVICES, REF_TT12_ZONES, AuditContext, CheckInfo, Finding, check
from .evidence import exposure, vendor_remediation, zone_kinds

VENDOR = "openwrt"
EXPOSED = frozenset({"guest", "external"})


def _devices(ctx: AuditContext) -> list[Device]:
    return [d for d in ctx.devices if d.vendor == VENDOR and isinstance(d.facts, OpenWrtFacts)]


def _facts(dev: Device) -> OpenWrtFacts:
    assert isinstance(dev.facts, OpenWrtFacts)
    return dev.facts


def _guest_zones_on(ctx: AuditContext, dev: Device, ifaces: set[str]) -> list[str]:
    """Guest zones of the site placed on one of ``ifaces`` of ``dev`` (by address)."""
    kinds = zone_kinds(ctx)
    out = []
    for z in ctx.site.zones:
        if kinds.get(z.name) != "guest":
            continue
        for n in ifaces:
            itf = dev.interfaces.get(n)
            if itf is None:
                continue
            for a in itf.addresses:
                if any(a.cidr in s or s in a.cidr for s in getattr(z, "subnets", []) or []):
                    out.append(z.name)
    return sorted(set(out))


@check(
    "openwrt-dropbear-password-wan",
    "high",
    [REF_TT12_DEVICES, REF_ND331],
    texts={
        "title": {
            "vi": "SSH (dropbear) cho phép đăng nhập bằng mật khẩu và mở tới vùng {zones}",
            "en": "SSH (dropbear) accepts passwords and is reachable from {zones}",
        },
        "detail": {
            "vi": "Thiết bị {device}: dropbear cổng {port} bật PasswordAuth ({where}) và vùng {zones} "
            "mở được kết nối tới cổng này: có thể dò mật khẩu quản trị (root).",
            "en": "Device {device}: dropbear on port {port} has PasswordAuth on ({where}) and zone(s) "
            "{zones} can open connections to it: the (root) password can be guessed.",
        },
        "remediation": {
            "vi": "Dùng khóa SSH, tắt đăng nhập bằng mật khẩu và chỉ lắng nghe ở vùng quản trị:",
            "en": "Use SSH keys, turn password login off and listen on the management network only:",
        },
        "snippet.openwrt": neutral(
            "uci set dropbear.@dropbear[0].PasswordAuth='off'\n"
            "uci set dropbear.@dropbear[0].RootPasswordAuth='off'\n"
            "uci set dropbear.@dropbear[0].Interface='lan'\n"
            "uci commit dropbear"
        ),
    },
)
def dropbear_password_wan(ctx: AuditContext, info: CheckInfo) -> Iterable[Finding]:
    kinds = zone_kinds(ctx)
    for dev in _devices(ctx):
        for db in _facts(dev).dropbear:
            if not db.enabled or not (db.password_auth or db.root_password_auth):
                continue
            svcs = [s for s in dev.services if s.name == "ssh" and s.source == db.source]
            zones: list[str] = []
            for svc in svcs:
                zones += [z for z in exposure(ctx, dev, svc).reachable if kinds.get(z) in EXPOSED]
            if not zones:
                continue
            fields = {
                "device": dev.hostname,
                "port": db.port,
                "zones": named_list(sorted(set(zones))),
                "where": f"{db.source.file}:{db.source.line}",
            }
            f = info.finding(
                key=f"{dev.hostname}|{db.source.line}",
                fields=fields,
                devices=[dev.hostname],
                zones=sorted(set(zones)),
                evidence=[db.source.cite()],
            )
            f.remediation = vendor_remediation(info.id, dev.vendor, fields)
            yield f


@check(
    "openwrt-uhttpd-plain-http",
    "medium",
    [REF_TT12_DEVICES],
    texts={
        "title": {
            "vi": "LuCI (uhttpd) phục vụ qua HTTP mà không chuyển sang HTTPS",
            "en": "LuCI (uhttpd) served over HTTP without redirect to HTTPS",
        },
        "detail": {
            "vi": "Thiết bị {device}: uhttpd lắng nghe HTTP ({listen}) và redirect_https không bật "
            "({where}): mật khẩu quản trị đi qua mạng không mã hóa.",
            "en": "Device {device}: uhttpd listens on HTTP ({listen}) and redirect_https is off "
            "({where}): the admin password crosses the network in clear text.",
        },
        "remediation": neutral("uci set uhttpd.main.redirect_https='1'; uci commit uhttpd; /etc/init.d/uhttpd restart"),
    },
)
def uhttpd_plain_http(ctx: AuditContext, info: CheckInfo) -> Iterable[Finding]:
    for dev in _devices(ctx):
        f = _facts(dev)
        if f.uhttpd_source is None or not f.uhttpd_http or f.uhttpd_redirect_https:
            continue
        src = f.uhttpd_source
        fields = {"device": dev.hostname, "listen": ", ".join(f.uhttpd_http), "where": f"{src.file}:{src.line}"}
        yield info.finding(key=dev.hostname, fields=fields, devices=[dev.hostname], evidence=[src.cite()])


@check(
    "openwrt-open-wifi-no-isolate",
    "medium",
    [REF_TT12_ZONES],
    texts={
        "title": {
            "vi": "Wi-Fi mở “{ssid}” không bật cách ly máy khách (isolate)",
            "en": 'Open Wi-Fi "{ssid}" without client isolation (isolate)',
        },
        "detail": {
            "vi": "Thiết bị {device}: SSID “{ssid}” (mã hóa {encryption}) không có isolate '1' ({where}): "
            "các máy của người dân kết nối tới nhau được qua điểm phát.",
            "en": "Device {device}: SSID \"{ssid}\" (encryption {encryption}) has no isolate '1' ({where}): "
            "citizens' devices can reach each other through the access point.",
        },
        "remediation": neutral("uci set wireless.{section}.isolate='1'; uci commit wireless; wifi reload"),
    },
)
def open_wifi_no_isolate(ctx: AuditContext, info: CheckInfo) -> Iterable[Finding]:
    for dev in _devices(ctx):
        for w in _facts(dev).wifi:
            if not w.enabled or not w.open or w.isolate:
                continue
            fields = {
                "device": dev.hostname,
                "ssid": w.ssid,
                "encryption": w.encryption,
                "section": w.section,
                "where": f"{w.source.file}:{w.source.line}",
            }
            yield info.finding(
                key=f"{dev.hostname}|{w.section}", fields=fields, devices=[dev.hostname], evidence=[w.source.cite()]
            )


@check(
    "openwrt-guest-zone-input-accept",
    "high",
    [REF_TT12_ZONES, REF_TT12_DEVICES],
    texts={
        "title": {
            "vi": "Vùng tường lửa “{zone}” của Wi-Fi khách đặt input ACCEPT",
            "en": 'Firewall zone "{zone}" of the guest Wi-Fi has input ACCEPT',
        },
        "detail": {
            "vi": "Thiết bị {device}: vùng {zone} (mạng {networks}) chứa vùng khách {guests} và có "
            "input ACCEPT ({where}): mọi dịch vụ của router (SSH, LuCI, …) mở cho người dân.",
            "en": "Device {device}: zone {zone} (networks {networks}) holds guest zone(s) {guests} and "
            "has input ACCEPT ({where}): every service of the router (SSH, LuCI, …) faces the citizens.",
        },
        "remediation": neutral("uci set firewall.<{snippet.zone}>.input='REJECT' {snippet.open_only_dhcp_dns}."),
    },
)
def guest_zone_input_accept(ctx: AuditContext, info: CheckInfo) -> Iterable[Finding]:
    for dev in _devices(ctx):
        f = _facts(dev)
        for z in f.zones:
            if z.input != "accept":
                continue
            ifaces = {n for lg in z.networks for n in _l3_of(dev, lg)}
            guests = _guest_zones_on(ctx, dev, ifaces)
            if not guests:
                continue
            src = z.input_src or z.source
            fields = {
                "device": dev.hostname,
                "zone": z.name,
                "networks": ", ".join(z.networks),
                "guests": ", ".join(guests),
                "where": f"{src.file}:{src.line}",
            }
            yield info.finding(
                key=f"{dev.hostname}|{z.name}", fields=fields, devices=[dev.hostname], evidence=[src.cite()]
            )


@check(
    "openwrt-guest-ssid-on-lan",
    "high",
    [REF_TT12_ZONES],
    texts={
        "title": {
            "vi": "SSID mở “{ssid}” được gắn vào mạng nội bộ “{network}”",
            "en": 'Open SSID "{ssid}" is attached to internal network "{network}"',
        },
        "detail": {
            "vi": "Thiết bị {device}: SSID “{ssid}” không mật khẩu ({where}) nối vào mạng {network}, "
            "không phải mạng của vùng khách: ai bắt được sóng cũng vào thẳng mạng nội bộ.",
            "en": 'Device {device}: password-less SSID "{ssid}" ({where}) bridges into network {network}, '
            "which is not a guest network: anyone in range joins the internal network.",
        },
        "remediation": {
            "vi": "Gắn SSID vào mạng khách riêng:",
            "en": "Attach the SSID to the separate guest network:",
        },
        "snippet.openwrt": neutral("uci set wireless.{section}.network='<{snippet.guest_network}>'"),
    },
)
def guest_ssid_on_lan(ctx: AuditContext, info: CheckInfo) -> Iterable[Finding]:
    for dev in _devices(ctx):
        f = _facts(dev)
        for w in f.wifi:
            if not w.enabled or not w.open or not w.networks:
                continue
            net = w.networks[0]
            ifaces = set(_l3_of(dev, net))
            if _guest_zones_on(ctx, dev, ifaces) or not ifaces:
                continue
            fields = {
                "device": dev.hostname,
                "ssid": w.ssid,
                "network": net,
                "section": w.section,
                "where": f"{w.source.file}:{w.source.line}",
            }
            finding = info.finding(
                key=f"{dev.hostname}|{w.section}", fields=fields, devices=[dev.hostname], evidence=[w.source.cite()]
            )
            finding.remediation = vendor_remediation(info.id, dev.vendor, fields, sep=" ")
            yield finding


def _l3_of(dev: Device, logical: str) -> list[str]:
    """Model interfaces whose description is the logical interface name."""
    return [n for n, i in dev.interfaces.items() if i.description == logical and i.addresses]
