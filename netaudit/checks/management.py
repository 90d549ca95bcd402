"""Management-plane hardening checks, vendor-neutral through ``Device.services``.

* ``mgmt-telnet`` — Telnet enabled; says which zones reach it (zone matrix, ``@devices``).
* ``mgmt-http-server`` — cleartext HTTP web administration enabled.
* ``mgmt-vty-no-access-class`` — SSH/Telnet without an effective source restriction.
* ``mgmt-snmp-community`` — SNMP without a source ACL.

Reachability statements come from the zone matrix only: a severity is lowered only
when the matrix proves that no zone reaches the service, and raised only when it
proves that one does.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from .. import messages
from ..headerspace import HeaderSpace, service_match
from ..model import Action, Device, Filter, MgmtService
from ..zones import DEVICES_ZONE
from . import REF_ND331, REF_TT12_DEVICES, AuditContext, CheckInfo, Finding, check
from .config import localized, vendor_remediation

REACHABLE, UNKNOWN = "reachable", "unknown"
# Zone kinds from which cleartext web administration is a high-severity exposure.
EXPOSED_KINDS = frozenset({"guest", "external"})

# Sentences about reachability, shared by the management checks.
messages.register({
    "check.mgmt.reach.zones": {
        "vi": "Các vùng mạng truy cập được tới dịch vụ này: {zones}.",
        "en": "Zones that can reach this service: {zones}."},
    "check.mgmt.reach.unknown": {
        "vi": "Chưa xác định được khả năng truy cập tới dịch vụ này từ các vùng: {unknown}.",
        "en": "Whether these zones can reach the service could not be determined: {unknown}."},
    "check.mgmt.reach.none": {
        "vi": "Theo ma trận truy cập, dịch vụ đang bật nhưng không vùng mạng nào truy cập được tới.",
        "en": "Per the zone matrix the service is enabled but not reachable from any zone."},
    "check.mgmt.reach.unevaluated": {
        "vi": "Chưa đánh giá được khả năng truy cập giữa các vùng mạng (không có vùng mạng nào "
              "được khai báo hoặc suy đoán).",
        "en": "Reachability from zones was not evaluated (no zone was declared or inferred)."},
})


# --------------------------------------------------------------------------- reachability


@dataclass
class Exposure:
    """Which zones reach one service according to the zone matrix."""

    reachable: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)
    evaluated: bool = False

    def sentences(self) -> list[tuple[str, dict]]:
        """Catalogue keys (with fields) describing this exposure."""
        fields = {"zones": ", ".join(self.reachable), "unknown": ", ".join(self.unknown)}
        if not self.evaluated:
            return [("check.mgmt.reach.unevaluated", fields)]
        out = [("check.mgmt.reach.zones", fields)] if self.reachable else []
        if self.unknown:
            out.append(("check.mgmt.reach.unknown", fields))
        return out or [("check.mgmt.reach.none", fields)]


def service_packets(hs: HeaderSpace, svc: MgmtService):
    """Packets addressed to ``svc``'s protocol and ports (any address)."""
    u = hs.eq("proto", svc.protocol)
    if svc.ports:
        u &= hs.ports("dst_port", svc.ports)
    if svc.icmp_type is not None:
        u &= hs.eq("icmp_type", svc.icmp_type)
    return u


def device_addresses(hs: HeaderSpace, dev: Device, only: frozenset[str] | None = None, engine=None):
    """Destination-address set of ``dev``'s own addresses (on ``only`` interfaces if given),
    with the representatives of its run-time addresses when the engine is given."""
    u = hs.false
    runtime = getattr(engine, "runtime_address", {})
    for itf in dev.interfaces.values():
        if not itf.shutdown and (only is None or itf.name in only):
            for a in itf.owns():
                u |= hs.eq("dst_ip", int(a.ip))
            if (dev.hostname, itf.name) in runtime:
                u |= hs.eq("dst_ip", runtime[(dev.hostname, itf.name)])
    return u


def _services_set(hs: HeaderSpace, services: list[str]):
    u = hs.false
    for s in services:
        try:
            u |= hs.match(service_match(s))
        except ValueError:
            return hs.true          # unreadable: cannot rule anything out
    return u


def _hits(hs: HeaderSpace, packets, target, services: list[str]) -> bool:
    if packets is not None:
        return (packets & target) != hs.false
    return (_services_set(hs, services) & target) != hs.false


