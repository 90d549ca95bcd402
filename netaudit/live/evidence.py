"""The probe-result document (schema ``netaudit/probes/v1``): what ``netaudit probe`` writes,
what an nmap XML import becomes, and what ``netaudit audit --probes`` reads.

Document::

    {"schema": "netaudit/probes/v1",
     "tool": {"name": "netaudit", "version": "…"},
     "vantage": {"zone": "guest", "interface": "wlan0", "address": "10.10.40.23/24",
                 "mac": "…", "gateway": "10.10.40.1", "dhcp_server": "10.10.40.1",
                 "ssid": "UBND-Khach" | null, "started": ISO-8601, "finished": ISO-8601,
                 "source": "netaudit probe" | "nmap 7.93 …"},
     "plan": {"from": "audit.json" | "site.yaml" | "DIR" | null, "sha256": "…" | null,
              "rate": 200.0, "timeout": 1.0, "max_probes": N},
     "probes": [{"dst": "10.10.10.5", "zone": "staff" | null, "service": "tcp/445",
                 "result": "answered" | "refused" | "prohibited" | "no_answer",
                 "detail": "SYN-ACK" | "RST" | "ICMP 3/13 from 10.10.40.1" | …,
                 "hop": "10.10.40.1" | null, "rtt_ms": 1.2 | null}],
     "traces": [{"zone": "staff", "dst": "10.10.10.5", "hops": ["10.10.40.1", null, …]}],
     "hosts": [{"address": "10.10.40.1", "mac": "…" | null, "how": "arp" | "echo" | "nmap"}],
     "refused_targets": [{"dst": "8.8.8.8", "why": "outside every zone of the site file"}]}

Results (``RESULTS``): *answered* — the target answered the service (TCP SYN-ACK, a UDP
reply, an ICMP echo reply): reachable; *refused* — the target itself refused (TCP RST from
the target, ICMP port unreachable from the target): the packets reach it, only no service
listens; *prohibited* — an ICMP administratively-prohibited (type 3 code 9, 10 or 13), or an
unreachable / RST from an address other than the target, naming ``hop``; *no_answer* —
nothing came back within the timeout, which proves nothing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from netaddr import AddrFormatError, IPAddress

from ..messages import Text
from ..model import InputError
from ..vocabulary import PROBE_RESULTS

SCHEMA = "netaudit/probes/v1"
ANSWERED, REFUSED, PROHIBITED, NO_ANSWER = "answered", "refused", "prohibited", "no_answer"
RESULTS = PROBE_RESULTS
# The results that prove packets of the service reach the target from the vantage point.
REACHED = (ANSWERED, REFUSED)


@dataclass(frozen=True)
class Probe:
    """One probe and what came back."""

    dst: str
    service: str  # "tcp/445", "udp/161", "icmp/8"
    result: str
    zone: str | None = None
    detail: str = ""
    hop: str | None = None
    rtt_ms: float | None = None

    @property
    def reached(self) -> bool:
        return self.result in REACHED

    def to_json(self) -> dict:
        return {
            "dst": self.dst,
            "zone": self.zone,
            "service": self.service,
            "result": self.result,
            "detail": self.detail,
            "hop": self.hop,
            "rtt_ms": self.rtt_ms,
        }


@dataclass
class ProbeRun:
    """One vantage point's probe results (one file)."""

    file: str
    sha256: str
    vantage: dict
    plan: dict = field(default_factory=dict)
    probes: list[Probe] = field(default_factory=list)
    traces: list[dict] = field(default_factory=list)
    hosts: list[dict] = field(default_factory=list)
    refused_targets: list[dict] = field(default_factory=list)

    @property
    def zone(self) -> str:
        return str(self.vantage.get("zone") or "")

    def to_json(self) -> dict:
        return {
            "schema": SCHEMA,
            "file": self.file,
            "sha256": self.sha256,
            "vantage": self.vantage,
            "plan": self.plan,
            "probes": [p.to_json() for p in self.probes],
            "traces": self.traces,
            "hosts": self.hosts,
            "refused_targets": self.refused_targets,
        }


def _address(value, where: str) -> str:
    try:
        return str(IPAddress(str(value), 4))
    except (AddrFormatError, ValueError, TypeError):
        raise InputError(Text("live.error.address", where=where, value=repr(value))) from None


def run_from_dict(doc: dict, file: str, sha256: str = "") -> ProbeRun:
    """A :class:`ProbeRun` from a ``netaudit/probes/v1`` document; an :class:`InputError`
    naming the file and the entry when it is not one."""
    if not isinstance(doc, dict) or doc.get("schema") != SCHEMA:
        raise InputError(Text("live.error.schema", schema=SCHEMA), file)
    vantage = doc.get("vantage")
    if not isinstance(vantage, dict) or not vantage.get("zone"):
        raise InputError(Text("live.error.no_zone"), file)
    probes = []
    for i, p in enumerate(doc.get("probes") or []):
        where = f"{file}: probes[{i}]"
        if not isinstance(p, dict):
            raise InputError(Text("live.error.not_object", where=where))
        if p.get("result") not in RESULTS:
            result = repr(p.get("result"))
            raise InputError(Text("live.error.result", where=where, result=result, choices=", ".join(RESULTS)))
        service = str(p.get("service") or "")
        if "/" not in service:
            raise InputError(Text("live.error.service", where=where, service=repr(service)))
        hop = p.get("hop")
        rtt = p.get("rtt_ms")
        probes.append(
            Probe(
                dst=_address(p.get("dst"), where),
                service=service,
                result=p["result"],
                zone=p.get("zone") or None,
                detail=str(p.get("detail") or ""),
                hop=_address(hop, where) if hop else None,
                rtt_ms=float(rtt) if isinstance(rtt, (int, float)) else None,
            )
        )
    return ProbeRun(
        file=file,
        sha256=sha256,
        vantage=dict(vantage),
        plan=dict(doc.get("plan") or {}),
        probes=probes,
        traces=list(doc.get("traces") or []),
        hosts=list(doc.get("hosts") or []),
        refused_targets=list(doc.get("refused_targets") or []),
    )


def read_json(path: str | Path, expected: Text | None = None) -> tuple[Any, str]:
    """The JSON document in ``path`` and the SHA-256 of its bytes; an :class:`InputError`
    naming the file (and the line) when it cannot be read or is not JSON (``expected``:
    what the file should have been, added to the message)."""
    import hashlib

    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as e:
        raise InputError(Text("live.error.cannot_read", error=str(e.strerror or e)), str(p)) from None
    try:
        doc = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        line = getattr(e, "lineno", None)
        why = Text(
            "live.error.json",
            error=str(getattr(e, "msg", e)),
            expected=Text("live.error.expected", what=expected) if expected else "",
        )
        raise InputError(why, str(p), line) from None
    return doc, hashlib.sha256(raw).hexdigest()


def load_run(path: str | Path) -> ProbeRun:
    """Read one probe-result file (JSON ``netaudit/probes/v1``)."""
    doc, sha = read_json(path, Text("live.expected.probe_result"))
    return run_from_dict(doc, str(path), sha)
