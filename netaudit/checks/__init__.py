"""Check registry.

A check is one function registered with :func:`check`: its stable id, severity,
bilingual title and remediation (message-catalogue entries), and references.  It
receives the :class:`AuditContext` and yields :class:`Finding` objects.  Adding a
check is one function in a module of this package plus its line in
:data:`CHECK_MODULES` (and, for a vendor's own module, in :data:`VENDOR_CHECK_MODULES`).
Check modules never import each other: what they share lives in :mod:`.evidence`, a
library.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from importlib import import_module
from typing import TYPE_CHECKING

from .. import messages
from ..headerspace import HeaderSpace
from ..model import Device, ParseReport
from ..topology import Topology
from ..vocabulary import SEVERITIES, SEVERITY_RANK
from ..zones import PlacedZone, Site

if TYPE_CHECKING:
    from ..live.merge import Live
    from ..reach import Cell, Engine

CHECK_MODULES = [
    "netaudit.checks.segmentation",
    "netaudit.checks.config",
    "netaudit.checks.management",
    "netaudit.checks.cisco_ios",
    "netaudit.checks.cisco_asa",
    "netaudit.checks.mikrotik_routeros",
    "netaudit.checks.fortinet_fortios",
    "netaudit.checks.openwrt",
    "netaudit.checks.linux",
    "netaudit.checks.huawei_vrp",
    "netaudit.checks.ruijie_rgos",
    "netaudit.checks.h3c_comware",
    "netaudit.checks.juniper_junos",
    "netaudit.checks.live",
]

# The modules above that are one vendor's own, by vendor id (``Device.vendor``): its
# checks, which look at that vendor's devices only, and the remediation snippets in its
# commands that the vendor-neutral checks add for its devices.  An audit imports those of
# the vendors it has devices of (:func:`run_checks`) — with them their facts' classes and
# texts: what the others would yield is nothing, and loading them was about 5 % of the
# instructions of a whole one-vendor audit.
VENDOR_CHECK_MODULES = {
    "cisco_ios": "netaudit.checks.cisco_ios",
    "cisco_asa": "netaudit.checks.cisco_asa",
    "mikrotik_routeros": "netaudit.checks.mikrotik_routeros",
    "fortinet_fortios": "netaudit.checks.fortinet_fortios",
    "openwrt": "netaudit.checks.openwrt",
    "linux": "netaudit.checks.linux",
    "huawei_vrp": "netaudit.checks.huawei_vrp",
    "ruijie_rgos": "netaudit.checks.ruijie_rgos",
    "h3c_comware": "netaudit.checks.h3c_comware",
    "juniper_junos": "netaudit.checks.juniper_junos",
}

# Legal references, cited by checks (regulation.md §1).
REF_TT12_ZONES = "TT 12/2022/TT-BTTTT, Phụ lục, Mục II.1.a (phân vùng mạng)"
REF_TT12_DEVICES = "TT 12/2022/TT-BTTTT, Phụ lục, Mục II.2 (bảo vệ thiết bị hệ thống, TCVN 11930:2017)"
# Decree 331 Art 27.2.c–đ: the inspection checks the configuration and the hardening of
# the system's devices (docs/report.md, "Compliance evaluation"); TCVN 14423:2026 only as the group it files
# network infrastructure under, its sub-clauses being known from paraphrase only.
REF_ND331 = (
    "Nghị định 331/2026/NĐ-CP, Điều 27.2.c–đ (kiểm tra cấu hình, tăng cường bảo mật thiết bị); "
    "TCVN 14423:2026 (tham khảo), nhóm Quản lý hạ tầng mạng"
)


@dataclass
class AuditContext:
    """Everything a check may look at (read-only)."""

    devices: list[Device]
    reports: list[ParseReport]
    topology: Topology
    site: Site
    zones: list[PlacedZone]
    matrix: list[Cell]  # with .expectation attached by the audit
    hs: HeaderSpace
    engine: Engine | None = None  # for witnesses of a chosen packet subset
    live: Live | None = None  # live evidence merged with the matrix (netaudit/live/merge.py)
    live_only: bool = False  # no configurations: the matrix comes from probes alone (audit.run_live_only)

    @cached_property
    def zone_kinds(self) -> dict[str, str]:
        """Zone name → kind (checks ask for every cell)."""
        return {z.name: z.kind for z in self.zones}


@dataclass
class Finding:
    check: str
    severity: str
    title: dict[str, str]
    detail: dict[str, str]
    remediation: dict[str, str]
    references: list[str]
    zones: list[str] = field(default_factory=list)
    devices: list[str] = field(default_factory=list)
    evidence: list[dict] = field(default_factory=list)
    witness: dict | None = None
    key: str = ""  # what makes this finding distinct within its check
    # False when it rests on something not fully understood (a partial service: a file cut
    # short in its `line vty`): said, never a ground for "fail" (docs/report.md).
    proven: bool = True

    @property
    def id(self) -> str:
        digest = hashlib.sha256(f"{self.check}|{self.key}".encode()).hexdigest()[:10]
        return f"{self.check}:{digest}"

    def to_json(self) -> dict:
        out: dict[str, object] = {
            "id": self.id,
            "check": self.check,
            "severity": self.severity,
            "title": self.title,
            "detail": self.detail,
            "zones": self.zones,
            "devices": self.devices,
            "evidence": [messages.with_text(e, "text") for e in self.evidence],  # a default's sentence: text_text
            "remediation": self.remediation,
            "references": self.references,
        }
        if self.witness is not None:
            out["witness"] = self.witness
        if not self.proven:
            out["proven"] = False
        return out


@dataclass
class CheckInfo:
    id: str
    severity: str
    references: list[str]
    func: Callable[[AuditContext, CheckInfo], Iterable[Finding]]

    def finding(
        self,
        *,
        key: str,
        severity: str | None = None,
        detail_key: str | None = None,
        fields: dict | None = None,
        title_key: str | None = None,
        **kw,
    ) -> Finding:
        """A finding with this check's catalogue title/remediation and a detail sentence."""
        fields = fields or {}
        return Finding(
            check=self.id,
            severity=severity or self.severity,
            title=messages.both(title_key or f"check.{self.id}.title", **fields),
            detail=messages.both(detail_key or f"check.{self.id}.detail", **fields),
            remediation=messages.both(f"check.{self.id}.remediation", **fields),
            references=list(self.references),
            key=key,
            **kw,
        )


