"""The ▶ JSON document (schema ``netaudit/audit/v1``; docs/report.md describes it).

Every renderer except the terminal summary renders from this document, so
``netaudit report audit.json`` is "load JSON, render".  Keys added since the first
version are additive (docs/report.md lists them): ``generated``, ``topology``,
``compliance``, ``conclusion``, ``zones[].domains``, and with live evidence ``probes`` and
``matrix[].live``.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Callable
from datetime import UTC, date, datetime
from json.encoder import INFINITY, encode_basestring

from .. import __version__
from ..collector import paused
from ..messages import both_of, with_text
from ..model import Action
from ..secrets import Masker, zone_names
from . import RenderOptions

SCHEMA = "netaudit/audit/v1"
# Unrecognised lines (and partial constructs) listed per input file, and the longest
# line text kept: the rest is counted, not repeated (docs/limits.md).
MAX_LISTED_PER_FILE = 1000
MAX_LINE_CHARS = 500


def generated_date() -> str:
    """ISO date of the report: from SOURCE_DATE_EPOCH when set (UTC), else today."""
    sde = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if sde.isdecimal():
        return datetime.fromtimestamp(int(sde), tz=UTC).date().isoformat()
    return date.today().isoformat()


def _plain(obj):
    """Site-file values as JSON data: YAML dates as ISO strings, the loader's line marks dropped."""
    if isinstance(obj, dict):
        return {str(k): _plain(v) for k, v in obj.items() if k != "__line__"}
    if isinstance(obj, (list, tuple)):
        return [_plain(v) for v in obj]
    if isinstance(obj, (date, datetime)):
        return obj.isoformat()
    if obj is None or isinstance(obj, (str, int, float, bool)):
        return obj
    return str(obj)


def _cite(src) -> dict | None:
    return {"file": src.file, "line": src.line} if src is not None else None


def _role(dev, edge: bool) -> str:
    ifs = [i for i in dev.interfaces.values() if not i.shutdown]
    fwd = dev.filters.get(dev.forward_filter) if dev.forward_filter else None
    # A forward filter that filters (a RouterOS forward chain without a rule filters nothing)
    filtering = fwd is not None and (fwd.lines or fwd.default_action != Action.PERMIT)
    if filtering or any(i.security_level is not None or i.zone for i in ifs):
        return "firewall"
    switchports = any(i.mode.value in ("access", "trunk") for i in ifs)
    svis = any(i.kind.value == "svi" and i.addresses for i in ifs)
    if edge and not switchports:
        return "edge-router"
    if switchports and svis and dev.ip_routing:
        return "l3-switch"
    if switchports:
        return "switch"
    if any(i.is_l3 for i in ifs):
        return "edge-router" if edge else "router"
    return "other"


