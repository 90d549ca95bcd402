"""Zones: the site file, zone inference, and where each zone's hosts sit.

* :mod:`.site` — ``load_site`` reads and validates ``site.yaml`` (errors name file and
  line; unknown keys are errors); ``site_warnings`` says what every report must carry
  about it.  No topology needed.
* :mod:`.placement` — ``check_references`` holds the site file's device, VLAN and
  interface names against the snapshot; ``resolve`` places each zone in the topology's
  L2 domains and computes the addresses it owns.
* :mod:`.infer` — ``infer_site`` drafts zones from the names in the configs, for a
  person to confirm (``netaudit init``, written by ``site_to_yaml``).

The names importers use are re-exported here (``from netaudit.zones import …``).
The site-file schema and limits: docs/limits.md, "Site file"; zone addresses and the
external zone: docs/semantics.md.
"""

from __future__ import annotations

from ..vocabulary import DEVICES_ZONE, KINDS, UNIT_PLACEHOLDER, unit_is_placeholder
from .draft import site_to_yaml
from .infer import _words as _words  # the word splitter zone inference matches on (tests)
from .infer import classify, infer_site
from .placement import PlacedZone, check_references, resolve
from .site import (
    DEFAULT_MAX_ZONES,
    MAX_ZONES_ENV,
    SITE_MAX_BYTES,
    SITE_MAX_DEPTH,
    SITE_MAX_VALUES,
    PolicyOverride,
    Site,
    Zone,
    did_you_mean,
    load_site,
    max_zones,
    site_from_dict,
    site_warnings,
    zone_name,
)

__all__ = [
    "DEFAULT_MAX_ZONES",
    "DEVICES_ZONE",
    "KINDS",
    "MAX_ZONES_ENV",
    "SITE_MAX_BYTES",
    "SITE_MAX_DEPTH",
    "SITE_MAX_VALUES",
    "UNIT_PLACEHOLDER",
    "PlacedZone",
    "PolicyOverride",
    "Site",
    "Zone",
    "check_references",
    "classify",
    "did_you_mean",
    "infer_site",
    "load_site",
    "max_zones",
    "resolve",
    "site_from_dict",
    "site_to_yaml",
    "site_warnings",
    "unit_is_placeholder",
    "zone_name",
]
