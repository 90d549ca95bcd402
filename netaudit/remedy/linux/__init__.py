"""Linux change sets (docs/remedy.md): one root shell script per device, in the ruleset
the box really uses — nftables when the dump has an ``nft list ruleset`` whose filter
chains are not iptables-nft's, else ``iptables-save``.

* **Blocks** → one chain of netaudit rules (``netaudit_forward`` / ``netaudit-fwd``)
  reached by ONE ``jump`` placed in the forward base chain before the first rule that
  decides new connections — after the leading rules that only accept
  established/related packets, drop invalid ones, or count and log — so replies keep
  flowing.  nftables: one named set per zone (``netaudit_<zone>``); an external zone is
  ``!= @netaudit_inside``, every address no inside zone owns, like the RouterOS module
  does.  iptables (no ipset): plain address lists, and a chain of its own for a block
  that needs the negation (the inside addresses ``RETURN``, the rest drops).  A block
  with services the policy still allows jumps to a chain of its own that ``return``\\ s
  them (the rest of the forward chain decides them, as today) and drops the rest.
* **Forward policy**: a routing box whose forward hook ends in ``accept`` gets ``policy
  drop`` with, at the end of the chain, one jump to ``netaudit_forward_end``: what
  reached the end before — the blocks now stop what the policy denies — is still
  accepted when it comes from an inside interface with one of that interface's own
  addresses, or from an outside interface to a published (DNAT) service.  Forged
  sources and unpublished traffic from the outside are dropped.
* **Restrictions** → the host's own services (sshd, web UI, telnet, SNMP, ICMP echo …)
  in a chain ``netaudit_input`` jumped to from the input base chain at the same kind of
  place: limited to the management zone's subnets arriving on its interfaces
  (``netaudit_mgmt_only``), or dropped when cleartext; without a management zone, dropped
  from the zones that reached it (the host stays reachable from an admin PC in no zone).
* The script saves the ruleset first, arms a timed automatic rollback, applies the change
  (nftables: in one ``nft -f`` transaction), and says how to cancel the rollback and make
  the change persistent.  ``rollback`` removes what was added without rule handles known
  in advance (the jumps are found by their ``netaudit:`` comment; chains and sets are
  flushed then deleted; iptables: ``-D`` of the exact jump rules).
* **Anti-spoofing** → strict reverse-path filtering on the gateway interfaces of a zone
  that forges source addresses: ``net.ipv4.conf.<if>.rp_filter = 1`` (``sysctl -w`` and
  ``/etc/sysctl.d/90-netaudit.conf``).  The kernel uses the larger of ``conf.all`` and
  ``conf.<if>`` (2, loose, wins): where ``all`` is 2, ``all`` becomes 0 and every other
  interface keeps its loose check by a value of its own.  The rollback writes the old
  values back (from the dump's sysctl section; a value the dump lacks from the record
  the script takes first) and removes the file.  On a host that routes by policy
  (``ip rule`` entries, routes in other tables) strict rp_filter would drop the replies
  of the other paths: there the same check is a drop in netaudit's forward and input
  chains instead — from that interface, a source neither routed behind it nor the
  zone's (``ip saddr != @set``; iptables: a chain returning those sources).
* ``patched``: the same change written into the dump's ``nft list ruleset`` or
  ``iptables-save`` section as those commands would print it afterwards, so the Linux
  parser reads the host as it will be.  A dump that already holds netaudit's chains gets
  nothing added twice (the script itself refuses a second run).
"""

from __future__ import annotations

from ...model import Device
from .. import Rendered
from ..plan import DevicePlan, snmp_agent_left
from .antispoof import _spoof_rules, _with_rp_filter, policy_routed
from .dump import _already_applied, _backend, _base, _forward_ends_in_accept, _ip6_inputs, _nft_table, _read_dump
from .notes import _notes
from .rules import FWD, INP, Change, Rule, _block_rules, _close_rules, _restrict_rules, _tail_rules
from .script import _ipt_tool, _render_ipt, _render_nft


def render(plan: DevicePlan, device: Device, text: str) -> Rendered:
    """The change set of ``plan`` for the Linux host ``device`` read from the dump ``text``."""
    spoof_fw = policy_routed(device) and bool(plan.antispoofs)
    got = _render_firewall(plan, device, text, spoof_fw)
    if plan.antispoofs and not spoof_fw:
        got = _with_rp_filter(got, plan, device)
    elif spoof_fw and "anti-spoofing" in got.change_set:
        where = ", ".join(dict.fromkeys(a.interface for a in plan.antispoofs))
        got.notes.append(
            {
                "vi": f"Chống giả mạo địa chỉ nguồn trên {where}: máy định tuyến theo chính sách (ip rule / nhiều "
                "bảng định tuyến) nên không bật rp_filter chặt (nó chỉ xét bảng main và sẽ loại gói của các đường "
                "khác); thay vào đó, chain netaudit của forward và input loại gói đến từ cổng đó với địa chỉ nguồn "
                "không thuộc vùng hay mạng phía sau cổng. Thêm dải mới sau cổng vào tập địa chỉ tương ứng.",
                "en": f"Source anti-spoofing on {where}: the host routes by policy (ip rule / several tables), so "
                "strict rp_filter is not used (it checks the main table only and would drop the other paths' "
                "packets); instead netaudit's forward and input chains drop packets from that interface whose source "
                "is neither the zone's nor a network behind it. A network added behind it goes into that set.",
            }
        )
    return got


