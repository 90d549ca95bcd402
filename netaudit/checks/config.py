"""Checks on packet filters and on the names a configuration refers to (vendor-neutral).

* ``undefined-reference`` — a name (ACL, object-group, VRF …) used but never defined.
* ``unused-acl`` — a filter defined but applied or referenced nowhere.
* ``shadowed-acl-line`` — a filter line no packet can ever reach, with Batfish's
  ``filterLineReachability`` semantics (:func:`unreachable_lines` gives the same rows).

Also the two helpers check modules share for bilingual text built from several
catalogue entries: :func:`localized` and :func:`vendor_remediation`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from .. import messages
from ..headerspace import HeaderSpace
from ..model import Device, Filter, Match, Reference
from . import REF_ND331, REF_TT12_DEVICES, AuditContext, CheckInfo, Finding, check

# Reference kinds that name a packet filter.
ACL_KINDS = frozenset({"acl"})
# Vendors on which a traffic filter or access-class naming an undefined ACL lets
# everything through (IOS; parsers already model it as "no filter").
FAIL_OPEN_VENDORS = frozenset({"cisco_ios"})

# Batfish's Reason vocabulary (FilterLineReachabilityRows.Reason).
BLOCKING_LINES = "BLOCKING_LINES"
UNMATCHABLE = "INDEPENDENTLY_UNMATCHABLE"

_TRAFFIC_FILTER = re.compile(r"\b(access-group|traffic-filter|packet-filter|ip filter)\b", re.I)
_MGMT_FILTER = re.compile(r"\b(access-class|snmp-server community|snmp-server group)\b", re.I)


# --------------------------------------------------------------------------- text helpers


def localized(*parts: tuple[str, dict], sep: str = " ") -> dict[str, str]:
    """{lang: text} joining catalogue entries ``(key, fields)`` language by language."""
    return {lang: sep.join(messages.t(key, lang, **fields) for key, fields in parts)
            for lang in messages.LANGS}


def vendor_remediation(check_id: str, vendor: str, fields: dict, variant: str = "") -> dict[str, str]:
    """The check's remediation sentence plus its config snippet for ``vendor``, if the
    catalogue has one (``check.<id>.snippet.<vendor>[.<variant>]``)."""
    parts = [(f"check.{check_id}.remediation", fields)]
    base = f"check.{check_id}.snippet.{vendor}"
    for key in (f"{base}.{variant}" if variant else None, base):
        if key and key in messages.CATALOGUE:
            parts.append((key, fields))
            break
    return localized(*parts, sep="\n")


# --------------------------------------------------------------------------- undefined-reference


def reference_usage(ref: Reference) -> str | None:
    """What the referencing line does with an ACL: ``traffic`` (interface filter),
    ``mgmt`` (management access-class / SNMP ACL) or ``None`` (other / not an ACL)."""
    if ref.kind not in ACL_KINDS:
        return None
    if _TRAFFIC_FILTER.search(ref.source.text):
        return "traffic"
    if _MGMT_FILTER.search(ref.source.text):
        return "mgmt"
    return None


@check("undefined-reference", "high", [REF_TT12_DEVICES, REF_ND331], texts={
    "title": {
        "vi": "Cấu hình tham chiếu tới đối tượng chưa được định nghĩa",
        "en": "Configuration refers to an undefined object"},
    "detail": {
        "vi": "Thiết bị {device} sử dụng {kind} “{name}” nhưng đối tượng này không được định "
              "nghĩa trong cấu hình ({file}:{line}: {text}). Cấu hình có thể không hoạt động như "
              "người quản trị mong muốn.",
        "en": "Device {device} uses {kind} \"{name}\", which is not defined anywhere in its "
              "configuration ({file}:{line}: {text}). The configuration may not behave as its "
              "administrator intended."},
    "detail_traffic": {
        "vi": "Thiết bị {device} áp dụng danh sách kiểm soát truy cập (ACL) “{name}” lên cổng "
              "nhưng ACL này không tồn tại ({file}:{line}: {text}). Trên thiết bị Cisco IOS, "
              "access-group trỏ tới ACL không tồn tại tương đương với không lọc: mọi gói tin "
              "đều được cho qua cổng này.",
        "en": "Device {device} applies access list \"{name}\" to an interface but the list does "
              "not exist ({file}:{line}: {text}). On Cisco IOS an access-group naming an "
              "undefined ACL filters nothing: every packet passes this interface."},
    "detail_mgmt": {
        "vi": "Thiết bị {device} dùng danh sách kiểm soát truy cập (ACL) “{name}” để giới hạn "
              "nguồn truy cập dịch vụ quản trị nhưng ACL này không tồn tại ({file}:{line}: "
              "{text}). Trên thiết bị Cisco IOS, khi đó dịch vụ quản trị không còn bị giới hạn "
              "địa chỉ nguồn.",
        "en": "Device {device} restricts a management service with access list \"{name}\", "
              "which does not exist ({file}:{line}: {text}). On Cisco IOS the service is then "
              "open to every source address."},
    "remediation": {
        "vi": "Định nghĩa {kind} “{name}” với nội dung đúng yêu cầu, hoặc gỡ bỏ dòng "
              "cấu hình tham chiếu tới nó; sau đó kiểm tra lại luồng truy cập liên quan.",
        "en": "Define {kind} \"{name}\" with the intended content, or remove the line that refers "
              "to it; then re-check the traffic it was meant to control."},
    "snippet.cisco_ios.acl": {
        "vi": "Cấu hình mẫu (Cisco IOS):\nip access-list extended {name}\n ! khai báo các dòng "
              "permit/deny cần thiết\n! hoặc gỡ tham chiếu (trong đúng ngữ cảnh của dòng "
              "{file}:{line}):\nno {text}",
        "en": "Example (Cisco IOS):\nip access-list extended {name}\n ! add the intended "
              "permit/deny lines\n! or remove the reference (in the context of line "
              "{file}:{line}):\nno {text}"},
    "snippet.cisco_ios": {
        "vi": "Cấu hình mẫu (Cisco IOS) — gỡ tham chiếu (trong đúng ngữ cảnh của dòng "
              "{file}:{line}):\nno {text}",
        "en": "Example (Cisco IOS) — remove the reference (in the context of line "
              "{file}:{line}):\nno {text}"},
})
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
    fields = {"device": dev.hostname, "kind": ref.kind.upper(), "name": ref.name,
              "file": ref.source.file, "line": ref.source.line, "text": ref.source.text.strip()}
    f = info.finding(
        key=f"{dev.hostname}|{ref.kind}|{ref.name}|{ref.source.file}:{ref.source.line}",
        severity="high" if ref.kind in ACL_KINDS else "medium",
        detail_key=f"check.{info.id}.detail_{usage}" if usage else None,
        fields=fields, devices=[dev.hostname], evidence=[ref.source.cite()])
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
    used.discard(None)
    return used


@check("unused-acl", "low", [REF_TT12_DEVICES, REF_ND331], texts={
    "title": {
        "vi": "Danh sách kiểm soát truy cập (ACL) được khai báo nhưng không được áp dụng",
        "en": "Access list defined but not applied anywhere"},
    "detail": {
        "vi": "ACL “{filter}” trên thiết bị {device} ({file}:{line}) không được áp dụng lên cổng "
              "nào, không gắn với dịch vụ quản trị, NAT hay chính sách nào: ACL này không có "
              "tác dụng kiểm soát truy cập.",
        "en": "Access list \"{filter}\" on device {device} ({file}:{line}) is not applied to any "
              "interface, management service, NAT rule or policy: it controls no traffic."},
    "remediation": {
        "vi": "Nếu ACL này được xây dựng để kiểm soát một luồng truy cập, áp dụng nó "
              "đúng vị trí; nếu không còn sử dụng, xoá bỏ để cấu hình rõ ràng, tránh hiểu nhầm "
              "khi kiểm tra.",
        "en": "If the list was meant to control some traffic, apply it where intended; otherwise "
              "delete it so the configuration is not misread during reviews."},
})
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
    return info.finding(key=f"{dev.hostname}|{flt.name}", fields=fields,
                        devices=[dev.hostname], evidence=[cite])


# --------------------------------------------------------------------------- shadowed lines

# Interface sentinel: an interface no filter names ("every other interface").
OTHER_IFACE = "\x00other"


@dataclass
class UnreachableLine:
    """A filter line that can never match; ``blocking`` are earlier line indexes."""

    index: int
    reason: str
    blocking: list[int]
    different_action: bool


def _applies(m: Match, in_if: str, out_if: str) -> bool:
    return ((m.in_ifaces is None or in_if in m.in_ifaces)
            and (m.out_ifaces is None or out_if in m.out_ifaces))


def _iface_representatives(flt: Filter, attr: str) -> list[str]:
    """One interface per class of interfaces the filter treats alike, plus OTHER_IFACE."""
    sets = [getattr(m, attr) for line in flt.lines for m in line.matches
            if getattr(m, attr) is not None]
    # An interface's class: the sets that name it (built by membership, so the cost is
    # the size of the sets, not interfaces × sets).
    member_of: dict[str, list[int]] = {}
    for k, s in enumerate(sets):
        for name in s:
            member_of.setdefault(name, []).append(k)
    reps: dict[tuple, str] = {}
    for name in sorted(member_of):
        reps.setdefault(tuple(member_of[name]), name)
    return list(reps.values()) + [OTHER_IFACE]


def interface_combinations(flt: Filter) -> list[tuple[str, str]]:
    """(in, out) interface pairs covering every way the filter's matches can apply."""
    ins = _iface_representatives(flt, "in_ifaces")
    outs = _iface_representatives(flt, "out_ifaces")
    return [(i, o) for i in ins for o in outs]


