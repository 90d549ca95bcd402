"""Every line counted: what the converters used is recognized; the rest is ignored on
purpose (this table) or unrecognized; secrets are collected whatever the line."""

from __future__ import annotations

import re
from functools import lru_cache

from .state import State

ALL = None  # every option of the section type is irrelevant on purpose

# Bridge IGMP snooping timers (netifd bridge.c: the kernel's multicast querier and group
# membership timing): which ports get a multicast group's frames, never unicast
# reachability.  Accepted on a bridge device and on a 19.07 ``type 'bridge'`` interface.
IGMP_TIMERS = ("robustness", "query_interval", "query_response_interval", "last_member_interval")

# package -> section type -> options that are irrelevant to reachability (ALL = every one)
IGNORED: dict[str, dict[str, frozenset[str] | None]] = {
    "network": {
        "interface": frozenset(
            {
                "ip6assign",
                "ip6hint",
                "ip6class",
                "ip6addr",
                "ip6gw",
                "ip6prefix",
                "ip6ifaceid",
                "reqaddress",
                "reqprefix",
                "ipv6",
                "delegate",
                "macaddr",
                "mtu",
                "dns",
                "peerdns",
                "force_link",
                "broadcast",
                "hostname",
                "clientid",
                "vendorid",
                "username",
                "password",
                "keepalive",
                "auto",
                "dns_metric",
                "norelease",
                "sourcefilter",
                "service",
                "apn",
                "pincode",
                "pdptype",
                "auth",
                "dns_search",
                "stp",
                "igmp_snooping",
                "multicast_querier",
                "persist",
                "maxfail",
                "holdoff",
                "demand",
                "ac",
                "host_uniq",
                "pppd_options",
                "mru",
                "ttl",
                "auto_ipv6",
                "ifaceid",
                "bridge_empty",
                "private_key",
                "listen_port",
                "addresses",
                "mode",
                "classlessroute",
                "release",
                "send_hostname",
                "metric",
                "ip6table",
                "device_mode",
                "zone",
                "ipv6_vendor",
                "macaddr_random",
                "delegate_prefix",
                # IPv6 router advertisements taken / solicited (OpenWrt 10.03; netifd ignores
                # them): IPv6 is not modelled
                "accept_ra",
                "send_rs",
                # proto dhcp: DHCP options udhcpc asks for (-O) and sends (-x).  The only
                # answers dhcp.script turns into routes are the router (the run-time default
                # route, modelled) and classless routes, requested by default (classlessroute)
                # and not modelled with or without these
                "reqopts",
                "sendopts",
                *IGMP_TIMERS,
            }
        ),
        "device": frozenset(
            {
                "macaddr",
                "mtu",
                "mtu6",
                "ipv6",
                "stp",
                "igmp_snooping",
                "multicast_querier",
                "txqueuelen",
                "bridge_empty",
                "vlan_filtering",
                "acceptlocal",
                "sendredirects",
                "rxpause",
                "txpause",
                "autoneg",
                "speed",
                "duplex",
                "promisc",
                "rpfilter",
                "hello_time",
                "forward_delay",
                "max_age",
                "priority",
                "ageing_time",
                "multicast_to_unicast",
                "unicast_flood",
                "learning",
                "isolate",
                "neighreport",
                "macaddr_random",
                "eee",
                "pse",
                "mode",
                "enabled",
                "disabled",
                "ingress_qos_mapping",
                "egress_qos_mapping",
                "hash_policy",
                "master",
                "peer_name",
                *IGMP_TIMERS,
            }
        ),
        "bridge-vlan": frozenset({"local", "alias", "description", "name"}),
        "route": frozenset({"mtu", "onlink", "source", "proto", "disabled", "name"}),
        "rule": frozenset({"priority", "goto", "name"}),
        "globals": ALL,
        "switch": ALL,
        "switch_port": ALL,
        "alias": ALL,
        "route6": ALL,
        "rule6": ALL,
        "switch_vlan": frozenset({"description"}),
    },
    "wireless": {"wifi-device": ALL, "wifi-iface": ALL, "wifi-vlan": ALL, "wifi-station": ALL},
    "firewall": {
        "defaults": ALL,
        "zone": frozenset({"log", "log_limit", "counter", "conntrack", "mtu_fix"}),
        "rule": frozenset({"log", "log_limit", "counter", "utc_time", "id", "_name", "set_mark", "set_xmark"}),
        "redirect": frozenset({"log", "log_limit", "counter", "utc_time", "id", "_name"}),
        "forwarding": frozenset({"log", "id"}),
        "include": ALL,
        "ipset": ALL,
        "nat": ALL,
    },
}
# Packages read by the services (dhcp, dropbear, uhttpd, snmpd, the proxies) or that do not decide
# what is reachable: their lines are ignored on purpose (secrets still collected).  Those
# that change forwarding but are not modelled make interfaces partial (parser.py).  Any
# other package is unknown: its lines are listed as not recognised.
IGNORED_PACKAGES = frozenset(
    {
        "dhcp", "dropbear", "uhttpd", "snmpd", "p910nd", "system", "luci", "rpcd", "ucitrack", "fstab", "ubootenv",
        "luci_statistics", "ddns", "sqm", "upnpd", "nlbwmon", "attendedsysupgrade", "irqbalance", "uwsgi",
        "mwan3", "pbr", "vpn-policy-routing", "openvpn", "bcp38", "banip", "nft-qos", "wireguard", "tinc",
        "qos",  # qos-scripts: tc shaping, like sqm (its packet marks feed tc; rules matching marks are partial)
        # igmpproxy: forwards multicast group traffic (IGMP joins, IPTV streams) between
        # its phyint networks; no unicast packet, so no connection a zone opens to another
        "igmpproxy",
        # proxy daemons, read as relays (proxies.py)
        "tinyproxy", "privoxy", "squid", "microsocks", "shadowsocks-libev",
    }
)  # fmt: skip


