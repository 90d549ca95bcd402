"""MikroTik RouterOS hardening and L2 checks (devices of vendor ``mikrotik_routeros``).

Coordination with the vendor-neutral checks in :mod:`.management` (no finding twice):

* Telnet and cleartext web (``/ip service`` telnet, www) are reported by
  ``mgmt-telnet`` / ``mgmt-http-server``; SSH/Telnet without ``address=`` by
  ``mgmt-vty-no-access-class``; SNMP without community ``addresses=`` by
  ``mgmt-snmp-community``.  This module gives those checks RouterOS remediation text
  (catalogue entries ``check.<id>.snippet.mikrotik_routeros``).
* ``routeros-insecure-service`` — the other cleartext services: FTP and the API
  (tcp/8728).
* ``routeros-service-no-address`` — every other enabled ``/ip service`` (www,
  www-ssl, ftp, api, api-ssl, winbox) without an ``address=`` restriction.
* ``routeros-winbox-from-guest`` — Winbox (tcp/8291) delivered from a guest or
  external zone per the zone matrix (the zone-level flow is also part of
  ``guest-isolation``; this finding names the device, the service and the RouterOS fix).
* ``routeros-bridge-no-vlan-filtering`` — VLAN interfaces, port pvids or a bridge
  VLAN table on a bridge with ``vlan-filtering=no``: the intended separation does
  not exist.
* ``routeros-bridge-vlan-hopping`` — access ports of a VLAN-filtering bridge that
  accept tagged frames without ingress filtering.
* ``routeros-default-admin`` — the factory account ``admin`` still in use (only when
  the export lists users; ``/export`` normally does not).
* ``routeros-neighbor-discovery`` — MNDP/CDP/LLDP discovery or MAC-Telnet/MAC-Winbox
  on interfaces facing a guest or external zone.
* ``routeros-rule-empty-interface-list`` — a firewall rule naming an interface list that
  has no member and can gain none at run time: it matches no packet (a drop on an empty
  WAN list protects nothing).
"""

from __future__ import annotations

from collections.abc import Iterable

from .. import messages
from ..messages import Text, named_list, neutral
from ..model import Device
from ..parsers.mikrotik_routeros.facts import EmptyListRule, HoppingPort, IpService, RouterOSFacts
from ..topology import exits
from . import REF_ND331, REF_TT12_DEVICES, REF_TT12_ZONES, AuditContext, CheckInfo, Finding, check
from .evidence import exposure, few_sources, localized, zone_kinds

VENDOR = "mikrotik_routeros"
EXPOSED = frozenset({"guest", "external"})

# RouterOS remediation for the vendor-neutral management checks.
messages.register(
    {
        "check.mgmt-telnet.snippet.mikrotik_routeros": neutral(
            "{snippet.example} (RouterOS):\n"
            "/ip service disable telnet\n"
            "/ip service set ssh address=10.10.99.0/24   # {snippet.mgmt_range}"
        ),
        "check.mgmt-http-server.snippet.mikrotik_routeros": neutral(
            "{snippet.example} (RouterOS):\n"
            "/ip service disable www\n"
            "# {snippet.webfig_if_needed}:\n"
            "/ip service set www-ssl certificate=<{snippet.certificate}> disabled=no address=10.10.99.0/24"
        ),
        "check.mgmt-vty-no-access-class.snippet.mikrotik_routeros": neutral(
            "{snippet.example} (RouterOS):\n"
            "/ip service set ssh address=10.10.99.0/24   # {snippet.mgmt_range}\n"
            "/ip service disable telnet"
        ),
        "check.mgmt-snmp-community.snippet.mikrotik_routeros": neutral(
            "{snippet.example} (RouterOS):\n"
            "/snmp community set [ find default=yes ] addresses=10.10.99.10/32 name=<{snippet.new_community}>\n"
            "# {snippet.or_disable_snmp}:\n"
            "/snmp set enabled=no"
        ),
        "check.undefined-reference.snippet.mikrotik_routeros": neutral(
            "RouterOS: {snippet.create_object} (address list: /ip firewall address-list add list={name} "
            "address=…; interface list: /interface list add name={name}; chain: {snippet.add_chain_rules} "
            "chain={name}) {snippet.routeros_or_fix_line}."
        ),
    }
)


def _routeros(ctx: AuditContext) -> list[Device]:
    return [d for d in ctx.devices if d.vendor == VENDOR]


def _facts(dev: Device) -> RouterOSFacts:
    """The device's RouterOS facts (none for a device built without the parser)."""
    return dev.facts if isinstance(dev.facts, RouterOSFacts) else RouterOSFacts()


def _cite(src, dev: Device, text: str) -> dict:
    return src.cite() if src is not None else {"file": dev.file, "line": None, "text": text}


