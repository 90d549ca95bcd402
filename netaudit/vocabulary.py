"""Words every part of netaudit uses, defined once.

Severities, the devices' pseudo-zone, zone kinds, compliance regimes, output formats,
the mark of an unreviewed ``netaudit init`` draft and the service names ``netaudit trace
--service`` accepts.  This module imports nothing: the renderers (``report/view.py``) and
the compliance evaluation work on a saved JSON document without loading the topology or
the engine.
"""

from __future__ import annotations

# Finding severities, most severe first (``--fail-on``, report order and counts).
SEVERITIES = ("critical", "high", "medium", "low", "info")
SEVERITY_RANK = {s: i for i, s in enumerate(SEVERITIES)}

# The pseudo-zone of the devices' own control planes (matrix column, policy ``to:``).
DEVICES_ZONE = "@devices"

# Zone kinds a site file may declare.
# Unit types with a model architecture (site file ``type``, netaudit blueprint).
UNIT_TYPES = ("commune", "ward", "ttpvhcc", "department")
KINDS = ("guest", "internal", "server", "database", "management", "dmz", "external", "wan", "kiosk", "camera")

# Compliance regimes (netaudit/compliance.py); the first is the default.
STANDARDS = ("nd331-2026", "tt12-2022")
DEFAULT_STANDARD = STANDARDS[0]

# Report formats rendered from the JSON document (``netaudit report``), and all of them
# (``netaudit audit``: the terminal text is rendered from the audit itself).
DOC_FORMATS = ("json", "html", "pdf", "docx", "md", "sarif")
FORMATS = ("text", *DOC_FORMATS)

# What ``netaudit init`` writes for the unit: a site still saying so is a draft.
UNIT_PLACEHOLDER = "TODO: tên đơn vị / unit name"

# Live evidence (docs/live.md): what one probe got back, and a matrix cell's live status
# in report order.  The report renders them from a saved JSON document.
PROBE_RESULTS = ("answered", "refused", "prohibited", "no_answer")
LIVE_STATUSES = ("contradiction", "resolved", "confirmed", "consistent", "not_observed")


def unit_is_placeholder(unit: str) -> bool:
    """True for the unit a draft from ``netaudit init`` leaves to fill in (``TODO…``)."""
    return str(unit or "").strip().upper().startswith("TODO")


# Common service names a user may type (``netaudit trace --service smb``), each the
# service strings it stands for (headerspace.expand_services).  Only the command line
# reads them: site files and reports keep the protocol/port syntax (headerspace.service_match).
SERVICE_NAMES: dict[str, tuple[str, ...]] = {
    "ssh": ("tcp/22",),
    "telnet": ("tcp/23",),
    "http": ("tcp/80",),
    "https": ("tcp/443",),
    "http-alt": ("tcp/8080",),
    "smb": ("tcp/445", "tcp/139"),
    "netbios": ("udp/137-138", "tcp/139"),
    "rdp": ("tcp/3389", "udp/3389"),
    "vnc": ("tcp/5900",),
    "winbox": ("tcp/8291",),
    "mikrotik-api": ("tcp/8728-8729",),
    "dns": ("udp/53", "tcp/53"),
    "dhcp": ("udp/67",),
    "snmp": ("udp/161",),
    "ntp": ("udp/123",),
    "syslog": ("udp/514",),
    "tftp": ("udp/69",),
    "ftp": ("tcp/21",),
    "smtp": ("tcp/25",),
    "ldap": ("tcp/389", "udp/389"),
    "ldaps": ("tcp/636",),
    "kerberos": ("tcp/88", "udp/88"),
    "mssql": ("tcp/1433",),
    "mysql": ("tcp/3306",),
    "postgres": ("tcp/5432",),
    "radius": ("udp/1812-1813",),
    "sip": ("udp/5060", "tcp/5060"),
    "ping": ("icmp/8",),
}


def service_names_help() -> str:
    """``smb (tcp/445, tcp/139), rdp (…), …`` for help texts and error messages."""
    return ", ".join(f"{n} ({', '.join(s)})" for n, s in SERVICE_NAMES.items())
