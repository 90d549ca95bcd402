"""What check modules share (a library, not a check module: it registers no check).

* Bilingual text built from several catalogue entries: :func:`localized`,
  :func:`vendor_remediation`.
* Packet sets of a device's own addresses and of a management service:
  :func:`device_addresses`, :func:`service_packets`.
* What the zone matrix says about one service: :func:`exposure` (which zones reach it,
  which may) and :func:`zone_kinds`.

Reachability statements come from the zone matrix only: a check lowers a severity
only when the matrix proves that no zone reaches the service, and raises it only when
the matrix proves that one does.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from netaddr import IPAddress, iprange_to_cidrs

from .. import messages
from ..headerspace import HeaderSpace, service_match
from ..messages import named_list
from ..model import Device, MgmtService
from ..reach import REACHABLE, UNKNOWN
from ..vocabulary import DEVICES_ZONE
from . import AuditContext

# Sentences about reachability, shared by the management checks.
messages.register(
    {
        "check.mgmt.reach.zones": {
            "vi": "Các vùng mạng truy cập được tới dịch vụ này: {zones}.",
            "en": "Zones that can reach this service: {zones}.",
        },
        "check.mgmt.reach.unknown": {
            "vi": "Chưa xác định được khả năng truy cập tới dịch vụ này từ các vùng: {unknown}.",
            "en": "Whether these zones can reach the service could not be determined: {unknown}.",
        },
        "check.mgmt.reach.none": {
            "vi": "Theo ma trận truy cập, dịch vụ đang bật nhưng không vùng mạng nào truy cập được tới.",
            "en": "Per the zone matrix the service is enabled but not reachable from any zone.",
        },
        "check.mgmt.partial": {
            "vi": "Cấu hình của dịch vụ này chưa được hiểu đầy đủ, nên điều trên chưa được chứng minh: {detail}.",
            "en": "This service's configuration is not fully understood, so the above is not proven: {detail}.",
        },
        "check.mgmt.reach.unevaluated": {
            "vi": "Chưa đánh giá được khả năng truy cập giữa các vùng mạng (không có vùng mạng nào "
            "được khai báo hoặc suy đoán).",
            "en": "Reachability from zones was not evaluated (no zone was declared or inferred).",
        },
    }
)


# --------------------------------------------------------------------------- text


def localized(*parts: tuple[str, dict], sep: str = " ") -> dict[str, str]:
    """{lang: text} joining catalogue entries ``(key, fields)`` language by language."""
    return {lang: sep.join(messages.t(key, lang, **fields) for key, fields in parts) for lang in messages.LANGS}


def vendor_remediation(check_id: str, vendor: str, fields: dict, variant: str = "", sep: str = "\n") -> dict[str, str]:
    """The check's remediation sentence plus its config snippet for ``vendor``, if the
    catalogue has one (``check.<id>.snippet.<vendor>[.<variant>]``), after ``sep``.

    A snippet is a :func:`~netaudit.messages.neutral` entry: its commands written once,
    the words a language changes (heading, comments, placeholders) ``{snippet.<name>}``
    fields from ``catalogue/snippets.py``."""
    parts = [(f"check.{check_id}.remediation", fields)]
    base = f"check.{check_id}.snippet.{vendor}"
    for key in (f"{base}.{variant}" if variant else None, base):
        if key and key in messages.CATALOGUE:
            parts.append((key, fields))
            break
    return localized(*parts, sep=sep)


# --------------------------------------------------------------------------- packet sets


def service_packets(hs: HeaderSpace, svc: MgmtService):
    """Packets addressed to ``svc``'s protocol and ports (any address)."""
    u = hs.eq("proto", svc.protocol)
    if svc.ports:
        u &= hs.ports("dst_port", svc.ports)
    if svc.icmp_type is not None:
        u &= hs.eq("icmp_type", svc.icmp_type)
    return u


