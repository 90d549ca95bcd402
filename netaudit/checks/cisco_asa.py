"""Cisco ASA hardening checks (configuration facts recorded by ``parsers.cisco_asa``:
:class:`~netaudit.parsers.cisco_asa.facts.ASAFacts`).

* ``asa-mgmt-broad-source`` — an ``http`` (ASDM), ``ssh`` or ``telnet`` line that
  admits a source range broader than /16 (0.0.0.0/0 included), or any source on an
  interface facing the Internet or the guest Wi-Fi.  Only lines the ASA actually
  honours are considered (``http`` needs ``http server enable``; telnet to the
  lowest-security interface is refused by the ASA).
* ``asa-same-security-permitted`` — ``same-security-traffic permit inter-interface``
  while interfaces of one security level serve zones of different kinds.
* ``asa-any-any-acl`` — ``permit ip any any`` in an ACL applied inbound on an
  interface below the highest security level (or globally): it replaces the
  security-level default and lets everything in (critical); after deny lines — the
  guest ACL that denies the inside networks then lets the rest out — it lets in what
  they do not name, networks added later too (low: what it reaches today is the zone
  matrix's business).

The vendor-neutral checks (``mgmt-telnet``, ``undefined-reference``) also report on
ASA devices; this module only registers their ASA remediation snippets, so the same
fact is never reported twice.  Reachability itself is the zone matrix's business.
"""

from __future__ import annotations

from collections.abc import Iterable

from netaddr import IPNetwork

from .. import messages
from ..messages import neutral
from ..model import Action, Device, Match
from ..parsers.cisco_asa.facts import ASAFacts
from . import REF_ND331, REF_TT12_DEVICES, REF_TT12_ZONES, AuditContext, CheckInfo, Finding, check
from .evidence import localized, vendor_remediation

VENDOR = "cisco_asa"
EXPOSED_KINDS = frozenset({"guest", "external"})
BROAD_PREFIX = 16  # a source range shorter than /16 is "broad"
PROTO_LABEL = {"http": "ASDM/HTTPS", "ssh": "SSH", "telnet": "Telnet"}

# ASA remediation snippets for vendor-neutral checks (catalogue entries only): the
# commands once, their words in catalogue/snippets.py.
messages.register(
    {
        "check.mgmt-telnet.snippet.cisco_asa": neutral(
            "{snippet.example} (Cisco ASA):\n"
            "clear configure telnet   ! {snippet.asa_remove_telnet}\n"
            "ssh 10.10.99.0 255.255.255.0 management   ! {snippet.asa_mgmt_range}\n"
            "ssh version 2\n"
            "aaa authentication ssh console LOCAL"
        ),
        "check.undefined-reference.snippet.cisco_asa.acl": neutral(
            "{snippet.example} (Cisco ASA): {snippet.asa_define_acl_first}\n"
            "access-list {name} extended deny ip any any\n"
            "! {snippet.asa_or_remove_reference}:\n"
            "no {text}"
        ),
        "check.undefined-reference.snippet.cisco_asa": neutral(
            "{snippet.example} (Cisco ASA) — {snippet.asa_define_or_remove}:\nno {text}"
        ),
    }
)


def _asa_devices(ctx: AuditContext) -> Iterable[tuple[Device, ASAFacts]]:
    """The ASA devices, each with its ASA facts."""
    return ((d, d.facts) for d in ctx.devices if d.vendor == VENDOR and isinstance(d.facts, ASAFacts))


def iface_zones(ctx: AuditContext, dev: Device, ifname: str) -> list[tuple[str, str]]:
    """(zone, kind) of the zones placed in the L2 domain of ``dev:ifname``."""
    did = ctx.topology.l3_domain(dev.hostname, ifname) if ctx.topology is not None else None
    if did is None:
        return []
    return sorted((pz.name, pz.kind) for pz in ctx.zones if did in pz.domains)


def exposure(ctx: AuditContext, dev: Device, ifname: str) -> list[str]:
    """Why ``ifname`` faces the Internet or the guest Wi-Fi ([] when it does not).

    Zone placement decides when the interface has zones; otherwise security level 0
    (the ASA's outside default) counts as exposed."""
    zones = iface_zones(ctx, dev, ifname)
    if zones:
        return [f"{z} ({k})" for z, k in zones if k in EXPOSED_KINDS]
    itf = dev.interfaces.get(ifname)
    if itf is not None and itf.security_level == 0:
        return [f"security-level 0 ({itf.zone})"]
    return []


