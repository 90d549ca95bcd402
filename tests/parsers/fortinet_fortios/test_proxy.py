"""FortiOS explicit web and FTP proxies as relay services (netaudit.parsers.fortinet_fortios.proxy).

A proxy on the FortiGate opens connections itself for the clients its proxy policies
accept: a firewall policy that denies guest → staff proves nothing while guests may use
it (docs/semantics.md, "Proxies on a device"; docs/vendors/fortinet_fortios.md,
"Explicit proxies")."""

from __future__ import annotations

from pathlib import Path

import pytest

from netaudit.audit import run_audit
from netaudit.model import PortRange
from netaudit.reach import BLOCKED, REACHABLE, UNKNOWN

from .helpers import FIXTURES, analyse, cfg, dev_of, policies, policy

FORWARD = policies(
    policy(1, '"lan"', '"wan1"', srcaddr='"LAN"', extra="        set nat enable\n"),
    policy(2, '"guest"', '"wan1"', srcaddr='"GUEST"', extra="        set nat enable\n"),
)


def web_proxy(settings: str = "    set status enable\n") -> str:
    return "config web-proxy explicit\n" + settings + "end\n"


def proxy_policy(pid: int, srcaddr: str, kind: str = "explicit-web", action: str = "accept", extra: str = "") -> str:
    return f"""    edit {pid}
        set proxy {kind}
        set dstintf "wan1"
        set srcaddr {srcaddr}
        set dstaddr "all"
        set service "webproxy"
        set action {action}
        set schedule "always"
{extra}    next
"""


def proxy_policies(*items: str, section: str = "firewall proxy-policy") -> str:
    return f"config {section}\n" + "".join(items) + "end\n"


def office(*sections: str, on: tuple[str, ...] = ("guest",), setting: str = "explicit-web-proxy"):
    """The helpers' office with ``setting enable`` on the interfaces ``on``."""
    text = cfg(FORWARD, *sections)
    for ifn in on:
        anchor = f'    edit "{ifn}"\n        set vdom "root"\n'
        text = text.replace(anchor, anchor + f"        set {setting} enable\n", 1)
    return text


def services(dev, name: str):
    return [s for s in dev.services if s.name == name]


def test_a_proxy_open_to_guests_relays_guest_to_staff_past_the_firewall_policies():
    """Guests admitted by the explicit web proxy on their interface: guest → staff is
    unknown, naming the proxy; without the proxy (section absent, status disable, or not
    enabled on the interface) the firewall policies' implicit deny proves it blocked."""
    _, cells = analyse(cfg(FORWARD))
    assert cells[("guest", "staff")].verdict == BLOCKED
    for text in (
        office(web_proxy(), proxy_policies(proxy_policy(1, '"all"'))),
        office(web_proxy(), proxy_policies(proxy_policy(1, '"GUEST"'))),
    ):
        res, cells = analyse(text)
        assert res.report.unrecognized == [] and res.report.partially_understood == []
        cell = cells[("guest", "staff")]
        assert cell.verdict == UNKNOWN and "explicit-web proxy opens connections" in cell.reason, cell
        assert "tcp/8080" in cells[("guest", "@devices")].services
    for text in (
        office(web_proxy("    set status disable\n"), proxy_policies(proxy_policy(1, '"all"'))),
        office(proxy_policies(proxy_policy(1, '"all"'))),  # no web-proxy section: status disable
        office(web_proxy(), proxy_policies(proxy_policy(1, '"all"')), on=()),
    ):
        _, cells = analyse(text)
        assert cells[("guest", "staff")].verdict == BLOCKED
        assert "tcp/8080" not in cells[("guest", "@devices")].services


