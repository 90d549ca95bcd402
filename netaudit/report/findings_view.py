"""Section 4 of the report, shaped for templates: the findings grouped by root cause
(the configuration lines they share), each with its evidence, witness path and
remediation, and the remediation plan they point to (docs/report.md, "Root causes";
docs/remedy.md).  Called by :func:`netaudit.report.view.build`."""

from __future__ import annotations

import ipaddress
import re
from collections import Counter
from typing import TYPE_CHECKING

from ..vocabulary import SEVERITIES
from . import detail as caps
from .matrix_view import hops_view
from .words import cite_view, reference_words, severity_label

if TYPE_CHECKING:
    from .view import View


def split_remediation(text: str) -> list[tuple[str, str]]:
    """[(kind, text)]: 'p' prose, 'caption' (e.g. "Cấu hình mẫu (Cisco IOS):"), 'code'."""
    lines = (text or "").split("\n")
    blocks: list[tuple[str, str]] = [("p", lines[0])]
    for line in lines[1:]:
        if line.rstrip().endswith(":") and line[:1] not in (" ", "!", "#") and not code_like(line):
            blocks.append(("caption", line.rstrip()))
        elif blocks[-1][0] == "code":
            blocks[-1] = ("code", blocks[-1][1] + "\n" + line)
        elif blocks[-1][0] == "caption":
            blocks.append(("code", line))
        else:
            blocks[-1] = ("p", (blocks[-1][1] + " " + line).strip())
    return [b for b in blocks if b[1].strip()]


def code_like(line: str) -> bool:
    return line.lstrip().startswith(("ip ", "no ", "interface ", "line ", "access-list", "snmp-server"))


def _wildcard(net: str) -> str | None:
    try:
        n = ipaddress.ip_network(net, strict=False)
    except ValueError:
        return None
    if n.version != 4:
        return None
    return f"{n.network_address} {n.hostmask}"


def _extra_snippet(v: View, f: dict, zone_subnets: dict) -> dict | None:
    """A Cisco IOS example for segmentation findings whose check gives none."""
    if f.get("check") not in ("guest-isolation", "policy-violation") or "\n" in v.L(f.get("remediation")):
        return None
    hops = (f.get("witness") or {}).get("hops") or []
    first = next((h for h in hops if h.get("device") and h.get("in")), None)
    if first is None:
        return None
    topo = v.doc.get("topology") or {}
    dev = next((d for d in topo.get("devices", []) if d["name"] == first["device"]), None)
    if dev is None or dev.get("vendor") != "cisco_ios":
        return None
    itf = next((i for i in dev.get("interfaces", []) if i["name"] == first["in"]), None)
    if itf is None or not itf.get("addresses"):
        return None
    src, dst = (f.get("zones") or [None, None])[:2]
    # A new list, switched over with one access-group line: never an append to the faulty one.
    # (IOS names have no spaces: the first word, also of "X (no entries)" for an empty list)
    acl = f"{itf['filter_in'].split()[0]}-V2" if itf.get("filter_in") else f"ACL-{str(src).upper()}-IN"
    if f["check"] == "guest-isolation":
        code = v.t(
            "report.snippet.isolate.cisco_ios",
            acl=acl,
            interface=itf["name"],
            gateway=str(ipaddress.ip_interface(itf["addresses"][0]).ip),
        )
    else:
        nets = [w for w in (_wildcard(s) for s in zone_subnets.get(dst, [])) if w]
        if not nets or len(nets) > 1:
            return None
        code = v.t(
            "report.snippet.deny_pair.cisco_ios",
            acl=acl,
            interface=itf["name"],
            dst_net=nets[0],
        )
    from .view import vendor_label

    return {"caption": v.t("finding.snippet", vendor=vendor_label("cisco_ios")), "code": code}


# Checks whose finding is one forbidden flow: its evidence is the witness path, in path order.
FLOW_CHECKS = frozenset({"guest-isolation", "policy-violation"})
# Lines that only say where a rule sits (an interface header, a FortiOS/OpenWrt block
# header): shared by unrelated findings (every flow delivered on Vlan20 cites "interface
# Vlan20"), they never decide a root cause on their own.
_CONTEXT_LINE = re.compile(r"^\s*(?:interface|edit|config)\b", re.I)


