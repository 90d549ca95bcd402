"""Juniper Junos: the remediation examples of the vendor-neutral management checks
(catalogue entries ``check.<id>.snippet.juniper_junos``), in `set` form.  No check of
settings only Junos has yet (docs/vendors/juniper_junos.md, "Checks")."""

from __future__ import annotations

from .. import messages
from ..messages import neutral

VENDOR = "juniper_junos"

# Commands written once, the reader's words in catalogue/snippets.py.  On Junos the
# source restriction of the device's own services is the lo0 input filter; on an SRX the
# host-inbound traffic of the zones says where they listen.
messages.register(
    {
        "check.mgmt-telnet.snippet.juniper_junos": neutral(
            "{snippet.example} (Juniper Junos):\n"
            "delete system services telnet\n"
            "set system services ssh root-login deny\n"
            "# {snippet.mgmt_range}:\n"
            "set policy-options prefix-list QUAN-TRI 10.10.99.0/24\n"
            "set firewall family inet filter BAO-VE-RE term SSH from source-prefix-list QUAN-TRI\n"
            "set firewall family inet filter BAO-VE-RE term SSH from protocol tcp\n"
            "set firewall family inet filter BAO-VE-RE term SSH from destination-port ssh\n"
            "set firewall family inet filter BAO-VE-RE term SSH then accept"
        ),
        "check.mgmt-http-server.snippet.juniper_junos": neutral(
            "{snippet.example} (Juniper Junos):\n"
            "delete system services web-management http\n"
            "# {snippet.ios_web_if_needed}:\n"
            "set system services web-management https system-generated-certificate\n"
            "set system services web-management https interface irb.99"
        ),
        "check.mgmt-vty-no-access-class.snippet.juniper_junos": neutral(
            "{snippet.example} (Juniper Junos):\n"
            "# {snippet.mgmt_range}:\n"
            "set policy-options prefix-list QUAN-TRI 10.10.99.0/24\n"
            "set firewall family inet filter BAO-VE-RE term SSH from source-prefix-list QUAN-TRI\n"
            "set firewall family inet filter BAO-VE-RE term SSH from protocol tcp\n"
            "set firewall family inet filter BAO-VE-RE term SSH from destination-port ssh\n"
            "set firewall family inet filter BAO-VE-RE term SSH then accept\n"
            "set firewall family inet filter BAO-VE-RE term CHAN-SSH from protocol tcp\n"
            "set firewall family inet filter BAO-VE-RE term CHAN-SSH from destination-port ssh\n"
            "set firewall family inet filter BAO-VE-RE term CHAN-SSH then discard\n"
            "set firewall family inet filter BAO-VE-RE term CON-LAI then accept\n"
            "set interfaces lo0 unit 0 family inet filter input BAO-VE-RE"
        ),
        "check.mgmt-snmp-community.snippet.juniper_junos": neutral(
            "{snippet.example} (Juniper Junos):\n"
            "delete snmp community <{snippet.community}>\n"
            "# {snippet.nms_address}:\n"
            "set snmp community <{snippet.community}> authorization read-only\n"
            "set snmp community <{snippet.community}> clients 10.10.99.10/32"
        ),
    }
)
