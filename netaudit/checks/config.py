"""Checks on packet filters and on the names a configuration refers to (vendor-neutral).

* ``undefined-reference`` — a name (ACL, object-group, VRF …) used but never defined.
* ``unused-acl`` — a filter defined but applied or referenced nowhere.
* ``shadowed-acl-line`` — a filter line no packet can ever reach, with Batfish's
  ``filterLineReachability`` semantics (:func:`netaudit.line_reachability.shadowed_lines`;
  :func:`unreachable_lines` gives Batfish's rows).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..filters import interface_combinations  # noqa: F401 - re-exported (tests of the filter semantics)
from ..headerspace import HeaderSpace
from ..line_reachability import UNMATCHABLE, UnreachableLine, shadowed_lines
from ..messages import neutral
from ..model import Device, Filter, Reference
from . import REF_ND331, REF_TT12_DEVICES, AuditContext, CheckInfo, Finding, check
from .evidence import localized, vendor_remediation

# Reference kinds that name a packet filter.
ACL_KINDS = frozenset({"acl"})
# Vendors on which a traffic filter or access-class naming an undefined ACL lets
# everything through (IOS; parsers already model it as "no filter").
FAIL_OPEN_VENDORS = frozenset({"cisco_ios"})

_TRAFFIC_FILTER = re.compile(r"\b(access-group|traffic-filter|packet-filter|ip filter)\b", re.I)
_MGMT_FILTER = re.compile(r"\b(access-class|snmp-server community|snmp-server group)\b", re.I)


# --------------------------------------------------------------------------- undefined-reference


def reference_usage(ref: Reference) -> str | None:
    """What the referencing line does with an ACL: ``traffic`` (interface filter),
    ``mgmt`` (management access-class / SNMP ACL) or ``None`` (other / not an ACL)."""
    if ref.kind not in ACL_KINDS:
        return None
    if ref.source.text.lstrip().lower().startswith("match"):
        return None  # a class-map or crypto map selector (`match access-group name X`), no filter
    if _TRAFFIC_FILTER.search(ref.source.text):
        return "traffic"
    if _MGMT_FILTER.search(ref.source.text):
        return "mgmt"
    return None


@check(
    "undefined-reference",
    "high",
    [REF_TT12_DEVICES, REF_ND331],
    texts={
        "title": {
            "vi": "Cấu hình tham chiếu tới đối tượng chưa được định nghĩa",
            "en": "Configuration refers to an undefined object",
        },
        "detail": {
            "vi": "Thiết bị {device} sử dụng {kind} “{name}” nhưng đối tượng này không được định "
            "nghĩa trong cấu hình ({file}:{line}: {text}). Cấu hình có thể không hoạt động như "
            "người quản trị mong muốn.",
            "en": 'Device {device} uses {kind} "{name}", which is not defined anywhere in its '
            "configuration ({file}:{line}: {text}). The configuration may not behave as its "
            "administrator intended.",
        },
        "detail_traffic": {
            "vi": "Thiết bị {device} áp dụng danh sách kiểm soát truy cập (ACL) “{name}” lên cổng "
            "nhưng ACL này không tồn tại ({file}:{line}: {text}). Trên thiết bị Cisco IOS, "
            "access-group trỏ tới ACL không tồn tại tương đương với không lọc: mọi gói tin "
            "đều được cho qua cổng này.",
            "en": 'Device {device} applies access list "{name}" to an interface but the list does '
            "not exist ({file}:{line}: {text}). On Cisco IOS an access-group naming an "
            "undefined ACL filters nothing: every packet passes this interface.",
        },
        "detail_mgmt": {
            "vi": "Thiết bị {device} dùng danh sách kiểm soát truy cập (ACL) “{name}” để giới hạn "
            "nguồn truy cập dịch vụ quản trị nhưng ACL này không tồn tại ({file}:{line}: "
            "{text}). Trên thiết bị Cisco IOS, khi đó dịch vụ quản trị không còn bị giới hạn "
            "địa chỉ nguồn.",
            "en": 'Device {device} restricts a management service with access list "{name}", '
            "which does not exist ({file}:{line}: {text}). On Cisco IOS the service is then "
            "open to every source address.",
        },
        "remediation": {
            "vi": "Định nghĩa {kind} “{name}” với nội dung đúng yêu cầu, hoặc gỡ bỏ dòng "
            "cấu hình tham chiếu tới nó; sau đó kiểm tra lại luồng truy cập liên quan.",
            "en": 'Define {kind} "{name}" with the intended content, or remove the line that refers '
            "to it; then re-check the traffic it was meant to control.",
        },
        "snippet.cisco_ios.acl": neutral(
            "{snippet.example} (Cisco IOS):\n"
            "ip access-list extended {name}\n"
            " ! {snippet.ios_add_acl_lines}\n"
            "! {snippet.ios_or_remove_reference}:\n"
            "no {text}"
        ),
        "snippet.cisco_ios": neutral("{snippet.example} (Cisco IOS) — {snippet.ios_remove_reference}:\nno {text}"),
    },
)
def undefined_reference(ctx: AuditContext, info: CheckInfo) -> Iterable[Finding]:
    """Every reference to a name the configuration never defines.

    Severity: high for ACLs (a missing filter changes what traffic passes, on IOS it
    fails open), medium for other kinds (object-groups, VRFs, route-maps …)."""
    for dev in ctx.devices:
        for ref in dev.references:
            if not ref.defined:
                yield undefined_finding(info, dev, ref)


def undefined_finding(info: CheckInfo, dev: Device, ref: Reference) -> Finding:
    """The finding for one undefined reference."""
    usage = reference_usage(ref) if dev.vendor in FAIL_OPEN_VENDORS else None
    fields = {
        "device": dev.hostname,
        "kind": ref.kind.upper(),
        "name": ref.name,
        "file": ref.source.file,
        "line": ref.source.line,
        "text": ref.source.text.strip(),
    }
    f = info.finding(
        key=f"{dev.hostname}|{ref.kind}|{ref.name}|{ref.source.file}:{ref.source.line}",
        severity="high" if ref.kind in ACL_KINDS else "medium",
        detail_key=f"check.{info.id}.detail_{usage}" if usage else None,
        fields=fields,
        devices=[dev.hostname],
        evidence=[ref.source.cite()],
    )
    variant = "acl" if ref.kind in ACL_KINDS else ""
    f.remediation = vendor_remediation(info.id, dev.vendor, fields, variant)
    return f


# --------------------------------------------------------------------------- unused-acl


def used_filter_names(dev: Device) -> set[str]:
    """Names of filters something on ``dev`` applies or refers to."""
    used = {n for itf in dev.interfaces.values() for n in (itf.filter_in, itf.filter_out)}
    used |= {dev.forward_filter, dev.input_filter}
    used |= {s.acl for s in dev.services}
    used |= {r.acl for r in dev.nat_rules}
    used |= {r.name for r in dev.references if r.defined and r.kind in ACL_KINDS}
    return {n for n in used if n is not None}


@check(
    "unused-acl",
    "low",
    [REF_TT12_DEVICES, REF_ND331],
    texts={
        "title": {
            "vi": "Danh sách kiểm soát truy cập (ACL) được khai báo nhưng không được áp dụng",
            "en": "Access list defined but not applied anywhere",
        },
        "detail": {
            "vi": "ACL “{filter}” trên thiết bị {device} ({file}:{line}) không được áp dụng lên cổng "
            "nào, không gắn với dịch vụ quản trị, NAT hay chính sách nào: ACL này không có "
            "tác dụng kiểm soát truy cập.",
            "en": 'Access list "{filter}" on device {device} ({file}:{line}) is not applied to any '
            "interface, management service, NAT rule or policy: it controls no traffic.",
        },
        "remediation": {
            "vi": "Nếu ACL này được xây dựng để kiểm soát một luồng truy cập, áp dụng nó "
            "đúng vị trí; nếu không còn sử dụng, xóa bỏ để cấu hình rõ ràng, tránh hiểu nhầm "
            "khi kiểm tra.",
            "en": "If the list was meant to control some traffic, apply it where intended; otherwise "
            "delete it so the configuration is not misread during reviews.",
        },
        "partial": {
            "vi": "Cấu hình chưa được hiểu đầy đủ, nên điều trên chưa được chứng minh: {detail}.",
            "en": "The configuration is not fully understood, so the above is not proven: {detail}.",
        },
    },
)
def unused_acl(ctx: AuditContext, info: CheckInfo) -> Iterable[Finding]:
    """Filters that nothing applies or refers to.  Synthesized filters (composed by a
    parser, e.g. IOS's permit-all for an access-group naming an undefined ACL) are not
    lists an administrator wrote: never reported."""
    for dev in ctx.devices:
        used = used_filter_names(dev)
        for name in sorted(dev.filters):
            if name not in used and dev.filters[name].kind != "synthesized":
                yield unused_finding(info, dev, dev.filters[name])


def unused_finding(info: CheckInfo, dev: Device, flt: Filter) -> Finding:
    """The finding for one unused filter; evidence is its first line."""
    first = flt.source or (flt.lines[0].source if flt.lines else None)
    cite = first.cite() if first else {"file": dev.file, "line": None, "text": flt.name}
    fields = {"device": dev.hostname, "filter": flt.name, "file": cite["file"], "line": cite["line"]}
    f = info.finding(key=f"{dev.hostname}|{flt.name}", fields=fields, devices=[dev.hostname], evidence=[cite])
    if flt.partial:
        # what is not understood may be where the list is applied (a file cut after the
        # ACL, before the interface that uses it): "applied nowhere" is not proven
        f.proven = False
        f.detail = localized((f"check.{info.id}.detail", fields), (f"check.{info.id}.partial", {"detail": flt.partial}))
    return f


# --------------------------------------------------------------------------- shadowed lines


def unreachable_lines(hs: HeaderSpace, device: Device, filter: Filter) -> list[dict]:
    """Batfish ``filterLineReachability`` rows for one filter of one device."""
    rows = []
    for u in shadowed_lines(hs, filter):
        line = filter.lines[u.index]
        rows.append(
            {
                "sources": [f"{device.hostname}: {filter.name}"],
                "unreachable_line": line.source.text.strip(),
                "action": line.action.value.upper(),
                "blocking_lines": [filter.lines[j].source.text.strip() for j in u.blocking],
                "different_action": u.different_action,
                "reason": u.reason,
            }
        )
    return rows


@check(
    "shadowed-acl-line",
    "low",
    [REF_TT12_DEVICES, REF_ND331],
    texts={
        "title": {
            "vi": "Dòng ACL không bao giờ có hiệu lực (bị các dòng phía trên che khuất)",
            "en": "Filter line can never match (shadowed by earlier lines)",
        },
        "detail": {
            "vi": "Dòng thứ {position} của ACL “{filter}” trên thiết bị {device} ({file}:{line}: "
            "{text}) không bao giờ được so khớp: mọi gói tin mà dòng này mô tả đều đã được xử "
            "lý bởi các dòng phía trên ({blocking}).",
            "en": 'Line {position} of filter "{filter}" on device {device} ({file}:{line}: {text}) '
            "can never match: every packet it describes is already handled by earlier lines "
            "({blocking}).",
        },
        "detail_deny": {
            "vi": "Dòng deny thứ {position} của ACL “{filter}” trên thiết bị {device} ({file}:{line}: "
            "{text}) không bao giờ có hiệu lực: các gói tin mà dòng này định chặn đã được các "
            "dòng phía trên xử lý trước với hành động khác ({blocking}), nên việc chặn này "
            "thực tế không xảy ra.",
            "en": 'Deny line {position} of filter "{filter}" on device {device} ({file}:{line}: '
            "{text}) never takes effect: the packets it is meant to block are handled first by "
            "earlier lines with a different action ({blocking}), so this block never happens.",
        },
        "detail_unmatchable": {
            "vi": "Dòng thứ {position} của ACL “{filter}” trên thiết bị {device} ({file}:{line}: "
            "{text}) có điều kiện so khớp rỗng, không gói tin nào thỏa mãn.",
            "en": 'Line {position} of filter "{filter}" on device {device} ({file}:{line}: {text}) '
            "has an empty match condition: no packet satisfies it.",
        },
        "remediation": {
            "vi": "Rà soát thứ tự các dòng của ACL; nếu dòng này thể hiện đúng yêu cầu "
            "kiểm soát truy cập, đưa nó lên trước các dòng đang che khuất nó; nếu là dòng "
            "thừa, xóa bỏ để ACL phản ánh đúng chính sách.",
            "en": "Review the order of the filter's lines: if this line states the intended access "
            "control, move it above the lines that shadow it; if it is redundant, delete it so "
            "the filter reads as the policy it enforces.",
        },
    },
)
def shadowed_acl_line(ctx: AuditContext, info: CheckInfo) -> Iterable[Finding]:
    """Every configuration line of a filter (used or not) that no packet can reach."""
    for dev in ctx.devices:
        for name in sorted(dev.filters):
            flt = dev.filters[name]
            if flt.kind == "synthesized":
                continue  # checked on the filters it comes from, or not written by anyone
            for u in configured_lines_unreached(flt, shadowed_lines(ctx.hs, flt)):
                yield shadowed_finding(info, dev, flt, u)


def configured_lines_unreached(flt: Filter, unreached: list[UnreachableLine]) -> list[UnreachableLine]:
    """The unreachable lines of ``flt`` that are unreachable as configuration lines: a
    chain jumped to from several places (RouterOS, iptables, nft) is read into the filter
    once per jump, and a copy taken by an earlier copy of itself says nothing about the
    line, which the earlier jump reaches.  A line is kept only when none of its copies
    is reachable, once (its first copy)."""
    if not unreached:
        return unreached
    dead = {u.index for u in unreached}

    def where(idx: int):
        src = flt.lines[idx].source
        return (src.file, src.line, src.text) if src is not None and src.line is not None else ("#", idx)

    live = {where(i) for i in range(len(flt.lines)) if i not in dead}
    kept, seen = [], set()
    for u in unreached:
        key = where(u.index)
        if key not in live and key not in seen:
            seen.add(key)
            kept.append(u)
    return kept


def shadowed_finding(info: CheckInfo, dev: Device, flt: Filter, u: UnreachableLine) -> Finding:
    """The finding for one unreachable line: medium when it is a deny that never happens."""
    line = flt.lines[u.index]
    is_deny = line.action.value == "deny"
    if u.reason == UNMATCHABLE:
        detail = f"check.{info.id}.detail_unmatchable"
    elif u.different_action and is_deny:
        detail = f"check.{info.id}.detail_deny"
    else:
        detail = None
    blockers = [flt.lines[j].source for j in u.blocking]
    fields = {
        "device": dev.hostname,
        "filter": flt.name,
        "position": u.index + 1,
        "file": line.source.file,
        "line": line.source.line,
        "text": line.source.text.strip(),
        "blocking": "; ".join(f"{s.file}:{s.line} {s.text.strip()}" for s in blockers),
        "reason": u.reason,
    }
    return info.finding(
        key=f"{dev.hostname}|{flt.name}|{u.index}",
        severity="medium" if (u.different_action and is_deny) else "low",
        detail_key=detail,
        fields=fields,
        devices=[dev.hostname],
        evidence=[line.source.cite()] + [s.cite() for s in blockers],
    )