def topology_dict(audit) -> dict:
    """Devices, L2 domains (with their zones) and links, for diagrams and inventories."""
    topo = audit.topology
    zones_by_domain: dict[str, list[str]] = defaultdict(list)
    external_domains: set[str] = set()
    for pz in audit.zones:
        for did in pz.domains:
            zones_by_domain[did].append(pz.name)
            if pz.kind == "external":
                external_domains.add(did)
    devs_by_domain: dict[str, set[str]] = defaultdict(set)
    for node, did in topo.domain_of.items():
        devs_by_domain[did].add(node[1])
    devices = []
    for name in sorted(topo.devices):
        d = topo.devices[name]
        ifs = []
        edge = False
        for itf in d.interfaces.values():
            did = topo.l3_domain(name, itf.name) or topo.port_domain(name, itf.name)
            edge = edge or (did in external_domains and not itf.shutdown)
            entry = {
                "name": itf.name,
                "kind": itf.kind.value,
                "mode": itf.mode.value,
                "addresses": [str(a) for a in itf.addresses],
            }
            if itf.virtual_addresses:
                entry["virtual_addresses"] = [str(a) for a in itf.virtual_addresses]
            if itf.shutdown:
                entry["shutdown"] = True
            for key in (
                "description",
                "access_vlan",
                "native_vlan",
                "filter_in",
                "filter_out",
                "nat_side",
                "zone",
                "parent",
            ):
                val = getattr(itf, key)
                if val not in (None, ""):
                    entry[key] = val
            if itf.vrf != "default":
                entry["vrf"] = itf.vrf
            if itf.mode.value == "trunk":
                entry["allowed_vlans"] = sorted(itf.allowed_vlans) if itf.allowed_vlans is not None else "all"
            if did is not None:
                entry["domain"] = did
            ifs.append(entry)
        services = [
            {
                "name": s.name,
                "acl": s.acl,
                "insecure": bool(s.insecure),
                **({"source": _cite(s.source)} if s.source is not None else {}),
                # not established that it listens (an IKE configured but applied nowhere, a
                # Smart Install state the configuration does not show): the reason
                **({"partial": s.partial} if s.partial else {}),
            }
            for s in d.services
            if s.enabled
        ]
        devices.append(
            {
                "name": name,
                "vendor": d.vendor,
                "file": d.file,
                "os_version": d.os_version,
                "role": _role(d, edge),
                "ip_routing": d.ip_routing,
                "interfaces": ifs,
                "vlans": [{"id": v.id, "name": v.name} for v in sorted(d.vlans.values(), key=lambda v: v.id)],
                "ssids": [{"name": s.name, "vlan": s.vlan, "open": s.open_auth} for s in d.ssids],
                "services": services,
            }
        )
    domains = []
    for did in sorted(topo.domains, key=lambda x: int(x[1:])):
        dom = topo.domains[did]
        vlans = sorted(f"{n[1]}:{n[2]}" for n in dom.nodes if n[0] == "seg" and isinstance(n[2], int))
        if not (dom.l3 or zones_by_domain.get(did) or vlans or len(devs_by_domain[did]) > 1):
            continue
        domains.append(
            {
                "id": did,
                "label": dom.label,
                "devices": sorted(devs_by_domain[did]),
                "interfaces": [f"{d}:{i}" for d, i in dom.l3],
                "vlans": vlans,
                "zones": zones_by_domain.get(did, []),
            }
        )
    links = set()
    for a, b in topo.graph.edges():
        if a[0] == "dev" or b[0] == "dev" or a[1] == b[1]:
            continue
        pa, pb = f"{a[1]}:{a[2]}", f"{b[1]}:{b[2]}"
        links.add((min(pa, pb), max(pa, pb), topo.domain_of.get(a, "")))
    return {
        "devices": devices,
        "domains": domains,
        "links": [{"a": a, "b": b, "domain": did} for a, b, did in sorted(links)],
    }


def site_dict(site) -> dict:
    """The JSON ``site`` section: the file, its SHA-256 (it decides every verdict, so it is
    evidence like the configurations), the cover fields and the policy overrides."""
    out: dict = {"file": site.file, "inferred": site.inferred}
    if getattr(site, "sha256", None):
        out["sha256"] = site.sha256  # additive
    out.update(_plain(site.info))
    if site.policy:
        out["policy"] = [  # additive: the site's overrides of the reference policy, as written
            {
                "from": p.src,
                "to": p.dst,
                **({"allow": p.allow} if p.allow is not None else {}),
                **({"services": list(p.services)} if p.services is not None else {}),
                **({"line": p.line} if p.line is not None else {}),
            }
            for p in site.policy
        ]
    return out


def audit_dict(audit, options: RenderOptions) -> dict:
    """The audit as plain data (secrets masked unless asked)."""
    with paused():
        return _audit_dict(audit, options)