def _cite(src) -> dict:
    return src.cite()


def _where(src) -> str:
    return f"{src.file}:{src.line}: {src.text.strip()}"


# --------------------------------------------------------------------------- asa-mgmt-broad-source

messages.register(
    {
        "check.asa-mgmt-broad-source.reason.broad": {
            "vi": "Dải nguồn {net} rộng hơn /{limit}: gần như mọi máy tới được cổng này đều có thể thử "
            "đăng nhập quản trị.",
            "en": "The source range {net} is broader than /{limit}: almost any host that reaches this "
            "interface can attempt to log in.",
        },
        "check.asa-mgmt-broad-source.reason.exposed": {
            "vi": "Cổng {nameif} hướng ra {exposed}: giao diện quản trị bị mở ra ngoài vùng quản trị.",
            "en": "Interface {nameif} faces {exposed}: device management is open outside the management zone.",
        },
        "check.asa-mgmt-broad-source.reason.cleartext": {
            "vi": "Telnet truyền mật khẩu quản trị dưới dạng không mã hóa.",
            "en": "Telnet carries the administrator's password in cleartext.",
        },
    }
)


@check(
    "asa-mgmt-broad-source",
    "high",
    [REF_TT12_DEVICES, REF_ND331],
    texts={
        "title": {
            "vi": "Quản trị thiết bị ASA được mở cho dải địa chỉ quá rộng hoặc từ phía Internet/Wi-Fi khách",
            "en": "ASA management access is open to a broad address range or from the Internet/guest side",
        },
        "detail": {
            "vi": "Thiết bị {device} cho phép quản trị qua {proto} từ {net} trên cổng {nameif} ({where}).",
            "en": "Device {device} accepts {proto} management from {net} on interface {nameif} ({where}).",
        },
        "remediation": {
            "vi": "Chỉ cho phép quản trị thiết bị từ dải địa chỉ cụ thể của vùng quản trị, trên cổng "
            "quản trị; gỡ các dòng cho phép từ dải rộng hoặc từ cổng hướng ra Internet/Wi-Fi "
            "khách; dùng SSH thay cho Telnet.",
            "en": "Allow device management only from the management zone's specific range, on the "
            "management interface; remove lines that admit broad ranges or sources on interfaces "
            "facing the Internet or guest Wi-Fi; use SSH instead of Telnet.",
        },
        "snippet.cisco_asa": neutral(
            "{snippet.example} (Cisco ASA):\n"
            "no {text}\n"
            "{cmd} 10.10.99.0 255.255.255.0 management   ! {snippet.asa_mgmt_range}"
        ),
    },
)
def asa_mgmt_broad_source(ctx: AuditContext, info: CheckInfo) -> Iterable[Finding]:
    for dev, facts in _asa_devices(ctx):
        for line in facts.mgmt_lines:
            if not line.effective or line.interface is None:
                continue
            net = line.net
            prefix = (
                IPNetwork("0.0.0.0/0")
                if net is None
                else IPNetwork(f"{_ip(net.value)}/{32 - net.wildcard.bit_length()}")
            )
            broad = prefix.prefixlen < BROAD_PREFIX
            exposed = exposure(ctx, dev, line.interface)
            if not broad and not exposed:
                continue
            src = line.source
            proto = line.proto
            fields = {
                "device": dev.hostname,
                "proto": PROTO_LABEL[proto],
                "net": str(prefix),
                "nameif": line.nameif,
                "where": _where(src),
                "text": src.text.strip(),
                "cmd": "http" if proto == "http" else "ssh",
                "limit": BROAD_PREFIX,
                "exposed": ", ".join(exposed),
            }
            parts = [(f"check.{info.id}.detail", fields)]
            if broad:
                parts.append((f"check.{info.id}.reason.broad", fields))
            if exposed:
                parts.append((f"check.{info.id}.reason.exposed", fields))
            if proto == "telnet":
                parts.append((f"check.{info.id}.reason.cleartext", fields))
            f = info.finding(
                key=f"{dev.hostname}|{src.file}:{src.line}",
                severity="critical" if (broad and exposed) else "high",
                fields=fields,
                devices=[dev.hostname],
                evidence=[_cite(src)],
                zones=sorted({z for z, k in iface_zones(ctx, dev, line.interface) if k in EXPOSED_KINDS}),
            )
            f.detail = localized(*parts)
            f.remediation = vendor_remediation(info.id, dev.vendor, fields)
            yield f


