"""``ip rule`` → ``Device.policy_routes``, in priority order.

Linux evaluates the rules by priority; ``lookup T`` uses table T when it holds a route
for the destination (a ``blackhole``/``unreachable`` route there ends the lookup with an
error) and otherwise goes on with the next rule.  That is exact in the model: each
``lookup T`` entry is restricted to the destinations T covers, so the others fall to the
next entry.  ``local`` is the engine's own delivery; ``main`` is the normal lookup; the
``default`` table is used only when it holds routes.  ``fwmark`` reads the marks the
prerouting chains set (:func:`.netfilter.mark_sets`); ``iif lo``, ``oif``, ``uidrange``
only match the device's own traffic, so no forwarded packet.
"""

from __future__ import annotations

from netaudit.messages import Text
from netaudit.model import PolicyRoute
from netaudit.parsers.base import join_reasons
from netaudit.parsers.ip import ip_to_int
from netaudit.parsers.packet_sets import ANY, Cond, cond, intersect_all, negate_union, norm, r_or, to_matches

from .nft_values import PROTOCOLS
from .reasons import not_modelled, not_understood
from .state import RuleRec, State


def _prefix(addr, plen) -> tuple[tuple[int, int], ...] | None:
    a = ip_to_int(str(addr))
    if a is None:
        return None
    n = plen if isinstance(plen, int) else 32
    size = 32 - n
    lo = a & ~((1 << size) - 1) & 0xFFFFFFFF
    return ((lo, lo | ((1 << size) - 1)),)


def table_cover(st: State, table: str) -> tuple[tuple[int, int], ...]:
    """The destinations table ``table`` decides (every route but ``throw``)."""
    rs: tuple[tuple[int, int], ...] = ()
    for r in st.dev.routes:
        if r.table == table and getattr(r.partial, "key", None) != "input.linux.partial.throw_route":
            lo = int(r.prefix.network)
            rs = r_or(rs, ((lo, lo + r.prefix.size - 1),))
    return norm(rs)


def build(st: State, marks: dict[int | None, list[Cond]], mark_why: list[str], universe: frozenset[str]) -> None:
    """Convert the ``ip rule`` records into ``Device.policy_routes``."""
    dev = st.dev
    out: list[PolicyRoute] = []
    seen_main = False
    for rec in sorted(st.rules, key=lambda r: r.priority):
        d = rec.data
        table = str(d.get("table", "")) if "table" in d else None
        action = d.get("action")
        if table == "local" and not action:
            continue  # local delivery: the engine's control plane
        if seen_main:
            if table and table not in ("main", "254") and table_cover(st, table if table != "253" else "default"):
                late = Text("input.linux.rule_after_main", table=table)
                st.partial("ip rule", late, rec.src)
                st.warn_line(rec.src.line, Text("input.with_note", what=late, note=Text("input.not_modelled")))
            continue
        conds, why = _conds(st, rec, marks, mark_why, universe)
        if not conds:
            continue  # matches no forwarded packet
        partial = join_reasons(list(dict.fromkeys(why))) or None
        if action in ("unreachable", "prohibit", "blackhole"):
            out.append(_pr(conds, "drop", None, rec, partial))
            continue
        if action == "nop" or (action and action != "to_tbl"):
            if action != "nop":
                out.append(_pr(conds, "main", None, rec, Text("input.linux.partial.rule_action", action=action)))
            continue
        if "goto" in d:
            out.append(_pr(conds, "main", None, rec, Text("input.linux.partial.rule_goto")))
            continue
        if table in ("main", "254"):
            if "suppress_prefixlen" in d or "suppress_ifgroup" in d:
                out.append(_pr(conds, "main", None, rec, not_modelled("suppress_prefixlength")))
                continue
            out.append(_pr(conds, "main", None, rec, partial))
            if conds == [ANY] and not partial:
                seen_main = True
            continue
        tname = "default" if table == "253" else table
        cover = table_cover(st, tname or "")
        if not cover:
            continue  # an empty table: every lookup goes on with the next rule
        narrowed = intersect_all(conds, [Cond(dst=cover)]) if cover != ((0, 0xFFFFFFFF),) else conds
        if narrowed:
            out.append(_pr(narrowed, "table", tname, rec, partial))
    # Trailing "lookup main" entries are the normal lookup anyway: dropped, so a box
    # with only the default rules has no policy routing at all.
    while out and out[-1].action == "main" and not out[-1].partial:
        out.pop()
    dev.policy_routes = out


def _pr(conds: list[Cond], action: str, table: str | None, rec: RuleRec, partial: str | None) -> PolicyRoute:
    matches = [m for c in conds for m in to_matches(c)]
    # The reverse lookup of rp_filter carries no mark (src_valid_mark off): a fwmark rule
    # is not its own selectors on the header (the marks' packets stand for it).
    exact = "fwmark" not in rec.data
    return PolicyRoute(
        matches, action, table=table, source=rec.src, partial=partial, name="ip rule", reverse_exact=exact
    )


def _conds(
    st: State, rec: RuleRec, marks: dict[int | None, list[Cond]], mark_why: list[str], universe: frozenset[str]
) -> tuple[list[Cond] | None, list[str]]:
    """The packets a rule selects (None: no forwarded packet), with reasons."""
    d = rec.data
    why: list[str] = []
    if d.get("iif") == "lo" or "oif" in d or "uidrange" in d or d.get("l3mdev"):
        return None, why  # the device's own traffic only
    kw: dict = {}
    if d.get("src", "all") != "all":
        kw["src"] = _prefix(d["src"], d.get("srclen"))
    if "dst" in d and d["dst"] != "all":
        kw["dst"] = _prefix(d["dst"], d.get("dstlen"))
    if "iif" in d:
        kw["inif"] = frozenset({str(d["iif"])})
    if "ipproto" in d:
        p = PROTOCOLS.get(str(d["ipproto"]))
        if p is None and str(d["ipproto"]).isdecimal():
            p = int(d["ipproto"])
        if p is None:
            why.append(not_understood(f"ipproto {d['ipproto']}"))
        else:
            kw["proto"] = ((p, p),)
    for k in ("sport", "dport"):
        if f"{k}_start" in d:
            kw[k] = ((int(d[f"{k}_start"]), int(d.get(f"{k}_end", d[f"{k}_start"]))),)
    for k in ("tos", "dsfield", "tun_id"):
        if k in d:
            why.append(not_modelled(k))
    if any(v is None for v in kw.values()):
        return [ANY], [Text("input.linux.partial.rule_address")]
    c = cond(**kw)
    conds: list[Cond] = [c] if c is not None else []
    if "fwmark" in d:
        try:
            value = int(str(d["fwmark"]), 0)
            mask = int(str(d.get("fwmask", "0xffffffff")), 0)
        except ValueError:
            return conds, [*why, not_understood(f"fwmark {d['fwmark']}")]
        sel: list[Cond] = []
        for m, cs in marks.items():
            if m is None:
                if cs:
                    why.append(Text("input.linux.partial.mark_at_run_time"))
                    sel.extend(cs)
            elif (m & mask) == value:
                sel.extend(cs)
        if value == 0:
            sel.extend(negate_union([x for cs in marks.values() for x in cs], universe))
        if mark_why:
            why.extend(Text("input.linux.partial.mark_reason", why=w) for w in dict.fromkeys(mark_why))
        conds = intersect_all(conds, sel)
    if "not" in d:
        conds = negate_union(conds, universe)
    return conds, why