def exposure(ctx: AuditContext, dev: Device, svc: MgmtService) -> Exposure:
    """Zones whose matrix cell to ``@devices`` delivers packets to this service.

    Uses the cell's delivered / maybe packet sets when present (exact: restricted to
    this device's addresses), otherwise its ``services`` strings."""
    hs = ctx.hs
    target = service_packets(hs, svc)
    addrs = device_addresses(hs, dev, svc.interfaces, ctx.engine)
    out = Exposure()
    for cell in ctx.matrix:
        if cell.dst != DEVICES_ZONE:
            continue
        out.evaluated = True
        certain = cell.delivered & addrs if cell.delivered is not None else None
        maybe = cell.maybe & addrs if cell.maybe is not None else None
        if cell.verdict == REACHABLE and _hits(hs, certain, target, cell.services):
            out.reachable.append(cell.src)
        elif _maybe_hits(hs, cell, maybe, target):
            out.unknown.append(cell.src)
    out.reachable.sort()
    out.unknown = sorted(set(out.unknown) - set(out.reachable))
    return out


def _maybe_hits(hs: HeaderSpace, cell, maybe, target) -> bool:
    """Whether the cell's uncertain packets may reach the service."""
    if maybe is not None:
        return (maybe & target) != hs.false
    if cell.verdict != UNKNOWN:
        return False
    return not cell.services or _hits(hs, None, target, cell.services)


def zone_kinds(ctx: AuditContext) -> dict[str, str]:
    """Zone name → kind, from the placed zones and the site file."""
    kinds = {z.name: z.kind for z in ctx.site.zones}
    kinds.update({z.name: z.kind for z in ctx.zones})
    return kinds


# --------------------------------------------------------------------------- finding helper


def service_finding(info: CheckInfo, dev: Device, svc: MgmtService, *, severity: str | None = None,
                    sentences: list[tuple[str, dict]] = (), zones: list[str] = (),
                    detail_key: str | None = None, extra: dict | None = None,
                    quote: bool = True) -> Finding:
    """A finding about one service: evidence is its config line, remediation carries the
    vendor's snippet, ``sentences`` are appended to the detail.  ``quote=False`` keeps
    the config text out of the detail (it may hold a secret, e.g. an SNMP community)."""
    cite = svc.source.cite() if svc.source else {"file": dev.file, "line": None, "text": svc.name}
    where = f"{cite['file']}:{cite['line']}" if svc.source else dev.file
    if svc.source and quote:
        where += f": {cite['text'].strip()}"
    fields = {"device": dev.hostname, "service": svc.name, "where": where, **(extra or {})}
    f = info.finding(key=f"{dev.hostname}|{svc.name}|{cite['file']}:{cite['line']}",
                     severity=severity, detail_key=detail_key, fields=fields,
                     devices=[dev.hostname], zones=list(zones), evidence=[cite])
    key = detail_key or f"check.{info.id}.detail"
    f.detail = localized((key, fields), *sentences)
    f.remediation = vendor_remediation(info.id, dev.vendor, fields)
    return f


def enabled(dev: Device, *names: str) -> list[MgmtService]:
    """The device's enabled services with one of ``names``."""
    return [s for s in dev.services if s.enabled and s.name in names]


# --------------------------------------------------------------------------- mgmt-telnet


@check("mgmt-telnet", "high", [REF_TT12_DEVICES, REF_ND331], texts={
    "title": {
        "vi": "Dịch vụ quản trị Telnet (giao thức không mã hoá) đang được bật",
        "en": "Telnet management (cleartext protocol) is enabled"},
    "detail": {
        "vi": "Thiết bị {device} cho phép quản trị qua Telnet ({where}); tên "
              "đăng nhập, mật khẩu và toàn bộ phiên quản trị được truyền không mã hoá, có thể "
              "bị nghe lén trên đường truyền.",
        "en": "Device {device} accepts Telnet management ({where}); user names, "
              "passwords and the whole session cross the network unencrypted and can be "
              "sniffed."},
    "remediation": {
        "vi": "Tắt Telnet, chỉ cho phép quản trị thiết bị qua giao thức quản trị an "
              "toàn (SSH) và giới hạn địa chỉ nguồn được phép quản trị trong vùng quản trị.",
        "en": "Disable Telnet, allow device management only over a secure protocol (SSH), and "
              "restrict the source addresses allowed to manage the device to the management "
              "zone."},
    "snippet.cisco_ios": {
        "vi": "Cấu hình mẫu (Cisco IOS):\nip access-list standard MGMT-ONLY\n permit 10.10.99.0 "
              "0.0.0.255   ! thay bằng dải địa chỉ vùng quản trị\nline vty 0 15\n transport input "
              "ssh\n access-class MGMT-ONLY in",
        "en": "Example (Cisco IOS):\nip access-list standard MGMT-ONLY\n permit 10.10.99.0 "
              "0.0.0.255   ! replace with the management zone's range\nline vty 0 15\n transport "
              "input ssh\n access-class MGMT-ONLY in"},
})
def mgmt_telnet(ctx: AuditContext, info: CheckInfo) -> Iterable[Finding]:
    """Enabled Telnet; medium only when the matrix proves no zone reaches it."""
    for dev in ctx.devices:
        for svc in enabled(dev, "telnet"):
            exp = exposure(ctx, dev, svc)
            proven_unreachable = exp.evaluated and not exp.reachable and not exp.unknown
            yield service_finding(info, dev, svc, severity="medium" if proven_unreachable else None,
                                  sentences=exp.sentences(), zones=exp.reachable)