def test_proxy_policy_sources_restrict_the_relay_not_the_listening_port():
    """Only staff admitted (srcaddr LAN): the guests still reach tcp/8080 (the proxy
    answers them with its deny page) but are relayed nowhere: guest → staff blocked.
    ``srcaddr-negate`` admits everyone else, guests included."""
    dev, _ = dev_of(office(web_proxy(), proxy_policies(proxy_policy(1, '"LAN"'))))
    listener, relay = services(dev, "explicit-web")
    assert not listener.relay and relay.relay and relay.ports == (PortRange(8080, 8080),)
    [line] = dev.filters[relay.acl].lines
    assert line.name == "proxy-policy 1" and line.source.text == "edit 1"
    _, cells = analyse(office(web_proxy(), proxy_policies(proxy_policy(1, '"LAN"'))))
    assert cells[("guest", "staff")].verdict == BLOCKED
    assert cells[("guest", "@devices")].verdict == REACHABLE and "tcp/8080" in cells[("guest", "@devices")].services
    negated = proxy_policy(1, '"LAN"', extra="        set srcaddr-negate enable\n")
    _, cells = analyse(office(web_proxy(), proxy_policies(negated)))
    assert cells[("guest", "staff")].verdict == UNKNOWN


def test_deny_policies_and_disabled_policies_admit_nobody_and_default_accept_admits_all():
    deny_only = proxy_policies(
        proxy_policy(1, '"all"', action="deny"),
        proxy_policy(2, '"all"', extra="        set status disable\n"),
    )
    _, cells = analyse(office(web_proxy(), deny_only))
    assert cells[("guest", "staff")].verdict == BLOCKED
    accept_all = web_proxy("    set status enable\n    set sec-default-action accept\n")
    _, cells = analyse(office(accept_all, deny_only))
    assert cells[("guest", "staff")].verdict == UNKNOWN


def test_a_proxy_on_the_staff_interface_only_is_out_of_the_guests_reach():
    """Enabled on lan only, open to every source: guests cannot reach lan's address
    (another interface's address is through traffic, and no policy lets guest → lan), so
    guest → staff stays blocked; staff, who reach it, may reach the guests."""
    _, cells = analyse(office(web_proxy(), proxy_policies(proxy_policy(1, '"all"')), on=("lan",)))
    assert cells[("guest", "staff")].verdict == BLOCKED
    assert "tcp/8080" not in cells[("guest", "@devices")].services
    assert cells[("staff", "guest")].verdict == UNKNOWN


def test_ports_https_ftp_over_http_socks_and_pac():
    settings = """    set status enable
    set http-incoming-port 3128
    set https-incoming-port 3129
    set ftp-over-http enable
    set socks enable
    set socks-incoming-port 1080
    set pac-file-server-status enable
    set pac-file-server-port 8081
"""
    dev, rep = dev_of(office(web_proxy(settings), proxy_policies(proxy_policy(1, '"LAN"'))))
    assert rep.partially_understood == []
    web = services(dev, "explicit-web")
    assert {s.ports for s in web} == {(PortRange(3128, 3128), PortRange(3129, 3129))}
    [socks] = services(dev, "socks")  # which policies SOCKS sessions match: every client
    assert socks.relay and socks.ports == (PortRange(1080, 1080),) and "clients" not in socks.acl
    [pac] = services(dev, "web-proxy-pac")
    assert not pac.relay and pac.ports == (PortRange(8081, 8081),)
    # 0 (the default) = the HTTP ports: FTP over HTTP and the PAC file on 3128
    dev, _ = dev_of(office(web_proxy(settings.replace("set https-incoming-port 3129", "set https-incoming-port 0"))))
    assert {s.ports for s in services(dev, "explicit-web")} == {(PortRange(3128, 3128),)}


@pytest.mark.parametrize(
    ("setting", "why"),
    [
        ("set http-incoming-port 80a", "set http-incoming-port 80a not understood"),
        ("set status maybe", "set status maybe not understood"),
        ("set incoming-ip 10.0.50.1", "incoming-ip 10.0.50.1"),
    ],
)
def test_what_cannot_be_read_makes_the_proxy_partial_never_absent(setting, why):
    dev, rep = dev_of(
        office(web_proxy(f"    set status enable\n    {setting}\n"), proxy_policies(proxy_policy(1, '"all"')))
    )
    [svc] = services(dev, "explicit-web")
    assert svc.relay and why in svc.partial
    assert any(why in p["reason"] for p in rep.partially_understood)
    if "port" in setting:
        assert svc.ports == ()  # any TCP port


