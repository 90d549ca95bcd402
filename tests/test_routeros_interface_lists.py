"""End to end: RouterOS interface lists filled at run time, and a rule on a list that has
no member (docs/vendors/mikrotik_routeros.md, "Interface lists filled at run time").
Commune offices as technicians export them (v6 and v7 syntax, defaults left out), each
audited against its site file, with the verdicts a reader derives by hand:

* ppp-profile-wan-v6: the VNPT uplink ``pppoe-out1`` is in no ``/interface list member``
  entry, its PPP profile puts it in WAN (``/ppp profile add interface-list=WAN``): the
  drops on WAN apply to it — the Internet reaches neither the LAN nor the router, proven;
* wan-list-empty-v6: the same office with a profile that names no list — WAN has no
  member, its drops match nothing (the Internet reaches the LAN), and the finding
  ``routeros-rule-empty-interface-list`` names each of those rules by file and line;
* l2tp-vpn-lan-v7: the L2TP server's profile (the built-in ``default-encryption``) puts
  every session's interface in LAN: a rule accepting LAN may take any zone's packets —
  a session of a user with an account — so guest → staff is unknown, never "blocked";
* detect-internet-wan-v7: WAN has no member of its own, Detect Internet fills it at run
  time: the Internet → LAN cell is unknown, not "reachable" by an empty list nor
  "blocked" by a guess, and no rule is said to match nothing.
"""

from __future__ import annotations

import pytest
from helpers import EVERY_NEW_CONNECTION, cells, check_cells, fixture_audit

from netaudit.reach import BLOCKED, REACHABLE, UNKNOWN
from netaudit.report import RenderOptions, prepare_doc, render_doc
from netaudit.report.json_report import audit_dict
from netaudit.report.view import build

EMPTY_LIST = "routeros-rule-empty-interface-list"


def audit(name: str, tmp_path_factory):
    return fixture_audit("mikrotik_routeros", name, tmp_path_factory)


def report(a, lang: str) -> tuple[str, object]:
    """The Markdown report of audit ``a`` in ``lang`` and its view (root causes, findings)."""
    options = RenderOptions(lang=lang)
    doc = audit_dict(a, options)
    return render_doc(doc, "md", options), build(prepare_doc(doc, options), options)


def test_pppoe_client_in_wan_by_its_profile_is_behind_the_wan_drops(tmp_path_factory):
    a = audit("ppp-profile-wan-v6", tmp_path_factory)
    check_cells(
        a,
        {
            ("internet", "canbo"): BLOCKED,  # forward: drop new from WAN not DSTNATed
            ("internet", "khach"): BLOCKED,
            ("internet", "@devices"): (REACHABLE, ["icmp/8"]),  # accepted before the WAN drop
            ("canbo", "internet"): (REACHABLE, EVERY_NEW_CONNECTION),
            ("khach", "canbo"): BLOCKED,
        },
    )
    got = cells(a)[("internet", "canbo")]
    assert any(b["line"] == 51 for b in got.blocking)  # the WAN drop, on pppoe-out1
    (dev,) = a.devices
    assert dev.interface_lists["WAN"] == ["pppoe-out1"]
    assert a.snapshot.reports[0].partially_understood == []
    assert not [f for f in a.findings if f.check in (EMPTY_LIST, "unknown-verdict")]