# --------------------------------------------------------------------------- mgmt-http-server


@check("mgmt-http-server", "medium", [REF_TT12_DEVICES, REF_ND331], texts={
    "title": {
        "vi": "Giao diện quản trị web qua HTTP (không mã hoá) đang được bật",
        "en": "Cleartext HTTP web management is enabled"},
    "detail": {
        "vi": "Thiết bị {device} bật giao diện quản trị web qua HTTP ({where}); "
              "thông tin đăng nhập quản trị được truyền không mã hoá.",
        "en": "Device {device} serves its web management over plain HTTP ({where}); "
              "administrator credentials cross the network unencrypted."},
    "remediation": {
        "vi": "Tắt dịch vụ quản trị web qua HTTP; nếu cần quản trị qua web, chỉ dùng "
              "HTTPS và giới hạn địa chỉ nguồn được phép truy cập trong vùng quản trị.",
        "en": "Disable HTTP web management; if web management is needed, use HTTPS only and "
              "restrict it to the management zone's addresses."},
    "snippet.cisco_ios": {
        "vi": "Cấu hình mẫu (Cisco IOS):\nno ip http server\nip http secure-server   ! chỉ khi "
              "thực sự cần quản trị qua web",
        "en": "Example (Cisco IOS):\nno ip http server\nip http secure-server   ! only if web "
              "management is really needed"},
})
def mgmt_http_server(ctx: AuditContext, info: CheckInfo) -> Iterable[Finding]:
    """Enabled cleartext HTTP administration; high when a guest or external zone reaches it."""
    kinds = zone_kinds(ctx)
    for dev in ctx.devices:
        for svc in enabled(dev, "http"):
            exp = exposure(ctx, dev, svc)
            exposed = any(kinds.get(z) in EXPOSED_KINDS for z in exp.reachable)
            yield service_finding(info, dev, svc, severity="high" if exposed else None,
                                  sentences=exp.sentences(), zones=exp.reachable)


# --------------------------------------------------------------------------- mgmt-vty-no-access-class


def permitted_packets(hs: HeaderSpace, flt: Filter):
    """Packets ``flt`` permits (first match), or ``None`` when that cannot be stated
    exactly (partial filter or lines, interface-constrained matches)."""
    if flt.partial or any(line.partial for line in flt.lines):
        return None
    if any(m.in_ifaces is not None or m.out_ifaces is not None
           for line in flt.lines for m in line.matches):
        return None
    permit, rest = hs.false, hs.true
    for line in flt.lines:
        u = hs.matches(line.matches) & rest
        if line.action == Action.PERMIT:
            permit |= u
        rest &= ~u
    return permit | rest if flt.default_action == Action.PERMIT else permit


def source_restriction(hs: HeaderSpace, dev: Device, svc: MgmtService) -> str | None:
    """Why ``svc`` is open to every source (``none`` / ``undefined`` / ``permit_all``),
    or ``None`` when its ACL does restrict sources (or that cannot be proven wrong)."""
    if svc.acl is None:
        return "none"
    flt = dev.filters.get(svc.acl)
    if flt is None:
        return "undefined"
    permit = permitted_packets(hs, flt)
    target = service_packets(hs, svc)
    if permit is not None and (target & ~permit) == hs.false:
        return "permit_all"
    return None


