"""FortiGate (FortiOS) hardening checks (devices of vendor ``fortinet_fortios``).

* ``fortigate-allowaccess-wan-guest`` — administrative access (``allowaccess`` http,
  https, ssh, telnet, fgfm, snmp) on an interface whose role is WAN, that lies in a guest
  or external zone, or whose address a guest or external zone reaches (through a
  firewall policy, FortiOS treats another interface's address as through traffic).
  Critical when http or telnet is among them, high otherwise.  One finding per
  interface, listing the protocols.
* ``fortigate-admin-no-trusthost`` — an administrator account without trusted hosts.
  FortiOS restricts the login sources of the admin services only when *every* account
  has trusted hosts, so one account without them opens the login pages to every source.
  High when an admin service is reached from a guest or external zone, medium otherwise.
* ``fortigate-any-any-policy`` — an accept policy with source all, destination all and
  service ALL between internal interfaces (no segmentation at all between them).
* ``fortigate-snmp-no-hosts`` — SNMP answered (allowaccess snmp) for a community with no
  ``config hosts`` restriction.

Coordination with the vendor-neutral checks in :mod:`.management` (no finding twice):
``mgmt-telnet`` and ``mgmt-http-server`` report cleartext Telnet/HTTP administration as
such (one finding per interface that enables it; FortiOS remediation text is registered
below), this module reports *where* admin access is exposed.  The FortiOS parser gives
every control-plane service an ACL that pins it to its interface's addresses (and, for
admin logins, to the trusted hosts), so ``mgmt-vty-no-access-class`` and
``mgmt-snmp-community`` do not fire on FortiGates: ``fortigate-admin-no-trusthost`` and
``fortigate-snmp-no-hosts`` report the FortiOS notion (per admin account / per SNMP
community) instead.
"""

from __future__ import annotations

from collections.abc import Iterable

from .. import messages
from ..messages import named_list, neutral
from ..model import Device
from ..parsers.fortinet_fortios.facts import FortiOSFacts
from ..reach import witness_for
from ..vocabulary import DEVICES_ZONE
from . import REF_ND331, REF_TT12_DEVICES, REF_TT12_ZONES, AuditContext, CheckInfo, Finding, check
from .evidence import device_addresses, localized, service_packets, vendor_remediation, zone_kinds

VENDOR = "fortinet_fortios"
EXPOSED = frozenset({"guest", "external"})
ADMIN_ACCESS = ("http", "https", "ssh", "telnet", "fgfm", "snmp")
CLEARTEXT = frozenset({"http", "telnet"})
LOGIN_SERVICES = ("https", "http", "ssh", "telnet")

# FortiOS remediation for the vendor-neutral checks.
messages.register(
    {
        "check.mgmt-telnet.snippet.fortinet_fortios": neutral(
            "{snippet.example} (FortiOS) — {snippet.on_every_telnet_interface}:\n"
            "config system interface\n"
            '    edit "<{snippet.interface}>"\n'
            "        unselect allowaccess telnet\n"
            "    next\n"
            "end\n"
            "config system global\n"
            "    set admin-telnet disable   # FortiOS 7.x\n"
            "end"
        ),
        "check.mgmt-http-server.snippet.fortinet_fortios": neutral(
            "{snippet.example} (FortiOS):\n"
            "config system interface\n"
            '    edit "<{snippet.interface}>"\n'
            "        unselect allowaccess http\n"
            "    next\n"
            "end\n"
            "config system global\n"
            "    set admin-https-redirect enable\n"
            "end"
        ),
        "check.undefined-reference.snippet.fortinet_fortios": neutral(
            "FortiOS: {snippet.define_missing_object} (config firewall address / addrgrp / service custom / vip, "
            "config system zone …) {snippet.fortios_or_fix_line}."
        ),
    }
)


def _fortigates(ctx: AuditContext) -> list[Device]:
    return [d for d in ctx.devices if d.vendor == VENDOR]