def _ip(v: int) -> str:
    return f"{v >> 24 & 255}.{v >> 16 & 255}.{v >> 8 & 255}.{v & 255}"


# --------------------------------------------------------------------------- asa-same-security-permitted


@check(
    "asa-same-security-permitted",
    "medium",
    [REF_TT12_ZONES, REF_ND331],
    texts={
        "title": {
            "vi": "Cho phép lưu lượng giữa các cổng cùng mức bảo mật trong khi các cổng đó thuộc các "
            "vùng mạng khác loại",
            "en": "Traffic between same-security-level interfaces is permitted while they serve "
            "different kinds of zones",
        },
        "detail": {
            "vi": "Thiết bị {device} bật “{text}” ({where}); các cổng cùng mức bảo mật {level} — "
            "{members} — thuộc các vùng mạng khác loại. Lưu lượng giữa các cổng này được cho "
            "qua mà không cần ACL khi cổng vào không gắn ACL chiều vào.",
            "en": 'Device {device} has "{text}" ({where}); interfaces at security level {level} — '
            "{members} — serve zones of different kinds. Traffic between them passes without any "
            "access-list wherever the ingress interface has no inbound ACL.",
        },
        "remediation": {
            "vi": "Đặt mức bảo mật khác nhau cho các cổng thuộc các vùng khác loại (vùng Wi-Fi khách "
            "thấp nhất sau Internet), gỡ same-security-traffic permit inter-interface nếu không "
            "thật cần, và gắn ACL chiều vào trên mọi cổng.",
            "en": "Give interfaces of different zone kinds different security levels (guest Wi-Fi "
            "lowest after the Internet), remove same-security-traffic permit inter-interface "
            "unless really needed, and bind an inbound ACL to every interface.",
        },
        "snippet.cisco_asa": neutral(
            "{snippet.example} (Cisco ASA):\n"
            "no same-security-traffic permit inter-interface\n"
            "interface <{snippet.guest_wifi_interface}>\n"
            " security-level 10\n"
            "access-group GUEST_IN in interface <{snippet.guest_nameif}>"
        ),
    },
)
def asa_same_security_permitted(ctx: AuditContext, info: CheckInfo) -> Iterable[Finding]:
    for dev, facts in _asa_devices(ctx):
        inter = facts.same_security_inter
        if inter is None:
            continue
        mgmt_only = facts.management_only
        by_level: dict[int, list[str]] = {}
        for name, itf in dev.interfaces.items():
            if itf.zone and itf.security_level is not None and name not in mgmt_only and not itf.shutdown:
                by_level.setdefault(itf.security_level, []).append(name)
        for level in sorted(by_level):
            names = by_level[level]
            if len(names) < 2:
                continue
            kinds = {n: {k for _, k in iface_zones(ctx, dev, n)} for n in names}
            all_kinds = set().union(*kinds.values())
            if len(all_kinds) < 2 or not all(kinds.values()):
                continue
            members = ", ".join(
                f"{dev.interfaces[n].zone} ({'/'.join(f'{z}: {k}' for z, k in iface_zones(ctx, dev, n))})"
                for n in names
            )
            fields = {
                "device": dev.hostname,
                "text": inter.text.strip(),
                "where": f"{inter.file}:{inter.line}",
                "level": level,
                "members": members,
            }
            evidence = [_cite(inter)] + [s.cite() for n in names if (s := dev.interfaces[n].source) is not None]
            f = info.finding(
                key=f"{dev.hostname}|{level}",
                fields=fields,
                devices=[dev.hostname],
                evidence=evidence,
                zones=sorted({z for n in names for z, _ in iface_zones(ctx, dev, n)}),
            )
            f.remediation = vendor_remediation(info.id, dev.vendor, fields)
            yield f


# --------------------------------------------------------------------------- asa-any-any-acl


