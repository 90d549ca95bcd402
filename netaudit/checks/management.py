"""Management-plane hardening checks, vendor-neutral through ``Device.services``.

* ``mgmt-telnet`` — Telnet enabled; says which zones reach it (zone matrix, ``@devices``).
* ``mgmt-http-server`` — cleartext HTTP web administration enabled.
* ``mgmt-vty-no-access-class`` — SSH/Telnet without an effective source restriction.
* ``mgmt-snmp-community`` — SNMP without a source ACL.

Reachability statements come from the zone matrix only (:func:`.evidence.exposure`): a
severity is lowered only when the matrix proves that no zone reaches the service, and
raised only when it proves that one does.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .. import filters
from ..headerspace import HeaderSpace
from ..messages import neutral
from ..model import Device, Filter, MgmtService
from . import REF_ND331, REF_TT12_DEVICES, AuditContext, CheckInfo, Finding, check
from .evidence import exposure, localized, service_packets, vendor_remediation, zone_kinds

# Zone kinds from which cleartext web administration is a high-severity exposure.
EXPOSED_KINDS = frozenset({"guest", "external"})


# --------------------------------------------------------------------------- finding helper


def service_finding(
    info: CheckInfo,
    dev: Device,
    svc: MgmtService,
    *,
    severity: str | None = None,
    sentences: Sequence[tuple[str, dict]] = (),
    zones: Sequence[str] = (),
    detail_key: str | None = None,
    extra: dict | None = None,
    quote: bool = True,
) -> Finding:
    """A finding about one service: evidence is its config line, remediation carries the
    vendor's snippet, ``sentences`` are appended to the detail.  ``quote=False`` keeps
    the config text out of the detail (it may hold a secret, e.g. an SNMP community)."""
    cite: dict = svc.source.cite() if svc.source else {"file": dev.file, "line": None, "text": svc.name}
    where = f"{cite['file']}:{cite['line']}" if svc.source else dev.file
    if svc.source and quote:
        where += f": {cite['text'].strip()}"
    fields = {"device": dev.hostname, "service": svc.name, "where": where, **(extra or {})}
    f = info.finding(
        key=f"{dev.hostname}|{svc.name}|{cite['file']}:{cite['line']}",
        severity=severity,
        detail_key=detail_key,
        fields=fields,
        devices=[dev.hostname],
        zones=list(zones),
        evidence=[cite],
    )
    key = detail_key or f"check.{info.id}.detail"
    if svc.partial:  # what is not understood may be whether it runs at all (a one-VDOM backup)
        sentences = [*sentences, ("check.mgmt.partial", {"detail": svc.partial})]
        f.proven = False
    f.detail = localized((key, fields), *sentences)
    f.remediation = vendor_remediation(info.id, dev.vendor, fields)
    return f


def enabled(dev: Device, *names: str) -> list[MgmtService]:
    """The device's enabled services with one of ``names`` — not one bound to no address
    (``MgmtService.bound_to`` empty: VRP ``undo telnet server-source all-interface``
    without ``-i``), which answers nobody."""
    return [s for s in dev.services if s.enabled and s.name in names and s.bound_to != frozenset()]


# --------------------------------------------------------------------------- mgmt-telnet


@check(
    "mgmt-telnet",
    "high",
    [REF_TT12_DEVICES, REF_ND331],
    texts={
        "title": {
            "vi": "Dịch vụ quản trị Telnet (giao thức không mã hóa) đang được bật",
            "en": "Telnet management (cleartext protocol) is enabled",
        },
        "detail": {
            "vi": "Thiết bị {device} cho phép quản trị qua Telnet ({where}); tên "
            "đăng nhập, mật khẩu và toàn bộ phiên quản trị được truyền không mã hóa, có thể "
            "bị nghe lén trên đường truyền.",
            "en": "Device {device} accepts Telnet management ({where}); user names, "
            "passwords and the whole session cross the network unencrypted and can be "
            "sniffed.",
        },
        "remediation": {
            "vi": "Tắt Telnet, chỉ cho phép quản trị thiết bị qua giao thức quản trị an "
            "toàn (SSH) và giới hạn địa chỉ nguồn được phép quản trị trong vùng quản trị.",
            "en": "Disable Telnet, allow device management only over a secure protocol (SSH), and "
            "restrict the source addresses allowed to manage the device to the management "
            "zone.",
        },
        "snippet.cisco_ios": neutral(
            "{snippet.example} (Cisco IOS):\n"
            "ip access-list standard MGMT-ONLY\n"
            " permit 10.10.99.0 0.0.0.255   ! {snippet.mgmt_range}\n"
            "line vty 0 15\n"
            " transport input ssh\n"
            " access-class MGMT-ONLY in"
        ),
    },
)
def mgmt_telnet(ctx: AuditContext, info: CheckInfo) -> Iterable[Finding]:
    """Enabled Telnet; medium only when the matrix proves no zone reaches it."""
    for dev in ctx.devices:
        for svc in enabled(dev, "telnet"):
            exp = exposure(ctx, dev, svc)
            proven_unreachable = exp.evaluated and not exp.reachable and not exp.unknown
            yield service_finding(
                info,
                dev,
                svc,
                severity="medium" if proven_unreachable else None,
                sentences=exp.sentences(),
                zones=exp.reachable,
            )


# --------------------------------------------------------------------------- mgmt-http-server


@check(
    "mgmt-http-server",
    "medium",
    [REF_TT12_DEVICES, REF_ND331],
    texts={
        "title": {
            "vi": "Giao diện quản trị web qua HTTP (không mã hóa) đang được bật",
            "en": "Cleartext HTTP web management is enabled",
        },
        "detail": {
            "vi": "Thiết bị {device} bật giao diện quản trị web qua HTTP ({where}); "
            "thông tin đăng nhập quản trị được truyền không mã hóa.",
            "en": "Device {device} serves its web management over plain HTTP ({where}); "
            "administrator credentials cross the network unencrypted.",
        },
        "remediation": {
            "vi": "Tắt dịch vụ quản trị web qua HTTP; nếu cần quản trị qua web, chỉ dùng "
            "HTTPS và giới hạn địa chỉ nguồn được phép truy cập trong vùng quản trị.",
            "en": "Disable HTTP web management; if web management is needed, use HTTPS only and "
            "restrict it to the management zone's addresses.",
        },
        "snippet.cisco_ios": neutral(
            "{snippet.example} (Cisco IOS):\nno ip http server\nip http secure-server   ! {snippet.ios_web_if_needed}"
        ),
    },
)
def mgmt_http_server(ctx: AuditContext, info: CheckInfo) -> Iterable[Finding]:
    """Enabled cleartext HTTP administration; high when a guest or external zone reaches it."""
    kinds = zone_kinds(ctx)
    for dev in ctx.devices:
        for svc in enabled(dev, "http"):
            exp = exposure(ctx, dev, svc)
            exposed = any(kinds.get(z) in EXPOSED_KINDS for z in exp.reachable)
            yield service_finding(
                info, dev, svc, severity="high" if exposed else None, sentences=exp.sentences(), zones=exp.reachable
            )


# --------------------------------------------------------------------------- mgmt-vty-no-access-class


def permitted_packets(hs: HeaderSpace, flt: Filter):
    """Packets ``flt`` permits (first match), or ``None`` when that cannot be stated
    exactly (partial filter or lines, interface-constrained matches)."""
    if flt.partial or any(line.partial for line in flt.lines) or filters.interface_dependent(flt):
        return None
    permit, _, _ = filters.permitted(hs, flt, filters.line_sets(hs, flt, None, None))
    return permit


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
        "en": "Remote management is not restricted to permitted source addresses",
    },
    "detail": {
        "vi": "Dịch vụ quản trị {service} trên thiết bị {device} ({where}) không "
        "gắn danh sách kiểm soát truy cập (ACL) giới hạn địa chỉ nguồn: mọi địa chỉ tới "
        "được thiết bị đều có thể thử đăng nhập.",
        "en": "Management service {service} on device {device} ({where}) has no "
        "access list restricting source addresses: any address that reaches the device "
        "can attempt to log in.",
    },
    "detail_undefined": {
        "vi": "Dịch vụ quản trị {service} trên thiết bị {device} ({where}) gắn ACL "
        "“{acl}” nhưng ACL này không tồn tại, nên không giới hạn được địa chỉ nguồn.",
        "en": "Management service {service} on device {device} ({where}) names "
        'access list "{acl}", which does not exist, so sources are not restricted.',
    },
    "detail_permit_all": {
        "vi": "Dịch vụ quản trị {service} trên thiết bị {device} ({where}) gắn ACL "
        "“{acl}” nhưng ACL này cho phép mọi địa chỉ nguồn, không có tác dụng giới hạn.",
        "en": "Management service {service} on device {device} ({where}) uses "
        'access list "{acl}", which permits every source address: it restricts nothing.',
    },
    "remediation": {
        "vi": "Chỉ cho phép các địa chỉ thuộc vùng quản trị (hoặc máy quản trị được "
        "chỉ định) kết nối tới dịch vụ quản trị của thiết bị, bằng ACL gắn trực tiếp với "
        "dịch vụ.",
        "en": "Allow only the management zone (or designated admin hosts) to connect to the "
        "device's management service, with an access list bound to the service.",
    },
    "snippet.cisco_ios": neutral(
        "{snippet.example} (Cisco IOS):\n"
        "ip access-list standard MGMT-ONLY\n"
        " permit 10.10.99.0 0.0.0.255   ! {snippet.mgmt_range}\n"
        "line vty 0 15\n"
        " access-class MGMT-ONLY in\n"
        " transport input ssh"
    ),
}


@check("mgmt-vty-no-access-class", "medium", [REF_TT12_DEVICES, REF_ND331], texts=_VTY_TEXTS)
def mgmt_vty_no_access_class(ctx: AuditContext, info: CheckInfo) -> Iterable[Finding]:
    """Enabled SSH/Telnet with no ACL, an undefined ACL, or an ACL permitting every source."""
    for dev in ctx.devices:
        for svc in enabled(dev, "ssh", "telnet"):
            why = source_restriction(ctx.hs, dev, svc)
            if why is not None:
                yield service_finding(
                    info,
                    dev,
                    svc,
                    extra={"acl": svc.acl or ""},
                    detail_key=None if why == "none" else f"check.{info.id}.detail_{why}",
                )


# --------------------------------------------------------------------------- mgmt-snmp-community


@check(
    "mgmt-snmp-community",
    "medium",
    [REF_TT12_DEVICES, REF_ND331],
    texts={
        "title": {
            "vi": "Dịch vụ SNMP không giới hạn địa chỉ nguồn truy cập",
            "en": "SNMP is not restricted to permitted source addresses",
        },
        "detail": {
            "vi": "Thiết bị {device} bật SNMP ({where}) mà không gắn danh sách kiểm soát truy "
            "cập (ACL): bất kỳ máy nào biết chuỗi community đều đọc (hoặc ghi) được cấu hình "
            "và trạng thái thiết bị.",
            "en": "Device {device} runs SNMP ({where}) without an access list: any host that "
            "knows the community string can read (or write) the device's configuration and "
            "state.",
        },
        "remediation": {
            "vi": "Giới hạn SNMP cho máy chủ giám sát được chỉ định bằng ACL; ưu tiên "
            "chuyển sang SNMPv3 có xác thực và mã hóa.",
            "en": "Restrict SNMP to the designated monitoring server with an access list; prefer "
            "SNMPv3 with authentication and encryption.",
        },
        "snippet.cisco_ios": neutral(
            "{snippet.example} (Cisco IOS):\n"
            "ip access-list standard SNMP-NMS\n"
            " permit host 10.10.99.10   ! {snippet.nms_address}\n"
            "snmp-server community <{snippet.community}> RO SNMP-NMS"
        ),
    },
)
def mgmt_snmp_community(ctx: AuditContext, info: CheckInfo) -> Iterable[Finding]:
    """Enabled SNMP with no source ACL.  The community string is never shown in text."""
    for dev in ctx.devices:
        for svc in enabled(dev, "snmp"):
            if svc.acl is None:
                yield service_finding(info, dev, svc, quote=False)