class _Sets(dict):
    """Line index -> packet set in one interface combination; lines that cannot apply
    there are absent (the empty set), so a filter with one line per interface (FortiGate
    local-in, 10,000 VLANs) costs its lines, not lines × interfaces."""

    def __init__(self, hs: HeaderSpace, items):
        super().__init__(items)
        self.false = hs.false
        self.order = sorted(self)

    def __missing__(self, idx: int):
        return self.false


def _line_sets(hs: HeaderSpace, flt: Filter, in_if: str, out_if: str, candidates) -> _Sets:
    items = []
    for idx in candidates:
        ms = [m for m in flt.lines[idx].matches if _applies(m, in_if, out_if)]
        if ms:
            items.append((idx, hs.matches(ms)))
    return _Sets(hs, items)


def _covered_before(hs: HeaderSpace, flt: Filter, sets: _Sets) -> dict:
    """Per applicable line: the union of the earlier applicable lines fully understood."""
    out, union = {}, hs.false
    for idx in sets.order:
        out[idx] = union
        if not flt.lines[idx].partial:
            union |= sets[idx]
    return out


def _candidates(in_if: str, out_if: str, by_iface: dict, generic: list[int]) -> list[int]:
    """Lines that may apply to (in_if, out_if): those naming these interfaces, and those
    naming none."""
    return sorted(set(generic) | set(by_iface.get(("in", in_if), ())) | set(by_iface.get(("out", out_if), ())))