def _where(src, dev: Device, default_text: str) -> str:
    if src is None:
        return f"{dev.file}: {default_text}"
    return f"{src.file}:{src.line}: {src.text.strip()}"


# --------------------------------------------------------------------------- bridge


@check(
    "routeros-bridge-no-vlan-filtering",
    "high",
    [REF_TT12_ZONES, REF_ND331],
    texts={
        "title": {
            "vi": "Bridge RouterOS không bật vlan-filtering: các VLAN dự kiến không được tách",
            "en": "RouterOS bridge without vlan-filtering: the intended VLANs are not separated",
        },
        "detail": {
            "vi": "Bridge {bridge} trên thiết bị {device} có vlan-filtering=no ({where}). Khi đó "
            "RouterOS bỏ qua pvid của các cổng và bảng /interface bridge vlan: mọi cổng của "
            "bridge nằm chung một miền quảng bá không gắn thẻ. Cấu hình cho thấy ý định tách "
            "VLAN ({intent}) nhưng sự tách biệt này không tồn tại: thiết bị cắm vào các cổng "
            "đó (kể cả Wi-Fi khách) nằm chung mạng với vùng nội bộ của bridge.",
            "en": "Bridge {bridge} on device {device} has vlan-filtering=no ({where}). RouterOS then "
            "ignores the ports' pvid and the /interface bridge vlan table: every port of the "
            "bridge is in one untagged broadcast domain. The configuration shows the intent "
            "to separate VLANs ({intent}) but that separation does not exist: hosts on those "
            "ports (guest Wi-Fi included) share the network of the bridge's internal zone.",
        },
        "tagged.title": {
            "vi": "Bridge RouterOS không bật vlan-filtering: cổng nào cũng gia nhập được VLAN nào",
            "en": "RouterOS bridge without vlan-filtering: any port can join any VLAN",
        },
        "tagged.detail": {
            "vi": "Bridge {bridge} trên thiết bị {device} có vlan-filtering=no ({where}) và mang các VLAN bằng "
            "interface VLAN ({intent}). Khung gắn thẻ vẫn ở trong VLAN của nó, nhưng không cổng nào bị giới hạn "
            "trong các VLAN cổng đó cần mang: thiết bị ở bất kỳ cổng nào cũng gửi được khung gắn thẻ của VLAN "
            "khác (từ mạng nội bộ vào VLAN khách hoặc ngược lại), và khung không gắn thẻ của mọi cổng đều "
            "thuộc mạng riêng của bridge.",
            "en": "Bridge {bridge} on device {device} has vlan-filtering=no ({where}) and carries VLANs by VLAN "
            "interfaces ({intent}). Tagged frames stay in their VLAN, but no port is limited to the VLANs it "
            "should carry: a host on any port can send frames tagged for another VLAN (from the staff network "
            "into the guest VLAN, or back), and every port's untagged frames are the bridge's own network.",
        },
        "remediation": {
            "vi": "Bật lọc VLAN trên bridge sau khi khai báo đầy đủ bảng VLAN (bridge là thành viên "
            "tagged của mỗi VLAN có interface VLAN; cổng truy cập đặt pvid, frame-types và "
            "ingress-filtering). Thực hiện từ cổng quản trị, có phương án khôi phục (Safe Mode) "
            "vì có thể mất kết nối.",
            "en": "Enable VLAN filtering on the bridge once the VLAN table is complete (the bridge a "
            "tagged member of every VLAN that has a VLAN interface; access ports with pvid, "
            "frame-types and ingress-filtering). Do it from the management port with a way "
            "back (Safe Mode): a mistake locks you out.",
        },
        "snippet": neutral(
            "{snippet.example} (RouterOS):\n"
            "/interface bridge vlan\n"
            "add bridge={bridge} tagged={bridge} vlan-ids={vids}\n"
            "/interface bridge port\n"
            "set [ find interface=<{snippet.access_port}> ] pvid=<vlan> "
            "frame-types=admit-only-untagged-and-priority-tagged ingress-filtering=yes\n"
            "/interface bridge\n"
            "set [ find name={bridge} ] vlan-filtering=yes"
        ),
    },
)
def bridge_no_vlan_filtering(ctx: AuditContext, info: CheckInfo) -> Iterable[Finding]:
    for dev in _routeros(ctx):
        for b in dev.unfiltered_bridges:
            parts, evidence = [], [_cite(b.source, dev, b.name)]
            vids: set[int] = set()
            for v in b.vlan_interfaces:
                parts.append(f"{v.name} vlan-id={v.vlans[0]}")
                evidence.append(v.source.cite())
                vids.update(v.vlans)
            for p in b.pvids:
                parts.append(f"{p.name} pvid={p.vlans[0]}")
                evidence.append(p.source.cite())
                vids.update(p.vlans)
            for t in b.vlan_table:
                parts.append(f"bridge vlan {','.join(map(str, t.vlans))}")
                evidence.append(t.source.cite())
                vids.update(t.vlans)
            fields = {
                "device": dev.hostname,
                "bridge": b.name,
                "where": _where(b.source, dev, b.name),
                "intent": "; ".join(parts),
                "vids": ",".join(map(str, sorted(vids))),
            }
            # Only VLAN interfaces (the APs and switches beyond tag the VLANs): the VLANs are
            # separate while hosts tag as they should — any port may tag any VLAN.  Port
            # pvids or a VLAN table ignored: the ports meant to be apart share one network.
            tagged_only = bool(b.vlan_interfaces) and not b.pvids and not b.vlan_table
            f = info.finding(
                key=f"{dev.hostname}|{b.name}",
                fields=fields,
                devices=[dev.hostname],
                evidence=evidence,
                severity="medium" if tagged_only else None,
                title_key=f"check.{info.id}.tagged.title" if tagged_only else None,
                detail_key=f"check.{info.id}.tagged.detail" if tagged_only else None,
            )
            f.remediation = localized(
                ("check.routeros-bridge-no-vlan-filtering.remediation", fields),
                ("check.routeros-bridge-no-vlan-filtering.snippet", fields),
                sep="\n",
            )
            yield f


