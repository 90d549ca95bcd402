"""Checks on live evidence (docs/live.md): a probe that reached a statically blocked cell
(``live-contradiction``), and a probe that reached a cell the configurations left unknown
while the policy wants it denied (``live-violation``).  Nothing without live evidence.

Why a separate ``live-violation`` rather than extending policy-violation / guest-isolation:
those findings are proofs from the configurations (their witness is a packet and a path
through config lines); a live violation is proven by a probe, with no config line to cite
and a static verdict that stays "unknown".  Keeping the two apart keeps every static
finding reproducible from the snapshot alone, and a live finding's id stable whether or
not the static checks change.
"""

from __future__ import annotations

from ..policy import outside_policy
from ..reach import UNKNOWN
from . import REF_ND331, REF_TT12_ZONES, AuditContext, CheckInfo, check

_CAUSES = {
    "vi": "Cấu hình được cung cấp không mô tả đúng mạng đang chạy. Kiểm tra: (1) thiết bị hoặc cầu nối "
    "(bridge) không có trong tập cấu hình — bộ phát Wi-Fi, switch không quản lý, modem của nhà mạng có "
    "Wi-Fi riêng nối thẳng vào mạng LAN; (2) cấu hình đang chạy khác bản đã xuất (running-config chưa "
    "lưu, thay đổi sau khi xuất) — xuất lại cấu hình từ thiết bị và kiểm tra lại; (3) địa chỉ đích thực "
    "tế không thuộc vùng khai báo trong site.yaml. Xác định đường đi của gói tin (traceroute từ điểm đo, "
    "bảng ARP/MAC của switch) rồi sửa mạng hoặc bổ sung cấu hình còn thiếu.",
    "en": "The configurations given do not describe the running network. Look for: (1) a device or bridge "
    "that is not in the snapshot — an access point, an unmanaged switch, the ISP modem's own Wi-Fi bridged "
    "into the LAN; (2) a running configuration different from the export (unsaved running-config, changes "
    "made after the export) — export the configuration again from the device and re-audit; (3) a "
    "destination address that does not belong to the zone site.yaml says. Find the packets' path "
    "(traceroute from the vantage point, the switches' ARP/MAC tables), then fix the network or add the "
    "missing configuration.",
}


def _fields(ctx: AuditContext, lc, probes=None) -> dict:
    p = (probes or lc.decisive)[0]
    run = next((r for r in ctx.live.runs if p in r.probes), None) if ctx.live else None
    return {
        "src": lc.src,
        "dst": lc.dst,
        "address": p.dst,
        "service": p.service,
        "result": p.result,
        "detail": p.detail or "-",
        "hop": p.hop or "-",
        "file": run.file if run else "-",
        "count": len(lc.reached),
    }


@check(
    "live-contradiction",
    "critical",
    [REF_TT12_ZONES, REF_ND331],
    {
        "title": {
            "vi": "Đo thực tế mâu thuẫn với cấu hình: vùng {src} truy cập được vùng {dst}",
            "en": "Live probe contradicts the configurations: zone {src} reaches zone {dst}",
        },
        "detail": {
            "vi": "Theo cấu hình, mọi kết nối từ vùng {src} tới vùng {dst} đều bị chặn, nhưng phép đo từ "
            "vùng {src} ({file}) tới {address} ({service}) nhận được phản hồi: {result}, {detail} "
            "(chặng: {hop}). Số phép đo tới được vùng này: {count}.",
            "en": "The configurations block every connection from zone {src} to zone {dst}, yet a probe from "
            "zone {src} ({file}) to {address} ({service}) got through: {result}, {detail} (hop: {hop}). "
            "Probes that reached this zone: {count}.",
        },
        "remediation": _CAUSES,
    },
)
def live_contradiction(ctx: AuditContext, info: CheckInfo):
    if ctx.live is None:
        return
    for lc in ctx.live.by_status("contradiction"):
        cell = next(c for c in ctx.matrix if c.src == lc.src and c.dst == lc.dst)
        yield info.finding(
            key=f"{lc.src}->{lc.dst}",
            fields=_fields(ctx, lc),
            zones=[lc.src, lc.dst],
            # The lines that should have stopped the probe (the static "blocked" proof).
            evidence=[{k: b[k] for k in ("file", "line", "text") if k in b} for b in cell.blocking],
            devices=sorted({b["device"] for b in cell.blocking if b.get("device")}),
        )