def _weight(hs: HeaderSpace, u) -> float:
    return hs.bdd.count(u, nvars=len(hs.bdd.vars))


def _taking_lines(hs: HeaderSpace, flt: Filter, idx: int, sets: list) -> list[int]:
    """Earlier understood lines that take packets of line ``idx``, in first-match order."""
    rest, taking = sets[idx], []
    for j in getattr(sets, "order", range(idx)):
        if j >= idx or rest == hs.false:
            break
        if flt.lines[j].partial or (rest & sets[j]) == hs.false:
            continue
        taking.append(j)
        rest &= ~sets[j]
    return taking


def _covers(hs: HeaderSpace, u, lines: Iterable[int], sets: list) -> bool:
    union = hs.false
    for j in lines:
        union |= sets[j]
    return (u & ~union) == hs.false


def blocking_lines(hs: HeaderSpace, flt: Filter, idx: int, sets: list) -> tuple[list[int], bool]:
    """(blocking line indexes, different_action) for a covered line ``idx``.

    A single taking line that covers the line alone is returned as is; otherwise the
    taking lines are reduced to a minimal cover by dropping, smallest overlap first,
    each line the others do not need.  ``different_action`` is Batfish's: some taking
    line acts differently; such a line (the largest overlap) is then always named.
    """
    u, action = sets[idx], flt.lines[idx].action
    taking = _taking_lines(hs, flt, idx, sets)
    weight = {j: _weight(hs, u & sets[j]) for j in taking}
    chosen = list(taking)
    for j in sorted(taking, key=lambda j: (weight[j], -j)):
        if len(chosen) > 1 and _covers(hs, u, (k for k in chosen if k != j), sets):
            chosen.remove(j)
    differing = [j for j in taking if flt.lines[j].action != action]
    if differing and not any(j in differing for j in chosen):
        chosen.append(max(differing, key=lambda j: (weight[j], -j)))
    return sorted(chosen), bool(differing)