@check(
    "routeros-bridge-vlan-hopping",
    "medium",
    [REF_TT12_ZONES, REF_ND331],
    texts={
        "title": {
            "vi": "Cổng bridge RouterOS nhận khung gắn thẻ VLAN mà không lọc (nguy cơ nhảy VLAN)",
            "en": "RouterOS bridge port accepts tagged frames without ingress filtering (VLAN hopping)",
        },
        "detail": {
            "vi": "Trên bridge {bridge} của thiết bị {device}, các cổng {ports} có ingress-filtering "
            "tắt và frame-types cho phép khung gắn thẻ: một máy cắm vào cổng này tự gắn thẻ VLAN "
            "khác (ví dụ VLAN cán bộ hoặc quản trị) là gửi được gói tin vào VLAN đó.",
            "en": "On bridge {bridge} of device {device}, ports {ports} have ingress-filtering off "
            "and frame-types admitting tagged frames: a host on such a port that tags its "
            "frames with another VLAN ID (staff, management) injects packets into that VLAN.",
        },
        "remediation": {
            "vi": "Trên cổng truy cập chỉ nhận khung không gắn thẻ và bật lọc đầu vào.",
            "en": "Make access ports accept untagged frames only and enable ingress filtering.",
        },
        "snippet": neutral(
            "{snippet.example} (RouterOS):\n"
            "/interface bridge port\n"
            "set [ find interface=<{snippet.port}> ] "
            "frame-types=admit-only-untagged-and-priority-tagged ingress-filtering=yes"
        ),
    },
)
def bridge_vlan_hopping(ctx: AuditContext, info: CheckInfo) -> Iterable[Finding]:
    for dev in _routeros(ctx):
        by_bridge: dict[str, list[HoppingPort]] = {}
        for p in _facts(dev).vlan_hopping_ports:
            if not p.tagged:  # trunks carry tags on purpose
                by_bridge.setdefault(p.bridge, []).append(p)
        for bridge, ports in sorted(by_bridge.items()):
            fields = {
                "device": dev.hostname,
                "bridge": bridge,
                "ports": ", ".join(f"{p.port} (pvid {p.pvid})" for p in ports),
            }
            f = info.finding(
                key=f"{dev.hostname}|{bridge}",
                fields=fields,
                devices=[dev.hostname],
                evidence=[p.source.cite() for p in ports],
            )
            f.remediation = localized(
                ("check.routeros-bridge-vlan-hopping.remediation", fields),
                ("check.routeros-bridge-vlan-hopping.snippet", fields),
                sep="\n",
            )
            yield f


# --------------------------------------------------------------------------- services


def _services(dev: Device) -> dict[str, IpService]:
    return _facts(dev).ip_services


def _enabled(cfg: dict[str, IpService], name: str) -> bool:
    s = cfg.get(name)
    return s is not None and s.enabled


def _svc(dev: Device, model: str):
    return next((s for s in dev.services if s.name == model and s.enabled), None)


