"""Huawei VRP hardening checks (settings only VRP has, recorded by ``parsers.huawei_vrp``:
:class:`~netaudit.parsers.huawei_vrp.facts.VRPFacts`), and the VRP remediation examples of
the vendor-neutral management checks (catalogue entries ``check.<id>.snippet.huawei_vrp``).

* ``huawei-reversible-password`` — ``local-user NAME password cipher …``: VRP stores a
  ``cipher`` password reversibly (anyone holding the configuration file recovers it with
  public tools); ``irreversible-cipher`` keeps only a hash.
* ``huawei-vty-no-authentication`` — ``authentication-mode none`` on ``user-interface
  vty``: whoever reaches Telnet/SSH gets a command line without a password.
* ``huawei-ftp-server`` — ``ftp server enable``: the cleartext FTP server, which hands
  out the configuration and software files; the zone matrix says who reaches tcp/21.
"""

from __future__ import annotations

from collections.abc import Iterable

from .. import messages
from ..messages import neutral
from ..model import Device
from ..parsers.huawei_vrp.facts import VRPFacts
from . import REF_ND331, REF_TT12_DEVICES, AuditContext, CheckInfo, Finding, check
from .evidence import exposure, localized, vendor_remediation, zone_kinds

VENDOR = "huawei_vrp"
REF_HUAWEI_HARDENING = "Huawei S-series/AR Security Hardening Guide: local-user password, user-interface, FTP"

# VRP remediation for the vendor-neutral management checks: commands written once, the
# reader's words in catalogue/snippets.py.
messages.register(
    {
        "check.mgmt-telnet.snippet.huawei_vrp": neutral(
            "{snippet.example} (Huawei VRP):\n"
            "acl number 2000\n"
            " rule 5 permit source 10.10.99.0 0.0.0.255   # {snippet.mgmt_range}\n"
            "undo telnet server enable\n"
            "stelnet server enable\n"
            "user-interface vty 0 4\n"
            " acl 2000 inbound\n"
            " authentication-mode aaa\n"
            " protocol inbound ssh"
        ),
        "check.mgmt-http-server.snippet.huawei_vrp": neutral(
            "{snippet.example} (Huawei VRP):\n"
            "undo http server enable\n"
            "# {snippet.ios_web_if_needed}:\n"
            "http secure-server enable\n"
            "http acl 2000   # {snippet.mgmt_range}"
        ),
        "check.mgmt-vty-no-access-class.snippet.huawei_vrp": neutral(
            "{snippet.example} (Huawei VRP):\n"
            "acl number 2000\n"
            " rule 5 permit source 10.10.99.0 0.0.0.255   # {snippet.mgmt_range}\n"
            "user-interface vty 0 4\n"
            " acl 2000 inbound\n"
            " protocol inbound ssh\n"
            "user-interface vty 16 20\n"
            " acl 2000 inbound"
        ),
        "check.mgmt-snmp-community.snippet.huawei_vrp": neutral(
            "{snippet.example} (Huawei VRP):\n"
            "acl number 2001\n"
            " rule 5 permit source 10.10.99.10 0   # {snippet.nms_address}\n"
            "snmp-agent community read cipher <{snippet.community}> acl 2001\n"
            "# {snippet.or_disable_snmp}:\n"
            "undo snmp-agent"
        ),
    }
)


def _vrp_devices(ctx: AuditContext) -> Iterable[tuple[Device, VRPFacts]]:
    """The VRP devices, each with its VRP facts."""
    return ((d, d.facts) for d in ctx.devices if d.vendor == VENDOR and isinstance(d.facts, VRPFacts))


def _line_finding(
    info: CheckInfo, dev: Device, src, fields: dict | None = None, severity: str | None = None
) -> Finding:
    fields = {"device": dev.hostname, "where": f"{src.file}:{src.line}", **(fields or {})}
    f = info.finding(
        key=f"{dev.hostname}|{src.file}:{src.line}",
        severity=severity,
        fields=fields,
        devices=[dev.hostname],
        evidence=[src.cite()],
    )
    f.detail = localized((f"check.{info.id}.detail", fields))
    f.remediation = vendor_remediation(info.id, dev.vendor, fields)
    return f


