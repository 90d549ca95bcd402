"""Section 4 of the report, shaped for templates: the findings grouped by root cause
(the configuration lines they share), each with its evidence, witness path and
remediation, and the remediation plan they point to (docs/report.md, "Root causes";
docs/remedy.md).  Called by :func:`netaudit.report.view.build`."""

from __future__ import annotations

import ipaddress
import re
from typing import TYPE_CHECKING

from ..vocabulary import SEVERITIES
from .words import cite_view

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
        code = v.t("report.snippet.deny_pair.cisco_ios", acl=acl, interface=itf["name"], dst_net=nets[0])
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


def findings(v: View, zone_kind: dict) -> None:
    """Findings printed by root cause: groups of findings sharing their decisive lines,
    most severe group first; in a group, the first (most severe) finding is printed in full
    and the others as consequences referring to it.  Numbers ("mục 4.N") follow the print
    order."""
    from .view import hops_view  # view imports this module: at call time

    zone_subnets = {z["name"]: z.get("subnets", []) for z in v.doc.get("zones", [])}
    order = {s: i for i, s in enumerate(SEVERITIES)}
    items = sorted(enumerate(v.doc.get("findings", [])), key=lambda p: (order.get(p[1].get("severity"), 9), p[0]))
    cited = cited_lines(v.doc.get("findings", []))
    groups: dict[tuple, list[tuple[int, dict]]] = {}
    for i, f in items:
        groups.setdefault(root_cause_key(f, i, cited), []).append((i, f))
    first_why: dict[str, int] = {}
    first_fix: dict[str, int] = {}
    n = 0
    for rc, members in enumerate(groups.values(), 1):
        lead_no = n + 1
        lead_fix = ""
        group = []
        for _, f in members:
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
            entry = {
                "no": n,
                "id": f.get("id", ""),
                "check": check,
                "severity": f.get("severity", "info"),
                "severity_label": v.t(f"severity.{f.get('severity', 'info')}"),
                "title": v.prose(v.L(f.get("title"))),
                "detail": v.prose(v.L(f.get("detail"))),
                "why": why,
                "evidence": [cite_view(e, v.lang) for e in f.get("evidence", [])],
                "witness": hops_view(v, f.get("witness")),
                "remediation": split_remediation(remediation),
                "why_ref": why_ref if why_ref != n else None,
                "remediation_ref": fix_ref if fix_ref != n else None,
                "snippet": _extra_snippet(v, f, zone_subnets) if lead else None,
                "references": f.get("references", []),
                "zones": [v.zone(z) for z in f.get("zones", [])],
                "devices": f.get("devices", []),
                "plan": None,  # set by _remedy: the change set this finding belongs to
                "plan_shown": False,  # set by _remedy: a consequence whose change set differs from its lead's
                # Root cause (docs/report.md): the group's number, whether this entry is
                # printed in full, and for a consequence the entry it refers to.
                "root": rc,
                "lead": lead,
                "lead_no": lead_no,
                "consequences": [],  # on the lead: the other findings of the group
                # A consequence whose remediation differs from the lead's keeps its principle.
                "own_fix": ""
                if lead or remediation == lead_fix
                else next((text for kind, text in split_remediation(remediation) if kind == "p"), ""),
            }
            group.append(entry)
            v.findings.append(entry)
            if f.get("id"):
                v.finding_refs[f["id"]] = v.t("ref.finding", sec=v.sec["findings"], no=n)
        group[0]["consequences"] = [{"no": e["no"], "title": e["title"]} for e in group[1:]]
        # The decisive lines as the members cite them, each in its shortest form (a flow's
        # evidence may carry the engine's annotation after the line, the line's own finding not).
        lines = []
        for e in root_cause_lines(members[0][1], cited):
            same = [
                c
                for _, m in members
                for c in m.get("evidence") or []
                if isinstance(c, dict) and c.get("file") == e.get("file") and c.get("line") == e.get("line")
            ]
            lines.append(cite_view(min(same or [e], key=lambda c: len(str(c.get("text", "")))), v.lang))
        v.root_causes.append(
            {
                "no": rc,
                "lines": lines,
                "severity": group[0]["severity"],
                "severity_label": group[0]["severity_label"],
                "findings": [{"no": e["no"], "title": e["title"]} for e in group],
                "plans": [],  # set by _remedy
            }
        )


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
                lines.append(v.t("remedy.off", service=r["service"]))
            elif r.get("allow_from"):
                lines.append(v.t("remedy.only_from", service=r["service"], sources=", ".join(r["allow_from"])))
            elif r.get("zones"):
                zones = ", ".join(v.zone(z) for z in r["zones"])
                lines.append(v.t("remedy.stop_zones", service=r["service"], zones=zones))
        for a in d.get("antispoofs") or []:
            lines.append(v.t("remedy.antispoof", zone=v.zone(a["zone"]), device=d["device"], interface=a["interface"]))
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
                "lines": [v.prose(x) for x in lines],
            }
        )
        for fid in d.get("findings") or []:
            by_finding.setdefault(fid, d["device"])
    v.remedy = {
        "intro": v.t("remedy.intro"),
        "devices": devices,
        "unfixable": [
            f"{v.finding_refs.get(u['finding'], u['finding'])}: {v.prose(v.L(u.get('reason')))}"
            for u in plan.get("unfixable") or []
        ],
    }
    anchors = {d["device"]: d["anchor"] for d in devices}
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
                key = principle + "\0" + device
                no = first.setdefault(key, f["no"])
                f["remediation_ref"] = no if no != f["no"] else None
        if f["plan"]:
            # A consequence names the change set only when its lead names another one.
            f["plan_shown"] = f["lead"] or f["plan"] != v.findings[f["lead_no"] - 1]["plan"]
            plans = v.root_causes[f["root"] - 1]["plans"]
            if f["plan"] not in plans:
                plans.append(f["plan"])