def _where(e: dict) -> tuple[str, str]:
    line = e.get("line")
    return (str(e.get("file", "")), str(line) if line is not None else "=" + str(e.get("text", "")))


def cited_lines(findings: list) -> dict[tuple[str, str], int]:
    """How many findings cite each (file, line) as evidence."""
    count: dict[tuple[str, str], int] = {}
    for f in findings:
        for w in {_where(e) for e in f.get("evidence") or [] if isinstance(e, dict)}:
            count[w] = count.get(w, 0) + 1
    return count


def root_cause_lines(f: dict, cited: dict[tuple[str, str], int]) -> list[dict]:
    """The evidence lines that decide a finding (docs/report.md, "Root causes"): the lines
    that permit or enable, without context lines (interface and block headers) unless
    nothing else is cited.  A forbidden flow has one: the first line on its witness path
    that another finding also cites (the line several flows go through), or else the
    first line on the path; the rest of the path (the destination's interface, the
    service that answers) is where the packet arrives."""
    evidence = [e for e in f.get("evidence") or [] if isinstance(e, dict)]
    decisive = [e for e in evidence if not _CONTEXT_LINE.match(str(e.get("text") or ""))] or evidence
    if f.get("check") in FLOW_CHECKS and f.get("witness") and decisive:
        shared = [e for e in decisive if cited.get(_where(e), 0) > 1]
        decisive = (shared or decisive)[:1]
    return decisive


def root_cause_key(f: dict, index: int, cited: dict[tuple[str, str], int]) -> tuple:
    """Findings with the same key share a root cause: the set of (file, line) of their
    decisive lines.  A file is one device's configuration, so lines of different devices
    never compare equal; a finding without evidence is a root cause of its own."""
    lines = root_cause_lines(f, cited)
    if not lines:
        return (("", f"#{index}"),)
    return tuple(sorted({_where(e) for e in lines}))


def cause_keys(v: View) -> tuple[dict[tuple[str, str], int], list[tuple]]:
    """The findings' cited lines (:func:`cited_lines`) and each finding's root-cause key
    (:func:`root_cause_key`, by index), computed once per view: the cover counts the
    root causes, the findings section groups by them."""
    if v.cause_keys is None:
        fs = v.doc.get("findings", [])
        cited = cited_lines(fs)
        v.cause_keys = (cited, [root_cause_key(f, i, cited) for i, f in enumerate(fs)])
    return v.cause_keys


def _printed(v: View, groups: list[list[tuple[int, dict]]]) -> set[int] | None:
    """The findings the summary prints (their indexes), None for all of them: above
    ``FINDINGS.over`` findings, the first ``PER_CHECK`` of each check in print order (the
    most severe), at most ``FINDINGS.keep`` in all; a consequence is printed only with the
    entry of its root cause it refers to."""
    total = sum(len(g) for g in groups)
    if v.detail != "summary" or total <= caps.FINDINGS.over:
        return None
    v.cuts += 1
    chosen: set[int] = set()
    per: dict[str, int] = {}
    for members in groups:
        lead = members[0][0]
        for i, f in members:
            check = str(f.get("check", ""))
            if per.get(check, 0) >= caps.PER_CHECK:
                continue
            need = {i} if i == lead or lead in chosen else {lead, i}
            if len(chosen) + len(need) > caps.FINDINGS.keep:
                continue
            chosen |= need
            per[check] = per.get(check, 0) + 1
    return chosen


