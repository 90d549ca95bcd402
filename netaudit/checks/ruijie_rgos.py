"""Ruijie RGOS remediation examples of the vendor-neutral management checks (catalogue
entries ``check.<id>.snippet.ruijie_rgos``): RGOS switches its servers with ``enable
service …`` (docs/vendors/ruijie_rgos.md, "Management plane"), not with IOS's ``ip http
server`` / ``transport input``.  No RGOS-only check yet.
"""

from __future__ import annotations

from .. import messages
from ..messages import neutral

# Commands written once; the reader's words in catalogue/snippets.py.
messages.register(
    {
        "check.mgmt-telnet.snippet.ruijie_rgos": neutral(
            "{snippet.example} (Ruijie RGOS):\n"
            "ip access-list standard QUAN-TRI\n"
            " 10 permit 10.10.99.0 0.0.0.255   # {snippet.mgmt_range}\n"
            "no enable service telnet-server\n"
            "enable service ssh-server\n"
            "line vty 0 4\n"
            " access-class QUAN-TRI in\n"
            " login local"
        ),
        "check.mgmt-http-server.snippet.ruijie_rgos": neutral(
            "{snippet.example} (Ruijie RGOS):\n"
            "no enable service web-server http\n"
            "# {snippet.ios_web_if_needed}:\n"
            "enable service web-server https"
        ),
        "check.mgmt-vty-no-access-class.snippet.ruijie_rgos": neutral(
            "{snippet.example} (Ruijie RGOS):\n"
            "ip access-list standard QUAN-TRI\n"
            " 10 permit 10.10.99.0 0.0.0.255   # {snippet.mgmt_range}\n"
            "line vty 0 4\n"
            " access-class QUAN-TRI in"
        ),
        "check.mgmt-snmp-community.snippet.ruijie_rgos": neutral(
            "{snippet.example} (Ruijie RGOS):\n"
            "ip access-list standard NMS\n"
            " 10 permit host 10.10.99.10   # {snippet.nms_address}\n"
            "snmp-server community <{snippet.community}> ro NMS\n"
            "# {snippet.or_disable_snmp}:\n"
            "no enable service snmp-agent"
        ),
    }
)