@check(
    "routeros-insecure-service",
    "medium",
    [REF_TT12_DEVICES, REF_ND331],
    texts={
        "title": {
            "vi": "Dịch vụ quản trị không mã hóa của RouterOS đang bật ({service})",
            "en": "Cleartext RouterOS management service enabled ({service})",
        },
        "detail": {
            "vi": "Thiết bị {device} bật dịch vụ {service} (cổng tcp/{port}, {where}); tên đăng "
            "nhập và mật khẩu truyền không mã hóa.",
            "en": "Device {device} runs {service} (tcp/{port}, {where}); user names and passwords "
            "cross the network unencrypted.",
        },
        "reach_zones": {"vi": "Các vùng truy cập được: {zones}.", "en": "Zones that reach it: {zones}."},
        "reach_none": {
            "vi": "Theo ma trận, không vùng nào truy cập được dịch vụ này.",
            "en": "Per the zone matrix no zone reaches it.",
        },
        "reach_unevaluated": {
            "vi": "Chưa đánh giá khả năng truy cập từ các vùng.",
            "en": "Reachability from zones was not evaluated.",
        },
        "remediation": {
            "vi": "Tắt các dịch vụ không mã hóa; nếu cần API dùng api-ssl, giới hạn address= về vùng quản trị.",
            "en": "Disable the cleartext services; if the API is needed use api-ssl restricted with "
            "address= to the management zone.",
        },
        "snippet": neutral("{snippet.example} (RouterOS):\n/ip service disable {names}"),
    },
)
def insecure_service(ctx: AuditContext, info: CheckInfo) -> Iterable[Finding]:
    """FTP and API (telnet and www belong to mgmt-telnet / mgmt-http-server)."""
    kinds = zone_kinds(ctx)
    for dev in _routeros(ctx):
        cfg = _services(dev)
        insecure_on = [n for n in ("telnet", "ftp", "www", "api") if _enabled(cfg, n)]
        for ros in ("ftp", "api"):
            svc = _svc(dev, ros)
            if svc is None:
                continue
            exp = exposure(ctx, dev, svc)
            reach: tuple[str, dict[str, str]]
            if not exp.evaluated:
                reach = ("check.routeros-insecure-service.reach_unevaluated", {})
            elif exp.reachable:
                reach = ("check.routeros-insecure-service.reach_zones", {"zones": named_list(exp.reachable)})
            elif exp.unknown:  # never "no zone reaches it" while the matrix says unknown
                reach = ("check.mgmt.reach.unknown", {"unknown": ", ".join(exp.unknown)})
            else:
                reach = ("check.routeros-insecure-service.reach_none", {})
            exposed = any(kinds.get(z) in EXPOSED for z in exp.reachable)
            fields = {
                "device": dev.hostname,
                "service": ros,
                "port": svc.ports[0].lo,
                "where": _where(svc.source, dev, f"/ip service {ros} (RouterOS default: enabled)"),
                "names": ",".join(insecure_on),
            }
            f = info.finding(
                key=f"{dev.hostname}|{ros}",
                severity="high" if exposed else None,
                fields=fields,
                devices=[dev.hostname],
                zones=exp.reachable,
                evidence=[_cite(svc.source, dev, f"/ip service {ros} (default)")],
            )
            sentences: list = [reach]
            if svc.partial:  # a file cut short or one menu's export: whether it runs is not known
                sentences.append(("check.mgmt.partial", {"detail": svc.partial}))
                f.proven = False
            f.detail = localized(("check.routeros-insecure-service.detail", fields), *sentences)
            f.remediation = localized(
                ("check.routeros-insecure-service.remediation", fields),
                ("check.routeros-insecure-service.snippet", fields),
                sep="\n",
            )
            yield f


# Services whose missing address= this check reports (ssh/telnet: mgmt-vty-no-access-class).
NO_ADDRESS_SERVICES = ("www", "www-ssl", "ftp", "api", "api-ssl", "winbox")
# /ip service names whose model service is named otherwise
_MODEL_NAMES = {"www": "http", "www-ssl": "https"}


@check(
    "routeros-service-no-address",
    "medium",
    [REF_TT12_DEVICES, REF_ND331],
    texts={
        "title": {
            "vi": "Dịch vụ quản trị RouterOS không giới hạn địa chỉ nguồn (address=)",
            "en": "RouterOS management services without a source restriction (address=)",
        },
        "detail": {
            "vi": "Thiết bị {device} bật các dịch vụ {services} mà không đặt address=: mọi địa chỉ "
            "tới được router đều thử đăng nhập được.",
            "en": "Device {device} runs {services} with no address= restriction: any address that "
            "reaches the router can try to log in.",
        },
        "remediation": {
            "vi": "Giới hạn từng dịch vụ quản trị về dải địa chỉ vùng quản trị; tắt dịch vụ không dùng.",
            "en": "Restrict each management service to the management zone's range; disable the "
            "services that are not used.",
        },
        "snippet": neutral("{snippet.example} (RouterOS):\n{lines}"),
    },
)
def service_no_address(ctx: AuditContext, info: CheckInfo) -> Iterable[Finding]:
    for dev in _routeros(ctx):
        cfg = _services(dev)
        open_ = [n for n in NO_ADDRESS_SERVICES if _enabled(cfg, n) and not cfg[n].address]
        if not open_:
            continue
        lines = "\n".join(f"/ip service set {n} address=10.10.99.0/24" for n in open_)
        fields = {"device": dev.hostname, "services": ", ".join(open_), "lines": lines}
        evidence = [_cite(cfg[n].source, dev, f"/ip service {n} (RouterOS default)") for n in open_]
        f = info.finding(key=dev.hostname, fields=fields, devices=[dev.hostname], evidence=evidence)
        # a file cut short or one menu's export: the /ip service lines may be missing
        model = {_MODEL_NAMES.get(n, n) for n in open_}
        why = next((s.partial for s in dev.services if s.partial and s.name in model), None)
        if why:
            f.detail = localized(
                ("check.routeros-service-no-address.detail", fields), ("check.mgmt.partial", {"detail": why})
            )
            f.proven = False
        f.remediation = localized(
            ("check.routeros-service-no-address.remediation", fields),
            ("check.routeros-service-no-address.snippet", fields),
            sep="\n",
        )
        yield f