def findings(v: View, zone_kind: dict) -> None:
    """Findings printed by root cause: groups of findings sharing their decisive lines,
    most severe group first; in a group, the first (most severe) finding is printed in full
    and the others as consequences referring to it.  Numbers ("mục 4.N") follow the print
    order.  The summary of a large audit prints a selection (_printed) and counts the
    others by kind in one closing entry (_others)."""

    zone_subnets = {z["name"]: z.get("subnets", []) for z in v.doc.get("zones", [])}
    order = {s: i for i, s in enumerate(SEVERITIES)}
    items = sorted(enumerate(v.doc.get("findings", [])), key=lambda p: (order.get(p[1].get("severity"), 9), p[0]))
    cited, keys = cause_keys(v)
    groups: dict[tuple, list[tuple[int, dict]]] = {}
    for i, f in items:
        groups.setdefault(keys[i], []).append((i, f))
    printed = _printed(v, list(groups.values()))
    sec = v.sec["findings"]
    # The closing entry of the findings not printed follows the printed ones.
    others_no = (len(printed) if printed is not None else len(items)) + 1
    others_ref = v.t("ref.finding", sec=sec, no=others_no)
    omitted: list[tuple[int, dict]] = []
    dropped: list[dict] = []  # the findings of root causes with no printed finding
    first_why: dict[str, int] = {}
    first_fix: dict[str, int] = {}
    first_refs: dict[tuple, int] = {}  # summary of a cut section: references printed once
    n = 0
    rc = 0
    for members in groups.values():
        shown = members if printed is None else [(i, f) for i, f in members if i in printed]
        hidden = len(members) - len(shown)
        if printed is not None:
            omitted += [(i, f) for i, f in members if i not in printed]
        if not shown:
            dropped += [f for _, f in members]
            continue
        rc += 1
        lead_no = n + 1
        lead_fix = ""
        group = []
        for _, f in shown:
            n += 1
            lead = n == lead_no
            check = f.get("check", "")
            try:
                why = v.t(f"report.why.{check}")
            except KeyError:
                why = ""
            remediation = v.L(f.get("remediation"))
            if lead:
                # A sentence already printed for an earlier finding is referred to, not repeated.
                why_ref = first_why.setdefault(why, n) if why else n
                fix_ref = first_fix.setdefault(remediation, n)
                lead_fix = remediation
            else:
                why_ref = fix_ref = n
            evidence, n_evidence = v.cut(f.get("evidence", []), caps.EVIDENCE)
            entry = {
                "no": n,
                "id": f.get("id", ""),
                "check": check,
                "severity": f.get("severity", "info"),
                "severity_label": severity_label(f.get("severity", "info"), f.get("proven", True), v.lang),
                "title": v.prose(v.L(f.get("title"))),
                "detail": v.prose(v.cut_runs(v.L(f.get("detail")))),
                "why": why,
                "evidence": [cite_view(e, v.lang) for e in evidence],
                "evidence_more": v.more("evidence", n_evidence),
                "witness": hops_view(v, f.get("witness")),
                "remediation": split_remediation(remediation),
                "why_ref": why_ref if why_ref != n else None,
                "remediation_ref": fix_ref if fix_ref != n else None,
                "snippet": _extra_snippet(v, f, zone_subnets) if lead else None,
                "references": [reference_words(str(r), v.lang) for r in f.get("references", [])],
                "references_ref": _refs_ref(first_refs, f, n) if printed is not None and lead else None,
                "zones": _zones_cut(v, f.get("zones", [])),
                "devices": f.get("devices", []),
                "plan": None,  # set by _remedy: the change set this finding belongs to
                "plan_shown": False,  # set by _remedy: a consequence whose change set differs from its lead's
                # Root cause (docs/report.md): the group's number, whether this entry is
                # printed in full, and for a consequence the entry it refers to.
                "root": rc,
                "lead": lead,
                "lead_no": lead_no,
                "consequences": [],  # on the lead: the other findings of the group
                "consequences_more": "",  # summary: how many are not listed, and where
                # A consequence whose remediation differs from the lead's keeps its principle.
                "own_fix": ""
                if lead or remediation == lead_fix
                else next((text for kind, text in split_remediation(remediation) if kind == "p"), ""),
            }
            group.append(entry)
            v.findings.append(entry)
            if f.get("id"):
                v.finding_refs[f["id"]] = v.t("ref.finding", sec=sec, no=n)
        # The consequences named under the full entry and in the root-cause table.
        listed, _ = v.cut(group[1:], caps.CONSEQUENCES)
        group[0]["consequences"] = [{"no": e["no"], "title": e["title"]} for e in listed]
        group[0]["consequences_more"] = _more_consequences(v, group[1 + len(listed) :], hidden, others_ref)
        rows, _ = v.cut(group, caps.CONSEQUENCES)
        # The decisive lines as the members cite them, each in its shortest form (a flow's
        # evidence may carry the engine's annotation after the line, the line's own finding not).
        lines = []
        # A line is told by its file and number; a default (no number) by its text too.
        # Each once (a witness path may pass one line twice).
        for where, e in {_where(e): e for e in root_cause_lines(members[0][1], cited)}.items():
            same = [
                c for _, m in members for c in m.get("evidence") or [] if isinstance(c, dict) and _where(c) == where
            ]
            lines.append(cite_view(min(same or [e], key=lambda c: len(str(c.get("text", "")))), v.lang))
        v.root_causes.append(
            {
                "no": rc,
                "lines": lines,
                "severity": group[0]["severity"],
                "severity_label": group[0]["severity_label"],
                "findings": [{"no": e["no"], "title": e["title"]} for e in rows],
                "more": _more_consequences(v, group[len(rows) :], hidden, others_ref),
                "plans": [],  # set by _remedy
            }
        )
    if omitted:
        _others(v, omitted, others_no, others_ref)
        if dropped:
            sev = Counter(str(f.get("severity", "info")) for f in dropped)
            v.notes["root_causes"] = v.t(
                "detail.rootcauses_more",
                n=len(groups) - rc,
                findings=len(dropped),
                counts=", ".join(f"{v.t(f'severity.{s}')} {sev[s]}" for s in SEVERITIES if sev.get(s)),
                sec=sec,
                no=others_no,
                where=v.t("detail.where"),
            )


