"""H3C Comware: the Comware remediation examples of the vendor-neutral management checks
(catalogue entries ``check.<id>.snippet.h3c_comware``, rendered by
``evidence.vendor_remediation`` after the remediation sentence).  No Comware-only check
yet: the settings one would read (reversible ``password cipher`` local users, vty lines
with ``authentication-mode none``) are kept in the device's facts
(:class:`~netaudit.parsers.h3c_comware.facts.ComwareFacts`)."""

from __future__ import annotations

from .. import messages
from ..messages import neutral

# Commands written once (Comware V7), the reader's words in catalogue/snippets.py.
messages.register(
    {
        "check.mgmt-telnet.snippet.h3c_comware": neutral(
            "{snippet.example} (H3C Comware):\n"
            "acl basic 2000\n"
            " rule 5 permit source 10.10.99.0 0.0.0.255   # {snippet.mgmt_range}\n"
            "undo telnet server enable\n"
            "ssh server enable\n"
            "line vty 0 63\n"
            " acl 2000 inbound\n"
            " authentication-mode scheme\n"
            " protocol inbound ssh"
        ),
        "check.mgmt-http-server.snippet.h3c_comware": neutral(
            "{snippet.example} (H3C Comware):\n"
            "undo ip http enable\n"
            "# {snippet.ios_web_if_needed}:\n"
            "ip https enable\n"
            "ip https acl 2000   # {snippet.mgmt_range}"
        ),
        "check.mgmt-vty-no-access-class.snippet.h3c_comware": neutral(
            "{snippet.example} (H3C Comware):\n"
            "acl basic 2000\n"
            " rule 5 permit source 10.10.99.0 0.0.0.255   # {snippet.mgmt_range}\n"
            "line vty 0 63\n"
            " acl 2000 inbound\n"
            " protocol inbound ssh"
        ),
        "check.mgmt-snmp-community.snippet.h3c_comware": neutral(
            "{snippet.example} (H3C Comware):\n"
            "acl basic 2001\n"
            " rule 5 permit source 10.10.99.10 0   # {snippet.nms_address}\n"
            "snmp-agent community read cipher <{snippet.community}> acl 2001\n"
            "# {snippet.or_disable_snmp}:\n"
            "undo snmp-agent"
        ),
    }
)