def _facts(dev: Device) -> FortiOSFacts:
    """The FortiOS facts of a FortiGate (empty ones if the parser left none)."""
    return dev.facts if isinstance(dev.facts, FortiOSFacts) else FortiOSFacts()


def _reaching(ctx: AuditContext, target, kinds_wanted=EXPOSED) -> list:
    """Matrix cells (zone → @devices) of the wanted zone kinds delivering packets of ``target``."""
    kinds = zone_kinds(ctx)
    out = []
    for cell in ctx.matrix:
        if cell.dst != DEVICES_ZONE or cell.verdict != "reachable" or cell.delivered is None:
            continue
        if kinds.get(cell.src) in kinds_wanted and (cell.delivered & target) != ctx.hs.false:
            out.append(cell)
    return out


def _zones_on(ctx: AuditContext, dev: Device, ifname: str) -> list[tuple[str, str]]:
    """(zone, kind) of the placed zones whose hosts sit on the interface's L2 domain."""
    topo = ctx.topology
    did = None
    try:
        did = topo.l3_domain(dev.hostname, ifname) or topo.port_domain(dev.hostname, ifname)
    except KeyError:
        did = None
    if did is None:
        return []
    return sorted((z.name, z.kind) for z in ctx.zones if did in z.domains)


def _witness_evidence(ctx: AuditContext, cell, target) -> list[dict]:
    if ctx.engine is None:
        return []
    pz = next((z for z in ctx.zones if z.name == cell.src), None)
    if pz is None:
        return []
    w = witness_for(ctx.engine, cell, target, pz)
    out = []
    for hop in w.to_json()["hops"] if w else []:
        for rule in hop.get("rules", []):
            if rule.get("line") is not None:
                out.append({k: rule[k] for k in ("file", "line", "text")})
    return out


def _dedupe(items: list[dict]) -> list[dict]:
    seen, out = set(), []
    for e in items:
        key = (e.get("file"), e.get("line"))
        if key not in seen:
            seen.add(key)
            out.append(e)
    return out


# --------------------------------------------------------------------------- allowaccess