def _refs_ref(first: dict[tuple, int], f: dict, no: int) -> int | None:
    """The entry that already printed the same references (the summary refers to it)."""
    refs = tuple(str(r) for r in f.get("references") or [])
    if not refs:
        return None
    earlier = first.setdefault(refs, no)
    return earlier if earlier != no else None


def _more_consequences(v: View, cut: list[dict], hidden: int, others_ref: str) -> str:
    """The note closing a cut list of consequences: how many more, and the sections they are in."""
    if not cut and not hidden:
        return ""
    refs = [v.t("ref.finding", sec=v.sec["findings"], no=e["no"]) for e in cut] + ([others_ref] if hidden else [])
    shown, n = v.cut(refs, caps.REFS)
    text = ", ".join(shown) + (" " + v.t("detail.refs_cut", n=n) if n else "")
    return v.t("detail.consequences_more", n=len(cut) + hidden, refs=text)


def _others(v: View, omitted: list[tuple[int, dict]], no: int, ref: str) -> None:
    """The closing entry of section 4 in the summary: the findings not printed, counted by
    kind (check) — severity, title, how many of how many, the devices or zones, and where
    the printed examples of the kind are."""
    order = {s: i for i, s in enumerate(SEVERITIES)}

    def kind(f: dict) -> tuple[str, str, bool]:
        # A row per kind, severity and proof: a row's label is every finding's in it (one
        # per kind read its worst severity for all, and the rows no longer added up).
        return str(f.get("check", "")), str(f.get("severity", "info")), bool(f.get("proven", True))

    total = Counter(kind(f) for f in v.doc.get("findings", []))
    by_check: dict[tuple[str, str, bool], list[dict]] = {}
    for _, f in omitted:
        by_check.setdefault(kind(f), []).append(f)
        if f.get("id"):
            v.finding_refs[f["id"]] = ref
            v.omitted.add(f["id"])
    sec = v.sec["findings"]
    rows = []
    for (check, severity, proven), fs in by_check.items():
        worst = fs[0]
        places = Counter(
            name for f in fs for name in (f.get("devices") or [v.zone(z) for z in f.get("zones") or []] or ["-"])
        )
        where, cut = v.join_cut(f"{name} ({k})" for name, k in places.most_common())
        if cut:
            v.notes["others"] = v.t("detail.cell_note", where=v.t("detail.where"))
        examples = [e for e in v.findings if e["check"] == check]
        fix = next((text for kind, text in split_remediation(v.L(worst.get("remediation"))) if kind == "p"), "")
        title = v.prose(v.L(worst.get("title")))
        if any(v.L(f.get("title")) != v.L(worst.get("title")) for f in fs):
            title = v.t("detail.others.like", title=title)  # titles naming zones or lines: one of them
        rows.append(
            {
                "check": check,
                "severity": severity,
                "severity_label": severity_label(severity, proven, v.lang),
                "title": title,
                "count": f"{len(fs)} / {total[(check, severity, proven)]}",
                "where": where,
                "examples": [{"no": e["no"], "ref": v.t("ref.finding", sec=sec, no=e["no"])} for e in examples],
                # a kind without a printed example keeps its remediation principle
                "fix": "" if examples else v.t("detail.others.fix", text=fix) if fix else "",
            }
        )
    rows.sort(key=lambda r: order.get(str(r["severity"]), 9))
    where = v.t("detail.where")
    v.findings_other = {
        "no": no,
        "anchor": "findings-other",
        "title": v.t("detail.others.title"),
        "intro": v.t(
            "detail.others.intro",
            per=caps.PER_CHECK,
            shown=len(v.findings),
            total=len(v.doc.get("findings", [])),
            n=len(omitted),
            where=where,
        ),
        "rows": rows,
    }


