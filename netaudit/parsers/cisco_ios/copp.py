"""Cisco IOS control-plane policing (CoPP): ``class-map``, ``policy-map`` and the
``control-plane`` block's ``service-policy input``, read and built into the device's
input filter (``Device.input_filter``, docs/architecture.md): the filter the engine applies
to every packet for one of the router's own addresses, whatever the address — a WAN
address negotiated at run time (DHCP, PPPoE) too (docs/vendors/cisco_ios.md, "Control-plane
policing").

What IOS does: the policy's classes are tried in order, class ``class-default`` last
wherever it is written; the first class that matches a packet decides.  A class-map
``match access-group`` matches the packets its ACL *permits* (an ACL ``deny`` line means
"not this class", never "drop"); ``match-any`` matches if one of its lines does,
``match-all`` (the default) if all do.  The class action, for reachability: ``drop``
drops; ``police …`` passes what conforms when its ``conform-action`` is ``transmit`` (the
default), drops when it is ``drop`` (and every other action drops too); a class
without an action passes.

Built exactly (first match over lines) for: ``match any``, ``match access-group`` of
ACLs with only permit lines (each ACL line becomes a line of the input filter with the
class's action), match-all with one match line, match-any with several.  Anything else
leaves the packets it concerns *maybe* passed, never silently decided:

* a class ACL with a ``deny`` line: its permit lines are kept, each partial (the packets
  the deny line takes out of the class go on to the next class, which first-match lines
  cannot say);
* a class whose match is not modelled (``match protocol``, ``match ip dscp``, ``match
  not``, match-all with several lines, an undefined or unreadable ACL, a class-map of
  another type): a partial line matching every packet, with the class's action;
* a class whose action is not modelled (``set …``, a nested ``service-policy``, an odd
  police action): a partial drop and a partial pass line over the class's packets;
* what changes the whole policy (``control-plane host|transit|cef-exception``,
  ``service-policy output``, a policy-map of another type or undefined): the filter is
  partial.
"""

from __future__ import annotations

from netaudit.messages import Text
from netaudit.model import Action, Filter, FilterLine, Match, Src
from netaudit.parsers.base import IGNORE_CTX, Ctx, Unknown, join_reasons
from netaudit.parsers.cisco_ios.reasons import class_acl_unusable, class_map_empty, class_map_undefined, unmodelled_line
from netaudit.parsers.cisco_ios.state import ClassMap, IosState, PolicyClass, PolicyMap

CONTROL_PLANE = "ios-control-plane"  # the synthesized Device.input_filter
CLASS_DEFAULT = "class-default"
# police actions, for reachability: the packet goes on, or it does not
PASSING = frozenset({"transmit"})
DROPPING = frozenset({"drop"})
NOT_MODELLED = Text("input.not_modelled")  # the reason of an action not modelled, when no line says more


def class_map_of(class_maps: dict[str, ClassMap], tokens: list[str], low: list[str], src: Src) -> ClassMap | None:
    """``class-map [type T] [match-any|match-all] NAME``: the class-map it opens
    (recorded with its type: CoPP reads only plain class-maps, the zone-based firewall
    only ``type inspect`` ones)."""
    words, i = low[1:], 1
    kind = None
    if words[:1] == ["type"] and len(words) >= 2:
        kind, i = words[1], 3
    match_any = False
    if low[i : i + 1] in (["match-any"], ["match-all"]):
        match_any, i = low[i] == "match-any", i + 1
    if i != len(tokens) - 1:
        return None
    cm = ClassMap(tokens[i], src, match_any, kind or "")
    class_maps[cm.name] = cm
    return cm


def class_map_line(cm: ClassMap, tokens: list[str], low: list[str], src: Src) -> None:
    """A class-map body line: an ACL it matches, ``match any``, a protocol or another
    class-map it matches (the zone-based firewall reads them; CoPP does not), or a doubt."""
    if low[:2] == ["match", "access-group"]:
        if len(tokens) == 4 and low[2] == "name":
            cm.acls.append((tokens[3], src))
            return
        if len(tokens) == 3 and tokens[2].isdecimal():
            cm.acls.append((tokens[2], src))
            return
    elif low == ["match", "any"]:
        cm.any_src = src
        return
    elif low[:2] == ["match", "protocol"] and len(low) == 3:
        cm.protocols.append((low[2], src))
        return
    elif low[:2] == ["match", "class-map"] and len(low) == 3:
        cm.nested.append((tokens[2], src))
        return
    elif low[:1] == ["description"]:
        return
    cm.doubts.append((unmodelled_line(src.text), src))


