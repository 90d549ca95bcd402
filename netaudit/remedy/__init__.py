"""``netaudit fix``: one verified change set per device (docs/remedy.md).

audit → :mod:`.plan` (what must change, vendor-neutral, merged per device) → the vendor
module ``netaudit/remedy/<registry id>.py`` (the change set in the vendor's syntax, its
rollback, safety notes, and the same change applied to a copy of the configuration text)
→ :mod:`.prove` (the patched copies parsed and audited again: which findings close, which
do not and why, and that every flow the policy allows still flows — a device whose change
set would break one is withdrawn, not proposed).

Like the blueprint, this sits beside the audit: it writes inputs and audits them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import import_module
from types import ModuleType

from .plan import Block, DevicePlan, Plan, Restrict, Unfixable, derive

__all__ = ["Block", "DevicePlan", "Plan", "Rendered", "Restrict", "Unfixable", "derive", "vendor_module"]


@dataclass
class Rendered:
    """A device's change set as its vendor writes it."""

    change_set: str  # the commands, in order
    patched: str  # the configuration text with the change applied (what `fix/after/` holds)
    rollback: str  # the commands that undo it
    notes: list[dict[str, str]] = field(default_factory=list)  # safety notes {vi, en}
    # Findings the change set addresses but cannot close, and why ({vi, en}): the README
    # says so instead of "no configuration change" (docs/remedy.md).
    left: dict[str, dict[str, str]] = field(default_factory=dict)


# Vendors with a change-set generator (registry id -> module).
VENDORS = {
    "cisco_ios": "netaudit.remedy.cisco_ios",
    "cisco_asa": "netaudit.remedy.cisco_asa",
    "fortinet_fortios": "netaudit.remedy.fortinet_fortios",
    "mikrotik_routeros": "netaudit.remedy.mikrotik_routeros",
    "linux": "netaudit.remedy.linux",
    "openwrt": "netaudit.remedy.openwrt",
    "huawei_vrp": "netaudit.remedy.huawei_vrp",
    "ruijie_rgos": "netaudit.remedy.ruijie_rgos",
    "h3c_comware": "netaudit.remedy.h3c_comware",
    "juniper_junos": "netaudit.remedy.juniper_junos",
}


def vendor_module(vendor: str) -> ModuleType | None:
    """The change-set generator of ``vendor`` (``render(plan, device, text) -> Rendered``),
    None when there is none (its findings are listed as not fixed by the plan)."""
    name = VENDORS.get(vendor)
    if name is None:
        return None
    try:
        return import_module(name)
    except ModuleNotFoundError:
        return None