@check(
    "live-violation",
    "high",
    [REF_TT12_ZONES, REF_ND331],
    {
        "title": {
            "vi": "Đo thực tế: vùng {src} truy cập được vùng {dst} trái chính sách",
            "en": "Proven live: zone {src} reaches zone {dst} against the policy",
        },
        "detail": {
            "vi": "Cấu hình không đủ để xác định luồng {src} → {dst}, chính sách yêu cầu chặn; phép đo từ vùng "
            "{src} ({file}) tới {address} ({service}) nhận được phản hồi: {result}, {detail} (chặng: {hop}). "
            "Luồng này truy cập được trên thực tế. Số phép đo tới được vùng này: {count}.",
            "en": "The configurations leave the flow {src} → {dst} undetermined and the policy denies it; a probe "
            "from zone {src} ({file}) to {address} ({service}) got through: {result}, {detail} (hop: {hop}). "
            "The flow is reachable in fact. Probes that reached this zone: {count}.",
        },
        "remediation": {
            "vi": "Chặn luồng này trên thiết bị phân tách hai vùng (danh sách kiểm soát truy cập / chính sách "
            "tường lửa), bổ sung cấu hình còn thiếu vào tập kiểm tra để kết quả tĩnh xác định được, rồi đo lại.",
            "en": "Block this flow on the device separating the two zones (filter / firewall policy), add the "
            "missing configuration to the snapshot so the static verdict is determined, then probe again.",
        },
    },
)
def live_violation(ctx: AuditContext, info: CheckInfo):
    if ctx.live is None:
        return
    for lc in ctx.live.by_status("resolved"):
        cell = next(c for c in ctx.matrix if c.src == lc.src and c.dst == lc.dst)
        exp = cell.expectation
        # Where the policy limits the flow to some services, only a probe with another one
        # is a violation; the static verdict is unknown, so every reached probe counts.
        against = outside_policy(ctx.hs, exp, [p for p in lc.decisive if lc.static.get(p) != "reachable"])
        if exp is None or not against:
            continue
        yield info.finding(
            key=f"{lc.src}->{lc.dst}",
            severity=exp.severity,
            fields=_fields(ctx, lc, against),
            zones=[lc.src, lc.dst],
        )


@check(
    "live-not-observed",
    "medium",
    [REF_TT12_ZONES],
    {
        "title": {
            "vi": "Chỉ đo thực tế: {count} luồng chưa quan sát được, không kết luận được là bị chặn",
            "en": "Live only: {count} flows not observed, none can be concluded blocked",
        },
        "detail": {
            "vi": "Không có cấu hình thiết bị; các luồng sau không có phép đo nào tới được, nên chưa xác định "
            "(sự im lặng không chứng minh bị chặn): {cells}.",
            "en": "No device configurations; no probe reached in these flows, so they are undetermined "
            "(silence does not prove blocked): {cells}.",
        },
        "remediation": {
            "vi": "Thu thập cấu hình của thiết bị phân tách các vùng (kể cả modem của nhà mạng) và kiểm tra lại; "
            "trong lúc chờ, đo thực tế từ từng vùng nguồn còn thiếu.",
            "en": "Collect the configuration of the devices separating the zones (the ISP modem included) and "
            "audit again; meanwhile probe from each source zone not yet measured.",
        },
    },
)
def live_not_observed(ctx: AuditContext, info: CheckInfo):
    """In a live-only audit, the cells no probe reached: one finding, not one per cell."""
    if not ctx.live_only:
        return
    cells = [c for c in ctx.matrix if c.verdict == UNKNOWN and _unreached(ctx, c)]
    if cells:
        yield info.finding(
            key="live-only",
            fields={"count": len(cells), "cells": ", ".join(f"{c.src} → {c.dst}" for c in cells)},
            zones=sorted({z for c in cells for z in (c.src, c.dst)}),
        )


def _unreached(ctx: AuditContext, cell) -> bool:
    lc = ctx.live.cell(cell.src, cell.dst) if ctx.live else None
    return lc is None or not lc.reached