class CoppReader(IosState):
    """``policy-map`` and ``control-plane`` (class-maps are read by :mod:`.crypto`, with
    :func:`class_map_of` and :func:`class_map_line`)."""

    # --- policy-map

    def h_policy_map(self, tokens, low, src):
        """``policy-map [type T] NAME``: its classes and their actions (read for every
        policy-map; only those the control plane uses matter)."""
        self.ignore_line(tokens, low)
        if len(tokens) == 2:
            pm = PolicyMap(tokens[1], src)
        elif len(tokens) == 4 and low[1] == "type":
            pm = PolicyMap(tokens[3], src, kind=low[2])
        else:
            self.ctx = IGNORE_CTX
            return
        self.policy_maps[pm.name] = pm
        self.ctx = Ctx("policy-map", label=f"policy-map {pm.name}", targets=[pm], src=src)

    def policy_map_line(self, pm: PolicyMap, stripped: str, lineno: int, fallback: bool) -> bool:
        """A line of a policy-map body (``class``, its action lines, a police line's
        action sub-lines): understood and counted ignored; what CoPP does not model is a
        doubt on the class (or the policy), cited when the control plane uses it."""
        tokens = stripped.split()
        low = stripped.lower().split()
        words = ("class", "drop", "police", "conform-action", "exceed-action")
        if fallback and low[0] not in words + (("inspect", "pass") if pm.kind == "inspect" else ()):
            return False
        self.ignore_line(tokens, low)
        src = self.src(lineno, stripped)
        if low[0] == "class":
            typed = pm.kind == "inspect" and len(tokens) == 4 and low[1:3] == ["type", "inspect"]
            opened = PolicyClass(tokens[3] if typed else tokens[1] if len(tokens) > 1 else "", src)
            if len(tokens) != 2 and not typed:
                opened.doubts.append((unmodelled_line(src.text), src))
            pm.classes.append(opened)
            return True
        if low[0] == "description":
            return True
        cls = pm.classes[-1] if pm.classes else None
        if cls is None:
            pm.doubts.append((unmodelled_line(src.text), src))
        elif low == ["drop"]:
            cls.action = "drop"
        elif pm.kind == "inspect":
            # zone-based firewall actions (zone_firewall.py): logging changes nothing,
            # `inspect PARAMETER-MAP` only the inspection's timeouts and limits; anything
            # else (police, urlfilter, service-policy …) is not modelled
            known = low in (["drop", "log"], ["pass"], ["pass", "log"]) or low[:1] == ["inspect"]
            if not known or len(low) > 2 or cls.action != "transmit":
                cls.doubts.append((unmodelled_line(src.text), src))
            if known:
                cls.action = low[0]
        elif low[0] == "police":
            self._police(cls, low, src)
        elif low[0] in ("conform-action", "exceed-action", "violate-action") and cls.conform is not None:
            self._police_action(cls, low, 0, src)
        else:
            cls.doubts.append((unmodelled_line(src.text), src))
        return True

    def _police(self, cls: PolicyClass, low: list[str], src: Src) -> None:
        """``police [cir|rate] … [conform-action A [exceed-action B [violate-action C]]]``:
        IOS's defaults are conform-action transmit, exceed-action drop."""
        cls.conform = "transmit"
        for i, w in enumerate(low):
            if w in ("conform-action", "exceed-action", "violate-action"):
                self._police_action(cls, low, i, src)

    @staticmethod
    def _police_action(cls: PolicyClass, low: list[str], i: int, src: Src) -> None:
        action = low[i + 1] if i + 1 < len(low) else ""
        if action not in PASSING | DROPPING:
            cls.doubts.append((Text("input.ios.police_action", which=low[i], action=action), src))
        elif low[i] == "conform-action":
            cls.conform = action
        else:
            cls.exceed.append(action)

    # --- control-plane

    def h_control_plane(self, tokens, low, src):
        """``control-plane``: its ``service-policy input`` is the CoPP policy.
        ``control-plane host|transit|cef-exception`` (subinterfaces): not modelled, the
        whole CoPP filter partial."""
        self.ignore_line(tokens, low)
        if len(tokens) > 1:
            self.copp_doubts.append((Text("input.ios.cp_subinterface", text=src.text), src))
            self.ctx = IGNORE_CTX
            return
        self.ctx = Ctx("control-plane", label="control-plane", src=src)

    def control_plane_line(self, stripped: str, lineno: int, fallback: bool) -> bool:
        """A ``control-plane`` body line: ``service-policy input NAME`` (the policy);
        ``service-policy output`` (not modelled: the CoPP filter partial); anything
        else (``management-interface … allow …``, which only restricts) ignored."""
        tokens = stripped.split()
        low = stripped.lower().split()
        if fallback and low[0] != "service-policy":
            return False
        if low[0] != "service-policy":
            self.ignore_line(tokens, low)
            return True
        src = self.src(lineno, stripped)
        if len(tokens) != 3:
            raise Unknown
        self.ignored += 1
        if low[1] == "input":
            self.copp_inputs.append((tokens[2], src))
        else:
            self.copp_doubts.append((unmodelled_line(src.text), src))
        return True