def test_rules_on_an_empty_wan_list_are_named_as_the_root_cause(tmp_path_factory):
    a = audit("wan-list-empty-v6", tmp_path_factory)
    got = cells(a)
    assert got[("internet", "canbo")].verdict == REACHABLE  # the drop matches nothing
    found = sorted((f for f in a.findings if f.check == EMPTY_LIST), key=lambda f: f.evidence[0]["line"])
    assert [(f.severity, [(e["line"], e["text"]) for e in f.evidence]) for f in found] == [
        (
            "medium",
            [
                (44, 'add action=drop chain=input comment="chan Internet vao router" in-interface-list=WAN'),
                (15, "add name=WAN"),
            ],
        ),
        (
            "medium",
            [
                (
                    51,
                    'add action=drop chain=forward comment="chan Internet vao LAN" '
                    "connection-nat-state=!dstnat connection-state=new in-interface-list=WAN",
                ),
                (15, "add name=WAN"),
            ],
        ),
    ]
    forward = found[1]
    assert "wan-list-empty-v6.rsc:51" in forward.detail["vi"] and "wan-list-empty-v6.rsc:51" in forward.detail["en"]
    assert "không khớp với gói tin nào" in forward.detail["vi"] and "matches no packet" in forward.detail["en"]
    assert "bảo vệ" in forward.detail["vi"] and "protection it was written for does not exist" in forward.detail["en"]
    # the uplink named, and the command that puts it in WAN
    assert (
        "pppoe-out1" in forward.remediation["vi"] and "add interface=pppoe-out1 list=WAN" in forward.remediation["en"]
    )
    for lang, title in (("vi", "danh sách giao diện không có thành viên"), ("en", "interface list with no member")):
        text, view = report(a, lang)
        rows = [r for r in view.root_causes if any(title in c["title"] for c in r["findings"])]
        assert sorted(e["loc"] for r in rows for e in r["lines"]) == [
            "wan-list-empty-v6.rsc:15",
            "wan-list-empty-v6.rsc:15",
            "wan-list-empty-v6.rsc:44",
            "wan-list-empty-v6.rsc:51",
        ]
        assert "wan-list-empty-v6.rsc:51" in text and title in text


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_ppp_server_putting_its_sessions_in_lan_leaves_guest_to_staff_unknown(lang, tmp_path_factory):
    a = audit("l2tp-vpn-lan-v7", tmp_path_factory)
    check_cells(
        a,
        {
            ("khach", "canbo"): UNKNOWN,  # "accept LAN" may take a guest's L2TP session
            ("internet", "canbo"): UNKNOWN,
            # the bridge is LAN's member: its accept is exact
            ("canbo", "internet"): (REACHABLE, EVERY_NEW_CONNECTION),
            ("khach", "internet"): (REACHABLE, EVERY_NEW_CONNECTION),
        },
    )
    text, _ = report(a, lang)
    reason = {
        "vi": "máy chủ PPP tạo một giao diện cho mỗi phiên kết nối và, theo hồ sơ default-encryption, đưa giao "
        "diện đó vào danh sách LAN khi đang chạy",
        "en": "a PPP server creates an interface for each session and, by profile default-encryption, puts it "
        "in list LAN at run time",
    }[lang]
    assert reason in text
    assert not [f for f in a.findings if f.check == EMPTY_LIST]


def test_detect_internet_filling_wan_leaves_internet_to_lan_unknown(tmp_path_factory):
    a = audit("detect-internet-wan-v7", tmp_path_factory)
    got = cells(a)
    assert got[("internet", "yte")].verdict == UNKNOWN
    assert "Detect Internet" in str(got[("internet", "yte")].reason)
    # the bridge too may be found "WAN" and meet the drop: not proven reachable either
    assert got[("yte", "internet")].verdict == UNKNOWN
    assert not [f for f in a.findings if f.check == EMPTY_LIST]
    text, _ = report(a, "vi")
    assert "Detect Internet (detect-interface-list=all) tự đưa các giao diện nó theo dõi vào danh sách WAN" in text


def test_a_serial_modem_ppp_client_joins_its_profiles_list(tmp_path):
    """``/interface ppp-client`` (a 3G/USB modem's dial-up link) is a PPP client like
    PPPoE: its interface exists, its default route is the Internet exit, and its profile
    puts it in WAN — so the drops on WAN apply to it and no rule is said to match nothing
    (the menu was skipped: the modem's link did not exist, WAN looked empty)."""
    from helpers import FIXTURES

    from netaudit.audit import run_audit

    text = (FIXTURES / "mikrotik_routeros" / "ppp-profile-wan-v6.rsc").read_text(encoding="utf-8")
    pppoe = (
        "/interface pppoe-client\nadd add-default-route=yes disabled=no interface=ether1 name=pppoe-out1 \\\n"
        "    password=Vnpt@2024xa profile=vnpt use-peer-dns=yes user=ubnd_tanlap\n"
    )
    assert pppoe in text
    modem = "/interface ppp-client\nadd add-default-route=yes apn=m3-world disabled=no name=ppp-out1 port=usb1 profile=vnpt\n"
    (tmp_path / "r.rsc").write_text(text.replace(pppoe, modem).replace("pppoe-out1", "ppp-out1"), encoding="utf-8")
    (tmp_path / "site.yaml").write_bytes((FIXTURES / "mikrotik_routeros" / "ppp-profile-wan-v6.site.yaml").read_bytes())
    a = run_audit([tmp_path])
    assert "ppp-out1" in a.devices[0].interfaces and "ppp-out1" in a.devices[0].interface_lists["WAN"]
    got = cells(a)
    assert got[("internet", "canbo")].verdict == BLOCKED and got[("internet", "khach")].verdict == BLOCKED
    assert not [f for f in a.findings if f.check == EMPTY_LIST]