@check(
    "routeros-winbox-from-guest",
    "critical",
    [REF_TT12_DEVICES, REF_TT12_ZONES, REF_ND331],
    texts={
        "title": {
            "vi": "Winbox (quản trị RouterOS) truy cập được từ vùng khách/Internet",
            "en": "Winbox (RouterOS administration) reachable from a guest/Internet zone",
        },
        "detail": {
            "vi": "Theo ma trận truy cập, dịch vụ Winbox (tcp/{port}) của thiết bị {device} nhận "
            "được kết nối từ vùng {zones} ({where}). Winbox cho toàn quyền quản trị router và "
            "là mục tiêu tấn công phổ biến (CVE-2018-14847).",
            "en": "Per the zone matrix, device {device} accepts Winbox (tcp/{port}) connections "
            "from zone(s) {zones} ({where}). Winbox gives full control of the router and is a "
            "common attack target (CVE-2018-14847).",
        },
        "allowlisted": {
            "vi": "Từ vùng {zone}, chỉ {addresses} truy cập được — có vẻ là địa chỉ cố định của người quản "
            "trị: cần xác nhận đúng như vậy và không ai khác dùng được các địa chỉ này.",
            "en": "From zone {zone} only {addresses} can reach it — apparently the administrators' fixed "
            "addresses: confirm that they are, and that nobody else can use them.",
        },
        "remediation": {
            "vi": "Giới hạn Winbox về vùng quản trị và chặn vùng khách truy cập router (chỉ cho DNS, "
            "DHCP) trong chain input.",
            "en": "Restrict Winbox to the management zone and drop the guest zone's traffic to the "
            "router (DNS and DHCP only) in the input chain.",
        },
        "snippet": neutral(
            "{snippet.example} (RouterOS):\n"
            "/ip service set winbox address=10.10.99.0/24\n"
            "/ip firewall filter\n"
            "add chain=input in-interface-list=GUEST protocol=udp dst-port=53,67 action=accept\n"
            "add chain=input in-interface-list=GUEST action=drop\n"
            "# ({snippet.place_before_accept})"
        ),
    },
)
def winbox_from_guest(ctx: AuditContext, info: CheckInfo) -> Iterable[Finding]:
    kinds = zone_kinds(ctx)
    for dev in _routeros(ctx):
        svc = _svc(dev, "winbox")
        if svc is None:
            continue
        exp = exposure(ctx, dev, svc)
        zones = [z for z in exp.reachable if kinds.get(z) in EXPOSED]
        if not zones:
            continue
        # An Internet zone that reaches Winbox only from a few addresses is an allowlist
        # (an administrator's fixed address), not the whole Internet: medium, the addresses named.
        allowlisted = {
            z: few
            for z in zones
            if kinds.get(z) == "external" and z in exp.delivered
            for few in [few_sources(ctx, exp.delivered[z])]
            if few
        }
        fields = {
            "device": dev.hostname,
            "port": svc.ports[0].lo,
            "zones": named_list(zones),
            "where": _where(svc.source, dev, "/ip service winbox (RouterOS default: enabled, no address)"),
        }
        f = info.finding(
            key=dev.hostname,
            severity="medium" if len(allowlisted) == len(zones) else None,
            fields=fields,
            devices=[dev.hostname],
            zones=zones,
            evidence=[_cite(svc.source, dev, "/ip service winbox (default)")],
        )
        if allowlisted:
            f.detail = localized(
                ("check.routeros-winbox-from-guest.detail", fields),
                *[
                    ("check.routeros-winbox-from-guest.allowlisted", {"zone": z, "addresses": ", ".join(few)})
                    for z, few in allowlisted.items()
                ],
            )
        f.remediation = localized(
            ("check.routeros-winbox-from-guest.remediation", fields),
            ("check.routeros-winbox-from-guest.snippet", fields),
            sep="\n",
        )
        yield f


# --------------------------------------------------------------------------- accounts