class CoppBuilder(IosState):
    """:meth:`finish_copp`: the control-plane policy as ``Device.input_filter``."""

    def finish_copp(self) -> None:
        """Build :data:`CONTROL_PLANE` from the last ``service-policy input`` (IOS keeps
        one), partial for what is not modelled (module docstring)."""
        if not self.copp_inputs and not self.copp_doubts:
            return
        doubts = list(self.copp_doubts)
        lines: list[FilterLine] = []
        default = Action.PERMIT
        default_text = Text("input.ios.default.copp_no_class")
        source = self.copp_inputs[-1][1] if self.copp_inputs else doubts[0][1]
        pm = self.policy_maps.get(self.copp_inputs[-1][0]) if self.copp_inputs else None
        if self.copp_inputs and pm is None:
            doubts.append((Text("input.ios.policy_map_undefined", name=self.copp_inputs[-1][0]), source))
        if pm is not None:
            doubts += pm.doubts
            if pm.kind:
                doubts.append((Text("input.ios.policy_map_type", kind=pm.kind), pm.src))
            last: PolicyClass | None = None
            for cls in pm.classes:
                if cls.name.lower() == CLASS_DEFAULT:
                    last = cls
                else:
                    lines += self._class_lines(pm, cls)
            if last is not None:
                action = _class_action(last)
                if action is None:
                    lines += unknown_action(Match(), last, pm, doubt_text(last.doubts))
                else:
                    default = action
                    verb = "transmit" if action == Action.PERMIT else "drop"
                    default_text = Text(f"input.ios.default.copp_class_default_{verb}", name=pm.name)
        for why, src in doubts:
            self.rep.add_partial("control-plane", why, src)
        self.dev.filters[CONTROL_PLANE] = Filter(
            name=CONTROL_PLANE,
            lines=lines,
            kind="synthesized",
            default_action=default,
            source=source,
            partial=join_reasons([why for why, _ in doubts]) or None,
            default_text=default_text,
        )
        self.dev.input_filter = CONTROL_PLANE

    def _class_lines(self, pm: PolicyMap, cls: PolicyClass) -> list[FilterLine]:
        """The input filter's lines for one class, in order."""
        label = f"policy-map {pm.name} class {cls.name}"
        action = _class_action(cls)
        cm = self.class_maps.get(cls.name)
        why: str | None = None
        acls = self.ipv4_acls(cm) if cm is not None else []
        if cm is None:
            why = class_map_undefined(cls.name)
        elif copp_doubts(cm):
            why = doubt_text(copp_doubts(cm))
        elif len(acls) < len(cm.acls) and (not cm.match_any or len(acls) + (cm.any_src is not None) == 0):
            return []  # an IPv6 access-list in a match-all, or only such lines: no IPv4 packet
        elif len(acls) + (cm.any_src is not None) == 0:
            why = class_map_empty(cls.name)
        elif not cm.match_any and len(acls) + (cm.any_src is not None) > 1:
            why = Text("input.ios.class_map_match_all", name=cls.name)
        else:
            for name, _src in acls:
                acl = self.acls.get(name)
                if acl is None or acl.filter.partial or not acl.filter.lines:
                    why = class_acl_unusable(cls.name, name)
        if why is not None:
            for wsrc in [s for _, s in (copp_doubts(cm) if cm else [])] or [cls.src]:
                self.rep.add_partial(label, why, wsrc)
            if action is None:
                return unknown_action(Match(), cls, pm, join_reasons((why, doubt_text(cls.doubts))))
            return [FilterLine(action, [Match()], cls.src, label, partial=why)]
        assert cm is not None
        if action is None:
            why = doubt_text(cls.doubts)
            for _, src in cls.doubts:
                self.rep.add_partial(label, why, src)
        out: list[FilterLine] = []
        if cm.any_src is not None:
            out += with_action([FilterLine(Action.PERMIT, [Match()], cm.any_src, label)], action, cls, pm)
        for name, _src in acls:
            out += with_action(self.acl_class_lines(name, cls, label), action, cls, pm)
        return out

    def ipv4_acls(self, cm: ClassMap) -> list[tuple[str, Src]]:
        """The class-map's ``match access-group`` lines that may name IPv4 ACLs: an
        ``ipv6 access-list`` (dual-stack classes name one of each) matches no IPv4 packet."""
        return [(acl, src) for acl, src in cm.acls if acl in self.acls or acl not in self.ipv6_acls]

    def acl_class_lines(self, name: str, cls: PolicyClass, label: str) -> list[FilterLine]:
        """The packets ACL ``name`` puts in class ``cls``: its permit lines, as PERMIT
        lines labelled ``label``; each partial when a deny line comes before one of them
        (the packets a deny line takes out of the class go on to the next class, which
        first-match lines cannot say).  Deny lines after the last permit (a written
        ``deny ip any any``) take only what no permit line takes: the ACL's implicit deny
        does the same, so they change nothing.  The ACL must be defined and understood."""
        flt = self.acls[name].filter
        last = max((k for k, line in enumerate(flt.lines) if line.action == Action.PERMIT), default=-1)
        mixed = any(line.action == Action.DENY for line in flt.lines[:last])
        note = Text("input.ios.class_acl_deny", acl=name, cls=cls.name)
        kept = []
        for line in flt.lines:
            if line.action != Action.PERMIT:
                continue
            partial = join_reasons((line.partial, note if mixed else None)) or None
            kept.append(FilterLine(Action.PERMIT, line.matches, line.source, label, partial, line.approximated))
        if mixed:
            self.rep.add_partial(label, note, flt.source or cls.src)
        return kept