def device_addresses(hs: HeaderSpace, dev: Device, only: frozenset[str] | None = None, engine=None):
    """Destination-address set of ``dev``'s own addresses (on ``only`` interfaces if given),
    with the representatives of its run-time addresses when the engine is given."""
    u = hs.false
    runtime = getattr(engine, "runtime_address", {})
    for itf in dev.interfaces.values():
        if not itf.shutdown and (only is None or itf.name in only):
            for a in itf.owns():
                u |= hs.eq("dst_ip", int(a.ip))
            if (dev.hostname, itf.name) in runtime:
                u |= hs.eq("dst_ip", runtime[(dev.hostname, itf.name)])
    return u


# --------------------------------------------------------------------------- the matrix per service


@dataclass
class Exposure:
    """Which zones reach one service according to the zone matrix."""

    reachable: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)
    evaluated: bool = False
    # reachable zone -> its packets the service receives, where the cell carries packet sets
    delivered: dict[str, object] = field(default_factory=dict)

    def sentences(self) -> list[tuple[str, dict]]:
        """Catalogue keys (with fields) describing this exposure."""
        # The reachable zones are the finding's zones (cut in the sentence); unknown ones are not.
        fields = {"zones": named_list(self.reachable), "unknown": ", ".join(self.unknown)}
        if not self.evaluated:
            return [("check.mgmt.reach.unevaluated", fields)]
        out = [("check.mgmt.reach.zones", fields)] if self.reachable else []
        if self.unknown:
            out.append(("check.mgmt.reach.unknown", fields))
        return out or [("check.mgmt.reach.none", fields)]


def _services_set(hs: HeaderSpace, services: list[str]):
    u = hs.false
    for s in services:
        try:
            u |= hs.match(service_match(s))
        except ValueError:
            return hs.true  # unreadable: cannot rule anything out
    return u


def _hits(hs: HeaderSpace, packets, target, services: list[str]) -> bool:
    if packets is not None:
        return (packets & target) != hs.false
    return (_services_set(hs, services) & target) != hs.false


def exposure(ctx: AuditContext, dev: Device, svc: MgmtService) -> Exposure:
    """Zones whose matrix cell to ``@devices`` delivers packets to this service.

    Uses the cell's delivered / maybe packet sets when present (exact: restricted to
    this device's addresses), otherwise its ``services`` strings."""
    hs = ctx.hs
    target = service_packets(hs, svc)
    addrs = device_addresses(hs, dev, svc.interfaces, ctx.engine)
    out = Exposure()
    for cell in ctx.matrix:
        if cell.dst != DEVICES_ZONE:
            continue
        out.evaluated = True
        certain = cell.delivered & addrs if cell.delivered is not None else None
        maybe = cell.maybe & addrs if cell.maybe is not None else None
        if cell.verdict == REACHABLE and _hits(hs, certain, target, cell.services):
            out.reachable.append(cell.src)
            if certain is not None:
                out.delivered[cell.src] = certain & target
        elif _maybe_hits(hs, cell, maybe, target):
            out.unknown.append(cell.src)
    out.reachable.sort()
    out.unknown = sorted(set(out.unknown) - set(out.reachable))
    return out


# At most this many source addresses make an allowlist (a /28 of an office's fixed block).
ALLOWLIST_MAX = 16


def few_sources(ctx: AuditContext, packets) -> list[str]:
    """The source addresses of ``packets`` as CIDR blocks when they are at most
    ``ALLOWLIST_MAX`` addresses (an allowlist), else nothing."""
    spans = ctx.hs.values(packets, "src_ip")
    if not spans or sum(hi - lo + 1 for lo, hi in spans) > ALLOWLIST_MAX:
        return []
    blocks = [c for lo, hi in spans for c in iprange_to_cidrs(IPAddress(lo), IPAddress(hi))]
    return [str(c.ip) if c.size == 1 else str(c) for c in blocks]


def _maybe_hits(hs: HeaderSpace, cell, maybe, target) -> bool:
    """Whether the cell's uncertain packets may reach the service."""
    if maybe is not None:
        return (maybe & target) != hs.false
    if cell.verdict != UNKNOWN:
        return False
    return not cell.services or _hits(hs, None, target, cell.services)


def zone_kinds(ctx: AuditContext) -> dict[str, str]:
    """Zone name → kind, from the placed zones and the site file."""
    kinds = {z.name: z.kind for z in ctx.site.zones}
    kinds.update({z.name: z.kind for z in ctx.zones})
    return kinds