def conffile_copy(package: str) -> bool:
    """Whether ``package`` is a package manager's copy of a configuration file it did not
    overwrite — opkg's ``/etc/config/luci-opkg``, apk's ``/etc/config/luci.apk-new`` (the
    new default kept beside a file the user changed): no init script loads it, so it
    configures nothing (``tail -n +1 /etc/config/*`` shows it, ``uci export`` the opkg one)."""
    return package.endswith(("-opkg", ".apk-new"))


SECRET_KEYS = {
    "key",
    "key1",
    "key2",
    "key3",
    "key4",
    "password",
    "psk",
    "sae_password",
    "auth_secret",
    "acct_secret",
    "private_key",
    "preshared_key",
    "community",
    "passphrase",
    "secret",
    "pincode",
    "password2",
    "priv_key",
    "auth_pass",
    "priv_pass",
    "ppsk_secret",
    "sharedkey",
    "pass",
    "key_passphrase",
    "root_password",
    "sec_key",
    "wpa_passphrase",
}


# Option names that hold a secret whatever the package (an unknown option named so is
# treated as one: a secret shown by mistake costs more than a masked ordinary word).
# acme's `list credentials 'dns_cloudflare_api_token=…'` (the DNS API's keys, one
# `NAME=value` each) and the `*_token` options of DDNS and VPN clients are secrets too.
_SECRET_NAME = re.compile(r"(pass(word|phrase)?|secret|psk|(^|_)key\d?|token|credentials?)$", re.I)


@lru_cache(maxsize=4096)
def is_secret_option(key: str) -> bool:
    """Whether an option's value is a secret, by its name (remembered per name: an export
    repeats a few dozen option names thousands of times)."""
    return key.lower() in SECRET_KEYS or bool(_SECRET_NAME.search(key))


def collect_secrets(st: State) -> None:
    """Every value of a secret-bearing option, masked in every output (by line and value)."""
    # The option names of this input found not secret: a section that has only such names
    # is passed by one set test (an export repeats a few dozen names thousands of times).
    plain: set[str] = set()
    for s in st.text.sections:
        if plain.issuperset(s.options) and plain.issuperset(s.lists):
            continue
        for key, o in s.options.items():
            if not is_secret_option(key):
                plain.add(key)
            elif o.value:
                _add(st, o.value, o.line)
        for key, items in s.lists.items():
            if not is_secret_option(key):
                plain.add(key)
                continue
            for o in items:
                if o.value:
                    _add(st, o.value, o.line)


def _add(st: State, value: str, line: int) -> None:
    if len(value) < 2 or (value.isdecimal() and len(value) <= 2):
        return
    st.dev.secrets.add(value)
    st.dev.secret_lines.setdefault(line, set()).add(value)


def account(st: State) -> None:
    """recognized / ignored / unrecognized for every line of the input."""
    rep = st.rep
    ignored = st.text.ignored
    unrec = list(st.text.unrecognized)
    for s in st.text.sections:
        table = IGNORED.get(s.package)
        if table is None:
            if s.package in IGNORED_PACKAGES or conffile_copy(s.package):
                ignored += 1 + len(s.options) + sum(len(v) for v in s.lists.values())
            else:
                unrec.append(s.src)
                unrec.extend(o.src for o in s.options.values())
                unrec.extend(o.src for items in s.lists.values() for o in items)
            continue
        if s.type not in table and not _handled_type(s.package, s.type):
            unrec.append(s.src)
            ignored += len(s.options) + sum(len(v) for v in s.lists.values())
            continue
        used = s.used
        if used.issuperset(s.options) and used.issuperset(s.lists):
            continue  # every option read by a converter (nearly every section): none to count
        allowed = table.get(s.type, frozenset())
        for key, o in s.options.items():
            if key in s.used:
                continue
            if allowed is ALL or key in (allowed or ()):
                ignored += 1
            else:
                unrec.append(o.src)
        for key, items in s.lists.items():
            if key in s.used:
                continue
            if allowed is ALL or key in (allowed or ()):
                ignored += len(items)
            else:
                unrec.extend(o.src for o in items)
    rep.ignored = ignored
    rep.unrecognized = sorted(set(unrec), key=lambda x: x.line)


HANDLED = {
    "network": {"interface", "device", "bridge-vlan", "route", "rule", "switch_vlan"},
    "firewall": {"defaults", "zone", "rule", "forwarding", "redirect", "include", "ipset"},
    "wireless": {"wifi-device", "wifi-iface"},
}


def _handled_type(package: str, type_: str) -> bool:
    # WireGuard peers: a section type named after their interface (network.py)
    return type_ in HANDLED.get(package, set()) or (package == "network" and type_.startswith("wireguard_"))