def copp_doubts(cm: ClassMap) -> list[tuple[str, Src]]:
    """What of class-map ``cm`` control-plane policing does not model: its type, its
    protocol and nested class-map matches, and the lines no reader models."""
    doubts = list(cm.doubts)
    if cm.kind:
        doubts.append((Text("input.ios.class_map_type", kind=cm.kind), cm.src))
    doubts += [(unmodelled_line(src.text), src) for _, src in cm.protocols + cm.nested]
    return sorted(doubts, key=lambda d: d[1].line)


def _class_action(cls: PolicyClass) -> Action | None:
    """PERMIT (the class passes its packets), DENY (drops them), None (not modelled)."""
    if cls.doubts or cls.action in ("inspect", "pass"):  # zone firewall actions: not CoPP's
        return None
    if cls.action == "drop":
        return Action.DENY
    if cls.conform is None or cls.conform in PASSING:
        return Action.PERMIT
    # conform-action drop: every conforming packet dropped; what exceeds too unless an
    # exceed/violate action transmits it (odd; not modelled)
    return Action.DENY if all(a in DROPPING for a in cls.exceed) else None


def with_action(lines: list[FilterLine], action: Action | None, cls: PolicyClass, pm: PolicyMap) -> list[FilterLine]:
    """The class's lines with its action; an unknown action: each as a partial drop and
    a partial pass (either may be the truth)."""
    if action is not None:
        return [FilterLine(action, ln.matches, ln.source, ln.name, ln.partial, ln.approximated) for ln in lines]
    why = doubt_text(cls.doubts)
    out: list[FilterLine] = []
    for ln in lines:
        for m in ln.matches:
            out += unknown_action(m, cls, pm, why, ln.source)
    return out


def unknown_action(match: Match, cls: PolicyClass, pm: PolicyMap, why: str, src: Src | None = None) -> list[FilterLine]:
    """``match`` as a partial drop line and a partial pass line: either may be the truth."""
    label = f"policy-map {pm.name} class {cls.name}"
    at = src or cls.src
    return [
        FilterLine(Action.DENY, [match], at, label, partial=why),
        FilterLine(Action.PERMIT, [match], at, label, partial=why),
    ]


def doubt_text(doubts: list[tuple[str, Src]]) -> str:
    """The reasons of ``doubts`` joined, for a partial line or filter."""
    return join_reasons([why for why, _ in doubts]) or NOT_MODELLED