@check(
    "routeros-default-admin",
    "medium",
    [REF_TT12_DEVICES, REF_ND331],
    texts={
        "title": {
            "vi": "Tài khoản mặc định admin của RouterOS vẫn được sử dụng",
            "en": "RouterOS factory account admin still in use",
        },
        "detail": {
            "vi": "Cấu hình của thiết bị {device} có tài khoản admin ({where}){nopw}. Tên tài khoản "
            "mặc định là mục tiêu đầu tiên của tấn công dò mật khẩu.",
            "en": "The configuration of device {device} has the account admin ({where}){nopw}. The "
            "factory account name is the first target of password guessing.",
        },
        "nopw": {"vi": " và không đặt mật khẩu", "en": " with no password set"},
        "remediation": {
            "vi": "Tạo tài khoản quản trị riêng với mật khẩu mạnh, rồi xóa tài khoản admin.",
            "en": "Create a named administrator account with a strong password, then remove admin.",
        },
        "snippet": neutral(
            "{snippet.example} (RouterOS):\n"
            "/user add name=<{snippet.admin_name}> group=full password=<{snippet.strong_password}>\n"
            "/user remove admin"
        ),
    },
)
def default_admin(ctx: AuditContext, info: CheckInfo) -> Iterable[Finding]:
    for dev in _routeros(ctx):
        users = [u for u in _facts(dev).users if u.name == "admin" and not u.renamed_from_admin]
        if not users:
            continue
        u = users[-1]
        nopw = not any(x.password for x in users)
        fields = {"device": dev.hostname, "where": _where(u.source, dev, "/user admin"), "nopw": ""}
        f = info.finding(
            key=dev.hostname,
            severity="high" if nopw else None,
            fields=fields,
            devices=[dev.hostname],
            evidence=[u.source.cite()],
        )
        if nopw:
            f.detail = {
                lang: messages.t(
                    "check.routeros-default-admin.detail",
                    lang,
                    **{**fields, "nopw": messages.t("check.routeros-default-admin.nopw", lang)},
                )
                for lang in messages.LANGS
            }
        f.remediation = localized(
            ("check.routeros-default-admin.remediation", fields),
            ("check.routeros-default-admin.snippet", fields),
            sep="\n",
        )
        yield f


# --------------------------------------------------------------------------- L2 discovery


def _facing(ctx: AuditContext, dev: Device) -> dict[str, list[str]]:
    """Interface of ``dev`` -> names of guest/external zones whose L2 domain it sits in."""
    out: dict[str, list[str]] = {}
    for z in ctx.zones:
        if z.kind not in EXPOSED:
            continue
        for did in z.domains:
            dom = ctx.topology.domains.get(did)
            if dom is None:
                continue
            for d, ifn in dom.l3:
                if d == dev.hostname:
                    out.setdefault(ifn, []).append(z.name)
    return out


def _list_members(dev: Device, lst: str) -> set[str]:
    """The interfaces of interface list ``lst`` on ``dev`` (``all``/``static``/``none`` built
    in), with those RouterOS may add to it at run time (Detect Internet)."""
    if lst == "all" or lst == "static":
        return set(dev.interfaces)
    if lst == "none":
        return set()
    more = _facts(dev).runtime_list_members.get(lst, [])
    if more is None:
        return set(dev.interfaces)
    return set(dev.interface_lists.get(lst, ())) | set(more)


