"""Linux router hardening checks (devices of vendor ``linux``).

Coordination with the vendor-neutral checks (no finding twice): telnet, cleartext web
and SNMP listeners are ``mgmt-telnet`` / ``mgmt-http-server`` / ``mgmt-snmp-community``;
what zones reach is ``guest-isolation`` / ``policy-violation``.  This module reports the
netfilter settings behind them:

* ``linux-input-policy-accept`` — an input base chain whose policy is ``accept`` (or no
  input chain at all): every listening socket is open to every zone that reaches the
  box unless a rule drops it; high when a guest or external zone reaches a service of
  the device other than DHCP/DNS.
* ``linux-forward-policy-accept`` — the box routes (ip_forward = 1) and its forward hook
  ends in ``accept``: whatever no rule drops is routed between every zone.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..messages import named_list, neutral
from ..model import Device
from ..parsers.linux.facts import LinuxFacts
from . import REF_ND331, REF_TT12_DEVICES, REF_TT12_ZONES, AuditContext, CheckInfo, Finding, check
from .evidence import zone_kinds

VENDOR = "linux"
EXPOSED = frozenset({"guest", "external"})
BENIGN = ("udp/53", "udp/67", "tcp/53")


def _linux(ctx: AuditContext) -> list[tuple[Device, LinuxFacts]]:
    return [(d, d.facts) for d in ctx.devices if d.vendor == VENDOR and isinstance(d.facts, LinuxFacts)]


def _policy_accept(facts: LinuxFacts, hook: str):
    """The base chains of ``hook`` (ip/inet) and whether the hook ends in accept."""
    chains = [c for c in facts.base_chains if c.hook == hook and c.family in ("ip", "inet")]
    return chains, all(c.policy == "accept" for c in chains)


@check(
    "linux-input-policy-accept",
    "medium",
    [REF_TT12_DEVICES, REF_ND331],
    texts={
        "title": {
            "vi": "Chuỗi input của tường lửa Linux mặc định cho phép (policy accept)",
            "en": "Linux firewall input chain accepts by default (policy accept)",
        },
        "detail": {
            "vi": "Trên thiết bị {device}, chuỗi input ({where}) có chính sách mặc định accept: mọi "
            "dịch vụ đang lắng nghe trên thiết bị đều mở cho mọi vùng tới được thiết bị, trừ khi "
            "có quy tắc chặn riêng.{zones}",
            "en": "On device {device} the input chain ({where}) has policy accept: every listening "
            "service of the device is open to every zone that reaches it unless a rule drops it.{zones}",
        },
        "zones": {
            "vi": " Vùng khách/bên ngoài tới được dịch vụ của thiết bị: {zones}.",
            "en": " Guest/external zones reaching the device's services: {zones}.",
        },
        "remediation": {
            "vi": "Đặt policy drop cho chuỗi input; chỉ cho phép established/related, lo, DHCP/DNS "
            "từ mạng nội bộ và SSH từ vùng quản trị.",
            "en": "Set policy drop on the input chain; allow only established/related, lo, DHCP/DNS "
            "from the LAN and SSH from the management zone.",
        },
        "snippet": neutral(
            "{snippet.example} (nftables):\n"
            "chain input {{\n"
            "  type filter hook input priority filter; policy drop;\n"
            "  ct state established,related accept\n"
            '  iifname "lo" accept\n'
            '  iifname "<{snippet.mgmt_interface}>" tcp dport 22 accept\n'
            "}}"
        ),
    },
)
def input_policy_accept(ctx: AuditContext, info: CheckInfo) -> Iterable[Finding]:
    """An input hook that ends in accept (or has no chain) on a box whose firewall was read."""
    kinds = zone_kinds(ctx)
    for dev, facts in _linux(ctx):
        if not facts.firewall_read:
            continue
        chains, accept = _policy_accept(facts, "input")
        if not accept:
            continue
        exposed = sorted(
            c.src
            for c in ctx.matrix
            if c.dst == "@devices"
            and kinds.get(c.src) in EXPOSED
            and c.verdict == "reachable"
            and any(s not in BENIGN for s in c.services)
        )
        src = chains[0].source if chains else None
        where = f"{src.file}:{src.line}" if src else "no input chain"
        fields = {"device": dev.hostname, "where": where, "zones": ""}
        f = info.finding(
            key=dev.hostname,
            severity="high" if exposed else None,
            fields=fields,
            devices=[dev.hostname],
            zones=exposed,
            evidence=[src.cite()] if src else [],
        )
        if exposed:
            from .. import messages

            f.detail = {
                lang: messages.t(
                    f"check.{info.id}.detail",
                    lang,
                    **{**fields, "zones": messages.t(f"check.{info.id}.zones", lang, zones=named_list(exposed))},
                )
                for lang in messages.LANGS
            }
        yield f


@check(
    "linux-forward-policy-accept",
    "high",
    [REF_TT12_ZONES, REF_ND331],
    texts={
        "title": {
            "vi": "Chuỗi forward của tường lửa Linux mặc định cho phép định tuyến mọi lưu lượng",
            "en": "Linux firewall forward chain routes everything by default (policy accept)",
        },
        "detail": {
            "vi": "Thiết bị {device} định tuyến giữa các mạng (ip_forward = 1) và chuỗi forward ({where}) "
            "có chính sách mặc định accept ({rules} quy tắc): mọi lưu lượng không bị quy tắc nào chặn "
            "đều đi qua giữa các vùng.",
            "en": "Device {device} routes between networks (ip_forward = 1) and its forward chain "
            "({where}) has policy accept ({rules} rules): whatever no rule drops passes between zones.",
        },
        "remediation": {
            "vi": "Đặt policy drop cho chuỗi forward và chỉ cho phép các luồng cần thiết (ví dụ "
            "mạng nội bộ và Wi-Fi khách ra Internet).",
            "en": "Set policy drop on the forward chain and allow only the flows needed (e.g. the "
            "LAN and the guest Wi-Fi to the Internet).",
        },
    },
)
def forward_policy_accept(ctx: AuditContext, info: CheckInfo) -> Iterable[Finding]:
    """A routing box whose forward hook ends in accept."""
    for dev, facts in _linux(ctx):
        if not facts.firewall_read or not dev.ip_routing:
            continue
        chains, accept = _policy_accept(facts, "forward")
        if not accept:
            continue
        src = chains[0].source if chains else None
        yield info.finding(
            key=dev.hostname,
            fields={
                "device": dev.hostname,
                "where": f"{src.file}:{src.line}" if src else "no forward chain",
                "rules": sum(c.rules for c in chains),
            },
            devices=[dev.hostname],
            evidence=[src.cite()] if src else [],
        )
