"""Checks on the zone matrix: guest isolation, reference-policy violations, unknown cells."""

from __future__ import annotations

from bisect import bisect_right

from netaddr import IPNetwork

from .. import messages
from ..headerspace import Bdd
from ..messages import Text
from ..policy import ADMIN_SERVICES, ALLOW, DENY, LIMITED, excess, maybe_excess, services_packets
from ..reach import BLOCKED, REACHABLE, UNKNOWN, destination_preferences, witness_for
from ..vocabulary import DEVICES_ZONE
from ..zones.placement import unzoned_host_segments
from . import REF_ND331, REF_TT12_ZONES, AuditContext, CheckInfo, check


def _services_set(ctx: AuditContext, services) -> Bdd:
    return services_packets(ctx.hs, services)


def _zone_kind(ctx: AuditContext, name: str) -> str:
    if name == DEVICES_ZONE:
        return "devices"
    return ctx.zone_kinds[name]


def witness_evidence(witness: dict | None) -> list[dict]:
    """The configuration lines of a witness path (its JSON form), each once, in path order:
    a line the path passes twice (the same rule on the way in and out, a service's address
    restriction checked at two hops) is cited once."""
    out: list[dict] = []
    seen: set[tuple] = set()
    for hop in (witness or {}).get("hops", []):
        for rule in hop.get("rules", []):
            if rule.get("line") is None:
                continue
            cite = {k: rule[k] for k in ("file", "line", "text")}
            key = (cite["file"], cite["line"], cite["text"])
            if key not in seen:
                seen.add(key)
                out.append(cite)
    return out


