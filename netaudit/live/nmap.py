"""nmap XML (``nmap -oX``) → a :class:`~netaudit.live.evidence.ProbeRun`, and the loader of
``--probes FILE[@ZONE]`` (docs/live.md, "nmap import").

Each host/port becomes a probe:

* ``open`` → *answered*; ``closed`` → *refused* (the target itself reset / port-unreachable);
* ``filtered`` with reason ``admin-prohibited`` (also ``host-prohibited``,
  ``net-prohibited``) → *prohibited*, ``hop`` = ``reason_ip`` when given; ``filtered`` with an
  unreachable from an address other than the target → *prohibited* naming that address;
* ``filtered``, ``open|filtered``, ``closed|filtered`` otherwise (no-response …) → *no_answer*;
* ``unfiltered`` (ACK scan) says nothing about new connections: left out;
* ``extraports`` are expanded only when nmap lists their ports (``extrareasons ports=``);
* a host up by ``echo-reply`` / ``arp-response`` → an ``icmp/8`` *answered* probe.

nmap does not know which zone it ran from: the vantage zone is given on the command line
(``--probes scan.xml@guest``).  The XML is parsed with defusedxml: no external entities, no
entity expansion, no network access.
"""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, datetime
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError

from ..messages import Text
from ..model import InputError
from .evidence import ANSWERED, NO_ANSWER, PROHIBITED, REFUSED, Probe, ProbeRun, load_run, run_from_dict

# A probe file larger than this is not read (an nmap scan of a /16 on all ports is far less).
MAX_BYTES = 200 * 1024 * 1024
PROHIBITED_REASONS = ("admin-prohibited", "host-prohibited", "net-prohibited")
UNREACH_REASONS = ("host-unreach", "net-unreach", "port-unreach", "proto-unreach", "reset")
HOST_UP_REASONS = ("echo-reply", "arp-response")


def _when(epoch: str | None) -> str | None:
    if not epoch or not epoch.isdecimal():
        return None
    return datetime.fromtimestamp(int(epoch), tz=UTC).isoformat().replace("+00:00", "Z")


def _ports(spec: str) -> list[int]:
    """``"1-3,80"`` → [1, 2, 3, 80] (nmap's port lists; garbage is skipped)."""
    out: list[int] = []
    for part in spec.split(","):
        a, _, b = part.strip().partition("-")
        if a.isdecimal() and (not b or b.isdecimal()):
            lo, hi = int(a), int(b or a)
            if 0 <= lo <= hi <= 65535:
                out.extend(range(lo, hi + 1))
    return out


def _port_probe(dst: str, proto: str, port: int, state: str, reason: str, reason_ip: str | None) -> Probe | None:
    service = f"{proto}/{port}"
    detail = f"nmap {state} ({reason})" if reason else f"nmap {state}"
    other = reason_ip if reason_ip and reason_ip != dst else None
    if state == "open":
        return Probe(dst, service, ANSWERED, detail=detail)
    if state == "closed":
        if other and reason in UNREACH_REASONS:  # refused by a hop, not by the target
            return Probe(dst, service, PROHIBITED, detail=f"{detail} from {other}", hop=other)
        return Probe(dst, service, REFUSED, detail=detail)
    if state == "filtered" and reason in PROHIBITED_REASONS:
        return Probe(
            dst, service, PROHIBITED, detail=detail + (f" from {reason_ip}" if reason_ip else ""), hop=reason_ip
        )
    if state == "filtered" and other and reason in UNREACH_REASONS:
        return Probe(dst, service, PROHIBITED, detail=f"{detail} from {other}", hop=other)
    if state in ("filtered", "open|filtered", "closed|filtered"):
        return Probe(dst, service, NO_ANSWER, detail=detail)
    return None  # unfiltered: an ACK scan proves nothing about new connections


def _address(host: Element, kind: str) -> str | None:
    for a in host.findall("address"):
        if a.get("addrtype") == kind and a.get("addr"):
            return a.get("addr")
    return None


def _parse(raw: bytes, file: str) -> Element:
    import defusedxml.ElementTree as DET
    from defusedxml import DefusedXmlException

    try:
        return DET.fromstring(raw)
    except ParseError as e:
        line = getattr(e, "position", (None, None))[0]
        msg = str(e).split(":")[0]
        raise InputError(Text("live.error.xml", error=msg), file, line) from None
    except DefusedXmlException as e:
        m = re.search(rb"<!ENTITY", raw)
        line = raw[: m.start()].count(b"\n") + 1 if m else None
        raise InputError(Text("live.error.xml_refused", error=str(e)), file, line) from None