@check(
    "huawei-reversible-password",
    "medium",
    [REF_TT12_DEVICES, REF_ND331, REF_HUAWEI_HARDENING],
    texts={
        "title": {
            "vi": "Mật khẩu tài khoản quản trị lưu ở dạng mã hóa giải ngược được (password cipher)",
            "en": "An administrator password is stored in reversible form (password cipher)",
        },
        "detail": {
            "vi": "Thiết bị {device} lưu mật khẩu tài khoản cục bộ bằng “password cipher” ({where}). Dạng "
            "cipher của VRP giải ngược được bằng công cụ công khai: ai có tệp cấu hình (bản sao lưu, tệp gửi "
            "kèm hồ sơ) đều lấy lại được mật khẩu quản trị.",
            "en": "Device {device} stores a local user's password with “password cipher” ({where}). VRP's "
            "cipher form can be reversed with public tools: anyone holding the configuration file (a backup, "
            "a file attached to a report) recovers the administrator password.",
        },
        "remediation": {
            "vi": "Đặt lại mật khẩu bằng “password irreversible-cipher” (chỉ lưu giá trị băm), đổi mật khẩu "
            "đã lộ và rà soát các bản sao lưu cấu hình cũ.",
            "en": "Set the password again with “password irreversible-cipher” (a hash only), change the "
            "exposed password and review old configuration backups.",
        },
        "snippet.huawei_vrp": neutral(
            "{snippet.example} (Huawei VRP):\n"
            "aaa\n"
            " local-user <{snippet.admin_name}> password irreversible-cipher <{snippet.strong_password}>"
        ),
    },
)
def huawei_reversible_password(ctx: AuditContext, info: CheckInfo) -> Iterable[Finding]:
    """One finding per ``local-user … password cipher`` line."""
    for dev, facts in _vrp_devices(ctx):
        for src in facts.reversible_passwords:
            yield _line_finding(info, dev, src)


@check(
    "huawei-vty-no-authentication",
    "high",
    [REF_TT12_DEVICES, REF_ND331, REF_HUAWEI_HARDENING],
    texts={
        "title": {
            "vi": "Đăng nhập từ xa (vty) không yêu cầu xác thực",
            "en": "Remote login (vty) requires no authentication",
        },
        "detail": {
            "vi": "Thiết bị {device} đặt “authentication-mode none” cho user-interface vty ({where}): ai tới "
            "được Telnet/SSH của thiết bị đều vào được dòng lệnh mà không cần mật khẩu.",
            "en": "Device {device} sets “authentication-mode none” on a vty user-interface ({where}): whoever "
            "reaches the device's Telnet/SSH gets a command line without a password.",
        },
        "remediation": {
            "vi": "Bắt buộc xác thực AAA trên mọi vty và chỉ cho phép vùng quản trị đăng nhập.",
            "en": "Require AAA authentication on every vty and let only the management zone log in.",
        },
        "snippet.huawei_vrp": neutral(
            "{snippet.example} (Huawei VRP):\n"
            "user-interface vty 0 4\n"
            " authentication-mode aaa\n"
            " acl 2000 inbound   # {snippet.mgmt_range}"
        ),
    },
)
def huawei_vty_no_authentication(ctx: AuditContext, info: CheckInfo) -> Iterable[Finding]:
    """One finding per vty block with ``authentication-mode none``."""
    for dev, facts in _vrp_devices(ctx):
        for src in facts.vty_no_auth:
            yield _line_finding(info, dev, src)


@check(
    "huawei-ftp-server",
    "medium",
    [REF_TT12_DEVICES, REF_ND331, REF_HUAWEI_HARDENING],
    texts={
        "title": {
            "vi": "Máy chủ FTP (không mã hóa) của thiết bị đang bật",
            "en": "The device's cleartext FTP server is on",
        },
        "detail": {
            "vi": "Thiết bị {device} bật máy chủ FTP ({where}): tên đăng nhập, mật khẩu và các tệp cấu hình, "
            "phần mềm đi qua mạng không mã hóa.",
            "en": "Device {device} runs its FTP server ({where}): user names, passwords and the "
            "configuration and software files cross the network unencrypted.",
        },
        "remediation": {
            "vi": "Tắt máy chủ FTP; dùng SFTP (qua STelnet/SSH) khi cần chép tệp.",
            "en": "Turn the FTP server off; use SFTP (over STelnet/SSH) to copy files.",
        },
        "snippet.huawei_vrp": neutral("{snippet.example} (Huawei VRP):\nundo ftp server enable\nsftp server enable"),
    },
)
def huawei_ftp_server(ctx: AuditContext, info: CheckInfo) -> Iterable[Finding]:
    """``ftp server enable``; high when a guest or external zone reaches tcp/21."""
    kinds = zone_kinds(ctx)
    for dev, facts in _vrp_devices(ctx):
        if facts.ftp_server is None:
            continue
        svc = next((s for s in dev.services if s.name == "ftp" and s.enabled), None)
        sentences = []
        severity = None
        zones: list[str] = []
        if svc is not None:
            exp = exposure(ctx, dev, svc)
            sentences = exp.sentences()
            zones = exp.reachable
            if any(kinds.get(z) in ("guest", "external") for z in zones):
                severity = "high"
        f = _line_finding(info, dev, facts.ftp_server, severity=severity)
        f.zones = zones
        if sentences:
            fields = {"device": dev.hostname, "where": f"{facts.ftp_server.file}:{facts.ftp_server.line}"}
            f.detail = localized((f"check.{info.id}.detail", fields), *sentences)
        yield f
