"""The partial reasons of the RouterOS parser, as catalogue texts (``input.routeros.*``).

A reason is a :class:`~netaudit.messages.Text`: its English is the sentence the parser
has always written (equality, joins and JSON see it), and a report words it in its own
language.  Configuration text, names and numbers are fields, inserted as they are.
Texts are only built for a construct that has a reason: the plain-chain fast path
(:func:`.firewall.plain_lines`, :func:`.conditions.rule_fields` on a rule fully
understood) never makes one.

A reason repeats from rule to rule of an export that has it at all (the same value not
understood, the same reason of a chain inherited by every rule after a jump, the same
routing table): :func:`reason` builds each once and the rules share it (texts are
immutable; the memo compares fields, and a text field, as their English).  A reason
that never changes is a constant below.
"""

from __future__ import annotations

import functools

from netaudit.messages import Text


@functools.lru_cache(maxsize=4096, typed=True)  # (typed: a text field is not its English string)
def reason(key: str, /, **fields: object) -> Text:
    """The partial reason ``key`` with ``fields``, one text per distinct reason."""
    return Text(key, **fields)


def not_understood(what: str, value: str | None) -> Text:
    """``<what> '<value>' not understood``: a property (``protocol``, ``dst-port``,
    ``to-addresses``, ``connection-state`` …) whose value was not understood; the value
    quoted as Python quotes it (``repr``), as the parser always wrote it."""
    return reason("input.routeros.value_not_understood", what=what, value=repr(value))


def action_not_understood(quoted: str) -> Text:
    """``action <quoted> not understood``: a rule's action, quoted by the caller as it
    always was (``'frob'`` in a firewall table, ``repr`` in an access list)."""
    return reason("input.routeros.action_not_understood", action=quoted)


def action_not_modelled(action: str) -> Text:
    """``action <action> not modelled`` (a NAT rule's)."""
    return reason("input.routeros.action_unmodelled", action=action)


def property_not_modelled(key: str, value: str) -> Text:
    """``<key>=<value> not modelled`` (a routing rule's property or action)."""
    return reason("input.routeros.property_unmodelled", key=key, value=value)


# The reasons that never change.
ALL_PPP_RUNTIME = Text("input.routeros.all_ppp_runtime")
UNICAST_BLACKHOLE = Text("input.routeros.unicast_blackhole")
UNTRACKED_NOTRACK = Text("input.routeros.untracked_notrack")
CONNTRACK_DISABLED = Text("input.routeros.conntrack_disabled")
FASTTRACK_NEW = Text("input.routeros.fasttrack_new")
RAW_BEFORE_DNAT = Text("input.routeros.raw_before_dnat")
NAT_STATE_APPROXIMATED = Text("input.routeros.nat_state_approximated")
JUMP_NO_TARGET = Text("input.routeros.jump_no_target")
GUARD_TOO_BIG = Text("input.routeros.guard_too_big")
NETMAP_RANGE = Text("input.routeros.netmap_range")
HOTSPOT_MAYBE_DISABLED = Text("input.routeros.hotspot_maybe_disabled")
HOTSPOT_NO_ADDRESS = Text("input.routeros.hotspot_no_address")
HOTSPOT_BINDING_TO_ADDRESS = Text("input.routeros.hotspot_binding_to_address")
MANGLE_DROP = Text("input.routeros.mangle_drop")
MANGLE_OUT_INTERFACE = Text("input.routeros.mangle_out_interface")
MARK_ROUTING_NO_MARK = Text("input.routeros.mark_routing_no_mark")
DYNAMIC_ROUTING_ROUTES = Text("input.routeros.dynamic_routing_routes")
MANGLE_BEFORE_DNAT = Text("input.routeros.mangle_before_dnat")
VRF_POLICY_ROUTING = Text("input.routeros.vrf_policy_routing")
CAPSMAN_MANAGED = Text("input.routeros.capsman_managed")
CAPSMAN_CONFIG = Text("input.routeros.capsman_config")
ICMP_CODES_WIDENED = Text("input.routeros.icmp_codes_widened")
SWITCH_CHIP = Text("input.routeros.switch_chip")
QINQ = Text("input.routeros.qinq")
SERVICE_TAG = Text("input.routeros.service_tag")
UPNP = Text("input.routeros.upnp")
SOCKS_TARGETS_DENIED = Text("input.routeros.socks_targets_denied")