def run_from_nmap(raw: bytes, file: str, zone: str) -> ProbeRun:
    """The probes of an nmap XML report run from ``zone``."""
    from netaddr import AddrFormatError, IPAddress

    root = _parse(raw, file)
    if root.tag != "nmaprun":
        raise InputError(Text("live.error.not_nmap", tag=root.tag), file)
    finished = root.find("runstats/finished")
    vantage = {
        "zone": zone,
        "interface": None,
        "address": None,
        "started": _when(root.get("start")),
        "finished": _when(finished.get("time") if finished is not None else None),
        "source": f"nmap {root.get('version') or '?'}: {root.get('args') or ''}".strip(),
    }
    probes: list[Probe] = []
    hosts: list[dict] = []
    for n, host in enumerate(root.findall("host")):
        dst = _address(host, "ipv4")
        if dst is None:
            continue  # IPv6 only: netaudit models IPv4
        try:
            dst = str(IPAddress(dst, 4))
        except (AddrFormatError, ValueError):
            raise InputError(Text("live.error.address", where=f"host[{n}]", value=repr(dst)), file) from None
        status = host.find("status")
        if status is not None and status.get("state") == "up":
            hosts.append({"address": dst, "mac": _address(host, "mac"), "how": "nmap"})
            reason = status.get("reason") or ""
            if reason in HOST_UP_REASONS:
                detail = "ICMP echo reply" if reason == "echo-reply" else "ARP reply (same L2 segment)"
                probes.append(Probe(dst, "icmp/8", ANSWERED, detail=f"nmap host up: {detail}"))
        for port in host.findall("ports/port"):
            state = port.find("state")
            portid = port.get("portid") or ""
            proto = port.get("protocol") or ""
            if state is None or proto not in ("tcp", "udp", "sctp"):
                continue  # IP protocol scans (-sO) and the like: no port to probe
            if not portid.isdecimal() or not 0 <= int(portid) <= 65535:
                # nmap always writes a number: a damaged or edited report, never a silent skip
                raise InputError(Text("live.error.port", where=f"host[{n}] {dst}", port=repr(portid)), file)
            p = _port_probe(
                dst, proto, int(portid), state.get("state") or "", state.get("reason") or "", state.get("reason_ip")
            )
            if p is not None:
                probes.append(p)
        for extra in host.findall("ports/extraports"):
            extra_state = extra.get("state") or ""
            for why in extra.findall("extrareasons"):
                proto = why.get("proto") or ""
                if proto not in ("tcp", "udp", "sctp"):
                    continue
                for portnum in _ports(why.get("ports") or ""):
                    p = _port_probe(dst, proto, portnum, extra_state, why.get("reason") or "", None)
                    if p is not None:
                        probes.append(p)
    return ProbeRun(
        file=file,
        sha256=hashlib.sha256(raw).hexdigest(),
        vantage=vantage,
        plan={"from": None, "sha256": None},
        probes=probes,
        hosts=hosts,
    )


def load(spec: str) -> ProbeRun:
    """``--probes FILE[@ZONE]``: a netaudit probe result (JSON; ``@ZONE``, when given, must
    be its vantage zone) or an nmap XML report (``@ZONE`` required: nmap does not know it)."""
    path, zone = spec, ""
    if not Path(spec).exists():
        head, sep, tail = spec.rpartition("@")
        if sep and head and tail:
            path, zone = head, tail
    p = Path(path)
    try:
        with p.open("rb") as f:
            raw = f.read(MAX_BYTES + 1)
    except OSError as e:
        raise InputError(Text("live.error.cannot_read", error=str(e.strerror or e)), str(p)) from None
    if len(raw) > MAX_BYTES:
        raise InputError(Text("live.error.too_big", mb=MAX_BYTES // (1024 * 1024)), str(p))
    if raw.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        if not zone:
            raise InputError(Text("live.error.nmap_zone"), str(p))
        return run_from_nmap(raw, str(p), zone)
    run = load_run(p)
    if zone and run.zone != zone:
        raise InputError(Text("live.error.other_zone", zone=repr(run.zone), asked=repr(zone)), str(p))
    return run


__all__ = ["load", "run_from_dict", "run_from_nmap"]
