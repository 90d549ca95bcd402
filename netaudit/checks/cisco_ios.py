"""Cisco IOS / IOS-XE hardening checks (settings only IOS has, recorded by ``parsers.cisco_ios``:
:class:`~netaudit.parsers.cisco_ios.facts.IOSFacts`).

* ``ios-smart-install`` — Smart Install (``vstack``, tcp/4786; docs/vendors/cisco_ios.md,
  "Smart Install"): its client lets anyone who reaches tcp/4786 copy or replace the
  switch's configuration and software, without authentication (cisco-sa-20170214-smi,
  CVE-2018-0171).

  - client on (``vstack``, or ``vstack …`` settings of a client): high; critical when the
    zone matrix proves a guest or external zone reaches tcp/4786 on the device; medium
    when it proves that no zone does;
  - director (``vstack director`` naming the device's own address, or ``vstack basic``):
    medium;
  - no vstack line on what looks like a Catalyst switch of a release where the client may
    be on by default: medium, *not proven* (``Finding.proven`` False: never a ground for
    "fail"), with the lines the guess rests on and how to settle it (``show vstack
    config``);
  - ``no vstack``, a router, a release without the default (IOS-XE 17): nothing.

The service itself (certain for a client, partial for a director or an unknown state) is
built by the parser, so the zone matrix answers who reaches it; this check says that it
is on at all.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..messages import Text, neutral
from ..model import Device, MgmtService
from ..parsers.cisco_ios.facts import IOSFacts
from . import REF_ND331, REF_TT12_DEVICES, AuditContext, CheckInfo, Finding, check
from .evidence import exposure, localized, vendor_remediation, zone_kinds

VENDOR = "cisco_ios"
EXPOSED_KINDS = frozenset({"guest", "external"})

REF_CISCO_SMI = "Cisco cisco-sa-20170214-smi (Smart Install Protocol Misuse), cisco-sa-20180409-smi; CVE-2018-0171"


def _ios_devices(ctx: AuditContext) -> Iterable[tuple[Device, IOSFacts]]:
    """The IOS devices, each with its IOS facts."""
    return ((d, d.facts) for d in ctx.devices if d.vendor == VENDOR and isinstance(d.facts, IOSFacts))


def _where(src) -> str:
    return f"{src.file}:{src.line}: {src.text.strip()}"


@check(
    "ios-smart-install",
    "high",
    [REF_TT12_DEVICES, REF_ND331, REF_CISCO_SMI],
    texts={
        "title": {
            "vi": "Cisco Smart Install (vstack) đang bật: ai tới được cổng tcp/4786 đều thay được cấu hình và "
            "phần mềm của thiết bị",
            "en": "Cisco Smart Install (vstack) is on: anyone who reaches tcp/4786 can replace the device's "
            "configuration and software",
        },
        "title_director": {
            "vi": "Thiết bị được cấu hình làm Smart Install director (vstack)",
            "en": "Device configured as a Smart Install director (vstack)",
        },
        "title_unknown": {
            "vi": "Chưa xác định được Cisco Smart Install (vstack) đã tắt hay chưa",
            "en": "Whether Cisco Smart Install (vstack) is off is not established",
        },
        "detail": {
            "vi": "Thiết bị {device} bật Smart Install ở vai trò client ({where}). Giao thức Smart Install "
            "(tcp/4786) không xác thực: bất kỳ máy nào gửi được gói tin tới cổng này đều có thể sao chép cấu "
            "hình của thiết bị, thay cấu hình hoặc phần mềm IOS rồi khởi động lại thiết bị (Cisco "
            "cisco-sa-20170214-smi); lỗ hổng CVE-2018-0171 trên cùng cổng cho phép thực thi mã từ xa. Cả hai "
            "đều đang bị khai thác trên thực tế.",
            "en": "Device {device} runs the Smart Install client ({where}). The Smart Install protocol "
            "(tcp/4786) has no authentication: any host that can send packets to that port can copy the "
            "device's configuration, replace its configuration or IOS software and reload it (Cisco "
            "cisco-sa-20170214-smi); CVE-2018-0171 on the same port allows remote code execution. Both are "
            "exploited in the wild.",
        },
        "detail_director": {
            "vi": "Thiết bị {device} được cấu hình làm Smart Install director ({where}). Director cấp ảnh "
            "phần mềm và cấu hình cho các switch client qua một giao thức không xác thực; Cisco đã thay Smart "
            "Install bằng Plug and Play và khuyến nghị tắt tính năng khi không dùng. Những gì director chấp "
            "nhận trên tcp/4786 không được mô hình hóa: ô ma trận chỉ tới được thiết bị qua cổng này là "
            "“chưa xác định”.",
            "en": "Device {device} is configured as a Smart Install director ({where}). A director hands "
            "software images and configurations to client switches over an unauthenticated protocol; Cisco "
            "replaced Smart Install with Plug and Play and advises turning it off when not in use. What a "
            "director accepts on tcp/4786 is not modelled: a matrix cell that reaches the device only on "
            "that port is “unknown”.",
        },
        "detail_unknown": {
            "vi": "Cấu hình của thiết bị {device} không có dòng vstack hay no vstack, trong khi thiết bị có "
            "dấu hiệu là switch Catalyst ({basis}), phiên bản {version}. Trên switch Catalyst chạy bản phần "
            "mềm chưa có bản sửa lỗi CSCvd36820, Smart Install client bật sẵn theo mặc định và nghe trên "
            "tcp/4786 mà không xác thực: ai tới được cổng này đều thay được cấu hình và phần mềm của thiết bị "
            "(cisco-sa-20170214-smi, CVE-2018-0171). Riêng tệp cấu hình không cho biết tính năng đang bật hay "
            "đã tắt, nên ô ma trận chỉ tới được thiết bị qua tcp/4786 là “chưa xác định”.",
            "en": "The configuration of device {device} has neither a vstack nor a no vstack line, and the "
            "device looks like a Catalyst switch ({basis}), version {version}. On a Catalyst switch whose "
            "release lacks the fix for Cisco bug CSCvd36820 the Smart Install client is on by default and "
            "listens on tcp/4786 without authentication: anyone who reaches that port can replace the "
            "device's configuration and software (cisco-sa-20170214-smi, CVE-2018-0171). The file alone "
            "does not show whether it is on or off, so a matrix cell that reaches the device only on "
            "tcp/4786 is “unknown”.",
        },
        "no_version": {"vi": "không rõ (cấu hình không có dòng version)", "en": "not known (no version line)"},
        "remediation": {
            "vi": "Nếu không dùng Smart Install, tắt bằng lệnh no vstack và lưu cấu hình; khi đó cấu hình "
            "ghi rõ no vstack và kết quả kiểm tra được. Xác nhận bằng show vstack config: “Role: Client "
            "(SmartInstall disabled)” hoặc “Oper Mode: Disabled” là đã tắt, “Role: Client (SmartInstall "
            "enabled)” hoặc “Oper Mode: Enabled” là đang bật. Nếu bắt buộc phải dùng, chỉ cho director tới "
            "tcp/4786 của thiết bị (ACL trên cổng vào) và tắt ngay khi triển khai xong.",
            "en": "If Smart Install is not used, turn it off with no vstack and save the configuration; the "
            "configuration then states no vstack and the result can be audited. Confirm with show vstack "
            "config: “Role: Client (SmartInstall disabled)” or “Oper Mode: Disabled” means off, “Role: "
            "Client (SmartInstall enabled)” or “Oper Mode: Enabled” means on. If it must be used, let only "
            "the director reach tcp/4786 on the device (an inbound ACL) and turn it off once the deployment "
            "is done.",
        },
        # The remediation's configuration, written once; its words in catalogue/snippets.py.
        "snippet.cisco_ios": neutral(
            "{snippet.example} (Cisco IOS):\n"
            "configure terminal\n"
            "no vstack\n"
            "end\n"
            "show vstack config   ! {snippet.vstack_expect}\n"
            "copy running-config startup-config"
        ),
    },
)
def ios_smart_install(ctx: AuditContext, info: CheckInfo) -> Iterable[Finding]:
    """Smart Install on (client or director), or possibly on (no vstack line on a Catalyst
    switch of a release whose client may be on by default)."""
    kinds = zone_kinds(ctx)
    for dev, facts in _ios_devices(ctx):
        state = facts.smart_install
        if state not in ("client", "director", "unknown"):
            continue
        svc = next((s for s in dev.services if s.name == "smart-install" and s.enabled), None)
        if svc is None:
            continue
        yield _finding(ctx, info, dev, facts, svc, kinds)


def _finding(
    ctx: AuditContext, info: CheckInfo, dev: Device, facts: IOSFacts, svc: MgmtService, kinds: dict
) -> Finding:
    state = facts.smart_install
    exp = exposure(ctx, dev, svc)
    lines = facts.smart_install_basis if state == "unknown" else facts.smart_install_lines
    fields: dict = {
        "device": dev.hostname,
        "where": _where(lines[0]) if lines else dev.file,
        "basis": _where(facts.smart_install_basis[0]) if facts.smart_install_basis else "",
        "version": dev.os_version or Text("check.ios-smart-install.no_version"),
    }
    severity = None
    if state == "client":
        exposed = [z for z in exp.reachable if kinds.get(z) in EXPOSED_KINDS]
        if exposed:
            severity = "critical"
        elif exp.evaluated and not exp.reachable and not exp.unknown:
            severity = "medium"
    else:
        severity = "medium"
    suffix = "" if state == "client" else f"_{state}"
    f = info.finding(
        key=f"{dev.hostname}|{state}",
        severity=severity,
        title_key=f"check.{info.id}.title{suffix}",
        detail_key=f"check.{info.id}.detail{suffix}",
        fields=fields,
        devices=[dev.hostname],
        zones=exp.reachable,
        evidence=[s.cite() for s in lines] or [{"file": dev.file, "line": None, "text": "vstack"}],
    )
    f.detail = localized((f"check.{info.id}.detail{suffix}", fields), *exp.sentences())
    f.remediation = vendor_remediation(info.id, dev.vendor, fields)
    if state == "unknown":
        f.proven = False
    return f