@check(
    "fortigate-allowaccess-wan-guest",
    "high",
    [REF_TT12_DEVICES, REF_TT12_ZONES, REF_ND331],
    texts={
        "title": {
            "vi": "FortiGate cho phép truy cập quản trị ({protocols}) trên cổng {interface} hướng WAN/khách",
            "en": "FortiGate allows administrative access ({protocols}) on WAN/guest-facing interface {interface}",
        },
        "detail": {
            "vi": "Cổng {interface} của thiết bị {device} bật `allowaccess` {protocols} ({where}). "
            "Cổng này {why}. Giao diện quản trị (đăng nhập web/SSH/Telnet, FortiManager, SNMP) "
            "vì vậy phơi ra cho Internet hoặc Wi-Fi khách; HTTP và Telnet còn truyền mật khẩu "
            "quản trị không mã hóa.",
            "en": "Interface {interface} of device {device} enables `allowaccess` {protocols} "
            "({where}). This interface {why}. The administration interface (web/SSH/Telnet "
            "login, FortiManager, SNMP) is therefore exposed to the Internet or the guest "
            "Wi-Fi; HTTP and Telnet also carry administrator passwords in clear text.",
        },
        "why.role": {"vi": "có vai trò WAN (`set role wan`)", "en": "has the WAN role (`set role wan`)"},
        "why.zone": {"vi": "thuộc vùng {zones}", "en": "lies in zone {zones}"},
        "why.reached": {
            "vi": "được vùng {zones} truy cập tới (theo ma trận truy cập)",
            "en": "is reached from zone {zones} (per the zone matrix)",
        },
        "remediation": {
            "vi": "Gỡ các giao thức quản trị khỏi cổng WAN và cổng Wi-Fi khách; chỉ quản trị từ "
            "vùng quản trị (hoặc qua VPN), dùng HTTPS/SSH, đặt trusthost cho mọi tài khoản "
            "quản trị.",
            "en": "Remove the administrative protocols from WAN and guest Wi-Fi interfaces; "
            "administer only from the management zone (or over VPN), with HTTPS/SSH and "
            "trusted hosts on every administrator.",
        },
        "snippet.fortinet_fortios": neutral(
            "{snippet.example} (FortiOS):\n"
            "config system interface\n"
            '    edit "{interface}"\n'
            "        unselect allowaccess {protocols}\n"
            "    next\n"
            "end"
        ),
    },
)
def fortigate_allowaccess_wan_guest(ctx: AuditContext, info: CheckInfo) -> Iterable[Finding]:
    hs = ctx.hs
    for dev in _fortigates(ctx):
        for ifname, aa in sorted(_facts(dev).allowaccess.items()):
            protos = [p for p in aa.protocols if p in ADMIN_ACCESS]
            itf = dev.interfaces.get(ifname)
            if not protos or itf is None or itf.shutdown:
                continue
            parts: list[tuple[str, dict]] = []
            evidence: list[dict] = []
            if aa.role == "wan":
                parts.append(("why.role", {}))
            placed = [z for z, k in _zones_on(ctx, dev, ifname) if k in EXPOSED]
            if placed:
                parts.append(("why.zone", {"zones": named_list(placed)}))
            addrs = device_addresses(hs, dev, frozenset({ifname}), ctx.engine)
            svc_set = hs.false
            for svc in dev.services:
                if svc.name in protos and svc.acl == f"allowaccess {ifname} {svc.name}":
                    svc_set |= service_packets(hs, svc)
            reached = []
            if svc_set != hs.false:
                for cell in _reaching(ctx, addrs & svc_set):
                    if cell.src not in placed:
                        reached.append(cell.src)
                        evidence.extend(_witness_evidence(ctx, cell, addrs & svc_set))
            if reached:
                parts.append(("why.reached", {"zones": named_list(sorted(set(reached)))}))
            if not parts:
                continue
            src = aa.source
            cite = src.cite() if src is not None else {"file": dev.file, "line": None, "text": "allowaccess"}
            where = f"{cite['file']}:{cite['line']}: {cite['text']}"
            fields = {"device": dev.hostname, "interface": ifname, "protocols": " ".join(protos), "where": where}
            sev = "critical" if CLEARTEXT & set(protos) else "high"
            why = {
                lang: "; ".join(messages.t(f"check.{info.id}.{k}", lang, **f) for k, f in parts)
                for lang in messages.LANGS
            }
            f = info.finding(
                key=f"{dev.hostname}|{ifname}",
                severity=sev,
                fields={**fields, "why": "-"},
                devices=[dev.hostname],
                evidence=_dedupe([cite, *evidence]),
                zones=sorted(set(placed) | set(reached)),
            )
            f.detail = {
                lang: messages.t(f"check.{info.id}.detail", lang, **fields, why=why[lang]) for lang in messages.LANGS
            }
            f.remediation = vendor_remediation(info.id, dev.vendor, fields, sep=" ")
            yield f


# --------------------------------------------------------------------------- admins


