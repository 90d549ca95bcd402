"""Words every part of netaudit uses, defined once.

Severities, the devices' pseudo-zone, zone kinds, compliance regimes, output formats
and the mark of an unreviewed ``netaudit init`` draft.  This module imports nothing:
the renderers (``report/view.py``) and the compliance evaluation work on a saved JSON
document without loading the topology or the engine.
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
DOC_FORMATS = ("json", "html", "pdf", "md", "sarif")
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
