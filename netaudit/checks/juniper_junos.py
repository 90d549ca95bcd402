"""Juniper Junos hardening checks (settings only Junos has, recorded by
``parsers.juniper_junos``: :class:`~netaudit.parsers.juniper_junos.facts.JunosFacts`), and
the Junos remediation examples of the vendor-neutral management checks (catalogue entries
``check.<id>.snippet.juniper_junos``), in `set` form.

* ``junos-ssh-root-login`` — ``system services ssh root-login allow``: the root account,
  whose name every attacker knows, may log in over SSH (docs/vendors/juniper_junos.md,
  "Checks"); high when a guest or external zone reaches the device's SSH.
"""

from __future__ import annotations

from collections.abc import Iterable

from .. import messages
from ..messages import neutral
from ..parsers.juniper_junos.facts import JunosFacts
from . import REF_ND331, REF_TT12_DEVICES, AuditContext, CheckInfo, Finding, check
from .evidence import exposure, localized, vendor_remediation, zone_kinds

VENDOR = "juniper_junos"

# Commands written once, the reader's words in catalogue/snippets.py.  On Junos the
# source restriction of the device's own services is the lo0 input filter; on an SRX the
# host-inbound traffic of the zones says where they listen.
messages.register(
    {
        "check.mgmt-telnet.snippet.juniper_junos": neutral(
            "{snippet.example} (Juniper Junos):\n"
            "delete system services telnet\n"
            "set system services ssh root-login deny\n"
            "# {snippet.mgmt_range}:\n"
            "set policy-options prefix-list QUAN-TRI 10.10.99.0/24\n"
            "set firewall family inet filter BAO-VE-RE term SSH from source-prefix-list QUAN-TRI\n"
            "set firewall family inet filter BAO-VE-RE term SSH from protocol tcp\n"
            "set firewall family inet filter BAO-VE-RE term SSH from destination-port ssh\n"
            "set firewall family inet filter BAO-VE-RE term SSH then accept"
        ),
        "check.mgmt-http-server.snippet.juniper_junos": neutral(
            "{snippet.example} (Juniper Junos):\n"
            "delete system services web-management http\n"
            "# {snippet.ios_web_if_needed}:\n"
            "set system services web-management https system-generated-certificate\n"
            "set system services web-management https interface irb.99"
        ),
        "check.mgmt-vty-no-access-class.snippet.juniper_junos": neutral(
            "{snippet.example} (Juniper Junos):\n"
            "# {snippet.mgmt_range}:\n"
            "set policy-options prefix-list QUAN-TRI 10.10.99.0/24\n"
            "set firewall family inet filter BAO-VE-RE term SSH from source-prefix-list QUAN-TRI\n"
            "set firewall family inet filter BAO-VE-RE term SSH from protocol tcp\n"
            "set firewall family inet filter BAO-VE-RE term SSH from destination-port ssh\n"
            "set firewall family inet filter BAO-VE-RE term SSH then accept\n"
            "set firewall family inet filter BAO-VE-RE term CHAN-SSH from protocol tcp\n"
            "set firewall family inet filter BAO-VE-RE term CHAN-SSH from destination-port ssh\n"
            "set firewall family inet filter BAO-VE-RE term CHAN-SSH then discard\n"
            "set firewall family inet filter BAO-VE-RE term CON-LAI then accept\n"
            "set interfaces lo0 unit 0 family inet filter input BAO-VE-RE"
        ),
        "check.mgmt-snmp-community.snippet.juniper_junos": neutral(
            "{snippet.example} (Juniper Junos):\n"
            "delete snmp community <{snippet.community}>\n"
            "# {snippet.nms_address}:\n"
            "set snmp community <{snippet.community}> authorization read-only\n"
            "set snmp community <{snippet.community}> clients 10.10.99.10/32"
        ),
    }
)


@check(
    "junos-ssh-root-login",
    "medium",
    [REF_TT12_DEVICES, REF_ND331],
    texts={
        "title": {
            "vi": "Cho phép đăng nhập SSH bằng tài khoản root",
            "en": "SSH login as root is allowed",
        },
        "detail": {
            "vi": "Thiết bị {device} cho phép tài khoản root đăng nhập qua SSH ({where}): tên tài khoản đã "
            "biết trước, kẻ tấn công chỉ còn phải dò mật khẩu, và phiên làm việc không gắn với người quản "
            "trị cụ thể nào.",
            "en": "Device {device} lets the root account log in over SSH ({where}): the account name is "
            "known in advance, an attacker only has to guess the password, and the session is tied to no "
            "named administrator.",
        },
        "remediation": {
            "vi": "Cấm root đăng nhập qua SSH; quản trị bằng tài khoản riêng của từng người.",
            "en": "Deny root logins over SSH; administer with each administrator's own account.",
        },
        "snippet.juniper_junos": neutral("{snippet.example} (Juniper Junos):\nset system services ssh root-login deny"),
    },
)
def junos_ssh_root_login(ctx: AuditContext, info: CheckInfo) -> Iterable[Finding]:
    """``root-login allow``; high when a guest or external zone reaches the device's SSH."""
    kinds = zone_kinds(ctx)
    for dev in ctx.devices:
        facts = dev.facts
        if dev.vendor != VENDOR or not isinstance(facts, JunosFacts) or facts.ssh_root_login is None:
            continue
        src = facts.ssh_root_login
        fields = {"device": dev.hostname, "where": f"{src.file}:{src.line}"}
        sentences: list = []
        zones: list[str] = []
        severity = None
        svc = next((s for s in dev.services if s.name == "ssh" and s.enabled), None)
        if svc is not None:
            exp = exposure(ctx, dev, svc)
            sentences, zones = exp.sentences(), exp.reachable
            if any(kinds.get(z) in ("guest", "external") for z in zones):
                severity = "high"
        f = info.finding(
            key=f"{dev.hostname}|{src.file}:{src.line}",
            severity=severity,
            fields=fields,
            devices=[dev.hostname],
            zones=zones,
            evidence=[src.cite()],
        )
        f.detail = localized((f"check.{info.id}.detail", fields), *sentences)
        f.remediation = vendor_remediation(info.id, dev.vendor, fields)
        yield f