# Destinations the Internet does not route (RFC 1918, the ISPs' shared CGNAT space): a
# packet from the external zone to one of them comes from beside the WAN port.
_NOT_ROUTED = tuple(
    (int(n.first), int(n.last))
    for n in map(IPNetwork, ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10"))
)
messages.register(
    {
        "check.witness.not_routed": {
            "vi": "Đích của gói tin minh chứng là địa chỉ riêng, Internet không định tuyến tới: những gói tin như "
            "vậy đến từ mạng nằm sát cổng WAN (mạng của nhà cung cấp, các khách hàng khác cùng phân đoạn, "
            "modem bị chiếm quyền) — kiểm tra từ Internet sẽ không tái hiện được, nhưng đường đi vẫn mở.",
            "en": "The witness's destination is a private address the Internet does not route here: such "
            "packets come from the network beside the WAN port (the ISP's, other customers on its segment, a "
            "compromised modem) — a test from the Internet will not reproduce it, yet the path is open.",
        }
    }
)


def _violation(ctx: AuditContext, info: CheckInfo, cell, severity: str, detail_key: str | None = None):
    hs = ctx.hs
    bad = excess(ctx.hs, cell)
    pz = next(z for z in ctx.zones if z.name == cell.src)
    w = witness_for(ctx.engine, cell, bad, pz) if ctx.engine is not None else cell.witness
    witness = w.to_json() if w is not None else None
    evidence = witness_evidence(witness)
    f = info.finding(
        key=f"{cell.src}->{cell.dst}",
        severity=severity,
        detail_key=detail_key,
        fields={
            "src": cell.src,
            "dst": cell.dst,
            # Worded with the ICMP replies and errors the policy tolerates (one "ip", not
            # "ip except icmp/0 …"); the witness is one of the packets that violate it.
            "services": hs.services_text(excess(ctx.hs, cell, tolerate=False)),
            "packet": w.packet.describe() if w else "-",
        },
        zones=[cell.src, cell.dst],
        evidence=evidence,
        witness=witness,
        devices=sorted({h["device"] for h in (witness or {}).get("hops", []) if h.get("device")}),
    )
    hops = (witness or {}).get("hops", [])
    if hops and not any(h.get("device") for h in hops):
        # Delivered inside one L2 segment: the root cause is the segment, not a missing filter.
        f.remediation = messages.both(f"check.{info.id}.remediation_l2")
    if w is not None and _zone_kind(ctx, cell.src) == "external" and _not_routed(w.packet.dst_ip):
        # True, and serious, but not what an inspector probing from the Internet will see.
        note = messages.both("check.witness.not_routed")
        f.detail = {lang: f"{text} {note[lang]}" for lang, text in f.detail.items()}
    return f


def _not_routed(addr: int) -> bool:
    return any(lo <= addr <= hi for lo, hi in _NOT_ROUTED)


def _severity(ctx: AuditContext, cell, admin: str, other: str) -> str:
    """Severity of an excess toward the devices themselves: ``admin`` when an
    administration port leaks, low for ICMP only, ``other`` otherwise.  Cells to a
    zone keep the reference policy's severity."""
    hs = ctx.hs
    if cell.dst != DEVICES_ZONE:
        return cell.expectation.severity
    bad = excess(ctx.hs, cell)
    # A VPN endpoint on an administration port (an SSL VPN on tcp/443) administers nothing.
    on_admin_port = bad & _services_set(ctx, ADMIN_SERVICES)
    if cell.vpn_only is not None:
        on_admin_port &= ~cell.vpn_only
    if on_admin_port != hs.false:
        return admin
    if (bad & ~_services_set(ctx, ["icmp"])) == hs.false:
        return "low"
    return other


def _other_severity(ctx: AuditContext, cell) -> str:
    """The severity of a policy violation toward the devices that is neither an
    administration service nor ICMP: the policy's, but high from the Internet (an open
    resolver, a VPN endpoint other than the reference's — exposed, not administered)."""
    exp = cell.expectation
    if cell.dst == DEVICES_ZONE and _zone_kind(ctx, cell.src) == "external" and exp.severity == "critical":
        return "high"
    return exp.severity


# Both matrix checks: a witness that crosses no router has an L2 root cause, which no
# filter can fix (one text, registered under each check's id).
REMEDIATION_L2 = {
    "vi": "Hai vùng nằm chung một miền lớp 2 (gói tin minh chứng không đi qua bộ định tuyến nào), "
    "nên danh sách kiểm soát truy cập trên bộ định tuyến không chặn được: tách vùng ở lớp 2 "
    "trước — đặt cổng/SSID của vùng vào VLAN riêng (RouterOS: bật vlan-filtering cho bridge "
    "với bảng VLAN tương ứng; switch: chuyển cổng sang VLAN đúng), rồi mới lọc giữa các VLAN. "
    "Xem tồn tại về bridge/VLAN cùng thiết bị.",
    "en": "The two zones share one L2 segment (the witness crosses no router), so no router filter can "
    "stop this: separate them at layer 2 first — put the zone's ports/SSID in its own VLAN "
    "(RouterOS: enable bridge vlan-filtering with the matching VLAN table; switches: move the "
    "port to the right VLAN), then filter between the VLANs. See the bridge/VLAN finding of the "
    "same device.",
}


@check(
    "guest-isolation",
    "critical",
    [REF_TT12_ZONES, REF_ND331],
    {
        "title": {"vi": "Mạng Wi-Fi khách truy cập được vào vùng {dst}", "en": "Guest Wi-Fi can reach zone {dst}"},
        "detail": {
            "vi": "Thiết bị trong vùng khách {src} mở được kết nối tới vùng {dst} ({services}). "
            "Gói tin minh chứng: {packet}.",
            "en": "Hosts in guest zone {src} can open connections to zone {dst} ({services}). "
            "Witness packet: {packet}.",
        },
        "detail_devices": {
            "vi": "Thiết bị trong vùng khách {src} truy cập được dịch vụ trên chính các thiết bị mạng "
            "ngoài DHCP/DNS ({services}). Gói tin minh chứng: {packet}.",
            "en": "Hosts in guest zone {src} reach services of the network devices themselves "
            "beyond DHCP/DNS ({services}). Witness packet: {packet}.",
        },
        "remediation_l2": REMEDIATION_L2,
        "remediation": {
            "vi": "Tách hoàn toàn vùng Wi-Fi khách: trên cổng/VLAN của vùng khách áp dụng danh sách "
            "kiểm soát truy cập chỉ cho phép DHCP/DNS tới gateway và truy cập Internet, chặn mọi "
            "đích thuộc dải địa chỉ nội bộ và địa chỉ quản trị của thiết bị.",
            "en": "Isolate the guest Wi-Fi completely: on the guest VLAN/interface apply a filter that "
            "permits only DHCP/DNS to the gateway and Internet access, and denies every internal "
            "destination and the devices' management addresses.",
        },
    },
)
def guest_isolation(ctx: AuditContext, info: CheckInfo):
    for cell in ctx.matrix:
        if _zone_kind(ctx, cell.src) != "guest" or cell.verdict != REACHABLE:
            continue
        if cell.dst != DEVICES_ZONE and _zone_kind(ctx, cell.dst) == "external":
            continue
        if excess(ctx.hs, cell) == ctx.hs.false:
            continue
        yield _violation(
            ctx,
            info,
            cell,
            _severity(ctx, cell, "critical", "high"),
            "check.guest-isolation.detail_devices" if cell.dst == DEVICES_ZONE else None,
        )


@check(
    "policy-violation",
    "high",
    [REF_TT12_ZONES, REF_ND331],
    {
        "title": {
            "vi": "Luồng truy cập {src} → {dst} trái với chính sách tham chiếu",
            "en": "Flow {src} → {dst} contradicts the reference policy",
        },
        "detail": {
            "vi": "Vùng {src} mở được kết nối tới vùng {dst} ({services}) trong khi chính sách yêu cầu chặn "
            "hoặc giới hạn. Gói tin minh chứng: {packet}.",
            "en": "Zone {src} can open connections to zone {dst} ({services}) where the policy requires "
            "them to be denied or limited. Witness packet: {packet}.",
        },
        "detail_blocked": {
            "vi": "Luồng {src} → {dst} theo chính sách là được phép nhưng cấu hình đang chặn.",
            "en": "Flow {src} → {dst} is allowed by the policy but the configuration blocks it.",
        },
        "title_blocked_many": {
            "vi": "Luồng truy cập từ {src} tới {count} vùng bị chặn dù chính sách cho phép",
            "en": "Flows from {src} to {count} zones are blocked though the policy allows them",
        },
        "detail_blocked_many": {
            "vi": "Các luồng từ {src} tới {dst} theo chính sách là được phép nhưng cấu hình đang chặn, "
            "bởi cùng các dòng cấu hình nêu dưới đây.",
            "en": "Flows from {src} to {dst} are allowed by the policy but the configuration blocks them, "
            "by the same configuration lines (below).",
        },
        "remediation_l2": REMEDIATION_L2,
        "remediation": {
            "vi": "Bổ sung/sửa danh sách kiểm soát truy cập giữa hai vùng để chỉ cho phép đúng các dịch "
            "vụ cần thiết; nếu luồng này là có chủ đích, khai báo ngoại lệ trong mục policy của site.yaml.",
            "en": "Add or fix the filter between the two zones so that only the required services pass; "
            "if the flow is intended, declare it under policy: in site.yaml.",
        },
    },
)
def policy_violation(ctx: AuditContext, info: CheckInfo):
    # Flows the policy allows but the configuration blocks, per source zone and the lines
    # that block them: one finding for all the destinations one root cause blocks (with
    # 80 zones behind one "deny ip any 10.0.0.0/8", 79 findings per zone said one thing).
    blocked: dict[tuple[str, str], list] = {}
    for cell in ctx.matrix:
        exp = cell.expectation
        if exp is None or _zone_kind(ctx, cell.src) == "guest":
            continue  # guest cells are guest-isolation's
        if cell.verdict == REACHABLE and exp.expected in (DENY, LIMITED):
            if excess(ctx.hs, cell) != ctx.hs.false:
                yield _violation(ctx, info, cell, _severity(ctx, cell, exp.severity, _other_severity(ctx, cell)))
        elif cell.verdict == BLOCKED and exp.expected == ALLOW and cell.dst != DEVICES_ZONE:
            blocked.setdefault((cell.src, repr(cell.blocking)), []).append(cell)
    for (src, _), cells in blocked.items():
        if len(cells) == 1:
            cell = cells[0]
            yield info.finding(
                key=f"{cell.src}->{cell.dst}:blocked",
                severity="info",
                detail_key="check.policy-violation.detail_blocked",
                fields={"src": cell.src, "dst": cell.dst},
                zones=[cell.src, cell.dst],
                evidence=list(cell.blocking),
            )
            continue
        dsts = [c.dst for c in cells]
        yield info.finding(
            key=f"{src}->{','.join(dsts)}:blocked",
            severity="info",
            title_key="check.policy-violation.title_blocked_many",
            detail_key="check.policy-violation.detail_blocked_many",
            fields={"src": src, "dst": ", ".join(dsts), "count": len(dsts)},
            zones=[src, *dsts],
            evidence=list(cells[0].blocking),
        )


@check(
    "unknown-verdict",
    "medium",
    [REF_TT12_ZONES],
    {
        "title": {
            "vi": "Không chứng minh được khả năng truy cập {src} → {dst}",
            "en": "Reachability {src} → {dst} could not be proven",
        },
        "detail": {
            "vi": "Công cụ không kết luận được là chặn hay cho phép: {reason}",
            "en": "The tool can prove neither blocked nor reachable: {reason}",
        },
        "remediation": {
            "vi": "Bổ sung cấu hình các thiết bị còn thiếu hoặc làm rõ các dòng cấu hình chưa nhận dạng, "
            "sau đó kiểm tra lại; trong lúc chờ, kiểm tra thực tế bằng công cụ dò từ vùng nguồn.",
            "en": "Add the missing device configurations or clarify the unrecognized lines, then audit "
            "again; meanwhile verify with a live probe from the source zone.",
        },
        "limits.title": {
            "vi": "Không chứng minh được {src} → {dst} chỉ dùng được các dịch vụ được phép",
            "en": "It could not be proven that {src} → {dst} stays within the allowed services",
        },
        "limits.detail": {
            "vi": "Vùng {src} tới được {dst} bằng {services}, trong phạm vi chính sách; nhưng có thể tới được "
            "cả {maybe}, ngoài chính sách — công cụ không kết luận được: {reason}",
            "en": "Zone {src} reaches {dst} on {services}, within the policy; but it may also reach {maybe}, "
            "beyond the policy — the tool can prove neither: {reason}",
        },
    },
)
def unknown_verdict(ctx: AuditContext, info: CheckInfo):
    if ctx.live_only:  # every unprobed cell is unknown for one reason: live-not-observed says it once
        return
    for cell in ctx.matrix:
        if cell.verdict == UNKNOWN:
            yield info.finding(
                key=f"{cell.src}->{cell.dst}",
                fields={"src": cell.src, "dst": cell.dst, "reason": cell.reason or "-"},
                zones=[cell.src, cell.dst],
            )
        elif cell.may_violate:
            # Reachable within the policy, and maybe beyond it (docs/semantics.md,
            # "Reachable, and maybe more"): the policy is not proven for this pair.
            # No graver than what it may hide: ICMP alone toward the devices would be low.
            beyond = maybe_excess(ctx.hs, cell)
            icmp_only = cell.dst == DEVICES_ZONE and (beyond & ~_services_set(ctx, ["icmp"])) == ctx.hs.false
            yield info.finding(
                key=f"{cell.src}->{cell.dst}|limits",
                severity="low" if icmp_only else None,
                title_key=f"check.{info.id}.limits.title",
                detail_key=f"check.{info.id}.limits.detail",
                fields={
                    "src": cell.src,
                    "dst": cell.dst,
                    "services": ctx.hs.services_text(cell.delivered),
                    "maybe": ctx.hs.services_text(beyond),
                    "reason": cell.maybe_reason or "-",
                },
                zones=[cell.src, cell.dst],
            )


# Zones whose reach of a segment nobody classified is a question: a citizen's device, the Internet.
_UNTRUSTED_KINDS = ("guest", "external")
# The interface lines an unzoned-reach finding cites (its detail names every segment).
_CITED = 8


@check(
    "unzoned-reach",
    "high",
    [REF_TT12_ZONES],
    {
        "title": {
            "vi": "Vùng {src} tới được {count} đoạn mạng không thuộc vùng nào: {segments}",
            "en": "Zone {src} reaches {count} segment(s) that no zone covers: {segments}",
        },
        "detail": {
            "vi": "Gói tin mở kết nối từ vùng {src} có thể được gửi vào các đoạn mạng {where}, tới các địa chỉ "
            "không vùng nào trong tệp khai báo sở hữu ({services}). Các đoạn mạng này chưa được phân loại, "
            "nên không kết luận được {src} có vào được mạng nội bộ hay không: chưa chứng minh được là an toàn.",
            "en": "New connections from zone {src} may be sent onto segments {where}, to addresses no zone of the "
            "site file owns ({services}). These segments are not classified, so whether {src} reaches the "
            "internal network cannot be concluded: it is not proven safe.",
        },
        "remediation": {
            "vi": "Khai báo vùng của các đoạn mạng này trong site.yaml (loại: internal, server, camera, "
            "management …) rồi kiểm tra lại; đoạn nào vùng {src} không được phép tới thì chặn dải địa chỉ của "
            "nó trên bộ lọc của vùng {src}.",
            "en": "Declare the zones of these segments in site.yaml (kind: internal, server, camera, "
            "management …) and audit again; deny in zone {src}'s filter the subnets of those it must not reach.",
        },
    },
)
def unzoned_reach(ctx: AuditContext, info: CheckInfo):
    """An untrusted zone (guest, external) whose new connections reach host segments no
    zone covers (zones.placement.unzoned_host_segments): no matrix cell is about their
    hosts, so "the guest cannot reach the internal network" would be unproven — one
    finding per zone, high, not proven (the segments' kinds decide), never a silent pass."""
    if ctx.engine is None:
        return
    segments = unzoned_host_segments(ctx.zones, ctx.topology)
    for pz in ctx.zones:
        if pz.kind not in _UNTRUSTED_KINDS:
            continue
        strays = ctx.engine.strays.get(pz.name, {})
        reached = [(dev, ifn, subnets, strays[(dev, ifn)]) for dev, ifn, subnets in segments if (dev, ifn) in strays]
        reached = [r for r in reached if r[3] != ctx.hs.false]
        if not reached:
            continue
        sent = ctx.hs.false
        for *_, u in reached:
            sent |= u
        cites = [ctx.topology.interface(dev, ifn).source for dev, ifn, _, _ in reached]
        f = info.finding(
            key=pz.name,
            fields={
                "src": pz.name,
                "count": len(reached),
                "segments": messages.named_list(f"{dev}:{ifn}" for dev, ifn, _, _ in reached),
                "where": messages.named_list(
                    f"{dev}:{ifn} ({', '.join(str(n) for n in subnets)})" for dev, ifn, subnets, _ in reached
                ),
                "services": ctx.hs.services_text(sent),
            },
            zones=[pz.name],
            devices=sorted({dev for dev, _, _, _ in reached}),
            evidence=[{"file": c.file, "line": c.line, "text": c.text} for c in cites[:_CITED] if c is not None],
        )
        f.proven = False
        yield f


# Protocols other than TCP act on a single packet: a forged one is enough (SNMP set,
# syslog, TFTP, DNS, NTP …).  A forged TCP SYN never completes a handshake.
_ONE_PACKET_INTO = ("devices", "management", "internal", "server", "database")


@check(
    "spoofing",
    "medium",
    [REF_TT12_ZONES, REF_ND331],
    {
        "title": {
            "vi": "Vùng {src} giả mạo được địa chỉ nguồn để vượt qua quy tắc lọc theo nguồn",
            "en": "Zone {src} can forge source addresses past source-based rules",
        },
        "detail": {
            "vi": "Thiết bị trong vùng {src} gửi gói tin mang địa chỉ nguồn của vùng {forged} tới {targets} "
            "và gói tin được chuyển tới đích, do không có chống giả mạo địa chỉ (uRPF / ACL chống giả "
            "mạo) trên đường đi. Dịch vụ chỉ tới được bằng địa chỉ giả: {services}. {impact} "
            "Gói tin minh chứng: {packet}.",
            "en": "Hosts in zone {src} send packets carrying zone {forged}'s source addresses to {targets} "
            "and they are delivered: no anti-spoofing (uRPF / ingress ACL) on the path. Services "
            "reached only with a forged source: {services}. {impact} Witness packet: {packet}.",
        },
        "maybe.title": {
            "vi": "Chưa loại trừ được khả năng vùng {src} giả mạo địa chỉ nguồn để vượt qua quy tắc lọc theo nguồn",
            "en": "Zone {src} may be able to forge source addresses past source-based rules (not proven either way)",
        },
        "maybe.detail": {
            "vi": "Gói tin từ vùng {src} mang địa chỉ nguồn của vùng khác có thể được chuyển tới {targets}, "
            "điều mà địa chỉ thật của vùng không làm được; công cụ không chứng minh được là chặn hay cho "
            "phép: {reason}. Dịch vụ liên quan: {services}.",
            "en": "Packets from zone {src} carrying other zones' source addresses may be delivered to "
            "{targets}, which the zone's own addresses cannot reach; the tool can prove neither blocked "
            "nor delivered: {reason}. Services concerned: {services}.",
        },
        "impact_one_packet": {
            "vi": "Các dịch vụ không trạng thái (UDP…) xử lý ngay một gói tin giả mạo "
            "(ví dụ lệnh SNMP, syslog, TFTP, DNS).",
            "en": "Stateless services (UDP…) act on a single forged packet (e.g. SNMP commands, syslog, TFTP, DNS).",
        },
        "impact_tcp": {
            "vi": "Chỉ là TCP: phản hồi đi tới địa chỉ bị giả mạo nên không mở được phiên, nhưng vẫn "
            "dùng được để tấn công từ chối dịch vụ.",
            "en": "TCP only: the replies go to the forged address, so no session opens, but the "
            "packets still serve denial-of-service attacks.",
        },
        "remediation": {
            "vi": "Bật chống giả mạo địa chỉ nguồn trên cổng/VLAN của vùng nguồn: uRPF (Cisco: ip verify "
            "unicast source reachable-via rx; ASA: ip verify reverse-path interface; RouterOS: /ip "
            "settings set rp-filter=strict; FortiGate: giữ src-check enable), hoặc ACL đầu vào chỉ "
            "cho phép dải địa chỉ của chính vùng; không dùng địa chỉ nguồn làm điều kiện duy nhất "
            "để cho phép truy cập quản trị.",
            "en": "Enable source-address anti-spoofing on the source zone's interface/VLAN: uRPF (Cisco: "
            "ip verify unicast source reachable-via rx; ASA: ip verify reverse-path interface; "
            "RouterOS: /ip settings set rp-filter=strict; FortiGate: keep src-check enabled), or an "
            "ingress filter admitting only the zone's own range; never rely on the source address "
            "alone to admit administrative access.",
        },
    },
)
def spoofing(ctx: AuditContext, info: CheckInfo):
    """One finding per source zone that reaches, only with forged sources, what the
    reference policy denies it; where a forged delivery can be proven neither way, one
    finding saying so (medium, as an unknown cell), never silence — also beside a proven
    finding of the same zone, for what the proven one does not hold (key ``zone|maybe``):
    a proven TCP-only delivery (low) must not hide an unproven SNMP one."""
    hs = ctx.hs
    by_src: dict[str, list] = {}
    unsure: dict[str, list] = {}
    for cell in ctx.matrix:
        if cell.expectation is None or cell.expectation.expected == ALLOW:
            continue
        for forged, into in ((cell.spoofed, by_src), (cell.spoofed_maybe, unsure)):
            if forged is None:
                continue
            bad = forged
            if cell.expectation.expected == LIMITED:
                bad = bad & ~_services_set(ctx, cell.expectation.allowed_services)
            if bad != hs.false:
                into.setdefault(cell.src, []).append((cell, bad))
    for src, cells in sorted(unsure.items()):
        key = src
        if src in by_src:  # proven for this zone (its finding below): what that one does not hold
            proven = hs.false
            for _, b in by_src[src]:
                proven |= b
            cells = [(c, b & ~proven) for c, b in cells if (b & ~proven) != hs.false]
            if not cells:
                continue
            key = f"{src}|maybe"
        every = hs.false
        for _, b in cells:
            every |= b
        reasons = list(dict.fromkeys(c.spoofed_maybe_reason for c, _ in cells if c.spoofed_maybe_reason))
        yield info.finding(
            key=key,
            title_key="check.spoofing.maybe.title",
            detail_key="check.spoofing.maybe.detail",
            fields={
                "src": src,
                "targets": ", ".join(sorted({c.dst for c, _ in cells})),
                "reason": reasons[0] if reasons else "-",
                "services": ", ".join(hs.services(every)),
            },
            zones=sorted({src} | {c.dst for c, _ in cells}),
        )
    # Built once, for the first zone with a witness: each zone's "every other zone" sets
    # (_other_zones) and the owner of an address (_ZoneOwners).
    others_of: dict[str, tuple[Bdd, Bdd]] | None = None
    owners: _ZoneOwners | None = None
    for src, cells in sorted(by_src.items()):
        one_packet = any(
            (bad & ~hs.eq("proto", 6) & ~_services_set(ctx, ["icmp/8", "icmp/0"])) != hs.false
            and _zone_kind(ctx, cell.dst) in _ONE_PACKET_INTO
            for cell, bad in cells
        )
        severity = (
            "high"
            if one_packet
            else ("low" if all((bad & ~hs.eq("proto", 6)) == hs.false for _, bad in cells) else "medium")
        )
        # Witness from the worst cell: a one-packet service if there is one.
        cell, bad = max(
            cells,
            key=lambda cb: ((cb[1] & ~hs.eq("proto", 6)) != hs.false, _zone_kind(ctx, cb[0].dst) in _ONE_PACKET_INTO),
        )
        if one_packet and (bad & ~hs.eq("proto", 6)) != hs.false:
            bad = bad & ~hs.eq("proto", 6)
        witness = None
        if ctx.engine is not None:
            if others_of is None:
                others_of = _other_zones(ctx)
            pz = next(z for z in ctx.zones if z.name == src)
            # The witness claims another zone's address where one does (a host address,
            # not a network address), whichever part of the delivery holds it.
            others, networks = others_of[src]
            prefer = [~_owned_src(ctx, pz), others, ~networks, *destination_preferences(ctx.engine, cell.dst)]
            parts = [(chunk & bad, path) for chunk, path in cell.spoofed_chunks if (chunk & bad) != hs.false]
            chosen = next(((u, p) for u, p in parts if (u & others) != hs.false), parts[0] if parts else None)
            if chosen is not None:
                witness = ctx.engine.witness(chosen[1], chosen[0], prefer)
        if witness is not None and owners is None:
            owners = _ZoneOwners(ctx.zones)
        forged = owners.owner(witness.packet.src_ip) if witness is not None and owners is not None else None
        wjson = witness.to_json() if witness else None
        evidence = witness_evidence(wjson)
        every = hs.false
        for _, b in cells:
            every |= b
        services = hs.services(every)
        fields = {
            "src": src,
            "forged": forged or "?",
            "targets": ", ".join(sorted({c.dst for c, _ in cells})),
            "services": ", ".join(services),
            "impact": Text("check.spoofing.impact_tcp" if severity == "low" else "check.spoofing.impact_one_packet"),
            "packet": witness.packet.describe() if witness else "-",
        }
        yield info.finding(
            key=src,
            severity=severity,
            fields=fields,
            zones=sorted({src} | {c.dst for c, _ in cells}),
            evidence=evidence,
            witness=wjson,
            devices=sorted({h["device"] for h in (wjson or {}).get("hops", []) if h.get("device")}),
        )


def _owned_src(ctx: AuditContext, pz) -> Bdd:
    u = ctx.engine.zone_sources(pz.name) if ctx.engine is not None else None
    return u if u is not None else ctx.hs.false


def _other_zones(ctx: AuditContext) -> dict[str, tuple[Bdd, Bdd]]:
    """Zone name → (the source addresses every other zone owns, the network addresses of
    every other zone's declared subnets): what a forged source claims.  Each zone's sets
    are the union of the zones before it and of those after it (a union per zone and
    side, where the other zones were united anew for each source zone: 2,500 unions for
    50 zones, issue #15); a union is the same set in any order."""
    hs = ctx.hs
    zones = ctx.zones
    owned = [_owned_src(ctx, z) for z in zones]
    networks = []
    for z in zones:
        u = hs.false
        for net in z.zone.subnets:
            if net.prefixlen < 31:
                u |= hs.eq("src_ip", int(net.network))
        networks.append(u)
    # after[i]: the union over the zones from i on (after[len] is empty).
    after: list[tuple[Bdd, Bdd]] = [(hs.false, hs.false)]
    for o, n in zip(reversed(owned), reversed(networks), strict=True):
        after.append((after[-1][0] | o, after[-1][1] | n))
    after.reverse()
    out: dict[str, tuple[Bdd, Bdd]] = {}
    before_owned, before_networks = hs.false, hs.false
    for i, z in enumerate(zones):
        out[z.name] = (before_owned | after[i + 1][0], before_networks | after[i + 1][1])
        before_owned, before_networks = before_owned | owned[i], before_networks | networks[i]
    return out


class _ZoneOwners:
    """The zone whose addresses hold an IPv4 address (zones with declared subnets first,
    else in the zones' order), by bisection in each zone's address ranges: ``IPAddress in
    IPSet`` hashed a network per prefix length for each zone, 2,500 look-ups for the
    witnesses of 50 zones (most of this check's time; issue #15)."""

    def __init__(self, zones: list) -> None:
        self._zones: list[tuple[str, list[int], list[int]]] = []
        for z in sorted(zones, key=lambda z: not z.zone.subnets):
            # Sorted and disjoint; a witness's address is IPv4 (a 32-bit field).
            ranges = [(r.first, r.last) for r in z.owned.iter_ipranges() if r.version == 4]
            self._zones.append((z.name, [a for a, _ in ranges], [b for _, b in ranges]))

    def owner(self, ip: int) -> str | None:
        """The first zone owning ``ip``, or None."""
        for name, firsts, lasts in self._zones:
            i = bisect_right(firsts, ip) - 1
            if i >= 0 and ip <= lasts[i]:
                return name
        return None