def shadowed_lines(hs: HeaderSpace, flt: Filter) -> list[UnreachableLine]:
    """Lines of ``flt`` that can never match (fail-closed on anything partial).

    A line is reported when, for every (in, out) interface combination in which it can
    match, the fully understood earlier lines already match all its packets; with no
    such combination it is unmatchable.  Partial lines are never reported and never
    used as proof; a partial filter yields nothing.
    """
    if flt.partial:
        return []
    # Which lines name which interfaces: a combination only looks at the lines that
    # can apply to it.
    by_iface: dict[tuple[str, str], set[int]] = {}
    generic: list[int] = []
    for idx, line in enumerate(flt.lines):
        if any(m.in_ifaces is None and m.out_ifaces is None for m in line.matches):
            generic.append(idx)
            continue
        for m in line.matches:
            for side, names in (("in", m.in_ifaces), ("out", m.out_ifaces)):
                for name in names or ():
                    by_iface.setdefault((side, name), set()).add(idx)
    views_of: dict[int, list] = {}
    for in_if, out_if in interface_combinations(flt):
        sets = _line_sets(hs, flt, in_if, out_if, _candidates(in_if, out_if, by_iface, generic))
        view = (sets, _covered_before(hs, flt, sets))
        for idx in sets.order:
            views_of.setdefault(idx, []).append(view)
    out = []
    for idx, line in enumerate(flt.lines):
        if not line.partial:
            found = _line_verdict(hs, flt, idx, views_of.get(idx, []))
            if found is not None:
                out.append(found)
    return out


def _line_verdict(hs: HeaderSpace, flt: Filter, idx: int, views: list) -> UnreachableLine | None:
    live = [sets for sets, before in views if sets[idx] != hs.false]
    if not live:
        return UnreachableLine(idx, UNMATCHABLE, [], False)
    if any((sets[idx] & ~before[idx]) != hs.false for sets, before in views if idx in before):
        return None
    blocking, diff = set(), False
    for sets in live:
        lines, d = blocking_lines(hs, flt, idx, sets)
        blocking.update(lines)
        diff = diff or d
    return UnreachableLine(idx, BLOCKING_LINES, sorted(blocking), diff)