# --------------------------------------------------------------------------- remediation plan


def remedy(v: View) -> None:
    """The remediation plan (JSON ``remedy``): one change set per device, in words, and
    the findings that point to it (docs/remedy.md)."""
    plan = v.doc.get("remedy")
    if not isinstance(plan, dict) or not plan.get("devices"):
        return
    devices = []
    by_finding: dict[str, str] = {}
    for d in plan["devices"]:
        lines = []
        for b in d.get("blocks") or []:
            key = "remedy.block_allow" if b.get("allow") else "remedy.block"
            lines.append(
                v.t(
                    key,
                    src=v.zone(b["from"]),
                    dst=v.zone(b["to"]),
                    device=d["device"],
                    interface=b["interface"],
                    direction=v.t(f"remedy.direction.{b['direction']}"),
                    allow=", ".join(b.get("allow") or []),
                )
            )
        for r in d.get("restricts") or []:
            if r.get("off"):
                key = "remedy.off_cleartext" if r.get("cleartext") else "remedy.off"
                lines.append(v.t(key, service=r["service"]))
            elif r.get("allow_from"):
                lines.append(v.t("remedy.only_from", service=r["service"], sources=", ".join(r["allow_from"])))
            elif r.get("zones"):
                zones = ", ".join(v.zone(z) for z in r["zones"])
                lines.append(v.t("remedy.stop_zones", service=r["service"], zones=zones))
        antispoofs = d.get("antispoofs") or []
        if v.detail == "summary" and len(antispoofs) > caps.ANTISPOOFS.over:
            # one line for the device: the interfaces (cut as a table cell) and the zones
            v.cuts += 1
            names, cut = v.join_cut(a["interface"] for a in antispoofs)
            if cut:  # one note under the plan
                v.notes["plan_cells"] = v.t("detail.cell_note", where=v.t("detail.where"))
            zones = ", ".join(dict.fromkeys(v.zone(a["zone"]) for a in antispoofs))
            lines.append(
                v.t("remedy.antispoof_many", n=len(antispoofs), device=d["device"], interfaces=names, zones=zones)
            )
        else:
            for a in antispoofs:
                lines.append(
                    v.t("remedy.antispoof", zone=v.zone(a["zone"]), device=d["device"], interface=a["interface"])
                )
        for c in d.get("closes") or []:
            interfaces = ", ".join(c.get("interfaces") or [])
            lines.append(v.t("remedy.close", service=c["service"], device=d["device"], interfaces=interfaces))
        for u in d.get("unbinds") or []:
            direction = v.t(f"remedy.direction.{u['direction']}")
            lines.append(
                v.t("remedy.unbind", acl=u["acl"], device=d["device"], interface=u["interface"], direction=direction)
            )
        devices.append(
            {
                "device": d["device"],
                "anchor": "remedy-" + "".join(c if c.isalnum() else "-" for c in d["device"]),
                "note": "" if d.get("generator") else v.t("remedy.no_generator", vendor=d.get("vendor", "")),
                "lines": lines,
                "more": "",
            }
        )
        for fid in d.get("findings") or []:
            by_finding.setdefault(fid, d["device"])
    anchors = {d["device"]: d["anchor"] for d in devices}
    listed, n_devices = v.cut(devices, caps.PLAN_DEVICES)
    _plan_lines(v, listed)
    reasons = _unfixable(v, plan.get("unfixable") or [])
    unfixable, _ = v.cut(reasons, caps.UNFIXABLE)
    v.remedy = {
        "intro": v.t("remedy.intro"),
        "devices": listed,
        "devices_more": v.t(
            "detail.plans_more",
            n=n_devices,
            devices=", ".join(d["device"] for d in devices[len(listed) :]),
            where=v.t("detail.where"),
        )
        if n_devices
        else "",
        "unfixable": [text for text, _ in unfixable],
        "unfixable_more": v.more("findings", sum(n for _, n in reasons[len(unfixable) :])),
    }
    # A change set left out of the print: the findings point to the note saying so.
    for d in devices[len(listed) :]:
        anchors[d["device"]] = "remedy-more"
    generated = {d["device"] for d in plan["devices"] if d.get("generator")}
    first: dict[str, int] = {}
    for f in v.findings:
        device = by_finding.get(f["id"])
        if device:
            f["plan"] = {"anchor": anchors[device], "text": v.t("remedy.see_plan", device=device), "device": device}
        if device is not None and device in generated:
            # The change set merges this finding with the others on the device: the
            # finding keeps its principle and points there, without a fragment of its own.
            principle = next((text for kind, text in f["remediation"] if kind == "p"), "")
            f["remediation"] = [("p", principle), ("p", v.t("remedy.instead", device=device))]
            f["snippet"] = None
            if f["lead"]:  # a consequence prints no remediation: never the one referred to
                # The summary of a cut section 4 refers to the same principle on another
                # device too: the entry's change-set line names its device.
                key = principle if v.findings_other else principle + "\0" + device
                no = first.setdefault(key, f["no"])
                f["remediation_ref"] = no if no != f["no"] else None
        if f["plan"]:
            # A consequence names the change set only when its lead names another one.
            f["plan_shown"] = f["lead"] or f["plan"] != v.findings[f["lead_no"] - 1]["plan"]
            plans = v.root_causes[f["root"] - 1]["plans"]
            if f["plan"] not in plans:
                plans.append(f["plan"])