def _audit_dict(audit, options: RenderOptions) -> dict:
    snap = audit.snapshot
    # Secrets masked by what each string is (secrets.Masker.doc): config lines by grammar
    # position, unrecognised lines and warnings also by the conservative rule, prose by
    # distinctive literal values only.
    masker = Masker(snap.devices, zone_names(audit.zones), show=options.show_secrets)
    inputs = [
        {
            "path": f.path,
            "sha256": f.sha256,
            "kind": f.kind,
            "vendor": f.vendor,
            "devices": f.devices,
            "lines": f.lines,
            "unrecognized": f.unrecognized,
            **({"problem": f.problem, "problem_text": both_of(f.problem)} if f.problem else {}),
        }
        for f in snap.inputs
    ]
    zones = []
    for pz in audit.zones:
        z = {
            "name": pz.name,
            "kind": pz.kind,
            "subnets": [str(s) for s in pz.zone.subnets],
            "vlans": [f"{d}:{v}" for d, v in pz.zone.vlans],
            "attach": [f"{d}:{i}" for d, i in pz.zone.attach],
        }
        if pz.zone.title:
            z["title"] = pz.zone.title  # additive: what reports call it (text or {"vi", "en"})
        if pz.zone.inferred_from:
            z["inferred_from"] = pz.zone.inferred_from  # English
            z["inferred_from_text"] = [both_of(w) for w in pz.zone.inferred_from]  # additive: {"vi", "en"} each
        if pz.zone.sources != "own":
            z["sources"] = pz.zone.sources  # additive: "any" (spoofed sources included)
        if pz.zone.via != "segment":
            z["via"] = pz.zone.via  # additive: "tunnel" (behind the tunnels of its attach interfaces)
            z["tunnels"] = [f"{d}:{i}" for d, i in pz.tunnels]  # additive: those it was placed behind
        if pz.zone.line is not None and not audit.site.inferred:
            z["line"] = pz.zone.line  # additive: where the site file declares it
        if pz.attached:
            z["attached"] = pz.attached  # English; additive
            z["attached_text"] = [both_of(a) for a in pz.attached]
        if pz.problems:
            z["problems"] = pz.problems
            z["problems_text"] = [both_of(p) for p in pz.problems]  # additive: {"vi", "en"} each
        z["domains"] = list(pz.domains)
        zones.append(z)
    matrix = []
    for c in audit.matrix:
        exp = c.expectation
        cell = {"src": c.src, "dst": c.dst, "verdict": c.verdict, "expected": exp.expected if exp else None}
        if exp is not None and exp.expected == "limited":
            cell["allowed_services"] = list(exp.allowed_services)
        cell["violation"] = c.violation
        cell["services"] = c.services
        cell["witness"] = c.witness.to_json() if c.witness else None
        cell["reason"] = c.reason
        if c.reason is not None:
            cell["reason_text"] = both_of(c.reason)  # additive: {"vi", "en"}
        if c.maybe_services:
            # additive: what a reachable cell may deliver too, and why (a partial line or
            # service); ``may_violate`` when that is beyond the policy (not proven within it)
            cell["maybe_services"] = c.maybe_services
            if c.maybe_reason is not None:
                cell["maybe_reason"] = str(c.maybe_reason)
                cell["maybe_reason_text"] = both_of(c.maybe_reason)
        if c.may_violate:
            cell["may_violate"] = True
        if c.icmp_replies_only:
            cell["icmp_replies_only"] = True  # additive: beyond the policy by ICMP replies/errors only
        if c.blocking:
            cell["blocked_by"] = [with_text(b, "text") for b in c.blocking]  # a default's sentence: text_text
        if c.dropped:  # additive: why a blocked flow stops where no line stops it
            cell["dropped"] = [str(t) for t in c.dropped]
            cell["dropped_text"] = [both_of(t) for t in c.dropped]
        if c.replies_only:
            cell["replies_only"] = True  # blocked for new connections, replies get through
        live_cell = audit.live.cell(c.src, c.dst) if getattr(audit, "live", None) is not None else None
        if live_cell is not None:
            cell["live"] = live_cell.to_json()  # additive: only with probes (docs/live.md)
        matrix.append(cell)
    partial = []
    for r in snap.reports:
        for p in r.partially_understood:
            # A reason the parser wrote from the catalogue is in both languages too (additive).
            partial.append(with_text(p, "reason"))
    # Bounded output (docs/limits.md): a file of garbage must not make a JSON many times
    # its size.  The per-file totals stay in inputs[].unrecognized.
    unrecognized, omitted = [], 0
    for r in snap.reports:
        for s in r.unrecognized[:MAX_LISTED_PER_FILE]:
            text = masker.unrecognized(s.text, s.file, s.line)  # masked before it is cut
            text = text if len(text) <= MAX_LINE_CHARS else text[:MAX_LINE_CHARS] + "…"
            unrecognized.append({"file": s.file, "line": s.line, "text": text})
        omitted += max(0, len(r.unrecognized) - MAX_LISTED_PER_FILE)
    if len(partial) > MAX_LISTED_PER_FILE * max(1, len(snap.reports)):
        omitted += len(partial) - MAX_LISTED_PER_FILE * max(1, len(snap.reports))
        partial = partial[: MAX_LISTED_PER_FILE * max(1, len(snap.reports))]
    out = {
        "schema": SCHEMA,
        "tool": {"name": "netaudit", "version": __version__},
        "generated": generated_date(),
        "unit": audit.site.unit,
        "level": audit.site.level,
        "site": site_dict(audit.site),
        "inputs": inputs,
        "zones": zones,
        "matrix": matrix,
        "findings": [f.to_json() for f in audit.findings],
        "coverage": {
            "files": sum(1 for f in snap.inputs if f.kind != "skipped"),
            "lines": sum(r.lines for r in snap.reports),
            "unrecognized": sum(len(r.unrecognized) for r in snap.reports),
            "partially_understood": partial,
            "unrecognized_lines": unrecognized,
            **({"omitted": omitted} if omitted else {}),
        },  # additive: lines not listed
        # additive: what was assumed for run-time (DHCP/PPPoE) addresses
        **(
            {
                "runtime_addresses": [
                    {**r, "candidates_text": both_of(r["candidates"])} for r in audit.engine.runtime_assumptions()
                ]
            }
            if audit.engine.runtime_address
            else {}
        ),
        # additive: the usable-input problems (also the first warnings), counted by the conclusion
        **({"input_problems": list(snap.input_problems)} if snap.input_problems else {}),
        "warnings": audit.warnings,
        **({"warnings_text": [both_of(w) for w in audit.warnings]} if audit.warnings else {}),  # additive
        "topology": topology_dict(audit),
    }
    if getattr(audit, "live_only", False):
        out["live_only"] = True  # additive: no configurations, the matrix from probes alone
    if getattr(audit, "remedy", None):
        out["remedy"] = audit.remedy  # additive: the remediation plan (docs/remedy.md)
    if getattr(audit, "reference", None) is not None:
        out["reference"] = audit.reference  # additive: only with a site ``type`` (docs/blueprint.md)
    if getattr(audit, "live", None) is not None:
        from ..live.merge import live_json

        out["probes"] = live_json(audit.live)  # additive: only with probes (docs/live.md)
    compliance = getattr(audit, "compliance", None)
    if compliance is not None:
        out["compliance"] = compliance
        out["conclusion"] = conclusion(compliance, options.standard)
    return masker.doc(out)