def unreachable_lines(hs: HeaderSpace, device: Device, filter: Filter) -> list[dict]:
    """Batfish ``filterLineReachability`` rows for one filter of one device."""
    rows = []
    for u in shadowed_lines(hs, filter):
        line = filter.lines[u.index]
        rows.append({
            "sources": [f"{device.hostname}: {filter.name}"],
            "unreachable_line": line.source.text.strip(),
            "action": line.action.value.upper(),
            "blocking_lines": [filter.lines[j].source.text.strip() for j in u.blocking],
            "different_action": u.different_action,
            "reason": u.reason,
        })
    return rows


@check("shadowed-acl-line", "low", [REF_TT12_DEVICES, REF_ND331], texts={
    "title": {
        "vi": "Dòng ACL không bao giờ có hiệu lực (bị các dòng phía trên che khuất)",
        "en": "Filter line can never match (shadowed by earlier lines)"},
    "detail": {
        "vi": "Dòng thứ {position} của ACL “{filter}” trên thiết bị {device} ({file}:{line}: "
              "{text}) không bao giờ được so khớp: mọi gói tin mà dòng này mô tả đều đã được xử "
              "lý bởi các dòng phía trên ({blocking}).",
        "en": "Line {position} of filter \"{filter}\" on device {device} ({file}:{line}: {text}) "
              "can never match: every packet it describes is already handled by earlier lines "
              "({blocking})."},
    "detail_deny": {
        "vi": "Dòng deny thứ {position} của ACL “{filter}” trên thiết bị {device} ({file}:{line}: "
              "{text}) không bao giờ có hiệu lực: các gói tin mà dòng này định chặn đã được các "
              "dòng phía trên xử lý trước với hành động khác ({blocking}), nên việc chặn này "
              "thực tế không xảy ra.",
        "en": "Deny line {position} of filter \"{filter}\" on device {device} ({file}:{line}: "
              "{text}) never takes effect: the packets it is meant to block are handled first by "
              "earlier lines with a different action ({blocking}), so this block never happens."},
    "detail_unmatchable": {
        "vi": "Dòng thứ {position} của ACL “{filter}” trên thiết bị {device} ({file}:{line}: "
              "{text}) có điều kiện so khớp rỗng, không gói tin nào thoả mãn.",
        "en": "Line {position} of filter \"{filter}\" on device {device} ({file}:{line}: {text}) "
              "has an empty match condition: no packet satisfies it."},
    "remediation": {
        "vi": "Rà soát thứ tự các dòng của ACL; nếu dòng này thể hiện đúng yêu cầu "
              "kiểm soát truy cập, đưa nó lên trước các dòng đang che khuất nó; nếu là dòng "
              "thừa, xoá bỏ để ACL phản ánh đúng chính sách.",
        "en": "Review the order of the filter's lines: if this line states the intended access "
              "control, move it above the lines that shadow it; if it is redundant, delete it so "
              "the filter reads as the policy it enforces."},
})
def shadowed_acl_line(ctx: AuditContext, info: CheckInfo) -> Iterable[Finding]:
    """Every filter line (used or not) that no packet can reach."""
    for dev in ctx.devices:
        for name in sorted(dev.filters):
            flt = dev.filters[name]
            if flt.kind == "synthesized":
                continue        # checked on the filters it comes from, or not written by anyone
            for u in shadowed_lines(ctx.hs, flt):
                yield shadowed_finding(info, dev, flt, u)


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
    fields = {"device": dev.hostname, "filter": flt.name, "position": u.index + 1,
              "file": line.source.file, "line": line.source.line, "text": line.source.text.strip(),
              "blocking": "; ".join(f"{s.file}:{s.line} {s.text.strip()}" for s in blockers),
              "reason": u.reason}
    return info.finding(
        key=f"{dev.hostname}|{flt.name}|{u.index}",
        severity="medium" if (u.different_action and is_deny) else "low",
        detail_key=detail, fields=fields, devices=[dev.hostname],
        evidence=[line.source.cite()] + [s.cite() for s in blockers])