@check(
    "routeros-neighbor-discovery",
    "low",
    [REF_TT12_DEVICES, REF_ND331],
    texts={
        "title": {
            "vi": "RouterOS quảng bá thông tin thiết bị / cho phép MAC-Winbox trên vùng khách hoặc Internet",
            "en": "RouterOS discovery or MAC access enabled toward guest/Internet zones",
        },
        "detail": {
            "vi": "Trên thiết bị {device}, {what} đang bật trên các interface {ifaces} (hướng tới vùng "
            "{zones}): người dùng vùng này thấy được tên, phiên bản, địa chỉ của router, hoặc "
            "đăng nhập qua MAC-Telnet/MAC-Winbox không cần địa chỉ IP.",
            "en": "On device {device}, {what} is active on interfaces {ifaces} (facing zone(s) "
            "{zones}): users there see the router's identity, version and addresses, or can "
            "log in with MAC-Telnet/MAC-Winbox without IP.",
        },
        "remediation": {
            "vi": "Chỉ bật neighbor discovery và MAC server trên danh sách interface quản trị.",
            "en": "Limit neighbor discovery and the MAC server to the management interface list.",
        },
        "snippet": neutral(
            "{snippet.example} (RouterOS):\n"
            "/interface list add name=MGMT\n"
            "/interface list member add interface=<{snippet.mgmt_vlan}> list=MGMT\n"
            "/ip neighbor discovery-settings set discover-interface-list=MGMT\n"
            "/tool mac-server set allowed-interface-list=MGMT\n"
            "/tool mac-server mac-winbox set allowed-interface-list=MGMT"
        ),
    },
)
def neighbor_discovery(ctx: AuditContext, info: CheckInfo) -> Iterable[Finding]:
    for dev in _routeros(ctx):
        facing = _facing(ctx, dev)
        if not facing:
            continue
        what, ifaces, zones, evidence = [], set(), set(), []
        facts = _facts(dev)
        nd = facts.neighbor_discovery
        hit = set(nd.interfaces) & set(facing) if nd is not None else set()
        if nd is not None and hit:
            what.append("neighbor discovery (MNDP/CDP/LLDP)")
            ifaces |= hit
            evidence.append(_cite(nd.source, dev, "/ip neighbor discovery-settings (default: all static interfaces)"))
        for kind, label in (("mac-telnet", "MAC-Telnet"), ("mac-winbox", "MAC-Winbox")):
            for entry in facts.mac_server.get(kind, []):
                if entry.interface_list is not None:
                    m = _list_members(dev, entry.interface_list)
                else:
                    if entry.disabled:
                        continue
                    m = set(dev.interfaces) if entry.interface == "all" else {entry.interface}
                h = m & set(facing)
                if h:
                    what.append(label)
                    ifaces |= h
                    evidence.append(_cite(entry.source, dev, f"/tool mac-server {kind} (default: all interfaces)"))
        if not what:
            continue
        for i in ifaces:
            zones.update(facing[i])
        fields = {
            "device": dev.hostname,
            "what": ", ".join(dict.fromkeys(what)),
            "ifaces": ", ".join(sorted(ifaces)),
            "zones": named_list(sorted(zones)),
        }
        f = info.finding(
            key=dev.hostname, fields=fields, devices=[dev.hostname], zones=sorted(zones), evidence=evidence
        )
        f.remediation = localized(
            ("check.routeros-neighbor-discovery.remediation", fields),
            ("check.routeros-neighbor-discovery.snippet", fields),
            sep="\n",
        )
        yield f


# --------------------------------------------------------------------------- firewall

_DENY_ACTIONS = frozenset({"drop", "reject", "tarpit"})
# Lists named for the Internet side: the device's Internet exits are proposed as members.
_INTERNET_LIST_NAMES = ("WAN", "INTERNET")


@check(
    "routeros-rule-empty-interface-list",
    "low",
    [REF_TT12_ZONES, REF_ND331],
    texts={
        "title": {
            "vi": "Quy tắc tường lửa RouterOS dùng danh sách giao diện không có thành viên: quy tắc không khớp "
            "gói tin nào",
            "en": "RouterOS firewall rule names an interface list with no member: it matches no packet",
        },
        "detail": {
            "vi": "Quy tắc {where} trên thiết bị {device} (bảng {table}, chain {chain}) chỉ áp dụng cho gói tin "
            "{direction} danh sách giao diện {list}, nhưng danh sách này không có giao diện nào ({list_where}): "
            "không có mục /interface list member nào, cũng không có hồ sơ PPP đang dùng hay thiết lập Detect "
            "Internet nào đưa giao diện vào danh sách khi đang chạy. Quy tắc này không khớp với gói tin nào. "
            "{consequence}",
            "en": "Rule {where} on device {device} (table {table}, chain {chain}) applies only to packets "
            "{direction} interface list {list}, but that list has no interface ({list_where}): no /interface "
            "list member entry, and no PPP profile in use nor Detect Internet setting puts one in it at run "
            "time. The rule matches no packet. {consequence}",
        },
        "dir.in-interface-list": {"vi": "đi vào qua một giao diện thuộc", "en": "arriving on an interface of"},
        "dir.out-interface-list": {"vi": "đi ra qua một giao diện thuộc", "en": "leaving by an interface of"},
        "list_nowhere": {"vi": "không rõ dòng khai báo", "en": "declared nowhere in the export"},
        "deny": {
            "vi": "Đây là quy tắc chặn (action={action}): lớp bảo vệ mà quy tắc được viết ra để tạo không tồn "
            "tại — các gói tin lẽ ra bị chặn ở đây do các quy tắc phía sau quyết định, hoặc được chain chấp nhận "
            "theo mặc định.",
            "en": "It is a blocking rule (action={action}): the protection it was written for does not exist — "
            "the packets it was meant to stop are decided by the later rules, or accepted by the chain's default.",
        },
        "nat": {
            "vi": "Quy tắc NAT này (action={action}) không dịch địa chỉ của gói tin nào.",
            "en": "This NAT rule (action={action}) translates no packet.",
        },
        "other": {
            "vi": "Các gói tin mà quy tắc định xử lý (action={action}) do các quy tắc phía sau quyết định.",
            "en": "The packets it was meant to handle (action={action}) are decided by the later rules.",
        },
        "remediation": {
            "vi": "Thêm (các) giao diện mà quy tắc nhắm tới vào danh sách {list} bằng /interface list member, "
            "hoặc sửa quy tắc cho đúng danh sách; sau đó kiểm tra lại.",
            "en": "Add the interface(s) the rule is meant for to list {list} with /interface list member, or "
            "correct the rule's list; then audit again.",
        },
        "exits": {
            "vi": "Các lối ra Internet của thiết bị: {exits}.",
            "en": "The device's Internet exits: {exits}.",
        },
        "exit.default-route": {"vi": "{iface} (tuyến mặc định)", "en": "{iface} (default route)"},
        "exit.runtime-default-route": {
            "vi": "{iface} (tuyến mặc định nhận khi đang chạy)",
            "en": "{iface} (default route received at run time)",
        },
        "exit.interface-nat": {"vi": "{iface} (NAT nguồn masquerade)", "en": "{iface} (source NAT masquerade)"},
        "exit.other": {"vi": "{iface} (lối ra Internet)", "en": "{iface} (Internet exit)"},
        "snippet": neutral(
            "{snippet.example} (RouterOS):\n/interface list member\nadd interface=<{snippet.interface}> list={list}"
        ),
        "snippet_exits": neutral("{snippet.example} (RouterOS):\n/interface list member\n{lines}"),
    },
)
def rule_empty_interface_list(ctx: AuditContext, info: CheckInfo) -> Iterable[Finding]:
    """Enabled filter, raw and NAT rules whose ``in-interface-list`` / ``out-interface-list``
    (not negated) is a list with no member, none possible at run time (PPP profiles, Detect
    Internet: the parser's ``RouterOSFacts.empty_list_rules``).  They match no packet; the
    finding names the rule line (and the list's), the root cause a technician fixes.

    Severity: **medium** for a drop, reject or tarpit — a protection the administrator
    wrote and believes in does not exist, as a shadowed deny that never happens
    (``shadowed-acl-line``); **low** for the others (an accept or a NAT rule that does
    nothing).  Not higher: what the missing protection lets through is judged on its own,
    as flows of the zone matrix with their own severity (the Internet reaching the LAN is
    critical there), and another rule may stop what this one does not — the matrix says
    which; this finding is the cause, not the exposure."""
    for dev in _routeros(ctx):
        facts = _facts(dev)
        if not facts.empty_list_rules:
            continue
        device_exits = [e for e in exits(ctx.topology) if e.device == dev.hostname] if ctx.topology is not None else []
        for r in facts.empty_list_rules:
            yield _empty_list_finding(info, dev, r, device_exits)