def conclusion(compliance: dict, standard: str | None) -> dict:
    """The overall conclusion drawn from ``standard``'s regime (default: the compliance default)."""
    from ..compliance import regime

    std = standard or compliance.get("default")
    reg = regime(compliance, std) or compliance["regimes"][0]
    return {"standard": reg["id"], "verdict": reg["verdict"], "reasons": reg["reasons"]}


def dumps(doc: dict) -> str:
    """The document as JSON text: the exact data, with control and bidi characters as
    ``\\uXXXX`` escapes, never raw (safetext.dumps_json).

    The text is ``dumps_json(doc, indent=2, sort_keys=False)``, byte for byte, written by
    :func:`_indented` (the standard library writes indented JSON with its pure-Python
    encoder: 0.3 s for a 9 MB document) and escaped string by string: only a string
    that is not plain ASCII can hold an unsafe character, so only those go through
    dumps_json's escaping, not every character of the document."""
    from ..safetext import dumps_json

    with paused():
        text = _indented(doc, dumps_json, "\n")
        if text is None or "\x7f" in text:  # DEL is ASCII: escaped by the whole-text path
            return dumps_json(doc, indent=2, sort_keys=False) + "\n"
        return text


class _Unusual(Exception):
    """A value :func:`_indented` leaves to the standard encoder."""


def _indented(obj, escaped: Callable[[str], str] = encode_basestring, end: str = "") -> str | None:
    """``json.dumps(obj, indent=2, ensure_ascii=False)``, the same text byte for byte,
    in a fraction of the time: a list of strings is one call of the C string encoder,
    every other value one piece of one list.  A string whose JSON text is not plain
    ASCII and that Python does not call printable is written by ``escaped`` instead
    (given the string; safetext.dumps_json for a report, which changes nothing in a
    printable string: every character it escapes is unprintable), then ``end``.  None
    for what the standard encoder must judge: a value JSON does not know, a reference
    cycle."""
    parts: list[str] = []
    try:
        _emit(obj, parts, 0, escaped, {})
    except (_Unusual, RecursionError):
        return None
    parts.append(end)
    return "".join(parts)


# Pieces of a list's text kept apart before they are joined: a large document's text is
# then held as a few long strings, not hundreds of thousands of short ones (each with
# its object header) until the end.
_PIECES = 4096
# A line break and the indentation of each level; deeper documents go to the standard encoder.
_NEWLINES = ["\n" + "  " * level for level in range(100)]