def _render_firewall(plan: DevicePlan, device: Device, text: str, spoof_fw: bool) -> Rendered:
    """The firewall part of the change set (and the anti-spoofing drops when ``spoof_fw``)."""
    dump = _read_dump(text, device)
    backend = _backend(dump)
    if backend is None:
        return _no_firewall(device, text)
    if _already_applied(dump, backend):
        return _applied(device, text)
    nft = backend == "nft"
    ch = Change()
    family, table, exists = _nft_table(dump, plan) if nft else ("ip", "filter", True)
    fwd = _base(dump, backend, "forward", (family, table))
    inp = _base(dump, backend, "input", (family, table))
    if plan.blocks or spoof_fw:
        if not fwd.established_first:
            ch.add(Rule(FWD, "return", ct="est", comment="replies: decided as before"))
        if spoof_fw:
            _spoof_rules(plan, device, ch, FWD, nft)
        _block_rules(plan, device, ch, nft)
    if plan.restricts or plan.closes or spoof_fw:
        if not inp.established_first:
            ch.add(Rule(INP, "return", ct="est", comment="replies: decided as before"))
        if not inp.lo_first:
            ch.add(Rule(INP, "return", iif="lo", comment="the host itself"))
        if spoof_fw:
            _spoof_rules(plan, device, ch, INP, nft)
        _close_rules(plan, ch)
        if nft and ch.closed:
            ch.ip6_inputs = _ip6_inputs(dump)
        _restrict_rules(plan, device, ch)
    policy_drop = device.ip_routing and _forward_ends_in_accept(dump)
    if policy_drop:
        _tail_rules(device, ch, fwd.established_first, fwd.family)
    if not ch.chains:
        return Rendered(
            f"# netaudit: nothing to change on {device.hostname}\n",
            text,
            f"# netaudit: nothing to undo on {device.hostname}\n",
        )
    if nft:
        script, rollback, patched = _render_nft(device, dump, ch, fwd, inp, policy_drop, text, exists)
    else:
        script, rollback, patched = _render_ipt(device, dump, ch, fwd, inp, policy_drop, text)
    tool = "nft" if nft else _ipt_tool(dump.ipt.command if dump.ipt else "")
    notes = _notes(device, tool, ch, plan, fwd, policy_drop, bool(dump.managed))
    left = snmp_agent_left(plan, "/etc/snmp/snmpd.conf: rocommunity NAME SOURCE")
    return Rendered(script, patched, rollback, notes, left)


def _applied(device: Device, text: str) -> Rendered:
    """A host that already carries netaudit's chains: nothing is added twice (the script
    guards against a second run the same way); the rollback comes first to regenerate."""
    note = {
        "vi": "Máy đã có các chain netaudit (thay đổi đã được áp dụng): không thêm lần nữa. Muốn tạo lại thay đổi, "
        "chạy tệp hoàn tác trước rồi thu thập lại.",
        "en": "The host already has netaudit's chains (the change set was applied): nothing is added twice. To "
        "regenerate it, run the rollback first and collect again.",
    }
    return Rendered(
        f"# netaudit: {device.hostname} already carries netaudit's chains: nothing to add\n",
        text,
        f"# netaudit: use the rollback of the change set that was applied to {device.hostname}\n",
        [note],
    )


def _no_firewall(device: Device, text: str) -> Rendered:
    """A dump without a readable nft or iptables section: nothing is proposed blind."""
    note = {
        "vi": "Bản thu thập không có phần 'nft list ruleset' hay 'iptables-save' đọc được: không biết tường lửa "
        "hiện tại nên không đề xuất thay đổi. Thu thập lại bằng lệnh một dòng trong docs/vendors/linux.md.",
        "en": "The dump has no readable 'nft list ruleset' or 'iptables-save' section: the current firewall is "
        "unknown, so no change is proposed. Collect again with the one-liner of docs/vendors/linux.md.",
    }
    script = f"# netaudit: no change set for {device.hostname}: {note['en']}\n"
    return Rendered(script, text, f"# netaudit: nothing to undo for {device.hostname}\n", [note])


__all__ = ["render"]