def _plan_lines(v: View, listed: list[dict]) -> None:
    """Each printed change set's lines, in words: in the summary at most
    ``PLAN_LINES.keep`` of a long one, and where the printed sets hold more than
    ``PLAN_TOTAL.over`` lines in all, an equal share of ``PLAN_TOTAL.keep`` each (at
    least ``PLAN_LINES_MIN``): eight routers of 25 blocks each printed seven pages."""
    cap = caps.PLAN_LINES
    printed = sum(len(d["lines"]) if len(d["lines"]) <= cap.over else cap.keep for d in listed)
    if v.detail == "summary" and printed > caps.PLAN_TOTAL.over:
        share = max(caps.PLAN_LINES_MIN, caps.PLAN_TOTAL.keep // len(listed))
        cap = caps.Cap(share, share)
    for d in listed:
        shown, n_lines = v.cut(d["lines"], cap)
        d["lines"] = [v.prose(x) for x in shown]
        d["more"] = v.more("changes", n_lines)


def _unfixable(v: View, unfixable: list[dict]) -> list[tuple[str, int]]:
    """The findings no change set closes, one line per reason (text, findings): the
    sections that print them, each once, then the reason.  A site without a management
    zone leaves every device's ssh open for the same reason: 32 identical lines on the
    Stanford backbone."""
    by_reason: dict[str, list[str]] = {}
    for u in unfixable:
        ref = v.finding_refs.get(u["finding"], u["finding"])
        by_reason.setdefault(v.prose(v.L(u.get("reason"))), []).append(ref)
    lines = []
    for reason, refs in by_reason.items():
        ordered = sorted(dict.fromkeys(refs), key=lambda r: [int(x) for x in re.findall(r"\d+", r)] or [1 << 30])
        shown, n = v.cut(ordered, caps.REFS)
        where = ", ".join(shown) + (" " + v.t("detail.refs_cut", n=n) if n else "")
        if len(refs) > 1:
            where = v.t("remedy.unfixable_many", refs=where, n=len(refs))
        lines.append((f"{where}: {reason}", len(refs)))
    return lines


def _zones_cut(v, zones: list[str]) -> list[str]:
    """A finding's zones, cut as a table cell is in the summary (the last one shown
    says how many more: a guest-isolation finding of 50 VLANs names every staff zone)."""
    shown, n = v.cut([v.zone(z) for z in zones], caps.FINDING_ZONES)
    if n:
        shown[-1] += " " + v.t("detail.inline", n=n)
    return shown