def test_explicit_ftp_proxy_on_its_own_interfaces_and_policies():
    ftp = "config ftp-proxy explicit\n    set status enable\nend\n"
    only_staff = proxy_policies(proxy_policy(1, '"LAN"', kind="ftp"), proxy_policy(2, '"all"'))
    dev, _ = dev_of(office(ftp, only_staff, setting="explicit-ftp-proxy"))
    assert not services(dev, "explicit-web")
    _listener, relay = services(dev, "explicit-ftp")
    assert relay.relay and relay.ports == (PortRange(21, 21),)
    _, cells = analyse(office(ftp, only_staff, setting="explicit-ftp-proxy"))
    assert cells[("guest", "staff")].verdict == BLOCKED
    _, cells = analyse(office(ftp, proxy_policies(proxy_policy(1, '"all"', kind="ftp")), setting="explicit-ftp-proxy"))
    assert cells[("guest", "staff")].verdict == UNKNOWN


def test_fortios_52_explicit_proxy_policy_name_and_other_proxy_kinds():
    """5.2/5.4 ``explicit-proxy-policy`` with ``set proxy web`` admits as ``explicit-web``
    does; a transparent-web or wanopt policy is read and left as a coverage note."""
    text = office(
        web_proxy(),
        proxy_policies(
            proxy_policy(1, '"GUEST"', kind="web"),
            proxy_policy(2, '"all"', kind="wanopt"),
            section="firewall explicit-proxy-policy",
        ),
    )
    res, cells = analyse(text)
    assert res.report.unrecognized == []
    assert [p["construct"] for p in res.report.partially_understood] == ["firewall explicit-proxy-policy 2"]
    assert cells[("guest", "staff")].verdict == UNKNOWN


# --------------------------------------------------------------------------- TTPVHCC fixtures


def fixture_audit(name: str):
    conf = FIXTURES / f"{name}.conf"
    return run_audit([conf], Path(FIXTURES / f"{name}.site.yaml"))


def test_ttpvhcc_proxy_for_staff_only_keeps_the_guests_isolated():
    """A TTPVHCC whose staff browse through the explicit proxy (VL10-CANBO, policy
    CANBO-QUA-PROXY): the guests cannot reach the proxy port, so guest → every inside
    zone stays blocked; what the staff may reach through it is unknown."""
    a = fixture_audit("ttpvhcc-proxy-canbo")
    cells = {(c.src, c.dst): c for c in a.matrix}
    [rep] = a.snapshot.reports
    assert rep.unrecognized == [] and rep.partially_understood == []
    for dst in ("staff", "servers", "counter", "kiosk", "mgmt", "dmz", "tslcd"):
        assert cells[("guest", dst)].verdict == BLOCKED, dst
    assert "tcp/3128" not in cells[("guest", "@devices")].services
    assert cells[("staff", "guest")].verdict == UNKNOWN and "explicit-web proxy" in cells[("staff", "guest")].reason


def test_ttpvhcc_proxy_open_on_the_guest_wifi_is_a_path_to_staff():
    """The same office with the proxy also enabled on WIFI-KHACH for web filtering
    (policy KHACH-LOC-WEB): guest → staff is unknown, naming the proxy, and the guests
    reaching tcp/3128 on the FortiGate is a guest-isolation finding citing the lines."""
    a = fixture_audit("ttpvhcc-proxy-khach")
    cells = {(c.src, c.dst): c for c in a.matrix}
    for dst in ("staff", "servers", "mgmt"):
        cell = cells[("guest", dst)]
        assert cell.verdict == UNKNOWN and "FGT-TTHCC-TB: the explicit-web proxy" in cell.reason, dst
    f = next(f for f in a.findings if f.check == "guest-isolation" and f.zones[1] == "@devices")
    assert "tcp/3128" in f.detail["en"]
    texts = {e["text"] for e in f.evidence}
    assert {"set status enable", "set explicit-web-proxy enable"} <= texts