def _empty_list_finding(info: CheckInfo, dev: Device, r: EmptyListRule, device_exits: list) -> Finding:
    cid = info.id
    deny = r.table != "nat" and r.action in _DENY_ACTIONS
    consequence = "deny" if deny else ("nat" if r.table == "nat" else "other")
    fields = {
        "device": dev.hostname,
        "where": _where(r.source, dev, ""),
        "table": r.table,
        "chain": r.chain,
        "list": r.list,
        "direction": Text(f"check.{cid}.dir.{r.key}"),
        "list_where": Text(f"check.{cid}.list_nowhere") if r.list_source is None else _where(r.list_source, dev, ""),
        "consequence": Text(f"check.{cid}.{consequence}", action=r.action),
    }
    evidence = [r.source.cite()] + ([r.list_source.cite()] if r.list_source is not None else [])
    f = info.finding(
        key=f"{dev.hostname}|{r.source.file}:{r.source.line}|{r.key}",
        severity="medium" if deny else None,
        fields=fields,
        devices=[dev.hostname],
        evidence=evidence,
    )
    # The device's Internet exits, proposed as members of a list named for the Internet
    # side only: added to another list (LAN, GUEST) they would open what its rules guard.
    named = dict.fromkeys(e.interface for e in device_exits)
    if not named or not any(w in r.list.upper() for w in _INTERNET_LIST_NAMES):
        f.remediation = localized((f"check.{cid}.remediation", fields), (f"check.{cid}.snippet", fields), sep="\n")
        return f
    words = tuple(Text(_exit_key(cid, e.why), iface=e.interface) for e in device_exits)
    lines = "\n".join(f"add interface={iface} list={r.list}" for iface in named)
    f.remediation = {
        lang: messages.t(f"check.{cid}.remediation", lang, **fields)
        + " "
        + Text(f"check.{cid}.exits", exits=words).render(lang)
        + "\n"
        + messages.t(f"check.{cid}.snippet_exits", lang, lines=lines)
        for lang in messages.LANGS
    }
    return f


def _exit_key(cid: str, why: str) -> str:
    """The catalogue words for an Internet exit found by ``why`` (:class:`~netaudit.topology.Exit`)."""
    key = f"check.{cid}.exit.{why}"
    return key if key in messages.CATALOGUE else f"check.{cid}.exit.other"