@check(
    "fortigate-admin-no-trusthost",
    "medium",
    [REF_TT12_DEVICES, REF_ND331],
    texts={
        "title": {
            "vi": "Tài khoản quản trị FortiGate “{admin}” không giới hạn máy được phép đăng nhập (trusthost)",
            "en": 'FortiGate administrator "{admin}" has no trusted hosts',
        },
        "detail": {
            "vi": "Tài khoản {admin} trên thiết bị {device} ({where}) không khai báo trusthost. "
            "FortiOS chỉ chặn nguồn đăng nhập ở mức dịch vụ khi mọi tài khoản quản trị đều có "
            "trusthost, nên tài khoản này làm cho giao diện đăng nhập quản trị mở với mọi "
            "địa chỉ nguồn tới được thiết bị.",
            "en": "Account {admin} on device {device} ({where}) declares no trusted host. FortiOS "
            "only refuses admin logins by source when every administrator has trusted hosts, "
            "so this account opens the admin login pages to every source that reaches the "
            "device.",
        },
        "reach": {
            "vi": "Các vùng truy cập được dịch vụ đăng nhập quản trị: {zones}.",
            "en": "Zones that reach an admin login service: {zones}.",
        },
        "remediation": {
            "vi": "Khai báo trusthost (dải địa chỉ vùng quản trị hoặc máy quản trị được chỉ định) "
            "cho mọi tài khoản quản trị; xóa tài khoản không còn dùng.",
            "en": "Set trusted hosts (the management zone's range or designated admin hosts) on "
            "every administrator account and delete unused accounts.",
        },
        "snippet.fortinet_fortios": neutral(
            "{snippet.example} (FortiOS):\n"
            "config system admin\n"
            '    edit "{admin}"\n'
            "        set trusthost1 10.10.99.0 255.255.255.0   # {snippet.trusthost_range}\n"
            "    next\n"
            "end"
        ),
    },
)
def fortigate_admin_no_trusthost(ctx: AuditContext, info: CheckInfo) -> Iterable[Finding]:
    hs = ctx.hs
    for dev in _fortigates(ctx):
        admins = [a for a in _facts(dev).admins if not a.restricted]
        if not admins:
            continue
        login = hs.false
        for svc in dev.services:
            if svc.name in LOGIN_SERVICES and svc.enabled:
                login |= service_packets(hs, svc)
        exposed = sorted({c.src for c in _reaching(ctx, login)}) if login != hs.false else []
        for a in admins:
            src = a.source
            cite = src.cite() if src is not None else {"file": dev.file, "line": None, "text": a.name}
            fields = {
                "device": dev.hostname,
                "admin": a.name,
                "where": f"{cite['file']}:{cite['line']}: {cite['text']}",
            }
            f = info.finding(
                key=f"{dev.hostname}|{a.name}",
                fields=fields,
                severity="high" if exposed else None,
                devices=[dev.hostname],
                evidence=[cite],
                zones=exposed,
            )
            if exposed:
                f.detail = localized(
                    (f"check.{info.id}.detail", fields), (f"check.{info.id}.reach", {"zones": named_list(exposed)})
                )
            f.remediation = vendor_remediation(info.id, dev.vendor, fields, sep=" ")
            yield f


# --------------------------------------------------------------------------- any-any


@check(
    "fortigate-any-any-policy",
    "medium",
    [REF_TT12_ZONES, REF_ND331],
    texts={
        "title": {
            "vi": "Chính sách FortiGate {policy} cho phép mọi nguồn, mọi đích, mọi dịch vụ giữa các vùng nội bộ",
            "en": "FortiGate policy {policy} accepts any source, any destination, any service "
            "between internal interfaces",
        },
        "detail": {
            "vi": "Chính sách {policy} trên thiết bị {device} ({where}) cho phép srcaddr all → "
            "dstaddr all, service ALL từ {srcintf} tới {dstintf}: giữa các vùng này không còn "
            "phân vùng.",
            "en": "Policy {policy} on device {device} ({where}) accepts srcaddr all → dstaddr all, "
            "service ALL from {srcintf} to {dstintf}: there is no segmentation left between "
            "these networks.",
        },
        "remediation": {
            "vi": "Thay bằng chính sách chỉ cho phép đúng nguồn, đích và dịch vụ cần thiết.",
            "en": "Replace it with a policy that allows only the required sources, destinations and services.",
        },
        "snippet.fortinet_fortios": neutral(
            "{snippet.example} (FortiOS):\n"
            "config firewall policy\n"
            "    edit {policy}\n"
            '        set srcaddr "<{snippet.source_range}>"\n'
            '        set dstaddr "<{snippet.destination_server}>"\n'
            '        set service "HTTPS"\n'
            "    next\n"
            "end"
        ),
    },
)
def fortigate_any_any_policy(ctx: AuditContext, info: CheckInfo) -> Iterable[Finding]:
    for dev in _fortigates(ctx):
        roles = dev.interface_roles
        outside = {ifn for ifn, r in roles.items() if r == "wan"}
        for ifn in dev.interfaces:
            if any(k in ("external", "wan", "guest") for _, k in _zones_on(ctx, dev, ifn)):
                outside.add(ifn)
        internal = {n for n, i in dev.interfaces.items() if n not in outside and i.addresses}
        for p in _facts(dev).policies:
            if p.action != "accept" or p.partial:
                continue
            if not (p.all_src and p.all_dst and p.all_service):
                continue
            ins = set(p.in_ifaces) if p.in_ifaces is not None else set(dev.interfaces)
            outs = set(p.out_ifaces) if p.out_ifaces is not None else set(dev.interfaces)
            a, b = ins & internal, outs & internal
            if not a or not b or (len(a | b) < 2):
                continue
            src = p.source
            cite = src.cite()
            fields = {
                "device": dev.hostname,
                "policy": p.id,
                "where": f"{cite['file']}:{cite['line']}",
                "srcintf": " ".join(p.srcintf) or "-",
                "dstintf": " ".join(p.dstintf) or "-",
            }
            f = info.finding(key=f"{dev.hostname}|{p.id}", fields=fields, devices=[dev.hostname], evidence=[cite])
            f.remediation = vendor_remediation(info.id, dev.vendor, fields, sep=" ")
            yield f


