"""OpenWrt change sets (docs/remedy.md): one ``uci`` batch per router, the way an OpenWrt
administrator changes it — ``uci set/delete/add_list/reorder`` staged, ``uci changes``
reviewed, then ``uci commit <package>`` and the service reloaded.

* **Blocks** → named ``config rule`` sections (``netaudit_*``): ``src`` the source zone's
  firewall zone, ``dest`` the destination's (``*`` when its subnets span several),
  ``src_ip``/``dest_ip`` the zones' subnets (``src_ip`` left out when only the source zone
  lives behind the interface: forged sources are stopped too; ``device`` names that
  interface when its firewall zone has several), ``proto 'all'``, target
  ``REJECT`` (``DROP`` from an external zone).  The services the policy still allows are
  accepted by rules placed just before.  They are reordered before the first existing
  rule: fw4 evaluates a zone's rules in configuration order, and every forwarding after
  every rule (docs/vendors/openwrt.md, "firewall").  A ``config forwarding`` that alone
  causes a leak is deleted instead (what LuCI does when a destination zone is unticked)
  when the model shows that deleting it stops the blocked traffic and loses nothing else.
  Existing accept rules the new rejects make dead are disabled (``enabled '0'``), not
  deleted.
* **Restrictions** → a zone with ``input 'ACCEPT'`` from which a restricted service of
  the router is reached gets ``input 'REJECT'``; the router services it still needs and
  the policy allows (DHCP, DNS …; the router's own DHCP lease renewals on a DHCP uplink)
  are accepted by rules appended after the existing ones, and, where the zone also holds
  the management network, everything from the management subnets on its interface;
  where the zone's networks serve IPv6, its neighbour discovery and DHCPv6 too.
  Existing input accept rules that only open restricted services (``Allow-Ping`` from
  wan, a remote SSH/LuCI rule) are disabled; whatever still reaches a restricted
  service gets a reject rule at the top.  The services themselves: dropbear
  ``Interface`` and uhttpd ``listen_https`` bound to the management interface, uhttpd
  ``listen_http`` removed (cleartext off), the SNMP community's ``source`` limited to
  the management subnet (snmpd ``enabled '0'`` when turned off).
* **Wireless L2 root causes** → an open SSID attached to a network that is not the guest
  network (the one network whose SSIDs are all open) is moved to it; every open SSID
  gets ``isolate '1'``.
* ``patched``: the same change written into the input in its own form (``uci export``,
  ``uci show`` with anonymous indexes renumbered as uci would print them, or
  concatenated ``/etc/config`` files), so the OpenWrt parser reads the router as it will
  be.  ``rollback``: the inverse ``uci`` commands (added sections deleted first, deleted
  ones re-added at their place, options restored); the copies of ``/etc/config/*`` made
  by the change set under ``/root/netaudit-before/`` are the fallback.

Each decision is checked on the OpenWrt model of the patched text (the fw4 ``input`` and
``forward`` chains the parser builds), not guessed from option names.
"""

from __future__ import annotations

from netaddr import IPSet

from ...headerspace import HeaderSpace
from ...model import Device
from .. import Rendered
from ..plan import DevicePlan, snmp_agent_left
from .blocks import _blocks, _dead_accepts
from .change import uci_quote
from .context import Ctx, Model
from .document import UciDoc
from .notes import _notes
from .restrictions import _closes, _kept_and_residual, _zone_inputs
from .script import _script_and_rollback, _wrap
from .services import _services, _wireless


def render(plan: DevicePlan, device: Device, text: str) -> Rendered:
    """The change set of ``plan`` for the OpenWrt router ``device`` read from ``text``."""
    hs = HeaderSpace()
    doc = UciDoc(text, device.file)
    mgmt = list(plan.mgmt)
    for r in plan.restricts:
        mgmt += [n for n in r.allow_from if n not in mgmt]
    before = Model(doc.ut, device.file, hs, IPSet(mgmt))
    ctx = Ctx(plan, device, device.file, doc, hs, before, mgmt)
    has_firewall = bool(doc.sections("firewall"))
    _wireless(ctx)
    _services(ctx)
    if has_firewall:
        _zone_inputs(ctx)
        _blocks(ctx)
        after, _ = ctx.trial()
        _kept_and_residual(ctx, after)
        _closes(ctx, after)
        after, origin = ctx.trial()
        _dead_accepts(ctx, after, origin)
    else:
        ctx.ch.notes.append(
            {
                "vi": "Đầu vào không có gói firewall: không viết được luật chặn; xuất lại bằng `uci export`.",
                "en": "The input has no firewall package: no blocking rule can be written; export with `uci export`.",
            }
        )
    patched, _ = doc.patch(ctx.ch)
    script, rollback = _script_and_rollback(ctx)
    change_set, back = _wrap(ctx, script, rollback)
    left = snmp_agent_left(plan, "uci snmpd com2sec: option source")
    return Rendered(change_set, patched, back, _notes(ctx) + ctx.ch.notes, left)


__all__ = ["UciDoc", "render", "uci_quote"]