@check(
    "asa-any-any-acl",
    "critical",
    [REF_TT12_ZONES, REF_ND331],
    texts={
        "title": {
            "vi": "ACL chiều vào trên cổng có mức bảo mật thấp cho phép mọi lưu lượng (permit ip any any)",
            "en": "Inbound ACL on a lower-security interface permits everything (permit ip any any)",
        },
        "detail": {
            "vi": "ACL “{acl}” gắn chiều vào {scope} của thiết bị {device} ({ag}) có dòng {where} cho "
            "phép mọi lưu lượng. ACL thay thế quy tắc mặc định theo mức bảo mật, nên mọi kết nối "
            "từ phía này đều vào được các vùng có mức bảo mật cao hơn.",
            "en": 'ACL "{acl}" applied inbound {scope_en} of device {device} ({ag}) contains {where}, '
            "which permits everything. The ACL replaces the security-level default, so any "
            "connection from that side reaches the higher-security zones.",
        },
        "after_denies.title": {
            "vi": "ACL chiều vào trên cổng có mức bảo mật thấp kết thúc bằng permit ip any any",
            "en": "Inbound ACL on a lower-security interface ends with permit ip any any",
        },
        "after_denies.detail": {
            "vi": "ACL “{acl}” gắn chiều vào {scope} của thiết bị {device} ({ag}) chặn {denies} dòng trước, rồi "
            "dòng {where} cho phép mọi lưu lượng còn lại: mạng nào các dòng chặn không nêu — kể cả mạng "
            "thêm về sau — đều vào được. Những gì dòng này cho qua hôm nay được đánh giá trong ma trận "
            "vùng mạng.",
            "en": 'ACL "{acl}" applied inbound {scope_en} of device {device} ({ag}) denies {denies} line(s) '
            "first, then {where} permits everything else: any network the deny lines do not name — "
            "networks added later too — is let in. What it lets through today is assessed in the "
            "zone matrix.",
        },
        "remediation": {
            "vi": "Xóa dòng permit ip any any; chỉ cho phép đúng các dịch vụ cần công bố (ví dụ "
            "HTTPS tới máy chủ trong DMZ), phần còn lại để quy tắc chặn ngầm định xử lý.",
            "en": "Delete the permit ip any any line; permit only the services that must be published "
            "(e.g. HTTPS to the DMZ server) and let the implicit deny handle the rest.",
        },
        "snippet.cisco_asa": neutral(
            "{snippet.example} (Cisco ASA):\n"
            "no {text}\n"
            "access-list {acl} extended permit tcp any object <{snippet.dmz_server}> eq https"
        ),
    },
)
def asa_any_any_acl(ctx: AuditContext, info: CheckInfo) -> Iterable[Finding]:
    for dev, facts in _asa_devices(ctx):
        levels = [i.security_level for i in dev.interfaces.values() if i.zone and i.security_level is not None]
        top = max(levels) if levels else None
        for ag in facts.access_groups:
            if ag.direction not in ("in", "global"):
                continue
            if ag.direction == "in":
                itf = dev.interfaces.get(ag.interface or "")
                if (
                    itf is None
                    or itf.security_level is None
                    or top is None
                    or (itf.security_level >= top and not exposure(ctx, dev, itf.name))
                ):
                    continue
                scope = f"trên cổng {itf.zone} (mức bảo mật {itf.security_level})"
                scope_en = f"on interface {itf.zone} (security level {itf.security_level})"
            else:
                scope, scope_en = "toàn cục (mọi cổng)", "globally (every interface)"
            flt = dev.filters.get(ag.acl)
            if flt is None:
                continue
            denies = 0  # understood deny lines before it: then it lets in only the rest
            for line in flt.lines:
                if line.action == Action.DENY and not line.partial:
                    denies += 1
                if line.action != Action.PERMIT or line.partial or not any(m == Match() for m in line.matches):
                    continue
                src = line.source
                fields = {
                    "device": dev.hostname,
                    "acl": ag.acl,
                    "scope": scope,
                    "scope_en": scope_en,
                    "ag": _where(ag.source),
                    "where": _where(src),
                    "text": src.text.strip(),
                    "denies": denies,
                }
                f = info.finding(
                    key=f"{dev.hostname}|{ag.acl}|{ag.interface}|{src.line}",
                    fields=fields,
                    severity="low" if denies else None,
                    title_key=f"check.{info.id}.after_denies.title" if denies else None,
                    detail_key=f"check.{info.id}.after_denies.detail" if denies else None,
                    devices=[dev.hostname],
                    evidence=[_cite(src), _cite(ag.source)],
                )
                f.remediation = vendor_remediation(info.id, dev.vendor, fields)
                yield f
                break