# --------------------------------------------------------------------------- snmp


@check(
    "fortigate-snmp-no-hosts",
    "medium",
    [REF_TT12_DEVICES, REF_ND331],
    texts={
        # Wording note: report masking hides the word after "community"/"password"/"key",
        # so these texts never put a plain word right after them.
        "title": {
            "vi": "FortiGate trả lời SNMP cho mọi máy (không giới hạn máy giám sát)",
            "en": "FortiGate answers SNMP from any host (no monitoring-host restriction)",
        },
        "detail": {
            "vi": "Thiết bị {device} trả lời SNMP (allowaccess snmp); một SNMP community, khai báo "
            "tại {where}, không có `config hosts`: bất kỳ máy nào biết chuỗi này đều đọc được "
            "cấu hình và trạng thái thiết bị.",
            "en": "Device {device} answers SNMP (allowaccess snmp); an SNMP community, defined at "
            "{where}, has no `config hosts`: any host that knows its name can read the "
            "device's configuration and state.",
        },
        "remediation": {
            "vi": "Chỉ cho phép máy chủ giám sát truy vấn SNMP; ưu tiên SNMPv3.",
            "en": "Allow SNMP queries from the monitoring server only; prefer SNMPv3.",
        },
        "snippet.fortinet_fortios": neutral(
            "{snippet.example} (FortiOS):\n"
            "config system snmp community\n"
            "    edit <{snippet.community_id}>\n"
            "        config hosts\n"
            "            edit 1\n"
            "                set ip 10.10.99.10 255.255.255.255\n"
            "            next\n"
            "        end\n"
            "    next\n"
            "end"
        ),
    },
)
def fortigate_snmp_no_hosts(ctx: AuditContext, info: CheckInfo) -> Iterable[Finding]:
    for dev in _fortigates(ctx):
        if not any(s.name == "snmp" and s.enabled for s in dev.services):
            continue
        for c in _facts(dev).snmp_communities:
            if c.restricted:
                continue
            src = c.source
            cite = src.cite() if src is not None else {"file": dev.file, "line": None, "text": ""}
            fields = {"device": dev.hostname, "where": f"{cite['file']}:{cite['line']}"}
            f = info.finding(
                key=f"{dev.hostname}|{cite['file']}:{cite['line']}",
                fields=fields,
                devices=[dev.hostname],
                evidence=[cite],
            )
            f.remediation = vendor_remediation(info.id, dev.vendor, fields, sep=" ")
            yield f