REGISTRY: dict[str, CheckInfo] = {}


def check(id: str, severity: str, references: list[str], texts: dict[str, dict[str, str]]):
    """Register a check.  ``texts`` holds its catalogue entries: ``title``, ``detail``,
    ``remediation`` (and any extra keys), each ``{"vi": …, "en": …}``."""
    if severity not in SEVERITIES:
        raise ValueError(severity)

    def deco(func):
        if id in REGISTRY:
            raise ValueError(f"check {id} registered twice")
        messages.register({f"check.{id}.{k}": v for k, v in texts.items()})
        REGISTRY[id] = CheckInfo(id, severity, references, func)
        return func

    return deco


def load_checks(vendors: Collection[str] | None = None) -> dict[str, CheckInfo]:
    """Import the check modules (:data:`CHECK_MODULES`, in that order) and return the
    registry.  With ``vendors``, a vendor's own module (:data:`VENDOR_CHECK_MODULES`) is
    imported only for the vendor ids in it; the registry may still hold other vendors'
    checks imported before (by an earlier audit in the same process), which find nothing
    on devices not of their vendor."""
    left_out = set() if vendors is None else {m for v, m in VENDOR_CHECK_MODULES.items() if v not in vendors}
    for m in CHECK_MODULES:
        if m not in left_out:
            import_module(m)
    return REGISTRY


def run_checks(ctx: AuditContext) -> list[Finding]:
    """All findings, most severe first, deterministic order (the order of the checks
    does not matter: the sort key orders every two findings of different checks, and a
    check yields its own in its own order)."""
    out: list[Finding] = []
    for info in load_checks({d.vendor for d in ctx.devices}).values():
        out.extend(info.func(ctx, info))
    out.sort(key=lambda f: (SEVERITY_RANK[f.severity], f.check, f.key))
    return out