def _float(o: float) -> str:
    # json.encoder's floatstr with allow_nan
    if o != o:
        return "NaN"
    if o == INFINITY:
        return "Infinity"
    if o == -INFINITY:
        return "-Infinity"
    return float.__repr__(o)


def _string(s: str, escaped: Callable[[str], str]) -> str:
    text = encode_basestring(s)
    return text if text.isascii() or s.isprintable() else escaped(s)


def _scalar(v, escaped: Callable[[str], str]) -> str | None:
    """``v`` as JSON text when it is no container, in json.encoder's order of tests."""
    if isinstance(v, str):
        return _string(v, escaped)
    if v is None:
        return "null"
    if v is True:
        return "true"
    if v is False:
        return "false"
    if isinstance(v, int):
        return int.__repr__(v)
    if isinstance(v, float):
        return _float(v)
    if isinstance(v, (list, tuple, dict)):
        return None
    raise _Unusual


def _key(k) -> str:
    # json.encoder's conversion of a dict key (skipkeys off)
    if isinstance(k, str):
        return k
    if isinstance(k, float):
        return _float(k)
    if k is True:
        return "true"
    if k is False:
        return "false"
    if k is None:
        return "null"
    if isinstance(k, int):
        return int.__repr__(k)
    raise _Unusual


def _value(v, head: str, parts: list[str], level: int, escaped, keys: dict[str, str]) -> None:
    """One list item or mapping value after ``head`` (its separator and key)."""
    t = type(v)
    if t is str:
        parts.append(head + _string(v, escaped))
    elif t is int:
        parts.append(head + int.__repr__(v))
    elif t is dict or t is list:
        parts.append(head)
        _emit(v, parts, level + 1, escaped, keys)
    else:
        scalar = _scalar(v, escaped)
        if scalar is None:
            parts.append(head)
            _emit(v, parts, level + 1, escaped, keys)
        else:
            parts.append(head + scalar)


def _key_text(k, escaped: Callable[[str], str]) -> str:
    """A mapping key as JSON text with its separator (``"key": ``)."""
    if type(k) is not str:
        k = _key(k)
    key = encode_basestring(k)
    return (key if key.isascii() else escaped(k)) + ": "


def _emit(o, parts: list[str], level: int, escaped: Callable[[str], str], keys: dict[str, str]) -> None:
    """Append ``o`` as indented JSON text, its first line at ``level``, to ``parts``
    (json.encoder's _make_iterencode with indent, piece for piece).  ``keys``: the text
    of each string key met before (a document repeats a few dozen keys thousands of
    times)."""
    enc = encode_basestring
    if level >= len(_NEWLINES) - 1:
        raise _Unusual
    if isinstance(o, (list, tuple)):
        if not o:
            parts.append("[]")
            return
        inner = _NEWLINES[level + 1]
        sep = "," + inner
        try:  # a list of strings, the most common list: one call
            body = sep.join(map(enc, o))
        except TypeError:
            pass
        else:
            if not body.isascii():
                body = sep.join([_string(v, escaped) for v in o])
            parts.append("[" + inner + body + _NEWLINES[level] + "]")
            return
        parts.append("[" + inner)
        head = ""
        mark = len(parts)
        for v in o:
            _value(v, head, parts, level, escaped, keys)
            head = sep
            if len(parts) - mark > _PIECES:  # a long list: its pieces joined as it goes
                parts[mark:] = ["".join(parts[mark:])]
                mark = len(parts)
        parts.append(_NEWLINES[level] + "]")
    elif isinstance(o, dict):
        if not o:
            parts.append("{}")
            return
        inner = _NEWLINES[level + 1]
        sep = "," + inner
        parts.append("{" + inner)
        head = ""
        for k, v in o.items():
            key = keys.get(k) if type(k) is str else None
            if key is None:
                key = _key_text(k, escaped)
                if type(k) is str:
                    keys[k] = key
            if type(v) is str:  # the most common value, without a call of _value
                parts.append(head + key + _string(v, escaped))
            else:
                _value(v, head + key, parts, level, escaped, keys)
            head = sep
        parts.append(_NEWLINES[level] + "}")
    else:
        scalar = _scalar(o, escaped)
        if scalar is None:  # pragma: no cover - containers are handled above
            raise _Unusual
        parts.append(scalar)


def render(audit, options: RenderOptions) -> str:
    return dumps(audit_dict(audit, options))


def render_doc(doc: dict, options: RenderOptions) -> str:
    return dumps(doc)