_VTY_TEXTS = {
    "title": {
        "vi": "Dịch vụ quản trị từ xa không giới hạn địa chỉ nguồn được phép truy cập",
        "en": "Remote management is not restricted to permitted source addresses"},
    "detail": {
        "vi": "Dịch vụ quản trị {service} trên thiết bị {device} ({where}) không "
              "gắn danh sách kiểm soát truy cập (ACL) giới hạn địa chỉ nguồn: mọi địa chỉ tới "
              "được thiết bị đều có thể thử đăng nhập.",
        "en": "Management service {service} on device {device} ({where}) has no "
              "access list restricting source addresses: any address that reaches the device "
              "can attempt to log in."},
    "detail_undefined": {
        "vi": "Dịch vụ quản trị {service} trên thiết bị {device} ({where}) gắn ACL "
              "“{acl}” nhưng ACL này không tồn tại, nên không giới hạn được địa chỉ nguồn.",
        "en": "Management service {service} on device {device} ({where}) names "
              "access list \"{acl}\", which does not exist, so sources are not restricted."},
    "detail_permit_all": {
        "vi": "Dịch vụ quản trị {service} trên thiết bị {device} ({where}) gắn ACL "
              "“{acl}” nhưng ACL này cho phép mọi địa chỉ nguồn, không có tác dụng giới hạn.",
        "en": "Management service {service} on device {device} ({where}) uses "
              "access list \"{acl}\", which permits every source address: it restricts nothing."},
    "remediation": {
        "vi": "Chỉ cho phép các địa chỉ thuộc vùng quản trị (hoặc máy quản trị được "
              "chỉ định) kết nối tới dịch vụ quản trị của thiết bị, bằng ACL gắn trực tiếp với "
              "dịch vụ.",
        "en": "Allow only the management zone (or designated admin hosts) to connect to the "
              "device's management service, with an access list bound to the service."},
    "snippet.cisco_ios": {
        "vi": "Cấu hình mẫu (Cisco IOS):\nip access-list standard MGMT-ONLY\n permit 10.10.99.0 "
              "0.0.0.255   ! thay bằng dải địa chỉ vùng quản trị\nline vty 0 15\n access-class "
              "MGMT-ONLY in\n transport input ssh",
        "en": "Example (Cisco IOS):\nip access-list standard MGMT-ONLY\n permit 10.10.99.0 "
              "0.0.0.255   ! replace with the management zone's range\nline vty 0 15\n "
              "access-class MGMT-ONLY in\n transport input ssh"},
}


@check("mgmt-vty-no-access-class", "medium", [REF_TT12_DEVICES, REF_ND331], texts=_VTY_TEXTS)
def mgmt_vty_no_access_class(ctx: AuditContext, info: CheckInfo) -> Iterable[Finding]:
    """Enabled SSH/Telnet with no ACL, an undefined ACL, or an ACL permitting every source."""
    for dev in ctx.devices:
        for svc in enabled(dev, "ssh", "telnet"):
            why = source_restriction(ctx.hs, dev, svc)
            if why is not None:
                yield service_finding(info, dev, svc, extra={"acl": svc.acl or ""},
                                      detail_key=None if why == "none" else f"check.{info.id}.detail_{why}")


# --------------------------------------------------------------------------- mgmt-snmp-community


@check("mgmt-snmp-community", "medium", [REF_TT12_DEVICES, REF_ND331], texts={
    "title": {
        "vi": "Dịch vụ SNMP không giới hạn địa chỉ nguồn truy cập",
        "en": "SNMP is not restricted to permitted source addresses"},
    "detail": {
        "vi": "Thiết bị {device} bật SNMP ({where}) mà không gắn danh sách kiểm soát truy "
              "cập (ACL): bất kỳ máy nào biết chuỗi community đều đọc (hoặc ghi) được cấu hình "
              "và trạng thái thiết bị.",
        "en": "Device {device} runs SNMP ({where}) without an access list: any host that "
              "knows the community string can read (or write) the device's configuration and "
              "state."},
    "remediation": {
        "vi": "Giới hạn SNMP cho máy chủ giám sát được chỉ định bằng ACL; ưu tiên "
              "chuyển sang SNMPv3 có xác thực và mã hoá.",
        "en": "Restrict SNMP to the designated monitoring server with an access list; prefer "
              "SNMPv3 with authentication and encryption."},
    "snippet.cisco_ios": {
        "vi": "Cấu hình mẫu (Cisco IOS):\nip access-list standard SNMP-NMS\n permit host "
              "10.10.99.10   ! thay bằng địa chỉ máy chủ giám sát\nsnmp-server community "
              "<chuỗi-community> RO SNMP-NMS",
        "en": "Example (Cisco IOS):\nip access-list standard SNMP-NMS\n permit host "
              "10.10.99.10   ! replace with the monitoring server\nsnmp-server community "
              "<community> RO SNMP-NMS"},
})
def mgmt_snmp_community(ctx: AuditContext, info: CheckInfo) -> Iterable[Finding]:
    """Enabled SNMP with no source ACL.  The community string is never shown in text."""
    for dev in ctx.devices:
        for svc in enabled(dev, "snmp"):
            if svc.acl is None:
                yield service_finding(info, dev, svc, quote=False)
